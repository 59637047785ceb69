"""`coopextract diff`: the records of two output folders (or records files) compared, as
text that fits a terminal's width and as JSON for scripts. The comparison itself is
`coopextract.run.changes`.

The text, for each side's records as extracted (review decisions are not applied: they
are the same folder's, not another run's):

    Records: 1 new, 2 removed, 1 changed, 6 unchanged (9 before, 8 after)
    Ledger: 1 new, 2 removed, 1 changed, 6 unchanged (9 before, 8 after)

    + agr-5f3206245836d2b6  005_cnes_isro.txt
        agreement · signed · 2021-03-03 · CNES, ISRO
    - agr-04402d8c31eaed2c  004_b6c410c8fab2613d.txt
        agreement · negotiating · undated · CNES, Roscosmos
    ~ agr-995f51331f516167  000_d1d8bed0e0f75784.txt
        id          agr-075761acd2f37e32 → agr-995f51331f516167 (same agreement)
        date        2017-11 → 2017-12
        evidence    − «En novembre 2017, les agences spatiales russe et…»
                    + «En décembre 2017, les agences spatiales russe et…»

then the ledger's entries likewise. Every text from the data is made visible
(`coopextract.terminal`) before it is measured.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopextract.errors import InputError
from coopextract.run.changes import (
    SAME_ID,
    Changed,
    Changes,
    FieldChange,
    compare_ledgers,
    compare_records,
)
from coopextract.run.ledger_file import read_ledger
from coopextract.run.results import LEDGER_FILE, RECORDS_FILE, read_results
from coopextract.terminal import visible
from coopextract.writing import read_records

if TYPE_CHECKING:
    from coopextract.ledger.entry import LedgerEntry
    from coopextract.models import Agreement

WIDTH = 80
INDENT = "    "
LABEL_WIDTH = 12  # `confidence` and a space or two
# Characters of unchanged text kept before what changed in an evidence sentence (after it,
# as many as the line has room for).
CONTEXT = 24

# What paired two different ids, as the text says it.
MATCHED_WORDS = {
    "agreement": "same agreement",
    "evidence": "same evidence",
    "records": "same records",
}


@dataclass(frozen=True)
class Side:
    """One side of a diff: its records and, for a folder that has one, its ledger."""

    path: Path
    records: list[Agreement]
    ledger: list[LedgerEntry] | None


@dataclass(frozen=True)
class Diff:
    old: Side
    new: Side
    records: Changes[Agreement]
    ledger: Changes[LedgerEntry] | None  # None unless both sides have a ledger

    @property
    def any(self) -> bool:
        return self.records.any or (self.ledger is not None and self.ledger.any)


def read_side(path: Path) -> Side:
    """An output folder of ingest (its records, and its ledger when it has one) or a records
    file such as a copy of agreements.jsonl. InputError when it is neither."""
    if path.is_dir():
        ledger = read_ledger(path) if (path / LEDGER_FILE).is_file() else None
        return Side(path, read_results(path), ledger)
    if path.is_file():
        return Side(path, read_records(path), None)
    raise InputError(
        f"{path} not found; pass an output folder of `coopextract ingest` or a copy of "
        f"its {RECORDS_FILE}"
    )


def diff(old: Path, new: Path) -> Diff:
    """The records (and ledgers) of OLD and NEW compared."""
    before, after = read_side(old), read_side(new)
    records = compare_records(before.records, after.records)
    ledger = None
    if before.ledger is not None and after.ledger is not None:
        ledger = compare_ledgers(before.ledger, after.ledger, records.renamed())
    return Diff(before, after, records, ledger)


# --- as JSON ---------------------------------------------------------------------------------


def diff_json(found: Diff) -> dict[str, Any]:
    """The diff as JSON data: counts, the new and removed items whole, and each change
    with its fields' compared values before and after."""
    return {
        "old": str(found.old.path),
        "new": str(found.new.path),
        "records": _changes_json(found.records, _article_json),
        "ledger": None if found.ledger is None else _changes_json(found.ledger, None),
    }


