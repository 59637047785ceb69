"""Loading and validating the rule files under `rules/`.

Layout (every file is plain JSON Lines, one object a line; rules/README.md explains them):

    rules/shared/catalog.jsonl     canonical entities:
                                   {"id", "kind", "country"?, "agency"?, "scope"?, "lead"?}
    rules/shared/entities.jsonl    language-neutral aliases, spaCy span patterns
                                   {"label", "pattern", "id"}
    rules/<lang>/entities.jsonl    names, metonyms and descriptive mentions in that language
    rules/<lang>/<family>.jsonl    demonyms, triggers, status, scope, dates, references,
                                   organisations, missions
    rules/shared/organisations.jsonl  legal forms of company names (SA, Inc., GmbH, ...)
    rules/<lang>/language.json     {"model": "fr_core_news_md"} (optional)
    rules/shared/boilerplate.jsonl lines that are page furniture, not article text:
    rules/<lang>/boilerplate.jsonl {"pattern": "<Python regex>", "id"} (optional; see
                                   coopextract.reading.boilerplate)

Pattern lines use spaCy's span-ruler format; `id` names a catalog entry for
entity families and a value (instrument, status, scope label, ...) for others. Any line may
carry a `comment` (a string for people, dropped when the line is read).
Boilerplate lines are regular expressions, not span patterns: they are matched against
whole lines of text before spaCy runs, so they are no span-ruler family.
Every problem is reported with the file and line it comes from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from coopextract.errors import LanguageError, RulesError, RulesFolderError
from coopextract.models import Instrument, Scope, Status

# A group ("les pays des BRICS") is no party itself: it stands for those of its members the
# article names.
ENTITY_KINDS = ("state", "agency", "organization", "company", "mission", "programme", "group")
PARTY_KINDS = ("state", "agency", "organization", "company")

# What each pattern family may say: its allowed labels, and for each label what `id` may be
# (None: any catalog id of the given kinds is checked separately; a tuple: a closed vocabulary).
# The closed vocabularies come from the record model, the single definition of a record.
STATUSES: tuple[str, ...] = get_args(Status)
INSTRUMENTS: tuple[str, ...] = get_args(Instrument)
SCOPES: tuple[str, ...] = get_args(Scope)
FAMILIES: dict[str, dict[str, tuple[str, ...] | None]] = {
    "entities": {kind.upper(): None for kind in ENTITY_KINDS},
    "demonyms": {"DEMONYM": None},
    # VAGUE: an instrument told only vaguely, counted where the sentence names none.
    "triggers": {"INSTRUMENT": INSTRUMENTS, "VAGUE": INSTRUMENTS, "IDIOM": None},
    # STATUS: a cue for the status `id`. APPLIED: the agreement being applied ("under the
    # agreement"): in force unless the sentence looks ahead (see components.agreements).
    # FUTURE: a future or conditional form, no status by itself; being longer, "entrera en
    # vigueur" hides the in-force cue inside it. ATTRIBUTE: an adjective that gives the status
    # only of the instrument it qualifies ("l'accord existant", "действующее соглашение").
    # PRESENT: a signing told in the present ("signent", "assinam"): signed, unless another
    # mention of the agreement tells its signing as still to come (see assembly.drafts).
    "status": {
        "STATUS": STATUSES,
        "APPLIED": ("in_force",),
        "FUTURE": None,
        "ATTRIBUTE": ("in_force", "terminated"),
        "PRESENT": ("signed",),
    },
    "scope": {"SCOPE": SCOPES},
    "dates": {"DATE": None, "PERIOD": None},
    # Words the assembly reads: "les deux pays" ("les deux sociétés": id company), heads of
    # demonyms ("agences spatiales russe et chinoise"), "entre X et Y", "signé par X et Y",
    # locative prepositions,
    # "des accords avec X et Y", words that set a party aside ("outre", "contesté par",
    # "détenue à 30 % par", "en marge de"), relative pronouns, "notre pays", ordinals ("le
    # second accord"), and anaphoric instrument mentions ("le document", "cet accord").
    "references": {
        "PAIR": ("state", "agency", "party", "company"),
        "AGENCY_HEAD": None,
        "STATE_HEAD": ("government", "state"),
        "BETWEEN": None,
        "CONJUNCTION": None,
        "AGENT": None,
        "COUNTERPART": None,
        "LOCATIVE": None,
        "HOMOLOGUE": ("homologue",),
        "BASED": None,
        "PART_OF": None,
        "BESIDES": None,
        "CRITIC": None,
        "WITNESS": None,
        "DISTRIBUTIVE": None,
        "CONFLICT": None,
        "SANCTIONS": None,
        "SELF": ("company",),
        "OWNER": None,
        "RELATIVE": None,
        "SETTING": None,
        "IN_PASSING": None,
        "SINCE": None,
        "OWN_COUNTRY": ("state",),
        "GENITIVE": None,
        "ORDINAL": None,
        "ANAPHOR": None,
        "GOVERNMENTAL": None,
        # Telling several agreements apart: an indefinite article ("un accord": one not yet
        # named), "un autre accord", "un nouvel accord" (NEW), an additive adverb ("ont
        # également signé"), a count of parties ("les trois agences", id "<kind>:<n>") and a
        # joining verb ("a rejoint").
        "INDEFINITE": None,
        "PLURAL": None,
        "COUNT": None,
        "ANOTHER": None,
        "NEW": None,
        "RENEWAL": None,
        "RATIFICATION": None,
        "ADDITIVE": None,
        "SEVERAL": None,
        "JOIN": None,
    },
    # Organisations the catalog does not know (pipeline.organisations): a cue noun before
    # a name ("l'opérateur canadien Telesat", id: the kind it gives), a determiner that makes
    # "l'américain SpaceX" a company, a legal form after a name ("Telesat Inc."), a word that
    # ends company names ("China Rocket Company"), the noun of an institution's full name
    # before its acronym ("l'Académie des sciences du Vietnam (VAST)"), a word in that full
    # name that makes it a body of several states ("l'Institut européen … (ESPI)").
    "organisations": {
        "CUE": ("company", "agency", "organization"),
        "DET_CUE": ("company",),
        "LEGAL_FORM": ("company",),
        "NAME_END": ("company",),
        "INSTITUTION": ("company", "agency", "organization"),
        "SUPRANATIONAL": ("organization",),
    },
    # Missions and programmes the catalog does not know (coopextract.pipeline.subjects): a cue noun
    # and a name, "la mission Chang'e 7", "der Satellit Sentinel-6" (BEFORE_NAME: the cue
    # comes first), "the Gaganyaan mission" (AFTER_NAME: the name comes first). The id is the
    # kind of subject the cue names.
    "missions": {
        "BEFORE_NAME": ("mission", "programme"),
        "AFTER_NAME": ("mission", "programme"),
        # A word whose shape alone names a mission: a name and its serial number, "Angosat-1",
        # "THEOS-2", "Luna-25" (NOT_NAME lines keep out "COP21", "COVID-19").
        "NAME": ("mission",),
        # A word after a cue that is no name ("спутник Земли": an Earth satellite).
        "NOT_NAME": None,
    },
}
PATTERN_FAMILIES = tuple(FAMILIES)


@dataclass(frozen=True)
class CatalogEntry:
    """A canonical entity: a party (state, agency, organisation, company) or a subject."""

    id: str
    kind: str
    country: str | None = None
    agency: str | None = None  # the space agency that signs for a state (or for the EU)
    scope: tuple[str, ...] = ()
    lead: str | None = None  # for programmes: the party a joiner agrees with (Artemis Accords)
    members: tuple[str, ...] = ()  # for groups: the states that belong to it
    # Not in the catalog: an organisation the article introduces (pipeline.organisations),
    # its kind and country read from the text.
    guessed: bool = False


@dataclass(frozen=True)
class BoilerplateRule:
    """A line that is page furniture when `regex` is found in it (stripped, any case)."""

    id: str
    regex: re.Pattern[str]


@dataclass
class RuleSet:
    """Everything one language needs: the catalog and its pattern families."""

    language: str
    catalog: dict[str, CatalogEntry]
    patterns: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    boilerplate: tuple[BoilerplateRule, ...] = ()
    model: str | None = None
    sources: list[Path] = field(default_factory=list)


def default_rules_dir() -> Path:
    """The rules that come with this code: an installed package's data, or a checkout's `rules/`.

    A wheel carries the top-level `rules/` folder as the package data `coopextract/rules/`
    (setup.py maps it there). Code run from a checkout (an editable install, or
    PYTHONPATH=src) has no such copy: its rules are the checkout's own `rules/`, beside `src/`,
    so that an edit there counts at once.
    """
    return rules_beside(Path(__file__).parent)


def rules_beside(package: Path) -> Path:
    """The rules of the package in folder `package`: its data, else its checkout's `rules/`."""
    installed = package / "rules"
    return installed if installed.is_dir() else package.parent.parent / "rules"


