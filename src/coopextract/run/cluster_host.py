"""The process that loads the pipeline and runs the Dask cluster of `ingest --cluster local:N`.

The driver (`coopextract.run.cluster.ClusterPool`) forks this host as the run starts. The host
builds the extractor and loads the run's likely language while the driver computes the
run's fingerprint and reads the articles, on the core that would otherwise wait for the
load; the driver then sends it the fingerprint, which it checks as a worker would. Then it
starts a LocalCluster of its own: the scheduler and the nannies run in the host's event
loop, not in the driver's (which keeps its core for reading and journaling), and the worker
processes are forked from the host with the pipeline already in memory, shared page by page,
as the workers of `--workers` are. The driver connects to the scheduler's address as to any
cluster.

Messages, pickled over one multiprocessing connection:

- driver -> host: `("fingerprint", fingerprint)` once the driver has computed it.
- host -> driver: `("ready", scheduler address)` once the cluster is up, or
  `("failed", error)`: a CoopExtractError (a fingerprint refusal, a rules error) or a reason.
- the driver closes it when the run is over; the host then stops the cluster and exits.

A kill -9 of the driver must not leave the cluster running: on Linux the kernel kills the
host with its parent, and the worker processes with the host (`coopextract.run.lifelines`);
elsewhere the host polls its parent while it loads and then reads the closed pipe, and Dask's
worker processes notice the host's death through theirs.
"""

from __future__ import annotations

import contextlib
import gc
import signal
from dataclasses import replace
from multiprocessing.connection import Connection
from typing import Any

from coopextract.errors import CoopExtractError
from coopextract.run.cluster_worker import RulesFiles, ShardSettings, preload, warm
from coopextract.run.isolation import internal_error_reason
from coopextract.run.lifelines import (
    die_with_parent,
    forks_die_with_this_process,
    orphan_watch,
)

# A local cluster's settings (its nannies keep them for a worker they restart). Workers
# forked from the host, which has the pipeline loaded: they share its memory and need not
# import spaCy and load the model each, as spawned workers would (seconds each; see
# bench/README.md). The rest are timers of every Dask process's event loop that wake it 160
# times a second: each wake-up takes the GIL from the thread running spaCy, and when every
# core is extracting, what the event loops use is taken from the extraction (1.1 s of CPU
# per worker and 1.1 s for the scheduler's loop on 600 articles; 0.1 and 0.3 s with these).
# The statistical profiler (every 10 ms) fills only the dashboard's profile page; the loop's
# health check (20 ms) and the memory monitor (100 ms, which still restarts a worker near
# its memory limit) need not be that fine for a run of minutes.
LOCAL_CONFIG: dict[str, Any] = {
    "distributed.worker.multiprocessing-method": "fork",
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def serve(
    workers: int,
    settings: ShardSettings,
    rules: RulesFiles | None,
    preload_languages: tuple[str, ...],
    control: Connection,
    driver_end: Connection | None,
    parent_pid: int | None = None,
    tied: bool = False,
) -> None:
    """The host's life: load, check the run's fingerprint, start the cluster, say where it
    is, wait, stop it.

    The pipeline is loaded before the driver has computed the run's fingerprint (which
    `settings` need not carry yet); it comes on `control`, and is checked before the workers
    are forked, which inherit the check. `driver_end` is the driver's end of `control`,
    which a forked host holds a copy of; `parent_pid` and `tied` as for `worker_host.serve`.
    """
    armed = die_with_parent(parent_pid, arm=tied)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the driver handles Ctrl-C, once
    if driver_end is not None:
        driver_end.close()  # or this process would never read the driver's close
    cluster = None
    try:
        try:
            with orphan_watch(parent_pid, armed):
                preload(settings, rules, preload_languages)
            kind, fingerprint = control.recv()
            assert kind == "fingerprint"
            warm(replace(settings, fingerprint=fingerprint), rules, ())
            import dask
            import distributed

            # Objects that survive to the fork would otherwise be scanned, and their pages
            # copied, by each worker's garbage collector (as `worker_host` does).
            gc.freeze()
            forks_die_with_this_process()

            # Processes of one thread each: spaCy holds the GIL for most of its work.
            with dask.config.set(LOCAL_CONFIG):
                cluster = distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True
                )
        except EOFError:
            return  # the run ended (or failed) before it needed the cluster
        except CoopExtractError as err:
            control.send(("failed", err))
            return
        except Exception as err:
            control.send(("failed", internal_error_reason(err)))
            return
        control.send(("ready", cluster.scheduler_address))
        with contextlib.suppress(EOFError):
            control.recv()  # nothing more comes: EOF when the run is over or the driver died
    except OSError:
        return  # the driver closed `control` while the host spoke: the run is over
    finally:
        if cluster is not None:
            cluster.close()
