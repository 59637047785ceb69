"""Which clause a date belongs to, and whether that clause reports it as past or to come.

Both read the dependency parse and the morphology, so a pipeline without them (a blank one)
gets no answers from them: the callers then keep to what needs no parse. For an undated
article's reference only, such a pipeline reads a date's tense from its sentence's status
cues instead (`cue_tense`): coarser, and kept to the one date a signing cue is nearest.

- `clause_verb`: the verb of the clause a date sits in, found by walking up from the date
  through nouns and prepositions ("sur la Lune en mars" belongs to "ont signé"); a verb that
  completes another ("devraient signer", "doit être signé") counts as the other's clause.
- `tense_of`: "past" when that clause is in a past tense ("avait ouvert", "ont signé",
  "signaient"), "future" when it is in the future or the conditional, or is an infinitive
  complement ("prévoient de créer … d'ici 2035"), "other" otherwise (the present, a bare
  participle such as "photographiée le 10 juin 2019", a noun phrase without a verb).

Which verbs announce a plan ("prévu en 2025") is the language's vocabulary, not syntax: the
clause's lemmas travel with it (`DateClause.lemmas`) for `coopextract.assembly.reference` to read.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from coopextract.pipeline.mentions import DONE, PENDING, DateClause, TextSpan
from coopextract.pipeline.parties import spans_in

_VERBAL = ("VERB", "AUX")
_AUX_DEPS = ("aux", "aux:tense", "aux:pass", "aux:caus")
_PAST_TENSES = ("Past", "Imp")
# A finite auxiliary in one of these makes a past participle a compound past tense
# ("a signé", "avait signé", "a été signé"); "sera signé" is caught as future first.
_COMPOUND_AUX_TENSES = ("Pres", "Imp", "Past")


def _own_verb(span: Span) -> Token | None:
    """The nearest verb above the date, through nouns and prepositions."""
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if span.start <= token.i < span.end:
            continue  # "l'été 2020": the parser may take "été" for the verb "être"
        if token.pos_ in _VERBAL:
            return token
    return None


def clause_verb(span: Span) -> Token | None:
    """The verb of the clause the date is part of; None when no verb governs it."""
    own = _own_verb(span)
    return None if own is None else _governing(own)


def anchor_clause(span: Span) -> Token | None:
    """The clause of a trigger or a status cue: its own verb when it is one ("signé")."""
    return _governing(span.root) if span.root.pos_ in _VERBAL else clause_verb(span)


def same_clause(date: Span, anchors: list[Span]) -> bool:
    """Is the date in the clause of one of the anchors (trigger, status cues)?"""
    verb = clause_verb(date)
    return verb is not None and verb in {anchor_clause(a) for a in anchors}


def in_subordinate_clause(date: Span, anchors: list[Span]) -> bool:
    """Is the date in a clause below the anchors' clauses, not theirs: "devraient signer un
    accord, Abou Dhabi ayant annoncé son intention de lancer d'ici 2021 une sonde", "un
    protocole qui consolide leur coopération, dont les opérations devraient commencer d'ici
    2030"? A date in a clause above them dates the announcement and stays ("a annoncé le 9
    mars avoir procédé à la signature")."""
    verb = clause_verb(date)
    if verb is None:
        return False
    clauses = {c for c in (anchor_clause(a) for a in anchors) if c is not None}
    return verb not in clauses and any(a in clauses for a in verb.ancestors)


def in_adverbial_below(span: Span, trig: Span) -> bool:
    """With a parse: is the span in an adverbial clause a preposition opens ("après avoir
    annulé le lancement", "pour suspendre", "après que la NASA s'est retirée") under the
    trigger's own clause? Such a clause tells another event than the trigger's agreement.
    Without a parse, nothing tells."""
    if not trig.doc.has_annotation("DEP") or (span.start < trig.end and trig.start < span.end):
        return False
    top, verb = anchor_clause(trig), anchor_clause(span)
    if top is None or verb is None or verb == top:
        return False
    adverbial = False
    while verb != top and verb.head.i != verb.i:
        adverbial = adverbial or _prepositional(verb)
        verb = verb.head
    return verb == top and adverbial


