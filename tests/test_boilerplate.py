"""Boilerplate masking: page furniture and control characters are not analysed, offsets kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopextract.errors import RulesError
from coopextract.reading.articles import Article, iter_articles
from coopextract.reading.boilerplate import boilerplate_lines, mask
from coopextract.rule_files import PATTERN_FAMILIES, BoilerplateRule, load_rules
from tests.conftest import PROJECT, append, make_article

RAW = PROJECT / "data" / "raw"


def rule(pattern: str, ident: str = "r") -> BoilerplateRule:
    return BoilerplateRule(ident, re.compile(pattern, re.IGNORECASE))


@pytest.fixture(scope="module")
def shipped() -> tuple[BoilerplateRule, ...]:
    return load_rules().boilerplate


def test_masked_lines_become_spaces_of_the_same_length() -> None:
    text = "Titre\r\nPartager\r\nLe CNES a signé.\nPUBLICITÉ\n\nFin"
    masked = mask(text, [rule(r"^partager$", "share"), rule(r"^publicité$", "ad")])
    assert masked == "Titre\r\n        \r\nLe CNES a signé.\n         \n\nFin"
    assert len(masked) == len(text)
    assert [line.rule for line in boilerplate_lines(text, [rule("^partager$", "share")])] == [
        "share"
    ]


def test_lines_are_matched_stripped_and_in_any_case() -> None:
    text = "  \tABONNEZ-VOUS  \nCorps"
    assert mask(text, [rule(r"^abonnez-vous$")]) == " " * 17 + "\nCorps"


def test_control_characters_become_spaces_but_line_ends_and_tabs_stay() -> None:
    text = "A\x00B\x07C\x1b\tD\r\nE\x85F\x7f\x0b\x0cG\n"
    assert mask(text, []) == "A B C \tD\r\nE F   G\n"


def test_fixed_width_spaces_become_plain_spaces() -> None:
    # the tokenizer splits on plain spaces only: "9\u00a0mars" would be three tokens
    text = "Le 9\u00a0mars\u202f2021, l'été\u00a02020\u2009: fin\u3000."
    masked = mask(text, [])
    assert masked == "Le 9 mars 2021, l'été 2020 : fin ."
    assert len(masked) == len(text)


def test_a_very_long_line_is_never_masked() -> None:
    long_line = "Partager " + "mot " * 1000
    assert mask(long_line, [rule("^partager")]) == long_line


def test_shipped_rules_mask_the_seed_furniture_not_the_articles(
    shipped: tuple[BoilerplateRule, ...],
) -> None:
    articles = {a.path: a for a in iter_articles(RAW) if isinstance(a, Article)}
    masked = {
        path: [a.text[line.start : line.end] for line in boilerplate_lines(a.text, shipped)]
        for path, a in articles.items()
    }
    assert masked["000_d1d8bed0e0f75784.txt"] == [
        "La lune photographiée le 10 juin 2019. (image d'illustration).",
        "Suivez RT France surTelegram",
        "Suivez RT France surTelegram",
        masked["000_d1d8bed0e0f75784.txt"][3],
        "OK",
        "Ce site utilise des cookies.",
        masked["000_d1d8bed0e0f75784.txt"][6],
    ]
    assert masked["000_d1d8bed0e0f75784.txt"][3].startswith("En cliquant sur chaque option")
    assert masked["000_d1d8bed0e0f75784.txt"][6].startswith("En poursuivant votre navigation")
    assert masked["002_c665be847a6eec23.txt"][0] == "Related Articles"
    assert masked["002_c665be847a6eec23.txt"][1].startswith("This website uses cookies")
    assert masked["004_b6c410c8fab2613d.txt"] == ["haut de la page"]
    assert masked["003_998f866523990025.txt"] == []
    for path, article in articles.items():
        # No title and no sentence that reports an agreement is masked.
        assert article.title not in " ".join(masked[path])
        for line in masked[path]:
            assert not re.search(r"\b(accord|mémorandum|programme|signé)", line), line


@pytest.mark.parametrize(
    "line",
    [
        "Ce site utilise des cookies pour améliorer votre expérience.",
        "Suivez-nous sur Twitter",
        "Partager",
        "Abonnez-vous à notre newsletter",
        "Copyright © 2021 Le Monde",
        "Tous droits réservés.",
        "© AFP",
        "Photo: Reuters",
        "Crédits photographiques : NASA/ESA",
        "Lire la suite",
        "Related Articles",
        "Publicité",
        "Lire aussi : La Chine et la Russie signent un accord lunaire",
    ],
)
def test_shipped_rules_know_common_furniture(
    shipped: tuple[BoilerplateRule, ...], line: str
) -> None:
    assert mask(line, shipped) == " " * len(line)


@pytest.mark.parametrize(
    "line",
    [
        "Le CNES et la NASA ont signé un accord de partage des données.",
        "L'accord, dont tous les droits sont réservés aux deux agences, a été signé.",
        "Roscosmos utilise des cookies, a plaisanté le directeur.",
        "La photo de l'accord a été publiée par l'agence.",
    ],
)
def test_shipped_rules_leave_article_sentences(
    shipped: tuple[BoilerplateRule, ...], line: str
) -> None:
    assert mask(line, shipped) == line


def test_boilerplate_is_loaded_from_shared_and_language_files(rules_copy: Path) -> None:
    append(rules_copy / "fr" / "boilerplate.jsonl", '{"pattern": "^zut$", "id": "zut"}')
    rule_set = load_rules(rules_copy)
    assert "boilerplate" not in PATTERN_FAMILIES
    ids = {r.id for r in rule_set.boilerplate}
    assert {"cookies", "cookies-en", "zut"} <= ids
    assert rules_copy / "shared" / "boilerplate.jsonl" in rule_set.sources
    assert mask("Zut\nSuite", rule_set.boilerplate) == "   \nSuite"


def test_no_boilerplate_file_is_fine(rules_copy: Path) -> None:
    (rules_copy / "fr" / "boilerplate.jsonl").unlink()
    (rules_copy / "shared" / "boilerplate.jsonl").unlink()
    assert load_rules(rules_copy).boilerplate == ()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"pattern": "^zut", "id": "zut"', "not valid JSON"),
        ('{"pattern": "^(zut", "id": "zut"}', "invalid regular expression"),
        ('{"pattern": "", "id": "zut"}', "'pattern' must be a non-empty"),
        ('{"pattern": "^zut$"}', "missing 'id'"),
        ('{"pattern": "^zut$", "id": "zut", "label": "X"}', "unknown key"),
        ('{"pattern": "x*", "id": "zut"}', "matches an empty line"),
        ('{"pattern": "^zut$", "id": "cookies"}', "id 'cookies' is already used"),
    ],
)
def test_malformed_rule_is_rules_error_with_file_and_line(
    rules_copy: Path, line: str, message: str
) -> None:
    path = rules_copy / "fr" / "boilerplate.jsonl"
    number = append(path, line)
    with pytest.raises(RulesError, match=re.escape(message)) as info:
        load_rules(rules_copy)
    assert str(info.value).startswith(f"{path}:{number}: ")


# Any text, control characters included, and lines far longer than any boilerplate line.
any_text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",))),
    st.builds(
        lambda a, n, b: a + "x" * n + b,
        st.text(st.characters(exclude_categories=("Cs",)), max_size=50),
        st.integers(0, 5000),
        st.text(st.characters(exclude_categories=("Cs",)), max_size=50),
    ),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_mask_keeps_length_and_line_ends(shipped: tuple[BoilerplateRule, ...], text: str) -> None:
    masked = mask(text, shipped)
    assert len(masked) == len(text)
    for original, seen in zip(text, masked, strict=True):
        # a space, or an accent typed for an apostrophe between letters ("l´Accord")
        assert seen == original or seen == " " or (original in "´`" and seen == "’")
        if original in "\r\n\t":
            assert seen == original
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", masked)


@pytest.mark.model
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        any_text,
        st.builds(
            lambda a, b: a + "\nLe CNES et la NASA ont signé un accord.\n" + b, any_text, any_text
        ),
    )
)
def test_any_text_goes_through_the_extractor(extractor, text: str) -> None:
    if not text.strip():
        return  # not an article: the reader skips it
    for record in extractor.extract(make_article(text)):
        for evidence in record.evidence:
            assert 0 <= evidence.start <= evidence.end <= len(text)
            assert text[evidence.start : evidence.end] == evidence.text


@pytest.mark.model
def test_evidence_never_quotes_a_masked_line(extractor) -> None:
    text = (
        "Accord spatial\n\n"
        "Le CNES et la NASA ont signé un accord de coopération.\n"
        "Suivez-nous sur Twitter\n"
        "Lire aussi : La Chine et la Russie signent un accord lunaire\n"
    )
    [record] = extractor.extract(make_article(text))
    assert {p.name for p in record.parties} == {"CNES", "NASA"}
    [evidence] = record.evidence
    assert evidence.text == "Le CNES et la NASA ont signé un accord de coopération."
    assert text[evidence.start : evidence.end] == evidence.text


def test_an_accent_typed_for_an_apostrophe_becomes_one() -> None:
    # "l´Accord" would hide its trigger; the text keeps its length, so offsets hold.
    text = "ont signé lundi l´Accord et d`un autre, puis « ´ » et l´"
    assert mask(text, ()) == "ont signé lundi l’Accord et d’un autre, puis « ´ » et l´"
