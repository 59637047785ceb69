"""The `coopextract` application, and the one place the library's errors become messages.

Every command runs its work inside `reported`: a CoopExtractError is a problem the user can
fix, shown as one line `Error: …` on stderr, with no traceback, and the command exits with
the error's code (1, or 2 when the command line names the wrong file: see README's "Exit
codes"). Everything the commands print but their results goes to stderr, so that stdout
stays free for piping.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from coopextract import __version__
from coopextract.errors import CoopExtractError
from coopextract.terminal import say

# The exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it.
INTERRUPTED = 130


app = typer.Typer(
    help="Extract records of international space-cooperation agreements from news articles.",
    no_args_is_help=True,
    add_completion=False,
    # `-h` as well as `--help`, on every command (sub-commands inherit the setting).
    context_settings={"help_option_names": ["-h", "--help"]},
    # A bug still shows its traceback, but without local variables: they hold whole articles.
    pretty_exceptions_show_locals=False,
)


@contextmanager
def reported(show: Callable[[str], None] = say) -> Iterator[None]:
    """Turn a CoopExtractError raised inside into an `Error: …` line, shown by `show`, and
    the exit code the error carries."""
    try:
        yield
    except CoopExtractError as err:
        show(f"Error: {err}")
        raise typer.Exit(err.exit_code) from None


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"coopextract {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Extract records of international space-cooperation agreements from news articles."""
