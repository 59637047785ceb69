"""Normalising the date and period expressions the `dates` rules find.

`DateResolver.resolve` turns an expression ("le 9 mars", "en novembre 2017", "l'année
prochaine", "mercredi") into a `DateValue` at the precision the text gives, reading relative
expressions against the article's publication date; `resolve_period` turns "2018-2022" or
"jusqu'en 2027" into a `Period`.

The language's words (months, weekdays, "prochain", "jusqu'en", ...) come from
`rules/<lang>/date_words.json`, so this module holds no word lists. dateparser reads the
day-and-month forms ("9 mars", "1er juin", "15 déc. 2010", "05/09/2018"); it is never asked
about years or relative forms, which it misreads in French ("Je" and "sa" as weekdays,
nothing for "l'an prochain" or "fin 2025").

Nothing here reads the clock: an expression that needs a publication date and has none
resolves to None, unless the caller knows a date the article cannot be earlier than (`after`,
inferred from the text by `coopextract.assembly.reference`): then a named day or month without its
year ("ce 9 mars", "en janvier dernier") is read against that bound; expressions that need the
exact day of writing ("mercredi", "le mois dernier", "l'année prochaine") still resolve to None.
"""

from __future__ import annotations

import calendar
import dataclasses
import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from dateparser.date import DateDataParser

from coopextract.errors import RulesError
from coopextract.models import DateValue, Period
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
_MIN_YEAR, _MAX_YEAR = 1000, 2999
_CACHE_SIZE = 4096


