"""The library entry point: bring an output folder up to date with a source of articles.

    from coopextract.run.ingest import ingest
    result = ingest(Path("data/raw"), Path("data/extracted"))

A run reads every article under SOURCE and keeps OUTPUT_DIR/agreements.jsonl holding the
records of each. It is incremental: an article whose content (sha256) and pipeline
fingerprint are those its stored records came from is reused, not extracted again, and the
model is not even loaded when no article needs it. A changed article replaces its records.
Articles are identified by their path under SOURCE (plus the item, for a file holding several
articles), so DIR is the collection of one SOURCE folder: ingesting another folder into the
same DIR adds its articles, and one with the same relative path replaces the other's.

Records of articles not read in this run (gone from SOURCE, or now skipped) are kept and
reported as `not_seen` / `skipped`; `prune=True` drops them, leaving exactly the records of
the articles read. `force=True` extracts every article again.

Nothing about one input file stops a run: a file that cannot be read, and an article whose
extraction raises, are skipped with a reason (in the result, the manifest and errors.jsonl).
How a run survives being killed is argued in `coopextract.run.state`. Facts of the run (times,
counts, statuses) live in manifest.json only, so that the same input always gives the same
records file.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopextract import __version__
from coopextract.errors import InputError
from coopextract.models import SCHEMA_VERSION, Agreement, ArticleRef
from coopextract.reading.articles import MAX_BYTES, Article, Skipped, SourceFiles, read_file, scan
from coopextract.reading.counts import expected_items
from coopextract.reading.languages import DEFAULT as DEFAULT_LANGUAGE
from coopextract.reading.languages import LanguagePolicy, normalise_code
from coopextract.reading.safe_text import shown_name
from coopextract.rule_files import language_model
from coopextract.run.changes import compare_records
from coopextract.run.cluster import ClusterPool, ClusterUsageError, check_cluster_spec
from coopextract.run.fingerprint import languages_fingerprint
from coopextract.run.isolation import extract_isolated, internal_error_reason
from coopextract.run.journal import ArticleKey, Entry, Journal, key_fields, key_order
from coopextract.run.ledger_file import update_ledger
from coopextract.run.orphans import Orphans, find_orphans
from coopextract.run.results import ERRORS_FILE, FOLDER_FILES, MANIFEST_FILE, RECORDS_FILE
from coopextract.run.state import Stored, commit, load_stored, locked, prepare
from coopextract.run.workers import WorkerPool, started_pool

if TYPE_CHECKING:
    from distributed import Client

    from coopextract.run.extract import Extractor

__all__ = ["MANIFEST_FILE", "MAX_BYTES", "RECORDS_FILE", "IngestResult", "ingest"]

ProgressCallback = Callable[[Article | Skipped], None]
# Told the pipeline about to be loaded, by language and name (a model package, or "blank").
LoadingCallback = Callable[[str, str], None]

logger = logging.getLogger(__name__)


@dataclass
class IngestResult:
    """What a run did. `articles` is each article's entry, as in the manifest."""

    articles_read: int  # processed + reused
    agreements_found: int  # records now in agreements.jsonl, carried-over ones included
    skipped: list[Skipped]  # in path order
    output_path: Path
    manifest_path: Path | None = None
    articles: list[dict[str, Any]] = field(default_factory=list, repr=False)
    processed: int = 0  # extracted in this run
    reused: int = 0  # unchanged since the run that extracted them
    ignored: int = 0  # files under SOURCE of a type that is not read
    not_seen: int = 0  # not in SOURCE any more, records kept
    pruned: int = 0  # not read in this run, records dropped (prune=True)
    fingerprint: str = ""
    ledger_entries: int = 0  # entries in ledger.jsonl
    errors_path: Path | None = None
    pipelines: dict[str, str] = field(default_factory=dict)  # language -> model or "blank"
    # Parties the catalog does not know, with their guessed kind and country: candidates for
    # rules/shared/catalog.jsonl (see `unknown_parties`).
    unknown_parties: list[dict[str, Any]] = field(default_factory=list)
    # Records new, removed, changed and unchanged since the records the folder held before
    # the run (`coopextract.run.changes`); None when it held none: a first run.
    changes: dict[str, int] | None = None
    # Decisions of reviews.jsonl whose record is gone, and what those records were.
    orphans: Orphans = field(default_factory=lambda: Orphans([], []))


