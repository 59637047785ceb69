"""German rules (rules/de/) on spacy.blank("de"): fast, no trained model."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from coopextract.models import Period
from coopextract.reading.dates import DateResolver, normalise
from coopextract.rule_files import RuleSet, default_rules_dir
from tests import lang_rules_helpers as h
from tests.conftest import dv
from tests.lang_rules_helpers import only_mention, parties, span_ids

LANG = "de"


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


def test_every_state_has_a_german_name() -> None:
    h.check_every_state_named(LANG)


def test_no_spelling_maps_to_two_entities() -> None:
    h.check_no_spelling_maps_to_two_entities(LANG)


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("Russland und China unterzeichneten eine Absichtserklärung.", "memorandum"),
        ("Russland und China unterzeichneten ein Memorandum of Understanding.", "memorandum"),
        ("Russland und China unterzeichneten ein Kooperationsabkommen.", "agreement"),
        ("Russland und China unterzeichneten ein Rahmenabkommen.", "agreement"),
        ("Russland und China unterzeichneten eine Vereinbarung.", "agreement"),
        ("Russland und China unterzeichneten einen Vertrag.", "agreement"),
        ("Russland und China unterzeichneten einen Staatsvertrag.", "treaty"),
        ("Russland und China unterzeichneten ein Kooperationsprogramm.", "programme"),
        ("Russland und China unterzeichneten ein Protokoll.", "protocol"),
        ("Roskosmos und Arianespace unterzeichneten einen Startvertrag.", "contract"),
        ("Roskosmos und Arianespace unterzeichneten einen Auftrag.", "contract"),
        ("Russland und China unterzeichneten eine gemeinsame Erklärung.", "joint_statement"),
        ("Russland und China unterzeichneten eine Partnerschaft.", "partnership"),
        ("Russland und China unterzeichneten einen Fahrplan.", "other"),
    ],
)
def test_triggers(nlp: Language, text: str, instrument: str) -> None:
    assert only_mention(nlp, text).instrument == instrument


def test_idioms_hide_instrument_words(nlp: Language) -> None:
    doc = nlp("Russland und China vereinbarten eine strategische Partnerschaft.")
    assert [t.label_ for t in doc.spans["triggers"]] == ["IDIOM"]
    assert doc._.agreement_mentions == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Russland und China haben ein Abkommen unterzeichnet.", "signed"),
        ("Russland und China unterzeichneten ein Abkommen.", "signed"),
        ("Russland und China unterschrieben ein Abkommen.", "signed"),
        ("Russland und China haben ein Abkommen vereinbart.", "signed"),
        ("Russland und China haben ein Abkommen geschlossen.", "signed"),
        ("Russland und China haben sich auf ein Abkommen geeinigt.", "signed"),
        ("Russland und China wollen ein Abkommen unterzeichnen.", "proposed"),
        ("Russland und China werden im Herbst ein Abkommen unterzeichnen.", "proposed"),
        ("Russland und China planen, ein Abkommen zu unterzeichnen.", "proposed"),
        ("Das Abkommen zwischen Russland und China wird am Freitag unterzeichnet.", "proposed"),
        ("Russland und China verhandeln über ein Abkommen.", "negotiating"),
        (
            "Die Verhandlungen über ein Abkommen zwischen Russland und China dauern an.",
            "negotiating",
        ),
        ("Russland und China arbeiten an einem Entwurf des Abkommens.", "negotiating"),
        (
            "Das Abkommen zwischen Russland und China soll im Mai unterzeichnet werden.",
            "negotiating",
        ),
        (
            "Das Abkommen zwischen Russland und China könnte bald unterzeichnet werden.",
            "negotiating",
        ),
        ("Das Abkommen zwischen Russland und China ist noch nicht unterzeichnet.", "negotiating"),
        ("Das Abkommen zwischen Russland und China ist in Kraft getreten.", "in_force"),
        ("Das Abkommen zwischen Russland und China ist in Kraft.", "in_force"),
        ("Russland hat das Abkommen mit China gekündigt.", "terminated"),
        ("Russland ist aus dem Abkommen mit China ausgestiegen.", "terminated"),
        ("Russland hat das Abkommen mit China ausgesetzt.", "terminated"),
    ],
)
def test_status_cues(nlp: Language, text: str, status: str) -> None:
    assert only_mention(nlp, text).status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Im Rahmen des bilateralen Abkommens lieferte Russland Triebwerke.", "in_force"),
        ("Gemäß dem Vertrag betreibt das DLR die Station.", "in_force"),
        ("Die Zusammenarbeit beruht auf einem Abkommen von 1997.", "in_force"),
        ("Das Abkommen gilt bis 2030.", "in_force"),
        ("Das Rahmenabkommen läuft Ende 2021 aus.", "in_force"),
        ("Im Rahmen des Abkommens wird Russland Triebwerke liefern.", "signed"),
        ("Das Abkommen ist noch nicht in Kraft getreten.", "signed"),
        ("Das Abkommen soll 2025 in Kraft treten.", None),
        ("Die ESA könnte die Zusammenarbeit mit Roskosmos beenden.", None),
        ("Das Abkommen ist nicht mehr in Kraft.", "terminated"),
        ("Russland liefert keine Triebwerke mehr an die USA.", "terminated"),
        ("Russland wird keine Triebwerke mehr liefern.", "terminated"),
        ("Die ESA setzt die Zusammenarbeit mit Roskosmos aus.", "terminated"),
        ("Russland kündigte den Vertrag.", "terminated"),
        ("Die ESA verkündete das Ende der Zusammenarbeit mit Roskosmos.", "terminated"),
        ("Roskosmos kündigte an, die Station weiter zu betreiben.", None),
        ("Die Delegation setzt sich aus Vertretern der NASA zusammen.", None),
        ("Das DLR setzt Satelliten aus Russland ein.", None),
        ("Deutschland und Japan arbeiten an einem neuen Abkommen.", "negotiating"),
        ("Das Abkommen steht kurz vor der Unterzeichnung.", "negotiating"),
    ],
)
def test_status_of_application_negation_and_ending(text: str, status: str | None) -> None:
    """Done under an agreement (in force, or signed where the sentence looks ahead), an entry
    into force still to come or denied, a threat, a cooperation or supply that stops."""
    assert h.sentence_status(LANG, text) == status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die ESA setzt die Zusammenarbeit mit Roskosmos aus.", [("other", "terminated")]),
        (
            "Die Zusammenarbeit zwischen DLR und Roskosmos wurde ausgesetzt.",
            [("other", "terminated")],
        ),
    ],
)
def test_a_cooperation_that_ends_is_a_terminated_agreement(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.instrument, m.status) for m in h.mentions(LANG, text)] == expected


def test_coordinated_parties_give_one_mention_with_both(nlp: Language) -> None:
    mention = only_mention(nlp, "Russland und China haben ein Abkommen unterzeichnet.")
    assert [p.entry.id for p in mention.parties] == ["Russia", "China"]
    assert mention.status == "signed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moskau und Peking unterzeichneten ein Abkommen.", ["Russia", "China"]),
        ("Der Kreml und das Weiße Haus unterzeichneten ein Abkommen.", ["Russia", "United States"]),
        ("Russlands und Chinas Vertreter unterzeichneten ein Abkommen.", ["Russia", "China"]),
        ("Die Vereinigten Staaten und die USA.", ["United States"]),
    ],
)
def test_names_metonyms_and_genitives(
    nlp: Language, rule_set: RuleSet, text: str, expected: list[str]
) -> None:
    assert parties(nlp, rule_set, text) == expected


def test_a_place_after_a_locative_is_no_party(nlp: Language, rule_set: RuleSet) -> None:
    assert parties(nlp, rule_set, "Roskosmos unterzeichnete in Moskau ein Abkommen.") == [
        "Roscosmos"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("die russische Raumfahrtbehörde", "Roscosmos"),
        ("der russischen Raumfahrtbehörde", "Roscosmos"),
        ("Chinas nationale Raumfahrtbehörde", "CNSA"),
        ("die Raumfahrtbehörde Chinas", "CNSA"),
        ("die Europäische Weltraumorganisation", "ESA"),
        ("im Deutschen Zentrum für Luft- und Raumfahrt", "DLR"),
        ("Deutsches Zentrum für Luft- und Raumfahrt", "DLR"),
        ("die US-Raumfahrtbehörde", "NASA"),
        ("Roskosmos-Chef Juri Borissow", "Roscosmos"),
        ("die Staatskorporation Roskosmos", "Roscosmos"),
    ],
)
def test_descriptive_agency_mentions(nlp: Language, text: str, expected: str) -> None:
    assert span_ids(nlp, text, "entities") == [expected]


def test_demonyms_before_an_agency_head_become_agencies(nlp: Language, rule_set: RuleSet) -> None:
    text = "Die russische und die chinesische Raumfahrtbehörde unterzeichneten ein Abkommen."
    assert parties(nlp, rule_set, text) == ["Roscosmos", "CNSA"]


def test_compound_demonyms_name_both_states(nlp: Language) -> None:
    mention = only_mention(nlp, "Der deutsch-französische Vertrag wurde unterzeichnet.")
    assert [p.entry.id for p in mention.parties] == ["Germany", "France"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Internationale Mondforschungsstation", "ILRS"),
        ("der Internationalen Raumstation", "ISS"),
        ("das Artemis-Abkommen", "Artemis Accords"),
        ("das Weltraum-Abkommen „Artemis“", "Artemis Accords"),
    ],
)
def test_missions_and_programmes(nlp: Language, text: str, expected: str) -> None:
    assert expected in span_ids(nlp, text, "entities")


def test_the_two_countries_take_the_parties_of_the_sentence_before(nlp: Language) -> None:
    doc = nlp(
        "Russland und China bauen eine Mondstation. "
        "Die beiden Länder haben ein Abkommen unterzeichnet."
    )
    [mention] = doc._.agreement_mentions
    assert {p.entry.id for p in mention.parties} == {"Russia", "China"}
    assert mention.party_source == "pair"


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Mondmission", "lunar_exploration"),
        ("Marsmission", "deep_space"),
        ("Raumstation", "space_station"),
        ("Astronauten", "human_spaceflight"),
        ("Satellitennavigation", "satellite_navigation"),
        ("Erdbeobachtungssatelliten", "earth_observation"),
        ("Satellitenkommunikation", "satellite_communications"),
        ("Trägerraketen", "launch_services"),
        ("Astrophysik", "space_science"),
        ("Weltraummedizin", "life_sciences"),
        ("Werkstoffe", "components_materials"),
        ("Bodenstation", "ground_infrastructure"),
        ("Raumfahrttechnologien", "space_technology"),
        ("Satellitendaten", "data_sharing"),
        ("Landwirtschaft", "non_space"),
    ],
)
def test_scope_keywords(nlp: Language, text: str, scope: str) -> None:
    assert span_ids(nlp, text, "scope") == [scope]


def test_soldiers_and_candidates_are_no_data(nlp: Language) -> None:
    assert span_ids(nlp, "Soldaten und Kandidaten", "scope") == []


# --- dates -------------------------------------------------------------------------------

PUBLISHED = dv("2021-03-11")  # a Thursday


def date_spans(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_) for s in doc.spans.get("dates", [])]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("am Mittwoch", "2021-03-10"),
        ("am Donnerstag", "2021-03-11"),
        ("am vergangenen Montag", "2021-03-08"),
        ("am kommenden Freitag", "2021-03-12"),
        ("gestern", "2021-03-10"),
        ("heute", "2021-03-11"),
        ("im nächsten Jahr", "2022"),
        ("im vergangenen Jahr", "2020"),
        ("im März", "2021-03"),
        ("im Jahr 2019", "2019"),
        ("Ende 2025", "2025"),
        ("am 15.09.2023", "2023-09-15"),
    ],
)
def test_dates_are_found_and_resolved(
    nlp: Language, resolver: DateResolver, text: str, value: str
) -> None:
    [(found, label)] = date_spans(nlp, f"Das Abkommen wurde {text} unterzeichnet.")
    assert (found, label) == (text, "DATE")
    assert resolver.resolve(found, PUBLISHED) == dv(value)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("für den Zeitraum 2018-2022", "2018", "2022"),
        ("2018–2022", "2018", "2022"),
        ("bis 2027", None, "2027"),
        ("bis zum Jahr 2030", None, "2030"),
        ("ab 2023", "2023", None),
        ("zwischen 2018 und 2022", "2018", "2022"),
    ],
)
def test_periods(
    nlp: Language, resolver: DateResolver, text: str, start: str | None, end: str | None
) -> None:
    [(found, label)] = date_spans(nlp, f"Das Abkommen gilt {text}.")
    assert label == "PERIOD"
    assert resolver.resolve_period(found) == Period(start=start, end=end)


def test_a_year_that_ends_a_sentence_is_still_a_date(nlp: Language) -> None:
    # German's tokenizer keeps "2022." together (an ordinal reading)
    spans = date_spans(nlp, "Es wurde im Jahr 2022. Dann kam 2023.")
    assert [(text.rstrip("."), label) for text, label in spans] == [("im Jahr 2022", "DATE")]


def test_a_day_with_its_ordinal_dot(resolver: DateResolver) -> None:
    assert resolver.resolve("am 9. März 2021", None) == dv("2021-03-09")


def test_a_period_from_to(resolver: DateResolver) -> None:
    assert resolver.resolve_period("von 2023 bis 2027") == Period(start="2023", end="2027")


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
        "Diese Website verwendet Cookies.",
        "Folgen Sie uns auf Telegram",
        "© 2023 Spiegel. Alle Rechte vorbehalten.",
        "Foto: dpa/Michael Kappeler",
        "Lesen Sie auch: Russland startet Mondsonde",
    ):
        assert masked(line), line
    assert not masked("Die Raumfahrtbehörden wollen Cookies backen und ein Abkommen unterzeichnen.")


# --- ways of naming an agreement without its usual nouns ---------------------------------------


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("Sie unterzeichneten am Freitag eine Erklärung über die Navigation.", "joint_statement"),
        ("Ein Briefwechsel ergänzte den Rahmen.", "other"),
        ("Die Firma bestellte zwei Satelliten bei Airbus.", "contract"),
        ("Eutelsat hat vier Satelliten bei Airbus bestellt.", "contract"),
        ("Eine Kooperationserklärung ergänzte den Rahmen.", "joint_statement"),
    ],
)
def test_other_ways_of_naming_an_agreement(text: str, instrument: str) -> None:
    assert [i for _, i in h.spans(LANG, text, "triggers", "INSTRUMENT")] == [instrument]


@pytest.mark.parametrize(
    "text",
    [
        "In einer Erklärung begrüßte der Minister den Start.",
        "Die Satelliten sind bestellt worden, sagte er.",
    ],
)
def test_their_look_alikes_name_none(text: str) -> None:
    assert h.spans(LANG, text, "triggers", "INSTRUMENT") == []
