"""Portuguese rules (rules/pt/) on a blank pipeline: entities, triggers, status cues, dates,
references and boilerplate, on short sentences (Brazil and Portugal spellings). No trained
model is needed."""

from __future__ import annotations

import pytest

from tests import lang_rules_helpers as h
from tests.conftest import dv

LANG = "pt"


# --- the folder --------------------------------------------------------------------------------


def test_rules_load_on_a_blank_pipeline() -> None:
    h.check_folder(LANG)
    h.check_patterns_run_blank(LANG)


def test_every_state_has_a_portuguese_name() -> None:
    h.check_every_state_named(LANG)


def test_no_spelling_maps_to_two_entities() -> None:
    h.check_no_spelling_maps_to_two_entities(LANG)


def test_every_string_alias_finds_itself() -> None:
    h.check_every_string_alias_finds_itself(LANG)


def test_demonym_words_are_unambiguous() -> None:
    h.check_demonym_words_are_unambiguous(LANG)


def test_date_words_match_the_patterns() -> None:
    h.check_date_vocabulary(LANG, {"months": "janeiro", "weekdays": "segunda-feira"})
    h.check_resolver_reads_the_vocabulary(LANG)


# --- entities ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "ident"),
    [
        ("reunião em Moscou", "Moscou", "Russia"),
        ("reunião em Moscovo", "Moscovo", "Russia"),
        ("Pequim respondeu", "Pequim", "China"),
        ("Washington e Paris", "Paris", "France"),
        ("Tóquio e Nova Délhi", "Nova Délhi", "India"),
        ("o Kremlin disse", "Kremlin", "Russia"),
        ("os EUA e a Rússia", "EUA", "United States"),
        ("os Estados Unidos", "Estados Unidos", "United States"),
        ("o Itamaraty informou", "Itamaraty", "Brazil"),
        ("o Palácio do Planalto", "Palácio do Planalto", "Brazil"),
        ("a Argentina e o Brasil", "Argentina", "Argentina"),
        ("a Índia e a China", "Índia", "India"),
        ("a Federação Russa", "Federação Russa", "Russia"),
        (
            "o Ministério da Ciência, Tecnologia e Inovação",
            "Ministério da Ciência, Tecnologia e Inovação",
            "Brazil",
        ),
    ],
)
def test_states_and_metonyms(text: str, span: str, ident: str) -> None:
    assert (span, ident) in h.spans(LANG, text, "entities")


@pytest.mark.parametrize("text", ["uma empresa argentina", "um peru assado", "uma índia"])
def test_demonyms_and_common_words_are_not_states(text: str) -> None:
    assert h.spans(LANG, text, "entities") == []


@pytest.mark.parametrize(
    ("text", "span", "ident"),
    [
        ("a agência espacial russa", "agência espacial russa", "Roscosmos"),
        ("a agência espacial chinesa", "agência espacial chinesa", "CNSA"),
        ("a Agência Espacial Europeia", "Agência Espacial Europeia", "ESA"),
        (
            "a Administração Espacial Nacional da China",
            "Administração Espacial Nacional da China",
            "CNSA",
        ),
        ("a agência espacial francesa", "agência espacial francesa", "CNES"),
        ("a agência espacial norte-americana", "agência espacial norte-americana", "NASA"),
        ("a Agência Espacial Brasileira", "Agência Espacial Brasileira", "AEB"),
        ("a Agência Espacial Portuguesa", "Agência Espacial Portuguesa", "Portugal Space"),
        (
            "a Estação Internacional de Pesquisa Lunar",
            "Estação Internacional de Pesquisa Lunar",
            "ILRS",
        ),
        ("os Acordos Artemis", "Acordos Artemis", "Artemis Accords"),
        ("os Acordos Ártemis", "Acordos Ártemis", "Artemis Accords"),
    ],
)
def test_descriptive_agency_and_programme_mentions(text: str, span: str, ident: str) -> None:
    assert (span, ident) in h.spans(LANG, text, "entities")


