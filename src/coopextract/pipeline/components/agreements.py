"""The `coop_agreements` component: one AgreementMention per instrument trigger and sentence.

It reads the spans the rule components left (entities, demonyms, triggers, status, scope,
dates, references) and writes `doc._.agreement_mentions`. Merging mentions into agreements
and resolving dates happen later, in `coopextract.assembly.assemble`, where the article is known.

What it knows of parties (the catalog, the demonyms' forms) arrives through `initialize`, from
the rule files, and is saved with the pipeline (`catalog.jsonl`, `demonyms.json`).
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
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
from coopextract.pipeline.components.spans import overlaps, text_span
from coopextract.pipeline.knowledge import catalog_from_lines, catalog_lines
from coopextract.pipeline.mentions import AgreementMention
from coopextract.pipeline.packing import register_msgpack
from coopextract.pipeline.parties import (
    PartyMention,
    between_mentions,
    choose_parties,
    demonym_forms,
    enumerated,
    is_adnominal,
    is_locative,
    named_sides,
    party_sides,
    sentence_mentions,
    side_of,
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
        self.catalog = catalog
        self.forms = forms
        self.states = {e.country: e for e in catalog.values() if e.kind == "state" and e.country}

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

    def _named_keys(self, doc: Doc) -> frozenset[str]:
        """The sides the article names anywhere."""
        cache = doc.user_data.setdefault("coop_named_keys", {})
        if "keys" not in cache:
            cache["keys"] = frozenset(
                m.key
                for sent in doc.sents
                for m in sentence_mentions(doc, sent, self.catalog, self.forms)
            )
        return cache["keys"]

    def _group_mentions(self, doc: Doc, sent: Span) -> list[PartyMention]:
        """ "Les agences spatiales des pays BRICS": the members of the group that the article
        names (two at least), as states, or as their agencies after an agency head. A group
        named as a place or a complement ("au sommet des BRICS") stands for no party."""
        out: list[PartyMention] = []
        for span in spans_in(doc, "entities", sent):
            entry = self.catalog.get(span.id_)
            if entry is None or entry.kind != "group":
                continue
            if is_locative(doc, span) or is_adnominal(doc, span):
                continue
            named = self._named_keys(doc)
            members = [self.catalog[m] for m in entry.members if self.catalog[m].country in named]
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
                out.append(self._as_kind(mention, "agency") if heads else mention)
        return out

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
        starts: list[int] = []  # where the previous sentences start, in characters
        for sent in doc.sents:
            parties_here = sentence_mentions(doc, sent, self.catalog, self.forms)
            groups = self._group_mentions(doc, sent)
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
            parties, source = self._trigger_parties(
                doc, sent, trig, segment, kept, parties_here, refs, ref_list, status, recent
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

    def _trigger_parties(
        self,
        doc: Doc,
        sent: Span,
        trig: Span,
        segment: Span,
        kept: list[Span],
        parties_here: list[PartyMention],
        refs: dict[str, Span],
        ref_list: list[Span],
        status: str | None,
        recent: list[list[PartyMention]],
    ) -> tuple[list[PartyMention], str]:
        """The sides of `trig`'s agreement and where they come from: those it stands between,
        else those of its stretch of the sentence, completed from the context if need be."""
        parties = between_mentions(doc, trig, parties_here)
        source = "between"
        if not parties:
            parties, source = self._segment_sides(trig, segment, kept, parties_here), "sentence"
        # An enumeration of signatories names them in passing: the agreement is between
        # the sides named outside it (a lone joiner of a programme: with its lead), and
        # no side is sought in the sentences before.
        listed = enumerated(doc, parties_here) if source == "sentence" else frozenset()
        if listed and self._all_join(doc, sent, refs, parties, listed):
            pass  # "X, Y et Z ont rejoint les accords Artemis": one joining each, later
        elif listed:
            parties = [p for p in parties if p.key not in listed]
            parties, source = self._with_lead(doc, sent, parties, status, source)
            source = "enumeration" if source == "sentence" else source
        elif len(parties) < 2 or self._count(refs) > len(parties):
            # "Les accords de 1996 et 1999 ...", "un autre accord": other agreements of
            # the parties named ("otro satélite" elsewhere in the sentence points at none).
            pointed = bool(several.dated_plural(trig, segment)) or several.is_another(
                ref_list, trig, status is not None
            )
            parties, source = self._from_context(doc, sent, parties, refs, status, recent, pointed)
        return parties, source

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
                mention.parties = [self._as_kind(p, "state") for p in parties]
            if (mention.ordinal or mention.another) and not mention.dates:
                dates_of_count(mention, before)
        if "JOIN" in refs:
            here = [joining for m in here for joining in self._joinings(m)]
        return here

    @staticmethod
    def _segment_sides(
        trig: Span, segment: Span, kept: list[Span], parties_here: list[PartyMention]
    ) -> list[PartyMention]:
        """The sides of one of several agreements of an instrument in a sentence: those
        named before the first of them, which all share ("Arianespace a signé deux contrats
        : un contrat avec X, un contrat avec Y"), and those named after its own trigger in its
        stretch of the sentence; not another one's counterpart. Alone, the sentence's."""
        same = [k for k in kept if k.id_ == trig.id_]
        if len(same) < 2:
            return named_sides(parties_here)
        shared = [p for p in parties_here if p.end_char <= same[0].start_char]
        own = [
            p
            for p in parties_here
            if trig.end_char <= p.start_char < segment.end_char and p not in shared
        ]
        return named_sides(shared + own)

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

    def _joinings(self, mention: AgreementMention) -> list[AgreementMention]:
        """ "Le Rwanda et le Nigeria ont rejoint les accords Artemis": each joins the
        programme's lead on its own (one record per joining), not the other joiners."""
        entries = [self.catalog[s] for s in mention.subjects if s in self.catalog]
        leads = [e.lead for e in entries if e.lead]
        if not leads:
            return [mention]
        lead = self.catalog[leads[0] or ""]
        key = lead.country or lead.id
        joiners = [p for p in mention.parties if p.key != key]
        if len(joiners) < 2:
            return [mention]
        said = [p for p in mention.parties if p.key == key]
        side = (
            said[0]
            if said
            else PartyMention(
                lead, mention.trigger.text, mention.trigger.start, mention.trigger.end, "lead"
            )
        )
        return [
            replace(mention, parties=[joiner, side], rules=[*mention.rules, "parties:joining"])
            for joiner in joiners
        ]

    @staticmethod
    def _count(refs: dict[str, Span]) -> int:
        """How many parties "les trois agences", "un accord tripartite" say there are."""
        several_ref = refs.get("SEVERAL")
        return int(several_ref.id_.rsplit(":", 1)[1]) if several_ref is not None else 0

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

    def _from_context(
        self,
        doc: Doc,
        sent: Span,
        parties: list[PartyMention],
        refs: dict[str, Span],
        status: str | None,
        recent: list[list[PartyMention]],
        pointed: bool = False,
    ) -> tuple[list[PartyMention], str]:
        """Complete a side or two from what the text points at: a programme's lead ("signer
        les accords Artémis"), "les deux pays", or the parties of the previous sentences
        (also when the caller knows the text points at agreements of theirs: `pointed`)."""
        with_lead, source = self._with_lead(doc, sent, parties, status, "sentence")
        if source == "lead":
            return with_lead, source
        pair = refs.get("PAIR") or refs.get("SEVERAL")
        # "le second accord", "un autre accord": one more agreement between the parties named.
        counted = "ORDINAL" in refs or pointed
        if not (status or pair is not None or counted):
            return parties, "sentence"
        window = [m for ms in reversed(recent[-self.context_sentences :]) for m in reversed(ms)]
        kind = pair.id_.split(":")[0] if pair is not None else None
        # "Les deux sociétés": the companies just named, two of one country included.
        companies = kind == "company"
        window = [m for m in window if self._is_kind(m, kind)]
        if pair is None and not counted and len(parties) == 1:
            # "X a signé l'accord": the other side is the previous sentences' only other one;
            # where they name several, the text does not say which (a guess made extra
            # records: "le Brésil avait déjà signé le même accord" after a list of signatories).
            # A company is a side of its own against another company of its country
            # ("Arianespace … un contrat avec Eutelsat"), never against that country.
            lone = parties[0]
            if lone.entry.kind == "company":
                companies = True
                window = [m for m in window if not (m.entry.kind == "state" and m.key == lone.key)]
            others = {side_of(m, companies) for m in window} - {side_of(lone, companies)}
            if len(others) != 1:
                return parties, "context"
        # "les deux pays": two; "les trois agences", "un accord tripartite": as many as said.
        size = max(self._count(refs), 2)
        found = choose_parties(parties + window, split=companies)[:size]
        source = "pair" if pair is not None else "context"
        # The article's main pair stands in only where the text points at a pair ("les deux
        # pays", "le second accord"), never for a lone signing verb.
        if len(found) < 2 and (pair is not None or counted):
            dominant = [m for m in self._dominant_pair(doc) if self._is_kind(m, kind)]
            found = choose_parties(found + dominant, split=companies)[:size]
        if kind in ("agency", "state"):
            found = [self._as_kind(p, kind) for p in found]
        return found, source

    def _all_join(
        self,
        doc: Doc,
        sent: Span,
        refs: dict[str, Span],
        parties: list[PartyMention],
        listed: frozenset[str],
    ) -> bool:
        """Is the list itself the news, the joiners of a programme with a lead ("le Rwanda,
        le Nigeria et l'Angola ont rejoint les accords Artemis")? Then each joins on its
        own; a list beside another joiner ("après le Brésil, la Colombie et le Mexique,
        l'Argentine a rejoint ...") only recalls who joined before."""
        if "JOIN" not in refs or any(p.key not in listed for p in parties):
            return False
        return any(
            self.catalog[s.id_].lead
            for s in spans_in(doc, "entities", sent)
            if s.id_ in self.catalog
        )

    def _with_lead(
        self,
        doc: Doc,
        sent: Span,
        parties: list[PartyMention],
        status: str | None,
        source: str,
    ) -> tuple[list[PartyMention], str]:
        """ "Signer les accords Artémis": a lone side signs with the programme's lead."""
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
        return parties, source

    @staticmethod
    def _is_kind(mention: PartyMention, kind: str | None) -> bool:
        """Can "les deux pays" (states: a country), "les trois agences" (anything but a
        company: the ESA is an agency) or "les deux sociétés" (companies) stand for this
        party?"""
        if kind == "state":
            return mention.entry.country is not None
        if kind == "agency":
            return mention.entry.kind != "company"
        if kind == "company":
            return mention.entry.kind == "company"
        return True

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
