"""The pipeline fingerprint: computed without the model, changed by whatever changes records."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import spacy

from coopextract.errors import RulesError
from coopextract.rule_files import default_rules_dir
from coopextract.run import fingerprint as fingerprint_module
from coopextract.run.fingerprint import model_meta, pipeline_fingerprint
from tests.conftest import append


def test_sixteen_hex_digits_and_stable(rules_copy: Path) -> None:
    value = pipeline_fingerprint(rules_copy)
    assert re.fullmatch(r"[0-9a-f]{16}", value)
    assert pipeline_fingerprint(rules_copy) == value


def test_only_the_code_that_makes_records_is_hashed() -> None:
    # Editing the command line, the review or an export must not make every article be
    # extracted again; editing the pipeline or the run must.
    hashed = [name for name, _ in fingerprint_module._code_files()]
    assert {"pipeline/build.py", "assembly/assemble.py", "run/ingest.py"} <= set(hashed)
    readers = ("cli", "review", "exports", "evaluate.py")
    assert [name for name in hashed if name.split("/")[0] in readers] == []


def test_the_model_is_not_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_load(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(spacy, "load", no_load)
    pipeline_fingerprint()


def test_same_rules_elsewhere_same_fingerprint(rules_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere" / "rules"
    shutil.copytree(rules_copy, other)
    assert pipeline_fingerprint(other) == pipeline_fingerprint(rules_copy)
    assert pipeline_fingerprint(rules_copy) == pipeline_fingerprint(default_rules_dir())


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("fr/triggers.jsonl", '{"label": "INSTRUMENT", "pattern": "pacte", "id": "agreement"}'),
        ("shared/catalog.jsonl", '{"id": "Atlantis", "kind": "state", "country": "AT"}'),
    ],
)
def test_a_rule_changes_it(rules_copy: Path, name: str, line: str) -> None:
    before = pipeline_fingerprint(rules_copy)
    append(rules_copy / name, line)
    assert pipeline_fingerprint(rules_copy) != before


def test_the_date_vocabulary_changes_it(rules_copy: Path) -> None:
    before = pipeline_fingerprint(rules_copy)
    path = rules_copy / "fr" / "date_words.json"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert pipeline_fingerprint(rules_copy) != before


def test_the_code_changes_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    before = pipeline_fingerprint()
    extra = tmp_path / "x.py"
    extra.write_text("# an edit\n")
    real = fingerprint_module._code_files
    monkeypatch.setattr(fingerprint_module, "_code_files", lambda: [*real(), ("x.py", extra)])
    assert pipeline_fingerprint() != before


def test_the_pipeline_config_is_code_it_hashes() -> None:
    """config.cfg says which components run, with which settings: records depend on it."""
    assert "pipeline/config.cfg" in dict(fingerprint_module._code_files())


def test_the_model_version_changes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    before = pipeline_fingerprint()
    real = fingerprint_module.model_meta

    def newer(name: str | None, language: str = "fr") -> dict:
        return {**real(name, language), "version": "9.9.9"}

    monkeypatch.setattr(fingerprint_module, "model_meta", newer)
    assert pipeline_fingerprint() != before


def test_model_meta_reads_the_installed_package() -> None:
    meta = model_meta("fr_core_news_md")
    assert (meta["lang"], meta["name"]) == ("fr", "core_news_md")
    assert meta["version"].startswith("3.8")
    assert model_meta(None) == {"lang": "fr", "name": "pipeline", "version": "0.0.0"}


def test_model_meta_of_a_model_folder(tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "fr", "name": "x", "version": "1"}))
    assert model_meta(str(tmp_path))["name"] == "x"


def test_missing_model_is_a_rules_error(rules_copy: Path) -> None:
    (rules_copy / "fr" / "language.json").write_text('{"model": "fr_no_such_model"}')
    with pytest.raises(RulesError, match="'fr_no_such_model' for language 'fr' is not installed"):
        pipeline_fingerprint(rules_copy)


def test_invalid_rules_are_a_rules_error(rules_copy: Path) -> None:
    line = append(rules_copy / "fr" / "triggers.jsonl", "{nope")
    with pytest.raises(RulesError, match=rf"triggers\.jsonl:{line}: not valid JSON"):
        pipeline_fingerprint(rules_copy)


def test_the_libraries_are_the_declared_dependencies() -> None:
    libraries = fingerprint_module._libraries()
    assert {"spacy", "dateparser", "pydantic"} <= set(libraries)
    assert not {"pytest", "ruff", "typer", "rich"} & set(libraries)
