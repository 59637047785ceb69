"""Merging an article's agreement mentions into agreements (guidelines §1: one record per
distinct agreement, the latest status wins) and resolving their dates and periods.

An article without a publication date may still date its agreements from the text itself
(guidelines §2): a year-less day or month is read against `reference`, the latest date the
text reports as past (`assembly.reference`); and a signing still to come, said relative to
the writing ("signeront l'année prochaine"), of a programme whose period starts in a given
year ("de 2023 à 2027") is placed in the year before that start.
"""

from __future__ import annotations

from collections.abc import Iterable

from coopextract.assembly.counts import one_per_counted
from coopextract.assembly.drafts import AgreementDraft
from coopextract.assembly.folds import (
    fold_counted_into_named,
    fold_generic_into_later_named,
    fold_generic_into_named,
    fold_pending_into_signed,
    fold_renamed_into_named,
)
from coopextract.assembly.mention_groups import Drafts, first_ever_unranked, only_announces
from coopextract.assembly.reference import dated_in_text, echo_of
from coopextract.models import DateValue
from coopextract.pipeline.mentions import (
    DONE,
    PENDING,
    AgreementMention,
    DateClause,
    TextSpan,
)
from coopextract.reading.date_values import first_day, last_day
from coopextract.reading.dates import DateResolver

# Rule names a record carries when its date was read without a publication date.
FROM_REFERENCE = "date:from-text-reference"
FROM_PERIOD = "date:year-before-period"
FROM_ECHO = "date:echoes-the-text"
# Instruments a relationship is also called by: one only where a word reports its stage.
VAGUE = ("partnership",)
# A signing told in the present that another mention tells as still to come (see
# `AgreementDraft.latest_status`).
PRESENT_TO_COME = "status:present-signing-to-come"

# A date further than this from the trigger or the status cue belongs to another clause.
MAX_DATE_DISTANCE = 250


def _distance(a: TextSpan, b: TextSpan) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def mention_date(
    mention: AgreementMention,
    resolver: DateResolver,
    published: DateValue | None,
    reference: DateValue | None = None,
    *,
    done: bool = False,
    past: frozenset[int] = frozenset(),
    dated: tuple[DateValue, ...] = (),
) -> tuple[DateValue, TextSpan] | None:
    """The resolvable date nearest to what the sentence says happened (cue, else trigger);
    without a publication date, year-less ones are read against `reference` (a date the
    writing cannot precede). `done`: the agreement is known to be signed whatever the
    sentence says, so nothing after the publication dates it. `past`: where dates start
    whose clause is in a past tense: a date to come moves forward ("sera signé le 12
    octobre" is the next one), not one in a past clause ("avait chargé le 12 février
    l'agence de conclure un protocole"). `dated`: without a publication date, the days and
    months the text gives with their year, which a year-less date may repeat."""
    anchors = [a for a in (mention.date_cue or mention.status_cue, mention.trigger) if a]
    # The finder ranks dates by their distance in the parse; without a parse, in characters.
    ranked = (
        mention.dates
        if mention.dates_ranked
        else sorted(
            (
                d
                for d in mention.dates
                if min(_distance(d, a) for a in anchors) <= MAX_DATE_DISTANCE
            ),
            key=lambda d: min(_distance(d, a) for a in anchors),
        )
    )
    if mention.continuation is not None and mention.follows is None:
        ranked = [*ranked, mention.continuation]
    future = mention.status in PENDING
    # A signing the sentence reports as done is not dated after the article: "d'ici 2030",
    # "lancera en 2021" in its sentence date something else. (A sentence with no status cue
    # may be about a signing to come: "l'obiettivo di firmarlo … entro novembre".)
    done = done or mention.status in DONE
    latest = last_day(published) if done and published is not None else None
    for span in ranked:
        ahead = future and span.start not in past
        value = resolver.resolve(span.text, published, future=ahead, after=reference)
        if value is None and published is None:
            value = echo_of(span.text, resolver, dated)
        if value is None and published is None:
            # The best date is there ("ont signé ce 13 décembre") but cannot be read without
            # the writing's date; a farther one ("… à y adhérer depuis 2020") is not it.
            return None
        if value is None:
            continue
        if latest is not None and first_day(value) > latest:
            continue
        return value, span
    return None


