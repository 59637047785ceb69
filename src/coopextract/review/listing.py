"""Listing records for review: which to show (`Filters`), and how a terminal shows them.

`agreements_table` is the table of `coopextract review`, `record_view` one record for
`--show`. Both give rich objects whose every text from the data is a `Text` (no markup)
with its controls made visible (`coopextract.terminal`): an article never reaches the
terminal as markup or escape sequences.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from coopextract.models import AGREEMENT_FIELDS
from coopextract.review.decisions import verdicts
from coopextract.review.fields import (
    CORRECTED_MARK,
    MARK_COLORS,
    SHORT_WORDS,
    VERDICT_MARKS,
    article_label,
    article_name,
    concerning,
    decision_mark,
    decision_summary,
    describe,
    format_field,
    shorten,
)
from coopextract.terminal import visible, visible_json, visible_offsets

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

    from coopextract.models import Agreement, Evidence
    from coopextract.review.decisions import Decision


class Named(Protocol):
    """A record's party or a ledger entry's side: what a --party filter compares."""

    @property
    def name(self) -> str: ...
    @property
    def country(self) -> str | None: ...


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
    substring of the article's path, in any case. Ledger entries are filtered by the same
    criteria, one by one (`review.ledger_listing.entry_matches`).
    """

    parties: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None
    article: str | None = None

    def matches(self, record: Agreement) -> bool:
        if not self.names_parties(record.parties) or not self.keeps_status(record.status):
            return False
        if not self.keeps_date(record.date.value if record.date else None):
            return False
        if self.min_confidence is not None and record.confidence < self.min_confidence:
            return False
        return self.keeps_article(record.article.path)

    # The criteria one by one, for records and ledger entries alike (`review.ledger_listing`).

    def names_parties(self, parties: Iterable[Named]) -> bool:
        """Every wanted party is one of `parties`, by name or country code."""
        names = set()
        for party in parties:
            names.add(party.name.casefold())
            if party.country:
                names.add(party.country.casefold())
        return all(wanted.strip().casefold() in names for wanted in self.parties)

    def keeps_status(self, status: str) -> bool:
        return not self.statuses or status in self.statuses

    def keeps_date(self, value: str | None) -> bool:
        """`value` (YYYY[-MM[-DD]], or None for no date) is within --since and --until."""
        if not (self.since or self.until):
            return True
        if value is None:
            return False
        if self.since and _cut(value, self.since) < _cut(self.since, value):
            return False
        return not (self.until and _cut(value, self.until) > _cut(self.until, value))

    def keeps_article(self, *paths: str) -> bool:
        """One of the article `paths` contains the wanted text (any case)."""
        if not self.article:
            return True
        return any(self.article.casefold() in path.casefold() for path in paths)

    def select(self, records: list[Agreement]) -> list[Agreement]:
        return [r for r in records if self.matches(r)]

    @property
    def active(self) -> bool:
        return self != Filters()


def _cut(value: str, other: str) -> str:
    # ISO dates compare as strings once both are cut to the shorter (coarser) one.
    return value[: min(len(value), len(other))]


# --- ordering them --------------------------------------------------------------------------

# What `--sort` takes. `article` is the order of agreements.jsonl (by article, then by where
# in it), the order without --sort.
SORT_KEYS = ("article", "confidence", "date", "party")


def sort_records(records: list[Agreement], key: str, descending: bool = False) -> list[Agreement]:
    """`records` by `key` (one of SORT_KEYS), lowest first unless `descending`; ties keep
    their order in agreements.jsonl. Undated records come last by date either way. `date`
    compares ISO values as text, so `2021` comes before `2021-03`; `party` the parties'
    names, case ignored."""
    if key not in SORT_KEYS:
        raise ValueError(f"{key!r} is not one of {', '.join(SORT_KEYS)}")
    if key == "article":
        return list(reversed(records)) if descending else list(records)
    if key == "date":
        dated = [r for r in records if r.date is not None]
        undated = [r for r in records if r.date is None]
        return sorted(dated, key=_date_value, reverse=descending) + undated
    by = _confidence if key == "confidence" else _party_names
    # sorted() is stable, reverse=True included: equal keys keep the file's order.
    return sorted(records, key=by, reverse=descending)


def _date_value(record: Agreement) -> str:
    return record.date.value if record.date else ""


def _confidence(record: Agreement) -> float:
    return record.confidence


def _party_names(record: Agreement) -> str:
    # As the report's `data-party-key`, so that both order parties alike.
    return "; ".join(p.name.casefold() for p in record.parties)


# --- for scripts ------------------------------------------------------------------------------


def record_lines(records: Iterable[Agreement], decisions: list[Decision]) -> Iterator[str]:
    """One JSON object a record, as `review --json` prints them: the record as corrected
    (the fields of agreements.jsonl, in its order), then `review` (`accepted`, `rejected`
    or null) and `corrected` (the fields a reviewer set, in the order first set): the two
    fields the exports add."""
    verdict = verdicts(decisions)
    for record in records:
        corrected = dict.fromkeys(
            d.field for d in decisions if d.id == record.id and d.action == "set" and d.field
        )
        data = {
            **record.model_dump(mode="json"),
            "review": verdict.get(record.id),
            "corrected": list(corrected),
        }
        yield json_text(data)


