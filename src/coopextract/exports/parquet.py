"""Parquet: one row per agreement, nested fields kept as Arrow structs and lists.

The Arrow schema is derived from `coopextract.models.Agreement` (`arrow_schema`): a nested
model is a struct, a list a list, a Literal a string, `X | None` a nullable field, and each
field's description is kept in its metadata. The columns are the JSONL record's, then the
review columns (`exports.reviewed`): `pq.read_table(path).to_pylist()` gives back the records'
JSON.

With the folder's ledger (`exports.ledger`), PATH-ledger (`agreements-ledger.parquet`) holds one
row per ledger entry the same way (`ledger_arrow_schema`): parties and history are lists of
structs, and `to_pylist()` gives back the entries' JSON, except that a conflict's `value`,
which may be any JSON (a date, a period object), is stored as its JSON text.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, get_args, get_origin

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel, JsonValue

from coopextract.exports.files import beside, write_files
from coopextract.exports.flat import is_model, scalar_type, unwrap
from coopextract.exports.reviewed import (
    CORRECTED_COLUMN,
    NOT_REVIEWED,
    REVIEW_COLUMN,
    REVIEW_DESCRIPTIONS,
    ReviewState,
)
from coopextract.ledger.entry import LEDGER_SCHEMA_VERSION, LedgerEntry
from coopextract.models import SCHEMA_VERSION, Agreement

_SCALARS = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def arrow_type(annotation: Any) -> tuple[pa.DataType, bool]:
    """The Arrow type of a model field's annotation, and whether it is nullable."""
    if annotation is JsonValue:
        return pa.string(), False  # any JSON, as its text (`_ledger_row`)
    inner, nullable = unwrap(annotation)
    if is_model(inner):
        return pa.struct(model_fields(inner)), nullable
    if get_origin(inner) is list:
        (item,) = get_args(inner)
        item_type, item_nullable = arrow_type(item)
        return pa.list_(pa.field("item", item_type, nullable=item_nullable)), nullable
    return _SCALARS[scalar_type(inner)], nullable


def model_fields(model: type[BaseModel]) -> list[pa.Field]:
    fields = []
    for name, info in model.model_fields.items():
        kind, nullable = arrow_type(info.annotation)
        description = info.description
        if info.annotation is JsonValue:
            description = " ".join(filter(None, [description, "As JSON text."]))
        metadata = {"description": description} if description else None
        fields.append(pa.field(name, kind, nullable=nullable, metadata=metadata))
    return fields


def arrow_schema() -> pa.Schema:
    """The schema of the Parquet file: the record's fields, then the review columns."""
    review = pa.field(
        REVIEW_COLUMN,
        pa.string(),
        metadata={"description": REVIEW_DESCRIPTIONS[0]},
    )
    corrected = pa.field(
        CORRECTED_COLUMN,
        pa.list_(pa.field("item", pa.string(), nullable=False)),
        nullable=False,
        metadata={"description": REVIEW_DESCRIPTIONS[1]},
    )
    return pa.schema(
        [*model_fields(Agreement), review, corrected],
        metadata={"coopextract.schema_version": SCHEMA_VERSION},
    )


def _row(record: Agreement, state: ReviewState) -> dict[str, Any]:
    return {
        **record.model_dump(mode="json"),
        REVIEW_COLUMN: state.verdict,
        CORRECTED_COLUMN: list(state.corrected),
    }


def ledger_path(path: Path) -> Path:
    """agreements.parquet -> agreements-ledger.parquet, beside it."""
    return beside(path, "ledger", ".parquet")


def ledger_arrow_schema() -> pa.Schema:
    """The schema of the ledger's Parquet file: the ledger entry's fields."""
    return pa.schema(
        model_fields(LedgerEntry),
        metadata={"coopextract.ledger_schema_version": LEDGER_SCHEMA_VERSION},
    )


def _ledger_row(entry: LedgerEntry) -> dict[str, Any]:
    row = entry.model_dump(mode="json")
    for conflict in row["conflicts"]:
        for disagreement in conflict["values"]:
            disagreement["value"] = json.dumps(disagreement["value"], ensure_ascii=False)
    return row


def _parquet_bytes(table: pa.Table) -> bytes:
    buffer = io.BytesIO()
    # Written to memory, then atomically to the file: a reader never sees half of it.
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()


def format_parquet(records: list[Agreement], states: Mapping[str, ReviewState]) -> bytes:
    rows = [_row(r, states.get(r.id, NOT_REVIEWED)) for r in records]
    return _parquet_bytes(pa.Table.from_pylist(rows, schema=arrow_schema()))


def format_ledger_parquet(entries: list[LedgerEntry]) -> bytes:
    rows = [_ledger_row(e) for e in entries]
    return _parquet_bytes(pa.Table.from_pylist(rows, schema=ledger_arrow_schema()))


def write_parquet(
    records: list[Agreement],
    path: Path,
    states: Mapping[str, ReviewState],
    ledger: list[LedgerEntry] | None = None,
) -> list[Path]:
    """Write PATH, and with a ledger PATH-ledger; return the paths."""
    if ledger is None:
        return write_files([path], lambda: [format_parquet(records, states)])
    return write_files(
        [path, ledger_path(path)],
        lambda: [format_parquet(records, states), format_ledger_parquet(ledger)],
    )
