"""Sentence vectors for the claims stage: each distinct text embedded once, and kept in the store.

Why: embedding is the costly step of grouping claims, and most of its work is repeated. Copied
coverage carries one sentence in many articles, and a rerun after a few articles were added sees
the same sentences again. So

- texts are compared after collapsing whitespace (`normalise`): identical sentences share one
  embedding, and one row of `Vectors.vectors`; `Vectors.of` maps every input text to its row;
- the vector of each distinct text is kept in the store's `sentence_vectors` table, keyed by the
  model (`MODEL`) and the SHA-256 of the normalised text (`text_key`), so a rerun embeds only the
  texts it has not seen. The claims stage writes the table in the same transaction as its claims
  (an interrupted run leaves the last finished run's vectors), with the vectors of the texts that
  run used and no others: vectors of texts no longer present (an article removed or changed, a
  setting that cuts sentences otherwise) are pruned, so the table never outgrows the corpus.

Stored as float16 (768 bytes a vector). Measured on the vectors of the 15,485 distinct sentences
of 1,000 generated articles (benchmarks/report.py's corpus), 2,000 of them against all, 31 million
pairs, cosine of the stored vectors against the float32 ones: float16 |delta| at most 0.00014
(mean 0.00001); int8 with one scale per vector at most 0.0034 (mean 0.0004). So float16: far
inside the 0.005 the grouping tolerates beside its thresholds of 0.65 and 0.8, where int8 would
halve the size but use two thirds of that margin.

A vector is used as it is stored: a cold run rounds its fresh vectors to float16 too, and the
embedder gives a text the same vector whatever it is batched with (claims.embed), so a warm run
groups exactly as a cold one.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np

from .embed import DIMENSIONS, MAX_TOKENS, MODEL_SHA256, MULTILINGUAL_SHA256, TOKENIZER_SHA256

# The model a stored vector was made with: a vector of another model (or tokenizer, or truncation)
# is never used, and is pruned by the next run. Sentences of other languages are embedded by a
# second, multilingual model (claims.languages), kept in the same table under its own name.
MODEL = f"all-MiniLM-L6-v2-int8:{MODEL_SHA256[:12]}:{TOKENIZER_SHA256[:12]}:{MAX_TOKENS}"
MULTILINGUAL = f"multilingual-e5-small-q4:{MULTILINGUAL_SHA256[:12]}:query"
STORED = np.dtype("<f2")  # float16, little-endian whatever the machine
EMBED_CHUNK = 8192        # texts handed to the embedder at once


def normalise(text: str) -> str:
    """The text as embedded: whitespace runs collapsed to one space, ends stripped."""
    return " ".join(text.split())


def text_key(text: str) -> str:
    """The key of a text's vector: the first 32 hex digits of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:32]


def to_bytes(vectors: np.ndarray) -> list[bytes]:
    """Each row as stored (float16)."""
    stored = np.ascontiguousarray(vectors, dtype=STORED)
    return [row.tobytes() for row in stored]


def from_bytes(blobs: Sequence[bytes]) -> np.ndarray:
    """Stored rows back as an (n, 384) float32 array."""
    if not blobs:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype=STORED).reshape(len(blobs), DIMENSIONS).astype(np.float32)


def as_stored(vectors: np.ndarray) -> np.ndarray:
    """Vectors rounded as the store keeps them, so fresh and kept vectors are alike."""
    return vectors.astype(STORED).astype(np.float32)


@dataclass
class Vectors:
    """One vector per distinct text, and which one each input text has."""
    vectors: np.ndarray    # (m, 384) float32, unit length (to float16 rounding), in first-seen order
    of: np.ndarray         # (n,) int64: the row of vectors of each input text
    keys: list[str]        # text_key of each row
    embedded: int          # rows embedded in this call (the others came from the store)
    model: str = MODEL     # the model that made them

    def rows(self) -> np.ndarray:
        """An (n, 384) array, a row per input text (copies are copies of one vector)."""
        return self.vectors[self.of]

    def rows_for(self, texts: Sequence[str]) -> np.ndarray:
        """A row per given text, each one of the input texts (compared as `normalise` does)."""
        at = {k: r for r, k in enumerate(self.keys)}
        return self.vectors[np.array([at[text_key(t)] for t in texts], dtype=np.int64)]

    def store_rows(self) -> list[dict[str, Any]]:
        """Rows of the sentence_vectors table for every distinct text."""
        return [{"model": self.model, "text_key": k, "vector": b} for k, b in zip(self.keys, to_bytes(self.vectors))]


def stored(rows: Iterable[Mapping[str, Any]], model: str = MODEL) -> dict[str, bytes]:
    """{text_key: vector bytes} of the stored rows made with `model`."""
    return {r["text_key"]: r["vector"] for r in rows if r["model"] == model and r["vector"] is not None
            and len(r["vector"]) == DIMENSIONS * STORED.itemsize}


def sentence_vectors(texts: Sequence[str], known: Mapping[str, bytes],
                     embed: Callable[[list[str]], np.ndarray] | None, model: str = MODEL) -> Vectors:
    """The vectors of texts: from `known` (stored, see `stored`) when there, else embedded (once per
    distinct text, in first-seen order). Without an embedder every text must be known."""
    row_of: dict[str, int] = {}
    of = np.empty(len(texts), dtype=np.int64)
    distinct: list[str] = []
    for i, t in enumerate(texts):
        t = normalise(t) if isinstance(t, str) else ""
        r = row_of.get(t)
        if r is None:
            r = row_of[t] = len(distinct)
            distinct.append(t)
        of[i] = r
    keys = [text_key(t) for t in distinct]
    blobs: list[bytes | None] = [known.get(k) for k in keys]
    todo = [r for r, b in enumerate(blobs) if b is None]
    vectors = np.zeros((len(distinct), DIMENSIONS), dtype=np.float32)
    have = [r for r, b in enumerate(blobs) if b is not None]
    if have:
        vectors[have] = from_bytes([blobs[r] for r in have])
    if todo and embed is None:
        raise ValueError(f"{len(todo)} texts have no stored vector and there is no embedder")
    for s in range(0, len(todo), EMBED_CHUNK):  # a chunk at a time: the tokenizer's output is large
        chunk = todo[s:s + EMBED_CHUNK]
        vectors[chunk] = as_stored(embed([distinct[r] for r in chunk]))
    return Vectors(vectors, of, keys, len(todo), model)
