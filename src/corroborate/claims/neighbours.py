"""Nearest neighbours among sentence vectors: each row's k closest rows of other articles.

    found = nearest(vectors, groups, k=50, floor=0.65, of=None, rows=None)
    found.idx[i], found.sims[i]     # row i's neighbours, closest first, padded with -1 / -inf
    i, j, cos = found.pairs()       # the same as pairs (i < j), each once: a sparse graph

Rows are units (a sentence of an article); `groups[i]` names the row's article, and rows of one
group never pair. `vectors` holds unit-length vectors; with `of`, row i's vector is
`vectors[of[i]]`, so copies of one sentence (claims.vectors) share one vector and one search.
With `rows`, the vectors searched are `vectors[rows]`, read from the given array: the index keeps
its one copy (in its own order), not a second one (at 10,000 articles each is half a gigabyte).
With `reorder`, it keeps none: it reorders the given array in place (`Neighbours.moved` says
how), which the claims grouping allows because it reads its rows through a map of its own.

What a row gets: among the rows of other groups with cosine >= floor, the k with the highest
cosine, ties by row index (the cosines are float32 matrix products of the given vectors). Copies
of one text tie at the same cosine and so come in row order. This is what the claims grouping
computed row by row before (group._similar_pairs); the exact search gives the same neighbours
(on the corpora of benchmarks/claims_eval.py, the same claims).

How: the distinct vectors are searched, not the rows (a sentence copied by 200 articles is one
query), and each distinct vector's neighbours are spread over the rows that carry them. The
search is exact (blocked matrix products in numpy) up to `EXACT_UP_TO` distinct vectors, where it
takes seconds; above, an inverted-file index in numpy (`_Cells`): k-means cells, each query
compared exactly with the members of its nearest cells. A query whose candidates run out while
still above the floor is asked again with twice as many, so a sentence repeated by many articles
still gets k rows of other articles.

Why this index, measured on the 146,898 distinct sentences of benchmarks/report.py's 10,000
generated articles (recall: of 1,000 random queries' 100 nearest with cosine >= 0.65 by exact
search, the share found; 72 such neighbours per query on average; the whole set queried, on 2
shared cores):

    numpy cells (here), 1,533 cells, 63 probes    recall 0.990   build 4 s, search 55 s
    numpy cells, 48 / 80 probes                   recall 0.985 / 0.993, about the same time
    faiss-cpu IVFFlat, 1,533 lists, nprobe 32     recall 0.977   build 24 s, search 46 s (1 thread)
    faiss-cpu IVFFlat, nprobe 64                  recall 0.992   build 24 s, search 93 s (1 thread)
    usearch HNSW, M 16, ef 128                    recall 0.998   build 113 s, search 123 s (1 thread)

(At 15,485 sentences, 1,000 articles: faiss HNSW recall 0.9998 in 9 + 16 s, hnswlib 0.9996 in
11 + 27 s, where the exact search takes 2 s.) Graph indexes find nearly everything but a query
for a hundred neighbours costs a millisecond, and a single-threaded build (for a deterministic
graph) takes minutes; an inverted file needs no dependency in numpy, where the products run on
every core and a run of queries shares them. faiss would do the same in C++ but brings 60 MB for
no gain here; hnswlib has no wheel for Python 3.11 (it compiles from source).

At the claims grouping's floor (0.35 over the mixed vectors of claims.group) a query has about
2,000 candidates in its cells and keeps a hundred: each query's width-th highest cosine is found
by a partition first (`_top`) and only what reaches it is sorted, and queries go 1,024 at a time.
On the 133,462 distinct clauses of 10,000 generated articles that took the search from 246 s and
a 6.8 GB peak to 81 s and 2.3 GB (1.0 GB of it the vectors), with the same neighbours.

Deterministic: the same input gives the same neighbours, whatever the hash seed or thread timing
(the k-means starts from a seeded sample and every tie is broken by index).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

EXACT_UP_TO = 20_000  # distinct vectors searched exactly (about 1,300 articles; seconds)
PROBES = 32           # fewest cells of the index a query is compared with (see the module doc)
_BLOCK_CELLS = 1 << 24  # elements of one block of a similarity matrix (64 MB of float32)
_SPREAD_CELLS = 1 << 22  # elements of one table of candidate rows (queries x rows each keeps)
_CELL_QUERIES = 1024     # queries of the indexed search at a time (their candidates are held at once)


@dataclass
class Neighbours:
    idx: np.ndarray   # (n, k) int64: neighbour rows, closest first, -1 where there are fewer
    sims: np.ndarray  # (n, k) float32: their cosines, -inf where there is no neighbour
    # with `reorder`, how the given vectors were reordered in place: moved[p] is the row now at p
    moved: np.ndarray | None = None

    def pairs(self, cosines: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """Every neighbour relation as a pair (i < j) with its cosine, each pair once, sorted by
        (i, j): the sparse graph of the rows. Without `cosines`, the third is None: each pair is
        then one key sorted in place, not an order and the keys and cosines read through it
        (at 10,000 articles, twelve million relations: the grouping's largest moment was here)."""
        n, k = self.idx.shape
        width = max(n, 1)
        cols = self.idx.ravel()
        ok = cols >= 0
        key = np.repeat(np.arange(n, dtype=np.int64), k)[ok]  # each relation's row ...
        other = cols[ok]                                      # ... and its neighbour
        sims = self.sims.ravel()[ok] if cosines else None
        del ok
        low = np.minimum(key, other)
        np.maximum(key, other, out=key)
        del other
        low *= width
        key += low  # the pair (low, high) as one key
        del low
        if sims is None:
            key.sort()
        else:
            o = np.argsort(key, kind="stable")
            key, sims = key[o], sims[o]
            del o
        first = np.ones(len(key), dtype=bool)
        first[1:] = key[1:] != key[:-1]
        key = key[first]
        if sims is not None:
            sims = sims[first]
        return key // width, key % width, sims


def nearest(vectors: np.ndarray, groups: np.ndarray, k: int, floor: float, of: np.ndarray | None = None,
            exact_up_to: int = EXACT_UP_TO, probes: int | None = None, rows: np.ndarray | None = None,
            reorder: bool = False) -> Neighbours:
    """Each row's k nearest rows of other groups with cosine >= floor (see the module doc); the
    vectors searched are `vectors[rows]` when rows are given. With `reorder`, the index may
    reorder `vectors` (a C-contiguous float32 array) in place rather than keep a copy of its own
    (`Neighbours.moved` then says how)."""
    if reorder and not (isinstance(vectors, np.ndarray) and vectors.dtype == np.float32 and vectors.flags.c_contiguous
                        and vectors.flags.writeable):
        raise ValueError("reorder needs a writeable C-contiguous float32 array")
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    groups = np.asarray(groups)
    n = len(groups)
    of = np.arange(n, dtype=np.int64) if of is None else np.asarray(of, dtype=np.int64)
    if len(of) != n:
        raise ValueError("of and groups need one entry per row")
    idx = np.full((n, k), -1, dtype=np.int64)
    sims = np.full((n, k), -np.inf, dtype=np.float32)
    moved = None
    if n == 0 or k == 0:
        return Neighbours(idx, sims)
    group = np.unique(groups, return_inverse=True)[1].astype(np.int64)
    m = len(vectors) if rows is None else len(rows)
    # Rows a query's list must hold so that each of its rows still has k after leaving out its
    # own group's: k plus the most rows one group has.
    need = k + int(np.bincount(group).max())
    if m <= exact_up_to:
        search: _Exact | _Cells = _Exact(vectors if rows is None else vectors[rows], floor)
    else:
        # the index numbers the vectors cell by cell, so a run of queries is a run of cells
        search = _Cells(vectors, floor, probes, rows=rows, in_place=reorder)
        moved = search.moved
        renumber = np.empty(m, dtype=np.int64)
        renumber[search.order] = np.arange(m)
        of = renumber[of]
    # rows of each distinct vector, by row index: rows_of(t) = order[start[t]:start[t] + count[t]]
    order = np.argsort(of, kind="stable")
    count = np.bincount(of, minlength=m)
    start = np.concatenate(([0], np.cumsum(count)[:-1]))
    todo = np.flatnonzero(count > 0)
    width = 2 * k
    while len(todo):
        again = []
        size = _BLOCK_CELLS // m if isinstance(search, _Exact) else _CELL_QUERIES
        for queries in _chunks(todo, max(1, min(size, _SPREAD_CELLS // need))):
            q, d, s, complete = search.candidates(queries, width)
            short = _spread(queries, q, d, s, complete, order, start, count, group, need, k, idx, sims)
            again.append(short)
        todo = np.concatenate(again) if again else np.empty(0, dtype=np.int64)
        width *= 2
    return Neighbours(idx, sims, moved)


def _chunks(items: np.ndarray, size: int) -> Iterator[np.ndarray]:
    for s in range(0, len(items), size):
        yield items[s:s + size]


def _spread(queries, q, d, s, complete, order, start, count, group, need, k, idx, sims) -> np.ndarray:
    """Turn distinct candidates (q, d, s), sorted by (q, -s, d), into each row's k nearest rows of
    other groups; return the queries whose candidates ran out too early to fill their rows."""
    # every candidate vector d stands for its rows; a query keeps its first `need` rows
    c = count[d]
    cum = np.cumsum(c)
    q_first = np.searchsorted(q, queries)  # where each query's candidates begin
    q_last = np.searchsorted(q, queries, side="right")
    before = cum - c - np.repeat(np.concatenate(([0], cum))[q_first], q_last - q_first)
    take = np.clip(need - before, 0, c)
    ok = take > 0
    q, d, s, take = q[ok], d[ok], s[ok], take[ok]
    total = int(take.sum())
    entry = np.repeat(np.arange(len(d)), take)
    offset = np.arange(total) - np.repeat(np.cumsum(take) - take, take)
    rows = order[start[d][entry] + offset]
    rq, rs = q[entry], s[entry]
    # closest first, ties by row (copies of one vector, and different vectors at equal cosine)
    o = np.lexsort((rows, -rs, rq))
    rows, rq, rs = rows[o], rq[o], rs[o]
    # a padded (queries, need) table of each query's rows
    pos = np.searchsorted(queries, rq)
    first = np.searchsorted(rq, queries)
    col = np.arange(len(rq)) - first[pos]
    table = np.full((len(queries), need), -1, dtype=np.int64)
    tsims = np.full((len(queries), need), -np.inf, dtype=np.float32)
    table[pos, col] = rows
    tsims[pos, col] = rs
    # each row of a query: the query's rows less its own group's, the first k
    per = count[queries]
    mine = np.repeat(np.arange(len(queries)), per)
    members = order[np.repeat(start[queries], per) + np.arange(len(mine)) - np.repeat(np.cumsum(per) - per, per)]
    cand = table[mine]
    keep = (cand >= 0) & (group[np.maximum(cand, 0)] != group[members][:, None])
    rank = np.cumsum(keep, axis=1)
    keep &= rank <= k
    ri, ci = np.nonzero(keep)
    idx[members[ri], rank[ri, ci] - 1] = cand[ri, ci]
    sims[members[ri], rank[ri, ci] - 1] = tsims[mine[ri], ci]
    # A row with fewer than k whose query's candidates stopped above the floor may be missing
    # some: ask again with more.
    filled = rank[:, -1] if need else np.zeros(len(members), dtype=np.int64)
    short_rows = (filled < k) & ~complete[mine]
    return np.unique(queries[mine[short_rows]])


class _Exact:
    """Every vector against every other, a block of queries at a time."""

    def __init__(self, vectors: np.ndarray, floor: float):
        self.vectors, self.floor = vectors, floor

    def candidates(self, queries: np.ndarray, width: int):
        """(q, d, s, complete): the vectors d with cosine s >= floor to query q, sorted by (q, -s, d),
        at most `width` each; complete[i] is False when queries[i] had more than `width`.

        Only what can be among a query's first `width` is sorted (`_top`): at a low floor most
        vectors of a corpus about one event are candidates, and sorting them all was half the
        search."""
        block = self.vectors[queries] @ self.vectors.T
        r, d = np.nonzero(block >= self.floor)
        s = block[r, d]
        del block
        complete = np.bincount(r, minlength=len(queries)) <= width
        r, d, s = _top(r, d, s, len(queries), width)
        o = np.lexsort((d, -s, r))
        r, d, s = r[o], d[o], s[o]
        keep = np.arange(len(r)) - np.searchsorted(r, r) < width
        return queries[r[keep]], d[keep].astype(np.int64), s[keep], complete


class _Cells:
    """An inverted-file index in numpy: the vectors are cut into cells around k-means centres and
    renumbered cell by cell (`order`: new number -> given row); a query is compared exactly with
    the members of the `probes` cells whose centres are nearest it. A found cosine is the true one;
    only a neighbour in a cell not probed can be missed. The queries of a run (consecutive numbers,
    so a few neighbouring cells) that probe one cell are compared with its members in one matrix
    product, which keeps the products large."""

    def __init__(self, vectors: np.ndarray, floor: float, probes: int | None = None, seed: int = 0,
                 rows: np.ndarray | None = None, in_place: bool = False):
        """The index of vectors[rows] (all of vectors without rows), numbered 0.. in rows' order.
        `in_place`: its vectors are those given, reordered in place (the rows it holds first, cell
        by cell, the others after them in their order: `moved[p]` is the row now at p), not a
        copy (at 10,000 articles, half a gigabyte)."""
        self.floor = floor
        if rows is None:
            rows = np.arange(len(vectors), dtype=np.int64)
        m = len(rows)
        self.n_cells = max(1, int(round(4 * np.sqrt(m))))
        self.probes = min(self.n_cells, probes or max(PROBES, int(round(1.6 * np.sqrt(self.n_cells)))))
        self.centres = _kmeans(vectors, self.n_cells, seed, rows)
        cell = _assign(vectors, self.centres, rows)
        self.order = np.argsort(cell, kind="stable")
        self.moved = None
        if in_place:
            rest = np.ones(len(vectors), dtype=bool)
            rest[rows] = False
            self.moved = np.concatenate((rows[self.order], np.flatnonzero(rest)))
            _permute(vectors, self.moved)
            self.vectors = vectors[:m]
        else:
            self.vectors = vectors[rows[self.order]]  # the one copy: gathered in cell order at once
        counts = np.bincount(cell, minlength=self.n_cells)
        self.start = np.concatenate(([0], np.cumsum(counts)))

    def candidates(self, queries: np.ndarray, width: int):
        """As _Exact.candidates, for queries numbered as in `order`, at most `width` each;
        complete[i] is False when queries[i] had more than `width` above the floor."""
        qv = self.vectors[queries]
        near = _nearest_cells(qv @ self.centres.T, self.probes)
        qi = np.repeat(np.arange(len(queries)), self.probes)
        cells = near.ravel()
        o = np.argsort(cells, kind="stable")
        qi, cells = qi[o], cells[o]
        bounds = np.flatnonzero(np.diff(cells)) + 1
        out_q, out_d, out_s = [], [], []
        for part, cell in zip(np.split(qi, bounds), cells[np.concatenate(([0], bounds))]):
            lo, hi = self.start[cell], self.start[cell + 1]
            if lo == hi:
                continue
            block = qv[part] @ self.vectors[lo:hi].T
            r, c = np.nonzero(block >= self.floor)
            out_q.append(part[r])
            out_d.append(c + lo)
            out_s.append(block[r, c])
        complete = np.ones(len(queries), dtype=bool)
        if not out_q:
            e = np.empty(0, dtype=np.int64)
            return e, e, np.empty(0, dtype=np.float32), complete
        q = np.concatenate(out_q)
        d = np.concatenate(out_d).astype(np.int64)
        s = np.concatenate(out_s)
        complete[np.bincount(q, minlength=len(queries)) > width] = False
        q, d, s = _top(q, d, s, len(queries), width)
        o = np.lexsort((d, -s, q))
        q, d, s = q[o], d[o], s[o]
        rank = np.arange(len(q)) - np.searchsorted(q, q)
        keep = rank < width
        return queries[q[keep]], d[keep], s[keep], complete


def _permute(a: np.ndarray, moved: np.ndarray) -> None:
    """Reorder the rows of `a` in place so that row p holds what row moved[p] held (moved a
    permutation): cycle by cycle, one row kept aside at a time."""
    done = moved == np.arange(len(moved))
    for start in np.flatnonzero(~done).tolist():
        if done[start]:
            continue
        kept = a[start].copy()
        p = start
        while True:
            q = int(moved[p])
            done[p] = True
            if q == start:
                a[p] = kept
                break
            a[p] = a[q]
            p = q


def _nearest_cells(closeness: np.ndarray, probes: int) -> np.ndarray:
    """Each row's `probes` highest columns, ties by the lower column (the first `probes` of a
    stable argsort of the row, descending), in no particular order: a query's cells are a set.

    A partition finds them, and only a row tied at its last place is sorted: at 10,000 articles
    (1,466 centres) sorting every row was about a twentieth of the search (80-84 s against 87-94 s
    in runs taken in turn, the same neighbours)."""
    n, m = closeness.shape
    if probes >= m:
        return np.broadcast_to(np.arange(m), (n, m)).copy()
    near = np.argpartition(-closeness, probes - 1, axis=1)[:, :probes]
    last = closeness[np.arange(n)[:, None], near].min(axis=1)
    tied = np.flatnonzero((closeness >= last[:, None]).sum(axis=1) > probes)
    if len(tied):
        near[tied] = np.argsort(-closeness[tied], axis=1, kind="stable")[:, :probes]
    return near


def _top(q: np.ndarray, d: np.ndarray, s: np.ndarray, n: int, width: int):
    """Of candidates (q, d, s) of n queries, those that can be among each query's first `width`
    by (-s, d): above its width-th highest cosine, or tied with it; the rest go before sorting.

    Why: at a low floor a query of an indexed search has a couple of thousand candidates and
    keeps a hundred; sorting them all by three keys took most of the search's time and, a block of
    queries at a time, gigabytes. The cut-off of each query comes from a partition of a padded
    table of its cosines; sorting what is left gives what sorting all of it gave."""
    if not len(q):
        return q, d, s
    counts = np.bincount(q, minlength=n)
    widest = int(counts.max())
    if widest <= width:
        return q, d, s
    # queries by how many candidates they have, in bands of up to twice as many, so that a padded
    # table of a band's cosines is never more than half padding
    band = np.zeros(n, dtype=np.int64)
    many = counts > width
    band[many] = np.ceil(np.log2(counts[many] / width)).astype(np.int64)
    by_band = np.argsort(band, kind="stable")
    place = np.empty(n, dtype=np.int64)
    place[by_band] = np.arange(n)
    # the cosines in that order of their queries (16 bits: a radix sort); only the cosines are
    # gathered, as what is kept is decided on the candidates as given
    p = place[q]
    o = np.argsort(p.astype(np.int16) if n < 1 << 15 else p, kind="stable")
    sorted_s = s[o]
    del o
    c = counts[by_band]
    p = np.repeat(np.arange(n), c)  # the places, sorted
    offset = np.concatenate(([0], np.cumsum(c)))
    col = np.arange(len(q)) - np.repeat(offset[:-1], c)
    kth = np.full(n, -np.inf, dtype=np.float32)
    edges = np.flatnonzero(np.diff(np.concatenate(([-1], band[by_band], [-1])))) # where bands begin
    for r0, r1 in zip(edges[:-1].tolist(), edges[1:].tolist()):
        if band[by_band[r0]] == 0:
            continue  # width or fewer: all kept
        wide = int(c[r0:r1].max())
        lo, hi = offset[r0], offset[r1]
        table = np.full((r1 - r0, wide), -np.inf, dtype=np.float32)
        table[p[lo:hi] - r0, col[lo:hi]] = sorted_s[lo:hi]
        kth[by_band[r0:r1]] = np.partition(table, wide - width, axis=1)[:, wide - width]  # width-th highest
    keep = s >= kth[q]
    return q[keep], d[keep], s[keep]


def _assign(vectors: np.ndarray, centres: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """The nearest centre of each vector (of vectors[rows], with rows; ties: the lower index)."""
    n = len(vectors) if rows is None else len(rows)
    out = np.empty(n, dtype=np.int64)
    step = max(1, _BLOCK_CELLS // max(len(centres), 1))
    for s in range(0, n, step):
        block = vectors[s:s + step] if rows is None else vectors[rows[s:s + step]]
        out[s:s + step] = np.argmax(block @ centres.T, axis=1)
    return out


def _kmeans(vectors: np.ndarray, n_cells: int, seed: int, rows: np.ndarray | None = None, iterations: int = 6,
            sample: int = 32) -> np.ndarray:
    """Spherical k-means centres of vectors[rows] (all of vectors without rows), trained on a
    seeded sample of at most `sample` vectors per cell."""
    rng = np.random.default_rng(seed)
    if rows is None:
        rows = np.arange(len(vectors), dtype=np.int64)
    m = len(rows)
    train = vectors[rows[np.sort(rng.choice(m, size=min(m, sample * n_cells), replace=False))]]
    centres = train[np.sort(rng.choice(len(train), size=n_cells, replace=False))].copy()
    for _ in range(iterations):
        cell = _assign(train, centres)
        o = np.argsort(cell, kind="stable")
        present, first = np.unique(cell[o], return_index=True)
        sums = np.zeros_like(centres)
        sums[present] = np.add.reduceat(train[o], first, axis=0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        centres = np.where(empty[:, None], centres, sums / np.maximum(norms, 1e-12))
    return centres.astype(np.float32)
