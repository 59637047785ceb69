"""The parties of the whole article, read once per Doc: the two sides it talks about most (its
main pair) and the company it names most, for the sentences that name too few; the members of
a group it names ("les agences spatiales des pays BRICS"); and a party as another kind ("les
deux agences" after naming two states: their agencies).

What these and a trigger's sides (`sides`, `joinings`) need of the finder travels in a
`PartyKnowledge`: the catalog and the demonyms' forms from the rule files, and how many
sentences back the context reaches.
"""

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from coopextract.pipeline.parties import PartyMention, choose_parties, spans_in
from coopextract.pipeline.party_mentions import sentence_mentions
from coopextract.pipeline.set_aside import is_adnominal, is_locative
from coopextract.rule_files import CatalogEntry


@dataclass(frozen=True)
class PartyKnowledge:
    """What the agreements finder knows of parties, and how far back it looks for them."""

    catalog: dict[str, CatalogEntry]
    forms: dict[str, str]  # the demonyms' forms
    context_sentences: int
    # The catalog's states by country, for "les deux pays" after naming two agencies.
    states: dict[str, CatalogEntry] = field(init=False)

    def __post_init__(self) -> None:
        states = {e.country: e for e in self.catalog.values() if e.kind == "state" and e.country}
        object.__setattr__(self, "states", states)


def main_company(known: PartyKnowledge, doc: Doc) -> PartyMention | None:
    """The company the article names most (the first named, on a tie), if any."""
    cache = doc.user_data.setdefault("coop_main_company", {})
    if "main" not in cache:
        companies = [m for m in _article_mentions(known, doc) if m.entry.kind == "company"]
        counts = Counter(m.entry.id for m in companies)
        cache["main"] = (
            max(companies, key=lambda m: (counts[m.entry.id], -m.start_char)) if companies else None
        )
    return cache["main"]


def _article_mentions(known: PartyKnowledge, doc: Doc) -> list[PartyMention]:
    """Every party mention of the article, read once per Doc for whoever needs them all."""
    cache = doc.user_data.setdefault("coop_article_mentions", {})
    if "all" not in cache:
        cache["all"] = [
            m
            for sent in doc.sents
            for m in sentence_mentions(doc, sent, known.catalog, known.forms)
        ]
    return cache["all"]


def dominant_pair(known: PartyKnowledge, doc: Doc) -> list[PartyMention]:
    """The two sides the article talks about most, for sentences that name nobody."""
    cache = doc.user_data.setdefault("coop_dominant_pair", {})
    if "pair" in cache:
        return cache["pair"]
    every = _article_mentions(known, doc)
    counts = Counter(m.key for m in every if m.entry.country)
    top = [key for key, n in counts.most_common(2) if n >= 1]
    cache["pair"] = choose_parties(m for m in every if m.key in top) if len(top) == 2 else []
    return cache["pair"]


def _named_keys(known: PartyKnowledge, doc: Doc) -> frozenset[str]:
    """The sides the article names anywhere."""
    cache = doc.user_data.setdefault("coop_named_keys", {})
    if "keys" not in cache:
        cache["keys"] = frozenset(m.key for m in _article_mentions(known, doc))
    return cache["keys"]


def group_mentions(known: PartyKnowledge, doc: Doc, sent: Span) -> list[PartyMention]:
    """ "Les agences spatiales des pays BRICS": the members of the group that the article
    names (two at least), as states, or as their agencies after an agency head. A group
    named as a place or a complement ("au sommet des BRICS") stands for no party."""
    out: list[PartyMention] = []
    for span in spans_in(doc, "entities", sent):
        entry = known.catalog.get(span.id_)
        if entry is None or entry.kind != "group":
            continue
        if is_locative(doc, span) or is_adnominal(doc, span):
            continue
        named = _named_keys(known, doc)
        members = [known.catalog[m] for m in entry.members if known.catalog[m].country in named]
        if len(members) < 2:
            continue
        heads = [
            h
            for h in spans_in(doc, "references", sent)
            if h.label_ == "AGENCY_HEAD"
            and (span.start - 3 <= h.end <= span.start or span.end <= h.start <= span.end + 1)
        ]
        for member in members:
            mention = PartyMention(member, span.text, span.start_char, span.end_char, "group")
            out.append(as_kind(known, mention, "agency") if heads else mention)
    return out


def as_kind(known: PartyKnowledge, mention: PartyMention, kind: str) -> PartyMention:
    """ "Les deux agences" after naming two states: their agencies; "les deux pays" after
    naming two agencies: their states."""
    entry = mention.entry
    if kind == "agency" and entry.kind == "state":
        entry = known.catalog.get(entry.agency or "", entry)
    elif kind == "state" and entry.kind == "agency" and entry.country:
        entry = known.states.get(entry.country, entry)
    return PartyMention(entry, mention.text, mention.start_char, mention.end_char, mention.how)
