"""Statements the page layout marks instead of the syntax: headline forms, transcript lines and
sign-offs. Each function reads the raw text (and, for headlines, the parse of the headline's words)
and returns `Marked` spans; statements.py turns them into statements and resolves the speakers.

- `title_case_headline(text, doc)`: a headline in title case ("Kremlin Denies Fault, Blames Kyiv
  for Dam Explosion", "Seismologists Detect Blast Signals"), which the parser reads as one long
  name. The first word that is a cue verb in the third person ("Says", "Accuses", "Blames",
  "Denies", "Detect" after researchers) splits the speaker before it from the content after it;
  each further ", Verbs ..." is another statement of the same speaker; "Accuses Y of Z" and
  "Blames Y for Z" give Z as content and Y as the target. The speaker must look like one (a name,
  an organisation, a role, a study), so "Why the Evidence Suggests ..." is not a statement.
- `name_colon_headline(text, doc)`: "Charles Marot: The flooding is a war crime", "Velmora's
  Renn: the offensive has failed": a headline whose label before the colon is a person (or an
  organisation or a role) and whose words after it are a clause, that speaker's. "Velmora or
  Velmorsk: the divided district" names a topic and gives nothing.
- `transcript_lines(text, doc)`: "SPEAKER NAME: words" paragraphs (perhaps each opening a quotation,
  a transcript quoted whole), two or more in an article (one
  alone is a dateline such as "BEIRUT: ..."), whose labels name a speaker (a full name, a role, a
  surname of the article; not page furniture such as "READ MORE:"). An interpreter's line is the words of the person being
  interpreted; a reporter's or narrator's line is the outlet's own voice and gives nothing.
- `sign_offs(text, doc)`: a quotation signed on its own line or after it with a dash ("“...” ―
  Ilse Brandt", a pull-quote), attributed to the name after the dash (a person, an organisation
  or a role).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .frames import ACCUSATION, NAMING
from .lexicon import (DOCUMENTS, FINDINGS, GROUPS, ORGANISATIONS, RESEARCHERS, ROLES, SPEECH, STUDIES)


@dataclass
class Marked:
    start: int                          # the content
    end: int
    kind: str                           # 'direct' or 'indirect'
    cue: tuple[int, int]
    speaker: tuple[int, int] | None     # the speaker as written; None: see `interpreted`
    interpreted: bool = False           # an interpreter's line: the speaker is the one interpreted
    target: tuple[int, int] | None = None


_WORD = re.compile(r"[^\s,;:]+")
_HEADLINE_VERBS = SPEECH | frozenset(ACCUSATION) | frozenset(NAMING) | FINDINGS
_NOT_SPEAKER_START = frozenset("why how what when where who whether if as after before".split())
_SOURCE_NOUNS = ROLES | ORGANISATIONS | GROUPS | DOCUMENTS | STUDIES | RESEARCHERS


def _first_line(text: str) -> tuple[int, int]:
    end = text.find("\n")
    end = len(text) if end < 0 else end
    start = len(text[:end]) - len(text[:end].lstrip())
    return start, len(text[:end].rstrip())


def _third_person(word: str) -> str | None:
    """The lemma of a verb in the third person singular ("Blames" -> "blame", "Denies" ->
    "deny"), or of a plural subject's verb ("Detect"), when it is a cue verb."""
    w = word.lower()
    for base in ((w[:-3] + "y") if w.endswith("ies") else None, w[:-2] if w.endswith("es") else None,
                 w[:-1] if w.endswith("s") else None, w):
        if base and base in _HEADLINE_VERBS:
            return base
    return None


def _looks_like_source(tokens) -> bool:
    for t in tokens:
        word = t.lower_.rstrip("s") if t.lower_.endswith("s") else t.lower_
        if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.lower_ in _SOURCE_NOUNS or word in _SOURCE_NOUNS \
                or t.lemma_.lower() in _SOURCE_NOUNS:
            return True
    return False


