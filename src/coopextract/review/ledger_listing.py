"""Listing the ledger for review: which entries to show, and how a terminal shows them.

`select_entries` applies the filters of `coopextract review` to ledger entries (the period
filters to the entry's date), `ledger_table` is the table of `review --ledger`, and
`entry_view` one entry for `review --entry`. Like `review.listing`, every text from the data
reaches the terminal as a `Text` with its controls made visible.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coopextract.review.fields import SHORT_WORDS, describe, short_ids
from coopextract.review.listing import wrap_names
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


# Columns of the ledger table; parties is the one that wraps (between names) to fit.
LEDGER_COLUMNS = ("id", "parties", "instrument", "status", "date", "reports", "languages")
MIN_LEDGER_PARTIES = 12


def ledger_table(
    entries: list[LedgerEntry], total: int, records: int, *, width: int = 80
) -> RenderableType:
    """The entries as a table `width` columns wide at most, then a line of counts (`total`
    entries and `records` records in the whole ledger).

    As the records' table: on a wide terminal every cell is whole; on a narrow one an id is
    its short form (`fields.short_ids`: digits after `led-`, which --entry, --merge and
    --split take), `joint_statement` is `joint_stmt` and the parties wrap between names.
    Vocabulary words, dates, ids and party names are never cut.
    """
    from rich import box
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    ids = short_ids(e.id for e in entries)
    rows = [
        {
            "id": entry.id,
            "short": ids[entry.id],
            "names": tuple(visible(side.name) for side in entry.parties),
            "instrument": entry.instrument,
            "status": entry.status,
            "date": entry.date.value if entry.date else "—",
            "reports": str(len(entry.history)),
            "languages": ", ".join(languages(entry)),
        }
        for entry in entries
    ]

    def natural(name: str, wide: bool) -> int:
        if name == "parties":
            texts = [" – ".join(row["names"]) for row in rows]  # type: ignore[arg-type]
        elif name == "id":
            texts = [str(row["id" if wide else "short"]) for row in rows]
        else:
            texts = [
                str(row[name]) if wide else SHORT_WORDS.get(str(row[name]), str(row[name]))
                for row in rows
            ]
        return max([len(name), *map(cell_len, texts)])

    gaps = len(LEDGER_COLUMNS) - 1
    widths = {name: natural(name, True) for name in LEDGER_COLUMNS}
    wide = sum(widths.values()) + 2 * gaps <= width
    if not wide:
        widths = {name: natural(name, False) for name in LEDGER_COLUMNS}
        room = width - sum(w for n, w in widths.items() if n != "parties") - gaps
        widths["parties"] = max(min(widths["parties"], room), MIN_LEDGER_PARTIES)
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 0, 0, 1 if wide else 0),  # the box puts one space between columns
        header_style="bold",
        highlight=False,
    )
    for name in LEDGER_COLUMNS:
        table.add_column(
            name,
            width=widths[name],
            no_wrap=name != "parties",
            overflow="fold",
            justify="right" if name == "reports" else "left",
        )
    for row in rows:
        names: tuple[str, ...] = row["names"]  # type: ignore[assignment]
        cells = [
            str(row["id"] if wide else row["short"]),
            " – ".join(names) if wide else wrap_names(names, widths["parties"], " –"),
            *(
                str(row[n]) if wide else SHORT_WORDS.get(str(row[n]), str(row[n]))
                for n in LEDGER_COLUMNS[2:]
            ),
        ]
        table.add_row(*(Text(visible(cell)) for cell in cells))
    shown = f"{len(entries)} of {total}" if len(entries) != total else f"{total}"
    several = sum(1 for e in entries if len(e.history) > 1)
    caption = (
        f"{shown} ledger entr{'y' if total == 1 else 'ies'} from {records} "
        f"record{'' if records == 1 else 's'}; {several} with several reports"
    )
    return Group(table, Text(caption))


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
