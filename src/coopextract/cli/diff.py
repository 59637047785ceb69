"""`coopextract diff OLD NEW`: what changed between two output folders; the comparison is
`coopextract.run.changes`, its text and JSON `coopextract.review.diff`.

Only typer is imported at load time, so that `--help` stays instant.
"""

from __future__ import annotations

import shutil
import sys
from typing import Annotated

import typer

from coopextract.cli.main import reported
from coopextract.cli.options import argument

OldArgument = argument(
    "OLD",
    "The folder before: an output folder of `coopextract ingest`, or a copy of its "
    "agreements.jsonl.",
)
NewArgument = argument("NEW", "The folder after, likewise.")
JsonOption = Annotated[
    bool,
    typer.Option(
        "--json",
        help="Print JSON instead: the counts, the new and removed records whole, and each "
        "changed record's fields before and after.",
    ),
]


def diff(old: OldArgument, new: NewArgument, as_json: JsonOption = False) -> None:
    """Print what changed from OLD to NEW: new, removed and changed records.

    Records are matched by id; two records of one article with different
    ids are one changed record when they have the same parties and
    instrument, or the same evidence. A changed record lists each field
    that differs, old → new. When both folders hold a ledger.jsonl, its
    entries are compared too.

    Exit codes: 0 the folders were compared, whether or not they differ;
    1 a folder holds no records or cannot be read; 2 the command line is
    wrong.
    """
    from coopextract.review.diff import diff as compare
    from coopextract.review.diff import diff_json, diff_lines, dumps

    with reported():
        found = compare(old, new)
    if as_json:
        typer.echo(dumps(diff_json(found)))
        return
    for line in diff_lines(found, _width()):
        typer.echo(line)


def _width() -> int:
    """The terminal's width when printing to one; 80 in a pipe or file, so that the same
    folders always give the same text."""
    if not sys.stdout.isatty():
        return 80
    return max(40, shutil.get_terminal_size((80, 24)).columns)
