"""What sets a name aside, so that it is no party mention (asked of every name
`coopextract.pipeline.party_mentions` finds): a state after a locative preposition ("à Paris",
"en Chine") is where something happened, not who signed; so is a setting ("en marge de
l'Assemblée"), a complement ("l'Assemblée nationale du Venezuela" is the state, "la capitale de
la France" is not), a surname, a dateline, a witness ("en présence de"), the critics and owners
of a signatory, who imposes or suffers sanctions, and a name after "outre", "besides". Which
of the mentions left are the sides of an agreement is `coopextract.pipeline.parties`' to say.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from coopextract.pipeline.parties import (
    PartyMention,
    is_conjunction,
    is_short_stop,
    labels_at,
    marked_before,
)


def is_locative(doc: Doc, span: Span) -> bool:
    """A place name after a locative preposition ("à Paris", "en Chine") is not a signatory,
    nor is the state that glosses such a place ("à Brême (Allemagne)", "in Bremen (Germany)",
    "in Sevilla, Spanien, unterzeichnet": an apposition the next comma closes)."""
    locative = labels_at(doc, "references", "LOCATIVE")
    i = span.start - 1
    if _glosses_a_name(doc, span):
        return True
    closed = span.end < len(doc) and doc[span.end].text in (",", ".", ";", ")")
    if i >= 0 and (doc[i].text == "(" or (doc[i].text == "," and closed)):
        j = i - 1
        while j >= 0 and i - j <= 3 and doc[j].text[:1].isupper():
            j -= 1
        return j < i - 1 and j in locative
    # "its counterpart in Senegal": whose counterpart, not where
    return i >= 0 and i in locative and i not in labels_at(doc, "references", "HOMOLOGUE")


def _glosses_a_name(doc: Doc, span: Span) -> bool:
    """A state written out alone in brackets right after a name glosses that name, with or
    without a preposition before it: the place's country ("с космодромов Байконур
    (Казахстан) и Восточный (Россия)") or the party's ("l'AEM (Mexique)"), whose own mention
    is the side. An acronym in brackets is a name of its own ("… e Comunicações (MCTIC)")."""
    name = span.start - 2
    return (
        name >= 0
        and doc[name + 1].text == "("
        and span.end < len(doc)
        and doc[span.end].text == ")"
        and doc[name].text[:1].isupper()
        and not doc[name].is_sent_start
        and not span.text.isupper()
    )


def is_set_aside(doc: Doc, span: Span) -> bool:
    """A party named right after "outre", "besides", "además de" (its article between) is set
    aside: "Outre l'Égypte, la Chine a signé des accords avec ..." are China's others. So are
    the critics of an agreement, the agents of a verb of criticism and those coordinated
    with them: "contesté par l'Union européenne et les États-Unis", "criticised by Russia";
    and the owners of a company: "controllata per il 33 per cento da Finmeccanica"."""
    besides = labels_at(doc, "references", "BESIDES")
    i = span.start - 1
    if i >= 0 and i not in besides and doc[i].is_lower and len(doc[i].text) <= 3:
        i -= 1  # the article: "outre l'Égypte", "besides the US"
    return (i >= 0 and i in besides) or _in_sanctions(doc, span) or _after_agent_marker(doc, span)


def _after_agent_marker(doc: Doc, span: Span) -> bool:
    """Walk back over a coordination of names ("par l'UE et les États-Unis") to the agent
    marker of a verb of criticism or of ownership (CRITIC, OWNER), or to a war's ("la guerre
    entre la Russie et l'Ukraine", CONFLICT)."""
    return _after_marker_of(doc, span, ("CRITIC", "OWNER", "CONFLICT"), commas=True)


