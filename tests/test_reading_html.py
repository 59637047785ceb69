"""Reading web pages: the main text (offsets refer to it), the title and the date; offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopextract.models import DateValue
from coopextract.reading.articles import Article, Skipped, iter_articles

BODY = [
    "Le Centre national d'études spatiales (CNES) et l'Organisation indienne de recherche "
    "spatiale (ISRO) ont signé mardi à Bangalore un accord de coopération pour le vol habité, "
    "a annoncé le CNES dans un communiqué.",
    "Aux termes de cet accord, la France formera des médecins de vol indiens et fournira des "
    "équipements pour la mission Gaganyaan, prévue en 2023.",
    "Les deux agences coopèrent depuis plus de cinquante ans, notamment sur les satellites "
    "d'observation de la Terre Megha-Tropiques et SARAL.",
]
NOISE = [
    "Accueil",
    "Rubrique Monde",
    "Ce site utilise des cookies",
    "Mentions légales",
    "Copyright © 2021 Le Journal",
    "Recevez notre lettre quotidienne",
]


META_DATE = '<meta property="article:published_time" content="2021-03-09T10:15:00+01:00">'


def page(meta_date: str = META_DATE, body: list[str] = BODY) -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>La France et l'Inde signent un accord spatial | Le Journal</title>
<meta property="og:title" content="La France et l'Inde signent un accord spatial">
{meta_date}
</head>
<body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Rubrique Monde</a></li></ul></nav>
<div class="banner"><p>Ce site utilise des cookies</p><button>OK</button></div>
<main><article>
<h1>La France et l'Inde signent un accord spatial</h1>
{paragraphs}
</article></main>
<aside><h3>Recevez notre lettre quotidienne</h3><form><input type="email"></form></aside>
<footer><p>Copyright © 2021 Le Journal</p><p><a href="/mentions">Mentions légales</a></p>
</footer>
</body>
</html>
"""


def read_page(tmp_path: Path, markup: str | bytes, name: str = "page.html") -> Article | Skipped:
    path = tmp_path / name
    path.write_bytes(markup.encode("utf-8") if isinstance(markup, str) else markup)
    [item] = iter_articles(path)
    return item


def test_main_text_title_and_date(tmp_path: Path) -> None:
    item = read_page(tmp_path, page())
    assert isinstance(item, Article)
    for paragraph in BODY:
        assert paragraph in item.text
    for noise in NOISE:
        assert noise not in item.text
    assert item.title == "La France et l'Inde signent un accord spatial"
    assert item.published == DateValue(value="2021-03-09", precision="day")
    assert item.path == "page.html"
    assert item.item is None
    # Paragraphs stay on lines of their own: the sentence splitter reads line breaks.
    assert "\n" + BODY[1] in item.text


def test_source_from_the_pages_metadata(tmp_path: Path) -> None:
    source = (
        '<link rel="canonical" href="https://www.lejournal.example/monde/accord-inde.html">\n'
        '<meta property="og:site_name" content="Le Journal">\n'
        '<meta name="author" content="Claire Bernard">\n'
    )
    item = read_page(tmp_path, page(META_DATE + "\n" + source))
    assert isinstance(item, Article)
    assert (item.url, item.outlet, item.author) == (
        "https://www.lejournal.example/monde/accord-inde.html",
        "Le Journal",
        "Claire Bernard",
    )
    ref = item.ref()
    assert (ref.url, ref.outlet, ref.author) == (item.url, item.outlet, item.author)


def test_source_from_open_graph_and_json_ld(tmp_path: Path) -> None:
    # og:url without a site name: the outlet is the URL's host.
    og = (
        '<meta property="og:url" content="https://actu.example.org/espace/inde">\n'
        '<meta property="article:author" content="Jean Martin">\n'
    )
    item = read_page(tmp_path, page(META_DATE + "\n" + og), "og.html")
    assert isinstance(item, Article)
    assert (item.url, item.outlet, item.author) == (
        "https://actu.example.org/espace/inde",
        "actu.example.org",
        "Jean Martin",
    )
    # schema.org's JSON-LD: the publisher and every author.
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        '"NewsArticle", "author": [{"@type": "Person", "name": "Anne Petit"}, {"@type": '
        '"Person", "name": "Paul Roux"}], "publisher": {"@type": "Organization", "name": '
        '"Spatial Hebdo"}}</script>'
    )
    item = read_page(tmp_path, page(META_DATE + "\n" + ld), "ld.html")
    assert isinstance(item, Article)
    assert (item.url, item.outlet, item.author) == (None, "Spatial Hebdo", "Anne Petit; Paul Roux")


def test_no_source_without_metadata_nor_from_a_relative_link(tmp_path: Path) -> None:
    item = read_page(tmp_path, page(META_DATE + '\n<link rel="canonical" href="/monde/a.html">'))
    assert isinstance(item, Article)
    assert (item.url, item.outlet, item.author) == (None, None, None)
    script = '<meta property="og:url" content="javascript:alert(1)">'
    item = read_page(tmp_path, page(META_DATE + "\n" + script), "script.html")
    assert isinstance(item, Article) and item.url is None


def test_htm_and_any_case_suffix_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.HTM").write_text(page(), encoding="utf-8")
    (tmp_path / "b.htm").write_text(page(), encoding="utf-8")
    assert [i.path for i in iter_articles(tmp_path) if isinstance(i, Article)] == [
        "a.HTM",
        "b.htm",
    ]


def test_date_from_the_text_when_the_page_has_none(tmp_path: Path) -> None:
    body = ["Publié le 05/09/2018", *BODY]
    item = read_page(tmp_path, page(meta_date="", body=body))
    assert isinstance(item, Article)
    assert item.published == DateValue(value="2018-09-05", precision="day")


def test_page_in_windows_1252(tmp_path: Path) -> None:
    markup = page().replace('charset="utf-8"', 'charset="windows-1252"')
    item = read_page(tmp_path, markup.encode("cp1252"))
    assert isinstance(item, Article)
    assert BODY[0] in item.text
    assert item.encoding == "cp1252"


def test_page_without_article_text_is_skipped(tmp_path: Path) -> None:
    item = read_page(tmp_path, "<html><head><title>Vide</title></head><body></body></html>")
    assert isinstance(item, Skipped)
    assert "no article text" in item.reason


def test_nothing_is_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a URL was fetched")

    import htmldate.utils
    import trafilatura.downloads

    monkeypatch.setattr(htmldate.utils, "fetch_url", no_network)
    monkeypatch.setattr(trafilatura.downloads, "fetch_url", no_network)
    # A file that holds only a URL: htmldate downloads a string like this one if given it.
    url = "https://example.org/2021/03/09/accord-spatial.html"
    item = read_page(tmp_path, url)
    assert isinstance(item, Article)
    assert item.text == url
    canonical = f'<head><link rel="canonical" href="{url}">'
    item = read_page(tmp_path, page().replace("<head>", canonical))
    assert isinstance(item, Article)


@pytest.mark.model
def test_agreement_from_a_page_with_offsets_in_the_extracted_text(
    extractor, tmp_path: Path
) -> None:
    item = read_page(tmp_path, page())
    assert isinstance(item, Article)
    [record] = extractor.extract(item)
    assert {p.name for p in record.parties} == {"CNES", "ISRO"}
    assert record.instrument == "agreement"
    assert record.status == "signed"
    assert record.article.published == DateValue(value="2021-03-09", precision="day")
    for evidence in record.evidence:
        assert item.text[evidence.start : evidence.end] == evidence.text
