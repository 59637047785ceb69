"""`coopextract pipeline save`: the spaCy pipeline written to a folder, for other code. The
work is `coopextract.pipeline.save`; this parses the arguments and prints what was done.
"""

from __future__ import annotations

from typing import Annotated

import typer

from coopextract.cli.main import reported
from coopextract.cli.options import RulesOption, argument
from coopextract.terminal import say

app = typer.Typer(help="The spaCy pipeline, to run in your own spaCy code.")

DirectoryArgument = argument(
    "DIR", "The folder to write: new, empty, or one a pipeline was saved to."
)
LanguageOption = Annotated[
    str, typer.Option("--language", "-l", help="The language of the pipeline.")
]


@app.command("save")
def save(
    directory: DirectoryArgument,
    rules: RulesOption = None,
    language: LanguageOption = "fr",
) -> None:
    """Write the extraction pipeline to DIR, a folder that spacy.load reads.

    Import coopextract.pipeline.components before spacy.load(DIR); the
    results are in doc._.agreement_mentions (see docs/spacy.md).
    Exit codes: 0 written; 1 invalid rules, model not installed, DIR not
    writable or holding other files; 2 the command line is wrong.
    """
    from coopextract.pipeline.save import save_pipeline

    with reported():
        save_pipeline(directory, rules, language)
    say(f"Saved the {language} pipeline to {directory}")
