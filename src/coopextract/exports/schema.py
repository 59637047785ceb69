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
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from coopextract.ledger.entry import LEDGER_SCHEMA_VERSION, LedgerEntry
from coopextract.models import SCHEMA_VERSION, Agreement

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
