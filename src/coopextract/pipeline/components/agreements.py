"""The `coop_agreements` component: one AgreementMention per instrument trigger and sentence.

It reads the spans the rule components left (entities, demonyms, triggers, status, scope,
dates, references) and writes `doc._.agreement_mentions`. Merging mentions into agreements
and resolving dates happen later, in `coopextract.assembly.assemble`, where the article is known.

What it knows of parties (the catalog, the demonyms' forms) arrives through `initialize`, from
the rule files, and is saved with the pipeline (`catalog.jsonl`, `demonyms.json`).

This module walks the sentences and decides what each says; which instrument triggers are
no agreement of the sentence's own (`instrument_triggers`), a sentence pointing back at an
agreement told before (`follow_ups`), the sides of a trigger's agreement (`sides`, with the
article's own parties in `article_parties`), one agreement per joiner (`joinings`), its dates
(`date_ranking`) and the writing of its mentions (`mention_writing`) have modules of their own.
"""

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from coopextract.pipeline.components import follow_ups, several
from coopextract.pipeline.components.article_parties import PartyKnowledge, as_kind, group_mentions
from coopextract.pipeline.components.clauses import dated_clauses
from coopextract.pipeline.components.cues import cues_about, latest_cue, status_cues
from coopextract.pipeline.components.date_ranking import dates_in, dates_of_count, take_dates
from coopextract.pipeline.components.instrument_triggers import (
    named_after_a_place,
    named_in_passing,
    names_a_subject,
    provided_by,
    said_of_another,
)
from coopextract.pipeline.components.joinings import each_with, joinings
from coopextract.pipeline.components.lone_counts import (
    counterparts_of,
    latest_count,
    lone_count,
    without_lone_counts,
)
from coopextract.pipeline.components.mention_writing import (
    MentionWriter,
    mark_split,
    members_of_count,
)
from coopextract.pipeline.components.sides import trigger_parties
from coopextract.pipeline.components.spans import overlaps
from coopextract.pipeline.components.taking_rules import TakesRules
from coopextract.pipeline.knowledge import catalog_from_lines, catalog_lines
from coopextract.pipeline.mentions import AgreementMention
from coopextract.pipeline.packing import register_msgpack
from coopextract.pipeline.parties import (
    PartyMention,
    party_sides,
    spans_in,
)
from coopextract.pipeline.party_mentions import demonym_forms, sentence_mentions
from coopextract.rule_files import CatalogEntry, RuleSet

if not Doc.has_extension("agreement_mentions"):
    Doc.set_extension("agreement_mentions", default=None)
# The article's dates with their clauses' tenses, for the reference of an undated article.
if not Doc.has_extension("dated_clauses"):
    Doc.set_extension("dated_clauses", default=None)
register_msgpack()  # so that a Doc with these can be packed (Doc.to_bytes, n_process)


