"""Records grouped into real-world agreements: automatic merges, then reviewers' decisions.

Merging is best-first and complete-link. The most alike pair of records from two articles
starts a group (a score of at least START: one identifying key, such as a shared date or the
same subjects, plus a kind key); a group joins another only when every pair across them is
compatible with at least KEEP. A plan and its signature, or three reports of one memorandum,
so form one group, while an undated "memorandum" never chains two dated ones together.
Reviewers' `merge` and `split` decisions are then replayed in the order they were made.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from coopextract.ledger.matching import (
    REPORTED_TOGETHER_DAYS,
    InstrumentKinds,
    Match,
    Traits,
    match,
    source,
)
from coopextract.models import Agreement

# Measured on the dev corpus's ledger gold (docs/ledger.md): a lone kind key (same instrument
# and status, nothing dated) merged different joint statements; two identifying keys missed
# plans and their signatures.
START = 3
KEEP = 2


@dataclass(frozen=True)
class Link:
    """A reviewer's decision on the ledger: `merge` record `id` with record `other`'s
    agreement, or `split` record `id` out into an agreement of its own."""

    action: str
    id: str
    other: str | None = None
    seq: int = 0


@dataclass
class Group:
    """Records of one agreement, and why they were put together."""

    members: list[Agreement]
    why: list[str] = field(default_factory=list)


def group_records(
    records: Iterable[Agreement], kinds: InstrumentKinds, links: Sequence[Link] = ()
) -> list[Group]:
    """The records' agreements: every record in exactly one group, in a stable order."""
    traits = [Traits.of(r) for r in sorted(records, key=lambda r: r.id)]
    split = {link.id for link in links if link.action == "split"}
    group_of: dict[str, Group] = {t.record.id: Group([t.record]) for t in traits}
    compare = _Comparisons(kinds, {t.record.id: t for t in traits})
    for a, b, found in _candidate_pairs(traits, compare, split):
        first, second = group_of[a.id], group_of[b.id]
        if first is second or not _may_join(first, second, compare):
            continue
        why = f"{_where(a)} + {_where(b)}: {', '.join(found.why)}"
        _join(group_of, first, second, why)
    for link in links:
        _replay(group_of, link)
    unique = {id(g): g for g in group_of.values()}.values()
    for group in unique:
        group.members.sort(key=lambda r: r.id)
    return sorted(unique, key=lambda g: g.members[0].id)


class _Comparisons:
    """`match` of two records by id, each pair computed once."""

    def __init__(self, kinds: InstrumentKinds, traits: dict[str, Traits]) -> None:
        self.kinds = kinds
        self.traits = traits
        self.done: dict[tuple[str, str], Match | None] = {}

    def __call__(self, a: str, b: str) -> Match | None:
        key = (a, b) if a < b else (b, a)
        if key not in self.done:
            self.done[key] = match(self.traits[key[0]], self.traits[key[1]], self.kinds)
        return self.done[key]


def _candidate_pairs(
    traits: list[Traits], compare: _Comparisons, split: set[str]
) -> list[tuple[Agreement, Agreement, Match]]:
    """The pairs that may start a group, best first. Only pairs that share something able to
    reach START are compared (a year or the next, a subject, periods, the week of their
    publication): a pair with none of those scores at most the instrument and the status."""
    blocks: dict[frozenset[str], list[Traits]] = defaultdict(list)
    for t in traits:
        if t.record.id not in split:
            blocks[t.sides].append(t)
    records = {t.record.id: t.record for t in traits}
    pairs = []
    for block in blocks.values():
        for a, b in sorted(_sharing_something(block)):
            found = compare(a, b)
            if found and found.score >= START:
                pairs.append((records[a], records[b], found))
    # At equal scores, a report using the same word for the instrument is the likelier one.
    pairs.sort(key=lambda p: (-p[2].score, p[0].instrument != p[1].instrument, p[0].id, p[1].id))
    return pairs


def _sharing_something(block: list[Traits]) -> set[tuple[str, str]]:
    """The pairs of ids (smaller first) of a block's records that share a year or the next,
    a subject, periods, or the week of publication with one of them undated."""
    keyed: dict[tuple[str, object], list[str]] = defaultdict(list)
    undated_near: dict[int, list[str]] = defaultdict(list)  # week → undated reports near it
    for t in block:
        record, rid = t.record, t.record.id
        if record.date is not None:
            year = int(record.date.value[:4])
            keyed[("year", year)].append(rid)
            keyed[("year", year + 1)].append(rid)  # a plan dated the year before
        for subject in t.subjects:
            keyed[("subject", subject)].append(rid)
        if record.period is not None:
            keyed[("period", None)].append(rid)
        if t.published is not None:
            week = t.published.toordinal() // REPORTED_TOGETHER_DAYS
            keyed[("week", week)].append(rid)
            if record.date is None:
                for near in (week - 1, week, week + 1):
                    undated_near[near].append(rid)
    pairs: set[tuple[str, str]] = set()
    for (kind, key), members in keyed.items():
        if kind != "week":
            pairs.update(combinations(sorted(members), 2))
        else:
            pairs.update(
                (min(u, m), max(u, m)) for u in undated_near.get(key, []) for m in members if u != m
            )
    return pairs


def _may_join(first: Group, second: Group, compare: _Comparisons) -> bool:
    if {source(r) for r in first.members} & {source(r) for r in second.members}:
        return False
    for a in first.members:
        for b in second.members:
            found = compare(a.id, b.id)
            if found is None or found.score < KEEP:
                return False
    return True


def _join(group_of: dict[str, Group], first: Group, second: Group, why: str) -> None:
    first.members.extend(second.members)
    first.why.extend([*second.why, why])
    for record in second.members:
        group_of[record.id] = first


def _replay(group_of: dict[str, Group], link: Link) -> None:
    """One reviewer's decision; a decision about a record no longer there does nothing (the
    review command reports it as an orphan)."""
    if link.id not in group_of:
        return
    group = group_of[link.id]
    if link.action == "split" and len(group.members) > 1:
        record = next(r for r in group.members if r.id == link.id)
        group.members.remove(record)
        group.why.append(f"{link.id} split out by a reviewer (decision {link.seq})")
        group_of[link.id] = Group([record], [f"split out by a reviewer (decision {link.seq})"])
    elif link.action == "merge" and link.other in group_of:
        other = group_of[link.other]
        if other is not group:
            _join(group_of, group, other, f"merged by a reviewer (decision {link.seq})")


def _where(record: Agreement) -> str:
    return record.article.path + (f"#{record.article.item}" if record.article.item else "")
