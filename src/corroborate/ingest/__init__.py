"""Ingest: read articles from files, folders, globs or stdin into the store.

`add_paths` walks the inputs in a fixed order (sorted paths), reads each with the reader for its
format, identifies each article by its content hash, and writes batches in transactions. A file is
recorded as finished in the same transaction as its last article, so a run killed halfway is
completed by running it again: finished files are passed over and the rest are read anew, with
articles already stored counted as duplicates. The result equals one clean run.
"""
from __future__ import annotations

import errno
import glob
import hashlib
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import UnreadableInput
from ..settings import IngestSettings
from ..store import Store, now
from .article import Article, Skip, count_words_and_normal, id_of_normal
from .language import detect_language
from .readers import SINGLE, extension, extension_of_name, format_of_name, read_bytes, sniff_format

STDIN = "-"


@dataclass
class AddReport:
    """What one `add` did: counts for the summary and every skip with its reason."""

    added: int = 0
    duplicates: int = 0          # read now, text already stored (or seen earlier in this run)
    already_added_files: int = 0  # files passed over because they were read to the end before
    files: int = 0
    skips: list[Skip] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> Counter:
        return Counter(s.reason for s in self.skips)

    @property
    def read_anything(self) -> bool:
        return bool(self.added or self.duplicates or self.already_added_files)

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.duplicates} duplicates"]
        if self.already_added_files:
            parts.append(f"{self.already_added_files} files already added")
        skipped = self.skipped
        total = sum(skipped.values())
        line = ", ".join(parts) + f", {total} skipped"
        if total:
            line += " (" + ", ".join(f"{n} {reason}" for reason, n in sorted(skipped.items())) + ")"
        return line


@dataclass
class Input:
    """One thing to read: a file (its resolved path), or stdin."""

    source: str
    path: str | None = None


# Errors pathlib treats as "not there" when it walks or tests paths.
_IGNORED_ERRNOS = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def _tree(root: Path) -> list[tuple[tuple[str, ...], os.DirEntry]]:
    """The files `sorted(root.rglob("*"))` lists that are not hidden, with their parts below root,
    in the same order, as one scandir per folder (rglob lists every folder twice and builds a Path
    for every entry). Like rglob it enters real folders but not links to folders, and passes over
    folders it may not read. Hidden files and folders are left out without being looked at.
    """
    found: list[tuple[tuple[str, ...], os.DirEntry]] = []

    def walk(folder: str, parts: tuple[str, ...]) -> None:
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except PermissionError:
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue  # hidden: neither the entry nor anything below it is read
            below = (*parts, name)
            found.append((below, entry))
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError as exc:
                if exc.errno not in _IGNORED_ERRNOS:  # as pathlib's glob does
                    raise
                is_dir = False
            if is_dir:
                walk(entry.path, below)

    walk(str(root), ())
    found.sort(key=lambda item: item[0])
    return found


def _is_file(entry: os.DirEntry) -> bool:
    """Path(entry.path).is_file(), answered from the directory listing when it can be."""
    try:
        return entry.is_file()
    except OSError:
        return Path(entry.path).is_file()  # the same answer, or the same error, as pathlib


def expand(paths: Iterable[str], settings: IngestSettings, report: AddReport) -> Iterator[Input]:
    """Files to read, in a fixed order: each argument in turn, folders walked in sorted order."""
    allowed = set(settings.extensions)
    seen: set[str] = set()

    def emit(p: Path, from_folder: bool) -> Iterator[Input]:
        rp = str(p.resolve())
        if rp in seen:
            return
        seen.add(rp)
        if from_folder and extension(p) not in allowed and extension(p) != "":
            report.skips.append(Skip(str(p), "unsupported format", f".{extension(p)} files are not articles"))
            return
        yield Input(rp, rp)

    def visit(p: Path) -> Iterator[Input]:
        if not p.is_dir():
            yield from emit(p, False)
            return
        # Hidden files and folders (.git, .DS_Store) are not coverage.
        real_root = os.path.realpath(p)
        for parts, entry in _tree(p):
            if not _is_file(entry):
                continue
            # What Path.resolve() gives: the folders below the root are real folders (links to
            # folders are not entered), so only a link as the file itself needs resolving.
            rp = os.path.realpath(entry.path) if entry.is_symlink() else os.path.join(real_root, *parts)
            if rp in seen:
                continue
            seen.add(rp)
            ext = extension_of_name(parts[-1])
            if ext not in allowed and ext != "":
                report.skips.append(Skip(str(p.joinpath(*parts)), "unsupported format",
                                         f".{ext} files are not articles"))
                continue
            yield Input(rp, rp)

    for arg in paths:
        if arg == STDIN:
            yield Input("<stdin>")
            continue
        p = Path(arg).expanduser()
        if p.exists():
            yield from visit(p)
            continue
        matches = sorted(glob.glob(arg, recursive=True)) if glob.has_magic(arg) else []
        if not matches:
            report.skips.append(Skip(arg, "no such file or folder"))
        for m in matches:
            yield from visit(Path(m))


