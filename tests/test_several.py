"""Several agreements between the same parties in one article, and lists of three or more
parties (issue 14), on blank pipelines: the rule mechanics without a trained model.

Each text is written for one way of reporting; the same sentence with nothing to tell two
agreements apart must still give one.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from coopextract.assembly.assemble import AgreementDraft, merge_mentions
from coopextract.errors import RulesError
from coopextract.pipeline.build import build_pipeline
from coopextract.pipeline.components.several import ordinal_of
from coopextract.pipeline.components.several_dates import stand_in_dates
from coopextract.pipeline.mentions import AgreementMention
from coopextract.pipeline.party_mentions import acronyms_defined, sentence_mentions
from coopextract.rule_files import load_rules
from tests.conftest import dv
from tests.lang_rules_helpers import resolver, rules


@functools.cache
def blank(lang: str) -> Language:
    """The whole pipeline on `spacy.blank(lang)`, French too: no trained model."""
    return build_pipeline(dataclasses.replace(rules(lang), model=None))


def mentions(lang: str, text: str) -> list[AgreementMention]:
    return blank(lang)(text)._.agreement_mentions


def drafts(lang: str, text: str, published: str = "2023-05-10") -> list[AgreementDraft]:
    return merge_mentions(mentions(lang, text), resolver(lang), dv(published))


def summary(lang: str, text: str) -> list[tuple[tuple[str, ...], str | None]]:
    """Each agreement as (its sides, its date), in the order the text gives them."""
    return [
        (tuple(sorted(d.party_keys)), d.date[0].value if d.date else None)
        for d in drafts(lang, text)
    ]


# --- several agreements in one sentence ------------------------------------------------------


def test_one_sentence_several_agreements_told_apart_by_date() -> None:
    text = (
        "La Russie et la Chine ont signé un accord sur GLONASS en 2014, un accord sur les "
        "lanceurs en 2016 et un accord sur la Lune en 2018."
    )
    assert summary("fr", text) == [(("CN", "RU"), y) for y in ("2014", "2016", "2018")]
    found = drafts("fr", text)
    assert found[0].first.subjects == ["GLONASS"]  # each has its own stretch of the sentence
    assert found[1].first.subjects == []
    assert "lunar_exploration" in found[2].first.scope
    assert "lunar_exploration" not in found[0].first.scope


def test_a_date_between_two_agreements_goes_to_the_nearer_one() -> None:
    text = (
        "Le CNES et l'AEM ont renforcé leurs liens : la signature, fin 2014, d'un accord de "
        "coopération et celle, en juillet 2015, d'un accord relatif au climat."
    )
    assert summary("fr", text) == [(("FR", "MX"), "2014"), (("FR", "MX"), "2015-07")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # what the agreement provides for is dated by its own events
        (
            "fr",
            "La Russie et la Chine ont signé un accord qui prévoit une station dès mai 2019.",
            None,
        ),
        ("en", "The agreement between NASA and ISRO provides for a joint mission in 2019.", None),
        # a signing told after the provision dates the agreement
        (
            "fr",
            "L'accord entre la Russie et la Chine, qui prévoit une station, a été signé le 5 mai "
            "2021.",
            "2021-05-05",
        ),
    ],
)
def test_a_date_the_agreement_provides_for_is_not_its_date(
    lang: str, text: str, expected: str | None
) -> None:
    assert summary(lang, text) == [(summary(lang, text)[0][0], expected)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "L'Ouzbékistan a signé un accord-cadre avec le CNES. Un accord a été trouvé fin "
            "août entre l'Ouzbékistan et Thales Alenia Space.",
        ),
        (
            "en",
            "Uzbekistan signed a framework agreement with CNES. An agreement was reached in "
            "August between Uzbekistan and Thales Alenia Space.",
        ),
    ],
)
def test_an_agency_and_a_company_of_one_country_are_two_signatories(lang: str, text: str) -> None:
    found = drafts(lang, text)
    assert [sorted(m.entry.id for m in d.first.parties) for d in found] == [
        ["CNES", "Uzbekistan"],
        ["Thales Alenia Space", "Uzbekistan"],
    ]


def test_a_state_and_its_company_are_one_side() -> None:
    text = "La France et l'Inde ont signé un accord. L'accord entre Arianespace et l'Inde prévoit."
    assert len(drafts("fr", text)) == 1


def test_an_agency_and_its_countrys_company_signing_together_twice_told_are_one() -> None:
    # the headline and the lead of one domestic contract: neither is another signatory
    text = (
        "L'Agence spatiale canadienne annonce l'attribution d'un contrat à MDA pour la "
        "Constellation RADARSAT.\n\nL'Agence spatiale canadienne a annoncé mardi qu'un contrat "
        "a été accordé à MDA pour la Constellation RADARSAT."
    )
    assert [len(d.mentions) for d in drafts("fr", text)] == [2]


def test_two_fresh_triggers_with_nothing_to_tell_them_apart_stay_one() -> None:
    text = "Moscou et Pékin ont signé un accord, un accord historique pour les deux pays."
    assert len(drafts("fr", text)) == 1


def test_a_plural_with_coordinated_years_is_one_agreement_a_year() -> None:
    text = "Les accords franco-russes de 1996 et 1999 ont encadré la coopération spatiale."
    assert summary("fr", text) == [(("FR", "RU"), "1996"), (("FR", "RU"), "1999")]
    text = "Russia and France signed agreements in 2003 and 2005 on the Soyuz launcher."
    assert summary("en", text) == [(("FR", "RU"), "2003"), (("FR", "RU"), "2005")]


def test_a_single_agreement_with_two_dates_is_not_split() -> None:
    text = "La France et l'Inde ont signé un accord en 2015, renouvelé en 2018."
    assert len(drafts("fr", text)) == 1


def test_a_counted_pair_told_apart_by_l_un_and_l_autre() -> None:
    text = (
        "Roscosmos et la CNSA ont signé mardi deux accords : l'un sur la station lunaire "
        "ILRS, l'autre sur la navigation par satellite."
    )
    found = drafts("fr", text)
    assert [d.ordinal for d in found] == ["1", "2"]
    assert found[0].first.subjects == ["ILRS"] or "ILRS" in found[0].mentions[-1].subjects
    assert "satellite_navigation" in found[1].first.scope
    assert all(d.date is not None and d.date[0].value == "2023-05-09" for d in found)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "ASI and JAXA signed two agreements, one on the CALET mission and the other on "
            "propulsion.",
        ),
        (
            "it",
            "L'ASI e la JAXA hanno sottoscritto nuovi accordi, uno relativo alla missione CALET "
            "e uno concernente la propulsione.",
        ),
        (
            "es",
            "La ASI y la JAXA firmaron dos acuerdos, uno sobre la misión CALET y otro sobre la "
            "propulsión.",
        ),
        (
            "pt",
            "A ASI e a JAXA assinaram dois acordos, um sobre a missão CALET e outro sobre a "
            "propulsão.",
        ),
    ],
)
def test_a_count_told_apart_by_one_and_another(lang: str, text: str) -> None:
    # "uno … e uno" are ranks; "uno … y otro" a rank and one more (ANOTHER): two either way
    found = drafts(lang, text)
    assert len(found) == 2
    assert {d.party_keys for d in found} == {frozenset({"IT", "JP"})}


def test_the_prime_minister_is_no_part_of_a_count() -> None:
    text = (
        "Roscosmos et la CNSA ont signé deux accords en présence du Premier ministre russe "
        "et du Premier ministre chinois."
    )
    # the two the count says (coopextract.assembly.counts), neither ranked by "Premier"
    found = drafts("fr", text)
    assert len(found) == 2 and all(d.ordinal is None for d in found)


# --- several agreements across sentences ------------------------------------------------------


def test_counted_agreements_then_each_by_its_rank() -> None:
    text = (
        "Le CNES et la JAXA ont signé quatre accords mardi à Tokyo. Le premier accord porte "
        "sur la mission MMX. Un autre accord porte sur l'observation de la Terre. Le "
        "troisième accord concerne les débris spatiaux. Le quatrième accord porte sur les "
        "vols habités."
    )
    found = drafts("fr", text)
    assert len(found) == 4
    assert {d.party_keys for d in found} == {frozenset({"FR", "JP"})}
    # each was signed when the count says
    assert all(d.date is not None and d.date[0].value == "2023-05-09" for d in found)


@pytest.mark.parametrize(
    "text",
    [
        "Arianespace a signé trois contrats avec Eutelsat, SKY Perfect JSAT et Intelsat.",
        "Arianespace a signé trois contrats : le premier avec Eutelsat, le deuxième avec "
        "SKY Perfect JSAT et le troisième avec Intelsat.",
    ],
)
def test_companies_of_one_country_are_counterparts_of_their_own(text: str) -> None:
    # Eutelsat is French as Arianespace is: a side of its own all the same, where no French
    # state or agency is named.
    found = [sorted(p.entry.id for p in d.first.parties) for d in drafts("fr", text)]
    assert found == [
        ["Arianespace", "Eutelsat"],
        ["Arianespace", "SKY Perfect JSAT"],
        ["Arianespace", "Intelsat"],
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Arianespace a annoncé lundi la signature de trois nouveaux contrats. Le premier, "
            "avec Eutelsat, porte sur deux satellites. Le deuxième contrat a été signé avec "
            "SKY Perfect JSAT. Un troisième contrat, avec Intelsat, porte sur un lancement.",
        ),
        (
            "en",
            "Arianespace announced on Monday that it had signed three new contracts. The "
            "first, with Eutelsat, covers two satellites. The second contract was signed with "
            "SKY Perfect JSAT. A third contract, with Intelsat, covers one launch.",
        ),
    ],
)
def test_a_count_with_one_side_then_each_counterpart(lang: str, text: str) -> None:
    # The count names one side; each part names its counterpart, sentences later.
    found = [
        (sorted(p.entry.id for p in d.first.parties), d.date[0].value if d.date else None)
        for d in drafts(lang, text)
    ]
    assert found == [
        (["Arianespace", "Eutelsat"], "2023-05-08"),
        (["Arianespace", "SKY Perfect JSAT"], "2023-05-08"),
        (["Arianespace", "Intelsat"], "2023-05-08"),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "India and Russia signed two agreements on Monday. The first agreement covers the "
            "training of astronauts. It was prepared for a year by the two agencies. Talks "
            "went on in Moscow. The second is a memorandum on satellite navigation.",
        ),
        (
            "es",
            "India y Rusia firmaron el lunes dos acuerdos. El primero se refiere a la "
            "formación de astronautas. Fue preparado durante un año. Las conversaciones "
            "tuvieron lugar en Moscú. El segundo es un memorando sobre navegación por satélite.",
        ),
    ],
)
def test_a_ranked_part_said_to_be_an_instrument_is_dated_by_its_count(lang: str, text: str) -> None:
    # "The second is a memorandum": ranked by the copula, sentences after the count, and
    # dated by the count's date without a parse (its own sentence gives none).
    found = [(d.instrument, d.date[0].value if d.date else None) for d in drafts(lang, text)]
    assert found == [("agreement", "2023-05-08"), ("memorandum", "2023-05-08")]


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("The second is a memorandum on navigation.", "2"),
        ("The second agreement covers navigation.", "2"),
        ("The second phase of the agreement covers navigation.", None),
        ("India says the second is a memorandum.", None),
    ],
)
def test_a_rank_opening_the_sentence_ranks_the_instrument_it_is(text: str, rank: str) -> None:
    doc = blank("en")(text)
    trigger = next(s for s in doc.spans["triggers"] if s.label_ == "INSTRUMENT")
    assert ordinal_of(list(doc.spans["references"]), trigger) == rank


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "La France et l'Inde ont signé lundi un accord sur la mission Trishna et un autre "
            "sur la mission Gaganyaan.",
        ),
        (
            "en",
            "NASA and ISRO signed an agreement on the NISAR satellite on Monday and another on "
            "the Gaganyaan mission.",
        ),
        (
            "es",
            "Argentina y China firmaron el lunes un acuerdo sobre el satélite SAOCOM y otro "
            "sobre la misión Chang'e 6.",
        ),
        (
            "it",
            "L'ASI e la NASA hanno firmato lunedì un accordo sulla missione Artemis e un altro "
            "sul satellite COSMO-SkyMed.",
        ),
        (
            "pt",
            "Brasil e China assinaram na segunda-feira um acordo sobre o satélite CBERS-6 e "
            "outro sobre a missão Chang'e 6.",
        ),
        (
            "de",
            "DLR und NASA unterzeichneten am Montag ein Abkommen über die Mission Artemis und "
            "ein weiteres über den Satelliten GRACE-FO.",
        ),
    ],
)
def test_another_standing_for_the_instrument_is_one_more(lang: str, text: str) -> None:
    # "un accord sur X et un autre sur Y": the instrument word left out, each its subject,
    # both signed when the sentence says
    found = [
        (len({s for m in d.mentions for s in m.subjects}), d.date[0].value if d.date else None)
        for d in drafts(lang, text)
    ]
    assert found == [(1, "2023-05-08"), (1, "2023-05-08")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La France et l'Inde ont signé un accord avec un autre pays."),
        ("en", "NASA and ISRO signed an agreement with another agency."),
    ],
)
def test_another_before_a_noun_is_no_agreement(lang: str, text: str) -> None:
    assert len(drafts(lang, text)) == 1


def test_a_lone_count_with_no_counterpart_makes_nothing() -> None:
    text = "Arianespace a annoncé la signature de trois contrats. Le premier porte sur Ariane 6."
    assert drafts("fr", text) == []


def test_a_follow_up_after_a_lone_count_still_finds_its_agreement() -> None:
    # The lone count makes no record: the follow-up's index of its antecedent is renumbered.
    text = (
        "Arianespace a annoncé la signature de trois contrats. La NASA et l'ESA ont signé "
        "un accord. Le document est entré en vigueur en 2024."
    )
    [draft] = drafts("fr", text)
    assert draft.status == "in_force"
    assert len(draft.mentions) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Quatre accords ont été signés mardi entre l'Inde et la France : un accord sur la "
            "météorologie spatiale, un mémorandum sur la mission Trishna, une déclaration "
            "d'intention sur les vols habités et un accord sur la surveillance maritime.",
        ),
        (
            "en",
            "India and France signed four agreements on Tuesday: an agreement on space "
            "weather, a memorandum on the Trishna mission, a letter of intent on human "
            "spaceflight and an agreement on maritime surveillance.",
        ),
    ],
)
def test_a_count_then_its_members_listed_afresh(lang: str, text: str) -> None:
    # Each member is an agreement of its own (the two agreements too, and none folds into the
    # memorandum), signed when the count says; the count is no fifth record.
    found = [(d.instrument, d.date[0].value if d.date else None) for d in drafts(lang, text)]
    assert found == [
        ("agreement", "2023-05-09"),
        ("memorandum", "2023-05-09"),
        ("memorandum", "2023-05-09"),
        ("agreement", "2023-05-09"),
    ]


def test_a_state_and_its_company_stay_one_side() -> None:
    text = "La France et Arianespace ont signé un contrat avec le Japon."
    [mention] = mentions("fr", text)
    assert len({p.key for p in mention.parties}) == 2


def test_a_sentence_opening_on_a_rank_is_one_of_those_counted() -> None:
    text = (
        "Le CNES et la JAXA ont signé deux accords. Le premier porte sur la mission MMX. "
        "Le second concerne les échantillons de Hayabusa 2."
    )
    found = drafts("fr", text)
    assert [d.ordinal for d in found] == ["1", "2"]
    assert found[1].mentions[-1].rules[0] == "references:ORDINAL:2"


def test_both_parts_of_a_counted_pair_in_one_sentence() -> None:
    text = (
        "La Russie et la Chine ont signé mardi deux accords. L'un porte sur la navigation "
        "par satellite, l'autre sur la station lunaire."
    )
    found = drafts("fr", text)
    assert len(found) == 2
    assert all(d.date is not None and d.date[0].value == "2023-05-09" for d in found)


def test_an_agreement_without_rank_among_counted_ones_is_another() -> None:
    text = (
        "Le premier accord entre le CNES et la NASA concerne la mission Mars 2020. Le second "
        "accord entre le CNES et la NASA concerne les débris. Cela renforce l'accord existant "
        "entre la France et les États-Unis sur les lanceurs."
    )
    assert len(drafts("fr", text)) == 3


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Le CNES et la NASA ont signé un accord sur Mars 2020. Le CNES et la NASA ont "
            "également signé un accord sur les débris spatiaux.",
        ),
        (
            "fr",
            "Le CNES et la NASA ont signé un accord sur Mars 2020. Un autre accord porte sur "
            "le climat.",
        ),
        (
            "en",
            "NASA and CNES signed an agreement on Mars 2020. The US and France also reached a "
            "separate agreement on space debris.",
        ),
        (
            "de",
            "Die NASA und das DLR haben ein Rahmenabkommen unterzeichnet. Zusätzlich wurde "
            "eine Kooperation, das sogenannte Lunar Science Institute Agreement, vereinbart.",
        ),
        (
            "es",
            "La NASA y la ESA firmaron un acuerdo sobre la Luna. La NASA y la ESA firmaron "
            "otro acuerdo sobre Marte.",
        ),
        # "another", and one more told with a rank: "a second agreement", "un secondo accordo"
        (
            "en",
            "NASA and ESA signed an agreement on the Moon. Another agreement, on Mars, is "
            "expected to be signed by NASA and ESA.",
        ),
        (
            "en",
            "NASA and ESA signed an agreement on the Moon. A second agreement, on Mars, is "
            "expected next year.",
        ),
        # a supplemental one, agreed to be signed: not the first signed again
        (
            "en",
            "Nigeria and India have signed a MoU on space cooperation. Both countries further "
            "agreed to sign a supplemental MoU on geospatial technology.",
        ),
        (
            "it",
            "La NASA e l'ESA hanno firmato un accordo sulla Luna. Un secondo accordo, "
            "relativo a Marte, dovrebbe essere firmato entro l'anno.",
        ),
        (
            "fr",
            "La NASA et l'ESA ont signé un accord sur la Lune. Un deuxième accord, sur Mars, "
            "devrait être signé l'an prochain.",
        ),
    ],
)
def test_another_agreement_is_its_own(lang: str, text: str) -> None:
    found = drafts(lang, text)
    assert len(found) == 2
    assert found[1].first.another
    assert found[0].party_keys == found[1].party_keys


def test_fresh_agreements_naming_other_missions_stay_apart() -> None:
    text = (
        "Le CNES et la JAXA ont signé un accord sur la mission MMX. Le CNES et la JAXA ont "
        "signé un accord sur Hayabusa 2."
    )
    assert len(drafts("fr", text)) == 2


@pytest.mark.parametrize(
    "second",
    [
        "Le CNES et la JAXA ont signé un accord sur la mission MMX vers Phobos.",
        "Le CNES et la JAXA ont signé mardi un accord de coopération.",
        "L'accord entre le CNES et la JAXA porte aussi sur Hayabusa 2.",
    ],
)
def test_mentions_with_nothing_to_tell_them_apart_still_merge(second: str) -> None:
    text = f"Le CNES et la JAXA ont signé un accord sur la mission MMX. {second}"
    assert len(drafts("fr", text)) == 1


# --- three or more parties ---------------------------------------------------------------------


def test_a_list_after_entre_goes_on_past_the_window() -> None:
    text = (
        "Un accord entre l'Agence spatiale européenne, la NASA, l'agence spatiale japonaise "
        "et l'Agence spatiale canadienne a été signé jeudi."
    )
    (found,) = drafts("fr", text)
    assert [p.key for p in found.first.parties] == ["ESA", "US", "JP", "CA"]


def test_three_parties_named_then_counted() -> None:
    text = (
        "L'ESA, la NASA et la JAXA se sont réunies à Paris. Les trois agences ont signé un "
        "accord sur la station lunaire."
    )
    (found,) = drafts("fr", text)
    assert found.party_keys == frozenset({"ESA", "US", "JP"})
    text = "ESA, NASA and JAXA met in Paris. The three agencies signed an agreement."
    (found,) = drafts("en", text)
    assert found.party_keys == frozenset({"ESA", "US", "JP"})


def test_a_group_stands_for_the_members_the_article_names() -> None:
    text = (
        "Les BRICS réunissent le Brésil, la Russie, l'Inde, la Chine et l'Afrique du Sud. Les "
        "agences spatiales des pays BRICS ont signé un accord sur une constellation."
    )
    (found,) = drafts("fr", text)
    assert found.party_keys == frozenset({"BR", "RU", "IN", "CN", "ZA"})
    assert {p.entry.kind for p in found.first.parties} == {"agency"}
    text = (
        "Brazil, Russia, India, China and South Africa form the BRICS. The BRICS space "
        "agencies signed an agreement on a satellite constellation."
    )
    (found,) = drafts("en", text)
    assert found.party_keys == frozenset({"BR", "RU", "IN", "CN", "ZA"})


def test_a_group_whose_members_the_article_does_not_name_is_no_party() -> None:
    text = "Les agences spatiales des pays des BRICS ont signé un accord sur une constellation."
    assert drafts("fr", text) == []


def test_a_group_named_as_a_place_is_no_party() -> None:
    text = (
        "Le Brésil, la Russie, l'Inde, la Chine et l'Afrique du Sud sont membres. Au sommet "
        "des BRICS, la Chine et le Brésil ont signé un accord sur les satellites."
    )
    (found,) = drafts("fr", text)
    assert found.party_keys == frozenset({"CN", "BR"})


def test_each_joining_is_its_own_agreement_with_the_lead() -> None:
    text = "La Nouvelle-Zélande, le Rwanda et le Nigeria ont rejoint les accords Artemis."
    assert sorted(tuple(sorted(d.party_keys)) for d in drafts("fr", text)) == [
        ("NG", "US"),
        ("NZ", "US"),
        ("RW", "US"),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le Nigeria et le Rwanda ont signé les accords Artemis."),
        ("en", "Nigeria and Rwanda signed the Artemis Accords on Tuesday."),
    ],
)
def test_signing_the_framework_itself_is_joining_it(lang: str, text: str) -> None:
    # The instrument signed is the framework ("les accords Artemis"): each signatory joins
    # its lead, as with "ont rejoint"; two joiners sign nothing with each other.
    assert sides(lang, text) == [("NG", "US"), ("RW", "US")]


def test_several_parties_signing_together_are_one_agreement() -> None:
    text = "La Chine, la Russie et la Biélorussie ont signé un accord tripartite sur l'ILRS."
    (found,) = drafts("fr", text)
    assert found.party_keys == frozenset({"CN", "RU", "BY"})


def sides(lang: str, text: str) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(d.party_keys)) for d in drafts(lang, text))


def test_four_joiners_of_a_programme_each_join_its_lead() -> None:
    text = "La Nouvelle-Zélande, le Rwanda, l'Angola et le Nigeria ont rejoint les accords Artemis."
    assert sides("fr", text) == [("AO", "US"), ("NG", "US"), ("NZ", "US"), ("RW", "US")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # The news is the joiner named outside the list; the list recalls earlier joinings.
        (
            "fr",
            "Après le Brésil, la Colombie, l'Équateur et le Mexique, l'Argentine a signé les "
            "accords Artemis.",
            [("AR", "US")],
        ),
        (
            "es",
            "Argentina firmó los Acuerdos Artemis, después de Brasil, Colombia, Ecuador y México.",
            [("AR", "US")],
        ),
        # A list of signatories names no agreement between all of them.
        (
            "es",
            "Los signatarios del acuerdo son: Canadá, Japón, Italia, Francia y Australia.",
            [],
        ),
        (
            "fr",
            "La Chine a signé des accords avec l'Afrique du Sud, l'Azerbaïdjan, la Biélorussie "
            "et le Pakistan.",
            [],
        ),
        # The two sides named outside the partners in brackets are the agreement's.
        (
            "it",
            "L'accordo è stato firmato dall'Italia con la NASA e dai rappresentanti degli altri "
            "Paesi (Australia, Canada, Giappone, Lussemburgo).",
            [("IT", "US")],
        ),
    ],
)
def test_an_enumeration_of_signatories_is_named_in_passing(
    lang: str, text: str, expected: list[tuple[str, ...]]
) -> None:
    assert sides(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "L'Égypte, le Nigeria, l'Afrique du Sud et le Kenya ont signé une déclaration "
            "commune sur l'espace.",
            [("EG", "KE", "NG", "ZA")],
        ),
        (
            "en",
            "Egypt, Nigeria, South Africa and Kenya signed a joint declaration on space.",
            [("EG", "KE", "NG", "ZA")],
        ),
        # a list before another subject is in passing still
        (
            "fr",
            "Après le Brésil, la Colombie, l'Équateur et le Mexique, le Pérou a signé un "
            "accord avec la Chine.",
            [("CN", "PE")],
        ),
    ],
)
def test_a_list_that_signs_one_fresh_instrument_is_its_signatories(
    lang: str, text: str, expected: list[tuple[str, ...]]
) -> None:
    assert sides(lang, text) == expected


def test_a_trilateral_list_is_not_an_enumeration() -> None:
    text = "Le Brésil, la Chine et l'Inde ont signé un accord sur l'observation de la Terre."
    assert sides("fr", text) == [("BR", "CN", "IN")]


# --- the rules ----------------------------------------------------------------------------------


def test_ordinals_are_read_as_ranks_in_every_language() -> None:
    for lang, text in [
        ("fr", "Le second accord entre la France et le Japon porte sur la Lune."),
        ("en", "The second agreement between France and Japan covers the Moon."),
        ("es", "El segundo acuerdo entre Francia y Japón trata de la Luna."),
        ("de", "Das zweite Abkommen zwischen Frankreich und Japan betrifft den Mond."),
    ]:
        (found,) = mentions(lang, text)
        assert found.ordinal == "2", lang


def _write_catalog_line(rules_dir: Path, line: dict) -> None:
    path = rules_dir / "shared" / "catalog.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + json.dumps(line) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"id": "Trio", "kind": "group", "members": ["France", "NASA"]}, "not a state"),
        ({"id": "Trio", "kind": "group", "members": ["France", "Atlantis"]}, "not in the catalog"),
        ({"id": "Trio", "kind": "organization", "members": ["France"]}, "for a group only"),
    ],
)
def test_group_members_are_states_of_the_catalog(
    rules_copy: Path, line: dict, message: str
) -> None:
    _write_catalog_line(rules_copy, line)
    with pytest.raises(RulesError, match=message):
        load_rules(rules_copy)


def test_another_thing_is_no_other_agreement() -> None:
    text = (
        "La NASA y la ESA firmaron un acuerdo sobre la Luna. Un cohete debe poner en órbita "
        "otro satélite en el marco de un contrato."
    )
    assert len(drafts("es", text)) == 1


# --- a pronoun standing for more agreements ---------------------------------------------------


def _parsed(words: list[str], pos: list[str], morphs: list[str]) -> Doc:
    """A hand-tagged doc: the stand-in rule reads only part of speech and morphology."""
    return Doc(spacy.blank("fr").vocab, words=words, pos=pos, morphs=morphs)


def test_stand_in_pronoun_brings_one_agreement_per_date() -> None:
    # "the accords of 1996, extended by those of 2003 and 2005"
    words = ["les", "accords", "de", "1996", "prolongés", "par", "ceux", "de", "2003", "et",
             "de", "2005"]  # fmt: skip
    pos = ["DET", "NOUN", "ADP", "NUM", "VERB", "ADP", "PRON", "ADP", "NUM", "CCONJ",
           "ADP", "NUM"]  # fmt: skip
    morphs = [""] * 12
    morphs[1] = "Gender=Masc|Number=Plur"
    morphs[6] = "Gender=Masc|Number=Plur|PronType=Dem"
    doc = _parsed(words, pos, morphs)
    doc.spans["references"] = [Span(doc, 9, 10, label="CONJUNCTION")]  # the rules' "et"
    found = stand_in_dates(doc[1:2], doc[:])
    assert [d.text for d in found] == ["2003", "2005"]


def test_stand_in_pronoun_of_another_number_or_no_date_stands_for_nothing() -> None:
    # "the agreement of 1996 ... those of 2003": another number, another noun.
    words = ["l'", "accord", "de", "1996", "cite", "ceux", "de", "2003"]
    pos = ["DET", "NOUN", "ADP", "NUM", "VERB", "PRON", "ADP", "NUM"]
    morphs = ["", "Number=Sing", "", "", "", "Number=Plur|PronType=Dem", "", ""]
    assert stand_in_dates(_parsed(words, pos, morphs)[1:2], _parsed(words, pos, morphs)[:]) == []
    # "celui qui ..." names no date.
    words = ["l'", "accord", "remplace", "celui", "qui", "expire", "en", "2003"]
    pos = ["DET", "NOUN", "VERB", "PRON", "PRON", "VERB", "ADP", "NUM"]
    morphs = ["", "Number=Sing", "", "Number=Sing|PronType=Dem", "", "", "", ""]
    doc = _parsed(words, pos, morphs)
    assert stand_in_dates(doc[1:2], doc[:]) == []


# --- a state's name as a person's surname, without a tagger ------------------------------------


def test_state_name_after_a_given_name_is_a_surname_on_a_blank_pipeline() -> None:
    doc = blank("pt")("O ministro Carlos Alberto França visitou a Rússia e a França.")
    found = sentence_mentions(doc, doc[:], rules("pt").catalog)
    # "Alberto França" is a person; "a França" (after a function word) is the state.
    assert [(m.key, m.text) for m in found] == [("RU", "Rússia"), ("FR", "França")]


def test_a_capitalised_noun_before_a_state_is_no_given_name() -> None:
    # German capitalises every noun: one capitalised word before a state is no name.
    doc = blank("de")("Das Abkommen mit der Regierung Frankreich wurde unterzeichnet.")
    found = sentence_mentions(doc, doc[:], rules("de").catalog)
    assert [m.key for m in found] == ["FR"]


# --- the status cue nearest the trigger anchors its date ---------------------------------------


def test_nearest_signing_cue_dates_the_agreement_not_an_earlier_publication() -> None:
    text = (
        "En un comunicado publicado ayer, la cancillería reconoció que la Agencia Espacial "
        "Mexicana firmó un acuerdo con Rusia el 28 de septiembre de 2021."
    )
    found = mentions("es", text)
    assert [m.status_cue.text if m.status_cue else None for m in found] == ["firmó"]
    assert summary("es", text) == [(("MX", "RU"), "2021-09-28")]


# --- a vaguer word for an agreement already named ----------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Le CNES et la JAXA ont signé un protocole d'accord sur la mission MMX. L'accord "
            "du CNES et de la JAXA prévoit des échanges de données.",
        ),
        (
            "fr",
            "La résiliation du contrat entre le Brésil et l'Ukraine prive l'Ukraine d'un "
            "partenariat avec le Brésil.",
        ),
        (
            "it",
            "L'ASI e la NASA hanno firmato un memorandum d'intesa sulla Luna. L'accordo tra "
            "l'ASI e la NASA prevede lo scambio di dati.",
        ),
        # "como parte del acuerdo": the membership word leaves the article pointing back
        (
            "es",
            "Eutelsat y la Agencia Espacial Mexicana firmaron un memorando de entendimiento. "
            "Como parte del acuerdo, Eutelsat y la AEM trabajarán en proyectos conjuntos.",
        ),
        (
            "it",
            "L'ASI e la NASA hanno firmato un memorandum d'intesa sulla Luna. Come parte "
            "dell'accordo, l'ASI e la NASA scambieranno dati.",
        ),
        (
            "pt",
            "A AEB e a NASA assinaram um memorando de entendimento. A AEB e a NASA pretendem "
            "ampliar a parceria.",
        ),
        (
            "en",
            "NASA and ISRO signed a memorandum of understanding on Monday. The agreement between "
            "NASA and ISRO covers Earth observation.",
        ),
    ],
)
def test_a_vaguer_word_for_the_named_agreement_is_the_same_one(lang: str, text: str) -> None:
    [draft] = drafts(lang, text)
    assert draft.instrument not in ("agreement", "partnership")
    assert len(draft.mentions) == 2 and "assembly:generic-folded-into-named" in draft.rules


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # introduced as new: "un nouveau partenariat", "a separate agreement"
        (
            "fr",
            "Le CNES et la JAXA ont signé un protocole d'accord. Le CNES et la JAXA ont signé "
            "un nouveau partenariat.",
        ),
        (
            "en",
            "NASA and ISRO signed a memorandum of understanding. NASA and ISRO also signed an "
            "agreement on Monday.",
        ),
        # a date of its own: "l'accord de 2015" is not the memorandum of 2021
        (
            "fr",
            "Le CNES et la JAXA ont signé un protocole d'accord en 2021. Il complète l'accord "
            "signé par le CNES et la JAXA en 2015.",
        ),
        # named before the memorandum: the memorandum cannot be what it points back to
        (
            "en",
            "The agreement between NASA and ISRO was signed in 2015. NASA and ISRO signed a "
            "memorandum of understanding in 2021.",
        ),
        # a similar one: like the one told, not it
        (
            "ru",
            "Роскосмос и NASA подписали соглашение о доставке астронавтов. Ранее был "
            "подписан аналогичный договор на 2017 год.",
        ),
        (
            "en",
            "Roscosmos and NASA signed an agreement on crew flights. A similar contract had "
            "been signed for 2017.",
        ),
        (
            "de",
            "Roskosmos und die NASA unterzeichneten ein Abkommen über Flüge. Ein ähnlicher "
            "Vertrag war für 2017 unterzeichnet worden.",
        ),
    ],
)
def test_a_vaguer_word_that_is_another_agreement_stays_apart(lang: str, text: str) -> None:
    assert len(drafts(lang, text)) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "it",
            "L'ASI e la NASA hanno firmato un protocollo d'intesa sulla Luna. Il protocollo tra "
            "l'ASI e la NASA prevede lo scambio di dati.",
        ),
        (
            "fr",
            "Le CNES et la JAXA ont signé un protocole d'accord sur la Lune. Le protocole entre "
            "le CNES et la JAXA prévoit des échanges de données.",
        ),
    ],
)
def test_the_head_word_of_a_longer_name_is_the_same_agreement(lang: str, text: str) -> None:
    [draft] = drafts(lang, text)
    assert draft.instrument == "memorandum" and len(draft.mentions) == 2


@pytest.mark.parametrize(
    ("lang", "text", "instrument"),
    [
        (
            "fr",
            "La Corée du Sud et la France ont signé un accord de coopération spatiale. Le "
            "mémorandum d'entente entre la Corée du Sud et la France prévoit des échanges.",
            "memorandum",
        ),
        (
            "en",
            "NASA and ISRO signed an agreement on Monday. The memorandum of understanding "
            "between NASA and ISRO covers Earth observation.",
            "memorandum",
        ),
        (
            "it",
            "L'ASI e la NASA hanno firmato un accordo sulla Luna. Il memorandum d'intesa tra "
            "l'ASI e la NASA prevede lo scambio di dati.",
            "memorandum",
        ),
    ],
)
def test_the_lead_vague_word_and_the_instrument_named_after_are_one(
    lang: str, text: str, instrument: str
) -> None:
    # News opens with "un accord" and names the instrument in the body, as one already
    # spoken of (a definite article): one agreement, called by its precise name.
    [draft] = drafts(lang, text)
    assert draft.instrument == instrument
    assert "assembly:generic-named-later" in draft.rules
    assert draft.first.instrument == "agreement"  # its record opens with the lead


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the memorandum of 2021 is not the agreement of 2015
        (
            "en",
            "NASA and ISRO signed an agreement in 2015. The memorandum of understanding "
            "between NASA and ISRO was signed in 2021.",
        ),
        # named as a new one (an indefinite article): not the one of the lead
        (
            "fr",
            "La Corée du Sud et la France ont signé un accord. La Corée du Sud et la France "
            "ont aussi signé un mémorandum d'entente.",
        ),
        # "the second memorandum": one of several the text counts
        (
            "en",
            "NASA and ISRO signed an agreement. The second memorandum of understanding "
            "between NASA and ISRO covers Mars.",
        ),
    ],
)
def test_an_instrument_named_after_a_vague_one_that_is_another_stays_apart(
    lang: str, text: str
) -> None:
    assert len(drafts(lang, text)) == 2


def test_a_vague_word_before_the_named_instrument_in_its_sentence_is_that_one() -> None:
    # "sont convenus" (an agreement told by the verb) names the memorandum of its sentence.
    text = "Le CNES et la JAXA sont convenus d'un protocole d'accord sur la Lune."
    [draft] = drafts("fr", text)
    assert draft.instrument == "memorandum"
    assert "assembly:generic-named-later" in draft.rules


def test_a_bare_protocol_before_any_longer_name_stays_its_own() -> None:
    text = (
        "Le protocole entre le CNES et la JAXA a été signé en 2015. Le CNES et la JAXA ont "
        "signé un protocole d'accord en 2021."
    )
    assert sorted(d.instrument for d in drafts("fr", text)) == ["memorandum", "protocol"]


def test_italian_memorandum_di_intesa_is_one_memorandum() -> None:
    text = "L'ASI e la NASA hanno firmato un memorandum di intesa sulla Luna."
    [draft] = drafts("it", text)
    assert draft.instrument == "memorandum" and len(draft.mentions) == 1


# --- a count announcing its members ----------------------------------------------------------


def test_a_count_then_one_agreement_per_counterpart() -> None:
    text = (
        "Arianespace a annoncé lundi cinq nouveaux contrats. Il fait état de la signature "
        "de trois contrats : un contrat avec Intelsat, un contrat avec Eutelsat et un contrat "
        "avec SES."
    )
    found = drafts("fr", text)
    names = sorted(sorted(p.entry.id for p in d.first.parties) for d in found)
    assert names == [
        ["Arianespace", "Eutelsat"],
        ["Arianespace", "Intelsat"],
        ["Arianespace", "SES"],
    ]


def test_a_plural_with_several_counterparts_is_one_agreement_with_each() -> None:
    text = "OneWeb a signé deux contrats avec SpaceX et l'ISRO."
    found = drafts("fr", text)
    assert sorted(sorted(d.party_keys) for d in found) == [["GB", "IN"], ["GB", "US"]]


def test_a_singular_with_several_counterparts_is_one_agreement_among_them() -> None:
    text = "La Russie a signé un accord avec la Chine et l'Inde."
    [draft] = drafts("fr", text)
    assert sorted(draft.party_keys) == ["CN", "IN", "RU"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "it",
            "Firmato oggi tra Italia e Lussemburgo un memorandum d'intesa. Obiettivo del "
            "protocollo sarà facilitare la ricerca dei due Paesi.",
        ),
        (
            "en",
            "NASA and ISRO signed a memorandum of understanding on Monday. The protocol will "
            "support joint studies by the two agencies.",
        ),
        (
            "es",
            "México y Francia firmaron un memorando de entendimiento. El objetivo del "
            "protocolo es facilitar la investigación de los dos países.",
        ),
        (
            "pt",
            "O Brasil e a China assinaram um memorando de entendimento. O objetivo do "
            "protocolo é facilitar a pesquisa dos dois países.",
        ),
    ],
)
def test_the_agreement_named_again_by_another_word_is_the_one_reported(
    lang: str, text: str
) -> None:
    # A writer varies the word: "del protocollo" (an articulated preposition points back as
    # "il" does) says nothing of its own and takes its sides from "dei due Paesi".
    [draft] = drafts(lang, text)
    assert draft.instrument == "memorandum"
    assert "assembly:renamed-folded-into-named" in draft.rules


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # told signed again, the same day: the reported one
        (
            "it",
            "L'ASI ha firmato oggi con l'ISA una dichiarazione congiunta. Le aree di "
            "collaborazione tra i due paesi sono riconfermate nella lettera di intenti "
            "firmata oggi.",
            ["joint_statement"],
        ),
        (
            "fr",
            "Le CNES a signé aujourd'hui avec l'ISRO une déclaration commune. Les domaines de "
            "coopération des deux pays sont repris dans la lettre d'intention signée aujourd'hui.",
            ["joint_statement"],
        ),
        # told signed on another day: another one
        (
            "en",
            "ESA and NASA signed a joint statement on 3 May 2023. The two agencies had "
            "already agreed on the areas in the letter of intent signed on 4 March 2021.",
            ["joint_statement", "memorandum"],
        ),
    ],
)
def test_the_agreement_named_again_with_its_own_status_is_the_one_reported(
    lang: str, text: str, expected: list[str]
) -> None:
    assert [d.instrument for d in drafts(lang, text)] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "En vertu de l'accord de 2015 entre la Russie et le Kazakhstan, Baïkonour est loué.",
        ),
        ("en", "Under the 2015 agreement between Russia and Kazakhstan, Baikonur is leased."),
        ("es", "El acuerdo de 2015 entre Rusia y Kazajistán sigue vigente."),
    ],
)
def test_a_year_that_qualifies_the_instrument_dates_it(lang: str, text: str) -> None:
    # "l'accord de 2015", "the 2015 agreement": the year names when it was made.
    [draft] = drafts(lang, text)
    assert draft.date is not None and draft.date[0].value == "2015"


def test_a_year_elsewhere_in_the_phrase_does_not_date_the_agreement() -> None:
    text = "Russia and Kazakhstan have an agreement on the lease of the 1955 cosmodrome."
    [draft] = drafts("en", text)
    assert draft.date is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Les agences spatiales du Brésil, de la Russie, de l'Inde, de la Chine et de "
            "l'Afrique du Sud ont signé un accord sur une constellation.",
        ),
        (
            "en",
            "The space agencies of Brazil, Russia, India, China and South Africa signed an "
            "agreement on a constellation.",
        ),
        (
            "en",
            "The Brazilian, Russian, Indian, Chinese and South African space agencies signed "
            "an agreement on a constellation.",
        ),
    ],
)
def test_a_list_of_whose_agencies_sign_is_one_agreement_among_all(lang: str, text: str) -> None:
    # Unlike a list in passing ("après le Brésil, la Colombie, l'Équateur et le Mexique"),
    # a list an agency head governs names the signatories.
    [draft] = drafts(lang, text)
    assert draft.party_keys == {"BR", "RU", "IN", "CN", "ZA"}


@pytest.mark.parametrize(
    ("clause", "date"),
    [
        (", que debe ser puesto en órbita a comienzos de 2014,", None),  # the launch's
        (", que fue firmado en 2012,", "2012"),  # its own signing
    ],
)
def test_without_a_parse_a_relative_clause_s_date_is_the_agreement_s_only_with_a_cue(
    clause: str, date: str | None
) -> None:
    text = f"Hispasat encargó a Arianespace el lanzamiento del Amazonas 4A{clause} y otro más."
    [draft] = drafts("es", text)
    assert (draft.date[0].value if draft.date else None) == date


@pytest.mark.parametrize(
    ("lang", "text", "sides"),
    [
        ("en", "The Sino-Russian agreement on the lunar station was signed.", [{"CN", "RU"}]),
        (
            "en",
            "A launch contract has not yet been signed, but a Russian-Ukrainian Zenit rocket "
            "is the likeliest choice.",
            [],
        ),
        ("fr", "Le contrat sera signé pour la fusée russo-ukrainienne Zenit.", []),
    ],
)
def test_a_compound_demonym_names_both_sides_unless_it_names_a_product(
    lang: str, text: str, sides: list[set[str]]
) -> None:
    # "a Russian-Ukrainian Zenit rocket" names its makers, not an agreement's sides.
    assert [d.party_keys for d in drafts(lang, text)] == sides


@pytest.mark.parametrize(
    ("lang", "text", "sides"),
    [
        (
            "es",
            "Nicaragua y Rusia cooperan. Nicaragua recibe satélites rusos. La ministra habló. "
            "Es un contrato de colaboración de Rusia con nuestro país.",
            [{"NI", "RU"}],
        ),
        (
            "fr",
            "Le Sénégal et la France coopèrent. Le Sénégal attend un satellite. Le ministre parle. "
            "C'est un accord de coopération de la France avec notre pays.",
            [{"SN", "FR"}],
        ),
        # the side named is not one of the article's two main sides: nobody to stand for
        (
            "es",
            "Nicaragua y Rusia cooperan. Nicaragua recibe satélites rusos. La ministra habló. "
            "Es un contrato de colaboración de Japón con nuestro país.",
            [],
        ),
    ],
)
def test_our_country_in_a_quote_is_the_article_s_other_main_state(
    lang: str, text: str, sides: list[set[str]]
) -> None:
    assert [d.party_keys for d in drafts(lang, text)] == sides


def test_another_word_does_not_fold_into_a_count_of_agreements() -> None:
    # "Una serie de acuerdos" are several agreements: the contract is one of its own.
    text = (
        "Venezuela y China negociaron una serie de acuerdos. Según Reuters, el contrato con "
        "China incluye la transferencia de tecnología."
    )
    found = drafts("es", text)
    assert sorted(d.instrument for d in found) == ["agreement", "contract"]
    assert all(d.party_keys == {"VE", "CN"} for d in found)


@pytest.mark.parametrize(
    ("partner", "found"),
    [("China", [["CN", "VE"]]), ("Rusia", [])],
)
def test_the_agreement_with_a_partner_is_with_the_article_s_other_side(
    partner: str, found: list[list[str]]
) -> None:
    # "El contrato con China", far from any other name: the other side is the one the
    # article is about, when the partner is one of its two main sides.
    text = (
        "Venezuela y China cooperan en el espacio. Venezuela y China preparan un satélite. "
        "La ministra habló. El satélite será útil. "
        f"El contrato con {partner} incluye la transferencia de tecnología."
    )
    assert [sorted(d.party_keys) for d in drafts("es", text)] == found


@pytest.mark.parametrize(
    "second",
    [
        "The two agencies signed the protocol in 2019.",  # a signing and a date of its own
        "The protocol between NASA and ISRO covers Mars.",  # its sides named in its sentence
    ],
)
def test_another_word_that_says_something_of_its_own_stays_apart(second: str) -> None:
    text = f"NASA and ISRO signed a memorandum of understanding on Monday. {second}"
    assert len(drafts("en", text)) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Des accords ont déjà été signés avec la Chine et Israël."),
        ("en", "Agreements have already been signed with China and Israel."),
        ("es", "Ya se firmaron acuerdos con China e Israel."),
        # the partners told first
        ("fr", "Avec le Rwanda et le Nigéria, les accords comptent désormais 23 signataires."),
        ("en", "With Rwanda and Nigeria, the accords now have 23 signatories."),
    ],
)
def test_agreements_with_several_partners_of_an_unnamed_side_make_none(
    lang: str, text: str
) -> None:
    # The partners are each one side's counterpart; that side is not named, and they are
    # not parties to one agreement among themselves.
    assert drafts(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "sides"),
    [
        (
            "fr",
            "Le CNES a signé des accords avec la Chine et Israël.",
            [("CN", "FR"), ("FR", "IL")],
        ),
        ("fr", "Des accords entre la Chine et Israël ont été signés.", [("CN", "IL")]),
    ],
)
def test_agreements_with_partners_of_a_named_side_or_between_them_are_kept(
    lang: str, text: str, sides: list[tuple[str, ...]]
) -> None:
    assert sorted(s for s, _ in summary(lang, text)) == sides


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Das DLR und die JAXA unterzeichneten zwei Abkommen."),
        ("it", "L'ASI e la NASA hanno firmato due memorandum."),
        ("pt", "A AEB e a NASA assinaram duas cartas de intenção."),
    ],
)
def test_number_words_a_blank_pipeline_does_not_know_still_count(lang: str, text: str) -> None:
    # spaCy's blank German and Italian read no number word as a number; Portuguese misses
    # the feminine "duas".
    assert [m.counted for m in mentions(lang, text)] == [True]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a headline, its date line, then the signing a few days before told afresh: one
        ("On 9 May 2023, ESA and NASA signed", [("2023-05-09", 2)]),
        ("Last Tuesday, ESA and NASA signed", [("2023-05-09", 2)]),
        # a fortnight before: another signing
        ("On 20 April 2023, ESA and NASA signed", [("2023-05-12", 1), ("2023-04-20", 1)]),
    ],
)
def test_a_headline_dated_by_its_line_then_the_signing_told_afresh(
    body: str, expected: list[tuple[str, int]]
) -> None:
    text = (
        "ESA and NASA sign Memorandum of Understanding on space transportation\n\n"
        f"12 May 2023\n\n{body} a Memorandum of Understanding on space transportation."
    )
    found = drafts("en", text, "2023-05-12")
    assert [(d.date[0].value if d.date else None, len(d.mentions)) for d in found] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "pt",
            "A AEB, o CNES e representantes de cerca de 20 países assinaram uma declaração "
            "de interesses.",
        ),
        (
            "es",
            "La AEB, el CNES y representantes de unos 20 países firmaron una declaración "
            "de intereses.",
        ),
    ],
)
def test_a_number_before_a_trigger_holding_its_own_article_counts_the_subject(
    lang: str, text: str
) -> None:
    # "uma declaração": the article inside the trigger is the instrument's; the number
    # before counts the countries (one record, not twenty).
    assert [m.counted for m in mentions(lang, text)] == [False]
    assert len(drafts(lang, text)) == 1


def test_a_count_with_sides_from_around_it_announces_the_agreements_told_after() -> None:
    text = (
        "Das DLR und die JAXA trafen sich in Tokio. Während der Besuche wurden zwei "
        "Partnerschaftsabkommen unterzeichnet. Das DLR und die KARI unterschrieben am 23. "
        "Februar ein Abkommen."
    )
    assert summary("de", text) == [(("DE", "KR"), "2023-02-23")]


def test_a_count_with_sides_from_around_it_is_kept_when_nothing_else_is_told() -> None:
    text = (
        "Das DLR und die JAXA trafen sich in Tokio. Während der Besuche wurden zwei "
        "Partnerschaftsabkommen unterzeichnet."
    )
    assert summary("de", text) == [(("DE", "JP"), None)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "NASA and JAXA signed an Implementing Arrangement under the “Framework Agreement "
            "between the Government of Japan and the Government of the United States”, signed "
            "in January 2023.",
        ),
        (
            "de",
            "Das DLR und die JAXA unterzeichneten eine Vereinbarung im Rahmen des "
            "Regierungsabkommens zwischen Deutschland und Japan.",
        ),
        (
            "es",
            "La AEM y Roscosmos firmaron un memorando en el marco del acuerdo entre México y "
            "Rusia.",
        ),
    ],
)
def test_the_framework_an_agreement_is_made_under_is_an_agreement_of_its_own(
    lang: str, text: str
) -> None:
    # Not a second name for the instrument signed, nor a vaguer word folded into it: the
    # framework it is made under, being applied.
    found = drafts(lang, text)
    assert len(found) == 2
    assert [d.status for d in found] == ["signed", "in_force"]
    assert all(m.framework for m in found[1].mentions)


def test_one_instrument_under_which_things_are_done_is_one_agreement() -> None:
    text = "NASA and JAXA signed an agreement. Under the agreement, Japan will provide a rover."
    [draft] = drafts("en", text)
    assert draft.status == "signed"


def test_the_article_opening_on_the_agreement_as_known_then_naming_it_is_one() -> None:
    # A summary speaks of "l'accord" as the reader's; the body names it precisely.
    text = (
        "L'accord, signé entre le CNES et la JAXA, porte sur la Lune. Le CNES et la JAXA "
        "ont signé un protocole d'accord sur la Lune."
    )
    [draft] = drafts("fr", text)
    assert draft.instrument == "memorandum"
    assert "assembly:generic-named-later" in draft.rules


def test_a_known_agreement_spoken_of_after_another_is_not_folded() -> None:
    text = (
        "Le CNES et la NASA ont signé un accord sur Mars. L'accord entre le CNES et la JAXA "
        "porte sur la Lune. Le CNES et la JAXA ont signé un protocole d'accord sur la Lune."
    )
    assert sorted(d.instrument for d in drafts("fr", text)) == [
        "agreement",
        "agreement",
        "memorandum",
    ]


def test_a_first_with_nothing_counted_is_the_first_ever_not_a_rank() -> None:
    text = (
        "Le partenariat entre la France et l'Inde, ininterrompu depuis la signature du "
        "premier accord de coopération spatiale en 1964, a donné lieu à de multiples succès."
    )
    [draft] = drafts("fr", text)
    assert draft.instrument == "agreement" and draft.ordinal is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La Russie et l'Inde négocient depuis 2020 un accord sur le vol habité."),
        # "à ce jour": so far, not the day of a press release's "signé ce jour"
        ("fr", "À ce jour, la Russie et l'Inde ont signé un accord sur le vol habité."),
        ("en", "Russia and India have been negotiating an agreement since 2020."),
        ("de", "Deutschland und Japan verhandeln seit 2020 über ein Abkommen."),
        ("es", "Rusia y la India negocian desde 2020 un acuerdo espacial."),
    ],
)
def test_a_date_since_which_is_no_agreement_date(lang: str, text: str) -> None:
    # "depuis 2020" tells when the talks began: the agreement has no date yet.
    [draft] = drafts(lang, text)
    assert draft.date is None


def test_a_since_date_leaves_the_expected_signing_its_date() -> None:
    text = (
        "La Russie et l'Inde négocient depuis 2020 un accord qui devrait être signé avant "
        "la fin de l'année."
    )
    [draft] = drafts("fr", text)
    assert draft.date is not None and draft.date[0].value == "2023"


def test_an_agreement_of_states_and_an_order_between_their_companies_stay_apart() -> None:
    # The same two countries, not the same agreement: "l'accord" of the states is not the
    # vaguer name of the companies' contract.
    text = (
        "En 1997, la Russie et les États-Unis ont conclu l'accord sur la livraison de moteurs "
        "RD-180. Tout de suite après, United Launch Alliance a commandé au holding Energomach "
        "20 RD-180 supplémentaires."
    )
    found = sorted(
        (d.instrument, sorted(p.entry.id for p in d.first.parties)) for d in drafts("fr", text)
    )
    assert found == [
        ("agreement", ["Russia", "United States"]),
        ("contract", ["NPO Energomash", "United Launch Alliance"]),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The agreement between Argentina and China, signed in 2014, entered into force "
            "in 2015.",
        ),
        ("es", "El convenio entre Argentina y China, firmado en 2014, entró en vigor en 2015."),
        ("pt", "O acordo entre a Argentina e a China, assinado em 2014, entrou em vigor em 2015."),
    ],
)
def test_an_agreement_in_force_is_dated_by_its_signature(lang: str, text: str) -> None:
    # Without a parse the date nearest the cue is taken: the signing's, not the entry's.
    [draft] = drafts(lang, text)
    assert draft.status == "in_force"
    assert draft.date is not None and draft.date[0].value == "2014"


def test_an_arrangement_said_to_be_another_takes_in_no_signing_to_come() -> None:
    # "Кроме того" (besides) opens a signing: another agreement, not the treaty to be signed.
    text = (
        "Иран и Россия подпишут договор о создании спутника «Зохре». Кроме того, была "
        "достигнута договоренность о проведении совместных исследований Ирана и России."
    )
    assert [(d.instrument, d.latest_status) for d in drafts("ru", text)] == [
        ("agreement", "proposed"),
        ("other", "signed"),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "Perú utilizará imágenes del satélite francés desde septiembre del 2015, como "
            "parte de un acuerdo entre Perú y Francia.",
        ),
        (
            "pt",
            "O Peru usará imagens do satélite francês desde setembro de 2015, como parte de um "
            "acordo entre o Peru e a França.",
        ),
    ],
)
def test_a_date_a_use_starts_from_does_not_date_the_agreement(lang: str, text: str) -> None:
    # "desde septiembre del 2015": a month with its preposition after "desde" still opens a
    # span (SINCE), which never dates the agreement.
    [draft] = drafts(lang, text)
    assert draft.date is None


def test_a_contract_to_sign_with_a_company_is_not_the_agreement_the_states_signed() -> None:
    # fold_pending_into_signed: a pending contract with a company side is another agreement
    # than the one the two states signed.
    text = (
        "L'Agence spatiale égyptienne a été autorisée à signer un contrat avec China Great "
        "Wall Industry Corporation. En septembre dernier, l'Égypte et la Chine ont signé un "
        "accord pour construire des installations d'assemblage de satellites."
    )
    found = {(d.instrument, d.latest_status) for d in drafts("fr", text)}
    assert found == {("agreement", "signed"), ("contract", "proposed")}


@pytest.mark.parametrize(
    ("lang", "word", "named"),
    [
        ("fr", "Accord", True),  # a proper name: an agreement of its own
        ("fr", "accord", False),  # the declaration named again
        ("de", "Abkommen", False),  # German capitalises every noun: the capital tells nothing
    ],
)
def test_an_instrument_s_proper_name_inside_a_sentence(lang: str, word: str, named: bool):
    texts = {
        "fr": "Le Canada et l'ESA ont signé une déclaration commune. Elle est le bilan de "
        "l'{} de coopération entre le Canada et l'ESA. Cet accord favorise l'essor.",
        "de": "Kanada und die ESA unterzeichneten eine gemeinsame Erklärung. Sie ist die "
        "Bilanz des {} zwischen Kanada und der ESA. Das Abkommen ist ein Erfolg.",
    }
    text = texts[lang].format(word)
    assert [m.proper_name for m in mentions(lang, text)] == [False, named, False]
    if lang == "fr":
        assert len(drafts(lang, text)) == (2 if named else 1)


def test_a_capital_at_the_start_of_a_sentence_is_no_proper_name() -> None:
    # "L'Accordo firmato …": the sentence's capital, the agreement just told named again
    text = (
        "Le Canada et l'ESA ont signé un mémorandum. L'Accord de coopération entre le Canada "
        "et l'ESA porte sur la Lune. Cet accord favorise l'essor."
    )
    assert not any(m.proper_name for m in mentions("fr", text))


def test_a_company_named_after_its_group_with_a_hyphen_is_the_group_s_side() -> None:
    # the headline's OHB and the body's OHB-System AG, its subsidiary: one agreement
    text = (
        "OHB und ESA unterzeichnen Vertrag\n"
        "Die ESA und die OHB-System AG, ein Tochterunternehmen des Konzerns OHB, haben heute "
        "den Vertrag unterzeichnet."
    )
    assert len(drafts("de", text)) == 1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Arianespace signed a contract with Orbital Sciences. This contract bolsters "
            "Arianespace's position in Asia, with satellites for Japan.",
        ),
        (
            "de",
            "Arianespace unterzeichnete einen Vertrag mit Orbital Sciences. Dieser Vertrag "
            "stärkt die Position von Arianespace in Asien, mit Satelliten für Japan.",
        ),
        (
            "pt",
            "A AEB e a NASA assinaram um memorando de entendimento. A AEB e a NASA pretendem "
            "ampliar essa parceria.",
        ),
    ],
)
def test_a_demonstrative_points_back_whoever_its_sentence_names(lang: str, text: str) -> None:
    # a blank pipeline has no morphology: the demonstrative is read from the rules
    assert len(drafts(lang, text)) == 1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "pt",
            "A Duma ratificou nesta terça-feira um acordo entre a Rússia e a China, assinado "
            "em 25 de novembro de 2020.",
        ),
        (
            "es",
            "La Duma ratificó el martes un acuerdo entre Rusia y China, firmado el 25 de "
            "noviembre de 2020.",
        ),
        (
            "en",
            "The Duma ratified on Tuesday an agreement between Russia and China, signed on "
            "25 November 2020.",
        ),
    ],
)
def test_a_ratification_is_dated_by_the_signing_it_tells(lang: str, text: str) -> None:
    """A ratification follows its signing by months: the signing dates the agreement."""
    assert summary(lang, text) == [(("CN", "RU"), "2020-11-25")]


def test_contracts_with_companies_are_the_article_company_s() -> None:
    """ "Deux contrats avaient été signés, avec Thales Alenia Space et Arianespace": the
    buyer is the company the article is about; one contract with each supplier, though
    both are French."""
    found = drafts(
        "fr",
        "L'opérateur argentin Arsat relance son projet de satellite. Arsat avait suspendu les "
        "travaux en 2016. Deux contrats avaient été signés, avec Thales Alenia Space et "
        "Arianespace.",
    )
    assert [sorted(p.entry.id for p in d.first.parties) for d in found] == [
        ["ARSAT", "Thales Alenia Space"],
        ["ARSAT", "Arianespace"],
    ]


def test_counterparts_of_no_company_named_stay_unsided() -> None:
    """ "Des accords ont été signés avec la Chine et Israël": no side named, none guessed."""
    text = "Arsat est un opérateur. Des accords ont été signés avec la Chine et Israël."
    assert drafts("fr", text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Pakistan's SUPARCO and CGWIC signed a contract for the PRSS-1 satellite. Yin "
            "Limping signed the historic agreement. Under this agreement, the satellite will be "
            "launched in June 2018.",
        ),
        (
            "en",
            "NASA and JAXA signed a memorandum on lunar rovers. Under the memorandum, JAXA "
            "delivered a rover in 2019.",
        ),
    ],
)
def test_what_is_done_under_an_agreement_does_not_date_it(lang: str, text: str) -> None:
    """ "Under this agreement, the satellite will be launched in June 2018": the launch's
    date, not the agreement's, and "the historic agreement" is the contract named before."""
    found = drafts(lang, text)
    assert len(found) == 1
    assert found[0].date is None


