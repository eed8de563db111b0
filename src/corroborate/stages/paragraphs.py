"""The paragraphs stage: every non-blank line of an article, with its character offsets.

Scraped texts mark paragraphs with blank lines or with single line breaks, so each non-blank line
is a paragraph. Offsets exclude the line's surrounding whitespace, so `text[start:end]` is the
paragraph exactly as stored. Later stages and the report cite paragraphs by these offsets.
"""
from __future__ import annotations

import re
from typing import Any

from ..ingest.article import count_words
from ..settings import ParagraphSettings
from .base import Stage

_LINE = re.compile(r"[^\n]+")


def split_paragraphs(text: str, min_chars: int = 1) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of `text`, whitespace trimmed."""
    spans = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if len(stripped) < max(min_chars, 1):
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        spans.append((start, start + len(stripped)))
    return spans


class Paragraphs(Stage):
    name = "paragraphs"
    version = "1"
    settings_section = "paragraphs"
    reads = ("doc_id", "text")
    writes = ("paragraphs",)

    def run(self, articles: list[dict[str, Any]], settings: ParagraphSettings) -> dict[str, list[dict[str, Any]]]:
        rows = []
        for art in articles:
            text = art["text"]
            for number, (start, end) in enumerate(split_paragraphs(text, settings.min_chars)):
                rows.append({"doc_id": art["doc_id"], "paragraph": number, "start": start, "end": end,
                             "text": text[start:end], "n_words": count_words(text[start:end])})
        return {"paragraphs": rows}
