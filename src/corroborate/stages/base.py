"""What a stage is.

A stage is a pure algorithm over a batch of articles: it gets plain dicts (the `documents` columns
it declares in `reads`) and its settings section, and returns rows for the tables it declares in
`writes`. It never touches DuckDB or Spark; an engine (`corroborate.engines`) feeds it batches,
replaces its earlier rows for those articles and records the stage's version and settings digest,
so a rerun processes only new or changed articles, or every article after the stage's version or
settings change.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar


class Stage(ABC):
    name: ClassVar[str]
    version: ClassVar[str]           # bump when the output for the same input changes
    settings_section: ClassVar[str]  # the section of Settings passed to run()
    reads: ClassVar[tuple[str, ...]] = ("doc_id", "text")  # columns of documents it needs
    writes: ClassVar[tuple[str, ...]]  # tables it fills; each row carries doc_id

    @abstractmethod
    def run(self, articles: list[dict[str, Any]], settings: Any) -> dict[str, list[dict[str, Any]]]:
        """Rows for each table in `writes`, for exactly these articles."""
