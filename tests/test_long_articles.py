"""A long article costs in proportion to its length: counted, not timed (bench/long_article.py
times it).

Merging mentions and building records run once per article, over all its mentions; work that
grows with the square of their number passes unnoticed on news articles and takes minutes
on a 5 MB one. These tests count the Python calls made for n and 2n mentions, generator
steps included (an `all(...)` over a list is one call per item it reads), and ask that
doubling the mentions at most doubles them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from coopextract.assembly.assemble import merge_mentions
from coopextract.assembly.records import build_records
from coopextract.pipeline.mentions import AgreementMention, TextSpan
from coopextract.pipeline.parties import PartyMention
from coopextract.reading.dates import DateResolver
from coopextract.rule_files import CatalogEntry
from coopextract.run.extract import batches
from tests.conftest import make_article

SENTENCE = "L'agence {a} et l'agence {b} négocient un accord."


def _party(name: str, start: int) -> PartyMention:
    return PartyMention(CatalogEntry(name, "agency"), name, start, start + len(name), "entity")


def _article_mentions(count: int, distinct: bool) -> tuple[str, list[AgreementMention]]:
    """`count` sentences, each a mention: of as many agreements between different agencies
    (`distinct`), or all of one agreement still under negotiation."""
    sentences, mentions = [], []
    offset = 0
    for n in range(count):
        a, b = (f"A{n}", f"B{n}") if distinct else ("A", "B")
        sentence = SENTENCE.format(a=a, b=b)
        parties = [
            _party(a, offset + sentence.index(a)),
            _party(b, offset + sentence.index(b, sentence.index(a) + len(a))),
        ]
        trigger = offset + sentence.index("accord")
        mentions.append(
            AgreementMention(
                instrument="agreement",
                trigger=TextSpan("accord", trigger, trigger + len("accord")),
                sentence=TextSpan(sentence, offset, offset + len(sentence)),
                parties=parties,
                party_source="sentence",
                status="negotiating",
                named=parties,
            )
        )
        sentences.append(sentence)
        offset += len(sentence) + 1
    return " ".join(sentences), mentions


def _calls(work: Callable[[], Any]) -> int:
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def _assemble(resolver: DateResolver, count: int, distinct: bool) -> int:
    text, mentions = _article_mentions(count, distinct)
    article = make_article(text)

    def work() -> None:
        build_records(article, merge_mentions(mentions, resolver, None), 0)

    return _calls(work)


@pytest.mark.parametrize("distinct", [True, False], ids=["many agreements", "one agreement"])
def test_assembling_twice_the_mentions_costs_at_most_twice_as_much(
    resolver: DateResolver, distinct: bool
) -> None:
    small, large = _assemble(resolver, 150, distinct), _assemble(resolver, 300, distinct)
    assert large <= 2.1 * small, (small, large)


def test_the_assembly_counted_gives_the_expected_records(resolver: DateResolver) -> None:
    text, mentions = _article_mentions(5, distinct=True)
    records = build_records(make_article(text), merge_mentions(mentions, resolver, None), 0)
    assert [sorted(p.name for p in r.parties) for r in records] == [
        [f"A{n}", f"B{n}"] for n in range(5)
    ]
    text, mentions = _article_mentions(5, distinct=False)
    (record,) = build_records(make_article(text), merge_mentions(mentions, resolver, None), 0)
    assert record.status == "negotiating" and len(record.evidence) == 5


# --- batches: the parser's memory grows with the tokens of a whole batch ----------------------


def _doc(vocab: Vocab, chars: int) -> Doc:
    return Doc(vocab, words=["x" * (chars - 1)], spaces=[True])  # `chars` characters


def test_batches_hold_at_most_count_pieces_and_chars_characters() -> None:
    vocab = Vocab()
    sizes = [10, 10, 10, 30, 60, 10, 100, 5, 5, 5, 5, 5]
    pieces = [(_doc(vocab, size), n) for n, size in enumerate(sizes)]
    found = list(batches(pieces, 3, 50))
    assert [[n for _, n in batch] for batch in found] == [
        [0, 1, 2],  # three pieces: the count is reached
        [3],  # 30 + 60 > 50
        [4],
        [5],  # 10 + 100 > 50
        [6],  # longer than 50 alone: a batch of its own
        [7, 8, 9],
        [10, 11],
    ]


def test_batches_read_pieces_only_as_needed() -> None:
    vocab = Vocab()
    read: list[int] = []

    def pieces():
        for n in range(10):
            read.append(n)
            yield _doc(vocab, 10), n

    first = next(batches(pieces(), 4, 1_000))
    assert [n for _, n in first] == [0, 1, 2, 3] and read == [0, 1, 2, 3, 4]
