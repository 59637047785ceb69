"""Small span helpers the `coop_agreements` modules share."""

from spacy.tokens import Span

from coopextract.pipeline.mentions import TextSpan


def text_span(span: Span) -> TextSpan:
    return TextSpan(span.text, span.start_char, span.end_char)


def overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)
