"""Issue 13: inputs that blocked, exhausted or silently lost a run, each as it was found.

Every test runs `coopextract ingest` the way a user does (the CLI, with the fake extractor in
process, or a real subprocess where the run could hang), then runs it again: a bad input
must cost that input only, and never the output folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.reading.decoding import decode

runner = CliRunner()
COOPEXTRACT = shutil.which("coopextract", path=str(Path(sys.executable).parent)) or "coopextract"
GOOD_TEXT = "Titre\nUn accord signé à Pékin.\n"


def ingest(source: Path, out: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["ingest", str(source), "-o", str(out), *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def errors_of(out: Path) -> dict[str, str]:
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    return {
        json.loads(line)["path"]
        + (f"#{json.loads(line)['item']}" if "item" in line else ""): json.loads(line)["reason"]
        for line in lines
    }


def manifest_of(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def record_paths(out: Path) -> list[str]:
    lines = (out / "agreements.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["article"]["path"] for line in lines]


def twice(source: Path, out: Path, *args: str) -> dict:
    """Two runs, both must succeed; the second reuses everything and changes nothing. The
    first run's manifest."""
    code, output = ingest(source, out, *args)
    assert code == 0, output
    first = (out / "agreements.jsonl").read_bytes()
    manifest = manifest_of(out)
    code, again = ingest(source, out, *args)
    assert code == 0, again
    assert (out / "agreements.jsonl").read_bytes() == first
    assert manifest_of(out)["counts"]["processed"] == 0
    return manifest


# --- row 1: a file name that is not UTF-8 ---------------------------------------------------


def write_named(folder: Path, name: bytes, text: str = GOOD_TEXT) -> None:
    """A file whose name is bytes, such as a Latin-1 name that is not UTF-8."""
    with open(os.path.join(os.fsencode(folder), name), "wb") as stream:
        stream.write(text.encode("utf-8"))


def test_a_file_name_that_is_not_utf8_is_read_and_reported_escaped(
    fake_model: list, tmp_path: Path
) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "bon.txt").write_text(GOOD_TEXT, encoding="utf-8")
    # caf\xe9.txt: a Latin-1 name, which Python hands over as 'caf\udce9.txt'.
    write_named(source, b"caf\xe9.txt")
    out = tmp_path / "out"
    twice(source, out)
    assert record_paths(out) == ["bon.txt", "caf\\xe9.txt"]
    assert [a["path"] for a in manifest_of(out)["articles"]] == ["bon.txt", "caf\\xe9.txt"]


def test_an_escaped_name_that_is_also_a_real_name_is_told_apart(
    fake_model: list, tmp_path: Path
) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "caf\\xe9.txt").write_text(GOOD_TEXT, encoding="utf-8")
    write_named(source, b"caf\xe9.txt")
    out = tmp_path / "out"
    twice(source, out)
    assert record_paths(out) == ["caf\\xe9.txt", "caf\\xe9.txt (2)"]


def test_a_source_folder_whose_name_is_not_utf8(fake_model: list, tmp_path: Path) -> None:
    source = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"d\xe9p\xeat")))
    source.mkdir()
    (source / "bon.txt").write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    twice(source, out)
    assert record_paths(out) == ["bon.txt"]
    json.dumps(manifest_of(out)["source"], ensure_ascii=False).encode("utf-8")


# --- row 2: lone surrogates in JSON strings -------------------------------------------------


