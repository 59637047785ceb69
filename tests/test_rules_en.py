"""English rules (rules/en/) on a blank pipeline: entities, triggers, status cues, dates,
references and boilerplate, on short sentences. No trained model is needed."""

from __future__ import annotations

import pytest

from tests import lang_rules_helpers as h
from tests.conftest import dv

LANG = "en"


# --- the folder --------------------------------------------------------------------------------


def test_rules_load_on_a_blank_pipeline() -> None:
    h.check_folder(LANG)
    h.check_patterns_run_blank(LANG)


def test_every_state_has_an_english_name() -> None:
    h.check_every_state_named(LANG)


def test_no_spelling_maps_to_two_entities() -> None:
    h.check_no_spelling_maps_to_two_entities(LANG)


def test_every_string_alias_finds_itself() -> None:
    h.check_every_string_alias_finds_itself(LANG)


def test_demonym_words_are_unambiguous() -> None:
    h.check_demonym_words_are_unambiguous(LANG)


def test_date_words_match_the_patterns() -> None:
    h.check_date_vocabulary(LANG, {"months": "January", "weekdays": "Monday"})
    h.check_resolver_reads_the_vocabulary(LANG)


# --- entities ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "ident"),
    [
        ("talks in Moscow ended", "Moscow", "Russia"),
        ("Beijing welcomed it", "Beijing", "China"),
        ("Washington objected", "Washington", "United States"),
        ("Paris and New Delhi", "New Delhi", "India"),
        ("the Kremlin said", "Kremlin", "Russia"),
        ("Tokyo agreed", "Tokyo", "Japan"),
        ("the U.S. and the UK", "U.S.", "United States"),
        ("the U.S. and the UK", "UK", "United Kingdom"),
        ("the US will", "US", "United States"),
        ("the Russian Federation", "Russian Federation", "Russia"),
        ("the People's Republic of China", "People's Republic of China", "China"),
        ("Turkey and Chad", "Turkey", "Turkey"),
        ("the UAE and Saudi Arabia", "UAE", "United Arab Emirates"),
        ("Brussels and Kyiv", "Brussels", "European Union"),
    ],
)
def test_states_and_metonyms(text: str, span: str, ident: str) -> None:
    assert (span, ident) in h.spans(LANG, text, "entities")


@pytest.mark.parametrize("text", ["they told us", "a china cup", "the turkey was roasted"])
def test_common_words_are_not_states(text: str) -> None:
    assert h.spans(LANG, text, "entities") == []


@pytest.mark.parametrize(
    ("text", "span", "ident"),
    [
        ("the Russian space agency Roscosmos", "Russian space agency", "Roscosmos"),
        ("the Chinese space agency", "Chinese space agency", "CNSA"),
        ("the China National Space Administration", "China National Space Administration", "CNSA"),
        ("the French space agency", "French space agency", "CNES"),
        ("the Indian Space Research Organisation", "Indian Space Research Organisation", "ISRO"),
        ("the US space agency", "US space agency", "NASA"),
        ("the Japanese space agency", "Japanese space agency", "JAXA"),
        ("the Russian Federal Space Agency", "Russian Federal Space Agency", "Roscosmos"),
        ("the European Space Agency", "European Space Agency", "ESA"),
        (
            "the International Lunar Research Station",
            "International Lunar Research Station",
            "ILRS",
        ),
        ("the Artemis Accords", "Artemis Accords", "Artemis Accords"),
    ],
)
def test_descriptive_agency_and_programme_mentions(text: str, span: str, ident: str) -> None:
    assert (span, ident) in h.spans(LANG, text, "entities")


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("Russian", "Russia"),
        ("Chinese", "China"),
        ("French", "France"),
        ("American", "United States"),
        ("Indian", "India"),
        ("British", "United Kingdom"),
        ("South Korean", "South Korea"),
        ("North Korean", "North Korea"),
        ("Emirati", "United Arab Emirates"),
    ],
)
def test_demonyms(text: str, ident: str) -> None:
    assert h.spans(LANG, f"the {text} side", "demonyms") == [(text, ident)]


