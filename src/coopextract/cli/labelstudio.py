"""`coopextract import-labelstudio`: annotators' answers back as decisions. The work is
`coopextract.exports.labelstudio_import`; this parses the arguments and prints what was done.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coopextract.cli.main import reported
from coopextract.terminal import plural, say

ExportArgument = Annotated[
    Path,
    typer.Argument(
        help="A Label Studio JSON export (Export → JSON) of a project made from "
        "`coopextract export DIR --format labelstudio`.",
        metavar="EXPORT.json",
        exists=True,
        dir_okay=False,
        show_default=False,
    ),
]
FolderArgument = Annotated[
    Path,
    typer.Argument(
        help="The output folder of `coopextract ingest` the tasks were exported from.",
        metavar="DIR",
    ),
]
DryRunOption = Annotated[
    bool,
    typer.Option("--dry-run", help="Print the decisions without recording them."),
]


def import_labelstudio(
    export: ExportArgument,
    dir: FolderArgument = Path("data/extracted"),
    dry_run: DryRunOption = False,
) -> None:
    """Turn a Label Studio export's answers into review decisions.

    Each task's latest submitted annotation is appended to DIR/reviews.jsonl
    as decisions: `not an agreement` a reject; otherwise a set for each
    status, instrument or date the annotator changed, and `agreement` an
    accept. What reviews.jsonl already says is not recorded again, so
    importing the same export twice records nothing new.
    Exit codes: 0 done; 1 EXPORT is not a Label Studio JSON export of DIR's
    tasks (a task for no agreement of DIR, an answer that is no value of
    its field: nothing is recorded), or DIR holds no agreements.jsonl;
    2 the command line is wrong (EXPORT.json missing).
    """
    from coopextract.exports.labelstudio_import import import_labelstudio as run_import
    from coopextract.review.fields import describe

    with reported():
        result = run_import(export, dir, dry_run=dry_run, warn=say)
    for decision in result.decisions:
        done = "Would record" if dry_run else f"Recorded decision {decision.seq}"
        say(f"{done} on {decision.id}: {describe(decision)}")
    verb = "would record" if dry_run else "recorded"
    say(
        f"{export}: {plural(result.tasks, 'task')}: {result.accepted} accepted, "
        f"{result.corrected} corrected, {result.rejected} rejected, "
        f"{result.unchanged} already recorded, {result.skipped} skipped (no submitted "
        "annotation); "
        f"{verb} {plural(len(result.decisions), 'decision')} in {dir / 'reviews.jsonl'}"
    )
