"""The ledger scored against a ledger gold, as shared/tools/score.py scores it.

A ledger gold (`ledger_gold.jsonl`, see shared/corpus/LEDGER.md) lists the real-world
agreements that several gold records report: `{"id", "members": [{"doc", "i"}]}`, `i` being
the record's index in its article's gold agreements; every other gold record stands alone.
Over the gold records the record evaluation matched, every pair is "the same agreement" or
not, in the gold and in the ledger; precision, recall and F1 are over the "same" pairs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from coopextract.errors import InputError
from coopextract.evaluate import Evaluation, prf
from coopextract.ledger.entry import LedgerEntry
from coopextract.writing import numbered_lines


@dataclass(frozen=True)
class LedgerScore:
    pairs_gold: int
    pairs_found: int
    pairs_both: int

    def figures(self) -> tuple[float, float, float]:
        both = self.pairs_both
        return prf(both, self.pairs_found - both, self.pairs_gold - both)

    def to_dict(self) -> dict[str, float | int]:
        """The figures with the reference scorer's keys and rounding."""
        precision, recall, f1 = self.figures()
        return {
            "pairs_gold": self.pairs_gold,
            "pairs_pred": self.pairs_found,
            "pairs_both": self.pairs_both,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
        }

    def summary_line(self) -> str:
        precision, recall, f1 = self.figures()
        return (
            f"ledger: same-agreement pairs gold {self.pairs_gold} predicted {self.pairs_found} "
            f"both {self.pairs_both}  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"
        )


def load_ledger_gold(path: Path) -> dict[tuple[str, int], str]:
    """Each grouped gold record, (doc, index), with its group's id. Raises InputError naming
    the file and line of a line that is not a group."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read the ledger gold {path} ({err}); check the path") from err
    return parse_ledger_gold(lines, path)


def parse_ledger_gold(lines: list[str], path: Path) -> dict[tuple[str, int], str]:
    """`load_ledger_gold` on the file's lines; `path` only names it in errors."""
    groups: dict[tuple[str, int], str] = {}
    for number, line in numbered_lines(lines):
        try:
            data = json.loads(line)
            members = [(str(m["doc"]), int(m["i"])) for m in data["members"]]
            name = str(data.get("id", number))
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(
                f"{path}:{number}: not a ledger gold line ({err}); each line is "
                '{"id": ..., "members": [{"doc": ..., "i": ...}]} (LEDGER.md)'
            ) from err
        for member in members:
            groups[member] = f"{number}:{name}"
    return groups


def score_ledger(
    evaluation: Evaluation, gold: dict[tuple[str, int], str], entries: Sequence[LedgerEntry]
) -> LedgerScore:
    """Pairwise "same agreement" counts over the matched gold records."""
    entry_of = {record: entry.id for entry in entries for record in entry.records}
    items = [
        (gold.get((doc, i), f"alone:{doc}:{i}"), entry_of.get(rid, f"alone:{rid}"))
        for doc, i, rid in evaluation.matches
    ]
    same_gold = same_found = both = 0
    for (gold_a, found_a), (gold_b, found_b) in combinations(items, 2):
        in_gold, in_found = gold_a == gold_b, found_a == found_b
        same_gold += in_gold
        same_found += in_found
        both += in_gold and in_found
    return LedgerScore(same_gold, same_found, both)
