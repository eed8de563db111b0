"""Copied-passage detection (the reuse stage): accuracy on planted copies, speed against datasketch.

Run:  python benchmarks/reuse.py [--sizes 10000,50000] [--repeat 1] [--seed N] [--check] [--audit]
      (needs datasketch for the baseline, which corroborate itself does not: pip install datasketch)

What it does, in one process and one run, for each corpus size N:

1. Generates N unrelated news-like English articles in memory from a fixed seed (the same corpus
   every run, about 3 s per 10,000 articles): 300-700 words each before copies are planted,
   paragraphs of 1-4 sentences built from 35 sentence templates whose slots (nouns, adjectives,
   verbs, people, places, organisations, numbers, days) are drawn from a large vocabulary (real
   news words at the top, ~20,000 made-up words below them) with Zipf-like frequencies. Templates
   carry stock phrases ("said in a statement on Monday", "did not immediately respond to a request
   for comment"), so unrelated articles share many phrases of 10-20 words by chance, as real
   coverage does, but never a run of 25 words (--audit checks this; it found none at 10,000 or
   50,000 articles with the default seed). Each article gets doc_id dNNNNNN, one of 40 outlets, a
   date within 30 days, url None.

2. Plants copies. 5% of the articles are sources: a passage of 40-150 words (whole sentences,
   paragraph breaks kept) is copied into one other article (half of the sources) or into 2-6 others,
   each published on or after the source, as paragraphs inserted between the target's paragraphs.
   Each copy is edited independently: up to 4% of its words replaced by other words, 0-3 words
   with a typo (two letters swapped, one dropped or one inserted), and in 30% of copies one sentence
   dropped (when 40 words remain). Besides these, a few outlets (one per 2,500 articles, at least 2)
   repeat a 40-80 word passage of one of their articles verbatim at the end of 3-6 others of their
   own (boilerplate). The truth is every unordered pair of articles that carry the same planted
   passage: source-target, target-target (two edited copies, so up to twice the edits apart) and
   boilerplate pairs.

3. Runs `corroborate.reuse.find_reuse(articles, ReuseSettings())` (the reuse stage's algorithm on
   plain dicts, without the store) and scores it:
     - pair precision and recall: predicted pairs are the (doc_a, doc_b) of result.pairs;
     - cluster-pair precision and recall: every pair of articles that share a cluster_id in
       result.passages (what a reader of the clusters would conclude);
     - located: of the true pairs found, how many have a span in each article that overlaps
       the planted passage (a pair found for the wrong reason counts as found above);
     - misaligned passages: passages whose text is not article_text[start:end] (must be 0).
   Targets: precision and recall of pairs >= 0.98, no misaligned passage.

4. Runs the baseline a user would reach for first, on the same articles: datasketch MinHash +
   MinHashLSH at document level, with the parameters of datasketch's documentation and the usual
   near-duplicate recipe: lowercased \\w+ tokens, word 5-gram shingles (as UTF-8 bytes, datasketch's
   default SHA-1 hash), num_perm=128, MinHash.bulk, an LSH index with threshold 0.5 filled in an
   insertion session, and one query per article; every (article, result) is a predicted pair. Its
   time includes the shingling. It only says which whole articles look alike (a 100-word copy in two
   500-word articles has a Jaccard of about 0.1, so it finds few planted pairs; its precision and
   recall are printed for information). It is the cost floor of "compare all articles with each
   other" in Python, so the reuse stage, which also finds where the passages are, may take at most
   as long as it (ratio <= 1.0) at 10,000 articles and more; smaller corpora are dominated by fixed
   costs and their ratio is for information.

Each method runs in its own child process forked from the benchmark (multiprocessing 'fork'), after
every import and a warm-up call on a tiny corpus in the parent, so neither pays import costs and
the two do not share a heap. The child resets its peak RSS (/proc/self/clear_refs), times the call
with time.perf_counter, and sends back the wall time, its peak RSS growth (VmHWM after minus VmRSS
before: what the method itself allocated) and its output through a pipe. With --repeat R each
method runs R times and the best (minimum) time is kept, because the machine is noisy and the
minimum is the run least disturbed by other work.

When 10,000 and 50,000 are both run, time(50000) / time(10000) of the reuse stage is printed; the
target is <= 6 (5 would be linear).

Output: per size, a table of each measure for the reuse stage and datasketch with the target and
PASS/FAIL, then examples of missed pairs (the edits each copy got; whether the stage compared the
pair at all, when its result lists its candidates) and of false pairs (the spans it reported and
the longest run of words the two articles really share). The exit status is 0 (this is a report);
with --check it is 1 when a target fails.

--fake runs a small stand-in for find_reuse written here (exact 8-word shingles), for developing
the benchmark itself; its numbers say nothing about corroborate.
"""
from __future__ import annotations

import argparse
import gc
import itertools
import multiprocessing
import random
import re
import string
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np

from _report import print_table, verdict  # benchmarks/ is sys.path[0] when run as a script

# Imported before any timing, so import cost is never measured.
try:
    from datasketch import MinHash, MinHashLSH
except ImportError:  # not a dependency of corroborate itself
    sys.exit("benchmarks/reuse.py needs datasketch for its baseline: pip install datasketch")

PAIR_TARGET = 0.98      # minimum pair precision and recall of the reuse stage
RATIO_TARGET = 1.0      # maximum reuse time / datasketch time, at RATIO_FROM articles and more
RATIO_FROM = 10_000
SCALING_TARGET = 6.0    # maximum time(50000) / time(10000)
EXAMPLES = 5            # missed and false pairs shown per size


# --------------------------------------------------------------------------------------------------
# Vocabulary: real news words first (the frequent ranks), made-up words after them (the long tail)
# --------------------------------------------------------------------------------------------------

