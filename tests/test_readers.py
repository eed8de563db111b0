"""The structured readers (JSON Lines, JSON, CSV), HTML and WARC, on inputs written for the test."""
import io
import json
from datetime import date

import pytest

from corroborate.errors import UnreadableInput
from corroborate.ingest.article import Article, Skip
from corroborate.ingest.html import extract_html
from corroborate.ingest.readers import format_of, sniff_format
from corroborate.ingest.records import read_csv, read_json, read_jsonl
from corroborate.ingest.warc import read_warc

TEXT = "The regional governor said on Tuesday that the bridge would stay closed for a week."

PAGE = """<!doctype html><html><head><title>Bridge closed after floods | Valley Post</title>
<meta property="og:site_name" content="Valley Post"><meta name="author" content="Mira Castell">
<meta property="article:published_time" content="2025-03-12T08:00:00+00:00">
<link rel="canonical" href="https://valleypost.example/news/bridge-closed"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Bridge closed after floods</h1>
<p>The regional governor said on Tuesday that the bridge over the Sena would stay closed while
engineers inspected the damage left by the floods of the past week.</p>
<p>"We will not reopen it until it is safe," she told reporters in the town hall on Tuesday evening.</p>
</article><aside>Related: Weather warnings issued</aside><footer>© 2025 Valley Post</footer></body></html>"""


def test_jsonl_reports_bad_lines_by_number_and_loads_the_rest():
    lines = [json.dumps({"text": TEXT, "outlet": "Valley Post", "published": "2025-03-12"}), "{broken",
             "[1, 2]", json.dumps({"title": "no text"}), "", json.dumps({"body": TEXT + " Again."})]
    items = list(read_jsonl("\n".join(lines), "in.jsonl"))
    arts = [i for i in items if isinstance(i, Article)]
    skips = {i.source: i.reason for i in items if isinstance(i, Skip)}
    assert len(arts) == 2
    assert arts[0].outlet == "Valley Post" and arts[0].published == date(2025, 3, 12)
    assert arts[1].text.endswith("Again.")  # 'body' is an alias of text
    assert skips == {"in.jsonl#line 2": "invalid JSON line", "in.jsonl#line 3": "not an article object",
                     "in.jsonl#line 4": "no text field"}


@pytest.mark.parametrize("deep", ["[" * 5000 + "]" * 5000, '{"a":' * 5000 + "1" + "}" * 5000])
def test_json_nested_too_deeply_is_one_skipped_line_not_the_end_of_the_run(deep):
    text = deep + "\n" + json.dumps({"text": TEXT})
    for items in (list(read_jsonl(text, "in.jsonl")), list(read_json(text, "in.json"))):
        skips = [(i.source, i.reason, i.detail) for i in items if isinstance(i, Skip)]
        assert skips[0][1:] == ("invalid JSON line", "nested too deeply")
        assert [i.text for i in items if isinstance(i, Article)] == [TEXT]


def test_json_array_and_single_object():
    arr = list(read_json(json.dumps([{"text": TEXT}, {"text": TEXT + " Two."}]), "a.json"))
    assert [a.source for a in arr] == ["a.json#item 1", "a.json#item 2"]
    one = list(read_json(json.dumps({"text": TEXT, "author": ["A. One", "B. Two"]}), "b.json"))
    assert one[0].author == "A. One, B. Two"


def test_csv_with_quoted_multiline_text():
    data = ('id,title,outlet,published,text\n'
            f'1,Bridge,Valley Post,2025-03-12,"{TEXT}\n\nSecond paragraph."\n'
            f'2,Other,Kadria.Net,12 March 2025,"{TEXT} Other."\n')
    arts = list(read_csv(data, "x.csv"))
    assert [a.source for a in arts] == ["x.csv#row 2", "x.csv#row 3"]
    assert arts[0].text.endswith("\n\nSecond paragraph.")
    assert arts[1].published == date(2025, 3, 12)


def test_csv_without_text_column_is_one_skip():
    items = list(read_csv("a,b\n1,2\n", "m.csv"))
    assert len(items) == 1 and items[0].reason == "CSV has no text column"


def test_html_main_text_and_metadata():
    page = extract_html(PAGE)
    assert page["title"] == "Bridge closed after floods"
    assert page["author"] == "Mira Castell"
    assert page["outlet"] == "Valley Post"
    assert page["published"] == date(2025, 3, 12)
    assert page["url"] == "https://valleypost.example/news/bridge-closed"
    assert page["text"].startswith("Bridge closed after floods\n")  # headline first
    assert "Related:" not in page["text"] and "Home" not in page["text"]


