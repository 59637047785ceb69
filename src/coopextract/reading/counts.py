"""How many articles (or skipped files) reading some files will give, counted without reading
them as articles: the total of `coopextract ingest`'s progress bar, and so its ETA.

A text file or web page is one. A `.jsonl` file is one per non-blank line, a `.json` file one
per object of its list: the lines and objects are counted, not checked, so a file the reader
refuses whole (not articles at all, a line of it too long) may be counted a few steps over.
Counting reads the JSON files' bytes once more, which costs far less than extracting them.
"""

from __future__ import annotations

from pathlib import Path

from coopextract.reading.decoding import decode
from coopextract.reading.json_articles import loads
from coopextract.reading.regular_files import NotReadable, open_regular, read_limited

# A .jsonl file is read this much at a time: a line longer than that is still one.
_CHUNK = 1 << 20


def expected_items(files: list[tuple[Path, str]], max_bytes: int) -> int:
    """How many articles and skipped files reading FILES (as (file, reported path)) gives."""
    return sum(_items(path, max_bytes) for path, _ in files)


def _items(path: Path, max_bytes: int) -> int:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            return max(1, _jsonl_lines(path))  # an empty file is reported once
        if suffix == ".json":
            return _json_objects(path, max_bytes)
    except (NotReadable, OSError, ValueError):
        pass  # reported once, as the reader will
    return 1


def _jsonl_lines(path: Path) -> int:
    """The lines of a JSON Lines file that hold something, read in bounded pieces."""
    lines = 0
    blank = True  # the line running into the next piece holds only white space so far
    with open_regular(path) as stream:
        while piece := stream.read(_CHUNK):
            *ended, running = piece.split(b"\n")
            for part in ended:
                if not (blank and not part.strip()):
                    lines += 1
                blank = True
            blank = blank and not running.strip()
    return lines + (0 if blank else 1)


def _json_objects(path: Path, max_bytes: int) -> int:
    data = loads(decode(read_limited(path, max_bytes)).text.removeprefix("\ufeff"))
    return len(data) if isinstance(data, list) and data else 1
