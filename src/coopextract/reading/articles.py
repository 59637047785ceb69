"""Reading articles: a folder of article files (or one file) becomes `Article`s and `Skipped`s.

What is read, by suffix (any case):

- `.txt`, `.md`: one article, the file's text in the encoding it was saved in
  (`coopextract.reading.decoding`: UTF-8 with or without BOM, UTF-16, Windows-1252, Latin-1, ...);
- `.html`, `.htm`: one article, the main text of the page (`coopextract.reading.html_pages`);
- `.jsonl`, `.json`: one article per JSON object (`coopextract.reading.json_articles`); all the
  articles of a file share its `path` and are told apart by `item`.

Offsets in records refer to `Article.text`. For a text file that is the file's bytes decoded
and nothing else: no stripping, no newline conversion (CRLF stays), and a byte order mark, if
any, stays as U+FEFF at offset 0, so anyone who decodes the file the same plain way (Python's
`open(path, encoding="utf-8", newline="")` for UTF-8, `encoding="utf-16-le"` for a UTF-16 LE
file with its BOM, the scorer's `read_text` on LF files, `iconv`, ...) finds the evidence at
the same offsets; `Article.encoding` says which decoding that is. For a web page it is the
extracted main text, for a JSON object its `text` string.

Files that cannot be read as an article are reported as `Skipped` with a reason, never raised,
so one bad file does not stop a run; only a SOURCE that cannot be used at all raises. Files of
other suffixes are not read: `scan` lists them, for the run's counts.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from coopextract.errors import InputError, bug_reason
from coopextract.models import ArticleRef, DateValue
from coopextract.reading.boilerplate import without_controls
from coopextract.reading.decoding import decode
from coopextract.reading.html_pages import read_html
from coopextract.reading.json_articles import BadEntry, Entry, iter_json, iter_jsonl
from coopextract.reading.languages import LanguagePolicy, default_policy
from coopextract.reading.published import find_published
from coopextract.reading.regular_files import NotReadable, TooLarge, open_regular, read_limited
from coopextract.reading.safe_text import shown_name

# What each suffix is read as.
READERS = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}
SUFFIXES = tuple(READERS)
# The largest file read, in bytes (for .jsonl, the largest line): past it, not an article but
# a dump or a log, and one such text can hold up a run for long.
MAX_BYTES = 5_000_000
TITLE_MAX_CHARS = 300
_BOM = "\ufeff"
_SUFFIX_LIST = ", ".join(SUFFIXES)


@dataclass(frozen=True)
class Article:
    """One article: its text exactly as read, and what is known about it."""

    path: str  # posix, relative to SOURCE when SOURCE is a folder; the file name otherwise
    text: str
    # Of the raw bytes for a file, so that it identifies the file whatever the decoding; of
    # the object's text, title and date for a JSON article (see `entry_sha256`).
    sha256: str
    title: str
    published: DateValue | None
    body_start: int  # offset in `text` where the article body starts (after metadata)
    language: str = "fr"
    item: str | None = None  # which article of a JSON file: "id:<id>", "line:<n>", "index:<n>"
    encoding: str = "utf-8"  # the decoding `text` comes from (the page's, for HTML)
    # Where it comes from, when a JSON object or the page's metadata says (`ArticleRef`).
    url: str | None = None
    outlet: str | None = None
    author: str | None = None

    def ref(self) -> ArticleRef:
        """The article's part of a record."""
        return ArticleRef(
            path=self.path,
            item=self.item,
            sha256=self.sha256,
            title=self.title,
            published=self.published,
            language=self.language,
            url=self.url,
            outlet=self.outlet,
            author=self.author,
        )


@dataclass(frozen=True)
class Skipped:
    """A file (or, with `item`, one article of a JSON file) that was not read, and why."""

    path: str
    reason: str
    item: str | None = None


@dataclass(frozen=True)
class SourceFiles:
    """What is under SOURCE: the files read, as (file, path to report), and the others."""

    articles: list[tuple[Path, str]]
    ignored: list[str]  # reported paths of files with other suffixes, sorted


