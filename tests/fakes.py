"""A stand-in for `coopextract.run.extract.Extractor`: no model, deterministic, countable.

Also used by the kill test's subprocess (`python -c`, see test_kill.py), so it imports
nothing from pytest.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from coopextract.models import Agreement
from coopextract.reading.articles import Article
from coopextract.rule_files import load_rules
from tests.test_writing import make_record

FAKE_FINGERPRINT = "fake-fingerprint"
# An article containing this word makes the fake extractor raise, as a bug would.
POISON = "EXPLOSER"


def fake_records(article: Article) -> list[Agreement]:
    """One record per "accord" in the article's body."""
    found = []
    for match in re.finditer("accord", article.text[article.body_start :]):
        start = article.body_start + match.start()
        record = make_record(article.path, start, "accord")
        found.append(record.model_copy(update={"article": article.ref()}))
    return found


class FakeExtractor:
    """One record per "accord"; checks the rules like the real one; works in batches.

    Like `nlp.pipe`, it takes a whole batch of articles before yielding the first result,
    so an exception on one article loses the rest of its batch, as with the real pipeline.
    """

    fingerprint = FAKE_FINGERPRINT

    def __init__(
        self,
        rules_dir: Path | None = None,
        language: str = "fr",
        *,
        batch_size: int = 4,
        delay: float = 0.0,
    ) -> None:
        load_rules(rules_dir, language)
        self.batch_size = batch_size
        self.delay = delay
        self.extracted: list[str] = []  # paths, in the order extracted

    def extract_many(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, list[Agreement]]]:
        stream = iter(articles)
        while batch := list(islice(stream, self.batch_size)):
            results = []
            for article in batch:
                if POISON in article.text:
                    raise ValueError(f"cannot extract\n{article.path}")
                time.sleep(self.delay)
                results.append((article, fake_records(article)))
                self.extracted.append(article.path)
            yield from results
