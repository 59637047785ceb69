"""`coopextract review`: read the records of an output folder, decide on them, report them.

    coopextract review [DIR] [--party P] [--status S] [--since D] [--until D]
                             [--min-confidence X] [--article TEXT]      a table
    coopextract review [DIR] --show ID                                   one record, marked
    coopextract review [DIR] --accept ID | --reject ID | --set ID F=V [--note TEXT]
    coopextract review [DIR] --html report.html [filters]                an offline page

The library part (`Filters`, `format_field`, `article_file`, the terminal renderings) is used
by the command and by `review.report`; decisions themselves are `review.decisions`.
This module is imported whenever `coopextract` starts, to register the command: it imports
only typer at load time, and pydantic, rich and spaCy when a review runs, so that `--help`
stays instant.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coopextract.errors import CoopExtractError
from coopextract.terminal import console, say, visible, visible_offsets

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

    from coopextract.models import Agreement
    from coopextract.review.decisions import Decision


# One colour per mark label, shared by the terminal (--show) and the HTML report, so that a
# reviewer reads both the same way. Light backgrounds: the text on them stays black.
MARK_COLORS = {
    "trigger": "#ffd166",
    "party": "#9ad0ff",
    "status": "#a8e6a1",
    "date": "#ffb3c6",
    "period": "#d9c2ff",
    "subject": "#9ee8dc",
}

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


# --- selecting records ---------------------------------------------------------------------


def parse_date_bound(text: str) -> str:
    """A --since/--until value, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; ValueError otherwise."""
    text = text.strip()
    if not _DATE.match(text):
        raise ValueError(f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    return text


@dataclass(frozen=True)
class Filters:
    """Which records to list. Every given criterion must hold; none given keeps them all.

    `parties`: each must be one of the record's parties, by name or country code, in any
    case. `statuses`: the record's status is one of them. `since`/`until`: the record's date
    is in the range, compared at the coarser of the two precisions (a record dated `2021`
    is kept by `--since 2021-06`), and a record without a date is left out. `article`: a
    substring of the article's path, in any case.
    """

    parties: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None
    article: str | None = None

    def matches(self, record: Agreement) -> bool:
        for wanted in self.parties:
            names = {p.name.casefold() for p in record.parties}
            names |= {p.country.casefold() for p in record.parties if p.country}
            if wanted.strip().casefold() not in names:
                return False
        if self.statuses and record.status not in self.statuses:
            return False
        if self.since or self.until:
            if record.date is None:
                return False
            value = record.date.value
            if self.since and _cut(value, self.since) < _cut(self.since, value):
                return False
            if self.until and _cut(value, self.until) > _cut(self.until, value):
                return False
        if self.min_confidence is not None and record.confidence < self.min_confidence:
            return False
        return not (self.article and self.article.casefold() not in record.article.path.casefold())

    def select(self, records: list[Agreement]) -> list[Agreement]:
        return [r for r in records if self.matches(r)]

    @property
    def active(self) -> bool:
        return self != Filters()


def _cut(value: str, other: str) -> str:
    # ISO dates compare as strings once both are cut to the shorter (coarser) one.
    return value[: min(len(value), len(other))]


# --- showing fields ------------------------------------------------------------------------


def format_field(record: Agreement, name: str) -> str:
    """A field of a record as one line of text, for the table, --show and the report."""
    value = getattr(record, name)
    if name == "parties":
        return ", ".join(
            f"{p.name} ({p.kind}{', ' + p.country if p.country else ''})" for p in value
        )
    if name == "date":
        return "—" if value is None else f"{value.value} ({value.precision}) «{value.text}»"
    if name == "period":
        return "—" if value is None else f"{value.start or '?'} – {value.end or '?'}"
    if name == "space":
        return "yes" if value else "no"
    if name == "confidence":
        return f"{value:.2f}"
    if isinstance(value, list):
        return ", ".join(value) or "—"
    return str(value)


def article_label(record: Agreement) -> str:
    """The article as the manifest names it: its path, and its item in a JSON file."""
    item = record.article.item
    return record.article.path if item is None else f"{record.article.path} [{item}]"


def decision_summary(record_id: str, decisions: list[Decision]) -> str:
    """ "accepted", "rejected", "set status, date", "accepted; set status" or ""."""
    from coopextract.review.decisions import verdicts

    mine = [d for d in decisions if d.id == record_id]
    parts = []
    verdict = verdicts(mine).get(record_id)
    if verdict:
        parts.append(verdict)
    fields = list(dict.fromkeys(d.field for d in mine if d.action == "set"))
    if fields:
        parts.append("set " + ", ".join(f for f in fields if f))
    return "; ".join(parts)


def article_file(record: Agreement, source: Path | None) -> Path | None:
    """The file the record's article was read from, under SOURCE; None if it is not there.

    For an article of a JSON file this is the whole file; `record.article.item` says which
    object of it.
    """
    if source is None:
        return None
    # A single-file SOURCE reports its articles by file name.
    base = source.parent if source.is_file() else source
    path = base / record.article.path
    return path if path.is_file() else None


# --- the terminal ----------------------------------------------------------------------------


def agreements_table(records: list[Agreement], decisions: list[Decision], total: int) -> Table:
    """The records as a rich table, one row each; rejected ones dimmed. Cells are `Text`
    with controls made visible: data never reaches the terminal as markup or escapes."""
    from rich.table import Table
    from rich.text import Text

    from coopextract.review.decisions import verdicts

    verdict = verdicts(decisions)
    shown = f"{len(records)} of {total}" if len(records) != total else f"{total}"
    counts = [verdict.get(r.id) for r in records]
    caption = (
        f"{shown} agreement{'' if total == 1 else 's'}: {counts.count('accepted')} accepted, "
        f"{counts.count('rejected')} rejected, {counts.count(None)} to review"
    )
    table = Table(caption=caption, caption_justify="left", highlight=False)
    table.add_column("id", no_wrap=True)
    table.add_column("article", overflow="fold")
    table.add_column("parties")
    table.add_column("instrument")
    table.add_column("status")
    table.add_column("date", no_wrap=True)
    table.add_column("conf", justify="right")
    table.add_column("decision")
    for record in records:
        cells = (
            record.id,
            article_label(record),
            ", ".join(p.name for p in record.parties),
            record.instrument,
            record.status,
            record.date.value if record.date else "—",
            f"{record.confidence:.2f}",
            decision_summary(record.id, decisions),
        )
        table.add_row(
            *(Text(visible(cell)) for cell in cells),
            style="dim strike" if verdict.get(record.id) == "rejected" else None,
        )
    return table


def record_view(
    record: Agreement, original: Agreement, decisions: list[Decision]
) -> list[RenderableType]:
    """One record for --show: its fields (corrections beside the extracted value), each
    evidence sentence with its marks highlighted and listed by label, and its decisions.
    Every text from the data is a `Text` (no markup) with its controls made visible."""
    from rich.style import Style
    from rich.table import Table
    from rich.text import Text

    styles = {label: Style(color="black", bgcolor=color) for label, color in MARK_COLORS.items()}
    mine = [d for d in decisions if d.id == record.id]
    out: list[RenderableType] = []

    head = Text(visible(record.id), style="bold")
    summary = decision_summary(record.id, decisions)
    head.append(f"  {visible(summary) or 'not reviewed'}", style="italic")
    out.append(head)

    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold")
    fields.add_column()
    fields.add_row("article", Text(visible(article_label(record))))
    fields.add_row("title", Text(visible(record.article.title)))
    if record.article.published is not None:
        fields.add_row("published", Text(record.article.published.value))
    for name in (
        "parties",
        "instrument",
        "status",
        "date",
        "period",
        "scope",
        "subjects",
        "space",
        "confidence",
        "rules",
    ):
        value = Text(visible(format_field(record, name)))
        if getattr(record, name) != getattr(original, name):
            extracted = visible(format_field(original, name))
            value.append(f"  (corrected; extracted: {extracted})", "yellow")
        fields.add_row(name, value)
    out.append(fields)

    for number, evidence in enumerate(record.evidence, 1):
        out.append(
            Text(f"\nEvidence {number} (characters {evidence.start}–{evidence.end})", "bold")
        )
        shown, at = visible_offsets(evidence.text)
        sentence = Text(shown)
        for mark in evidence.marks:
            start, end = mark.start - evidence.start, mark.end - evidence.start
            if 0 <= start <= end <= len(evidence.text):
                sentence.stylize(styles[mark.label], at[start], at[end])
        out.append(sentence)
        for label in MARK_COLORS:
            texts = [visible(m.text) for m in evidence.marks if m.label == label]
            if texts:
                line = Text("  ")
                line.append(f" {label} ", styles[label])
                line.append("  " + " · ".join(texts))
                out.append(line)

    out.append(Text("\nDecisions", "bold"))
    if not mine:
        out.append(Text("  none yet"))
    for decision in mine:
        out.append(Text(f"  {decision.seq} {visible(describe(decision))}"))
    return out


def describe(decision: Decision) -> str:
    """What a decision says, in one line: `set status = signed — a note`."""
    what = decision.action
    if decision.action == "set":
        what += f" {decision.field} = {format_value(decision.value)}"
    return f"{what} — {decision.note}" if decision.note else what


def format_value(value: object) -> str:
    """A stored correction's value as a reviewer typed it: names, not party objects."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        if "precision" in value:  # a date
            return str(value.get("value"))
        if "start" in value or "end" in value:  # a period
            return f"{value.get('start') or '?'} – {value.get('end') or '?'}"
    if isinstance(value, list):
        names = [v.get("name", v) if isinstance(v, dict) else v for v in value]
        return ", ".join(map(str, names)) or "(empty)"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def orphan_warning(orphans: list[Decision], dir: Path) -> str | None:
    """The warning line for decisions whose record is gone, or None when there are none."""
    from coopextract.review.decisions import orphan_ids
    from coopextract.run.results import REVIEWS_FILE

    ids = orphan_ids(orphans)
    if not ids:
        return None
    count = len(orphans)
    return (
        f"Warning: {count} decision{'' if count == 1 else 's'} in {dir / REVIEWS_FILE} "
        f"{'is' if count == 1 else 'are'} for agreement{'' if len(ids) == 1 else 's'} no "
        f"longer in agreements.jsonl ({', '.join(ids)}): the article changed or was pruned; "
        "they are kept"
    )


