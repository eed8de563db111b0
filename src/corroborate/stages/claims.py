"""The claims stage: statements and own-voice assertions of every article grouped into claims
(`corroborate.claims.group`), their independent sources counted net of copying, stripped
attribution flagged, and conflicts listed (`corroborate.claims.conflicts`).

A corpus stage: a new article can join or split any claim, so each run rebuilds the tables from
the statements, assertions, copied passages, speakers, figures and incidents already stored. The
costly step, embedding sentences, is done once per distinct sentence and kept in the store
(`sentence_vectors`, see claims.vectors), so a rerun embeds only sentences it has not seen."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any, Callable

from ..claims.conflicts import denial_conflicts, figure_conflicts, polarity_conflicts
from ..claims.group import Unit, group
from ..attribution.sources import abbreviates, org_words
from ..claims.vectors import MODEL, MULTILINGUAL, normalise, sentence_vectors, stored, text_key
from ..settings import ClaimSettings
from .base import AheadStep, CorpusOutput, CorpusStage


CLAIM_FIGURES = frozenset(("killed", "injured", "missing", "casualties", "detained", "displaced", "evacuated"))
AREAS = frozenset(("km2", "square miles", "square metres", "square feet", "hectares", "acres"))


def _units(articles, previous, min_words: int) -> list[Unit]:
    docs = {a["doc_id"]: a for a in articles}
    passages = defaultdict(list)
    for r in previous.get("reuse", []):
        passages[r["doc_id"]].append(r)
    entity_of = {r["statement_id"]: r["entity_id"] for r in previous.get("speaker_entities", [])}
    entities = {r["entity_id"]: r for r in previous.get("entities", [])}

    def clusters(doc_id, start, end):
        return frozenset(p["cluster_id"] for p in passages[doc_id] if p["start"] < end and p["end"] > start)

    # Each statement counts as the source its speaker's entity counts as (the entities stage:
    # a spokesperson as the organisation, "Moscow" as Russia's government, "he" as no one); its
    # speaker is shown by the entity's display name.
    statements = sorted(previous.get("statements", []), key=lambda r: (r["doc_id"], r["start"], r["end"]))
    by_doc = defaultdict(list)
    for r in statements:
        by_doc[r["doc_id"]].append(r)

    def entity(r) -> dict:
        return entities.get(entity_of.get(r["statement_id"])) or {}

    def relayed(r) -> dict | None:
        """What a news outlet quoted as the speaker relays: the other source the sentence
        credits ("..., according to Erik Tollefsen of the ICRC, ..., according to Reuters")."""
        best, best_ov = None, 0
        lo, hi = r.get("sentence_start") or r["start"], r.get("sentence_end") or r["end"]
        for o in by_doc[r["doc_id"]]:
            e = entity(o)
            if o is r or not e.get("source_id") or e.get("source_type") == "media":
                continue
            ov = min(hi, o["end"]) - max(lo, o["start"])
            if ov > best_ov:
                best, best_ov = e, ov
        return best

    # The units are the clauses of the propositions stage: each statement's content and each
    # own-voice piece, cut into what it asserts. A clause of a statement is that statement's
    # speaker's; an own-voice clause is the outlet's (or the publisher's, below).
    # Reported speech carried on into a sentence with no cue of its own (statements:
    # present_continuations) is the article's reading of whose words they are; the sentence itself
    # credits no one, and a claim counts it as the outlet's voice (stripped where others credit
    # the source), as the claims gold does.
    implied = _implied(statements)
    by_statement = {r["statement_id"]: r for r in statements if r["statement_id"] not in implied}
    speaker_of: dict[str, tuple[str | None, str | None, str | None]] = {}
    for r in by_statement.values():
        e = entity(r)
        speaker = e.get("name") or r["speaker"]
        if e.get("source_type") == "media":
            inner = relayed(r)
            if inner is not None:
                speaker, e = f"{inner['name']} (via {speaker})", inner
        speaker_of[r["statement_id"]] = (speaker, e.get("source_id"), e.get("source_name"))
    propositions = sorted(previous.get("propositions", []), key=lambda r: (r["doc_id"], r["start"], r["end"]))
    units = []
    for r in propositions:
        d = docs.get(r["doc_id"])
        if d is None or r.get("statement_id") not in by_statement:
            continue
        speaker, source_id, source_name = speaker_of[r["statement_id"]]
        units.append(Unit(r["doc_id"], r["start"], r["end"], r["text"], d.get("outlet"), d.get("published"),
                          speaker, source_id, clusters(r["doc_id"], r["start"], r["end"]), source_name=source_name,
                          core=r["core"], neutral=r.get("neutral"), agent=r["agent"], negated=bool(r["negated"]),
                          harm=bool(r.get("harm")), harmed=r.get("harmed") or ""))
    # A source that publishes itself (a ministry's press release): its own voice is the source
    # speaking, so copies of it elsewhere are the source's words, attributed or not.
    # Only an organisation other outlets quote by a name of two words or more counts: an outlet
    # naming itself ("the Courier asked") or a country speaking ("Ostrenia said") does not make the
    # Courier or "Ostrenia Today" a source.
    org_sources = {e["source_id"]: e["source_name"] for e in entities.values()
                   if e.get("source_type") in ("organisation", "media") and e.get("source_id")}
    words_of = {k: org_words(name) for k, name in org_sources.items()}  # once per source, not per unit
    quoted = {(u.source_key, u.outlet) for u in units if u.source_key in org_sources
              and len(words_of[u.source_key]) >= 2}
    # decided once per outlet (there are far fewer outlets than articles)
    by_outlet: dict[str, tuple[str, str] | None] = {}
    for outlet in sorted({d.get("outlet") for d in docs.values() if d.get("outlet")}):
        # the outlet's own name: "Daily Mail (Reuters wire)" is the Daily Mail, not Reuters
        mine = org_words(re.sub(r"\([^)]*\)", " ", outlet))
        # ("The Defense Post" is one word, "defense", of "Russian Defence Ministry": a part of a
        # name is no name, the outlet must name at least two of its words or all of them)
        match = sorted(q for q, o in quoted if o != outlet and mine
                       and (mine <= words_of[q] and (len(mine) >= 2 or mine == words_of[q])
                            or words_of[q] <= mine or abbreviates(outlet, org_sources[q])))
        by_outlet[outlet] = (match[0], org_sources[match[0]]) if match else None
    publisher = {doc_id: by_outlet.get(d.get("outlet")) for doc_id, d in docs.items()}
    # A sentence of another language (no clause of its own: no core) is credited to a source only
    # when its statement's speaker is an entity the English coverage names too ("Антониу Гутерриш"
    # joined to "Antonio Guterres" by the entities stage): then it is that source, and no new one.
    # Any other speaker in another language is not matched to the sources counted (`Unit.read`).
    english_entities = {entity_of.get(r["statement_id"]) for r in statements
                        if docs.get(r["doc_id"], {}).get("language") in (None, "en")} - {None}

    def matched(r, said: dict | None) -> tuple[str | None, str | None, str | None] | None:
        """The source of a statement covering half the sentence or, failing one, of the statement
        it holds (`_said`: "X, the head of ..., called the blast a war crime, and posted ...")."""
        def known(o) -> bool:
            return o["statement_id"] in speaker_of and entity_of.get(o["statement_id"]) in english_entities \
                and speaker_of[o["statement_id"]][1] is not None

        for o in by_doc[r["doc_id"]]:
            overlap = min(o["end"], r["end"]) - max(o["start"], r["start"])
            if overlap >= 0.5 * (r["end"] - r["start"]) and known(o):
                return speaker_of[o["statement_id"]]
        return speaker_of[said["statement_id"]] if said is not None and known(said) else None

    unread: set[tuple[str, int, int]] = set()
    for r in propositions:
        d = docs.get(r["doc_id"])
        if d is None or r.get("statement_id") in by_statement or len(r["text"].split()) < min_words:
            continue
        source = publisher.get(r["doc_id"])
        speaker, key, name = (d.get("outlet"), source[0], source[1]) if source else (None, None, None)
        neutral = r.get("neutral")
        if r.get("core") is None:
            said = _said(by_doc[r["doc_id"]], r)
            if said is not None:
                neutral = r["text"][said["start"] - r["start"]:said["end"] - r["start"]]
            found = matched(r, said)
            if found is not None:
                speaker, key, name = found
            elif source is None:
                unread.add((r["doc_id"], r["start"], r["end"]))
        units.append(Unit(r["doc_id"], r["start"], r["end"], r["text"], d.get("outlet"), d.get("published"),
                          speaker, key, clusters(r["doc_id"], r["start"], r["end"]), source_name=name,
                          core=r["core"], neutral=neutral, agent=r["agent"], negated=bool(r["negated"]),
                          harm=bool(r.get("harm")), harmed=r.get("harmed") or ""))
    for u in units:
        u.language = docs[u.doc_id].get("language")
        u.read = (u.doc_id, u.start, u.end) not in unread
    pieces = units
    # The figures a claim is: casualties, and areas ("600 square kilometres under water", written
    # "600 km2" or "about 600 sq km" elsewhere); not percentages nor lengths, which recur by chance.
    figures = defaultdict(list)
    for f in previous.get("figures", []):
        if f["value"] is not None and (f["category"] in CLAIM_FIGURES or f.get("unit") in AREAS):
            figures[f["doc_id"]].append(f)
    for p in pieces:
        p.figures = frozenset((f["unit"] if f.get("unit") in AREAS else f["category"], float(f["value"]))
                              for f in figures[p.doc_id] if p.start <= f["start"] < p.end)
    return pieces


def _said(statements, r) -> dict | None:
    """The statement a sentence no parser cut into clauses holds: the one of longest content (four
    words or more) inside it. Its content, without speaker and cue, is what the sentence says."""
    best, longest = None, 0
    for o in statements:
        if o["start"] >= r["start"] and o["end"] <= r["end"] and o["end"] - o["start"] > longest \
                and len(r["text"][o["start"] - r["start"]:o["end"] - r["start"]].split()) >= 4:
            best, longest = o, o["end"] - o["start"]
    return best


def _implied(statements) -> set[str]:
    """Statements carried on into a sentence with no cue of its own (see _units)."""
    return {r["statement_id"] for r in statements if r["kind"] == "indirect" and r.get("cue_end") is not None
            and r.get("sentence_start") is not None and r["cue_end"] <= r["sentence_start"]}


def _english_texts(article: dict[str, Any], min_words: int) -> list[str]:
    """What the claims stage embeds of one article with the English model: the text (sides named
    alike) of each clause that becomes a unit in _units, a statement's clause or an own-voice one
    of `min_words` or more, when the article is in English."""
    if article.get("language") not in (None, "en"):
        return []
    statements = article.get("statements", [])
    ids = {r["statement_id"] for r in statements} - _implied(statements)
    return [r.get("neutral") or r["text"] for r in article.get("propositions", [])
            if r.get("statement_id") in ids or len(r["text"].split()) >= min_words]


class SentenceVectors(AheadStep):
    """The claims stage's embeddings, article by article, ahead of grouping: each distinct English
    clause not yet in `sentence_vectors` embedded once. On Spark this is the part of the claims
    stage that runs on the executors; grouping then reads every vector from the store."""
    table = "sentence_vectors"
    reads = ("doc_id", "language")
    uses = ("statements", "propositions")

    def wanted(self, articles: list[dict[str, Any]], settings: ClaimSettings) -> list[dict[str, Any]]:
        texts: dict[str, str] = {}
        for a in articles:
            for t in _english_texts(a, settings.min_words):
                t = normalise(t)
                texts.setdefault(text_key(t), t)
        return [{"model": MODEL, "text_key": k, "payload": t} for k, t in texts.items()]

    def make(self, wanted: list[dict[str, Any]], settings: ClaimSettings, threads: int = 0) -> list[dict[str, Any]]:
        if any(w["model"] != MODEL for w in wanted):
            raise ValueError("the claims stage makes sentence vectors of its English model only")
        return sentence_vectors([w["payload"] for w in wanted], {}, lambda texts: _embed(texts, threads)).store_rows()


class Claims(CorpusStage):
    name = "claims"
    version = "25"  # 25: an own-voice restatement of a harm or a casualty figure joins only a claim that gives it; 24: nobody credited, each outlet saying it counts once (not each of its articles); 23: only a country's own name said as its officials is described ("Kremlin officials" name the Kremlin); 22: a source only described (unnamed of a country, or a government said as its officials) counts as the one named source of that country the claim credits, in its article or, where that names none, in any; 20: a sentence of another language is compared by what its statement says, anchored to its source's claims, and a number of thousands anchors as thousands; 16: an unnamed source of a country counts as the named one of that country its article credits with the claim; 15: the same area ("600 km2") joins like a casualty figure; 14: an outlet naming one word of an organisation does not publish as it ("The Defense Post" is not the Defence Ministry); 13: clauses putting a harm on one side, on one thing, count closer (harm_bonus 0.3); 12: source_bonus 0.05; 11: a claim's text begins as a sentence; 10: every own-voice member of a credited claim is stripped; 9: groups crediting one named source count closer (source_bonus); 8: an outlet named by the acronym of an organisation quoted elsewhere publishes as it; 7: a speaker in another language matched to an English one counts; 6: other languages join
    settings_section = "claims"
    reads = ("doc_id", "outlet", "published", "language")
    writes = ("claims", "conflicts")
    caches = ("sentence_vectors",)
    after = ("statements", "propositions", "entities", "reuse", "facts", "incidents")
    uses = ("statements", "propositions", "reuse", "speaker_entities", "entities", "figures", "incidents")
    # a statement's text and its speaker's details are not read here (the propositions and
    # entities carry them)
    ahead = SentenceVectors()
    use_columns = {"statements": ("statement_id", "doc_id", "start", "end", "kind", "cue_end", "speaker",
                                  "sentence_start", "sentence_end"),
                   "reuse": ("doc_id", "start", "end", "cluster_id"),
                   "propositions": ("doc_id", "start", "end", "text", "core", "neutral", "agent", "harm", "harmed",
                                    "negated", "statement_id"),
                   "speaker_entities": ("statement_id", "entity_id"),
                   "entities": ("entity_id", "name", "source_id", "source_name", "source_type"),
                   "figures": ("doc_id", "start", "end", "text", "value", "low", "high", "unit", "category",
                               "claimant")}

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
        # each distinct sentence once, and only those the last runs did not embed (claims.vectors);
        # what is embedded is the clause with every side named alike (see group.group)
        kept = previous.pop("sentence_vectors", [])
        english = [u for u in units if u.english]
        vectors = sentence_vectors([u.neutral or u.text for u in english], stored(kept), _embed)
        # the stored rows go before grouping (at 10,000 articles, 150 MB of bytes as Python objects);
        # the multilingual ones are kept by key, for the sentences of other languages
        known_across = stored(kept, MULTILINGUAL)
        del kept
        across: list = []  # the multilingual vectors, made only when there is another language

        def multilingual(texts: list[str]):
            if progress:
                progress("embedding sentences of other languages", 0, len(texts))
            across.append(sentence_vectors(texts, known_across, _embed_multilingual, MULTILINGUAL))
            return across[-1].rows()

        if progress:
            progress("embedding sentences", len(units), len(units))
            progress("grouping", 0, len(units))
        found = group(units, vectors.rows_for if english else None, settings.threshold,
                      settings.copy_ratio, settings.lexical, agent_bonus=settings.agent_bonus, attach=settings.attach,
                      across=multilingual, margin=settings.margin, source_bonus=settings.source_bonus,
                      harm_bonus=settings.harm_bonus)
        del known_across
        rows = [{
            "claim_id": c.claim_id, "text": c.text, "n_articles": c.articles, "n_outlets": c.outlets,
            "n_independent": c.independent, "sources": c.sources, "first_seen": c.first_seen, "why": c.why,
            "sourcing": json.dumps(c.sourcing, ensure_ascii=False, default=str),
            "stripped_in": json.dumps(c.stripped_in, ensure_ascii=False, default=str),
            "members": json.dumps([{"doc_id": m.doc_id, "start": m.start, "end": m.end, "text": m.text,
                                    "attributed_to": m.speaker, "source": m.source_key,
                                    "source_name": m.source_name, "language": m.language, "read": m.read}
                                   for m in c.members],
                                  ensure_ascii=False),
        } for c in found]
        conflicts = figures + polarity_conflicts(found) + denial_conflicts(found)
        shared = sum(1 for c in found if c.articles > 1)
        stored_rows = vectors.store_rows() + [r for v in across for r in v.store_rows()]
        other = (f", and {sum(v.embedded for v in across)} of {sum(len(v.keys) for v in across)} with the "
                 f"multilingual model") if across else ""
        return CorpusOutput({"claims": rows, "conflicts": conflicts, "sentence_vectors": stored_rows},
                            f"{len(found)} claims from {len(units)} sentences ({shared} in more than one "
                            f"article), {len(conflicts)} conflicts; {vectors.embedded} of "
                            f"{len(vectors.keys)} distinct sentences embedded here (the others kept from "
                            f"earlier runs or made ahead){other}")


def _embed(texts: list[str], threads: int = 0):
    from ..claims.embed import embedder  # onnxruntime loads only when there is something to embed

    return embedder(threads).embed(texts)


def _embed_multilingual(texts: list[str]):
    from ..claims.embed import multilingual_embedder

    return multilingual_embedder().embed(texts)