@dataclass(frozen=True)
class _Outcome:
    status: str  # processed, reused or skipped
    sha256: str | None = None
    records: tuple[Agreement, ...] = ()
    reason: str | None = None
    source: dict[str, str] = field(default_factory=dict)  # the article's url, outlet, author


SOURCE_FIELDS = ("url", "outlet", "author")


def _source(article: Article | ArticleRef) -> dict[str, str]:
    """The article's url, outlet and author, those it has, for its manifest entry."""
    return {name: value for name in SOURCE_FIELDS if (value := getattr(article, name))}


def _load_extractor(
    rules_dir: Path | None, models: dict[str, str] | None = None, *, fast_path: bool = True
) -> Extractor:
    # Imported here: spaCy and the model are only needed once there is something to extract,
    # and `coopextract --help` should not wait for them.
    from coopextract.run.extract import MultiExtractor

    return MultiExtractor(  # type: ignore[return-value]
        rules_dir=rules_dir, models=models, fast_path=fast_path
    )


def _key(item: Article | Skipped) -> ArticleKey:
    return (item.path, item.item)


def ingest(
    source: Path,
    output_dir: Path = Path("data/extracted"),
    rules_dir: Path | None = None,
    *,
    extractor: Extractor | None = None,
    on_progress: ProgressCallback | None = None,
    force: bool = False,
    prune: bool = False,
    max_bytes: int = MAX_BYTES,
    language: str | None = None,
    models: dict[str, str] | None = None,
    workers: int = 1,
    fast_path: bool = True,
    on_total: Callable[[int], None] | None = None,
    on_loading: LoadingCallback | None = None,
    cluster: str | Client | None = None,
    on_cluster: Callable[[str], None] | None = None,
) -> IngestResult:
    """Bring OUTPUT_DIR/agreements.jsonl up to date with the articles under SOURCE.

    SOURCE is a folder (searched recursively) or one article file. Files that cannot be read,
    and articles whose extraction fails, are skipped and listed in the result, never raised.
    `extractor` reuses an already loaded Extractor (`rules_dir` is then ignored, and its
    `fingerprint` is used); otherwise one is loaded only if an article needs extracting.
    Each article's language is `language` when given, else the one a JSON article declares,
    else detected; an article in a language without rules is skipped. `models` names a spaCy
    package per language ({"en": "en_core_web_sm"}) over the rules' `language.json`.
    `workers` > 1 extracts in that many processes (`coopextract.run.workers`), with the same
    records, journal and output files as one; `fast_path=False` runs every article through
    the whole pipeline, without the pre-scan or the compiled patterns (for comparison: the
    records are the same). `cluster` extracts on a Dask cluster instead
    (`coopextract.run.cluster`): "local", "local:N", a scheduler address "tcp://HOST:PORT"
    or a `distributed.Client`; the output files are those of one process, and `on_cluster`
    is told, once connected, where the work goes (and the dashboard's address). All three
    are ignored with an `extractor`.
    `on_progress` is called once for each article or skipped file; `on_total` once before,
    with how many calls to expect (counted when asked: JSON files are read for it);
    `on_loading` before a language's pipeline is loaded (seconds, for a trained model).
    Raises InputError (SOURCE, or an agreements.jsonl that is not a records file),
    RulesError or OutputError; RulesFolderError and LanguageError, usage mistakes, before
    anything is written.
    """
    started = datetime.now(UTC)
    clock = time.perf_counter()
    sources = scan(source)  # raises now if SOURCE cannot be used
    # The rules folder and the language, checked before the output folder is created: a
    # wrong --rules or --language would otherwise skip every article.
    policy = LanguagePolicy.from_rules(rules_dir, forced=language)
    if isinstance(cluster, str):
        check_cluster_spec(cluster)  # a typo, or distributed not installed: exit code 2
    if cluster is not None and workers > 1:
        raise ClusterUsageError("use either --workers or --cluster, not both")
    prepare(output_dir)  # before the rules, so that a typo in --output-dir fails at once
    with ExitStack() as stack:
        # Started now, so that the workers load the model while this process checks the
        # rules and reads (and stopped with the run, whether or not they were needed).
        pool: WorkerPool | ClusterPool | None = _started_pool(
            stack, workers, extractor, rules_dir, models, fast_path, language
        )
        if cluster is not None and extractor is None:
            # A local cluster's host loads the pipeline from now on.
            pool = stack.enter_context(
                _cluster_pool(cluster, rules_dir, models, fast_path, language, on_cluster)
            )
        files, ignored = _outside(sources, source, output_dir)
        if on_total is not None:
            on_total(expected_items(files, max_bytes))
        fingerprint = (
            extractor.fingerprint
            if extractor is not None
            else languages_fingerprint(rules_dir, models)
        )
        if isinstance(pool, ClusterPool):
            pool.use_fingerprint(fingerprint)  # checked on the cluster (connected to now)
        load = _Loader(extractor, pool, rules_dir, models, fast_path, on_loading)

        with locked(output_dir):
            stored = load_stored(output_dir)
            if prune and not files and any(known.records for known in stored.values()):
                raise _pruning_all(source, output_dir)
            journal = Journal(output_dir)
            try:
                replayed = journal.replay()  # always: it also cuts off a torn last line
                cache = {} if force else _cache(stored, replayed, fingerprint)
                run = _Run(cache, fingerprint, journal, on_progress)
                run.go(_read_all(files, max_bytes, policy), load)

                entries, records = _settle(run.outcomes, stored, fingerprint, prune)
                result = _result(
                    output_dir,
                    entries,
                    records,
                    run.skipped,
                    ignored=len(ignored),
                    fingerprint=fingerprint,
                    pipelines=load.pipelines(),
                )
                result.changes = _changes(stored, records)
                before = (r for known in stored.values() for r in known.records)
                result.orphans = find_orphans(output_dir, records, before)
                manifest = _manifest(
                    result,
                    source,
                    rules_dir,
                    force=force,
                    prune=prune,
                    max_bytes=max_bytes,
                    workers=workers,
                    fast_path=fast_path,
                    started=started.isoformat(timespec="seconds"),
                    seconds=round(time.perf_counter() - clock, 3),
                )
                errors = [{**key_fields(_key(s)), "reason": s.reason} for s in result.skipped]
                commit(output_dir, records, manifest, errors, journal)
            finally:
                journal.close()
            # Rebuilt every run, even when no article changed: a run killed before this
            # line leaves an old ledger that the next run replaces.
            entries_now = update_ledger(output_dir, records, rules_dir, tolerant=True)
            result.ledger_entries = len(entries_now)
        return result