@pytest.mark.parametrize(
    ("word", "ident"),
    [
        ("russo", "Russia"),
        ("russa", "Russia"),
        ("russos", "Russia"),
        ("russas", "Russia"),
        ("chinês", "China"),
        ("chinesa", "China"),
        ("chineses", "China"),
        ("francesa", "France"),
        ("norte-americano", "United States"),
        ("americana", "United States"),
        ("japonesas", "Japan"),
        ("indiano", "India"),
        ("brasileira", "Brazil"),
        ("alemã", "Germany"),
        ("alemães", "Germany"),
    ],
)
def test_demonyms(word: str, ident: str) -> None:
    assert h.spans(LANG, f"o lado {word}", "demonyms") == [(word, ident)]


def test_compounds_name_both_sides() -> None:
    found = h.mentions(LANG, "As negociações sino-russas sobre o tratado continuam.")
    assert [{p.key for p in m.parties} for m in found] == [{"RU", "CN"}]


# --- triggers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("um memorando de entendimento", "memorandum"),
        ("uma carta de intenções", "memorandum"),
        ("um protocolo de intenções", "memorandum"),
        ("um acordo sobre navegação", "agreement"),
        ("um acordo-quadro", "agreement"),
        ("um convênio de cooperação", "agreement"),
        ("um programa de cooperação para 2018-2022", "programme"),
        ("um protocolo sobre lançamentos", "protocol"),
        ("um contrato de treinamento", "contract"),
        ("uma declaração conjunta", "joint_statement"),
        ("uma declaração de intenção conjunta", "joint_statement"),
        ("um comunicado conjunto", "joint_statement"),
        ("um tratado sobre a Lua", "treaty"),
        ("uma parceria com a NASA", "partnership"),
        ("um roteiro para a estação", "other"),
    ],
)
def test_triggers(text: str, instrument: str) -> None:
    assert [i for _, i in h.spans(LANG, text, "triggers", "INSTRUMENT")] == [instrument]


@pytest.mark.parametrize(
    "text",
    [
        "De acordo com a NASA, o lançamento foi um sucesso.",
        "O ministro está de acordo com o plano.",
        "Decidiram de comum acordo.",
        "Uma parceria estratégica foi citada.",
    ],
)
def test_idioms_hide_triggers(text: str) -> None:
    assert h.spans(LANG, text, "triggers", "INSTRUMENT") == []


