"""Spanish rules (rules/es/) on a blank pipeline: entities, triggers, status cues, dates,
references and boilerplate, on short sentences. No trained model is needed."""

from __future__ import annotations

import pytest

from tests import lang_rules_helpers as h
from tests.conftest import dv

LANG = "es"


# --- the folder --------------------------------------------------------------------------------


def test_rules_load_on_a_blank_pipeline() -> None:
    h.check_folder(LANG)
    h.check_patterns_run_blank(LANG)


def test_every_state_has_a_spanish_name() -> None:
    h.check_every_state_named(LANG)


def test_no_spelling_maps_to_two_entities() -> None:
    h.check_no_spelling_maps_to_two_entities(LANG)


def test_every_string_alias_finds_itself() -> None:
    h.check_every_string_alias_finds_itself(LANG)


def test_demonym_words_are_unambiguous() -> None:
    h.check_demonym_words_are_unambiguous(LANG)


def test_date_words_match_the_patterns() -> None:
    h.check_date_vocabulary(LANG, {"months": "enero", "weekdays": "lunes"})
    h.check_resolver_reads_the_vocabulary(LANG)


# --- entities ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "ident"),
    [
        ("reunión en Moscú", "Moscú", "Russia"),
        ("Pekín respondió", "Pekín", "China"),
        ("Beijing respondió", "Beijing", "China"),
        ("Washington y París", "París", "France"),
        ("Tokio y Nueva Delhi", "Nueva Delhi", "India"),
        ("el Kremlin dijo", "Kremlin", "Russia"),
        ("EE.UU. y Rusia", "EE.UU.", "United States"),
        ("EE. UU. y Rusia", "EE. UU.", "United States"),
        ("Estados Unidos y Rusia", "Estados Unidos", "United States"),
        ("la Casa Rosada", "Casa Rosada", "Argentina"),
        ("Argentina y Brasil", "Argentina", "Argentina"),
        ("la India y China", "India", "India"),
        ("la India y China", "China", "China"),
        ("la Federación de Rusia", "Federación de Rusia", "Russia"),
    ],
)
def test_states_and_metonyms(text: str, span: str, ident: str) -> None:
    assert (span, ident) in h.spans(LANG, text, "entities")


@pytest.mark.parametrize(
    "text", ["una empresa china", "la delegación argentina", "una india", "un chile picante"]
)
def test_demonyms_and_common_words_are_not_states(text: str) -> None:
    assert h.spans(LANG, text, "entities") == []


@pytest.mark.parametrize(
    ("text", "span", "ident"),
    [
        ("la agencia espacial rusa", "agencia espacial rusa", "Roscosmos"),
        ("la agencia espacial china", "agencia espacial china", "CNSA"),
        ("la Agencia Espacial Europea", "Agencia Espacial Europea", "ESA"),
        (
            "la Administración Nacional del Espacio de China",
            "Administración Nacional del Espacio de China",
            "CNSA",
        ),
        ("la agencia espacial francesa", "agencia espacial francesa", "CNES"),
        ("la agencia espacial estadounidense", "agencia espacial estadounidense", "NASA"),
        ("la Agencia Espacial Mexicana", "Agencia Espacial Mexicana", "AEM"),
        (
            "la Comisión Nacional de Actividades Espaciales",
            "Comisión Nacional de Actividades Espaciales",
            "CONAE",
        ),
        (
            "la Estación Internacional de Investigación Lunar",
            "Estación Internacional de Investigación Lunar",
            "ILRS",
        ),
        ("los Acuerdos Artemisa", "Acuerdos Artemisa", "Artemis Accords"),
        ("la Unión Europea", "Unión Europea", "European Union"),
    ],
)
def test_descriptive_agency_and_programme_mentions(text: str, span: str, ident: str) -> None:
    assert (span, ident) in h.spans(LANG, text, "entities")


@pytest.mark.parametrize(
    ("word", "ident"),
    [
        ("ruso", "Russia"),
        ("rusa", "Russia"),
        ("rusos", "Russia"),
        ("rusas", "Russia"),
        ("chino", "China"),
        ("china", "China"),
        ("chinas", "China"),
        ("francesa", "France"),
        ("franceses", "France"),
        ("estadounidense", "United States"),
        ("japonesas", "Japan"),
        ("india", "India"),
        ("brasileña", "Brazil"),
        ("argentinos", "Argentina"),
    ],
)
def test_demonyms(word: str, ident: str) -> None:
    assert h.spans(LANG, f"la parte {word}", "demonyms") == [(word, ident)]


