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

REUSE = Table(
    "reuse",
    "Copied passages: one row per article's passage in a cluster of passages that are copies of one "
    "another (a press release and every copy of it).",
    (
        Column("cluster_id", "VARCHAR", "the cluster: a hash of its members, stable across runs"),
        Column("doc_id", "VARCHAR", "the article"),
        Column("start", "INTEGER", "offset of the passage's first character in documents.text"),
        Column("end", "INTEGER", "offset one past its last character"),
        Column("text", "VARCHAR", "documents.text[start:end]"),
        Column("n_words", "INTEGER", "words (tokens) in the passage"),
        Column("is_origin", "BOOLEAN", "published on the earliest date in the cluster: the likely origin"),
        Column("origin_tie", "BOOLEAN", "other articles of the cluster share that earliest date"),
        Column("outlet", "VARCHAR", "the article's outlet"),
        Column("published", "DATE", "the article's publication date"),
        Column("kind", "VARCHAR", "'copy' when the cluster spans two or more outlets, 'series' when it is "
               "one outlet repeating itself (a footer, a standing paragraph)"),
        Column("cluster_articles", "INTEGER", "articles in the cluster"),
        Column("cluster_outlets", "INTEGER", "distinct known outlets (or web hosts) in the cluster"),
    ),
    ("cluster_id", "doc_id", "start"),
)

REUSE_PAIRS = Table(
    "reuse_pairs",
    "Every aligned passage of two articles, with offsets on both sides (doc_a < doc_b).",
    (
        Column("doc_a", "VARCHAR", "one article"),
        Column("a_start", "INTEGER", "passage start in doc_a's text"),
        Column("a_end", "INTEGER", "passage end in doc_a's text"),
        Column("doc_b", "VARCHAR", "the other article"),
        Column("b_start", "INTEGER", "passage start in doc_b's text"),
        Column("b_end", "INTEGER", "passage end in doc_b's text"),
        Column("a_words", "INTEGER", "words in doc_a's passage"),
        Column("b_words", "INTEGER", "words in doc_b's passage"),
        Column("similarity", "DOUBLE", "character similarity of the two passages, case folded (0-1; 1 is verbatim)"),
        Column("same_series", "BOOLEAN", "both articles belong to one outlet"),
    ),
    ("doc_a", "a_start", "doc_b", "b_start"),
)

REUSE_CANDIDATES = Table(
    "reuse_candidates",
    "Article pairs that shared enough rare word runs to be aligned (whether or not a passage was "
    "found). An incremental run aligns only pairs not listed here.",
    (
        Column("doc_a", "VARCHAR", "one article"),
        Column("doc_b", "VARCHAR", "the other article (doc_a < doc_b)"),
        Column("shared", "INTEGER", "shared word runs (shingles) that made them a candidate pair"),
    ),
    ("doc_a", "doc_b"),
)

COPIED_SHARE = Table(
    "copied_share",
    "For every article, how much of it other outlets also carry, and how much appeared earlier in "
    "another outlet's article.",
    (
        Column("doc_id", "VARCHAR", "the article"),
        Column("n_words", "INTEGER", "words (tokens) in the article"),
        Column("shared_words", "INTEGER", "words in passages that another outlet's article also carries"),
        Column("shared_share", "DOUBLE", "shared_words / n_words"),
        Column("copied_words", "INTEGER", "words in passages that another outlet published on an earlier day"),
        Column("copied_share", "DOUBLE", "copied_words / n_words"),
        Column("copied_from", "VARCHAR[]", "the earlier articles of other outlets carrying those passages"),
    ),
    ("doc_id",),
)

CORPUS_RUNS = Table(
    "corpus_runs",
    "Stages that work on the whole corpus at once (copied passages): when each last ran, on which "
    "set of articles, with which version and settings. Such a stage reruns when any of them changed.",
    (
        Column("stage", "VARCHAR", "stage name"),
        Column("version", "VARCHAR", "the stage's version when it ran"),
        Column("settings_digest", "VARCHAR", "hash of its settings section"),
        Column("corpus_digest", "VARCHAR", "hash of the sorted doc_ids it ran on"),
        Column("n_articles", "INTEGER", "articles it ran on"),
        Column("ran_at", "TIMESTAMP", "when it ran (UTC)"),
    ),
    ("stage",),
)

TABLES: dict[str, Table] = {t.name: t for t in (DOCUMENTS, SOURCES, INGESTED_FILES, STAGE_RUNS, CORPUS_RUNS,
                                                PARAGRAPHS, REUSE, REUSE_PAIRS, REUSE_CANDIDATES,
                                                COPIED_SHARE)}


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
