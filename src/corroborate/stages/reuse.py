"""The copied-passages stage: `corroborate.reuse` over the whole corpus, stored in the reuse tables.

Incremental by construction: the previous run's candidate pairs and their alignments come back
as `previous`, and only pairs not aligned before are aligned (see `corroborate.reuse`)."""
from __future__ import annotations

from typing import Any, Callable

from ..reuse import find_reuse
from .base import CorpusOutput, CorpusStage


class Reuse(CorpusStage):
    name = "reuse"
    version = "2"  # 2: a copy's edge grows past a substituted word when three of the four pairs beyond it agree (two edits two words apart no longer end a copy)
    settings_section = "reuse"
    reads = ("doc_id", "text", "outlet", "url", "published")
    writes = ("reuse_candidates", "reuse_pairs", "reuse", "copied_share")
    keeps = ("reuse_candidates", "reuse_pairs")

    def run_corpus(self, articles: list[dict[str, Any]], previous: dict[str, list[dict[str, Any]]],
                   settings: Any, progress: Callable[[str, int, int], None] | None = None) -> CorpusOutput:
        result = find_reuse(articles, settings, {"candidates": previous.get("reuse_candidates", []),
                                                 "pairs": previous.get("reuse_pairs", [])}, progress)
        clusters = len({p["cluster_id"] for p in result.passages})
        return CorpusOutput(
            {"reuse_candidates": result.candidates, "reuse_pairs": result.pairs,
             "reuse": result.passages, "copied_share": result.shares},
            f"{len(result.candidates)} candidate pairs ({result.aligned} aligned now, {result.reused} "
            f"kept from the last run), {len(result.pairs)} aligned passages, {clusters} clusters")
