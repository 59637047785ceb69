"""End to end on short French texts written for each rule family (trained model)."""

from __future__ import annotations

import pytest

from coopextract.models import Agreement
from tests.conftest import make_article

pytestmark = pytest.mark.model


def extract(extractor, text: str, published: str | None = None) -> list[Agreement]:
    records = extractor.extract(make_article(text, published))
    for record in records:
        for evidence in record.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
            for mark in evidence.marks:
                assert evidence.start <= mark.start < mark.end <= evidence.end
                assert text[mark.start : mark.end] == mark.text
    return records


def only(records: list[Agreement]) -> Agreement:
    assert len(records) == 1, [(r.instrument, [p.name for p in r.parties]) for r in records]
    return records[0]


def keys(record: Agreement) -> set[str]:
    return {p.country or p.name for p in record.parties}


def names(record: Agreement) -> set[str]:
    return {p.name for p in record.parties}


def test_coordinated_agencies_sign_a_memorandum(extractor) -> None:
    record = only(
        extract(
            extractor,
            "Roscosmos et la CNSA ont signé mardi un mémorandum sur une station lunaire.",
            "2021-03-11",
        )
    )
    assert names(record) == {"Roscosmos", "CNSA"}
    assert record.instrument == "memorandum"
    assert record.status == "signed"
    assert record.date is not None
    assert (record.date.value, record.date.precision) == ("2021-03-09", "day")
    assert record.date.text.lower().endswith("mardi")
    assert "lunar_exploration" in record.scope
    assert 0 < record.confidence <= 1
    assert any(rule.startswith("triggers:") for rule in record.rules)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscou et Pékin ont signé un accord de coopération spatiale.", {"Russia", "China"}),
        ("Washington et Tokyo ont signé un accord sur la Lune.", {"United States", "Japan"}),
        ("Paris a conclu un accord avec Pékin sur les satellites.", {"France", "China"}),
    ],
)
def test_capital_metonyms_are_states(extractor, text: str, expected: set[str]) -> None:
    record = only(extract(extractor, text))
    assert names(record) == expected
    assert {p.kind for p in record.parties} == {"state"}


def test_descriptive_agency_mentions(extractor) -> None:
    record = only(
        extract(
            extractor,
            "L'agence spatiale russe et l'Administration spatiale nationale chinoise ont conclu "
            "un accord sur l'exploration de l'espace lointain.",
        )
    )
    assert names(record) == {"Roscosmos", "CNSA"}
    assert "deep_space" in record.scope


def test_coordinated_demonyms_after_an_agency_head(extractor) -> None:
    record = only(
        extract(
            extractor,
            "En novembre 2017, les agences spatiales russe et chinoise s'étaient entendues sur un "
            "programme de coopération pour la période 2018-2022.",
        )
    )
    assert names(record) == {"Roscosmos", "CNSA"}
    assert record.instrument == "programme"
    assert record.status == "signed"
    assert record.date is not None and record.date.value == "2017-11"
    assert record.period is not None
    assert (record.period.start, record.period.end) == ("2018", "2022")


def test_governments_sign_as_states(extractor) -> None:
    record = only(
        extract(
            extractor,
            "Les gouvernements algérien et russe ont signé un accord de coopération spatiale.",
        )
    )
    assert names(record) == {"Algeria", "Russia"}


def test_signed_with(extractor) -> None:
    record = only(
        extract(extractor, "Le CNES a signé avec la NASA un accord sur l'exploration de Mars.")
    )
    assert names(record) == {"CNES", "NASA"}


def test_between_names_the_parties(extractor) -> None:
    record = only(
        extract(
            extractor,
            "Devant le ministre indien, un accord entre la France et le Japon est en cours de "
            "préparation.",
        )
    )
    assert keys(record) == {"FR", "JP"}
    assert record.status == "negotiating"