def json_text(data: object) -> str:
    """`data` as compact JSON on one line, non-ASCII text as it is but what a terminal
    would obey escaped."""
    return visible_json(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


# --- the terminal ----------------------------------------------------------------------------


# How a table fits the terminal: the columns that never shrink (ids, vocabulary words, dates),
# and the two that do, parties (wrapped between names) and article (shortened), down to these.
MIN_PARTIES = 12
MIN_ARTICLE = 10


@dataclass(frozen=True)
class _Layout:
    wide: bool  # every cell whole: words for the decision, the article's path
    gap: int  # spaces between columns
    widths: dict[str, int]  # by column; no "article" when there is no room for one

    @property
    def columns(self) -> tuple[str, ...]:
        names = _WIDE if self.wide else _COMPACT
        return tuple(name for name in names if name in self.widths)


_WIDE = ("id", "parties", "instrument", "status", "date", "conf", "decision", "article")
_COMPACT = ("mark", "id", "parties", "instrument", "status", "date", "conf", "article")
_HEADERS = {"mark": ""}


def agreements_table(
    records: list[Agreement],
    decisions: list[Decision],
    total: int,
    *,
    ids: dict[str, str],
    width: int,
) -> RenderableType:
    """The records as a table `width` columns wide at most, one row each (two when their
    parties need them), then a line of counts; rejected ones dimmed.

    On a wide terminal every cell is whole. On a narrow one an id is its short form of
    `ids` (`fields.short_ids`), the decision a mark (✓ ✗ *), `joint_statement` is
    `joint_stmt`, the parties wrap between names and the article is its file name,
    shortened in the middle if need be. Vocabulary words, dates, ids and party names are
    never cut.
    """
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    cells = [_cells(record, decisions, ids) for record in records]
    layout = _fit(cells, width)
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 0, 0, layout.gap - 1),
        header_style="bold",
        highlight=False,
    )
    for name in layout.columns:
        table.add_column(
            _HEADERS.get(name, name),
            width=layout.widths[name],
            no_wrap=name != "parties",
            overflow="fold",  # never "…": a name too long for its column goes on a new line
            justify="right" if name == "conf" else "left",
        )
    verdict = verdicts(decisions)
    for record, row in zip(records, cells, strict=True):
        shown = [_cell(row, name, layout) for name in layout.columns]
        table.add_row(
            *(Text(cell) for cell in shown),
            style="dim strike" if verdict.get(record.id) == "rejected" else None,
        )
    return Group(table, Text(visible(_counts(records, decisions, total, layout.wide))))


@dataclass(frozen=True)
class _Row:
    """A record's cells at full length, by column (`name`: the article without folders),
    and its parties' names."""

    cells: dict[str, str]
    names: tuple[str, ...]


def _cells(record: Agreement, decisions: list[Decision], ids: dict[str, str]) -> _Row:
    names = tuple(visible(p.name) for p in record.parties)
    cells = {
        "mark": decision_mark(record.id, decisions),
        "id": record.id,
        "short": ids.get(record.id, record.id),
        "parties": ", ".join(names),
        "instrument": record.instrument,
        "status": record.status,
        "date": record.date.value if record.date else "—",
        "conf": f"{record.confidence:.2f}",
        "decision": decision_summary(record.id, decisions),
        "article": article_label(record),
        "name": article_name(record),
    }
    return _Row({name: visible(text) for name, text in cells.items()}, names)


def _cell(row: _Row, name: str, layout: _Layout) -> str:
    width = layout.widths[name]
    if name == "parties":
        return wrap_names(row.names, width)
    if layout.wide:
        return row.cells[name]
    if name == "article":
        return shorten(row.cells["name"], width, drop_suffix=True)
    if name == "id":
        return row.cells["short"]
    return SHORT_WORDS.get(row.cells[name], row.cells[name])


def wrap_names(names: tuple[str, ...], width: int, joiner: str = ",") -> str:
    """`A, B, C` on as few lines of `width` as it takes, breaking between names only (a
    name longer than the line is folded by the table, never cut); `joiner` ends each name
    but the last."""
    from rich.cells import cell_len

    lines: list[str] = []
    for number, name in enumerate(names):
        piece = name + (joiner if number < len(names) - 1 else "")
        if lines and cell_len(lines[-1]) + 1 + cell_len(piece) <= width:
            lines[-1] += " " + piece
        else:
            lines.append(piece)
    return "\n".join(lines)


