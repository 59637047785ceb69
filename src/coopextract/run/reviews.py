"""Human decisions on records, stored beside them: `DIR/reviews.jsonl`, read and appended.

The decisions are accept, reject, correct a field (`set`), on the ledger merge and split, and
`reattach`, which moves the decisions of a record that is gone onto the one that replaced it.

`DIR/reviews.jsonl` holds one decision a line, appended and never rewritten:

    {"id":"agr-439a3a9cbe290fdf","action":"accept","seq":1}
    {"id":"agr-439a3a9cbe290fdf","action":"set","field":"status","value":"in_force","seq":2}
    {"id":"agr-1eca77492573349c","action":"reject","note":"a proposal, not an agreement","seq":3}

`seq` numbers the decisions of the folder in the order they were made (there is no clock in
the file, so the same decisions always give the same bytes), and the later one wins: the last
`accept`/`reject` of a record is its verdict, and the last `set` of a field its value. The
file is separate from agreements.jsonl, which `coopextract ingest` rewrites: decisions refer to
records by id, which stays the same as long as the agreement's article, sides, instrument and
first evidence sentence do (`assembly.records.agreement_key`), so they survive every re-run
and any edit of the article that leaves that sentence alone. A decision whose record is gone
(its evidence sentence was edited, or its article pruned) is kept in the file and reported
as an orphan (`orphan_decisions`), never dropped.

An orphan's decisions are re-attached to another record by appending, never by rewriting:
`reattach_decisions` appends a copy of each onto the new record (new `seq`s, so they win
over the new record's earlier decisions, as if taken again now; a merge that named the old
record as its other names the new one), then one `reattach` decision on the old id naming
the new one as its `other`:

    {"id":"agr-e0332692cfcff539","action":"accept","seq":1}
    {"id":"agr-4285f90678973a47","action":"accept","seq":4}
    {"id":"agr-e0332692cfcff539","action":"reattach","other":"agr-4285f90678973a47","seq":5}

A `reattach` decision settles the decisions on its id made before it: they are orphans no
more. It changes nothing else: the copies are ordinary decisions, read by everything else
as such.

No complete line is ever dropped. A last line without its newline is read like any other
when it is a whole decision (a hand edit, or an editor that does not end files with a
newline), and `record_decision` ends it before appending. A last line that is not even JSON
is what a crash in the middle of an append leaves: it is left out when reading, with a
warning, and `record_decision` moves it, bytes as they are, to `reviews.jsonl.torn` beside
it (one fragment a line, appended, never rewritten) before appending, with a warning naming
that file. Any other line that is not a decision is an error naming the file and line.

A `set` decision stores the parsed, validated value (a date as `{value, precision, text}`,
parties as whole party objects), so that applying it later needs neither the catalog nor the
parser: `parse_assignment` turns `status=signed` into one.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, ValidationError, model_validator

from coopextract.errors import CoopExtractError
from coopextract.models import Agreement
from coopextract.run.results import RECORDS_FILE, REVIEWS_FILE, TORN_FILE, read_results
from coopextract.writing import first_problem, fsync_folder, numbered_lines

Action = Literal["accept", "reject", "set", "merge", "split", "reattach"]
Verdict = Literal["accepted", "rejected"]

# Fields a reviewer may correct, in the order `--help` and error messages list them. The rest
# (id, article, evidence, confidence, rules) say where a record comes from: not opinions.
SETTABLE = ("status", "instrument", "date", "period", "parties", "scope", "subjects", "space")
_PREVIEW = 80  # characters of an unfinished line quoted in its warning

# Told of what is read or written but not as expected (a warning line); by default the
# module's logger, whose last-resort handler prints warnings on stderr.
Warn = Callable[[str], None]
logger = logging.getLogger(__name__)


class ReviewError(CoopExtractError):
    """A decision cannot be recorded or applied: unknown id, field or value, bad reviews file."""


class Decision(BaseModel):
    """One human decision on one record. `seq` is given by `record_decision`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, description="The record's id.")
    action: Action
    note: str | None = None
    field: str | None = Field(default=None, description="For `set`: the corrected field.")
    other: str | None = Field(
        default=None,
        description="For `merge`: a record of the agreement this one joins; for `reattach`: "
        "the record the decisions on this (gone) one were copied onto.",
    )
    value: JsonValue = Field(default=None, description="For `set`: the field's new value.")
    seq: int = Field(default=0, ge=0, description="Order of the decisions; later ones win.")

    @model_validator(mode="after")
    def _field_only_for_set(self) -> Decision:
        if self.action == "set" and self.field not in SETTABLE:
            raise ValueError(f"'field' must be one of {', '.join(SETTABLE)}")
        if self.action != "set" and (self.field is not None or self.value is not None):
            raise ValueError(f"an {self.action!r} decision has no 'field' or 'value'")
        if (self.action in ("merge", "reattach")) != (self.other is not None):
            raise ValueError("a 'merge' or 'reattach' decision, and only it, names 'other'")
        return self

    def to_line(self) -> str:
        """The decision's line in reviews.jsonl: keys in a fixed order, no empty ones."""
        data = self.model_dump(mode="json")
        kept = {
            key: value
            for key, value in data.items()
            # A `set` to null keeps its value: null is the correction (an unknown date).
            if value is not None or (key == "value" and self.action == "set")
        }
        return json.dumps(kept, ensure_ascii=False, separators=(",", ":")) + "\n"


