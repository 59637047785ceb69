"""`coopextract diff` on real output folders, and what `ingest` says changed since its last run.

The ingest summary runs with the fake extractor (tests/fakes.py: one record per "accord",
its id from its offset); the diff of two real folders ingests the seed articles with the
model (marked `model`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.run.ingest import ingest
from tests.fakes import FakeExtractor

PROJECT = Path(__file__).resolve().parents[1]
RAW = PROJECT / "data" / "raw"
runner = CliRunner()


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


def manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


# --- ingest: changes since the last run ------------------------------------------------------


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "un.txt").write_text("Titre\nUn accord signé, puis un autre accord.\n")
    (folder / "deux.txt").write_text("Titre\nRien à signaler.\n")
    (folder / "trois.txt").write_text("Titre\nUn accord.\n")
    return folder


def changes_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Changes since")]


def test_ingest_says_what_changed_since_its_last_run(
    fake_model: list, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = run("ingest", source, "-o", out)
    assert first.exit_code == 0, first.output
    assert changes_lines(first.stderr) == []  # a first run: nothing to compare with
    assert manifest(out)["changes"] is None

    again = run("ingest", source, "-o", out)
    assert changes_lines(again.stderr) == ["Changes since the last run: none"]
    assert manifest(out)["changes"] == {"new": 0, "removed": 0, "changed": 0, "unchanged": 3}

    # One more agreement in deux.txt; un.txt's two move (their ids with them): changed.
    (source / "deux.txt").write_text("Titre\nRien à signaler, sauf un accord.\n")
    (source / "un.txt").write_text("Titre\nHier, un accord signé, puis un autre accord.\n")
    edited = run("ingest", source, "-o", out)
    assert changes_lines(edited.stderr) == [
        "Changes since the last run: 1 new, 0 removed, 2 changed"
    ]
    assert manifest(out)["changes"] == {"new": 1, "removed": 0, "changed": 2, "unchanged": 1}
    # The line comes before the totals, which stay last.
    assert edited.stderr.splitlines()[-1].startswith("Read 3 articles (2 extracted")

    (source / "trois.txt").unlink()
    pruned = run("ingest", source, "-o", out, "--prune")
    assert changes_lines(pruned.stderr) == [
        "Changes since the last run: 0 new, 1 removed, 0 changed"
    ]
    assert manifest(out)["changes"]["removed"] == 1


def test_a_first_run_into_a_folder_whose_last_run_found_nothing_counts_new(
    fake_model: list, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    (source / "un.txt").write_text("Titre\nRien.\n")
    (source / "trois.txt").write_text("Titre\nRien.\n")
    run("ingest", source, "-o", out)
    assert manifest(out)["changes"] is None
    (source / "trois.txt").write_text("Titre\nUn accord.\n")
    result = ingest(source, out, extractor=FakeExtractor())
    assert result.changes == {"new": 1, "removed": 0, "changed": 0, "unchanged": 0}


# --- coopextract diff on two real folders ----------------------------------------------------

NEW_ARTICLE = (
    "Le CNES et l'ISRO signent un accord sur l'observation de la Terre\n\n"
    "Le Centre national d'études spatiales (CNES) et l'Organisation indienne de recherche "
    "spatiale (ISRO) ont signé le 3 mars 2021 à Bangalore un accord de coopération portant "
    "sur l'observation de la Terre.\n"
)


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory, extractor) -> tuple[Path, Path]:
    """data/raw ingested, and a copy of it in which one article's date was corrected, one
    article is gone and one was added, ingested into another folder."""
    tmp = tmp_path_factory.mktemp("diff")
    before, after, copy = tmp / "before", tmp / "after", tmp / "raw"
    ingest(RAW, before, extractor=extractor)
    shutil.copytree(RAW, copy)
    article = copy / "000_d1d8bed0e0f75784.txt"
    text = article.read_text(encoding="utf-8")
    assert "En novembre 2017" in text
    article.write_text(text.replace("En novembre 2017", "En décembre 2017"), encoding="utf-8")
    (copy / "004_b6c410c8fab2613d.txt").unlink()
    (copy / "005_cnes_isro.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    ingest(copy, after, extractor=extractor)
    return before, after


@pytest.mark.model
def test_diff_of_two_runs_lists_new_removed_and_changed_records(two_runs) -> None:
    before, after = two_runs
    result = run("diff", before, after)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]
    assert lines[0].startswith("Records: 1 new, 2 removed, ")
    assert lines[1].startswith("Ledger: 1 new, 2 removed, ")
    assert "+ agr-" in result.stdout and "005_cnes_isro.txt" in result.stdout
    assert "    agreement · signed · 2021-03-03 · CNES, ISRO" in lines
    assert result.stdout.count("004_b6c410c8fab2613d.txt") == 2  # its two records, removed
    # The corrected date is a change of the programme's record, not a removal and a new one.
    assert "    date        2017-11 → 2017-12" in lines
    at = lines.index("    date        2017-11 → 2017-12")
    head = next(line for line in reversed(lines[:at]) if line.startswith("~ "))
    assert head.endswith("000_d1d8bed0e0f75784.txt")
    evidence = next(line for line in lines[at:] if line.startswith("    evidence    "))
    assert evidence.startswith("    evidence    − «En novembre 2017, les agences")


@pytest.mark.model
def test_diff_json_for_scripts(two_runs) -> None:
    before, after = two_runs
    result = run("diff", before, after, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    counts = data["records"]["counts"]
    assert (counts["new"], counts["removed"]) == (1, 2)
    assert counts["new"] + counts["changed"] + counts["unchanged"] == len(
        (after / "agreements.jsonl").read_text(encoding="utf-8").splitlines()
    )
    [dated] = [c for c in data["records"]["changed"] if "date" in c["fields"]]
    assert dated["article"] == {"path": "000_d1d8bed0e0f75784.txt", "item": None}
    assert dated["fields"]["date"] == {
        "old": {"value": "2017-11", "precision": "month"},
        "new": {"value": "2017-12", "precision": "month"},
    }
    assert [r["article"]["path"] for r in data["records"]["new"]] == ["005_cnes_isro.txt"]
    assert data["ledger"]["counts"]["new"] == 1


@pytest.mark.model
def test_diff_of_a_folder_with_itself_and_with_a_copy_of_its_records(
    two_runs, tmp_path: Path
) -> None:
    before, _ = two_runs
    same = run("diff", before, before)
    assert same.exit_code == 0
    records = len((before / "agreements.jsonl").read_text(encoding="utf-8").splitlines())
    entries = len((before / "ledger.jsonl").read_text(encoding="utf-8").splitlines())
    assert same.stdout.splitlines() == [
        f"Records: 0 new, 0 removed, 0 changed, {records} unchanged "
        f"({records} before, {records} after)",
        f"Ledger: 0 new, 0 removed, 0 changed, {entries} unchanged "
        f"({entries} before, {entries} after)",
    ]
    # A copy of agreements.jsonl kept before a run: no ledger to compare.
    copy = tmp_path / "before.jsonl"
    shutil.copy(before / "agreements.jsonl", copy)
    assert run("diff", copy, before).stdout.splitlines() == same.stdout.splitlines()[:1]


def test_diff_errors_are_one_line(tmp_path: Path) -> None:
    missing = run("diff", tmp_path / "nowhere", tmp_path)
    assert missing.exit_code == 1
    assert missing.stderr.splitlines() == [
        f"Error: {tmp_path / 'nowhere'} not found; pass an output folder of `coopextract "
        "ingest` or a copy of its agreements.jsonl"
    ]
    (tmp_path / "empty").mkdir()
    empty = run("diff", tmp_path / "empty", tmp_path / "empty")
    assert empty.exit_code == 1 and empty.stderr.startswith("Error: ")
    assert len(empty.stderr.splitlines()) == 1
    assert run("diff", tmp_path).exit_code == 2  # NEW missing: a usage mistake
