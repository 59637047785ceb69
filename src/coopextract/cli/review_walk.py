"""`coopextract review DIR --next`: the agreements not yet accepted or rejected, one by one.

Each is shown as `--show` shows it, then one question, answered by a line:

    a [NOTE]          accept (the rest of the line is the decision's note), next agreement
    r [NOTE]          reject, next agreement
    s FIELD=VALUE     correct a field (spaces allowed: s date=March 2021), same agreement
    v                 show the agreement again (with its corrections)
    k                 skip it, undecided
    q                 quit (so does the end of the input, or Ctrl-C)

Every decision is recorded at once (`review.folder.decide`), so quitting loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import typer

from coopextract.errors import CoopExtractError
from coopextract.terminal import plural, say

PROMPT = "a accept, r reject, s FIELD=VALUE, v view, k skip, q quit"
HELP = (
    "Answers: a [NOTE] accept · r [NOTE] reject · s FIELD=VALUE correct a field "
    "(status, instrument, date, period, parties, scope, subjects, space) · v show again · "
    "k skip · q quit"
)
_WORDS = {
    "a": "accept",
    "accept": "accept",
    "r": "reject",
    "reject": "reject",
    "s": "set",
    "set": "set",
    "v": "view",
    "view": "view",
    "k": "skip",
    "skip": "skip",
    "q": "quit",
    "quit": "quit",
    "?": "help",
    "h": "help",
    "help": "help",
}


@dataclass
class Tally:
    accepted: int = 0
    rejected: int = 0
    skipped: int = 0
    corrected: set[str] = field(default_factory=set)


def parse_answer(line: str) -> tuple[str, str] | None:
    """`r not an agreement` → ("reject", "not an agreement"); None for an unknown word."""
    word, _, rest = line.strip().partition(" ")
    action = _WORDS.get(word.lower())
    return None if action is None else (action, rest.strip())


def walk(dir: Path, pending: list[str]) -> None:
    """Ask for a decision on each of `pending` (record ids) in turn."""
    if not pending:
        say("Nothing to review: every agreement listed is accepted or rejected")
        return
    tally = Tally()
    for number, record_id in enumerate(pending, 1):
        if not _one(dir, record_id, f"{number} of {len(pending)}", tally):
            break
    decided = tally.accepted + tally.rejected
    say(
        f"Reviewed {decided} of {plural(len(pending), 'agreement')}: {tally.accepted} accepted, "
        f"{tally.rejected} rejected, {len(tally.corrected)} corrected, {tally.skipped} skipped; "
        f"{len(pending) - decided} still to review"
    )


def _one(dir: Path, record_id: str, position: str, tally: Tally) -> bool:
    """Show one agreement and take answers until one moves on; False to stop the walk."""
    _view(dir, record_id, position)
    while True:
        try:
            line = typer.prompt(PROMPT, prompt_suffix="\n> ")
        except typer.Abort:  # the end of the input, or Ctrl-C
            typer.echo()
            return False
        answer = parse_answer(line)
        if answer is None or answer[0] == "help":
            say(HELP)
            continue
        action, rest = answer
        if action == "quit":
            return False
        if action == "skip":
            tally.skipped += 1
            return True
        if action == "view":
            _view(dir, record_id, position)
            continue
        if action == "set" and not rest:
            say("s takes FIELD=VALUE, e.g. s status=signed")
            continue
        if not _decide(dir, record_id, action, rest):
            continue
        if action == "set":
            tally.corrected.add(record_id)
            continue
        if action == "accept":
            tally.accepted += 1
        else:
            tally.rejected += 1
        return True


def _decide(dir: Path, record_id: str, action: str, rest: str) -> bool:
    from coopextract.review.fields import describe
    from coopextract.review.folder import decide

    try:
        if action == "set":
            stored = decide(dir, record_id, "set", assignment=rest, warn=say)
        else:
            verdict = "accept" if action == "accept" else "reject"
            stored = decide(dir, record_id, verdict, rest or None, warn=say)
    except CoopExtractError as err:  # a value the record refuses: ask again
        say(f"Error: {err}")
        return False
    say(f"Recorded decision {stored.seq} on {record_id}: {describe(stored)}")
    return True


def _view(dir: Path, record_id: str, position: str) -> None:
    from rich.rule import Rule

    from coopextract.review.folder import open_folder
    from coopextract.review.listing import record_view
    from coopextract.terminal import console

    opened = open_folder(dir, lambda _: None)  # as corrected by the answers so far
    record, original = opened.find(record_id)
    out = console()
    out.print(Rule(f"{position} to review", align="left"))
    for part in record_view(record, original, opened.decisions):
        out.print(part, soft_wrap=True)
