"""A sentence that points back at an agreement told before: more about the agreement just
mentioned ("Ce nouvel accord renforce…", "Le document est entré en vigueur"), the one it points
back to (the last between the sides it names), or a document pointed at whose signing is news
of its own ("Le document a été signé par …"). Read by `coop_agreements` before a sentence's
triggers make agreements of their own.
"""

from spacy.tokens import Doc, Span

from coopextract.pipeline.components import several, several_dates
from coopextract.pipeline.components.cues import Cue, cues_about, latest_cue
from coopextract.pipeline.components.mention_writing import MentionWriter
from coopextract.pipeline.components.spans import is_definite
from coopextract.pipeline.mentions import DONE, GENERIC_INSTRUMENTS, AgreementMention
from coopextract.pipeline.parties import PartyMention, named_sides, party_sides, spans_in


def _is_demonstrative(span: Span) -> bool:
    """ "Ce nouvel accord", "cet accord", "this contract": always the agreement already named
    (by the morphology, or by an ANAPHOR of id `demonstrative` where there is none)."""
    for token in reversed(span.doc[max(span.start - 2, 0) : span.start]):
        if "Dem" in token.morph.get("PronType"):
            return True
    return any(
        r.label_ == "ANAPHOR" and r.id_ == "demonstrative" and r.start < span.start < r.end + 1
        for r in spans_in(span.doc, "references", span.sent)
    )


def follow_up(
    writer: MentionWriter,
    doc: Doc,
    sent: Span,
    triggers: list[Span],
    parties_here: list[PartyMention],
    refs: dict[str, Span],
    ref_list: list[Span],
    cues: list[Cue],
    found: list[AgreementMention],
    frameworks: list[Span],
) -> AgreementMention | None:
    """ "Ce nouvel accord renforce...", "Le document est entré en vigueur": more about the
    agreement just mentioned, not a new one. "Le second accord", "un autre accord" are not.
    The dates nearer a framework it is made under (`frameworks`) are that one's.
    """
    if not found or found[-1].lone:
        return None
    named = named_sides(parties_here)
    follows = _antecedent(found, {p.key for p in named}, triggers[0].id_ if triggers else None)
    antecedent = found[follows]
    status = latest_cue(cues)[0]  # the sentence's, for what is not one trigger's
    # "Ce premier contrat", "this first contract": a demonstrative points back, its rank
    # describes the agreement named
    distinct = any(
        (several.ordinal_of(ref_list, t) and not _is_demonstrative(t))
        or several.is_another(ref_list, t, status is not None)
        or several_dates.dated_plural(t, sent)
        for t in triggers
    )
    points_back = (
        (triggers and all(_is_demonstrative(t) for t in triggers))
        or (
            len(named) < 2
            and "PAIR" not in refs
            and triggers
            # "l'accord" by the parse; "the agreement" by an ANAPHOR where there is none,
            # of the instrument told before or a vaguer word ("una serie de acuerdos …
            # el contrato con China" is not one of them)
            and all(
                is_definite(t)
                or (
                    several.named_before(ref_list, t)
                    and t.id_ in (antecedent.instrument, *GENERIC_INSTRUMENTS)
                )
                for t in triggers
            )
        )
        or (not triggers and "ANAPHOR" in refs and {p.key for p in named} <= antecedent.party_keys)
    )
    if distinct or not points_back or (status is not None and _other_level(named, antecedent)):
        return None
    anchor = triggers[0] if triggers else refs["ANAPHOR"]
    follow_up = writer.mention(
        doc,
        sent,
        anchor,
        antecedent.parties,
        "anaphor",
        cues_about(cues, anchor, triggers),
        ref_list,
        instrument=antecedent.instrument,
        siblings=[anchor, *frameworks] if frameworks else None,
    )
    follow_up.follows = follows
    follow_up.named = [p for p in parties_here if p.key in antecedent.party_keys]
    return follow_up


def _other_level(named: list[PartyMention], antecedent: AgreementMention) -> bool:
    """Does the sentence name only states or agencies where the agreement told before is
    between companies ("le contrat d'Arianespace et d'Arsat … el acuerdo de cooperación
    espacial firmado por el ministro … y el embajador francés")? Where it tells a signing,
    its instrument is the governments' own, not the contract again."""
    return (
        bool(named)
        and all(p.entry.kind != "company" for p in named)
        and all(p.entry.kind == "company" for p in antecedent.parties)
    )


def document_signed(
    writer: MentionWriter,
    doc: Doc,
    sent: Span,
    parties_here: list[PartyMention],
    refs: dict[str, Span],
    ref_list: list[Span],
    cues: list[Cue],
) -> list[AgreementMention]:
    """ "Документ был подписан главами правительств России, Армении, …": a document
    pointed at that follows up no agreement told before (none, or none between the sides
    it names), whose signing the sentence reports between sides it names, is an agreement
    of its own. Its instrument is the last one the text named before it ("a ratifié le
    protocole … Le document a été signé par"), else an agreement."""
    named = named_sides(parties_here)
    # "ont rejoint le programme": joiners of a programme, not a document's signatories
    if len(party_sides(named)) < 2 or latest_cue(cues)[0] not in DONE or "JOIN" in refs:
        return []
    anchor = refs["ANAPHOR"]
    earlier = [
        t
        for t in doc.spans.get("triggers", [])
        if t.label_ == "INSTRUMENT" and t.end <= anchor.start
    ]
    instrument = earlier[-1].id_ if earlier else "agreement"
    mention = writer.mention(
        doc, sent, anchor, named, "sentence", cues, ref_list, instrument=instrument
    )
    return [mention]


# How many mentions back a follow-up looks for the sides it names: a long article is not
# searched from its start for every definite "l'accord".
ANTECEDENT_REACH = 12


def _antecedent(found: list[AgreementMention], named: set[str], instrument: str | None) -> int:
    """Where in `found` the agreement a follow-up points back to is: the last one mentioned
    between the sides it names ("deux documents avec la Nasa et le DLR … L'accord signé avec
    la Nasa"), of the instrument it names if that one is precise ("este contrato", after a
    governments' agreement told since the contract), else the last one mentioned."""
    first = max(len(found) - ANTECEDENT_REACH, 0)
    between = [i for i in range(len(found) - 1, first - 1, -1) if named <= found[i].party_keys]
    if instrument is not None and instrument not in GENERIC_INSTRUMENTS:
        same = [i for i in between if found[i].instrument == instrument]
        between = same or between
    return between[0] if between else len(found) - 1
