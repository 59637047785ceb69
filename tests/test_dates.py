"""French date rules (rules/fr/dates.jsonl) and their normalisation (coopextract.reading.dates)."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from coopextract.models import DateValue, Period
from coopextract.pipeline.build import add_rule_components
from coopextract.reading.dates import DateResolver, normalise, resolver_for
from coopextract.reading.languages import LanguagePolicy
from coopextract.rule_files import RuleSet, default_rules_dir, load_rules
from tests.conftest import dv


@pytest.fixture(scope="module")
def nlp() -> Language:
    """A blank French pipeline with the project's span rulers, the dates family only."""
    rules = load_rules()
    nlp = spacy.blank("fr")
    add_rule_components(nlp, RuleSet("fr", rules.catalog, {"dates": rules.patterns["dates"]}))
    for name in list(nlp.pipe_names):
        if name != "coop_dates":
            nlp.remove_pipe(name)  # empty here; spaCy warns when an empty ruler runs
    return nlp


def spans(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_, s.id_) for s in doc.spans["dates"]]


# --- finding -----------------------------------------------------------------------------

FOUND = [
    # full dates
    ("Roskosmos a signé le 9 mars 2021 un mémorandum.", "le 9 mars 2021", "DATE"),
    ("Roskosmos a annoncé le 9 mars avoir signé.", "le 9 mars", "DATE"),
    ("Un communiqué publié ce 9 mars par Roskosmos.", "ce 9 mars", "DATE"),
    ("Ils se sont rencontrés mercredi 6 novembre à Pékin.", "mercredi 6 novembre", "DATE"),
    ("Mercredi 6 novembre dernier, ils ont signé.", "Mercredi 6 novembre dernier", "DATE"),
    ("L'accord entre en vigueur le 1er juin.", "le 1er juin", "DATE"),
    ("Il s'est rendu le mercredi 10 février à Mexico.", "le mercredi 10 février", "DATE"),
    ("Le sommet du 12 décembre dernier à Paris.", "12 décembre dernier", "DATE"),
    # numeric and abbreviated
    ("publié le 05/09/2018", "le 05/09/2018", "DATE"),
    ("Publié le 10-01-2018 par Michel", "le 10-01-2018", "DATE"),
    ("15 déc. 2010 13h18 HE", "15 déc. 2010", "DATE"),
    ("Marketwire - 15 déc 2010)", "15 déc 2010", "DATE"),
    ("Signé le 3 juil. 2020 à Rome.", "le 3 juil. 2020", "DATE"),
    ("Le 7 févr. 2019, l'ESA a signé.", "Le 7 févr. 2019", "DATE"),
    # months
    ("En novembre 2017, les agences se sont entendues.", "En novembre 2017", "DATE"),
    ("un accord-cadre signé en avril 2014 à Mexico", "en avril 2014", "DATE"),
    ("Roscosmos et CNSA en juin 2021 ont présenté", "en juin 2021", "DATE"),
    ("l'accord-cadre d'avril 2014", "d'avril 2014", "DATE"),
    ("lors de ma visite en janvier dernier", "en janvier dernier", "DATE"),
    ("deux lancements en décembre en Guyane", "en décembre", "DATE"),
    ("attendu à la mi-novembre 2024", "mi-novembre 2024", "DATE"),
    ("Du 14 au 16 juin 2023, le président était en Russie.", "Du 14 au 16 juin 2023", "DATE"),
    # years
    ("l'accord signé en 2022 par les deux pays", "en 2022", "DATE"),
    ("l'accord intergouvernemental signé en 1997", "en 1997", "DATE"),
    ("une coopération renforcée depuis 2017", "depuis 2017", "DATE"),
    ("une station spatiale dès 2022", "dès 2022", "DATE"),
    ("il ne devrait pas être lancé avant 2030", "avant 2030", "DATE"),
    ("la signature, fin 2014, d'un accord", "fin 2014", "DATE"),
    ("un lancement début 2025", "début 2025", "DATE"),
    ("un lancement prévu mi-2023", "mi-2023", "DATE"),
    ("achever l'ILRS d'ici 2030", "d'ici 2030", "DATE"),
    ("des échantillons d'ici à 2030", "d'ici à 2030", "DATE"),
    ("durant l'été 2020, Pékin avait ouvert", "l'été 2020", "DATE"),
    # weekdays and relative
    ("La coopération a été annoncée mercredi lors de la mission.", "mercredi", "DATE"),
    ("La Russie a signalé jeudi plus de cas.", "jeudi", "DATE"),
    ("La convention conclue ce mardi établit", "ce mardi", "DATE"),
    ("Les deux hommes signeront l'année prochaine le programme.", "l'année prochaine", "DATE"),
    ("Les deux hommes signeront l’année prochaine le programme.", "l’année prochaine", "DATE"),
    ("Ils signeront l'an prochain.", "l'an prochain", "DATE"),
    ("le budget a été réduit l'année dernière", "l'année dernière", "DATE"),
    ("l'agence a été créée l'an dernier", "l'an dernier", "DATE"),
    ("Aujourd'hui à Paris, les agences ont signé.", "Aujourd'hui", "DATE"),
    ("une cérémonie organisée aujourd’hui à Washington", "aujourd’hui", "DATE"),
    ("L'accord a été signé hier.", "hier", "DATE"),
    ("il pourrait être signé dès que possible cette année", "cette année", "DATE"),
    ("il pourrait être signé avant la fin de l'année", "avant la fin de l'année", "DATE"),
    ("il sera signé d'ici la fin de l'année", "d'ici la fin de l'année", "DATE"),
    ("depuis le début de l’année en Guyane", "début de l’année", "DATE"),
    # periods
    ("un programme de coopération 2018-2022", "2018-2022", "PERIOD"),
    ("8,7 milliards pour la période 2021-2027", "pour la période 2021-2027", "PERIOD"),
    ("un programme qui s'étendra de 2023 à 2027", "de 2023 à 2027", "PERIOD"),
    ("Entre 2031 et 2035, elle déploiera des systèmes.", "Entre 2031 et 2035", "PERIOD"),
    ("le renouvellement jusqu'en 2027 d'un partenariat", "jusqu'en 2027", "PERIOD"),
    ("un accord valable jusqu'à 2030", "jusqu'à 2030", "PERIOD"),
    ("un accord valable jusqu’au 31 décembre 2027", "jusqu’au 31 décembre 2027", "PERIOD"),
    ("un accord valable à partir de 2024", "à partir de 2024", "PERIOD"),
    ("un programme 2021–2027", "2021–2027", "PERIOD"),
]


