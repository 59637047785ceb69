"""`coopextract export`: each format read back with other tools and compared with the JSONL.

The records are the golden ones of data/raw (real evidence and marks) plus one made here
with what the golden ones lack: a party without a country, a JSON article's item, a
publication date, an open period. A reviews.jsonl written by hand rejects one record,
corrects and accepts another, and concerns a record that does not exist.
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.errors import InputError
from coopextract.exports import DEFAULT_NAMES, ExportFormat, export, write_records_as
from coopextract.exports.csv_tables import metadata_path, parties_path, text_cell, unescape_cell
from coopextract.exports.labelstudio import LABELS, config_path
from coopextract.models import SCHEMA_VERSION, Agreement
from coopextract.run.results import OwnedFileError
from coopextract.writing import read_records, write_records
from tests.conftest import PROJECT
from tests.test_writing import make_record

RAW = PROJECT / "data" / "raw"
GOLDEN = PROJECT / "tests" / "golden" / "data_raw.jsonl"
FORMATS = list(ExportFormat)
runner = CliRunner()

GOLDEN_RECORDS = read_records(GOLDEN)
REJECTED = GOLDEN_RECORDS[0].id
CORRECTED = GOLDEN_RECORDS[1].id
ORPHAN = "agr-0000000000000000"
REVIEWS = [
    {"id": REJECTED, "action": "reject", "note": "a duplicate", "seq": 1},
    {"id": CORRECTED, "action": "set", "field": "status", "value": "in_force", "seq": 2},
    {"id": CORRECTED, "action": "accept", "seq": 3},
    {"id": ORPHAN, "action": "accept", "seq": 4},
]


def odd_record() -> Agreement:
    text = "L'ESA et Roscosmos ont signé un accord le 9 mars 2021, valable dès 2018."
    start = 40
    return make_record(
        "flux/news.jsonl",
        start,
        text,
        article={
            "path": "flux/news.jsonl",
            "item": "line:2",
            "sha256": "1" * 64,
            "title": 'Un titre, avec "guillemets"',
            "published": {"value": "2021-03", "precision": "month"},
            "language": "fr",
            "url": "https://example.org/flux/2",
            "outlet": "Le Flux",
            "author": "Marie Dupont; Jean Martin",
        },
        parties=[
            {"name": "ESA", "kind": "organization", "country": None, "mentions": ["l'ESA"]},
            {"name": "Roscosmos", "kind": "agency", "country": "RU", "mentions": []},
        ],
        date={"value": "2021-03-09", "precision": "day", "text": "le 9 mars 2021"},
        period={"start": "2018", "end": None},
        scope=[],
        subjects=["ILRS", "Luna-26"],
        space=False,
        evidence=[
            {
                "text": text,
                "start": start,
                "end": start + len(text),
                "marks": [
                    {"label": "party", "text": "ESA", "start": start + 2, "end": start + 5},
                    {"label": "trigger", "text": "accord", "start": start + 32, "end": start + 38},
                ],
            },
            {"text": "Second.", "start": start + 200, "end": start + 207},
        ],
    )


ALL_RECORDS = [*GOLDEN_RECORDS, odd_record()]


def expected(include_rejected: bool = False) -> list[Agreement]:
    """The records an export should hold, in the order of agreements.jsonl."""
    found = []
    for record in read_records_in_file_order():
        if record.id == REJECTED and not include_rejected:
            continue
        if record.id == CORRECTED:
            record = record.model_copy(update={"status": "in_force"})
        found.append(record)
    return found


def read_records_in_file_order() -> list[Agreement]:
    return sorted(ALL_RECORDS, key=lambda r: (r.article.path, r.evidence[0].start, r.id))


def review_of(ident: str, include_rejected: bool = False) -> tuple[str | None, list[str]]:
    if ident == REJECTED:
        return "rejected", []
    if ident == CORRECTED:
        return "accepted", ["status"]
    return None, []


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "extracted"
    write_records(ALL_RECORDS, out / "agreements.jsonl")
    lines = [json.dumps(d) + "\n" for d in REVIEWS]
    (out / "reviews.jsonl").write_text("".join(lines), encoding="utf-8")
    return out


def as_json(record: Agreement) -> dict:
    return record.model_dump(mode="json")


# --- reading each format back ---------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def read_sqlite(path: Path) -> list[dict]:
    """The records rebuilt from the four tables, with their review columns."""
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        parties, evidence, marks = {}, {}, {}
        for row in db.execute("SELECT * FROM parties ORDER BY agreement_id, position"):
            parties.setdefault(row["agreement_id"], []).append(
                {
                    "name": row["name"],
                    "kind": row["kind"],
                    "country": row["country"],
                    "mentions": json.loads(row["mentions"]),
                    "in_catalog": bool(row["in_catalog"]),
                }
            )
        for row in db.execute(
            "SELECT * FROM marks ORDER BY agreement_id, evidence_position, position"
        ):
            marks.setdefault((row["agreement_id"], row["evidence_position"]), []).append(
                {k: row[k] for k in ("label", "text", "start", "end")}
            )
        for row in db.execute("SELECT * FROM evidence ORDER BY agreement_id, position"):
            evidence.setdefault(row["agreement_id"], []).append(
                {
                    **{k: row[k] for k in ("text", "start", "end")},
                    "marks": marks.get((row["agreement_id"], row["position"]), []),
                }
            )
        records = []
        for row in db.execute("SELECT * FROM agreements ORDER BY rowid"):

            def date(prefix: str, *extra: str, row: sqlite3.Row = row) -> dict | None:
                if row[f"{prefix}_value"] is None:
                    return None
                keys = ("value", "precision", *extra)
                return {k: row[f"{prefix}_{k}"] for k in keys}

            period = None
            if row["period_start"] is not None or row["period_end"] is not None:
                period = {"start": row["period_start"], "end": row["period_end"]}
            records.append(
                {
                    "schema_version": row["schema_version"],
                    "id": row["id"],
                    "article": {
                        "path": row["article_path"],
                        "item": row["article_item"],
                        "sha256": row["article_sha256"],
                        "title": row["article_title"],
                        "published": date("article_published"),
                        "language": row["article_language"],
                        "url": row["article_url"],
                        "outlet": row["article_outlet"],
                        "author": row["article_author"],
                    },
                    "parties": parties[row["id"]],
                    "instrument": row["instrument"],
                    "status": row["status"],
                    "date": date("date", "text"),
                    "period": period,
                    "scope": json.loads(row["scope"]),
                    "subjects": json.loads(row["subjects"]),
                    "space": bool(row["space"]),
                    "evidence": evidence[row["id"]],
                    "confidence": row["confidence"],
                    "rules": json.loads(row["rules"]),
                    "review": row["review"],
                    "corrected": json.loads(row["corrected"]),
                }
            )
        return records
    finally:
        db.close()


def exported(fmt: ExportFormat, path: Path) -> list[dict]:
    """id, status, review and corrected of each exported record, whatever the format."""
    if fmt is ExportFormat.csv:
        return [
            {
                "id": r["id"],
                "status": r["status"],
                "review": r["review"] or None,
                "corrected": r["corrected"].split("; ") if r["corrected"] else [],
            }
            for r in read_csv(path)
        ]
    if fmt is ExportFormat.parquet:
        rows = pq.read_table(path).to_pylist()
    elif fmt is ExportFormat.sqlite:
        rows = read_sqlite(path)
    else:
        rows = [t["data"] for t in json.loads(path.read_text(encoding="utf-8"))]
    return [{k: r[k] for k in ("id", "status", "review", "corrected")} for r in rows]


# --- every format ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("include_rejected", [False, True])
def test_reviews_are_applied(folder: Path, fmt: ExportFormat, include_rejected: bool) -> None:
    result = export(folder, fmt, include_rejected=include_rejected)
    assert result.paths[0] == folder / DEFAULT_NAMES[fmt]
    assert [d.id for d in result.orphans] == [ORPHAN]
    assert result.left_out == (0 if include_rejected else 1)
    rows = exported(fmt, result.paths[0])
    want = expected(include_rejected)
    assert [r["id"] for r in rows] == [r.id for r in want]
    assert result.exported == len(want)
    for row, record in zip(rows, want, strict=True):
        assert row["status"] == record.status
        assert (row["review"], row["corrected"]) == review_of(record.id)
    assert (REJECTED in [r["id"] for r in rows]) is include_rejected
    assert next(r for r in rows if r["id"] == CORRECTED)["status"] == "in_force"


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_records_same_bytes_and_the_file_replaced(
    folder: Path, tmp_path: Path, fmt: ExportFormat
) -> None:
    out = tmp_path / "elsewhere" / f"out.{fmt}"
    first = export(folder, fmt, out)
    data = [p.read_bytes() for p in first.paths]
    for path in first.paths:
        path.write_bytes(b"garbage from an earlier export")
    second = export(folder, fmt, out)
    assert second.paths == first.paths
    assert [p.read_bytes() for p in second.paths] == data
    assert sorted(p.name for p in out.parent.iterdir()) == sorted(p.name for p in first.paths)


def test_without_reviews_every_record_is_exported(folder: Path) -> None:
    (folder / "reviews.jsonl").unlink()
    result = export(folder, "parquet")
    assert result.orphans == [] and result.left_out == 0
    rows = pq.read_table(result.paths[0]).to_pylist()
    assert [r["id"] for r in rows] == [r.id for r in read_records_in_file_order()]
    assert all(r["review"] is None and r["corrected"] == [] for r in rows)


# --- CSV ------------------------------------------------------------------------------------


def test_csv_one_row_per_agreement_and_a_parties_file(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "agreements.csv"
    result = export(folder, "csv", out, include_rejected=True)
    assert result.paths == [
        out,
        tmp_path / "agreements-parties.csv",
        tmp_path / "agreements.csv-metadata.json",
    ]
    assert parties_path(out) == result.paths[1]
    assert out.read_bytes().count(b"\r\n") >= len(ALL_RECORDS) + 1
    rows = read_csv(out)
    records = expected(include_rejected=True)
    assert len(rows) == len(records)
    for row, r in zip(rows, records, strict=True):
        assert row["id"] == r.id
        assert row["parties"] == "; ".join(
            f"{p.name} ({p.country})" if p.country else p.name for p in r.parties
        )
        assert row["article_path"] == r.article.path
        assert row["article_item"] == (r.article.item or "")
        assert row["article_title"] == r.article.title
        assert row["instrument"] == r.instrument
        assert row["date_value"] == (r.date.value if r.date else "")
        assert row["date_precision"] == (r.date.precision if r.date else "")
        assert row["date_text"] == (r.date.text if r.date else "")
        assert row["period_start"] == ((r.period and r.period.start) or "")
        assert row["period_end"] == ((r.period and r.period.end) or "")
        assert row["scope"] == "; ".join(r.scope)
        assert row["subjects"] == "; ".join(r.subjects)
        assert row["space"] == ("true" if r.space else "false")
        assert float(row["confidence"]) == r.confidence
        assert row["evidence_text"] == r.evidence[0].text
        assert int(row["evidence_start"]) == r.evidence[0].start
        assert int(row["evidence_count"]) == len(r.evidence)
    odd = next(row for row in rows if row["id"] == odd_record().id)
    assert odd["parties"] == "ESA; Roscosmos (RU)"
    assert (odd["article_url"], odd["article_outlet"], odd["article_author"]) == (
        "https://example.org/flux/2",
        "Le Flux",
        "Marie Dupont; Jean Martin",
    )
    assert odd["article_published_value"] == "2021-03"
    assert odd["period_end"] == "" and odd["space"] == "false"

    parties = read_csv(result.paths[1])
    assert list(parties[0]) == [
        "agreement_id",
        "name",
        "kind",
        "country",
        "mentions",
        "in_catalog",
    ]
    want = [
        (
            r.id,
            p.name,
            p.kind,
            p.country or "",
            "; ".join(p.mentions),
            "true" if p.in_catalog else "false",
        )
        for r in records
        for p in r.parties
    ]
    assert [tuple(p.values()) for p in parties] == want


def test_csv_columns_cover_every_field_of_the_record(folder: Path) -> None:
    header = list(read_csv(export(folder, "csv").paths[0])[0])
    for name in Agreement.model_fields:
        assert any(c == name or c.startswith(name + "_") for c in header), name


def pandas_tables(main: Path) -> dict[str, Any]:
    """Every CSV file of an export read by pandas as docs/review-and-exports.md says: with the
    dtypes of the CSVW metadata beside it, and only empty cells as null."""
    pd = pytest.importorskip("pandas")
    meta = json.loads(metadata_path(main).read_text(encoding="utf-8"))
    dtypes = {
        t["url"]: {c["name"]: c["datatype"] for c in t["tableSchema"]["columns"]}
        for t in meta["tables"]
    }
    return {
        name: pd.read_csv(main.parent / name, dtype=types, keep_default_na=False, na_values=[""])
        for name, types in dtypes.items()
    }


def assert_pandas_reads_what_was_written(main: Path) -> None:
    """Each column of each file has its metadata's type in pandas, and the text the file holds."""
    pd = pytest.importorskip("pandas")
    meta = json.loads(metadata_path(main).read_text(encoding="utf-8"))
    tables = pandas_tables(main)
    assert list(tables) == [t["url"] for t in meta["tables"]]
    for table in meta["tables"]:
        frame, cells = tables[table["url"]], read_csv(main.parent / table["url"])
        assert list(frame.columns) == [c["name"] for c in table["tableSchema"]["columns"]]
        for column in table["tableSchema"]["columns"]:
            name, series = column["name"], frame[column["name"]]
            written = [row[name] for row in cells]
            if column["datatype"] == "string":
                assert pd.api.types.is_string_dtype(series), (table["url"], name, series.dtype)
                assert [v if isinstance(v, str) else "" for v in series] == written, name
            elif column["datatype"] == "boolean":
                assert pd.api.types.is_bool_dtype(series), name
                assert [str(v).lower() for v in series] == written, name
            elif column["datatype"] == "long":
                assert pd.api.types.is_integer_dtype(series), name
                assert [str(v) for v in series] == written, name
            else:
                assert column["datatype"] == "double" and pd.api.types.is_float_dtype(series)
                assert [float(v) for v in series] == [float(v) for v in written], name


