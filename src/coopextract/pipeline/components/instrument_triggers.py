"""Which instrument triggers of a sentence are no agreement of its own: a treaty named after a
place ("l'Accord de Paris") or named in passing ("both parties to the Outer Space Treaty"), and
what an instrument named before provides for ("prévoit un partenariat"), what a copula says
another instrument is ("cet accord est le troisième traité"); and an instrument word
that is part of a programme's name ("les accords d'Artémis"), which is joined by signing it.
Read by `coop_agreements`.
"""

from spacy.tokens import Doc, Span

from coopextract.pipeline.mentions import AgreementMention
from coopextract.pipeline.parties import is_short_stop, spans_in

# How far before an instrument the provision verb whose object it is may end: "prévoit un
# partenariat", "provides for a joint programme".
PROVIDED_REACH = 3


def provided_by(doc: Doc, trig: Span, triggers: list[Span]) -> bool:
    """ "L'accord, conclu à Bakou, prévoit un partenariat commercial entre IAI et Azercosmos":
    an instrument that is the object of a provision verb (FUTURE, id `provision`) said of an
    instrument before it is what that one provides for, not an agreement of its own."""
    before = [t for t in triggers if t.end <= trig.start]
    if not before:
        return False
    return any(
        s.label_ == "FUTURE"
        and s.id_ == "provision"
        and before[-1].end <= s.start
        and 0 <= trig.start - s.end <= PROVIDED_REACH
        for s in spans_in(doc, "status", trig.sent)
    )


def said_of_another(doc: Doc, trig: Span, triggers: list[Span]) -> bool:
    """ "Cet accord est le troisième traité international bilatéral conclu par la Belgique": an
    instrument that a copula says another instrument of its sentence is (its subject) is that
    one named again, not an agreement of its own. Needs the parse: without it, nothing tells."""
    if not doc.has_annotation("DEP"):
        return False
    root = trig.root
    if not any(c.dep_ == "cop" for c in root.children):
        return False
    subjects = [c.i for c in root.children if c.dep_.startswith("nsubj")]
    return any(t.start <= i < t.end for t in triggers if t is not trig for i in subjects)


def named_after_a_place(doc: Doc, trig: Span, refs: list[Span], entities: list[Span]) -> bool:
    """ "L'Accord de Paris", "the Treaty of Rome": an instrument whose name is a place's, by
    its capital and the place after "de"/"of", is that treaty, not an agreement of the
    state the place stands for (nor the article's agreement named again)."""
    if not trig.text[:1].isupper() or trig.start == trig.sent.start or trig.end >= len(doc):
        return False
    of = next((r for r in refs if r.label_ == "GENITIVE" and r.start == trig.end), None)
    return of is not None and any(
        e.start == of.end and e.label_ == "STATE" and e.text[:1].isupper() for e in entities
    )


# How far back from a named instrument its name may start: "the 1967 Outer Space Treaty".
NAME_REACH = 5


def named_in_passing(doc: Doc, trig: Span, refs: list[Span], instruments: list[Span]) -> bool:
    """ "(incluso il Trattato sullo spazio extraatmosferico del 1967)", "both parties to the
    Outer Space Treaty": an instrument named by its capitalised name, in brackets or after
    an example or membership marker (IN_PASSING), is a reference, not an agreement the
    sentence reports. Unless the sentence named an instrument before by a common noun:
    "three agreements, including the Framework Agreement" lists one of them; after another
    named one ("les Accords Artemis …, en particulier les dispositions du Traité sur
    l'espace"), it is still a reference. What the sentence's agreement conforms to (id
    `conformity`: "O acordo estabelece … em conformidade com o Tratado do Espaço") is
    always one."""
    if not trig.text[:1].isupper() or trig.start == trig.sent.start:
        return False
    sent = trig.sent
    marker = _marker_before(doc, trig, refs)
    if marker is not None and marker.id_ == "conformity":
        return True
    if any(t.end <= trig.start and t.text[:1].islower() for t in instruments if t is not trig):
        return False
    opened = [t.i for t in doc[sent.start : trig.start] if t.text == "("]
    closed = [t.i for t in doc[sent.start : trig.start] if t.text == ")"]
    if opened and (not closed or closed[-1] < opened[-1]):
        return True
    return marker is not None


def _marker_before(doc: Doc, trig: Span, refs: list[Span]) -> Span | None:
    """The IN_PASSING marker that the instrument's name follows, within NAME_REACH words."""
    markers = {r.end: r for r in refs if r.label_ == "IN_PASSING"}
    sent = trig.sent
    i = trig.start
    while i > sent.start and trig.start - i <= NAME_REACH:
        if i in markers:
            return markers[i]
        word = doc[i - 1]
        # the membership noun's article is passed too: "parti dell'Accordo", "partie de la"
        if not (word.is_title or word.like_num or is_short_stop(word, longest=5)):
            return None
        i -= 1
    return markers.get(i)


def names_a_subject(mention: AgreementMention) -> bool:
    """Is the instrument word part of a subject's name ("les accords d'Artémis")?"""
    trig = mention.trigger
    return any(s.start < trig.end and trig.start < s.end for s in mention.subject_spans)
