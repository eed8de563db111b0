"""The DuckDB engine: stages read from and write to the local store."""
from __future__ import annotations

import hashlib
from typing import Any, Callable, Sequence

from ..schema import TABLES, conform
from ..stages.base import CorpusStage, Stage
from ..store import Store, now
from .base import Engine


class DuckDBEngine(Engine):
    def __init__(self, store: Store):
        self.store = store

    def pending(self, stage: Stage, digest: str, force: bool = False) -> tuple[list[str], int]:
        ready = "".join(" AND d.doc_id IN (SELECT doc_id FROM stage_runs WHERE stage = ?)"
                        for _ in stage.after)
        rows = self.store.con.execute(
            f"""SELECT d.doc_id, r.version = ? AND r.settings_digest = ? AS current
               FROM documents d LEFT JOIN stage_runs r ON r.doc_id = d.doc_id AND r.stage = ?
               WHERE true{ready}
               ORDER BY d.doc_id""", [stage.version, digest, stage.name, *stage.after]).fetchall()
        todo = [doc_id for doc_id, current in rows if force or not current]
        return todo, len(rows) - len(todo)

    def articles(self, doc_ids: Sequence[str], columns: Sequence[str],
                 uses: Sequence[str] = ()) -> list[dict[str, Any]]:
        cols = ", ".join(f'"{c}"' for c in dict.fromkeys(("doc_id", *columns)))
        by_id = {r["doc_id"]: r for r in self._dicts(
            f"SELECT {cols} FROM documents WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)])}
        for table in uses:
            for r in by_id.values():
                r[table] = []
            for row in self._dicts(f'SELECT * FROM "{table}" WHERE doc_id IN (SELECT unnest(?))',
                                   [list(doc_ids)]):
                by_id[row["doc_id"]][table].append(row)
        return [by_id[d] for d in doc_ids if d in by_id]

    def _dicts(self, query: str, params: list) -> list[dict[str, Any]]:
        cursor = self.store.con.execute(query, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def replace(self, stage: Stage, digest: str, doc_ids: Sequence[str],
                rows: dict[str, list[dict[str, Any]]], failed: dict[str, str] | None = None) -> None:
        stamp = now()
        failed = failed or {}
        with self.store.transaction():
            for table in stage.writes:
                self.store.delete_docs(table, doc_ids)
                self.store.insert(table, rows.get(table, []))
            self.record_run(stage, digest, doc_ids, failed, stamp)

    def record_run(self, stage: Stage, digest: str, doc_ids: Sequence[str], failed: dict[str, str],
                   stamp) -> None:
        """The stage ran on doc_ids (inside the caller's transaction): a run row for each article
        but the failed ones, which get an error row instead."""
        for table in ("stage_runs", "stage_errors"):
            self.store.con.execute(f"DELETE FROM {table} WHERE stage = ? AND doc_id IN (SELECT unnest(?))",
                                   [stage.name, list(doc_ids)])
        self.store.insert("stage_runs", [
            {"stage": stage.name, "doc_id": d, "version": stage.version, "settings_digest": digest,
             "ran_at": stamp} for d in doc_ids if d not in failed])
        self.store.insert("stage_errors", [
            {"stage": stage.name, "doc_id": d, "version": stage.version, "error": error, "failed_at": stamp}
            for d, error in sorted(failed.items())])

    def articles_changed(self, changed: dict[str, set[str]]) -> None:
        """Stored articles whose metadata changed (doc_id -> changed `documents` columns): every
        stage that reads a changed column, and every stage after it, sees them as changed on the
        next run. A per-article stage forgets having processed them; a corpus stage forgets the
        corpus it last saw, keeping its version and settings, so it reruns and still gets back the
        rows it keeps (they depend on the texts, which did not change). Runs inside the caller's
        transaction."""
        from ..stages import affected_by  # the registry imports every stage

        per_stage: dict[str, list[str]] = {}
        corpus: set[str] = set()
        for columns, doc_ids in _group(changed).items():
            for stage in affected_by(columns):
                if isinstance(stage, CorpusStage):
                    corpus.add(stage.name)
                else:
                    per_stage.setdefault(stage.name, []).extend(doc_ids)
        for name, doc_ids in sorted(per_stage.items()):
            self.store.con.execute("DELETE FROM stage_runs WHERE stage = ? AND doc_id IN (SELECT unnest(?))",
                                   [name, sorted(doc_ids)])
        if corpus:
            self.store.con.execute("UPDATE corpus_runs SET corpus_digest = 'articles changed' "
                                   "WHERE stage IN (SELECT unnest(?))", [sorted(corpus)])

    # -- corpus stages ----------------------------------------------------------------------------
    def doc_ids(self) -> list[str]:
        """Every stored article's doc_id, sorted."""
        return [r[0] for r in self.store.con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]

    def corpus(self) -> tuple[str, int]:
        ids = self.doc_ids()
        return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16], len(ids)

    def corpus_state(self, stage: CorpusStage) -> tuple[str, str, str] | None:
        row = self.store.con.execute(
            "SELECT version, settings_digest, corpus_digest FROM corpus_runs WHERE stage = ?",
            [stage.name]).fetchone()
        return tuple(row) if row else None

    def inputs(self, stage: CorpusStage) -> str:
        from ..stages import STAGES  # the registry imports every stage

        con = self.store.con
        marks = []
        for name in stage.after:
            if isinstance(STAGES[name], CorpusStage):
                row = con.execute("SELECT corpus_digest, ran_at FROM corpus_runs WHERE stage = ?", [name]).fetchone()
            else:
                row = con.execute("SELECT count(*), max(ran_at) FROM stage_runs WHERE stage = ?", [name]).fetchone()
            marks.append(f"{name}:{row}")
        # the documents' columns it reads, but the text: a doc_id is its text's hash already
        cols = [c for c in stage.reads if c not in ("doc_id", "text")]
        if cols:
            joined = ", ".join(f"coalesce(CAST(\"{c}\" AS VARCHAR), '')" for c in cols)
            marks.append(str(con.execute(
                f"SELECT md5(string_agg(concat_ws('|', doc_id, {joined}), '\n' ORDER BY doc_id)) FROM documents"
            ).fetchone()[0]))
        return "|".join(marks)

    def fill_ahead(self, stage: CorpusStage, settings: Any, batch_size: int,
                   progress: Callable[[str, int, int], None] | None = None) -> int:
        """The stage's per-article cached work (`stage.ahead`), in this process, a batch of articles
        at a time: the entries they want that the cache table does not hold, made and stored (each
        batch in its own transaction: what is stored stays valid, whatever happens next)."""
        step = stage.ahead
        if step is None:
            return 0
        ids = self.doc_ids()
        made = 0
        for k in range(0, len(ids), batch_size):
            wanted = step.wanted(self.articles(ids[k:k + batch_size], step.reads, step.uses), settings)
            todo = self.store.unknown(step.table, wanted)
            if todo:
                rows = step.make(todo, settings)
                conform(TABLES[step.table], rows, stage.name)
                with self.store.transaction():
                    self.store.insert(step.table, rows, ignore_existing=True)
                made += len(rows)
            if progress:
                progress(f"{step.table} ahead", min(k + batch_size, len(ids)), len(ids))
        return made

    def all_articles(self, columns: Sequence[str]) -> list[dict[str, Any]]:
        cols = ", ".join(f'"{c}"' for c in dict.fromkeys(("doc_id", *columns)))
        cursor = self.store.con.execute(f"SELECT {cols} FROM documents ORDER BY doc_id")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def rows(self, table: str, columns: Sequence[str] | None = None) -> list[dict[str, Any]]:
        cols = ", ".join(f'"{c}"' for c in columns) if columns else "*"
        return self._dicts(f'SELECT {cols} FROM "{table}"', [])

    def replace_tables(self, stage: CorpusStage, digest: str, corpus: tuple[str, int],
                       rows: dict[str, list[dict[str, Any]]]) -> None:
        with self.store.transaction():
            for table in stage.writes:
                self.store.con.execute(f'DELETE FROM "{table}"')
                self.store.insert(table, rows.get(table, []))
            for table in stage.caches:
                if table in rows:  # a stage that returns nothing for a cache leaves it as it is
                    self.store.sync(table, rows[table])
            self.store.con.execute("DELETE FROM corpus_runs WHERE stage = ?", [stage.name])
            self.store.insert("corpus_runs", [
                {"stage": stage.name, "version": stage.version, "settings_digest": digest,
                 "corpus_digest": corpus[0], "n_articles": corpus[1], "ran_at": now()}])


def _group(changed: dict[str, set[str]]) -> dict[frozenset[str], list[str]]:
    """doc_ids by the set of columns that changed in them (few distinct sets, many articles)."""
    out: dict[frozenset[str], list[str]] = {}
    for doc_id, columns in changed.items():
        out.setdefault(frozenset(columns), []).append(doc_id)
    return out
