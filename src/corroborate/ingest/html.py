"""Saved web pages: main text and metadata through trafilatura.

The outlet is the page's own site name (`og:site_name` and the like) when it is a name and not
page furniture (`outlets.is_site_name`). trafilatura falls back to the host when a page has no
site name; that fallback is dropped here, because the host is the URL's to give, through the rule
every reader shares (`outlets.settle_outlet`: the registrable domain).
"""
from __future__ import annotations

import re

from ..errors import UnreadableInput
from .dates import parse_iso
from .outlets import is_site_name, site_of, url_key

_BARE_DOMAIN = re.compile(r"[a-z0-9][a-z0-9.\-]*\.[a-z]{2,}")


def site_name(name: str | None, url: str | None, title: str | None) -> str | None:
    """The page's site name when it names an outlet; None for the host itself and for furniture."""
    name = " ".join((name or "").split())
    if not name:
        return None
    key = url_key(url) or ""
    host = key.split("/", 1)[0].split("?", 1)[0]
    if host and name.lower().removeprefix("www.") in (host, site_of(url)):
        return None  # trafilatura's fallback to the host
    if _BARE_DOMAIN.fullmatch(name):  # a domain in the title ("... - english.example.org")
        return site_of(name) or name
    return name if is_site_name(name, title) else None


def extract_html(html: str, url: str | None = None) -> dict:
    """Main text and metadata of one page: text, title, author, published, outlet, url.

    The headline is put in front of the text when trafilatura left it out, so that an article read
    from HTML opens with its headline as one read from a text file does.
    """
    import trafilatura

    if not html.strip():
        raise UnreadableInput("empty page")
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, deduplicate=False,
                                          # Only dates the page states: an "extensive search" turns a
                                          # footer's "© 2025" into a publication date of 1 January.
                                          date_extraction_params={"extensive_search": False,
                                                                  "original_date": True})
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise UnreadableInput("malformed HTML", type(exc).__name__) from None
    if doc is None:
        raise UnreadableInput("no article text found in the HTML")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (meta.get("text") or "").strip()
    if not text:
        raise UnreadableInput("no article text found in the HTML")
    title = (meta.get("title") or "").strip() or None
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    page_url = meta.get("url") or url
    outlet = site_name(meta.get("sitename"), page_url, title)
    return {
        "text": text,
        "title": title,
        "author": (meta.get("author") or "").strip() or None,
        "published": parse_iso(meta.get("date")),
        "outlet": outlet,
        "url": page_url,
    }
