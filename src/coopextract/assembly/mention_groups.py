"""Which of an article's mentions speak of one agreement: the drafts the assembly grows,
grouped by sides and instrument, and what keeps two mentions apart or brings them together
(a rank, a count, "un autre", another date, a signing dated just before its announcement)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace

from coopextract.assembly.drafts import AgreementDraft
from coopextract.models import DateValue
from coopextract.pipeline.mentions import DONE, PENDING, AgreementMention, TextSpan
from coopextract.reading.date_values import first_day

# How long before a lead's announcement ("a annoncé samedi avoir signé") the signing it
# reports may be dated later in the text ("l'accord, signé le 4 mars").
ANNOUNCED_WITHIN = datetime.timedelta(days=7)


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
    dated it by is the lead's, and that earlier day is its signature. Named afresh too
    after a headline dated by the line under it ("ESA and NASA sign Memorandum … / 14
    September 2009 / Last Friday, … signed a Memorandum"): the body tells the headline's
    news."""
    if date is None or draft.date is None or mention.counted:
        return False
    if mention.fresh and draft.date[1] != draft.first.continuation:
        return False
    if mention.status not in DONE:
        return False
    if date[0].precision != "day" or draft.date[0].precision != "day":
        return False
    gap = first_day(draft.date[0]) - first_day(date[0])
    return datetime.timedelta(0) < gap <= ANNOUNCED_WITHIN


def first_ever_unranked(mentions: list[AgreementMention]) -> list[AgreementMention]:
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


def only_announces(draft: AgreementDraft) -> bool:
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
    if _another_signatory(stages, mention):
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


# Where a mention's sentence names its parties itself (not taken from context).
_NAMED_SOURCES = ("sentence", "between", "enumeration")


def _another_signatory(stages: _Stages, mention: AgreementMention) -> bool:
    """ "L'Ouzbékistan a signé un accord-cadre avec le CNES. Un accord a également été trouvé
    entre l'Ouzbékistan et Thales Alenia Space": an agency and a company of one country are
    two signatories, though their sides' keys (the country) are alike. A state and a company
    are not: "la France" is often where, not who."""
    if mention.party_source not in _NAMED_SOURCES:
        return False
    # "L'ASC … un contrat à MDA" twice: an agency and a company of one country that both
    # sign it are no other signatory of each other.
    own = {party.entry.id for party in mention.parties}
    return any(
        other_id not in own and _company_and_institution(party.entry.kind, other_kind)
        for party in mention.parties
        for other_id, other_kind in stages.signatories.get(party.key, ())
    )


def _company_and_institution(kind: str, other: str) -> bool:
    """A company and an agency or organisation (not a state)."""
    return {kind, other} in ({"company", "agency"}, {"company", "organization"})


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
    # by side key, the (id, kind) of the parties its mentions' own sentences name
    signatories: dict[str, set[tuple[str, str]]] = field(default_factory=dict)

    def add(self, mention: AgreementMention) -> None:
        self.all_pending = self.all_pending and mention.status in PENDING
        self.all_ending = self.all_ending and mention.status == "terminated"
        self.subjects.update(mention.own_subjects)
        self.ordinal = self.ordinal or mention.ordinal
        if mention.split:
            self.split_sentences.add(mention.sentence.start)
        self.sentences.add(mention.sentence.start)
        if mention.party_source in _NAMED_SOURCES:
            for party in mention.parties:
                self.signatories.setdefault(party.key, set()).add(
                    (party.entry.id, party.entry.kind)
                )


class Drafts:
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