def test_csv_keeps_strings_strings_in_pandas(folder: Path) -> None:
    main = export(folder, "csv", include_rejected=True).paths[0]
    assert_pandas_reads_what_was_written(main)
    agreements = pandas_tables(main)["agreements.csv"]
    # What plain pd.read_csv reads as numbers, or as float NaN when every cell is empty:
    assert set(agreements["schema_version"]) == {SCHEMA_VERSION}
    odd = agreements[agreements["id"] == odd_record().id].iloc[0]
    assert (odd["period_start"], odd["article_published_value"]) == ("2018", "2021-03")
    assert agreements["article_item"].isna().sum() == len(agreements) - 1
    assert list(agreements["review"].dropna()) == ["rejected", "accepted"]
    assert agreements["space"].dtype == "boolean" and agreements["confidence"].dtype == "float64"


def test_csv_metadata_is_csvw_describing_every_column(folder: Path) -> None:
    csvw = pytest.importorskip("csvw")
    main = export(folder, "csv", include_rejected=True).paths[0]
    group = csvw.TableGroup.from_file(metadata_path(main))
    agreements, parties = group.tables
    rows = list(agreements.iterdicts())  # raises on a cell its column's datatype refuses
    records = expected(include_rejected=True)
    assert [r["id"] for r in rows] == [r.id for r in records]
    for row, record in zip(rows, records, strict=True):
        assert row["scope"] == record.scope and row["subjects"] == record.subjects
        assert row["space"] is record.space and row["confidence"] == record.confidence
        assert row["evidence_start"] == record.evidence[0].start
        assert row["article_url"] == record.article.url
    assert len(list(parties.iterdicts())) == sum(len(r.parties) for r in records)
    assert group.check_referential_integrity()
    meta = json.loads(metadata_path(main).read_text(encoding="utf-8"))
    for table in meta["tables"]:
        for column in table["tableSchema"]["columns"]:
            assert column.get("dc:description"), (table["url"], column["name"])


