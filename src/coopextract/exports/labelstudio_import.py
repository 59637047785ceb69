"""Label Studio's annotations back as review decisions: `coopextract import-labelstudio`.

The export to read is a project's "JSON" export, as Label Studio documents it: a list of
tasks, each with its `data` as imported, its `annotations` (each with `id`, `completed_by`,
`was_cancelled`, `result` items `{from_name, to_name, type, value}`, ...) and its
`predictions`. The tasks are those `coopextract export --format labelstudio` wrote: the
record's id is `data.id`, and the record-level controls are those of `exports.labelstudio`.

Which answers count: of each task, its most recent annotation (by `updated_at`, else
`created_at`, else its place in the list) that was not skipped (`was_cancelled`); a task
without one is skipped. Of that annotation, the answers of `verdict`, `status` and
`instrument` (one choice each) and `date` (its text, parsed as `review --set` parses it);
an answer left empty leaves its field as it is, and the span regions are not read.

What is recorded in DIR/reviews.jsonl, noted `Label Studio annotation N by …`:

- the verdict `not an agreement`: a `reject` (the other answers are not read: a record
  that reports no agreement has nothing to correct);
- otherwise a `set` for each field whose answer differs from what the task showed (its
  `data`: `status`, `instrument`, `date_value`), then an `accept` for `agreement`.

Only what reviews.jsonl does not say yet is recorded: a `set` is left out when the record,
as corrected, already has that value, and a verdict when it is the record's already or
the one the task showed (its `data.review`). So importing the same export twice records
nothing the second time; an annotation edited in Label Studio and exported again adds only
what changed; and a correction made with `coopextract review` after the export is not undone
by an answer the annotator left as the task showed it.

Everything is checked before anything is written: a file that is not a Label Studio JSON
export, a task for no record of DIR, a choice outside its vocabulary or a date that is not
one is an InputError naming the file and the task, and reviews.jsonl is left as it was.

This module is in exports, not review, because it reads a format that `exports.labelstudio`
defines (the controls' names and values live there, once); it records decisions through
`review.decisions`, as `coopextract review` does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from coopextract.errors import InputError
from coopextract.exports.labelstudio import (
    AGREEMENT,
    CHOICES,
    DATE,
    NOT_AGREEMENT,
    VERDICT,
)
from coopextract.exports.reviewed import REVIEW_COLUMN
from coopextract.models import Agreement
from coopextract.review.decisions import (
    Decision,
    ReviewError,
    Verdict,
    apply_set,
    parse_assignment,
    record_decision,
)
from coopextract.review.folder import open_folder
from coopextract.review.ledger_decisions import refresh_ledger
from coopextract.run.results import RECORDS_FILE

Warn = Callable[[str], None]

FIELDS = ("status", "instrument", DATE)  # the fields the controls correct, in this order
_VERDICTS: dict[str, Verdict] = {AGREEMENT: "accepted", NOT_AGREEMENT: "rejected"}
_UNSHOWN = object()  # a field the task's data does not give: any answer is news
_LISTED = 5  # unknown record ids named in the error


@dataclass(frozen=True)
class Answer:
    """What one task's annotation says about its record."""

    task: str  # the task as messages name it: "task 12"
    record_id: str
    note: str  # "Label Studio annotation 1001 by user 3"
    verdict: Verdict | None  # None: the annotator left the verdict empty
    fields: dict[str, str]  # field -> the answer as typed or chosen, for those answered
    shown: dict[str, object]  # field -> the value the task showed (see `_key`)
    shown_verdict: str | None  # the task's `review`: the verdict when it was exported


@dataclass(frozen=True)
class ImportResult:
    """What `import_labelstudio` did, task by task."""

    decisions: list[Decision]  # recorded, with their seq (in a dry run: to record, seq 0)
    accepted: int = 0  # tasks whose record was accepted as it was
    corrected: int = 0  # tasks with at least one `set` (and then, usually, an accept)
    rejected: int = 0  # tasks whose record was rejected
    unchanged: int = 0  # tasks whose answers reviews.jsonl says already
    skipped: int = 0  # tasks without a submitted annotation
    tasks: int = 0  # all tasks of the export


