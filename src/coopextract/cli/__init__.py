"""The `coopextract` command line: one module per command, each parsing its arguments and
printing what the library did (`coopextract.cli.main` holds the application and turns the
library's errors into `Error: …` lines). The commands are registered here, in the order
`--help` lists them.
"""

from coopextract.cli import diff, evaluate, export, ingest, labelstudio, pipeline, review
from coopextract.cli.main import app

app.command()(ingest.ingest)
app.command(context_settings=review.CONTEXT)(review.review)
app.command()(diff.diff)
app.command()(export.schema)
app.command()(export.export)
app.command("import-labelstudio")(labelstudio.import_labelstudio)
app.command("eval")(evaluate.evaluate_command)
app.add_typer(pipeline.app, name="pipeline", no_args_is_help=True)

__all__ = ["app"]