REAL_NOUNS = ("government minister police report company market official court election law "
              "budget plan project city country region agreement crisis investigation policy "
              "hospital school price deal group council party vote trade industry bank economy "
              "worker factory border security army attack protest strike fire flood storm road "
              "bridge rail airport port contract fund tax debt loan wage job business deficit "
              "energy gas oil power water food farm crop drought harvest vaccine virus outbreak "
              "patient doctor station network system program reform review decision proposal "
              "committee commission agency ministry office spokesman lawyer judge trial case "
              "sentence prison village district province capital coast river forest mine "
              "pipeline reactor plant shipment cargo convoy aid refugee camp ceasefire talks "
              "summit treaty sanction embargo tariff export import currency inflation rate "
              "share investor stock bond profit loss revenue sales customer supplier product "
              "service platform software data satellite device battery engine vehicle").split()
REAL_ADJS = ("new local national federal regional public private foreign domestic economic "
             "political military financial legal official senior former major minor key large "
             "small recent early late annual monthly weekly final initial major serious severe "
             "heavy strong weak sharp modest steady rapid slow urgent critical controversial "
             "historic unprecedented significant limited broad joint independent temporary "
             "permanent formal informal secret open northern southern eastern western central "
             "coastal rural urban industrial digital nuclear environmental medical").split()
REAL_VERBS = [("announce", "announced"), ("approve", "approved"), ("reject", "rejected"),
              ("expand", "expanded"), ("review", "reviewed"), ("support", "supported"),
              ("delay", "delayed"), ("improve", "improved"), ("reduce", "reduced"),
              ("confirm", "confirmed"), ("question", "questioned"), ("cut", "cut"),
              ("raise", "raised"), ("protect", "protected"), ("open", "opened"),
              ("close", "closed"), ("change", "changed"), ("block", "blocked"),
              ("suspend", "suspended"), ("extend", "extended"), ("launch", "launched"),
              ("investigate", "investigated"), ("restore", "restored"), ("halt", "halted"),
              ("fund", "funded"), ("sign", "signed"), ("seize", "seized"),
              ("evacuate", "evacuated"), ("inspect", "inspected"), ("repair", "repaired"),
              ("replace", "replaced"), ("challenge", "challenged"), ("end", "ended")]
REAL_FIRST = ("Anna James Maria David Laura Peter Sofia Daniel Elena Thomas Grace Samuel Clara "
              "Martin Nadia Oliver Irene Lucas Helen Adam Ahmed Fatima Chen Wei Yusuf Olga Ivan "
              "Priya Ravi Kofi Amara Diego Lucia Marco Giulia Hans Ingrid Pierre Camille").split()
REAL_LAST = ("Smith Johnson Brown Garcia Miller Davis Wilson Taylor Clarke Walker Young Turner "
             "Hughes Parker Evans Collins Stewart Morris Reed Bennett Novak Kowalski Petrov "
             "Haddad Okafor Mensah Tanaka Kim Singh Silva Rossi Muller Dubois Jensen").split()
REAL_PLACES = ("London Paris Berlin Madrid Lisbon Dublin Warsaw Vienna Prague Athens Oslo Helsinki "
               "Toronto Chicago Boston Denver Sydney Auckland Nairobi Lagos Cairo Mumbai Manila "
               "Ankara Kyiv Riga Tbilisi Baku Almaty Jakarta Hanoi Lima Bogota Quito Dakar").split()
ROLES = ("spokesperson minister mayor governor senator analyst economist lawyer judge prosecutor "
         "director adviser chairman chief commander official researcher engineer professor "
         "negotiator envoy ambassador inspector auditor regulator").split()
ORG_KINDS = ("ministry council authority agency commission institute union association office "
             "court bank committee board university company group").split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = ("January February March April May June July August September October November "
          "December").split()
TIMES = ["this week", "next week", "last month", "earlier this year", "in the coming weeks",
         "next year", "by the end of the year", "within days", "later this month", "before winter",
         "by the spring", "after the summer", "before the election", "as soon as possible",
         "over the weekend", "in the next few days", "later this year", "by the end of the month",
         "in the autumn", "early next year", "within weeks", "in the long run", "this month",
         "before the end of the week", "ahead of the summit", "after the holidays"]
TIMES += [f"by {m}" for m in MONTHS] + [f"in {m}" for m in MONTHS] + [f"on {d}" for d in DAYS]
ROLE_PREFIXES = ["", "", "", "deputy ", "senior ", "former ", "regional ", "acting ", "local "]

OUTLET_WORDS = ("Daily Morning Evening Northern Southern City National Global Capital Coastal "
                "Valley Harbour Metro Union Central").split()
OUTLET_KINDS = "Ledger Wire Herald Times Post Observer Courier Tribune Gazette Chronicle".split()
N_OUTLETS = 40
N_DAYS = 30
FIRST_DAY = date(2025, 3, 1)

ONSETS = "b c d f g h k l m n p r s t v w z br dr fl gr pl pr st tr ch sh".split()
VOWELS = "a e i o u a e i o ea ou".split()
CODAS = ["", "", "", "", "n", "r", "l", "s", "t", "m", "nd", "st"]


def made_up_words(rng, count: int, syllables: tuple[int, int], suffixes: list[str],
                  taken: set[str]) -> list[str]:
    """`count` distinct pronounceable words that are not real (nor in `taken`)."""
    words: list[str] = []
    while len(words) < count:
        word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                       for _ in range(rng.randint(*syllables))) + rng.choice(suffixes)
        if word not in taken and 4 <= len(word) <= 12:
            taken.add(word)
            words.append(word)
    return words


def zipf_cum_weights(n: int, shift: float) -> list[float]:
    """Cumulative Zipf-Mandelbrot weights: rank r (from 1) is drawn with probability ~ 1/(r + shift).

    The shift flattens the head, so the commonest noun is about 1% of nouns, as in real news,
    rather than the 10% of a pure Zipf law over this vocabulary, which would make unrelated
    articles share long runs of words.
    """
    return list(itertools.accumulate(1.0 / (r + shift) for r in range(1, n + 1)))


@dataclass
class Vocabulary:
    """Word lists per slot kind, each with cumulative weights for random.choices."""
    words: dict[str, list[str]]
    cum: dict[str, list[float]]


def plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "sh", "ch")) else "s")