def import_labelstudio(
    export: Path, folder: Path, *, dry_run: bool = False, warn: Warn | None = None
) -> ImportResult:
    """Record in FOLDER/reviews.jsonl the decisions that the annotations of EXPORT (a Label
    Studio JSON export) make, and rebuild FOLDER's ledger when any was recorded; with
    `dry_run`, only say which. See the module docstring for the rules.

    Raises InputError (EXPORT unreadable or not a Label Studio JSON export, a task for no
    record of FOLDER, an answer that is no value of its field), NoResultsError (FOLDER
    without agreements.jsonl), ReviewError or OutputError (reviews.jsonl)."""
    tasks = _read_tasks(export)
    answers, skipped = _answers(export, tasks)
    opened = open_folder(folder, warn=lambda _: None)  # record_decision warns, once
    records = {r.id: r for r in opened.records}
    unknown = [a for a in answers if a.record_id not in records]
    if unknown:
        raise _unknown(export, folder, unknown)
    result = _plan(answers, records, dict(opened.verdicts), len(tasks), skipped)
    if dry_run or not result.decisions:
        return result
    stored = [record_decision(folder, d, warn) for d in result.decisions]
    refresh_ledger(folder)  # the ledger is built from the records as reviewed
    return replace(result, decisions=stored)


# --- reading the export ------------------------------------------------------------------


