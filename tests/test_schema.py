"""`coopextract schema`: the JSON Schema of a record, and every record ingest writes fits it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal, get_args, get_origin

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from coopextract import models
from coopextract.cli import app
from coopextract.exports.schema import record_schema, schema_json
from coopextract.models import SCHEMA_VERSION, Agreement
from coopextract.run.ingest import ingest
from tests.conftest import PROJECT
from tests.fakes import FakeExtractor

RAW = PROJECT / "data" / "raw"
GOLDEN = PROJECT / "tests" / "golden" / "data_raw.jsonl"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = record_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def assert_valid(validator: Draft202012Validator, records: list[dict]) -> None:
    assert records
    for record in records:
        problems = [e.message for e in validator.iter_errors(record)]
        assert not problems, (record["id"], problems)


def test_schema_is_the_models_with_a_dialect_and_an_id() -> None:
    schema = record_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(SCHEMA_VERSION)
    assert schema["title"]
    generated = Agreement.model_json_schema()
    assert schema["properties"] == generated["properties"]
    assert schema["$defs"] == generated["$defs"]
    assert schema["additionalProperties"] is False


def test_command_prints_it_the_same_every_time() -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["schema"])
    second = runner.invoke(app, ["schema"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout == schema_json()
    assert json.loads(first.stdout) == record_schema()


def test_the_golden_records_validate(validator: Draft202012Validator) -> None:
    assert_valid(validator, lines_of(GOLDEN))


def test_a_fresh_ingest_validates(validator: Draft202012Validator, tmp_path: Path) -> None:
    # The fake extractor's records go through the same writer as the real ones.
    ingest(RAW, tmp_path, extractor=FakeExtractor())
    assert_valid(validator, lines_of(tmp_path / "agreements.jsonl"))


@pytest.mark.model
def test_a_fresh_ingest_with_the_model_validates(
    validator: Draft202012Validator, tmp_path: Path, extractor
) -> None:
    ingest(RAW, tmp_path, extractor=extractor)
    assert_valid(validator, lines_of(tmp_path / "agreements.jsonl"))


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda r: r.update(instrument="handshake"), "instrument"),
        (lambda r: r.update(parties=r["parties"][:1]), "parties"),
        (lambda r: r.update(colour="blue"), "colour"),
        (lambda r: r["evidence"][0].update(start=-1), "start"),
        (lambda r: r["parties"][0].update(country="Russia"), "country"),
    ],
)
def test_what_the_model_refuses_the_schema_refuses(
    validator: Draft202012Validator, change, where: str
) -> None:
    record = lines_of(GOLDEN)[0]
    change(record)
    errors = list(validator.iter_errors(record))
    assert errors and where in json.dumps([[*e.absolute_path, e.message] for e in errors])
    with pytest.raises(ValueError):
        Agreement.model_validate(record)


# --- a documented record --------------------------------------------------------------------


def _properties(schema: dict) -> list[tuple[str, dict]]:
    """(model.field, its schema) of every field of every object in a JSON Schema."""
    objects = [("Agreement", schema), *schema["$defs"].items()]
    return [
        (f"{name}.{field}", prop)
        for name, obj in objects
        for field, prop in obj.get("properties", {}).items()
    ]


def test_every_field_of_the_record_has_a_description() -> None:
    found = _properties(record_schema())
    assert len(found) > 30  # the record and every model inside it
    missing = [name for name, prop in found if not prop.get("description")]
    assert not missing
    printed = json.loads(CliRunner().invoke(app, ["schema"]).stdout)
    assert dict(_properties(printed))["ArticleRef.url"]["description"].startswith("Where")


def test_every_field_of_a_ledger_entry_has_a_description() -> None:
    printed = json.loads(CliRunner().invoke(app, ["schema", "--ledger"]).stdout)
    found = _properties(printed)
    assert len(found) > 20
    assert not [name for name, prop in found if not prop.get("description")]


def test_every_value_of_every_vocabulary_has_a_meaning() -> None:
    literals = {
        name: get_args(value)
        for name, value in vars(models).items()
        if get_origin(value) is Literal and not name.startswith("_")
    }
    assert set(literals) == set(models.VOCABULARIES)
    for name, values in literals.items():
        meanings = models.VOCABULARIES[name]
        assert tuple(meanings) == values, name  # every value, in the Literal's order
        assert all(m.strip() and "\n" not in m for m in meanings.values()), name


def test_vocab_lists_each_vocabulary_its_fields_and_meanings() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["schema", "--vocab", "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert list(listed) == ["PartyKind", "Instrument", "Status", "Precision", "Scope", "MarkLabel"]
    assert listed["Status"]["fields"] == ["status"]
    assert listed["Precision"]["fields"] == ["article.published.precision", "date.precision"]
    assert listed["MarkLabel"]["fields"] == ["evidence[].marks[].label"]
    assert listed["Scope"]["fields"] == ["scope[]"]
    assert listed["Status"]["values"]["signed"] == models.VOCABULARIES["Status"]["signed"]

    text = runner.invoke(app, ["schema", "--vocab"]).stdout
    assert text.startswith("PartyKind: parties[].kind\n  state         A country")
    assert "\nStatus: status\n  proposed     Intended or planned" in text
    assert "  in_force     Entered into force" in text
    assert max(len(line) for line in text.splitlines()) <= 80

    # The ledger entry takes the same vocabularies in fields of its own.
    ledger = json.loads(runner.invoke(app, ["schema", "--vocab", "--ledger", "--json"]).stdout)
    assert ledger["Status"]["fields"] == ["status", "history[].status"]
    assert "MarkLabel" not in ledger
