"""The parties of an agreement among a sentence's party mentions
(`coopextract.pipeline.party_mentions` finds those), one per side: which mentions stand
between the trigger's "entre X et Y", which are listed together, and which are one side ("la
Russie et Roscosmos"). "Les deux pays / agences / parties" is resolved by the caller from
context. What sets a name aside before that (a place, a setting, a complement, a surname, a
dateline, a witness, a critic) is `coopextract.pipeline.set_aside`'s to say.

Here too are what a party mention is (`PartyMention`) and the small readers the pipeline
shares: a rule family's spans in a sentence (`spans_in`, `labels_at`), a walk back to a
marker (`marked_before`), and the words that coordinate parties.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from coopextract.rule_files import CatalogEntry


@dataclass(frozen=True)
class PartyMention:
    """One mention of a party: which catalog entry, its surface form and how it was found."""

    entry: CatalogEntry
    text: str
    start_char: int
    end_char: int
    how: str  # entity, agency-demonym, government-demonym, state-demonym, compound, lead, unknown

    @property
    def key(self) -> str:
        """What the scorer compares: the country, or the name of an international organisation."""
        return self.entry.country or self.entry.id

    def tokens(self, doc: Doc) -> Span | None:
        """The mention's tokens in `doc`."""
        return doc.char_span(self.start_char, self.end_char, alignment_mode="expand")


def _index(doc: Doc, key: str) -> tuple[list[int], list[Span]]:
    """One family's spans sorted by start, built once per document (kept in `user_data`):
    asking every sentence to scan every span made long articles quadratic."""
    cache = doc.user_data.setdefault("coop_span_index", {})
    if key not in cache:
        spans = sorted(doc.spans.get(key, []), key=lambda s: (s.start, s.end))
        cache[key] = ([s.start for s in spans], spans)
    return cache[key]


def spans_in(doc: Doc, key: str, sent: Span) -> list[Span]:
    """The spans of one family inside a sentence, in text order."""
    starts, spans = _index(doc, key)
    first, last = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
    return [s for s in spans[first:last] if s.end <= sent.end]


def labels_at(doc: Doc, key: str, *labels: str) -> frozenset[int]:
    """Token indices covered by spans of the given labels (all labels when none is given)."""
    cache = doc.user_data.setdefault("coop_label_index", {})
    if (key, labels) not in cache:
        cache[(key, labels)] = frozenset(
            i
            for span in _index(doc, key)[1]
            if not labels or span.label_ in labels
            for i in range(span.start, span.end)
        )
    return cache[(key, labels)]


def marked_before(
    doc: Doc, start: int, marks: frozenset[int], reach: int, passable: Callable[[Token], bool]
) -> bool:
    """Walking back from token `start` over at most `reach` tokens that are `passable`, is a
    token of `marks` reached?"""
    i = start - 1
    while i >= 0 and start - i <= reach:
        if i in marks:
            return True
        if not passable(doc[i]):
            return False
        i -= 1
    return False


def is_short_stop(word: Token, longest: int = 3) -> bool:
    """An article or a preposition: "l'", "du", "the", "of" (at most `longest` characters)."""
    return word.is_stop and word.is_lower and len(word.text) <= longest


def is_conjunction(token: Token) -> bool:
    """A coordinating conjunction of parties ("et", "and", "и"): the language's `CONJUNCTION`
    references. "Ou"/"or" are none: alternatives are not sides of one agreement."""
    return token.i in labels_at(token.doc, "references", "CONJUNCTION")


def is_connector(token: Token) -> bool:
    # Coordination is a comma or a conjunction.
    return (token.is_punct and token.text == ",") or is_conjunction(token)


