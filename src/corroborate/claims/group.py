"""Claims: one proposition said or repeated across articles, grouped, with its sources counted.

A *unit* is one clause an article asserts (the propositions stage, claims.propositions): a clause
of a statement's content (with its speaker) or of the outlet's own voice, with the words to
compare (`core`), the side doing what it says (`agent`) and whether it denies it (`negated`).
Units become claims in two steps:

1. Units of different articles that are the same copied text (both lie in passages of one
   copied-passage cluster and their texts agree: rapidfuzz partial ratio >= `copy_ratio`, the
   shorter at least 60% of the longer), or that give the same casualty figure or area ("600 sq km"
   and "about six hundred square kilometres"; of ten or more from anyone, below that from the same
   source, with a loose check of the words), join first.
2. Then average linkage: each unit's nearest neighbours are found (`_similar_pairs`), and the two
   groups with the highest average similarity, every pair of members counted, join while it is at
   least `threshold`. The similarity of two units mixes the cosine of their sentence embeddings
   (all-MiniLM-L6-v2 of the clause as written, weight 1 - `lexical`) with the cosine of their
   cores' TF-IDF vectors (weight `lexical`), whose IDF is this corpus': in coverage of one event
   every sentence names the dam and both capitals, and what sets a proposition apart ("Crimea",
   "mined", "seismic") weighs more. Two groups that both say the same side did it count
   `agent_bonus` closer, and two that credit one source (the same entity, not an unnamed
   "officials") `source_bonus` closer: a source's statement reaches each outlet in other words,
   and its own repetitions are the commonest paraphrases of one proposition. Clauses that put
   a harm on one side (Unit.harm: "the Kremlin blamed Ukraine", "sabotage by the Ukrainian side",
   "Kyiv blew up the dam") are up to `harm_bonus` closer, as much as what they say was harmed
   agrees (`_harm_columns`): columns of the vectors, so it is averaged over the claim like the
   words are.
3. What outlets say in their own voice and nobody credits joins the closest claim that credits a
   source when their average similarity is at least `attach` (below `threshold`): an outlet
   restating a source's words as its own is the commonest way attribution gets lost, and the
   member is then stripped there. It restates a harm or a casualty figure only where the claim
   gives it (`_restates`: "killed a passenger in North Carolina" restates no call to stay
   vigilant; read on a hurricane's coverage, and on ../shared/kakhovka stripped attribution
   0.750 -> 0.778, claims 0.741 -> 0.745).

4. A claim of denied clauses is linked to the closest claim of plain ones about the same side
   ("Russia was not involved" / "Russia blew up the dam"): a conflict, never one claim.

5. Units of other languages (articles the English model cannot read) join last, without moving
   the English claims: copies of one text are one group, and a group joins the claim it is closest
   to in a multilingual embedding by a ratio margin (claims.languages), when no number it gives
   disagrees with the claim's. Such a sentence counts as a source only when its speaker is an
   entity the English articles name too (stages/claims.py; "Антониу Гутерриш" is Antonio
   Guterres); otherwise who it credits is not matched to these sources (`Unit.read` False) and it
   counts as an article saying the claim, never as a source nor as stripped attribution.

In every step two groups join only when they stay one proposition (`_Cluster.compatible`): at
most one side doing it ("Russia blew up the dam" and "Ukraine blew up the dam" are two claims,
however close their words), the same polarity (a denial is not the accusation it denies), and no
two members giving different numbers ("four killed" / "seven killed"). Average linkage means a
member is close to the claim as a whole: no chain of neighbours pulls two unrelated clauses into
one claim.

A claim keeps every member's span. Its sources (`_claim`):

- an attributed member counts as the source its speaker's entity counts as (the entities stage:
  a spokesperson as the organisation, "Moscow" as Russia's government, "he" as no one);
- an unnamed source of a country ("Norwegian scientists") counts as the one named source of that
  country its article credits with the same claim ("the Norwegian Seismic Array"): the article's
  second name for who said it (`_named_in_article`);
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
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np
from rapidfuzz import fuzz

from .languages import MARGIN, anchors, join_claims
from .neighbours import nearest
from .parties import party
from .sources import UNNAMED, collapse, same_source
from ..attribution.countries import country_named
from ..attribution.sources import GOVERNMENT_HEADS


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
    figures: frozenset[tuple[str, float]] = frozenset()  # (category or area unit, value): casualties, areas
    source_name: str | None = None    # the display name of the source source_key is
    core: str | None = None           # the words compared (propositions.core); None: the text
    neutral: str | None = None        # what the embedding reads (propositions.neutral); None: the text
    agent: str | None = None          # the side doing what it says (a country code), when it says
    negated: bool = False             # it denies its verb
    harm: bool = False                # it puts a harm on its agent: did it or is blamed (propositions)
    harmed: str = ""                  # what the harm was done to, lemmas joined by spaces; "" unsaid
    language: str | None = None       # the article's language (None: not known, read as English)
    read: bool = True                 # who speaks in it is known (False: a sentence no parser read)

    @property
    def attributed(self) -> bool:
        return self.source_key is not None

    @property
    def english(self) -> bool:
        """Grouped with the English sentence model (steps 1-4); other languages join in step 5."""
        return self.language in (None, "en")


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


def _pair_codes(units: Sequence[Unit], keys_of: Callable[[Unit], Iterable[Any]]) -> np.ndarray:
    """Pairs (i < j) of units of different articles that share a key, each once, as sorted codes
    i * len(units) + j.

    Pairs are made in numpy: at 10,000 articles a common figure ("8 killed") is shared by a
    thousand units, and ten million pairs held as Python tuples in a set took more memory than the
    whole stage may."""
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
        return np.zeros(0, dtype=np.int64)
    pairs = np.concatenate(codes)
    del codes
    pairs.sort()  # in place: at 10,000 articles there are tens of millions
    if len(pairs):
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]  # each once (np.unique hashes, slower)
    return pairs


def _pairs_sharing(units: Sequence[Unit], keys_of: Callable[[Unit], Iterable[Any]]) -> Iterator[tuple[int, int]]:
    """`_pair_codes` as pairs (i, j), in order, handed out a slice at a time."""
    n = len(units)
    pairs = _pair_codes(units, keys_of)
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


_FIGURE_SLICE = 1 << 20  # pairs of units decided at a time (`_figure_pairs`)


def _figure_pairs(units: Sequence[Unit]) -> np.ndarray:
    """Units of different articles giving the same casualty figure ("at least a dozen dead"): of
    ten or more from anyone, a smaller one from the same source. The same claim however it is
    worded, which embeddings of such short, differently built sentences often miss. Pairs (i < j)
    as sorted codes i * len(units) + j.

    In numpy over the pairs, a slice at a time, deciding once per pair of distinct figure sets
    (there are few) and per pair of sources: at 10,000 articles a common figure is shared by
    thousands of units, and the pairs run to tens of millions."""
    n = len(units)
    codes = _pair_codes(units, lambda u: u.figures)
    if not len(codes):
        return codes
    sets: dict[frozenset, int] = {}
    fid = np.array([sets.setdefault(u.figures, len(sets)) for u in units], dtype=np.int64)
    by_id = list(sets)
    sources: dict[str, int] = {}
    src = np.array([sources.setdefault(u.source_key, len(sources)) if u.source_key else -1 for u in units],
                   dtype=np.int64)
    decided: dict[int, tuple[bool, bool]] = {}  # a pair of figure sets: (same claim, a figure of ten or more)

    def decide(c: int) -> tuple[bool, bool]:
        a, b = by_id[c // len(sets)], by_id[c % len(sets)]
        small, large = sorted((a, b), key=len)
        # a sentence giving two others' figures holds several claims
        return small <= large and len(large - small) <= 1, max(v for _, v in a & b) >= 10

    kept = []
    step = _FIGURE_SLICE
    for s in range(0, len(codes), step):
        chunk = codes[s:s + step]
        i, j = chunk // n, chunk % n
        combo, which = np.unique(fid[i] * len(sets) + fid[j], return_inverse=True)
        for c in combo.tolist():
            if c not in decided:
                decided[c] = decide(c)
        same_claim, large_figure = np.array([decided[c] for c in combo.tolist()], dtype=bool).reshape(-1, 2).T
        # a figure unlikely to recur by chance in another incident: the same claim, whoever gives
        # it (two sources giving it corroborate it); a smaller one only from the same source
        keep = same_claim[which] & (large_figure[which] | ((src[i] >= 0) & (src[i] == src[j])))
        kept.append(chunk[keep])
    return np.concatenate(kept)


NEIGHBOURS = 50


def _similar_pairs(vectors: np.ndarray, units: Sequence[Unit], similarity: float,
                   neighbours: int = NEIGHBOURS, row_of: np.ndarray | None = None,
                   reorder: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Pairs (i < j, two int64 arrays sorted by (i, j)) of units of different articles whose
    embeddings have cosine >= similarity: each unit's `neighbours` closest such units, which in a
    corpus of ordinary size is all of them. Unit i's vector is vectors[row_of[i]] (vectors[i]
    without `row_of`). The third array is None, or with `reorder`, how the search reordered the
    rows of `vectors` in place (claims.neighbours: the row now at each place).

    Why bounded: a statement that hundreds of articles repeat makes every two of them a pair, so
    pairs grow with the square of the repetitions (tens of millions at 10,000 articles, more memory
    than a laptop has), while a few dozen nearest neighbours per unit already join them all. The
    search (claims.neighbours) runs once per distinct text, exactly in a corpus of ordinary size
    and with an index in a large one."""
    if not len(units):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), None
    # copies of a sentence share one vector (claims.vectors): one query for all of them
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    # keyed by a 128-bit digest of the row, not the row's bytes: at 10,000 articles those were
    # half a gigabyte of keys
    seen: dict[bytes, int] = {}
    alike = np.array([seen.setdefault(hashlib.blake2b(v.tobytes(), digest_size=16).digest(), len(seen))
                      for v in vectors], dtype=np.int64)
    del seen
    first = np.unique(alike, return_index=True)[1]  # each distinct vector's first row
    # the distinct vectors read in place (rows=first): the index keeps the one copy it needs
    found = nearest(vectors, np.array([u.doc_id for u in units], dtype=object).astype(str),
                    neighbours, similarity, of=alike if row_of is None else alike[row_of], rows=first,
                    reorder=reorder)
    i, j, _ = found.pairs(cosines=False)
    return i, j, found.moved


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