def test_compounds_name_both_sides() -> None:
    found = h.mentions(LANG, "Se celebraron conversaciones ruso-chinas sobre el tratado.")
    assert [{p.key for p in m.parties} for m in found] == [{"RU", "CN"}]


# --- triggers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("un memorando de entendimiento", "memorandum"),
        ("un memorándum", "memorandum"),
        ("una carta de intención", "memorandum"),
        ("un acuerdo sobre navegación", "agreement"),
        ("un acuerdo marco", "agreement"),
        ("un convenio de cooperación", "agreement"),
        ("un programa de cooperación para 2018-2022", "programme"),
        ("un protocolo sobre lanzamientos", "protocol"),
        ("un contrato de formación", "contract"),
        ("una declaración conjunta", "joint_statement"),
        ("un comunicado conjunto", "joint_statement"),
        ("un tratado sobre la Luna", "treaty"),
        ("una nueva alianza", "partnership"),
        ("una hoja de ruta", "other"),
    ],
)
def test_triggers(text: str, instrument: str) -> None:
    assert [i for _, i in h.spans(LANG, text, "triggers", "INSTRUMENT")] == [instrument]


@pytest.mark.parametrize(
    "text",
    [
        "De acuerdo con la NASA, el lanzamiento fue un éxito.",
        "El ministro está de acuerdo con el plan.",
        "Se pusieron de acuerdo en la fecha.",
        "Lo decidieron de común acuerdo.",
    ],
)
def test_idioms_hide_triggers(text: str) -> None:
    assert h.spans(LANG, text, "triggers", "INSTRUMENT") == []


def test_a_draft_agreement_is_not_hidden_by_the_idiom() -> None:
    text = "Presentaron un borrador de acuerdo con Rusia."
    assert [i for _, i in h.spans(LANG, text, "triggers", "INSTRUMENT")] == ["agreement"]


