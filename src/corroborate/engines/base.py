"""The engine interface and the engine-independent stage runner."""
from __future__ import annotations

from abc import ABC, abstractmethod
import hashlib
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence

from ..schema import TABLES, conform
from ..settings import Settings
from ..stages.base import CorpusStage, Stage


@dataclass
class StageResult:
    stage: str
    version: str
    processed: int      # articles (re)processed in this run
    up_to_date: int     # articles skipped because their output is current
    rows: dict[str, int]  # rows written per table
    note: str = ""      # what a corpus stage did, in a line


class Engine(ABC):
    """Where articles come from and where stage output goes."""

    @abstractmethod
    def pending(self, stage: Stage, digest: str, force: bool = False) -> tuple[list[str], int]:
        """doc_ids the stage must (re)process, sorted, and how many are up to date (with force:
        every doc_id, and none up to date). Articles that a stage named in `stage.after` has not
        processed yet are neither."""

    @abstractmethod
    def articles(self, doc_ids: Sequence[str], columns: Sequence[str],
                 uses: Sequence[str] = ()) -> list[dict[str, Any]]:
        """The documents' columns, in the order of doc_ids; each table in `uses` adds
        article[table], the list of that table's rows for the article."""

    @abstractmethod
    def replace(self, stage: Stage, digest: str, doc_ids: Sequence[str],
                rows: dict[str, list[dict[str, Any]]], failed: dict[str, str] | None = None) -> None:
        """Atomically drop the stage's old rows for doc_ids, write the new ones, record the run;
        articles in `failed` (doc_id -> error) get an error row instead and stay unprocessed, and
        the error rows of the others go."""


    def run_article_stage(self, stage: Stage, digest: str, doc_ids: Sequence[str], settings: Any,
                          batch_size: int, on_batch: Callable[[str, int, int], None] | None = None
                          ) -> tuple[dict[str, int], int]:
        """Run a per-article stage over doc_ids and write its rows: rows written per table, and how
        many articles failed. By default in this process, a batch at a time (`run_batches`); an
        engine with workers runs the batches there."""
        return run_batches(self, stage, digest, doc_ids, settings, batch_size, on_batch)

    # -- corpus stages ----------------------------------------------------------------------------
    @abstractmethod
    def corpus(self) -> tuple[str, int]:
        """A digest of the set of doc_ids stored, and how many there are."""

    @abstractmethod
    def corpus_state(self, stage: CorpusStage) -> tuple[str, str, str] | None:
        """(version, settings digest, corpus digest) of the stage's last run, if any."""

    @abstractmethod
    def inputs(self, stage: CorpusStage) -> str:
        """A fingerprint of what a corpus stage reads besides the set of articles: the runs of the
        stages before it (any article they processed since changes it) and the documents' columns
        it reads. With the corpus digest it decides whether the stage's last run is current."""

    @abstractmethod
    def all_articles(self, columns: Sequence[str]) -> list[dict[str, Any]]:
        """Every article's columns, sorted by doc_id."""

    @abstractmethod
    def rows(self, table: str, columns: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Every stored row of a table (only `columns` of it, when given)."""

    def fill_ahead(self, stage: CorpusStage, settings: Any, batch_size: int,
                   progress: Callable[[str, int, int], None] | None = None) -> int:
        """Do a corpus stage's per-article cached work (`stage.ahead`, see stages.base.AheadStep)
        before it runs, and say how many cache rows were made. Optional: run_corpus does whatever
        is missing, so an engine that does nothing here gets the same results."""
        return 0

    @abstractmethod
    def replace_tables(self, stage: CorpusStage, digest: str, corpus: tuple[str, int],
                       rows: dict[str, list[dict[str, Any]]]) -> None:
        """Atomically replace the stage's tables with rows, bring its `caches` tables to the rows
        returned for them (by key: new rows inserted, rows not returned deleted), and record the run."""


def stage_digest(stage: Stage | CorpusStage, settings: Settings) -> str:
    """The settings digest a stage records: its own section's, and the versions and digests of
    the stages it reads from, so a change upstream makes it run again."""
    digest = settings.digest(stage.settings_section)
    # Files a stage reads besides the store (the alias file): their contents, not their path
    inputs = getattr(stage, "inputs_digest", None)
    if inputs is not None:
        digest = hashlib.sha256(f"{digest}|{inputs(settings.section(stage.settings_section))}".encode()).hexdigest()[:16]
    if not stage.after:
        return digest
    from ..stages import STAGES  # the registry imports the stages, which import this module's users

    parts = [digest] + [f"{name}:{STAGES[name].version}:{stage_digest(STAGES[name], settings)}"
                        for name in stage.after]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def corpus_key(engine: Engine, stage: CorpusStage) -> tuple[str, int]:
    """What a corpus stage's run is recorded against, and the number of articles: the set of
    articles and what the stage reads of them and of the stages before it. So after `analyze
    --only` ran the stage early, or an article's metadata changed, the next run is not skipped."""
    articles, n_articles = engine.corpus()
    return hashlib.sha256(f"{articles}|{engine.inputs(stage)}".encode()).hexdigest()[:16], n_articles


def run_corpus_stage(engine: Engine, stage: CorpusStage, settings: Settings, force: bool = False,
                     on_batch: Callable[[str, int, int], None] | None = None, batch_size: int = 200) -> StageResult:
    """Run a corpus stage unless its last run saw the same articles, version and settings."""
    digest = stage_digest(stage, settings)
    corpus = corpus_key(engine, stage)
    state = engine.corpus_state(stage)
    if not force and state == (stage.version, digest, corpus[0]):
        return StageResult(stage.name, stage.version, 0, corpus[1], {t: 0 for t in stage.writes})
    progress = (lambda step, done, total: on_batch(f"{stage.name}: {step}", done, total)) if on_batch else None
    ahead = 0
    if stage.ahead is not None:  # its per-article part first, a batch at a time (on Spark, on executors)
        ahead = engine.fill_ahead(stage, settings.section(stage.settings_section), batch_size, progress)
    same_method = not force and state is not None and state[:2] == (stage.version, digest)
    previous = {t: engine.rows(t) for t in stage.keeps} if same_method else {}
    for table in stage.uses:  # inputs from upstream stages, always current
        previous[table] = engine.rows(table, stage.use_columns.get(table))
    for table in stage.caches:  # valid whatever the settings
        previous[table] = engine.rows(table)
    output = stage.run_corpus(engine.all_articles(stage.reads), previous,
                              settings.section(stage.settings_section), progress)
    unknown = set(output.tables) - set(stage.writes) - set(stage.caches)
    if unknown:
        raise RuntimeError(f"stage {stage.name} returned undeclared tables {sorted(unknown)}")
    for table, rows in output.tables.items():
        conform(TABLES[table], rows, stage.name)
    del previous  # the inputs can go before the output is written (memory at 10,000 articles)
    engine.replace_tables(stage, digest, corpus, output.tables)
    note = output.note
    if stage.ahead is not None:
        note = f"{note}; {ahead} {stage.ahead.table} rows made ahead, article by article" if note else \
            f"{ahead} {stage.ahead.table} rows made ahead, article by article"
    return StageResult(stage.name, stage.version, corpus[1], 0,
                       {t: len(output.tables.get(t, [])) for t in stage.writes}, note)


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def run_stages(engine: Engine, stages: Sequence[Stage | CorpusStage], settings: Settings, force: bool = False,
               batch_size: int = 200, on_batch: Callable[[str, int, int], None] | None = None) -> list[StageResult]:
    """Run each stage over the articles whose output is missing or out of date."""
    results = []
    for stage in stages:
        if isinstance(stage, CorpusStage):
            results.append(run_corpus_stage(engine, stage, settings, force, on_batch, batch_size))
            continue
        digest = stage_digest(stage, settings)
        doc_ids, current = engine.pending(stage, digest, force)
        counts, failed_total = engine.run_article_stage(stage, digest, doc_ids, settings.section(stage.settings_section),
                                                        batch_size, on_batch)
        note = f"{failed_total} article(s) failed: see `corroborate status`" if failed_total else ""
        results.append(StageResult(stage.name, stage.version, len(doc_ids) - failed_total, current, counts, note))
    return results


def run_batches(engine: Engine, stage: Stage, digest: str, doc_ids: Sequence[str], settings: Any,
                batch_size: int, on_batch: Callable[[str, int, int], None] | None = None
                ) -> tuple[dict[str, int], int]:
    """A per-article stage over doc_ids in this process, a batch at a time, each batch's rows
    checked (`stage_rows`) and written before the next is read: rows written per table, and how
    many articles failed."""
    counts = {t: 0 for t in stage.writes}
    done = failed_total = 0
    for batch in _chunks(doc_ids, batch_size):
        articles = engine.articles(batch, stage.reads, stage.uses)
        out, failed = stage_rows(stage, articles, settings)
        engine.replace(stage, digest, batch, out, failed)
        failed_total += len(failed)
        for table, rows in out.items():
            counts[table] += len(rows)
        done += len(batch)
        if on_batch:
            on_batch(stage.name, done, len(doc_ids))
    return counts, failed_total


def stage_rows(stage: Stage, articles: list[dict[str, Any]], settings: Any
               ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str]]:
    """A per-article stage's checked output for a batch (`_run_isolated`, then every row against
    its table: `schema.conform`), and the articles it failed on. Any engine runs batches with this,
    in its own process or a worker's."""
    out, failed = _run_isolated(stage, articles, settings)
    unknown = set(out) - set(stage.writes)
    if unknown:
        raise RuntimeError(f"stage {stage.name} returned undeclared tables {sorted(unknown)}")
    for table, rows in out.items():
        conform(TABLES[table], rows, stage.name)
    return out, failed


def _run_isolated(stage: Stage, articles: list[dict[str, Any]], settings: Any
                  ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str]]:
    """The stage's output for a batch, and the articles it failed on (doc_id -> error). A batch
    that fails is run again an article at a time, so that one bad article costs only itself: the
    others are processed, it gets an error row, and the run goes on. An interrupt is no failure."""
    try:
        return stage.run(articles, settings), {}
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - any article's failure, whatever it is, is recorded below
        pass
    out: dict[str, list[dict[str, Any]]] = {}
    failed: dict[str, str] = {}
    for article in articles:
        try:
            one = stage.run([article], settings)
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:  # noqa: BLE001
            failed[article["doc_id"]] = f"{type(exc).__name__}: {exc}"[:1000]
            continue
        for table, rows in one.items():
            out.setdefault(table, []).extend(rows)
    return out, failed
