"""The outlet's own voice: what an article asserts outside every statement.

Each sentence minus the statements' content, cues and speaker mentions (and the "according to"
phrases) is what the outlet says itself. What is left is kept when it still has at least
`min_words` words: a bare "he said" remnant is not an assertion.

What is left of a sentence a statement runs through is kept only when it holds a clause of its
own (`holds_clause`): a finite verb, not one of saying or thinking, whose subject is inside it
and is not a relative pronoun ("the river has since burst its banks", "which the mayor and most
engineers blame on the storm"). The rest is the statement's frame or a modifier of something in
it: "a ministry spokeswoman, Ana Ruiz, said", "the agency said on its website", "cited by the
Courier", "in a statement issued on Monday", "who run the northern districts", "held by rebel
troops since May". The outlet asserts nothing there, and as a claim such a piece could
only join, as the outlet's own voice, the claim its sentence credits to a source. A sentence no
statement touches stays whole, whatever its shape (a headline, "Land mines washed away"), unless
it only says that someone spoke (`_frame`: "Annalena Baerbock, the German Foreign Minister, said
in a statement:", the quotation in the next paragraph).
"""
from __future__ import annotations

import hashlib

from .lexicon import COGNITION, SPEECH

_EDGE = " \t\n,;:–—-\"“”«»'’"
_FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))
_SUBJECTS = frozenset(("nsubj", "nsubjpass", "csubj", "csubjpass", "expl"))
_RELATIVE = frozenset(("WDT", "WP"))


def holds_clause(doc, start: int, end: int) -> bool:
    """Whether doc.text[start:end] holds a clause of its own: a finite verb (or one with a finite
    auxiliary) that is not a verb of saying or thinking, with a subject inside the stretch that is
    not a relative pronoun."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True  # not on token boundaries: keep it, as before
    for tok in span:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.tag_ not in _FINITE and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE
                                               for c in tok.children):
            continue
        if tok.lemma_.lower() in SPEECH or tok.lemma_.lower() in COGNITION:
            continue
        if any(c.dep_ in _SUBJECTS and start <= c.idx < end and c.tag_ not in _RELATIVE for c in tok.children):
            return True
    return False


# the verbs that only say who speaks ("X said in a statement:"), not what someone did in words
_SAYING = frozenset("say tell state add write".split())


def _frame(root) -> bool:
    """Whether a sentence only says that someone spoke: its main verb a verb of saying with its
    subject and nothing said ("X, the foreign minister, said in a statement:" before a quotation in
    the next paragraph, "..., the group of researchers said in a statement." after a splitter cut):
    no object, clause or complement, its subject before it (not a headline's "600 sq km under
    water, says governor", whose words the parse may hang elsewhere)."""
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return root.lemma_.lower() in _SAYING and bool(subjects) and all(c.i < root.i for c in subjects) \
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "advcl", "conj", "dative", "parataxis")
                    for c in root.children)


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
        # a sentence no statement touches is kept whole, unless it only frames someone's words
        # ("X, the foreign minister, said in a statement:" before a quotation in the next
        # paragraph; "..., the group of researchers said in a statement." after a splitter cut)
        cut = pieces != [(s, e)] or _frame(sent.root)
        for ps, pe in pieces:
            while ps < pe and text[ps] in _EDGE:
                ps += 1
            while pe > ps and text[pe - 1] in _EDGE:
                pe -= 1
            if len(text[ps:pe].split()) >= min_words and (not cut or holds_clause(doc, ps, pe)):
                out.append((ps, pe))
    return out


def assertion_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"assertion:{doc_id}:{start}:{end}".encode()).hexdigest()[:16]
