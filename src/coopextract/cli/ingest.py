"""`coopextract ingest`: its options, its progress bar and its messages; the run itself is
`coopextract.run.ingest`, and what it says is `coopextract.run.summary`.

The library is imported when the command runs, not when this module loads, so that `--help`
and `--version` answer at once.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coopextract.cli.main import INTERRUPTED, reported
from coopextract.cli.options import RulesOption, argument, repeatable
from coopextract.terminal import visible

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from coopextract.reading.articles import Article, Skipped

# The default of --max-size, as reading.articles.MAX_BYTES (a test checks): a literal, since
# that module is imported only to run, not for --help.
MAX_BYTES = 5_000_000
# The progress bar is redrawn at most this often (each redraw takes the parent's CPU).
REDRAW_SECONDS = 0.1
# What the bar says while articles are read (and extracted).
READING = "Reading"

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


def parse_models(values: list[str]) -> dict[str, str]:
    """["en=en_core_web_sm"] -> {"en": "en_core_web_sm"}; a malformed value is a usage error."""
    models = {}
    for value in values:
        language, sep, package = value.partition("=")
        if not sep or not language.strip() or not package.strip():
            raise typer.BadParameter(
                f"{value!r} is not LANG=PACKAGE, e.g. en=en_core_web_sm", param_hint="--model"
            )
        models[language.strip().lower()] = package.strip()
    return models


# --- the arguments ---------------------------------------------------------------------------

SourceArgument = argument(
    "SOURCE",
    "A folder of articles (.txt, .md, .html, .json, .jsonl files, searched recursively) "
    "or one article file.",
)
OutputDirOption = Annotated[
    Path,
    typer.Option(
        "--output-dir",
        "-o",
        help="Folder of the results (agreements.jsonl, manifest.json, errors.jsonl), "
        "created if needed and brought up to date with SOURCE.",
    ),
]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force", help="Extract every article again, even those unchanged since last run."
    ),
]
PruneOption = Annotated[
    bool,
    typer.Option(
        "--prune",
        help="Drop the records of articles not read in this run (gone from SOURCE, or "
        "now skipped); without it they are kept and reported.",
    ),
]
MaxSizeOption = Annotated[
    int,
    typer.Option(
        "--max-size",
        parser=parse_size,
        metavar="SIZE",
        help="Skip files larger than this, in bytes or like 5MB, 500kB.",
        show_default="5MB",
    ),
]
LanguageOption = Annotated[
    str | None,
    typer.Option(
        "--language",
        "-l",
        help="Read every article as this language (fr, en, es, de, it, pt, ru, ...) "
        "instead of detecting it; a JSON article's own `language` is used otherwise.",
        show_default="detected per article",
    ),
]
ModelOption = repeatable(
    "--model",
    "LANG=PACKAGE",
    "The spaCy model package for a language, e.g. en=en_core_web_sm (repeat for several); "
    "otherwise rules/LANG/language.json names it, or a blank pipeline with the same rules runs.",
)
WorkersOption = Annotated[
    int,
    typer.Option(
        "--workers",
        "-w",
        min=1,
        help="Extract in this many processes, forked from one that loads the model "
        "and sharing its memory; the results are the same as with one.",
    ),
]
ClusterOption = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        metavar="WHERE",
        help="Extract on a Dask cluster: local[:N] starts N worker processes on this machine, "
        "tcp://HOST:PORT uses a running scheduler (docs/cluster.md); the results are the "
        "same as with one process. Needs: pip install 'coopextract[dask]'.",
        show_default=False,
    ),
]
FastPathOption = Annotated[
    bool,
    typer.Option(
        "--fast-path/--no-fast-path",
        help="Skip the model for articles that name no agreement instrument, and run "
        "the rules in their fast form; --no-fast-path runs everything through the whole "
        "pipeline, to compare (the records are the same).",
    ),
]
VerboseOption = Annotated[
    bool,
    typer.Option(
        "--verbose",
        "-v",
        help="Also print debugging details, such as the traceback of "
        "an article whose extraction failed.",
    ),
]


# --- the command -----------------------------------------------------------------------------


def ingest(
    source: SourceArgument,
    output_dir: OutputDirOption = Path("data/extracted"),
    rules: RulesOption = None,
    force: ForceOption = False,
    prune: PruneOption = False,
    max_size: MaxSizeOption = MAX_BYTES,
    language: LanguageOption = None,
    model: ModelOption = None,
    workers: WorkersOption = 1,
    cluster: ClusterOption = None,
    fast_path: FastPathOption = True,
    verbose: VerboseOption = False,
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
    in use by another run, a cluster unreachable or refusing the work);
    2 the command line is wrong (such as a --rules folder that does not
    exist or holds no language, a --language without rules, or a --cluster
    without the dask extra installed); 130 interrupted.
    """
    from coopextract.run.ingest import ingest as run_ingest
    from coopextract.run.summary import summary_lines

    screen = _Screen(_make_progress() if _stderr_is_terminal() else None)
    # Innermost first: the bar goes, then Ctrl-C and errors are said, then logging stops.
    with (
        _logged(screen.say, verbose),
        reported(screen.say),
        _interrupted(screen.say, output_dir),
        screen.showing(),
    ):
        result = run_ingest(
            source,
            output_dir,
            rules,
            on_progress=screen.advance,
            force=force,
            prune=prune,
            max_bytes=max_size,
            language=language,
            models=parse_models(model or []),
            workers=workers,
            cluster=cluster,
            on_cluster=screen.say,
            fast_path=fast_path,
            # Only for the bar: counting the articles of JSON files reads them once more.
            on_total=screen.set_total if screen.progress is not None else None,
            on_loading=screen.loading if screen.progress is not None else None,
        )
    for line in summary_lines(result, source):
        screen.say(line)


