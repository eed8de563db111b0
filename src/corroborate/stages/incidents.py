"""The incidents stage: incident reports of every article merged into incidents across the corpus
(`corroborate.facts.incidents.merge_incidents`), UCDP GED-style low/best/high per incident.

A corpus stage: a new article can join two reports into one incident, so each run rebuilds the
table from all reports, a pass over small rows without the parse."""
from __future__ import annotations

from typing import Any, Callable

from ..facts.incidents import merge_incidents
from ..settings import IncidentSettings
from .base import CorpusOutput, CorpusStage


class Incidents(CorpusStage):
    name = "incidents"
    version = "2"  # 2: a report in another country is another incident
    settings_section = "incidents"
    reads = ("doc_id", "outlet")
    writes = ("incidents",)
    after = ("facts",)
    uses = ("incident_reports",)

    def run_corpus(self, articles: list[dict[str, Any]], previous: dict[str, list[dict[str, Any]]],
                   settings: IncidentSettings,
                   progress: Callable[[str, int, int], None] | None = None) -> CorpusOutput:
        outlets = {a["doc_id"]: a.get("outlet") for a in articles}
        reports = previous.get("incident_reports", [])
        if progress:
            progress("merging incident reports", 0, len(reports))
        incidents = merge_incidents(reports, outlets, settings.max_days, settings.max_km, settings.lookback_days)
        if progress:
            progress("merging incident reports", len(reports), len(reports))
        multi = sum(1 for i in incidents if i["n_articles"] > 1)
        return CorpusOutput({"incidents": incidents},
                            f"{len(incidents)} incidents from {len(reports)} reports "
                            f"({multi} reported by more than one article)")
