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

    name: str
    kind: PartyKind
    country: str | None


class Report(_Strict):
    """One record's account of the agreement: the state it reports, and where."""

    status: Status
    date: EventDate | None = Field(description="The agreement's date as this report gives it.")
    published: DateValue | None = Field(description="When the reporting article was published.")
    record: str = Field(description="The record's id in agreements.jsonl.")
    article: str = Field(description="The article's path under the ingested source.")
    item: str | None = None
    language: str
    evidence: str = Field(description="The record's first evidence sentence.")


class Disagreement(_Strict):
    """One value a field takes in some of the reports."""

    value: JsonValue
    records: list[str]


class Conflict(_Strict):
    """A field on which the reports disagree: every value, with the records behind it."""

    field: str
    values: list[Disagreement]


class LedgerEntry(_Strict):
    """One real-world agreement (LEDGER.md's identity rule), across articles and languages."""

    schema_version: str = LEDGER_SCHEMA_VERSION
    id: str = Field(
        description="Stable id: a hash of the record that first reported the agreement, so "
        "that articles about other agreements never change it."
    )
    records: list[str] = Field(min_length=1, description="The records it merges.")
    parties: list[Side] = Field(min_length=2)
    instrument: Instrument = Field(description="The most specific instrument its reports name.")
    status: Status = Field(description="The state its latest report gives.")
    date: DateValue | None = Field(
        description="The signature date; before a signature, the expected one."
    )
    period: Period | None
    scope: list[Scope]
    subjects: list[str]
    history: list[Report] = Field(
        min_length=1, description="Every report, oldest first (by publication, then date)."
    )
    first_reported: DateValue | None
    last_reported: DateValue | None
    conflicts: list[Conflict] = Field(
        description="Fields whose value differs between reports (date, period, instrument)."
    )
    why: list[str] = Field(
        description="Why its records are one agreement: the keys that agreed for each merge, "
        "or the reviewer's decision."
    )
