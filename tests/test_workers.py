"""`ingest --workers N`: the same output files as one process, whatever N."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.errors import RulesError
from coopextract.ingest import ingest
from coopextract.isolation import ExtractionFailed, internal_error_reason
from coopextract.workers import WorkerPool
from tests.conftest import PROJECT

RAW = PROJECT / "data" / "raw"
OUTPUTS = ("agreements.jsonl", "errors.jsonl")


def outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


@pytest.fixture
def blank_french(rules_copy: Path) -> Path:
    """The shipped rules with French on a blank pipeline: workers start in seconds."""
    (rules_copy / "fr" / "language.json").write_text(json.dumps({"model": None}))
    return rules_copy


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """The seed articles, more than one task's worth, and a file that is skipped."""
    folder = tmp_path / "source"
    folder.mkdir()
    for n in range(3):
        for article in sorted(RAW.glob("*.txt")):
            text = article.read_text(encoding="utf-8")
            (folder / f"{n}-{article.name}").write_text(f"{text}\n\n(copie {n})\n")
    (folder / "empty.txt").write_text("")
    (folder / "note.txt").write_text("La fusée a décollé hier soir de Kourou.\n")
    return folder


def test_two_workers_write_what_one_process_writes(
    blank_french: Path, source: Path, tmp_path: Path
) -> None:
    one = ingest(source, tmp_path / "one", blank_french, language="fr")
    two = ingest(source, tmp_path / "two", blank_french, language="fr", workers=2)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    assert one.agreements_found == two.agreements_found > 0
    assert (one.processed, two.processed) == (16, 16)
    assert [s.path for s in two.skipped] == ["empty.txt"]
    assert two.pipelines == one.pipelines == {"fr": "blank"}
    manifest = json.loads((tmp_path / "two" / "manifest.json").read_text())
    assert manifest["options"]["workers"] == 2
    assert not (tmp_path / "two" / ".coopextract-journal.jsonl").exists()

    # Incremental as ever: only the new article is extracted, by the workers.
    shutil.copy(source / "0-000_d1d8bed0e0f75784.txt", source / "new.txt")
    again = ingest(source, tmp_path / "two", blank_french, language="fr", workers=2)
    assert (again.processed, again.reused) == (1, 16)
    ingest(source, tmp_path / "one", blank_french, language="fr")
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_workers_started_for_nothing_are_stopped_with_the_run(
    blank_french: Path, source: Path, tmp_path: Path
) -> None:
    ingest(source, tmp_path / "out", blank_french, language="fr")
    # Every article unchanged: the workers started with the run were not needed.
    again = ingest(source, tmp_path / "out", blank_french, language="fr", workers=2)
    assert (again.processed, again.reused) == (0, 16)
    assert again.pipelines == {}
    assert multiprocessing.active_children() == []


def test_workers_started_before_a_rules_error_are_stopped(
    blank_french: Path, source: Path, tmp_path: Path
) -> None:
    with (blank_french / "fr" / "triggers.jsonl").open("a", encoding="utf-8") as rules:
        rules.write("{not json\n")
    with pytest.raises(RulesError, match=r"triggers\.jsonl"):
        ingest(source, tmp_path / "out", blank_french, language="fr", workers=2)
    assert multiprocessing.active_children() == []


def test_a_failure_in_a_worker_keeps_its_reason() -> None:
    failed = pickle.loads(pickle.dumps(ExtractionFailed("internal error: ValueError: x", "tb")))
    assert internal_error_reason(failed) == "internal error: ValueError: x"
    assert "tb" in str(failed)


def test_workers_must_be_at_least_one() -> None:
    with pytest.raises(ValueError):
        WorkerPool(0)
    result = CliRunner().invoke(app, ["ingest", "data/raw", "--workers", "0"])
    assert result.exit_code == 2


@pytest.mark.model
def test_two_workers_give_byte_identical_records_on_the_seed_articles(tmp_path: Path) -> None:
    ingest(RAW, tmp_path / "one")
    ingest(RAW, tmp_path / "two", workers=2)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    assert (tmp_path / "one" / "agreements.jsonl").read_bytes().count(b"\n") > 0
