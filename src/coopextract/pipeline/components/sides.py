"""The sides of an agreement a trigger names: those it stands between, those of its stretch
of the sentence, or else those the text points at (a programme's lead, "les deux pays", the
previous sentences, the article's main pair). Read by `coop_agreements` for each trigger.

What these need of the finder travels in a `PartyKnowledge` (`article_parties`, which also
reads the article's own parties: its main pair, its main company, a group's members); one
agreement per joiner is `joinings`' to make.
"""

from spacy.tokens import Doc, Span

from coopextract.pipeline.components import several, several_dates
from coopextract.pipeline.components.article_parties import (
    PartyKnowledge,
    as_kind,
    dominant_pair,
    main_company,
)
from coopextract.pipeline.components.clauses import in_adverbial_below
from coopextract.pipeline.parties import (
    PartyMention,
    between_mentions,
    choose_parties,
    enumerated,
    named_sides,
    party_sides,
    side_of,
    spans_in,
)


def trigger_parties(
    known: PartyKnowledge,
    doc: Doc,
    sent: Span,
    trig: Span,
    segment: Span,
    kept: list[Span],
    parties_here: list[PartyMention],
    refs: dict[str, Span],
    ref_list: list[Span],
    status: str | None,
    recent: list[list[PartyMention]],
) -> tuple[list[PartyMention], str]:
    """The sides of `trig`'s agreement and where they come from: those it stands between,
    else those of its stretch of the sentence, completed from the context if need be."""
    parties = between_mentions(doc, trig, parties_here)
    source = "between"
    if not parties:
        # "… has contracted with Orbital following an agreement between Azeri authorities
        # and Measat": the sides another trigger of the sentence stands between are its own.
        # A side's other names after that trigger are its too ("Malaysia's Measat").
        theirs = [
            (other.start_char, {p.key for p in between_mentions(doc, other, parties_here)})
            for other in kept
            if other is not trig and other.start_char > trig.start_char
        ]
        mine = [
            p
            for p in parties_here
            if not any(p.start_char >= at and p.key in keys for at, keys in theirs)
            and not _in_aside(trig, p)
        ]
        mine = _outside_adverbials(doc, trig, mine)
        parties, source = _segment_sides(doc, ref_list, trig, segment, kept, mine), "sentence"
        parties = _signatories_named(doc, ref_list, trig, parties)
        parties = _with_own_company(known, doc, refs, trig, parties)
    # An enumeration of signatories names them in passing: the agreement is between
    # the sides named outside it (a lone joiner of a programme: with its lead), and
    # no side is sought in the sentences before.
    listed = enumerated(doc, parties_here) if source == "sentence" else frozenset()
    if listed and _all_join(known, doc, sent, refs, parties, listed):
        pass  # "X, Y et Z ont rejoint les accords Artemis": one joining each, later
    elif listed and _signed_together(doc, ref_list, trig, parties, listed):
        pass  # "L'Égypte, le Nigeria, l'Afrique du Sud et le Kenya ont signé une déclaration"
    elif listed:
        parties = [p for p in parties if p.key not in listed]
        parties, source = _with_lead(known, doc, sent, parties, status, source)
        source = "enumeration" if source == "sentence" else source
    elif len(parties) < 2 or _count(refs) > len(parties):
        # "Les accords de 1996 et 1999 ...", "un autre accord": other agreements of
        # the parties named ("otro satélite" elsewhere in the sentence points at none).
        pointed = bool(several_dates.dated_plural(trig, segment)) or several.is_another(
            ref_list, trig, status is not None
        )
        partner = _partner_of(doc, trig, parties, ref_list)
        parties, source = _from_context(
            known, doc, sent, parties, refs, status, recent, pointed, partner
        )
    return parties, source


