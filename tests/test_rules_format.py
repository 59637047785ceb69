"""The rule files are plain data: JSON Lines any reader reads, documented, and shipped."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
import spacy
import srsly

import coopextract
from coopextract.errors import RulesError
from coopextract.pipeline.build import add_rule_components
from coopextract.rule_files import FAMILIES, default_rules_dir, load_rules, rules_beside
from tests.conftest import append

CHECKOUT = Path(__file__).resolve().parents[1]
RULES = CHECKOUT / "rules"  # the folder users edit


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


def test_the_package_data_holds_every_rules_file() -> None:
    """A file the package-data patterns miss would be left out of an installed coopextract."""
    config = tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["coopextract.rules"]
    shipped = {path for pattern in patterns for path in RULES.glob(pattern)}
    files = {p for p in RULES.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert sorted(files - shipped) == []


def test_rules_are_package_data_or_the_checkouts(tmp_path: Path) -> None:
    installed = tmp_path / "site-packages" / "coopextract"
    (installed / "rules").mkdir(parents=True)
    assert rules_beside(installed) == installed / "rules"
    checkout = tmp_path / "checkout"
    (checkout / "src" / "coopextract").mkdir(parents=True)
    assert rules_beside(checkout / "src" / "coopextract") == checkout / "rules"


def test_the_package_holds_no_link() -> None:
    """A symbolic link breaks on Windows checkouts; the rules are found without one."""
    package = Path(coopextract.__file__).parent
    assert [p for p in package.rglob("*") if p.is_symlink()] == []
    assert (default_rules_dir() / "shared" / "catalog.jsonl").is_file()
