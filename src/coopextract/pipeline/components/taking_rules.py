"""What the project's components share: rules that arrive through `initialize`.

Like spaCy's own rulers, a component gets its knowledge when the pipeline is initialized:
either a RuleSet already read (the project's extractor reads the rule files once for all its
components) or, as `spacy assemble` and `nlp.initialize()` call it, the rule files of the
pipeline's language under a rules folder.
"""

from pathlib import Path
from typing import Any

from spacy.language import Language

from coopextract.rule_files import RuleSet, load_rules


class TakesRules:
    """A component whose `initialize` hands a RuleSet to `take_rules`."""

    lang: str

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Language | None = None,
        rules: RuleSet | None = None,
        rules_dir: Path | None = None,
        **settings: Any,
    ) -> None:
        """Take the rules from `rules`, or else from the rule files of the pipeline's
        language under `rules_dir` (None: the rules shipped with coopextract)."""
        self.take_rules(
            rules if rules is not None else load_rules(rules_dir, self.lang), **settings
        )

    def take_rules(self, rule_set: RuleSet, **settings: Any) -> None:
        raise NotImplementedError
