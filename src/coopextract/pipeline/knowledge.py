"""What the agreement finder knows from the rule files, as plain data a pipeline can save.

The catalog of parties and subjects (`rules/shared/catalog.jsonl`) and the forms of the
demonyms ("russe" -> "Russia") travel inside a saved pipeline, so that `spacy.load` of it
needs no rules folder.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from coopextract.rule_files import CatalogEntry

# CatalogEntry fields that are tuples in Python and lists in JSON and msgpack.
_TUPLE_FIELDS = ("scope", "members")


def catalog_lines(catalog: dict[str, CatalogEntry]) -> list[dict[str, Any]]:
    """The catalog's entries as JSON objects, in catalog order."""
    return [asdict(entry) for entry in catalog.values()]


def catalog_from_lines(lines: list[dict[str, Any]]) -> dict[str, CatalogEntry]:
    """The catalog `catalog_lines` gave."""
    entries = (
        CatalogEntry(**{k: tuple(v) if k in _TUPLE_FIELDS else v for k, v in line.items()})
        for line in lines
    )
    return {entry.id: entry for entry in entries}
