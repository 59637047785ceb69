"""Running the extractor so that an exception costs one article, not the run.

The extractor works in batches (`nlp.pipe`), so an exception raised for one article ends the
whole generator, and with it the articles of the batch that had not come out yet. Those are
tried again one at a time: the one that fails again is reported with its exception, the
others get their records, and extraction resumes in batches with the rest of the stream.
Only `Exception`s are caught: an interrupt or a kill still stops the run.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Protocol

from coopextract.errors import bug_reason
from coopextract.models import Agreement
from coopextract.reading.articles import Article

logger = logging.getLogger(__name__)


class ExtractsMany(Protocol):
    def extract_many(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, list[Agreement]]]: ...


class ExtractionFailed(Exception):
    """An article's extraction failed in a worker process (`coopextract.run.workers`): the
    original exception's reason, and its traceback as text for `--verbose`."""

    def __init__(self, reason: str, details: str = "") -> None:
        super().__init__(f"{reason}\n{details}" if details else reason)
        self.reason = reason
        self.details = details

    def __reduce__(self) -> tuple[type[ExtractionFailed], tuple[str, str]]:
        return (ExtractionFailed, (self.reason, self.details))


class _StreamFailed(Exception):
    """An exception from the article stream itself, not the extractor: never one article's."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


def extract_isolated(
    extractor: ExtractsMany, articles: Iterable[Article]
) -> Iterator[tuple[Article, list[Agreement] | Exception]]:
    """Each article with its records, or with the exception extracting it raised.

    Exceptions raised by `articles` itself (reading, callbacks) are not caught.
    """
    stream = iter(articles)
    handed: deque[Article] = deque()  # given to the extractor, no result yet

    def feed() -> Iterator[Article]:
        # A fresh generator for each extract_many call: a generator the extractor abandoned
        # is closed, but `stream` underneath it is not.
        while True:
            try:
                article = next(stream)
            except StopIteration:
                return
            except Exception as err:
                raise _StreamFailed(err) from err
            handed.append(article)
            yield article

    while True:
        failure: Exception | None = None
        try:
            for article, found in extractor.extract_many(feed()):
                _take(handed, article)
                yield article, list(found)
        except _StreamFailed as err:
            raise err.error from None
        except Exception as err:
            failure = err
        suspects = list(handed)
        handed.clear()
        if not suspects and failure is not None:
            # Failed before taking an article: give it the next one alone, so that every
            # round consumes at least one article and the loop ends.
            try:
                suspects = [next(stream)]
            except StopIteration:
                logger.debug("the extractor failed after the last article", exc_info=failure)
                return
        if not suspects:
            return  # the stream is exhausted and every article has its result
        for article in suspects:
            yield article, extract_one(extractor, article)


def extract_one(extractor: ExtractsMany, article: Article) -> list[Agreement] | Exception:
    """One article's records, or the exception extracting it raised."""
    try:
        for _, found in extractor.extract_many([article]):
            return list(found)
        raise RuntimeError("the extractor returned no result for the article")
    except Exception as err:
        return err


def internal_error_reason(error: BaseException) -> str:
    """`internal error: ValueError: message`, on one line and of bounded length."""
    if isinstance(error, ExtractionFailed):
        return error.reason  # made in the worker from the original exception
    return bug_reason(error)


def _take(handed: deque[Article], article: Article) -> None:
    # Results come in input order, so this is the head; identity, since equal articles may
    # repeat.
    for index, candidate in enumerate(handed):
        if candidate is article:
            del handed[index]
            return
