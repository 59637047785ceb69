"""The run journal: durable lines, replayed by later runs, a torn tail cut off."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from coopextract.errors import OutputError
from coopextract.run import journal as journal_module
from coopextract.run.journal import JOURNAL_FILE, Entry, Journal, key_order
from tests.test_writing import make_record


def entry(path: str = "a.txt", item: str | None = None, n: int = 2) -> Entry:
    records = tuple(make_record(path, start) for start in range(n))
    if item is not None:
        records = tuple(
            r.model_copy(update={"article": r.article.model_copy(update={"item": item})})
            for r in records
        )
    return Entry((path, item), "1" * 64, "fp", records)


def test_appended_entries_are_replayed(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    assert journal.replay() == []
    written = [entry("a.txt"), entry("b.jsonl", "id:7", n=0), entry("é/c.txt", n=1)]
    for e in written:
        journal.append(e)
    journal.close()
    assert Journal(tmp_path).replay() == written
    assert (tmp_path / JOURNAL_FILE).read_bytes().count(b"\n") == 3


def test_a_line_is_on_disk_when_append_returns(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    journal.append(entry())
    # Not closed: another reader (the next run, after a kill) already sees the line.
    assert Journal(tmp_path).replay() == [entry()]
    journal.close()


def test_torn_last_line_is_cut_off_and_appending_goes_on(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    journal.append(entry("a.txt"))
    journal.close()
    whole = (tmp_path / JOURNAL_FILE).read_bytes()
    with (tmp_path / JOURNAL_FILE).open("ab") as f:
        f.write(entry("b.txt").to_line()[:-10])

    journal = Journal(tmp_path)
    assert journal.replay() == [entry("a.txt")]
    assert (tmp_path / JOURNAL_FILE).read_bytes() == whole
    journal.append(entry("c.txt"))
    journal.close()
    assert Journal(tmp_path).replay() == [entry("a.txt"), entry("c.txt")]


def test_replay_stops_at_an_invalid_line(tmp_path: Path) -> None:
    lines = [entry("a.txt").to_line(), b'{"path": "x"}\n', entry("b.txt").to_line()]
    (tmp_path / JOURNAL_FILE).write_bytes(b"".join(lines))
    assert Journal(tmp_path).replay() == [entry("a.txt")]
    assert (tmp_path / JOURNAL_FILE).read_bytes() == lines[0]


def test_remove(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    journal.remove()  # none yet: nothing to do
    journal.append(entry())
    journal.remove()
    assert list(tmp_path.iterdir()) == []


def test_key_order_puts_a_file_before_its_items() -> None:
    keys = [("b.txt", None), ("a.jsonl", "line:2"), ("a.jsonl", None), ("a.jsonl", "line:10")]
    assert sorted(keys, key=key_order) == [
        ("a.jsonl", None),
        ("a.jsonl", "line:10"),
        ("a.jsonl", "line:2"),
        ("b.txt", None),
    ]


def test_a_failed_append_takes_back_its_part_of_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A disk that fills in the middle of a line: the line is cut off at once, the error is
    # the library's, naming the journal, and closing afterwards raises nothing.
    journal = Journal(tmp_path)
    journal.append(entry("a.txt"))
    whole = (tmp_path / JOURNAL_FILE).read_bytes()

    def half_then_full(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(journal_module, "write_all", half_then_full)
    with pytest.raises(OutputError, match=r"free some space on .* kept in the journal$") as info:
        journal.append(entry("b.txt"))
    assert str(tmp_path / JOURNAL_FILE) in str(info.value)
    assert (tmp_path / JOURNAL_FILE).read_bytes() == whole
    journal.close()
    assert Journal(tmp_path).replay() == [entry("a.txt")]
