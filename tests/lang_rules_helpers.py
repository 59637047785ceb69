"""Reading a language's rules on short texts: one pipeline a language, built once.

The mechanics the rule tests share (`test_rules_languages.py`, `test_rules_<lang>.py`, the
organisation and subject tests): the pipeline, its spans and mentions, a sentence's status,
a mention's resolved date. Languages without a trained model run on `spacy.blank(lang)`.
"""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc

from coopextract.assembly.assemble import merge_mentions
from coopextract.assembly.drafts import AgreementDraft
from coopextract.models import DateValue
from coopextract.pipeline.build import build_pipeline
from coopextract.pipeline.components.cues import status_cues
from coopextract.pipeline.mentions import AgreementMention, later_status
from coopextract.pipeline.parties import choose_parties
from coopextract.pipeline.party_mentions import sentence_mentions
from coopextract.reading.boilerplate import boilerplate_lines
from coopextract.reading.dates import DateResolver, resolver_for
from coopextract.rule_files import RuleSet, load_rules


@functools.cache
def rules(lang: str) -> RuleSet:
    return load_rules(None, lang)


@functools.cache
def pipeline(lang: str) -> Language:
    """The whole extraction pipeline for `lang`, on the model its rules name (or blank)."""
    return build_pipeline(rules(lang), model=None)


def resolver(lang: str) -> DateResolver:
    return resolver_for(lang)


def doc(lang: str, text: str) -> Doc:
    return pipeline(lang)(text)


def spans(lang: str, text: str, family: str, label: str | None = None) -> list[tuple[str, str]]:
    """(text, id) of one family's spans, optionally of one label."""
    parsed = doc(lang, text)
    return [
        (s.text, s.id_) for s in parsed.spans.get(family, []) if label is None or s.label_ == label
    ]


def mentions(lang: str, text: str) -> list[AgreementMention]:
    return doc(lang, text)._.agreement_mentions


def sentence_status(lang: str, text: str) -> str | None:
    """The status a sentence gives: the latest stage among the cues that count there (longest
    cue where they overlap, which the span filter already chose; see `status_cues`)."""
    parsed = doc(lang, text)
    return later_status(
        *[status for sent in parsed.sents for _, status in status_cues(parsed, sent)]
    )


def first_date(lang: str, text: str, published: DateValue | None) -> DateValue | None:
    """The date of the text's only agreement mention, resolved as the assembly would."""
    found = mentions(lang, text)
    assert len(found) == 1, [m.instrument for m in found]
    mention = found[0]
    assert mention.dates, f"no date found in {text!r}"
    return resolver(lang).resolve(mention.dates[0].text, published)


def agreements(lang: str, text: str, published: DateValue | None) -> list[AgreementDraft]:
    """The text's agreements as the assembly merges its mentions."""
    return merge_mentions(mentions(lang, text), resolver(lang), published)


def masked_rules(lang: str, lines: list[str]) -> list[str]:
    """The ids of the boilerplate rules that mask each line (None where none does)."""
    text = "\n".join(lines)
    found = {
        text[m.start : m.end]: m.rule for m in boilerplate_lines(text, rules(lang).boilerplate)
    }
    return [found.get(line) for line in lines]


def only_mention(nlp: Language, text: str) -> AgreementMention:
    found = nlp(text)._.agreement_mentions
    assert len(found) == 1, [(m.instrument, m.trigger.text) for m in found]
    return found[0]


def span_ids(nlp: Language, text: str, family: str) -> list[str]:
    parsed = nlp(text)  # held: a Doc's span groups stop working once it is collected
    return [s.id_ for s in parsed.spans.get(family, [])]


def parties(nlp: Language, rule_set: RuleSet, text: str) -> list[str]:
    """The ids of the parties chosen in the text's first sentence."""
    parsed = nlp(text)
    sent = next(iter(parsed.sents))
    return [p.entry.id for p in choose_parties(sentence_mentions(parsed, sent, rule_set.catalog))]
