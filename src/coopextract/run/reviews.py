"""Human decisions on records, stored beside them: `DIR/reviews.jsonl`, read and appended.

The decisions are accept, reject, correct a field (`set`), and on the ledger merge and split.

`DIR/reviews.jsonl` holds one decision a line, appended and never rewritten:

    {"id":"agr-439a3a9cbe290fdf","action":"accept","seq":1}
    {"id":"agr-439a3a9cbe290fdf","action":"set","field":"status","value":"in_force","seq":2}
    {"id":"agr-1eca77492573349c","action":"reject","note":"a proposal, not an agreement","seq":3}

`seq` numbers the decisions of the folder in the order they were made (there is no clock in
the file, so the same decisions always give the same bytes), and the later one wins: the last
`accept`/`reject` of a record is its verdict, and the last `set` of a field its value. The
file is separate from agreements.jsonl, which `coopextract ingest` rewrites: decisions refer to
records by id, which stays the same as long as the article's content does, so they survive
every re-run. A decision whose record is gone (the article changed, or was pruned) is kept
in the file and reported as an orphan by `apply_decisions`, never dropped.

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
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, ValidationError, model_validator

from coopextract.errors import CoopExtractError
from coopextract.models import Agreement
from coopextract.run.results import RECORDS_FILE, REVIEWS_FILE, TORN_FILE, read_results
from coopextract.writing import first_problem, fsync_folder, numbered_lines

Action = Literal["accept", "reject", "set", "merge", "split"]
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
        default=None, description="For `merge`: a record of the agreement this one joins."
    )
    value: JsonValue = Field(default=None, description="For `set`: the field's new value.")
    seq: int = Field(default=0, ge=0, description="Order of the decisions; later ones win.")

    @model_validator(mode="after")
    def _field_only_for_set(self) -> Decision:
        if self.action == "set" and self.field not in SETTABLE:
            raise ValueError(f"'field' must be one of {', '.join(SETTABLE)}")
        if self.action != "set" and (self.field is not None or self.value is not None):
            raise ValueError(f"an {self.action!r} decision has no 'field' or 'value'")
        if (self.action == "merge") != (self.other is not None):
            raise ValueError("a 'merge' decision, and only it, names the 'other' record")
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
    records = read_results(dir)
    current = {r.id: r for r in records}.get(decision.id)
    if current is None:
        raise unknown_record(dir, decision.id)
    if decision.other is not None and decision.other not in {r.id for r in records}:
        raise unknown_record(dir, decision.other)
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
        if check is not None:
            check(current, decisions)
        stored = decision.model_copy(update={"seq": max((d.seq for d in decisions), default=0) + 1})
        line = stored.to_line().encode("utf-8")
        torn = data[kept:]
        try:
            if torn:
                _set_aside(dir / TORN_FILE, torn)  # safe elsewhere before it leaves the file
                file.truncate(kept)
            elif data and not data.endswith(b"\n"):
                line = b"\n" + line  # the last decision lacks its newline: end it, keep it
            file.write(line)  # one write: O_APPEND
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
    decisions all the same (its article changed or was pruned)."""
    gone = " (it has decisions, but its article changed or was pruned)" if orphaned else ""
    return ReviewError(
        f"no agreement {record_id} in {dir / RECORDS_FILE}{gone}; "
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


def apply_decisions(
    records: list[Agreement], decisions: list[Decision], include_rejected: bool = False
) -> tuple[list[Agreement], list[Decision]]:
    """The records with their `set` corrections applied, without the rejected ones unless
    `include_rejected`, in their given order; and the orphan decisions (those whose record
    id is not among `records`), in `seq` order.

    Raises ReviewError when a stored correction no longer fits its record.
    """
    ordered = sorted(decisions, key=lambda d: d.seq)
    by_id: dict[str, list[Decision]] = {}
    for decision in ordered:
        by_id.setdefault(decision.id, []).append(decision)
    known = {r.id for r in records}
    orphans = [d for d in ordered if d.id not in known]
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
