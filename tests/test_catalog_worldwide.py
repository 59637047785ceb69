"""The catalog's worldwide space actors: it loads in every language, a sample of agencies,
companies and operators is found in short texts, and acronyms that are also words do not fire."""

from __future__ import annotations

import pytest

from coopextract.rule_files import available_languages, default_rules_dir, load_rules
from tests.lang_rules_helpers import spans


@pytest.mark.parametrize("lang", available_languages(default_rules_dir()))
def test_catalog_loads_in_every_language(lang: str) -> None:
    catalog = load_rules(None, lang).catalog
    kinds = [e.kind for e in catalog.values()]
    assert kinds.count("company") >= 140
    assert kinds.count("agency") >= 75


@pytest.mark.parametrize(
    ("ident", "kind", "country"),
    [
        ("VNSC", "agency", "VN"),
        ("BRIN", "agency", "ID"),
        ("CRTS", "agency", "MA"),
        ("ALCE", "organization", None),
        ("United Launch Alliance", "company", "US"),
        ("ISS Reshetnev", "company", "RU"),
        ("Arabsat", "company", "SA"),
        ("Intelsat", "company", "LU"),
        ("Türksat", "company", "TR"),
    ],
)
def test_new_entries_have_their_country(ident: str, kind: str, country: str | None) -> None:
    entry = load_rules(None, "en").catalog[ident]
    assert (entry.kind, entry.country) == (kind, country)


@pytest.mark.parametrize(
    ("lang", "text", "span", "ident"),
    [
        ("en", "ULA signed a contract with Viasat.", "ULA", "United Launch Alliance"),
        ("en", "ULA signed a contract with Viasat.", "Viasat", "Viasat"),
        ("en", "Thaicom and Measat agreed to share a slot.", "Measat", "Measat"),
        (
            "fr",
            "Le Centre spatial national du Vietnam a signé.",
            "Centre spatial national du Vietnam",
            "VNSC",
        ),
        ("fr", "Un accord avec l'opérateur Arabsat.", "Arabsat", "Arabsat"),
        ("es", "La Agencia Espacial Costarricense firmó con INVAP.", "INVAP", "INVAP"),
        (
            "es",
            "La Agencia Espacial Costarricense firmó con INVAP.",
            "Agencia Espacial Costarricense",
            "Costa Rican Space Agency",
        ),
        ("pt", "O GGPEN assinou com a Star One.", "Star One", "Star One"),
        ("ru", "ИСС имени Решетнёва подписала контракт.", "Решетнёва", "ISS Reshetnev"),
        ("ru", "Контракт с Ростехом и Энергомашем.", "Ростехом", "Rostec"),
        ("ru", "Контракт с Ростехом и Энергомашем.", "Энергомашем", "NPO Energomash"),
    ],
)
def test_new_names_are_found(lang: str, text: str, span: str, ident: str) -> None:
    assert (span, ident) in spans(lang, text, "entities")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # ordinary words that are also an acronym or a name in the catalog (case-sensitive lines)
        ("fr", "Un brin de chance: ils ont signé."),  # BRIN, and no ILS acronym at all
        ("es", "No hubo nada que firmar con el alce."),  # no NADA alias; ALCE upper case
        ("it", "La panna è nata ieri."),  # NATA only upper case
        ("en", "A rare metal, iridium, and a star one could see."),  # Iridium, Star One
        ("en", "The kai and the nec plants grow in space."),  # KAI, NEC
        ("en", "Exploration in space needs a national space organization."),  # no IN-SPACe, NSPO
    ],
)
def test_ambiguous_acronyms_do_not_fire_on_words(lang: str, text: str) -> None:
    assert spans(lang, text, "entities", "COMPANY") == []
    found = {ident for _, ident in spans(lang, text, "entities")}
    assert found.isdisjoint({"BRIN", "NATA", "ALCE", "Iridium", "Star One", "IN-SPACe"})
