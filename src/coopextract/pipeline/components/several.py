"""Several agreements in one sentence, and the words that tell agreements apart.

An article often reports several agreements between the same parties: "un accord sur X en
2014, un accord sur Y en 2016", "les accords de 1996 et 1999", "deux accords : l'un sur X,
l'autre sur Y", "Le second porte sur ...", "un autre accord", "ont également signé un
accord". These helpers read the reference spans (`rules/<lang>/references.jsonl`: INDEFINITE,
ANOTHER, ADDITIVE, ORDINAL) and the parse where there is one; the finder
(`coopextract.pipeline.components.agreements`) builds one mention per agreement from them, and the
assembly keeps apart what they tell apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from coopextract.pipeline.components.spans import is_definite, points_back
from coopextract.pipeline.parties import PartyMention, is_conjunction, is_connector

# How far before a trigger its article or adjective may stand: "un nouvel accord",
# "d'un autre accord", "a separate agreement".
BEFORE = 2


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree (through their lowest common ancestor)."""
    depth_of = {}
    node, depth = a, 0
    while True:
        depth_of[node.i] = depth
        if node.head.i == node.i:
            break
        node, depth = node.head, depth + 1
    node, depth = b, 0
    while node.i not in depth_of:
        if node.head.i == node.i:
            return len(a.doc)  # different trees: as far apart as can be
        node, depth = node.head, depth + 1
    return depth + depth_of[node.i]


def refs_of(refs: list[Span], label: str) -> list[Span]:
    return [s for s in refs if s.label_ == label]


def _just_before(refs: list[Span], label: str, trig: Span) -> Span | None:
    """A span of `label` just before the trigger, or inside one led by its verb, before the
    instrument word ("a signé une déclaration d'intention")."""
    return next(
        (
            s
            for s in refs_of(refs, label)
            if trig.start - BEFORE <= s.end <= trig.start or trig.start < s.start < trig.end - 1
        ),
        None,
    )


def ordinal_of(refs: list[Span], trig: Span) -> str | None:
    """The rank an ordinal gives the trigger: "le second accord", "l'autre accord" → "2";
    also a rank that opens the sentence, the trigger said to be it ("The second is a
    memorandum", "El tercero es un memorando")."""
    for span in refs_of(refs, "ORDINAL"):
        if span.end <= trig.start + 1 and span.start >= trig.start - BEFORE:
            return span.id_
        if _ranks_by_copula(span, trig):
            return span.id_
    return None


def _ranks_by_copula(ordinal: Span, trig: Span) -> bool:
    """ "The second is a memorandum": the rank is the subject, at most an article before it,
    and only stop words (a copula, an article) stand between it and the trigger; "the second
    phase of the agreement" ranks a phase."""
    sent = trig.sent
    between = trig.doc[ordinal.end : trig.start]
    return (
        ordinal.start <= sent.start + 1
        and 1 <= len(between) <= BEFORE
        and all(t.is_stop and t.is_alpha for t in between)
    )


def elided_instruments(
    doc: Doc, refs: list[Span], instruments: list[Span], sent: Span
) -> list[Span]:
    """ "un accord sur X et un autre sur Y", "an agreement on X and another on Y": one more
    agreement whose instrument word is left out. The "another" coordinated after a trigger
    and followed by a preposition (a stop word) stands for that instrument, as a trigger of
    its own; "un autre accord" has its own trigger, "un autre pays" names something else."""
    found = []
    for other in refs_of(refs, "ANOTHER"):
        before = [t for t in instruments if t.end <= other.start]
        if not before or other.end >= sent.end:
            continue
        following = doc[other.end]
        if not (following.is_stop and following.is_alpha):
            continue
        if any(0 <= t.start - other.end <= 1 for t in instruments):
            continue
        opener = doc[max(other.start - 2, sent.start) : other.start]
        if any(is_connector(t) for t in opener):
            found.append(
                Span(doc, other.start, other.end, label="INSTRUMENT", span_id=before[-1].id_)
            )
    return found


def is_fresh(refs: list[Span], trig: Span) -> bool:
    """Introduced as not yet named: "un accord", "d'un autre accord", "an agreement"."""
    return stands_for_one(refs, trig) or any(
        _just_before(refs, label, trig) for label in ("INDEFINITE", "ANOTHER")
    )


def is_new(refs: list[Span], trig: Span) -> bool:
    """Said to be new: "un nouvel accord", "a new agreement", also inside the trigger ("a new
    partnership")."""
    return any(trig.start - BEFORE <= s.end < trig.end for s in refs_of(refs, "NEW"))


