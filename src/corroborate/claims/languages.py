"""Claims across languages: which claim a sentence of another language asserts.

    joined, margins = join_claims(groups, group_sizes, claims, claim_sizes, fits, k=4, margin=1.06)
    joined[g]   # the claim group g joins, or -1

The claims of English articles are grouped with an English sentence model (claims.group). A
sentence of an article in another language is read by a multilingual one (claims.embed,
multilingual-e5-small), in which a sentence and its translation land close whatever the two
languages. But that model's cosines sit in a narrow band: translations 0.81-0.95, unrelated
sentences up to 0.84, and a sentence about the same event with another claim ("Two soldiers were
wounded" / "Five peacekeepers were killed") only about 0.05 below a true paraphrase
(../shared/docs/research/multilingual.md). A fixed cosine cannot tell them apart, so:

- **Average similarity** of a group of sentences of another language (copies of one text are one
  group) with a claim: the mean cosine over every pair of their members, as the English grouping
  joins groups (no single close member pulls a sentence into a claim).
- **Ratio margin** (Artetxe & Schwenk 2019, the score LASER mines parallel sentences with): that
  similarity over the mean of the group's `k` best similarities to any claim and the claim's `k`
  best to any group. A sentence about the event is close to every claim of the event; what sets
  its own claim apart is how much closer that one is than its usual neighbours, on both sides. A
  group joins its claim of highest margin when the margin is at least `margin` and the claim
  `fits` it (claims.group: when both give figures, they share one).

- **Figures as anchors.** Digits read the same in every script, and a figure of two digits or
  more that is not a year ("600 km²", "29 dead", "02:54") rarely recurs by chance. A group that
  shares such a figure with some claims joins the closest of them (highest margin) when its margin
  is at least `anchored_margin` (1.0: at least as close as its usual neighbours), below the margin
  a group needs without one; the shared figure stands for `fits` (a sentence no parser cut into
  clauses gives more figures than one clause does). A number with a word of magnitude is the
  number it makes ("16 тысяч" is 16000, as "16,000" is; it once anchored 16 thousand homeless to a
  toll of 16 dead).
- **Sources as anchors.** A sentence whose statement's speaker is a source the English coverage
  credits (stages.claims: "Andriy Yermak" in Spanish, "Антониу Гутерриш") is anchored to that
  source's claims as to a shared figure: of what its speaker is credited with, the closest.
- **What a sentence says.** With no parser to cut it into clauses, a sentence of another language
  is compared by the content of the statement it holds, as the English claims are by their
  clauses: "Yermak calificó [la voladura de la presa de crimen de guerra], y ha publicado un
  vídeo ..." reads as what Yermak called the blast, not as who he is and what else he did.

Measured on Kakhovka's 96 sentences of twelve articles in nine languages (a claim read by its
text, claims.group): the right claim comes first for 10 of the 26 that the claims gold places, and
this small model's margins are compressed, so LASER's 1.06 joins 1 sentence; at 1.03, with figures
as anchors, 11 join, 10 of them to a claim saying the same thing (4 are gold members of their
English claim, the others content the gold lists under no claim; the wrong one: "hard to call it
a reservoir" to a sentence about a man babbling). On the example corpus' Russian article, not
looked at when the margin was chosen, the ministry's toll, the hospital's, the evacuees and three
quotes join their English claims, and none joins a wrong one. A figure anchor on a year joined a
date line to a page's date, which is why years are no anchor. Sources as anchors, statement
content and magnitudes (claims v18-v20) joined 7 more of Kakhovka's sentences to the English claim
saying the same (Zelensky's "will not stop Ukraine", NORSAR's signals, Peskov's Crimea motive, the
16,000 in the critical zone, up to 40,000 in the disaster zone, a water level), moved Alekseyenko's
toll of 35 from the claim of 29 to its own, and sent 2 wrong: Zelensky's "terrorist act" to his
"this crime carries enormous threats", and a count of 35 flooded villages, right before, to a
water level. On the example corpus two more quotes joined, both right. Kakhovka
B-cubed over every language 0.618 -> 0.623.

What does not join stays its own claim: coverage no English article carries is still coverage.
Pure: vectors in, choices out.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

import numpy as np

K = 4            # neighbours whose mean a similarity is measured against
MARGIN = 1.03    # the ratio margin a group needs to join a claim (LASER mines translations at 1.04-1.06; see above)
ANCHORED_MARGIN = 1.0  # ... and one that shares a figure with the claim
CANDIDATES = 5   # claims of highest margin tried, in order, for one that fits
_BLOCK = 1 << 22  # elements of one block of similarities


def _mean_top(rows: np.ndarray, k: int) -> np.ndarray:
    """The mean of each row's k highest values (all of them when a row has fewer)."""
    k = min(k, rows.shape[1])
    if k == 0:
        return np.zeros(rows.shape[0], dtype=np.float64)
    return np.partition(rows, rows.shape[1] - k, axis=1)[:, rows.shape[1] - k:].mean(axis=1)


