"""Throughput of `coopextract ingest` against the bare French model, on the same articles.

    python bench/throughput.py                       # 1,200 articles, 5 rounds, then scores
    python bench/throughput.py --articles 2000 --repeat 5 --ablation

A benchmark, not a test: it prints numbers and checks nothing but that every variant gives
the same records. It builds a corpus in a temporary folder from the seed articles (data/raw)
and the French dev articles (../shared/corpus/fr, read from there, never copied into the
project; without them the script says so and stops): each distinct article again and again,
made distinct by a numbered last line (so the incremental cache skips none), plus about a
third of articles that report no agreement, recombined from the dev articles' paragraphs
that name no agreement instrument. Then, in rounds (medians reported, the variants
interleaved so that other load on the machine spreads over all of them, and the ingest
variants in reverse order every other round, so that a machine slowing down or speeding up
over minutes favours none of them), it runs:

- bare:      fr_core_news_md, every component, `nlp.pipe` in one process (no rules, no I/O);
- bare N:    the same with `nlp.pipe(n_process=N)`, spaCy's own multiprocessing (only with
             --bare-processes N): how far this machine lets the model alone scale;
- full:      `coopextract ingest --no-fast-path` (the whole pipeline on every article);
- fast:      `coopextract ingest` (the default);
- workers N: `coopextract ingest --workers N`;
- cluster N: `coopextract ingest --cluster local:N` (only with --cluster, and when dask's
             distributed is installed): a Dask LocalCluster of N worker processes.

Each is a fresh process timed from its start (imports and model loading included, as a user
sees it) to its end; its memory is sampled over the process and its children: on Linux the
summed PSS (proportional set size: a page shared by forked workers counts once, split among
them) and RSS (each process's resident pages, shared ones counted in every process), from
/proc; elsewhere RSS only, from psutil. Time to first record is when the first record
reaches the run's journal (for bare: the first Doc out of `nlp.pipe`).

`--ablation` also times, in one process and without loading costs, what each part of the
fast path buys: compiled rule patterns alone, the pre-scan alone, both.

The scores section runs ingest with and without the fast path on ../shared/corpus/fr and
../shared/corpus/multi, scores both with ../shared/tools/score.py and lists every record
that differs between them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
DEV = SHARED / "corpus" / "fr"
MULTI = SHARED / "corpus" / "multi"
SCORER = SHARED / "tools" / "score.py"
SEEDS = PROJECT / "data" / "raw"
MODEL = "fr_core_news_md"
JOURNAL = ".coopextract-journal.jsonl"
SAMPLE_SECONDS = 0.1
# PSS is read every this many samples (3 s): the kernel walks every page of a process to count it
# (12 ms for a loaded model), CPU taken from the run being measured. Memory plateaus once
# the model is loaded, so a coarser sampling finds the same peak.
PSS_EVERY = 30

# Instrument words of rules/fr/triggers.jsonl (and their neighbours): a paragraph naming none
# of them reports no agreement. Broader than the rules on purpose.
INSTRUMENT_WORDS = re.compile(
    r"\b(accords?|m[ée]morandums?|mou|protocoles?|conventions?|programmes?|contrats?|"
    r"d[ée]clarations?|communiqu[ée]s?|[ée]nonc[ée]s?|trait[ée]s?|partenariats?|feuilles?|"
    r"ententes?|pactes?|agreements?)\b",
    re.IGNORECASE,
)


# --- the corpus ------------------------------------------------------------------------------


@dataclass
class Corpus:
    folder: Path
    articles: int
    words: int
    without_agreement: int


def _sources() -> list[str]:
    """The distinct seed and dev articles (the seeds are also in the dev folder)."""
    texts: dict[str, None] = {}
    for folder in (SEEDS, DEV):
        for path in sorted(folder.glob("*.txt")):
            texts.setdefault(path.read_text(encoding="utf-8"), None)
    return list(texts)


def _paragraphs_without_instrument(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        for paragraph in re.split(r"\n\s*\n", text):
            paragraph = paragraph.strip()
            if len(paragraph.split()) >= 12 and not INSTRUMENT_WORDS.search(paragraph):
                found.append(paragraph)
    return list(dict.fromkeys(found))


def build_corpus(folder: Path, total: int, seed: int = 0) -> Corpus:
    texts = _sources()
    plain = _paragraphs_without_instrument(texts)
    rng = random.Random(seed)
    without = total // 3
    folder.mkdir(parents=True)
    words = 0
    for n in range(total):
        if n % 3 == 2 and n // 3 < without:
            # An article about space that reports no agreement: dev paragraphs recombined,
            # the first one's first sentence as its title.
            body = rng.sample(plain, k=min(len(plain), rng.randint(3, 7)))
            title = re.split(r"(?<=[.!?])\s", body[0], maxsplit=1)[0][:150]
            text = title + "\n\n" + "\n\n".join(body)
        else:
            text = texts[n % len(texts)].rstrip("\n")
        # The numbered last line makes every article distinct: the incremental cache, which
        # knows articles by content, skips none.
        text += f"\n\n(Réf. bench {n:05d})\n"
        (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return Corpus(folder, total, words, without)


# --- measuring a process ---------------------------------------------------------------------


@dataclass
class Memory:
    """Of a process and its descendants at one moment, in bytes."""

    pss: int | None  # proportional set size, summed: shared pages counted once (Linux)
    rss: int  # resident set size, summed: pages shared by forked workers counted in each
    largest_rss: int  # of the largest process


def _tree_memory_psutil(pid: int, pss: bool = False) -> Memory:
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return Memory(None, 0, 0)
    sizes = []
    for process in processes:
        with contextlib.suppress(psutil.Error):  # gone between listing and reading
            sizes.append(process.memory_info().rss)
    return Memory(None, sum(sizes), max(sizes, default=0))


def _kilobytes(text: str, field: str) -> int:
    match = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) * 1024 if match else 0


def _children(pid: int) -> list[int]:
    """A process's children, from each of its threads' `children` file (Linux 3.5+)."""
    found = []
    for listing in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found.extend(int(child) for child in listing.read_text().split())
    return found


def _tree_memory_proc(pid: int, pss: bool = False) -> Memory:
    """Linux /proc: RSS from `status`; with `pss`, PSS from `smaps_rollup`. Walks down from
    the process only (listing all of /proc costs the run being measured 3 ms a sample)."""
    rss, proportional, todo = [], [], [pid]
    while todo:
        current = todo.pop()
        todo.extend(_children(current))
        try:
            rss.append(_kilobytes(Path(f"/proc/{current}/status").read_text(), "VmRSS"))
            if pss:
                rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
                proportional.append(_kilobytes(rollup, "Pss"))
        except OSError:
            continue
    return Memory(sum(proportional) if pss else None, sum(rss), max(rss, default=0))


HAVE_PROC = Path("/proc/self/smaps_rollup").exists() and any(
    Path("/proc/self/task").glob("*/children")
)
tree_memory: Callable[[int, bool], Memory] = _tree_memory_proc if HAVE_PROC else _tree_memory_psutil


@dataclass
class Run:
    seconds: float
    first_record: float | None
    peak: Memory  # each figure's own peak over the run


def _first_journal_record(path: Path, state: dict[str, int]) -> bool:
    """Has a line with at least one record reached the journal? Reads only what is new."""
    try:
        with path.open("rb") as journal:
            journal.seek(state.get("offset", 0))
            data = journal.read()
    except OSError:
        return False
    complete = data[: data.rfind(b"\n") + 1]
    state["offset"] = state.get("offset", 0) + len(complete)
    return any(b'"records": [{' in line for line in complete.splitlines())


def measure(command: list[str], journal: Path | None) -> Run:
    """Run a command to its end: wall time, time to first record, peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=PROJECT
    )
    first: list[float] = []
    peak = Memory(None, 0, 0)
    stdout: list[str] = []

    def read_stdout() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("FIRST") and not first:
                first.append(time.perf_counter() - start)
            stdout.append(line)

    def sample() -> None:
        nonlocal peak
        state: dict[str, int] = {}
        samples = 0
        while process.poll() is None:
            now = tree_memory(process.pid, samples % PSS_EVERY == PSS_EVERY - 1)
            samples += 1
            peak = Memory(
                max(peak.pss or 0, now.pss) if now.pss is not None else peak.pss,
                max(peak.rss, now.rss),
                max(peak.largest_rss, now.largest_rss),
            )
            if journal is not None and not first and _first_journal_record(journal, state):
                first.append(time.perf_counter() - start)
            time.sleep(SAMPLE_SECONDS)

    threads = [threading.Thread(target=read_stdout), threading.Thread(target=sample)]
    for thread in threads:
        thread.start()
    assert process.stderr is not None
    errors = process.stderr.read()
    process.wait()
    seconds = time.perf_counter() - start
    for thread in threads:
        thread.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{errors}")
    return Run(seconds, first[0] if first else None, peak)


