"""Shared checks for the rule folders of languages that run on a blank spaCy pipeline.

`tests/test_rules_en.py`, `test_rules_es.py` and `test_rules_pt.py` hold each language's own
sentences; the mechanics (building the pipeline once, reading spans and mentions, resolving a
mention's date, the consistency checks every rule folder must pass) live here. Everything runs
on `spacy.blank(lang)`: no trained model is needed.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from typing import Any

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc

from coopextract.models import DateValue
from coopextract.pipeline.build import add_rule_components, alias_variants, build_pipeline
from coopextract.pipeline.components.agreements import status_cues
from coopextract.pipeline.mentions import AgreementMention, later_status
from coopextract.pipeline.parties import choose_parties, sentence_mentions
from coopextract.reading.boilerplate import boilerplate_lines
from coopextract.reading.dates import DateResolver, normalise
from coopextract.rule_files import RuleSet, default_rules_dir, load_rules


@functools.cache
def rules(lang: str) -> RuleSet:
    return load_rules(None, lang)


@functools.cache
def pipeline(lang: str) -> Language:
    """The whole extraction pipeline for `lang`, blank (no trained model)."""
    return build_pipeline(rules(lang), model=None)


@functools.cache
def resolver(lang: str) -> DateResolver:
    return DateResolver(lang)


def doc(lang: str, text: str) -> Doc:
    return pipeline(lang)(text)


def spans(lang: str, text: str, family: str, label: str | None = None) -> list[tuple[str, str]]:
    """(text, id) of one family's spans, optionally of one label."""
    parsed = doc(lang, text)
    return [
        (s.text, s.id_) for s in parsed.spans.get(family, []) if label is None or s.label_ == label
    ]


def mentions(lang: str, text: str) -> list[AgreementMention]:
    return doc(lang, text)._.agreement_mentions


def sentence_status(lang: str, text: str) -> str | None:
    """The status a sentence gives: the latest stage among the cues that count there (longest
    cue where they overlap, which the span filter already chose; see `status_cues`)."""
    parsed = doc(lang, text)
    return later_status(
        *[status for sent in parsed.sents for _, status in status_cues(parsed, sent)]
    )


def party_ids(mention: AgreementMention) -> set[str]:
    return {p.entry.id for p in mention.parties}


def first_date(lang: str, text: str, published: DateValue | None) -> DateValue | None:
    """The date of the text's only agreement mention, resolved as the assembly would."""
    found = mentions(lang, text)
    assert len(found) == 1, [m.instrument for m in found]
    mention = found[0]
    assert mention.dates, f"no date found in {text!r}"
    return resolver(lang).resolve(mention.dates[0].text, published)


def masked_rules(lang: str, lines: list[str]) -> list[str]:
    """The ids of the boilerplate rules that mask each line (None where none does)."""
    text = "\n".join(lines)
    found = {
        text[m.start : m.end]: m.rule for m in boilerplate_lines(text, rules(lang).boilerplate)
    }
    return [found.get(line) for line in lines]


# --- consistency checks every language folder passes ------------------------------------------


def only_mention(nlp: Language, text: str) -> AgreementMention:
    found = nlp(text)._.agreement_mentions
    assert len(found) == 1, [(m.instrument, m.trigger.text) for m in found]
    return found[0]


def span_ids(nlp: Language, text: str, family: str) -> list[str]:
    parsed = nlp(text)  # held: a Doc's span groups stop working once it is collected
    return [s.id_ for s in parsed.spans.get(family, [])]


def parties(nlp: Language, rule_set: RuleSet, text: str) -> list[str]:
    """The ids of the parties chosen in the text's first sentence."""
    parsed = nlp(text)
    sent = next(iter(parsed.sents))
    return [p.entry.id for p in choose_parties(sentence_mentions(parsed, sent, rule_set.catalog))]


def read_lines(path: Any) -> list[dict[str, Any]]:
    return list(srsly.read_jsonl(path))


