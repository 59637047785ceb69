"""The run journal: one durable line per extracted article, so that a killed run loses nothing.

`OUTPUT_DIR/.coopextract-journal.jsonl` holds one JSON object a line:

    {"path": "a.txt", "sha256": "…", "fingerprint": "…", "records": [{…record…}, …]}

(plus `"item"` for an article inside a multi-article file). A line is a fact that does not
depend on the run that wrote it: the article with this key and content, extracted by the
pipeline with this fingerprint, gives these records. Facts can therefore be replayed by any
later run as a cache, whatever happened to that earlier run. Each line is written with one
`write` (unbuffered) and fsynced before the next article is taken, so a crash can only tear
the last line; replaying drops a torn or otherwise unreadable line and everything after it,
and cuts the file back to the good part before appending to it again. A write that fails (a
full disk) cuts its own partial line off at once when it can, and raises OutputError: the
lines before it are kept, and the next run goes on from them.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from coopextract.errors import OutputError
from coopextract.models import Agreement
from coopextract.run.results import JOURNAL_FILE
from coopextract.writing import JOURNAL_KEPT, cannot_write, fsync_folder, write_all

# An article's key in an output folder: its path under SOURCE and, for a file that holds
# several articles, the item naming one of them (None for a plain article file).
ArticleKey = tuple[str, str | None]


def key_fields(key: ArticleKey) -> dict[str, str]:
    """The key as JSON fields: `path`, and `item` only when there is one."""
    path, item = key
    return {"path": path} if item is None else {"path": path, "item": item}


def key_order(key: ArticleKey) -> tuple[str, bool, str]:
    """Sort key: by path, a whole file before its items."""
    path, item = key
    return (path, item is not None, item or "")


def record_key(record: Agreement) -> ArticleKey:
    """The key of the article a record was extracted from."""
    return (record.article.path, record.article.item)


@dataclass(frozen=True)
class Entry:
    """One extracted article: its key, content hash, pipeline fingerprint and records."""

    key: ArticleKey
    sha256: str
    fingerprint: str
    records: tuple[Agreement, ...]

    def to_line(self) -> bytes:
        data = {
            **key_fields(self.key),
            "sha256": self.sha256,
            "fingerprint": self.fingerprint,
            "records": [r.model_dump(mode="json") for r in self.records],
        }
        return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")

    @classmethod
    def from_line(cls, line: bytes) -> Entry:
        """Raises ValueError for anything but a complete, valid entry."""
        data: Any = json.loads(line)  # ValueError, UnicodeDecodeError included
        try:
            path, item = data["path"], data.get("item")
            sha256, fingerprint = data["sha256"], data["fingerprint"]
            records = tuple(Agreement.model_validate(r) for r in data["records"])
        except (TypeError, KeyError, AttributeError, ValidationError) as err:
            raise ValueError(f"not a journal entry ({err})") from None
        if not all(isinstance(v, str) for v in (path, sha256, fingerprint)):
            raise ValueError("not a journal entry")
        if item is not None and not isinstance(item, str):
            raise ValueError("not a journal entry")
        return cls((path, item), sha256, fingerprint, records)


class Journal:
    """The journal of one output folder; use it only while holding the folder's lock."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / JOURNAL_FILE
        # Opened on the first append: a run that extracts nothing writes no journal.
        self._fd: int | None = None
        self._size = 0  # bytes of whole lines in the file

    def replay(self) -> list[Entry]:
        """The entries a killed run left, in order; cuts off a torn or invalid tail."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as err:
            raise self._error(err) from err
        entries: list[Entry] = []
        good = 0  # bytes of whole, valid lines
        for line in data.splitlines(keepends=True):
            if not line.endswith(b"\n"):
                break
            try:
                entries.append(Entry.from_line(line))
            except ValueError:
                break
            good += len(line)
        if good < len(data):
            try:
                os.truncate(self.path, good)
            except OSError as err:
                raise self._error(err) from err
        return entries

    def append(self, entry: Entry) -> None:
        """Add one entry durably: it is on disk when this returns. Raises OutputError."""
        line = entry.to_line()
        try:
            if self._fd is None:
                existed = self.path.exists()
                self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
                self._size = os.fstat(self._fd).st_size  # replayed: whole lines only
                if not existed:
                    fsync_folder(self.path.parent)
            write_all(self._fd, line)
            os.fsync(self._fd)
        except OSError as err:
            self._cut()
            raise self._error(err) from err
        self._size += len(line)

    def _cut(self) -> None:
        """Take back the part of a line a failed write left. Truncating frees space, so this
        works on a full disk; if it fails all the same, the next run's replay cuts it off."""
        if self._fd is not None:
            with suppress(OSError):
                os.ftruncate(self._fd, self._size)

    def close(self) -> None:
        # Nothing is buffered and every line is fsynced: closing cannot lose anything, so it
        # never raises (it runs in `finally` blocks, where an error would hide the first one).
        fd, self._fd = self._fd, None
        if fd is not None:
            with suppress(OSError):
                os.close(fd)

    def remove(self) -> None:
        """Delete the journal: called only once its facts are in the committed output."""
        self.close()
        try:
            self.path.unlink(missing_ok=True)
        except OSError as err:
            raise self._error(err) from err
        fsync_folder(self.path.parent)

    def _error(self, err: OSError) -> OutputError:
        return cannot_write(self.path, err, JOURNAL_KEPT)
