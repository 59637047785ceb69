"""The pre-scan lets through every text in which the pipeline can find an instrument trigger,
and an article it stops skips the pipeline (blank pipelines: no model)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from coopextract.pipeline.build import build_pipeline
from coopextract.pipeline.prescan import TriggerScan
from coopextract.rule_files import load_rules
from coopextract.run.extract import Extractor
from tests.conftest import make_article
from tests.test_matching import LANGUAGES, articles, pattern_samples


def paragraphs(language: str) -> list[str]:
    found = [p for text in articles(language) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return found + pattern_samples(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_with_a_trigger_gets_through(language: str) -> None:
    rule_set = load_rules(None, language)
    rule_set.model = None  # blank: the scan must not depend on the model's tokenizer
    nlp = build_pipeline(rule_set, assemble=False)
    scan = TriggerScan(nlp, rule_set)
    with_trigger = 0
    for text in paragraphs(language):
        doc = nlp(text)
        has_trigger = any(s.label_ == "INSTRUMENT" for s in doc.spans.get("triggers", []))
        if has_trigger:
            with_trigger += 1
            assert scan(nlp.make_doc(text)), text[:200]
    assert with_trigger > 0


def test_a_pattern_that_reads_tags_still_lets_its_words_through() -> None:
    rule_set = load_rules(None, "fr")
    rule_set.model = None
    nlp = build_pipeline(rule_set, assemble=False)
    scan = TriggerScan(nlp, rule_set)
    # "déclaration de <PROPN>" needs the tagger; the scan drops the POS test.
    assert scan(nlp.make_doc("Une déclaration de Pékin."))
    # IDIOM patterns hide "accord" in the pipeline; the scan does not guess: through.
    assert scan(nlp.make_doc("Ils sont d'accord."))
    assert not scan(nlp.make_doc("La fusée a décollé de Baïkonour hier soir."))


def test_an_article_without_trigger_skips_the_pipeline(blank_french: Path) -> None:
    extractor = Extractor(blank_french)
    seen: list[str] = []

    @Language.component("test_prescan_seen")
    def remember(doc: Doc) -> Doc:
        seen.append(doc.text)
        return doc

    extractor.nlp.add_pipe("test_prescan_seen", first=True)
    signed = "Roscosmos et la CNSA ont signé un accord sur la Lune."
    texts = ["La fusée a décollé hier.", signed, "Le lanceur est prêt.", signed]
    results = list(
        extractor.extract_many(make_article(t, path=f"{n}.txt") for n, t in enumerate(texts))
    )
    # In input order, every article, those without a trigger too; only two went through.
    assert [a.path for a, _ in results] == ["0.txt", "1.txt", "2.txt", "3.txt"]
    assert [len(records) for _, records in results] == [0, 1, 0, 1]
    assert seen == [signed, signed]


def test_fast_path_off_runs_everything_through_the_pipeline(blank_french: Path) -> None:
    extractor = Extractor(blank_french, fast_path=False)
    assert extractor.scan is None
    records = extractor.extract(make_article("Roscosmos et la CNSA ont signé un accord."))
    assert len(records) == 1
