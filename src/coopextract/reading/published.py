"""The article's publication date (guidelines §5) and where its body starts.

In order of trust:

1. metadata: a leading ` date 2021-03` or ` date 2021-03-11`, followed by the text (on the
   same line or the next); the body starts after it;
2. a date the page gives for itself: a line starting with a publication marker
   ("publié le 05/09/2018", "Publié le 10-01-2018 par ..."), anywhere in the text;
3. a dateline near the top: a line that is only a date ("Le 7 juin 2022",
   "15 déc. 2010 13h18 HE", "11 Février 2016"), or whose date is one field among the page's
   furniture ("26 octobre 2009 · 0 Commentaire", "Par J. Dupont | 3 mars 2015"), or an
   agency dateline ("MOSCOU, 9 mars (AFP) –") whose year the text gives elsewhere, or a
   press-release dateline with its year ("Washington, 8. Dezember 2010 —");
4. a news agency's credit with its date on one of the last lines ("AFP le 7 octobre 2009");
5. failing all that, a date-only line in another supported language's words: sites print
   their own date stamp in their own language ("20 January 2011" above a French text).

The words involved (markers, months, weekdays) come from the language's date vocabulary.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from coopextract.models import DateValue
from coopextract.reading.date_words import normalise
from coopextract.reading.dates import DateResolver, resolver_for
from coopextract.rule_files import available_languages

# How far into the article a dateline may sit: past the site's banner, not into the story.
DATELINE_LINES = 15
_MAX_DATELINE_CHARS = 60
# An agency's credit that ends an article: "AFP le 7 octobre 2009" (the source's words).
CREDIT_LINES = 2
# Written in capitals or in brackets: "Le 7 juin 2022" at an article's end is no credit.
_CREDIT_RE = re.compile(r"^(?:\([^()]{2,30}\)|[A-Z]{2,}(?:[\s/-]+[A-Z]{2,}){0,2})[,:]?\s+")
# A line of page furniture: fields (byline, date, comment count, category) between bullets or
# pipes. Each field is held to the dateline length, the line to this.
_MAX_FURNITURE_CHARS = 120
_FIELD_SEPARATOR_RE = re.compile(r"\s[·•∙|]\s|\s[·•∙|]$|^[·•∙|]\s")

_METADATA_RE = re.compile(r"^[ \t]*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=\s|$)\s*")
_PRECISIONS = {4: "year", 7: "month", 10: "day"}
# A clock time after a dateline: "13h18 HE", "à 15:30 GMT".
# A time after the date, with its short preposition: "à 10h12", "at 10:30 am", "um 10:30
# Uhr", "alle 10:30", "às 10h30", "в 10:30".
_TIME_RE = re.compile(r"\s+(?:[^\W\d_]{1,4}\s+)?\d{1,2}\s*[h:]\s*\d{2}\b.*$")
# Code pages whose misreading of UTF-8 bytes gives "FĂ©vrier" or "FÃ©vrier".
_MOJIBAKE_CODECS = ("cp1252", "cp1250", "latin-1")


@functools.lru_cache(maxsize=8)
def _finder(resolver: DateResolver) -> _Finder:
    """The regexes for one resolver, built once (resolvers are long-lived, one per language)."""
    return _Finder(resolver)


@functools.lru_cache(maxsize=8)
def _other_finders(resolver: DateResolver) -> tuple[_Finder, ...]:
    """Finders for the other languages of the resolver's rules folder, built when first needed."""
    rules_dir = resolver.source.parent.parent
    return tuple(
        _Finder(resolver_for(language, rules_dir))
        for language in available_languages(rules_dir)
        if language != resolver.language
    )


def find_published(text: str, resolver: DateResolver | None = None) -> tuple[DateValue | None, int]:
    """The publication date and the offset where the body starts; (None, 0) if none is found."""
    match = _METADATA_RE.match(text)
    if match:
        value = match.group(1)
        try:
            published = DateValue(value=value, precision=_PRECISIONS[len(value)])
        except ValueError:
            published = None  # "date 2021-13": metadata all the same, but no usable date
        return published, match.end()
    resolver = resolver or resolver_for("fr")
    finder = _finder(resolver)
    published = finder.marked(text)
    if published is None:
        published = finder.dateline(text)
    if published is None:
        published = finder.credit(text)
    if published is None:
        # A date stamp in another language's words, only once the article's own language
        # has had every line: a date in its own words is the more likely the page's.
        for other in _other_finders(resolver):
            published = other.dateline(text, only_dates=True)
            if published is not None:
                break
    return published, 0


