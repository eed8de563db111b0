"""Who said what, within one article: statements, their speakers, and the outlet's own voice.

    quotes.py      quoted spans in the raw text, paired by direction, over paragraphs
    lexicon.py     cue verbs, role, organisation, group and document nouns, titles
    statements.py  statements from the parse: cue verbs, "according to", quotations
    frames.py      accusation, blame and naming frames, report nouns, studies as sources
    layout.py      headline forms, transcript lines and signed quotations
    speakers.py    who a speaker mention refers to within the article
    names.py       normalised person and organisation names (shared with cross-article entities)
    voice.py       what is left: the outlet's own assertions

Everything here is a pure function of one spaCy Doc (whose text is the article text, so token
offsets are offsets into the stored text) and the settings.
"""
from __future__ import annotations

from typing import Any

from .statements import Found, extract_statements, statement_id
from .voice import assertion_id, own_voice

__all__ = ["analyse", "extract_statements", "Found"]


def _same_outlet(name: str | None, outlet: str | None) -> bool:
    def squash(x: str) -> str:
        return "".join(ch for ch in x.lower() if ch.isalnum())
    return bool(name and outlet) and squash(name) == squash(outlet)


def analyse(doc_id: str, doc, min_quote_words: int = 4, outlet: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Rows for `statements` and `assertions` from one article's parse. A statement the article
    attributes to its own outlet ("..., News.az reports") is the outlet's own voice."""
    text = doc.text
    found = [f for f in extract_statements(doc, min_quote_words)
             if not _same_outlet(f.speaker.name if f.speaker else None, outlet)]
    statements, covered = [], []
    seen = set()
    for f in found:
        sid = statement_id(doc_id, f.start, f.end)
        if sid in seen:
            continue
        seen.add(sid)
        sp = f.speaker
        statements.append({
            "statement_id": sid, "doc_id": doc_id, "start": f.start, "end": f.end,
            "text": text[f.start:f.end], "kind": f.kind, "cue": text[f.cue[0]:f.cue[1]],
            "cue_start": f.cue[0], "cue_end": f.cue[1], "speaker": sp.name or None,
            "speaker_mention": sp.mention or None, "speaker_start": sp.start, "speaker_end": sp.end,
            "speaker_type": sp.type, "speaker_role": sp.role or None, "speaker_org": sp.org or None,
            "speaker_key": sp.key or None, "sentence_start": f.sentence[0], "sentence_end": f.sentence[1],
            "target": text[f.target[0]:f.target[1]] if f.target else None,
            "target_start": f.target[0] if f.target else None, "target_end": f.target[1] if f.target else None,
        })
        covered.append((f.start, f.end))
        covered.append(f.cue)
        if sp.start is not None:
            covered.append((sp.start, sp.end))
    assertions = [{"assertion_id": assertion_id(doc_id, s, e), "doc_id": doc_id, "start": s, "end": e,
                   "text": text[s:e]} for s, e in own_voice(doc, covered)]
    return {"statements": statements, "assertions": assertions}
