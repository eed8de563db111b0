"""`corroborate serve`: the report's views as a local web app, plus search over article text.

Every page has a JSON twin: /claims and /api/claims, /article?id=X and /api/articles/X, and so on;
the page is the same app.js as the report's, fetching its data from /api instead of reading it
from the file.

The store is opened read-only, for each request, and closed again: DuckDB lets a writer in only
when no reader holds the file, so a server that kept it open would block `corroborate add` and
`analyze`. When a writer holds it, the API answers 503 with a sentence saying so and the page
shows it; nothing fails. Views are cached until the store file changes.

The server binds to 127.0.0.1 only and answers only requests addressed to a loopback name (a
page elsewhere cannot reach it through DNS rebinding). Responses carry a Content-Security-Policy
that allows the app's own scripts and connections to itself, nothing else.
"""
from __future__ import annotations

import json
import re
import threading

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from .errors import StoreError
from .report.data import VIEWS, ReportData
from .report.page import APP_CSP, STATIC, app_page
from .store import Store, default_db

HOST = "127.0.0.1"
PAGES = (*VIEWS, "articles", "article")
SEARCH_HITS = 100


class Busy(Exception):
    """Another process is writing the store."""


class StoreReader:
    """Opens the store read-only per use and caches what it computed until the file changes."""

    def __init__(self, db: str | Path | None, size: int = 256):
        self.path = Path(db or default_db())
        self.size = size
        self._cache: OrderedDict[Any, Any] = OrderedDict()
        self._stamp: tuple | None = None
        self._lock = threading.Lock()

    def stamp(self) -> tuple:
        parts = []
        for p in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                st = p.stat()
                parts.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                parts.append(None)
        return tuple(parts)

    def get(self, key: Any, compute: Callable[[ReportData], Any]) -> Any:
        stamp = self.stamp()
        with self._lock:
            if stamp != self._stamp:
                self._cache.clear()
                self._stamp = stamp
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = self.run(compute)
        with self._lock:
            if self._stamp == stamp:
                self._cache[key] = value
                while len(self._cache) > self.size:  # articles and searches: keep the recent ones
                    self._cache.popitem(last=False)
        return value

    def run(self, compute: Callable[[ReportData], Any]) -> Any:
        try:
            store = Store(self.path, read_only=True)
        except StoreError as exc:
            if "lock" in str(exc).lower():
                raise Busy(f"The store {self.path} is being written by another process (an `add` or `analyze` "
                           "is running). Its data will show here when that has finished; reload then.") from None
            raise
        with store:
            return compute(ReportData(store, with_text=True))


def create_app(db: str | Path | None = None, title: str = "corroborate") -> FastAPI:
    reader = StoreReader(db)
    app = FastAPI(title=title, docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    # only the loopback names the server binds to: a page elsewhere that points a name of its own at
    # 127.0.0.1 (DNS rebinding) is refused, whatever the name ("testserver" included)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "[::1]"])

    @app.middleware("http")
    async def headers(request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = APP_CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"  # with CSP frame-ancestors 'none': never framed
        response.headers["Cache-Control"] = "no-store"
        return response

    def answer(key: Any, compute: Callable[[ReportData], Any]) -> Response:
        # serialised once and cached as bytes: FastAPI's own encoder walks every value in Python,
        # which takes seconds for a 10,000-article claims view
        def encoded(d: ReportData) -> bytes | None:
            value = compute(d)
            return None if value is None else json.dumps(value, ensure_ascii=False, default=str).encode()
        try:
            body = reader.get(key, encoded)
        except Busy as exc:
            raise HTTPException(status_code=503, detail=str(exc)) from None
        except StoreError as exc:
            raise HTTPException(status_code=503, detail=str(exc)) from None
        if body is None:
            raise HTTPException(status_code=404, detail="not found")
        return Response(body, media_type="application/json")

    page = app_page(title)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return page

    for name in PAGES:
        app.add_api_route(f"/{name}", lambda: HTMLResponse(page), methods=["GET"], name=f"page_{name}",
                          response_class=HTMLResponse)

    @app.get("/api/articles")
    def articles() -> Any:
        return answer("articles", lambda d: d.articles())

    @app.get("/api/articles/{doc_id}")
    def article(doc_id: str) -> Any:
        try:
            return answer(("article", doc_id), lambda d: d.article(doc_id) if doc_id in d.docs else None)
        except HTTPException as exc:
            if exc.status_code == 404:
                raise HTTPException(status_code=404, detail=f"no article {doc_id}") from None
            raise

    @app.get("/api/search")
    def search(q: str = Query(..., min_length=1, max_length=200)) -> Any:
        return answer(("search", q), lambda d: search_text(d, q))

    for name in VIEWS:
        app.add_api_route(f"/api/{name}", _view_route(answer, name), methods=["GET"], name=f"api_{name}")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app


def _view_route(answer, name: str):
    def route() -> Response:
        return answer(name, lambda d: d.view(name))
    return route


def search_text(data: ReportData, q: str, limit: int = SEARCH_HITS) -> dict:
    """Articles whose text contains q (any case), earliest first, each with its first match."""
    needle = " ".join(q.split())
    if not needle:
        return {"q": q, "total": 0, "hits": []}
    # DuckDB narrows the articles down by the longest word; the phrase itself may span a line break
    word = max(needle.split(), key=len)
    rows = data.store.con.execute(
        """SELECT doc_id, text FROM documents WHERE contains(lower(text), ?)
           ORDER BY published NULLS LAST, outlet NULLS LAST, doc_id""", [word.lower()]).fetchall()
    # the exact offsets come from Python's own search, so they are offsets into documents.text
    pattern = re.compile(r"\s+".join(re.escape(w) for w in needle.split()), re.IGNORECASE)
    hits, total = [], 0
    for doc_id, text in rows:
        m = pattern.search(text)
        if not m:
            continue
        total += 1
        if len(hits) < limit:
            a, b = m.span()
            hits.append({**data.span(doc_id, a, b), "outlet": data.outlet(doc_id), "published": data.published(doc_id),
                         "title": data.docs[doc_id]["title"], "before": text[max(0, a - 80):a], "match": text[a:b],
                         "after": text[b:b + 80]})
    return {"q": q, "total": total, "hits": hits}


def serve(db: str | Path | None = None, port: int = 8000, title: str = "corroborate") -> None:
    """Run the web app on 127.0.0.1:port until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db, title), host=HOST, port=port, log_level="warning")
