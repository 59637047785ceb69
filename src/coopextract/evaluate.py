"""Scoring records against a gold file: agreement P/R/F1, field accuracy, evidence offsets.

The gold file is the guidelines' §5 format (`../shared/corpus/GUIDELINES.md`): one line per
article, `{"doc", "agreements": [...]}`. The matching rules are those of the project's
reference scorer (`shared/tools/score.py`), so that the figures are the same; they are
restated here because this is what a user who keeps their own gold file runs before and after
changing a rule:

- Records belong to the gold article whose `doc` is the base name of their `article.path`;
  records of articles the gold does not list are reported, not scored.
- Each party has a key: its country code, else its normalised name (accents, case and
  punctuation dropped). A record and a gold agreement can match when their key sets overlap
  with Jaccard >= 0.5 and their dates do not name different years (a gold date or any of its
  `date_alternatives`).
- Candidate pairs are scored (Jaccard, +0.5 same instrument, +0.3 same status, +0.5 same
  date, +0.25 per shared subject) and taken greedily, best first; on a tie, a required gold
  agreement before an optional one, then the earlier gold agreement, then the earlier record.
- A gold agreement marked `optional`, or with `space: false`, is neutral: the record matched
  to it is neither a hit nor an extra, and missing it costs nothing.
- On matched agreements: parties (keys), party names, date (equal at the gold's precision,
  or one of its alternatives), status, instrument, period (years of start and end), `exact`
  (parties, date and status right); scope and subjects as set F1 over all matched pairs.
- With the articles' folder, each record's evidence offsets are checked against the article
  text as coopextract reads it (the text offsets refer to).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from coopextract.errors import InputError
from coopextract.models import Agreement

FIELDS = ("parties", "party_names", "date", "status", "instrument", "period", "exact")
# Characters of a date value compared at each precision.
_PREFIX = {"year": 4, "month": 7, "day": 10}
_ADVICE = "fix the line (format: GUIDELINES.md §5)"


def normalise(text: str | None) -> str:
    """Lower case letters and digits only, accents dropped: "Roskosmos," -> "roskosmos"."""
    decomposed = unicodedata.normalize("NFKD", text or "").lower()
    # Combining accents are not alphanumeric, so this drops them along with punctuation.
    return "".join(c for c in decomposed if c.isalnum())


# --- the two sides, reduced to what matching compares ---------------------------------------

Date = tuple[str, str]  # (value, precision)


@dataclass(frozen=True)
class Side:
    """A gold agreement or a record, as matching sees it."""

    keys: frozenset[str]  # party keys: country code, else normalised name
    names: frozenset[str]  # normalised party names
    instrument: str | None
    status: str | None
    dates: tuple[Date | None, ...]  # a record: its date; gold: its date, then alternatives
    period: tuple[str, str] | None  # (start, end), "" for an unknown end; None: no period
    scope: frozenset[str]
    subjects: frozenset[str]
    parties_shown: str  # "Roscosmos (RU); CNSA (CN)", for messages


@dataclass(frozen=True)
class GoldAgreement:
    side: Side
    scored: bool  # False for optional and non-space agreements: neutral
    evidence: str | None
    raw: dict[str, Any]  # as the gold file gives it, for callers that need more fields


@dataclass(frozen=True)
class GoldArticle:
    doc: str
    line: int
    agreements: tuple[GoldAgreement, ...]


def _date(value: Any) -> Date | None:
    # A date object {value, precision}, or a bare "2021-03" whose length gives the precision.
    if isinstance(value, str):
        return (value, {4: "year", 7: "month"}.get(len(value), "day")) if value else None
    if isinstance(value, dict) and value.get("value"):
        return str(value["value"]), value.get("precision") or "day"
    return None


def _labels(values: Any) -> frozenset[str]:
    return frozenset(normalise(str(v)) for v in values or [] if v)


def _shown(parties: Iterable[tuple[str, str | None]]) -> str:
    return "; ".join(f"{name} ({country})" if country else name for name, country in parties)


def _gold_side(raw: dict[str, Any]) -> Side:
    parties: list[tuple[str, str | None]] = []
    for party in raw.get("parties") or []:
        if isinstance(party, str):
            parties.append((party, None))
        elif isinstance(party, dict):
            parties.append((str(party.get("name") or ""), party.get("country") or None))
        else:
            raise ValueError(f"a party must be an object or a name, not {party!r}")
    alternatives = raw.get("date_alternatives") or []
    if not isinstance(alternatives, list):
        raise ValueError("date_alternatives must be a list")
    period = raw.get("period") or None  # {} counts as no period, as null does
    if period is not None and not isinstance(period, dict):
        raise ValueError("period must be an object {start, end} or null")
    return Side(
        keys=frozenset((country or "").upper() or normalise(name) for name, country in parties),
        names=frozenset(normalise(name) for name, _ in parties),
        instrument=raw.get("instrument"),
        status=raw.get("status"),
        dates=(_date(raw.get("date")), *(_date(d) for d in alternatives)),
        period=_period(period),
        scope=_labels(raw.get("scope")),
        subjects=_labels(raw.get("subjects")),
        parties_shown=_shown(parties),
    )


def _period(period: dict[str, Any] | None) -> tuple[str, str] | None:
    if period is None:
        return None
    return str(period.get("start") or ""), str(period.get("end") or "")


def record_side(record: Agreement) -> Side:
    parties = [(p.name, p.country) for p in record.parties]
    date = (record.date.value, record.date.precision) if record.date else None
    return Side(
        keys=frozenset(country or normalise(name) for name, country in parties),
        names=frozenset(normalise(name) for name, _ in parties),
        instrument=record.instrument,
        status=record.status,
        dates=(date,),
        period=_period(record.period.model_dump()) if record.period is not None else None,
        scope=_labels(record.scope),
        subjects=_labels(record.subjects),
        parties_shown=_shown(parties),
    )


# --- the gold file --------------------------------------------------------------------------


def parse_gold(lines: Iterable[str], path: Path) -> list[GoldArticle]:
    """The gold articles of a §5 gold file's lines; `path` names it in errors.

    Raises InputError naming the file and line of the first malformed one.
    """
    articles: list[GoldArticle] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}:{number}: not JSON ({err.msg}); {_ADVICE}") from err
        where = f"{path}:{number}"
        if not isinstance(entry, dict) or not isinstance(entry.get("doc"), str):
            raise InputError(f'{where}: not a gold article (no "doc" name); {_ADVICE}')
        doc = entry["doc"]
        if doc in seen:
            raise InputError(
                f"{where}: {doc} is already on line {seen[doc]}; give each article one line"
            )
        seen[doc] = number
        found = entry.get("agreements")
        if not isinstance(found, list):
            raise InputError(f'{where}: "agreements" must be a list ([] for none); {_ADVICE}')
        agreements = []
        for index, raw in enumerate(found):
            try:
                if not isinstance(raw, dict):
                    raise ValueError("an agreement must be an object")
                side = _gold_side(raw)
            except ValueError as err:
                raise InputError(f"{where}: agreement {index + 1}: {err}; {_ADVICE}") from err
            scored = bool(raw.get("space", True)) and not raw.get("optional")
            evidence = raw.get("evidence")
            agreements.append(
                GoldAgreement(side, scored, evidence if isinstance(evidence, str) else None, raw)
            )
        articles.append(GoldArticle(doc, number, tuple(agreements)))
    return articles


def load_gold(path: Path) -> list[GoldArticle]:
    """Read a gold file (GUIDELINES.md §5). Raises InputError naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = getattr(err, "strerror", None) or "not UTF-8 text"
        raise InputError(f"{path} cannot be read ({reason}); pass a gold .jsonl file") from err
    return parse_gold(text.splitlines(), path)


