"""Reading articles: a folder of `.txt` files (or one file) becomes `Article`s and `Skipped`s.

An article's `text` is the file's bytes decoded as UTF-8 and nothing else: no stripping, no
newline conversion, and a byte order mark, if any, stays as U+FEFF at offset 0. Every offset
in a record refers to that text, so anyone who decodes the file the same plain way (Python's
`open(path, encoding="utf-8", newline="")`, the scorer's `read_text` on LF files, `iconv`, ...)
finds the evidence at the same offsets. Decoding with `utf-8-sig` instead would shift every
offset of a BOM file by one against such readers.

Files that cannot be read as an article are reported as `Skipped` with a reason, never raised,
so one bad file does not stop a run; only a SOURCE that cannot be used at all raises.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from coopextract.errors import InputError
from coopextract.models import ArticleRef, DateValue
from coopextract.published import find_published

SUFFIX = ".txt"
TITLE_MAX_CHARS = 300
_BOM = "\ufeff"


@dataclass(frozen=True)
class Article:
    """One article: its text exactly as decoded from the file, and what is known about it."""

    path: str  # posix, relative to SOURCE when SOURCE is a folder; the file name otherwise
    text: str
    sha256: str  # of the raw bytes, so it identifies the file whatever the decoding
    title: str
    published: DateValue | None
    body_start: int  # offset in `text` where the article body starts (after metadata)
    language: str = "fr"

    def ref(self) -> ArticleRef:
        """The article's part of a record."""
        return ArticleRef(
            path=self.path,
            sha256=self.sha256,
            title=self.title,
            published=self.published,
            language=self.language,
        )


@dataclass(frozen=True)
class Skipped:
    """A file found under SOURCE that was not read as an article, and why."""

    path: str
    reason: str


def article_files(source: Path) -> list[tuple[Path, str]]:
    """The files `iter_articles` reads, as (file, path to report), sorted by reported path.

    Raises InputError when SOURCE does not exist or is a file that is not `.txt`. In a folder,
    files and folders whose name starts with "." are left out: editors and tools keep copies
    and caches there (`.ipynb_checkpoints/`, `.~lock`), which would be read twice.
    """
    if source.is_file():
        if source.suffix.lower() != SUFFIX:
            raise InputError(
                f"{source} is not a .txt file; pass a .txt article or a folder of them"
            )
        return [(source, source.name)]
    if not source.is_dir():
        raise InputError(
            f"{source} does not exist; pass an existing folder of .txt articles or one .txt file"
        )
    found: list[tuple[Path, str]] = []
    # os.walk rather than rglob: it does not follow links to folders (no loops) and lets
    # hidden folders be pruned instead of walked.
    for folder, dirs, files in os.walk(source):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or not name.lower().endswith(SUFFIX):
                continue
            path = Path(folder, name)
            found.append((path, path.relative_to(source).as_posix()))
    found.sort(key=lambda item: item[1])
    return found


def iter_articles(source: Path, max_bytes: int = 5_000_000) -> Iterator[Article | Skipped]:
    """Each `.txt` file under SOURCE (a folder, searched recursively, or one file), in order.

    SOURCE is checked at once (InputError), before the first file is read.
    """
    files = article_files(source)
    return (read_article(path, shown, max_bytes) for path, shown in files)


def read_article(path: Path, shown: str, max_bytes: int = 5_000_000) -> Article | Skipped:
    """Read one file as an article, or say why it cannot be one.

    `shown` is the path reported in the article and its records.
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Skipped(
                shown, f"too large ({size:,} bytes, the limit is {max_bytes:,}); split it"
            )
        raw = path.read_bytes()
    except OSError as err:
        return Skipped(shown, f"cannot be read ({err.strerror or err})")
    try:
        text = decode(raw)
    except ValueError as err:
        return Skipped(shown, str(err))
    if not text.lstrip(_BOM).strip():
        return Skipped(shown, "empty file (no text, or whitespace only)")
    # The BOM is kept in `text` (see the module docstring) but is not part of the body.
    skip = 1 if text.startswith(_BOM) else 0
    published, start = find_published(text[skip:])
    body_start = skip + start
    title = first_line(text[body_start:])
    if not title:
        return Skipped(shown, "no article text after the date metadata")
    return Article(
        path=shown,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=title,
        published=published,
        body_start=body_start,
    )


def decode(raw: bytes) -> str:
    """The text of a file's bytes; ValueError saying why when they are not text.

    The one place that knows encodings, so that others can be added here.
    """
    if b"\x00" in raw:
        raise ValueError("binary file (contains NUL bytes), or UTF-16 text; save it as UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ValueError(
            f"not UTF-8 text (byte 0x{raw[err.start]:02x} at offset {err.start}); save it as UTF-8"
        ) from None


def first_line(text: str) -> str:
    """The first non-empty line, stripped and cut to TITLE_MAX_CHARS."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:TITLE_MAX_CHARS]
    return ""