def build_vocabulary(seed: int) -> Vocabulary:
    rng = random.Random(seed ^ 0x5EED)
    taken = set(REAL_NOUNS) | set(REAL_ADJS)
    nouns = REAL_NOUNS + made_up_words(rng, 12_000, (1, 2), ["", "", "", "ment", "ion", "er", "ity"],
                                       taken)
    adjs = REAL_ADJS + made_up_words(rng, 3_000, (1, 2), ["al", "ic", "ous", "ive", "ary"], taken)
    stems = made_up_words(rng, 1_500, (1, 2), ["ate", "ize", "en", "ify"], taken)
    verbs = REAL_VERBS + [(s, s + ("d" if s.endswith("e") else "ed")) for s in stems]
    first = REAL_FIRST + [w.capitalize() for w in made_up_words(rng, 300, (2, 2), ["", "a", "o"],
                                                                taken)]
    last = REAL_LAST + [w.capitalize() for w in made_up_words(rng, 3_000, (2, 2), ["", "s", "son"],
                                                              taken)]
    places = REAL_PLACES + [w.capitalize() for w in made_up_words(rng, 1_000, (1, 2),
                                                                   ["", "ton", "burg", "ville"], taken)]
    orgs = [f"the {a} {k}" for a in ("interior", "finance", "health", "transport", "energy",
                                     "foreign", "defence", "education", "national", "regional",
                                     "justice", "labour", "trade", "housing", "water", "culture")
            for k in ORG_KINDS]
    orgs += [f"the {p} {k}" for p, k in zip(places, itertools.cycle(ORG_KINDS))]
    roles = [p + r for r in ROLES for p in ROLE_PREFIXES]
    numbers = [str(n) for n in range(2, 1000)] + [f"{n:,}" for n in range(1000, 100_000, 37)]
    words = {
        "N": nouns, "NS": [plural(n) for n in nouns], "A": adjs, "V": [v for v, _ in verbs],
        "VD": [d for _, d in verbs], "F": first, "S": last, "L": places, "O": orgs, "R": roles,
        "D": DAYS, "M": MONTHS, "T": TIMES, "X": numbers,
    }
    # Slots that stock phrases pile up ("{O} said in a statement on {D}", "{T}, the {R} said") get
    # many values and a flat head, so that no two unrelated articles share 25 words by chance.
    shift = {"N": 20, "NS": 20, "A": 20, "V": 10, "VD": 10, "F": 5, "S": 5, "L": 5, "O": 20, "R": 10,
             "T": 10}
    cum = {kind: zipf_cum_weights(len(ws), shift.get(kind, 1)) for kind, ws in words.items()}
    cum["X"] = list(itertools.accumulate([1.0] * len(numbers)))  # numbers: uniform
    return Vocabulary(words, cum)


# --------------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------------

# {N} noun, {NS} plural noun, {A} adjective, {V}/{VD} verb base/past, {P} person ({F} first and
# {S} last name), {L} place, {O} organisation, {R} role, {D} weekday, {M} month, {T} time phrase,
# {X} number.
TEMPLATES = [
    "{O} said in a statement on {D} that the {A} {N} would {V} the {N} in {L}.",
    "\"We are {A} that the {N} will {V} the {NS},\" {P}, a {R} at {O}, said in a statement.",
    "{P} of {O} did not immediately respond to a request for comment on the {A} {N}.",
    "The {N} has {VD} more than {X} {NS} since {M}, according to figures from {O}.",
    "According to people familiar with the matter, the {A} {N} was {VD} after a {N} in {L}.",
    "Officials in {L} {VD} the {N} on {D}, saying the {NS} had been {VD} for {A} reasons.",
    "It was not immediately clear whether the {N} would {V} the {A} {NS} {T}.",
    "{P}, who {VD} the {N} {T}, told reporters that the {NS} of {L} were {A}.",
    "The {A} {NS} in {L} {VD} {X} {NS} last year, up from {X} the year before.",
    "Speaking at a press conference in {L}, {P} said the {N} would not {V} the {N}.",
    "The move comes as {O} faces growing pressure to {V} the {A} {N}.",
    "{O} has {VD} the {N}, but critics say it does little to {V} the {NS} of {L}.",
    "In {M}, the {N} {VD} a {A} {N} that {VD} {X} {NS} across {L} and {L}.",
    "Analysts at {O} expect the {N} to {V} {T}, while others warn of a {A} {N}.",
    "The {N} was first reported by local media in {L} on {D}.",
    "{X} {NS} were {VD} in the {A} {N}, the {R} told reporters in {L}.",
    "\"This is a {A} day for the {NS} of {L},\" said {P}, the {R}.",
    "Under the {A} {N}, {NS} in {L} will be able to {V} the {N} without a {N}.",
    "The {R} declined to comment on the {N}, citing the {A} {N} in {L}.",
    "Earlier this year, {O} {VD} a {A} {N} to {V} the {NS} of {X} {NS}.",
    "The {N} is expected to {V} the {A} {N} by {M}, {O} said.",
    "Residents of {L} said the {NS} had {VD} the {N} since the {A} {N} began.",
    "{P} said the {N} was \"{A}\" and called on {O} to {V} the {N}.",
    "The {NS} {VD} {X} percent in {M}, the {A} {N} since the {N} of {L}.",
    "The {N} will be {VD} by a {A} {N} of {NS} from {L}, {O} said on {D}.",
    "Asked about the {N}, {P} said: \"We will {V} the {A} {N} {T}.\"",
    "The {A} {N} has been {VD} by {NS} and {NS} across the {N}.",
    "Neither {O} nor the {R} of {L} {VD} the {N} on {D}.",
    "The {N} follows a {A} {N} in {L} that left {X} {NS} without {NS}.",
    "{O} said it would {V} the {N} and {V} the {NS} {T}.",
    "The {R} of {L}, {P}, {VD} the {A} {N} in a post on social media.",
    "A {R} at {O}, who asked not to be named, said the {N} had been {VD} {T}.",
    "The {N} of {X} {NS} is the {A} since {M}, data from {O} showed.",
    "It is not the first time the {N} has {VD} the {NS} of {L}.",
    "The {A} {N} is due to be {VD} by {O} {T}, the {R} said.",
]
SLOT = re.compile(r"\{([A-Z]+)\}")
WORD = re.compile(r"\w+")


