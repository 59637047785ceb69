"""The `coopextract` command and the `ingest` library entry point.

Fast tests inject a fake extractor (no model); the one marked `model` runs the real thing.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract import __version__
from coopextract import cli as cli_module
from coopextract import ingest as ingest_module
from coopextract.articles import Article, Skipped
from coopextract.cli import app
from coopextract.errors import InputError
from coopextract.ingest import ingest
from coopextract.models import Agreement
from coopextract.rules import default_rules_dir, load_rules
from tests.test_writing import make_record

PROJECT = Path(__file__).resolve().parents[1]
RAW = PROJECT / "data" / "raw"
runner = CliRunner()


class FakeExtractor:
    """One record per "accord" in an article's body; validates the rules like the real one."""

    fingerprint = "fake-fingerprint"

    def __init__(self, rules_dir: Path | None = None, language: str = "fr") -> None:
        load_rules(rules_dir, language)
        self.batches = 0

    def extract_many(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, list[Agreement]]]:
        for article in articles:
            found = []
            for match in re.finditer("accord", article.text[article.body_start :]):
                start = article.body_start + match.start()
                record = make_record(article.path, start, "accord")
                found.append(record.model_copy(update={"article": article.ref()}))
            yield article, found


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_module, "_load_extractor", FakeExtractor)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "un.txt").write_text("Titre\nUn accord signé, puis un autre accord.\n")
    (folder / "deux.txt").write_text("Titre\nRien à signaler.\n")
    (folder / "vide.txt").write_text("  \n")
    (folder / "sous dossier").mkdir()
    (folder / "sous dossier" / "trois é.txt").write_bytes(b"Titre\r\nUn accord.\r\n")
    return folder


def one_line(text: str) -> bool:
    return len(text.strip().splitlines()) == 1


# --- the library entry point ---------------------------------------------------------------


def test_ingest_writes_records_and_manifest(fake_model: None, source: Path, tmp_path: Path) -> None:
    seen: list[str] = []
    out = tmp_path / "out"
    result = ingest(source, out, on_progress=lambda item: seen.append(item.path))
    assert (result.articles_read, result.agreements_found) == (3, 3)
    assert result.skipped == [Skipped("vide.txt", result.skipped[0].reason)]
    assert result.output_path == out / "agreements.jsonl"
    assert sorted(seen) == ["deux.txt", "sous dossier/trois é.txt", "un.txt", "vide.txt"]

    lines = result.output_path.read_text(encoding="utf-8").splitlines()
    records = [Agreement.model_validate_json(line) for line in lines]
    assert [r.article.path for r in records] == ["sous dossier/trois é.txt", "un.txt", "un.txt"]

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["fingerprint"] == "fake-fingerprint"
    assert manifest["coopextract_version"] == __version__
    assert (manifest["articles_read"], manifest["agreements_found"]) == (3, 3)
    assert manifest["files_skipped"] == 1
    statuses = {a["path"]: a["status"] for a in manifest["articles"]}
    assert statuses == {
        "deux.txt": "read",
        "sous dossier/trois é.txt": "read",
        "un.txt": "read",
        "vide.txt": "skipped",
    }
    assert manifest["skipped"][0]["path"] == "vide.txt"


def test_ingest_is_deterministic_and_replaces_output(source: Path, tmp_path: Path) -> None:
    extractor = FakeExtractor()
    out = tmp_path / "out"
    ingest(source, out, extractor=extractor)  # type: ignore[arg-type]
    first = (out / "agreements.jsonl").read_bytes()
    ingest(source, out, extractor=extractor)  # type: ignore[arg-type]
    assert (out / "agreements.jsonl").read_bytes() == first
    assert sorted(p.name for p in out.iterdir()) == ["agreements.jsonl", "manifest.json"]
    # Run facts never leak into the records.
    assert b"started_at" not in first
    (source / "un.txt").unlink()
    ingest(source, out, extractor=extractor)  # type: ignore[arg-type]
    assert len((out / "agreements.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_ingest_checks_source_before_loading_the_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def no_model(rules_dir: Path | None) -> None:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(ingest_module, "_load_extractor", no_model)
    with pytest.raises(InputError):
        ingest(tmp_path / "missing", tmp_path / "out")


# --- the command ----------------------------------------------------------------------------


def test_help_lists_every_option_and_exit_codes() -> None:
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0
    assert "ingest" in top.stdout and "--version" in top.stdout
    result = runner.invoke(app, ["ingest", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for text in ("SOURCE", "--output-dir", "--rules", "--help", "data/extracted", "Exit codes"):
        assert text in result.stdout, text


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"coopextract {__version__}"


def test_ingest_summary_and_skipped_on_stderr(
    fake_model: None, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["ingest", str(source), "--output-dir", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Skipped vide.txt: empty file")
    assert lines[-1] == (
        f"Read 3 articles, found 3 agreements, skipped 1 file → {out / 'agreements.jsonl'}"
    )
    assert (out / "agreements.jsonl").is_file()


def test_default_output_dir_is_data_extracted(
    fake_model: None, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["ingest", str(source / "un.txt")])
    assert result.exit_code == 0, result.output
    assert "Read 1 article, found 2 agreements, skipped 0 files" in result.stderr
    assert (tmp_path / "data" / "extracted" / "agreements.jsonl").is_file()


def test_progress_bar_when_stderr_is_a_terminal(
    fake_model: None, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_module, "_stderr_is_terminal", lambda: True)
    result = runner.invoke(app, ["ingest", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Skipped vide.txt" in result.stderr
    assert "Read 3 articles" in result.stderr


@pytest.mark.parametrize("name", ["missing", "article.html"])
def test_unusable_source_is_one_line_without_traceback(
    fake_model: None, tmp_path: Path, name: str
) -> None:
    (tmp_path / "article.html").write_text("<p>x</p>")
    result = runner.invoke(app, ["ingest", str(tmp_path / name), "-o", str(tmp_path / "out")])
    assert result.exit_code in (1, 2)
    assert one_line(result.stderr), result.stderr
    assert result.stderr.startswith("Error: ")
    assert str(tmp_path / name) in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_missing_argument_is_a_usage_error() -> None:
    result = runner.invoke(app, ["ingest"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_invalid_rules_exit_1_with_file_and_line(
    fake_model: None, source: Path, tmp_path: Path
) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    entities = rules / "fr" / "entities.jsonl"
    line = len(entities.read_text(encoding="utf-8").splitlines()) + 1
    with entities.open("a", encoding="utf-8") as f:
        f.write('{"label": "AGENCY", "pattern": \n')
    result = runner.invoke(
        app, ["ingest", str(source), "--rules", str(rules), "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    assert one_line(result.stderr), result.stderr
    assert result.stderr.startswith(f"Error: {entities}:{line}: not valid JSON")
    assert "Traceback" not in result.output


def test_unwritable_output_exit_1(fake_model: None, source: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["ingest", str(source), "-o", str(blocker / "out")])
    assert result.exit_code == 1
    assert one_line(result.stderr), result.stderr
    assert result.stderr.startswith("Error: ") and str(blocker / "out") in result.stderr


# --- end to end, with the real model --------------------------------------------------------


@pytest.mark.model
def test_end_to_end_on_the_seed_articles(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(RAW), "--output-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Read 5 articles" in result.stderr
    lines = (tmp_path / "agreements.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines, "no agreement found in the seed articles"
    for line in lines:
        record = Agreement.model_validate_json(line)
        text = (RAW / record.article.path).read_bytes().decode("utf-8")
        for evidence in record.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["agreements_found"] == len(lines)
