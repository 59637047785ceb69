"""The `coop_line_breaks` component: a line break, or a full stop before a capital, ends a sentence.

Titles, datelines, captions and list items stand on lines of their own without a final
full stop; left to the parser they fuse with the next paragraph and lend it their parties.
Placed before the parser, which keeps boundaries that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class LineBreakSentences:
    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            after = doc[token.i + 1]
            if (token.is_space and "\n" in token.text) or (
                token.text in (".", "!", "?", "…") and token.whitespace_ and after.is_title
            ):
                after.is_sent_start = True
        return doc


@Language.factory("coop_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreakSentences:
    return LineBreakSentences()
