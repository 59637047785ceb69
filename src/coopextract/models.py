"""The agreement record: the single definition behind validation, JSON Schema and exports."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.3"  # 1.1: article.item; 1.2: evidence marks; 1.3: party.in_catalog

PartyKind = Literal["state", "agency", "organization", "company"]
Instrument = Literal[
    "memorandum",
    "agreement",
    "programme",
    "protocol",
    "contract",
    "joint_statement",
    "treaty",
    "partnership",
    "other",
]
Status = Literal["proposed", "negotiating", "signed", "in_force", "terminated"]
Precision = Literal["day", "month", "year"]
Scope = Literal[
    "lunar_exploration",
    "deep_space",
    "space_station",
    "human_spaceflight",
    "satellite_navigation",
    "earth_observation",
    "satellite_communications",
    "launch_services",
    "space_science",
    "life_sciences",
    "components_materials",
    "ground_infrastructure",
    "space_technology",
    "data_sharing",
    "non_space",
]

_DATE_FORMS = {
    "year": re.compile(r"^\d{4}$"),
    "month": re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"),
    "day": re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DateValue(_Strict):
    """A calendar date at the precision the text gives: `2021`, `2021-03` or `2021-03-09`."""

    value: str
    precision: Precision

    @model_validator(mode="after")
    def _value_matches_precision(self) -> DateValue:
        if not _DATE_FORMS[self.precision].match(self.value):
            raise ValueError(f"{self.value!r} is not a date at {self.precision} precision")
        return self


class EventDate(DateValue):
    """The date of the agreement's reported event, with the expression it was read from."""

    text: str


class Period(_Strict):
    """The span an agreement covers; either end may be unknown."""

    start: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    end: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Party(_Strict):
    name: str = Field(description="Canonical name (guidelines §3).")
    kind: PartyKind
    country: str | None = Field(
        default=None,
        pattern=r"^[A-Z]{2}$",
        description="ISO 3166-1 alpha-2; null for international organisations.",
    )
    mentions: list[str] = Field(default_factory=list, description="Surface forms in the article.")
    in_catalog: bool = Field(
        default=True,
        description="False for an organisation the catalog does not know, introduced by the "
        "article ('la société X'): its name is as written, its kind and country (null when "
        "the text gives none) read from the text. Add it to rules/shared/catalog.jsonl to "
        "make it known.",
    )


MarkLabel = Literal["trigger", "party", "status", "date", "period", "subject"]


class Mark(_Strict):
    """What a rule found inside an evidence sentence, for reviewers: the trigger, a party,
    the status cue, the date, the period or a subject. Offsets are in the article text."""

    label: MarkLabel
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Evidence(_Strict):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    marks: list[Mark] = Field(default_factory=list)


class ArticleRef(_Strict):
    path: str = Field(description="Path of the article as found under the ingested source.")
    item: str | None = Field(
        default=None,
        description="Which article of a JSON file: id:<id>, line:<n> or index:<n>; "
        "null for a file that is one article.",
    )
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str
    published: DateValue | None
    language: str


class Agreement(_Strict):
    """One agreement reported in one article (guidelines §1-§4)."""

    schema_version: str = SCHEMA_VERSION
    id: str = Field(
        description="Stable id: a hash of the agreement's key, its article (path and item), "
        "parties' sides, instrument and first evidence sentence (whitespace normalised); "
        "an edit of the article elsewhere keeps it."
    )
    article: ArticleRef
    parties: list[Party] = Field(min_length=2)
    instrument: Instrument
    status: Status
    date: EventDate | None
    period: Period | None
    scope: list[Scope]
    subjects: list[str]
    space: bool = True
    evidence: list[Evidence] = Field(min_length=1)
    confidence: float = Field(ge=0.0, le=1.0)
    rules: list[str] = Field(description="Ids of the rules that produced this record.")
