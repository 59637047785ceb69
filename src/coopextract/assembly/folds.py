"""Drafts that are one agreement after all, folded together once an article's mentions are
merged (guidelines §1: every mention of the same agreement merges into one record).

Five ways news reports one agreement in words the merging keeps apart: a plan, then its
signature under another word; a vaguer word pointing back to an instrument named before
("un protocole d'accord … l'accord prévoit"); a vague word in the lead, then the
instrument's precise name in the body, with a definite article ("un accord … la lettre
d'intention"); another word said in passing for the agreement reported ("un memorandum
… obiettivo del protocollo"); and a count of agreements, one with each counterpart, whose
members the article counts again or names ("deux documents avec la Nasa et le DLR").
"""

from __future__ import annotations

from collections.abc import Iterable

from coopextract.assembly.drafts import AgreementDraft
from coopextract.models import DateValue
from coopextract.pipeline.mentions import (
    GENERIC_INSTRUMENTS,
    PENDING,
    AgreementMention,
    TextSpan,
)


def fold_pending_into_signed(drafts: list[AgreementDraft]) -> list[AgreementDraft]:
    """ "Chargé de conclure un protocole" then "ont signé un mémorandum": one agreement, signed.

    A pending instrument between the same sides as a signed one, with no date that tells
    them apart, is the same agreement at an earlier stage. A date of the pending one that
    does not come after the signing (the instruction "chargé le 12 février", then the
    signature on 9 March) tells nothing apart: plans precede signatures.

    Statuses are read once: folding pending mentions into a signed draft leaves its status
    as it was (the latest stage wins), and a pending draft is never folded into. Only drafts
    between the same sides are candidates, in their order in `drafts`.
    """
    status = {id(d): d.latest_status for d in drafts}
    # Both name missions or programmes, and none in common: two agreements.
    subjects = {id(d): _own_subjects(d) for d in drafts}
    settled: dict[frozenset[str], list[AgreementDraft]] = {}
    for d in drafts:
        if status[id(d)] not in PENDING and status[id(d)] is not None:
            settled.setdefault(d.party_keys, []).append(d)
    kept: list[AgreementDraft] = []
    for draft in drafts:
        # "négocient un nouvel accord": a new one being prepared is not the one signed.
        fresh = draft.first.another or any(m.new for m in draft.mentions)
        if status[id(draft)] in PENDING and not fresh:
            done = next(
                (
                    d
                    for d in settled.get(draft.party_keys, [])
                    if d.instrument != draft.instrument
                    # "Кроме того, была достигнута договоренность о …": said to be another
                    and not d.first.another
                    # a contract to sign with a company is no agreement the states signed
                    and _companies(d) == _companies(draft)
                    and _not_after(draft.date, d.date)
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


def fold_counted_into_named(drafts: list[AgreementDraft]) -> list[AgreementDraft]:
    """ "L'agence a signé des partenariats avec la Nasa et le DLR … deux documents avec la Nasa
    et le DLR … une lettre d'intention avec l'Allemagne": counts told as one agreement with
    each counterpart (a headline's, then the body's), whose members the article may name
    elsewhere. Between two sides, the members of such counts are one agreement, and the one
    named draft there that stands alone is it too, under its precise name; where two or more
    could be it, the text does not say which, and all stay as they are. A member said to be
    new or another, or a date that differs, keeps them apart. All join the earliest.
    """
    groups: dict[frozenset[str], list[AgreementDraft]] = {}
    for draft in drafts:
        groups.setdefault(draft.party_keys, []).append(draft)
    gone: set[int] = set()  # id() of the drafts folded into another
    for group in groups.values():
        members = [d for d in group if _counted_member(d.first)]
        # not `d in members`: drafts are dataclasses, which `in` compares field by field
        named = [d for d in group if not _counted_member(d.first) and _stands_alone(d)]
        if not members or len(named) > 1 or len(members) + len(named) < 2:
            continue
        together = sorted([*members, *named], key=lambda d: d.first.trigger.start)
        if len({d.first.trigger.start for d in together}) < len(together):
            continue  # one trigger split by counterpart: companies of one country apart
        precise = named[0].instrument if named else _most_precise(d.instrument for d in members)
        dates = {d.date[0] for d in together if d.date is not None}
        if len(dates) > 1 or not all(
            d.instrument == precise or _vaguer(d.instrument, precise) for d in members
        ):
            continue
        early, *later = together
        for late in later:
            early.mentions.extend(late.mentions)
            early.date = early.date or late.date
            gone.add(id(late))
        early.named = precise
        early.rules.append("assembly:count-members-one")
    return [d for d in drafts if id(d) not in gone]


def _counted_member(mention: AgreementMention) -> bool:
    """Is the mention one of a count's agreements with one counterpart each ("deux documents
    avec la Nasa et le DLR"), not ranked, nor said to be new or another?"""
    return (
        mention.counted
        and mention.split
        and mention.ordinal is None
        and not (mention.lone or mention.new or mention.another)
        and len(mention.party_keys) == 2
    )


def _most_precise(instruments: Iterable[str]) -> str:
    """The instrument that says most: any named kind over "agreement" over "partnership" over
    "other"."""
    return max(
        instruments,
        key=lambda i: (
            GENERIC_INSTRUMENTS.index(i) if i in GENERIC_INSTRUMENTS else len(GENERIC_INSTRUMENTS)
        ),
    )


def _vaguer(generic: str, other: str) -> bool:
    """Does instrument `generic` say less than `other` ("other" < "partnership" < "agreement" <
    the rest)? "Other" names no kind at all, so nothing is folded into it."""
    if generic not in GENERIC_INSTRUMENTS or other == "other":
        return False
    if other not in GENERIC_INSTRUMENTS:
        return True
    return GENERIC_INSTRUMENTS.index(generic) < GENERIC_INSTRUMENTS.index(other)


def _short_form(draft: AgreementDraft, named: AgreementDraft) -> bool:
    """Is every mention of `draft` the head word of `named`'s longer name: "il protocollo"
    after "un protocollo d'intesa", "le mémorandum" after "un mémorandum d'entente"?"""
    heads = {words[0] for m in named.mentions if len(words := m.trigger.text.lower().split()) > 1}
    return all(m.trigger.text.lower() in heads for m in draft.mentions)


def _refers_to(draft: AgreementDraft, named: AgreementDraft) -> bool:
    """Is every mention of `draft` a vaguer word for `named`'s agreement: said in one of its
    sentences ("la résiliation du contrat … privée d'un partenariat"), or pointing back to it
    after it was named ("un mémorandum … L'accord prévoit", "… essa parceria")?"""
    sentences = {m.sentence for m in named.mentions}
    opened = named.first.trigger.start
    return all(
        m.sentence in sentences or (m.anaphoric and m.trigger.start > opened and not m.counted)
        for m in draft.mentions
    )


def fold_generic_into_named(drafts: list[AgreementDraft]) -> list[AgreementDraft]:
    """ "Un protocole d'accord … L'accord prévoit …": one agreement, not a memorandum and an
    agreement. A draft whose every mention is a vaguer instrument word for an agreement the
    article names between the same sides (`_refers_to`) joins the latest such one before it.
    A date of its own that differs, a rank ("le second accord"), "un autre accord", or
    subjects of its own that the other does not share keep it apart.

    Only the latest draft of each instrument between those sides is a candidate (a word
    points back to the agreement last named), so a long article is not compared pairwise.
    """
    kept: list[AgreementDraft] = []
    # by sides, then instrument: the latest draft and its place in `kept`
    latest: dict[frozenset[str], dict[str, tuple[int, AgreementDraft]]] = {}
    for draft in drafts:
        target = None
        if draft.ordinal is None and not any(
            m.another or m.framework or m.proper_name for m in draft.mentions
        ):
            own = _own_subjects(draft)
            candidates = sorted(
                (
                    (at, d)
                    for instrument, (at, d) in latest.get(draft.party_keys, {}).items()
                    if _vaguer(draft.instrument, instrument) or _short_form(draft, d)
                ),
                key=lambda pair: pair[0],
                reverse=True,
            )
            target = next(
                (
                    d
                    for _, d in candidates
                    if (draft.date is None or (d.date is not None and d.date[0] == draft.date[0]))
                    and not (own - _own_subjects(d))
                    and _refers_to(draft, d)
                    and not _told_apart(draft, d)
                ),
                None,
            )
        if target is None:
            latest.setdefault(draft.party_keys, {})[draft.instrument] = (len(kept), draft)
            kept.append(draft)
            continue
        target.mentions.extend(draft.mentions)
        target.rules.append("assembly:generic-folded-into-named")
    return kept


def fold_generic_into_later_named(drafts: list[AgreementDraft]) -> list[AgreementDraft]:
    """ "La Corée du Sud et la France ont signé un accord … Ils ont signé la lettre
    d'intention": the lead's vague word, then the body's precise name for the same agreement,
    given with a definite article as one already spoken of; or a vaguer word said in the
    named one's own sentence ("se sont entendues sur un programme"); or the article's first
    agreement, spoken of as one the reader knows ("Résumé : L'accord, signé entre A et B …
    A et B ont signé un protocole d'accord"). The named draft joins
    the nearest vaguer draft before it between the same sides, which takes its instrument.
    A rank, "un autre", a count, a date of its own that differs, or subjects of its own that
    the other does not share keep them apart, as in `fold_generic_into_named`.

    Only the latest draft of each vaguer instrument between those sides is a candidate, so a
    long article is not compared pairwise.
    """
    folded: set[int] = set()  # id() of the named drafts folded into a vaguer one
    # by sides, then instrument: the latest draft and its place in `drafts`
    latest: dict[frozenset[str], dict[str, tuple[int, AgreementDraft]]] = {}
    for at, named in enumerate(drafts):
        generic = _vaguer_before(named, latest.get(named.party_keys, {}))
        if generic is None:
            latest.setdefault(named.party_keys, {})[named.instrument] = (at, named)
            continue
        generic.mentions.extend(named.mentions)
        generic.named = named.instrument
        generic.date = generic.date or named.date
        generic.rules.append("assembly:generic-named-later")
        folded.add(id(named))
    return [d for d in drafts if id(d) not in folded]


def fold_renamed_into_named(drafts: list[AgreementDraft]) -> list[AgreementDraft]:
    """ "Firmato un memorandum di intesa tra Italia e Lussemburgo … Obiettivo del protocollo
    sarà …": a writer naming the agreement already reported by another word. A draft whose
    every mention points back with a definite article, says nothing of its own (no status,
    date, subject or rank other than the reported one's) and takes its sides from the text
    around it ("i due Paesi"), not from names in its sentence, joins the latest draft before
    it between the same sides that the text reports with a status.
    """
    kept: list[AgreementDraft] = []
    latest: dict[frozenset[str], AgreementDraft] = {}  # the latest reported draft by sides
    for draft in drafts:
        target = latest.get(draft.party_keys)
        if target is not None and (
            not _only_points_back(draft, target) or _told_apart(target, draft)
        ):
            target = None
        # A count ("una serie de acuerdos") is several agreements, not one to rename.
        if target is None or target.instrument == draft.instrument or not _stands_alone(target):
            if draft.latest_status is not None:
                latest[draft.party_keys] = draft
            kept.append(draft)
            continue
        target.mentions.extend(draft.mentions)
        target.rules.append("assembly:renamed-folded-into-named")
    return kept


# Where a mention's sides come from the text around it rather than names in its sentence.
_SIDES_FROM_AROUND = ("pair", "context", "lead")


def _only_points_back(draft: AgreementDraft, target: AgreementDraft) -> bool:
    """Says nothing of its own: what status or date it tells is the target's ("nella
    lettera di intenti firmata oggi" after "ha firmato oggi … una Dichiarazione")."""
    status = target.latest_status
    same_day = (draft.date[0].value if draft.date else None) == (
        target.date[0].value if target.date else None
    )
    return _stands_alone(draft) and all(
        m.anaphoric
        and (m.status is None or m.status == status)
        and (not m.dates or same_day)
        and not m.own_subjects
        and m.party_source in _SIDES_FROM_AROUND
        for m in draft.mentions
    )


def _vaguer_before(
    named: AgreementDraft, before: dict[str, tuple[int, AgreementDraft]]
) -> AgreementDraft | None:
    """The nearest vaguer draft before `named` that nothing keeps apart from it."""
    if not _stands_alone(named):
        return None
    own = _own_subjects(named)
    sentences = {m.sentence for m in named.mentions}
    candidates = sorted(before.values(), key=lambda pair: pair[0], reverse=True)
    return next(
        (
            d
            for at, d in candidates
            if _vaguer(d.instrument, named.instrument)
            and _stands_alone(d)
            and (d.date is None or named.date is None or d.date[0] == named.date[0])
            and not (_own_subjects(d) - own)
            and not _told_apart(d, named)
            and (
                named.first.anaphoric
                or all(m.sentence in sentences for m in d.mentions)
                # the article's first words on an agreement, as one the reader knows
                # ("Résumé : … L'accord, signé entre A et B"), or its lead ("ont trouvé un
                # accord vendredi … ont signé une déclaration d'intentions"): the one it then
                # names, unless either is said to be new ("un nouveau contrat")
                or (
                    at == 0
                    and (
                        d.first.anaphoric or not any(m.new for m in (*d.mentions, *named.mentions))
                    )
                )
            )
        ),
        None,
    )


def _stands_alone(draft: AgreementDraft) -> bool:
    """Not told apart from others by a rank, "un autre", a count, or as the framework
    another is made under."""
    return draft.ordinal is None and not any(
        m.another or m.counted or m.framework for m in draft.mentions
    )


def _told_apart(a: AgreementDraft, b: AgreementDraft) -> bool:
    """Did a sentence list both as agreements of their own ("quatre accords : un accord sur
    X, un mémorandum sur Y")? Or are the sides of one companies and of the other none ("la
    Russie et les États-Unis ont conclu l'accord" and ULA's order from Energomash: the
    countries are the same, the agreements are not)?"""
    split = {m.sentence.start for m in a.mentions if m.split}
    if any(m.split and m.sentence.start in split for m in b.mentions):
        return True
    return {_companies(a), _companies(b)} == {"all", "none"}


def _companies(draft: AgreementDraft) -> str:
    """Whether the draft's sides are companies: "all", "none" or "some"."""
    kinds = {p.entry.kind == "company" for p in draft.first.parties}
    return "some" if len(kinds) > 1 else "all" if True in kinds else "none"


def _own_subjects(draft: AgreementDraft) -> set[str]:
    return {s for m in draft.mentions for s in m.own_subjects}


def _not_after(
    pending: tuple[DateValue, TextSpan] | None, signed: tuple[DateValue, TextSpan] | None
) -> bool:
    """Is the pending date absent, or on or before the signed one at their common precision?"""
    if pending is None:
        return True
    if signed is None:
        return False
    n = min(len(pending[0].value), len(signed[0].value))
    return pending[0].value[:n] <= signed[0].value[:n]
