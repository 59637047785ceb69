"""Cutting long texts into pieces for the pipeline."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from coopextract.run.extract import chunk_spans


@given(st.text(alphabet=st.sampled_from("ab \n"), max_size=3000), st.integers(10, 500))
def test_pieces_cover_the_text_in_order_and_fit(text: str, size: int) -> None:
    start = min(3, len(text))
    spans = chunk_spans(text, start, size)
    assert spans[0][0] == start and spans[-1][1] == len(text)
    for (a, b), (c, _) in itertools.pairwise(spans):
        assert b == c and a < b
    assert all(b - a <= size for a, b in spans)


def test_pieces_end_at_paragraph_breaks() -> None:
    text = ("x" * 60 + "\n\n") * 10
    spans = chunk_spans(text, 0, 200)
    assert all(text[b - 1] == "\n" for _, b in spans[:-1])
