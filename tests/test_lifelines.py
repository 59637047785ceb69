"""Children that die with their parent: the kernel's signal, and the forks a host makes."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coopextract.run.lifelines import die_with_parent
from tests.conftest import PROJECT

on_linux = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and Path("/proc/self/stat").exists()),
    reason="the parent-death signal, read from /proc",
)

# Run in a process of its own: a fork hook, once registered, lasts as long as its process.
FORKING_OWNER = """
import ctypes, os, sys, time
from coopextract.run.lifelines import forks_die_with_this_process

libc = ctypes.CDLL(None)

def death_signal() -> int:
    found = ctypes.c_int(0)
    libc.prctl(2, ctypes.byref(found), 0, 0, 0)  # PR_GET_PDEATHSIG
    return found.value

if sys.argv[1] == "tie":
    forks_die_with_this_process()
    forks_die_with_this_process()  # twice is once
reading, writing = os.pipe()
child = os.fork()
if child == 0:
    grandchild = os.fork()
    if grandchild == 0:  # a fork of the child: not the owner's, left as it is
        os.write(writing, f"{death_signal()}\\n".encode())
        time.sleep(60)
        os._exit(0)
    os.write(writing, f"{os.getpid()} {death_signal()} {grandchild}\\n".encode())
    time.sleep(60)
    os._exit(0)
os.close(writing)
told = os.fdopen(reading)
lines = sorted((told.readline().split() for _ in range(2)), key=len, reverse=True)
print(*lines[0], *lines[1], flush=True)  # the child's line, then the grandchild's
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _run_owner(mode: str) -> tuple[subprocess.Popen[str], list[int]]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PROJECT / "src"), str(PROJECT)])}
    owner = subprocess.Popen(
        [sys.executable, "-c", FORKING_OWNER, mode], env=env, stdout=subprocess.PIPE, text=True
    )
    assert owner.stdout is not None
    return owner, [int(word) for word in owner.stdout.readline().split()]


def _killed(owner: subprocess.Popen[str], pids: list[int]) -> list[int]:
    """Kill the owner; the pids still alive once the kernel has had its moment."""
    owner.kill()
    owner.wait()
    deadline = time.monotonic() + 5
    while (alive := [pid for pid in pids if _alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in alive:
        os.kill(pid, 9)
    return alive


@on_linux
def test_the_forks_of_a_tied_process_die_with_it() -> None:
    owner, (first, child_signal, grandchild, grandchild_signal) = _run_owner("tie")
    # The child asked for SIGKILL (9) at its parent's death; the grandchild did not.
    assert (child_signal, grandchild_signal) == (9, 0)
    assert _killed(owner, [first]) == []
    os.kill(grandchild, 9)


@on_linux
def test_the_forks_of_an_untied_process_outlive_it() -> None:
    # What the hook changes: the same script without it leaves its child running.
    owner, (first, child_signal, grandchild, _) = _run_owner("plain")
    assert child_signal == 0
    assert _killed(owner, [first]) == [first]
    os.kill(grandchild, 9)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal")
def test_a_child_whose_parent_is_already_gone_exits_at_once() -> None:
    # The race the check closes: the parent died between the fork and the prctl call, so
    # no signal will come. (1 is not this test's parent: as if it had been reparented.)
    context = multiprocessing.get_context("fork")
    orphan = context.Process(target=die_with_parent, args=(1,))
    orphan.start()
    orphan.join(10)
    assert orphan.exitcode == 1
    child = context.Process(target=die_with_parent, args=(os.getpid(),))
    child.start()
    child.join(10)
    assert child.exitcode == 0