def scan(source: Path) -> SourceFiles:
    """The files under SOURCE, sorted by reported path.

    Raises InputError when SOURCE does not exist or is a file of another suffix. In a folder,
    files and folders whose name starts with "." are left out (neither read nor ignored):
    editors and tools keep copies and caches there (`.ipynb_checkpoints/`, `.~lock`), which
    would be read twice.
    """
    if source.is_file():
        if source.suffix.lower() not in READERS:
            raise InputError(
                f"{shown_name(str(source))} is not an article file; pass a file ending in "
                f"{_SUFFIX_LIST} or a folder of them"
            )
        return SourceFiles([(source, shown_name(source.name))], [])
    if not source.is_dir():
        raise InputError(
            f"{shown_name(str(source))} does not exist; pass an existing folder of articles or "
            "one article file"
        )
    found: list[tuple[Path, str]] = []
    ignored: list[str] = []
    # os.walk rather than rglob: it does not follow links to folders (no loops) and lets
    # hidden folders be pruned instead of walked.
    for folder, dirs, files in os.walk(source):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            path = Path(folder, name)
            shown = shown_name(path.relative_to(source).as_posix())
            if path.suffix.lower() in READERS:
                found.append((path, shown))
            else:
                ignored.append(shown)
    return SourceFiles(_unique(found), sorted(ignored))