@pytest.mark.parametrize(("sentence", "expected", "label"), FOUND)
def test_rules_find_date_expressions(nlp: Language, sentence: str, expected: str, label: str):
    found = [(text, lab) for text, lab, _ in spans(nlp, sentence)]
    assert (expected, label) in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Il s'élève à 13,2 milliards en euros constants.",
        "plus de 28000 nouveaux cas, et 2,3 millions au total",
        "Copyright (c) 2020. South China Morning Post Publishers Ltd.",
        "une masse d'environ 1.108 kg au décollage",
        "le 13ème succès d'une mission de Vega",
        "la conférence GLEX-2021 a eu lieu",
        "la mission Apollo-Soyouz de 1975",
        "le satellite de 930 kilos contient quatre instruments",
        "une sonde vers Mars pour étudier l'atmosphère",
        "sept instruments et 2022 pièces détachées",
    ],
)
def test_rules_leave_numbers_that_are_not_dates(nlp: Language, sentence: str):
    assert spans(nlp, sentence) == []


def test_longest_expression_wins(nlp: Language):
    found = spans(nlp, "Un accord a été signé le mercredi 9 mars 2021, valable jusqu'en 2027.")
    assert [(t, lab) for t, lab, _ in found] == [
        ("le mercredi 9 mars 2021", "DATE"),
        ("jusqu'en 2027", "PERIOD"),
    ]


def test_rule_ids_name_their_family(nlp: Language):
    ids = {i for _, _, i in spans(nlp, "le 9 mars 2021, en 2022, pour 2018-2022, mercredi")}
    assert ids == {
        "fr-date-day-month-year",
        "fr-date-in-year",
        "fr-period-years",
        "fr-date-weekday",
    }


