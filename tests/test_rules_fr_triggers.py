"""French instrument triggers (rules/fr/triggers.jsonl) on short texts, with the trained model.

Each case is one way of naming an agreement; the counter-cases are the look-alikes that share
its words but name none.
"""

from __future__ import annotations

import pytest

from tests import lang_rules_helpers as h

pytestmark = pytest.mark.model

LANG = "fr"


def instruments(text: str) -> list[str]:
    return [i for _, i in h.spans(LANG, text, "triggers", "INSTRUMENT")]


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        # other names of an agreement
        ("Les deux pays ont mis à jour un pacte sur la navigation.", "agreement"),
        ("Le CNES et l'ASC ont signé une entente de coopération.", "agreement"),
        ("Le CNES a signé un mémorandum d'entente avec la CNSA.", "memorandum"),
        ("Les agences ont conclu un arrangement technique.", "agreement"),
        ("Un arrangement de mise en œuvre a été signé.", "agreement"),
        # the diplomatic exchange that concludes an arrangement
        ("Un échange de lettres a complété ce dispositif en 2012.", "other"),
        ("Un échange de notes entre les deux gouvernements.", "other"),
        # a declaration signed or adopted together
        ("Les ministres ont signé vendredi une déclaration sur GLONASS.", "joint_statement"),
        ("Les deux chefs d'État ont adopté une déclaration de politique.", "joint_statement"),
        ("Les deux pays ont signé une déclaration d'intention.", "memorandum"),
        ("Ils ont signé vendredi une déclaration commune.", "joint_statement"),
        # a declaration whose object is cooperation needs no verb
        ("Une déclaration de coopération a été discutée.", "joint_statement"),
        # an order of space hardware or launches
        ("Eutelsat a commandé deux satellites à Airbus.", "contract"),
        ("L'opérateur a passé la commande de 4 lancements à Arianespace.", "contract"),
    ],
)
def test_triggers(text: str, instrument: str) -> None:
    assert instruments(text) == [instrument]


@pytest.mark.parametrize(
    "text",
    [
        # a good relation, not an instrument
        "Il règne une bonne entente entre les équipes.",
        "Le CNES et Roscosmos célèbrent leur entente parfaite.",
        # a statement of one side to the press
        "Dans une déclaration, le ministre a salué le lancement.",
        # "commande" as control
        "Le centre de commande du satellite est à Toulouse.",
        "Le logiciel de commande des satellites a été mis à jour.",
        "Le module de commande a été testé deux fois.",
        # an ordinary arrangement
        "Des arrangements pratiques restent à trouver pour le voyage.",
    ],
)
def test_look_alikes_name_no_instrument(text: str) -> None:
    assert instruments(text) == []
