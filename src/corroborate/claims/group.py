"""Claims: the same content said or repeated across articles, grouped, with its sources counted.

A *unit* is one thing an article says, cut to a sentence (`sentences`): a statement's content
(with its speaker) or a piece of the outlet's own voice (an assertion). A sentence that joins two
statements ("only military targets are hit, while civilians are not targeted") is cut into its
clauses, each matched on its own; its clauses then keep the claims they match together. Units of
different articles are joined when

- they are the same copied text: both lie in passages of one copied-passage cluster and their
  texts agree (rapidfuzz partial ratio >= `copy_ratio`, the shorter at least 60% of the longer),
  however they are attributed;
- they give the same casualty figure (the facts stage's figures in the sentence; a sentence that
  gives others' figures besides is not joined): of ten or more from anyone, below that from the
  same source, with a loose check of the words (cosine >= `figure_similarity`);
- they say the same in other words: their sentence embeddings (claims.embed) have cosine >=
  `similarity`, or >= `related` when they share at least 60% of the shorter one's content words.
  Sentences giving different numbers never join this way ("four killed" / "seven killed" are
  two claims, and a conflict); two groups join only when their centroids are as close as the
  pair had to be, so chains of near neighbours do not pull unrelated content together.

Joined units form a claim (union-find). A claim keeps every member's span. Its sources:

- an attributed member's source is its speaker's organisation when the speaker speaks for one
  (a spokesperson and "the ministry said" are one source), else the speaker (claims.sources);
- the independent sources are the distinct attributed sources; a claim nobody attributes counts
  the articles saying it in their own voice, each copied-passage cluster once (copies collapse to
  their origin);
- an own-voice member of a claim that other members attribute to a source is *stripped*: the
  outlet presents as its own what others credit to someone, and it does not count as a source.

This module is pure: units in, claims out; stages/claims.py feeds it from the store.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np
from rapidfuzz import fuzz

from .neighbours import nearest
from .sources import collapse, same_source


@dataclass
class Unit:
    doc_id: str
    start: int
    end: int
    text: str
    outlet: str | None = None
    published: Any = None
    speaker: str | None = None        # None: the outlet's own voice
    source_key: str | None = None     # who the content is attributed to, normalised (see module doc)
    clusters: frozenset[str] = frozenset()  # copied-passage clusters the unit lies in
    figures: frozenset[tuple[str, float]] = frozenset()  # (category, value) of its casualty figures
    sentence: tuple[str, int] | None = None  # the sentence a clause was cut from: its clauses stay together

    @property
    def attributed(self) -> bool:
        return self.source_key is not None


@dataclass
class Claim:
    claim_id: str
    members: list[Unit]
    text: str
    articles: int
    outlets: int
    independent: int
    sources: list[str]
    first_seen: Any
    stripped_in: list[dict[str, Any]] = field(default_factory=list)
    why: list[str] = field(default_factory=list)


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        # the smaller index is the root, so the grouping does not depend on join order
        self.parent[max(ra, rb)] = min(ra, rb)
        return True


def _pairs_sharing(units: Sequence[Unit], keys_of: Callable[[Unit], Iterable[Any]]) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) of units of different articles that share a key, each pair once, in order.

    Pairs are made in numpy and handed out a slice at a time: at 10,000 articles a common figure
    ("8 killed") is shared by a thousand units, and ten million pairs held as Python tuples in a
    set took more memory than the whole stage may."""
    by_key: dict[Any, list[int]] = {}
    for i, u in enumerate(units):
        for k in keys_of(u):
            by_key.setdefault(k, []).append(i)
    n = len(units)
    doc = np.unique(np.array([u.doc_id for u in units], dtype=object).astype(str), return_inverse=True)[1] \
        if n else np.zeros(0, dtype=np.int64)
    codes = []
    for members in by_key.values():
        if len(members) < 2:
            continue
        m = np.array(members, dtype=np.int64)  # ascending: units are numbered in order
        a, b = np.triu_indices(len(m), 1)
        a, b = m[a], m[b]
        keep = doc[a] != doc[b]
        codes.append(a[keep] * n + b[keep])
    if not codes:
        return
    pairs = np.sort(np.concatenate(codes))
    if not len(pairs):
        return
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]  # each once (np.unique hashes, slower)
    for s in range(0, len(pairs), 1 << 16):
        chunk = pairs[s:s + (1 << 16)]
        yield from zip((chunk // n).tolist(), (chunk % n).tolist())


def _copy_edges(units: Sequence[Unit], copy_ratio: float) -> list[tuple[int, int]]:
    """Pairs of units of different articles that share a copied-passage cluster and agree in text."""
    edges = []
    lower = [u.text.lower() for u in units]
    agree: dict[tuple[str, str], bool] = {}  # a cluster pairs the same sentences many times over
    for i, j in _pairs_sharing(units, lambda u: u.clusters):
        short, long_ = sorted((lower[i], lower[j]), key=len)
        # a copy with edits, or one cut shorter, not a headline that shares a phrase
        if len(short) < 0.6 * len(long_):
            continue
        same = agree.get((short, long_))
        if same is None:
            same = agree[short, long_] = fuzz.partial_ratio(short, long_, score_cutoff=copy_ratio) >= copy_ratio
        if same:
            edges.append((i, j))
    return edges


def _figure_edges(units: Sequence[Unit]) -> list[tuple[int, int]]:
    """Units of different articles giving the same casualty figure ("at least a dozen dead"): of
    ten or more from anyone, a smaller one from the same source. The same claim however it is
    worded, which embeddings of such short, differently built sentences often miss."""
    edges = []
    for i, j in _pairs_sharing(units, lambda u: u.figures):
        a, b = units[i], units[j]
        small, large = sorted((a.figures, b.figures), key=len)
        if not small <= large or len(large - small) > 1:
            continue  # a sentence giving two others' figures holds several claims
        if max(v for _, v in a.figures & b.figures) >= 10:
            # a figure unlikely to recur by chance in another incident: the same claim, whoever
            # gives it (two sources giving it corroborate it)
            edges.append((i, j))
        elif a.source_key and b.source_key and same_source(a.source_key, b.source_key):
            edges.append((i, j))
    return edges


NEIGHBOURS = 50


def _similar_edges(vectors: np.ndarray, units: Sequence[Unit], similarity: float,
                   neighbours: int = NEIGHBOURS) -> list[tuple[int, int]]:
    """Pairs (i < j) of units of different articles whose embeddings have cosine >= similarity:
    each unit's `neighbours` closest such units, which in a corpus of ordinary size is all of them.

    Why bounded: a statement that hundreds of articles repeat makes every two of them a pair, so
    pairs grow with the square of the repetitions (tens of millions at 10,000 articles, more memory
    than a laptop has), while a few dozen nearest neighbours per unit already join them all. The
    search (claims.neighbours) runs once per distinct text, exactly in a corpus of ordinary size
    and with an index in a large one."""
    if not len(units):
        return []
    # copies of a sentence share one vector (claims.vectors): one query for all of them
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    row_of: dict[bytes, int] = {}
    of = np.array([row_of.setdefault(v.tobytes(), len(row_of)) for v in vectors], dtype=np.int64)
    first = np.unique(of, return_index=True)[1]  # each vector's first unit
    found = nearest(vectors[first], np.array([u.doc_id for u in units], dtype=object).astype(str),
                    neighbours, similarity, of=of)
    i, j, _ = found.pairs()
    return list(zip(i.tolist(), j.tolist()))


# A sentence ends at . ! ? (and a closing quote) before a capital, but not after an abbreviation
# or an initial ("School No. 2", "Dr. Orlis", "J. Smith").
_SENTENCE_END = re.compile(r"(?<!\bNo\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bSt\.)(?<!\bGen\.)(?<!\bCol\.)"
                           r"(?<!\b[A-Z]\.)(?<=[.!?])[”\"»]?\s+(?=[A-Z0-9“\"«])")


def sentences(unit: Unit, min_words: int = 4) -> list[Unit]:
    """A unit cut into its sentences (offsets kept), so that a long quote whose one sentence an
    outlet repeats joins that repetition; pieces shorter than min_words stay with the one before."""
    pieces, start = [], 0
    for m in _SENTENCE_END.finditer(unit.text):
        pieces.append((start, m.start() + (1 if unit.text[m.start()] in "”\"»" else 0)))
        start = m.end()
    pieces.append((start, len(unit.text)))
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        if merged and len(unit.text[merged[-1][0]:merged[-1][1]].split()) < min_words:
            merged[-1] = (merged[-1][0], b)
        elif merged and len(unit.text[a:b].split()) < min_words:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    out = []
    for a, b in merged:
        # A sentence that joins two statements ("only military targets are hit, while civilians
        # are not targeted") is matched clause by clause, each clause against the sentences that
        # say only that part; its clauses then keep the claims they match together.
        cuts = [a] + [a + m.end() for m in _CLAUSE_BREAK.finditer(unit.text[a:b])
                      if len(unit.text[a:a + m.start()].split()) >= min_words
                      and len(unit.text[a + m.end():b].split()) >= min_words] + [b]
        for c0, c1 in zip(cuts, cuts[1:]):
            text = unit.text[c0:c1]
            lead = len(text) - len(text.lstrip())
            text = text.strip().rstrip(",;")
            if text:
                start = unit.start + c0 + lead
                out.append(Unit(unit.doc_id, start, start + len(text), text, unit.outlet, unit.published,
                                unit.speaker, unit.source_key, unit.clusters,
                                sentence=(unit.doc_id, unit.start + a) if len(cuts) > 2 else None))
    return out


_CLAUSE_BREAK = re.compile(r"(?:,\s+(?:while|whereas|but)\s+|;\s+)")


_STOPWORDS = frozenset("""a an the and or but of to in on at by for from with as is are was were be been being
has have had do does did will would shall should can could may might must that this these those it its
their them they he she his her we our you your i not no nor than then there here which who whom whose
what when where while after before during about over under into out up down also said says say
according very more most such only all any some each other""".split())


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w.rstrip("s") for w in re.findall(r"[a-z0-9]+", text.lower())
                     if w not in _STOPWORDS and len(w) > 2)


_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12",
                 "fourteen": "14", "fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40",
                 "fifty": "50", "hundred": "100", "thousand": "1000"}


