"""The report and the web app in a real browser: Debian's Chromium, driven headless by Playwright.

Each test checks that the views render the store's data, that the console stays free of errors,
and that no request leaves file: (the report) or loopback (the app): every other request is
aborted and recorded. Hostile article text must come out as text in both. Screenshots go to
$CORROBORATE_SCREENSHOTS (default: the test's temporary folder).

Without /usr/bin/chromium or the playwright package the tests are skipped, unless
CORROBORATE_REQUIRE_BROWSER=1 (set by .ci/run), where they fail instead.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time

from pathlib import Path
from urllib.parse import urlparse

import pytest

from corroborate import api
from corroborate.report import build_report
from corroborate.store import Store

from conftest import SEEDS, needs_shared
from test_report import HOSTILE_TEXT, hostile_store

CHROMIUM = os.environ.get("CORROBORATE_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("CORROBORATE_REQUIRE_BROWSER") == "1"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-default-apps"]
VIEWS = ("overview", "claims", "passages", "speakers", "figures", "incidents", "articles")


def _browser_missing() -> str:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (apt install chromium)"
    return ""


_missing = _browser_missing()
if _missing and REQUIRED:
    raise RuntimeError(f"browser tests required but {_missing}")
pytestmark = pytest.mark.skipif(bool(_missing), reason=_missing or "browser present")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("CORROBORATE_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Watched:
    """A page whose console errors and outside requests are recorded; outside requests are aborted."""

    def __init__(self, browser, allowed: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        self.errors: list[str] = []
        self.outside: list[str] = []

        def route(r):
            url = urlparse(r.request.url)
            ok = (url.scheme in ("file", "data", "blob") if allowed == "file"
                  else url.scheme in ("http", "data", "blob") and url.hostname in ("127.0.0.1", None))
            if ok:
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def go(self, url: str) -> None:
        before = self.page.evaluate("document.body ? document.body.getAttribute('data-ready') : null") \
            if self.page.url.startswith(url.split("#")[0]) and self.page.url != "about:blank" else None
        self.page.goto(url)
        self.settle(before)

    def settle(self, before=None) -> None:
        self.page.wait_for_function(
            "prev => document.body && document.body.getAttribute('data-ready') !== null"
            " && document.body.getAttribute('data-ready') !== prev", arg=before)

    def click(self, selector: str) -> None:
        before = self.page.evaluate("document.body.getAttribute('data-ready')")
        self.page.click(selector)
        self.settle(before)

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.outside == [], self.outside
        self.context.close()


def count(page, selector: str) -> int:
    return page.locator(selector).count()


def check_views(w: Watched, base: str, shots: Path, prefix: str) -> None:
    """Every view shows the example corpus's data."""
    p = w.page
    w.go(base + "#overview")
    assert p.locator("[data-count=articles] b").inner_text() == "22"
    assert count(p, "#attention rect") >= 9
    assert count(p, "[data-table=outlets] tbody tr") == 9
    p.screenshot(path=str(shots / f"{prefix}-overview.png"), full_page=True)

    w.go(base + "#claims")
    assert count(p, "[data-table=claims] tbody tr") == 100  # the first page of 229
    w.click("[data-table=claims] tbody tr:first-child")
    chain = p.locator("#claim-chain li")
    assert chain.count() >= 5
    hows = set(chain.evaluate_all("els => els.map(e => e.dataset.how)"))
    assert {"first", "verbatim", "paraphrase"} <= hows
    p.screenshot(path=str(shots / f"{prefix}-claims.png"), full_page=True)
    # a claim some outlets print as their own: stripped attribution is marked in its chain
    w.go(base + "#claims?claims.stripped=1")
    assert 1 <= count(p, "[data-table=claims] tbody tr") < 100
    w.click("[data-table=claims] tbody tr:first-child")
    assert count(p, "#claim-chain .flag") >= 1

    w.go(base + "#passages")
    assert count(p, "#copy-graph line.edge") >= 5
    w.click("[data-table=passages] tbody tr:first-child")
    assert count(p, "#cluster-panel .side-by-side") >= 4
    assert count(p, "#cluster-panel del.diff") + count(p, "#cluster-panel ins.diff") >= 1  # edits highlighted
    p.screenshot(path=str(shots / f"{prefix}-passages.png"), full_page=True)

    w.go(base + "#speakers")
    assert count(p, "[data-table=speakers] tbody tr") >= 20
    w.click("[data-table=speakers] tbody tr:first-child")
    assert count(p, "#speaker-panel li") >= 2
    p.screenshot(path=str(shots / f"{prefix}-speakers.png"), full_page=True)

    w.go(base + "#figures")
    assert count(p, "#conflicts .conflict") == 2
    assert count(p, "[data-table=groups] tbody tr.differ") >= 1
    p.screenshot(path=str(shots / f"{prefix}-figures.png"), full_page=True)

    w.go(base + "#incidents")
    assert count(p, "#incident-map path.country") > 100  # the offline basemap
    assert count(p, "#incident-map circle.incident-dot") >= 1
    assert count(p, "#incident-timeline circle.timeline-dot") == 2
    w.click("#incident-map circle.incident-dot")
    assert count(p, "#incident-panel li") >= 3
    p.screenshot(path=str(shots / f"{prefix}-incidents.png"), full_page=True)

    w.go(base + "#articles")
    assert count(p, "[data-table=articles] tbody tr") == 22
    w.click("[data-table=articles] tbody tr:nth-child(3) a")
    for kind in ("quote", "speaker", "passage", "figure", "date", "place"):
        assert count(p, f"#article-text .m-{kind}") >= 1, kind
    p.screenshot(path=str(shots / f"{prefix}-article.png"), full_page=True)


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    report = api.demo(out)
    return report


