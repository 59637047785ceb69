"""Do two revisions of coopextract give byte-identical records on the same articles?

A restructuring (moving modules, sharing code, new component plumbing) must not change a
single record. This checks it the way a user would see it: each revision is checked out into
a temporary git worktree, `coopextract ingest` runs on the same source folder with that
worktree's code on the path, and the two `agreements.jsonl` are compared byte for byte.

    python bench/same_records.py REV_BEFORE [REV_AFTER] --source ../shared/corpus/fr

REV_AFTER defaults to the working tree as it is (uncommitted changes included). Exit 0 when
every source gives identical records and errors, 1 when one differs (the first differing line
is shown). The installed dependencies (spaCy, the model) are the current environment's for
both runs; each revision gets its own package metadata (its spaCy entry points), so that an
older revision is not handed factories it does not have.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(REPO), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def _metadata(code: Path, folder: Path) -> Path:
    """A dist-info for the revision in `code`, first on the path: its own entry points
    shadow those of the coopextract installed in the environment."""
    project = tomllib.loads((code / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    info = folder / "coopextract-0.0.0.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: coopextract\nVersion: 0.0.0\n")
    groups = project.get("entry-points", {})
    (info / "entry_points.txt").write_text(
        "".join(
            f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in points.items())
            for group, points in groups.items()
        )
    )
    return folder


def _ingest(code: Path, source: Path, out: Path) -> bytes:
    meta = _metadata(code, out.with_name(out.name + "-meta"))
    env = {**os.environ, "PYTHONPATH": f"{code / 'src'}{os.pathsep}{meta}"}
    run = [sys.executable, "-c", "from coopextract.cli import app; app()"]
    subprocess.run(
        [*run, "ingest", str(source), "--output-dir", str(out), "--force"],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    errors = (out / "errors.jsonl").read_bytes() if (out / "errors.jsonl").exists() else b""
    return (out / "agreements.jsonl").read_bytes() + b"\n--- errors\n" + errors


def _first_difference(a: bytes, b: bytes) -> str:
    for i, (x, y) in enumerate(zip(a.splitlines(), b.splitlines(), strict=False), start=1):
        if x != y:
            return f"line {i}:\n  before {x[:200]!r}\n  after  {y[:200]!r}"
    lines = len(a.splitlines()), len(b.splitlines())
    return f"one output has more lines ({lines[0]} against {lines[1]})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", help="a git revision (commit, branch, tag)")
    parser.add_argument("after", nargs="?", help="a git revision; default: the working tree")
    parser.add_argument("--source", type=Path, action="append", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = {}
        for name, rev in (("before", args.before), ("after", args.after)):
            if rev is None:
                trees[name] = REPO
                continue
            trees[name] = Path(tmp, name)
            _git("worktree", "add", "--detach", str(trees[name]), rev)
        try:
            same = True
            for source in args.source:
                outputs = [
                    _ingest(trees[n], source.resolve(), Path(tmp, f"out-{n}-{source.name}"))
                    for n in ("before", "after")
                ]
                records = outputs[0].split(b"\n--- errors\n")[0].count(b"\n")
                if outputs[0] == outputs[1]:
                    print(f"{source}: identical ({records} records)")
                else:
                    same = False
                    print(f"{source}: DIFFERENT, {_first_difference(*outputs)}")
        finally:
            for name, rev in (("before", args.before), ("after", args.after)):
                if rev is not None:
                    _git("worktree", "remove", "--force", str(trees[name]))
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