AN = re.compile(r"\b([Aa]) (?=[aeiou])")


def compile_template(template: str) -> tuple[str, tuple[str, ...], bool]:
    """A template as a str.format pattern, the slot kinds in order, and whether "a {slot}" occurs
    (then "a" becomes "an" before a vowel once filled)."""
    template = template.replace("{P}", "{F} {S}")
    kinds = tuple(SLOT.findall(template))
    return SLOT.sub("{}", template), kinds, bool(re.search(r"\b[Aa] \{", template))


COMPILED = [compile_template(t) for t in TEMPLATES]


class Drawer:
    """Slot fillers drawn with the vocabulary's weights, in bulk with numpy: one random.choices
    call per word would make generating 50,000 articles slow."""

    BULK = 1 << 16
    LOW = 64    # more slots of one kind than any paragraph has

    def __init__(self, rng: random.Random, vocab: Vocabulary):
        self.rng = rng
        self.np_rng = np.random.default_rng(rng.getrandbits(64))
        self.arrays = {kind: np.array(ws, dtype=object) for kind, ws in vocab.words.items()}
        self.cum = {kind: np.array(c) / c[-1] for kind, c in vocab.cum.items()}
        self.pools: dict[str, list[str]] = {kind: [] for kind in vocab.words}
        self.pops = {kind: pool.pop for kind, pool in self.pools.items()}
        self.top_up()

    def top_up(self) -> None:
        """Refill the pools running low; sentence() then pops without checking."""
        for kind, pool in self.pools.items():
            if len(pool) < self.LOW:
                picks = np.searchsorted(self.cum[kind], self.np_rng.random(self.BULK), side="right")
                picks = np.minimum(picks, len(self.arrays[kind]) - 1)  # float rounding at the top
                pool.extend(self.arrays[kind][picks].tolist())

    def word(self, kind: str) -> str:
        self.top_up()
        return self.pops[kind]()

    def sentence(self) -> str:
        pattern, kinds, has_a = self.rng.choice(COMPILED)
        pops = self.pops
        text = pattern.format(*[pops[k]() for k in kinds])
        if has_a:
            text = AN.sub(r"\1n ", text)
        return text[0].upper() + text[1:] if text[0].islower() else text


# --------------------------------------------------------------------------------------------------
# Articles, planted copies and the truth
# --------------------------------------------------------------------------------------------------

@dataclass
class Sentence:
    text: str
    plant: int | None = None    # the planted passage this sentence belongs to (source or copy)


@dataclass
class Draft:
    """An article before its text is assembled: paragraphs of sentences."""
    doc_id: str
    outlet: str
    published: date
    paragraphs: list[list[Sentence]]
    is_source: bool = False


@dataclass
class Plant:
    pid: int
    kind: str                   # "copy" or "boilerplate"
    source: str                 # doc_id
    words: int                  # words of the source passage
    copies: dict[str, dict[str, Any]] = field(default_factory=dict)  # target doc_id -> edits made


@dataclass
class Corpus:
    articles: list[dict[str, Any]]
    plants: list[Plant]
    truth: dict[tuple[str, str], list[int]]           # true pair -> the plants it shares
    spans: dict[tuple[str, int], tuple[int, int]]     # (doc_id, plant) -> planted character span


def make_outlets(rng) -> list[str]:
    names = [f"The {w} {k}" for w in OUTLET_WORDS for k in OUTLET_KINDS]
    return rng.sample(names, N_OUTLETS)


def make_draft(drawer: Drawer, rng, i: int, outlets: list[str]) -> Draft:
    target = rng.randint(300, 700)
    paragraphs: list[list[Sentence]] = []
    words = 0
    while words < target:
        drawer.top_up()
        para = [Sentence(drawer.sentence()) for _ in range(rng.randint(1, 4))]
        if not paragraphs and rng.random() < 0.3:  # a dateline opening the body now and then
            para[0].text = f"{drawer.word('L').upper()} - {para[0].text}"
        paragraphs.append(para)
        words += sum(s.text.count(" ") + 1 for s in para)
    return Draft(doc_id=f"d{i:06d}", outlet=rng.choice(outlets),
                 published=FIRST_DAY + timedelta(days=rng.randrange(N_DAYS)), paragraphs=paragraphs)


def words_of(sentences: list[Sentence]) -> int:
    return sum(s.text.count(" ") + 1 for s in sentences)


def pick_passage(rng, draft: Draft, low: int, high: int) -> list[list[Sentence]] | None:
    """Whole sentences in a row making `low`-`high` words, grouped by paragraph; None if none fit."""
    flat = [(p, s) for p, para in enumerate(draft.paragraphs) for s in para]
    want = rng.randint(low, high)
    for _ in range(10):
        start = rng.randrange(len(flat))
        chosen, words = [], 0
        for p, s in flat[start:]:
            if words >= want or words + s.text.count(" ") + 1 > high:
                break
            chosen.append((p, s))
            words += s.text.count(" ") + 1
        if low <= words <= high:
            return [[s for _, s in group] for _, group in itertools.groupby(chosen, key=lambda x: x[0])]
    return None


TOKEN_CORE = re.compile(r"^(\W*)(\w+)(\W*)$")


