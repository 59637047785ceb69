"""What each speed-up of loading the French model buys: is each still worth its code?

    python bench/loading.py              # 3 rounds, medians
    python bench/loading.py --repeat 5

A benchmark, not a test: it prints numbers and checks nothing. Every variant is a fresh
process (this script with `--child VARIANT`) that imports coopextract and times
`coopextract.pipeline.build.load_language` for French, as every run and every `--workers`
host pays it, with one speed-up taken away:

- shipped:       as coopextract loads it;
- no regex cache: `COOPEXTRACT_NO_CACHE=1`, the French tokenizer's pattern compiled afresh
                  (`pipeline/regex_cache.py`);
- spaCy's tables: the lemmatizer's lookup tables built by spaCy's own loader
                  (`pipeline/lookup_tables.py`);
- with strings:   the model's store of strings loaded too (`UNUSED_DATA` in
                  `pipeline/build.py`).

The variants of a round run one after the other, in reverse order every other round, after
one discarded load that fills the regex cache. Memory is the child's peak RSS.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time

VARIANTS = ("shipped", "no regex cache", "spaCy's tables", "with strings")


def child(variant: str) -> None:
    from coopextract.pipeline import build
    from coopextract.rule_files import load_rules

    if variant == "spaCy's tables":
        build.fast_lookup_tables = contextlib.nullcontext  # type: ignore[assignment]
    elif variant == "with strings":
        build.UNUSED_DATA = ()  # type: ignore[assignment]
    rule_set = load_rules(None, "fr")
    start = time.perf_counter()
    build.load_language(rule_set)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))


def run(variant: str) -> dict[str, float]:
    env = dict(os.environ)
    if variant == "no regex cache":
        env["COOPEXTRACT_NO_CACHE"] = "1"
    out = subprocess.run(
        [sys.executable, __file__, "--child", variant],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="rounds; medians are reported")
    parser.add_argument("--child", choices=VARIANTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    run("shipped")  # fills the regex cache, warms the disk
    found: dict[str, list[dict[str, float]]] = {v: [] for v in VARIANTS}
    for round_ in range(args.repeat):
        for variant in VARIANTS if round_ % 2 == 0 else VARIANTS[::-1]:
            found[variant].append(run(variant))
    shipped = statistics.median(r["seconds"] for r in found["shipped"])
    print(f"Loading fr_core_news_md for coopextract, medians of {args.repeat} rounds:\n")
    print("| variant | seconds | vs shipped | peak RSS (MB) | per round (s) |")
    print("| --- | ---: | ---: | ---: | --- |")
    for variant, runs in found.items():
        secs = statistics.median(r["seconds"] for r in runs)
        peak = statistics.median(r["peak_mb"] for r in runs)
        rounds = ", ".join(f"{r['seconds']:.2f}" for r in runs)
        print(f"| {variant} | {secs:.2f} | {secs - shipped:+.2f} | {peak:.0f} | {rounds} |")


if __name__ == "__main__":
    main()