def _numbers(text: str) -> frozenset[str]:
    """The numbers a sentence gives, digits and words alike ("four" = "4")."""
    out = set()
    for w in re.findall(r"\d[\d,.]*\d|\d|[a-z]+", text.lower()):
        if w[0].isdigit():
            out.add(w.replace(",", ""))
        elif w in _NUMBER_WORDS:
            out.add(_NUMBER_WORDS[w])
    return frozenset(out)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the shorter sentence's content words that the other has too."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def group(units: Sequence[Unit], embed: Callable[[list[str]], np.ndarray] | None, similarity: float = 0.8,
          copy_ratio: float = 90.0, related: float = 0.65, figure_similarity: float = 0.45) -> list[Claim]:
    """Claims from units, in a stable order (most articles first, then first seen, then id)."""
    n = len(units)
    union = _Union(n)
    why: dict[int, set[str]] = {}
    for i, j in _copy_edges(units, copy_ratio):
        union.join(i, j)
        why.setdefault(i, set()).add("copied text")
        why.setdefault(j, set()).add("copied text")
    vectors = embed([u.text for u in units]) if embed is not None and n else None
    for i, j in _figure_edges(units):
        # the same figure, in sentences about the same thing (not "10 killed" in two different
        # incidents): a loose check of the words, the figure does the rest
        if vectors is not None and float(vectors[i] @ vectors[j]) < figure_similarity:
            continue
        union.join(i, j)
        why.setdefault(i, set()).add("same figure")
        why.setdefault(j, set()).add("same figure")
    if vectors is not None:
        # Closest pairs first; two groups join only when their centroids are as close as the
        # threshold asks of a pair, so a chain of near neighbours (A~B, B~C) cannot pull
        # unrelated content (A, C) into one claim.
        sums: dict[int, np.ndarray] = {}
        for i in range(n):  # groups that copies already joined start from their members' sum
            r = union.find(i)
            sums[r] = sums.get(r, 0) + vectors[i].astype(np.float64)
        # A pair below the threshold still joins, down to `related`, when the two sentences share
        # most of their content words: the same statement cut differently ("civilians are not
        # targets, only military targets are hit" / "only military targets are hit") embeds
        # further apart than its words are.
        floor = min(related, similarity)
        words = [_content_words(u.text) for u in units]
        edges = []
        numbers = [_numbers(u.text) for u in units]
        for i, j in _similar_edges(vectors, units, floor):
            if numbers[i] and numbers[j] and not (numbers[i] <= numbers[j] or numbers[j] <= numbers[i]):
                continue  # "four killed" and "seven killed" are two claims (and a conflict), not one
            cos = float(vectors[i] @ vectors[j])
            need = similarity if cos >= similarity else None
            if need is None and len(words[i] & words[j]) >= 3 and _overlap(words[i], words[j]) >= 0.6:
                need = floor
            if need is not None:
                edges.append((cos, i, j, need))
        edges.sort(key=lambda e: (-e[0], e[1], e[2]))
        for _, i, j, need in edges:
            ri, rj = union.find(i), union.find(j)
            if ri == rj:
                continue
            a, b = sums[ri], sums[rj]
            if float(a @ b) / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-12) < need:
                continue
            union.join(i, j)
            root = union.find(i)
            sums[root] = a + b
            why.setdefault(i, set()).add("same content in other words")
            why.setdefault(j, set()).add("same content in other words")
    first_clause: dict[tuple[str, int], int] = {}
    for i, u in enumerate(units):
        if u.sentence is not None:
            k = first_clause.setdefault(u.sentence, i)
            if k != i and union.join(k, i):
                why.setdefault(i, set()).add("one sentence")
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(union.find(i), []).append(i)
    claims = [_claim([units[i] for i in members], set().union(*(why.get(i, set()) for i in members)))
              for members in groups.values()]
    claims.sort(key=lambda c: (-c.articles, str(c.first_seen), c.claim_id))
    return claims


