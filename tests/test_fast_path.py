"""The fast path (pre-scan, compiled patterns) gives the records of the whole pipeline, with
the trained model, on the seed articles and on the French dev set."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopextract.reading.articles import Article, iter_articles
from coopextract.rule_files import PATTERN_FAMILIES
from coopextract.run.extract import Extractor
from tests.conftest import PROJECT

pytestmark = pytest.mark.model

RAW = PROJECT / "data" / "raw"


@pytest.fixture(scope="module")
def full() -> Extractor:
    return Extractor(fast_path=False)


def records(extractor: Extractor, folder: Path) -> list[str]:
    articles = [a for a in iter_articles(folder) if isinstance(a, Article)]
    assert articles
    return [r.model_dump_json() for _, rs in extractor.extract_many(articles) for r in rs]


def test_fast_path_gives_the_full_records_on_the_seed_articles(extractor, full) -> None:
    assert extractor.scan is not None
    fast = records(extractor, RAW)
    assert fast == records(full, RAW)
    assert fast


def test_fast_path_gives_the_full_records_on_the_dev_set(extractor, full, shared_corpus) -> None:
    folder = shared_corpus / "fr"
    assert records(extractor, folder) == records(full, folder)


def test_compiled_rulers_find_the_spans_of_the_rules_as_written(extractor, full) -> None:
    for path in sorted(RAW.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        fast, slow = extractor.nlp(text), full.nlp(text)
        for family in PATTERN_FAMILIES:
            expected = [(s.start, s.end, s.label_, s.id_) for s in slow.spans.get(family, [])]
            assert [(s.start, s.end, s.label_, s.id_) for s in fast.spans.get(family, [])] == (
                expected
            ), (path.name, family)
