"""A saved pipeline is a spaCy pipeline: `spacy.load` of its folder finds what the extractor
finds, and the records built from it are ingest's (coopextract.pipeline.save, config.cfg)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from spacy.util import load_model_from_config
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.errors import OutputError
from coopextract.pipeline.build import build_pipeline, pipeline_config
from coopextract.pipeline.save import save_pipeline
from coopextract.rule_files import PATTERN_FAMILIES, load_rules
from coopextract.run.extract import Extractor
from coopextract.run.ingest import ingest
from tests.conftest import PROJECT

SEEDS = PROJECT / "data" / "raw"
ENGLISH = [
    "NASA and the European Space Agency signed an agreement on the Artemis programme on "
    "12 March 2021.\nThe two agencies will cooperate on lunar exploration.",
    "India and France signed a memorandum of understanding on space cooperation in 2019.",
    # a wire dateline's glued dash: the saved tokenizer splits it as the extractor's does
    "FRANKFURT (Dow Jones)--Airbus signed a contract with ESA on Tuesday.",
]


def found(docs) -> list[tuple]:
    """What a pipeline leaves on each Doc: its mentions, dated clauses and rule spans."""
    return [
        (
            doc._.agreement_mentions,
            doc._.dated_clauses,
            {key: [(s.start, s.end, s.label_, s.id_) for s in doc.spans[key]] for key in doc.spans},
            [t.is_sent_start for t in doc],
        )
        for doc in docs
    ]


def test_the_config_has_a_ruler_for_every_rule_family_and_takes_the_model_whole() -> None:
    config = pipeline_config()
    components = config["components"]
    families = [
        components[name]["family"]
        for name in config["nlp"]["pipeline"]
        if components[name].get("factory") == "coop_rules"
    ]
    assert families == list(PATTERN_FAMILIES)
    sourced = [name for name in config["nlp"]["pipeline"] if "source" in components[name]]
    assert sourced == ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer"]
    assert {components[name]["source"] for name in sourced} == {load_rules(None, "fr").model}


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_pipeline(tmp_path_factory.mktemp("pipeline") / "en", language="en")


def test_a_saved_blank_pipeline_finds_what_the_extractor_finds(english: Path) -> None:
    loaded = spacy.load(english)
    built = build_pipeline(load_rules(None, "en"))
    assert loaded.pipe_names == built.pipe_names
    ours = found(loaded.pipe(ENGLISH))
    assert ours == found(built.pipe(ENGLISH))
    assert all(mentions for mentions, *_ in ours)


def test_a_saved_pipeline_goes_through_bytes(english: Path) -> None:
    loaded = spacy.load(english)
    # The same components, empty, then filled from the bytes.
    fresh = load_model_from_config(loaded.config, auto_fill=True)
    assert fresh.get_pipe("coop_agreements").catalog == {}
    fresh.from_bytes(loaded.to_bytes())
    assert found(fresh.pipe(ENGLISH)) == found(loaded.pipe(ENGLISH))


def test_its_docs_go_through_bytes_and_between_processes(english: Path) -> None:
    """spaCy packs a Doc's extension values with msgpack: in Doc.to_bytes, and to bring the
    Docs of `nlp.pipe(n_process=N)` back from its processes."""
    loaded = spacy.load(english)
    docs = list(loaded.pipe(ENGLISH))
    assert found(Doc(loaded.vocab).from_bytes(doc.to_bytes()) for doc in docs) == found(docs)
    assert found(loaded.pipe(ENGLISH, n_process=2)) == found(docs)


def test_a_saved_pipeline_loads_in_a_fresh_process(english: Path) -> None:
    """As a user's own code runs it: spaCy finds the factories through the package's
    `spacy_factories` entry points, with no import of coopextract and nothing built."""
    script = textwrap.dedent(
        f"""
        import spacy

        nlp = spacy.load({str(english)!r})
        doc = nlp({ENGLISH[1]!r})
        print(sorted(p.entry.id for p in doc._.agreement_mentions[0].parties))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.split("\n")[0] == "['France', 'India']"


def test_saving_overwrites_a_saved_pipeline_but_no_other_folder(
    english: Path, tmp_path: Path
) -> None:
    assert save_pipeline(english, language="en") == english
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="holds other files"):
        save_pipeline(tmp_path, language="en")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_the_command_saves_a_pipeline_and_reports_errors_in_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["pipeline", "save", str(tmp_path / "en"), "-l", "en"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "en" / "coop_agreements" / "catalog.jsonl").is_file()
    result = runner.invoke(app, ["pipeline", "save", str(tmp_path / "xx"), "-l", "xx"])
    assert result.exit_code == 2  # a usage mistake
    assert result.output.startswith("Error: ") and "no rules for language 'xx'" in result.output
    assert not (tmp_path / "xx").exists()


# The trained model: saving takes it twice (its components, its tokenizer and vocabulary).


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> spacy.Language:
    return spacy.load(save_pipeline(tmp_path_factory.mktemp("pipeline") / "fr"))


@pytest.mark.model
def test_a_saved_pipeline_finds_on_the_seed_articles_what_the_extractor_finds(
    french: spacy.Language, extractor: Extractor
) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    assert french.pipe_names == extractor.nlp.pipe_names
    ours = found(french.pipe(texts))
    assert ours == found(extractor.nlp.pipe(texts))
    assert sum(len(mentions) for mentions, *_ in ours) >= len(texts)


@pytest.mark.model
def test_records_from_a_saved_pipeline_are_ingests(french: spacy.Language, tmp_path: Path) -> None:
    ingest(SEEDS, tmp_path / "ingest", language="fr")  # loads its own pipeline, as always
    ingest(SEEDS, tmp_path / "saved", extractor=Extractor(nlp=french), language="fr")
    expected = (tmp_path / "ingest" / "agreements.jsonl").read_bytes()
    assert expected.count(b"\n") >= len(list(SEEDS.glob("*.txt")))
    assert (tmp_path / "saved" / "agreements.jsonl").read_bytes() == expected