def test_report_from_disk_shows_every_view(browser, example, shots):
    w = Watched(browser, allowed="file")
    check_views(w, example.report.resolve().as_uri(), shots, "report")
    w.clean()


def test_report_filters_live_in_the_url_and_tables_download(browser, example, tmp_path):
    w = Watched(browser, allowed="file")
    p = w.page
    base = example.report.resolve().as_uri()
    w.go(base + "#claims")
    p.fill("[data-filter='claims.q']", "evacuation")
    p.wait_for_function("() => location.hash.includes('claims.q=evacuation')")
    w.settle()
    rows = count(p, "[data-table=claims] tbody tr")
    assert 1 <= rows < 100
    w.click("[data-table=claims] th:nth-child(2)")  # sort by articles
    shared = p.url
    # the same URL in a fresh page gives the same view
    w2 = Watched(w.context.browser, allowed="file")
    w2.go(shared)
    assert count(w2.page, "[data-table=claims] tbody tr") == rows
    assert w2.page.locator("[data-filter='claims.q']").input_value() == "evacuation"
    with w2.page.expect_download() as dl:
        w2.page.click("[data-table=claims] button:has-text('Download CSV')")
    csv = Path(dl.value.path()).read_text(encoding="utf-8").splitlines()
    assert csv[0].startswith("claim,articles,independent sources") and len(csv) == rows + 1
    w2.clean()
    w.clean()


def test_report_filters_claims_by_language(browser, example):
    """The example corpus has a Russian and a French article: claims said in Russian, and claims
    said across languages (an English claim a Russian sentence joined), are a choice away."""
    w = Watched(browser, allowed="file")
    p = w.page
    w.go(example.report.resolve().as_uri() + "#claims")
    every = count(p, "[data-table=claims] tbody tr")
    p.select_option("[data-filter='claims.lang']", "*")
    p.wait_for_function("() => location.hash.includes('claims.lang=')")
    w.settle()
    across = count(p, "[data-table=claims] tbody tr")
    assert 1 <= across < every
    w.click("[data-table=claims] tbody tr:first-child")
    assert count(p, ".chain .tag:text-is('ru'), .chain .tag:text-is('fr')") >= 1
    p.select_option("[data-filter='claims.lang']", "ru")
    p.wait_for_function("() => location.hash.includes('claims.lang=ru')")
    w.settle()
    assert 1 <= count(p, "[data-table=claims] tbody tr") < every
    w.clean()


def test_report_stays_quiet_offline(browser, example):
    """With every request refused, the report still draws its map: the basemap is inside the file."""
    w = Watched(browser, allowed="file")
    w.go(example.report.resolve().as_uri() + "#incidents")
    assert count(w.page, "#incident-map path.country") > 100
    w.clean()


