"""Writing the mentions of one trigger's agreements: their dates, periods, subjects and scope,
and one mention per part, date or counterpart where the trigger speaks of several ("deux
accords : l'un sur X, l'autre sur Y", "les accords de 1996 et 1999"). Read by
`coop_agreements`, which decides which triggers, parties and cues a mention has.
"""

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from coopextract.pipeline.components import several, several_dates
from coopextract.pipeline.components.article_parties import PartyKnowledge, main_company
from coopextract.pipeline.components.cues import Cue, latest_cue
from coopextract.pipeline.components.date_ranking import dates_in, rank_dates, verbless_date
from coopextract.pipeline.components.spans import overlaps, text_span
from coopextract.pipeline.mentions import AgreementMention, TextSpan
from coopextract.pipeline.parties import (
    PartyMention,
    companies_apart,
    labels_at,
    party_sides,
    side_of,
    spans_in,
)
from coopextract.pipeline.subjects import subjects_in
from coopextract.rule_files import CatalogEntry


@dataclass(frozen=True)
class MentionWriter:
    """What writing a mention needs of the finder: what it knows of parties (the catalog
    gives the scope of missions and programmes) and how far in the parse a date may be from
    its trigger or cue."""

    known: PartyKnowledge
    max_date_hops: int

    @property
    def catalog(self) -> dict[str, CatalogEntry]:
        return self.known.catalog

    def agreements_of(
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
            summary = self.mention(doc, sent, trig, parties, source, cues, refs, head)
            summary.counted = True
            out = [summary]
            before = [p for p in parties if p.end_char <= trig.start_char]
            own_sides = 0
            for i, marker in enumerate(markers):
                end = markers[i + 1].start if i + 1 < len(markers) else segment.end
                stretch = doc[marker.start : end]
                # "trois contrats : le premier avec Eutelsat, le deuxième avec ...": each part
                # with the side named before the count and the counterpart named in the part.
                inside = [
                    p for p in parties if stretch.start_char <= p.start_char < stretch.end_char
                ]
                own = before + inside if before and inside else parties
                own_sides += own is not parties
                part = self.mention(doc, sent, trig, own, source, cues, refs, stretch)
                part.ordinal = marker.id_
                part.dates = part.dates or summary.dates
                part.dates_ranked = part.dates_ranked or summary.dates_ranked
                out.append(part)
            # Each part with its own counterpart: the count is theirs, no agreement of its own.
            return out[1:] if own_sides == len(markers) else out
        same = [k for k in kept if k.id_ == trig.id_]
        mention = self.mention(doc, sent, trig, parties, source, cues, refs, segment, siblings=same)
        mention.counted = several.is_counted(doc, refs, trig)
        chain = several_dates.dated_plural(trig, segment)
        # "... prolongés par ceux de 2003 et de 2005": a pronoun standing for more of them.
        stand_ins = several_dates.stand_in_dates(trig, segment)
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
            one = self.mention(doc, sent, trig, parties, source, cues, refs, segment)
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
        if not before and len(counterparts) >= 2 and _counterparts_after(refs, trig, after):
            # "Des accords ont été signés avec la Chine et Israël": counterparts of a side
            # the sentence does not name, not parties to one agreement among themselves.
            # Companies' counterpart is the company the article is about ("Deux contrats
            # avaient été signés, avec Thales Alenia Space et Arianespace" on Arsat's satellite).
            main = main_company(self.known, doc)
            if (
                main is None
                or main.key in counterparts
                or any(p.entry.kind != "company" for p in after)
            ):
                return []
            before = [main]
        if not after and len(party_sides(before)) >= 2 and _counterparts_open(doc, refs, before):
            # "Avec le Rwanda et le Nigéria, les accords comptent 23 signataires": the same,
            # told before the trigger.
            return []
        # Companies of one country are sides of their own where no state or agency of it is
        # named: "Arianespace a signé des contrats avec Eutelsat et SKY Perfect JSAT".
        apart = companies_apart(mention.parties)

        def side(party: PartyMention) -> str:
            return side_of(party, party.key in apart)

        mine, counterparts = {side(p) for p in before}, {side(p) for p in after}
        if len(mine) != 1 or len(counterparts) < 2 or mine & counterparts:
            return [mention]
        out = []
        for one_side in sorted(
            counterparts, key=lambda k: min(p.start_char for p in after if side(p) == k)
        ):
            parties = before + [p for p in after if side(p) == one_side]
            one = self.mention(doc, sent, trig, parties, mention.party_source, cues, refs, segment)
            one.counted, one.split = True, True
            out.append(one)
        return out

    def part_mention(
        self,
        doc: Doc,
        sent: Span,
        part: Span,
        counted: AgreementMention,
        cues: list[Cue],
        counterparts: list[PartyMention] | None = None,
    ) -> AgreementMention:
        """ "Le second porte sur ...": one more of the agreements `counted` counts; with
        `counterparts` ("Le premier, avec Eutelsat, ..."), the count's side with them."""
        parties = counted.parties + (counterparts or [])
        mention = self.mention(
            doc, sent, part, parties, "context", cues, [], sent, counted.instrument
        )
        mention.ordinal = part.id_
        mention.named = counted.named
        mention.governmental = counted.governmental
        mention.rules[0] = f"references:ORDINAL:{part.id_}"
        if not mention.dates:
            mention.dates, mention.dates_ranked = counted.dates, counted.dates_ranked
        return mention

    def mention(
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
        since = labels_at(doc, "references", "SINCE")
        dates = [
            s
            for s in dates_in(doc, sent if siblings else part)
            # "négocient depuis 2020", "seit 2012 eine Zusammenarbeit": when a state began,
            # never when an agreement was made or is to be
            if s.start not in since and (not siblings or several.nearest(s, siblings) == trig)
        ]
        dating = _signing_not_ratifying(cues, refs)
        if _only_applied(cues) and not several.is_new(refs, trig):
            # Only what is done under it ("Under this agreement, satellite will be launched
            # in June 2018"): its dates are those deeds', not worth ranking. A new one is
            # news: "will launch 10 rockets under a new contract …, officials said Saturday".
            dates = []
        else:
            dates = rank_dates(doc, trig, dating, dates, instrument is not None, self.max_date_hops)
        named = several_dates.named_year(trig, part, refs)
        if named is not None:  # "l'accord de 2015": its year first
            dates = [named, *(d for d in dates if d != named)]
        subject_spans, scope = self._subjects_and_scope(doc, part)
        rules = [f"triggers:{trig.label_}:{trig.id_}", f"parties:{source}"]
        by_kind = self._mission_by_kind(doc, part, scope) if not subject_spans else None
        if by_kind is not None:
            rules.append("subjects:mission-by-kind")
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
            date_cue=_date_cue(dating, cue, status, trig),
            dates=[text_span(s) for s in dates],
            dates_ranked=doc.has_annotation("DEP"),
            continuation=verbless_date(doc, sent),
            periods=[text_span(s) for s in periods],
            scope=scope,
            subjects=[by_kind] if by_kind else list(dict.fromkeys(s.id_ for s in subject_spans)),
            own_subjects=list(
                dict.fromkeys(s.id_ for s in subject_spans if several.governed_by(trig, s))
            ),
            subject_spans=[text_span(s) for s in subject_spans],
            ordinal=several.ordinal_of(refs, trig),
            rules=rules,
            fresh=several.is_fresh(refs, trig),
            another=another,
            new=several.is_new(refs, trig),
            renewal=any(r.label_ == "RENEWAL" for r in refs),
            ratified=any(r.label_ == "RATIFICATION" for r in refs),
            applied=cue is not None and cue.label_ == "APPLIED",
            present=cue is not None and cue.label_ == "PRESENT",
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

    def _mission_by_kind(self, doc: Doc, part: Span, scope: list[str]) -> str | None:
        """ "Un accord pour une future mission lunaire" in an article that names one lunar
        mission, Chang'e 6, elsewhere: the mission the stretch speaks of by its kind alone (a
        cue noun with no name) is the article's one catalog mission of the stretch's fields."""
        cues = spans_in(doc, "missions", part)
        unnamed = any(c.label_ == "BEFORE_NAME" and c.id_ == "mission" for c in cues)
        if not unnamed or not scope:
            return None
        fields = set(scope)
        found = {
            s.id_
            for s in doc.spans.get("entities", [])
            if s.id_ in self.catalog
            and self.catalog[s.id_].kind == "mission"
            and fields & set(self.catalog[s.id_].scope)
        }
        return found.pop() if len(found) == 1 else None


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


def _only_applied(cues: list[Cue]) -> bool:
    """Are the sentence's only cues about what is done under the agreement?"""
    return bool(cues) and all(cue.label_ == "APPLIED" for cue, _ in cues)


def _signing_not_ratifying(cues: list[Cue], refs: list[Span]) -> list[Cue]:
    """The cues that can date the agreement. A ratification follows the signing by months
    (GUIDELINES §2 dates the signature): where the sentence tells both ("a Duma ratificou
    nesta terça-feira um acordo …, assinado em 25 de novembro de 2022"), the ratifying
    cue dates the ratification only."""
    ratifying = [r for r in refs if r.label_ == "RATIFICATION"]
    signing = [c for c, status in cues if status == "signed" and not overlaps(c, ratifying)]
    if not ratifying or not signing:
        return cues
    return [(c, status) for c, status in cues if not overlaps(c, ratifying)]


def _date_cue(cues: list[Cue], cue: Span | None, status: str | None, trig: Span) -> TextSpan | None:
    """The cue a date is read near without a parse, among the cues that can date the
    agreement. An agreement in force, or ratified, is dated by its signature (GUIDELINES
    §2): where the sentence tells both ("signed in 2014, entered into force in 2015"), by
    the signing cue nearest the trigger; otherwise by its status cue."""
    ratified = cue is not None and all(c != cue for c, _ in cues)
    signed = [c for c, st in cues if st == "signed"] if status == "in_force" or ratified else []
    if signed:
        cue = min(signed, key=lambda c: abs(c.start - trig.start))
    return text_span(cue) if cue is not None else None


def members_of_count(mentions: list[AgreementMention]) -> list[AgreementMention]:
    """ "Quatre accords ont été signés mardi : un accord sur X, un mémorandum sur Y, ... et
    un accord sur Z": a count whose sentence then introduces its members afresh is those
    members, each an agreement of its own, signed when the count says; not one more."""
    count = next((m for m in mentions if m.counted and m.ordinal is None and not m.lone), None)
    if count is None:
        return mentions
    members = [m for m in mentions if m.fresh and m.trigger.start > count.trigger.end]
    if len(members) < 2:
        return mentions
    for member in members:
        member.split = True
        if not member.dates:
            member.dates, member.dates_ranked = count.dates, count.dates_ranked
    return [m for m in mentions if m is not count]


def mark_split(mentions: list[AgreementMention]) -> None:
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


def _counterparts_open(doc: Doc, refs: list[Span], parties: list[PartyMention]) -> bool:
    """Does a partner's preposition ("avec", "with") stand right before the first party, an
    article between ("Avec le Rwanda et le Nigéria, …")?"""
    return several.partner_before(doc, refs, min(parties, key=lambda p: p.start_char)) is not None


def _counterparts_after(refs: list[Span], trig: Span, after: list[PartyMention]) -> bool:
    """Does a partner's preposition ("avec", "with") open the parties after the trigger?"""
    first = min(p.start_char for p in after)
    return any(s.label_ == "COUNTERPART" and trig.end_char <= s.start_char <= first for s in refs)
