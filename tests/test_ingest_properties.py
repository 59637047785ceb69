"""Property: whatever SOURCE holds, `ingest` finishes, accounts for every file, and runs again.

Arbitrary file names (any bytes a POSIX name may hold), arbitrary bytes, text in several
encodings, and JSON Lines of arbitrary JSON values and article-like objects go through a
real `ingest` (with the fake extractor: the reading and the run are under test, not the
model). Every file read must end up in the manifest, extracted or skipped with its reason in
errors.jsonl, and a second run must succeed and change nothing.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopextract.reading.articles import scan
from coopextract.run.ingest import ingest
from tests.fakes import FakeExtractor

SUFFIXES = [b".txt", b".md", b".html", b".json", b".jsonl", b".TXT"]

names = st.builds(
    lambda stem, suffix: stem + suffix,
    st.binary(min_size=1, max_size=12).filter(
        lambda b: b"/" not in b and b"\0" not in b and not b.startswith(b".")
    ),
    st.sampled_from(SUFFIXES),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
article_objects = st.fixed_dictionaries(
    {"text": st.text() | st.sampled_from(["Titre\nUn accord signé.", "accord \ud800"])},
    optional={
        "title": json_values,
        "id": json_values,
        "language": json_values | st.sampled_from(["fr", "en", "xx"]),
        "published": json_values | st.sampled_from(["2021", "2021-03-09", "2021-13"]),
        "url": json_values,
    },
)
jsonl_lines = st.lists(
    st.one_of(
        article_objects.map(json.dumps),
        json_values.map(json.dumps),
        st.text(max_size=30),
    ),
    max_size=4,
).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))
texts = st.builds(
    lambda text, encoding: text.encode(encoding, "replace"),
    st.text(max_size=200) | st.just("Titre\nUn accord signé à Pékin.\n"),
    st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]),
)
contents = st.one_of(st.binary(max_size=200), texts, jsonl_lines)
folders = st.dictionaries(names, contents, min_size=1, max_size=5)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(files=folders)
def test_any_folder_is_ingested_and_accounted_for(files: dict[bytes, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "src"
        source.mkdir()
        for name, data in files.items():
            with open(os.path.join(os.fsencode(source), name), "wb") as stream:
                stream.write(data)
        out = Path(tmp) / "out"

        result = ingest(source, out, extractor=FakeExtractor())

        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        entries = manifest["articles"]
        # Every file read is in the manifest, by its reported name.
        assert {e["path"] for e in entries} == {shown for _, shown in scan(source).articles}
        assert {e["status"] for e in entries} <= {"processed", "skipped"}
        errors = [
            json.loads(line)
            for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        skipped = [(e["path"], e.get("item")) for e in entries if e["status"] == "skipped"]
        assert [(e["path"], e.get("item")) for e in errors] == skipped
        assert all(not e["reason"].startswith("internal error") for e in errors)
        assert result.processed == sum(e["status"] == "processed" for e in entries)

        records = (out / "agreements.jsonl").read_bytes()
        again = ingest(source, out, extractor=FakeExtractor())
        assert again.processed == 0
        assert (out / "agreements.jsonl").read_bytes() == records
