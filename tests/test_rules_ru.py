"""Russian rules (rules/ru/) on spacy.blank("ru"): fast, no trained model (no pymorphy3 needed)."""

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

LANG = "ru"


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


def test_every_state_has_a_russian_name() -> None:
    h.check_every_state_named(LANG)


def test_no_spelling_maps_to_two_entities() -> None:
    h.check_no_spelling_maps_to_two_entities(LANG)


def test_blank_russian_tokenizer_splits_quotes_and_letter_hyphens(nlp: Language) -> None:
    doc = nlp("Госкорпорация «Роскосмос», российско-китайский, Луна-25")
    assert [t.text for t in doc] == [
        "Госкорпорация",
        "«",
        "Роскосмос",
        "»",
        ",",
        "российско",
        "-",
        "китайский",
        ",",
        "Луна-25",
    ]


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("Россия и Китай подписали меморандум.", "memorandum"),
        ("Россия и Китай подписали меморандум о взаимопонимании.", "memorandum"),
        ("Россия и Китай подписали соглашение о намерениях.", "memorandum"),
        ("Россия и Китай подписали соглашение.", "agreement"),
        ("Россия и Китай подписали рамочное соглашение.", "agreement"),
        ("Россия и Китай подписали договор.", "agreement"),
        ("Россия и Китай подписали международный договор.", "treaty"),
        ("Россия и Китай подписали программу сотрудничества.", "programme"),
        ("Россия и Китай подписали протокол.", "protocol"),
        ("Роскосмос и Arianespace подписали контракт.", "contract"),
        ("Россия и Китай подписали совместное заявление.", "joint_statement"),
        ("Россия и Китай подписали совместное коммюнике.", "joint_statement"),
        ("Россия и Китай подписали соглашение о партнерстве.", "agreement"),
        ("Россия и Китай подписали дорожную карту.", "other"),
    ],
)
def test_triggers(nlp: Language, text: str, instrument: str) -> None:
    assert only_mention(nlp, text).instrument == instrument


def test_idioms_hide_instrument_words(nlp: Language) -> None:
    doc = nlp("Россия и Китай развивают всеобъемлющее стратегическое партнерство.")
    assert {t.label_ for t in doc.spans["triggers"]} == {"IDIOM"}
    assert doc._.agreement_mentions == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Россия и Китай подписали соглашение.", "signed"),
        ("Соглашение между Россией и Китаем подписано.", "signed"),
        ("Россия и Китай заключили соглашение.", "signed"),
        ("Россия и Китай договорились о соглашении.", "signed"),
        ("Россия и Китай подпишут соглашение.", "proposed"),
        ("Россия и Китай планируют подписать соглашение.", "proposed"),
        ("Соглашение между Россией и Китаем будет подписано в мае.", "proposed"),
        ("НАСА направило Роскосмосу предложение подписать меморандум.", "proposed"),
        ("Россия и Китай ведут переговоры о соглашении.", "negotiating"),
        ("Россия и Китай обсуждают проект соглашения.", "negotiating"),
        ("Соглашение между Россией и Китаем может быть подписано в мае.", "negotiating"),
        ("Соглашение между Россией и Китаем готовится к подписанию.", "negotiating"),
        ("Соглашение между Россией и Китаем пока не подписано.", "negotiating"),
        ("Соглашение между Россией и Китаем вступило в силу.", "in_force"),
        ("Действующее соглашение между Россией и Китаем.", "in_force"),
        ("Россия расторгла соглашение с Китаем.", "terminated"),
        ("Россия вышла из соглашения с Китаем.", "terminated"),
        ("Россия приостановила соглашение с Китаем.", "terminated"),
    ],
)
def test_status_cues(nlp: Language, text: str, status: str) -> None:
    assert only_mention(nlp, text).status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "В рамках соглашения, подписанного в 2014 году, Россия поставляла двигатели.",
            "in_force",
        ),
        ("Согласно соглашению, Роскосмос поставил двигатели.", "in_force"),
        ("На основании межправительственного соглашения Россия арендует космодром.", "in_force"),
        ("Соглашение действует до 2030 года.", "in_force"),
        ("Соглашение остается в силе.", "in_force"),
        ("В рамках соглашения Россия будет поставлять двигатели.", "signed"),
        ("Соглашение пока не вступило в силу.", "signed"),
        ("Соглашение вступит в силу в следующем году.", None),
        ("Роскосмос может приостановить сотрудничество с ЕКА.", None),
        ("Россия больше не будет поставлять двигатели в США.", "terminated"),
        ("Россия перестала поставлять двигатели в США.", "terminated"),
        ("Соглашение утратило силу.", "terminated"),
        ("Россия решила прекратить сотрудничество с ЕКА.", "terminated"),
        ("Россия и Китай не подписали соглашение.", "negotiating"),
        ("Россия и Китай работают над соглашением о лунной станции.", "negotiating"),
        ("Будущее соглашение охватит навигацию.", "proposed"),
    ],
)
def test_status_of_application_negation_and_ending(text: str, status: str | None) -> None:
    """Done under an agreement (in force, or signed where the sentence looks ahead), an entry
    into force still to come or denied, a threat, a cooperation or supply that stops."""
    assert h.sentence_status(LANG, text) == status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ЕКА приостановило сотрудничество с Роскосмосом.", [("other", "terminated")]),
        ("Сотрудничество ЕКА и Роскосмоса было заморожено.", [("other", "terminated")]),
        ("Роскосмос может приостановить сотрудничество с ЕКА.", []),
    ],
)
def test_a_cooperation_that_ends_is_a_terminated_agreement(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.instrument, m.status) for m in h.mentions(LANG, text)] == expected