# --- matching -------------------------------------------------------------------------------


def _same_date(gold: Date | None, found: Date | None) -> bool:
    if gold is None or found is None:
        return gold is found
    length = _PREFIX.get(gold[1], 10)
    return len(found[0]) >= length and found[0][:length] == gold[0][:length]


def date_right(gold: Side, found: Side) -> bool:
    """The record's date is the gold's at the gold's precision, or one of its alternatives."""
    return any(_same_date(accepted, found.dates[0]) for accepted in gold.dates)


def years_clash(gold: Side, found: Side) -> bool:
    """The record has a date whose year is none of the years the gold accepts."""
    date = found.dates[0]
    years = {d[0][:4] for d in gold.dates if d is not None}
    return date is not None and bool(years) and date[0][:4] not in years


def period_right(gold: Side, found: Side) -> bool:
    if gold.period is None or found.period is None:
        return gold.period is found.period
    return all(g[:4] == f[:4] for g, f in zip(gold.period, found.period, strict=True))


def pair_score(gold: Side, found: Side) -> float | None:
    """How well a record fits a gold agreement; None when they cannot be the same one."""
    if not gold.keys or not found.keys:
        return None
    overlap = len(gold.keys & found.keys) / len(gold.keys | found.keys)
    if overlap < 0.5 or years_clash(gold, found):
        return None
    # Added in this order so that equal scores are equal floats, as the reference scorer's.
    score = overlap
    score += 0.5 * (gold.instrument == found.instrument)
    score += 0.3 * (gold.status == found.status)
    score += 0.5 * date_right(gold, found)
    score += 0.25 * len(gold.subjects & found.subjects)
    return score


