"""The lemmatizer's lookup tables built fast are the tables spaCy builds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lookups import Lookups

from coopextract.pipeline import lookup_tables
from coopextract.pipeline.lookup_tables import fast_lookup_tables, same_table

# Keys as the tables have them: words, or their 64-bit hashes; values as msgpack carries them.
keys = st.one_of(st.text(max_size=12), st.integers(min_value=0, max_value=2**63 - 1))
values = st.one_of(
    st.text(max_size=8),
    st.lists(st.text(max_size=8), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(-(2**31), 2**31), max_size=2),
)
tables = st.dictionaries(
    st.text(min_size=1, max_size=10), st.dictionaries(keys, values, max_size=40), max_size=4
)


def serialised(data: dict) -> bytes:
    lookups = Lookups()
    for name, entries in data.items():
        lookups.add_table(name, entries)
    return lookups.to_bytes()


@settings(max_examples=150, deadline=None)
@given(tables)
def test_the_tables_are_spacys_own(data: dict) -> None:
    blob = serialised(data)
    theirs = Lookups().from_bytes(blob)
    with fast_lookup_tables():
        ours = Lookups().from_bytes(blob)
    assert ours.tables == theirs.tables
    for name in theirs.tables:
        assert same_table(ours.get_table(name), theirs.get_table(name))
        # Hashed and string keys alike find their entries, through the Bloom filter too.
        for key in data[name]:
            assert key in ours.get_table(name)
            assert ours.get_table(name).get(key) == theirs.get_table(name).get(key)


def test_a_difference_is_seen() -> None:
    blob = serialised({"lemma_lookup": {"chats": "chat", "étoiles": "étoile"}})
    with fast_lookup_tables():
        ours = Lookups().from_bytes(blob)
    table = ours.get_table("lemma_lookup")
    reference = Lookups().from_bytes(blob).get_table("lemma_lookup")
    assert same_table(table, reference)
    table["lunes"] = "lune"
    assert not same_table(table, reference)


def test_spacys_loader_is_back_after_the_block() -> None:
    original = Lookups.from_bytes
    with fast_lookup_tables():
        assert Lookups.from_bytes is not original
    assert Lookups.from_bytes is original


def test_a_spacy_that_builds_tables_otherwise_keeps_its_own_loader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lookup_tables, "builds_as_spacy_does", lambda: False)
    original = Lookups.from_bytes
    with fast_lookup_tables():
        assert Lookups.from_bytes is original