# --- Parquet --------------------------------------------------------------------------------


def test_parquet_keeps_the_nested_record(folder: Path) -> None:
    path = export(folder, "parquet", include_rejected=True).paths[0]
    table = pq.read_table(path)
    records = expected(include_rejected=True)
    rows = table.to_pylist()
    for row, record in zip(rows, records, strict=True):
        review, corrected = row.pop("review"), row.pop("corrected")
        assert (review, corrected) == review_of(record.id)
        for name in DAY_COLUMNS:
            row.pop(name)
        assert row == as_json(record)
        assert Agreement.model_validate(row) == record
    schema = table.schema
    assert schema.field("parties").type.value_type.num_fields == 5  # a list of structs
    assert schema.field("date").nullable and not schema.field("id").nullable
    assert schema.metadata[b"coopextract.schema_version"] == SCHEMA_VERSION.encode()


DAY_COLUMNS = ["article_published_day", "date_day", "period_start_day", "period_end_day"]


def day(text: str | None) -> date | None:
    """A date's day, when its text gives one."""
    return date.fromisoformat(text) if text and len(text) == 10 else None


def test_parquet_dates_are_typed_where_they_give_the_day(folder: Path) -> None:
    path = export(folder, "parquet", include_rejected=True).paths[0]
    table = pq.read_table(path)
    schema = table.schema
    assert schema.names[-6:] == [*DAY_COLUMNS, "review", "corrected"]
    for name in DAY_COLUMNS:
        assert schema.field(name).type == pa.date32()
    description = schema.field("date_day").metadata[b"description"].decode()
    assert "date.value" in description and "date.precision" in description
    records = expected(include_rejected=True)
    assert {r.date.precision for r in records if r.date} == {"day", "month", "year"}
    days = table.select(DAY_COLUMNS).to_pylist()
    for row, r in zip(days, records, strict=True):
        assert row == {
            "article_published_day": day(r.article.published and r.article.published.value),
            "date_day": day(r.date and r.date.value),
            "period_start_day": day(r.period and r.period.start),
            "period_end_day": day(r.period and r.period.end),
        }
    odd = odd_record()
    assert days[[r.id for r in records].index(odd.id)]["date_day"] == date(2021, 3, 9)

    duckdb = pytest.importorskip("duckdb")
    march = duckdb.sql(
        "SELECT id, date_day, date.precision FROM read_parquet(?) "
        "WHERE date_day BETWEEN DATE '2021-03-01' AND DATE '2021-03-31' ORDER BY id",
        params=[str(path)],
    ).fetchall()
    assert (odd.id, date(2021, 3, 9), "day") in march
    assert march == sorted(
        (r.id, day(r.date.value), "day")
        for r in records
        if r.date and r.date.precision == "day" and r.date.value.startswith("2021-03")
    )


