"""`coopextract review`: the table and its filters, --show, decisions, messages, exit codes.

Records come from the golden file of the seed articles (no model)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.review.decisions import REVIEWS_FILE, load_decisions
from coopextract.review.listing import Filters, parse_date_bound
from coopextract.writing import read_records
from tests.conftest import GOLDEN

ALL = [r.id for r in read_records(GOLDEN)]
SIGNED = "agr-e0332692cfcff539"  # memorandum, Roscosmos – China, signed, 2021-03-09
DATED_2017 = "agr-075761acd2f37e32"  # programme, Roscosmos – CNSA, signed, 2017-11
DATED_2020 = "agr-e35968ad6b86535d"  # joint statement, China – Russia, signed, 2020-12
PROPOSED = "agr-dc5204fbcc2a1cc4"  # programme, Russia – China, proposed, 2022
DATED_2022 = "agr-d7d508b71eb185eb"  # agreement, Russia – China, negotiating, 2022
CNES_CHINA = "agr-514c1dfd0c0ae2ec"  # agreement, CNES – China, signed, no date
DATED_2025 = "agr-44632f9295b8eb35"  # contract, China – France, signed, 2025

runner = CliRunner()


@pytest.fixture
def folder(golden_folder: Path) -> Path:
    return golden_folder


def review(*args: str | Path):
    # A wide terminal, so that rich does not wrap ids and paths in the table.
    return runner.invoke(app, ["review", *map(str, args)], env={"COLUMNS": "250"})


# A narrow table shows an id by its first digits: six tell the golden records apart.
BY_SHORT_ID = {ident.removeprefix("agr-")[:6]: ident for ident in ALL}


def rows(output: str) -> dict[str, str]:
    """The table's rows by the full id of their record, in order: a wide table's rows start
    with the id, a narrow one's with a decision mark (✓ ✗ *) and the short id."""
    found = {}
    for line in output.splitlines():
        words = line.split()[:2]
        ident = next((BY_SHORT_ID.get(word, word) for word in words if word in BY_SHORT_ID), None)
        ident = ident or next((word for word in words if word in ALL), None)
        if ident is not None:
            found[ident] = line
    return found


def listed(output: str) -> list[str]:
    """The ids in the table, in order."""
    return list(rows(output))


def test_table_lists_every_agreement(folder: Path) -> None:
    result = review(folder)
    assert result.exit_code == 0, result.output
    assert listed(result.stdout) == ALL
    row = next(line for line in result.stdout.splitlines() if SIGNED in line)
    for cell in ("000_d1d8bed0e0f75784.txt", "Roscosmos, China", "memorandum", "signed", "0.94"):
        assert cell in row
    assert "9 agreements: 0 accepted, 0 rejected, 9 to review" in result.stdout


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--party", "cnes"], [CNES_CHINA, "agr-04402d8c31eaed2c", "agr-fb51386291bdf911"]),
        (["--party", "fr"], [CNES_CHINA, DATED_2025, "agr-04402d8c31eaed2c", ALL[-1]]),
        (["--party", "RU", "--party", "cnsa"], [DATED_2017]),
        (["--status", "proposed", "--status", "negotiating"], [PROPOSED, DATED_2022, *ALL[-2:]]),
        # 2020-12 may be
        (["--since", "2020-12-15"], [SIGNED, DATED_2020, PROPOSED, DATED_2022, DATED_2025]),
        # 2022: may be before 03
        (["--since", "2021", "--until", "2022-03"], [SIGNED, PROPOSED, DATED_2022]),
        (["--until", "2017"], [DATED_2017]),
        (["--min-confidence", "0.86"], [SIGNED, DATED_2020]),
        (["--article", "001_C0"], [DATED_2020]),
        (
            ["--status", "signed", "--party", "china", "--since", "2018"],
            [SIGNED, DATED_2020, DATED_2025],
        ),
    ],
)
def test_filters(folder: Path, options: list[str], expected: list[str]) -> None:
    result = review(folder, *options)
    assert result.exit_code == 0, result.output
    assert listed(result.stdout) == expected
    assert f"{len(expected)} of 9 agreements" in result.stdout