def _started_pool(
    stack: ExitStack,
    workers: int,
    extractor: Extractor | None,
    rules_dir: Path | None,
    models: dict[str, str] | None,
    fast_path: bool,
    language: str | None,
) -> WorkerPool | None:
    """The run's worker processes, when it has several workers and no extractor of its own;
    stopped with `stack`, whether or not they were needed."""
    if workers <= 1 or extractor is not None:
        return None
    preload = (normalise_code(language) if language else DEFAULT_LANGUAGE,)
    return stack.enter_context(
        started_pool(workers, rules_dir, models, fast_path=fast_path, preload=preload)
    )


@contextmanager
def _cluster_pool(
    cluster: str | Client,
    rules_dir: Path | None,
    models: dict[str, str] | None,
    fast_path: bool,
    language: str | None,
    on_cluster: Callable[[str], None] | None,
) -> Iterator[ClusterPool]:
    """The run's cluster, a local one started now, so that it loads the pipeline while this
    process reads (any other is connected to once the fingerprint is known); closed with
    the run."""
    pool = ClusterPool(
        cluster,
        rules_dir,
        models,
        fingerprint=None,
        fast_path=fast_path,
        on_start=on_cluster,
        preload=(normalise_code(language) if language else DEFAULT_LANGUAGE,),
    )
    try:
        pool.start()
        yield pool
    finally:
        pool.close()


def _pruning_all(source: Path, output_dir: Path) -> InputError:
    """An empty SOURCE is more often a failed mount or a typo than a wish to drop all."""
    return InputError(
        f"{source} holds no article file, and --prune would drop every record in "
        f"{output_dir}; check SOURCE, or move {RECORDS_FILE} away to start afresh"
    )


