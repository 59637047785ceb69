"""Taking the records elsewhere: CSV, Parquet, SQLite and Label Studio files.

`export(folder, fmt)` reads FOLDER/agreements.jsonl, applies the reviewers' decisions of
FOLDER/reviews.jsonl (`exports.reviewed`: corrections made, rejected records left out unless
asked for), and writes one format; each format is a module of its own with a `write_*`
function taking records, so that records from elsewhere can be exported too. CSV, Parquet and
SQLite also write the folder's ledger, FOLDER/ledger.jsonl, when it has one (`exports.ledger`).
Every format is derived from `coopextract.models.Agreement` (`exports.flat`,
`exports.parquet.arrow_schema`) and the ledger's from `coopextract.ledger.entry.LedgerEntry`;
every file is replaced atomically, and the same records give the same bytes. No file is
written under the name of one an output folder owns (agreements.jsonl, reviews.jsonl, ...:
`coopextract.run.results`), and CSV cells that a spreadsheet would run as formulas are escaped
(`exports.csv_tables`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from coopextract.run.results import EXPORT_FILES

# Only for type hints: the command line imports this module for ExportFormat, and its --help
# should not wait for pydantic and the models.
if TYPE_CHECKING:
    from coopextract.exports.reviewed import ReviewState
    from coopextract.ledger.entry import LedgerEntry
    from coopextract.models import Agreement
    from coopextract.review.decisions import Decision


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    sqlite = "sqlite"
    labelstudio = "labelstudio"


# The file written into FOLDER when no --out is given, and the module and function writing it.
DEFAULT_NAMES = {fmt: EXPORT_FILES[fmt.value][0] for fmt in ExportFormat}
_WRITERS = {
    ExportFormat.csv: ("csv_tables", "write_csv"),
    ExportFormat.parquet: ("parquet", "write_parquet"),
    ExportFormat.sqlite: ("sqlite", "write_sqlite"),
    ExportFormat.labelstudio: ("labelstudio", "write_labelstudio"),
}
# The formats that write the ledger beside the records: Label Studio tasks are records to label.
LEDGER_FORMATS = (ExportFormat.csv, ExportFormat.parquet, ExportFormat.sqlite)


@dataclass(frozen=True)
class ExportResult:
    paths: list[Path]  # the files written, the main one first
    exported: int  # records written
    left_out: int = 0  # rejected records left out
    orphans: list[Decision] = field(default_factory=list)  # decisions of no record
    ledger: int | None = None  # ledger entries written; None: no ledger part
    ledger_warning: str | None = None  # no ledger.jsonl, or one older than the records


def write_records_as(
    records: list[Agreement],
    fmt: ExportFormat | str,
    out: Path,
    states: Mapping[str, ReviewState] | None = None,
    source: Path | None = None,
    ledger: list[LedgerEntry] | None = None,
) -> list[Path]:
    """Write records in a format to OUT (and the files beside it that the format adds);
    `states` gives records' review columns by id, `source` (Label Studio only) the folder
    of the articles, `ledger` (not Label Studio) the ledger entries to write beside the
    records. Returns the files written."""
    fmt = ExportFormat(fmt)
    module, name = _WRITERS[fmt]
    # Imported on use: pyarrow takes a while to load and only Parquet needs it.
    writer: Callable[..., list[Path]] = getattr(
        import_module(f"coopextract.exports.{module}"), name
    )
    if fmt is ExportFormat.labelstudio:
        if ledger is not None:
            raise ValueError("the labelstudio format has no ledger part")
        return writer(records, out, states or {}, source)
    if source is not None:
        raise ValueError("source is only read by the labelstudio format")
    return writer(records, out, states or {}, ledger)


def export(
    folder: Path,
    fmt: ExportFormat | str,
    out: Path | None = None,
    *,
    include_rejected: bool = False,
    source: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> ExportResult:
    """Export FOLDER/agreements.jsonl, reviewed, to OUT (default FOLDER/agreements.<ext>), and
    FOLDER/ledger.jsonl beside it (CSV, Parquet, SQLite).

    `warn` is told of an unfinished last line in reviews.jsonl (left out); the result's
    `ledger_warning` tells of a folder without ledger.jsonl, or of a ledger that no longer
    matches the records and decisions (exported as it is).

    Raises InputError (records missing or invalid, ledger.jsonl not a ledger; for Label
    Studio, an article missing or changed under `source`, or offsets that do not point at
    the stored text), ReviewError (a decision that no longer fits its record),
    OwnedFileError (OUT, or a file beside it, has the name of one of an output folder's
    files) or OutputError (OUT cannot be written).
    """
    from coopextract.exports.ledger import FolderLedger, load_ledger
    from coopextract.exports.reviewed import load_reviewed

    fmt = ExportFormat(fmt)
    reviewed = load_reviewed(folder, include_rejected, warn)
    target = out if out is not None else folder / DEFAULT_NAMES[fmt]
    ledger = FolderLedger(None)
    if fmt in LEDGER_FORMATS:
        # The ledger leaves out the rejected records, even those exported with them.
        kept = (r.id for r in reviewed.records if reviewed.state(r).verdict != "rejected")
        ledger = load_ledger(folder, kept)
    entries = ledger.entries
    paths = write_records_as(reviewed.records, fmt, target, reviewed.states, source, entries)
    return ExportResult(
        paths,
        len(reviewed.records),
        reviewed.left_out,
        reviewed.orphans,
        None if entries is None else len(entries),
        ledger.warning,
    )
