"""`DIR/ledger.jsonl`: the ledger of a results folder, rebuilt from its records and decisions.

The ledger is a pure function of agreements.jsonl, the reviewers' decisions and the rules, so
it is rebuilt whole at the end of every ingest run (and after a merge or split decision) and
replaced atomically: a run killed before or during the rewrite leaves the previous ledger, and
the next run writes the same bytes a clean run would.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from coopextract.errors import InputError
from coopextract.ledger import Link, build_ledger, format_ledger, instrument_kinds
from coopextract.ledger.entry import LedgerEntry
from coopextract.models import Agreement
from coopextract.run.results import LEDGER_FILE, MANIFEST_FILE, read_results
from coopextract.run.reviews import Decision, ReviewError, apply_decisions, load_decisions
from coopextract.writing import parse_models, write_atomic

logger = logging.getLogger(__name__)


def ledger_links(decisions: list[Decision]) -> list[Link]:
    """The merge and split decisions, in the order they were made."""
    return [
        Link(d.action, d.id, d.other, d.seq)
        for d in sorted(decisions, key=lambda d: d.seq)
        if d.action in ("merge", "split")
    ]


def update_ledger(
    folder: Path,
    records: list[Agreement] | None = None,
    rules_dir: Path | None = None,
    *,
    tolerant: bool = False,
) -> list[LedgerEntry]:
    """Rebuild FOLDER/ledger.jsonl from `records` (default: the folder's) as reviewed: with
    their `set` corrections, without the rejected ones, honouring merge and split decisions;
    return its entries.

    `rules_dir` None is the rules of the folder's last ingest run (its manifest says which).
    A reviews.jsonl that cannot be read, or a correction that no longer fits, raises
    ReviewError; with `tolerant` (as ingest calls it) it is a warning, and the ledger is built
    without the decisions."""
    records = read_results(folder) if records is None else records
    if rules_dir is None:
        rules_dir = _ingested_rules(folder)
    try:
        decisions = load_decisions(folder)
        kept, _ = apply_decisions(records, decisions)  # corrected; the rejected left out
    except ReviewError as err:
        if not tolerant:
            raise
        # The records are committed; a reviews file to repair must not undo the run.
        logger.warning(f"Warning: {err}; the ledger is built without the decisions until then")
        decisions, kept = [], records
    entries = build_ledger(kept, instrument_kinds(rules_dir), ledger_links(decisions))
    write_atomic(folder / LEDGER_FILE, format_ledger(entries))
    return entries


def _ingested_rules(folder: Path) -> Path | None:
    """The --rules of the folder's last ingest run, so that a rebuild after a review decision
    matches with the same instrument kinds (None: the shipped rules)."""
    try:
        rules = json.loads((folder / MANIFEST_FILE).read_bytes()).get("rules_dir")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(rules) if isinstance(rules, str) and Path(rules).is_dir() else None


def read_ledger(folder: Path) -> list[LedgerEntry]:
    """The entries of FOLDER/ledger.jsonl; InputError when it is missing or not a ledger."""
    path = folder / LEDGER_FILE
    if not path.is_file():
        raise InputError(
            f"{path} not found; run `coopextract ingest SOURCE -o {folder}` to build it"
        )
    advice = f"run `coopextract ingest SOURCE -o {folder}` again to rebuild it"
    return parse_models(path.read_bytes(), path, LedgerEntry, "ledger entry", advice)
