"""The files an output folder owns, which no file a user names (`export --out`, `review
--html`) may replace.

`coopextract ingest` keeps agreements.jsonl, manifest.json and errors.jsonl in its output
folder, and .coopextract-journal.jsonl while a run is under way; `coopextract review` adds
reviews.jsonl, and reviews.jsonl.torn for unfinished lines set aside. Ingest replaces its
three files through temporaries `.NAME.<pid>.<random>.tmp`, which its next run deletes. An
export written under one of these names would destroy the records or the decisions without
a word (or, as a temporary, be deleted by the next run), so such a path is refused whatever
its folder: none is a sensible name for an export, and the folder may be another output
folder. Names are compared as a case-insensitive file system (macOS, Windows) would.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path

from coopextract.errors import OutputError
from coopextract.review.decisions import REVIEWS_FILE, TORN_FILE
from coopextract.run.journal import JOURNAL_FILE
from coopextract.run.state import ERRORS_FILE, MANIFEST_FILE, RECORDS_FILE

# Each file, and what it is for: what writing over it would destroy.
OWNED_FILES = {
    RECORDS_FILE: "holds the extracted records",
    MANIFEST_FILE: "indexes the last ingest run",
    ERRORS_FILE: "lists the files the last ingest run skipped",
    JOURNAL_FILE: "journals an unfinished ingest run",
    REVIEWS_FILE: "holds the reviewers' decisions",
    TORN_FILE: "holds the unfinished decisions set aside",
}
# The files ingest replaces through temporaries, whose leftovers its next run deletes
# (coopextract.writing.remove_stale_temporaries): `.agreements.jsonl.<pid>.<random>.tmp`.
_REPLACED = (RECORDS_FILE, MANIFEST_FILE, ERRORS_FILE)
_TEMPORARY = ".tmp"


class OwnedFileError(OutputError):
    """A file to write is one an output folder owns: the command line names the wrong file."""

    exit_code = 2


def owner_role(path: Path) -> str | None:
    """What a file named like `path` is for in an output folder (see OWNED_FILES), or None
    when the name is not one an output folder owns."""
    # Windows drops trailing dots and spaces: `reviews.jsonl.` is reviews.jsonl there.
    name = path.name.rstrip(". ").casefold()
    for owned, role in OWNED_FILES.items():
        if name == owned.casefold():
            return role
        if owned in _REPLACED and fnmatchcase(name, f".{owned.casefold()}.*{_TEMPORARY}"):
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
