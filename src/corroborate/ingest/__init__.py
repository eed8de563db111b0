"""Ingest: read articles from files, folders, globs or stdin into the store.

`add_paths` walks the inputs in a fixed order (sorted paths), reads each with the reader for its
format, identifies each article by its content hash, and writes batches in transactions. A file is
recorded as finished in the same transaction as its last article, so a run killed halfway is
completed by running it again: finished files are passed over and the rest are read anew, with
articles already stored counted as duplicates. The result equals one clean run.

Metadata files (`meta.py`: `--meta FILE`, or a `manifest.csv` beside the files) give articles their
outlet, URL, date, title, author and language, over what the article's own text or page says; the
outlet then follows `outlets.settle_outlet`. A file added before is read again when a metadata file
now says something about it that the store does not hold yet: the stored article takes the new
metadata (its first source's reading wins; other sources only fill gaps, and every `sources` row
stays), and the analysis stages that read a changed column are told the article changed, in the
same transaction (`DuckDBEngine.articles_changed`), so the next `analyze` redoes them for it.
"""
from __future__ import annotations

import errno
import glob
import hashlib
import os
import stat
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
from .meta import MetaError, MetaFile, Metadata, find_manifests, load_meta
from .outlets import METADATA_FILE, settle_outlet
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
    # Files added before and read again because a metadata file says something new about them,
    # and the stored articles read from them.
    reread_files: int = 0
    reread: int = 0
    changed: dict[str, set[str]] = field(default_factory=dict)  # stored doc_id -> columns this run changed
    metadata: list[MetaFile] = field(default_factory=list)    # the metadata files used
    warnings: list[str] = field(default_factory=list)         # metadata files left out, and why

    @property
    def skipped(self) -> Counter:
        return Counter(s.reason for s in self.skips)

    @property
    def updated(self) -> int:
        """Stored articles whose metadata this run changed."""
        return len(self.changed)

    @property
    def updated_fields(self) -> Counter:
        """Column -> how many stored articles it changed in."""
        return Counter(c for columns in self.changed.values() for c in columns)

    @property
    def read_anything(self) -> bool:
        return bool(self.added or self.duplicates or self.already_added_files or self.reread)

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.duplicates} duplicates"]
        if self.already_added_files:
            parts.append(f"{self.already_added_files} files already added")
        if self.reread_files:
            parts.append(f"{self.reread_files} files added before read again for their metadata")
        skipped = self.skipped
        total = sum(skipped.values())
        line = ", ".join(parts) + f", {total} skipped"
        if total:
            line += " (" + ", ".join(f"{n} {reason}" for reason, n in sorted(skipped.items())) + ")"
        return line

    def metadata_lines(self) -> list[str]:
        """What the metadata files did, a line each, and what re-adding changed."""
        lines = []
        for meta in self.metadata:
            how = "found beside the files" if meta.found else "given with --meta"
            rows = len(meta.rows)
            line = (f"metadata: {meta.path} ({how}): {meta.named} of {rows} rows name an article"
                    + (f", {rows - meta.named} name none of those added or stored" if rows > meta.named else ""))
            if meta.problems:
                line += "; not used: " + "; ".join(meta.problems)
            lines.append(line)
        if self.updated:
            fields = ", ".join(f"{c} {n}" for c, n in sorted(self.updated_fields.items()))
            lines.append(f"metadata of {self.updated} stored articles changed ({fields}); every sources row "
                         "is kept, and the next `corroborate analyze` redoes the stages that read the "
                         "changed columns for those articles")
        return lines


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