# --- status cues -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Rússia e China assinaram um acordo.", "signed"),
        ("O Brasil assinou o acordo.", "signed"),
        ("O acordo foi assinado em Brasília.", "signed"),
        ("Rússia e China firmaram um memorando.", "signed"),
        ("Rússia e China celebraram um convênio.", "signed"),
        ("Portugal aderiu aos Acordos Artemis.", "signed"),
        ("Rússia e China chegaram a um acordo.", "signed"),
        ("Rússia e China vão assinar um acordo.", "proposed"),
        ("Rússia e China assinarão um acordo.", "proposed"),
        ("Rússia e China pretendem assinar um acordo.", "proposed"),
        ("O acordo será assinado em Moscou.", "proposed"),
        ("Rússia e China negociam um acordo.", "negotiating"),
        ("As negociações sobre o acordo continuam.", "negotiating"),
        ("A minuta do acordo circula.", "negotiating"),
        ("O acordo deverá ser assinado em 2022.", "negotiating"),
        ("O acordo poderá ser assinado em breve.", "negotiating"),
        ("O acordo ainda não foi assinado.", "negotiating"),
        ("O acordo entrou em vigor em 2020.", "in_force"),
        ("O acordo está em vigor.", "in_force"),
        ("O acordo vigente cobre os lançamentos.", "in_force"),
        ("No âmbito do acordo foram compartilhados dados.", "in_force"),
        ("O acordo foi rescindido.", "terminated"),
        ("A ESA suspendeu a cooperação com a Roscosmos.", "terminated"),
        ("Os Estados Unidos retiraram-se do tratado.", "terminated"),
        ("O acordo expirou no ano passado.", "terminated"),
        ("A Rússia pôs fim ao acordo.", "terminated"),
    ],
)
def test_status_cues(text: str, status: str) -> None:
    assert h.sentence_status(LANG, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Em virtude do acordo assinado em 2014, a Rússia forneceu motores.", "in_force"),
        ("A operação foi viabilizada por meio de um acordo firmado em julho.", "in_force"),
        ("Ao abrigo do acordo, o INPE operou a estação.", "in_force"),
        ("O acordo continua vigente.", "in_force"),
        ("O convênio vence em dezembro de 2021.", "in_force"),
        ("No âmbito do acordo, a Rússia fornecerá motores.", "signed"),
        ("O acordo prevê que o Brasil forneça a estação.", None),
        ("O acordo ainda não entrou em vigor.", "signed"),
        ("O acordo entrará em vigor no próximo ano.", None),
        ("A ESA poderia suspender a cooperação com a Roscosmos.", None),
        ("O acordo não está mais em vigor.", "terminated"),
        ("A Rússia não fornecerá mais motores aos Estados Unidos.", "terminated"),
        ("A Rússia deixou de fornecer motores aos Estados Unidos.", "terminated"),
        ("O acordo ficou sem efeito.", "terminated"),
        ("A Rússia anunciou o fim da cooperação com a ESA.", "terminated"),
        ("O Brasil e a China trabalham num acordo espacial.", "negotiating"),
        ("O acordo está sendo negociado.", "negotiating"),
        ("O futuro acordo cobrirá a navegação.", "proposed"),
        ("A história do programa espacial brasileiro é longa.", None),
    ],
)
def test_status_of_application_negation_and_ending(text: str, status: str | None) -> None:
    """Done under an agreement (in force, or signed where the sentence looks ahead), an entry
    into force still to come or denied, a threat, a cooperation or supply that stops."""
    assert h.sentence_status(LANG, text) == status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A ESA suspendeu a cooperação com a Roscosmos.", [("other", "terminated")]),
        ("A cooperação entre a ESA e a Roscosmos foi suspensa.", [("other", "terminated")]),
        ("A ESA poderia suspender a cooperação com a Roscosmos.", []),
    ],
)
def test_a_cooperation_that_ends_is_a_terminated_agreement(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.instrument, m.status) for m in h.mentions(LANG, text)] == expected


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Rússia e China assinaram um acordo na quinta-feira.", "2021-03-12", "2021-03-11"),
        ("Rússia e China assinaram um acordo nesta terça-feira.", "2021-03-11", "2021-03-09"),
        ("Rússia e China assinaram um acordo no sábado.", "2021-03-11", "2021-03-06"),
        ("Rússia e China assinaram um acordo ontem.", "2021-03-11", "2021-03-10"),
        ("Rússia e China assinaram um acordo no dia 15 de junho de 2021.", None, "2021-06-15"),
        ("Rússia e China assinaram um acordo em 9 de março.", "2021-03-11", "2021-03-09"),
        ("Rússia e China assinaram um acordo em dezembro de 2020.", None, "2020-12"),
        ("Rússia e China assinaram um acordo em 2017.", None, "2017"),
        ("Rússia e China vão assinar um acordo no próximo ano.", "2021-03-11", "2022"),
        ("Rússia e China vão assinar um acordo no ano que vem.", "2021-03-11", "2022"),
        ("Rússia e China assinaram um acordo no mês passado.", "2021-03-11", "2021-02"),
        ("Rússia e China assinaram um acordo em 05/09/2018.", None, "2018-09-05"),
    ],
)
def test_dates_resolve(text: str, published: str | None, expected: str) -> None:
    value = h.first_date(LANG, text, dv(published) if published else None)
    assert value == dv(expected)


