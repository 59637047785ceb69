"""What every `coopextract` command shares: `-h`, help that shows flags as flags, one name per
option across commands, usage mistakes as one `Error:` line and exit code 2, and the progress
a person sees on a terminal (the model loading, a total and an ETA).
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.errors import LanguageError, RulesFolderError
from coopextract.reading.articles import iter_articles, scan
from coopextract.reading.counts import expected_items
from coopextract.run.ingest import ingest
from coopextract.writing import write_records
from tests.test_writing import make_record

PROJECT = Path(__file__).resolve().parents[1]
RAW = PROJECT / "data" / "raw"
GOLDEN = PROJECT / "tests" / "golden" / "data_raw.jsonl"
runner = CliRunner()


def command_paths() -> list[list[str]]:
    """Every command and sub-command, as the words that call it (the root is [])."""
    found: list[list[str]] = []

    def walk(command: object, words: list[str]) -> None:
        found.append(words)
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            if not sub.hidden:
                walk(sub, [*words, name])

    walk(typer.main.get_command(app), [])
    return found


COMMANDS = command_paths()


def test_every_command_is_walked() -> None:
    assert {"ingest", "review", "export", "schema", "eval"} <= {c[0] for c in COMMANDS if c}
    assert ["pipeline", "save"] in COMMANDS


@pytest.mark.parametrize("words", COMMANDS, ids=lambda words: " ".join(words) or "coopextract")
def test_h_is_help_on_every_command(words: list[str]) -> None:
    short = runner.invoke(app, [*words, "-h"], terminal_width=100)
    long = runner.invoke(app, [*words, "--help"], terminal_width=100)
    assert short.exit_code == 0, short.output
    assert short.stdout == long.stdout
    assert "Usage:" in short.stdout


@pytest.mark.parametrize("words", COMMANDS, ids=lambda words: " ".join(words) or "coopextract")
def test_help_shows_flags_as_flags(words: list[str]) -> None:
    """A flag takes no value, and its help must not suggest one (typer 0.29 printed
    `--force <bool>`); arguments are named as they are typed (typer 0.27 wrote `{SOURCE}`)."""
    shown = runner.invoke(app, [*words, "--help"], terminal_width=200).stdout
    assert "<bool>" not in shown and "BOOLEAN" not in shown
    usage = next(line for line in shown.splitlines() if "Usage:" in line)
    assert "{" not in usage, usage


def test_ingest_help_rows_of_flags_have_no_value() -> None:
    shown = runner.invoke(app, ["ingest", "--help"], terminal_width=200).stdout
    for flag in ("--force", "--prune", "--verbose", "--help"):
        row = next(line for line in shown.splitlines() if f"{flag} " in line)
        after = [word for word in row.split(flag, 1)[1].split() if not word.startswith("-")]
        # Past the short form, the next word on the row is the help text, not a type.
        assert after and after[0][0].isupper(), row


def test_one_name_per_output_and_source() -> None:
    """The folder ingest writes is `--output-dir`/`-o`, the file export writes `--output`/`-o`,
    the folder of articles `--source` wherever an option names it."""
    assert "-o, --output-dir" in plain_help("ingest")
    assert "-o, --output FILE" in plain_help("export")
    for words in (["export"], ["review"], ["eval"]):
        assert "--source SOURCE" in plain_help(*words), words
    for words in COMMANDS:
        shown = plain_help(*words)
        assert "--out " not in shown and "--docs" not in shown, words


def plain_help(*words: str) -> str:
    """The help as docs/cli.md shows it: click's layout, one option a line."""
    command = typer.main.get_command(app)
    ctx = command.context_class(command, info_name="coopextract", max_content_width=200)
    for word in words:
        command = command.get_command(ctx, word)
        ctx = command.context_class(command, info_name=word, parent=ctx, max_content_width=200)
    command.rich_markup_mode = None
    return command.get_help(ctx)


# --- the old spellings still work --------------------------------------------------------------


