"""`coopextract review`'s table on an 80-column terminal, and its forms for scripts and
overviews: --json (JSON Lines), --stats, --sort.

The seed articles' records come from the golden file (what `ingest data/raw` writes; the
`model` test ingests them for real); the worst cases (the longest vocabulary words, long
party names, wide characters, JSON items) from records written here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.models import Agreement
from coopextract.review.decisions import Decision
from coopextract.review.fields import SHORT_WORDS, short_ids, shorten
from coopextract.review.listing import agreements_table, sort_records
from coopextract.writing import read_records, write_records
from tests.conftest import GOLDEN
from tests.test_writing import make_record

RAW = Path(__file__).parent.parent / "data" / "raw"
RECORDS = read_records(GOLDEN)
SIGNED = "agr-e0332692cfcff539"  # memorandum, Roscosmos – China, signed, 2021-03-09, 0.94
PROPOSED = "agr-dc5204fbcc2a1cc4"  # programme, Russia – China, proposed, 2022, 0.70
PARTNERSHIP = "agr-fb51386291bdf911"  # partnership, CNES – Roscosmos, proposed, no date, 0.70
STATEMENT = "agr-e35968ad6b86535d"  # joint statement, China – Russia, signed, 2020-12, 0.86

runner = CliRunner()


def review(*args: str | Path, columns: int = 80):
    return runner.invoke(app, ["review", *map(str, args)], env={"COLUMNS": str(columns)})


@pytest.fixture
def folder(golden_folder: Path) -> Path:
    return golden_folder


def render(records: list[Agreement], decisions: list[Decision], width: int = 80) -> str:
    console = Console(width=width, color_system=None, highlight=False, markup=False)
    ids = short_ids(r.id for r in records)
    with console.capture() as captured:
        console.print(agreements_table(records, decisions, len(records), ids=ids, width=width))
    return captured.get()


def columns(out: str) -> list[dict[str, str]]:
    """The table's rows, each a cell per column: text under each header, its lines joined
    (a wrapped cell goes on in the lines below, with the other columns blank)."""
    lines = out.splitlines()
    header = lines[0]
    names = header.split()
    starts = [header.index(f" {name} " if n else name) + (1 if n else 0)
              for n, name in enumerate(names)]  # fmt: skip
    if header.startswith(" "):  # a column of decision marks, without a header
        names, starts = ["mark", *names], [0, *starts]
    bounds = list(zip(starts, [*starts[1:], None], strict=True))
    rows: list[dict[str, str]] = []
    for line in lines[2:]:
        if not line.strip() or re.match(r"\d+( of \d+)? agreements?: ", line):
            break  # the line of counts
        cells = {name: line[a:b].strip() for name, (a, b) in zip(names, bounds, strict=True)}
        if cells["id"]:
            rows.append(cells)
        else:  # the rest of a wrapped cell
            for name, text in cells.items():
                rows[-1][name] = f"{rows[-1][name]} {text}".strip()
    return rows


def assert_fits_whole(out: str, records: list[Agreement], width: int = 80) -> None:
    """No line wider than `width`; every record's status, instrument and party names whole
    in their cells (a name may go on the next line, never be cut); `…` only in the
    article's cell."""
    assert max(cell_len(line) for line in out.splitlines()) <= width, out
    ids = short_ids(r.id for r in records)
    rows = columns(out)
    assert len(rows) == len(records)
    for record, row in zip(records, rows, strict=True):
        assert row["id"] in (ids[record.id], record.id)
        assert row["status"] == record.status
        assert row["instrument"] in (record.instrument, SHORT_WORDS.get(record.instrument))
        assert row["parties"] == ", ".join(p.name for p in record.parties), row
        assert not any("…" in text for name, text in row.items() if name != "article"), row


def test_the_seed_records_fit_80_columns_whole() -> None:
    decisions = [
        Decision(id=SIGNED, action="accept", seq=1),
        Decision(id=PROPOSED, action="reject", seq=2),
        Decision(id=STATEMENT, action="set", field="status", value="in_force", seq=3),
    ]
    out = render(RECORDS, decisions)
    assert_fits_whole(out, RECORDS)
    lines = out.splitlines()
    assert lines[0].split() == [
        "id", "parties", "instrument", "status", "date", "conf", "article"
    ]  # fmt: skip
    assert lines[2].split()[:3] == ["✓", "e03326", "Roscosmos,"]
    assert lines[5].split()[:2] == ["✗", "dc5204"]
    assert "*" in lines[4].split()[0]  # corrected, not yet accepted
    assert lines[-1] == ("9 agreements: 1 accepted (✓), 1 rejected (✗), 7 to review; * corrected")


