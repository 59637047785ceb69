"""The extractor: rules + pipeline + date resolver, built once and applied to many articles."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from coopextract import __version__
from coopextract.articles import Article
from coopextract.assemble import merge_mentions
from coopextract.boilerplate import mask
from coopextract.dates import DateResolver
from coopextract.models import SCHEMA_VERSION, Agreement
from coopextract.pipeline import build_pipeline
from coopextract.records import build_records
from coopextract.rules import load_rules


class Extractor:
    """Extracts agreement records from articles of one language."""

    def __init__(
        self,
        rules_dir: Path | None = None,
        language: str = "fr",
        model: str | None = None,
        batch_size: int = 16,
    ) -> None:
        self.rule_set = load_rules(rules_dir, language)
        self.nlp = build_pipeline(self.rule_set, model)
        self.resolver = DateResolver(language)
        self.batch_size = batch_size
        self.fingerprint = self._fingerprint()

    def _fingerprint(self) -> str:
        """Changes whenever the output could: model, rules content, code or schema version."""
        digest = hashlib.sha256()
        meta = self.nlp.meta
        digest.update(f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}".encode())
        digest.update(f"coopextract-{__version__}-schema-{SCHEMA_VERSION}".encode())
        for path in sorted([*self.rule_set.sources, self.resolver.source]):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()[:16]

    def extract(self, article: Article) -> list[Agreement]:
        return next(self.extract_many([article]))[1]

    def extract_many(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, list[Agreement]]]:
        """Records for each article, in input order; the model runs in batches.

        The pipeline reads the article with its boilerplate lines and control characters
        masked (`coopextract.boilerplate`): the same length, so its offsets are the article's.
        """
        boilerplate = self.rule_set.boilerplate
        pairs = (
            (mask(article.text, boilerplate)[article.body_start :], article) for article in articles
        )
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            drafts = merge_mentions(doc._.agreement_mentions, self.resolver, article.published)
            yield article, build_records(article, drafts, article.body_start)