def test_compounds_name_both_sides() -> None:
    for text in ("Sino-Russian talks on a treaty were held", "U.S.-Russian treaty talks were held"):
        found = h.mentions(LANG, text)
        assert len(found) == 1
        keys = {p.key for p in found[0].parties}
        assert "RU" in keys and keys & {"CN", "US"}


# --- triggers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("a memorandum of understanding", "memorandum"),
        ("an MoU on lunar research", "memorandum"),
        ("a letter of intent", "memorandum"),
        ("an agreement on navigation", "agreement"),
        ("a framework agreement", "agreement"),
        ("the accord on Mars", "agreement"),
        ("an implementing arrangement", "agreement"),
        ("a cooperation programme for 2018-2022", "programme"),
        ("a joint program", "programme"),
        ("a protocol on launches", "protocol"),
        ("a contract for training", "contract"),
        ("a joint statement", "joint_statement"),
        ("a joint declaration", "joint_statement"),
        ("a joint communiqué", "joint_statement"),
        ("a treaty on the Moon", "treaty"),
        ("a new partnership", "partnership"),
        ("a roadmap for the station", "other"),
    ],
)
def test_triggers(text: str, instrument: str) -> None:
    assert [i for _, i in h.spans(LANG, text, "triggers", "INSTRUMENT")] == [instrument]


@pytest.mark.parametrize(
    "text",
    [
        "This is in accordance with international law.",
        "He is in agreement with the plan.",
        "It took a great deal of work.",
        "They need to deal with debris.",
        "A strategic partnership was mentioned.",
    ],
)
def test_idioms_hide_triggers(text: str) -> None:
    assert h.spans(LANG, text, "triggers", "INSTRUMENT") == []


# --- status cues -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Russia and China signed an agreement.", "signed"),
        ("Russia and China sign an agreement.", "signed"),
        ("Russia and China inked a deal.", "signed"),
        ("Russia and China concluded an agreement.", "signed"),
        ("Russia and China sealed an agreement.", "signed"),
        ("Russia and China agreed on a roadmap.", "signed"),
        ("Brazil joined the Artemis Accords.", "signed"),
        ("Russia and China adopted a joint statement.", "signed"),
        ("Russia and China will sign an agreement.", "proposed"),
        ("Russia and China plan to sign an agreement.", "proposed"),
        ("Russia and China intend to conclude a treaty.", "proposed"),
        ("The agreement is to be signed in Moscow.", "proposed"),
        ("Russia and China are negotiating an agreement.", "negotiating"),
        ("Negotiations on the agreement continue.", "negotiating"),
        ("Talks on the treaty resumed.", "negotiating"),
        ("A draft agreement was circulated.", "negotiating"),
        ("The agreement could be signed soon.", "negotiating"),
        ("The agreement is expected to be signed in 2022.", "negotiating"),
        ("The agreement has not yet been signed.", "negotiating"),
        ("The agreement entered into force in 2020.", "in_force"),
        ("The agreement is in force.", "in_force"),
        ("The existing agreement covers launches.", "in_force"),
        ("Under the agreement, data has been shared since 2015.", "in_force"),
        ("ESA terminated the agreement.", "terminated"),
        ("The US withdrew from the treaty.", "terminated"),
        ("ESA suspended the agreement.", "terminated"),
        ("The agreement expired last year.", "terminated"),
        ("ESA decided to end its cooperation with Roscosmos.", "terminated"),
    ],
)
def test_status_cues(text: str, status: str) -> None:
    assert h.sentence_status(LANG, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Under the 2014 agreement, Russia supplied engines to the US.", "in_force"),
        ("In accordance with the agreement, NASA provided the instrument.", "in_force"),
        ("Pursuant to the contract, Arianespace launched three satellites.", "in_force"),
        ("The framework agreement between CNES and CSA expires in December 2021.", "in_force"),
        ("The agreement remains valid.", "in_force"),
        ("Under the agreement, NASA will provide a lander.", "signed"),
        ("Under this arrangement, a pressurized rover is stipulated.", "signed"),
        ("The agreement has not yet entered into force.", "signed"),
        ("The treaty is not yet in force.", "signed"),
        ("The agreement will enter into force next year.", None),
        ("ESA could suspend its cooperation with Roscosmos.", None),
        ("Russia threatened to withdraw from the treaty.", None),
        ("The agreement is no longer in force.", "terminated"),
        ("Russia will no longer supply engines to the United States.", "terminated"),
        ("Russia stopped supplying engines to the United States.", "terminated"),
        ("Russia quit the agreement.", "terminated"),
        ("The partnership came to an end in 2020.", "terminated"),
        ("ESA found it impossible to continue the mission with Roscosmos.", "terminated"),
        ("Russia and Japan are working on an agreement.", "negotiating"),
        ("Russia and Japan are about to sign an agreement.", "negotiating"),
        ("The agreement is being negotiated.", "negotiating"),
        ("Their future cooperation agreement will cover navigation.", "proposed"),
        ("The Implementing Arrangement between ISRO and JAXA outlines cooperation terms.", None),
        ("Europe will no longer depend on Russia.", None),
    ],
)
def test_status_of_application_negation_and_ending(text: str, status: str | None) -> None:
    """Done under an agreement (in force, or signed where the sentence looks ahead), an entry
    into force still to come or denied, a threat, a cooperation or supply that stops."""
    assert h.sentence_status(LANG, text) == status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ESA suspended cooperation with Roscosmos.", [("other", "terminated")]),
        (
            "Cooperation between ESA and Roscosmos was suspended in March.",
            [("other", "terminated")],
        ),
        ("ESA announced the suspension of cooperation with Roscosmos.", [("other", "terminated")]),
        ("ESA could suspend its cooperation with Roscosmos.", []),
    ],
)
def test_a_cooperation_that_ends_is_a_terminated_agreement(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.instrument, m.status) for m in h.mentions(LANG, text)] == expected


