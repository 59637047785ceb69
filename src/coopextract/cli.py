"""The `coopextract` command: a thin layer over `coopextract.run.ingest`.

Everything it prints goes to stderr (progress, skipped files, the summary, errors), so that
stdout stays free for piping. A CoopExtractError is a problem the user can fix: it is caught
here, once, and shown as one line with no traceback.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coopextract import __version__
from coopextract.errors import CoopExtractError
from coopextract.exports import ExportFormat
from coopextract.terminal import visible

# The default of --max-size, as reading.articles.MAX_BYTES (a test checks): a literal, since
# that module is imported only to run, not for --help.
MAX_BYTES = 5_000_000
# The progress bar is redrawn at most this often (each redraw takes the parent's CPU).
REDRAW_SECONDS = 0.1

if TYPE_CHECKING:
    from rich.progress import Progress

    from coopextract.reading.articles import Skipped

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


# Names of parties not in the catalog printed in the summary (all are in the manifest).
UNKNOWN_SHOWN = 5


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
            help="A folder of articles (.txt, .md, .html, .json, .jsonl files, searched "
            "recursively) or one article file.",
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
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            "-l",
            help="Read every article as this language (fr, en, es, de, it, pt, ru, ...) "
            "instead of detecting it; a JSON article's own `language` is used otherwise.",
            show_default="detected per article",
        ),
    ] = None,
    model: Annotated[
        list[str] | None,
        typer.Option(
            "--model",
            metavar="LANG=PACKAGE",
            help="The spaCy model package for a language, e.g. en=en_core_web_sm (repeat "
            "for several); otherwise rules/LANG/language.json names it, or a blank "
            "pipeline with the same rules runs.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Extract in this many processes, forked from one that loads the model "
            "and sharing its memory; the results are the same as with one.",
        ),
    ] = 1,
    fast_path: Annotated[
        bool,
        typer.Option(
            "--fast-path/--no-fast-path",
            help="Skip the model for articles that name no agreement instrument, and run "
            "the rules in their fast form; --no-fast-path runs everything through the whole "
            "pipeline, to compare (the records are the same).",
        ),
    ] = True,
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
    from coopextract.reading.articles import Article, Skipped, scan
    from coopextract.run.ingest import ingest as run_ingest

    progress = _make_progress() if _stderr_is_terminal() else None

    def say(message: str) -> None:
        # File names and reasons come from the data: their control characters are shown, not
        # sent to the terminal.
        message = visible(message)
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

            redrawn = 0.0

            def on_progress(item: Article | Skipped) -> None:
                nonlocal redrawn
                if isinstance(item, Skipped):
                    say(f"Skipped {_shown(item)}: {item.reason}")
                if progress is not None and task is not None:
                    progress.update(task, advance=1)
                    now = time.monotonic()
                    if now - redrawn >= REDRAW_SECONDS:
                        progress.refresh()
                        redrawn = now

            result = run_ingest(
                source,
                output_dir,
                rules,
                on_progress=on_progress,
                force=force,
                prune=prune,
                max_bytes=max_size,
                language=language,
                models=parse_models(model or []),
                workers=workers,
                fast_path=fast_path,
            )
    except CoopExtractError as err:
        say(f"Error: {err}")
        raise typer.Exit(err.exit_code) from None
    except KeyboardInterrupt:
        # Nothing is lost: the articles extracted so far are in the journal.
        say(
            f"Interrupted; run the same command again to finish (what was extracted is kept "
            f"in {output_dir})",
        )
        raise typer.Exit(130) from None
    finally:
        if handler is not None:
            package_logger.removeHandler(handler)
            package_logger.setLevel(logging.NOTSET)

    if result.articles_read == 0 and not result.skipped and not result.ignored:
        say(f"Warning: no article files found in {source}")
    if result.not_seen:
        say(
            f"Kept the records of {_plural(result.not_seen, 'article')} no longer in "
            f"{source} (--prune drops them)"
        )
    if result.pruned:
        typer.echo(f"Dropped the records of {_plural(result.pruned, 'article')}", err=True)
    skipped = f"skipped {_plural(len(result.skipped), 'file')}"
    if result.skipped and result.errors_path is not None:
        skipped += f" (see {result.errors_path})"
    if result.pipelines:
        used = ", ".join(f"{lang}: {name}" for lang, name in result.pipelines.items())
        typer.echo(f"Pipelines: {used}", err=True)
    if result.unknown_parties:
        names = [p["name"] for p in result.unknown_parties]
        shown = ", ".join(names[:UNKNOWN_SHOWN]) + (", …" if len(names) > UNKNOWN_SHOWN else "")
        where = result.manifest_path or "manifest.json"
        say(
            f"{len(names)} part{'y' if len(names) == 1 else 'ies'} not in the catalog ({shown}): "
            f"listed in {where} "
            "under unknown_parties, to add to rules/shared/catalog.jsonl"
        )
    say(
        f"Read {_plural(result.articles_read, 'article')} "
        f"({result.processed} extracted, {result.reused} unchanged), {skipped}, "
        f"ignored {result.ignored}; {_plural(result.agreements_found, 'agreement')} "
        f"→ {result.output_path}"
    )


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
        # Redrawn as articles come (on_progress), not by rich's refresh thread: with another
        # thread running, `--workers` could not fork its host and would spawn it (slower).
        auto_refresh=False,
    )


# `coopextract review`: the command lives with its library in coopextract.review.command, which
# imports only typer at load time (so --help stays fast).
from coopextract.review.command import review  # noqa: E402

app.command()(review)


# --- schema, export, eval: the records taken elsewhere --------------------------------------


def _fail(err: CoopExtractError) -> typer.Exit:
    """Show a user error as one line (controls from the data made visible); the caller
    raises the returned Exit."""
    from coopextract.terminal import say

    say(f"Error: {err}")
    return typer.Exit(err.exit_code)


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one line of agreements.jsonl.

    Generated from the record model, the same every time: validate records
    with any JSON Schema tool, or generate code from it.
    """
    from coopextract.exports.schema import schema_json

    typer.echo(schema_json(), nl=False)