def _read_tasks(export: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(export.read_bytes())
    except OSError as err:
        raise InputError(f"cannot read {export} ({err.strerror or err})") from err
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError(
            f"{export} is not JSON ({err}); export the project from Label Studio as JSON"
        ) from err
    if not isinstance(data, list) or not all(isinstance(t, dict) for t in data):
        raise InputError(
            f"{export} is not a Label Studio JSON export (a list of tasks); export the "
            "project from Label Studio as JSON"
        )
    return data


def _answers(export: Path, tasks: list[dict[str, Any]]) -> tuple[list[Answer], int]:
    """The answer of each task that has a submitted annotation, and how many have none."""
    answers = []
    skipped = 0
    for position, task in enumerate(tasks, start=1):
        ident = task.get("id")
        name = f"task {ident}" if isinstance(ident, int | str) else f"task #{position}"
        where = f"{export}: {name}"
        data = task.get("data")
        if not isinstance(data, dict):
            raise InputError(
                f"{where} has no `data` object; export the project as JSON (not JSON-MIN or CSV)"
            )
        annotations = task.get("annotations", [])
        if not isinstance(annotations, list) or not all(isinstance(a, dict) for a in annotations):
            raise InputError(f"{where}: `annotations` is not a list of objects")
        annotation = _latest(annotations)
        if annotation is None:
            skipped += 1
            continue
        record_id = data.get("id")
        if not isinstance(record_id, str) or not record_id:
            raise InputError(
                f"{where}: its data has no record id (`id`); import tasks written by "
                "`coopextract export --format labelstudio`"
            )
        answers.append(_answer(f"{where} ({record_id})", name, record_id, data, annotation))
    return answers, skipped


def _latest(annotations: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The most recent annotation that was not skipped, or None."""
    submitted = [
        (str(a.get("updated_at") or a.get("created_at") or ""), position, a)
        for position, a in enumerate(annotations)
        if not a.get("was_cancelled")
    ]
    return max(submitted, key=lambda item: item[:2])[2] if submitted else None


def _answer(
    where: str, name: str, record_id: str, data: dict[str, Any], annotation: dict[str, Any]
) -> Answer:
    result = annotation.get("result", [])
    if not isinstance(result, list) or not all(isinstance(r, dict) for r in result):
        raise InputError(f"{where}: the annotation's `result` is not a list of objects")
    given: dict[str, str | None] = {}
    for item in result:
        control = item.get("from_name")
        if control in CHOICES:
            given[control] = _choice(where, control, item)
        elif control == DATE:
            given[DATE] = _text(where, item)
        # Other controls (the span labels, or any a user added) are not read.
    verdict = given.pop(VERDICT, None)
    if verdict is not None and verdict not in _VERDICTS:
        raise InputError(
            f"{where}: verdict {verdict!r} is not one of {AGREEMENT!r}, {NOT_AGREEMENT!r}"
        )
    review = data.get(REVIEW_COLUMN)
    return Answer(
        task=where,
        record_id=record_id,
        note=f"Label Studio annotation {_who(annotation)}",
        verdict=_VERDICTS[verdict] if verdict is not None else None,
        fields={f: text for f, text in given.items() if text is not None},
        shown=_shown(data),
        shown_verdict=review if isinstance(review, str) else None,
    )


def _value(where: str, item: dict[str, Any], kind: str, key: str) -> list[str]:
    value = item.get("value")
    found = value.get(key) if isinstance(value, dict) else None
    if item.get("type") != kind or not isinstance(found, list):
        raise InputError(
            f"{where}: the answer of {item.get('from_name')!r} is not a {kind} result "
            f'({{"type": "{kind}", "value": {{"{key}": [...]}}}}); was the project made with '
            "the labelling config that `coopextract export` wrote?"
        )
    if not all(isinstance(v, str) for v in found):
        raise InputError(f"{where}: the answer of {item.get('from_name')!r} is not text")
    return found


def _choice(where: str, control: str, item: dict[str, Any]) -> str | None:
    chosen = _value(where, item, "choices", "choices")
    if len(chosen) > 1:
        raise InputError(f"{where}: {control} has {len(chosen)} choices ({', '.join(chosen)})")
    return chosen[0] if chosen else None


def _text(where: str, item: dict[str, Any]) -> str | None:
    # maxSubmissions="1" keeps one line; were there more, the last one is the answer.
    lines = [line.strip() for line in _value(where, item, "textarea", "text") if line.strip()]
    return lines[-1] if lines else None


def _who(annotation: dict[str, Any]) -> str:
    ident = annotation.get("id")
    text = str(ident) if ident is not None else "without id"
    by = annotation.get("completed_by")
    if isinstance(by, dict):  # some exports give the user, not their id
        by = by.get("email") or by.get("id")
    if isinstance(by, int):
        return f"{text} by user {by}"
    return f"{text} by {by}" if isinstance(by, str) and by else text


def _shown(data: dict[str, Any]) -> dict[str, object]:
    """What the task showed of each field, as `_key` gives values (see the export's
    columns: `status`, `instrument`, `date_value` and `date_precision`)."""
    shown: dict[str, object] = {}
    for name in ("status", "instrument"):
        if isinstance(data.get(name), str):
            shown[name] = data[name]
    if "date_value" in data:
        value, precision = data.get("date_value"), data.get("date_precision")
        shown[DATE] = (value, precision) if value is not None else None
    return shown


# --- the decisions -----------------------------------------------------------------------


def _key(name: str, value: Any) -> object:
    """A field's value as compared: a date by its value and precision, not its text."""
    if name == DATE:
        return None if value is None else (value["value"], value["precision"])
    return value


def _record_key(record: Agreement, name: str) -> object:
    value = getattr(record, name)
    if name == DATE:
        return None if value is None else (value.value, value.precision)
    return value


def _plan(
    answers: list[Answer],
    records: dict[str, Agreement],
    verdict: dict[str, Verdict],
    tasks: int,
    skipped: int,
) -> ImportResult:
    """The decisions the answers make, checked against the records as corrected so far
    (and as each earlier answer of the export corrects them)."""
    planned: list[Decision] = []
    counts = {"accepted": 0, "corrected": 0, "rejected": 0, "unchanged": 0}
    for answer in answers:
        ident = answer.record_id
        record = records[ident]
        new: list[Decision] = []
        if answer.verdict != "rejected":
            for name in FIELDS:
                if name not in answer.fields:
                    continue
                try:
                    field_name, value = parse_assignment(record, f"{name}={answer.fields[name]}")
                except ReviewError as err:
                    raise InputError(f"{answer.task}: {err}") from err
                key = _key(name, value)
                if key == answer.shown.get(name, _UNSHOWN) or key == _record_key(record, name):
                    continue
                decision = Decision(
                    id=ident, action="set", field=field_name, value=value, note=answer.note
                )
                record = apply_set(record, decision)
                new.append(decision)
        if answer.verdict is not None and answer.verdict not in (
            verdict.get(ident),
            answer.shown_verdict,
        ):
            action = "accept" if answer.verdict == "accepted" else "reject"
            new.append(Decision(id=ident, action=action, note=answer.note))
            verdict[ident] = answer.verdict
        records[ident] = record
        planned += new
        if any(d.action == "reject" for d in new):
            counts["rejected"] += 1
        elif any(d.action == "set" for d in new):
            counts["corrected"] += 1
        elif new:
            counts["accepted"] += 1
        else:
            counts["unchanged"] += 1
    return ImportResult(planned, **counts, skipped=skipped, tasks=tasks)


def _unknown(export: Path, folder: Path, unknown: list[Answer]) -> InputError:
    ids = list(dict.fromkeys(a.record_id for a in unknown))
    shown = ", ".join(ids[:_LISTED])
    if len(ids) > _LISTED:
        shown += f" and {len(ids) - _LISTED} more"
    count = len(ids)
    return InputError(
        f"{export}: {count} annotated task{'' if count == 1 else 's'} for "
        f"agreement{'' if count == 1 else 's'} not in {folder / RECORDS_FILE} ({shown}); "
        "import the export of tasks written from this folder "
        f"(`coopextract export {folder} --format labelstudio`)"
    )
