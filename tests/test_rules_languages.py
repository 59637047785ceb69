"""The checks every language's rules pass (rules/<lang>/), each run for every language.

The folder checks need no examples; the others read each language's sentences from
`tests/rule_examples/<lang>.py`. Languages without a trained model run on `spacy.blank`, in
a second or two; French runs with fr_core_news_md (marked `model`). What only one language
has (a tokenizer's quirk, an ordinal sign) is tested in `test_rules_<lang>.py`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import pytest
import spacy

from coopextract.models import DateValue, Period
from coopextract.pipeline.build import add_rule_components, alias_variants
from coopextract.pipeline.parties import is_conjunction
from coopextract.reading.date_words import normalise
from coopextract.rule_files import available_languages, default_rules_dir, load_patterns
from tests import lang_rules_helpers as h
from tests.conftest import dv
from tests.rule_examples import PUBLISHED, Examples, empty_fields, examples

LANGUAGES = available_languages(default_rules_dir())
# Attributes a pattern may read only where a component of the pipeline sets them.
ANNOTATIONS = {
    "LEMMA": "token.lemma",
    "POS": "token.pos",
    "TAG": "token.tag",
    "MORPH": "token.morph",
    "DEP": "token.dep",
}


def _language(lang: str) -> Any:
    """`lang` as a parameter: French, which loads its trained model, is marked `model`."""
    marks = [pytest.mark.model] if examples(lang).model else []
    return pytest.param(lang, marks=marks, id=lang)


def each_language() -> list[Any]:
    return [_language(lang) for lang in LANGUAGES]


def each_example(field: Callable[[Examples], Iterable[Any]]) -> list[Any]:
    """One parameter set per example of every language: (lang, *example)."""
    cases = []
    for lang in LANGUAGES:
        marks = [pytest.mark.model] if examples(lang).model else []
        for n, case in enumerate(field(examples(lang))):
            values = case if isinstance(case, tuple) else (case,)
            cases.append(pytest.param(lang, *values, marks=marks, id=f"{lang}-{n}"))
    return cases


def instrument_ids(lang: str, text: str) -> list[str]:
    """The instruments the text's triggers name, vague ones ("le bail") included."""
    found = h.spans(lang, text, "triggers", "INSTRUMENT") + h.spans(lang, text, "triggers", "VAGUE")
    return [i for _, i in found]


def summary(lang: str, text: str) -> list[tuple[str, str, list[str]]]:
    found = h.mentions(lang, text)
    return [(m.instrument, m.status, [p.entry.id for p in m.parties]) for m in found]


def date_spans(lang: str, text: str) -> list[tuple[str, str]]:
    parsed = h.doc(lang, text)  # held: a Doc's span groups stop working once it is collected
    return [(s.text, s.label_) for s in parsed.spans.get("dates", [])]


# --- the folder ------------------------------------------------------------------------------


def test_every_language_has_examples_for_every_check() -> None:
    for lang in LANGUAGES:
        assert empty_fields(examples(lang)) == [], lang


@pytest.mark.parametrize("lang", each_language())
def test_rules_load_with_the_model_they_name(lang: str) -> None:
    folder = default_rules_dir() / lang
    for family in ("entities", "demonyms", "triggers", "status", "scope", "dates", "references"):
        assert (folder / f"{family}.jsonl").is_file(), family
    assert (folder / "boilerplate.jsonl").is_file()
    assert (folder / "date_words.json").is_file()
    declared = json.loads((folder / "language.json").read_text(encoding="utf-8"))
    assert declared == {"model": examples(lang).model}
    loaded = h.rules(lang)
    assert loaded.model == examples(lang).model
    assert all(loaded.patterns.values()), [f for f, lines in loaded.patterns.items() if not lines]
    assert loaded.boilerplate
    # a blank pipeline has no parser: the typographic sentences are its splitter
    assert h.pipeline(lang).has_pipe("parser") == (examples(lang).model is not None)


@pytest.mark.parametrize("lang", each_language())
def test_patterns_read_only_what_the_pipeline_sets(lang: str) -> None:
    """A pattern reading lemmas, tags or the parse where nothing sets them never matches."""
    nlp = h.pipeline(lang)
    assigned = {a for name in nlp.pipe_names for a in nlp.get_pipe_meta(name).assigns}
    missing = {attr for attr, what in ANNOTATIONS.items() if what not in assigned}
    assert missing == set(ANNOTATIONS) or examples(lang).model, missing
    for family, lines in h.rules(lang).patterns.items():
        for line in lines:
            if isinstance(line["pattern"], list):
                for token in line["pattern"]:
                    assert not missing & set(token), (family, line)


