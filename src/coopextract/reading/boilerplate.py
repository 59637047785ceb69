"""What the pipeline does not analyse: page furniture lines and control characters.

Articles saved from the web carry cookie banners, "Suivez ... sur Telegram", share buttons,
copyright footers and photo credits; analysed as text they lend their names and dates to the
story, and spaCy's parser sees control characters (stray NULs) as words. `mask` returns a
string of the same length with those characters replaced by spaces, so every offset in the
masked text is an offset in the original: the pipeline reads the masked text, and records
quote the original one. Non-breaking and other fixed-width spaces become plain spaces too:
the tokenizer splits words on plain spaces only and makes a space token of the others, so
"9\u00a0mars\u00a02021" or "l'été\u00a02020" (French typography) escaped every rule that
spans two words.

Which lines are boilerplate is data: `rules/shared/boilerplate.jsonl` and
`rules/<lang>/boilerplate.jsonl` (loaded by `coopextract.rule_files.load_boilerplate`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from coopextract.reading.scripts import unmix_scripts

if TYPE_CHECKING:  # rules.py imports spaCy; reading files should not have to
    from coopextract.rule_files import BoilerplateRule

# C0 and C1 control characters and DEL, except the line ends and tab that text is made of.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# No-break, figure, thin and narrow no-break spaces, and the other Unicode space separators.
ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# An accent or backtick typed for an apostrophe between two letters ("l´Accord", "d`un").
ODD_APOSTROPHES = re.compile(r"(?<=[^\W\d_])[\u00b4`](?=[^\W\d_])")
# A line is what lies between \n, \r\n or \r: the line ends the sentence splitter reads.
_LINE = re.compile(r"[^\r\n]+")
# A paragraph saved on one line is article text whatever words it contains, and a very long
# line (a file with no line breaks) should not cost a regex search per rule.
MAX_BOILERPLATE_LINE = 2_000


class MaskedLine(NamedTuple):
    """A line found to be boilerplate: its offsets (line end excluded) and the rule's id."""

    start: int
    end: int
    rule: str


def without_controls(text: str) -> str:
    """`text` with every control character but \\n, \\r and \\t replaced by a space."""
    return CONTROL_CHARS.sub(" ", text)


def boilerplate_lines(text: str, rules: Sequence[BoilerplateRule]) -> list[MaskedLine]:
    """The lines of `text` that a rule finds to be boilerplate, in order."""
    found: list[MaskedLine] = []
    if not rules:
        return found
    for match in _LINE.finditer(without_controls(text)):
        line = match.group().strip()
        if not line or len(line) > MAX_BOILERPLATE_LINE:
            continue
        rule = next((r for r in rules if r.regex.search(line)), None)
        if rule is not None:
            found.append(MaskedLine(match.start(), match.end(), rule.id))
    return found


def mask(text: str, rules: Iterable[BoilerplateRule]) -> str:
    """`text` as the pipeline should read it: same length, boilerplate lines and control
    characters replaced by spaces, line ends kept, every kind of space a plain one, an accent
    typed for an apostrophe an apostrophe, and a word's letters of another alphabet written as
    their look-alikes in its own."""
    cleaned = unmix_scripts(ODD_SPACES.sub(" ", without_controls(text)))
    cleaned = ODD_APOSTROPHES.sub("’", cleaned)
    lines = boilerplate_lines(cleaned, tuple(rules))
    if not lines:
        return cleaned
    parts = []
    last = 0
    for line in lines:
        parts.append(cleaned[last : line.start])
        parts.append(" " * (line.end - line.start))
        last = line.end
    parts.append(cleaned[last:])
    return "".join(parts)
