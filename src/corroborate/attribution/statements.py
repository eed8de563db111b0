"""Statements in one parsed article: direct quotes, reported speech and "according to".

Passes over the parse and the raw text, then speaker resolution in text order:

1. Cue verbs (lexicon.SPEECH, .COGNITION, and the frame verbs of frames.py). The content is, in
   this order:
   - for an accusation, blame or naming verb, its frame (frames.py): "accused Y of Z" gives Z and
     the target Y; "blamed Z on Y", "called Y's Z a war crime", "described Z as ...";
   - the verb's clausal complement ("said that ...", "..., the governor stressed"), a coordinated
     clause with a subject of its own after it ("said 105 aftershocks occurred, and ... collapsed")
     but never one after a cue that follows its content ('"...," she said, and minutes later the
     crowd dispersed' ends at the quote); when the complement comes first and a quotation of its
     own ends right before the cue ('X said 12 died, while "many more are missing," a spokesman
     told reporters'), only that quotation; a past "as" clause with a subject of its own closing
     content in the present or future ("fear the toll will climb as rescuers searched ...") is the
     reporter's scene and stays out (_narration_after);
   - for a directive, its addressee and infinitive ("called on units ... to lay down their
     weapons"); for a speech verb with an infinitive, the infinitive ("vowed to rebuild ...");
   - the clause the cue interrupts ('"...," she said, "..."' where the parser hangs the cue on the
     quote as parataxis); a cue in mid-sentence ("The deal, he acknowledges, could still
     collapse"; "Though ..., she said, the vote ...") takes the clause on both sides of it;
   - for a verb that takes a noun as content, what follows it ("announced a state of emergency",
     "cited heavy rain as the cause", but not "citing the health ministry", a source; "published a
     list of 152 casualties", a document or tally issued; "put the toll at 29", an estimate); in the
     passive with an agent, the passive's subject ("seven missing were confirmed by X");
   - a quotation right after it ('He said: "..."'); "that" within a dozen words of place and
     occasion after it ("claimed at an emergency session of the council that ..."), up to a later
     clause with a cue of its own; an object that runs to the end of a truncated text ("said five
     people").
   The speaker is the verb's subject, or the passive's agent; a study, data set or researchers can
   be one for "found", "showed", "concluded" (frames.finding_source), evidence only through whoever
   gathered it ("evidence reviewed by X suggests"; "the evidence suggests" is the outlet's own
   reasoning). A participle or coordinated cue without a subject ("..., adding that ...", "and
   added ...", "began by saying ...") takes the subject of the cue, or else the verb, it depends
   on; an infinitive never does. A cue inside a quotation is part of that quotation. A speech
   verb the parse left without any subject after a long apposition ("X, a Dayton, Ohio, rabbi
   ..., said ...") takes the name opening its sentence, and a verb the parser hung on the
   sentence's noun as a reduced relative clause ("The head of the ministry, Anna Berg,
   previously called the blockade a crime": an object of its own, no "by" agent) takes that noun.
   A name right before the verb the parser took for a modifier is the subject ("Long told the
   Courier": "Long" read as the adverb), and whom a verb of telling addresses is never the speaker.
   A clause that only says who reported the report ("..., Fire Chief Ada Brennan said, Radio
   Ostrenia reported") is no content: what was said is the clause the sentence opens with, and
   the relaying outlet's verb gives way to the speaker's. A verb of speech the parser cut from
   that clause (joined to it as a second verb with no "and", or begun as a new sentence after a
   comma or a title's abbreviation: "..., Capt. Mira Sole, a spokeswoman ..., told the Courier")
   reports it, when its subject names a speaker and it says nothing itself. Whom "quoted ... as
   saying" names said it, not who quotes ("the agency quoted a defence spokesperson as saying",
   "Renn was quoted by local media as saying").
   The recogniser's entities are repaired first (speakers.repair_entities).
1b. Report nouns (frames.claim_noun): "X's claim that ...", "allegations by X that ...",
   "Ukrainian allegations that ..." (the country of the demonym speaks).
2. "According to X, ..." and "..., according to X": the rest of the clause, attributed to X (or to
   whoever published the data or report X names: "according to data published by the
   authorities"). With "According" as the sentence's root, X ends at the first comma; "That's
   according to X" gives the sentence before; a sentence the parser split mid-clause goes on.
   Set off by commas inside one clause ("The collapse of the dam, according to X, is ..."), it
   sources the whole clause, the aside inside, as "The deal, he said, could collapse" does.
2b. A headline's trailing attribution ("Death toll rises to 158 - TV", "... — envoy to the UN").
2c. The layout (layout.py): title-case headlines, "Name: words" headlines, transcript lines
   ("NAME: ...", an interpreter's line being the interpreted person's words, cues in a line
   being part of it; a transcript quoted whole, each paragraph opening a quotation, is read as
   one: a paragraph without a label goes on with the last line's speaker) and signed quotations
   ("“...” ― Name"). A quoted stage direction ("(CROSSTALK.)") or "Follow X on Twitter" line is no
   one's words.
3. Quotations not yet attached (quotes.find_quotes): a cue right after or before them in the same
   sentence (when the quotation closed its sentence, not a cue of someone new who does something
   else: '“...” A blogger posted a video'), else the cue of another paragraph of the same
   multi-paragraph quotation, else, for a
   quotation that is a whole sentence (after one closed with '"' or with a single mark inside a
   double one, '...'"'), the speaker of the statement just before it (a quotation that goes on
   after its attribution). Quotations shorter than `min_quote_words` with no cue are scare
   quotes and terms, not statements.
4. Reported speech running on (present_continuations): a sentence in the present tense right
   after reported content in the present tense, in its paragraph, with nothing of its own, goes
   on reporting it (news narrates in the past).

Content that lies inside quote marks is `direct` (and the content becomes the whole quotation of
that paragraph); reported content that contains a quotation is `mixed`, and never ends inside it;
the rest is `indirect`.
When one statement's content holds another statement's participle or coordinated cue (", adding
that ...", "and added: ..."), or a quotation another cue claims, the first ends there. A reported
question goes on over the questions that follow it in its paragraph. Of a report inside another,
the inner one replaces the outer when it is most of it and it is the outer speaker's own ("said he
believed that ...": a pronoun with no other name between, or the outer speaker named again; the
pronoun then reads as the outer speaker's mention), or it reports speech that the outer speaker
relays as a medium ("the agency said the minister announced ...") or that it credits to a name
("officials said Klymenko indicated ..."). Otherwise the outer speaker's report stays: "Smith, a
spokesman for the union, said the union expected ..." and "she said ministers had agreed to ..."
are Smith's and her statements. Both stay when the inner one is named by a noun ("rejected
Kyiv's allegations that ...") or sits in a relative clause on a noun of the outer content ("...,
claiming it was a ploy to distract from an offensive the rebels say is faltering").
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass

from . import frames, layout
from .lexicon import (ADDRESSED, CLAIM_NOUNS, COGNITION, DIRECTIVE, DOCUMENTS, GROUPS, IMPLICATIVE,
                      IMPLICATIVE_ADJECTIVES, NOMINAL, ORGANISATIONS, PUBLISH, ROLES, SPEECH, TALLIES, TITLES)
from .names import fold
from .quotes import Quote, find_quotes
from .sources import is_media
from ..nlp.grammar import tense
from .speakers import Registry, Speaker, repair_entities

_EDGE = " \t\n,;:–—-"
_QUOTE_MARKS = "\"“”«»„‹›"
_PARTICIPLE_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl")
# verbs whose object is whom or what is quoted ("quoted the minister", "cited a report"), not what was said
_QUOTING = frozenset(("quote", "cite"))
# nouns that name where news came from ("citing the ministry", "citing sources")
_SOURCES = DOCUMENTS | GROUPS | ROLES | ORGANISATIONS
# verbs that report only in an accusation or naming frame ("blamed Y for", "branded Z a ...")
_FRAME_ONLY = (frozenset(frames.ACCUSATION) | frozenset(frames.NAMING)) - SPEECH - DIRECTIVE


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
    target: tuple[int, int] | None = None  # the accused or blamed party, as written (frames.py)
    label: bool = False                  # the speaker is a layout label ("OSAMA RABIE:"), maybe all capitals
    finding: bool = False                # what a study, data or researchers found ("the study found")
    clause: object = None                # the verb whose words begin a participle cue's clause (the cue's)


_SENTENCE_END = re.compile(r"(?<!\b(?:Dr|Mr|Ms|St|Lt|Jr|Sr))(?<!\b(?:Mrs|Col|Gen|Maj|Sgt|Rev|Adm|Gov|Sen|Rep))(?<!\bProf)[.!?]['’]?[\"”»]?\s+[A-Z\"“«]")
# a sentence's last characters: its punctuation, then a closing single mark inside a closing double
# one ('... "they call it 'a rescue.'"')
_ENDS_SENTENCE = re.compile(r"[.!?:]['’]?[\"”»]?$")
# questions that follow one another in a paragraph ("asked: Who opened the gates? Why was nobody
# warned?")
_MORE_QUESTIONS = re.compile(r"(?:[ \t]+[^\s.!?][^\n.!?]*\?)+")
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


_LINK_END = re.compile(r"(?:[\s,;:–—-]+(?:and|but|while|whereas|as|or|although|though))+[\s,;:–—-]*$", re.IGNORECASE)


def _cut(text: str, start: int, end: int) -> tuple[int, int]:
    """Content cut short at `end`, without the linking word left dangling ("..., while")."""
    start, end = _trim(text, start, end)
    m = _LINK_END.search(text, start, end)
    return _trim(text, start, m.start()) if m else (start, end)


def _reports_alone(v) -> bool:
    """Whether a verb of speech the parser cut from what was said says nothing itself: its
    subject names a speaker (a name, an organisation, a role: not "their smiles said a lot"), and
    it has no object but whom it was said to ("told the Courier"; not "questioned his figures")."""
    subject = _subject(v)
    if subject is None or subject.dep_ != "nsubj" or v.lemma_.lower() not in SPEECH:
        return False
    speaker = subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "NORP") \
        or subject.lemma_.lower() in ROLES | ORGANISATIONS | GROUPS
    objects = [c for c in v.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
    return speaker and (not objects or (v.lemma_.lower() in ADDRESSED and all(c.dep_ != "oprd" for c in objects)))


def _abbreviated_title(tokens) -> bool:
    """Whether the tokens are a title's abbreviation and its full stop ("Capt.", "Sgt."): a full stop
    after them ends no sentence."""
    text = "".join(t.text for t in tokens)
    return text.endswith(".") and fold(text[:-1]) in TITLES


def _cut_from_clause(v):
    """The clause a verb of speech was cut from by the parser, and the comma before its speaker:
    the cue joined to it as a second verb with no "and" or subordinator, its subject after that
    comma and any title ("..., Capt. Mira Sole, ..., told"); or begun as a new sentence after the
    comma, or after a title's abbreviation the sentencizer took for a full stop ("..., Florida,
    Sgt." / "X, ..., told NBC News"). (tokens of the clause, index of the comma), or None."""
    doc = v.doc
    if v.dep_ == "conj" and v.head.i < v.i and v.head.pos_ in ("VERB", "AUX") \
            and not any(t.dep_ in ("cc", "mark") for t in doc[v.head.i:v.i]):
        first = next((t.i for t in _subject(v).subtree if not t.is_punct), _subject(v).i)
        comma = next((j for j in range(first - 1, max(-1, first - 4), -1) if doc[j].text == ","), None)
        if comma is not None and (comma == first - 1 or _abbreviated_title(doc[comma + 1:first])):
            return list(v.head.subtree), comma
    start = v.sent.start
    if start > 0:
        previous = doc[start - 1].sent
        if doc[start - 1].text == ",":
            return list(previous), start - 1
        if _abbreviated_title(doc[max(previous.start, start - 2):start]):
            comma = next((t.i for t in reversed(previous) if t.text == "," and t.i < start - 2), None)
            if comma is not None:
                return list(previous), comma
    return None


