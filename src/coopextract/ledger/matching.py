"""When two records, from two articles, report one real-world agreement (LEDGER.md's identity
rule), and how sure that is: a score and the keys that agreed, for the entry's `why`.

A record's sides are its parties' keys: the country for a state or a national agency (the text
seldom tells "Russia" from "Roscosmos" apart, and the identity rule counts them as one side), the
name for an organisation or a company. Two records can be one agreement only when their sides
are the same, their instruments can name the same thing, their dates can be the same event's and
their periods do not differ; the score then says how much else agrees.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from coopextract.models import Agreement, Party

# A status before the signature: its date is when the signing was expected, which a later
# report can move (a plan "for 2022" signed in 2023 is still the one agreement).
BEFORE_SIGNATURE = ("proposed", "negotiating")
REPORTED_TOGETHER_DAYS = 7


@dataclass(frozen=True)
class InstrumentKinds:
    """Which instruments may name one agreement in two reports: a vague word names anything, a
    specific one its own kind and those of its group (a memorandum reported as "an agreement")."""

    vague: frozenset[str]
    groups: tuple[frozenset[str], ...]

    def compatible(self, a: str, b: str) -> bool:
        if a == b or a in self.vague or b in self.vague:
            return True
        return any(a in group and b in group for group in self.groups)


def name_key(text: str) -> str:
    """A name compared without case, accents, spaces or punctuation."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text.casefold() if c.isalnum())


def side_key(party: Party) -> str:
    if party.kind in ("state", "agency") and party.country:
        return party.country
    return name_key(party.name)


def sides(record: Agreement) -> frozenset[str]:
    return frozenset(side_key(party) for party in record.parties)


def source(record: Agreement) -> tuple[str, str | None]:
    """The article a record comes from: two records of one article are never one agreement."""
    return (record.article.path, record.article.item)


@dataclass(frozen=True)
class Traits:
    """What matching reads of a record, computed once (matching compares each record with
    many others)."""

    record: Agreement
    sides: frozenset[str]
    subjects: frozenset[str]
    source: tuple[str, str | None]
    published: date | None  # at day precision only

    @classmethod
    def of(cls, record: Agreement) -> Traits:
        published = record.article.published
        return cls(
            record,
            sides(record),
            frozenset(name_key(s) for s in record.subjects),
            source(record),
            date.fromisoformat(published.value)
            if published and published.precision == "day"
            else None,
        )


def _same_date(a: Agreement, b: Agreement) -> str | None:
    """'day', 'month' or 'year' when the dates agree to that precision; '' when either is
    missing; None when they cannot be one event's."""
    if a.date is None or b.date is None:
        return ""
    shared = min(len(a.date.value), len(b.date.value))
    if a.date.value[:shared] == b.date.value[:shared]:
        return {4: "year", 7: "month", 10: "day"}[shared]
    if (a.status in BEFORE_SIGNATURE) != (b.status in BEFORE_SIGNATURE):
        planned, done = (a, b) if a.status in BEFORE_SIGNATURE else (b, a)
        gap = int(done.date.value[:4]) - int(planned.date.value[:4])
        if 0 <= gap <= 1:
            return "expected"
    return None


def _reported_together(a: Traits, b: Traits) -> bool:
    """An undated report and another of the same week: news of one event, as a wire and a
    paper report a signing the days it happens."""
    if a.record.date is not None and b.record.date is not None:
        return False  # their dates say more
    if a.published is None or b.published is None:
        return False
    return abs((a.published - b.published).days) <= REPORTED_TOGETHER_DAYS


def _same_period(a: Agreement, b: Agreement) -> bool:
    """Periods agree where both give a bound (a report may give only the end year)."""
    assert a.period and b.period
    return all(
        x is None or y is None or x[:4] == y[:4]
        for x, y in ((a.period.start, b.period.start), (a.period.end, b.period.end))
    )


@dataclass(frozen=True)
class Match:
    """Two records judged one agreement: how strongly, and which keys agreed."""

    score: int
    why: tuple[str, ...]


def match(first: Traits, second: Traits, kinds: InstrumentKinds) -> Match | None:
    """Whether two records may be one agreement, and how well they agree; None when they may
    not (another article's record is never the same as one of its own article)."""
    a, b = first.record, second.record
    if first.source == second.source or first.sides != second.sides:
        return None
    if not kinds.compatible(a.instrument, b.instrument):
        return None
    if (a.status == "terminated") != (b.status == "terminated"):
        # An ending is its own event (its date is the end's, LEDGER.md): the report that ExoMars
        # cooperation ended is not the report of its 2013 signing.
        return None
    when = _same_date(a, b)
    if when is None:
        return None
    if a.period and b.period and not _same_period(a, b):
        return None
    shared_subjects = first.subjects & second.subjects
    if first.subjects and second.subjects and not shared_subjects:
        return None  # the ILRS memorandum is not the GLONASS one
    why = ["parties"]
    score = 0
    if a.instrument == b.instrument and a.instrument not in kinds.vague:
        score += 1
        why.append("instrument")
    if when:
        score += {"day": 3, "month": 3, "year": 2, "expected": 1}[when]
        why.append(f"date ({when})")
    if a.period and b.period:
        score += 3
        why.append("period")
    if _reported_together(first, second):
        score += 2
        why.append("reported the same week")
    if shared_subjects:
        # The same subjects name the agreement; one subject in common is a weak hint (a
        # report that also names GLONASS and BeiDou may speak of another agreement).
        same = first.subjects == second.subjects
        score += 3 if same else 1
        why.append("subjects" if same else "a subject")
    if a.status == b.status:
        score += 1
        why.append("status")
    return Match(score, tuple(why))
