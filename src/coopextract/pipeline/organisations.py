"""Parties the catalog does not know: organisations the text itself introduces.

News introduces a company or a body it expects the reader not to know by what it is: a cue
noun before the name ("la société X", "l'opérateur canadien Telesat", "the consortium led by
X", "компания «X»"), the same noun in apposition ("Telesat, l'opérateur canadien, ..."), an
adjective of nationality used as a noun ("l'américain SpaceX"), or a legal form after the name
("Telesat Inc."). The cue gives the kind (company, agency, organisation), an adjacent demonym
the country ("canadien" → CA); without one the country is left unknown. The cues are data
(`rules/<lang>/organisations.jsonl`, legal forms in `rules/shared/`); this module only reads
the shape of the text around them: a name is a run of capitalised tokens, or a quoted phrase.

A catalog entry always wins: a name that starts on a catalog entity is that entity, found by
the entity rules. Once a name is introduced, its later bare mentions in the same article are
the same party ("la start-up Prométhée ... Prométhée a signé"). Nothing learnt in one article
is used in another.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from coopextract.pipeline.parties import is_connector, labels_at
from coopextract.rule_files import CatalogEntry

# How far the rules look: tokens of modifiers between a cue and its name ("l'opérateur de
# satellites luxembourgeois SES"), and tokens in a name.
MAX_MODIFIERS = 4
MAX_NAME = 6
# A name's word that opens with a figure: "4iG", "3DPlus" (letters of both cases after it).
_FIGURE_BRAND = re.compile(r"^\d+(?=[A-Za-z]*[a-z])(?=[A-Za-z]*[A-Z])[A-Za-z]+$")
# How many more names coordinated after a cue's first are its too: "les sociétés X, Y et Z".
MAX_COORDINATED = 3
# An institution's full name before its acronym: "l'Académie des sciences et des technologies
# du Vietnam (VAST)".
MAX_FULL_NAME = 12
# Words of a gloss after an acronym in its brackets: "(CLTC, sigla em inglês)".
MAX_GLOSS = 6
# Within a name: "AT&T", "Rolls-Royce", "Thales Alenia Space & OHB" are one.
JOINERS = frozenset({"&", "-", "+"})
QUOTES = {"«": "»", "“": "”", '"': '"', "„": "“", "‹": "›"}
# Parts of speech that never start or continue a name, where a trained model tags them
# ("Hier, la société ..." is an adverb, not a company).
NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "ADV", "PUNCT"})
# Families whose words are never part of an unknown name: a date, a trigger, a status cue.
STOP_FAMILIES = ("triggers", "status", "dates", "demonyms")
# Families whose patterns have gaps a name can fall in ("a confié à X le lancement").
GAP_FAMILIES = ("triggers", "status")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class UnknownName:
    """One mention of an organisation the catalog does not know, with its guessed entry."""

    entry: CatalogEntry
    text: str
    start_char: int
    end_char: int


@dataclass
class _Found:
    start: int  # token offsets of the mention
    end: int
    kind: str
    country: str | None
    name: tuple[int, int] | None = None  # the name's own tokens, when not the whole mention


def unknown_names(doc: Doc, sent: Span, catalog: dict[str, CatalogEntry]) -> list[UnknownName]:
    """The unknown organisations named in one sentence, in text order."""
    starts, names = _all_names(doc, catalog)
    first, last = bisect_left(starts, sent.start_char), bisect_left(starts, sent.end_char)
    return [m for m in names[first:last] if m.end_char <= sent.end_char]


def _all_names(doc: Doc, catalog: dict[str, CatalogEntry]) -> tuple[list[int], list[UnknownName]]:
    """Every unknown-organisation mention of the Doc, found once and kept in `user_data`."""
    # Every sentence asks: found for each, a long article would cost the square of its length.
    cache = doc.user_data.setdefault("coop_unknown_parties", {})
    if "names" not in cache:
        names = _find(doc, catalog)
        cache["names"] = ([m.start_char for m in names], names)
    return cache["names"]


def _find(doc: Doc, catalog: dict[str, CatalogEntry]) -> list[UnknownName]:
    cues = doc.spans.get("organisations", [])
    if not cues:
        return []
    reader = _Reader(doc, catalog)
    found: list[_Found] = []
    for cue in sorted(cues, key=lambda s: (s.start, s.end)):
        if cue.label_ in ("LEGAL_FORM", "NAME_END"):
            # Matched in any case: "SA" is a legal form, "sa" a possessive; "Company" ends a
            # name, "company" is a cue.
            text = cue.text
            written = text[:1].isupper() if cue.label_ == "NAME_END" else text != text.lower()
            if written:
                found.extend(reader.before_legal_form(cue))
            continue
        # One word can be both a cue and an institution's noun ("Organisation"); the span
        # filter keeps one label, so a capitalised cue is read both ways.
        if cue.label_ in ("CUE", "INSTITUTION"):
            found.extend(reader.institution(cue))
        if cue.label_ in ("CUE", "DET_CUE"):
            found.extend(reader.after_cue(cue))
        if cue.label_ == "CUE":
            found.extend(reader.in_apposition(cue))
    return reader.names(found)


def canonical_name(words: list[str], spaces: list[str]) -> str:
    """A name as written, normalised: single spaces, no quotes around or unbalanced in it."""
    text = "".join(w + s for w, s in zip(words, spaces, strict=True))
    text = _SPACES.sub(" ", text).strip(" ,")
    for opening, closing in QUOTES.items():
        if opening != closing and text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    if text[:1] in QUOTES and text[-1:] == QUOTES[text[:1]]:
        text = text[1:-1]
    return _SPACES.sub(" ", text).strip()


def quoted_name_end(doc: Doc, i: int, limit: int, reach: int) -> int:
    """The end of the quoted name whose opening quote is token i ("la société « Space Cargo
    Unlimited »", "АО «РКК «Энергия»»": to the matching quote, nesting counted), looking at
    most `reach` tokens on and not past `limit`; i when no quote closes it there or the name
    in it does not start with a capital."""
    opening = doc[i].text
    closing, depth = QUOTES[opening], 0
    for j in range(i, min(limit, i + reach + 1)):
        text = doc[j].text
        if text == closing and (depth == 1 or opening == closing) and j > i:
            return j + 1 if j > i + 1 and doc[i + 1].text[:1].isupper() else i
        if text == opening:
            depth += 1
        elif text == closing:
            depth -= 1
    return i


class _Reader:
    """The token tests the finders share, over one Doc."""

    def __init__(self, doc: Doc, catalog: dict[str, CatalogEntry]) -> None:
        self.doc = doc
        self.catalog = catalog
        self.tagged = doc.has_annotation("POS")
        self.entity_at: dict[int, Span] = {}
        for span in doc.spans.get("entities", []):
            for i in range(span.start, span.end):
                self.entity_at[i] = span
        # One-word state names of the catalog ("China", "Norway") and their countries.
        self.state_words = {
            e.id: e.country
            for e in catalog.values()
            if e.kind == "state" and e.country and " " not in e.id
        }
        # Country codes of the catalog's states: "US-Unternehmen One Web" is a US company.
        self.state_codes = {e.country for e in catalog.values() if e.kind == "state" and e.country}
        # The catalog's companies by name: "OHB-System" is a company of OHB's country.
        self.companies = {e.id: e.country for e in catalog.values() if e.kind == "company"}
        self.demonym_at = {s.start: s for s in doc.spans.get("demonyms", [])}
        self.demonym_end = {s.end: s for s in doc.spans.get("demonyms", [])}
        # "Paris-based": the state's name before "-based" qualifies as a demonym does.
        for based in doc.spans.get("references", []):
            place = self.entity_at.get(based.start - 1) if based.label_ == "BASED" else None
            entry = catalog.get(place.id_) if place is not None else None
            if entry is not None and entry.kind == "state" and place.end == based.start:
                self.demonym_end[based.end] = place
        self.stop = {
            i
            for family in STOP_FAMILIES
            for s in doc.spans.get(family, [])
            for i in range(s.start, s.end)
            if not (family in GAP_FAMILIES and self._taken_in(s, i))
        }
        self.blocking = {
            i
            for family in ("triggers", "status", "dates")
            for s in doc.spans.get(family, [])
            for i in range(s.start, s.end)
        }
        self.legal = {
            i
            for s in doc.spans.get("organisations", [])
            if s.label_ == "LEGAL_FORM" and s.text != s.text.lower()
            for i in range(s.start, s.end)
        }
        self.cue_tokens = {
            i
            for s in doc.spans.get("organisations", [])
            if s.label_ in ("CUE", "DET_CUE")
            for i in range(s.start, s.end)
        }
        # "européen", "International", "africain": words that make an institution's full
        # name a body of several states
        self.supranational = labels_at(doc, "organisations", "SUPRANATIONAL")

    def _taken_in(self, span: Span, i: int) -> bool:
        """Is token i a capitalised word inside a trigger or status span, not its first: what
        a pattern's gap took in, as the supplier of "a commandé au holding Energomach 20
        RD-180" (a rule's own words inside are lower-case)."""
        return span.start < i and self.doc[i].text[:1].isupper()

    # --- tokens ---------------------------------------------------------------------------

    def name_like(self, i: int) -> bool:
        """Can token i be part of a name: a capitalised word, not a function word, not a word
        another rule family reads. A number ends a name: "Gokturk 3" is a satellite, "X 20
        moteurs" a quantity."""
        token = self.doc[i]
        text = token.text
        if not text or token.is_punct or token.is_space or i in self.stop or i in self.cue_tokens:
            return False
        if self.tagged and token.pos_ in NOT_NAME_POS and not token.is_upper:
            return False
        if not text[0].isupper():
            # "4iG", "3DPlus": a brand that opens with a figure, letters of both cases after it
            # ("5G", "3D" are no names)
            return _FIGURE_BRAND.match(text) is not None
        # "The", "One", "Der": capitalised function words, unless written as an acronym.
        return not (token.is_stop and not (token.is_upper and len(text) > 1))

    def modifier(self, i: int) -> bool:
        """A lowercase word between a cue and its name: "l'opérateur de satellites X"."""
        token = self.doc[i]
        if i in self.stop or i in self.cue_tokens or not token.is_alpha or not token.is_lower:
            return False
        if self.tagged:
            if token.pos_ in ("ADJ", "NOUN"):
                return True
            # "de satellites": a preposition only before a lowercase word
            nxt = self.doc[i + 1] if i + 1 < len(self.doc) else None
            return token.pos_ == "ADP" and nxt is not None and nxt.is_lower and nxt.is_alpha
        return not token.is_stop

    def name_from(self, i: int, limit: int) -> int:
        """The end of the name starting at token i (i itself when none starts there)."""
        doc = self.doc
        if i >= limit:
            return i
        if doc[i].text in QUOTES:
            return quoted_name_end(doc, i, limit, MAX_NAME + 2)
        j = i
        while j < limit and j - i < MAX_NAME:
            joined = j > i and doc[j].text in JOINERS and self._joins(j + 1, limit)
            if not (self.name_like(j) or (j in self.legal and j > i) or joined):
                break
            j += 1
        return j

    def _joins(self, i: int, limit: int | None = None) -> bool:
        """Is token i a word a joiner ("&", "-") can tie to the name?"""
        return (limit is None or i < limit) and i >= 0 and self.name_like(i)

    def name_before(self, end: int, limit: int) -> int:
        """The start of the name that ends at token `end` (`end` itself when none does)."""
        start = end
        while start > limit and end - start < MAX_NAME:
            prev = start - 1
            word = self.name_like(prev) and prev not in self.legal
            joined = self.doc[prev].text in JOINERS and prev - 1 >= limit and self._joins(prev - 1)
            if not (word or joined):
                break
            start = prev
        return start

    def country_of(self, span: Span | None) -> str | None:
        if span is None:
            return None
        entry = self.catalog.get(span.id_)
        return entry.country if entry is not None else None

    def catalog_blocks(self, start: int, end: int) -> tuple[bool, str | None]:
        """Does the catalog own this name (a catalog entry always wins: "Airbus Defence" is
        Airbus), and else the country a state's name in it gives: "China Great Wall
        Industry", "Great Wall China Corporation", "Space Norway" are companies of that state.
        The state is read from the entity rules or, in a name written in English inside
        another language, from the catalog's own (English) state names."""
        spans = list(
            dict.fromkeys(self.entity_at[i] for i in range(start, end) if i in self.entity_at)
        )
        entries = [self.catalog.get(s.id_) for s in spans]
        if any(e is None or e.kind != "state" for e in entries):
            return True, None
        if any(s.start == start and s.end == end for s in spans):
            return True, None  # the name is the state's own
        countries = {e.country for e in entries if e is not None}
        words = [t.text for t in self.doc[start:end]]
        countries |= {c for w in words if (c := self.state_words.get(w)) is not None}
        # One token in a language that keeps compounds whole ("OHB-System AG"): a company of
        # the catalog's, named before the hyphen, gives its country to its subsidiary.
        countries |= {c for w in words if "-" in w and (c := self.companies.get(w.split("-")[0]))}
        return False, (countries.pop() if len(countries) == 1 else None)

    # --- the three ways of introducing a name ---------------------------------------------

    def after_cue(self, cue: Span) -> list[_Found]:
        """ "la société X", "l'opérateur canadien X", "the Canadian operator X", "l'américain X"."""
        sent_end = cue.sent.end
        # "Indian Space Research Organisation chief AS Kiran Kumar": a cue word that ends a
        # name the catalog knows is that name's, and what follows is no organisation
        if cue.label_ == "CUE" and any(i in self.entity_at for i in range(cue.start, cue.end)):
            return []
        if cue.label_ == "DET_CUE":
            # "l'américain SpaceX": the demonym, lowercase (a person is "l'Américain"), then the
            # name, nothing between. Most determiners are followed by no demonym at all.
            demonym = self.demonym_at.get(cue.end)
            if demonym is None or not demonym.text.islower():
                return []
            i = demonym.end
        else:
            i, demonym, skipped = cue.end, None, 0
            while i < sent_end and skipped < MAX_MODIFIERS:
                if i in self.demonym_at:
                    demonym = demonym or self.demonym_at[i]
                    i = self.demonym_at[i].end
                elif self.modifier(i):
                    i += 1
                else:
                    break
                skipped += 1
        end = self.name_from(i, sent_end)
        if end == i or not self._fits_kind(cue.id_, i, end):
            return []
        owned, country = self.catalog_blocks(i, end)
        if owned:
            return []
        demonym = demonym or self._demonym_before(cue)
        own = self.country_of(demonym) or self._code_in_compound(cue)
        found = [_Found(i, end, cue.id_, own or country)]
        joined_by: list[bool] = []  # whether each further name follows a comma
        # "с иранскими компаниями SAHAB и SpaceOmid", "les start-up X et Y": names coordinated
        # after the first are the cue's too
        while len(found) <= MAX_COORDINATED and end + 1 < sent_end and is_connector(self.doc[end]):
            nxt = self.name_from(end + 1, sent_end)
            if nxt == end + 1 or not self._fits_kind(cue.id_, end + 1, nxt):
                break
            owned, country = self.catalog_blocks(end + 1, nxt)
            if owned:
                break
            found.append(_Found(end + 1, nxt, cue.id_, own or country))
            joined_by.append(self.doc[end].text == ",")
            end = nxt
        if joined_by and all(joined_by):
            # "la firma china GWIC, Yin Liming, dijo": a name set off by commas alone is in
            # apposition (its president); a list closes with a conjunction ("X, Y et Z").
            return found[:1]
        return found

    def _code_in_compound(self, cue: Span) -> str | None:
        """The country code a compound cue starts with: "US-Unternehmen", "des US-Konzerns"."""
        head = cue.text.split("-")[0] if "-" in cue.text else ""
        return head if head.isupper() and head in self.state_codes else None

    def _fits_kind(self, kind: str, start: int, end: int) -> bool:
        """After "l'agence spatiale chinoise" comes its acronym or, as often, the name of the
        person speaking for it ("... chinoise Wu Yanhua"): an agency's or organisation's name
        is taken only when written as an acronym or quoted."""
        if kind == "company":
            return True
        tokens = self.doc[start:end]
        return tokens[0].text in QUOTES or any(t.is_upper and len(t) > 1 for t in tokens)

    def _demonym_before(self, cue: Span) -> Span | None:
        """ "the Canadian satellite operator", "российская компания": a demonym just before."""
        i = cue.start
        for _ in range(2):
            if i in self.demonym_end:
                return self.demonym_end[i]
            if i - 1 < cue.sent.start or not self.modifier(i - 1):
                return None
            i -= 1
        return None

    def in_apposition(self, cue: Span) -> list[_Found]:
        """ "Telesat, l'opérateur canadien, ...", "Telesat, a Canadian operator": the name is
        before a comma, the appositive is closed by a comma, a bracket or the sentence's end."""
        doc, sent = self.doc, cue.sent
        demonym = self._demonym_before(cue)
        # Between the comma and the cue: a determiner, then at most two modifiers (a demonym,
        # an adjective, "satellite" in "the Canadian satellite operator"); "X, le patron de la
        # firme" is no apposition to "firme".
        k, modifiers = cue.start - 1, 0
        while k > sent.start and modifiers < 2:
            if k + 1 in self.demonym_end:
                k = self.demonym_end[k + 1].start - 1
            elif self.modifier(k) and not self.doc[k].is_stop:
                k -= 1
            else:
                break
            modifiers += 1
        if k > sent.start and doc[k].is_lower and doc[k].is_stop and len(doc[k]) <= 4:
            k -= 1  # the determiner: "le", "the", "l'"
        if k <= sent.start or doc[k].text != ",":
            return []
        end = k
        start = self.name_before(end, sent.start)
        if start == end or not self._appositive_closed(cue):
            return []
        owned, country = self.catalog_blocks(start, end)
        if owned:
            return []
        after = self._demonym_after(cue)
        own = self.country_of(demonym or after) or self._code_in_compound(cue)
        return [_Found(start, end, cue.id_, own or country)]

    def _appositive_closed(self, cue: Span) -> bool:
        doc, sent = self.doc, cue.sent
        i = cue.end
        for _ in range(MAX_MODIFIERS + 2):
            if i >= sent.end or doc[i].text in (",", ")", ";", "—", "–") or doc[i].is_sent_end:
                return True
            if i in self.demonym_at:
                i = self.demonym_at[i].end
                continue
            token = doc[i]
            if i in self.stop or not (token.is_lower or token.is_punct):
                return False
            i += 1
        return False

    def _demonym_after(self, cue: Span) -> Span | None:
        i = cue.end
        for _ in range(MAX_MODIFIERS):
            if i in self.demonym_at:
                return self.demonym_at[i]
            if i >= cue.sent.end or not self.modifier(i):
                return None
            i += 1
        return None

    def before_legal_form(self, form: Span) -> list[_Found]:
        """ "Prométhée Earth Intelligence SAS", "Telesat, Inc.": the capitalised run before a
        legal form (left out of the name); "China Rocket Company": before a word that ends
        company names (kept in it)."""
        doc, sent = self.doc, form.sent
        end = form.start
        if form.label_ == "LEGAL_FORM" and end - 1 >= sent.start and doc[end - 1].text == ",":
            end -= 1
        start = self.name_before(end, sent.start)
        owned, country = self.catalog_blocks(start, end)
        if start == end or owned:
            return []
        return [_Found(start, form.end, "company", country)]

    def institution(self, head: Span) -> list[_Found]:
        """ "l'Académie des sciences et des technologies du Vietnam (VAST)", "the Korea
        Aerospace Research Institute (KARI)": an institution's full name, capitalised noun
        first or last, then its acronym in brackets. The acronym is its name (as the text
        goes on to use it); a state or demonym in the full name gives its country, a word
        of several states ("européen") makes it an international organisation."""
        doc, sent = self.doc, head.sent
        if not doc[head.start].text[:1].isupper():
            return []
        i = head.end
        while i < sent.end and i - head.end < MAX_FULL_NAME and doc[i].text != "(":
            token = doc[i]
            if (token.is_punct and token.text not in ("-", "'", "’")) or i in self.blocking:
                return []
            i += 1
        if i + 2 >= sent.end or doc[i].text != "(" or not self._acronym(i + 1):
            return []
        close = self._closing(i + 2, sent.end)
        if close is None:
            return []
        start = head.start
        while start > sent.start:
            before = self.demonym_end.get(start)
            if self.name_like(start - 1) or start - 1 in self.entity_at:
                start -= 1
            elif before is not None and before.text[:1].isupper():
                start = before.start  # "the Colombian Air Force (FAC)": part of the name
            else:
                break
        owned, country = self.catalog_blocks(start, i)
        if owned or (i + 1) in self.entity_at:
            return []
        demonyms = {self.country_of(s) for s in self.demonym_at.values() if start <= s.start < i}
        countries = {c for c in demonyms | {country} if c}
        kind = head.id_
        only = countries.pop() if len(countries) == 1 else None
        if only is None and any(start <= j < i for j in self.supranational):
            # "l'Institut européen de politique spatiale (ESPI)": a body of several states,
            # no facility of one
            kind = "organization"
        return [_Found(start, close + 1, kind, only, name=(i + 1, i + 2))]

    def _closing(self, i: int, end: int) -> int | None:
        """Where the brackets around an acronym close: right after it, or after a short gloss
        ("(CLTC, sigla em inglês)", "(CLTC, por sus siglas en inglés)")."""
        if i < end and self.doc[i].text == ")":
            return i
        if i >= end or self.doc[i].text != ",":
            return None
        return next(
            (j for j in range(i + 1, min(i + 1 + MAX_GLOSS, end)) if self.doc[j].text == ")"),
            None,
        )

    def _acronym(self, i: int) -> bool:
        """ "VAST", "EgSA", "Telcor": a short name, capitalised, one word."""
        text = self.doc[i].text
        capitals = sum(c.isupper() for c in text)
        return (
            text[:1].isupper()
            and text.replace("-", "").isalnum()
            and 2 <= len(text) <= 10
            and (capitals >= 2 or (len(text) <= 8 and not self.doc[i].is_stop))
        )

    # --- from findings to names ------------------------------------------------------------

    def _words(self, start: int, end: int) -> tuple[list[str], list[str]]:
        """The words of a name without its legal form ("Telesat Inc." is "Telesat")."""
        tokens = [t for t in self.doc[start:end] if t.i not in self.legal]
        if tokens and tokens[-1].text == ",":
            tokens = tokens[:-1]
        spaces = [t.whitespace_ for t in tokens[:-1]] + [""] if tokens else []
        return [t.text for t in tokens], spaces

    def names(self, found: list[_Found]) -> list[UnknownName]:
        """One catalog-like entry per name for the whole article (its country from the first
        finding that has one, "company" when a legal form says so), and a mention for every
        finding and every later bare occurrence of the name."""
        # A name the catalog spells otherwise ("la société japonaise Ispace" for "ispace") is
        # the catalog's entry: the catalog always wins over a guess.
        known = {e.casefold(): entry for e, entry in self.catalog.items()}
        entries: dict[str, CatalogEntry] = {}
        words_of: dict[str, list[str]] = {}
        spans: dict[tuple[int, int], str] = {}
        for f in sorted(found, key=lambda f: (f.start, -f.end)):
            words, spaces = self._words(*(f.name or (f.start, f.end)))
            name = canonical_name(words, spaces) if words else ""
            key = name.casefold()
            if not name:
                continue
            kind = "company" if any(i in self.legal for i in range(f.start, f.end)) else f.kind
            entry = entries.get(key)
            if key in known:
                if known[key].id == name:
                    continue  # the catalog's own rules find it as it is written
                entries[key] = known[key]
                words_of[key] = words
            elif entry is None:
                entries[key] = CatalogEntry(name, kind, f.country, guessed=True)
                words_of[key] = words
            elif entry.country is None and f.country is not None:
                entries[key] = CatalogEntry(entry.id, entry.kind, f.country, guessed=True)
            if not any(a < f.end and f.start < b for a, b in spans):
                spans[(f.start, f.end)] = key
        spans.update(self._repeats(words_of, spans))
        doc = self.doc
        return [
            UnknownName(entries[key], doc[a:b].text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
            for (a, b), key in sorted(spans.items())
            # An agency is a state's: one whose state the text does not give is more likely a
            # facility ("le Centre spatial guyanais (CSG)") than a signatory.
            if entries[key].kind != "agency" or entries[key].country is not None
        ]

    def _repeats(
        self, words_of: dict[str, list[str]], taken: dict[tuple[int, int], str]
    ) -> dict[tuple[int, int], str]:
        """Later bare mentions of a name already introduced: the same words, case and all."""
        doc = self.doc
        by_first: dict[str, list[tuple[list[str], str]]] = {}
        for key, words in words_of.items():
            # One common word alone ("Space") would be found everywhere.
            if len(words) == 1 and (len(words[0]) < 3 or doc.vocab[words[0]].is_stop):
                continue
            by_first.setdefault(words[0], []).append((words, key))
        if not by_first:
            return {}
        used = {i for a, b in taken for i in range(a, b)}
        found: dict[tuple[int, int], str] = {}
        for token in doc:
            for words, key in by_first.get(token.text, ()):
                end = token.i + len(words)
                if [t.text for t in doc[token.i : end]] != words:
                    continue
                if (
                    any(i in used for i in range(token.i, end))
                    or self.catalog_blocks(token.i, end)[0]
                ):
                    continue
                found[(token.i, end)] = key
                used.update(range(token.i, end))
        return found
