"""The extractor: rules + pipeline + date resolver, built once and applied to many articles."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from coopextract.assembly.assemble import merge_mentions
from coopextract.assembly.records import build_records
from coopextract.assembly.reference import text_reference
from coopextract.models import Agreement
from coopextract.pipeline.build import build_pipeline
from coopextract.pipeline.mentions import AgreementMention, DateClause, TextSpan
from coopextract.pipeline.parties import PartyMention
from coopextract.pipeline.prescan import TriggerScan
from coopextract.reading.articles import Article
from coopextract.reading.boilerplate import mask
from coopextract.reading.dates import resolver_for
from coopextract.rule_files import available_languages, default_rules_dir, load_rules
from coopextract.run.fingerprint import languages_fingerprint, pipeline_fingerprint

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class Extractor:
    """Extracts agreement records from articles of one language."""

    def __init__(
        self,
        rules_dir: Path | None = None,
        language: str = "fr",
        model: str | None = None,
        batch_size: int = 16,
        chunk_chars: int = 100_000,
        *,
        fast_path: bool = True,
        nlp: Language | None = None,
    ) -> None:
        self.rule_set = load_rules(rules_dir, language)
        # `nlp`: a pipeline built elsewhere, e.g. `spacy.load` of a folder `pipeline.save`
        # wrote, from the same rules: the pre-scan, boilerplate and dates read `rules_dir`.
        self.nlp = nlp if nlp is not None else build_pipeline(self.rule_set, model, fast=fast_path)
        # Off (`--no-fast-path`), every piece goes through the whole pipeline with the rule
        # patterns as written: the reference the fast path is compared with.
        self.scan = TriggerScan(self.nlp, self.rule_set) if fast_path else None
        self.resolver = resolver_for(language, rules_dir)
        self.batch_size = batch_size
        self.chunk_chars = chunk_chars
        self.rules_dir = rules_dir
        self.language = language
        self.model = model
        self.pipeline_name = model or self.rule_set.model or "blank"

    @cached_property
    def fingerprint(self) -> str:
        # The same value ingest computes without loading the model, so runs with a preloaded
        # extractor and runs without one reuse each other's results. Computed when asked:
        # workers never need it.
        return pipeline_fingerprint(self.rules_dir, self.language, self.model)

    def extract(self, article: Article) -> list[Agreement]:
        return next(self.extract_many([article]))[1]

    def extract_many(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, list[Agreement]]]:
        """Records for each article, in input order; the model runs in batches.

        The pipeline reads the article with its boilerplate lines and control characters
        masked (`reading.boilerplate`): the same length, so its offsets are the article's.
        A long article is read in pieces cut at paragraph breaks (`chunk_spans`), which
        keeps memory bounded and every piece under spaCy's `max_length`. On the fast path a
        piece in which the pre-scan finds no instrument trigger (`coopextract.pipeline.prescan`)
        skips the pipeline: it could yield no mention.
        """
        boilerplate = self.rule_set.boilerplate
        queue: deque[_Pending] = deque()  # articles handed in, in order, not yet given back

        def pieces() -> Iterator[tuple[Doc, _Context]]:
            for article in articles:
                pending = _Pending(article)
                queue.append(pending)
                text = mask(article.text, boilerplate)
                for start, end in chunk_spans(text, article.body_start, self.chunk_chars):
                    doc = self.nlp.make_doc(text[start:end])
                    if self.scan is None or self.scan(doc):
                        pending.sent += 1
                        yield doc, (pending, start)
                pending.complete = True

        def ready() -> Iterator[tuple[Article, list[Agreement]]]:
            while queue and queue[0].complete and queue[0].done == queue[0].sent:
                pending = queue.popleft()
                published = pending.article.published
                # Without a publication date, the text's own latest past date bounds it.
                reference = (
                    text_reference(pending.clauses, self.resolver) if published is None else None
                )
                drafts = merge_mentions(
                    pending.mentions,
                    self.resolver,
                    published,
                    reference=reference,
                    clauses=pending.clauses,
                )
                yield pending.article, build_records(pending.article, drafts, 0)

        # Batches are cut by size as well as by count: the model's working memory grows with
        # the tokens of a whole batch (a 5 MB article peaked at 5.7 GB in batches of 16
        # pieces of 100 kB, 1 GB one piece at a time), so a batch holds at most `batch_size`
        # pieces and, past its first, `chunk_chars` characters. Articles of ordinary length
        # still go `batch_size` at a time, in the same batches as before.
        for batch in batches(pieces(), self.batch_size, self.chunk_chars):
            docs = self.nlp.pipe((doc for doc, _ in batch), batch_size=len(batch))
            for doc, (_, (pending, start)) in zip(docs, batch, strict=True):
                before = len(pending.mentions)
                found = doc._.agreement_mentions
                pending.mentions.extend(shifted(m, start, before) for m in found)
                pending.clauses.extend(shifted_clause(c, start) for c in doc._.dated_clauses or [])
                pending.done += 1
                yield from ready()
        yield from ready()


@dataclass
class _Pending:
    """An article whose pieces are in the pipeline: results come back in input order, and
    an article none of whose pieces needs the pipeline waits for those before it."""

    article: Article
    mentions: list[AgreementMention] = field(default_factory=list)
    clauses: list[DateClause] = field(default_factory=list)  # dates and their tenses
    sent: int = 0  # pieces handed to the pipeline
    done: int = 0  # pieces back from it
    complete: bool = False  # every piece has been cut (and `sent` counted)


# Where a piece's mentions go: its article, and the piece's offset in the article's text.
_Context = tuple[_Pending, int]


class MultiExtractor:
    """One Extractor per language, each built the first time an article needs it.

    `models` names the spaCy package for a language ({"en": "en_core_web_sm"}); otherwise the
    language's `language.json` does, or a blank pipeline with the same rule components runs.
    Articles come back in input order; each language's articles still run in batches.
    """

    def __init__(
        self,
        rules_dir: Path | None = None,
        models: dict[str, str] | None = None,
        batch_size: int = 16,
        *,
        fast_path: bool = True,
    ) -> None:
        self.rules_dir = rules_dir
        self.models = dict(models or {})
        self.batch_size = batch_size
        self.fast_path = fast_path
        self.languages = tuple(available_languages(rules_dir or default_rules_dir()))
        self.extractors: dict[str, Extractor] = {}

    @cached_property
    def fingerprint(self) -> str:
        # Checks every language's rules: seconds a worker has no use for.
        return languages_fingerprint(self.rules_dir, self.models)

    def for_language(self, language: str) -> Extractor:
        if language not in self.extractors:
            self.extractors[language] = Extractor(
                self.rules_dir,
                language,
                self.models.get(language),
                self.batch_size,
                fast_path=self.fast_path,
            )
        return self.extractors[language]

    def pipelines(self) -> dict[str, str]:
        """Which pipeline each language used: the model's name, or "blank"."""
        return {lang: ex.pipeline_name for lang, ex in sorted(self.extractors.items())}

    def extract(self, article: Article) -> list[Agreement]:
        return next(self.extract_many([article]))[1]

    def extract_many(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, list[Agreement]]]:
        # Group a window of articles by language, run each group, give results back in order.
        # The first window is one batch: the first records come out without waiting for four.
        window = self.batch_size
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= window:
                yield from self._run(pending)
                pending = []
                window = self.batch_size * 4
        yield from self._run(pending)

    def _run(self, articles: list[Article]) -> Iterator[tuple[Article, list[Agreement]]]:
        results: dict[int, list[Agreement]] = {}
        by_language: dict[str, list[int]] = {}
        for index, article in enumerate(articles):
            by_language.setdefault(article.language, []).append(index)
        for language, indexes in by_language.items():
            extractor = self.for_language(language)
            done = extractor.extract_many(articles[i] for i in indexes)
            for index, (_, records) in zip(indexes, done, strict=True):
                results[index] = records
        for index, article in enumerate(articles):
            yield article, results[index]


