"""`coopextract review` on the ledger: --ledger and its filters, --entry, --merge, --split,
their errors, the HTML report's ledger view, and decisions that outlive `ingest --force`.

The folder holds records written here (no model): three reports of the ILRS memorandum in
three languages, a plan for it that the matching keeps apart, an Artemis signing whose
evidence is hostile HTML, and a Beidou joint statement.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.ledger.entry import LedgerEntry
from coopextract.models import Agreement
from coopextract.review.decisions import REVIEWS_FILE, load_decisions
from coopextract.run.ledger_file import read_ledger, update_ledger
from coopextract.writing import write_records
from tests.conftest import dv
from tests.test_report import parse
from tests.test_writing import make_record

runner = CliRunner()
HOSTILE = "<script>alert('x')</script> Italy signed the Artemis Accords <b>today</b>"


def report(path: str, language: str, published: str | None, **fields: object) -> Agreement:
    """A record of article `path`, in `language`, published on `published`."""
    text = str(fields.pop("text", "accord"))
    data = make_record(path, 0, text, **fields).model_dump(mode="json")
    data["article"]["language"] = language
    data["article"]["published"] = dv(published).model_dump() if published else None
    return Agreement.model_validate(data)


def day(value: str, text: str) -> dict[str, str]:
    return {"value": value, "precision": "day", "text": text}


ILRS_RU = report("ru/ilrs.txt", "ru", "2021-03-09", text="Россия и Китай подписали меморандум")
ILRS_FR = report(
    "fr/ilrs.txt", "fr", "2021-03-10", date=day("2021-03-09", "le 9 mars"), text="mémorandum"
)
ILRS_EN = report(
    "en/ilrs.txt", "en", "2021-03-11", date=day("2021-03-09", "on Tuesday"), text="memorandum"
)
# A plan for 2025 reported in 2023: another date, another status; the matching keeps it apart.
PLAN = report(
    "fr/plan.txt",
    "fr",
    "2023-05-02",
    status="proposed",
    date={"value": "2025", "precision": "year", "text": "en 2025"},
    text="projet de mémorandum",
)
ARTEMIS = report(
    "it/artemis.txt",
    "it",
    "2020-10-13",
    parties=[
        {"name": "Italy", "kind": "state", "country": "IT"},
        {"name": "NASA", "kind": "agency", "country": "US"},
    ],
    instrument="agreement",
    date=day("2020-10-13", "oggi"),
    subjects=["Artemis Accords"],
    text=HOSTILE,
)
BEIDOU = report(
    "en/beidou.txt",
    "en",
    "2020-12-02",
    parties=[
        {"name": "China", "kind": "state", "country": "CN"},
        {"name": "Russia", "kind": "state", "country": "RU"},
    ],
    instrument="joint_statement",
    date={"value": "2020-12", "precision": "month", "text": "December"},
    subjects=["BeiDou"],
    text="joint statement",
)
RECORDS = [ILRS_RU, ILRS_FR, ILRS_EN, PLAN, ARTEMIS, BEIDOU]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "extracted"
    target.mkdir()
    write_records(RECORDS, target / "agreements.jsonl")
    update_ledger(target)
    return target


def review(*args: str | Path):
    return runner.invoke(app, ["review", *map(str, args)], env={"COLUMNS": "250"})


def flat(output: str) -> str:
    """Output as one line: rich's frames and wrapping taken out."""
    return " ".join(output.replace("│", " ").split())


def entry_of(folder: Path, record: Agreement) -> LedgerEntry:
    return next(e for e in read_ledger(folder) if record.id in e.records)


def listed(output: str) -> list[str]:
    """The entry ids of a --ledger table (wide: whole ids, first on their line)."""
    return [line.split()[0] for line in output.splitlines() if line.startswith("led-")]


def test_the_folder_is_what_the_tests_say(folder: Path) -> None:
    entries = read_ledger(folder)
    assert len(entries) == 4
    ilrs = entry_of(folder, ILRS_FR)
    assert ilrs.records == sorted([ILRS_RU.id, ILRS_FR.id, ILRS_EN.id])
    assert entry_of(folder, PLAN).records == [PLAN.id]


# --- listing --------------------------------------------------------------------------------


