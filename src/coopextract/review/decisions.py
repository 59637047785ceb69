"""Human decisions on records, as the review commands take them: recording a correction
checked against its record, and parsing one typed on the command line. The decisions, their
file and how they apply to records are `run.reviews` (ingest applies them to the ledger).

A `set` decision stores the parsed, validated value (a date as `{value, precision, text}`,
parties as whole party objects), so that applying it later needs neither the catalog nor the
parser: `parse_assignment` turns `status=signed` into one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, get_args

from pydantic import JsonValue

from coopextract.models import Agreement, EventDate, Instrument, Period, Scope, Status
from coopextract.run.reviews import (
    REVIEWS_FILE,
    SETTABLE,
    TORN_FILE,
    Action,
    Decision,
    ReviewError,
    Verdict,
    Warn,
    apply_decisions,
    apply_set,
    load_decisions,
    unknown_record,
    verdicts,
)
from coopextract.run.reviews import record_decision as _record

__all__ = [
    "REVIEWS_FILE",
    "SETTABLE",
    "TORN_FILE",
    "Action",
    "Decision",
    "ReviewError",
    "Verdict",
    "apply_decisions",
    "load_decisions",
    "orphan_ids",
    "parse_assignment",
    "record_decision",
    "unknown_record",
    "verdicts",
]

_NULL_WORDS = ("", "none", "null", "-")


def record_decision(dir: Path, decision: Decision, warn: Warn | None = None) -> Decision:
    """`run.reviews.record_decision`, with a `set` checked to leave its record valid after
    the record's earlier decisions."""
    return _record(dir, decision, warn, _check_set(decision) if decision.action == "set" else None)


def _check_set(decision: Decision) -> Callable[[Agreement, list[Decision]], None]:
    def check(current: Agreement, earlier: list[Decision]) -> None:
        corrected, _ = apply_decisions([current], earlier, include_rejected=True)
        apply_set(corrected[0], decision)  # raises when the value does not fit

    return check


def orphan_ids(orphans: Iterable[Decision]) -> list[str]:
    """The distinct record ids of orphan decisions, in order of first decision."""
    return list(dict.fromkeys(d.id for d in orphans))


# --- `field=value` -----------------------------------------------------------------------------


def parse_assignment(record: Agreement, assignment: str) -> tuple[str, JsonValue]:
    """`status=signed` → ("status", "signed"), checked against the record's model.

    Values: status and instrument one of their vocabulary; date `YYYY[-MM[-DD]]`; period
    `START/END` with either side empty; parties, scope and subjects comma-separated (parties
    by canonical name: the record's own, or any in rules/shared/catalog.jsonl); space
    yes/no; `none` empties date and period. Raises ReviewError naming the field and what it
    accepts.
    """
    name, sep, text = assignment.partition("=")
    name = name.strip().lower()
    if not sep or name not in SETTABLE:
        shown = repr(name) if sep else repr(assignment)
        raise ReviewError(
            f"{shown} is not FIELD=VALUE with a field that can be set; "
            f"use one of {', '.join(SETTABLE)}, e.g. status=signed"
        )
    value = _PARSERS[name](record, text.strip())
    return name, value


def _choice(field: str, allowed: tuple[str, ...]) -> Callable[[Agreement, str], JsonValue]:
    def parse(_: Agreement, text: str) -> JsonValue:
        word = text.lower().replace("-", "_").replace(" ", "_")
        if word not in allowed:
            raise ReviewError(f"{field}: {text!r} is not one of {', '.join(allowed)}")
        return word

    return parse


def _date(record: Agreement, text: str) -> JsonValue:
    if text.lower() in _NULL_WORDS:
        return None
    precision = {4: "year", 7: "month", 10: "day"}.get(len(text))
    try:
        if precision == "day":
            date.fromisoformat(text)  # the model's pattern lets 2021-02-30 through
        if precision is None:
            raise ValueError(text)
        value = EventDate(value=text, precision=precision, text=text)
    except ValueError:
        value = _written_date(record, text)
    if value is None:
        raise ReviewError(
            f"date: {text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, a date in "
            "words with its year (March 2021, 9 mars 2021), or none"
        )
    return value.model_dump(mode="json")


