"""Rule mechanics on spacy.blank("fr") with tiny rule sets: fast, no trained model."""

from __future__ import annotations

import pytest

from coopextract.assembly.assemble import merge_mentions
from coopextract.pipeline.build import build_pipeline
from coopextract.pipeline.parties import choose_parties
from coopextract.pipeline.party_mentions import sentence_mentions
from coopextract.reading.dates import resolver_for
from coopextract.rule_files import CatalogEntry, RuleSet

CATALOG = {
    e.id: e
    for e in [
        CatalogEntry("Russia", "state", "RU", agency="Roscosmos"),
        CatalogEntry("China", "state", "CN", agency="CNSA"),
        CatalogEntry("France", "state", "FR", agency="CNES"),
        CatalogEntry("Roscosmos", "agency", "RU"),
        CatalogEntry("CNSA", "agency", "CN"),
        CatalogEntry("CNES", "agency", "FR"),
        CatalogEntry("ILRS", "programme", scope=("lunar_exploration",), lead="China"),
    ]
}


def rule(label: str, pattern: str | list, ident: str) -> dict:
    return {"label": label, "pattern": pattern, "id": ident}


PATTERNS = {
    "entities": [
        rule("STATE", "Russie", "Russia"),
        rule("STATE", "Chine", "China"),
        rule("STATE", "Paris", "France"),
        rule("STATE", "Pékin", "China"),
        rule("AGENCY", "Roscosmos", "Roscosmos"),
        rule("AGENCY", "CNSA", "CNSA"),
        rule("AGENCY", "CNES", "CNES"),
        rule("PROGRAMME", "ILRS", "ILRS"),
    ],
    "demonyms": [
        rule("DEMONYM", [{"LOWER": {"IN": ["russe", "russes"]}}], "Russia"),
        rule("DEMONYM", [{"LOWER": {"IN": ["chinois", "chinoise"]}}], "China"),
        rule("DEMONYM", [{"LOWER": {"REGEX": "^sino-"}}], "China"),
    ],
    "triggers": [rule("INSTRUMENT", [{"LOWER": "accord"}], "agreement")],
    "status": [rule("STATUS", [{"LOWER": "signé"}], "signed")],
    "scope": [],
    "dates": [rule("DATE", [{"LOWER": "en"}, {"SHAPE": "dddd"}], "year")],
    "references": [
        rule("AGENCY_HEAD", [{"LOWER": "agences"}, {"LOWER": "spatiales"}], "agency"),
        rule("STATE_HEAD", [{"LOWER": "gouvernements"}], "government"),
        rule("BETWEEN", [{"LOWER": "entre"}], "between"),
        rule("CONJUNCTION", [{"LOWER": "et"}], "conjunction"),
        rule("LOCATIVE", [{"LOWER": {"IN": ["à", "en"]}}], "locative"),
        rule("PAIR", [{"LOWER": "les"}, {"LOWER": "deux"}, {"LOWER": "pays"}], "state"),
    ],
}


@pytest.fixture(scope="module")
def nlp():
    rule_set = RuleSet(language="fr", catalog=CATALOG, patterns=PATTERNS)
    return build_pipeline(rule_set, model=None)


def parties_of(nlp, text: str) -> list[str]:
    doc = nlp(text)
    sent = next(iter(doc.sents))
    return [p.entry.id for p in choose_parties(sentence_mentions(doc, sent, CATALOG))]


def test_blank_pipeline_has_a_sentence_splitter_and_the_rule_components(nlp) -> None:
    assert nlp.pipe_names[0] == "coop_sentences"
    assert nlp.pipe_names[-1] == "coop_agreements"


def test_coordinated_demonyms_after_an_agency_head_become_agencies(nlp) -> None:
    assert parties_of(nlp, "Les agences spatiales russe et chinoise ont signé.") == [
        "Roscosmos",
        "CNSA",
    ]


def test_governments_head_keeps_states(nlp) -> None:
    assert parties_of(nlp, "Les gouvernements russe et chinois ont signé.") == ["Russia", "China"]


