"""The entities stage: the speakers of every article's statements merged into people and
organisations across the corpus (`corroborate.attribution.entities`), with the user's alias file.

A corpus stage: an entity can gain a form from any new article, so each run rebuilds both tables
from all statements; that is one pass over the statement rows, without the parse."""
from __future__ import annotations

from typing import Any, Callable

from ..attribution.entities import build_entities, load_aliases
from ..settings import EntitySettings
from .base import CorpusOutput, CorpusStage


class Entities(CorpusStage):
    name = "entities"
    version = "6"  # 6: a word glossed in brackets ("Pivden (South)") gives its organisation a second key; 5: a governor or mayor given with the place they run counts as its administration; 4: "Norwegian Seismologists" (title case) are unnamed people of a country, as "Norwegian seismologists" are
    settings_section = "entities"
    reads = ("doc_id", "outlet", "language")
    writes = ("entities", "speaker_entities")
    after = ("statements",)
    uses = ("statements",)

    def inputs_digest(self, settings: EntitySettings) -> str:
        """The alias file's content hash ("" without one): what the settings digest, which sees only
        the file's path, misses."""
        aliases = load_aliases(settings.aliases)
        return aliases.digest if aliases else ""

    def run_corpus(self, articles: list[dict[str, Any]], previous: dict[str, list[dict[str, Any]]],
                   settings: EntitySettings,
                   progress: Callable[[str, int, int], None] | None = None) -> CorpusOutput:
        aliases = load_aliases(settings.aliases)
        outlets = {a["doc_id"]: a.get("outlet") for a in articles}
        statements = previous.get("statements", [])
        if progress:
            progress("merging speakers", 0, len(statements))
        foreign = {a["doc_id"] for a in articles if a.get("language") not in (None, "en")}
        entities, links = build_entities(statements, outlets, aliases, foreign)
        if progress:
            progress("merging speakers", len(statements), len(statements))
        merged = sum(1 for e in entities if len(e["forms"]) > 1)
        source = f"alias file {aliases.path} (sha256 {aliases.digest})" if aliases else "no alias file"
        return CorpusOutput({"entities": entities, "speaker_entities": links},
                            f"{len(entities)} speakers ({merged} named in more than one way) for "
                            f"{len(links)} statements; {source}")