def normalise(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces: the form lexicons match on."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("ʼ", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def _word_pattern(words: Iterable[str]) -> str:
    """One regex alternative per word, longest first, matching whole words only."""
    alternatives = sorted({re.escape(w) for w in words if w}, key=len, reverse=True)
    if not alternatives:
        return r"(?!x)x"  # matches nothing
    return r"(?<![^\W\d_])(?:" + "|".join(alternatives) + r")(?![^\W\d_])"


@dataclass(frozen=True)
class DateWords:
    """One language's date vocabulary (rules/<lang>/date_words.json), keys normalised."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    relative: dict[str, int]
    year_nouns: tuple[str, ...]
    month_nouns: tuple[str, ...]
    range_connectors: tuple[str, ...]
    period_until: tuple[str, ...]
    period_from: tuple[str, ...]
    published_markers: tuple[str, ...]
    dateline_prefixes: tuple[str, ...]
    day_suffixes: tuple[str, ...] = ()  # what may follow a day number: "9." (de), "1º" (it)
    # Lemmas of verbs whose dates are planned, not past, even in a past tense ("était prévu
    # en 2025", "a été reporté à 2026"): such a date says nothing of when the text was written.
    plan_verbs: tuple[str, ...] = ()
    # The month each season ends in ("été": 9): how late a past "l'été 2020" reaches.
    season_ends: dict[str, int] = dataclasses.field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> DateWords:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as err:
            raise RulesError(path, None, f"cannot be read ({err.strerror})") from err
        except json.JSONDecodeError as err:
            raise RulesError(path, err.lineno, f"not valid JSON ({err.msg})") from err
        try:

            def mapping(key: str) -> dict[str, int]:
                return {normalise(k): int(v) for k, v in data[key].items()}

            def words(key: str) -> tuple[str, ...]:
                return tuple(normalise(w) for w in data.get(key, []))

            return cls(
                months=mapping("months"),
                weekdays=mapping("weekdays"),
                relative_days=mapping("relative_days"),
                relative=mapping("relative"),
                year_nouns=words("year_nouns"),
                month_nouns=words("month_nouns"),
                range_connectors=words("range_connectors"),
                period_until=words("period_until"),
                period_from=words("period_from"),
                published_markers=words("published_markers"),
                dateline_prefixes=words("dateline_prefixes"),
                day_suffixes=words("day_suffixes"),
                plan_verbs=words("plan_verbs"),
                season_ends={normalise(k): int(v) for k, v in data.get("season_ends", {}).items()},
            )
        except (KeyError, AttributeError, TypeError, ValueError) as err:
            raise RulesError(path, None, f"malformed date vocabulary ({err!r})") from err


@dataclass(frozen=True)
class _Published:
    """The publication date split into what is known of it."""

    year: int
    month: int | None = None
    day: date | None = None

    @classmethod
    def of(cls, value: DateValue | None) -> _Published | None:
        if value is None:
            return None
        parts = [int(p) for p in value.value.split("-")]
        year = parts[0]
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            return None  # "0000" or "9999-12-31": no calendar arithmetic to trust near the edges
        month = parts[1] if len(parts) > 1 and 1 <= parts[1] <= 12 else None
        day = None
        if month and len(parts) > 2:
            try:
                day = date(year, month, parts[2])
            except ValueError:
                day = None  # "2021-02-30" passes the model's pattern; keep the month only
        return cls(year, month, day)

    def at_own_precision(self) -> DateValue:
        if self.day:
            return _day(self.day)
        if self.month:
            return DateValue(value=f"{self.year:04d}-{self.month:02d}", precision="month")
        return _year(self.year)

    def end(self) -> date:
        """The last day the publication could be on, for "on or before" comparisons."""
        if self.day:
            return self.day
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])


def _year(year: int) -> DateValue:
    return DateValue(value=f"{year:04d}", precision="year")


def _month(year: int, month: int) -> DateValue:
    return DateValue(value=f"{year:04d}-{month:02d}", precision="month")


def _day(day: date) -> DateValue:
    return DateValue(value=day.isoformat(), precision="day")


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateResolver:
    """Resolves one language's date and period expressions; reuse one per language."""

    def __init__(self, language: str = "fr", *, rules_dir: Path | None = None) -> None:
        self.language = language
        path = (rules_dir or default_rules_dir()) / language / "date_words.json"
        if not path.is_file():
            raise RulesError(path, None, f"missing: dates in {language!r} need a date vocabulary")
        self.source = path  # for fingerprints: the output changes when this file does
        self.words = DateWords.load(path)
        self._parser = DateDataParser(languages=[language], settings=_PARSER_SETTINGS)
        w = self.words
        month = _word_pattern(w.months)
        # "1er", "2e" (fr) and the language's own: "9." (de), "1º" (it)
        suffix = "|".join(["er", "e", *(re.escape(x) for x in w.day_suffixes)])
        self.day_suffix = suffix
        self._month_re = re.compile(rf"({month})\.?")
        self._numeric_re = re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)")
        self._iso_re = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
        self._day_month_re = re.compile(
            rf"(?<![\d,.])(\d{{1,2}})(?:{suffix})?\s+({month})\.?(?:\s+(\d{{4}})(?!\d))?"
        )
        # "March 9", "March 9th, 2021": the English order
        self._month_day_re = re.compile(
            rf"({month})\.?\s+(\d{{1,2}})(?:{suffix})?(?!\d)(?:,?\s+(\d{{4}})(?!\d))?"
        )
        connectors = _word_pattern(c for c in w.range_connectors if c.isalpha())
        dashes = "".join(re.escape(c) for c in w.range_connectors if not c.isalpha())
        connector = rf"(?:{connectors}|[{dashes}])" if dashes else connectors
        self._day_range_re = re.compile(
            rf"(?<![\d,.])(\d{{1,2}})(?:{suffix})?\s*{connector}\s*(\d{{1,2}})(?:{suffix})?\s+({month})"
        )
        self._connector_re = re.compile(rf"\s*{connector}\s*")
        self._year_re = re.compile(r"(?<![\d,.])(\d{4})(?![\d]|[,.]\d)")
        self._weekday_re = re.compile(_word_pattern(w.weekdays))
        self._relative_day_re = re.compile(_word_pattern(w.relative_days))
        self._relative_re = re.compile(_word_pattern(w.relative))
        self._year_noun_re = re.compile(_word_pattern(w.year_nouns))
        self._month_noun_re = re.compile(_word_pattern(w.month_nouns))
        self._until_re = re.compile(_word_pattern(w.period_until))
        self._from_re = re.compile(_word_pattern(w.period_from))
        self._season_re = re.compile(_word_pattern(w.season_ends))
        # Per instance, so that the cache dies with the resolver; DateValue is frozen, hence
        # hashable, so (text, published) is the key.
        self._cached_resolve = functools.lru_cache(maxsize=_CACHE_SIZE)(self._resolve)
        self._cached_period = functools.lru_cache(maxsize=_CACHE_SIZE)(self._resolve_period)

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
        return self._cached_resolve(text, published, future, None if published else after)

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
        season = self._season_re.search(normalise(text))
        if season is None:
            return value, end, False
        month = self.words.season_ends[season.group(0)]
        year = int(value.value)
        return _month(year, month), date(year, month, calendar.monthrange(year, month)[1]), True

    def relative_year(self, text: str) -> int | None:
        """The offset in years of a year expression relative to the writing ("l'année
        prochaine" +1, "cette année" 0, "l'an dernier" -1); None for anything else."""
        norm = normalise(text)
        if self._explicit_years(norm) or self._month_re.search(norm):
            return None
        if self._month_noun_re.search(norm) or self._weekday_re.search(norm):
            return None
        if self._relative_day_re.search(norm) or not self._year_noun_re.search(norm):
            return None
        return self._relative_offset(norm)

    def resolve_period(self, text: str) -> Period | None:
        """The span `text` names ("2018-2022", "de 2023 à 2027", "jusqu'en 2027"), or None."""
        return self._cached_period(text)

    # --- dates

    def _resolve(
        self,
        text: str,
        published: DateValue | None,
        future: bool = False,
        after: DateValue | None = None,
    ) -> DateValue | None:
        norm = normalise(text)
        pub = _Published.of(published)
        bound = _Published.of(after)
        said = self._relative_offset(norm)
        # An event still to come moves unmarked days forward ("le 12 octobre", "jeudi"),
        # not "cette année" or "la fin de l'année", which stay the publication's.
        days = said or (1 if future else 0)
        found = self._absolute(norm, pub, days, bound.end() if bound and not pub else None)
        if found is not None:
            return found
        if pub is None:
            return None
        return self._relative(norm, pub, said, days)

    def _relative_offset(self, norm: str) -> int:
        """+1 for "prochain", -1 for "dernier", 0 when the text says neither."""
        match = self._relative_re.search(norm)
        return self.words.relative[match.group(0)] if match else 0

    def _explicit_years(self, norm: str) -> list[int]:
        years = [int(m.group(1)) for m in self._year_re.finditer(norm)]
        return list(dict.fromkeys(y for y in years if _MIN_YEAR <= y <= _MAX_YEAR))

    def _absolute(
        self, norm: str, pub: _Published | None, relative: int, bound: date | None = None
    ) -> DateValue | None:
        """Dates that carry their own day, month or year (the year may come from `pub`, or,
        without it, from the earliest writing date `bound`)."""
        match = self._iso_re.search(norm)
        if match:
            found = _valid_date(*(int(g) for g in match.groups()))
            return _day(found) if found else None
        match = self._numeric_re.search(norm)
        if match:
            found = self._parse_day_month(match.group(0))
            if found is None or found.day != int(match.group(1)):
                found = _valid_date(int(match.group(4)), int(match.group(3)), int(match.group(1)))
            else:
                found = _valid_date(int(match.group(4)), found.month, found.day)
            return _day(found) if found else None
        years = self._explicit_years(norm)
        if len(years) > 1:
            return None  # two years name a period, not a date
        year = years[0] if years else None
        match = self._day_range_re.search(norm)
        if match:
            # "du 14 au 16 juin": the event spans days; the month is what is certain
            month = self.words.months[match.group(3)]
            return self._month_value(month, year, pub, relative, bound)
        match = self._day_month_re.search(norm)
        if match:
            return self._day_month_value(match, year, pub, relative, bound=bound)
        match = self._month_day_re.search(norm)
        if match:
            return self._day_month_value(match, year, pub, relative, month_first=True, bound=bound)
        match = self._month_re.search(norm)
        if match:
            month = self.words.months[match.group(1)]
            return self._month_value(month, year, pub, relative, bound)
        return _year(year) if year is not None else None

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
        pub: _Published | None,
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
        if own_year is not None and _MIN_YEAR <= int(own_year) <= _MAX_YEAR:
            year = int(own_year)
        if year is not None:
            found = _valid_date(year, month, day)
            return _day(found) if found else None
        if pub is None:
            return None if bound is None else self._day_from_bound(month, day, bound, relative)
        if pub.month is None:
            found = _valid_date(pub.year, month, day)
            return _day(found) if found else None
        return self._nearest_day(month, day, pub, relative)

    @staticmethod
    def _nearest_day(month: int, day: int, pub: _Published, relative: int) -> DateValue | None:
        """A day-month without year: the most recent past occurrence, or the next for "prochain"."""
        reference = pub.end()
        step = 1 if relative > 0 else -1
        # eight years either way finds a 29 February
        for offset in range(9):
            year = pub.year + step * offset
            found = _valid_date(year, month, day)
            if found is None:
                continue
            if pub.day is None:
                # only the month of publication is known: its own month counts as a match
                key, ref = (found.year, found.month), (pub.year, pub.month)
                if (step < 0 and key <= ref) or (step > 0 and key >= ref):
                    return _day(found)
            elif (step < 0 and found <= reference) or (step > 0 and found > reference):
                return _day(found)
        return None

    @staticmethod
    def _day_from_bound(month: int, day: int, bound: date, relative: int) -> DateValue | None:
        """A day-month without year when the writing is known only to be on or after `bound`:
        the first occurrence from the bound; the last one on or before it for "dernier"."""
        step = -1 if relative < 0 else 1
        for offset in range(9):  # eight years finds a 29 February
            found = _valid_date(bound.year + step * offset, month, day)
            if found is None:
                continue
            if (step < 0 and found <= bound) or (step > 0 and found >= bound):
                return _day(found)
        return None

    @staticmethod
    def _month_from_bound(month: int, bound: date, relative: int) -> DateValue:
        """A month without year when the writing is known only to be on or after `bound`: the
        first such month from the bound's (strictly after for "prochain"), the last strictly
        before it for "dernier" ("janvier dernier" after 2018-10-29 is 2018-01)."""
        if relative < 0:
            return _month(bound.year if month < bound.month else bound.year - 1, month)
        if relative > 0:
            return _month(bound.year if month > bound.month else bound.year + 1, month)
        return _month(bound.year if month >= bound.month else bound.year + 1, month)

    @classmethod
    def _month_value(
        cls,
        month: int,
        year: int | None,
        pub: _Published | None,
        relative: int,
        bound: date | None = None,
    ) -> DateValue | None:
        if year is not None:
            return _month(year, month)
        if pub is None:
            return None if bound is None else cls._month_from_bound(month, bound, relative)
        if pub.month is None or relative == 0:
            # "en décembre": the text does not say past or future; the publication year is
            # right for both within that year
            return _month(pub.year, month)
        if relative < 0:  # "en janvier dernier": strictly before the publication month
            return _month(pub.year if month < pub.month else pub.year - 1, month)
        return _month(pub.year if month > pub.month else pub.year + 1, month)

    # --- relative to the publication

    def _relative(
        self, norm: str, pub: _Published, relative: int, days: int | None = None
    ) -> DateValue | None:
        match = self._relative_day_re.search(norm)
        if match:
            if pub.day is None:
                return pub.at_own_precision()
            return _day(pub.day + timedelta(days=self.words.relative_days[match.group(0)]))
        match = self._weekday_re.search(norm)
        if match:
            if pub.day is None:
                return pub.at_own_precision()
            weekday = self.words.weekdays[match.group(0)]
            return _day(self._weekday(pub.day, weekday, relative if days is None else days))
        if self._month_noun_re.search(norm):
            if pub.month is None:
                return _year(pub.year) if relative == 0 else None
            index = pub.year * 12 + pub.month - 1 + relative
            return _month(index // 12, index % 12 + 1)
        if self._year_noun_re.search(norm):
            return _year(pub.year + relative)
        return None

    @staticmethod
    def _weekday(published: date, weekday: int, relative: int) -> date:
        """The weekday nearest the publication: on or before it, strictly before for
        "dernier", strictly after for "prochain"."""
        if relative > 0:
            return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
        back = (published.weekday() - weekday) % 7
        if relative < 0 and back == 0:
            back = 7
        return published - timedelta(days=back)

    # --- periods

    def _resolve_period(self, text: str) -> Period | None:
        norm = normalise(text)
        if not norm:
            return None
        # A range first: "von 2023 bis 2027", "с 2023 до 2027", where the connector is also
        # the word for "until" ("bis 2027", "до 2030").
        for split in self._connector_re.finditer(norm):
            left, right = norm[: split.start()], norm[split.end() :]
            end = self._point(right)
            start = self._point(left, inherit=end) if end is not None else None
            # a span runs forward; anything else means this split misread the text
            if start is not None and end is not None and start.value <= end.value:
                return Period(start=start.value, end=end.value)
        match = self._until_re.search(norm)
        if match:
            end = self._point(norm[match.end() :])
            return Period(start=None, end=end.value) if end else None
        match = self._from_re.search(norm)
        if match:
            start = self._point(norm[match.end() :])
            return Period(start=start.value, end=None) if start else None
        return None

    def _point(self, text: str, inherit: DateValue | None = None) -> DateValue | None:
        """One end of a period; an end without a year ("du 14", "de janvier") borrows it,
        and the month, from the other end (`inherit`)."""
        years = self._explicit_years(text)
        if len(years) == 1:
            return self._absolute(text, None, 0)
        if years or inherit is None:
            return None
        parts = [int(p) for p in inherit.value.split("-")]
        day_month = self._day_month_re.search(text)
        if day_month:
            return self._day_month_value(day_month, parts[0], None, 0)
        month = self._month_re.search(text)
        if month:
            return _month(parts[0], self.words.months[month.group(1)])
        day = re.fullmatch(rf"\D*?(\d{{1,2}})(?:{self.day_suffix})?", text)
        if day and inherit.precision == "day":
            found = _valid_date(parts[0], parts[1], int(day.group(1)))
            return _day(found) if found else None
        return None


def last_day(value: DateValue) -> date | None:
    """The last day a date at its precision covers (2020 -> 2020-12-31); None off the calendar."""
    known = _Published.of(value)
    return known.end() if known else None