def test_ordinal_days_resolve_to_the_day() -> None:
    text = "Rússia e China assinaram um acordo em 1º de janeiro de 2022."
    assert h.first_date(LANG, text, None) == dv("2022-01-01")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("um programa de cooperação para 2018-2022", "2018", "2022"),
        ("um acordo de 2023 a 2027", "2023", "2027"),
        ("um acordo entre 2023 e 2027", "2023", "2027"),
        ("um acordo válido até 2030", None, "2030"),
        ("um acordo a partir de 2023", "2023", None),
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
    found = h.mentions(LANG, "Rússia e China assinaram um acordo sobre exploração lunar.")
    assert len(found) == 1
    assert h.party_ids(found[0]) == {"Russia", "China"}
    assert found[0].scope == ["lunar_exploration"]


def test_metonyms_are_parties() -> None:
    found = h.mentions(LANG, "Moscou e Pequim assinaram um memorando.")
    assert [h.party_ids(m) for m in found] == [{"Russia", "China"}]


def test_a_place_after_a_preposition_is_no_party() -> None:
    found = h.mentions(LANG, "A Roscosmos e a NASA assinaram um protocolo em Paris.")
    assert [h.party_ids(m) for m in found] == [{"Roscosmos", "NASA"}]


def test_the_two_countries_come_from_context() -> None:
    assert ("os dois países", "state") in h.spans(LANG, "os dois países", "references")
    assert ("as duas agências", "agency") in h.spans(LANG, "as duas agências", "references")
    text = "Índia e França reuniram-se em Nova Délhi. Os dois países assinaram um tratado."
    found = h.mentions(LANG, text)
    assert [h.party_ids(m) for m in found] == [{"India", "France"}]


def test_agencies_named_by_demonyms_after_their_head() -> None:
    found = h.mentions(LANG, "As agências espaciais russa e chinesa assinaram um memorando.")
    assert [h.party_ids(m) for m in found] == [{"Roscosmos", "CNSA"}]


def test_a_programme_lead_is_the_other_side() -> None:
    found = h.mentions(LANG, "O Brasil assinou os Acordos Artemis.")
    assert [h.party_ids(m) for m in found] == [{"Brazil", "United States"}]


def test_between_names_the_parties() -> None:
    text = "Foi assinado um contrato entre a Glavkosmos e a ISRO para treinar astronautas."
    assert [h.party_ids(m) for m in h.mentions(LANG, text)] == [{"Glavkosmos", "ISRO"}]


def test_intergovernmental_makes_states() -> None:
    text = "A NASA e a JAXA assinaram um acordo intergovernamental."
    assert [h.party_ids(m) for m in h.mentions(LANG, text)] == [{"United States", "Japan"}]


# --- boilerplate -------------------------------------------------------------------------------


def test_boilerplate_lines_are_masked() -> None:
    lines = [
        "Este site utiliza cookies para melhorar a sua experiência.",
        "Siga-nos no Instagram",
        "Compartilhe",
        "Assine a nossa newsletter",
        "© 2021 Agência Brasil. Todos os direitos reservados.",
        "Créditos: Marco Corrêa/PR",
        "Leia também: Brasil assina os Acordos Artemis",
        "Rússia e China assinaram um acordo na quinta-feira.",
    ]
    masked = h.masked_rules(LANG, lines)
    assert all(masked[:-1]), list(zip(lines, masked, strict=True))
    assert masked[-1] is None


# --- ways of naming an agreement without its usual nouns ---------------------------------------


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("As partes assinaram uma declaração sobre o programa.", "joint_statement"),
        ("Assinaram uma declaração de intenção.", "memorandum"),
        ("Assinaram uma declaração de intenção conjunta.", "joint_statement"),
        ("Uma troca de notas entre os governos.", "other"),
        ("A empresa encomendou dois satélites à Airbus.", "contract"),
        ("O grupo discutiu uma declaração de cooperação espacial.", "joint_statement"),
    ],
)
def test_other_ways_of_naming_an_agreement(text: str, instrument: str) -> None:
    assert [i for _, i in h.spans(LANG, text, "triggers", "INSTRUMENT")] == [instrument]


@pytest.mark.parametrize(
    "text",
    [
        "Em uma declaração, o ministro saudou o lançamento.",
    ],
)
def test_their_look_alikes_name_none(text: str) -> None:
    assert h.spans(LANG, text, "triggers", "INSTRUMENT") == []
