"""Turning merged drafts into validated `Agreement` records for one article."""

from __future__ import annotations

import hashlib

from coopextract.assembly.drafts import AgreementDraft
from coopextract.models import Agreement, EventDate, Evidence, Mark, Party
from coopextract.pipeline.mentions import AgreementMention, TextSpan
from coopextract.pipeline.parties import PartyMention, choose_parties, side_of
from coopextract.reading.articles import Article

# How much a party found one way is worth: named with the trigger beats guessed from context.
PARTY_SOURCE_CONFIDENCE = {
    "between": 0.9,
    "sentence": 0.8,
    "enumeration": 0.7,
    "pair": 0.65,
    "context": 0.5,
}


def _confidence(draft: AgreementDraft) -> float:
    best = max(PARTY_SOURCE_CONFIDENCE.get(m.party_source, 0.5) for m in draft.mentions)
    if any(m.status is not None for m in draft.mentions):
        best += 0.05
    best += 0.03 * (len(draft.mentions) - 1)
    return round(min(best, 0.99), 2)


def _parties(draft: AgreementDraft) -> list[Party]:
    """One party per side, chosen over every merged mention ("Moscou ... avec l'agence spatiale
    chinoise": the agency), with every surface form used for that side.

    Never the same party twice: two sides may choose one party (two mentions of one country
    in a split pair, "la CNSA et l'EgSA ... l'Égypte"), and it is listed once, where it comes
    first, with the surface forms of both.
    """
    governments = draft.first.governmental
    pool = [p for m in draft.mentions for p in (*m.parties, *m.named)]
    # Two parties of one country ("Arianespace et le CNES"): their companies are sides apart.
    split = len({p.key for p in draft.first.parties}) < len(draft.first.parties)
    chosen: dict[tuple[str, str | None], tuple[PartyMention, list[str]]] = {}
    for side in dict.fromkeys(side_of(p, split) for p in draft.first.parties):
        mentions = [p for p in pool if side_of(p, split) == side]
        party = choose_parties(mentions, governments, split, draft.instrument == "contract")[0]
        _, surfaces = chosen.setdefault((party.entry.id, party.entry.country), (party, []))
        surfaces.extend(p.text for p in mentions)
    return [
        Party(
            name=party.entry.id,
            kind=party.entry.kind,
            country=party.entry.country,
            mentions=list(dict.fromkeys(surfaces)),
            in_catalog=not party.entry.guessed,
        )
        for party, surfaces in chosen.values()
    ]


def _trimmed(sentence: TextSpan, offset: int) -> tuple[int, int]:
    """The sentence's offsets in the article without the spaces spaCy keeps at its edges.

    Trimmed on the analysed text, not the article's: there a masked boilerplate line after
    the sentence is spaces too, and must not be quoted as evidence.
    """
    text = sentence.text
    start = sentence.start + offset + len(text) - len(text.lstrip())
    end = sentence.end + offset - (len(text) - len(text.rstrip()))
    return start, max(start, end)


def _marks(
    text: str, mention: AgreementMention, start: int, end: int, offset: int, draft: AgreementDraft
) -> list[Mark]:
    """The rule findings inside one evidence sentence, in text order, without overlaps."""
    found: list[tuple[str, int, int]] = [("trigger", mention.trigger.start, mention.trigger.end)]
    if mention.status_cue is not None:
        found.append(("status", mention.status_cue.start, mention.status_cue.end))
    found += [("party", p.start_char, p.end_char) for p in (*mention.parties, *mention.named)]
    if draft.date is not None:
        found.append(("date", draft.date[1].start, draft.date[1].end))
    found += [("period", p.start, p.end) for p in mention.periods]
    found += [("subject", s.start, s.end) for s in mention.subject_spans]
    marks: list[Mark] = []
    for label, a, b in sorted(found, key=lambda f: (f[1] + offset, -(f[2] - f[1]))):
        a, b = a + offset, b + offset
        if start <= a < b <= end and all(b <= m.start or a >= m.end for m in marks):
            marks.append(Mark(label=label, text=text[a:b], start=a, end=b))  # type: ignore[arg-type]
    return marks


def agreement_key(article: Article, draft: AgreementDraft, sentence: str) -> str:
    """What identifies an agreement in its article: the article (path and item), the sides
    of its parties, its instrument, and its first evidence sentence, whitespace normalised.

    Neither the article's hash nor any offset is part of it, so an edit of the article that
    leaves the sentence alone (a typo fixed elsewhere, a line added above) keeps the key,
    and the reviewers' decisions keep their record; an edit of the sentence changes it.
    """
    return "\x1f".join(
        [
            article.path,
            article.item or "",
            ",".join(sorted(draft.party_keys)),
            draft.instrument,
            " ".join(sentence.split()),
        ]
    )


def record_id(key: str, occurrence: int = 0) -> str:
    """The id of the `occurrence`-th agreement (from 0, in the order the article names them)
    with this key: several agreements of one sentence between the same sides ("les accords
    de 1996 et de 1999") share a key."""
    identity = key if occurrence == 0 else f"{key}\x1f{occurrence}"
    return "agr-" + hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


def build_records(article: Article, drafts: list[AgreementDraft], offset: int) -> list[Agreement]:
    """Records for an article whose analysed text starts at `offset` in `article.text`.

    Evidence quotes `article.text`, the text as read, not the masked text the pipeline saw.
    """
    ref = article.ref()
    records = []
    seen_keys: dict[str, int] = {}  # how many records of each key so far
    for draft in drafts:
        parties = _parties(draft)
        if len(parties) < 2:
            continue  # its sides were one party after all: no agreement between two
        evidence: list[Evidence] = []
        quoted: set[int] = set()  # starts of the sentences already quoted, one per sentence
        for mention in draft.mentions:
            start, end = _trimmed(mention.sentence, offset)
            if start not in quoted:
                quoted.add(start)
                marks = _marks(article.text, mention, start, end, offset, draft)
                evidence.append(
                    Evidence(text=article.text[start:end], start=start, end=end, marks=marks)
                )
        date = None
        if draft.date is not None:
            value, span = draft.date
            date = EventDate(value=value.value, precision=value.precision, text=span.text)
        subjects = list(dict.fromkeys(s for m in draft.mentions for s in m.subjects))
        scope = list(dict.fromkeys(s for m in draft.mentions for s in m.scope))
        # Outside space only when nothing in the evidence speaks of space.
        space = scope != ["non_space"]
        if space:
            scope = [s for s in scope if s != "non_space"]
        rules = list(dict.fromkeys(r for m in draft.mentions for r in m.rules)) + draft.rules
        key = agreement_key(article, draft, evidence[0].text)
        occurrence = seen_keys.get(key, 0)
        seen_keys[key] = occurrence + 1
        records.append(
            Agreement(
                id=record_id(key, occurrence),
                article=ref,
                parties=parties,
                instrument=draft.instrument,  # type: ignore[arg-type]
                status=draft.status,  # type: ignore[arg-type]
                date=date,
                period=draft.period,
                scope=scope,  # type: ignore[arg-type]
                subjects=subjects,
                space=space,
                evidence=evidence,
                confidence=_confidence(draft),
                rules=list(dict.fromkeys(rules)),
            )
        )
    return records