def test_lone_surrogates_in_json_fields_are_replaced(fake_model: list, tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    lines = [
        {"id": "\ud800", "text": "Un accord signé."},
        {"id": 2, "language": "fr\udfff", "text": "Un accord signé."},
        {"id": 3, "title": "Titre \ud83d", "text": "Un accord \udc00 signé."},
        {"id": 4, "text": "Un accord, enfin.", "url": "https://a.example/\ud800"},
    ]
    # json.dumps writes the lone surrogates as \ud800 escapes, as JSON writers do.
    (source / "feed.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    out = tmp_path / "out"
    manifest = twice(source, out)
    items = {a.get("item"): a["status"] for a in manifest["articles"]}
    assert items == {
        "id:\ufffd": "processed",
        "id:2": "skipped",  # language 'fr\ufffd' has no rules: said, not read as French
        "id:3": "processed",
        "id:4": "processed",
    }
    records = (out / "agreements.jsonl").read_text(encoding="utf-8")
    assert "Titre \ufffd" in records and "\ud800" not in records


# --- row 3: JSON that is valid but cannot be read -------------------------------------------


def test_a_deep_or_huge_json_line_costs_that_line_only(fake_model: list, tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    lines = [
        json.dumps({"text": "Un accord avant."}),
        "[" * 100_000 + "]" * 100_000,
        '{"text": "Un accord.", "n": ' + "7" * 5_000 + "}",
        '{"text": "Un accord.", "meta": ' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "}",
        json.dumps({"text": "Un accord après."}),
    ]
    (source / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    manifest = twice(source, out)
    errors = errors_of(out)
    assert set(errors) == {"feed.jsonl#line:2", "feed.jsonl#line:3", "feed.jsonl#line:4"}
    assert "nested too deeply" in errors["feed.jsonl#line:2"]
    assert "digits" in errors["feed.jsonl#line:3"]
    assert "internal error" not in " ".join(errors.values())
    processed = [a["item"] for a in manifest["articles"] if a["status"] == "processed"]
    assert processed == ["line:1", "line:5"]


def test_a_deep_json_file(fake_model: list, tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "a.json").write_text("[" * 100_000 + "]" * 100_000)
    (source / "b.txt").write_text(GOOD_TEXT)
    out = tmp_path / "out"
    twice(source, out)
    assert "nested too deeply" in errors_of(out)["a.json"]
    assert record_paths(out) == ["b.txt"]


# --- rows 4 and 5: what is not a regular file -----------------------------------------------


def cli_run(source: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A real `coopextract ingest` process: a run that hangs fails the test, not the suite."""
    return subprocess.run(
        [COOPEXTRACT, "ingest", str(source), "-o", str(out), *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "COOPEXTRACT_NO_CACHE": "1"},
    )


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    os.mkfifo(source / "tube.txt")
    out = tmp_path / "out"
    for _ in range(2):
        done = cli_run(source, out)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    assert "named pipe" in errors_of(out)["tube.txt"]


def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "zero.txt").symlink_to("/dev/zero")
    (source / "nulle part.txt").symlink_to(tmp_path / "absent")
    out = tmp_path / "out"
    for _ in range(2):
        done = cli_run(source, out)
        assert done.returncode == 0, done.stderr
    errors = errors_of(out)
    assert "character device" in errors["zero.txt"]
    assert "No such file" in errors["nulle part.txt"]


def test_the_size_limit_counts_the_bytes_read(fake_model: list, tmp_path: Path) -> None:
    # /proc files are regular files whose stat size is 0, however much they hold: what a
    # file that grows while it is read looks like.
    if not Path("/proc/self/maps").is_file():
        pytest.skip("no /proc")
    source = tmp_path / "src"
    source.mkdir()
    (source / "maps.txt").symlink_to("/proc/self/maps")
    out = tmp_path / "out"
    twice(source, out, "--max-size", "100")
    assert "too large (over 100 bytes read" in errors_of(out)["maps.txt"]


def test_a_link_to_an_article_elsewhere_is_read(fake_model: list, tmp_path: Path) -> None:
    elsewhere = tmp_path / "ailleurs.txt"
    elsewhere.write_text(GOOD_TEXT, encoding="utf-8")
    source = tmp_path / "src"
    source.mkdir()
    (source / "lien.txt").symlink_to(elsewhere)
    out = tmp_path / "out"
    twice(source, out)
    assert record_paths(out) == ["lien.txt"]


# --- row 11: one stray byte in a UTF-8 article ----------------------------------------------


def test_a_stray_byte_in_a_utf8_article_is_replaced_not_fatal(
    fake_model: list, tmp_path: Path
) -> None:
    source = tmp_path / "src"
    source.mkdir()
    raw = "Titre\nL’accord signé à Pékin\x92 et l’autre accord.\n".encode().replace(
        b"\xc2\x92", b"\x92"
    )
    (source / "a.txt").write_bytes(raw)
    out = tmp_path / "out"
    twice(source, out)
    # The offsets are those of the file decoded with errors="replace".
    with open(source / "a.txt", encoding="utf-8", errors="replace", newline="") as stream:
        text = stream.read()
    for line in (out / "agreements.jsonl").read_text(encoding="utf-8").splitlines():
        for evidence in json.loads(line)["evidence"]:
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]
    assert len(record_paths(out)) == 2


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        ("Accord signé à Pékin \x92 ici".encode().replace(b"\xc2\x92", b"\x92"), "utf-8"),
        # No valid multi-byte character: a single-byte encoding, not damaged UTF-8.
        ("Accord signé à Pékin".encode("cp1252"), "cp1252"),
        ("It’s signed".encode("cp1252"), "cp1252"),
        # A Windows-1252 word pasted into UTF-8 text: UTF-8, the pasted accent as U+FFFD.
        ("Pékin é è".encode() + " à".encode("cp1252"), "utf-8"),
        # More pasted than UTF-8: no encoding reads it all; UTF-8 with replacements loses
        # least, rather than the whole article.
        ("Pékin".encode() + " é è à ç".encode("cp1252"), "utf-8"),
    ],
)
def test_damaged_utf8_against_single_byte_encodings(raw: bytes, encoding: str) -> None:
    assert decode(raw).encoding == encoding


# --- row 13: the output folder inside SOURCE ------------------------------------------------


def test_a_file_name_with_escape_sequences_is_printed_harmless(
    fake_model: list, tmp_path: Path
) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "\x1b]0;pwned\x07\x1b[2J.txt").write_text("")  # empty: reported as skipped
    code, output = ingest(source, tmp_path / "out")
    assert code == 0
    assert "\x1b" not in output and "\x07" not in output
    assert "Skipped ␛]0;pwned␇␛[2J.txt: empty file" in output


def test_the_output_folder_inside_source_is_never_read(fake_model: list, tmp_path: Path) -> None:
    source = tmp_path / "data"
    source.mkdir()
    (source / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    out = source / "extracted"
    code, output = ingest(source, out)
    assert code == 0, output
    record_id = json.loads((out / "agreements.jsonl").read_text().splitlines()[0])["id"]
    assert runner.invoke(app, ["review", str(out), "--accept", record_id]).exit_code == 0
    for fmt in ("labelstudio", "csv", "sqlite"):
        exported = runner.invoke(app, ["export", str(out), "--format", fmt])
        assert exported.exit_code == 0, exported.output
    (out / "notes").mkdir()
    (out / "notes" / "à relire.json").write_text("{}")
    code, output = ingest(source, out)
    assert code == 0, output
    counts = manifest_of(out)["counts"]
    assert (counts["read"], counts["skipped"], counts["ignored"]) == (1, 0, 0)
    assert (out / "errors.jsonl").read_text() == ""


def test_the_output_folder_as_source_leaves_out_its_own_files(
    fake_model: list, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    code, output = ingest(folder, folder)
    assert code == 0, output
    record_id = json.loads((folder / "agreements.jsonl").read_text().splitlines()[0])["id"]
    assert runner.invoke(app, ["review", str(folder), "--accept", record_id]).exit_code == 0
    assert runner.invoke(app, ["export", str(folder), "--format", "labelstudio"]).exit_code == 0
    code, output = ingest(folder, folder)
    assert code == 0, output
    counts = manifest_of(folder)["counts"]
    assert (counts["read"], counts["skipped"], counts["ignored"]) == (1, 0, 0)


def test_the_folder_files_are_those_the_other_commands_write() -> None:
    from coopextract.exports import DEFAULT_NAMES, ExportFormat
    from coopextract.exports.csv_tables import ledger_paths, parties_path
    from coopextract.exports.labelstudio import config_path
    from coopextract.exports.parquet import ledger_path
    from coopextract.review.decisions import REVIEWS_FILE, TORN_FILE
    from coopextract.run.results import FOLDER_FILES

    beside = (
        parties_path(Path(DEFAULT_NAMES[ExportFormat.csv])),
        *ledger_paths(Path(DEFAULT_NAMES[ExportFormat.csv])),
        ledger_path(Path(DEFAULT_NAMES[ExportFormat.parquet])),
        config_path(Path(DEFAULT_NAMES[ExportFormat.labelstudio])),
    )
    written = {REVIEWS_FILE, TORN_FILE, *DEFAULT_NAMES.values(), *(p.name for p in beside)}
    assert written <= set(FOLDER_FILES)


def test_a_huge_limit_reads_the_file_and_allocates_nothing_more(tmp_path: Path) -> None:
    # `max_bytes=2**62` means "no limit" to callers such as the Label Studio export.
    from coopextract.reading.regular_files import read_limited

    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 3_000_000)
    assert read_limited(path, 2**62) == b"x" * 3_000_000