class AgreementFinder(TakesRules):
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
        self.writer = MentionWriter(self.known, self.max_date_hops)

    @property
    def catalog(self) -> dict[str, CatalogEntry]:
        return self.known.catalog

    @property
    def forms(self) -> dict[str, str]:
        """The demonyms' forms."""
        return self.known.forms

    def take_rules(self, rule_set: RuleSet) -> None:
        """The catalog and the demonyms, from the rules (see TakesRules)."""
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
        doc._.agreement_mentions = without_lone_counts(self.find(doc))
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
        # "the space agencies of Brazil, Russia, …" names the sides it speaks of: no pair to
        # resolve from the text around it
        genitive = {r.start for r in ref_list if r.label_ == "GENITIVE"}
        ref_list = [r for r in ref_list if not (r.label_ == "PAIR" and r.end in genitive)]
        cues = status_cues(doc, sent)
        entities = spans_in(doc, "entities", sent)
        triggers_here = spans_in(doc, "triggers", sent)
        # A vague instrument ("formaliser leur participation") only where none is named.
        instruments = [t for t in triggers_here if t.label_ == "INSTRUMENT"] or [
            t for t in triggers_here if t.label_ == "VAGUE"
        ]
        instruments += several.elided_instruments(doc, ref_list, instruments, sent)
        treaties = [
            t
            for t in instruments
            if named_after_a_place(doc, t, ref_list, entities)
            or named_in_passing(doc, t, ref_list, instruments)
        ]
        if treaties:  # nor is "l'Accord de Paris" the agreement just mentioned
            ref_list = [
                r for r in ref_list if not (r.label_ == "ANAPHOR" and overlaps(r, treaties))
            ]
            # "signed an agreement in accordance with the Outer Space Treaty": conforming to
            # a treaty named in passing says nothing of the agreement's own status
            cues = [c for c in cues if not overlaps(c[0], treaties)]
        refs = {s.label_: s for s in ref_list}
        # An instrument word inside a name ("Agence des accords …") is none, unless a cue
        # reports it; a pattern's gap may take a name in ("a sélectionné IAI pour fournir").
        triggers = [
            t for t in instruments if t not in treaties and (cues or not overlaps(t[:1], entities))
        ]
        triggers = [
            t
            for t in triggers
            if not provided_by(doc, t, triggers) and not said_of_another(doc, t, triggers)
        ]
        recent_found = [m for m in found[-6:] if m.sentence.start >= context_start]
        if not triggers:
            part = several.leading_part(ref_list, sent)
            counted = next((m for m in reversed(recent_found) if m.counted or m.ordinal), None)
            # A count's parts may run on for paragraphs, each one ranked: not windowed.
            lone = latest_count(found)
            if part is not None and lone is not None:
                # "Le premier, avec Eutelsat, porte sur ...": the count's side with the
                # counterpart this part names.
                theirs = counterparts_of(lone, parties_here)
                return (
                    [self.writer.part_mention(doc, sent, part, lone, cues, theirs)]
                    if theirs
                    else []
                )
            if part is not None and counted is not None:
                # "Deux accords ont été signés. Le second porte sur ...": one of those counted;
                # "L'un porte sur X, l'autre sur Y": one for each part.
                return [
                    self.writer.part_mention(doc, sent, one, counted, cues)
                    for one in several.later_parts(ref_list, part, sent)
                ]
        applied = [s for s in spans_in(doc, "status", sent) if s.label_ == "APPLIED"]
        # "L'accord, qui s'inscrit dans le cadre de l'accord-cadre signé en 2014": more on
        # the agreement just told, and the framework it is made under, an agreement of its own.
        frameworks = [t for t in triggers[1:] if several.is_framework(t, applied)]
        follow_up = follow_ups.follow_up(
            self.writer,
            doc,
            sent,
            [t for t in triggers if t not in frameworks],
            parties_here,
            refs,
            ref_list,
            # "dans le cadre de l'accord-cadre" speaks of the framework, not of this one
            cues_about(cues, triggers[0], triggers) if frameworks else cues,
            found,
            frameworks,
        )
        if follow_up is None and not triggers and "ANAPHOR" in refs:
            return follow_ups.document_signed(
                self.writer, doc, sent, parties_here, refs, ref_list, cues
            )
        mentions: list[AgreementMention] = []
        if follow_up is not None:
            if not frameworks:
                return [follow_up]
            mentions.append(follow_up)
            triggers = frameworks
        kept = several.separate_triggers(doc, ref_list, triggers, applied)
        for trig, segment in several.segments(sent, kept):
            own_cues = cues_about(cues, trig, triggers)
            status = latest_cue(own_cues)[0]
            count = lone_count(found, trig, ref_list)
            theirs = counterparts_of(count, parties_here) if count is not None else []
            if count is not None and theirs:
                # "Le deuxième contrat a été signé avec SKY Perfect JSAT": one of a count
                # whose one side the sentence before named.
                parties, source = count.parties + theirs, "context"
            else:
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
                if len(party_sides(parties)) == 1 and several.is_counted(doc, ref_list, trig):
                    lone = self.writer.mention(
                        doc, sent, trig, parties, source, own_cues, ref_list, segment
                    )
                    lone.counted = lone.lone = True
                    mentions.append(lone)
                continue
            here = self.writer.agreements_of(
                doc, sent, trig, segment, parties, source, own_cues, ref_list, kept
            )
            if count is not None and theirs:
                for mention in here:  # signed when the count says, unless it says otherwise
                    if not mention.dates:
                        take_dates(mention, count)
            if mentions and several.stands_for_one(ref_list, trig):
                for mention in here:  # "signed on Tuesday an agreement on X and another on Y"
                    if not mention.dates:
                        take_dates(mention, mentions[-1])
            if (trig is not kept[0] or mentions) and several.is_framework(trig, applied):
                for mention in here:
                    mention.framework = True
                    mention.rules.append("triggers:framework")
            if several.proper_name(doc, trig):
                for mention in here:  # "… le bilan de l'Accord de coopération entre A et B"
                    mention.proper_name = True
                    mention.rules.append("triggers:proper-name")
            # A count's ranked parts may run on for paragraphs: they look back past the window.
            counts = found if any(m.ordinal for m in here) else recent_found
            mentions.extend(self._completed(here, parties, parties_here, refs, counts + mentions))
        mentions = members_of_count(mentions)
        mark_split(mentions)
        return mentions

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
        if "DISTRIBUTIVE" in refs:  # "X et Y ont décroché chacun un accord avec Z"
            here = [one for m in here for one in each_with(refs["DISTRIBUTIVE"], m)]
        return [
            joining
            for m in here
            # "ont rejoint les accords Artemis"; "ont signé les accords d'Artémis": the
            # instrument signed is the framework itself, so signing it is joining it.
            for joining in (
                joinings(self.known, m) if "JOIN" in refs or names_a_subject(m) else [m]
            )
        ]


@Language.factory(
    "coop_agreements",
    default_config={"context_sentences": 2, "max_date_hops": 3},
)
def make_agreement_finder(
    nlp: Language, name: str, context_sentences: int, max_date_hops: int
) -> "AgreementFinder":
    return AgreementFinder(nlp, name, context_sentences, max_date_hops)
