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


def gzip_complete(data: bytes, max_expanded: int | None = None) -> bool:
    """True when every gzip member of `data` ends properly (warcio stops silently at a cut one).

    The members are inflated a megabyte at a time and the output thrown away, so checking a
    megabyte that inflates to a gigabyte costs a megabyte; past `max_expanded` bytes of output it
    raises UnreadableInput (a decompression bomb is refused before warcio holds it in memory)."""
    total = 0
    while data:
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        pending = data
        try:
            while pending and not member.eof:
                total += len(member.decompress(pending, 1 << 20))
                pending = member.unconsumed_tail
                if max_expanded is not None and total > max_expanded:
                    raise UnreadableInput("compressed too far", f"inflates past {max_expanded / 1e6:,.0f} MB "
                                          f"from {len(data) / 1e6:,.1f} MB: a decompression bomb?")
        except zlib.error:
            return False
        if not member.eof:
            return False
        data = member.unused_data
    return True


def _opens_an_archive(data: bytes) -> bool:
    """Whether the bytes (gzipped or not) open with a WARC record ("WARC/1.0") or an ARC file
    header ("filedesc://"); only the first bytes are decompressed. A gzip stream too damaged to
    show its first bytes is left to the checks for truncation."""
    head = data[:65536]
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return True
        if len(head) < 11:
            return True
    head = head.lstrip()
    return head.startswith((b"WARC/", b"filedesc://"))


def read_warc(data: bytes, path: str, max_article_chars: int, max_expanded: int | None = None
              ) -> Iterator[Article | Skip]:
    """Articles from the HTML responses; other records are passed over silently.

    A truncated or corrupt archive yields the records before the damage and a Skip for the damage:
    warcio reads a cut-off archive without complaint, so record lengths and gzip members are checked
    here.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not _opens_an_archive(data):
        # warcio would read the page as an old ARC file, print to stderr and find nothing
        raise UnreadableInput("not a WARC file", "it does not open with a WARC (or ARC) record")
    if data[:2] == b"\x1f\x8b" and not gzip_complete(data, max_expanded):
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
