"""The review report: one self-contained HTML page of agreements, their evidence marked.

The page works offline and from a file: no CDN, no fonts, no request of any kind (its
Content-Security-Policy forbids them), only inline CSS and a little inline JavaScript. Each
evidence sentence is drawn by spaCy's displaCy in manual mode from the marks stored in the
record (offsets made relative to the sentence), so no model is loaded. Everything that comes
from an article (evidence, titles, mentions, paths) is untrusted and escaped: displaCy
escapes the sentences, `html.escape` the rest.

Each agreement is a `<section class="agreement">` carrying `data-status`, `data-year` (of its
date; empty when it has none), `data-date`, `data-confidence`, `data-parties` and
`data-countries` (JSON lists), `data-party-key` (its parties' names, lower case, what the
party order compares), `data-order` (its place as listed) and `data-decision` (`accepted`,
`rejected` or `pending`). Select boxes filter them by party or country, status, year and
decision, a search box by the words of their text (accents and case ignored), a slider by
a least confidence; the sections are hidden with the `hidden` attribute. A select box
orders them (as listed, by date, confidence or party) and a check box shows them as a
compact list, a line or two each. All of it is read from the page's query string on load
(`report.html?status=signed&party=RU&year=2021&q=lune&min=0.8&sort=confidence&view=compact`)
and written back to it, so that a view can be bookmarked or shared.

Each agreement has two buttons that copy the command deciding on it,
`coopextract review DIR --accept ID` (or `--reject`), to the clipboard (its text is in the
button's `data-command`); the page's `#copied` line then shows what was copied.

Links to articles are relative to the report's folder (a `file:` URI if there is no relative
path, as between two Windows drives), so the page and the articles can be moved together. An
article of a JSON file links to the whole file, and the page says which item of it. An article
whose source gave its URL links there too, by its outlet's name, opening a new tab; only an
`http:` or `https:` URL is a link (a `javascript:` one from a page's metadata would run).
"""

from __future__ import annotations

import json
import os
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote, urlsplit

from coopextract.ledger.entry import LedgerEntry
from coopextract.models import Agreement, ArticleRef, Evidence
from coopextract.review import fields
from coopextract.review.decisions import Decision, orphan_ids, verdicts
from coopextract.review.folder import ReviewedFolder
from coopextract.review.ledger_listing import ledger_if_any
from coopextract.review.ledger_report import LEDGER_STYLE, render_ledger
from coopextract.run.results import RECORDS_FILE, ingested_source, refuse_owned
from coopextract.writing import write_atomic

FIELDS = ("parties", "instrument", "status", "date", "period", "scope", "subjects", "space")
VERDICTS = ("accept", "reject")  # a copy button each


@dataclass(frozen=True)
class Written:
    """What `write_report` wrote."""

    path: Path
    agreements: int
    missing_articles: int  # records whose article file was not found: no link
    source: Path | None


def write_report(
    path: Path,
    records: list[Agreement],
    decisions: list[Decision],
    *,
    originals: dict[str, Agreement] | None = None,
    orphans: Iterable[Decision] = (),
    source: Path | None = None,
    title: str = "",
    ledger: list[LedgerEntry] | None = None,
    folder: Path | None = None,
) -> Written:
    """Write the report of `records` (as corrected) to `path`, replacing it atomically.

    `originals` are the records as extracted, by id, to show what a correction changed (and
    to link the ledger's reports of records not listed); `source` is where the articles are
    (the SOURCE of the ingest run), for the links; `ledger` the entries of the ledger view,
    none without it; `folder` the results folder, as the copied commands name it (no copy
    buttons without it). Raises OutputError when the file cannot be written,
    OwnedFileError when its name is one of an output folder's own files.
    """
    refuse_owned(path)
    listed = {r.id for r in records}
    reported = [
        originals[rid]
        for entry in ledger or ()
        for rid in entry.records
        if rid not in listed and originals and rid in originals
    ]
    links = article_links([*records, *reported], source, path.parent)
    page = render_report(
        records,
        decisions,
        originals=originals,
        orphans=orphans,
        links=links,
        title=title,
        ledger=ledger,
        folder=folder,
    )
    write_atomic(path, page.encode("utf-8"))
    missing = sum(1 for r in records if links.get(r.id) is None)
    return Written(path, len(records), missing, source)


