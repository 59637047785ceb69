"""The reference date of an article without a publication date (coopextract.assembly.reference)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopextract.assembly.reference import echo_of, text_reference
from coopextract.pipeline.mentions import DateClause, TextSpan
from coopextract.reading.dates import DateResolver
from tests.conftest import dv


def clause(text: str, tense: str = "past", lemmas: tuple[str, ...] = ("signer",)) -> DateClause:
    return DateClause(TextSpan(text, 0, len(text)), tense, lemmas)


@pytest.mark.parametrize(
    ("clauses", "expected"),
    [
        # the latest date reported as past; a season reaches its last month
        ([clause("En novembre 2017"), clause("durant l'été 2020")], "2020-09"),
        ([clause("le 10 juin 2019"), clause("en mars 2018")], "2019-06-10"),
        # dates to come, planned or unreadable without the reference say nothing
        ([clause("en mars 2021"), clause("en 2025", "future")], "2021-03"),
        ([clause("en mars 2021"), clause("en juin 2024", "past", ("prévoir", "être"))], "2021-03"),
        ([clause("en mars 2021"), clause("ce 9 mars"), clause("mercredi")], "2021-03"),
        # a past date reaching as late as an unclear one is still past
        ([clause("en mars 2021"), clause("le 9 mars 2021", "other")], "2021-03"),
        ([clause("le 9 mars 2021"), clause("le 9 mars 2021", "other")], "2021-03-09"),
    ],
)
def test_the_latest_past_date_bounds_the_writing(
    resolver: DateResolver, clauses: list[DateClause], expected: str
):
    assert text_reference(clauses, resolver) == dv(expected)


@pytest.mark.parametrize(
    "clauses",
    [
        [],
        [clause("ce 9 mars"), clause("mercredi")],
        [clause("en 2025", "future")],
        # a later date whose time the clause leaves unclear may be past too: no bound
        [clause("en mars 2018"), clause("le 29 octobre 2018", "other")],
        # a bare year is history, told any number of years later
        [clause("en 2020")],
        [clause("en mars 2018"), clause("en 2020")],
        # the present, a bare participle, a noun phrase: unclear, never a bound
        [clause("en mars 2018", "other")],
    ],
)
def test_no_bound(resolver: DateResolver, clauses: list[DateClause]):
    assert text_reference(clauses, resolver) is None


@settings(max_examples=100, deadline=None)
@given(
    found=st.lists(
        st.tuples(
            st.integers(1990, 2030),
            st.integers(1, 12),
            st.sampled_from(["past", "future", "other"]),
        ),
        max_size=6,
    )
)
def test_the_bound_is_never_later_than_a_past_date_nor_earlier_than_another(
    resolver: DateResolver, found: list[tuple[int, int, str]]
):
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]  # fmt: skip
    clauses = [clause(f"en {months[m - 1]} {y}", tense) for y, m, tense in found]
    bound = text_reference(clauses, resolver)
    considered = [(y, m) for y, m, tense in found if tense != "future"]
    if bound is None:
        past = [(y, m) for y, m, tense in found if tense == "past"]
        assert not past or max(considered) not in past
        return
    year, month = (int(p) for p in bound.value.split("-"))
    assert (year, month) == max(considered)
    assert (year, month, "past") in found


@pytest.mark.parametrize(
    ("text", "dated", "expected"),
    [
        ("le 1er juillet", ["2019-07-01"], "2019-07-01"),
        ("Le 1er juillet", ["2018-03", "2019-07-01"], "2019-07-01"),
        ("en juillet", ["2019-07-01"], "2019-07"),
        ("en juillet", ["2019-07"], "2019-07"),
        # another day, another month, or two years for the same day: no echo
        ("le 2 juillet", ["2019-07-01"], None),
        ("en août", ["2019-07-01"], None),
        ("le 1er juillet", ["2018-07-01", "2019-07-01"], None),
        ("le 1er juillet", ["2019-07"], None),
        # said from the writing, not a date repeated: "ce mardi" after "en mai 2019"
        ("ce mardi", ["2019-05"], None),
        ("hier", ["2004-11"], None),
        ("le mois dernier", ["2019-05"], None),
    ],
)
def test_a_year_less_date_echoes_the_one_the_text_gives_with_its_year(
    resolver: DateResolver, text: str, dated: list[str], expected: str | None
):
    found = echo_of(text, resolver, [dv(d) for d in dated])
    assert found == (dv(expected) if expected else None)
