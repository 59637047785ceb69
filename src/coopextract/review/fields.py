"""Records and decisions as text: the words `review` shows in the terminal and the HTML report.

Both take their text and their mark colours from here, so that a reviewer reads the table,
`--show` and the report the same way. Plain strings only: making them safe for a terminal
(`coopextract.terminal.visible`) or a page (`html.escape`) is the caller's part.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from coopextract.review.decisions import verdicts

if TYPE_CHECKING:
    from rich.table import Table

    from coopextract.models import Agreement
    from coopextract.review.decisions import Decision

# One colour per mark label, shared by the terminal (--show) and the HTML report. Light
# backgrounds: the text on them stays black.
MARK_COLORS = {
    "trigger": "#ffd166",
    "party": "#9ad0ff",
    "status": "#a8e6a1",
    "date": "#ffb3c6",
    "period": "#d9c2ff",
    "subject": "#9ee8dc",
}


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


def article_name(record: Agreement) -> str:
    """The article without its folders: the file name, and its item in a JSON file. What a
    narrow table shows, cut by `shorten` when even that is too wide."""
    name = PurePosixPath(record.article.path).name
    item = record.article.item
    return name if item is None else f"{name} [{item}]"


def shorten(text: str, width: int, drop_suffix: bool = False) -> str:
    """`text` in at most `width` terminal cells: whole when it fits, else its start and its
    end around `…` (two thirds start: a file name's start tells articles apart, its end
    names the item). `drop_suffix`: a file name loses its extension first (`.txt`, and
    `.jsonl` before an item), as it tells nothing apart."""
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text
    if drop_suffix:
        name, space, item = text.partition(" [")
        stem = PurePosixPath(name).stem or name
        return shorten(stem + space + item, width)
    if width <= 1:
        return "…"[:width]
    head_room = math.ceil((width - 1) * 2 / 3)
    head = _fitting(text, head_room)
    tail = _fitting(text[::-1], width - 1 - cell_len(head))[::-1]
    return head + "…" + tail


def _fitting(text: str, width: int) -> str:
    """The longest start of `text` that takes at most `width` terminal cells."""
    from rich.cells import cell_len

    taken = 0
    for end, char in enumerate(text):
        taken += cell_len(char)
        if taken > width:
            return text[:end]
    return text


# A record id is `agr-` and 16 hex digits (a ledger entry's `led-`); tables show the first
# few digits, as git shows commits: at least this many, more when two ids would start alike.
SHORT_ID_DIGITS = 6
# The fewest digits of a record id that name it on the command line (as git takes commits).
MIN_PREFIX = 4


def short_ids(ids: Iterable[str]) -> dict[str, str]:
    """Each id's short form: its digits after `agr-` (or `led-`), all cut to the one length
    (at least SHORT_ID_DIGITS) that still tells every id of `ids` apart. The commands take a
    short id wherever they take an id (`review.folder.ReviewedFolder.resolve`, and
    `review.ledger_decisions.find_entry` for the ledger)."""
    digits = {ident: ident.removeprefix("agr-").removeprefix("led-") for ident in ids}
    distinct = set(digits.values())
    longest = max(map(len, distinct), default=0)
    length = SHORT_ID_DIGITS
    while length < longest and len({d[:length] for d in distinct}) < len(distinct):
        length += 1
    return {ident: d[:length] for ident, d in digits.items()}


def concerning(record_id: str, decisions: list[Decision]) -> list[Decision]:
    """The decisions about a record: its own, and the merges that name it as the other."""
    return [d for d in decisions if record_id in (d.id, d.other)]


def decision_summary(record_id: str, decisions: list[Decision]) -> str:
    """ "accepted", "rejected", "set status, date", "accepted; set status; merged" or ""."""
    mine = concerning(record_id, decisions)
    parts = []
    verdict = verdicts(d for d in mine if d.id == record_id).get(record_id)
    if verdict:
        parts.append(verdict)
    fields = list(dict.fromkeys(d.field for d in mine if d.action == "set"))
    if fields:
        parts.append("set " + ", ".join(f for f in fields if f))
    # The ledger's decisions: the last says where the record stands.
    last = next((d for d in reversed(mine) if d.action in ("merge", "split")), None)
    if last is not None:
        parts.append("merged" if last.action == "merge" else "split out")
    return "; ".join(parts)


# A narrow table's decision column: a verdict in one character, `*` after it when a field was
# corrected (the words of `decision_summary` are for wider terminals and --show).
VERDICT_MARKS = {"accepted": "✓", "rejected": "✗"}
CORRECTED_MARK = "*"
# The words a narrow table abbreviates, the only ones longer than "negotiating".
SHORT_WORDS = {"joint_statement": "joint_stmt"}


def decision_mark(record_id: str, decisions: list[Decision]) -> str:
    """ "✓", "✗", "✓*" (accepted, a field corrected), "*" or "": `decision_summary` in marks."""
    mine = [d for d in decisions if d.id == record_id]
    verdict = verdicts(mine).get(record_id)
    corrected = any(d.action == "set" for d in mine)
    return VERDICT_MARKS.get(verdict or "", "") + (CORRECTED_MARK if corrected else "")


def describe(decision: Decision, about: str | None = None) -> str:
    """What a decision says, in one line: `set status = signed — a note`, `merge with
    agr-…`, `split out of its ledger entry`, `reattached to agr-…`. Told `about` another
    record than the decision's own (the other of a merge), it names the decision's record
    instead."""
    what: str = decision.action
    if decision.action == "set":
        what += f" {decision.field} = {format_value(decision.value)}"
    elif decision.action == "merge":
        what += f" with {decision.id if about == decision.other else decision.other}"
    elif decision.action == "split":
        what += " out of its ledger entry"
    elif decision.action == "reattach" and about == decision.other:
        what = f"the decisions above copied here from {decision.id}, which is gone"
    elif decision.action == "reattach":
        what = f"reattached to {decision.other} (its decisions copied there)"
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


# How a column of a review table is laid out, by its name: the same in every table.
COLUMN_LAYOUT: dict[str, dict[str, Any]] = {
    "id": {"no_wrap": True},
    "date": {"no_wrap": True},
    "article": {"overflow": "fold"},
    "conf": {"justify": "right"},
    "reports": {"justify": "right"},
}


def review_table(caption: str, columns: Iterable[str]) -> Table:
    """An empty table with these columns, laid out as the review's tables are."""
    from rich.table import Table

    table = Table(caption=caption, caption_justify="left", highlight=False)
    for name in columns:
        table.add_column(name, **COLUMN_LAYOUT.get(name, {}))
    return table