@pytest.fixture
def results(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    write_records([make_record("a.txt", 10, "accord")], folder / "agreements.jsonl")
    return folder


@pytest.mark.parametrize("flag", ["--output", "-o", "--out"])
def test_export_output_and_its_former_name(results: Path, tmp_path: Path, flag: str) -> None:
    target = tmp_path / "mine.csv"
    result = runner.invoke(app, ["export", str(results), "-f", "csv", flag, str(target)])
    assert result.exit_code == 0, result.output
    assert target.is_file()


def test_export_output_given_twice_is_a_usage_error(results: Path, tmp_path: Path) -> None:
    args = ["export", str(results), "-f", "csv", "-o", str(tmp_path / "a.csv")]
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "b.csv")])
    assert result.exit_code == 2
    assert not (tmp_path / "a.csv").exists() and not (tmp_path / "b.csv").exists()


def test_export_dir_defaults_to_data_extracted(
    results: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    results.rename(tmp_path / "data" / "extracted")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "extracted" / "agreements.csv").is_file()


@pytest.mark.parametrize("flag", ["--source", "--docs"])
def test_eval_source_and_the_scorers_name_for_it(tmp_path: Path, flag: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "agreements.jsonl").write_bytes(GOLDEN.read_bytes())
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "000_d1d8bed0e0f75784.txt", "agreements": []}) + "\n")
    result = runner.invoke(app, ["eval", str(gold), str(folder), flag, str(RAW), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["evidence_offsets"]["checked"] > 0


# --- usage mistakes: one line, exit code 2 ---------------------------------------------------


def one_error_line(result: object) -> str:
    """The whole of stderr, checked to be one `Error: …` line."""
    stderr = result.stderr  # type: ignore[attr-defined]
    assert stderr.startswith("Error: ") and stderr.count("\n") == 1, stderr
    assert "Traceback" not in result.output  # type: ignore[attr-defined]
    return stderr


@pytest.fixture
def empty_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "empty-rules"
    (folder / "shared").mkdir(parents=True)
    return folder


@pytest.mark.parametrize(
    ("options", "says"),
    [
        (["--rules", "rulez"], "rulez: rules folder not found; pass --rules a folder with"),
        (["--rules", str(RAW / "000_d1d8bed0e0f75784.txt")], "is not a folder; pass --rules"),
        (["--rules", "EMPTY"], "holds no language folder (such as fr/)"),
        (["--language", "xx"], "no rules for language 'xx' (there are rules for de, en,"),
        (["-l", "klingon", "--rules", "EMPTY"], "holds no language folder"),
    ],
)
def test_usage_mistakes_are_one_line_and_exit_2(
    tmp_path: Path, empty_rules: Path, options: list[str], says: str
) -> None:
    options = [str(empty_rules) if option == "EMPTY" else option for option in options]
    out = tmp_path / "out"
    result = runner.invoke(app, ["ingest", str(RAW), "-o", str(out), *options])
    assert result.exit_code == 2, result.output
    assert says in one_error_line(result)
    assert not out.exists()  # refused before anything was written


def test_a_language_given_in_another_form_is_the_language(tmp_path: Path) -> None:
    # "FR-fr" is fr: no error (and nothing to extract in an empty folder, so no model).
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty"), "-o", str(tmp_path / "o")])
    forced = runner.invoke(
        app, ["ingest", str(tmp_path / "empty"), "-o", str(tmp_path / "o"), "-l", "FR-fr"]
    )
    assert result.exit_code == forced.exit_code == 0, forced.output


@pytest.mark.parametrize(
    ("options", "says"),
    [
        (["-l", "xx"], "no rules for language 'xx'"),
        (["--rules", "rulez"], "rules folder not found"),
    ],
)
def test_pipeline_save_usage_mistakes_exit_2(tmp_path: Path, options: list[str], says: str) -> None:
    result = runner.invoke(app, ["pipeline", "save", str(tmp_path / "p"), *options])
    assert result.exit_code == 2, result.output
    assert says in one_error_line(result)
    assert not (tmp_path / "p").exists()


def test_the_library_raises_the_same_errors(tmp_path: Path, empty_rules: Path) -> None:
    with pytest.raises(RulesFolderError, match="rules folder not found"):
        ingest(RAW, tmp_path / "a", tmp_path / "nowhere")
    with pytest.raises(RulesFolderError, match="holds no language folder"):
        ingest(RAW, tmp_path / "b", empty_rules)
    with pytest.raises(LanguageError, match="no rules for language 'xx'"):
        ingest(RAW, tmp_path / "c", language="xx")
    assert not any((tmp_path / name).exists() for name in "abc")


# --- progress on a terminal ------------------------------------------------------------------


def test_the_total_counts_what_the_run_reports(tmp_path: Path) -> None:
    """The bar's total is the number of articles and skipped files the readers give."""
    folder = tmp_path / "source"
    folder.mkdir()
    (folder / "a.txt").write_text("Titre\nUn accord.\n", encoding="utf-8")
    (folder / "vide.txt").write_text("  \n", encoding="utf-8")
    (folder / "b.html").write_text("<html><body><p>Un accord.</p></body></html>")
    lines = [json.dumps({"text": f"Un accord {n}."}) for n in range(3)]
    (folder / "c.jsonl").write_text("\n".join([*lines, "", "  ", "{broken", ""]) + "\n")
    (folder / "d.json").write_text(json.dumps([{"text": "Un."}, {"text": "Deux."}, 3]))
    (folder / "e.json").write_text("{not json")
    (folder / "f.jsonl").write_text("")
    (folder / "g.jsonl").write_bytes(json.dumps({"text": "x" * 3000}).encode() + b"\n")
    files = scan(folder).articles
    assert expected_items(files, 1000) == len(list(iter_articles(folder, 1000))) == 13


def test_ingest_reports_its_total_and_the_pipeline_it_loads(
    fake_model: list, tmp_path: Path
) -> None:
    totals: list[int] = []
    loading: list[tuple[str, str]] = []
    seen: list[str] = []

    def run() -> None:
        ingest(
            RAW,
            tmp_path / "out",
            on_progress=lambda item: seen.append(item.path),
            on_total=totals.append,
            on_loading=lambda *named: loading.append(named),
        )

    run()
    assert totals == [len(seen)] == [5]
    assert loading == [("fr", "fr_core_news_md")]
    run()  # nothing changed: no model to load, nothing to announce
    assert loading == [("fr", "fr_core_news_md")]


def run_in_terminal(args: list[str], env: dict[str, str] | None = None) -> tuple[str, str, int]:
    """Run coopextract with stderr on a pseudo-terminal (a person watching) and stdout on a
    pipe: (stdout, what the terminal showed, exit code)."""
    leader, follower = pty.openpty()
    code = "import sys; from coopextract.cli import app; sys.argv[0] = 'coopextract'; app()"
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=PROJECT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=follower,
        env={**os.environ, "COLUMNS": "120", **(env or {})},
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done with it
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    stdout = process.stdout.read() if process.stdout else b""
    process.wait(timeout=120)
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.decode("utf-8", "replace"))
    return stdout.decode(), plain, process.returncode


@pytest.mark.skipif(sys.platform == "win32", reason="no pseudo-terminal")
@pytest.mark.model
def test_a_person_sees_the_model_load_then_a_total_and_an_eta(tmp_path: Path) -> None:
    stdout, shown, code = run_in_terminal(["ingest", str(RAW), "-o", str(tmp_path / "out")])
    assert code == 0, shown
    assert stdout == ""  # progress and messages never reach stdout
    assert "Loading fr_core_news_md…" in shown
    assert "0/5" in shown and "5/5" in shown
    # Elapsed, then the time remaining: a clock after the elapsed one.
    assert re.search(r"5/5 \d+:\d\d:\d\d \d+:\d\d:\d\d", shown), shown
    assert "Read 5 articles (5 extracted, 0 unchanged)" in shown
