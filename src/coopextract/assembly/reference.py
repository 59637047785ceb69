"""The reference date of an article that gives no publication date (guidelines §2).

A reader of such an article still dates "ce 9 mars" when the text says, a paragraph later,
that "durant l'été 2020, Pékin avait ouvert" its project: the writing comes after the latest
period the text reports as past, so the 9 March is 2021's. `text_reference` finds that bound;
`coopextract.reading.dates` reads year-less days and months against it.

The bound is only taken when it is trustworthy: the clause must be in a past tense (the
parse says so, `coopextract.pipeline.components.clauses`), not about a plan ("était prévu en 2025"),
and no later date may stand in a clause whose time is unclear ("le lancement le 29 octobre
2018 marque une étape"): that later date may be past too, and the bound too early. A bare
year is no bound: "les accords ont été lancés en 2020" is history, which may be told years
later; a month, a day or a season ("durant l'été 2020, Pékin avait ouvert") is the story's
recent past. Dates the
text gives as still to come ("lancera en 2025", "devrait être signé en 2022") say nothing of
when it was written and are left aside. Without a parse, the tense is the status cues'
(`coopextract.pipeline.components.clauses.cue_tense`): only the date nearest a signing told
with no look ahead is past.

A year-less day or month the text also gives with its year is that date, whatever the
tenses: "Le 1er juillet, Thales Alenia Space a signé" under a caption "…, 1er juillet 2019"
(`echo_of`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from coopextract.models import DateValue
from coopextract.pipeline.mentions import DateClause
from coopextract.reading.date_words import normalise
from coopextract.reading.dates import DateResolver


def text_reference(clauses: Iterable[DateClause], resolver: DateResolver) -> DateValue | None:
    """The latest date the text reports as past, or None when there is none, when it is a
    bare year, or when a date as late is not clearly past or future."""
    plans = set(resolver.words.plan_verbs)
    candidates: list[tuple[date, bool, DateValue | None]] = []
    for clause in clauses:
        if clause.tense == "future" or plans & {normalise(lemma) for lemma in clause.lemmas}:
            continue
        extent = resolver.extent(clause.span.text)
        if extent is None:
            continue  # "mercredi", "ce 9 mars": they need the reference, they do not give it
        value, end, finer = extent
        candidates.append((end, clause.tense == "past", value if finer else None))
    if not candidates:
        return None
    latest = max(end for end, _, _ in candidates)
    bounds = [value for end, past, value in candidates if end == latest and past]
    return bounds[0] if bounds else None


def dated_in_text(clauses: Iterable[DateClause], resolver: DateResolver) -> tuple[DateValue, ...]:
    """The days and months the text gives with their year, in text order."""
    found = (resolver.resolve(clause.span.text, None) for clause in clauses)
    return tuple(v for v in found if v is not None and v.precision != "year")


def echo_of(text: str, resolver: DateResolver, dated: Iterable[DateValue]) -> DateValue | None:
    """The one date of `dated` that a year-less `text` repeats: "le 1er juillet" after "1er
    juillet 2019", "en juillet" after "le 1er juillet 2019". None when none does, or when
    several years would ("le 1er juillet" beside 1 July 2018 and 1 July 2019)."""
    if _deictic(text, resolver):
        return None  # "ce mardi", "hier": said from the writing, they repeat no date
    echoes = set()
    for full in dated:
        value = resolver.resolve(text, full)
        if value is not None and value.precision != "year" and full.value.startswith(value.value):
            echoes.add(value)
    return echoes.pop() if len(echoes) == 1 else None


def _deictic(text: str, resolver: DateResolver) -> bool:
    """Does the expression's month follow the moment it is read from ("hier", "ce mardi"),
    unlike a day or month it names ("le 1er juillet", "en juillet")?"""
    winter = resolver.resolve(text, DateValue(value="2001-01-15", precision="day"))
    summer = resolver.resolve(text, DateValue(value="2001-07-15", precision="day"))
    return (
        winter is not None
        and summer is not None
        and winter.precision != "year"
        and winter.value[5:7] != summer.value[5:7]
    )