# --- what it prints --------------------------------------------------------------------------


class _Screen:
    """Where a run's messages go: above the progress bar when one is shown, else stderr."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.task: TaskID | None = None
        self.redrawn = 0.0

    def say(self, message: str) -> None:
        # File names and reasons come from the data: their control characters are shown, not
        # sent to the terminal.
        message = visible(message)
        if self.progress is not None:
            # Printed above the bar; markup off, since file names may contain [brackets].
            self.progress.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(message, err=True)

    @contextmanager
    def showing(self) -> Iterator[None]:
        """The bar, shown while the run goes (one step per article of SOURCE; its total once
        the run has counted them)."""
        if self.progress is None:
            yield
            return
        with self.progress:
            self.task = self.progress.add_task(READING, total=None)
            self.progress.refresh()
            yield

    def set_total(self, total: int) -> None:
        """How many steps the bar has: with it, the bar shows a fraction and an ETA."""
        if self.progress is not None and self.task is not None:
            self.progress.update(self.task, total=total)
            self.progress.refresh()

    def loading(self, language: str, name: str) -> None:
        """A pipeline is about to load (seconds): the bar says so until the next article."""
        if self.progress is not None and self.task is not None:
            shown = f"the blank {language} pipeline" if name == "blank" else name
            self.progress.update(self.task, description=f"Loading {shown}…")
            self.progress.refresh()

    def advance(self, item: Article | Skipped) -> None:
        """Told of each article read or file skipped: says the skipped ones, moves the bar."""
        from coopextract.reading.articles import Skipped
        from coopextract.run.summary import skipped_line

        if isinstance(item, Skipped):
            self.say(skipped_line(item))
        if self.progress is not None and self.task is not None:
            self.progress.update(self.task, advance=1, description=READING)
            now = time.monotonic()
            if now - self.redrawn >= REDRAW_SECONDS:
                self.progress.refresh()
                self.redrawn = now


@contextmanager
def _interrupted(say: Callable[[str], None], output_dir: Path) -> Iterator[None]:
    """Ctrl-C ends the run with a line saying how to finish it, and exit code 130."""
    try:
        yield
    except KeyboardInterrupt:
        # Nothing is lost: the articles extracted so far are in the journal.
        say(
            f"Interrupted; run the same command again to finish (what was extracted is kept "
            f"in {output_dir})",
        )
        raise typer.Exit(INTERRUPTED) from None


class _SayHandler(logging.Handler):
    """Log records of --verbose, printed where the other messages go."""

    def __init__(self, say: Callable[[str], None]) -> None:
        super().__init__(logging.DEBUG)
        self.say = say
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.say(self.format(record))


@contextmanager
def _logged(say: Callable[[str], None], verbose: bool) -> Iterator[None]:
    """With --verbose, the package's log records are printed too, while the run goes."""
    if not verbose:
        yield
        return
    handler = _SayHandler(say)
    package_logger = logging.getLogger("coopextract")
    package_logger.addHandler(handler)
    package_logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        package_logger.removeHandler(handler)
        package_logger.setLevel(logging.NOTSET)


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
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        # The ETA, once the total is known and articles have come.
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        # Redrawn as articles come (advance), not by rich's refresh thread: with another
        # thread running, `--workers` could not fork its host and would spawn it (slower).
        auto_refresh=False,
    )
