"""Merging an article's agreement mentions into agreements (guidelines §1: one record per
distinct agreement, the latest status wins) and resolving their dates and periods."""

from __future__ import annotations

from dataclasses import dataclass, field

from coopextract.dates import DateResolver
from coopextract.mentions import (
    PENDING,
    STATUS_PROGRESSION,
    AgreementMention,
    TextSpan,
    later_status,
)
from coopextract.models import DateValue, Period

# A date further than this from the trigger or the status cue belongs to another clause.
MAX_DATE_DISTANCE = 250


@dataclass
class AgreementDraft:
    """An agreement as merged from its mentions, with resolved dates."""

    mentions: list[AgreementMention]
    date: tuple[DateValue, TextSpan] | None = None
    period: Period | None = None
    status: str = "signed"
    rules: list[str] = field(default_factory=list)

    @property
    def first(self) -> AgreementMention:
        return self.mentions[0]

    @property
    def instrument(self) -> str:
        return self.first.instrument

    @property
    def party_keys(self) -> frozenset[str]:
        return self.first.party_keys

    @property
    def ordinal(self) -> str | None:
        return next((m.ordinal for m in self.mentions if m.ordinal), None)


def _distance(a: TextSpan, b: TextSpan) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def mention_date(
    mention: AgreementMention, resolver: DateResolver, published: DateValue | None
) -> tuple[DateValue, TextSpan] | None:
    """The resolvable date nearest to what the sentence says happened (cue, else trigger)."""
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
    for span in ranked:
        value = resolver.resolve(span.text, published, future=mention.status in PENDING)
        if value is not None:
            return value, span
    return None


def _dates_agree(
    a: tuple[DateValue, TextSpan] | None, b: tuple[DateValue, TextSpan] | None
) -> bool:
    return a is None or b is None or a[0].value == b[0].value


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
    # "un accord sur la mission MMX" after "un accord sur Hayabusa 2": a mission or programme
    # named as each one's own, and none in common. One named before ("l'accord") is not new.
    said = stages.subjects
    if mention.fresh and mention.own_subjects and said and said.isdisjoint(mention.own_subjects):
        return False
    # Talk of an agreement still to come is about one agreement whatever dates it names.
    pending = stages.all_pending and mention.status in PENDING
    # So is talk of one cooperation ending: suspended in March, terminated in July.
    ending = stages.all_ending and mention.status == "terminated"
    return pending or ending or _dates_agree(draft.date, date)


@dataclass
class _Stages:
    """Whether every mention of a draft so far is pending, or about its end: kept up to date
    as mentions join, where asking the whole list at every comparison was quadratic."""

    all_pending: bool = True
    all_ending: bool = True
    subjects: set[str] = field(default_factory=set)  # the subjects its mentions name as theirs
    ordinal: str | None = None  # "le second accord": its rank among those the text counts
    split_sentences: set[int] = field(default_factory=set)  # sentences that split agreements

    def add(self, mention: AgreementMention) -> None:
        self.all_pending = self.all_pending and mention.status in PENDING
        self.all_ending = self.all_ending and mention.status == "terminated"
        self.subjects.update(mention.own_subjects)
        self.ordinal = self.ordinal or mention.ordinal
        if mention.split:
            self.split_sentences.add(mention.sentence.start)


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
        if draft.date is None:
            draft.date = date


def merge_mentions(
    mentions: list[AgreementMention], resolver: DateResolver, published: DateValue | None
) -> list[AgreementDraft]:
    drafts = _Drafts()
    draft_of: list[AgreementDraft] = []  # by the mention's index
    for mention in mentions:
        date = mention_date(mention, resolver, published)
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
    merged = _fold_pending_into_signed(drafts.in_order)
    for draft in merged:
        _settle(draft, resolver)
    return merged


def _status_of(draft: AgreementDraft) -> str | None:
    status = None
    for m in draft.mentions:
        status = later_status(status, m.status)
    return status


def _fold_pending_into_signed(drafts: list[AgreementDraft]) -> list[AgreementDraft]:
    """ "Chargé de conclure un protocole" then "ont signé un mémorandum": one agreement, signed.

    A pending instrument between the same sides as a signed one, with no date that tells
    them apart, is the same agreement at an earlier stage.

    Statuses are read once: folding pending mentions into a signed draft leaves its status
    as it was (the latest stage wins), and a pending draft is never folded into. Only drafts
    between the same sides are candidates, in their order in `drafts`.
    """
    status = {id(d): _status_of(d) for d in drafts}
    # Both name missions or programmes, and none in common: two agreements.
    subjects = {id(d): {s for m in d.mentions for s in m.own_subjects} for d in drafts}
    settled: dict[frozenset[str], list[AgreementDraft]] = {}
    for d in drafts:
        if status[id(d)] not in PENDING and status[id(d)] is not None:
            settled.setdefault(d.party_keys, []).append(d)
    kept: list[AgreementDraft] = []
    for draft in drafts:
        if status[id(draft)] in PENDING and not draft.date and not draft.first.another:
            done = next(
                (
                    d
                    for d in settled.get(draft.party_keys, [])
                    if d.instrument != draft.instrument
                    and _dates_agree(d.date, draft.date)
                    and not (
                        subjects[id(d)]
                        and subjects[id(draft)]
                        and subjects[id(d)].isdisjoint(subjects[id(draft)])
                    )
                ),
                None,
            )
            if done is not None:
                done.mentions.extend(draft.mentions)
                done.rules.append("assembly:pending-folded-into-signed")
                continue
        kept.append(draft)
    return kept


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


def status_rank(status: str) -> int:
    return STATUS_PROGRESSION.index(status)