def test_pattern_words_match_the_vocabulary():
    """Months and weekdays live in two data files (patterns and resolver); keep them in step."""
    rules_dir = default_rules_dir() / "fr"
    words = json.loads((rules_dir / "date_words.json").read_text(encoding="utf-8"))
    lists: list[set[str]] = []
    for line in (rules_dir / "dates.jsonl").read_text(encoding="utf-8").splitlines():
        for token in json.loads(line)["pattern"]:
            values = token.get("LOWER")
            if isinstance(values, dict) and "IN" in values:
                lists.append({normalise(v).rstrip(".") for v in values["IN"]})
    for kind, anchor in (("months", "janvier"), ("weekdays", "lundi")):
        vocabulary = {normalise(w) for w in words[kind]}
        with_anchor = [values for values in lists if anchor in values]
        assert with_anchor, f"no pattern lists the {kind}"
        # a list naming one month names all of them, and only them
        assert all(values == vocabulary for values in with_anchor if len(values) > 12) or all(
            vocabulary <= values for values in with_anchor
        )
        assert any(values == vocabulary for values in with_anchor), kind


# --- resolving ---------------------------------------------------------------------------

RESOLVED = [
    ("en 2022", None, "2022"),
    ("en 1997", None, "1997"),
    ("depuis 2017", None, "2017"),
    ("en novembre 2017", None, "2017-11"),
    ("avril 2014", None, "2014-04"),
    ("d'avril 2014", None, "2014-04"),
    ("le 9 mars 2021", None, "2021-03-09"),
    ("le 9 mars", "2021-03-11", "2021-03-09"),
    ("le 9 mars", "2021-03", "2021-03-09"),
    ("le 9 mars", "2021", "2021-03-09"),
    ("ce 9 mars", "2021-03-11", "2021-03-09"),
    ("le 1er juin", "2020-07-01", "2020-06-01"),
    ("le 24 novembre", "2020-12", "2020-11-24"),
    ("12 décembre dernier", "2018-01-10", "2017-12-12"),
    ("le 12 décembre dernier", "2018-01-10", "2017-12-12"),
    ("le 5 octobre dernier", "2018-11", "2018-10-05"),
    ("le 15 décembre prochain", "2020-12-20", "2021-12-15"),
    # the day of writing itself, looking ahead: that day, not a year on
    ("le 18 novembre prochain", "2018-11-18", "2018-11-18"),
    ("le 29 février", "2021-03-01", "2020-02-29"),
    ("Mercredi 6 novembre dernier", "2019-11", "2019-11-06"),
    ("le mercredi 10 février", "2016-02-11", "2016-02-10"),
    ("vendredi 23 mars", "2018-09-05", "2018-03-23"),
    ("15 déc. 2010", None, "2010-12-15"),
    ("15 déc 2010", None, "2010-12-15"),
    ("le 3 juil. 2020", None, "2020-07-03"),
    ("le 05/09/2018", None, "2018-09-05"),
    ("le 10-01-2018", None, "2018-01-10"),
    ("2023-07-25", None, "2023-07-25"),
    ("fin 2014", None, "2014"),
    ("début 2025", None, "2025"),
    ("mi-2023", None, "2023"),
    ("d'ici 2030", None, "2030"),
    ("d’ici à 2030", None, "2030"),
    ("l'été 2020", None, "2020"),
    ("la fin de l'année 2014", "2020-05-01", "2014"),
    ("Du 14 au 16 juin 2023", None, "2023-06"),
    ("en janvier dernier", "2018-11", "2018-01"),
    ("en novembre dernier", "2018-11-20", "2017-11"),
    ("en décembre", "2018-11", "2018-12"),
    ("mercredi", "2020-12-03", "2020-12-02"),
    ("jeudi", "2020-12-03", "2020-12-03"),
    ("ce mardi", "2021-06-23", "2021-06-22"),
    ("jeudi dernier", "2020-12-03", "2020-11-26"),
    ("mardi prochain", "2020-12-03", "2020-12-08"),
    ("mercredi", "2020-12", "2020-12"),
    ("mercredi", "2020", "2020"),
    ("l'année prochaine", "2021-12", "2022"),
    ("l’an prochain", "2021-12-03", "2022"),
    ("l'année dernière", "2020-12", "2019"),
    ("l'an dernier", "2015-02-26", "2014"),
    ("cette année", "2022-01-28", "2022"),
    ("avant la fin de l'année", "2022-01-28", "2022"),
    ("d'ici la fin de l'année", "2022-01", "2022"),
    ("début de l’année", "2018-11", "2018"),
    ("aujourd'hui", "2010-12-15", "2010-12-15"),
    ("aujourd’hui", "2022-06", "2022-06"),
    ("hier", "2020-03-01", "2020-02-29"),
    ("avant-hier", "2020-03-01", "2020-02-28"),
    ("le mois dernier", "2021-01-15", "2020-12"),
    ("Au début du mois", "2021-12", "2021-12"),
    # a week is the month of its Thursday; without a day, the publication's own month
    ("la semaine dernière", "2023-05-10", "2023-05"),
    ("la semaine dernière", "2023-05-03", "2023-04"),
    ("cette semaine", "2023-05-01", "2023-05"),
    ("la semaine prochaine", "2023-05-29", "2023-06"),
    ("la semaine dernière", "2021-08", "2021-08"),
    # so long ago: days as a day, weeks as their month, months and years at their precision
    ("il y a trois jours", "2023-05-02", "2023-04-29"),
    ("il y a 2 semaines", "2023-05-10", "2023-04"),
    ("il y a un mois", "2023-01-15", "2022-12"),
    ("il y a deux ans", "2023-05-10", "2021"),
    ("il y a trois jours", "2023-05", "2023-05"),
]


