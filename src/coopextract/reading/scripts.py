"""Words written in two alphabets: "Alliаnce" with a Cyrillic "а", a slip of Russian
keyboards (and of copy-editing) that keeps a name from matching the catalog.

`unmix_scripts` writes such a word's stray letters as their look-alikes in the word's own
alphabet, one character for one, so that every offset into the text stays valid: the records
quote the article as written. Which letters look alike is Unicode's list of confusables,
as `confusable-homoglyphs` ships it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from confusable_homoglyphs import categories, confusables

# The alphabets whose letters stand in for one another in news text.
ALPHABETS = frozenset({"LATIN", "CYRILLIC", "GREEK"})
_WORD = re.compile(r"\w{2,}")


def unmix_scripts(text: str) -> str:
    """`text` with each word of mixed alphabets written in its main one, where every stray
    letter has a look-alike there; same length, every other character unchanged."""
    if text.isascii():
        return text
    parts: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        word = match.group(0)
        # a Latin letter and another: "Alliаnce", "Роскосмоc" (and every accented word,
        # whose letters are all Latin: found so by `_unmixed`, once per word)
        if word.isascii() or not any(c.isascii() for c in word):
            continue
        fixed = _unmixed(word)
        if fixed != word:
            parts += [text[last : match.start()], fixed]
            last = match.end()
    return "".join(parts) + text[last:] if parts else text


@lru_cache(maxsize=4096)
def _unmixed(word: str) -> str:
    """The word in its main alphabet, or the word itself when it is one alphabet's, when the
    main one is not clear, or when a stray letter has no single look-alike there."""
    letters = [categories.alias(c) for c in word if c.isalpha()]
    counts = Counter(a for a in letters if a in ALPHABETS)
    if len(counts) < 2:
        return word
    (main, most), (_, next_most) = counts.most_common(2)
    if most <= next_most:
        return word
    out = []
    for c in word:
        alias = categories.alias(c) if c.isalpha() else main
        if alias == main or alias not in ALPHABETS:
            out.append(c)
            continue
        same = _look_alike(c, main)
        if same is None:
            return word
        out.append(same)
    return "".join(out)


@lru_cache(maxsize=512)
def _look_alike(char: str, alphabet: str) -> str | None:
    """The one letter of `alphabet` that `char` is confusable with, if there is one."""
    found = confusables.is_confusable(char, greedy=True, preferred_aliases=[alphabet.lower()])
    for entry in found or []:
        for glyph in entry["homoglyphs"]:
            if len(glyph["c"]) == 1 and categories.alias(glyph["c"]) == alphabet:
                return glyph["c"]
    return None
