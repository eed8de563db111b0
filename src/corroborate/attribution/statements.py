"""Statements in one parsed article: direct quotes, reported speech and "according to".

Three passes over the parse and the raw text, then speaker resolution in text order:

1. Cue verbs (lexicon.SPEECH, .COGNITION). The content is the verb's clausal complement ("said
   that ...", "..., the governor stressed"), else, for a directive, its addressee and infinitive
   ("called on units ... to lay down their weapons"), else, for a verb that takes a noun as
   content, what follows it ("announced a state of emergency"), else the clause it interrupts
   ('"...," she said, "..."' where the parser hangs the cue on the quote as parataxis), else a
   quotation right after it ('He said: "..."'). The speaker is the verb's subject; a participle
   or coordinated cue without one ("..., adding that ...", "and added ...") takes the subject of
   the cue it depends on. A cue inside a quotation is part of that quotation, not a new statement.
2. "According to X, ..." and "..., according to X": the rest of the clause, attributed to X (or to
   whoever published the data or report X names: "according to data published by the authorities").
3. Quotations not yet attached (quotes.find_quotes): a cue right after or before them in the same
   sentence, else the cue of another paragraph of the same multi-paragraph quotation, else, for a
   quotation that is a whole sentence, the speaker of the statement just before it (a quotation
   that goes on after its attribution). Quotations shorter than `min_quote_words` with no cue are
   scare quotes and terms, not statements.

Content that lies inside quote marks is `direct` (and the content becomes the whole quotation of
that paragraph); reported content that contains a quotation is `mixed`; the rest is `indirect`.
When one statement's content holds another statement's participle cue (", adding that ..."), the
first ends where the second begins.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass

from .lexicon import COGNITION, DIRECTIVE, DOCUMENTS, NOMINAL, ORGANISATIONS, ROLES, SPEECH
from .quotes import Quote, find_quotes
from .speakers import Registry, Speaker

_EDGE = " \t\n,;:–—-"
_QUOTE_MARKS = "\"“”«»„‹›"
_PARTICIPLE_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl")


@dataclass
class Found:
    start: int
    end: int
    kind: str
    cue: tuple[int, int]                 # cue offsets
    at: int                              # where the attribution sits (for resolution order)
    speaker_tokens: list | None = None   # the mention; None means "same speaker as `parent`"
    parent: object = None                # a Found, or the cue verb (a Token) of the statement it depends on
    speaker: Speaker | None = None
    participle: bool = False             # an ", adding that" cue that cuts its parent's content
    cue_token: object = None
    sentence: tuple[int, int] = (0, 0)


_SENTENCE_END = re.compile(r"(?<!\b(?:Dr|Mr|Ms|St|Lt|Jr|Sr))(?<!\b(?:Mrs|Col|Gen|Maj|Sgt|Rev|Adm|Gov|Sen|Rep))(?<!\bProf)[.!?][\"”»]?\s+[A-Z\"“«]")
# A dateline opening the article's first paragraph: "BAKU – ", "DRAVIK, March 13./OPA/. ",
# "ISMAILIA, Egypt (Reuters) - ". It is the outlet's, not part of what anyone said.
_DATELINE = re.compile(r"^[A-ZÀ-ÞА-Я][A-ZÀ-ÞА-Я .'’-]{1,40}(?:,[^.\n]{0,40}?)?\s*(?:\./[A-Za-z]+/\.|\([^)]{1,30}\)\s*[-–—]|[-–—])\s+")


def _one_clause(text: str) -> bool:
    """No sentence ends and no paragraph breaks in text."""
    return "\n" not in text and _SENTENCE_END.search(text) is None


def _tokens_span(tokens) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def _trim(text: str, start: int, end: int, keep_marks: bool = True) -> tuple[int, int]:
    """Offsets without surrounding spaces and separating punctuation (and a leading 'that')."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE + ".":
        end -= 1
    if text[start:start + 5].lower() == "that " and end - start > 5:
        start += 5
    if not keep_marks:
        while start < end and text[start] in _QUOTE_MARKS + _EDGE:
            start += 1
        while end > start and text[end - 1] in _QUOTE_MARKS + _EDGE:
            end -= 1
    return start, end


