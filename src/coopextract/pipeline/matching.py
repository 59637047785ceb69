"""Rule patterns rewritten into the forms spaCy's matchers run fastest, matching the same spans.

spaCy's `Matcher` starts every token pattern at every token, and a spec with a predicate
(`{"LOWER": {"IN": [...]}}`, `REGEX`) costs a Python call per token and distinct predicate:
the 180 demonym lines alone took longer than the trained model. A `PhraseMatcher` finds
all its phrases with one hash lookup per token. So, without changing what matches:

- a pattern made only of exact or `IN` lowercase words (no `OP`) becomes the phrases it
  spells out, each checked to tokenize back into exactly those words;
- an optional first token becomes two patterns, with and without it;
- a first token's `IN` list becomes one pattern per word, compared in C, not in Python.

The span ruler deduplicates its matches and filters them by position and length only
(`first_longest_spans_filter`), so the union of the rewritten patterns' matches gives the
same spans as the original patterns: `tests/test_matching.py` checks it on real articles.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from spacy.language import Language

# Beyond this many phrases or split patterns, a pattern is left as it is.
MAX_ALTERNATIVES = 64
# Optional leading tokens unrolled, at most: each one doubles the patterns.
MAX_OPTIONAL_UNROLL = 3
# A line rewritten into more token patterns than this is kept as written (see `_compile`).
MAX_TOKEN_PATTERNS = 4

# Token attributes that the tokenizer alone sets: a prescan on a tokenized-only Doc can read
# them. LEMMA, POS, TAG, MORPH, DEP, NORM (the attribute ruler may set it), sentence starts
# and extension attributes need the pipeline.
LEXICAL_KEYS = frozenset(
    {
        "ORTH",
        "TEXT",
        "LOWER",
        "LENGTH",
        "SHAPE",
        "PREFIX",
        "SUFFIX",
        "IS_ALPHA",
        "IS_ASCII",
        "IS_DIGIT",
        "IS_LOWER",
        "IS_UPPER",
        "IS_TITLE",
        "IS_PUNCT",
        "IS_SPACE",
        "IS_STOP",
        "IS_BRACKET",
        "IS_QUOTE",
        "IS_LEFT_PUNCT",
        "IS_RIGHT_PUNCT",
        "IS_CURRENCY",
        "LIKE_NUM",
        "LIKE_URL",
        "LIKE_EMAIL",
        "OP",
    }
)

Pattern = list[dict[str, Any]]


def lexical_only(pattern: str | Pattern) -> str | Pattern:
    """The pattern with every condition a tokenized-only Doc cannot check dropped: it matches
    wherever the original could (and maybe more), e.g. `{"LEMMA": "être"}` becomes any token."""
    if isinstance(pattern, str):
        return pattern
    return [{k: v for k, v in token.items() if k.upper() in LEXICAL_KEYS} for token in pattern]


def _words(spec: dict[str, Any]) -> list[str] | None:
    """The lowercase words a token spec accepts, when a LOWER word or list is all it says."""
    if set(spec) != {"LOWER"}:
        return None
    value = spec["LOWER"]
    if isinstance(value, str):
        return [value]
    if (
        isinstance(value, dict)
        and set(value) == {"IN"}
        and isinstance(value["IN"], list)
        and all(isinstance(v, str) for v in value["IN"])
    ):
        return list(dict.fromkeys(value["IN"]))
    return None


def _as_phrases(nlp: Language, pattern: Pattern) -> list[str] | None:
    """The phrases a pattern of plain words spells out, if each tokenizes back into exactly
    its words (so the phrase matcher, comparing LOWER token by token, finds the same)."""
    choices = [_words(spec) for spec in pattern]
    if any(c is None for c in choices) or math.prod(len(c or ()) for c in choices) > (
        MAX_ALTERNATIVES
    ):
        return None
    phrases = []
    for words in itertools.product(*(c or () for c in choices)):
        phrase = " ".join(words)
        if [t.lower_ for t in nlp.make_doc(phrase)] != list(words):
            return None
        phrases.append(phrase)
    return phrases


def _rewrite(nlp: Language, line: dict[str, Any], unrolled: int) -> list[dict[str, Any]]:
    pattern = line["pattern"]
    if isinstance(pattern, str) or not pattern:
        return [line]
    phrases = _as_phrases(nlp, pattern)
    if phrases is not None:
        return [{**line, "pattern": p} for p in phrases]
    first, rest = pattern[0], pattern[1:]
    if first.get("OP") == "?" and rest and unrolled < MAX_OPTIONAL_UNROLL:
        required = {k: v for k, v in first.items() if k != "OP"}
        return _rewrite(nlp, {**line, "pattern": [required, *rest]}, unrolled + 1) + _rewrite(
            nlp, {**line, "pattern": rest}, unrolled + 1
        )
    words = _words({"LOWER": first["LOWER"]}) if "LOWER" in first and "OP" not in first else None
    if words is not None and 1 < len(words) <= MAX_ALTERNATIVES:
        return [{**line, "pattern": [{**first, "LOWER": w}, *rest]} for w in words]
    return [line]


def _compile(nlp: Language, line: dict[str, Any]) -> list[dict[str, Any]]:
    rewritten = _rewrite(nlp, line, 0)
    # Every token pattern costs at every token, so a rewrite that leaves many of them (a
    # date pattern with optional words before a number) is slower than one predicate.
    token_patterns = sum(not isinstance(r["pattern"], str) for r in rewritten)
    return rewritten if token_patterns <= MAX_TOKEN_PATTERNS else [line]


# Pays: 300 articles in 14.2 s, 22.3 s as written, no pre-scan (bench/throughput.py --ablation).
def compile_patterns(nlp: Language, lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Span-ruler pattern lines rewritten to match the same spans faster (see the module)."""
    return [out for line in lines for out in _compile(nlp, line)]
