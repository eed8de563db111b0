"""Which pairs of articles are worth aligning: those that share a run of rare shingles.

This is passim's candidate step done with numpy sorts instead of a Spark join, plus a diagonal
check that passim leaves to its alignment:

1. every article's shingles (hashes of n consecutive tokens), each with the position of its first
   occurrence in the article;
2. one stable sort of all of them by hash, so the articles carrying one shingle sit together, in
   article order (the caller orders articles oldest first);
3. a shingle carried by one article says nothing; one carried by 2..max_df articles votes for every
   pair of them; one carried by more (boilerplate, or a text copied by very many outlets) votes
   only for pairs of the earliest carrier with each later one, so a press release printed by 500
   outlets yields 499 pairs rather than 124,750 while every copy is still compared with the
   earliest;
4. a vote remembers where the shingle sits in both articles. A copied passage puts its shared
   shingles on one diagonal (position in B minus position in A is nearly constant), while stock
   phrases two unrelated articles happen to share ("said in a statement on Monday") fall anywhere.
   Votes are counted per pair and diagonal band (`band` tokens wide, two neighbouring bands
   together so a dropped sentence that shifts the diagonal does not split the count), and a pair
   is a candidate when some band holds at least `min_shared` votes.

Whether a pair is a candidate depends on the corpus (document frequencies), but what aligning it
finds depends only on the two texts (see `align`), which is what makes incremental runs equal
full rebuilds.
"""
from __future__ import annotations

import numpy as np

_EMPTY = np.zeros(0, np.int64)


def first_occurrences(shingles: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct shingles of one article and the position where each first occurs."""
    hashes, positions = np.unique(shingles, return_index=True)
    return hashes, positions.astype(np.int64)


def _votes(h: np.ndarray, doc: np.ndarray, pos: np.ndarray, max_df: int):
    """(a, b, position in a, position in b) for every vote; h is sorted, doc ascending within a
    run of equal h."""
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    sizes = np.diff(np.r_[starts, len(h)])
    keep = sizes >= 2
    starts, sizes = starts[keep], sizes[keep]
    a_parts, b_parts = [], []
    for k in np.unique(sizes[sizes <= max_df]):
        members = starts[sizes == k][:, None] + np.arange(k)  # (groups, k) row indexes
        i, j = np.triu_indices(k, 1)
        a_parts.append(members[:, i].ravel())
        b_parts.append(members[:, j].ravel())
    big = sizes > max_df
    if big.any():
        big_starts, big_sizes = starts[big], sizes[big]
        offsets = np.arange(big_sizes.sum()) - np.repeat(np.cumsum(big_sizes) - big_sizes, big_sizes)
        rows = np.repeat(big_starts, big_sizes) + offsets
        firsts = np.repeat(big_starts, big_sizes)
        later = offsets > 0
        a_parts.append(firsts[later])
        b_parts.append(rows[later])
    if not a_parts:
        return _EMPTY, _EMPTY, _EMPTY, _EMPTY
    ra, rb = np.concatenate(a_parts), np.concatenate(b_parts)
    return doc[ra], doc[rb], pos[ra], pos[rb]


def candidate_pairs(articles: list[tuple[np.ndarray, np.ndarray]], max_df: int, min_shared: int,
                    band: int = 50) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(a, b, shared): article indexes a < b, and the most votes one pair of neighbouring diagonal
    bands got; sorted by (a, b). `articles` holds each article's (distinct shingles, positions)."""
    n_docs = len(articles)
    if n_docs < 2:
        return _EMPTY, _EMPTY, _EMPTY
    h = np.concatenate([s for s, _ in articles])
    pos = np.concatenate([p for _, p in articles])
    doc = np.repeat(np.arange(n_docs, dtype=np.int64), [len(s) for s, _ in articles])
    order = np.argsort(h, kind="stable")  # stable: within a shingle, articles stay in index order
    a, b, pa, pb = _votes(h[order], doc[order], pos[order], max_df)
    del h, pos, doc, order
    if not len(a):
        return _EMPTY, _EMPTY, _EMPTY
    max_len = int(max(pa.max(), pb.max())) + 1
    bands = (pb - pa + max_len) // band  # 0 .. 2*max_len/band
    n_bands = np.int64(2 * max_len // band + 2)
    keys, counts = np.unique((a * n_docs + b) * n_bands + bands, return_counts=True)
    # add the next band's votes when it belongs to the same pair
    nxt = np.r_[keys[1:] == keys[:-1] + 1, False]
    counts = counts + np.where(nxt, np.r_[counts[1:], 0], 0)
    pair = keys // n_bands
    keep = counts >= min_shared
    pair, counts = pair[keep], counts[keep]
    if not len(pair):
        return _EMPTY, _EMPTY, _EMPTY
    # one row per pair, with its best band count
    order = np.lexsort((-counts, pair))
    pair, counts = pair[order], counts[order]
    first = np.r_[True, pair[1:] != pair[:-1]]
    pair, counts = pair[first], counts[first]
    return pair // n_docs, pair % n_docs, counts
