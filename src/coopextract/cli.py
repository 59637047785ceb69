"""The `coopextract` command: a thin layer over `coopextract.ingest`.

Everything it prints goes to stderr (progress, skipped files, the summary, errors), so that
stdout stays free for piping. A CoopExtractError is a problem the user can fix: it is caught
here, once, and shown as one line with no traceback.
"""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coopextract import __version__
from coopextract.errors import CoopExtractError

if TYPE_CHECKING:
    from rich.progress import Progress

app = typer.Typer(
    help="Extract records of international space-cooperation agreements from news articles.",
    no_args_is_help=True,
    add_completion=False,
    # A bug still shows its traceback, but without local variables: they hold whole articles.
    pretty_exceptions_show_locals=False,
)


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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@app.command()
def ingest(
    source: Annotated[
        Path,
        typer.Argument(
            help="A folder of articles (.txt files, searched recursively) or one .txt file.",
            metavar="SOURCE",
            show_default=False,
        ),
    ],
    output_dir: Annotated[
        Path,
        typer.Option(
            "--output-dir",
            "-o",
            help="Folder to write agreements.jsonl and manifest.json into; created if "
            "needed, and both files are replaced.",
        ),
    ] = Path("data/extracted"),
    rules: Annotated[
        Path | None,
        typer.Option(
            "--rules",
            help="Rules folder (shared/ plus one folder per language), to try edited rules.",
            show_default="the rules shipped with coopextract",
        ),
    ] = None,
) -> None:
    """Read articles from SOURCE and write the agreements they report.

    Writes OUTPUT_DIR/agreements.jsonl, one JSON record a line, and OUTPUT_DIR/manifest.json,
    the facts of the run. Files that cannot be read (empty, binary, not UTF-8, too large) are
    skipped and reported, and the run goes on.

    Exit codes: 0 the run finished (even with skipped files); 1 the run failed (SOURCE not
    found, invalid rules, output folder not writable); 2 the command line is wrong.
    """
    # Imported here so that `--help` and `--version` answer at once.
    from coopextract.articles import Article, Skipped, article_files
    from coopextract.ingest import ingest as run_ingest

    progress = _make_progress() if _stderr_is_terminal() else None

    def say(message: str) -> None:
        if progress is not None:
            # Printed above the bar; markup off, since file names may contain [brackets].
            progress.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(message, err=True)

    try:
        with progress if progress is not None else nullcontext():
            task = None
            if progress is not None:
                total = len(article_files(source))
                task = progress.add_task("Loading rules and model", total=total)

            def on_progress(item: Article | Skipped) -> None:
                if isinstance(item, Skipped):
                    say(f"Skipped {item.path}: {item.reason}")
                if progress is not None and task is not None:
                    progress.update(task, advance=1, description="Extracting")

            result = run_ingest(source, output_dir, rules, on_progress=on_progress)
    except CoopExtractError as err:
        typer.echo(f"Error: {err}", err=True)
        raise typer.Exit(err.exit_code) from None

    if result.articles_read == 0 and not result.skipped:
        typer.echo(f"Warning: no .txt files found in {source}", err=True)
    typer.echo(
        f"Read {_plural(result.articles_read, 'article')}, "
        f"found {_plural(result.agreements_found, 'agreement')}, "
        f"skipped {_plural(len(result.skipped), 'file')} → {result.output_path}",
        err=True,
    )


def _stderr_is_terminal() -> bool:
    # A bar only for a person watching: never in logs, pipes or CI.
    return sys.stderr.isatty()


def _make_progress() -> Progress:
    # rich is imported only when a bar is shown, that is when stderr is a terminal.
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
