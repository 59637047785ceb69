"""What only German's rules have (rules/de/); the checks every language passes, with German
examples, are in test_rules_languages.py and rule_examples/de.py."""

from __future__ import annotations

from coopextract.models import Period
from tests import lang_rules_helpers as h
from tests.conftest import dv

LANG = "de"


def test_a_year_that_ends_a_sentence_is_still_a_date() -> None:
    # German's tokenizer keeps "2022." together (an ordinal reading)
    doc = h.doc(LANG, "Es wurde im Jahr 2022. Dann kam 2023.")
    spans = [(s.text.rstrip("."), s.label_) for s in doc.spans.get("dates", [])]
    assert spans == [("im Jahr 2022", "DATE")]


def test_a_day_with_its_ordinal_dot() -> None:
    assert h.resolver(LANG).resolve("am 9. März 2021", None) == dv("2021-03-09")


def test_a_period_from_to() -> None:
    assert h.resolver(LANG).resolve_period("von 2023 bis 2027") == Period(start="2023", end="2027")


def test_a_bare_year_is_a_date_only_after_an_adverb_an_auxiliary_or_opening_a_sentence() -> None:
    doc = h.doc(
        LANG,
        "Bereits 2019 gab es die Agenda 2030 nicht. 2019 kamen 2000 Gäste, auch 2020 wieder. "
        "Das Abkommen wurde 2021 ratifiziert. Die Firma hat 2000 Mitarbeiter.",
    )
    spans = [s.text for s in doc.spans.get("dates", [])]
    assert spans == ["Bereits 2019", "2019", "auch 2020", "wurde 2021"]