def report_folder(
    path: Path, opened: ReviewedFolder, records: list[Agreement], source: Path | None = None
) -> Written:
    """Write the report of `records`, chosen among those of an opened folder, to `path`:
    with the folder's decisions and orphans, links to the articles under `source`
    (default: the SOURCE of the folder's last ingest run), and the ledger view of the
    entries that report any of `records`, when the folder has a ledger.jsonl."""
    ledger = ledger_if_any(opened.folder)
    if ledger is not None:
        listed = {r.id for r in records}
        ledger = [e for e in ledger if listed.intersection(e.records)]
    return write_report(
        path,
        records,
        opened.decisions,
        originals={r.id: r for r in opened.extracted},
        orphans=opened.orphans,
        source=source if source is not None else ingested_source(opened.folder),
        title=str(opened.folder / RECORDS_FILE),
        ledger=ledger,
        folder=opened.folder,
    )


def article_file(record: Agreement, source: Path | None) -> Path | None:
    """The file the record's article was read from, under SOURCE; None if it is not there.

    For an article of a JSON file this is the whole file; `record.article.item` says which
    object of it.
    """
    if source is None:
        return None
    # A single-file SOURCE reports its articles by file name.
    base = source.parent if source.is_file() else source
    path = base / record.article.path
    return path if path.is_file() else None


def article_links(
    records: Iterable[Agreement], source: Path | None, base: Path
) -> dict[str, str | None]:
    """Each record's link to its article file, relative to folder `base`; None if not found."""
    links: dict[str, str | None] = {}
    base = base.resolve()
    for record in records:
        found = article_file(record, source)
        if found is None:
            links[record.id] = None
            continue
        found = found.resolve()
        try:
            links[record.id] = quote(Path(os.path.relpath(found, base)).as_posix())
        except ValueError:  # no relative path between two Windows drives
            links[record.id] = found.as_uri()
    return links


def render_report(
    records: list[Agreement],
    decisions: list[Decision],
    *,
    originals: dict[str, Agreement] | None = None,
    orphans: Iterable[Decision] = (),
    links: dict[str, str | None] | None = None,
    title: str = "",
    ledger: list[LedgerEntry] | None = None,
    folder: Path | None = None,
) -> str:
    """The report page as a string; the same arguments always give the same page. With
    `ledger`, a ledger view of its entries comes before the agreements; with `folder`, each
    agreement has buttons copying the commands that accept or reject it there."""
    originals = originals or {}
    links = links or {}
    verdict = verdicts(decisions)
    sections = [
        _agreement(
            r,
            originals.get(r.id, r),
            decisions,
            verdict.get(r.id),
            links.get(r.id),
            order,
            _commands(folder, r.id),
        )
        for order, r in enumerate(records)
    ]
    heading = f"{len(records)} agreement{'' if len(records) == 1 else 's'}"
    return _PAGE.format(
        title=escape(f"coopextract review — {heading}"),
        heading=escape(heading),
        origin=escape(title),
        total=len(records),
        filters=_filters(records),
        controls=_CONTROLS,
        legend=_legend(),
        ledger=_ledger(ledger, links, records, decisions),
        agreements="\n".join(sections),
        orphans=_orphans(list(orphans)),
        style=_STYLE + LEDGER_STYLE,
        script=_SCRIPT,
    )


def _ledger(
    ledger: list[LedgerEntry] | None,
    links: dict[str, str | None],
    records: list[Agreement],
    decisions: list[Decision],
) -> str:
    if ledger is None:
        return ""
    return render_ledger(
        ledger,
        links=links,
        shown={r.id for r in records},
        decisions=decisions,
        records=sum(len(e.records) for e in ledger),
    )


