"""Claims: one proposition said or repeated across articles, grouped, with its sources counted.

A *unit* is one clause an article asserts (the propositions stage, claims.propositions): a clause
of a statement's content (with its speaker) or of the outlet's own voice, with the words to
compare (`core`), the side doing what it says (`agent`) and whether it denies it (`negated`).
Units become claims in two steps:

1. Units of different articles that are the same copied text (both lie in passages of one
   copied-passage cluster and their texts agree: rapidfuzz partial ratio >= `copy_ratio`, the
   shorter at least 60% of the longer), or that give the same casualty figure (of ten or more from
   anyone, below that from the same source, with a loose check of the words), join first.
2. Then average linkage: each unit's nearest neighbours are found (`_similar_edges`), and the two
   groups with the highest average similarity, every pair of members counted, join while it is at
   least `threshold`. The similarity of two units mixes the cosine of their sentence embeddings
   (all-MiniLM-L6-v2 of the clause as written, weight 1 - `lexical`) with the cosine of their
   cores' TF-IDF vectors (weight `lexical`), whose IDF is this corpus': in coverage of one event
   every sentence names the dam and both capitals, and what sets a proposition apart ("Crimea",
   "mined", "seismic") weighs more. Two groups that both say the same side did it count
   `agent_bonus` closer.
3. What outlets say in their own voice and nobody credits joins the closest claim that credits a
   source when their average similarity is at least `attach` (below `threshold`): an outlet
   restating a source's words as its own is the commonest way attribution gets lost, and the
   member is then stripped there.

4. A claim of denied clauses is linked to the closest claim of plain ones about the same side
   ("Russia was not involved" / "Russia blew up the dam"): a conflict, never one claim.

In every step two groups join only when they stay one proposition (`_Cluster.compatible`): at
most one side doing it ("Russia blew up the dam" and "Ukraine blew up the dam" are two claims,
however close their words), the same polarity (a denial is not the accusation it denies), and no
two members giving different numbers ("four killed" / "seven killed"). Average linkage means a
member is close to the claim as a whole: no chain of neighbours pulls two unrelated clauses into
one claim.

A claim keeps every member's span. Its sources (`_claim`):

- an attributed member counts as the source its speaker's entity counts as (the entities stage:
  a spokesperson as the organisation, "Moscow" as Russia's government, "he" as no one);
- the independent sources are the distinct credited sources; a claim nobody credits counts the
  articles saying it in their own voice, each copied-passage cluster once (copies collapse to
  their origin);
- an own-voice member of a claim that other members credit to a source is *stripped*: the outlet
  presents as its own what others credit to someone, and it does not count as a source.

This module is pure: units in, claims out; stages/claims.py feeds it from the store.
"""
from __future__ import annotations

import hashlib
import heapq
import math
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
    source_name: str | None = None    # the display name of the source source_key is
    core: str | None = None           # the words compared (propositions.core); None: the text
    neutral: str | None = None        # what the embedding reads (propositions.neutral); None: the text
    agent: str | None = None          # the side doing what it says (a country code), when it says
    negated: bool = False             # it denies its verb

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
    sourcing: dict[str, Any] = field(default_factory=dict)  # why n_independent is what it is (see _claim)
    opposes: list[str] = field(default_factory=list)  # claims this one denies (see group, step 4)


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


LEXICAL_DIMENSIONS = 512


def _stems(text: str) -> list[str]:
    """Content words cut to their first six letters: "destroyed", "destroying" and "destruction"
    are one word for this purpose, and cheaply so."""
    return [w[:6] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOPWORDS and len(w) > 2]


def _lexical(texts: Sequence[str], out: np.ndarray | None = None, scale: float = 1.0) -> np.ndarray:
    """TF-IDF vectors of the texts' content words, with the IDF of these texts, hashed into
    LEXICAL_DIMENSIONS signed buckets (a dot product is their cosine, give or take collisions),
    scaled to length `scale`, written into `out` when given (rows of a larger array).

    Why: in coverage of one event every sentence speaks of the dam, Kyiv and Moscow; sentence
    embeddings see those shared words and put unrelated propositions close. The corpus' own word
    frequencies weigh what sets a proposition apart ("Crimea", "mined", "seismic") above what every
    article says."""
    docs = [_stems(t) for t in texts]
    df: dict[str, int] = {}
    for words in docs:
        for w in set(words):
            df[w] = df.get(w, 0) + 1
    n = len(texts)
    if out is None:
        out = np.zeros((n, LEXICAL_DIMENSIONS), dtype=np.float32)
    else:
        out[:] = 0.0
    weight: dict[str, tuple[int, float]] = {}
    for w, d in df.items():
        h = int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "little")
        weight[w] = (h % LEXICAL_DIMENSIONS, (1.0 if (h >> 32) & 1 else -1.0) * math.log(1.0 + n / (1.0 + d)))
    for i, words in enumerate(docs):
        counts: dict[str, int] = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
        row = out[i]
        for w, c in counts.items():
            k, idf = weight[w]
            row[k] += (1.0 + math.log(c)) * idf
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    out *= scale / np.maximum(norms, 1e-12)
    return out


