"""Each language's example texts for the checks every rule folder passes.

`tests/test_rules_languages.py` holds the checks; a module here per language (`en.py`, ...)
holds that language's sentences, as one `Examples`. Every field is required and none may be
empty (`test_every_language_has_examples_for_every_check`), so a language added under
`rules/` runs every check, or fails until it has examples for each.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from importlib import import_module

from coopextract.models import DateValue

# The publication date the `dates` examples are read against: a Thursday.
PUBLISHED = DateValue(value="2021-03-11", precision="day")

Mention = tuple[str, str, list[str]]  # instrument, status, party ids in order


@dataclass(frozen=True)
class Examples:
    """What one language's rules must find, on short texts."""

    model: str | None  # the trained model language.json names; None: a blank pipeline
    date_anchors: dict[str, str]  # {"months": ..., "weekdays": ...}: a word of each list
    # The kinds of date word whose forms the patterns list by grammatical case, one list a
    # case (Russian months): no one list names them all.
    inflected: tuple[str, ...]
    # text -> every entity span in it, (span text, catalog id), in order
    entities: list[tuple[str, list[tuple[str, str]]]]
    demonyms: list[tuple[str, str, str]]  # text, its one demonym span, the state's id
    instruments: list[tuple[str, str | None]]  # text -> its one instrument trigger, or none
    idioms: list[str]  # an idiom hides the instrument word: IDIOM triggers only, no mention
    agreements: list[tuple[str, list[Mention]]]  # text -> every agreement mention, in order
    statuses: list[tuple[str, str | None]]  # sentence -> the status its cues give
    # a signing told in the present, then as still to come: the one agreement's status and
    # date, read against PUBLISHED (the weekday ahead, not the one gone)
    signings_to_come: list[tuple[str, str, str]]
    dates: list[tuple[str, str, str]]  # sentence, its one date span, its value at PUBLISHED
    # sentence, its publication date (None: none), the value of its one mention's date
    agreement_dates: list[tuple[str, str | None, str]]
    periods: list[tuple[str, str, str | None, str | None]]  # sentence, period span, start, end
    sentence_parties: list[tuple[str, list[str]]]  # text -> its first sentence's parties
    pair_references: list[tuple[str, str]]  # "the two countries" and the kind it refers to
    # texts whose one agreement is said to be new ("un nouvel accord")
    new_instruments: list[str]
    # a list of parties and the words in it that coordinate them ("or" does not)
    conjunctions: list[tuple[str, list[str]]]
    # text whose one mention takes its parties, in order, from the pair of the sentence before
    pairs_from_context: list[tuple[str, list[str]]]
    scopes: list[tuple[str, list[str]]]  # text -> its scope keywords' ids, in order
    agreement_scopes: list[tuple[str, list[str]]]  # text -> the scope of its one mention
    masked_lines: list[str]  # boilerplate lines, each masked
    kept_line: str  # an article's line that looks like boilerplate and is not masked


def examples(language: str) -> Examples:
    return import_module(f"tests.rule_examples.{language}").EXAMPLES


def empty_fields(found: Examples) -> list[str]:
    optional = ("model", "inflected")
    return [f.name for f in fields(found) if f.name not in optional and not getattr(found, f.name)]
