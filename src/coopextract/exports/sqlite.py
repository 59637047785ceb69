"""SQLite: tables agreements, parties, evidence and marks, joined by foreign keys; the ledger.

- `agreements`: `id` (primary key), the record's columns flattened (`exports.flat`), lists
  as JSON arrays (query them with `json_each`), booleans as 0/1, and the review columns
  (`exports.reviewed`; `corrected` a JSON array).
- `parties`: (`agreement_id`, `position`) primary key, name, kind, country, mentions (JSON).
- `evidence`: (`agreement_id`, `position`) primary key, text, start, end.
- `marks`: (`agreement_id`, `evidence_position`, `position`) primary key, label, text, start,
  end; (`agreement_id`, `evidence_position`) references `evidence`.

With the folder's ledger (`exports.ledger`), four tables more:

- `ledger`: `id` (primary key), the entry's columns flattened the same way (`records` aside),
  `conflicts` as JSON (a list of {field, values: [{value, records}]}).
- `ledger_parties`: (`ledger_id`, `position`) primary key, name, kind, country.
- `ledger_history`: (`ledger_id`, `position`) primary key, one row per report, oldest first:
  status, date, publication, `record` (the record's id), article, item, language, evidence.
- `ledger_records`: (`ledger_id`, `record_id`) primary key, `record_id` references
  `agreements` (and is indexed, to go from a record to its entry). Only records the export
  holds are linked: a record rejected since the ledger was built is not (`exports.ledger`).

`position` keeps the record's order (0 first). Foreign keys are declared and were enforced
while writing; SQLite checks them only where `PRAGMA foreign_keys = ON`. The database is built
in memory and written over the target in one go, so an export replaces the file whole and the
same records give the same bytes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from itertools import chain
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
from coopextract.ledger.entry import LedgerEntry, Report, Side
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


def _create(table: str, definitions: list[str]) -> str:
    return f"CREATE TABLE {table} (\n  " + ",\n  ".join(definitions) + "\n)"


def schema_sql(ledger: bool = False) -> list[str]:
    """The CREATE statements, derived from the record model (and the ledger entry's)."""
    agreement = [c for c in _scalar_columns(Agreement) if c.name != "id"]
    statements = [
        _create(
            "agreements",
            [
                '"id" TEXT PRIMARY KEY NOT NULL',
                *_definitions(agreement),
                f"{_q(REVIEW_COLUMN)} TEXT",
                f"{_q(CORRECTED_COLUMN)} TEXT NOT NULL",
            ],
        )
    ]
    for table, model in _MODELS.items():
        keys = _KEYS[table]
        key_defs = [
            f"{_q(k)} {'TEXT' if k == 'agreement_id' else 'INTEGER'} NOT NULL" for k in keys
        ]
        child, parent = _PARENTS[table]
        statements.append(
            _create(
                table,
                [
                    *key_defs,
                    *_definitions(_scalar_columns(model)),
                    f"PRIMARY KEY ({', '.join(keys)})",
                    f"FOREIGN KEY ({child}) REFERENCES {parent}",
                ],
            )
        )
    return statements + (ledger_schema_sql() if ledger else [])


# The ledger's own columns: its scalar fields, and the conflicts as JSON (their values may be
# any JSON: a date, a period object); the parties, history and records have tables of their own.
_LedgerField = tuple[str, Callable[[LedgerEntry], Any]]


def _ledger_fields() -> list[tuple[str, _LedgerField]]:
    """(column definition, (name, getter)) of each column of `ledger` after its id."""
    found: list[tuple[str, _LedgerField]] = []
    for column in columns(LedgerEntry):
        if isinstance(column, Column) and column.name not in ("id", "records"):
            getter = (column.name, lambda e, c=column: _cell(value(e, c)))
            found.append((_definitions([column])[0], getter))
        elif not isinstance(column, Column) and column.name == "conflicts":
            found.append(('"conflicts" TEXT NOT NULL', ("conflicts", _conflicts_json)))
        elif not isinstance(column, Column) and column.name not in ("parties", "history"):
            raise TypeError(f"no SQLite place for the ledger's list {column.name!r}")
    return found


def _conflicts_json(entry: LedgerEntry) -> str:
    return json.dumps([c.model_dump(mode="json") for c in entry.conflicts], ensure_ascii=False)


def ledger_schema_sql() -> list[str]:
    """The CREATE statements of the ledger's tables."""
    owned = ['"ledger_id" TEXT NOT NULL', '"position" INTEGER NOT NULL']
    key = ["PRIMARY KEY (ledger_id, position)", "FOREIGN KEY (ledger_id) REFERENCES ledger(id)"]
    return [
        _create(
            "ledger",
            ['"id" TEXT PRIMARY KEY NOT NULL', *(definition for definition, _ in _ledger_fields())],
        ),
        _create("ledger_parties", [*owned, *_definitions(_scalar_columns(Side)), *key]),
        _create("ledger_history", [*owned, *_definitions(_scalar_columns(Report)), *key]),
        _create(
            "ledger_records",
            [
                '"ledger_id" TEXT NOT NULL',
                '"record_id" TEXT NOT NULL',
                "PRIMARY KEY (ledger_id, record_id)",
                "FOREIGN KEY (ledger_id) REFERENCES ledger(id)",
                "FOREIGN KEY (record_id) REFERENCES agreements(id)",
            ],
        ),
        "CREATE INDEX ledger_records_record_id ON ledger_records (record_id)",
    ]


def _ledger_rows(entries: list[LedgerEntry], exported: set[str]) -> Iterator[tuple[str, list]]:
    fields = [get for _, (_, get) in _ledger_fields()]
    side, report = _scalar_columns(Side), _scalar_columns(Report)
    for e in entries:
        yield "ledger", [e.id, *(get(e) for get in fields)]
        for i, s in enumerate(e.parties):
            yield "ledger_parties", [e.id, i, *(_cell(value(s, c)) for c in side)]
        for i, r in enumerate(e.history):
            yield "ledger_history", [e.id, i, *(_cell(value(r, c)) for c in report)]
        for ident in dict.fromkeys(e.records):
            if ident in exported:
                yield "ledger_records", [e.id, ident]


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


def format_sqlite(
    records: list[Agreement],
    states: Mapping[str, ReviewState],
    ledger: list[LedgerEntry] | None = None,
) -> bytes:
    """The bytes of the database file."""
    _check_unique(records)
    rows = _rows(records, states)
    if ledger is not None:
        _check_unique_entries(ledger)
        rows = chain(rows, _ledger_rows(ledger, {r.id for r in records}))
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        for statement in schema_sql(ledger is not None):
            connection.execute(statement)
        with connection:
            for table, row in rows:
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


def _check_unique_entries(entries: list[LedgerEntry]) -> None:
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise InputError(
                f"two ledger entries have the id {entry.id}; run coopextract ingest again to "
                "rebuild ledger.jsonl"
            )
        seen.add(entry.id)


def write_sqlite(
    records: list[Agreement],
    path: Path,
    states: Mapping[str, ReviewState],
    ledger: list[LedgerEntry] | None = None,
) -> list[Path]:
    return write_files([path], lambda: [format_sqlite(records, states, ledger)])
