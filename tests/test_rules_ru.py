"""What only Russian's rules have (rules/ru/); the checks every language passes, with Russian
examples, are in test_rules_languages.py and rule_examples/ru.py. No pymorphy3 is needed."""

from __future__ import annotations

from coopextract.models import Period
from tests import lang_rules_helpers as h

LANG = "ru"


def test_blank_russian_tokenizer_splits_quotes_and_letter_hyphens() -> None:
    doc = h.doc(LANG, "Госкорпорация «Роскосмос», российско-китайский, Луна-25")
    assert [t.text for t in doc] == [
        "Госкорпорация",
        "«",
        "Роскосмос",
        "»",
        ",",
        "российско",
        "-",
        "китайский",
        ",",
        "Луна-25",
    ]


def test_the_side_of_one_party_is_no_pair() -> None:
    ids = h.span_ids(h.pipeline(LANG), "по информации американской стороны", "references")
    assert ids[-1:] != ["party"]


def test_a_period_from_to_with_do() -> None:
    period = h.resolver(LANG).resolve_period("с 2023 до 2027 года")
    assert period == Period(start="2023", end="2027")