def available_languages(rules_dir: Path) -> list[str]:
    """The languages RULES_DIR has rules for: its folders but `shared/`, sorted.

    RulesFolderError when it is no rules folder at all (missing, not a folder, or without
    a language folder): `--rules` names the wrong folder."""
    check_rules_folder(rules_dir)
    languages = sorted(p.name for p in rules_dir.iterdir() if _is_language_folder(p))
    if not languages:
        raise RulesFolderError(
            rules_dir,
            None,
            "holds no language folder (such as fr/); pass --rules a folder with shared/ and "
            "one folder per language, like the project's rules/",
        )
    return languages


def check_rules_folder(rules_dir: Path) -> None:
    """RulesFolderError unless RULES_DIR is an existing folder."""
    if not rules_dir.is_dir():
        what = "is not a folder" if rules_dir.exists() else "rules folder not found"
        raise RulesFolderError(
            rules_dir,
            None,
            f"{what}; pass --rules a folder with shared/ and one folder per language, like "
            "the project's rules/",
        )


def _is_language_folder(path: Path) -> bool:
    # Hidden folders (.git, editors' caches) are no language.
    return path.is_dir() and path.name != "shared" and not path.name.startswith(".")


def language_folder(rules_dir: Path, language: str) -> Path:
    """RULES_DIR's folder for LANGUAGE; LanguageError, naming the languages it has, when
    there is none."""
    folder = rules_dir / language
    if not folder.is_dir() or not _is_language_folder(folder):
        has = ", ".join(available_languages(rules_dir))
        raise LanguageError(
            folder,
            None,
            f"no rules for language {language!r} (there are rules for {has}); choose one of "
            "those, or add the folder to support it",
        )
    return folder