def _finish(art: Article, settings: IngestSettings) -> str | Skip:
    """Checks and fields every article gets, whatever its format. Returns the normalised text
    (which the doc_id hashes) or the Skip the article turned into."""
    n_words, normal = count_words_and_normal(art.text)
    art.n_words = n_words
    if n_words < settings.min_words:
        return Skip(art.source, "no text", f"{n_words} words after header lines were removed")
    if len(art.text) > settings.max_article_chars:
        return Skip(art.source, "article too long", f"{len(art.text):,} characters")
    if not art.language:
        art.language = detect_language(art.text, settings.language_sample_chars)
    return normal


# A writer that knows every key in the store answers "is this article stored?" and "is this source
# row new?" from memory, up to this many articles; past it, it asks the store like any other.
_KNOWN_KEYS_CAP = 100_000


class _Writer:
    """Collects articles into batches and writes each batch in one transaction.

    When the store had no documents and no sources when the run started, every row the run meets
    was written by this writer, so it remembers their keys (up to _KNOWN_KEYS_CAP articles): it
    then neither queries the store for stored doc_ids nor asks it to skip existing source rows,
    which costs more than the inserts themselves. The rows written are the same either way.
    """

    def __init__(self, store: Store, settings: IngestSettings, report: AddReport, fresh: bool = False):
        self.store, self.settings, self.report = store, settings, report
        self.batch: list[Article] = []
        self.normals: list[str] = []  # normalise(art.text) of each article in the batch
        self.finished_files: list[dict] = []
        # Keys of the rows stored in this run, while the store held no other rows.
        self.known_docs: set[str] | None = set() if fresh else None
        self.known_sources: set[tuple[str, str]] | None = set() if fresh else None

    def add(self, art: Article, normal: str) -> None:
        self.batch.append(art)
        self.normals.append(normal)
        # Inside a large container file, write before the batch grows without bound.
        if len(self.batch) >= 2 * self.settings.batch_size:
            self.flush()

    def file_finished(self, row: dict | None) -> None:
        # The file's row goes into the same transaction as its last article, so a file whose
        # articles are stored is never read again as a duplicate after an interruption.
        if row:
            self.finished_files.append(row)
        if len(self.batch) >= self.settings.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.batch and not self.finished_files:
            return
        stamp = now()
        ids = [id_of_normal(normal) for normal in self.normals]  # = art.doc_id
        known_docs, known_sources = self.known_docs, self.known_sources
        stored = known_docs.intersection(ids) if known_docs is not None else self.store.existing_ids(ids)
        docs, fills, sources, added = [], [], [], 0
        new_sources: set[tuple[str, str]] = set()
        for art, doc_id in zip(self.batch, ids):
            # One dict serves the documents and the sources row: each insert takes its own columns.
            row = {"doc_id": doc_id, "source": art.source, "url": art.url, "outlet": art.outlet,
                   "title": art.title, "author": art.author, "published": art.published,
                   "updated": art.updated, "language": art.language, "dateline": art.dateline,
                   "text": art.text, "n_words": art.n_words, "added_at": stamp, "format": art.format}
            if doc_id in stored:
                fills.append(row)
                self.report.duplicates += 1
            else:
                stored.add(doc_id)
                docs.append(row)
                added += 1
            if known_sources is None:
                sources.append(row)
            else:
                # What INSERT OR IGNORE would keep: rows whose key is not stored yet, the first of
                # several with one key.
                key = (doc_id, art.source)
                if key not in known_sources and key not in new_sources:
                    new_sources.add(key)
                    sources.append(row)
        with self.store.transaction():
            self.store.insert("documents", docs)
            self.store.fill_missing(fills)
            self.store.insert("sources", sources, ignore_existing=known_sources is None)
            # finished_files holds only files that were not recorded when the run started
            # (Store.finished_files) and each path once, so no row is already stored.
            self.store.insert("ingested_files", self.finished_files)
        self.report.added += added
        if known_docs is not None:
            known_docs.update(row["doc_id"] for row in docs)
            known_sources.update(new_sources)
            if len(known_docs) > _KNOWN_KEYS_CAP:
                self.known_docs = self.known_sources = None
        self.batch, self.normals, self.finished_files = [], [], []


