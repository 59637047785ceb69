"""Subjects the catalog does not know (`coopextract.pipeline.subjects`), on blank pipelines with the
shipped rules: a cue noun and a name in every language, the catalog winning, and how such
subjects attach to an agreement and tell agreements apart (issue 14)."""

from __future__ import annotations

import pytest

from coopextract.pipeline.subjects import unknown_subjects
from tests import lang_rules_helpers as h
from tests.test_several import blank, drafts


def names(lang: str, text: str) -> list[str]:
    return [s.id_ for s in unknown_subjects(h.doc(lang, text))]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Un accord sur la mission Zhuque 9 a été signé.", ["Zhuque 9"]),
        ("fr", "Un accord porte sur le satellite Alpha-Sat.", ["Alpha-Sat"]),
        ("fr", "Ils coopèrent sur le satellite « Océan Bleu ».", ["Océan Bleu"]),
        ("fr", "La sonde chinoise Xinghe-3 partira.", ["Xinghe-3"]),
        ("fr", "Le programme Horizon Orbital et le lanceur Vega-E.", ["Horizon Orbital", "Vega-E"]),
        ("en", "They agreed on the Kestrel-2 mission.", ["Kestrel-2"]),
        ("en", "They agreed on the satellite Kestrel 2B.", ["Kestrel 2B"]),
        ("es", "Firmaron un acuerdo sobre el satélite SAOCOM 2C.", ["SAOCOM 2C"]),
        ("de", "Ein Abkommen über den Satelliten Sentinel-9 wurde unterzeichnet.", ["Sentinel-9"]),
        ("it", "Un accordo sulla missione Ulisse-2 è stato firmato.", ["Ulisse-2"]),
        ("pt", "Um acordo sobre o satélite Amazonia-3 foi assinado.", ["Amazonia-3"]),
        ("ru", "Соглашение о миссии «Луна-30» подписано.", ["Луна-30"]),
        # no cue: a name and its serial number name a mission by their shape
        ("pt", "Angola e Rússia acordaram lançar o Angosat-1, em 2009.", ["Angosat-1"]),
        ("fr", "La construction de l'Angosat1 résulte d'un contrat.", ["Angosat1"]),
        ("en", "Arianespace will launch THEOS-2 for Thailand.", ["THEOS-2"]),
    ],
)
def test_a_cue_noun_introduces_a_name(lang: str, text: str, expected: list[str]) -> None:
    assert names(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # lowercase, a date, a state, a scope word: no name
        ("fr", "La mission sera lancée en 2026."),
        ("fr", "La mission Mars 2020 et le satellite en Mars 2024."),
        ("fr", "Le satellite de la Chine et la mission Russie-Chine."),
        ("en", "The Moon mission and the Chinese satellite."),
        # a title-case headline: the cue is capitalised, nothing follows it
        ("en", "China Signs Lunar Mission Deal"),
        # a capitalised cue inside a name, a planet after the cue
        ("en", "The National Meteorological Satellite Center signed."),
        ("fr", "Le Programme Spatial National et la Mission Spéciale."),
        ("de", "Das Deutsche Satelliten Zentrum und das Nationale Programm Weltraum."),
        ("ru", "Группировка спутников Земли."),
        # a catalog entry wins: the entity rules name it
        ("fr", "La mission Chang'e 7 et le satellite SVOM."),
        ("en", "The SVOM mission."),
        # serial numbers that name no mission: a climate conference, a virus, a summit
        ("fr", "L'accord a été signé en marge de la COP21 et du G20."),
        ("en", "The COVID-19 pandemic delayed it."),
    ],
)
def test_no_unknown_name(lang: str, text: str) -> None:
    assert names(lang, text) == []


def test_a_distinctive_name_is_found_again_bare() -> None:
    text = "Le satellite Kestrel-2 sera lancé. Kestrel-2 observera les océans."
    assert [s.text for s in unknown_subjects(h.doc("fr", text))] == ["Kestrel-2", "Kestrel-2"]


def test_the_catalog_keeps_its_name_and_scope() -> None:
    text = (
        "Le CNES et la CNSA ont signé un accord sur la mission Chang'e-7 et le satellite Kestrel-2."
    )
    mention = blank("fr")(text)._.agreement_mentions[0]
    assert mention.subjects == ["Chang'e 7", "Kestrel-2"]
    assert mention.scope == ["lunar_exploration"]  # the unknown satellite gives none


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Le CNES et la NASA ont signé un accord sur le satellite Kestrel-2.", ["Kestrel-2"]),
        ("en", "NASA and ISRO signed an agreement on the Kestrel-2 mission.", ["Kestrel-2"]),
        ("de", "DLR und NASA schlossen ein Abkommen über die Mission Tandem-Q.", ["Tandem-Q"]),
        ("ru", "Роскосмос и CNSA подписали соглашение о спутнике «Луч-7».", ["Луч-7"]),
    ],
)
def test_the_agreement_names_its_subject(lang: str, text: str, expected: list[str]) -> None:
    mention = h.only_mention(h.pipeline(lang), text)
    assert mention.subjects == expected
    assert mention.own_subjects == expected


# --- telling agreements apart ---------------------------------------------------------------


def test_agreements_on_other_unknown_missions_stay_apart() -> None:
    text = (
        "Le CNES et la JAXA ont signé un accord sur le satellite Kestrel-2. Le CNES et la JAXA "
        "ont signé un accord sur la sonde Tern-4."
    )
    found = drafts("fr", text)
    assert len(found) == 2
    assert [sorted({s for m in d.mentions for s in m.subjects}) for d in found] == [
        ["Kestrel-2"],
        ["Tern-4"],
    ]


@pytest.mark.parametrize(
    "second",
    [
        "Le CNES et la JAXA ont signé un accord sur le satellite Kestrel-2 vers Phobos.",
        "Le CNES et la JAXA ont signé mardi un accord de coopération.",
        "L'accord entre le CNES et la JAXA porte aussi sur Kestrel-2.",
    ],
)
def test_mentions_of_one_unknown_mission_still_merge(second: str) -> None:
    text = f"Le CNES et la JAXA ont signé un accord sur le satellite Kestrel-2. {second}"
    assert len(drafts("fr", text)) == 1


def test_a_mission_named_by_its_kind_is_the_articles_one_mission_of_that_field() -> None:
    # "une future mission lunaire": the article's one lunar mission of the catalog, named in
    # another sentence; with two, the text does not say which; a Mars mission is not lunar.
    text = (
        "Paris et Pékin ont signé un accord pour une future mission lunaire. La mission "
        "Chang'e 6 emportera des instruments français."
    )
    [draft] = drafts("fr", text)
    assert draft.first.subjects == ["Chang'e 6"]
    assert "subjects:mission-by-kind" in draft.first.rules
    two = text + " La mission Chang'e 7 suivra."
    assert drafts("fr", two)[0].first.subjects == []
    mars = text.replace("Chang'e 6", "InSight")
    assert drafts("fr", mars)[0].first.subjects == []
