"""What changed between two sets of records (coopextract.run.changes) and how `diff` writes it
(coopextract.review.diff), on small records written here."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from coopextract.errors import InputError
from coopextract.ledger import build_ledger, instrument_kinds
from coopextract.models import Agreement
from coopextract.review.diff import Diff, Side, diff, diff_json, diff_lines, dumps
from coopextract.run.changes import (
    RECORD_FIELDS,
    compare_ledgers,
    compare_records,
    record_fields,
    summary,
)
from coopextract.writing import write_records
from tests.test_writing import make_record

SENTENCE = "Moscou et Pékin ont signé un mémorandum en mars 2021 sur la station lunaire."


def record(
    id_: str, path: str = "a.txt", text: str = SENTENCE, start: int = 0, **extra
) -> Agreement:
    return make_record(path, start, text, id=id_, **extra)


def date(value: str, text: str = "en mars") -> dict[str, str]:
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return {"value": value, "precision": precision, "text": text}


def fields_of(change) -> dict[str, tuple]:
    return {f.field: (f.old, f.new) for f in change.fields}


# --- matching by id --------------------------------------------------------------------------


def test_the_same_records_are_unchanged() -> None:
    records = [record("agr-1"), record("agr-2", "b.txt")]
    changes = compare_records(records, list(records))
    assert not changes.any
    assert changes.counts() == {"new": 0, "removed": 0, "changed": 0, "unchanged": 2}
    assert summary(changes.counts()) == "none"


def test_new_and_removed_records_by_id() -> None:
    old = [record("agr-1"), record("agr-2", "b.txt")]
    new = [record("agr-1"), record("agr-3", "c.txt")]
    changes = compare_records(old, new)
    assert [r.id for r in changes.new] == ["agr-3"]
    assert [r.id for r in changes.removed] == ["agr-2"]
    assert changes.counts() == {"new": 1, "removed": 1, "changed": 0, "unchanged": 1}
    assert summary(changes.counts()) == "1 new, 1 removed, 0 changed"


def test_a_changed_record_lists_each_field_that_differs_old_and_new() -> None:
    old = [record("agr-1", status="negotiating", date=None, scope=["deep_space", "space_station"])]
    new = [
        record(
            "agr-1",
            status="signed",
            date=date("2021-03"),
            scope=["space_station", "lunar_exploration"],
            confidence=0.7,
        )
    ]
    changes = compare_records(old, new)
    [change] = changes.changed
    assert change.matched == "id"
    assert fields_of(change) == {
        "status": ("negotiating", "signed"),
        "date": (None, {"value": "2021-03", "precision": "month"}),
        "scope": (["deep_space", "space_station"], ["lunar_exploration", "space_station"]),
        "confidence": (0.9, 0.7),
    }
    # In the order of RECORD_FIELDS, which is every compared field.
    assert [f.field for f in change.fields] == ["status", "date", "scope", "confidence"]
    assert list(record_fields(new[0])) == list(RECORD_FIELDS)


def test_what_moves_with_the_text_is_no_change() -> None:
    # The same agreement after an edit above its sentence: offsets, marks, mentions, the
    # article's hash, the rules that fired, the date's words and list orders differ.
    old = record("agr-1", date=date("2021-03", "en mars"), subjects=["ILRS", "Chang'e 7"])
    moved = record(
        "agr-1",
        start=120,
        date=date("2021-03", "en mars dernier"),
        subjects=["Chang'e 7", "ILRS"],
        rules=["other"],
        parties=[
            {"name": "CNSA", "kind": "agency", "country": "CN", "mentions": ["la CNSA"]},
            {"name": "Russia", "kind": "state", "country": "RU", "mentions": ["Moscou"]},
        ],
        article={**old.article.model_dump(), "sha256": "1" * 64, "title": "Nouveau titre"},
    )
    changes = compare_records([old], [moved])
    assert changes.counts()["unchanged"] == 1 and not changes.any


# --- pairing records whose id changed --------------------------------------------------------


def test_a_record_whose_id_changed_with_its_date_is_one_change_not_removed_and_new() -> None:
    # A re-extraction that fixes the date: the id (which hashes the date) changes.
    old = [record("agr-old", date=date("2020"))]
    new = [record("agr-new", date=date("2021-03"))]
    changes = compare_records(old, new)
    assert not changes.new and not changes.removed
    [change] = changes.changed
    assert change.matched == "agreement"
    assert fields_of(change) == {
        "id": ("agr-old", "agr-new"),
        "date": (
            {"value": "2020", "precision": "year"},
            {"value": "2021-03", "precision": "month"},
        ),
    }
    assert changes.renamed() == {"agr-old": "agr-new"}


def test_an_edited_evidence_sentence_pairs_by_parties_and_instrument() -> None:
    edited = SENTENCE.replace("en mars 2021", "le 9 mars 2021")
    changes = compare_records([record("agr-old")], [record("agr-new", text=edited)])
    [change] = changes.changed
    assert change.matched == "agreement"
    assert fields_of(change)["evidence"] == ([SENTENCE], [edited])


def test_corrected_parties_pair_by_the_same_evidence() -> None:
    parties = [
        {"name": "Russia", "kind": "state", "country": "RU"},
        {"name": "China", "kind": "state", "country": "CN"},
    ]
    changes = compare_records([record("agr-old")], [record("agr-new", parties=parties)])
    [change] = changes.changed
    assert change.matched == "evidence"
    assert [f.field for f in change.fields] == ["id", "parties"]


def test_records_of_different_articles_or_agreements_are_not_paired() -> None:
    other_text = "La France et l'Inde ont conclu un accord."
    old = [record("agr-1", "a.txt"), record("agr-2", "a.txt", text=other_text, start=200)]
    new = [
        record("agr-3", "b.txt"),  # the same agreement, in another article
        record("agr-4", "a.txt", text=other_text, start=200, instrument="agreement"),
    ]
    # agr-4: another instrument and the same evidence as agr-2: paired by evidence.
    changes = compare_records(old, new)
    assert [r.id for r in changes.new] == ["agr-3"]
    assert [r.id for r in changes.removed] == ["agr-1"]
    assert [(c.old.id, c.new.id, c.matched) for c in changes.changed] == [
        ("agr-2", "agr-4", "evidence")
    ]


def test_several_candidates_pair_the_closest_first() -> None:
    # Two agreements of one article with the same parties and instrument, both re-extracted
    # with new ids; each pairs with the record that differs from it in fewest fields,
    # whatever the order they come in.
    old = [
        record("agr-a", status="signed", date=date("2020")),
        record("agr-b", start=300, status="proposed", date=date("2023")),
    ]
    new = [
        record("agr-b2", start=5, status="proposed", date=date("2023"), confidence=0.6),
        record("agr-a2", start=305, status="signed", date=date("2020")),
    ]
    for _ in range(5):
        random.shuffle(old)
        random.shuffle(new)
        changes = compare_records(old, new)
        pairs = {c.old.id: c.new.id for c in changes.changed}
        assert pairs == {"agr-a": "agr-a2", "agr-b": "agr-b2"}
        assert [c.new.id for c in changes.changed] == ["agr-b2", "agr-a2"]  # file order


def test_each_record_pairs_at_most_once() -> None:
    old = [record("agr-a"), record("agr-b", start=300)]
    new = [record("agr-c", start=10)]
    changes = compare_records(old, new)
    assert changes.counts() == {"new": 0, "removed": 1, "changed": 1, "unchanged": 0}
    assert changes.changed[0].old.id == "agr-a"  # no other difference: the first


# --- ledger entries --------------------------------------------------------------------------


def ledger(records: list[Agreement]):
    return build_ledger(records, instrument_kinds(None), [])


def test_ledger_entries_pair_through_their_records_renamed_ids() -> None:
    old_records = [record("agr-old", date=date("2020"))]
    new_records = [record("agr-new", date=date("2021-03"))]
    renamed = compare_records(old_records, new_records).renamed()
    old_entries, new_entries = ledger(old_records), ledger(new_records)
    assert old_entries[0].id != new_entries[0].id  # an entry's id comes from its record's
    changes = compare_ledgers(old_entries, new_entries, renamed)
    [change] = changes.changed
    assert change.matched == "records"
    assert [f.field for f in change.fields] == ["id", "date"]
    # Without the renaming the two entries share no record.
    assert compare_ledgers(old_entries, new_entries).counts()["changed"] == 0


# --- the text and JSON of `coopextract diff` -------------------------------------------------


def side(records: list[Agreement], path: str = "x") -> Side:
    return Side(Path(path), records, None)


def diff_of(old: list[Agreement], new: list[Agreement]) -> Diff:
    return Diff(side(old, "old"), side(new, "new"), compare_records(old, new), None)


def test_the_text_lists_counts_then_each_record_within_80_columns() -> None:
    long_path = "presse/" + "tres-long-nom-de-dossier/" * 4 + "article.txt"
    long_text = "Préambule sans rapport avec l'accord, " * 4 + SENTENCE
    old = [
        record(
            "agr-gone",
            "b.txt",
            parties=[
                {"name": "CNES", "kind": "agency", "country": "FR"},
                {"name": "ISRO", "kind": "agency", "country": "IN"},
            ],
        ),
        record("agr-old", long_path, text=long_text, date=date("2020")),
    ]
    new = [
        record("agr-new", long_path, text=long_text.replace("mars", "avril"), date=date("2021-04")),
        record("agr-added", "c.txt", instrument="agreement", subjects=["ILRS", "Chang'e 8"]),
    ]
    lines = diff_lines(diff_of(old, new))
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]
    assert lines[0] == "Records: 1 new, 1 removed, 1 changed, 0 unchanged (2 before, 2 after)"
    text = "\n".join(lines)
    assert "+ agr-added  c.txt\n    agreement · signed · undated · Russia, CNSA" in text
    assert "- agr-gone  b.txt\n    memorandum · signed · undated · CNES, ISRO" in text
    [head] = [line for line in lines if line.startswith("~ ")]
    # A long path is cut in its middle: its folder and its file's name both still show.
    assert head.startswith("~ agr-new  presse/tres-long") and head.endswith("dossier/article.txt")
    assert "…" in head and len(head) == 80
    assert "    id          agr-old → agr-new (same agreement)" in lines
    assert "    date        2020 → 2021-04" in lines
    # The evidence: where it differs, with the words around it, not the preamble.
    [before] = [line for line in lines if line.startswith("    evidence    − ")]
    after = lines[lines.index(before) + 1]
    assert before.startswith("    evidence    − «…") and "mars 2021 sur" in before
    assert after.startswith("                + «…") and "avril 2021 sur" in after
    assert "Préambule" not in before


def test_list_fields_show_what_they_gained_and_lost() -> None:
    old = [record("agr-1", subjects=["ILRS", "Chang'e 7"], scope=["lunar_exploration"])]
    new = [
        record(
            "agr-1",
            subjects=["ILRS", "Chang'e 8"],
            scope=["lunar_exploration"],
            parties=[
                {"name": "Russia", "kind": "state", "country": "RU"},
                {"name": "ESA", "kind": "organization", "country": None},
            ],
        )
    ]
    lines = diff_lines(diff_of(old, new))
    assert "    parties     + ESA; − CNSA" in lines
    assert "    subjects    + Chang'e 8; − Chang'e 7" in lines


def test_a_party_whose_kind_changed_is_shown_with_kind_and_country() -> None:
    parties = [
        {"name": "Russia", "kind": "state", "country": "RU"},
        {"name": "CNSA", "kind": "organization", "country": None},
    ]
    lines = diff_lines(diff_of([record("agr-1")], [record("agr-1", parties=parties)]))
    assert "    parties     CNSA (agency, CN) → CNSA (organization)" in lines


def test_no_difference_is_the_counts_alone() -> None:
    records = [record("agr-1")]
    assert diff_lines(diff_of(records, records)) == [
        "Records: 0 new, 0 removed, 0 changed, 1 unchanged (1 before, 1 after)"
    ]


def test_text_from_the_data_cannot_drive_the_terminal() -> None:
    evil = SENTENCE + " \x1b]0;pwned\x07 \u202e"
    old = [record("agr-1", "a\x1b[2J.txt")]
    new = [record("agr-1", "a\x1b[2J.txt", text=evil), record("agr-2", "b\x9b.txt")]
    found = diff_of(old, new)
    text = "\n".join(diff_lines(found))
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "\u202e" not in text and "␛" in text
    dumped = dumps(diff_json(found))
    assert "\x9b" not in dumped and "\u202e" not in dumped
    assert json.loads(dumped)["records"]["new"][0]["article"]["path"] == "b\x9b.txt"


def test_the_json_has_counts_whole_records_and_field_changes() -> None:
    old = [record("agr-old", date=date("2020")), record("agr-gone", "b.txt")]
    new = [record("agr-new", date=date("2021-03"))]
    data = json.loads(dumps(diff_json(diff_of(old, new))))
    assert data["old"] == "old" and data["new"] == "new" and data["ledger"] is None
    assert data["records"]["counts"] == {"new": 0, "removed": 1, "changed": 1, "unchanged": 0}
    assert Agreement.model_validate(data["records"]["removed"][0]).id == "agr-gone"
    assert data["records"]["changed"] == [
        {
            "id": "agr-new",
            "old_id": "agr-old",
            "matched": "agreement",
            "article": {"path": "a.txt", "item": None},
            "fields": {
                "id": {"old": "agr-old", "new": "agr-new"},
                "date": {
                    "old": {"value": "2020", "precision": "year"},
                    "new": {"value": "2021-03", "precision": "month"},
                },
            },
        }
    ]


def test_a_side_is_a_folder_or_a_records_file(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    write_records([record("agr-1"), record("agr-2", "b.txt")], folder / "agreements.jsonl")
    copy = tmp_path / "before.jsonl"
    write_records([record("agr-1")], copy)
    found = diff(copy, folder)
    assert found.records.counts() == {"new": 1, "removed": 0, "changed": 0, "unchanged": 1}
    assert found.ledger is None  # neither side has a ledger.jsonl
    with pytest.raises(InputError, match=r"nowhere not found; pass an output folder"):
        diff(tmp_path / "nowhere", folder)
    with pytest.raises(InputError, match=r"agreements\.jsonl not found"):
        diff(tmp_path, folder)  # a folder without records
