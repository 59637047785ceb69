"""The Label Studio round trip: tasks with record-level answers out, annotations back in.

tests/labelstudio/ holds a real round trip, made by tests/labelstudio/make_export.py with
Label Studio 1.23.2 running on this machine: agreements.jsonl, the records of the seed
articles the tasks were exported from, and export.json, the project's JSON export after an
annotator worked on it (task 1: two annotations, the later one keeps everything; task 2:
status changed to in_force; task 3: date to 2020-12-02; task 4: no annotation; tasks 5 and
6: kept; task 7: date to none; task 8: skipped; task 9: not an agreement).
"""

from __future__ import annotations

import copy
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.errors import InputError
from coopextract.exports import export
from coopextract.exports.labelstudio import labeling_config
from coopextract.exports.labelstudio_import import import_labelstudio
from coopextract.review.decisions import load_decisions
from coopextract.run.ledger_file import read_ledger, update_ledger
from coopextract.writing import read_records, write_records

HERE = Path(__file__).parent / "labelstudio"
EXPORT = HERE / "export.json"
RECORDS = read_records(HERE / "agreements.jsonl")
KEPT = "agr-1fc82fad8ba8ed40"  # task 1: memorandum, signed, 2021-03-09, kept
IN_FORCE = "agr-83e158e36d7485ab"  # task 2: status signed -> in_force
DAY = "agr-e928a863cc9c128e"  # task 3: date 2020-12 -> 2020-12-02
NOT_ANNOTATED = "agr-1a233496a100b369"  # task 4
UNDATED = "agr-17653f721731c2bf"  # task 6: kept, no date
NO_DATE = "agr-a80ec4d223ffdea8"  # task 7: date 2025 -> none
SKIPPED = "agr-17a5aaddf636d6b9"  # task 8: Skip pressed
WISH = "agr-d79d81db1fb1bd75"  # task 9: not an agreement
NOTE = "Label Studio annotation {} by user 1"

EXPECTED = [
    {"id": KEPT, "action": "accept", "note": NOTE.format(2), "seq": 1},
    {"id": IN_FORCE, "action": "set", "field": "status", "value": "in_force"},
    {"id": IN_FORCE, "action": "accept"},
    {"id": DAY, "action": "set", "field": "date", "value": {"value": "2020-12-02"}},
    {"id": DAY, "action": "accept"},
    {"id": "agr-50a4d63ddc7de684", "action": "accept"},
    {"id": UNDATED, "action": "accept"},
    {"id": NO_DATE, "action": "set", "field": "date", "value": None},
    {"id": NO_DATE, "action": "accept"},
    {"id": WISH, "action": "reject", "note": NOTE.format(9), "seq": 10},
]

runner = CliRunner()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "extracted"
    target.mkdir()
    shutil.copy(HERE / "agreements.jsonl", target / "agreements.jsonl")
    return target


def tasks() -> list[dict[str, Any]]:
    return json.loads(EXPORT.read_text(encoding="utf-8"))


def run(*args: str | Path):
    return runner.invoke(app, [*map(str, args)], env={"COLUMNS": "250"})


def lines(folder: Path) -> list[dict[str, Any]]:
    path = folder / "reviews.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def matches(line: dict[str, Any], expected: dict[str, Any]) -> bool:
    for key, value in expected.items():
        if isinstance(value, dict):
            if not isinstance(line.get(key), dict) or not matches(line[key], value):
                return False
        elif line.get(key) != value:
            return False
    return True


# --- the config and the answers fit together ------------------------------------------------


def controls(config: str) -> dict[str, tuple[str, str, set[str]]]:
    """Each control of a labelling config: name -> (tag, toName, its values)."""
    root = ET.fromstring(config)
    objects = {e.get("name") for e in root if e.tag == "Text"}
    found = {}
    for element in root:
        if element.tag in ("Labels", "Choices", "TextArea"):
            assert element.get("toName") in objects
            values = {child.get("value") for child in element}
            found[element.get("name")] = (element.tag, element.get("toName"), values)
    return found


def check_result(result: list[dict[str, Any]], config: str) -> None:
    """Every item answers a control of the config, with its type and one of its values."""
    known = controls(config)
    kinds = {"labels": "Labels", "choices": "Choices", "textarea": "TextArea"}
    for item in result:
        tag, to_name, values = known[item["from_name"]]
        assert item["to_name"] == to_name
        assert kinds[item["type"]] == tag
        if tag == "Labels":
            assert set(item["value"]["labels"]) <= values
        elif tag == "Choices":
            assert set(item["value"]["choices"]) <= values
        else:
            assert all(isinstance(text, str) for text in item["value"]["text"])


