"""Which of a sentence's dates are an agreement's, closest first: read by `coop_agreements`
for each mention. Resolving them to calendar dates happens later, in the assembly."""

from spacy.tokens import Doc, Span

from coopextract.pipeline.components.clauses import in_subordinate_clause, same_clause, tense_of
from coopextract.pipeline.components.cues import SIGNING_LABELS, Cue, latest_cue
from coopextract.pipeline.components.several import tree_distance
from coopextract.pipeline.components.spans import overlaps, text_span
from coopextract.pipeline.mentions import PENDING, AgreementMention, TextSpan
from coopextract.pipeline.parties import labels_at, spans_in


def dates_in(doc: Doc, within: Span) -> list[Span]:
    """The DATE spans of a stretch, less those inside a period or a name ("Mars 2020")."""
    periods = [s for s in spans_in(doc, "dates", within) if s.label_ == "PERIOD"]
    entities = spans_in(doc, "entities", within)
    return [
        s
        for s in spans_in(doc, "dates", within)
        if s.label_ == "DATE" and not overlaps(s, periods + entities)
    ]


def verbless_date(doc: Doc, sent: Span) -> TextSpan | None:
    """A date standing alone after the sentence ("... en Russie. Du 14 au 16 juin 2023.")
    completes it."""
    following = doc[sent.end].sent if sent.end < len(doc) else None
    if following is None or any(t.pos_ in ("VERB", "AUX") for t in following):
        return None
    dates = [s for s in spans_in(doc, "dates", following) if s.label_ == "DATE"]
    return text_span(dates[0]) if dates and len(following) <= len(dates[0]) + 3 else None


def rank_dates(
    doc: Doc,
    trig: Span,
    cues: list[Cue],
    dates: list[Span],
    follow_up: bool,
    max_date_hops: int,
) -> list[Span]:
    """The dates that can be this agreement's, closest first.

    A date belongs to the agreement when the parse attaches it near the trigger or a
    status cue (about `max_date_hops` away), not inside some other clause ("une sonde
    lancée en 2024"). An expected signature is said right with its cue and after it
    ("devrait être signé en 2022"); a date before it dates the announcement.
    What is done under an agreement (APPLIED) is dated by its own event, not the
    agreement's: such a cue anchors no date, and a date right after it ("expirera en
    décembre 2021") is the end of its validity.

    Near or far, a date in a clause below the agreement's that speaks of what is still
    to come ("… ayant annoncé son intention de lancer d'ici 2021 une sonde", "…, dont les
    opérations devraient commencer d'ici 2030") is not the agreement's; a clause about
    the setting ("lors du congrès, qui s'est tenu du 2 au 6 octobre") dates it well.
    Far in the tree but closing the sentence in the agreement's own clause, it is, after
    the near ones: the parser hangs a final "en mars" on the last noun of "ont signé un
    protocole sur la construction d'une station sur la Lune en mars".
    """
    applied = [c for c, _ in cues if c.label_ == "APPLIED"]
    dates = [d for d in dates if not any(c.end - 1 <= d.start <= c.end for c in applied)]
    provision = _provision_after(doc, trig)
    if provision is not None:
        dates = [d for d in dates if not _provided_for(provision, cues, d)]
    pending = [c for c, status in cues if status in PENDING]
    if pending and latest_cue(cues)[0] in PENDING:
        dates = [d for d in dates if d.start >= pending[0].start]
    if not doc.has_annotation("DEP"):
        return [d for d in dates if not _in_bare_relative_clause(doc, d, cues)]
    limits = [(trig.root, max_date_hops)]
    for cue, status in cues:
        if cue.label_ not in SIGNING_LABELS:
            continue
        limit = max_date_hops - 1 if status in PENDING else max_date_hops + 2
        limits.append((cue.root, limit))
    if follow_up:
        limits = [(token, 1) for token, _ in limits]
    anchors = [trig, *(cue for cue, _ in cues)]
    words = [t for t in trig.sent if not (t.is_punct or t.is_space)]
    last = words[-1].i if words else trig.sent.end
    hops = {}
    for date in dates:
        if in_subordinate_clause(date, anchors) and tense_of(date)[0] == "future":
            continue
        slack = [limit - tree_distance(date.root, token) for token, limit in limits]
        if max(slack) >= 0:
            hops[date.start] = -max(slack)
        elif not follow_up and date.end - 1 == last and same_clause(date, anchors):
            hops[date.start] = len(doc)  # after every near date
    return sorted((d for d in dates if d.start in hops), key=lambda d: hops[d.start])


def _in_bare_relative_clause(doc: Doc, date: Span, cues: list[Cue]) -> bool:
    """Without a parse: is the date inside a relative clause opened by a comma (", que debe
    ser puesto en órbita a comienzos de 2014,") that holds no status cue? It dates what the
    clause tells of; ", que fue firmado en 2014" still dates the agreement."""
    relatives = labels_at(doc, "references", "RELATIVE")
    i = date.start - 1
    while i > date.sent.start and doc[i].text != ",":
        if i in relatives and doc[i - 1].text == ",":
            return not any(i < cue.start < date.start for cue, _ in cues)
        i -= 1
    return False


# The FUTURE cues of `rules/<lang>/status.jsonl` after which a date is not the agreement's:
# what it provides for ("L'accord … prévoit"), and its entry into force still to come ("souhaite
# que l'accord entre en vigueur début 2017").
_NOT_ITS_DATE = ("provision", "entry_into_force")


def _provision_after(doc: Doc, trig: Span) -> Span | None:
    """The first provision verb or entry into force to come after the trigger, if any."""
    return next(
        (
            s
            for s in spans_in(doc, "status", trig.sent)
            # after the trigger, or around it: "que l'accord entre en vigueur"
            if s.label_ == "FUTURE" and s.id_ in _NOT_ITS_DATE and s.end > trig.end
        ),
        None,
    )


def _provided_for(provision: Span, cues: list[Cue], date: Span) -> bool:
    """Is the date part of what the agreement provides for ("L'accord … prévoit
    l'implantation, dès mai 2019, d'un centre"): after the provision verb, with no status
    cue between them ("…, qui prévoit X, a été signé le 5 mai")?"""
    if date.start <= provision.start:
        return False
    return not any(provision.end <= c.start < date.start for c, _ in cues)


def dates_of_count(mention: AgreementMention, before: list[AgreementMention]) -> None:
    """ "Quatre accords ont été signés mardi. ... Le second accord porte sur ...": each of
    the agreements counted was signed when the count says."""
    for other in reversed(before):
        if other.counted and other.party_keys == mention.party_keys:
            take_dates(mention, other)
            return


def take_dates(mention: AgreementMention, source: AgreementMention) -> None:
    """The dates of the mention that tells when `mention`'s agreement was made: its count's
    ("… signed two agreements on Wednesday. The second is a memorandum …"), or the agreement
    an elided "another" is coordinated with ("signed on Tuesday an agreement on X and
    another on Y"). Without a parse, dates are taken near an anchor: `source`'s."""
    mention.dates, mention.dates_ranked = source.dates, source.dates_ranked
    mention.date_cue = source.date_cue or source.status_cue or source.trigger
