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

PATH-metadata.json (`agreements.csv-metadata.json`, the name CSVW tools look for) describes
every file written, in W3C CSVW (`csv_metadata`): each column's datatype, description (the
model's), whether it may be empty and the separator of its list cells, and the keys between
the files. A CSV cell is text, and readers guess types from it: pandas takes `schema_version`
"1.4" for a float and a text column empty in every row for float NaN. The metadata says what
each column is without changing the cells, which stay what spreadsheets and other tools show,
and its datatype names are dtypes pandas knows (`dtype={name: datatype}`).

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
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
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
    REVIEW_DESCRIPTIONS,
    ReviewState,
)
from coopextract.ledger.entry import LedgerEntry, Report
from coopextract.models import SCHEMA_VERSION, Agreement, Party

LIST_SEPARATOR = "; "
# A text cell starting with one of these gets a `'` before it (see the module docstring).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def parties_path(path: Path) -> Path:
    """agreements.csv -> agreements-parties.csv, beside it."""
    return beside(path, "parties", ".csv")


def metadata_path(path: Path) -> Path:
    """agreements.csv -> agreements.csv-metadata.json, beside it: where CSVW tools look."""
    return path.with_name(f"{path.name}-metadata.json")


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


@dataclass(frozen=True)
class CsvColumn:
    """One column of a CSV file: its header, its value in a row's object, and what the
    metadata file says of it (`csv_metadata`)."""

    name: str
    get: Callable[[Any], Any]
    type: type  # str, int, float, bool, or list (of strings, joined by LIST_SEPARATOR)
    nullable: bool
    description: str | None


def _field(column: Column) -> CsvColumn:
    return CsvColumn(
        column.name,
        lambda obj: value(obj, column),
        column.type,
        column.nullable,
        column.description,
    )


def agreement_table() -> list[CsvColumn]:
    """The columns of agreements.csv, the record's id first, without the review columns."""
    found: list[CsvColumn] = []
    for column in columns(Agreement):
        if not isinstance(column, Column):
            found.extend(_summaries(column.name))
        elif column.name == "id":
            found.insert(0, _field(column))
        else:
            found.append(_field(column))
    return found


def agreement_columns() -> list[tuple[str, Getter]]:
    """(header, getter) of each column of agreements.csv, the record's id first."""
    return [(column.name, column.get) for column in agreement_table()]


def _summaries(name: str) -> list[CsvColumn]:
    # A list of objects in one row: what a reader of the spreadsheet needs from it.
    if name == "parties":
        return [
            CsvColumn(
                "parties",
                parties_text,
                str,
                False,
                "The parties, one per side, as 'name (country)' joined by '; ' (the parties "
                "file has one row per party).",
            )
        ]
    if name == "evidence":
        first = "The first evidence sentence"
        return [
            CsvColumn("evidence_text", lambda r: r.evidence[0].text, str, False, f"{first}."),
            CsvColumn(
                "evidence_start",
                lambda r: r.evidence[0].start,
                int,
                False,
                f"{first}: offset of its first character in the article text.",
            ),
            CsvColumn(
                "evidence_end",
                lambda r: r.evidence[0].end,
                int,
                False,
                f"{first}: offset just past its last character in the article text.",
            ),
            CsvColumn(
                "evidence_count",
                lambda r: len(r.evidence),
                int,
                False,
                "How many evidence sentences the record has (the other formats hold them all).",
            ),
        ]
    raise TypeError(f"no CSV summary for the list {name!r}")  # a new list field in the model


def review_table() -> list[CsvColumn]:
    """The review columns of agreements.csv, each a value of a `ReviewState`."""
    return [
        CsvColumn(REVIEW_COLUMN, lambda s: s.verdict, str, True, REVIEW_DESCRIPTIONS[0]),
        CsvColumn(
            CORRECTED_COLUMN, lambda s: list(s.corrected), list, False, REVIEW_DESCRIPTIONS[1]
        ),
    ]


def party_columns() -> list[tuple[str, Callable[[Party], Any]]]:
    return [(column.name, column.get) for column in _scalar_columns(Party)]


def ledger_table() -> list[CsvColumn]:
    """The columns of the ledger table, the entry's id first."""
    summaries: dict[str, Callable[[LedgerEntry], Any]] = {
        "parties": sides_text,
        "history": history_text,
        "conflicts": conflicts_text,
    }
    fields = LedgerEntry.model_fields
    found: list[CsvColumn] = []
    for column in columns(LedgerEntry):
        if not isinstance(column, Column):
            get = summaries[column.name]  # a new list: KeyError here
            info = fields[column.name]
            description = " ".join(filter(None, [info.description, "As text."]))
            # An empty list is an empty cell: null.
            empty = not any(getattr(rule, "min_length", None) for rule in info.metadata)
            found.append(CsvColumn(column.name, get, str, empty, description))
        elif column.name == "id":
            found.insert(0, _field(column))
        else:
            found.append(_field(column))
            if column.name == "records":
                count = CsvColumn(
                    "record_count",
                    lambda e: len(e.records),
                    int,
                    False,
                    "How many records it merges.",
                )
                found.append(count)
    return found


def ledger_columns() -> list[tuple[str, Callable[[LedgerEntry], Any]]]:
    """(header, getter) of each column of the ledger table, the entry's id first."""
    return [(column.name, column.get) for column in ledger_table()]


