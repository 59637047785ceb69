"""Decisions whose record is gone: listed with what the record was (`review DIR --orphans`),
and re-attached to the record that replaced it (`review DIR --reattach OLD NEW`).

A record is gone when its agreement's key changed (its first evidence sentence was edited) or
its article was pruned (`run.orphans`). What it was comes from the folder's manifest, which
the ingest run that lost it wrote. The records that may have replaced it are those of the
same article, instrument and parties still in agreements.jsonl: the likeliest successors of
an edited sentence, offered, never chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coopextract.models import Agreement
from coopextract.review.decisions import Decision
from coopextract.review.fields import article_label, describe
from coopextract.review.folder import ReviewedFolder
from coopextract.review.ledger_decisions import refresh_ledger
from coopextract.run.orphans import orphaned_records
from coopextract.run.results import MANIFEST_FILE, REVIEWS_FILE
from coopextract.run.reviews import reattach_decisions
from coopextract.run.state import read_manifest

Warn = Callable[[str], None]
_QUOTED = 100  # characters of the evidence sentence shown


@dataclass(frozen=True)
class Orphan:
    """The orphan decisions on one gone record, what it was and what may have replaced it."""

    id: str
    decisions: list[Decision]  # in `seq` order
    was: Agreement | None  # None when the manifest does not remember it
    successors: list[Agreement]  # same article, instrument and parties; none when `was` is


def find_orphans(opened: ReviewedFolder) -> list[Orphan]:
    """The folder's orphan decisions, by record, in the order of their first decision."""
    remembered = {r.id: r for r in orphaned_records(read_manifest(opened.folder / MANIFEST_FILE))}
    by_id: dict[str, list[Decision]] = {}
    for decision in opened.orphans:
        by_id.setdefault(decision.id, []).append(decision)
    return [
        Orphan(ident, decisions, remembered.get(ident), _successors(remembered.get(ident), opened))
        for ident, decisions in by_id.items()
    ]


def _successors(was: Agreement | None, opened: ReviewedFolder) -> list[Agreement]:
    if was is None:
        return []
    return [
        r
        for r in opened.extracted
        if (r.article.path, r.article.item) == (was.article.path, was.article.item)
        and r.instrument == was.instrument
        and _sides(r) == _sides(was)
    ]


def _sides(record: Agreement) -> set[str | None]:
    # By country, as the key is: "la Chine" in one version, "la CNSA" in the other.
    return {p.country or p.name for p in record.parties}


def orphan_lines(orphans: list[Orphan], folder: Path) -> list[str]:
    """What `review DIR --orphans` prints: each gone record, its decisions, what may have
    replaced it and the command that re-attaches them; a closing count."""
    lines = []
    for orphan in orphans:
        lines.append(f"{orphan.id}: {summary(orphan.was) if orphan.was else 'not known'}")
        if orphan.was is not None:
            lines.append(f"  {article_label(orphan.was)}: «{_quote(orphan.was)}»")
        for decision in orphan.decisions:
            lines.append(f"  decision {decision.seq}: {describe(decision)}")
        for successor in orphan.successors:
            lines.append(f"  now perhaps {successor.id}: {summary(successor)}")
            lines.append(f"    «{_quote(successor)}»")
            lines.append(f"    coopextract review {folder} --reattach {orphan.id} {successor.id}")
    count = sum(len(o.decisions) for o in orphans)
    if not orphans:
        lines.append(f"No orphan decisions in {folder / REVIEWS_FILE}")
    else:
        lines.append(
            f"{count} decision{'' if count == 1 else 's'} on {len(orphans)} agreement"
            f"{'' if len(orphans) == 1 else 's'} no longer in agreements.jsonl; "
            f"`--reattach OLD NEW` moves them onto another record"
        )
    return lines


def summary(record: Agreement) -> str:
    """`memorandum, Roscosmos – China, signed, 2021-03-09`: what tells a record apart."""
    parts = [record.instrument, " – ".join(p.name for p in record.parties), record.status]
    if record.date is not None:
        parts.append(record.date.value)
    return ", ".join(parts)


def _quote(record: Agreement) -> str:
    text = " ".join(record.evidence[0].text.split())
    return text if len(text) <= _QUOTED else text[: _QUOTED - 1] + "…"


def reattach(
    folder: Path, old: str, new: str, note: str | None = None, warn: Warn | None = None
) -> list[Decision]:
    """Move the orphan decisions on OLD onto NEW (`run.reviews.reattach_decisions`) and
    rebuild the folder's ledger, if it has one; return the decisions as stored, the
    `reattach` one last. Raises ReviewError (see there) or OutputError."""
    stored = reattach_decisions(folder, old, new, note, warn)
    refresh_ledger(folder)  # the copies may reject, correct, merge or split
    return stored