def _relaying(v):
    """The verb of speech hung on `v` as a parataxis between what was said and `v`, with its own
    subject: "..., Fire Chief Ada Brennan said, Radio Ostrenia reported" (`v` relays her words).
    None when there is none."""
    if v.lemma_.lower() not in SPEECH or not any(c.dep_ == "ccomp" and c.i < v.i for c in v.children):
        return None
    return next((c for c in v.children if c.dep_ == "parataxis" and c.i < v.i and c.lemma_.lower() in SPEECH
                 and any(d.dep_ == "nsubj" for d in c.children)), None)


def _relayed_by(v) -> bool:
    """Whether `v` is the verb of speech another relays ("Ada Brennan said" of "..., Radio
    Ostrenia reported")."""
    relaying = _relaying(v.head) if v.dep_ == "parataxis" else None
    return relaying is not None and relaying.i == v.i


def _reporting_tail(c) -> bool:
    """A clause after the cue that only says who reported the report ("..., Fire Chief Ada
    Brennan said, Radio Ostrenia reported."): set off by a comma, a verb of speech with its subject and
    nothing else, closing the sentence. What was said is the clause before the cue."""
    return c.lemma_.lower() in SPEECH and c.i > c.head.i and c.left_edge.i > 0 \
        and c.doc[c.left_edge.i - 1].text == "," and any(d.dep_ == "nsubj" for d in c.children) \
        and not any(d.dep_ in ("ccomp", "dobj", "xcomp", "prep", "advcl", "npadvmod") for d in c.children) \
        and all(t.is_punct or t.is_space for t in c.doc[c.right_edge.i + 1:c.sent.end])


def _subject(v):
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if len(subjects) > 1:
        # a dateline the parser made a second subject ("PORTVALE (Wire One) – The mayor said")
        end = _dateline_end(v.sent)
        if end is not None:
            subjects = [c for c in subjects if c.right_edge.i >= end] or subjects
    if not subjects:
        return _root_noun_subject(v)
    if subjects[0].lower_ in ("who", "which", "that") and v.dep_ == "relcl":
        return v.head  # "an official ..., George Kettaneh, who also warned that ..."
    # A word of a quotation the parser cannot read is no subject of the cue after it
    # ('"Magtulungan po tayo ...," Chipeco said': "tayo" and "Chipeco").
    subjects = [s for s in subjects if not any(t.text in _DOUBLE_MARKS for t in v.doc[s.right_edge.i + 1:v.i])] \
        or subjects
    # "Chief of the press service ..., Colonel Anar Eyvazov said": two subjects; the name wins.
    named = [s for s in subjects if any(t.ent_type_ == "PERSON" for t in s.subtree)]
    return (named or subjects)[0]


_DOUBLE_MARKS = frozenset('"“”«»„')


def _root_noun_subject(v):
    """ "The head of the ministry, Anna Berg, previously called the blockade a crime.": the
    parser, misled by the apposition, made the sentence a noun phrase and its verb a reduced
    relative clause on it ("a man called John"). A verb hanging on the sentence's root noun
    right after the comma that closes the apposition, with an object or a clause of its own, is
    the sentence's verb, and the noun its subject. A true reduced relative is passive: no object,
    or an agent ("Minister called a liar by ...")."""
    if v.dep_ != "acl" or v.i == 0:
        return None
    root = v.head.head if v.head.dep_ == "appos" else v.head  # on the name in apposition, or the noun
    if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN"):
        return None
    before = v.i - 1
    while before > v.head.i and v.doc[before].dep_ == "advmod" and v.doc[before].head.i == v.i:
        before -= 1  # "..., previously called"
    if v.doc[before].text != "," or not any(c.dep_ == "appos" for c in root.children):
        return None
    children = {c.dep_ for c in v.children}
    if "agent" in children or not children & {"dobj", "ccomp", "oprd", "xcomp"}:
        return None
    return root


# Nouns of quantity whose "of" phrase is who spoke: "a number of foreign leaders", "a handful of
# residents", "the majority of experts".
_QUANTITY = frozenset("number handful majority minority lot couple dozen dozens host series range".split())


def _mention_tokens(head) -> list:
    """The speaker mention: the subject's phrase without relative clauses and trailing asides, and
    without a quantity before whoever spoke ("a number of [foreign leaders]")."""
    if head.lemma_.lower() in _QUANTITY:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        who = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if who is not None and who.pos_ in ("NOUN", "PROPN"):
            head = who
    drop = set()
    for t in head.subtree:
        if t.i != head.i and t.dep_ in ("relcl", "acl", "advcl", "parataxis"):
            drop.update(x.i for x in t.subtree)
        elif t.dep_ == "prep" and t.head.i == head.i and any(
                c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in t.children):
            drop.update(x.i for x in t.subtree)  # "an arbitration panel [in 2001] found": when, not who
        elif t.dep_ == "appos" and t.pos_ == "NOUN" and head.ent_type_ != "PERSON" \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) \
                and not any(x.ent_type_ == "PERSON" or x.dep_ == "conj" for x in t.subtree):
            # "the BURAR array in Romania, [a station 620 kilometres from the dam]": a description
            # of who spoke, not its name (a person's role in apposition is read elsewhere; "two
            # engineers, an expert in explosives and a geologist" is a list, not a description).
            # What follows it up to the verb is the description's too, wherever the parse hangs
            # it ("a station 620 km [from the dam]" is often put on the name)
            drop.update(x.i for x in t.subtree)
            if t.i > head.i:
                drop.update(x.i for x in head.subtree if x.i > t.i)
    tokens = _after_dateline([t for t in head.subtree if t.i not in drop and not t.is_space])
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


