"""The Spark engine: the per-article stages run on Apache Spark's executors.

    corroborate analyze --engine spark [--master local[2] | spark://host:7077 | yarn ...]

The store stays the record of what was added and what ran (`documents`, `stage_runs`,
`corpus_runs`), so `status`, `export`, `report` and `serve` work the same after either engine.
For each per-article stage (paragraphs, parse, statements, propositions, facts):

1. the driver writes the pending articles, with the rows of the tables the stage `uses`, as Parquet
   files of (doc_id, pickled article) in the work folder, a batch at a time (its memory holds one
   batch, not the corpus);
2. Spark reads them in partitions; each executor runs the stage on its batches with the same code
   as the DuckDB engine (`engines.base.stage_rows`: the stage's `run`, one failing article isolated,
   every row checked against `schema.TABLES`) and writes each table's rows as a typed Parquet file
   (the schema's Arrow types); only the counts and the failed articles go back to the driver;
3. the driver loads each table's Parquet dataset into the store in one transaction
   (`INSERT ... SELECT ... FROM read_parquet`) and records the run, as `DuckDBEngine.replace` does.

Stage objects hold no models (a spaCy pipeline, the gazetteer and the embedders are made per
process when first needed), so Spark ships them to executors as they are, and each executor loads
what it needs once.

A corpus stage's per-article part (`stages.base.AheadStep`, the claims stage's sentence vectors)
runs on the executors too (`fill_ahead`), deduplicated and joined against the store's keys in
Spark. Not distributed yet (issue 17): the rest of the corpus stages (reuse, entities, incidents,
the claims' grouping) run on the driver as in the DuckDB engine, reading their inputs from the
store. The results are the same as the DuckDB engine's (tests compare the exports byte for byte).

On a cluster the work folder (`--spark-work`, default beside the store) must be a path every
executor can write and the driver read (a shared file system), and the executors need corroborate
installed with its `nlp` extra: see docs/spark.md.
"""
from __future__ import annotations

import os
import pickle
import shutil
import sys
import uuid
import warnings
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from ..errors import CorroborateError
from ..schema import TABLES
from ..stages.base import AheadStep, CorpusStage, Stage
from ..store import Store, now
from .duckdb import DuckDBEngine


def spark_session(master: str):
    """A Spark session for corroborate: the given master, UTC, no web UI, the executors running this
    Python. Made once per process (Spark's own getOrCreate)."""
    try:
        with warnings.catch_warnings():  # pyspark's note on the pandas version it was tested with
            warnings.simplefilter("ignore", FutureWarning)
            from pyspark.sql import SparkSession
    except ImportError:
        raise CorroborateError("the Spark engine needs pyspark; install it with "
                               "`pip install 'corroborate[spark]'` (and Java 17 or newer)") from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(master).appName("corroborate")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.python.worker.reuse", "true")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


