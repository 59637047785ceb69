"""Reading text files in every common encoding: same text, offsets into what was decoded."""

from __future__ import annotations

import codecs
import os
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopextract.reading.articles import Article, Skipped, iter_articles, read_article
from coopextract.reading.decoding import decode
from tests.conftest import PROJECT

RAW = PROJECT / "data" / "raw"
SEEDS = sorted(RAW.glob("*.txt"))
SEED = RAW / "000_d1d8bed0e0f75784.txt"  # cookie banner, quotes, ’ and accents

# name: (how to turn the text into the file's bytes, the encoding the reader should report)
VARIANTS = {
    "utf-8": (lambda t: t.encode("utf-8"), "utf-8"),
    "utf-8 BOM": (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8"),
    "utf-8 CRLF": (lambda t: crlf(t).encode("utf-8"), "utf-8"),
    "cp1252": (lambda t: t.encode("cp1252"), "cp1252"),
    "cp1252 CRLF": (lambda t: crlf(t).encode("cp1252"), "cp1252"),
    "utf-16-le BOM": (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be BOM CRLF": (
        lambda t: codecs.BOM_UTF16_BE + crlf(t).encode("utf-16-be"),
        "utf-16-be",
    ),
    "utf-16-le bare": (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be bare": (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    "utf-32 BOM": (lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"), "utf-32-le"),
}


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def plain(text: str) -> str:
    """The text content: no BOM, LF line ends."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def read(path: Path) -> Article:
    item = read_article(path, path.name)
    assert isinstance(item, Article), item
    return item


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_articles_round_trip_in_every_encoding(
    tmp_path: Path, seed: Path, variant: str
) -> None:
    original = seed.read_text(encoding="utf-8")
    to_bytes, encoding = VARIANTS[variant]
    raw = to_bytes(original)
    path = tmp_path / seed.name
    path.write_bytes(raw)
    item = read(path)
    assert plain(item.text) == original
    assert item.encoding == encoding
    # A byte order mark stays as U+FEFF at offset 0, whatever the encoding.
    assert item.text.startswith("\ufeff") == ("BOM" in variant)
    # The text is exactly what a strict decoding of the file with that encoding gives.
    assert raw.decode(encoding) == item.text
    assert ("\r\n" in item.text) == ("CRLF" in variant)
    assert item.title == read(seed).title


def test_latin_1(tmp_path: Path) -> None:
    text = "Le CNES et l'ISRO signent un accord à Bangalore.\nUne coopération étroite.\n"
    (tmp_path / "a.txt").write_bytes(text.encode("latin-1"))
    item = read(tmp_path / "a.txt")
    assert item.text == text
    # Latin-1 and Windows-1252 agree on every letter here: either reading is the text.
    assert item.encoding in ("cp1252", "iso8859-1", "iso8859-15")


def test_markdown_is_read_as_text_and_its_heading_is_the_title(tmp_path: Path) -> None:
    text = "# Accord spatial franco-indien\n\nLe CNES et l'ISRO ont signé un accord.\n"
    (tmp_path / "a.md").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    [item] = iter_articles(tmp_path)
    assert isinstance(item, Article)
    assert item.text == "\ufeff" + text
    assert item.title == "Accord spatial franco-indien"


def test_stray_nul_and_control_bytes_do_not_stop_the_article(tmp_path: Path) -> None:
    original = SEED.read_text(encoding="utf-8")
    damaged = original[:200] + "\x00" + original[200:900] + "\x07\x1b\x00" + original[900:]
    (tmp_path / "utf8.txt").write_bytes(damaged.encode("utf-8"))
    (tmp_path / "cp1252.txt").write_bytes(damaged.encode("cp1252"))
    for item in iter_articles(tmp_path):
        assert isinstance(item, Article), item
        assert item.text == damaged


def test_a_nul_in_a_short_file_is_still_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Titre\x00\ncorps")
    assert read(tmp_path / "a.txt").text == "Titre\x00\ncorps"


def _pdf() -> bytes:
    stream = zlib.compress(os.urandom(3000))
    return b"%PDF-1.4\n1 0 obj\n<< /Length 3000 /Filter /FlateDecode >>\nstream\n" + stream


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000),
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + zlib.compress(os.urandom(4000)),
        _pdf(),
        b"\x00" * 500,
        b"GIF89a" + bytes(range(256)) * 8,
        b"Titre\x00\x01\x02\x03\x04\x05\x06" * 20,
    ],
    ids=["png", "zip", "pdf", "nuls", "gif", "controls"],
)
def test_binary_files_are_skipped_with_a_reason(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "image.txt").write_bytes(data)
    [item] = iter_articles(tmp_path)
    assert isinstance(item, Skipped)
    assert "binary file" in item.reason


def test_a_bom_that_lies_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(codecs.BOM_UTF8 + "Caf\xe9".encode("latin-1"))
    [item] = iter_articles(tmp_path)
    assert isinstance(item, Skipped)
    assert "UTF-8 byte order mark but is not UTF-8" in item.reason


def test_short_french_text_is_not_read_as_a_baltic_or_asian_code_page() -> None:
    for text in ["Café spatial à Pékin\n", "L’accord signé\n", "Le cœur de l’été, 5 €\n"]:
        decoded = decode(text.encode("cp1252"))
        assert decoded.text == text
        assert decoded.encoding == "cp1252"


@settings(max_examples=60, deadline=None)
@given(
    st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1),
    st.sampled_from(["utf-8-sig", "utf-16", "utf-32"]),
)
def test_any_text_with_a_bom_comes_back_with_it(text: str, codec: str) -> None:
    decoded = decode(text.encode(codec))
    assert decoded.text == "\ufeff" + text


@pytest.mark.model
@pytest.mark.parametrize("variant", ["cp1252", "utf-16-le BOM", "utf-8 BOM", "utf-8 CRLF"])
def test_same_records_in_every_encoding(extractor, tmp_path: Path, variant: str) -> None:
    original = read(SEED)
    to_bytes, _ = VARIANTS[variant]
    path = tmp_path / SEED.name
    path.write_bytes(to_bytes(original.text))
    article = read(path)
    assert article.sha256 != original.sha256  # other bytes, another file

    def facts(item: Article) -> list[tuple]:
        return sorted(
            (
                tuple(p.name for p in r.parties),
                r.instrument,
                r.status,
                r.date.value if r.date else None,
                tuple(e.text.replace("\r", "") for e in r.evidence),
            )
            for r in extractor.extract(item)
        )

    expected = facts(original)
    assert expected
    assert facts(article) == expected
    for record in extractor.extract(article):
        for evidence in record.evidence:
            assert article.text[evidence.start : evidence.end] == evidence.text
