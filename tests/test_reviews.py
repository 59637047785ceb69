"""Decisions on records (review.decisions): recorded, applied, later ones win, kept across
ingest runs. Fast: records from the golden file, or the fake extractor; no model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopextract.models import Agreement
from coopextract.review.decisions import (
    REVIEWS_FILE,
    TORN_FILE,
    Decision,
    ReviewError,
    apply_decisions,
    load_decisions,
    parse_assignment,
    record_decision,
    verdicts,
)
from coopextract.run.ingest import ingest
from coopextract.run.results import NoResultsError
from coopextract.run.reviews import orphan_decisions, reattach_decisions
from coopextract.writing import read_records, write_records
from tests.fakes import FakeExtractor

SIGNED = "agr-e0332692cfcff539"  # memorandum, Roscosmos – China, signed, 2021-03-09
PROPOSED = "agr-dc5204fbcc2a1cc4"  # programme, Russia – China, proposed, 2022
OTHER = "agr-d7d508b71eb185eb"  # agreement, Russia – China, negotiating, 2022


@pytest.fixture
def folder(golden_folder: Path) -> Path:
    return golden_folder


def records(folder: Path) -> list[Agreement]:
    return read_records(folder / "agreements.jsonl")


def by_id(items: list[Agreement]) -> dict[str, Agreement]:
    return {r.id: r for r in items}


def test_no_reviews_file_means_no_decisions(folder: Path) -> None:
    assert load_decisions(folder) == []
    kept, orphans = apply_decisions(records(folder), [])
    assert kept == records(folder)
    assert orphans == []


def test_decisions_are_numbered_and_stored_one_a_line(folder: Path) -> None:
    first = record_decision(folder, Decision(id=SIGNED, action="accept"))
    second = record_decision(folder, Decision(id=PROPOSED, action="reject", note="un projet"))
    assert (first.seq, second.seq) == (1, 2)
    lines = (folder / REVIEWS_FILE).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        {"id": SIGNED, "action": "accept", "seq": 1},
        {"id": PROPOSED, "action": "reject", "note": "un projet", "seq": 2},
    ]
    assert load_decisions(folder) == [first, second]


def test_reject_leaves_the_record_out_unless_asked(folder: Path) -> None:
    record_decision(folder, Decision(id=PROPOSED, action="reject"))
    decisions = load_decisions(folder)
    kept, _ = apply_decisions(records(folder), decisions)
    assert PROPOSED not in by_id(kept)
    assert len(kept) == len(records(folder)) - 1
    everything, _ = apply_decisions(records(folder), decisions, include_rejected=True)
    assert [r.id for r in everything] == [r.id for r in records(folder)]  # order kept


def test_set_corrects_the_field(folder: Path) -> None:
    for assignment in ("status=in force", "date=2021-03-09", "instrument=Memorandum"):
        field, value = parse_assignment(by_id(records(folder))[PROPOSED], assignment)
        record_decision(folder, Decision(id=PROPOSED, action="set", field=field, value=value))
    kept, _ = apply_decisions(records(folder), load_decisions(folder))
    corrected = by_id(kept)[PROPOSED]
    assert corrected.status == "in_force"
    assert corrected.instrument == "memorandum"
    assert corrected.date is not None
    assert (corrected.date.value, corrected.date.precision) == ("2021-03-09", "day")
    # Nothing else changes, and other records are untouched.
    original = by_id(records(folder))[PROPOSED]
    assert corrected.evidence == original.evidence and corrected.parties == original.parties
    assert by_id(kept)[SIGNED] == by_id(records(folder))[SIGNED]


def test_later_decisions_win(folder: Path) -> None:
    record_decision(folder, Decision(id=SIGNED, action="reject"))
    record_decision(folder, Decision(id=SIGNED, action="accept", note="relu"))
    for status in ("negotiating", "terminated"):
        record_decision(folder, Decision(id=SIGNED, action="set", field="status", value=status))
    decisions = load_decisions(folder)
    assert verdicts(decisions) == {SIGNED: "accepted"}
    kept, _ = apply_decisions(records(folder), decisions)
    assert by_id(kept)[SIGNED].status == "terminated"
    # The order is that of seq, not of the list given.
    kept, _ = apply_decisions(records(folder), list(reversed(decisions)))
    assert by_id(kept)[SIGNED].status == "terminated"


def test_unknown_id_is_refused(folder: Path) -> None:
    with pytest.raises(ReviewError, match=r"no agreement agr-nope in .*agreements\.jsonl"):
        record_decision(folder, Decision(id="agr-nope", action="accept"))
    assert not (folder / REVIEWS_FILE).exists()


def test_folder_without_records_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NoResultsError, match=r"agreements\.jsonl not found; run `coopextract"):
        record_decision(tmp_path, Decision(id=SIGNED, action="accept"))


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("status=signd", "status: 'signd' is not one of proposed, negotiating, signed"),
        ("instrument=mou", "instrument: 'mou' is not one of memorandum, agreement"),
        ("date=9 mars", "date: '9 mars' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("date=2021-02-30", "date: '2021-02-30' is not a date"),
        ("period=2018", "period: '2018' is not START/END"),
        ("scope=moon", "scope: 'moon' not among lunar_exploration"),
        ("space=maybe", "space: 'maybe' is not yes or no"),
        ("parties=Roscosmos", "fewer than two parties"),
        ("parties=Roscosmos,Atlantis", "'Atlantis' is neither a party of"),
        ("confidence=1", "'confidence' is not FIELD=VALUE with a field that can be set"),
        ("signed", "'signed' is not FIELD=VALUE"),
    ],
)
def test_invalid_assignment_names_the_field_and_what_it_takes(
    folder: Path, assignment: str, message: str
) -> None:
    with pytest.raises(ReviewError, match=message):
        parse_assignment(by_id(records(folder))[SIGNED], assignment)


def test_assignments_of_every_field(folder: Path) -> None:
    record = by_id(records(folder))[SIGNED]

    def parsed(assignment: str) -> object:
        return parse_assignment(record, assignment)[1]

    assert parsed("date=2021") == {"value": "2021", "precision": "year", "text": "2021"}
    assert parsed("date=none") is None
    assert parsed("period=2018/") == {"start": "2018", "end": None}
    assert parsed("period=/2022-06") == {"start": None, "end": "2022-06"}
    assert parsed("scope=lunar_exploration, space-station") == [
        "lunar_exploration",
        "space_station",
    ]
    assert parsed("subjects=ILRS, Chang'e 7") == ["ILRS", "Chang'e 7"]
    assert parsed("subjects=") == []
    assert parsed("space=no") is False
    # Parties: the record's own keep their mentions; others come from the catalog.
    parties = parsed("parties=china, CNSA")
    assert isinstance(parties, list)
    assert parties[0]["name"] == "China" and parties[0]["mentions"]
    assert parties[1] == {"name": "CNSA", "kind": "agency", "country": "CN", "mentions": []}


def test_set_that_breaks_the_record_is_refused_when_recorded(folder: Path) -> None:
    bad = Decision(id=SIGNED, action="set", field="status", value="signd")
    with pytest.raises(ReviewError, match=f'{SIGNED}: cannot set status to "signd"'):
        record_decision(folder, bad)
    assert load_decisions(folder) == []


def test_a_stored_correction_that_no_longer_fits_is_reported(folder: Path) -> None:
    # A hand-edited file, or a vocabulary that changed since the decision was made.
    (folder / REVIEWS_FILE).write_text(
        json.dumps({"id": SIGNED, "action": "set", "field": "status", "value": "x", "seq": 1})
        + "\n"
    )
    with pytest.raises(ReviewError, match="decision 1 cannot set status"):
        apply_decisions(records(folder), load_decisions(folder))


def test_invalid_line_names_the_file_and_line(folder: Path) -> None:
    path = folder / REVIEWS_FILE
    path.write_text('{"id": "a", "action": "accept", "seq": 1}\n{"id": "a", "action": "love"}\n')
    with pytest.raises(ReviewError, match=r"reviews.jsonl:2: not a valid decision \(action"):
        load_decisions(folder)


def test_a_last_decision_without_its_newline_is_read_then_kept(folder: Path) -> None:
    # Issue 13, row 7: such a decision was ignored without a word, then deleted by the
    # next decision recorded.
    path = folder / REVIEWS_FILE
    before = (
        f'{{"id":"{SIGNED}","action":"accept","seq":1}}\n'
        f'{{"id":"{PROPOSED}","action":"reject","seq":2}}'
    )
    path.write_text(before, encoding="utf-8")
    warnings: list[str] = []
    assert [d.seq for d in load_decisions(folder, warnings.append)] == [1, 2]
    stored = record_decision(folder, Decision(id=SIGNED, action="reject"), warnings.append)
    assert stored.seq == 3
    data = path.read_text(encoding="utf-8")
    assert data == before + "\n" + stored.to_line()  # ended, not cut off
    assert [(d.id, d.seq) for d in load_decisions(folder)] == [
        (SIGNED, 1),
        (PROPOSED, 2),
        (SIGNED, 3),
    ]
    assert warnings == []  # nothing was wrong: a decision is a decision
    assert not (folder / TORN_FILE).exists()


def test_a_torn_last_line_is_left_out_with_a_warning_then_moved_aside(folder: Path) -> None:
    path = folder / REVIEWS_FILE
    whole = f'{{"id":"{SIGNED}","action":"accept","seq":1}}\n'
    path.write_bytes(whole.encode() + b'{"id":"agr-\xc3')  # cut inside a character, too
    warnings: list[str] = []
    assert [d.seq for d in load_decisions(folder, warnings.append)] == [1]
    assert warnings == [
        f"Warning: the last line of {path} is unfinished (an interrupted write?) and is left "
        f'out: "{{\\"id\\":\\"agr-\ufffd"; the next decision moves it to {folder / TORN_FILE}'
    ]
    assert path.read_bytes().endswith(b"agr-\xc3")  # reading changes nothing

    warnings.clear()
    stored = record_decision(folder, Decision(id=PROPOSED, action="reject"), warnings.append)
    assert stored.seq == 2
    assert path.read_text() == whole + stored.to_line()
    assert (folder / TORN_FILE).read_bytes() == b'{"id":"agr-\xc3\n'  # as it was, kept
    assert warnings == [
        f"Warning: the last line of {path} was unfinished (an interrupted write?); moved to "
        f'{folder / TORN_FILE}: "{{\\"id\\":\\"agr-\ufffd"'
    ]
    # A second torn line is added to the first, never written over it.
    with path.open("ab") as file:
        file.write(b"\x00\x00")
    record_decision(folder, Decision(id=PROPOSED, action="accept"), warnings.append)
    assert (folder / TORN_FILE).read_bytes() == b'{"id":"agr-\xc3\n\x00\x00\n'
    assert [d.seq for d in load_decisions(folder)] == [1, 2, 3]


def test_a_last_line_that_is_json_but_no_decision_is_an_error(folder: Path) -> None:
    # Not what a crash leaves (that is never whole JSON): a hand edit, named, not dropped.
    path = folder / REVIEWS_FILE
    path.write_text(f'{{"id":"{SIGNED}","action":"accept","seq":1}}\n{{"id":"a","action":"love"}}')
    with pytest.raises(ReviewError, match=r"reviews.jsonl:2: not a valid decision \(action"):
        load_decisions(folder)
    with pytest.raises(ReviewError, match=r"reviews.jsonl:2: not a valid decision"):
        record_decision(folder, Decision(id=SIGNED, action="reject"))
    assert path.read_text().endswith('"love"}')


def test_orphan_decisions_are_returned_not_lost(folder: Path) -> None:
    record_decision(folder, Decision(id=SIGNED, action="accept"))
    record_decision(folder, Decision(id=PROPOSED, action="reject"))
    remaining = [r for r in records(folder) if r.id != SIGNED]
    kept, orphans = apply_decisions(remaining, load_decisions(folder))
    assert [d.id for d in orphans] == [SIGNED]
    assert PROPOSED not in by_id(kept)
    assert len(load_decisions(folder)) == 2  # still in the file


def drop(folder: Path, record_id: str) -> None:
    """Take a record out of agreements.jsonl, as an ingest run that lost it would."""
    kept = [r for r in records(folder) if r.id != record_id]
    write_records(kept, folder / "agreements.jsonl")


def test_reattach_copies_the_decisions_onto_the_new_record(folder: Path) -> None:
    record_decision(folder, Decision(id=SIGNED, action="accept", note="vu"))
    record_decision(folder, Decision(id=PROPOSED, action="accept"))
    record_decision(folder, Decision(id=SIGNED, action="set", field="status", value="in_force"))
    record_decision(folder, Decision(id=PROPOSED, action="merge", other=SIGNED))
    drop(folder, SIGNED)
    assert [
        d.seq for d in orphan_decisions({r.id for r in records(folder)}, load_decisions(folder))
    ] == [1, 3]

    stored = reattach_decisions(folder, SIGNED, OTHER, note="phrase corrigée")
    lines = (folder / REVIEWS_FILE).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines[4:]] == [
        {"id": OTHER, "action": "accept", "note": "vu", "seq": 5},
        {"id": OTHER, "action": "set", "field": "status", "value": "in_force", "seq": 6},
        {"id": PROPOSED, "action": "merge", "other": OTHER, "seq": 7},
        {"id": SIGNED, "action": "reattach", "note": "phrase corrigée", "other": OTHER, "seq": 8},
    ]
    assert stored == load_decisions(folder)[4:]
    # Settled: no orphan left, and the new record is as the old one was decided.
    kept, orphans = apply_decisions(records(folder), load_decisions(folder))
    assert orphans == []
    assert by_id(kept)[OTHER].status == "in_force"
    assert verdicts(load_decisions(folder))[OTHER] == "accepted"


def test_reattach_decisions_after_it_win_and_later_orphans_are_orphans(folder: Path) -> None:
    record_decision(folder, Decision(id=SIGNED, action="reject"))
    record_decision(folder, Decision(id=OTHER, action="accept"))
    drop(folder, SIGNED)
    reattach_decisions(folder, SIGNED, OTHER)
    # As if taken again now: the copied reject wins over the accept before it.
    assert verdicts(load_decisions(folder))[OTHER] == "rejected"
    with pytest.raises(ReviewError, match=rf"{SIGNED} has no decisions to re-attach .*--orphans"):
        reattach_decisions(folder, SIGNED, PROPOSED)
    # A decision on the old id after the reattach (a hand edit) is an orphan again.
    with (folder / REVIEWS_FILE).open("a", encoding="utf-8") as file:
        file.write(json.dumps({"id": SIGNED, "action": "accept", "seq": 9}) + "\n")
    _, orphans = apply_decisions(records(folder), load_decisions(folder))
    assert [(d.id, d.seq) for d in orphans] == [(SIGNED, 9)]


def test_reattach_is_refused_unless_old_is_gone_and_new_is_there(folder: Path) -> None:
    record_decision(folder, Decision(id=SIGNED, action="accept"))
    with pytest.raises(ReviewError, match=rf"{SIGNED} is still in .*agreements\.jsonl"):
        reattach_decisions(folder, SIGNED, OTHER)
    drop(folder, SIGNED)
    with pytest.raises(ReviewError, match=r"no agreement agr-nope in"):
        reattach_decisions(folder, SIGNED, "agr-nope")
    with pytest.raises(ReviewError, match=r"agr-never has no decisions to re-attach"):
        reattach_decisions(folder, "agr-never", OTHER)
    with pytest.raises(ReviewError, match=r"'reattach' decision is recorded by reattach_"):
        record_decision(folder, Decision(id=SIGNED, action="reattach", other=OTHER))
    assert len(load_decisions(folder)) == 1  # nothing appended


def test_decision_fields_are_checked() -> None:
    with pytest.raises(ValueError, match="'field' must be one of status"):
        Decision(id=SIGNED, action="set", field="confidence", value=1)
    with pytest.raises(ValueError, match="has no 'field' or 'value'"):
        Decision(id=SIGNED, action="accept", field="status")


def test_decisions_survive_a_new_ingest_run(tmp_path: Path) -> None:
    source = tmp_path / "articles"
    source.mkdir()
    (source / "un.txt").write_text("Titre\nUn accord signé.\n")
    (source / "deux.txt").write_text("Titre\nUn autre accord.\n")
    out = tmp_path / "out"
    ingest(source, out, extractor=FakeExtractor())
    first = {r.article.path: r.id for r in read_records(out / "agreements.jsonl")}
    record_decision(out, Decision(id=first["un.txt"], action="reject"))
    record_decision(
        out, Decision(id=first["deux.txt"], action="set", field="status", value="proposed")
    )

    # Everything extracted again, and a new article: ids, and so decisions, stay.
    (source / "trois.txt").write_text("Titre\nEncore un accord.\n")
    ingest(source, out, extractor=FakeExtractor(), force=True)
    again = read_records(out / "agreements.jsonl")
    kept, orphans = apply_decisions(again, load_decisions(out))
    assert orphans == []
    paths = {r.article.path: r for r in kept}
    assert set(paths) == {"deux.txt", "trois.txt"}
    assert paths["deux.txt"].status == "proposed"

    # An article gone and pruned: its decision is an orphan, reported, still stored.
    (source / "un.txt").unlink()
    ingest(source, out, extractor=FakeExtractor(), prune=True)
    _, orphans = apply_decisions(read_records(out / "agreements.jsonl"), load_decisions(out))
    assert [d.id for d in orphans] == [first["un.txt"]]