def stands_for_one(refs: list[Span], trig: Span) -> bool:
    """Is the trigger an "un autre" standing for an instrument ("… et un autre sur Y")?"""
    return any(s.start == trig.start and s.end == trig.end for s in refs_of(refs, "ANOTHER"))


def is_another(refs: list[Span], trig: Span, signing: bool = False) -> bool:
    """Said to be one more agreement: "un autre accord"; an additive adverb before a fresh
    trigger ("les deux pays ont également signé un accord"); or, in a sentence that reports
    a signing (`signing`), one that opens it ("Zusätzlich wurde ... das sogenannte Lunar
    Science Institute Agreement vereinbart") before a trigger that names no agreement
    already there ("Par ailleurs, cet accord ..." does)."""
    if _just_before(refs, "ANOTHER", trig) or stands_for_one(refs, trig):
        return True
    additive = [s for s in refs_of(refs, "ADDITIVE") if s.end <= trig.start]
    if additive and _just_before(refs, "INDEFINITE", trig) is not None:
        return True
    sent = trig.sent
    opening = any(s.start - sent.start <= 1 for s in additive)
    return signing and opening and not named_before(refs, trig)


def named_before(refs: list[Span], trig: Span) -> bool:
    """ "l'accord", "cet accord", "the agreement": a determiner that points back."""
    anaphors = refs_of(refs, "ANAPHOR")  # "das Abkommen": the span covers the trigger
    if any(trig.start - BEFORE <= s.end and s.start < trig.end for s in anaphors):
        return True
    return is_definite(trig)


def is_counted(doc: Doc, refs: list[Span], trig: Span) -> bool:
    """A count or a plural of agreements: "deux accords", "les accords de 1996 et 1999".

    spaCy's `like_num` knows the number words, ordinals too ("premier"): those are read as
    ORDINAL references, and the indefinite article "un" as INDEFINITE.
    """
    taken = {
        i for s in refs if s.label_ in ("ORDINAL", "INDEFINITE") for i in range(s.start, s.end)
    }
    # A trigger led by its verb holds its count: "подписал два документа". One that holds
    # its instrument's own article ("assinaram uma declaração") holds all of it: a number
    # before it counts the subject ("cerca de 20 países assinaram uma declaração").
    own_article = any(trig.start < s.start < trig.end - 1 for s in refs_of(refs, "INDEFINITE"))
    start = trig.start if own_article else max(trig.start - BEFORE, 0)
    before = doc[start : trig.end - 1]
    if any(t.like_num and t.i not in taken and t.lower_ not in ("1", "one") for t in before):
        return True
    # Number words a language's blank pipeline does not read as numbers ("zwei", "due").
    if any(before.start <= s.start < before.end for s in refs_of(refs, "COUNT")):
        return True
    # A verb's number is its subject's ("les agences … se sont entendues"), not a count.
    nominal = trig.root.pos_ not in ("VERB", "AUX")
    if nominal and "Plur" in trig.root.morph.get("Number"):
        return True
    # Without a number in the morphology (a blank pipeline; a capitalised headline word the
    # model takes for a name, "Signs New Launch Contracts"), the plural forms the rules list;
    # so too for a trigger led by its verb ("a signé deux documents"), whose last word is
    # what it counts.
    led_by_verb = trig.root.i != trig.end - 1
    # a plural anaphor of a capitalised name ("los Acuerdos Artemis") names one framework
    named = trig[-1].is_title and trig[-1].i > trig.sent.start
    anaphors = [] if named else [r for r in refs_of(refs, "ANAPHOR") if r.id_ == "plural"]
    plural = [*refs_of(refs, "PLURAL"), *anaphors]
    return (not trig.root.morph.get("Number") or led_by_verb) and any(
        s.start <= trig.end - 1 < s.end for s in plural
    )


def is_singular(trig: Span) -> bool:
    """The parse says the trigger is singular (no parse: unknown, so not said)."""
    return "Sing" in trig.root.morph.get("Number")


def governed_by(trig: Span, span: Span) -> bool:
    """Is `span` said of the trigger's agreement: inside its phrase ("un accord sur la mission
    MMX"), or the object of the verb it is the subject of ("le premier accord porte sur la
    mission MMX")? Without a parse: within a few words after it."""
    doc = trig.doc
    if not doc.has_annotation("DEP"):
        return 0 <= span.start - trig.end <= 6
    heads = {trig.root.i}
    if trig.root.dep_.startswith("nsubj"):
        heads.add(trig.root.head.i)
    return any(t.i in heads for t in span.root.ancestors)


