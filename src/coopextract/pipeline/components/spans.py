"""Small span helpers the `coop_agreements` modules share."""

from spacy.tokens import Span, Token

from coopextract.pipeline.mentions import TextSpan


def text_span(span: Span) -> TextSpan:
    return TextSpan(span.text, span.start_char, span.end_char)


def overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


def points_back(token: Token) -> bool:
    """A definite or demonstrative determiner ("l'", "le", "cet", "ces"), by the parse's
    morphology (a blank pipeline has none: nothing points back there)."""
    return "Def" in token.morph.get("Definite") or "Dem" in token.morph.get("PronType")


def is_definite(span: Span) -> bool:
    """Does the word before `span` point back to something already named ("l'accord")?"""
    return span.start > 0 and points_back(span.doc[span.start - 1])