class _Cluster:
    """A claim being built: its members, the sum of their vectors (the average similarity of two
    clusters is the dot product of their sums over the product of their sizes: average linkage,
    computed exactly), and what no other member may contradict."""
    __slots__ = ("members", "total", "agents", "negated", "numbers", "version")

    def __init__(self, i: int, vector: np.ndarray, unit: Unit, numbers: frozenset[str]):
        self.members = [i]
        self.total = vector  # a view of the unit's row until the cluster grows (then its own copy)
        self.agents = {unit.agent} if unit.agent else set()
        self.negated = {bool(unit.negated)}
        self.numbers = {numbers} if numbers else set()
        self.version = 0

    def compatible(self, other: "_Cluster") -> bool:
        """One proposition: one side doing it, said one way (not denied by some and asserted by
        others), and no two members giving different numbers ("four killed" / "seven killed")."""
        if len(self.agents | other.agents) > 1 or self.negated != other.negated:
            return False
        return all(a <= b or b <= a for a in self.numbers for b in other.numbers)

    def absorb(self, other: "_Cluster") -> None:
        if len(self.members) == 1:
            self.total = self.total.astype(np.float64)
        self.members += other.members
        self.total += other.total
        self.agents |= other.agents
        self.numbers |= other.numbers
        self.version += 1