def _kind(path) -> str:
    """What a path that is not a regular file is: a FIFO, a socket, a device, a folder."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return exc.strerror or "unreadable"
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a file"


def _not_a_file(entry: os.DirEntry) -> tuple[str, str] | None:
    """Why an entry of a folder being added is not read, when it is not a real folder (those are
    walked): every input gets a word, never a silent pass."""
    try:
        if entry.is_dir(follow_symlinks=False):
            return None
        os.stat(entry.path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "link loop", "a symbolic link that leads back to itself"
        if exc.errno == errno.ENOENT:
            return "broken link", f"links to {os.readlink(entry.path)!r}, which is not there"
        return "unreadable", exc.strerror or str(exc)
    if entry.is_symlink() and os.path.isdir(entry.path):
        return "link to a folder", "not followed; add the folder itself"
    return "not a regular file", _kind(entry.path)


def expand(paths: Iterable[str], settings: IngestSettings, report: AddReport,
           exclude: Iterable[str] = ()) -> Iterator[Input]:
    """Files to read, in a fixed order: each argument in turn, folders walked in sorted order.
    Files in `exclude` (resolved paths: the metadata files) are not articles and are passed over."""
    allowed = set(settings.extensions)
    seen: set[str] = set(exclude)

    def emit(p: Path, from_folder: bool) -> Iterator[Input]:
        rp = str(p.resolve())
        if rp in seen:
            return
        if not p.is_file():
            # a FIFO would block the run, a device never end
            report.skips.append(Skip(str(p), "not a regular file", _kind(p)))
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
                reason = _not_a_file(entry)
                if reason is not None:
                    report.skips.append(Skip(str(p.joinpath(*parts)), *reason))
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
        self.rereads: list[bool] = []  # whether each came from a file added before, read again
        self.finished_files: list[dict] = []
        # Keys of the rows stored in this run, while the store held no other rows.
        self.known_docs: set[str] | None = set() if fresh else None
        self.known_sources: set[tuple[str, str]] | None = set() if fresh else None

    def add(self, art: Article, normal: str, reread: bool = False) -> None:
        self.batch.append(art)
        self.normals.append(normal)
        self.rereads.append(reread)
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
        docs, fills, sources, given, added = [], [], [], [], 0
        new_sources: set[tuple[str, str]] = set()
        for art, doc_id, reread in zip(self.batch, ids, self.rereads):
            # One dict serves the documents and the sources row: each insert takes its own columns.
            row = {"doc_id": doc_id, "source": art.source, "url": art.url, "outlet": art.outlet,
                   "title": art.title, "author": art.author, "published": art.published,
                   "updated": art.updated, "language": art.language, "dateline": art.dateline,
                   "text": art.text, "n_words": art.n_words, "added_at": stamp, "format": art.format}
            if art.from_metadata:
                given.append(row)  # a source row stored before takes what its metadata file says now
            if doc_id in stored:
                fills.append(row)
                if reread:
                    self.report.reread += 1
                else:
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
            changed = self.store.merge_metadata(fills)
            self.store.insert("sources", sources, ignore_existing=known_sources is None)
            if known_sources is None:
                self.store.update_sources(given)
            # finished_files holds only files that were not recorded when the run started
            # (Store.finished_files) and each path once, so no row is already stored.
            self.store.insert("ingested_files", self.finished_files)
            if changed:
                from ..engines.duckdb import DuckDBEngine  # only when stored metadata changed

                DuckDBEngine(self.store).articles_changed(changed)
        self.report.added += added
        for doc_id, columns in changed.items():
            self.report.changed.setdefault(doc_id, set()).update(columns)
        if known_docs is not None:
            known_docs.update(row["doc_id"] for row in docs)
            known_sources.update(new_sources)
            if len(known_docs) > _KNOWN_KEYS_CAP:
                self.known_docs = self.known_sources = None
        self.batch, self.normals, self.rereads, self.finished_files = [], [], [], []


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


def _metadata(paths: list[str], meta: Iterable[str], manifests: bool, report: AddReport) -> tuple[Metadata, set[str]]:
    """The metadata files of this add (given ones, else those found beside the files), and the
    resolved paths of every file that is metadata rather than articles."""
    files: list[MetaFile] = []
    not_articles: set[str] = set()
    given = [str(m) for m in meta]
    for path in given:
        not_articles.add(os.path.realpath(path))
        try:
            files.append(load_meta(path))
        except MetaError as exc:
            report.warnings.append(f"{path}: not used as metadata: {exc}")
    if manifests and not given:
        for path in find_manifests(paths):
            try:
                files.append(load_meta(path, found=True))
            except MetaError as exc:
                if "text column" in str(exc):
                    continue  # a CSV of articles that happens to be called manifest.csv
                report.warnings.append(f"{path}: not used as metadata: {exc}")
            not_articles.add(os.path.realpath(path))
    return Metadata(files), not_articles


def _apply_metadata(art: Article, metadata: Metadata) -> None:
    """The article's fields from the metadata files that name it, then its outlet settled."""
    if metadata:
        # A file key names a file of one article; records inside a container are named by URL.
        single = "#" not in art.source and art.source != "<stdin>"
        values = metadata.lookup(art.source if single else None, art.url)
        for name, value in values.items():
            setattr(art, name, value)
        if "outlet" in values:
            art.outlet_from = METADATA_FILE
        art.from_metadata = tuple(values)
    art.outlet, art.outlet_from = settle_outlet(art.outlet, art.outlet_from, art.url)