def _attr(value: object) -> str:
    return escape(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def review_command(folder: Path, verdict: str, record_id: str) -> str:
    """The command that records a verdict (`accept`, `reject`) on a record of `folder`, as
    a POSIX shell reads it."""
    return shlex.join(["coopextract", "review", str(folder), f"--{verdict}", record_id])


def _commands(folder: Path | None, record_id: str) -> dict[str, str]:
    if folder is None:
        return {}
    return {verdict: review_command(folder, verdict, record_id) for verdict in VERDICTS}


def _buttons(commands: dict[str, str]) -> str:
    return "".join(
        f'<button type="button" class="copy {verdict}" data-command="{_attr(command)}" '
        f'title="Copy: {_attr(command)}">copy {verdict}</button>'
        for verdict, command in commands.items()
    )


def _agreement(
    record: Agreement,
    original: Agreement,
    decisions: list[Decision],
    verdict: str | None,
    link: str | None,
    order: int = 0,
    commands: dict[str, str] | None = None,
) -> str:
    year = record.date.value[:4] if record.date else ""
    date = record.date.value if record.date else ""
    countries = sorted({p.country for p in record.parties if p.country})
    parties = [p.name for p in record.parties]
    mine = fields.concerning(record.id, decisions)
    decision = verdict or "pending"

    article = escape(fields.article_label(record))
    if link is not None:
        article = f'<a href="{escape(link)}">{escape(record.article.path)}</a>'
        if record.article.item is not None:
            article += f' <span class="item">item {escape(record.article.item)}</span>'
    published = (
        f" · published {escape(record.article.published.value)}" if record.article.published else ""
    )

    rows = []
    for name in (*FIELDS, "confidence", "rules"):
        value = escape(fields.format_field(record, name))
        if getattr(record, name) != getattr(original, name):
            value += (
                f' <span class="was">corrected; extracted: '
                f"{escape(fields.format_field(original, name))}</span>"
            )
        rows.append(f"<dt>{escape(name)}</dt><dd>{value}</dd>")

    evidence = "\n".join(_evidence(number, e) for number, e in enumerate(record.evidence, 1))
    listed = "".join(
        f"<li>decision {d.seq}: {escape(fields.describe(d, record.id))}</li>" for d in mine
    )
    summary = fields.decision_summary(record.id, decisions)
    party_key = "; ".join(name.casefold() for name in parties)
    meta = f"{date or 'no date'} · confidence {record.confidence:.2f}"
    return f"""<section class="agreement {decision}" id="{_attr(record.id)}" \
data-id="{_attr(record.id)}" data-status="{_attr(record.status)}" data-year="{_attr(year)}" \
data-date="{_attr(date)}" data-confidence="{record.confidence}" data-order="{order}" \
data-parties="{_attr(parties)}" data-countries="{_attr(countries)}" \
data-party-key="{_attr(party_key)}" data-decision="{_attr(decision)}">
<header>
<h2><span class="badge status-{_attr(record.status)}">{escape(record.status)}</span> \
{escape(record.instrument.replace("_", " "))} · {escape(" – ".join(parties))} \
<span class="meta">{escape(meta)}</span></h2>
<span class="decision">{escape(summary or "not reviewed")}</span>
<span class="buttons">{_buttons(commands or {})}</span>
</header>
<p class="article">{article} — {escape(record.article.title)}{published}\
{_source(record.article)} <code class="id">{escape(record.id)}</code></p>
<dl class="fields">{"".join(rows)}</dl>
{evidence}
{f'<ul class="decisions">{listed}</ul>' if listed else ""}
</section>"""


def _source(article: ArticleRef) -> str:
    """ " · <a href=URL>Outlet</a>, by Author": who published the article, linked to where."""
    parts = []
    url = article.url or ""
    if url.lower().startswith(("http://", "https://")):
        name = article.outlet or _host(url) or url
        parts.append(
            f'<a class="source" href="{escape(url)}" target="_blank" '
            f'rel="noopener noreferrer">{escape(name)}</a>'
        )
    elif article.outlet:
        parts.append(escape(article.outlet))
    if article.author:
        parts.append(f"by {escape(article.author)}")
    return " · " + ", ".join(parts) if parts else ""


def _host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:  # "http://[not an address": a link all the same, named by its URL
        return None


def _evidence(number: int, evidence: Evidence) -> str:
    from spacy import displacy

    ents, hidden = _ents(evidence)
    drawn = displacy.render(
        [{"text": evidence.text, "ents": ents, "title": None}],
        style="ent",
        manual=True,
        page=False,
        options={"colors": {label.upper(): color for label, color in fields.MARK_COLORS.items()}},
    )
    extra = ""
    if hidden:
        # displaCy draws spans one after the other: an overlapping mark is listed instead.
        extra = (
            '<p class="overlaps">also marked: '
            + ", ".join(f"{escape(label)} «{escape(text)}»" for label, text in hidden)
            + "</p>"
        )
    return (
        f'<div class="evidence"><h3>Evidence {number} '
        f"<small>characters {evidence.start}–{evidence.end}</small></h3>{drawn}{extra}</div>"
    )


def _ents(evidence: Evidence) -> tuple[list[dict[str, object]], list[tuple[str, str]]]:
    """displaCy's spans from the marks: relative to the sentence, in order, none
    overlapping (the longer of two overlapping marks is drawn); and the marks left out."""
    spans = []
    hidden = []
    length = len(evidence.text)
    ordered = sorted(evidence.marks, key=lambda m: (m.start, -(m.end - m.start), m.label))
    end = 0
    for mark in ordered:
        start, stop = mark.start - evidence.start, mark.end - evidence.start
        if not (0 <= start < stop <= length) or start < end:
            hidden.append((mark.label, mark.text))
            continue
        spans.append({"start": start, "end": stop, "label": mark.label})
        end = stop
    return spans, hidden


def _options(values: Iterable[tuple[str, str]]) -> str:
    return "".join(f'<option value="{_attr(v)}">{escape(text)}</option>' for v, text in values)


def _filters(records: list[Agreement]) -> str:
    names: dict[str, str | None] = {}
    for record in records:
        for party in record.parties:
            names.setdefault(party.name, party.country)
    countries = sorted({c for c in names.values() if c})
    years = sorted({r.date.value[:4] for r in records if r.date})
    statuses = sorted({r.status for r in records})
    party = (
        '<option value="">any</option><optgroup label="Parties">'
        + _options((n, f"{n} ({c})" if c else n) for n, c in sorted(names.items()))
        + '</optgroup><optgroup label="Countries">'
        + _options((c, c) for c in countries)
        + "</optgroup>"
    )
    year = (
        '<option value="">any</option>'
        + _options((y, y) for y in years)
        + '<option value="none">no date</option>'
    )
    status = '<option value="">any</option>' + _options((s, s) for s in statuses)
    decision = '<option value="">any</option>' + _options(
        (("pending", "not reviewed"), ("accepted", "accepted"), ("rejected", "rejected"))
    )
    return "\n".join(
        f'<label>{label} <select id="filter-{name}" name="{name}">{options}</select></label>'
        for name, label, options in (
            ("party", "Party", party),
            ("status", "Status", status),
            ("year", "Year", year),
            ("decision", "Decision", decision),
        )
    )


def _legend() -> str:
    return " ".join(
        f'<span class="mark" style="background: {color}">{escape(label)}</span>'
        for label, color in fields.MARK_COLORS.items()
    )


def _orphans(orphans: list[Decision]) -> str:
    if not orphans:
        return ""
    items = "".join(
        f"<li><code>{escape(d.id)}</code> decision {d.seq}: {escape(fields.describe(d))}</li>"
        for d in orphans
    )
    count = len(orphan_ids(orphans))
    return (
        f'<section class="orphans"><h2>Decisions on {count} agreement'
        f"{'' if count == 1 else 's'} no longer in agreements.jsonl</h2>"
        "<p>Their evidence sentence was edited or their article pruned; the decisions are kept "
        "in reviews.jsonl (<code>coopextract review DIR --orphans</code> lists them)."
        f"</p><ul>{items}</ul></section>"
    )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header class="top">
<h1>{heading}</h1>
<p class="origin">{origin}</p>
<form id="filters" onsubmit="return false">
{filters}
{controls}
<button type="button" id="filter-reset">Show all</button>
<span class="count"><span id="shown">{total}</span> of {total} shown</span>
</form>
<p class="legend">Marks: {legend} <span id="copied" class="copied" role="status" \
aria-live="polite"></span></p>
</header>
<main>
{ledger}
<p id="none-shown" class="none" hidden>No agreement matches these filters.</p>
<div id="agreements">
{agreements}
</div>
{orphans}
</main>
<script>{script}</script>
</body>
</html>
"""

_STYLE = """
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  margin: 0; background: #f4f5f7; color: #1d1f23; }
[hidden] { display: none !important; }
header.top { position: sticky; top: 0; z-index: 1; background: #fff;
  border-bottom: 1px solid #d8dbe0; padding: .6rem 1.5rem; }
h1 { font-size: 1.3rem; margin: 0 0 .2rem; }
.origin { margin: 0 0 .4rem; color: #5a606b; font-size: .85rem; }
#filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
#filters select, #filters button { font: inherit; padding: .15rem .3rem; }
.count { color: #5a606b; margin-left: auto; }
.legend { margin: .4rem 0 0; font-size: .85rem; color: #5a606b; }
.mark { padding: .05rem .45rem; border-radius: .3rem; color: #1d1f23; margin-right: .2rem; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
.agreement { background: #fff; border: 1px solid #d8dbe0; border-left: 5px solid #9aa3af;
  border-radius: .4rem; padding: .8rem 1.1rem; margin: 0 0 1rem; }
.agreement.accepted { border-left-color: #2e9e4f; }
.agreement.rejected { border-left-color: #c8372d; opacity: .7; }
.agreement header { display: flex; justify-content: space-between; gap: 1rem;
  align-items: baseline; }
.agreement h2 { font-size: 1.05rem; margin: 0; }
.decision { font-size: .85rem; color: #5a606b; white-space: nowrap; }
.accepted .decision { color: #2e7d32; } .rejected .decision { color: #c8372d; }
.badge { font-size: .75rem; text-transform: uppercase; letter-spacing: .03em;
  padding: .1rem .45rem; border-radius: .3rem; background: #e5e7eb; vertical-align: 2px; }
.status-signed, .status-in_force { background: #d1f0d8; }
.status-proposed, .status-negotiating { background: #fff0c2; }
.status-terminated { background: #f6d3d0; }
.article { margin: .3rem 0 .5rem; color: #3d424a; }
.article a { color: #1a56b0; }
.item, .id { font-size: .8rem; color: #5a606b; }
.fields { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem;
  margin: .4rem 0; font-size: .9rem; }
.fields dt { color: #5a606b; } .fields dd { margin: 0; }
.was { color: #a15c00; font-size: .85rem; }
.evidence { border-top: 1px solid #eceef1; margin-top: .5rem; }
.evidence h3 { font-size: .85rem; color: #5a606b; margin: .5rem 0 0; font-weight: 600; }
.evidence .entities { line-height: 2.3 !important; }
/* A mark cut by a line break keeps its padding and rounded ends on both lines. */
.evidence mark { -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.none { color: #5a606b; font-style: italic; }
.overlaps { font-size: .85rem; color: #5a606b; margin: 0; }
.decisions { font-size: .85rem; color: #3d424a; margin: .4rem 0 0; }
.orphans { background: #fff8e6; border: 1px solid #f0d48a; border-radius: .4rem;
  padding: .8rem 1.1rem; }
.orphans h2 { font-size: 1rem; margin: 0 0 .3rem; }
#filters input[type=search] { font: inherit; padding: .15rem .3rem; }
#filters input[type=range] { vertical-align: middle; width: 7rem; }
.meta { font-size: .8rem; font-weight: normal; color: #5a606b; margin-left: .4rem; }
.agreement header .decision { margin-left: auto; }
.agreement header .buttons { white-space: nowrap; }
button.copy { font: inherit; font-size: .75rem; padding: .05rem .4rem; margin-left: .3rem;
  border: 1px solid #c3c8d0; border-radius: .3rem; background: #f4f5f7; cursor: pointer; }
button.copy.accept:hover { background: #d1f0d8; } button.copy.reject:hover { background: #f6d3d0; }
button.copy.done { border-color: #2e9e4f; }
.copied { margin-left: 1rem; color: #2e7d32; font-family: ui-monospace, monospace; }
/* The compact list: a line or two an agreement, its fields and evidence left out. */
body.compact .agreement { padding: .25rem .8rem; margin: 0 0 .3rem; }
body.compact .agreement .fields, body.compact .agreement .evidence,
body.compact .agreement .decisions, body.compact .agreement .overlaps { display: none; }
body.compact .agreement h2 { font-size: .95rem; }
body.compact .article { margin: 0; font-size: .8rem; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
"""

# The controls beside the filters: the same on every page (the orders: SORTS).
SORTS = {
    "": "as listed",
    "date": "date, oldest first",
    "date-desc": "date, newest first",
    "confidence": "confidence, lowest first",
    "confidence-desc": "confidence, highest first",
    "party": "party, A–Z",
}
_CONTROLS = (
    '<label>Search <input type="search" id="filter-q" name="q" size="16" '
    'placeholder="words of the text" autocomplete="off"></label>\n'
    '<label>Confidence ≥ <input type="range" id="filter-min" name="min" min="0" max="1" '
    'step="0.01" value="0"> <output id="filter-min-value" for="filter-min">0.00</output>'
    "</label>\n"
    '<label>Order <select id="sort" name="sort">'
    + "".join(f'<option value="{v}">{escape(text)}</option>' for v, text in SORTS.items())
    + "</select></label>\n"
    '<label><input type="checkbox" id="view-compact" name="view" value="compact"> '
    "Compact list</label>"
)

# Filters, order and view from the query string on load, back into it on change (where the
# browser lets a file: page do so); a value the selects lack is added, so `?party=XX` shows
# 0, not all. Sorting moves the sections inside #agreements; ties keep the listed order.
_SCRIPT = """
(function () {
  "use strict";
  var names = ["party", "status", "year", "decision"];
  var selects = {};
  names.forEach(function (name) {
    selects[name] = document.getElementById("filter-" + name);
  });
  var search = document.getElementById("filter-q");
  var least = document.getElementById("filter-min");
  var leastShown = document.getElementById("filter-min-value");
  var order = document.getElementById("sort");
  var compact = document.getElementById("view-compact");
  var list = document.getElementById("agreements");
  var copied = document.getElementById("copied");
  var sections = Array.prototype.slice.call(list.querySelectorAll("section.agreement"));
  function fold(text) {
    return text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase();
  }
  var texts = sections.map(function (element) { return fold(element.textContent); });

  var params = new URLSearchParams(window.location.search);
  names.forEach(function (name) {
    var wanted = (params.get(name) || "").trim();
    if (!wanted) { return; }
    var select = selects[name];
    var found = Array.prototype.find.call(select.options, function (option) {
      return option.value.toLowerCase() === wanted.toLowerCase();
    });
    if (!found) {
      found = new Option(wanted + " (none in this report)", wanted);
      select.add(found);
    }
    select.value = found.value;
  });
  search.value = params.get("q") || "";
  var wantedLeast = parseFloat(params.get("min"));
  if (!isNaN(wantedLeast)) { least.value = String(wantedLeast); }
  var wantedOrder = params.get("sort") || "";
  if (Array.prototype.some.call(order.options, function (o) { return o.value === wantedOrder; })) {
    order.value = wantedOrder;
  }
  compact.checked = params.get("view") === "compact";

  function keeps(element, index) {
    var party = selects.party.value.toLowerCase();
    if (party) {
      var known = JSON.parse(element.dataset.parties)
        .concat(JSON.parse(element.dataset.countries));
      if (!known.some(function (n) { return n.toLowerCase() === party; })) { return false; }
    }
    if (selects.status.value && element.dataset.status !== selects.status.value) {
      return false;
    }
    if (selects.year.value && (element.dataset.year || "none") !== selects.year.value) {
      return false;
    }
    if (selects.decision.value && element.dataset.decision !== selects.decision.value) {
      return false;
    }
    if (parseFloat(element.dataset.confidence) < parseFloat(least.value)) { return false; }
    return fold(search.value).split(/\\s+/).every(function (word) {
      return texts[index].indexOf(word) >= 0;
    });
  }
  function listed(element) { return parseInt(element.dataset.order, 10); }
  function compare(a, b) {
    var key = order.value.replace(/-desc$/, "");
    var sign = /-desc$/.test(order.value) ? -1 : 1;
    var diff = 0;
    if (key === "date") {
      var x = a.dataset.date, y = b.dataset.date;
      if (!x || !y) {
        diff = (x ? 0 : 1) - (y ? 0 : 1);  // undated last, either way
      } else {
        diff = sign * (x < y ? -1 : x > y ? 1 : 0);
      }
    } else if (key === "confidence") {
      diff = sign * (parseFloat(a.dataset.confidence) - parseFloat(b.dataset.confidence));
    } else if (key === "party") {
      var p = a.dataset.partyKey, q = b.dataset.partyKey;
      diff = p < q ? -1 : p > q ? 1 : 0;
    }
    return diff || listed(a) - listed(b);
  }
  function apply() {
    sections.slice().sort(compare).forEach(function (element) {
      list.appendChild(element);
    });
    var shown = 0;
    sections.forEach(function (element, index) {
      var keep = keeps(element, index);
      element.hidden = !keep;
      if (keep) { shown += 1; }
    });
    leastShown.textContent = parseFloat(least.value).toFixed(2);
    document.body.classList.toggle("compact", compact.checked);
    document.getElementById("shown").textContent = String(shown);
    document.getElementById("none-shown").hidden = shown > 0;
    var query = new URLSearchParams();
    names.forEach(function (name) {
      if (selects[name].value) { query.set(name, selects[name].value); }
    });
    if (search.value.trim()) { query.set("q", search.value.trim()); }
    if (parseFloat(least.value) > 0) { query.set("min", least.value); }
    if (order.value) { query.set("sort", order.value); }
    if (compact.checked) { query.set("view", "compact"); }
    try {
      var wanted = query.toString();
      history.replaceState(null, "", wanted ? "?" + wanted : window.location.pathname);
    } catch (error) {
      // Some browsers refuse to change a file: URL; the filters work all the same.
    }
  }
  names.forEach(function (name) { selects[name].addEventListener("change", apply); });
  search.addEventListener("input", apply);
  least.addEventListener("input", apply);
  order.addEventListener("change", apply);
  compact.addEventListener("change", apply);
  document.getElementById("filter-reset").addEventListener("click", function () {
    names.forEach(function (name) { selects[name].value = ""; });
    search.value = "";
    least.value = "0";
    apply();
  });

  // The copy buttons: the clipboard API, or a selected text area where it is refused.
  function copyByHand(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    document.body.removeChild(area);
    return done;
  }
  function told(button, text, done) {
    copied.textContent = done ? "Copied: " + text : "Could not copy; select it: " + text;
    copied.dataset.command = done ? text : "";
    button.classList.toggle("done", done);
  }
  list.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy");
    if (!button) { return; }
    var text = button.dataset.command;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(
        function () { told(button, text, true); },
        function () { told(button, text, copyByHand(text)); }
      );
    } else {
      told(button, text, copyByHand(text));
    }
  });
  apply();
})();
"""