def test_the_worst_cases_fit_80_columns_whole() -> None:
    long_names = [
        {"name": "National Academy of Sciences of Belarus", "kind": "organization",
         "country": "BY"},
        {"name": "Great Wall Industry Corporation", "kind": "company", "country": "CN"},
        {"name": "Thales Alenia Space", "kind": "company", "country": "FR"},
    ]  # fmt: skip
    records = [
        make_record("sources/2021/03/tass-roscosmos-cnsa-lunar-station.html", 0),
        make_record("新华社/中国国家航天局与俄罗斯国家航天集团公司签署.txt", 10).model_copy(
            update={"instrument": "joint_statement", "status": "negotiating"}
        ),
        make_record("feeds/wire.jsonl", 20).model_copy(update={"status": "terminated"}),
    ]
    records[2] = records[2].model_copy(
        update={"article": records[2].article.model_copy(update={"item": "id:afp-2021-0001"})}
    )
    records.append(
        Agreement.model_validate(
            make_record("b.txt", 30).model_dump()
            | {"parties": long_names, "instrument": "partnership", "status": "in_force"}
        )
    )
    out = render(records, [])
    assert_fits_whole(out, records)
    assert "tass-" in out and "[id:afp-2021-0001]" not in out  # the file name, shortened
    # On a wide terminal every cell is whole: ids, the article's path, its item.
    wide = render(records, [], width=250)
    assert_fits_whole(wide, records, 250)
    for record in records:
        assert record.id in wide and record.article.path in wide
    assert "feeds/wire.jsonl [id:afp-2021-0001]" in wide and "joint_statement" in wide


def test_a_narrow_terminal_drops_the_article_keeps_the_rest() -> None:
    out = render(RECORDS, [], width=60)
    assert max(cell_len(line) for line in out.splitlines()) <= 60
    assert "article" not in out.splitlines()[0]
    assert "negotiating" in out and "Roscosmos," in out


@pytest.mark.model
def test_review_of_a_real_ingest_fits_80_columns(tmp_path: Path) -> None:
    out = tmp_path / "out"
    ingested = runner.invoke(app, ["ingest", str(RAW), "--output-dir", str(out)])
    assert ingested.exit_code == 0, ingested.output
    records = read_records(out / "agreements.jsonl")
    assert review(out, "--accept", records[0].id).exit_code == 0
    result = review(out)
    assert result.exit_code == 0, result.output
    assert_fits_whole(result.stdout, records)
    assert f"{len(records)} agreements: 1 accepted (✓), 0 rejected (✗)" in result.stdout


def test_the_cli_table_fits_the_terminal(folder: Path) -> None:
    narrow = review(folder).stdout
    assert_fits_whole(narrow, RECORDS)
    assert max(map(cell_len, narrow.splitlines())) > 70  # and uses it
    wide = review(folder, columns=200).stdout
    assert SIGNED in wide and "000_d1d8bed0e0f75784.txt" in wide
    assert "9 agreements: 0 accepted, 0 rejected, 9 to review" in wide


def test_short_ids_grow_until_they_tell_every_id_apart() -> None:
    ids = ["agr-1fc82fad8ba8ed40", "agr-1fc82f00000000aa", "agr-83e158e36d7485ab"]
    assert short_ids(ids) == {
        "agr-1fc82fad8ba8ed40": "1fc82fa",
        "agr-1fc82f00000000aa": "1fc82f0",
        "agr-83e158e36d7485ab": "83e158e",
    }
    assert short_ids(ids[::2]) == {ids[0]: "1fc82f", ids[2]: "83e158"}


def test_shorten_keeps_the_start_and_the_end() -> None:
    assert shorten("000_d1d8bed0e0f75784.txt", 30) == "000_d1d8bed0e0f75784.txt"
    assert shorten("000_d1d8bed0e0f75784.txt", 14, drop_suffix=True) == "000_d1d8b…5784"
    assert shorten("wire.jsonl [line:12]", 14, drop_suffix=True) == "wire [line:12]"
    assert cell_len(shorten("中国国家航天局签署协议.txt", 9, drop_suffix=True)) <= 9


# --- --sort ---------------------------------------------------------------------------------


def ids_in(result) -> list[str]:
    return [json.loads(line)["id"] for line in result.stdout.splitlines()]