def _outside_adverbials(doc: Doc, trig: Span, parties: list[PartyMention]) -> list[PartyMention]:
    """The names outside an adverbial clause under the trigger's ("a passé un contrat avec
    SpaceX … après avoir annulé le lancement … depuis le cosmodrome russe"), where two sides
    remain: that clause tells another event. Where fewer remain, it may name the partner
    ("a signé un accord pour coopérer avec la Chine")."""
    if len(party_sides(parties)) < 3 or not doc.has_annotation("DEP"):
        return parties  # two sides at most: none could go, the parse is not read
    spans = [doc.char_span(p.start_char, p.end_char, "expand") for p in parties]
    outside = [
        p
        for p, span in zip(parties, spans, strict=True)
        if span is None or not in_adverbial_below(span, trig)
    ]
    return outside if len(party_sides(outside)) >= 2 else parties


def _in_aside(trig: Span, party: PartyMention) -> bool:
    """Is the name in a clause set off by commas inside the trigger ("a suspendu, après
    l'invasion de l'Ukraine, sa coopération avec Roscosmos")? It tells when, not who."""
    commas = [t.idx for t in trig if t.text == ","]
    return len(commas) >= 2 and commas[0] < party.start_char < commas[-1]


def _signatories_named(
    doc: Doc, refs: list[Span], trig: Span, parties: list[PartyMention]
) -> list[PartyMention]:
    """ "Washington a critiqué l'accord signé par la Russie et la Chine": where the agent of
    the signing right after the trigger names two sides or more, those named before the
    trigger comment on the agreement and are none of its sides. The agent's own list may run
    long ("signé par l'UIT, la Great Wall China Corporation, et le ministère …"), so it does
    not bound the sides as "entre" does: it only sets aside the sides named before."""
    agent = next((r for r in refs if r.label_ == "AGENT" and 0 <= r.start - trig.end <= 4), None)
    if agent is None:
        return parties
    after = [p for p in parties if p.start_char >= agent.end_char]
    if len({p.key for p in after}) < 2:
        return parties
    return [p for p in parties if p.start_char >= trig.start_char]


def _partner_of(doc: Doc, trig: Span, parties: list[PartyMention], ref_list: list[Span]) -> bool:
    """Is the one side named the partner right after the trigger ("el contrato con China",
    "the deal with Boeing")? The other side is then whoever the article is about."""
    if len(parties) != 1 or parties[0].start_char < trig.end_char:
        return False
    # "contrato con China", "deal with the US": the preposition next to both, an article between.
    partner = several.partner_before(doc, ref_list, parties[0])
    return partner is not None and 0 <= partner.start - trig.end <= 2


def _signed_together(
    doc: Doc, refs: list[Span], trig: Span, parties: list[PartyMention], listed: frozenset[str]
) -> bool:
    """A list of sides and then one instrument introduced afresh ("X, Y, Z et W ont signé une
    déclaration commune"): the list names the signatories of that one instrument, not
    others who joined something in passing ("X, Y, Z et W ont signé les accords")."""
    members = [p for p in parties if p.key in listed]
    # "a signed a joint declaration"; in French the trigger may hold its article ("signé
    # une déclaration commune")
    fresh = several.is_fresh(refs, trig) or any(
        r.label_ == "INDEFINITE" and trig.start <= r.start < trig.end for r in refs
    )
    if not members or not fresh or several.is_counted(doc, refs, trig):
        return False
    last = max(p.end_char for p in members)
    # the list is the subject: nothing between it and the trigger names another side
    # ("Après le Brésil, ..., le Pérou a signé un accord" is Peru's)
    return last <= trig.start_char and not any(
        p.key not in listed and last <= p.start_char < trig.start_char for p in parties
    )


