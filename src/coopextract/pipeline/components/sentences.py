"""The `coop_sentences` component: sentence boundaries from the text's own typography.

News text puts titles, datelines, captions and list items on lines of their own without a
final full stop; left to the parser they fuse with the next paragraph and lend it their
parties, and the parser also cuts short sentences in odd places ("Roscosmos | et la NASA
ont prolongé..."). So a sentence starts after a line break, or after a sentence-final mark
followed by a space (or several) and a capital, digit or quote — and nowhere else. A text
wrapped at a fixed width is the exception: one line break, no final mark before it and a
lower-case word after it, goes on with the sentence. Scraped text sometimes
loses the space after a full stop ("dijo Chávez.Los chinos"); the tokenizer already splits a
full stop between a lower-case word and a capital, so such a stop ends a sentence too when a
word of two letters or more stands before it. Placed before the parser, which keeps
boundaries that are already set; on a blank pipeline it is the splitter.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_ALPHA, IS_BRACKET, IS_QUOTE, IS_SPACE, LENGTH, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

FINAL_MARKS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSING_QUOTES = frozenset({"»", '"', "”", "’", ")"})


# Pays: 0.09 s against 0.83 s for a loop over Tokens, 465 French texts (bench/per_article.py).
class TypographicSentences:
    """Sets every token's sentence start at once from attribute arrays, the rule read once
    per distinct token text."""

    def __init__(self) -> None:
        self._kinds: dict[int, tuple[bool, bool, bool, bool, bool, bool, bool]] = {}

    def _kind(self, doc: Doc, orth: int) -> tuple[bool, bool, bool, bool, bool, bool, bool]:
        """Final mark, closing quote, holds a line break, starts with a capital or digit, is
        a full stop, holds exactly one line break, starts with a lower-case letter."""
        kind = self._kinds.get(orth)
        if kind is None:
            text = doc.vocab.strings[orth]
            first = text[:1]
            kind = (
                text in FINAL_MARKS,
                text in CLOSING_QUOTES,
                "\n" in text,
                first.isupper() or first.isdigit(),
                text == ".",
                text.count("\n") == 1,
                first.islower(),
            )
            self._kinds[orth] = kind
        return kind

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        orths = doc.to_array(ORTH)
        distinct, where = numpy.unique(orths, return_inverse=True)
        kinds = numpy.array([self._kind(doc, int(o)) for o in distinct], dtype=bool)[where]
        final, closing, line_break, capital, stop, one_break, lower = kinds.T
        spaced, space, quote, bracket, alpha, length = doc.to_array(
            [SPACY, IS_SPACE, IS_QUOTE, IS_BRACKET, IS_ALPHA, LENGTH]
        ).T
        spaced, space, alpha = spaced.astype(bool), space.astype(bool), alpha.astype(bool)
        # `before` is token i - 1 and `token` token i, for i from 1.
        ends = final.copy()
        ends[1:] |= closing[1:] & final[:-1]  # «... en 2023.» Il a ajouté
        opens = capital | quote.astype(bool) | bracket.astype(bool)
        # A text wrapped at a fixed width: one line break inside a sentence, the line before
        # it not ended, the next going on in lower case ("el administrador de\nla NASA").
        wrapped = numpy.zeros(len(doc) - 1, dtype=bool)
        colon = doc.vocab.strings.add(":")  # "Les partenaires :\n- le CNES" is a list
        wrapped[1:] = one_break[1:-1] & lower[2:] & ~ends[:-2] & (orths[:-2] != colon)
        starts = (space[:-1] & line_break[:-1] & ~wrapped) | (ends[:-1] & spaced[:-1] & opens[1:])
        # "were not disclosed.  The companies": two spaces after the mark are a space token
        starts[1:] |= ends[:-2] & space[1:-1] & opens[2:]
        # "Chávez.Los": an unspaced full stop after a word, before a capitalised word.
        word = alpha & (length >= 2)
        starts[1:] |= stop[1:-1] & ~spaced[1:-1] & word[:-2] & alpha[2:] & capital[2:]
        starts &= ~space[1:]
        values = doc.to_array([SENT_START]).astype(numpy.int64)  # the first token's is kept
        values[1:] = numpy.where(starts, 1, -1)
        return doc.from_array([SENT_START], values.astype(numpy.uint64))


@Language.factory("coop_sentences")
def make_sentences(nlp: Language, name: str) -> TypographicSentences:
    return TypographicSentences()
