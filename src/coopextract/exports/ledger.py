"""The ledger in the exports: FOLDER/ledger.jsonl beside the records, in CSV, Parquet and SQLite.

The ledger is exported as the last ingest run wrote it (`coopextract.run.ledger_file`): one
entry per real-world agreement, built from the records that were not rejected. A folder
without ledger.jsonl is exported without a ledger part, with a warning for the user. A ledger
that no longer matches the records and the decisions (a record rejected since the last ingest
run, a run killed between writing the records and the ledger) is exported as it is, with a
warning saying how to rebuild it; the SQLite link table then links only the records the
export holds, so that its foreign keys hold. Label Studio tasks are records to label: the
ledger is not among them.

The readable forms of an entry's lists, for CSV cells, are here too: parties
(`Roscosmos (RU); CNSA (CN)`), history (`proposed 2021-02 (fr); signed 2021-03-09 (ru)`) and
conflicts (`date: 2021-03-09 (agr-a, agr-b) | 2021-03-10 (agr-c)`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from coopextract.exports.flat import party_label
from coopextract.ledger.entry import LedgerEntry
from coopextract.run.ledger_file import read_ledger
from coopextract.run.results import LEDGER_FILE
from coopextract.terminal import plural


@dataclass(frozen=True)
class FolderLedger:
    entries: list[LedgerEntry] | None  # None: the folder has no ledger.jsonl
    warning: str | None = None  # what the user should know: no ledger, or an outdated one


def load_ledger(folder: Path, kept: Iterable[str]) -> FolderLedger:
    """The entries of FOLDER/ledger.jsonl, checked against `kept`, the ids of the records it
    should merge (those not rejected). Raises InputError when ledger.jsonl is not a ledger."""
    path = folder / LEDGER_FILE
    if not path.is_file():
        return FolderLedger(None, f"No ledger exported: {path} not found (ingest writes it)")
    entries = read_ledger(folder)
    mismatch = ledger_mismatch(entries, set(kept))
    if mismatch is None:
        return FolderLedger(entries)
    return FolderLedger(
        entries,
        f"{path} does not match the records and decisions ({mismatch}); it is exported as it "
        f"is: run `coopextract ingest SOURCE -o {folder}` to rebuild it",
    )


def ledger_mismatch(entries: list[LedgerEntry], kept: set[str]) -> str | None:
    """What differs between the records the entries merge and the records kept, or None."""
    named = {ident for entry in entries for ident in entry.records}
    differences = []
    if kept - named:
        differences.append(f"{plural(len(kept - named), 'record')} in no entry")
    if named - kept:
        differences.append(f"{plural(len(named - kept), 'record')} rejected or gone")
    return ", ".join(differences) or None


def parties_text(entry: LedgerEntry) -> str:
    """ "Roscosmos (RU); CNSA (CN)"."""
    return "; ".join(party_label(side) for side in entry.parties)


def history_text(entry: LedgerEntry) -> str:
    """Each reported state with its date and language, oldest first:
    "proposed 2021-02 (fr); signed 2021-03-09 (ru)"."""
    return "; ".join(
        " ".join(filter(None, [report.status, report.date and report.date.value]))
        + f" ({report.language})"
        for report in entry.history
    )


def conflicts_text(entry: LedgerEntry) -> str:
    """Each field the reports disagree on, its values and their records:
    "date: 2021-03-09 (agr-a, agr-b) | 2021-03-10 (agr-c); period: 2018/2022 (agr-a) | …"."""
    return "; ".join(
        f"{conflict.field}: "
        + " | ".join(f"{value_text(d.value)} ({', '.join(d.records)})" for d in conflict.values)
        for conflict in entry.conflicts
    )


def value_text(value: object) -> str:
    """A conflicting value as text: a period as `start/end` (as `review --set` takes it)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and value.keys() == {"start", "end"}:
        return f"{value['start'] or ''}/{value['end'] or ''}"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