def test_the_agreement_with_a_word_between_points_back() -> None:
    """ "signed the historic agreement", "this historic agreement": the contract just named."""
    text = (
        "SUPARCO and CGWIC signed a contract for the PRSS-1 satellite. The minister and Yin "
        "Limping signed the historic agreement. Signing this historic agreement took the "
        "friendship between China and Pakistan higher than the stars."
    )
    assert [d.instrument for d in drafts("en", text)] == ["contract"]


def test_governments_agreement_told_after_a_contract_is_its_own() -> None:
    """A definite agreement whose signing the sentence tells between governments, after a
    contract between companies, is not the contract again; "este contrato" afterwards is."""
    text = (
        "Arianespace y la compañía estatal argentina Arsat firmaron un nuevo contrato de "
        "lanzamiento. El proyecto refleja la política del Gobierno de Argentina. Destacó el "
        "acuerdo de cooperación espacial firmado por el ministro de Planificación y el "
        "embajador francés. El presidente de Arianespace dijo que este contrato fortalece "
        "la asociación."
    )
    found = drafts("es", text)
    assert [(d.instrument, sorted(d.party_keys)) for d in found] == [
        ("contract", ["AR", "FR"]),
        ("agreement", ["AR", "FR"]),
    ]
    assert [p.entry.kind for p in found[1].first.parties] == ["state", "state"]
    assert len(found[0].mentions) == 2  # "este contrato" is the contract's


