"""The propositions stage: each statement's content and each piece of the outlet's own voice cut
into clauses, with what each asserts (corroborate.claims.propositions): the unit claims are
grouped from.

Per article, on the stored parse: a clause depends only on its own article, so a new article
costs only its own clauses, and the claims stage (a corpus stage) reads them all."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from ..claims.propositions import (accused_side, blame, clauses, is_byline, is_call_to_reader, is_furniture,
                                  is_furniture_text)
from ..nlp import from_bytes, sentences_any_language
from ..settings import PropositionSettings
from .base import Stage
from .parse import other_language


def _id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def _cue_lemma(doc, row: dict[str, Any]) -> str | None:
    """The lemma of the cue's verb ("denied" -> "deny"), from the parse."""
    if row.get("cue_start") is None or row.get("cue_end") is None:
        return None
    span = doc.char_span(row["cue_start"], row["cue_end"], alignment_mode="expand")
    if span is None:
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "NOUN")]
    return (verbs[0] if verbs else span[0]).lemma_.lower() if len(span) else None


def propositions(doc_id: str, doc, statements: list[dict[str, Any]], assertions: list[dict[str, Any]],
                 min_words: int) -> list[dict[str, Any]]:
    """Rows of `propositions` for one parsed article."""
    rows: dict[tuple[int, int], dict[str, Any]] = {}
    text = doc.text  # built once: Doc.text joins every token on each access
    pieces = [(r["start"], r["end"], r["statement_id"], _cue_lemma(doc, r), r.get("target")) for r in statements] + \
             [(r["start"], r["end"], None, None, None) for r in assertions]
    for start, end, statement_id, cue, target in sorted(pieces, key=lambda p: (p[0], p[1], p[2] or "")):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or is_furniture(span) or (statement_id is None and (is_byline(span) or is_call_to_reader(span))):
            continue
        found = clauses(doc, start, end, min_words, cue, content=statement_id is not None)
        side = accused_side(target)
        if side:
            # "X accused Y of Z", "X blamed Z on Y": whoever is accused did what the content says,
            # and even a short content ("blamed Russia for the disaster") is that proposition
            found = [replace(c, agent=side) for c in found] or [blame(text, start, end, target, side)]
        for c in found:
            key = (c.start, c.end)
            if key in rows:
                continue  # a clause once, under the statement it was first found in
            rows[key] = {"proposition_id": _id(doc_id, c.start, c.end), "doc_id": doc_id, "start": c.start,
                         "end": c.end, "text": text[c.start:c.end], "core": c.core, "neutral": c.neutral,
                         "agent": c.agent, "harm": c.harm,
                         "harmed": c.harmed if c.harm else None,
                         "negated": c.negated, "statement_id": statement_id}
    return [rows[k] for k in sorted(rows)]


def unread_sentences(doc_id: str, text: str, min_words: int) -> list[dict[str, Any]]:
    """Rows of `propositions` for an article no parser read (its language has none): each sentence
    (nlp.sentences_any_language) of `min_words` words or more, or of 30 characters or more in a
    script written without spaces, that is not page furniture. No core, agent or statement: who
    says it is not known (claims.languages)."""
    rows = []
    for start, end in sentences_any_language(text):
        sentence = text[start:end]
        if len(sentence.split()) < min_words and (" " in sentence or len(sentence) < 30):
            continue
        if is_furniture_text(sentence):
            continue
        rows.append({"proposition_id": _id(doc_id, start, end), "doc_id": doc_id, "start": start, "end": end,
                     "text": sentence, "core": None, "neutral": None, "agent": None, "harm": False, "harmed": None,
                     "negated": False,
                     "statement_id": None})
    return rows


class Propositions(Stage):
    name = "propositions"
    version = "25"  # 25: the Armenian full stop ends a sentence; 24: a dash opening a quote begins the next sentence, not the end of the one before; 23: a quote ending with its own full stop is one sentence with its verb in lower case, in languages no parser reads ("'... açık.' dedi."); 22: a comment form's lines ("Your email address will not be published", "Required fields are marked") are page furniture; 21: what someone is asked or urged to do ("urged the world to condemn ...") is no purpose clause of its own; 20: a subordinator left at the end of a piece ("are being evacuated, while") is not the clause's; 19: a sentence without a verb is a headline only on a line of its own (not "/TASS/. International Atomic Energy Agency (IAEA)", which the sentence splitter cut off a dateline); 18: a verb joined by "and" to the one before, sharing its object, is no clause of its own ("has been following and managing the event", "destroyed or damaged dozens of buildings"); 17: an indirect question asserts nothing ("could not say what caused ..."); 16: a denied responsibility with a pronoun subject is the denier's ("denied it was involved"); 15: invaders, aggressors, attackers act; 14: a deed "from the X side" or "at the order of X" is X's, "the sabotage was committed" a harm; 13: a call to the reader ("follow our channel") is no claim; 12: a denied part in a deed ("denied any fault for the blast") is the denier's; 11: "was aware that [X did it]" gives the agent of the deed known; 10: a content in pieces hanging from its cue is one clause; 9: a preposition left dangling where a statement begins is not the clause's; 8: a labelled thing and its label ("described X as Y") are one clause; "X was an act of harm by Y" harmed what X was done to; a statement coordinated with an accusation is not the accused's deed; "saying it was ..." after one speaks of the accused's deed; 7: whether a clause puts a harm on its agent, and on what (harm, harmed); 6: whose a thing is did nothing ("Chile's bridge"): only an act or an actor names who did it; 5: bylines and datelines are no own-voice clause; 4: sentences of articles no parser reads
    settings_section = "propositions"
    reads = ("doc_id", "text")
    writes = ("propositions",)
    after = ("statements",)
    uses = ("parses", "statements", "assertions")

    def run(self, articles: list[dict[str, Any]], settings: PropositionSettings) -> dict[str, list[dict[str, Any]]]:
        out: list[dict[str, Any]] = []
        for art in articles:
            parse = next((p for p in art.get("parses", []) if p.get("parse")), None)
            if parse is None:
                if other_language(art):
                    out.extend(unread_sentences(art["doc_id"], art["text"], settings.min_words))
                continue
            doc = from_bytes(parse["parse"])
            out.extend(propositions(art["doc_id"], doc, art.get("statements", []), art.get("assertions", []),
                                    settings.min_words))
        return {"propositions": out}
