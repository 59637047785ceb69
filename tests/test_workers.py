"""`ingest --workers N`: the same output files as one process, whatever N."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.errors import RulesError
from coopextract.reading.articles import Article, read_article
from coopextract.run.extract import MultiExtractor
from coopextract.run.ingest import ingest
from coopextract.run.isolation import ExtractionFailed, extract_isolated, internal_error_reason
from coopextract.run.journal import JOURNAL_FILE
from coopextract.run.workers import WorkerPool, WorkersFailed, choose_host_start_method
from tests.conftest import PROJECT

RAW = PROJECT / "data" / "raw"
OUTPUTS = ("agreements.jsonl", "errors.jsonl")
on_linux_proc = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="reads processes from /proc"
)


def outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


def seed_copies(folder: Path, copies: int) -> Path:
    """`copies` distinct copies of each seed article (a numbered last line) in a new folder."""
    folder.mkdir()
    for n in range(copies):
        for article in sorted(RAW.glob("*.txt")):
            text = article.read_text(encoding="utf-8")
            (folder / f"{n}-{article.name}").write_text(f"{text}\n\n(copie {n})\n")
    return folder


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """The seed articles, more than one task's worth, and a file that is skipped."""
    folder = seed_copies(tmp_path / "source", 3)
    (folder / "empty.txt").write_text("")
    (folder / "note.txt").write_text("La fusée a décollé hier soir de Kourou.\n")
    return folder


def seed_articles(copies: int) -> list[Article]:
    """The seed articles, `copies` times over, each copy a distinct article."""
    articles = []
    for n in range(copies):
        for path in sorted(RAW.glob("*.txt")):
            article = read_article(path, f"{n}-{path.name}")
            assert isinstance(article, Article)
            articles.append(article)
    return articles


def running(pid: int) -> bool:
    """Is the process there and not a zombie (Linux /proc)?"""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


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


@on_linux_proc
def test_a_worker_killed_stops_the_run_and_leaves_no_process(blank_french: Path) -> None:
    pool = WorkerPool(2, blank_french)
    results = pool.extract_isolated(seed_articles(40))
    next(results)
    victim, survivor = pool.worker_pids
    os.kill(victim, signal.SIGKILL)
    with pytest.raises(WorkersFailed, match="a worker process died"):
        for _ in results:
            pass
    assert multiprocessing.active_children() == []
    assert not running(victim) and not running(survivor)


@on_linux_proc
def test_a_run_stopped_early_stops_its_workers(blank_french: Path) -> None:
    # As when the caller is interrupted: the generator is closed before its end.
    pool = WorkerPool(2, blank_french)
    results = pool.extract_isolated(seed_articles(40))
    next(results)
    workers = pool.worker_pids
    assert len(workers) == 2 and all(running(pid) for pid in workers)
    results.close()
    assert multiprocessing.active_children() == []
    assert not any(running(pid) for pid in workers)


@pytest.mark.parametrize("process", ["start_method", "host_start_method"])
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_and_host_forked_or_spawned_give_the_same_outcomes(
    blank_french: Path, process: str, method: str
) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    articles = seed_articles(3)
    expected = [found for _, found in extract_isolated(MultiExtractor(blank_french), articles)]
    pool = WorkerPool(2, blank_french, **{process: method})
    try:
        found = list(pool.extract_isolated(articles))
    finally:
        pool.close()
    assert [article for article, _ in found] == articles
    assert [outcome for _, outcome in found] == expected
    assert any(expected) and len(pool.worker_pids) == 2
    assert multiprocessing.active_children() == []


def test_the_host_is_spawned_when_another_thread_runs() -> None:
    # A fork copies only the calling thread: a lock the other one holds would stay held.
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert choose_host_start_method() == "spawn"
    finally:
        release.set()
        other.join()
    # Threads other tests leave running (a Dask client's, in the same session) count too.
    alone = threading.active_count() == 1
    expected = "fork" if sys.platform.startswith("linux") and alone else "spawn"
    assert choose_host_start_method() == expected


