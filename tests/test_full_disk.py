"""A disk that fills (or fails) while a run writes its output folder: one `Error:` line, exit
code 1, and the next run, once there is space, finishes the work as if nothing had happened.

Found as: the disk filled while the journal was written, and the command ended with exit code 1
but three chained tracebacks (the failed write, the OutputError made of it, and the buffered
journal failing again when `finally` closed it). The first test is that case on a real full
disk, a small tmpfs (root only); the others make writes fail in-process.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from coopextract import writing
from coopextract.cli import app
from coopextract.cli import ingest as cli_module
from coopextract.rule_files import load_rules
from coopextract.run import ingest as ingest_module
from coopextract.run import journal as journal_module
from coopextract.run.ingest import ingest
from coopextract.run.journal import JOURNAL_FILE
from tests.fakes import FAKE_FINGERPRINT, FakeExtractor
from tests.test_kill import PROJECT, fake_command, write_source

ARTICLES = 200
SPACE = "(No space left on device); free some space on"
KEPT = "and run the same command again: the articles extracted so far are kept in the journal"
OUTPUTS = ("agreements.jsonl", "errors.jsonl")


def outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


def whole_lines(path: Path) -> int:
    data = path.read_bytes()
    assert data.endswith(b"\n"), "a torn line was left in the journal"
    return data.count(b"\n")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs, mounted for the test (root only)."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def run_fake(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """`coopextract ingest` with the fake extractor, in a process of its own."""
    return subprocess.run(
        fake_command(source, out),
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_a_full_disk_while_journaling_is_one_error_line_and_the_rerun_finishes(
    small_disk: Path, tmp_path: Path
) -> None:
    source, clean, out = tmp_path / "source", tmp_path / "clean", small_disk / "out"
    write_source(source, 0, range(ARTICLES))
    ingest(source, clean, extractor=FakeExtractor())  # type: ignore[arg-type]
    # Room for about half the records' worth of journal: the disk fills mid-run.
    room = len((clean / "agreements.jsonl").read_bytes()) // 2
    stat = os.statvfs(small_disk)
    (small_disk / "ballast").write_bytes(b"\0" * (stat.f_blocks * stat.f_frsize - room))

    failed = run_fake(source, out)
    assert failed.returncode == 1, failed.stderr
    assert "Traceback" not in failed.stderr
    assert failed.stderr == (
        f"Error: cannot write {out / JOURNAL_FILE} {SPACE} {small_disk.resolve()} {KEPT}\n"
    )
    kept = whole_lines(out / JOURNAL_FILE)  # the partial line was cut off
    assert 0 < kept < ARTICLES
    assert not (out / "agreements.jsonl").exists()

    (small_disk / "ballast").unlink()
    rerun = run_fake(source, out)
    assert rerun.returncode == 0, rerun.stderr
    assert f"({ARTICLES - kept} extracted, {kept} unchanged)" in rerun.stderr
    assert outputs(out) == outputs(clean)
    assert not (out / JOURNAL_FILE).exists()


# --- in-process: the same failures, made by monkeypatching ---------------------------------

runner = CliRunner()


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's runs load the fake extractor, with a fixed fingerprint."""

    def fingerprint(rules_dir: Path | None = None, models: object = None) -> str:
        load_rules(rules_dir)
        return FAKE_FINGERPRINT

    def load(rules_dir: Path | None, models: object = None) -> FakeExtractor:
        return FakeExtractor(rules_dir)

    monkeypatch.setattr(ingest_module, "_load_extractor", load)
    monkeypatch.setattr(ingest_module, "languages_fingerprint", fingerprint)
    monkeypatch.setattr(cli_module, "_stderr_is_terminal", lambda: False)


def fail_after(calls: int, error: int, monkeypatch: pytest.MonkeyPatch, module: object) -> None:
    """`module.write_all` writes `calls` times, then writes half its data and raises."""
    real = writing.write_all
    done = [0]

    def write_all(fd: int, data: bytes) -> None:
        done[0] += 1
        if done[0] <= calls:
            return real(fd, data)
        os.write(fd, data[: len(data) // 2])  # as a disk that fills mid-line
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(module, "write_all", write_all)


def one_error_line(result: Result) -> str:
    assert result.exit_code == 1, result.output
    # The CLI's own exit, not an exception the runner caught (and would have shown).
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def ingest_command(source: Path, out: Path) -> Result:
    return runner.invoke(app, ["ingest", str(source), "-o", str(out)])


def test_no_space_for_the_journal_is_one_error_line(
    fake_model: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, out, clean = tmp_path / "source", tmp_path / "out", tmp_path / "clean"
    write_source(source, 0, range(12))
    with monkeypatch.context() as patch:
        fail_after(5, errno.ENOSPC, patch, journal_module)
        stderr = one_error_line(ingest_command(source, out))
    where = writing.mount_point(out)
    assert stderr == f"Error: cannot write {out / JOURNAL_FILE} {SPACE} {where} {KEPT}\n"
    assert whole_lines(out / JOURNAL_FILE) == 5  # the half line was taken back

    rerun = ingest_command(source, out)
    assert rerun.exit_code == 0, rerun.output
    assert "(7 extracted, 5 unchanged)" in rerun.stderr
    ingest(source, clean, extractor=FakeExtractor())  # type: ignore[arg-type]
    assert outputs(out) == outputs(clean)


def test_no_space_for_the_records_is_one_error_line_and_the_journal_is_kept(
    fake_model: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, out, clean = tmp_path / "source", tmp_path / "out", tmp_path / "clean"
    write_source(source, 0, range(12))
    with monkeypatch.context() as patch:
        fail_after(1, errno.ENOSPC, patch, writing)  # errors.jsonl, then agreements.jsonl
        stderr = one_error_line(ingest_command(source, out))
    where = writing.mount_point(out)
    assert stderr == f"Error: cannot write {out / 'agreements.jsonl'} {SPACE} {where} {KEPT}\n"
    assert sorted(path.name for path in out.iterdir()) == [JOURNAL_FILE, "errors.jsonl"]
    assert whole_lines(out / JOURNAL_FILE) == 12

    rerun = ingest_command(source, out)
    assert "(0 extracted, 12 unchanged)" in rerun.stderr
    ingest(source, clean, extractor=FakeExtractor())  # type: ignore[arg-type]
    assert outputs(out) == outputs(clean)


def test_cleanup_that_fails_too_adds_no_traceback(
    fake_model: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A failing disk: the write fails, and so does deleting the temporary file after it.
    source, out = tmp_path / "source", tmp_path / "out"
    write_source(source, 0, range(3))
    unlink = Path.unlink

    def refuse(path: Path, missing_ok: bool = False) -> None:
        if path.name.endswith(".tmp"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        unlink(path, missing_ok=missing_ok)

    with monkeypatch.context() as patch:
        fail_after(1, errno.EIO, patch, writing)
        patch.setattr(Path, "unlink", refuse)
        stderr = one_error_line(ingest_command(source, out))
    assert stderr == (
        f"Error: cannot write {out / 'agreements.jsonl'} (Input/output error); check the disk "
        f"that holds {out} {KEPT}\n"
    )
    assert any(path.name.endswith(".tmp") for path in out.iterdir())

    rerun = ingest_command(source, out)
    assert rerun.exit_code == 0, rerun.output
    assert not any(path.name.endswith(".tmp") for path in out.iterdir())
