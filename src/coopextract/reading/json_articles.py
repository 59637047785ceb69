"""Articles as JSON records: `.jsonl` (one object a line) and `.json` (an object or a list).

Each article is an object `{"text", "title"?, "published"?, "language"?, "id"?, "url"?,
"outlet"?, "author"?}`; other keys are left alone (exports carry their own). `text` is the
article, and offsets in its records refer to that string as JSON decodes it. `published` is
`2021`, `2021-03`, `2021-03-09` or an ISO date-time (`2021-03-09T10:15:00+01:00`: its
calendar date as written, not converted to UTC).

`url`, `outlet` and `author` say where the article comes from, and reach its records' `article`
so that an agreement can be cited. Without `outlet`, a `source` names the outlet: a string, or
an object with a `name` (NewsAPI's `{"id": …, "name": "Le Monde"}`); a `source` of another
shape means something else and is left alone. `author` is a string or a list of strings (joined
by "; ").

An object is named by an item label: `id:<id>` when it has an `id`, else `line:<n>` (from 1)
in a `.jsonl` file or `index:<n>` (from 0) in a `.json` list; the one object of a `.json`
file has none. A `.jsonl` file is read a line at a time, so its size is not limited, only
that of each line. A line or object that is not a usable article is reported with its item
and the reason, and the others are read. A file whose first object has no `text` at all (a
gold file, an export of something else) is reported once, as not a file of articles.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, BinaryIO

from coopextract.models import DateValue
from coopextract.reading.safe_text import without_surrogates

KEYS = "{text, title?, published?, language?, id?, url?, outlet?, author?}"
AUTHOR_SEPARATOR = "; "
# How much of an over-long line is read at a time while skipping it.
_CHUNK = 1 << 20
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")


@dataclass(frozen=True)
class Entry:
    """One article object, checked."""

    item: str | None
    text: str
    title: str | None
    published: DateValue | None
    url: str | None
    language: str | None
    outlet: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class BadEntry:
    """A line or object that is no usable article, or (item None) a whole file that is not."""

    item: str | None
    reason: str


def iter_jsonl(stream: BinaryIO, max_bytes: int) -> Iterator[Entry | BadEntry]:
    """The articles of a JSON Lines file open for reading, a line at a time; blank lines are
    left out.

    Lines are UTF-8 (a BOM before the first is allowed). Whatever a line holds, it costs that
    line only and the next one is read; a read error ends the file with a BadEntry.
    """
    number = 0
    first = True  # no object read yet
    seen_bad = False
    try:
        while line := stream.readline(max_bytes + 1):
            number += 1
            where = f"line {number}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                    pass
                seen_bad = True
                yield BadEntry(
                    f"line:{number}",
                    f"{where}: too large (over {max_bytes:,} bytes); split the article "
                    "or raise the limit (--max-size)",
                )
                continue
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            obj = _parse_line(line, where)
            if isinstance(obj, BadEntry):
                seen_bad = True
                yield BadEntry(f"line:{number}", obj.reason)
                continue
            if obj is _BLANK:
                continue
            if first and isinstance(obj, dict) and "text" not in obj:
                yield _not_articles(where)
                return
            first = False
            yield entry(obj, f"line:{number}", where)
    except OSError as err:
        yield BadEntry(None, f"cannot be read after line {number} ({err.strerror or err})")
        return
    if first and not seen_bad:
        yield BadEntry(None, "empty file (no JSON line)")


_BLANK = object()


def _parse_line(line: bytes, where: str) -> object:
    """One line's JSON value, _BLANK for a blank line, or a BadEntry saying what is wrong."""
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as err:
        return BadEntry(
            None,
            f"{where}: not UTF-8 (byte 0x{line[err.start]:02x} at column {err.start + 1}); "
            "JSON Lines files are UTF-8",
        )
    if not decoded.strip():
        return _BLANK
    try:
        return loads(decoded)
    except json.JSONDecodeError as err:
        reason = f"not valid JSON ({err.msg} at column {err.colno})"
    except ValueError as err:
        reason = str(err)
    return BadEntry(None, f"{where}: {reason}; fix or remove the line")


def loads(text: str) -> object:
    """`json.loads`, with each way it can fail as one ValueError saying why.

    Valid JSON can still not be read: nesting deeper than the interpreter's recursion limit
    raises RecursionError, and an integer of more than 4,300 digits a ValueError from `int`
    (CVE-2020-10735); both become a ValueError, malformed JSON stays a JSONDecodeError.
    Strings in objects come back without unpaired surrogates (`safe_text`).
    """
    try:
        return json.loads(text, object_hook=_safe_object)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise ValueError("nested too deeply to be read (an article is a flat object)") from None
    except ValueError as err:  # int() past sys.get_int_max_str_digits()
        raise ValueError(f"not read as JSON ({err})") from None