class SparkEngine(DuckDBEngine):
    def __init__(self, store: Store, master: str = "local[2]", work: str | Path | None = None):
        super().__init__(store)
        self.master = master
        self.work = Path(work) if work else Path(f"{store.path}.spark")
        self._spark = None

    @property
    def spark(self):
        if self._spark is None:
            self._spark = spark_session(self.master)
        return self._spark

    def run_article_stage(self, stage: Stage, digest: str, doc_ids: Sequence[str], settings: Any,
                          batch_size: int, on_batch: Callable[[str, int, int], None] | None = None
                          ) -> tuple[dict[str, int], int]:
        counts = {t: 0 for t in stage.writes}
        if not doc_ids:
            return counts, 0
        run = self.work / f"{stage.name}-{uuid.uuid4().hex[:8]}"
        try:
            inputs = self._write_inputs(stage, doc_ids, run / "in", batch_size)
            outputs = run / "out"
            # at least two partitions per core, so that no core waits on another's last batch
            cores = self.spark.sparkContext.defaultParallelism
            partitions = max(1, min(len(doc_ids), max(2 * cores, -(-len(doc_ids) // batch_size))))
            task = _Task(stage, settings, batch_size, str(outputs))
            results = (self.spark.read.parquet(*[str(p) for p in inputs]).repartition(partitions, "doc_id")
                       .rdd.mapPartitionsWithIndex(task).collect())
            failed = {doc_id: error for kind, doc_id, error in results if kind == "failed"}
            for kind, table, n in results:
                if kind == "rows":
                    counts[table] += n
            self._load(stage, digest, doc_ids, outputs, failed)
            if on_batch:
                on_batch(stage.name, len(doc_ids), len(doc_ids))
            return counts, len(failed)
        finally:
            shutil.rmtree(run, ignore_errors=True)

    def fill_ahead(self, stage: CorpusStage, settings: Any, batch_size: int,
                   progress: Callable[[str, int, int], None] | None = None) -> int:
        """A corpus stage's per-article cached work (`stage.ahead`, the claims stage's sentence
        vectors) on the executors: the articles go out as for a per-article stage; each executor
        says which entries its articles want; Spark keeps each key once and drops, by an anti-join
        with the keys the store holds (written out as Parquet), those already made; the rest are
        made on the executors (each task with the cores Spark gives it) and written as Parquet, and
        the driver adds them to the store. Only counts come back to the driver."""
        step = stage.ahead
        if step is None:
            return 0
        ids = self.doc_ids()
        if not ids:
            return 0
        table = TABLES[step.table]
        key = list(table.key)
        run = self.work / f"{stage.name}-ahead-{uuid.uuid4().hex[:8]}"
        try:
            inputs = self._write_inputs(step, ids, run / "in", batch_size)
            known = run / "known.parquet"
            cols = ", ".join(f'"{k}"' for k in key)
            self.store.con.execute(f"COPY (SELECT {cols} FROM \"{step.table}\") TO '{_literal(known)}' (FORMAT parquet)")
            cores = self.spark.sparkContext.defaultParallelism
            partitions = max(1, min(len(ids), max(2 * cores, -(-len(ids) // batch_size))))
            types = {c.name: _SPARK_TYPES[c.type] for c in table.columns}
            ddl = ", ".join(f"`{k}` {types[k]}" for k in key) + ", `payload` STRING"
            wanted = (self.spark.read.parquet(*[str(p) for p in inputs]).repartition(partitions, "doc_id")
                      .rdd.mapPartitions(_Wanted(step, settings, batch_size, key)))
            todo = (self.spark.createDataFrame(wanted, ddl).dropDuplicates(key)
                    .join(self.spark.read.parquet(str(known)), key, "left_anti"))
            outputs = run / "out"
            made = sum(todo.repartition(partitions).rdd
                       .mapPartitionsWithIndex(_Make(stage.name, step, settings, str(outputs))).collect())
            files = sorted(outputs.glob("*.parquet")) if outputs.exists() else []
            if files:
                names = ", ".join(f'"{c}"' for c in table.names)
                with self.store.transaction():
                    self.store.con.execute(f'INSERT OR IGNORE INTO "{step.table}" ({names}) SELECT {names} '
                                           f"FROM read_parquet(?)", [[str(f) for f in files]])
            if progress:
                progress(f"{step.table} ahead", len(ids), len(ids))
            return made
        finally:
            shutil.rmtree(run, ignore_errors=True)

    def _write_inputs(self, stage: Stage | AheadStep, doc_ids: Sequence[str], folder: Path, batch_size: int) -> list[Path]:
        """The articles as the stage reads them (with the rows of the tables it uses), pickled, in
        Parquet files of a batch each: the driver holds one batch at a time."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for k in range(0, len(doc_ids), batch_size):
            articles = self.articles(doc_ids[k:k + batch_size], stage.reads, stage.uses)
            table = pa.table({"doc_id": [a["doc_id"] for a in articles],
                              "article": [pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL) for a in articles]})
            path = folder / f"batch-{k // batch_size:06d}.parquet"
            pq.write_table(table, path)
            paths.append(path)
        return paths

    def _load(self, stage: Stage, digest: str, doc_ids: Sequence[str], outputs: Path, failed: dict[str, str]) -> None:
        """Replace the stage's rows for doc_ids with the executors' Parquet files, and record the run,
        in one transaction (what `DuckDBEngine.replace` does for a batch of rows)."""
        stamp = now()
        con = self.store.con
        with self.store.transaction():
            for table in stage.writes:
                self.store.delete_docs(table, doc_ids)
                files = sorted((outputs / table).glob("*.parquet")) if (outputs / table).exists() else []
                if files:
                    cols = ", ".join(f'"{c}"' for c in TABLES[table].names)
                    con.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM read_parquet(?)',
                                [[str(f) for f in files]])
            self.record_run(stage, digest, doc_ids, failed, stamp)


# DuckDB types of key columns as Spark SQL types
_SPARK_TYPES = {"VARCHAR": "STRING", "INTEGER": "INT", "BIGINT": "BIGINT", "DOUBLE": "DOUBLE", "BOOLEAN": "BOOLEAN",
                "BLOB": "BINARY", "DATE": "DATE", "TIMESTAMP": "TIMESTAMP"}


def _literal(path: Path) -> str:
    """A path inside a SQL string literal."""
    return str(path).replace("'", "''")


class _Wanted:
    """Each executor's part of an ahead step: the entries its articles want, as (key..., payload)."""

    def __init__(self, step: AheadStep, settings: Any, batch_size: int, key: list[str]):
        self.step, self.settings, self.batch_size, self.key = step, settings, batch_size, key

    def __call__(self, rows: Iterator) -> Iterator[tuple]:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(pickle.loads(row["article"]))
            if len(batch) >= self.batch_size:
                yield from self._entries(batch)
                batch = []
        if batch:
            yield from self._entries(batch)

    def _entries(self, batch: list[dict[str, Any]]) -> Iterator[tuple]:
        for w in self.step.wanted(batch, self.settings):
            yield tuple(w[k] for k in self.key) + (w["payload"],)


class _Make:
    """Each executor's making of the entries no article had before, a chunk at a time, each chunk's
    rows checked against the cache table and written as one Parquet file; returns how many."""
    CHUNK = 4096

    def __init__(self, stage_name: str, step: AheadStep, settings: Any, outputs: str):
        self.stage_name, self.step, self.settings, self.outputs = stage_name, step, settings, outputs

    def __call__(self, index: int, rows: Iterator) -> Iterator[int]:
        import pyarrow.parquet as pq
        from pyspark import TaskContext

        from ..schema import conform
        from ..store import arrow_table

        context = TaskContext.get()
        cpus = getattr(context, "cpus", None) if context is not None else None
        threads = int(cpus()) if callable(cpus) else 1  # the cores Spark gives a task (spark.task.cpus)
        table = TABLES[self.step.table]
        batch: list[dict[str, Any]] = []
        number = 0

        def flush() -> int:
            nonlocal number
            made = self.step.make(batch, self.settings, threads)
            conform(table, made, self.stage_name)
            folder = Path(self.outputs)
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(arrow_table(table, made), folder / f"part-{index:05d}-{number:05d}.parquet")
            number += 1
            batch.clear()
            return len(made)

        total = 0
        for row in rows:
            batch.append(row.asDict())
            if len(batch) >= self.CHUNK:
                total += flush()
        if batch:
            total += flush()
        yield total


class _Task:
    """What each executor runs on a partition of pickled articles: the stage on batches of them,
    each table's rows written as one typed Parquet file per batch; it returns ("rows", table, n)
    and ("failed", doc_id, error) tuples, never the rows. Picklable: the stage object holds no
    model."""

    def __init__(self, stage: Stage, settings: Any, batch_size: int, outputs: str):
        self.stage, self.settings, self.batch_size, self.outputs = stage, settings, batch_size, outputs

    def __call__(self, index: int, rows: Iterator) -> Iterator[tuple[str, str, Any]]:
        import pyarrow.parquet as pq

        from ..store import arrow_table
        from .base import stage_rows

        batch: list[dict[str, Any]] = []
        number = 0

        def flush() -> Iterator[tuple[str, str, Any]]:
            nonlocal number
            batch.sort(key=lambda a: a["doc_id"])
            out, failed = stage_rows(self.stage, batch, self.settings)
            for table, table_rows in out.items():
                if table_rows:
                    folder = Path(self.outputs) / table
                    folder.mkdir(parents=True, exist_ok=True)
                    pq.write_table(arrow_table(TABLES[table], table_rows),
                                   folder / f"part-{index:05d}-{number:05d}.parquet")
                yield "rows", table, len(table_rows)
            for doc_id, error in failed.items():
                yield "failed", doc_id, error
            number += 1
            batch.clear()

        for row in rows:
            batch.append(pickle.loads(row["article"]))
            if len(batch) >= self.batch_size:
                yield from flush()
        if batch:
            yield from flush()
