"""Ingest: read articles from files, folders, globs or stdin into the store.

`add_paths` walks the inputs in a fixed order (sorted paths), reads each with the reader for its
format, identifies each article by its content hash, and writes batches in transactions. A file is
recorded as finished in the same transaction as its last article, so a run killed halfway is
completed by running it again: finished files are passed over and the rest are read anew, with
articles already stored counted as duplicates. The result equals one clean run.
"""
from __future__ import annotations

import glob
import hashlib
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import UnreadableInput
from ..settings import IngestSettings
from ..store import Store, now
from .article import Article, Skip, count_words
from .language import detect_language
from .readers import SINGLE, extension, format_of, read_bytes, sniff_format

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
    """One thing to read: a file path, or stdin."""

    source: str
    path: Path | None = None


def expand(paths: Iterable[str], settings: IngestSettings, report: AddReport) -> Iterator[Input]:
    """Files to read, in a fixed order: each argument in turn, folders walked in sorted order."""
    allowed = set(settings.extensions)
    seen: set[Path] = set()

    def emit(p: Path, from_folder: bool) -> Iterator[Input]:
        rp = p.resolve()
        if rp in seen:
            return
        seen.add(rp)
        if from_folder and extension(p) not in allowed and extension(p) != "":
            report.skips.append(Skip(str(p), "unsupported format", f".{extension(p)} files are not articles"))
            return
        yield Input(str(rp), rp)

    def visit(p: Path) -> Iterator[Input]:
        if p.is_dir():
            # Hidden files and folders (.git, .DS_Store) are not coverage.
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    yield from emit(f, True)
        else:
            yield from emit(p, False)

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


def _finish(art: Article, settings: IngestSettings) -> Article | Skip:
    """Checks and fields every article gets, whatever its format."""
    n_words = art.n_words = count_words(art.text)
    if n_words < settings.min_words:
        return Skip(art.source, "no text", f"{n_words} words after header lines were removed")
    if len(art.text) > settings.max_article_chars:
        return Skip(art.source, "article too long", f"{len(art.text):,} characters")
    if not art.language:
        art.language = detect_language(art.text, settings.language_sample_chars)
    return art


class _Writer:
    """Collects articles into batches and writes each batch in one transaction."""

    def __init__(self, store: Store, settings: IngestSettings, report: AddReport):
        self.store, self.settings, self.report = store, settings, report
        self.batch: list[Article] = []
        self.finished_files: list[dict] = []

    def add(self, art: Article) -> None:
        self.batch.append(art)
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
        ids = [a.doc_id for a in self.batch]
        stored = self.store.existing_ids(ids)
        docs, fills, sources, added = [], [], [], 0
        for art, doc_id in zip(self.batch, ids):
            row = {"doc_id": doc_id, "source": art.source, "url": art.url, "outlet": art.outlet,
                   "title": art.title, "author": art.author, "published": art.published,
                   "updated": art.updated, "language": art.language, "dateline": art.dateline,
                   "text": art.text, "n_words": art.n_words, "added_at": stamp}
            if doc_id in stored:
                fills.append(row)
                self.report.duplicates += 1
            else:
                stored.add(doc_id)
                docs.append(row)
                added += 1
            sources.append({**row, "format": art.format})
        with self.store.transaction():
            self.store.insert("documents", docs)
            self.store.fill_missing(fills)
            self.store.insert("sources", sources, ignore_existing=True)
            self.store.insert("ingested_files", self.finished_files, ignore_existing=True)
        self.report.added += added
        self.batch, self.finished_files = [], []


def _read_input(item: Input, settings: IngestSettings) -> tuple[bytes, str]:
    if item.path is None:
        data = sys.stdin.buffer.read()
        return data, sniff_format(data)
    size = item.path.stat().st_size
    if size == 0:
        raise UnreadableInput("empty file")
    fmt = format_of(item.path) or "txt"
    if fmt in SINGLE.values() and size > settings.max_file_mb * 1024 * 1024:
        raise UnreadableInput("file too large", f"{size / 1048576:.1f} MB, limit {settings.max_file_mb:g} MB"
                              " (ingest.max_file_mb)")
    try:
        return item.path.read_bytes(), fmt
    except OSError as exc:
        raise UnreadableInput("cannot read file", exc.strerror or str(exc)) from None


def add_paths(store: Store, paths: Iterable[str], settings: IngestSettings,
              on_skip: Callable[[Skip], None] | None = None,
              on_file: Callable[[str, int], None] | None = None) -> AddReport:
    """Read every article under `paths` into `store`; see the module docstring."""
    report = AddReport()
    writer = _Writer(store, settings, report)
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
                counts = Counter()
                for art in read_bytes(data, item.source, fmt, settings):
                    if isinstance(art, Article):
                        art = _finish(art, settings)
                    if isinstance(art, Skip):
                        report.skips.append(art)
                        counts["skipped"] += 1
                        continue
                    report.notes.extend(f"{art.source}: {n}" for n in art.notes)
                    counts["articles"] += 1
                    writer.add(art)
                # A file that gave no article is not recorded, so adding it again reports its
                # problems again instead of calling it "already added".
                recorded = item.path is not None and counts["articles"]
                writer.file_finished({"path": item.source, "sha256": digest, "size": len(data),
                                      "n_articles": counts["articles"], "n_skipped": counts["skipped"],
                                      "finished_at": now()} if recorded else None)
        except UnreadableInput as exc:
            report.skips.append(Skip(item.source, exc.reason, exc.detail))
        report_skips()
        if on_file:
            on_file(item.source, item.path.stat().st_size if item.path else 0)
    writer.flush()
    return report
