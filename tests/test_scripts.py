"""Words written in two alphabets (`reading.scripts`): their stray letters read as the
look-alikes of their own alphabet, one character for one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopextract.reading.boilerplate import mask
from coopextract.reading.scripts import unmix_scripts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Cyrillic "а" in a Latin name, a Latin "c" in a Cyrillic one
        ("United Launch Alliаnce", "United Launch Alliance"),
        ("Роскосмоc и NASA", "Роскосмос и NASA"),
        ("Aрианэспас", "Арианэспас"),
    ],
)
def test_a_stray_letter_is_written_in_its_word_s_alphabet(text: str, expected: str) -> None:
    assert unmix_scripts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "coopération spatiale, Chang'e 6",  # accents are Latin letters
        "Москва и Пекин",  # one alphabet each
        "ΑΒΓ Alpha",  # words of one alphabet side by side
        "Xβ",  # no main alphabet: one letter each
    ],
)
def test_words_of_one_alphabet_are_left_alone(text: str) -> None:
    assert unmix_scripts(text) == text


def test_the_pipeline_reads_the_unmixed_text() -> None:
    assert mask("Le consortium United Launch Alliаnce a commandé.", []) == (
        "Le consortium United Launch Alliance a commandé."
    )


@given(st.text())
def test_unmixing_keeps_length_and_is_stable(text: str) -> None:
    once = unmix_scripts(text)
    assert len(once) == len(text)
    assert unmix_scripts(once) == once
    assert all(a == b for a, b in zip(once, text, strict=True) if not a.isalpha())


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_is_unchanged(text: str) -> None:
    assert unmix_scripts(text) == text