def test_a_wire_dateline_s_glued_dash_is_a_token_of_its_own() -> None:
    """ "FRANKFURT (Dow Jones)--Airbus hat …": the story's first name is a name."""
    doc = blank("de")("FRANKFURT (Dow Jones)--Airbus hat einen Auftrag von der ESA erhalten.")
    assert [t.text for t in doc[:7]] == ["FRANKFURT", "(", "Dow", "Jones", ")", "--", "Airbus"]
    found = drafts("de", doc.text)
    assert [sorted(p.entry.id for p in d.first.parties) for d in found] == [["Airbus", "ESA"]]


@pytest.mark.parametrize(
    ("lang", "text", "words"),
    [
        ("fr", "L‘opérateur Arsat a signé avec l‘Esa.", ["L‘", "opérateur", "Arsat"]),
        ("it", "Il contratto è stato firmato con l‘Esa e dell‘ASI.", ["l‘", "Esa", "e", "dell‘"]),
    ],
)
def test_a_left_quote_typed_for_an_apostrophe_elides(
    lang: str, text: str, words: list[str]
) -> None:
    """ "l‘Esa": the word after an elided article is a word of its own, as after "l'"."""
    doc = blank(lang)(text)
    tokens = [t.text for t in doc]
    assert any(tokens[i : i + len(words)] == words for i in range(len(tokens)))
    assert "ESA" in {s.id_ for s in doc.spans["entities"]}