def _written_date(record: Agreement, text: str) -> EventDate | None:
    """A date in words with its year, in the article's language or English ("mars 2021",
    "9 March 2021"), at the precision it gives; None when neither reads all of it (a year
    alone from words that name a month or day means a word was not understood)."""
    from coopextract.errors import CoopExtractError
    from coopextract.reading.dates import resolver_for

    best = None
    for language in dict.fromkeys((record.article.language, "en")):
        try:
            found = resolver_for(language).resolve(text, None)
        except CoopExtractError:  # no date vocabulary for the article's language
            continue
        if found is not None and (best is None or len(found.value) > len(best.value)):
            best = found
    wordy = any(char.isalpha() for char in text)
    if best is None or (wordy and best.precision == "year"):
        return None
    return EventDate(value=best.value, precision=best.precision, text=text)


def _period(_: Agreement, text: str) -> JsonValue:
    if text.lower() in _NULL_WORDS:
        return None
    start, sep, end = (part.strip() for part in text.partition("/"))
    try:
        if not sep or not (start or end):
            raise ValueError(text)
        period = Period(start=start or None, end=end or None)
    except ValueError as err:
        raise ReviewError(
            f"period: {text!r} is not START/END; write e.g. 2018/2022, 2018/ or /2022 "
            "(dates as YYYY[-MM[-DD]]), or none"
        ) from err
    return period.model_dump(mode="json")


def _items(text: str) -> list[str]:
    return list(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))


def _scope(_: Agreement, text: str) -> JsonValue:
    allowed = get_args(Scope)
    labels = [label.lower().replace("-", "_").replace(" ", "_") for label in _items(text)]
    bad = [label for label in labels if label not in allowed]
    if bad:
        raise ReviewError(
            f"scope: {', '.join(map(repr, bad))} not among {', '.join(allowed)} "
            "(comma-separated, or empty for none)"
        )
    return list(dict.fromkeys(labels))


def _subjects(_: Agreement, text: str) -> JsonValue:
    return list(_items(text))


def _space(_: Agreement, text: str) -> JsonValue:
    word = text.lower()
    if word in ("yes", "true", "1"):
        return True
    if word in ("no", "false", "0"):
        return False
    raise ReviewError(f"space: {text!r} is not yes or no")


def _parties(record: Agreement, text: str) -> JsonValue:
    names = _items(text)
    if len(names) < 2:
        raise ReviewError(
            f"parties: {text!r} names fewer than two parties; list them comma-separated, "
            "e.g. parties=Roscosmos,CNSA"
        )
    own = {p.name.casefold(): p.model_dump(mode="json") for p in record.parties}
    catalog: dict[str, Any] | None = None
    parties = []
    for name in names:
        party = own.get(name.casefold())
        if party is None:
            catalog = catalog if catalog is not None else _catalog_parties()
            party = catalog.get(name.casefold())
        if party is None:
            raise ReviewError(
                f"parties: {name!r} is neither a party of {record.id} nor in "
                "rules/shared/catalog.jsonl; use a canonical name from the catalog "
                "(e.g. Roscosmos, China) or add the entity there"
            )
        parties.append(party)
    return parties


def _catalog_parties() -> dict[str, dict[str, Any]]:
    # Imported here: the rules module loads spaCy's schemas, which only `parties=` needs.
    from coopextract.rule_files import PARTY_KINDS, default_rules_dir, load_catalog

    catalog = load_catalog(default_rules_dir() / "shared" / "catalog.jsonl")
    return {
        entry.id.casefold(): {
            "name": entry.id,
            "kind": entry.kind,
            "country": entry.country,
            "mentions": [],
        }
        for entry in catalog.values()
        if entry.kind in PARTY_KINDS
    }


_PARSERS: dict[str, Callable[[Agreement, str], JsonValue]] = {
    "status": _choice("status", get_args(Status)),
    "instrument": _choice("instrument", get_args(Instrument)),
    "date": _date,
    "period": _period,
    "parties": _parties,
    "scope": _scope,
    "subjects": _subjects,
    "space": _space,
}
