"""Extraction on a Dask cluster: `coopextract ingest --cluster local[:N] | tcp://HOST:PORT`.

Used by the run as it uses the `WorkerPool` of `--workers`: this process (the driver) reads
SOURCE, decides which articles need extracting, journals each result and commits, exactly as
a local run; only the extraction goes to the cluster. The articles' text travels with their
shard, so the workers need no shared file system. Shards are cut by count and by bytes, so
that each takes seconds of a worker's time, and a few per worker are kept in flight.

Results are taken as shards finish, in whatever order, and each article's goes to the
journal at once: interrupting the driver keeps them. The output does not depend on that
order (the records are written sorted by article). A worker that dies mid-shard costs a
retry: the scheduler gives its shards to another worker, and the driver logs it. An article
is taken once, even if its shard came back twice. An article whose extraction raises is
skipped with its reason, as locally (`coopextract.run.isolation`, run in the worker).

`local[:N]` is started by a host process (`coopextract.run.cluster_host`), forked as the run
starts: it loads the pipeline while this process computes the fingerprint and reads ahead,
then runs the LocalCluster (scheduler, nannies) and forks its workers from itself, so they
start with the pipeline in memory; this process connects to it as to any scheduler.

`distributed` is an optional dependency (`pip install 'coopextract[dask]'`), imported only
when a cluster is asked for.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import re
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopextract.errors import CoopExtractError
from coopextract.models import Agreement
from coopextract.reading.articles import Article
from coopextract.run import cluster_host
from coopextract.run.cluster_worker import (
    FingerprintRefused,
    RulesFiles,
    ShardSettings,
    extract_shard,
    warm,
)
from coopextract.run.journal import ArticleKey
from coopextract.run.worker_host import DIRECT_CHILD_METHODS
from coopextract.run.workers import choose_host_start_method

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from distributed import Client, Future

logger = logging.getLogger(__name__)

# A shard: at most this many articles, and no more text than this (one article may exceed
# it alone). About 2 to 10 seconds of a worker with the French model.
SHARD_ARTICLES = 32
SHARD_BYTES = 200_000
# Shards in flight per worker: one running, the next already there.
SHARDS_PER_WORKER = 2
# Articles read ahead while the local cluster's host loads the pipeline: reading them then
# takes that share of the work (reading, language detection) off the cores the workers
# then need. Some MB of text.
READ_AHEAD_ARTICLES = 1024
# How long the local cluster's host has to stop its cluster when the run ends.
HOST_STOP_SECONDS = 10.0
# How long a run waits for a first worker on a scheduler that has none.
WAIT_FOR_WORKERS = 120
LOCAL = re.compile(r"local(?::(\d+))?")
INSTALL = "pip install 'coopextract[dask]'"


class ClusterError(CoopExtractError):
    """The cluster cannot be used, or stopped the run; what was extracted is kept."""


class ClusterUsageError(ClusterError):
    """--cluster names no cluster this run can use (a usage mistake: exit code 2)."""

    exit_code = 2


def check_cluster_spec(spec: str) -> str:
    """`local`, `local:N` (N ≥ 1) or a scheduler address `tcp://HOST:PORT` (any scheme
    Dask knows, with `://`); ClusterUsageError otherwise, or when distributed is missing."""
    match = LOCAL.fullmatch(spec)
    if (match and match.group(1) is not None and int(match.group(1)) < 1) or (
        not match and "://" not in spec
    ):
        raise ClusterUsageError(
            f"--cluster {spec!r} is neither local, local:N (N at least 1) nor a scheduler "
            "address like tcp://HOST:8786"
        )
    _distributed()
    return spec


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterUsageError(
            f"running on a Dask cluster needs the optional dependency distributed: {INSTALL}"
        ) from None
    return distributed


class ClusterPool:
    """Extracts articles on a Dask cluster; results as shards finish."""

    def __init__(
        self,
        cluster: str | Client,
        rules_dir: Path | None = None,
        models: dict[str, str] | None = None,
        *,
        fingerprint: str | None,
        fast_path: bool = True,
        batch_size: int = 16,
        shard_articles: int = SHARD_ARTICLES,
        shard_bytes: int = SHARD_BYTES,
        on_start: Callable[[str], None] | None = None,
        preload: tuple[str, ...] = (),
    ) -> None:
        self.cluster = cluster
        self.rules_dir = rules_dir
        # The run's fingerprint may come later (`use_fingerprint`): a local cluster's host
        # loads the pipeline meanwhile.
        self.settings = ShardSettings(
            tuple(sorted((models or {}).items())), fast_path, batch_size, fingerprint or ""
        )
        self.shard_articles = shard_articles
        self.shard_bytes = shard_bytes
        self.on_start = on_start
        self.preload = preload
        self._warming: list[Any] = []
        self.client: Client | None = None
        self._owned: list[Any] = []  # the client this pool started
        self._host: BaseProcess | None = None  # the local cluster's (`cluster_host`)
        self._control: Connection | None = None  # to the host; closed to stop it
        self._rules: Any = None  # the rules' future on the cluster, or None: shipped rules
        self._pipelines: dict[str, str] = {}
        self.retried = 0  # shards run again after their worker was lost
        self.dashboard: str | None = None
        self._workers = 1  # as the scheduler last said

    def start(self) -> None:
        """Connect to the cluster, or start the local one's host (`coopextract.run.cluster_host`),
        which loads the pipeline while this process reads: `connect` waits for it."""
        if self.client is not None or self._host is not None:
            return
        _distributed()
        if isinstance(self.cluster, str) and LOCAL.fullmatch(check_cluster_spec(self.cluster)):
            self._start_host()
        elif self.settings.fingerprint:
            self.connect()

    def use_fingerprint(self, fingerprint: str) -> None:
        """The run's fingerprint, once known: sent to the local cluster's host, which checks
        it before it starts the cluster; any other cluster is connected to now."""
        self.settings = replace(self.settings, fingerprint=fingerprint)
        if self._control is not None:
            with contextlib.suppress(OSError):  # a host already dead: `connect` says so
                self._control.send(("fingerprint", fingerprint))
        else:
            self.start()

    def loading(self) -> bool:
        """Is the local cluster's host still loading (its scheduler not yet up)?"""
        return self.client is None and self._control is not None and not self._control.poll()

    def connect(self) -> None:
        """Connect to the cluster (the local one once its host is ready) and send it the rules."""
        if self.client is not None:
            return
        assert self.settings.fingerprint, "the run's fingerprint comes first"
        distributed = _distributed()
        if not isinstance(self.cluster, str):
            self.client = self.cluster
        elif self._host is not None:
            self.client = self._connect(distributed, self._host_address())
        else:
            self.client = self._connect(distributed, check_cluster_spec(self.cluster))
        if self.rules_dir is not None:
            # Once to every worker, not with every shard (a rules folder is a few MB).
            self._rules = self.client.scatter(
                RulesFiles.read(self.rules_dir), broadcast=True, hash=False
            )
        try:
            # Tasks would wait for ever on a scheduler without workers.
            self.client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
        except TimeoutError:
            raise ClusterError(
                f"no worker joined the Dask scheduler within {WAIT_FOR_WORKERS} seconds; "
                "start some with `dask worker SCHEDULER_ADDRESS`"
            ) from None
        info = self.client.scheduler_info()
        self._workers = max(1, len(info.get("workers", {})))
        if "dashboard" in info.get("services", {}) and self._scheduler_has_bokeh():
            self.dashboard = self.client.dashboard_link
        self._warm(info.get("workers", {}))
        if self.on_start is not None:
            self.on_start(self.describe())

    def _start_host(self) -> None:
        """Fork (or spawn) the process that loads the pipeline and runs the local cluster."""
        import multiprocessing
        import os

        match = LOCAL.fullmatch(self.cluster)  # type: ignore[arg-type]
        assert match is not None
        workers = int(match.group(1) or os.cpu_count() or 1)
        rules = RulesFiles.read(self.rules_dir) if self.rules_dir is not None else None
        method = choose_host_start_method()
        context = multiprocessing.get_context(method)
        self._control, host_end = context.Pipe()
        # The kernel kills the host when the *thread* that starts it ends: see WorkerPool.
        tied = threading.current_thread() is threading.main_thread()
        self._host = context.Process(
            target=cluster_host.serve,
            args=(
                workers,
                self.settings,
                rules,
                self.preload,
                host_end,
                self._control if method == "fork" else None,
                os.getpid() if method in DIRECT_CHILD_METHODS else None,
                tied,
            ),
            name="coopextract-cluster-host",
        )
        self._host.start()
        host_end.close()  # the host's end: closed here, so that its death reads as EOF
        if self.settings.fingerprint:
            self.use_fingerprint(self.settings.fingerprint)

    def _host_address(self) -> str:
        """The local cluster's scheduler address, once its host has started it."""
        assert self._control is not None
        try:
            kind, detail = self._control.recv()
        except EOFError:
            raise ClusterError(
                "the process that runs the local Dask cluster died while it started "
                "(out of memory?); run the same command again, with fewer workers"
            ) from None
        if kind == "failed":
            if isinstance(detail, CoopExtractError):
                raise detail
            raise ClusterError(f"the local Dask cluster could not start: {detail}")
        return str(detail)

    def _warm(self, workers: dict[str, Any]) -> None:
        """Have each worker check the fingerprint and load the likely pipeline now, while
        the driver reads: the first shards then find it loaded. A refusal shows with them."""
        assert self.client is not None
        for address in workers:
            self._warming.append(
                self.client.submit(
                    warm,
                    self.settings,
                    self._rules,
                    self.preload,
                    key=f"coopextract-warm-{uuid.uuid4().hex}",
                    workers=[address],
                    allow_other_workers=False,
                    pure=False,
                )
            )

    def _connect(self, distributed: Any, address: str) -> Client:
        try:
            client = distributed.Client(address, timeout="20s")
        except OSError as err:
            self.close()
            raise ClusterError(
                f"cannot reach the Dask scheduler at {address} ({err}); start it with "
                "`dask scheduler` and its workers with `dask worker`, or check the address"
            ) from None
        self._owned.insert(0, client)
        return client

    def _scheduler_has_bokeh(self) -> bool:
        """Without bokeh, a scheduler serves its HTTP routes but no dashboard page."""
        assert self.client is not None

        def has_bokeh() -> bool:
            import importlib.util

            return importlib.util.find_spec("bokeh") is not None

        try:
            return bool(self.client.run_on_scheduler(has_bokeh))
        except Exception:  # a scheduler that runs no functions: trust what it says
            return True

    def workers(self) -> int:
        """How many workers the cluster had when last asked (at least one)."""
        return self._workers

    def describe(self) -> str:
        """One line: where the work goes, and the dashboard when there is one."""
        assert self.client is not None
        where = self.client.scheduler.address if self.client.scheduler else "?"
        line = f"Dask cluster at {where}: {self.workers()} worker(s)"
        return f"{line}; dashboard {self.dashboard}" if self.dashboard else line

    def extract_isolated(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, list[Agreement] | Exception]]:
        """As `coopextract.run.isolation.extract_isolated`, the work done on the cluster;
        results in the order shards finish."""
        from distributed import as_completed

        self.start()
        shards = self._shards(iter(articles))
        if self.loading():
            # Read ahead while the local cluster's host loads the pipeline.
            early: list[list[Article]] = []
            read = 0
            while read < READ_AHEAD_ARTICLES and self.loading():
                shard = next(shards, None)
                if shard is None:
                    break
                early.append(shard)
                read += len(shard)
            shards = itertools.chain(early, shards)
        self.connect()
        assert self.client is not None
        in_flight: dict[str, list[Article]] = {}
        done = as_completed()
        taken: set[ArticleKey] = set()
        finished = False
        try:
            self._fill(shards, in_flight, done)
            while in_flight:
                future = next(done)
                shard = in_flight.pop(future.key)
                outcomes, pipelines = self._result(future)
                self._check(future, shard)
                future.release()
                self._pipelines.update(pipelines)
                for article, outcome in zip(shard, outcomes, strict=True):
                    key = (article.path, article.item)
                    if key not in taken:  # a shard given back twice gives nothing twice
                        taken.add(key)
                        yield article, outcome
                self._fill(shards, in_flight, done)
            finished = True
        finally:
            if not finished:
                assert self.client is not None
                self.client.cancel(list(done.futures))

    def _shards(self, stream: Iterator[Article]) -> Iterator[list[Article]]:
        """Shards of at most `shard_articles` articles and about `shard_bytes` of text; the
        last articles, once the stream has ended, in halves again and again (as the tasks
        of `--workers`), so that the workers finish together rather than one idle while
        another runs a whole shard."""
        held: list[Article] = []  # a full shard, kept until the stream says it is not the last
        shard: list[Article] = []
        size = 0
        for article in stream:
            shard.append(article)
            size += len(article.text.encode("utf-8"))
            if len(shard) >= self.shard_articles or size >= self.shard_bytes:
                if held:
                    yield held
                held, shard, size = shard, [], 0
        tail = held + shard
        while len(tail) > 1:
            half = (len(tail) + 1) // 2
            yield tail[:half]
            tail = tail[half:]
        if tail:
            yield tail

    def _fill(self, shards: Iterator[list[Article]], in_flight: dict, done: Any) -> None:
        assert self.client is not None
        while len(in_flight) < SHARDS_PER_WORKER * self.workers():
            shard = next(shards, None)
            if shard is None:
                return
            future = self.client.submit(
                extract_shard,
                shard,
                self.settings,
                self._rules,
                key=f"coopextract-shard-{uuid.uuid4().hex}",
                pure=False,
            )
            in_flight[future.key] = shard
            done.add(future)

    def _result(self, future: Future) -> Any:
        try:
            return future.result()
        except FingerprintRefused:
            raise
        except CoopExtractError as err:  # e.g. a RulesError of the worker's rules
            raise ClusterError(f"a cluster worker cannot extract: {err}") from None
        except Exception as err:
            if type(err).__name__ == "KilledWorker":
                raise ClusterError(
                    "a shard of articles killed every worker it was given to (out of memory?); "
                    "what was extracted is kept: run the same command again, with smaller "
                    "shards or more memory per worker"
                ) from None
            raise ClusterError(f"the cluster failed a shard: {type(err).__name__}: {err}") from err

    def _check(self, future: Future, shard: list[Article]) -> None:
        """Ask the scheduler, in one call, how many workers it has now and whether this
        shard's worker was lost while it ran it (it then ran it again): logged if so."""
        assert self.client is not None
        key = future.key

        # Defined here, so that it travels by value: the scheduler need not have coopextract.
        def state(dask_scheduler: Any) -> tuple[int, int]:
            task = dask_scheduler.tasks.get(key)
            return (task.suspicious if task is not None else 0), len(dask_scheduler.workers)

        try:
            lost, workers = self.client.run_on_scheduler(state)
        except Exception:  # a scheduler that runs no functions: nothing to say
            return
        self._workers = max(1, workers)
        if lost:
            self.retried += 1
            logger.warning(
                "a worker was lost while extracting %d article(s) from %s on; the shard was "
                "run again elsewhere (%d time(s)), each article taken once",
                len(shard),
                shard[0].path,
                lost,
            )

    def pipelines(self) -> dict[str, str]:
        """Which pipeline each language used on the cluster: the model's name, or "blank"."""
        return dict(sorted(self._pipelines.items()))

    def close(self) -> None:
        """Disconnect, and stop the local cluster this pool started (not a user's client)."""
        owned, self._owned = self._owned, []
        for thing in owned:
            try:
                thing.close()
            except Exception as err:  # closing must not hide the run's own outcome
                logger.debug("closing %s: %s", thing, err)
        if self.client is not None and not owned and self._warming:
            self.client.cancel(self._warming)  # a user's client: leave nothing behind
        self._warming = []
        if owned:
            self.client = None
        host, self._host = self._host, None
        if host is not None:
            assert self._control is not None
            self._control.close()  # the host stops its cluster and exits
            host.join(HOST_STOP_SECONDS)
            if host.is_alive():
                host.kill()
                host.join()