@pytest.mark.parametrize(("text", "published", "expected"), RESOLVED)
def test_resolve(resolver: DateResolver, text: str, published: str | None, expected: str):
    assert resolver.resolve(text, dv(published) if published else None) == dv(expected)


@pytest.mark.parametrize(
    "text",
    [
        "mercredi",
        "ce mardi",
        "l'année prochaine",
        "l'an dernier",
        "cette année",
        "aujourd'hui",
        "hier",
        "9 mars",
        "le 12 décembre dernier",
        "en janvier dernier",
        "avant la fin de l'année",
        "le mois dernier",
    ],
)
def test_relative_dates_need_a_publication_date(resolver: DateResolver, text: str):
    assert resolver.resolve(text, None) is None


@pytest.mark.parametrize(
    "text", ["Je", "sa", "", "13,2 milliards", "le 31 avril 2020", "de 2023 à 2027", "bonjour"]
)
def test_resolve_rejects_what_is_no_date(resolver: DateResolver, text: str):
    assert resolver.resolve(text, dv("2020-06-10")) is None


def test_found_spans_resolve_against_the_publication(nlp: Language, resolver: DateResolver):
    doc = nlp(
        "Leur coopération a été annoncée mercredi. Les deux pays signeront l'an prochain "
        "un accord pour la période 2021-2027, après celui du 24 novembre."
    )
    published = dv("2020-12-03")
    got = [
        (
            s.text,
            resolver.resolve(s.text, published)
            if s.label_ == "DATE"
            else resolver.resolve_period(s.text),
        )
        for s in doc.spans["dates"]
    ]
    assert got == [
        ("mercredi", dv("2020-12-02")),
        ("l'an prochain", dv("2021")),
        ("pour la période 2021-2027", Period(start="2021", end="2027")),
        ("24 novembre", dv("2020-11-24")),
    ]


PERIODS = [
    ("2018-2022", "2018", "2022"),
    ("pour la période 2021-2027", "2021", "2027"),
    ("2021–2027", "2021", "2027"),
    ("de 2023 à 2027", "2023", "2027"),
    ("De 2026 à 2030", "2026", "2030"),
    ("entre 2031 et 2035", "2031", "2035"),
    ("jusqu'en 2027", None, "2027"),
    ("jusqu’à 2030", None, "2030"),
    ("jusqu'au 31 décembre 2027", None, "2027-12-31"),
    ("à partir de 2024", "2024", None),
    ("d'avril 2014 à juin 2015", "2014-04", "2015-06"),
    ("entre mars et mai 2020", "2020-03", "2020-05"),
    ("du 1er janvier 2021 au 31 décembre 2027", "2021-01-01", "2027-12-31"),
    ("Du 14 au 16 juin 2023", "2023-06-14", "2023-06-16"),
]


@pytest.mark.parametrize(("text", "start", "end"), PERIODS)
def test_resolve_period(resolver: DateResolver, text: str, start: str | None, end: str | None):
    assert resolver.resolve_period(text) == Period(start=start, end=end)


@pytest.mark.parametrize("text", ["en 2022", "2022-2018", "2018-01-10", "mercredi", "", "à"])
def test_resolve_period_rejects_what_is_no_period(resolver: DateResolver, text: str):
    assert resolver.resolve_period(text) is None


# --- properties --------------------------------------------------------------------------


