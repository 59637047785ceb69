"""Web pages: the article's main text, title, publication date and source out of saved HTML.

The text of an HTML article is the main text trafilatura extracts from the page, as plain
text (paragraphs on lines of their own; no navigation, comments, tables, links or images),
and every offset in its records refers to that extracted text, not to the HTML source: the
same page and library versions always give the same text. The publication date is the one
htmldate finds in the page's own metadata and markup (the original date, not a modification
date); the title is the page's title metadata (og:title, <title>, a single <h1>, ...).
Where the page comes from is trafilatura's reading of its metadata too: the URL from og:url or
the canonical link (an absolute URL only: a saved page's relative link says nothing), the
outlet from og:site_name or the publisher of its JSON-LD, else the host of that URL, and the
author(s) from the author meta tags, article:author or JSON-LD, several joined by "; ".

Nothing is fetched: the page is parsed once with lxml and each library is given the tree, so
neither ever sees a string it could take for a URL to download.
"""

from __future__ import annotations

from typing import NamedTuple

from coopextract.models import DateValue

# htmldate without its extensive search: that one guesses from any date in the page text,
# which `coopextract.reading.published` does with the language's own rules.
DATE_PARAMS = {"outputformat": "%Y-%m-%d", "original_date": True, "extensive_search": False}


class Page(NamedTuple):
    text: str  # the extracted main text
    title: str | None  # None when the page has no title metadata
    published: DateValue | None
    url: str | None = None  # og:url or the canonical link, when absolute
    outlet: str | None = None  # og:site_name, the JSON-LD publisher, or the URL's host
    author: str | None = None  # the author metadata, several joined by "; "


def read_html(markup: str) -> Page:
    """The main text, title and date of a page; ValueError saying why it has no article."""
    # Imported here: trafilatura and htmldate take most of a second to import, which every
    # run (and every --workers process) would pay for folders without a single page.
    import trafilatura
    from htmldate import find_date
    from trafilatura.metadata import extract_metadata

    tree = trafilatura.load_html(markup)
    if tree is None:
        raise ValueError("not an HTML page (no document could be parsed)")
    text = trafilatura.extract(
        tree,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_links=False,
        include_images=False,
        deduplicate=False,
    )
    if not text or not text.strip():
        raise ValueError("no article text found in the page (trafilatura extracted nothing)")
    date = find_date(tree, **DATE_PARAMS)
    published = DateValue(value=date, precision="day") if date else None
    meta = extract_metadata(tree, date_config=DATE_PARAMS)
    url = _text(meta.url)
    return Page(
        text,
        _text(meta.title),
        published,
        url=url if url and url.lower().startswith(("http://", "https://")) else None,
        outlet=_text(meta.sitename),
        author=_text(meta.author),
    )


def _text(value: str | None) -> str | None:
    """Metadata on one line, without surrounding space; None when there is none."""
    return (" ".join(value.split()) or None) if value else None
