"""A record's id is its agreement's key (assembly.records): the article's path and item, the
parties' sides, the instrument and the first evidence sentence. It survives an edit of the
article elsewhere, changes with an edit of that sentence, and is unique within an article.
And a record never lists one party twice.

Mentions are written here as the pipeline would give them (no model); the end-to-end cases,
on a seed article with the model, are in test_decisions_follow.py.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from coopextract.assembly.assemble import AgreementDraft, merge_mentions
from coopextract.assembly.records import agreement_key, build_records, record_id
from coopextract.exports import write_records_as
from coopextract.exports.csv_tables import parties_path
from coopextract.models import Agreement
from coopextract.pipeline.mentions import AgreementMention, TextSpan
from coopextract.pipeline.parties import PartyMention
from coopextract.reading.articles import Article
from coopextract.reading.dates import DateResolver
from coopextract.rule_files import CatalogEntry
from tests.conftest import make_article

ENTRIES = {
    "Roscosmos": CatalogEntry("Roscosmos", "agency", "RU"),
    "CNSA": CatalogEntry("CNSA", "agency", "CN"),
    "EgSA": CatalogEntry("EgSA", "agency", "EG"),
    "Égypte": CatalogEntry("Egypt", "state", "EG", agency="EgSA"),
}
SENTENCE = "Roscosmos et la CNSA ont signé un accord sur la station lunaire."
ARTICLE = f"Titre\n\nLe 9 mars à Moscou. {SENTENCE} La météo était belle ce jour-là.\n"


def mention(
    text: str,
    sentence: str,
    names: tuple[str, ...] = ("Roscosmos", "CNSA"),
    trigger: str = "accord",
    at: int = 0,
) -> AgreementMention:
    """The mention of `sentence` (its occurrence after `at`) in `text`, by the parties named."""
    start = text.index(sentence, at)
    parties = []
    for name in names:
        where = text.index(name, start)
        parties.append(PartyMention(ENTRIES[name], name, where, where + len(name), "entity"))
    where = text.index(trigger, start)
    return AgreementMention(
        instrument="agreement",
        trigger=TextSpan(trigger, where, where + len(trigger)),
        sentence=TextSpan(sentence, start, start + len(sentence)),
        parties=parties,
        party_source="sentence",
        status="signed",
        named=parties,
    )


def records(resolver: DateResolver, text: str, article: Article | None = None) -> list[Agreement]:
    article = article or make_article(text)
    return build_records(article, merge_mentions([mention(text, SENTENCE)], resolver, None), 0)


def only_id(resolver: DateResolver, text: str) -> str:
    (record,) = records(resolver, text)
    return record.id


def test_the_id_survives_an_edit_elsewhere_in_the_article(resolver: DateResolver) -> None:
    before = only_id(resolver, ARTICLE)
    typo_fixed = ARTICLE.replace("météo était belle", "météo était très belle")
    line_on_top = "Dépêche AFP\n" + ARTICLE
    for edited in (typo_fixed, line_on_top, line_on_top.replace("Le 9 mars", "Le 9 mars 2021")):
        (record,) = records(resolver, edited)
        assert record.id == before
        # What did change is still told: the article's hash, the sentence's offsets.
        assert record.article.sha256 != make_article(ARTICLE).sha256
    (moved,) = records(resolver, line_on_top)
    assert moved.evidence[0].start == ARTICLE.index(SENTENCE) + len("Dépêche AFP\n")


def test_the_id_changes_with_the_evidence_sentence(resolver: DateResolver) -> None:
    before = only_id(resolver, ARTICLE)
    edited_sentence = SENTENCE.replace("station lunaire", "station lunaire internationale")
    edited = ARTICLE.replace(SENTENCE, edited_sentence)
    (record,) = build_records(
        make_article(edited),
        merge_mentions([mention(edited, edited_sentence)], resolver, None),
        0,
    )
    assert record.id != before


def test_whitespace_in_the_sentence_does_not_count(resolver: DateResolver) -> None:
    rewrapped_sentence = SENTENCE.replace("signé un ", "signé\nun  ")
    rewrapped = ARTICLE.replace(SENTENCE, rewrapped_sentence)
    (record,) = build_records(
        make_article(rewrapped),
        merge_mentions([mention(rewrapped, rewrapped_sentence)], resolver, None),
        0,
    )
    assert record.id == only_id(resolver, ARTICLE)


def test_the_id_is_the_articles_own(resolver: DateResolver) -> None:
    """Same text, another file or another item of a JSON file: another agreement."""
    base = make_article(ARTICLE)
    ids = {
        records(resolver, ARTICLE, article)[0].id
        for article in (
            base,
            make_article(ARTICLE, path="other.txt"),
            Article(**{**base.__dict__, "path": "feed.jsonl", "item": "line:1"}),
            Article(**{**base.__dict__, "path": "feed.jsonl", "item": "line:2"}),
        )
    }
    assert len(ids) == 4


def test_agreements_sharing_a_key_are_told_apart_by_order(resolver: DateResolver) -> None:
    """Two agreements of one sentence, between the same sides, of the same instrument
    ("les accords de 1996 et 1999"): the first has the key's id, the second the next."""
    text = "Titre\n\nRoscosmos et la CNSA ont signé des accords en 1996 et en 1999.\n"
    sentence = text.splitlines()[2]
    first = AgreementDraft([mention(text, sentence, trigger="accords")])
    second = AgreementDraft([mention(text, sentence, trigger="accords")])
    article = make_article(text)
    built = build_records(article, [first, second], 0)
    key = agreement_key(article, first, sentence)
    assert [r.id for r in built] == [record_id(key, 0), record_id(key, 1)]
    assert len({r.id for r in built}) == 2
    assert [r.id for r in build_records(article, [first, second], 0)] == [r.id for r in built]