def typo(rng, word: str) -> tuple[str, str]:
    """One letter swapped with the next, dropped, or inserted; returns (new word, kind)."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "drop", "insert"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:], kind
    if kind == "drop":
        return word[:i] + word[i + 1:], kind
    return word[:i] + rng.choice(string.ascii_lowercase) + word[i:], kind


def edited_copy(rng, drawer: Drawer, passage: list[list[Sentence]],
                pid: int) -> tuple[list[list[Sentence]], dict[str, Any]]:
    """A copy of the passage with word substitutions, typos and maybe one sentence dropped."""
    paras = [[s.text for s in para] for para in passage]
    edits: dict[str, Any] = {"dropped": None, "subs": [], "typos": []}
    n_sent = sum(len(p) for p in paras)
    if n_sent >= 3 and rng.random() < 0.3:
        flat = [(pi, si) for pi, para in enumerate(paras) for si in range(len(para))]
        pi, si = rng.choice(flat)
        remaining = sum(t.count(" ") + 1 for para in paras for t in para) - paras[pi][si].count(" ") - 1
        if remaining >= 40:  # a copy cut below 40 words is no longer the passage that was planted
            edits["dropped"] = paras[pi].pop(si)[:60]
            paras = [p for p in paras if p]
    # Word-level edits over the whole copy, remembering which sentence each word belongs to.
    tokens = [(pi, si, tok) for pi, para in enumerate(paras) for si, sent in enumerate(para)
              for tok in sent.split(" ")]
    words = [t[2] for t in tokens]
    editable = [i for i, w in enumerate(words) if TOKEN_CORE.match(w)]
    for i in rng.sample(editable, min(len(editable), rng.randint(0, int(0.04 * len(words))))):
        lead, core, trail = TOKEN_CORE.match(words[i]).groups()
        new = drawer.word(rng.choice(("N", "N", "A")))
        new = new.capitalize() if core[0].isupper() else new
        words[i] = lead + new + trail
        edits["subs"].append(f"{core}->{new}")
    long_words = [i for i in editable if len(TOKEN_CORE.match(words[i]).group(2)) >= 4]
    for i in rng.sample(long_words, min(len(long_words), rng.randint(0, 3))):
        lead, core, trail = TOKEN_CORE.match(words[i]).groups()
        new, kind = typo(rng, core)
        words[i] = lead + new + trail
        edits["typos"].append(f"{core}->{new} ({kind})")
    rebuilt: list[list[Sentence]] = []
    for pi, group in itertools.groupby(zip(tokens, words), key=lambda tw: tw[0][0]):
        para = []
        for _, sent_group in itertools.groupby(group, key=lambda tw: tw[0][1]):
            para.append(Sentence(" ".join(w for _, w in sent_group), plant=pid))
        rebuilt.append(para)
    edits["words"] = len(words)
    return rebuilt, edits


def pick_targets(rng, drafts: list[Draft], source: Draft, count: int,
                 same_outlet: list[Draft] | None = None) -> list[Draft]:
    """`count` other articles, published on or after the source, that are not sources themselves."""
    pool = same_outlet if same_outlet is not None else drafts
    chosen: dict[str, Draft] = {}
    for _ in range(count * 50):
        if len(chosen) == count:
            break
        d = rng.choice(pool)
        if (d is source or d.is_source or d.doc_id in chosen
                or (same_outlet is None and d.published < source.published)):
            continue
        chosen[d.doc_id] = d
    return list(chosen.values())


def insertion_point(rng, draft: Draft) -> int:
    """A paragraph boundary after the first paragraph that is not inside an earlier copy."""
    paras = draft.paragraphs
    points = [at for at in range(1, len(paras) + 1)
              if at == len(paras) or paras[at][0].plant is None
              or paras[at][0].plant != paras[at - 1][0].plant]
    return rng.choice(points)


def plant_copies(rng, drawer: Drawer, drafts: list[Draft]) -> list[Plant]:
    plants: list[Plant] = []
    n_sources = max(1, round(0.05 * len(drafts)))
    n_boiler = max(2, len(drafts) // 2500)
    # Sources (and boilerplate sources) are chosen first and never receive copies, so an inserted
    # paragraph never splits a source passage.
    sources = rng.sample(drafts, n_sources + n_boiler)
    for d in sources:
        d.is_source = True

    def start_plant(d: Draft, low: int, high: int, kind: str):
        """A passage of d's, marked as planted, and its Plant; None when d has no such passage."""
        passage = pick_passage(rng, d, low, high)
        if passage is None:
            return None
        pid = len(plants)
        sentences = list(itertools.chain.from_iterable(passage))
        for sent in sentences:
            sent.plant = pid
        return passage, Plant(pid, kind, d.doc_id, words_of(sentences))

    for d in sources[:n_sources]:
        started = start_plant(d, 40, 150, "copy")
        if started is None:
            continue
        passage, plant = started
        pid = plant.pid
        count = 1 if rng.random() < 0.5 else rng.randint(2, 6)
        for target in pick_targets(rng, drafts, d, count):
            copy, edits = edited_copy(rng, drawer, passage, pid)
            at = insertion_point(rng, target)
            target.paragraphs[at:at] = copy
            plant.copies[target.doc_id] = edits
        plants.append(plant)
    by_outlet: dict[str, list[Draft]] = defaultdict(list)
    for d in drafts:
        by_outlet[d.outlet].append(d)
    for d in sources[n_sources:]:
        started = start_plant(d, 40, 80, "boilerplate")
        if started is None:
            continue
        passage, plant = started
        pid = plant.pid
        for target in pick_targets(rng, drafts, d, rng.randint(3, 6), same_outlet=by_outlet[d.outlet]):
            # Boilerplate is repeated verbatim, at the end of the article.
            target.paragraphs += [[Sentence(s.text, plant=pid) for s in para] for para in passage]
            plant.copies[target.doc_id] = {"dropped": None, "subs": [], "typos": [], "verbatim": True}
        plants.append(plant)
    return plants


def assemble(draft: Draft, spans: dict[tuple[str, int], tuple[int, int]]) -> dict[str, Any]:
    """The article dict find_reuse takes; records the character span of each planted passage."""
    pieces: list[str] = []
    pos = 0
    for p, para in enumerate(draft.paragraphs):
        if p:
            pieces.append("\n\n")
            pos += 2
        for s, sent in enumerate(para):
            if s:
                pieces.append(" ")
                pos += 1
            if sent.plant is not None:
                key = (draft.doc_id, sent.plant)
                start = spans[key][0] if key in spans else pos
                spans[key] = (start, pos + len(sent.text))
            pieces.append(sent.text)
            pos += len(sent.text)
    return {"doc_id": draft.doc_id, "text": "".join(pieces), "outlet": draft.outlet, "url": None,
            "published": draft.published}


