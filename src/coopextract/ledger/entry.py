"""The ledger entry: one real-world agreement, as every record that reports it tells it.

The single definition behind `ledger.jsonl`, its JSON Schema (`coopextract schema --ledger`)
and the ledger tables of the exports.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from coopextract.models import DateValue, EventDate, Instrument, PartyKind, Period, Scope, Status

LEDGER_SCHEMA_VERSION = "1.0"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Side(_Strict):
    """A party of the agreement, as most of its reports name it."""

    name: str = Field(description="Canonical name (guidelines §3).")
    kind: PartyKind = Field(description="state, agency, organization or company (PartyKind).")
    country: str | None = Field(
        description="ISO 3166-1 alpha-2; null for international organisations."
    )


class Report(_Strict):
    """One record's account of the agreement: the state it reports, and where."""

    status: Status = Field(description="The agreement's state as this report gives it (Status).")
    date: EventDate | None = Field(description="The agreement's date as this report gives it.")
    published: DateValue | None = Field(description="When the reporting article was published.")
    record: str = Field(description="The record's id in agreements.jsonl.")
    article: str = Field(description="The article's path under the ingested source.")
    item: str | None = Field(
        default=None, description="Which article of a JSON file; null for a file of one article."
    )
    language: str = Field(description="The language the article was read in (ISO 639-1).")
    evidence: str = Field(description="The record's first evidence sentence.")


class Disagreement(_Strict):
    """One value a field takes in some of the reports."""

    value: JsonValue = Field(description="The value: a date's text, a period, an instrument.")
    records: list[str] = Field(description="The records that give it.")


class Conflict(_Strict):
    """A field on which the reports disagree: every value, with the records behind it."""

    field: str = Field(description="The field: date, period or instrument.")
    values: list[Disagreement] = Field(description="Each value the reports give, with them.")


class LedgerEntry(_Strict):
    """One real-world agreement (LEDGER.md's identity rule), across articles and languages."""

    schema_version: str = Field(default=LEDGER_SCHEMA_VERSION, description="Its schema's version.")
    id: str = Field(
        description="Stable id: a hash of the record that first reported the agreement, so "
        "that articles about other agreements never change it."
    )
    records: list[str] = Field(min_length=1, description="The records it merges.")
    parties: list[Side] = Field(min_length=2, description="The parties, one per side.")
    instrument: Instrument = Field(description="The most specific instrument its reports name.")
    status: Status = Field(description="The state its latest report gives.")
    date: DateValue | None = Field(
        description="The signature date; before a signature, the expected one."
    )
    period: Period | None = Field(
        description="The span it covers, as most of its reports give it; null when none does."
    )
    scope: list[Scope] = Field(description="Every field of cooperation its reports give (Scope).")
    subjects: list[str] = Field(
        description="Every mission, programme and facility its reports name."
    )
    history: list[Report] = Field(
        min_length=1, description="Every report, oldest first (by publication, then date)."
    )
    first_reported: DateValue | None = Field(
        description="The earliest publication date of its reports; null when none is dated."
    )
    last_reported: DateValue | None = Field(
        description="The latest publication date of its reports; null when none is dated."
    )
    conflicts: list[Conflict] = Field(
        description="Fields whose value differs between reports (date, period, instrument)."
    )
    why: list[str] = Field(
        description="Why its records are one agreement: the keys that agreed for each merge, "
        "or the reviewer's decision."
    )