# --- reading and writing reviews.jsonl -------------------------------------------------------


def load_decisions(dir: Path, warn: Warn | None = None) -> list[Decision]:
    """The decisions in DIR/reviews.jsonl, in `seq` order; none when the file does not exist.

    An unfinished last line is left out, and `warn` told. Raises ReviewError naming the
    file and line of an invalid decision.
    """
    path = dir / REVIEWS_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as err:
        raise ReviewError(f"cannot read {path} ({err.strerror or err}); make it readable") from err
    decisions, kept = _parse(data, path)
    if kept < len(data):
        (warn or logger.warning)(
            f"Warning: the last line of {path} is unfinished (an interrupted write?) and is "
            f"left out: {_preview(data[kept:])}; the next decision moves it to "
            f"{dir / TORN_FILE}"
        )
    return decisions


def _parse(data: bytes, path: Path) -> tuple[list[Decision], int]:
    """The decisions in the bytes of a reviews file, and the length of what they come from:
    all of it, but for an unfinished last line (see the module docstring)."""
    lines = data.split(b"\n")  # the last item: what follows the last newline, if anything
    decisions = []
    kept = len(data)
    for number, line in numbered_lines(lines):
        try:
            decisions.append(Decision.model_validate_json(line))
        except ValidationError as err:
            if number == len(lines) and err.errors()[0]["type"] == "json_invalid":
                kept = len(data) - len(line)  # not JSON, no newline: a torn append
                continue
            raise ReviewError(
                f"{path}:{number}: not a valid decision ({first_problem(err)}); "
                "fix or remove the line"
            ) from err
    decisions.sort(key=lambda d: d.seq)  # stable: equal seqs (a hand edit) keep file order
    return decisions, kept


def _preview(fragment: bytes) -> str:
    text = fragment.decode("utf-8", errors="replace")
    return json.dumps(text[:_PREVIEW] + ("…" if len(text) > _PREVIEW else ""), ensure_ascii=False)


def record_decision(
    dir: Path,
    decision: Decision,
    warn: Warn | None = None,
    check: Callable[[Agreement, list[Decision]], None] | None = None,
) -> Decision:
    """Append a decision to DIR/reviews.jsonl and return it as stored, with its `seq`.

    The record (and a merge's other record) must be in DIR/agreements.jsonl; `check` is
    given the record and the decisions before this one, and raises ReviewError when the
    decision does not fit them (`review.decisions` checks a `set` so). An unfinished last
    line is first moved to DIR/reviews.jsonl.torn, and `warn` told. Raises ReviewError
    otherwise, and OutputError when the file cannot be written.
    """
    if decision.action == "reattach":
        raise ReviewError("a 'reattach' decision is recorded by reattach_decisions")
    records = {r.id: r for r in read_results(dir)}
    current = records.get(decision.id)
    if current is None:
        raise unknown_record(dir, decision.id)
    if decision.other is not None and decision.other not in records:
        raise unknown_record(dir, decision.other)

    def made(earlier: list[Decision]) -> list[Decision]:
        if check is not None:
            check(current, earlier)
        return [decision]

    return _append(dir, made, warn)[0]


