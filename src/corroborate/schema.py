"""Every table corroborate stores, defined once.

The DuckDB store creates its tables from these definitions, exports read their column order from
them, and `docs/schema.md` is generated from them (a test fails when the two differ). A later
engine (Spark) builds the same tables from the same definitions.

Conventions shared by every table that points into an article: `doc_id` names the article,
`start`/`end` are character offsets into `documents.text` (Python string indices, end exclusive),
and `text` is exactly `documents.text[start:end]`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a DuckDB type; the Spark engine maps these
    doc: str


@dataclass(frozen=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def ddl(self) -> str:
        cols = ",\n  ".join(f'"{c.name}" {c.type}' for c in self.columns)
        key = ", ".join(f'"{k}"' for k in self.key)
        return f'CREATE TABLE IF NOT EXISTS "{self.name}" (\n  {cols},\n  PRIMARY KEY ({key})\n)'


DOCUMENTS = Table(
    "documents",
    "One row per distinct article text. Metadata comes from the first source that carried it; "
    "later sources fill only what is still missing.",
    (
        Column("doc_id", "VARCHAR", "stable content hash: the first 16 hex digits of the SHA-256 of the "
               "normalised text (whitespace collapsed, quote marks and dashes unified, NFC)"),
        Column("source", "VARCHAR", "the path or URL of the first source the article was read from; "
               "records inside a file add '#line N', '#row N' or '#record N'"),
        Column("url", "VARCHAR", "the article's own URL (canonical link, WARC target, or given)"),
        Column("outlet", "VARCHAR", "the publishing outlet (site name, sign-off line, wire tag, or given)"),
        Column("title", "VARCHAR", "the headline, when one is known"),
        Column("author", "VARCHAR", "the byline, when one is known"),
        Column("published", "DATE", "the article's own publication date (never a later update)"),
        Column("updated", "DATE", "the date of a later update ('Last update: ...'), when given"),
        Column("language", "VARCHAR", "ISO 639-1 code detected offline from the text"),
        Column("dateline", "VARCHAR", "the dateline place ('BAKU', 'ISMAILIA, EGYPT'), when the text opens "
               "with one; the dateline stays in the text"),
        Column("text", "VARCHAR", "the article text that every offset points into: headline first when "
               "known, header lines used as metadata removed"),
        Column("n_words", "INTEGER", "number of whitespace-separated words in text (runs of letters and digits for scripts written without spaces)"),
        Column("added_at", "TIMESTAMP", "when the article was first stored (UTC)"),
    ),
    ("doc_id",),
)

SOURCES = Table(
    "sources",
    "Every place an article was read from: a text seen in three files has three rows.",
    (
        Column("doc_id", "VARCHAR", "the article (documents.doc_id)"),
        Column("source", "VARCHAR", "path or URL, as in documents.source"),
        Column("url", "VARCHAR", "the URL this source gave"),
        Column("outlet", "VARCHAR", "the outlet this source gave"),
        Column("title", "VARCHAR", "the title this source gave"),
        Column("author", "VARCHAR", "the author this source gave"),
        Column("published", "DATE", "the publication date this source gave"),
        Column("format", "VARCHAR", "reader that read it: txt, html, jsonl, csv, warc"),
        Column("added_at", "TIMESTAMP", "when this source was recorded (UTC)"),
    ),
    ("doc_id", "source"),
)

INGESTED_FILES = Table(
    "ingested_files",
    "Files read to the end. A file whose path, size and hash are here is not read again; a file "
    "cut off by an interrupted run is missing here, so the next run reads it again.",
    (
        Column("path", "VARCHAR", "absolute path of the file"),
        Column("sha256", "VARCHAR", "SHA-256 of the file's bytes"),
        Column("size", "BIGINT", "size in bytes"),
        Column("n_articles", "INTEGER", "articles read from it (new or already stored)"),
        Column("n_skipped", "INTEGER", "records in it that could not be read"),
        Column("finished_at", "TIMESTAMP", "when reading it finished (UTC)"),
    ),
    ("path", "sha256"),
)

STAGE_RUNS = Table(
    "stage_runs",
    "Which stage has processed which article, with which version and settings. A stage reruns on an "
    "article when its row is missing or the version or settings digest differ.",
    (
        Column("stage", "VARCHAR", "stage name"),
        Column("doc_id", "VARCHAR", "the article"),
        Column("version", "VARCHAR", "the stage's version when it ran"),
        Column("settings_digest", "VARCHAR", "hash of the stage's settings section when it ran"),
        Column("ran_at", "TIMESTAMP", "when it ran (UTC)"),
    ),
    ("stage", "doc_id"),
)

PARAGRAPHS = Table(
    "paragraphs",
    "The paragraphs of each article: every non-blank line of the text, with its offsets.",
    (
        Column("doc_id", "VARCHAR", "the article"),
        Column("paragraph", "INTEGER", "0-based paragraph number in the article"),
        Column("start", "INTEGER", "offset of the first character in documents.text"),
        Column("end", "INTEGER", "offset one past the last character"),
        Column("text", "VARCHAR", "documents.text[start:end]"),
        Column("n_words", "INTEGER", "words in the paragraph"),
    ),
    ("doc_id", "paragraph"),
)

TABLES: dict[str, Table] = {t.name: t for t in (DOCUMENTS, SOURCES, INGESTED_FILES, STAGE_RUNS, PARAGRAPHS)}


def markdown() -> str:
    """The schema as Markdown, for docs/schema.md."""
    out = ["# The store's tables", "",
           "Generated from `src/corroborate/schema.py` by `python -m corroborate.schema`; "
           "do not edit by hand.", ""]
    for t in TABLES.values():
        out += [f"## `{t.name}`", "", t.doc, "", f"Key: {', '.join(t.key)}", "",
                "| column | type | meaning |", "| --- | --- | --- |"]
        out += [f"| `{c.name}` | {c.type} | {c.doc} |" for c in t.columns]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown(), end="")
