"""One language's date vocabulary (`rules/<lang>/date_words.json`) and the regexes built from it.

The words (months, weekdays, "prochain", "jusqu'en", ...) are data; this module only loads
them, normalised as the text they are matched against is, and compiles them into the
patterns `coopextract.reading.dates` reads expressions with.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_origin, get_type_hints

from coopextract.errors import RulesError


def normalise(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces: the form lexicons match on."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("ʼ", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def word_pattern(words: Iterable[str]) -> str:
    """One regex alternative per word, longest first, matching whole words only."""
    alternatives = sorted({re.escape(w) for w in words if w}, key=len, reverse=True)
    if not alternatives:
        return r"(?!x)x"  # matches nothing
    return r"(?<![^\W\d_])(?:" + "|".join(alternatives) + r")(?![^\W\d_])"


@dataclass(frozen=True)
class DateWords:
    """One language's date vocabulary (rules/<lang>/date_words.json), keys normalised."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    relative: dict[str, int]
    year_nouns: tuple[str, ...]
    month_nouns: tuple[str, ...]
    range_connectors: tuple[str, ...]
    period_until: tuple[str, ...]
    period_from: tuple[str, ...]
    published_markers: tuple[str, ...]
    dateline_prefixes: tuple[str, ...]
    day_suffixes: tuple[str, ...] = ()  # what may follow a day number: "9." (de), "1º" (it)
    # Lemmas of verbs whose dates are planned, not past, even in a past tense ("était prévu
    # en 2025", "a été reporté à 2026"): such a date says nothing of when the text was written.
    plan_verbs: tuple[str, ...] = ()
    # The month each season ends in ("été": 9): how late a past "l'été 2020" reaches.
    season_ends: dict[str, int] = dataclasses.field(default_factory=dict)
    # "semaine", "week": "la semaine dernière" is the month of the week before the writing.
    week_nouns: tuple[str, ...] = ()
    # "dia", "día": "no último dia 5" is the 5th nearest the writing, in its month or before.
    day_nouns: tuple[str, ...] = ()
    # "il y a deux semaines", "two weeks ago": the words before or after the count, the
    # count words ("deux": 2), and the days each unit word stands for (1, 7, 30, 365: read
    # as days, weeks, months, years).
    ago_before: tuple[str, ...] = ()
    ago_after: tuple[str, ...] = ()
    count_words: dict[str, int] = dataclasses.field(default_factory=dict)
    ago_units: dict[str, int] = dataclasses.field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> DateWords:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as err:
            raise RulesError(path, None, f"cannot be read ({err.strerror})") from err
        except json.JSONDecodeError as err:
            raise RulesError(path, err.lineno, f"not valid JSON ({err.msg})") from err
        try:
            return cls(**{f.name: _field_value(f, data) for f in dataclasses.fields(cls)})
        except (KeyError, AttributeError, TypeError, ValueError) as err:
            raise RulesError(path, None, f"malformed date vocabulary ({err!r})") from err


def _field_value(field: dataclasses.Field[Any], data: dict[str, Any]) -> Any:
    """One field of the vocabulary, normalised: a mapping of words to numbers (required unless
    it has a default: "months" is, "season_ends" is not), or a list of words (may be absent)."""
    if get_origin(get_type_hints(DateWords)[field.name]) is dict:
        required = field.default_factory is dataclasses.MISSING
        mapping = data[field.name] if required else data.get(field.name, {})
        return {normalise(k): int(v) for k, v in mapping.items()}
    return tuple(normalise(w) for w in data.get(field.name, []))


@dataclass(frozen=True)
class DatePatterns:
    """The regexes one language's expressions are read with, compiled once from its words."""

    day_suffix: str  # "1er", "2e" (fr) and the language's own: "9." (de), "1º" (it)
    month: re.Pattern[str]
    numeric: re.Pattern[str]  # "05/09/2018"
    iso: re.Pattern[str]  # "2018-09-05"
    day_month: re.Pattern[str]  # "9 mars", "9. März 2021"
    month_day: re.Pattern[str]  # "March 9", "March 9th, 2021": the English order
    day_range: re.Pattern[str]  # "du 14 au 16 juin"
    connector: re.Pattern[str]  # what joins the ends of a range: "au", "-", "bis"
    year: re.Pattern[str]
    weekday: re.Pattern[str]
    relative_day: re.Pattern[str]
    relative: re.Pattern[str]
    year_noun: re.Pattern[str]
    month_noun: re.Pattern[str]
    week_noun: re.Pattern[str]
    day_of_month: re.Pattern[str]  # "dia 5", "día 12": a day number after a day noun
    ago: re.Pattern[str]  # "il y a 2 semaines", "two weeks ago": (count, unit) per form
    until: re.Pattern[str]
    since: re.Pattern[str]
    season: re.Pattern[str]

    @classmethod
    def of(cls, words: DateWords) -> DatePatterns:
        month = word_pattern(words.months)
        suffix = "|".join(["er", "e", *(re.escape(x) for x in words.day_suffixes)])
        connectors = word_pattern(c for c in words.range_connectors if c.isalpha())
        dashes = "".join(re.escape(c) for c in words.range_connectors if not c.isalpha())
        connector = rf"(?:{connectors}|[{dashes}])" if dashes else connectors
        return cls(
            day_suffix=suffix,
            month=re.compile(rf"({month})\.?"),
            numeric=re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)"),
            iso=re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"),
            day_month=re.compile(
                rf"(?<![\d,.])(\d{{1,2}})(?:{suffix})?\s+({month})\.?(?:\s+(\d{{4}})(?!\d))?"
            ),
            month_day=re.compile(
                rf"({month})\.?\s+(\d{{1,2}})(?:{suffix})?(?!\d)(?:,?\s+(\d{{4}})(?!\d))?"
            ),
            day_range=re.compile(
                rf"(?<![\d,.])(\d{{1,2}})(?:{suffix})?\s*{connector}\s*(\d{{1,2}})(?:{suffix})?"
                rf"\s+({month})"
            ),
            connector=re.compile(rf"\s*{connector}\s*"),
            year=re.compile(r"(?<![\d,.])(\d{4})(?![\d]|[,.]\d)"),
            weekday=re.compile(word_pattern(words.weekdays)),
            relative_day=re.compile(word_pattern(words.relative_days)),
            relative=re.compile(word_pattern(words.relative)),
            year_noun=re.compile(word_pattern(words.year_nouns)),
            month_noun=re.compile(word_pattern(words.month_nouns)),
            week_noun=re.compile(word_pattern(words.week_nouns)),
            day_of_month=re.compile(rf"(?:{word_pattern(words.day_nouns)})\s+(\d{{1,2}})(?!\d)"),
            ago=re.compile(_ago_pattern(words)),
            until=re.compile(word_pattern(words.period_until)),
            since=re.compile(word_pattern(words.period_from)),
            season=re.compile(word_pattern(words.season_ends)),
        )


def _ago_pattern(words: DateWords) -> str:
    """ "il y a deux semaines", "hace 3 meses", "two weeks ago", "месяц назад": a count
    group (absent before a unit alone, "месяц назад") and a unit group for each form."""
    count = rf"(\d{{1,3}}|{word_pattern(words.count_words)})"
    unit = rf"({word_pattern(words.ago_units)})"
    forms = []
    if words.ago_before:
        forms.append(rf"(?:{word_pattern(words.ago_before)})\s+{count}\s+{unit}")
    if words.ago_after:
        forms.append(rf"(?:{count}\s+)?{unit}\s+(?:{word_pattern(words.ago_after)})")
    return "|".join(forms) or r"(?!x)x"
