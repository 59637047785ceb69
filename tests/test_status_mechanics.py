"""How status cues tie to agreement mentions, on spacy.blank("fr") with a tiny rule set.

STATUS cues give their status, PRESENT ones (a signing told in the present) too, marked so
that the assembly may read them as a signing to come; APPLIED ("dans le cadre de l'accord")
is in force unless the sentence looks ahead (FUTURE: signed) or still expects a signature
(the pending cue speaks); FUTURE forms give no status; a cue that names another instrument is
about that one; an ATTRIBUTE ("existant") speaks only of the instrument it stands next to.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from coopextract.errors import RulesError
from coopextract.pipeline.build import build_pipeline
from coopextract.pipeline.components.cues import status_cues
from coopextract.pipeline.mentions import AgreementMention
from coopextract.rule_files import CatalogEntry, RuleSet, load_rules
from tests.conftest import append

CATALOG = {
    e.id: e
    for e in [
        CatalogEntry("Russia", "state", "RU", agency="Roscosmos"),
        CatalogEntry("China", "state", "CN", agency="CNSA"),
    ]
}


def rule(label: str, pattern: str | list, ident: str) -> dict:
    return {"label": label, "pattern": pattern, "id": ident}


def words(*ws: str) -> list[dict]:
    return [{"LOWER": w} for w in ws]


PATTERNS = {
    "entities": [rule("STATE", "Russie", "Russia"), rule("STATE", "Chine", "China")],
    "demonyms": [],
    "triggers": [
        rule("INSTRUMENT", words("accord"), "agreement"),
        rule("INSTRUMENT", words("traité"), "treaty"),
        rule("INSTRUMENT", words("suspend", "la", "coopération"), "other"),
    ],
    "status": [
        rule("STATUS", words("signé"), "signed"),
        rule("PRESENT", words("signent"), "signed"),
        rule("STATUS", words("suspend"), "terminated"),
        rule("STATUS", words("devrait", "être", "signé"), "negotiating"),
        rule("APPLIED", words("dans", "le", "cadre", "de", "l'", "accord"), "in_force"),
        rule("APPLIED", words("fondé", "sur", "le", "traité"), "in_force"),
        rule("APPLIED", words("expirera"), "in_force"),
        rule("FUTURE", words("fournira"), "tense"),
        rule("ATTRIBUTE", words("existant"), "in_force"),
        rule("FUTURE", words("entrera", "en", "vigueur"), "entry_into_force"),
    ],
    "scope": [],
    "dates": [rule("DATE", [{"LOWER": "en"}, {"SHAPE": "dddd"}], "year")],
    "references": [rule("BETWEEN", [{"LOWER": "entre"}], "between")],
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(RuleSet(language="fr", catalog=CATALOG, patterns=PATTERNS), model=None)


def mentions(nlp: Language, text: str) -> list[AgreementMention]:
    return nlp(text)._.agreement_mentions


def only(nlp: Language, text: str) -> AgreementMention:
    [mention] = mentions(nlp, text)
    return mention


def test_an_agreement_applied_is_in_force(nlp: Language) -> None:
    text = "Dans le cadre de l'accord entre la Russie et la Chine, Moscou a fourni un satellite."
    mention = only(nlp, text)
    assert mention.status == "in_force"
    assert "status:APPLIED:in_force" in mention.rules
    assert mention.applied


def test_what_a_fresh_agreement_will_bring_says_it_is_signed(nlp: Language) -> None:
    text = "Dans le cadre de l'accord entre la Russie et la Chine, Moscou fournira un satellite."
    mention = only(nlp, text)
    assert mention.status == "signed"
    assert "status:APPLIED:signed" in mention.rules
    # what the assembly reads to tell an agreement of an earlier year still applied
    assert mention.applied


def test_a_signing_told_in_the_present_is_signed_and_marked(nlp: Language) -> None:
    # the assembly reads the mark: another mention may tell that signing as still to come
    mention = only(nlp, "La Russie et la Chine signent un accord.")
    assert mention.status == "signed" and mention.present
    assert "status:PRESENT:signed" in mention.rules
    assert not only(nlp, "La Russie et la Chine ont signé un accord.").present


def test_a_signing_is_no_agreement_applied(nlp: Language) -> None:
    mention = only(nlp, "La Russie et la Chine ont signé un accord.")
    assert mention.status == "signed" and not mention.applied


def test_a_signature_still_expected_outweighs_the_frame(nlp: Language) -> None:
    doc = nlp("Dans le cadre de l'accord qui devrait être signé entre la Russie et la Chine.")
    sent = next(iter(doc.sents))
    assert [status for _, status in status_cues(doc, sent)] == ["negotiating"]


def test_a_future_form_states_no_status(nlp: Language) -> None:
    doc = nlp("L'accord entre la Russie et la Chine entrera en vigueur.")
    sent = next(iter(doc.sents))
    assert status_cues(doc, sent) == []
    assert [s.label_ for s in doc.spans["status"]] == ["FUTURE"]


def test_a_cue_that_names_another_instrument_is_about_that_one(nlp: Language) -> None:
    text = "Fondé sur le traité, l'accord entre la Russie et la Chine fut signé."
    found = {m.instrument: m.status for m in mentions(nlp, text)}
    assert found["agreement"] == "signed"


def test_a_cue_inside_a_trigger_built_around_it_counts_for_every_instrument(nlp: Language) -> None:
    text = "La Russie suspend la coopération et l'accord avec la Chine."
    assert {m.instrument: m.status for m in mentions(nlp, text)} == {
        "other": "terminated",
        "agreement": "terminated",
    }


def test_an_attribute_gives_the_status_of_the_instrument_it_qualifies(nlp: Language) -> None:
    mention = only(nlp, "L'accord existant entre la Russie et la Chine couvre les lancements.")
    assert mention.status == "in_force"
    # Elsewhere in the sentence it qualifies something else: the satellite, not the accord.
    text = "La Russie et la Chine ont signé un accord pour remplacer le satellite existant."
    assert only(nlp, text).status == "signed"
    doc = nlp("La Russie remplace le satellite existant.")
    assert status_cues(doc, next(iter(doc.sents))) == []


def test_the_status_family_takes_applied_and_future_lines(rules_copy: Path) -> None:
    path = rules_copy / "fr" / "status.jsonl"
    append(path, json.dumps(rule("FUTURE", words("signerait", "peut-être"), "tense")))
    assert load_rules(rules_copy, "fr").patterns["status"][-1]["label"] == "FUTURE"
    append(path, json.dumps(rule("ATTRIBUTE", words("actuel"), "in_force")))
    assert load_rules(rules_copy, "fr").patterns["status"][-1]["label"] == "ATTRIBUTE"
    number = append(path, json.dumps(rule("APPLIED", words("selon", "l'", "accord"), "signed")))
    with pytest.raises(RulesError, match=f"status.jsonl:{number}.*in_force"):
        load_rules(rules_copy, "fr")


def test_the_end_of_a_validity_dates_no_agreement(nlp: Language) -> None:
    mention = only(nlp, "L'accord signé en 2014 entre la Russie et la Chine expirera en 2025.")
    assert mention.status == "in_force"
    assert [d.text for d in mention.dates] == ["en 2014"]
