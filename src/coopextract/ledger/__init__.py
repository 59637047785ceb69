"""The ledger: one entry per real-world agreement, across articles and languages.

`build_ledger(records, kinds, links)` groups the records of a results folder (`grouping`, by
the keys of `matching`), replays reviewers' merge and split decisions, and reads one entry
from each group (`consolidate`). It is a pure function of its input: the same records, rules
and decisions give the same entries, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from coopextract.ledger.consolidate import entry_of
from coopextract.ledger.entry import LedgerEntry
from coopextract.ledger.grouping import Link, group_records
from coopextract.ledger.matching import InstrumentKinds
from coopextract.models import Agreement
from coopextract.rule_files import load_instrument_kinds

__all__ = ["InstrumentKinds", "LedgerEntry", "Link", "build_ledger", "instrument_kinds"]


def instrument_kinds(rules_dir: Path | None = None) -> InstrumentKinds:
    """The instrument kinds of `rules/shared/instruments.jsonl`."""
    vague, groups = load_instrument_kinds(rules_dir)
    return InstrumentKinds(vague, groups)


def build_ledger(
    records: Iterable[Agreement], kinds: InstrumentKinds, links: Sequence[Link] = ()
) -> list[LedgerEntry]:
    """One entry per agreement the records report, sorted by id."""
    entries = [entry_of(group, kinds) for group in group_records(records, kinds, links)]
    return sorted(entries, key=lambda e: e.id)


def format_ledger(entries: Iterable[LedgerEntry]) -> bytes:
    """The bytes of ledger.jsonl: one entry a line, in the order given."""
    return "".join(e.model_dump_json() + "\n" for e in entries).encode("utf-8")
