from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from coopextract.articles import Article
from coopextract.models import DateValue

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"


def make_article(text: str, published: str | None = None, path: str = "test.txt") -> Article:
    """An article from text written in a test; `published` as YYYY, YYYY-MM or YYYY-MM-DD."""
    date = None
    if published:
        precision = {4: "year", 7: "month", 10: "day"}[len(published)]
        date = DateValue(value=published, precision=precision)
    return Article(
        path=path,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=text.strip().splitlines()[0][:300],
        published=date,
        body_start=0,
    )


@pytest.fixture(scope="session")
def extractor():
    """One trained-model pipeline for every end-to-end test (loading it takes seconds)."""
    from coopextract.extract import Extractor

    return Extractor()


@pytest.fixture
def shared_corpus() -> Path:
    if not (SHARED / "corpus" / "fr" / "gold.jsonl").is_file():
        pytest.skip("../shared/corpus is not beside the project")
    return SHARED / "corpus"