def _natural(rows: list[_Row], name: str, wide: bool) -> int:
    """The width of a column with every cell whole (parties on one line), in terminal
    cells (a CJK character takes two)."""
    from rich.cells import cell_len

    key = {"article": "name", "id": "short"}.get(name, name) if not wide else name
    texts = [r.cells[key] if wide else SHORT_WORDS.get(r.cells[key], r.cells[key]) for r in rows]
    return max([len(_HEADERS.get(name, name)), *map(cell_len, texts)])


def _fit(rows: list[_Row], width: int) -> _Layout:
    """The widest layout that fits `width`: every cell whole with two spaces between the
    columns, then one space, then the article shortened, then the parties wrapped, and
    last no article column."""
    wide = {name: _natural(rows, name, True) for name in _WIDE}
    if sum(wide.values()) + 2 * (len(wide) - 1) <= width:
        return _Layout(True, 2, wide)
    natural = {name: _natural(rows, name, False) for name in _COMPACT}
    fixed = sum(w for name, w in natural.items() if name not in ("parties", "article"))
    parties, article = natural["parties"], natural["article"]
    if not any(row.cells["mark"] for row in rows):
        del natural["mark"]  # nothing decided: no column of blanks
    gaps = len(natural) - 1
    for gap, least_parties, least_article in (
        (2, parties, article),
        (1, parties, article),
        (1, parties, min(article, MIN_ARTICLE)),
        (1, min(parties, MIN_PARTIES), min(article, MIN_ARTICLE)),
    ):
        room = width - fixed - gap * gaps
        if least_parties + least_article <= room:
            given = min(parties, room - least_article)
            rest = min(article, room - given)
            return _Layout(False, gap, {**natural, "parties": given, "article": rest})
    del natural["article"]
    room = width - fixed - (gaps - 1)
    return _Layout(False, 1, {**natural, "parties": max(room, MIN_PARTIES)})


def _counts(records: list[Agreement], decisions: list[Decision], total: int, wide: bool) -> str:
    """`3 of 9 agreements: 1 accepted, 1 rejected, 1 to review`, with the marks' meaning on
    a narrow table."""
    verdict = verdicts(decisions)
    counts = [verdict.get(r.id) for r in records]
    shown = f"{len(records)} of {total}" if len(records) != total else f"{total}"
    accepted, rejected = counts.count("accepted"), counts.count("rejected")
    if wide:
        return (
            f"{shown} agreement{'' if total == 1 else 's'}: {accepted} accepted, "
            f"{rejected} rejected, {counts.count(None)} to review"
        )
    corrected = any(CORRECTED_MARK in decision_mark(r.id, decisions) for r in records)
    return (
        f"{shown} agreement{'' if total == 1 else 's'}: {accepted} accepted "
        f"({VERDICT_MARKS['accepted']}), {rejected} rejected ({VERDICT_MARKS['rejected']}), "
        f"{counts.count(None)} to review" + (f"; {CORRECTED_MARK} corrected" if corrected else "")
    )


# The fields --show lists, in order, below the article's.
SHOWN_FIELDS = (*AGREEMENT_FIELDS, "space", "confidence", "rules")


def record_view(
    record: Agreement, original: Agreement, decisions: list[Decision]
) -> list[RenderableType]:
    """One record for --show: its fields (corrections beside the extracted value), each
    evidence sentence with its marks highlighted and listed by label, and its decisions."""
    from rich.text import Text

    head = Text(visible(record.id), style="bold")
    summary = decision_summary(record.id, decisions)
    head.append(f"  {visible(summary) or 'not reviewed'}", style="italic")
    out: list[RenderableType] = [head, _fields(record, original)]
    for number, evidence in enumerate(record.evidence, 1):
        out.extend(_evidence(number, evidence))
    out.append(Text("\nDecisions", "bold"))
    mine = concerning(record.id, decisions)
    if not mine:
        out.append(Text("  none yet"))
    for decision in mine:
        out.append(Text(f"  {decision.seq} {visible(describe(decision, record.id))}"))
    return out


def _fields(record: Agreement, original: Agreement) -> Table:
    from rich.table import Table
    from rich.text import Text

    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold")
    fields.add_column()
    fields.add_row("article", Text(visible(article_label(record))))
    fields.add_row("title", Text(visible(record.article.title)))
    if record.article.published is not None:
        fields.add_row("published", Text(record.article.published.value))
    for name in SHOWN_FIELDS:
        value = Text(visible(format_field(record, name)))
        if getattr(record, name) != getattr(original, name):
            extracted = visible(format_field(original, name))
            value.append(f"  (corrected; extracted: {extracted})", "yellow")
        fields.add_row(name, value)
    return fields


def _evidence(number: int, evidence: Evidence) -> list[RenderableType]:
    """An evidence sentence with its marks highlighted, then a line per label listing them."""
    from rich.style import Style
    from rich.text import Text

    styles = {label: Style(color="black", bgcolor=color) for label, color in MARK_COLORS.items()}
    out: list[RenderableType] = [
        Text(f"\nEvidence {number} (characters {evidence.start}–{evidence.end})", "bold")
    ]
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
    return out