def match(golds: Sequence[GoldAgreement], found: Sequence[Side]) -> list[tuple[int, int]]:
    """Pairs (gold index, record index), taken greedily by score, best first."""
    candidates = []
    for i, gold in enumerate(golds):
        for j, record in enumerate(found):
            score = pair_score(gold.side, record)
            if score is not None:
                candidates.append((score, gold.scored, -i, -j))
    # The reference scorer's order: best score first; on a tie a scored (required) gold
    # agreement before a neutral one, then the earlier gold agreement, then the earlier record.
    # The same ties must give the same figures.
    candidates.sort(reverse=True)
    pairs, used_gold, used_found = [], set(), set()
    for _, _, neg_i, neg_j in candidates:
        i, j = -neg_i, -neg_j
        if i not in used_gold and j not in used_found:
            used_gold.add(i)
            used_found.add(j)
            pairs.append((i, j))
    return pairs


def field_checks(gold: Side, found: Side) -> dict[str, bool]:
    checks = {
        "parties": gold.keys == found.keys,
        "party_names": gold.names == found.names,
        "date": date_right(gold, found),
        "status": gold.status == found.status,
        "instrument": gold.instrument == found.instrument,
        "period": period_right(gold, found),
    }
    checks["exact"] = checks["parties"] and checks["date"] and checks["status"]
    return checks


# --- the result -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """A missed gold agreement, an extra record, or a wrong field of a matched one."""

    kind: str  # "missed", "extra" or "wrong"
    doc: str
    field: str | None  # the wrong field
    gold: str | None  # the gold agreement (missed) or value (wrong), as shown
    found: str | None  # the record (extra) or its value (wrong), as shown
    gold_evidence: str | None
    evidence: str | None  # the record's first evidence text
    offsets: tuple[int, int] | None
    title: str | None  # the article's title, when a record gives it
    record_id: str | None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["offsets"] = list(self.offsets) if self.offsets else None
        return data