class _Loader:
    """Gives a run its extractor when an article needs one, and only then."""

    def __init__(
        self,
        extractor: Extractor | None,
        pool: WorkerPool | ClusterPool | None,
        rules_dir: Path | None,
        models: dict[str, str] | None,
        fast_path: bool,
        on_loading: LoadingCallback | None = None,
    ) -> None:
        self.extractor = extractor
        self.pool = pool
        self.rules_dir = rules_dir
        self.models = models
        self.fast_path = fast_path
        self.on_loading = on_loading
        self.loaded: Extractor | WorkerPool | ClusterPool | None = None
        self.announced: set[str] = set()

    def announce(self, language: str) -> None:
        """Say, once per language, that its pipeline is about to load: before the first
        article of that language goes to the extractor (none with a preloaded one)."""
        if self.on_loading is None or self.extractor is not None or language in self.announced:
            return
        self.announced.add(language)
        name = (self.models or {}).get(language) or language_model(self.rules_dir, language)
        self.on_loading(language, name or "blank")

    def __call__(self) -> Extractor | WorkerPool | ClusterPool:
        if self.extractor is not None:
            self.loaded = self.extractor
        elif self.pool is not None:
            # The workers load the model; this process reads, journals and commits.
            self.loaded = self.pool
        elif self.fast_path:
            # Called with two arguments, as the tests' stand-ins for the model expect.
            self.loaded = _load_extractor(self.rules_dir, self.models)
        else:
            self.loaded = _load_extractor(self.rules_dir, self.models, fast_path=False)
        return self.loaded

    def pipelines(self) -> dict[str, str]:
        """Which pipeline each language used in this run (empty when nothing was extracted)."""
        pipelines = getattr(self.loaded, "pipelines", None)
        return pipelines() if callable(pipelines) else {}


def _result(
    output_dir: Path,
    entries: list[dict[str, Any]],
    records: list[Agreement],
    skipped: list[Skipped],
    *,
    ignored: int,
    fingerprint: str,
    pipelines: dict[str, str],
) -> IngestResult:
    """What a run did, from the manifest entries and the records it settled on."""
    return IngestResult(
        articles_read=_count(entries, "processed", "reused"),
        agreements_found=len(records),
        skipped=sorted(skipped, key=lambda s: key_order(_key(s))),
        output_path=output_dir / RECORDS_FILE,
        manifest_path=output_dir / MANIFEST_FILE,
        articles=entries,
        processed=_count(entries, "processed"),
        reused=_count(entries, "reused"),
        ignored=ignored,
        not_seen=_count(entries, "not_seen"),
        pruned=sum(1 for e in entries if e.get("pruned")),
        fingerprint=fingerprint,
        errors_path=output_dir / ERRORS_FILE,
        pipelines=pipelines,
        unknown_parties=unknown_parties(records),
    )


Cache = dict[tuple[ArticleKey, str], tuple[Agreement, ...]]


def _cache(stored: dict[ArticleKey, Stored], replayed: list[Entry], fingerprint: str) -> Cache:
    """Records that extracting an article again would give, by (key, sha256)."""
    cache: Cache = {}
    for entry in replayed:
        if entry.fingerprint == fingerprint:
            cache[(entry.key, entry.sha256)] = entry.records
    for key, known in stored.items():
        if known.fingerprint == fingerprint and known.sha256 is not None:
            cache.setdefault((key, known.sha256), known.records)
    return cache