def test_coordinated_parties_give_one_mention_with_both(nlp: Language) -> None:
    mention = only_mention(nlp, "Россия и Китай подписали соглашение.")
    assert [p.entry.id for p in mention.parties] == ["Russia", "China"]
    assert mention.status == "signed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Соглашение между Россией и Китаем.", ["Russia", "China"]),
        ("Москва и Пекин подписали соглашение.", ["Russia", "China"]),
        ("Кремль и Белый дом.", ["Russia", "United States"]),
        ("Правительства России и КНР.", ["Russia", "China"]),
        ("Соединённые Штаты, Соединенные Штаты и США.", ["United States"]),
        ("Москвой и Пекином.", ["Russia", "China"]),
    ],
)
def test_names_cases_and_metonyms(
    nlp: Language, rule_set: RuleSet, text: str, expected: list[str]
) -> None:
    assert parties(nlp, rule_set, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ракетно-космическая корпорация «Энергия» и Boeing.",
        "Сотрудники ракетно-космической корпорации «Энергия» и Boeing.",
    ],
)
def test_a_company_name_the_tokenizer_splits_at_its_hyphen(
    nlp: Language, rule_set: RuleSet, text: str
) -> None:
    assert parties(nlp, rule_set, text) == ["RKK Energia", "Boeing"]


def test_a_place_after_a_locative_is_no_party(nlp: Language, rule_set: RuleSet) -> None:
    assert parties(nlp, rule_set, "Роскосмос подписал в Москве соглашение.") == ["Roscosmos"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Роскосмосом", "Roscosmos"),
        ("Госкорпорация «Роскосмос»", "Roscosmos"),
        ("Российское космическое агентство", "Roscosmos"),
        ("российского космического агентства", "Roscosmos"),
        ("Китайское национальное космическое управление", "CNSA"),
        ("Китайским национальным космическим управлением", "CNSA"),
        ("космическое агентство Китая", "CNSA"),
        ("КНКА", "CNSA"),
        ("НАСА", "NASA"),
        ("Американское космическое агентство", "NASA"),
        ("ЕКА", "ESA"),
        ("Европейского космического агентства", "ESA"),
    ],
)
def test_descriptive_agency_mentions(nlp: Language, text: str, expected: str) -> None:
    assert span_ids(nlp, text, "entities") == [expected]


def test_demonyms_before_an_agency_head_become_agencies(nlp: Language, rule_set: RuleSet) -> None:
    text = "Российское и китайское космические агентства подписали соглашение."
    assert parties(nlp, rule_set, text) == ["Roscosmos", "CNSA"]


def test_compound_demonyms_name_both_states(nlp: Language) -> None:
    mention = only_mention(nlp, "Российско-китайское соглашение подписано.")
    assert [p.entry.id for p in mention.parties] == ["Russia", "China"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Международной научной лунной станции", "ILRS"),
        ("ГЛОНАСС", "GLONASS"),
        ("Бэйдоу", "BeiDou"),
        ("МКС", "ISS"),
        ("Луна-25", "Luna-25"),
        ("Соглашения Артемиды", "Artemis Accords"),
    ],
)
def test_missions_and_programmes(nlp: Language, text: str, expected: str) -> None:
    assert expected in span_ids(nlp, text, "entities")


