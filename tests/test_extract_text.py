"""`coopextract.extract_text`: records from a string, as ingest gives them for a file."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import coopextract
from coopextract.errors import LanguageError, RulesFolderError
from coopextract.models import Agreement
from coopextract.run import text as text_module
from coopextract.writing import read_records

PROJECT = Path(__file__).resolve().parents[1]
RAW = PROJECT / "data" / "raw"
# What `coopextract ingest data/raw` writes (tests/test_golden.py keeps it so).
GOLDEN = PROJECT / "tests" / "golden" / "data_raw.jsonl"
SEED = "000_d1d8bed0e0f75784.txt"

ENGLISH = (
    "NASA and the Japan Aerospace Exploration Agency signed an agreement on 9 April 2024 to "
    "send a Japanese astronaut to the Moon aboard a future Artemis mission.\n"
)


def test_importing_the_package_loads_no_pipeline() -> None:
    """`import coopextract` stays cheap: extract_text and spaCy come on first use."""
    code = (
        "import sys, coopextract\n"
        "assert 'extract_text' in coopextract.__all__\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('spacy', 'coopextract.')))\n"
        "print(loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT
    )
    assert done.stdout.strip() == "['coopextract.errors']"


def test_the_package_names_nothing_else() -> None:
    with pytest.raises(AttributeError, match="no attribute 'extract_txt'"):
        coopextract.extract_txt  # noqa: B018


@pytest.mark.model
def test_a_seed_article_gives_the_records_ingest_gives() -> None:
    text = (RAW / SEED).read_text(encoding="utf-8")
    ingested = [r for r in read_records(GOLDEN) if r.article.path == SEED]
    assert ingested, "the seed article has records in the golden file"

    records = coopextract.extract_text(text, language="fr")
    assert [r.article.path for r in records] == ["text"] * len(ingested)
    # The same records but for the article's path, and the ids, which name it.
    assert [_without_path(r) for r in records] == [_without_path(r) for r in ingested]
    # With the file's name as path: the very same records, ids included (language detected).
    assert coopextract.extract_text(text, path=SEED) == ingested


def _without_path(record: Agreement) -> dict:
    data = record.model_dump(exclude={"id"})
    del data["article"]["path"]
    return data


def test_a_short_english_text() -> None:
    # English runs a blank pipeline with the English rules: no trained model needed.
    records = coopextract.extract_text(ENGLISH, language="en", published="2024-04-10")
    assert len(records) == 1
    record = records[0]
    assert [p.name for p in record.parties] == ["NASA", "JAXA"]
    assert (record.instrument, record.status) == ("agreement", "signed")
    assert (record.date.value, record.date.precision) == ("2024-04-09", "day")
    assert record.article.language == "en"
    assert record.article.published.value == "2024-04-10"
    assert record.article.title == ENGLISH.strip()
    assert record.evidence[0].text in ENGLISH
    start, end = record.evidence[0].start, record.evidence[0].end
    assert ENGLISH[start:end] == record.evidence[0].text


def test_the_language_is_detected_and_the_date_may_be_a_date() -> None:
    records = coopextract.extract_text(ENGLISH, published=date(2024, 4, 10), title="Artemis")
    assert [r.article.language for r in records] == ["en"]
    assert records[0].article.title == "Artemis"
    assert records[0].article.published.value == "2024-04-10"


def test_relative_dates_are_read_against_the_publication_date() -> None:
    text = "NASA and JAXA signed an agreement yesterday on lunar exploration.\n"
    records = coopextract.extract_text(text, language="en", published="2024-04-10")
    assert [r.date.value if r.date else None for r in records] == ["2024-04-09"]


def test_the_pipeline_is_loaded_once() -> None:
    coopextract.extract_text(ENGLISH, language="en")
    before = text_module._extractor.cache_info()
    coopextract.extract_text(ENGLISH, language="en")
    after = text_module._extractor.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)
    assert "en" in text_module._extractor(None, ()).extractors


def test_an_empty_text_has_no_records() -> None:
    assert coopextract.extract_text("  \n", language="en") == []


@pytest.mark.parametrize("language", ["xx", "french", ""])
def test_a_language_without_rules_is_a_clear_error(language: str) -> None:
    if not language:  # an empty language is no language: detected
        assert coopextract.extract_text(ENGLISH, language=language)
        return
    with pytest.raises(LanguageError) as caught:
        coopextract.extract_text(ENGLISH, language=language)
    assert isinstance(caught.value, ValueError)
    message = str(caught.value)
    assert f"no rules for language {language!r}" in message
    assert "there are rules for de, en, es, fr, it, pt, ru" in message


def test_a_detected_language_without_rules_is_a_clear_error() -> None:
    dutch = (
        "De Europese ruimtevaartorganisatie en de Japanse ruimtevaartorganisatie hebben "
        "gisteren in Parijs een overeenkomst ondertekend over de verkenning van de maan."
    )
    with pytest.raises(LanguageError, match="no rules for language 'nl'"):
        coopextract.extract_text(dutch)


def test_other_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'published' is not a date"):
        coopextract.extract_text(ENGLISH, language="en", published="10/04/2024")
    with pytest.raises(TypeError, match="text must be a string"):
        coopextract.extract_text(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(RulesFolderError, match="rules folder not found"):
        coopextract.extract_text(ENGLISH, rules_dir=tmp_path / "nowhere")