def test_ledger_lists_every_entry(folder: Path) -> None:
    result = review(folder, "--ledger")
    assert result.exit_code == 0, result.output
    assert listed(result.stdout) == [e.id for e in read_ledger(folder)]
    row = next(line for line in result.stdout.splitlines() if entry_of(folder, ILRS_FR).id in line)
    for cell in ("Russia – CNSA", "memorandum", "signed", "2021-03-09", " 3 ", "ru, fr, en"):
        assert cell in row
    assert "4 ledger entries from 6 records; 1 with several reports" in flat(result.stdout)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--party", "us"], [ARTEMIS]),
        (["--party", "Russia", "--party", "cn"], [ILRS_FR, PLAN, BEIDOU]),
        (["--status", "proposed"], [PLAN]),
        # The entry's date: the signature's (2021-03-09), the plan's (2025), 2020-12, 2020-10.
        (["--since", "2021"], [ILRS_FR, PLAN]),
        (["--until", "2020-12-01"], [ARTEMIS, BEIDOU]),  # 2020-12 may be the first
        (["--since", "2021-03-09", "--until", "2024"], [ILRS_FR]),
        (["--article", "EN/"], [ILRS_FR, BEIDOU]),  # any report's article
    ],
)
def test_ledger_filters(folder: Path, options: list[str], expected: list[Agreement]) -> None:
    result = review(folder, "--ledger", *options)
    assert result.exit_code == 0, result.output
    wanted = {entry_of(folder, record).id for record in expected}
    assert listed(result.stdout) == [e.id for e in read_ledger(folder) if e.id in wanted]
    assert f"{len(expected)} of 4 ledger entries" in flat(result.stdout)


def test_entry_shows_fields_history_and_sources(folder: Path) -> None:
    ilrs = entry_of(folder, ILRS_FR)
    by_entry = review(folder, "--entry", ilrs.id)
    assert by_entry.exit_code == 0, by_entry.output
    out = by_entry.stdout
    assert out.startswith(f"{ilrs.id}  signed memorandum · Russia – CNSA")
    assert "Russia (state, RU), CNSA (agency, CN)" in out
    assert "first reported  2021-03-09" in out and "last reported   2021-03-11" in out
    assert "History (3 reports)" in out
    # Oldest first, each with its status, date, publication, language, article and record.
    reports = [line for line in out.splitlines() if re.match(r"\d\. ", line)]
    assert reports == [
        f"1. signed  undated · published 2021-03-09 · ru · ru/ilrs.txt · {ILRS_RU.id}",
        f"2. signed  2021-03-09 «le 9 mars» · published 2021-03-10 · fr · fr/ilrs.txt · "
        f"{ILRS_FR.id}",
        f"3. signed  2021-03-09 «on Tuesday» · published 2021-03-11 · en · en/ilrs.txt · "
        f"{ILRS_EN.id}",
    ]
    assert "   Россия и Китай подписали меморандум" in out
    assert "Why" in out and ilrs.why[0] in out
    assert "Merge and split decisions\n  none" in out
    # A record's id shows its entry.
    assert review(folder, "--entry", ILRS_EN.id).stdout == out


def test_entry_shows_conflicts(folder: Path) -> None:
    protocol = report(
        "de/ilrs.txt",
        "de",
        "2021-03-12",
        instrument="protocol",
        date=day("2021-03-09", "am Dienstag"),
        text="Protokoll",
    )
    write_records([*RECORDS, protocol], folder / "agreements.jsonl")
    update_ledger(folder)
    entry = entry_of(folder, protocol)
    assert len(entry.records) == 4 and entry.instrument == "memorandum"
    out = flat(review(folder, "--entry", entry.id).stdout)
    # Each value with its records, in the order of the history.
    assert (
        f"Conflicts instrument: memorandum ({ILRS_RU.id}, {ILRS_FR.id}, {ILRS_EN.id}) · "
        f"protocol ({protocol.id})"
    ) in out
    assert "History (4 reports)" in out and "· de · de/ilrs.txt ·" in out


# --- merge and split ------------------------------------------------------------------------


