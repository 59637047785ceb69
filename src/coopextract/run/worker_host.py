"""The process that loads the model once and forks the workers of `ingest --workers N`.

The parent (`coopextract.run.workers.WorkerPool`) forks this host as the run starts (or spawns
it, see there). The host imports spaCy, builds the extractor and loads the pipeline of the
run's likely language while the parent reads the first articles; when the parent names the
languages of its first task, the host loads any other they need and forks N workers from
itself. Each worker starts with the model already in memory, shared with its siblings page
by page until one writes to it, instead of paying the imports and the load (seconds of CPU)
again. Off Linux the workers are spawned instead and load their own pipelines.

Messages, all pickled over multiprocessing connections:

- parent -> host, on `control`: `("load", languages)` once, with the first task's languages
  (loaded then, unless preloaded); closing it stops the workers.
- host -> parent, on `control`: `("ready", pids)` once forked, or
  `("failed", (reason, traceback))`.
- parent -> worker: a task (a list of articles); closing the pipe stops the worker.
- worker -> parent: `(outcomes, pipelines)` for each task, in the order they came.

The host then only watches: when the parent closes `control` (the run is over) or dies (the
pipe reads as closed), it stops the workers and reaps them. Host and workers ignore Ctrl-C,
which the parent handles once.

A kill -9 of the parent must not leave them running, not even for the seconds the host spends
loading the model, when it does not read `control`. On Linux each asks the kernel, first thing,
to SIGKILL it when its parent dies (`die_with_parent`): the parent's death kills the host, the
host's kills the workers, at once. Elsewhere (or when the parent started the host from a
thread that may end before the run) the host polls its parent while it loads
(`orphan_watch`), and the pipes do the rest.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING

from coopextract.errors import CoopExtractError
from coopextract.models import Agreement
from coopextract.reading.articles import Article
from coopextract.run.isolation import ExtractionFailed, extract_isolated, internal_error_reason
from coopextract.run.lifelines import die_with_parent, orphan_watch

if TYPE_CHECKING:
    from coopextract.run.extract import MultiExtractor

# How long a worker has to stop on SIGTERM before it is killed, when the run ends.
STOP_SECONDS = 2.0
REAP_SECONDS = 1.0
# The start methods whose child is the starting process's own: its pid is the child's ppid.
DIRECT_CHILD_METHODS = ("fork", "spawn")


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker needs to build the same extractor as a single-process run."""

    rules_dir: Path | None
    models: dict[str, str]
    fast_path: bool
    batch_size: int
    # Languages loaded as soon as the host starts, before the parent has read an article:
    # the language the run is forced to, or the project's first one.
    preload: tuple[str, ...] = ()
    # How the host starts the workers: "fork" (sharing its loaded model) or "spawn"; None
    # for this platform's choice.
    start_method: str | None = None


@dataclass(frozen=True)
class WorkerLink:
    """The worker's ends of its two pipes to the parent."""

    tasks: Connection  # articles in
    results: Connection  # outcomes out

    def close(self) -> None:
        self.tasks.close()
        self.results.close()


Outcome = list[Agreement] | ExtractionFailed

# The host's extractor, inherited by the workers it forks (None in a spawned worker).
_loaded: MultiExtractor | None = None


def _build(settings: WorkerSettings) -> MultiExtractor:
    from coopextract.run.extract import MultiExtractor

    return MultiExtractor(
        settings.rules_dir, settings.models, settings.batch_size, fast_path=settings.fast_path
    )


def serve(
    settings: WorkerSettings,
    control: Connection,
    links: list[WorkerLink],
    parent_ends: list[Connection],
    parent_pid: int | None = None,
    tied: bool = False,
) -> None:
    """The host's life: build, wait for the first languages, load, fork, watch.

    `parent_ends` are the parent's ends of the pipes, which a forked host holds copies of.
    `parent_pid` is the parent's pid (None: do not check it), and `tied` says whether the
    parent started this process from a thread that lasts as long as the run (see
    `die_with_parent`).
    """
    armed = die_with_parent(parent_pid, arm=tied)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for end in parent_ends:
        end.close()
    workers: list[BaseProcess] = []
    try:
        try:
            with orphan_watch(parent_pid, armed):
                extractor = _build(settings)
                _load(extractor, settings.preload)
                _load(extractor, _languages_wanted(control))
        except EOFError:
            return
        except Exception as err:
            reason = str(err) if isinstance(err, CoopExtractError) else internal_error_reason(err)
            control.send(("failed", (reason, traceback.format_exc())))
            return
        workers = _fork_workers(settings, extractor, control, links)
        for link in links:  # the workers' now; the parent must see EOF when one dies
            link.close()
        control.send(("ready", [worker.pid for worker in workers]))
        _watch(control, workers)
    except OSError:
        return  # the parent closed `control` while the host spoke: the run is over
    finally:
        _stop(workers)


