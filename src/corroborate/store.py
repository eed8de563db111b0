"""The article store: one embedded DuckDB file.

Tables are created from `schema.TABLES`. Every write happens in a transaction, so an interrupted
run leaves the store as it was after its last completed batch, and running the same command again
completes it. Nothing here knows how articles are read or analysed.
"""
from __future__ import annotations

import os
import re
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Sequence

import duckdb
import pyarrow as pa

from .errors import StoreError
from .schema import TABLES, Table

DEFAULT_DB = "corroborate.duckdb"

_ARROW = {"VARCHAR": pa.string(), "DATE": pa.date32(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
          "TIMESTAMP": pa.timestamp("us"), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
          "VARCHAR[]": pa.list_(pa.string()), "BLOB": pa.binary(),
          "JSON": pa.string()}  # JSON columns arrive as serialised text


def default_db() -> str:
    return os.environ.get("CORROBORATE_DB", DEFAULT_DB)


def now() -> datetime:
    """UTC now without a zone, as stored in TIMESTAMP columns."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def arrow_table(table: Table, rows: Sequence[dict]) -> pa.Table:
    """Rows (dicts) as an Arrow table with the column types the schema declares."""
    schema = pa.schema([(c.name, _ARROW[c.type]) for c in table.columns])
    return pa.Table.from_pylist([{c: row.get(c) for c in table.names} for row in rows], schema=schema)


# The documents columns a later reading of an article can change (the text and its id cannot).
META_COLUMNS = ("url", "outlet", "title", "author", "published", "updated", "language", "dateline")


def _q(name: str) -> str:
    return f'"{name}"'


class Store:
    """An open store. Use as a context manager, or call close()."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False, wait: float = 0.0,
                 on_wait: Callable[[str], None] | None = None):
        """Open the store. Another process holding it (a web app answering a search, another
        writer) holds its lock: for up to `wait` seconds the opening is retried, waiting longer
        each time, and `on_wait` is told once what it waits for."""
        self.path = Path(path or default_db())
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}; add articles first with `corroborate add PATH`")
        deadline, pause, told = time.monotonic() + wait, 0.05, False
        while True:
            try:
                self.con = duckdb.connect(str(self.path), read_only=read_only)
                break
            except duckdb.Error as exc:
                busy = "lock" in str(exc).lower()
                if not busy or time.monotonic() + pause > deadline:
                    waited = f" (waited {wait:g} s)" if busy and wait else ""
                    raise StoreError(f"cannot open the store {self.path}{waited}: {exc}") from None
                if on_wait is not None and not told:
                    holder = re.search(r"held in (.+?) \(PID (\d+)\)", str(exc))
                    by = f" by {Path(holder.group(1)).name} (PID {holder.group(2)})" if holder else ""
                    on_wait(f"the store {self.path} is in use{by}; waiting up to {wait:g} s for it")
                    told = True
                time.sleep(pause)
                pause = min(pause * 2, 1.0)
        if not read_only:
            for table in TABLES.values():
                self.con.execute(table.ddl())
                self._add_new_columns(table)

    def _add_new_columns(self, table) -> None:
        """A store written by an earlier version lacks the columns added since: they are added,
        empty (the stages that fill them have a new version, so they rerun on `analyze`)."""
        have = {r[1] for r in self.con.execute(f'PRAGMA table_info("{table.name}")').fetchall()}
        for column in table.columns:
            if column.name not in have:
                self.con.execute(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {column.type}')

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- generic table access -------------------------------------------------------------------
    def insert(self, table: str, rows: Sequence[dict], ignore_existing: bool = False) -> None:
        """Insert rows; with ignore_existing, rows whose key is already stored are left out."""
        if not rows:
            return
        t = TABLES[table]
        self.con.register("_rows", arrow_table(t, rows))
        try:
            cols = ", ".join(_q(c) for c in t.names)
            verb = "INSERT OR IGNORE" if ignore_existing else "INSERT"
            self.con.execute(f"{verb} INTO {_q(table)} ({cols}) SELECT {cols} FROM _rows")
        finally:
            self.con.unregister("_rows")

    def unknown(self, table: str, entries: Sequence[dict]) -> list[dict]:
        """The entries (dicts holding the table's key columns) whose key the table does not hold,
        in their order."""
        if not entries:
            return []
        t = TABLES[table]
        types = {c.name: _ARROW[c.type] for c in t.columns}
        keys = pa.table({"_n": pa.array(range(len(entries)), pa.int64()),
                         **{k: pa.array([e[k] for e in entries], types[k]) for k in t.key}})
        on = " AND ".join(f"t.{_q(k)} = e.{_q(k)}" for k in t.key)
        self.con.register("_entries", keys)
        try:
            found = self.con.execute(f"SELECT e._n FROM _entries e WHERE NOT EXISTS "
                                     f"(SELECT 1 FROM {_q(table)} t WHERE {on}) ORDER BY e._n").fetchall()
        finally:
            self.con.unregister("_entries")
        return [entries[n] for (n,) in found]

    def sync(self, table: str, rows: Sequence[dict]) -> None:
        """Make the table hold the rows' keys: rows whose key is stored stay as they are (only new
        keys are written), stored rows whose key is not among rows are deleted."""
        t = TABLES[table]
        keys = " AND ".join(f"r.{_q(k)} = t.{_q(k)}" for k in t.key)
        if not rows:
            self.con.execute(f"DELETE FROM {_q(table)}")
            return
        self.con.register("_rows", arrow_table(t, rows))
        try:
            self.con.execute(f"DELETE FROM {_q(table)} t WHERE NOT EXISTS (SELECT 1 FROM _rows r WHERE {keys})")
            cols = ", ".join(_q(c) for c in t.names)
            self.con.execute(f"INSERT INTO {_q(table)} ({cols}) SELECT {cols} FROM _rows r "
                             f"WHERE NOT EXISTS (SELECT 1 FROM {_q(table)} t WHERE {keys})")
        finally:
            self.con.unregister("_rows")

    def delete_docs(self, table: str, doc_ids: Iterable[str]) -> None:
        ids = list(doc_ids)
        if ids:
            self.con.execute(f"DELETE FROM {_q(table)} WHERE doc_id IN (SELECT unnest(?))", [ids])

    def frame(self, table: str, order: str | None = None):
        """A whole table as a pandas DataFrame, in the schema's column order."""
        t = TABLES.get(table)
        if t is None:
            raise StoreError(f"no table {table!r}; tables: {', '.join(TABLES)}")
        cols = ", ".join(_q(c) for c in t.names)
        order = order or ", ".join(_q(k) for k in t.key)
        return self.con.execute(f"SELECT {cols} FROM {_q(table)} ORDER BY {order}").df()

    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {_q(table)}").fetchone()[0]

    def transaction(self):
        return _Transaction(self.con)

    # -- documents ------------------------------------------------------------------------------
    def existing_ids(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        if not ids:
            return set()
        rows = self.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))",
                                [ids]).fetchall()
        return {r[0] for r in rows}

    def merge_metadata(self, rows: Sequence[dict]) -> dict[str, set[str]]:
        """Give stored documents what sources read again say: the article's first source (read
        again, with its metadata file) sets every value it has; any other source fills only what is
        still missing, the earliest with a value first. Returns {doc_id: columns that changed}."""
        if not rows:
            return {}
        ids = sorted({row["doc_id"] for row in rows})
        cols = ", ".join(_q(c) for c in ("doc_id", "source", *META_COLUMNS))
        stored = {r[0]: dict(zip(("doc_id", "source", *META_COLUMNS), r)) for r in self.con.execute(
            f"SELECT {cols} FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall()}
        merged = {doc_id: dict(row) for doc_id, row in stored.items()}
        for row in rows:  # in reading order
            into = merged.get(row["doc_id"])
            if into is None:
                continue
            first = row["source"] == into["source"]
            for c in META_COLUMNS:
                value = row.get(c)
                if value is not None and (first or into[c] is None):
                    into[c] = value
        changed = {doc_id: {c for c in META_COLUMNS if merged[doc_id][c] != stored[doc_id][c]}
                   for doc_id in merged}
        changed = {doc_id: columns for doc_id, columns in changed.items() if columns}
        if changed:
            self.con.register("_merged", arrow_table(TABLES["documents"], [merged[d] for d in sorted(changed)]))
            try:
                sets = ", ".join(f"{_q(c)} = _merged.{_q(c)}" for c in META_COLUMNS)
                self.con.execute(f"UPDATE documents SET {sets} FROM _merged WHERE documents.doc_id = _merged.doc_id")
            finally:
                self.con.unregister("_merged")
        return changed

    def update_sources(self, rows: Sequence[dict]) -> None:
        """Sources rows stored before take the values these rows have (a metadata file now names
        them); values the rows lack are kept."""
        if not rows:
            return
        latest = {(row["doc_id"], row["source"]): row for row in rows}  # one row per key
        self.con.register("_given", arrow_table(TABLES["sources"], list(latest.values())))
        try:
            sets = ", ".join(f"{_q(c)} = coalesce(_given.{_q(c)}, sources.{_q(c)})"
                             for c in ("url", "outlet", "title", "author", "published"))
            self.con.execute(f"UPDATE sources SET {sets} FROM _given "
                             "WHERE sources.doc_id = _given.doc_id AND sources.source = _given.source")
        finally:
            self.con.unregister("_given")

    def find_doc(self, prefix: str) -> dict:
        """The document whose doc_id is `prefix` or starts with it."""
        rows = self.con.execute(
            "SELECT * FROM documents WHERE doc_id = ? OR starts_with(doc_id, ?) ORDER BY doc_id LIMIT 2",
            [prefix, prefix]).df()
        if rows.empty:
            raise StoreError(f"no document {prefix!r}; `corroborate list` shows the doc_ids")
        if len(rows) > 1 and rows.iloc[0]["doc_id"] != prefix:
            raise StoreError(f"{prefix!r} matches several documents; give more of the doc_id")
        return rows.iloc[0].to_dict()

    # -- files ----------------------------------------------------------------------------------
    def finished_files(self) -> dict[tuple[str, str], int]:
        """{(path, sha256): articles} of every file read to the end before."""
        rows = self.con.execute("SELECT path, sha256, n_articles FROM ingested_files").fetchall()
        return {(p, h): n for p, h, n in rows}


class _Transaction:
    def __init__(self, con):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN TRANSACTION")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.con.execute("COMMIT")
        else:
            self.con.execute("ROLLBACK")
        return False
