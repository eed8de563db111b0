"""Aligning two articles: the passages they share, with character offsets in both.

1. Anchors: positions (i, j) where article A and article B have the same shingle (n consecutive
   tokens). Only the first occurrence of a shingle in each article is used, as passim uses only
   shingles that occur once.
2. Chains: anchors are taken in A's order and each joins the open chain it continues — both
   positions move forward by at most `max_gap` + n tokens, drift apart by at most `max_gap`
   (an inserted or dropped sentence), and leave at most a few tokens uncovered on both sides at
   once (a replaced phrase, not unrelated text) — or starts a new one. Chains are kept apart when one article
   repeats a passage of the other, or carries two passages in a different order.
3. Edges: a chain covers the tokens of its first to its last anchor. It then grows outward one
   token pair at a time while the next tokens on both sides agree (`edge_ratio`, so a typo such as
   "rovisions"/"provisions" at the edge stays in), stepping over a single substituted word when
   the three pairs beyond it agree; this recovers the words a shingle could not anchor.
4. Checks: at least `min_words` tokens must be shared on each side (inside an anchor, or agreeing
   with their counterpart), counted as words actually shared rather than the span's width; of the
   token pairs where both sides have text, at least `min_density` must be shared — a stretch only
   one side has (an inserted or dropped sentence) does not count, a stretch both sides replaced
   (a rewrite) counts against — so a copy with typos and a dropped sentence passes while two
   independent rewrites of one statement, which share phrases between substitutions, do not; and
   the two passages' characters, case folded, must agree at least `min_similarity` (rapidfuzz's
   normalised Indel similarity, also the reported `similarity`).

Everything here depends only on the two texts and the settings, never on the rest of the corpus.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Indel

from ..settings import ReuseSettings
from .tokens import Vocabulary, shingle_hashes, words_and_offsets

# Closing punctuation that belongs to the end of a passage ("...in the region." / '..." he said').
# A chain continues over at most this many tokens left uncovered on both sides at once (a replaced
# phrase); more than that is two passages with unrelated text between them, however close a stock
# phrase on the far side may be. A stretch on one side only (a dropped sentence) may be longer.
_MAX_REPLACED = 8

# Agreeing token pairs needed among the _CONFIRM + 1 beyond a disagreeing one for the edge to grow past it.
_CONFIRM = 3

_TRAILING = set('.!?…"\'”’»)]')


@dataclass
class Tokens:
    """One article prepared for alignment."""
    text: str
    words: list[str]
    starts: np.ndarray  # character offset of each word's first character
    ends: np.ndarray    # and of the character after its last
    shingles: np.ndarray

    @classmethod
    def of(cls, text: str, vocabulary: Vocabulary, n: int) -> "Tokens":
        w, starts, ends = words_and_offsets(text)
        return cls(text, w, starts, ends, shingle_hashes(vocabulary.ids(w), n))


@dataclass(frozen=True)
class Alignment:
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_words: int
    b_words: int
    similarity: float


def anchors(a: Tokens, b: Tokens) -> tuple[np.ndarray, np.ndarray]:
    """Token positions (in A, in B) of shared shingles, sorted by A's position then B's."""
    _, ia, ib = np.intersect1d(a.shingles, b.shingles, assume_unique=False, return_indices=True)
    order = np.lexsort((ib, ia))
    return ia[order], ib[order]


def chains(ia: np.ndarray, ib: np.ndarray, n: int, max_gap: int) -> list[list[tuple[int, int]]]:
    """The anchors (i, j) of each chain, in A's order."""
    reach = max_gap + n
    open_chains: list[list[tuple[int, int]]] = []
    done: list[list[tuple[int, int]]] = []
    for i, j in zip(ia.tolist(), ib.tolist()):
        best = None
        still_open = []
        for c in open_chains:
            li, lj = c[-1]
            di = i - li
            if di > reach:
                done.append(c)        # nothing later in A can continue it
                continue
            still_open.append(c)
            dj = j - lj
            if (best is None and 0 < di and 0 < dj <= reach and abs(di - dj) <= max_gap
                    and min(di, dj) - n <= _MAX_REPLACED):
                best = c
        open_chains = still_open
        if best is None:
            open_chains.append([(i, j)])
        else:
            best.append((i, j))
    done.extend(open_chains)
    return done


def _covered(chain: list[tuple[int, int]], n: int) -> int:
    """Tokens of A inside the chain's anchor shingles."""
    total = n
    for (i, _), (k, _) in zip(chain, chain[1:]):
        total += min(n, k - i)
    return total


def _agree(x: str, y: str, ratio: float) -> bool:
    return x == y or Indel.normalized_similarity(x, y) >= ratio


@dataclass
class _Run:
    """A chain grown to its edges: token ranges [i0, i1) in A, [j0, j1) in B, the tokens on each
    side that are shared (inside an anchor shingle, or agreeing with their counterpart), and how
    many token pairs were substituted (differ, in a stretch both sides replaced)."""
    i0: int
    j0: int
    i1: int
    j1: int
    shared_a: set[int]
    shared_b: set[int]
    substituted: int

    @property
    def density(self) -> float:
        shared = min(len(self.shared_a), len(self.shared_b))
        return shared / (shared + self.substituted) if shared else 0.0


