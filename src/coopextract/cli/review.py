"""`coopextract review`: its options and what it prints; the work is `coopextract.review`.

    coopextract review [DIR] [--party P] [--status S] [--since D] [--until D]
                             [--min-confidence X] [--article TEXT]
                             [--sort KEY [--desc]] [--json]        a table, or JSON Lines
    coopextract review [DIR] --stats [filters] [--json]            counts by status, party, year
    coopextract review [DIR] --show ID                             one record, marked
    coopextract review [DIR] [--accept ID,ID...] [--reject ID,ID...] [--set ID F=V]
                             [--note TEXT]                         decisions, checked first
    coopextract review [DIR] --next [filters] [--sort KEY [--desc]]    one by one
    coopextract review [DIR] --html report.html [filters] [--sort KEY] an offline page
    coopextract review [DIR] --ledger [--party P] [--status S] [--since D] [--until D]
                             [--article TEXT]                          the ledger's table
    coopextract review [DIR] --entry ID                                  one ledger entry
    coopextract review [DIR] --merge A B | --split ID [--note TEXT]
    coopextract review [DIR] --orphans                                   decisions of gone records
    coopextract review [DIR] --reattach OLD NEW [--note TEXT]            moved onto another

Only typer is imported at load time; pydantic, rich and spaCy when a review runs, so that
`--help` stays instant.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coopextract.cli.main import reported
from coopextract.cli.options import ResultsFolder, pair, repeatable, switch, valued
from coopextract.terminal import plural, say

if TYPE_CHECKING:
    from coopextract.models import Agreement
    from coopextract.review.decisions import Decision
    from coopextract.review.folder import ReviewedFolder
    from coopextract.review.listing import Filters

# A --sort key and --desc, or None for the order of agreements.jsonl.
Order = tuple[str, bool] | None

PartyOption = repeatable(
    "--party",
    "NAME",
    "Only agreements with this party, by name or country code (any case); "
    "repeat to require several.",
)
StatusOption = repeatable(
    "--status",
    "STATUS",
    "Only agreements with this status (signed, in_force, negotiating, ...); "
    "repeat for any of several.",
)
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since", metavar="DATE", help="Only agreements dated on or after YYYY[-MM[-DD]]."
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="DATE", help="Only agreements dated on or before YYYY[-MM[-DD]]."
    ),
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        metavar="X",
        help="Only agreements with a confidence of at least X (0 to 1).",
    ),
]
ArticleOption = Annotated[
    str | None,
    typer.Option("--article", metavar="TEXT", help="Only articles whose path contains TEXT."),
]
SortOption = valued(
    "--sort",
    "KEY",
    "Order the agreements by confidence, date, party or article (the order of "
    "agreements.jsonl), lowest first; for the table, --json, --next and --html.",
    show_default="article",
)
DescOption = Annotated[bool, typer.Option("--desc", help="Highest first: with --sort.")]
# One agreement a line as corrected, with `review` and `corrected` (docs/review-and-exports.md).
JsonOption = switch("--json", "Print JSON Lines instead of the table (with --stats: one JSON).")
StatsOption = switch("--stats", "Count the agreements by status, party and year, decided or not.")
ShowOption = Annotated[
    str | None,
    typer.Option("--show", metavar="ID", help="Print one agreement: fields, evidence, decisions."),
]
AcceptOption = Annotated[
    list[str] | None,
    typer.Option(
        "--accept",
        metavar="ID",
        help="Record that ID is right. An ID is the full id or its start as the table shows "
        "it (4 digits at least); several ids: repeat, or separate them with commas or spaces.",
    ),
]
RejectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--reject",
        metavar="ID",
        help="Record that ID is no agreement, or wrong; several ids as with --accept.",
    ),
]
SetOption = pair(
    "--set",
    "ID FIELD=VALUE",
    "Record a correction: status=signed, instrument=memorandum, "
    'date=2021-03-09 (or "date=March 2021": quote a value with spaces), '
    "period=2018/2022, parties=Roscosmos,CNSA, scope=a,b, subjects=a,b, space=no.",
)
NextOption = switch(
    "--next",
    "Walk the agreements not yet accepted or rejected, one by one: each is shown as "
    "--show shows it, then a is accept, r reject, s FIELD=VALUE set, k skip, q quit.",
)
NoteOption = Annotated[
    str | None,
    typer.Option("--note", metavar="TEXT", help="Why: kept with the decision."),
]
LedgerOption = switch(
    "--ledger",
    "List DIR/ledger.jsonl instead: one row per real-world agreement (the filters "
    "but --min-confidence apply, to its parties, status, date and articles).",
)
EntryOption = valued(
    "--entry",
    "ID",
    "Print one ledger entry, by its id or one of its records': fields, conflicts, "
    "why, and its history with the sources.",
)
MergeOption = pair(
    "--merge",
    "A B",
    "Record that the ledger entries A and B (entry or record ids) are one agreement.",
)
SplitOption = valued(
    "--split",
    "ID",
    "Record that record ID is an agreement of its own, out of its ledger entry.",
)
OrphansOption = switch(
    "--orphans",
    "List the decisions whose agreement is gone (its evidence sentence edited, "
    "its article pruned), what it was, and what may have replaced it.",
)
ReattachOption = pair(
    "--reattach",
    "OLD NEW",
    "Copy the decisions of OLD, an agreement that is gone, onto NEW (appended; "
    "OLD's are kept, marked re-attached).",
)
HtmlOption = Annotated[
    Path | None,
    typer.Option(
        "--html",
        metavar="FILE",
        help="Write an offline HTML page of the agreements (the filters apply).",
    ),
]
SourceOption = Annotated[
    Path | None,
    typer.Option(
        "--source",
        metavar="SOURCE",
        help="Where the articles are, for the report's links.",
        show_default="the SOURCE in DIR/manifest.json",
    ),
]


# The words after DIR reach `review` (not click's "unexpected extra argument"), so that it
# can say what they are: most often the rest of a --set value that needed quotes.
CONTEXT = {"allow_extra_args": True}


def review(
    ctx: typer.Context,
    dir: ResultsFolder = Path("data/extracted"),
    party: PartyOption = None,
    status: StatusOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfidenceOption = None,
    article: ArticleOption = None,
    sort: SortOption = None,
    desc: DescOption = False,
    json_: JsonOption = False,
    stats: StatsOption = False,
    show: ShowOption = None,
    accept: AcceptOption = None,
    reject: RejectOption = None,
    set_: SetOption = None,
    note: NoteOption = None,
    next_: NextOption = False,
    html: HtmlOption = None,
    source: SourceOption = None,
    ledger: LedgerOption = False,
    entry: EntryOption = None,
    merge: MergeOption = None,
    split: SplitOption = None,
    orphans: OrphansOption = False,
    reattach: ReattachOption = None,
) -> None:
    """List, inspect and decide on the agreements in DIR/agreements.jsonl.

    Without an action, prints a table of the agreements (as corrected by
    the decisions in DIR/reviews.jsonl) that fits the terminal, ids shown
    by their start; --json prints them as JSON Lines instead, --stats
    counts them. --accept, --reject and --set append decisions to
    DIR/reviews.jsonl, several in one command (all checked before any is
    recorded); later decisions win, and decisions stay with their agreement
    across ingest runs. --next asks for a decision on each undecided
    agreement in turn. --html writes a self-contained page with the
    evidence marked, search, filters, sorting, and a button per agreement
    that copies its --accept or --reject command.

    --ledger lists DIR/ledger.jsonl, one entry per real-world agreement,
    and --entry shows one with its history. --merge and --split record a
    decision on the ledger (by record ids, so that it holds on every later
    ingest run) and rebuild DIR/ledger.jsonl at once.

    Decisions follow an agreement through edits of its article that leave
    its evidence sentence alone. --orphans lists those whose agreement is
    gone, and --reattach OLD NEW moves them onto the agreement now in its
    place.

    Exit codes: 0 done; 1 unknown or ambiguous ID, invalid correction or
    ledger decision, or DIR without agreements.jsonl (or ledger.jsonl); 2
    the command line is wrong (a word too many: quote a --set value with
    spaces), or --html names a file of an output folder (agreements.jsonl,
    reviews.jsonl, ...).
    """
    accepted, rejected = _ids(accept, "--accept"), _ids(reject, "--reject")
    deciding = bool(accepted or rejected or set_)
    given_dir = getattr(ctx.get_parameter_source("dir"), "name", "") != "DEFAULT"
    _no_stray_words(ctx.args, dir if given_dir else None, set_, deciding)
    given = {
        "--show": show,
        "--accept/--reject/--set": deciding or None,
        "--next": next_ or None,
        "--stats": stats or None,
        "--html": html,
        "--ledger": ledger or None,
        "--entry": entry,
        "--merge": merge,
        "--split": split,
        "--orphans": orphans or None,
        "--reattach": reattach,
    }
    actions = [name for name, value in given.items() if value is not None]
    if len(actions) > 1:
        raise typer.BadParameter(f"use one of {', '.join(actions)} at a time")
    action = actions[0] if actions else None
    decisions = {"--accept/--reject/--set", "--merge", "--split", "--reattach"}
    if note is not None and action not in decisions:
        raise typer.BadParameter(
            "goes with --accept, --reject, --set, --merge, --split or --reattach",
            param_hint="--note",
        )
    filters = _filters(party, status, since, until, min_confidence, article)
    if filters.active and action not in (None, "--html", "--ledger", "--next", "--stats"):
        raise typer.BadParameter(
            f"filters apply to the tables and --html, --stats and --next, not to {action}"
        )
    if ledger and min_confidence is not None:
        raise typer.BadParameter(
            "a ledger entry has no confidence; use it without --ledger",
            param_hint="--min-confidence",
        )
    order = _order(sort, desc, action)
    if json_ and action not in (None, "--stats"):
        raise typer.BadParameter(
            f"goes with the table or --stats, not with {action}", param_hint="--json"
        )

    with reported():
        if show is not None:
            _show(dir, show)
        elif deciding:
            _decided(dir, accepted, rejected, set_, note)
        elif next_:
            _walk(dir, filters, order)
        elif stats:
            _stats(dir, filters, json_)
        elif html is not None:
            _report(dir, filters, order, html, source)
        elif ledger:
            _ledger_table(dir, filters)
        elif entry is not None:
            _entry(dir, entry)
        elif merge is not None:
            _merged(dir, merge[0], merge[1], note)
        elif split is not None:
            _split(dir, split, note)
        elif orphans:
            _orphans(dir)
        elif reattach is not None:
            _reattached(dir, reattach[0], reattach[1], note)
        elif json_:
            _json_lines(dir, filters, order)
        else:
            _table(dir, filters, order)


def _ids(values: list[str] | None, hint: str) -> list[str]:
    """The ids of a repeatable option, each value holding one or more (commas, spaces)."""
    ids = [part for value in values or () for part in value.replace(",", " ").split()]
    if values is not None and not ids:
        raise typer.BadParameter("give an agreement id", param_hint=hint)
    return ids


def _no_stray_words(
    words: list[str], dir: Path | None, set_: tuple[str, str] | None, deciding: bool
) -> None:
    """Words after DIR, or a DIR given that is no folder while deciding, are most often the
    rest of an unquoted value (`--set ID date=March 2021`, `--accept A B`): say how to write
    it. (`dir` is None when DIR is left to its default.)"""
    if words:
        stray = " ".join(words)
        where = f"{stray!r} is a word too many"
    elif deciding and dir is not None and not dir.exists():
        stray = str(dir)
        where = f"{stray!r} is no folder"
    else:
        return
    if set_ is not None:
        hint = f'quote a value with spaces: --set {set_[0]} "{set_[1]} {stray}"'
    elif deciding:
        hint = "give several ids to one option with commas (--accept ID1,ID2) or repeat it"
    else:
        hint = "review takes one DIR"
    raise typer.BadParameter(f"{where}; {hint}", param_hint="DIR")


def _order(sort: str | None, desc: bool, action: str | None) -> tuple[str, bool] | None:
    from coopextract.review.listing import SORT_KEYS

    if sort is None:
        if desc:
            raise typer.BadParameter("goes with --sort", param_hint="--desc")
        return None
    if sort not in SORT_KEYS:
        raise typer.BadParameter(
            f"{sort!r} is not one of {', '.join(SORT_KEYS)}", param_hint="--sort"
        )
    if action not in (None, "--next", "--html"):
        raise typer.BadParameter(
            f"orders the table, --json, --next and --html, not {action}", param_hint="--sort"
        )
    return sort, desc


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
    from coopextract.review.listing import Filters, parse_date_bound

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


def _warn_orphans(orphans: list[Decision], dir: Path) -> None:
    from coopextract.review.folder import orphan_warning

    warning = orphan_warning(orphans, dir)
    if warning:
        say(warning)


def _chosen(dir: Path, filters: Filters, order: Order) -> tuple[ReviewedFolder, list[Agreement]]:
    """The folder opened, and the records the filters keep, in the order asked for."""
    from coopextract.review.folder import open_folder
    from coopextract.review.listing import sort_records

    opened = open_folder(dir, say)
    chosen = filters.select(opened.records)
    return opened, sort_records(chosen, *order) if order else chosen


def _table(dir: Path, filters: Filters, order: Order) -> None:
    from coopextract.review.fields import short_ids
    from coopextract.review.listing import agreements_table
    from coopextract.terminal import console

    opened, chosen = _chosen(dir, filters, order)
    out = console()
    ids = short_ids(r.id for r in opened.extracted)
    table = agreements_table(
        chosen, opened.decisions, len(opened.records), ids=ids, width=out.width
    )
    out.print(table)
    _warn_orphans(opened.orphans, dir)


def _json_lines(dir: Path, filters: Filters, order: Order) -> None:
    from coopextract.review.listing import record_lines

    opened, chosen = _chosen(dir, filters, order)
    for line in record_lines(chosen, opened.decisions):
        typer.echo(line)
    _warn_orphans(opened.orphans, dir)


def _stats(dir: Path, filters: Filters, as_json: bool) -> None:
    from coopextract.review.listing import json_text
    from coopextract.review.stats import statistics, statistics_data, statistics_tables
    from coopextract.terminal import console

    opened, chosen = _chosen(dir, filters, None)
    counted = statistics(chosen, opened.decisions)
    if as_json:
        typer.echo(json_text(statistics_data(counted)))
    else:
        out = console()
        for part in statistics_tables(counted):
            out.print(part)
            out.print()
    _warn_orphans(opened.orphans, dir)


def _walk(dir: Path, filters: Filters, order: Order) -> None:
    from coopextract.cli.review_walk import walk

    opened, chosen = _chosen(dir, filters, order)
    _warn_orphans(opened.orphans, dir)
    walk(dir, [r.id for r in chosen if r.id not in opened.verdicts])


def _show(dir: Path, record_id: str) -> None:
    from coopextract.review.folder import open_folder
    from coopextract.review.listing import record_view
    from coopextract.terminal import console

    opened = open_folder(dir, say)
    record, original = opened.find(record_id)
    out = console()
    for part in record_view(record, original, opened.decisions):
        # soft_wrap: evidence sentences are wrapped by the terminal, not cut into lines.
        out.print(part, soft_wrap=True)


def _decided(
    dir: Path,
    accepted: list[str],
    rejected: list[str],
    set_: tuple[str, str] | None,
    note: str | None,
) -> None:
    from coopextract.review.fields import describe
    from coopextract.review.folder import Wanted, decide_all

    wanted = [Wanted(ident, "accept") for ident in accepted]
    wanted += [Wanted(ident, "reject") for ident in rejected]
    if set_ is not None:
        # A correction goes first, so that `--set ID status=signed --accept ID` accepts it
        # as corrected.
        wanted.insert(0, Wanted(set_[0], "set", set_[1]))
    for stored in decide_all(dir, wanted, note, warn=say):
        say(f"Recorded decision {stored.seq} on {stored.id}: {describe(stored)}")


def _ledger_table(dir: Path, filters: Filters) -> None:
    from coopextract.review.ledger_listing import ledger_table, select_entries
    from coopextract.run.ledger_file import read_ledger
    from coopextract.terminal import console

    entries = read_ledger(dir)
    records = sum(len(e.records) for e in entries)
    out = console()
    chosen = select_entries(filters, entries)
    out.print(ledger_table(chosen, len(entries), records, width=out.width))


def _entry(dir: Path, ident: str) -> None:
    from coopextract.review.decisions import load_decisions
    from coopextract.review.ledger_decisions import find_entry
    from coopextract.review.ledger_listing import entry_view
    from coopextract.run.ledger_file import read_ledger
    from coopextract.terminal import console

    found = find_entry(dir, read_ledger(dir), ident)
    out = console()
    for part in entry_view(found, load_decisions(dir, say)):
        out.print(part, soft_wrap=True)


def _merged(dir: Path, first: str, second: str, note: str | None) -> None:
    from coopextract.review.fields import describe
    from coopextract.review.ledger_decisions import merge

    change = merge(dir, first, second, note, warn=say)
    stored = change.decision
    a, b = change.before
    say(
        f"Recorded decision {stored.seq} on {stored.id}: {describe(stored)}\n"
        f"Merged {a.id} ({plural(len(a.records), 'record')}) and {b.id} "
        f"({plural(len(b.records), 'record')}) into "
        + " and ".join(f"{e.id} ({plural(len(e.records), 'record')})" for e in change.after)
        + f"; the ledger now has {_entries(change.entries)}"
    )


def _split(dir: Path, record_id: str, note: str | None) -> None:
    from coopextract.review.fields import describe
    from coopextract.review.ledger_decisions import split

    change = split(dir, record_id, note, warn=say)
    (before,) = change.before
    alone, *rest = change.after
    others = " and ".join(f"{e.id} ({plural(len(e.records), 'record')})" for e in rest)
    for stored in (change.decision, *change.kept):
        say(f"Recorded decision {stored.seq} on {stored.id}: {describe(stored)}")
    say(
        f"Split {record_id} out of {before.id} ({plural(len(before.records), 'record')}): "
        f"it is now {alone.id}, the rest {others}; the ledger now has "
        f"{_entries(change.entries)}"
    )


def _orphans(dir: Path) -> None:
    from coopextract.review.folder import open_folder
    from coopextract.review.orphans import find_orphans, orphan_lines
    from coopextract.terminal import console, visible

    out = console()
    for line in orphan_lines(find_orphans(open_folder(dir, say)), dir):
        out.print(visible(line), soft_wrap=True)  # evidence: wrapped by the terminal


def _reattached(dir: Path, old: str, new: str, note: str | None) -> None:
    from coopextract.review.fields import describe
    from coopextract.review.orphans import reattach

    for stored in reattach(dir, old, new, note, warn=say):
        say(f"Recorded decision {stored.seq} on {stored.id}: {describe(stored)}")


def _entries(count: int) -> str:
    return f"{count} entr{'y' if count == 1 else 'ies'}"


def _report(dir: Path, filters: Filters, order: Order, html: Path, source: Path | None) -> None:
    from coopextract.review.report import report_folder

    opened, chosen = _chosen(dir, filters, order)
    written = report_folder(html, opened, chosen, source)
    _warn_orphans(opened.orphans, dir)
    missing = written.missing_articles
    if missing:
        say(
            f"Warning: {missing} agreement{'' if missing == 1 else 's'} without a link: "
            f"{'its' if missing == 1 else 'their'} article not found under "
            f"{written.source or 'an unknown SOURCE (no manifest.json)'}; pass --source"
        )
    say(f"Wrote {written.agreements} agreements → {html}")