def _safe_object(obj: dict[str, Any]) -> dict[str, Any]:
    return {
        without_surrogates(k): without_surrogates(v) if isinstance(v, str) else v
        for k, v in obj.items()
    }


def iter_json(text: str) -> Iterator[Entry | BadEntry]:
    """The articles of a `.json` file's text: one object, or a list of them."""
    try:
        data = loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as err:
        yield BadEntry(None, f"not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})")
        return
    except ValueError as err:
        yield BadEntry(None, str(err))
        return
    if isinstance(data, dict):
        if "text" not in data:
            yield _not_articles("the object")
            return
        yield entry(data, _id_item(data), "the object")
        return
    if not isinstance(data, list):
        yield BadEntry(None, f"holds neither an article object nor a list of them; {KEYS}")
        return
    if not data:
        yield BadEntry(None, "an empty list: no article")
        return
    for index, obj in enumerate(data):
        if index == 0 and isinstance(obj, dict) and "text" not in obj:
            yield _not_articles("item 0")
            return
        yield entry(obj, f"index:{index}", f"item {index}")


def _not_articles(where: str) -> BadEntry:
    return BadEntry(None, f"not a file of articles: {where} has no 'text'; articles are {KEYS}")


def _id_item(obj: dict[str, Any]) -> str | None:
    ident = obj.get("id")
    if isinstance(ident, str | int) and not isinstance(ident, bool) and str(ident) != "":
        return f"id:{ident}"
    return None


def entry(obj: object, position: str | None, where: str) -> Entry | BadEntry:
    """Check one object; `position` is its item label without an id, `where` for messages."""
    if not isinstance(obj, dict):
        return BadEntry(position, f"{where}: not a JSON object; articles are {KEYS}")
    item = _id_item(obj) or position
    if item != position:
        where = f"{where} ({item})"
    problem = _problem(obj)
    if problem:
        return BadEntry(item, f"{where}: {problem}")
    try:
        published = parse_published(obj.get("published"))
    except ValueError as err:
        return BadEntry(item, f"{where}: {err}")
    return Entry(
        item=item,
        text=obj["text"],
        title=_stripped(obj.get("title")),
        published=published,
        url=_stripped(obj.get("url")),
        language=_stripped(obj.get("language")),
        outlet=_outlet(obj),
        author=_author(obj.get("author")),
    )


def _stripped(value: object) -> str | None:
    """A string field's value without surrounding space; None for null, absent or blank."""
    return (value.strip() or None) if isinstance(value, str) else None


def _outlet(obj: dict[str, Any]) -> str | None:
    if obj.get("outlet") is not None:
        return _stripped(obj["outlet"])
    source = obj.get("source")
    if isinstance(source, dict):
        source = source.get("name")
    return _stripped(source)


def _author(value: object) -> str | None:
    if isinstance(value, list):
        names = [name for name in (_stripped(v) for v in value) if name]
        return AUTHOR_SEPARATOR.join(names) or None
    return _stripped(value)


def _problem(obj: dict[str, Any]) -> str | None:
    """What makes an object no usable article, if anything."""
    text = obj.get("text")
    if not isinstance(text, str):
        return f"'text' must be a string, not {type(text).__name__}"
    if not text.strip():
        return "empty 'text' (no text, or whitespace only)"
    for key in ("title", "url", "language", "outlet"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return f"'{key}' must be a string, not {type(obj[key]).__name__}"
    author = obj.get("author")
    if author is not None and not (
        isinstance(author, str)
        or (isinstance(author, list) and all(isinstance(a, str) for a in author))
    ):
        return f"'author' must be a string or a list of strings, not {json.dumps(author)[:60]}"
    ident = obj.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, str | int)):
        return f"'id' must be a string or a number, not {type(ident).__name__}"
    return None


def parse_published(value: object) -> DateValue | None:
    """A `published` value as a date at its precision; None when absent or null."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(
            f"'published' must be a string such as \"2021-03-09\", not {json.dumps(value)}"
        )
    value = value.strip()
    try:
        if _PARTIAL_DATE.match(value):
            precision = "year" if len(value) == 4 else "month"
            return DateValue(value=value, precision=precision)
        if len(value) == 10:
            return DateValue(value=date.fromisoformat(value).isoformat(), precision="day")
        return DateValue(value=datetime.fromisoformat(value).date().isoformat(), precision="day")
    except ValueError:
        raise ValueError(
            f"'published' is not a date: {value!r} (use 2021, 2021-03, 2021-03-09 or an ISO "
            "date-time)"
        ) from None
