"""Statement shapes whose content is not a clause of a cue verb: accusations, blame, naming,
reports named by a noun, and findings of studies and data.

Each function reads the parse around one token and returns a `Frame` (the content's tokens, the
accused or blamed party when the shape names one, where the cue ends) or None. statements.py
decides who the speaker is (the verb's subject, or the passive's agent) and what becomes a row.

- `accusation(v)`: "X accused Y of Z-ing", "X blamed Y for Z", "X condemned Y for Z", "X charged
  Y with Z", "X held Y responsible for Z": the content is Z and the target Y; "X blamed Z on Y",
  "X attributed Z to Y": the content is "Z on Y" and the target Y; "X blamed Y" alone: content and
  target are Y. The "of"/"for" may hang on the verb or on Y (the parser does both); the passive
  ("Y was accused by X of Z") takes Y from the passive subject.
- `pointed_blame(v)`: "X pointed the blame at Y", "X laid the blame on Y", "blame was pointed at Y
  by X": a verb that carries the noun "blame" to a party. Content "blame ... at Y", target Y.
- `naming(v)`: "X called Z a war crime", "X called Y's Z criminal", "X described Z as ...",
  "X branded Z ...", "X likened Z to W": the content is Z with what it is called; the target is Z
  when it names a party (a person, organisation or country), else Z's possessor ("Y's").
- `claim_noun(n)`: "X's claim that ...", "allegations by X that ...", "Ukrainian allegations
  that ...", "accusations by X and Y that ...": a report noun with a that-clause and a source in
  its own phrase (a possessor, a by/from phrase, or a demonym or name in front of it). The content
  is the clause; a report noun with no source in its phrase ("rejected the allegations that ...")
  is nobody's in particular and gives nothing.
- `finding_source(subject)`: whether the subject of "found", "showed", "concluded" ... is a
  source that can report: a study, poll, analysis, investigation or data set, or researchers
  ("the study found that ...", "polls showed ...", "seismic data showed ...", "researchers
  found that ...", "seismologists detected signals"; but "investigators found the recorder" is an
  act, not a finding). "Evidence" reports only through whoever gathered it ("evidence reviewed by X"):
  `issuer(subject)` finds X, and evidence without one is the outlet's own reasoning. A body that
  speaks (an organisation, a panel, a court, a named person or group) or a document finds or shows
  only a clause with a tense of its own ("an arbitration panel found [the county was in breach]",
  "leaked documents show [he took a loss]"), not an object ("the board found a buyer") nor a
  small clause ("finds him guilty", "social networks show neighbours waiting on roofs").
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import CLAIM_NOUNS, DOCUMENTS, EVIDENCE, FINDINGS, GROUPS, ORGANISATIONS, RESEARCHERS, ROLES, STUDIES

# cue lemma -> the prepositions that introduce what the party is accused of or blamed for
ACCUSATION = {
    "accuse": ("of", "for"), "charge": ("with",), "blame": ("for", "on"), "condemn": ("for",),
    "criticize": ("for",), "criticise": ("for",), "fault": ("for",), "denounce": ("for",),
    "slam": ("for",), "rebuke": ("for",), "castigate": ("for",), "attribute": ("to",),
    "hold": ("for",),
}
# "blamed Z on Y", "attributed Z to Y": the preposition introduces the party, not the deed
_PARTY_PREPS = {"blame": "on", "attribute": "to"}
# verbs that carry the noun "blame" to a party: "pointed blame at", "laid the blame on"
_BLAME_CARRIERS = frozenset("point put lay place pin shift direct cast apportion assign".split())
_BLAME_PLACES = frozenset("door doorstep foot feet step steps".split())
# naming verbs and the preposition that introduces the name, when they use one
NAMING = {"call": None, "brand": "as", "label": "as", "term": None, "dub": None, "describe": "as",
          "characterize": "as", "characterise": "as", "portray": "as", "depict": "as", "liken": "to",
          "compare": "to"}
_PARTIES = ("PERSON", "ORG", "GPE", "NORP")
_RECIPROCAL = frozenset(["each other", "one another", "the other", "the other side", "the other party",
                         "the other one", "each other's", "one another's"])
_ASIDES = ("relcl", "acl", "advcl", "parataxis", "punct")


@dataclass
class Frame:
    content: list            # the content's tokens (any order)
    target: list | None = None  # the accused or blamed party's tokens, as written
    cue_end: int | None = None  # offset where the cue words end ("accused Kyiv of|"), when known


def _phrase(head, without=()) -> list:
    """A noun phrase without relative clauses, asides and the subtrees in `without`."""
    drop = {t.i for w in without for t in w.subtree}
    for t in head.subtree:
        if t.i != head.i and t.dep_ in _ASIDES and t.i not in drop:
            drop.update(x.i for x in t.subtree)
    tokens = [t for t in head.subtree if t.i not in drop and not t.is_space]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "case")):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


def _is_party(t) -> bool:
    return t.ent_type_ in _PARTIES or (t.pos_ == "PROPN")


def _after(v, prep) -> list:
    """What the preposition introduces, and what follows it closely in the verb's clause ("of
    blowing up the dam as part of a plan"): later modifiers hung on the verb, without a comma
    before them (", saying ..." is another statement) and without coordinated clauses."""
    tokens = [t for t in prep.subtree if t.i != prep.i and not t.is_space]
    if not tokens:
        return []
    end = max(t.i for t in tokens)
    rights = list(v.rights)
    for k, c in enumerate(rights):
        if c.i <= end:
            continue
        if c.dep_ == "cc" and c.i == end + 1 and k + 1 < len(rights) and rights[k + 1].dep_ == "conj" and \
                rights[k + 1].pos_ in ("NOUN", "PROPN", "NUM"):
            # "for the past decade and a half of ...": a noun the parser hung on the verb
            tokens.append(c)
            end = c.i
            continue
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM") and v.doc[end].dep_ == "cc":
            tokens += [t for t in c.subtree if not t.is_space]
            end = max(t.i for t in c.subtree)
            continue
        if c.dep_ not in ("prep", "advcl", "xcomp", "npadvmod", "advmod") or c.is_punct:
            break
        if any(t.is_punct and t.text in ",;:" for t in v.doc[end + 1:c.i]) or c.tag_ == "VBG":
            break
        tokens += [t for t in c.subtree if not t.is_space]
        end = max(t.i for t in c.subtree)
    return tokens


def reciprocal(tokens) -> bool:
    """"each other", "one another", "the other side": the parties accuse one another, which
    reports a dispute but no one's claim."""
    return " ".join(t.lower_ for t in tokens) in _RECIPROCAL