# --- the command ---------------------------------------------------------------------------


def review(
    dir: Annotated[
        Path,
        typer.Argument(
            help="Output folder of `coopextract ingest` (holds agreements.jsonl).",
            metavar="DIR",
        ),
    ] = Path("data/extracted"),
    party: Annotated[
        list[str] | None,
        typer.Option(
            "--party",
            metavar="NAME",
            help="Only agreements with this party, by name or country code (any case); "
            "repeat to require several.",
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            metavar="STATUS",
            help="Only agreements with this status (signed, in_force, negotiating, ...); "
            "repeat for any of several.",
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="DATE", help="Only agreements dated on or after YYYY[-MM[-DD]]."
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", metavar="DATE", help="Only agreements dated on or before YYYY[-MM[-DD]]."
        ),
    ] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            metavar="X",
            help="Only agreements with a confidence of at least X (0 to 1).",
        ),
    ] = None,
    article: Annotated[
        str | None,
        typer.Option("--article", metavar="TEXT", help="Only articles whose path contains TEXT."),
    ] = None,
    show: Annotated[
        str | None,
        typer.Option(
            "--show", metavar="ID", help="Print one agreement: fields, evidence, decisions."
        ),
    ] = None,
    accept: Annotated[
        str | None, typer.Option("--accept", metavar="ID", help="Record that ID is right.")
    ] = None,
    reject: Annotated[
        str | None,
        typer.Option("--reject", metavar="ID", help="Record that ID is no agreement, or wrong."),
    ] = None,
    set_: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--set",
            metavar="ID FIELD=VALUE",
            help="Record a correction: status=signed, instrument=memorandum, "
            "date=2021-03-09, period=2018/2022, parties=Roscosmos,CNSA, "
            "scope=a,b, subjects=a,b, space=no.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", metavar="TEXT", help="Why: kept with the decision."),
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html",
            metavar="FILE",
            help="Write an offline HTML page of the agreements (the filters apply).",
        ),
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            metavar="SOURCE",
            help="Where the articles are, for the report's links.",
            show_default="the SOURCE in DIR/manifest.json",
        ),
    ] = None,
) -> None:
    """List, inspect and decide on the agreements in DIR/agreements.jsonl.

    Without an action, prints a table of the agreements (as corrected by
    the decisions in DIR/reviews.jsonl). --accept, --reject and --set each
    append one decision to DIR/reviews.jsonl; later decisions win, and
    decisions stay with their agreement across ingest runs. --html writes a
    self-contained page with the evidence marked and filters.

    Exit codes: 0 done; 1 unknown ID, invalid correction, or DIR without
    agreements.jsonl; 2 the command line is wrong, or --html names a file
    of an output folder (agreements.jsonl, reviews.jsonl, ...).
    """
    actions = [
        name
        for name, given in (
            ("--show", show),
            ("--accept", accept),
            ("--reject", reject),
            ("--set", set_),
            ("--html", html),
        )
        if given is not None
    ]
    if len(actions) > 1:
        raise typer.BadParameter(f"use one of {', '.join(actions)} at a time")
    if note is not None and not {"--accept", "--reject", "--set"} & set(actions):
        raise typer.BadParameter("goes with --accept, --reject or --set", param_hint="--note")
    filters = _filters(party, status, since, until, min_confidence, article)
    if filters.active and actions and actions[0] != "--html":
        raise typer.BadParameter(f"filters apply to the table and --html, not to {actions[0]}")

    try:
        if show is not None:
            _show(dir, show)
        elif accept is not None:
            _decide(dir, accept, "accept", note)
        elif reject is not None:
            _decide(dir, reject, "reject", note)
        elif set_ is not None:
            _decide(dir, set_[0], "set", note, set_[1])
        elif html is not None:
            _report(dir, filters, html, source)
        else:
            _table(dir, filters)
    except CoopExtractError as err:
        say(f"Error: {err}")
        raise typer.Exit(err.exit_code) from None