def make_corpus(n: int, seed: int, vocab: Vocabulary) -> Corpus:
    rng = random.Random(seed)
    drawer = Drawer(rng, vocab)
    outlets = make_outlets(rng)
    drafts = [make_draft(drawer, rng, i, outlets) for i in range(n)]
    plants = plant_copies(rng, drawer, drafts)
    spans: dict[tuple[str, int], tuple[int, int]] = {}
    articles = [assemble(d, spans) for d in drafts]
    truth: dict[tuple[str, str], list[int]] = defaultdict(list)
    for plant in plants:
        for a, b in itertools.combinations(sorted([plant.source, *plant.copies]), 2):
            truth[(a, b)].append(plant.pid)
    return Corpus(articles, plants, dict(truth), spans)


def audit(corpus: Corpus, length: int = 25) -> list[tuple[str, str]]:
    """Pairs of articles that share a run of `length` words but no planted passage (should be none)."""
    first: dict[int, str] = {}               # run -> the first article carrying it
    carriers: dict[int, list[str]] = {}      # run -> every article carrying it, once it has two
    chance: set[tuple[str, str]] = set()
    for art in corpus.articles:
        doc = art["doc_id"]
        tokens = WORD.findall(art["text"].lower())
        for i in range(len(tokens) - length + 1):
            h = hash(tuple(tokens[i:i + length]))
            if first.setdefault(h, doc) == doc:
                continue
            others = carriers.setdefault(h, [first[h]])
            if doc in others:
                continue
            chance.update(p for p in ((min(o, doc), max(o, doc)) for o in others) if p not in corpus.truth)
            others.append(doc)
    return sorted(chance)


# --------------------------------------------------------------------------------------------------
# The methods: each takes the articles and returns what is scored
# --------------------------------------------------------------------------------------------------

def run_reuse(articles: list[dict[str, Any]]) -> dict[str, Any]:
    # Imported here so that --fake runs without corroborate.reuse; main() imports it before timing.
    from corroborate.reuse import find_reuse
    from corroborate.settings import ReuseSettings
    result = find_reuse(articles, ReuseSettings())
    # The pairs it compared, if it says, tell a miss in candidate selection from one in alignment.
    compared = getattr(result, "candidates", None)
    return {"pairs": result.pairs, "passages": result.passages,
            "compared": None if compared is None else {(c["doc_a"], c["doc_b"]) for c in compared}}


