"""The `coop_agreements` component: one AgreementMention per instrument trigger and sentence.

It reads the spans the rule components left (entities, demonyms, triggers, status, scope,
dates, references) and writes `doc._.agreement_mentions`. Merging mentions into agreements
and resolving dates happen later, in `coopextract.assembly.assemble`, where the article is known.

What it knows of parties (the catalog, the demonyms' forms) arrives through `initialize`, from
the rule files, and is saved with the pipeline (`catalog.jsonl`, `demonyms.json`).
"""

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from coopextract.pipeline.components import several
from coopextract.pipeline.components.clauses import dated_clauses
from coopextract.pipeline.components.cues import Cue, cues_about, latest_cue, status_cues
from coopextract.pipeline.components.date_ranking import (
    dates_in,
    dates_of_count,
    rank_dates,
    verbless_date,
)
from coopextract.pipeline.components.sides import (
    PartyKnowledge,
    as_kind,
    group_mentions,
    joinings,
    trigger_parties,
)
from coopextract.pipeline.components.spans import overlaps, text_span
from coopextract.pipeline.knowledge import catalog_from_lines, catalog_lines
from coopextract.pipeline.mentions import AgreementMention
from coopextract.pipeline.packing import register_msgpack
from coopextract.pipeline.parties import (
    PartyMention,
    demonym_forms,
    named_sides,
    party_sides,
    sentence_mentions,
    spans_in,
)
from coopextract.pipeline.subjects import subjects_in
from coopextract.rule_files import CatalogEntry, RuleSet, load_rules

if not Doc.has_extension("agreement_mentions"):
    Doc.set_extension("agreement_mentions", default=None)
# The article's dates with their clauses' tenses, for the reference of an undated article.
if not Doc.has_extension("dated_clauses"):
    Doc.set_extension("dated_clauses", default=None)
register_msgpack()  # so that a Doc with these can be packed (Doc.to_bytes, n_process)


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