def _after_publication(
    date: tuple[DateValue, TextSpan] | None, published: DateValue | None
) -> bool:
    latest = last_day(published) if published is not None else None
    return date is not None and latest is not None and first_day(date[0]) > latest


def _signed_on_another_day(
    mention: AgreementMention,
    date: tuple[DateValue, TextSpan] | None,
    target: AgreementDraft | None,
) -> bool:
    """Does a follow-up report a signing in another year than its antecedent's ("Signé en
    juillet 2022, l'accord prévoyait ..." after this year's agreement)? Within one year it is
    the antecedent still: an announcement often follows the signing by days or weeks."""
    if mention.status != "signed" or date is None or target is None or target.date is None:
        return False
    if mention.ratified and date[0].value > target.date[0].value:
        return False  # "El documento, avalado por la Duma a mediados de noviembre": ratified later
    if date[0].value < target.date[0].value and any(m.renewal for m in target.mentions):
        return False  # "prolongaron el contrato … El documento firmado en 2007": its first signing
    return date[0].value[:4] != target.date[0].value[:4]


def merge_mentions(
    mentions: list[AgreementMention],
    resolver: DateResolver,
    published: DateValue | None,
    *,
    reference: DateValue | None = None,
    clauses: Iterable[DateClause] = (),
) -> list[AgreementDraft]:
    """The article's agreements; `reference` is only read when `published` is None;
    `clauses` tell which dates the text reports in a past tense."""
    if published is not None:
        reference = None
    clauses = list(clauses)
    past = frozenset(c.span.start for c in clauses if c.tense == "past")
    dated = dated_in_text(clauses, resolver) if published is None else ()
    drafts = Drafts()
    draft_of: list[AgreementDraft] = []  # by the mention's index
    for mention in first_ever_unranked(mentions):
        date = mention_date(mention, resolver, published, reference, past=past, dated=dated)
        if mention.follows is not None:
            # A follow-up ("le document est entré en vigueur le ...") tells the status; its
            # date is the event of that sentence, kept only when nothing dated the agreement.
            target: AgreementDraft | None = draft_of[mention.follows]
            if mention.status in ("in_force", "terminated"):
                date = None
            elif _signed_on_another_day(mention, date, target):
                # "Cela fait suite à l'accord global signé en mars dernier": an earlier one.
                target = drafts.find(mention, date)
        else:
            target = drafts.find(mention, date)
        if target is None:
            target = drafts.start(mention, date)
        else:
            drafts.join(target, mention, date)
        draft_of.append(target)
    merged = fold_counted_into_named(
        fold_renamed_into_named(
            fold_generic_into_later_named(
                fold_generic_into_named(fold_pending_into_signed(drafts.in_order))
            )
        )
    )
    # "l'importance d'un tel partenariat", "fortalecer as parcerias": a partnership no word
    # reports signed, in force, negotiated or planned is a relationship, not an instrument
    # (GUIDELINES §1); an accord or a memorandum is one by its very name.
    merged = [d for d in merged if d.instrument not in VAGUE or d.latest_status is not None]
    told = [d for d in merged if not only_announces(d)]
    merged = told or merged  # nothing told elsewhere: the count is all the article says
    merged = one_per_counted(merged, resolver.words.count_words)
    for draft in merged:
        _settle(draft, resolver)
        if draft.status == "terminated" and _dated_by_its_signing(draft):
            # "L'accord, quant à lui, a été conclu en 1996": when it was made, not when it
            # ended (GUIDELINES §2); the date of a sentence telling its end, if any.
            draft.date = next(
                (
                    found
                    for m in draft.mentions
                    if m.status == "terminated"
                    and (found := mention_date(m, resolver, published, reference, past=past))
                    is not None
                ),
                None,
            )
            draft.rules.append("date:not-its-signing")
        if draft.status in DONE and _after_publication(draft.date, published):
            # A sentence without a status cue dated it ("lancera en 2021"), but the merged
            # agreement is signed: the first date of its mentions that is not after the
            # article, if any (never that of a follow-up telling of its entry into force).
            draft.date = next(
                (
                    found
                    for m in draft.mentions
                    if not (m.follows is not None and m.status in ("in_force", "terminated"))
                    and (found := mention_date(m, resolver, published, done=True, past=past))
                    is not None
                ),
                None,
            )
        if PRESENT_TO_COME in draft.rules and draft.date is not None:
            draft.date = _read_ahead(draft.date, resolver, published, reference, past)
        if published is None:
            _date_without_publication(draft, resolver, reference)
        written = published or reference
        if written is not None and _applied_since(draft, written):
            draft.status = "in_force"
            draft.rules.append("status:applied-since-signed")
    return merged