def test_filter_dates_compare_at_the_coarser_precision() -> None:
    record = next(r for r in read_records(GOLDEN) if r.id == DATED_2017)  # 2017-11
    assert Filters(since="2017-11-30").matches(record)
    assert Filters(until="2017-11-01").matches(record)
    assert Filters(since="2017").matches(record) and Filters(until="2017").matches(record)
    assert not Filters(since="2017-12").matches(record)
    assert not Filters(until="2017-10-31").matches(record)
    with pytest.raises(ValueError, match="write YYYY, YYYY-MM or YYYY-MM-DD"):
        parse_date_bound("mars 2021")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--status", "signd"], "'signd' is not one of proposed"),
        (["--since", "03/2021"], "'03/2021' is not a date"),
        (["--min-confidence", "2"], "--min-confidence"),
        (["--accept", SIGNED, "--show", SIGNED], "use one of --show, --accept/--reject/--set at"),
        (["--note", "pourquoi"], "goes with --accept, --reject, --set, --merge, --split or"),
        (["--show", SIGNED, "--status", "signed"], "filters apply to the tables and --html"),
        (["--set", SIGNED], "requires 2 arguments"),
    ],
)
def test_command_line_errors_exit_2(folder: Path, options: list[str], message: str) -> None:
    result = review(folder, *options)
    assert result.exit_code == 2
    assert message in " ".join(result.output.replace("│", " ").split())


def test_show_prints_fields_evidence_marks_and_decisions(folder: Path) -> None:
    review(folder, "--reject", SIGNED, "--note", "doublon")
    result = review(folder, "--show", SIGNED)
    assert result.exit_code == 0, result.output
    out = result.stdout
    record = next(r for r in read_records(GOLDEN) if r.id == SIGNED)
    assert out.startswith(f"{SIGNED}  rejected")
    assert "memorandum" in out and "Roscosmos (agency, RU), China (state, CN)" in out
    for evidence in record.evidence:
        assert evidence.text in out  # whole: printed with soft wrap
    # Every mark is listed under its label, in the sentence's order.
    assert " trigger   mémorandum" in out
    assert " party   Roskosmos · agence spatiale russe · Moscou · Pekin" in out
    assert " subject   Station scientifique lunaire internationale" in out
    assert "1 reject — doublon" in out


def test_show_highlights_marks_on_a_terminal(folder: Path) -> None:
    from rich.console import Console

    from coopextract.review.listing import record_view

    record = next(r for r in read_records(GOLDEN) if r.id == SIGNED)
    console = Console(force_terminal=True, color_system="truecolor", width=300)
    with console.capture() as captured:
        for part in record_view(record, record, []):
            console.print(part, soft_wrap=True)
    out = captured.get()
    # The trigger on its amber background (#ffd166), a party on blue (#9ad0ff).
    assert "\x1b[30;48;2;255;209;102mmémorandum\x1b[0m" in out
    assert "\x1b[30;48;2;154;208;255mRoskosmos\x1b[0m" in out


def test_accept_reject_set_are_recorded_and_shown(folder: Path) -> None:
    assert review(folder, "--accept", SIGNED).exit_code == 0
    result = review(folder, "--reject", PROPOSED, "--note", "simple projet")
    assert result.exit_code == 0
    assert f"Recorded decision 2 on {PROPOSED}: reject — simple projet" in result.output
    result = review(folder, "--set", DATED_2022, "date=2021-03-09")
    assert result.exit_code == 0, result.output
    assert [(d.id, d.action, d.seq) for d in load_decisions(folder)] == [
        (SIGNED, "accept", 1),
        (PROPOSED, "reject", 2),
        (DATED_2022, "set", 3),
    ]

    table = review(folder).stdout
    row = rows(table)
    assert "accepted" in row[SIGNED]
    assert "rejected" in row[PROPOSED]  # listed, dimmed, for the reviewer
    assert "2021-03-09" in row[DATED_2022] and "set date" in row[DATED_2022]
    assert "9 agreements: 1 accepted, 1 rejected, 7 to review" in table

    shown = review(folder, "--show", DATED_2022).stdout
    assert "2021-03-09 (day) «2021-03-09»  (corrected; extracted: 2022 (year) «en 2022»)" in shown


