"""Italian rules (rules/it/) on spacy.blank("it"): fast, no trained model."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from coopextract.models import Period
from coopextract.pipeline.parties import sentence_mentions
from coopextract.reading.dates import DateResolver, normalise
from coopextract.rule_files import RuleSet, default_rules_dir, load_rules
from tests import lang_rules_helpers as h
from tests.conftest import dv
from tests.lang_rules_helpers import only_mention, parties, span_ids

LANG = "it"


@pytest.fixture(scope="module")
def rule_set() -> RuleSet:
    return h.rules(LANG)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return h.pipeline(LANG)


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return h.resolver(LANG)


def test_rules_load_without_a_trained_model() -> None:
    h.check_folder(LANG)


def test_every_state_has_an_italian_name() -> None:
    h.check_every_state_named(LANG)


def test_no_spelling_maps_to_two_entities() -> None:
    h.check_no_spelling_maps_to_two_entities(LANG)


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("Russia e Cina hanno firmato un memorandum d'intesa.", "memorandum"),
        ("Russia e Cina hanno firmato un protocollo d'intesa.", "memorandum"),
        ("Russia e Cina hanno firmato una lettera d'intenti.", "memorandum"),
        ("Russia e Cina hanno firmato un accordo.", "agreement"),
        ("Russia e Cina hanno firmato un accordo quadro.", "agreement"),
        ("Russia e Cina hanno firmato una convenzione.", "agreement"),
        ("Russia e Cina hanno firmato un programma di cooperazione.", "programme"),
        ("Russia e Cina hanno firmato un protocollo.", "protocol"),
        ("Roscosmos e Arianespace hanno firmato un contratto.", "contract"),
        ("Russia e Cina hanno firmato una dichiarazione congiunta.", "joint_statement"),
        ("Russia e Cina hanno firmato un comunicato congiunto.", "joint_statement"),
        ("Russia e Cina hanno firmato un trattato.", "treaty"),
        ("Russia e Cina hanno firmato un partenariato.", "partnership"),
        ("Russia e Cina hanno firmato una tabella di marcia.", "other"),
    ],
)
def test_triggers(nlp: Language, text: str, instrument: str) -> None:
    assert only_mention(nlp, text).instrument == instrument


@pytest.mark.parametrize(
    "text",
    [
        "La Russia è d'accordo con la Cina.",
        "La Russia agisce in accordo con la Cina.",
        "Russia e Cina hanno deciso di comune accordo.",
        "Russia e Cina firmano un partenariato strategico.",
    ],
)
def test_idioms_hide_instrument_words(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert {t.label_ for t in doc.spans["triggers"]} == {"IDIOM"}
    assert doc._.agreement_mentions == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Russia e Cina hanno firmato un accordo.", "signed"),
        ("Russia e Cina firmarono un accordo.", "signed"),
        ("Russia e Cina hanno sottoscritto un accordo.", "signed"),
        ("Russia e Cina hanno siglato un accordo.", "signed"),
        ("Russia e Cina hanno raggiunto un accordo.", "signed"),
        ("Russia e Cina firmeranno un accordo.", "proposed"),
        ("Russia e Cina intendono firmare un accordo.", "proposed"),
        ("L'accordo tra Russia e Cina sarà firmato a maggio.", "proposed"),
        ("Russia e Cina potrebbero collaborare con un accordo.", "proposed"),
        ("Russia e Cina hanno avviato negoziati per un accordo.", "negotiating"),
        ("Russia e Cina preparano una bozza di accordo.", "negotiating"),
        ("L'accordo tra Russia e Cina potrebbe essere firmato a maggio.", "negotiating"),
        ("L'accordo tra Russia e Cina dovrebbe essere firmato a maggio.", "negotiating"),
        ("L'accordo tra Russia e Cina non è ancora stato firmato.", "negotiating"),
        ("L'accordo tra Russia e Cina è entrato in vigore.", "in_force"),
        ("L'accordo tra Russia e Cina è in vigore.", "in_force"),
        ("La Russia ha sospeso l'accordo con la Cina.", "terminated"),
        ("La Russia si è ritirata dall'accordo con la Cina.", "terminated"),
    ],
)
def test_status_cues(nlp: Language, text: str, status: str) -> None:
    assert only_mention(nlp, text).status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("In base all'accordo firmato nel 2014, la Russia ha fornito motori.", "in_force"),
        ("Ai sensi dell'accordo, l'ASI ha fornito lo strumento.", "in_force"),
        ("Come previsto dall'accordo, la NASA ha lanciato il satellite.", "in_force"),
        ("L'accordo resta valido.", "in_force"),
        ("L'accordo scade nel 2025.", "in_force"),
        ("In base all'accordo, la Russia fornirà motori.", "signed"),
        ("L'accordo non è ancora entrato in vigore.", "signed"),
        ("L'accordo entrerà in vigore l'anno prossimo.", None),
        ("L'ESA potrebbe sospendere la cooperazione con Roscosmos.", None),
        ("L'accordo non è più in vigore.", "terminated"),
        ("La Russia non fornirà più motori agli Stati Uniti.", "terminated"),
        ("La Russia ha smesso di fornire motori.", "terminated"),
        ("L'ESA ha annunciato lo stop alla cooperazione con Roscosmos.", "terminated"),
        ("L'ESA decide di sospendere la cooperazione con Roscosmos.", "terminated"),
        (
            "L'Italia e gli Stati Uniti stanno lavorando a un accordo intergovernativo.",
            "negotiating",
        ),
        ("L'accordo è in via di definizione.", "negotiating"),
        ("Le due agenzie sono sul punto di firmare un accordo.", "negotiating"),
        ("Il futuro accordo coprirà la navigazione.", "proposed"),
    ],
)
def test_status_of_application_negation_and_ending(text: str, status: str | None) -> None:
    """Done under an agreement (in force, or signed where the sentence looks ahead), an entry
    into force still to come or denied, a threat, a cooperation or supply that stops."""
    assert h.sentence_status(LANG, text) == status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'ESA ha sospeso la cooperazione con Roscosmos.", [("other", "terminated")]),
        ("La cooperazione tra ESA e Roscosmos è stata sospesa.", [("other", "terminated")]),
        ("L'ESA potrebbe sospendere la cooperazione con Roscosmos.", []),
    ],
)
def test_a_cooperation_that_ends_is_a_terminated_agreement(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.instrument, m.status) for m in h.mentions(LANG, text)] == expected


def test_coordinated_parties_give_one_mention_with_both(nlp: Language) -> None:
    mention = only_mention(nlp, "Russia e Cina hanno firmato un accordo.")
    assert [p.entry.id for p in mention.parties] == ["Russia", "China"]
    assert mention.status == "signed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mosca e Pechino hanno firmato un accordo.", ["Russia", "China"]),
        ("Il Cremlino e la Casa Bianca hanno firmato un accordo.", ["Russia", "United States"]),
        ("Gli Stati Uniti e gli Usa.", ["United States"]),
        ("La Farnesina e Palazzo Chigi.", ["Italy"]),
    ],
)
def test_names_and_metonyms(
    nlp: Language, rule_set: RuleSet, text: str, expected: list[str]
) -> None:
    assert parties(nlp, rule_set, text) == expected


def test_a_fly_is_no_moscow(nlp: Language) -> None:
    assert span_ids(nlp, "una mosca", "entities") == []


def test_a_place_after_a_locative_is_no_party(nlp: Language, rule_set: RuleSet) -> None:
    assert parties(nlp, rule_set, "Roscosmos ha firmato a Mosca un accordo.") == ["Roscosmos"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'agenzia spaziale russa", "Roscosmos"),
        ("l'Agenzia spaziale nazionale cinese", "CNSA"),
        ("l'Amministrazione spaziale nazionale cinese", "CNSA"),
        ("l'agenzia spaziale della Cina", "CNSA"),
        ("l'Agenzia Spaziale Italiana", "ASI"),
        ("l'Agenzia spaziale europea", "ESA"),
        ("il Centro aerospaziale tedesco", "DLR"),
    ],
)
def test_descriptive_agency_mentions(nlp: Language, text: str, expected: str) -> None:
    assert span_ids(nlp, text, "entities") == [expected]


def test_demonyms_after_an_agency_head_become_agencies(nlp: Language, rule_set: RuleSet) -> None:
    text = "Le agenzie spaziali russa e cinese hanno firmato un accordo."
    assert parties(nlp, rule_set, text) == ["Roscosmos", "CNSA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La cooperazione russo-cinese è stata firmata.", ["Russia", "China"]),
        ("La dichiarazione Italia-Usa è stata firmata.", ["Italy", "United States"]),
    ],
)
def test_compounds_name_both_states(nlp: Language, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    sent = next(iter(doc.sents))
    found = sentence_mentions(doc, sent, load_rules(None, LANG).catalog, demonym_forms_of(nlp))
    assert [p.entry.id for p in found] == expected


def demonym_forms_of(nlp: Language) -> dict[str, str]:
    return nlp.get_pipe("coop_agreements").forms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("la Stazione internazionale di ricerca lunare", "ILRS"),
        ("la Stazione spaziale internazionale", "ISS"),
        ("gli accordi Artemis", "Artemis Accords"),
    ],
)
def test_missions_and_programmes(nlp: Language, text: str, expected: str) -> None:
    assert expected in span_ids(nlp, text, "entities")


@pytest.mark.parametrize("pair", ["I due paesi", "Entrambi i paesi", "Le due parti"])
def test_the_two_countries_take_the_parties_of_the_sentence_before(
    nlp: Language, pair: str
) -> None:
    doc = nlp(f"Russia e Cina costruiscono una base lunare. {pair} hanno firmato un accordo.")
    [mention] = doc._.agreement_mentions
    assert {p.entry.id for p in mention.parties} == {"Russia", "China"}
    assert mention.party_source == "pair"


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("esplorazione lunare", "lunar_exploration"),
        ("missione su Marte", "deep_space"),
        ("stazione spaziale", "space_station"),
        ("gli astronauti", "human_spaceflight"),
        ("navigazione satellitare", "satellite_navigation"),
        ("osservazione della Terra", "earth_observation"),
        ("telecomunicazioni", "satellite_communications"),
        ("lanciatori", "launch_services"),
        ("astrofisica", "space_science"),
        ("biologia", "life_sciences"),
        ("materiali", "components_materials"),
        ("stazioni di terra", "ground_infrastructure"),
        ("tecnologie spaziali", "space_technology"),
        ("dati", "data_sharing"),
        ("agricoltura", "non_space"),
    ],
)
def test_scope_keywords(nlp: Language, text: str, scope: str) -> None:
    assert scope in span_ids(nlp, text, "scope")


# --- dates -------------------------------------------------------------------------------

PUBLISHED = dv("2021-03-11")  # a Thursday


def date_spans(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_) for s in doc.spans.get("dates", [])]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mercoledì", "2021-03-10"),
        ("mercoledi", "2021-03-10"),
        ("giovedì", "2021-03-11"),
        ("lunedì scorso", "2021-03-08"),
        ("venerdì prossimo", "2021-03-12"),
        ("ieri", "2021-03-10"),
        ("oggi", "2021-03-11"),
        ("il 9 marzo 2021", "2021-03-09"),
        ("il 25 settembre scorso", "2020-09-25"),
        ("nel marzo 2019", "2019-03"),
        ("nel 2019", "2019"),
        ("l'anno prossimo", "2022"),
        ("lo scorso anno", "2020"),
        ("entro il 2024", "2024"),
    ],
)
def test_dates_are_found_and_resolved(
    nlp: Language, resolver: DateResolver, text: str, value: str
) -> None:
    [(found, label)] = date_spans(nlp, f"L'accordo è stato firmato {text} a Roma.")
    assert (found, label) == (text, "DATE")
    assert resolver.resolve(found, PUBLISHED) == dv(value)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("per il periodo 2018-2022", "2018", "2022"),
        ("dal 2023 al 2027", "2023", "2027"),
        ("fino al 2027", None, "2027"),
        ("a partire dal 2023", "2023", None),
        ("tra il 2018 e il 2022", "2018", "2022"),
    ],
)
def test_periods(
    nlp: Language, resolver: DateResolver, text: str, start: str | None, end: str | None
) -> None:
    [(found, label)] = date_spans(nlp, f"L'accordo vale {text}.")
    assert (found, label) == (text, "PERIOD")
    assert resolver.resolve_period(found) == Period(start=start, end=end)


def test_a_day_with_its_ordinal_sign(resolver: DateResolver) -> None:
    assert resolver.resolve("il 1º marzo 2021", None) == dv("2021-03-01")


def test_pattern_words_match_the_vocabulary() -> None:
    """Month and weekday names live in two files (patterns and resolver): keep them in step."""
    folder = default_rules_dir() / LANG
    words = json.loads((folder / "date_words.json").read_text(encoding="utf-8"))
    listed: set[str] = set()
    for line in (folder / "dates.jsonl").read_text(encoding="utf-8").splitlines():
        for token in json.loads(line)["pattern"]:
            values = token.get("LOWER")
            if isinstance(values, dict) and "IN" in values:
                listed |= {normalise(v).rstrip(".") for v in values["IN"]}
    for kind in ("months", "weekdays"):
        assert {normalise(w) for w in words[kind]} <= listed, kind


def test_boilerplate_lines(rule_set: RuleSet) -> None:
    def masked(line: str) -> bool:
        return any(r.regex.search(line.strip()) for r in rule_set.boilerplate)

    for line in (
        "Questo sito utilizza i cookie per migliorare l'esperienza.",
        "Seguici su Telegram",
        "© Agenzia Nova - Riproduzione riservata",
        "Tutti i diritti riservati.",
        "Foto: Ansa",
        "Leggi anche: la Cina lancia una sonda",
    ):
        assert masked(line), line
    assert not masked("Le agenzie hanno firmato un accordo sui cookie spaziali a Roma.")


# --- ways of naming an agreement without its usual nouns ---------------------------------------


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("Hanno firmato una dichiarazione sulla cooperazione.", "joint_statement"),
        ("Hanno firmato una dichiarazione d'intenti.", "memorandum"),
        ("Uno scambio di lettere tra i governi.", "other"),
        ("La società ha ordinato due satelliti a Thales.", "contract"),
        ("Una dichiarazione di cooperazione tra i due Paesi.", "joint_statement"),
        ("Thales si è aggiudicata l'ordine di due satelliti.", "contract"),
    ],
)
def test_other_ways_of_naming_an_agreement(text: str, instrument: str) -> None:
    assert [i for _, i in h.spans(LANG, text, "triggers", "INSTRUMENT")] == [instrument]


@pytest.mark.parametrize(
    "text",
    [
        "In una dichiarazione, il ministro ha salutato il lancio.",
        "I dati sono ordinati in due tabelle.",
    ],
)
def test_their_look_alikes_name_none(text: str) -> None:
    assert h.spans(LANG, text, "triggers", "INSTRUMENT") == []
