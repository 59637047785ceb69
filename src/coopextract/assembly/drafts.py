"""An agreement as the assembly builds it: the mentions merged so far, and what is resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

from coopextract.models import DateValue, Period
from coopextract.pipeline.mentions import PENDING, AgreementMention, TextSpan, later_status


@dataclass
class AgreementDraft:
    """An agreement as merged from its mentions, with resolved dates."""

    mentions: list[AgreementMention]
    date: tuple[DateValue, TextSpan] | None = None
    period: Period | None = None
    status: str = "signed"
    rules: list[str] = field(default_factory=list)
    # The instrument a later mention names precisely ("un accord … la lettre d'intention").
    named: str | None = None

    @property
    def first(self) -> AgreementMention:
        return self.mentions[0]

    @property
    def instrument(self) -> str:
        return self.named or self.first.instrument

    @property
    def party_keys(self) -> frozenset[str]:
        return self.first.party_keys

    @property
    def ordinal(self) -> str | None:
        return next((m.ordinal for m in self.mentions if m.ordinal), None)

    @property
    def latest_status(self) -> str | None:
        """The latest stage its mentions give (None where none gives one). A signing told only
        in the present ("Portugal e Espanha assinam, na segunda e terça-feira, … um memorando")
        is the one another mention tells as still to come ("O memorando será assinado pelos
        ministros"), if one does: the present of a news lead is as often the coming day's."""
        told = later_status(*(m.status for m in self.mentions if not m.present))
        if told in PENDING:
            return told
        return later_status(*(m.status for m in self.mentions))