def separate_triggers(
    doc: Doc, refs: list[Span], triggers: list[Span], applied: Sequence[Span] = ()
) -> list[Span]:
    """The triggers of a sentence that each start an agreement.

    One per instrument as before, except that a trigger introduced as not yet named ("un
    accord sur X en 2014, un accord sur Y en 2016") is one more agreement of that instrument.
    A definite trigger of a new instrument after a first one names what is already there,
    unless the first is said to be made under it (`applied`: "the Implementing Arrangement
    signed under the Framework Agreement"): that one is the framework, an agreement of its own.
    """
    kept: list[Span] = []
    for trig in triggers:
        same = [k for k in kept if k.id_ == trig.id_]
        if kept and is_framework(trig, applied):
            kept.append(trig)
        elif not same:
            if not (
                kept
                and (
                    (is_definite(trig) and not proper_name(doc, trig))
                    or _describes(doc, refs, kept[-1], trig, triggers)
                )
            ):
                kept.append(trig)
        elif (
            is_fresh(refs, trig)
            and (is_fresh(refs, same[0]) or _announces(doc, refs, same[0]))
            and trig.start >= same[-1].end
        ):
            # "un accord sur X, un accord sur Y"; "cinq contrats : un contrat avec X, un
            # contrat avec Y": each one more of the count.
            kept.append(trig)
    return kept


def proper_name(doc: Doc, trig: Span) -> bool:
    """ "Le dénouement du bilan de l'Accord de coopération entre le Canada et l'ESA": an
    instrument word capitalised inside its sentence and followed by the rest of its name,
    that the article writes in lower case elsewhere, is the proper name of an agreement of
    its own, not one before named again. (German capitalises every noun: there the word is
    never lower case.)"""
    first = doc[trig.start]
    if not first.text[:1].isupper() or trig.end >= len(doc):
        return False
    # "L'Accordo firmato …": the capital of a sentence's first word, its article's at most
    before = [t for t in doc[trig.sent.start : trig.start] if not (t.is_punct or t.is_space)]
    if not before or (len(before) == 1 and before[0].text[:1].isupper()):
        return False
    # "l'Accord de coopération", "the Agreement on …": a name goes on; "selon l'Accord, …"
    # may be the writer's capital for the agreement just told
    if not doc[trig.end].is_lower:
        return False
    return first.lower_ in _lowercase_words(doc)


def _lowercase_words(doc: Doc) -> frozenset[str]:
    """The words the article writes in lower case, read once per Doc: in German every
    instrument noun is capitalised, and each would otherwise read the whole article."""
    cache = doc.user_data.setdefault("coop_lowercase_words", {})
    if "words" not in cache:
        cache["words"] = frozenset(t.text for t in doc if t.text.islower())
    return cache["words"]


def _describes(doc: Doc, refs: list[Span], before: Span, trig: Span, triggers: list[Span]) -> bool:
    """ "Ont signé les accords Artemis, un traité international initié par les États-Unis":
    an instrument introduced afresh in apposition, right after a comma that follows one
    already named (by a determiner that points back or its capitalised name), describes that
    one. It is the sentence's last instrument: "le mémorandum, un accord et un contrat" is a
    list of three."""
    if not is_fresh(refs, trig) or any(t.start > trig.start for t in triggers):
        return False
    commas = [t.i for t in doc[before.end : trig.start] if t.text == ","]
    if len(commas) != 1 or trig.start - commas[0] > 1 + BEFORE:
        return False
    name = doc[before.end : commas[0]]
    named = len(name) > 0 and all(t.text[:1].isupper() or t.text in "'’" for t in name)
    return named or named_before(refs, before)


def is_framework(trig: Span, applied: Sequence[Span]) -> bool:
    """Is `trig` the instrument an "under" cue names ("under the Framework Agreement",
    "dans le cadre de l'accord-cadre")?"""
    return any(a.start <= trig.start < a.end for a in applied)


def _announces(doc: Doc, refs: list[Span], trig: Span) -> bool:
    """A count that announces its members ("cinq nouveaux contrats"), not one pointing back
    at agreements already told ("ces différents accords ont été complétés par un accord")."""
    if not is_counted(doc, refs, trig) or named_before(refs, trig):
        return False
    return not any(points_back(t) for t in doc[max(trig.start - BEFORE, 0) : trig.start])