def _read_jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    """The file's objects with their line numbers, each without its `comment`.

    Plain JSON Lines, as `srsly.read_jsonl` reads them (blank lines skipped). A note on a
    rule is its `comment` string, for people only: it never reaches a matcher.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as err:
        raise RulesError(path, None, f"not UTF-8 text ({err.reason}); save it as UTF-8") from err
    except OSError as err:
        raise RulesError(path, None, f"cannot be read ({err.strerror})") from err
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        # The files were once commented with `//` lines; no JSON tool reads those.
        if line.lstrip().startswith(("//", "#")):
            raise RulesError(
                path,
                number,
                'a comment line, but rule files are plain JSON Lines: put the note in a "comment" '
                "field of the rule it explains, or in rules/README.md",
            )
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise RulesError(path, number, f"not valid JSON ({err.msg})") from err
        if not isinstance(obj, dict):
            raise RulesError(path, number, "each line must be a JSON object")
        comment = obj.pop("comment", "")
        if not isinstance(comment, str):
            raise RulesError(path, number, "'comment' must be a string")
        yield number, obj


def load_catalog(path: Path) -> dict[str, CatalogEntry]:
    catalog: dict[str, CatalogEntry] = {}
    for number, obj in _read_jsonl(path):
        unknown = set(obj) - {"id", "kind", "country", "agency", "scope", "lead", "members"}
        if unknown:
            raise RulesError(path, number, f"unknown key(s) {sorted(unknown)}")
        ident, kind = obj.get("id"), obj.get("kind")
        if not isinstance(ident, str) or not ident:
            raise RulesError(path, number, "missing 'id' (the canonical name)")
        if kind not in ENTITY_KINDS:
            raise RulesError(path, number, f"'kind' must be one of {', '.join(ENTITY_KINDS)}")
        country = obj.get("country")
        if country is not None and not (
            isinstance(country, str) and len(country) == 2 and country.isupper()
        ):
            raise RulesError(
                path, number, f"'country' must be an ISO 3166-1 alpha-2 code, not {country!r}"
            )
        scope = obj.get("scope") or []
        bad = [s for s in scope if s not in SCOPES]
        if bad:
            raise RulesError(path, number, f"unknown scope label(s) {bad}")
        if ident in catalog:
            raise RulesError(path, number, f"{ident!r} is already in the catalog")
        members = obj.get("members") or []
        if not isinstance(members, list) or (members and kind != "group"):
            raise RulesError(path, number, "'members' is a list, for a group only")
        catalog[ident] = CatalogEntry(
            ident, kind, country, obj.get("agency"), tuple(scope), obj.get("lead"), tuple(members)
        )
    for entry in catalog.values():
        for ref in (entry.agency, entry.lead, *entry.members):
            if ref and ref not in catalog:
                raise RulesError(
                    path, None, f"{entry.id!r} names {ref!r}, which is not in the catalog"
                )
        for member in entry.members:
            if catalog[member].kind != "state":
                raise RulesError(path, None, f"{entry.id!r} has {member!r}, which is not a state")
    return catalog


def _alias_key(pattern: str | list[dict[str, Any]]) -> str:
    return pattern.casefold() if isinstance(pattern, str) else json.dumps(pattern, sort_keys=True)


def _check_pattern_line(
    path: Path, number: int, obj: dict[str, Any], family: str, catalog: dict[str, CatalogEntry]
) -> None:
    unknown = set(obj) - {"label", "pattern", "id"}
    if unknown:
        raise RulesError(path, number, f"unknown key(s) {sorted(unknown)}")
    label, pattern, ident = obj.get("label"), obj.get("pattern"), obj.get("id")
    labels = FAMILIES[family]
    if label not in labels:
        raise RulesError(path, number, f"label {label!r} is not one of {', '.join(labels)}")
    if isinstance(pattern, str):
        if not pattern.strip():
            raise RulesError(path, number, "empty pattern")
    elif isinstance(pattern, list) and pattern:
        # Imported here: spaCy takes over a second to import, which `coopextract ingest
        # --workers` would otherwise pay before it can start its workers.
        from spacy.schemas import validate_token_pattern

        errors = validate_token_pattern(pattern)
        if errors:
            raise RulesError(path, number, f"invalid token pattern: {errors[0]}")
    else:
        raise RulesError(path, number, "'pattern' must be a string or a list of token patterns")
    if not isinstance(ident, str) or not ident:
        raise RulesError(path, number, "missing 'id'")
    vocabulary = labels[label]
    if vocabulary is not None and ident not in vocabulary:
        raise RulesError(path, number, f"id {ident!r} is not one of {', '.join(vocabulary)}")
    if family in ("entities", "demonyms"):
        entry = catalog.get(ident)
        if entry is None:
            raise RulesError(
                path,
                number,
                f"id {ident!r} is not in rules/shared/catalog.jsonl; add it there first",
            )
        if family == "entities" and entry.kind.upper() != label:
            raise RulesError(
                path,
                number,
                f"label {label} does not match {ident!r}, a {entry.kind} in the catalog",
            )
        if family == "demonyms" and entry.kind != "state":
            raise RulesError(path, number, f"demonym of {ident!r}, which is not a state")


def load_patterns(
    paths: list[Path], family: str, catalog: dict[str, CatalogEntry]
) -> list[dict[str, Any]]:
    """Read and check one family's pattern files; conflicting aliases are errors."""
    seen: dict[tuple[str, str], tuple[Path, int, str]] = {}
    patterns: list[dict[str, Any]] = []
    for path in paths:
        for number, obj in _read_jsonl(path):
            _check_pattern_line(path, number, obj, family, catalog)
            key = (obj["label"] if family != "entities" else "", _alias_key(obj["pattern"]))
            if key in seen:
                other_path, other_line, other_id = seen[key]
                what = "conflicts with" if other_id != obj["id"] else "repeats"
                raise RulesError(
                    path,
                    number,
                    f"pattern {obj['pattern']!r} {what} {other_path}:{other_line} "
                    f"(id {other_id!r}); keep one line",
                )
            seen[key] = (path, number, obj["id"])
            patterns.append(obj)
    return patterns


