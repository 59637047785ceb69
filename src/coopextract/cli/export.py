"""`coopextract schema` and `coopextract export`: the records taken elsewhere. The work is
`coopextract.exports`; this parses the arguments and prints what was done.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coopextract.cli.main import reported
from coopextract.cli.options import ResultsFolder
from coopextract.exports import ExportFormat
from coopextract.terminal import plural, say

FormatOption = Annotated[
    ExportFormat,
    typer.Option("--format", "-f", help="The format to write.", show_default=False),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="The file to write (replaced); csv also writes the parties beside it "
        "(a.csv: a-parties.csv) and the columns' types (a.csv-metadata.json, CSVW), "
        "labelstudio the labelling config (a.json: a-config.xml); "
        "csv, parquet and sqlite add DIR/ledger.jsonl: a-ledger.csv and "
        "a-ledger-history.csv, a-ledger.parquet, tables in the database.",
        show_default="DIR/agreements.csv, .parquet, .sqlite or .labelstudio.json",
    ),
]
# --output's former name, still read so that scripts keep working; not shown by --help.
OldOutOption = Annotated[Path | None, typer.Option("--out", hidden=True)]
IncludeRejectedOption = Annotated[
    bool,
    typer.Option(
        "--include-rejected",
        help="Also export the records reviewers rejected (their `review` column says so).",
    ),
]
SourceOption = Annotated[
    Path | None,
    typer.Option(
        "--source",
        metavar="SOURCE",
        help="labelstudio only: the folder that was ingested; tasks then show the whole "
        "article instead of the evidence sentences.",
        show_default=False,
    ),
]


LedgerSchemaOption = Annotated[
    bool,
    typer.Option("--ledger", help="The schema of one line of ledger.jsonl instead."),
]
VocabOption = Annotated[
    bool,
    typer.Option(
        "--vocab",
        help="List the vocabularies instead (status, instrument, scope, party kinds, "
        "precision, mark labels): the fields that take each, and what each value means.",
    ),
]
JsonOption = Annotated[
    bool,
    typer.Option("--json", help="With --vocab: as JSON, for scripts (the schema is JSON already)."),
]


def schema(
    ledger: LedgerSchemaOption = False, vocab: VocabOption = False, as_json: JsonOption = False
) -> None:
    """Print the JSON Schema (draft 2020-12) of one line of agreements.jsonl.

    Generated from the record model (with --ledger, the ledger entry's), the
    same every time, with a description for every field: validate records with
    any JSON Schema tool, or generate code from it. With --vocab, the meaning of
    each value of the vocabularies instead.
    """
    from coopextract.exports.schema import schema_json, vocabularies_json, vocabularies_text

    if vocab:
        text = vocabularies_json(ledger) if as_json else vocabularies_text(ledger)
    else:
        text = schema_json(ledger)
    typer.echo(text, nl=False)


def export(
    fmt: FormatOption,
    folder: ResultsFolder = Path("data/extracted"),
    output: OutputOption = None,
    include_rejected: IncludeRejectedOption = False,
    source: SourceOption = None,
    old_out: OldOutOption = None,
) -> None:
    """Write the records of DIR as CSV, Parquet, SQLite or Label Studio tasks.

    The reviewers' decisions (DIR/reviews.jsonl) are applied first:
    corrections made, rejected records left out unless --include-rejected.
    CSV, Parquet and SQLite also hold the ledger (DIR/ledger.jsonl, one entry
    per real-world agreement), when DIR has one.
    Exit codes: 0 written; 1 DIR without valid records, a ledger.jsonl
    that is not a ledger, a decision that no
    longer fits, an article changed under --source, OUTPUT not writable;
    2 the command line is wrong, or OUTPUT is named like a file of an output
    folder (agreements.jsonl, reviews.jsonl, ...), which is never replaced.
    """
    from coopextract.exports import export as run_export
    from coopextract.review.folder import orphan_warning

    if old_out is not None and output is not None:
        raise typer.BadParameter("give --output once (--out is its former name)")
    output = output or old_out
    if source is not None and fmt is not ExportFormat.labelstudio:
        raise typer.BadParameter(
            "only the labelstudio format reads articles", param_hint="--source"
        )
    with reported():
        result = run_export(
            folder, fmt, output, include_rejected=include_rejected, source=source, warn=say
        )
    for warning in (orphan_warning(result.orphans, folder), result.ledger_warning):
        if warning:
            say(warning)
    left_out = f" ({result.left_out} rejected left out)" if result.left_out else ""
    ledger = ""
    if result.ledger is not None:
        ledger = f" and {result.ledger} ledger {'entry' if result.ledger == 1 else 'entries'}"
    say(
        f"Exported {plural(result.exported, 'agreement')}{left_out}{ledger} → "
        f"{', '.join(str(p) for p in result.paths)}"
    )
