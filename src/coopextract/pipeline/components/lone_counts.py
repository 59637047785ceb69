"""A count with one side named ("Arianespace a annoncé la signature de trois contrats"),
its counterparts told one by one after ("Le premier, avec Eutelsat, ...", "Le deuxième contrat
a été signé avec SKY Perfect JSAT"): the count is kept as a lone mention, context for its
ranked parts and no record of its own."""

from __future__ import annotations

from spacy.tokens import Span

from coopextract.pipeline.components import several
from coopextract.pipeline.mentions import AgreementMention
from coopextract.pipeline.parties import PartyMention, named_sides


def without_lone_counts(found: list[AgreementMention]) -> list[AgreementMention]:
    """The mentions that make records: a lone count was context for its parts only. A
    follow-up's index of the mention it follows is renumbered to match."""
    kept = [m for m in found if not m.lone]
    index = {id(m): i for i, m in enumerate(kept)}
    for mention in kept:
        if mention.follows is not None:
            mention.follows = index[id(found[mention.follows])]
    return kept


def lone_count(
    found: list[AgreementMention], trig: Span, refs: list[Span]
) -> AgreementMention | None:
    """The count, of `trig`'s instrument and with one side, that a ranked trigger ("le
    deuxième contrat", "un troisième contrat") is one of, or that a plural pointing back
    restates ("SpaceX Signs New Launch Contracts … The contracts include launch of X for
    Hispasat and of Y for Arabsat"); None for any other trigger."""
    restated = several.named_before(refs, trig) and several.is_counted(trig.doc, refs, trig)
    if not several.ordinal_of(refs, trig) and not restated:
        return None
    count = latest_count(found)
    return count if count is not None and count.instrument == trig.id_ else None


def latest_count(found: list[AgreementMention]) -> AgreementMention | None:
    """The lone count the latest ranked mentions are parts of, unless another count came since."""
    for mention in reversed(found):
        if mention.lone:
            return mention
        if mention.counted or not mention.ordinal:
            return None
    return None


def counterparts_of(
    count: AgreementMention, parties_here: list[PartyMention]
) -> list[PartyMention]:
    """The sides a sentence names besides a lone count's one side: its part's counterparts."""
    ids = {p.entry.id for p in count.parties}
    keys = {p.key for p in count.parties if p.entry.kind != "company"}
    return [
        p
        for p in named_sides(parties_here)
        if p.entry.id not in ids and (p.entry.kind == "company" or p.key not in keys)
    ]
