"""Which reader reads a file, and the readers for whole files of one article (txt, html)."""
from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import Iterator

from ..errors import UnreadableInput
from ..settings import IngestSettings
from .article import Article, Skip
from .decode import decode
from .html import extract_html
from .outlets import SIGN_OFF, SITE_NAME
from .records import read_csv, read_json, read_jsonl
from .text import parse_text
from .warc import read_warc

SINGLE = {"txt": "txt", "text": "txt", "md": "txt", "": "txt", "html": "html", "htm": "html", "xhtml": "html"}
CONTAINER = {"jsonl": "jsonl", "ndjson": "jsonl", "json": "json", "csv": "csv",
             "warc": "warc", "warc.gz": "warc", "arc": "warc", "arc.gz": "warc"}


def extension(path: str | Path) -> str:
    return extension_of_name(Path(path).name)


def extension_of_name(name: str) -> str:
    """extension() of a file name (no folder part), without building a Path."""
    name = name.lower()
    for double in ("warc.gz", "arc.gz"):
        if name.endswith("." + double):
            return double
    # Path(name).suffix: from the last dot, unless the dot starts or ends the name.
    dot = name.rfind(".")
    return name[dot + 1:] if 0 < dot < len(name) - 1 else ""


def format_of(path: str | Path) -> str | None:
    return format_of_name(Path(path).name)


def format_of_name(name: str) -> str | None:
    """format_of() of a file name (no folder part)."""
    ext = extension_of_name(name)
    return SINGLE.get(ext) or CONTAINER.get(ext)


def sniff_format(data: bytes) -> str:
    """The format of unnamed input (stdin) from its first bytes."""
    head = data[:2048].lstrip()
    if data[:2] == b"\x1f\x8b":
        try:
            head = gzip.GzipFile(fileobj=io.BytesIO(data[:65536])).read(16)
        except (OSError, EOFError):
            return "txt"
        return "warc" if head.startswith(b"WARC/") else "txt"
    if head.startswith(b"WARC/"):
        return "warc"
    lowered = head[:200].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    return "txt"


def read_bytes(data: bytes, source: str, fmt: str, settings: IngestSettings) -> Iterator[Article | Skip]:
    """Every article in one input. Problems with the whole input raise UnreadableInput; problems
    with one record inside a container come out as Skip items and the rest still load."""
    if fmt == "warc":
        # a compressed archive may inflate to at most 25 times the largest file ingest reads
        yield from read_warc(data, source, settings.max_article_chars, int(settings.max_file_mb * 25e6))
        return
    text, note = decode(data)
    if not text.strip():
        raise UnreadableInput("empty file", "only whitespace")
    if fmt == "txt":
        body, meta = parse_text(text)
        art = Article(text=body, source=source, format="txt", outlet=meta.outlet, title=meta.title,
                      author=meta.author, published=meta.published, updated=meta.updated,
                      dateline=meta.dateline, outlet_from=SIGN_OFF if meta.outlet else None)
        items: Iterator[Article | Skip] = iter([art])
    elif fmt == "html":
        page = extract_html(text)
        items = iter([Article(source=source, format="html", outlet_from=SITE_NAME if page["outlet"] else None, **page)])
    elif fmt == "jsonl":
        items = read_jsonl(text, source)
    elif fmt == "json":
        items = read_json(text, source)
    elif fmt == "csv":
        items = read_csv(text, source)
    else:  # pragma: no cover - format_of only returns the formats above
        raise UnreadableInput("unsupported format", fmt)
    for item in items:
        if note and isinstance(item, Article):
            item.notes.append(note)
        yield item
