"""Writing and reading record files: JSON Lines, deterministic, replaced atomically.

The same records always give the same bytes (one `model_dump_json()` a line, in a fixed order),
so two runs can be compared with `cmp` and a file under version control only changes when a
record does. A file is written next to its target and renamed over it, so a reader never sees
half a file and a failed run leaves the previous output in place; the temporary file a killed
process leaves behind is only ever deleted (`remove_stale_temporaries`), never read.
"""

from __future__ import annotations

import errno
import glob
import os
import secrets
from collections.abc import Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import AnyStr, TypeVar

from pydantic import BaseModel, ValidationError

from coopextract.errors import InputError, OutputError
from coopextract.models import Agreement

M = TypeVar("M", bound=BaseModel)

_TMP_SUFFIX = ".tmp"


def _item_order(item: str | None) -> tuple[str, int, str]:
    """Items of one JSON file in their natural order: "line:2" before "line:10"."""
    if item is None:
        return ("", -1, "")
    kind, _, rest = item.partition(":")
    return (kind, int(rest), "") if rest.isdigit() else (kind, -1, rest)


def _sort_key(record: Agreement, line: str) -> tuple:
    # The line itself breaks the last ties, so the order never depends on the input order.
    article = record.article
    return (article.path, _item_order(article.item), record.evidence[0].start, record.id, line)


def write_records(records: Iterable[Agreement], path: Path) -> int:
    """Write records as JSON Lines sorted by (article path, item, first evidence offset, id).

    Replaces `path` atomically, creating its folder if needed; returns the number written.
    Raises OutputError when the folder or file cannot be written.
    """
    data, count = format_records(records)
    write_atomic(path, data)
    return count


def format_records(records: Iterable[Agreement]) -> tuple[bytes, int]:
    """The bytes `write_records` writes for these records, and how many records they hold."""
    lines = sorted(((r, r.model_dump_json() + "\n") for r in records), key=lambda p: _sort_key(*p))
    return "".join(line for _, line in lines).encode("utf-8"), len(lines)


def write_atomic(path: Path, data: bytes, *, kept: str = "") -> None:
    """Replace `path` with `data`: write a temporary file beside it, fsync, rename over it.

    Raises OutputError (see `cannot_write`, which `kept` is passed to); `path` is then as it
    was, and no temporary file is left unless even deleting it failed.
    """
    folder = path.parent
    # A name of our own (not tempfile's) so that os.open applies the umask: the file gets the
    # usual permissions instead of tempfile's 0600. The leading dot keeps it out of listings.
    tmp = folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{_TMP_SUFFIX}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            try:
                write_all(fd, data)
                os.fsync(fd)
            finally:
                _close_quietly(fd)
            os.replace(tmp, path)
        except BaseException:
            # On a full or failing disk this may fail too: the next run deletes the file
            # (`remove_stale_temporaries`), and the error to report is the first one.
            with suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise
        fsync_folder(folder)
    except OSError as err:
        raise cannot_write(path, err, kept) from err


def write_all(fd: int, data: bytes) -> None:
    """Write all of `data` to the file descriptor: unbuffered, so that a failure is raised
    here, once, and not again by a later flush or close."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _close_quietly(fd: int) -> None:
    # Nothing is buffered (`write_all`), and the data is fsynced or the write already failed:
    # a failing close adds nothing to report.
    with suppress(OSError):
        os.close(fd)


# What a run's error while writing its output folder ends with (see `cannot_write`): the
# journal keeps every article whose line was written whole; the next run cuts off a torn one.
JOURNAL_KEPT = ": the articles extracted so far are kept in the journal"


def cannot_write(path: Path, err: OSError, kept: str = "") -> OutputError:
    """The OutputError for an OSError while writing `path`: one sentence naming the file and
    what to do; `kept` (such as JOURNAL_KEPT) follows "run the same command again"."""
    folder = path.parent
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        todo = f"free some space on {mount_point(folder)}"
    elif err.errno == errno.EROFS:
        todo = f"remount {mount_point(folder)} read-write"
    elif err.errno in (errno.EACCES, errno.EPERM):
        todo = f"make {folder} writable"
    elif err.errno == errno.EIO:
        todo = f"check the disk that holds {folder}"
    else:
        todo = f"make {folder} a writable folder"
    reason = err.strerror or str(err)
    return OutputError(
        f"cannot write {path} ({reason}); {todo} and run the same command again{kept}"
    )


def mount_point(folder: Path) -> Path:
    """Where the file system holding `folder` is mounted: what a user frees space on.
    `folder` itself when that cannot be found out."""
    try:
        here = folder.resolve()
        device = here.stat().st_dev
        while here.parent != here and here.parent.stat().st_dev == device:
            here = here.parent
    except OSError:
        return folder
    return here


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Delete the temporary files a killed `write_atomic(path, ...)` left beside `path`.

    Only safe while no other process writes `path` (the caller holds the folder's lock).
    Returns the files removed.
    """
    removed = []
    try:
        candidates = list(path.parent.glob(f".{glob.escape(path.name)}.*{_TMP_SUFFIX}"))
    except OSError:
        return removed
    for tmp in candidates:
        try:
            tmp.unlink()
        except OSError:
            continue  # left for the next run; it is never read
        removed.append(tmp)
    return removed


def fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable. Best effort: folders cannot be opened on Windows and
    # some file systems refuse to fsync one, and by now the new file is in place anyway.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_records(path: Path) -> list[Agreement]:
    """Read and validate a JSON Lines file of records; blank lines are ignored.

    Raises InputError naming the file and line of the first invalid record.
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path} cannot be read ({err.strerror}); pass a records file") from err
    return parse_records(data, path)


def parse_records(data: bytes, path: Path, advice: str | None = None) -> list[Agreement]:
    """The records in the bytes of a JSON Lines file; `path` only names it in errors.

    Raises InputError naming the file and line of the first invalid record, ending with
    `advice` when given (what the user should do) instead of the usual one.
    """
    return parse_models(data, path, Agreement, "record", advice)


def parse_models(
    data: bytes, path: Path, model: type[M], what: str, advice: str | None = None
) -> list[M]:
    """The `model` objects (each a `what`) in the bytes of a JSON Lines file, as
    `parse_records` reads records."""
    try:
        lines = data.decode("utf-8").split("\n")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path} cannot be read (not UTF-8 text); {advice or f'pass a {what}s file'}"
        ) from err
    found = []
    for number, line in numbered_lines(lines):
        try:
            found.append(model.model_validate_json(line))
        except ValidationError as err:
            raise InputError(
                f"{path}:{number}: not a valid {what} ({first_problem(err)}); "
                f"{advice or 'fix or remove the line'}"
            ) from err
    return found


def numbered_lines(lines: list[AnyStr]) -> Iterator[tuple[int, AnyStr]]:
    """The lines of a JSON Lines file that hold something, with their numbers from 1."""
    return ((number, line) for number, line in enumerate(lines, 1) if line.strip())


def first_problem(err: ValidationError) -> str:
    """The first thing wrong with a JSON line, as a reader fixes it: "field: message"."""
    first = err.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "line"
    return f"{where}: {first['msg']}"
