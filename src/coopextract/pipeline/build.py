"""Building the spaCy pipeline: the language's model plus one span ruler per rule family."""

from __future__ import annotations

import unicodedata
from typing import Any

import spacy
from spacy.language import Language

from coopextract.errors import RulesError
from coopextract.pipeline.lookup_tables import fast_lookup_tables
from coopextract.pipeline.matching import compile_patterns
from coopextract.pipeline.regex_cache import compiled_regex_cache
from coopextract.rule_files import PATTERN_FAMILIES, RuleSet

# Components of the trained model that the extraction reads: morphology and lemmas for the
# trigger patterns, the parse for sentences and syntax. `ner` is not used: our own rules find
# the entities, so it is disabled rather than fighting with them (spaCy #4678).
UNUSED_COMPONENTS = ("ner",)
# Nor is the vocabulary's store of strings (fr_core_news_md: 713,000 strings, 10 MB of JSON,
# about 2 s of every load): it only turns hashes back into text for words this process has
# not seen, and the pipeline adds every string it reads or produces. The annotations are the
# same without it (tests/test_pipeline_model.py).
UNUSED_DATA = ("strings",)

_APOSTROPHES = ("'", "’")
# Families whose spans may overlap: one word is a cue noun and the end of a company name
# ("the company X", "Nordic Rocket Company"), or a cue before and after a mission's name ("the
# satellite X", "the X satellite"), and the reader looks at every label.
OVERLAPPING_FAMILIES = ("organisations", "missions")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def alias_variants(alias: str) -> list[str]:
    """Spellings news text uses for one name: both apostrophes, hyphen or space, accents or not."""
    variants = {alias}
    for a, b in (_APOSTROPHES, _APOSTROPHES[::-1]):
        variants |= {v.replace(a, b) for v in variants}
    # "Chang'e 6" / "Chang'e-6" / "Bion M2" / "Bion-M2": a hyphen between word parts is optional.
    variants |= {v.replace("-", " ") for v in variants if "-" in v}
    variants |= {
        v.replace(" ", "-")
        for v in variants
        if " " in v and len(v.split()) == 2 and v.split()[-1][:1].isdigit()
    }
    variants |= {_strip_accents(v) for v in variants}
    return sorted(variants)


def expand_patterns(patterns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    expanded = []
    for line in patterns:
        if isinstance(line["pattern"], str):
            expanded.extend({**line, "pattern": v} for v in alias_variants(line["pattern"]))
        else:
            expanded.append(line)
    return expanded


# Token attributes that only a trained pipeline sets, and the components that set them.
_ANNOTATIONS = {
    "LEMMA": ("lemmatizer",),
    "POS": ("morphologizer", "tagger"),
    "TAG": ("morphologizer", "tagger"),
    "MORPH": ("morphologizer",),
    "DEP": ("parser",),
}


def _usable(pattern: object, available: set[str]) -> bool:
    if isinstance(pattern, str):
        return True
    return all(key in available for token in pattern for key in token if key in _ANNOTATIONS)


def add_rule_components(nlp: Language, rule_set: RuleSet, *, fast: bool = True) -> Language:
    """Add one span ruler per rule family; spans land in `doc.spans[family]`.

    On a blank pipeline, patterns that read lemmas, tags or the parse are left out: they
    could never match there, and spaCy refuses to run them. `fast` gives the rulers the
    patterns rewritten for speed (`coopextract.pipeline.matching`), which find the same spans.
    """
    available = {
        attr for attr, makers in _ANNOTATIONS.items() if any(nlp.has_pipe(m) for m in makers)
    }
    for family in PATTERN_FAMILIES:
        patterns = [
            p for p in rule_set.patterns.get(family, []) if _usable(p["pattern"], available)
        ]
        if not patterns:
            continue  # readers use doc.spans.get(family, []); an empty ruler only warns
        ruler = nlp.add_pipe(
            "span_ruler",
            name=f"coop_{family}",
            config={
                "spans_key": family,
                "phrase_matcher_attr": "LOWER",
                "spans_filter": None
                if family in OVERLAPPING_FAMILIES
                else {"@misc": "spacy.first_longest_spans_filter.v1"},
                "overwrite": True,
                "validate": False,  # checked line by line when the rules were loaded
            },
        )
        lines = expand_patterns(patterns)
        # The ruler runs the components before it over each phrase pattern; the phrase
        # matcher compares LOWER only, which the tokenizer sets: the model there is waste.
        with nlp.select_pipes(enable=[ruler.name]):
            ruler.add_patterns(compile_patterns(nlp, lines) if fast else lines)
    return nlp


def load_language(rule_set: RuleSet, model: str | None = None) -> Language:
    """The trained model named for the language, or a blank pipeline with a sentence splitter."""
    name = model or rule_set.model
    if name:
        try:
            # spaCy's language data compiles large tokenizer patterns (seconds for French),
            # and the lemmatizer fills its tables an entry at a time
            with compiled_regex_cache(rule_set.language), fast_lookup_tables():
                nlp = spacy.load(name, exclude=[*UNUSED_COMPONENTS, *UNUSED_DATA])
        except OSError as err:
            raise RulesError(
                name,
                None,
                f"spaCy model {name!r} for language {rule_set.language!r} is not installed; "
                "install it (pip install) or remove it from the language's language.json",
            ) from err
    else:
        with compiled_regex_cache(rule_set.language):
            nlp = spacy.blank(rule_set.language)
    import coopextract.pipeline.components.sentences  # noqa: F401  (registers the factory)

    if nlp.has_pipe("parser"):
        nlp.add_pipe("coop_sentences", before="parser")
    else:
        nlp.add_pipe("coop_sentences", first=True)
    return nlp


def build_pipeline(
    rule_set: RuleSet, model: str | None = None, *, assemble: bool = True, fast: bool = True
) -> Language:
    """The whole extraction pipeline for one language (`fast`: see `add_rule_components`)."""
    nlp = load_language(rule_set, model)
    add_rule_components(nlp, rule_set, fast=fast)
    if assemble:
        import coopextract.pipeline.components.agreements  # noqa: F401  (registers the factory)

        nlp.add_pipe("coop_agreements", config={"language": rule_set.language})
        nlp.get_pipe("coop_agreements").initialize_rules(rule_set)
    return nlp
