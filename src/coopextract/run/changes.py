"""What changed between two sets of records, or two ledgers: new, removed and changed, by field.

    changes = compare_records(before, after)
    changes.counts()   # {"new": 1, "removed": 0, "changed": 2, "unchanged": 7}

Records are matched by id. An id hashes the article and the agreement it reports, so a record
can change its id without being another agreement: a re-extraction that fixes its date, or an
edit of its evidence sentence. So the records left without a match are paired within their
article when they tell the same agreement (the same parties and instrument, or the same
evidence sentences), the pairs that differ in fewest fields first; such a pair is a change,
of `id` among its other fields, not a removal and a new record.

A field is compared on what it says, not on where the article says it: parties by name, kind
and country (not their mentions), dates by value and precision (not the words), scope and
subjects as sets, evidence by its sentences' text (not offsets or marks, which move with any
edit above them). `rules` and the article's own fields (hash, title) are not compared: the
same agreement read by other rules, or from a retouched article, is the same record. The
compared values are the ones a change reports, so what a change shows is what differs.

Here in `run/` so that ingest can tell what a run changed; `review/diff.py` writes it out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from coopextract.models import AGREEMENT_FIELDS, Agreement
from coopextract.run.journal import ArticleKey, key_order, record_key

if TYPE_CHECKING:
    from coopextract.ledger.entry import LedgerEntry


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_Identified)

# The fields compared, in the order a change lists them (`id` first when it changed).
RECORD_FIELDS = (*AGREEMENT_FIELDS, "space", "evidence", "confidence")
LEDGER_FIELDS = (*AGREEMENT_FIELDS, "reports")

# How a pair of ids was matched: the same id, or what made two ids one agreement.
SAME_ID = "id"
SAME_AGREEMENT = "agreement"  # same article, parties and instrument
SAME_EVIDENCE = "evidence"  # same article and evidence sentences
SAME_RECORDS = "records"  # ledger entries: a record in common


@dataclass(frozen=True)
class FieldChange:
    """One field's value before and after, as compared (see the module's docstring)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Changed(Generic[T]):
    """One record (or entry) in both sets, with the fields that differ."""

    old: T
    new: T
    fields: tuple[FieldChange, ...]
    matched: str  # SAME_ID, or what paired two ids

    def field(self, name: str) -> FieldChange | None:
        return next((c for c in self.fields if c.field == name), None)


@dataclass(frozen=True)
class Changes(Generic[T]):
    """New, removed and changed items, each list in the order of its set; `unchanged` counts
    the items in both with no field changed."""

    new: list[T]
    removed: list[T]
    changed: list[Changed[T]]
    unchanged: int

    def counts(self) -> dict[str, int]:
        return {
            "new": len(self.new),
            "removed": len(self.removed),
            "changed": len(self.changed),
            "unchanged": self.unchanged,
        }

    @property
    def any(self) -> bool:
        """Whether anything differs."""
        return bool(self.new or self.removed or self.changed)

    def renamed(self) -> dict[str, str]:
        """Old id → new id of every changed item whose id changed."""
        return {c.old.id: c.new.id for c in self.changed if c.old.id != c.new.id}


def summary(counts: Mapping[str, int]) -> str:
    """`3 new, 1 removed, 2 changed`, or `none`."""
    if not any(counts.get(k) for k in ("new", "removed", "changed")):
        return "none"
    return f"{counts['new']} new, {counts['removed']} removed, {counts['changed']} changed"


# --- records ---------------------------------------------------------------------------------


def record_fields(record: Agreement) -> dict[str, Any]:
    """The compared value of each of RECORD_FIELDS, as JSON data."""
    return {
        "parties": _sides((p.name, p.kind, p.country) for p in record.parties),
        "instrument": record.instrument,
        "status": record.status,
        "date": _date(record.date),
        "period": None if record.period is None else record.period.model_dump(),
        "scope": sorted(record.scope),
        "subjects": sorted(record.subjects),
        "space": record.space,
        "evidence": [e.text for e in record.evidence],
        "confidence": record.confidence,
    }


def compare_records(old: Iterable[Agreement], new: Iterable[Agreement]) -> Changes[Agreement]:
    """What changed from the records `old` to the records `new` (in any order: each list of
    the result is in file order, and the same records give the same result)."""
    return _compare(
        sorted(old, key=_record_order),
        sorted(new, key=_record_order),
        record_fields,
        _pair_records,
    )


def _record_order(record: Agreement) -> tuple:
    return (key_order(record_key(record)), record.evidence[0].start, record.id)


def _pair_records(old: list[Agreement], new: list[Agreement]) -> list[_Candidate]:
    by_article: dict[ArticleKey, list[tuple[int, Agreement]]] = {}
    for j, record in enumerate(new):
        by_article.setdefault(record_key(record), []).append((j, record))
    candidates = []
    for i, before in enumerate(old):
        for j, after in by_article.get(record_key(before), []):
            how = _same_agreement(before, after)
            if how is not None:
                candidates.append(_candidate(i, j, before, after, how, record_fields))
    return candidates


