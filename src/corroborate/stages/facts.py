"""The facts stage: figures, dates, places and incident reports of every parsed article.

Reads the stored parse (stage `parse`) and the article's statements (stage `statements`, for who
claims a figure). An article in a language no parser reads gets its figures, dates and places by rules
that hold in any language (facts.anylanguage); an English one too short to parse gets no rows.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
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


@lru_cache(maxsize=2)
def _geoparser(aliases: str, min_population: int, digest: str) -> Geoparser:
    """One Geoparser per process, made when first needed and again only when the settings or the
    alias file's content (`digest`) change; the gazetteer under it is cached too
    (gazetteer.load_gazetteer). The stage object holds none: an engine may ship it to workers."""
    return Geoparser(aliases, min_population)


class Facts(Stage):
    name = "facts"
    version = "15"  # 15: in other languages, a number that names a thing ("número 11") is no figure, a capital found by another name or a transliteration needs a million people or its country named ("Mare" is no Malé), and a word Arabic writes with its article no place ("السيول" is no Seoul); 14: in other languages, a compound's capitalised parts are read as names ("Kachowka-Damms"), and a short name in capitals or, in German, a noun beside a place makes no person of the two ("Каховской ГЭС", "im Kriegsgebiet Cherson"); 13: a kind of place in apposition ("Bilozerka, a town on ...") vouches for a name; 12: a person after "in" lends no surname ("in Novaya Kakhovka"); 11: "March last year" and "last fall" are one date expression each; 10: a capital the text makes speak stays a place ("what Kyiv said"); 9: incident reports keep their place's country; 8: a place that acts on the place named ("territories that Moscow controls", "Moscow-occupied") is not where a happening was; 7: a report goes on one place or period at a time, into the next paragraph too; 6: an area or percentage written after its number ("600 sq km", "70 per cent") has its unit; 5: vague quantities only with facts.vague_quantities; 4: their figures' claimants; 3: figures and dates of articles no parser reads; 2: the same said of another place goes on reporting
    settings_section = "facts"
    reads = ("doc_id", "text", "outlet", "published", "dateline", "language")
    writes = ("figures", "dates", "places", "incident_reports")
    after = ("parse", "statements")
    uses = ("parses", "statements")

    def geoparser(self, settings: FactSettings) -> Geoparser:
        return _geoparser(settings.place_aliases, settings.min_population, _file_digest(settings.place_aliases))

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
                                 geoparser, art.get("dateline"), settings.vague_quantities)
            for table, table_rows in rows.items():
                out[table].extend(table_rows)
        return out
