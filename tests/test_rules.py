"""Rule loading: every problem in a rule file is reported with its file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from coopextract.errors import RulesError
from coopextract.pipeline.build import add_rule_components, alias_variants
from coopextract.rule_files import load_rules
from tests.conftest import append


def test_shipped_rules_load() -> None:
    rule_set = load_rules()
    assert rule_set.model == "fr_core_news_md"
    for family in ("entities", "triggers", "status", "scope", "dates", "references"):
        assert rule_set.patterns[family], family


def test_malformed_json_names_file_and_line(rules_copy: Path) -> None:
    path = rules_copy / "fr" / "triggers.jsonl"
    line = append(path, '{"label": "INSTRUMENT", "pattern": [')
    with pytest.raises(RulesError) as err:
        load_rules(rules_copy)
    assert f"triggers.jsonl:{line}" in str(err.value)
    assert "not valid JSON" in str(err.value)


@pytest.mark.parametrize(
    ("family", "line", "message"),
    [
        ("triggers", {"label": "INSTRUMENT", "pattern": "pacte", "id": "pact"}, "is not one of"),
        ("triggers", {"label": "TRIGGER", "pattern": "pacte", "id": "agreement"}, "label"),
        (
            "status",
            {"label": "STATUS", "pattern": [{"LOWR": "signé"}], "id": "signed"},
            "invalid token pattern",
        ),
        (
            "entities",
            {"label": "AGENCY", "pattern": "Agence X", "id": "No Such Agency"},
            "not in rules/shared/catalog.jsonl",
        ),
        (
            "entities",
            {"label": "STATE", "pattern": "Roskosmos-Agence", "id": "Roscosmos"},
            "does not match",
        ),
        ("scope", {"label": "SCOPE", "pattern": "fusées", "id": "rockets"}, "is not one of"),
        (
            "triggers",
            {"label": "INSTRUMENT", "pattern": "pacte", "id": "agreement", "x": 1},
            "unknown key",
        ),
    ],
)
def test_invalid_lines_are_rejected(
    rules_copy: Path, family: str, line: dict, message: str
) -> None:
    path = rules_copy / "fr" / f"{family}.jsonl"
    number = append(path, json.dumps(line, ensure_ascii=False))
    with pytest.raises(RulesError) as err:
        load_rules(rules_copy)
    assert f"{family}.jsonl:{number}" in str(err.value)
    assert message in str(err.value)


def test_conflicting_alias_names_both_places(rules_copy: Path) -> None:
    path = rules_copy / "fr" / "entities.jsonl"
    number = append(path, json.dumps({"label": "STATE", "pattern": "moscou", "id": "China"}))
    with pytest.raises(RulesError) as err:
        load_rules(rules_copy)
    message = str(err.value)
    assert f"entities.jsonl:{number}" in message
    assert "conflicts with" in message


def test_repeated_alias_is_reported(rules_copy: Path) -> None:
    path = rules_copy / "fr" / "entities.jsonl"
    append(path, json.dumps({"label": "STATE", "pattern": "MOSCOU", "id": "Russia"}))
    with pytest.raises(RulesError, match="repeats"):
        load_rules(rules_copy)


def test_catalog_errors(rules_copy: Path) -> None:
    path = rules_copy / "shared" / "catalog.jsonl"
    number = append(path, json.dumps({"id": "Atlantis", "kind": "state", "country": "atl"}))
    with pytest.raises(RulesError, match=f"catalog.jsonl:{number}: 'country'"):
        load_rules(rules_copy)


def test_missing_language_folder(rules_copy: Path) -> None:
    with pytest.raises(RulesError, match="no rules for language 'xx'"):
        load_rules(rules_copy, "xx")


def test_alias_variants_cover_news_spellings() -> None:
    variants = alias_variants("Chang'e 6")
    for spelling in ("Chang'e 6", "Chang’e 6", "Chang'e-6", "Chang’e-6"):
        assert spelling in variants
    assert "Pekin" in alias_variants("Pékin")


def test_a_user_added_agency_is_found(rules_copy: Path) -> None:
    """What docs/rules.md promises: one catalog line and one alias line add an agency."""
    append(
        rules_copy / "shared" / "catalog.jsonl",
        json.dumps({"id": "Agence Test", "kind": "agency", "country": "BE"}),
    )
    append(
        rules_copy / "fr" / "entities.jsonl",
        json.dumps(
            {"label": "AGENCY", "pattern": "Agence spatiale de Testonie", "id": "Agence Test"}
        ),
    )
    rule_set = load_rules(rules_copy)
    nlp = add_rule_components(spacy.blank("fr"), rule_set)
    doc = nlp("L'Agence spatiale de Testonie a signé.")
    assert [(s.text, s.id_) for s in doc.spans["entities"]] == [
        ("Agence spatiale de Testonie", "Agence Test")
    ]