_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1000000}


def _numbers(text: str) -> frozenset[str]:
    """The numbers a sentence gives, digits and words alike ("four" = "4", "six hundred" = "600");
    not a digit inside a word ("km2", "G7", "CO2")."""
    out: list[str] = []
    last_word = False  # the number before was written in words ("six [hundred]")
    for w in re.findall(r"[a-z0-9][a-z0-9,.]*[a-z0-9]|[a-z0-9]", text.lower()):
        if w[0].isdigit() and re.fullmatch(r"[\d,.]+", w):
            out.append(w.replace(",", ""))
            last_word = False
        elif w in _MULTIPLIERS and last_word:
            out[-1] = str(int(out[-1]) * _MULTIPLIERS[w])
            last_word = False
        elif w in _NUMBER_WORDS:
            out.append(_NUMBER_WORDS[w])
            last_word = True
        else:
            last_word = False
    return frozenset(out)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the shorter sentence's content words that the other has too."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


LEXICAL_DIMENSIONS = 512


def _shared_rows(units: Sequence[Unit], texts: Sequence[str]) -> tuple[np.ndarray, list[int]]:
    """Which units read alike, and so share one row of the vectors: the same clause as written
    (what is embedded), the same words compared (`texts`) and the same harm on the same side
    (`_harm_columns`). Returns each unit's row and each row's first unit, rows in the order of
    their first units."""
    row_at: dict[tuple, int] = {}
    row_of = np.empty(len(units), dtype=np.int64)
    firsts: list[int] = []
    for i, (u, text) in enumerate(zip(units, texts)):
        side = _harm_side(u)
        key = (u.neutral or u.text, text, side, u.harmed if side else "")
        r = row_at.get(key)
        if r is None:
            r = row_at[key] = len(firsts)
            firsts.append(i)
        row_of[i] = r
    return row_of, firsts


def _stems(text: str) -> list[str]:
    """Content words cut to their first six letters: "destroyed" and "destroying" are one word for
    this purpose, and cheaply so ("destruction" is not: "destru"). A Snowball stemmer instead was
    measured on Kakhovka: B-cubed the same, claim F1 0.730 -> 0.724, sources exact 15 -> 13."""
    return [w[:6] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOPWORDS and len(w) > 2]


def _lexical(texts: Sequence[str], out: np.ndarray | None = None, scale: float = 1.0,
             counts: np.ndarray | None = None) -> np.ndarray:
    """TF-IDF vectors of the texts' content words, with the IDF of these texts, hashed into
    LEXICAL_DIMENSIONS signed buckets (a dot product is their cosine, give or take collisions),
    scaled to length `scale`, written into `out` when given (rows of a larger array). With
    `counts`, text k stands for counts[k] texts alike (units sharing a row): the IDF counts each.

    Why: in coverage of one event every sentence speaks of the dam, Kyiv and Moscow; sentence
    embeddings see those shared words and put unrelated propositions close. The corpus' own word
    frequencies weigh what sets a proposition apart ("Crimea", "mined", "seismic") above what every
    article says."""
    docs = [_stems(t) for t in texts]
    times = [1] * len(texts) if counts is None else counts.tolist()
    df: dict[str, int] = {}
    for words, c in zip(docs, times):
        for w in set(words):
            df[w] = df.get(w, 0) + c
    n = sum(times)
    if out is None:
        out = np.zeros((len(texts), LEXICAL_DIMENSIONS), dtype=np.float32)
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


def _harm_side(u: Unit) -> str | None:
    """The one side a unit puts a harm on (Unit.harm), or None (no harm, no side, or two sides
    together: "Moscow and Kyiv traded blame" puts it on neither)."""
    return u.agent if u.harm and u.agent and "+" not in u.agent else None


HARM_DIMENSIONS = 64