def _ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side counts as perfect, as in the reference scorer."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class Evaluation:
    articles: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    # [shared, only in the record, only in the gold], summed over matched agreements
    set_counts: dict[str, list[int]] = field(
        default_factory=lambda: {"scope": [0, 0, 0], "subjects": [0, 0, 0]}
    )
    offsets_checked: int = 0
    offsets_wrong: list[str] = field(default_factory=list)  # ids of records, one per evidence
    unknown_articles: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # (doc, gold index, record id) of every matched pair, scored or neutral: what the ledger
    # figures are counted over, as the reference scorer does.
    matches: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]

    def field_accuracy(self) -> dict[str, float | None]:
        return {name: _ratio(hits, self.tp) for name, hits in self.field_hits.items()}

    def set_f1(self, name: str) -> float | None:
        return prf(*self.set_counts[name])[2] if self.tp else None

    def to_dict(self) -> dict[str, Any]:
        """The figures with the reference scorer's keys and rounding, and the problems."""

        def r(value: float | None) -> float | None:
            return None if value is None else round(value, 3)

        return {
            "articles": self.articles,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": r(self.precision),
            "recall": r(self.recall),
            "f1": r(self.f1),
            "field_accuracy": {k: r(v) for k, v in self.field_accuracy().items()},
            "scope_f1": r(self.set_f1("scope")),
            "subjects_f1": r(self.set_f1("subjects")),
            "evidence_offsets": {
                "checked": self.offsets_checked,
                "wrong": len(self.offsets_wrong),
            },
            "records_for_unknown_articles": self.unknown_articles,
            "errors": [p.to_dict() for p in self.problems],
        }


def doc_name(record: Agreement) -> str:
    """The gold `doc` a record belongs to: the base name of its article's path."""
    return PurePosixPath(record.article.path).name


def _show(side: Side) -> str:
    date = side.dates[0]
    return " · ".join(
        str(part) for part in (side.parties_shown, side.instrument, side.status) if part
    ) + (f" · {date[0]}" if date else "")


def _value(name: str, side: Side) -> str:
    if name in ("parties", "exact"):
        return ", ".join(sorted(side.keys))
    if name == "party_names":
        return ", ".join(sorted(side.names))
    if name == "date":
        shown = [f"{d[0]} ({d[1]})" if d else "none" for d in side.dates]
        return " or ".join(shown)
    if name == "period":
        return f"{side.period[0] or '?'}–{side.period[1] or '?'}" if side.period else "none"
    return str(getattr(side, name))


def evaluate(
    gold: Sequence[GoldArticle], records: Iterable[Agreement], docs: Path | None = None
) -> Evaluation:
    """Score records against gold articles; with `docs`, the articles' folder, also check
    that each record's evidence offsets point at its evidence text."""
    by_doc: dict[str, list[Agreement]] = {}
    for record in records:
        by_doc.setdefault(doc_name(record), []).append(record)
    result = Evaluation(articles=len(gold))
    for article in gold:
        found = by_doc.get(article.doc, [])
        _score_article(article, found, result)
        if docs is not None:
            _check_offsets(docs, article.doc, found, result)
    known = {article.doc for article in gold}
    result.unknown_articles = sorted(doc for doc in by_doc if doc not in known)
    return result


def _score_article(article: GoldArticle, found: list[Agreement], result: Evaluation) -> None:
    sides = [record_side(r) for r in found]
    pairs = match(article.agreements, sides)
    title = found[0].article.title if found else None
    matched_gold = {i for i, _ in pairs}
    matched_found = {j for _, j in pairs}
    result.matches.extend((article.doc, i, found[j].id) for i, j in pairs)
    for j, record in enumerate(found):
        if j not in matched_found:
            result.fp += 1
            result.problems.append(
                _problem("extra", article.doc, title, None, record, found_shown=_show(sides[j]))
            )
    for i, gold in enumerate(article.agreements):
        if i not in matched_gold and gold.scored:
            result.fn += 1
            result.problems.append(
                _problem("missed", article.doc, title, gold, None, gold_shown=_show(gold.side))
            )
    for i, j in pairs:
        gold = article.agreements[i]
        if not gold.scored:
            continue  # neutral: found or not, it costs nothing
        _score_match(article.doc, title, gold, found[j], sides[j], result)


