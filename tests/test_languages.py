"""Languages: detection, the policy a run follows, and a language with no trained model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import langdetect
import langdetect_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopextract.reading.languages import LanguagePolicy, detect_language, normalise_code
from coopextract.rule_files import default_rules_dir
from coopextract.run.extract import MultiExtractor
from coopextract.run.ingest import ingest
from tests.conftest import make_article

FRENCH = "La Russie et la Chine ont signé un accord sur la construction d'une station lunaire."
ENGLISH = "Russia and China signed an agreement on building a lunar research station together."
GERMAN = "Russland und China haben ein Abkommen über den Bau einer Mondstation unterzeichnet."
DUTCH = "Rusland en China hebben een overeenkomst getekend over de bouw van een maanstation."


@pytest.mark.parametrize(("text", "expected"), [(FRENCH, "fr"), (ENGLISH, "en"), (GERMAN, "de")])
def test_detection_among_supported_languages(text: str, expected: str) -> None:
    assert detect_language(text, ("fr", "en", "de")) == expected


def test_detection_is_deterministic() -> None:
    assert {detect_language(ENGLISH, ("fr", "en")) for _ in range(5)} == {"en"}


def test_an_unsupported_language_is_named_not_forced_into_french() -> None:
    assert detect_language(GERMAN, ("fr",)) == "de"
    assert detect_language(DUTCH, ("fr", "en", "de")) == "nl"
    assert detect_language("12345 !!! " * 20, ("fr",)) == "fr"  # too few letters to tell
    assert detect_language("Titre\nCorps", ("fr", "en"), default="fr") == "fr"


def _ranked(module, text: str) -> list[tuple[str, float]] | str:
    module.DetectorFactory.seed = 0
    try:
        return [(guess.lang, guess.prob) for guess in module.detect_langs(text)]
    except module.LangDetectException as err:
        return f"LangDetectException: {err}"


# Detection runs on langdetect-rs for speed; an article's language, and so its records, must
# be what langdetect itself would decide: the same guesses with the same probabilities.
@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("abcdeéèàçôüñßz xyzАБВгд中文αβ,.'-\n0123"),
        max_size=300,
    )
)
def test_detection_is_langdetect_bit_for_bit(text: str) -> None:
    assert _ranked(langdetect_rs, text) == _ranked(langdetect, text)


def test_detection_is_langdetect_bit_for_bit_on_real_articles(shared_corpus: Path) -> None:
    for path in sorted(shared_corpus.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")[:5000]
        assert _ranked(langdetect_rs, text) == _ranked(langdetect, text), path.name


def test_forced_then_declared_then_detected() -> None:
    policy = LanguagePolicy(("fr", "en"))
    assert policy.choose(ENGLISH) == "en"
    assert policy.choose(ENGLISH, declared="fr-FR") == "fr"
    assert LanguagePolicy(("fr", "en"), forced="fr").choose(ENGLISH, declared="en") == "fr"
    assert normalise_code("pt_BR") == "pt"


@pytest.fixture(scope="module")
def rules_with_a_blank_language(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped rules plus a tiny language `xx` spoken with English words and no model."""
    root = tmp_path_factory.mktemp("rules")
    shutil.copytree(default_rules_dir() / "shared", root / "shared")
    shutil.copytree(default_rules_dir() / "fr", root / "fr")
    lang = root / "en"
    lang.mkdir()
    (lang / "language.json").write_text('{"model": null}')
    shutil.copy(default_rules_dir() / "fr" / "date_words.json", lang / "date_words.json")
    lines = {
        "entities.jsonl": [{"label": "STATE", "pattern": "Moscow", "id": "Russia"}],
        "triggers.jsonl": [
            {"label": "INSTRUMENT", "pattern": [{"LOWER": "agreement"}], "id": "agreement"}
        ],
        "status.jsonl": [{"label": "STATUS", "pattern": [{"LOWER": "signed"}], "id": "signed"}],
    }
    for name, rows in lines.items():
        (lang / name).write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return root


def test_a_language_without_a_trained_model_runs_on_a_blank_pipeline(
    rules_with_a_blank_language: Path,
) -> None:
    extractor = MultiExtractor(rules_with_a_blank_language)
    article = make_article("Moscow and CNSA signed an agreement.\nNothing else.")
    article = type(article)(**{**article.__dict__, "language": "en"})
    [(_, records)] = list(extractor.extract_many([article]))
    assert extractor.pipelines() == {"en": "blank"}
    assert "parser" not in extractor.for_language("en").nlp.pipe_names
    [record] = records
    assert {p.name for p in record.parties} == {"Russia", "CNSA"}
    assert record.instrument == "agreement"
    assert record.status == "signed"


def test_ingest_skips_a_language_without_rules(tmp_path: Path) -> None:
    from tests.fakes import FakeExtractor

    source = tmp_path / "in"
    source.mkdir()
    (source / "nl.txt").write_text(DUTCH * 3)
    result = ingest(source, tmp_path / "out", extractor=FakeExtractor())
    [skipped] = result.skipped
    assert "language 'nl' is not supported" in skipped.reason
    errors = (tmp_path / "out" / "errors.jsonl").read_text()
    assert "nl.txt" in errors
