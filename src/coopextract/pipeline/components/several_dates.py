"""The dates that tell several agreements apart: "les accords de 1996 et 1999", "l'accord de
2015", "the 1996 agreement, replaced by that of 2003". Read by the finder
(`coopextract.pipeline.components.agreements`) and the mention writer with the other helpers
for several agreements (`coopextract.pipeline.components.several`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from coopextract.pipeline.components.several import is_singular
from coopextract.pipeline.parties import is_connector

# How far after a plural trigger its coordinated dates may begin: "les accords signés en".
NEAR = 4
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def dates_and_years(segment: Span) -> list[Span]:
    """The dates of a stretch of text, with the bare years the date rules leave to their
    context ("les accords de 1996 et 1999"), outside periods and names ("Mars 2020")."""
    doc = segment.doc
    dates = [s for s in doc.spans.get("dates", []) if segment.start <= s.start < segment.end]
    names = [s for s in doc.spans.get("entities", []) if segment.start <= s.start < segment.end]
    taken = {i for s in dates + names for i in range(s.start, s.end)}
    years = [doc[t.i : t.i + 1] for t in segment if t.i not in taken and YEAR.fullmatch(t.text)]
    return [s for s in dates if s.label_ == "DATE"] + years


def named_year(trig: Span, segment: Span, refs: Sequence[Span]) -> Span | None:
    """ "l'accord de 2015", "the 2015 agreement", "el acuerdo de 2015": a bare year that
    qualifies the instrument word (right before it, or after it and a genitive) names the
    year the agreement was made."""
    genitive = {r.start for r in refs if r.label_ == "GENITIVE" and len(r) == 1}
    for year in dates_and_years(segment):
        if len(year) != 1 or not YEAR.fullmatch(year.text):
            continue
        if year.end == trig.start or (year.start == trig.end + 1 and trig.end in genitive):
            return year
    return None


def dated_plural(trig: Span, segment: Span) -> list[Span]:
    """ "les accords de 1996 et 1999", "the agreements signed in 2014 and 2016": the dates of
    different years coordinated right after a trigger not singular, one per agreement."""
    if is_singular(trig):
        return []
    chain = coordinated_dates(dates_and_years(segment))
    return chain if chain and 0 <= chain[0].start - trig.end <= NEAR else []


def stand_in_dates(trig: Span, segment: Span) -> list[Span]:
    """ "les accords de 1996 et 1999 ... prolongés par ceux de 2003 et de 2005", "the 1996
    agreement, replaced by that of 2003": a demonstrative pronoun of the trigger's number
    (and gender, where both are known) followed by a preposition and dates stands for more
    agreements of its kind, one per date. Without a parse nothing is said."""
    doc = trig.doc
    dates = sorted(dates_and_years(segment), key=lambda d: d.start)
    out: list[Span] = []
    for token in doc[trig.end : segment.end]:
        if token.pos_ != "PRON" or "Dem" not in token.morph.get("PronType"):
            continue
        if not _agrees(token, trig.root):
            continue
        chain = [
            d
            for d in dates
            if 1 <= d.start - token.i <= 2
            and all(t.pos_ == "ADP" for t in doc[token.i + 1 : d.start])
        ][:1]
        for date in dates:
            if chain and date.start > chain[-1].start and _joined(chain[-1], date):
                chain.append(date)
        out.extend(d for d in chain if d not in out)
    return out


def _agrees(a: Token, b: Token) -> bool:
    """Do two words agree in number and gender, where the parse gives both?"""
    for feature in ("Number", "Gender"):
        x, y = a.morph.get(feature), b.morph.get(feature)
        if x and y and not set(x) & set(y):
            return False
    return True


def year_of(span: Span) -> str | None:
    found = YEAR.search(span.text)
    return found.group(1) if found else None


def coordinated_dates(dates: list[Span]) -> list[Span]:
    """ "de 1996 et 1999", "in 2014 and 2016", "en 2003 et en 2005": dates of different
    years joined by nothing but conjunctions, commas and prepositions. Empty otherwise."""
    chain: list[Span] = []
    for date in sorted(dates, key=lambda d: d.start):
        if chain and _joined(chain[-1], date):
            chain.append(date)
        elif len(chain) < 2:
            chain = [date]
    years = [year_of(d) for d in chain]
    if len(chain) < 2 or None in years or len(set(years)) < len(years):
        return []
    return chain


def _joined(a: Span, b: Span) -> bool:
    between = a.doc[a.end : b.start]
    return (
        0 < len(between) <= 3
        and any(is_connector(t) for t in between)
        and all(is_connector(t) or t.is_stop or t.pos_ in ("ADP", "DET") for t in between)
    )