def test_hyphenated_pair(extractor) -> None:
    record = only(
        extract(
            extractor, "Ils ont évoqué l'accord général CNES-Roscosmos en cours de préparation."
        )
    )
    assert names(record) == {"CNES", "Roscosmos"}
    assert record.status == "negotiating"


def test_the_two_countries_resolve_to_the_pair_in_context(extractor) -> None:
    record = only(
        extract(
            extractor,
            "La Russie et la Chine coopèrent dans l'espace depuis longtemps. "
            "Les deux pays ont signé un protocole sur la navigation par satellite.",
        )
    )
    assert names(record) == {"Russia", "China"}
    assert record.instrument == "protocol"
    assert "satellite_navigation" in record.scope


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Un accord entre la Russie et la Chine devrait être signé en 2022.", "negotiating"),
        ("Un accord entre la Russie et la Chine pourrait être signé prochainement.", "negotiating"),
        ("La Russie et la Chine travaillent sur un projet d'accord spatial.", "negotiating"),
        ("La Russie et la Chine signeront l'année prochaine un accord spatial.", "proposed"),
        ("La Russie et la Chine prévoient de signer un accord spatial.", "proposed"),
        ("L'accord spatial entre la Russie et la Chine est entré en vigueur.", "in_force"),
        ("La Russie et la Chine ont mis fin à leur accord spatial.", "terminated"),
        ("La Russie et la Chine viennent de signer un accord spatial.", "signed"),
        ("La Russie n'a pas encore signé l'accord spatial avec la Chine.", "negotiating"),
        ("La Chine et le Pakistan vont signer un accord spatial.", "proposed"),
        ("Le Brésil a rejoint les accords Artemis.", "signed"),
    ],
)
def test_status_cues(extractor, sentence: str, status: str) -> None:
    record = only(extract(extractor, sentence, "2021-12-15"))
    assert record.status == status


def test_expected_signature_date_for_pending_agreements(extractor) -> None:
    record = only(
        extract(
            extractor, "La Russie et la Chine signeront l'année prochaine un accord.", "2021-12"
        )
    )
    assert record.date is not None
    assert (record.date.value, record.date.precision) == ("2022", "year")


def test_relative_day_without_publication_date_is_not_invented(extractor) -> None:
    record = only(extract(extractor, "Roscosmos et la CNSA ont signé mercredi un mémorandum."))
    assert record.date is None


def test_mentions_of_one_agreement_merge_latest_status_wins(extractor) -> None:
    record = only(
        extract(
            extractor,
            "Le Premier ministre a chargé Roscosmos de conclure un protocole avec la Chine. "
            "Roscosmos et la CNSA ont finalement signé un mémorandum.",
        )
    )
    assert record.status == "signed"
    assert record.instrument == "memorandum"
    assert len(record.evidence) == 2


def test_two_instruments_between_the_same_parties_stay_apart(extractor) -> None:
    records = extract(
        extractor,
        "En 2017, Roscosmos et la CNSA ont signé un programme de coopération. "
        "En 2021, Roscosmos et la CNSA ont signé un mémorandum sur la Lune.",
    )
    assert sorted(r.instrument for r in records) == ["memorandum", "programme"]


def test_cooperation_without_an_instrument_is_not_an_agreement(extractor) -> None:
    assert extract(extractor, "Les deux pays travaillent ensemble dans l'espace depuis 1975.") == []
    assert extract(extractor, "La Russie et la Chine sont d'accord sur la situation.") == []


def test_a_place_is_not_a_party(extractor) -> None:
    record = only(
        extract(extractor, "À Paris, le CNES et la JAXA ont signé un accord sur l'astéroïde Ryugu.")
    )
    assert names(record) == {"CNES", "JAXA"}


def test_records_are_deterministic(extractor) -> None:
    text = "Roscosmos et la CNSA ont signé un mémorandum. La France et l'Inde ont signé un accord."
    first = [r.model_dump_json() for r in extract(extractor, text)]
    second = [r.model_dump_json() for r in extract(extractor, text)]
    assert first == second
    assert len({r.id for r in extract(extractor, text)}) == 2


