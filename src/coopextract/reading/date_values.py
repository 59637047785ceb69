"""Calendar arithmetic for the date resolver: dates at a precision, read against a reference.

No words and no text here: a month or a day already read from an expression is placed in a
year, from the publication date (`Published`) or, without one, from a date the writing
cannot precede (`bound`). `relative` is the direction the text gives: +1 for "prochain", -1
for "dernier", 0 when it says neither.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from coopextract.models import DateValue

MIN_YEAR, MAX_YEAR = 1000, 2999
# Eight years either way finds a 29 February.
_LEAP_SEARCH = range(9)


def year_value(year: int) -> DateValue:
    return DateValue(value=f"{year:04d}", precision="year")


def month_value(year: int, month: int) -> DateValue:
    return DateValue(value=f"{year:04d}-{month:02d}", precision="month")


def day_value(day: date) -> DateValue:
    return DateValue(value=day.isoformat(), precision="day")


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def valid_day(year: int, month: int, day: int) -> DateValue | None:
    """The day as a value, None off the calendar ("30 février")."""
    found = valid_date(year, month, day)
    return day_value(found) if found else None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Published:
    """The publication date split into what is known of it."""

    year: int
    month: int | None = None
    day: date | None = None

    @classmethod
    def of(cls, value: DateValue | None) -> Published | None:
        if value is None:
            return None
        parts = [int(p) for p in value.value.split("-")]
        year = parts[0]
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None  # "0000" or "9999-12-31": no calendar arithmetic to trust near the edges
        month = parts[1] if len(parts) > 1 and 1 <= parts[1] <= 12 else None
        day = None
        if month and len(parts) > 2:
            # "2021-02-30" passes the model's pattern; keep the month only
            day = valid_date(year, month, parts[2])
        return cls(year, month, day)

    def at_own_precision(self) -> DateValue:
        if self.day:
            return day_value(self.day)
        if self.month:
            return month_value(self.year, self.month)
        return year_value(self.year)

    def end(self) -> date:
        """The last day the publication could be on, for "on or before" comparisons."""
        return self.day or month_end(self.year, self.month or 12)


def first_day(value: DateValue) -> date:
    """The first day a date at its precision covers (2030 -> 2030-01-01)."""
    parts = [int(p) for p in value.value.split("-")] + [1, 1]
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError:  # off the calendar ("0000"): never later than a publication
        return date.min


def last_day(value: DateValue) -> date | None:
    """The last day a date at its precision covers (2020 -> 2020-12-31); None off the calendar."""
    known = Published.of(value)
    return known.end() if known else None


def nearest_day(month: int, day: int, pub: Published, relative: int) -> DateValue | None:
    """A day-month without year: the most recent past occurrence, or for "prochain" (or a
    clause looking ahead) the next from the day of writing on, that day included."""
    reference = pub.end()
    step = 1 if relative > 0 else -1
    for offset in _LEAP_SEARCH:
        found = valid_date(pub.year + step * offset, month, day)
        if found is None:
            continue
        if pub.day is None:
            # only the month of publication is known: its own month counts as a match
            key, ref = (found.year, found.month), (pub.year, pub.month)
            if (step < 0 and key <= ref) or (step > 0 and key >= ref):
                return day_value(found)
        elif (step < 0 and found <= reference) or (step > 0 and found >= reference):
            return day_value(found)
    return None


def day_from_bound(month: int, day: int, bound: date, relative: int) -> DateValue | None:
    """A day-month without year when the writing is known only to be on or after `bound`:
    the first occurrence from the bound; the last one on or before it for "dernier"."""
    step = -1 if relative < 0 else 1
    for offset in _LEAP_SEARCH:
        found = valid_date(bound.year + step * offset, month, day)
        if found is None:
            continue
        if (step < 0 and found <= bound) or (step > 0 and found >= bound):
            return day_value(found)
    return None


def month_from_bound(month: int, bound: date, relative: int) -> DateValue:
    """A month without year when the writing is known only to be on or after `bound`: the
    first such month from the bound's (strictly after for "prochain"), the last strictly
    before it for "dernier" ("janvier dernier" after 2018-10-29 is 2018-01)."""
    if relative < 0:
        return month_value(bound.year if month < bound.month else bound.year - 1, month)
    if relative > 0:
        return month_value(bound.year if month > bound.month else bound.year + 1, month)
    return month_value(bound.year if month >= bound.month else bound.year + 1, month)


def month_in(
    month: int, year: int | None, pub: Published | None, relative: int, bound: date | None
) -> DateValue | None:
    """A month named in the text, in its own year, else placed by the publication or bound."""
    if year is not None:
        return month_value(year, month)
    if pub is None:
        return None if bound is None else month_from_bound(month, bound, relative)
    if pub.month is None or relative == 0:
        # "en décembre": the text does not say past or future; the publication year is
        # right for both within that year
        return month_value(pub.year, month)
    if relative < 0:  # "en janvier dernier": strictly before the publication month
        return month_value(pub.year if month < pub.month else pub.year - 1, month)
    return month_value(pub.year if month > pub.month else pub.year + 1, month)


def months_from(pub: Published, relative: int) -> DateValue | None:
    """ "ce mois-ci", "le mois dernier": the publication's month moved by `relative`."""
    if pub.month is None:
        return year_value(pub.year) if relative == 0 else None
    index = pub.year * 12 + pub.month - 1 + relative
    return month_value(index // 12, index % 12 + 1)


def week_month(pub: Published, relative: int) -> DateValue:
    """ "la semaine dernière", "this week": the month of the week `relative` weeks from the
    publication's (the month of its Thursday, as ISO weeks count); the publication at its
    own precision when it has no day."""
    if pub.day is None:
        return pub.at_own_precision()
    thursday = pub.day + timedelta(days=3 - pub.day.weekday(), weeks=relative)
    return month_value(thursday.year, thursday.month)


def day_of_month_near(pub: Published, day: int, relative: int) -> DateValue | None:
    """ "no último dia 5", "el pasado día 12": the day of that number nearest the publication,
    on or before it, or after it for "próximo"; in the publication's month when only that is
    known; None when the publication has no month."""
    if pub.month is None:
        return None
    if pub.day is None:
        return valid_day(pub.year, pub.month, day)
    index = pub.year * 12 + pub.month - 1
    step = 1 if relative > 0 else -1
    for offset in range(3):  # a 31st may skip a short month
        month_index = index + step * offset
        found = valid_date(month_index // 12, month_index % 12 + 1, day)
        if found is not None and (found > pub.day if step > 0 else found <= pub.day):
            return day_value(found)
    return None


def season_year(pub: Published, ends: int, relative: int, ahead: bool) -> DateValue | None:
    """ "l'été dernier", "this summer", "entro l'estate": the year of the season (it ends in
    month `ends` and starts two months before) nearest the writing: the last one begun, or
    ended for "dernier"; the next one not yet over, or not yet begun for "prochain"."""
    if pub.month is None:
        return year_value(pub.year) if relative == 0 else None
    if relative < 0:
        return year_value(pub.year if pub.month > ends else pub.year - 1)
    if relative > 0:
        return year_value(pub.year if pub.month < ends - 2 else pub.year + 1)
    if ahead:
        return year_value(pub.year if pub.month <= ends else pub.year + 1)
    return year_value(pub.year if pub.month >= ends - 2 else pub.year - 1)


def weekday_near(published: date, weekday: int, relative: int) -> date:
    """The weekday nearest the publication: on or before it, strictly before for
    "dernier", strictly after for "prochain"."""
    if relative > 0:
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    back = (published.weekday() - weekday) % 7
    if relative < 0 and back == 0:
        back = 7
    return published - timedelta(days=back)
