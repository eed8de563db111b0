"""The facts stage: figures, dates, places and incident reports of every parsed article.

Reads the stored parse (stage `parse`) and the article's statements (stage `statements`, for who
claims a figure). An article in a language no parser reads gets its figures, dates and places by rules
that hold in any language (facts.anylanguage); an English one too short to parse gets no rows.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ..facts import _day, analyse_facts, anylanguage
from ..facts.places import Geoparser
from ..nlp import from_bytes
from ..settings import FactSettings
from .base import Stage
from .parse import other_language


def _file_digest(path: str) -> str:
    """The alias file's content hash as the Geoparser records it ('' without a readable file)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16] if path else ""
    except OSError:
        return ""  # the Geoparser reports the missing file


class Facts(Stage):
    name = "facts"
    version = "4"  # 4: their figures' claimants; 3: figures and dates of articles no parser reads; 2: the same said of another place goes on reporting
    settings_section = "facts"
    reads = ("doc_id", "text", "outlet", "published", "dateline", "language")
    writes = ("figures", "dates", "places", "incident_reports")
    after = ("parse", "statements")
    uses = ("parses", "statements")

    def __init__(self) -> None:
        self._geoparser: Geoparser | None = None

    def geoparser(self, settings: FactSettings) -> Geoparser:
        # The gazetteer takes seconds to load: it is cached per process (gazetteer.load_gazetteer),
        # and the Geoparser is rebuilt only when the settings or the alias file's content change.
        g = self._geoparser
        if g is None or (g.aliases, g.min_population, g.digest) != \
                (settings.place_aliases, settings.min_population, _file_digest(settings.place_aliases)):
            self._geoparser = g = Geoparser(settings.place_aliases, settings.min_population)
        return g

    def inputs_digest(self, settings: FactSettings) -> str:
        """The alias file's content hash, so editing it reruns the stage."""
        return self.geoparser(settings).digest

    def run(self, articles: list[dict[str, Any]], settings: FactSettings) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {t: [] for t in self.writes}
        geoparser = self.geoparser(settings)
        for art in articles:
            parse = next((p for p in art.get("parses", []) if p.get("parse")), None)
            if parse is None:
                if other_language(art):
                    # no parser for its language: figures, dates and places by rules of any language
                    figures = anylanguage.figures(art["doc_id"], art["text"], art.get("language"))
                    anylanguage.claim_figures(figures, art.get("statements", []), art.get("outlet"))
                    out["figures"].extend(figures)
                    out["dates"].extend(anylanguage.dates(art["doc_id"], art["text"], art.get("language"),
                                                          _day(art.get("published"))))
                    out["places"].extend(anylanguage.places(art["doc_id"], art["text"], art.get("language"),
                                                            geoparser))
                continue
            doc = from_bytes(parse["parse"])
            statements = sorted(art.get("statements", []), key=lambda s: (s["start"], s["end"]))
            rows = analyse_facts(art["doc_id"], doc, art.get("published"), art.get("outlet"), statements,
                                 geoparser, art.get("dateline"))
            for table, table_rows in rows.items():
                out[table].extend(table_rows)
        return out