def _after_marker_of(doc: Doc, span: Span, labels: tuple[str, ...], *, commas: bool) -> bool:
    """Is the name one of a coordination of names ("et", "and"; commas too where `commas`)
    right after a marker of `labels`?"""
    markers = labels_at(doc, "references", *labels)
    if not markers:  # most texts: no walk for every name
        return False
    names = labels_at(doc, "entities") | labels_at(doc, "demonyms")
    return marked_before(
        doc,
        span.start,
        markers,
        12,
        lambda w: (
            not w.is_sent_end
            and (
                w.i in names or is_conjunction(w) or (commas and w.text == ",") or is_short_stop(w)
            )
        ),
    )


# How far after "en présence de" a witness may be named: "en présence de représentants
# diplomatiques de haut niveau de l'Union africaine et de la France".
WITNESS_REACH = 16


def is_witness(doc: Doc, mention: PartyMention) -> bool:
    """Is the party named after "en présence de", "in the presence of" (WITNESS), in the
    same clause: no punctuation but apostrophes between, and no verb where the parse has
    them ("en présence de Macron, le CNES a signé" names the CNES as a side)?"""
    markers = labels_at(doc, "references", "WITNESS")
    if not markers:  # most texts: no walk for every name
        return False
    span = mention.tokens(doc)
    if span is None:
        return False
    return marked_before(
        doc,
        span.start,
        markers,
        WITNESS_REACH,
        lambda w: not (w.is_punct and w.text not in "'’") and w.pos_ not in ("VERB", "AUX"),
    )


def _in_sanctions(doc: Doc, span: Span) -> bool:
    """ "EU sanctions against our companies", "les sanctions de l'UE et des États-Unis": who
    imposes sanctions or suffers them, named right before the word or right after it (a
    coordination, no comma), is no side (SANCTIONS)."""
    if span.end in labels_at(doc, "references", "SANCTIONS"):
        return True
    return _after_marker_of(doc, span, ("SANCTIONS",), commas=False)


def in_setting(doc: Doc, span: Span) -> bool:
    """Is the name part of an event's setting, within a few words after "en marge de",
    "lors du sommet", "on the sidelines of" and no punctuation between ("en marge de
    l'Assemblée générale de l'ONU")?"""
    return marked_before(
        doc,
        span.start,
        labels_at(doc, "references", "SETTING"),
        8,
        lambda w: not (w.is_punct and w.text not in "'’"),
    )


def is_adnominal(doc: Doc, span: Span) -> bool:
    """A state named as the complement of an ordinary noun ("le Forum ... de Tokyo") is not a
    signatory; after an agency or state head ("les agences spatiales du Pakistan", "le
    président de la Chine") or a trigger it still is, and so is one that a relative clause
    right after says signed ("le ambizioni spaziali dell'Italia, che ha siglato un'intesa")."""
    if _signs_in_relative(doc, span):
        return False
    i = span.start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    if i < 0 or i not in labels_at(doc, "references", "GENITIVE"):
        return False
    governor = span.root.head if doc.has_annotation("DEP") else _word_governing(doc, i)
    if governor.i == span.root.i or governor.i >= span.start:
        return False
    if _names_instrument(doc, governor, i, span):
        return True
    return not (
        # a pair word heads its complement too: "the space agencies of Brazil, Russia, …"
        governor.i in labels_at(doc, "references", "AGENCY_HEAD", "STATE_HEAD", "PAIR")
        or governor.i in labels_at(doc, "triggers", "INSTRUMENT")
        or governor.i in labels_at(doc, "entities")
    )


def _signs_in_relative(doc: Doc, span: Span) -> bool:
    """Does a relative clause opened right after the name (", che", ", qui", ", which") tell a
    signing within its first words?"""
    j = span.end
    if (
        j + 1 >= len(doc)
        or doc[j].text != ","
        or j + 1 not in labels_at(doc, "references", "RELATIVE")
    ):
        return False
    signing = labels_at(doc, "status", "STATUS", "PRESENT")
    return any(k in signing for k in range(j + 2, min(j + 5, len(doc))))