class AgreementFinder:
    """Finds agreement mentions sentence by sentence, keeping party context across sentences."""

    def __init__(
        self, nlp: Language, name: str, context_sentences: int, max_date_hops: int
    ) -> None:
        self.name = name
        self.lang = nlp.lang
        self.context_sentences = context_sentences
        self.max_date_hops = max_date_hops
        self._know({}, {})

    def _know(self, catalog: dict[str, CatalogEntry], forms: dict[str, str]) -> None:
        self.known = PartyKnowledge(catalog, forms, self.context_sentences)

    @property
    def catalog(self) -> dict[str, CatalogEntry]:
        return self.known.catalog

    @property
    def forms(self) -> dict[str, str]:
        """The demonyms' forms."""
        return self.known.forms

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Language | None = None,
        rules: RuleSet | None = None,
        rules_dir: Path | None = None,
    ) -> None:
        """Take the catalog and the demonyms from `rules`, or else from the rule files of the
        pipeline's language under `rules_dir` (None: the rules shipped with coopextract)."""
        rule_set = rules if rules is not None else load_rules(rules_dir, self.lang)
        self._know(rule_set.catalog, demonym_forms(rule_set.patterns.get("demonyms", [])))

    # Saved with the pipeline: `spacy.load` of it needs no rules folder.

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"catalog": catalog_lines(self.catalog), "demonyms": self.forms})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "AgreementFinder":
        known = srsly.msgpack_loads(data)
        self._know(catalog_from_lines(known["catalog"]), known["demonyms"])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        serializers = {
            "catalog.jsonl": lambda p: srsly.write_jsonl(p, catalog_lines(self.catalog)),
            "demonyms.json": lambda p: srsly.write_json(p, self.forms),
        }
        util.to_disk(path, serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "AgreementFinder":
        known: dict[str, Any] = {"catalog": catalog_lines(self.catalog), "demonyms": self.forms}
        deserializers = {
            "catalog.jsonl": lambda p: known.update(catalog=list(srsly.read_jsonl(p))),
            "demonyms.json": lambda p: known.update(demonyms=srsly.read_json(p)),
        }
        util.from_disk(path, deserializers, exclude)
        self._know(catalog_from_lines(known["catalog"]), known["demonyms"])
        return self

    def __call__(self, doc: Doc) -> Doc:
        doc._.agreement_mentions = self.find(doc)
        doc._.dated_clauses = dated_clauses(doc, dates_in(doc, doc[:]))
        # The helpers' memory for this Doc (`coop_*` keys: indexes of Spans) goes with the
        # call: msgpack cannot pack a Span, and spaCy packs user_data (Doc.to_bytes,
        # nlp.pipe with n_process).
        for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("coop_")]:
            del doc.user_data[key]
        return doc

    def find(self, doc: Doc) -> list[AgreementMention]:
        found: list[AgreementMention] = []
        recent: list[list[PartyMention]] = []  # party mentions of the previous sentences
        starts: list[int] = []  # where the previous sentences start, in characters
        for sent in doc.sents:
            parties_here = sentence_mentions(doc, sent, self.catalog, self.forms)
            groups = group_mentions(self.known, doc, sent)
            if groups:
                parties_here = sorted(parties_here + groups, key=lambda m: m.start_char)
            window = starts[-self.context_sentences :] or [sent.start_char]
            found.extend(self._sentence(doc, sent, parties_here, recent, found, window[0]))
            recent.append(parties_here)
            starts.append(sent.start_char)
        return found

    def _sentence(
        self,
        doc: Doc,
        sent: Span,
        parties_here: list[PartyMention],
        recent: list[list[PartyMention]],
        found: list[AgreementMention],
        context_start: int,
    ) -> list[AgreementMention]:
        """The agreement mentions of one sentence: one more of those counted before, more
        about the one just mentioned, or those of its instrument triggers."""
        ref_list = spans_in(doc, "references", sent)
        refs = {s.label_: s for s in ref_list}
        cues = status_cues(doc, sent)
        entities = spans_in(doc, "entities", sent)
        triggers = [
            t
            for t in spans_in(doc, "triggers", sent)
            if t.label_ == "INSTRUMENT" and (cues or not overlaps(t, entities))
        ]
        recent_found = [m for m in found[-6:] if m.sentence.start >= context_start]
        if not triggers:
            part = several.leading_part(ref_list, sent)
            counted = next((m for m in reversed(recent_found) if m.counted or m.ordinal), None)
            if part is not None and counted is not None:
                # "Deux accords ont été signés. Le second porte sur ...": one of those counted.
                return [self._part_mention(doc, sent, part, counted, cues)]
        follow_up = self._follow_up(doc, sent, triggers, parties_here, refs, ref_list, cues, found)
        if follow_up is not None:
            return [follow_up]
        kept = several.separate_triggers(doc, ref_list, triggers)
        mentions: list[AgreementMention] = []
        for trig, segment in several.segments(sent, kept):
            own_cues = cues_about(cues, trig, triggers)
            status = latest_cue(own_cues)[0]
            parties, source = trigger_parties(
                self.known,
                doc,
                sent,
                trig,
                segment,
                kept,
                parties_here,
                refs,
                ref_list,
                status,
                recent,
            )
            if len(party_sides(parties)) < 2:
                continue
            here = self._agreements_of(
                doc, sent, trig, segment, parties, source, own_cues, ref_list, kept
            )
            mentions.extend(
                self._completed(here, parties, parties_here, refs, recent_found + mentions)
            )
        _mark_split(mentions)
        return mentions

    def _follow_up(
        self,
        doc: Doc,
        sent: Span,
        triggers: list[Span],
        parties_here: list[PartyMention],
        refs: dict[str, Span],
        ref_list: list[Span],
        cues: list[Cue],
        found: list[AgreementMention],
    ) -> AgreementMention | None:
        """ "Ce nouvel accord renforce...", "Le document est entré en vigueur": more about the
        agreement just mentioned, not a new one. "Le second accord", "un autre accord" are not.
        """
        if not found:
            return None
        antecedent = found[-1]
        status = latest_cue(cues)[0]  # the sentence's, for what is not one trigger's
        distinct = any(
            several.ordinal_of(ref_list, t)
            or several.is_another(ref_list, t, status is not None)
            or several.dated_plural(t, sent)
            for t in triggers
        )
        named = named_sides(parties_here)
        points_back = (
            (triggers and all(_is_demonstrative(t) for t in triggers))
            or (
                len(named) < 2
                and "PAIR" not in refs
                and triggers
                and all(_is_definite(t) for t in triggers)
            )
            or (
                not triggers
                and "ANAPHOR" in refs
                and {p.key for p in named} <= antecedent.party_keys
            )
        )
        if distinct or not points_back:
            return None
        anchor = triggers[0] if triggers else refs["ANAPHOR"]
        follow_up = self._mention(
            doc,
            sent,
            anchor,
            antecedent.parties,
            "anaphor",
            cues_about(cues, anchor, triggers),
            ref_list,
            instrument=antecedent.instrument,
        )
        follow_up.follows = len(found) - 1
        follow_up.named = [p for p in parties_here if p.key in antecedent.party_keys]
        return follow_up

    def _completed(
        self,
        here: list[AgreementMention],
        parties: list[PartyMention],
        parties_here: list[PartyMention],
        refs: dict[str, Span],
        before: list[AgreementMention],
    ) -> list[AgreementMention]:
        """One trigger's mentions with what the sentence adds: the sides it names, states for
        a governmental agreement, the dates of a count said `before`, one joining per joiner."""
        for mention in here:
            mention.named = parties_here
            if "GOVERNMENTAL" in refs:
                mention.governmental = True
                mention.parties = [as_kind(self.known, p, "state") for p in parties]
            if (mention.ordinal or mention.another) and not mention.dates:
                dates_of_count(mention, before)
        if "JOIN" in refs:
            here = [joining for m in here for joining in joinings(self.known, m)]
        return here

    def _agreements_of(
        self,
        doc: Doc,
        sent: Span,
        trig: Span,
        segment: Span,
        parties: list[PartyMention],
        source: str,
        cues: list[Cue],
        refs: list[Span],
        kept: list[Span],
    ) -> list[AgreementMention]:
        """The agreements one trigger speaks of: usually one; one per part after a count
        ("deux accords : l'un sur X, l'autre sur Y"); one per date of a plural ("les accords
        de 1996 et 1999")."""
        markers = (
            several.parts(refs, trig, segment, kept) if several.is_counted(doc, refs, trig) else []
        )
        if markers:
            head = doc[segment.start : markers[0].start]
            summary = self._mention(doc, sent, trig, parties, source, cues, refs, head)
            summary.counted = True
            out = [summary]
            for i, marker in enumerate(markers):
                end = markers[i + 1].start if i + 1 < len(markers) else segment.end
                part = self._mention(
                    doc, sent, trig, parties, source, cues, refs, doc[marker.start : end]
                )
                part.ordinal = marker.id_
                part.dates = part.dates or summary.dates
                part.dates_ranked = part.dates_ranked or summary.dates_ranked
                out.append(part)
            return out
        same = [k for k in kept if k.id_ == trig.id_]
        mention = self._mention(
            doc, sent, trig, parties, source, cues, refs, segment, siblings=same
        )
        mention.counted = several.is_counted(doc, refs, trig)
        chain = several.dated_plural(trig, segment)
        # "... prolongés par ceux de 2003 et de 2005": a pronoun standing for more of them.
        stand_ins = several.stand_in_dates(trig, segment)
        if not chain and not stand_ins:
            if mention.counted:
                return self._one_per_counterpart(doc, sent, trig, mention, cues, refs, segment)
            return [mention]
        out = []
        if not chain:
            # The trigger's own agreement, told apart from those the pronoun stands for.
            taken = {(d.start_char, d.end_char) for d in stand_ins}
            mention.dates = [d for d in mention.dates if (d.start, d.end) not in taken]
            mention.split = True
            out.append(mention)
        for date in [*chain, *stand_ins]:
            one = self._mention(doc, sent, trig, parties, source, cues, refs, segment)
            one.dates, one.dates_ranked, one.split = [text_span(date)], True, True
            out.append(one)
        return out

    def _one_per_counterpart(
        self,
        doc: Doc,
        sent: Span,
        trig: Span,
        mention: AgreementMention,
        cues: list[Cue],
        refs: list[Span],
        segment: Span,
    ) -> list[AgreementMention]:
        """ "OneWeb a signé des contrats avec SpaceX ou l'ISRO": a plural between one side
        named before it and several after it is one agreement with each of those, not one
        among all of them (a singular "un accord avec X et Y" is)."""
        before = [p for p in mention.parties if p.end_char <= trig.start_char]
        after = [p for p in mention.parties if p.start_char >= trig.end_char]
        counterparts = party_sides(after)
        if (
            len(party_sides(before)) != 1
            or len(counterparts) < 2
            or party_sides(before) & counterparts
        ):
            return [mention]
        out = []
        for side in sorted(
            counterparts, key=lambda k: min(p.start_char for p in after if p.key == k)
        ):
            parties = before + [p for p in after if p.key == side]
            one = self._mention(doc, sent, trig, parties, mention.party_source, cues, refs, segment)
            one.counted, one.split = True, True
            out.append(one)
        return out

    def _part_mention(
        self,
        doc: Doc,
        sent: Span,
        part: Span,
        counted: AgreementMention,
        cues: list[Cue],
    ) -> AgreementMention:
        """ "Le second porte sur ...": one more of the agreements `counted` counts."""
        mention = self._mention(
            doc, sent, part, counted.parties, "context", cues, [], sent, counted.instrument
        )
        mention.ordinal = part.id_
        mention.named = counted.named
        mention.governmental = counted.governmental
        mention.rules[0] = f"references:ORDINAL:{part.id_}"
        if not mention.dates:
            mention.dates, mention.dates_ranked = counted.dates, counted.dates_ranked
        return mention

    def _mention(
        self,
        doc: Doc,
        sent: Span,
        trig: Span,
        parties: list[PartyMention],
        source: str,
        cues: list[Cue],
        refs: list[Span],
        segment: Span | None = None,
        instrument: str | None = None,
        siblings: list[Span] | None = None,
    ) -> AgreementMention:
        """The mention of `trig`'s agreement; its periods, subjects and scope are read in
        `segment`, the stretch of the sentence about it (the whole sentence by default), its
        dates in the sentence, those nearer to no other of its `siblings` (the triggers of
        the other agreements of its instrument the sentence names)."""
        status, cue = latest_cue(cues, trig)
        part = segment if segment is not None else sent
        periods = [s for s in spans_in(doc, "dates", part) if s.label_ == "PERIOD"]
        # "la mission Mars 2020" is a name, not a date.
        dates = [
            s
            for s in dates_in(doc, sent if siblings else part)
            if not siblings or several.nearest(s, siblings) == trig
        ]
        dates = rank_dates(doc, trig, cues, dates, instrument is not None, self.max_date_hops)
        subject_spans, scope = self._subjects_and_scope(doc, part)
        rules = [f"triggers:{trig.label_}:{trig.id_}", f"parties:{source}"]
        if cue is not None:
            rules.append(f"status:{cue.label_}:{status}")
        another = several.is_another(refs, trig, status is not None)
        if another:
            rules.append("references:ANOTHER")
        return AgreementMention(
            instrument=instrument or trig.id_,
            trigger=text_span(trig),
            sentence=text_span(sent),
            parties=parties,
            party_source=source,
            status=status,
            status_cue=text_span(cue) if cue is not None else None,
            dates=[text_span(s) for s in dates],
            dates_ranked=doc.has_annotation("DEP"),
            continuation=verbless_date(doc, sent),
            periods=[text_span(s) for s in periods],
            scope=scope,
            subjects=list(dict.fromkeys(s.id_ for s in subject_spans)),
            own_subjects=list(
                dict.fromkeys(s.id_ for s in subject_spans if several.governed_by(trig, s))
            ),
            subject_spans=[text_span(s) for s in subject_spans],
            ordinal=several.ordinal_of(refs, trig),
            rules=rules,
            fresh=several.is_fresh(refs, trig),
            another=another,
            anaphoric=several.named_before(refs, trig),
        )

    def _subjects_and_scope(self, doc: Doc, part: Span) -> tuple[list[Span], list[str]]:
        """The missions and programmes a stretch names, in text order, and its scope: the
        fields it names and those of the catalog's missions and programmes among them."""
        known = [
            s
            for s in spans_in(doc, "entities", part)
            if s.id_ in self.catalog and self.catalog[s.id_].kind in ("mission", "programme")
        ]
        # Missions the text names that the catalog does not know ("la mission Chang'e 7");
        # they bring no scope of their own.
        subject_spans = sorted(
            known + [s for s in subjects_in(doc, part) if not overlaps(s, known)],
            key=lambda s: s.start,
        )
        scope = [s.id_ for s in spans_in(doc, "scope", part)]
        scope += [label for s in known for label in self.catalog[s.id_].scope]
        return subject_spans, list(dict.fromkeys(scope))