def test_entity_rules_are_not_stretched_by_the_model(extractor) -> None:
    """spaCy #4678: rules placed before `ner` get stretched. The model's ner is not loaded;
    the rule components run after the parser and find exactly the names they list."""
    names = extractor.nlp.pipe_names
    assert "ner" not in names
    assert names.index("parser") < names.index("coop_entities") < names.index("coop_agreements")
    doc = extractor.nlp("L'agence spatiale russe Roskosmos et l'ANEC ont signé un accord.")
    assert [(s.text, s.id_) for s in doc.spans["entities"]] == [
        ("agence spatiale russe", "Roscosmos"),
        ("Roskosmos", "Roscosmos"),
        ("ANEC", "CNSA"),
    ]


def test_a_line_break_ends_a_sentence(extractor) -> None:
    """A title without a full stop does not lend its parties to the next paragraph."""
    records = extract(
        extractor,
        "La France et la Chine renforcent leur coopération\n"
        "Le CNES et la NASA ont signé un accord sur Mars.",
    )
    assert [names(r) for r in records] == [{"CNES", "NASA"}]


def test_a_signature_to_come_is_dated_forward(extractor) -> None:
    record = only(
        extract(
            extractor,
            "L'accord entre l'Allemagne et la France sur Ariane 6 sera signé le 12 octobre.",
            "2020-09-15",
        )
    )
    assert record.status == "proposed"
    assert record.date is not None and record.date.value == "2020-10-12"


def test_joining_the_artemis_accords_is_an_agreement_with_the_united_states(extractor) -> None:
    record = only(
        extract(extractor, "Le Brésil a rejoint mardi les accords Artemis.", "2021-06-17")
    )
    assert names(record) == {"Brazil", "United States"}
    assert record.subjects == ["Artemis Accords"]
    assert record.date is not None and record.date.value == "2021-06-15"


def test_a_long_article_is_read_in_pieces_with_article_offsets(extractor) -> None:
    first = "Roscosmos et la CNSA ont signé un mémorandum sur la Lune.\n\n"
    filler = "La mission avance bien et les essais continuent.\n\n" * 60
    last = "Le CNES et la NASA ont signé un accord sur Mars.\n"
    text = first + filler + last
    previous = extractor.chunk_chars
    extractor.chunk_chars = 1000
    try:
        records = extract(extractor, text)  # checks every evidence offset
    finally:
        extractor.chunk_chars = previous
    assert [names(r) for r in records] == [{"Roscosmos", "CNSA"}, {"CNES", "NASA"}]
    assert records[1].evidence[0].start == text.index("Le CNES")


def test_evidence_marks_show_what_the_rules_found(extractor) -> None:
    record = only(
        extract(
            extractor,
            "Roscosmos et la CNSA ont signé mardi un mémorandum sur l'ILRS.",
            "2021-03-11",
        )
    )
    marks = [(m.label, m.text) for m in record.evidence[0].marks]
    assert marks == [
        ("party", "Roscosmos"),
        ("party", "CNSA"),
        ("status", "signé"),
        ("date", "mardi"),
        ("trigger", "mémorandum"),
        ("subject", "ILRS"),
    ]


# --- dates: the agreement's clause, the text's own reference --------------------------------


def test_without_publication_date_the_latest_past_date_bounds_a_year_less_day(extractor) -> None:
    record = only(
        extract(
            extractor,
            "Plus tôt, durant l'été 2020, Pékin avait ouvert son projet de station lunaire. "
            "Un communiqué publié ce 9 mars annonce que Moscou et Pékin ont signé un mémorandum.",
        )
    )
    assert record.date is not None and record.date.value == "2021-03-09"
    assert "date:from-text-reference" in record.rules