def group(units: Sequence[Unit], embed: Callable[[list[str]], np.ndarray] | None, threshold: float = 0.5,
          copy_ratio: float = 90.0, lexical: float = 0.4, figure_similarity: float = 0.45,
          neighbours: int = NEIGHBOURS, agent_bonus: float = 0.15, attach: float | None = 0.4) -> list[Claim]:
    """Claims from units, in a stable order (most articles first, then first seen, then id).

    Average linkage over each unit's nearest neighbours: two groups join when the average
    similarity of their members, every pair counted, is at least `threshold`, closest first, and
    when they stay one proposition (`_Cluster.compatible`). Similarity mixes the sentence embeddings
    of the units' cores (weight 1 - `lexical`) with the cosine of their corpus-weighted words
    (`lexical`). Copies of one text and the same casualty figure join first, whatever the words,
    under the same proposition checks. No chain of neighbours can pull two unrelated members into
    one claim: every member is close to the claim as a whole."""
    n = len(units)
    if n == 0:
        return []
    # The embedding reads the clause as written (measured: it places paraphrases closer than the
    # stripped core does), with every side and person named alike; the words compared are the
    # core's. Who did it is the agent, not a word.
    texts = [u.core or u.text for u in units]
    numbers = [_numbers(t) for t in texts]
    if embed is not None:
        # one array, filled in place: at 10,000 articles it is the largest thing the stage holds
        vectors = np.asarray(embed([u.neutral or u.text for u in units]), dtype=np.float32)
        width = vectors.shape[1]
        mixed = np.empty((n, width + LEXICAL_DIMENSIONS), dtype=np.float32)
        np.multiply(vectors, np.float32(math.sqrt(1.0 - lexical)), out=mixed[:, :width])
        del vectors
        _lexical(texts, out=mixed[:, width:], scale=math.sqrt(lexical))
        embedded = mixed[:, :width]  # the embeddings, scaled by sqrt(1 - lexical)
    else:  # no embedder: words alone
        embedded = None
        mixed = _lexical(texts)
    clusters = {i: _Cluster(i, mixed[i], units[i], numbers[i]) for i in range(n)}
    owner = list(range(n))
    why: dict[int, set[str]] = {}

    def find(i: int) -> int:
        while owner[i] != i:
            owner[i] = owner[owner[i]]
            i = owner[i]
        return i

    def merge(a: int, b: int) -> int:
        keep, gone = min(a, b), max(a, b)  # the smaller index is the root: order-independent ids
        clusters[keep].absorb(clusters.pop(gone))
        owner[gone] = keep
        return keep

    # 1. The same text copied, and the same casualty figure, join first (see the module doc).
    forced = [(i, j, "copied text") for i, j in _copy_edges(units, copy_ratio)]
    for i, j in _figure_edges(units):
        if embedded is None or float(embedded[i] @ embedded[j]) >= figure_similarity * (1.0 - lexical):
            forced.append((i, j, "same figure"))
    for i, j, reason in sorted(forced):
        a, b = find(i), find(j)
        if a != b and clusters[a].compatible(clusters[b]):
            merge(a, b)
            why.setdefault(i, set()).add(reason)
            why.setdefault(j, set()).add(reason)

    # 2. Average linkage over the neighbour graph, closest pair of groups first.
    adjacency: dict[int, set[int]] = {}
    # pairs that could reach the threshold: with the agent bonus, from that much lower
    for i, j in _similar_edges(mixed, units, threshold - agent_bonus, neighbours):
        a, b = find(i), find(j)
        if a != b:
            adjacency.setdefault(a, set()).add(b)
            adjacency.setdefault(b, set()).add(a)

    def score(a: int, b: int) -> float:
        ca, cb = clusters[a], clusters[b]
        s_ = float(ca.total @ cb.total) / (len(ca.members) * len(cb.members))
        if agent_bonus and ca.agents and ca.agents == cb.agents:
            s_ += agent_bonus  # both say the same side did it
        return s_

    # the first scores all at once for pairs of single units (most of them: a unit's sum is its
    # row); pairs with a group that copies or a figure already made are scored one by one
    pairs = np.array(sorted((a, b) for a in adjacency for b in adjacency[a] if a < b), dtype=np.int64).reshape(-1, 2)
    single = np.array([len(clusters[a].members) == 1 and len(clusters[b].members) == 1
                       for a, b in pairs.tolist()], dtype=bool)
    scores = np.empty(len(pairs), dtype=np.float64)
    for k in range(0, len(pairs), 8192):
        chunk = pairs[k:k + 8192]
        mask = single[k:k + 8192]
        rows = chunk[mask]
        part = np.einsum("ij,ij->i", mixed[rows[:, 0]], mixed[rows[:, 1]], dtype=np.float64)
        out = scores[k:k + 8192]
        out[mask] = part
        for x in np.flatnonzero(~mask).tolist():
            out[x] = float(clusters[int(chunk[x, 0])].total @ clusters[int(chunk[x, 1])].total) / (
                len(clusters[int(chunk[x, 0])].members) * len(clusters[int(chunk[x, 1])].members))
    heap = []
    for (a, b), s_ in zip(pairs.tolist(), scores.tolist()):
        if agent_bonus and clusters[a].agents and clusters[a].agents == clusters[b].agents:
            s_ += agent_bonus
        if s_ >= threshold:
            heap.append((-s_, a, b, clusters[a].version, clusters[b].version))
    heapq.heapify(heap)
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if a not in clusters or b not in clusters or clusters[a].version != va or clusters[b].version != vb:
            continue  # one of them has changed since: its pairs were pushed anew
        if not clusters[a].compatible(clusters[b]):
            continue
        keep = merge(a, b)
        gone = b if keep == a else a
        for i in clusters[keep].members:
            why.setdefault(i, set()).add("same content in other words")
        near = (adjacency.pop(a, set()) | adjacency.pop(b, set())) - {a, b}
        adjacency[keep] = near
        for x in sorted(near):
            if x not in clusters:
                continue
            adjacency.setdefault(x, set()).discard(gone)
            adjacency[x].add(keep)
            s_ = score(keep, x)
            if s_ >= threshold:
                lo, hi = min(keep, x), max(keep, x)
                heapq.heappush(heap, (-s_, lo, hi, clusters[lo].version, clusters[hi].version))
    if attach is not None and attach < threshold:
        # 3. What outlets say in their own voice and no one credits often restates what a source
        # is credited with elsewhere: such a group joins the closest claim that credits a source
        # when their average similarity is at least `attach` (and it stays one proposition), and
        # its members are then stripped there.
        credited = [k for k, c in clusters.items() if any(units[i].attributed for i in c.members)]
        if credited:
            totals = np.array([clusters[k].total / len(clusters[k].members) for k in credited])
            for k in sorted(clusters):
                c = clusters.get(k)
                if c is None or any(units[i].attributed for i in c.members):
                    continue
                sims = totals @ (c.total / len(c.members))
                for x in np.argsort(-sims, kind="stable")[:5]:
                    target = credited[int(x)]
                    if sims[x] < attach:
                        break
                    if target in clusters and clusters[target].compatible(c):
                        clusters[target].absorb(clusters.pop(k))
                        for i in clusters[target].members:
                            why.setdefault(i, set()).add("same content in other words")
                        break
    def central(c: _Cluster) -> Unit:
        """The member closest to the claim as a whole, among those that read as a sentence (six
        words or more) when there are any: a reader sees it as the claim's text."""
        full = [i for i in c.members if len(units[i].text.split()) >= 6] or c.members
        scores = mixed[full] @ c.total.astype(np.float32)
        return units[full[int(np.argmax(scores))]]

    keys = list(clusters)
    claims = [_claim([units[i] for i in clusters[k].members],
                     set().union(*(why.get(i, set()) for i in clusters[k].members)), central(clusters[k]))
              for k in keys]
    # 4. A denial and what it denies are two claims, linked: each claim of denied clauses said in
    # two articles or more, and the closest claim of plain ones said of the same side, when their
    # average similarity is at least `threshold`.
    shared = [x for x, k in enumerate(keys) if claims[x].articles > 1]
    denials = [x for x in shared if True in clusters[keys[x]].negated]
    plain = [x for x in shared if True not in clusters[keys[x]].negated]
    if denials and plain:
        centres = np.array([clusters[keys[x]].total / len(clusters[keys[x]].members) for x in plain], dtype=np.float32)
        for x in denials:
            c = clusters[keys[x]]
            sims = centres @ (c.total / len(c.members)).astype(np.float32)
            for y in np.argsort(-sims, kind="stable")[:5].tolist():
                other = clusters[keys[plain[y]]]
                if sims[y] < threshold:
                    break
                if not c.agents or not other.agents or c.agents == other.agents:
                    claims[x].opposes.append(claims[plain[y]].claim_id)
                    break
    claims.sort(key=lambda c: (-c.articles, str(c.first_seen), c.claim_id))
    return claims