def test_sort_by_confidence_date_and_party(folder: Path) -> None:
    by = {r.id: r for r in RECORDS}
    least_sure = ids_in(review(folder, "--json", "--sort", "confidence"))
    assert [by[i].confidence for i in least_sure] == sorted(r.confidence for r in RECORDS)
    assert least_sure[:2] == [PROPOSED, PARTNERSHIP]  # ties in the file's order
    surest = ids_in(review(folder, "--json", "--sort", "confidence", "--desc"))
    assert surest[0] == SIGNED and surest[-2:] == [PROPOSED, PARTNERSHIP]
    newest = ids_in(review(folder, "--json", "--sort", "date", "--desc"))
    dates = [by[i].date.value if by[i].date else None for i in newest]
    assert dates == ["2025", "2022", "2022", "2021-03-09", "2020-12", "2017-11", None, None, None]
    assert ids_in(review(folder, "--json", "--sort", "party")) == [
        r.id for r in sort_records(RECORDS, "party")
    ]
    assert by[ids_in(review(folder, "--json", "--sort", "party"))[0]].parties[0].name == "China"
    table = review(folder, "--sort", "confidence", "--status", "proposed").stdout
    assert [line.split()[0] for line in table.splitlines()[2:5]] == ["dc5204", "fb5138", "2"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--sort", "size"], "'size' is not one of article, confidence, date, party"),
        (["--desc"], "goes with --sort"),
        (["--sort", "date", "--show", SIGNED], "orders the table, --json, --next and --html"),
        (["--json", "--show", SIGNED], "goes with the table or --stats, not with --show"),
    ],
)
def test_sort_and_json_mistakes_exit_2(folder: Path, options: list[str], message: str) -> None:
    result = review(folder, *options)
    assert result.exit_code == 2
    assert message in " ".join(result.output.replace("│", " ").split())


# --- --json ---------------------------------------------------------------------------------


def test_json_lines_carry_the_records_as_corrected_with_their_review(folder: Path) -> None:
    assert review(folder, "--set", STATEMENT, "status=in_force").exit_code == 0
    assert review(folder, "--accept", STATEMENT, "--reject", PROPOSED).exit_code == 0
    result = review(folder, "--json", "--party", "russia")
    assert result.exit_code == 0 and result.stderr == ""
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    expected = [r for r in RECORDS if "Russia" in [p.name for p in r.parties]]
    assert [line["id"] for line in lines] == [r.id for r in expected]
    by_id = {line["id"]: line for line in lines}
    assert by_id[STATEMENT]["status"] == "in_force"
    assert (by_id[STATEMENT]["review"], by_id[STATEMENT]["corrected"]) == ("accepted", ["status"])
    assert (by_id[PROPOSED]["review"], by_id[PROPOSED]["corrected"]) == ("rejected", [])
    undecided = next(line for line in lines if line["id"] not in (STATEMENT, PROPOSED))
    assert (undecided["review"], undecided["corrected"]) == (None, [])
    # Each line is the record's own fields first, as agreements.jsonl has them.
    record = Agreement.model_validate({k: v for k, v in undecided.items() if k not in (
        "review", "corrected")})  # fmt: skip
    assert record in RECORDS


def test_json_escapes_what_a_terminal_would_obey(tmp_path: Path) -> None:
    folder = tmp_path / "extracted"
    folder.mkdir()
    title = "Titre \x1b]0;x\x07 \x9b2J \u202eevil"
    record = make_record()
    record = record.model_copy(
        update={"article": record.article.model_copy(update={"title": title})}
    )
    write_records([record], folder / "agreements.jsonl")
    result = review(folder, "--json")
    assert result.exit_code == 0
    line = result.stdout.strip()
    for char in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert char not in line
    assert json.loads(line)["article"]["title"] == title  # the same text to a parser


# --- --stats --------------------------------------------------------------------------------


def test_stats_count_by_status_party_and_year(folder: Path) -> None:
    review(folder, "--accept", f"{SIGNED},{STATEMENT}", "--reject", PROPOSED)
    result = review(folder, "--stats")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("9 agreements: 2 accepted, 1 rejected, 6 to review\n")
    assert max(map(cell_len, out.splitlines())) <= 80
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()}
    # status: agreements, accepted, rejected, to review, mean confidence
    assert rows["signed"] == ["5", "2", "0", "3", "0.87"]
    assert rows["proposed"] == ["2", "0", "1", "1", "0.70"]
    assert rows["China"] == ["(CN)", "6", "2", "1", "3", "0.84"]
    assert rows["2022"] == ["2", "0", "1", "1", "0.77"]
    assert "no date" in out

    data = json.loads(review(folder, "--stats", "--json", "--party", "CNES").stdout)
    assert (data["agreements"], data["to_review"]) == (3, 3)
    assert data["by_status"][0] == {
        "status": "proposed",
        "agreements": 1,
        "accepted": 0,
        "rejected": 0,
        "to_review": 1,
        "mean_confidence": 0.7,
    }
    assert [s["status"] for s in data["by_status"]] == ["proposed", "negotiating", "signed"]
    assert [(p["party"], p["country"], p["agreements"]) for p in data["by_party"]] == [
        ("CNES", "FR", 3),
        ("Roscosmos", "RU", 2),
        ("China", "CN", 1),
    ]
    assert [y["year"] for y in data["by_year"]] == [None]
