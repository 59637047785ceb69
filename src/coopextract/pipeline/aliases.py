"""The spellings news text uses for one name, written once in the rules."""

from __future__ import annotations

import unicodedata
from typing import Any

_APOSTROPHES = ("'", "’")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def alias_variants(alias: str) -> list[str]:
    """Spellings news text uses for one name: both apostrophes, hyphen or space, accents or not."""
    variants = {alias}
    for a, b in (_APOSTROPHES, _APOSTROPHES[::-1]):
        variants |= {v.replace(a, b) for v in variants}
    # "Chang'e 6" / "Chang'e-6" / "Bion M2" / "Bion-M2": a hyphen between word parts is optional.
    variants |= {v.replace("-", " ") for v in variants if "-" in v}
    variants |= {
        v.replace(" ", "-")
        for v in variants
        if " " in v and len(v.split()) == 2 and v.split()[-1][:1].isdigit()
    }
    variants |= {_strip_accents(v) for v in variants}
    return sorted(variants)


def expand_patterns(patterns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pattern lines with each phrase pattern replaced by one line per spelling."""
    expanded = []
    for line in patterns:
        if isinstance(line["pattern"], str):
            expanded.extend({**line, "pattern": v} for v in alias_variants(line["pattern"]))
        else:
            expanded.append(line)
    return expanded