class AppServer:
    """The web app on a free loopback port, in a thread."""

    def __init__(self, db: Path):
        import uvicorn

        from corroborate.server import HOST, create_app
        with socket.socket() as s:
            s.bind((HOST, 0))
            self.port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(create_app(db), host=HOST, port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            assert time.time() < deadline, "the app did not start"
            time.sleep(0.05)
        self.base = f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def test_app_on_loopback_shows_every_view_and_searches(browser, example, shots):
    server = AppServer(example.db)
    try:
        w = Watched(browser, allowed="loopback")
        check_views(w, server.base, shots, "app")
        p = w.page
        w.go(server.base + "articles?search=chlorine")
        assert count(p, "#search-results li") >= 5
        assert count(p, "#search-results .hit") >= 5
        p.screenshot(path=str(shots / "app-search.png"), full_page=True)
        w.go(server.base + "claims")  # the app's own path names the view
        assert p.locator("main").get_attribute("data-view") == "claims"
        w.clean()
    finally:
        server.stop()


def check_hostile(w: Watched, base: str, doc_id: str, shots: Path, prefix: str) -> None:
    p = w.page
    for view in ("articles", "claims", "overview", f"article?id={doc_id}"):
        w.go(base + "#" + view)
        assert p.evaluate("window.__pwned") is None, view
        assert count(p, "main script, main img, main iframe, main td b, #article-text b") == 0, view
        assert count(p, "a[href^='javascript:']") == 0, view
    text = p.locator("#article-text").text_content()
    assert text == HOSTILE_TEXT  # every character shows as written, entities included
    assert "<script>window.__pwned = 1</script>" in text and "&lt;b&gt;" in text
    assert p.locator("h2").inner_text() == "<script>window.__pwned=4</script>Title"
    w.go(base + "#articles")
    assert "<b>Evil</b> Outlet" in p.locator("[data-table=articles]").inner_text()
    p.screenshot(path=str(shots / f"{prefix}-hostile.png"), full_page=True)


def test_hostile_article_is_plain_text_in_report_and_app(browser, tmp_path, shots):
    db = hostile_store(tmp_path)
    api.analyze(db=db)
    with Store(db, read_only=True) as s:
        doc_id = s.con.execute("SELECT doc_id FROM documents WHERE title LIKE '<script>%'").fetchone()[0]
    report = build_report(db, tmp_path / "hostile.html").path
    w = Watched(browser, allowed="file")
    check_hostile(w, report.as_uri(), doc_id, shots, "report")
    w.clean()
    server = AppServer(db)
    try:
        w = Watched(browser, allowed="loopback")
        check_hostile(w, server.base, doc_id, shots, "app")
        w.clean()
    finally:
        server.stop()


@needs_shared
@pytest.mark.seeds
def test_seed_report_shows_the_one_sourced_claim_and_the_copied_passages(browser, tmp_path, shots):
    db = tmp_path / "seeds.duckdb"
    api.add([str(SEEDS)], db=db)
    api.analyze(db=db)
    report = build_report(db, tmp_path / "seeds.html").path
    w = Watched(browser, allowed="file")
    p = w.page
    w.go(report.as_uri() + "#claims?claims.q=" + "only legitimate military targets".replace(" ", "+"))
    row = p.locator("[data-table=claims] tbody tr")
    assert row.count() == 1
    cells = row.locator("td").all_inner_texts()
    assert "only legitimate military targets" in cells[0].lower()
    assert cells[1] == "5" and cells[2] == "1"  # 5 articles, 1 independent source
    w.click("[data-table=claims] tbody tr")
    assert count(p, "#claim-chain li") >= 5
    p.screenshot(path=str(shots / "seeds-claim.png"), full_page=True)
    w.go(report.as_uri() + "#passages")
    clusters = p.locator("[data-table=passages] tbody tr")
    assert clusters.count() == 2
    for i in range(2):
        w.click(f"[data-table=passages] tbody tr:nth-child({i + 1})")
        pair = p.locator("#cluster-panel .side-by-side")
        assert pair.count() == 1 and pair.locator(".side").count() == 2
        p.screenshot(path=str(shots / f"seeds-passage-{i + 1}.png"), full_page=True)
    w.clean()
