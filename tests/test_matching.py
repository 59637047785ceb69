"""Compiled rule patterns (`pipeline.matching`) find exactly the spans of the patterns as
written, in every language, on real articles and on a sample of every pattern."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from coopextract.pipeline.build import add_rule_components
from coopextract.pipeline.matching import compile_patterns, lexical_only
from coopextract.rule_files import (
    PATTERN_FAMILIES,
    available_languages,
    default_rules_dir,
    load_rules,
)
from tests.conftest import PROJECT, SHARED

LANGUAGES = available_languages(default_rules_dir())


def _sample_word(spec: dict[str, Any]) -> str:
    """A word the token spec accepts, when it names one."""
    for key in ("LOWER", "ORTH", "TEXT"):
        value = spec.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, dict) and value.get("IN"):
            return str(value["IN"][-1])
    return "2021"


def pattern_samples(language: str) -> list[str]:
    """One sentence per token pattern, made of words it names, optional ones included."""
    rule_set = load_rules(None, language)
    return [
        " ".join(_sample_word(spec) for spec in line["pattern"]) + " ."
        for family in PATTERN_FAMILIES
        for line in rule_set.patterns.get(family, [])
        if not isinstance(line["pattern"], str)
    ]


def articles(language: str) -> list[str]:
    folders = [PROJECT / "data" / "raw", SHARED / "corpus" / "fr", SHARED / "corpus" / "multi"]
    paths = sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.txt"))
    if language != "fr":
        paths = [p for p in paths if p.name.startswith(f"{language}-")]
    return [p.read_text(encoding="utf-8") for p in paths]


def spans(nlp, text: str) -> dict[str, list[tuple[int, int, str, str]]]:
    doc = nlp(text)
    return {
        family: [(s.start, s.end, s.label_, s.id_) for s in doc.spans.get(family, [])]
        for family in PATTERN_FAMILIES
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_patterns_find_the_same_spans(language: str) -> None:
    rule_set = load_rules(None, language)
    as_written = add_rule_components(spacy.blank(language), rule_set, fast=False)
    compiled = add_rule_components(spacy.blank(language), rule_set, fast=True)
    texts = [*articles(language), "\n".join(pattern_samples(language))]
    found = 0
    for text in texts:
        expected = spans(as_written, text)
        assert spans(compiled, text) == expected
        found += sum(len(v) for v in expected.values())
    assert found > 0  # the comparison compared something


def test_plain_words_become_phrases_checked_against_the_tokenizer() -> None:
    nlp = spacy.blank("fr")
    lines = [
        {"label": "A", "pattern": [{"LOWER": {"IN": ["russe", "russes"]}}], "id": "x"},
        {"label": "B", "pattern": [{"LOWER": "feuille"}, {"LOWER": "de"}, {"LOWER": "route"}]},
        # "Russe" is never a token's LOWER: left as written rather than made to match "russe".
        {"label": "C", "pattern": [{"LOWER": "Russe"}], "id": "x"},
    ]
    compiled = compile_patterns(nlp, lines)
    assert [c["pattern"] for c in compiled] == [
        "russe",
        "russes",
        "feuille de route",
        lines[2]["pattern"],
    ]
    assert all(c["id"] == "x" for c in compiled if c["label"] in ("A", "C"))


def test_an_optional_first_token_and_a_first_word_list_are_unrolled() -> None:
    nlp = spacy.blank("fr")
    regex = {"TEXT": {"REGEX": r"^\d{4}$"}}
    line = {"label": "DATE", "pattern": [{"LOWER": {"IN": ["en", "dès"]}, "OP": "?"}, regex]}
    patterns = [c["pattern"] for c in compile_patterns(nlp, [line])]
    assert patterns == [[{"LOWER": "en"}, regex], [{"LOWER": "dès"}, regex], [regex]]


def test_lexical_only_drops_what_needs_the_model() -> None:
    pattern = [{"LEMMA": "être", "OP": "?"}, {"LOWER": "d'"}, {"IS_TITLE": True, "POS": "PROPN"}]
    assert lexical_only(pattern) == [{"OP": "?"}, {"LOWER": "d'"}, {"IS_TITLE": True}]
    assert lexical_only("accord") == "accord"