BARE = """
import sys, time
from pathlib import Path
import spacy
nlp = spacy.load(sys.argv[1])
texts = (p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt")))
for n, doc in enumerate(nlp.pipe(texts, n_process=int(sys.argv[3]))):
    if n == 0:
        print("FIRST", flush=True)
"""


def coopextract_command() -> list[str]:
    script = Path(sys.executable).with_name("coopextract")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "coopextract.cli"]


@dataclass
class Variant:
    name: str
    options: list[str] | None  # None: the bare model
    processes: int = 1  # the bare model's n_process
    runs: list[Run] = field(default_factory=list)


def speed(
    corpus: Corpus,
    scratch: Path,
    repeat: int,
    workers: int,
    full: bool,
    bare_processes: int,
    cluster: bool = False,
) -> None:
    variants = [Variant("bare fr_core_news_md (nlp.pipe)", None)]
    if bare_processes > 1:
        name = f"bare fr_core_news_md (nlp.pipe, n_process={bare_processes})"
        variants.append(Variant(name, None, processes=bare_processes))
    if full:
        variants.append(Variant("ingest --no-fast-path", ["--no-fast-path"]))
    variants.append(Variant("ingest", []))
    variants.append(Variant(f"ingest --workers {workers}", ["--workers", str(workers)]))
    if cluster:
        variants.append(Variant(CLUSTER.format(workers), ["--cluster", f"local:{workers}"]))
    outputs: dict[str, bytes] = {}
    for round_ in range(repeat):
        order = variants if round_ % 2 == 0 else [variants[0], *reversed(variants[1:])]
        for variant in order:
            out = scratch / f"out-{round_}"
            shutil.rmtree(out, ignore_errors=True)
            if variant.options is None:
                processes = str(variant.processes)
                command = [sys.executable, "-c", BARE, MODEL, str(corpus.folder), processes]
                run = measure(command, None)
            else:
                command = [*coopextract_command(), "ingest", str(corpus.folder), "-o", str(out)]
                run = measure(command + variant.options, out / JOURNAL)
                outputs[variant.name] = (out / "agreements.jsonl").read_bytes()
            variant.runs.append(run)
            print(
                f"  round {round_ + 1}/{repeat}  {variant.name:34s} {run.seconds:7.1f} s",
                flush=True,
            )
    _table(corpus, variants, workers)
    same = len(set(outputs.values())) == 1
    records = len(outputs[variants[-1].name].splitlines())
    verdict = "byte-identical" if same else "DIFFERENT"
    print(f"\nagreements.jsonl of {', '.join(outputs)}: {verdict} ({records} records)")