def _segment_sides(
    doc: Doc,
    refs: list[Span],
    trig: Span,
    segment: Span,
    kept: list[Span],
    parties_here: list[PartyMention],
) -> list[PartyMention]:
    """The sides of one of several agreements of an instrument in a sentence: those
    named before the first of them, which all share ("Arianespace a signé deux contrats
    : un contrat avec X, un contrat avec Y"), and those named after its own trigger in its
    stretch of the sentence; not another one's counterpart. Alone, the sentence's. After a
    count, the first is its first member: "quatre accords ont été signés entre l'Inde et la
    France : un accord sur X, ..., un accord sur Y" share the count's sides."""
    same = [k for k in kept if k.id_ == trig.id_]
    if len(same) < 2:
        return named_sides(parties_here)
    first = same[1] if several.is_counted(doc, refs, same[0]) and trig is not same[0] else same[0]
    shared = [p for p in parties_here if p.end_char <= first.start_char]
    own = [
        p
        for p in parties_here
        if trig.end_char <= p.start_char < segment.end_char and p not in shared
    ]
    return named_sides(shared + own)


def _from_context(
    known: PartyKnowledge,
    doc: Doc,
    sent: Span,
    parties: list[PartyMention],
    refs: dict[str, Span],
    status: str | None,
    recent: list[list[PartyMention]],
    pointed: bool = False,
    partner: bool = False,
) -> tuple[list[PartyMention], str]:
    """Complete a side or two from what the text points at: a programme's lead ("signer
    les accords Artémis"), "les deux pays", or the parties of the previous sentences
    (also when the caller knows the text points at agreements of theirs: `pointed`)."""
    with_lead, source = _with_lead(known, doc, sent, parties, status, "sentence")
    if source == "lead":
        return with_lead, source
    if "OWN_COUNTRY" in refs and len(parties) <= 1:
        # "Es un contrato de colaboración de Rusia con nuestro país": the speaker's country is
        # one of the article's two main sides, the other one the side named, or else the
        # other main side.
        dominant = dominant_pair(known, doc)
        # every state the sentence names, even in a complement ("de Rusia")
        named = {p.key for p in parties} | {
            known.catalog[s.id_].country
            for s in spans_in(doc, "entities", sent)
            if s.id_ in known.catalog and known.catalog[s.id_].kind == "state"
        }
        if len(dominant) == 2 and named <= {m.key for m in dominant}:
            given = {p.key for p in parties}
            own = [as_kind(known, m, "state") for m in dominant if m.key not in given]
            return [*parties, *own][:2], "context"
    pair = refs.get("PAIR") or refs.get("SEVERAL")
    # "le second accord", "un autre accord": one more agreement between the parties named.
    counted = "ORDINAL" in refs or pointed
    if not (status or pair is not None or counted or partner):
        return parties, "sentence"
    window = [m for ms in reversed(recent[-known.context_sentences :]) for m in reversed(ms)]
    kind = pair.id_.split(":")[0] if pair is not None else None
    # "Les deux sociétés": the companies just named, two of one country included.
    companies = kind == "company"
    window = [m for m in window if _is_kind(m, kind)]
    if pair is None and not counted and len(parties) == 1:
        # "X a signé l'accord": the other side is the previous sentences' only other one;
        # where they name several, the text does not say which (a guess made extra
        # records: "le Brésil avait déjà signé le même accord" after a list of signatories).
        # A company is a side of its own against another company of its country
        # ("Arianespace … un contrat avec Eutelsat"), never against that country.
        lone = parties[0]
        if lone.entry.kind == "company":
            companies = True
            window = [m for m in window if not (m.entry.kind == "state" and m.key == lone.key)]
        others = {side_of(m, companies) for m in window} - {side_of(lone, companies)}
        if len(others) != 1 and partner:
            # "el contrato con China" in an article about Venezuela and China.
            dominant = dominant_pair(known, doc)
            if lone.key in {m.key for m in dominant}:
                return choose_parties([lone, *dominant], split=companies)[:2], "context"
            # "Le contrat signé avec Arianespace" in an article about OneWeb: a company's
            # partner is the company the article is about
            main = main_company(known, doc) if lone.entry.kind == "company" else None
            if main is not None and main.key != lone.key:
                return [main, lone], "context"
        if len(others) != 1:
            return parties, "context"
    # "les deux pays": two; "les trois agences", "un accord tripartite": as many as said.
    size = max(_count(refs), 2)
    if pair is not None:
        # "The space agencies also signed … a spacecraft developed by company X": the pair
        # is of the kind it says, not a party of another kind the sentence names.
        parties = [p for p in parties if _is_kind(p, kind)]
    found = choose_parties(parties + window, split=companies)[:size]
    source = "pair" if pair is not None else "context"
    # The article's main pair stands in only where the text points at a pair ("les deux
    # pays", "le second accord"), never for a lone signing verb.
    if len(found) < 2 and (pair is not None or counted):
        dominant = [m for m in dominant_pair(known, doc) if _is_kind(m, kind)]
        found = choose_parties(found + dominant, split=companies)[:size]
    if kind in ("agency", "state"):
        found = [as_kind(known, p, kind) for p in found]
    return found, source


