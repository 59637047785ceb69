"""The HTML report in a real headless Chromium: every agreement listed; the filters, the
search and the least confidence (read from the query string on load) hide exactly the
others; the orders sort them; and, driven as a user drives it (`tests/chromium.py`: typing,
clicking, the clipboard), the copy buttons put the right command on the clipboard. Skipped
when no Chromium is found (`apt-get install chromium` on Debian; or set CHROMIUM to the
browser's path)."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.review.listing import sort_records
from coopextract.writing import read_records
from tests.chromium import QUIET, Chromium

GOLDEN = Path(__file__).parent / "golden" / "data_raw.jsonl"
RECORDS = read_records(GOLDEN)
ALL = [r.id for r in RECORDS]
SIGNED = "agr-e0332692cfcff539"  # 0.94
STATEMENT = "agr-e35968ad6b86535d"  # 0.86
PROPOSED = "agr-dc5204fbcc2a1cc4"  # programme, Russia – China, proposed: rejected below
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def ordered(key: str, descending: bool = False) -> list[str]:
    return [r.id for r in sort_records(RECORDS, key, descending)]


SIGNED_ONES = {r.id for r in RECORDS if r.status == "signed"}

# The query strings tried, and the ids that must stay visible with each, in order; None
# where the search words decide (see `searched`).
QUERIES: dict[str, list[str] | None] = {
    "": ALL,
    "?status=signed": [i for i in ALL if i in SIGNED_ONES],
    "?party=RU&year=2017": ["agr-075761acd2f37e32"],
    "?party=china&status=NEGOTIATING": ["agr-d7d508b71eb185eb"],
    "?year=none&decision=pending": [r.id for r in RECORDS if not r.date and r.id != PROPOSED],
    "?decision=rejected": [PROPOSED],
    "?party=Atlantis": [],
    "?min=0.86": [SIGNED, STATEMENT],
    "?sort=confidence": ordered("confidence"),
    "?sort=confidence-desc&view=compact": ordered("confidence", True),
    "?sort=date-desc": ordered("date", True),
    "?sort=party&status=signed": [i for i in ordered("party") if i in SIGNED_ONES],
    "?q=P%C3%A9kin": None,  # accents ignored: Pekin, Pékin
    "?q=lune+cnes": None,  # every word
    "?q=E03326": None,  # the id, any case
}
SEARCHED = {"?q=P%C3%A9kin": "pekin", "?q=lune+cnes": "lune cnes", "?q=E03326": "e03326"}


def find_browser() -> str | None:
    given = os.environ.get("CHROMIUM")
    if given:
        return given
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


class Agreements(HTMLParser):
    """The agreement sections of a page: (id, hidden), in the page's order, and each one's
    text; the text of #shown; whether the "no agreement matches" line is hidden; the
    body's classes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, bool]] = []
        self.texts: dict[str, str] = {}
        self.shown = ""
        self.none_hidden: bool | None = None
        self.body: list[str] = []
        self._in_shown = False
        self._section: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "body":
            self.body = (values.get("class") or "").split()
        if tag == "section" and "agreement" in (values.get("class") or "").split():
            self._section = values.get("id") or ""
            self.found.append((self._section, "hidden" in values))
            self.texts[self._section] = ""
        if tag == "section" and self._section is not None:
            self._depth += 1
        if values.get("id") == "none-shown":
            self.none_hidden = "hidden" in values
        self._in_shown = values.get("id") == "shown"

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self._section is not None:
            self._depth -= 1
            if not self._depth:
                self._section = None

    def handle_data(self, data: str) -> None:
        if self._section is not None:
            self.texts[self._section] += data
        if self._in_shown:
            self.shown += data
            self._in_shown = False


def fold(text: str) -> str:
    """As the page compares words: accents and case ignored."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def searched(texts: dict[str, str], words: str) -> list[str]:
    """The agreements whose text holds every word: what a search must keep."""
    return [ident for ident, text in texts.items() if all(w in fold(text) for w in words.split())]


def dump_dom(browser: str, url: str, profile: Path) -> str:
    """The DOM after the page's scripts ran, as Chromium serialises it."""
    command = [
        browser,
        *QUIET,
        f"--user-data-dir={profile}",
        "--dump-dom",
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and "</html>" in done.stdout, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def browser() -> str:
    found = find_browser()
    if found is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set CHROMIUM)")
    return found