def _names_instrument(doc: Doc, governor: Token, marker: int, span: Span) -> bool:
    """ "la mise en œuvre de la Déclaration de New Delhi", "the Treaty of Rome", "la
    « déclaration de Mexico »": a place right after the "de" of an instrument's capitalised
    or quoted name (no article: "l'Accord de la France" is France's) is part of that name,
    not a side."""
    quoted = governor.i > 0 and doc[governor.i - 1].text in _OPENING_QUOTES
    return (
        governor.i in labels_at(doc, "triggers", "INSTRUMENT")
        and ((governor.text[:1].isupper() and not governor.is_sent_start) or quoted)
        and marker == governor.i + 1
        and span.start == marker + 1
    )


_OPENING_QUOTES = ('"', "«", "“", "„")


def _word_governing(doc: Doc, marker: int) -> Token:
    """Without a parse, the word before a genitive marker governs its complement; a
    coordinated complement ("representantes de Rusia y de Argentina") has the first one's."""
    genitive, names = labels_at(doc, "references", "GENITIVE"), labels_at(doc, "entities")
    j = marker - 1
    while j > 0 and is_conjunction(doc[j]):
        k = j - 1
        while k > 0 and (k in names or doc[k].pos_ == "DET" or is_short_stop(doc[k])):
            if k in genitive:
                break
            k -= 1
        if k <= 0 or k not in genitive or k == j - 1:
            break
        j = k - 1
    return doc[max(j, 0)]


def is_surname(doc: Doc, span: Span) -> bool:
    """A state's name right after a given name is a person's ("Stéphane Israël"): the
    previous word a proper noun in the model's tagging (without a tagger, any word),
    capitalised, mid-sentence, no stop word, and no name the rules know."""
    i = span.start - 1
    if i < 0 or doc[i].is_sent_start:
        return False
    if doc.has_annotation("POS"):
        return doc[i].pos_ == "PROPN" and _name_word(doc, i)
    # Without a tagger (a blank pipeline), the shape alone, and two name words before it
    # ("o ministro Carlos Alberto França"): one capitalised word may be a noun, and German
    # capitalises every noun ("der Regierung Frankreichs").
    return i >= 1 and not doc[i - 1].is_sent_start and _name_word(doc, i) and _name_word(doc, i - 1)


# What follows a dateline's place: "PARIS —", "MOSCOU, 9 mars (AFP) –", "WASHINGTON (Reuters) -".
_DATELINE_NEXT = ("—", "–", "-", ",", "(")


def is_dateline(doc: Doc, span: Span) -> bool:
    """A place written in capitals at the start of a line, before a dash, a comma or a
    bracket, is where the news was filed ("PARIS — The government of Azerbaijan …"), not a
    signatory. So is a place before a news agency's credit and a dash, wherever the line
    starts ("Paris (awp/afp) - Eutelsat a commandé …")."""
    at = span.start_char
    return (
        span.text.isupper()
        and len(span.text) > 1
        and (at == 0 or doc.text[at - 1] == "\n")
        and span.end < len(doc)
        and doc[span.end].text in _DATELINE_NEXT
    ) or _before_credit(doc, span.end)


def _before_credit(doc: Doc, i: int) -> bool:
    """Does a bracket open at `i` close within a few words, a dash right after it?"""
    if i >= len(doc) or doc[i].text != "(":
        return False
    close = next((j for j in range(i + 1, min(i + 6, len(doc))) if doc[j].text == ")"), None)
    return close is not None and close + 1 < len(doc) and doc[close + 1].text in _DASHES


_DASHES = ("—", "–", "-", "--")


def _name_word(doc: Doc, i: int) -> bool:
    """Could token `i` be part of a person's name: capitalised, letters, no function word,
    and no name the rules know?"""
    word = doc[i]
    return (
        word.is_title
        and word.is_alpha
        and not word.is_stop
        and i not in labels_at(doc, "entities")
        and i not in labels_at(doc, "demonyms")
        and i not in labels_at(doc, "references")
    )
