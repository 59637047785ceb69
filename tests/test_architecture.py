"""The package's architecture: sub-packages whose imports only point down, and no cycle.

Every module under src/coopextract is parsed (not imported) and every import of a
coopextract module is counted: at the top, inside functions, and under TYPE_CHECKING, since
each is a dependency a reader has to follow. The layers, bottom to top:

    base       errors, models, writing, terminal, rule_files (and the package itself)
    reading    files, encodings, HTML, JSON, dates, language
    pipeline   the spaCy components and their rules
    assembly   mentions merged into records
    ledger     records across articles merged into real-world agreements
    run        extraction, ingest, state, journal, workers, the results folder
    review     decisions, their listing, the HTML report
    exports    CSV, Parquet, SQLite, Label Studio
    evaluate   scoring against gold
    cli        the command line: arguments and printing

A module may import its own layer and the layers below it, never one above. One exception,
named in FACADE: the package itself offers `coopextract.extract_text` (from run), imported
inside a module `__getattr__` on first use, so that `import coopextract` stays cheap.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "coopextract"
ROOT = "coopextract"

LAYERS = (
    ("base", (ROOT, "errors", "models", "writing", "terminal", "rule_files")),
    ("reading", ("reading",)),
    ("pipeline", ("pipeline",)),
    ("assembly", ("assembly",)),
    ("ledger", ("ledger",)),
    ("run", ("run",)),
    ("review", ("review",)),
    ("exports", ("exports",)),
    ("evaluate", ("evaluate", "evaluate_ledger")),
    ("cli", ("cli",)),
)


# Upward imports made on purpose: the package's own namespace offers the library's call for a
# string. Each must happen inside a function (or for type checkers only), never on import;
# being lazy, it is left out of the graph (it would close a cycle through run.fingerprint,
# which reads the package's version).
FACADE = {("coopextract", "coopextract.run.text")}


def module_name(path: Path) -> str:
    parts = [ROOT, *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> int:
    """The index in LAYERS of a module of the package, by its first name under ROOT."""
    top = module.split(".")[1] if "." in module else ROOT
    for index, (_, names) in enumerate(LAYERS):
        if top in names:
            return index
    raise AssertionError(f"{module} is in no layer: add its package to LAYERS")


def resolved(name: str) -> str:
    """The module an imported name is, or the module it comes from (`a.b.func` -> `a.b`)."""
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def imports(module: str) -> Iterator[tuple[str, int]]:
    """Each coopextract module `module` imports, with the line, wherever the import is."""
    path = MODULES[module]
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = module.split(".")
                keep = len(parts) - node.level + (1 if is_package else 0)
                base = ".".join([*parts[:keep], *([base] if base else [])])
            names = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if name == ROOT or name.startswith(ROOT + "."):
                target = resolved(name)
                if target != module:
                    yield target, node.lineno


GRAPH = {
    module: sorted({target for target, _ in imports(module) if (module, target) not in FACADE})
    for module in MODULES
}


def cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_package_is_parsed() -> None:
    # A wrong PACKAGE would make every check below pass on nothing.
    assert "coopextract.run.ingest" in MODULES
    assert "coopextract.cli" in MODULES
    assert "coopextract.errors" in GRAPH["coopextract.run.state"]


def test_no_import_cycle() -> None:
    found = cycles(GRAPH)
    assert not found, "modules importing each other: " + "; ".join(" <-> ".join(c) for c in found)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_point_down(module: str) -> None:
    mine = layer(module)
    upward = [
        f"line {line}: {target} ({LAYERS[layer(target)][0]})"
        for target, line in imports(module)
        if layer(target) > mine and (module, target) not in FACADE
    ]
    assert not upward, f"{module} ({LAYERS[mine][0]}) imports a layer above it: " + ", ".join(
        upward
    )


def test_the_checks_catch_what_they_look_for() -> None:
    # The checks themselves, on a made-up graph: a cycle is found, an upward import is one.
    assert cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}) == [["a", "b", "c"]]
    assert cycles({"a": ["b"], "b": []}) == []
    assert layer("coopextract.run.ingest") < layer("coopextract.review.report")
    assert layer("coopextract") == layer("coopextract.errors") == 0
    assert resolved("coopextract.review.decisions.verdicts") == "coopextract.review.decisions"


def _eager_imports(path: Path) -> set[str]:
    """The modules a file imports when it is imported: at its top level, outside functions
    and `if TYPE_CHECKING:` blocks."""
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.If) and "TYPE_CHECKING" not in ast.unparse(node.test):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)

    visit(ast.parse(path.read_text(encoding="utf-8")).body)
    return {resolved(name) for name in found}


@pytest.mark.parametrize(("module", "target"), sorted(FACADE))
def test_the_facade_imports_are_lazy(module: str, target: str) -> None:
    assert target in {name for name, _ in imports(module)}, "a FACADE entry nothing uses"
    assert target not in _eager_imports(MODULES[module]), (
        f"{module} imports {target} when it is imported: do it on first use, in a function"
    )
