"""Organisations the catalog does not know (`pipeline.organisations`), on blank pipelines
with the shipped rules: cue nouns, apposition, legal forms, institutions with an acronym, in
every language; and how such parties make agreements (same-country sides, "the two
companies", a state's formal title)."""

from __future__ import annotations

import pytest

from coopextract.pipeline.organisations import UnknownName, canonical_name, unknown_names
from coopextract.pipeline.parties import choose_parties, named_sides
from coopextract.pipeline.party_mentions import sentence_mentions
from coopextract.run.ingest import unknown_parties
from tests import lang_rules_helpers as h
from tests.test_writing import make_record


def unknown(lang: str, text: str) -> list[tuple[str, str, str | None]]:
    """(name, kind, country) of the unknown organisations the text names."""
    doc = h.doc(lang, text)
    found: list[UnknownName] = []
    for sent in doc.sents:
        found += unknown_names(doc, sent, h.rules(lang).catalog)
    return [(n.entry.id, n.entry.kind, n.entry.country) for n in found]


def parties(lang: str, text: str) -> list[tuple[str, str | None]]:
    """(name, country) of the parties of the text's only agreement mention."""
    mention = h.only_mention(h.pipeline(lang), text)
    return [(p.entry.id, p.entry.country) for p in mention.parties]