CLUSTER = "ingest --cluster local:{}"


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _megabytes(values: list[int | None]) -> str:
    known = [value for value in values if value is not None]
    return f"{_median(known) / 1e6:,.0f}" if known else "–"


def _table(corpus: Corpus, variants: list[Variant], workers: int) -> None:
    print(
        f"\n{corpus.articles} articles, {corpus.words} words "
        f"({corpus.without_agreement} without an agreement); medians of "
        f"{len(variants[0].runs)} runs; memory from {'/proc' if HAVE_PROC else 'psutil'}\n"
    )
    header = (
        "| run | seconds | articles/s | words/s | first record (s) | peak PSS, all processes "
        "(MB) | peak RSS summed (MB) | largest process RSS (MB) |"
    )
    print(header)
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    seconds: dict[str, float] = {}
    for variant in variants:
        runs = variant.runs
        secs = _median([r.seconds for r in runs])
        seconds[variant.name] = secs
        firsts = [r.first_record for r in runs if r.first_record is not None]
        first = f"{_median(firsts):.1f}" if firsts else "–"
        print(
            f"| {variant.name} | {secs:.1f} | {corpus.articles / secs:.1f} | "
            f"{corpus.words / secs:,.0f} | {first} | "
            f"{_megabytes([r.peak.pss for r in runs])} | "
            f"{_megabytes([r.peak.rss for r in runs])} | "
            f"{_megabytes([r.peak.largest_rss for r in runs])} |"
        )
    bare, single = seconds[variants[0].name], seconds["ingest"]
    parallel = seconds[f"ingest --workers {workers}"]
    print(f"\nend-to-end / bare (speed):      {bare / single:.2f}x   (goal >= 1.0)")
    print(f"workers {workers} / single (speed):    {single / parallel:.2f}x   (goal >= 1.8)")
    memory = next(v for v in variants if v.name == f"ingest --workers {workers}").runs
    print(
        f"workers {workers}, peak memory:       PSS {_megabytes([r.peak.pss for r in memory])} MB, "
        f"RSS summed {_megabytes([r.peak.rss for r in memory])} MB   (goal <= 1,500 MB)"
    )
    cluster = next((v for v in variants if v.name == CLUSTER.format(workers)), None)
    if cluster is not None:
        dask = seconds[cluster.name]
        print(f"cluster local:{workers} / single (speed): {single / dask:.2f}x   (goal >= 1.5)")
        print(f"cluster local:{workers} / workers {workers} (speed): {parallel / dask:.2f}x")
        print(
            f"cluster local:{workers}, peak memory: "
            f"PSS {_megabytes([r.peak.pss for r in cluster.runs])} MB, "
            f"RSS summed {_megabytes([r.peak.rss for r in cluster.runs])} MB"
        )
    # The same ratios within each round, whose variants ran minutes apart: on a machine whose
    # speed drifts (shared cores), their spread says how far to trust the medians above.
    by_name = {v.name: [r.seconds for r in v.runs] for v in variants}
    rounds = zip(
        by_name[variants[0].name],
        by_name["ingest"],
        by_name[f"ingest --workers {workers}"],
        strict=True,
    )
    per_round = [(b / s, s / w) for b, s, w in rounds]
    print(
        "per round, end-to-end / bare:  "
        + ", ".join(f"{b:.2f}x" for b, _ in per_round)
        + "\nper round, workers / single:   "
        + ", ".join(f"{w:.2f}x" for _, w in per_round)
    )
    if cluster is not None:
        print(
            "per round, cluster / single:   "
            + ", ".join(
                f"{s / c:.2f}x"
                for s, c in zip(by_name["ingest"], by_name[cluster.name], strict=True)
            )
        )
    if len(variants) > 1 and variants[1].processes > 1:
        print(
            f"bare n_process={variants[1].processes} / bare (speed): "
            f"{bare / seconds[variants[1].name]:.2f}x   (spaCy's own multiprocessing)"
        )
    if "ingest --no-fast-path" in seconds:
        full = seconds["ingest --no-fast-path"]
        print(f"fast path / --no-fast-path:     {full / single:.2f}x")


