"""Text from the data made safe to print (coopextract.terminal): what is shown, what is kept,
and highlights that stay on their words."""

from __future__ import annotations

from rich.console import Console

from coopextract.review.listing import record_view
from coopextract.terminal import visible, visible_offsets
from tests.test_writing import make_record


def test_controls_and_bidi_overrides_are_shown_newline_and_tab_kept() -> None:
    assert visible("\x1b[2J") == "␛[2J"
    assert visible("\x00\x07\x08\x0b\x0c\r\x7f") == "␀␇␈␋␌␍␡"
    assert visible("a\tb\nc") == "a\tb\nc"
    assert visible("\x85\x9b\x9f") == "\\x85\\x9b\\x9f"
    assert visible("\u202a\u202e\u2066\u2069") == "\\u202a\\u202e\\u2066\\u2069"
    assert visible("Roscosmos – ЦНИИмаш, 北京 «é» \u200b") == "Roscosmos – ЦНИИмаш, 北京 «é» \u200b"


def test_offsets_follow_longer_replacements() -> None:
    assert visible_offsets("a\x1bb") == ("a␛b", [0, 1, 2, 3])
    shown, at = visible_offsets("\x9bab\u202ec")
    assert shown == "\\x9bab\\u202ec"
    assert [shown[at[i] : at[i + 1]] for i in range(5)] == ["\\x9b", "a", "b", "\\u202e", "c"]


def test_marks_stay_on_their_words_after_a_control_before_them() -> None:
    text = "\x9b\u202eLa CNSA signe un accord."
    record = make_record(
        text=text,
        evidence=[
            {
                "text": text,
                "start": 0,
                "end": len(text),
                "marks": [{"label": "trigger", "text": "accord", "start": 19, "end": 25}],
            }
        ],
    )
    console = Console(force_terminal=True, color_system="truecolor", width=200)
    with console.capture() as captured:
        for part in record_view(record, record, []):
            console.print(part, soft_wrap=True)
    out = captured.get()
    assert "\x9b" not in out and "\u202e" not in out
    assert "\\x9b\\u202eLa CNSA signe un \x1b[30;48;2;255;209;102maccord\x1b[0m." in out
