"""A results folder: the output folder of `coopextract ingest`, and what review and exports add.

    agreements.jsonl             the records (ingest)
    manifest.json                the last run's facts, and the SOURCE it read (ingest)
    errors.jsonl                 the files the last run skipped (ingest)
    .coopextract-journal.jsonl   only while a run is under way, or after one was killed (ingest)
    reviews.jsonl                the reviewers' decisions (review)
    reviews.jsonl.torn           unfinished decision lines set aside (review)
    agreements.csv, ...          the exports' default files (`EXPORT_FILES`)

Every module that opens a folder takes the names from here, reads the records with
`read_results` (one error when there are none), and checks a file it is told to write with
`refuse_owned`. Only the standard library is imported at load time: the command line imports
the export formats, which name their files from here, for `--help`.

The files a folder owns (`OWNED_FILES`) are never replaced by a file a user names
(`export --out`, `review --html`). Ingest replaces its three files through temporaries
`.NAME.<pid>.<random>.tmp`, which its next run deletes. An export written under one of these
names would destroy the records or the decisions without a word (or, as a temporary, be
deleted by the next run), so such a path is refused whatever its folder: none is a sensible
name for an export, and the folder may be another output folder. Names are compared as a
case-insensitive file system (macOS, Windows) would.
"""

from __future__ import annotations

import json
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING

from coopextract.errors import InputError, OutputError

if TYPE_CHECKING:
    from coopextract.models import Agreement

RECORDS_FILE = "agreements.jsonl"
MANIFEST_FILE = "manifest.json"
ERRORS_FILE = "errors.jsonl"
LEDGER_FILE = "ledger.jsonl"
JOURNAL_FILE = ".coopextract-journal.jsonl"
REVIEWS_FILE = "reviews.jsonl"
TORN_FILE = "reviews.jsonl.torn"

# The files ingest replaces through temporaries, whose leftovers its next run deletes
# (coopextract.writing.remove_stale_temporaries): `.agreements.jsonl.<pid>.<random>.tmp`.
REPLACED_FILES = (RECORDS_FILE, MANIFEST_FILE, ERRORS_FILE, LEDGER_FILE)
_TEMPORARY = ".tmp"

# Each file a folder owns, and what it is for: what writing over it would destroy.
OWNED_FILES = {
    RECORDS_FILE: "holds the extracted records",
    MANIFEST_FILE: "indexes the last ingest run",
    ERRORS_FILE: "lists the files the last ingest run skipped",
    LEDGER_FILE: "holds the ledger of real-world agreements",
    JOURNAL_FILE: "journals an unfinished ingest run",
    REVIEWS_FILE: "holds the reviewers' decisions",
    TORN_FILE: "holds the unfinished decisions set aside",
}

# Each export format's default file in the folder, then the files it writes beside it
# (`coopextract.exports.DEFAULT_NAMES` takes the first; a test checks the others).
EXPORT_FILES = {
    "csv": (
        "agreements.csv",
        "agreements-parties.csv",
        "agreements-ledger.csv",
        "agreements-ledger-history.csv",
        "agreements.csv-metadata.json",
    ),
    "parquet": ("agreements.parquet", "agreements-ledger.parquet"),
    "sqlite": ("agreements.sqlite",),
    "labelstudio": ("agreements.labelstudio.json", "agreements.labelstudio-config.xml"),
}

# Every file coopextract may keep in a folder under a name without a leading dot: a SOURCE
# that is also the output folder holds these, and they are not articles.
FOLDER_FILES = (
    *REPLACED_FILES,
    REVIEWS_FILE,
    TORN_FILE,
    *(name for names in EXPORT_FILES.values() for name in names),
)


class NoResultsError(InputError):
    """The folder a command was given holds no records: not an output folder of ingest."""


class OwnedFileError(OutputError):
    """A file to write is one an output folder owns: the command line names the wrong file."""

    exit_code = 2


def read_results(folder: Path) -> list[Agreement]:
    """The records of FOLDER/agreements.jsonl: NoResultsError when there is none, InputError
    when it is not a valid records file."""
    path = folder / RECORDS_FILE
    if not path.is_file():
        raise NoResultsError(
            f"{path} not found; run `coopextract ingest SOURCE -o {folder}` first, "
            "or pass the folder that holds agreements.jsonl"
        )
    # Imported here: the models (pydantic) are not needed to name the files.
    from coopextract.writing import read_records

    return read_records(path)


def ingested_source(folder: Path) -> Path | None:
    """The SOURCE of FOLDER's last ingest run, as its manifest.json says (None if unknown).

    A relative SOURCE is relative to the folder `coopextract ingest` ran in, which is taken
    to be the current one.
    """
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_bytes())
    except (OSError, ValueError):
        return None
    source = manifest.get("source") if isinstance(manifest, dict) else None
    return Path(source) if isinstance(source, str) and source else None


def owner_role(path: Path) -> str | None:
    """What a file named like `path` is for in an output folder (see OWNED_FILES), or None
    when the name is not one an output folder owns."""
    # Windows drops trailing dots and spaces: `reviews.jsonl.` is reviews.jsonl there.
    name = path.name.rstrip(". ").casefold()
    for owned, role in OWNED_FILES.items():
        if name == owned.casefold():
            return role
        if owned in REPLACED_FILES and fnmatchcase(name, f".{owned.casefold()}.*{_TEMPORARY}"):
            return f"is a temporary file that the next ingest run deletes ({owned})"
    return None


def refuse_owned(*paths: Path) -> None:
    """Raise OwnedFileError for the first of `paths` an output folder owns; call it before
    writing any of them."""
    for path in paths:
        role = owner_role(path)
        if role is not None:
            raise OwnedFileError(
                f"will not write {path}: in a coopextract output folder, a file of that name "
                f"{role}; choose another file name"
            )