# --- what each part of the fast path buys (in one process) -----------------------------------


def ablation(corpus: Corpus, repeat: int) -> None:
    from coopextract.pipeline.prescan import TriggerScan
    from coopextract.reading.articles import Article, read_file
    from coopextract.reading.languages import LanguagePolicy
    from coopextract.run.extract import Extractor

    policy = LanguagePolicy.from_rules()
    articles = [
        item
        for path in sorted(corpus.folder.glob("*.txt"))
        for item in read_file(path, path.name, 5_000_000, policy)
        if isinstance(item, Article)
    ]

    def variant(compiled: bool, prescan: bool) -> Extractor:
        extractor = Extractor(fast_path=compiled)  # the rule patterns as written, or compiled
        extractor.scan = TriggerScan(extractor.nlp, extractor.rule_set) if prescan else None
        return extractor

    print(f"\nIn one process, model loaded, {len(articles)} articles (medians of {repeat}):\n")
    print("| rule patterns | pre-scan | seconds | articles/s |")
    print("| --- | --- | ---: | ---: |")
    reference = None
    for compiled, prescan in ((False, False), (True, False), (False, True), (True, True)):
        extractor = variant(compiled, prescan)
        list(extractor.extract_many(articles[:20]))  # warm: lazy tables, first batches
        times, records = [], None
        for _ in range(repeat):
            start = time.perf_counter()
            found = extractor.extract_many(articles)
            records = [r.model_dump_json() for _, rs in found for r in rs]
            times.append(time.perf_counter() - start)
        reference = reference or records
        secs = _median(times)
        same = "" if records == reference else "  (RECORDS DIFFER)"
        print(
            f"| {'compiled' if compiled else 'as written'} | {'on' if prescan else 'off'} | "
            f"{secs:.1f} | {len(articles) / secs:.1f} |{same}"
        )


