"""The `coop_rules` component: one rule family's patterns, its spans in `doc.spans[family]`.

A spaCy `SpanRuler` whose patterns come from the rule files (`rules/<lang>/<family>.jsonl`
and `rules/shared/<family>.jsonl`) when the pipeline is initialized, prepared the way this
project matches them: every spelling of a name (`aliases`), and rewritten into the forms
spaCy's matchers run fastest (`matching`). Like spaCy's own rulers, it saves the prepared
patterns with the pipeline (`patterns.jsonl` in its folder) and reads them back on load.
"""

from functools import partial
from typing import Any

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler, overlapping_labeled_spans_score
from spacy.util import make_first_longest_spans_filter

from coopextract.pipeline.aliases import expand_patterns
from coopextract.pipeline.components.taking_rules import TakesRules
from coopextract.pipeline.matching import compile_patterns
from coopextract.rule_files import RuleSet

# Token attributes that only a trained pipeline sets, and the components that set them.
ANNOTATIONS = {
    "LEMMA": ("lemmatizer",),
    "POS": ("morphologizer", "tagger"),
    "TAG": ("morphologizer", "tagger"),
    "MORPH": ("morphologizer",),
    "DEP": ("parser",),
}


def _usable(pattern: object, available: set[str]) -> bool:
    if isinstance(pattern, str):
        return True
    return all(key in available for token in pattern for key in token if key in ANNOTATIONS)


def family_patterns(
    nlp: Language, rule_set: RuleSet, family: str, *, fast: bool = True
) -> list[dict[str, Any]]:
    """The family's pattern lines as a ruler in `nlp` runs them.

    On a pipeline without a parser or a lemmatizer, the patterns that read what they set are
    left out: they could never match there, and spaCy refuses to run them. `fast` rewrites
    the patterns for speed (`coopextract.pipeline.matching`); they find the same spans.
    """
    # Every component counts, enabled or not: `spacy assemble` initializes the rules with
    # the model's components disabled.
    available = {
        attr
        for attr, makers in ANNOTATIONS.items()
        if any(m in nlp.component_names for m in makers)
    }
    lines = [p for p in rule_set.patterns.get(family, []) if _usable(p["pattern"], available)]
    lines = expand_patterns(lines)
    return compile_patterns(nlp, lines) if fast else lines


class RuleFamily(TakesRules, SpanRuler):
    """A span ruler for one rule family (see the module)."""

    def __init__(self, nlp: Language, name: str, family: str, overlapping: bool) -> None:
        super().__init__(
            nlp,
            name,
            spans_key=family,
            # Families whose spans may overlap keep them all; the others keep the first
            # longest of overlapping matches.
            spans_filter=None if overlapping else make_first_longest_spans_filter(),
            phrase_matcher_attr="LOWER",
            overwrite=True,
            validate=False,  # checked line by line when the rule files were read
            scorer=partial(overlapping_labeled_spans_score, spans_key=family),
        )
        self.family = family
        self.lang = nlp.lang

    def take_rules(self, rule_set: RuleSet, fast: bool = True) -> None:
        """The family's patterns, from the rules (see TakesRules); `fast` as in
        `family_patterns`."""
        self.clear()
        self.add_patterns(family_patterns(self.nlp, rule_set, self.family, fast=fast))

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        # SpanRuler makes each phrase pattern a Doc with the components before it; the
        # phrase matcher compares LOWER, which the tokenizer sets, so the model there is
        # waste (seconds for a few thousand names, at every load of a saved pipeline).
        with self.nlp.select_pipes(enable=[]):
            super().add_patterns(patterns)

    def _require_patterns(self) -> None:
        # A family may have no pattern a pipeline can use (the parse-based ones on a blank
        # pipeline): no spans then, and no warning at every Doc.
        pass


@Language.factory(
    "coop_rules",
    default_config={"overlapping": False},
)
def make_rule_family(nlp: Language, name: str, family: str, overlapping: bool) -> RuleFamily:
    return RuleFamily(nlp, name, family, overlapping)