def _tokens(doc, start: int, end: int) -> list:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if not t.is_space] if span is not None else []


def title_case_headline(text: str, doc) -> list[Marked]:
    l_start, l_end = _first_line(text)
    words = [m for m in _WORD.finditer(text, l_start, l_end)]
    long_words = [m.group() for m in words if len(m.group()) > 3 and m.group()[0].isalpha()]
    if len(words) < 4 or not long_words or sum(w[0].isupper() for w in long_words) < 0.8 * len(long_words):
        return []
    verbs = [(k, _third_person(m.group())) for k, m in enumerate(words) if k > 0 and _third_person(m.group())]
    if not verbs:
        return []
    first = verbs[0][0]
    speaker = (words[0].start(), words[first - 1].end())
    speaker_words = [m.group().lower() for m in words[:first]]
    if len(speaker_words) > 6 or speaker_words[0] in _NOT_SPEAKER_START:
        return []
    if not _looks_like_source(_tokens(doc, *speaker)):
        return []
    finding = verbs[0][1] in FINDINGS and verbs[0][1] not in SPEECH
    if finding and not any(w.rstrip("s") in STUDIES | RESEARCHERS or w in STUDIES | RESEARCHERS
                           for w in speaker_words):
        return []
    out = []
    # each ", Verbs ..." after the first verb is a statement of its own
    starts = [k for k, lemma in verbs if k == first or text[words[k - 1].end():words[k].start()].strip() == ","]
    for n, k in enumerate(starts):
        lemma = _third_person(words[k].group())
        last = starts[n + 1] - 1 if n + 1 < len(starts) else len(words) - 1
        if last <= k:
            continue
        body = words[k + 1:last + 1]
        cue = (words[k].start(), words[k].end())
        target = None
        preps = ACCUSATION.get(lemma, ())
        split = next((j for j, m in enumerate(body) if m.group().lower() in preps and j > 0), None)
        if split is not None and split + 1 < len(body):
            target = (body[0].start(), body[split - 1].end())
            cue = (cue[0], body[split].end())
            body = body[split + 1:]
        out.append(Marked(body[0].start(), body[-1].end(), "indirect", cue, speaker, target=target))
    return out


_LABEL = re.compile(r"(?P<label>[^:\n\"“”«»]{2,60}?)\s*:\s+(?P<content>\S[^\n]*)")


def name_colon_headline(text: str, doc) -> list[Marked]:
    l_start, l_end = _first_line(text)
    m = _LABEL.fullmatch(text, l_start, l_end)
    if m is None or len(m.group("label").split()) > 6 or len(m.group("content").split()) < 3:
        return []
    label = _tokens(doc, m.start("label"), m.end("label"))
    if not label or any(t.pos_ in ("VERB", "AUX", "CCONJ") for t in label):
        return []  # "Velmora or Velmorsk: ..." names a topic, not a speaker
    # what a speaker says is a clause ("... is a war crime"); "the divided district behind the
    # disaster" is a topic's subtitle
    if not any(t.pos_ in ("VERB", "AUX") for t in _tokens(doc, m.start("content"), m.end("content"))):
        return []
    last = label[-1]
    # a person the article names (the entity recogniser often misses a name in a headline, but
    # finds it in the body), an organisation or a role
    surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON"}
    if not (last.ent_type_ in ("PERSON", "ORG") or last.lemma_.lower() in ROLES or last.lower_ in surnames
            or any(t.ent_type_ == "PERSON" for t in label)):
        return []
    if last.ent_type_ == "ORG" and any(t.ent_type_ == "GPE" and t.i == last.i for t in label):
        return []
    start, end = m.start("content"), m.end("content")
    while end > start and text[end - 1] in " .":
        end -= 1
    return [Marked(start, end, "indirect", (m.end("label"), m.start("content")), (m.start("label"), m.end("label")))]


