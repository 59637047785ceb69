"""Several agreements in one article and lists of three or more parties, end to end on the
trained French model: the parse places dates and subjects (tests/test_several.py has the
same ways of reporting on a blank pipeline)."""

from __future__ import annotations

import pytest

from coopextract.models import Agreement
from tests.test_extraction import extract

pytestmark = pytest.mark.model


def summary(records: list[Agreement]) -> list[tuple[tuple[str, ...], str | None]]:
    return [
        (tuple(sorted(p.country or p.name for p in r.parties)), r.date.value if r.date else None)
        for r in records
    ]


def test_four_agreements_counted_then_told_apart(extractor) -> None:
    records = extract(
        extractor,
        "Le CNES et la JAXA ont signé quatre accords mardi à Tokyo. Le premier accord porte "
        "sur la mission MMX. Un autre accord porte sur l'observation de la Terre. Le "
        "troisième accord concerne les débris spatiaux. Le quatrième accord porte sur les "
        "vols habités.",
        "2023-05-10",
    )
    assert summary(records) == [(("FR", "JP"), "2023-05-09")] * 4
    assert records[0].subjects == ["MMX"]
    assert "earth_observation" in records[1].scope
    assert "references:ANOTHER" in records[1].rules


def test_one_sentence_three_agreements(extractor) -> None:
    records = extract(
        extractor,
        "La Russie et la Chine ont signé un accord sur GLONASS en 2014, un accord sur les "
        "lanceurs en 2016 et un accord sur la Lune en 2018.",
    )
    assert summary(records) == [(("CN", "RU"), y) for y in ("2014", "2016", "2018")]
    assert [r.subjects for r in records] == [["GLONASS"], [], []]


def test_dates_between_two_agreements(extractor) -> None:
    records = extract(
        extractor,
        "Les liens se sont développés entre le CNES et l'AEM, comme en témoignent la "
        "signature, fin 2014, d'un accord de coopération spécifique et celle, en juillet "
        "2015, d'un accord relatif à l'étude du climat.",
    )
    assert summary(records) == [(("FR", "MX"), "2014"), (("FR", "MX"), "2015-07")]


def test_plural_with_two_years_and_parties_from_context(extractor) -> None:
    records = extract(
        extractor,
        "La France et la Russie coopèrent depuis 1966. Les accords intergouvernementaux de "
        "1996 et 1999 ont encadré la coopération spatiale avec la Russie.",
    )
    assert summary(records) == [(("FR", "RU"), "1996"), (("FR", "RU"), "1999")]


def test_l_un_et_l_autre(extractor) -> None:
    records = extract(
        extractor,
        "Roscosmos et la CNSA ont signé deux accords : l'un sur la station lunaire ILRS, "
        "l'autre sur la navigation par satellite.",
    )
    assert len(records) == 2
    assert records[0].subjects == ["ILRS"]
    assert records[1].scope == ["satellite_navigation"]


def test_a_lead_and_its_body_stay_one_agreement(extractor) -> None:
    records = extract(
        extractor,
        "L'ESA et la NASA ont signé un protocole d'accord pour le programme Artemis. Treize "
        "jours après avoir présenté les modules de la station Gateway, l'ESA et la NASA "
        "ont donné un cadre à cette coopération avec la signature d'un protocole d'accord.",
    )
    assert len(records) == 1


def test_three_agencies_and_a_group(extractor) -> None:
    (record,) = extract(
        extractor,
        "Un accord entre l'Agence spatiale européenne, la NASA, l'agence spatiale japonaise "
        "et l'Agence spatiale canadienne a été signé jeudi.",
    )
    assert [p.name for p in record.parties] == ["ESA", "NASA", "JAXA", "CSA"]
    (record,) = extract(
        extractor,
        "Les BRICS réunissent le Brésil, la Russie, l'Inde, la Chine et l'Afrique du Sud. "
        "Les agences spatiales des pays BRICS ont signé un accord sur une constellation.",
    )
    assert {p.name for p in record.parties} == {"AEB", "Roscosmos", "ISRO", "CNSA", "SANSA"}


def test_joinings(extractor) -> None:
    records = extract(
        extractor, "La Nouvelle-Zélande, le Rwanda et le Nigeria ont rejoint les accords Artemis."
    )
    assert sorted(summary(records)) == [
        (("NG", "US"), None),
        (("NZ", "US"), None),
        (("RW", "US"), None),
    ]


def test_a_treaty_named_after_a_place_is_not_the_agreement_named_again(extractor) -> None:
    # "l'Accord de Paris" is the climate treaty: its being applied says nothing of the
    # article's agreement, which stays signed.
    records = extract(
        extractor,
        "Le CNES et l'ISRO ont signé un accord en 2019. Les satellites franco-indiens "
        "contribuent à la mise en oeuvre de l'Accord de Paris.",
        "2019-05-10",
    )
    assert [(r.status, len(r.evidence)) for r in records] == [("signed", 1)]


def test_an_agreement_named_again_as_signed_another_year_is_another(extractor) -> None:
    # "Signé en juillet 2022, l'accord ...": not this year's agreement told again.
    records = extract(
        extractor,
        "Roscosmos et la NASA ont signé mardi un nouvel accord sur les vols croisés. Signé "
        "en juillet 2022, l'accord précédent prévoyait le vol de trois cosmonautes russes.",
        "2023-05-10",
    )
    assert sorted(r.date.value for r in records if r.date) == ["2022-07", "2023-05-09"]


