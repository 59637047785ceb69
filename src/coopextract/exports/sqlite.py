"""SQLite: tables agreements, parties, evidence and marks, joined by foreign keys.

- `agreements`: `id` (primary key), the record's columns flattened (`exports.flat`), lists
  as JSON arrays (query them with `json_each`), booleans as 0/1, and the review columns
  (`exports.reviewed`; `corrected` a JSON array).
- `parties`: (`agreement_id`, `position`) primary key, name, kind, country, mentions (JSON).
- `evidence`: (`agreement_id`, `position`) primary key, text, start, end.
- `marks`: (`agreement_id`, `evidence_position`, `position`) primary key, label, text, start,
  end; (`agreement_id`, `evidence_position`) references `evidence`.

`position` keeps the record's order (0 first). Foreign keys are declared and were enforced
while writing; SQLite checks them only where `PRAGMA foreign_keys = ON`. The database is built
in memory and written over the target in one go, so an export replaces the file whole and the
same records give the same bytes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from coopextract.errors import InputError
from coopextract.exports.files import write_files
from coopextract.exports.flat import Column, columns, value
from coopextract.exports.reviewed import (
    CORRECTED_COLUMN,
    NOT_REVIEWED,
    REVIEW_COLUMN,
    ReviewState,
)
from coopextract.models import Agreement, Evidence, Mark, Party

_TYPES = {str: "TEXT", int: "INTEGER", float: "REAL", bool: "INTEGER", list: "TEXT"}


def _q(name: str) -> str:
    # Quoted: `end` is an SQL keyword.
    return '"' + name.replace('"', '""') + '"'


def _cell(data: Any) -> Any:
    if isinstance(data, list):
        return json.dumps(data, ensure_ascii=False)
    if isinstance(data, bool):
        return int(data)
    return data


def _scalar_columns(model: type[BaseModel]) -> list[Column]:
    return [c for c in columns(model) if isinstance(c, Column)]


def _definitions(cols: list[Column]) -> list[str]:
    return [f"{_q(c.name)} {_TYPES[c.type]}{'' if c.nullable else ' NOT NULL'}" for c in cols]


_KEYS = {
    "parties": ["agreement_id", "position"],
    "evidence": ["agreement_id", "position"],
    "marks": ["agreement_id", "evidence_position", "position"],
}
_MODELS: dict[str, type[BaseModel]] = {"parties": Party, "evidence": Evidence, "marks": Mark}
_PARENTS = {
    "parties": ("agreement_id", "agreements(id)"),
    "evidence": ("agreement_id", "agreements(id)"),
    "marks": ("agreement_id, evidence_position", "evidence(agreement_id, position)"),
}


def schema_sql() -> list[str]:
    """The CREATE TABLE statements, derived from the record model."""
    agreement = [c for c in _scalar_columns(Agreement) if c.name != "id"]
    statements = [
        "CREATE TABLE agreements (\n  "
        + ",\n  ".join(
            [
                '"id" TEXT PRIMARY KEY NOT NULL',
                *_definitions(agreement),
                f"{_q(REVIEW_COLUMN)} TEXT",
                f"{_q(CORRECTED_COLUMN)} TEXT NOT NULL",
            ]
        )
        + "\n)"
    ]
    for table, model in _MODELS.items():
        keys = _KEYS[table]
        key_defs = [
            f"{_q(k)} {'TEXT' if k == 'agreement_id' else 'INTEGER'} NOT NULL" for k in keys
        ]
        child, parent = _PARENTS[table]
        statements.append(
            f"CREATE TABLE {table} (\n  "
            + ",\n  ".join(
                [
                    *key_defs,
                    *_definitions(_scalar_columns(model)),
                    f"PRIMARY KEY ({', '.join(keys)})",
                    f"FOREIGN KEY ({child}) REFERENCES {parent}",
                ]
            )
            + "\n)"
        )
    return statements


def _rows(
    records: list[Agreement], states: Mapping[str, ReviewState]
) -> Iterator[tuple[str, list]]:
    agreement = [c for c in _scalar_columns(Agreement) if c.name != "id"]
    party, evidence, mark = (_scalar_columns(m) for m in (Party, Evidence, Mark))
    for r in records:
        state = states.get(r.id, NOT_REVIEWED)
        cells = [_cell(value(r, c)) for c in agreement]
        yield "agreements", [r.id, *cells, state.verdict, _cell(list(state.corrected))]
        for i, p in enumerate(r.parties):
            yield "parties", [r.id, i, *(_cell(value(p, c)) for c in party)]
        for i, e in enumerate(r.evidence):
            yield "evidence", [r.id, i, *(_cell(value(e, c)) for c in evidence)]
            for k, m in enumerate(e.marks):
                yield "marks", [r.id, i, k, *(_cell(value(m, c)) for c in mark)]


def format_sqlite(records: list[Agreement], states: Mapping[str, ReviewState]) -> bytes:
    """The bytes of the database file."""
    _check_unique(records)
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        for statement in schema_sql():
            connection.execute(statement)
        with connection:
            for table, row in _rows(records, states):
                marks = ", ".join("?" * len(row))
                connection.execute(f"INSERT INTO {table} VALUES ({marks})", row)
        return connection.serialize()
    finally:
        connection.close()


def _check_unique(records: list[Agreement]) -> None:
    # A record's id hashes its article's content, not its path: the same article stored at
    # two paths gives two records with one id, which cannot both be a primary key.
    seen: dict[str, Agreement] = {}
    for r in records:
        if r.id in seen:
            first = seen[r.id].article.path
            raise InputError(
                f"two records have the id {r.id}, from {first} and {r.article.path} (the same "
                "article twice?); remove one copy and run coopextract ingest --prune"
            )
        seen[r.id] = r


def write_sqlite(
    records: list[Agreement], path: Path, states: Mapping[str, ReviewState]
) -> list[Path]:
    return write_files([path], lambda: [format_sqlite(records, states)])