def _prepositional(verb: Token) -> bool:
    """An adverbial clause a preposition opens; not a fronted participle ("Signé en juillet
    2022, l'accord prévoyait"), which tells the trigger's own agreement, nor a relative clause
    the parser took for one ("…, qui devrait être signé")."""
    return verb.dep_.startswith("advcl") and any(
        c.dep_ == "mark" and c.pos_ == "ADP" for c in verb.children
    )


def _governing(verb: Token) -> Token:
    """ "devraient signer", "doit être signé": the complement verb's clause is its governor's."""
    while verb.dep_.startswith("xcomp") and verb.head.i != verb.i and verb.head.pos_ in _VERBAL:
        verb = verb.head
    return verb


def _chain(verb: Token) -> list[Token]:
    """The clause's verbs: its head verb, the verbs it governs through xcomp, their auxiliaries."""
    chain = [verb]
    todo = [verb]
    while todo:
        token = todo.pop()
        for child in token.children:
            complement = child.dep_.startswith("xcomp") and child.pos_ in _VERBAL
            if child.dep_ in _AUX_DEPS or complement:
                chain.append(child)
                todo.append(child)
    return chain


def tense_of(span: Span) -> tuple[str, tuple[str, ...]]:
    """How the date's clause reports it ("past", "future", "other") and the clause's lemmas."""
    own = _own_verb(span)
    if own is None:
        return "other", ()
    chain = _chain(_governing(own))
    lemmas = tuple(dict.fromkeys(t.lemma_.lower() for t in chain))
    if any("Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood") for t in chain):
        return "future", lemmas
    form = own.morph.get("VerbForm")
    auxiliaries = [c for c in own.children if c.dep_ in _AUX_DEPS]
    finite = [a for a in auxiliaries if "Fin" in a.morph.get("VerbForm")]
    if "Inf" in form and not auxiliaries:
        return "future", lemmas  # "ont convenu de créer … d'ici 2035": the complement's time
    if auxiliaries and not finite and own.dep_.startswith("xcomp"):
        return "future", lemmas  # "doit être signé en 2022"
    if "Fin" in form and any(t in _PAST_TENSES for t in own.morph.get("Tense")):
        return "past", lemmas
    compound = any(t in _COMPOUND_AUX_TENSES for a in finite for t in a.morph.get("Tense"))
    if "Part" in form and "Past" in own.morph.get("Tense") and compound:
        return "past", lemmas
    return "other", lemmas


def dated_clauses(doc: Doc, dates: list[Span]) -> list[DateClause]:
    """Each date with its clause's tense: from the parse, else from the status cues."""
    parsed = doc.has_annotation("DEP") and doc.has_annotation("MORPH")
    found = []
    for span in dates:
        tense, lemmas = tense_of(span) if parsed else (cue_tense(span), ())
        found.append(DateClause(TextSpan(span.text, span.start_char, span.end_char), tense, lemmas))
    return found


def cue_tense(span: Span) -> str:
    """Without a parse: "past" for the date nearest a signing, entry into force or ending cue
    in a sentence that looks nowhere ahead (no FUTURE form, no pending cue): "L'ASI e la CNSA
    avevano firmato … altri accordi, nel settembre del 2013". Any other date is "other", so
    that a later date the sentence may give for what is to come ("valid until March 2027")
    is never taken for past."""
    doc, sent = span.doc, span.sent
    cues = spans_in(doc, "status", sent)
    if any(c.label_ == "FUTURE" or (c.label_ == "STATUS" and c.id_ in PENDING) for c in cues):
        return "other"
    # STATUS only: a signing told in the present (PRESENT, "assinam na segunda-feira") may
    # still be to come, so the date next to it tells nothing of when the text was written.
    done = [c for c in cues if c.label_ == "STATUS" and c.id_ in (*DONE, "terminated")]
    if not done:
        return "other"
    dates = [d for d in spans_in(doc, "dates", sent) if d.label_ == "DATE"]
    nearest = {min(dates, key=lambda d: _distance(d, cue)).start for cue in done}
    return "past" if span.start in nearest else "other"


def _distance(a: Span, b: Span) -> int:
    return max(a.start - b.end, b.start - a.end, 0)