def _same_agreement(old: Agreement, new: Agreement) -> str | None:
    """Why two records of one article are one agreement, or None when they are not."""
    if old.instrument == new.instrument and _names(old) == _names(new):
        return SAME_AGREEMENT
    if [e.text for e in old.evidence] == [e.text for e in new.evidence]:
        return SAME_EVIDENCE
    return None


def _names(record: Agreement) -> set[str]:
    return {party.name for party in record.parties}


# --- ledger entries --------------------------------------------------------------------------


def ledger_fields(entry: LedgerEntry) -> dict[str, Any]:
    """The compared value of each of LEDGER_FIELDS, as JSON data."""
    return {
        "parties": _sides((s.name, s.kind, s.country) for s in entry.parties),
        "instrument": entry.instrument,
        "status": entry.status,
        "date": None if entry.date is None else entry.date.model_dump(),
        "period": None if entry.period is None else entry.period.model_dump(),
        "scope": sorted(entry.scope),
        "subjects": sorted(entry.subjects),
        "reports": len(entry.records),
    }


def compare_ledgers(
    old: Iterable[LedgerEntry],
    new: Iterable[LedgerEntry],
    renamed: Mapping[str, str] | None = None,
) -> Changes[LedgerEntry]:
    """What changed from the ledger entries `old` to `new`. An entry's id comes from a record's,
    so entries are also paired when they share a record; `renamed` (old record id → new, from
    `compare_records(...).renamed()`) lets a record whose id changed count as shared."""
    renamed = renamed or {}

    def pair(before: list[LedgerEntry], after: list[LedgerEntry]) -> list[_Candidate]:
        holder = {record: j for j, entry in enumerate(after) for record in entry.records}
        candidates = []
        for i, entry in enumerate(before):
            shared = {holder[r] for r in (renamed.get(r, r) for r in entry.records) if r in holder}
            for j in sorted(shared):
                candidates.append(_candidate(i, j, entry, after[j], SAME_RECORDS, ledger_fields))
        return candidates

    return _compare(sorted(old, key=_by_id), sorted(new, key=_by_id), ledger_fields, pair)


def _by_id(entry: LedgerEntry) -> str:
    return entry.id


# --- the comparison --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    """A possible pair of leftovers: old[i] and new[j], and how they differ."""

    i: int
    j: int
    fields: tuple[FieldChange, ...]
    matched: str

    def order(self) -> tuple[int, int, int]:
        return (len(self.fields), self.i, self.j)


def _candidate(
    i: int, j: int, old: T, new: T, matched: str, fields: Callable[[T], dict[str, Any]]
) -> _Candidate:
    return _Candidate(i, j, _differences(old, new, fields), matched)


def _compare(
    old: list[T],
    new: list[T],
    fields: Callable[[T], dict[str, Any]],
    pair: Callable[[list[T], list[T]], list[_Candidate]],
) -> Changes[T]:
    first: dict[str, int] = {}  # id -> its first position in `old`
    for i, item in enumerate(old):
        first.setdefault(item.id, i)
    matched: set[int] = set()
    changed: list[tuple[int, Changed[T]]] = []  # with the position in `new`, to sort by
    unchanged = 0
    left_new: list[int] = []
    for j, item in enumerate(new):
        i = first.get(item.id)
        if i is None or i in matched:
            left_new.append(j)
            continue
        matched.add(i)
        found = () if old[i] == item else _differences(old[i], item, fields)
        if found:
            changed.append((j, Changed(old[i], item, found, SAME_ID)))
        else:
            unchanged += 1

    # What is left over is paired, closest first; each item at most once.
    left_old = [i for i in range(len(old)) if i not in matched]
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    candidates = pair([old[i] for i in left_old], [new[j] for j in left_new])
    for candidate in sorted(candidates, key=_Candidate.order):
        if candidate.i in taken_old or candidate.j in taken_new:
            continue
        taken_old.add(candidate.i)
        taken_new.add(candidate.j)
        i, j = left_old[candidate.i], left_new[candidate.j]
        changed.append((j, Changed(old[i], new[j], candidate.fields, candidate.matched)))
    return Changes(
        new=[new[j] for k, j in enumerate(left_new) if k not in taken_new],
        removed=[old[i] for k, i in enumerate(left_old) if k not in taken_old],
        changed=[change for _, change in sorted(changed, key=lambda c: c[0])],
        unchanged=unchanged,
    )


def _differences(old: T, new: T, fields: Callable[[T], dict[str, Any]]) -> tuple[FieldChange, ...]:
    """The fields that differ, `id` first when it does."""
    found = [FieldChange("id", old.id, new.id)] if old.id != new.id else []
    before, after = fields(old), fields(new)
    found.extend(
        FieldChange(name, before[name], after[name])
        for name in before
        if before[name] != after[name]
    )
    return tuple(found)


def _date(date: Any) -> dict[str, str] | None:
    return None if date is None else {"value": date.value, "precision": date.precision}


def _sides(parties: Iterable[tuple[str, str, str | None]]) -> list[dict[str, Any]]:
    return [
        {"name": name, "kind": kind, "country": country}
        for name, kind, country in sorted(set(parties), key=lambda p: (p[0], p[1], p[2] or ""))
    ]
