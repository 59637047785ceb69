"""The party mentions of a sentence: named entities of a party kind (with the acronyms an
article defines for itself), demonyms governed by a head ("les agences spatiales russe et
chinoise", "le Premier ministre chinois"), compounds ("sino-russe"), and organisations the
catalog does not know (`coopextract.pipeline.organisations`). Which of them are sides of an
agreement is `coopextract.pipeline.parties`' to say; what sets a name aside (a place, a
setting, a complement, a surname) is `coopextract.pipeline.set_aside`'s.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Doc, Span

from coopextract.pipeline.organisations import unknown_names
from coopextract.pipeline.parties import (
    PartyMention,
    is_connector,
    is_short_stop,
    labels_at,
    spans_in,
)
from coopextract.pipeline.set_aside import (
    in_setting,
    is_adnominal,
    is_dateline,
    is_locative,
    is_set_aside,
    is_surname,
    is_witness,
)
from coopextract.rule_files import PARTY_KINDS, CatalogEntry


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
        if entry.kind == "organization" and entry.agency and _under_agency_head(doc, span):
            # "les agences spatiales des États-Unis, du Canada, de l'Union européenne": the
            # organisation's own agency (the catalog's `agency`: the EU's is ESA)
            entry = catalog.get(entry.agency, entry)
        mentions.append(PartyMention(entry, span.text, span.start_char, span.end_char, "entity"))
    return mentions


# How far back a coordination of complements may run to its agency head.
_HEAD_REACH = 16


def _under_agency_head(doc: Doc, span: Span) -> bool:
    """Is the name one of the complements of an agency head, through articles, genitive
    markers, commas, conjunctions and other names ("space agencies of the US, Canada, the
    EU and Japan")?"""
    # "les agences spatiales", or a pair word of agencies ("the space agencies of …")
    heads = labels_at(doc, "references", "AGENCY_HEAD") | {
        i
        for s in doc.spans.get("references", [])
        if s.label_ == "PAIR" and s.id_.split(":")[0] == "agency"
        for i in range(s.start, s.end)
    }
    genitive = labels_at(doc, "references", "GENITIVE")
    names = labels_at(doc, "entities")
    i = span.start - 1
    while i >= max(span.start - _HEAD_REACH, 0):
        if i in heads:
            return i + 1 in genitive  # "the space agency and the EU" are two sides
        token = doc[i]
        if not (i in genitive or i in names or is_connector(token) or is_short_stop(token)):
            return False
        i -= 1
    return False


def part_of_mentions(doc: Doc, sent: Span, catalog: dict[str, CatalogEntry]) -> list[PartyMention]:
    """ "Ein Vertrag mit der Airbus-Raumfahrtsparte Defence and Space", "Roskosmos-Chef":
    a party named inside one word, before the hyphen of its part or head (PART_OF), in a
    language that keeps such compounds whole. The name is the catalog's, as the article
    writes it elsewhere or as the catalog spells it."""
    parts = [s for s in spans_in(doc, "references", sent) if s.label_ == "PART_OF"]
    if not parts:
        return []
    names = _names_written(doc, catalog)
    mentions = []
    for span in parts:
        prefix = span.text.split("-")[0]
        entry = catalog.get(names.get(prefix.casefold(), ""))
        if entry is not None and entry.kind in PARTY_KINDS:
            start = span.start_char
            mentions.append(PartyMention(entry, prefix, start, start + len(prefix), "entity"))
    return mentions


def _names_written(doc: Doc, catalog: dict[str, CatalogEntry]) -> dict[str, str]:
    """Catalog ids by a one-word name, case folded: as the article's entities write them
    ("Roskosmos"), else the ids themselves ("Airbus", "ESA"). Found once per Doc."""
    cache = doc.user_data.setdefault("coop_names_written", {})
    if "names" not in cache:
        names = {i.casefold(): i for i in catalog if " " not in i}
        names.update(
            (s.text.casefold(), s.id_)
            for s in doc.spans.get("entities", [])
            if len(s) == 1 and s.id_ in catalog
        )
        cache["names"] = names
    return cache["names"]


def acronyms_defined(doc: Doc, catalog: dict[str, CatalogEntry]) -> dict[str, str]:
    """Acronyms the article defines for itself, in brackets after a party's full name,
    where the catalog knows them as another: "l'Agence spatiale égyptienne (ESA)" makes
    every "ESA" of that article the Egyptian agency, "the Kenya Space Agency (KSA)" every
    "KSA" the Kenyan one, not Saudi Arabia. Found once per Doc."""
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
                and full.id_ in catalog
                and catalog[full.id_].kind in ("agency", "organization", "company")
                # a state's code in brackets is the institution's own acronym too: "the
                # Kenya Space Agency (KSA)"
                and span.id_ in catalog
                and catalog[span.id_].kind in ("agency", "organization", "company", "state")
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
        if not found and head.label_ == "STATE_HEAD":
            found = _after_portfolio(doc, head, demonyms, sent)
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
        if not found and head.label_ == "STATE_HEAD":
            found = _before_portfolio(doc, head, ends, sent)
        if head.id_ == "named":
            found = [d for d in found if _names_known_agency(doc, head, d, catalog)]
        for dem in found:
            mentions.append(_demonym_mention(dem, head, catalog))
    return mentions


# Words of a minister's portfolio between the head and its demonym: "El Ministro de Ciencia
# argentino", "le ministre de la Défense russe", "il ministro degli Affari esteri russo".
PORTFOLIO_WORDS = 3


def _before_portfolio(doc: Doc, head: Span, ends: dict[int, Span], sent: Span) -> list[Span]:
    """The demonym before a state head's portfolio, where the head comes last ("Ukrainian
    Defense Minister Andrii Taran", "the Russian Foreign Minister"): one or two capitalised
    words between, none of them a name of their own."""
    names = labels_at(doc, "entities")
    i = head.start
    while i > sent.start and head.start - i < 2 and i not in ends:
        word = doc[i - 1]
        if not word.is_title or word.is_stop or i - 1 in names:
            return []
        i -= 1
    return [ends[i]] if i < head.start and i in ends else []


def _after_portfolio(doc: Doc, head: Span, demonyms: dict[int, Span], sent: Span) -> list[Span]:
    """The demonym after a state head's capitalised complement, the portfolio of a minister
    or the name of an institution ("el Ministro de Ciencia argentino", "le président de la
    République française"): a preposition first, then at most three words, the first
    capitalised, none of them a name of their own."""
    names = labels_at(doc, "entities")
    i = head.end
    if i >= sent.end or not is_short_stop(doc[i], longest=5):
        return []
    while i < sent.end and is_short_stop(doc[i], longest=5):
        i += 1
    if i >= sent.end or not doc[i].is_title:
        return []
    start = i
    while i < sent.end and i - start < PORTFOLIO_WORDS and i not in demonyms:
        token = doc[i]
        if i in names or not (token.is_alpha or is_short_stop(token, longest=5)):
            return []
        i += 1
    return [demonyms[i]] if i in demonyms and i > start else []


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
        if _names_a_product(doc, dem.end) or _of_a_company(doc, catalog, dem.start, dem.end):
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
            and not _of_a_company(doc, catalog, first.start, second.end)
        ):
            text = doc[first.start : second.end].text
            for dem in (first, second):
                mentions.append(
                    PartyMention(
                        catalog[dem.id_], text, first.start_char, second.end_char, "compound"
                    )
                )
    return mentions


