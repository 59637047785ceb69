"""One agreement per joiner, where the sides of a mention each make their own: the joiners
of a programme, each with its lead ("Le Rwanda et le Nigeria ont rejoint les accords
Artemis"), and the sides coordinated before a distributive word ("X et Y ont décroché chacun
un accord avec Z"), each with the others. Read by `coop_agreements` once a trigger's mentions
are written.
"""

from dataclasses import replace

from spacy.tokens import Span

from coopextract.pipeline.components.article_parties import PartyKnowledge
from coopextract.pipeline.mentions import AgreementMention
from coopextract.pipeline.parties import PartyMention, is_connector, is_short_stop


def joinings(known: PartyKnowledge, mention: AgreementMention) -> list[AgreementMention]:
    """ "Le Rwanda et le Nigeria ont rejoint les accords Artemis": each joins the
    programme's lead on its own (one record per joining), not the other joiners."""
    entries = [known.catalog[s] for s in mention.subjects if s in known.catalog]
    leads = [e.lead for e in entries if e.lead]
    if not leads:
        return [mention]
    lead = known.catalog[leads[0] or ""]
    key = lead.country or lead.id
    joiners = [p for p in mention.parties if p.key != key]
    if len(joiners) < 2:
        return [mention]
    said = [p for p in mention.parties if p.key == key]
    side = (
        said[0]
        if said
        else PartyMention(
            lead, mention.trigger.text, mention.trigger.start, mention.trigger.end, "lead"
        )
    )
    return [
        replace(mention, parties=[joiner, side], rules=[*mention.rules, "parties:joining"])
        for joiner in joiners
    ]


def each_with(marker: Span, mention: AgreementMention) -> list[AgreementMention]:
    """ "L'Éthiopie et le Kenya ont pu décrocher chacun un accord avec le pays européen": the
    sides coordinated last before a distributive word ("chacun", "each", DISTRIBUTIVE) each
    make one agreement with the others, not one all together."""
    doc = marker.doc
    before = [p for p in mention.parties if p.end_char <= marker.start_char]
    each = before[-1:]
    for p in reversed(before[:-1]):
        gap = doc.char_span(p.end_char, each[0].start_char, alignment_mode="expand")
        if gap is None or not all(is_connector(w) or is_short_stop(w) for w in gap):
            break
        each.insert(0, p)
    others = [p for p in mention.parties if p not in each]
    if len({p.key for p in each}) < 2 or not others:
        return [mention]
    return [
        replace(mention, parties=[one, *others], rules=[*mention.rules, "parties:each"])
        for one in each
    ]