_DASHES = frozenset(("-", "–", "—", "--"))


def _dateline_end(sent) -> int | None:
    """The index of the first token after a dateline opening the sentence: a place in capitals,
    perhaps an agency in brackets, then a dash ("PORTVALE (Wire One) – The mayor said ..."); None
    when the sentence opens otherwise."""
    first = sent[0]
    if not (first.is_upper and first.is_alpha and len(first) > 2):
        return None
    if first.ent_type_ in ("ORG", "NORP") and sum(t.text in _DASHES for t in sent) != 1:
        # "NATO - the alliance - said": an organisation speaking, set off by dashes (a place in
        # capitals the recogniser took for an organisation, "VELMORSK – Residents said", has one)
        return None
    depth = 0
    for t in sent:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif t.text in _DASHES and depth == 0:
            return t.i + 1
        elif depth == 0 and t.is_alpha and not t.is_upper:
            return None  # words in lower case before any dash: no dateline
    return None


def _after_dateline(tokens: list) -> list:
    """The mention without a dateline the parser ran into it: "PORTVALE – The mayor" is the mayor."""
    end = _dateline_end(tokens[0].sent) if tokens else None
    if end is None:
        return tokens
    rest = [t for t in tokens if t.i >= end]
    return rest or tokens


def _mention_tokens_of(tokens) -> list:
    """A mention given as tokens: in text order, without spaces and edge punctuation."""
    tokens = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "case")):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


def _participle_cue(g: "Found") -> bool:
    return g.cue_token is not None and g.cue_token.tag_ == "VBG"


def _implicative(v):
    """The implicative verb (lexicon.IMPLICATIVE) whose "to" infinitive the cue is: "went on to
    say", ", going on to say", "hastened to add"; for an implicative adjective ("was quick to
    add"), the verb it completes. None when it is not one, is denied ("did not bother to say") or
    has an object ("asked the ministry to explain" is no implicative anyway)."""
    if v.tag_ != "VB" or v.dep_ not in ("xcomp", "advcl") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return None
    head = v.head
    lemma = head.lemma_.lower()
    if head.pos_ == "ADJ" and head.dep_ == "acomp" and lemma in IMPLICATIVE_ADJECTIVES:
        # "the mayor was quick to add": the verb the adjective completes, whose subject spoke
        if any(c.dep_ == "neg" for c in head.head.children) or any(c.dep_ == "neg" for c in v.children):
            return None
        return head.head
    if head.pos_ != "VERB" or lemma not in IMPLICATIVE:
        return None
    if lemma == "go" and not any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children):
        return None  # "is going to say": the future
    if any(c.dep_ in ("neg", "dobj") for c in head.children) or any(c.dep_ == "neg" for c in v.children):
        return None
    return head


def _verb_cue(g: "Found") -> bool:
    """Whether a statement's cue is a verb (or implied), not a report noun ("allegations that")."""
    return g.cue_token is None or g.cue_token.pos_ in ("VERB", "AUX")


def _is_cue(v) -> bool:
    lemma = v.lemma_.lower()
    if v.pos_ not in ("VERB", "AUX") and v.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    if _adds_to(v):
        return False
    return (lemma in SPEECH or lemma in COGNITION or lemma in DIRECTIVE or v.lower_ in SPEECH
            or lemma in frames.ACCUSATION or lemma in frames.NAMING or frames.carries_blame(v)
            or (lemma in frames.FINDINGS and frames.finding_source(v, _subject(v))) or _publishes(v)
            or _puts_at(v) or _points_out(v))


def _points_out(v) -> bool:
    """"pointed out that ...", "pointing out Russia controls the dam": a reporting verb of two
    words (PARC's and PolNeAR's lists have it); "pointed at the map" is none."""
    return v.lemma_.lower() == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in v.children)


def _adds_to(v) -> bool:
    """ "The collapse added to the misery": "add to" a thing, with no clause of what was said,
    is no speech ("she added to reporters" is: a person, a role, a group is told)."""
    if v.lemma_.lower() != "add" or any(c.dep_ in ("ccomp", "dobj") for c in v.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(
        o.dep_ == "pobj" and not (o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or o.pos_ in ("PRON", "PROPN")
                                  or o.lemma_.lower() in ROLES or o.lower_ in GROUPS) for o in c.children)
        for c in v.children)


def _puts_at(v) -> bool:
    """ "Zelensky put the number at 80", "officials placed the toll at 29": an estimate given by
    someone, the object and its number the content."""
    return v.lemma_.lower() in ("put", "place", "peg") and any(c.dep_ in ("nsubj", "agent") for c in v.children) \
        and any(c.dep_ == "prep" and c.lower_ == "at" and any(o.like_num or o.ent_type_ in ("CARDINAL", "PERCENT", "MONEY")
                                                               for o in c.subtree) for c in v.children)


def _publishes(v) -> bool:
    """ "the ministry published a list of 152 casualties": issuing a document or a tally (see
    lexicon.PUBLISH), by someone."""
    return v.lemma_.lower() in PUBLISH and any(c.dep_ == "dobj" and c.lemma_.lower() in TALLIES for c in v.children) \
        and any(c.dep_ in ("nsubj", "agent") for c in v.children)


def _frame(v, lemma: str) -> frames.Frame | None:
    """The accusation, blame or naming frame of a cue verb, when it has one (frames.py)."""
    if lemma in frames.ACCUSATION:
        return frames.accusation(v)
    if lemma in frames.NAMING:
        return frames.naming(v)
    return frames.pointed_blame(v)


# A quoted paragraph that is no one's words: a stage direction in brackets ("(CROSSTALK.)",
# "[APPLAUSE]"), the author's social-media line a site wrapped in the quote marks with the rest.
_NOT_SPOKEN = re.compile(r"\s*(?:[(\[][^)\]\n]*[)\]][.!]?|follow\b[^\n]{0,80}?\b(?:on|at)\s+(?:twitter|x|facebook|"
                         r"instagram|threads|bluesky|tiktok|linkedin)\b[^\n]*)\s*$", re.IGNORECASE)


def _relays(f: Found) -> bool:
    """Whether a statement's speaker is a news medium ("Reuters news agency", "state television";
    sources.is_media), which relays what others said."""
    return bool(f.speaker_tokens) and is_media(" ".join(t.text for t in f.speaker_tokens))