def test_the_latest_stage_wins_across_a_sentence() -> None:
    text = "After months of negotiations, Russia and China signed the agreement."
    assert h.sentence_status(LANG, text) == "signed"
    assert [m.status for m in h.mentions(LANG, text)] == ["signed"]


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Russia and China signed an agreement on Tuesday.", "2022-07-13", "2022-07-12"),
        ("Russia and China signed an agreement on Monday.", "2021-03-11", "2021-03-08"),
        ("Russia and China signed an agreement last Friday.", "2021-03-11", "2021-03-05"),
        ("Russia and China signed an agreement yesterday.", "2021-03-11", "2021-03-10"),
        ("Russia and China signed an agreement on 9 March 2021.", None, "2021-03-09"),
        ("Russia and China signed an agreement on Saturday 10 March.", "2018-03-10", "2018-03-10"),
        ("Russia and China signed an agreement in May 2015.", None, "2015-05"),
        ("Russia and China signed an agreement in 1964.", None, "1964"),
        ("Russia and China will sign an agreement next year.", "2021-03-11", "2022"),
        ("Russia and China signed an agreement last month.", "2021-03-11", "2021-02"),
        ("Russia and China will sign an agreement by the end of August 2019.", None, "2019-08"),
    ],
)
def test_dates_resolve(text: str, published: str | None, expected: str) -> None:
    value = h.first_date(LANG, text, dv(published) if published else None)
    assert value == dv(expected)


def test_month_day_dates_resolve_to_the_day() -> None:
    text = "Russia and China signed an agreement on March 9, 2021."
    assert h.first_date(LANG, text, None) == dv("2021-03-09")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("a cooperation programme for 2018-2022", "2018", "2022"),
        ("a cooperation programme for 2018–2022", "2018", "2022"),
        ("an agreement from 2023 to 2027", "2023", "2027"),
        ("an agreement between 2023 and 2027", "2023", "2027"),
        ("an agreement valid until 2027", None, "2027"),
    ],
)
def test_periods(text: str, start: str | None, end: str | None) -> None:
    parsed = h.doc(LANG, text)  # the spans live as long as their Doc
    periods = [s for s in parsed.spans["dates"] if s.label_ == "PERIOD"]
    assert len(periods) == 1
    period = h.resolver(LANG).resolve_period(periods[0].text)
    assert period is not None and (period.start, period.end) == (start, end)


