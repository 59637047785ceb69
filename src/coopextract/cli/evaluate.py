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
SourceOption = Annotated[
    Path | None,
    typer.Option(
        "--source",
        metavar="SOURCE",
        help="The folder of the gold's articles (the SOURCE ingested), to check evidence offsets.",
        show_default=False,
    ),
]
# --source as the reference scorer names it, still read; not shown by --help.
DocsOption = Annotated[Path | None, typer.Option("--docs", hidden=True)]
ErrorsOption = Annotated[
    bool,
    typer.Option("--errors", help="List each missed agreement, extra record and wrong field."),
]
LedgerGoldOption = Annotated[
    Path | None,
    typer.Option(
        "--ledger-gold",
        metavar="FILE",
        help="A ledger gold (shared/corpus/LEDGER.md): also score DIR/ledger.jsonl, the pairs "
        "of records it calls one agreement.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the figures and problems as JSON.")]


def evaluate_command(
    gold: GoldArgument,
    folder: ResultsFolder = Path("data/extracted"),
    source: SourceOption = None,
    errors: ErrorsOption = False,
    ledger_gold: LedgerGoldOption = None,
    as_json: JsonOption = False,
    docs: DocsOption = None,
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

    if source is not None and docs is not None:
        raise typer.BadParameter("give --source once (--docs is the scorer's name for it)")
    with reported():
        result = evaluate(load_gold(gold), read_results(folder), source or docs)
        ledger = None
        if ledger_gold is not None:
            from coopextract.evaluate_ledger import load_ledger_gold, score_ledger
            from coopextract.run.ledger_file import read_ledger

            ledger = score_ledger(result, load_ledger_gold(ledger_gold), read_ledger(folder))
    if as_json:
        data = result.to_dict()
        if ledger is not None:
            data["ledger"] = ledger.to_dict()
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    if errors:
        for line in problem_lines(result):
            typer.echo(line)
    lines = summary_lines(result)
    if ledger is not None:
        lines.insert(-1, ledger.summary_line())  # where the reference scorer prints it
    for line in lines:
        typer.echo(line)