def _month_names() -> dict[int, list[str]]:
    words = json.loads((default_rules_dir() / "fr" / "date_words.json").read_text("utf-8"))
    names: dict[int, list[str]] = {}
    for name, number in words["months"].items():
        names.setdefault(number, []).append(name)
    return names


MONTH_NAMES = _month_names()
DATES = st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31))
PUBLISHED = st.one_of(
    st.none(),
    DATES.map(lambda d: dv(d.isoformat())),
    DATES.map(lambda d: dv(d.isoformat()[:7])),
    DATES.map(lambda d: dv(d.isoformat()[:4])),
    # anything the model accepts, "0000" and "9999-12-31" included
    st.from_regex(r"\A\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?\Z").map(dv),
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text=st.text(max_size=60), published=PUBLISHED)
def test_resolve_never_raises(resolver: DateResolver, text: str, published: DateValue | None):
    value = resolver.resolve(text, published)
    assert value is None or isinstance(value, DateValue)


@FAST
@given(text=st.text(alphabet=st.sampled_from("0123456789 -–/àaeudejusqn'léèfinmars"), max_size=40))
def test_resolve_period_never_raises(resolver: DateResolver, text: str):
    period = resolver.resolve_period(text)
    assert period is None or isinstance(period, Period)


@FAST
@given(text=st.text(max_size=60))
def test_resolve_period_never_raises_on_any_text(resolver: DateResolver, text: str):
    resolver.resolve_period(text)


@FAST
@given(day=DATES, data=st.data())
def test_day_month_year_round_trips(resolver: DateResolver, day: date, data: st.DataObject):
    month = data.draw(st.sampled_from(MONTH_NAMES[day.month]), label="month name")
    text = f"le {day.day} {month} {day.year}"
    assert resolver.resolve(text, None) == dv(day.isoformat())


WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


@FAST
@given(published=DATES.filter(lambda d: d > date(1000, 1, 7)), weekday=st.sampled_from(WEEKDAYS))
def test_weekday_is_the_latest_on_or_before_publication(
    resolver: DateResolver, published: date, weekday: str
):
    value = resolver.resolve(weekday, dv(published.isoformat()))
    assert value is not None and value.precision == "day"
    found = date.fromisoformat(value.value)
    assert published - timedelta(days=6) <= found <= published
    assert found.weekday() == WEEKDAYS.index(weekday)


@FAST
@given(
    published=DATES.filter(lambda d: date(1000, 3, 1) < d < date(9999, 10, 1)),
    day=st.integers(1, 31),
    ahead=st.booleans(),
)
def test_a_day_of_the_month_alone_is_the_nearest_of_its_number(
    published: date, day: int, ahead: bool
):
    # "no último dia 5" (pt), "el próximo día 20" (es): that number's nearest day, on or
    # before the writing, or after it for "próximo"; a 31st may skip a short month
    said = "no próximo dia" if ahead else "no último dia"
    value = resolver_for("pt").resolve(f"{said} {day}", dv(published.isoformat()))
    assert value is not None and value.precision == "day"
    found = date.fromisoformat(value.value)
    assert found.day == day
    if ahead:
        assert published < found <= published + timedelta(days=62)
    else:
        assert published - timedelta(days=62) <= found <= published


# A summer as rules/fr reads it: from July (two months before its end) to September. Read at
# the month: a summer has begun in July, and is over only once September is.
def _begun(year: int, published: date) -> bool:
    return (year, 7) <= (published.year, published.month)


def _over(year: int, published: date) -> bool:
    return (year, 9) < (published.year, published.month)


@FAST
@given(
    published=DATES.filter(lambda d: 1000 < d.year < 9999),
    said=st.sampled_from(["", "dernier"]),
)
def test_a_past_summer_is_the_latest_begun_or_over(
    resolver: DateResolver, published: date, said: str
) -> None:
    value = resolver.resolve(f"l'été {said}".strip(), dv(published.isoformat()))
    assert value is not None and value.precision == "year"
    year = int(value.value)
    # "l'été dernier" is over by the writing, "l'été" (past) has begun; the next one has not
    reached = _over if said else _begun
    assert reached(year, published) and not reached(year + 1, published)


@FAST
@given(published=DATES.filter(lambda d: 1000 < d.year < 9999))
def test_a_summer_to_come_is_the_next_not_yet_over(resolver: DateResolver, published: date) -> None:
    value = resolver.resolve("d'ici l'été", dv(published.isoformat()), future=True)
    assert value is not None and value.precision == "year"
    year = int(value.value)
    assert not _over(year, published) and _over(year - 1, published)


