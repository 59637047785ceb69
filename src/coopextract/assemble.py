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
    draft: AgreementDraft, mention: AgreementMention, date: tuple[DateValue, TextSpan] | None
) -> bool:
    if draft.party_keys != mention.party_keys or draft.instrument != mention.instrument:
        return False
    if draft.ordinal and mention.ordinal and draft.ordinal != mention.ordinal:
        return False
    # Talk of an agreement still to come is about one agreement whatever dates it names.
    pending = all(m.status in PENDING for m in draft.mentions) and mention.status in PENDING
    # So is talk of one cooperation ending: suspended in March, terminated in July.
    ending = (
        all(m.status == "terminated" for m in draft.mentions) and mention.status == "terminated"
    )
    return pending or ending or _dates_agree(draft.date, date)


def merge_mentions(
    mentions: list[AgreementMention], resolver: DateResolver, published: DateValue | None
) -> list[AgreementDraft]:
    drafts: list[AgreementDraft] = []
    draft_of: dict[int, AgreementDraft] = {}
    for index, mention in enumerate(mentions):
        date = mention_date(mention, resolver, published)
        if mention.follows is not None:
            # A follow-up ("le document est entré en vigueur le ...") tells the status; its
            # date is the event of that sentence, kept only when nothing dated the agreement.
            target = draft_of[mention.follows]
            if mention.status in ("in_force", "terminated"):
                date = None
        else:
            target = next((d for d in drafts if _same_agreement(d, mention, date)), None)
        if target is None:
            target = AgreementDraft([mention], date)
            drafts.append(target)
        else:
            target.mentions.append(mention)
            if target.date is None:
                target.date = date
        draft_of[index] = target
    drafts = _fold_pending_into_signed(drafts)
    for draft in drafts:
        _settle(draft, resolver)
    return drafts


def _fold_pending_into_signed(drafts: list[AgreementDraft]) -> list[AgreementDraft]:
    """ "Chargé de conclure un protocole" then "ont signé un mémorandum": one agreement, signed.

    A pending instrument between the same sides as a signed one, with no date that tells
    them apart, is the same agreement at an earlier stage.
    """

    def status_of(d: AgreementDraft) -> str | None:
        status = None
        for m in d.mentions:
            status = later_status(status, m.status)
        return status

    kept: list[AgreementDraft] = []
    for draft in drafts:
        if status_of(draft) in PENDING:
            done = next(
                (
                    d
                    for d in drafts
                    if d is not draft
                    and d.party_keys == draft.party_keys
                    and status_of(d) not in PENDING
                    and status_of(d) is not None
                    and d.instrument != draft.instrument
                    and _dates_agree(d.date, draft.date)
                    and not draft.date
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
