"""Subjects the catalog does not know: missions, satellites and programmes the text names.

News names a mission it does not expect the reader to know by what it is: a cue noun and the
name, "la mission Chang'e 7", "le satellite « SVOM »", "der Satellit Sentinel-6", "зонд
«Луна-25»", or in English the name first, "the Gaganyaan mission". The cues are data
(`rules/<lang>/missions.jsonl`); this module reads the shape of the name around them: a run
of capitalised words, words with digits and the parts glued to them ("Chang'e", "-6"), or a
quoted phrase. The canonical name is the name as written, quotes stripped.

A catalog entry always wins: a name that starts on an entity the rules found is that entity
(a catalog mission keeps its canonical name and scope; a state or agency is no mission).
The scope such a subject gives is the scope keywords around it, nothing of its own. Once
introduced, a distinctive name's later bare mentions in the article are the same subject.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from coopextract.pipeline.organisations import (
    NOT_NAME_POS,
    QUOTES,
    canonical_name,
    quoted_name_end,
)

MAX_NAME = 5
MAX_MODIFIERS = 2
# Words other families read never start a name: a date ("la mission en mars 2024"), an
# instrument, a status cue, a nationality, a scope keyword ("the Moon mission").
STOP_FAMILIES = ("triggers", "status", "dates", "demonyms", "scope", "references")
# Inside a name, glued to the word before: "Sentinel-6", "Chang'e", "Tandem-L".
GLUE = frozenset({"-", "'", "’"})
LABELS = {"mission": "MISSION", "programme": "PROGRAMME"}


def unknown_subjects(doc: Doc) -> list[Span]:
    """Every mention of a subject the catalog does not know, in text order; each span's
    `id_` is the canonical name. Found once per Doc and kept in `user_data`."""
    # Every sentence asks: found for each, a long article would cost the square of its length.
    cache = doc.user_data.setdefault("coop_unknown_subjects", {})
    if "spans" not in cache:
        cache["spans"] = _Reader(doc).find()
    return cache["spans"]


def subjects_in(doc: Doc, part: Span) -> list[Span]:
    return [s for s in unknown_subjects(doc) if part.start <= s.start and s.end <= part.end]


class _Reader:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tagged = doc.has_annotation("POS")
        self.entity_at = {i for s in doc.spans.get("entities", []) for i in range(s.start, s.end)}
        self.stop = {
            i
            for family in STOP_FAMILIES
            for s in doc.spans.get(family, [])
            for i in range(s.start, s.end)
        }
        cues = doc.spans.get("missions", [])
        # A NAME span is itself the name, not a cue around one.
        self.cues = {i for s in cues if s.label_ != "NAME" for i in range(s.start, s.end)}
        self.stop |= {i for s in cues if s.label_ == "NOT_NAME" for i in range(s.start, s.end)}
        self.modifiers = {
            i
            for family in ("demonyms", "scope")
            for s in doc.spans.get(family, [])
            if s.text.islower()
            for i in range(s.start, s.end)
        }

    def modifier(self, i: int) -> bool:
        """A lowercase nationality, scope word or (where tagged) adjective between cue and
        name: "la sonde chinoise Tianwen-3", "the Indian Gaganyaan mission"."""
        token = self.doc[i]
        if i in self.modifiers:
            return True
        return self.tagged and token.pos_ == "ADJ" and token.is_lower and i not in self.stop

    def word(self, i: int, first: bool) -> bool:
        """Can token i be part of a name? The first word is capitalised (or an acronym) and
        no word another family reads; later ones may also be numbers ("Chang'e 7", "II")."""
        token = self.doc[i]
        text = token.text
        if token.is_punct or token.is_space or i in self.cues or i in self.entity_at:
            return False
        if i in self.stop:
            return False
        if not first and any(c.isdigit() for c in text) and len(text) <= 4:
            return True
        if not text[:1].isupper():
            return False
        if self.tagged and token.pos_ in NOT_NAME_POS and not token.is_upper:
            return False
        return not (token.is_stop and not (token.is_upper and len(text) > 1))

    def glued(self, i: int, end: int) -> bool:
        """Is token i tied to the name ending before it: "-6" after "Sentinel", "'e" after
        "Chang", or a hyphen or apostrophe between two of its words with no space?"""
        doc = self.doc
        if i >= len(doc) or doc[end - 1].whitespace_ or i in self.stop or i in self.entity_at:
            return False
        text = doc[i].text
        if text in GLUE:
            nxt = i + 1
            return nxt < len(doc) and not doc[i].whitespace_ and doc[nxt].text[:1].isalnum()
        return text[:1].isalnum() or (text[:1] in GLUE and text[1:2].isalnum())

    def name_from(self, i: int, limit: int) -> int:
        doc = self.doc
        if i >= limit:
            return i
        if doc[i].text in QUOTES:
            end = quoted_name_end(doc, i, limit, MAX_NAME + 1)
            # a quoted name holding an entity the rules found is that entity's, not a mission
            owned = any(j in self.entity_at for j in range(i + 1, end - 1))
            return i if owned else end
        if not self.word(i, first=True):
            return i
        j = i + 1
        while j < limit and j - i < MAX_NAME:
            if self.glued(j, j):
                j += 2 if doc[j].text in GLUE else 1
            elif self.word(j, first=False):
                j += 1
            else:
                break
        return min(j, limit)

    def name_before(self, end: int, limit: int) -> int:
        """The start of the capitalised run that ends at `end` ("the Gaganyaan mission")."""
        start = end
        while start > limit and end - start < MAX_NAME:
            prev = start - 1
            tied = start < end and not self.doc[prev].whitespace_
            part = self.word(prev, first=False) or self.doc[prev].text in GLUE
            if not (self.word(prev, first=True) or (tied and part)):
                break
            start = prev
        while start < end and not self.word(start, first=True):
            start += 1
        return start

    def find(self) -> list[Span]:
        doc = self.doc
        found: list[Span] = []
        for cue in sorted(doc.spans.get("missions", []), key=lambda s: s.start):
            sent = cue.sent
            if cue.label_ == "NAME":
                # The word is the name ("Angosat-1"), unless a rule reads it as something else.
                taken = self.stop | self.entity_at
                if not any(i in taken for i in range(cue.start, cue.end)):
                    found.append(self._span(cue.start, cue.end, cue.id_))
                continue
            if cue.label_ == "NOT_NAME" or self._inside_name(cue):
                continue
            if cue.label_ == "BEFORE_NAME":
                i, skipped = cue.end, 0
                while i < sent.end and self.modifier(i) and skipped < MAX_MODIFIERS:
                    i, skipped = i + 1, skipped + 1
                start, end = i, self.name_from(i, sent.end)
            else:
                # A title-case headline ("China Signs Lunar Mission Deal") names nothing.
                if not cue.text.islower():
                    continue
                end = cue.start
                while end > sent.start and self.modifier(end - 1):
                    end -= 1
                start = self.name_before(end, sent.start)
            if start < end:
                found.append(self._span(start, end, cue.id_))
        return self._with_repeats(found)

    def _inside_name(self, cue: Span) -> bool:
        """A capitalised cue after a capitalised word is part of a name ("National
        Meteorological Satellite Center"), not a cue (German capitalises every noun, but after
        its determiner: "die Mission X")."""
        if cue.start == cue.sent.start or cue.text.islower():
            return False
        before = self.doc[cue.start - 1]
        return before.text[:1].isupper() and not before.is_stop

    def _span(self, start: int, end: int, kind: str) -> Span:
        tokens = list(self.doc[start:end])
        words = [t.text for t in tokens]
        spaces = [t.whitespace_ for t in tokens[:-1]] + [""]
        # "... le satellite SAOCOM 1B.": a blank tokenizer leaves the full stop on the word.
        name = canonical_name(words, spaces).rstrip(".")
        return Span(self.doc, start, end, label=LABELS[kind], span_id=name)

    def _with_repeats(self, found: list[Span]) -> list[Span]:
        """Later bare mentions of a distinctive name (several words, a digit, an acronym):
        "le satellite SVOM ... l'accord sur SVOM"."""
        doc = self.doc
        spans: dict[int, Span] = {}
        for span in found:
            if not any(s.start < span.end and span.start < s.end for s in spans.values()):
                spans[span.start] = span
        distinct: dict[tuple[str, ...], Span] = {}
        for span in spans.values():
            marks = {*QUOTES, *QUOTES.values()}
            words = tuple(t.text for t in span if t.text not in marks)
            one = words[0] if len(words) == 1 else ""
            if len(words) > 1 or any(c.isdigit() for c in one) or (one.isupper() and len(one) > 2):
                distinct.setdefault(words, span)
        used = {i for s in spans.values() for i in range(s.start, s.end)}
        for words, span in distinct.items():
            for token in doc:
                end = token.i + len(words)
                if token.i in used or tuple(t.text for t in doc[token.i : end]) != words:
                    continue
                if any(i in used or i in self.entity_at for i in range(token.i, end)):
                    continue
                spans[token.i] = Span(doc, token.i, end, label=span.label_, span_id=span.id_)
                used.update(range(token.i, end))
        return [spans[k] for k in sorted(spans)]
