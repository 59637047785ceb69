"""Extraction in several processes: `coopextract ingest --workers N`.

The workers extract batches of articles with the same isolation as a single process
(`extract_isolated`): an exception costs its article only. They are forked, with the model
already loaded, by one host process (`coopextract.run.worker_host`), so that the imports and the
model load are paid once rather than N times. The parent keeps everything that makes a run
safe and repeatable: reading the articles, deciding which need extracting, the journal and
the commit. It hands batches out in order, keeps a few in flight for each worker so that none
waits, and gives results back in input order, so the journal, the records and the messages
are the same whatever N.

The host is forked when the run starts, before the output folder is locked, on Linux and
while the parent has no other thread: it then begins at once with what the parent has
imported, instead of starting an interpreter and importing it all again (about half a
second before the first worker). Otherwise (another thread, which a fork would leave holding
its locks, or another system) it is spawned, and inherits nothing. The parent talks to each
worker over two pipes of its own; a worker that dies closes them, which stops the run. When
the run ends or is interrupted, the host stops the workers; when the parent is killed, the
kernel kills the host and the host's death the workers (on Linux; see
`coopextract.run.worker_host`).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from coopextract.errors import CoopExtractError
from coopextract.models import Agreement
from coopextract.reading.articles import Article
from coopextract.run.worker_host import (
    DIRECT_CHILD_METHODS,
    Outcome,
    WorkerLink,
    WorkerSettings,
    serve,
)

logger = logging.getLogger(__name__)

# Articles per task: small enough for an early first record and even sharing, large enough
# for the pipeline's batches and to keep the cost of passing them between processes low.
TASK_ARTICLES = 8
# Tasks in flight per worker: the next one is queued while a worker finishes the current one.
TASKS_PER_WORKER = 2
# Articles read ahead of the results, at most: while the host loads the model (seconds), the
# parent reads this far, which takes its share of the work (reading, language detection) off
# the cores the workers then need. Some MB of text.
READ_AHEAD_ARTICLES = 1024
# How long the host has to stop its workers when the run ends, before it is killed.
HOST_STOP_SECONDS = 5.0


class WorkersFailed(CoopExtractError):
    """A worker process died (killed, out of memory), or the workers could not start: the
    run stops; the next one resumes."""


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
        start_method: str | None = None,
        host_start_method: str | None = None,
        preload: tuple[str, ...] = (),
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.settings = WorkerSettings(
            rules_dir,
            dict(models or {}),
            fast_path,
            batch_size,
            preload=preload,
            start_method=start_method,
        )
        self.task_articles = task_articles
        self.host_start_method = host_start_method
        self._host: BaseProcess | None = None
        self._control: Connection | None = None
        self._tasks: list[Connection] = []  # the parent's ends: tasks out, one per worker
        self._results: list[Connection] = []  # results in
        self._outbox: queue.SimpleQueue[tuple[int, list[Article]] | None] = queue.SimpleQueue()
        self._loading = False  # the host was told which languages to load
        self._ready = False  # the workers are forked
        self.worker_pids: list[int] = []  # known once they are
        self._pipelines: dict[str, str] = {}

    def start(self) -> None:
        """Start the host now: it imports spaCy (seconds) while the caller goes on."""
        if self._host is not None:
            return
        method = self.host_start_method or choose_host_start_method()
        context = multiprocessing.get_context(method)
        self._control, host_control = context.Pipe()
        links = []
        for _ in range(self.workers):
            task_reader, task_writer = context.Pipe(duplex=False)
            result_reader, result_writer = context.Pipe(duplex=False)
            links.append(WorkerLink(task_reader, result_writer))
            self._tasks.append(task_writer)
            self._results.append(result_reader)
        # A forked host holds copies of this process's ends too: it closes them, or it would
        # never see this process close (or die with) `control`, nor a worker die.
        mine = [self._control, *self._tasks, *self._results] if method == "fork" else []
        parent = os.getpid() if method in DIRECT_CHILD_METHODS else None
        # The kernel kills the host when the *thread* that starts it ends, not this process:
        # only the main thread is sure to last as long as the run (this pool may be started
        # lazily, from whichever thread first iterates it). From another thread, the host
        # watches for its parent's death itself.
        tied = threading.current_thread() is threading.main_thread()
        self._host = context.Process(
            target=serve,
            args=(self.settings, host_control, links, mine, parent, tied),
            name="coopextract-worker-host",
        )
        self._host.start()
        # The host's and the workers' ends now: closed here, so that a worker that dies
        # reads as a closed pipe.
        host_control.close()
        for link in links:
            link.close()
        # Tasks are sent from a thread: a send blocks while a worker is busy and its pipe is
        # full, and the parent must meanwhile go on taking results (or both would wait).
        threading.Thread(target=self._send_tasks, daemon=True).start()

    def _send_tasks(self) -> None:
        while (item := self._outbox.get()) is not None:
            index, articles = item
            # A worker gone makes the send fail; its results pipe says so, and the run stops.
            with contextlib.suppress(OSError):
                self._tasks[index].send(articles)

    def _hand(self, index: int, articles: list[Article]) -> None:
        if not self._loading:
            assert self._control is not None
            # A host already dead (out of memory, killed) reads as EOF on `control` next,
            # which says so: not a BrokenPipeError here.
            with contextlib.suppress(OSError):
                self._control.send(("load", sorted({article.language for article in articles})))
            self._loading = True
        self._outbox.put((index, articles))

    def extract_isolated(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, list[Agreement] | Exception]]:
        """As `coopextract.run.isolation.extract_isolated`, the work shared among the workers."""
        self.start()
        tasks = _Tasks(iter(articles), self.task_articles, self.workers)
        finished = False
        try:
            while True:
                while (task := tasks.next_task()) is not None:
                    self._hand(*task)
                yield from tasks.given_back()
                if not tasks.handed:
                    break  # nothing handed out, nothing left to hand out
                # Read further ahead while no result is in (the host loading the model, at
                # first), never past READ_AHEAD_ARTICLES: a result ready is taken at once.
                ready = wait(self._watched(), 0 if tasks.reads_ahead() else None)
                if not ready:
                    tasks.read()
                for connection in ready:
                    result = self._receive(connection)
                    if result is not None:
                        tasks.receive(*result)
            finished = True
        finally:
            if not finished:  # an error or an interrupt: stop the work under way now
                self.close()

    def _watched(self) -> list[Connection]:
        assert self._control is not None
        return self._results if self._ready else [self._control, *self._results]

    def _receive(self, connection: Connection) -> tuple[int, list[Outcome]] | None:
        """Take one message: a worker's index and outcomes, or None for the host's."""
        if connection is self._control:
            try:
                kind, detail = connection.recv()
            except EOFError:
                raise WorkersFailed(
                    "the process that loads the model for the workers died (out of memory?); "
                    "what was extracted is kept: run the same command again, with fewer "
                    "--workers if memory is short"
                ) from None
            if kind == "failed":
                reason, details = detail
                logger.debug("the worker host failed:\n%s", details)
                raise WorkersFailed(f"the workers could not load the pipeline: {reason}")
            self._ready = True
            self.worker_pids = list(detail)
            return None
        try:
            outcomes, pipelines = connection.recv()
        except EOFError:
            raise WorkersFailed(
                "a worker process died (killed, or out of memory?); what was extracted is "
                "kept: run the same command again, with fewer --workers if memory is short"
            ) from None
        self._pipelines.update(pipelines)
        return self._results.index(connection), outcomes

    def pipelines(self) -> dict[str, str]:
        """Which pipeline each language used in the workers: the model's name, or "blank"."""
        return dict(sorted(self._pipelines.items()))

    def close(self) -> None:
        """Stop the workers and the host; their results are in, or the run is stopping."""
        host, self._host = self._host, None
        if host is None:
            return
        self._outbox.put(None)
        assert self._control is not None
        # Closing `control` tells the host to stop its workers (at once: they hold nothing
        # to save), which also unblocks a send under way to one of them.
        self._control.close()
        host.join(HOST_STOP_SECONDS)
        if host.is_alive():
            host.kill()
            host.join()
        # A worker left without its host (killed) stops when its tasks pipe closes.
        for connection in (*self._tasks, *self._results):
            connection.close()


