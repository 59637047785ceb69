"""What the pipeline finds in one sentence about one agreement, before mentions are merged."""

from __future__ import annotations

from dataclasses import dataclass, field

from coopextract.pipeline.parties import PartyMention, party_sides

# Later stages of an agreement's life win when mentions merge ("latest status wins").
STATUS_PROGRESSION = ("proposed", "negotiating", "signed", "in_force", "terminated")
PENDING = ("proposed", "negotiating")
# Statuses of a signing already made, which cannot be dated after the article reporting it.
DONE = ("signed", "in_force")
# Instrument words that say least about the agreement, vaguest first: a writer who has named
# "un mémorandum" goes on with "l'accord" or "ce partenariat" for the same one; "other" (the
# documents signed, unnamed) says least of all.
GENERIC_INSTRUMENTS = ("other", "partnership", "agreement")


@dataclass(frozen=True)
class TextSpan:
    """A piece of the analysed text, by character offsets into the article."""

    text: str
    start: int
    end: int


@dataclass
class AgreementMention:
    """One sentence's evidence for one agreement."""

    instrument: str
    trigger: TextSpan
    sentence: TextSpan
    parties: list[PartyMention]
    party_source: str  # "between", "sentence", "enumeration", "lead", "pair", "context"
    status: str | None = None
    status_cue: TextSpan | None = None
    # Without a parse, the cue a date is looked for near: the signing's where the sentence
    # also tells of an entry into force ("signed in 2014, entered into force in 2015").
    date_cue: TextSpan | None = None
    dates: list[TextSpan] = field(default_factory=list)
    dates_ranked: bool = False  # True when `dates` is already ordered by closeness in the parse
    continuation: TextSpan | None = None  # a verbless date fragment right after the sentence
    periods: list[TextSpan] = field(default_factory=list)
    scope: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    subject_spans: list[TextSpan] = field(default_factory=list)
    # The subjects said to be the agreement's own ("un accord sur la mission MMX"), not
    # merely named in its sentence: what tells two agreements apart.
    own_subjects: list[str] = field(default_factory=list)
    ordinal: str | None = None  # rank of "le premier", "le second", "l'autre": tells them apart
    rules: list[str] = field(default_factory=list)
    follows: int | None = None  # index of the mention this one refers back to
    governmental: bool = False  # the text says governments are the parties
    named: list[PartyMention] = field(default_factory=list)  # every party the sentence names
    # Several agreements between the same parties (see `coopextract.assembly.assemble`):
    fresh: bool = False  # introduced as not yet named: "un accord", "an agreement"
    another: bool = False  # said to be another one: "un autre accord", "ont également signé un"
    new: bool = False  # said to be new: "un nouvel accord", "a new agreement"
    renewal: bool = False  # its sentence extends or renews it: "ont prolongé le contrat"
    ratified: bool = False  # its sentence tells a ratification: "le document, ratifié en 2020"
    # its status comes from an "under the agreement" phrase (APPLIED): "dans le cadre de
    # l'accord, la CNSA intégrera …" (signed there, as the sentence looks ahead)
    applied: bool = False
    # its status comes from a signing told in the present (PRESENT): "Portugal e Espanha
    # assinam … um memorando", which another mention may tell as still to come
    present: bool = False
    anaphoric: bool = False  # its determiner points back: "l'accord", "cet accord", "the agreement"
    split: bool = False  # one of several agreements its sentence tells apart
    counted: bool = False  # a count of agreements: "deux accords", "four agreements"
    # a count whose one side is named, its counterparts told one by one after ("Arianespace a
    # annoncé trois contrats. Le premier, avec Eutelsat, ..."): context for them, no record
    lone: bool = False
    # the instrument another of its sentence is made under: "signed under the Framework Agreement"
    framework: bool = False
    # named by its own capitalised name after another instrument of its sentence ("la
    # déclaration … le bilan de l'Accord de coopération"): no vaguer word for that one
    proper_name: bool = False

    @property
    def party_keys(self) -> frozenset[str]:
        return party_sides(self.parties)


@dataclass(frozen=True)
class DateClause:
    """A date expression of the article and how its clause reports it (see
    `coopextract.pipeline.components.clauses`): what an undated article's reference is read from."""

    span: TextSpan
    tense: str  # "past", "future" or "other"
    lemmas: tuple[str, ...] = ()  # the clause's verbs and auxiliaries, lower case


def later_status(*statuses: str | None) -> str | None:
    """The latest stage among those given (None where none is)."""
    known = [s for s in statuses if s is not None]
    return max(known, key=STATUS_PROGRESSION.index) if known else None
