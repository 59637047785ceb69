"""`coopextract review DIR --next`: the undecided agreements one by one, answered as a
reviewer types (CliRunner's input). Records from the golden file of the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.cli.review_walk import parse_answer
from coopextract.review.decisions import load_decisions

SIGNED = "agr-e0332692cfcff539"  # 0.94
DATED_2017 = "agr-075761acd2f37e32"  # 0.85, the first of five
PROPOSED = "agr-dc5204fbcc2a1cc4"  # 0.70, Russia – China
PARTNERSHIP = "agr-fb51386291bdf911"  # 0.70, CNES – Roscosmos
CNES = ["agr-514c1dfd0c0ae2ec", "agr-04402d8c31eaed2c", PARTNERSHIP]

runner = CliRunner()


def walk(folder: Path, answers: str, *options: str):
    return runner.invoke(
        app, ["review", str(folder), "--next", *options], input=answers, env={"COLUMNS": "100"}
    )


@pytest.fixture
def folder(golden_folder: Path) -> Path:
    return golden_folder


def shown(output: str) -> list[str]:
    """The ids of the agreements shown, in order (each view starts with its id)."""
    return [line.split()[0] for line in output.splitlines() if line.startswith("agr-")]


def test_walks_the_least_sure_first_and_records_each_answer(folder: Path) -> None:
    result = walk(folder, "r pas un accord\na\nk\nq\n", "--sort", "confidence")
    assert result.exit_code == 0, result.output
    # Ties in the file's order; `k` moves on to the fourth, where `q` stops.
    assert shown(result.stdout) == [PROPOSED, PARTNERSHIP, DATED_2017, "agr-d7d508b71eb185eb"]
    assert "1 of 9 to review" in result.stdout and "4 of 9 to review" in result.stdout
    # Shown as --show shows it: fields, evidence marks, decisions.
    assert "instrument  programme" in result.stdout and " trigger " in result.stdout
    assert [(d.id, d.action, d.note) for d in load_decisions(folder)] == [
        (PROPOSED, "reject", "pas un accord"),
        (PARTNERSHIP, "accept", None),
    ]
    assert result.stderr.splitlines() == [
        f"Recorded decision 1 on {PROPOSED}: reject — pas un accord",
        f"Recorded decision 2 on {PARTNERSHIP}: accept",
        "Reviewed 2 of 9 agreements: 1 accepted, 1 rejected, 0 corrected, 1 skipped; "
        "7 still to review",
    ]


def test_a_correction_stays_on_the_agreement(folder: Path) -> None:
    answers = "s date=March 2021\nv\ns status=signd\ns\nx\na\n"
    result = walk(folder, answers, "--status", "negotiating", "--party", "china")
    assert result.exit_code == 0, result.output
    decisions = [(d.action, d.field) for d in load_decisions(folder)]
    assert decisions == [("set", "date"), ("accept", None)]
    # Shown again after `v`, corrected; a refused value and unknown answers ask again.
    assert shown(result.stdout) == ["agr-d7d508b71eb185eb"] * 2
    assert "2021-03 (month) «March 2021»  (corrected; extracted: 2022" in result.stdout
    err = result.stderr
    assert "Error: status: 'signd' is not one of proposed" in err
    assert "s takes FIELD=VALUE, e.g. s status=signed" in err
    assert "Answers: a [NOTE] accept · r [NOTE] reject" in err
    assert err.endswith("Reviewed 1 of 1 agreement: 1 accepted, 0 rejected, 1 corrected, "
                        "0 skipped; 0 still to review\n")  # fmt: skip


def test_the_end_of_the_input_ends_the_walk_keeping_the_answers(folder: Path) -> None:
    result = walk(folder, "a\n", "--party", "cnes")
    assert result.exit_code == 0, result.output
    assert shown(result.stdout) == CNES[:2]
    assert [d.id for d in load_decisions(folder)] == [CNES[0]]
    assert "Reviewed 1 of 3 agreements" in result.stderr


def test_decided_agreements_are_not_asked_again(folder: Path) -> None:
    runner.invoke(app, ["review", str(folder), "--accept", ",".join(CNES[:2])])
    result = walk(folder, "q\n", "--party", "cnes")
    assert shown(result.stdout) == [PARTNERSHIP]
    runner.invoke(app, ["review", str(folder), "--reject", PARTNERSHIP])
    result = walk(folder, "", "--party", "cnes")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "Nothing to review: every agreement listed is accepted or rejected\n"


@pytest.mark.parametrize(
    ("line", "answer"),
    [
        ("a", ("accept", "")),
        ("accept  vu dans la presse ", ("accept", "vu dans la presse")),
        ("R doublon", ("reject", "doublon")),
        ("s date=March 2021", ("set", "date=March 2021")),
        ("k", ("skip", "")),
        ("?", ("help", "")),
        ("oui", None),
    ],
)
def test_answers(line: str, answer: tuple[str, str] | None) -> None:
    assert parse_answer(line) == answer


def test_next_refuses_a_note_and_other_actions(folder: Path) -> None:
    result = runner.invoke(app, ["review", str(folder), "--next", "--note", "x"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["review", str(folder), "--next", "--stats"])
    assert result.exit_code == 2
