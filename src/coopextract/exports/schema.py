"""The JSON Schemas of a record (`coopextract.models.Agreement`) and of a ledger entry
(`coopextract.ledger.entry.LedgerEntry`), generated from their models.

The pydantic model stays the single definition: this only adds the `$schema` dialect and an
`$id` naming the record's schema version, so that a file validated against it says which
version it was. Pydantic emits draft 2020-12, in the model's field order, so the same model
always gives the same bytes. A conflict's `value` in a ledger entry may be any JSON value
(a date's text, a period object): its schema is `{}`.

One rule of the model is not in the schema: a date's `value` must have the form its
`precision` says (`2021-03` for `month`); that is a Python validator, which JSON Schema
output cannot carry.

The vocabularies (`coopextract schema --vocab`) are the Literal types of `coopextract.models`
with the meaning of each value (`models.VOCABULARIES`), and the fields that take them, found
by walking the model: `parties[].kind` is the `kind` of each item of `parties`.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from coopextract import models
from coopextract.ledger.entry import LEDGER_SCHEMA_VERSION, LedgerEntry
from coopextract.models import SCHEMA_VERSION, VOCABULARIES, Agreement

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_id(version: str = SCHEMA_VERSION, kind: str = "agreement") -> str:
    # A URN rather than a URL: the schema is not published anywhere to be fetched from.
    return f"urn:coopextract:{kind}:{version}"


def _schema(model: type[BaseModel], ident: str, title: str) -> dict[str, Any]:
    generated = model.model_json_schema()
    return {
        "$schema": DIALECT,
        "$id": ident,
        "title": title,
        **{key: value for key, value in generated.items() if key != "title"},
    }


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one line of `agreements.jsonl`."""
    return _schema(Agreement, schema_id(), "coopextract agreement record")


def ledger_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one line of `ledger.jsonl`."""
    return _schema(
        LedgerEntry, schema_id(LEDGER_SCHEMA_VERSION, "ledger-entry"), "coopextract ledger entry"
    )


def schema_json(ledger: bool = False) -> str:
    """`record_schema()` (or `ledger_schema()`) as indented JSON text ending with a newline,
    the same every time."""
    return (
        json.dumps(ledger_schema() if ledger else record_schema(), indent=2, ensure_ascii=False)
        + "\n"
    )


def _vocabulary_fields(model: type[BaseModel], prefix: str = "") -> dict[str, list[str]]:
    """The fields of `model` (nested ones by their path) that take each vocabulary."""
    names = {get_args(getattr(models, name)): name for name in VOCABULARIES}
    found: dict[str, list[str]] = {}

    def walk(annotation: Any, path: str) -> None:
        if get_origin(annotation) is Literal:
            if get_args(annotation) in names:
                found.setdefault(names[get_args(annotation)], []).append(path)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            for name, info in annotation.model_fields.items():
                walk(info.annotation, f"{path}.{name}" if path else name)
        elif get_origin(annotation) is list:
            walk(get_args(annotation)[0], f"{path}[]")
        else:  # X | None
            for arg in get_args(annotation):
                walk(arg, path)

    walk(model, prefix)
    return found


def vocabularies(ledger: bool = False) -> dict[str, dict[str, Any]]:
    """Each vocabulary of a record (or a ledger entry), in the models' order: the fields that
    take it and what each of its values means, `{"Status": {"fields": ["status"], "values":
    {"proposed": "Intended or planned: ...", ...}}, ...}`."""
    fields = _vocabulary_fields(LedgerEntry if ledger else Agreement)
    return {
        name: {"fields": fields[name], "values": dict(meanings)}
        for name, meanings in VOCABULARIES.items()
        if name in fields
    }


def vocabularies_json(ledger: bool = False) -> str:
    """`vocabularies()` as indented JSON text ending with a newline."""
    return json.dumps(vocabularies(ledger), indent=2, ensure_ascii=False) + "\n"


# The width `vocabularies_text` wraps meanings at, whatever the terminal: the same every time.
TEXT_WIDTH = 80


def vocabularies_text(ledger: bool = False) -> str:
    """`vocabularies()` to read: each vocabulary, the fields that take it, then one value a
    line with its meaning, wrapped at TEXT_WIDTH."""
    blocks = []
    for name, vocabulary in vocabularies(ledger).items():
        lines = [f"{name}: {', '.join(vocabulary['fields'])}"]
        width = max(len(value) for value in vocabulary["values"])
        for value, meaning in vocabulary["values"].items():
            lines += textwrap.wrap(
                meaning,
                TEXT_WIDTH,
                initial_indent=f"  {value:<{width}}  ",
                subsequent_indent=" " * (width + 4),
            )
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)