def batches(
    pieces: Iterable[tuple[Doc, _Context]], count: int, chars: int
) -> Iterator[list[tuple[Doc, _Context]]]:
    """Consecutive pieces in lists of at most `count`, whose texts add up to at most `chars`
    characters unless one piece alone is longer. Lazy: a piece is read only when the batch
    before it is full, so results keep flowing while articles are still being read."""
    batch: list[tuple[Doc, _Context]] = []
    size = 0
    for piece in pieces:
        length = _length(piece[0])
        if batch and (len(batch) >= count or size + length > chars):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += length
    if batch:
        yield batch


def _length(doc: Doc) -> int:
    """The characters of a Doc's text, without joining it (`doc.text` builds the string)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def chunk_spans(text: str, start: int, size: int) -> list[tuple[int, int]]:
    """`text[start:]` cut into pieces of at most `size` characters, at a paragraph break,
    else a line break, else a space where possible. Always at least one piece."""
    spans = []
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        end = start + (cut + 1 if cut > size // 2 else size)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _moved_party(party: PartyMention, by: int) -> PartyMention:
    return replace(party, start_char=party.start_char + by, end_char=party.end_char + by)


def shifted_clause(clause: DateClause, by: int) -> DateClause:
    """A dated clause of one piece moved to the article's offsets."""
    span = clause.span
    return replace(clause, span=TextSpan(span.text, span.start + by, span.end + by))


def shifted(mention: AgreementMention, by: int, before: int) -> AgreementMention:
    """A mention of one piece moved to the article's offsets; `before` mentions of earlier
    pieces come first, so a follow-up's antecedent index moves with it."""
    if by == 0 and before == 0:
        return mention

    def move(span: TextSpan | None) -> TextSpan | None:
        return None if span is None else TextSpan(span.text, span.start + by, span.end + by)

    return replace(
        mention,
        trigger=move(mention.trigger),
        sentence=move(mention.sentence),
        status_cue=move(mention.status_cue),
        date_cue=move(mention.date_cue),
        dates=[move(d) for d in mention.dates],
        periods=[move(p) for p in mention.periods],
        continuation=move(mention.continuation),
        subject_spans=[move(s) for s in mention.subject_spans],
        parties=[_moved_party(p, by) for p in mention.parties],
        named=[_moved_party(p, by) for p in mention.named],
        follows=None if mention.follows is None else mention.follows + before,
    )
