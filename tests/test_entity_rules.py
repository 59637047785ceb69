"""The entity knowledge: catalog, shared and French aliases, French demonyms (the checks every
language passes, French included, are in test_rules_languages.py).

Everything here runs on `spacy.blank("fr")` (same tokenizer as fr_core_news_md), so it is fast.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from coopextract.errors import RulesError
from coopextract.pipeline.build import add_rule_components, alias_variants
from coopextract.rule_files import ENTITY_KINDS, RuleSet, load_rules
from tests.conftest import append


@pytest.fixture(scope="module")
def rule_set() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="module")
def nlp(rule_set: RuleSet) -> Language:
    return add_rule_components(spacy.blank("fr"), rule_set)


def found(nlp: Language, text: str, key: str) -> set[tuple[str, str]]:
    doc = nlp(text)  # keep the Doc alive while its span group is read
    return {(span.text, span.id_) for span in doc.spans[key]}


# --- the catalog -------------------------------------------------------------------------------


def test_catalog_counts(rule_set: RuleSet) -> None:
    kinds = defaultdict(int)
    for entry in rule_set.catalog.values():
        kinds[entry.kind] += 1
    assert set(kinds) == set(ENTITY_KINDS)
    assert kinds["state"] >= 120
    assert kinds["agency"] >= 40


def test_catalog_countries(rule_set: RuleSet) -> None:
    pycountry = pytest.importorskip("pycountry")
    for entry in rule_set.catalog.values():
        if entry.kind in ("state", "company"):
            assert entry.country, entry.id
        if entry.kind in ("mission", "programme"):
            assert entry.country is None, entry.id
        if entry.country:
            assert pycountry.countries.get(alpha_2=entry.country), entry.id


@pytest.mark.parametrize(
    ("ident", "kind", "country"),
    [
        ("Russia", "state", "RU"),
        ("China", "state", "CN"),
        ("United States", "state", "US"),
        ("United Kingdom", "state", "GB"),
        ("South Korea", "state", "KR"),
        ("United Arab Emirates", "state", "AE"),
        ("Venezuela", "state", "VE"),
        ("Roscosmos", "agency", "RU"),
        ("CNSA", "agency", "CN"),
        ("CNES", "agency", "FR"),
        ("CSA", "agency", "CA"),
        ("AEM", "agency", "MX"),
        ("SUPARCO", "agency", "PK"),
        ("MYSA", "agency", "MY"),
        ("National Academy of Sciences of Belarus", "agency", "BY"),
        ("UAE Space Agency", "agency", "AE"),
        ("ADD", "agency", "KR"),
        ("EUSPA", "agency", None),
        ("ESA", "organization", None),
        ("European Union", "organization", None),
        ("DSEL", "organization", "CN"),
        ("Glavkosmos", "company", "RU"),
        ("Arianespace", "company", "FR"),
    ],
)
def test_catalog_follows_the_gold(rule_set: RuleSet, ident: str, kind: str, country: str) -> None:
    entry = rule_set.catalog[ident]
    assert (entry.kind, entry.country) == (kind, country)


def test_state_agencies_are_agencies_of_that_state(rule_set: RuleSet) -> None:
    for entry in rule_set.catalog.values():
        if entry.agency:
            agency = rule_set.catalog[entry.agency]
            if entry.kind == "organization":
                # the EU's is ESA, an international organisation of its own
                assert (agency.kind, agency.country) == ("organization", None), entry.id
                continue
            assert agency.kind == "agency", entry.id
            assert agency.country == entry.country, entry.id
    assert rule_set.catalog["European Union"].agency == "ESA"


@pytest.mark.parametrize(
    ("ident", "scope"),
    [
        ("ILRS", "lunar_exploration"),
        ("GLONASS", "satellite_navigation"),
        ("BeiDou", "satellite_navigation"),
        ("ExoMars", "deep_space"),
        ("MMX", "deep_space"),
        ("ISS", "space_station"),
        ("Bion-M2", "life_sciences"),
        ("SVOM", "space_science"),
        ("CFOSAT", "earth_observation"),
    ],
)
def test_subject_scope(rule_set: RuleSet, ident: str, scope: str) -> None:
    assert scope in rule_set.catalog[ident].scope


@pytest.mark.parametrize(
    ("ident", "lead"),
    [("Artemis Accords", "United States"), ("ILRS", "CNSA"), ("Gateway", "NASA")],
)
def test_programme_leads(rule_set: RuleSet, ident: str, lead: str) -> None:
    assert rule_set.catalog[ident].lead == lead


# --- aliases ---------------------------------------------------------------------------------


def test_every_string_alias_finds_itself(rule_set: RuleSet, nlp: Language) -> None:
    expected = [
        (variant, line["id"])
        for line in rule_set.patterns["entities"]
        if isinstance(line["pattern"], str)
        for variant in alias_variants(line["pattern"])
    ]
    texts = (f"Selon l'accord avec {variant}, hier." for variant, _ in expected)
    missed = [
        (variant, ident)
        for (variant, ident), doc in zip(expected, nlp.pipe(texts, batch_size=256), strict=True)
        if (variant, ident) not in {(span.text, span.id_) for span in doc.spans["entities"]}
    ]
    assert missed == []


@pytest.mark.parametrize(
    ("text", "span", "ident"),
    [
        # names
        ("La Russie et la Chine ont signé un mémorandum.", "Russie", "Russia"),
        ("La Russie et la Chine ont signé un mémorandum.", "Chine", "China"),
        ("Un accord entre la France et les États-Unis.", "États-Unis", "United States"),
        ("Un accord entre la France et les Etats-Unis.", "Etats-Unis", "United States"),
        ("Le Royaume-Uni a rejoint le programme.", "Royaume-Uni", "United Kingdom"),
        ("Les Émirats arabes unis ont signé.", "Émirats arabes unis", "United Arab Emirates"),
        ("La Corée du Sud a signé les accords.", "Corée du Sud", "South Korea"),
        ("Consultations avec la Fédération de Russie.", "Fédération de Russie", "Russia"),
        ("Le Venezuela rejoint l'ILRS.", "Venezuela", "Venezuela"),
        ("L'Argentine et l'ESA.", "Argentine", "Argentina"),
        ("avant les USA", "USA", "United States"),
        # metonyms
        ("Moscou et Pékin ont signé un accord.", "Moscou", "Russia"),
        ("Moscou et Pékin ont signé un accord.", "Pékin", "China"),
        ("Moscou et Pekin ont signé un accord.", "Pekin", "China"),
        ("Washington a proposé un accord.", "Washington", "United States"),
        ("Paris et New Delhi renforcent leur coopération.", "Paris", "France"),
        ("Paris et New Delhi renforcent leur coopération.", "New Delhi", "India"),
        ("Abou Dhabi a annoncé une sonde.", "Abou Dhabi", "United Arab Emirates"),
        ("Alger et Moscou ont signé.", "Alger", "Algeria"),
        ("Le Kremlin a salué l'accord.", "Kremlin", "Russia"),
        # agencies, acronyms and descriptive mentions
        ("Roskosmos, l'agence spatiale russe, a annoncé", "agence spatiale russe", "Roscosmos"),
        ("Roskosmos, l'agence spatiale russe, a annoncé", "Roskosmos", "Roscosmos"),
        (
            "L'Agence fédérale spatiale russe (Roskosmos)",
            "Agence fédérale spatiale russe",
            "Roscosmos",
        ),
        (
            "avec l'Administration spatiale nationale chinoise (CNSA)",
            "Administration spatiale nationale chinoise",
            "CNSA",
        ),
        (
            "L'Administration nationale de l'espace de Chine (ANEC) a signé",
            "Administration nationale de l'espace de Chine",
            "CNSA",
        ),
        ("L'Administration nationale de l'espace de Chine (ANEC) a signé", "ANEC", "CNSA"),
        ("selon l'ANEC.", "ANEC", "CNSA"),
        ("l'ASNC et Roscosmos ont déclaré", "ASNC", "CNSA"),
        ("Le KNKA et Roscosmos", "KNKA", "CNSA"),
        (
            "le Centre national d’études spatiales (Cnes)",
            "Centre national d’études spatiales",
            "CNES",
        ),
        ("le Centre national d’études spatiales (Cnes)", "Cnes", "CNES"),
        ("l'Agence spatiale canadienne (ASC)", "Agence spatiale canadienne", "CSA"),
        ("l'Agence spatiale canadienne (ASC)", "ASC", "CSA"),
        ("le CNES et l'AEM, l'agence spatiale mexicaine", "AEM", "AEM"),
        ("le CNES et l'AEM, l'agence spatiale mexicaine", "agence spatiale mexicaine", "AEM"),
        (
            "l'Agence bolivarienne des activités spatiales (ABAE)",
            "Agence bolivarienne des activités spatiales",
            "ABAE",
        ),
        (
            "la Commission pakistanaise de recherche sur l'espace et la haute atmosphère",
            "Commission pakistanaise de recherche sur l'espace et la haute atmosphère",
            "SUPARCO",
        ),
        (
            "l'Académie nationale des sciences du Bélarus",
            "Académie nationale des sciences du Bélarus",
            "National Academy of Sciences of Belarus",
        ),
        ("l'Agence spatiale émiratie", "Agence spatiale émiratie", "UAE Space Agency"),
        ("Un communiqué de l’Agence spatiale algérienne (ASAL)", "ASAL", "ASAL"),
        ("la NASA et l'ESA", "NASA", "NASA"),
        ("la Nasa et l'Esa", "Esa", "ESA"),
        ("l'Agence spatiale européenne", "Agence spatiale européenne", "ESA"),
        (
            "l'Agence du programme spatial de l'Union européenne (EUSPA)",
            "Agence du programme spatial de l'Union européenne",
            "EUSPA",
        ),
        ("la Commission européenne et l'ESA", "Commission européenne", "European Union"),
        ("le budget de l'UE", "UE", "European Union"),
        ("le Comité des Nations unies", "Nations unies", "United Nations"),
        ("le Deep Space Exploration Laboratory ou DSEL", "DSEL", "DSEL"),
        ("un contrat avec GLAVKOSMOS", "GLAVKOSMOS", "Glavkosmos"),
        (
            "le consortium Thales Alenia Space et Airbus",
            "Thales Alenia Space",
            "Thales Alenia Space",
        ),
        # missions and programmes, with spelling variants
        ("la mission Chang’e-6 emportera", "Chang’e-6", "Chang'e 6"),
        ("la mission Chang'e 6 emportera", "Chang'e 6", "Chang'e 6"),
        ("la mission Chang’e 6 emportera", "Chang’e 6", "Chang'e 6"),
        ("la mission Chang'e-6.", "Chang'e-6", "Chang'e 6"),
        ("la sonde Chang’e-5 décolle", "Chang’e-5", "Chang'e 5"),
        ("la capsule Bion-M2 utilisant", "Bion-M2", "Bion-M2"),
        ("la capsule Bion M2 utilisant", "Bion M2", "Bion-M2"),
        ("le satellite Spektr-M proposé", "Spektr-M", "Spektr-M"),
        ("la sonde Luna-25 a échoué", "Luna-25", "Luna-25"),
        ("la sonde Luna 25 a échoué", "Luna 25", "Luna-25"),
        ("la mission Louna-Ressours-1 (Louna-26)", "Louna-Ressours-1", "Luna-26"),
        ("la mission Louna-Ressours-1 (Louna-26)", "Louna-26", "Luna-26"),
        (
            "la Station scientifique lunaire internationale",
            "Station scientifique lunaire internationale",
            "ILRS",
        ),
        (
            "la station internationale de recherche lunaire (ILRS)",
            "station internationale de recherche lunaire",
            "ILRS",
        ),
        ("l'ILRS d'ici 2035", "ILRS", "ILRS"),
        ("signer les accords Artémis", "accords Artémis", "Artemis Accords"),
        ("signer les Accords Artemis", "Accords Artemis", "Artemis Accords"),
        ("le projet “Artemis Accords”", "Artemis Accords", "Artemis Accords"),
        ("la Station spatiale internationale", "Station spatiale internationale", "ISS"),
        ("les systèmes GLONASS et Beidou", "GLONASS", "GLONASS"),
        ("les systèmes GLONASS et Beidou", "Beidou", "BeiDou"),
        ("BeiDou (BDS)", "BDS", "BeiDou"),
        ("le projet ExoMars", "ExoMars", "ExoMars"),
        ("la mission MMX (Martian Moons Exploration)", "MMX", "MMX"),
        ("la sonde japonaise Hayabusa 2", "Hayabusa 2", "Hayabusa2"),
        ("le satellite franco-chinois CFOSat", "CFOSat", "CFOSAT"),
        ("le satellite Svom", "Svom", "SVOM"),
        # a company's full name, legal form after it, commas or not
        (
            "accordé à MacDonald Dettwiler and Associates Ltd.",
            "MacDonald Dettwiler and Associates",
            "MDA",
        ),
        (
            "a autorisé MacDonald, Dettwiler and Associates, mieux connue",
            "MacDonald, Dettwiler and Associates",
            "MDA",
        ),
        (
            "le nouveau programme spatial européen",
            "programme spatial européen",
            "EU Space Programme",
        ),
    ],
)
def test_entity_found(nlp: Language, text: str, span: str, ident: str) -> None:
    assert (span, ident) in found(nlp, text, "entities")


@pytest.mark.parametrize(
    "text",
    [
        "Il a signé en mars 2020 un accord.",  # not the Mars 2020 mission
        "Elle se dit asi contente.",  # ASI only in capitals
        "Il a eu un accord, il tua le temps.",  # EU, TUA only in capitals
        "Un cas d'école pour la Suisse ? Non : une entreprise suisse et argentine.",
    ],
)
def test_common_words_are_not_entities(nlp: Language, text: str) -> None:
    spans = found(nlp, text, "entities")
    assert all(ident in {"Switzerland"} for _, ident in spans), spans


def test_entity_labels_are_catalog_kinds(nlp: Language, rule_set: RuleSet) -> None:
    doc = nlp("Roscosmos, la CNSA, l'ESA, Glavkosmos, la Russie, l'ILRS et Chang'e 6.")
    for span in doc.spans["entities"]:
        assert span.label_ == rule_set.catalog[span.id_].kind.upper()


# --- demonyms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "ident"),
    [
        ("les gouvernements russe et chinois", "russe", "Russia"),
        ("les gouvernements russe et chinois", "chinois", "China"),
        ("des expériences françaises", "françaises", "France"),
        ("le programme spatial américain", "américain", "United States"),
        ("des spécialistes émiratis", "émiratis", "United Arab Emirates"),
        ("la sonde émiratie", "émiratie", "United Arab Emirates"),
        ("les agences spatiales malaisienne et pakistanaise", "malaisienne", "Malaysia"),
        ("les agences spatiales malaisienne et pakistanaise", "pakistanaise", "Pakistan"),
        ("la partie sud-coréenne", "sud-coréenne", "South Korea"),
        ("le ministre turc", "turc", "Turkey"),
        ("la délégation grecque", "grecque", "Greece"),
        ("des ingénieurs sri-lankais", "sri-lankais", "Sri Lanka"),
        ("la partie vénézuélienne", "vénézuélienne", "Venezuela"),
        ("le gouvernement algerien", "algerien", "Algeria"),
        # compounds: the tokenizer keeps these whole, the pattern finds the first element
        ("la coopération sino-russe", "sino-russe", "China"),
        ("la rivalité Sino-Américaine", "Sino-Américaine", "China"),
        ("le satellite franco-chinois", "franco-chinois", "France"),
        ("le projet américano-européen", "américano-européen", "United States"),
        ("la coopération indo-française", "indo-française", "India"),
        ("le dialogue italo-français", "italo-français", "Italy"),
        ("un accord émirato-français", "émirato-français", "United Arab Emirates"),
        # ... and splits these into three tokens: both elements are found
        ("l'exploration russo-chinoise", "russo", "Russia"),
        ("l'exploration russo-chinoise", "chinoise", "China"),
        ("un accord germano-coréen", "germano", "Germany"),
        ("un accord germano-coréen", "coréen", "South Korea"),
        ("un partenariat nippo-français", "nippo", "Japan"),
    ],
)
def test_demonym_found(nlp: Language, text: str, span: str, ident: str) -> None:
    assert (span, ident) in found(nlp, text, "demonyms")


@pytest.mark.parametrize(
    "text",
    [
        "la région indo-pacifique",
        "les langues indo-européennes",
        "le monde anglo-saxon",
        "la lutte gréco-romaine",
        "le rôle de l'Union européenne",
    ],
)
def test_demonym_prefix_exceptions(nlp: Language, text: str) -> None:
    assert found(nlp, text, "demonyms") == set()


@pytest.mark.parametrize(
    "compound",
    [
        "sino-russe",
        "franco-chinois",
        "américano-russe",
        "indo-français",
        "italo-russe",
        "émirato-français",
        "gréco-turc",
        "anglo-français",
    ],
)
def test_tokenizer_keeps_compound_whole(nlp: Language, compound: str) -> None:
    assert [t.text for t in nlp.make_doc(compound)] == [compound]


@pytest.mark.parametrize(
    "prefix",
    [
        "russo",
        "germano",
        "nippo",
        "japano",
        "turco",
        "irano",
        "canado",
        "polono",
        "israélo",
        "algéro",
        "ukraino",
    ],
)
def test_tokenizer_splits_compound(nlp: Language, prefix: str) -> None:
    assert [t.text for t in nlp.make_doc(f"{prefix}-chinois")] == [prefix, "-", "chinois"]


def test_demonym_words_are_unambiguous(rule_set: RuleSet) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for line in rule_set.patterns["demonyms"]:
        for token in line["pattern"]:
            lower = token.get("LOWER")
            words = lower.get("IN", []) if isinstance(lower, dict) else [lower] if lower else []
            for word in words:
                owners[word].add(line["id"])
    assert {w: ids for w, ids in owners.items() if len(ids) > 1} == {}


# --- errors in the rule files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("relative", "line", "message"),
    [
        ("fr/entities.jsonl", '{"label": "STATE", "pattern": "Russie", "id": ', "not valid JSON"),
        (
            "fr/entities.jsonl",
            '{"label": "STATE", "pattern": "Moskva", "id": "Rusia"}',
            "not in rules/shared/catalog.jsonl",
        ),
        (
            "fr/entities.jsonl",
            '{"label": "AGENCY", "pattern": "Moskva", "id": "Russia"}',
            "does not match",
        ),
        (
            "shared/entities.jsonl",
            '{"label": "AGENCY", "pattern": "roskosmos", "id": "Roscosmos"}',
            "repeats",
        ),
        (
            "shared/entities.jsonl",
            '{"label": "AGENCY", "pattern": "CNES", "id": "CNSA"}',
            "conflicts with",
        ),
        (
            "fr/demonyms.jsonl",
            '{"label": "DEMONYM", "pattern": [{"LOWER": "russien"}], "id": "CNES"}',
            "not a state",
        ),
        (
            "shared/catalog.jsonl",
            '{"id": "Atlantis", "kind": "state", "country": "atl"}',
            "ISO 3166-1",
        ),
    ],
)
def test_malformed_line_names_file_and_line(
    rules_copy: Path, relative: str, line: str, message: str
) -> None:
    number = append(rules_copy / relative, line)
    with pytest.raises(RulesError) as err:
        load_rules(rules_copy)
    where = f"{rules_copy.as_posix()}/{relative}:{number}: "
    assert str(err.value).replace("\\", "/").startswith(where)
    assert message in str(err.value)
