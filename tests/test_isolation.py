"""Extraction that isolates failures: one article's exception costs that article only."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from coopextract.models import Agreement
from coopextract.reading.articles import Article
from coopextract.run.isolation import extract_isolated, internal_error_reason
from tests.conftest import make_article
from tests.fakes import POISON, FakeExtractor


def articles(*texts: str) -> list[Article]:
    return [make_article(f"Titre {n}\n{text}\n", path=f"{n}.txt") for n, text in enumerate(texts)]


def outcome(found: list[Agreement] | Exception) -> int | str:
    return len(found) if isinstance(found, list) else type(found).__name__


def test_a_failure_in_a_batch_costs_one_article() -> None:
    texts = ["accord"] * 3 + [POISON] + ["accord accord"] * 6
    extractor = FakeExtractor(batch_size=4)
    results = list(extract_isolated(extractor, articles(*texts)))
    assert [a.path for a, _ in results] == [f"{n}.txt" for n in range(10)]
    assert [outcome(found) for _, found in results] == [1, 1, 1, "ValueError"] + [2] * 6


def test_consecutive_failures_and_failure_at_the_end() -> None:
    texts = [POISON, POISON, "accord", POISON]
    results = list(extract_isolated(FakeExtractor(batch_size=2), articles(*texts)))
    assert [outcome(found) for _, found in results] == ["ValueError"] * 2 + [1, "ValueError"]


class Broken:
    """Fails before taking a single article, every time."""

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list]]:
        raise RuntimeError("no model")
        yield  # a generator, as the real one is


def test_an_extractor_that_always_fails_still_ends() -> None:
    results = list(extract_isolated(Broken(), articles("a", "b", "c")))
    assert [(a.path, outcome(found)) for a, found in results] == [
        ("0.txt", "RuntimeError"),
        ("1.txt", "RuntimeError"),
        ("2.txt", "RuntimeError"),
    ]


class Forgetful(FakeExtractor):
    """Drops the second article of every call, as a buggy extractor might."""

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list]]:
        results = list(super().extract_many(articles))
        yield from (r for n, r in enumerate(results) if n != 1)


def test_an_article_the_extractor_forgot_is_tried_alone() -> None:
    results = list(extract_isolated(Forgetful(), articles("accord", "accord accord", "x")))
    assert sorted((a.path, outcome(found)) for a, found in results) == [
        ("0.txt", 1),
        ("1.txt", 2),  # alone, it is the first: not forgotten
        ("2.txt", 0),
    ]


def test_an_exception_of_the_stream_is_not_an_articles_failure() -> None:
    def stream() -> Iterator[Article]:
        yield from articles("accord")
        raise KeyError("a bug in reading")

    with pytest.raises(KeyError, match="a bug in reading"):
        list(extract_isolated(FakeExtractor(), stream()))


def test_reason_is_one_bounded_line() -> None:
    assert internal_error_reason(ValueError("a\n  b")) == "internal error: ValueError: a b"
    assert internal_error_reason(KeyError()) == "internal error: KeyError"
    long = internal_error_reason(ValueError("x" * 1000))
    assert len(long) < 400 and long.endswith("…")
