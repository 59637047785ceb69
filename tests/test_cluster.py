"""`ingest --cluster`: on a Dask cluster, the same output files as one local process."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.rule_files import default_rules_dir
from coopextract.run.cluster import ClusterPool, ClusterUsageError
from coopextract.run.cluster_worker import FingerprintRefused
from coopextract.run.ingest import ingest
from tests.conftest import PROJECT, append
from tests.test_workers import RAW, outputs, seed_copies

distributed = pytest.importorskip("distributed")

# The volatile facts of a run: everything else in manifest.json must be the same.
VOLATILE = ("started_at", "seconds")
POISON = "EXPLOSER"


def manifest(folder: Path) -> dict:
    found = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return {name: value for name, value in found.items() if name not in VOLATILE}


def assert_same_run(one: Path, other: Path) -> None:
    assert outputs(one) == outputs(other)
    assert manifest(one) == manifest(other)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """The seed articles, several shards' worth, a file that is skipped, and an article
    the extraction of which raises (see `poisoned`)."""
    folder = seed_copies(tmp_path / "source", 8)
    (folder / "empty.txt").write_text("")
    (folder / "poison.txt").write_text(f"Un accord a été signé à Paris. {POISON}\n")
    return folder


def poison() -> None:
    """Make extraction raise for an article containing POISON, in this process, as a bug
    in the pipeline would: run here and, through `client.run`, in each worker."""
    from coopextract.run.extract import MultiExtractor

    original = MultiExtractor.extract_many
    if getattr(original, "poisoned", False):
        return

    def extract_many(self, articles):  # type: ignore[no-untyped-def]
        batch = list(articles)
        if any(POISON in article.text for article in batch):
            raise ValueError("cannot extract this one")
        yield from original(self, batch)

    extract_many.poisoned = True  # type: ignore[attr-defined]
    MultiExtractor.extract_many = extract_many  # type: ignore[method-assign]


@pytest.fixture
def poisoned(monkeypatch: pytest.MonkeyPatch) -> None:
    from coopextract.run.extract import MultiExtractor

    monkeypatch.setattr(MultiExtractor, "extract_many", MultiExtractor.extract_many)
    poison()


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    """A LocalCluster of two worker processes, one thread each, as `--cluster local:2`."""
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def test_a_local_cluster_writes_what_one_process_writes(
    client: distributed.Client, blank_french: Path, source: Path, tmp_path: Path, poisoned: None
) -> None:
    client.run(poison)
    one = ingest(source, tmp_path / "one", blank_french, language="fr")
    told: list[str] = []
    two = ingest(
        source,
        tmp_path / "two",
        blank_french,
        language="fr",
        cluster=client,
        on_cluster=told.append,
    )
    assert_same_run(tmp_path / "one", tmp_path / "two")
    assert one.processed == two.processed == 40
    assert [s.path for s in two.skipped] == ["empty.txt", "poison.txt"]
    assert "ValueError: cannot extract this one" in two.skipped[1].reason
    assert two.pipelines == {"fr": "blank"}
    assert told and told[0].startswith("Dask cluster at tcp://") and "2 worker(s)" in told[0]
    # The dashboard's address only when the scheduler (here, this process) can serve it.
    assert ("dashboard http://" in told[0]) == (importlib.util.find_spec("bokeh") is not None)
    assert not (tmp_path / "two" / ".coopextract-journal.jsonl").exists()

    # Incremental as ever: only the new article goes to the cluster.
    shutil.copy(source / "0-000_d1d8bed0e0f75784.txt", source / "new.txt")
    again = ingest(source, tmp_path / "two", blank_french, language="fr", cluster=client)
    assert (again.processed, again.reused) == (1, 40)
    ingest(source, tmp_path / "one", blank_french, language="fr")
    assert_same_run(tmp_path / "one", tmp_path / "two")


def test_every_article_comes_back_once_from_shards_cut_by_count_and_bytes(
    client: distributed.Client, blank_french: Path
) -> None:
    from tests.test_workers import seed_articles

    articles = seed_articles(6)
    pool = ClusterPool(client, blank_french, fingerprint=_fingerprint(blank_french))
    pool.shard_articles, pool.shard_bytes = 4, 10_000
    shards = list(pool._shards(iter(articles)))
    assert all(len(shard) <= 4 for shard in shards) and len(shards) > len(articles) / 4
    found = list(pool.extract_isolated(articles))
    assert sorted(a.path for a, _ in found) == sorted(a.path for a in articles)
    assert pool.retried == 0


def test_the_last_shards_are_halved_so_that_the_workers_finish_together() -> None:
    from tests.test_workers import seed_articles

    articles = seed_articles(14)  # 70 articles
    pool = ClusterPool("local:2", fingerprint=None)  # nothing started
    pool.shard_articles, pool.shard_bytes = 16, 10**9
    sizes = [len(shard) for shard in pool._shards(iter(articles))]
    assert sizes == [16, 16, 16, 11, 6, 3, 1, 1]  # the last 38 in halves
    assert [a.path for shard in pool._shards(iter(articles)) for a in shard] == [
        a.path for a in articles
    ]


def test_a_worker_with_other_rules_is_refused(client: distributed.Client, tmp_path: Path) -> None:
    # The worker's rules are the driver's copy plus one rule: as another installed version.
    theirs = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), theirs)
    append(
        theirs / "fr" / "triggers.jsonl",
        '{"label": "INSTRUMENT", "pattern": "pacte", "id": "agreement"}',
    )
    pool = ClusterPool(client, theirs, fingerprint=_fingerprint(default_rules_dir()))
    from tests.test_workers import seed_articles

    with pytest.raises(FingerprintRefused, match="refused the work: its pipeline fingerprint"):
        list(pool.extract_isolated(seed_articles(1)))


@pytest.mark.model
def test_the_real_pipeline_on_the_dev_corpus_gives_the_same_output(
    client: distributed.Client, shared_corpus: Path, tmp_path: Path
) -> None:
    source = shared_corpus / "fr"
    ingest(source, tmp_path / "one")
    two = ingest(source, tmp_path / "two", cluster=client)
    assert_same_run(tmp_path / "one", tmp_path / "two")
    assert two.processed > 50 and two.agreements_found > 20
    assert two.pipelines == {"fr": "fr_core_news_md"}


def _fingerprint(rules: Path) -> str:
    from coopextract.run.fingerprint import languages_fingerprint

    return languages_fingerprint(rules)


# --- `--cluster local:N`: the cluster of a host process the run starts ------------------------


def test_a_local_cluster_of_the_run_writes_what_one_process_writes(
    blank_french: Path, source: Path, tmp_path: Path
) -> None:
    (source / "poison.txt").unlink()
    ingest(source, tmp_path / "one", blank_french, language="fr")
    before = set(_descendants(os.getpid()))  # another test's cluster may be running
    told: list[str] = []
    two = ingest(
        source,
        tmp_path / "two",
        blank_french,
        language="fr",
        cluster="local:2",
        on_cluster=told.append,
    )
    assert_same_run(tmp_path / "one", tmp_path / "two")
    assert two.processed == 40 and two.pipelines == {"fr": "blank"}
    assert told and told[0].startswith("Dask cluster at tcp://127.0.0.1:")
    assert "2 worker(s)" in told[0]
    # The host, its scheduler and its workers are gone with the run.
    assert set(_descendants(os.getpid())) <= before


def test_the_local_cluster_host_refuses_another_fingerprint(tmp_path: Path) -> None:
    from tests.test_workers import seed_articles

    theirs = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), theirs)
    append(
        theirs / "fr" / "triggers.jsonl",
        '{"label": "INSTRUMENT", "pattern": "pacte", "id": "agreement"}',
    )
    before = set(_descendants(os.getpid()))
    pool = ClusterPool("local:1", theirs, fingerprint=None)
    try:
        pool.start()  # the host loads the pipeline before it knows the run's fingerprint
        pool.use_fingerprint(_fingerprint(default_rules_dir()))
        with pytest.raises(FingerprintRefused, match="refused the work"):
            list(pool.extract_isolated(seed_articles(1)))
    finally:
        pool.close()
    assert set(_descendants(os.getpid())) <= before


def test_a_killed_driver_leaves_no_local_cluster_behind(
    blank_french: Path, source: Path, tmp_path: Path
) -> None:
    """kill -9 of `ingest --cluster local:2` mid-run: its host and the workers go with it."""
    (source / "poison.txt").unlink()
    (source / "empty.txt").unlink()  # the first progress is then an article extracted
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from coopextract.run.ingest import ingest\n"
        "from tests.test_cluster import slow_shards\n"
        "slow_shards(0.5)  # inherited by the forked host and workers: the run lasts\n"
        "def said(item):\n"
        "    print('PROGRESS', flush=True)\n"
        "ingest(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), language='fr',\n"
        "       cluster='local:2', on_progress=said)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PROJECT / "src"), str(PROJECT)])}
    args = [sys.executable, "-c", script, str(source), str(tmp_path / "out"), str(blank_french)]
    driver = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, text=True, cwd=PROJECT)
    try:
        assert driver.stdout is not None
        assert driver.stdout.readline().startswith("PROGRESS")  # the cluster is at work
        family = _descendants(driver.pid)
        assert len(family) >= 3, family  # the host and its two workers
        driver.kill()
        driver.wait()
        # On Linux the kernel kills the host and its workers at once (run/lifelines.py).
        # Elsewhere Dask's workers notice their host's death through a pipe, which two
        # workers forked together can hold open for each other: the deadline is generous.
        deadline = time.monotonic() + 60
        while (alive := [pid for pid in family if _alive(pid)]) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not alive
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait()


def _descendants(pid: int) -> list[int]:
    found = []
    for listing in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in listing.read_text().split():
            found += [int(child), *_descendants(int(child))]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; its parent (init now) reaps it


# --- a worker killed mid-run -----------------------------------------------------------------


def slow_shards(seconds: float) -> None:
    """Each shard of this worker takes `seconds` more: the run lasts."""
    from coopextract.run import cluster_worker

    extract = getattr(cluster_worker, "_fast_task", cluster_worker._extract_task)

    def slow(extractor, articles):  # type: ignore[no-untyped-def]
        time.sleep(seconds)
        return extract(extractor, articles)

    cluster_worker._fast_task = extract  # type: ignore[attr-defined]
    cluster_worker._extract_task = slow


def dying_shards(seconds: float, marker: str) -> None:
    """Each shard of this worker takes `seconds` more, and the first shard of the whole
    cluster to get there kills its worker: a kill mid-shard, whatever the timing."""
    from coopextract.run import cluster_worker

    extract = getattr(cluster_worker, "_fast_task", cluster_worker._extract_task)

    def dying(extractor, articles):  # type: ignore[no-untyped-def]
        time.sleep(seconds)
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL))  # one kill, cluster-wide
        except FileExistsError:
            return extract(extractor, articles)
        os.kill(os.getpid(), signal.SIGKILL)

    cluster_worker._fast_task = extract  # type: ignore[attr-defined]
    cluster_worker._extract_task = dying


class _Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_a_worker_killed_mid_run_costs_a_retry_not_a_record(
    blank_french: Path, source: Path, tmp_path: Path
) -> None:
    (source / "poison.txt").unlink()
    ingest(source, tmp_path / "one", blank_french, language="fr")
    kept = _Kept()
    logger = logging.getLogger("coopextract.run.cluster")
    logger.addHandler(kept)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        marker = tmp_path / "killed"
        client.run(dying_shards, 0.2, str(marker))
        try:
            two = ingest(source, tmp_path / "two", blank_french, language="fr", cluster=client)
        finally:
            logger.removeHandler(kept)
    assert marker.exists()
    assert_same_run(tmp_path / "one", tmp_path / "two")
    assert two.processed == 40
    assert any("a worker was lost" in message for message in kept.messages), kept.messages


# --- the cluster a user starts by hand -------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def dask_command() -> str:
    command = Path(sys.executable).with_name("dask")
    if not command.is_file():
        pytest.skip("the dask command is not installed beside this Python")
    return str(command)


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        args, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(processes: list[subprocess.Popen]) -> None:
    for process in reversed(processes):
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in reversed(processes):
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture
def hand_started(tmp_path: Path) -> Iterator[tuple[str, Callable]]:
    """A `dask scheduler` on 127.0.0.1, and a function that starts a `dask worker` for it
    with a given PYTHONPATH; all stopped after the test."""
    dask = dask_command()
    port = str(free_port())
    address = f"tcp://127.0.0.1:{port}"
    processes: list[subprocess.Popen] = []
    try:
        processes.append(
            start(
                [dask, "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
                dict(os.environ),
                tmp_path / "scheduler.log",
            )
        )

        def worker(pythonpath: Path) -> None:
            env = {**os.environ, "PYTHONPATH": str(pythonpath)}
            args = [dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1"]
            log = tmp_path / f"worker-{len(processes)}.log"
            processes.append(start([*args, "--no-dashboard"], env, log))

        yield address, worker
    finally:
        stop(processes)


def test_dask_scheduler_and_worker_commands_run_the_cli(
    hand_started: tuple[str, Callable], blank_french: Path, source: Path, tmp_path: Path
) -> None:
    address, worker = hand_started
    worker(PROJECT / "src")
    (source / "poison.txt").unlink()
    ingest(source, tmp_path / "one", blank_french, language="fr")
    args = ["ingest", str(source), "-o", str(tmp_path / "two"), "--rules", str(blank_french)]
    result = CliRunner().invoke(app, [*args, "--language", "fr", "--cluster", address])
    assert result.exit_code == 0, result.output
    assert f"Dask cluster at {address}: 1 worker(s)" in result.output
    assert_same_run(tmp_path / "one", tmp_path / "two")


def test_a_hand_started_worker_with_another_rules_folder_is_refused(
    hand_started: tuple[str, Callable], source: Path, tmp_path: Path
) -> None:
    # Another coopextract installed on the worker: the same code, one rule more. The run
    # uses the shipped rules, which do not travel: the worker's own are used, and refused.
    other = tmp_path / "other"
    shutil.copytree(PROJECT / "src" / "coopextract", other / "src" / "coopextract")
    shutil.copytree(default_rules_dir(), other / "rules")
    append(
        other / "rules" / "fr" / "triggers.jsonl",
        '{"label": "INSTRUMENT", "pattern": "pacte", "id": "agreement"}',
    )
    address, worker = hand_started
    worker(other / "src")
    args = ["ingest", str(source), "-o", str(tmp_path / "out"), "--language", "fr"]
    result = CliRunner().invoke(app, [*args, "--cluster", address])
    assert result.exit_code == 1, result.output
    assert "refused the work: its pipeline fingerprint" in result.output
    assert "install the same coopextract and model on every worker" in result.output
    assert not (tmp_path / "out" / "agreements.jsonl").exists()


# --- without distributed ---------------------------------------------------------------------


def test_without_distributed_the_cluster_option_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    with pytest.raises(ClusterUsageError, match=r"pip install 'coopextract\[dask\]'"):
        ingest(RAW, tmp_path / "out", cluster="local:2")
    result = CliRunner().invoke(
        app, ["ingest", str(RAW), "-o", str(tmp_path / "out"), "--cluster", "local:2"]
    )
    assert result.exit_code == 2
    assert "Error: running on a Dask cluster needs" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("spec", ["lokal", "local:0", "127.0.0.1:8786"])
def test_a_cluster_that_is_none_is_a_usage_error(spec: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(RAW), "-o", str(tmp_path), "--cluster", spec])
    assert result.exit_code == 2, result.output
    assert "is neither local, local:N" in result.output