class _StoredSources:
    """What the store holds for the sources of the files being added, to tell whether a metadata
    file says something new about a file added before (then it is read again)."""

    _COLUMNS = ("url", "outlet", "title", "author", "published")

    def __init__(self, store: Store, paths: list[str]):
        self.by_file: dict[str, list[dict]] = {}
        rows = store.con.execute(
            """SELECT s.source, s.url, s.outlet, s.title, s.author, s.published,
                      CASE WHEN d.source = s.source THEN d.language END AS language
               FROM sources s JOIN documents d USING (doc_id)
               WHERE split_part(s.source, '#', 1) IN (SELECT unnest(?))""", [paths]).fetchall()
        for source, *values in rows:
            row = dict(zip(("source", *self._COLUMNS, "language"), (source, *values)))
            self.by_file.setdefault(source.split("#", 1)[0], []).append(row)

    def outdated(self, path: str, metadata: Metadata) -> bool:
        """Whether a metadata row names an article of this file with a value the store lacks.
        Rows that name one are counted as used either way."""
        stale = False
        for row in self.by_file.get(path, []):
            single = "#" not in row["source"]
            values = metadata.lookup(row["source"] if single else None, row["url"])
            for name, value in values.items():
                if name == "language" and row["language"] is None:
                    continue  # not the article's first source: its language is not this file's to give
                if row[name] != value:
                    stale = True
        return stale


def _record_skips(store: Store, read: list[str], skips: list[Skip]) -> None:
    """Keep what this run could not read in `skipped_inputs` (for `corroborate status`): each input
    read again loses its old rows (or its lines' and records'), and gets this run's, if any."""
    stamp = now()
    sources = sorted({*read, *(s.source.split("#")[0] for s in skips)})
    rows = {s.source: {"source": s.source, "reason": s.reason, "detail": s.detail or None, "skipped_at": stamp}
            for s in skips}
    with store.transaction():
        store.con.execute("DELETE FROM skipped_inputs WHERE split_part(source, '#', 1) IN (SELECT unnest(?))",
                          [sources])
        store.insert("skipped_inputs", [rows[k] for k in sorted(rows)])


def add_paths(store: Store, paths: Iterable[str], settings: IngestSettings,
              on_skip: Callable[[Skip], None] | None = None,
              on_file: Callable[[str, int], None] | None = None,
              meta: Iterable[str] = (), manifests: bool = True) -> AddReport:
    """Read every article under `paths` into `store`; see the module docstring. `meta`: metadata
    files; `manifests`: pick up a manifest.csv / metadata.csv beside the files when `meta` is empty."""
    report = AddReport()
    paths = list(paths)
    metadata, not_articles = _metadata(paths, meta, manifests, report)
    writer = _Writer(store, settings, report,
                     fresh=store.count("documents") == 0 and store.count("sources") == 0)
    reported = 0

    def report_skips() -> None:
        nonlocal reported
        if on_skip:
            for skip in report.skips[reported:]:
                on_skip(skip)
        reported = len(report.skips)

    inputs = list(expand(paths, settings, report, exclude=not_articles))
    finished = store.finished_files()  # one query instead of one per file
    # Files added before that a metadata file may say something about: their stored rows, to see
    # whether it says anything new (one query for all of them).
    stored: _StoredSources | None = None
    if metadata and finished:
        done_paths = {p for p, _ in finished}
        stored = _StoredSources(store, [i.source for i in inputs if i.path is not None and i.source in done_paths])
    report_skips()
    for item in inputs:
        report.files += 1
        try:
            data, fmt = _read_input(item, settings)
            digest = hashlib.sha256(data).hexdigest()
            done = finished.get((item.source, digest)) if item.path is not None else None
            reread = done is not None and stored is not None and stored.outdated(item.source, metadata)
            if done is not None and not reread:
                report.already_added_files += 1
            else:
                if not data.strip():
                    raise UnreadableInput("empty file", "only whitespace")
                n_articles = n_skipped = 0
                for art in read_bytes(data, item.source, fmt, settings):
                    if isinstance(art, Article):
                        _apply_metadata(art, metadata)
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
                    writer.add(art, normal, reread)
                if not n_articles and not n_skipped:
                    # a CSV with only its header row, a JSON array with nothing in it, an archive
                    # without pages: said, not passed over
                    raise UnreadableInput("no articles", f"nothing in this {fmt} file is an article")
                report.reread_files += reread
                # A file that gave no article is not recorded, so adding it again reports its
                # problems again instead of calling it "already added". A file read again is
                # recorded already.
                recorded = item.path is not None and n_articles and not reread
                writer.file_finished({"path": item.source, "sha256": digest, "size": len(data),
                                      "n_articles": n_articles, "n_skipped": n_skipped,
                                      "finished_at": now()} if recorded else None)
        except UnreadableInput as exc:
            report.skips.append(Skip(item.source, exc.reason, exc.detail))
        report_skips()
        if on_file:
            on_file(item.source, os.stat(item.path).st_size if item.path else 0)
    writer.flush()
    _record_skips(store, [i.source for i in inputs], report.skips)
    # A metadata file found beside the files is reported when it named an article; one named with
    # --meta always is (naming none is worth saying).
    report.metadata = [m for m in metadata.files if m.named or not m.found]
    for m in metadata.files:
        if m.found and not m.named:
            report.notes.append(f"{m.path}: a metadata file naming none of the articles added; not used")
    return report
