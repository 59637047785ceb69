"""The HTML report in a real headless Chromium: every agreement listed, and the filters (read
from the query string on load) hide exactly the others. Skipped when no Chromium is found
(`apt-get install chromium` on Debian; or set CHROMIUM to the browser's path)."""

from __future__ import annotations

import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract.cli import app
from coopextract.writing import read_records

GOLDEN = Path(__file__).parent / "golden" / "data_raw.jsonl"
RECORDS = read_records(GOLDEN)
PROPOSED = "agr-dc5204fbcc2a1cc4"  # programme, Russia – China, proposed: rejected below
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

# The query strings tried, and the ids that must stay visible with each.
QUERIES = {
    "": [r.id for r in RECORDS],
    "?status=signed": [r.id for r in RECORDS if r.status == "signed"],
    "?party=RU&year=2017": ["agr-075761acd2f37e32"],
    "?party=china&status=NEGOTIATING": ["agr-d7d508b71eb185eb"],
    "?year=none&decision=pending": [r.id for r in RECORDS if not r.date and r.id != PROPOSED],
    "?decision=rejected": [PROPOSED],
    "?party=Atlantis": [],
}


def find_browser() -> str | None:
    given = os.environ.get("CHROMIUM")
    if given:
        return given
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


class Agreements(HTMLParser):
    """The agreement sections of a page: (id, hidden); the text of #shown; and whether the
    "no agreement matches" line is hidden."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, bool]] = []
        self.shown = ""
        self.none_hidden: bool | None = None
        self._in_shown = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "section" and "agreement" in (values.get("class") or "").split():
            self.found.append((values.get("id") or "", "hidden" in values))
        if values.get("id") == "none-shown":
            self.none_hidden = "hidden" in values
        self._in_shown = values.get("id") == "shown"

    def handle_data(self, data: str) -> None:
        if self._in_shown:
            self.shown += data
            self._in_shown = False


def dump_dom(browser: str, url: str, profile: Path) -> str:
    """The DOM after the page's scripts ran, as Chromium serialises it."""
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--dump-dom",
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and "</html>" in done.stdout, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def doms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    browser = find_browser()
    if browser is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set CHROMIUM)")
    tmp = tmp_path_factory.mktemp("browser")
    folder = tmp / "extracted"
    folder.mkdir()
    shutil.copy(GOLDEN, folder / "agreements.jsonl")
    runner = CliRunner()
    assert runner.invoke(app, ["review", str(folder), "--reject", PROPOSED]).exit_code == 0
    report = tmp / "report.html"
    result = runner.invoke(app, ["review", str(folder), "--html", str(report)])
    assert result.exit_code == 0, result.output

    # One browser per query, all at once: each takes a couple of seconds to start.
    def run(numbered: tuple[int, str]) -> str:
        number, query = numbered
        return dump_dom(browser, report.as_uri() + query, tmp / f"profile-{number}")

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(QUERIES, pool.map(run, enumerate(QUERIES)), strict=True))


@pytest.mark.parametrize("query", list(QUERIES))
def test_filters_in_the_browser(doms: dict[str, str], query: str) -> None:
    page = Agreements()
    page.feed(doms[query])
    assert [ident for ident, _ in page.found] == [r.id for r in RECORDS]  # all listed
    visible = [ident for ident, hidden in page.found if not hidden]
    assert visible == QUERIES[query]
    assert page.shown == str(len(QUERIES[query]))
    assert page.none_hidden is bool(QUERIES[query])