def between_mentions(
    doc: Doc, trigger: Span, mentions: list[PartyMention], window: int = 12
) -> list[PartyMention]:
    """Parties named right after the trigger in "accord entre X et Y": the most explicit form."""
    # Through the index: reading every reference of the Doc for each trigger made a long
    # piece quadratic.
    starts, spans = _index(doc, "references")
    first, last = bisect_left(starts, trigger.end), bisect_right(starts, trigger.end + 4)
    markers = [s for s in spans[first:last] if s.label_ == "BETWEEN"]
    if not markers:
        return []
    start = markers[0].end_char
    end = doc[min(markers[0].end + window, len(doc)) - 1].idx
    found = [m for m in mentions if start <= m.start_char <= end]
    # "entre l'Agence spatiale européenne, la NASA, la JAXA et l'Agence spatiale canadienne":
    # a list goes on past the window as long as only commas, conjunctions and articles
    # separate its members.
    for mention in mentions:
        if found and mention.start_char > end and _continues(doc, found[-1], mention):
            found.append(mention)
            end = mention.start_char
    # By country only: two parties of one country here are more often one side described
    # ("GLAVKOSMOS, a subsidiary of ROSCOSMOS") than the two sides; the sentence decides.
    chosen = choose_parties(found)
    return chosen if len(chosen) >= 2 else []


def _continues(doc: Doc, last: PartyMention, mention: PartyMention) -> bool:
    """Does `mention` follow `last` in a list ("X, Y et Z")?"""
    if mention.start_char < last.end_char:
        return True  # inside or overlapping the last one: "l'agence spatiale japonaise"
    gap = doc.char_span(last.end_char, mention.start_char, alignment_mode="expand")
    if gap is None:
        return False
    return len(gap) <= 3 and all(
        is_connector(t) or t.is_stop or t.is_space or t.pos_ == "DET" for t in gap
    )


def companies_apart(mentions: list[PartyMention]) -> frozenset[str]:
    """The countries whose sides are two companies or more and nothing else ("Arianespace a
    signé avec Eutelsat et SKY Perfect JSAT"): each company is a side of its own there, as
    a state or an agency would merge with the company it is named with."""
    companies: dict[str, set[str]] = {}
    others: set[str] = set()
    for m in mentions:
        if m.entry.kind == "company":
            companies.setdefault(m.key, set()).add(m.entry.id)
        else:
            others.add(m.key)
    return frozenset(k for k, ids in companies.items() if len(ids) >= 2 and k not in others)


def side_of(mention: PartyMention, split: bool) -> str:
    """The side a mention stands for: its country (or organisation name); when companies are
    split from their country ("Arianespace et le CNES"), a company is a side of its own."""
    if split and mention.entry.kind == "company":
        # "die OHB-System AG, ein Tochterunternehmen des … Konzerns OHB": a company named
        # after another with a hyphen is of its group, one side
        return f"{mention.key}:{mention.entry.id.split('-')[0]}"
    return mention.key


def party_sides(parties: list[PartyMention]) -> frozenset[str]:
    """The sides of a mention's parties, one per party: their keys, or, where two parties
    share a country (a split pair), their split sides."""
    keys = frozenset(p.key for p in parties)
    if len(keys) == len(parties):
        return keys
    return frozenset(side_of(p, split=True) for p in parties)


def named_sides(mentions: list[PartyMention]) -> list[PartyMention]:
    """The sides a sentence names itself: by country, and when that leaves one side, the
    companies, agencies and organisations of one country apart ("Arianespace a signé avec le
    CNES", "the agency's contract with a start-up": an agreement all the same). A state and
    a company of its own are not split: "la France" is often where, not who."""
    chosen = choose_parties(mentions)
    if len(chosen) >= 2:
        return chosen
    split = choose_parties(mentions, split=True)
    groups: dict[str, list[PartyMention]] = {}
    for m in mentions:
        groups.setdefault(side_of(m, split=True), []).append(m)
    if len(split) < 2 or any(all(m.entry.kind == "state" for m in g) for g in groups.values()):
        return chosen
    return split


# A list of this many sides or more, in a sentence naming more sides than a trilateral
# agreement has, enumerates signatories rather than naming one agreement's sides.
ENUMERATION = 3


def _gap(doc: Doc, last: PartyMention, mention: PartyMention) -> str | None:
    """How `mention` follows `last` in a list ("X, Y et Z", "(X, Y, Z)"): "inside" (the
    same words), "comma", "conjunction"; None when it does not. Stricter than `_continues`:
    a comma or a conjunction must stand between them, so that "la Chine avec la Russie" is
    no list."""
    if mention.start_char < last.end_char:
        return "inside"
    gap = doc.char_span(last.end_char, mention.start_char, alignment_mode="expand")
    if gap is None or len(gap) > 3:
        return None
    if not all(is_connector(t) or t.is_stop or t.is_space or t.pos_ == "DET" for t in gap):
        return None
    if any(is_conjunction(t) for t in gap):
        return "conjunction"
    return "comma" if any(is_connector(t) for t in gap) else None