def test_invalid_set_exits_1_naming_the_field_and_its_values(folder: Path) -> None:
    result = review(folder, "--set", SIGNED, "status=signd")
    assert result.exit_code == 1
    assert result.output == (
        "Error: status: 'signd' is not one of proposed, negotiating, signed, in_force, terminated\n"
    )
    result = review(folder, "--set", SIGNED, "colour=blue")
    assert result.exit_code == 1
    assert "use one of status, instrument, date, period, parties" in result.output
    assert not (folder / REVIEWS_FILE).exists()


def test_unknown_id_exits_1_in_one_line(folder: Path) -> None:
    for action in ("--show", "--accept", "--reject"):
        result = review(folder, action, "agr-0000")
        assert result.exit_code == 1
        assert result.output == (
            f"Error: no agreement agr-0000 in {folder / 'agreements.jsonl'}; "
            f"list the ids with `coopextract review {folder}`\n"
        )


def test_folder_without_records_exits_1(tmp_path: Path) -> None:
    result = review(tmp_path)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 'agreements.jsonl'} not found; run")


def test_orphan_decisions_are_listed_with_a_warning(folder: Path) -> None:
    review(folder, "--accept", SIGNED)
    review(folder, "--set", SIGNED, "status=in_force")
    lines = (folder / "agreements.jsonl").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if SIGNED not in line]
    (folder / "agreements.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")

    result = review(folder)
    assert result.exit_code == 0
    assert listed(result.stdout) == [i for i in ALL if i != SIGNED]
    assert result.stderr == (
        f"Warning: 2 decisions in {folder / REVIEWS_FILE} are for agreement no longer in "
        f"agreements.jsonl ({SIGNED}): the evidence changed or the article was pruned; they "
        f"are kept: list them with `coopextract review {folder} --orphans`\n"
    )
    shown = review(folder, "--show", SIGNED)
    assert shown.exit_code == 1
    assert "(it has decisions, but its evidence changed or its article was pruned)" in (
        shown.output
    )
    assert f"list such decisions with `coopextract review {folder} --orphans`" in shown.output


def test_html_writes_a_report(folder: Path, tmp_path: Path) -> None:
    review(folder, "--reject", PROPOSED)
    out = tmp_path / "pages" / "report.html"
    result = review(folder, "--html", out, "--party", "china")
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count('<section class="agreement') == 6
    assert f'id="{PROPOSED}"' in page and 'data-decision="rejected"' in page
    assert "Wrote 6 agreements" in result.stderr
    # The golden folder has no manifest: where the articles are is unknown.
    assert (
        "Warning: 6 agreements without a link: their article not found under an unknown "
        "SOURCE (no manifest.json); pass --source"
    ) in result.stderr


