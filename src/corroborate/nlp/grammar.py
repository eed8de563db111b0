"""Small questions asked of a parse in more than one place."""
from __future__ import annotations


def tense(doc, start: int, end: int) -> str | None:
    """ "present" or "past" for the verb heading the text [start, end) of a parsed article, read
    off its auxiliary's tag or its own (a modal counts as past: "would", "could" narrate); None
    when no verb heads it. News narrates in the past, so the present marks a report going on."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    inside = {t.i for t in span if not t.is_space}
    tops = [t for t in span if t.i in inside and (t.head.i not in inside or t.head.i == t.i)]
    root = next((t for t in tops if t.pos_ in ("VERB", "AUX")), tops[0] if tops else None)
    if root is None:
        return None
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    tag = (aux[0] if aux else root).tag_
    return "present" if tag in ("VBZ", "VBP") else "past" if tag in ("VBD", "MD") else None