def _with_lead(
    known: PartyKnowledge,
    doc: Doc,
    sent: Span,
    parties: list[PartyMention],
    status: str | None,
    source: str,
) -> tuple[list[PartyMention], str]:
    """ "Signer les accords Artémis": a lone side signs with the programme's lead."""
    subjects = [
        known.catalog[s.id_]
        for s in spans_in(doc, "entities", sent)
        if s.id_ in known.catalog and known.catalog[s.id_].lead
    ]
    if len(parties) == 1 and subjects and status:
        lead = known.catalog[subjects[0].lead or ""]
        mention = PartyMention(
            lead, subjects[0].id, parties[0].start_char, parties[0].end_char, "lead"
        )
        if mention.key != parties[0].key:
            return [*parties, mention], "lead"
    return parties, source


def _all_join(
    known: PartyKnowledge,
    doc: Doc,
    sent: Span,
    refs: dict[str, Span],
    parties: list[PartyMention],
    listed: frozenset[str],
) -> bool:
    """Is the list itself the news, the joiners of a programme with a lead ("le Rwanda,
    le Nigeria et l'Angola ont rejoint les accords Artemis")? Then each joins on its
    own; a list beside another joiner ("après le Brésil, la Colombie et le Mexique,
    l'Argentine a rejoint ...") only recalls who joined before."""
    if "JOIN" not in refs or any(p.key not in listed for p in parties):
        return False
    return any(
        known.catalog[s.id_].lead for s in spans_in(doc, "entities", sent) if s.id_ in known.catalog
    )


def _with_own_company(
    known: PartyKnowledge,
    doc: Doc,
    refs: dict[str, Span],
    trig: Span,
    parties: list[PartyMention],
) -> list[PartyMention]:
    """ "Il gruppo ha anche firmato con l'ESA e il CNES i contratti di lancio": the company
    the article is about, pointed at as the subject ("the company", "il gruppo": SELF), is a
    side where the sentence names no company. Not where a name follows ("la société
    Glavkosmos"), nor where a side is named before it (the subject is that one)."""
    own = refs.get("SELF")
    if own is None or own.start >= trig.start:
        return parties
    if any(p.entry.kind == "company" or p.start_char < own.start_char for p in parties):
        return parties
    if own.end < len(doc) and (doc[own.end].is_title or doc[own.end].is_upper):
        return parties
    main = main_company(known, doc)
    if main is None:
        return parties
    return [PartyMention(main.entry, own.text, own.start_char, own.end_char, "self"), *parties]


def _is_kind(mention: PartyMention, kind: str | None) -> bool:
    """Can "les deux pays" (states: a country), "les trois agences" (anything but a
    company: the ESA is an agency) or "les deux sociétés" (companies) stand for this
    party?"""
    if kind == "state":
        return mention.entry.country is not None
    if kind == "agency":
        return mention.entry.kind != "company"
    if kind == "company":
        return mention.entry.kind == "company"
    return True


def _count(refs: dict[str, Span]) -> int:
    """How many parties "les trois agences", "un accord tripartite" say there are."""
    several_ref = refs.get("SEVERAL")
    return int(several_ref.id_.rsplit(":", 1)[1]) if several_ref is not None else 0
