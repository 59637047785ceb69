"""Reading articles: paths, order, exact text, and every reason a file is skipped."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopextract.errors import InputError
from coopextract.models import DateValue
from coopextract.reading import articles
from coopextract.reading.articles import (
    Article,
    Skipped,
    article_files,
    iter_articles,
    read_article,
    scan,
)
from coopextract.reading.boilerplate import CONTROL_CHARS
from coopextract.reading.decoding import BINARY_CONTROL_MIN

_PREFIX = re.compile(r" date (\d{4}-\d{2}) ")


def fake_find_published(text: str, resolver: object = None) -> tuple[DateValue | None, int]:
    """Stand-in for coopextract.reading.published.find_published: only ` date YYYY-MM `."""
    match = _PREFIX.match(text)
    if not match:
        return None, 0
    return DateValue(value=match.group(1), precision="month"), match.end()


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles, "find_published", fake_find_published)


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_all(source: Path, **kwargs: int) -> list[Article | Skipped]:
    return list(iter_articles(source, **kwargs))


def test_folder_paths_are_relative_posix_and_sorted(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a b/ç é.txt", "Z.txt", "a/sub/deep.TXT"]:
        write(tmp_path / name, f"Titre de {name}\ncorps\n")
    paths = [item.path for item in read_all(tmp_path)]
    assert paths == ["Z.txt", "a b/ç é.txt", "a/sub/deep.TXT", "a/z.txt", "b.txt"]


def test_other_files_are_ignored_and_hidden_ones_left_out(tmp_path: Path) -> None:
    for name in ["kept.txt", "notes.md", "page.htm", "feed.jsonl", "one.json"]:
        write(tmp_path / name, "Titre\n")
    for name in ["image.png", "sources.tsv", "sub dir/café.pdf", "README"]:
        write(tmp_path / name, "Titre\n")
    write(tmp_path / ".hidden.txt", "Titre\n")
    write(tmp_path / ".ipynb_checkpoints" / "kept-checkpoint.txt", "Titre\n")
    write(tmp_path / ".git" / "notes.png", "Titre\n")
    found = scan(tmp_path)
    assert [shown for _, shown in found.articles] == [
        "feed.jsonl",
        "kept.txt",
        "notes.md",
        "one.json",
        "page.htm",
    ]
    assert found.ignored == ["README", "image.png", "sources.tsv", "sub dir/café.pdf"]
    assert article_files(tmp_path) == found.articles
    assert scan(tmp_path / "kept.txt").ignored == []


def test_single_file_path_is_its_name(tmp_path: Path) -> None:
    file = write(tmp_path / "dossier" / "article 1.txt", "Titre\ncorps")
    [item] = read_all(file)
    assert isinstance(item, Article)
    assert item.path == "article 1.txt"


def test_missing_source_is_input_error_at_call(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(InputError, match="does not exist") as info:
        iter_articles(missing)  # not only when iterated: before any model is loaded
    assert str(missing) in str(info.value)


def test_file_of_another_type_is_input_error(tmp_path: Path) -> None:
    file = write(tmp_path / "article.pdf", "%PDF-1.4")
    with pytest.raises(InputError, match=r"not an article file; pass a file ending in") as info:
        iter_articles(file)
    assert str(file) in str(info.value)


def test_text_is_exact_crlf_kept_and_sha256_of_bytes(tmp_path: Path) -> None:
    raw = b"  Titre avec espaces  \r\n\r\nPremier paragraphe.\r\nSecond.\r\n  "
    file = write(tmp_path / "crlf.txt", raw)
    [item] = read_all(file)
    assert isinstance(item, Article)
    assert item.text == raw.decode("utf-8")
    assert "\r\n" in item.text
    assert item.sha256 == hashlib.sha256(raw).hexdigest()
    assert item.title == "Titre avec espaces"
    assert (item.published, item.body_start, item.language) == (None, 0, "fr")


def test_title_is_first_non_empty_line_cut_to_300(tmp_path: Path) -> None:
    write(tmp_path / "long.txt", "\n   \n\t" + "x" * 500 + "\nsuite")
    [item] = read_all(tmp_path)
    assert isinstance(item, Article)
    assert item.title == "x" * 300


@pytest.mark.usefixtures("stand_in")
def test_title_comes_after_the_metadata_prefix(tmp_path: Path) -> None:
    text = " date 2021-03 Les agences spatiales annoncent un accord\nCorps."
    write(tmp_path / "meta.txt", text)
    [item] = read_all(tmp_path)
    assert isinstance(item, Article)
    assert item.text == text
    assert item.body_start == len(" date 2021-03 ")
    assert item.published == DateValue(value="2021-03", precision="month")
    assert item.title == "Les agences spatiales annoncent un accord"


@pytest.mark.usefixtures("stand_in")
def test_bom_stays_in_text_but_not_in_title(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf date 2021-03 Titre\nCorps"
    write(tmp_path / "bom.txt", raw)
    [item] = read_all(tmp_path)
    assert isinstance(item, Article)
    # Offsets refer to the plain UTF-8 decoding, as any reader of the file gets it.
    assert item.text == raw.decode("utf-8")
    assert item.text[0] == "\ufeff"
    assert item.body_start == 1 + len(" date 2021-03 ")
    assert item.published is not None
    assert item.title == "Titre"


def test_with_the_real_find_published(tmp_path: Path) -> None:
    write(tmp_path / "meta.txt", " date 2021-03-11 Titre de l'article\nCorps.")
    [item] = read_all(tmp_path)
    assert isinstance(item, Article)
    assert item.published == DateValue(value="2021-03-11", precision="day")
    assert item.title == "Titre de l'article"
    assert item.text[item.body_start :].startswith("Titre")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \r\n\t\n  ", "empty"),
        (b"\xef\xbb\xbf\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("\ufeff\n".encode("utf-16"), "empty"),
    ],
)
def test_unreadable_files_are_skipped_with_a_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    write(tmp_path / "bad.txt", data)
    [item] = read_all(tmp_path)
    assert isinstance(item, Skipped)
    assert item.path == "bad.txt"
    assert reason in item.reason


@pytest.mark.usefixtures("stand_in")
def test_metadata_only_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "meta.txt", " date 2021-03 \n\n")
    [item] = read_all(tmp_path)
    assert isinstance(item, Skipped)
    assert "no article text" in item.reason


def test_too_large_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "big.txt", "Titre\n" + "x" * 100)
    [item] = read_all(tmp_path, max_bytes=50)
    assert isinstance(item, Skipped)
    assert "too large (106 bytes, the limit is 50)" in item.reason
    assert "--max-size" in item.reason


def test_skipped_files_do_not_stop_the_run(tmp_path: Path) -> None:
    write(tmp_path / "1.txt", "Premier\n")
    write(tmp_path / "2.txt", b"\xff\xfe")
    write(tmp_path / "3.txt", "")
    write(tmp_path / "4.txt", "Dernier\n")
    kinds = [(type(item).__name__, item.path) for item in read_all(tmp_path)]
    assert kinds == [
        ("Article", "1.txt"),
        ("Skipped", "2.txt"),
        ("Skipped", "3.txt"),
        ("Article", "4.txt"),
    ]


def test_ref_is_the_records_article_part(tmp_path: Path) -> None:
    file = write(tmp_path / "a.txt", "Titre\nCorps")
    item = read_article(file, "a.txt")
    assert isinstance(item, Article)
    ref = item.ref()
    assert (ref.path, ref.sha256, ref.title, ref.language) == ("a.txt", item.sha256, "Titre", "fr")


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), min_size=1))
def test_any_text_comes_back_unchanged(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    file = tmp_path_factory.mktemp("prop") / "a.txt"
    file.write_bytes(text.encode("utf-8"))
    item = read_article(file, "a.txt")
    controls = len(CONTROL_CHARS.findall(text))
    if isinstance(item, Article):
        assert item.text == text
        assert item.body_start <= len(text)
    elif "binary file" in item.reason:
        # Mostly control characters: no text, whatever encoding it is read in.
        assert controls > BINARY_CONTROL_MIN or text.count("\x00") > BINARY_CONTROL_MIN
    else:
        assert not text.lstrip("\ufeff").strip() or "no article text" in item.reason


def test_text_in_windows_1252_is_read(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Caf\xe9 spatial\n".encode("cp1252"))
    [item] = read_all(tmp_path)
    assert isinstance(item, Article)
    assert (item.text, item.encoding) == ("Café spatial\n", "cp1252")
