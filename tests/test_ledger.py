"""The ledger: which records are one real-world agreement (LEDGER.md's identity rule), and what
its entry says. Small records written here, one per way two reports relate."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from coopextract.errors import RulesError
from coopextract.ledger import Link, build_ledger, format_ledger, instrument_kinds
from coopextract.ledger.entry import LedgerEntry
from coopextract.models import Agreement
from coopextract.rule_files import load_instrument_kinds
from tests.test_writing import make_record

KINDS = instrument_kinds()
RUSSIA = {"name": "Russia", "kind": "state", "country": "RU"}
CHINA = {"name": "China", "kind": "state", "country": "CN"}
ROSCOSMOS = {"name": "Roscosmos", "kind": "agency", "country": "RU"}
CNSA = {"name": "CNSA", "kind": "agency", "country": "CN"}
ESA = {"name": "ESA", "kind": "organization", "country": None}
US = {"name": "United States", "kind": "state", "country": "US"}
BRAZIL = {"name": "Brazil", "kind": "state", "country": "BR"}
JAPAN = {"name": "Japan", "kind": "state", "country": "JP"}


def day(value: str, text: str = "date") -> dict:
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return {"value": value, "precision": precision, "text": text}


def report(
    path: str,
    *,
    parties: tuple[dict, ...] = (ROSCOSMOS, CNSA),
    published: str | None = None,
    language: str = "fr",
    start: int = 0,
    date: str | None = None,
    **fields: object,
) -> Agreement:
    data = make_record(path, start, f"evidence of {path} at {start}", **fields).model_dump()
    data["article"].update(
        language=language,
        published={"value": published, "precision": "day"} if published else None,
    )
    data.update(parties=list(parties), date=day(date) if date else None)
    return Agreement.model_validate(data)


def groups(entries: list[LedgerEntry], records: list[Agreement]) -> set[frozenset[str]]:
    """The entries as sets of article paths."""
    path = {r.id: r.article.path for r in records}
    return {frozenset(path[i] for i in entry.records) for entry in entries}


# --- what is one agreement -------------------------------------------------------------------


def test_one_memorandum_reported_in_three_languages_is_one_entry() -> None:
    records = [
        report("fr.txt", date="2021-03-09", parties=(ROSCOSMOS, CHINA), published="2021-03-10"),
        report(
            "en.txt",
            date="2021-03-09",
            parties=(CHINA, RUSSIA),
            instrument="agreement",
            language="en",
            published="2021-03-11",
        ),
        report("ru.txt", parties=(ROSCOSMOS, CNSA), language="ru", published="2021-03-09"),
    ]
    [entry] = build_ledger(records, KINDS)
    assert len(entry.records) == 3
    assert entry.instrument == "memorandum"  # the specific word over "an agreement"
    assert entry.date is not None and entry.date.value == "2021-03-09"
    assert [r.language for r in entry.history] == ["ru", "fr", "en"]  # by publication
    assert entry.first_reported and entry.first_reported.value == "2021-03-09"
    assert entry.last_reported and entry.last_reported.value == "2021-03-11"
    assert {p.country for p in entry.parties} == {"RU", "CN"}
    assert any("date (day)" in why and "subjects" in why for why in entry.why)


def test_a_plan_and_its_signature_are_one_entry_whose_status_is_the_latest() -> None:
    records = [
        report(
            "plan.txt",
            status="proposed",
            date="2022",
            period={"start": "2023", "end": "2027"},
            instrument="programme",
            subjects=[],
            published="2021-12-01",
        ),
        report(
            "signed.txt",
            status="signed",
            date="2022-12-29",
            instrument="programme",
            period={"start": None, "end": "2027"},
            subjects=[],
            published="2022-12-30",
        ),
    ]
    [entry] = build_ledger(records, KINDS)
    assert [r.status for r in entry.history] == ["proposed", "signed"]
    assert entry.status == "signed"
    assert entry.date is not None and entry.date.value == "2022-12-29"
    assert entry.period is not None and entry.period.start == "2023"
    assert entry.conflicts == []  # a period with its end only does not disagree


def test_two_instruments_between_the_same_parties_stay_apart() -> None:
    records = [
        report("a.txt", instrument="programme", date="2017-11", subjects=[]),
        report("b.txt", instrument="memorandum", date="2021-03-09", subjects=["ILRS"]),
        report("c.txt", instrument="programme", date="2017", subjects=[]),
    ]
    assert groups(build_ledger(records, KINDS), records) == {
        frozenset({"a.txt", "c.txt"}),
        frozenset({"b.txt"}),
    }


def test_each_countrys_signing_of_a_framework_is_its_own_entry() -> None:
    records = [
        report("br.txt", parties=(US, BRAZIL), date="2021-06-14", subjects=["Artemis Accords"]),
        report("jp.txt", parties=(US, JAPAN), date="2021-06-14", subjects=["Artemis Accords"]),
    ]
    assert len(build_ledger(records, KINDS)) == 2


def test_two_records_of_one_article_are_never_one_entry() -> None:
    records = [report("a.txt", date="2021-03-09"), report("a.txt", start=50, date="2021-03-09")]
    assert len(build_ledger(records, KINDS)) == 2


def test_the_same_kind_of_agreement_with_nothing_to_identify_it_stays_apart() -> None:
    """Two undated joint statements of the same parties may be any two statements."""
    records = [
        report("a.txt", instrument="joint_statement", subjects=[]),
        report("b.txt", instrument="joint_statement", subjects=[]),
    ]
    assert len(build_ledger(records, KINDS)) == 2


def test_undated_reports_of_the_same_week_are_news_of_one_event() -> None:
    """A wire and a paper report the same joint statement the days it is made, undated."""
    records = [
        report("wire.txt", instrument="joint_statement", subjects=[], published="2018-03-10"),
        report("paper.txt", instrument="joint_statement", subjects=[], published="2018-03-12"),
        report("later.txt", instrument="joint_statement", subjects=[], published="2018-06-01"),
    ]
    entries = build_ledger(records, KINDS)
    assert groups(entries, records) == {
        frozenset({"wire.txt", "paper.txt"}),
        frozenset({"later.txt"}),
    }
    assert any("reported the same week" in why for e in entries for why in e.why)


def test_different_subjects_or_years_are_different_agreements() -> None:
    records = [
        report("a.txt", subjects=["ILRS"], date="2021"),
        report("b.txt", subjects=["GLONASS"], date="2021"),
        report("c.txt", subjects=["ILRS"], date="2019"),
    ]
    assert len(build_ledger(records, KINDS)) == 3


def test_the_end_of_a_cooperation_is_not_its_signature() -> None:
    # Same sides and subject, and the signature would match an undated report of any state; the
    # ending is its own event (its date is the end's), but two reports of one ending are one.
    records = [
        report("signed.txt", subjects=["ExoMars"], status="signed", date="2013-03-14"),
        report("ended.txt", subjects=["ExoMars"], status="terminated"),
        report("ended-too.txt", subjects=["ExoMars"], status="terminated"),
    ]
    assert groups(build_ledger(records, KINDS), records) == {
        frozenset({"signed.txt"}),
        frozenset({"ended.txt", "ended-too.txt"}),
    }


def test_an_undated_report_does_not_chain_two_dated_ones() -> None:
    records = [
        report("a.txt", date="2017", subjects=["ILRS"]),
        report("b.txt", subjects=["ILRS"]),
        report("c.txt", date="2021", subjects=["ILRS"]),
    ]
    entries = build_ledger(records, KINDS)
    assert len(entries) == 2
    assert frozenset({"a.txt", "c.txt"}) not in groups(entries, records)


def test_an_organisation_is_its_own_side() -> None:
    records = [
        report("a.txt", parties=(ROSCOSMOS, ESA), subjects=["ExoMars"], date="2013"),
        report("b.txt", parties=(RUSSIA, ESA), subjects=["ExoMars"], date="2013-03-14"),
        report("c.txt", parties=(ROSCOSMOS, CNSA), subjects=["ExoMars"], date="2013"),
    ]
    assert groups(build_ledger(records, KINDS), records) == {
        frozenset({"a.txt", "b.txt"}),
        frozenset({"c.txt"}),
    }


def test_instruments_of_one_group_conflict_without_parting() -> None:
    records = [
        report("a.txt", date="2021-03-09", instrument="memorandum"),
        report("b.txt", date="2021-03-09", instrument="protocol"),
    ]
    [entry] = build_ledger(records, KINDS)
    [conflict] = entry.conflicts
    assert conflict.field == "instrument"
    assert {d.value for d in conflict.values} == {"memorandum", "protocol"}


# --- reviewers' decisions --------------------------------------------------------------------


def test_merge_and_split_decisions_are_replayed_in_order() -> None:
    a = report("a.txt", date="2021-03-09")
    b = report("b.txt", date="2021-03-09")
    c = report("c.txt", instrument="programme", date="2017", subjects=[])
    assert len(build_ledger([a, b, c], KINDS)) == 2
    merged = build_ledger([a, b, c], KINDS, [Link("merge", c.id, a.id, seq=1)])
    [entry] = merged
    assert "merged by a reviewer (decision 1)" in entry.why
    split = build_ledger([a, b, c], KINDS, [Link("split", b.id, seq=1)])
    assert groups(split, [a, b, c]) == {
        frozenset({"a.txt"}),
        frozenset({"b.txt"}),
        frozenset({"c.txt"}),
    }
    # A later merge wins over an earlier split, and a decision on a gone record is a no-op.
    links = [
        Link("split", b.id, seq=1),
        Link("merge", b.id, a.id, seq=2),
        Link("merge", "gone", a.id, seq=3),
    ]
    assert groups(build_ledger([a, b, c], KINDS, links), [a, b, c]) == {
        frozenset({"a.txt", "b.txt"}),
        frozenset({"c.txt"}),
    }


# --- ids and bytes ---------------------------------------------------------------------------


def test_the_same_records_in_any_order_give_the_same_bytes() -> None:
    records = [
        report("a.txt", date="2021-03-09"),
        report("b.txt", date="2021-03-09"),
        report("c.txt", instrument="programme", date="2017", subjects=[]),
        report("d.txt", parties=(US, JAPAN), date="2020"),
    ]
    expected = format_ledger(build_ledger(records, KINDS))
    shuffled = records[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert format_ledger(build_ledger(shuffled, KINDS)) == expected


def test_an_unrelated_article_changes_no_existing_id() -> None:
    records = [
        report("a.txt", date="2021-03-09", published="2021-03-10"),
        report("b.txt", date="2021-03-09", published="2021-03-11"),
        report("c.txt", instrument="programme", date="2017", subjects=[]),
    ]
    before = {e.id: e.records for e in build_ledger(records, KINDS)}
    other = report("z.txt", parties=(US, BRAZIL), date="2021-06-14", published="2021-01-01")
    after = {e.id: e.records for e in build_ledger([*records, other], KINDS)}
    assert {k: v for k, v in after.items() if other.id not in v} == before


# --- the rule file ---------------------------------------------------------------------------


def test_the_instrument_kinds_are_data(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "instruments.jsonl").write_text('{"vague": ["other"]}\n')
    kinds = instrument_kinds(tmp_path)
    assert kinds.compatible("other", "treaty") and not kinds.compatible("memorandum", "treaty")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"vague": ["accord"]}', "must list instruments"),
        ('{"same": "memorandum"}', "must list instruments"),
        ('{"like": ["memorandum"]}', 'each line is {"vague"'),
    ],
)
def test_a_malformed_instrument_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "instruments.jsonl").write_text('{"vague": ["other"]}\n' + line + "\n")
    with pytest.raises(RulesError, match=message) as caught:
        load_instrument_kinds(tmp_path)
    assert "instruments.jsonl:2" in str(caught.value)


def test_at_equal_evidence_the_report_with_the_same_word_is_the_match() -> None:
    """One article reports a 1964 "partnership" and a 1964 "agreement" (two records); the
    other article's 1964 "agreement" joins the agreement."""
    records = [
        report("a.txt", instrument="partnership", date="1964", subjects=[]),
        report("a.txt", start=80, instrument="agreement", date="1964", subjects=[]),
        report("b.txt", instrument="agreement", date="1964", subjects=[]),
    ]
    entries = build_ledger(records, KINDS)
    [joined] = [e for e in entries if len(e.records) == 2]
    assert {r.id for r in records[1:]} == set(joined.records)
