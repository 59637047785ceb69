"""Building the spaCy pipeline the extractor runs: the language's model, then coopextract's
components as `config.cfg` describes them, given their rules.

`coopextract.pipeline.save` assembles the same pipeline from the same config the way spaCy
does (`spacy assemble`); this module takes the quicker road to it for each run: the model
loaded without what the extraction does not read, and the rules already loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Config

# Registers the factories of coopextract's components with spaCy.
import coopextract.pipeline.components  # noqa: F401
from coopextract.errors import RulesError
from coopextract.pipeline.aliases import alias_variants, expand_patterns
from coopextract.pipeline.components.typography import add_infixes
from coopextract.pipeline.lookup_tables import fast_lookup_tables
from coopextract.pipeline.regex_cache import compiled_regex_cache
from coopextract.rule_files import RuleSet

# Still importable from here, where they were before `aliases` held them.
__all__ = [
    "add_rule_components",
    "alias_variants",
    "build_pipeline",
    "expand_patterns",
    "load_language",
    "pipeline_config",
]

# Components of the trained model that the extraction reads: morphology and lemmas for the
# trigger patterns, the parse for sentences and syntax. `ner` is not used: our own rules find
# the entities, so it is disabled rather than fighting with them (spaCy #4678).
UNUSED_COMPONENTS = ("ner",)
# Nor is the vocabulary's store of strings (fr_core_news_md: 713,000 strings, 10 MB of JSON;
# Pays: 0.63 s and about 130 MB a process, bench/loading.py): it only turns hashes back into
# text for words this process has not seen, and the pipeline adds every string it reads or
# produces. The annotations are the same without it (tests/test_pipeline_model.py).
UNUSED_DATA = ("strings",)

CONFIG_FILE = Path(__file__).with_name("config.cfg")


def pipeline_config() -> Config:
    """The pipeline as spaCy assembles it (`config.cfg`, not interpolated): which components,
    in which order, with which settings."""
    return Config().from_disk(CONFIG_FILE, interpolate=False)


def add_component(nlp: Language, config: Config, name: str) -> Any:
    """Add coopextract's component `name` with its settings in `config`, before the first
    component that follows it there and is in `nlp` (or last): `coop_sentences` goes
    before the parser, whichever model the parser comes from."""
    order = config["nlp"]["pipeline"]
    settings = dict(config["components"][name])
    factory = settings.pop("factory")
    later = [n for n in order[order.index(name) + 1 :] if n in nlp.component_names]
    return nlp.add_pipe(factory, name=name, config=settings, before=later[0] if later else None)


def add_rule_components(nlp: Language, rule_set: RuleSet, *, fast: bool = True) -> Language:
    """Add one span ruler per rule family (`coop_rules`); spans land in `doc.spans[family]`.

    `fast` gives the rulers the patterns rewritten for speed (`coopextract.pipeline.matching`),
    which find the same spans.
    """
    config = pipeline_config()
    for name in config["nlp"]["pipeline"]:
        if config["components"][name].get("factory") == "coop_rules":
            add_component(nlp, config, name).initialize(nlp=nlp, rules=rule_set, fast=fast)
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
    add_infixes(nlp)
    add_component(nlp, pipeline_config(), "coop_sentences")
    return nlp


def build_pipeline(
    rule_set: RuleSet, model: str | None = None, *, assemble: bool = True, fast: bool = True
) -> Language:
    """The whole extraction pipeline for one language (`fast`: see `add_rule_components`)."""
    nlp = load_language(rule_set, model)
    add_rule_components(nlp, rule_set, fast=fast)
    if assemble:
        add_component(nlp, pipeline_config(), "coop_agreements").initialize(nlp=nlp, rules=rule_set)
    return nlp
