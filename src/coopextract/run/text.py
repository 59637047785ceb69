"""Records from a string: `coopextract.extract_text`, the library call for text that is not
in a file.

    import coopextract
    records = coopextract.extract_text(text, language="fr", published="2021-03-10")

The text is read as `coopextract ingest` reads a `.txt` file holding it (in UTF-8): the same
title, publication date, language and SHA-256, so the same records, the article's `path`
aside (and with it the record ids, which name the article: pass `path` to have them too).
The pipeline of each language is loaded on the first call that needs it and kept for the
next ones.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

from coopextract.models import Agreement, DateValue
from coopextract.reading.articles import Skipped, text_article
from coopextract.reading.json_articles import parse_published
from coopextract.reading.languages import LanguagePolicy
from coopextract.rule_files import default_rules_dir, language_folder
from coopextract.run.extract import MultiExtractor

# The article's path in the records of a text that has none.
TEXT_PATH = "text"


def extract_text(
    text: str,
    language: str | None = None,
    published: str | date | None = None,
    title: str | None = None,
    *,
    path: str = TEXT_PATH,
    rules_dir: Path | None = None,
    model: str | None = None,
) -> list[Agreement]:
    """The agreement records of one article's text, as `coopextract ingest` gives them.

    - `language`: "fr", "en", "es", "de", "it", "pt", "ru" (any language with rules); None
      detects it, as ingest does. A language without rules raises LanguageError (a
      ValueError), before any model is loaded.
    - `published`: the publication date, "2021", "2021-03", "2021-03-10" (or a `date`), which
      relative dates ("hier", "last March") are read against; None looks for it at the top
      of the text, as ingest does.
    - `title`: None takes the text's first line, as ingest does.
    - `path`: the article's path in the records, and so in their ids.
    - `rules_dir`, `model`: other rules (as `--rules`), another spaCy model for the language
      (as `--model`).

    An empty text has no records. The first call for a language loads its pipeline (seconds
    for a trained model); later calls reuse it.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    policy = LanguagePolicy.from_rules(rules_dir, forced=language)
    found = text_article(text, path, title=title, published=_published(published), languages=policy)
    if isinstance(found, Skipped):
        return []  # no text, or nothing after the date line: no agreement either
    if not policy.is_supported(found.language):
        # Detected, and without rules: say so rather than read it as another language.
        language_folder(rules_dir or default_rules_dir(), found.language)
    models = () if model is None else ((found.language, model),)
    return _extractor(rules_dir, models).extract(found)


def _published(value: str | date | None) -> DateValue | None:
    """A publication date given as a string or a date; ValueError when it is no date."""
    if isinstance(value, date):
        return DateValue(value=value.isoformat()[:10], precision="day")
    return parse_published(value)


@functools.cache
def _extractor(rules_dir: Path | None, models: tuple[tuple[str, str], ...]) -> MultiExtractor:
    """One extractor per set of rules and models, kept between calls: each language's
    pipeline is loaded once."""
    return MultiExtractor(rules_dir, dict(models))