@pytest.mark.parametrize("lang", each_language())
def test_every_state_has_a_name_in_the_language(lang: str) -> None:
    catalog = h.rules(lang).catalog
    own = load_patterns([default_rules_dir() / lang / "entities.jsonl"], "entities", catalog)
    named = {line["id"] for line in own if line["label"] == "STATE"}
    states = {e.id for e in catalog.values() if e.kind == "state"}
    assert states - named == set()


@pytest.mark.parametrize("lang", each_language())
def test_no_spelling_maps_to_two_entities(lang: str) -> None:
    ids: dict[str, set[str]] = defaultdict(set)
    for line in h.rules(lang).patterns["entities"]:
        if isinstance(line["pattern"], str):
            for variant in alias_variants(line["pattern"]):
                ids[variant.lower()].add(line["id"])
    assert {k: v for k, v in ids.items() if len(v) > 1} == {}


@pytest.mark.parametrize("lang", each_language())
def test_every_string_alias_finds_itself(lang: str) -> None:
    nlp = add_rule_components(spacy.blank(lang), h.rules(lang))
    missing = []
    for line in h.rules(lang).patterns["entities"]:
        if isinstance(line["pattern"], str):
            for variant in alias_variants(line["pattern"]):
                parsed = nlp(variant)
                if not any(
                    s.text == variant and s.id_ == line["id"] for s in parsed.spans["entities"]
                ):
                    missing.append((variant, line["id"]))
    assert missing == []


@pytest.mark.parametrize("lang", each_language())
def test_demonym_words_are_unambiguous(lang: str) -> None:
    """A single-word demonym names one state (multi-word ones, "North Korean", are sequences)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for line in h.rules(lang).patterns["demonyms"]:
        pattern = line["pattern"]
        if len(pattern) != 1:
            continue
        lower = pattern[0].get("LOWER")
        words = lower.get("IN", []) if isinstance(lower, dict) else [lower] if lower else []
        for word in words:
            owners[word].add(line["id"])
    assert {w: ids for w, ids in owners.items() if len(ids) > 1} == {}


@pytest.mark.parametrize("lang", each_language())
def test_date_words_match_the_patterns(lang: str) -> None:
    """Months and weekdays live in two data files (patterns and resolver); keep them in step.
    A pattern list of such words names only words the resolver knows; every single word the
    resolver knows is in a list ("de marzo" is a resolver-only form); a list naming the
    anchor names every month (weekday); and one list names them all, unless the language
    lists them by case."""
    words = h.resolver(lang).words
    lists: list[set[str]] = []
    for line in h.rules(lang).patterns["dates"]:
        for token in line["pattern"]:
            for attr in ("LOWER", "ORTH"):
                values = token.get(attr)
                if isinstance(values, dict) and "IN" in values:
                    lists.append({normalise(v).rstrip(".") for v in values["IN"]})
    for kind, anchor in examples(lang).date_anchors.items():
        numbers: dict[str, int] = getattr(words, kind)
        vocabulary = {w for w in numbers if " " not in w}
        assert all(values <= vocabulary for values in lists if values & vocabulary), kind
        assert vocabulary <= set().union(*lists), kind
        with_anchor = [values for values in lists if normalise(anchor) in values]
        assert with_anchor, f"no pattern lists the {kind}"
        every = set(numbers.values())
        assert all({numbers[w] for w in values} == every for values in with_anchor), kind
        whole = any(values == vocabulary for values in with_anchor)
        assert whole == (kind not in examples(lang).inflected), kind


@pytest.mark.parametrize("lang", each_language())
def test_the_resolver_reads_the_vocabulary(lang: str) -> None:
    """Every month name resolves to its month, and every weekday to a day, in that language."""
    resolver = h.resolver(lang)
    for name, number in resolver.words.months.items():
        value = resolver.resolve(f"{name} 2020", None)
        assert value is not None and value.value == f"2020-{number:02d}", name
    for name in resolver.words.weekdays:
        value = resolver.resolve(name, PUBLISHED)
        assert value is not None and value.precision == "day", name


# --- entities --------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), each_example(lambda e: e.entities))
def test_entities(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert h.spans(lang, text, "entities") == expected


@pytest.mark.parametrize(("lang", "text", "word", "ident"), each_example(lambda e: e.demonyms))
def test_demonyms(lang: str, text: str, word: str, ident: str) -> None:
    assert h.spans(lang, text, "demonyms") == [(word, ident)]


# --- instruments and their status -----------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "instrument"), each_example(lambda e: e.instruments))
def test_instruments(lang: str, text: str, instrument: str | None) -> None:
    assert instrument_ids(lang, text) == ([instrument] if instrument else [])


@pytest.mark.parametrize(("lang", "text"), each_example(lambda e: e.idioms))
def test_idioms_hide_instrument_words(lang: str, text: str) -> None:
    parsed = h.doc(lang, text)
    assert [t.label_ for t in parsed.spans["triggers"]] == ["IDIOM"]
    assert parsed._.agreement_mentions == []


@pytest.mark.parametrize(("lang", "text", "expected"), each_example(lambda e: e.agreements))
def test_agreements(lang: str, text: str, expected: list[tuple[str, str, list[str]]]) -> None:
    """Every agreement mention of the text: its instrument, status and parties, in order."""
    assert summary(lang, text) == expected


@pytest.mark.parametrize(("lang", "text", "status"), each_example(lambda e: e.statuses))
def test_statuses(lang: str, text: str, status: str | None) -> None:
    """The latest stage among the cues that count in the sentence: done under an agreement
    (in force, or signed where the sentence looks ahead), an entry into force still to come
    or denied, a threat, a cooperation or supply that stops."""
    assert h.sentence_status(lang, text) == status


@pytest.mark.parametrize(
    ("lang", "text", "status", "value"), each_example(lambda e: e.signings_to_come)
)
def test_a_signing_told_in_the_present_may_be_still_to_come(
    lang: str, text: str, status: str, value: str
) -> None:
    """ "Portugal e Espanha assinam na segunda-feira um memorando … O memorando será
    assinado": the present of the lead is the signing to come, dated on the Monday ahead."""
    [draft] = h.agreements(lang, text, PUBLISHED)
    assert draft.status == status
    assert draft.date is not None and draft.date[0] == dv(value)
    # told alone, the present is the news present: signed, on the Monday gone
    [lead] = h.agreements(lang, text.split(". ")[0] + ".", PUBLISHED)
    assert lead.status == "signed"
    assert lead.date is not None and lead.date[0].value < PUBLISHED.value


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "span", "value"), each_example(lambda e: e.dates))
def test_dates_are_found_and_resolved(lang: str, text: str, span: str, value: str) -> None:
    assert date_spans(lang, text) == [(span, "DATE")]
    assert h.resolver(lang).resolve(span, PUBLISHED) == dv(value)


