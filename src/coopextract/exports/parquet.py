"""Parquet: one row per agreement, nested fields kept as Arrow structs and lists.

The Arrow schema is derived from `coopextract.models.Agreement` (`arrow_schema`): a nested
model is a struct, a list a list, a Literal a string, `X | None` a nullable field, and each
field's description is kept in its metadata, nested fields' too. The columns are the JSONL
record's, then its dates typed (`typed_dates`), then the review columns (`exports.reviewed`):
`pq.read_table(path).to_pylist()` gives back the records' JSON, with those columns more.

A record's dates are text at the precision the article gives (`2021`, `2021-03`,
`2021-03-09`), which no Arrow type holds. So each date of the record has a `date32` column
beside the record's fields, named after it (`date_day`, `article_published_day`,
`period_start_day`, `period_end_day`): the day when the date gives one, null when it gives only
a month or a year. A month is not written as its first day: "March 2021" as 2021-03-01 would be
taken for the 1st of March by every filter and chart that does not look at the precision. The
text, which sorts and compares in date order at any precision, stays in the record's field.

With the folder's ledger (`exports.ledger`), PATH-ledger (`agreements-ledger.parquet`) holds one
row per ledger entry the same way (`ledger_arrow_schema`), its dates typed the same way:
parties and history are lists of structs, and `to_pylist()` gives back the entries' JSON (with
the typed dates), except that a conflict's `value`, which may be any JSON (a date, a period
object), is stored as its JSON text.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
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
from coopextract.models import SCHEMA_VERSION, Agreement, DateValue, Period

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


@dataclass(frozen=True)
class TypedDate:
    """A date32 column for one date of a model: the day of the date at `path`, if it has one."""

    name: str  # "date_day"
    path: tuple[str, ...]  # ("date", "value"): the date's text in the record
    of: str  # "date": the field, as the description names it

    def field(self) -> pa.Field:
        text = ".".join(self.path)
        if self.path[-1] == "value":  # a DateValue: its precision is beside its value
            text += f", its precision {'.'.join((*self.path[:-1], 'precision'))}"
        description = (
            f"The day of {self.of}, typed; null when it gives only a month or a year (its "
            f"text at any precision: {text})."
        )
        return pa.field(self.name, pa.date32(), metadata={"description": description})

    def day(self, row: dict[str, Any]) -> date | None:
        text: Any = row
        for part in self.path:
            if text is None:
                return None
            text = text[part]
        return date.fromisoformat(text) if text is not None and len(text) == 10 else None


def typed_dates(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> list[TypedDate]:
    """The dates of a model outside its lists, in field order: each `DateValue` (its value)
    and each end of a `Period`."""
    found: list[TypedDate] = []
    for name, info in model.model_fields.items():
        inner, _ = unwrap(info.annotation)
        path = (*prefix, name)
        if is_model(inner) and issubclass(inner, DateValue):
            found.append(TypedDate("_".join((*path, "day")), (*path, "value"), ".".join(path)))
        elif is_model(inner) and issubclass(inner, Period):
            for end in inner.model_fields:
                of = ".".join((*path, end))
                found.append(TypedDate("_".join((*path, end, "day")), (*path, end), of))
        elif is_model(inner):
            found.extend(typed_dates(inner, path))
    return found


def _with_days(row: dict[str, Any], dates: list[TypedDate]) -> dict[str, Any]:
    return {**row, **{typed.name: typed.day(row) for typed in dates}}


def arrow_schema() -> pa.Schema:
    """The schema of the Parquet file: the record's fields, its typed dates, then the review
    columns."""
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
    days = [typed.field() for typed in typed_dates(Agreement)]
    return pa.schema(
        [*model_fields(Agreement), *days, review, corrected],
        metadata={"coopextract.schema_version": SCHEMA_VERSION},
    )


def _row(record: Agreement, state: ReviewState, dates: list[TypedDate]) -> dict[str, Any]:
    return {
        **_with_days(record.model_dump(mode="json"), dates),
        REVIEW_COLUMN: state.verdict,
        CORRECTED_COLUMN: list(state.corrected),
    }


def ledger_path(path: Path) -> Path:
    """agreements.parquet -> agreements-ledger.parquet, beside it."""
    return beside(path, "ledger", ".parquet")


def ledger_arrow_schema() -> pa.Schema:
    """The schema of the ledger's Parquet file: the ledger entry's fields, its typed dates."""
    return pa.schema(
        [*model_fields(LedgerEntry), *(typed.field() for typed in typed_dates(LedgerEntry))],
        metadata={"coopextract.ledger_schema_version": LEDGER_SCHEMA_VERSION},
    )


def _ledger_row(entry: LedgerEntry, dates: list[TypedDate]) -> dict[str, Any]:
    row = _with_days(entry.model_dump(mode="json"), dates)
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
    dates = typed_dates(Agreement)
    rows = [_row(r, states.get(r.id, NOT_REVIEWED), dates) for r in records]
    return _parquet_bytes(pa.Table.from_pylist(rows, schema=arrow_schema()))


def format_ledger_parquet(entries: list[LedgerEntry]) -> bytes:
    dates = typed_dates(LedgerEntry)
    rows = [_ledger_row(e, dates) for e in entries]
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