def dumps(data: dict[str, Any]) -> str:
    """JSON text that is safe on a terminal too: the C1 controls and bidi overrides JSON
    would leave as they are (`coopextract.terminal`) are written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(f"\\u{ord(c):04x}" if visible(c) != c else c for c in text)


def _changes_json(changes: Changes[Any], where: Any) -> dict[str, Any]:
    def change(c: Changed[Any]) -> dict[str, Any]:
        data: dict[str, Any] = {"id": c.new.id, "old_id": c.old.id, "matched": c.matched}
        if where is not None:
            data["article"] = where(c.new)
        data["fields"] = {f.field: {"old": f.old, "new": f.new} for f in c.fields}
        return data

    return {
        "counts": changes.counts(),
        "new": [item.model_dump(mode="json") for item in changes.new],
        "removed": [item.model_dump(mode="json") for item in changes.removed],
        "changed": [change(c) for c in changes.changed],
    }


def _article_json(record: Agreement) -> dict[str, Any]:
    return {"path": record.article.path, "item": record.article.item}


# --- as text ---------------------------------------------------------------------------------


def diff_lines(found: Diff, width: int = WIDTH) -> list[str]:
    """The diff as lines of at most `width` characters: the counts, then each new, removed
    and changed record, then the ledger's entries likewise."""
    lines = [_counts_line("Records", found.records, found.old.records, found.new.records)]
    if found.ledger is not None:
        lines.append(
            _counts_line("Ledger", found.ledger, found.old.ledger or [], found.new.ledger or [])
        )
    record_lines = _items(found.records, _record_summary, _record_where, width)
    ledger_lines = _items(found.ledger, _entry_summary, lambda _: "", width) if found.ledger else []
    if record_lines:
        lines += ["", *record_lines]
    if ledger_lines:
        lines += ["", "Ledger entries:", *ledger_lines]
    return lines


def _counts_line(what: str, changes: Changes[Any], before: list[Any], after: list[Any]) -> str:
    counts = changes.counts()
    said = ", ".join(f"{counts[k]} {k}" for k in ("new", "removed", "changed", "unchanged"))
    return f"{what}: {said} ({len(before)} before, {len(after)} after)"


def _items(
    changes: Changes[Any], summary: Callable[[Any], str], where: Callable[[Any], str], width: int
) -> list[str]:
    """Each new and removed item (a head line and a summary line), then each changed one
    (a head line and a line per field)."""
    lines = []
    for sign, items in (("+", changes.new), ("-", changes.removed)):
        for item in items:
            lines.append(_head(sign, item.id, where(item), width))
            lines.append(_cut(INDENT + summary(item), width))
    for change in changes.changed:
        lines.append(_head("~", change.new.id, where(change.new), width))
        for field in change.fields:
            lines.extend(_field_lines(field, change, width))
    return lines


def _head(sign: str, id_: str, where: str, width: int) -> str:
    head = f"{sign} {visible(id_)}"
    if not where:
        return _cut(head, width)
    room = width - len(head) - 2
    return f"{head}  {_cut_middle(visible(where), room)}" if room > 8 else _cut(head, width)


def _record_where(record: Agreement) -> str:
    item = record.article.item
    return record.article.path if item is None else f"{record.article.path} [{item}]"


def _record_summary(record: Agreement) -> str:
    date = record.date.value if record.date else "undated"
    parties = ", ".join(p.name for p in record.parties)
    return visible(f"{record.instrument} · {record.status} · {date} · {parties}")


def _entry_summary(entry: LedgerEntry) -> str:
    date = entry.date.value if entry.date else "undated"
    parties = ", ".join(s.name for s in entry.parties)
    reports = f"{len(entry.records)} report{'s' if len(entry.records) != 1 else ''}"
    return visible(f"{entry.instrument} · {entry.status} · {date} · {parties} · {reports}")