# --- references and parties --------------------------------------------------------------------


def test_coordinated_parties_make_one_mention() -> None:
    found = h.mentions(LANG, "Russia and China signed an agreement on lunar exploration.")
    assert len(found) == 1
    assert h.party_ids(found[0]) == {"Russia", "China"}
    assert found[0].instrument == "agreement"
    assert found[0].scope == ["lunar_exploration"]


def test_metonyms_are_parties() -> None:
    found = h.mentions(LANG, "Moscow and Beijing signed a memorandum.")
    assert [h.party_ids(m) for m in found] == [{"Russia", "China"}]


def test_a_place_after_a_preposition_is_no_party() -> None:
    found = h.mentions(LANG, "Roscosmos and NASA signed a protocol in Paris.")
    assert [h.party_ids(m) for m in found] == [{"Roscosmos", "NASA"}]


def test_the_two_countries_come_from_context() -> None:
    assert ("the two countries", "state") in h.spans(LANG, "the two countries", "references")
    text = "India and France met in New Delhi. The two countries signed a treaty."
    found = h.mentions(LANG, text)
    assert [h.party_ids(m) for m in found] == [{"India", "France"}]


def test_agencies_named_by_demonyms_before_their_head() -> None:
    found = h.mentions(LANG, "The Russian and Chinese space agencies signed a memorandum.")
    assert [h.party_ids(m) for m in found] == [{"Roscosmos", "CNSA"}]


def test_two_heads_each_with_its_demonym() -> None:
    text = "Indian Prime Minister and French President adopted a joint statement."
    assert [h.party_ids(m) for m in h.mentions(LANG, text)] == [{"India", "France"}]


def test_between_names_the_parties() -> None:
    text = "A contract was signed between Glavkosmos and ISRO to train astronauts."
    found = h.mentions(LANG, text)
    assert [h.party_ids(m) for m in found] == [{"Glavkosmos", "ISRO"}]


def test_intergovernmental_makes_states() -> None:
    text = "NASA and JAXA signed an intergovernmental agreement."
    assert [h.party_ids(m) for m in h.mentions(LANG, text)] == [{"United States", "Japan"}]


# --- boilerplate -------------------------------------------------------------------------------


def test_boilerplate_lines_are_masked() -> None:
    lines = [
        "By continuing to browse this site, you agree to our use of cookies.",
        "Follow us on Twitter",
        "Share this article",
        "Subscribe to our newsletter",
        "© 2021 Reuters. All rights reserved.",
        "Image credit: NASA/JPL",
        "Also read: Russia and China sign a lunar pact",
        "Russia and China signed an agreement on Tuesday.",
    ]
    masked = h.masked_rules(LANG, lines)
    assert all(masked[:-1]), list(zip(lines, masked, strict=True))
    assert masked[-1] is None


# --- ways of naming an agreement without its usual nouns ---------------------------------------


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("ISRO and CNES are finalising an arrangement of implementation.", "agreement"),
        ("They signed an implementation arrangement.", "agreement"),
        ("An exchange of letters completed the framework.", "other"),
        ("The two ministers signed on Friday a declaration on navigation.", "joint_statement"),
        ("They signed a declaration of intent.", "memorandum"),
        ("Eutelsat ordered two satellites from Airbus.", "contract"),
        ("OneWeb placed an order for 36 satellites.", "contract"),
        ("A declaration of cooperation between the two countries.", "joint_statement"),
    ],
)
def test_other_ways_of_naming_an_agreement(text: str, instrument: str) -> None:
    assert [i for _, i in h.spans(LANG, text, "triggers", "INSTRUMENT")] == [instrument]


@pytest.mark.parametrize(
    "text",
    [
        "The technical arrangements for the launch are ready.",
        "In a declaration, the minister welcomed the launch.",
        "He came in order to see 2 satellites launched.",
        "The satellites were ordered by size.",
    ],
)
def test_their_look_alikes_name_none(text: str) -> None:
    assert h.spans(LANG, text, "triggers", "INSTRUMENT") == []