@pytest.mark.parametrize("pair", ["Две страны", "Обе страны", "Обе стороны"])
def test_the_two_countries_take_the_parties_of_the_sentence_before(
    nlp: Language, pair: str
) -> None:
    doc = nlp(f"Россия и Китай строят лунную станцию. {pair} подписали соглашение.")
    [mention] = doc._.agreement_mentions
    assert {p.entry.id for p in mention.parties} == {"Russia", "China"}
    assert mention.party_source == "pair"


def test_the_side_of_one_party_is_no_pair(nlp: Language) -> None:
    assert span_ids(nlp, "по информации американской стороны", "references")[-1:] != ["party"]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("исследование Луны", "lunar_exploration"),
        ("полёт к Марсу", "deep_space"),
        ("орбитальная станция", "space_station"),
        ("космонавты", "human_spaceflight"),
        ("спутниковая навигация", "satellite_navigation"),
        ("дистанционное зондирование", "earth_observation"),
        ("спутниковой связи", "satellite_communications"),
        ("ракеты-носители", "launch_services"),
        ("астрофизика", "space_science"),
        ("космическая биология", "life_sciences"),
        ("электронные компоненты", "components_materials"),
        ("наземные станции", "ground_infrastructure"),
        ("космические технологии", "space_technology"),
        ("обмен данными", "data_sharing"),
        ("сельское хозяйство", "non_space"),
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
        ("в среду", "2021-03-10"),
        ("в четверг", "2021-03-11"),
        ("во вторник", "2021-03-09"),
        ("в прошлый понедельник", "2021-03-08"),
        ("в следующую пятницу", "2021-03-12"),
        ("вчера", "2021-03-10"),
        ("сегодня", "2021-03-11"),
        ("9 марта 2021 года", "2021-03-09"),
        ("9 марта", "2021-03-09"),
        ("1 мая", "2020-05-01"),
        ("в марте 2019 года", "2019-03"),
        ("в мае", "2021-05"),
        ("в 2019 году", "2019"),
        ("в следующем году", "2022"),
        ("в прошлом году", "2020"),
    ],
)
def test_dates_are_found_and_resolved(
    nlp: Language, resolver: DateResolver, text: str, value: str
) -> None:
    [(found, label)] = date_spans(nlp, f"Соглашение было подписано {text} в Москве.")
    assert (found, label) == (text, "DATE")
    assert resolver.resolve(found, PUBLISHED) == dv(value)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("на 2018–2022 годы", "2018", "2022"),
        ("на 2018-2022 годы", "2018", "2022"),
        ("с 2023 по 2027 год", "2023", "2027"),
        ("до 2030 года", None, "2030"),
        ("начиная с 2023 года", "2023", None),
    ],
)
def test_periods(
    nlp: Language, resolver: DateResolver, text: str, start: str | None, end: str | None
) -> None:
    [(found, label)] = date_spans(nlp, f"Соглашение действует {text}.")
    assert (found, label) == (text, "PERIOD")
    assert resolver.resolve_period(found) == Period(start=start, end=end)


def test_a_tass_dateline_gives_its_day(nlp: Language, resolver: DateResolver) -> None:
    spans = date_spans(nlp, "МОСКВА, 9 марта. /ТАСС/. Роскосмос подписал соглашение.")
    assert spans == [("9 марта", "DATE")]
    assert resolver.resolve("9 марта", PUBLISHED) == dv("2021-03-09")


def test_a_period_from_to_with_do(resolver: DateResolver) -> None:
    assert resolver.resolve_period("с 2023 до 2027 года") == Period(start="2023", end="2027")


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
        "Этот сайт использует файлы cookie.",
        "Подписывайтесь на нас в Telegram",
        "© 2021 ТАСС. Все права защищены.",
        "Фото: Роскосмос",
        "Читайте также: Китай запустил зонд",
        "При использовании материалов ссылка на сайт обязательна.",
    ):
        assert masked(line), line
    assert not masked("Стороны подписали соглашение о файлах cookie в Москве.")


# --- ways of naming an agreement without its usual nouns ---------------------------------------


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("Стороны подписали декларацию о сотрудничестве.", "joint_statement"),
        ("Стороны подписали заявление о намерениях.", "memorandum"),
        ("Обмен нотами состоялся в мае.", "other"),
        ("Компания заказала два спутника у Airbus.", "contract"),
    ],
)
def test_other_ways_of_naming_an_agreement(text: str, instrument: str) -> None:
    assert [i for _, i in h.spans(LANG, text, "triggers", "INSTRUMENT")] == [instrument]


@pytest.mark.parametrize(
    "text",
    [
        "В заявлении министр приветствовал запуск.",
    ],
)
def test_their_look_alikes_name_none(text: str) -> None:
    assert h.spans(LANG, text, "triggers", "INSTRUMENT") == []