def test_an_agreement_named_again_as_signed_days_before_is_the_same(extractor) -> None:
    records = extract(
        extractor,
        "Le CNES a annoncé mardi avoir signé un accord avec l'ISRO. L'accord a été signé le "
        "4 mars à Bangalore.",
        "2023-05-10",
    )
    assert len(records) == 1


def test_a_count_with_each_counterpart_then_each_one_named(extractor) -> None:
    # "deux documents avec A et B": one with each; the body's names are those two, the
    # follow-up with A points back to A's, not to the last one told
    records = extract(
        extractor,
        "Le CNES a signé deux documents avec la Nasa et le DLR. Avec le DLR, le CNES a signé "
        "une lettre d'intention sur Mars. L'accord signé avec la Nasa porte sur la Lune.",
        "2024-03-12",
    )
    assert [(tuple(p.name for p in r.parties), r.instrument) for r in records] == [
        (("CNES", "NASA"), "other"),
        (("CNES", "DLR"), "memorandum"),
    ]
    assert "assembly:count-members-one" in records[1].rules
    assert "lune" in records[0].evidence[-1].text.lower()


def test_a_headline_count_and_a_body_count_are_the_same_agreements(extractor) -> None:
    records = extract(
        extractor,
        "Le CNES a signé des partenariats avec la Nasa et le DLR.\n\nMardi, le CNES a signé "
        "deux accords avec la Nasa et le DLR.",
        "2024-03-12",
    )
    assert [(tuple(p.name for p in r.parties), r.instrument) for r in records] == [
        (("CNES", "NASA"), "agreement"),
        (("CNES", "DLR"), "agreement"),
    ]


def test_the_lead_agreement_is_the_one_the_body_names(extractor) -> None:
    # the lead's vague word, then the body's precise name for it, with no determiner that
    # points back; "un nouveau contrat" or "également" would tell another one
    lead = (
        "Le Japon et la Nasa ont trouvé un accord vendredi pour travailler ensemble sur l'ISS. "
        "Le directeur de la Nasa et le ministre japonais de la Science ont {} signé une "
        "déclaration d'intentions."
    )
    [record] = extract(extractor, lead.format(""), "2020-07-12")
    assert record.instrument == "memorandum"
    assert "assembly:generic-named-later" in record.rules
    assert len(extract(extractor, lead.format("également"), "2020-07-12")) == 2


def test_a_plural_pointing_back_restates_a_lone_count(extractor) -> None:
    # the headline's count with one side, then the contracts told with their counterparts
    records = extract(
        extractor,
        "Arianespace signe de nouveaux contrats\n\nLes contrats portent sur le lancement d'un "
        "satellite pour Eutelsat et d'un satellite pour Intelsat.",
        "2024-03-12",
    )
    assert [tuple(p.name for p in r.parties) for r in records] == [
        ("Arianespace", "Eutelsat"),
        ("Arianespace", "Intelsat"),
    ]


def test_an_instrument_a_copula_says_the_agreement_is_is_that_one(extractor) -> None:
    # "traité" is what "cet accord" is said to be, not a second agreement
    records = extract(
        extractor,
        "La Belgique et la Russie ont signé un accord de coopération spatiale. Cet accord est "
        "le troisième traité international bilatéral conclu par la Belgique dans ce domaine.",
    )
    assert [(r.instrument, tuple(sorted(p.country for p in r.parties))) for r in records] == [
        ("agreement", ("BE", "RU"))
    ]
    # without a copula, a treaty named after an agreement is one of its own
    records = extract(
        extractor,
        "La Belgique et la Russie ont signé un accord de coopération spatiale. La Belgique et "
        "la France ont ensuite conclu un traité sur les lanceurs.",
    )
    assert sorted(r.instrument for r in records) == ["agreement", "treaty"]


def test_an_agreement_named_by_its_proper_name_is_one_of_its_own(extractor) -> None:
    # "l'Accord de coopération …", capitalised inside the sentence, is named, not the
    # declaration said again
    text = (
        "Le Canada et l'ESA ont signé une déclaration commune. Cette déclaration commune est "
        "le dénouement du bilan de l'{} de coopération entre le Canada et l'Agence spatiale "
        "européenne. Depuis presque 50 ans, cet accord favorise l'innovation."
    )
    records = extract(extractor, text.format("Accord"))
    assert sorted(r.instrument for r in records) == ["agreement", "joint_statement"]
    assert "triggers:proper-name" in next(r for r in records if r.instrument == "agreement").rules
    # in lower case, "l'accord" is the declaration named again
    records = extract(extractor, text.format("accord"))
    assert [r.instrument for r in records] == ["joint_statement"]


def test_a_demonstrative_with_a_rank_points_back(extractor) -> None:
    """ "Ce premier contrat": the contract just named, its rank a description of it, not a
    contract of its own with a side from the context."""
    records = extract(
        extractor,
        "Arianespace a annoncé un premier contrat de lancement pour Ariane 6 avec l'ESA et la "
        "Commission européenne. Le lancement aura lieu en 2020 depuis Kourou. Ce premier "
        "contrat ne signifie toutefois pas que ce lancement sera le premier.",
        "2015-03-10",
    )
    assert len(records) == 1