def _grow(a: Tokens, b: Tokens, anchors: list[tuple[int, int]], n: int, ratio: float) -> _Run:
    """Measure the chain between its anchors, then extend it outward while the next tokens on both
    sides agree. One token pair that disagrees (a substituted word) is stepped over when
    `_CONFIRM` of the `_CONFIRM` + 1 pairs beyond it agree."""
    shared_a = {p for i, _ in anchors for p in range(i, i + n)}
    shared_b = {p for _, j in anchors for p in range(j, j + n)}
    wa, wb = a.words, b.words
    substituted = 0

    def agree(i: int, j: int) -> bool:
        return 0 <= i < len(wa) and 0 <= j < len(wb) and _agree(wa[i], wb[j], ratio)

    # Between consecutive anchors: a stretch left uncovered on both sides is a substitution (word
    # for word when the lengths match, so a typo there still counts as shared); a stretch on one
    # side only is an inserted or dropped passage, which says nothing against copying.
    for (i, j), (k, m) in zip(anchors, anchors[1:]):
        gap_a, gap_b = k - (i + n), m - (j + n)
        if gap_a <= 0 or gap_b <= 0:
            continue
        if gap_a == gap_b:
            for t in range(gap_a):
                if agree(i + n + t, j + n + t):
                    shared_a.add(i + n + t)
                    shared_b.add(j + n + t)
                else:
                    substituted += 1
        else:
            substituted += min(gap_a, gap_b)

    def extend(i: int, j: int, step: int) -> tuple[int, int]:
        """Last agreeing position reached from (i, j), the first pair outside the chain."""
        nonlocal substituted
        last = (i - step, j - step)
        skipped = 0
        while True:
            if agree(i, j):
                shared_a.add(i)
                shared_b.add(j)
                last = (i, j)
                substituted += skipped
                skipped = 0
                i, j = i + step, j + step
            elif sum(agree(i + k * step, j + k * step) for k in range(1, _CONFIRM + 2)) >= _CONFIRM:
                # step over one substituted word: _CONFIRM of the next _CONFIRM + 1 pairs agree
                # (two edits two words apart, "mitordel [zzx]tor sagor [zzx]ru", do not end a copy)
                skipped += 1
                i, j = i + step, j + step
            else:
                return last

    i0, j0 = extend(anchors[0][0] - 1, anchors[0][1] - 1, -1)
    i1, j1 = extend(anchors[-1][0] + n, anchors[-1][1] + n, 1)
    return _Run(i0, j0, i1 + 1, j1 + 1, shared_a, shared_b, substituted)


def _char_range(t: Tokens, i0: int, i1: int) -> tuple[int, int]:
    start, end = int(t.starts[i0]), int(t.ends[i1 - 1])
    limit = len(t.text)
    while end < limit and t.text[end] in _TRAILING:
        end += 1
    return start, end


def align_pair(a: Tokens, b: Tokens, settings: ReuseSettings) -> list[Alignment]:
    """The passages A and B share, in A's order."""
    n = settings.ngram
    ia, ib = anchors(a, b)
    if not len(ia):
        return []
    # A chain whose anchors cover fewer than half of min_words tokens cannot become a passage
    # (growing past its ends adds only agreeing words, and five of those in a row would have been
    # an anchor), so stock phrases that two articles share are dropped before the costly part.
    hopeful = [c for c in chains(ia, ib, n, settings.max_gap) if _covered(c, n) * 2 >= settings.min_words]
    runs = sorted((_grow(a, b, c, n, settings.edge_ratio) for c in hopeful), key=lambda r: (r.i0, r.j0))
    # Growing can make two chains meet; merge runs that overlap on both sides.
    merged: list[_Run] = []
    for r in runs:
        m = merged[-1] if merged else None
        if m and r.i0 < m.i1 and r.j0 < m.j1 and r.j1 > m.j0:
            m.i1, m.j0, m.j1 = max(m.i1, r.i1), min(m.j0, r.j0), max(m.j1, r.j1)
            m.shared_a |= r.shared_a
            m.shared_b |= r.shared_b
            m.substituted += r.substituted
        else:
            merged.append(r)
    out = []
    for r in merged:
        # Length counts shared words, not the span: two rewrites of one statement can share
        # phrases spread over 40 words while sharing fewer than 25.
        if min(len(r.shared_a), len(r.shared_b)) < settings.min_words:
            continue
        # A copy keeps most words where both sides have text; two rewrites of one statement
        # substitute many (inserted or dropped sentences do not count against either).
        if r.density < settings.min_density:
            continue
        a0, a1 = _char_range(a, r.i0, r.i1)
        b0, b1 = _char_range(b, r.j0, r.j1)
        similarity = Indel.normalized_similarity(a.text[a0:a1].casefold(), b.text[b0:b1].casefold())
        if similarity < settings.min_similarity:
            continue
        out.append(Alignment(a0, a1, b0, b1, r.i1 - r.i0, r.j1 - r.j0, round(similarity, 4)))
    return out


def align_texts(text_a: str, text_b: str, settings: ReuseSettings | None = None) -> list[Alignment]:
    """The passages two texts share (a convenience for notebooks and tests)."""
    settings = settings or ReuseSettings()
    vocabulary = Vocabulary()
    return align_pair(Tokens.of(text_a, vocabulary, settings.ngram),
                      Tokens.of(text_b, vocabulary, settings.ngram), settings)
