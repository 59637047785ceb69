"""Flat columns derived from the record model, for the table formats (CSV, SQLite).

The columns come from `coopextract.models.Agreement` itself: nested objects become prefixed
columns (`date` -> `date_value`, `date_precision`, `date_text`), lists of strings stay one
column, and lists of objects (parties, evidence, marks) are left to each format, which gives
them a table of their own or a readable summary. A field added to the model thus reaches every
export without touching them.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from coopextract.ledger.entry import Side
from coopextract.models import Agreement, Party


@dataclass(frozen=True)
class Column:
    name: str  # "date_value"
    path: tuple[str, ...]  # ("date", "value")
    type: type  # str, int, float, bool or list (of strings)
    nullable: bool
    description: str | None = None


@dataclass(frozen=True)
class Nested:
    """A list of objects (parties, evidence): one row each in a table of its own."""

    name: str
    model: type[BaseModel]


def unwrap(annotation: Any) -> tuple[Any, bool]:
    """(`X`, True) for `X | None`; (annotation, False) otherwise."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def scalar_type(annotation: Any) -> type:
    """The Python type of a scalar annotation; a Literal's is that of its values."""
    if get_origin(annotation) is Literal:
        return type(get_args(annotation)[0])
    if annotation in (str, int, float, bool):
        return annotation
    raise TypeError(f"no column type for {annotation!r}")  # a new kind of field in the model


def is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def columns(
    model: type[BaseModel] = Agreement,
    prefix: tuple[str, ...] = (),
    nullable: bool = False,
    context: str | None = None,
) -> list[Column | Nested]:
    """The model's fields as flat columns, in the model's order (see the module docstring).

    A column's description is its field's, after that of the field holding its object
    (`context`): `date_value` is the event date's value."""
    found: list[Column | Nested] = []
    for name, info in model.model_fields.items():
        inner, optional = unwrap(info.annotation)
        path = (*prefix, name)
        description = " — ".join(filter(None, [context, info.description])) or None
        if is_model(inner):
            found.extend(columns(inner, path, nullable or optional, info.description))
        elif get_origin(inner) is list:
            (item,) = get_args(inner)
            if is_model(item):
                found.append(Nested("_".join(path), item))
            else:
                scalar_type(item)  # only lists of scalars fit in one column
                found.append(Column("_".join(path), path, list, nullable, description))
        else:
            found.append(
                Column("_".join(path), path, scalar_type(inner), nullable or optional, description)
            )
    return found


def value(obj: BaseModel, column: Column) -> Any:
    """The column's value in a record (or party, evidence, mark); None under a null object."""
    current: Any = obj
    for part in column.path:
        if current is None:
            return None
        current = getattr(current, part)
    return list(current) if isinstance(current, list) else current


def party_label(party: Party | Side) -> str:
    """ "Roscosmos (RU)", or "ESA" for a party (or a ledger entry's side) without a country."""
    return f"{party.name} ({party.country})" if party.country else party.name


def parties_text(record: Agreement) -> str:
    """ "Roscosmos (RU); CNSA (CN)"."""
    return "; ".join(party_label(p) for p in record.parties)