def _load(extractor: MultiExtractor, languages: Iterable[str]) -> None:
    for language in languages:
        if language in extractor.languages:
            extractor.for_language(language)


def _languages_wanted(control: Connection) -> list[str]:
    """The languages of the parent's first task; EOFError if the run needs none."""
    return list(control.recv()[1])


def _fork_workers(
    settings: WorkerSettings,
    extractor: MultiExtractor,
    control: Connection,
    links: list[WorkerLink],
) -> list[BaseProcess]:
    global _loaded
    _loaded = extractor
    # macOS has fork, but system libraries there are not fork-safe (Python's own default
    # is spawn there); Windows has none.
    method = settings.start_method or ("fork" if sys.platform.startswith("linux") else "spawn")
    context = multiprocessing.get_context(method)
    host = os.getpid() if method in DIRECT_CHILD_METHODS else None
    # The workers' parent death signal fires when this thread ends: it must be the main one.
    tied = threading.current_thread() is threading.main_thread()
    # Objects that survive to the fork would otherwise be scanned, and their pages copied,
    # by each worker's garbage collector.
    gc.freeze()
    workers = []
    with warnings.catch_warnings():
        # Python 3.12+ warns about forking a process with threads; the host's only other
        # threads are the numerical libraries' idle pools, which reinitialise after a fork.
        warnings.simplefilter("ignore", DeprecationWarning)
        for index, link in enumerate(links):
            # A spawned worker inherits nothing: only a forked one has ends to close.
            others = [other for other in links if other is not link] if method == "fork" else []
            worker = context.Process(
                target=_work,
                args=(settings, link, others, control if method == "fork" else None, host, tied),
                name=f"coopextract-worker-{index + 1}",
            )
            worker.start()
            workers.append(worker)
    return workers


def _watch(control: Connection, workers: list[BaseProcess]) -> None:
    """Until the parent closes `control` or dies: nothing else comes on it."""
    while True:
        ready = wait([control, *(worker.sentinel for worker in workers)], REAP_SECONDS)
        if control in ready:
            try:
                control.recv()
            except EOFError:
                return
        # A worker that died is reaped here; the parent sees its pipe close and stops the run.
        workers[:] = [worker for worker in workers if worker.is_alive()]


def _stop(workers: list[BaseProcess]) -> None:
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join(STOP_SECONDS)
        if worker.is_alive():
            worker.kill()
            worker.join()


def _work(
    settings: WorkerSettings,
    link: WorkerLink,
    others: list[WorkerLink],
    control: Connection | None,
    host_pid: int | None = None,
    tied: bool = False,
) -> None:
    """A worker: tasks in, outcomes out, until the parent closes its pipe (or the host dies:
    then at once, on Linux; elsewhere when the host stopped it, or its pipes close)."""
    die_with_parent(host_pid, arm=tied)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The siblings' pipe ends and the host's control came with the fork: holding them would
    # keep the parent from seeing a sibling (or the host) die.
    for other in others:
        other.close()
    if control is not None:
        control.close()
    extractor = _loaded if _loaded is not None else _build(settings)
    while True:
        try:
            articles = link.tasks.recv()
        except EOFError:
            return
        try:
            link.results.send(_extract_task(extractor, articles))
        except (BrokenPipeError, ConnectionResetError):
            return


def _extract_task(
    extractor: MultiExtractor, articles: list[Article]
) -> tuple[list[Outcome], dict[str, str]]:
    """Each article's records, or its failure as text (exceptions of any type cannot all
    cross a process boundary; their reason and traceback can)."""
    outcomes: list[Outcome] = []
    for _, found in extract_isolated(extractor, articles):
        if isinstance(found, Exception):
            details = "".join(traceback.format_exception(found))
            outcomes.append(ExtractionFailed(internal_error_reason(found), details))
        else:
            outcomes.append(found)
    # The task's languages only: the host may have preloaded one no article turned out in.
    languages = {article.language for article in articles}
    pipelines = {lang: name for lang, name in extractor.pipelines().items() if lang in languages}
    return outcomes, pipelines
