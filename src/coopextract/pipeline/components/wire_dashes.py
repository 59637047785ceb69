"""The tokenizer's one addition: a wire dateline's glued dash.

Dow Jones and other wires glue the dash of their dateline to the story ("FRANKFURT (Dow
Jones)--Airbus hat …", "PARIS (Agefi-Dow Jones)--Thales Alenia Space"): spaCy's tokenizer
keeps "Jones)--Airbus" one token, which hides the story's first name. A double hyphen, and a
bracket closing right before one, become tokens of their own.

Registered as the callback `coop_wire_dashes.v1`, which the saved pipeline's config runs after
initializing (`[initialize.after_init]`); the tokenizer then saves the pattern with the
pipeline. `coopextract.pipeline.build` applies it to the pipelines it builds.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.util import compile_infix_regex, registry

WIRE_INFIXES = (r"--", r"(?<=\w)\)(?=--)")


def split_wire_dashes(nlp: Language) -> Language:
    """Add the wire dateline's infixes to the language's own."""
    infixes = [*(nlp.Defaults.infixes or ()), *WIRE_INFIXES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


@registry.callbacks("coop_wire_dashes.v1")
def make_split_wire_dashes() -> Callable[[Language], Language]:
    return split_wire_dashes
