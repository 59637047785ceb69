"""The command line's shared conventions: one declaration per option that several commands
take, and the two shapes most options share (a positional path, a repeatable filter)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer


def argument(metavar: str, help: str) -> Any:
    """A required positional path, shown as METAVAR, with no default to print."""
    return Annotated[Path, typer.Argument(help=help, metavar=metavar, show_default=False)]


def switch(flag: str, help: str) -> Any:
    """An option that is on when given (`--stats`), off otherwise."""
    return Annotated[bool, typer.Option(flag, help=help)]


def valued(flag: str, metavar: str, help: str, **settings: Any) -> Any:
    """An option that takes one value, shown as METAVAR; None when not given."""
    return Annotated[str | None, typer.Option(flag, metavar=metavar, help=help, **settings)]


def pair(flag: str, metavar: str, help: str) -> Any:
    """An option that takes two values (`--merge A B`); None when not given."""
    return Annotated[
        tuple[str, str] | None,
        typer.Option(flag, metavar=metavar, help=help, show_default=False),
    ]


def repeatable(flag: str, metavar: str, help: str) -> Any:
    """An option that may be given several times: its values arrive as a list, or None."""
    return Annotated[list[str] | None, typer.Option(flag, metavar=metavar, help=help)]


# The folder `ingest` wrote, as review, export and eval take it: one argument, one wording.
ResultsFolder = Annotated[
    Path,
    typer.Argument(
        help="The output folder of `coopextract ingest` (holding agreements.jsonl).",
        metavar="DIR",
    ),
]
# The rules folder, as ingest and `pipeline save` take it.
RulesOption = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        help="Rules folder (shared/ plus one folder per language), to try edited rules.",
        show_default="the rules shipped with coopextract",
    ),
]
