"""A results folder opened for review: its records as extracted and as the reviewers'
decisions correct them, the decisions and their verdicts, and the orphan decisions.

`coopextract review` (the table, `--show`, a decision, `--html`) and the exports open a
folder here, so that all of them read it the same way: the records of agreements.jsonl
(`coopextract.run.results.read_results`, one error when there are none), the decisions of
reviews.jsonl applied (`review.decisions.apply_decisions`), and one warning for decisions
whose record is gone (`review.orphans` lists them, and re-attaches them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from coopextract.models import Agreement
from coopextract.review.decisions import (
    Action,
    Decision,
    Verdict,
    apply_decisions,
    load_decisions,
    orphan_ids,
    parse_assignment,
    record_decision,
    unknown_record,
    verdicts,
)
from coopextract.review.ledger_decisions import refresh_ledger
from coopextract.run.results import REVIEWS_FILE, read_results

Warn = Callable[[str], None]


@dataclass(frozen=True)
class ReviewedFolder:
    """What `open_folder` read."""

    folder: Path
    extracted: list[Agreement]  # as in agreements.jsonl, in its order
    records: list[Agreement]  # corrected, in the same order; rejected ones unless left out
    decisions: list[Decision]  # in `seq` order
    orphans: list[Decision]  # decisions of no record in agreements.jsonl, in `seq` order

    @property
    def left_out(self) -> int:
        """How many rejected records `records` leaves out."""
        return len(self.extracted) - len(self.records)

    @cached_property
    def verdicts(self) -> dict[str, Verdict]:
        return verdicts(self.decisions)

    def find(self, record_id: str) -> tuple[Agreement, Agreement]:
        """The record with this id as corrected and as extracted; ReviewError naming the
        folder when there is none (and why, when it has decisions all the same)."""
        for record in self.records:
            if record.id == record_id:
                return record, next(r for r in self.extracted if r.id == record_id)
        orphaned = any(d.id == record_id for d in self.orphans)
        raise unknown_record(self.folder, record_id, orphaned)


def open_folder(
    folder: Path, warn: Warn | None = None, include_rejected: bool = True
) -> ReviewedFolder:
    """FOLDER's records with its decisions applied; rejected records left out unless
    `include_rejected`. `warn` is told of an unfinished last line of reviews.jsonl (left
    out). Raises NoResultsError when the folder holds no agreements.jsonl, InputError when
    it is invalid, ReviewError when a decision is or no longer fits its record."""
    extracted = read_results(folder)
    decisions = load_decisions(folder, warn)
    records, orphans = apply_decisions(extracted, decisions, include_rejected=include_rejected)
    return ReviewedFolder(folder, extracted, records, decisions, orphans)


def orphan_warning(orphans: list[Decision], folder: Path) -> str | None:
    """The warning line for decisions whose record is gone, or None when there are none."""
    ids = orphan_ids(orphans)
    if not ids:
        return None
    count = len(orphans)
    return (
        f"Warning: {count} decision{'' if count == 1 else 's'} in {folder / REVIEWS_FILE} "
        f"{'is' if count == 1 else 'are'} for agreement{'' if len(ids) == 1 else 's'} no "
        f"longer in agreements.jsonl ({', '.join(ids)}): the evidence changed or the article "
        f"was pruned; they are kept: list them with `coopextract review {folder} --orphans`"
    )


def decide(
    folder: Path,
    record_id: str,
    action: Action,
    note: str | None = None,
    assignment: str = "",
    warn: Warn | None = None,
) -> Decision:
    """Record a decision on a record of FOLDER: `accept`, `reject`, or `set` with an
    assignment such as `status=signed` (checked against the record as corrected so far).
    Returns the decision as stored, with its `seq`. Every decision rebuilds the folder's
    ledger, if it has one: a rejected record leaves it, a correction reaches it. Raises
    ReviewError (unknown id, invalid correction) or OutputError."""
    # Quiet about an unfinished last line: record_decision says where it moves it.
    corrected, _ = open_folder(folder, warn=lambda _: None).find(record_id)
    if action == "set":
        field, value = parse_assignment(corrected, assignment)
        decision = Decision(id=record_id, action="set", field=field, value=value, note=note)
    else:
        decision = Decision(id=record_id, action=action, note=note)
    stored = record_decision(folder, decision, warn=warn)
    refresh_ledger(folder)  # the ledger is built from the records as reviewed
    return stored
