"""The HTML page both front ends share: the report inlines everything, the web app links /static.

Safety of the report file, which holds hostile article text:
- the data sits in a `<script type="application/json">` block, serialised with `<`, `>`, `&` and
  the two JavaScript line separators escaped as \\uXXXX, so no article can close the block or
  open a comment; the page reads it with JSON.parse, never eval;
- a Content-Security-Policy allows only the page's own inline scripts, by their SHA-256 hashes,
  and no connection, image, font or frame from anywhere: even a script that slipped in could not
  run, and the page cannot make a request;
- the page's script builds every element with DOM calls and puts text in as text (see app.js).
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from importlib import resources
from typing import Any

STATIC = resources.files("corroborate.report") / "static"
VENDOR_SCRIPTS = ("vendor/d3.min.js", "vendor/topojson-client.min.js", "vendor/diff.min.js")
APP_SCRIPT = "app.js"
STYLESHEET = "app.css"
MAP = "vendor/countries-110m.json"

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}


def static_text(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def json_for_script(data: Any) -> str:
    """JSON that is safe inside a <script> element whatever strings it holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str, allow_nan=False)
    return text.translate(_JSON_ESCAPES)


def _inline_script(code: str) -> str:
    # a vendored library never holds "</script" (checked by a test); refuse rather than break the page
    if "</script" in code.lower():
        raise ValueError("an inline script contains '</script'")
    return code


def _hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def _shell(mode: str, title: str, head: str, body_end: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
{head}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="corroborate">
<title>{html.escape(title)}</title>
</head>
<body data-mode="{mode}">
<header><h1>{html.escape(title)}</h1><span class="sub" id="subtitle"></span><nav id="nav"></nav></header>
<main id="main"><p class="muted">Loading…</p></main>
{body_end}
</body>
</html>
"""


def report_page(data: dict, title: str) -> str:
    """The self-contained report: styles, libraries, data and app in one file."""
    scripts = [_inline_script(static_text(name)) for name in VENDOR_SCRIPTS] + [_inline_script(static_text(APP_SCRIPT))]
    csp = ("default-src 'none'; script-src " + " ".join(_hash(s) for s in scripts)
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    head = (f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
            f"<style>\n{static_text(STYLESHEET)}</style>")
    body_end = (f'<script type="application/json" id="corroborate-data">{json_for_script(data)}</script>\n'
                + "\n".join(f"<script>{s}</script>" for s in scripts))
    return _shell("report", title, head, body_end)


APP_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
           "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def app_page(title: str) -> str:
    """The web app's page: the same app, its data fetched from /api."""
    head = f'<link rel="stylesheet" href="/static/{STYLESHEET}">'
    body_end = "\n".join(f'<script src="/static/{name}"></script>' for name in (*VENDOR_SCRIPTS, APP_SCRIPT))
    return _shell("app", title, head, body_end)
