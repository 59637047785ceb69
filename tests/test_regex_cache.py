"""The compiled-regex cache: the same patterns as `re.compile`, from a file on the second load."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopextract.pipeline import regex_cache
from coopextract.pipeline.regex_cache import (
    CACHE_DIR_VARIABLE,
    DISABLE_VARIABLE,
    MIN_PATTERN_CHARS,
    compiled_regex_cache,
)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(folder))
    monkeypatch.delenv(DISABLE_VARIABLE, raising=False)
    return folder


def large(words: list[str]) -> str:
    """An alternation of words, long enough to be cached, like spaCy's exception patterns."""
    pattern = "(?iu)" + "|".join(f"(?:{re.escape(w)}-[a-zà-ÿ]+)" for w in words)
    filler = "|".join(f"(?:x{n:06d}y)" for n in range(MIN_PATTERN_CHARS // 10))
    return pattern + "|" + filler


def compile_fresh(pattern: str) -> re.Pattern[str]:
    re.purge()  # re keeps compiled patterns per process: make it compile
    return re.compile(pattern)


def test_a_large_pattern_is_compiled_once_then_read_back(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pattern = large(["arc-en", "porte", "Saint"])
    with compiled_regex_cache("xx"):
        first = compile_fresh(pattern)
    assert len(list(cache.glob("regex-xx-*.marshal"))) == 1

    def no_compiling(*args: object) -> None:
        raise AssertionError("compiled instead of read from the cache")

    monkeypatch.setattr(regex_cache, "_compile_keeping_code", no_compiling)
    with compiled_regex_cache("xx"):
        second = compile_fresh(pattern)
    # Patterns compare equal only with the same string, flags and engine code.
    assert second == first == compile_fresh(pattern)
    assert second.match("Porte-avions") and not second.match("porte avions")


def test_small_patterns_are_not_cached(cache: Path) -> None:
    with compiled_regex_cache("xx"):
        compile_fresh(r"\d+-\w+")
    assert not cache.exists()


def test_a_torn_cache_file_is_compiled_again_and_rewritten(cache: Path) -> None:
    pattern = large(["porte"])
    with compiled_regex_cache("xx"):
        expected = compile_fresh(pattern)
    (path,) = cache.glob("regex-xx-*.marshal")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with compiled_regex_cache("xx"):
        assert compile_fresh(pattern) == expected
    assert path.read_bytes() == data


def test_the_cache_can_be_turned_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DISABLE_VARIABLE, "1")
    with compiled_regex_cache("xx"):
        compile_fresh(large(["porte"]))
    assert not cache.exists()


def test_an_unwritable_cache_folder_costs_nothing_but_time(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(blocker / "cache"))
    pattern = large(["porte"])
    with compiled_regex_cache("xx"):
        assert compile_fresh(pattern).match("porte-avions")


def test_the_regex_compiler_is_restored_after_the_block(cache: Path) -> None:
    before = re._compiler.compile  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError), compiled_regex_cache("xx"):
        raise RuntimeError
    assert re._compiler.compile is before  # type: ignore[attr-defined]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text("abcéèàz'-", min_size=1, max_size=8), min_size=1, max_size=30))
def test_patterns_from_the_cache_equal_fresh_ones(tmp_path_factory, words: list[str]) -> None:
    folder = tmp_path_factory.mktemp("cache")
    pattern = large(words)
    old = os.environ.get(CACHE_DIR_VARIABLE)
    os.environ[CACHE_DIR_VARIABLE] = str(folder)
    try:
        with compiled_regex_cache("xx"):
            compile_fresh(pattern)
        with compiled_regex_cache("xx"):
            cached = compile_fresh(pattern)
    finally:
        if old is None:
            del os.environ[CACHE_DIR_VARIABLE]
        else:
            os.environ[CACHE_DIR_VARIABLE] = old
    assert cached == compile_fresh(pattern)


FRENCH_TOKENS = """
import sys
from coopextract.pipeline import regex_cache
from coopextract.pipeline.build import load_language
from coopextract.rule_files import load_rules

if sys.argv[1] == "cached":
    def no_compiling(*args):
        raise AssertionError("the French tokenizer pattern was compiled again")
    regex_cache._compile_keeping_code = no_compiling
nlp = load_language(load_rules(None, "fr"), "fr_core_news_md")
text = "Aujourd'hui, l'arc-en-ciel au-dessus de Saint-Pétersbourg : c'est-à-dire l'ISS."
print([t.text for t in nlp.make_doc(text)])
"""


@pytest.mark.model
def test_the_french_model_tokenizes_the_same_with_its_pattern_from_the_cache(
    tmp_path: Path,
) -> None:
    def tokens(mode: str, disabled: bool = False) -> str:
        environment = {**os.environ, CACHE_DIR_VARIABLE: str(tmp_path)}
        environment[DISABLE_VARIABLE] = "1" if disabled else ""
        done = subprocess.run(
            [sys.executable, "-c", FRENCH_TOKENS, mode],
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    plain = tokens("plain", disabled=True)
    assert "'arc-en-ciel'" in plain
    assert not list(tmp_path.iterdir())
    assert tokens("filling") == plain
    assert list(tmp_path.glob("regex-fr-*.marshal"))
    assert tokens("cached") == plain
