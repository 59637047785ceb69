"""Whole-article outputs: the seed articles in data/raw against a golden file and the gold.

The golden file changes only on purpose: after a deliberate change to rules or assembly, run
`COOPEXTRACT_UPDATE_GOLDEN=1 pytest tests/test_golden.py`, read the diff, commit it.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from coopextract.models import Agreement
from coopextract.reading.articles import Article, iter_articles
from tests.conftest import PROJECT, SHARED

pytestmark = pytest.mark.model

RAW = PROJECT / "data" / "raw"
GOLDEN = Path(__file__).parent / "golden" / "data_raw.jsonl"


@pytest.fixture(scope="module")
def raw_records(extractor) -> list[Agreement]:
    articles = [a for a in iter_articles(RAW) if isinstance(a, Article)]
    assert len(articles) == 5
    return [r for _, records in extractor.extract_many(articles) for r in records]


def as_lines(records: list[Agreement]) -> list[str]:
    ordered = sorted(records, key=lambda r: (r.article.path, r.evidence[0].start, r.id))
    return [r.model_dump_json() for r in ordered]


def test_seed_articles_match_the_golden_file(raw_records: list[Agreement]) -> None:
    lines = as_lines(raw_records)
    if os.environ.get("COOPEXTRACT_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    assert lines == expected


def test_every_line_validates_and_quotes_its_article(raw_records: list[Agreement]) -> None:
    texts = {p.name: p.read_bytes().decode("utf-8") for p in RAW.glob("*.txt")}
    for line in as_lines(raw_records):
        record = Agreement.model_validate_json(line)
        text = texts[record.article.path]
        for evidence in record.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
            for mark in evidence.marks:
                assert text[mark.start : mark.end] == mark.text


def _scorer():
    path = SHARED / "tools" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/tools/score.py is not beside the project")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_seed_articles_against_their_gold(raw_records: list[Agreement]) -> None:
    scorer = _scorer()
    gold_path = SHARED / "corpus" / "fr" / "gold.jsonl"
    seeds = {p.name for p in RAW.glob("*.txt")}
    gold = [
        g
        for g in map(json.loads, gold_path.read_text(encoding="utf-8").splitlines())
        if g["doc"] in seeds
    ]
    predictions = [json.loads(line) for line in as_lines(raw_records)]
    result = scorer.score(gold, predictions, RAW)
    assert result["evidence_offsets"]["wrong"] == 0
    assert result["f1"] >= 0.8, result["errors"]
    assert result["field_accuracy"]["parties"] >= 0.9, result["errors"]
