"""Summary statistics of records, for `coopextract review --stats`: how many agreements by
status, by party and by year, and of each group how many are accepted, rejected and still to
review, with their mean confidence.

The records are those `review` lists (filters applied, corrections made, rejected ones
counted as rejected). `statistics` counts, `statistics_data` gives the counts as one JSON
document (`--stats --json`), `statistics_tables` as tables for a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, get_args

from coopextract.models import Agreement, Status
from coopextract.review.decisions import Decision, verdicts
from coopextract.terminal import visible

if TYPE_CHECKING:
    from rich.console import RenderableType


@dataclass(frozen=True)
class Count:
    """One group: its key (a status, a party's name, a year; None for undated records) and
    its records' numbers."""

    key: str | None
    agreements: int
    accepted: int
    rejected: int
    mean_confidence: float
    country: str | None = None  # of a party

    @property
    def to_review(self) -> int:
        return self.agreements - self.accepted - self.rejected


@dataclass(frozen=True)
class Statistics:
    total: Count
    by_status: list[Count]  # in the vocabulary's order
    by_party: list[Count]  # most agreements first, then by name
    by_year: list[Count]  # oldest first, undated last


def statistics(records: list[Agreement], decisions: list[Decision]) -> Statistics:
    verdict = verdicts(decisions)

    def count(key: str | None, group: list[Agreement], country: str | None = None) -> Count:
        said = [verdict.get(r.id) for r in group]
        mean = sum(r.confidence for r in group) / len(group) if group else 0.0
        return Count(key, len(group), said.count("accepted"), said.count("rejected"), mean, country)

    statuses = _groups(records, lambda r: [r.status])
    years = _groups(records, lambda r: [r.date.value[:4] if r.date else None])
    parties = _groups(records, lambda r: list(dict.fromkeys(p.name for p in r.parties)))
    countries: dict[str, str | None] = {}
    for record in records:
        for party in record.parties:
            countries.setdefault(party.name, party.country)
    order = get_args(Status)
    return Statistics(
        total=count(None, records),
        by_status=[
            count(s, statuses[s]) for s in sorted(statuses, key=lambda s: order.index(s or ""))
        ],
        by_party=sorted(
            (count(name, group, countries.get(name or "")) for name, group in parties.items()),
            key=lambda c: (-c.agreements, (c.key or "").casefold()),
        ),
        by_year=[count(y, years[y]) for y in sorted(years, key=lambda y: (y is None, y or ""))],
    )


def _groups(
    records: Iterable[Agreement], keys: Callable[[Agreement], list[str | None]]
) -> dict[str | None, list[Agreement]]:
    groups: dict[str | None, list[Agreement]] = {}
    for record in records:
        for key in keys(record):
            groups.setdefault(key, []).append(record)
    return groups


# --- as JSON ------------------------------------------------------------------------------


def statistics_data(stats: Statistics) -> dict[str, Any]:
    """The statistics as one JSON document: the totals, then `by_status`, `by_party` and
    `by_year`, lists of objects keyed `status`, `party` (with `country`) and `year`."""

    def numbers(c: Count) -> dict[str, Any]:
        return {
            "agreements": c.agreements,
            "accepted": c.accepted,
            "rejected": c.rejected,
            "to_review": c.to_review,
            "mean_confidence": round(c.mean_confidence, 4),
        }

    return {
        **numbers(stats.total),
        "by_status": [{"status": c.key, **numbers(c)} for c in stats.by_status],
        "by_party": [{"party": c.key, "country": c.country, **numbers(c)} for c in stats.by_party],
        "by_year": [{"year": c.key, **numbers(c)} for c in stats.by_year],
    }


# --- for the terminal -------------------------------------------------------------------------

_NUMBERS = ("agreements", "accepted", "rejected", "to review", "mean conf")


def statistics_tables(stats: Statistics) -> list[RenderableType]:
    """A line of totals, then one table per grouping (status, party, year)."""
    from rich.text import Text

    total = stats.total
    head = Text(
        f"{total.agreements} agreement{'' if total.agreements == 1 else 's'}: "
        f"{total.accepted} accepted, {total.rejected} rejected, {total.to_review} to review"
    )
    return [
        head,
        _table("status", [(c.key or "", c) for c in stats.by_status]),
        _table("party", [(_party(c), c) for c in stats.by_party]),
        _table("year", [(c.key or "no date", c) for c in stats.by_year]),
    ]


def _party(count: Count) -> str:
    return f"{count.key} ({count.country})" if count.country else count.key or ""


def _table(name: str, rows: list[tuple[str, Count]]) -> RenderableType:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column(name, overflow="fold")
    for number in _NUMBERS:
        table.add_column(number, justify="right", no_wrap=True)
    for label, c in rows:
        table.add_row(
            Text(visible(label)),
            str(c.agreements),
            str(c.accepted),
            str(c.rejected),
            str(c.to_review),
            f"{c.mean_confidence:.2f}",
        )
    return table