def _field_lines(field: FieldChange, change: Changed[Any], width: int) -> list[str]:
    label = INDENT + field.field.ljust(LABEL_WIDTH - 1) + " "
    room = width - len(label)
    if field.field == "evidence":
        old, new = _excerpts(" ¶ ".join(field.old), " ¶ ".join(field.new), room - 4)
        return [
            label + _cut(f"− «{old}»", room),
            " " * len(label) + _cut(f"+ «{new}»", room),
        ]
    if field.field == "id":
        why = "" if change.matched == SAME_ID else f" ({MATCHED_WORDS[change.matched]})"
        ids = f"{field.old} → {field.new}"
        if len(ids) + len(why) > room:  # shortened ids: the first characters tell them apart
            ids = f"{field.old[:9]}… → {field.new[:9]}…"
        return [label + _cut(visible(ids + why), room)]
    if isinstance(field.old, list) and isinstance(field.new, list) and field.field != "parties":
        return [label + _cut(_list_change(field.old, field.new), room)]
    if field.field == "parties":
        return [label + _cut(_parties_change(field.old, field.new), room)]
    return [label + _cut(f"{_value(field.old)} → {_value(field.new)}", room)]


def _list_change(old: list[str], new: list[str]) -> str:
    """`+ a, b; − c`: what a set-like field gained and lost."""
    gained = [v for v in new if v not in old]
    lost = [v for v in old if v not in new]
    parts = []
    if gained:
        parts.append("+ " + ", ".join(gained))
    if lost:
        parts.append("− " + ", ".join(lost))
    return visible("; ".join(parts))


def _parties_change(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> str:
    """By name when the names differ; otherwise with kind and country, the parties that
    changed."""
    before, after = [p["name"] for p in old], [p["name"] for p in new]
    if sorted(before) != sorted(after):
        return _list_change(before, after)
    changed_old = [_party(p) for p in old if p not in new]
    changed_new = [_party(p) for p in new if p not in old]
    return visible(f"{', '.join(changed_old)} → {', '.join(changed_new)}")


def _party(party: dict[str, Any]) -> str:
    country = f", {party['country']}" if party["country"] else ""
    return f"{party['name']} ({party['kind']}{country})"


def _value(value: Any) -> str:
    """A compared value as a reviewer reads it: dates by value, periods as start – end."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, dict) and "precision" in value:
        return visible(str(value["value"]))
    if isinstance(value, dict):  # a period
        return f"{value.get('start') or '?'} – {value.get('end') or '?'}"
    return visible(str(value))


def _excerpts(old: str, new: str, room: int) -> tuple[str, str]:
    """The part of two texts that differs, with some unchanged words around it, each cut to
    `room` characters: what a reader needs to see what an edit changed."""
    old, new = visible(old), visible(new)
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < min(len(old), len(new)) - prefix
        and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]
    ):
        suffix += 1
    return (
        _excerpt(old, prefix, len(old) - suffix, room),
        _excerpt(new, prefix, len(new) - suffix, room),
    )


def _excerpt(text: str, start: int, end: int, room: int) -> str:
    """text[start:end] with unchanged words around it, up to CONTEXT characters before it and
    as many after as `room` leaves, cut at word boundaries, and `…` where it cuts the text."""
    left = max(0, start - CONTEXT)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    right = min(len(text), max(end, left + room - 2))
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    shown = ("…" if left > 0 else "") + text[left:right] + ("…" if right < len(text) else "")
    return _cut(shown, room)


def _cut(text: str, width: int) -> str:
    """`text` in at most `width` characters, ending in `…` when cut."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def _cut_middle(text: str, width: int) -> str:
    """`text` in at most `width` characters, the middle left out: a path's folder and its
    file's name both tell which it is."""
    if len(text) <= width:
        return text
    keep = width - 1
    return text[: keep // 2] + "…" + text[len(text) - (keep - keep // 2) :]
