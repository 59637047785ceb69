"""The docs say what the code does: generated parts are current, links lead somewhere, and the
README keeps its promises (short, the two commands first)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted([ROOT / "README.md", ROOT / "bench" / "README.md", *(ROOT / "docs").glob("*.md")])


# Pages that other branches of issue 15 add; links to them are checked once they are here.
# TODO after those merges: empty this set.
def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["docs/cli.md", "docs/records.md"])
def test_generated_docs_are_current(name: str) -> None:
    path = ROOT / name
    expected = _generator().regenerated(path)
    assert path.read_text(encoding="utf-8") == expected, (
        f"{name} differs from what the code gives now (a command's --help or a record field "
        "changed): run `python docs/generate.py` and commit the result"
    )


def test_the_cli_reference_covers_every_command() -> None:
    """Each command `coopextract --help` lists has its own section, so a command added to the
    CLI cannot be left out of the reference."""
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    listed = re.search(r"Commands:\n((?:  \S.*\n)+)", reference)
    assert listed is not None
    commands = [line.split()[0] for line in listed.group(1).splitlines()]
    assert "ingest" in commands
    for command in commands:
        assert f"### `coopextract {command}`" in reference


def test_the_readme_starts_with_the_two_commands() -> None:
    """A newcomer's first two commands, as .ci/run runs the second."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[2:6] == [
        "```sh",
        "pip install -e '.[dev]' && coopextract ingest data/raw",
        "pip install -e '.[dev]' && pytest",
        "```",
    ]


def test_the_readme_is_short() -> None:
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 200


_LINK = re.compile(r"\]\((?!https?:|mailto:)([^)\s]*)\)")
_FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)


def _anchors(path: Path) -> set[str]:
    """The anchors GitHub gives a page: one per heading (lower case, punctuation dropped,
    spaces as hyphens, repeats numbered), plus explicit `<a id>`s."""
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    anchors: set[str] = set(re.findall(r'<a id="([^"]+)">', text))
    for heading in re.findall(r"^#+ (.+)$", text, re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        number = 0
        while (slug if number == 0 else f"{slug}-{number}") in anchors:
            number += 1
        anchors.add(slug if number == 0 else f"{slug}-{number}")
    return anchors


@pytest.mark.parametrize("page", DOCS, ids=lambda page: str(page.relative_to(ROOT)))
def test_links_lead_somewhere(page: Path) -> None:
    """Every relative link names a file of the repository, and a heading of it after `#`."""
    text = _FENCE.sub("", page.read_text(encoding="utf-8"))
    broken = []
    for link in _LINK.findall(text):
        target, _, anchor = link.partition("#")
        path = (page.parent / target).resolve() if target else page
        if not path.exists():
            broken.append(f"{link}: no file {path.relative_to(ROOT)}")
        elif anchor and path.suffix == ".md" and anchor not in _anchors(path):
            broken.append(f"{link}: no heading #{anchor} in {path.relative_to(ROOT)}")
    assert not broken, f"{page.relative_to(ROOT)}: " + "; ".join(broken)
