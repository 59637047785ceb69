"""The tokenizer's additions: ways of typing text that hide a word from spaCy's tokenizer.

- A wire dateline's glued dash. Dow Jones and other wires glue the dash of their dateline
  to the story ("FRANKFURT (Dow Jones)--Airbus hat …", "PARIS (Agefi-Dow Jones)--Thales
  Alenia Space"): "Jones)--Airbus" stayed one token and hid the story's first name. A
  double hyphen, and a bracket closing right before one, become tokens of their own.
- A left single quote typed for an apostrophe after an elided article ("l‘Esa",
  "L‘opérateur", "dell‘ASI"): the word after it is a word of its own, as after "l'".
- An acronym's bracket glued to the name it abbreviates ("the Egyptian Space
  Agency(EgSA)"): the bracket and the acronym are tokens of their own, as after a space.

Registered as the callback `coop_typography.v1`, which the saved pipeline's config runs after
initializing (`[initialize.after_init]`); the tokenizer then saves its patterns with the
pipeline. `coopextract.pipeline.build` applies it to the pipelines it builds.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.util import compile_infix_regex, registry

INFIXES = (
    r"--",
    r"(?<=\w)\)(?=--)",
    # an elided article or preposition, then the quote ("l‘", "d‘", "un‘", "dell‘", "all‘")
    r"(?<=\b[cdjlmnstCDJLMNST]‘)(?=\w)",
    r"(?<=\b[UuAa][nl]‘)(?=\w)",
    r"(?<=\b(?:[Dd]e|[Nn]e|[Dd]a|[Ss]u)ll‘)(?=\w)",
    # a bracket between a lower-case letter and an acronym it closes on: "Agency(EgSA)"
    r"(?<=[a-zà-ÿ])\((?=[A-ZÀ-Þ][\w&-]*[A-Z][\w&-]*(?:\)|$))",
)


def add_infixes(nlp: Language) -> Language:
    """Add these infixes to the language's own."""
    infixes = [*(nlp.Defaults.infixes or ()), *INFIXES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


@registry.callbacks("coop_typography.v1")
def make_add_infixes() -> Callable[[Language], Language]:
    return add_infixes
