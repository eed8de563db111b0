"""The article as readers produce it, and the content hash that names it."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

# Quote marks and dashes that copies of one text vary in; they are unified before hashing so a
# copy that only changed ’ to ' is stored once.
_UNIFY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
})
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """The form two texts share when they differ only in whitespace, quote marks or dashes."""
    if not unicodedata.is_normalized("NFC", text):  # the check is far cheaper than normalising
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.translate(_UNIFY).split())


def content_id(text: str) -> str:
    """The stable doc_id: 16 hex digits of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


def count_words(text: str) -> int:
    """Whitespace-separated words (as `wc -w` counts them).

    Scripts written without spaces (Chinese, Japanese, Thai) give few, very long tokens; for those
    runs of letters and digits are counted instead.
    """
    tokens = len(text.split())
    if tokens * 15 > len(text):
        return tokens
    return len(_WORD.findall(text))


@dataclass
class Article:
    """One article read from one source, before it is stored."""

    text: str
    source: str
    format: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: date | None = None
    updated: date | None = None
    language: str | None = None
    dateline: str | None = None
    notes: list[str] = field(default_factory=list)  # e.g. "decoded as cp1252"
    n_words: int = 0

    @property
    def doc_id(self) -> str:
        return content_id(self.text)


@dataclass
class Skip:
    """An input that could not be read, with the reason shown to the user."""

    source: str
    reason: str
    detail: str = ""

    def message(self) -> str:
        return f"{self.source}: {self.reason}" + (f" ({self.detail})" if self.detail else "")
