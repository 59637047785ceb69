"""CSV: one row per agreement, a second file with one row per party, and the ledger's files.

`agreements.csv` has the record's columns flattened (`exports.flat`): the parties as one
readable cell ("Roscosmos (RU); CNSA (CN)"), lists joined by "; ", the first evidence (text,
offsets, and how many there are), booleans as `true`/`false`, null as an empty cell, then the
review columns (`exports.reviewed`). The parties file, PATH with `-parties` before its suffix
(`agreements-parties.csv`), has agreement_id, name, kind, country and mentions. UTF-8 without
BOM, `\\r\\n` line ends (RFC 4180, what spreadsheets expect), quoting only where needed.

With the folder's ledger (`exports.ledger`), two files more. PATH-ledger
(`agreements-ledger.csv`) has one row per real-world agreement, its columns flattened the same
way: `records` joined and `record_count`, the parties, history and conflicts as readable cells.
PATH-ledger-history (`agreements-ledger-history.csv`) has one row per report, oldest first
within each entry: ledger_id, then the report's columns (status, date, publication, record,
article, language, evidence), so that the history the ledger table shows in one cell can be
sorted, filtered and joined with the records too.

Formulas are neutralised (CSV injection, as OWASP advises): a spreadsheet opening the file
would run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
formula, and titles, names and evidence come from articles anyone can write
(`=HYPERLINK("http://…")`). Such a text cell is written with a single quote `'` before it,
which spreadsheets read as "this is text"; so is a text cell that starts with `'` itself,
so that the escape can always be undone: a program reading the file gets the exact text
back by dropping one leading `'` from any cell that has one (`unescape_cell`). Numbers,
booleans and empty cells are written as they are: they are not text, and a number of the
record never starts with a sign.

Only CSV is escaped. Parquet and SQLite store typed values that programs read back exactly
(the exports round-trip), and no spreadsheet runs a string of those as a formula; the Label
Studio file is JSON for Label Studio, which shows text as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from coopextract.exports.files import beside, write_files
from coopextract.exports.flat import Column, columns, parties_text, value
from coopextract.exports.ledger import conflicts_text, history_text
from coopextract.exports.ledger import parties_text as sides_text
from coopextract.exports.reviewed import (
    CORRECTED_COLUMN,
    NOT_REVIEWED,
    REVIEW_COLUMN,
    ReviewState,
)
from coopextract.ledger.entry import LedgerEntry, Report
from coopextract.models import Agreement, Party

LIST_SEPARATOR = "; "
# A text cell starting with one of these gets a `'` before it (see the module docstring).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def parties_path(path: Path) -> Path:
    """agreements.csv -> agreements-parties.csv, beside it."""
    return beside(path, "parties", ".csv")


def ledger_paths(path: Path) -> list[Path]:
    """agreements.csv -> agreements-ledger.csv and agreements-ledger-history.csv, beside it."""
    return [beside(path, "ledger", ".csv"), beside(path, "ledger-history", ".csv")]


def cell(data: Any) -> str:
    """A value as its CSV cell: text (and a list, joined) escaped, numbers as they are."""
    if data is None:
        return ""
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, list):
        return text_cell(LIST_SEPARATOR.join(str(item) for item in data))
    if isinstance(data, str):
        return text_cell(data)
    return str(data)


def text_cell(text: str) -> str:
    """`text` as a cell no spreadsheet runs as a formula: `'` before a dangerous start."""
    return ESCAPE + text if text.startswith((*FORMULA_STARTS, ESCAPE)) else text


def unescape_cell(cell: str) -> str:
    """The text of a cell read back from the file: without the `'` `text_cell` added."""
    return cell.removeprefix(ESCAPE)


Getter = Callable[[Agreement], Any]


def agreement_columns() -> list[tuple[str, Getter]]:
    """(header, getter) of each column of agreements.csv, the record's id first."""

    def field(column: Column) -> Getter:
        return lambda record: value(record, column)

    found: list[tuple[str, Getter]] = []
    for column in columns(Agreement):
        if not isinstance(column, Column):
            found.extend(_summaries(column.name))
        elif column.name == "id":
            found.insert(0, ("id", field(column)))
        else:
            found.append((column.name, field(column)))
    return found


