"""Metadata files: what users already keep beside their scrapes, read as the articles' metadata.

A metadata file is a CSV or JSON Lines file (a JSON array works too) with one row per article,
keyed by the article's file name or by its URL:

    file,url,outlet,date,language
    001_tass.txt,https://tass.com/emergencies/1187203,TASS,2020-08-08,en

Column names are case-blind and take the aliases structured articles take (`records.ALIASES`:
`date` or `published_at` for `published`, `site` or `publisher` for `outlet`, `link` for `url`,
...); the key is `file` (or `filename`, `path`) and/or `url`. Other columns are ignored. A file
key names a file by its base name or by a relative path (`corpus/001_tass.txt`): it matches the
added file whose path ends with it, the longest key first. A URL key matches an article whose own
URL (a JSON Lines or CSV field, an HTML canonical link, a WARC target) is the same address, up to
scheme, `www.`, a trailing slash and %-escapes. File keys name single-article files (txt, html);
records inside a container file are named by URL.

What a row gives wins over what the article's own text or page says: the user wrote it down.
Empty cells give nothing. When several metadata files name one article, a later one's non-empty
fields win. A row that names no article is fine (they are counted, not reported one by one).

`--meta FILE` names metadata files. Without it, a `manifest.csv` or `metadata.csv` lying in a
folder being added, in the folder of a file being added, or in the parent of either (the common
layout: `corpus/` beside `manifest.csv`) is picked up when it is a metadata file (no text column),
and the add summary says so. A metadata file is never read as articles.
"""
from __future__ import annotations

import csv
import glob
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..errors import UnreadableInput
from .dates import parse_iso
from .decode import decode
from .readers import extension
from .records import ALIASES, _pick, _text_value, loads
from .outlets import url_key

MANIFEST_NAMES = ("manifest.csv", "metadata.csv")
FILE_KEYS = ALIASES["file"]
FIELDS = ("outlet", "url", "title", "author", "published", "language")
# A language as an ISO 639 code, optionally with a region ("en", "pt-BR"): the code is kept.
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*$")
_DELIMITERS = ",;\t|"


class MetaError(Exception):
    """A metadata file that cannot be used, with the one-line reason."""


@dataclass
class MetaRow:
    number: int                 # line or row number, for messages
    file: str | None            # the file key, normalised (`_file_key`)
    url: str | None             # the URL key (`outlets.url_key`)
    values: dict[str, Any]      # the fields it gives: outlet, url, title, author, published, language


@dataclass
class MetaFile:
    """One metadata file, indexed by file key and URL key."""

    path: str
    found: bool = False         # picked up beside the files, not named with --meta
    rows: list[MetaRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # cells it could not use, one line each
    by_file: dict[str, int] = field(default_factory=dict)
    by_url: dict[str, int] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)        # rows that named an article

    @property
    def named(self) -> int:
        return len(self.used)


def _file_key(value: str) -> str | None:
    """'./corpus\\001.txt' -> 'corpus/001.txt'; absolute paths stay absolute."""
    key = value.strip().replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    key = re.sub(r"/{2,}", "/", key).rstrip("/")
    return key or None


def _path_keys(path: str) -> list[str]:
    """The keys a file path answers to, longest first: '/a/b/c.txt' -> ['/a/b/c.txt',
    'a/b/c.txt', 'b/c.txt', 'c.txt']."""
    path = path.replace("\\", "/")
    parts = [p for p in path.split("/") if p]
    keys = ["/" + "/".join(parts)] if path.startswith("/") else []
    keys += ["/".join(parts[i:]) for i in range(len(parts))]
    return keys


def _records(text: str, path: str) -> tuple[list[dict], list[str]]:
    """The rows of a CSV or JSON Lines (or JSON array) metadata file, and problems with lines."""
    problems: list[str] = []
    if extension(path) in ("jsonl", "ndjson", "json"):
        stripped = text.lstrip()
        if stripped.startswith("["):
            try:
                data = loads(text)
            except json.JSONDecodeError as exc:
                raise MetaError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
            rows = [o for o in data if isinstance(o, dict)]
            if len(rows) < len(data):
                problems.append(f"{len(data) - len(rows)} items are not objects")
            return rows, problems
        rows, bad = [], 0
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                obj = loads(line)
            except json.JSONDecodeError:
                bad += 1
                continue
            if isinstance(obj, dict):
                rows.append(obj)
            else:
                bad += 1
        if bad and not rows:
            raise MetaError("no line is a JSON object")
        if bad:
            problems.append(f"{bad} lines are not JSON objects")
        return rows, problems
    csv.field_size_limit(1 << 30)
    header = text.split("\n", 1)[0]
    # The delimiter the header line uses most: sniffing whole rows is misled by free-text columns
    # ("notes") full of commas and semicolons.
    delimiter = max(_DELIMITERS, key=header.count) if any(d in header for d in _DELIMITERS) else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [row for row in reader]
    except csv.Error as exc:
        raise MetaError(f"malformed CSV at line {reader.line_num} ({exc})") from None
    return rows, problems


