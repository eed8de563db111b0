"""Structured inputs: JSON Lines, JSON and CSV, one article per object or row.

Fields (case-insensitive): `text` (required), and optional `id`, `url`, `title`, `outlet`, `author`,
`published`, `language`. Common aliases are accepted (`body`/`content` for text, `source`/`site`
for outlet, `date`/`published_at` for published). A bad line or row is reported by its number and
the rest load.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterator

from .article import Article, Skip
from .dates import parse_iso
from .outlets import GIVEN

ALIASES = {
    "text": ("text", "body", "content", "article", "maintext"),
    "id": ("id", "article_id", "doc_id"),
    "url": ("url", "link", "canonical_url"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site", "sitename", "site_name", "publisher", "media"),
    "author": ("author", "authors", "byline"),
    "published": ("published", "date", "published_at", "pubdate", "date_publish", "publish_date"),
    "language": ("language", "lang"),
    # Not an article field: the key a metadata file names an article's file by (meta.py).
    "file": ("file", "filename", "file_name", "path", "filepath", "file_path"),
}


def _lowered(obj: dict[str, Any]) -> dict[str, Any]:
    """The object with its keys lowercased (when two keys differ only in case, the later wins)."""
    return {str(k).lower(): v for k, v in obj.items()}


def _pick(obj: dict[str, Any], field: str, lowered: dict[str, Any] | None = None) -> Any:
    """The first non-empty value of `field` under any of its names; pass `lowered` (the object
    from `_lowered`) when picking several fields of one object."""
    if lowered is None:
        lowered = _lowered(obj)
    for name in ALIASES[field]:
        value = lowered.get(name)
        if value not in (None, ""):
            return value
    return None


def _text_value(value: Any) -> str | None:
    if isinstance(value, list):  # authors as a list
        return ", ".join(str(v) for v in value if v) or None
    return str(value).strip() or None if value is not None else None


def article_from_record(obj: Any, source: str, fmt: str) -> Article | Skip:
    """One JSON object or CSV row as an Article, or a Skip saying what is wrong with it."""
    if not isinstance(obj, dict):
        return Skip(source, "not an article object", f"got a JSON {type(obj).__name__}")
    low = _lowered(obj)
    text = _pick(obj, "text", low)
    if isinstance(text, str):
        text = text.strip()
    if not isinstance(text, str) or not text:
        return Skip(source, "no text field", "needs a non-empty 'text'")
    published = _pick(obj, "published", low)
    art = Article(
        text=text, source=source, format=fmt,
        url=_text_value(_pick(obj, "url", low)), outlet=_text_value(_pick(obj, "outlet", low)),
        title=_text_value(_pick(obj, "title", low)), author=_text_value(_pick(obj, "author", low)),
        published=parse_iso(published), language=_text_value(_pick(obj, "language", low)),
    )
    if art.outlet:
        art.outlet_from = GIVEN
    if published and art.published is None:
        art.notes.append(f"unreadable date {published!r}")
    return art


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` as iterating io.StringIO(text) gives them (split after each "\n", and
    only there), without copying the whole text into a StringIO buffer first."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start) + 1
        if not end:
            yield text[start:]
            return
        yield text[start:end]
        start = end


def loads(text: str):
    """json.loads, with nesting too deep for the parser (a hostile "[[[[..." of a thousand levels)
    reported as invalid JSON like any other, not as an error that ends the whole run."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, 0) from None


def read_jsonl(text: str, path: str) -> Iterator[Article | Skip]:
    for number, line in enumerate(_lines(text), start=1):
        if line.isspace():  # = not line.strip(): lines are never empty
            continue
        source = f"{path}#line {number}"
        try:
            obj = loads(line)
        except json.JSONDecodeError as exc:
            yield Skip(source, "invalid JSON line", exc.msg)
            continue
        yield article_from_record(obj, source, "jsonl")


def read_json(text: str, path: str) -> Iterator[Article | Skip]:
    """A .json file: an array of articles, one article object, or JSON Lines under a .json name."""
    try:
        data = loads(text)
    except json.JSONDecodeError:
        yield from read_jsonl(text, path)
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, list):
        for number, obj in enumerate(data, start=1):
            yield article_from_record(obj, f"{path}#item {number}", "json")
    else:
        yield article_from_record(data, path, "json")


def read_csv(text: str, path: str) -> Iterator[Article | Skip]:
    csv.field_size_limit(1 << 30)  # article texts are long; the default 128 kB limit is not
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if not any(name in fields for name in ALIASES["text"]):
        if any(name in fields for name in (*ALIASES["file"], *ALIASES["url"])):
            # Names files or URLs and gives no text: the metadata of articles, not articles.
            yield Skip(path, "metadata file, not articles",
                       "no text column; give it with --meta to use its outlets, URLs and dates")
        else:
            yield Skip(path, "CSV has no text column",
                       f"columns: {', '.join(reader.fieldnames or []) or 'none'}")
        return
    number = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Skip(f"{path}#row {reader.line_num}", "malformed CSV row", str(exc))
            break
        number += 1
        yield article_from_record(row, f"{path}#row {number}", "csv")
