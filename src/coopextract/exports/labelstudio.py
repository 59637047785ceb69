"""Label Studio: one task per agreement, pre-annotated with its evidence, marks and fields.

Each task is `{"data": {"text": ..., <the record's flat columns>}, "predictions": [{
"model_version", "score", "result": [...]}]}`, in Label Studio's documented pre-annotation
format, for the labelling config `labeling_config` (written beside the tasks). The result
holds one `labels` region per span, for `<Labels name="label" toName="text">`, and one answer
per record-level control, which annotators confirm or correct:

- `verdict` (Choices): `agreement`, or `not an agreement` for a record that reports none;
- `status` and `instrument` (Choices): the record's vocabularies, one choice each;
- `date` (TextArea, one line): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or `none`. Not Label
  Studio's DateTime: it takes a whole day or a year, and a record's date may be a month.

`coopextract import-labelstudio` reads the annotations of these controls back as decisions
(`exports.labelstudio_import`); the spans are for reading, not imported.

Which text a task shows:

- With the articles' folder (`source`, the SOURCE that was ingested), the whole article as
  coopextract read it, offsets unchanged: regions labelled `evidence` for the evidence
  sentences and one per mark (trigger, party, status, date, period, subject). The article
  must be the one ingested (same SHA-256), else offsets could point anywhere.
- Without it, the record's evidence sentences, joined by a blank line, offsets made relative
  to that text: regions for the marks only (the whole text is evidence).

Offsets are checked before anything is written: each region's `text[start:end]` must be the
text the record stores, else an InputError names the record.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, get_args
from xml.sax.saxutils import quoteattr

from coopextract import __version__
from coopextract.errors import InputError
from coopextract.exports.csv_tables import agreement_columns
from coopextract.exports.files import write_files
from coopextract.exports.reviewed import (
    CORRECTED_COLUMN,
    NOT_REVIEWED,
    REVIEW_COLUMN,
    ReviewState,
)
from coopextract.models import Agreement, Instrument, MarkLabel, Status

FROM_NAME = "label"
TO_NAME = "text"
EVIDENCE_LABEL = "evidence"
SEPARATOR = "\n\n"  # between evidence sentences, without --source
LABELS = (EVIDENCE_LABEL, *get_args(MarkLabel))

# The record-level controls: their names are the `from_name` of the answers.
VERDICT = "verdict"
AGREEMENT = "agreement"
NOT_AGREEMENT = "not an agreement"
CHOICES: dict[str, tuple[str, ...]] = {
    VERDICT: (AGREEMENT, NOT_AGREEMENT),
    "status": get_args(Status),
    "instrument": get_args(Instrument),
}
DATE = "date"  # a TextArea
NO_DATE = "none"
_HEADERS = {
    VERDICT: "Does the text report this agreement?",
    "status": "Status",
    "instrument": "Instrument",
    DATE: "Date: YYYY, YYYY-MM or YYYY-MM-DD, or none",
}


def labeling_config() -> str:
    """The Label Studio labelling config the tasks are made for."""
    labels = "\n".join(f"    <Label value={quoteattr(label)}/>" for label in LABELS)
    lines = [
        "<View>",
        f"  <Labels name={quoteattr(FROM_NAME)} toName={quoteattr(TO_NAME)}>",
        labels,
        "  </Labels>",
        f'  <Text name={quoteattr(TO_NAME)} value="$text"/>',
    ]
    for name, values in CHOICES.items():
        lines += [
            f"  <Header value={quoteattr(_HEADERS[name])}/>",
            f"  <Choices name={quoteattr(name)} toName={quoteattr(TO_NAME)} "
            'choice="single-radio" showInline="true">',
            *(f"    <Choice value={quoteattr(value)}/>" for value in values),
            "  </Choices>",
        ]
    lines += [
        f"  <Header value={quoteattr(_HEADERS[DATE])}/>",
        f'  <TextArea name={quoteattr(DATE)} toName={quoteattr(TO_NAME)} rows="1" '
        'maxSubmissions="1" editable="true" placeholder="YYYY-MM-DD"/>',
        "</View>",
    ]
    return "\n".join(lines) + "\n"


def config_path(path: Path) -> Path:
    """tasks.json -> tasks-config.xml, beside it."""
    return path.with_name(f"{path.stem}-config.xml")


def _answers(record: Agreement, state: ReviewState) -> list[dict[str, Any]]:
    """The record-level answers the task is pre-annotated with: verdict, status,
    instrument, and the date when the record has one."""
    verdict = NOT_AGREEMENT if state.verdict == "rejected" else AGREEMENT
    chosen = {VERDICT: verdict, "status": record.status, "instrument": record.instrument}
    answers: list[dict[str, Any]] = [
        {
            "id": f"{record.id}-{name}",
            "from_name": name,
            "to_name": TO_NAME,
            "type": "choices",
            "value": {"choices": [value]},
        }
        for name, value in chosen.items()
    ]
    if record.date is not None:
        answers.append(
            {
                "id": f"{record.id}-{DATE}",
                "from_name": DATE,
                "to_name": TO_NAME,
                "type": "textarea",
                "value": {"text": [record.date.value]},
            }
        )
    return answers


def _region(ident: str, text: str, start: int, end: int, label: str) -> dict[str, Any]:
    return {
        "id": ident,
        "from_name": FROM_NAME,
        "to_name": TO_NAME,
        "type": "labels",
        "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]},
    }


class ArticleTexts:
    """The text of each ingested article, read from SOURCE as ingest read it, once each."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self._texts: dict[str, dict[str | None, tuple[str, str]]] = {}

    def text(self, record: Agreement) -> str:
        article = record.article
        if article.path not in self._texts:
            self._texts[article.path] = self._read(article.path)
        found = self._texts[article.path].get(article.item)
        where = self.source / article.path
        if article.item is not None:
            where = f"{where} [{article.item}]"
        if found is None:
            raise InputError(
                f"{where} is not there or not readable, but record {record.id} comes from it; "
                "pass as --source the folder that was ingested"
            )
        text, sha256 = found
        if sha256 != article.sha256:
            raise InputError(
                f"{where} has changed since record {record.id} was extracted from it; run "
                "coopextract ingest again, or pass the folder that was ingested as --source"
            )
        return text

    def _read(self, path: str) -> dict[str | None, tuple[str, str]]:
        # The article readers, not the raw file: offsets refer to the decoded text, the
        # main text of a web page, the `text` of a JSON object.
        from coopextract.reading.articles import Article, read_file

        file = self.source / path
        if not file.is_file():
            return {}
        return {
            a.item: (a.text, a.sha256)
            for a in read_file(file, path, max_bytes=2**62)
            if isinstance(a, Article)
        }


