"""How long the ledger takes to build for an archive of N records.

    python bench/ledger.py [--records 2000 20000] [--pairs 40]

Records are made up: N records over `--pairs` pairs of parties (a few pairs carry most of the
records, as Russia–China does in the dev corpus), random instruments, statuses, years and
subjects. Grouping compares the records of one pair of parties with each other, so the time
grows with the square of the largest pair's count; this prints it for each N.
"""

from __future__ import annotations

import argparse
import random
import time

from coopextract.ledger import build_ledger, instrument_kinds
from coopextract.models import Agreement

INSTRUMENTS = ["memorandum", "agreement", "programme", "contract", "joint_statement"]
STATUSES = ["proposed", "negotiating", "signed", "signed", "in_force"]
SUBJECTS = ["ILRS", "GLONASS", "BeiDou", "ExoMars", "Chang'e 6", "ISS", "Galileo"]


def made_up(n: int, pairs: int, seed: int = 0) -> list[Agreement]:
    rng = random.Random(seed)
    countries = [f"{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(60)]
    sides = [tuple(rng.sample(countries, 2)) for _ in range(pairs)]
    weights = [1 / (rank + 1) for rank in range(pairs)]  # a few pairs carry most records
    records = []
    for i in range(n):
        a, b = rng.choices(sides, weights)[0]
        year = rng.randint(1990, 2025)
        dated = rng.random() < 0.6
        records.append(
            Agreement.model_validate(
                {
                    "id": f"agr-{i:016x}",
                    "article": {
                        "path": f"a{i // 2}.txt",
                        "sha256": "0" * 64,
                        "title": "t",
                        "published": None,
                        "language": "fr",
                    },
                    "parties": [
                        {"name": a, "kind": "state", "country": a},
                        {"name": b, "kind": "state", "country": b},
                    ],
                    "instrument": rng.choice(INSTRUMENTS),
                    "status": rng.choice(STATUSES),
                    "date": {"value": str(year), "precision": "year", "text": "x"}
                    if dated
                    else None,
                    "period": None,
                    "scope": [],
                    "subjects": rng.sample(SUBJECTS, rng.randint(0, 1)),
                    "evidence": [{"text": "x", "start": 0, "end": 1}],
                    "confidence": 0.9,
                    "rules": ["bench"],
                }
            )
        )
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--pairs", type=int, default=40)
    options = parser.parse_args()
    kinds = instrument_kinds()
    for n in options.records:
        records = made_up(n, options.pairs)
        started = time.perf_counter()
        entries = build_ledger(records, kinds)
        seconds = time.perf_counter() - started
        print(f"{n} records → {len(entries)} entries in {seconds:.2f} s")


if __name__ == "__main__":
    main()