def test_exported_tasks_answer_the_controls_of_their_config(folder: Path) -> None:
    (folder / "reviews.jsonl").write_text(
        f'{{"id":"{WISH}","action":"reject","seq":1}}\n', encoding="utf-8"
    )
    result = export(folder, "labelstudio", include_rejected=True)
    config = result.paths[1].read_text(encoding="utf-8")
    assert set(controls(config)) == {"label", "verdict", "status", "instrument", "date"}
    exported = json.loads(result.paths[0].read_text(encoding="utf-8"))
    for task, record in zip(exported, RECORDS, strict=True):
        (prediction,) = task["predictions"]
        check_result(prediction["result"], config)
        answers = {
            item["from_name"]: item["value"]
            for item in prediction["result"]
            if item["from_name"] != "label"
        }
        verdict = "not an agreement" if record.id == WISH else "agreement"
        assert answers.pop("verdict") == {"choices": [verdict]}
        assert answers.pop("status") == {"choices": [record.status]}
        assert answers.pop("instrument") == {"choices": [record.instrument]}
        if record.date is None:
            assert answers == {}
        else:
            assert answers == {"date": {"text": [record.date.value]}}


def test_the_fixture_is_label_studio_s_export_of_these_records() -> None:
    config = labeling_config()
    exported = tasks()
    assert {t["data"]["id"] for t in exported} == {r.id for r in RECORDS}
    for task in exported:
        assert isinstance(task["id"], int)
        for annotation in task["annotations"]:
            assert {"id", "completed_by", "result", "was_cancelled"} <= annotation.keys()
            check_result(annotation["result"], config)


# --- importing -------------------------------------------------------------------------------


def test_import_records_the_annotators_decisions(folder: Path) -> None:
    result = run("import-labelstudio", EXPORT, folder)
    assert result.exit_code == 0, result.output
    recorded = lines(folder)
    assert len(recorded) == len(EXPECTED)
    for line, expected in zip(recorded, EXPECTED, strict=True):
        assert matches(line, expected), (line, expected)
    assert all(line["note"].startswith("Label Studio annotation ") for line in recorded)
    touched = {line["id"] for line in recorded}
    assert NOT_ANNOTATED not in touched and SKIPPED not in touched
    # Task 1's first annotation changed the instrument; its later one, which counts, did not.
    assert not any(line.get("field") == "instrument" for line in recorded)
    assert (
        f"{EXPORT}: 9 tasks: 3 accepted, 3 corrected, 1 rejected, 0 already recorded, "
        f"2 skipped (no submitted annotation); recorded 10 decisions in "
        f"{folder / 'reviews.jsonl'}"
    ) in result.stderr
    assert f"Recorded decision 2 on {IN_FORCE}: set status = in_force — " in result.stderr

    table = run("review", folder)
    assert table.exit_code == 0, table.output
    assert "9 agreements: 6 accepted, 1 rejected, 2 to review" in table.stdout
    shown = run("review", folder, "--show", DAY)
    assert "2020-12-02" in shown.stdout
    assert f"set date = 2020-12-02 — {NOTE.format(4)}" in shown.stdout


def test_importing_the_same_export_again_records_nothing(folder: Path) -> None:
    assert run("import-labelstudio", EXPORT, folder).exit_code == 0
    before = (folder / "reviews.jsonl").read_bytes()
    again = run("import-labelstudio", EXPORT, folder)
    assert again.exit_code == 0, again.output
    assert "0 accepted, 0 corrected, 0 rejected, 7 already recorded" in again.stderr
    assert "recorded 0 decisions" in again.stderr
    assert (folder / "reviews.jsonl").read_bytes() == before


