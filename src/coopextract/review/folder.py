"""A results folder opened for review: its records as extracted and as the reviewers'
decisions correct them, the decisions and their verdicts, and the orphan decisions.

`coopextract review` (the table, `--show`, a decision, `--html`) and the exports open a
folder here, so that all of them read it the same way: the records of agreements.jsonl
(`coopextract.run.results.read_results`, one error when there are none), the decisions of
reviews.jsonl applied (`review.decisions.apply_decisions`), and one warning for decisions
whose record is gone (`review.orphans` lists them, and re-attaches them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from coopextract.models import Agreement
from coopextract.review.decisions import (
    Action,
    Decision,
    ReviewError,
    Verdict,
    apply_decisions,
    apply_set,
    load_decisions,
    orphan_ids,
    parse_assignment,
    record_decision,
    unknown_record,
    verdicts,
)
from coopextract.review.fields import MIN_PREFIX
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

    def resolve(self, given: str) -> str:
        """The id of the record `given` names: its id, or the start of it as the review
        table shows it (`e03326`, `agr-e03326`; at least MIN_PREFIX digits, any case).
        ReviewError when no record, or more than one, has such an id."""
        wanted = given.strip().lower()
        ids = [r.id for r in self.extracted]
        if wanted in ids:
            return wanted
        digits = wanted.removeprefix("agr-")
        if len(digits) >= MIN_PREFIX and not digits.strip("0123456789abcdef"):
            found = [i for i in ids if i.removeprefix("agr-").startswith(digits)]
            if len(found) == 1:
                return found[0]
            if found:
                raise ReviewError(
                    f"{given} is the start of {len(found)} agreement ids ({', '.join(found[:3])}"
                    f"{', …' if len(found) > 3 else ''}); give more of its digits"
                )
        raise unknown_record(self.folder, given, any(d.id == given for d in self.orphans))

    def find(self, record_id: str) -> tuple[Agreement, Agreement]:
        """The record with this id (or the start of it: `resolve`) as corrected and as
        extracted; ReviewError naming the folder when there is none (and why, when it has
        decisions all the same)."""
        record_id = self.resolve(record_id)
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
    (stored,) = decide_all(folder, [Wanted(record_id, action, assignment)], note, warn)
    return stored


@dataclass(frozen=True)
class Wanted:
    """A decision as typed: a record id (or its start), the action, and for `set` the
    assignment `FIELD=VALUE`."""

    record: str
    action: Action
    assignment: str = ""


def decide_all(
    folder: Path, wanted: Iterable[Wanted], note: str | None = None, warn: Warn | None = None
) -> list[Decision]:
    """Record several decisions on records of FOLDER, in order, all with `note`; the
    decisions as stored. Every one is checked first (its id, its correction against the
    record as the decisions before it leave it; no record both accepted and rejected), so a
    mistake records none of them; then they are appended and the ledger rebuilt once."""
    # Quiet about an unfinished last line: record_decision says where it moves it.
    opened = open_folder(folder, warn=lambda _: None)
    decisions: list[Decision] = []
    last = max((d.seq for d in opened.decisions), default=0)
    for one in wanted:
        record_id = opened.resolve(one.record)
        if one.action == "set":
            # Checked after the folder's decisions and this call's earlier ones, in order.
            earlier = [
                *opened.decisions,
                *(d.model_copy(update={"seq": last + n}) for n, d in enumerate(decisions, 1)),
            ]
            extracted = next(r for r in opened.extracted if r.id == record_id)
            (corrected,), _ = apply_decisions([extracted], earlier, include_rejected=True)
            field, value = parse_assignment(corrected, one.assignment)
            decision = Decision(id=record_id, action="set", field=field, value=value, note=note)
            apply_set(corrected, decision)  # raises when the value does not fit
        else:
            decision = Decision(id=record_id, action=one.action, note=note)
        decisions.append(decision)
    said = {(d.id, d.action) for d in decisions}
    both = [i for i, action in said if action == "accept" and (i, "reject") in said]
    if both:
        raise ReviewError(
            f"{', '.join(sorted(both))}: both accepted and rejected in one command; "
            "give each agreement one verdict"
        )
    stored = [record_decision(folder, decision, warn=warn) for decision in decisions]
    if stored:
        refresh_ledger(folder)  # the ledger is built from the records as reviewed
    return stored
