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

from coopextract.ledger.matching import InstrumentKinds, Match, match, sides, source
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
    ordered = sorted(records, key=lambda r: r.id)
    split = {link.id for link in links if link.action == "split"}
    group_of: dict[str, Group] = {r.id: Group([r]) for r in ordered}
    for a, b, found in _candidate_pairs(ordered, kinds, split):
        first, second = group_of[a.id], group_of[b.id]
        if first is second or not _may_join(first, second, kinds):
            continue
        why = f"{_where(a)} + {_where(b)}: {', '.join(found.why)}"
        _join(group_of, first, second, why)
    for link in links:
        _replay(group_of, link)
    unique = {id(g): g for g in group_of.values()}.values()
    for group in unique:
        group.members.sort(key=lambda r: r.id)
    return sorted(unique, key=lambda g: g.members[0].id)


def _candidate_pairs(
    ordered: list[Agreement], kinds: InstrumentKinds, split: set[str]
) -> list[tuple[Agreement, Agreement, Match]]:
    blocks: dict[frozenset[str], list[Agreement]] = defaultdict(list)
    for record in ordered:
        if record.id not in split:
            blocks[sides(record)].append(record)
    pairs = []
    for block in blocks.values():
        for a, b in combinations(block, 2):
            found = match(a, b, kinds)
            if found and found.score >= START:
                pairs.append((a, b, found))
    # At equal scores, a report using the same word for the instrument is the likelier one.
    pairs.sort(key=lambda p: (-p[2].score, p[0].instrument != p[1].instrument, p[0].id, p[1].id))
    return pairs


def _may_join(first: Group, second: Group, kinds: InstrumentKinds) -> bool:
    if {source(r) for r in first.members} & {source(r) for r in second.members}:
        return False
    for a in first.members:
        for b in second.members:
            found = match(a, b, kinds)
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