def test_the_decisions_file_is_deterministic(folder: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    for target in (folder, other):
        review(target, "--accept", SIGNED, "--note", "vu")
        review(target, "--set", PROPOSED, "parties=Roscosmos, CNSA")
    data = (folder / REVIEWS_FILE).read_bytes()
    assert data == (other / REVIEWS_FILE).read_bytes()
    assert json.loads(data.splitlines()[1])["value"][1]["name"] == "CNSA"


# --- issue 13: no input can block, exhaust or silently lose -----------------------------------


def test_a_last_decision_without_its_newline_survives_the_next_accept(folder: Path) -> None:
    # Row 7, as found: the decision was left out of the table without a word, then deleted
    # by the next `review --accept`.
    path = folder / REVIEWS_FILE
    path.write_text(f'{{"id":"{PROPOSED}","action":"reject","seq":1}}', encoding="utf-8")
    table = review(folder)
    assert "9 agreements: 0 accepted, 1 rejected, 8 to review" in table.stdout
    assert table.stderr == ""
    result = review(folder, "--accept", SIGNED)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Recorded decision 2 on {SIGNED}: accept\n"
    assert path.read_text(encoding="utf-8") == (
        f'{{"id":"{PROPOSED}","action":"reject","seq":1}}\n'
        f'{{"id":"{SIGNED}","action":"accept","seq":2}}\n'
    )
    assert "9 agreements: 1 accepted, 1 rejected, 7 to review" in review(folder).stdout


def test_a_torn_last_line_is_reported_then_moved_aside(folder: Path) -> None:
    path = folder / REVIEWS_FILE
    path.write_text(f'{{"id":"{PROPOSED}","action":"reject","seq":1}}\n{{"id":"agr-8')
    table = review(folder)
    assert table.exit_code == 0
    assert f"Warning: the last line of {path} is unfinished" in table.stderr
    assert f"the next decision moves it to {folder / 'reviews.jsonl.torn'}" in table.stderr
    result = review(folder, "--accept", SIGNED)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"Warning: the last line of {path} was unfinished (an interrupted write?); moved to "
        f'{folder / "reviews.jsonl.torn"}: "{{\\"id\\":\\"agr-8"',
        f"Recorded decision 2 on {SIGNED}: accept",
    ]
    assert (folder / "reviews.jsonl.torn").read_text() == '{"id":"agr-8\n'
    assert review(folder).stderr == ""


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("agreements.jsonl", "holds the extracted records"),
        ("reviews.jsonl", "holds the reviewers' decisions"),
        ("Manifest.JSON", "indexes the last ingest run"),  # as a case-insensitive disk sees it
    ],
)
def test_html_never_writes_over_a_file_of_the_folder(folder: Path, name: str, role: str) -> None:
    # Row 8: the report is refused under the name of a file an output folder owns.
    review(folder, "--accept", SIGNED)
    target = folder / name
    before = target.read_bytes() if target.exists() else None
    result = review(folder, "--html", target)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: will not write {target}: in a coopextract output folder, a file of that "
        f"name {role}; choose another file name\n"
    )
    assert (target.read_bytes() if target.exists() else None) == before


# Row 10: what an article may hold to drive a terminal: set the window title (OSC 0, ended
# by BEL), clear the screen (CSI 2J, also as the one-byte C1 CSI), reverse the text (RLO).
TITLE_ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b2J\u202eTitre"
TITLE_SHOWN = "␛]0;pwned␇␛[2J\\x9b2J\\u202eTitre"
MARKUP = "[/][link=https://evil.example]Roscosmos[bold]:rocket:"


@pytest.fixture
def hostile(folder: Path) -> Path:
    """The folder, with escapes in the title and evidence of SIGNED, markup in a party name."""
    lines = (folder / "agreements.jsonl").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        record = json.loads(line)
        if record["id"] == SIGNED:
            record["article"]["title"] = TITLE_ESCAPES
            record["parties"][0]["name"] = MARKUP
            evidence = record["evidence"][0]
            evidence["text"] = "\x1b[2J" + evidence["text"][4:]  # same length: marks hold
            lines[number] = json.dumps(record, ensure_ascii=False)
    (folder / "agreements.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_show_makes_escapes_from_articles_and_notes_visible(hostile: Path) -> None:
    # As found: `review --show` sent them to the terminal as they are.
    decided = review(hostile, "--accept", SIGNED, "--note", "vu \x1b[2J\x1b]0;x\x07")
    assert decided.exit_code == 0
    assert decided.stderr == f"Recorded decision 1 on {SIGNED}: accept — vu ␛[2J␛]0;x␇\n"
    result = review(hostile, "--show", SIGNED)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\x9b" not in result.output and "\u202e" not in result.output
    assert f"title       {TITLE_SHOWN}" in result.stdout
    assert "\n␛[2J" in result.stdout  # the evidence sentence
    assert "1 accept — vu ␛[2J␛]0;x␇" in result.stdout
    assert f"parties     {MARKUP} (agency, RU)" in result.stdout  # markup printed, not read


def test_table_prints_markup_from_the_data_as_text(hostile: Path) -> None:
    # A stray `[/]` stopped rich with a MarkupError; `[link=…]` made a hidden link.
    result = review(hostile)
    assert result.exit_code == 0, result.output
    assert f"{MARKUP}, China" in rows(result.stdout)[SIGNED]
