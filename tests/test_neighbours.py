"""Nearest neighbours among sentence vectors (corroborate.claims.neighbours), on generated vectors."""
from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

import corroborate
from corroborate.claims.neighbours import nearest

SRC = os.path.dirname(os.path.dirname(corroborate.__file__))


def _corpus(m: int = 600, copies: int = 300, groups: int = 120, seed: int = 1):
    """m distinct unit vectors in tight families (paraphrases), plus copies: rows that reuse a
    vector, spread over articles (groups)."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(m // 6, 32))
    v = centres[rng.integers(0, len(centres), m)] + 0.45 * rng.normal(size=(m, 32))
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    of = np.concatenate([np.arange(m), rng.integers(0, m, copies)])
    group = rng.integers(0, groups, len(of))
    return v.astype(np.float32), of, group


def _reference(vectors, of, groups, k, floor):
    """Row by row, as the claims grouping did before the index: every other row, cosine >= floor,
    other groups only, closest first and ties by row, the first k."""
    full = vectors[of]
    out = []
    for i in range(len(of)):
        s = full @ full[i]
        cand = [j for j in range(len(of)) if groups[j] != groups[i] and s[j] >= floor]
        cand.sort(key=lambda j: (-s[j], j))
        out.append(cand[:k])
    return out


def _lists(found):
    return [[int(j) for j in row if j >= 0] for row in found.idx]


def test_exact_search_gives_each_row_its_k_nearest_rows_of_other_groups():
    v, of, g = _corpus()
    found = nearest(v, g, 5, 0.5, of=of)
    ref = _reference(v, of, g, 5, 0.5)
    got = _lists(found)
    # the same rows, up to the order of float ties
    assert sum(set(a) == set(b) for a, b in zip(got, ref)) >= len(ref) - 2
    for i, row in enumerate(got):
        assert all(g[j] != g[i] for j in row)
        s = found.sims[i][:len(row)]
        assert np.all(s >= 0.5) and np.all(np.diff(s) <= 0)


def test_rows_of_one_group_never_pair():
    v, of, g = _corpus()
    g = g % 3  # big groups: many rows of one article share vectors
    found = nearest(v, g, 10, 0.3, of=of)
    i, j, _ = found.pairs()
    assert len(i) and not np.any(g[i] == g[j])
    assert np.all(i < j)


def test_pairs_without_cosines_are_the_same_pairs():
    v, of, g = _corpus()
    found = nearest(v, g, 10, 0.3, of=of)
    i, j, cos = found.pairs()
    i2, j2, none = found.pairs(cosines=False)
    assert none is None and np.array_equal(i, i2) and np.array_equal(j, j2)
    # each pair once, sorted, with the cosine of its relation
    assert len(set(zip(i.tolist(), j.tolist()))) == len(i) and np.all(np.diff(i * len(of) + j) > 0)
    for a, b, c in list(zip(i.tolist(), j.tolist(), cos.tolist()))[:50]:
        at = found.idx[a].tolist().index(b) if b in found.idx[a] else None
        assert c == (found.sims[a][at] if at is not None else found.sims[b][found.idx[b].tolist().index(a)])


def test_copies_of_one_sentence_are_one_query_and_still_fill_k_from_other_articles():
    # one vector carried by 40 rows, 30 of them in one article (0): a row of that article gets
    # the 10 copies outside it, closest first, then the near one, though its own article's 29
    # copies come first by row
    rng = np.random.default_rng(3)
    v = rng.normal(size=(3, 16)).astype(np.float32)
    v[1] = v[0] + 0.05 * v[1]
    v[2] = -v[0]
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    of = np.array([0] * 40 + [1, 2])
    g = np.array([0] * 30 + list(range(1, 11)) + [11, 12])
    found = nearest(v, g, 20, 0.5, of=of)
    assert _lists(found)[5] == list(range(30, 41))
    assert _lists(found)[35] == list(range(20)) and found.sims[35, 0] > 0.999


def test_the_index_finds_what_the_exact_search_finds():
    v, of, g = _corpus(m=3000, copies=1500, groups=400)
    exact = nearest(v, g, 10, 0.6, of=of)
    index = nearest(v, g, 10, 0.6, of=of, exact_up_to=0)
    want = set(zip(*[x.tolist() for x in exact.pairs()[:2]]))
    got = set(zip(*[x.tolist() for x in index.pairs()[:2]]))
    assert len(want) > 5000
    assert len(want & got) / len(want) >= 0.98
    assert len(got - want) / len(got) <= 0.02


def test_the_index_asks_again_when_a_query_runs_out_of_candidates():
    # 60 copies of one vector in 60 articles: a width of 2k = 8 candidates is not enough for 4
    # rows of other articles once the first rows' own copies ... the search widens instead
    rng = np.random.default_rng(5)
    v = rng.normal(size=(400, 24)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    near = v[0] + 0.1 * rng.normal(size=(30, 24)).astype(np.float32)
    v = np.vstack([v, near / np.linalg.norm(near, axis=1, keepdims=True)])
    of = np.arange(len(v))
    g = np.zeros(len(v), dtype=int)
    g[1:] = np.arange(1, len(v)) % 5  # vector 0's near ones are mostly in its own article
    g[400:425] = 0
    exact = nearest(v, g, 4, 0.5, of=of)
    index = nearest(v, g, 4, 0.5, of=of, exact_up_to=0, probes=1000)
    assert _lists(index)[0] == _lists(exact)[0] and len(_lists(exact)[0]) == 4


def test_the_same_input_gives_the_same_neighbours():
    v, of, g = _corpus(m=2000, copies=500, groups=300, seed=7)
    a = nearest(v, g, 8, 0.5, of=of, exact_up_to=0)
    b = nearest(v.copy(), g.copy(), 8, 0.5, of=of.copy(), exact_up_to=0)
    assert np.array_equal(a.idx, b.idx) and np.array_equal(a.sims, b.sims)


def test_the_neighbours_do_not_depend_on_the_hash_seed_or_threads(tmp_path):
    script = tmp_path / "run.py"
    script.write_text(
        "import hashlib, numpy as np, sys\n"
        f"sys.path.insert(0, {os.path.dirname(__file__)!r})\n"
        "from test_neighbours import _corpus\n"
        "from corroborate.claims.neighbours import nearest\n"
        "v, of, g = _corpus(m=1500, copies=300, groups=200, seed=9)\n"
        "g = np.array([f'doc{x}' for x in g])\n"
        "f = nearest(v, g, 6, 0.5, of=of, exact_up_to=0)\n"
        "print(hashlib.sha256(f.idx.tobytes() + f.sims.tobytes()).hexdigest())\n")
    outs = set()
    for seed, threads in (("1", "1"), ("2", "2"), ("3", "1")):
        env = dict(os.environ, PYTHONHASHSEED=seed, OMP_NUM_THREADS=threads, OPENBLAS_NUM_THREADS=threads)
        env["PYTHONPATH"] = os.pathsep.join([SRC, env.get("PYTHONPATH", "")])
        run = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        outs.add(run.stdout)
    assert len(outs) == 1


def test_no_rows_and_nothing_above_the_floor():
    assert nearest(np.zeros((0, 4), np.float32), np.array([]), 3, 0.5).idx.shape == (0, 3)
    v = np.eye(4, dtype=np.float32)
    found = nearest(v, np.arange(4), 3, 0.5)
    assert (found.idx == -1).all() and np.isneginf(found.sims).all()
    assert len(found.pairs()[0]) == 0


def test_cutting_candidates_before_sorting_keeps_each_querys_first_width():
    # many ties and queries of every size: what is left, sorted, starts as the whole sorted does
    from corroborate.claims.neighbours import _top

    rng = np.random.default_rng(9)
    n, width = 40, 7
    q = np.repeat(np.arange(n), rng.integers(0, 60, n))
    d = rng.permutation(len(q)).astype(np.int64)
    s = (rng.integers(0, 8, len(q)) / 8).astype(np.float32)

    def first(q, d, s):
        o = np.lexsort((d, -s, q))
        q, d, s = q[o], d[o], s[o]
        rank = np.arange(len(q)) - np.searchsorted(q, q)
        return list(zip(q[rank < width].tolist(), d[rank < width].tolist()))

    assert first(*_top(q, d, s, n, width)) == first(q, d, s)
    assert len(_top(q, d, s, n, width)[0]) < len(q)
    o = rng.permutation(len(q))  # candidates as the cells give them: not in query order
    assert first(*_top(q[o], d[o], s[o], n, width)) == first(q, d, s)


def test_vectors_read_in_place_by_rows_give_what_their_copy_gives():
    # the claims grouping passes every unit's vector and the rows of the distinct ones: the index
    # keeps one copy, and the neighbours are those of the copied distinct vectors
    v, of, g = _corpus(m=2000, copies=500, groups=300, seed=3)
    rng = np.random.default_rng(4)
    rows = rng.permutation(len(v) + 700)[:len(v)]  # where each distinct vector lies in a larger array
    larger = rng.normal(size=(len(v) + 700, v.shape[1])).astype(np.float32)
    larger[rows] = v
    for exact_up_to in (10_000, 0):
        copied = nearest(v, g, 8, 0.5, of=of, exact_up_to=exact_up_to)
        in_place = nearest(larger, g, 8, 0.5, of=of, exact_up_to=exact_up_to, rows=rows)
        assert np.array_equal(copied.idx, in_place.idx) and np.array_equal(copied.sims, in_place.sims)


def test_an_index_reordering_the_vectors_in_place_finds_what_its_copy_finds():
    # the claims grouping lets the index reorder its rows rather than copy them: the same
    # neighbours, and `moved` says where every row went (those the index holds first)
    v, of, g = _corpus(m=2000, copies=500, groups=300, seed=3)
    rng = np.random.default_rng(5)
    rows = rng.permutation(len(v) + 700)[:len(v)]
    larger = rng.normal(size=(len(v) + 700, v.shape[1])).astype(np.float32)
    larger[rows] = v
    before = larger.copy()
    copied = nearest(larger, g, 8, 0.5, of=of, exact_up_to=0, rows=rows)
    assert copied.moved is None and np.array_equal(larger, before)
    reordered = nearest(larger, g, 8, 0.5, of=of, exact_up_to=0, rows=rows, reorder=True)
    assert np.array_equal(copied.idx, reordered.idx) and np.array_equal(copied.sims, reordered.sims)
    assert sorted(reordered.moved.tolist()) == list(range(len(larger)))
    assert np.array_equal(larger, before[reordered.moved])
    assert set(reordered.moved[:len(v)].tolist()) == set(rows.tolist())  # the rows it holds come first
    with pytest.raises(ValueError):
        nearest(larger.astype(np.float64), g, 8, 0.5, of=of, exact_up_to=0, rows=rows, reorder=True)


def test_a_querys_cells_are_a_stable_sorts_first_cells_ties_by_the_lower_cell():
    from corroborate.claims.neighbours import _nearest_cells

    rng = np.random.default_rng(4)
    for _ in range(30):
        closeness = rng.integers(0, 5, size=(20, 12)).astype(np.float32)  # many ties at the last place
        for probes in (1, 4, 12, 15):
            got = _nearest_cells(closeness, probes)
            want = np.argsort(-closeness, axis=1, kind="stable")[:, :probes]
            assert [sorted(r) for r in got.tolist()] == [sorted(r) for r in want.tolist()]