@dataclass
class _Run:
    """The articles of one run: reused from the cache, or extracted and journaled."""

    cache: Cache
    fingerprint: str
    journal: Journal
    on_progress: ProgressCallback | None
    outcomes: dict[ArticleKey, _Outcome] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)

    def go(self, items: Iterable[Article | Skipped], load: _Loader) -> None:
        """Settle every item; `load` gives the extractor, called only if one is needed."""
        pending = self._needing_extraction(items)
        first = next(pending, None)
        if first is None:
            return
        load.announce(first.language)  # before load(): importing spaCy is part of the wait
        extractor = load()
        stream = _announced(itertools.chain([first], pending), load.announce)
        results = (
            extractor.extract_isolated(stream)
            if isinstance(extractor, WorkerPool | ClusterPool)
            else extract_isolated(extractor, stream)
        )
        for article, found in results:
            key = _key(article)
            if isinstance(found, Exception):
                reason = internal_error_reason(found)
                logger.debug("%s: %s", article.path, reason, exc_info=found)
                self.outcomes[key] = _Outcome("skipped", article.sha256, reason=reason)
                self._report(_skip(article, reason))
                continue
            records = tuple(found)
            # On disk before the next article: a kill from now on does not lose it.
            self.journal.append(Entry(key, article.sha256, self.fingerprint, records))
            self.outcomes[key] = _Outcome(
                "processed", article.sha256, records, source=_source(article)
            )
            self._report(article)

    def _needing_extraction(self, items: Iterable[Article | Skipped]) -> Iterator[Article]:
        taken: set[ArticleKey] = set()
        for item in items:
            key = _key(item)
            if key in taken:
                # Two items with one key would overwrite each other's records.
                self._report(_skip(item, "a second article with the same path and item"))
                continue
            taken.add(key)
            if isinstance(item, Skipped):
                self.outcomes[key] = _Outcome("skipped", reason=item.reason)
                self._report(item)
                continue
            records = self.cache.get((key, item.sha256))
            if records is not None and _describe(records, item):
                self.outcomes[key] = _Outcome("reused", item.sha256, records, source=_source(item))
                self._report(item)
                continue
            yield item

    def _report(self, item: Article | Skipped) -> None:
        if isinstance(item, Skipped):
            self.skipped.append(item)
        if self.on_progress:
            self.on_progress(item)


def _announced(stream: Iterator[Article], announce: Callable[[str], None]) -> Iterator[Article]:
    """The articles of STREAM, each language's pipeline announced as its first article goes
    to the extractor (which loads it then)."""
    for article in stream:
        announce(article.language)
        yield article


def _outside(
    sources: SourceFiles, source: Path, output_dir: Path
) -> tuple[list[tuple[Path, str]], list[str]]:
    """The article files and ignored files of SOURCE, but for the output folder's own files.

    With SOURCE `data` and the default output `data/extracted`, the run's agreements.jsonl,
    its review decisions and its Label Studio export would otherwise be read as (broken) JSON
    articles. An output folder inside SOURCE is left out whole: it holds what coopextract and
    its user made from the articles, never articles. When it is SOURCE itself, its own files
    (`results.FOLDER_FILES`) are. The journal and temporary files start with a dot, which
    SOURCE leaves out already.
    """
    out = output_dir.resolve()
    if not source.is_dir() or not out.is_relative_to(source.resolve()):
        return sources.articles, sources.ignored

    def mine(path: Path) -> bool:
        folder = path.parent.resolve()
        if out == source.resolve():
            return path.name in FOLDER_FILES and folder == out
        return folder.is_relative_to(out)

    files = [(path, shown) for path, shown in sources.articles if not mine(path)]
    ignored = [shown for shown in sources.ignored if not mine(source / shown)]
    return files, ignored


def _read_all(
    files: list[tuple[Path, str]], max_bytes: int, policy: LanguagePolicy
) -> Iterator[Article | Skipped]:
    for path, shown in files:
        try:
            for item in read_file(path, shown, max_bytes, policy):
                yield item if isinstance(item, Skipped) else _supported(item, policy)
        except Exception as err:  # a reader bug must cost one file, not the run
            reason = internal_error_reason(err)
            logger.debug("%s: %s", shown, reason, exc_info=err)
            yield Skipped(shown, reason)


def _supported(article: Article, policy: LanguagePolicy) -> Article | Skipped:
    """An article in a language without rules is skipped, not read as French."""
    if policy.is_supported(article.language):
        return article
    reason = (
        f"language {article.language!r} is not supported (rules for: "
        f"{', '.join(policy.supported)}); add rules/{article.language}/, or set --language"
    )
    return Skipped(article.path, reason, article.item)


def _describe(records: tuple[Agreement, ...], article: Article) -> bool:
    # The records' article part must be the article's too: a JSON article's sha256 covers
    # its text, title and date, not its language, which the records also state.
    ref = article.ref()
    return all(r.article == ref for r in records)


def _skip(item: Article | Skipped, reason: str) -> Skipped:
    return Skipped(item.path, reason, item.item)


