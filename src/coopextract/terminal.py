"""Text from the data, made safe to print on a terminal: what `review` and `export` print.

Articles, titles, party names, file names, notes and ids in reviews.jsonl are untrusted: an
escape sequence in one of them, printed as is, could set the window title, clear the screen
or rewrite what was printed before, and a bidi override could make text read other than it
is. `visible` shows every such character instead of sending it:

- C0 controls but newline and tab, and DEL, as their Unicode Control Pictures (ESC as `␛`,
  BEL as `␇`, NUL as `␀`, DEL as `␡`): one character for one, so offsets into a text still
  hold (`visible_offsets`);
- C1 controls (U+0080–U+009F) as `\\x9b`, and the bidi embeddings, overrides and isolates
  (U+202A–U+202E, U+2066–U+2069) as `\\u202e`: there is no picture for them.

Rich markup is the other way data could drive the terminal (`[link=…]`, or a stray `[/]`
that stops rich with an error): `console()` is a Console that reads no markup and no emoji
codes in what it prints, and the renderings give rich `Text` objects, never markup strings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console

_NEWLINE, _TAB, _DEL = 0x0A, 0x09, 0x7F
_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))

_SHOWN: dict[int, str] = {
    **{code: chr(0x2400 + code) for code in range(0x20) if code not in (_NEWLINE, _TAB)},
    _DEL: "\u2421",
    **{code: f"\\x{code:02x}" for code in range(0x80, 0xA0)},
    **{code: f"\\u{code:04x}" for code in _BIDI},
}


def visible(text: str) -> str:
    """`text` with every control and bidi override character shown instead (see above)."""
    return text.translate(_SHOWN)


def visible_offsets(text: str) -> tuple[str, list[int]]:
    """`visible(text)`, and where each offset of `text` (0 to its length) lands in it: to
    place highlights given by offsets into the original."""
    shown = visible(text)
    if len(shown) == len(text):  # every replacement is one character for one, or none
        return shown, list(range(len(text) + 1))
    offsets = []
    position = 0
    for char in text:
        offsets.append(position)
        position += len(_SHOWN.get(ord(char), char))
    offsets.append(position)
    return shown, offsets


# In JSON a terminal would obey only what JSON leaves as it is: C1 controls and bidi
# overrides (it escapes C0 controls itself). Their escapes are the same text to a parser.
_ESCAPED_IN_JSON = {code: f"\\u{code:04x}" for code in (*range(0x80, 0xA0), *_BIDI)}


def visible_json(text: str) -> str:
    """JSON text (`json.dumps(..., ensure_ascii=False)`) safe to print: the characters a
    terminal would obey and JSON leaves raw written as `\\uXXXX` escapes instead."""
    return text.translate(_ESCAPED_IN_JSON)


def say(message: str) -> None:
    """Print a message line built from data (warnings, errors, what was done) on stderr."""
    typer.echo(visible(message), err=True)


def console() -> Console:
    """The Console of review's output: no markup or emoji codes read in what it prints, no
    highlighting of numbers and quotes (the text is the articles', not ours)."""
    from rich.console import Console

    return Console(highlight=False, markup=False, emoji=False)


def plural(count: int, word: str) -> str:
    """`1 article`, `2 articles`: a count and its noun, for the lines commands print."""
    return f"{count} {word}{'' if count == 1 else 's'}"
