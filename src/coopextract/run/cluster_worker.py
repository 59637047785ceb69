"""What a Dask worker runs for `ingest --cluster`: one shard of articles in, outcomes out.

The driver (`coopextract.run.cluster`) sends each shard with what the worker needs to build
the same extractor as a local run: the model names, the fast-path switch, the run's
fingerprint, and the rules. A `--rules` folder travels as data (its files, sent to each
worker once); the shipped rules do not travel: they are part of the installed package,
which the fingerprint covers. Each worker process builds its extractor once per run's
settings and keeps it for every later shard (the model loads in seconds; a shard is seconds).

Before its first shard, a worker computes the fingerprint of what it has installed
(coopextract's code, the libraries, the model's version) and of the rules it was given, and
refuses the shard when it differs from the driver's: a worker with another version would
otherwise add records the driver's own run would not make, under the driver's fingerprint.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from coopextract.errors import CoopExtractError
from coopextract.reading.articles import Article
from coopextract.run.fingerprint import languages_fingerprint
from coopextract.run.worker_host import Outcome, _extract_task

if TYPE_CHECKING:
    from coopextract.run.extract import MultiExtractor


class FingerprintRefused(CoopExtractError):
    """A worker's installed coopextract, model or rules give another fingerprint than the
    driver's: it refuses the shard rather than mix records of two pipelines."""

    def __init__(self, worker: str, theirs: str, ours: str) -> None:
        super().__init__(
            f"the cluster worker {worker} refused the work: its pipeline fingerprint is "
            f"{theirs}, not the run's {ours} (another coopextract, model or rules is "
            "installed there); install the same coopextract and model on every worker"
        )
        self.worker = worker
        self.theirs = theirs
        self.ours = ours

    def __reduce__(self) -> tuple[type[FingerprintRefused], tuple[str, str, str]]:
        return (FingerprintRefused, (self.worker, self.theirs, self.ours))


@dataclass(frozen=True)
class RulesFiles:
    """A rules folder as data: each file's bytes by its path relative to the folder."""

    files: tuple[tuple[str, bytes], ...]

    @classmethod
    def read(cls, folder: Path) -> RulesFiles:
        files = sorted(
            (path.relative_to(folder).as_posix(), path.read_bytes())
            for path in folder.rglob("*")
            if path.is_file() and not any(part.startswith(".") for part in path.parts)
        )
        return cls(tuple(files))

    @property
    def digest(self) -> str:
        digest = hashlib.sha256()
        for name, data in self.files:
            digest.update(f"{name}\0{len(data)}\0".encode())
            digest.update(data)
        return digest.hexdigest()[:16]

    def written(self) -> Path:
        """The folder holding these files on this machine (written once, by content)."""
        folder = Path(tempfile.gettempdir()) / f"coopextract-rules-{self.digest}"
        if folder.is_dir():
            return folder
        # Written beside, then renamed: a process reading it never sees half a folder.
        partial = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
        for name, data in self.files:
            path = partial / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        try:
            partial.rename(folder)
        except OSError:  # another process wrote it first
            _remove(partial)
        return folder


@dataclass(frozen=True)
class ShardSettings:
    """What every shard of a run carries besides its articles (small: the rules are apart)."""

    models: tuple[tuple[str, str], ...]
    fast_path: bool
    batch_size: int
    fingerprint: str  # the driver's: the worker's must be the same


# This process's extractors, by what they were built from: the settings but the fingerprint,
# and the rules' digest. A local cluster's host builds one before it knows the fingerprint.
_extractors: dict[tuple[ShardSettings, str | None], MultiExtractor] = {}
# The settings and rules whose fingerprint this process has checked.
_checked: set[tuple[ShardSettings, str | None]] = set()
_building = threading.Lock()


def extract_shard(
    articles: list[Article], settings: ShardSettings, rules: RulesFiles | None
) -> tuple[list[Outcome], dict[str, str]]:
    """Each article's records or failure, in order, and the pipelines used (by language)."""
    return _extract_task(_extractor(settings, rules), articles)


def warm(settings: ShardSettings, rules: RulesFiles | None, languages: tuple[str, ...]) -> int:
    """Check the fingerprint and load these languages' pipelines now, before the first shard
    (the driver reads SOURCE meanwhile); returns this process's id."""
    _extractor(settings, rules)
    preload(settings, rules, languages)
    return os.getpid()


def preload(settings: ShardSettings, rules: RulesFiles | None, languages: tuple[str, ...]) -> None:
    """Build the extractor of these settings and load these languages' pipelines, without
    checking the fingerprint (`settings.fingerprint` is ignored): a shard checks it."""
    extractor = _built(settings, rules)
    for language in languages:
        if language in extractor.languages:
            extractor.for_language(language)


def _extractor(settings: ShardSettings, rules: RulesFiles | None) -> MultiExtractor:
    """The extractor of these settings, once this process's fingerprint is the driver's."""
    key = (settings, rules.digest if rules is not None else None)
    with _building:
        if key not in _checked:
            rules_dir = rules.written() if rules is not None else None
            theirs = languages_fingerprint(rules_dir, dict(settings.models))
            if theirs != settings.fingerprint:
                raise FingerprintRefused(_worker_name(), theirs, settings.fingerprint)
            _checked.add(key)
    return _built(settings, rules)


def _built(settings: ShardSettings, rules: RulesFiles | None) -> MultiExtractor:
    key = (replace(settings, fingerprint=""), rules.digest if rules is not None else None)
    with _building:
        if key not in _extractors:
            from coopextract.run.extract import MultiExtractor

            rules_dir = rules.written() if rules is not None else None
            _extractors[key] = MultiExtractor(
                rules_dir, dict(settings.models), settings.batch_size, fast_path=settings.fast_path
            )
        return _extractors[key]


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return f"{get_worker().address} (pid {os.getpid()})"
    except (ImportError, ValueError):
        return f"pid {os.getpid()}"


def _remove(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    folder.rmdir()
