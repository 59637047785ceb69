"""The pre-scan: can a text yield an agreement at all? Tokenizer only, no model.

An agreement mention starts from an INSTRUMENT trigger (`coop_agreements` makes none in a
text without one, and a follow-up needs an earlier mention of the same text). Most articles
analysts feed report no agreement, and most of those name no instrument, so the tagger, the
parser and every rule family can be skipped for them.

The scan runs the INSTRUMENT patterns with what a tokenized-only Doc cannot check dropped
(`matching.lexical_only`: lemmas, tags, the parse), and without the IDIOM patterns that hide
some triggers in the full pipeline. It therefore matches wherever the full pipeline could
find a trigger, and more: it may let through a text that yields nothing, never the reverse.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from coopextract.pipeline.aliases import expand_patterns
from coopextract.pipeline.matching import compile_patterns, lexical_only
from coopextract.rule_files import RuleSet

TRIGGER_FAMILY = "triggers"
TRIGGER_LABEL = "INSTRUMENT"
# Lines of these labels make agreements: a Doc with none of them needs no pipeline.
TRIGGER_LABELS = (TRIGGER_LABEL, "VAGUE")


# Pays: 300 articles in 11.9 s with it, 14.2 s without (bench/throughput.py --ablation).
class TriggerScan:
    """`scan(doc)` is False only for a Doc in which no instrument trigger can be found."""

    def __init__(self, nlp: Language, rule_set: RuleSet) -> None:
        lines = [
            {**line, "pattern": lexical_only(line["pattern"])}
            for line in rule_set.patterns.get(TRIGGER_FAMILY, [])
            if line["label"] in TRIGGER_LABELS
        ]
        self.matcher = Matcher(nlp.vocab, validate=False)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        compiled = [line["pattern"] for line in compile_patterns(nlp, expand_patterns(lines))]
        phrases = [nlp.make_doc(p) for p in compiled if isinstance(p, str)]
        tokens = [p for p in compiled if not isinstance(p, str)]
        if phrases:
            self.phrases.add(TRIGGER_LABEL, phrases)
        if tokens:
            self.matcher.add(TRIGGER_LABEL, tokens)

    def __call__(self, doc: Doc) -> bool:
        return any(start < end for _, start, end in self.phrases(doc)) or any(
            start < end for _, start, end in self.matcher(doc)
        )