def load_meta(path: str, found: bool = False) -> MetaFile:
    """Read and index one metadata file; MetaError says in one line why it cannot be used."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise MetaError(f"cannot read it ({exc.strerror or exc})") from None
    if not data.strip():
        raise MetaError("it is empty")
    try:
        text, _ = decode(data)
    except UnreadableInput as exc:
        raise MetaError(str(exc)) from None
    records, problems = _records(text, path)
    if not records:
        raise MetaError("it has no rows")
    columns = {str(k).strip().lower() for r in records[:50] for k in r if k is not None}
    if columns & set(ALIASES["text"]):
        raise MetaError("it has a text column, so it holds articles: add it as an article file")
    has_file = bool(columns & set(FILE_KEYS))
    if not has_file and not columns & set(ALIASES["url"]):
        raise MetaError(f"no file or url column to name the articles by (columns: {', '.join(sorted(columns))})")
    meta = MetaFile(str(path), found, problems=problems)
    bad_dates, bad_languages, keyless, repeated = 0, 0, 0, 0
    for number, obj in enumerate(records, start=2 if extension(path) not in ("jsonl", "ndjson", "json") else 1):
        # Lowercased names (DictReader files cells past the header under None: left out).
        low = {str(k).strip().lower(): v for k, v in obj.items() if k is not None}
        file_value = next((low[k] for k in FILE_KEYS if low.get(k) not in (None, "")), None)
        values: dict[str, Any] = {}
        for name in ("outlet", "url", "title", "author"):
            value = _text_value(_pick(low, name, low))
            if value:
                values[name] = " ".join(value.split())
        raw_date = _pick(low, "published", low)
        if raw_date not in (None, ""):
            published = parse_iso(raw_date)
            if published:
                values["published"] = published
            else:
                bad_dates += 1
        raw_language = _text_value(_pick(low, "language", low))
        if raw_language:
            m = _LANGUAGE.match(raw_language)
            if m:
                values["language"] = m.group(1).lower()
            else:
                bad_languages += 1
        row = MetaRow(number, _file_key(str(file_value)) if file_value is not None else None,
                      url_key(values.get("url")), values)
        if row.file is None and row.url is None:
            keyless += 1
            continue
        index = len(meta.rows)
        meta.rows.append(row)
        # The first row with a key wins; a repeated key is counted, not used.
        for key, table in ((row.file, meta.by_file), (row.url, meta.by_url)):
            if key is None:
                continue
            if key in table:
                repeated += 1
            else:
                table[key] = index
    if not meta.rows:
        raise MetaError("no row names a file or a URL")
    for n, what in ((bad_dates, "dates that are not dates"), (bad_languages, "languages that are not ISO 639 codes"),
                    (keyless, "rows without a file or url"), (repeated, "repeated file names or URLs (the first is used)")):
        if n:
            meta.problems.append(f"{n} {what}")
    return meta


def find_manifests(paths: Iterable[str]) -> list[str]:
    """`manifest.csv` / `metadata.csv` files in the folders being added (a folder argument, or the
    folder of a file argument) and in their parents, in argument order, each once."""
    found: list[str] = []
    for arg in paths:
        if arg == "-":
            continue
        p = Path(arg).expanduser()
        targets = [p] if p.exists() else [Path(m) for m in sorted(glob.glob(arg, recursive=True))] if glob.has_magic(arg) else []
        for target in targets:
            folder = target if target.is_dir() else target.parent
            for place in (folder, folder.parent):
                for name in MANIFEST_NAMES:
                    candidate = place / name
                    if candidate.is_file():
                        resolved = str(candidate.resolve())
                        if resolved not in found:
                            found.append(resolved)
    return found


class Metadata:
    """Every metadata file of one `add`: finds the row that names an article."""

    def __init__(self, files: list[MetaFile]):
        self.files = files
        self.has_urls = any(f.by_url for f in files)

    def __bool__(self) -> bool:
        return bool(self.files)

    def _rows(self, path: str | None, url: str | None, mark: bool) -> list[tuple[MetaFile, int]]:
        found = []
        keys = _path_keys(path) if path else []
        ukey = url_key(url)
        for meta in self.files:
            index = next((meta.by_file[k] for k in keys if k in meta.by_file), None)
            if index is None and ukey is not None:
                index = meta.by_url.get(ukey)
            if index is not None:
                found.append((meta, index))
                if mark:
                    meta.used.add(index)
        return found

    def names_file(self, path: str) -> bool:
        """Whether a file key of some metadata file names this file."""
        keys = _path_keys(path)
        return any(k in meta.by_file for meta in self.files for k in keys)

    def lookup(self, path: str | None, url: str | None, mark: bool = True) -> dict[str, Any]:
        """The fields the metadata files give the article read from `path` (None for a record inside
        a container, which only its URL names) with URL `url`; later files win field by field."""
        values: dict[str, Any] = {}
        for meta, index in self._rows(path, url, mark):
            values.update(meta.rows[index].values)
        # A row keyed by file may give the URL that another file's row is keyed by.
        if "url" in values and values["url"] != url:
            for meta, index in self._rows(None, values["url"], mark):
                for k, v in meta.rows[index].values.items():
                    values.setdefault(k, v)
        return values
