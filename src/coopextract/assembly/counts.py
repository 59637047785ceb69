"""Agreements a count gives and the text tells no further: "Le CNES et l'ISRO ont signé trois
accords de coopération" is three agreements (guidelines §1: one record per distinct
agreement), though nothing after tells them apart. Where the article names fewer of them
between the count's two sides, the count's agreement stands for the others too: one record
each, alike but for their place in the count.

Counts whose parts the text tells (ranks, "un autre accord", members named afresh, one per
counterpart) are merged or split before this, and count as told.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from coopextract.assembly.drafts import AgreementDraft
from coopextract.pipeline.mentions import AgreementMention
from coopextract.pipeline.parties import party_sides

ONE_OF_A_COUNT = "assembly:one-of-a-count"
# The largest count of agreements between two states read as that many space agreements
# without a space field named: "trois accords", not a visit's "20 acordos".
STATES_COUNT = 6
# How many words before the instrument its number may stand: "trois nouveaux accords".
COUNT_REACH = 2
_WORD = re.compile(r"[^\W_]+")


def count_of(mention: AgreementMention, count_words: dict[str, int]) -> int | None:
    """The number a counted mention gives ("trois accords", "3 contracts"), when it is two
    or more; None when its words give none ("des accords", "several agreements")."""
    if not mention.counted:
        return None
    before = mention.sentence.text[: mention.trigger.start - mention.sentence.start]
    words = _WORD.findall(before)[-COUNT_REACH:]
    # the number, then at most one word before the instrument: "trois nouveaux accords";
    # not "le 13 décembre les accords"
    for word in reversed(words):
        value = int(word) if word.isdigit() else count_words.get(word.lower())
        if value is not None:
            return value if 2 <= value <= 20 else None
        if not word.islower():
            return None
    return None


def one_per_counted(
    drafts: list[AgreementDraft], count_words: dict[str, int]
) -> list[AgreementDraft]:
    """The drafts, with as many more of a counted agreement between two sides as its count
    says the article names no other way, each after it."""
    out: list[AgreementDraft] = []
    # every agreement of a pair of sides the article tells, before a count too: "Le premier
    # accord … Le second accord … Les deux accords ont été signés" are two
    told = Counter(d.party_keys for d in drafts)
    for draft in drafts:
        out.append(draft)
        counts = [count_of(m, count_words) for m in draft.mentions]
        announced = [
            n
            for m, n in zip(draft.mentions, counts, strict=True)
            if n and _announces_between_two(m) and _of_space(m, n)
        ]
        scope = {s for m in draft.mentions for s in m.scope}
        ranked = any(m.ordinal for m in draft.mentions)  # "O primeiro …": the parts are told
        # Two counts that disagree ("sete acordos de investimentos … dois acordos
        # complementares") count different sets; which this agreement is, the text does not say.
        said = {n for n in counts if n is not None}
        if not announced or len(said) != 1 or ranked or scope == {"non_space"}:
            continue
        more = announced[0] - told[draft.party_keys]
        if more <= 0:
            continue
        draft.rules.append(ONE_OF_A_COUNT)
        out.extend(
            replace(draft, mentions=list(draft.mentions), rules=list(draft.rules))
            for _ in range(more)
        )
    return out


def _of_space(mention: AgreementMention, count: int) -> bool:
    """Can the count be of space agreements alone? "Os governos do Brasil e da China vão
    assinar ao menos 20 acordos de cooperação bilateral" counts a state visit's agreements in
    every field, of which the article's space one is one (guidelines §1: records for space
    agreements only). Between states, a count larger than a visit's usual few is such a
    package, unless its own sentence names a space field."""
    return (
        count <= STATES_COUNT
        or any(s != "non_space" for s in mention.scope)
        or any(p.entry.kind != "state" for p in mention.parties)
    )


def _announces_between_two(mention: AgreementMention) -> bool:
    """A count that announces agreements between the two sides its own sentence names, and
    no more (a count shared among counterparts is one agreement with each). Not one pointing
    back ("les deux accords ont été signés par …"), ranked, context for ranked parts (lone),
    or whose sides come from elsewhere ("les deux parties sont convenues")."""
    return (
        not mention.lone
        and not mention.anaphoric
        and mention.ordinal is None
        and mention.party_source in ("sentence", "between")
        and len(mention.party_keys) == 2
        # "trois contrats avec Eutelsat, SKY Perfect JSAT et Intelsat": one with each
        and len(party_sides(mention.named)) == 2
    )