def test_merge_by_entry_ids_stores_record_ids(folder: Path) -> None:
    ilrs, plan = entry_of(folder, ILRS_FR), entry_of(folder, PLAN)
    result = review(folder, "--merge", plan.id, ilrs.id, "--note", "the plan of this memorandum")
    assert result.exit_code == 0, result.output
    merged = entry_of(folder, PLAN)
    assert merged.records == sorted([ILRS_RU.id, ILRS_FR.id, ILRS_EN.id, PLAN.id])
    assert len(read_ledger(folder)) == 3
    # Record ids in reviews.jsonl: the plan, and the memorandum's first report.
    (decision,) = load_decisions(folder)
    assert (decision.id, decision.action, decision.other) == (PLAN.id, "merge", ILRS_RU.id)
    assert decision.note == "the plan of this memorandum"
    assert "merged by a reviewer (decision 1)" in merged.why
    assert flat(result.stderr) == flat(
        f"Recorded decision 1 on {PLAN.id}: merge with {ILRS_RU.id} — the plan of this "
        f"memorandum\nMerged {plan.id} (1 record) and {ilrs.id} (3 records) into {merged.id} "
        "(4 records); the ledger now has 3 entries"
    )
    # The next listing shows it; the records' listing and --show name the merge.
    assert listed(review(folder, "--ledger").stdout) == [e.id for e in read_ledger(folder)]
    table = review(folder).stdout
    assert "merged" in next(line for line in table.splitlines() if ILRS_RU.id in line)
    shown = review(folder, "--show", ILRS_RU.id).stdout
    assert f"1 merge with {PLAN.id} — the plan of this memorandum" in shown
    assert f"1 {PLAN.id}: merge with {ILRS_RU.id}" in review(folder, "--entry", PLAN.id).stdout


def test_merge_by_record_ids(folder: Path) -> None:
    result = review(folder, "--merge", BEIDOU.id, ILRS_EN.id)
    assert result.exit_code == 0, result.output
    (decision,) = load_decisions(folder)
    assert (decision.id, decision.other) == (BEIDOU.id, ILRS_EN.id)
    assert len(entry_of(folder, BEIDOU).records) == 4


def test_split_takes_a_record_out(folder: Path) -> None:
    before = entry_of(folder, ILRS_FR)
    result = review(folder, "--split", ILRS_EN.id, "--note", "another memorandum")
    assert result.exit_code == 0, result.output
    assert entry_of(folder, ILRS_EN).records == [ILRS_EN.id]
    rest = entry_of(folder, ILRS_FR)
    assert rest.records == sorted([ILRS_RU.id, ILRS_FR.id])
    assert len(read_ledger(folder)) == 5
    (decision,) = load_decisions(folder)
    assert (decision.id, decision.action, decision.note) == (
        ILRS_EN.id,
        "split",
        "another memorandum",
    )
    assert flat(result.stderr) == flat(
        f"Recorded decision 1 on {ILRS_EN.id}: split out of its ledger entry — another "
        f"memorandum\nSplit {ILRS_EN.id} out of {before.id} (3 records): it is now "
        f"{entry_of(folder, ILRS_EN).id}, the rest {rest.id} (2 records); the ledger now has "
        "5 entries"
    )
    assert "split out" in next(
        line for line in review(folder).stdout.splitlines() if ILRS_EN.id in line
    )


def test_split_keeps_the_rest_of_a_merged_entry_together(folder: Path) -> None:
    """The plan is merged through the memorandum's first report (an entry id stands for it);
    splitting that report out must not take the plan away from the other reports."""
    assert review(folder, "--merge", PLAN.id, entry_of(folder, ILRS_FR).id).exit_code == 0
    result = review(folder, "--split", ILRS_RU.id)
    assert result.exit_code == 0, result.output
    assert entry_of(folder, ILRS_RU).records == [ILRS_RU.id]
    assert entry_of(folder, PLAN).records == sorted([ILRS_FR.id, ILRS_EN.id, PLAN.id])
    kept = load_decisions(folder)[-1]
    assert kept.action == "merge" and {kept.id, kept.other} <= {ILRS_FR.id, ILRS_EN.id, PLAN.id}
    assert f"when {ILRS_RU.id} was split out (decision 2)" in (kept.note or "")


def test_reject_and_accept_rebuild_the_ledger(folder: Path) -> None:
    assert review(folder, "--reject", ILRS_EN.id).exit_code == 0
    assert entry_of(folder, ILRS_FR).records == sorted([ILRS_RU.id, ILRS_FR.id])
    assert not any(ILRS_EN.id in e.records for e in read_ledger(folder))
    assert review(folder, "--accept", ILRS_EN.id).exit_code == 0
    assert len(entry_of(folder, ILRS_EN).records) == 3


