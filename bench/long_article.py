"""One long article against the same text as many short ones: is an article's cost linear?

    python bench/long_article.py                           # 4.9 MB vs 50 articles, 1 round
    python bench/long_article.py --megabytes 1 --pieces 10 --repeat 3

A benchmark, not a test. The long article is the French dev articles (../shared/corpus/fr,
read from there, never copied into the project; without them the script says so and stops)
joined in order of name, again and again, until it has `--megabytes` of UTF-8 (4.9 MB by
default: inside ingest's default 5 MB limit). The short ones are the same text cut at
paragraph breaks into `--pieces` files of about equal size (50 of about 100 kB). Both are
written to a temporary folder.

Each variant runs in a process of its own (this script with `--child`): it loads the model,
warms it up on one dev article, resets the kernel's count of its peak memory, then times
`coopextract.run.ingest.ingest` on its folder with that extractor (reading, extraction, records
written, as a run does; loading left out). Memory is that process's peak RSS from then on
(VmHWM, from /proc: the model's resident pages included, which a lone process does not
share) and its PSS sampled every second; where /proc cannot be reset, the peak of the whole
process, loading included.

It prints both times, their ratio and the long article's peak memory, and exits 1 when the
long article takes more than 1.5 times as long as the pieces, or peaks above 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
DEV = SHARED / "corpus" / "fr"
MAX_RATIO = 1.5
MAX_PEAK_BYTES = 1_500_000_000
PSS_SECONDS = 1.0  # reading smaps_rollup walks every page of the process: not too often


# --- the texts -------------------------------------------------------------------------------


def long_text(megabytes: float) -> str:
    """The dev articles one after the other, paragraphs apart, until `megabytes` of UTF-8."""
    articles = [p.read_text(encoding="utf-8").strip() for p in sorted(DEV.glob("*.txt"))]
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < target:
        for article in articles:
            parts.append(article)
            size += len(article.encode("utf-8")) + 2
            if size >= target:
                break
    return "\n\n".join(parts)


def cut(text: str, pieces: int) -> list[str]:
    """`text` in `pieces` parts of about equal length, each ending at a paragraph break."""
    parts = []
    start = 0
    for n in range(1, pieces):
        goal = len(text) * n // pieces
        end = text.find("\n\n", max(goal, start))
        if end < 0:
            break
        parts.append(text[start : end + 2])
        start = end + 2
    parts.append(text[start:])
    return parts


def write_folders(scratch: Path, megabytes: float, pieces: int) -> tuple[Path, Path, int]:
    text = long_text(megabytes)
    whole, split = scratch / "long", scratch / "pieces"
    whole.mkdir()
    split.mkdir()
    (whole / "long.txt").write_text(text, encoding="utf-8")
    for n, part in enumerate(cut(text, pieces)):
        (split / f"piece-{n:03d}.txt").write_text(part, encoding="utf-8")
    return whole, split, len(text.encode("utf-8"))


# --- one variant, in a process of its own ----------------------------------------------------


def _kilobytes(path: str, field: str) -> int | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Start the kernel's peak RSS count (VmHWM) again from the current RSS."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def child(folder: Path, output: Path) -> None:
    from coopextract.reading.articles import Article
    from coopextract.run.extract import Extractor
    from coopextract.run.ingest import ingest

    extractor = Extractor()
    warm = sorted(DEV.glob("*.txt"))[0].read_text(encoding="utf-8")
    extractor.extract(Article("warm.txt", warm, "0" * 64, "warm", None, 0))
    loaded = _kilobytes("/proc/self/status", "VmRSS")
    reset = _reset_peak()
    pss: list[int] = []
    done = threading.Event()

    def sample() -> None:
        while not done.wait(PSS_SECONDS):
            value = _kilobytes("/proc/self/smaps_rollup", "Pss")
            if value is not None:
                pss.append(value)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    result = ingest(folder, output, force=True, extractor=extractor)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    peak = _kilobytes("/proc/self/status", "VmHWM") if reset else None
    if peak is None:  # the whole process's, loading included (kilobytes on Linux)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = {
        "seconds": seconds,
        "articles": result.articles_read,
        "agreements": result.agreements_found,
        "peak_rss": peak * 1024,
        "peak_pss": max(pss) * 1024 if pss else None,
        "loaded_rss": loaded * 1024 if loaded is not None else None,
        "since_load": reset,
    }
    print(json.dumps(report), flush=True)


# --- the comparison --------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    articles: int
    agreements: int
    peak_rss: int
    peak_pss: int | None
    loaded_rss: int | None
    since_load: bool


def run_child(folder: Path, output: Path) -> Run:
    command = [sys.executable, __file__, "--child", str(folder), str(output)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return Run(**json.loads(done.stdout.strip().splitlines()[-1]))


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1e6:,.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=4.9, help="the long article's size")
    parser.add_argument("--pieces", type=int, default=50, help="how many short articles")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; medians are reported")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if not (DEV.is_dir() and any(DEV.glob("*.txt"))):
        print(f"The dev articles are not there ({DEV}): nothing to measure.")
        return

    with tempfile.TemporaryDirectory(prefix="coopextract-long-") as tmp:
        scratch = Path(tmp)
        whole, split, size = write_folders(scratch, args.megabytes, args.pieces)
        print(f"{size / 1e6:.2f} MB of text: one article, and {args.pieces} articles", flush=True)
        longs: list[Run] = []
        shorts: list[Run] = []
        for round_ in range(args.repeat):
            # Interleaved, in turn first: a machine that slows down favours neither.
            order = [(whole, longs), (split, shorts)]
            for folder, runs in order if round_ % 2 == 0 else order[::-1]:
                runs.append(run_child(folder, scratch / f"out-{folder.name}-{round_}"))
                print(
                    f"  round {round_ + 1}/{args.repeat}  {folder.name:7s} "
                    f"{runs[-1].seconds:7.1f} s  peak RSS {_mb(runs[-1].peak_rss)}",
                    flush=True,
                )

    long_seconds = statistics.median(r.seconds for r in longs)
    short_seconds = statistics.median(r.seconds for r in shorts)
    ratio = long_seconds / short_seconds
    peak = max(r.peak_rss for r in longs)
    pss = max((r.peak_pss for r in longs if r.peak_pss is not None), default=None)
    since = "since the model was loaded" if all(r.since_load for r in longs) else "whole process"
    print(
        f"\none article of {size / 1e6:.2f} MB:        {long_seconds:7.1f} s, "
        f"{longs[0].agreements} agreements"
    )
    print(
        f"{shorts[0].articles} articles, same text:    {short_seconds:7.1f} s, "
        f"{shorts[0].agreements} agreements"
    )
    print(f"ratio long / pieces:         {ratio:7.2f}x   (goal <= {MAX_RATIO}x)")
    print(
        f"long article, peak memory:   RSS {_mb(peak)} ({since}; the model alone "
        f"{_mb(longs[0].loaded_rss)}), PSS sampled {_mb(pss)}   "
        f"(goal <= {_mb(MAX_PEAK_BYTES)})"
    )
    print(f"pieces, peak memory:         RSS {_mb(max(r.peak_rss for r in shorts))}")
    if ratio > MAX_RATIO or peak > MAX_PEAK_BYTES:
        print("FAILED")
        sys.exit(1)


if __name__ == "__main__":
    main()
