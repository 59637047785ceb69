"""Record files: sorted, byte-identical for the same records, replaced atomically."""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path

import pytest

from coopextract.errors import InputError, OutputError
from coopextract.models import Agreement
from coopextract.writing import (
    format_records,
    parse_records,
    read_records,
    remove_stale_temporaries,
    write_atomic,
    write_records,
)


def make_record(path: str = "a.txt", start: int = 0, text: str = "accord", **extra) -> Agreement:
    """A valid record; also used by test_cli's fake extractor."""
    ident = hashlib.sha256(f"{path}:{start}:{text}".encode()).hexdigest()[:16]
    fields = {
        "id": ident,
        "article": {
            "path": path,
            "sha256": "0" * 64,
            "title": "Titre",
            "published": None,
            "language": "fr",
        },
        "parties": [
            {"name": "Russia", "kind": "state", "country": "RU"},
            {"name": "CNSA", "kind": "agency", "country": "CN"},
        ],
        "instrument": "memorandum",
        "status": "signed",
        "date": None,
        "period": None,
        "scope": ["lunar_exploration"],
        "subjects": ["ILRS"],
        "evidence": [{"text": text, "start": start, "end": start + len(text)}],
        "confidence": 0.9,
        "rules": ["test"],
    }
    fields.update(extra)
    return Agreement.model_validate(fields)


def sample() -> list[Agreement]:
    return [
        make_record("b.txt", 5),
        make_record("a.txt", 40, text="mémorandum"),
        make_record("a.txt", 3),
        make_record("sous dossier/é.txt", 0),
        make_record("a.txt", 3, text="accord-cadre"),
    ]


def test_sorted_by_path_offset_id(tmp_path: Path) -> None:
    out = tmp_path / "agreements.jsonl"
    assert write_records(sample(), out) == 5
    back = read_records(out)
    keys = [(r.article.path, r.evidence[0].start, r.id) for r in back]
    assert keys == sorted(keys)
    assert [r.article.path for r in back] == ["a.txt"] * 3 + ["b.txt", "sous dossier/é.txt"]


def test_one_model_dump_json_a_line(tmp_path: Path) -> None:
    out = tmp_path / "agreements.jsonl"
    write_records(sample(), out)
    lines = out.read_bytes().decode("utf-8").split("\n")
    assert lines[-1] == ""  # ends with a newline
    by_json = {r.model_dump_json() for r in sample()}
    assert set(lines[:-1]) == by_json
    assert "mémorandum" in out.read_text(encoding="utf-8")  # UTF-8, not \u escapes


def test_same_records_give_identical_bytes(tmp_path: Path) -> None:
    records = sample()
    write_records(records, tmp_path / "one.jsonl")
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)
    write_records(reversed(shuffled), tmp_path / "two.jsonl")
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()


def test_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "agreements.jsonl"
    write_records(sample(), out)
    assert sorted(read_records(out), key=lambda r: r.id) == sorted(sample(), key=lambda r: r.id)


def test_empty_run_writes_empty_file(tmp_path: Path) -> None:
    out = tmp_path / "agreements.jsonl"
    assert write_records([], out) == 0
    assert out.read_bytes() == b""


def test_creates_folder_and_replaces_file_leaving_no_temp(tmp_path: Path) -> None:
    out = tmp_path / "new" / "deeper" / "agreements.jsonl"
    write_records(sample(), out)
    write_records(sample()[:1], out)
    assert len(read_records(out)) == 1
    assert os.listdir(out.parent) == ["agreements.jsonl"]


def test_new_file_gets_usual_permissions(tmp_path: Path) -> None:
    out = tmp_path / "agreements.jsonl"
    write_records(sample(), out)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_unwritable_folder_is_output_error(tmp_path: Path) -> None:
    # A file where the folder should be: fails even for root, unlike a chmod.
    blocker = tmp_path / "taken"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError) as info:
        write_records(sample(), blocker / "out" / "agreements.jsonl")
    assert str(blocker / "out") in str(info.value)
    assert "writable" in str(info.value)


def test_failed_write_keeps_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "agreements.jsonl"
    write_records(sample(), out)
    before = out.read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left"):
        write_records(sample()[:1], out)
    assert out.read_bytes() == before
    assert os.listdir(tmp_path) == ["agreements.jsonl"]


def test_write_atomic_bytes(tmp_path: Path) -> None:
    write_atomic(tmp_path / "m.json", b"{}\n")
    assert (tmp_path / "m.json").read_bytes() == b"{}\n"


def test_read_records_names_file_and_line(tmp_path: Path) -> None:
    out = tmp_path / "agreements.jsonl"
    write_records(sample()[:2], out)
    with out.open("a", encoding="utf-8") as f:
        f.write('{"id": "x"}\n')
    with pytest.raises(InputError, match=r"agreements\.jsonl:3: not a valid record"):
        read_records(out)


def test_read_records_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        read_records(tmp_path / "none.jsonl")


def test_format_records_is_what_write_records_writes(tmp_path: Path) -> None:
    out = tmp_path / "agreements.jsonl"
    write_records(sample(), out)
    assert format_records(reversed(sample())) == (out.read_bytes(), 5)


def test_parse_records_with_advice(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"x\.jsonl:2: not a valid record .*; start afresh$"):
        parse_records(b"\n{}\n", tmp_path / "x.jsonl", advice="start afresh")
    with pytest.raises(InputError, match="not UTF-8 text"):
        parse_records(b"\xff", tmp_path / "x.jsonl")


def test_remove_stale_temporaries_removes_only_those_of_the_file(tmp_path: Path) -> None:
    target = tmp_path / "agreements.jsonl"
    stale = [tmp_path / ".agreements.jsonl.12.0badcafe.tmp", tmp_path / ".agreements.jsonl.9.x.tmp"]
    others = [
        tmp_path / ".manifest.json.123.0badcafe.tmp",
        tmp_path / "agreements.jsonl",
        tmp_path / "agreements.jsonl.tmp",
    ]
    for path in stale + others:
        path.write_text("x")
    assert sorted(remove_stale_temporaries(target)) == sorted(stale)
    assert sorted(tmp_path.iterdir()) == sorted(others)