def test_a_day_of_the_month_alone_needs_the_month_of_writing() -> None:
    pt = resolver_for("pt")
    assert pt.resolve("no dia 5", dv("2024-05")) == dv("2024-05-05")
    assert pt.resolve("no dia 5", dv("2024")) is None


@FAST
@given(published=DATES.filter(lambda d: date(1000, 2, 1) < d < date(9999, 11, 1)))
def test_last_week_is_the_month_of_a_day_of_the_week_before(
    resolver: DateResolver, published: date
):
    value = resolver.resolve("la semaine dernière", dv(published.isoformat()))
    assert value is not None and value.precision == "month"
    monday = published - timedelta(days=published.weekday() + 7)
    assert value.value in {d.isoformat()[:7] for d in (monday, monday + timedelta(days=6))}


@FAST
@given(published=DATES.filter(lambda d: d.year > 1000), day=DATES)
def test_day_month_without_year_is_the_latest_past_occurrence(
    resolver: DateResolver, published: date, day: date
):
    month = MONTH_NAMES[day.month][0]
    value = resolver.resolve(f"le {day.day} {month}", dv(published.isoformat()))
    assert value is not None
    found = date.fromisoformat(value.value)
    assert (found.month, found.day) == (day.month, day.day)
    # within a year before publication, or the last 29 February
    assert found <= published
    assert published - found < timedelta(days=366 if (day.month, day.day) != (2, 29) else 366 * 8)


# --- without a publication date: a bound from the text (assembly.reference) ------------

AFTER = [
    # a named day or month without its year: its first occurrence from the bound
    ("ce 9 mars", "2020-09", "2021-03-09"),
    ("le 12 février", "2020-09", "2021-02-12"),
    ("le 9 mars", "2021-03-09", "2021-03-09"),
    ("le 9 mars", "2021-03-10", "2022-03-09"),
    ("en mars", "2020-09", "2021-03"),
    ("en septembre", "2020-09", "2020-09"),
    ("Du 14 au 16 juin", "2023-02-01", "2023-06"),
    ("9 mars", "2020-09", "2021-03-09"),
    # "dernier": the last one before the bound, "prochain": the first after it
    ("en janvier dernier", "2018-10-29", "2018-01"),
    ("en octobre dernier", "2018-10-29", "2017-10"),
    ("le 12 décembre dernier", "2018-10-29", "2017-12-12"),
    ("en mars prochain", "2021-03", "2022-03"),
    ("le 15 décembre prochain", "2020-12-20", "2021-12-15"),
    # the day of writing itself, looking ahead: that day, not a year on
    ("le 18 novembre prochain", "2018-11-18", "2018-11-18"),
    # an expression with its own year needs no bound
    ("le 9 mars 2019", "2020-09", "2019-03-09"),
]


@pytest.mark.parametrize(("text", "after", "expected"), AFTER)
def test_resolve_after_a_bound_from_the_text(
    resolver: DateResolver, text: str, after: str, expected: str
):
    assert resolver.resolve(text, None, after=dv(after)) == dv(expected)


@pytest.mark.parametrize(
    "text",
    # they need the very day of writing, which a lower bound does not give
    [
        "mercredi",
        "ce mardi",
        "hier",
        "aujourd'hui",
        "le mois dernier",
        "l'année prochaine",
        "cette année",
        "l'an dernier",
        "avant la fin de l'année",
    ],
)
def test_a_bound_does_not_read_expressions_relative_to_the_writing(
    resolver: DateResolver, text: str
):
    assert resolver.resolve(text, None, after=dv("2020-09")) is None


def test_the_publication_date_wins_over_a_bound(resolver: DateResolver):
    assert resolver.resolve("ce 9 mars", dv("2023-05-01"), after=dv("2020-09")) == dv("2023-03-09")


@pytest.mark.parametrize(
    ("text", "value", "end", "finer"),
    [
        ("en mars 2021", "2021-03", "2021-03-31", True),
        ("le 9 mars 2021", "2021-03-09", "2021-03-09", True),
        ("l'été 2020", "2020-09", "2020-09-30", True),
        ("au printemps 2019", "2019-06", "2019-06-30", True),
        ("en 2020", "2020", "2020-12-31", False),
        ("l'hiver 2020", "2020", "2020-12-31", False),  # across two years: no season end
    ],
)
def test_extent(resolver: DateResolver, text: str, value: str, end: str, finer: bool):
    assert resolver.extent(text) == (dv(value), date.fromisoformat(end), finer)


