"""The outlet's own voice: what an article asserts outside every statement.

Each sentence minus the statements' content, cues and speaker mentions (and the "according to"
phrases) is what the outlet says itself. What is left is kept when it still has at least
`min_words` words: a bare "he said" remnant is not an assertion.
"""
from __future__ import annotations

import hashlib

_EDGE = " \t\n,;:–—-\"“”«»'’"


def own_voice(doc, covered: list[tuple[int, int]], min_words: int = 4) -> list[tuple[int, int]]:
    """(start, end) of every stretch of a sentence not covered by a statement."""
    text = doc.text
    spans = sorted(covered)
    out = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        pieces = [(s, e)]
        for cs, ce in spans:
            if ce <= s or cs >= e:
                continue
            nxt = []
            for ps, pe in pieces:
                if ce <= ps or cs >= pe:
                    nxt.append((ps, pe))
                    continue
                if cs > ps:
                    nxt.append((ps, cs))
                if ce < pe:
                    nxt.append((ce, pe))
            pieces = nxt
        for ps, pe in pieces:
            while ps < pe and text[ps] in _EDGE:
                ps += 1
            while pe > ps and text[pe - 1] in _EDGE:
                pe -= 1
            if len(text[ps:pe].split()) >= min_words:
                out.append((ps, pe))
    return out


def assertion_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"assertion:{doc_id}:{start}:{end}".encode()).hexdigest()[:16]
