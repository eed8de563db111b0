"""Saved web pages: main text and metadata through trafilatura."""
from __future__ import annotations

from urllib.parse import urlparse

from ..errors import UnreadableInput
from .dates import parse_iso


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
    outlet = (meta.get("sitename") or "").strip() or None
    if not outlet and page_url:
        outlet = urlparse(page_url).hostname
    return {
        "text": text,
        "title": title,
        "author": (meta.get("author") or "").strip() or None,
        "published": parse_iso(meta.get("date")),
        "outlet": outlet,
        "url": page_url,
    }