def nearest(span: Span, triggers: list[Span]) -> Span:
    """The trigger, among a sentence's agreements of one instrument, that a date belongs to.

    Before the first, the first's; after the last, the last's. Between two, the side fewer
    commas and conjunctions away: "un accord sur X en 2014, un accord sur Y" (the first),
    "d'un accord ... et celle, en juillet 2015, d'un accord ..." (the second). The parse
    links such dates to either as often as not.
    """
    doc = span.doc
    before = [t for t in triggers if t.end <= span.start]
    after = [t for t in triggers if t.start >= span.end]
    if not before or not after:
        return before[-1] if before else triggers[0]
    left = sum(_separator(t) for t in doc[before[-1].end : span.start])
    right = sum(_separator(t) for t in doc[span.end : after[0].start])
    return before[-1] if left <= right else after[0]


def _separator(token: Token) -> bool:
    return token.text in (",", ";", ":") or is_conjunction(token)


def segments(sent: Span, kept: list[Span]) -> list[tuple[Span, Span]]:
    """Each kept trigger with the stretch of the sentence that speaks of it.

    A trigger alone in its sentence (for its instrument) has the whole sentence; triggers of
    one instrument share it out, each from its article ("un accord sur X en 2014") to the
    next one's, the first from the sentence start, the last to the sentence end.
    """
    doc = sent.doc
    out = []
    for trig in kept:
        same = [k for k in kept if k.id_ == trig.id_]
        if len(same) == 1:
            out.append((trig, sent))
            continue
        i = same.index(trig)
        start = sent.start if i == 0 else _opening(same[i])
        end = sent.end if i == len(same) - 1 else _opening(same[i + 1])
        out.append((trig, doc[start:end]))
    return out


def _opening(trig: Span) -> int:
    """Where the words about a trigger begin: its article and adjectives ("d'un autre")."""
    start = trig.start
    while start > trig.start - BEFORE - 1 and start > 0 and not trig.doc[start - 1].is_punct:
        if is_conjunction(trig.doc[start - 1]):
            break
        start -= 1
    return start


def parts(refs: list[Span], trig: Span, segment: Span, triggers: list[Span]) -> list[Span]:
    """ "deux accords : l'un sur X, l'autre sur Y": the ordinals after a counted trigger that
    each open the part about one agreement. Two of different ranks at least; an ordinal
    that qualifies a trigger ("le second accord") or a noun ("le Premier ministre" twice
    has one rank) opens no part."""
    markers = [
        s
        for s in refs_of(refs, "ORDINAL")
        if segment.start <= s.start
        and s.end <= segment.end
        and s.start >= trig.end
        and not any(t.start - BEFORE <= s.end <= t.start + 1 for t in triggers)
        and not _qualifies_noun(s)
    ]
    return markers if len({m.id_ for m in markers}) >= 2 else []


def _qualifies_noun(span: Span) -> bool:
    """ "le Premier ministre": the ordinal is an adjective of the next noun (parse only)."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and span.root.head.i == nxt.i


def leading_part(refs: list[Span], sent: Span) -> Span | None:
    """ "Le second porte sur ...", "L'autre concerne ...": a sentence that opens on an
    ordinal standing for an agreement already counted (not "Le premier ministre ...")."""
    for span in refs_of(refs, "ORDINAL"):
        if span.start - sent.start <= 1 and not _qualifies_noun(span):
            nxt = sent.doc[span.end] if span.end < sent.end else None
            # "Le second porte sur", "Le premier, avec Eutelsat, ..."; not "le premier."
            if nxt is not None and not (nxt.is_title or (nxt.is_punct and nxt.text != ",")):
                return span
    return None


def partner_before(doc: Doc, refs: list[Span], party: PartyMention) -> Span | None:
    """The partner's preposition ("avec", "with", "con") right before a party, an article
    at most between ("avec le Rwanda", "con China")."""
    tokens = party.tokens(doc)
    if tokens is None:
        return None
    return next(
        (s for s in refs if s.label_ == "COUNTERPART" and 0 <= tokens.start - s.end <= 2), None
    )


def later_parts(refs: list[Span], part: Span, sent: Span) -> list[Span]:
    """ "L'un porte sur X, l'autre sur Y": the sentence's part and the ranks after it that
    each open one more part (other ranks, after a comma or a conjunction, qualifying no noun).
    """
    found = [part]
    for span in refs_of(refs, "ORDINAL"):
        if span.start <= found[-1].start or span.end > sent.end or _qualifies_noun(span):
            continue
        before = sent.doc[max(span.start - 2, sent.start) : span.start]
        opens = any(t.text in (",", ";") or is_conjunction(t) for t in before)
        if opens and span.id_ not in {p.id_ for p in found}:
            found.append(span)
    return found