def _filters(
    party: list[str] | None,
    status: list[str] | None,
    since: str | None,
    until: str | None,
    min_confidence: float | None,
    article: str | None,
) -> Filters:
    from typing import get_args

    from coopextract.models import Status

    allowed = get_args(Status)
    for value in status or ():
        if value not in allowed:
            raise typer.BadParameter(
                f"{value!r} is not one of {', '.join(allowed)}", param_hint="--status"
            )
    bounds = {}
    for hint, value in (("--since", since), ("--until", until)):
        try:
            bounds[hint] = parse_date_bound(value) if value is not None else None
        except ValueError as err:
            raise typer.BadParameter(str(err), param_hint=hint) from None
    return Filters(
        parties=tuple(party or ()),
        statuses=tuple(status or ()),
        since=bounds["--since"],
        until=bounds["--until"],
        min_confidence=min_confidence,
        article=article,
    )


def _load(
    dir: Path, warn: Callable[[str], None] = say
) -> tuple[list[Agreement], list[Agreement], list[Decision], list[Decision]]:
    """The records as extracted and as corrected (rejected ones included), the decisions
    and the orphan decisions."""
    from coopextract.review.decisions import apply_decisions, load_decisions
    from coopextract.run.results import read_results

    records = read_results(dir)
    decisions = load_decisions(dir, warn)
    corrected, orphans = apply_decisions(records, decisions, include_rejected=True)
    return records, corrected, decisions, orphans