@pytest.mark.parametrize(
    "history",
    [
        # a bare year is history: the writing may be any number of years later
        "Les accords Artemis ont été lancés en 2020 par la NASA.",
        # a plan is no past
        "Le lancement de la sonde était prévu en juin 2020.",
        # nothing at all
        "",
    ],
)
def test_without_an_anchor_a_year_less_day_stays_undated(extractor, history: str) -> None:
    text = f"Le Nigéria et le Rwanda ont signé ce 13 décembre les accords Artemis. {history}"
    records = extract(extractor, text.strip())
    assert records and all(r.date is None for r in records)


def test_an_unreadable_best_date_is_not_replaced_by_a_farther_one(extractor) -> None:
    records = extract(
        extractor,
        "Le Nigéria et le Rwanda ont signé ce 13 décembre les accords Artemis, devenant "
        "ainsi les premières nations africaines à y adhérer depuis 2020.",
    )
    # Each country's joining is its own record; neither is dated 2020.
    assert len(records) == 2 and all(r.date is None for r in records)


def test_a_pending_signing_just_before_the_period_it_opens(extractor) -> None:
    text = (
        "La Russie et la Chine signeront l'année prochaine le nouveau programme de "
        "coopération spatiale, qui s'étendra de 2023 à 2027."
    )
    record = only(extract(extractor, text))
    assert record.status == "proposed"
    assert record.period is not None and record.period.start == "2023"
    assert record.date is not None and (record.date.value, record.date.precision) == (
        "2022",
        "year",
    )
    assert "date:year-before-period" in record.rules
    # with a publication date the relative year is read as usual
    dated = only(extract(extractor, text, "2020-05"))
    assert dated.date is not None and dated.date.value == "2021"


def test_a_period_does_not_date_a_signing_without_a_relative_year(extractor) -> None:
    record = only(
        extract(
            extractor,
            "La Russie et la Chine signeront le nouveau programme de coopération spatiale, "
            "qui s'étendra de 2023 à 2027.",
        )
    )
    assert record.date is None


def test_a_future_in_a_clause_below_the_agreement_does_not_date_it(extractor) -> None:
    record = only(
        extract(
            extractor,
            "La France et les Emirats arabes unis devraient prochainement signer un accord de "
            "coopération spatiale, Abou Dhabi ayant annoncé son intention de lancer d'ici 2021 "
            "la première sonde arabe vers Mars.",
            "2015-02-26",
        )
    )
    assert record.date is None


def test_a_signed_agreement_is_not_dated_after_the_article(extractor) -> None:
    record = only(
        extract(
            extractor,
            "La Chine et l'Égypte ont signé un mémorandum sur la station lunaire ILRS, "
            "dont les opérations doivent commencer d'ici 2030.",
            "2023-12",
        )
    )
    assert record.date is None


def test_a_closing_date_hung_on_the_last_noun_dates_the_signing(extractor) -> None:
    record = only(
        extract(
            extractor,
            "La Chine et la Russie ont signé un protocole d'entente sur la construction conjointe "
            "d'une station de recherche scientifique internationale sur la Lune en mars.",
            "2021-04-25",
        )
    )
    assert record.date is not None and record.date.value == "2021-03"


def test_a_dated_instruction_then_the_signing_is_one_agreement(extractor) -> None:
    record = only(
        extract(
            extractor,
            "Le Premier ministre avait chargé le 12 février Roscosmos de conclure un protocole "
            "avec la CNSA. Le 9 mars, Roscosmos et la CNSA ont signé un mémorandum.",
            "2021-03-11",
        )
    )
    assert record.status == "signed"
    assert record.date is not None and record.date.value == "2021-03-09"


def test_no_break_spaces_do_not_hide_a_date(extractor) -> None:
    record = only(
        extract(
            extractor, "Le 9\u00a0mars\u00a02021, Roscosmos et la CNSA ont signé un mémorandum."
        )
    )
    assert record.date is not None and record.date.value == "2021-03-09"


