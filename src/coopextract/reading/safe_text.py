"""Strings from outside made safe where they enter: file names and JSON strings.

Python hands over what is not Unicode as lone surrogates: a file name byte that is not UTF-8
becomes U+DC80-U+DCFF (PEP 383), and JSON's `"\\ud800"` escape decodes to an unpaired
surrogate. Neither can be encoded as UTF-8, so one such string stops any later write of the
records, the manifest or errors.jsonl, on every run. They are replaced here, once, as they
enter, and nothing downstream has to know.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def without_surrogates(text: str) -> str:
    """`text` with each unpaired surrogate replaced by U+FFFD: the same length, so offsets into
    it are offsets into the original."""
    return _SURROGATE.sub(REPLACEMENT, text)


def shown_name(name: str) -> str:
    """A file name as reported: bytes that are not UTF-8 written `\\xe9`, the rest as is.

    `caf\\xe9.txt` (a Latin-1 name) is reported as the ten characters `caf\\xe9.txt`, which
    tells which byte is wrong; the file itself is still read by its real name.
    """
    if not _SURROGATE.search(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no byte stands for: not from a file system
        return without_surrogates(name)
