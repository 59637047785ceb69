"""The ledger in every export format, and `coopextract schema --ledger`.

A folder is built here: a memorandum proposed in a French article and reported signed in a
Russian one (one ledger entry, two reports that call it a memorandum and a protocol), and an
unrelated agreement; `update_ledger` writes its ledger.jsonl as ingest would. Each format is
read back with other tools and compared with the entries.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.exports import ExportFormat, export, write_records_as
from coopextract.exports.csv_tables import ledger_paths, metadata_path, unescape_cell
from coopextract.exports.parquet import ledger_path
from coopextract.exports.schema import ledger_schema, record_schema, schema_json
from coopextract.ledger.entry import LEDGER_SCHEMA_VERSION, LedgerEntry, Report
from coopextract.models import Agreement
from coopextract.run.ledger_file import read_ledger, update_ledger
from coopextract.run.results import FOLDER_FILES
from coopextract.writing import write_records
from tests.test_exports import (
    assert_pandas_reads_what_was_written,
    day,
    pandas_tables,
    undescribed,
)
from tests.test_writing import make_record

runner = CliRunner()

PROPOSED = "Roscosmos et la CNSA signeront cette année un mémorandum sur l'ILRS, de 2021 à 2025."
SIGNED = "- Роскосмос и CNSA подписали протокол о МНЛС до 2025 года."
OTHER = "L'ESA et Roscosmos ont signé un accord."


def article(path: str, published: str | None, language: str) -> dict:
    return {
        "path": path,
        "sha256": "0" * 64,
        "title": "Titre",
        "published": {"value": published, "precision": "day"} if published else None,
        "language": language,
    }


def the_records() -> list[Agreement]:
    proposed = make_record(
        "fr/tass.txt",
        10,
        PROPOSED,
        article=article("fr/tass.txt", "2021-02-12", "fr"),
        status="proposed",
        date={"value": "2021", "precision": "year", "text": "cette année"},
        period={"start": "2021", "end": "2025"},
    )
    signed = make_record(
        "ru/ria.txt",
        0,
        SIGNED,
        article=article("ru/ria.txt", "2021-03-09", "ru"),
        date={"value": "2021-03-09", "precision": "day", "text": "9 марта"},
        period={"start": None, "end": "2025"},
        instrument="protocol",
    )
    other = make_record(
        "fr/esa.txt",
        0,
        OTHER,
        article=article("fr/esa.txt", None, "fr"),
        parties=[
            {"name": "ESA", "kind": "organization", "country": None},
            {"name": "Roscosmos", "kind": "agency", "country": "RU"},
        ],
        instrument="agreement",
        scope=[],
        subjects=[],
    )
    return [proposed, signed, other]


RECORDS = the_records()
PROPOSED_ID, SIGNED_ID, OTHER_ID = (r.id for r in RECORDS)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "extracted"
    write_records(RECORDS, out / "agreements.jsonl")
    update_ledger(out)
    return out


@pytest.fixture
def entries(folder: Path) -> list[LedgerEntry]:
    found = read_ledger(folder)
    # What the tests below rely on: the plan and its signature are one entry.
    assert sorted(len(e.records) for e in found) == [1, 2]
    return found


def merged(entries: list[LedgerEntry]) -> LedgerEntry:
    return next(e for e in entries if len(e.records) == 2)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def reject(folder: Path, ident: str) -> None:
    decision = {"id": ident, "action": "reject", "seq": 1}
    (folder / "reviews.jsonl").write_text(json.dumps(decision) + "\n", encoding="utf-8")


# --- CSV ------------------------------------------------------------------------------------


def test_csv_ledger_table_one_row_per_entry(folder: Path, entries: list[LedgerEntry]) -> None:
    result = export(folder, "csv")
    ledger_csv, history_csv = ledger_paths(folder / "agreements.csv")
    assert result.paths[2:4] == [ledger_csv, history_csv]
    assert result.ledger == len(entries) and result.ledger_warning is None
    rows = read_csv(ledger_csv)
    assert [r["id"] for r in rows] == [e.id for e in entries]
    row = next(r for r in rows if r["id"] == merged(entries).id)
    assert row["records"] == "; ".join(sorted([PROPOSED_ID, SIGNED_ID]))
    assert row["record_count"] == "2"
    assert row["parties"] == "Russia (RU); CNSA (CN)"
    assert (row["instrument"], row["status"]) == ("memorandum", "signed")
    assert (row["date_value"], row["date_precision"]) == ("2021-03-09", "day")
    assert (row["period_start"], row["period_end"]) == ("2021", "2025")
    assert (row["scope"], row["subjects"]) == ("lunar_exploration", "ILRS")
    assert row["history"] == "proposed 2021 (fr); signed 2021-03-09 (ru)"
    assert (row["first_reported_value"], row["last_reported_value"]) == (
        "2021-02-12",
        "2021-03-09",
    )
    assert row["conflicts"] == f"instrument: memorandum ({PROPOSED_ID}) | protocol ({SIGNED_ID})"
    assert row["why"] == "; ".join(merged(entries).why) and row["why"]
    other = next(r for r in rows if r["id"] != merged(entries).id)
    assert other["parties"] == "ESA; Roscosmos (RU)"
    assert other["conflicts"] == "" and other["date_value"] == ""


def test_csv_ledger_files_read_back_typed(folder: Path, entries: list[LedgerEntry]) -> None:
    csvw = pytest.importorskip("csvw")
    main = export(folder, "csv").paths[0]
    assert_pandas_reads_what_was_written(main)  # the ledger's files too, from the same metadata
    ledger = pandas_tables(main)["agreements-ledger.csv"]
    assert set(ledger["schema_version"]) == {LEDGER_SCHEMA_VERSION}  # "1.0", not 1.0
    assert ledger["record_count"].dtype == "int64"
    group = csvw.TableGroup.from_file(metadata_path(main))
    assert [t.url.string for t in group.tables] == [
        "agreements.csv",
        "agreements-parties.csv",
        "agreements-ledger.csv",
        "agreements-ledger-history.csv",
    ]
    rows = list(group.tables[2].iterdicts())
    assert [r["records"] for r in rows] == [e.records for e in entries]
    assert group.check_referential_integrity()


def test_csv_ledger_history_joins_the_records(folder: Path, entries: list[LedgerEntry]) -> None:
    export(folder, "csv")
    history = read_csv(ledger_paths(folder / "agreements.csv")[1])
    assert list(history[0])[:2] == ["ledger_id", "status"]
    want = [(e.id, r.record, r.status) for e in entries for r in e.history]
    assert [(h["ledger_id"], h["record"], h["status"]) for h in history] == want
    signed = next(h for h in history if h["record"] == SIGNED_ID)
    assert (signed["language"], signed["published_value"], signed["date_text"]) == (
        "ru",
        "2021-03-09",
        "9 марта",
    )
    # Starts with "-": escaped like any other cell a spreadsheet would run.
    assert signed["evidence"] == "'" + SIGNED and unescape_cell(signed["evidence"]) == SIGNED
    records = {r["id"] for r in read_csv(folder / "agreements.csv")}
    assert {h["record"] for h in history} == records


# --- SQLite ---------------------------------------------------------------------------------


def test_sqlite_ledger_tables_and_their_keys(folder: Path, entries: list[LedgerEntry]) -> None:
    path = export(folder, "sqlite").paths[0]
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"ledger", "ledger_parties", "ledger_history", "ledger_records"} <= tables
        assert db.execute("SELECT id FROM ledger ORDER BY rowid").fetchall() == [
            (e.id,) for e in entries
        ]
        entry = merged(entries)
        # From an entry to its records, through the link table.
        joined = db.execute(
            "SELECT a.id, a.article_language FROM ledger l "
            "JOIN ledger_records lr ON lr.ledger_id = l.id "
            "JOIN agreements a ON a.id = lr.record_id WHERE l.id = ? ORDER BY a.id",
            [entry.id],
        ).fetchall()
        by_id = {r.id: r for r in RECORDS}
        assert joined == [(i, by_id[i].article.language) for i in entry.records]
        # The analyst's question: agreements signed by Russia and China.
        count = db.execute(
            "SELECT count(*) FROM ledger l WHERE l.status = 'signed' AND (SELECT "
            "count(DISTINCT p.country) FROM ledger_parties p WHERE p.ledger_id = l.id "
            "AND p.country IN ('RU', 'CN')) = 2"
        ).fetchone()[0]
        assert count == 1
        history = db.execute(
            "SELECT position, status, date_value, record, language FROM ledger_history "
            "WHERE ledger_id = ? ORDER BY position",
            [entry.id],
        ).fetchall()
        assert history == [
            (0, "proposed", "2021", PROPOSED_ID, "fr"),
            (1, "signed", "2021-03-09", SIGNED_ID, "ru"),
        ]
        parties = db.execute(
            "SELECT name, kind, country FROM ledger_parties WHERE ledger_id = ? ORDER BY position",
            [entry.id],
        ).fetchall()
        assert parties == [(s.name, s.kind, s.country) for s in entry.parties]
        row = db.execute(
            "SELECT status, period_start, period_end, subjects, why, conflicts FROM ledger "
            "WHERE id = ?",
            [entry.id],
        ).fetchone()
        assert row[:3] == ("signed", "2021", "2025")
        assert json.loads(row[3]) == ["ILRS"] and json.loads(row[4]) == entry.why
        assert json.loads(row[5]) == [c.model_dump(mode="json") for c in entry.conflicts]
        conflicting = db.execute(
            "SELECT c.value ->> 'field' FROM ledger, json_each(ledger.conflicts) c"
        ).fetchall()
        assert conflicting == [("instrument",)]
        index = db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ledger_records' "
            "AND sql IS NOT NULL"
        ).fetchall()
        assert index == [("ledger_records_record_id",)]
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO ledger_records VALUES (?, 'agr-nowhere')", [entry.id])
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO ledger_history (ledger_id, position) VALUES ('led-x', 0)")
    finally:
        db.close()


def test_sqlite_links_only_the_records_it_holds(folder: Path, entries: list[LedgerEntry]) -> None:
    # Rejected after the last ingest run: the ledger still names it.
    reject(folder, OTHER_ID)
    result = export(folder, "sqlite")
    assert result.ledger == len(entries) and result.left_out == 1
    assert "ledger.jsonl does not match" in (result.ledger_warning or "")
    assert "1 record rejected or gone" in (result.ledger_warning or "")
    db = sqlite3.connect(result.paths[0])
    try:
        db.execute("PRAGMA foreign_keys = ON")
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        linked = {r[0] for r in db.execute("SELECT record_id FROM ledger_records")}
        assert linked == {PROPOSED_ID, SIGNED_ID}
        assert db.execute("SELECT count(*) FROM ledger").fetchone()[0] == len(entries)
    finally:
        db.close()
    # Exported with the rejected records, it is linked again.
    again = export(folder, "sqlite", include_rejected=True)
    db = sqlite3.connect(again.paths[0])
    try:
        assert db.execute("SELECT count(*) FROM ledger_records").fetchone()[0] == 3
    finally:
        db.close()
    # Once ingest has rebuilt the ledger, it matches again.
    update_ledger(folder)
    rebuilt = export(folder, "sqlite")
    assert rebuilt.ledger == len(entries) - 1 and rebuilt.ledger_warning is None


def test_a_ledger_older_than_the_records_is_exported_with_a_warning(
    folder: Path, entries: list[LedgerEntry]
) -> None:
    # As a run killed between writing agreements.jsonl and ledger.jsonl leaves them.
    late = make_record("fr/late.txt", 0, OTHER)
    write_records([*RECORDS, late], folder / "agreements.jsonl")
    result = runner.invoke(app, ["export", str(folder), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert "(1 record in no entry); it is exported as it is: run `coopextract ingest" in (
        result.stderr
    )
    assert len(read_csv(folder / "agreements-ledger.csv")) == len(entries)


# --- Parquet --------------------------------------------------------------------------------


def test_parquet_ledger_keeps_the_nested_entry(folder: Path, entries: list[LedgerEntry]) -> None:
    result = export(folder, "parquet")
    assert result.paths == [folder / "agreements.parquet", folder / "agreements-ledger.parquet"]
    assert ledger_path(result.paths[0]) == result.paths[1]
    table = pq.read_table(result.paths[1])
    rows = table.to_pylist()
    assert len(rows) == len(entries)
    for row, entry in zip(rows, entries, strict=True):
        typed = {n: row.pop(n) for n in [*row][-5:]}  # the dates typed, where they give the day
        assert typed == {
            "date_day": day(entry.date and entry.date.value),
            "period_start_day": day(entry.period and entry.period.start),
            "period_end_day": day(entry.period and entry.period.end),
            "first_reported_day": day(entry.first_reported and entry.first_reported.value),
            "last_reported_day": day(entry.last_reported and entry.last_reported.value),
        }
        for conflict in row["conflicts"]:
            for disagreement in conflict["values"]:
                disagreement["value"] = json.loads(disagreement["value"])  # JSON text
        assert row == entry.model_dump(mode="json")
        assert LedgerEntry.model_validate(row) == entry
    history = merged(entries).history
    row = next(r for r in table.to_pylist() if r["id"] == merged(entries).id)
    assert [(h["status"], h["record"], h["language"]) for h in row["history"]] == [
        (h.status, h.record, h.language) for h in history
    ]
    assert row["history"][1]["date"] == {
        "value": "2021-03-09",
        "precision": "day",
        "text": "9 марта",
    }
    schema = table.schema
    assert schema.field("history").type.value_type.num_fields == len(Report.model_fields)
    assert schema.field("parties").type.value_type.names == ["name", "kind", "country"]
    assert not schema.field("history").nullable and schema.field("date").nullable
    description = schema.field("history").metadata[b"description"].decode()
    assert description == LedgerEntry.model_fields["history"].description
    values = schema.field("conflicts").type.value_type.field("values").type.value_type
    assert values.field("value").metadata[b"description"].endswith(b" As JSON text.")
    assert schema.metadata[b"coopextract.ledger_schema_version"] == LEDGER_SCHEMA_VERSION.encode()
    assert not undescribed(schema)


def test_parquet_ledger_reads_in_duckdb(folder: Path, entries: list[LedgerEntry]) -> None:
    duckdb = pytest.importorskip("duckdb")
    path = export(folder, "parquet").paths[1]
    rows = duckdb.sql(
        "SELECT id, len(history), history[1].status, parties[1].name FROM read_parquet(?) "
        "ORDER BY id",
        params=[str(path)],
    ).fetchall()
    assert rows == [(e.id, len(e.history), e.history[0].status, e.parties[0].name) for e in entries]


# --- every format ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "parquet", "sqlite"])
def test_same_ledger_same_bytes(folder: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "elsewhere" / f"out.{fmt}"
    first = export(folder, fmt, out)
    data = [p.read_bytes() for p in first.paths]
    second = export(folder, fmt, out)
    assert [p.read_bytes() for p in second.paths] == data
    assert sorted(p.name for p in out.parent.iterdir()) == sorted(p.name for p in first.paths)


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_the_default_files_are_the_folders(folder: Path, fmt: ExportFormat) -> None:
    # A SOURCE that is also the output folder must not take them for articles.
    for path in export(folder, fmt).paths:
        assert path.name in FOLDER_FILES


@pytest.mark.parametrize("fmt", ["csv", "parquet", "sqlite"])
def test_without_a_ledger_the_export_has_no_ledger_part(folder: Path, fmt: str) -> None:
    (folder / "ledger.jsonl").unlink()
    result = export(folder, fmt)
    assert result.ledger is None
    assert result.ledger_warning == (
        f"No ledger exported: {folder / 'ledger.jsonl'} not found (ingest writes it)"
    )
    assert not any("ledger" in p.name for p in result.paths)
    assert not any("ledger" in p.name for p in folder.iterdir())
    if fmt == "sqlite":
        db = sqlite3.connect(result.paths[0])
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        db.close()
        assert tables == {"agreements", "parties", "evidence", "marks"}


def test_labelstudio_takes_no_ledger(folder: Path) -> None:
    result = export(folder, "labelstudio")
    assert result.ledger is None and result.ledger_warning is None
    assert not any("ledger" in p.name for p in result.paths)
    with pytest.raises(ValueError, match="no ledger"):
        write_records_as(RECORDS, "labelstudio", folder / "t.json", ledger=read_ledger(folder))


def test_an_invalid_ledger_stops_the_export(folder: Path) -> None:
    (folder / "ledger.jsonl").write_text('{"id": "led-1"}\n', encoding="utf-8")
    result = runner.invoke(app, ["export", str(folder), "-f", "csv"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "ledger.jsonl:1" in result.stderr
    assert not (folder / "agreements.csv").exists()


def test_command_says_what_it_wrote(folder: Path, entries: list[LedgerEntry]) -> None:
    result = runner.invoke(app, ["export", str(folder), "-f", "parquet"])
    assert result.exit_code == 0, result.output
    assert f"Exported 3 agreements and {len(entries)} ledger entries → " in result.stderr
    assert "agreements-ledger.parquet" in result.stderr
    (folder / "ledger.jsonl").unlink()
    result = runner.invoke(app, ["export", str(folder), "-f", "parquet"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith("No ledger exported: ")
    assert "Exported 3 agreements → " in result.stderr


# --- the schema -----------------------------------------------------------------------------


def test_schema_ledger_prints_the_entrys_schema(folder: Path, entries: list[LedgerEntry]) -> None:
    first = runner.invoke(app, ["schema", "--ledger"])
    second = runner.invoke(app, ["schema", "--ledger"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout == schema_json(ledger=True)
    schema = json.loads(first.stdout)
    assert schema == ledger_schema()
    assert schema["$id"] == f"urn:coopextract:ledger-entry:{LEDGER_SCHEMA_VERSION}"
    assert schema["properties"] == LedgerEntry.model_json_schema()["properties"]
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    lines = (folder / "ledger.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(entries)
    for line in lines:
        assert not list(validator.iter_errors(json.loads(line)))
    wrong = json.loads(lines[0]) | {"history": []}
    assert list(validator.iter_errors(wrong))
    # Without --ledger, the record's schema as before.
    assert json.loads(runner.invoke(app, ["schema"]).stdout) == record_schema()
