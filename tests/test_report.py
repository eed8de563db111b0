"""The report's data and page, and the web app's API, without a browser (tests/test_browser.py
opens both in Chromium)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate import api
from corroborate.report import build_report
from corroborate.report.data import Offsets, ReportData
from corroborate.report.page import STATIC, VENDOR_SCRIPTS, json_for_script, report_page
from corroborate.store import Store

HOSTILE_TEXT = ('Breaking </script><script>window.__pwned = 1</script> news. <img src=x onerror="window.__pwned=2"> '
                '<a href="javascript:window.__pwned=3">click</a> &lt;b&gt;bold&lt;/b&gt; &amp; <!-- comment --> '
                '\u2028 end. The ministry said that 12 people were killed in Kharkiv on Monday.')


def hostile_store(tmp_path: Path) -> Path:
    db = tmp_path / "hostile.duckdb"
    corpus = tmp_path / "hostile.jsonl"
    rows = [{"id": "h1", "outlet": "<b>Evil</b> Outlet", "title": "<script>window.__pwned=4</script>Title",
             "published": "2024-05-01", "text": HOSTILE_TEXT},
            {"id": "h2", "outlet": "Plain Outlet", "title": "Plain", "published": "2024-05-02",
             "text": "A calm article. " + HOSTILE_TEXT}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    api.add([str(corpus)], db=db)
    return db


def test_json_for_script_cannot_close_the_script_element():
    data = {"t": "</script><script>alert(1)</script> <!-- \u2028\u2029 & >"}
    out = json_for_script(data)
    assert "</" not in out and "<!--" not in out and "\u2028" not in out and "&" not in out
    assert json.loads(out) == data


@given(st.text(alphabet=st.sampled_from("ab \n😀é𝄞"), max_size=40), st.data())
def test_offsets_become_utf16_units(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    conv = Offsets({"d": text})
    units = text.encode("utf-16-le")
    # what JavaScript's String.slice would give with the converted offsets
    assert units[2 * conv("d", start):2 * conv("d", end)].decode("utf-16-le") == text[start:end]


def test_vendored_libraries_are_whole_and_licensed():
    licences = (STATIC / "vendor" / "LICENSES.md").read_text()
    for name in (*VENDOR_SCRIPTS, "vendor/countries-110m.json"):
        code = (STATIC / name).read_text()
        assert len(code) > 5000 and "</script" not in code.lower(), name
        assert Path(name).name in licences
    assert licences.count("Permission to use, copy, modify") >= 3  # the ISC texts
    assert "Redistribution and use in source and binary forms" in licences  # jsdiff's BSD text


def test_report_page_allows_only_its_own_scripts(tmp_path):
    page = report_page({"x": HOSTILE_TEXT}, "t <b>")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    assert len(scripts) == len(VENDOR_SCRIPTS) + 1
    assert csp.count("'sha256-") == len(scripts)
    assert "<title>t &lt;b&gt;</title>" in page
    assert "window.__pwned = 1</script>" not in page  # the article's own script never appears as markup
    assert not re.search(r"https?://", page.split("<script")[0])  # nothing in the head points to the web


def test_report_of_a_hostile_store_embeds_the_text_as_data(tmp_path):
    db = hostile_store(tmp_path)
    stats = build_report(db, tmp_path / "r.html")
    page = stats.path.read_text()
    data = json.loads(re.search(r'<script type="application/json" id="corroborate-data">(.*?)</script>',
                                page, flags=re.DOTALL).group(1))
    assert HOSTILE_TEXT in data["texts"].values()
    assert stats.articles == 2 and stats.bytes == len(page.encode())
    assert "<img src=x" not in page and 'href="javascript:' not in page


@pytest.fixture(scope="module")
def example_db(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("example")
    return api.demo(out).db


def test_views_on_the_example_corpus(example_db):
    with Store(example_db, read_only=True) as store:
        data = ReportData(store)
        texts = data.texts
        claims = data.claims()
        passages = data.passages()
        marks = data.marks()
        figures = data.figures()
        incidents = data.incidents()
        speakers = data.speakers()
    big = [c for c in claims if c["articles"] >= 3]
    assert big, "the press release's claims are carried by several articles"
    for c in big:
        hows = [m["how"] for m in c["members"]]
        assert hows[0] == "first" and len(c["members"]) >= c["articles"]
        dates = [m["published"] for m in c["members"]]
        assert dates == sorted(dates)  # the chain is in order of publication
    assert any(m["how"] == "verbatim" for c in big for m in c["members"])
    assert any(m["how"] == "paraphrase" for c in big for m in c["members"])
    copy = [c for c in passages["clusters"] if c["kind"] == "copy"]
    assert copy and all(c["pairs"] for c in copy)
    for pair in copy[0]["pairs"]:
        assert (pair["a"]["published"], pair["a"]["doc"]) <= (pair["b"]["published"], pair["b"]["doc"])
    assert passages["graph"]["edges"] and all(e["from"] != e["to"] for e in passages["graph"]["edges"])
    kinds = {m[2] for ms in marks.values() for m in ms}
    assert kinds == {"quote", "speaker", "passage", "figure", "date", "place"}
    for doc_id, ms in marks.items():  # the example corpus is all in the BMP: offsets are Python's
        assert all(0 <= m[0] < m[1] <= len(texts[doc_id]) for m in ms)
    assert figures["conflicts"] and any(g["differ"] for g in figures["groups"])
    assert incidents and any(i["lat"] is not None for i in incidents)
    assert speakers[0]["quotes"] and speakers[0]["outlets"]
    assert sum(o["n"] for o in speakers[0]["outlets"]) == len(speakers[0]["quotes"])


def test_report_is_reproducible(example_db, tmp_path):
    a = build_report(example_db, tmp_path / "a.html").path.read_bytes()
    b = build_report(example_db, tmp_path / "b.html").path.read_bytes()
    assert a == b


def test_cli_report(example_db, tmp_path):
    out = tmp_path / "sub" / "r.html"
    r = subprocess.run([sys.executable, "-m", "corroborate", "--db", str(example_db), "report", "--out", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "wrote" in r.stdout and out.exists()
    r = subprocess.run([sys.executable, "-m", "corroborate", "--db", str(tmp_path / "none.duckdb"), "report"],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "no store" in r.stderr and "Traceback" not in r.stderr


# ---- the web app's API ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client(example_db):
    from fastapi.testclient import TestClient

    from corroborate.server import create_app
    return TestClient(create_app(example_db), base_url="http://127.0.0.1")


@pytest.mark.parametrize("view", ["overview", "claims", "passages", "speakers", "figures", "incidents", "articles"])
def test_every_page_has_a_json_twin(client, view):
    page = client.get(f"/{view}")
    assert page.status_code == 200 and 'data-mode="app"' in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    twin = client.get(f"/api/{view}")
    assert twin.status_code == 200 and twin.json()


def test_app_article_search_and_errors(client):
    articles = [a for a in client.get("/api/articles").json() if a["language"] == "en"]
    doc = client.get(f"/api/articles/{articles[0]['id']}").json()
    assert doc["text"] and doc["marks"]
    assert client.get("/article", params={"id": articles[0]["id"]}).status_code == 200
    assert client.get("/api/articles/nope").status_code == 404
    hits = client.get("/api/search", params={"q": "EVACUATION"}).json()
    assert hits["total"] >= 2
    for h in hits["hits"]:
        assert h["match"].lower() == "evacuation" and h["text"] == h["match"]
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    assert client.get("/static/vendor/d3.min.js").status_code == 200
    # a request addressed to another host name (DNS rebinding) is refused
    for host in ("evil.example", "testserver", "127.0.0.1.evil.example"):
        assert client.get("/api/overview", headers={"host": host}).status_code == 400, host
    page = client.get("/")
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"


def test_app_says_when_another_process_is_writing(example_db, tmp_path):
    from fastapi.testclient import TestClient

    from corroborate.server import create_app

    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(example_db)!r})
        print("ready", flush=True)
        sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        c = TestClient(create_app(example_db), base_url="http://127.0.0.1")
        r = c.get("/api/claims")
        assert r.status_code == 503 and "being written by another process" in r.json()["detail"]
        assert c.get("/claims").status_code == 200  # the page itself still loads, and shows the message
    finally:
        holder.stdin.close()
        holder.wait(timeout=20)
    r = TestClient(create_app(example_db), base_url="http://127.0.0.1").get("/api/claims")
    assert r.status_code == 200


def test_cli_serve_binds_to_loopback(example_db):
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "corroborate", "--db", str(example_db), "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/overview", timeout=2) as r:
                    assert json.loads(r.read())["counts"]["documents"] == 22
                    break
            except OSError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.time() < deadline, "the app did not answer"
                time.sleep(0.2)
        listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True).stdout
        if listening:  # ss is there: the socket is bound to loopback only
            local = {line.split()[3] for line in listening.splitlines()}
            assert local == {f"127.0.0.1:{port}"}
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_articles_of_unknown_outlet_are_not_one_outlet(tmp_path):
    """Three articles nothing names, two of them sharing a passage: the overview does not count
    them as an outlet, and in the copy graph each is a node of its own, joined by their pair."""
    db = tmp_path / "u.duckdb"
    corpus = tmp_path / "u.jsonl"
    rows = [{"id": f"u{i}", "published": "2024-05-0" + str(i + 1), "text": f"Article {i} words. " + HOSTILE_TEXT}
            for i in range(3)] + [{"id": "k", "outlet": "Plain Outlet", "text": "A known outlet. " + HOSTILE_TEXT}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    api.add([str(corpus)], db=db)
    with Store(db) as store:
        ids = [r[0] for r in store.con.execute("SELECT doc_id FROM documents WHERE outlet IS NULL ORDER BY published").fetchall()]
        store.insert("reuse_pairs", [{"doc_a": ids[0], "a_start": 0, "a_end": 10, "doc_b": ids[1], "b_start": 0,
                                      "b_end": 10, "a_words": 2, "b_words": 2, "similarity": 1.0, "same_series": False}])
    with Store(db, read_only=True) as store:
        data = ReportData(store)
        overview = data.overview()
        graph = data._copy_graph()
    assert [o["outlet"] for o in overview["outlets"]] == ["Plain Outlet"]
    assert overview["unknown_outlet_articles"] == 3
    assert len(graph["edges"]) == 1 and graph["edges"][0]["from"] != graph["edges"][0]["to"]
    assert len(graph["nodes"]) == 2 and all(n["articles"] == 1 for n in graph["nodes"])


def test_figures_group_by_what_they_count_and_numbers_counting_nothing_never_differ(tmp_path):
    """'kilometres' and 'kilometers', 'years' and 'year' are one thing counted (a plural only where
    its singular is counted too); bare numbers from two claimants are no one thing, so they are not
    flagged as differing."""
    db = tmp_path / "f.duckdb"
    corpus = tmp_path / "f.jsonl"
    corpus.write_text(json.dumps({"id": "f1", "outlet": "Plain Outlet", "text": "A calm article. " * 8}) + "\n",
                      encoding="utf-8")
    api.add([str(corpus)], db=db)
    figures = [("5 kilometres", 5, "kilometres", "measure", "A"), ("7 kilometers", 7, "kilometers", "measure", "B"),
               ("3 years", 3, "years", "duration", "A"), ("4 year", 4, "year", "duration", "A"),
               ("2", 2, None, "other", "A"), ("9", 9, None, "other", "B"), ("the news", 1, "news", "other", "A")]
    with Store(db) as store:
        doc = store.con.execute("SELECT doc_id FROM documents").fetchone()[0]
        store.insert("figures", [{"figure_id": f"f{k}", "doc_id": doc, "start": k, "end": k + 1, "text": text,
                                  "number": str(value), "value": value, "what": what, "category": category,
                                  "claimant": claimant, "claimant_type": "source"}
                                 for k, (text, value, what, category, claimant) in enumerate(figures)])
    with Store(db, read_only=True) as store:
        groups = {(g["category"], g["what"]): g for g in ReportData(store).figures()["groups"]}
    assert groups[("measure", "kilometers")]["n"] == 2 and groups[("measure", "kilometers")]["differ"]
    assert groups[("duration", "year")]["n"] == 2  # shown as the form most used (a tie: the first)
    assert groups[("other", "")]["n"] == 2 and not groups[("other", "")]["differ"]
    assert groups[("other", "news")]["n"] == 1  # "news" alone: no "new" to be the plural of
