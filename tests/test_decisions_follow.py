"""Decisions follow their agreement across edits of its article; those whose agreement is gone
are told by `ingest`, named in the manifest, listed by `review --orphans` and re-attached by
`review --reattach`.

The fast tests use the fake extractor (its ids move with any edit before "accord", so an
edit there stands for an edit of the evidence); those marked `model` run the real pipeline on
a copy of a seed article, through the library and through the command line.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.review.decisions import REVIEWS_FILE, apply_decisions, load_decisions
from coopextract.review.folder import decide, open_folder
from coopextract.review.orphans import find_orphans, orphan_lines, reattach
from coopextract.run import ingest as ingest_module
from coopextract.run.ingest import IngestResult, ingest
from coopextract.run.summary import summary_lines
from coopextract.writing import read_records
from tests.conftest import PROJECT
from tests.fakes import FakeExtractor

SEED = PROJECT / "data" / "raw" / "000_d1d8bed0e0f75784.txt"
# In the seed article: the first evidence sentence of its memorandum, and a paragraph that is
# no evidence of any record.
EVIDENCE = "annonce que Moscou et Pekin ont signé un mémorandum"
ELSEWHERE = "Plus tôt,\u00a0durant"  # its comma goes
runner = CliRunner()


def manifest_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def ids(out: Path) -> list[str]:
    return [r.id for r in read_records(out / "agreements.jsonl")]


def run(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "250"})


# --- with the fake extractor ----------------------------------------------------------------


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "articles"
    source.mkdir()
    (source / "un.txt").write_text("Titre\nUn accord signé.\n", encoding="utf-8")
    (source / "deux.txt").write_text("Titre\nUn autre accord.\n", encoding="utf-8")
    return source, tmp_path / "out"


def fake_ingest(source: Path, out: Path) -> IngestResult:
    return ingest(source, out, extractor=FakeExtractor())


def test_ingest_warns_of_orphans_and_names_them_in_the_manifest(
    folders: tuple[Path, Path],
) -> None:
    source, out = folders
    fake_ingest(source, out)
    (gone,) = [r for r in read_records(out / "agreements.jsonl") if r.article.path == "un.txt"]
    decide(out, gone.id, "accept")
    decide(out, gone.id, "set", note="vu", assignment="status=in_force")
    assert manifest_of(out)["orphan_decisions"] == []

    (source / "un.txt").write_text("Titre\nPlus tard, un accord signé.\n", encoding="utf-8")
    result = fake_ingest(source, out)
    assert gone.id not in ids(out)
    manifest = manifest_of(out)
    assert manifest["orphan_decisions"] == [
        {"id": gone.id, "action": "accept", "seq": 1},
        {"id": gone.id, "action": "set", "seq": 2},
    ]
    assert manifest["orphaned_records"] == [gone.model_dump(mode="json")]
    warnings = [line for line in summary_lines(result, source) if "no longer" in line]
    assert warnings == [
        f"Warning: 2 decisions in {out / REVIEWS_FILE} are on 1 agreement no longer extracted "
        "(evidence sentence edited, or article pruned): list them with "
        f"`coopextract review {out} --orphans`"
    ]

    # The next run no longer has the record among the folder's, but the manifest it replaces.
    fake_ingest(source, out)
    assert manifest_of(out)["orphaned_records"] == [gone.model_dump(mode="json")]


def test_orphans_are_listed_with_what_replaced_them_then_reattached(
    folders: tuple[Path, Path],
) -> None:
    source, out = folders
    fake_ingest(source, out)
    old = next(r.id for r in read_records(out / "agreements.jsonl") if r.article.path == "un.txt")
    decide(out, old, "reject", note="un souhait")
    (source / "un.txt").write_text("Titre\nPlus tard, un accord signé.\n", encoding="utf-8")
    fake_ingest(source, out)
    new = next(r.id for r in read_records(out / "agreements.jsonl") if r.article.path == "un.txt")

    (orphan,) = find_orphans(open_folder(out))
    assert (orphan.id, [d.action for d in orphan.decisions]) == (old, ["reject"])
    assert orphan.was is not None and orphan.was.evidence[0].start == 9
    assert [r.id for r in orphan.successors] == [new]  # not deux.txt's: another article
    lines = orphan_lines([orphan], out)
    assert lines[:3] == [
        f"{old}: memorandum, Russia – CNSA, signed",
        "  un.txt: «accord»",
        "  decision 1: reject — un souhait",
    ]
    assert f"    coopextract review {out} --reattach {old} {new}" in lines

    stored = reattach(out, old, new, note="phrase reprise")
    assert [(d.id, d.action) for d in stored] == [(new, "reject"), (old, "reattach")]
    assert find_orphans(open_folder(out)) == []
    assert fake_ingest(source, out).orphans.decisions == []
    assert manifest_of(out)["orphaned_records"] == []
    # The copied reject holds on the new record, and takes it out of the ledger.
    kept, _ = apply_decisions(read_records(out / "agreements.jsonl"), load_decisions(out))
    assert new not in {r.id for r in kept}
    ledger = (out / "ledger.jsonl").read_text(encoding="utf-8")
    assert new not in ledger


def test_review_orphans_and_reattach_on_the_command_line(folders: tuple[Path, Path]) -> None:
    source, out = folders
    fake_ingest(source, out)
    old = next(r.id for r in read_records(out / "agreements.jsonl") if r.article.path == "un.txt")
    assert run("review", out, "--accept", old).exit_code == 0
    empty = run("review", out, "--orphans")
    assert empty.exit_code == 0 and empty.stdout == f"No orphan decisions in {out / REVIEWS_FILE}\n"

    (source / "un.txt").write_text("Titre\nPlus tard, un accord signé.\n", encoding="utf-8")
    fake_ingest(source, out)
    new = next(r.id for r in read_records(out / "agreements.jsonl") if r.article.path == "un.txt")
    listed = run("review", out, "--orphans")
    assert listed.exit_code == 0, listed.output
    assert listed.stdout.startswith(f"{old}: memorandum, Russia – CNSA, signed\n")
    assert f"  now perhaps {new}: memorandum, Russia – CNSA, signed\n" in listed.stdout
    assert listed.stdout.endswith(
        "1 decision on 1 agreement no longer in agreements.jsonl; `--reattach OLD NEW` moves "
        "them onto another record\n"
    )

    done = run("review", out, "--reattach", old, new, "--note", "relu")
    assert done.exit_code == 0, done.output
    assert done.stderr.splitlines() == [
        f"Recorded decision 2 on {new}: accept",
        f"Recorded decision 3 on {old}: reattached to {new} (its decisions copied there) — relu",
    ]
    shown = run("review", out, "--show", new)
    assert f"the decisions above copied here from {old}, which is gone — relu" in shown.stdout
    assert "Warning" not in run("review", out).stderr

    again = run("review", out, "--reattach", old, new)
    assert again.exit_code == 1
    assert again.stderr.startswith(f"Error: {old} has no decisions to re-attach in ")
    both = run("review", out, "--orphans", "--accept", new)
    assert (
        both.exit_code == 2
        and "use one of --accept/--reject/--set, --orphans at a time" in both.output
    )


# --- with the model, on a seed article ------------------------------------------------------


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """A folder holding a copy of the seed article, to edit."""
    source = tmp_path / "articles"
    source.mkdir()
    shutil.copy(SEED, source / SEED.name)
    return source


def edit(source: Path, old: str, new: str) -> None:
    path = source / SEED.name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def memorandum(out: Path) -> str:
    (found,) = [
        r.id for r in read_records(out / "agreements.jsonl") if r.instrument == "memorandum"
    ]
    return found


@pytest.mark.model
def test_a_decision_survives_edits_elsewhere_not_of_its_evidence(
    seed: Path, tmp_path: Path, extractor: Any
) -> None:
    out = tmp_path / "out"
    ingest(seed, out, extractor=extractor)
    before = ids(out)
    target = memorandum(out)
    start = {r.id: r for r in read_records(out / "agreements.jsonl")}[target].evidence[0].start
    decide(out, target, "accept")
    decide(out, target, "set", assignment="status=in_force")

    edit(seed, ELSEWHERE, "Plus tôt durant")  # a typo
    edit(seed, "La Russie", "Dépêche du 10 mars\nLa Russie")  # a line at the top
    result = ingest(seed, out, extractor=extractor)
    assert result.processed == 1  # extracted again: the article changed
    assert ids(out) == before
    opened = open_folder(out)
    assert opened.orphans == [] and result.orphans.decisions == []
    corrected = {r.id: r for r in opened.records}[target]
    assert corrected.status == "in_force" and opened.verdicts[target] == "accepted"
    # Its evidence moved down the article by the line added.
    assert corrected.evidence[0].start == start + len("Dépêche du 10 mars\n")

    edit(seed, EVIDENCE, EVIDENCE.replace("Pekin", "Pékin"))  # the evidence itself
    result = ingest(seed, out, extractor=extractor)
    assert target not in ids(out)
    assert [(d.id, d.action) for d in result.orphans.decisions] == [
        (target, "accept"),
        (target, "set"),
    ]
    assert [r.id for r in result.orphans.records] == [target]


@pytest.mark.model
def test_ingest_and_review_on_the_command_line_keep_a_decision(
    seed: Path, tmp_path: Path, extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_module, "_load_extractor", lambda *args, **kwargs: extractor)
    out = tmp_path / "out"
    assert run("ingest", seed, "-o", out).exit_code == 0
    target = memorandum(out)
    assert run("review", out, "--accept", target).exit_code == 0
    assert run("review", out, "--set", target, "status=in_force").exit_code == 0

    edit(seed, ELSEWHERE, "Plus tôt durant")
    edit(seed, "La Russie", "Dépêche du 10 mars\nLa Russie")
    again = run("ingest", seed, "-o", out)
    assert again.exit_code == 0, again.output
    assert "(1 extracted, 0 unchanged)" in again.stderr and "Warning" not in again.stderr
    table = run("review", out)
    row = next(line for line in table.stdout.splitlines() if target in line)
    assert "in_force" in row and "accepted" in row
    assert "Warning" not in table.stderr

    edit(seed, EVIDENCE, EVIDENCE.replace("Pekin", "Pékin"))
    edited = run("ingest", seed, "-o", out)
    assert edited.exit_code == 0, edited.output
    assert (
        f"Warning: 2 decisions in {out / REVIEWS_FILE} are on 1 agreement no longer extracted"
    ) in edited.stderr
    new = memorandum(out)
    listed = run("review", out, "--orphans")
    assert listed.stdout.startswith(f"{target}: memorandum, Roscosmos – China, signed, 2021-03-09")
    assert f"--reattach {target} {new}" in listed.stdout
    assert run("review", out, "--reattach", target, new).exit_code == 0
    row = next(line for line in run("review", out).stdout.splitlines() if new in line)
    assert "in_force" in row and "accepted" in row