def _settle(
    outcomes: dict[ArticleKey, _Outcome],
    stored: dict[ArticleKey, Stored],
    fingerprint: str,
    prune: bool,
) -> tuple[list[dict[str, Any]], list[Agreement]]:
    """Each known article's manifest entry, in key order, and the records to write.

    An entry's `sha256`, `fingerprint` and `records` describe its records in agreements.jsonl
    (what they were extracted from, how many): the index the next run reuses them by.
    """
    entries: list[dict[str, Any]] = []
    records: list[Agreement] = []
    for key in sorted({*outcomes, *stored}, key=key_order):
        outcome = outcomes.get(key)
        entry: dict[str, Any] = {**key_fields(key)}
        if outcome is not None and outcome.status != "skipped":
            entry.update(status=outcome.status, sha256=outcome.sha256, fingerprint=fingerprint)
            kept: tuple[Agreement, ...] = outcome.records
            source = outcome.source
        else:
            if outcome is None:
                entry["status"] = "pruned" if prune else "not_seen"
            else:
                entry.update(status="skipped", reason=outcome.reason)
            known = stored.get(key)
            kept = () if prune or known is None else known.records
            if known is not None and prune:
                entry["pruned"] = True
            elif known is not None:
                entry.update(sha256=known.sha256, fingerprint=known.fingerprint)
            # Not read in this run: where it comes from as its kept records say.
            source = _source(kept[0].article) if kept else {}
        entry["records"] = len(kept)
        entry.update(source)  # url, outlet, author: those known
        records.extend(kept)
        entries.append(entry)
    return entries, records


def _changes(stored: dict[ArticleKey, Stored], records: list[Agreement]) -> dict[str, int] | None:
    """How the records changed in this run: None when the folder knew no article before."""
    if not stored:
        return None
    before = [record for known in stored.values() for record in known.records]
    return compare_records(before, records).counts()


def _count(entries: list[dict[str, Any]], *statuses: str) -> int:
    return sum(1 for e in entries if e["status"] in statuses)


def _manifest(
    result: IngestResult,
    source: Path,
    rules_dir: Path | None,
    *,
    force: bool,
    prune: bool,
    max_bytes: int,
    workers: int,
    fast_path: bool,
    started: str,
    seconds: float,
) -> dict[str, Any]:
    """The run's manifest.json: everything in it but `started_at` and `seconds` is the same
    for the same input, options and stored state."""
    return {
        "coopextract_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "fingerprint": result.fingerprint,
        "source": shown_name(str(source)),
        "rules_dir": shown_name(str(rules_dir)) if rules_dir else None,  # null: shipped rules
        "options": {
            "force": force,
            "prune": prune,
            "max_bytes": max_bytes,
            "workers": workers,
            "fast_path": fast_path,
        },
        "pipelines": result.pipelines,
        "started_at": started,
        "seconds": seconds,
        "counts": {
            "read": result.articles_read,
            "processed": result.processed,
            "reused": result.reused,
            "skipped": len(result.skipped),
            "ignored": result.ignored,
            "not_seen": result.not_seen,
            "pruned": result.pruned,
            "agreements": result.agreements_found,
        },
        "changes": result.changes,
        "records_file": RECORDS_FILE,
        "records_sha256": None,  # set when the records are written
        "errors_file": ERRORS_FILE,
        "unknown_parties": result.unknown_parties,
        **result.orphans.manifest_fields(),
        "articles": result.articles,
    }


def unknown_parties(records: list[Agreement]) -> list[dict[str, Any]]:
    """Each party name the catalog does not know, as the records carry it (kind and country
    read from the text), with how many records and articles name it: most named first, then
    by name. What a user may add to rules/shared/catalog.jsonl; the same records give the
    same list."""
    found: dict[tuple[str, str, str | None], tuple[set[str], set[tuple[str, str | None]]]] = {}
    for record in records:
        for party in record.parties:
            if not party.in_catalog:
                ids, articles = found.setdefault(
                    (party.name, party.kind, party.country), (set(), set())
                )
                ids.add(record.id)
                articles.add((record.article.path, record.article.item))
    rows = [
        {"name": name, "kind": kind, "country": country, "records": len(ids), "articles": len(arts)}
        for (name, kind, country), (ids, arts) in found.items()
    ]
    return sorted(rows, key=lambda r: (-r["records"], r["name"], r["kind"], r["country"] or ""))
