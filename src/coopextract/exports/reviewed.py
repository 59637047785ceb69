"""The records an export takes: those of a folder with the reviewers' decisions applied.

Every format carries two columns more than the record: `review`, the record's verdict
(`accepted`, `rejected`, or null when undecided), and `corrected`, the fields a reviewer
set (in the order they were first set), so that rows of rejected records exported with
`--include-rejected` can be told apart and corrected values from extracted ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from coopextract.models import Agreement
from coopextract.review.decisions import Decision, verdicts
from coopextract.review.folder import open_folder

REVIEW_COLUMN = "review"
CORRECTED_COLUMN = "corrected"
# What the two columns hold, for the formats that describe their columns (Parquet, CSV).
REVIEW_DESCRIPTIONS = (
    "The reviewers' verdict: accepted, rejected, or null while undecided.",
    "The fields a reviewer corrected, in the order they were first set.",
)


@dataclass(frozen=True)
class ReviewState:
    verdict: str | None = None  # "accepted", "rejected", or None: undecided
    corrected: tuple[str, ...] = ()  # the fields a reviewer set


NOT_REVIEWED = ReviewState()


@dataclass(frozen=True)
class Reviewed:
    records: list[Agreement]  # in the order of agreements.jsonl
    states: dict[str, ReviewState] = field(default_factory=dict)  # by record id
    orphans: list[Decision] = field(default_factory=list)  # decisions of no record
    left_out: int = 0  # rejected records not in `records`

    def state(self, record: Agreement) -> ReviewState:
        return self.states.get(record.id, NOT_REVIEWED)


def review_states(decisions: list[Decision]) -> dict[str, ReviewState]:
    verdict = verdicts(decisions)
    corrected: dict[str, dict[str, None]] = {}
    for decision in sorted(decisions, key=lambda d: d.seq):
        if decision.action == "set" and decision.field:
            corrected.setdefault(decision.id, {})[decision.field] = None
    return {
        ident: ReviewState(verdict.get(ident), tuple(corrected.get(ident, ())))
        for ident in verdict.keys() | corrected.keys()
    }


def load_reviewed(
    folder: Path, include_rejected: bool = False, warn: Callable[[str], None] | None = None
) -> Reviewed:
    """FOLDER/agreements.jsonl with FOLDER/reviews.jsonl applied: `set` corrections made,
    rejected records left out unless `include_rejected`; `warn` is told of an unfinished
    last line of reviews.jsonl, left out.

    Raises InputError (NoResultsError) when agreements.jsonl is missing or invalid,
    ReviewError when a decision is.
    """
    opened = open_folder(folder, warn, include_rejected)
    return Reviewed(
        opened.records, review_states(opened.decisions), opened.orphans, opened.left_out
    )