def _warn_orphans(orphans: list[Decision], dir: Path) -> None:
    warning = orphan_warning(orphans, dir)
    if warning:
        say(warning)


def _table(dir: Path, filters: Filters) -> None:
    _, corrected, decisions, orphans = _load(dir)
    console().print(agreements_table(filters.select(corrected), decisions, len(corrected)))
    _warn_orphans(orphans, dir)


def _find(dir: Path, record_id: str, records: list[Agreement], orphans: list[Decision]) -> int:
    from coopextract.review.decisions import unknown_record

    for index, record in enumerate(records):
        if record.id == record_id:
            return index
    raise unknown_record(dir, record_id, any(d.id == record_id for d in orphans))


def _show(dir: Path, record_id: str) -> None:
    records, corrected, decisions, orphans = _load(dir)
    index = _find(dir, record_id, records, orphans)
    out = console()
    for part in record_view(corrected[index], records[index], decisions):
        # soft_wrap: evidence sentences are wrapped by the terminal, not cut into lines.
        out.print(part, soft_wrap=True)


def _decide(dir: Path, record_id: str, action: str, note: str | None, assignment: str = "") -> None:
    from coopextract.review.decisions import Decision, parse_assignment, record_decision

    # Quiet about an unfinished last line: record_decision says where it moves it.
    records, corrected, _, orphans = _load(dir, warn=lambda _: None)
    index = _find(dir, record_id, records, orphans)
    if action == "set":
        field, value = parse_assignment(corrected[index], assignment)
        decision = Decision(id=record_id, action="set", field=field, value=value, note=note)
    else:
        decision = Decision(id=record_id, action=action, note=note)
    stored = record_decision(dir, decision, warn=say)
    say(f"Recorded decision {stored.seq} on {record_id}: {describe(stored)}")


def _report(dir: Path, filters: Filters, html: Path, source: Path | None) -> None:
    from coopextract.review.report import write_report
    from coopextract.run.results import ingested_source

    records, corrected, decisions, orphans = _load(dir)
    chosen = filters.select(corrected)
    originals = {r.id: r for r in records}
    written = write_report(
        html,
        chosen,
        decisions,
        originals=originals,
        orphans=orphans,
        source=source if source is not None else ingested_source(dir),
        title=str(dir / "agreements.jsonl"),
    )
    _warn_orphans(orphans, dir)
    missing = written.missing_articles
    if missing:
        say(
            f"Warning: {missing} agreement{'' if missing == 1 else 's'} without a link: "
            f"{'its' if missing == 1 else 'their'} article not found under "
            f"{written.source or 'an unknown SOURCE (no manifest.json)'}; pass --source"
        )
    say(f"Wrote {len(chosen)} agreements → {html}")