# --- the ways of introducing a name -----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a cue noun, a demonym after it (French, Spanish, Italian, Portuguese)
        ("fr", "L'opérateur canadien Kepleris a signé.", ("Kepleris", "company", "CA")),
        ("fr", "Un contrat avec la start-up toulousaine Exotrail.", ("Exotrail", "company", "FR")),
        ("fr", "L'opérateur de satellites luxembourgeois Orbivo.", ("Orbivo", "company", "LU")),
        ("es", "Un contrato con la compañía rusa Kosmotech.", ("Kosmotech", "company", "RU")),
        ("it", "La società italiana Argotec ha firmato.", ("Argotec", "company", "IT")),
        ("pt", "A empresa brasileira Visiona assinou.", ("Visiona", "company", "BR")),
        # a demonym before it (English, German, Russian)
        ("en", "The Canadian satellite operator Kepleris signed.", ("Kepleris", "company", "CA")),
        ("de", "Der kanadische Satellitenbetreiber Kepleris.", ("Kepleris", "company", "CA")),
        ("ru", "Российская компания «Космотех» подписала.", ("Космотех", "company", "RU")),
        # where it is based: the place's state
        ("en", "The Paris-based start-up Exotrail signed.", ("Exotrail", "company", "FR")),
        ("en", "Exotrail, a Paris-based start-up, signed.", ("Exotrail", "company", "FR")),
        # a town of the space industry: its adjective, or "-based"
        ("en", "The Toulouse-based start-up Exotrail signed.", ("Exotrail", "company", "FR")),
        ("de", "Das Bremer Unternehmen Polaris unterzeichnete.", ("Polaris", "company", "DE")),
        # a region's adjective, its country's
        ("fr", "La société francilienne Exotrail a signé.", ("Exotrail", "company", "FR")),
        ("fr", "La start-up québécoise Kepleris a signé.", ("Kepleris", "company", "CA")),
        # a compound of a cue noun; a state's country code before its hyphen gives the country
        ("de", "Der Technologiekonzern Polaris unterzeichnete.", ("Polaris", "company", None)),
        ("de", "Das US-Unternehmen Polaris unterzeichnete.", ("Polaris", "company", "US")),
        ("de", "Polaris, ein US-Unternehmen, unterzeichnete.", ("Polaris", "company", "US")),
        # a short form that is no state's code gives none
        ("de", "Das EU-Unternehmen Polaris unterzeichnete.", ("Polaris", "company", None)),
        # a catalog company before the hyphen of one token: its subsidiary, of its country
        ("de", "Die OHB-System AG unterzeichnete.", ("OHB-System", "company", "DE")),
        # "Gesellschaft" is a cue, never the first word of the name after it
        (
            "de",
            "OHB investiert in die Gesellschaft SpaceLink Corporation.",
            ("SpaceLink Corporation", "company", None),
        ),
        ("it", "L'azienda torinese Argotec ha firmato.", ("Argotec", "company", "IT")),
        # who leads a consortium
        ("fr", "Le consortium mené par Exotrail a gagné.", ("Exotrail", "company", None)),
        ("en", "A consortium led by Exotrail won.", ("Exotrail", "company", None)),
        # a quoted name
        (
            "fr",
            "La société « Space Cargo Unlimited » a signé.",
            ("Space Cargo Unlimited", "company", None),
        ),
        # apposition, closed by a comma
        ("fr", "Kepleris, l'opérateur canadien, a signé.", ("Kepleris", "company", "CA")),
        ("en", "Kepleris, a Canadian operator, signed.", ("Kepleris", "company", "CA")),
        # an adjective of nationality as a noun
        ("fr", "L'américain Orbivo a signé.", ("Orbivo", "company", "US")),
        # legal forms (left out of the name) and words that end company names (kept)
        (
            "fr",
            "Prométhée Earth Intelligence SAS a signé.",
            ("Prométhée Earth Intelligence", "company", None),
        ),
        ("en", "Stellar Dynamics Corp. signed.", ("Stellar Dynamics", "company", None)),
        ("en", "Japan and Nordic Rocket Company.", ("Nordic Rocket Company", "company", None)),
        (
            "fr",
            "Un accord avec Bangladesh Satellite Company Limited.",
            ("Bangladesh Satellite Company Limited", "company", "BD"),
        ),
        # a state's name inside a company's gives its country
        (
            "fr",
            "La société China Rocket Company a signé.",
            ("China Rocket Company", "company", "CN"),
        ),
        # an agency after its cue: an acronym, with its state
        ("fr", "Avec l'agence spatiale éthiopienne ETSA.", ("ETSA", "agency", "ET")),
        # an institution's full name and its acronym
        (
            "fr",
            "Avec l'Académie des sciences et des technologies du Vietnam (VAST), une déclaration.",
            ("VAST", "agency", "VN"),
        ),
        (
            "en",
            "The National Space Research Institute of Norway (NSRIN) signed.",
            ("NSRIN", "agency", "NO"),
        ),
        # a word of several states makes it an international organisation, with no country
        (
            "fr",
            "Un accord avec l'Institut européen de politique spatiale (ESPI).",
            ("ESPI", "organization", None),
        ),
        (
            "en",
            "An agreement with the European Space Policy Institute (ESPI).",
            ("ESPI", "organization", None),
        ),
        # an air force, a corporation; a demonym before the name is part of it
        (
            "es",
            "Un contrato con la Fuerza Aérea Colombiana (FAC).",
            ("FAC", "agency", "CO"),
        ),
        ("en", "A contract with the Colombian Air Force (FAC).", ("FAC", "agency", "CO")),
        (
            "es",
            "Con la Corporación de Alta Tecnología (CODALTEC).",
            ("CODALTEC", "company", None),
        ),
        # the acronym glossed in its brackets
        (
            "pt",
            "A Agência Chinesa de Lançamento e Controle de Satélites (CLTC, sigla em inglês) "
            "assinou.",
            ("CLTC", "agency", "CN"),
        ),
        # a place in the name that ends like a future verb ("Pará") is still part of it
        (
            "pt",
            "A Universidade Federal do Pará (UFPA) assinou.",
            ("UFPA", "organization", None),
        ),
    ],
)
def test_a_name_introduced_by_the_text(lang: str, text: str, expected: tuple) -> None:
    assert unknown(lang, text) == [expected]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a catalog entry always wins
        ("fr", "La société française Arianespace a signé."),
        ("en", "The US company SpaceX signed."),
        ("fr", "Le groupe Airbus Defence and Space a signé."),
        # a person's name after an agency, a person's nationality
        ("fr", "Le chef de l'Administration spatiale chinoise Wu Yanhua a signé."),
        ("fr", "L'Américain Bill Nelson a signé."),
        # "le patron de la firme" is no apposition to "firme"
        ("fr", "Jean Dupont, le patron de la firme, a signé."),
        ("en", "Yesterday, the company signed."),
        # a function word, a name after "de"
        ("fr", "Le groupe de Vladimir Poutine."),
        # news agencies: "agence" alone is no cue
        ("fr", "Selon l'agence Tass, un accord."),
        # a number ends a name, an agency needs its state
        ("fr", "Le fournisseur 3 satellites."),
        ("fr", "Depuis le Centre spatial guyanais (CSG)."),
        # brackets that close too far after the acronym hold no gloss
        (
            "pt",
            "A Agência Nacional (ANX, que foi criada por um decreto do governo federal em 2010).",
        ),
    ],
)
def test_no_name_where_the_text_gives_none(lang: str, text: str) -> None:
    assert unknown(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ru",
            "Роскосмос подписал меморандумы с иранскими компаниями SAHAB и SpaceOmid.",
            [("SAHAB", "company", "IR"), ("SpaceOmid", "company", "IR")],
        ),
        (
            "fr",
            "Le CNES a signé avec les start-up toulousaines Exotrail et Kepleris.",
            [("Exotrail", "company", "FR"), ("Kepleris", "company", "FR")],
        ),
        # a name the catalog knows ends the list
        ("fr", "La société Kepleris et Airbus ont signé.", [("Kepleris", "company", None)]),
        # a list closes with a conjunction; a name set off by commas alone is in apposition
        (
            "fr",
            "Le CNES a signé avec les start-up Exotrail, Kepleris et Unseenlabs.",
            [("Exotrail", "company", None), ("Kepleris", "company", None),
             ("Unseenlabs", "company", None)],
        ),
        (
            "es",
            "El presidente de la firma china Kepleris, Yin Liming, dijo que firmaron.",
            [("Kepleris", "company", "CN")],
        ),
    ],
)  # fmt: skip
def test_names_coordinated_after_a_cue_are_its_too(lang: str, text: str, expected: list) -> None:
    assert unknown(lang, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a brand that opens with a figure, letters of both cases after it
        ("Das ungarische Unternehmen 4iG hat unterzeichnet.", [("4iG", "company", "HU")]),
        # a figure and capitals only is no name: a technology, a dimension
        ("Das ungarische Unternehmen 5G hat unterzeichnet.", []),
    ],
)
def test_a_name_may_open_with_a_figure(text: str, expected: list) -> None:
    assert unknown("de", text) == expected