@pytest.fixture(scope="module")
def report(browser: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of the seed records, PROPOSED rejected, in a folder named with a space."""
    tmp = tmp_path_factory.mktemp("browser")
    folder = tmp / "sortie du lot"
    folder.mkdir()
    shutil.copy(GOLDEN, folder / "agreements.jsonl")
    runner = CliRunner()
    assert runner.invoke(app, ["review", str(folder), "--reject", PROPOSED]).exit_code == 0
    report = tmp / "report.html"
    result = runner.invoke(app, ["review", str(folder), "--html", str(report)])
    assert result.exit_code == 0, result.output
    return report


@pytest.fixture(scope="module")
def doms(browser: str, report: Path) -> dict[str, str]:
    tmp = report.parent

    # One browser per query, all at once: each takes a couple of seconds to start.
    def run(numbered: tuple[int, str]) -> str:
        number, query = numbered
        return dump_dom(browser, report.as_uri() + query, tmp / f"profile-{number}")

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(QUERIES, pool.map(run, enumerate(QUERIES)), strict=True))


@pytest.mark.parametrize("query", list(QUERIES))
def test_filters_search_and_orders_in_the_browser(doms: dict[str, str], query: str) -> None:
    page = Agreements()
    page.feed(doms[query])
    assert sorted(ident for ident, _ in page.found) == sorted(ALL)  # all listed
    expected = QUERIES[query]
    if expected is None:
        expected = searched(page.texts, SEARCHED[query])
        assert 0 < len(expected) < len(ALL)  # the search keeps some, not all
    visible = [ident for ident, hidden in page.found if not hidden]
    assert visible == expected
    assert page.shown == str(len(expected))
    assert page.none_hidden is bool(expected)
    assert ("compact" in page.body) is ("view=compact" in query)


@pytest.fixture(scope="module")
def chromium(browser: str, report: Path) -> Chromium:
    opened = Chromium(browser, report.parent / "profile-driven")
    opened.grant_clipboard()
    yield opened
    opened.close()


def visible(page: Chromium) -> list[str]:
    return page.evaluate(
        "Array.from(document.querySelectorAll('section.agreement:not([hidden])'))"
        ".map(function (s) { return s.id; })"
    )


def test_typing_a_search_and_choosing_an_order(chromium: Chromium, report: Path) -> None:
    chromium.open(report.as_uri())
    assert chromium.evaluate("document.getElementById('shown').textContent") == "9"
    texts = dict(zip(ALL, chromium.evaluate(
        "Array.from(document.querySelectorAll('section.agreement'))"
        ".map(function (s) { return s.textContent; })"), strict=True))  # fmt: skip
    chromium.type("#filter-q", "Lune")
    assert visible(chromium) == searched(texts, "lune")
    assert chromium.evaluate("location.search") == "?q=Lune"
    chromium.evaluate(
        "var o = document.getElementById('sort'); o.value = 'confidence';"
        "o.dispatchEvent(new Event('change'))"
    )
    expected = [i for i in ordered("confidence") if i in searched(texts, "lune")]
    assert visible(chromium) == expected
    chromium.click("#filter-reset")  # the filters go, the order stays
    assert visible(chromium) == ordered("confidence")
    chromium.evaluate(
        "var m = document.getElementById('filter-min'); m.value = '0.9';"
        "m.dispatchEvent(new Event('input'))"
    )
    assert visible(chromium) == [SIGNED]
    assert chromium.evaluate("document.getElementById('filter-min-value').textContent") == "0.90"
    assert chromium.evaluate("location.search") == "?min=0.9&sort=confidence"


def test_the_compact_list_fits_every_agreement_on_a_screen(
    chromium: Chromium, report: Path
) -> None:
    chromium.open(report.as_uri())
    height = "document.getElementById('agreements').getBoundingClientRect().height"
    full = chromium.evaluate(height)
    chromium.click("#view-compact")
    assert chromium.evaluate("document.body.classList.contains('compact')")
    compact = chromium.evaluate(height)
    assert compact < 900 < full  # nine agreements in less than a screen
    assert (
        chromium.evaluate(
            "getComputedStyle(document.querySelector('.agreement .evidence')).display"
        )
        == "none"
    )
    assert chromium.evaluate("location.search") == "?view=compact"


@pytest.mark.parametrize(("record", "verdict"), [(PROPOSED, "accept"), (SIGNED, "reject")])
def test_copy_buttons_put_the_command_on_the_clipboard(
    chromium: Chromium, report: Path, record: str, verdict: str
) -> None:
    chromium.open(report.as_uri())
    chromium.click(f"section[id='{record}'] button.copy.{verdict}")
    folder = report.parent / "sortie du lot"
    command = f"coopextract review '{folder}' --{verdict} {record}"
    copied = "document.getElementById('copied').textContent"
    # The clipboard answers asynchronously.
    assert chromium.wait_for(copied) == f"Copied: {command}"
    assert chromium.evaluate("navigator.clipboard.readText()") == command
    # The command works: it records the decision.
    args = ["review", str(folder), f"--{verdict}", record]
    assert CliRunner().invoke(app, args).exit_code == 0
