"""What only Italian's rules have (rules/it/); the checks every language passes, with Italian
examples, are in test_rules_languages.py and rule_examples/it.py."""

from __future__ import annotations

import pytest

from coopextract.pipeline.party_mentions import sentence_mentions
from tests import lang_rules_helpers as h
from tests.conftest import dv

LANG = "it"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La cooperazione russo-cinese è stata firmata.", ["Russia", "China"]),
        ("La dichiarazione Italia-Usa è stata firmata.", ["Italy", "United States"]),
    ],
)
def test_compounds_name_both_states(text: str, expected: list[str]) -> None:
    nlp = h.pipeline(LANG)
    doc = nlp(text)
    sent = next(iter(doc.sents))
    forms = nlp.get_pipe("coop_agreements").forms
    found = sentence_mentions(doc, sent, h.rules(LANG).catalog, forms)
    assert [p.entry.id for p in found] == expected


def test_a_day_with_its_ordinal_sign() -> None:
    assert h.resolver(LANG).resolve("il 1º marzo 2021", None) == dv("2021-03-01")