def test_a_correction_reaches_the_ledger(folder: Path) -> None:
    """Set on another day, the English report is not the French one's agreement; set back,
    it rejoins."""
    assert review(folder, "--set", ILRS_EN.id, "date=2019-05-01").exit_code == 0
    assert ILRS_FR.id not in entry_of(folder, ILRS_EN).records
    assert review(folder, "--set", ILRS_EN.id, "date=2021-03-09").exit_code == 0
    assert len(entry_of(folder, ILRS_EN).records) == 3


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--merge", "led-0000000000000000", BEIDOU.id],
            "no ledger entry led-0000000000000000 in {folder}/ledger.jsonl; list the entries "
            "with `coopextract review {folder} --ledger`",
        ),
        (
            ["--entry", "agr-nowhere"],
            "no ledger entry or agreement agr-nowhere in {folder}; list the entries with "
            "`coopextract review {folder} --ledger`",
        ),
        (
            ["--merge", ILRS_EN.id, ILRS_RU.id],
            f"{ILRS_EN.id} and {ILRS_RU.id} are already one ledger entry, {{ilrs}}; nothing "
            "to merge",
        ),
        (
            ["--split", PLAN.id],
            f"{PLAN.id} is the only record of ledger entry {{plan}}; there is nothing to "
            "split it from",
        ),
        (["--split", "{ilrs}"], "a split takes one record out of its entry: name one of"),
    ],
)
def test_ledger_decision_errors(folder: Path, options: list[str], message: str) -> None:
    names = {
        "folder": folder,
        "ilrs": entry_of(folder, ILRS_FR).id,
        "plan": entry_of(folder, PLAN).id,
    }
    before = (folder / "ledger.jsonl").read_bytes()
    result = review(folder, *(option.format(**names) for option in options))
    assert result.exit_code == 1
    assert flat(result.stderr).startswith(flat(f"Error: {message.format(**names)}"))
    assert not (folder / REVIEWS_FILE).exists()
    assert (folder / "ledger.jsonl").read_bytes() == before


def test_a_rejected_record_is_in_no_entry(folder: Path) -> None:
    review(folder, "--reject", PLAN.id)
    result = review(folder, "--merge", PLAN.id, ILRS_FR.id)
    assert result.exit_code == 1
    assert f"{PLAN.id} is rejected, so in no entry of {folder / 'ledger.jsonl'}" in flat(
        result.stderr
    )
    assert [d.action for d in load_decisions(folder)] == ["reject"]


def test_a_folder_without_a_ledger(folder: Path) -> None:
    (folder / "ledger.jsonl").unlink()
    for options in (["--ledger"], ["--entry", ILRS_FR.id], ["--split", ILRS_FR.id]):
        result = review(folder, *options)
        assert result.exit_code == 1
        assert flat(result.stderr) == flat(
            f"Error: {folder / 'ledger.jsonl'} not found; run `coopextract ingest SOURCE -o "
            f"{folder}` to build it"
        )
    # The rest works as before, and a verdict writes no ledger.
    assert review(folder, "--accept", PLAN.id).exit_code == 0
    assert not (folder / "ledger.jsonl").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--ledger", "--min-confidence", "0.5"], "a ledger entry has no confidence"),
        (["--entry", ILRS_FR.id, "--party", "RU"], "filters apply to the tables and --html"),
        (["--merge", ILRS_FR.id], "requires 2 arguments"),
        (["--merge", ILRS_FR.id, PLAN.id, "--split", PLAN.id], "use one of --merge, --split"),
        (["--ledger", "--html", "x.html"], "use one of --html, --ledger"),
    ],
)
def test_command_line_errors(folder: Path, options: list[str], message: str) -> None:
    result = review(folder, *options)
    assert result.exit_code == 2
    assert message in flat(result.output)


# --- the HTML report ----------------------------------------------------------------------------


def entries_on(page: str) -> list[str]:
    return [
        attrs.get("id") or ""
        for tag, attrs in parse(page).tags
        if tag == "details" and "entry" in (attrs.get("class") or "").split()
    ]


def test_html_has_the_ledger_view(folder: Path, tmp_path: Path) -> None:
    review(folder, "--merge", PLAN.id, ILRS_FR.id, "--note", "<i>same</i>")
    page_path = tmp_path / "report.html"
    result = review(folder, "--html", page_path)
    assert result.exit_code == 0, result.output
    page = page_path.read_text(encoding="utf-8")
    assert entries_on(page) == [e.id for e in read_ledger(folder)]
    start = page.index('<section class="ledger"')
    ledger = page[start : page.index("</section>", start)]
    assert "Ledger: 3 real-world agreements, reported by 6 records" in ledger
    # The hostile evidence is text, not markup; so is the note.
    assert "<script>alert" not in page and "<b>today" not in page and "<i>same" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Italy signed" in ledger
    assert "merge with " + ILRS_FR.id + " — &lt;i&gt;same&lt;/i&gt;" in ledger
    merged = ledger[ledger.index(f'id="{entry_of(folder, PLAN).id}"') :]
    merged = merged[: merged.index("</details>")]
    for record in (ILRS_RU, ILRS_FR, ILRS_EN, PLAN):  # each linked to its agreement
        assert f'<a href="#{record.id}"><code class="id">{record.id}</code></a>' in merged
    assert "4 reports (ru, fr, en)" in merged
    assert "merged by a reviewer (decision 1)" in merged


