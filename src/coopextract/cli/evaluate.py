"""`coopextract eval`: score the records of a folder against a gold file. The work is
`coopextract.evaluate`; this parses the arguments and prints the figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coopextract.cli.main import reported
from coopextract.cli.options import ResultsFolder, argument

GoldArgument = argument("GOLD", "A gold file: one JSON line per article (GUIDELINES.md §5).")
DocsOption = Annotated[
    Path | None,
    typer.Option(
        "--docs",
        metavar="ARTICLES",
        help="The folder of the gold's articles, to check evidence offsets.",
        show_default=False,
    ),
]
ErrorsOption = Annotated[
    bool,
    typer.Option("--errors", help="List each missed agreement, extra record and wrong field."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the figures and problems as JSON.")]


def evaluate_command(
    gold: GoldArgument,
    folder: ResultsFolder = Path("data/extracted"),
    docs: DocsOption = None,
    errors: ErrorsOption = False,
    as_json: JsonOption = False,
) -> None:
    """Score the records of DIR against GOLD: agreement precision, recall
    and F1, field accuracy on matched records, evidence offsets.

    The matching rules are those of shared/tools/score.py (see
    coopextract.evaluate). Reviewers' decisions are not applied: this
    measures the extractor. Run it before and after changing a rule.
    """
    import json

    from coopextract.evaluate import evaluate, load_gold, problem_lines, summary_lines
    from coopextract.run.results import read_results

    with reported():
        result = evaluate(load_gold(gold), read_results(folder), docs)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        return
    if errors:
        for line in problem_lines(result):
            typer.echo(line)
    for line in summary_lines(result):
        typer.echo(line)
