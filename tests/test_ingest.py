"""`coopextract.run.ingest.ingest`: incremental, idempotent, crash-safe runs into an output folder.

All with the fake extractor of tests/fakes.py (no model). A kill is simulated in-process by
raising `Killed`, a BaseException the run does not catch, at each point where a real kill
could leave the folder in a different state; test_kill.py kills a real process.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from coopextract.errors import InputError, OutputError
from coopextract.models import Agreement
from coopextract.run import ingest as ingest_module
from coopextract.run import ledger_file as ledger_file_module
from coopextract.run import state as state_module
from coopextract.run.ingest import ingest
from coopextract.run.journal import JOURNAL_FILE, Journal
from coopextract.run.state import locked
from tests.fakes import FAKE_FINGERPRINT, POISON, FakeExtractor


class Killed(BaseException):
    """A kill, as far as the run can tell: nothing catches it."""


@pytest.fixture
def loads(fake_model: list[FakeExtractor]) -> list[FakeExtractor]:
    """Runs load the fake extractor (counted here) and get a fixed fingerprint."""
    return fake_model


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    write(folder / "un.txt", "Titre un\nUn accord signé, puis un autre accord.\n")
    write(folder / "deux.txt", "Titre deux\nRien à signaler.\n")
    write(folder / "trois.txt", "Titre trois\nUn accord de coopération.\n")
    write(folder / "sous/quatre.txt", "Titre quatre\nL'accord et l'accord-cadre.\n")
    return folder


def extracted_paths(loads: list[FakeExtractor]) -> list[str]:
    return [path for extractor in loads for path in extractor.extracted]


def manifest_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def statuses(out: Path) -> dict[str, str]:
    return {a["path"]: a["status"] for a in manifest_of(out)["articles"]}


def records_of(out: Path) -> list[Agreement]:
    lines = (out / "agreements.jsonl").read_text(encoding="utf-8").splitlines()
    return [Agreement.model_validate_json(line) for line in lines]


def paths_of(out: Path) -> list[str]:
    return [r.article.path for r in records_of(out)]


# --- one run --------------------------------------------------------------------------------


def test_first_run_writes_records_manifest_and_errors(
    loads: list, source: Path, tmp_path: Path
) -> None:
    write(source / "vide.txt", "  \n")
    write(source / "notes.pdf", "%PDF")
    seen: list[str] = []
    out = tmp_path / "out"
    result = ingest(source, out, on_progress=lambda item: seen.append(item.path))
    assert (result.articles_read, result.processed, result.reused) == (4, 4, 0)
    assert (result.agreements_found, len(result.skipped), result.ignored) == (5, 1, 1)
    assert sorted(seen) == ["deux.txt", "sous/quatre.txt", "trois.txt", "un.txt", "vide.txt"]
    assert sorted(p.name for p in out.iterdir()) == [
        "agreements.jsonl",
        "errors.jsonl",
        "ledger.jsonl",
        "manifest.json",
    ]
    assert paths_of(out) == ["sous/quatre.txt"] * 2 + ["trois.txt"] + ["un.txt"] * 2

    manifest = manifest_of(out)
    assert manifest["fingerprint"] == FAKE_FINGERPRINT
    assert manifest["counts"] == {
        "read": 4,
        "processed": 4,
        "reused": 0,
        "skipped": 1,
        "ignored": 1,
        "not_seen": 0,
        "pruned": 0,
        "agreements": 5,
    }
    assert manifest["articles"][0] == {
        "path": "deux.txt",
        "status": "processed",
        "sha256": manifest["articles"][0]["sha256"],
        "fingerprint": FAKE_FINGERPRINT,
        "records": 0,
    }
    assert manifest["articles"][-1] == {
        "path": "vide.txt",
        "status": "skipped",
        "reason": "empty file (no text, or whitespace only)",
        "records": 0,
    }
    # Run facts never leak into the records.
    assert b"started_at" not in (out / "agreements.jsonl").read_bytes()


def test_manifest_is_deterministic_but_for_times(loads: list, source: Path, tmp_path: Path) -> None:
    ingest(source, tmp_path / "one")
    ingest(source, tmp_path / "two")
    one, two = manifest_of(tmp_path / "one"), manifest_of(tmp_path / "two")
    for manifest in (one, two):
        assert manifest.pop("started_at").endswith("+00:00")
        assert isinstance(manifest.pop("seconds"), float)
    assert one == two


def test_checks_source_before_anything(loads: list, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        ingest(tmp_path / "missing", tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert loads == []


# --- incremental runs -----------------------------------------------------------------------


def test_rerun_changes_nothing_and_loads_no_model(
    loads: list, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    ingest(source, out)
    first = (out / "agreements.jsonl").read_bytes()
    assert len(loads) == 1

    result = ingest(source, out)
    assert (out / "agreements.jsonl").read_bytes() == first
    assert len(loads) == 1, "the model was loaded though nothing needed extracting"
    assert (result.processed, result.reused) == (0, 4)
    assert set(statuses(out).values()) == {"reused"}
    assert not (out / JOURNAL_FILE).exists()


def test_rerun_with_a_loaded_extractor_extracts_nothing(source: Path, tmp_path: Path) -> None:
    extractor = FakeExtractor()
    out = tmp_path / "out"
    ingest(source, out, extractor=extractor)  # type: ignore[arg-type]
    assert len(extractor.extracted) == 4
    first = (out / "agreements.jsonl").read_bytes()
    ingest(source, out, extractor=extractor)  # type: ignore[arg-type]
    assert len(extractor.extracted) == 4
    assert (out / "agreements.jsonl").read_bytes() == first


def test_changed_article_replaces_its_records(loads: list, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    ingest(source, out)
    before = {r.id: r for r in records_of(out) if r.article.path != "un.txt"}
    write(source / "un.txt", "Titre un\nUn seul accord, cette fois.\n")
    write(source / "cinq.txt", "Titre cinq\nEncore un accord.\n")

    result = ingest(source, out)
    assert extracted_paths(loads)[4:] == ["cinq.txt", "un.txt"]
    assert (result.processed, result.reused) == (2, 3)
    records = records_of(out)
    mine = [r for r in records if r.article.path == "un.txt"]
    assert len(mine) == 1 and mine[0].article.title == "Titre un"
    assert mine[0].evidence[0].start == len("Titre un\nUn seul ")
    assert {r.id: r for r in records if r.article.path not in ("un.txt", "cinq.txt")} == before
    assert statuses(out)["un.txt"] == "processed"
    assert statuses(out)["trois.txt"] == "reused"

    # The same as a fresh run on the changed folder.
    ingest(source, tmp_path / "fresh")
    assert (out / "agreements.jsonl").read_bytes() == (
        tmp_path / "fresh" / "agreements.jsonl"
    ).read_bytes()


def test_new_fingerprint_extracts_again(
    loads: list, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    ingest(source, out)
    monkeypatch.setattr(
        ingest_module, "languages_fingerprint", lambda rules_dir=None, models=None: "other"
    )
    result = ingest(source, out)
    assert (result.processed, result.reused) == (4, 0)
    assert {a["fingerprint"] for a in manifest_of(out)["articles"]} == {"other"}


def test_force_extracts_everything_again(loads: list, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    ingest(source, out)
    first = (out / "agreements.jsonl").read_bytes()
    result = ingest(source, out, force=True)
    assert (result.processed, result.reused) == (4, 0)
    assert len(extracted_paths(loads)) == 8
    assert (out / "agreements.jsonl").read_bytes() == first
    assert manifest_of(out)["options"]["force"] is True


def test_vanished_article_keeps_its_records_until_pruned(
    loads: list, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    ingest(source, out)
    first = (out / "agreements.jsonl").read_bytes()
    (source / "un.txt").unlink()
    (source / "deux.txt").unlink()

    result = ingest(source, out)
    assert (out / "agreements.jsonl").read_bytes() == first
    assert (result.not_seen, result.pruned, result.articles_read) == (2, 0, 2)
    entry = next(a for a in manifest_of(out)["articles"] if a["path"] == "un.txt")
    assert entry["status"] == "not_seen" and entry["records"] == 2
    assert entry["fingerprint"] == FAKE_FINGERPRINT

    ingest(source, out)  # still kept, run after run
    assert (out / "agreements.jsonl").read_bytes() == first

    write(source / "un.txt", "Titre un\nUn accord signé, puis un autre accord.\n")
    ingest(source, out)  # back, unchanged: reused, not extracted
    assert statuses(out)["un.txt"] == "reused"
    assert len(extracted_paths(loads)) == 4

    result = ingest(source, out, prune=True)
    assert (result.pruned, result.not_seen) == (1, 0)
    assert "un.txt" in paths_of(out)
    assert statuses(out)["deux.txt"] == "pruned"
    result = ingest(source, out, prune=True)
    assert "deux.txt" not in statuses(out)  # forgotten once pruned
    assert result.pruned == 0


def test_prune_drops_the_records_of_vanished_articles(
    loads: list, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    ingest(source, out)
    (source / "un.txt").unlink()
    result = ingest(source, out, prune=True)
    assert "un.txt" not in paths_of(out)
    assert result.pruned == 1
    assert manifest_of(out)["counts"]["pruned"] == 1
    ingest(source, tmp_path / "fresh")
    assert (out / "agreements.jsonl").read_bytes() == (
        tmp_path / "fresh" / "agreements.jsonl"
    ).read_bytes()


def test_article_turned_unreadable_keeps_its_records_unless_pruned(
    loads: list, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    ingest(source, out)
    first = (out / "agreements.jsonl").read_bytes()
    (source / "un.txt").write_bytes(b"\xff\xfe\x00\x00binary\x00\x00")
    result = ingest(source, out)
    assert (out / "agreements.jsonl").read_bytes() == first
    entry = next(a for a in manifest_of(out)["articles"] if a["path"] == "un.txt")
    assert entry["status"] == "skipped" and entry["records"] == 2 and entry["reason"]
    assert [s.path for s in result.skipped] == ["un.txt"]
    ingest(source, out, prune=True)
    assert "un.txt" not in paths_of(out)


def test_another_source_into_the_same_folder(loads: list, source: Path, tmp_path: Path) -> None:
    # Articles are keyed by their path under SOURCE: another folder adds its articles, and
    # replaces those with the same relative path.
    other = tmp_path / "other"
    write(other / "un.txt", "Autre titre\nUn accord différent.\n")
    write(other / "six.txt", "Titre six\nUn accord.\n")
    out = tmp_path / "out"
    ingest(source, out)
    ingest(other, out)
    assert statuses(out) == {
        "deux.txt": "not_seen",
        "six.txt": "processed",
        "sous/quatre.txt": "not_seen",
        "trois.txt": "not_seen",
        "un.txt": "processed",
    }
    assert [r.article.title for r in records_of(out) if r.article.path == "un.txt"] == [
        "Autre titre"
    ]


def test_articles_of_a_jsonl_file_are_keyed_by_item(
    loads: list, source: Path, tmp_path: Path
) -> None:
    lines = [
        {"id": "a", "title": "Premier", "text": "Un accord signé."},
        {"id": "b", "title": "Second", "text": "Rien."},
    ]
    feed = source / "flux.jsonl"
    feed.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "out"
    ingest(source, out)
    entries = [a for a in manifest_of(out)["articles"] if a["path"] == "flux.jsonl"]
    assert [(e["item"], e["records"]) for e in entries] == [("id:a", 1), ("id:b", 0)]

    lines[1]["text"] = "Un accord, enfin."
    feed.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    ingest(source, out)
    assert extracted_paths(loads)[6:] == ["flux.jsonl"]  # one item of it
    entries = [a for a in manifest_of(out)["articles"] if a["path"] == "flux.jsonl"]
    assert [(e["item"], e["status"]) for e in entries] == [
        ("id:a", "reused"),
        ("id:b", "processed"),
    ]
    assert [r.article.item for r in records_of(out) if r.article.path == "flux.jsonl"] == [
        "id:a",
        "id:b",
    ]


def test_source_metadata_reaches_records_and_manifest(
    loads: list, source: Path, tmp_path: Path
) -> None:
    cited = {
        "id": "a",
        "text": "Un accord signé.",
        "url": "https://example.org/a",
        "outlet": "Le Journal",
        "author": ["Marie Dupont", "Jean Martin"],
    }
    lines = [cited, {"id": "b", "text": "Un accord aussi."}]
    feed = source / "flux.jsonl"
    feed.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "out"
    ingest(source, out)

    def entries() -> list[dict[str, Any]]:
        return [a for a in manifest_of(out)["articles"] if a["path"] == "flux.jsonl"]

    def sources() -> list[tuple[str | None, ...]]:
        return [
            (r.article.url, r.article.outlet, r.article.author)
            for r in records_of(out)
            if r.article.path == "flux.jsonl"
        ]

    where = {"url": "https://example.org/a", "outlet": "Le Journal"}
    first = {**where, "author": "Marie Dupont; Jean Martin"}
    assert [{k: e.get(k) for k in ("url", "outlet", "author")} for e in entries()] == [
        first,
        {"url": None, "outlet": None, "author": None},
    ]
    assert sources() == [(*first.values(),), (None, None, None)]
    ids = [r.id for r in records_of(out)]

    ingest(source, out)  # reused: the manifest still says where they come from
    assert [e["status"] for e in entries()] == ["reused", "reused"]
    assert {k: entries()[0][k] for k in first} == first

    # A URL given later reaches the records; their ids stay (decisions refer to them).
    lines[1]["url"] = "https://example.org/b"
    feed.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    ingest(source, out)
    assert sources()[1] == ("https://example.org/b", None, None)
    assert [r.id for r in records_of(out)] == ids

    feed.unlink()  # not seen: its kept records still say where they come from
    ingest(source, out)
    assert [e["status"] for e in entries()] == ["not_seen", "not_seen"]
    assert entries()[0]["url"] == "https://example.org/a"


# --- bad input and errors.jsonl -------------------------------------------------------------


def errors_of(out: Path) -> list[dict[str, Any]]:
    text = (out / "errors.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_errors_jsonl_lists_every_skip_in_path_order(
    loads: list, source: Path, tmp_path: Path
) -> None:
    write(source / "z/vide.txt", "\n\n")
    (source / "binaire.txt").write_bytes(b"\x00\x01\x02")
    write(source / "bug.txt", f"Titre\nUn accord qui fait {POISON}.\n")
    write(source / "flux.jsonl", '{"id": "a", "text": "Un accord."}\nnot json\n')
    out = tmp_path / "out"
    result = ingest(source, out)
    errors = errors_of(out)
    assert [(e["path"], e.get("item")) for e in errors] == [
        ("binaire.txt", None),
        ("bug.txt", None),
        ("flux.jsonl", "line:2"),
        ("z/vide.txt", None),
    ]
    assert all(set(e) <= {"path", "item", "reason"} and e["reason"] for e in errors)
    assert errors[1]["reason"] == "internal error: ValueError: cannot extract bug.txt"
    assert [(s.path, s.reason) for s in result.skipped] == [
        (e["path"], e["reason"]) for e in errors
    ]
    # Rewritten by each run: fixed files leave it.
    for name in ("z/vide.txt", "binaire.txt", "bug.txt", "flux.jsonl"):
        (source / name).unlink()
    ingest(source, out)
    assert (out / "errors.jsonl").read_bytes() == b""


def test_failed_extraction_skips_one_article_of_its_batch(
    loads: list, source: Path, tmp_path: Path
) -> None:
    # The fake works in batches of 4: the poisoned article takes its batch down with it.
    for n in range(6):
        write(source / f"lot/{n}.txt", f"Titre {n}\nUn accord numéro {n}.\n")
    write(source / "lot/2.txt", f"Titre 2\nUn accord {POISON}.\n")
    out = tmp_path / "out"
    result = ingest(source, out)
    assert [(s.path, s.reason) for s in result.skipped] == [
        ("lot/2.txt", "internal error: ValueError: cannot extract lot/2.txt")
    ]
    assert result.processed == 9
    assert sorted(set(paths_of(out))) == sorted(
        {"un.txt", "trois.txt", "sous/quatre.txt"} | {f"lot/{n}.txt" for n in range(6) if n != 2}
    )
    assert statuses(out)["lot/2.txt"] == "skipped"
    # A failed article is tried again by the next run (a bug may have been fixed).
    write(source / "lot/2.txt", "Titre 2\nUn accord numéro 2.\n")
    result = ingest(source, out)
    assert (result.processed, result.skipped) == (1, [])


def test_a_reader_bug_costs_one_file(
    loads: list, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = ingest_module.read_file

    def buggy(path: Path, shown: str, max_bytes: int, languages=None):  # type: ignore[no-untyped-def]
        if shown == "trois.txt":
            raise KeyError("oops")
        return real(path, shown, max_bytes, languages)

    monkeypatch.setattr(ingest_module, "read_file", buggy)
    result = ingest(source, tmp_path / "out")
    assert [(s.path, s.reason) for s in result.skipped] == [
        ("trois.txt", "internal error: KeyError: 'oops'")
    ]
    assert result.articles_read == 3


# --- the output folder ----------------------------------------------------------------------


@pytest.mark.parametrize("inside", ["extracted", "."])
def test_output_folder_inside_source_is_not_read(
    loads: list, source: Path, tmp_path: Path, inside: str
) -> None:
    out = source / inside
    ingest(source, out)
    # What a user or another command leaves in the output folder: an output folder inside
    # SOURCE is left out whole; SOURCE itself as the output folder, only the folder's files.
    write(out / "notes.json", '{"text": "Un accord."}')
    write(out / "reviews.jsonl", '{"id": "agr-0", "decision": "accept"}\n')
    write(out / "agreements.labelstudio.json", '[{"data": {}}]')
    result = ingest(source, out)
    assert result.skipped == [] and result.ignored == 0
    read = {"deux.txt", "sous/quatre.txt", "trois.txt", "un.txt"}
    assert statuses(out).keys() == (read if inside != "." else read | {"notes.json"})


def test_prune_refuses_an_empty_source(loads: list, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    ingest(source, out)
    before = (out / "agreements.jsonl").read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="--prune would drop every record"):
        ingest(empty, out, prune=True)
    assert (out / "agreements.jsonl").read_bytes() == before
    ingest(empty, out)  # without --prune: all kept, as not seen
    assert (out / "agreements.jsonl").read_bytes() == before


def test_one_run_at_a_time(loads: list, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with locked(out), pytest.raises(OutputError, match="another coopextract run"):
        ingest(source, out)
    ingest(source, out)  # the lock went with its holder


def test_stale_temporary_files_are_removed(loads: list, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".agreements.jsonl.12345.abcdef01.tmp"
    stale.write_text("half a fi")
    keep = out / "notes.tmp"
    keep.write_text("not ours")
    ingest(source, out)
    assert not stale.exists() and keep.exists()


def test_records_without_a_matching_manifest_are_kept_not_reused(
    loads: list, source: Path, tmp_path: Path
) -> None:
    # As after a kill between the renames of agreements.jsonl and manifest.json, or with the
    # output of an older version: the records are there, what they came from is not sure.
    out = tmp_path / "out"
    ingest(source, out)
    first = (out / "agreements.jsonl").read_bytes()
    (source / "un.txt").unlink()
    (out / "manifest.json").unlink()
    result = ingest(source, out)
    assert (result.processed, result.reused, result.not_seen) == (3, 0, 1)
    assert (out / "agreements.jsonl").read_bytes() == first
    entry = next(a for a in manifest_of(out)["articles"] if a["path"] == "un.txt")
    assert entry["status"] == "not_seen" and entry["fingerprint"] is None


def test_agreements_edited_by_hand_are_not_trusted(
    loads: list, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    ingest(source, out)
    lines = (out / "agreements.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (out / "agreements.jsonl").write_text("".join(lines[1:]), encoding="utf-8")
    result = ingest(source, out)
    assert (result.processed, result.reused) == (4, 0)
    assert (out / "agreements.jsonl").read_text(encoding="utf-8") == "".join(lines)


# --- killed runs ----------------------------------------------------------------------------


def prepare_change(source: Path) -> None:
    """Changes between the run that made the folder and the one that is killed."""
    write(source / "un.txt", "Titre un\nUn seul accord, cette fois.\n")
    (source / "deux.txt").unlink()
    (source / "trois.txt").unlink()
    for n in range(10):
        write(source / f"lot/{n:02}.txt", f"Titre {n}\nUn accord, {n} fois accord.\n")


def uninterrupted(source: Path, out: Path, tmp_path: Path, prune: bool) -> bytes:
    clean = tmp_path / "clean"
    shutil.copytree(out, clean)
    ingest(source, clean, prune=prune)
    assert not (clean / JOURNAL_FILE).exists()
    return (clean / "agreements.jsonl").read_bytes()


@pytest.mark.parametrize("prune", [False, True])
@pytest.mark.parametrize("after", [0, 1, 5, 9])
def test_killed_while_extracting(
    loads: list,
    source: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    prune: bool,
    after: int,
) -> None:
    out = tmp_path / "out"
    ingest(source, out)
    before = (out / "agreements.jsonl").read_bytes()
    prepare_change(source)
    expected = uninterrupted(source, out, tmp_path, prune)
    extracted = len(extracted_paths(loads))

    real = ingest_module.Journal.append
    appended: list[str] = []

    def append_then_die(journal: Journal, entry: Any) -> None:
        if len(appended) == after:
            raise Killed
        real(journal, entry)
        appended.append(entry.key[0])

    monkeypatch.setattr(ingest_module.Journal, "append", append_then_die)
    with pytest.raises(Killed):
        ingest(source, out, prune=prune)
    assert (out / "agreements.jsonl").read_bytes() == before  # untouched until the commit
    assert len(Journal(out).replay()) == after
    monkeypatch.setattr(ingest_module.Journal, "append", real)

    extracted = len(extracted_paths(loads))
    ingest(source, out, prune=prune)
    assert (out / "agreements.jsonl").read_bytes() == expected
    assert not (out / JOURNAL_FILE).exists()
    # What the killed run journaled is not extracted again.
    redone = extracted_paths(loads)[extracted:]
    assert not set(redone) & set(appended)
    assert len(redone) == 11 - after


@pytest.mark.parametrize("prune", [False, True])
@pytest.mark.parametrize(
    "point",
    [
        "before errors.jsonl",
        "before agreements.jsonl",
        "before manifest.json",
        "before removing the journal",
    ],
)
def test_killed_while_committing(
    loads: list,
    source: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    point: str,
    prune: bool,
) -> None:
    out = tmp_path / "out"
    ingest(source, out)
    prepare_change(source)
    expected = uninterrupted(source, out, tmp_path, prune)

    real_write = state_module.write_atomic
    real_remove = Journal.remove

    def write_or_die(path: Path, data: bytes, *, kept: str = "") -> None:
        if point == f"before {path.name}":
            # Dies with its temporary file written, as a kill before the rename would.
            (path.parent / f".{path.name}.999.deadbeef.tmp").write_bytes(data[: len(data) // 2])
            raise Killed
        real_write(path, data, kept=kept)

    def remove_or_die(journal: Journal) -> None:
        if point == "before removing the journal":
            raise Killed
        real_remove(journal)

    monkeypatch.setattr(state_module, "write_atomic", write_or_die)
    monkeypatch.setattr(Journal, "remove", remove_or_die)
    with pytest.raises(Killed):
        ingest(source, out, prune=prune)
    assert (out / JOURNAL_FILE).exists()
    records_of(out)  # whichever agreements.jsonl is there, it is whole and valid
    monkeypatch.setattr(state_module, "write_atomic", real_write)
    monkeypatch.setattr(Journal, "remove", real_remove)

    ingest(source, out, prune=prune)
    assert (out / "agreements.jsonl").read_bytes() == expected
    assert sorted(p.name for p in out.iterdir()) == [
        "agreements.jsonl",
        "errors.jsonl",
        "ledger.jsonl",
        "manifest.json",
    ]
    # A second run after that changes nothing either.
    ingest(source, out, prune=prune)
    assert (out / "agreements.jsonl").read_bytes() == expected


def test_killed_while_writing_the_ledger(
    loads: list, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ledger is rebuilt by every run: a run killed as it writes ledger.jsonl leaves the
    old one, and the next run writes the bytes a clean run writes."""
    out = tmp_path / "out"
    ingest(source, out)
    prepare_change(source)
    clean = tmp_path / "clean"
    shutil.copytree(out, clean)
    ingest(source, clean)
    before = (out / "ledger.jsonl").read_bytes()

    def die(path: Path, data: bytes, *, kept: str = "") -> None:
        (path.parent / f".{path.name}.999.deadbeef.tmp").write_bytes(data[: len(data) // 2])
        raise Killed

    real = ledger_file_module.write_atomic
    monkeypatch.setattr(ledger_file_module, "write_atomic", die)
    with pytest.raises(Killed):
        ingest(source, out)
    assert (out / "ledger.jsonl").read_bytes() == before
    monkeypatch.setattr(ledger_file_module, "write_atomic", real)

    ingest(source, out)
    assert (out / "ledger.jsonl").read_bytes() == (clean / "ledger.jsonl").read_bytes()
    assert not list(out.glob(".*.tmp"))


def test_torn_journal_line_is_dropped_and_its_article_extracted_again(
    loads: list, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    ingest(source, out)
    expected = (out / "agreements.jsonl").read_bytes()
    shutil.rmtree(out)
    out.mkdir()
    # A journal whose last line was being written when the run died.
    with pytest.raises(Killed), pytest.MonkeyPatch.context() as patch:
        real = ingest_module.Journal.append

        def tear(journal: Journal, entry: Any) -> None:
            if entry.key[0] == "trois.txt":
                with journal.path.open("ab") as f:
                    f.write(entry.to_line()[:50])
                raise Killed
            real(journal, entry)

        patch.setattr(ingest_module.Journal, "append", tear)
        ingest(source, out)
    assert len(Journal(out).replay()) == 2
    before = len(extracted_paths(loads))
    ingest(source, out)
    assert (out / "agreements.jsonl").read_bytes() == expected
    assert extracted_paths(loads)[before:] == ["trois.txt", "un.txt"]