def _read_input(item: Input, settings: IngestSettings) -> tuple[bytes, str]:
    if item.path is None:
        data = sys.stdin.buffer.read()
        return data, sniff_format(data)
    size = os.stat(item.path).st_size
    if size == 0:
        raise UnreadableInput("empty file")
    fmt = format_of_name(os.path.basename(item.path)) or "txt"
    if fmt in SINGLE.values() and size > settings.max_file_mb * 1024 * 1024:
        raise UnreadableInput("file too large", f"{size / 1048576:.1f} MB, limit {settings.max_file_mb:g} MB"
                              " (ingest.max_file_mb)")
    try:
        with open(item.path, "rb", buffering=0) as f:  # one read of the whole file, no buffer copy
            return f.read(), fmt
    except OSError as exc:
        raise UnreadableInput("cannot read file", exc.strerror or str(exc)) from None


def add_paths(store: Store, paths: Iterable[str], settings: IngestSettings,
              on_skip: Callable[[Skip], None] | None = None,
              on_file: Callable[[str, int], None] | None = None) -> AddReport:
    """Read every article under `paths` into `store`; see the module docstring."""
    report = AddReport()
    writer = _Writer(store, settings, report,
                     fresh=store.count("documents") == 0 and store.count("sources") == 0)
    reported = 0

    def report_skips() -> None:
        nonlocal reported
        if on_skip:
            for skip in report.skips[reported:]:
                on_skip(skip)
        reported = len(report.skips)

    inputs = list(expand(paths, settings, report))
    finished = store.finished_files()  # one query instead of one per file
    report_skips()
    for item in inputs:
        report.files += 1
        try:
            data, fmt = _read_input(item, settings)
            digest = hashlib.sha256(data).hexdigest()
            done = finished.get((item.source, digest)) if item.path is not None else None
            if done is not None:
                report.already_added_files += 1
            else:
                if not data.strip():
                    raise UnreadableInput("empty file", "only whitespace")
                n_articles = n_skipped = 0
                for art in read_bytes(data, item.source, fmt, settings):
                    if isinstance(art, Article):
                        normal = _finish(art, settings)
                        if isinstance(normal, Skip):
                            art = normal
                    if isinstance(art, Skip):
                        report.skips.append(art)
                        n_skipped += 1
                        continue
                    if art.notes:
                        report.notes.extend(f"{art.source}: {n}" for n in art.notes)
                    n_articles += 1
                    writer.add(art, normal)
                # A file that gave no article is not recorded, so adding it again reports its
                # problems again instead of calling it "already added".
                recorded = item.path is not None and n_articles
                writer.file_finished({"path": item.source, "sha256": digest, "size": len(data),
                                      "n_articles": n_articles, "n_skipped": n_skipped,
                                      "finished_at": now()} if recorded else None)
        except UnreadableInput as exc:
            report.skips.append(Skip(item.source, exc.reason, exc.detail))
        report_skips()
        if on_file:
            on_file(item.source, os.stat(item.path).st_size if item.path else 0)
    writer.flush()
    return report
