"""The `coopextract` command: a thin layer over `coopextract.ingest`.

Everything it prints goes to stderr (progress, skipped files, the summary, errors), so that
stdout stays free for piping. A CoopExtractError is a problem the user can fix: it is caught
here, once, and shown as one line with no traceback.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coopextract import __version__
from coopextract.errors import CoopExtractError

# The default of --max-size, as coopextract.articles.MAX_BYTES (a test checks): a literal, since
# that module is imported only to run, not for --help.
MAX_BYTES = 5_000_000

if TYPE_CHECKING:
    from rich.progress import Progress

    from coopextract.articles import Skipped

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


_UNITS = {
    "": 1,
    "b": 1,
    "k": 1000,
    "kb": 1000,
    "m": 1000**2,
    "mb": 1000**2,
    "g": 1000**3,
    "gb": 1000**3,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.IGNORECASE)


def parse_size(text: str | int) -> int:
    """Bytes from `5000000`, `5MB`, `500 kB`, `1.5MiB` (k, M, G are powers of 1000)."""
    if isinstance(text, int):
        return text  # the default, already in bytes
    match = _SIZE.fullmatch(text)
    unit = match.group(2).lower() if match else ""
    if not match or unit not in _UNITS:
        raise typer.BadParameter(f"{text!r} is not a size; write it like 5MB, 500kB or 2000000")
    size = int(float(match.group(1)) * _UNITS[unit])
    if size < 1:
        raise typer.BadParameter(f"{text!r} is too small; give at least 1 byte")
    return size


class _SayHandler(logging.Handler):
    """Log records of --verbose, printed where the other messages go."""

    def __init__(self, say: Callable[[str], None]) -> None:
        super().__init__(logging.DEBUG)
        self.say = say
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.say(self.format(record))


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
            help="Folder of the results (agreements.jsonl, manifest.json, errors.jsonl), "
            "created if needed and brought up to date with SOURCE.",
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
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Extract every article again, even those unchanged since last run."
        ),
    ] = False,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune",
            help="Drop the records of articles not read in this run (gone from SOURCE, or "
            "now skipped); without it they are kept and reported.",
        ),
    ] = False,
    max_size: Annotated[
        int,
        typer.Option(
            "--max-size",
            parser=parse_size,
            metavar="SIZE",
            help="Skip files larger than this, in bytes or like 5MB, 500kB.",
            show_default="5MB",
        ),
    ] = MAX_BYTES,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="Also print debugging details, such as the traceback of "
            "an article whose extraction failed.",
        ),
    ] = False,
) -> None:
    """Bring OUTPUT_DIR up to date with the articles in SOURCE.

    Writes OUTPUT_DIR/agreements.jsonl (one JSON record a line),
    manifest.json (the facts of the run) and errors.jsonl (skipped files).
    Articles unchanged since the last run are not extracted again. Files
    that cannot be read, and articles whose extraction fails, are skipped
    and reported, and the run goes on. A run may be interrupted at any
    moment: the next one finishes its work.

    Exit codes: 0 the run finished, even if files were skipped; 1 the run
    failed (SOURCE not found, invalid rules, output folder not writable or
    in use by another run); 2 the command line is wrong; 130 interrupted.
    """
    # Imported here so that `--help` and `--version` answer at once.
    from coopextract.articles import Article, Skipped, scan
    from coopextract.ingest import ingest as run_ingest

    progress = _make_progress() if _stderr_is_terminal() else None

    def say(message: str) -> None:
        if progress is not None:
            # Printed above the bar; markup off, since file names may contain [brackets].
            progress.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(message, err=True)

    handler = _SayHandler(say) if verbose else None
    package_logger = logging.getLogger("coopextract")
    if handler is not None:
        package_logger.addHandler(handler)
        package_logger.setLevel(logging.DEBUG)
    try:
        with progress if progress is not None else nullcontext():
            task = None
            if progress is not None:
                files = scan(source).articles
                # One step per article: as many as files, unless a JSON file holds several.
                several = any(p.suffix.lower() in (".json", ".jsonl") for p, _ in files)
                task = progress.add_task("Reading", total=None if several else len(files))

            def on_progress(item: Article | Skipped) -> None:
                if isinstance(item, Skipped):
                    say(f"Skipped {_shown(item)}: {item.reason}")
                if progress is not None and task is not None:
                    progress.update(task, advance=1)

            result = run_ingest(
                source,
                output_dir,
                rules,
                on_progress=on_progress,
                force=force,
                prune=prune,
                max_bytes=max_size,
            )
    except CoopExtractError as err:
        typer.echo(f"Error: {err}", err=True)
        raise typer.Exit(err.exit_code) from None
    except KeyboardInterrupt:
        # Nothing is lost: the articles extracted so far are in the journal.
        typer.echo(
            f"Interrupted; run the same command again to finish (what was extracted is kept "
            f"in {output_dir})",
            err=True,
        )
        raise typer.Exit(130) from None
    finally:
        if handler is not None:
            package_logger.removeHandler(handler)
            package_logger.setLevel(logging.NOTSET)

    if result.articles_read == 0 and not result.skipped and not result.ignored:
        typer.echo(f"Warning: no article files found in {source}", err=True)
    if result.not_seen:
        typer.echo(
            f"Kept the records of {_plural(result.not_seen, 'article')} no longer in "
            f"{source} (--prune drops them)",
            err=True,
        )
    if result.pruned:
        typer.echo(f"Dropped the records of {_plural(result.pruned, 'article')}", err=True)
    skipped = f"skipped {_plural(len(result.skipped), 'file')}"
    if result.skipped and result.errors_path is not None:
        skipped += f" (see {result.errors_path})"
    typer.echo(
        f"Read {_plural(result.articles_read, 'article')} "
        f"({result.processed} extracted, {result.reused} unchanged), {skipped}, "
        f"ignored {result.ignored}; {_plural(result.agreements_found, 'agreement')} "
        f"→ {result.output_path}",
        err=True,
    )


def _shown(item: Skipped) -> str:
    return item.path if item.item is None else f"{item.path} [{item.item}]"


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
