"""The lemmatizer's lookup tables, loaded without a Python call per entry.

fr_core_news_md's lemmatizer reads 216,000 table entries at every load. spaCy's
`Lookups.from_bytes` builds each `Table` (an OrderedDict keyed by string hashes, with a Bloom
filter of its keys) one `Table.__setitem__` at a time: 0.5 to 0.8 s, about half the model's
load, paid before the first article of every run (and of the `--workers` host).
`fast_lookup_tables()` has `Lookups.from_bytes` build the same tables - the same keys in the
same order, the same values, the same Bloom filter - with the per-entry work in a tight loop
of C calls.

This depends on how spaCy's `Table` keeps its data, so it checks itself: before its first use
in a process it builds a small table both ways and compares keys, values, order, attributes
and Bloom filter bytes; any difference (a future spaCy) and spaCy's own loader is used.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from typing import Any

import srsly
from preshed.bloom import BloomFilter
from spacy.lookups import Lookups, Table
from spacy.strings import get_string_id

logger = logging.getLogger(__name__)


def build_table(name: str, data: Mapping[Any, Any]) -> Table:
    """`Table(name, data)`, built faster."""
    table = Table.__new__(Table)
    OrderedDict.__init__(table)
    table.name = name
    table.default_size = 1e6
    table.bloom = BloomFilter.from_error_rate(max(len(data), 1))
    # Unbound C methods: what Table.__setitem__ does, without its Python frame per entry.
    setitem, add = OrderedDict.__setitem__, table.bloom.add
    for key, value in data.items():
        hashed = get_string_id(key)
        setitem(table, hashed, value)
        add(hashed)
    return table


def same_table(ours: Table, theirs: Table) -> bool:
    """The same entries in the same order, the same attributes and Bloom filter."""

    def attributes(table: Table) -> dict[str, Any]:
        return {k: v for k, v in vars(table).items() if k != "bloom"}

    return (
        list(ours.items()) == list(theirs.items())
        and attributes(ours) == attributes(theirs)
        and ours.bloom.to_bytes() == theirs.bloom.to_bytes()
    )


@cache
def builds_as_spacy_does() -> bool:
    sample = {"chat": ["chat"], "chats": ["chat"], 12345: "x", "été": {"a": 1}}
    return same_table(build_table("sample", sample), Table("sample", sample))


def _from_bytes(self: Lookups, bytes_data: bytes, **kwargs: Any) -> Lookups:
    self._tables = {
        name: build_table(name, data) for name, data in srsly.msgpack_loads(bytes_data).items()
    }
    return self


# Pays: 0.34 s of every model load (1.08 s with spaCy's loader, 0.74 s; bench/loading.py).
@contextmanager
def fast_lookup_tables() -> Iterator[None]:
    """While a model loads, its lookup tables are built by `build_table`."""
    if not builds_as_spacy_does():
        logger.debug("spaCy's Table differs from what build_table makes: not used")
        yield
        return
    original = Lookups.from_bytes
    Lookups.from_bytes = _from_bytes  # type: ignore[method-assign]
    try:
        yield
    finally:
        Lookups.from_bytes = original  # type: ignore[method-assign]