@pytest.mark.parametrize("text", ["ce 9 mars", "mercredi", "l'année prochaine", "bonjour", ""])
def test_extent_of_what_needs_a_reference(resolver: DateResolver, text: str):
    assert resolver.extent(text) is None


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("l'année prochaine", 1),
        ("l’an prochain", 1),
        ("cette année", 0),
        ("l'an dernier", -1),
        ("en 2022", None),
        ("le mois prochain", None),
        ("mercredi prochain", None),
        ("en mars prochain", None),
        ("hier", None),
    ],
)
def test_relative_year(resolver: DateResolver, text: str, offset: int | None):
    assert resolver.relative_year(text) == offset


@FAST
@given(bound=DATES.filter(lambda d: d.year < 2990), day=DATES, last=st.booleans())
def test_day_month_after_a_bound_is_the_nearest_occurrence(
    resolver: DateResolver, bound: date, day: date, last: bool
):
    """From a bound, a year-less day is its first occurrence on or after it; with
    "dernier", its last occurrence on or before it."""
    month = MONTH_NAMES[day.month][0]
    text = f"le {day.day} {month}{' dernier' if last else ''}"
    value = resolver.resolve(text, None, after=dv(bound.isoformat()))
    if value is None:  # a 29 February out of reach of the bound's range of years
        assert (day.month, day.day) == (2, 29)
        return
    found = date.fromisoformat(value.value)
    assert (found.month, found.day) == (day.month, day.day)
    leap = (day.month, day.day) == (2, 29)
    span = timedelta(days=366 * (8 if leap else 1))
    if last:
        assert bound - span < found <= bound
    else:
        assert bound <= found < bound + span


@FAST
@given(bound=DATES.filter(lambda d: 1000 < d.year < 2990), month=st.integers(1, 12))
def test_month_after_a_bound_is_the_first_from_its_month(
    resolver: DateResolver, bound: date, month: int
):
    value = resolver.resolve(f"en {MONTH_NAMES[month][0]}", None, after=dv(bound.isoformat()))
    assert value is not None and value.precision == "month"
    year, found = (int(p) for p in value.value.split("-"))
    assert found == month
    assert (bound.year, bound.month) <= (year, found) < (bound.year + 1, bound.month)


# --- one resolver a language -------------------------------------------------------------


def test_every_reader_of_a_language_shares_one_resolver():
    shared = resolver_for("fr")
    assert resolver_for("fr", default_rules_dir()) is shared
    assert LanguagePolicy.from_rules().resolver("fr") is shared
    assert resolver_for("en") is not shared and resolver_for("en").language == "en"


def test_a_changed_vocabulary_gives_a_new_resolver(tmp_path: Path):
    shutil.copytree(default_rules_dir() / "fr", tmp_path / "fr")
    before = resolver_for("fr", tmp_path)
    assert resolver_for("fr", tmp_path) is before
    path = tmp_path / "fr" / "date_words.json"
    words = json.loads(path.read_text(encoding="utf-8"))
    words["months"]["brumaire"] = 11
    path.write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
    after = resolver_for("fr", tmp_path)
    assert after is not before
    assert after.resolve("en brumaire 2020", None) == dv("2020-11")
    assert before.resolve("en brumaire 2020", None) == dv("2020")  # the year alone


@FAST
@given(published=DATES.filter(lambda d: d.year > 1000), month=st.integers(1, 12), data=st.data())
def test_a_month_of_the_year_before_the_writing(
    resolver: DateResolver, published: date, month: int, data: st.DataObject
):
    # "en juillet de l'année dernière" is July of the year before, whatever the month of
    # publication; "l'année prochaine" the year after
    name = data.draw(st.sampled_from(MONTH_NAMES[month]), label="month name")
    last = resolver.resolve(f"en {name} de l'année dernière", dv(published.isoformat()))
    following = resolver.resolve(f"en {name} de l'année prochaine", dv(published.isoformat()))
    assert last == dv(f"{published.year - 1:04d}-{month:02d}")
    assert following == dv(f"{published.year + 1:04d}-{month:02d}")
