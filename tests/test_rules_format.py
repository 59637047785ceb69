"""The rule files are plain data: JSON Lines any reader reads, documented, and shipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
import srsly

from coopextract.errors import RulesError
from coopextract.pipeline.build import add_rule_components
from coopextract.rule_files import FAMILIES, load_rules
from tests.conftest import append

RULES = Path(__file__).resolve().parents[1] / "rules"  # the folder users edit


@pytest.mark.parametrize(
    "path", sorted(RULES.glob("*/*.jsonl")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_every_rule_file_is_json_lines(path: Path) -> None:
    objects = list(srsly.read_jsonl(path))
    assert objects
    assert all(isinstance(obj, dict) for obj in objects)


def test_a_comment_line_is_an_error_that_says_where_notes_go(rules_copy: Path) -> None:
    path = rules_copy / "fr" / "triggers.jsonl"
    number = append(path, '// "pacte" is a synonym of accord')
    with pytest.raises(RulesError) as err:
        load_rules(rules_copy)
    message = str(err.value)
    assert f"triggers.jsonl:{number}: a comment line" in message
    assert '"comment" field' in message
    assert "rules/README.md" in message


def test_a_comment_is_for_people_and_never_reaches_a_matcher(rules_copy: Path) -> None:
    assert any("comment" in obj for obj in srsly.read_jsonl(rules_copy / "fr" / "status.jsonl"))
    append(
        rules_copy / "fr" / "triggers.jsonl",
        json.dumps(
            {"comment": "Latin.", "label": "INSTRUMENT", "pattern": "pactum", "id": "agreement"}
        ),
    )
    append(
        rules_copy / "shared" / "catalog.jsonl",
        json.dumps({"comment": "A test.", "id": "Agence Test", "kind": "agency"}),
    )
    rule_set = load_rules(rules_copy)
    assert rule_set.catalog["Agence Test"].kind == "agency"
    assert {"label": "INSTRUMENT", "pattern": "pactum", "id": "agreement"} in rule_set.patterns[
        "triggers"
    ]
    nlp = add_rule_components(spacy.blank("fr"), rule_set)
    rulers = [pipe for _, pipe in nlp.pipeline if hasattr(pipe, "patterns")]
    assert rulers
    assert not [p for ruler in rulers for p in ruler.patterns if "comment" in p]


def test_a_comment_is_a_string(rules_copy: Path) -> None:
    path = rules_copy / "fr" / "triggers.jsonl"
    line = {"comment": ["a", "list"], "label": "INSTRUMENT", "pattern": "pactum", "id": "other"}
    number = append(path, json.dumps(line))
    with pytest.raises(RulesError, match=f"triggers.jsonl:{number}: 'comment' must be a string"):
        load_rules(rules_copy)


def test_every_family_and_label_is_documented() -> None:
    readme = (RULES / "README.md").read_text(encoding="utf-8")
    for family, labels in FAMILIES.items():
        assert f"`{family}`" in readme, family
        for label in labels:
            assert f"`{label}`" in readme, label
    for folder in RULES.iterdir():
        if folder.is_dir():
            assert (folder / "README.md").is_file(), f"{folder.name}/ has no README.md"
