"""Words for copy detection, in any script, with their character offsets.

A token is a run of letters and digits (with the combining marks that belong to them, so a
Devanagari or vocalised Arabic word stays whole), case folded. Scripts written without spaces
(Chinese, Japanese kana, Thai, Lao, Khmer, Myanmar) give one token per character, so the same
n-gram machinery works on them. Punctuation and quote marks are not tokens: a copy that swaps
straight quotes for curly ones, or drops a comma, has the same tokens as its origin.

Each distinct token gets a 64-bit id from a keyed hash of its text (BLAKE2b), never from the order
in which tokens were seen, so two articles' ids, and so their shingles, do not depend on which
other articles are in the corpus: aligning a pair gives the same result in any corpus.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np
import regex

# Most text (Latin, Cyrillic, Greek, unvocalised Arabic and Hebrew) is tokenised by the standard
# library's \w runs; only text with combining marks or an unspaced script needs the slower pattern
# of the `regex` package (a dependency of dateparser).
_PLAIN_TOKEN = re.compile(r"[^\W_]+")
_NEEDS_FULL = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_FULL_TOKEN = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]\p{M}*"
    r"|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*",
    regex.V1,
)


# The same patterns as one capturing group, for split(): it returns the text between tokens and the
# tokens alternately, all in C, so the tokens' offsets are running sums of the pieces' lengths.
_PLAIN_SPLIT = re.compile(f"({_PLAIN_TOKEN.pattern})")
_FULL_SPLIT = regex.compile(f"({_FULL_TOKEN.pattern})", regex.V1)


def _pattern(text: str):
    return _FULL_TOKEN if _NEEDS_FULL.search(text) else _PLAIN_TOKEN


def _fold(tokens: list[str]) -> list[str]:
    # Folding the tokens joined (one C call) rather than the whole text keeps them aligned with the
    # spans even where folding changes a length ("ß" → "ss").
    return "\x00".join(tokens).casefold().split("\x00") if tokens else []


def words(text: str) -> list[str]:
    """The case-folded tokens of text (see the module docstring)."""
    return _fold(_pattern(text).findall(text))


def words_and_offsets(text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """`words(text)` with each token's start and end offsets into text, as two int64 arrays; from
    one split of the text instead of a match object per token."""
    pieces = (_FULL_SPLIT if _NEEDS_FULL.search(text) else _PLAIN_SPLIT).split(text)
    # pieces = [gap, token, gap, token, ..., gap]: token k spans ends[2k] to ends[2k + 1].
    ends = np.cumsum(np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces)))
    return _fold(pieces[1::2]), ends[0:-1:2], ends[1::2]


class Vocabulary:
    """Token text → stable 64-bit id, cached for the tokens seen so far."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def _new(self, token: str) -> int:
        value = int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8,
                                               person=b"corrob-w").digest(), "little")
        self._ids[token] = value
        return value

    def ids(self, tokens: list[str]) -> np.ndarray:
        found = list(map(self._ids.get, tokens))  # map(dict.get) is the fast path: most are known
        if None in found:
            found = [v if v is not None else self._new(t) for v, t in zip(found, tokens)]
        return np.array(found, dtype=np.uint64)


# Odd 64-bit multipliers for combining n token ids into one shingle hash (polynomial hash mod 2^64).
_BASE = np.uint64(0x9E3779B97F4A7C15)


def shingle_hashes(ids: np.ndarray, n: int) -> np.ndarray:
    """Hash of every run of n consecutive token ids (len(ids) - n + 1 values; empty if shorter)."""
    count = len(ids) - n + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    out = ids[:count].copy()
    for k in range(1, n):
        out *= _BASE
        out ^= ids[k:k + count]
    return out