def test_html_filters_choose_the_entries(folder: Path, tmp_path: Path) -> None:
    page_path = tmp_path / "report.html"
    assert review(folder, "--html", page_path, "--party", "IT").exit_code == 0
    page = page_path.read_text(encoding="utf-8")
    assert entries_on(page) == [entry_of(folder, ARTEMIS).id]


def test_html_without_a_ledger_has_no_ledger_view(folder: Path, tmp_path: Path) -> None:
    (folder / "ledger.jsonl").unlink()
    page_path = tmp_path / "report.html"
    assert review(folder, "--html", page_path).exit_code == 0
    page = page_path.read_text(encoding="utf-8")
    assert 'class="ledger"' not in page and entries_on(page) == []
    assert page.count('<section class="agreement') == len(RECORDS)


# --- decisions outlive ingest ---------------------------------------------------------------


def test_merge_and_split_survive_ingest_force(fake_model: list, tmp_path: Path) -> None:
    """The fake extractor makes one ILRS record per "accord": one entry for the records of
    un.txt, deux.txt and trois.txt, and trois.txt's second record apart (two records of one
    article are never one agreement). A merge and a split change that; `ingest --force`
    extracts every article again and the ledger stays as the reviewer left it."""
    source = tmp_path / "articles"
    source.mkdir()
    for name, body in (
        ("un.txt", "Un accord signé."),
        ("deux.txt", "Cet accord spatial."),
        ("trois.txt", "Un accord, puis un autre accord."),
    ):
        (source / name).write_text(f"Titre\n{body}\n", encoding="utf-8")
    out = tmp_path / "out"

    def ingest(*options: str) -> None:
        result = runner.invoke(app, ["ingest", str(source), "-o", str(out), *options])
        assert result.exit_code == 0, result.output

    ingest()
    groups = sorted(len(e.records) for e in read_ledger(out))
    assert groups == [1, 3]
    alone = next(e for e in read_ledger(out) if len(e.records) == 1)
    three = next(e for e in read_ledger(out) if len(e.records) == 3)
    assert review(out, "--merge", alone.id, three.id).exit_code == 0
    un = next(r for r in three.records if r != three.history[0].record)
    assert review(out, "--split", un).exit_code == 0
    reviewed = (out / "ledger.jsonl").read_bytes()
    assert sorted(len(e.records) for e in read_ledger(out)) == [1, 3]
    assert [e.records for e in read_ledger(out) if un in e.records] == [[un]]

    ingest("--force")
    assert len(fake_model) == 2  # the articles were extracted again
    assert (out / "ledger.jsonl").read_bytes() == reviewed
    # Without the decisions, the same records give the first ledger.
    decisions = (out / REVIEWS_FILE).read_text(encoding="utf-8")
    assert [json.loads(line)["action"] for line in decisions.splitlines()] == ["merge", "split"]
    (out / REVIEWS_FILE).unlink()
    ingest("--force")
    assert sorted(len(e.records) for e in read_ledger(out)) == [1, 3]
    assert (out / "ledger.jsonl").read_bytes() != reviewed


def test_the_ledger_table_fits_80_columns_and_its_short_ids_work(folder: Path) -> None:
    narrow = runner.invoke(app, ["review", str(folder), "--ledger"], env={"COLUMNS": "80"})
    assert narrow.exit_code == 0
    lines = narrow.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "…" not in narrow.stdout  # no word cut: vocabulary, dates and names whole
    ilrs = entry_of(folder, ILRS_FR)
    short = ilrs.id.removeprefix("led-")[:6]
    assert any(line.startswith(short + " ") for line in lines)
    # The short id, as the table shows it, names the entry for --entry.
    shown = review(folder, "--entry", short)
    assert shown.exit_code == 0 and ilrs.id in shown.stdout
    # Too short a start, or one several ids share, is refused with one line.
    assert review(folder, "--entry", short[:2]).exit_code == 1