def _claim(members: list[Unit], why: set[str]) -> Claim:
    members = sorted(members, key=lambda u: (str(u.published), u.doc_id, u.start))
    ids = sorted(f"{u.doc_id}:{u.start}:{u.end}" for u in members)
    claim_id = hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]
    attributed = [u for u in members if u.attributed]
    sources = collapse(u.source_key for u in attributed)
    if sources:
        independent = len(sources)
    else:
        # Nobody is credited: each article speaking in its own voice is a source, copies once.
        origins: set[str] = set()
        for u in members:
            origins.add(min(u.clusters) if u.clusters else u.doc_id)
        independent = len(origins)
    attributed_docs = {u.doc_id for u in attributed}
    attributed_clusters = set().union(*(u.clusters for u in attributed)) if attributed else set()
    stripped = [{"doc_id": u.doc_id, "start": u.start, "end": u.end, "outlet": u.outlet,
                 "copied": bool(u.clusters), "copied_from_source": bool(u.clusters & attributed_clusters),
                 "sources": sources}
                for u in members if not u.attributed and sources and u.doc_id not in attributed_docs]
    representative = (attributed or members)[0]
    return Claim(claim_id, members, representative.text, len({u.doc_id for u in members}),
                 len({u.outlet or u.doc_id for u in members}), independent, sources,
                 members[0].published, stripped, sorted(why))
