"""Several decisions in one `coopextract review` call, ids by their start, and a --set value
that cannot be mistaken for DIR. Records from the golden file of the seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.review.decisions import REVIEWS_FILE, load_decisions

SIGNED = "agr-e0332692cfcff539"
DATED_2017 = "agr-075761acd2f37e32"
STATEMENT = "agr-e35968ad6b86535d"
PROPOSED = "agr-dc5204fbcc2a1cc4"
NEGOTIATING = "agr-d7d508b71eb185eb"
PARTNERSHIP = "agr-fb51386291bdf911"

runner = CliRunner()


def review(*args: str | Path):
    return runner.invoke(app, ["review", *map(str, args)], env={"COLUMNS": "250"})


def flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


@pytest.fixture
def folder(golden_folder: Path) -> Path:
    return golden_folder


def decided(folder: Path) -> list[tuple[str, str, str | None]]:
    return [(d.id, d.action, d.note) for d in load_decisions(folder)]


def test_several_ids_in_one_call(folder: Path) -> None:
    result = review(
        folder,
        "--accept", f"{SIGNED},{DATED_2017}",
        "--accept", STATEMENT[4:10],  # the short id of the table
        "--reject", f"{PROPOSED} agr-{PARTNERSHIP[4:8]}",  # spaces, and four digits
        "--note", "relu",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert decided(folder) == [
        (SIGNED, "accept", "relu"),
        (DATED_2017, "accept", "relu"),
        (STATEMENT, "accept", "relu"),
        (PROPOSED, "reject", "relu"),
        (PARTNERSHIP, "reject", "relu"),
    ]
    assert result.stderr.splitlines()[2] == f"Recorded decision 3 on {STATEMENT}: accept — relu"
    assert "9 agreements: 3 accepted, 2 rejected, 4 to review" in review(folder).stdout


def test_a_correction_and_a_verdict_in_one_call(folder: Path) -> None:
    result = review(folder, "--accept", NEGOTIATING, "--set", NEGOTIATING[:10], "status=signed")
    assert result.exit_code == 0, result.output
    assert [(d.action, d.field) for d in load_decisions(folder)] == [
        ("set", "status"),
        ("accept", None),
    ]
    assert "accepted; set status" in review(folder).stdout


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--accept", f"{SIGNED},agr-0000"], "no agreement agr-0000 in"),
        (["--accept", SIGNED, "--reject", SIGNED[:8]], f"{SIGNED}: both accepted and rejected"),
        (["--accept", SIGNED, "--set", DATED_2017, "status=signd"], "status: 'signd' is not"),
        (["--accept", "1fc"], "no agreement 1fc in"),  # too short to be an id's start
    ],
)
def test_one_mistake_records_nothing(folder: Path, options: list[str], message: str) -> None:
    result = review(folder, *options)
    assert result.exit_code == 1
    assert message in result.stderr
    assert not (folder / REVIEWS_FILE).exists()


def test_an_ambiguous_start_is_refused(folder: Path) -> None:
    lines = (folder / "agreements.jsonl").read_text(encoding="utf-8").splitlines()
    twin = json.loads(lines[1])
    twin["id"] = SIGNED[:10] + "0000000000"  # starts as SIGNED does, for six digits
    lines.insert(1, json.dumps(twin, ensure_ascii=False))
    (folder / "agreements.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = review(folder, "--accept", SIGNED[4:10])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {SIGNED[4:10]} is the start of 2 agreement ids ({SIGNED}, {twin['id']}); "
        "give more of its digits\n"
    )
    assert review(folder, "--accept", SIGNED[4:11]).exit_code == 0  # one more digit will do
    table = review(folder).stdout
    assert SIGNED in table and twin["id"] in table  # a wide table: whole ids
    narrow = runner.invoke(app, ["review", str(folder)], env={"COLUMNS": "80"}).stdout
    assert f" {SIGNED[4:11]} " in narrow and f" {twin['id'][4:11]} " in narrow


def test_set_takes_a_quoted_value_with_spaces(folder: Path) -> None:
    result = review(folder, "--set", NEGOTIATING, "date=March 2021")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Recorded decision 1 on {NEGOTIATING}: set date = 2021-03\n"
    review(folder, "--set", STATEMENT, "date=9 mars 2021")  # the article's language: French
    values = [d.value for d in load_decisions(folder)]
    assert values == [
        {"value": "2021-03", "precision": "month", "text": "March 2021"},
        {"value": "2021-03-09", "precision": "day", "text": "9 mars 2021"},
    ]
    shown = review(folder, "--show", NEGOTIATING).stdout
    assert "2021-03 (month) «March 2021»  (corrected; extracted: 2022" in shown


def test_a_date_not_understood_whole_is_refused(folder: Path) -> None:
    result = review(folder, "--set", NEGOTIATING, "date=Mrach 2021")  # a year, and a typo
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: date: 'Mrach 2021' is not a date; write YYYY")
    assert not (folder / REVIEWS_FILE).exists()


def test_an_unquoted_value_is_never_taken_for_dir(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As found: `review --set ID date=March 2021` read 2021 as the folder.
    result = review(folder, "--set", NEGOTIATING, "date=March", "2021")
    assert result.exit_code == 2
    assert (
        f"'2021' is a word too many; quote a value with spaces: --set {NEGOTIATING} "
        '"date=March 2021"'
    ) in flat(result.output)
    monkeypatch.chdir(tmp_path)  # DIR left to its default: the value's end takes its place
    result = review("--set", NEGOTIATING, "date=March", "2021")
    assert result.exit_code == 2
    assert f"'2021' is no folder; quote a value with spaces: --set {NEGOTIATING}" in flat(
        result.output
    )
    result = review(folder, "--accept", SIGNED, DATED_2017)
    assert result.exit_code == 2
    assert "give several ids to one option with commas (--accept ID1,ID2)" in flat(result.output)
    assert not (folder / REVIEWS_FILE).exists()


def test_corrections_of_one_record_in_one_call_are_recorded_in_order(folder: Path) -> None:
    from coopextract.review.folder import Wanted, decide_all

    review(folder, "--set", NEGOTIATING, "status=signed")
    stored = decide_all(
        folder,
        [
            Wanted(NEGOTIATING, "set", "parties=Roscosmos,CNSA"),
            Wanted(NEGOTIATING, "set", "parties=CNSA,China"),  # the last one wins
        ],
    )
    assert [d.seq for d in stored] == [2, 3]
    shown = review(folder, "--show", NEGOTIATING).stdout
    assert "parties     CNSA (agency, CN), China (state, CN)" in shown


def test_a_missing_default_folder_is_no_stray_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no data/extracted here
    result = review("--accept", SIGNED)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: data/extracted/agreements.jsonl not found; run")