def _summaries(name: str) -> list[tuple[str, Getter]]:
    # A list of objects in one row: what a reader of the spreadsheet needs from it.
    if name == "parties":
        return [("parties", parties_text)]
    if name == "evidence":
        return [
            ("evidence_text", lambda r: r.evidence[0].text),
            ("evidence_start", lambda r: r.evidence[0].start),
            ("evidence_end", lambda r: r.evidence[0].end),
            ("evidence_count", lambda r: len(r.evidence)),
        ]
    raise TypeError(f"no CSV summary for the list {name!r}")  # a new list field in the model


def party_columns() -> list[tuple[str, Callable[[Party], Any]]]:
    return _scalar_columns(Party)


def ledger_columns() -> list[tuple[str, Callable[[LedgerEntry], Any]]]:
    """(header, getter) of each column of the ledger table, the entry's id first."""
    summaries: dict[str, Callable[[LedgerEntry], Any]] = {
        "parties": sides_text,
        "history": history_text,
        "conflicts": conflicts_text,
    }
    found: list[tuple[str, Callable[[LedgerEntry], Any]]] = []
    for column in columns(LedgerEntry):
        if not isinstance(column, Column):
            found.append((column.name, summaries[column.name]))  # a new list: KeyError here
        elif column.name == "id":
            found.insert(0, ("id", lambda e, c=column: value(e, c)))
        else:
            found.append((column.name, lambda e, c=column: value(e, c)))
            if column.name == "records":
                found.append(("record_count", lambda e: len(e.records)))
    return found


def history_columns() -> list[tuple[str, Callable[[Report], Any]]]:
    return _scalar_columns(Report)


def _scalar_columns(model: Any) -> list[tuple[str, Callable[[Any], Any]]]:
    return [
        (column.name, lambda obj, c=column: value(obj, c))
        for column in columns(model)
        if isinstance(column, Column)
    ]


def _table(header: list[str], rows: Iterable[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def format_csv(records: list[Agreement], states: Mapping[str, ReviewState]) -> tuple[bytes, bytes]:
    """The bytes of agreements.csv and of its parties file."""
    agreement = agreement_columns()

    def row(record: Agreement) -> list[str]:
        state = states.get(record.id, NOT_REVIEWED)
        cells = [cell(get(record)) for _, get in agreement]
        return [*cells, cell(state.verdict), cell(list(state.corrected))]

    agreements = _table(
        [name for name, _ in agreement] + [REVIEW_COLUMN, CORRECTED_COLUMN],
        (row(r) for r in records),
    )
    party = party_columns()
    parties = _table(
        ["agreement_id"] + [name for name, _ in party],
        ([cell(r.id)] + [cell(get(p)) for _, get in party] for r in records for p in r.parties),
    )
    return agreements, parties


def format_ledger_csv(entries: list[LedgerEntry]) -> tuple[bytes, bytes]:
    """The bytes of the ledger table and of its history file."""
    entry = ledger_columns()
    ledger = _table(
        [name for name, _ in entry], ([cell(get(e)) for _, get in entry] for e in entries)
    )
    report = history_columns()
    history = _table(
        ["ledger_id"] + [name for name, _ in report],
        ([cell(e.id)] + [cell(get(r)) for _, get in report] for e in entries for r in e.history),
    )
    return ledger, history


def write_csv(
    records: list[Agreement],
    path: Path,
    states: Mapping[str, ReviewState],
    ledger: list[LedgerEntry] | None = None,
) -> list[Path]:
    """Write PATH and PATH-parties, and with a ledger PATH-ledger and PATH-ledger-history;
    return the paths."""
    if ledger is None:
        return write_files([path, parties_path(path)], lambda: format_csv(records, states))
    return write_files(
        [path, parties_path(path), *ledger_paths(path)],
        lambda: [*format_csv(records, states), *format_ledger_csv(ledger)],
    )
