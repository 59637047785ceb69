"""Finding the parties of an agreement in a sentence and normalising them to catalog entries.

Three sources of party mentions, all found by the rule spans:
- named entities (`doc.spans["entities"]`) of a party kind, with capital metonyms as states;
- demonyms governed by a head ("les agences spatiales russe et chinoise", "les gouvernements
  algérien et russe", "le Premier ministre chinois"), which become the state's agency or the state;
- "les deux pays / agences / parties", resolved by the caller from context;
- organisations the catalog does not know, introduced by the text ("la société X",
  `coopextract.pipeline.organisations`), with the kind and country the text gives.
A state named after a locative preposition ("à Paris", "en Chine") is where something happened,
not who signed, and is left out.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from coopextract.pipeline.organisations import unknown_names
from coopextract.rule_files import PARTY_KINDS, CatalogEntry


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


def is_locative(doc: Doc, span: Span) -> bool:
    """A place name after a locative preposition ("à Paris", "en Chine") is not a signatory,
    nor is the state that glosses such a place ("à Brême (Allemagne)", "in Bremen (Germany)",
    "in Sevilla, Spanien, unterzeichnet": an apposition the next comma closes)."""
    locative = labels_at(doc, "references", "LOCATIVE")
    i = span.start - 1
    closed = span.end < len(doc) and doc[span.end].text in (",", ".", ";", ")")
    if i >= 0 and (doc[i].text == "(" or (doc[i].text == "," and closed)):
        j = i - 1
        while j >= 0 and i - j <= 3 and doc[j].text[:1].isupper():
            j -= 1
        return j < i - 1 and j in locative
    return i >= 0 and i in locative


def is_set_aside(doc: Doc, span: Span) -> bool:
    """A party named right after "outre", "besides", "además de" (its article between) is set
    aside: "Outre l'Égypte, la Chine a signé des accords avec ..." are China's others. So are
    the critics of an agreement, the agents of a verb of criticism and those coordinated
    with them: "contesté par l'Union européenne et les États-Unis", "criticised by Russia";
    and the owners of a company: "controllata per il 33 per cento da Finmeccanica"."""
    besides = labels_at(doc, "references", "BESIDES")
    i = span.start - 1
    if i >= 0 and i not in besides and doc[i].is_lower and len(doc[i].text) <= 3:
        i -= 1  # the article: "outre l'Égypte", "besides the US"
    return (i >= 0 and i in besides) or _after_agent_marker(doc, span)


def _marked_before(
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


def _after_agent_marker(doc: Doc, span: Span) -> bool:
    """Walk back over a coordination of names ("par l'UE et les États-Unis") to the agent
    marker of a verb of criticism or of ownership (CRITIC, OWNER)."""
    markers = labels_at(doc, "references", "CRITIC", "OWNER")
    if not markers:  # most texts: no walk for every name
        return False
    names = labels_at(doc, "entities") | labels_at(doc, "demonyms")
    return _marked_before(
        doc,
        span.start,
        markers,
        12,
        lambda w: (
            not w.is_sent_end
            and (w.i in names or is_conjunction(w) or w.text == "," or is_short_stop(w))
        ),
    )


def in_setting(doc: Doc, span: Span) -> bool:
    """Is the name part of an event's setting, within a few words after "en marge de",
    "lors du sommet", "on the sidelines of" and no punctuation between ("en marge de
    l'Assemblée générale de l'ONU")?"""
    return _marked_before(
        doc,
        span.start,
        labels_at(doc, "references", "SETTING"),
        8,
        lambda w: not (w.is_punct and w.text not in "'’"),
    )


def is_adnominal(doc: Doc, span: Span) -> bool:
    """A state named as the complement of an ordinary noun ("le Forum ... de Tokyo") is not a
    signatory; after an agency or state head ("les agences spatiales du Pakistan", "le
    président de la Chine") or a trigger it still is."""
    i = span.start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    if i < 0 or i not in labels_at(doc, "references", "GENITIVE"):
        return False
    governor = span.root.head if doc.has_annotation("DEP") else _word_governing(doc, i)
    if governor.i == span.root.i or governor.i >= span.start:
        return False
    return not (
        governor.i in labels_at(doc, "references", "AGENCY_HEAD", "STATE_HEAD")
        or governor.i in labels_at(doc, "triggers", "INSTRUMENT")
        or governor.i in labels_at(doc, "entities")
    )


def _word_governing(doc: Doc, marker: int) -> Token:
    """Without a parse, the word before a genitive marker governs its complement; a
    coordinated complement ("representantes de Rusia y de Argentina") has the first one's."""
    genitive, names = labels_at(doc, "references", "GENITIVE"), labels_at(doc, "entities")
    j = marker - 1
    while j > 0 and is_conjunction(doc[j]):
        k = j - 1
        while k > 0 and (k in names or doc[k].pos_ == "DET" or is_short_stop(doc[k])):
            if k in genitive:
                break
            k -= 1
        if k <= 0 or k not in genitive or k == j - 1:
            break
        j = k - 1
    return doc[max(j, 0)]


def is_surname(doc: Doc, span: Span) -> bool:
    """A state's name right after a given name is a person's ("Stéphane Israël"): the
    previous word a proper noun in the model's tagging (without a tagger, any word),
    capitalised, mid-sentence, no stop word, and no name the rules know."""
    i = span.start - 1
    if i < 0 or doc[i].is_sent_start:
        return False
    if doc.has_annotation("POS"):
        return doc[i].pos_ == "PROPN" and _name_word(doc, i)
    # Without a tagger (a blank pipeline), the shape alone, and two name words before it
    # ("o ministro Carlos Alberto França"): one capitalised word may be a noun, and German
    # capitalises every noun ("der Regierung Frankreichs").
    return i >= 1 and not doc[i - 1].is_sent_start and _name_word(doc, i) and _name_word(doc, i - 1)


# What follows a dateline's place: "PARIS —", "MOSCOU, 9 mars (AFP) –", "WASHINGTON (Reuters) -".
_DATELINE_NEXT = ("—", "–", "-", ",", "(")


def is_dateline(doc: Doc, span: Span) -> bool:
    """A place written in capitals at the start of a line, before a dash, a comma or a
    bracket, is where the news was filed ("PARIS — The government of Azerbaijan …"), not a
    signatory."""
    at = span.start_char
    return (
        span.text.isupper()
        and len(span.text) > 1
        and (at == 0 or doc.text[at - 1] == "\n")
        and span.end < len(doc)
        and doc[span.end].text in _DATELINE_NEXT
    )


def _name_word(doc: Doc, i: int) -> bool:
    """Could token `i` be part of a person's name: capitalised, letters, no function word,
    and no name the rules know?"""
    word = doc[i]
    return (
        word.is_title
        and word.is_alpha
        and not word.is_stop
        and i not in labels_at(doc, "entities")
        and i not in labels_at(doc, "demonyms")
        and i not in labels_at(doc, "references")
    )


def entity_mentions(doc: Doc, sent: Span, catalog: dict[str, CatalogEntry]) -> list[PartyMention]:
    mentions = []
    defined = acronyms_defined(doc, catalog)
    for span in spans_in(doc, "entities", sent):
        entry = catalog.get(defined.get(span.text, span.id_))
        if entry is None or entry.kind not in PARTY_KINDS:
            continue
        if is_set_aside(doc, span):
            continue
        if entry.kind == "organization" and in_setting(doc, span):
            continue
        if entry.kind == "state" and (
            is_locative(doc, span)
            or span.end in labels_at(doc, "references", "BASED")
            or is_adnominal(doc, span)
            or is_surname(doc, span)
            or is_dateline(doc, span)
        ):
            continue
        mentions.append(PartyMention(entry, span.text, span.start_char, span.end_char, "entity"))
    return mentions


def acronyms_defined(doc: Doc, catalog: dict[str, CatalogEntry]) -> dict[str, str]:
    """Acronyms the article defines for itself, in brackets after a party's full name,
    where the catalog knows them as another: "l'Agence spatiale égyptienne (ESA)" makes
    every "ESA" of that article the Egyptian agency. Found once per Doc."""
    cache = doc.user_data.setdefault("coop_acronyms", {})
    if "defined" not in cache:
        entities = list(doc.spans.get("entities", []))
        ends = {s.end: s for s in entities}
        defined: dict[str, str] = {}
        for span in entities:
            full = ends.get(span.start - 1)
            if (
                full is not None
                and doc[span.start - 1].text == "("
                and span.end < len(doc)
                and doc[span.end].text == ")"
                and span.text.isupper()
                and full.id_ != span.id_
                # a state before the brackets ends a longer name: "Agencia Espacial de
                # Israel (ISA)", "НАСА США (NASA)"
                and all(
                    i in catalog and catalog[i].kind in ("agency", "organization", "company")
                    for i in (full.id_, span.id_)
                )
            ):
                defined[span.text] = full.id_
        cache["defined"] = defined
    return cache["defined"]


def demonym_mentions(doc: Doc, sent: Span, catalog: dict[str, CatalogEntry]) -> list[PartyMention]:
    """Demonyms governed by an agency head or a state head, with their coordinations: after
    the head in French, Italian, Spanish ("les agences spatiales russe et chinoise"), before
    it in English, German, Russian ("the Russian and Chinese space agencies")."""
    demonyms = {s.start: s for s in spans_in(doc, "demonyms", sent)}
    ends = {s.end: s for s in demonyms.values()}
    heads = [
        s for s in spans_in(doc, "references", sent) if s.label_ in ("AGENCY_HEAD", "STATE_HEAD")
    ]
    head_starts = {s.start for s in heads}
    mentions = []
    for head in heads:
        found = []
        i = head.end
        while i < sent.end:
            if i in demonyms:
                if demonyms[i].end in head_starts:
                    break  # "Prime Minister and French President": "French" is that head's
                found.append(demonyms[i])
                i = _past_person(doc, demonyms[i].end, sent)
            elif is_connector(doc[i]):
                i += 1
            else:
                break
        if not found:
            i = head.start
            while i > sent.start:
                if i in ends:
                    found.append(ends[i])
                    i = ends[i].start
                elif is_connector(doc[i - 1]) or doc[i - 1].is_stop:
                    i -= 1  # "die russische und die chinesische Raumfahrtbehörde"
                else:
                    break
        if head.id_ == "named":
            found = [d for d in found if _names_known_agency(doc, head, d, catalog)]
        for dem in found:
            mentions.append(_demonym_mention(dem, head, catalog))
    return mentions


def _past_person(doc: Doc, i: int, sent: Span, longest: int = 4) -> int:
    """Past the name of the person a demonym and its head describe ("les présidents russe
    Vladimir Poutine et kazakh …", "los presidentes ruso, Vladimir Putin, y kazajo"): a run
    of capitalised words that name no entity, with its commas."""
    names = labels_at(doc, "entities") | labels_at(doc, "demonyms")
    j = i + 1 if i < sent.end and doc[i].text == "," else i
    k = j
    while k < sent.end and k - j < longest and doc[k].is_title and k not in names:
        k += 1
    if k == j or (k < sent.end and doc[k].is_title):
        return i
    return k + 1 if k < sent.end and doc[k].text == "," else k


def _names_known_agency(doc: Doc, head: Span, dem: Span, catalog: dict[str, CatalogEntry]) -> bool:
    """ "L'agence luxembourgeoise", "the Russian agency": a short head (id `named`) points
    back to the country's space agency only where the article names that agency otherwise,
    and not before a name of its own ("l'agence russe Interfax": a press agency)."""
    agency = catalog[dem.id_].agency
    after = max(head.end, dem.end)
    if agency is None or (after < len(doc) and doc[after].text[:1].isupper()):
        return False
    return agency in _agencies_named(doc, catalog)


def _agencies_named(doc: Doc, catalog: dict[str, CatalogEntry]) -> frozenset[str]:
    """The agencies an article names by name or by a full head ("l'Agence spatiale
    luxembourgeoise"); found once per Doc."""
    cache = doc.user_data.setdefault("coop_agencies_named", {})
    if "ids" not in cache:
        named = {s.id_ for s in doc.spans.get("entities", [])}
        demonyms = doc.spans.get("demonyms", [])
        for head in doc.spans.get("references", []):
            if head.label_ == "AGENCY_HEAD" and head.id_ != "named":
                named |= {
                    catalog[d.id_].agency or ""
                    for d in demonyms
                    if d.id_ in catalog and (d.start == head.end or d.end == head.start)
                }
        cache["ids"] = frozenset(named)
    return cache["ids"]


def is_conjunction(token: Token) -> bool:
    """A coordinating conjunction of parties ("et", "and", "и"): the language's `CONJUNCTION`
    references. "Ou"/"or" are none: alternatives are not sides of one agreement."""
    return token.i in labels_at(token.doc, "references", "CONJUNCTION")


def is_connector(token: Token) -> bool:
    # Coordination is a comma or a conjunction.
    return (token.is_punct and token.text == ",") or is_conjunction(token)


def _demonym_mention(dem: Span, head: Span, catalog: dict[str, CatalogEntry]) -> PartyMention:
    state = catalog[dem.id_]
    if head.label_ == "AGENCY_HEAD" and state.agency:
        entry, how = catalog[state.agency], "agency-demonym"
    elif head.id_ == "government":
        entry, how = state, "government-demonym"
    else:
        entry, how = state, "state-demonym"
    first, last = (head, dem) if head.start < dem.start else (dem, head)
    text = f"{first.text} {last.text}"
    return PartyMention(entry, text, first.start_char, last.end_char, how)


def demonym_forms(patterns: list[dict]) -> dict[str, str]:
    """Every plain word form of the demonym rules, to read the parts of "franco-chinoises"."""
    forms: dict[str, str] = {}
    for line in patterns:
        pattern = line["pattern"]
        if isinstance(pattern, str):
            forms[pattern.lower()] = line["id"]
        elif len(pattern) == 1 and isinstance(pattern[0].get("LOWER"), dict | str):
            lower = pattern[0]["LOWER"]
            words = [lower] if isinstance(lower, str) else lower.get("IN", [])
            forms.update({w: line["id"] for w in words})
    return forms


def compound_mentions(
    doc: Doc, sent: Span, catalog: dict[str, CatalogEntry], forms: dict[str, str]
) -> list[PartyMention]:
    """Both sides of "franco-chinoises", "sino-russe", "russo-chinoise" as states; not
    those of a product's name ("a Russian-Ukrainian Zenit rocket": its makers)."""
    mentions = []
    for dem in spans_in(doc, "demonyms", sent):
        # "nord-coréen" is one demonym, not North plus South Korea.
        if "-" not in dem.text or len(dem) != 1 or dem.text.lower() in forms:
            continue
        if _names_a_product(doc, dem.end):
            continue
        tail = forms.get(dem.text.rsplit("-", 1)[-1].lower())
        if tail and tail != dem.id_:
            for state in (dem.id_, tail):
                mentions.append(
                    PartyMention(catalog[state], dem.text, dem.start_char, dem.end_char, "compound")
                )
    demonyms = spans_in(doc, "demonyms", sent)
    for first, second in itertools.pairwise(demonyms):
        if (
            second.start == first.end + 1
            and doc[first.end].text == "-"
            and first.id_ != second.id_
            and not _names_a_product(doc, second.end)
        ):
            text = doc[first.start : second.end].text
            for dem in (first, second):
                mentions.append(
                    PartyMention(
                        catalog[dem.id_], text, first.start_char, second.end_char, "compound"
                    )
                )
    return mentions


def _names_a_product(doc: Doc, after: int) -> bool:
    """Does a capitalised name the rules do not know follow ("Zenit", "Soyuz-2")?"""
    if after >= len(doc):
        return False
    word = doc[after]
    return (
        word.text[:1].isupper()
        and not word.is_sent_start
        and after not in labels_at(doc, "entities")
        and after not in labels_at(doc, "triggers")
        and after not in labels_at(doc, "demonyms")
    )


def sentence_mentions(
    doc: Doc, sent: Span, catalog: dict[str, CatalogEntry], forms: dict[str, str] | None = None
) -> list[PartyMention]:
    found = entity_mentions(doc, sent, catalog) + demonym_mentions(doc, sent, catalog)
    if forms:
        found += compound_mentions(doc, sent, catalog, forms)
    unknown = [
        PartyMention(n.entry, n.text, n.start_char, n.end_char, "unknown")
        for n in unknown_names(doc, sent, catalog)
    ]
    if unknown:
        # "China Great Wall": the state's name is part of the company's, not a party.
        found = [m for m in found if not any(_inside(m, u) for u in unknown)] + unknown
    return sorted(found, key=lambda m: (m.start_char, m.end_char))


def _inside(mention: PartyMention, other: PartyMention) -> bool:
    return other.start_char <= mention.start_char and mention.end_char <= other.end_char


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
        return f"{mention.key}:{mention.entry.id}"
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
    return tokens is not None and _marked_before(
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