# --- scores with and without the fast path ---------------------------------------------------


def _ingest(source: Path, out: Path, *options: str) -> list[dict]:
    shutil.rmtree(out, ignore_errors=True)
    command = [*coopextract_command(), "ingest", str(source), "-o", str(out), *options]
    subprocess.run(command, check=True, capture_output=True, cwd=PROJECT)
    lines = (out / "agreements.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _describe(record: dict) -> str:
    parties = " + ".join(p["name"] for p in record["parties"])
    date = (record.get("date") or {}).get("value")
    where = record["article"]["path"]
    return f"{where}: {record['instrument']} {parties} {record['status']} {date}"


def scores(scratch: Path) -> None:
    for corpus in (DEV, MULTI):
        gold = corpus / "gold.jsonl"
        if not gold.is_file():
            print(f"\n{corpus}: no gold.jsonl, not scored")
            continue
        results = {}
        for name, options in (("fast path", []), ("--no-fast-path", ["--no-fast-path"])):
            out = scratch / f"score-{corpus.name}-{'fast' if not options else 'full'}"
            results[name] = _ingest(corpus, out, *options)
            pred = out / "agreements.jsonl"
            command = [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred)]
            score = subprocess.run(
                [*command, "--docs", str(corpus)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.strip()
            print(f"\n== {corpus.relative_to(SHARED)}, {name} ==\n{score}")
        fast = {json.dumps(r, sort_keys=True) for r in results["fast path"]}
        full = {json.dumps(r, sort_keys=True) for r in results["--no-fast-path"]}
        print(
            f"\nrecords differing between the two on {corpus.relative_to(SHARED)}: "
            f"{len(fast ^ full)}"
        )
        for line in sorted(fast - full):
            print(f"  only with the fast path: {_describe(json.loads(line))}")
        for line in sorted(full - fast):
            print(f"  only without it:         {_describe(json.loads(line))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1200)
    parser.add_argument("--repeat", type=int, default=5, help="rounds; medians are reported")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-full", action="store_true", help="skip ingest --no-fast-path")
    parser.add_argument(
        "--bare-processes",
        type=int,
        default=0,
        metavar="N",
        help="also time the bare model with nlp.pipe(n_process=N)",
    )
    parser.add_argument("--ablation", action="store_true", help="time each part of the fast path")
    parser.add_argument(
        "--cluster", action="store_true", help="also time ingest --cluster local:WORKERS (Dask)"
    )
    parser.add_argument("--no-speed", action="store_true", help="no end-to-end runs")
    parser.add_argument("--no-scores", action="store_true", help="speed only")
    args = parser.parse_args()

    if not (DEV.is_dir() and any(DEV.glob("*.txt"))):
        print(f"The dev articles are not there ({DEV}): nothing to measure.")
        return
    with tempfile.TemporaryDirectory(prefix="coopextract-bench-") as tmp:
        scratch = Path(tmp)
        if not args.no_speed or args.ablation:
            corpus = build_corpus(scratch / "corpus", args.articles)
            print(
                f"Corpus: {corpus.articles} articles ({corpus.without_agreement} without an "
                f"agreement), {corpus.words} words, in {corpus.folder}"
            )
            if not args.no_speed:
                speed(
                    corpus,
                    scratch,
                    args.repeat,
                    args.workers,
                    not args.no_full,
                    args.bare_processes,
                    args.cluster,
                )
            if args.ablation:
                ablation(corpus, args.repeat)
        if not args.no_scores:
            if SCORER.is_file():
                scores(scratch)
            else:
                print(f"\n{SCORER} is not there: scores left out")


if __name__ == "__main__":
    main()
