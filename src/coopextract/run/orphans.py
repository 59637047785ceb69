"""Decisions whose record is gone, as an ingest run finds them: named in its manifest, with
what each record was, and told in one warning line (`run.summary`).

A record's id is its agreement's key (`assembly.records.agreement_key`): an edit of the article
that leaves the agreement's first evidence sentence alone keeps it, and the decisions follow.
An edit of that sentence, or an article pruned, leaves the decisions on the old id without a
record: orphans (`run.reviews.orphan_decisions`). The run that loses a decided record still
has it among the folder's stored records, so its manifest keeps it under `orphaned_records`;
later runs carry it over from the manifest they replace, for as long as its decisions are
orphans (`coopextract review DIR --orphans` shows it beside them; `--reattach` moves them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from coopextract.models import Agreement
from coopextract.run.results import MANIFEST_FILE
from coopextract.run.reviews import Decision, ReviewError, load_decisions, orphan_decisions
from coopextract.run.state import read_manifest

ORPHAN_DECISIONS = "orphan_decisions"  # the manifest's keys
ORPHANED_RECORDS = "orphaned_records"


@dataclass(frozen=True)
class Orphans:
    """The orphan decisions of a folder, and what their records were, where known."""

    decisions: list[Decision]  # in `seq` order
    records: list[Agreement]  # in the order of their first orphan decision

    def manifest_fields(self) -> dict[str, Any]:
        """The manifest's `orphan_decisions` ({id, action, seq}) and `orphaned_records`."""
        return {
            ORPHAN_DECISIONS: [
                {"id": d.id, "action": d.action, "seq": d.seq} for d in self.decisions
            ],
            ORPHANED_RECORDS: [r.model_dump(mode="json") for r in self.records],
        }


def find_orphans(folder: Path, records: list[Agreement], before: Iterable[Agreement]) -> Orphans:
    """The decisions of FOLDER/reviews.jsonl whose record is not among `records` (those a run
    is about to write), with what their records were: from `before` (the records the folder
    held), else from the folder's manifest. None when the reviews file cannot be read: the
    ledger's rebuild warns of it (`run.ledger_file.update_ledger`)."""
    try:
        decisions = load_decisions(folder, warn=lambda _: None)
    except ReviewError:
        return Orphans([], [])
    orphans = orphan_decisions({r.id for r in records}, decisions)
    if not orphans:
        return Orphans([], [])
    known = {r.id: r for r in orphaned_records(read_manifest(folder / MANIFEST_FILE))}
    known.update((r.id, r) for r in before)
    ids = dict.fromkeys(d.id for d in orphans)
    return Orphans(orphans, [known[i] for i in ids if i in known])


def orphaned_records(manifest: dict[str, Any]) -> list[Agreement]:
    """The records a manifest remembers for orphan decisions; invalid entries left out (the
    manifest is a report: a hand edit costs what it remembered, never the run)."""
    found = []
    entries = manifest.get(ORPHANED_RECORDS)
    for entry in entries if isinstance(entries, list) else ():
        try:
            found.append(Agreement.model_validate(entry))
        except ValidationError:
            continue
    return found
