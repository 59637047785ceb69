"""The agreement record: the single definition behind validation, JSON Schema and exports."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# 1.1: article.item; 1.2: evidence marks; 1.3: party.in_catalog; 1.4: article.url, outlet, author
SCHEMA_VERSION = "1.4"

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

# What each value of each vocabulary means, one line each (guidelines §2-§4): listed by
# `coopextract schema --vocab` and in docs/records.md. tests/test_schema.py checks that every
# value of every Literal above has its line, and no other.
VOCABULARIES: dict[str, dict[str, str]] = {
    "PartyKind": {
        "state": "A country, acting through its government or named for it ('Moscou', 'Pékin').",
        "agency": "A public body that signs for its state, most often its space agency "
        "(Roscosmos, CNSA, CNES).",
        "organization": "An international organisation (ESA, European Union, United Nations, "
        "APSCO); its country is null.",
        "company": "A company, state-owned or private (Arianespace, Thales Alenia Space, "
        "Glavkosmos).",
    },
    "Instrument": {
        "memorandum": "A memorandum of understanding or of intent (MoU, mémorandum d'entente, "
        "accord d'intention).",
        "agreement": "An agreement, framework agreement or convention (accord, accord-cadre).",
        "programme": "A cooperation programme, often over stated years "
        "(programme de coopération 2018-2022).",
        "protocol": "A protocol (protocole, protocole d'accord).",
        "contract": "A contract: a purchase, a launch, a supply.",
        "joint_statement": "A joint statement or communiqué that commits the parties to cooperate.",
        "treaty": "A treaty between states.",
        "partnership": "A partnership the text names without a more specific instrument "
        "(partenariat).",
        "other": "Any other instrument: a roadmap, an exchange of letters, the end of a "
        "cooperation.",
    },
    "Status": {
        "proposed": "Intended or planned: an intent, an instruction to conclude, "
        "'will sign next year'.",
        "negotiating": "Being prepared: in preparation, a draft, under discussion.",
        "signed": "Signed, concluded or agreed ('se sont entendus').",
        "in_force": "Entered into force, or being carried out under it.",
        "terminated": "Ended: withdrawn, suspended or expired.",
    },
    "Precision": {
        "day": "The text gives the day: the value is YYYY-MM-DD.",
        "month": "The text gives the month but not the day: the value is YYYY-MM.",
        "year": "The text gives the year only: the value is YYYY.",
    },
    "Scope": {
        "lunar_exploration": "The Moon: lunar missions, stations and bases.",
        "deep_space": "Mars, asteroids and the rest of deep space ('espace lointain').",
        "space_station": "Orbital stations: ISS, Tiangong.",
        "human_spaceflight": "Astronauts and crewed flights.",
        "satellite_navigation": "Navigation satellites: GLONASS, BeiDou, Galileo, GPS.",
        "earth_observation": "Remote sensing, climate and weather monitoring.",
        "satellite_communications": "Communication satellites.",
        "launch_services": "Launchers, launches and engines.",
        "space_science": "Astronomy, astrophysics and science satellites.",
        "life_sciences": "Biology and medicine in space.",
        "components_materials": "Electronic components and materials.",
        "ground_infrastructure": "Ground and tracking stations, data centres.",
        "space_technology": "Space technology or industry in general.",
        "data_sharing": "Sharing of space data (remote sensing data, mission data).",
        "non_space": "Outside space: health, trade, ... (the record's `space` is false).",
    },
    "MarkLabel": {
        "trigger": "The words that name the instrument (mémorandum, accord-cadre).",
        "party": "A mention of a party.",
        "status": "The cue the status was read from (ont signé, en cours de négociation).",
        "date": "The expression the date was read from.",
        "period": "The expression the period was read from.",
        "subject": "A mission, programme or facility the agreement concerns.",
    },
}

_DATE_FORMS = {
    "year": re.compile(r"^\d{4}$"),
    "month": re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"),
    "day": re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class DateValue(_Strict):
    """A calendar date at the precision the text gives: `2021`, `2021-03` or `2021-03-09`."""

    value: str = Field(
        description="The date as ISO 8601 text, as much of it as the text gives: YYYY, YYYY-MM "
        "or YYYY-MM-DD (the form `precision` says)."
    )
    precision: Precision = Field(
        description="How much of the date the text gives: day, month or year (vocabulary "
        "Precision)."
    )

    @model_validator(mode="after")
    def _value_matches_precision(self) -> DateValue:
        if not _DATE_FORMS[self.precision].match(self.value):
            raise ValueError(f"{self.value!r} is not a date at {self.precision} precision")
        return self


class EventDate(DateValue):
    """The date of the agreement's reported event, with the expression it was read from."""

    text: str = Field(
        description="The expression of the article the date was read from ('le 9 mars', 'en 2022')."
    )