@app.command()
def export(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The output folder of `coopextract ingest` (holding agreements.jsonl).",
            metavar="DIR",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="The format to write.", show_default=False),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="The file to write (replaced); csv also writes the parties beside it "
            "(a.csv: a-parties.csv), labelstudio the labelling config (a.json: a-config.xml).",
            show_default="DIR/agreements.csv, .parquet, .sqlite or .labelstudio.json",
        ),
    ] = None,
    include_rejected: Annotated[
        bool,
        typer.Option(
            "--include-rejected",
            help="Also export the records reviewers rejected (their `review` column says so).",
        ),
    ] = False,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            help="labelstudio only: the folder that was ingested; tasks then show the whole "
            "article instead of the evidence sentences.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the records of DIR as CSV, Parquet, SQLite or Label Studio tasks.

    The reviewers' decisions (DIR/reviews.jsonl) are applied first:
    corrections made, rejected records left out unless --include-rejected.
    Exit codes: 0 written; 1 DIR without valid records, a decision that no
    longer fits, an article changed under --source, OUT not writable;
    2 the command line is wrong, or OUT is named like a file of an output
    folder (agreements.jsonl, reviews.jsonl, ...), which is never replaced.
    """
    from coopextract.exports import export as run_export
    from coopextract.terminal import say

    if source is not None and fmt is not ExportFormat.labelstudio:
        raise typer.BadParameter(
            "only the labelstudio format reads articles", param_hint="--source"
        )
    try:
        result = run_export(
            folder, fmt, out, include_rejected=include_rejected, source=source, warn=say
        )
    except CoopExtractError as err:
        raise _fail(err) from None
    if result.orphans:
        ids = list(dict.fromkeys(d.id for d in result.orphans))
        say(
            f"Warning: {_plural(len(result.orphans), 'decision')} in {folder / 'reviews.jsonl'} "
            f"concern records no longer in agreements.jsonl (article changed or pruned): "
            f"{', '.join(ids)}"
        )
    left_out = f" ({result.left_out} rejected left out)" if result.left_out else ""
    say(
        f"Exported {_plural(result.exported, 'agreement')}{left_out} → "
        f"{', '.join(str(p) for p in result.paths)}"
    )


@app.command("eval")
def evaluate_command(
    gold: Annotated[
        Path,
        typer.Argument(
            help="A gold file: one JSON line per article (GUIDELINES.md §5).",
            metavar="GOLD",
            show_default=False,
        ),
    ],
    folder: Annotated[
        Path,
        typer.Argument(help="The output folder of `coopextract ingest`.", metavar="DIR"),
    ] = Path("data/extracted"),
    docs: Annotated[
        Path | None,
        typer.Option(
            "--docs",
            metavar="ARTICLES",
            help="The folder of the gold's articles, to check evidence offsets.",
            show_default=False,
        ),
    ] = None,
    errors: Annotated[
        bool,
        typer.Option("--errors", help="List each missed agreement, extra record and wrong field."),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures and problems as JSON.")
    ] = False,
) -> None:
    """Score the records of DIR against GOLD: agreement precision, recall
    and F1, field accuracy on matched records, evidence offsets.

    The matching rules are those of shared/tools/score.py (see
    coopextract.evaluate). Reviewers' decisions are not applied: this
    measures the extractor. Run it before and after changing a rule.
    """
    import json

    from coopextract.errors import InputError
    from coopextract.evaluate import evaluate, load_gold, problem_lines, summary_lines
    from coopextract.writing import read_records

    records_path = folder / "agreements.jsonl"
    try:
        gold_articles = load_gold(gold)
        if not records_path.is_file():
            raise InputError(
                f"{records_path} not found; pass the output folder of `coopextract ingest`"
            )
        result = evaluate(gold_articles, read_records(records_path), docs)
    except CoopExtractError as err:
        raise _fail(err) from None
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        return
    if errors:
        for line in problem_lines(result):
            typer.echo(line)
    for line in summary_lines(result):
        typer.echo(line)


# --- pipeline save: the spaCy pipeline, for other code (library: coopextract.pipeline.save) --

pipeline_app = typer.Typer(help="The spaCy pipeline, to run in your own spaCy code.")
app.add_typer(pipeline_app, name="pipeline", no_args_is_help=True)


@pipeline_app.command("save")
def pipeline_save(
    directory: Annotated[
        Path,
        typer.Argument(
            help="The folder to write: new, empty, or one a pipeline was saved to.",
            metavar="DIR",
            show_default=False,
        ),
    ],
    rules: Annotated[
        Path | None,
        typer.Option(
            "--rules",
            help="Rules folder (shared/ plus one folder per language) to save with it.",
            show_default="the rules shipped with coopextract",
        ),
    ] = None,
    language: Annotated[
        str, typer.Option("--language", "-l", help="The language of the pipeline.")
    ] = "fr",
) -> None:
    """Write the extraction pipeline to DIR, a folder that spacy.load reads.

    Import coopextract.pipeline.components before spacy.load(DIR); the
    results are in doc._.agreement_mentions (see docs/spacy.md).
    Exit codes: 0 written; 1 invalid rules, model not installed, DIR not
    writable or holding other files; 2 the command line is wrong.
    """
    from coopextract.pipeline.save import save_pipeline
    from coopextract.terminal import say

    try:
        save_pipeline(directory, rules, language)
    except CoopExtractError as err:
        raise _fail(err) from None
    say(f"Saved the {language} pipeline to {directory}")