# a transcript quoted whole opens each paragraph with a quotation mark ("\"PENCE: Well, ...")
_TRANSCRIPT = re.compile(r"^[ \t]*[\"“]?(?P<label>[A-Z][A-Z0-9 .'’()-]{0,40}[A-Z)])[ \t]*:[ \t]+(?P<content>\S[^\n]*)$",
                         re.MULTILINE)
_INTERPRETERS = ("INTERPRETER", "TRANSLATOR", "TRANSLATION")
_OWN_VOICE = ("REPORTER", "NARRATOR", "ANCHOR", "CORRESPONDENT", "HOST", "PRESENTER", "VOICEOVER", "VOICE-OVER")
# page furniture that looks like a label ("READ MORE: ...", "WATCH: ...")
_FURNITURE = frozenset((
    "read more", "also read", "see also", "read also", "related", "watch", "update", "updated", "photo",
    "photos", "video", "breaking", "live", "note", "editor's note", "editor’s note", "source", "sources",
    "credit", "caption", "file", "tags", "topics", "advertisement", "share", "listen", "more", "latest",
    "opinion", "analysis", "explainer", "exclusive"))


def _speaker_label(label: str, surnames: set) -> bool:
    """A transcript label names a speaker: a full name, a role, or a surname of the article."""
    words = label.lower().replace("(", " ").replace(")", " ").split()
    if not words or " ".join(words) in _FURNITURE:
        return False
    return len(words) >= 2 or words[-1] in ROLES or words[-1] in surnames or any(
        w in label for w in _INTERPRETERS + _OWN_VOICE)


def transcript_lines(text: str, doc) -> list[Marked]:
    surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON"}
    lines = [m for m in _TRANSCRIPT.finditer(text) if _speaker_label(m.group("label"), surnames)]
    if len(lines) < 2:
        return []
    out = []
    for m in lines:
        label = m.group("label")
        if any(w in label for w in _OWN_VOICE):
            continue
        start, end = m.start("content"), m.end("content")
        while end > start and text[end - 1].isspace():
            end -= 1
        interpreted = any(w in label for w in _INTERPRETERS)
        speaker = None if interpreted else (m.start("label"), m.end("label"))
        out.append(Marked(start, end, "direct", (m.start("label"), m.end("label") + 1), speaker, interpreted))
    return out


_DASH_NAME = r"[―—–]\s*(?P<name>[A-Z][^\n―—–\"“”]{1,60}?)\s*$"
_SIGNED_LINE = re.compile(r"^[ \t]*(?P<quote>[\"“«][^\n]+[\"”»])[ \t]*" + _DASH_NAME, re.MULTILINE)
_SIGNATURE = re.compile(r"^[ \t]*" + _DASH_NAME, re.MULTILINE)
_QUOTE_PARAGRAPH = re.compile(r"(?:^|\n)[ \t]*(?P<quote>[\"“«][^\n]+[\"”»])[ \t]*\n+$")


def _signer(doc, m) -> bool:
    """The words after the dash name someone: a person or organisation, or a role."""
    if len(m.group("name").split()) > 8:
        return False
    tokens = _tokens(doc, m.start("name"), m.end("name"))
    return any(t.ent_type_ in ("PERSON", "ORG") or t.lemma_.lower() in ROLES for t in tokens)


def sign_offs(text: str, doc) -> list[Marked]:
    out = []
    for m in _SIGNED_LINE.finditer(text):
        if _signer(doc, m):
            out.append(Marked(m.start("quote") + 1, m.end("quote") - 1, "direct",
                              (m.end("quote"), m.start("name")), (m.start("name"), m.end("name"))))
    for m in _SIGNATURE.finditer(text):
        if not _signer(doc, m):
            continue
        before = _QUOTE_PARAGRAPH.search(text, max(0, m.start() - 2000), m.start())
        if before is None:
            continue
        out.append(Marked(before.start("quote") + 1, before.end("quote") - 1, "direct",
                          (m.start(), m.start("name")), (m.start("name"), m.end("name"))))
    return out