def check_folder(lang: str) -> None:
    """The folder has every family file, loads, and asks for no trained model."""
    folder = default_rules_dir() / lang
    for name in (
        "entities",
        "demonyms",
        "triggers",
        "status",
        "scope",
        "dates",
        "references",
        "boilerplate",
    ):
        assert (folder / f"{name}.jsonl").is_file(), name
    assert json.loads((folder / "language.json").read_text(encoding="utf-8")) == {"model": None}
    assert (folder / "date_words.json").is_file()
    loaded = rules(lang)
    assert loaded.model is None
    assert all(loaded.patterns.values()), [f for f, lines in loaded.patterns.items() if not lines]
    assert loaded.boilerplate
    assert not pipeline(lang).has_pipe("parser")


def check_patterns_run_blank(lang: str) -> None:
    """No pattern reads lemmas, tags or the parse: on a blank pipeline they would be dropped."""
    for family, lines in rules(lang).patterns.items():
        for line in lines:
            if isinstance(line["pattern"], list):
                for token in line["pattern"]:
                    assert not {"LEMMA", "POS", "TAG", "MORPH", "DEP"} & set(token), (family, line)


def check_every_state_named(lang: str) -> None:
    loaded = rules(lang)
    named = {
        line["id"]
        for line in read_lines(default_rules_dir() / lang / "entities.jsonl")
        if line["label"] == "STATE"
    }
    states = {e.id for e in loaded.catalog.values() if e.kind == "state"}
    assert states - named == set()


def check_no_spelling_maps_to_two_entities(lang: str) -> None:
    ids: dict[str, set[str]] = defaultdict(set)
    for line in rules(lang).patterns["entities"]:
        if isinstance(line["pattern"], str):
            for variant in alias_variants(line["pattern"]):
                ids[variant.lower()].add(line["id"])
    assert {k: v for k, v in ids.items() if len(v) > 1} == {}


def check_every_string_alias_finds_itself(lang: str) -> None:
    nlp = add_rule_components(spacy.blank(lang), rules(lang))
    missing = []
    for line in rules(lang).patterns["entities"]:
        if isinstance(line["pattern"], str):
            for variant in alias_variants(line["pattern"]):
                parsed = nlp(variant)
                if not any(
                    s.text == variant and s.id_ == line["id"] for s in parsed.spans["entities"]
                ):
                    missing.append((variant, line["id"]))
    assert missing == []


def check_demonym_words_are_unambiguous(lang: str) -> None:
    """A single-word demonym names one state (multi-word ones, "North Korean", are sequences)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for line in rules(lang).patterns["demonyms"]:
        pattern = line["pattern"]
        if len(pattern) != 1:
            continue
        lower = pattern[0].get("LOWER")
        words = lower.get("IN", []) if isinstance(lower, dict) else [lower] if lower else []
        for word in words:
            owners[word].add(line["id"])
    assert {w: ids for w, ids in owners.items() if len(ids) > 1} == {}


def check_date_vocabulary(lang: str, anchors: dict[str, str]) -> None:
    """Months and weekdays live in two data files (patterns and resolver); keep them in step:
    every pattern list naming the anchor names only words the resolver knows, and one names
    them all (single words: "de marzo" is a resolver-only form)."""
    folder = default_rules_dir() / lang
    words = json.loads((folder / "date_words.json").read_text(encoding="utf-8"))
    lists: list[set[str]] = []
    for line in read_lines(folder / "dates.jsonl"):
        for token in line["pattern"]:
            for attr in ("LOWER", "ORTH"):
                values = token.get(attr)
                if isinstance(values, dict) and "IN" in values:
                    lists.append({normalise(v).rstrip(".") for v in values["IN"]})
    for kind, anchor in anchors.items():
        vocabulary = {normalise(w) for w in words[kind] if " " not in w}
        with_anchor = [values for values in lists if normalise(anchor) in values]
        assert with_anchor, f"no pattern lists the {kind}"
        assert all(values <= vocabulary for values in with_anchor), kind
        assert any(values == vocabulary for values in with_anchor), kind


def check_resolver_reads_the_vocabulary(lang: str) -> None:
    """Every month name resolves to its month, and every weekday to a day, in that language."""
    words = json.loads((default_rules_dir() / lang / "date_words.json").read_text(encoding="utf-8"))
    published = DateValue(value="2021-03-11", precision="day")
    for name, number in words["months"].items():
        value = resolver(lang).resolve(f"{name} 2020", None)
        assert value is not None and value.value == f"2020-{number:02d}", name
    for name in words["weekdays"]:
        value = resolver(lang).resolve(name, published)
        assert value is not None and value.precision == "day", name
