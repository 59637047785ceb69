"""A group of records → its ledger entry: one value per field, the history, the conflicts.

The reports are put in order (publication date, then the agreement's date, then the stage the
status marks), and each field is read from them: the status from the latest report, the date
from the reports of a signature (else of the plan), the names most reports use.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Hashable
from itertools import combinations, pairwise
from typing import Any, TypeVar

from coopextract.ledger.entry import Conflict, Disagreement, LedgerEntry, Report, Side
from coopextract.ledger.grouping import Group
from coopextract.ledger.matching import InstrumentKinds, side_key
from coopextract.models import Agreement, DateValue

T = TypeVar("T")

STAGES = ("proposed", "negotiating", "signed", "in_force", "terminated")
SIGNED = ("signed", "in_force", "terminated")


def _when(record: Agreement) -> tuple[str, str, int, str]:
    """Order of reports: by publication, then by the agreement's date (an undated article
    sorts by what it reports), then by stage."""
    published = record.article.published.value if record.article.published else ""
    dated = record.date.value if record.date else ""
    return (published or dated, dated, STAGES.index(record.status), record.id)


def entry_of(group: Group, kinds: InstrumentKinds) -> LedgerEntry:
    reports = sorted(group.members, key=_when)
    published = [r.article.published for r in reports if r.article.published]
    return LedgerEntry(
        id="led-" + hashlib.sha256(reports[0].id.encode()).hexdigest()[:16],
        records=sorted(r.id for r in reports),
        parties=_sides(reports),
        instrument=_instrument(reports, kinds),
        status=reports[-1].status,
        date=_date(reports),
        period=_most_common(reports, lambda r: r.period),
        scope=sorted({s for r in reports for s in r.scope}),
        subjects=sorted({s for r in reports for s in r.subjects}, key=str.casefold),
        history=[_report(r) for r in reports],
        first_reported=min(published, key=lambda d: d.value) if published else None,
        last_reported=max(published, key=lambda d: d.value) if published else None,
        conflicts=_conflicts(reports, kinds),
        why=group.why or ["reported by one article"],
    )


def _report(record: Agreement) -> Report:
    return Report(
        status=record.status,
        date=record.date,
        published=record.article.published,
        record=record.id,
        article=record.article.path,
        item=record.article.item,
        language=record.article.language,
        evidence=record.evidence[0].text,
    )


def _most_common(reports: list[Any], value: Callable[[Any], T | None]) -> T | None:
    """The value most reports give (the earliest report's among equals); None when none does."""
    values = [v for r in reports if (v := value(r)) is not None]
    if not values:
        return None
    counts = Counter(_hashable(v) for v in values)
    return max(values, key=lambda v: counts[_hashable(v)])  # max keeps the first of equals


def _hashable(value: object) -> Hashable:
    dump = getattr(value, "model_dump_json", None)
    return dump() if dump else value  # type: ignore[return-value]


def _sides(reports: list[Agreement]) -> list[Side]:
    """Each side named as most reports name it, in the order the first report gives them."""
    order: list[str] = []
    names: dict[str, list[Side]] = {}
    for record in reports:
        for party in record.parties:
            key = side_key(party)
            if key not in names:
                order.append(key)
                names[key] = []
            names[key].append(Side(name=party.name, kind=party.kind, country=party.country))
    return [_most_common(names[key], lambda s: s) for key in order]  # type: ignore[misc]


def _instrument(reports: list[Agreement], kinds: InstrumentKinds) -> str:
    specific = [r for r in reports if r.instrument not in kinds.vague]
    return _most_common(specific or reports, lambda r: r.instrument)  # type: ignore[return-value]


def _date(reports: list[Agreement]) -> DateValue | None:
    """The signature's date, the most precise one its reports give; before any report of a
    signature, the latest expected date."""
    signed = [r.date for r in reports if r.date and r.status in SIGNED]
    if signed:
        best = max(signed, key=lambda d: len(d.value))
        return DateValue(value=best.value, precision=best.precision)
    planned = [r.date for r in reports if r.date]
    return DateValue(value=planned[-1].value, precision=planned[-1].precision) if planned else None


def _conflicts(reports: list[Agreement], kinds: InstrumentKinds) -> list[Conflict]:
    conflicts = []
    signed = [r for r in reports if r.date and r.status in SIGNED]
    fields: dict[str, tuple[list[Agreement], Callable[[Agreement], object]]] = {
        "date": (signed, lambda r: r.date.value if r.date else None),
        "period": (reports, lambda r: r.period.model_dump() if r.period else None),
        "instrument": (
            [r for r in reports if r.instrument not in kinds.vague],
            lambda r: r.instrument,
        ),
    }
    for name, (among, value) in fields.items():
        by_value: dict[str, Disagreement] = {}
        for record in among:
            v = value(record)
            if v is not None:
                key = repr(v)
                by_value.setdefault(key, Disagreement(value=v, records=[])).records.append(
                    record.id
                )
        values = list(by_value.values())
        if len(values) > 1 and not _only_less_precise(name, values):
            conflicts.append(Conflict(field=name, values=values))
    return conflicts


def _only_less_precise(name: str, values: list[Disagreement]) -> bool:
    """Values that only say less do not disagree: "2021" and "2021-03-09", a period with
    its end only and the same period whole."""
    if name == "date":
        texts = sorted((str(v.value) for v in values), key=len)
        return all(b.startswith(a) for a, b in pairwise(texts))
    if name == "period":
        periods = [v.value for v in values if isinstance(v.value, dict)]
        return all(
            not (p.get(k) and q.get(k) and p[k] != q[k])
            for p, q in combinations(periods, 2)
            for k in ("start", "end")
        )
    return False
