"""The library's exception family; the CLI turns each into one line and an exit code."""

from __future__ import annotations


class CoopExtractError(Exception):
    """Base class: a problem a user can fix, described in one sentence."""

    exit_code = 1


class RulesError(CoopExtractError):
    """A rule file is missing, malformed or contradicts another one."""

    def __init__(self, path: object, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class RulesFolderError(RulesError):
    """The rules folder named cannot be used at all: it does not exist, or holds no language
    folder. The command line names the wrong folder: exit code 2, as for any usage mistake."""

    exit_code = 2


class LanguageError(RulesError, ValueError):
    """No rules for the language asked for (`--language`, `extract_text(language=...)`): a
    usage mistake (exit code 2). A ValueError too, as a bad argument is in Python."""

    exit_code = 2


class InputError(CoopExtractError):
    """An input file or folder cannot be used."""


class OutputError(CoopExtractError):
    """The output folder or file cannot be written."""


# Reasons are shown on one line of stderr and kept in errors.jsonl.
REASON_MAX_CHARS = 300


def bug_reason(error: BaseException) -> str:
    """`internal error: ValueError: message`, on one line and of bounded length: why one file
    or article was skipped when reading or extracting it raised (a bug, not a bad input)."""
    message = " ".join(str(error).split())
    if len(message) > REASON_MAX_CHARS:
        message = message[: REASON_MAX_CHARS - 1] + "…"
    name = type(error).__name__
    return f"internal error: {name}: {message}" if message else f"internal error: {name}"