def _claim(members: list[Unit], why: set[str], central: Unit | None = None) -> Claim:
    """A claim from its members, with its sources counted and the reasons written down.

    `sourcing` says why the count is what it is: `rule` ('credited': the distinct credited
    sources; 'own voice': nobody is credited, so the articles saying it, copies once), each source
    with the articles crediting it, who they name for it and how many only copy another's text,
    the members whose speaker is unresolved (counted as no source), and the articles that only
    repeat the claim in their own voice (stripped where a source is credited)."""
    members = sorted(members, key=lambda u: (str(u.published), u.doc_id, u.start))
    ids = sorted(f"{u.doc_id}:{u.start}:{u.end}" for u in members)
    claim_id = hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]
    attributed = [u for u in members if u.attributed]
    unresolved = [u for u in members if not u.attributed and u.speaker]
    own = [u for u in members if not u.attributed and not u.speaker]
    counted = collapse(u.source_key for u in attributed)
    credited = [u for u in attributed if u.source_key in counted]
    names = {u.source_key: u.source_name or u.source_key for u in credited}
    sources = sorted({names[k] for k in counted})
    entries = []
    for k in sorted(counted, key=lambda k: (names[k], k)):
        mine = [u for u in credited if u.source_key == k]
        docs = sorted({u.doc_id for u in mine})
        # articles that only repeat another's credit: their text is copied from an earlier article
        # crediting the same source
        first: dict[str, str] = {}
        copies = set()
        for u in mine:  # in order of publication
            if any(first.setdefault(c, u.doc_id) != u.doc_id for c in sorted(u.clusters)):
                copies.add(u.doc_id)
        copies -= {u.doc_id for u in mine if not u.clusters}
        entries.append({"id": k, "name": names[k], "articles": len(docs), "docs": docs,
                        "named_as": sorted({u.speaker for u in mine if u.speaker}), "copies": sorted(copies)})
    if counted:
        independent = len(counted)
        rule = "credited"
        origins: dict[str, list[str]] = {}
    else:
        # Nobody is credited (or only speakers the articles never resolve): each article saying
        # it is a source, copies once.
        origins = {}
        for u in members:
            origins.setdefault(min(u.clusters) if u.clusters else u.doc_id, []).append(u.doc_id)
        independent = len(origins)
        rule = "own voice"
    attributed_docs = {u.doc_id for u in attributed + unresolved}
    attributed_clusters = set().union(*(u.clusters for u in attributed)) if attributed else set()
    stripped = [{"doc_id": u.doc_id, "start": u.start, "end": u.end, "outlet": u.outlet,
                 "copied": bool(u.clusters), "copied_from_source": bool(u.clusters & attributed_clusters),
                 "sources": sources}
                for u in own if counted and u.doc_id not in attributed_docs]
    sourcing = {
        "rule": rule,
        "sources": entries,
        "unresolved": [{"doc_id": u.doc_id, "start": u.start, "speaker": u.speaker} for u in unresolved],
        "own_voice": sorted({u.doc_id for u in own}),
        "stripped": sorted({s["doc_id"] for s in stripped}),
        "origins": [{"origin": o, "docs": sorted(set(d))} for o, d in sorted(origins.items())],
    }
    # the claim's text: its most central member (closest to the claim as a whole), else the
    # earliest credited one
    representative = central if central is not None else (credited or members)[0]
    return Claim(claim_id, members, representative.text, len({u.doc_id for u in members}),
                 len({u.outlet or u.doc_id for u in members}), independent, sources,
                 members[0].published, stripped, sorted(why), sourcing)
