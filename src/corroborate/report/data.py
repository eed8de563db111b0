"""What the report and the web app show, read from the store as plain JSON-ready dicts.

One function per view, shared by both front ends: the report embeds every view's payload in the
HTML file; the web app serves each one at /api/<view>. Rows that point into an article carry `doc`,
`s`, `e` (its offsets); the report leaves out their text and the page slices it from the embedded
article text, which keeps a 10,000-article report from holding every sentence twice. The web app
asks for `with_text=True` and gets the text in each row.

Offsets in the store are Python string indices (code points). The page slices JavaScript strings,
which count UTF-16 units, so every offset handed to the page is converted (they differ only after
a character outside the Basic Multilingual Plane, an emoji say).

Nothing here decides anything new: the views only regroup what the analysis stages stored.
"""
from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from ..store import Store

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
VIEWS = ("overview", "claims", "passages", "speakers", "figures", "incidents")


def counted_key(what: str | None) -> str:
    """What a figure counts, as compared across articles: lower case, one spelling of a metric
    unit ("kilometres" = "kilometers", "metres" = "meters", "litres" = "liters")."""
    words = []
    for w in (what or "").lower().split():
        w = re.sub(r"(kilo|centi|milli|deci|hecto)?metre(s?)$", r"\1meter\2", w)
        words.append(re.sub(r"litre(s?)$", r"liter\1", w))
    return " ".join(words)


def singulars(keys: Iterable[str]) -> dict[str, str]:
    """Each key whose last word is the plural of another key's ("years" / "year", "casualties" /
    "casualty") mapped to that key. Only where both forms are counted: a rule of "-s" alone
    would make "news" a plural of "new"."""
    present = set(keys)
    out = {}
    for k in present:
        for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
            if k.endswith(cut) and k[:-len(cut)] + add in present:
                out[k] = k[:-len(cut)] + add
                break
    return out


class Offsets:
    """Code-point offsets to UTF-16 offsets, per article (identity for most texts)."""

    def __init__(self, texts: dict[str, str]):
        self._wide: dict[str, list[int]] = {}
        for doc_id, text in texts.items():
            if text.isascii():  # most texts: no need to look at each character in Python
                continue
            wide = [m.start() for m in _ASTRAL.finditer(text)]
            if wide:
                self._wide[doc_id] = wide

    def __call__(self, doc_id: str, offset: int | None) -> int | None:
        if offset is None:
            return None
        wide = self._wide.get(doc_id)
        # each character above U+FFFF before the offset is two UTF-16 units
        return offset + bisect.bisect_left(wide, offset) if wide else offset


