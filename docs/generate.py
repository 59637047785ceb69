"""Rewrite the generated parts of docs/ from the code they describe.

    python docs/generate.py           # rewrite them
    python docs/generate.py --check   # rewrite nothing; exit 1 naming the stale files

Two parts are generated: the CLI reference in docs/cli.md (every command's and sub-command's
`--help`) and the record fields in docs/records.md (the pydantic models of
`coopextract.models`). Each sits between `<!-- generated: NAME -->` and `<!-- end generated -->`;
the text around it is written by hand and kept. tests/test_docs.py fails when a generated part
differs from what this script writes now, so a changed command or field shows up in review.

The code read is this checkout's (`src/` comes first on the path), whatever is installed.
"""

from __future__ import annotations

import json
import re
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# Help is wrapped at this width whatever the terminal: the reference must not depend on who
# ran the script.
HELP_WIDTH = 100
COMMAND = "python docs/generate.py"
_PART = re.compile(
    r"(<!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- end generated -->)", re.DOTALL
)


# --- the CLI reference -------------------------------------------------------------------


def _plain_help(command: Any, ctx: Any) -> str:
    """`--help` as click prints it: typer's rich panels (boxes, colours) turned off."""
    if hasattr(command, "rich_markup_mode"):
        command.rich_markup_mode = None  # a fresh object from get_command: no one else sees it
    lines = command.get_help(ctx).splitlines()
    return "\n".join(line.rstrip() for line in lines)


def _context(command: Any, name: str, parent: Any = None) -> Any:
    # The command's own context class: typer may bring its own copy of click.
    return command.context_class(
        command,
        info_name=name,
        parent=parent,
        terminal_width=HELP_WIDTH,
        max_content_width=HELP_WIDTH,
        # As the command line makes it: `-h` beside `--help`, say.
        **command.context_settings,
    )


def _commands(command: Any, ctx: Any) -> Iterator[tuple[Any, Any]]:
    """The command and every visible sub-command under it, depth first, in --help's order."""
    yield command, ctx
    for name in command.list_commands(ctx) if hasattr(command, "list_commands") else []:
        sub = command.get_command(ctx, name)
        if sub is not None and not sub.hidden:
            yield from _commands(sub, _context(sub, name, ctx))


def _console_app() -> Any:
    """The typer app `coopextract` runs, found where pyproject.toml's entry point says."""
    import importlib
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    module, _, attribute = project["project"]["scripts"]["coopextract"].partition(":")
    return getattr(importlib.import_module(module), attribute)


def cli_reference() -> str:
    """One section per command, its `--help` in a text block."""
    import typer

    root = typer.main.get_command(_console_app())
    sections = []
    for command, ctx in _commands(root, _context(root, "coopextract")):
        help_text = _plain_help(command, ctx)
        sections.append(f"### `{ctx.command_path}`\n\n```text\n{help_text}\n```\n")
    return "\n".join(sections)


# --- the record fields -------------------------------------------------------------------

_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _vocabularies() -> dict[tuple[Any, ...], str]:
    """The named Literal types of coopextract.models, by their values."""
    from coopextract import models

    return {
        get_args(value): name
        for name, value in vars(models).items()
        if get_origin(value) is Literal and not name.startswith("_")
    }


