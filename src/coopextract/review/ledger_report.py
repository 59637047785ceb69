"""The review report's ledger view: one expandable element per real-world agreement.

Each entry is a `<details class="entry">` (it opens without JavaScript) whose summary gives
the status, instrument, parties, date and number of reports, and whose body gives the
records it merges (linked to their agreement on the page when it is there), its history
(date, status, article link, language, evidence), its conflicts, why its records are one
agreement, and the reviewers' merge and split decisions. Like the rest of the page, every
text from an article or a decision is untrusted and goes through `html.escape`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from html import escape

from coopextract.ledger.entry import LedgerEntry, Report
from coopextract.review.decisions import Decision
from coopextract.review.fields import describe
from coopextract.review.ledger_listing import (
    conflict_value,
    languages,
    parties_line,
    report_source,
)


def render_ledger(
    entries: list[LedgerEntry],
    *,
    links: Mapping[str, str | None],
    shown: Collection[str],
    decisions: list[Decision],
    records: int,
) -> str:
    """The ledger section of the page: `links` are the records' article links by record id,
    `shown` the ids of the records the page lists, `records` how many the whole ledger
    merges."""
    heading = (
        f"Ledger: {len(entries)} real-world agreement{'' if len(entries) == 1 else 's'}"
        f", reported by {records} record{'' if records == 1 else 's'}"
    )
    items = "\n".join(_entry(e, links, shown, decisions) for e in entries)
    return f"""<section class="ledger" id="ledger">
<h2>{escape(heading)}</h2>
<p class="hint">One entry per agreement, as every record that reports it tells it; open one \
for its history and sources.</p>
{items}
</section>"""


def _entry(
    entry: LedgerEntry,
    links: Mapping[str, str | None],
    shown: Collection[str],
    decisions: list[Decision],
) -> str:
    date = entry.date.value if entry.date else "no date"
    reports = len(entry.history)
    summary = (
        f'<span class="badge status-{escape(entry.status)}">{escape(entry.status)}</span> '
        f"{escape(entry.instrument.replace('_', ' '))} · {escape(parties_line(entry))} · "
        f'{escape(date)} <span class="reports">{reports} report{"" if reports == 1 else "s"}'
        f" ({escape(', '.join(languages(entry)))})</span> "
        f'<code class="id">{escape(entry.id)}</code>'
    )
    merged = ", ".join(_record(record, shown) for record in entry.records)
    rows = [
        ("records", merged),
        ("period", _period(entry)),
        ("scope", escape(", ".join(entry.scope) or "—")),
        ("subjects", escape(", ".join(entry.subjects) or "—")),
        ("first reported", escape(entry.first_reported.value if entry.first_reported else "—")),
        ("last reported", escape(entry.last_reported.value if entry.last_reported else "—")),
    ]
    fields = "".join(f"<dt>{escape(name)}</dt><dd>{value}</dd>" for name, value in rows)
    history = "".join(_report(r, links.get(r.record), shown) for r in entry.history)
    why = "".join(f"<li>{escape(reason)}</li>" for reason in entry.why)
    conflicts = "".join(
        f"<li>{escape(c.field)}: "
        + " · ".join(
            f"{escape(conflict_value(v.value))} ({', '.join(_record(r, shown) for r in v.records)})"
            for v in c.values
        )
        + "</li>"
        for c in entry.conflicts
    )
    records = set(entry.records)
    ledger_decisions = "".join(
        f"<li>decision {d.seq} on {_record(d.id, shown)}: {escape(describe(d))}</li>"
        for d in decisions
        if d.action in ("merge", "split") and (d.id in records or d.other in records)
    )
    lists = [
        ("Conflicts", "conflicts", conflicts),
        ("Why one agreement", "why", why),
        ("Merge and split decisions", "decisions", ledger_decisions),
    ]
    listed = "".join(
        f'<p class="label">{label}</p><ul class="{name}">{items}</ul>'
        for label, name, items in lists
        if items
    )
    return f"""<details class="entry" id="{escape(entry.id)}" \
data-status="{escape(entry.status)}">
<summary>{summary}</summary>
<dl class="fields">{fields}</dl>
<ol class="history">{history}</ol>
{listed}
</details>"""


def _record(record_id: str, shown: Collection[str]) -> str:
    """A record id, linked to its agreement on the page when the page lists it."""
    code = f'<code class="id">{escape(record_id)}</code>'
    return f'<a href="#{escape(record_id)}">{code}</a>' if record_id in shown else code


def _report(report: Report, link: str | None, shown: Collection[str]) -> str:
    date = f"{escape(report.date.value)} «{escape(report.date.text)}»" if report.date else "undated"
    published = f" · published {escape(report.published.value)}" if report.published else ""
    article = escape(report_source(report))
    if link is not None:
        article = f'<a href="{escape(link)}">{article}</a>'
    return (
        f'<li><span class="badge status-{escape(report.status)}">{escape(report.status)}'
        f"</span> {date}{published} · {article} · {escape(report.language)} · "
        f"{_record(report.record, shown)}"
        f'<blockquote lang="{escape(report.language)}">{escape(report.evidence)}</blockquote>'
        "</li>"
    )


def _period(entry: LedgerEntry) -> str:
    if entry.period is None:
        return "—"
    return escape(f"{entry.period.start or '?'} – {entry.period.end or '?'}")


LEDGER_STYLE = """
.ledger { background: #fff; border: 1px solid #d8dbe0; border-radius: .4rem;
  padding: .8rem 1.1rem; margin: 0 0 1.5rem; }
.ledger > h2 { font-size: 1.1rem; margin: 0 0 .2rem; }
.ledger .hint, .ledger .label { color: #5a606b; font-size: .85rem; margin: .3rem 0 .2rem; }
.entry { border-top: 1px solid #eceef1; padding: .35rem 0; }
.entry summary { cursor: pointer; }
.entry .reports { color: #5a606b; font-size: .85rem; }
.entry .history { font-size: .9rem; margin: .3rem 0; padding-left: 1.4rem; }
.entry .history li { margin: .3rem 0; }
.entry blockquote { margin: .15rem 0 0; color: #3d424a; font-style: italic; }
.entry .why, .entry .conflicts, .entry .decisions { font-size: .85rem; color: #3d424a;
  margin: .2rem 0; }
"""
