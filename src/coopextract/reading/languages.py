"""Which language an article is in, and what reading it in that language needs.

Detection is offline and deterministic: langdetect's algorithm and profiles with a fixed seed,
over the start of the text, run by langdetect-rs (the same answers and probabilities as
langdetect 1.0.9, bit for bit, about 20 times faster: pure-Python langdetect took 16 ms an
article, more than the parent process of `--workers` could spare). On article-length news text
its first guess is right with probabilities near 1; lingua is more accurate on short snippets
but weighs tens of megabytes more, and CLD2 calls a French article English when it opens on an
English cookie banner. A declared language (a JSON article's `language`, or
`--language` for the whole run) wins over detection. The languages coopextract supports are
the folders under `rules/` (besides `shared/`): adding a language is adding a folder.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# Pays: 0.08 ms a text against pure-Python langdetect's 3.8 ms (bench/per_article.py).
from langdetect_rs import DetectorFactory, LangDetectException, detect_langs

from coopextract.reading.dates import DateResolver, resolver_for
from coopextract.rule_files import available_languages, default_rules_dir, language_folder

# langdetect draws random samples; a fixed seed makes the same text give the same answer.
DetectorFactory.seed = 0
SAMPLE_CHARS = 5000
UNDETERMINED = "und"
# Below this many letters langdetect guesses more than it detects.
MIN_LETTERS = 40
# The project's first language, for texts too short to detect.
DEFAULT = "fr"


def normalise_code(code: str) -> str:
    """ "fr-FR", "FR", "pt_BR" -> "fr", "fr", "pt"."""
    return code.strip().replace("_", "-").split("-")[0].lower() or UNDETERMINED


def detect_language(text: str, supported: Sequence[str], default: str = DEFAULT) -> str:
    """The most probable supported language of `text`, or the most probable language when
    none of the supported ones is plausible (the caller reports it as unsupported).

    A text too short to tell ("Titre\nCorps") is taken to be in `default`."""
    if sum(c.isalpha() for c in text[:SAMPLE_CHARS]) < MIN_LETTERS:
        return default
    try:
        ranked = detect_langs(text[:SAMPLE_CHARS])
    except LangDetectException:  # no letters at all
        return UNDETERMINED
    for guess in ranked:
        code = normalise_code(guess.lang)
        if code in supported and guess.prob >= 0.2:
            return code
    return normalise_code(ranked[0].lang) if ranked else UNDETERMINED


@dataclass(frozen=True)
class LanguagePolicy:
    """How a run decides each article's language: forced, declared, or detected."""

    supported: tuple[str, ...]
    forced: str | None = None
    rules_dir: Path | None = None

    @classmethod
    def from_rules(cls, rules_dir: Path | None = None, forced: str | None = None) -> LanguagePolicy:
        """The languages of RULES_DIR, every article read as FORCED when given.

        Checked at once, before any article is read: RulesFolderError when RULES_DIR is no
        rules folder, LanguageError when FORCED has no rules there (every article would be
        skipped)."""
        root = rules_dir or default_rules_dir()
        supported = tuple(available_languages(root))
        if forced:
            forced = normalise_code(forced)
            language_folder(root, forced)
        return cls(supported, forced or None, rules_dir)

    def choose(self, text: str, declared: str | None = None) -> str:
        if self.forced:
            return self.forced
        if declared:
            return normalise_code(declared)
        return detect_language(text, self.supported)

    def is_supported(self, language: str) -> bool:
        return language in self.supported

    def resolver(self, language: str) -> DateResolver | None:
        """The shared date resolver of a supported language; None for the others."""
        return resolver_for(language, self.rules_dir) if self.is_supported(language) else None


@functools.cache
def default_policy() -> LanguagePolicy:
    """The shipped rules' languages, detected per article."""
    return LanguagePolicy.from_rules()
