from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from coopextract.models import DateValue
from coopextract.reading.articles import Article
from coopextract.rule_files import default_rules_dir

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"


# Compiled tokenizer patterns (pipeline.regex_cache) go to a folder of the tests' own, not
# the user's cache, and are shared by the processes the tests start.
os.environ.setdefault(
    "COOPEXTRACT_CACHE_DIR", str(Path(tempfile.gettempdir()) / "coopextract-tests-cache")
)

PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


def dv(value: str) -> DateValue:
    """A date at the precision its form shows: 2021, 2021-03, 2021-03-09."""
    return DateValue(value=value, precision=PRECISION_BY_LENGTH[len(value)])


def append(path: Path, line: str) -> int:
    """Add a line at the end of a rule file; return its line number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """A copy of the shipped rules to break or extend."""
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target


@pytest.fixture(scope="module")
def resolver():
    from coopextract.reading.dates import resolver_for

    return resolver_for("fr")


def make_article(text: str, published: str | None = None, path: str = "test.txt") -> Article:
    """An article from text written in a test; `published` as YYYY, YYYY-MM or YYYY-MM-DD."""
    date = dv(published) if published else None
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
    from coopextract.run.extract import Extractor

    return Extractor()


@pytest.fixture
def shared_corpus() -> Path:
    if not (SHARED / "corpus" / "fr" / "gold.jsonl").is_file():
        pytest.skip("../shared/corpus is not beside the project")
    return SHARED / "corpus"


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> list:
    """`ingest` loads the fake extractor (tests/fakes.py) instead of the model, with a fixed
    fingerprint; the list holds the extractors loaded."""
    from coopextract.rule_files import load_rules
    from coopextract.run import ingest as ingest_module
    from tests.fakes import FAKE_FINGERPRINT, FakeExtractor

    loaded: list[FakeExtractor] = []

    def load(rules_dir: Path | None, models: object = None) -> FakeExtractor:
        loaded.append(FakeExtractor(rules_dir))
        return loaded[-1]

    def fingerprint(rules_dir: Path | None = None, models: object = None) -> str:
        load_rules(rules_dir)
        return FAKE_FINGERPRINT

    monkeypatch.setattr(ingest_module, "_load_extractor", load)
    monkeypatch.setattr(ingest_module, "languages_fingerprint", fingerprint)
    return loaded


# The seed articles' records as the golden file holds them (tests/test_golden.py).
GOLDEN = Path(__file__).parent / "golden" / "data_raw.jsonl"


@pytest.fixture
def golden_folder(tmp_path: Path) -> Path:
    """An output folder holding the seed articles' records, as `ingest data/raw` writes them."""
    target = tmp_path / "extracted"
    target.mkdir()
    shutil.copy(GOLDEN, target / "agreements.jsonl")
    return target


@pytest.fixture
def blank_french(rules_copy: Path) -> Path:
    """The shipped rules with French on a blank pipeline: workers start in seconds."""
    (rules_copy / "fr" / "language.json").write_text(json.dumps({"model": None}))
    return rules_copy
