"""Saving the pipeline as a folder that `spacy.load` reads (see docs/spacy.md).

The folder is assembled from `config.cfg` the way `spacy assemble` does it: the trained
components copied from their model, coopextract's components initialized from the rule
files. Each component then saves what it holds (the rulers their patterns, the agreement
finder the catalog), so the folder works without a rules folder.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.util import get_sourced_components, load_model_from_config
from thinc.api import Config

import coopextract
from coopextract.errors import OutputError, RulesError
from coopextract.pipeline.build import CONFIG_FILE, pipeline_config
from coopextract.rule_files import RuleSet, load_rules

# Files spaCy writes in every pipeline folder: one that has them may be replaced.
PIPELINE_FILES = ("config.cfg", "meta.json")


def language_config(rule_set: RuleSet, rules_dir: Path | None = None) -> Config:
    """`config.cfg` for the rules' language: as shipped for the model it names; for a
    language whose rules name no model, a blank pipeline with the same coopextract
    components (the patterns that need a parse or lemmas are then left out)."""
    config = pipeline_config()
    config["nlp"]["lang"] = rule_set.language
    config["paths"]["rules"] = str(rules_dir.resolve()) if rules_dir is not None else None
    sourced = get_sourced_components(config)
    models = {settings["source"] for settings in sourced.values()}
    if rule_set.model is None:
        config["nlp"]["pipeline"] = [n for n in config["nlp"]["pipeline"] if n not in sourced]
        for name in sourced:
            del config["components"][name]
        config["initialize"]["before_init"] = None  # no model to copy the tokenizer from
    elif models != {rule_set.model}:
        raise RulesError(
            rule_set.language,
            None,
            f"the rules name the model {rule_set.model!r}, but {CONFIG_FILE} takes its "
            f"components from {', '.join(sorted(models))}; save with the rules' model "
            "removed from language.json, or use that model",
        )
    return config


def assemble_pipeline(config: Config) -> Language:
    """The pipeline `config` describes, initialized as `spacy assemble` does it: the
    components copied from a model keep their weights, the others are initialized."""
    try:
        nlp = load_model_from_config(config, auto_fill=True)
        sourced = get_sourced_components(config)
        with nlp.select_pipes(disable=list(sourced)):
            nlp.initialize()
    except OSError as err:
        models = sorted({s["source"] for s in get_sourced_components(config).values()})
        raise RulesError(
            CONFIG_FILE,
            None,
            f"cannot load the spaCy model {', '.join(models)} ({err}); install it (pip install)",
        ) from err
    return nlp


def save_pipeline(directory: Path, rules_dir: Path | None = None, language: str = "fr") -> Path:
    """Write the pipeline for `language`, with the rules under `rules_dir` (None: the rules
    shipped with coopextract), to `directory`, a folder `spacy.load` reads.

    Raises RulesError (the rules or the model) or OutputError (the folder).
    """
    rule_set = load_rules(rules_dir, language)  # a broken rule file fails here, named
    _check_target(directory)
    nlp = assemble_pipeline(language_config(rule_set, rules_dir))
    nlp.meta.update(
        name="coopextract",
        version=coopextract.__version__,
        description="coopextract: international space-cooperation agreements in news "
        "articles; import coopextract.pipeline.components before spacy.load",
    )
    try:
        nlp.to_disk(directory)
    except OSError as err:
        raise OutputError(f"{directory}: cannot write the pipeline ({err.strerror})") from err
    return directory


def _check_target(directory: Path) -> None:
    """A new or empty folder, or one a pipeline was saved to before: nothing else is
    overwritten."""
    if directory.exists() and not directory.is_dir():
        raise OutputError(f"{directory} is a file; give a folder to save the pipeline to")
    if not directory.is_dir() or not any(directory.iterdir()):
        return
    if not all((directory / name).is_file() for name in PIPELINE_FILES):
        raise OutputError(
            f"{directory} holds other files than a saved pipeline; give a new or empty folder"
        )
