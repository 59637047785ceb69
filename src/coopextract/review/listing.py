"""Listing records for review: which to show (`Filters`), and how a terminal shows them.

`agreements_table` is the table of `coopextract review`, `record_view` one record for
`--show`. Both give rich objects whose every text from the data is a `Text` (no markup)
with its controls made visible (`coopextract.terminal`): an article never reaches the
terminal as markup or escape sequences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from coopextract.review.decisions import verdicts
from coopextract.review.fields import (
    MARK_COLORS,
    article_label,
    concerning,
    decision_summary,
    describe,
    format_field,
    review_table,
)
from coopextract.terminal import visible, visible_offsets

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


# --- the terminal ----------------------------------------------------------------------------


def agreements_table(records: list[Agreement], decisions: list[Decision], total: int) -> Table:
    """The records as a rich table, one row each; rejected ones dimmed."""
    from rich.text import Text

    verdict = verdicts(decisions)
    shown = f"{len(records)} of {total}" if len(records) != total else f"{total}"
    counts = [verdict.get(r.id) for r in records]
    caption = (
        f"{shown} agreement{'' if total == 1 else 's'}: {counts.count('accepted')} accepted, "
        f"{counts.count('rejected')} rejected, {counts.count(None)} to review"
    )
    columns = ("id", "article", "parties", "instrument", "status", "date", "conf", "decision")
    table = review_table(caption, columns)
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


# The fields --show lists, in order, below the article's.
SHOWN_FIELDS = (
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
)


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
