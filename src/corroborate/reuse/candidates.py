"""Which pairs of articles are worth aligning: those that share enough rare shingles.

This is passim's candidate step done with numpy sorts instead of a Spark join:

1. every article's shingles (hashes of n consecutive tokens), each counted once per article;
2. one stable sort of all of them by hash, so the articles carrying one shingle sit together, in
   article order (the caller orders articles oldest first);
3. a shingle carried by one article says nothing; one carried by 2..max_df articles votes for every
   pair of them; one carried by more (boilerplate, or a text copied by very many outlets) votes
   only for pairs of the earliest carrier with each later one, so a press release printed by 500
   outlets yields 499 pairs rather than 124,750 while every copy is still compared with the
   earliest;
4. pairs with at least `min_shared` votes are candidates.

Whether a pair is a candidate depends on the corpus (document frequencies), but what aligning it
finds depends only on the two texts (see `align`), which is what makes incremental runs equal
full rebuilds.
"""
from __future__ import annotations

import numpy as np


def candidate_pairs(shingles: list[np.ndarray], max_df: int, min_shared: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(a, b, shared): article indexes a < b and how many shingles voted for the pair, sorted."""
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64))
    if len(shingles) < 2:
        return empty
    # One row per (shingle, article), duplicates inside an article removed.
    hashes, owners = [], []
    for i, h in enumerate(shingles):
        if len(h):
            u = np.unique(h)
            hashes.append(u)
            owners.append(np.full(len(u), i, dtype=np.int64))
    if not hashes:
        return empty
    h = np.concatenate(hashes)
    doc = np.concatenate(owners)
    order = np.argsort(h, kind="stable")  # stable: within a shingle, articles stay in index order
    h, doc = h[order], doc[order]
    # Groups of equal hashes; keep only those carried by two or more articles.
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    sizes = np.diff(np.r_[starts, len(h)])
    shared = sizes >= 2
    starts, sizes = starts[shared], sizes[shared]
    if not len(starts):
        return empty

    a_parts, b_parts = [], []
    for k in np.unique(sizes[sizes <= max_df]):
        group_starts = starts[sizes == k]
        members = doc[group_starts[:, None] + np.arange(k)]  # (groups, k)
        i, j = np.triu_indices(k, 1)
        a_parts.append(members[:, i].ravel())
        b_parts.append(members[:, j].ravel())
    big = sizes > max_df
    if big.any():
        big_starts, big_sizes = starts[big], sizes[big]
        firsts = np.repeat(doc[big_starts], big_sizes - 1)
        # positions of every non-first member of each big group
        offsets = np.arange(big_sizes.sum()) - np.repeat(np.cumsum(big_sizes) - big_sizes, big_sizes)
        rest = np.repeat(big_starts, big_sizes) + offsets
        rest = rest[offsets > 0]
        a_parts.append(firsts)
        b_parts.append(doc[rest])
    a = np.concatenate(a_parts)
    b = np.concatenate(b_parts)
    n = np.int64(len(shingles))
    keys, counts = np.unique(a * n + b, return_counts=True)
    keep = counts >= min_shared
    keys, counts = keys[keep], counts[keep]
    return keys // n, keys % n, counts
