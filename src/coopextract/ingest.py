"""The library entry point: read a source of articles, extract agreements, write the results.

    from coopextract.ingest import ingest
    result = ingest(Path("data/raw"), Path("data/extracted"))

writes `agreements.jsonl` (every record of the run, the file replaced) and `manifest.json`
(the run's facts: counts, fingerprint, times, each article's status). Times and other facts
of the run live in the manifest only, so that the same input always gives the same records.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopextract import __version__
from coopextract.articles import Article, Skipped, iter_articles
from coopextract.errors import OutputError
from coopextract.models import SCHEMA_VERSION, Agreement
from coopextract.writing import write_atomic, write_records

if TYPE_CHECKING:
    from coopextract.extract import Extractor

RECORDS_FILE = "agreements.jsonl"
MANIFEST_FILE = "manifest.json"

ProgressCallback = Callable[[Article | Skipped], None]


@dataclass
class IngestResult:
    """What a run did; `articles` is each file's status, as in the manifest."""

    articles_read: int
    agreements_found: int
    skipped: list[Skipped]
    output_path: Path
    manifest_path: Path | None = None
    articles: list[dict[str, Any]] = field(default_factory=list, repr=False)


def _load_extractor(rules_dir: Path | None) -> Extractor:
    # Imported here: spaCy and the model are only needed once there is something to extract,
    # and `coopextract --help` should not wait for them.
    from coopextract.extract import Extractor

    return Extractor(rules_dir=rules_dir)


def _check_output_dir(output_dir: Path) -> None:
    # Before the model is loaded, so that a typo in --output-dir costs no waiting.
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(
            f"cannot create the output folder {output_dir} ({err.strerror or err}); "
            "choose a writable output folder"
        ) from err
    if not output_dir.is_dir():
        raise OutputError(f"{output_dir} is not a folder; choose an output folder")


def ingest(
    source: Path,
    output_dir: Path = Path("data/extracted"),
    rules_dir: Path | None = None,
    *,
    extractor: Extractor | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestResult:
    """Extract the agreements of every article under SOURCE into OUTPUT_DIR/agreements.jsonl.

    SOURCE is a folder (searched recursively for .txt files) or one .txt file. Files that
    cannot be read are skipped and listed in the result, never raised. `extractor` reuses an
    already loaded Extractor (`rules_dir` is then ignored); `on_progress` is called once for
    each file, read or skipped. Raises InputError, RulesError or OutputError.
    """
    started = datetime.now(UTC)
    clock = time.perf_counter()
    items = iter_articles(source)  # raises now if SOURCE cannot be used
    _check_output_dir(output_dir)
    if extractor is None:
        extractor = _load_extractor(rules_dir)

    skipped: list[Skipped] = []
    statuses: list[dict[str, Any]] = []
    records: list[Agreement] = []

    def articles_only(stream: Iterable[Article | Skipped]) -> Iterator[Article]:
        for item in stream:
            if isinstance(item, Skipped):
                skipped.append(item)
                statuses.append({"path": item.path, "status": "skipped", "reason": item.reason})
                if on_progress:
                    on_progress(item)
            else:
                yield item

    for article, found in extractor.extract_many(articles_only(items)):
        records.extend(found)
        statuses.append(
            {
                "path": article.path,
                "sha256": article.sha256,
                "status": "read",
                "agreements": len(found),
            }
        )
        if on_progress:
            on_progress(article)

    output_path = output_dir / RECORDS_FILE
    write_records(records, output_path)
    # Skipped files pass while the extractor still holds a batch of articles: put them back.
    statuses.sort(key=lambda s: s["path"])
    result = IngestResult(
        articles_read=sum(1 for s in statuses if s["status"] == "read"),
        agreements_found=len(records),
        skipped=skipped,  # in SOURCE order already
        output_path=output_path,
        manifest_path=output_dir / MANIFEST_FILE,
        articles=statuses,
    )
    manifest = {
        "coopextract_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "fingerprint": extractor.fingerprint,
        "source": str(source),
        "rules_dir": str(rules_dir) if rules_dir else None,  # null: the shipped rules
        "started_at": started.isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - clock, 3),
        "articles_read": result.articles_read,
        "agreements_found": result.agreements_found,
        "files_skipped": len(result.skipped),
        "records_file": RECORDS_FILE,
        "articles": statuses,
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    write_atomic(output_dir / MANIFEST_FILE, text.encode("utf-8"))
    return result
