"""Extraction in several processes: `coopextract ingest --workers N`.

Each worker process loads the pipelines once (`MultiExtractor`, one per language, built the
first time an article needs it) and extracts batches of articles with the same isolation as
a single process (`extract_isolated`): an exception costs its article only. The parent keeps
everything that makes a run safe and repeatable: reading the articles, deciding which need
extracting, the journal and the commit. It hands batches out in order, keeps a few in flight
so that no worker waits, and takes results back in input order, so the journal, the records
and the messages are the same whatever N.

Workers are started with "spawn": they inherit no file descriptor (the output folder's lock
stays the parent's alone) and no thread state. They ignore Ctrl-C, which the parent handles
once for the run, and exit when the parent dies (a kill -9 leaves no worker behind).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from coopextract.articles import Article
from coopextract.errors import CoopExtractError
from coopextract.isolation import ExtractionFailed, extract_isolated, internal_error_reason
from coopextract.models import Agreement

if TYPE_CHECKING:
    from coopextract.extract import MultiExtractor

# Articles per task: small enough for an early first record and even sharing, large enough
# for the pipeline's batches and to keep the cost of passing them between processes low.
TASK_ARTICLES = 8
# Tasks in flight per worker: the next one is queued while a worker finishes the current one.
TASKS_PER_WORKER = 3
# Articles read ahead of the results, at most: while the workers load the model (seconds),
# the parent reads this far, which takes its share of the work (reading, language detection)
# off the cores the workers then need. Some MB of text.
READ_AHEAD_ARTICLES = 1024
PARENT_CHECK_SECONDS = 1.0


class WorkersFailed(CoopExtractError):
    """A worker process died (killed, out of memory): the run stops; the next one resumes."""


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker needs to build the same extractor as a single-process run."""

    rules_dir: Path | None
    models: dict[str, str]
    fast_path: bool
    batch_size: int


Outcome = list[Agreement] | ExtractionFailed

_extractor: MultiExtractor | None = None  # the worker process's own


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:  # re-parented: the run is gone
            os._exit(1)


def _start_worker(settings: WorkerSettings, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    from coopextract.extract import MultiExtractor

    global _extractor
    _extractor = MultiExtractor(
        settings.rules_dir,
        settings.models,
        settings.batch_size,
        fast_path=settings.fast_path,
    )


def _ready() -> None:
    """A task that only makes the pool start a worker (it starts them on demand)."""


def _extract_task(articles: list[Article]) -> tuple[list[Outcome], dict[str, str]]:
    """In a worker: each article's records, or its failure as text (exceptions of any type
    cannot all cross a process boundary; their reason and traceback can)."""
    assert _extractor is not None, "worker not initialised"
    outcomes: list[Outcome] = []
    for _, found in extract_isolated(_extractor, articles):
        if isinstance(found, Exception):
            details = "".join(traceback.format_exception(found))
            outcomes.append(ExtractionFailed(internal_error_reason(found), details))
        else:
            outcomes.append(found)
    return outcomes, _extractor.pipelines()


class WorkerPool:
    """N worker processes extracting articles; results in input order."""

    def __init__(
        self,
        workers: int,
        rules_dir: Path | None = None,
        models: dict[str, str] | None = None,
        *,
        fast_path: bool = True,
        batch_size: int = 16,
        task_articles: int = TASK_ARTICLES,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.settings = WorkerSettings(rules_dir, dict(models or {}), fast_path, batch_size)
        self.task_articles = task_articles
        self._executor: ProcessPoolExecutor | None = None
        self._pipelines: dict[str, str] = {}

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.settings, os.getpid()),
            )
        return self._executor

    def start(self) -> None:
        """Start every worker now: each loads the model (seconds) while the caller goes on."""
        pool = self._pool()
        for _ in range(self.workers):
            pool.submit(_ready)

    def extract_isolated(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, list[Agreement] | Exception]]:
        """As `coopextract.isolation.extract_isolated`, the work shared among the workers."""
        pool = self._pool()
        stream = iter(articles)
        in_flight: deque[tuple[list[Article], Future]] = deque()

        def submit() -> bool:
            # Reading the next articles (the parent's share of the work) happens here, while
            # the workers extract the batches already handed out.
            batch = list(islice(stream, self.task_articles))
            if batch:
                in_flight.append((batch, pool.submit(_extract_task, batch)))
            return bool(batch)

        most = max(self.workers * TASKS_PER_WORKER, READ_AHEAD_ARTICLES // self.task_articles)
        more = True
        finished = False
        try:
            while more and len(in_flight) < self.workers * TASKS_PER_WORKER:
                more = submit()
            while in_flight:
                batch, future = in_flight.popleft()
                # Read further ahead while the next result is not in (the workers loading the
                # model, at first), never past `most`: a result ready is given back at once.
                while more and not future.done() and len(in_flight) < most:
                    more = submit()
                try:
                    outcomes, pipelines = future.result()
                except BrokenProcessPool as err:
                    raise WorkersFailed(
                        "a worker process died (killed, or out of memory?); what was "
                        "extracted is kept: run the same command again, with fewer --workers "
                        "if memory is short"
                    ) from err
                self._pipelines.update(pipelines)
                more = more and submit()
                yield from zip(batch, outcomes, strict=True)
            finished = True
        finally:
            if not finished:  # an error or an interrupt: stop the work under way now
                for _, future in in_flight:
                    future.cancel()
                self._terminate()

    def pipelines(self) -> dict[str, str]:
        """Which pipeline each language used in the workers: the model's name, or "blank"."""
        return dict(sorted(self._pipelines.items()))

    def close(self) -> None:
        # Every result is in (or the run is stopping): the workers hold nothing to save, and
        # stopping them spares waiting for each to tear its model down (a second or more).
        self._terminate()

    def _terminate(self) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return
        # ProcessPoolExecutor has no public way to stop a running task before Python 3.14's
        # terminate_workers(); its `_processes` are the workers it started.
        stop = getattr(executor, "terminate_workers", None)
        if callable(stop):
            stop()
            return
        for process in list(getattr(executor, "_processes", {}).values()):
            process.terminate()
        executor.shutdown(wait=True, cancel_futures=True)


@contextmanager
def started_pool(
    workers: int, rules_dir: Path | None, models: dict[str, str] | None, *, fast_path: bool
) -> Iterator[WorkerPool]:
    """A WorkerPool whose workers are already starting; stopped when the block ends."""
    pool = WorkerPool(workers, rules_dir, models, fast_path=fast_path)
    try:
        pool.start()
        yield pool
    finally:
        pool.close()