def test_agreements_pointed_back_at_announce_no_list(extractor) -> None:
    # "ces différents accords" are those already told (the parse's demonstrative): the fresh
    # one after them is not one of a count, and keeps its own date. On a blank pipeline there
    # is no morphology to tell, so this runs on the trained model.
    text = (
        "La France et la Russie ont signé des accords en 1996 et 1999. Ces différents accords "
        "ont été complétés en 2007 par un accord entre le CNES et Roscosmos sur la sécurité."
    )
    dated = {r.date.value for r in extract(extractor, text, "2018-06-15") if r.date}
    assert "2007" in dated


@pytest.mark.parametrize(
    ("published", "status"), [("2003-08-12", "in_force"), ("1998-10-12", "signed")]
)
def test_what_is_still_done_under_an_agreement_of_an_earlier_year(
    extractor, published: str, status: str
) -> None:
    # signed in 1998 and applied in 2003: in force; in 1998, what a fresh signing brings
    record = only(
        extract(
            extractor,
            "Le Brésil et la Chine lanceront en septembre un satellite dans le cadre d'un "
            "programme de coopération spatiale signé en 1998.",
            published,
        )
    )
    assert record.status == status


def test_a_follow_up_and_the_framework_it_is_made_under(extractor) -> None:
    # "L'accord, qui s'inscrit dans le cadre de l'accord-cadre signé en 2014": more on the
    # agreement just told, and the framework, in force, with the date said next to it
    records = extract(
        extractor,
        "Le CNES et l'AEM ont signé un accord sur les océans. L'accord, qui s'inscrit dans le "
        "cadre juridique de l'accord-cadre de coopération spatiale, signé en avril 2014 à "
        "Mexico, souligne la volonté du Mexique.",
        "2015-07-17",
    )
    assert [(r.status, r.date.value if r.date else None) for r in records] == [
        ("signed", None),
        ("in_force", "2014-04"),
    ]


@pytest.mark.parametrize(("verb", "records"), [("prolongé", 1), ("signé", 2)])
def test_a_renewed_agreement_and_its_first_signing_are_one(extractor, verb: str, records: int):
    # renewed on Tuesday, first signed in 2007: one contract; signed on Tuesday, then one
    # signed in 2007: another
    found = extract(
        extractor,
        f"Arianespace et Eutelsat ont {verb} mardi un contrat de lancement des satellites. "
        "Le document, signé en 2007, prévoyait cinq lancements.",
        "2010-09-08",
    )
    assert len(found) == records
    assert found[0].date is not None and found[0].date.value == "2010-09-07"


def test_a_ratification_told_later_is_no_other_signing(extractor) -> None:
    [record] = extract(
        extractor,
        "La France et l'Inde ont signé un accord spatial le 8 octobre 2019. Le document, "
        "ratifié par le Sénat à la mi-novembre 2020, prévoit des stations au sol.",
        "2020-12-08",
    )
    assert record.date is not None and record.date.value == "2019-10-08"


def test_an_entry_into_force_wished_for_neither_dates_nor_enforces_the_agreement(
    extractor,
) -> None:
    # "souhaite que l'accord entre en vigueur début 2017": the subjunctive looks ahead, and
    # its year is the entry into force's, not the signature's.
    text = (
        "La Corée du Sud et les États-Unis ont officiellement signé un accord de coopération "
        "spatiale. Le gouvernement souhaite que l'accord entre en vigueur début 2017."
    )
    [record] = extract(extractor, text, None)
    assert (record.status, record.date) == ("signed", None)


def test_what_an_agreement_aims_at_does_not_date_it(extractor) -> None:
    # "vise à mettre en orbite … entre fin 2017 et début 2018": the launch window, not the
    # contract's date.
    text = (
        "Mitsubishi Heavy Industries a décroché un contrat de lancement. Le contrat, signé avec "
        "les Émirats arabes unis, vise à mettre en orbite un satellite entre fin 2017 et début "
        "2018."
    )
    [record] = extract(extractor, text, None)
    assert record.date is None
