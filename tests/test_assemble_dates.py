"""How merging dates agreements (coopextract.assembly.assemble), on mentions written by hand: no
pipeline, no model. Each sentence is its own span; dates are listed closest first, as the
finder ranks them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coopextract.assembly.assemble import FROM_ECHO, FROM_PERIOD, merge_mentions
from coopextract.pipeline.mentions import AgreementMention, DateClause, TextSpan
from coopextract.pipeline.parties import PartyMention
from coopextract.reading.dates import DateResolver, resolver_for
from coopextract.rule_files import CatalogEntry
from tests.conftest import dv

RU = PartyMention(CatalogEntry("Roscosmos", "agency", "RU"), "Roscosmos", 0, 9, "entity")
CN = PartyMention(CatalogEntry("CNSA", "agency", "CN"), "CNSA", 13, 17, "entity")


def mention(
    at: int,
    instrument: str = "memorandum",
    status: str | None = "signed",
    dates: tuple[str, ...] = (),
    periods: tuple[str, ...] = (),
) -> AgreementMention:
    """A mention whose sentence starts at `at`; its dates follow it, 20 characters apart."""
    spans = [
        TextSpan(d, at + 20 * (i + 1), at + 20 * (i + 1) + len(d)) for i, d in enumerate(dates)
    ]
    return AgreementMention(
        instrument=instrument,
        trigger=TextSpan(instrument, at + 5, at + 5 + len(instrument)),
        sentence=TextSpan("…", at, at + 200),
        parties=[RU, CN],
        party_source="sentence",
        status=status,
        status_cue=TextSpan("signé", at + 1, at + 4) if status else None,
        dates=spans,
        dates_ranked=True,
        periods=[TextSpan(p, at + 150, at + 150 + len(p)) for p in periods],
    )


@pytest.fixture(scope="module")
def fr() -> DateResolver:
    return resolver_for("fr")


def test_a_signed_agreement_takes_no_date_after_the_article(fr: DateResolver) -> None:
    [draft] = merge_mentions([mention(0, dates=("d'ici 2030", "en mars 2021"))], fr, dv("2023-12"))
    assert draft.date is not None and draft.date[0] == dv("2021-03")


def test_a_cueless_sentence_dating_a_signed_agreement_in_the_future(fr: DateResolver) -> None:
    # "Arianespace lancera en 2021 le satellite … dans le cadre d'un contrat": no cue, so the
    # date stands until the merged agreement turns out signed
    cueless = mention(0, instrument="contract", status=None, dates=("en 2021",))
    signed = mention(300, instrument="contract", status="signed")
    [draft] = merge_mentions([cueless, signed], fr, dv("2018-09"))
    assert draft.status == "signed" and draft.date is None


def test_a_cueless_sentence_may_date_a_signing_to_come(fr: DateResolver) -> None:
    cueless = mention(0, instrument="agreement", status=None, dates=("en novembre",))
    pending = mention(300, instrument="agreement", status="proposed")
    [draft] = merge_mentions([cueless, pending], fr, dv("2012-07"))
    assert draft.date is not None and draft.date[0] == dv("2012-11")


def test_a_pending_instrument_dated_before_the_signing_folds_into_it(fr: DateResolver) -> None:
    instruction = mention(0, instrument="protocol", status="proposed", dates=("le 12 février",))
    signing = mention(300, status="signed", dates=("le 9 mars",))
    past = [DateClause(instruction.dates[0], "past", ("charger", "avoir"))]
    [draft] = merge_mentions([instruction, signing], fr, dv("2021-03-11"), clauses=past)
    assert draft.status == "signed" and draft.date is not None
    assert draft.date[0] == dv("2021-03-09")
    assert "assembly:pending-folded-into-signed" in draft.rules


def test_a_pending_instrument_dated_after_the_signing_is_another(fr: DateResolver) -> None:
    signing = mention(0, status="signed", dates=("en mars 2021",))
    later = mention(300, instrument="agreement", status="proposed", dates=("en 2022",))
    drafts = merge_mentions([signing, later], fr, dv("2021-06"))
    assert sorted(d.status for d in drafts) == ["proposed", "signed"]


def test_a_new_instrument_being_negotiated_is_not_the_one_signed(fr: DateResolver) -> None:
    # "un programme signé en 1998 … négocient un nouvel accord"
    signed = mention(0, instrument="programme", status="signed", dates=("en 1998",))
    talks = replace(mention(300, instrument="agreement", status="negotiating"), new=True)
    drafts = merge_mentions([signed, talks], fr, dv("2003-08"))
    assert [d.status for d in drafts] == ["signed", "negotiating"]
    old = replace(talks, new=False)  # said without "nouvel": the same agreement, earlier on
    [draft] = merge_mentions([signed, old], fr, dv("2003-08"))
    assert "assembly:pending-folded-into-signed" in draft.rules


@pytest.mark.parametrize(("tense", "expected"), [("past", "2021-02-12"), ("other", "2022-02-12")])
def test_a_date_in_a_past_clause_is_not_moved_forward(
    fr: DateResolver, tense: str, expected: str
) -> None:
    # "avait chargé le 12 février l'agence de conclure un protocole": the instruction's date,
    # not a signature to come; "sera signé le 12 février" is the next 12 February
    pending = mention(0, instrument="protocol", status="proposed", dates=("le 12 février",))
    clauses = [DateClause(pending.dates[0], tense)]
    [draft] = merge_mentions([pending], fr, dv("2021-03-11"), clauses=clauses)
    assert draft.date is not None and draft.date[0] == dv(expected)


def test_without_publication_an_unreadable_best_date_leaves_the_agreement_undated(
    fr: DateResolver,
) -> None:
    [draft] = merge_mentions([mention(0, dates=("ce 13 décembre", "depuis 2020"))], fr, None)
    assert draft.date is None


def test_without_publication_a_reference_reads_the_best_date(fr: DateResolver) -> None:
    merged = merge_mentions([mention(0, dates=("ce 9 mars",))], fr, None, reference=dv("2020-09"))
    [draft] = merged
    assert draft.date is not None and draft.date[0] == dv("2021-03-09")
    assert "date:from-text-reference" in draft.rules


def test_without_publication_a_date_the_text_repeats_with_its_year_is_that_date(
    fr: DateResolver,
) -> None:
    # "Le 1er juillet, TAS a signé …" under a caption "…, 1er juillet 2019": no tense, so no
    # reference, but the same day with its year.
    caption = DateClause(TextSpan("1er juillet 2019", 300, 316), "other")
    signed = mention(0, dates=("Le 1er juillet",))
    [draft] = merge_mentions([signed], fr, None, clauses=[caption])
    assert draft.date is not None and draft.date[0] == dv("2019-07-01")
    assert FROM_ECHO in draft.rules
    # two years for the same day: the text does not say which
    other = DateClause(TextSpan("1er juillet 2018", 400, 416), "other")
    [draft] = merge_mentions([signed], fr, None, clauses=[caption, other])
    assert draft.date is None


def test_a_reference_is_ignored_when_the_article_is_dated(fr: DateResolver) -> None:
    [draft] = merge_mentions(
        [mention(0, dates=("ce 9 mars",))], fr, dv("2023-05"), reference=dv("2020-09")
    )
    assert draft.date is not None and draft.date[0] == dv("2023-03-09")
    assert "date:from-text-reference" not in draft.rules


@pytest.mark.parametrize(
    ("dates", "reference", "expected"),
    [
        (("l'année prochaine",), None, "2022"),
        (("cette année",), None, "2022"),
        # the writing (2021) would come before a month the text reports as past
        (("l'année prochaine",), "2021-06", "2022"),
        (("l'année prochaine",), "2022-06", None),
        # a signing placed in the past does not precede its period
        (("l'an dernier",), None, None),
        ((), None, None),
    ],
)
def test_a_pending_signing_just_before_its_period(
    fr: DateResolver, dates: tuple[str, ...], reference: str | None, expected: str | None
) -> None:
    pending = mention(0, instrument="programme", status="proposed", dates=dates,
                      periods=("de 2023 à 2027",))  # fmt: skip
    [draft] = merge_mentions([pending], fr, None, reference=dv(reference) if reference else None)
    assert (draft.date[0].value if draft.date else None) == expected
    assert (FROM_PERIOD in draft.rules) == (expected is not None)


def test_a_signed_programme_is_not_dated_from_its_period(fr: DateResolver) -> None:
    signed = mention(0, instrument="programme", status="signed", dates=("l'année prochaine",),
                     periods=("de 2023 à 2027",))  # fmt: skip
    [draft] = merge_mentions([signed], fr, None)
    assert draft.date is None


def _announced_then_named(second_date: str, **second: bool) -> list:
    # "L'ISRO a annoncé samedi avoir signé un accord avec l'ESA. … L'accord a été signé le …"
    lead = replace(mention(0, instrument="agreement", dates=("samedi",)), fresh=True)
    body = replace(mention(300, instrument="agreement", dates=(second_date,)), **second)
    return merge_mentions([lead, body], resolver_for("fr"), dv("2026-03-07"))


def test_an_agreement_named_again_as_signed_days_before_its_announcement_is_one() -> None:
    [draft] = _announced_then_named("le 4 mars")
    assert draft.date is not None and draft.date[0] == dv("2026-03-04")


@pytest.mark.parametrize(
    ("second_date", "second"),
    [
        ("le 20 février", {}),  # a fortnight before: another signing
        ("le 4 mars", {"fresh": True}),  # "un accord signé le 4 mars": introduced as new
        ("le 4 mars", {"counted": True}),  # "les quatre accords signés le 4 mars"
    ],
)
def test_a_signing_dated_apart_from_the_announcement_stays_its_own(
    second_date: str, second: dict[str, bool]
) -> None:
    drafts = _announced_then_named(second_date, **second)
    assert len(drafts) == 2
