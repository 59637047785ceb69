"""Bytes to text: the one place that knows encodings.

`decode` reads a file's bytes the way its writer most likely saved them:

1. a byte order mark names the encoding (UTF-8, UTF-16 or UTF-32, either byte order); the
   mark stays in the text as U+FEFF at offset 0, as a plain UTF-8 reader keeps a UTF-8 BOM,
   so the text is `raw.decode("utf-16-le")` (say), not `raw.decode("utf-16")`, which drops it;
2. bytes that are valid UTF-8 are UTF-8 (and nearly never anything else); so are bytes that
   are UTF-8 but for a few invalid sequences, each read as U+FFFD (`errors="replace"`), when
   valid multi-byte characters outnumber them;
3. otherwise charset-normalizer chooses among the encodings French text is saved in
   (`CANDIDATES`: Windows-1252, Latin-1, Latin-9, Mac Roman, UTF-16 without a BOM). The list
   is short on purpose: asked about every code page, it reads a short French text as cp1257
   or a CJK code page as readily as cp1252.

Nothing is converted: the text is exactly the decoded bytes, line ends (CRLF too) included, so
offsets into it are offsets into any strict decoding of the file with the encoding reported.
Bytes that are no text (images, PDFs, archives) are refused with a reason: either no
candidate decodes them plausibly, or the decoded text is full of control characters. A few
stray NUL or control bytes in a text do not make it binary; they are kept in the text and
masked before analysis (`coopextract.reading.boilerplate`).
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

from charset_normalizer import from_bytes

from coopextract.reading.boilerplate import CONTROL_CHARS

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# What charset-normalizer may choose from (Python codec names it knows).
CANDIDATES = (
    "utf_8",
    "utf_16_le",
    "utf_16_be",
    "cp1252",
    "latin_1",
    "iso8859_15",
    "mac_roman",
)
SUPPORTED = "UTF-8, UTF-16, Windows-1252, Latin-1, Latin-9 or Mac Roman"
# Text has line ends and letters; binary formats are full of NULs and other control bytes
# (about one byte in nine of compressed data). Above this share, and this count, it is not
# text: a few stray NULs in an article are below both.
BINARY_CONTROL_SHARE = 0.05
BINARY_CONTROL_MIN = 3
REPLACEMENT = "\ufffd"
_UTF8_REPLACEMENT = REPLACEMENT.encode("utf-8")
# The C0 control bytes but tab and line ends.
_C0_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r")


class Decoded(NamedTuple):
    text: str
    encoding: str  # Python's name of the codec: utf-8, utf-16-le, cp1252, iso8859-1, ...


def decode(raw: bytes) -> Decoded:
    """The text of a file's bytes and the encoding read; ValueError saying why if not text."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as err:
                raise ValueError(
                    f"starts with a {encoding.upper()} byte order mark but is not "
                    f"{encoding.upper()} text (bytes {err.start}-{err.end}); save it as UTF-8"
                ) from None
            return Decoded(_checked(text), encoding)
    nuls = raw.count(0)
    # Many NULs: UTF-16 without a mark (valid UTF-8 when it is all ASCII), or binary.
    wide = nuls > BINARY_CONTROL_MIN and nuls > len(raw) * BINARY_CONTROL_SHARE
    replaced: _Replaced | None = None  # UTF-8 read with U+FFFD for what is not UTF-8
    if not wide:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            replaced = _replacing(raw)
            if 0 < replaced.invalid < replaced.multibyte:
                return Decoded(_checked(replaced.text), "utf-8")
        else:
            return Decoded(_checked(text), "utf-8")
    # charset-normalizer counts stray control bytes as noise and then refuses Windows-1252
    # for a French text with one NUL in it. The single-byte candidates read those bytes as
    # the same controls, so it is shown the text without them; UTF-16 needs every byte.
    sample = raw if wide else raw.translate(None, _C0_BYTES)
    # UTF-16 text has NULs (every space, digit and Latin letter holds one): without them,
    # charset-normalizer's UTF-16 reading of a short text is a guess, never the answer.
    candidates = CANDIDATES if wide else tuple(c for c in CANDIDATES if "16" not in c)
    match = from_bytes(sample, cp_isolation=list(candidates)).best()
    if match is None and replaced is not None and replaced.multibyte > 0:
        # UTF-8 mixed with another encoding (a Windows-1252 paragraph pasted in): no
        # encoding reads it all, and UTF-8 with replacements loses least.
        return Decoded(_checked(replaced.text), "utf-8")
    if match is None:
        raise ValueError(f"binary file, or text in none of the encodings read ({SUPPORTED})")
    encoding = codecs.lookup(match.encoding).name
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:  # charset-normalizer read a part only; the rest is not text
        raise ValueError(
            f"binary file, or text in none of the encodings read ({SUPPORTED})"
        ) from None
    return Decoded(_checked(text), encoding)


class _Replaced(NamedTuple):
    """Bytes read as UTF-8 with each invalid sequence as U+FFFD (`errors="replace"`)."""

    text: str
    invalid: int  # invalid sequences replaced
    multibyte: int  # valid multi-byte characters


def _replacing(raw: bytes) -> _Replaced:
    """The bytes read as UTF-8 with replacements, and what that took.

    One stray byte (a Windows-1252 quote pasted in, a cut multi-byte character) should not
    make the whole article binary, nor be read as Windows-1252 with every accent garbled. A
    text saved in a single-byte encoding has next to no valid multi-byte sequences (its
    accents are lone high bytes), a damaged UTF-8 text has many: it is UTF-8 when its valid
    multi-byte characters outnumber its invalid sequences. Python's `errors="replace"`
    reads each invalid sequence as one U+FFFD, so the same decoding gives the same offsets.
    """
    text = raw.decode("utf-8", errors="replace")
    replaced = text.count(REPLACEMENT)
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return _Replaced(text, replaced - raw.count(_UTF8_REPLACEMENT), non_ascii - replaced)


def _checked(text: str) -> str:
    controls = len(CONTROL_CHARS.findall(text))
    if controls > BINARY_CONTROL_MIN and controls > len(text) * BINARY_CONTROL_SHARE:
        raise ValueError(
            f"binary file ({controls:,} of its {len(text):,} characters are NUL or other "
            "control characters), not text"
        )
    return text