def _harm_columns(units: Sequence[Unit], bonus: float, out: np.ndarray, row_of: np.ndarray | None = None) -> None:
    """The harm each unit puts on a side (Unit.harm), as HARM_DIMENSIONS + 1 columns scaled to length
    `sqrt(bonus)`, written into `out`: two units putting a harm on one side, done to the same thing,
    are `bonus` closer, and a group's average over every pair of members counts it as it counts
    their words. With `row_of`, `units` are the first units of the rows of `out` (`_shared_rows`)
    and row_of[i] is the row of the i-th unit of the whole corpus, each of which counts.

    What was harmed (Unit.harmed) is the direction: its words hashed into signed buckets (the last
    column is for a harm of a side none of whose harms says what was harmed).
    A unit that does not say what ("the Kremlin blamed Ukraine", "all responsibility lies with the
    Kyiv regime") is about what the side's other harms were done to, all of them together (their
    sum), so it is closest to the harm most said of that side and nothing else's.

    Why: who did the harm is the proposition of most accusations, and its paraphrases share few
    words ("the Kremlin blamed Ukraine", "deliberate sabotage by the Ukrainian side", "Kyiv blew up
    the dam"); the sentence model puts them far apart. Another harm of the same side ("detonating
    an environmental bomb", "shelled the market") is not pulled in: what it was done to differs."""
    out[:] = 0.0
    if not bonus:
        return
    total: dict[str, np.ndarray] = {}
    unsaid: list[tuple[int, str]] = []
    said: list[str | None] = [None] * len(units)  # the side of each row saying what was harmed
    bucket: dict[str, tuple[int, float]] = {}  # a word's column and sign, hashed once
    for i, u in enumerate(units):
        side = _harm_side(u)
        if side is None:
            continue
        words = u.harmed.split()
        if not words:
            unsaid.append((i, side))
            continue
        said[i] = side
        row = out[i]
        for w in words:
            # the word alone, not the side with it: hashed with the side, words of one side
            # would collide where the other's do not, and the sides would not be treated alike
            # (tests/test_even_handed.py); harms of two sides never join anyway (one side a claim)
            if w not in bucket:
                h = int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "little")
                bucket[w] = (h % HARM_DIMENSIONS, 1.0 if (h >> 32) & 1 else -1.0)
            k, sign = bucket[w]
            row[k] += sign
        norm = float(np.linalg.norm(row))
        if norm:
            row /= norm
        else:
            said[i] = None
    # each side's harms summed unit by unit, in the corpus' order
    for r in (range(len(units)) if row_of is None else row_of.tolist()):
        side = said[r]
        if side is not None:
            total[side] = total[side] + out[r] if side in total else out[r].astype(np.float64)
    for i, side in unsaid:
        centre = total.get(side)
        if centre is None or not np.linalg.norm(centre):
            # the side's harms say of nothing what they were done to: the column of that
            out[i, HARM_DIMENSIONS] = 1.0
        else:
            out[i] = centre / np.linalg.norm(centre)
    out *= np.float32(math.sqrt(bonus))


class _Cluster:
    """A claim being built: its members, the sum of their vectors (the average similarity of two
    clusters is the dot product of their sums over the product of their sizes: average linkage,
    computed exactly), and what no other member may contradict.

    What no member may contradict is kept in frozensets, the empty and the one-polarity ones
    shared: at 10,000 articles there are a quarter of a million single-unit clusters, and four
    sets of their own each took 0.8 kB of the 1.2 kB a cluster held."""
    __slots__ = ("members", "total", "agents", "negated", "numbers", "sources", "version")

    def __init__(self, i: int, vector: np.ndarray, unit: Unit, numbers: frozenset[str]):
        self.members = [i]
        self.total = vector  # a view of the unit's row until the cluster grows (then its own copy)
        self.agents = frozenset((unit.agent,)) if unit.agent else _NONE
        self.sources = frozenset((unit.source_key,)) if _named_source(unit.source_key) else _NONE
        self.negated = _DENIED if unit.negated else _PLAIN
        self.numbers = frozenset((numbers,)) if numbers else _NONE
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
        self.sources |= other.sources
        self.version += 1


def _restates(units: Sequence[Unit], own: list[int], credited: list[int]) -> bool:
    """Whether an own-voice group can restate what a claim credits to a source: it reports a harm
    only where the claim does ("killed a passenger in North Carolina" restates no call to stay
    vigilant), and a casualty figure only one the claim gives ("death toll spikes to at least 14"
    restates no "we expected a large death toll")."""
    if any(units[i].harm for i in own) and not any(units[i].harm for i in credited):
        return False
    figures = frozenset().union(*(units[i].figures for i in own))
    return not figures or bool(figures & frozenset().union(*(units[i].figures for i in credited)))


def _begins_as_a_sentence(text: str) -> bool:
    """Its first letter, after any quote mark or bracket, is a capital (or it begins with a number)."""
    first = next((ch for ch in text if ch.isalnum()), "")
    return first.isupper() or first.isdigit()


_NONE: frozenset = frozenset()
_PLAIN, _DENIED = frozenset((False,)), frozenset((True,))


def _named_source(key: str | None) -> bool:
    """A source that is one entity: not an unnamed one ("officials", "experts"), which two
    articles may both credit and mean different people by."""
    return bool(key) and not key.startswith("unnamed:")


SCORE_DIGITS = 9


def _rounded(scores: np.ndarray) -> np.ndarray:
    """Scores to SCORE_DIGITS decimals. Copies of a sentence share a vector, so many pairs tie
    exactly; how a product is summed (one dot product or a matrix product, one BLAS or another)
    moves a score by a unit in the last place and would decide which tie goes first. Rounded, the
    order is the ids', whatever computed the score."""
    return np.round(scores, SCORE_DIGITS)


def _first(row: np.ndarray, k: int) -> list[int]:
    """Indices of the k highest values of row, highest first, ties by index (a stable argsort's
    first k, without sorting the whole row)."""
    if len(row) <= k:
        return np.argsort(-row, kind="stable").tolist()
    kth = np.partition(row, len(row) - k)[len(row) - k]
    top = np.flatnonzero(row >= kth)
    return top[np.argsort(-row[top], kind="stable")][:k].tolist()