@pytest.mark.parametrize(
    ("lang", "text", "published", "value"), each_example(lambda e: e.agreement_dates)
)
def test_an_agreement_takes_its_date(
    lang: str, text: str, published: str | None, value: str
) -> None:
    found: DateValue | None = h.first_date(lang, text, dv(published) if published else None)
    assert found == dv(value)


@pytest.mark.parametrize(
    ("lang", "text", "span", "start", "end"), each_example(lambda e: e.periods)
)
def test_periods(lang: str, text: str, span: str, start: str | None, end: str | None) -> None:
    assert date_spans(lang, text) == [(span, "PERIOD")]
    assert h.resolver(lang).resolve_period(span) == Period(start=start, end=end)


# --- parties ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), each_example(lambda e: e.sentence_parties))
def test_the_parties_of_a_sentence(lang: str, text: str, expected: list[str]) -> None:
    assert h.parties(h.pipeline(lang), h.rules(lang), text) == expected


@pytest.mark.parametrize(("lang", "text", "kind"), each_example(lambda e: e.pair_references))
def test_pair_references(lang: str, text: str, kind: str) -> None:
    assert h.spans(lang, text, "references") == [(text, kind)]


@pytest.mark.parametrize(("lang", "text"), each_example(lambda e: e.new_instruments))
def test_an_agreement_said_to_be_new(lang: str, text: str) -> None:
    [mention] = h.mentions(lang, text)
    assert mention.new


@pytest.mark.parametrize(("lang", "text", "words"), each_example(lambda e: e.conjunctions))
def test_the_words_that_coordinate_parties(lang: str, text: str, words: list[str]) -> None:
    parsed = h.doc(lang, text)
    assert [t.text for t in parsed if is_conjunction(t)] == words


@pytest.mark.parametrize(("lang", "text", "expected"), each_example(lambda e: e.pairs_from_context))
def test_the_two_countries_are_the_pair_before(lang: str, text: str, expected: list[str]) -> None:
    [mention] = h.mentions(lang, text)
    assert [p.entry.id for p in mention.parties] == expected
    assert mention.party_source == "pair"


# --- scope -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), each_example(lambda e: e.scopes))
def test_scope_keywords(lang: str, text: str, expected: list[str]) -> None:
    assert h.span_ids(h.pipeline(lang), text, "scope") == expected


@pytest.mark.parametrize(("lang", "text", "expected"), each_example(lambda e: e.agreement_scopes))
def test_the_scope_of_an_agreement(lang: str, text: str, expected: list[str]) -> None:
    [mention] = h.mentions(lang, text)
    assert mention.scope == expected


# --- boilerplate -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", each_language())
def test_boilerplate_lines_are_masked(lang: str) -> None:
    lines = [*examples(lang).masked_lines, examples(lang).kept_line]
    masked = h.masked_rules(lang, lines)
    assert all(masked[:-1]), list(zip(lines, masked, strict=True))
    assert masked[-1] is None