def _of_a_company(doc: Doc, catalog: dict[str, CatalogEntry], start: int, end: int) -> bool:
    """Does the compound qualify a company: after its cue noun ("la société franco-italienne",
    "le constructeur franco-italien Thales Alenia Space"), before it ("the Franco-Italian
    company"), or before a company's name? Its two states are where the company comes from,
    not sides of what it signs."""
    if any(
        cue.label_ == "CUE" and cue.id_ == "company" and (cue.start == end or cue.end == start)
        for cue in doc.spans.get("organisations", [])
    ):
        return True
    return any(
        span.start == end
        and (entry := catalog.get(span.id_)) is not None
        and entry.kind == "company"
        for span in doc.spans.get("entities", [])
    )


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
    found += part_of_mentions(doc, sent, catalog)
    if forms:
        found += compound_mentions(doc, sent, catalog, forms)
    names = unknown_names(doc, sent, catalog)
    spelled = [n for n in names if _spelled_out(doc, n.end_char, found)]
    if spelled:
        # "China Aerospace & Technology Corporation (CASC)": the state that opens the name
        # is part of it
        found = [
            m
            for m in found
            if not (
                m.entry.kind == "state"
                and any(0 <= n.start_char - m.end_char <= 1 for n in spelled)
            )
        ]
    unknown = [
        PartyMention(n.entry, n.text, n.start_char, n.end_char, "unknown")
        for n in names
        if n not in spelled
    ]
    if unknown:
        # "China Great Wall": the state's name is part of the company's, not a party.
        found = [m for m in found if not any(_inside(m, u) for u in unknown)] + unknown
    found = sorted(found, key=lambda m: (m.start_char, m.end_char))
    # "l'accord a été conclu en présence de représentants de l'Union africaine et de la
    # France": those who attend a signing are no sides of it, where the sentence names
    # another side (alone, "signé en présence des présidents russe et égyptien", they are).
    witnesses = [m for m in found if is_witness(doc, m)]
    if witnesses and len(witnesses) < len(found):
        found = [m for m in found if m not in witnesses]
    return found


def _spelled_out(doc: Doc, end: int, known: list[PartyMention]) -> bool:
    """Is a name the catalog does not know followed by the bracketed acronym of one it knows
    ("China Aerospace & Technology Corporation (CASC)", "Great Wall Industry Corporation
    (CGWIC)")? It is that party's name spelled out, not another party."""
    rest = doc.text[end : end + 8]  # a space or two, then the bracket: no copy of the rest
    opened = len(rest) - len(rest.lstrip())
    if not rest[opened:].startswith("("):
        return False
    start = end + opened + 1
    return any(
        m.start_char == start and doc.text[m.end_char : m.end_char + 1] == ")" for m in known
    )


def _inside(mention: PartyMention, other: PartyMention) -> bool:
    return other.start_char <= mention.start_char and mention.end_char <= other.end_char