def _dated_by_its_signing(draft: AgreementDraft) -> bool:
    """Was the draft's date read in a sentence that tells it made, not ended?"""
    if draft.date is None:
        return False
    at = draft.date[1].start
    source = next((m for m in draft.mentions if m.sentence.start <= at < m.sentence.end), None)
    return source is not None and source.status not in (None, "terminated")


def _read_ahead(
    date: tuple[DateValue, TextSpan],
    resolver: DateResolver,
    published: DateValue | None,
    reference: DateValue | None,
    past: frozenset[int],
) -> tuple[DateValue, TextSpan]:
    """A signing told in the present and turned out to come is dated ahead: "assinam na
    segunda-feira" in a Thursday's article is next Monday, not the Monday gone (which its
    mention, read as signed, took). A date whose own clause is past stays."""
    span = date[1]
    if span.start in past:
        return date
    ahead = resolver.resolve(span.text, published, future=True, after=reference)
    return (ahead, span) if ahead is not None else date


def _applied_since(draft: AgreementDraft, written: DateValue) -> bool:
    """ "Lanceront en septembre un satellite dans le cadre d'un programme signé en 1998": what
    is still to be done under an agreement signed in an earlier year than the article's is
    done under one in force; under one signed this year, it is what a fresh signing brings."""
    return (
        draft.status == "signed"
        and draft.date is not None
        and draft.date[0].value[:4] < written.value[:4]
        and any(m.applied and m.status == "signed" for m in draft.mentions)
    )


def _date_without_publication(
    draft: AgreementDraft, resolver: DateResolver, reference: DateValue | None
) -> None:
    """Name the rule behind a date read against the text's reference, and place a pending
    signing said relative to the writing just before the period it opens."""
    if draft.date is not None:
        if resolver.resolve(draft.date[1].text, None) is None:
            draft.rules.append(FROM_REFERENCE if reference is not None else FROM_ECHO)
        return
    if draft.status not in PENDING or draft.period is None or draft.period.start is None:
        return
    # "signeront l'année prochaine le programme … de 2023 à 2027": signed in 2022. Only a
    # signing the text places in the writing's year or later: "l'an dernier" with a period
    # is an agreement that ran before it was signed, which no reader would infer.
    for span in (s for m in draft.mentions for s in m.dates):
        offset = resolver.relative_year(span.text)
        if offset is None or offset < 0:
            continue
        year = int(draft.period.start[:4]) - 1
        if reference is not None and year - offset < int(reference.value[:4]):
            return  # the writing would come before a date the text reports as past
        draft.date = (DateValue(value=f"{year:04d}", precision="year"), span)
        draft.rules.append(FROM_PERIOD)
        return


def _settle(draft: AgreementDraft, resolver: DateResolver) -> None:
    status = draft.latest_status
    draft.status = status or "signed"
    if status is None:
        draft.rules.append("status:default-signed")
    elif status in PENDING and any(m.present for m in draft.mentions):
        draft.rules.append(PRESENT_TO_COME)
    for mention in draft.mentions:
        for span in mention.periods:
            period = resolver.resolve_period(span.text)
            if period is not None:
                draft.period = period
                return
