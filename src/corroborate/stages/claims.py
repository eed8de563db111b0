"""The claims stage: statements and own-voice assertions of every article grouped into claims
(`corroborate.claims.group`), their independent sources counted net of copying, stripped
attribution flagged, and conflicts listed (`corroborate.claims.conflicts`).

A corpus stage: a new article can join or split any claim, so each run rebuilds the tables from
the statements, assertions, copied passages, speakers, figures and incidents already stored. The
costly step, embedding sentences, is done once per distinct sentence and kept in the store
(`sentence_vectors`, see claims.vectors), so a rerun embeds only sentences it has not seen."""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, Callable

from ..claims.conflicts import figure_conflicts, polarity_conflicts
from ..claims.group import Unit, group, sentences
from ..claims.sources import org_from_role, same_source, source_key
from ..claims.vectors import sentence_vectors, stored
from ..settings import ClaimSettings
from .base import CorpusOutput, CorpusStage


def _units(articles, previous, min_words: int) -> list[Unit]:
    docs = {a["doc_id"]: a for a in articles}
    passages = defaultdict(list)
    for r in previous.get("reuse", []):
        passages[r["doc_id"]].append(r)
    entity_of = {r["statement_id"]: r["entity_id"] for r in previous.get("speaker_entities", [])}
    entities = {r["entity_id"]: r for r in previous.get("entities", [])}

    def clusters(doc_id, start, end):
        return frozenset(p["cluster_id"] for p in passages[doc_id] if p["start"] < end and p["end"] > start)

    # The organisation a person speaks for, from any of their statements: one article gives
    # "Head of the press service of the Ministry of Emergency Situations", another only "the
    # ministry's spokesperson".
    org_of: dict[str, str] = {}
    for r in previous.get("statements", []):
        who = entity_of.get(r["statement_id"]) or r["speaker"]
        org = r["speaker_org"] or org_from_role(r["speaker_role"])
        if who and org and len(org) > len(org_of.get(who, "")):
            org_of[who] = org
    units = []
    for r in sorted(previous.get("statements", []), key=lambda r: (r["doc_id"], r["start"], r["end"])):
        d = docs.get(r["doc_id"])
        if d is None:
            continue
        entity = entities.get(entity_of.get(r["statement_id"]))
        name = entity["name"] if entity else r["speaker"]
        org = org_of.get(entity_of.get(r["statement_id"]) or r["speaker"]) or (entity or {}).get("org")
        key = source_key(name, r["speaker_type"], r["speaker_role"], r["speaker_org"] or org)
        units.append(Unit(r["doc_id"], r["start"], r["end"], r["text"], d.get("outlet"), d.get("published"),
                          r["speaker"], key, clusters(r["doc_id"], r["start"], r["end"])))
    # A source that publishes itself (a ministry's press release): its own voice is the source
    # speaking, so copies of it elsewhere are the source's words, attributed or not.
    # Only a source other outlets quote by a name of two words or more counts: an outlet naming
    # itself ("the Courier asked") or a country speaking ("Ostrenia said") does not make the
    # Courier or "Ostrenia Today" a source.
    quoted = {(u.source_key, u.outlet) for u in units
              if u.source_key and u.source_key.startswith("org:") and len(u.source_key.split()) >= 2}
    # decided once per outlet (there are far fewer outlets than articles)
    by_outlet: dict[str, str | None] = {}
    for outlet in sorted({d.get("outlet") for d in docs.values() if d.get("outlet")}):
        key = source_key(outlet, "organisation")
        by_outlet[outlet] = key if key and any(same_source(key, q) and o != outlet for q, o in quoted) else None
    publisher = {doc_id: by_outlet.get(d.get("outlet")) for doc_id, d in docs.items()}
    for r in sorted(previous.get("assertions", []), key=lambda r: (r["doc_id"], r["start"], r["end"])):
        d = docs.get(r["doc_id"])
        if d is None or len(r["text"].split()) < min_words:
            continue
        key = publisher.get(r["doc_id"])
        units.append(Unit(r["doc_id"], r["start"], r["end"], r["text"], d.get("outlet"), d.get("published"),
                          d.get("outlet") if key else None, key, clusters(r["doc_id"], r["start"], r["end"])))
    pieces = [p for u in units for p in sentences(u, min_words)]
    figures = defaultdict(list)
    for f in previous.get("figures", []):
        if f["value"] is not None and f["category"] in ("killed", "injured", "missing", "casualties", "detained",
                                                         "displaced", "evacuated"):
            figures[f["doc_id"]].append(f)
    for p in pieces:
        p.figures = frozenset((f["category"], float(f["value"])) for f in figures[p.doc_id]
                              if p.start <= f["start"] < p.end)
    return pieces


class Claims(CorpusStage):
    name = "claims"
    version = "2"  # 2: vectors rounded to float16 as stored, one per distinct sentence
    settings_section = "claims"
    reads = ("doc_id", "outlet", "published")
    writes = ("claims", "conflicts")
    caches = ("sentence_vectors",)
    after = ("statements", "entities", "reuse", "facts", "incidents")
    uses = ("statements", "assertions", "reuse", "speaker_entities", "entities", "figures", "incidents")

    def run_corpus(self, articles: list[dict[str, Any]], previous: dict[str, list[dict[str, Any]]],
                   settings: ClaimSettings,
                   progress: Callable[[str, int, int], None] | None = None) -> CorpusOutput:
        units = _units(articles, previous, settings.min_words)
        figures = figure_conflicts(previous.get("incidents", []), previous.get("figures", []))
        # The input tables are done with: let them go before the costly part (at 10,000 articles
        # they hold about a gigabyte as Python dicts).
        for table in self.uses:
            previous.pop(table, None)
        if progress:
            progress("embedding sentences", 0, len(units))
        # each distinct sentence once, and only those the last runs did not embed (claims.vectors)
        vectors = sentence_vectors([u.text for u in units], stored(previous.pop("sentence_vectors", [])), _embed)
        if progress:
            progress("embedding sentences", len(units), len(units))
            progress("grouping", 0, len(units))
        found = group(units, (lambda texts: vectors.rows()) if units else None, settings.similarity,
                      settings.copy_ratio, settings.related)
        rows = [{
            "claim_id": c.claim_id, "text": c.text, "n_articles": c.articles, "n_outlets": c.outlets,
            "n_independent": c.independent, "sources": c.sources, "first_seen": c.first_seen, "why": c.why,
            "stripped_in": json.dumps(c.stripped_in, ensure_ascii=False, default=str),
            "members": json.dumps([{"doc_id": m.doc_id, "start": m.start, "end": m.end, "text": m.text,
                                    "attributed_to": m.speaker, "source": m.source_key} for m in c.members],
                                  ensure_ascii=False),
        } for c in found]
        conflicts = figures + polarity_conflicts(found)
        shared = sum(1 for c in found if c.articles > 1)
        return CorpusOutput({"claims": rows, "conflicts": conflicts, "sentence_vectors": vectors.store_rows()},
                            f"{len(found)} claims from {len(units)} sentences ({shared} in more than one "
                            f"article), {len(conflicts)} conflicts; {vectors.embedded} of "
                            f"{len(vectors.keys)} distinct sentences embedded, the others kept from earlier runs")


def _embed(texts: list[str]):
    from ..claims.embed import embedder  # onnxruntime loads only when there is something to embed

    return embedder().embed(texts)
