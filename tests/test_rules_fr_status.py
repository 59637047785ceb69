"""French status cues (rules/fr/status.jsonl) on short texts, with the trained model.

Each case is one way of reporting a stage of an agreement's life; the counter-cases are the
look-alikes the cues must leave alone.
"""

from __future__ import annotations

import pytest

from tests import lang_rules_helpers as h

pytestmark = pytest.mark.model

LANG = "fr"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # applied: done under the agreement, framed by it, still valid
        ("En vertu de l'accord signé en 2014, la Russie a livré des moteurs.", "in_force"),
        ("Conformément à l'accord, le CNES a fourni l'instrument.", "in_force"),
        ("Au titre de ce contrat, Arianespace a lancé trois satellites.", "in_force"),
        ("La coopération repose sur un accord intergouvernemental signé en 1997.", "in_force"),
        ("Cette coopération entre dans le cadre d'un accord signé en 2010.", "in_force"),
        ("L'accord-cadre, dont la mise en œuvre a été rapide, couvre le climat.", "in_force"),
        ("L'accord signé en 2014 reste en vigueur.", "in_force"),
        ("L'accord reste valable.", "in_force"),
        ("L'accord-cadre entre les deux agences expirera en décembre 2021.", "in_force"),
        ("Le contrat prendra fin en 2030.", "in_force"),
        ("L'accord sortira son plein effet en 2025.", "in_force"),
        ("L'accord a pris effet le 1er janvier.", "in_force"),
        # a fresh agreement's content, looking ahead: it exists, signed
        ("Dans le cadre de cet accord, la CNSA intégrera des expériences.", "signed"),
        ("Au titre de ce partenariat, le CNES fournira un instrument.", "signed"),
        ("Dans le cadre de l'accord, il est prévu d'identifier les utilisateurs.", "signed"),
        ("Grâce à cet accord, l'Europe ne dépendra plus de la Russie.", "signed"),
        # negation of entry into force and of signing
        ("L'accord n'est pas encore entré en vigueur.", "signed"),
        ("Le traité n'a pas encore été ratifié.", "signed"),
        ("La Russie n'a pas encore signé l'accord.", "negotiating"),
        ("L'accord n'est plus en vigueur.", "terminated"),
        # ending: suspension, termination, withdrawal, a supply that stops
        ("L'ESA a décidé de suspendre sa coopération avec Roscosmos.", "terminated"),
        ("La résiliation du contrat coûtera dix ans de recherches.", "terminated"),
        ("La Russie ne fournira plus de moteurs aux États-Unis.", "terminated"),
        ("La Russie ne livre plus de moteurs.", "terminated"),
        ("Les deux pays ont décidé de ne plus coopérer.", "terminated"),
        ("L'ESA constate l'impossibilité de poursuivre la mission avec Roscosmos.", "terminated"),
        ("La Russie met fin à sa coopération avec l'Allemagne.", "terminated"),
        ("Le contrat a pris fin en 2020.", "terminated"),
        ("La coopération entre la Russie et l'ESA a été gelée.", "terminated"),
        ("La Russie a quitté le programme.", "terminated"),
        ("La Russie se retire de l'accord.", "terminated"),
        ("L'accord est devenu caduc.", "terminated"),
        ("La suspension de la coopération a été annoncée mardi.", "terminated"),
        # in preparation, still to come
        ("Les deux pays travaillent à un accord spatial.", "negotiating"),
        ("Les deux agences finalisent un mémorandum.", "negotiating"),
        ("Les deux pays sont sur le point de signer un accord.", "negotiating"),
        ("Les deux agences préparent un accord.", "negotiating"),
        ("Leur futur accord couvrira la navigation.", "proposed"),
        ("Une rencontre a eu lieu en vue de la signature d'un accord.", "proposed"),
        ("La ratification de la charte par le Maroc est une étape.", "signed"),
        ("Les deux pays sont parvenus à un accord.", "signed"),
    ],
)
def test_status_cues(text: str, status: str) -> None:
    assert h.sentence_status(LANG, text) == status


@pytest.mark.parametrize(
    "text",
    [
        # an entry into force still to come, a threat: no stage of their own
        "L'accord entrera en vigueur en 2025.",
        "L'accord devrait entrer en vigueur l'an prochain.",
        "Moscou menace de suspendre l'accord avec Washington.",
        "La Russie pourrait se retirer de l'accord.",
        "La Russie envisage de se retirer du programme.",
        # look-alikes of ending words
        "De l'eau gelée a été découverte sur la Lune.",
        "Le programme ne dépend plus de la Russie.",
        "Les deux agences travaillent sur un projet de mission lunaire.",
        "La fusée a été lancée dans le cadre du programme d'exploration lunaire chinois.",
    ],
)
def test_no_status(text: str) -> None:
    assert h.sentence_status(LANG, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "L'ESA a décidé de suspendre sa coopération avec Roscosmos.",
        "La Russie met fin à sa coopération avec l'Allemagne.",
        "La coopération entre la Russie et l'ESA a été suspendue.",
    ],
)
def test_a_cooperation_that_ends_is_a_terminated_agreement(text: str) -> None:
    [mention] = h.mentions(LANG, text)
    assert (mention.instrument, mention.status) == ("other", "terminated")


@pytest.mark.parametrize(
    "text",
    [
        "L'ESA pourrait suspendre sa coopération avec Roscosmos.",
        "La Russie et l'ESA coopèrent depuis 1975.",
    ],
)
def test_no_agreement_from_a_threat_or_a_bare_cooperation(text: str) -> None:
    assert h.mentions(LANG, text) == []