def _unique(found: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """Sorted by reported path, each reported path once.

    Articles are known by their reported path, so two files must not share one. Only names
    that are not UTF-8 can: `caf\\xe9.txt` is the report of a Latin-1 name and the real name of
    another file. The later one (in byte order) is then reported as `caf\\xe9.txt (2)`.
    """
    found.sort(key=lambda item: (item[1], os.fsencode(item[0])))
    taken: set[str] = set()
    unique = []
    for path, shown in found:
        name, n = shown, 1
        while name in taken:
            n += 1
            name = f"{shown} ({n})"
        taken.add(name)
        unique.append((path, name))
    unique.sort(key=lambda item: item[1])
    return unique


def article_files(source: Path) -> list[tuple[Path, str]]:
    """The files `iter_articles` reads, as (file, path to report), sorted by reported path."""
    return scan(source).articles


def iter_articles(
    source: Path, max_bytes: int = MAX_BYTES, languages: LanguagePolicy | None = None
) -> Iterator[Article | Skipped]:
    """Each article under SOURCE (a folder, searched recursively, or one file), in order.

    SOURCE is checked at once (InputError), before the first file is read. A file larger than
    `max_bytes` (a `.jsonl` line, for JSON Lines) is skipped.
    """
    files = article_files(source)
    return (item for path, shown in files for item in read_file(path, shown, max_bytes, languages))


def read_file(
    path: Path, shown: str, max_bytes: int = MAX_BYTES, languages: LanguagePolicy | None = None
) -> Iterator[Article | Skipped]:
    """The articles of one file, or why they cannot be read; `shown` is the reported path.

    `languages` decides each article's language (default: detected among the shipped rules'
    languages)."""
    kind = READERS.get(path.suffix.lower(), "text")
    if kind == "jsonl":
        yield from _read_jsonl(path, shown, max_bytes, languages)
    elif kind == "json":
        yield from _read_json(path, shown, max_bytes, languages)
    else:
        yield read_article(path, shown, max_bytes, languages)


def read_article(
    path: Path, shown: str, max_bytes: int = MAX_BYTES, languages: LanguagePolicy | None = None
) -> Article | Skipped:
    """Read one text file or web page as an article, or say why it cannot be one."""
    raw = _read_bytes(path, shown, max_bytes)
    if isinstance(raw, Skipped):
        return raw
    try:
        text, encoding = decode(raw)
    except ValueError as err:
        return Skipped(shown, str(err))
    sha256 = hashlib.sha256(raw).hexdigest()
    suffix = path.suffix.lower()
    if READERS.get(suffix) == "html":
        try:
            page = read_html(text)
        except ValueError as err:
            return Skipped(shown, str(err))
        return _article(
            shown,
            page.text,
            sha256,
            title=page.title,
            published=page.published,
            encoding=encoding,
            languages=languages,
            source=(page.url, page.outlet, page.author),
        )
    return _article(
        shown, text, sha256, encoding=encoding, markdown=suffix == ".md", languages=languages
    )


def _read_bytes(path: Path, shown: str, max_bytes: int, hint: str = "split it") -> bytes | Skipped:
    try:
        return read_limited(path, max_bytes)
    except TooLarge as err:
        return Skipped(shown, f"{err}; {hint}, or raise the limit (--max-size)")
    except NotReadable as err:
        return Skipped(shown, str(err))


def _read_jsonl(
    path: Path, shown: str, max_bytes: int, languages: LanguagePolicy | None
) -> Iterator[Article | Skipped]:
    try:
        stream = open_regular(path)
    except NotReadable as err:
        yield Skipped(shown, str(err))
        return
    with stream:
        for entry in iter_jsonl(stream, max_bytes):
            yield _from_entry(shown, entry, languages)


def _read_json(
    path: Path, shown: str, max_bytes: int, languages: LanguagePolicy | None
) -> Iterator[Article | Skipped]:
    raw = _read_bytes(path, shown, max_bytes, "save it as .jsonl, one article a line")
    if isinstance(raw, Skipped):
        yield raw
        return
    try:
        text = decode(raw).text
    except ValueError as err:
        yield Skipped(shown, str(err))
        return
    yield from (_from_entry(shown, e, languages) for e in iter_json(text))


def _from_entry(
    shown: str, entry: Entry | BadEntry, languages: LanguagePolicy | None = None
) -> Article | Skipped:
    if isinstance(entry, BadEntry):
        return Skipped(shown, entry.reason, entry.item)
    try:
        return _entry_article(shown, entry, languages)
    except Exception as err:  # a bug on one object costs that object, not the rest of the file
        return Skipped(shown, bug_reason(err), entry.item)


def _entry_article(shown: str, entry: Entry, languages: LanguagePolicy | None) -> Article | Skipped:
    return _article(
        shown,
        entry.text,
        entry_sha256(entry),
        title=entry.title,
        published=entry.published,
        language=entry.language,
        item=entry.item,
        languages=languages,
        source=(entry.url, entry.outlet, entry.author),
    )


def entry_sha256(entry: Entry) -> str:
    """A JSON article's identity: the SHA-256 of the UTF-8 JSON
    `{"published": <date or null>, "text": <text>, "title": <title or null>}` (keys sorted,
    no spaces, non-ASCII as is). Its id, URL and other keys are left out: the same article
    exported twice is the same article, and so keeps its record ids."""
    identity = {
        "published": entry.published.value if entry.published else None,
        "text": entry.text,
        "title": entry.title,
    }
    canonical = json.dumps(identity, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def text_article(
    text: str,
    path: str,
    *,
    title: str | None = None,
    published: DateValue | None = None,
    languages: LanguagePolicy | None = None,
) -> Article | Skipped:
    """An article from a string, as a `.txt` file holding it in UTF-8 is read: the same
    SHA-256, and the title and date found in the text unless given."""
    sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _article(path, text, sha256, title=title, published=published, languages=languages)


def _article(
    shown: str,
    text: str,
    sha256: str,
    *,
    title: str | None = None,
    published: DateValue | None = None,
    language: str | None = None,
    item: str | None = None,
    encoding: str = "utf-8",
    markdown: bool = False,
    languages: LanguagePolicy | None = None,
    source: tuple[str | None, str | None, str | None] = (None, None, None),
) -> Article | Skipped:
    """An article from its text; the title and date found in the text unless given;
    `source` is its (url, outlet, author) when known."""
    if not text.lstrip(_BOM).strip():
        return Skipped(shown, "empty file (no text, or whitespace only)", item)
    # The BOM is kept in `text` (see the module docstring) but is not part of the body.
    skip = 1 if text.startswith(_BOM) else 0
    policy = languages or default_policy()
    language = policy.choose(text[skip:], language)
    found, start = find_published(text[skip:], policy.resolver(language))
    body_start = skip + start
    # A given title (page metadata, a JSON field) may hold line breaks: one line of it.
    title = " ".join(title.split()) if title else first_line(text[body_start:], markdown)
    title = without_controls(title).strip()[:TITLE_MAX_CHARS]
    if not title:
        return Skipped(shown, "no article text after the date metadata", item)
    return Article(
        path=shown,
        text=text,
        sha256=sha256,
        title=title,
        published=published or found,
        body_start=body_start,
        language=language,
        item=item,
        encoding=encoding,
        url=_one_line(source[0]),
        outlet=_one_line(source[1]),
        author=_one_line(source[2]),
    )


def _one_line(value: str | None) -> str | None:
    """Metadata as one line without control characters, like a title; None when empty."""
    if value is None:
        return None
    return without_controls(" ".join(value.split())).strip() or None


def first_line(text: str, markdown: bool = False) -> str:
    """The first non-empty line, stripped (of a heading's "#" too in Markdown) and cut to
    TITLE_MAX_CHARS."""
    for line in text.splitlines():
        # A title is metadata, shown and compared as is: no control characters in it.
        line = without_controls(line).strip()
        if markdown:
            line = line.lstrip("#").strip()
        if line:
            return line[:TITLE_MAX_CHARS]
    return ""
