"""Normalising the date and period expressions the `dates` rules find.

`DateResolver.resolve` turns an expression ("le 9 mars", "en novembre 2017", "l'année
prochaine", "mercredi") into a `DateValue` at the precision the text gives, reading relative
expressions against the article's publication date; `resolve_period` turns "2018-2022" or
"jusqu'en 2027" into a `Period`. `resolver_for(language)` gives the one resolver of a
language that every reader of its dates shares.

The language's words (months, weekdays, "prochain", "jusqu'en", ...) come from
`rules/<lang>/date_words.json` (`reading.date_words`), so this module holds no word lists;
the calendar arithmetic is `reading.date_values`. dateparser reads the day-and-month forms
("9 mars", "1er juin", "15 déc. 2010", "05/09/2018"); it is never asked about years or
relative forms, which it misreads in French ("Je" and "sa" as weekdays, nothing for "l'an
prochain" or "fin 2025").

Nothing here reads the clock: an expression that needs a publication date and has none
resolves to None, unless the caller knows a date the article cannot be earlier than (`after`,
inferred from the text by `coopextract.assembly.reference`): then a named day or month without its
year ("ce 9 mars", "en janvier dernier") is read against that bound; expressions that need the
exact day of writing ("mercredi", "le mois dernier", "l'année prochaine") still resolve to None.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from dateparser.date import DateDataParser

from coopextract.errors import RulesError
from coopextract.models import DateValue, Period
from coopextract.reading.date_values import (
    MAX_YEAR,
    MIN_YEAR,
    Published,
    day_from_bound,
    day_of_month_near,
    day_value,
    last_day,
    month_end,
    month_in,
    month_value,
    months_from,
    nearest_day,
    season_year,
    valid_day,
    week_month,
    weekday_near,
    year_value,
)
from coopextract.reading.date_words import DatePatterns, DateWords, normalise
from coopextract.rule_files import default_rules_dir

# dateparser is asked for day and month only; the year is chosen here. A fixed leap-year base
# keeps it from reading the clock and lets "29 février" parse without a year.
_FIXED_BASE = datetime(2000, 1, 1)
_PARSER_SETTINGS: dict[str, Any] = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_DATES_FROM": "past",
    "RELATIVE_BASE": _FIXED_BASE,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time"],  # no relative-time: "hier" or "mercredi" never reach the clock
    "REQUIRE_PARTS": ["day", "month"],
    "STRICT_PARSING": False,
}


def resolver_for(language: str, rules_dir: Path | None = None) -> DateResolver:
    """The date resolver of `language` under `rules_dir` (default: the shipped rules), shared
    by every reader of that language's dates (published dates, assembly, each extractor), so
    its vocabulary is read and its patterns compiled once. A new one is built when the
    vocabulary file changes."""
    root = rules_dir or default_rules_dir()
    try:
        stat = _words_path(root, language).stat()
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = None  # DateResolver says what is wrong with the file
    return _shared_resolver(language, root, version)


@functools.lru_cache(maxsize=32)
def _shared_resolver(language: str, root: Path, version: tuple[int, int] | None) -> DateResolver:
    # `version` (the vocabulary file's mtime and size) is only part of the cache key.
    return DateResolver(language, rules_dir=root)


def _words_path(root: Path, language: str) -> Path:
    return root / language / "date_words.json"


class DateResolver:
    """Resolves one language's date and period expressions; `resolver_for` shares one per
    language."""

    def __init__(self, language: str = "fr", *, rules_dir: Path | None = None) -> None:
        self.language = language
        path = _words_path(rules_dir or default_rules_dir(), language)
        if not path.is_file():
            raise RulesError(path, None, f"missing: dates in {language!r} need a date vocabulary")
        self.source = path  # for fingerprints: the output changes when this file does
        self.words = DateWords.load(path)
        self.patterns = DatePatterns.of(self.words)
        self.day_suffix = self.patterns.day_suffix
        self._parser = DateDataParser(languages=[language], settings=_PARSER_SETTINGS)

    # --- public API

    def resolve(
        self,
        text: str,
        published: DateValue | None,
        *,
        future: bool = False,
        after: DateValue | None = None,
    ) -> DateValue | None:
        """The date `text` names, at the precision it gives; None if it names none.

        Relative expressions ("mercredi", "l'année prochaine", "9 mars") are read against
        `published` and are None without it. They look back from the publication unless the
        text says otherwise ("prochain") or the caller knows the event is still to come
        (`future`: "sera signé le 12 octobre" is the next 12 October).

        Without `published`, `after` is a date the writing cannot precede (the end of the
        latest period the text reports as past). A day or month named without its year is
        then its first occurrence from that bound ("ce 9 mars" after "l'été 2020" is
        2021-03-09), or the last one before it when the text says "dernier".
        """
        norm = normalise(text)
        pub = Published.of(published)
        bound = Published.of(after) if published is None else None
        said = self._relative_offset(norm)
        # An event still to come moves unmarked days forward ("le 12 octobre", "jeudi"),
        # not "cette année" or "la fin de l'année", which stay the publication's.
        days = said or (1 if future else 0)
        found = self._absolute(norm, pub, days, bound.end() if bound else None)
        if found is not None:
            return found
        if pub is None:
            return None
        return self._relative(norm, pub, said, days)

    def extent(self, text: str) -> tuple[DateValue, date, bool] | None:
        """What an expression with its own year covers, without a publication date: its
        value, the last day it reaches, and whether that is finer than the year ("en mars
        2021", "le 9 mars 2021", "l'été 2020" are; "en 2020" is not). None when the
        expression needs a reference to be read ("ce 9 mars", "mercredi")."""
        value = self.resolve(text, None)
        end = last_day(value) if value is not None else None
        if value is None or end is None:
            return None
        if value.precision != "year":
            return value, end, True
        season = self.patterns.season.search(normalise(text))
        if season is None:
            return value, end, False
        month = self.words.season_ends[season.group(0)]
        year = int(value.value)
        return month_value(year, month), month_end(year, month), True

    def relative_year(self, text: str) -> int | None:
        """The offset in years of a year expression relative to the writing ("l'année
        prochaine" +1, "cette année" 0, "l'an dernier" -1); None for anything else."""
        norm = normalise(text)
        p = self.patterns
        if self._explicit_years(norm) or p.month.search(norm):
            return None
        if p.month_noun.search(norm) or p.weekday.search(norm):
            return None
        if p.relative_day.search(norm) or not p.year_noun.search(norm):
            return None
        return self._relative_offset(norm)

    def resolve_period(self, text: str) -> Period | None:
        """The span `text` names ("2018-2022", "de 2023 à 2027", "jusqu'en 2027"), or None."""
        norm = normalise(text)
        if not norm:
            return None
        # A range first: "von 2023 bis 2027", "с 2023 до 2027", where the connector is also
        # the word for "until" ("bis 2027", "до 2030").
        for split in self.patterns.connector.finditer(norm):
            left, right = norm[: split.start()], norm[split.end() :]
            end = self._point(right)
            start = self._point(left, inherit=end) if end is not None else None
            # a span runs forward; anything else means this split misread the text
            if start is not None and end is not None and start.value <= end.value:
                return Period(start=start.value, end=end.value)
        match = self.patterns.until.search(norm)
        if match:
            end = self._point(norm[match.end() :])
            return Period(start=None, end=end.value) if end else None
        match = self.patterns.since.search(norm)
        if match:
            start = self._point(norm[match.end() :])
            return Period(start=start.value, end=None) if start else None
        return None

    # --- dates

    def _relative_offset(self, norm: str) -> int:
        """+1 for "prochain", -1 for "dernier", 0 when the text says neither."""
        match = self.patterns.relative.search(norm)
        return self.words.relative[match.group(0)] if match else 0

    def _explicit_years(self, norm: str) -> list[int]:
        years = [int(m.group(1)) for m in self.patterns.year.finditer(norm)]
        return list(dict.fromkeys(y for y in years if MIN_YEAR <= y <= MAX_YEAR))

    def _absolute(
        self, norm: str, pub: Published | None, relative: int, bound: date | None = None
    ) -> DateValue | None:
        """Dates that carry their own day, month or year (the year may come from `pub`, or,
        without it, from the earliest writing date `bound`)."""
        p = self.patterns
        match = p.iso.search(norm)
        if match:
            return valid_day(*(int(g) for g in match.groups()))
        match = p.numeric.search(norm)
        if match:
            return self._numeric_value(match)
        years = self._explicit_years(norm)
        if len(years) > 1:
            return None  # two years name a period, not a date
        year = years[0] if years else None
        said = self._relative_offset(norm)
        if year is None and pub is not None and said and p.year_noun.search(norm):
            # "en juillet de l'année dernière", "in July last year": the month is in the
            # year the text names relative to the writing, not the nearest one
            year = pub.year + said
        match = p.day_range.search(norm)
        if match:
            # "du 14 au 16 juin": the event spans days; the month is what is certain
            return month_in(self.words.months[match.group(3)], year, pub, relative, bound)
        match = p.day_month.search(norm)
        if match:
            return self._day_month_value(match, year, pub, relative, bound=bound)
        match = p.month_day.search(norm)
        if match:
            return self._day_month_value(match, year, pub, relative, month_first=True, bound=bound)
        match = p.month.search(norm)
        if match:
            return month_in(self.words.months[match.group(1)], year, pub, relative, bound)
        return year_value(year) if year is not None else None

    def _numeric_value(self, match: re.Match[str]) -> DateValue | None:
        """ "05/09/2018": dateparser's reading of day and month where it keeps the day."""
        found = self._parse_day_month(match.group(0))
        year, day = int(match.group(4)), int(match.group(1))
        if found is None or found.day != day:
            return valid_day(year, int(match.group(3)), day)
        return valid_day(year, found.month, found.day)

    def _parse_day_month(self, core: str) -> date | None:
        """dateparser's reading of a day-and-month core such as "1er juin" or "05/09/2018"."""
        try:
            parsed = self._parser.get_date_data(core)["date_obj"]
        except Exception:  # dateparser raises assorted errors on odd input; it is a best guess
            return None
        return parsed.date() if parsed is not None else None

    def _day_month_value(
        self,
        match: re.Match[str],
        year: int | None,
        pub: Published | None,
        relative: int,
        month_first: bool = False,
        bound: date | None = None,
    ) -> DateValue | None:
        day_group, month_group = (2, 1) if month_first else (1, 2)
        day, month_word = int(match.group(day_group)), match.group(month_group)
        own_year = match.group(3)
        month = self.words.months[month_word]
        parsed = self._parse_day_month(f"{day} {month_word}")
        if parsed is not None and parsed.day == day:
            month = parsed.month  # dateparser agrees on the day: trust its month reading
        if own_year is not None and MIN_YEAR <= int(own_year) <= MAX_YEAR:
            year = int(own_year)
        if year is not None:
            return valid_day(year, month, day)
        if pub is None:
            return None if bound is None else day_from_bound(month, day, bound, relative)
        if pub.month is None:
            return valid_day(pub.year, month, day)
        return nearest_day(month, day, pub, relative)

    # --- relative to the publication

    def _relative(self, norm: str, pub: Published, relative: int, days: int) -> DateValue | None:
        p = self.patterns
        match = p.ago.search(norm)
        if match:
            return self._ago(match, pub)
        match = p.relative_day.search(norm)
        if match:
            if pub.day is None:
                return pub.at_own_precision()
            return day_value(pub.day + timedelta(days=self.words.relative_days[match.group(0)]))
        match = p.day_of_month.search(norm)
        if match:
            return day_of_month_near(pub, int(match.group(1)), days)
        match = p.weekday.search(norm)
        if match:
            if pub.day is None:
                return pub.at_own_precision()
            return day_value(weekday_near(pub.day, self.words.weekdays[match.group(0)], days))
        match = p.season.search(norm)
        if match:
            return season_year(pub, self.words.season_ends[match.group(0)], relative, days > 0)
        if p.week_noun.search(norm):
            return week_month(pub, relative)
        if p.month_noun.search(norm):
            return months_from(pub, relative)
        if p.year_noun.search(norm):
            return year_value(pub.year + relative)
        return None

    def _ago(self, match: re.Match[str], pub: Published) -> DateValue:
        """ "il y a deux semaines": so many days, weeks, months or years before the
        publication, at the precision of the unit (a week: its month, as "la semaine
        dernière"); a day at the publication's own precision when it has no day."""
        groups = match.groups()  # (count, unit) of each form the language has
        said, unit = next(
            (groups[i], groups[i + 1]) for i in range(0, len(groups), 2) if groups[i + 1]
        )
        count = 1 if said is None else int(said) if said.isdigit() else self.words.count_words[said]
        days = self.words.ago_units[unit]
        if days >= 365:
            return year_value(pub.year - count)
        if days >= 28:
            return months_from(pub, -count) or pub.at_own_precision()
        if pub.day is None:
            return pub.at_own_precision()
        if days >= 7:
            return week_month(pub, -count)
        return day_value(pub.day - timedelta(days=count * days))

    # --- periods

    def _point(self, text: str, inherit: DateValue | None = None) -> DateValue | None:
        """One end of a period; an end without a year ("du 14", "de janvier") borrows it,
        and the month, from the other end (`inherit`)."""
        years = self._explicit_years(text)
        if len(years) == 1:
            return self._absolute(text, None, 0)
        if years or inherit is None:
            return None
        parts = [int(p) for p in inherit.value.split("-")]
        day_month = self.patterns.day_month.search(text)
        if day_month:
            return self._day_month_value(day_month, parts[0], None, 0)
        month = self.patterns.month.search(text)
        if month:
            return month_value(parts[0], self.words.months[month.group(1)])
        day = re.fullmatch(rf"\D*?(\d{{1,2}})(?:{self.day_suffix})?", text)
        if day and inherit.precision == "day":
            return valid_day(parts[0], parts[1], int(day.group(1)))
        return None
