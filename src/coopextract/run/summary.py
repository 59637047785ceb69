"""What an ingest run tells its user: each file it skips, and the summary when it is done.
Text only; the command line prints it (on stderr).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coopextract.reading.articles import Skipped
from coopextract.run.changes import summary as changes_summary
from coopextract.run.results import LEDGER_FILE, REVIEWS_FILE
from coopextract.terminal import plural

if TYPE_CHECKING:
    from coopextract.run.ingest import IngestResult

# Names of parties not in the catalog shown in the summary (all are in the manifest).
UNKNOWN_SHOWN = 5


def skipped_line(item: Skipped) -> str:
    """`Skipped a.txt: why`, or `Skipped a.json [item]: why` for one article of a file."""
    shown = item.path if item.item is None else f"{item.path} [{item.item}]"
    return f"Skipped {shown}: {item.reason}"


def summary_lines(result: IngestResult, source: Path) -> list[str]:
    """The lines that end a run: warnings, what was kept or dropped, the pipelines used,
    parties to add to the catalog, what changed since the last run, and the counts."""
    lines = []
    if result.articles_read == 0 and not result.skipped and not result.ignored:
        lines.append(f"Warning: no article files found in {source}")
    if result.not_seen:
        lines.append(
            f"Kept the records of {plural(result.not_seen, 'article')} no longer in "
            f"{source} (--prune drops them)"
        )
    if result.pruned:
        lines.append(f"Dropped the records of {plural(result.pruned, 'article')}")
    if result.pipelines:
        used = ", ".join(f"{lang}: {name}" for lang, name in result.pipelines.items())
        lines.append(f"Pipelines: {used}")
    if result.unknown_parties:
        lines.append(_unknown_parties_line(result))
    if result.orphans.decisions:
        lines.append(_orphans_line(result))
    if result.ledger_entries:
        lines.append(
            f"Ledger: {plural(result.ledger_entries, 'real-world agreement')} "
            f"→ {result.output_path.with_name(LEDGER_FILE)}"
        )
    if result.changes is not None:
        lines.append(f"Changes since the last run: {changes_summary(result.changes)}")
    skipped = f"skipped {plural(len(result.skipped), 'file')}"
    if result.skipped and result.errors_path is not None:
        skipped += f" (see {result.errors_path})"
    lines.append(
        f"Read {plural(result.articles_read, 'article')} "
        f"({result.processed} extracted, {result.reused} unchanged), {skipped}, "
        f"ignored {result.ignored}; {plural(result.agreements_found, 'agreement')} "
        f"→ {result.output_path}"
    )
    return lines


def _unknown_parties_line(result: IngestResult) -> str:
    names = [p["name"] for p in result.unknown_parties]
    shown = ", ".join(names[:UNKNOWN_SHOWN]) + (", …" if len(names) > UNKNOWN_SHOWN else "")
    where = result.manifest_path or "manifest.json"
    return (
        f"{len(names)} part{'y' if len(names) == 1 else 'ies'} not in the catalog ({shown}): "
        f"listed in {where} under unknown_parties, to add to rules/shared/catalog.jsonl"
    )


def _orphans_line(result: IngestResult) -> str:
    decisions = result.orphans.decisions
    count = len(decisions)
    records = len({d.id for d in decisions})
    folder = result.output_path.parent
    return (
        f"Warning: {plural(count, 'decision')} in {folder / REVIEWS_FILE} "
        f"{'is' if count == 1 else 'are'} on {plural(records, 'agreement')} no longer "
        "extracted (evidence sentence edited, or article pruned): list "
        f"{'it' if count == 1 else 'them'} with `coopextract review {folder} --orphans`"
    )
