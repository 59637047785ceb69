"""Compiled regular expressions kept between runs, as Python keeps compiled modules.

Importing `spacy.lang.fr` compiles the French tokenizer's exception pattern, 1.4 million
characters: 6 to 8 s on the two-core machines coopextract was measured on, more than loading
the model's weights, paid by every process that reads French (each run, each `--workers`
process). Python cannot save a compiled pattern (pickling one compiles it again), so while a
language loads, `compiled_regex_cache` keeps what the regex compiler produced for its large
patterns - the pattern's code, a list of integers - in the user's cache folder, and the next
load hands that code straight to the regex engine (15 ms).

This reaches into two internals of CPython's `re` (`re._compiler.compile`, which it wraps
while a language loads, and `_sre.compile`). So every step is guarded: the cache file is named
after the Python version, the regex engine's MAGIC number and the spaCy version; an entry is
used only for the very same pattern string and flags; the engine checks any code it is handed;
and whatever fails - an unreadable file, a future Python that compiles differently - falls
back to compiling as usual, which is only slower. COOPEXTRACT_CACHE_DIR moves the cache,
COOPEXTRACT_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import _sre
import logging
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

CACHE_DIR_VARIABLE = "COOPEXTRACT_CACHE_DIR"
DISABLE_VARIABLE = "COOPEXTRACT_NO_CACHE"
# Smaller patterns compile in milliseconds: not worth a file.
MIN_PATTERN_CHARS = 50_000
FORMAT = 1

# (pattern, flags asked for) -> (flags, code, groups, groupindex, indexgroup): _sre.compile's
# arguments after the pattern.
Entries = dict[tuple[str, int], tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]]

try:  # CPython 3.11+; elsewhere the cache is simply not used
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _compiler = _parser = None


def cache_dir() -> Path | None:
    """Where the compiled patterns are kept, or None when the cache is off."""
    if os.environ.get(DISABLE_VARIABLE, "") not in ("", "0"):
        return None
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("coopextract"))


def cache_file(folder: Path, name: str) -> Path:
    import spacy

    python = f"py{sys.version_info.major}{sys.version_info.minor}"
    return folder / f"regex-{name}-{python}-sre{_sre.MAGIC}-spacy{spacy.__version__}.marshal"


def _compile_keeping_code(pattern: str, flags: int) -> tuple[re.Pattern[str], tuple[Any, ...]]:
    """What `re._compiler.compile` does, keeping the arguments it gives the engine."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for group, index in groupindex.items():
        indexgroup[index] = group
    arguments = (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    return _sre.compile(pattern, *arguments), arguments


def _read(path: Path) -> Entries:
    try:
        with path.open("rb") as stream:
            version, entries = marshal.load(stream)
        if version != FORMAT or not isinstance(entries, dict):
            return {}
        return entries
    except FileNotFoundError:
        return {}
    except Exception as err:  # a torn or foreign file: compile as usual, rewrite it
        logger.debug("ignoring the regex cache %s: %s", path, err)
        return {}


def _write(path: Path, entries: Entries) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            marshal.dump((FORMAT, entries), stream)
        os.replace(temporary, path)  # atomic: a concurrent reader sees the old or the new
    except OSError as err:  # a read-only home: the next run compiles again, that is all
        logger.debug("cannot write the regex cache %s: %s", path, err)


# Pays: 2.2 s of every French load (3.0 s compiling, 0.7 s from the cache; bench/loading.py).
@contextmanager
def compiled_regex_cache(name: str) -> Iterator[None]:
    """Within the block, large patterns come from the cache file `name`, and those compiled
    for want of an entry are added to it when the block ends."""
    folder = cache_dir()
    if folder is None or _compiler is None:
        yield
        return
    path = cache_file(folder, name)
    entries = _read(path)
    added: Entries = {}
    original = _compiler.compile

    def compile(pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, str) or len(pattern) < MIN_PATTERN_CHARS or flags & re.DEBUG:
            return original(pattern, flags)
        arguments = entries.get((pattern, flags))
        if arguments is not None:
            try:
                return _sre.compile(pattern, *arguments)
            except Exception as err:  # the engine refused the code: compile it afresh
                logger.debug("regex cache entry refused: %s", err)
        compiled, arguments = _compile_keeping_code(pattern, flags)
        added[(pattern, flags)] = arguments  # type: ignore[assignment]
        return compiled

    _compiler.compile = compile
    try:
        yield
    finally:
        _compiler.compile = original
        if added:
            _write(path, {**entries, **added})