def reattach_decisions(
    dir: Path, old: str, new: str, note: str | None = None, warn: Warn | None = None
) -> list[Decision]:
    """Move the orphan decisions on OLD, a record no longer in DIR/agreements.jsonl, onto NEW,
    one that is: append a copy of each on NEW (and of each merge naming OLD as its other,
    naming NEW), then a `reattach` decision on OLD (see the module docstring). Returns the
    decisions as stored, the `reattach` one last.

    Raises ReviewError when NEW is not a record, OLD still is, OLD has no orphan decisions
    (none, or all re-attached already), or a copied correction does not fit NEW.
    """
    records = {r.id: r for r in read_results(dir)}
    target = records.get(new)
    if target is None:
        raise unknown_record(dir, new)
    if old in records:
        raise ReviewError(
            f"{old} is still in {dir / RECORDS_FILE}, and its decisions apply to it; "
            "re-attach only the decisions of a record that is gone "
            f"(`coopextract review {dir} --orphans` lists them)"
        )

    def made(earlier: list[Decision]) -> list[Decision]:
        # What a `reattach` of OLD did not settle yet: its own decisions, and the merges
        # that name it as their other.
        settled = max((d.seq for d in earlier if d.action == "reattach" and d.id == old), default=0)
        moving = [
            d
            for d in earlier
            if d.seq >= settled
            and d.action != "reattach"
            and (d.id == old or (d.action == "merge" and d.other == old))
        ]
        if not moving:
            raise ReviewError(
                f"{old} has no decisions to re-attach in {dir / REVIEWS_FILE} (none, or "
                f"re-attached already); list them with `coopextract review {dir} --orphans`"
            )
        copies = []
        for d in moving:
            copy = d.model_copy(
                update={
                    "id": new if d.id == old else d.id,
                    "other": new if d.other == old else d.other,
                }
            )
            if copy.id != copy.other:  # a merge of NEW with itself says nothing
                copies.append(copy)
        (corrected,), _ = apply_decisions([target], earlier, include_rejected=True)
        for copy in copies:
            if copy.action == "set":
                corrected = apply_set(corrected, copy)  # raises when it does not fit NEW
        return [*copies, Decision(id=old, action="reattach", other=new, note=note)]

    return _append(dir, made, warn)


def _append(
    dir: Path, made: Callable[[list[Decision]], list[Decision]], warn: Warn | None
) -> list[Decision]:
    """Append the decisions `made` returns, given those already in DIR/reviews.jsonl (read
    under the file's lock), numbered after them, in one write; return them as stored."""
    path = dir / REVIEWS_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o666)
    except OSError as err:
        raise ReviewError(
            f"cannot open {path} ({err.strerror or err}); make the folder writable"
        ) from err
    with os.fdopen(fd, "r+b") as file:
        _lock(file.fileno())  # two reviewers at once get different seqs; released on close
        data = file.read()
        decisions, kept = _parse(data, path)
        last = max((d.seq for d in decisions), default=0)
        stored = [d.model_copy(update={"seq": last + n}) for n, d in enumerate(made(decisions), 1)]
        lines = "".join(d.to_line() for d in stored).encode("utf-8")
        torn = data[kept:]
        try:
            if torn:
                _set_aside(dir / TORN_FILE, torn)  # safe elsewhere before it leaves the file
                file.truncate(kept)
            elif data and not data.endswith(b"\n"):
                lines = b"\n" + lines  # the last decision lacks its newline: end it, keep it
            file.write(lines)  # one write: O_APPEND
            file.flush()
            os.fsync(file.fileno())
        except OSError as err:
            written = err.filename or path  # reviews.jsonl, or the file of unfinished lines
            raise ReviewError(
                f"cannot write {written} ({err.strerror or err}); free some space"
            ) from err
    if not data:
        fsync_folder(dir)  # the file may be new: make its name durable too
    if torn:
        (warn or logger.warning)(
            f"Warning: the last line of {path} was unfinished (an interrupted write?); moved "
            f"to {dir / TORN_FILE}: {_preview(torn)}"
        )
    return stored