def test_later_bare_mentions_are_the_same_party() -> None:
    text = "La start-up canadienne Kepler a été choisie. Kepler a signé un contrat."
    assert unknown("fr", text) == [("Kepler", "company", "CA")] * 2


def test_a_name_the_catalog_spells_otherwise_is_the_catalogs() -> None:
    # the catalog writes "ispace" as the company does; the press capitalises it
    text = "Le CNES a signé un accord avec la société japonaise Ispace. Ispace ira sur la Lune."
    assert unknown("fr", text) == [("ispace", "company", "JP")] * 2
    assert parties("fr", "Le CNES a signé un accord avec la société japonaise Ispace.") == [
        ("CNES", "FR"),
        ("ispace", "JP"),
    ]


def test_canonical_names_are_normalised() -> None:
    assert canonical_name(["«", "Space", "Cargo", "»"], [" ", " ", "  ", ""]) == "Space Cargo"
    assert canonical_name(["РКК", "«", "Энергия"], [" ", "", ""]) == "РКК Энергия"


# --- parties in agreements ----------------------------------------------------------------------


def test_an_unknown_company_signs_with_a_catalog_one() -> None:
    text = "L'opérateur canadien Kepleris a signé un contrat avec Arianespace."
    assert parties("fr", text) == [("Kepleris", "CA"), ("Arianespace", "FR")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the supplier falls in the gap of the order pattern, or of the entrusting one
        (
            "Eutelsat a commandé au motoriste Vostokmach 20 RD-180.",
            [("Eutelsat", "FR"), ("Vostokmach", None)],
        ),
        (
            "Eutelsat a confié à la société française Exotrail le lancement de deux satellites.",
            [("Eutelsat", "FR"), ("Exotrail", "FR")],
        ),
    ],
)
def test_an_unknown_supplier_inside_a_trigger_is_a_party(text: str, expected: list) -> None:
    assert parties("fr", text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "Le CNES a signé un contrat avec la start-up française Exotrail.",
            [("CNES", "FR"), ("Exotrail", "FR")],
        ),
        (
            "fr",
            "Un accord a été signé entre Arianespace et Eutelsat.",
            [("Arianespace", "FR"), ("Eutelsat", "FR")],
        ),
        (
            "en",
            "NASA signed a contract with the American start-up Orbivo.",
            [("NASA", "US"), ("Orbivo", "US")],
        ),
    ],
)
def test_two_parties_of_one_country_are_two_sides(lang: str, text: str, expected: list) -> None:
    assert parties(lang, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a compound that qualifies a company tells where it comes from
        ("Le constructeur franco-italien Thales Alenia Space a signé un contrat avec Eutelsat.",
         [("Thales Alenia Space", "FR"), ("Eutelsat", "FR")]),
        ("Eutelsat a signé un contrat avec le franco-italien Thales Alenia Space.",
         [("Eutelsat", "FR"), ("Thales Alenia Space", "FR")]),
        # elsewhere its two states are the sides
        ("Les ministres ont signé un accord franco-italien.", [("France", "FR"), ("Italy", "IT")]),
    ],
)  # fmt: skip
def test_a_compound_demonym_of_a_company_is_no_side(text: str, expected: list) -> None:
    assert parties("fr", text) == expected


