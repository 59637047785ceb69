"""Reviewers' decisions on the ledger: merge two entries, split a record out of its entry.

A reviewer names entries by their `led-…` id or by any of their records' ids, as
`review --ledger` and `review --entry` show them. The decision is stored in reviews.jsonl
with record ids only: an entry's id comes from its first report and changes when an earlier
report joins it, while a record's id stays as long as its article's content does, so the
decision holds on every later ingest run. The ledger is rebuilt at once
(`run.ledger_file.update_ledger`), so that the next listing shows the decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coopextract.ledger.entry import LedgerEntry
from coopextract.review.decisions import (
    Decision,
    ReviewError,
    load_decisions,
    record_decision,
    verdicts,
)
from coopextract.review.fields import MIN_PREFIX
from coopextract.run.ledger_file import read_ledger, update_ledger
from coopextract.run.results import LEDGER_FILE, read_results
from coopextract.run.reviews import Warn


@dataclass(frozen=True)
class LedgerChange:
    """What a merge or split did: the decision as stored, the entries it named as they were,
    the entries their records are in now (the decision's record's first), how many entries
    the rebuilt ledger has, and the merges a split recorded to keep the rest together.
    Entry ids may change: an entry's id is its first report's, so the record split out of
    an entry may take the entry's id along."""

    decision: Decision
    before: list[LedgerEntry]
    after: list[LedgerEntry]
    entries: int
    kept: list[Decision] = field(default_factory=list)  # merges a split added (see `split`)


def find_entry(folder: Path, entries: list[LedgerEntry], ident: str) -> LedgerEntry:
    """The entry with this id, or the one holding the record with this id, either given
    whole or by its start as the tables show it (`5880f8`, `led-5880f8`; at least
    MIN_PREFIX digits); ReviewError naming the folder and how to list the ids when there is
    none, or when the start is that of several."""
    for entry in entries:
        if ident == entry.id or ident in entry.records:
            return entry
    digits = ident.strip().lower().removeprefix("led-").removeprefix("agr-")
    if len(digits) >= MIN_PREFIX and not digits.strip("0123456789abcdef"):
        wanted = ident.strip().lower()
        found = [
            entry
            for entry in entries
            if any(
                candidate.removeprefix("led-").removeprefix("agr-").startswith(digits)
                for candidate in _named_by(entry, wanted)
            )
        ]
        if len({e.id for e in found}) == 1:
            return found[0]
        if found:
            raise ReviewError(
                f"{ident} is the start of several ids in {folder / LEDGER_FILE} "
                f"({', '.join(sorted({e.id for e in found})[:3])}); give more of its digits"
            )
    ledger = folder / LEDGER_FILE
    listing = f"list the entries with `coopextract review {folder} --ledger`"
    if ident.startswith("led-"):
        raise ReviewError(f"no ledger entry {ident} in {ledger}; {listing}")
    if ident in {r.id for r in read_results(folder)}:
        if verdicts(load_decisions(folder, lambda _: None)).get(ident) == "rejected":
            raise ReviewError(
                f"{ident} is rejected, so in no entry of {ledger}; "
                f"`coopextract review {folder} --accept {ident}` brings it back"
            )
        raise ReviewError(
            f"{ident} is in no entry of {ledger}, which is older than agreements.jsonl; "
            f"rebuild it with `coopextract ingest SOURCE -o {folder}`"
        )
    raise ReviewError(f"no ledger entry or agreement {ident} in {folder}; {listing}")


def _named_by(entry: LedgerEntry, wanted: str) -> tuple[str, ...]:
    """The ids of an entry a start may be of: its own for `led-…`, its records' for
    `agr-…`, both for bare digits."""
    if wanted.startswith("led-"):
        return (entry.id,)
    if wanted.startswith("agr-"):
        return tuple(entry.records)
    return (entry.id, *entry.records)


def merge(
    folder: Path, first: str, second: str, note: str | None = None, warn: Warn | None = None
) -> LedgerChange:
    """Record that the entries of `first` and `second` (entry or record ids) are one
    agreement, and rebuild the ledger. An entry id stands for the record it was first
    reported by. ReviewError when either is unknown or both are already one entry."""
    entries = read_ledger(folder)
    a, b = find_entry(folder, entries, first), find_entry(folder, entries, second)
    if a is b:
        raise ReviewError(
            f"{first} and {second} are already one ledger entry, {a.id}; nothing to merge"
        )
    decision = Decision(
        id=_record_of(a, first), action="merge", other=_record_of(b, second), note=note
    )
    return _recorded(folder, decision, [a, b], warn)


def split(
    folder: Path, record_id: str, note: str | None = None, warn: Warn | None = None
) -> LedgerChange:
    """Record that a record reports an agreement of its own, not its entry's, and rebuild the
    ledger. The entry's other records stay one agreement: when they would fall apart without
    the record (an earlier merge was recorded through it), merge decisions joining them are
    recorded too. ReviewError when it is unknown, an entry's id, or alone in its entry."""
    entries = read_ledger(folder)
    entry = find_entry(folder, entries, record_id)
    if record_id == entry.id:
        raise ReviewError(
            f"a split takes one record out of its entry: name one of {entry.id}'s records "
            f"({', '.join(entry.records)}), not the entry"
        )
    if len(entry.records) == 1:
        raise ReviewError(
            f"{record_id} is the only record of ledger entry {entry.id}; "
            "there is nothing to split it from"
        )
    decision = Decision(id=record_id, action="split", note=note)
    change = _recorded(folder, decision, [entry], warn)
    rest = [e for e in change.after if record_id not in e.records]
    if len(rest) < 2:
        return change
    # The rest fell apart: a reviewer's merge held it together through the record split out
    # (an entry id stands for its first record), or the record alone joined the others.
    # The split takes one record out; the others stay one agreement, by decisions of their own.
    anchors = [next(r for r in piece.records if r in entry.records) for piece in rest]
    kept = [
        record_decision(
            folder,
            Decision(
                id=anchor,
                action="merge",
                other=anchors[0],
                note=f"kept with the rest of {entry.id} when {record_id} was split out "
                f"(decision {change.decision.seq})",
            ),
            warn,
        )
        for anchor in anchors[1:]
    ]
    again = _recorded_after(folder, change.decision, [entry])
    return LedgerChange(again.decision, again.before, again.after, again.entries, kept)


def _record_of(entry: LedgerEntry, ident: str) -> str:
    # An entry's id is made from its first report's record: that record stands for it.
    return ident if ident in entry.records else entry.history[0].record


def _recorded(
    folder: Path, decision: Decision, before: list[LedgerEntry], warn: Warn | None
) -> LedgerChange:
    return _recorded_after(folder, record_decision(folder, decision, warn), before)


def _recorded_after(folder: Path, stored: Decision, before: list[LedgerEntry]) -> LedgerChange:
    """The change once the ledger is rebuilt with `stored` (and any decision before it)."""
    entries = update_ledger(folder)
    records = [stored.id, *(r for entry in before for r in entry.records)]
    after = {e.id: e for record in records for e in entries if record in e.records}
    return LedgerChange(stored, before, list(after.values()), len(entries))


def refresh_ledger(folder: Path) -> list[LedgerEntry] | None:
    """Rebuild FOLDER's ledger after a decision (a rejected record leaves it, an accepted one
    comes back, a correction reaches it); None, and nothing written, when the folder has no
    ledger.jsonl yet."""
    if not (folder / LEDGER_FILE).is_file():
        return None
    return update_ledger(folder)
