"""Merging an article's agreement mentions into agreements (guidelines §1: one record per
distinct agreement, the latest status wins) and resolving their dates and periods.

An article without a publication date may still date its agreements from the text itself
(guidelines §2): a year-less day or month is read against `reference`, the latest date the
text reports as past (`assembly.reference`); and a signing still to come, said relative to
the writing ("signeront l'année prochaine"), of a programme whose period starts in a given
year ("de 2023 à 2027") is placed in the year before that start.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from coopextract.assembly.drafts import AgreementDraft
from coopextract.assembly.folds import (
    fold_generic_into_later_named,
    fold_generic_into_named,
    fold_pending_into_signed,
    fold_renamed_into_named,
)
from coopextract.assembly.reference import dated_in_text, echo_of
from coopextract.models import DateValue
from coopextract.pipeline.mentions import (
    PENDING,
    AgreementMention,
    DateClause,
    TextSpan,
    later_status,
)
from coopextract.reading.date_values import last_day
from coopextract.reading.dates import DateResolver

# Statuses of a signing already made, which cannot be dated after the article reporting it.
DONE = ("signed", "in_force")
# Rule names a record carries when its date was read without a publication date.
FROM_REFERENCE = "date:from-text-reference"
FROM_PERIOD = "date:year-before-period"
FROM_ECHO = "date:echoes-the-text"

# A date further than this from the trigger or the status cue belongs to another clause.
MAX_DATE_DISTANCE = 250
# How long before a lead's announcement ("a annoncé samedi avoir signé") the signing it
# reports may be dated later in the text ("l'accord, signé le 4 mars").
ANNOUNCED_WITHIN = datetime.timedelta(days=7)


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
    anchors = [a for a in (mention.status_cue, mention.trigger) if a is not None]
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
        if latest is not None and _first_day(value) > latest:
            continue
        return value, span
    return None


def _after_publication(
    date: tuple[DateValue, TextSpan] | None, published: DateValue | None
) -> bool:
    latest = last_day(published) if published is not None else None
    return date is not None and latest is not None and _first_day(date[0]) > latest


def _first_day(value: DateValue) -> datetime.date:
    """The first day a date at its precision covers (2030 -> 2030-01-01)."""
    parts = [int(p) for p in value.value.split("-")] + [1, 1]
    try:
        return datetime.date(parts[0], parts[1], parts[2])
    except ValueError:  # off the calendar ("0000"): never later than a publication
        return datetime.date.min


def _dates_agree(
    a: tuple[DateValue, TextSpan] | None, b: tuple[DateValue, TextSpan] | None
) -> bool:
    return a is None or b is None or a[0].value == b[0].value


def _signed_before_announced(
    draft: AgreementDraft,
    mention: AgreementMention,
    date: tuple[DateValue, TextSpan] | None,
) -> bool:
    """ "L'ISRO a annoncé samedi avoir signé un accord … L'accord a été signé le 4 mars": the
    agreement named again (not "un accord") as signed a few days before the day the lead
    dated it by is the lead's, and that earlier day is its signature."""
    if date is None or draft.date is None or mention.fresh or mention.counted:
        return False
    if mention.status not in DONE:
        return False
    if date[0].precision != "day" or draft.date[0].precision != "day":
        return False
    gap = _first_day(draft.date[0]) - _first_day(date[0])
    return datetime.timedelta(0) < gap <= ANNOUNCED_WITHIN


def _first_ever_unranked(mentions: list[AgreementMention]) -> list[AgreementMention]:
    """ "Depuis la signature du premier accord de coopération spatiale en 1964": a first
    with no count and no other rank between the same sides is the first ever, not the first
    of those the text counts; it tells nothing apart."""
    ranked: dict[frozenset[str], set[str]] = {}
    counted: set[frozenset[str]] = set()
    for m in mentions:
        if m.ordinal:
            ranked.setdefault(m.party_keys, set()).add(m.ordinal)
        if m.counted:
            counted.add(m.party_keys)
    return [
        replace(m, ordinal=None)
        if m.ordinal == "1" and ranked[m.party_keys] == {"1"} and m.party_keys not in counted
        else m
        for m in mentions
    ]


def _only_announces(draft: AgreementDraft) -> bool:
    """ "Während der Besuche wurden zwei Partnerschaftsabkommen unterzeichnet": a count whose
    parties the sentence does not name announces agreements the article tells of elsewhere;
    where it does, the count is no record of its own (its sides are the neighbouring
    sentence's guess)."""
    return all(
        m.counted and m.ordinal is None and not m.another and m.party_source == "context"
        for m in draft.mentions
    )


def _same_agreement(
    draft: AgreementDraft,
    stages: _Stages,
    mention: AgreementMention,
    date: tuple[DateValue, TextSpan] | None,
) -> bool:
    """Is `mention` about `draft`'s agreement? The caller has matched their parties and
    instrument (`_Drafts`); `stages` tells what `draft`'s mentions are all about."""
    if draft.ordinal and mention.ordinal and draft.ordinal != mention.ordinal:
        return False
    # "Un autre accord porte sur X. Le troisième accord ...": each is one of those counted.
    if mention.ordinal and draft.first.another:
        return False
    # "un accord sur X en 2014, un accord sur Y en 2016": the sentence told them apart.
    if mention.split and mention.sentence.start in stages.split_sentences:
        return False
    # "the Implementing Arrangement signed under the Framework Agreement": not the one
    # its sentence says is made under it.
    if mention.framework and mention.sentence.start in stages.sentences:
        return False
    # "un accord sur la mission MMX" after "un accord sur Hayabusa 2": a mission or programme
    # named as each one's own, and none in common. One named before ("l'accord") is not new.
    said = stages.subjects
    if mention.fresh and mention.own_subjects and said and said.isdisjoint(mention.own_subjects):
        return False
    # Talk of an agreement still to come is about one agreement whatever dates it names.
    pending = stages.all_pending and mention.status in PENDING
    # So is talk of one cooperation ending: suspended in March, terminated in July.
    ending = stages.all_ending and mention.status == "terminated"
    return (
        pending
        or ending
        or _dates_agree(draft.date, date)
        or _signed_before_announced(draft, mention, date)
    )