def history_columns() -> list[tuple[str, Callable[[Report], Any]]]:
    return [(column.name, column.get) for column in _scalar_columns(Report)]


def _scalar_columns(model: Any) -> list[CsvColumn]:
    return [_field(column) for column in columns(model) if isinstance(column, Column)]


def _table(header: list[str], rows: Iterable[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def format_csv(records: list[Agreement], states: Mapping[str, ReviewState]) -> tuple[bytes, bytes]:
    """The bytes of agreements.csv and of its parties file."""
    agreement, review = agreement_table(), review_table()

    def row(record: Agreement) -> list[str]:
        state = states.get(record.id, NOT_REVIEWED)
        cells = [cell(column.get(record)) for column in agreement]
        return [*cells, *(cell(column.get(state)) for column in review)]

    agreements = _table(
        [column.name for column in [*agreement, *review]], (row(r) for r in records)
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


# Each column type as a CSVW datatype (W3C, "Metadata Vocabulary for Tabular Data", §5.11) that
# is also a dtype pandas understands: `dtype={c["name"]: c["datatype"] ...}` reads the file.
DATATYPES = {str: "string", int: "long", float: "double", bool: "boolean", list: "string"}
CSVW_CONTEXT = "http://www.w3.org/ns/csvw"


def _csvw_table(path: Path, table: list[CsvColumn], description: str) -> dict[str, Any]:
    described = []
    for column in table:
        entry: dict[str, Any] = {
            "name": column.name,
            "titles": column.name,
            "datatype": DATATYPES[column.type],
        }
        if column.type is list:
            entry["separator"] = LIST_SEPARATOR
        elif not column.nullable:
            entry["required"] = True
        if column.description:
            entry["dc:description"] = column.description
        described.append(entry)
    return {"url": path.name, "dc:description": description, "tableSchema": {"columns": described}}


def _key(table: dict[str, Any], column: str, parent: dict[str, Any] | None = None) -> None:
    """Make `column` the table's primary key or, with `parent`, a reference to its id."""
    schema = table["tableSchema"]
    if parent is None:
        schema["primaryKey"] = column
    else:
        reference = {"resource": parent["url"], "columnReference": "id"}
        schema["foreignKeys"] = [{"columnReference": column, "reference": reference}]


def _owner(name: str, description: str) -> CsvColumn:
    """The first column of a file of parts (parties, reports): the id of their owner."""
    return CsvColumn(name, lambda owner: owner.id, str, False, description)


def csv_metadata(path: Path, ledger: bool) -> dict[str, Any]:
    """The CSVW metadata (a table group) of the files `write_csv` writes for PATH."""
    owner = _owner("agreement_id", "The id of the party's agreement.")
    agreements = _csvw_table(path, [*agreement_table(), *review_table()], "One row per agreement.")
    _key(agreements, "id")
    parties = _csvw_table(
        parties_path(path),
        [owner, *_scalar_columns(Party)],
        "One row per party of each agreement, in the agreement's order.",
    )
    _key(parties, "agreement_id", agreements)
    tables = [agreements, parties]
    if ledger:
        table_path, history_path = ledger_paths(path)
        entries = _csvw_table(table_path, ledger_table(), "One row per real-world agreement.")
        _key(entries, "id")
        entry = _owner("ledger_id", "The id of the report's ledger entry.")
        history = _csvw_table(
            history_path,
            [entry, *_scalar_columns(Report)],
            "One row per report of each ledger entry, oldest first.",
        )
        _key(history, "ledger_id", entries)
        tables += [entries, history]
    return {
        "@context": CSVW_CONTEXT,
        "dc:title": f"coopextract agreements (record schema {SCHEMA_VERSION})",
        "dc:description": (
            "UTF-8 CSV files with a header row; an empty cell is null. A text cell that a "
            "spreadsheet would run as a formula (or that starts with ') starts with an added "
            "': drop one leading ' from a text cell to get its text. In pandas: "
            "pd.read_csv(path, dtype={c['name']: c['datatype'] for c in "
            "table['tableSchema']['columns']}, keep_default_na=False, na_values=[''])."
        ),
        "tables": tables,
    }


def format_metadata(path: Path, ledger: bool) -> bytes:
    """The bytes of PATH's metadata file: `csv_metadata` as indented JSON."""
    text = json.dumps(csv_metadata(path, ledger), indent=2, ensure_ascii=False) + "\n"
    return text.encode("utf-8")


def write_csv(
    records: list[Agreement],
    path: Path,
    states: Mapping[str, ReviewState],
    ledger: list[LedgerEntry] | None = None,
) -> list[Path]:
    """Write PATH and PATH-parties, and with a ledger PATH-ledger and PATH-ledger-history, then
    the metadata of them all, PATH-metadata.json; return the paths."""
    metadata = format_metadata(path, ledger is not None)
    if ledger is None:
        return write_files(
            [path, parties_path(path), metadata_path(path)],
            lambda: [*format_csv(records, states), metadata],
        )
    return write_files(
        [path, parties_path(path), *ledger_paths(path), metadata_path(path)],
        lambda: [*format_csv(records, states), *format_ledger_csv(ledger), metadata],
    )