def enumerated(doc: Doc, mentions: list[PartyMention]) -> frozenset[str]:
    """The sides named only inside an enumeration when the mentions name more sides than a
    trilateral agreement has: "X, Y, Z et W ont signé les accords", "après le Brésil, la
    Colombie, l'Équateur et le Mexique", "les 28 signataires sont : ...". Such a list tells
    who else joined a multilateral instrument or signed agreements of their own, in passing
    (guidelines §1: earlier joinings listed in passing are optional); it names no agreement
    between all of them. Empty when there is no such list."""
    # A group ("les pays BRICS") names its members at once as the sides: no enumeration.
    if any(m.how == "group" for m in mentions):
        return frozenset()
    ordered = sorted(mentions, key=lambda m: (m.start_char, m.end_char))
    if len({m.key for m in ordered}) <= ENUMERATION:
        return frozenset()
    runs: list[list[PartyMention]] = []
    closed = False  # the conjunction before a list's last item closes it: "X, Y et Z, W"
    for mention in ordered:
        how = _gap(doc, runs[-1][-1], mention) if runs else None
        if how == "inside" or (how == "conjunction" and not closed):
            runs[-1].append(mention)
            closed = closed or how == "conjunction"
        elif how == "comma" and not closed:
            runs[-1].append(mention)
        else:
            runs.append([mention])
            closed = False
    long = [run for run in runs if len({m.key for m in run}) >= ENUMERATION]
    # "Les agences spatiales du Brésil, de la Russie, de l'Inde, de la Chine et de l'Afrique
    # du Sud ont signé": a list of whose agencies or governments is the signatories.
    long = [run for run in long if not _after_head(doc, run[0]) and not _demonym_list(run)]
    inside = {m.key for run in long for m in run}
    outside = {m.key for run in runs if all(run is not r for r in long) for m in run}
    return frozenset(inside - outside)


def _after_head(doc: Doc, first: PartyMention) -> bool:
    """Does an agency or state head govern the list, its genitive and article between
    ("les agences spatiales du Brésil, ...", "the governments of X, Y, ...")?"""
    tokens = first.tokens(doc)
    heads = labels_at(doc, "references", "AGENCY_HEAD", "STATE_HEAD")
    return tokens is not None and marked_before(
        doc, tokens.start, heads, 3, lambda w: w.is_stop and w.is_lower
    )


def _demonym_list(run: list[PartyMention]) -> bool:
    """ "The Brazilian, Russian, Indian, Chinese and South African space agencies": demonyms
    that a head governs name its signatories."""
    return all(m.how.endswith("demonym") for m in run)


def choose_parties(
    mentions: Iterable[PartyMention],
    governments: bool = False,
    split: bool = False,
    contract: bool = False,
) -> list[PartyMention]:
    """One mention per side, in order of first appearance.

    Sides are grouped by country (or organisation name; `split`: companies apart, see
    `side_of`). For a side named both as a state and as its agency, the agency is the
    signatory (guidelines §2) unless the text says governments ("les gouvernements russe et
    chinois", "un accord intergouvernemental"). A contract is signed by a company where its
    side names one: Arianespace rather than the CNES or France it is mentioned with,
    Glavkosmos rather than Roscosmos.
    """
    mentions = list(mentions)
    apart = frozenset() if split else companies_apart(mentions)
    sides: dict[str, list[PartyMention]] = {}
    for mention in mentions:
        sides.setdefault(side_of(mention, split or mention.key in apart), []).append(mention)
    chosen = []
    for side in sides.values():
        states = [m for m in side if m.entry.kind == "state"]
        said_governments = [m for m in states if m.how == "government-demonym"]
        agencies = [m for m in side if m.entry.kind == "agency"]
        companies = [m for m in side if m.entry.kind == "company"]
        if said_governments or (governments and states):
            chosen.append((said_governments or states)[0])
        elif contract and companies:
            chosen.append(companies[0])
        elif agencies:
            chosen.append(agencies[0])
        else:
            chosen.append(side[0])
    return chosen
