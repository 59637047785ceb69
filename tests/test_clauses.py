"""Which clause a date belongs to and its tense (coopextract.pipeline.components.clauses), on the
trained French model's parse."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from coopextract.pipeline.components.clauses import (
    in_adverbial_below,
    in_subordinate_clause,
    same_clause,
    tense_of,
)

pytestmark = pytest.mark.model


def span_of(extractor, sentence: str, part: str) -> Span:
    doc = extractor.nlp(sentence)
    start = sentence.index(part)
    found = doc.char_span(start, start + len(part), alignment_mode="expand")
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("sentence", "date", "tense"),
    [
        ("Plus tôt, durant l'été 2020, Pékin avait ouvert son projet.", "l'été 2020", "past"),
        ("En novembre 2017, les agences s'étaient entendues sur un programme.",
         "En novembre 2017", "past"),
        ("L'accord a été signé en 1997 par la France.", "en 1997", "past"),
        ("En 2019, la Chine signait un accord avec la Russie.", "En 2019", "past"),
        ("Il contrera le projet qui lancera sa première mission en 2025.", "en 2025", "future"),
        ("Le projet d'accord devrait être signé en 2022.", "en 2022", "future"),
        ("Le projet d'accord doit être signé en 2022.", "en 2022", "future"),
        ("Les deux pays ont convenu de créer une station d'ici 2035.", "d'ici 2035", "future"),
        ("La lune photographiée le 10 juin 2019.", "le 10 juin 2019", "other"),
        ("Le lancement du satellite le 29 octobre 2018 marque une étape.",
         "le 29 octobre 2018", "other"),
        ("La Chine prépare une mission en 2026.", "en 2026", "other"),
    ],
)  # fmt: skip
def test_tense_of_the_dates_clause(extractor, sentence: str, date: str, tense: str) -> None:
    assert tense_of(span_of(extractor, sentence, date))[0] == tense


def test_the_clause_lemmas_travel_with_the_tense(extractor) -> None:
    tense, lemmas = tense_of(span_of(extractor, "Le lancement était prévu en 2025.", "en 2025"))
    assert tense == "past" and "prévoir" in lemmas  # the vocabulary says it is a plan


def test_a_date_in_a_clause_below_the_agreement(extractor) -> None:
    sentence = (
        "La France et les Emirats devraient signer un accord spatial, Abou Dhabi ayant "
        "annoncé son intention de lancer d'ici 2021 une sonde vers Mars."
    )
    doc = extractor.nlp(sentence)
    date = span_of(extractor, sentence, "d'ici 2021")
    trigger = doc.char_span(sentence.index("accord"), sentence.index("accord") + 6)
    date = doc.char_span(date.start_char, date.end_char)
    assert trigger is not None and date is not None
    assert in_subordinate_clause(date, [trigger])
    assert not same_clause(date, [trigger])


def test_a_date_above_the_agreement_dates_the_announcement(extractor) -> None:
    sentence = "Roskosmos a annoncé le 9 mars avoir procédé à la signature d'un mémorandum."
    doc = extractor.nlp(sentence)
    date = doc.char_span(sentence.index("le 9 mars"), sentence.index("le 9 mars") + 9)
    trigger = doc.char_span(sentence.index("mémorandum"), sentence.index("mémorandum") + 10)
    assert date is not None and trigger is not None
    assert not in_subordinate_clause(date, [trigger])


@pytest.mark.parametrize(
    ("sentence", "trigger", "part", "below"),
    [
        ("OneWeb a passé un contrat avec SpaceX après avoir annulé le lancement depuis "
         "le cosmodrome russe.", "contrat", "annulé", True),
        ("Roskosmos et l'ESA se sont entendues sur un accord après que la NASA s'est "
         "retirée du programme.", "accord", "NASA", True),
        ("La France a signé un accord avec le Japon pour suspendre la coopération avec la "
         "Russie.", "accord", "suspendre", True),
        # a fronted participle tells the trigger's own agreement
        ("Signé en juillet 2022, l'accord prévoyait le vol de trois cosmonautes.",
         "accord", "Signé", False),
        # a relative clause the parser may read as adverbial
        ("La Chine et la Russie travaillent sur un projet d'accord, qui devrait être signé "
         "en 2022.", "accord", "signé", False),
        ("OneWeb a passé un contrat avec SpaceX après avoir annulé le lancement.",
         "contrat", "SpaceX", False),
    ],
)  # fmt: skip
def test_an_adverbial_clause_below_the_trigger(
    extractor, sentence: str, trigger: str, part: str, below: bool
) -> None:
    doc = extractor.nlp(sentence)

    def at(text: str) -> Span:
        found = doc.char_span(sentence.index(text), sentence.index(text) + len(text))
        assert found is not None
        return found

    assert in_adverbial_below(at(part), at(trigger)) is below


def test_without_a_parse_no_clause_is_known(extractor) -> None:
    import spacy

    doc = spacy.blank("fr")("La Chine a signé un accord en 2019.")
    assert tense_of(doc[6:8]) == ("other", ())
    assert not in_adverbial_below(doc[6:8], doc[5:6])