def _type_name(annotation: Any, vocabularies: dict[tuple[Any, ...], str]) -> str:
    from pydantic import BaseModel

    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        named = " or ".join(_type_name(arg, vocabularies) for arg in args)
        return f"{named} or null" if len(args) < len(get_args(annotation)) else named
    if origin is list:
        return f"list of {_type_name(get_args(annotation)[0], vocabularies)}"
    if origin is Literal:
        name = vocabularies.get(get_args(annotation))
        if name:
            return f"[{name}](#{name.lower()})"
        return " or ".join(f"`{json.dumps(value)}`" for value in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return _JSON_TYPES.get(annotation, getattr(annotation, "__name__", str(annotation)))


_CONSTRAINTS: dict[str, Callable[[Any], str]] = {
    "min_length": lambda n: f"at least {n} item{'' if n == 1 else 's'}",
    "ge": lambda n: f"≥ {n}",
    "le": lambda n: f"≤ {n}",
    "pattern": lambda p: f"matches `{p}`",
}


def _rule(field: Any) -> str:
    """Whether a field is required, its default and its constraints, in a few words."""
    from pydantic_core import PydanticUndefined

    words = []
    if field.is_required():
        words.append("required")
    elif field.default_factory is not None:
        words.append(f"default `{json.dumps(field.default_factory())}`")
    elif field.default is not PydanticUndefined:
        words.append(f"default `{json.dumps(field.default)}`")
    for item in field.metadata:
        for attribute, say in _CONSTRAINTS.items():
            value = getattr(item, attribute, None)
            if value is not None:
                words.append(say(value))
    return "; ".join(words)


def _models_in_order(model: type) -> list[type]:
    """The record model and the models inside it, each once, in the order the fields name
    them (breadth first)."""
    from pydantic import BaseModel

    found = [model]
    for current in found:
        for field in current.model_fields.values():
            pending = [field.annotation]
            while pending:
                annotation = pending.pop(0)
                if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                    if annotation not in found:
                        found.append(annotation)
                else:
                    pending.extend(get_args(annotation))
    return found


def _cell(text: str) -> str:
    """Text as one table cell: on one line, its `|` and `<` not read as markup."""
    return " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;")


def record_fields() -> str:
    """One table per model of a record, then the vocabularies."""
    from coopextract.models import Agreement

    vocabularies = _vocabularies()
    sections = []
    for model in _models_in_order(Agreement):
        lines = [f"### {model.__name__}", ""]
        doc = vars(model).get("__doc__")
        if doc:
            lines += [_cell(doc), ""]
        lines += ["| field | type | rule | description |", "| --- | --- | --- | --- |"]
        for name, field in model.model_fields.items():
            cells = [
                f"`{name}`",
                _type_name(field.annotation, vocabularies),
                _rule(field),
                _cell(field.description or ""),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        sections.append("\n".join(lines) + "\n")
    sections.append(_vocabulary_tables(vocabularies))
    return "\n".join(sections)


def _vocabulary_tables(vocabularies: dict[tuple[Any, ...], str]) -> str:
    """Each vocabulary: its values and what each means (`models.VOCABULARIES`), as
    `coopextract schema --vocab` prints them."""
    from coopextract.models import VOCABULARIES

    lines = ["### Vocabularies"]
    for name in vocabularies.values():
        lines += ["", f'<a id="{name.lower()}"></a>**{name}**', ""]
        lines += ["| value | meaning |", "| --- | --- |"]
        lines += [
            f"| `{value}` | {_cell(meaning)} |" for value, meaning in VOCABULARIES[name].items()
        ]
    return "\n".join(lines) + "\n"


# --- the files ---------------------------------------------------------------------------

GENERATORS: dict[str, tuple[str, Callable[[], str]]] = {
    "cli-reference": ("docs/cli.md", cli_reference),
    "record-fields": ("docs/records.md", record_fields),
}


def regenerated(path: Path) -> str:
    """The text of `path` with each of its generated parts written anew."""
    text = path.read_text(encoding="utf-8")
    names = [match.group("name") for match in _PART.finditer(text)]
    expected = [name for name, (file, _) in GENERATORS.items() if ROOT / file == path]
    if names != expected:
        raise SystemExit(f"{path}: generated parts {names}, expected {expected}")

    def write_part(match: re.Match[str]) -> str:
        body = GENERATORS[match.group("name")][1]()
        return f"{match.group(1)}\n{body}\n{match.group(4)}"

    return _PART.sub(write_part, text)


def stale_files() -> list[str]:
    """The docs files whose generated parts differ from what the code gives now."""
    files = sorted({file for file, _ in GENERATORS.values()})
    return [file for file in files if regenerated(ROOT / file) != (ROOT / file).read_text("utf-8")]


def main(argv: list[str]) -> int:
    if argv not in ([], ["--check"]):
        print(__doc__, file=sys.stderr)
        return 2
    stale = stale_files()
    if argv == ["--check"]:
        for file in stale:
            print(f"{file} is out of date: run `{COMMAND}`", file=sys.stderr)
        return 1 if stale else 0
    for file in stale:
        (ROOT / file).write_text(regenerated(ROOT / file), encoding="utf-8")
        print(f"rewrote {file}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