def test_the_last_tasks_are_smaller_and_results_stay_in_order(
    blank_french: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = seed_articles(8)[:37]  # four tasks of eight, and five articles
    pool = WorkerPool(2, blank_french, task_articles=8)
    sizes: list[int] = []
    hand = pool._hand
    monkeypatch.setattr(
        pool, "_hand", lambda index, batch: (sizes.append(len(batch)), hand(index, batch))
    )
    try:
        found = list(pool.extract_isolated(articles))
    finally:
        pool.close()
    assert [article for article, _ in found] == articles
    assert sizes == [8, 8, 8, 8, 3, 1, 1]


def test_workers_report_the_pipelines_of_the_languages_they_read(
    blank_french: Path, tmp_path: Path
) -> None:
    # The host preloads French, the project's first language; the run reads English only.
    source = tmp_path / "source"
    source.mkdir()
    (source / "en.txt").write_text(
        "NASA and the European Space Agency signed a memorandum of understanding on Monday "
        "in Washington to cooperate on lunar exploration and the Artemis programme.\n",
        encoding="utf-8",
    )
    one = ingest(source, tmp_path / "one", blank_french)
    two = ingest(source, tmp_path / "two", blank_french, workers=2)
    assert two.pipelines == one.pipelines == {"en": "blank"}
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_workers_that_cannot_load_the_pipeline_say_why(blank_french: Path) -> None:
    pool = WorkerPool(2, blank_french, {"fr": "no_such_model"})
    with pytest.raises(WorkersFailed, match="no_such_model"):
        list(pool.extract_isolated(seed_articles(1)))
    assert multiprocessing.active_children() == []


def test_a_large_article_crosses_to_the_workers_and_back(
    blank_french: Path, tmp_path: Path
) -> None:
    # Hundreds of kB, more than a pipe holds (64 kB on Linux): sending the task must not
    # wait for the worker to be free, nor the worker's results for the parent to be.
    source = tmp_path / "source"
    source.mkdir()
    seeds = [path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))]
    filler = "La fusée a décollé hier soir de Kourou, sous un ciel dégagé.\n\n" * 5000
    (source / "large.txt").write_text(filler + "\n\n".join(seeds), encoding="utf-8")
    for n, text in enumerate(seeds * 4):
        (source / f"{n}.txt").write_text(f"{text}\n({n})\n", encoding="utf-8")
    one = ingest(source, tmp_path / "one", blank_french, language="fr")
    two = ingest(source, tmp_path / "two", blank_french, language="fr", workers=2)
    assert (source / "large.txt").stat().st_size > 250_000
    assert one.processed == two.processed == 21
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


# The command, with the host's model load and each worker's task slowed down by LOAD_DELAY
# and TASK_DELAY seconds (patched here, before the host is forked: the host and its workers
# inherit the patches). NO_PDEATHSIG=1 leaves the kernel out, as off Linux.
SLOWED = """
import os
import sys
import time
from coopextract.run import worker_host
from coopextract.cli import app

build, extract_task = worker_host._build, worker_host._extract_task
die_with_parent = worker_host.die_with_parent

def slow_build(settings):
    time.sleep(float(os.environ.get("LOAD_DELAY", "0")))
    return build(settings)

def slow_task(extractor, articles):
    time.sleep(float(os.environ.get("TASK_DELAY", "0")))
    return extract_task(extractor, articles)

worker_host._build, worker_host._extract_task = slow_build, slow_task
if os.environ.get("NO_PDEATHSIG"):
    worker_host.die_with_parent = lambda pid, arm=True: die_with_parent(pid, arm=False)
sys.argv[0] = "coopextract"
app()
"""


@on_linux_proc
@pytest.mark.parametrize("pdeathsig", [True, False], ids=["kernel", "fallback"])
@pytest.mark.parametrize("phase", ["loading", "extracting"])
def test_the_parent_killed_takes_the_host_and_workers_with_it_at_once(
    blank_french: Path, tmp_path: Path, phase: str, pdeathsig: bool
) -> None:
    # Found as: a kill -9 of the parent during `--workers 2` left the host running for as
    # long as it took to load the model (seconds: it reads `control` only once loaded).
    source, out = tmp_path / "source", tmp_path / "out"
    source.mkdir()
    seeds = [path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))]
    for n in range(400):
        (source / f"{n}.txt").write_text(f"{seeds[n % len(seeds)]}\n({n})\n", encoding="utf-8")
    command = [
        sys.executable, "-c", SLOWED, "ingest", str(source), "--output-dir", str(out),
        "--rules", str(blank_french), "--language", "fr", "--workers", "2",
    ]  # fmt: skip
    env = {
        **os.environ,
        "LOAD_DELAY": "10" if phase == "loading" else "0",
        "TASK_DELAY": "0.2",
        "NO_PDEATHSIG": "" if pdeathsig else "1",
    }
    run = subprocess.Popen(
        command, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 120
        if phase == "loading":
            while not descendants(run.pid):
                assert run.poll() is None and time.monotonic() < deadline, "no host"
                time.sleep(0.01)
            time.sleep(0.5)  # the host is in its (slowed) load
        else:
            # Workers mid-task: a journal line is written, more tasks are under way.
            while len(descendants(run.pid)) < 3 or not (out / JOURNAL_FILE).exists():
                assert run.poll() is None and time.monotonic() < deadline, "no journal line"
                time.sleep(0.01)
        below = descendants(run.pid)
        killed = time.monotonic()
        run.kill()
    finally:
        run.kill()
        run.wait()
    assert len(below) == (1 if phase == "loading" else 3)  # the host, and its workers
    while any(running(pid) for pid in below) and time.monotonic() - killed < 5:
        time.sleep(0.01)
    lingered = time.monotonic() - killed
    assert not any(running(pid) for pid in below)
    assert lingered < 1.0, f"the host or a worker outlived the parent by {lingered:.2f} s"


def test_a_pool_started_by_a_thread_that_ends_keeps_its_host(blank_french: Path) -> None:
    # The kernel's parent-death signal comes when the *thread* that started a process ends:
    # the host must not be tied to such a thread, or it would die in the middle of the run.
    pool = WorkerPool(2, blank_french)

    def start_then_wait() -> None:
        pool.start()
        time.sleep(3)  # ends once the host has tied itself to its parent, if it does

    starter = threading.Thread(target=start_then_wait)
    starter.start()
    starter.join()
    try:
        found = list(pool.extract_isolated(seed_articles(1)))
    finally:
        pool.close()
    assert len(found) == len(list(RAW.glob("*.txt")))