def _distinct(a: AgreementMention, b: AgreementMention) -> bool:
    """Does the text tell these two apart: other dates, other named subjects, other fields?"""
    if a.dates and b.dates and a.dates[0].text.lower() != b.dates[0].text.lower():
        return True
    if a.subjects and b.subjects and not set(a.subjects) & set(b.subjects):
        return True
    # "un contrat avec Intelsat, un contrat avec SES": two counterparts of one country.
    if {p.entry.id for p in a.parties} != {p.entry.id for p in b.parties}:
        return True
    return bool(a.scope and b.scope and not set(a.scope) & set(b.scope))


def _mark_split(mentions: list[AgreementMention]) -> None:
    """Agreements of one instrument between the same parties in one sentence ("un accord sur
    X en 2014, un accord sur Y en 2016") stay apart when the text tells them apart; when it
    does not ("un accord, un accord historique"), they merge as any two mentions would."""
    groups: dict[tuple[str, frozenset[str]], list[AgreementMention]] = {}
    for mention in mentions:
        groups.setdefault((mention.instrument, mention.party_keys), []).append(mention)
    for group in groups.values():
        plain = [m for m in group if m.ordinal is None]
        if any(_distinct(a, b) for i, a in enumerate(plain) for b in plain[i + 1 :]):
            for mention in plain:
                mention.split = True


@Language.factory(
    "coop_agreements",
    default_config={"context_sentences": 2, "max_date_hops": 3},
)
def make_agreement_finder(
    nlp: Language, name: str, context_sentences: int, max_date_hops: int
) -> "AgreementFinder":
    return AgreementFinder(nlp, name, context_sentences, max_date_hops)
