"""The pipeline fingerprint: what a record depends on besides the article, without the model.

A record is a function of the article's bytes and of everything that turns them into
records: the rule files, the date vocabulary, the spaCy model, the libraries coopextract
depends on (spaCy, the date parser, the readers of HTML and encodings) and coopextract's own
code. `pipeline_fingerprint` hashes all of them, so that `coopextract ingest` can tell whether
a stored result is still what a fresh extraction would give *before* it loads the model
(seconds), and skip loading it when nothing changed.

The model is identified by the name and version in its package's `meta.json`, read from disk
without importing or loading it. coopextract's code is hashed file by file rather than trusted
to its version number: in an editable install, an edit to the assembly changes the output
long before the version does.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
from importlib import metadata
from pathlib import Path
from typing import Any

import coopextract
from coopextract import __version__
from coopextract.errors import RulesError
from coopextract.models import SCHEMA_VERSION
from coopextract.rule_files import available_languages, default_rules_dir, load_rules

# Libraries whose behaviour shows in the records, when coopextract's own declared
# dependencies cannot be listed (running from a source tree that is not installed).
LIBRARIES = ("spacy", "dateparser", "pydantic")
# Dependencies of the command line only, which never touch a record.
CLI_ONLY = frozenset({"typer", "rich", "pyarrow"})
# coopextract's own modules that read records but never make them: editing them must not
# force every article to be extracted again.
NOT_EXTRACTION = frozenset({"cli", "review", "evaluate.py", "exports"})


def pipeline_fingerprint(
    rules_dir: Path | None = None, language: str = "fr", model: str | None = None
) -> str:
    """16 hex digits that change whenever the records of an unchanged article could.

    Loads and checks the rules (RulesError names the file and line of a bad one) and reads
    the model's metadata, but never loads the model.
    """
    rules_root = rules_dir or default_rules_dir()
    rule_set = load_rules(rules_root, language)
    date_words = rules_root / language / "date_words.json"
    if not date_words.is_file():
        raise RulesError(date_words, None, f"missing: dates in {language!r} need a date vocabulary")
    meta = model_meta(model or rule_set.model, language)

    digest = hashlib.sha256()
    digest.update(f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}\n".encode())
    digest.update(f"coopextract-{__version__}-schema-{SCHEMA_VERSION}\n".encode())
    for library in _libraries():
        digest.update(f"{library}-{_version(library)}\n".encode())
    for relative, path in _code_files():
        _add_file(digest, relative, path)
    # Relative names, so that a copy of the same rules elsewhere has the same fingerprint.
    for path in sorted({*rule_set.sources, date_words}):
        _add_file(digest, path.relative_to(rules_root).as_posix(), path)
    return digest.hexdigest()[:16]


def languages_fingerprint(
    rules_dir: Path | None = None, models: dict[str, str] | None = None
) -> str:
    """The fingerprint of a multilingual run: every language's pipeline, in a stable order."""
    root = rules_dir or default_rules_dir()
    models = models or {}
    parts = [
        f"{language}:{pipeline_fingerprint(rules_dir, language, models.get(language))}"
        for language in available_languages(root)
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def model_meta(name: str | None, language: str = "fr") -> dict[str, Any]:
    """The `meta.json` of an installed spaCy model package (or model folder), not loaded.

    No name means the blank pipeline `spacy.blank(language)`, whose meta this mirrors.
    Raises RulesError, as loading the model would, when it is not installed.
    """
    if not name:
        return {"lang": language, "name": "pipeline", "version": "0.0.0"}
    folder = _package_folder(name)
    if folder is None and Path(name).is_dir():
        folder = Path(name)  # spacy.load also takes the path of a model folder
    meta_path = folder / "meta.json" if folder is not None else None
    try:
        if meta_path is None:
            raise FileNotFoundError(name)
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise RulesError(
            name,
            None,
            f"spaCy model {name!r} for language {language!r} is not installed; "
            "install it (pip install) or remove it from the language's language.json",
        ) from err
    if not isinstance(meta, dict):
        raise RulesError(meta_path, None, "not a spaCy model meta.json; reinstall the model")
    return meta


def _package_folder(name: str) -> Path | None:
    # find_spec locates a top-level package without importing it.
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _libraries() -> list[str]:
    """coopextract's declared dependencies: a new version of any of them (a reader, the
    model, the parser of dates) may change the records, and the list stays in step with
    pyproject.toml by itself."""
    try:
        requirements = metadata.requires("coopextract") or []
    except metadata.PackageNotFoundError:
        return list(LIBRARIES)
    names = set()
    for requirement in requirements:
        if "extra ==" in requirement:
            continue  # development tools
        match = re.match(r"[A-Za-z0-9._-]+", requirement)
        if match:
            names.add(match.group().lower().replace("_", "-"))
    return sorted(names - CLI_ONLY)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "none"


def _code_files() -> list[tuple[str, Path]]:
    package = Path(coopextract.__file__).parent
    found = []
    # An installed package's rules/ holds no .py files, and the rules are hashed on their own.
    for folder, dirs, files in os.walk(package):
        dirs[:] = [d for d in dirs if d != "__pycache__" and d not in NOT_EXTRACTION]
        for name in files:
            # pipeline/config.cfg: which components run, with which settings.
            if name.endswith((".py", ".cfg")) and name not in NOT_EXTRACTION:
                path = Path(folder, name)
                found.append((path.relative_to(package).as_posix(), path))
    return sorted(found)


def _add_file(digest: Any, name: str, path: Path) -> None:
    data = path.read_bytes()
    # Name and length first: the concatenation of files is then unambiguous.
    digest.update(f"{name}\0{len(data)}\0".encode())
    digest.update(data)
