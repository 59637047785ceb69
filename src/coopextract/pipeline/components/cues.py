"""Status cues: which of a sentence's cues count, which trigger each speaks of, and the latest
stage they give. Read by `coop_agreements` for each mention."""

from spacy.tokens import Doc, Span

from coopextract.pipeline.components.clauses import in_adverbial_below
from coopextract.pipeline.components.spans import overlaps
from coopextract.pipeline.mentions import PENDING, later_status
from coopextract.pipeline.parties import spans_in

Cue = tuple[Span, str]  # a status cue and the status it gives

# The labels of cues that give their status outright: STATUS, and PRESENT, a signing told in
# the present ("signent", "assinam"), which the assembly may read as one still to come.
SIGNING_LABELS = ("STATUS", "PRESENT")

# An ATTRIBUTE cue qualifies the instrument next to it, at most this many words away ("the
# existing bilateral agreement", "l'accord intergouvernemental existant").
ATTRIBUTE_REACH = 1


def status_cues(doc: Doc, sent: Span) -> list[Cue]:
    """The status cues of a sentence that count, in text order, with the status each gives.

    "Under the agreement" (APPLIED) says the agreement is being applied when the sentence
    reports what is done or holds. Where the sentence looks ahead ("Dans le cadre de cet
    accord, la CNSA intégrera des expériences", a FUTURE form) it describes what a concluded
    agreement will bring: signed; so where it hangs on the agreeing itself ("En vertu de ce
    mémorandum, les deux agences sont convenues de …"). Where it still expects a signature
    ("l'accord, qui devrait être signé") its pending cue speaks. FUTURE forms state no status
    themselves.
    """
    spans = spans_in(doc, "status", sent)
    instruments = (
        [
            *(t for t in spans_in(doc, "triggers", sent) if t.label_ == "INSTRUMENT"),
            *(r for r in spans_in(doc, "references", sent) if r.label_ == "ANAPHOR"),
        ]
        if any(s.label_ == "ATTRIBUTE" for s in spans)
        else []
    )
    pending = any(s.label_ == "STATUS" and s.id_ in PENDING for s in spans)
    ahead = any(s.label_ == "FUTURE" for s in spans)
    # the agreeing words an "under the agreement" phrase may hang on, read only where one is
    agreeing = (
        {
            i
            for s in spans
            if s.label_ in SIGNING_LABELS and s.id_ == "signed"
            for i in range(s.start, s.end)
        }
        if any(s.label_ == "APPLIED" for s in spans)
        else set()
    )
    cues: list[Cue] = []
    for span in spans:
        if span.label_ in SIGNING_LABELS:
            cues.append((span, span.id_))
        elif span.label_ == "ATTRIBUTE" and any(qualifies(span, t) for t in instruments):
            # "действующей группировки", "current missions": the constellation, not an agreement.
            cues.append((span, span.id_))
        elif span.label_ == "APPLIED" and not pending:
            content = ahead or _attached_to(span, agreeing)
            cues.append((span, "signed" if content else span.id_))
    if _renewal_to_come(doc, sent, spans):
        # "va renouveler son accord, qui est en vigueur depuis 1998": the renewal is what is
        # told; the force is the old term's.
        cues = [(cue, status) for cue, status in cues if status != "in_force"]
    return cues


def _renewal_to_come(doc: Doc, sent: Span, spans: list[Span]) -> bool:
    """Does a pending cue tell a renewal ("sera renouvelé", "will renew")?"""
    renewals = [r for r in spans_in(doc, "references", sent) if r.label_ == "RENEWAL"]
    return any(s.label_ == "STATUS" and s.id_ in PENDING and overlaps(s, renewals) for s in spans)


def _attached_to(span: Span, verbs: set[int]) -> bool:
    """With a parse: does the phrase hang on one of these words ("En vertu de ce mémorandum,
    les deux agences sont convenues de promouvoir …": what they agreed under it is what it
    says, not its application)? Without one, nothing tells."""
    if not verbs or not span.doc.has_annotation("DEP"):
        return False
    return any(t.head.i in verbs for t in span if not span.start <= t.head.i < span.end)


def qualifies(cue: Span, instrument: Span) -> bool:
    """Is the adjective next to the instrument, before or after it, as it qualifies it?"""
    gap = instrument.start - cue.end if cue.end <= instrument.start else cue.start - instrument.end
    return 0 <= gap <= ATTRIBUTE_REACH


def _names(cue: Span, trigger: Span) -> bool:
    """Does the cue name that instrument ("dans le cadre de l'accord")? A cue inside a trigger
    built around it ("suspended ... cooperation") names none."""
    inside = trigger.start <= cue.start and cue.end <= trigger.end
    return cue.start < trigger.end and trigger.start < cue.end and not inside


def cues_about(cues: list[Cue], trig: Span, triggers: list[Span]) -> list[Cue]:
    """The cues that can speak of `trig`: a cue that names another instrument is about that one
    ("les accords Artémis, fondés sur le traité de 1967": the treaty is what they rest on); a
    cue in an adverbial clause below the trigger's tells another event ("a passé un contrat
    avec SpaceX … après avoir annulé le lancement de 36 satellites")."""
    others = [t for t in triggers if not overlaps(t, [trig])]
    return [
        (cue, status)
        for cue, status in cues
        if not any(_names(cue, t) for t in others)
        and (cue.label_ != "ATTRIBUTE" or qualifies(cue, trig))
        and not in_adverbial_below(cue, trig)
    ]


def latest_cue(cues: list[Cue], near: Span | None = None) -> tuple[str | None, Span | None]:
    """The latest stage the cues give, and the first cue that gives it; given the trigger
    (`near`), the cue of that stage nearest to it: in "un communiqué publié hier dit que
    l'agence a signé l'accord le 28 septembre" the signing is the agreement's, not the
    publication (its cue anchors the date where there is no parse)."""
    best: tuple[str | None, Span | None] = (None, None)
    for cue, status in cues:
        later = later_status(best[0], status)
        if later != best[0]:
            best = (later, cue)
    if near is None or best[1] is None:
        return best
    same = [cue for cue, status in cues if status == best[0]]
    return best[0], min(same, key=lambda c: max(near.start - c.end, c.start - near.end, 0))
