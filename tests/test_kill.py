"""A real `coopextract ingest` process killed with SIGKILL mid-run, then run again.

The result must be byte for byte that of one uninterrupted run. The fast test runs the
command in a subprocess whose extractor is the slowed-down fake of tests/fakes.py, patched in
by the `python -c` script below (nothing in coopextract knows about it); the test marked
`model` runs the installed command with the real pipeline.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coopextract.models import Agreement
from coopextract.run.ingest import ingest
from coopextract.run.journal import JOURNAL_FILE
from tests.fakes import FakeExtractor

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no SIGKILL")

PROJECT = Path(__file__).resolve().parents[1]
RAW = PROJECT / "data" / "raw"

# The command line with the fake extractor (slowed down by FAKE_DELAY seconds an article, so
# that there is time to kill it) and the fake's fixed fingerprint; argv is the command's.
WITH_FAKE = """
import os
import sys
from coopextract.run import ingest
from coopextract.cli import app
from tests.fakes import FAKE_FINGERPRINT, FakeExtractor

delay = float(os.environ.get("FAKE_DELAY", "0"))
ingest._load_extractor = lambda rules_dir, models=None: FakeExtractor(rules_dir, delay=delay)
ingest.languages_fingerprint = lambda rules_dir=None, models=None: FAKE_FINGERPRINT
sys.argv[0] = "coopextract"
app()
"""


def write_source(folder: Path, version: int, numbers: range | list[int]) -> None:
    """Articles `numbers`: the seed articles again and again, each edited to differ (and to
    report one more agreement) in a way that depends on `version`."""
    seeds = sorted(RAW.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        seed = seeds[n % len(seeds)]
        text = seed.read_text(encoding="utf-8")
        text += f"\nMise à jour {n}.{version} : un accord de suivi a été signé.\n"
        (folder / f"{n:03}_{seed.name}").write_text(text, encoding="utf-8")


def fake_command(source: Path, out: Path) -> list[str]:
    return [sys.executable, "-c", WITH_FAKE, "ingest", str(source), "--output-dir", str(out)]


def real_command(source: Path, out: Path) -> list[str]:
    found = shutil.which("coopextract", path=str(Path(sys.executable).parent))
    assert found, "the coopextract command is not installed beside this Python"
    return [found, "ingest", str(source), "--output-dir", str(out)]


def run(cmd: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        cmd, cwd=PROJECT, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0, done.stderr
    return done


def journal_lines(out: Path) -> int:
    """Whole lines: a torn last one does not count."""
    try:
        return (out / JOURNAL_FILE).read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def kill_after(cmd: list[str], out: Path, lines: int, timeout: float, **env: str) -> None:
    """Start the command, SIGKILL it as soon as its journal has `lines` lines."""
    process = subprocess.Popen(
        cmd,
        cwd=PROJECT,
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + timeout
    try:
        while journal_lines(out) < lines:
            assert process.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "the journal did not grow in time"
            time.sleep(0.002)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL


def valid_jsonl(path: Path) -> list[Agreement]:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n")
    return [Agreement.model_validate_json(line) for line in text.splitlines()]


@pytest.mark.parametrize("kill_at", [10])
def test_sigkill_with_the_fake_extractor(tmp_path: Path, kill_at: int) -> None:
    source, out, clean = tmp_path / "source", tmp_path / "out", tmp_path / "clean"
    # The folder of yesterday's run (in-process, with the same fake and fingerprint as the
    # command's), then a day's changes: 30 of 40 articles edited, 2 gone.
    write_source(source, 0, range(40))
    ingest(source, out, extractor=FakeExtractor())  # type: ignore[arg-type]
    yesterday = (out / "agreements.jsonl").read_bytes()
    changed = [n for n in range(40) if n % 4 and n not in (1, 2)]
    write_source(source, 1, changed)
    for n in (1, 2):
        next(source.glob(f"{n:03}_*")).unlink()
    shutil.copytree(out, clean)

    kill_after(fake_command(source, out), out, kill_at, timeout=60, FAKE_DELAY="0.02")
    assert (out / "agreements.jsonl").read_bytes() == yesterday
    journaled = journal_lines(out)
    assert kill_at <= journaled < len(changed)

    resumed = run(fake_command(source, out), timeout=60)
    ingest(source, clean, extractor=FakeExtractor())  # type: ignore[arg-type]
    assert (out / "agreements.jsonl").read_bytes() == (clean / "agreements.jsonl").read_bytes()
    assert not (out / JOURNAL_FILE).exists()
    # What the killed run journaled was not extracted again.
    unchanged = 38 - len(changed) + journaled
    assert f"({len(changed) - journaled} extracted, {unchanged} unchanged)" in resumed.stderr
    assert "Kept the records of 2 articles" in resumed.stderr
    assert len({r.article.path for r in valid_jsonl(out / "agreements.jsonl")}) == 40
    assert (out / "ledger.jsonl").read_bytes() == (clean / "ledger.jsonl").read_bytes()

    # And a run after that: nothing to do, nothing changes.
    extractor = FakeExtractor()
    ingest(source, out, extractor=extractor)  # type: ignore[arg-type]
    assert extractor.extracted == []
    assert (out / "agreements.jsonl").read_bytes() == (clean / "agreements.jsonl").read_bytes()


@pytest.mark.model
def test_sigkill_with_the_real_pipeline(tmp_path: Path) -> None:
    # 20 articles: the pipeline works in batches of 16, so the journal gets 16 lines at once,
    # and the kill lands while the last 4 are being extracted.
    source, out, clean = tmp_path / "source", tmp_path / "out", tmp_path / "clean"
    write_source(source, 0, range(20))

    kill_after(real_command(source, out), out, 1, timeout=120)
    assert not (out / "agreements.jsonl").exists()
    journaled = journal_lines(out)
    assert 1 <= journaled < 20
    fingerprint = json.loads((out / JOURNAL_FILE).read_bytes().splitlines()[0])["fingerprint"]

    resumed = run(real_command(source, out), timeout=120)
    # A process too, rather than the pipeline the other model tests share: that one was
    # loaded when the session started, and the code or rules may have changed since.
    run(real_command(source, clean), timeout=120)
    assert (out / "agreements.jsonl").read_bytes() == (clean / "agreements.jsonl").read_bytes()
    assert (out / "ledger.jsonl").read_bytes() == (clean / "ledger.jsonl").read_bytes()
    # What the killed run journaled was not extracted again, unless coopextract's code was
    # edited between the two runs (the fingerprint hashes it).
    if json.loads((out / "manifest.json").read_text())["fingerprint"] == fingerprint:
        assert f"({20 - journaled} extracted, {journaled} unchanged)" in resumed.stderr
    assert valid_jsonl(out / "agreements.jsonl")