def test_a_state_and_its_own_company_are_not_split() -> None:
    # "la France" is as often where as who: no agreement between France and Airbus.
    doc = h.doc("fr", "La France a signé un contrat avec Airbus.")
    sent = next(iter(doc.sents))
    mentions = sentence_mentions(doc, sent, h.rules("fr").catalog)
    assert len(choose_parties(mentions)) == len(named_sides(mentions)) == 1
    assert h.mentions("fr", "La France a signé un contrat avec Airbus.") == []


def test_companies_of_one_country_split_where_no_state_or_agency_of_it_is_named() -> None:
    # Two French companies, no French state or agency: three sides, not Airbus folded
    # into Arianespace's; with the CNES named, France is one side as before.
    text = "Arianespace et l'ISRO ont signé un contrat avec Airbus."
    assert parties("fr", text) == [("Arianespace", "FR"), ("ISRO", "IN"), ("Airbus", "FR")]
    text = "Arianespace, le CNES et l'ISRO ont signé un contrat avec Airbus."
    assert {country for _, country in parties("fr", text)} == {"FR", "IN"}
    assert len(parties("fr", text)) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Arianespace et la société Exotrail travaillent ensemble. "
            "Les deux sociétés ont signé un contrat.",
        ),
        (
            "de",
            "Arianespace und das Unternehmen Exotrail. "
            "Die beiden Unternehmen unterzeichneten einen Liefervertrag.",
        ),
        ("en", "Arianespace and the company Exotrail. The two companies signed a contract."),
    ],
)
def test_the_two_companies_are_those_just_named(lang: str, text: str) -> None:
    found = h.pipeline(lang)(text)._.agreement_mentions
    assert [(m.party_source, {p.entry.id for p in m.parties}) for m in found] == [
        ("pair", {"Arianespace", "Exotrail"})
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Le Royaume de Belgique et la France ont signé un accord.", {"Belgium", "France"}),
        ("en", "The Kingdom of Belgium and Kenya signed an agreement.", {"Belgium", "Kenya"}),
        ("es", "El Reino de España y Kenia firmaron un acuerdo.", {"Spain", "Kenya"}),
    ],
)
def test_a_state_named_by_its_formal_title_is_a_party(lang: str, text: str, expected: set) -> None:
    assert {name for name, _ in parties(lang, text)} == expected


# --- reporting them ---------------------------------------------------------------------------