def _best_pairs(lo: np.ndarray, hi: np.ndarray, neg: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each group's best pair among the pairs (lo[p], hi[p]) of scores -neg[p]: the groups in
    every pair, in ascending order, and for each the pair of smallest key (neg, lo, hi).

    A group's best is the better of its best as the lower group and its best as the higher one,
    each found by sorting the pairs once: a sort of twice the pairs (each pair once for each of
    its groups) held five arrays of that length at once, the claims stage's largest moment at
    10,000 articles (millions of pairs)."""
    if not len(lo):
        return lo, lo

    def firsts(node: np.ndarray, among: np.ndarray | None = None) -> np.ndarray:
        """Of the pairs (all, or `among`), the first of each node's in order of (neg, lo, hi)."""
        keys = (hi, lo, neg) if among is None else (hi[among], lo[among], neg[among])
        order = np.lexsort((*keys, node))
        ranked = node[order]
        keep = np.ones(len(order), dtype=bool)
        keep[1:] = ranked[1:] != ranked[:-1]
        return order[keep]

    as_lower, as_higher = firsts(lo), firsts(hi)
    pair = np.concatenate((as_lower, as_higher))
    node = np.concatenate((lo[as_lower], hi[as_higher]))
    best = firsts(node, pair)
    return node[best], pair[best]


class _Linkage:
    """Step 2 of `group`: average linkage over a sparse graph of candidate pairs.

    Exact average linkage restricted to the neighbour graph: the pair of adjacent groups with the
    highest average similarity (their sums' dot product over the product of their sizes, plus the
    agent bonus) joins while it is at least the threshold and they stay one proposition; the
    joined group's neighbours are the union of its parts', rescored.

    Built for 10,000 articles and more (a quarter of a million units, millions of candidate
    pairs), where Python sets and tuples per pair took gigabytes:
    - pairs of groups that can never be one proposition are dropped before anything else: what
      makes two groups incompatible (two sides, two polarities, two numbers) only grows as they
      grow, so such a pair never joins, and neither do any groups holding them;
    - the graph is kept in numpy (CSR); a group's neighbours become an array of its own only once
      it has grown, and ids gone in a merge are read through `root`, not rewritten in every
      neighbour;
    - the first scores are computed in numpy, and each group keeps one entry on the heap (`run`);
    - scores are rounded (`_rounded`), so that ties go by ids whatever summed the products;
    - a unit's row is read as its dense columns (the embedding) and the non-zero entries of the
      others (a dozen words of 512 buckets, the harm): scoring a grown group against every
      neighbour's 961 columns was most of the linkage's time;
    - units that read alike share one row (`row_of`, `_shared_rows`): 134,000 rows for 240,000
      units at 10,000 articles.

    Measured on benchmarks/claims.py's 10,000 generated articles (240,499 units): the grouping
    alone took 257 s (the neighbour search 84 s, this linkage 126 s), where the whole claims stage
    took 762 s and 7.3 GB before; with the sparse reading of rows, the linkage takes 100-110 s
    (135 s before, on its inputs kept, with the same groups). The claims of Kakhovka, the seeds and
    the example corpus are the same. With a row per distinct unit (one per unit before), the
    neighbour index reordering those rows in place (not copying them) and the pairs of step 1 held
    as one sorted array of keys, the claims stage at 10,000 articles peaks at 2.91-2.92 GB (3.46 GB
    before) in 254-261 s (288 s), with the same claims (runs taken in turn). With each group's first
    best pair found without doubling the pairs (`_best_pairs`), the keys of the candidate pairs and
    of the neighbour relations made and sorted in place, and step 3's blocks bounded, it peaks at
    2.30-2.33 GB (2.92 GB before) in 210-213 s (220 s), the same claims (runs taken in turn)."""

    def __init__(self, clusters: dict[int, "_Cluster"], find: Callable[[int], int],
                 merge: Callable[[int, int], int], rows: np.ndarray, threshold: float, agent_bonus: float,
                 source_bonus: float = 0.0, dense: int | None = None, row_of: np.ndarray | None = None):
        """`dense`: how many leading columns of the rows are dense (the embedding); the others
        (words, harm) are mostly zero and are read as sparse rows (all dense when not given).
        `row_of[i]`: the row of unit i (units that read alike share one, `_shared_rows`); row i
        when not given."""
        self.clusters, self.find, self.merge, self.rows = clusters, find, merge, rows
        self.row_of = np.arange(len(rows), dtype=np.int64) if row_of is None else row_of
        self.dense = rows.shape[1] if dense is None else dense
        # the sparse columns as CSR: a unit's row holds a dozen words of 512 buckets, and reading
        # all of them for every neighbour of a large group was most of the linkage's time
        r, c = np.nonzero(rows[:, self.dense:])
        self.sparse_values = rows[:, self.dense:][r, c].astype(np.float64)
        self.sparse_columns = c + self.dense
        count = np.bincount(r, minlength=len(rows))
        start = np.zeros(len(rows), dtype=np.int64)
        np.cumsum(count[:-1], out=start[1:])
        # where each unit's entries start, and how many: its row's
        self.sparse_start, self.sparse_count = start[self.row_of], count[self.row_of]
        del r, c, count, start
        self.threshold, self.agent_bonus, self.source_bonus = threshold, agent_bonus, source_bonus
        # each group's side (a code, -1 for none), polarity, whether it gives numbers, and size, in
        # numpy: what `_Cluster.compatible` and the bonus read, for many pairs at once
        n = len(self.row_of)
        self.sides: dict[str, int] = {}
        self.side = np.full(n, -1, dtype=np.int64)
        self.denied = np.zeros(n, dtype=bool)
        self.counted = np.zeros(n, dtype=bool)
        self.size = np.zeros(n, dtype=np.int64)
        # each group's credited source, as a code: -1 none, -2 several (then its set is read)
        self.source_codes: dict[str, int] = {}
        self.source = np.full(n, -1, dtype=np.int64)
        self.source_sets: dict[int, np.ndarray] = {}
        for k in sorted(clusters, key=lambda k: len(clusters[k].sources) > 1):  # groups of one source first
            self._note(k)

    def _note(self, k: int) -> None:
        c = self.clusters[k]
        if c.agents:
            self.side[k] = self.sides.setdefault(min(c.agents), len(self.sides))
        self.denied[k] = True in c.negated
        self.counted[k] = bool(c.numbers)
        self.size[k] = len(c.members)
        if len(c.sources) == 1:
            self.source[k] = self.source_codes.setdefault(next(iter(c.sources)), len(self.source_codes))
        else:
            self.source[k] = -2 if c.sources else -1
            if c.sources:
                # its sources' codes, for `_bonus_of`: a source no group of one source has (those
                # are noted first, and a merge makes no new one) can be no other group's code
                self.source_sets[k] = np.array([self.source_codes[s] for s in c.sources if s in self.source_codes],
                                               dtype=np.int64)

    def _compatible(self, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """`_Cluster.compatible` of each pair of groups (lo[x], hi[x]): sides and polarity in numpy,
        numbers (few groups give any) one by one."""
        side, denied, counted = self.side, self.denied, self.counted
        ok = ((side[lo] < 0) | (side[hi] < 0) | (side[lo] == side[hi])) & (denied[lo] == denied[hi])
        for x in np.flatnonzero(ok & counted[lo] & counted[hi]).tolist():
            ok[x] = self.clusters[int(lo[x])].compatible(self.clusters[int(hi[x])])
        return ok

    def _bonus(self, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """The bonus of each pair: the agent bonus when both groups say the same side did it, and
        the source bonus when they credit a source in common (one code each compared in numpy;
        a group crediting several, one by one)."""
        bonus = np.where((self.side[lo] >= 0) & (self.side[lo] == self.side[hi]), self.agent_bonus, 0.0)
        if self.source_bonus:
            a, b = self.source[lo], self.source[hi]
            shared = (a >= 0) & (a == b)
            for x in np.flatnonzero(((a == -2) & (b != -1)) | ((b == -2) & (a != -1))).tolist():
                shared[x] = bool(self.clusters[int(lo[x])].sources & self.clusters[int(hi[x])].sources)
            bonus += np.where(shared, self.source_bonus, 0.0)
        return bonus

    def _candidates(self, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The distinct pairs (a < b) of groups that unit pairs (i, j) connect and that could be
        one proposition, sorted."""
        n = len(self.row_of)
        root = np.array([self.find(x) for x in range(n)], dtype=np.int64)
        # each pair of groups as one key, made and sorted in place (millions of pairs at 10,000
        # articles: every temporary array is tens of megabytes)
        hi = root[i]
        other = root[j]
        lo = np.minimum(hi, other)
        np.maximum(hi, other, out=hi)
        del other, root
        keep = lo != hi
        key = lo[keep]
        key *= n
        key += hi[keep]
        del lo, hi, keep
        key.sort()
        first = np.ones(len(key), dtype=bool)
        first[1:] = key[1:] != key[:-1]
        key = key[first]
        del first
        lo, hi = key // n, key % n
        del key
        ok = self._compatible(lo, hi)
        return lo[ok], hi[ok]

    def _sparse_entries(self, units: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The non-zero sparse entries of the units' rows: their places in the CSR arrays, and
        for each the position in `units` of the unit it belongs to."""
        first, count = self.sparse_start[units], self.sparse_count[units]
        at = np.repeat(first - np.cumsum(count) + count, count) + np.arange(int(count.sum()))
        return at, np.repeat(np.arange(len(units)), count)

    def _row_products(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The dot product of rows a[x] and b[x] for each x, in float64: the dense columns of both,
        and the sparse ones of b read against a's row."""
        dense, ra = self.dense, self.row_of[a]
        out = np.einsum("ij,ij->i", self.rows[ra, :dense], self.rows[self.row_of[b], :dense], dtype=np.float64)
        at, pair = self._sparse_entries(b)
        cols = self.sparse_columns[at]
        out += np.bincount(pair, minlength=len(b),
                           weights=self.rows[ra[pair], cols].astype(np.float64) * self.sparse_values[at])
        return out

    def _first_scores(self, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """Average similarity of each pair of groups, with the agent bonus: single units' in numpy
        (most pairs: a unit's sum is its row), the groups copies or figures made one by one."""
        clusters, rows, size = self.clusters, self.rows, self.size
        scores = np.empty(len(lo), dtype=np.float64)
        step = 8192
        for s in range(0, len(lo), step):
            a, b = lo[s:s + step], hi[s:s + step]
            out = scores[s:s + step]
            mask = (size[a] == 1) & (size[b] == 1)
            out[mask] = self._row_products(a[mask], b[mask])
            for x in np.flatnonzero(~mask).tolist():
                ca, cb = clusters[int(a[x])], clusters[int(b[x])]
                out[x] = float(ca.total @ cb.total) / (len(ca.members) * len(cb.members))
        if self.agent_bonus or self.source_bonus:
            scores += self._bonus(lo, hi)
        return _rounded(scores)

    def _bonus_of(self, keep: int, others: np.ndarray) -> np.ndarray:
        """`_bonus` of the pairs (keep, each of others), read from keep's side and source once."""
        side = self.side[keep]
        bonus = np.zeros(len(others), dtype=np.float64)
        if side >= 0 and self.agent_bonus:
            bonus[self.side[others] == side] = self.agent_bonus
        if self.source_bonus:
            a = self.source[keep]
            if a == -1:
                return bonus
            b = self.source[others]
            if a >= 0:
                shared = b == a
            else:  # keep credits several: a single source of another is one of them
                shared = np.isin(b, self.source_sets[keep]) & (b >= 0)
            for x in np.flatnonzero(b == -2).tolist():  # both credit several (or keep one of them)
                shared[x] = bool(self.clusters[keep].sources & self.clusters[int(others[x])].sources)
            bonus[shared] += self.source_bonus
        return bonus

    def _score_many(self, keep: int, others: np.ndarray) -> np.ndarray:
        """Average similarity (with the bonus) of group `keep` with each of `others`."""
        clusters = self.clusters
        ck = clusters[keep]
        size = self.size[others]
        scores = np.empty(len(others), dtype=np.float64)
        # a single unit's sum is its row: its dense columns in one product, its sparse ones summed
        # over their non-zero entries
        one = size == 1
        single = others[one]
        sums = self.rows[self.row_of[single], :self.dense].astype(np.float64) @ ck.total[:self.dense]
        at, unit = self._sparse_entries(single)
        sums += np.bincount(unit, minlength=len(single),
                            weights=self.sparse_values[at] * ck.total[self.sparse_columns[at]])
        scores[one] = sums
        grown = np.flatnonzero(~one)
        if len(grown):
            scores[grown] = np.array([clusters[int(others[k])].total for k in grown.tolist()]) @ ck.total
        scores /= size * len(ck.members)
        if self.agent_bonus or self.source_bonus:
            scores += self._bonus_of(keep, others)
        return _rounded(scores)

    def _best(self, x: int, others: np.ndarray, scores: np.ndarray) -> tuple[float, int, int, int] | None:
        """The heap key (-score, lower id, higher id) and the other group of x's best pair among
        `others` with `scores`, or None when none reaches the threshold."""
        ok = scores >= self.threshold
        if not ok.any():
            return None
        others, scores = others[ok], scores[ok]
        lo, hi = np.minimum(others, x), np.maximum(others, x)
        k = int(np.lexsort((hi, lo, -scores))[0])
        return -float(scores[k]), int(lo[k]), int(hi[k]), int(others[k])

    def run(self, i: np.ndarray, j: np.ndarray, why: dict[int, set[str]]) -> None:
        """Join groups over the unit pairs (i, j), closest first, while the threshold holds.

        Each group keeps one entry on the heap, its best pair (fastcluster's generic algorithm,
        Müllner 2011): one entry per group, not one per pair and rescoring. The heap holds, for
        every pair that could join, an entry of one of its two groups whose key is no worse than
        the pair's: a group's best is computed over all its neighbours when it is formed or
        rescored; when the group it paired with changes, the entry is checked as it comes up and,
        stale, recomputed; a pair with a group that has just been formed is covered by that group's
        own best. So the first valid entry is always the best pair of the whole graph, as if every
        pair were on the heap (a test compares it with looking at every pair on every step)."""
        clusters, threshold = self.clusters, self.threshold
        n = len(self.row_of)
        lo, hi = self._candidates(i, j)
        # the graph, both ways, as CSR
        src, dst = np.concatenate((lo, hi)), np.concatenate((hi, lo))
        order = np.argsort(src, kind="stable")
        targets = dst[order]
        start = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(src, minlength=n), out=start[1:])
        del src, dst, order  # (two arrays of twice the pairs each: gone before the first scores)
        grown: dict[int, np.ndarray] = {}  # neighbours of groups that have grown or been rescored
        # the group each group id now is part of (a chain of ids joined since; shortened as read)
        root = np.arange(n, dtype=np.int64)

        def resolve(ids: np.ndarray) -> np.ndarray:
            r = root[ids]
            while True:
                up = root[r]
                if np.array_equal(up, r):
                    break
                r = up
            root[ids] = r
            return r

        def near(k: int) -> np.ndarray:
            got = grown.get(k)
            return got if got is not None else targets[start[k]:start[k + 1]]

        def neighbours(x: int) -> np.ndarray:
            """x's neighbours now, that can still be one proposition with it (kept for next time)."""
            around = np.sort(resolve(near(x)))  # distinct, sorted (np.unique hashes: slower here)
            around = around[np.concatenate(([True], around[1:] != around[:-1]))] if len(around) else around
            around = around[around != x]
            around = around[self._compatible(np.full(len(around), x), around)]
            grown[x] = around
            return around

        # each group's best pair (key -score, lower id, higher id; the other group and its version)
        # and the stamp of its one valid heap entry
        best_neg = np.full(n, np.inf)
        best_lo = np.zeros(n, dtype=np.int64)
        best_hi = np.zeros(n, dtype=np.int64)
        best_other = np.zeros(n, dtype=np.int64)
        best_version = np.zeros(n, dtype=np.int64)
        stamp = np.zeros(n, dtype=np.int64)
        version = np.zeros(n, dtype=np.int64)
        alive = np.zeros(n, dtype=bool)
        for k, c in clusters.items():
            version[k], alive[k] = c.version, True
        heap: list[tuple[float, int, int, int, int]] = []

        def offer(x: np.ndarray, neg: np.ndarray, lo_: np.ndarray, hi_: np.ndarray, other: np.ndarray) -> None:
            """Make these pairs the best of groups x (a new stamp each, a heap entry each)."""
            stamp[x] += 1
            best_neg[x], best_lo[x], best_hi[x], best_other[x] = neg, lo_, hi_, other
            best_version[x] = version[other]
            for e in zip(neg.tolist(), lo_.tolist(), hi_.tolist(), x.tolist(), stamp[x].tolist()):
                heapq.heappush(heap, e)

        def rebest(x: int, others: np.ndarray, scores: np.ndarray) -> None:
            """x's best pair among others (scored), or none."""
            key = self._best(x, others, scores) if len(others) else None
            if key is None:
                stamp[x] += 1  # its entries on the heap are no longer valid
                best_neg[x] = np.inf
                return
            neg, lo_, hi_, y = key
            offer(np.array([x]), np.array([neg]), np.array([lo_]), np.array([hi_]), np.array([y]))

        # each group's best first pair, from the first scores of every pair
        scores = self._first_scores(lo, hi)
        ok = scores >= threshold
        lo, hi, neg = lo[ok], hi[ok], -scores[ok]
        del scores, ok
        x, pair = _best_pairs(lo, hi, neg)
        stamp[x] = -1
        offer(x, neg[pair], lo[pair], hi[pair], np.where(lo[pair] == x, hi[pair], lo[pair]))
        del lo, hi, neg, x, pair
        heapq.heapify(heap)

        linked: set[int] = set()
        while heap:
            _, a, b, x, st = heapq.heappop(heap)
            if not alive[x] or stamp[x] != st:
                continue  # x has joined another group, or has a newer entry
            y = b if a == x else a
            if not alive[y] or version[y] != best_version[x]:
                # the group x paired with has changed since: x's best anew
                around = neighbours(x)
                rebest(x, around, self._score_many(x, around) if len(around) else around)
                continue
            around = np.concatenate((near(x), near(y)))
            keep = self.merge(x, y)
            gone = y if keep == x else x
            grown.pop(gone, None)
            alive[gone] = False
            root[gone] = keep
            version[keep] = clusters[keep].version
            linked.discard(gone)
            linked.add(keep)
            self._note(keep)
            grown[keep] = around
            others = neighbours(keep)
            scores = self._score_many(keep, others) if len(others) else np.zeros(0)
            rebest(keep, others, scores)
        for k in linked:
            for x in clusters[k].members:
                why.setdefault(x, set()).add("same content in other words")


def group(units: Sequence[Unit], embed: Callable[[list[str]], np.ndarray] | None, threshold: float = 0.5,
          copy_ratio: float = 90.0, lexical: float = 0.4, figure_similarity: float = 0.45,
          neighbours: int = NEIGHBOURS, agent_bonus: float = 0.15, attach: float | None = 0.4,
          across: Callable[[list[str]], np.ndarray] | None = None, margin: float = MARGIN,
          source_bonus: float = 0.0, harm_bonus: float = 0.0) -> list[Claim]:
    """Claims from units, in a stable order (most articles first, then first seen, then id).

    The English units (`Unit.english`) are grouped by `_group` (steps 1-4, `embed` reads their
    texts); then the units of other languages join them (step 5, `_join_languages`: copies of one
    text first, then each group the English claim it is closest to by the ratio margin of the
    multilingual embedding `across`, which reads every unit's text as written, English first)."""
    english = [u for u in units if u.english]
    claims = _group(english, embed, threshold, copy_ratio, lexical, figure_similarity, neighbours, agent_bonus,
                    attach, source_bonus, harm_bonus)
    other = [u for u in units if not u.english]
    if other:
        claims = _join_languages(claims, other, across, copy_ratio, margin)
    return claims


def _join_languages(claims: list[Claim], other: list[Unit], across: Callable[[list[str]], np.ndarray] | None,
                    copy_ratio: float, margin: float) -> list[Claim]:
    """Step 5 of `group`: units of other languages join the English claims (claims.languages).

    Copies of one text (the same copied-passage cluster, text agreeing) are one group first; a
    group joins the claim of highest ratio margin when it is at least `margin` and, when both give
    figures, they share one (or, sharing a figure, at a lower margin: claims.languages); what joins
    nothing is a claim of its own."""
    owner = list(range(len(other)))

    def find(i: int) -> int:
        while owner[i] != i:
            owner[i] = owner[owner[i]]
            i = owner[i]
        return i

    for i, j in _copy_edges(other, copy_ratio):
        a, b = find(i), find(j)
        if a != b:
            owner[max(a, b)] = min(a, b)
    members: dict[int, list[int]] = {}
    for i in range(len(other)):
        members.setdefault(find(i), []).append(i)
    groups = [members[k] for k in sorted(members)]
    joined = np.full(len(groups), -1, dtype=np.int64)
    if across is not None and claims:
        # A claim is read by its text (its most central member): measured on Kakhovka, the right
        # claim came first for 10 of 26 sentences of other languages, against 11 with every member
        # averaged, at half the embedding (the multilingual model is the slow one, ~70 a second).
        # A claim whose text is under five words ("following the dam's collapse") is no target:
        # too short for the model to tell claims apart, and a tenth of the embedding saved.
        targets = [x for x, c in enumerate(claims) if len(c.text.split()) >= 5]
        texts = [claims[x].text for x in targets] + [u.neutral or u.text for u in other]
        vectors = np.asarray(across(texts), dtype=np.float64)
        sizes = np.ones(len(targets), dtype=np.int64)
        claim_sums = vectors[:len(targets)]
        foreign = vectors[len(targets):]
        group_sums = np.array([foreign[g].sum(axis=0) for g in groups])
        group_sizes = np.array([len(g) for g in groups], dtype=np.int64)
        # the figures each side gives (digits read alike in every script), and the claims by
        # figure, so that a group sharing one can be anchored to them
        claim_figures = [frozenset().union(*(anchors(u.text) for u in claims[x].members)) for x in targets]
        group_figures = [frozenset().union(*(anchors(other[i].text) for i in g)) for g in groups]
        by_figure: dict[str, set[int]] = {}
        for c, figures in enumerate(claim_figures):
            for f in figures:
                by_figure.setdefault(f, set()).add(c)

        def fits(g: int, c: int) -> bool:
            """No figure disagrees: when both give figures, they share one (a sentence no parser cut
            into clauses gives more figures than a clause, so not all need to agree)."""
            return not (group_figures[g] and claim_figures[c]) or bool(group_figures[g] & claim_figures[c])

        # the sources each side credits: a sentence its speaker says joins the closest of that
        # speaker's claims, at the margin a shared figure asks (claims.languages)
        by_source: dict[str, set[int]] = {}
        for c, x in enumerate(targets):
            for u in claims[x].members:
                if u.source_key is not None:
                    by_source.setdefault(u.source_key, set()).add(c)
        group_sources = [{other[i].source_key for i in g} - {None} for g in groups]

        def anchored(g: int) -> set[int]:
            return set().union(*(by_figure.get(f, set()) for f in group_figures[g]),
                               *(by_source.get(s, set()) for s in group_sources[g]))

        chosen, _ = join_claims(group_sums, group_sizes, claim_sums, sizes, fits, margin=margin, anchored=anchored)
        joined = np.array([targets[c] if c >= 0 else -1 for c in chosen.tolist()], dtype=np.int64)
    added: dict[int, list[Unit]] = {}
    out = []
    for g, c in zip(groups, joined.tolist()):
        if c >= 0:
            added.setdefault(c, []).extend(other[i] for i in g)
        else:
            out.append(_claim([other[i] for i in g], {"copied text"} if len(g) > 1 else set()))
    renamed: dict[str, str] = {}
    for x, c in enumerate(claims):
        if x in added:
            central = next(u for u in c.members if u.text == c.text)
            new = _claim(c.members + added[x], set(c.why) | {"same content in another language"}, central)
            new.opposes = c.opposes
            renamed[c.claim_id] = new.claim_id
            c = new
        out.append(c)
    for c in out:
        c.opposes = [renamed.get(o, o) for o in c.opposes]
    out.sort(key=lambda c: (-c.articles, str(c.first_seen), c.claim_id))
    return out


def _group(units: Sequence[Unit], embed: Callable[[list[str]], np.ndarray] | None, threshold: float,
           copy_ratio: float, lexical: float, figure_similarity: float, neighbours: int, agent_bonus: float,
           attach: float | None, source_bonus: float = 0.0, harm_bonus: float = 0.0) -> list[Claim]:
    """Steps 1-4 of `group` over units of one model's language (see the module doc).

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
    harm_width = HARM_DIMENSIONS + 1 if harm_bonus else 0
    # Units that read alike (the same clause as written and words compared, the same harm) share
    # one row of the vectors: at 10,000 articles, 134,000 rows for 240,000 units, where a row per
    # unit was the largest thing the stage held (0.9 GB). `row_of[i]` is unit i's row.
    row_of, firsts = _shared_rows(units, texts)
    first_units = [units[i] for i in firsts]
    if embed is not None:
        # embedded once per distinct text as written (a row's text is its first unit's)
        seen: dict[str, int] = {}
        written = [seen.setdefault(u.neutral or u.text, len(seen)) for u in first_units]
        vectors = np.asarray(embed(list(seen)), dtype=np.float32)
        del seen
        width = vectors.shape[1]
        mixed = np.empty((len(firsts), width + LEXICAL_DIMENSIONS + harm_width), dtype=np.float32)
        np.multiply(vectors[written], np.float32(math.sqrt(1.0 - lexical)), out=mixed[:, :width])
        del vectors, written
        _lexical([texts[i] for i in firsts], out=mixed[:, width:width + LEXICAL_DIMENSIONS],
                 scale=math.sqrt(lexical), counts=np.bincount(row_of, minlength=len(firsts)))
        embedded = mixed[:, :width]  # the embeddings, scaled by sqrt(1 - lexical)
    else:  # no embedder: words alone
        embedded = None
        width = 0
        mixed = np.empty((len(firsts), LEXICAL_DIMENSIONS + harm_width), dtype=np.float32)
        _lexical([texts[i] for i in firsts], out=mixed[:, :LEXICAL_DIMENSIONS],
                 counts=np.bincount(row_of, minlength=len(firsts)))
    _harm_columns(first_units, harm_bonus, mixed[:, width + LEXICAL_DIMENSIONS:], row_of)
    del first_units
    # The neighbour search of step 2 comes first: in a large corpus its index reorders the rows in
    # place, cell by cell, rather than keep a copy of them (half a gigabyte at 10,000 articles),
    # and each unit's row follows its vector. Pairs that could reach the threshold: with both
    # bonuses, from that much lower.
    near_i, near_j, moved = _similar_pairs(mixed, units, threshold - agent_bonus - source_bonus, neighbours,
                                           row_of=row_of, reorder=True)
    if moved is not None:
        where = np.empty(len(moved), dtype=np.int64)
        where[moved] = np.arange(len(moved))
        row_of = where[row_of]
        del where, moved
    clusters = {i: _Cluster(i, mixed[row_of[i]], units[i], numbers[i]) for i in range(n)}
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

    # 1. The same text copied, and the same casualty figure, join first (see the module doc), pair
    # by pair in order of (i, j), a copy before a figure.
    # Each pair as one key, 2 * (i * n + j) + (1 for a figure): sorted, the order of (i, j), a copy
    # first (tens of millions of figure pairs at 10,000 articles: one array, sorted in place).
    copied = np.array(_copy_edges(units, copy_ratio), dtype=np.int64).reshape(-1, 2)
    figures = _figure_pairs(units)
    pair_keys = np.concatenate(((copied[:, 0] * n + copied[:, 1]) * 2, figures * 2 + 1))
    del copied, figures
    pair_keys.sort()
    step = 1 << 16
    for s in range(0, len(pair_keys), step):
        chunk = pair_keys[s:s + step]
        code, cf = chunk >> 1, (chunk & 1).astype(bool)
        ci, cj = code // n, code % n
        # Most pairs of a figure thousands of units give are in one group already: those go in
        # numpy (a pair in one group stays in one group), and only the rest one by one.
        seen = np.unique(np.concatenate((ci, cj)))
        root = np.array([find(x) for x in seen.tolist()], dtype=np.int64)
        live = root[np.searchsorted(seen, ci)] != root[np.searchsorted(seen, cj)]
        if embedded is not None:
            # a figure pair's words agree a little too (the same figure of another incident, else)
            f = np.flatnonzero(live & cf)
            near = np.einsum("ij,ij->i", embedded[row_of[ci[f]]], embedded[row_of[cj[f]]]) >= \
                figure_similarity * (1.0 - lexical)
            live[f[~near]] = False
        for i, j, f in zip(ci[live].tolist(), cj[live].tolist(), cf[live].tolist()):
            a, b = find(i), find(j)
            if a != b and clusters[a].compatible(clusters[b]):
                merge(a, b)
                reason = "same figure" if f else "copied text"
                why.setdefault(i, set()).add(reason)
                why.setdefault(j, set()).add(reason)
    del pair_keys

    # 2. Average linkage over the neighbour graph (found above), closest pair of groups first
    # (`_Linkage`).
    _Linkage(clusters, find, merge, mixed, threshold, agent_bonus, source_bonus, dense=width,
             row_of=row_of).run(near_i, near_j, why)
    del near_i, near_j
    if attach is not None and attach < threshold:
        # 3. What outlets say in their own voice and no one credits often restates what a source
        # is credited with elsewhere: such a group joins the closest claim that credits a source
        # when their average similarity is at least `attach` (and it stays one proposition), and
        # its members are then stripped there.
        credited = [k for k, c in clusters.items() if any(units[i].attributed for i in c.members)]
        own = [k for k in sorted(clusters) if not any(units[i].attributed for i in clusters[k].members)]
        if credited and own:
            centres = np.array([clusters[k].total / len(clusters[k].members) for k in credited], dtype=np.float64)
            joined: set[int] = set()
            # own-voice groups at a time: their similarities to every credited claim at once, a
            # block of about two million (at 10,000 articles 1,024 groups at a time made the
            # block and its rounded copy the stage's largest moment, half a gigabyte)
            step = max(8, min(1024, (1 << 21) // len(credited)))
            for s0 in range(0, len(own), step):
                block = own[s0:s0 + step]
                sims = _rounded(np.array([clusters[k].total / len(clusters[k].members) for k in block],
                                         dtype=np.float64) @ centres.T)
                for k, row in zip(block, sims):
                    c = clusters[k]
                    for x in _first(row, 5):
                        if row[x] < attach:
                            break
                        target = credited[x]
                        if clusters[target].compatible(c) and _restates(units, c.members, clusters[target].members):
                            clusters[target].absorb(clusters.pop(k))
                            joined.add(target)
                            break
            for target in joined:
                for i in clusters[target].members:
                    why.setdefault(i, set()).add("same content in other words")

    def central(c: _Cluster) -> Unit:
        """The member closest to the claim as a whole, among those that read as a sentence when
        there are any: six words or more, beginning as a sentence does (a capital, after any
        quote mark), not a piece of one ("the destruction of the dam on Ukraine", what is left of
        "blamed the destruction of the dam on Ukraine"), when it is at least as close to the claim
        as half its members are (an outlying sentence is no better a text than a central piece).
        A reader sees it as the claim's text."""
        full = [i for i in c.members if len(units[i].text.split()) >= 6] or c.members
        scores = mixed[row_of[full]] @ c.total.astype(np.float32)
        middle = np.median(scores)
        sentence = [x for x, i in enumerate(full) if _begins_as_a_sentence(units[i].text) and scores[x] >= middle]
        if sentence:
            return units[full[sentence[int(np.argmax(scores[sentence]))]]]
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


def _countries_of(name: str) -> frozenset[str]:
    """The countries a source's name says it is of ("Norwegian Seismic Array": NO)."""
    return frozenset(filter(None, (party(w) for w in re.findall(r"[^\W\d_]+", name))))


def _described(u: Unit) -> frozenset[str]:
    """The countries of a member's source when the article only describes it: an unnamed source
    of a country ("Norwegian scientists", "officials installed by Russia"), or a country's
    government said as its officials ("Russian officials", "the Ukrainian authorities": the
    entities stage counts them as the government, a reader as whoever the article names)."""
    if u.source_key.startswith(UNNAMED):
        return frozenset(u.source_key.rpartition("|")[2].split("+")) if "|" in u.source_key else frozenset()
    # (the source is the country itself: "Kremlin officials" and "Moscow officials" name who speaks)
    words = re.findall(r"[^\W\d_]+", (u.speaker or "").lower())
    named = country_named(u.source_name) if u.source_name else None
    if words and words[-1] in GOVERNMENT_HEADS and named is not None and named[1] == "country":
        return frozenset({named[0].code})
    return frozenset()


def _named_in_article(attributed: list[Unit]) -> list[Unit]:
    """Members credited to a source the article only describes (`_described`) count as the named
    source of that country that the same article credits with the same claim, when there is
    exactly one: the article's second way of naming who said it ("the Norwegian Seismic Array
    said ... Norwegian scientists observed ...", "Andrei Alekseyenko said ... Russian officials
    said"), not a second source. An article naming none of that country: the one the claim names
    in any article (a wire's "Russian officials" where its copy elsewhere names the official).
    Without a country, or with two named candidates, they stay as they are (an unnamed
    "officials" may be anyone). On Kakhovka the second step took K25's toll of 29 from two
    sources to the gold's one, and K04's "Kyiv was behind it" from three to two (gold one); on
    dev, the seeds and the example no claim's sources moved."""
    described = {id(u): _described(u) for u in attributed}
    named: dict[str, dict[str, Unit]] = {}
    for u in attributed:
        if not u.source_key.startswith(UNNAMED) and not described[id(u)]:
            named.setdefault(u.doc_id, {}).setdefault(u.source_key, u)
            named.setdefault("", {}).setdefault(u.source_key, u)
    if not named:
        return attributed
    out = []
    for u in attributed:
        countries = described[id(u)]
        if countries:
            for where in (u.doc_id, ""):
                same = [v for v in named.get(where, {}).values() if _countries_of(v.source_name or "") == countries]
                if len(same) == 1:
                    u = replace(u, source_key=same[0].source_key, source_name=same[0].source_name)
                    break
        out.append(u)
    return out


def _origins(members: list[Unit]) -> dict[str, list[str]]:
    """The independent origins of a claim nobody is credited with: its articles joined when they
    share an outlet (four articles of one news agency are one voice, not four) or a copied text
    (an outlet's words copied by others are that outlet's). An article of no known outlet is an
    origin of its own unless it copies another's text. Each origin is named by its smallest
    copied-text cluster, else its outlet, else its article, and lists its articles."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    nodes = []
    for u in members:
        mine = [f"c:{c}" for c in sorted(u.clusters)] + [f"o:{u.outlet}" if u.outlet else f"d:{u.doc_id}"]
        for x in mine[1:]:
            a, b = find(mine[0]), find(x)
            if a != b:
                parent[max(a, b)] = min(a, b)  # "c:" < "d:" < "o:": a cluster names its origin first
        nodes.append(mine[0])
    origins: dict[str, list[str]] = {}
    for u, x in zip(members, nodes):
        origins.setdefault(find(x)[2:], []).append(u.doc_id)
    return origins


def _claim(members: list[Unit], why: set[str], central: Unit | None = None) -> Claim:
    """A claim from its members, with its sources counted and the reasons written down.

    `sourcing` says why the count is what it is: `rule` ('credited': the distinct credited
    sources; 'own voice': nobody is credited, so the outlets saying it, copies once), each source
    with the articles crediting it, who they name for it and how many only copy another's text,
    the members whose speaker is unresolved (counted as no source), and the articles that only
    repeat the claim in their own voice (stripped where a source is credited)."""
    members = sorted(members, key=lambda u: (str(u.published), u.doc_id, u.start))
    ids = sorted(f"{u.doc_id}:{u.start}:{u.end}" for u in members)
    claim_id = hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]
    attributed = [u for u in members if u.attributed]
    unresolved = [u for u in members if not u.attributed and u.speaker]
    own = [u for u in members if not u.attributed and not u.speaker and u.read]
    # Sentences no parser read: who they credit is not known. Where others credit sources, such an
    # article credits one of them (no new source) or another one (a new source): it counts as
    # none, the lower bound, and is never called stripped. Where nobody is credited, whatever it
    # credits is a source of its own, as its own voice would be: it counts, copies once.
    unread = [u for u in members if not u.read and not u.attributed]
    attributed = _named_in_article(attributed)
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
        # Nobody is credited (or only speakers the articles never resolve): each outlet saying it
        # is a source, copies once (`_origins`).
        origins = _origins(members)
        independent = len(origins)
        rule = "own voice" if own or unresolved or not unread else "other language"
    # Every own-voice member of a credited claim is stripped (the claims gold's rule, and the
    # issue's): it is the outlet's word for what others credit to a source. One whose article
    # credits the source in another member says so (`credited_in_article`): its reader has seen
    # the source, and `sourcing.stripped` lists only the articles that credit no one.
    attributed_docs = {u.doc_id for u in attributed + unresolved}
    attributed_clusters = set().union(*(u.clusters for u in attributed)) if attributed else set()
    stripped = [{"doc_id": u.doc_id, "start": u.start, "end": u.end, "outlet": u.outlet,
                 "copied": bool(u.clusters), "copied_from_source": bool(u.clusters & attributed_clusters),
                 "credited_in_article": u.doc_id in attributed_docs, "sources": sources}
                for u in own if counted]
    sourcing = {
        "rule": rule,
        "sources": entries,
        "unresolved": [{"doc_id": u.doc_id, "start": u.start, "speaker": u.speaker} for u in unresolved],
        "own_voice": sorted({u.doc_id for u in own}),
        "not_read": sorted({u.doc_id for u in unread}),
        "stripped": sorted({s["doc_id"] for s in stripped if not s["credited_in_article"]}),
        "origins": [{"origin": o, "docs": sorted(set(d))} for o, d in sorted(origins.items())],
    }
    # the claim's text: its most central member (closest to the claim as a whole), else the
    # earliest credited one
    representative = central if central is not None else (credited or members)[0]
    return Claim(claim_id, members, representative.text, len({u.doc_id for u in members}),
                 len({u.outlet or u.doc_id for u in members}), independent, sources,
                 members[0].published, stripped, sorted(why), sourcing)