def test_an_acronym_glued_to_its_name_and_a_state_s_code_for_an_agency_s_acronym() -> None:
    """ "the Egyptian Space Agency(EgSA) and the Kenya Space Agency (KSA)": the glued bracket
    is a token of its own, and "KSA" in brackets after the Kenyan agency is its acronym,
    not Saudi Arabia's code, wherever the article writes it."""
    text = (
        "Egypt's minister signed a Memorandum of Understanding between the Egyptian Space "
        "Agency(EgSA) and the Kenya Space Agency (KSA). KSA will share data with EgSA."
    )
    doc = blank("en")(text)
    tokens = [t.text for t in doc]
    assert tokens[tokens.index("Agency") + 1 : tokens.index("Agency") + 4] == ["(", "EgSA", ")"]
    found = drafts("en", text)
    assert [sorted(p.entry.id for p in d.first.parties) for d in found] == [
        ["EgSA", "Kenya Space Agency"]
    ]
    assert acronyms_defined(doc, rules("en").catalog) == {"KSA": "Kenya Space Agency"}


@pytest.mark.parametrize(
    ("lang", "text", "date"),
    [
        (
            "fr",
            "L'Ukraine a mis fin à l'accord avec la Russie sur l'espace. L'accord, quant à lui, "
            "a été conclu en 1996.",
            None,
        ),
        (
            "en",
            "Ukraine terminated its space agreement with Russia. The agreement, for its part, "
            "was signed in 1996.",
            None,
        ),
    ],
)
def test_an_agreement_ended_is_dated_by_its_end(lang: str, text: str, date: str | None) -> None:
    """GUIDELINES §2: a terminated agreement's date is when it ended, not when it was made."""
    assert summary(lang, text) == [(("RU", "UA"), date)]