def run_fake(articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Stand-in for find_reuse while it is being written: shared exact 8-word shingles."""
    k, max_df, min_shared = 8, 50, 10
    index: dict[int, list[tuple[int, int]]] = defaultdict(list)   # shingle -> (article, word index)
    spans = []
    for a, art in enumerate(articles):
        matches = list(WORD.finditer(art["text"].lower()))
        spans.append([(m.start(), m.end()) for m in matches])
        words = [m.group() for m in matches]
        for i in range(len(words) - k + 1):
            index[hash(tuple(words[i:i + k]))].append((a, i))
    shared: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for hits in index.values():
        if 1 < len(hits) <= max_df:
            for (a, i), (b, j) in itertools.combinations(hits, 2):
                if a != b:
                    shared[(a, b) if a < b else (b, a)].append((i, j) if a < b else (j, i))
    pairs, parent = [], list(range(len(articles)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    extent: dict[int, tuple[int, int]] = {}
    for (a, b), hits in shared.items():
        if len(hits) < min_shared:
            continue
        ia, ib = [i for i, _ in hits], [j for _, j in hits]
        sa = (spans[a][min(ia)][0], spans[a][max(ia) + k - 1][1])
        sb = (spans[b][min(ib)][0], spans[b][max(ib) + k - 1][1])
        pairs.append({"doc_a": articles[a]["doc_id"], "a_start": sa[0], "a_end": sa[1],
                      "doc_b": articles[b]["doc_id"], "b_start": sb[0], "b_end": sb[1],
                      "similarity": 1.0})
        for d, s in ((a, sa), (b, sb)):
            old = extent.get(d, s)
            extent[d] = (min(old[0], s[0]), max(old[1], s[1]))
        parent[root(a)] = root(b)
    passages = [{"cluster_id": root(d), "doc_id": articles[d]["doc_id"], "start": s, "end": e,
                 "text": articles[d]["text"][s:e], "is_origin": False} for d, (s, e) in extent.items()]
    return {"pairs": pairs, "passages": passages}


def run_datasketch(articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Document-level near duplicates the way datasketch's documentation shows, shingling included."""
    shingle_sets = []
    for art in articles:
        tokens = WORD.findall(art["text"].lower())
        shingle_sets.append({" ".join(tokens[i:i + 5]).encode("utf-8")
                             for i in range(len(tokens) - 4)})
    minhashes = MinHash.bulk(shingle_sets, num_perm=128)
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    with lsh.insertion_session() as session:
        for art, mh in zip(articles, minhashes):
            session.insert(art["doc_id"], mh)
    pairs = set()
    for art, mh in zip(articles, minhashes):
        for other in lsh.query(mh):
            if other != art["doc_id"]:
                pairs.add(tuple(sorted((art["doc_id"], other))))
    return {"pairs": [{"doc_a": a, "doc_b": b} for a, b in sorted(pairs)], "passages": None}


# --------------------------------------------------------------------------------------------------
# Measurement in a forked child
# --------------------------------------------------------------------------------------------------

def _status_kb(field_name: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    return 0


def _child(fn: Callable, articles, conn) -> None:
    try:
        gc.collect()
        try:  # reset the peak RSS inherited from the parent to the current RSS (Linux >= 4.0)
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")
        except OSError:
            pass
        before = _status_kb("VmRSS")
        start = time.perf_counter()
        out = fn(articles)
        elapsed = time.perf_counter() - start
        peak_mb = max(0, _status_kb("VmHWM") - before) / 1024
        conn.send(("ok", elapsed, peak_mb, out))
    except BaseException as exc:  # report, don't hang the parent
        conn.send(("error", 0.0, 0.0, f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def measure(fn: Callable, articles: list[dict[str, Any]]) -> tuple[float, float, dict[str, Any]]:
    """(wall seconds, peak memory growth in MB, output) of fn(articles) in a forked child."""
    ctx = multiprocessing.get_context("fork")
    parent_conn, child_conn = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(fn, articles, child_conn))
    proc.start()
    child_conn.close()
    try:
        status, elapsed, peak_mb, out = parent_conn.recv()
    except EOFError:
        status, elapsed, peak_mb, out = "error", 0.0, 0.0, f"child died (exit code {proc.exitcode})"
    proc.join()
    if status != "ok":
        raise RuntimeError(f"{fn.__name__} failed: {out}")
    return elapsed, peak_mb, out


# --------------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------------

def precision_recall(predicted: set, truth: set) -> tuple[float | None, float]:
    """Precision (None when nothing was predicted) and recall."""
    hits = len(predicted & truth)
    return (hits / len(predicted) if predicted else None), (hits / len(truth) if truth else 1.0)


def fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.4f}"


def cluster_pairs(passages: list[dict[str, Any]]) -> set[tuple[str, str]]:
    clusters: dict[Any, set[str]] = defaultdict(set)
    for p in passages:
        clusters[p["cluster_id"]].add(p["doc_id"])
    return {pair for docs in clusters.values() for pair in itertools.combinations(sorted(docs), 2)}


def overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    return start < span[1] and span[0] < end


def located(corpus: Corpus, pairs: list[dict[str, Any]]) -> tuple[int, int]:
    """(true pairs with a span pair on a shared planted passage, true pairs found)."""
    found: dict[tuple[str, str], bool] = {}
    for p in pairs:
        key = (p["doc_a"], p["doc_b"])
        if key not in corpus.truth:
            continue
        on_plant = any(overlaps(corpus.spans[(key[0], pid)], p["a_start"], p["a_end"])
                       and overlaps(corpus.spans[(key[1], pid)], p["b_start"], p["b_end"])
                       for pid in corpus.truth[key])
        found[key] = found.get(key, False) or on_plant
    return sum(found.values()), len(found)


def misaligned(articles_by_id: dict[str, dict[str, Any]], passages: list[dict[str, Any]]) -> int:
    return sum(articles_by_id[p["doc_id"]]["text"][p["start"]:p["end"]] != p["text"] for p in passages)


def longest_common_run(a: str, b: str) -> int:
    """Longest run of words (lowercased \\w+) two texts share, by dynamic programming."""
    wa, wb = WORD.findall(a.lower()), WORD.findall(b.lower())
    best, prev = 0, [0] * (len(wb) + 1)
    for x in wa:
        cur = [0] * (len(wb) + 1)
        for j, y in enumerate(wb, 1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def describe_edits(edits: dict[str, Any]) -> str:
    if edits.get("verbatim"):
        return "verbatim"
    parts = [f"{len(edits['subs'])} subs", f"{len(edits['typos'])} typos"]
    if edits["dropped"]:
        parts.append("a sentence dropped")
    return ", ".join(parts) + (f" [{'; '.join(edits['subs'] + edits['typos'])}]"
                               if edits["subs"] or edits["typos"] else "")


def pair_kind(plant: Plant, a: str, b: str) -> str:
    if plant.kind == "boilerplate":
        return "boilerplate"
    return "source-target" if plant.source in (a, b) else "target-target"


def report_misses(corpus: Corpus, predicted: set, by_id: dict[str, dict[str, Any]],
                  reuse_out: dict[str, Any]) -> None:
    """Examples of missed true pairs (with the edits each copy got) and of false pairs."""
    plants = {p.pid: p for p in corpus.plants}
    compared = reuse_out.get("compared")
    in_pairs = {d for pair in predicted for d in pair}
    missed = sorted(set(corpus.truth) - predicted)
    if missed:
        kinds = defaultdict(int)
        for a, b in missed:
            kinds[pair_kind(plants[corpus.truth[(a, b)][0]], a, b)] += 1
        summary = ", ".join(f"{v} {k}" for k, v in sorted(kinds.items()))
        if compared is not None:
            summary += f"; {sum(m in compared for m in missed)} of them compared but not aligned"
        print(f"missed pairs: {len(missed)} ({summary})")
    for a, b in missed[:EXAMPLES]:
        plant = plants[corpus.truth[(a, b)][0]]
        status = "" if compared is None else (", compared" if (a, b) in compared else ", never compared")
        print(f"  {a} {b}: {pair_kind(plant, a, b)}, a {plant.words}-word passage of "
              f"{plant.source}{status}")
        for d in (a, b):
            role = "the source" if d == plant.source else describe_edits(plant.copies[d])
            s, e = corpus.spans[(d, plant.pid)]
            print(f"    {d} [{s}:{e}] {role}; in some found pair: {d in in_pairs}")
    false = sorted(predicted - set(corpus.truth))
    if false:
        print(f"false pairs: {len(false)}")
    first_span = {}
    for p in reuse_out["pairs"]:
        first_span.setdefault((p["doc_a"], p["doc_b"]), p)
    for a, b in false[:EXAMPLES]:
        p = first_span[(a, b)]
        run = longest_common_run(by_id[a]["text"], by_id[b]["text"])
        print(f"  {a} [{p['a_start']}:{p['a_end']}] {b} [{p['b_start']}:{p['b_end']}] "
              f"similarity {p.get('similarity', 0):.2f}; longest run of words they share: {run}")
        print(f"    a: {by_id[a]['text'][p['a_start']:p['a_end']][:160]!r}")
        print(f"    b: {by_id[b]['text'][p['b_start']:p['b_end']][:160]!r}")


# --------------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------------

def run_methods(corpus: Corpus, method: Callable, repeat: int):
    """Best time, first-run peak memory and first-run output of the reuse stage and datasketch."""
    best = {"reuse": float("inf"), "datasketch": float("inf")}
    peak: dict[str, float] = {}
    outputs: dict[str, dict[str, Any]] = {}
    for r in range(1, repeat + 1):
        times = {}
        for name, fn in (("reuse", method), ("datasketch", run_datasketch)):
            times[name], peak_mb, out = measure(fn, corpus.articles)
            best[name] = min(best[name], times[name])
            peak.setdefault(name, peak_mb)
            outputs.setdefault(name, out)
        print(f"  run {r}/{repeat}: reuse {times['reuse']:.2f}s, datasketch {times['datasketch']:.2f}s",
              flush=True)
    return best, peak, outputs


def benchmark_size(n: int, args, vocab: Vocabulary, method: Callable) -> tuple[float, bool]:
    """Generate, measure and report one corpus size; returns (reuse time, every target met)."""
    t0 = time.perf_counter()
    corpus = make_corpus(n, args.seed, vocab)
    gen_s = time.perf_counter() - t0
    words = sum(a["text"].count(" ") + 1 for a in corpus.articles)
    n_copies = sum(len(p.copies) for p in corpus.plants)
    print(f"\n{n:,} articles ({words / n:.0f} words on average), generated in {gen_s:.1f}s: "
          f"{len(corpus.plants)} planted passages, {n_copies} copies, {len(corpus.truth):,} true pairs "
          f"(seed {args.seed})")
    if args.audit:
        chance = audit(corpus)
        print(f"audit: {len(chance)} unplanted pairs share a 25-word run"
              + (f", e.g. {chance[:3]}" if chance else ""))
    best, peak, outputs = run_methods(corpus, method, args.repeat)

    truth = set(corpus.truth)
    by_id = {a["doc_id"]: a for a in corpus.articles}
    reuse_out, ds_out = outputs["reuse"], outputs["datasketch"]
    predicted = {(p["doc_a"], p["doc_b"]) for p in reuse_out["pairs"]}
    bad_order = sum(a >= b for a, b in predicted)
    p_pairs, r_pairs = precision_recall(predicted, truth)
    p_clu, r_clu = precision_recall(cluster_pairs(reuse_out["passages"]), truth)
    p_ds, r_ds = precision_recall({(p["doc_a"], p["doc_b"]) for p in ds_out["pairs"]}, truth)
    n_located, n_found = located(corpus, reuse_out["pairs"])
    n_misaligned = misaligned(by_id, reuse_out["passages"])
    n_clusters = len({p["cluster_id"] for p in reuse_out["passages"]})
    ratio = best["reuse"] / best["datasketch"]

    ok_p, ok_r = (p_pairs or 0) >= PAIR_TARGET, r_pairs >= PAIR_TARGET
    ok_aligned = n_misaligned == 0 and bad_order == 0
    ok_ratio = ratio <= RATIO_TARGET if n >= RATIO_FROM else None  # fixed costs dominate below
    rows = [
        ("pair precision", fmt(p_pairs), fmt(p_ds), f">= {PAIR_TARGET}", verdict(ok_p)),
        ("pair recall", fmt(r_pairs), fmt(r_ds), f">= {PAIR_TARGET}", verdict(ok_r)),
        ("cluster-pair precision", fmt(p_clu), "-", "", "info"),
        ("cluster-pair recall", fmt(r_clu), "-", "", "info"),
        ("pairs / clusters", f"{len(predicted):,} / {n_clusters:,}", f"{len(ds_out['pairs']):,} / -",
         "", "info"),
        ("found pairs located", f"{n_located:,} of {n_found:,}", "-", "", "info"),
        ("misaligned passages", f"{n_misaligned}" + (f" (+{bad_order} doc_a>=doc_b)" if bad_order else ""),
         "-", "0", verdict(ok_aligned)),
        ("wall time", f"{best['reuse']:.2f}s", f"{best['datasketch']:.2f}s", "", "info"),
        ("time ratio reuse/datasketch", f"{ratio:.2f}x", "1.00x",
         f"<= {RATIO_TARGET:g}x" + ("" if ok_ratio is not None else f" at {RATIO_FROM:,}+"),
         verdict(ok_ratio)),
        ("peak memory growth", f"{peak['reuse']:.0f} MB", f"{peak['datasketch']:.0f} MB", "", "info"),
    ]
    print(f"best of {args.repeat} run(s), each method in a forked child"
          + ("; reuse = the --fake stand-in, not corroborate" if args.fake else ""))
    print_table(("measure", "reuse stage", "datasketch", "target", "result"), rows)
    report_misses(corpus, predicted, by_id, reuse_out)
    return best["reuse"], ok_p and ok_r and ok_aligned and ok_ratio is not False


def warm_up(vocab: Vocabulary, method: Callable) -> None:
    """Pay one-time costs (lazy imports, first-call set-up) in the parent, before any timing."""
    tiny = make_corpus(60, 1, vocab)
    method(tiny.articles)
    run_datasketch(tiny.articles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated corpus sizes, e.g. 10000,50000")
    parser.add_argument("--repeat", type=int, default=1, help="measurements per method; the best is kept")
    parser.add_argument("--seed", type=int, default=20250401, help="seed of the synthetic corpus")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    parser.add_argument("--audit", action="store_true",
                        help="also check that no unplanted pair shares a 25-word run")
    parser.add_argument("--fake", action="store_true",
                        help="score a stand-in written here instead of corroborate.reuse.find_reuse")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes must be comma-separated integers, got {args.sizes!r}")
    if not sizes or min(sizes) < 100 or args.repeat < 1:
        parser.error("--sizes must be at least 100 each and --repeat at least 1")

    method = run_fake if args.fake else run_reuse
    if not args.fake:
        try:
            import corroborate.reuse  # noqa: F401  (imported before timing; fails early if absent)
        except ImportError as exc:
            sys.exit(f"cannot import corroborate.reuse ({exc}); --fake runs the stand-in")
    vocab = build_vocabulary(args.seed)
    warm_up(vocab, method)

    times: dict[int, float] = {}
    all_ok = True
    for n in sizes:
        times[n], ok = benchmark_size(n, args, vocab, method)
        all_ok &= ok
    if 10_000 in times and 50_000 in times:
        scaling = times[50_000] / times[10_000]
        ok = scaling <= SCALING_TARGET
        all_ok &= ok
        print(f"\nscaling: reuse time(50,000) / time(10,000) = {scaling:.2f} "
              f"(target <= {SCALING_TARGET:g}; 5 is linear)  {verdict(ok)}")
    return 1 if (args.check and not all_ok) else 0


if __name__ == "__main__":
    sys.exit(main())