def repair_mojibake(line: str) -> str:
    """`line` with UTF-8 read as a Windows code page undone ("FĂ©vrier" -> "Février")."""
    for codec in _MOJIBAKE_CODECS:
        try:
            fixed = line.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if fixed != line:
            return fixed
    return line


class _Finder:
    """The in-text rules, with regexes built from one language's vocabulary."""

    def __init__(self, resolver: DateResolver) -> None:
        self.resolver = resolver
        words = resolver.words
        month = _alternatives(words.months)
        weekday = _alternatives(words.weekdays)
        suffix = resolver.day_suffix  # "1er" (fr), "9." (de), "1º" (it)
        # A complete date: day, month and year, in words or digits.
        core = (
            rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}"
            rf"|\d{{4}}-\d{{2}}-\d{{2}}"
            rf"|\d{{1,2}}(?:{suffix})?\s+(?:{month})\.?\s+\d{{4}}"
            rf"|(?:{month})\.?\s+\d{{1,2}}(?:{suffix})?,?\s+\d{{4}})(?!\d)"
        )
        # At the start of a line: "un rapport publié le 3 mars 2015" inside a sentence is
        # about another document.
        marked = rf"(?:{_alternatives(words.published_markers)})\s*(?:(?:{weekday})\s+)?({core})"
        self._marker_re = re.compile(rf"^\W*{marked}")
        # Or after other fields of the page's furniture: "Source:Xinhua Published: 2012-11-18".
        self._field_marker_re = re.compile(rf"(?<!\w){marked}")
        prefix = _alternatives(words.dateline_prefixes)
        self._dateline_re = re.compile(
            rf"(?:(?:{prefix})\s+)?(?:(?:{weekday}),?\s+)?({core})[\s.,;|–—-]*"
        )
        # "MOSCOU, 9 mars (AFP) –": a city in capitals, the day and month, then the source.
        # Matched on the line without accents but with its case, so that the city is capitals.
        day_month = (
            rf"((?:\d{{1,2}}(?i:{suffix})?\s+(?i:{month})\.?)"
            rf"|(?:(?i:{month})\.?\s+\d{{1,2}}(?i:{suffix})?))"
        )
        # TASS closes the date with a full stop: "МОСКВА, 14 марта. /ТАСС/." Without the city
        # ("March 12 (Reuters) -"), the source in brackets must follow.
        self._agency_re = re.compile(
            rf"^(?:[A-ZА-Я][A-ZА-Я' .-]+,\s+{day_month}(,?\s+\d{{4}})?\.?\s*[(–—/-]"
            rf"|{day_month}(,?\s+\d{{4}})?\s*\([A-Za-zА-Яа-я][\w .-]*\)\s*[–—-])"
        )
        # "Washington, 8. Dezember 2010 — Das DLR ...": a press release's dateline, the place
        # in ordinary case (one to three capitalised words); the year must be there, and a
        # dash or the source in brackets must follow, which a sentence does not.
        # Its region may follow in brackets and an article precede the day: "Longueuil
        # (Québec), le 14 novembre 2008 –".
        self._release_re = re.compile(
            rf"^[A-ZА-Я][\w'.-]*(?:\s[A-ZА-Я][\w'.-]*){{0,2}}(?:\s\([^()\d]{{2,30}}\))?,"
            rf"\s+(?:[^\W\d_]{{1,3}}\s+)?{day_month}(,?\s+\d{{4}})(?!\d)\s*[(–—-]"
        )
        self._day_month_year_re = re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:{suffix})?\s+({month})\.?\s+(\d{{4}})(?!\d)"
        )
        self._month_day_year_re = re.compile(
            rf"({month})\.?\s+(\d{{1,2}})(?:{suffix})?,?\s+(\d{{4}})(?!\d)"
        )
        self._copyright_re = re.compile(r"(?:©|\(c\)|copyright)\D{0,40}?(\d{4})(?!\d)")

    def _day(self, expression: str) -> DateValue | None:
        value = self.resolver.resolve(expression, None)
        return value if value is not None and value.precision == "day" else None

    def marked(self, text: str) -> DateValue | None:
        """A line starting "publié le 05/09/2018", anywhere in the text; else a short line
        near the top whose marker follows other fields ("Source:Xinhua Published: …")."""
        for line in text.splitlines():
            match = self._marker_re.match(normalise(line))
            value = self._day(match.group(1)) if match else None
            if value is not None:
                return value
        lines = [line.strip() for line in text.splitlines() if line.strip()][:DATELINE_LINES]
        for line in lines:
            value = self._field_marked(line)
            if value is not None:
                return value
        return None

    def _field_marked(self, line: str) -> DateValue | None:
        """The date after a publication marker that other furniture fields precede: names,
        sources, capitalised words only ("Par J. Dupont Publié le …"). A lower-case word
        before it is a sentence's ("the report published on 3 March 2015")."""
        norm = normalise(line)
        if len(line) > _MAX_FURNITURE_CHARS or len(norm) != len(line):
            return None
        match = self._field_marker_re.search(norm)
        if match is None or match.start() == 0:
            return None
        words = re.findall(r"[^\W\d_]+", line[: match.start()])
        if any(w[0].islower() and len(w) >= 3 for w in words):
            return None
        return self._day(match.group(1))

    def dateline(self, text: str, *, only_dates: bool = False) -> DateValue | None:
        """A line near the top that is only a date (or a field of furniture that is), or an
        agency or press-release dateline; with `only_dates`, the first kind only."""
        lines = [line.strip() for line in text.splitlines() if line.strip()][:DATELINE_LINES]
        for line in lines:
            for candidate in dict.fromkeys((line, repair_mojibake(line))):
                value = self._date_line(candidate)
                if value is None and not only_dates:
                    value = self._agency_line(candidate, text) or self._release_line(candidate)
                if value is not None:
                    return value
        return None

    def credit(self, text: str) -> DateValue | None:
        """A news agency's credit with its date on one of the last lines: "AFP le 7 octobre
        2009", "(Reuters) 12 mars 2015": the source in capitals or brackets, then a date line."""
        lines = [line.strip() for line in text.splitlines() if line.strip()][-CREDIT_LINES:]
        for line in lines:
            match = _CREDIT_RE.match(line)
            if match and len(line) <= _MAX_DATELINE_CHARS:
                value = self._date_line(line[match.end() :])
                if value is not None:
                    return value
        return None

    def _date_line(self, line: str) -> DateValue | None:
        if len(line) > _MAX_FURNITURE_CHARS:
            return None
        fields = _FIELD_SEPARATOR_RE.split(line) if len(line) > 1 else [line]
        if len(fields) == 1 and len(line) > _MAX_DATELINE_CHARS:
            return None
        for field in fields:
            field = field.strip()
            if not field or len(field) > _MAX_DATELINE_CHARS:
                continue
            norm = _TIME_RE.sub("", normalise(field))
            match = self._dateline_re.fullmatch(norm)
            value = self._day(match.group(1)) if match else None
            if value is not None:
                return value
        return None

    def _release_line(self, line: str) -> DateValue | None:
        match = self._release_re.match(strip_accents(line))
        if not match:
            return None
        return self._day(f"{normalise(match.group(1))} {match.group(2).strip(' ,')}")

    def _agency_line(self, line: str, text: str) -> DateValue | None:
        match = self._agency_re.match(strip_accents(line))
        if not match:
            return None
        # the groups of the form with the city, else of the form without it
        day_month = normalise(match.group(1) or match.group(3))
        year = match.group(2) or match.group(4)
        if year:
            return self._day(f"{day_month} {year.strip(' ,')}")
        year = self._year_elsewhere(day_month, text)
        return self._day(f"{day_month} {year}") if year else None

    def _year_elsewhere(self, day_month: str, text: str) -> str | None:
        """The year of the same day and month written in full, else the one copyright year."""
        norm = normalise(text)
        wanted = self.resolver.resolve(f"{day_month} 2000", None)  # 2000: a leap year
        for match in self._day_month_year_re.finditer(norm):
            value = self.resolver.resolve(f"{match.group(1)} {match.group(2)} 2000", None)
            if value is not None and value == wanted:
                return match.group(3)
        for match in self._month_day_year_re.finditer(norm):
            value = self.resolver.resolve(f"{match.group(1)} {match.group(2)}, 2000", None)
            if value is not None and value == wanted:
                return match.group(3)
        years = set(self._copyright_re.findall(norm))
        return years.pop() if len(years) == 1 else None


def strip_accents(text: str) -> str:
    """`text` without accents, its case kept."""
    kept = (c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", "".join(kept))


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of normalised words, longest first."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) or "(?!x)x"
