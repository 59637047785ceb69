"""The output folder between runs: what it stores, and committing a run so that a kill is safe.

OUTPUT_DIR holds

    agreements.jsonl             the records: the product
    manifest.json                the last run's facts, and the index of the folder: for every
                                 article it knows, the content hash and pipeline fingerprint
                                 its records were extracted from, and the sha256 of the
                                 agreements.jsonl it describes
    errors.jsonl                 what the last run skipped, and why
    .coopextract-journal.jsonl   only while a run is under way, or after one was killed

A run holds an exclusive lock on the folder (`locked`), reads what is stored (`load_stored`),
replays a leftover journal, appends one fsynced journal line per article it extracts, then
commits (`commit`) in this order:

    1. errors.jsonl       replaced atomically (temporary file, fsync, rename)
    2. agreements.jsonl   replaced atomically
    3. manifest.json      replaced atomically, carrying the sha256 of the bytes of step 2
    4. the journal        deleted

Why a run killed at any instant is finished by the next one, with the same agreements.jsonl
as one uninterrupted run would have written:

- agreements.jsonl is only ever replaced by rename, so it is always a whole file written by
  some run: valid JSON Lines.
- A journal line is a fact independent of the run that wrote it (see `coopextract.run.journal`);
  a fact is used only when its fingerprint is the current one, and then it is exactly what
  extracting the article again would give. A torn last line is dropped.
- The manifest's index is used to reuse stored records only when its `records_sha256` is that
  of the agreements.jsonl on disk, i.e. when the two were committed by the same run.
  Otherwise only the journal is reused, and the rest is extracted again.
- Records the run does not extract or reuse (articles not seen, or skipped) are carried over
  from agreements.jsonl itself, grouped by the article key every record carries.

Killed before the rename of step 2: the folder still holds the previous run's files, which
the next run starts from as if the killed run had not happened, with the journal's facts
saving it the extractions already done. Killed between 2 and 3: agreements.jsonl is the new
one, the manifest the old one; their hashes differ, so the index is ignored; every article
the killed run extracted is in the journal, every other one is extracted again, and the
carried-over records in the new agreements.jsonl are the ones the killed run had carried over
itself. Killed between 3 and 4: both files are the new ones and match; the next run reuses
every article, rewrites the same agreements.jsonl, and deletes the journal. Temporary files
of a killed rename are deleted at the start of the next run (`remove_stale_temporaries`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coopextract.errors import OutputError
from coopextract.models import Agreement
from coopextract.run.journal import ArticleKey, Journal, key_order, record_key
from coopextract.run.results import ERRORS_FILE, MANIFEST_FILE, RECORDS_FILE, REPLACED_FILES
from coopextract.writing import (
    JOURNAL_KEPT,
    format_records,
    parse_records,
    remove_stale_temporaries,
    write_atomic,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stored:
    """What the folder holds for one article: its records and what they were extracted from.

    `fingerprint` is None when it is not known for sure (no matching manifest): such
    records are carried over but never reused for the article they came from.
    """

    sha256: str | None
    fingerprint: str | None
    records: tuple[Agreement, ...]


def prepare(folder: Path) -> None:
    """Create the output folder if needed; OutputError when it cannot be one."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(
            f"cannot create the output folder {folder} ({err.strerror or err}); "
            "choose a writable output folder"
        ) from err
    if not folder.is_dir():
        raise OutputError(f"{folder} is not a folder; choose an output folder")


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on the output folder: one run at a time writes into it.

    The lock is the kernel's (flock on the folder itself), so a killed run never leaves a
    stale lock behind. Where flock does not exist (Windows), runs are not locked.
    """
    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as err:
        raise OutputError(
            f"cannot open the output folder {folder} ({err.strerror or err}); "
            "choose a readable, writable output folder"
        ) from err
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(
                f"another coopextract run is writing into {folder}; "
                "wait for it to finish or choose another output folder"
            ) from None
        except OSError:
            pass  # a file system without locks: run unlocked rather than not at all
        for name in REPLACED_FILES:
            remove_stale_temporaries(folder / name)
        yield
    finally:
        os.close(fd)  # releases the lock


def load_stored(folder: Path) -> dict[ArticleKey, Stored]:
    """Every article the folder knows, from agreements.jsonl and the manifest's index.

    Raises InputError when agreements.jsonl exists but is not a valid records file, and
    OutputError when it cannot be read.
    """
    path = folder / RECORDS_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = b""
    except OSError as err:
        raise OutputError(
            f"cannot read {path} ({err.strerror or err}); make it readable, or move it away "
            "to start afresh"
        ) from err
    # Never written over: its records would be lost. (InputError, exit code 1.)
    records = parse_records(
        data, path, advice="fix or remove the line, or move the file away to start afresh"
    )

    grouped: dict[ArticleKey, list[Agreement]] = {}
    for record in records:
        grouped.setdefault(record_key(record), []).append(record)

    manifest = read_manifest(folder / MANIFEST_FILE)
    index = _index(manifest)
    trusted = manifest.get("records_sha256") == hashlib.sha256(data).hexdigest()
    if index and not trusted:
        logger.debug("%s does not describe %s: stored records are not reused", MANIFEST_FILE, path)

    stored: dict[ArticleKey, Stored] = {}
    for key in {*grouped, *index}:
        found = tuple(grouped.get(key, ()))
        entry = index.get(key)
        hashes = {r.article.sha256 for r in found}
        if (
            entry is not None
            and trusted
            and entry["records"] == len(found)
            and hashes <= {entry["sha256"]}
        ):
            stored[key] = Stored(entry["sha256"], entry["fingerprint"], found)
        elif found:
            sha = hashes.pop() if len(hashes) == 1 else None
            stored[key] = Stored(sha, None, found)
        elif entry is not None:
            stored[key] = Stored(entry["sha256"], None, ())
    return stored


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest at PATH; empty when it is missing or unreadable.

    The manifest is a report and a cache: when it is missing or unreadable, nothing is lost
    but time (and what it remembered of records gone), so it is not an error."""
    try:
        manifest = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _index(manifest: dict[str, Any]) -> dict[ArticleKey, dict[str, Any]]:
    """The manifest's articles that have stored results, by key; malformed entries left out."""
    index: dict[ArticleKey, dict[str, Any]] = {}
    articles = manifest.get("articles")
    for entry in articles if isinstance(articles, list) else []:
        if not isinstance(entry, dict):
            continue
        path, item = entry.get("path"), entry.get("item")
        sha256, fingerprint = entry.get("sha256"), entry.get("fingerprint")
        count = entry.get("records")
        if (
            isinstance(path, str)
            and (item is None or isinstance(item, str))
            and isinstance(sha256, str)
            and (fingerprint is None or isinstance(fingerprint, str))
            and isinstance(count, int)
        ):
            index[(path, item)] = {"sha256": sha256, "fingerprint": fingerprint, "records": count}
    return index


def commit(
    folder: Path,
    records: Iterable[Agreement],
    manifest: dict[str, Any],
    errors: Iterable[dict[str, Any]],
    journal: Journal,
) -> int:
    """Write the run's files in the order the module docstring argues for; returns the
    number of records. Sets `manifest["records_sha256"]`. Raises OutputError, after which
    the folder is one the next run finishes from (as after a kill), the journal intact."""
    # Whatever step fails, the journal is still there (deleted last): the error says so.
    kept = JOURNAL_KEPT if journal.path.exists() else ""
    lines = sorted(errors, key=lambda e: (key_order((e["path"], e.get("item"))), e["reason"]))
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in lines)
    write_atomic(folder / ERRORS_FILE, text.encode("utf-8"), kept=kept)

    data, count = format_records(records)
    write_atomic(folder / RECORDS_FILE, data, kept=kept)

    manifest["records_sha256"] = hashlib.sha256(data).hexdigest()
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    write_atomic(folder / MANIFEST_FILE, text.encode("utf-8"), kept=kept)

    journal.remove()
    return count