@pytest.mark.parametrize(
    ("lang", "text", "kept"),
    [
        # a partnership no word reports at any stage is a relationship (GUIDELINES §1)
        ("fr", "Le CNES et la JAXA soulignent l'importance d'un tel partenariat.", []),
        ("pt", "A NASA e a AEB realizaram reuniões para fortalecer as parcerias.", []),
        # reported signed, announced or planned, it is one
        ("fr", "Le CNES et la JAXA ont signé un partenariat.", ["partnership"]),
        ("fr", "Le CNES et la JAXA ont annoncé un partenariat.", ["partnership"]),
        ("pt", "A NASA e a AEB pretendem firmar uma parceria.", ["partnership"]),
        # an accord is an instrument by its name: signed where nothing says otherwise
        ("fr", "L'accord entre le CNES et la JAXA porte sur Mars.", ["agreement"]),
    ],
)  # fmt: skip
def test_a_partnership_is_an_agreement_only_where_its_stage_is_told(
    lang: str, text: str, kept: list[str]
) -> None:
    assert [d.instrument for d in drafts(lang, text)] == kept


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le CNES et la JAXA ont signé lundi un accord sur Mars. Dans le cadre d'une "
               "ancienne entente entre le CNES et la JAXA, la France a envoyé un instrument."),
        ("en", "NASA and JAXA signed an agreement on Mars on Monday. Under a previous "
               "agreement between NASA and JAXA, Japan flew an instrument."),
        ("it", "L'ASI e la NASA hanno firmato lunedì un accordo su Marte. Con un precedente "
               "accordo tra l'ASI e la NASA, l'Italia ha fornito uno strumento."),
        ("es", "La AEE y la NASA firmaron el lunes un acuerdo sobre Marte. Con un anterior "
               "acuerdo entre la AEE y la NASA, España envió un instrumento."),
        ("pt", "A AEB e a NASA assinaram na segunda-feira um acordo sobre Marte. Com um anterior "
               "acordo entre a AEB e a NASA, o Brasil enviou um instrumento."),
    ],
)  # fmt: skip
def test_an_earlier_agreement_told_indefinite_is_another(lang: str, text: str) -> None:
    # "une ancienne entente", "a previous agreement": not the one just told
    assert len(drafts(lang, text)) == 2