class _Tasks:
    """The batches of one `WorkerPool.extract_isolated`: read, handed out, given back."""

    def __init__(self, stream: Iterator[Article], task_articles: int, workers: int) -> None:
        self.stream = stream
        self.task_articles = task_articles
        self.unread = True  # `stream` may have more
        self.waiting: deque[list[Article]] = deque()  # read, not handed out yet
        # In input order, with the worker.
        self.handed: deque[tuple[list[Article], int]] = deque()
        self.busy = [0] * workers  # tasks handed to each worker, result not received
        self.received: list[deque[list[Outcome]]] = [deque() for _ in range(workers)]

    def read(self) -> None:
        batch = list(islice(self.stream, self.task_articles))
        if batch:
            self.waiting.append(batch)
        self.unread = len(batch) == self.task_articles  # a short batch: the stream ended

    def reads_ahead(self) -> bool:
        """May more be read while waiting for results?"""
        return self.unread and len(self.waiting) * self.task_articles < READ_AHEAD_ARTICLES

    def next_task(self) -> tuple[int, list[Article]] | None:
        """The next batch to hand out and its worker, the least busy; None while every worker
        has enough or nothing is left."""
        while True:
            index = min(range(len(self.busy)), key=self.busy.__getitem__)
            if self.busy[index] >= TASKS_PER_WORKER or not (self.waiting or self.unread):
                return None
            if not self.waiting:
                self.read()
                continue
            batch = self.waiting.popleft()
            if not self.unread and not self.waiting and len(batch) > 1:
                # The last task, halved again and again: the workers finish
                # together rather than one waiting for the other's whole task.
                half = (len(batch) + 1) // 2
                self.waiting.appendleft(batch[half:])
                batch = batch[:half]
            self.handed.append((batch, index))
            self.busy[index] += 1
            return index, batch

    def receive(self, index: int, outcomes: list[Outcome]) -> None:
        self.busy[index] -= 1
        self.received[index].append(outcomes)

    def given_back(self) -> Iterator[tuple[Article, Outcome]]:
        """What is in, in input order."""
        while self.handed and self.received[self.handed[0][1]]:
            batch, index = self.handed.popleft()
            yield from zip(batch, self.received[index].popleft(), strict=True)


def choose_host_start_method() -> str:
    # A forked child has only the thread that forked: a lock another thread held stays held.
    # macOS has fork, but its system libraries are not fork-safe; Windows has none.
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


@contextmanager
def started_pool(
    workers: int,
    rules_dir: Path | None,
    models: dict[str, str] | None,
    *,
    fast_path: bool,
    preload: tuple[str, ...] = (),
) -> Iterator[WorkerPool]:
    """A WorkerPool whose workers are already starting; stopped when the block ends."""
    pool = WorkerPool(workers, rules_dir, models, fast_path=fast_path, preload=preload)
    try:
        pool.start()
        yield pool
    finally:
        pool.close()
