"""Writing and reading record files: JSON Lines, deterministic, replaced atomically.

The same records always give the same bytes (one `model_dump_json()` a line, in a fixed order),
so two runs can be compared with `cmp` and a file under version control only changes when a
record does. A file is written next to its target and renamed over it, so a reader never sees
half a file and a failed run leaves the previous output in place.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from coopextract.errors import InputError, OutputError
from coopextract.models import Agreement


def _sort_key(record: Agreement, line: str) -> tuple[str, int, str, str]:
    # The line itself breaks the last ties, so the order never depends on the input order.
    return (record.article.path, record.evidence[0].start, record.id, line)


def write_records(records: Iterable[Agreement], path: Path) -> int:
    """Write records as JSON Lines sorted by (article path, first evidence offset, id).

    Replaces `path` atomically, creating its folder if needed; returns the number written.
    Raises OutputError when the folder or file cannot be written.
    """
    lines = sorted(((r, r.model_dump_json() + "\n") for r in records), key=lambda p: _sort_key(*p))
    write_atomic(path, "".join(line for _, line in lines).encode("utf-8"))
    return len(lines)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data`: write a temporary file beside it, fsync, rename over it."""
    folder = path.parent
    # A name of our own (not tempfile's) so that os.open applies the umask: the file gets the
    # usual permissions instead of tempfile's 0600. The leading dot keeps it out of listings.
    tmp = folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        _fsync_folder(folder)
    except OSError as err:
        raise OutputError(
            f"cannot write {path.name} in {folder} ({err.strerror or err}); "
            "choose a writable output folder or free some space"
        ) from err


def _fsync_folder(folder: Path) -> None:
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
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) else "not UTF-8 text"
        raise InputError(f"{path} cannot be read ({reason}); pass a records file") from err
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            records.append(Agreement.model_validate_json(line))
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "line"
            raise InputError(
                f"{path}:{number}: not a valid record ({where}: {first['msg']}); "
                "fix or remove the line"
            ) from err
    return records
