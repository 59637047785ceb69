"""Records and decisions as text: the words `review` shows in the terminal and the HTML report.

Both take their text and their mark colours from here, so that a reviewer reads the table,
`--show` and the report the same way. Plain strings only: making them safe for a terminal
(`coopextract.terminal.visible`) or a page (`html.escape`) is the caller's part.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
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
