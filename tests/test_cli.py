"""The `coopextract` command: options, messages, exit codes.

Fast tests inject a fake extractor (no model); the one marked `model` runs the real thing.
What a run does to the output folder is tested through the library in test_ingest.py.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract import __version__
from coopextract.cli import app
from coopextract.cli import ingest as cli_module
from coopextract.cli.ingest import parse_size
from coopextract.models import Agreement
from coopextract.reading import articles
from coopextract.rule_files import default_rules_dir
from coopextract.run import ingest as ingest_module
from tests.fakes import POISON, FakeExtractor

PROJECT = Path(__file__).resolve().parents[1]
RAW = PROJECT / "data" / "raw"
runner = CliRunner()


@pytest.fixture
def loads(fake_model: list[FakeExtractor]) -> list[FakeExtractor]:
    """Runs load the fake extractor (counted here) and get a fixed fingerprint."""
    return fake_model


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "un.txt").write_text("Titre\nUn accord signé, puis un autre accord.\n")
    (folder / "deux.txt").write_text("Titre\nRien à signaler.\n")
    (folder / "vide.txt").write_text("  \n")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / "sous dossier").mkdir()
    (folder / "sous dossier" / "trois é.txt").write_bytes(b"Titre\r\nUn accord.\r\n")
    return folder


def one_line(text: str) -> bool:
    return len(text.strip().splitlines()) == 1


def run(*args: str | Path) -> object:
    return runner.invoke(app, [str(a) for a in args])


# --- help and options -----------------------------------------------------------------------


def test_help_lists_every_option_and_exit_codes() -> None:
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0
    assert "ingest" in top.stdout and "--version" in top.stdout
    result = runner.invoke(app, ["ingest", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for text in (
        "SOURCE",
        "--output-dir",
        "--rules",
        "--force",
        "--prune",
        "--max-size",
        "--verbose",
        "--help",
        "data/extracted",
        "5MB",
        "Exit codes: 0",
        "1 the run",
        "2 the command line",
    ):
        assert text in result.stdout, text


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"coopextract {__version__}"


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("5000000", 5_000_000),
        ("5MB", 5_000_000),
        ("5 mb", 5_000_000),
        ("500kB", 500_000),
        ("1.5M", 1_500_000),
        ("2MiB", 2 * 1024**2),
        ("1GB", 10**9),
        ("12B", 12),
    ],
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_max_size_default_is_the_readers() -> None:
    assert cli_module.MAX_BYTES == articles.MAX_BYTES


def test_max_size_is_passed_to_the_readers(loads: list, source: Path, tmp_path: Path) -> None:
    (source / "long.txt").write_text("Titre\n" + "x" * 2000 + "\n")
    result = run("ingest", source, "-o", tmp_path / "out", "--max-size", "1kB")
    assert result.exit_code == 0, result.output
    assert "Skipped long.txt: too large (2,007 bytes, the limit is 1,000)" in result.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["options"]["max_bytes"] == 1000


@pytest.mark.parametrize("size", ["lots", "5XB", "-1", "0", ""])
def test_bad_max_size_is_a_usage_error(source: Path, tmp_path: Path, size: str) -> None:
    result = run("ingest", source, "-o", tmp_path / "out", "--max-size", size)
    assert result.exit_code == 2
    assert "--max-size" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "args", [["ingest"], ["ingest", "a", "b"], ["ingest", ".", "--frobnicate"], ["nope"]]
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# --- messages and exit code 0 ---------------------------------------------------------------


def test_summary_and_skipped_files_on_stderr(loads: list, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("ingest", source, "--output-dir", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Skipped vide.txt: empty file")
    assert lines[-1] == (
        f"Read 3 articles (3 extracted, 0 unchanged), skipped 1 file (see "
        f"{out / 'errors.jsonl'}), ignored 1; 3 agreements → {out / 'agreements.jsonl'}"
    )
    assert (out / "agreements.jsonl").is_file()


def test_second_run_reports_unchanged_articles(loads: list, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("ingest", source, "-o", out)
    result = run("ingest", source, "-o", out)
    assert result.exit_code == 0, result.output
    assert "Read 3 articles (0 extracted, 3 unchanged)" in result.stderr
    assert len(loads) == 1  # the model was loaded by the first run only


def test_vanished_and_pruned_articles_are_reported(
    loads: list, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run("ingest", source, "-o", out)
    (source / "un.txt").unlink()
    kept = run("ingest", source, "-o", out)
    assert "Kept the records of 1 article no longer in" in kept.stderr
    assert kept.stderr.splitlines()[-1].endswith(f"3 agreements → {out / 'agreements.jsonl'}")
    pruned = run("ingest", source, "-o", out, "--prune")
    assert pruned.exit_code == 0, pruned.output
    assert "Dropped the records of 1 article" in pruned.stderr
    assert pruned.stderr.splitlines()[-1].endswith("1 agreement → " + str(out / "agreements.jsonl"))


def test_failed_extraction_is_one_skipped_line_and_exit_0(
    loads: list, source: Path, tmp_path: Path
) -> None:
    (source / "bug.txt").write_text(f"Titre\nUn accord qui fait {POISON} l'extracteur.\n")
    result = run("ingest", source, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "Skipped bug.txt: internal error: ValueError: cannot extract bug.txt" in result.stderr
    assert "Read 3 articles (3 extracted" in result.stderr


def test_verbose_shows_the_traceback_of_a_failed_extraction(
    loads: list, source: Path, tmp_path: Path
) -> None:
    (source / "bug.txt").write_text(f"Titre\n{POISON}\n")
    result = run("ingest", source, "-o", tmp_path / "out", "--verbose")
    assert result.exit_code == 0, result.output
    assert "Traceback" in result.stderr and "fakes.py" in result.stderr
    assert "Skipped bug.txt: internal error" in result.stderr


def test_default_output_dir_is_data_extracted(
    loads: list, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("ingest", source / "un.txt")
    assert result.exit_code == 0, result.output
    assert "Read 1 article (1 extracted, 0 unchanged), skipped 0 files" in result.stderr
    assert (tmp_path / "data" / "extracted" / "agreements.jsonl").is_file()


def test_progress_bar_when_stderr_is_a_terminal(
    loads: list, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_module, "_stderr_is_terminal", lambda: True)
    result = run("ingest", source, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Skipped vide.txt" in result.stderr
    assert "Read 3 articles" in result.stderr


def test_the_progress_bar_runs_no_thread_while_ingest_runs(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `--workers` forks its host only while the process has one thread (else it spawns it).
    monkeypatch.setattr(cli_module, "_stderr_is_terminal", lambda: True)
    threads: list[int] = []

    def count_threads(*args: object, **kwargs: object) -> None:
        threads.append(threading.active_count())
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest_module, "ingest", count_threads)
    before = threading.active_count()
    result = run("ingest", source, "-o", tmp_path / "out")
    assert result.exit_code == 130
    assert threads == [before]


def test_empty_source_warns(loads: list, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("ingest", tmp_path / "empty", "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert f"Warning: no article files found in {tmp_path / 'empty'}" in result.stderr


def test_interrupted_exit_130(
    loads: list, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest_module, "ingest", interrupt)
    result = run("ingest", source, "-o", tmp_path / "out")
    assert result.exit_code == 130
    assert result.stderr.startswith("Interrupted; run the same command again")


# --- exit code 1 ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["missing", "article.pdf"])
def test_unusable_source_exit_1_without_traceback(loads: list, tmp_path: Path, name: str) -> None:
    (tmp_path / "article.pdf").write_bytes(b"%PDF-1.4")
    result = run("ingest", tmp_path / name, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert one_line(result.stderr), result.stderr
    assert result.stderr.startswith("Error: ")
    assert str(tmp_path / name) in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_invalid_rules_exit_1_with_file_and_line(loads: list, source: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    entities = rules / "fr" / "entities.jsonl"
    line = len(entities.read_text(encoding="utf-8").splitlines()) + 1
    with entities.open("a", encoding="utf-8") as f:
        f.write('{"label": "AGENCY", "pattern": \n')
    result = run("ingest", source, "--rules", rules, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert one_line(result.stderr), result.stderr
    assert result.stderr.startswith(f"Error: {entities}:{line}: not valid JSON")
    assert "Traceback" not in result.output
    assert loads == []


def test_invalid_rules_exit_1_even_when_nothing_needs_extracting(
    loads: list, source: Path, tmp_path: Path
) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    out = tmp_path / "out"
    assert run("ingest", source, "--rules", rules, "-o", out).exit_code == 0
    (rules / "shared" / "catalog.jsonl").write_text("not json\n", encoding="utf-8")
    result = run("ingest", source, "--rules", rules, "-o", out)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {rules / 'shared' / 'catalog.jsonl'}:1:")


def test_unwritable_output_exit_1(loads: list, source: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("ingest", source, "-o", blocker / "out")
    assert result.exit_code == 1
    assert one_line(result.stderr), result.stderr
    assert result.stderr.startswith("Error: ") and str(blocker / "out") in result.stderr
    assert loads == []


def test_read_only_output_folder_exit_1(
    loads: list, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod does not stop root, so opening anything in the folder is made to fail.
    out = tmp_path / "out"
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if str(path).startswith(str(out)):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    result = run("ingest", source, "-o", out)
    assert result.exit_code == 1, result.output
    assert one_line(result.stderr), result.stderr
    assert result.stderr.startswith("Error: ") and "Permission denied" in result.stderr
    assert str(out) in result.stderr


def test_invalid_agreements_file_exit_1_and_left_alone(
    loads: list, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "agreements.jsonl").write_text('{"not": "a record"}\n', encoding="utf-8")
    result = run("ingest", source, "-o", out)
    assert result.exit_code == 1
    assert one_line(result.stderr), result.stderr
    assert result.stderr.startswith(f"Error: {out / 'agreements.jsonl'}:1: not a valid record")
    assert "move the file away" in result.stderr
    assert (out / "agreements.jsonl").read_text(encoding="utf-8") == '{"not": "a record"}\n'


def test_source_metadata_from_json_and_html_reaches_every_output(
    loads: list, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    item = {
        "id": "n1",
        "text": "Un accord spatial signé.",
        "url": "https://example.org/n1",
        "outlet": "Le Flux",
        "author": ["Marie Dupont", "Jean Martin"],
    }
    (folder / "flux.jsonl").write_text(json.dumps(item) + "\n", encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><head><title>Un accord</title>"
        '<link rel="canonical" href="https://journal.example/page">'
        '<meta property="og:site_name" content="Le Journal">'
        '<meta name="author" content="Claire Bernard"></head>'
        "<body><article><p>Le CNES et l'ISRO ont signé un accord de coopération spatiale.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run("ingest", folder, "--output-dir", out)
    assert result.exit_code == 0, result.output
    want = {
        ("flux.jsonl", "https://example.org/n1", "Le Flux", "Marie Dupont; Jean Martin"),
        ("page.html", "https://journal.example/page", "Le Journal", "Claire Bernard"),
    }
    lines = (out / "agreements.jsonl").read_text(encoding="utf-8").splitlines()
    records = [Agreement.model_validate_json(line).article for line in lines]
    assert {(a.path, a.url, a.outlet, a.author) for a in records} == want
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {(a["path"], a["url"], a["outlet"], a["author"]) for a in manifest["articles"]} == want

    for fmt in ("csv", "sqlite", "parquet", "labelstudio"):
        assert run("export", out, "--format", fmt).exit_code == 0
    table = (out / "agreements.csv").read_text(encoding="utf-8")
    assert "https://example.org/n1,Le Flux,Marie Dupont; Jean Martin" in table
    tasks = json.loads((out / "agreements.labelstudio.json").read_text(encoding="utf-8"))
    assert {t["data"]["article_outlet"] for t in tasks} == {"Le Flux", "Le Journal"}
    result = run("review", out, "--html", tmp_path / "report.html")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'href="https://journal.example/page" target="_blank"' in page


# --- end to end, with the real model --------------------------------------------------------


@pytest.mark.model
def test_end_to_end_on_the_seed_articles(tmp_path: Path) -> None:
    result = run("ingest", RAW, "--output-dir", tmp_path)
    assert result.exit_code == 0, result.output
    assert "Read 5 articles (5 extracted, 0 unchanged)" in result.stderr
    lines = (tmp_path / "agreements.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines, "no agreement found in the seed articles"
    for line in lines:
        record = Agreement.model_validate_json(line)
        text = (RAW / record.article.path).read_bytes().decode("utf-8")
        for evidence in record.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["agreements"] == len(lines)

    again = run("ingest", RAW, "--output-dir", tmp_path)
    assert again.exit_code == 0, again.output
    # Unless coopextract's code was edited between the two runs (the fingerprint hashes it):
    second = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    if second["fingerprint"] == manifest["fingerprint"]:
        assert "Read 5 articles (0 extracted, 5 unchanged)" in again.stderr
    assert (tmp_path / "agreements.jsonl").read_text(encoding="utf-8").splitlines() == lines