def accusation(v) -> Frame | None:
    lemma = v.lemma_.lower()
    preps = ACCUSATION.get(lemma)
    if preps is None:
        return None
    kids = list(v.children)
    passive = any(c.dep_ == "nsubjpass" for c in kids)
    party = next((c for c in kids if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
    if lemma == "hold":
        # "held Y responsible for Z": the predicate adjective carries the "for"
        pred = next((c for c in kids + (list(party.children) if party is not None else [])
                     if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "amod")
                     and c.lemma_.lower() in ("responsible", "accountable", "liable")), None)
        if pred is None or party is None:
            return None
        prep = next((c for c in pred.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        content = _after(v, prep) if prep is not None else _phrase(party)
        return Frame(content, _phrase(party, without=[pred]), min(t.idx for t in content)
                     if prep is not None and content else None)
    party_prep = _PARTY_PREPS.get(lemma)
    if party_prep is not None and party is not None and not passive and party.tag_ in ("WDT", "WP") \
            and v.dep_ == "relcl":
        # "the destruction of the dam, which Kyiv attributes to Russia": what is blamed is the
        # relative clause's antecedent; the party follows the preposition
        on = next((c for c in kids if c.dep_ == "prep" and c.lower_ == party_prep), None)
        pobj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
        if pobj is None:
            return None
        np = v.head
        while np.dep_ == "pobj" and np.head.lower_ == "of" and np.head.head.pos_ in ("NOUN", "PROPN"):
            np = np.head.head  # "the collapse of the dam, which ...": the whole noun phrase
        # the content runs from the antecedent to the party, so that it holds the whole
        # proposition ("the collapse of the dam, which Kyiv attributes to Russia")
        return Frame(_phrase(np, without=[v]) + [t for t in on.subtree if not t.is_space], _phrase(pobj))
    if party_prep is not None and party is not None and not passive:
        # "blamed the destruction of the dam on Ukraine": the last such preposition in the
        # object's phrase or on the verb names the party ("on Tuesday" is a date, not a party)
        ons = [t for t in list(party.subtree) + kids if t.dep_ == "prep" and t.lower_ == party_prep and t.i > v.i]
        ons = [p for p in ons if any(c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME") for c in p.children)]
        if ons:
            on = max(ons, key=lambda t: t.i)
            pobj = next(c for c in on.children if c.dep_ == "pobj")
            content = [t for t in party.subtree if not t.is_space] + [t for t in on.subtree if not t.is_space]
            return Frame(content, _phrase(pobj))
    preps_here = [c for c in kids if c.dep_ == "prep" and c.lower_ in preps]
    extra = []
    if party is not None:
        preps_here += [c for c in party.children if c.dep_ == "prep" and c.lower_ in preps]
        # "blamed Ukrainian shelling for ...": the parser may take the party's noun for a
        # participle of the verb, right after a demonym it took for the object
        nxt = v.doc[party.i + 1] if party.i + 1 < len(v.doc) else None
        if nxt is not None and nxt.head.i == v.i and nxt.tag_ == "VBG" and nxt.dep_ in ("advcl", "xcomp") \
                and (party.ent_type_ == "NORP" or party.pos_ == "ADJ"):
            extra = [nxt]
            preps_here += [c for c in nxt.children if c.dep_ == "prep" and c.lower_ in preps]
    preps_here = [p for p in preps_here if p.lower_ != party_prep and any(
        c.dep_ in ("pobj", "pcomp") for c in p.children)]
    if preps_here:
        prep = min(preps_here, key=lambda t: t.i)
        content = _after(v, prep)
        if not content:
            return None
        target = _phrase(party, without=[prep]) + extra if party is not None else None
        return Frame(content, target or None, min(t.idx for t in content))
    if lemma in ("blame", "accuse") and party is not None and not passive:
        target = _phrase(party)
        return Frame(target, target) if target else None  # "The Kremlin blamed Ukraine"
    return None


def carries_blame(v) -> bool:
    """"pointed blame at", "laid the blame on", "blame was pointed at": a verb moving blame."""
    return v.lemma_.lower() in _BLAME_CARRIERS and any(
        c.lower_ == "blame" and c.dep_ in ("dobj", "nsubjpass") for c in v.children)


def pointed_blame(v) -> Frame | None:
    if not carries_blame(v):
        return None
    blame = next(c for c in v.children if c.lower_ == "blame" and c.dep_ in ("dobj", "nsubjpass"))
    preps = [t for t in list(v.children) + list(blame.children)
             if t.dep_ == "prep" and t.lower_ in ("at", "on", "onto", "upon", "to", "towards", "toward")]
    for prep in sorted(preps, key=lambda t: t.i):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        # "laid the blame at Moscow's door / feet": the possessor is the party
        poss = next((c for c in pobj.children if c.dep_ == "poss"), None)
        party = _phrase(poss) if poss is not None and pobj.lemma_.lower() in _BLAME_PLACES else _phrase(pobj)
        if blame.dep_ == "dobj":
            content = [t for t in blame.subtree if not t.is_space] + [t for t in prep.subtree if not t.is_space]
        else:  # passive: "blame was pointed squarely at Kyiv": what follows the verb
            content = [t for t in prep.subtree if not t.is_space]
        return Frame(content, party)
    return None


def naming(v) -> Frame | None:
    lemma = v.lemma_.lower()
    if lemma not in NAMING:
        return None
    kids = list(v.children)
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if any(c.dep_ == "ccomp" for c in kids):
        return None
    prep_word = NAMING[lemma]
    if obj is not None and obj.tag_ in ("WDT", "WP"):
        return None  # "the town, which Kadrania calls Velmorsk": a name given in passing
    passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if obj is None and passive is not None and prep_word is not None:
        # "The breach was described by the president as an environmental bomb": the whole
        # clause, the president's words on either side of the cue
        pred = next((c for c in kids if c.dep_ == "prep" and c.lower_ == prep_word and c.i > v.i), None)
        if pred is None:
            return None
        return Frame([t for t in passive.subtree if not t.is_space] + [t for t in pred.subtree if not t.is_space])
    if obj is None:
        # "called Y's shelling of the port criminal": the parser may make the whole of it the
        # object predicate
        whole = next((c for c in kids if c.dep_ == "oprd" and c.i > v.i), None)
        if whole is None or prep_word is not None or len(list(whole.subtree)) < 3 or any(
                c.dep_ == "nsubjpass" for c in kids):
            return None
        poss = next((c for c in whole.children if c.dep_ == "poss" and c.ent_type_ in _PARTIES), None)
        return Frame([t for t in whole.subtree if not t.is_space], _phrase(poss) if poss is not None else None)
    pred = None
    if prep_word is None:
        # "called the bombing a war crime" (oprd, or an apposition to the object), "called Y's
        # blowing up of the dam criminal and reckless" (an adjective after the object)
        pred = next((c for c in kids if c.i > obj.i and (c.dep_ == "oprd" or (
            c.dep_ in ("xcomp", "acomp") and c.pos_ in ("NOUN", "PROPN", "ADJ")))), None)
        if pred is None:
            pred = next((c for c in obj.children if c.dep_ in ("appos", "amod", "oprd") and c.i > obj.i
                         and not any(t.is_punct and t.text in ",;:" for t in v.doc[obj.i:c.i])), None)
        if pred is None and lemma == "call":
            # "called Russia's blowing up of the dam criminal": the adjective ends up inside the object
            last = max(obj.subtree, key=lambda t: t.i)
            pred = last if last.pos_ == "ADJ" and last.i > obj.i + 1 else None
    else:
        preps = [c for c in kids if c.dep_ == "prep" and c.lower_ == prep_word and c.i > obj.i]
        preps += [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ == prep_word]
        pred = min(preps, key=lambda t: t.i) if preps else None
    if pred is None:
        return None
    content = [t for t in obj.subtree if not t.is_space] + [t for t in pred.subtree if not t.is_space]
    target = None
    if _is_party(obj) and obj.ent_type_ != "":
        target = _phrase(obj, without=[pred])
    else:
        poss = next((c for c in obj.children if c.dep_ == "poss" and c.ent_type_ in _PARTIES), None)
        if poss is not None:
            target = _phrase(poss)
    return Frame(content, target or None)


def claim_noun(n) -> tuple[list, Frame] | None:
    """(the source's tokens, the frame) of "X's claim that ...", or None."""
    if n.lemma_.lower() not in CLAIM_NOUNS or n.pos_ not in ("NOUN", "PROPN"):
        return None
    clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp", "appos") and c.i > n.i and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if clause is None:
        return None
    source = None
    poss = next((c for c in n.children if c.dep_ == "poss"), None)
    if poss is not None and poss.pos_ != "PRON":
        source = _phrase(poss)
    if source is None:
        by = next((c for c in n.children if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < clause.i), None)
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if pobj is not None:
            source = _phrase(pobj)
    if source is None:
        # "Ukrainian allegations", "Kremlin claims": a demonym or a name right before the noun
        front = [c for c in n.lefts if c.dep_ in ("amod", "compound", "nmod")
                 and (c.ent_type_ in _PARTIES or c.pos_ == "PROPN")]
        if front:
            source = [t for c in front for t in c.subtree]
    if not source:
        return None
    content = [t for t in clause.subtree if not t.is_space and not (t.dep_ == "mark" and t.head.i == clause.i
                                                                      and t.lower_ == "that")]
    return source, Frame(content, None, min(t.idx for t in content) if content else None)


def issuer(subject):
    """Who a study, data set or body of evidence belongs to, named in its phrase: "a study by X",
    "data from X", "evidence reviewed by X", "X's investigation", "a New York Times
    investigation". None when the phrase names no one."""
    for t in subject.subtree:
        if t.dep_ == "pobj" and t.head.lower_ in ("by", "from", "of") and t.i != subject.i and (
                t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.pos_ == "PROPN"):
            return t
        if t.dep_ == "agent" or (t.dep_ == "pobj" and t.head.dep_ == "agent"):
            pobj = next((c for c in t.children if c.dep_ == "pobj"), None) if t.dep_ == "agent" else t
            if pobj is not None:
                return pobj
    for c in subject.children:
        if c.dep_ in ("poss", "compound") and c.i < subject.i and (c.ent_type_ in ("PERSON", "ORG") or
                                                                  c.pos_ == "PROPN"):
            return c
    return None


def is_evidence(subject) -> bool:
    """"evidence", or "lines of evidence", "pieces of evidence"."""
    if subject.lemma_.lower() in EVIDENCE:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in EVIDENCE for g in c.children) for c in subject.children)


def finding_source(v, subject) -> bool:
    """Whether `subject` can report what `v` ("found", "showed", "concluded") says."""
    if v.lemma_.lower() not in FINDINGS or subject is None:
        return False
    lemma = subject.lemma_.lower()
    if lemma in EVIDENCE or is_evidence(subject):
        return issuer(subject) is not None
    if lemma in RESEARCHERS:
        # people find and show things too ("investigators found the flight recorder"): only a
        # clause is a finding of theirs
        return v.lemma_.lower() not in ("find", "show") or any(c.dep_ == "ccomp" for c in v.children)
    if lemma in STUDIES or subject.lower_ in STUDIES:
        return True
    # a body that speaks, or a document, reports what it found as a clause ("an arbitration panel
    # found [the country was in breach]", "leaked documents show [he took a loss]"); "the board
    # found a buyer" is a deed
    return v.lemma_.lower() in INQUIRY and any(c.dep_ == "ccomp" and _finite(c) for c in v.children) and (
        lemma in ORGANISATIONS or lemma in DOCUMENTS or subject.ent_type_ in ("ORG", "PERSON")
        or lemma in ROLES or subject.lower_ in GROUPS)


# The verbs of FINDINGS that are not also verbs of saying (those are cues already): what an
# inquiry ends in.
INQUIRY = frozenset("find show conclude determine establish demonstrate prove".split())


def _finite(verb) -> bool:
    """A clause with a tense of its own ("found [the country was in breach]"), not a small
    clause ("finds him guilty", "show neighbours waiting on roofs")."""
    return verb.pos_ in ("VERB", "AUX") and (verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children))
