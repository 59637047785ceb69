"""How a child process of a run dies with its parent, so that a kill -9 of `ingest` leaves
nothing running.

On Linux a child asks the kernel, first thing, to SIGKILL it when its parent dies
(`die_with_parent`). Elsewhere (or when the parent started it from a thread that may end
before the run) a host polls its parent while it loads (`orphan_watch`), and the pipes to it
do the rest. The cluster host cannot run code first thing in the Dask worker processes it
forks, so it has every fork it makes arm the signal (`forks_die_with_this_process`).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# How often a host that the kernel will not kill with its parent checks that it has one.
ORPHAN_POLL_SECONDS = 0.1
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>

# The process that made the fork being made, as the child sees it (set just before a fork).
_forked_by: list[int] = [0]
_tied_forks: set[int] = set()


def die_with_parent(parent_pid: int | None, *, arm: bool = True) -> bool:
    """Have the kernel SIGKILL this process when its parent dies (Linux); True if it will.

    Called first thing in a child. The kernel sends the signal when the *thread* that started
    this process ends, so `arm` is False unless that thread lasts as long as the run (the
    main thread does). If the parent died before this call, no signal will come: getppid()
    then names another process (init or a subreaper), and this one exits now.
    """
    if parent_pid is None:  # a start method whose child is not ours (forkserver)
        return False
    armed = False
    if arm and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            # prctl is variadic and reads unsigned longs: passed as such, not as C ints.
            args = (ctypes.c_ulong(signal.SIGKILL), *(ctypes.c_ulong(0) for _ in range(3)))
            armed = libc.prctl(PR_SET_PDEATHSIG, *args) == 0
        except (OSError, AttributeError):  # no libc to load, or no prctl in it
            armed = False
    if os.getppid() != parent_pid:
        os._exit(1)
    return armed


@contextmanager
def orphan_watch(parent_pid: int | None, armed: bool) -> Iterator[None]:
    """While the block runs, exit as soon as the parent is gone, if the kernel will not
    kill this process then. For the host's load (seconds), when it does not read `control`."""
    if armed or parent_pid is None:
        yield
        return
    done = threading.Event()

    def watch() -> None:
        while not done.wait(ORPHAN_POLL_SECONDS):
            if os.getppid() != parent_pid:
                os._exit(1)

    # Stopped before the host forks its workers: a fork copies only the forking thread.
    watcher = threading.Thread(target=watch, name="coopextract-orphan-watch", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def forks_die_with_this_process() -> None:
    """Have every child this process forks from now on die with it (on Linux), as if each
    called `die_with_parent` first thing.

    For the cluster host, whose Dask worker processes watch a pipe to the host instead: a
    worker forked while a sibling's pipe was open holds a copy of that pipe's write end, so
    two siblings forked together can keep each other alive for good once the host is killed.
    The kernel's signal follows the forking thread, which is Dask's per-process watch thread
    (it lasts as long as the worker). Children of those children are left as they are.
    """
    owner = os.getpid()
    if owner in _tied_forks:
        return
    _tied_forks.add(owner)

    def before() -> None:
        _forked_by[0] = os.getpid()

    def after_in_child() -> None:
        if _forked_by[0] == owner:
            _forked_by[0] = 0
            die_with_parent(owner)

    os.register_at_fork(before=before, after_in_child=after_in_child)
