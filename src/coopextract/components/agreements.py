"""The `coop_agreements` component: one AgreementMention per instrument trigger and sentence.

It reads the spans the rule components left (entities, demonyms, triggers, status, scope,
dates, references) and writes `doc._.agreement_mentions`. Merging mentions into agreements
and resolving dates happen later, in `coopextract.assemble`, where the article is known.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from coopextract.mentions import PENDING, AgreementMention, TextSpan, later_status
from coopextract.parties import (
    PartyMention,
    between_mentions,
    choose_parties,
    demonym_forms,
    named_sides,
    party_sides,
    sentence_mentions,
    spans_in,
)
from coopextract.rules import CatalogEntry, RuleSet

if not Doc.has_extension("agreement_mentions"):
    Doc.set_extension("agreement_mentions", default=None)


def _text_span(span: Span) -> TextSpan:
    return TextSpan(span.text, span.start_char, span.end_char)


def _is_definite(span: Span) -> bool:
    """Does a determiner point back to something already named ("l'accord", "ce document")?"""
    if span.start == 0:
        return False
    det = span.doc[span.start - 1]
    return "Def" in det.morph.get("Definite") or "Dem" in det.morph.get("PronType")


def _is_demonstrative(span: Span) -> bool:
    """ "Ce nouvel accord", "cet accord": always the agreement already named."""
    for token in reversed(span.doc[max(span.start - 2, 0) : span.start]):
        if "Dem" in token.morph.get("PronType"):
            return True
    return False


def _status(doc: Doc, sent: Span) -> tuple[str | None, Span | None]:
    best: tuple[str | None, Span | None] = (None, None)
    for cue in spans_in(doc, "status", sent):
        status = later_status(best[0], cue.id_)
        if status != best[0]:
            best = (status, cue)
    return best


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


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


class AgreementFinder:
    """Finds agreement mentions sentence by sentence, keeping party context across sentences."""

    def __init__(
        self, name: str, language: str, context_sentences: int, max_date_hops: int
    ) -> None:
        self.name = name
        self.language = language
        self.context_sentences = context_sentences
        self.max_date_hops = max_date_hops
        self.catalog: dict[str, CatalogEntry] = {}
        self.forms: dict[str, str] = {}
        self.states: dict[str, CatalogEntry] = {}

    def initialize_rules(self, rule_set: RuleSet) -> None:
        self.catalog = rule_set.catalog
        self.forms = demonym_forms(rule_set.patterns.get("demonyms", []))
        self.states = {
            e.country: e for e in self.catalog.values() if e.kind == "state" and e.country
        }

    def __call__(self, doc: Doc) -> Doc:
        doc._.agreement_mentions = self.find(doc)
        return doc

    def _dominant_pair(self, doc: Doc) -> list[PartyMention]:
        """The two sides the article talks about most, for sentences that name nobody."""
        cache = doc.user_data.setdefault("coop_dominant_pair", {})
        if "pair" in cache:
            return cache["pair"]
        every = [
            m for sent in doc.sents for m in sentence_mentions(doc, sent, self.catalog, self.forms)
        ]
        counts = Counter(m.key for m in every if m.entry.country)
        top = [key for key, n in counts.most_common(2) if n >= 1]
        cache["pair"] = choose_parties(m for m in every if m.key in top) if len(top) == 2 else []
        return cache["pair"]

    def _as_kind(self, mention: PartyMention, kind: str) -> PartyMention:
        """ "Les deux agences" after naming two states: their agencies; "les deux pays" after
        naming two agencies: their states."""
        entry = mention.entry
        if kind == "agency" and entry.kind == "state":
            entry = self.catalog.get(entry.agency or "", entry)
        elif kind == "state" and entry.kind == "agency" and entry.country:
            entry = self.states.get(entry.country, entry)
        return PartyMention(entry, mention.text, mention.start_char, mention.end_char, mention.how)

    def find(self, doc: Doc) -> list[AgreementMention]:
        found: list[AgreementMention] = []
        recent: list[list[PartyMention]] = []  # party mentions of the previous sentences
        for sent in doc.sents:
            parties_here = sentence_mentions(doc, sent, self.catalog, self.forms)
            found.extend(self._sentence(doc, sent, parties_here, recent, found))
            recent.append(parties_here)
        return found

    def _sentence(
        self,
        doc: Doc,
        sent: Span,
        parties_here: list[PartyMention],
        recent: list[list[PartyMention]],
        found: list[AgreementMention],
    ) -> list[AgreementMention]:
        refs = {s.label_: s for s in spans_in(doc, "references", sent)}
        status, cue = _status(doc, sent)
        entities = spans_in(doc, "entities", sent)
        triggers = [
            t
            for t in spans_in(doc, "triggers", sent)
            if t.label_ == "INSTRUMENT" and (status or not _overlaps(t, entities))
        ]
        named = named_sides(parties_here)
        # "Ce nouvel accord renforce...", "Le document est entré en vigueur": more about the
        # agreement just mentioned, not a new one.
        antecedent_keys = found[-1].party_keys if found else frozenset()
        if found and (
            (triggers and all(_is_demonstrative(t) for t in triggers))
            or (
                len(named) < 2
                and "PAIR" not in refs
                and triggers
                and all(_is_definite(t) for t in triggers)
            )
            or (not triggers and "ANAPHOR" in refs and {p.key for p in named} <= antecedent_keys)
        ):
            anchor = triggers[0] if triggers else refs["ANAPHOR"]
            antecedent = found[-1]
            follow_up = self._mention(
                doc,
                sent,
                anchor,
                antecedent.parties,
                "anaphor",
                status,
                cue,
                refs,
                instrument=antecedent.instrument,
            )
            follow_up.follows = len(found) - 1
            follow_up.named = [p for p in parties_here if p.key in antecedent_keys]
            return [follow_up]
        kept: dict[str, Span] = {}
        for trig in triggers:
            if trig.id_ not in kept and not (kept and _is_definite(trig)):
                kept[trig.id_] = trig
        mentions = []
        for trig in kept.values():
            parties = between_mentions(doc, trig, parties_here)
            source = "between"
            if not parties:
                parties, source = named, "sentence"
            if len(parties) < 2:
                parties, source = self._from_context(doc, sent, parties, refs, status, recent)
            if len(party_sides(parties)) < 2:
                continue
            mention = self._mention(doc, sent, trig, parties, source, status, cue, refs)
            mention.named = parties_here
            if "GOVERNMENTAL" in refs:
                mention.governmental = True
                mention.parties = [self._as_kind(p, "state") for p in parties]
            mentions.append(mention)
        return mentions

    def _from_context(
        self,
        doc: Doc,
        sent: Span,
        parties: list[PartyMention],
        refs: dict[str, Span],
        status: str | None,
        recent: list[list[PartyMention]],
    ) -> tuple[list[PartyMention], str]:
        """Complete a side or two from what the text points at: a programme's lead ("signer
        les accords Artémis"), "les deux pays", or the parties of the previous sentences."""
        subjects = [
            self.catalog[s.id_]
            for s in spans_in(doc, "entities", sent)
            if s.id_ in self.catalog and self.catalog[s.id_].lead
        ]
        if len(parties) == 1 and subjects and status:
            lead = self.catalog[subjects[0].lead or ""]
            mention = PartyMention(
                lead, subjects[0].id, parties[0].start_char, parties[0].end_char, "lead"
            )
            if mention.key != parties[0].key:
                return [*parties, mention], "lead"
        pair = refs.get("PAIR")
        if not (status or pair is not None or "ORDINAL" in refs):
            return parties, "sentence"
        window = [m for ms in reversed(recent[-self.context_sentences :]) for m in reversed(ms)]
        if pair is not None and pair.id_ in ("state", "agency"):
            window = [m for m in window if m.entry.country]
        # "Les deux sociétés": the companies just named, two of one country included.
        companies = pair is not None and pair.id_ == "company"
        if companies:
            window = [m for m in window if m.entry.kind == "company"]
        if pair is None and "ORDINAL" not in refs and len(parties) == 1:
            # "X a signé l'accord": the other side is the previous sentences' only other one;
            # where they name several, the text does not say which (a guess made extra
            # records: "le Brésil avait déjà signé le même accord" after a list of signatories).
            others = {m.key for m in window if m.key != parties[0].key}
            if len(others) != 1:
                return parties, "context"
        found = choose_parties(parties + window, split=companies)[:2]
        source = "pair" if pair is not None else "context"
        # The article's main pair stands in only where the text points at a pair ("les deux
        # pays", "le second accord"), never for a lone signing verb.
        if len(found) < 2 and (pair is not None or "ORDINAL" in refs):
            dominant = self._dominant_pair(doc)
            if pair is not None and pair.id_ in ("state", "agency"):
                dominant = [m for m in dominant if m.entry.country]
            if companies:
                dominant = [m for m in dominant if m.entry.kind == "company"]
            found = choose_parties(found + dominant, split=companies)[:2]
        if pair is not None and pair.id_ in ("agency", "state"):
            found = [self._as_kind(p, pair.id_) for p in found]
        return found, source

    def _verbless_date(self, doc: Doc, sent: Span) -> TextSpan | None:
        """A date standing alone after the sentence ("... en Russie. Du 14 au 16 juin 2023.")
        completes it."""
        following = doc[sent.end].sent if sent.end < len(doc) else None
        if following is None or any(t.pos_ in ("VERB", "AUX") for t in following):
            return None
        dates = [s for s in spans_in(doc, "dates", following) if s.label_ == "DATE"]
        return _text_span(dates[0]) if dates and len(following) <= len(dates[0]) + 3 else None

    def _rank_dates(
        self, doc: Doc, sent: Span, trig: Span, dates: list[Span], follow_up: bool
    ) -> list[Span]:
        """The dates that can be this agreement's, closest first.

        A date belongs to the agreement when the parse attaches it near the trigger or a
        status cue, not inside some other clause ("une sonde lancée en 2024"). An expected
        signature is said right with its cue and after it ("devrait être signé en 2022"); a
        date before it dates the announcement.
        """
        cues = spans_in(doc, "status", sent)
        pending = [c for c in cues if c.id_ in PENDING]
        if pending and later_status(None, *[c.id_ for c in cues]) in PENDING:
            dates = [d for d in dates if d.start >= pending[0].start]
        if not doc.has_annotation("DEP"):
            return dates
        limits = [(trig.root, self.max_date_hops)]
        for cue in cues:
            limit = self.max_date_hops - 1 if cue.id_ in PENDING else self.max_date_hops + 2
            limits.append((cue.root, limit))
        if follow_up:
            limits = [(token, 1) for token, _ in limits]
        hops = {}
        for date in dates:
            slack = [limit - tree_distance(date.root, token) for token, limit in limits]
            if max(slack) >= 0:
                hops[date.start] = -max(slack)
        return sorted((d for d in dates if d.start in hops), key=lambda d: hops[d.start])

    def _mention(
        self,
        doc: Doc,
        sent: Span,
        trig: Span,
        parties: list[PartyMention],
        source: str,
        status: str | None,
        cue: Span | None,
        refs: dict[str, Span],
        instrument: str | None = None,
    ) -> AgreementMention:
        entities = spans_in(doc, "entities", sent)
        periods = [s for s in spans_in(doc, "dates", sent) if s.label_ == "PERIOD"]
        # "la mission Mars 2020" is a name, not a date.
        dates = [
            s
            for s in spans_in(doc, "dates", sent)
            if s.label_ == "DATE" and not _overlaps(s, periods + entities)
        ]
        dates = self._rank_dates(doc, sent, trig, dates, follow_up=instrument is not None)
        subject_spans = [
            s
            for s in spans_in(doc, "entities", sent)
            if s.id_ in self.catalog and self.catalog[s.id_].kind in ("mission", "programme")
        ]
        subjects = [self.catalog[s.id_] for s in subject_spans]
        scope = [s.id_ for s in spans_in(doc, "scope", sent)]
        scope += [label for entry in subjects for label in entry.scope]
        ordinal = refs.get("ORDINAL")
        rules = [f"triggers:{trig.label_}:{trig.id_}", f"parties:{source}"]
        if cue is not None:
            rules.append(f"status:{cue.label_}:{cue.id_}")
        return AgreementMention(
            instrument=instrument or trig.id_,
            trigger=_text_span(trig),
            sentence=_text_span(sent),
            parties=parties,
            party_source=source,
            status=status,
            status_cue=_text_span(cue) if cue is not None else None,
            dates=[_text_span(s) for s in dates],
            dates_ranked=doc.has_annotation("DEP"),
            continuation=self._verbless_date(doc, sent),
            periods=[_text_span(s) for s in periods],
            scope=list(dict.fromkeys(scope)),
            subjects=list(dict.fromkeys(e.id for e in subjects)),
            subject_spans=[_text_span(s) for s in subject_spans],
            ordinal=ordinal.text.lower()
            if ordinal is not None
            and ordinal.end <= trig.start + 1
            and ordinal.start >= trig.start - 2
            else None,
            rules=rules,
        )


@Language.factory(
    "coop_agreements",
    default_config={"language": "fr", "context_sentences": 2, "max_date_hops": 3},
)
def make_agreement_finder(
    nlp: Language, name: str, language: str, context_sentences: int, max_date_hops: int
) -> AgreementFinder:
    return AgreementFinder(name, language, context_sentences, max_date_hops)