class Period(_Strict):
    """The span an agreement covers; either end may be unknown."""

    start: str | None = Field(
        default=None,
        pattern=_DATE_PATTERN,
        description="The first year, month or day it covers (YYYY, YYYY-MM or YYYY-MM-DD); "
        "null when the text gives only the end.",
    )
    end: str | None = Field(
        default=None,
        pattern=_DATE_PATTERN,
        description="The last year, month or day it covers (YYYY, YYYY-MM or YYYY-MM-DD); "
        "null when the text gives only the start.",
    )


class Party(_Strict):
    """One side of the agreement."""

    name: str = Field(description="Canonical name (guidelines §3).")
    kind: PartyKind = Field(
        description="What the party is: state, agency, organization or company (vocabulary "
        "PartyKind)."
    )
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

    label: MarkLabel = Field(description="What was found (vocabulary MarkLabel).")
    text: str = Field(description="The words found: the article's text from start to end.")
    start: int = Field(ge=0, description="Offset of its first character in the article text.")
    end: int = Field(ge=0, description="Offset just past its last character in the article text.")


class Evidence(_Strict):
    """A sentence of the article the record was read from."""

    text: str = Field(description="The sentence: the article's text from start to end.")
    start: int = Field(
        ge=0, description="Offset of its first character in the article text (characters)."
    )
    end: int = Field(ge=0, description="Offset just past its last character in the article text.")
    marks: list[Mark] = Field(
        default_factory=list,
        description="What the rules found in the sentence, in the order of the text.",
    )


class ArticleRef(_Strict):
    """The article a record was read from: where it is, what it is, and who published it."""

    path: str = Field(description="Path of the article as found under the ingested source.")
    item: str | None = Field(
        default=None,
        description="Which article of a JSON file: id:<id>, line:<n> or index:<n>; "
        "null for a file that is one article.",
    )
    sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of the article: of the file's bytes, or for an article of a JSON "
        "file of its text, title and publication date.",
    )
    title: str = Field(
        description="The article's title: its metadata (JSON 'title', the page's title), else "
        "its first line."
    )
    published: DateValue | None = Field(
        description="When the article was published, at the precision its metadata or text "
        "gives; null when neither says."
    )
    language: str = Field(
        description="ISO 639-1 code of the language it was read in (fr, en, de, ...)."
    )
    url: str | None = Field(
        default=None,
        description="Where the article was published, as its source gives it: the JSON "
        "object's 'url', or the web page's og:url or canonical link; null when unknown.",
    )
    outlet: str | None = Field(
        default=None,
        description="Who published it: the JSON object's 'outlet' (or 'source'), or the web "
        "page's site name (og:site_name, else the host of its URL); null when unknown.",
    )
    author: str | None = Field(
        default=None,
        description="Who wrote it, several joined by '; ': the JSON object's 'author', or the "
        "web page's author metadata (author, article:author, JSON-LD); null when unknown.",
    )


# The fields that say what an agreement is, in the record's order: what a reviewer corrects,
# what --show lists and what a diff compares, each with its own additions.
AGREEMENT_FIELDS = ("parties", "instrument", "status", "date", "period", "scope", "subjects")


class Agreement(_Strict):
    """One agreement reported in one article (guidelines §1-§4)."""

    schema_version: str = Field(
        default=SCHEMA_VERSION, description="The version of this record's schema."
    )
    id: str = Field(
        description="Stable id: a hash of the agreement's key, its article (path and item), "
        "parties' sides, instrument and first evidence sentence (whitespace normalised); "
        "an edit of the article elsewhere keeps it."
    )
    article: ArticleRef = Field(description="The article the agreement was read from.")
    parties: list[Party] = Field(
        min_length=2, description="The parties, one per side of the agreement."
    )
    instrument: Instrument = Field(
        description="The kind of instrument: memorandum, agreement, ... (vocabulary Instrument)."
    )
    status: Status = Field(
        description="Where the agreement stands in the article's account, the latest state it "
        "reports winning (vocabulary Status)."
    )
    date: EventDate | None = Field(
        description="The date of the reported event: the signature, the expected signature of "
        "an agreement to come, the end of a terminated one; null when the text gives none."
    )
    period: Period | None = Field(
        description="The span the agreement covers ('pour 2018-2022', 'jusqu'en 2027'); null "
        "when the text gives none."
    )
    scope: list[Scope] = Field(
        description="The fields of cooperation the text gives for it (vocabulary Scope)."
    )
    subjects: list[str] = Field(
        description="The missions, programmes and facilities it concerns, by their canonical "
        "short names (ILRS, Chang'e 7)."
    )
    space: bool = Field(
        default=True, description="False for an agreement outside space (health, trade, ...)."
    )
    evidence: list[Evidence] = Field(
        min_length=1, description="The sentences it was read from, in the order of the text."
    )
    confidence: float = Field(
        ge=0.0,
        le=1.0,
        description="How directly the parties were found: 0.9 when the trigger stands between "
        "them ('un accord entre X et Y'), 0.8 elsewhere in its sentence, down to 0.5 from the "
        "sentences around; plus 0.05 with a status cue and 0.03 for each further mention, at "
        "most 0.99.",
    )
    rules: list[str] = Field(description="Ids of the rules that produced this record.")