def test_a_state_after_a_locative_preposition_is_a_place(nlp) -> None:
    assert parties_of(nlp, "Le CNES et la CNSA ont signé à Paris.") == ["CNES", "CNSA"]


def test_the_agency_is_the_signatory_of_its_side(nlp) -> None:
    assert parties_of(nlp, "La Russie, par Roscosmos, et la Chine ont signé.") == [
        "Roscosmos",
        "China",
    ]


def test_one_token_compound_demonym_names_both_sides(nlp) -> None:
    from coopextract.pipeline.party_mentions import demonym_forms

    doc = nlp("La coopération sino-russe.")
    forms = demonym_forms(PATTERNS["demonyms"])
    found = sentence_mentions(doc, next(iter(doc.sents)), CATALOG, forms)
    assert sorted(p.entry.id for p in found) == ["China", "Russia"]


def test_a_line_break_splits_sentences(nlp) -> None:
    doc = nlp("Titre sans point\nLe texte commence ici. Paris signe.")
    assert [s.text.strip() for s in doc.sents] == [
        "Titre sans point",
        "Le texte commence ici.",
        "Paris signe.",
    ]


def test_several_spaces_after_a_full_stop_end_a_sentence(nlp) -> None:
    # "were not disclosed.  The companies": the second space is a token of its own
    doc = nlp("Le montant est secret.  Les deux sociétés coopèrent.   Glavkosmos signe.")
    assert [s.text.strip() for s in doc.sents] == [
        "Le montant est secret.",
        "Les deux sociétés coopèrent.",
        "Glavkosmos signe.",
    ]


def test_a_text_wrapped_at_a_fixed_width_keeps_its_sentences(nlp) -> None:
    # One line break, no final mark before it and a lower-case word after it: a wrap. A list
    # after a colon, a blank line and a capital after a break still start sentences.
    doc = nlp(
        "Le ministre et le directeur de\nla NASA ont signé un accord avec\nle CNES.\n"
        "Les partenaires :\nle CNES et la NASA\n\nla suite\nTitre sans point"
    )
    assert [s.text.strip() for s in doc.sents] == [
        "Le ministre et le directeur de\nla NASA ont signé un accord avec\nle CNES.",
        "Les partenaires :",
        "le CNES et la NASA",
        "la suite",
        "Titre sans point",
    ]


def test_an_unspaced_full_stop_after_a_word_ends_a_sentence(nlp) -> None:
    # Scraped text that lost the space after a full stop ("dijo Chávez.Los chinos").
    doc = nlp("Le Président Chávez.La Chine a signé.A la fin M.Dupont part à 3.5 km.Fin")
    assert [s.text for s in doc.sents] == [
        "Le Président Chávez.",
        "La Chine a signé.",
        "A la fin M.Dupont part à 3.5 km.",
        "Fin",
    ]


def test_finder_without_a_parse(nlp) -> None:
    doc = nlp("Un accord entre la Russie et la Chine a été signé en 2021.")
    [mention] = doc._.agreement_mentions
    assert mention.party_source == "between"
    assert mention.party_keys == {"RU", "CN"}
    assert mention.status == "signed"
    [draft] = merge_mentions([mention], resolver_for("fr"), None)
    assert draft.date is not None and draft.date[0].value == "2021"


def test_the_two_countries_take_the_pair_from_the_previous_sentence(nlp) -> None:
    doc = nlp("La Russie et la Chine coopèrent. Les deux pays ont signé un accord.")
    [mention] = doc._.agreement_mentions
    assert mention.party_source == "pair"
    assert mention.party_keys == {"RU", "CN"}


def test_joining_a_programme_makes_its_lead_the_other_party(nlp) -> None:
    doc = nlp("Le CNES a signé un accord pour rejoindre l'ILRS.")
    [mention] = doc._.agreement_mentions
    assert mention.party_source == "lead"
    assert mention.party_keys == {"FR", "CN"}


def test_no_trigger_no_mention(nlp) -> None:
    assert nlp("La Russie et la Chine ont signé.")._.agreement_mentions == []