def load_boilerplate(paths: list[Path]) -> tuple[BoilerplateRule, ...]:
    """Read and check boilerplate line rules: `{"pattern": "<regex>", "id": "<short id>"}`."""
    rules: list[BoilerplateRule] = []
    seen: dict[str, tuple[Path, int]] = {}
    for path in paths:
        for number, obj in _read_jsonl(path):
            unknown = set(obj) - {"pattern", "id"}
            if unknown:
                raise RulesError(path, number, f"unknown key(s) {sorted(unknown)}")
            pattern, ident = obj.get("pattern"), obj.get("id")
            if not isinstance(pattern, str) or not pattern.strip():
                raise RulesError(path, number, "'pattern' must be a non-empty regular expression")
            if not isinstance(ident, str) or not ident:
                raise RulesError(path, number, "missing 'id' (a short name for the rule)")
            try:
                regex = re.compile(pattern, re.IGNORECASE)
            except re.error as err:
                raise RulesError(
                    path, number, f"invalid regular expression ({err.msg} at position {err.pos})"
                ) from err
            # A pattern found in the empty string is found in every line: it would mask all.
            if regex.search("") is not None:
                raise RulesError(
                    path, number, f"pattern {pattern!r} matches an empty line, so every line"
                )
            if ident in seen:
                other_path, other_line = seen[ident]
                raise RulesError(
                    path, number, f"id {ident!r} is already used at {other_path}:{other_line}"
                )
            seen[ident] = (path, number)
            rules.append(BoilerplateRule(ident, regex))
    return tuple(rules)