@dataclass
class _Stages:
    """Whether every mention of a draft so far is pending, or about its end: kept up to date
    as mentions join, where asking the whole list at every comparison was quadratic."""

    all_pending: bool = True
    all_ending: bool = True
    subjects: set[str] = field(default_factory=set)  # the subjects its mentions name as theirs
    ordinal: str | None = None  # "le second accord": its rank among those the text counts
    split_sentences: set[int] = field(default_factory=set)  # sentences that split agreements
    sentences: set[int] = field(default_factory=set)  # where its mentions are

    def add(self, mention: AgreementMention) -> None:
        self.all_pending = self.all_pending and mention.status in PENDING
        self.all_ending = self.all_ending and mention.status == "terminated"
        self.subjects.update(mention.own_subjects)
        self.ordinal = self.ordinal or mention.ordinal
        if mention.split:
            self.split_sentences.add(mention.sentence.start)
        self.sentences.add(mention.sentence.start)


class _Drafts:
    """An article's drafts, grouped by parties and instrument, each group in creation order.

    Only a draft with a mention's parties and instrument can be its agreement, so a mention
    is compared with those alone, not with every agreement of the article: comparing it with
    all of them made merging grow with the square of a long article's length. The first
    that matches in the group is the first that matched in the whole list.
    """

    def __init__(self) -> None:
        self.in_order: list[AgreementDraft] = []
        self._groups: dict[tuple[frozenset[str], str], list[AgreementDraft]] = {}
        self._stages: dict[int, _Stages] = {}  # by id() of the draft

    def find(
        self, mention: AgreementMention, date: tuple[DateValue, TextSpan] | None
    ) -> AgreementDraft | None:
        if mention.another:
            return None  # "un autre accord", "ont également signé un accord": a new one
        group = self._groups.get((mention.party_keys, mention.instrument), [])
        candidates = [d for d in group if _same_agreement(d, self._stages[id(d)], mention, date)]
        if mention.ordinal is None and not mention.counted:
            # "Le premier accord ... Le second accord ... l'accord existant": where the text
            # counts two or more agreements of these parties, one said without a rank is one
            # of them only if it names that one's subject.
            ranked = [d for d in candidates if self._stages[id(d)].ordinal]
            if len({self._stages[id(d)].ordinal for d in ranked}) >= 2:
                own = set(mention.own_subjects)
                return next((d for d in ranked if own & self._stages[id(d)].subjects), None)
        return candidates[0] if candidates else None

    def start(
        self, mention: AgreementMention, date: tuple[DateValue, TextSpan] | None
    ) -> AgreementDraft:
        draft = AgreementDraft([mention], date)
        self.in_order.append(draft)
        self._groups.setdefault((draft.party_keys, draft.instrument), []).append(draft)
        self._stages[id(draft)] = _Stages()
        self._stages[id(draft)].add(mention)
        return draft

    def join(
        self,
        draft: AgreementDraft,
        mention: AgreementMention,
        date: tuple[DateValue, TextSpan] | None,
    ) -> None:
        draft.mentions.append(mention)
        self._stages[id(draft)].add(mention)
        if draft.date is None or _signed_before_announced(draft, mention, date):
            draft.date = date


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
    drafts = _Drafts()
    draft_of: list[AgreementDraft] = []  # by the mention's index
    for mention in _first_ever_unranked(mentions):
        date = mention_date(mention, resolver, published, reference, past=past, dated=dated)
        if mention.follows is not None:
            # A follow-up ("le document est entré en vigueur le ...") tells the status; its
            # date is the event of that sentence, kept only when nothing dated the agreement.
            target: AgreementDraft | None = draft_of[mention.follows]
            if mention.status in ("in_force", "terminated"):
                date = None
        else:
            target = drafts.find(mention, date)
        if target is None:
            target = drafts.start(mention, date)
        else:
            drafts.join(target, mention, date)
        draft_of.append(target)
    merged = fold_renamed_into_named(
        fold_generic_into_later_named(
            fold_generic_into_named(fold_pending_into_signed(drafts.in_order))
        )
    )
    told = [d for d in merged if not _only_announces(d)]
    merged = told or merged  # nothing told elsewhere: the count is all the article says
    for draft in merged:
        _settle(draft, resolver)
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
        if published is None:
            _date_without_publication(draft, resolver, reference)
    return merged


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
    status = None
    for mention in draft.mentions:
        status = later_status(status, mention.status)
    draft.status = status or "signed"
    if status is None:
        draft.rules.append("status:default-signed")
    for mention in draft.mentions:
        for span in mention.periods:
            period = resolver.resolve_period(span.text)
            if period is not None:
                draft.period = period
                return