def _set_aside(path: Path, fragment: bytes) -> None:
    """Append an unfinished line to PATH, durably, on a line of its own."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
    with os.fdopen(fd, "wb") as file:
        file.write(fragment + b"\n")
        file.flush()
        os.fsync(file.fileno())
    fsync_folder(path.parent)


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: decisions are recorded unlocked
        return
    with contextlib.suppress(OSError):  # a file system without locks: unlocked
        fcntl.flock(fd, fcntl.LOCK_EX)


def unknown_record(dir: Path, record_id: str, orphaned: bool = False) -> ReviewError:
    """The error for an id that is not in DIR/agreements.jsonl; `orphaned` when it has
    decisions all the same (its evidence changed, or its article was pruned)."""
    if orphaned:
        return ReviewError(
            f"no agreement {record_id} in {dir / RECORDS_FILE} (it has decisions, but its "
            "evidence changed or its article was pruned); list such decisions with "
            f"`coopextract review {dir} --orphans`"
        )
    return ReviewError(
        f"no agreement {record_id} in {dir / RECORDS_FILE}; "
        f"list the ids with `coopextract review {dir}`"
    )


def verdicts(decisions: Iterable[Decision]) -> dict[str, Verdict]:
    """Each decided record's verdict: its last `accept` or `reject` (by `seq`)."""
    verdict: dict[str, Verdict] = {}
    for decision in sorted(decisions, key=lambda d: d.seq):
        if decision.action == "accept":
            verdict[decision.id] = "accepted"
        elif decision.action == "reject":
            verdict[decision.id] = "rejected"
    return verdict


# --- applying decisions ----------------------------------------------------------------------


def orphan_decisions(ids: Collection[str], decisions: Iterable[Decision]) -> list[Decision]:
    """The decisions whose record id is not among `ids` (the records' ids), in
    `seq` order, but for those a later `reattach` decision on their id settled, and the
    `reattach` decisions themselves."""
    ordered = sorted(decisions, key=lambda d: d.seq)
    settled = {d.id: d.seq for d in ordered if d.action == "reattach"}  # the last one's
    return [
        d
        for d in ordered
        if d.id not in ids and d.action != "reattach" and d.seq >= settled.get(d.id, 0)
    ]


def apply_decisions(
    records: list[Agreement], decisions: list[Decision], include_rejected: bool = False
) -> tuple[list[Agreement], list[Decision]]:
    """The records with their `set` corrections applied, without the rejected ones unless
    `include_rejected`, in their given order; and the orphan decisions (those whose record
    id is not among `records`, and not re-attached: `orphan_decisions`), in `seq` order.

    Raises ReviewError when a stored correction no longer fits its record.
    """
    ordered = sorted(decisions, key=lambda d: d.seq)
    by_id: dict[str, list[Decision]] = {}
    for decision in ordered:
        by_id.setdefault(decision.id, []).append(decision)
    orphans = orphan_decisions({r.id for r in records}, ordered)
    verdict = verdicts(ordered)
    kept = []
    for record in records:
        if verdict.get(record.id) == "rejected" and not include_rejected:
            continue
        for decision in by_id.get(record.id, ()):
            if decision.action == "set":
                record = apply_set(record, decision)
        kept.append(record)
    return kept, orphans


def apply_set(record: Agreement, decision: Decision) -> Agreement:
    """The record with a `set` decision's value; ReviewError when it does not fit."""
    data = record.model_dump(mode="json")
    data[decision.field] = decision.value
    try:
        return Agreement.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        what = f"decision {decision.seq} " if decision.seq else ""
        raise ReviewError(
            f"{decision.id}: {what}cannot set {decision.field} to "
            f"{json.dumps(decision.value, ensure_ascii=False)} ({where}: {first['msg']}); "
            f"fix or remove it in {REVIEWS_FILE}"
        ) from err