class _Article:
    def __init__(self, doc, min_quote_words: int):
        self.doc = doc
        self.text = doc.text
        self.quotes = find_quotes(self.text)  # in text order, not overlapping
        self._quote_starts = [q.inner_start for q in self.quotes]
        self.min_quote_words = min_quote_words
        self.found: list[Found] = []
        self.transcript: list[Found] = []  # the statements of transcript lines, in text order

    # -- helpers ----------------------------------------------------------------------------------
    def quote_at(self, offset: int) -> Quote | None:
        """The quotation whose inside holds offset (asked for every token: a bisection)."""
        k = bisect_right(self._quote_starts, offset) - 1
        if k >= 0 and offset < self.quotes[k].inner_end:
            return self.quotes[k]
        return None

    def claimed_quote(self, offset: int, before) -> Quote | None:
        """The quotation a cue at `offset` claims for itself although the parser hung it on a
        clause with a cue of its own ('the ministry said 12 had died, while "many more are
        missing," a spokesman told reporters'): a closed quotation of `min_quote_words` or more
        that ends just before the cue (at most a comma between), after a cue among `before`."""
        k = bisect_right(self._quote_starts, offset) - 1
        if k < 0:
            return None
        q = self.quotes[k]
        if not q.closed or q.end > offset or self.text[q.end:offset].strip() not in ("", ","):
            return None
        if self.words(*q.inner) < self.min_quote_words:
            return None
        if not any(t.idx < q.start and _is_cue(t) for t in before):
            return None
        # the quotation opens a clause of its own ("..., while "...", "...; "...") rather than
        # finishing the other one ('an attempt to "bury the truth"')
        lead_in = self.text[max(0, q.start - 12):q.start].rstrip()
        if not (lead_in[-1:] in ",;:.–—-" or _LINK_END.search(" " + lead_in)):
            return None
        return q

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
        if _relaying(v) is not None:
            return None  # "..., Fire Chief Ada Brennan said, Radio Ostrenia reported": hers (below)
        subject = _subject(v)
        passive = None
        quoted_as = False  # the speaker is whom a "quote ... as saying" names (passive or not)
        if lemma == "quote" and any(c.dep_ == "prep" and c.lower_ == "as" and any(
                g.lemma_.lower() in SPEECH for g in c.children) for c in v.children):
            # "the agency quoted a defence spokesperson as saying ...", "the spokesperson was quoted
            # as saying ...": whom the quoting names said it; the one quoting relays it
            quoted = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if quoted is not None:
                subject, quoted_as = quoted, True
        elif subject is None and v.head.lower_ == "as" and v.head.head.lemma_.lower() == "quote":
            # "... quoted the mayor as saying that ...", "Renn was quoted ... as saying ...": the
            # "saying" is the mayor's, Renn's
            subject = next((c for c in v.head.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
            quoted_as = subject is not None
        if subject is not None and subject.dep_ == "nsubjpass" and lemma != "quote" and not quoted_as:
            passive = subject
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
        finding = subject is not None and frames.finding_source(v, subject)
        if subject is not None and (frames.is_evidence(subject) or finding):
            # "evidence reviewed by X suggests", "a study by X found": X speaks; evidence with
            # no one behind it is the outlet's own reasoning
            issuer = frames.issuer(subject)
            if issuer is None and frames.is_evidence(subject):
                return None
            subject = issuer or subject
        if subject is None and v.dep_ == "ROOT" and v.tag_ in ("VBD", "VBZ", "VBP") and v.i > 0 and \
                v.doc[v.i - 1].text == ",":
            # "Oren Vale, a Dayton, Ohio, rabbi helping ..., said he ...": an apposition the
            # parser could not read took the subject away; a name opening the sentence, set off by
            # the comma before the verb, is who said it
            opener = next((e for e in v.doc.ents if e.start == v.sent.start and e.label_ in ("PERSON", "ORG")), None)
            if opener is not None and opener.end < v.i:
                subject = opener.root
        parent = None
        participle = False
        clause = v  # the verb whose words begin the cue's clause: "going" of ", going on to say"
        if subject is None:
            implied = _implicative(v)
            if v.dep_ not in _PARTICIPLE_DEPS or (v.dep_ == "xcomp" and v.tag_ == "VB" and implied is None):
                return None  # "asked the ministry to explain ...": the asker does not explain
            if v.tag_ == "VB" and (lemma in frames.ACCUSATION or lemma in frames.NAMING):
                return None  # "said it was typical of Russia to blame the victim": not the sayer's blame
            parent_verb = next((a for a in v.ancestors if _is_cue(a) and _subject(a) is not None), None)
            if implied is not None:
                # "the minister went on to say ...", "..., going on to say that ...": the sayer is
                # who goes on, the subject of the implicative verb or of the verb its participle
                # hangs on
                clause = implied
                if _subject(implied) is not None:
                    parent_verb = implied if _subject(implied).dep_ == "nsubj" else None
            after_comma = clause.left_edge.i > 0 and v.doc[clause.left_edge.i - 1].text == ","
            if parent_verb is None and clause.tag_ == "VBG" and (after_comma or (
                    clause.dep_ == "pcomp" and clause.head.lower_ in ("by", "after", "before", "while", "in"))):
                # "began by saying that ...", "visited the town, accusing ...", "declined to
                # comment, instead telling ...": a participle set off by a comma or a preposition
                # shares the subject of the verb it hangs on (not "left officials explaining ...",
                # whose subject is the object). One set off by a comma after a clause is that
                # clause's: a verb after it is one the parser hung it on wrongly ('X said, going
                # on to say that ... "young people do not want ..."': not the young people's).
                parent_verb = next((a for a in clause.ancestors if a.pos_ in ("VERB", "AUX") and
                                    _subject(a) is not None and _subject(a).dep_ == "nsubj"
                                    and (a.i < clause.i or not after_comma)), None)
            if parent_verb is None:
                return None
            parent = parent_verb
            participle = (clause.dep_ in ("advcl", "xcomp", "acl", "pcomp") and clause.tag_ == "VBG") \
                or clause.dep_ == "conj"
        if lemma in COGNITION and subject is not None and subject.lower_ in ("i", "we", "you"):
            return None

        frame = None
        if not any(c.dep_ == "ccomp" for c in v.children) and not _relayed_by(v):
            frame = _frame(v, lemma)
        target = None
        if frame is not None:
            if frame.target and frames.reciprocal(frame.target):
                return None  # "accused each other of ...": a dispute, no one's claim
            start, end = _tokens_span(frame.content)
            if frame.target:
                target = _trim(self.text, *_tokens_span(frame.target))
        elif lemma in _FRAME_ONLY or frames.carries_blame(v):
            return None  # "held talks", "compared notes": no frame, and not a speech verb
        else:
            content = self.content_of(v, lemma, passive)
            if content is None:
                return None
            start, end = content
        start, end = _trim(self.text, start, end)
        # one word is content enough when it names whom the speaker blames ("blamed Ukraine")
        if end - start < 3 and target is None or self.words(start, end) < (1 if target else 2):
            return None
        # the cue: the verb, and what stands between it and content that follows it closely
        cue_start, cue_end = v.idx, v.idx + len(v)
        if frame is not None and frame.cue_end is not None and frame.cue_end > cue_end:
            cue_end = frame.cue_end  # "accused Kyiv on Tuesday of"
        elif start > cue_end and start - cue_end <= 40 and "\n" not in self.text[cue_end:start]:
            cue_end = start
        cue_start, cue_end = _trim(self.text, cue_start, cue_end)
        mention = _mention_tokens(subject) if subject is not None else None
        if mention and frame is not None:
            # "accused by the mayor of Tarsk of falsifying ...": the parser may hang the content
            # on the speaker's phrase
            mention = [t for t in mention if not start <= t.idx < end] or mention
        f = Found(start, end, "indirect", (cue_start, cue_end), v.idx, mention,
                  participle=participle, cue_token=v, sentence=self.sentence_of(v), target=target,
                  finding=finding, clause=clause)
        if parent is not None:
            f.parent = parent  # resolved to the parent's Found later
        return f

    def content_of(self, v, lemma: str, passive=None) -> tuple[int, int] | None:
        children = list(v.children)
        # (not a clause that only says who reported the report: "..., Oren Falk said, the Courier
        # reported")
        ccomps = [c for c in children if c.dep_ == "ccomp" and not _reporting_tail(c)]
        if not ccomps and _relayed_by(v):
            # "A woman was hurt ..., Fire Chief Ada Brennan said, Radio Ostrenia reported": the
            # parser hung what was said on the relaying outlet's verb; it is the speaker's
            said = [t for c in v.head.children if c.dep_ == "ccomp" and c.i < v.i for t in c.subtree]
            return _tokens_span(said) if said else None
        cut = _cut_from_clause(v) if not ccomps and _reports_alone(v) \
            and not any(c.dep_ in ("xcomp", "prep", "advcl") and c.i > v.i for c in children) else None
        if cut is not None:
            # "Two men were rescued from a roof in Tarnby, Capt. Mira Sole, ..., told the Courier":
            # the parser joined the cue to the clause as a second verb with no "and", or ended a
            # sentence at the comma or the title's abbreviation and began another with the speaker;
            # what was said is the clause up to the comma before the speaker
            tokens = [t for t in cut[0] if not t.is_space and t.i < cut[1]]
            if any(t.pos_ in ("VERB", "AUX") for t in tokens):
                return _tokens_span(tokens)
        if not ccomps:
            # "DRAVIK (Wire) – A train derailed ..., officials said": the parser hung the clause on
            # the dateline, not on the cue; what follows the dateline is what was said
            end = _dateline_end(v.sent)
            lead = next((c for c in children if c.left_edge.i == v.sent.start and c.i < v.i), None) \
                if end is not None and v.i > end else None
            if lead is not None and lead.dep_ not in ("nsubj", "nsubjpass", "csubj"):
                tokens = [t for t in lead.subtree if t.i >= end and not t.is_space]
                if any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                       for t in tokens):
                    return _tokens_span(tokens)
        if ccomps:
            # "Pointing out ..., Kyslytsya said the dam was mined": of a clause before the cue and
            # one after it, the one after is what was said
            after = [c for c in ccomps if c.i > v.i and any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)]
            c = max(after or ccomps, key=lambda c: len(list(c.subtree)))
            if c.i < v.i:
                # '..., while "many more are missing," a spokesman told reporters': the cue after a
                # quotation claims the quotation, not all that the parser hung before it
                clause = {t.i for t in c.subtree}
                lead = min((t.idx for t in v.subtree if t.i <= v.i and t.i not in clause and not t.is_punct
                            and not t.is_space), default=v.idx)
                q = self.claimed_quote(lead, c.subtree)
                if q is not None:
                    return q.inner
            tokens = list(c.subtree)
            # "said a huge shipment ... had languished": the parser took the clause's subject as
            # the verb's object; it belongs to the content (not for "told Reuters that").
            dobj = next((d for d in children if d.dep_ == "dobj" and v.i < d.i < c.i), None)
            own_subject = any(d.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for d in c.children)
            if dobj is not None and (lemma not in ADDRESSED
                                     or not own_subject):
                tokens += [t for t in dobj.subtree] + [t for t in v.doc[dobj.i:c.i] if not t.is_space]
            # "said 105 aftershocks occurred, and 2,824 buildings collapsed": the parser hangs the
            # second reported clause on the cue verb. A coordinated clause with a subject of its
            # own (not a pronoun, which would more likely be the speaker acting) that is no cue
            # itself continues the content.
            # Only after the cue: in '"...," she said, and minutes later the crowd dispersed' the
            # clause after the cue is narration.
            for conj in (d for d in children if d.dep_ == "conj" and d.i > c.i > v.i and d.pos_ in ("VERB", "AUX")):
                subj = next((s for s in conj.children if s.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None or subj.pos_ == "PRON" or _is_cue(conj) or self.quote_at(conj.idx) is not None:
                    break  # a quoted clause belongs to the quotation pass (split quotes)
                tokens += list(conj.subtree)
            narration = _narration_after(c)
            tokens = [t for t in tokens if t.i not in narration]
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
        if v.dep_ in ("parataxis", "advcl", "conj") and v.i > v.head.i:
            # the quotation right before the cue and its speaker is the content, whatever the parser
            # hung them on ('..., while "many more are missing," a spokesman told reporters')
            lead = min(t.idx for t in v.subtree if t.i <= v.i and not t.is_punct)
            q = self.claimed_quote(lead, v.head.subtree)
            if q is not None:
                return q.inner
        if v.dep_ in ("parataxis",) or (v.dep_ == "advcl" and v.i > v.head.i and v.head.pos_ in ("VERB", "AUX")
                                        and self.quote_at(v.head.idx) is not None):
            head = v.head
            own = {t.i for t in v.subtree}
            tokens = [t for t in head.subtree if t.i not in own and t.i < v.i]
            if tokens and head.i > v.i and self.quote_at(head.idx) is None:
                # a cue in mid-sentence ("The deal, he acknowledges, could still collapse"; "Though
                # ..., she said, the vote would stand"): the clause goes on after it, up to a
                # coordinated clause of its own
                cut = {t.i for c in head.children if c.dep_ in ("conj", "cc") and c.i > v.i for t in c.subtree}
                tokens += [t for t in head.subtree if t.i > v.i and t.i not in own and t.i not in cut
                           and not t.is_space]
                if head.dep_ == "relcl" and all(t.tag_ in ("WDT", "WP", "IN") or t.is_punct
                                                for t in tokens if t.i < v.i):
                    # "a railway line that, officials say, carries supplies": the line is what
                    # the relative clause is about
                    relcl = {t.i for t in head.subtree}
                    tokens += [t for t in head.head.subtree if t.i not in relcl and t.i < head.i
                               and not t.is_space]
            if tokens:
                return _tokens_span(tokens)
        if passive is not None and lemma in NOMINAL and not any(c.dep_ == "dobj" for c in children):
            # "seven missing people have been confirmed by the administration": the passive's
            # subject is what was confirmed
            tokens = [t for t in passive.subtree if not t.is_space]
            return _tokens_span(tokens) if tokens else None
        if lemma == "cite":
            # "cited heavy rain as the cause" reports a reason; "citing the health ministry" or
            # "citing sources" names where the news came from, which is no content
            dobj = next((c for c in children if c.dep_ == "dobj"), None)
            if dobj is None or dobj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or dobj.lemma_.lower() in _SOURCES:
                return None
        if lemma in NOMINAL or frames.finding_source(v, _subject(v)) or _publishes(v) or _puts_at(v):
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
        # a quotation right after the cue ('He said: "..."', 'said Dr. Orlis: "..."', 'said in a
        # statement:' closing a paragraph, the quotation the next one)
        for q in self.quotes:
            if q.start >= v.idx + len(v) and q.start - (v.idx + len(v)) <= 60:
                between = self.text[v.idx + len(v):q.start]
                if (between.strip() in ("", ",", ":") or (between.rstrip().endswith(":")
                                                         and _one_clause(between.rstrip()))) \
                        and self.words(*q.inner) >= self.min_quote_words:
                    return q.inner
        # "said at a news conference that Erdogan has been ...", where the parser hung the
        # clause elsewhere: "that" shortly after the verb starts the content
        if lemma in SPEECH:
            sent_end = v.sent.end
            # up to a dozen words of place and occasion in between ("claimed at an emergency
            # session of the security council that ..."), but no other verb
            for t in v.doc[v.i + 1:min(sent_end, v.i + 15)]:
                if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "nmod"):
                    break  # another clause ("said it would ask that ...")
                if t.lower_ == "that" and self.quote_at(t.idx) is None:
                    rest = [x for x in v.doc[t.i + 1:sent_end] if not x.is_space]
                    # up to a clause that reports someone else ("..., before X said ...")
                    clause = t.head if t.dep_ == "mark" else None
                    if clause is not None:
                        others = {x.i for c in clause.children if c.dep_ in ("advcl", "parataxis") and c.i > t.i
                                  and _is_cue(c) and _subject(c) is not None for x in c.subtree}
                        cut = min(others, default=None)
                        if cut is not None:
                            rest = [x for x in rest if x.i < cut]
                    if len(rest) >= 3:
                        return _tokens_span(rest)
                    break
                if t.is_punct and t.text in ".;:!?":
                    break
        # "Russian-installed authorities said five people": an article cut off after the verb's
        # object; the content goes as far as the text
        if lemma in SPEECH and lemma not in ADDRESSED | _QUOTING:
            dobj = next((c for c in children if c.dep_ == "dobj" and c.i > v.i), None)
            if dobj is not None and dobj.pos_ != "PROPN" and dobj.ent_type_ not in ("PERSON", "ORG"):
                tokens = [t for t in v.subtree if t.i > v.i and not t.is_space]
                end = tokens[-1].idx + len(tokens[-1])
                if not self.text[end:].strip() and self.text[end - 1] not in ".!?\"”»":
                    return _tokens_span(tokens)
        return None

    # -- pass 1b: reports named by a noun --------------------------------------------------------
    def claim_nouns(self) -> None:
        """"X's claim that ...", "allegations by X that ...", "Ukrainian allegations that ..."
        (frames.claim_noun): the report noun is the cue and the source in its phrase the speaker."""
        for n in self.doc:
            if n.lemma_.lower() not in CLAIM_NOUNS or self.quote_at(n.idx) is not None:
                continue
            got = frames.claim_noun(n)
            if got is None:
                continue
            source, frame = got
            start, end = _trim(self.text, *_tokens_span(frame.content))
            if self.words(start, end) < 2:
                continue
            cue_start, cue_end = n.idx, n.idx + len(n)
            if frame.cue_end is not None and cue_end < frame.cue_end and not any(
                    cue_end <= t.idx < frame.cue_end for t in source):
                cue_end = frame.cue_end  # "allegations that"
            self.found.append(Found(start, end, "indirect", _trim(self.text, cue_start, cue_end), n.idx,
                                    _mention_tokens_of(source), cue_token=n, sentence=self.sentence_of(n)))

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
            if t.head.i == t.i:
                # "According to X, the toll rose": with "According" as the sentence's root the
                # parser may hang the clause on X; X ends at the first comma after it
                comma = next((x for x in source_tokens if x.i > pobj.i and x.text == ","), None)
                if comma is not None:
                    source_tokens = [x for x in source_tokens if x.i < comma.i]
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
            # "..., A were killed and B injured, according to X": the parser hangs the phrase on
            # the last conjunct, but it sources the whole coordination before it
            while clause_head.dep_ == "conj" and clause_head.head.i < clause_head.i < t.i and \
                    clause_head.head.pos_ in ("VERB", "AUX") and clause_head.head.sent == sent:
                clause_head = clause_head.head
            if clause_head.dep_ in ("nsubj", "nsubjpass") and clause_head.head.pos_ in ("VERB", "AUX") and \
                    t.i > 0 and doc[t.i - 1].text == "," and \
                    not any(x.pos_ in ("VERB", "AUX") for x in doc[clause_head.left_edge.i:t.i]):
                # "The collapse of the dam, according to X, is ...": hung on a bare subject, it
                # sources the subject's clause (not when a clause inside the subject is what it
                # sources: "The blast, which struck with the force of ..., according to X, followed")
                clause_head = clause_head.head
            tokens = [x for x in clause_head.subtree if x.i not in phrase] if clause_head.i != t.i else []
            if not tokens or len(tokens) < 3:
                tokens = [x for x in sent if x.i not in phrase]
            start, end = _tokens_span(tokens)
            # keep to the side of the phrase that holds the clause when the phrase sits inside it
            p_start, p_end = _tokens_span([doc[i] for i in phrase])
            if p_start > start and p_end < end:
                # set off by commas inside one clause ("The collapse of the dam, according to X, is a
                # consequence of the war"): the whole clause, the aside inside it, as for "The deal,
                # he said, could collapse"; else the side that holds a clause of its own
                set_off = self.text[:p_start].rstrip().endswith(",") and self.text[p_end:].lstrip().startswith(",")
                verbs = [x.idx < p_start for x in tokens if x.pos_ in ("VERB", "AUX")]
                if not (set_off and verbs and (all(verbs) or not any(verbs))):
                    left, right = self.words(start, p_start), self.words(p_end, end)
                    start, end = (p_end, end) if right >= left else (start, p_start)
            start, end = _trim(self.text, start, end)
            # "According to X, the toll is unchanged: four killed and 27 injured": what follows a
            # colon spells the content out.
            rest = self.text[end:sent.end_char]
            if rest.lstrip().startswith(":") and end > p_end:
                end = _trim(self.text, start, sent.end_char)[1]
            if end > p_end and end >= _trim(self.text, sent.start_char, sent.end_char)[1] - 1:
                end = self.run_on(sent, start, end)
            if start >= p_end and self.words(start, end) <= 2 and set(self.text[start:end].lower().replace("’", "'").split()) <= {
                    "that's", "this", "that", "is", "was", "it's", "it", "this's"}:
                # "That's according to the ministry.": the sentence before is the content
                prev = doc[sent.start - 1].sent if sent.start > 0 else None
                while prev is not None and not prev.text.strip() and prev.start > 0:
                    prev = doc[prev.start - 1].sent
                if prev is None:
                    continue
                start, end = _trim(self.text, prev.start_char, prev.end_char)
            if self.words(start, end) < 3:
                continue
            cue_end = speaker_head.idx if speaker_head.i != pobj.i else pobj.idx
            cue = _trim(self.text, t.idx, max(cue_end, to.idx + len(to)))
            source = set(x.i for x in source_tokens)
            self.found.append(Found(start, end, "according_to", cue, t.idx,
                                    [x for x in _mention_tokens(speaker_head) if x.i in source],
                                    sentence=(sent.start_char, sent.end_char)))

    def run_on(self, sent, start: int, end: int) -> int:
        """Where content that reaches its sentence's end really ends: the parser sometimes splits
        a sentence mid-clause (at stray "??" or an abbreviation), and a "sentence" that then
        opens in lower case, on the same line, goes on with it."""
        doc = self.doc
        if sent.end >= len(doc):
            return end
        nxt = doc[sent.end].sent
        body = nxt.text.lstrip()
        if body[:1].islower() and "\n" not in self.text[end:nxt.start_char + (len(nxt.text) - len(body))]:
            return _trim(self.text, start, nxt.end_char)[1]
        return end

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
        # "... - Russian envoy to UN": a role and whom it serves; other prepositions ("rises to
        # 158", "in Ankara") make the tail no source
        adp = [k for k, t in enumerate(tokens) if t.pos_ == "ADP"]
        served = len(adp) == 1 and adp[0] > 0 and tokens[adp[0] - 1].lemma_.lower() in ROLES and \
            tokens[adp[0]].lower_ in ("to", "for", "of", "at")
        looks_like_source = (last.ent_type_ in ("ORG", "PERSON", "NORP") or last.lemma_.lower() in ORGANISATIONS
                             or last.lemma_.lower() in ROLES or last.lower_ in self._MEDIA) and \
            not any(t.pos_ == "NUM" for t in tokens) and (not adp or served)
        if not looks_like_source:
            return
        c_start, c_end = _trim(self.text, m.start("content"), m.end("content"))
        if self.words(c_start, c_end) < 3:
            return
        sep = (m.end("content"), s_start)
        self.found.append(Found(c_start, c_end, "indirect", sep, s_start, tokens,
                                sentence=(0, len(line))))

    # -- pass 2c: statements the layout marks (layout.py) -----------------------------------------
    def layout(self) -> None:
        text, doc = self.text, self.doc
        l_end = text.find("\n")
        l_end = len(text) if l_end < 0 else l_end
        marked = []
        if not any(f.cue[0] < l_end for f in self.found):
            marked += layout.title_case_headline(text, doc) or layout.name_colon_headline(text, doc)
        lines = layout.transcript_lines(text, doc)
        if lines:
            # what is said in a transcript line is that speaker's, cues and all
            self.found = [f for f in self.found if not any(m.start <= f.cue[0] < m.end for m in lines)]
        marked += lines + layout.sign_offs(text, doc)
        made = []
        line_ids = {id(m) for m in lines}
        for m in marked:
            if any(f.start <= m.start and m.end <= f.end for f in self.found):
                continue
            start, end = _trim(text, m.start, m.end, keep_marks=m.kind != "direct")
            if end <= start:
                continue
            span = doc.char_span(*m.speaker, alignment_mode="expand") if m.speaker else None
            tokens = [t for t in span if not t.is_space] if span is not None else []
            cue = m.cue
            while cue[1] > cue[0] + 1 and text[cue[1] - 1].isspace():
                cue = (cue[0], cue[1] - 1)
            while cue[1] > cue[0] + 1 and text[cue[0]].isspace():
                cue = (cue[0] + 1, cue[1])
            made.append((Found(start, end, m.kind, cue, cue[0], tokens or None, sentence=(cue[0], end),
                               target=m.target, label=True), m.interpreted))
            if id(m) in line_ids:
                self.transcript.append(made[-1][0])  # in text order, as the lines are
        for k, (f, interpreted) in enumerate(made):
            if interpreted:
                # an interpreter speaks for the person interpreted: the next named speaker of the
                # transcript, else the one before, else whoever spoke last before the line
                others = [g for g, _ in made[k + 1:] + made[:k][::-1]]
                named = [g for g in others if g.speaker_tokens and g.label]
                before = [g for g in self.found if g.at < f.at]
                f.parent = named[0] if named else (max(before, key=lambda g: g.at) if before else None)
                if f.parent is None:
                    continue
            self.found.append(f)

    # -- pass 3: quotations -----------------------------------------------------------------------
    def quotations(self) -> None:
        # direct content: a statement whose content lies inside a quotation takes the whole quotation
        for f in self.found:
            if any(f is t for t in self.transcript):
                continue  # a transcript quoted whole: the line's words after its label, not the label
            probe = f.start
            while probe < f.end and self.text[probe] in _QUOTE_MARKS + " '`":
                probe += 1  # the parser often hangs the opening mark (or '' and ``) on the quoted clause
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
                if _NOT_SPOKEN.match(self.text, start, end):
                    continue  # "(CROSSTALK.)", "Follow Ana Ruiz on Twitter @aruiz": inside the marks, not said
                # in a transcript, a paragraph without a label goes on with the last line's speaker
                speaking = next((t for t in reversed(self.transcript) if t.start < start), None) or owner
                f = self.attach(q, start, end) or (self.continuation(speaking, start, end) if speaking else None)
                if f is None and self.is_whole_sentence(q) and self.words(start, end) >= self.min_quote_words:
                    f = self.floating(start, end)
                if f is not None:
                    self.found.append(f)
                    covered.append((f.start, f.end))
                    owner = owner or f

    def is_whole_sentence(self, q: Quote) -> bool:
        line_start = self.text.rfind("\n", 0, q.start) + 1
        before = self.text[line_start:q.start].strip()
        return before == "" or _ENDS_SENTENCE.search(before) is not None

    def attach(self, q: Quote, start: int, end: int) -> Found | None:
        """A cue next to the quotation: '"...," he said' or 'He said: "..."' the parser missed."""
        doc = self.doc
        span = doc.char_span(q.end, min(len(self.text), q.end + 1), alignment_mode="expand")
        # after the quotation: the first few tokens; when the quotation closed its sentence and a
        # new one begins with someone new doing something else ('“... somewhere.” A blogger
        # posted a video'), not theirs ('“... today.” Venn said.' and '“...” Venn said both ...'
        # are Venn's)
        closed = self.text[q.inner_start:q.inner_end].rstrip()[-1:] in ".!?" and \
            self.text[q.end:q.end + 3].lstrip()[:1].isupper()
        if span is not None:
            i = span.start
            for t in doc[i:min(len(doc), i + 8)]:
                if t.is_space and "\n" in t.text:
                    break
                subject = _subject(t)
                if closed and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in t.children) and (subject is None or any(
                        c.dep_ == "det" and c.lower_ in ("a", "an", "another", "some") for c in subject.children)):
                    continue
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
        return self.quoted_predicate(q, start, end)

    def quoted_predicate(self, q: Quote, start: int, end: int) -> Found | None:
        """A quotation that is what its sentence's subject does: 'Norwegian scientists "observed
        weak signals from an earlier seismic event ..."', 'The ministry "strongly condemns ...
        and will respond"'. The subject stands right before the opening mark and the sentence's
        own verb (its root, not a clause someone else reports: 'The clip says Kaine "has ..."')
        is inside the quotation; the subject must be able to speak (a person, an organisation, a
        group or a pronoun for one), not 'The dam "was blown up from inside"'."""
        inside = self.doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        verb = next((t for t in inside or () if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.right_edge.idx + len(subject.right_edge) > q.start:
            return None
        if self.text[subject.right_edge.idx + len(subject.right_edge):q.start].strip():
            return None  # something between the subject and the quotation
        speaks = subject.ent_type_ in ("PERSON", "ORG", "NORP") or subject.lemma_.lower() in ROLES | GROUPS | \
            ORGANISATIONS or subject.lower_ in ("he", "she", "they")
        if not speaks or subject.ent_type_ == "GPE":
            return None
        cue = (verb.idx, verb.idx + len(verb))
        return Found(start, end, "direct", cue, subject.idx, _mention_tokens(subject), cue_token=verb,
                     sentence=self.sentence_of(verb))

    def reported_around(self, v, start: int, end: int) -> Found | None:
        subject = _subject(v)
        parent = None
        if subject is None:
            if v.dep_ in _PARTICIPLE_DEPS:
                parent = v.head
            else:
                # a name right before the verb the parser took for a modifier ("Long told the Courier":
                # "Long" read as the adverb); else "said Dr. Lena Orlis", which sometimes parses the
                # speaker as an object, but never whom it was told to ("told the Courier")
                subject = next((c for c in v.children if c.dep_ in ("advmod", "npadvmod") and c.i == v.i - 1
                                and c.pos_ == "PROPN" and c.text[:1].isupper()), None) or next(
                    (c for c in v.children if c.dep_ in ("dobj", "attr", "npadvmod")
                     and not (c.dep_ == "dobj" and v.lemma_.lower() in ADDRESSED)
                     and (c.ent_type_ in ("PERSON", "ORG") or c.pos_ == "PROPN")
                     and c.ent_type_ not in ("DATE", "TIME")), None)  # not "said Wednesday"
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
        if _relays(prev):
            # "..., according to Ana Ruiz of the Red Cross, ..., according to Reuters news agency.
            # '...'": the agency relays; the words are those of the one it quotes in that sentence
            relayed = [f for f in before if f is not prev and f.sentence == prev.sentence and not _relays(f)]
            if relayed:
                prev = max(relayed, key=lambda f: f.at)
        return Found(start, end, "direct", prev.cue, start, None, parent=prev, sentence=(start, end))

    def whole_quotations(self) -> None:
        """Reported content never ends inside a quotation it opened ('saying she had "steady
        hands, but most of all, she has a good heart."'): a cut made by the parse (a comma, a
        coordinated clause) inside quote marks is no end of what was said."""
        for f in self.found:
            if f.kind == "direct":
                continue
            for q in self.quotes:
                if f.start <= q.start < f.end < q.inner_end and q.closed and _one_clause(self.text[f.end:q.inner_end]):
                    f.end = q.end
                    f.kind = "mixed"
                    break

    # -- pass 4: reported speech running on -------------------------------------------------------
    def present_continuations(self) -> None:
        """ "The ministry reported that 10,000 troops are still present there. The troops have more
        than a hundred tanks ...": news narrates in the past tense, so a sentence in the present
        tense right after reported content in the present tense, in the same paragraph, with no
        cue, quotation or statement of its own, goes on reporting it (the same rule figures use
        for their claimant). A question, the perfect, or "I", "we", "you", "he" or "she" as its
        subject is the outlet's own (an aside to the reader, background, or about the speaker)."""
        doc = self.doc
        for f in sorted(self.found, key=lambda g: g.start):
            if f.kind != "indirect" or not _verb_cue(f) or f.cue[0] > f.start or tense(doc, f.start, f.end) != "present":
                continue
            sent = doc.char_span(f.start, f.end, alignment_mode="expand")
            if sent is None or sent[-1].sent.end >= len(doc):
                continue
            nxt = doc[sent[-1].sent.end].sent
            gap = self.text[f.end:nxt.start_char]
            if "\n" in gap or nxt.start_char < f.end or nxt.text.rstrip().endswith("?"):
                continue
            if any(g.start < nxt.end_char and g.end > nxt.start_char for g in self.found) or \
                    any(q.start < nxt.end_char and q.end > nxt.start_char for q in self.quotes) or \
                    any(_is_cue(t) for t in nxt):
                continue
            if tense(doc, nxt.start_char, nxt.end_char) != "present" or _perfect(nxt.root) or any(
                    t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("i", "we", "you", "he", "she") for t in nxt):
                continue  # "He is hoping ...", "His work has focused on ...": the outlet on the speaker
            start, end = _trim(self.text, nxt.start_char, nxt.end_char)
            if self.words(start, end) < 4:
                continue
            self.found.append(Found(start, end, "indirect", f.cue, start, None, parent=f, cue_token=f.cue_token,
                                    sentence=(nxt.start_char, nxt.end_char)))

    # -- finishing --------------------------------------------------------------------------------
    def question_lists(self) -> None:
        """Reported content that is a question goes on over the questions that follow it in the
        same paragraph: the parser ends the sentence at the first "?"."""
        for f in self.found:
            if f.kind == "direct" or f.cue[0] > f.start:
                continue
            end = f.end + 1 if self.text[f.end:f.end + 1] == "?" else f.end
            if self.text[end - 1:end] != "?":
                continue
            m = _MORE_QUESTIONS.match(self.text, end)
            if m:
                f.end = m.end()

    def cut_participles(self) -> None:
        """A statement ends where a participle or coordinated cue inside it (", adding that ...",
        "and added: ...") begins, and where a quotation another cue claims begins ('the ministry
        said 12 had died, while "many more are missing," a spokesman told reporters')."""
        for f in self.found:
            for g in self.found:
                if g is f or g.cue_token is None:
                    continue
                c = g.cue[0]
                if g.participle and f.start < c < f.end and f.kind != "direct":
                    first = (g.clause or g.cue_token).left_edge.i
                    f.start, f.end = _cut(self.text, f.start, min(f.end, self.doc[first].idx))
                    continue
                q = self.quote_at(g.start)
                if q is not None and g.end <= q.inner_end and g.cue[0] >= q.end \
                        and self.words(g.start, g.end) >= self.min_quote_words \
                        and f.cue[1] <= f.start < q.start < f.end and not (f.start <= g.cue[0] < f.end) \
                        and self.quote_at(f.start) is None:
                    f.start, f.end = _cut(self.text, f.start, q.start)

    def drop_nested(self) -> None:
        """Reported speech inside reported speech: keep the inner statement when it is most of the
        outer one ("said he hoped that X" is X, hoped), drop exact duplicates. A finding inside
        someone's report ("tests showed no danger, he said") is part of what they said."""
        self.found = [g for g in self.found if not (g.finding and any(
            f is not g and f.start <= g.cue[0] < f.end and f.start <= g.start and g.end <= f.end
            for f in self.found))]
        keep = []
        for k, f in enumerate(self.found):
            # of two statements with one content, a direct one wins, else the one found first
            dup = any(j != k and (g.start, g.end) == (f.start, f.end) and
                      (g.kind == "direct" and f.kind != "direct" or (g.kind == f.kind and j < k))
                      for j, g in enumerate(self.found))
            if dup:
                continue
            # a report named by a noun inside another ("rejected Kyiv's allegations that ...") is
            # a second statement nested in the first, and both stay; so is a report in a relative
            # clause on a noun of the outer content ("..., saying it was meant to distract from a
            # counteroffensive Moscow says is faltering"), an aside about that noun
            inner = [g for g in self.found if g is not f and not g.participle and f.start <= g.cue[0] < f.end
                     and g.start >= f.start and g.end <= f.end and g.parent is None and _verb_cue(g)
                     and not _relative_aside(g, f)]
            # (an inner cue that is a participle, "with the administration confirming this",
            # is an aside at the end of the outer content, not the report the outer one carries)
            # ... when the inner one is the outer speaker's own ("said he believed") or a report
            # of speech the outer relays or credits to a name ("the agency said the minister
            # announced"); "Smith said the union expected ..." is Smith's statement, whatever the
            # union expects
            most = [g for g in inner if f.kind != "direct"
                    and ((g.end - g.start) >= 0.5 * (f.end - f.start)
                         or (g.end >= f.end - 2 and not _participle_cue(g)))]
            own = [g for g in most if _own_report(g, f)]
            if not own and not any(_speech_cue(g) and (_relays(f) or _named(g)) for g in most):
                keep.append(f)
                continue
            for g in own:
                # "The mayor, Olga Brandt, said she believed ...": "she" is the outer speaker, who
                # is no statement's speaker any more to be remembered before it
                if g.speaker_tokens is not None and f.speaker_tokens is not None \
                        and " ".join(t.lower_ for t in g.speaker_tokens) in _OWN_PRONOUNS:
                    g.speaker_tokens = f.speaker_tokens
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
            if f.speaker_tokens and f.label:
                f.speaker = registry.resolve_label(f.speaker_tokens, f.at)
            elif f.speaker_tokens:
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


_NOT_PAST = {"will", "shall", "can", "may", "must"}


def _narration_after(clause) -> set[int]:
    """Token indices of narration closing reported content: in "Authorities fear the toll will
    continue to climb as rescuers looked for survivors", the clause after "as" is in the simple
    past where what is feared is still to come. News narrates in the past, so a past-tense "as"
    clause ending content in the present or future is the reporter's scene, not the speaker's
    words. Content in the past ("said prices rose as demand fell") keeps it: nothing marks the
    change of voice there."""
    tokens = list(clause.subtree)
    for d in tokens:
        if d.dep_ != "advcl" or d.tag_ != "VBD" or d.i <= clause.i or \
                any(a.dep_ in ("aux", "auxpass") for a in d.children) or \
                not any(m.dep_ == "mark" and m.lower_ == "as" and m.i < d.i for m in d.children) or \
                not any(n.dep_ == "nsubj" and n.pos_ != "PRON" for n in d.children):
            continue  # "as was true for years", "as it did before": a comparison, no scene
        head = d.head
        while head.dep_ == "xcomp" and head.head.i != head.i:
            head = head.head  # "will continue to climb": the tense is the governing verb's
        aux = [a for a in head.children if a.dep_ in ("aux", "auxpass")]
        present = any(a.lower_ in _NOT_PAST for a in aux) or (aux[0] if aux else head).tag_ in ("VBZ", "VBP")
        own = {t.i for t in d.subtree}
        if present and min(own) > max((t.i for t in tokens if t.i not in own and not t.is_punct), default=-1):
            return own
    return set()


_OWN_PRONOUNS = {"he": "he", "him": "he", "she": "she", "her": "she", "they": "they", "them": "they",
                 "we": "we", "us": "we", "i": "i", "me": "i", "it": "it"}


def _speech_cue(g: "Found") -> bool:
    """Whether a statement's cue reports something said or done in words ("said", "announced",
    "blamed", "called on"), not a belief or expectation (lexicon.COGNITION: "expected", "feared")."""
    v = g.cue_token
    return v is None or v.lemma_.lower() not in COGNITION


def _named(g: "Found") -> bool:
    """Whether a statement's speaker is a name ("Klymenko", "the United States"), not a common
    noun ("leaders", "the country", "prosecutors")."""
    return bool(g.speaker_tokens) and any(t.pos_ == "PROPN" for t in g.speaker_tokens)


def _own_report(inner: Found, outer: Found) -> bool:
    """Whether a report inside another is the outer speaker's own ("X said he hoped that ...", "the
    ministry said it believed ...", "she said she had agreed"): its subject is a pronoun, or the
    outer speaker's mention again or a part of it. Not when it names someone else ("Smith said the
    union expected ...", "she said leaders had agreed to ...") or a pronoun the outer speaker's
    own pronoun cannot be ("she said he had agreed") or that a name between them is nearer to
    ("Renn said Brandt was right when she said ..."). The outer mention is read up to its first
    comma: "Ivo Renn, a spokesman for the union, said the union expected" gives Renn's words, not
    the union's expectation."""
    if inner.speaker_tokens is None or outer.speaker_tokens is None:
        return True  # one of them is a continuation of the other: nothing to tell them apart
    said = " ".join(t.lower_ for t in inner.speaker_tokens)
    sayer = " ".join(t.lower_ for t in outer.speaker_tokens).split(" ,")[0]
    if said in _OWN_PRONOUNS:
        # a name between them is the pronoun's nearer antecedent ("Renn said Brandt was right
        # when she said ...")
        after = max(t.i for t in outer.speaker_tokens) + 1
        before = min(t.i for t in inner.speaker_tokens)
        doc = inner.speaker_tokens[0].doc
        if any(t.pos_ == "PROPN" for t in doc[min(after, before):before]):
            return False
        if sayer in _OWN_PRONOUNS:
            return _OWN_PRONOUNS[sayer] == _OWN_PRONOUNS[said]
        # a pronoun that cannot be the outer speaker is someone else's: "he", "she" or "I" after
        # more than one or after a thing someone has ("according to her account, she ..."), "it"
        # after people or a person, "they" or "we" after one person ("Brandt said they had
        # agreed"). (The recogniser's types are too unsure to ask more of them.)
        ids = {t.i for t in outer.speaker_tokens}
        head = next((t for t in outer.speaker_tokens if t.head.i not in ids or t.head.i == t.i),
                    outer.speaker_tokens[-1])
        plural = head.tag_ in ("NNS", "NNPS")
        role = head.lemma_.lower() in ROLES
        person = role or head.ent_type_ == "PERSON"
        pronoun = _OWN_PRONOUNS[said]
        if pronoun in ("he", "she", "i"):
            return not plural and not (head.pos_ == "NOUN" and not role
                                       and any(c.dep_ == "poss" for c in head.children))
        if pronoun == "it":
            return not plural and not person
        return plural or not person
    # the same words again, or a part of them ("Renn said Renn's team ...", "the ministry" after
    # "the Defence Ministry"), word by word
    bare = set(said.split()) - {"the", "a", "an", "its", "his", "her", "their", "'s"}
    sayer_words = set(sayer.split()) - {"the", "a", "an"}
    return bool(bare) and bool(sayer_words) and (bare <= sayer_words or sayer_words <= bare)


def _relative_aside(inner: Found, outer: Found) -> bool:
    """Whether an inner statement's cue is a relative clause on a noun of the outer content ("a
    counteroffensive (that) Moscow says is faltering"): it tells about that noun, it is not what
    the outer speaker's words amount to."""
    v = inner.cue_token
    if v is None or v.dep_ not in ("relcl", "acl"):
        return False
    # the head by what it does, not its tag: "counteroffensive" may be tagged an adjective
    return v.head.pos_ not in ("VERB", "AUX") and outer.start <= v.head.idx < outer.end


def _perfect(verb) -> bool:
    """ "has focused", "have been launched": the perfect, which narrates background."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def statement_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def extract_statements(doc, min_quote_words: int = 4) -> list[Found]:
    """The statements of one parsed article, in text order, speakers resolved."""
    repair_entities(doc)
    art = _Article(doc, min_quote_words)
    art.cue_verbs()
    art.claim_nouns()
    art.according()
    art.headline()
    art.layout()
    art.cut_participles()
    art.question_lists()
    art.drop_nested()
    art.quotations()
    art.whole_quotations()
    art.present_continuations()
    for f in art.found:
        m = _DATELINE.match(art.text[f.start:f.end])
        if m and (f.start == 0 or art.text[f.start - 1] == "\n"):
            f.start += m.end()
    art.found = [f for f in art.found if f.end > f.start]
    art.found.sort(key=lambda f: (f.start, f.end))
    art.resolve(Registry(doc))
    return art.found
