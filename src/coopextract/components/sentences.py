"""The `coop_sentences` component: sentence boundaries from the text's own typography.

News text puts titles, datelines, captions and list items on lines of their own without a
final full stop; left to the parser they fuse with the next paragraph and lend it their
parties, and the parser also cuts short sentences in odd places ("Roscosmos | et la NASA
ont prolongé..."). So a sentence starts after a line break, or after a sentence-final mark
followed by a space and a capital, digit or quote — and nowhere else. Placed before the
parser, which keeps boundaries that are already set; on a blank pipeline it is the splitter.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

FINAL_MARKS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSING_QUOTES = frozenset({"»", '"', "”", "’", ")"})


def _ends_sentence(token: Token) -> bool:
    if token.text in FINAL_MARKS:
        return True
    # «... en 2023.» Il a ajouté: the quote closes, then the sentence ends.
    return token.text in CLOSING_QUOTES and token.i > 0 and token.nbor(-1).text in FINAL_MARKS


def _opens_sentence(token: Token) -> bool:
    first = token.text[:1]
    return first.isupper() or first.isdigit() or token.is_quote or token.is_bracket


class TypographicSentences:
    def __call__(self, doc: Doc) -> Doc:
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


@Language.factory("coop_sentences")
def make_sentences(nlp: Language, name: str) -> TypographicSentences:
    return TypographicSentences()