def _subject(v):
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if not subjects:
        return None
    if subjects[0].lower_ in ("who", "which", "that") and v.dep_ == "relcl":
        return v.head  # "an official ..., George Kettaneh, who also warned that ..."
    # "Chief of the press service ..., Colonel Anar Eyvazov said": two subjects; the name wins.
    named = [s for s in subjects if any(t.ent_type_ == "PERSON" for t in s.subtree)]
    return (named or subjects)[0]


def _mention_tokens(head) -> list:
    """The speaker mention: the subject's phrase without relative clauses and trailing asides."""
    drop = set()
    for t in head.subtree:
        if t.i != head.i and t.dep_ in ("relcl", "acl", "advcl", "parataxis"):
            drop.update(x.i for x in t.subtree)
    tokens = [t for t in head.subtree if t.i not in drop and not t.is_space]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


def _is_cue(v) -> bool:
    lemma = v.lemma_.lower()
    if v.pos_ not in ("VERB", "AUX") and v.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    return lemma in SPEECH or lemma in COGNITION or lemma in DIRECTIVE or v.lower_ in SPEECH


class _Article:
    def __init__(self, doc, min_quote_words: int):
        self.doc = doc
        self.text = doc.text
        self.quotes = find_quotes(self.text)  # in text order, not overlapping
        self._quote_starts = [q.inner_start for q in self.quotes]
        self.min_quote_words = min_quote_words
        self.found: list[Found] = []

    # -- helpers ----------------------------------------------------------------------------------
    def quote_at(self, offset: int) -> Quote | None:
        """The quotation whose inside holds offset (asked for every token: a bisection)."""
        k = bisect_right(self._quote_starts, offset) - 1
        if k >= 0 and offset < self.quotes[k].inner_end:
            return self.quotes[k]
        return None

    def words(self, start: int, end: int) -> int:
        return len(self.text[start:end].split())

    def sentence_of(self, token) -> tuple[int, int]:
        s = token.sent
        return s.start_char, s.end_char

    # -- pass 1: cue verbs ------------------------------------------------------------------------
    def cue_verbs(self) -> None:
        for v in self.doc:
            if not _is_cue(v) or self.quote_at(v.idx) is not None:
                continue
            f = self.reported(v)
            if f is not None:
                self.found.append(f)

    def reported(self, v) -> Found | None:
        lemma = v.lemma_.lower()
        subject = _subject(v)
        if subject is not None and subject.dep_ == "nsubjpass" and lemma != "quote":
            subject = None
            agent = next((c for c in v.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is None:
                return None  # "it was reported that ...": no speaker
            subject = pobj
        if lemma == "read":  # '"...," read the statement' / "the statement read: ..."
            doc_obj = subject if subject is not None and subject.lemma_.lower() in DOCUMENTS else None
            doc_obj = doc_obj or next((c for c in v.children if c.dep_ in ("dobj", "nsubj")
                                       and c.lemma_.lower() in DOCUMENTS), None)
            if doc_obj is None:
                return None
            subject = doc_obj
        if subject is not None and subject.pos_ in ("NUM", "ADJ", "ADV", "ADP"):
            return None  # "two more than the ministry acknowledged": not a speaker
        parent = None
        participle = False
        if subject is None:
            if v.dep_ not in _PARTICIPLE_DEPS or (v.dep_ == "xcomp" and v.tag_ == "VB"):
                return None  # "asked the ministry to explain ...": the asker does not explain
            parent_verb = next((a for a in v.ancestors if _is_cue(a) and _subject(a) is not None), None)
            if parent_verb is None:
                return None
            parent = parent_verb
            participle = v.dep_ in ("advcl", "xcomp", "acl", "pcomp") and v.tag_ == "VBG"
        if lemma in COGNITION and subject is not None and subject.lower_ in ("i", "we", "you"):
            return None

        content = self.content_of(v, lemma)
        if content is None:
            return None
        start, end = content
        start, end = _trim(self.text, start, end)
        if end - start < 3 or self.words(start, end) < 2:
            return None
        # the cue: the verb, and what stands between it and content that follows it closely
        cue_start, cue_end = v.idx, v.idx + len(v)
        if start > cue_end and start - cue_end <= 40 and "\n" not in self.text[cue_end:start]:
            cue_end = start
        cue_start, cue_end = _trim(self.text, cue_start, cue_end)
        f = Found(start, end, "indirect", (cue_start, cue_end), v.idx,
                  _mention_tokens(subject) if subject is not None else None,
                  participle=participle, cue_token=v, sentence=self.sentence_of(v))
        if parent is not None:
            f.parent = parent  # resolved to the parent's Found later
        return f

    def content_of(self, v, lemma: str) -> tuple[int, int] | None:
        children = list(v.children)
        ccomps = [c for c in children if c.dep_ == "ccomp"]
        if ccomps:
            c = max(ccomps, key=lambda c: len(list(c.subtree)))
            tokens = list(c.subtree)
            # "said a huge shipment ... had languished": the parser took the clause's subject as
            # the verb's object; it belongs to the content (not for "told Reuters that").
            dobj = next((d for d in children if d.dep_ == "dobj" and v.i < d.i < c.i), None)
            if dobj is not None and lemma not in ("tell", "inform", "brief", "assure", "warn", "ask", "urge"):
                tokens += [t for t in dobj.subtree] + [t for t in v.doc[dobj.i:c.i] if not t.is_space]
            # "said 105 aftershocks occurred, and 2,824 buildings collapsed": the parser hangs the
            # second reported clause on the cue verb. A coordinated clause with a subject of its
            # own (not a pronoun, which would more likely be the speaker acting) that is no cue
            # itself continues the content.
            for conj in (d for d in children if d.dep_ == "conj" and d.i > c.i and d.pos_ in ("VERB", "AUX")):
                subj = next((s for s in conj.children if s.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None or subj.pos_ == "PRON" or _is_cue(conj) or self.quote_at(conj.idx) is not None:
                    break  # a quoted clause belongs to the quotation pass (split quotes)
                tokens += list(conj.subtree)
            return _tokens_span(sorted(tokens, key=lambda t: t.i))
        xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
        if lemma == "call":
            prep = next((c for c in children if c.dep_ == "prep" and c.lower_ == "for"), None)
            if prep is not None:
                tokens = [t for t in v.subtree if t.i > prep.i and not t.is_space]  # "called for $15 million to ..."
                return _tokens_span(tokens) if tokens else None
        if lemma in ("speak", "talk"):
            prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in ("about", "of", "on")), None)
            if prep is None:
                prep = next((g for c in children if c.dep_ == "prep" for g in c.subtree
                             if g.dep_ == "prep" and g.lower_ == "about"), None)
            if prep is not None:
                tokens = [t for t in prep.subtree if t.i != prep.i]
                return _tokens_span(tokens) if tokens else None
            return None
        if lemma in DIRECTIVE and xcomp is not None:
            addressee = next((c for c in children if c.dep_ in ("dobj", "dative")), None)
            if addressee is None:
                prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
                addressee = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if addressee is not None:
                tokens = list(addressee.subtree) + list(xcomp.subtree)
                return _tokens_span(tokens)
            if lemma == "call":
                return None
        if lemma in SPEECH and xcomp is not None and xcomp.i > v.i and lemma not in DIRECTIVE:
            return _tokens_span(list(xcomp.subtree))  # "claimed to have ordered action ..."
        # the clause the cue interrupts: '"...," she said' hung on the quote as parataxis
        if v.dep_ in ("parataxis",) or (v.dep_ == "advcl" and v.i > v.head.i and v.head.pos_ in ("VERB", "AUX")
                                        and self.quote_at(v.head.idx) is not None):
            head = v.head
            own = {t.i for t in v.subtree}
            tokens = [t for t in head.subtree if t.i not in own and t.i < v.i]
            if tokens:
                return _tokens_span(tokens)
        if lemma in NOMINAL:
            dobj = next((c for c in children if c.dep_ == "dobj"), None)
            if dobj is not None:
                # what follows the verb in its clause, without a coordinated clause ("..., and
                # Syria has appealed ...")
                # "admitted four dead and 27 injured": a "clause" whose subject is a number is the
                # object's second half, which the parser took for a clause
                tally = any(c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") and g.pos_ == "NUM"
                                                     for g in c.children) for c in children)
                cut = set() if tally else {t.i for c in children if c.dep_ in ("conj", "cc") and c.i > dobj.i
                                           for t in c.subtree}
                tokens = [t for t in v.subtree if t.i > v.i and not t.is_space and t.i not in cut]
                return _tokens_span(tokens) if tokens else None
        # a quotation right after the cue ('He said: "..."', 'said Dr. Orlis: "..."')
        for q in self.quotes:
            if q.start >= v.idx + len(v) and q.start - (v.idx + len(v)) <= 60:
                between = self.text[v.idx + len(v):q.start]
                if (between.strip() in ("", ",", ":") or (between.rstrip().endswith(":") and _one_clause(between))) \
                        and self.words(*q.inner) >= self.min_quote_words:
                    return q.inner
        # "said at a news conference that Erdogan has been ...", where the parser hung the
        # clause elsewhere: "that" shortly after the verb starts the content
        if lemma in SPEECH:
            sent_end = v.sent.end
            for t in v.doc[v.i + 1:min(sent_end, v.i + 9)]:
                if t.lower_ == "that" and self.quote_at(t.idx) is None:
                    rest = [x for x in v.doc[t.i + 1:sent_end] if not x.is_space]
                    if len(rest) >= 3:
                        return _tokens_span(rest)
                    break
                if t.is_punct and t.text in ".;:!?":
                    break
        return None

    # -- pass 2: according to -------------------------------------------------------------------
    def according(self) -> None:
        doc = self.doc
        for t in doc:
            if t.lower_ != "according" or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "to":
                continue
            if self.quote_at(t.idx) is not None:
                continue
            to = doc[t.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            source_tokens = [x for x in pobj.subtree]
            speaker_head = pobj
            # "according to data published by X", "a report by X", "a statement from X"
            if pobj.lemma_.lower() in DOCUMENTS:
                for x in pobj.subtree:
                    if x.dep_ == "pobj" and x.head.lower_ in ("by", "from", "of", "in") and x.i != pobj.i:
                        speaker_head = x
                        break
            phrase = set(x.i for x in source_tokens) | {t.i, to.i}
            sent = t.sent
            # the clause: the sentence without the according-phrase (and its commas)
            clause_head = t.head if t.head.i != t.i else sent.root
            tokens = [x for x in clause_head.subtree if x.i not in phrase] if clause_head.i != t.i else []
            if not tokens or len(tokens) < 3:
                tokens = [x for x in sent if x.i not in phrase]
            start, end = _tokens_span(tokens)
            # keep to the side of the phrase that holds the clause when the phrase sits inside it
            p_start, p_end = _tokens_span([doc[i] for i in phrase])
            if p_start > start and p_end < end:
                left, right = self.words(start, p_start), self.words(p_end, end)
                start, end = (p_end, end) if right >= left else (start, p_start)
            start, end = _trim(self.text, start, end)
            # "According to X, the toll is unchanged: four killed and 27 injured": what follows a
            # colon spells the content out.
            rest = self.text[end:sent.end_char]
            if rest.lstrip().startswith(":") and end > p_end:
                end = _trim(self.text, start, sent.end_char)[1]
            if self.words(start, end) < 3:
                continue
            cue_end = speaker_head.idx if speaker_head.i != pobj.i else pobj.idx
            cue = _trim(self.text, t.idx, max(cue_end, to.idx + len(to)))
            self.found.append(Found(start, end, "according_to", cue, t.idx,
                                    _mention_tokens(speaker_head), sentence=(sent.start_char, sent.end_char)))

    # -- pass 2b: a headline's trailing attribution -----------------------------------------------
    _TRAILING = re.compile(r"^(?P<content>.*\w.*?)\s*(?:,|:|\s[-–—])\s*(?P<source>[^,:\-–—]{2,60})$")
    _MEDIA = {"tv", "television", "radio", "media", "reports", "report", "agency", "sources", "source"}

    def headline(self) -> None:
        """"Death toll rises to 158 - TV", "..., Defense Ministry": a headline that names its
        source after a comma or dash, with no verb (a verb is found by the cue pass)."""
        end = self.text.find("\n")
        line = self.text[:end if end >= 0 else len(self.text)].rstrip()
        if not line or line[-1] in ".!?\"”»" or len(line.split()) < 5:
            return
        m = self._TRAILING.match(line)
        if m is None or len(m.group("source").split()) > 6:
            return
        s_start, s_end = m.start("source"), m.end("source")
        tokens = [t for t in self.doc if s_start <= t.idx < s_end and not t.is_space]
        if not tokens or any(_is_cue(t) for t in tokens) or any(f.cue[0] >= s_start and f.cue[1] <= len(line)
                                                                   for f in self.found):
            return
        last = tokens[-1]  # the phrase's head noun names the source: "Defense Ministry", "- TV"
        looks_like_source = (last.ent_type_ in ("ORG", "PERSON", "NORP") or last.lemma_.lower() in ORGANISATIONS
                             or last.lemma_.lower() in ROLES or last.lower_ in self._MEDIA) and \
            not any(t.pos_ in ("NUM", "ADP") for t in tokens)
        if not looks_like_source:
            return
        c_start, c_end = _trim(self.text, m.start("content"), m.end("content"))
        if self.words(c_start, c_end) < 3:
            return
        sep = (m.end("content"), s_start)
        self.found.append(Found(c_start, c_end, "indirect", sep, s_start, tokens,
                                sentence=(0, len(line))))

    # -- pass 3: quotations -----------------------------------------------------------------------
    def quotations(self) -> None:
        # direct content: a statement whose content lies inside a quotation takes the whole quotation
        for f in self.found:
            probe = f.start
            while probe < f.end and self.text[probe] in _QUOTE_MARKS + " ":
                probe += 1  # the parser often hangs the opening mark on the quoted clause
            q = self.quote_at(probe)
            if q is not None and f.end <= q.inner_end + 1:
                f.kind = "direct"
                f.start, f.end = _trim(self.text, q.inner_start, q.inner_end, keep_marks=False)
            elif any(f.start <= q.inner_start and q.inner_end <= f.end and self.words(*q.inner) >= 1
                     for q in self.quotes):
                f.kind = "mixed"
        covered = [(f.start, f.end) for f in self.found]
        chains: list[list[Quote]] = []
        for q in self.quotes:
            if q.continued and chains:
                chains[-1].append(q)
            else:
                chains.append([q])
        for chain in chains:
            owner = None
            for q in chain:
                for f in self.found:
                    if f.kind == "direct" and f.start >= q.inner_start and f.end <= q.inner_end:
                        owner = owner or f
            for q in chain:
                start, end = _trim(self.text, q.inner_start, q.inner_end, keep_marks=False)
                if end <= start or any(s <= start and end <= e for s, e in covered):
                    continue
                if any(s < end and start < e for s, e in covered):
                    continue  # part of a reported statement (mixed) or a split already taken
                f = self.attach(q, start, end) or (self.continuation(owner, start, end) if owner else None)
                if f is None and self.is_whole_sentence(q) and self.words(start, end) >= self.min_quote_words:
                    f = self.floating(start, end)
                if f is not None:
                    self.found.append(f)
                    covered.append((f.start, f.end))
                    owner = owner or f

    def is_whole_sentence(self, q: Quote) -> bool:
        line_start = self.text.rfind("\n", 0, q.start) + 1
        before = self.text[line_start:q.start].strip()
        return before == "" or before[-1:] in ".!?:"

    def attach(self, q: Quote, start: int, end: int) -> Found | None:
        """A cue next to the quotation: '"...," he said' or 'He said: "..."' the parser missed."""
        doc = self.doc
        span = doc.char_span(q.end, min(len(self.text), q.end + 1), alignment_mode="expand")
        # after the quotation: the first few tokens
        if span is not None:
            i = span.start
            for t in doc[i:min(len(doc), i + 8)]:
                if t.is_space and "\n" in t.text:
                    break
                if _is_cue(t) and self.quote_at(t.idx) is None and self.words(start, end) >= self.min_quote_words:
                    f = self.reported_around(t, start, end)
                    if f is not None:
                        return f
        if self.words(start, end) < self.min_quote_words:
            return None  # a scare quote or a term, not a statement
        # before the quotation, in the same paragraph: 'Herrin said: "..."'
        span = doc.char_span(max(0, q.start - 1), q.start, alignment_mode="expand")
        if span is not None:
            i = span.start
            for t in reversed(doc[max(0, i - 8):i + 1]):
                if t.is_space and "\n" in t.text:
                    break
                if _is_cue(t) and self.quote_at(t.idx) is None and t.idx < q.start:
                    between = self.text[t.idx + len(t):q.start]
                    if _one_clause(between) and (":" in between or len(between) < 40):
                        f = self.reported_around(t, start, end)
                        if f is not None:
                            return f
        return None

    def reported_around(self, v, start: int, end: int) -> Found | None:
        subject = _subject(v)
        parent = None
        if subject is None:
            if v.dep_ in _PARTICIPLE_DEPS:
                parent = v.head
            else:
                # "said Dr. Lena Orlis" sometimes parses the speaker as an object
                subject = next((c for c in v.children if c.dep_ in ("dobj", "attr", "npadvmod")
                                and (c.ent_type_ in ("PERSON", "ORG") or c.pos_ == "PROPN")), None)
                if subject is None:
                    return None
        if self.words(start, end) < 1:
            return None
        cue = (v.idx, v.idx + len(v))
        f = Found(start, end, "direct", cue, v.idx, _mention_tokens(subject) if subject is not None else None,
                  cue_token=v, sentence=self.sentence_of(v))
        if parent is not None:
            f.parent = parent
        return f

    def continuation(self, owner: Found, start: int, end: int) -> Found:
        return Found(start, end, "direct", owner.cue, start, None, parent=owner, sentence=(start, end))

    def floating(self, start: int, end: int) -> Found | None:
        before = [f for f in self.found if f.at < start]
        if not before:
            return None
        prev = max(before, key=lambda f: f.at)
        # only right after it: no more than one paragraph between
        gap = self.text[prev.end:start]
        if gap.count("\n") > 3 or len(gap) > 600:
            return None
        return Found(start, end, "direct", prev.cue, start, None, parent=prev, sentence=(start, end))

    # -- finishing --------------------------------------------------------------------------------
    def cut_participles(self) -> None:
        """A statement ends where a participle cue inside it (", adding that ...") begins."""
        for f in self.found:
            for g in self.found:
                if g is f or not g.participle or g.cue_token is None:
                    continue
                c = g.cue[0]
                if f.start < c < f.end and f.kind != "direct":
                    first = min(t.i for t in g.cue_token.subtree)
                    f.start, f.end = _trim(self.text, f.start, min(f.end, self.doc[first].idx))

    def drop_nested(self) -> None:
        """Reported speech inside reported speech: keep the inner statement when it is most of the
        outer one ("said he hoped that X" is X, hoped), drop exact duplicates."""
        keep = []
        for k, f in enumerate(self.found):
            # of two statements with one content, a direct one wins, else the one found first
            dup = any(j != k and (g.start, g.end) == (f.start, f.end) and
                      (g.kind == "direct" and f.kind != "direct" or (g.kind == f.kind and j < k))
                      for j, g in enumerate(self.found))
            if dup:
                continue
            inner = [g for g in self.found if g is not f and not g.participle and f.start <= g.cue[0] < f.end
                     and g.start >= f.start and g.end <= f.end and g.parent is None]
            if inner and f.kind != "direct" and any((g.end - g.start) >= 0.5 * (f.end - f.start)
                                                    or g.end >= f.end - 2 for g in inner):
                continue
            keep.append(f)
        self.found = keep

    def resolve(self, registry: Registry) -> None:
        """Speakers in text order (so pronouns and role nouns see what came before); a statement
        that shares its parent's speaker waits for the parent."""
        by_token = {f.cue_token.i: f for f in self.found if f.cue_token is not None and f.speaker_tokens}
        done: set[int] = set()

        def settle(f: Found, depth: int = 0) -> None:
            if id(f) in done:
                return
            done.add(id(f))
            parent = f.parent
            if parent is not None and not isinstance(parent, Found):
                parent = by_token.get(parent.i, parent)
            if f.speaker_tokens:
                f.speaker = registry.resolve(f.speaker_tokens, f.at)
            elif isinstance(parent, Found):
                if depth < 20:
                    settle(parent, depth + 1)
                sp = parent.speaker or Speaker("", "unknown")
                f.speaker = Speaker(sp.name, sp.type, sp.role, sp.org, sp.mention, None, None, sp.key)
            elif parent is not None:
                subject = _subject(parent)
                if subject is not None:
                    f.speaker = registry.resolve(_mention_tokens(subject), f.at)
            if f.speaker is None:
                f.speaker = Speaker("", "unknown")
            if f.speaker.name:
                registry.remember(f.at, f.speaker)

        for f in sorted(self.found, key=lambda f: (f.at, f.start)):
            settle(f)


def statement_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def extract_statements(doc, min_quote_words: int = 4) -> list[Found]:
    """The statements of one parsed article, in text order, speakers resolved."""
    art = _Article(doc, min_quote_words)
    art.cue_verbs()
    art.according()
    art.headline()
    art.cut_participles()
    art.drop_nested()
    art.quotations()
    for f in art.found:
        m = _DATELINE.match(art.text[f.start:f.end])
        if m and (f.start == 0 or art.text[f.start - 1] == "\n"):
            f.start += m.end()
    art.found = [f for f in art.found if f.end > f.start]
    art.found.sort(key=lambda f: (f.start, f.end))
    art.resolve(Registry(doc))
    return art.found
