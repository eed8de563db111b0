"""What a stage is.

A stage is a pure algorithm over a batch of articles: it gets plain dicts (the `documents` columns
it declares in `reads`) and its settings section, and returns rows for the tables it declares in
`writes`. It never touches DuckDB or Spark; an engine (`corroborate.engines`) feeds it batches,
replaces its earlier rows for those articles and records the stage's version and settings digest,
so a rerun processes only new or changed articles, or every article after the stage's version or
settings change.

Every row a stage returns has exactly its table's columns (`schema.TABLES`), None where it has no
value; the runner checks that before any engine writes (`schema.conform`: a misspelt or missing
column is an error naming the stage and column, dates given as text are made dates once).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Callable, ClassVar


class Stage(ABC):
    name: ClassVar[str]
    version: ClassVar[str]           # bump when the output for the same input changes
    settings_section: ClassVar[str]  # the section of Settings passed to run()
    reads: ClassVar[tuple[str, ...]] = ("doc_id", "text")  # columns of documents it needs
    writes: ClassVar[tuple[str, ...]]  # tables it fills; each row carries doc_id
    # Stages whose output it reads: an article waits until they have processed it, and their
    # versions and settings are part of this stage's digest, so it reruns when they change.
    after: ClassVar[tuple[str, ...]] = ()
    # Tables (written by those stages) whose rows for each article are passed in as
    # article[table], a list of row dicts.
    uses: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def run(self, articles: list[dict[str, Any]], settings: Any) -> dict[str, list[dict[str, Any]]]:
        """Rows for each table in `writes`, for exactly these articles."""


class AheadStep(ABC):
    """Work of a corpus stage that needs one article alone and is kept in one of the stage's `caches`
    tables, keyed by content (the vector of a sentence, keyed by the sentence). An engine does it
    before `run_corpus`, a batch of articles at a time, each entry once however many articles want
    it and only when the table does not hold it yet (the Spark engine on its executors, joined
    against the stored keys in Spark); the corpus step then finds it done. `run_corpus` still does
    whatever is missing, so doing the work ahead, or not, never changes a result.

    It is two pure functions, like a stage: `wanted` gives, for a batch of articles, the entries
    they need (the cache table's key columns and a `payload` to make the entry from), and `make`
    gives the cache rows for a batch of such entries."""
    table: ClassVar[str]                    # the cache table (one of the stage's `caches`)
    reads: ClassVar[tuple[str, ...]] = ("doc_id",)
    uses: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def wanted(self, articles: list[dict[str, Any]], settings: Any) -> list[dict[str, Any]]:
        """The entries these articles need: the table's key columns and "payload"; each key once."""

    @abstractmethod
    def make(self, wanted: list[dict[str, Any]], settings: Any, threads: int = 0) -> list[dict[str, Any]]:
        """Rows of the cache table for these entries (distinct keys); `threads`: the cores it may
        use (0: as many as the machine has)."""


class CorpusStage(ABC):
    """A stage whose output for one article depends on the others (copied passages, claims).

    It sees every article at once and returns the full contents of the tables it writes; the
    engine replaces them in one transaction. To stay cheap on reruns it gets back the rows of its
    `keeps` tables from its previous run (only when that run had the same version and settings),
    and may reuse whatever in them is still valid. The engine skips it when the set of articles,
    the version and the settings are all unchanged."""
    name: ClassVar[str]
    version: ClassVar[str]
    settings_section: ClassVar[str]
    reads: ClassVar[tuple[str, ...]] = ("doc_id", "text")
    writes: ClassVar[tuple[str, ...]]
    keeps: ClassVar[tuple[str, ...]] = ()
    # Tables of work that stays valid whatever the settings (rows keyed by their content, such as
    # the vector of a sentence): always passed back in `previous`, and written by key, in the
    # same transaction as `writes`: rows returned are kept (new ones inserted), rows not returned
    # are dropped. Not listed in `writes`.
    caches: ClassVar[tuple[str, ...]] = ()
    after: ClassVar[tuple[str, ...]] = ()  # as for Stage: upstream versions and settings enter the digest
    uses: ClassVar[tuple[str, ...]] = ()   # whole tables passed in as previous-style input
    # Of a table in `uses`, only these columns (a wide table read by a corpus stage at 10,000 articles
    # is gigabytes of Python dicts); a table not named here comes whole.
    use_columns: ClassVar[dict[str, tuple[str, ...]]] = {}
    # Its per-article cached work, which an engine does before run_corpus (see AheadStep)
    ahead: ClassVar[AheadStep | None] = None

    @abstractmethod
    def run_corpus(self, articles: list[dict[str, Any]], previous: dict[str, list[dict[str, Any]]],
                   settings: Any, progress: Callable[[str, int, int], None] | None = None) -> "CorpusOutput":
        """Full rows for each table in `writes`, and a line saying what the run did."""


@dataclass
class CorpusOutput:
    tables: dict[str, list[dict[str, Any]]]
    note: str = ""