def test_dry_run_says_what_it_would_record(folder: Path) -> None:
    result = run("import-labelstudio", EXPORT, folder, "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"Would record on {WISH}: reject — {NOTE.format(9)}" in result.stderr
    assert "would record 10 decisions" in result.stderr
    assert not (folder / "reviews.jsonl").exists()


def test_an_annotation_edited_later_adds_only_what_changed(folder: Path, tmp_path: Path) -> None:
    import_labelstudio(EXPORT, folder)
    edited = tasks()
    task = next(t for t in edited if t["data"]["id"] == UNDATED)
    (annotation,) = task["annotations"]
    annotation["result"].append(
        {
            "id": "d1",
            "from_name": "date",
            "to_name": "text",
            "type": "textarea",
            "value": {"text": ["2019-03"]},
        }
    )
    annotation["updated_at"] = "2027-01-05T10:00:00.000000Z"
    path = tmp_path / "export-2.json"
    path.write_text(json.dumps(edited), encoding="utf-8")
    result = import_labelstudio(path, folder)
    assert [(d.id, d.action, d.field) for d in result.decisions] == [(UNDATED, "set", "date")]
    assert result.decisions[0].value == {
        "value": "2019-03",
        "precision": "month",
        "text": "2019-03",
    }
    assert (result.corrected, result.unchanged) == (1, 6)


def test_a_correction_made_since_the_export_is_kept(folder: Path) -> None:
    # The annotator left the status of task 1 as the task showed it (signed); a reviewer
    # has set it since. The import does not undo that.
    assert run("review", folder, "--set", KEPT, "status=in_force").exit_code == 0
    assert run("import-labelstudio", EXPORT, folder).exit_code == 0
    shown = run("review", folder, "--show", KEPT)
    assert "in_force" in shown.stdout
    assert [d.field for d in load_decisions(folder) if d.id == KEPT] == ["status", None]


def test_the_ledger_follows_the_import(folder: Path) -> None:
    update_ledger(folder)
    assert any(WISH in entry.records for entry in read_ledger(folder))
    import_labelstudio(EXPORT, folder)
    assert not any(WISH in entry.records for entry in read_ledger(folder))


# --- what is refused -------------------------------------------------------------------------


def refused(folder: Path, path: Path, *expected: str) -> None:
    result = run("import-labelstudio", path, folder)
    assert result.exit_code == 1, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {path}")
    for text in expected:
        assert text in line
    assert not (folder / "reviews.jsonl").exists()


def test_tasks_of_another_folder_are_refused(folder: Path) -> None:
    others = [r for r in RECORDS if r.id not in (IN_FORCE, WISH)]
    write_records(others, folder / "agreements.jsonl")
    refused(folder, EXPORT, "2 annotated tasks", IN_FORCE, WISH, "agreements.jsonl")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("not json", "is not JSON"),
        ('{"data": {}}', "is not a Label Studio JSON export"),
        ('[{"id": 3, "text": "a JSON-MIN row"}]', "task 3 has no `data` object"),
        ('[{"data": {"text": "x"}, "annotations": [{"result": []}]}]', "task #1: its data"),
        ('[{"data": {"id": "agr-1"}, "annotations": {}}]', "not a list of objects"),
    ],
)
def test_malformed_exports_are_refused(
    folder: Path, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "export.json"
    path.write_text(content, encoding="utf-8")
    refused(folder, path, expected)


@pytest.mark.parametrize(
    ("control", "value", "expected"),
    [
        ("status", {"choices": ["signd"]}, "status: 'signd' is not one of"),
        ("date", {"text": ["Mrach 2021"]}, "date: 'Mrach 2021' is not a date"),
        ("verdict", {"choices": ["maybe"]}, "verdict 'maybe' is not one of"),
        ("instrument", {"choices": ["treaty", "protocol"]}, "instrument has 2 choices"),
        ("status", {"text": ["signed"]}, "is not a choices result"),
    ],
)
def test_answers_that_are_no_value_are_refused(
    folder: Path, tmp_path: Path, control: str, value: dict[str, Any], expected: str
) -> None:
    edited = copy.deepcopy(tasks())
    task = edited[-1]  # task 9, whose record is the last
    task["annotations"][0]["result"] = [
        {"id": "x", "from_name": control, "to_name": "text", "type": "choices", "value": value}
    ]
    if control == "date":
        task["annotations"][0]["result"][0]["type"] = "textarea"
    path = tmp_path / "export.json"
    path.write_text(json.dumps(edited), encoding="utf-8")
    refused(folder, path, f"task 9 ({WISH})", expected)


def test_a_missing_export_is_a_usage_error(folder: Path) -> None:
    result = run("import-labelstudio", folder / "nowhere.json", folder)
    assert result.exit_code == 2


def test_a_folder_without_records_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"agreements\.jsonl not found"):
        import_labelstudio(EXPORT, tmp_path)
