"""Opening an article file: regular files only, and never more bytes than the limit.

A name ending in `.txt` says nothing of what is behind it. A named pipe (FIFO) blocks the
reader until some other program writes to it, forever if none does, with the output folder
locked; a link to `/dev/zero` or `/dev/urandom` reports size 0 and never ends. So only regular
files are opened (a link is followed to what it names, and that must be a regular file), and
the size limit counts the bytes actually read, not what `stat` says: a file that grows while
it is read is cut at the limit and refused, not read to the end.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotReadable(Exception):
    """Why a file is not read, as the end of a sentence: `skipped: <reason>`."""


class TooLarge(NotReadable):
    """Over the limit: `size` bytes by `stat`, or (`exact` False) more bytes read than that."""

    def __init__(self, size: int, limit: int, exact: bool = True) -> None:
        shown = f"{size:,} bytes" if exact else f"over {limit:,} bytes read"
        super().__init__(f"too large ({shown}, the limit is {limit:,})")
        self.size = size
        self.limit = limit


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading in binary, if it is a regular file; NotReadable otherwise.

    The type is checked before opening, since opening some devices acts on them, and again on
    the open descriptor, in case the name was replaced in between. O_NONBLOCK keeps the open
    itself from waiting on a FIFO swapped in at that moment; it changes nothing for a regular
    file.
    """
    try:
        kind = _kind(os.stat(path).st_mode)
        if kind is None:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
            kind = _kind(os.fstat(fd).st_mode)
            if kind is None:
                return os.fdopen(fd, "rb")
            os.close(fd)
    except OSError as err:
        raise NotReadable(f"cannot be read ({err.strerror or err})") from None
    raise NotReadable(f"{kind}, not a regular file; only regular files are read")


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; TooLarge past it, NotReadable
    when it is no regular file or cannot be read."""
    with open_regular(path) as stream:
        try:
            size = os.fstat(stream.fileno()).st_size
            if size > limit:
                raise TooLarge(size, limit)
            data = _read_upto(stream, limit + 1, size)
        except OSError as err:
            raise NotReadable(f"cannot be read ({err.strerror or err})") from None
    if len(data) > limit:
        raise TooLarge(len(data), limit, exact=False)
    return data


_CHUNK = 1 << 20


def _read_upto(stream: BinaryIO, most: int, expected: int) -> bytes:
    """At most `most` bytes, to the end of the file: the size `stat` gave in one read, then
    in chunks (a limit may be huge, and a file longer than it said)."""
    parts = [stream.read(min(expected + 1, most))]
    got = len(parts[0])
    while got < most and (part := stream.read(min(_CHUNK, most - got))):
        parts.append(part)
        got += len(part)
    return b"".join(parts)