# --- status cues -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Rusia y China firmaron un acuerdo.", "signed"),
        ("Rusia firmó un acuerdo con China.", "signed"),
        ("El acuerdo fue firmado en Moscú.", "signed"),
        ("Rusia y China suscribieron un memorando.", "signed"),
        ("Rusia y China rubricaron un convenio.", "signed"),
        ("Rusia y China acordaron una hoja de ruta.", "signed"),
        ("España se adhirió a los Acuerdos Artemisa.", "signed"),
        ("Rusia y China alcanzaron un acuerdo.", "signed"),
        ("Rusia y China firmarán un acuerdo.", "proposed"),
        ("Rusia y China van a firmar un acuerdo.", "proposed"),
        ("Rusia y China planean firmar un acuerdo.", "proposed"),
        ("Rusia y China tienen previsto firmar un acuerdo.", "proposed"),
        ("El acuerdo será firmado en Moscú.", "proposed"),
        ("Rusia y China negocian un acuerdo.", "negotiating"),
        ("Las negociaciones sobre el acuerdo continúan.", "negotiating"),
        ("El borrador del acuerdo circula.", "negotiating"),
        ("El acuerdo podría firmarse pronto.", "negotiating"),
        ("El acuerdo debería ser firmado en 2022.", "negotiating"),
        ("El acuerdo aún no ha sido firmado.", "negotiating"),
        ("El acuerdo entró en vigor en 2020.", "in_force"),
        ("El acuerdo está en vigor.", "in_force"),
        ("El acuerdo vigente cubre los lanzamientos.", "in_force"),
        ("En el marco del acuerdo se compartieron datos.", "in_force"),
        ("Estados Unidos se retiró del tratado.", "terminated"),
        ("El acuerdo fue rescindido.", "terminated"),
        ("La ESA suspendió la cooperación con Roscosmos.", "terminated"),
        ("El acuerdo expiró el año pasado.", "terminated"),
        ("Rusia puso fin al acuerdo.", "terminated"),
    ],
)
def test_status_cues(text: str, status: str) -> None:
    assert h.sentence_status(LANG, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("En virtud del acuerdo firmado en 2014, Rusia suministró motores.", "in_force"),
        ("Conforme al acuerdo, la CONAE operó la estación.", "in_force"),
        ("La estación funciona al amparo del convenio de 2009.", "in_force"),
        ("El acuerdo sigue vigente.", "in_force"),
        ("El convenio vence en diciembre de 2021.", "in_force"),
        ("En virtud del acuerdo, Rusia suministrará motores.", "signed"),
        ("El acuerdo establece que Argentina brindará sus instalaciones.", None),
        ("El acuerdo no ha entrado en vigor.", "signed"),
        ("El acuerdo entrará en vigor el próximo año.", None),
        ("La ESA podría suspender su cooperación con Roscosmos.", None),
        ("Rusia amenazó con retirarse del tratado.", None),
        ("El acuerdo ya no está vigente.", "terminated"),
        ("Rusia ya no suministrará motores a Estados Unidos.", "terminated"),
        ("Rusia dejó de suministrar motores a Estados Unidos.", "terminated"),
        ("El acuerdo quedó sin efecto.", "terminated"),
        ("Rusia anunció el fin de la cooperación con la ESA.", "terminated"),
        ("La ESA suspenderá la cooperación con Roscosmos.", "terminated"),
        ("México y Argentina trabajan en un acuerdo espacial.", "negotiating"),
        ("El acuerdo está siendo negociado.", "negotiating"),
        ("Las dos agencias ultiman un memorando.", "negotiating"),
        ("El futuro acuerdo cubrirá la navegación.", "proposed"),
        ("Está previsto que se firme un acuerdo.", "proposed"),
    ],
)
def test_status_of_application_negation_and_ending(text: str, status: str | None) -> None:
    """Done under an agreement (in force, or signed where the sentence looks ahead), an entry
    into force still to come or denied, a threat, a cooperation or supply that stops."""
    assert h.sentence_status(LANG, text) == status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La ESA suspendió su cooperación con Roscosmos.", [("other", "terminated")]),
        ("La cooperación entre la ESA y Roscosmos fue suspendida.", [("other", "terminated")]),
        ("La ESA podría suspender su cooperación con Roscosmos.", []),
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
        ("Rusia y China firmaron un acuerdo el jueves.", "2021-03-12", "2021-03-11"),
        ("Rusia y China firmaron un acuerdo el martes pasado.", "2021-03-11", "2021-03-09"),
        ("Rusia y China firmaron un acuerdo el miércoles.", "2021-03-11", "2021-03-10"),
        ("Rusia y China firmaron un acuerdo ayer.", "2021-03-11", "2021-03-10"),
        ("Rusia y China firmaron un acuerdo el 16 de noviembre de 2009.", None, "2009-11-16"),
        ("Rusia y China firmaron un acuerdo el 9 de marzo.", "2021-03-11", "2021-03-09"),
        ("Rusia y China firmaron un acuerdo en marzo de 2021.", None, "2021-03"),
        ("Rusia y China firmaron un acuerdo en 2017.", None, "2017"),
        ("Rusia y China firmarán un acuerdo el año próximo.", "2021-03-11", "2022"),
        ("Rusia y China firmarán un acuerdo el próximo año.", "2021-03-11", "2022"),
        ("Rusia y China firmaron un acuerdo el mes pasado.", "2021-03-11", "2021-02"),
        ("Rusia y China firmarán un acuerdo a finales de 2022.", None, "2022"),
        ("Rusia y China firmaron un acuerdo el 05/09/2018.", None, "2018-09-05"),
    ],
)
def test_dates_resolve(text: str, published: str | None, expected: str) -> None:
    value = h.first_date(LANG, text, dv(published) if published else None)
    assert value == dv(expected)