def _score_match(
    doc: str,
    title: str | None,
    gold: GoldAgreement,
    record: Agreement,
    side: Side,
    result: Evaluation,
) -> None:
    """Count a matched gold agreement: each field right or wrong, and the items of its sets."""
    result.tp += 1
    checks = field_checks(gold.side, side)
    for name, right in checks.items():
        result.field_hits[name] += right
        # `exact` and the names only sum up what the other fields already say.
        if not right and name not in ("exact", "party_names"):
            shown = _value(name, gold.side), _value(name, side)
            result.problems.append(_problem("wrong", doc, title, gold, record, name, *shown))
    for name in ("scope", "subjects"):
        g, f = getattr(gold.side, name), getattr(side, name)
        counts = result.set_counts[name]
        counts[0] += len(g & f)
        counts[1] += len(f - g)
        counts[2] += len(g - f)


def _problem(
    kind: str,
    doc: str,
    title: str | None,
    gold: GoldAgreement | None,
    record: Agreement | None,
    name: str | None = None,
    gold_shown: str | None = None,
    found_shown: str | None = None,
) -> Problem:
    """A problem of article `doc`, with the gold agreement's evidence and the record's first."""
    evidence = record.evidence[0] if record else None
    return Problem(
        kind=kind,
        doc=doc,
        field=name,
        gold=gold_shown,
        found=found_shown,
        gold_evidence=gold.evidence if gold else None,
        evidence=evidence.text if evidence else None,
        offsets=(evidence.start, evidence.end) if evidence else None,
        title=title,
        record_id=record.id if record else None,
    )


def _check_offsets(docs: Path, doc: str, found: list[Agreement], result: Evaluation) -> None:
    path = docs / doc
    if not path.is_file():
        return
    # Read as ingest reads it: offsets refer to the decoded text (the main text of a page,
    # the `text` of each object of a JSON file), not to the file's bytes.
    from coopextract.reading.articles import Article, read_file

    texts = {
        item.item: item.text
        for item in read_file(path, doc, max_bytes=2**62)
        if isinstance(item, Article)
    }
    for record in found:
        text = texts.get(record.article.item)
        for evidence in record.evidence:
            result.offsets_checked += 1
            if text is None or text[evidence.start : evidence.end] != evidence.text:
                result.offsets_wrong.append(record.id)


# --- text report ----------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def summary_lines(result: Evaluation) -> list[str]:
    """The figures, in the lines and layout of the reference scorer's report."""
    data = result.to_dict()
    fields = "  ".join(f"{k} {_fmt(v)}" for k, v in data["field_accuracy"].items())
    lines = [
        f"articles {result.articles}  gold-matched {result.tp}  extra {result.fp}  "
        f"missed {result.fn}",
        f"fields on matched: {fields}  scope-F1 {_fmt(data['scope_f1'])}  "
        f"subjects-F1 {_fmt(data['subjects_f1'])}",
    ]
    if result.offsets_checked:
        lines.append(
            f"evidence offsets: {len(result.offsets_wrong)} wrong of {result.offsets_checked}"
        )
    if result.unknown_articles:
        lines.append(
            f"not scored: records of {len(result.unknown_articles)} articles the gold does "
            f"not list ({', '.join(result.unknown_articles[:5])}"
            f"{', …' if len(result.unknown_articles) > 5 else ''})"
        )
    lines.append(
        f"F1 {data['f1']:.3f}  P {data['precision']:.3f}  R {data['recall']:.3f}  "
        f"exact {_fmt(data['field_accuracy']['exact'])}"
    )
    return lines


def problem_lines(result: Evaluation) -> list[str]:
    """Each miss, extra and wrong field, with the article and the evidence quoted."""
    lines = []
    for p in result.problems:
        article = f"{p.doc} ({p.title})" if p.title else p.doc
        if p.kind == "missed":
            lines.append(f"{article}: missed {p.gold}")
        elif p.kind == "extra":
            lines.append(f"{article}: extra {p.found} [{p.record_id}]")
        else:
            lines.append(
                f"{article}: {p.field} wrong: gold {p.gold}, found {p.found} [{p.record_id}]"
            )
        if p.gold_evidence:
            lines.append(f"    gold:  {p.gold_evidence}")
        if p.evidence is not None and p.offsets is not None:
            lines.append(f"    found: {p.evidence} [{p.offsets[0]}:{p.offsets[1]}]")
    return lines