@pytest.mark.parametrize("html", ["", "   ", "<html><body><img src=x></body></html>"])
def test_html_without_article_text(html):
    with pytest.raises(UnreadableInput):
        extract_html(html)


def test_broken_markup_still_gives_its_text():
    page = extract_html("<html><body><div><p>" + TEXT + "<p>unclosed tags everywhere")
    assert TEXT in page["text"]


def _warc(records, truncate_at=None) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, ctype, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                        warc_headers_dict={"WARC-Date": "2025-03-13T10:00:00Z"})
        writer.write_record(rec)
    data = buf.getvalue()
    return data[:truncate_at] if truncate_at else data


def test_warc_reads_html_responses_only():
    other = PAGE.replace("Bridge closed after floods", "Second story on the floods").replace(
        '<meta property="article:published_time" content="2025-03-12T08:00:00+00:00">', "")
    data = _warc([("https://valleypost.example/a", "text/html; charset=utf-8", PAGE.encode()),
                  ("https://valleypost.example/robots.txt", "text/plain", b"User-agent: *"),
                  ("https://valleypost.example/b", "text/html", other.encode())])
    items = list(read_warc(data, "x.warc.gz", 10**6))
    assert [type(i) for i in items] == [Article, Article]
    assert items[0].published == date(2025, 3, 12)
    assert items[1].published == date(2025, 3, 13)  # the record's date when the page has none


def test_truncated_warc_keeps_records_before_the_damage():
    whole = _warc([("https://v.example/a", "text/html", PAGE.encode()),
                   ("https://v.example/b", "text/html", PAGE.replace("floods", "storms").encode())])
    first_len = len(_warc([("https://v.example/a", "text/html", PAGE.encode())]))
    for cut in (first_len + 60, len(whole) - 20):
        items = list(read_warc(whole[:cut], "t.warc.gz", 10**6))
        assert [type(i) for i in items if isinstance(i, Article)] == [Article]
        assert any(isinstance(i, Skip) and i.reason.startswith("truncated") for i in items)


@pytest.mark.parametrize("name,fmt", [("a.TXT", "txt"), ("a.htm", "html"), ("a.warc.gz", "warc"),
                                      ("a.ndjson", "jsonl"), ("a.csv", "csv"), ("a.pdf", None)])
def test_format_by_extension(name, fmt):
    assert format_of(name) == fmt


@pytest.mark.parametrize("data,fmt", [(b"<!DOCTYPE html><html>", "html"), (b'{"text": "x"}', "jsonl"),
                                      (b"WARC/1.0\r\n", "warc"), (b" date 2025-01-01 x", "txt")])
def test_stdin_format_is_sniffed(data, fmt):
    assert sniff_format(data) == fmt


def test_html_without_a_site_name_leaves_the_outlet_to_the_url():
    # trafilatura falls back to the host; the reader drops that, and the URL rule names the site
    page = extract_html(PAGE.replace('<meta property="og:site_name" content="Valley Post">', "")
                        .replace(" | Valley Post", ""))
    assert page["outlet"] is None and page["url"] == "https://valleypost.example/news/bridge-closed"


def test_html_site_name_that_is_furniture_is_dropped():
    page = extract_html(PAGE.replace('content="Valley Post"', 'content="Most Popular"'))
    assert page["outlet"] is None


def test_csv_of_metadata_is_not_reported_as_a_bad_article_file():
    items = list(read_csv("file,outlet,date\na.txt,Valley Post,2025-03-12\n", "sources.csv"))
    assert len(items) == 1 and items[0].reason == "metadata file, not articles" and "--meta" in items[0].detail


def test_jsonl_url_names_the_outlet_when_no_outlet_is_given(tmp_path):
    from corroborate import api
    from corroborate.store import Store
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": TEXT + " More words follow here.",
                                                  "url": "https://www.valleypost.example.co.uk/a"}) + "\n")
    api.add([str(tmp_path / "a.jsonl")], db=tmp_path / "s.duckdb")
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.con.execute("SELECT outlet FROM documents").fetchone() == ("example.co.uk",)


def test_a_warc_that_inflates_past_the_limit_is_refused_without_inflating_it():
    import zlib
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")]
    zeros = bytes(1 << 20)
    parts += [packer.compress(zeros) for _ in range(64)]  # 64 MB of zeros, about 64 kB packed
    data = b"".join(parts) + packer.flush()
    with pytest.raises(UnreadableInput) as info:
        list(read_warc(data, "bomb.warc.gz", 1_000_000, max_expanded=25_000_000))
    assert info.value.reason == "compressed too far"