def test_ordinal_days_resolve_to_the_day() -> None:
    text = "Rusia y China firmaron un acuerdo el 1º de junio de 2020."
    assert h.first_date(LANG, text, None) == dv("2020-06-01")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("un programa de cooperación para 2018-2022", "2018", "2022"),
        ("un programa para el período 2018 - 2022", "2018", "2022"),
        ("un acuerdo de 2023 a 2027", "2023", "2027"),
        ("un acuerdo entre 2023 y 2027", "2023", "2027"),
        ("un acuerdo válido hasta 2027", None, "2027"),
        ("un acuerdo a partir de 2023", "2023", None),
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
    found = h.mentions(LANG, "Rusia y China firmaron un acuerdo sobre exploración lunar.")
    assert len(found) == 1
    assert h.party_ids(found[0]) == {"Russia", "China"}
    assert found[0].scope == ["lunar_exploration"]


def test_metonyms_are_parties() -> None:
    found = h.mentions(LANG, "Moscú y Pekín firmaron un memorando.")
    assert [h.party_ids(m) for m in found] == [{"Russia", "China"}]


def test_a_place_after_a_preposition_is_no_party() -> None:
    found = h.mentions(LANG, "Roscosmos y la NASA firmaron un protocolo en París.")
    assert [h.party_ids(m) for m in found] == [{"Roscosmos", "NASA"}]


def test_the_two_countries_come_from_context() -> None:
    assert ("los dos países", "state") in h.spans(LANG, "los dos países", "references")
    assert ("ambos países", "state") in h.spans(LANG, "ambos países", "references")
    text = "India y Francia se reunieron en Nueva Delhi. Los dos países firmaron un tratado."
    found = h.mentions(LANG, text)
    assert [h.party_ids(m) for m in found] == [{"India", "France"}]


def test_agencies_named_by_demonyms_after_their_head() -> None:
    found = h.mentions(LANG, "Las agencias espaciales rusa y china firmaron un memorando.")
    assert [h.party_ids(m) for m in found] == [{"Roscosmos", "CNSA"}]


def test_state_heads_with_demonyms() -> None:
    text = "El presidente ruso y su homólogo chino suscribieron una declaración conjunta."
    assert [h.party_ids(m) for m in h.mentions(LANG, text)] == [{"Russia", "China"}]


def test_between_names_the_parties() -> None:
    text = "Se firmó un contrato entre Glavkosmos y la ISRO para formar astronautas."
    assert [h.party_ids(m) for m in h.mentions(LANG, text)] == [{"Glavkosmos", "ISRO"}]


def test_intergovernmental_makes_states() -> None:
    text = "La NASA y la JAXA firmaron un acuerdo intergubernamental."
    assert [h.party_ids(m) for m in h.mentions(LANG, text)] == [{"United States", "Japan"}]


# --- boilerplate -------------------------------------------------------------------------------


def test_boilerplate_lines_are_masked() -> None:
    lines = [
        "Este sitio web utiliza cookies para mejorar su experiencia.",
        "Síguenos en Twitter",
        "Compartir",
        "Suscríbete a nuestro boletín",
        "© 2021 EFE. Todos los derechos reservados.",
        "Foto: NASA",
        "Lee también: Rusia y China firman un pacto lunar",
        "Rusia y China firmaron un acuerdo el jueves.",
    ]
    masked = h.masked_rules(LANG, lines)
    assert all(masked[:-1]), list(zip(lines, masked, strict=True))
    assert masked[-1] is None


# --- ways of naming an agreement without its usual nouns ---------------------------------------


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("Las partes también firmaron una declaración sobre los servicios.", "joint_statement"),
        ("Firmaron una declaración de intención.", "memorandum"),
        ("Firmaron una declaración de intención conjunta.", "joint_statement"),
        ("Un canje de notas entre ambos gobiernos.", "other"),
        ("La empresa encargó dos satélites a Airbus.", "contract"),
        ("Un arreglo de implementación entre las agencias.", "agreement"),
        ("Una declaración de cooperación entre los dos países.", "joint_statement"),
    ],
)
def test_other_ways_of_naming_an_agreement(text: str, instrument: str) -> None:
    assert [i for _, i in h.spans(LANG, text, "triggers", "INSTRUMENT")] == [instrument]


@pytest.mark.parametrize(
    "text",
    [
        "En una declaración, el ministro saludó el lanzamiento.",
        "El centro de control encargado de los satélites.",
    ],
)
def test_their_look_alikes_name_none(text: str) -> None:
    assert h.spans(LANG, text, "triggers", "INSTRUMENT") == []