# --- parties ---------------------------------------------------------------------------------

DUPLICATED = (
    "Titre\n\nLa CNSA a signé un accord avec l'EgSA, au nom de l'Égypte, sur le satellite.\n"
)


def duplicated_party_record(resolver: DateResolver) -> Agreement:
    """The case of "CNSA, EgSA, EgSA": three parties of two countries (the agency and the
    state of one), so the sides are split, and two of them choose the same agency."""
    sentence = DUPLICATED.splitlines()[2]
    found = mention(DUPLICATED, sentence, names=("CNSA", "EgSA", "Égypte"))
    (record,) = build_records(make_article(DUPLICATED), merge_mentions([found], resolver, None), 0)
    return record


def test_a_record_lists_each_party_once_with_all_its_mentions(resolver: DateResolver) -> None:
    record = duplicated_party_record(resolver)
    assert [(p.name, p.country) for p in record.parties] == [("CNSA", "CN"), ("EgSA", "EG")]
    assert record.parties[1].mentions == ["EgSA", "Égypte"]


def test_the_party_tables_have_no_duplicates(resolver: DateResolver, tmp_path: Path) -> None:
    record = duplicated_party_record(resolver)
    out = tmp_path / "agreements.csv"
    write_records_as([record], "csv", out)
    with parties_path(out).open(encoding="utf-8", newline="") as file:
        rows = [(row["agreement_id"], row["name"]) for row in csv.DictReader(file)]
    assert rows == [(record.id, "CNSA"), (record.id, "EgSA")]

    db = tmp_path / "agreements.sqlite"
    write_records_as([record], "sqlite", db)
    with sqlite3.connect(db) as connection:
        names = connection.execute(
            "SELECT name, count(*) FROM parties GROUP BY agreement_id, name, country"
        ).fetchall()
    assert names == [("CNSA", 1), ("EgSA", 1)]


def test_sides_that_come_down_to_one_party_make_no_record(resolver: DateResolver) -> None:
    """The agency and its state, and no one else: no agreement between two parties (it was
    an "EgSA, EgSA" record)."""
    sentence = DUPLICATED.splitlines()[2]
    found = mention(DUPLICATED, sentence, names=("EgSA", "Égypte"))
    assert build_records(make_article(DUPLICATED), [AgreementDraft([found])], 0) == []
