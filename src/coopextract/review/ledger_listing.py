"""Listing the ledger for review: which entries to show, and how a terminal shows them.

`select_entries` applies the filters of `coopextract review` to ledger entries (the period
filters to the entry's date), `ledger_table` is the table of `review --ledger`, and
`entry_view` one entry for `review --entry`. Like `review.listing`, every text from the data
reaches the terminal as a `Text` with its controls made visible.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coopextract.review.fields import describe, review_table
from coopextract.run.ledger_file import read_ledger
from coopextract.run.results import LEDGER_FILE
from coopextract.terminal import visible

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

    from coopextract.ledger.entry import LedgerEntry, Report
    from coopextract.review.decisions import Decision
    from coopextract.review.listing import Filters


def ledger_if_any(folder: Path) -> list[LedgerEntry] | None:
    """FOLDER's ledger entries, or None when it has no ledger.jsonl (a folder of an older
    coopextract); InputError when the file is not a ledger."""
    return read_ledger(folder) if (folder / LEDGER_FILE).is_file() else None


def entry_matches(filters: Filters, entry: LedgerEntry) -> bool:
    """The filters of `review.listing.Filters` on an entry: its parties, its (latest)
    status, its date, and the articles of its reports. An entry has no confidence: the
    command line refuses --min-confidence with --ledger."""
    return (
        filters.names_parties(entry.parties)
        and filters.keeps_status(entry.status)
        and filters.keeps_date(entry.date.value if entry.date else None)
        and filters.keeps_article(*(report.article for report in entry.history))
    )


def select_entries(filters: Filters, entries: list[LedgerEntry]) -> list[LedgerEntry]:
    return [e for e in entries if entry_matches(filters, e)]


def languages(entry: LedgerEntry) -> list[str]:
    """The languages of an entry's reports, in order of first report."""
    return list(dict.fromkeys(report.language for report in entry.history))


def parties_line(entry: LedgerEntry) -> str:
    return " – ".join(side.name for side in entry.parties)


def report_source(report: Report) -> str:
    """A report's article as the manifest names it: its path, and its item in a JSON file."""
    return report.article if report.item is None else f"{report.article} [{report.item}]"


# --- the terminal ----------------------------------------------------------------------------


def ledger_table(entries: list[LedgerEntry], total: int, records: int) -> Table:
    """The entries as a rich table, one row each; `total` entries and `records` records in
    the whole ledger, for the caption."""
    from rich.text import Text

    shown = f"{len(entries)} of {total}" if len(entries) != total else f"{total}"
    several = sum(1 for e in entries if len(e.history) > 1)
    caption = (
        f"{shown} ledger entr{'y' if total == 1 else 'ies'} from {records} "
        f"record{'' if records == 1 else 's'}; {several} with several reports"
    )
    columns = ("id", "parties", "instrument", "status", "date", "reports", "languages")
    table = review_table(caption, columns)
    for entry in entries:
        cells = (
            entry.id,
            parties_line(entry),
            entry.instrument,
            entry.status,
            entry.date.value if entry.date else "—",
            str(len(entry.history)),
            ", ".join(languages(entry)),
        )
        table.add_row(*(Text(visible(cell)) for cell in cells))
    return table


def entry_view(entry: LedgerEntry, decisions: list[Decision]) -> list[RenderableType]:
    """One entry for --entry: its fields, conflicts, why its records are one agreement, its
    history (each report with its article, record and evidence), and the reviewers' merge
    and split decisions about its records."""
    from rich.text import Text

    head = Text(visible(entry.id), style="bold")
    head.append(
        f"  {visible(entry.status)} {visible(entry.instrument)} · {visible(parties_line(entry))}",
        style="italic",
    )
    out: list[RenderableType] = [head, _fields(entry)]
    if entry.conflicts:
        out.append(Text("\nConflicts", "bold"))
        for conflict in entry.conflicts:
            values = " · ".join(
                f"{conflict_value(v.value)} ({', '.join(v.records)})" for v in conflict.values
            )
            out.append(Text(f"  {visible(conflict.field)}: {visible(values)}"))
    out.append(Text("\nWhy", "bold"))
    out.extend(Text(f"  {visible(reason)}") for reason in entry.why)
    out.append(Text(f"\nHistory ({len(entry.history)} reports)", "bold"))
    for number, report in enumerate(entry.history, 1):
        out.extend(_report(number, report))
    out.append(Text("\nMerge and split decisions", "bold"))
    records = set(entry.records)
    mine = [
        d
        for d in decisions
        if d.action in ("merge", "split") and (d.id in records or d.other in records)
    ]
    if not mine:
        out.append(Text("  none"))
    for decision in mine:
        out.append(Text(f"  {decision.seq} {visible(decision.id)}: {visible(describe(decision))}"))
    return out


def _fields(entry: LedgerEntry) -> Table:
    from rich.table import Table
    from rich.text import Text

    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold")
    fields.add_column()
    sides = ", ".join(
        f"{s.name} ({s.kind}{', ' + s.country if s.country else ''})" for s in entry.parties
    )
    period = f"{entry.period.start or '?'} – {entry.period.end or '?'}" if entry.period else "—"
    rows = (
        ("records", ", ".join(entry.records)),
        ("parties", sides),
        ("instrument", entry.instrument),
        ("status", entry.status),
        ("date", f"{entry.date.value} ({entry.date.precision})" if entry.date else "—"),
        ("period", period),
        ("scope", ", ".join(entry.scope) or "—"),
        ("subjects", ", ".join(entry.subjects) or "—"),
        ("first reported", entry.first_reported.value if entry.first_reported else "—"),
        ("last reported", entry.last_reported.value if entry.last_reported else "—"),
        ("languages", ", ".join(languages(entry))),
    )
    for name, value in rows:
        fields.add_row(name, Text(visible(value)))
    return fields


def _report(number: int, report: Report) -> list[RenderableType]:
    from rich.text import Text

    date = f"{report.date.value} «{report.date.text}»" if report.date else "undated"
    published = report.published.value if report.published else "unknown"
    line = Text(f"\n{number}. ", "bold")
    line.append(visible(report.status), "bold")
    line.append(
        visible(f"  {date} · published {published} · {report.language} · ")
        + visible(report_source(report))
        + f" · {visible(report.record)}"
    )
    return [line, Text(f"   {visible(report.evidence)}", style="italic")]


def conflict_value(value: object) -> str:
    """A conflicting value as text: a date or a plain value as it is, a period as START – END."""
    if isinstance(value, dict) and ("start" in value or "end" in value):
        return f"{value.get('start') or '?'} – {value.get('end') or '?'}"
    return str(value)
