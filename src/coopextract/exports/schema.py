"""The JSON Schema of a record, generated from `coopextract.models.Agreement`.

The pydantic model stays the single definition: this only adds the `$schema` dialect and an
`$id` naming the record's schema version, so that a file validated against it says which
version it was. Pydantic emits draft 2020-12, in the model's field order, so the same model
always gives the same bytes.

One rule of the model is not in the schema: a date's `value` must have the form its
`precision` says (`2021-03` for `month`); that is a Python validator, which JSON Schema
output cannot carry.
"""

from __future__ import annotations

import json
from typing import Any

from coopextract.models import SCHEMA_VERSION, Agreement

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_id(version: str = SCHEMA_VERSION) -> str:
    # A URN rather than a URL: the schema is not published anywhere to be fetched from.
    return f"urn:coopextract:agreement:{version}"


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one line of `agreements.jsonl`."""
    generated = Agreement.model_json_schema()
    return {
        "$schema": DIALECT,
        "$id": schema_id(),
        "title": "coopextract agreement record",
        **{key: value for key, value in generated.items() if key != "title"},
    }


def schema_json() -> str:
    """`record_schema()` as indented JSON text ending with a newline, the same every time."""
    return json.dumps(record_schema(), indent=2, ensure_ascii=False) + "\n"