def _check(record: Agreement, what: str, got: str, stored: str) -> None:
    if got != stored:
        raise InputError(
            f"record {record.id} ({record.article.path}): the {what} offsets point at "
            f"{got[:60]!r}, not at its text {stored[:60]!r}; run coopextract ingest --force "
            "to extract it again"
        )


def task(record: Agreement, state: ReviewState, article_text: str | None) -> dict[str, Any]:
    """The Label Studio task of one record (see the module docstring)."""
    regions = []
    if article_text is not None:
        text = article_text
        for i, ev in enumerate(record.evidence):
            _check(record, f"evidence {i}", text[ev.start : ev.end], ev.text)
            regions.append(_region(f"{record.id}-e{i}", text, ev.start, ev.end, EVIDENCE_LABEL))
            for k, mark in enumerate(ev.marks):
                _check(record, f"{mark.label} mark", text[mark.start : mark.end], mark.text)
                regions.append(
                    _region(f"{record.id}-e{i}m{k}", text, mark.start, mark.end, mark.label)
                )
    else:
        text = SEPARATOR.join(ev.text for ev in record.evidence)
        base = 0  # where the evidence sentence starts in `text`
        for i, ev in enumerate(record.evidence):
            for k, mark in enumerate(ev.marks):
                start, end = base + mark.start - ev.start, base + mark.end - ev.start
                inside = ev.start <= mark.start <= mark.end <= ev.end
                _check(record, f"{mark.label} mark", text[start:end] if inside else "", mark.text)
                regions.append(_region(f"{record.id}-e{i}m{k}", text, start, end, mark.label))
            base += len(ev.text) + len(SEPARATOR)
    meta = {name: get(record) for name, get in agreement_columns()}
    return {
        "data": {
            "text": text,
            **meta,
            REVIEW_COLUMN: state.verdict,
            CORRECTED_COLUMN: list(state.corrected),
        },
        "predictions": [
            {
                "model_version": f"coopextract {__version__}",
                "score": record.confidence,
                "result": [*regions, *_answers(record, state)],
            }
        ],
    }


def format_labelstudio(
    records: list[Agreement], states: Mapping[str, ReviewState], source: Path | None = None
) -> bytes:
    """The bytes of the tasks file (a JSON list)."""
    texts = ArticleTexts(source) if source is not None else None
    tasks = [
        task(r, states.get(r.id, NOT_REVIEWED), texts.text(r) if texts is not None else None)
        for r in records
    ]
    return (json.dumps(tasks, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_labelstudio(
    records: list[Agreement],
    path: Path,
    states: Mapping[str, ReviewState],
    source: Path | None = None,
) -> list[Path]:
    """Write the tasks to PATH and the labelling config to PATH-config.xml."""
    return write_files(
        [path, config_path(path)],
        lambda: [format_labelstudio(records, states, source), labeling_config().encode("utf-8")],
    )
