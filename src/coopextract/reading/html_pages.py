"""Web pages: the article's main text, title and publication date out of saved HTML.

The text of an HTML article is the main text trafilatura extracts from the page, as plain
text (paragraphs on lines of their own; no navigation, comments, tables, links or images),
and every offset in its records refers to that extracted text, not to the HTML source: the
same page and library versions always give the same text. The publication date is the one
htmldate finds in the page's own metadata and markup (the original date, not a modification
date); the title is the page's title metadata (og:title, <title>, a single <h1>, ...).

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
    title = extract_metadata(tree, date_config=DATE_PARAMS).title
    return Page(text, title.strip() if title and title.strip() else None, published)
