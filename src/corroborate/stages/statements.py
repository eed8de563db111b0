"""The statements stage: who said what in each parsed article, and what the outlet says itself.

Reads the stored parse (stage `parse`); articles that were not parsed (other languages) get no
rows here and are listed as not analysed in `parses`.
"""
from __future__ import annotations

from typing import Any

from ..attribution import analyse
from ..nlp import from_bytes
from ..settings import StatementSettings
from .base import Stage


class Statements(Stage):
    name = "statements"
    version = "4"  # 4: continued reports, names inside phrases, published tallies
    settings_section = "statements"
    reads = ("doc_id", "text", "outlet")
    writes = ("statements", "assertions")
    after = ("parse",)
    uses = ("parses",)

    def run(self, articles: list[dict[str, Any]], settings: StatementSettings) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {"statements": [], "assertions": []}
        for art in articles:
            parse = next((p for p in art.get("parses", []) if p.get("parse")), None)
            if parse is None:
                continue
            doc = from_bytes(parse["parse"])
            for table, rows in analyse(art["doc_id"], doc, settings.min_quote_words, art.get("outlet")).items():
                out[table].extend(rows)
        return out
