"""Web archives: every HTML response record of a WARC (or ARC) file."""
from __future__ import annotations

import io
import zlib
from typing import Iterator

from ..errors import UnreadableInput
from .article import Article, Skip
from .dates import parse_iso
from .decode import decode
from .html import extract_html
from .outlets import SITE_NAME


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def gzip_complete(data: bytes) -> bool:
    """True when every gzip member of `data` ends properly (warcio stops silently at a cut one)."""
    while data:
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            member.decompress(data)
        except zlib.error:
            return False
        if not member.eof:
            return False
        data = member.unused_data
    return True


def read_warc(data: bytes, path: str, max_article_chars: int) -> Iterator[Article | Skip]:
    """Articles from the HTML responses; other records are passed over silently.

    A truncated or corrupt archive yields the records before the damage and a Skip for the damage:
    warcio reads a cut-off archive without complaint, so record lengths and gzip members are checked
    here.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if data[:2] == b"\x1f\x8b" and not gzip_complete(data):
        yield Skip(path, "truncated or corrupt WARC file", "the last gzip member is cut off; records before it are read")
    iterator = ArchiveIterator(io.BytesIO(data), arc2warc=True)
    number = 0
    while True:
        try:
            record = next(iterator)
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            source = f"{path}#record {number}"
            status = record.http_headers.get_statuscode()
            body = record.content_stream().read()
            missing = getattr(record.raw_stream, "limit", 0)
        except StopIteration:
            return
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            offset = iterator.offset if hasattr(iterator, "offset") else "?"
            yield Skip(f"{path}#offset {offset}", "truncated or corrupt WARC record", type(exc).__name__)
            return
        if missing:
            yield Skip(source, "truncated or corrupt WARC record", f"{missing} bytes missing from {url}")
            continue
        if status and not str(status).startswith("2"):
            yield Skip(source, "not a page", f"HTTP status {status} for {url}")
            continue
        try:
            charset = _charset(content_type)
            try:
                html = body.decode(charset) if charset else decode(body)[0]
            except (LookupError, UnicodeDecodeError):
                html = decode(body)[0]
            page = extract_html(html, url=url)
        except UnreadableInput as exc:
            yield Skip(source, exc.reason, exc.detail or url or "")
            continue
        if len(page["text"]) > max_article_chars:
            yield Skip(source, "article too long", f"{len(page['text']):,} characters")
            continue
        # The archive's capture date stands in when the page itself gives no publication date.
        published = page["published"] or parse_iso(record.rec_headers.get_header("WARC-Date"))
        yield Article(text=page["text"], source=source, format="warc",
                      url=page["url"] or url, outlet=page["outlet"], title=page["title"],
                      author=page["author"], published=published,
                      outlet_from=SITE_NAME if page["outlet"] else None)
