"""A date's tense without a parse (coopextract.pipeline.components.clauses.cue_tense): read from
its sentence's status cues, on blank pipelines, for an undated article's reference."""

from __future__ import annotations

import pytest

import coopextract
from tests import lang_rules_helpers as h


def tenses(lang: str, text: str) -> list[tuple[str, str]]:
    return [(c.span.text, c.tense) for c in h.doc(lang, text)._.dated_clauses]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the date nearest the signing is past; an earlier one further off is left unread
        (
            "it",
            "L'ASI e la CNSA avevano firmato altri accordi nel settembre del 2013 e nel "
            "novembre del 2011.",
            [("nel settembre del 2013", "past"), ("nel novembre del 2011", "other")],
        ),
        # what the agreement runs to is no past
        (
            "en",
            "NASA and ESA signed the agreement in March 2024, and it runs until May 2027.",
            [("in March 2024", "past"), ("May 2027", "other")],
        ),
        # a sentence that looks ahead has no past
        ("en", "NASA and ESA will sign the agreement in March 2024.", [("in March 2024", "other")]),
        ("es", "La AEM y la NASA negocian un acuerdo desde marzo de 2024.", []),
    ],
)
def test_the_date_nearest_a_signing_is_past(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    found = tenses(lang, text)
    assert [pair for pair in found if pair[1] == "past"] == [p for p in expected if p[1] == "past"]
    assert all(tense == "other" for date, tense in found if (date, "past") not in expected)


def test_an_undated_article_reads_a_day_against_the_latest_past_signing() -> None:
    text = (
        "L'ASI e la CNSA hanno siglato il 22 luglio una lettera di intenti. L'ASI e la CNSA "
        "avevano firmato altri accordi nel settembre del 2013."
    )
    records = coopextract.extract_text(text, language="it")
    dated = {r.instrument: r.date.value for r in records if r.date is not None}
    assert dated["memorandum"] == "2014-07-22"
