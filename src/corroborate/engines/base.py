"""The engine interface and the engine-independent stage runner."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence

from ..settings import Settings
from ..stages.base import Stage


@dataclass
class StageResult:
    stage: str
    version: str
    processed: int      # articles (re)processed in this run
    up_to_date: int     # articles skipped because their output is current
    rows: dict[str, int]  # rows written per table


class Engine(ABC):
    """Where articles come from and where stage output goes."""

    @abstractmethod
    def pending(self, stage: Stage, digest: str, force: bool = False) -> tuple[list[str], int]:
        """doc_ids the stage must (re)process, sorted, and how many are up to date (with force:
        every doc_id, and none up to date)."""

    @abstractmethod
    def articles(self, doc_ids: Sequence[str], columns: Sequence[str]) -> list[dict[str, Any]]:
        """The documents' columns, in the order of doc_ids."""

    @abstractmethod
    def replace(self, stage: Stage, digest: str, doc_ids: Sequence[str],
                rows: dict[str, list[dict[str, Any]]]) -> None:
        """Atomically drop the stage's old rows for doc_ids, write the new ones, record the run."""


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def run_stages(engine: Engine, stages: Sequence[Stage], settings: Settings, force: bool = False,
               batch_size: int = 200, on_batch: Callable[[str, int, int], None] | None = None) -> list[StageResult]:
    """Run each stage over the articles whose output is missing or out of date."""
    results = []
    for stage in stages:
        digest = settings.digest(stage.settings_section)
        doc_ids, current = engine.pending(stage, digest, force)
        counts = {t: 0 for t in stage.writes}
        done = 0
        for batch in _chunks(doc_ids, batch_size):
            out = stage.run(engine.articles(batch, stage.reads), settings.section(stage.settings_section))
            unknown = set(out) - set(stage.writes)
            if unknown:
                raise RuntimeError(f"stage {stage.name} returned undeclared tables {sorted(unknown)}")
            engine.replace(stage, digest, batch, out)
            for table, rows in out.items():
                counts[table] += len(rows)
            done += len(batch)
            if on_batch:
                on_batch(stage.name, done, len(doc_ids))
        results.append(StageResult(stage.name, stage.version, len(doc_ids), current, counts))
    return results
