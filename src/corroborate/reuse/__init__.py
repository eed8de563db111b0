"""Copied passages: what articles share, aligned to characters, grouped, with the likely origin.

The design follows passim (Smith, Cordell & Dillon's text-reuse pipeline) on one machine:

    tokens.py      words of any script, case folded, with offsets; shingles of n words
    candidates.py  article pairs that share enough rare shingles (numpy sort, no all-pairs)
    align.py       the passages a pair shares: anchors → chains → grown edges → checks
    clusters.py    passages → clusters (union-find), origin, series, copied share per article

`find_reuse` runs them over a corpus. It is a pure function of the articles, the settings and,
optionally, the previous run's candidates and pairs: a candidate pair aligned before is not
aligned again, and since an alignment depends only on its two texts, an incremental run gives
exactly what a full rebuild gives.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable

from ..settings import ReuseSettings
from .align import Alignment, Tokens, align_pair, align_texts
from .candidates import candidate_pairs, first_occurrences
from .clusters import build_clusters, series_map
from .tokens import Vocabulary, shingle_hashes, words

__all__ = ["ReuseResult", "find_reuse", "align_texts", "Alignment", "series_map"]


@dataclass
class ReuseResult:
    candidates: list[dict[str, Any]]   # article pairs compared: doc_a, doc_b, shared
    pairs: list[dict[str, Any]]        # aligned passages of each pair
    passages: list[dict[str, Any]]     # cluster members
    shares: list[dict[str, Any]]       # copied share per article
    aligned: int = 0                   # candidate pairs aligned in this run
    reused: int = 0                    # candidate pairs whose earlier alignment was kept
    stats: dict[str, float] = field(default_factory=dict)  # seconds per step


def _pair_key(row: dict[str, Any]) -> tuple[str, str]:
    return row["doc_a"], row["doc_b"]


def find_reuse(articles: Iterable[dict[str, Any]], settings: ReuseSettings | None = None,
               previous: dict[str, list[dict[str, Any]]] | None = None,
               progress: Callable[[str, int, int], None] | None = None) -> ReuseResult:
    """Copied passages among articles (dicts with doc_id, text, and optionally outlet, url,
    published). `previous` holds the "candidates" and "pairs" rows of an earlier run with the same
    settings; their alignments are reused."""
    settings = settings or ReuseSettings()
    n = settings.ngram
    clock = [time.perf_counter()]
    stats: dict[str, float] = {}

    def lap(name: str) -> None:
        clock.append(time.perf_counter())
        stats[name + "_s"] = round(clock[-1] - clock[-2], 3)

    # Oldest first, so that a widely shared shingle links every carrier to the earliest one.
    docs = sorted(articles, key=lambda a: (a.get("published") is None, a.get("published") or 0, a["doc_id"]))
    by_id = {a["doc_id"]: a for a in docs}
    series = series_map(docs)
    vocabulary = Vocabulary()
    shingles, n_words = [], {}
    for k, a in enumerate(docs):
        w = words(a["text"])
        n_words[a["doc_id"]] = len(w)
        shingles.append(first_occurrences(shingle_hashes(vocabulary.ids(w), n)))
        if progress and k % 1000 == 0:
            progress("index", k, len(docs))
    lap("index")
    ia, ib, shared = candidate_pairs(shingles, settings.max_df, settings.min_shared, settings.max_gap)
    del shingles

    candidates = []
    for x, y, s in zip(ia.tolist(), ib.tolist(), shared.tolist()):
        a, b = sorted((docs[x]["doc_id"], docs[y]["doc_id"]))
        candidates.append({"doc_a": a, "doc_b": b, "shared": s})
    candidates.sort(key=_pair_key)
    lap("candidates")

    previous = previous or {}
    done = {_pair_key(r) for r in previous.get("candidates", [])}
    kept_pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in previous.get("pairs", []):
        kept_pairs.setdefault(_pair_key(r), []).append(r)

    # Candidates are aligned in (doc_a, doc_b) order, so doc_a's tokens are reused across its
    # pairs; doc_b's are kept too while memory allows (most articles are in few pairs).
    @lru_cache(maxsize=20000)
    def tokens(doc_id: str) -> Tokens:
        return Tokens.of(by_id[doc_id]["text"], vocabulary, n)

    pairs: list[dict[str, Any]] = []
    aligned = reused = 0
    for k, c in enumerate(candidates):
        key = _pair_key(c)
        if key in done:
            pairs.extend(kept_pairs.get(key, []))
            reused += 1
            continue
        a, b = key
        for al in align_pair(tokens(a), tokens(b), settings):
            pairs.append({"doc_a": a, "a_start": al.a_start, "a_end": al.a_end,
                          "doc_b": b, "b_start": al.b_start, "b_end": al.b_end,
                          "a_words": al.a_words, "b_words": al.b_words,
                          "similarity": al.similarity})
        aligned += 1
        if progress and k % 500 == 0:
            progress("align", k, len(candidates))
    pairs.sort(key=lambda p: (p["doc_a"], p["doc_b"], p["a_start"], p["b_start"]))
    for p in pairs:  # series depend on the whole corpus (outlet initials), so never reuse this
        p["same_series"] = series[p["doc_a"]] == series[p["doc_b"]]

    lap("align")
    in_pairs = sorted({p["doc_a"] for p in pairs} | {p["doc_b"] for p in pairs})
    word_starts = {d: tokens(d).starts.tolist() for d in in_pairs}
    passages, shares = build_clusters(pairs, by_id, word_starts, n_words)
    lap("cluster")
    return ReuseResult(candidates, pairs, passages, shares, aligned, reused, stats)