def test_the_manifest_lists_the_names_to_add_to_the_catalog() -> None:
    kepleris = {"name": "Kepleris", "kind": "company", "country": "CA", "in_catalog": False}
    exotrail = {"name": "Exotrail", "kind": "company", "country": None, "in_catalog": False}
    cnes = {"name": "CNES", "kind": "agency", "country": "FR"}
    records = [
        make_record("a.txt", 0, parties=[kepleris, cnes]),
        make_record("a.txt", 10, parties=[kepleris, exotrail]),
        make_record("b.txt", 0, parties=[exotrail, cnes]),
        make_record("c.txt", 0, parties=[cnes, exotrail]),
    ]
    assert unknown_parties(records) == [
        {"name": "Exotrail", "kind": "company", "country": None, "records": 3, "articles": 3},
        {"name": "Kepleris", "kind": "company", "country": "CA", "records": 2, "articles": 1},
    ]
    assert unknown_parties(records[::-1]) == unknown_parties(records)


# --- the other side from the previous sentences --------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # one other side named before: it is the other party
        ("fr", "La NASA prépare la mission. Le Brésil a signé l'accord mardi.", {"Brazil", "NASA"}),
        (
            "en",
            "NASA prepares the mission. Brazil signed the agreement on Tuesday.",
            {"Brazil", "NASA"},
        ),
        # several: the text does not say which
        ("fr", "La Chine, la Russie et l'Inde coopèrent. Le Brésil a signé l'accord mardi.", None),
        ("en", "China, Russia and India cooperate. Brazil signed the agreement on Tuesday.", None),
    ],
)
def test_a_lone_signatory_takes_the_only_other_side_named_before(
    lang: str, text: str, expected: set[str] | None
) -> None:
    found = [{p.entry.id for p in m.parties} for m in h.pipeline(lang)(text)._.agreement_mentions]
    assert found == ([expected] if expected else [])


def test_a_contract_is_signed_by_the_company_of_its_side() -> None:
    doc = h.doc("fr", "Glavkosmos, filiale de Roscosmos, et l'ISRO ont signé un contrat.")
    sent = next(iter(doc.sents))
    mentions = sentence_mentions(doc, sent, h.rules("fr").catalog)
    assert [m.entry.id for m in choose_parties(mentions)] == ["Roscosmos", "ISRO"]
    assert [m.entry.id for m in choose_parties(mentions, contract=True)] == ["Glavkosmos", "ISRO"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "L'ESA signera le contrat avec Airbus dans son usine à Brême (Allemagne)."),
        ("en", "ESA will sign the contract with Airbus at its plant in Bremen (Germany)."),
        ("de", "Die ESA unterzeichnet den Vertrag mit Airbus in Bremen, Deutschland, am Montag."),
        ("en", "ESA signed the contract with Airbus in Bremen, Germany."),
        # in brackets right after a name, with no preposition before it
        (
            "en",
            "ESA signed a contract with Airbus for launches from the Baikonur (Kazakhstan) pad.",
        ),
        ("ru", "ЕКА и Airbus подписали контракт на запуски с космодромов Байконур (Казахстан)."),
        ("fr", "L'ESA (Europe) et Airbus (France) ont signé un contrat."),
    ],
)
def test_a_state_glossing_a_place_is_no_party(lang: str, text: str) -> None:
    assert {name for name, _ in parties(lang, text)} == {"ESA", "Airbus"}


def test_an_acronym_in_brackets_is_a_name_of_its_own() -> None:
    text = (
        "O Ministério da Ciência, Tecnologia, Inovações e Comunicações (MCTIC) e a NASA "
        "assinaram um acordo."
    )
    assert {name for name, _ in parties("pt", text)} == {"Brazil", "NASA"}


@pytest.mark.parametrize(
    "text",
    [
        "À Paris, la France et l'Inde ont signé un accord.",
        "Signé à Moscou, la Russie et l'Inde ont un accord.",
    ],
)
def test_a_state_after_a_place_and_a_comma_that_goes_on_is_a_party(text: str) -> None:
    # the apposition test needs the comma after the state: here the sentence goes on
    assert len({name for name, _ in parties("fr", text)}) == 2