def _day(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return str(value)[:10]


def _num(value: Any) -> float | int | None:
    if value is None:
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(f):  # a missing value that came through pandas
        return None
    return int(f) if f.is_integer() else round(f, 4)


def _rows(store: Store, sql: str, params: Iterable[Any] = ()) -> list[dict]:
    cur = store.con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


class ReportData:
    """Reads the views from one open store. `with_text`: put each row's text in the row (web app)."""

    def __init__(self, store: Store, with_text: bool = False):
        self.store = store
        self.with_text = with_text
        docs = _rows(store, """SELECT doc_id, outlet, published, title, language, n_words, url, author, source
                               FROM documents ORDER BY published NULLS LAST, outlet NULLS LAST, doc_id""")
        self.docs = {d["doc_id"]: d for d in docs}
        self._texts: dict[str, str] | None = None
        self._offsets: Offsets | None = None

    # -- shared helpers ---------------------------------------------------------------------------

    @property
    def texts(self) -> dict[str, str]:
        if self._texts is None:
            self._texts = dict(self.store.con.execute("SELECT doc_id, text FROM documents").fetchall())
        return self._texts

    @property
    def offsets(self) -> Offsets:
        if self._offsets is None:
            self._offsets = Offsets(self.texts)
        return self._offsets

    def span(self, doc_id: str, start: int, end: int, text: str | None = None) -> dict:
        """A pointer into an article for the page: doc, s, e (UTF-16), and the text when asked."""
        out = {"doc": doc_id, "s": self.offsets(doc_id, start), "e": self.offsets(doc_id, end)}
        if self.with_text:
            out["text"] = text if text is not None else self.texts.get(doc_id, "")[start:end]
        return out

    def outlet(self, doc_id: str) -> str | None:
        d = self.docs.get(doc_id)
        return d["outlet"] if d else None

    def outlet_node(self, doc_id: str) -> str:
        """The article's outlet as a node of the outlet graph: an article of unknown outlet is a
        node of its own, never one "(unknown)" node standing for all of them."""
        return self.outlet(doc_id) or f"(unknown outlet) {doc_id[:8]}"

    def published(self, doc_id: str) -> str | None:
        d = self.docs.get(doc_id)
        return _day(d["published"]) if d else None

    # -- views ------------------------------------------------------------------------------------

    def articles(self) -> list[dict]:
        share = {r["doc_id"]: r for r in _rows(self.store, "SELECT doc_id, shared_share, copied_share FROM copied_share")}
        out = []
        for d in self.docs.values():
            s = share.get(d["doc_id"], {})
            out.append({"id": d["doc_id"], "outlet": d["outlet"], "published": _day(d["published"]),
                        "title": d["title"], "language": d["language"], "words": d["n_words"],
                        "copied": _num(s.get("copied_share")), "shared": _num(s.get("shared_share"))})
        return out

    def overview(self) -> dict:
        per_day = _rows(self.store, """SELECT published, coalesce(outlet, '(unknown)') AS outlet, count(*) AS n
                                      FROM documents GROUP BY ALL ORDER BY published NULLS LAST, outlet""")
        languages = _rows(self.store, """SELECT coalesce(language, '?') AS language, count(*) AS n
                                        FROM documents GROUP BY ALL ORDER BY n DESC, language""")
        # Articles of unknown outlet are no outlet: each is an outlet of its own wherever outlets
        # are counted, so they are left out of the outlets table (and its count) and counted apart.
        outlets = _rows(self.store, """
            SELECT d.outlet, count(*) AS articles, sum(d.n_words) AS words,
                   sum(c.copied_words) AS copied_words, sum(c.shared_words) AS shared_words,
                   sum(c.n_words) AS counted_words, min(d.published) AS first, max(d.published) AS last
            FROM documents d LEFT JOIN copied_share c USING (doc_id)
            WHERE d.outlet IS NOT NULL
            GROUP BY ALL ORDER BY articles DESC, outlet""")
        unknown = self.store.con.execute("SELECT count(*) FROM documents WHERE outlet IS NULL").fetchone()[0]
        for o in outlets:
            counted = o.pop("counted_words") or 0
            o["copied_share"] = _num(o.pop("copied_words") / counted) if counted else None
            o["shared_share"] = _num(o.pop("shared_words") / counted) if counted else None
            o["first"], o["last"] = _day(o["first"]), _day(o["last"])
            o["words"] = _num(o["words"])
        days = [_day(r["published"]) for r in per_day if r["published"] is not None]
        counts = {t: self.store.con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                  for t in ("documents", "statements", "claims", "figures", "incidents", "conflicts", "entities")}
        counts["copy_clusters"] = self.store.con.execute(
            "SELECT count(DISTINCT cluster_id) FROM reuse WHERE kind = 'copy'").fetchone()[0]
        return {"per_day": [{"date": _day(r["published"]), "outlet": r["outlet"], "n": r["n"]} for r in per_day],
                "languages": languages, "outlets": outlets, "unknown_outlet_articles": unknown, "counts": counts,
                "first": min(days) if days else None, "last": max(days) if days else None}

    _CLAIM_COLUMNS = """claim_id, text, n_articles, n_outlets, n_independent, sources, first_seen, why,
                   CAST(stripped_in AS VARCHAR) AS stripped_in, CAST(members AS VARCHAR) AS members,
                   CAST(sourcing AS VARCHAR) AS sourcing"""

    def claims(self) -> list[dict]:
        rows = _rows(self.store, f"""SELECT {self._CLAIM_COLUMNS} FROM claims
                                     ORDER BY n_articles DESC, n_independent DESC, first_seen, claim_id""")
        verbatim = self._copied_spans()
        return [self._claim(r, verbatim) for r in rows]

    def claim(self, claim_id: str) -> list[dict]:
        """The claims whose id starts with claim_id, each as `claims` gives it, with its members'
        offsets in the article's own characters (`start`, `end`) and its sourcing uncapped
        (`sourcing_all`): the one reading of a claim's chain that the CLI, the report and the app
        share."""
        rows = _rows(self.store, f"SELECT {self._CLAIM_COLUMNS} FROM claims WHERE claim_id LIKE ? || '%' "
                                 "ORDER BY claim_id", [claim_id])
        verbatim = self._copied_spans() if rows else {}
        out = []
        for r in rows:
            view = self._claim(r, verbatim, offsets=True)
            view["sourcing_all"] = json.loads(r["sourcing"] or "{}")
            out.append(view)
        return out

    def _claim(self, r: dict, verbatim: dict, offsets: bool = False) -> dict:
        """One claim with its chain in publication order: each member's outlet and day, who it
        credits and the source that counts, how it came ("first", "verbatim": its text is aligned
        with an earlier member's article, "paraphrase", "same article"), and whether it is stripped
        (its own voice where others credit a source) and, if so, copied from an earlier text."""
        members = json.loads(r["members"] or "[]")
        # a member whose own article credits the source elsewhere is not shown as stripped: its
        # reader has seen the source
        stripped = {(s["doc_id"], s["start"]): s for s in json.loads(r["stripped_in"] or "[]")
                    if not s.get("credited_in_article")}
        members.sort(key=lambda m: (self.published(m["doc_id"]) or "9999", m["doc_id"], m["start"]))
        docs_before: list[str] = []
        chain = []
        for m in members:
            s = stripped.get((m["doc_id"], m["start"]))
            copied_from = [d for d in docs_before if d != m["doc_id"]
                           and _overlaps_copy(verbatim, m["doc_id"], m["start"], m["end"], d)]
            how = "first" if not docs_before else ("verbatim" if copied_from else "paraphrase")
            if docs_before and not copied_from and docs_before == [m["doc_id"]] * len(docs_before):
                how = "same article"
            chain.append({**self.span(m["doc_id"], m["start"], m["end"], m.get("text")),
                          **({"start": m["start"], "end": m["end"]} if offsets else {}),
                          "outlet": self.outlet(m["doc_id"]), "published": self.published(m["doc_id"]),
                          "attributed_to": m.get("attributed_to"), "source": m.get("source"),
                          "source_name": m.get("source_name"), "language": m.get("language"),
                          "read": m.get("read", True),
                          "how": how, "copied_from": copied_from[:3], "stripped": s is not None,
                          "copied": bool(s and s.get("copied"))})
            docs_before.append(m["doc_id"])
        return {"id": r["claim_id"], "text": r["text"], "articles": r["n_articles"],
                "outlets": r["n_outlets"], "independent": r["n_independent"],
                "sources": list(r["sources"] or []), "first_seen": _day(r["first_seen"]),
                "why": list(r["why"] or []), "stripped": len(stripped), "members": chain,
                "sourcing": self._sourcing(json.loads(r["sourcing"] or "{}"))}

    def _sourcing(self, sourcing: dict) -> dict:
        """A claim's sourcing (why its count is what it is) with outlets for the articles, capped:
        a claim a thousand articles repeat lists the first outlets and how many more."""
        def outlets(docs: list[str], cap: int = 12) -> dict:
            names = sorted({self.outlet(d) or d for d in docs})
            return {"n": len(docs), "outlets": names[:cap], "more": max(0, len(names) - cap)}
        return {
            "rule": sourcing.get("rule"),
            "sources": [{"name": x["name"], "articles": x["articles"], "named_as": x.get("named_as", [])[:8],
                         "copies": outlets(x.get("copies", []))} for x in sourcing.get("sources", [])],
            "unresolved": sorted({u["speaker"] for u in sourcing.get("unresolved", []) if u.get("speaker")})[:12],
            "n_unresolved": len(sourcing.get("unresolved", [])),
            "stripped": outlets(sourcing.get("stripped", [])),
            "not_read": outlets(sourcing.get("not_read", [])),
            "copied_origins": [outlets(o["docs"]) for o in sourcing.get("origins", []) if len(o["docs"]) > 1][:12],
        }

    def _copied_spans(self) -> dict[tuple[str, str], list[tuple[int, int]]]:
        """(doc, other doc) -> spans of doc that are aligned with a passage of other doc."""
        spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for a, a0, a1, b, b0, b1 in self.store.con.execute(
                'SELECT doc_a, a_start, a_end, doc_b, b_start, b_end FROM reuse_pairs').fetchall():
            spans[(a, b)].append((a0, a1))
            spans[(b, a)].append((b0, b1))
        return spans

    def passages(self) -> dict:
        """Clusters of copied passages, the pairs aligned inside each, and the outlet graph."""
        members = _rows(self.store, """SELECT cluster_id, doc_id, start, "end", n_words, is_origin, origin_tie,
                                              kind, cluster_articles, cluster_outlets
                                       FROM reuse ORDER BY cluster_id, published NULLS LAST, doc_id, start""")
        clusters: dict[str, dict] = {}
        by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for m in members:
            c = clusters.setdefault(m["cluster_id"], {
                "id": m["cluster_id"], "kind": m["kind"], "articles": m["cluster_articles"],
                "outlets": m["cluster_outlets"], "words": 0, "first": None, "members": [], "pairs": []})
            c["members"].append({**self.span(m["doc_id"], m["start"], m["end"]), "outlet": self.outlet(m["doc_id"]),
                                 "published": self.published(m["doc_id"]), "words": m["n_words"],
                                 "origin": bool(m["is_origin"]), "tie": bool(m["origin_tie"])})
            c["words"] = max(c["words"], m["n_words"] or 0)
            by_doc[m["doc_id"]].append((m["start"], m["end"], m["cluster_id"]))
        for c in clusters.values():
            days = [x["published"] for x in c["members"] if x["published"]]
            c["first"] = min(days) if days else None
        for p in _rows(self.store, """SELECT doc_a, a_start, a_end, doc_b, b_start, b_end, similarity, same_series
                                      FROM reuse_pairs ORDER BY doc_a, a_start, doc_b, b_start"""):
            cid = _cluster_of(by_doc, p["doc_a"], p["a_start"], p["a_end"])
            if cid is None or cid not in clusters:
                continue
            a = {**self.span(p["doc_a"], p["a_start"], p["a_end"]), "outlet": self.outlet(p["doc_a"]),
                 "published": self.published(p["doc_a"])}
            b = {**self.span(p["doc_b"], p["b_start"], p["b_end"]), "outlet": self.outlet(p["doc_b"]),
                 "published": self.published(p["doc_b"])}
            # earlier article on the left, so the reader sees the copy's changes against its origin
            if (b["published"] or "9999", b["doc"]) < (a["published"] or "9999", a["doc"]):
                a, b = b, a
            clusters[cid]["pairs"].append({"a": a, "b": b, "similarity": _num(p["similarity"])})
        ordered = sorted(clusters.values(), key=lambda c: (c["kind"] != "copy", -(c["articles"] or 0),
                                                           -c["words"], c["id"]))
        return {"clusters": ordered, "graph": self._copy_graph()}

    def _copy_graph(self) -> dict:
        """Outlet -> outlet edges: article pairs sharing a passage, directed from the earlier outlet
        when the dates differ, undirected ('same day') when they do not."""
        edges: dict[tuple[str, str, bool], dict] = {}
        for a, b, words in self.store.con.execute(
                """SELECT doc_a, doc_b, sum(least(a_words, b_words)) FROM reuse_pairs
                   WHERE NOT same_series GROUP BY ALL ORDER BY doc_a, doc_b""").fetchall():
            oa, ob = self.outlet_node(a), self.outlet_node(b)
            if oa == ob:
                continue
            pa, pb = self.published(a), self.published(b)
            directed = bool(pa and pb and pa != pb)
            if directed and pb < pa:
                oa, ob = ob, oa
            if not directed and ob < oa:
                oa, ob = ob, oa
            e = edges.setdefault((oa, ob, directed), {"from": oa, "to": ob, "directed": directed,
                                                      "articles": 0, "words": 0})
            e["articles"] += 1
            e["words"] += int(words or 0)
        nodes = Counter(self.outlet_node(d) for d in self.docs)
        linked = {e["from"] for e in edges.values()} | {e["to"] for e in edges.values()}
        return {"nodes": [{"outlet": o, "articles": n} for o, n in sorted(nodes.items()) if o in linked],
                "edges": sorted(edges.values(), key=lambda e: (e["from"], e["to"], e["directed"]))}

    def speakers(self) -> list[dict]:
        entities = _rows(self.store, """SELECT entity_id, name, type, role, org, forms, n_statements, n_articles,
                                              source_name, source_type, counts_as
                                       FROM entities ORDER BY n_statements DESC, n_articles DESC, name, entity_id""")
        quotes: dict[str, list[dict]] = defaultdict(list)
        for q in _rows(self.store, """SELECT se.entity_id, s.doc_id, s.start, s."end", s.kind, s.cue, s.text
                                     FROM statements s JOIN speaker_entities se USING (statement_id)
                                     JOIN documents d ON d.doc_id = s.doc_id
                                     ORDER BY d.published NULLS LAST, s.doc_id, s.start"""):
            quotes[q["entity_id"]].append({**self.span(q["doc_id"], q["start"], q["end"], q["text"]),
                                           "kind": q["kind"], "cue": q["cue"], "outlet": self.outlet(q["doc_id"]),
                                           "published": self.published(q["doc_id"])})
        out = []
        for e in entities:
            qs = quotes.get(e["entity_id"], [])
            by_outlet = Counter(q["outlet"] or "(unknown)" for q in qs)
            out.append({"id": e["entity_id"], "name": e["name"], "type": e["type"], "role": e["role"],
                        "org": e["org"], "forms": list(e["forms"] or []), "statements": e["n_statements"],
                        "counts_as": e["source_name"] or "unresolved", "counts_why": e["counts_as"],
                        "articles": e["n_articles"],
                        "outlets": [{"outlet": o, "n": n} for o, n in sorted(by_outlet.items(), key=lambda x: (-x[1], x[0]))],
                        "kinds": dict(sorted(Counter(q["kind"] for q in qs).items())), "quotes": qs})
        return out

    def figures(self) -> dict:
        rows = _rows(self.store, """SELECT f.figure_id, f.doc_id, f.start, f."end", f.text, f.number, f.value, f.low,
                                          f.high, f.qualifier, f.unit, f.what, f.category, f.scope, f.claimant,
                                          f.claimant_type, d.published
                                   FROM figures f JOIN documents d USING (doc_id)
                                   ORDER BY f.category, lower(coalesce(f.what, '~')), f.value NULLS LAST,
                                            d.published NULLS LAST, f.doc_id, f.start""")
        groups: dict[tuple[str, str, str], dict] = {}
        singular = singulars({counted_key(f["what"]) for f in rows})
        for f in rows:
            what = counted_key(f["what"])
            key = (f["category"] or "other", singular.get(what, what), f["unit"] or "")
            g = groups.setdefault(key, {"category": key[0], "what": f["what"] or "", "unit": f["unit"],
                                        "figures": [], "forms": Counter()})
            g["forms"][f["what"] or ""] += 1
            g["figures"].append({**self.span(f["doc_id"], f["start"], f["end"], f["text"]), "id": f["figure_id"],
                                 "value": _num(f["value"]), "low": _num(f["low"]), "high": _num(f["high"]),
                                 "qualifier": f["qualifier"], "scope": f["scope"], "claimant": f["claimant"],
                                 "claimant_type": f["claimant_type"], "outlet": self.outlet(f["doc_id"]),
                                 "published": self.published(f["doc_id"])})
        out = []
        for g in groups.values():
            forms = g.pop("forms")
            g["what"] = min(forms, key=lambda w: (-forms[w], w))  # the form most figures use
            values = {(x["value"], x["low"], x["high"]) for x in g["figures"]}
            claimants = {x["claimant"] for x in g["figures"]}
            g["n"] = len(g["figures"])
            g["claimants"] = len(claimants)
            # different figures from different claimants for the same counted thing: worth a look,
            # not a verdict (the conflicts table is the stage's own, incident-level judgement).
            # Numbers that count nothing said are no one thing: they never differ.
            g["differ"] = bool(g["what"].strip()) and len(values) > 1 and len(claimants) > 1
            out.append(g)
        out.sort(key=lambda g: (not g["differ"], -g["n"], g["category"], g["what"].lower()))
        conflicts = []
        for c in _rows(self.store, """SELECT conflict_id, kind, about, incident_id, claim_id, CAST(sides AS VARCHAR) AS sides
                                     FROM conflicts ORDER BY kind, about, conflict_id"""):
            sides = []
            for s in json.loads(c["sides"] or "[]"):
                side = {k: v for k, v in s.items() if k not in ("doc_id", "start", "end", "text")}
                side.update(self.span(s["doc_id"], s["start"], s["end"], s.get("text")))
                side["outlet"] = self.outlet(s["doc_id"])
                side["published"] = self.published(s["doc_id"])
                sides.append(side)
            conflicts.append({"id": c["conflict_id"], "kind": c["kind"], "about": c["about"],
                              "incident": c["incident_id"], "claim": c["claim_id"], "sides": sides})
        return {"groups": out, "conflicts": conflicts}

    def incidents(self) -> list[dict]:
        out = []
        for r in _rows(self.store, """SELECT incident_id, type, date, time, place, lat, lon, actors,
                                            killed_low, killed_best, killed_high, injured_low, injured_best,
                                            injured_high, n_articles, CAST(sources AS VARCHAR) AS sources
                                     FROM incidents ORDER BY date NULLS LAST, time NULLS LAST, type, incident_id"""):
            sources = []
            for s in json.loads(r["sources"] or "[]"):
                sources.append({**self.span(s["doc_id"], s["start"], s["end"], s.get("text")),
                                "outlet": s.get("outlet") or self.outlet(s["doc_id"]),
                                "published": self.published(s["doc_id"]), "claimant": s.get("claimant"),
                                "killed": _num(s.get("killed")), "injured": _num(s.get("injured"))})
            out.append({"id": r["incident_id"], "type": r["type"], "date": _day(r["date"]), "time": r["time"],
                        "place": r["place"], "lat": _num(r["lat"]), "lon": _num(r["lon"]),
                        "actors": list(r["actors"] or []), "articles": r["n_articles"],
                        "killed": [_num(r["killed_low"]), _num(r["killed_best"]), _num(r["killed_high"])],
                        "injured": [_num(r["injured_low"]), _num(r["injured_best"]), _num(r["injured_high"])],
                        "sources": sources})
        return out

    def marks(self, doc_ids: Iterable[str] | None = None) -> dict[str, list[list]]:
        """What to mark in each article's text: [start, end, kind, note] with kind one of quote,
        speaker, passage, figure, date, place (UTF-16 offsets)."""
        wanted = None if doc_ids is None else list(doc_ids)
        where = "" if wanted is None else " WHERE doc_id IN (SELECT unnest(?))"
        params = [] if wanted is None else [wanted]
        marks: dict[str, list[list]] = defaultdict(list)

        def add(doc_id, start, end, kind, note):
            if start is None or end is None or end <= start:
                return
            marks[doc_id].append([self.offsets(doc_id, start), self.offsets(doc_id, end), kind, note])

        for r in _rows(self.store, f"""SELECT doc_id, start, "end", kind, speaker, speaker_start, speaker_end,
                                              speaker_mention, cue FROM statements{where}""", params):
            who = r["speaker"] or "unknown speaker"
            add(r["doc_id"], r["start"], r["end"], "quote", f"{r['kind']} statement by {who} ({r['cue']})")
            add(r["doc_id"], r["speaker_start"], r["speaker_end"], "speaker", f"speaker: {who}")
        for r in _rows(self.store, f"""SELECT doc_id, start, "end", kind, cluster_articles, is_origin FROM reuse{where}""",
                       params):
            origin = "likely origin" if r["is_origin"] else "copy"
            add(r["doc_id"], r["start"], r["end"], "passage",
                f"passage shared by {r['cluster_articles']} articles ({r['kind']}; this one: {origin})")
        for r in _rows(self.store, f"""SELECT doc_id, start, "end", value, low, high, category, what, claimant
                                      FROM figures{where}""", params):
            value = _num(r["value"])
            shown = value if value is not None else f"{_num(r['low'])}–{_num(r['high'])}"
            add(r["doc_id"], r["start"], r["end"], "figure",
                f"figure: {shown} {r['what'] or ''} ({r['category']}), claimed by {r['claimant'] or 'the outlet'}")
        for r in _rows(self.store, f"""SELECT doc_id, start, "end", resolved, range_start, resolved_end, precision
                                      FROM dates{where}""", params):
            when = _day(r["resolved"]) or " to ".join(x for x in (_day(r["range_start"]), _day(r["resolved_end"])) if x)
            add(r["doc_id"], r["start"], r["end"], "date", f"date: {when or 'unresolved'} ({r['precision']})")
        for r in _rows(self.store, f"""SELECT doc_id, start, "end", name, country, feature, how FROM places{where}""",
                       params):
            add(r["doc_id"], r["start"], r["end"], "place",
                f"place: {r['name'] or 'not found'}{', ' + r['country'] if r['country'] else ''} ({r['feature']})")
        for v in marks.values():
            v.sort(key=lambda m: (m[0], -m[1], m[2]))
        return dict(marks)

    def article(self, doc_id: str) -> dict:
        d = self.docs[doc_id]
        return {"id": doc_id, "outlet": d["outlet"], "published": _day(d["published"]), "title": d["title"],
                "author": d["author"], "url": d["url"], "source": d["source"], "language": d["language"],
                "words": d["n_words"], "text": self.texts.get(doc_id, ""), "marks": self.marks([doc_id]).get(doc_id, [])}

    def view(self, name: str) -> Any:
        if name not in VIEWS:
            raise KeyError(name)
        return getattr(self, name)()

    def bundle(self) -> dict:
        """Everything the report embeds."""
        out = {"articles": self.articles(), **{v: self.view(v) for v in VIEWS}}
        out["texts"] = {doc_id: self.texts[doc_id] for doc_id in self.docs}
        out["marks"] = self.marks()
        _drop_article_fields(out, {d: (d_["outlet"], _day(d_["published"])) for d, d_ in self.docs.items()})
        return out


def _drop_article_fields(value: Any, meta: dict[str, tuple[Any, Any]]) -> None:
    """Remove each row's outlet and published where they are its article's own: the report's page
    puts them back from the article list when it loads (a third of a 10,000-article report)."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            doc = v.get("doc")
            if doc in meta and (v.get("outlet"), v.get("published")) == meta[doc]:
                v.pop("outlet", None)
                v.pop("published", None)
            stack.extend(x for x in v.values() if isinstance(x, (dict, list)))
        elif isinstance(v, list):
            stack.extend(x for x in v if isinstance(x, (dict, list)))


def _overlaps_copy(spans: dict, doc: str, start: int, end: int, other: str) -> bool:
    """Whether doc[start:end] lies mostly inside a passage aligned with `other`."""
    for s, e in spans.get((doc, other), ()):
        if min(e, end) - max(s, start) >= 0.5 * (end - start):
            return True
    return False


def _cluster_of(by_doc: dict, doc: str, start: int, end: int) -> str | None:
    best, best_overlap = None, 0
    for s, e, cid in by_doc.get(doc, ()):
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = cid, overlap
    return best
