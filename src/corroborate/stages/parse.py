"""The parse stage: spaCy's English pipeline over every English article, kept in `parses`.

Later stages (statements now; figures, places and incidents next) read the stored parse instead of
parsing again. Articles in other languages, and English ones too short to parse, get a row that
says why they were not analysed; they still take part in copied-passage detection.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..nlp import Parser, load_pipeline, model_name, to_bytes
from ..settings import NlpSettings
from .base import Stage


OTHER_LANGUAGE = "not analysed: language "  # the status of an article in a language no parser reads


def other_language(article: dict[str, Any]) -> bool:
    """Whether an article's parse row says no parser reads its language: the stages after the parse
    then read it by rules of any language."""
    return any(str(p.get("status", "")).startswith(OTHER_LANGUAGE) for p in article.get("parses", []))


@lru_cache(maxsize=2)
def _parser(model: str, batch_size: int, cache_size: int) -> Parser:
    """One Parser per process and setting, made when first needed (so sentences repeated across
    batches are parsed once too). The stage object holds none: an engine may ship it to workers,
    each of which loads its own pipeline."""
    return Parser(load_pipeline(model), batch_size=batch_size, cache_size=cache_size)


class Parse(Stage):
    name = "parse"
    version = "2"
    settings_section = "nlp"
    reads = ("doc_id", "text", "language")
    writes = ("parses",)

    def parser(self, settings: NlpSettings) -> Parser:
        return _parser(settings.model, settings.batch_size, settings.sentence_cache)

    def run(self, articles: list[dict[str, Any]], settings: NlpSettings) -> dict[str, list[dict[str, Any]]]:
        rows, todo = [], []
        languages = set(settings.languages)
        for art in articles:
            language = art.get("language")
            if language not in languages:
                rows.append({"doc_id": art["doc_id"], "language": language,
                             "status": f"{OTHER_LANGUAGE}{language or 'unknown'}",
                             "model": None, "n_sentences": 0, "n_tokens": 0, "parse": None})
            else:
                todo.append(art)
        if todo:
            parser = self.parser(settings)
            model = model_name(parser.nlp)
            for art, doc in zip(todo, parser.parse(a["text"] for a in todo)):
                rows.append({"doc_id": art["doc_id"], "language": art.get("language"), "status": "parsed",
                             "model": model, "n_sentences": sum(1 for _ in doc.sents),
                             "n_tokens": len(doc), "parse": to_bytes(doc)})
        return {"parses": rows}
