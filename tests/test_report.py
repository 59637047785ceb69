"""The HTML review report: self-contained, escaped, one element per agreement, marks drawn
from the stored offsets, links to the articles. The browser test is test_report_browser.py."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from coopextract.models import Agreement
from coopextract.review.decisions import Decision
from coopextract.review.report import render_report, write_report
from coopextract.writing import read_records
from tests.test_writing import make_record

GOLDEN = Path(__file__).parent / "golden" / "data_raw.jsonl"
SIGNED = "agr-e0332692cfcff539"


class Elements(HTMLParser):
    """Every start tag with its attributes; and the text inside <mark> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[str] = []
        self._in_mark = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marks[-1] += data


def parse(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    return parser


def agreements(page: str) -> list[dict[str, str | None]]:
    return [
        attrs
        for tag, attrs in parse(page).tags
        if tag == "section" and "agreement" in (attrs.get("class") or "").split()
    ]


def golden() -> list[Agreement]:
    return read_records(GOLDEN)


def test_one_element_per_agreement_with_its_data() -> None:
    records = golden()
    page = render_report(records, [Decision(id=SIGNED, action="reject", seq=1)])
    found = agreements(page)
    assert [a["id"] for a in found] == [r.id for r in records]
    first = found[0]
    assert first["data-status"] == "signed"
    assert first["data-year"] == "2021"
    assert found[5]["data-year"] == ""  # no date
    assert json.loads(first["data-parties"] or "") == ["Roscosmos", "China"]
    assert json.loads(first["data-countries"] or "") == ["CN", "RU"]
    assert first["data-decision"] == "rejected"
    assert found[1]["data-year"] == "2017" and found[1]["data-decision"] == "pending"
    assert "hidden" not in first  # everything shows without JavaScript


def test_self_contained() -> None:
    page = render_report(golden(), [])
    tags = parse(page).tags
    # Nothing fetched: no external script, style sheet, image or font, and a policy that
    # forbids any request.
    for tag, attrs in tags:
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not re.match(r"(?i)\s*(https?:)?//", value), (tag, name, value)
        assert tag not in ("link", "iframe", "img", "object", "embed")
        if tag == "script":
            assert "src" not in attrs
    policy = next(a["content"] for t, a in tags if a.get("http-equiv") == "Content-Security-Policy")
    assert policy and "default-src 'none'" in policy
    assert "@import" not in page and "url(" not in page


def test_evidence_marks_drawn_from_the_stored_offsets() -> None:
    record = next(r for r in golden() if r.id == SIGNED)
    page = render_report([record], [])
    marks = [" ".join(m.split()) for m in parse(page).marks]
    expected = [" ".join(f"{m.text} {m.label}".split()) for e in record.evidence for m in e.marks]
    assert marks == expected
    for evidence in record.evidence:
        assert f"characters {evidence.start}–{evidence.end}" in page


def test_untrusted_text_is_escaped() -> None:
    evil = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    text = f"Un accord {evil} signé"
    record = make_record("a<b>.txt", 0, text=text).model_copy(
        update={
            "article": make_record().article.model_copy(
                update={"path": 'a"<b>.txt', "title": "<i>Titre</i>"}
            ),
        }
    )
    record = Agreement.model_validate(
        record.model_dump()
        | {
            "evidence": [
                {
                    "text": text,
                    "start": 0,
                    "end": len(text),
                    "marks": [{"label": "trigger", "text": "accord", "start": 3, "end": 9}],
                }
            ],
            "subjects": ["</dd><script>x</script>"],
        }
    )
    decision = Decision(id=record.id, action="reject", note="<b>non</b>", seq=1)
    page = render_report([record], [decision], title="<dir>")
    assert "<script>alert" not in page and "<img" not in page and "<i>Titre" not in page
    assert "<b>non" not in page and "</dd><script>" not in page and "<dir>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img" in page
    assert len([t for t, _ in parse(page).tags if t == "script"]) == 1  # ours


def test_overlapping_marks_are_listed_not_garbled() -> None:
    text = "Roscosmos et la CNSA"
    record = Agreement.model_validate(
        make_record(text=text).model_dump()
        | {
            "evidence": [
                {
                    "text": text,
                    "start": 100,
                    "end": 100 + len(text),
                    "marks": [
                        {"label": "party", "text": "CNSA", "start": 116, "end": 120},
                        {"label": "party", "text": "Roscosmos", "start": 100, "end": 109},
                        {"label": "subject", "text": "cosmos", "start": 103, "end": 109},
                    ],
                }
            ]
        }
    )
    page = render_report([record], [])
    assert [" ".join(m.split()) for m in parse(page).marks] == ["Roscosmos party", "CNSA party"]
    assert "also marked: subject «cosmos»" in page


def test_links_to_the_article_files(tmp_path: Path) -> None:
    source = tmp_path / "raw"
    (source / "sous dossier").mkdir(parents=True)
    (source / "sous dossier" / "é.txt").write_text("x")
    (source / "lot.jsonl").write_text("{}\n")
    here = make_record("sous dossier/é.txt", 0)
    item = make_record("lot.jsonl", 0, text="autre")
    item = item.model_copy(update={"article": item.article.model_copy(update={"item": "line:2"})})
    gone = make_record("parti.txt", 0)
    out = tmp_path / "report" / "index.html"
    written = write_report(out, [here, item, gone], [], source=source)
    assert written.missing_articles == 1 and written.agreements == 3
    page = out.read_text(encoding="utf-8")
    hrefs = [a["href"] for t, a in parse(page).tags if t == "a"]
    # Relative to the report's folder, percent-encoded.
    assert hrefs == ["../raw/sous%20dossier/%C3%A9.txt", "../raw/lot.jsonl"]
    assert (out.parent / "../raw/sous dossier/é.txt").resolve().is_file()
    assert '<span class="item">item line:2</span>' in page
    assert "parti.txt" in page  # named, without a link


def cited(url: str | None, outlet: str | None, author: str | None = None) -> Agreement:
    record = make_record("flux.jsonl", 0, text=f"Un accord de {outlet}")
    source = {"url": url, "outlet": outlet, "author": author}
    return record.model_copy(update={"article": record.article.model_copy(update=source)})


def test_links_to_the_source_the_article_gives() -> None:
    records = [
        cited("https://example.org/a?x=1&y=2", "Le Journal", "Marie Dupont; Jean Martin"),
        cited("http://news.example.com/b", None),  # named by its host
        cited(None, "Agence sans lien", "A. B"),
        cited("javascript:alert(1)", "Piège"),  # never a link
        cited(None, None),
    ]
    page = render_report(records, [])
    links = [a for t, a in parse(page).tags if t == "a" and "source" in (a.get("class") or "")]
    assert [a["href"] for a in links] == [
        "https://example.org/a?x=1&y=2",
        "http://news.example.com/b",
    ]
    assert all(a["target"] == "_blank" and a["rel"] == "noopener noreferrer" for a in links)
    assert '>Le Journal</a>, by Marie Dupont; Jean Martin <code class="id">' in page
    assert 'href="https://example.org/a?x=1&amp;y=2"' in page  # escaped in the markup
    assert ">news.example.com</a>" in page
    assert " · Agence sans lien, by A. B <code" in page
    assert "javascript:" not in " ".join(a.get("href") or "" for _, a in parse(page).tags)
    assert " · Piège <code" in page


def test_same_input_same_page(tmp_path: Path) -> None:
    decisions = [Decision(id=SIGNED, action="accept", seq=1)]
    first = write_report(tmp_path / "a.html", golden(), decisions)
    second = write_report(tmp_path / "b.html", golden(), decisions)
    assert first.path.read_bytes() == second.path.read_bytes()


def test_orphans_are_listed() -> None:
    page = render_report(golden(), [], orphans=[Decision(id="agr-gone", action="accept", seq=4)])
    assert "Decisions on 1 agreement no longer in agreements.jsonl" in page
    assert "<code>agr-gone</code> decision 4: accept" in page


def test_sort_keys_and_copy_commands_on_each_agreement() -> None:
    records = golden()
    folder = Path("lot d'avril") / "<sortie>"  # a space, a quote, markup: quoted and escaped
    page = render_report(records, [], folder=folder)
    found = agreements(page)
    first = found[0]
    assert (first["data-date"], first["data-confidence"], first["data-order"]) == (
        "2021-03-09",
        "0.94",
        "0",
    )
    assert first["data-party-key"] == "roscosmos; china"
    assert found[5]["data-date"] == "" and found[5]["data-order"] == "5"
    buttons = [a for t, a in parse(page).tags if t == "button" and "copy" in (a.get("class") or "")]
    assert len(buttons) == 2 * len(records)
    quoted = "'lot d'\"'\"'avril/<sortie>'"  # as shlex.quote writes it for a POSIX shell
    assert buttons[0]["data-command"] == f"coopextract review {quoted} --accept {SIGNED}"
    assert buttons[1]["data-command"] == f"coopextract review {quoted} --reject {SIGNED}"
    assert "<sortie>" not in page and "&lt;sortie&gt;" in page
    # The controls, and no button where the report does not know the folder.
    for control in ('id="filter-q"', 'id="filter-min"', 'id="sort"', 'id="view-compact"'):
        assert control in page
    assert "button.copy" in page and 'class="copy' not in render_report(records, [])
