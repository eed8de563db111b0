"""Grouping aligned passages into clusters, choosing the likely origin, and copied shares.

A cluster is a connected component (union-find) of passages: the two sides of every aligned pair
are joined, and two passages of one article are joined when they overlap by at least half of the
shorter one (passim's rule), so a press release, its copies and the copies of copies are one
cluster. In each cluster an article's overlapping passages are merged into one member.

Series: articles of one outlet form a series (the outlet name, matched case-blind and by its
initials, else the URL's host, else the article alone; see `series_map`). A cluster whose members
all belong to one series is that outlet's own repetition (a footer, a standing explainer
paragraph) and has kind "series"; a cluster spanning two or more series is kind "copy". Only copying between series counts towards an article's copied share.

Origin: the member(s) with the earliest publication date. Several articles on that date are all
marked, with `origin_tie`; with no dates at all, no member is marked. Days are all the store knows
of publication time, so a tie is reported rather than broken by some arbitrary order.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import defaultdict
from typing import Any, Iterable, Sequence
from urllib.parse import urlsplit


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


_NAME_WORDS = re.compile(r"[^\W\d_]+")
_MINOR = {"of", "the", "and", "for", "de", "la", "le", "du", "des", "el", "al", "di", "da"}


def _name(outlet: str | None) -> str:
    return " ".join(_NAME_WORDS.findall((outlet or "").casefold()))


def _initials(name: str) -> set[str]:
    words = name.split()
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in _MINOR)}


def series_map(articles: Iterable[dict[str, Any]]) -> dict[str, str]:
    """doc_id → series: the outlet, else the URL's host, else the article alone.

    Outlet names are compared case- and punctuation-blind, and a one-word name that is the
    initials of exactly one longer outlet name in the corpus is that outlet ("OPA" signed at the
    foot of a text file and "Ostrenian Press Agency" given in a feed; AFP and Agence France-Presse)."""
    articles = list(articles)
    names = {_name(a.get("outlet")) for a in articles} - {""}
    by_initials: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for initials in _initials(name):
            by_initials[initials].add(name)
    canonical = {}
    for name in names:
        longer = by_initials.get(name.replace(" ", ""), set()) - {name} if " " not in name else set()
        canonical[name] = next(iter(longer)) if len(longer) == 1 else name
    out = {}
    for a in articles:
        name = _name(a.get("outlet"))
        if name:
            out[a["doc_id"]] = "outlet:" + canonical[name]
            continue
        host = urlsplit(a.get("url") or "").hostname or ""
        out[a["doc_id"]] = "host:" + host.removeprefix("www.") if host else "doc:" + a["doc_id"]
    return out


def _merge_intervals(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _count_words(word_starts: Sequence[int], start: int, end: int) -> int:
    """Tokens whose first character lies in [start, end) (word_starts is sorted)."""
    return bisect_left(word_starts, end) - bisect_left(word_starts, start)


def build_clusters(pairs: list[dict[str, Any]], articles: dict[str, dict[str, Any]],
                   word_starts: dict[str, list[int]], n_words: dict[str, int],
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Passages (one row per cluster member) and copied shares (one row per article).

    pairs: rows with doc_a, a_start, a_end, doc_b, b_start, b_end; articles: doc_id → article dict
    (text, outlet, url, published); word_starts: doc_id → sorted start offsets of its tokens, for
    every article in a pair; n_words: doc_id → number of tokens, for every article."""
    sides: list[tuple[str, int, int]] = []
    for p in pairs:
        sides.append((p["doc_a"], p["a_start"], p["a_end"]))
        sides.append((p["doc_b"], p["b_start"], p["b_end"]))
    uf = _UnionFind(len(sides))
    for k in range(0, len(sides), 2):
        uf.union(k, k + 1)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for k, (doc, _, _) in enumerate(sides):
        by_doc[doc].append(k)
    for doc, ks in by_doc.items():
        ks.sort(key=lambda k: (sides[k][1], sides[k][2]))
        for x, kx in enumerate(ks):
            sx, ex = sides[kx][1], sides[kx][2]
            for ky in ks[x + 1:]:
                sy, ey = sides[ky][1], sides[ky][2]
                if sy >= ex:
                    break
                overlap = min(ex, ey) - sy
                if overlap * 2 >= min(ex - sx, ey - sy):
                    uf.union(kx, ky)

    components: dict[int, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for k, (doc, s, e) in enumerate(sides):
        components[uf.find(k)][doc].append((s, e))

    series = series_map(articles.values())
    passages: list[dict[str, Any]] = []
    for members_by_doc in components.values():
        members = [(doc, s, e) for doc, spans in members_by_doc.items() for s, e in _merge_intervals(spans)]
        members.sort()
        cluster_id = "c" + hashlib.sha256("\n".join(f"{d}:{s}:{e}" for d, s, e in members).encode()).hexdigest()[:15]
        docs = sorted(members_by_doc)
        dates = [articles[d].get("published") for d in docs if articles[d].get("published") is not None]
        first = min(dates) if dates else None
        origins = {d for d in docs if first is not None and articles[d].get("published") == first}
        n_series = len({series[d] for d in docs})
        n_outlets = len({series[d] for d in docs if not series[d].startswith("doc:")})
        for doc, s, e in members:
            a = articles[doc]
            passages.append({
                "cluster_id": cluster_id, "doc_id": doc, "start": s, "end": e, "text": a["text"][s:e],
                "n_words": _count_words(word_starts[doc], s, e),
                "is_origin": doc in origins, "origin_tie": doc in origins and len(origins) > 1,
                "outlet": a.get("outlet"), "published": a.get("published"),
                "kind": "copy" if n_series > 1 else "series",
                "cluster_articles": len(docs), "cluster_outlets": n_outlets,
            })
    passages.sort(key=lambda p: (p["cluster_id"], p["doc_id"], p["start"]))
    return passages, copied_shares(pairs, articles, series, word_starts, n_words)


def copied_shares(pairs: list[dict[str, Any]], articles: dict[str, dict[str, Any]],
                  series: dict[str, str], word_starts: dict[str, list[int]],
                  n_words: dict[str, int]) -> list[dict[str, Any]]:
    """Per article: the words it shares with other outlets' articles, and those it shares with an
    article of another outlet published on an earlier day (a same-day copy cannot be said to be
    earlier). Computed from the aligned pairs themselves, not from whole clusters, so "copied from"
    names only articles that carry these very words."""
    shared: dict[str, list[tuple[int, int]]] = defaultdict(list)
    copied: dict[str, list[tuple[int, int]]] = defaultdict(list)
    sources: dict[str, set[str]] = defaultdict(set)
    for p in pairs:
        a, b = p["doc_a"], p["doc_b"]
        if series[a] == series[b]:
            continue
        for mine, other, span in ((a, b, (p["a_start"], p["a_end"])), (b, a, (p["b_start"], p["b_end"]))):
            shared[mine].append(span)
            mine_date, other_date = articles[mine].get("published"), articles[other].get("published")
            if mine_date is not None and other_date is not None and other_date < mine_date:
                copied[mine].append(span)
                sources[mine].add(other)
    rows = []
    for doc in sorted(articles):
        total = n_words[doc]

        def words_in(spans: list[tuple[int, int]]) -> int:
            return sum(_count_words(word_starts[doc], s, e) for s, e in _merge_intervals(spans))

        n_shared, n_copied = words_in(shared[doc]), words_in(copied[doc])
        rows.append({
            "doc_id": doc, "n_words": total,
            "shared_words": n_shared, "shared_share": round(n_shared / total, 4) if total else 0.0,
            "copied_words": n_copied, "copied_share": round(n_copied / total, 4) if total else 0.0,
            "copied_from": sorted(sources[doc]),
        })
    return rows