def average_similarity(group_sums: np.ndarray, group_sizes: np.ndarray, claim_sums: np.ndarray,
                       claim_sizes: np.ndarray) -> np.ndarray:
    """(groups, claims): the mean cosine over every pair of a group's and a claim's members (the
    sums' dot product over the product of the sizes)."""
    sims = np.asarray(group_sums, dtype=np.float64) @ np.asarray(claim_sums, dtype=np.float64).T
    return sims / np.outer(np.asarray(group_sizes, dtype=np.float64), np.asarray(claim_sizes, dtype=np.float64))


def join_claims(group_sums: np.ndarray, group_sizes: np.ndarray, claim_sums: np.ndarray,
                claim_sizes: np.ndarray, fits: Callable[[int, int], bool], k: int = K,
                margin: float = MARGIN, anchored: Callable[[int], Iterable[int]] | None = None,
                anchored_margin: float = ANCHORED_MARGIN) -> tuple[np.ndarray, np.ndarray]:
    """For each group, the claim it joins (-1: none) and that claim's margin (see the module doc).
    Ties go to the lower claim index, so the choice depends on the input order only."""
    n_groups, n_claims = len(group_sums), len(claim_sums)
    joined = np.full(n_groups, -1, dtype=np.int64)
    margins = np.zeros(n_groups, dtype=np.float64)
    if n_groups == 0 or n_claims == 0:
        return joined, margins
    step = max(1, _BLOCK // n_claims)
    # each claim's k best similarities to any group, kept over the blocks of groups
    claim_best = np.full((n_claims, min(k, n_groups)), -np.inf)
    group_knn = np.empty(n_groups, dtype=np.float64)
    for s in range(0, n_groups, step):
        sims = average_similarity(group_sums[s:s + step], group_sizes[s:s + step], claim_sums, claim_sizes)
        group_knn[s:s + step] = _mean_top(sims, k)
        both = np.concatenate((claim_best, sims.T), axis=1)
        claim_best = np.partition(both, both.shape[1] - claim_best.shape[1], axis=1)[:, both.shape[1] - claim_best.shape[1]:]
    claim_knn = claim_best.mean(axis=1)
    for s in range(0, n_groups, step):
        sims = average_similarity(group_sums[s:s + step], group_sizes[s:s + step], claim_sums, claim_sizes)
        scale = (group_knn[s:s + step, None] + claim_knn[None, :]) / 2.0
        scores = np.round(sims / np.maximum(scale, 1e-12), 9)  # rounded: ties go by index, whatever summed them
        for r, row in enumerate(scores):
            order = np.argsort(-row, kind="stable")[:CANDIDATES]
            for c in order.tolist():
                if row[c] < margin:
                    break
                if fits(s + r, c):
                    joined[s + r], margins[s + r] = c, row[c]
                    break
            if joined[s + r] < 0 and anchored is not None:
                # the shared figure is the agreement `fits` asks for: a sentence no parser cut
                # into clauses often gives more figures than one clause of the claim does
                near = sorted(set(anchored(s + r)), key=lambda c: (-row[c], c))
                if near and row[near[0]] >= anchored_margin:
                    joined[s + r], margins[s + r] = near[0], row[near[0]]
    return joined, margins


_FIGURE = re.compile(r"\d+(?:[.,:]\d+)*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d")
_NEXT_WORD = re.compile(r"[\s\u00a0\u202f]*(\w+)")


def anchors(text: str) -> frozenset[str]:
    """The figures of a text that can anchor it to a claim in another language: runs of digits
    (with their separators, "17,000" and "17.000" as "17000") of two digits or more, not a year;
    a time of day as hours and minutes ("02:54" and "02.54" as "2:54"). A decimal that reads as a
    time ("12.50") is taken for one on both sides alike. A number with a word of magnitude after
    it is the number it makes ("16 тысяч", "16 mil" and "16 thousand" are "16000", none is 16)."""
    from ..facts.anylanguage import _multiplier

    out = set()
    for m in _FIGURE.finditer(text):
        figure = m.group()
        word = _NEXT_WORD.match(text, m.end())
        factor = _multiplier(word.group(1)) if word else None
        if _CLOCK.fullmatch(figure) and factor is None:  # a time of day, "02:54" or "02.54" as the Norwegians write it
            hour, minute = re.split(r"[.:]", figure)
            out.add(f"{int(hour)}:{minute}")
            continue
        plain = re.sub(r"[.,](?=\d{3}\b)", "", figure)  # thousands separators of either convention
        if factor is not None:
            try:
                plain = f"{float(plain.replace(',', '.')) * factor:.0f}"
            except ValueError:  # "1.2.3": no number to scale
                continue
        if sum(ch.isdigit() for ch in plain) >= 2 and not _YEAR.fullmatch(plain):
            out.add(plain)
    return frozenset(out)
