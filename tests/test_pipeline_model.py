"""What the pipeline leaves out of the trained model changes none of the annotations it reads."""

from __future__ import annotations

import pytest
import spacy

from coopextract.pipeline.build import UNUSED_COMPONENTS, load_language
from coopextract.pipeline.components.typography import add_infixes
from coopextract.rule_files import load_rules
from tests.conftest import PROJECT, SHARED

pytestmark = pytest.mark.model

MODEL = "fr_core_news_md"


def annotations(nlp: spacy.Language, texts: list[str]) -> list[tuple]:
    return [
        (t.idx, t.text, t.lemma_, t.pos_, t.tag_, str(t.morph), t.dep_, t.head.i, t.norm_)
        for doc in nlp.pipe(texts)
        for t in doc
    ]


def test_the_model_without_its_strings_store_annotates_the_same() -> None:
    # The seed articles, and the French dev articles when ../shared is there.
    paths = sorted((PROJECT / "data" / "raw").glob("*.txt"))
    paths += sorted((SHARED / "corpus" / "fr").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    ours = load_language(load_rules(None, "fr"), MODEL)
    whole = spacy.load(MODEL, exclude=list(UNUSED_COMPONENTS))
    whole.add_pipe("coop_sentences", before="parser")  # the same sentence boundaries
    add_infixes(whole)  # and the same tokens
    assert len(ours.vocab.strings) < len(whole.vocab.strings) / 100  # left out indeed
    assert annotations(ours, texts) == annotations(whole, texts)
