"""What two per-article speed-ups buy, in one process: is each still worth its code?

    python bench/per_article.py              # the dev articles, 3 rounds, medians
    python bench/per_article.py --repeat 5 --copies 10

A benchmark, not a test: it prints numbers, and checks only that each fast form gives what
its plain form gives. It reads the dev articles (../shared/corpus/fr and multi, read from
there, never copied into the project; without them it says so and stops), each `--copies`
times, and times:

- sentence boundaries: `coop_sentences`, which sets them from attribute arrays
  (`pipeline/components/sentences.py`), against the same rule as a loop over Token
  objects (the component as first written), on the French texts, tokenized;
- language detection: langdetect-rs, which `reading/languages.py` uses, against langdetect
  1.0.9 (a development dependency), on every text's first `SAMPLE_CHARS` characters.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.tokens import Doc, Token

from coopextract.pipeline.components.sentences import (
    CLOSING_QUOTES,
    FINAL_MARKS,
    TypographicSentences,
)
from coopextract.pipeline.regex_cache import compiled_regex_cache
from coopextract.reading.languages import SAMPLE_CHARS

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = (SHARED / "corpus" / "fr", SHARED / "corpus" / "multi")


def _ends_sentence(token: Token) -> bool:
    if token.text in FINAL_MARKS:
        return True
    return token.text in CLOSING_QUOTES and token.i > 0 and token.nbor(-1).text in FINAL_MARKS


def _opens_sentence(token: Token) -> bool:
    first = token.text[:1]
    return first.isupper() or first.isdigit() or token.is_quote or token.is_bracket


def token_loop(doc: Doc) -> Doc:
    """The sentence rule of `coop_sentences`, one Token object at a time."""
    for token in doc[1:]:
        before = token.nbor(-1)
        if token.is_space:
            token.is_sent_start = False
        elif before.is_space and "\n" in before.text:
            token.is_sent_start = True
        else:
            token.is_sent_start = bool(
                _ends_sentence(before) and before.whitespace_ and _opens_sentence(token)
            )
    return doc


def _timed(work: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def sentences(texts: list[str], repeat: int) -> None:
    with compiled_regex_cache("fr"):
        nlp = spacy.blank("fr")
    docs = [nlp.make_doc(text) for text in texts]
    arrays = TypographicSentences()
    starts = [[t.is_sent_start for t in arrays(d)] for d in docs]
    assert starts == [[t.is_sent_start for t in token_loop(d)] for d in docs], "boundaries differ"
    fast, fast_times = _timed(lambda: [arrays(d) for d in docs], repeat)
    slow, slow_times = _timed(lambda: [token_loop(d) for d in docs], repeat)
    tokens = sum(len(d) for d in docs)
    print(f"\nSentence boundaries, {len(docs)} French texts, {tokens:,} tokens (same boundaries):")
    print(f"  attribute arrays: {fast:.2f} s  (rounds {', '.join(f'{t:.2f}' for t in fast_times)})")
    print(f"  Token loop:       {slow:.2f} s  (rounds {', '.join(f'{t:.2f}' for t in slow_times)})")


def languages(texts: list[str], repeat: int) -> None:
    import langdetect
    import langdetect_rs

    langdetect.DetectorFactory.seed = 0
    langdetect_rs.DetectorFactory.seed = 0
    samples = [text[:SAMPLE_CHARS] for text in texts]

    def guesses(detect: Callable[[str], list]) -> list[str]:
        return [detect(s)[0].lang if s.strip() else "" for s in samples]

    assert guesses(langdetect_rs.detect_langs) == guesses(langdetect.detect_langs), "differ"
    fast, _ = _timed(lambda: guesses(langdetect_rs.detect_langs), repeat)
    slow, _ = _timed(lambda: guesses(langdetect.detect_langs), repeat)
    print(f"\nLanguage detection, {len(samples)} texts (same guesses):")
    print(f"  langdetect-rs: {fast:.2f} s, {1000 * fast / len(samples):.2f} ms a text")
    print(f"  langdetect:    {slow:.2f} s, {1000 * slow / len(samples):.2f} ms a text")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="rounds; medians are reported")
    parser.add_argument("--copies", type=int, default=5, help="times each article is read")
    args = parser.parse_args()
    if not all(folder.is_dir() for folder in CORPORA):
        print(f"The dev articles are not there ({SHARED / 'corpus'}): nothing to measure.")
        return
    read = [
        (folder.name, path.read_text(encoding="utf-8", errors="replace"))
        for folder in CORPORA
        for path in sorted(folder.glob("*.txt"))
    ]
    french = [text for corpus, text in read if corpus == "fr"] * args.copies
    sentences(french, args.repeat)
    languages([text for _, text in read] * args.copies, args.repeat)


if __name__ == "__main__":
    main()
