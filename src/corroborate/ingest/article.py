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


# The same mapping as (from, to) pairs: replacing the few that occur is ~100x faster than
# str.translate, which looks every character of a non-ASCII text up in the dict. Replacing one
# after another equals translating at once because no replacement is itself replaced.
_UNIFY_PAIRS = tuple((chr(k), v) for k, v in _UNIFY.items())


def _unify(text: str) -> str:
    """text.translate(_UNIFY)."""
    for old, new in _UNIFY_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


# The whitespace of ASCII text other than space and newline, as str.split() sees it.
_ASCII_OTHER_SPACE = ("\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
_DOUBLE_SPACE = re.compile("  ")  # finds "  " faster than the `in` operator does


def _collapse_ascii(text: str) -> str | None:
    """" ".join(text.split()) for ASCII text whose only whitespace is single spaces and newlines
    between words (the usual shape of an article), or None when the text has another shape."""
    flat = text.replace("\n\n", " ")
    if "\n" in flat:
        flat = flat.replace("\n", " ")
    # Spaces are now the only whitespace unless one of these is there (each test is a memchr).
    for char in _ASCII_OTHER_SPACE:
        if char in flat:
            return None
    # With no double space and no space at either end, splitting on whitespace and joining with
    # spaces gives this text back.
    if flat[:1] == " " or flat[-1:] == " " or _DOUBLE_SPACE.search(flat):
        return None
    return flat


def normalise(text: str) -> str:
    """The form two texts share when they differ only in whitespace, quote marks or dashes."""
    if text.isascii():  # ASCII text is NFC and has none of the characters _UNIFY maps
        return _collapse_ascii(text) or " ".join(text.split())
    if not unicodedata.is_normalized("NFC", text):  # the check is far cheaper than normalising
        text = unicodedata.normalize("NFC", text)
    return " ".join(_unify(text).split())


def content_id(text: str) -> str:
    """The stable doc_id: 16 hex digits of the SHA-256 of the normalised text."""
    return id_of_normal(normalise(text))


def count_words(text: str) -> int:
    """Whitespace-separated words (as `wc -w` counts them).

    Scripts written without spaces (Chinese, Japanese, Thai) give few, very long tokens; for those
    runs of letters and digits are counted instead.
    """
    return _words_from_tokens(text, len(text.split()))


def _words_from_tokens(text: str, tokens: int) -> int:
    if tokens * 15 > len(text):
        return tokens
    return len(_WORD.findall(text))


def count_words_and_normal(text: str) -> tuple[int, str]:
    """(count_words(text), normalise(text)), splitting the text once instead of twice.

    The normalised text has as many whitespace-separated tokens as the text itself: NFC aside,
    it differs only by _UNIFY, which maps spaces to spaces and other characters to non-spaces.
    """
    if text.isascii():
        flat = _collapse_ascii(text)
        if flat is not None:
            tokens = flat.count(" ") + 1 if flat else 0
        else:
            parts = text.split()
            flat, tokens = " ".join(parts), len(parts)
    elif unicodedata.is_normalized("NFC", text):
        parts = _unify(text).split()
        flat, tokens = " ".join(parts), len(parts)
    else:
        flat, tokens = normalise(text), len(text.split())
    return _words_from_tokens(text, tokens), flat


def id_of_normal(normal: str) -> str:
    """content_id(text) from normalise(text)."""
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


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
    # How the outlet was found (outlets.GIVEN, SITE_NAME, SIGN_OFF, ...), which decides whether the
    # URL's site names the outlet instead (outlets.settle_outlet).
    outlet_from: str | None = None
    from_metadata: tuple[str, ...] = ()  # the fields a metadata file gave (meta.py)

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
