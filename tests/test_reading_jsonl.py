"""Reading articles from JSON Lines and JSON files: one article per object, each named."""

from __future__ import annotations

import codecs
import hashlib
import json
from pathlib import Path

import pytest

from coopextract.models import DateValue
from coopextract.reading.articles import Article, Skipped, entry_sha256, iter_articles
from coopextract.reading.json_articles import Entry, parse_published

GOOD = {
    "id": "a17",
    "text": "Le CNES et l'ISRO ont signé un accord.\nUne coopération étroite.",
    "title": "Accord spatial",
    "published": "2021-03-09",
    "url": "https://example.org/a17",
    "language": "fr",
}


def write_lines(path: Path, *lines: str | dict) -> Path:
    text = "\n".join(json.dumps(x, ensure_ascii=False) if isinstance(x, dict) else x for x in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def read_all(source: Path, **kwargs: int) -> list[Article | Skipped]:
    return list(iter_articles(source, **kwargs))


def test_good_malformed_and_bad_date_lines(tmp_path: Path) -> None:
    write_lines(
        tmp_path / "feed.jsonl",
        GOOD,
        '{"text": "Un accord", "title": ',
        "",
        {"text": "La NASA et l'ESA ont signé.", "published": "09/03/2021"},
        {"text": "La NASA et la JAXA ont signé un accord.", "published": "2021-03"},
    )
    items = read_all(tmp_path)
    assert [(type(i).__name__, i.path, i.item) for i in items] == [
        ("Article", "feed.jsonl", "id:a17"),
        ("Skipped", "feed.jsonl", "line:2"),
        ("Skipped", "feed.jsonl", "line:4"),
        ("Article", "feed.jsonl", "line:5"),
    ]
    good, malformed, bad_date, last = items
    assert isinstance(good, Article) and isinstance(last, Article)
    assert good.text == GOOD["text"]
    assert good.title == "Accord spatial"
    assert good.published == DateValue(value="2021-03-09", precision="day")
    assert (good.url, good.language, good.body_start) == (GOOD["url"], "fr", 0)
    assert good.ref().item == "id:a17"
    assert malformed.reason.startswith("line 2: not valid JSON")
    assert bad_date.reason.startswith("line 4: 'published' is not a date: '09/03/2021'")
    assert last.published == DateValue(value="2021-03", precision="month")
    assert last.title == "La NASA et la JAXA ont signé un accord."  # the first line of text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021", DateValue(value="2021", precision="year")),
        ("2021-03", DateValue(value="2021-03", precision="month")),
        ("2021-03-09", DateValue(value="2021-03-09", precision="day")),
        ("2021-03-09T23:30:00Z", DateValue(value="2021-03-09", precision="day")),
        ("2021-03-09T23:30:00-05:00", DateValue(value="2021-03-09", precision="day")),
        ("2021-03-09 10:15", DateValue(value="2021-03-09", precision="day")),
        (None, None),
        ("", None),
    ],
)
def test_published_forms(value: str | None, expected: DateValue | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2021-13", "2021-02-30", "mars 2021", "21-03-09", 2021, []])
def test_bad_published_values(value: object) -> None:
    with pytest.raises(ValueError, match="'published'"):
        parse_published(value)


@pytest.mark.parametrize(
    ("obj", "reason"),
    [
        ({"title": "pas de texte", "text": None}, "'text' must be a string"),
        ({"text": "   \n"}, "empty 'text'"),
        ({"text": "Un texte", "title": 3}, "'title' must be a string"),
        ({"text": "Un texte", "language": ["fr"]}, "'language' must be a string"),
        ({"text": "Un texte", "id": {"a": 1}}, "'id' must be a string or a number"),
        ({"text": "Un texte", "outlet": ["Le Monde"]}, "'outlet' must be a string, not list"),
        ({"text": "Un texte", "author": {"name": "X"}}, "'author' must be a string or a list"),
        ({"text": "Un texte", "author": ["A", 2]}, "'author' must be a string or a list"),
        ([1, 2], "not a JSON object"),
    ],
)
def test_unusable_objects_are_skipped_with_the_line(
    tmp_path: Path, obj: object, reason: str
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(obj) + "\n", encoding="utf-8")
    good, bad = read_all(path)
    assert isinstance(good, Article)
    assert isinstance(bad, Skipped)
    assert bad.reason.startswith("line 2")
    assert reason in bad.reason


def test_a_file_of_something_else_is_skipped_once(tmp_path: Path) -> None:
    gold = {"doc": "a.txt", "agreements": []}
    write_lines(tmp_path / "gold.jsonl", gold, gold, gold)
    [item] = read_all(tmp_path)
    assert isinstance(item, Skipped)
    assert item.item is None
    assert "not a file of articles" in item.reason


def test_not_utf8_line_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [codecs.BOM_UTF8 + json.dumps(GOOD).encode(), b'{"text": "Caf\xe9"}', b"\r"]
    lines.append(json.dumps({"text": "Dernier"}).encode())
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    items = read_all(path)
    assert [(type(i).__name__, i.item) for i in items] == [
        ("Article", "id:a17"),
        ("Skipped", "line:2"),
        ("Article", "line:4"),
    ]
    assert "not UTF-8" in items[1].reason


def test_a_line_over_the_limit_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    big = {"text": "x" * 5000}
    write_lines(tmp_path / "feed.jsonl", big, GOOD)
    too_large, good = read_all(tmp_path, max_bytes=1000)
    assert isinstance(too_large, Skipped)
    assert too_large.item == "line:1"
    assert "too large (over 1,000 bytes)" in too_large.reason
    assert "--max-size" in too_large.reason
    assert isinstance(good, Article)


def test_thousands_of_lines_stream(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(3000):
            out.write(json.dumps({"text": f"Article {n}\nCorps."}) + "\n")
    items = iter_articles(path)
    first = next(items)
    assert isinstance(first, Article) and first.item == "line:1"
    assert sum(1 for _ in items) == 2999


def test_json_list_single_object_and_other_content(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text(
        json.dumps([GOOD, {"text": "Deuxième"}, "pas un objet"]), encoding="utf-8"
    )
    (tmp_path / "one.json").write_text(json.dumps({"text": "Seul"}), encoding="utf-8")
    (tmp_path / "number.json").write_text("3", encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"text": ', encoding="utf-8")
    items = read_all(tmp_path)
    assert [(type(i).__name__, i.path, i.item) for i in items] == [
        ("Skipped", "broken.json", None),
        ("Article", "list.json", "id:a17"),
        ("Article", "list.json", "index:1"),
        ("Skipped", "list.json", "index:2"),
        ("Skipped", "number.json", None),
        ("Article", "one.json", None),
    ]
    assert "not valid JSON" in items[0].reason
    assert items[3].reason.startswith("item 2: not a JSON object")


def test_json_file_in_utf16_with_bom(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-16")
    [item] = read_all(tmp_path)
    assert isinstance(item, Article)
    assert item.text == GOOD["text"]


def test_language_is_kept(tmp_path: Path) -> None:
    write_lines(tmp_path / "a.jsonl", {"text": "ESA and JAXA signed.", "language": "en"})
    [item] = read_all(tmp_path)
    assert isinstance(item, Article)
    assert item.language == "en"
    assert item.ref().language == "en"


def test_source_url_outlet_and_author(tmp_path: Path) -> None:
    write_lines(
        tmp_path / "feed.jsonl",
        {**GOOD, "outlet": " Le Journal ", "author": ["Marie Dupont", "", "Jean Martin"]},
        # NewsAPI's shape: the outlet is the source's name
        {"text": "Un accord.", "source": {"id": None, "name": "Spatial Hebdo"}, "author": "A. B"},
        {"text": "Un accord.", "source": "AFP", "outlet": "Le Monde"},  # outlet first
        {"text": "Un accord.", "source": {"feed": "rss"}, "url": "  "},  # not an outlet
        {"text": "Un accord.", "source": 3, "author": []},
    )
    items = read_all(tmp_path)
    assert all(isinstance(i, Article) for i in items)
    assert [(i.url, i.outlet, i.author) for i in items] == [
        ("https://example.org/a17", "Le Journal", "Marie Dupont; Jean Martin"),
        (None, "Spatial Hebdo", "A. B"),
        (None, "Le Monde", None),
        (None, None, None),
        (None, None, None),
    ]
    ref = items[0].ref()
    assert (ref.url, ref.outlet, ref.author) == (
        "https://example.org/a17",
        "Le Journal",
        "Marie Dupont; Jean Martin",
    )


def test_source_metadata_is_one_line_of_text(tmp_path: Path) -> None:
    write_lines(
        tmp_path / "feed.jsonl",
        {"text": "Un accord.", "outlet": "Le\nJournal\x1b[31m", "author": "Marie\tDupont"},
    )
    (article,) = read_all(tmp_path)
    assert isinstance(article, Article)
    assert article.outlet == "Le Journal [31m"
    assert article.author == "Marie Dupont"


def test_sha256_is_of_text_title_and_date_only(tmp_path: Path) -> None:
    other = {**GOOD, "id": "b2", "url": "https://example.org/b2", "extra": 1}
    write_lines(tmp_path / "a.jsonl", GOOD, other, {**GOOD, "title": "Autre titre"})
    first, same, retitled = read_all(tmp_path)
    assert isinstance(first, Article) and isinstance(same, Article)
    assert isinstance(retitled, Article)
    assert first.sha256 == same.sha256 != retitled.sha256
    identity = {"published": "2021-03-09", "text": GOOD["text"], "title": "Accord spatial"}
    canonical = json.dumps(identity, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert first.sha256 == hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    entry = Entry("x", GOOD["text"], "Accord spatial", first.published, None, None)
    assert entry_sha256(entry) == first.sha256


@pytest.mark.model
def test_records_of_a_jsonl_article_name_their_item(extractor, tmp_path: Path) -> None:
    text = (
        "Accord spatial\n\nLe CNES et l'ISRO ont signé mardi un accord de coopération "
        "pour le vol habité."
    )
    write_lines(tmp_path / "a.jsonl", {"text": "Rien ici."}, {"id": 7, "text": text})
    articles = [i for i in read_all(tmp_path) if isinstance(i, Article)]
    records = [r for _, found in extractor.extract_many(articles) for r in found]
    assert records
    for record in records:
        assert (record.article.path, record.article.item) == ("a.jsonl", "id:7")
        for evidence in record.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
