"""Parties end to end with the trained model: organisations the catalog does not know, two
parties of one country, a person's name that is a state's."""

from __future__ import annotations

import pytest

from tests.test_extraction import extract, only

pytestmark = pytest.mark.model


def test_an_operator_introduced_by_the_text_is_a_party(extractor) -> None:
    record = only(
        extract(
            extractor,
            "L'opérateur canadien Kepleris a signé mardi un contrat avec Arianespace pour le "
            "lancement de deux satellites.",
            "2021-03-11",
        )
    )
    kepleris, arianespace = record.parties
    assert (kepleris.name, kepleris.kind, kepleris.country, kepleris.in_catalog) == (
        "Kepleris",
        "company",
        "CA",
        False,
    )
    assert (arianespace.name, arianespace.in_catalog) == ("Arianespace", True)
    assert record.instrument == "contract" and record.status == "signed"


def test_an_agency_and_a_start_up_of_its_country(extractor) -> None:
    record = only(
        extract(
            extractor,
            "Le CNES a signé un contrat avec la start-up française Exotrail pour la propulsion "
            "de ses satellites.",
        )
    )
    assert [(p.name, p.country, p.in_catalog) for p in record.parties] == [
        ("CNES", "FR", True),
        ("Exotrail", "FR", False),
    ]


def test_an_institution_by_its_acronym(extractor) -> None:
    record = only(
        extract(
            extractor,
            "Le CNES et l'Académie des sciences et des technologies du Vietnam (VAST) ont signé "
            "une déclaration d'intention à Hanoï.",
        )
    )
    assert [(p.name, p.kind, p.country) for p in record.parties] == [
        ("CNES", "agency", "FR"),
        ("VAST", "agency", "VN"),
    ]


def test_a_given_name_before_a_state_name_is_a_person(extractor) -> None:
    record = only(
        extract(
            extractor,
            "Le président d'Arianespace Stéphane Israël et le directeur de l'ESA ont signé un "
            "contrat de lancement.",
        )
    )
    assert {p.name for p in record.parties} == {"Arianespace", "ESA"}


@pytest.mark.parametrize(
    ("text", "published", "names"),
    [
        (
            "Eutelsat a passé un contrat avec SpaceX pour lancer ses satellites après avoir "
            "renoncé au lanceur russe Soyouz.",
            "2022-04-01",
            ["Eutelsat", "SpaceX"],
        ),
        (
            "Roskosmos et l'ESA se sont entendues en avril 2012 sur un accord pour réaliser "
            "ExoMars après que la NASA s'est retirée du programme.",
            "2013-03-15",
            ["Roscosmos", "ESA"],
        ),
    ],
)
def test_an_adverbial_clause_tells_another_event(
    extractor, text: str, published: str, names: list[str]
) -> None:
    # "après avoir renoncé", "après que la NASA s'est retirée": neither its ending nor its
    # names are the agreement's
    record = only(extract(extractor, text, published))
    assert [p.name for p in record.parties] == names
    assert record.status == "signed"
