"""A count's agreements where the text tells no more of them (coopextract.assembly.counts)."""

from __future__ import annotations

import pytest

from coopextract.assembly.counts import ONE_OF_A_COUNT
from tests.test_several import drafts


@pytest.mark.parametrize(
    ("lang", "text", "count"),
    [
        ("fr", "Le CNES et l'ISRO ont signé trois accords de coopération lundi.", 3),
        ("fr", "Le CNES et l'ISRO ont signé trois nouveaux accords de coopération.", 3),
        ("en", "NASA and ESA signed two agreements on Monday.", 2),
        ("it", "L'ASI e la CNSA hanno firmato tre accordi.", 3),
        # states, and the count's own sentence names a space field
        ("fr", "La France et l'Inde ont signé trois accords de coopération spatiale.", 3),
    ],
)
def test_a_count_between_two_sides_is_that_many_agreements(
    lang: str, text: str, count: int
) -> None:
    found = drafts(lang, text)
    assert len(found) == count
    assert len({d.party_keys for d in found}) == 1
    assert all(ONE_OF_A_COUNT in d.rules for d in found)
    # alike, each dated as the count is
    assert len({d.date[0] if d.date else None for d in found}) == 1


@pytest.mark.parametrize(
    ("lang", "text", "count"),
    [
        # the parts told before the count: it points back at them
        (
            "fr",
            "Le premier accord porte sur la mission MMX. Le second accord concerne Hayabusa 2. "
            "Les deux accords ont été signés par le CNES et la JAXA.",
            2,
        ),
        # a count of parties, not of agreements
        ("fr", "Le CNES et la JAXA ont signé un accord. Les deux parties sont convenues.", 1),
        # a date before the plural is no count
        ("fr", "Le CNES et la JAXA ont signé le 13 décembre les accords sur Mars.", 1),
        # no number
        ("en", "NASA and ESA signed agreements on Monday.", 1),
        # a state visit's agreements in every field, one of them on a satellite: the count
        # says nothing of how many are about space
        (
            "pt",
            "O Brasil e a China vão assinar 20 acordos de cooperação bilateral. Entre os "
            "acordos, está o que prevê a construção de um novo satélite.",
            1,
        ),
    ],
)
def test_no_more_agreements_than_the_text_tells(lang: str, text: str, count: int) -> None:
    found = drafts(lang, text)
    assert len(found) == count
    assert not any(ONE_OF_A_COUNT in d.rules for d in found)