def load_rules(rules_dir: Path | None = None, language: str = "fr") -> RuleSet:
    """Load the catalog, the shared aliases and one language's pattern families."""
    rules_dir = rules_dir or default_rules_dir()
    check_rules_folder(rules_dir)
    lang_dir = language_folder(rules_dir, language)
    catalog_path = rules_dir / "shared" / "catalog.jsonl"
    if not catalog_path.is_file():
        raise RulesError(
            catalog_path, None, "missing: every rules folder needs shared/catalog.jsonl"
        )
    catalog = load_catalog(catalog_path)
    rule_set = RuleSet(language=language, catalog=catalog, sources=[catalog_path])
    for family in PATTERN_FAMILIES:
        paths = [
            p
            for p in (rules_dir / "shared" / f"{family}.jsonl", lang_dir / f"{family}.jsonl")
            if p.is_file()
        ]
        rule_set.patterns[family] = load_patterns(paths, family, catalog)
        rule_set.sources.extend(paths)
    boilerplate_paths = [
        p
        for p in (rules_dir / "shared" / "boilerplate.jsonl", lang_dir / "boilerplate.jsonl")
        if p.is_file()
    ]
    rule_set.boilerplate = load_boilerplate(boilerplate_paths)
    rule_set.sources.extend(boilerplate_paths)
    config_path = lang_dir / "language.json"
    if config_path.is_file():
        rule_set.model = _language_config(config_path).get("model")
        rule_set.sources.append(config_path)
    return rule_set


def language_model(rules_dir: Path | None, language: str) -> str | None:
    """The spaCy model a language's `language.json` names (None: a blank pipeline), read
    without loading the rest of its rules."""
    config_path = (rules_dir or default_rules_dir()) / language / "language.json"
    return _language_config(config_path).get("model") if config_path.is_file() else None


def _language_config(path: Path) -> dict[str, Any]:
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise RulesError(path, err.lineno, f"not valid JSON ({err.msg})") from err
    if not isinstance(config, dict):
        raise RulesError(path, None, 'must be a JSON object, like {"model": "fr_core_news_md"}')
    return config


def load_instrument_kinds(
    rules_dir: Path | None = None,
) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """`shared/instruments.jsonl`: the instruments that may name any agreement (`vague`), and
    the groups of instruments one agreement is called by in different reports (`same`)."""
    path = (rules_dir or default_rules_dir()) / "shared" / "instruments.jsonl"
    if not path.is_file():
        return frozenset(), ()
    known = set(get_args(Instrument))
    vague: set[str] = set()
    groups: list[frozenset[str]] = []
    for number, obj in _read_jsonl(path):
        if len(obj) != 1 or next(iter(obj)) not in ("vague", "same"):
            raise RulesError(path, number, 'each line is {"vague": [...]} or {"same": [...]}')
        key, names = next(iter(obj.items()))
        if not isinstance(names, list) or not set(names) <= known or not names:
            raise RulesError(
                path, number, f"{key!r} must list instruments among {', '.join(sorted(known))}"
            )
        if key == "vague":
            vague.update(names)
        else:
            groups.append(frozenset(names))
    return frozenset(vague), tuple(groups)
