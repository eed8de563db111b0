"""Hypothesis fuzzing of every reader: whatever bytes come in, a reader gives articles and named
skips, or refuses the whole input with UnreadableInput, and never raises anything else (one bad
file must never end a run). Examples are few by default (the suite stays fast); set
CORROBORATE_FUZZ_EXAMPLES=2000 for a long run."""
from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings, strategies as st

from corroborate.errors import UnreadableInput
from corroborate.ingest.article import Article, Skip
from corroborate.ingest.readers import read_bytes
from corroborate.settings import load_settings

# per test, not a global profile: other modules' property tests keep their own settings
FUZZ = settings(max_examples=int(os.environ.get("CORROBORATE_FUZZ_EXAMPLES", "60")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

INGEST = load_settings(overrides=["ingest.max_file_mb=1"]).ingest
FORMATS = ["txt", "html", "jsonl", "json", "csv", "warc"]

# pieces the readers treat specially, mixed with noise, so that shrunk failures stay readable
PIECES = st.sampled_from([
    b"{", b"}", b"[", b"]", b'"text": ', b'"title": ', b",", b"\n", b"\r\n", b"\x00", b"\xff", b"\xef\xbb\xbf",
    b"<html>", b"<p>", b"</p>", b"<script>", b"<!--", b"-->", b"WARC/1.0\r\n", b"Content-Length: 9\r\n",
    b"\r\n\r\n", b"HTTP/1.1 200 OK\r\n", b"Content-Type: text/html\r\n", b"\x1f\x8b\x08\x00", b" date 2025-03-12 ",
    b"title,text\n", b'"', b"''", b"\xe2\x80\x9c", b"The council said the bridge would reopen on Monday. ",
])
DATA = st.one_of(st.binary(max_size=600), st.lists(st.one_of(PIECES, st.binary(max_size=12)), max_size=40)
                 .map(b"".join))


def read(data: bytes, fmt: str) -> list:
    try:
        return list(read_bytes(data, f"fuzz.{fmt}", fmt, INGEST))
    except UnreadableInput:
        return []


@FUZZ
@given(data=DATA, fmt=st.sampled_from(FORMATS))
def test_any_bytes_give_articles_and_named_skips_or_one_refusal(data, fmt):
    for item in read(data, fmt):
        assert isinstance(item, (Article, Skip))
        if isinstance(item, Skip):
            assert item.reason and item.source.startswith(f"fuzz.{fmt}")
        else:
            assert isinstance(item.text, str) and "\x00" not in item.text


@FUZZ
@given(records=st.lists(st.dictionaries(st.sampled_from(["text", "body", "title", "outlet", "url", "published",
                                                          "author", "language", "x"]),
                                         st.one_of(st.text(max_size=40), st.integers(), st.none(), st.booleans(),
                                                   st.lists(st.text(max_size=5), max_size=3),
                                                   st.dictionaries(st.text(max_size=3), st.text(max_size=3),
                                                                   max_size=2))),
                        max_size=6))
def test_json_records_of_any_shape_never_crash_a_reader(records):
    lines = "\n".join(json.dumps(r) for r in records).encode()
    for fmt, data in (("jsonl", lines), ("json", json.dumps(records).encode())):
        for item in read(data, fmt):
            assert isinstance(item, (Article, Skip))


@FUZZ
@given(rows=st.lists(st.lists(st.text(max_size=30), min_size=1, max_size=4), max_size=6),
       header=st.lists(st.sampled_from(["text", "title", "outlet", "date", "url", "a", ""]), min_size=1, max_size=4))
def test_csv_of_any_shape_never_crashes(rows, header):
    import csv
    import io
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    for item in read(buf.getvalue().encode(), "csv"):
        assert isinstance(item, (Article, Skip))
