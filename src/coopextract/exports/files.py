"""Writing a format's files: never under a name an output folder owns, each replaced atomically."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from coopextract.run.results import refuse_owned
from coopextract.writing import write_atomic


def write_files(paths: list[Path], contents: Callable[[], Iterable[bytes]]) -> list[Path]:
    """Write `contents()`, one bytes a path, to `paths`; return the paths, the main one first.

    The names are checked (OwnedFileError) before `contents` is called, so a refused name
    costs no formatting; each file is replaced atomically (OutputError)."""
    refuse_owned(*paths)
    for path, data in zip(paths, contents(), strict=True):
        write_atomic(path, data)
    return paths


def beside(path: Path, part: str, suffix: str) -> Path:
    """The file of a format's PART beside PATH (agreements.csv, ledger: agreements-ledger.csv),
    with `suffix` when PATH has none."""
    return path.with_name(f"{path.stem}-{part}{path.suffix or suffix}")
