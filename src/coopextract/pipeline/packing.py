"""The pipeline's results through msgpack, so that a Doc it made can be serialised.

spaCy packs a Doc's extension values (`doc._.agreement_mentions`, `doc._.dated_clauses`) with
msgpack in `Doc.to_bytes`, in `DocBin(store_user_data=True)`, and in `nlp.pipe(n_process=N)`,
which hands Docs between processes that way. msgpack knows no dataclasses, so these are
registered with srsly: each is packed as a map naming its class and unpacked into it.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

import srsly

from coopextract.pipeline.mentions import AgreementMention, DateClause, TextSpan
from coopextract.pipeline.parties import PartyMention
from coopextract.rule_files import CatalogEntry

_KEY = "__coopextract__"
_CLASSES = {
    cls.__name__: cls
    for cls in (AgreementMention, CatalogEntry, DateClause, PartyMention, TextSpan)
}


def _encode(obj: Any, chain: Any = None) -> Any:
    if is_dataclass(obj) and type(obj).__name__ in _CLASSES:
        return {_KEY: type(obj).__name__, **{f.name: getattr(obj, f.name) for f in fields(obj)}}
    return obj if chain is None else chain(obj)


def _sequence(kind: str, value: Any) -> Any:
    """msgpack gives arrays back as lists, or as tuples (DocBin): each as its field says."""
    if isinstance(value, list | tuple):
        if kind.startswith("list["):
            return list(value)
        if kind.startswith("tuple["):
            return tuple(value)
    return value


def _decode(obj: Any, chain: Any = None) -> Any:
    cls = _CLASSES.get(obj.get(_KEY)) if isinstance(obj, dict) else None
    if cls is None:
        return obj if chain is None else chain(obj)
    return cls(
        **{f.name: _sequence(str(f.type), obj[f.name]) for f in fields(cls) if f.name in obj}
    )


def register_msgpack() -> None:
    """Teach srsly's msgpack the pipeline's results (idempotent)."""
    srsly.msgpack_encoders.register("coopextract", func=_encode)
    srsly.msgpack_decoders.register("coopextract", func=_decode)