def undescribed(schema: pa.Schema) -> list[str]:
    """The fields of a Parquet schema, nested ones too, without a description."""
    missing: list[str] = []

    def walk(field: pa.Field, where: str) -> None:
        if field.name != "element" and not (field.metadata or {}).get(b"description"):
            missing.append(where)
        kind = field.type
        while pa.types.is_list(kind):
            kind = kind.value_type
        if pa.types.is_struct(kind):
            for child in kind:
                walk(child, f"{where}.{child.name}")

    for field in schema:
        walk(field, field.name)
    return missing


def test_parquet_describes_every_field_nested_ones_too(folder: Path) -> None:
    schema = pq.read_schema(export(folder, "parquet").paths[0])
    assert not undescribed(schema)
    published = schema.field("article").type.field("published").type.field("precision")
    assert published.metadata[b"description"].startswith(b"How much of the date")


def test_parquet_reads_in_duckdb(folder: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    path = export(folder, "parquet").paths[0]
    rows = duckdb.sql(
        "SELECT id, parties[1].name, len(evidence), date.value FROM read_parquet(?) ORDER BY id",
        params=[str(path)],
    ).fetchall()
    want = sorted(
        (r.id, r.parties[0].name, len(r.evidence), r.date.value if r.date else None)
        for r in expected()
    )
    assert rows == want


# --- SQLite ---------------------------------------------------------------------------------


def test_sqlite_tables_rebuild_the_records(folder: Path) -> None:
    path = export(folder, "sqlite", include_rejected=True).paths[0]
    rebuilt = read_sqlite(path)
    records = expected(include_rejected=True)
    assert len(rebuilt) == len(records)
    for row, record in zip(rebuilt, records, strict=True):
        assert (row.pop("review"), row.pop("corrected")) == review_of(record.id)
        assert Agreement.model_validate(row) == record


def test_sqlite_keys_hold(folder: Path) -> None:
    path = export(folder, "sqlite").paths[0]
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert tables == {"agreements", "parties", "evidence", "marks"}
        counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        records = expected()
        assert counts["agreements"] == len(records)
        assert counts["parties"] == sum(len(r.parties) for r in records)
        assert counts["evidence"] == sum(len(r.evidence) for r in records)
        assert counts["marks"] == sum(len(e.marks) for r in records for e in r.evidence)
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(
                "INSERT INTO parties VALUES ('agr-nowhere', 0, 'NASA', 'agency', 'US', '[]', 1)"
            )
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO agreements (id) VALUES (?)", [records[0].id])
        # Lists are JSON: SQLite's own functions read them.
        scope = db.execute(
            "SELECT count(*) FROM agreements, json_each(agreements.scope) "
            "WHERE json_each.value = 'lunar_exploration'"
        ).fetchone()[0]
        assert scope == sum("lunar_exploration" in r.scope for r in records)
    finally:
        db.close()


def test_sqlite_refuses_two_records_with_one_id(folder: Path, tmp_path: Path) -> None:
    # The same article at two paths gives the same ids.
    twin = GOLDEN_RECORDS[2]
    copy = twin.model_copy(update={"article": twin.article.model_copy(update={"path": "b.txt"})})
    write_records([*ALL_RECORDS, copy], folder / "agreements.jsonl")
    with pytest.raises(InputError, match=f"{twin.id}.*b.txt"):
        export(folder, "sqlite")


# --- Label Studio ---------------------------------------------------------------------------


def regions(task: dict) -> list[dict]:
    """The span regions of a task's prediction (the record-level answers are
    test_labelstudio_import's)."""
    (prediction,) = task["predictions"]
    assert prediction["model_version"].startswith("coopextract ")
    spans = [item for item in prediction["result"] if item["from_name"] == "label"]
    assert len(prediction["result"]) - len(spans) in (3, 4)  # verdict, status, instrument, date
    for region in spans:
        assert (region["from_name"], region["to_name"], region["type"]) == (
            "label",
            "text",
            "labels",
        )
    return [region["value"] for region in spans]


def test_labelstudio_evidence_as_text(folder: Path) -> None:
    result = export(folder, "labelstudio")
    tasks = json.loads(result.paths[0].read_text(encoding="utf-8"))
    assert result.paths[1] == config_path(result.paths[0])
    config = result.paths[1].read_text(encoding="utf-8")
    assert '<Labels name="label" toName="text">' in config
    records = expected()
    assert len(tasks) == len(records)
    for task, record in zip(tasks, records, strict=True):
        text = task["data"]["text"]
        assert text == "\n\n".join(e.text for e in record.evidence)
        assert task["data"]["id"] == record.id
        assert task["data"]["parties"]
        assert task["data"]["article_url"] == record.article.url
        assert task["predictions"][0]["score"] == record.confidence
        found = regions(task)
        assert len(found) == sum(len(e.marks) for e in record.evidence)
        marks = [m for e in record.evidence for m in e.marks]
        for region, mark in zip(found, marks, strict=True):
            assert text[region["start"] : region["end"]] == region["text"] == mark.text
            assert region["labels"] == [mark.label]


def test_labelstudio_whole_articles_with_source(folder: Path) -> None:
    write_records(GOLDEN_RECORDS, folder / "agreements.jsonl")
    result = export(folder, "labelstudio", source=RAW, include_rejected=True)
    tasks = json.loads(result.paths[0].read_text(encoding="utf-8"))
    assert len(tasks) == len(GOLDEN_RECORDS)
    for task in tasks:
        path = task["data"]["article_path"]
        text = (RAW / path).read_bytes().decode("utf-8")
        assert task["data"]["text"] == text
        found = regions(task)
        assert found
        for region in found:
            assert text[region["start"] : region["end"]] == region["text"]
            assert set(region["labels"]) <= set(LABELS)
        evidence = [r["text"] for r in found if r["labels"] == ["evidence"]]
        record = next(r for r in GOLDEN_RECORDS if r.id == task["data"]["id"])
        assert evidence == [e.text for e in record.evidence]


def test_labelstudio_refuses_an_article_changed_since_ingest(folder: Path, tmp_path: Path) -> None:
    write_records(GOLDEN_RECORDS, folder / "agreements.jsonl")
    source = tmp_path / "raw"
    shutil.copytree(RAW, source)
    changed = source / GOLDEN_RECORDS[3].article.path
    changed.write_text("Nouveau titre\n" + changed.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="changed since record agr-"):
        export(folder, "labelstudio", source=source)
    changed.unlink()
    with pytest.raises(InputError, match="ingested"):
        export(folder, "labelstudio", source=source)


@pytest.mark.parametrize("source", [None, RAW])
def test_labelstudio_refuses_offsets_that_miss_their_text(folder: Path, source) -> None:
    record = GOLDEN_RECORDS[4]
    evidence = record.evidence[0]
    mark = evidence.marks[0].model_copy(update={"start": evidence.marks[0].start + 1})
    broken = record.model_copy(update={"evidence": [evidence.model_copy(update={"marks": [mark]})]})
    others = [r for r in GOLDEN_RECORDS if r.id != record.id]
    write_records([*others, broken], folder / "agreements.jsonl")
    target = folder / DEFAULT_NAMES[ExportFormat.labelstudio]
    with pytest.raises(InputError, match=f"record {record.id} \\({record.article.path}\\)"):
        export(folder, "labelstudio", source=source)
    assert not target.exists()


# --- the command ----------------------------------------------------------------------------


def test_command_reports_orphans_and_what_it_wrote(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.sqlite"
    result = runner.invoke(app, ["export", str(folder), "--format", "sqlite", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert ORPHAN in result.stderr
    assert f"Exported {len(expected())} agreements (1 rejected left out) → {out}" in result.stderr
    assert result.stdout == ""


def test_command_errors(folder: Path, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["export", str(tmp_path / "nowhere"), "-f", "csv"])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("Error: ") and len(missing.stderr.splitlines()) == 1
    assert "agreements.jsonl not found" in missing.stderr
    wrong = runner.invoke(app, ["export", str(folder), "-f", "csv", "--source", str(RAW)])
    assert wrong.exit_code == 2
    unknown = runner.invoke(app, ["export", str(folder), "-f", "xlsx"])
    assert unknown.exit_code == 2
    (folder / "reviews.jsonl").write_text('{"id": "x", "action": "maybe"}\n', encoding="utf-8")
    bad = runner.invoke(app, ["export", str(folder), "-f", "csv"])
    assert bad.exit_code == 1 and "reviews.jsonl:1" in bad.stderr


# --- issue 13: no input can block, exhaust or silently lose -----------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "name",
    [
        "reviews.jsonl",  # as found: every decision written over without a word
        "agreements.jsonl",
        "manifest.json",
        "errors.jsonl",
        "ledger.jsonl",
        ".coopextract-journal.jsonl",
        "reviews.jsonl.torn",
        "REVIEWS.JSONL",  # the same file on a case-insensitive disk
        ".agreements.jsonl.4242.0a1b2c3d.tmp",  # the next ingest run would delete it
    ],
)
def test_export_never_writes_over_a_file_of_an_output_folder(
    folder: Path, fmt: ExportFormat, name: str
) -> None:
    # Row 8.
    target = folder / name
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = runner.invoke(app, ["export", str(folder), "-f", fmt, "--out", str(target)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: will not write {target}: in a coopextract output ")
    assert result.stderr.endswith("; choose another file name\n")
    assert len(result.stderr.splitlines()) == 1
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    with pytest.raises(OwnedFileError):
        write_records_as(ALL_RECORDS, fmt, target)


def test_csv_cells_a_spreadsheet_would_run_are_escaped(folder: Path, tmp_path: Path) -> None:
    # Row 9, as found: a title starting with `=` was written as it is.
    hostile = odd_record().model_copy(
        update={
            "id": "=agr-1",
            "article": odd_record().article.model_copy(
                update={"title": '=HYPERLINK("http://evil.example","clic")'}
            ),
            "parties": [
                odd_record().parties[0].model_copy(update={"name": "+ESA", "mentions": ["@x"]}),
                odd_record().parties[1].model_copy(update={"name": "-Roscosmos"}),
            ],
            "subjects": ["\tILRS", "=1+1"],
            "rules": ["\rrule", "'quoted"],
        }
    )
    write_records([hostile], folder / "agreements.jsonl")
    out = tmp_path / "a.csv"
    result = runner.invoke(app, ["export", str(folder), "-f", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    (row,) = read_csv(out)
    assert row["id"] == "'=agr-1"
    assert row["article_title"] == '\'=HYPERLINK("http://evil.example","clic")'
    assert row["parties"] == "'+ESA; -Roscosmos (RU)"
    assert row["subjects"] == "'\tILRS; =1+1"
    assert row["rules"] == "'\rrule; 'quoted"
    assert row["article_path"] == "flux/news.jsonl"  # nothing to escape: as it is
    assert row["confidence"] == str(hostile.confidence)  # numbers stay numbers
    assert row["evidence_start"] == "40" and row["space"] == "false"
    parties = read_csv(parties_path(out))
    assert [(p["agreement_id"], p["name"], p["mentions"]) for p in parties] == [
        ("'=agr-1", "'+ESA", "'@x"),
        ("'=agr-1", "'-Roscosmos", ""),
    ]
    # The escape is undone by dropping one leading `'`: a leading `'` is escaped too.
    assert unescape_cell(row["article_title"]) == hostile.article.title
    assert unescape_cell(text_cell("'quoted")) == "'quoted"
    for text in ("=", "+1", "-", "@", "\t", "\r", "'", "plain", ""):
        assert unescape_cell(text_cell(text)) == text
    # Formats that keep types keep the exact text.
    sqlite_out = export(folder, "sqlite", tmp_path / "a.sqlite").paths[0]
    assert read_sqlite(sqlite_out)[0]["article"]["title"] == hostile.article.title


def test_export_warns_of_an_unfinished_last_line_of_reviews(folder: Path, tmp_path: Path) -> None:
    # Row 7: the export leaves it out as review does, and says so; the file is left alone.
    path = folder / "reviews.jsonl"
    data = path.read_bytes() + b'{"id":"agr-1'
    path.write_bytes(data)
    out = tmp_path / "a.parquet"
    result = runner.invoke(app, ["export", str(folder), "-f", "parquet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        f"Warning: the last line of {path} is unfinished (an interrupted write?) and is left "
        f'out: "{{\\"id\\":\\"agr-1"; the next decision moves it to {path}.torn\n'
    )
    assert path.read_bytes() == data
    assert [r["id"] for r in exported(ExportFormat.parquet, out)] == [r.id for r in expected()]
