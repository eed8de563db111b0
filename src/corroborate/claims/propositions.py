"""Propositions: what one clause of an article asserts, read off its parse.

A claim is one proposition. A sentence often carries several ("the Kremlin accused Kyiv of
sabotaging the dam to cut off Crimea's water and distract attention from its counter-offensive":
who did it, and two motives), and the same proposition comes in many shapes ("Russia blew up the
dam", "the dam was blown up by Russian forces", "Ukraine accused Russia of blowing up the dam",
"Russia's detonation of the dam"). For each span of an article (a statement's content, or what
the outlet says in its own voice) `clauses` gives its clauses, each with

- `core`: the words to compare, without what does not change the proposition: who reported it
  ("X accused", "X said"), when ("on Tuesday", dates), asides (appositions, non-restrictive
  relative clauses, discourse adverbs), quote marks; a side named in any way by its country
  ("the Kyiv regime", "the Ukrainian side", "Kiev" -> "Ukraine", see claims.parties);
- `agent`: the side doing what the clause says (a country code), when the clause says who did it:
  the subject of its verb, the agent of a passive ("blown up by Russian forces"), the agent of an
  event noun ("sabotage by the Ukrainian side", "Kiev's attack", "Ukrainian shelling"), the one a
  responsibility is put on ("responsibility lies with the Kyiv regime", "X must be held
  accountable"), the one accused or blamed ("accused Kyiv of ...", "blamed it on Ukraine"), the one
  denying its part in a deed ("Moscow denied [any fault for the explosion]", "the Kremlin denied
  [it was involved]": the denier, the clause negated), the doer of what someone knows or is sure
  of ("was aware that Russian troops had mined the dam"). A side modifying a noun is its doer
  only when the noun can act or is an act (a role, an organisation, a group, an armed force,
  "attack", "shelling"): "Chile's bridge collapsed" and "the collapse of Chile's bridge" say
  where, not who;
- `negated`: the clause denies its verb ("was not involved", "rejects the accusations");
- `harm`: the clause puts a harm on its agent: the agent did an act of harm (a verb of harm,
  "blew up the dam", "was destroyed by Peruvian troops"; an act of harm it is the doer of,
  "sabotage by the Ukrainian side"), or is blamed, accused of one or held responsible ("the
  Kremlin blamed Ukraine", "all responsibility lies with the Kyiv regime"). What is said of the
  deed is not the deed: "Russia's destruction of the dam is an environmental disaster" (a verdict
  whose subject is the act), a motive ("to cut off Crimea's water"), "accused X of lying";
- `harmed`: what that harm was done to, the lemmas naming the thing ("dam kakhovka"), empty when
  the clause does not say ("the Kremlin blamed Ukraine"): "detonating an environmental bomb" and
  "blowing up the dam" are two harms of one side, two propositions.

Rules that cut a sentence into clauses (each clause keeps at least `min_words` words):
- a clause never ends on a preposition whose object is not in it ("... a hole in the dam [in] what
  Kyiv said was ...": the word opens the statement that follows);
- coordinated clauses with a subject of their own ("... blew up the dam, but they did it
  chaotically"), a second deed ("denies any fault and blames Kyiv"; not a verb joined to the one
  before by "and" alone, which shares its object: "has been following and managing the event",
  "destroyed or damaged dozens of buildings"), and clauses after ";" or ", while / whereas";
- purpose clauses ("to cut off water to Crimea") and their coordinated verbs ("... and distract
  attention from ..."): a motive is a proposition of its own (not what someone is asked to do,
  "urged the world community [to condemn ...]", nor allowed, forced or expected to);
A sentence without a verb asserts something only as a line of its own (a title or a heading:
"Explosion Signals From Ukraine Dam"); in running text it is a fragment the sentence splitter cut
off ("/TASS/. International Atomic Energy Agency (IAEA)" before its "Director General ... said").
A clause that asks asserts nothing and is no proposition: an indirect question ("could not say
[what caused the collapse]", "did not say [whether X]", `_asks`), not a clause about what was said
or named ("in [what Kyiv said] was an attempt", "called [what happened] a crime").
A purpose clause takes the agent of the clause it belongs to.

Rules that keep a statement's content whole or read it in its statement's frame:
- a content in pieces that each hang from the cue outside it, none a clause with a subject of its
  own, is one clause ("reported [weak signals] [from an earlier event] [originating from the
  dam]"); so is what a label names with the label ("described [the strike on the dam as an act
  of sabotage by X]", "called [the shelling a war crime]"), read as "the strike on the dam was an
  act of sabotage by X" is: the doer of the labelling act, the thing the labelled act was done to;
- a content hanging from an accusation takes the accused as its agent only where the accusation's
  deed goes ("accused X of [A]", "blamed [A] on X"), not when it is a statement of the accuser's
  coordinated with it ("accused X of A and said [B]"); a content whose subject is "it" / "this" /
  "that" right after one ("..., saying [it was a ploy to ...]") speaks of the accused's deed: the
  accused is its agent, and it puts no harm of its own on them.

Everything here is syntax and data (parties), for every side alike: no word of a particular event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..attribution.lexicon import COGNITION, DIRECTIVE, GROUPS, ORGANISATIONS, ROLES, SPEECH
from .parties import party

# Verbs that put a deed on someone: "accused X of", "blamed X for", "blamed Y on X", "charged X with".
ACCUSE = frozenset("accuse blame charge hold".split())
# Verbs (and nouns) that deny what follows.
DENY = frozenset("deny reject dismiss refute rebuff disavow".split())
# Verbs that name what something is ("called the blast an act of sabotage", "described it as a
# crime"): who did it is in the name, not the subject.
LABEL = frozenset("call describe label term brand characterise characterize dub".split())
# Words of responsibility whose subject (or "with" object) is who did it.
RESPONSIBLE = frozenset("responsible responsibility accountable culpable guilty blame fault involve behind".split())
SPEECH_VERBS = (SPEECH | COGNITION | {"declare", "state"}) - ACCUSE
# Adjectives of knowing or certainty whose clause says the deed ("was aware that ...").
KNOWING = frozenset("aware sure certain convinced confident clear evident obvious".split())
# Nouns of acts, whose possessor or "by" names who did them ("Kiev's attack", "sabotage by the
# Ukrainian side"), as opposed to nouns of things and places, whose possessor owns them or is
# where they are ("Chile's bridge", "the collapse of Chile's bridge": no one did anything).
DEEDS = frozenset("""attack strike assault sabotage destruction demolition explosion blast bombing bombardment
shelling detonation act crime operation offensive counteroffensive counter-offensive invasion aggression raid
shooting killing massacre breach provocation terror terrorism attempt action move decision campaign war
genocide cleansing blockade annexation occupation incursion fire mining plot scheme tactic tactics policy
atrocity ecocide strikes attacks operations actions acts crimes provocations""".split())
# Acts that harm (the deeds whose doer a claim of blame names), as opposed to acts of every kind
# ("Ukraine's counteroffensive", "Moscow's decision"): "sabotage by the Ukrainian side" puts a
# harm on Ukraine, "Ukraine's counteroffensive is faltering" does not.
HARM = frozenset("""attack strike assault sabotage destruction demolition explosion blast bombing bombardment
shelling detonation crime breach provocation terror terrorism raid shooting killing massacre genocide cleansing
atrocity ecocide incursion strikes attacks crimes provocations killings massacres atrocities""".split())
# Verbs of doing harm: their subject (or "by" agent) did the deed ("Russia blew up the dam", "the
# dam was destroyed by Russian forces"). "Blow" only with "up".
HARM_VERBS = frozenset("""attack strike assault sabotage destroy demolish explode blast bomb bombard shell detonate
breach raid shoot kill massacre blow torpedo wreck ruin cause perpetrate orchestrate""".split())
# Verbs of doing an act, whose object is the act done ("committed a crime", "carried out an attack").
DOING = frozenset("commit carry launch conduct stage mount unleash wage execute".split())
# Discourse adverbs and connectives that say nothing of the proposition.
_ASIDE_ADVERBS = frozenset("""however meanwhile apparently moreover furthermore also though instead
nevertheless nonetheless indeed reportedly allegedly earlier later previously already still again""".split())
_TIME_ENTS = frozenset(("DATE", "TIME"))
_QUOTES = frozenset("\"“”'‘’«»„")
_SUBJECTS = frozenset(("nsubj", "nsubjpass", "csubj"))


@dataclass(frozen=True)
class Clause:
    start: int            # offsets in the article's text
    end: int
    core: str             # the words compared across articles (see module doc)
    agent: str | None     # the side doing it, a country code (claims.parties), when the clause says;
                          # two sides together ("Moscow and Kyiv traded blame") as "RU+UA"
    negated: bool         # the clause denies its verb
    neutral: str = ""     # the clause as written, each side and person named alike (`neutral`)
    harm: bool = False    # it puts a harm on its agent: did it, or is blamed for it (`agent_and_harm`)
    harmed: str = ""      # what the harm was done to, lemmas joined by spaces ("dam kakhovka"); "" unsaid


def _party_of_np(tok, depth: int = 0) -> str | None:
    """The side a noun phrase names: its head, or a modifier of it ("Russian forces", "the Kyiv
    regime", "Moscow's troops"); not a place inside it ("the dam in Ukraine"). A person's name
    that happens to be a country ("Chad Smith") is no side. Two sides joined ("Moscow and Kyiv
    traded blame", "both the Russian and Ukrainian authorities") are both: their codes joined by
    "+", a side of its own that is neither."""
    one = _one_party(tok, depth)
    if depth or tok.dep_ == "conj":
        return one
    sides = {one} if one else set()
    for child in tok.children:
        if child.dep_ == "conj":
            other = _one_party(child, depth)
            if other:
                sides.add(other)
    for child in tok.children:  # "both the Russian and Ukrainian authorities"
        if child.dep_ == "amod":
            sides |= {_one_party(c, depth + 1) for c in child.children if c.dep_ == "conj"} - {None}
    return "+".join(sorted(sides)) if len(sides) > 1 else one


def _one_party(tok, depth: int = 0) -> str | None:
    if depth > 3:
        return None
    p = party(tok.text) if tok.pos_ in ("PROPN", "NOUN", "ADJ") and tok.text[:1].isupper() else None
    if p and not (tok.ent_type_ == "PERSON" and any(c.dep_ == "compound" for c in tok.children)
                  and tok.dep_ == "compound"):
        return p
    # "the Kremlin", "Downing Street": a seat of government written as two words
    words = [c for c in tok.children if c.dep_ in ("compound",)] + [tok]
    if len(words) > 1 and words[0].text[:1].isupper():
        p = party(" ".join(w.text for w in words))
        if p:
            return p
    if tok.ent_type_ == "PERSON" and sum(1 for c in tok.children if c.dep_ == "compound") >= 1:
        return None  # a person, even "Chad Smith"
    if not _acts(tok):
        return None  # "Chile's bridge", "the Russian-held bank": whose or where, not who
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and child.i < tok.i:
            p = _one_party(child, depth + 1)
            if p:
                return p
    return None


# Nouns of an order given: "at the order of the Kiev authorities", "on Moscow's orders".
ORDERS = frozenset("order orders behest command commands instruction instructions".split())


def _by_agent(tok) -> str | None:
    """The side in an agent phrase under tok: "by Russian forces", or the one who ordered it ("at
    the order of the Kiev authorities", "on Moscow's orders")."""
    for child in tok.children:
        if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "from") and child.dep_ == "agent" or (
                child.dep_ == "prep" and child.lower_ == "by"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    p = _party_of_np(obj)
                    if p:
                        return p
        if child.dep_ == "prep" and child.lower_ in ("at", "on", "upon", "under", "by"):
            for order in child.children:
                if order.dep_ == "pobj" and order.lemma_.lower() in ORDERS:
                    p = _ordered_by(order)
                    if p:
                        return p
    return None


def _ordered_by(order) -> str | None:
    """Whose an order is: "the order [of the Kiev authorities]", "[Moscow's] orders"."""
    for child in order.children:
        if child.dep_ == "poss":
            p = _party_of_np(child)
            if p:
                return p
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    p = _party_of_np(obj)
                    if p:
                        return p
    return None


# Nouns of those who can act, beyond the speakers' lexicons (roles, organisations, groups) and acts.
ACTORS = frozenset("""side sides occupier occupiers saboteur saboteurs separatist separatists fighter fighters
militant militants soldier soldiers troop troops unit units artillery drone drones missile missiles rocket
rockets gunner gunners sapper sappers regime leadership state nation country people personnel military
commanders commander navy air-force airforce warplane warplanes jet jets tank tanks invader invaders aggressor
aggressors attacker attackers raider raiders enemy enemies""".split())


def _acts(noun) -> bool:
    """Whether a noun phrase headed by `noun` can name who did something: a name, a role, an
    organisation, a group, an armed force or weapon, or an act ("Russian forces", "Kiev's attack");
    not a thing or a place ("Chile's bridge", "the Russian-held bank")."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lemma, lower = noun.lemma_.lower(), noun.lower_
    return any(w in words for w in (lemma, lower) for words in (ROLES, ORGANISATIONS, GROUPS, ACTORS, DEEDS))


def _event_agent(noun) -> str | None:
    """Who does what an event noun names: "sabotage by the Ukrainian side", "Kiev's attack",
    "Ukrainian shelling", "an act of Ukrainian sabotage". A noun of no act has no doer: "Chile's
    bridge" is where the bridge is."""
    if noun.lemma_.lower() not in DEEDS and noun.lower_ not in DEEDS:
        return None
    p = _by_agent(noun)
    if p:
        return p
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "from":  # "sabotage from the Ukrainian side"
            p = next((_party_of_np(o) for o in child.children if o.dep_ == "pobj"), None)
            if p:
                return p
    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < noun.i:
            p = _party_of_np(child)
            if p:
                return p
    for child in noun.children:  # "an act of sabotage by Ukraine": look into "of"
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    p = _event_agent(obj)
                    if p:
                        return p
    return None


def _accused(verb) -> tuple[str | None, object | None]:
    """For "X accused Y of Z" / "blamed Y for Z" / "blamed Z on Y" / "pointed blame at Y": Y's side,
    and the token heading Z (the deed) when there is one."""
    target = deed = None
    # "blamed the destruction of the dam on Ukraine": the parser often hangs "on Ukraine" from the
    # object rather than the verb
    for tok in verb.subtree:
        if tok.dep_ == "prep" and tok.lower_ in ("on", "at") and tok.head.i != verb.i and tok.head.dep_ in (
                "dobj", "pobj") and tok.i == max(t.i for t in tok.head.subtree if t.dep_ == "prep"):
            for obj in tok.children:
                if obj.dep_ == "pobj":
                    target = target or _party_of_np(obj)
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and verb.lemma_ in ("accuse", "charge"):
            target = target or _party_of_np(child)
        if child.dep_ == "dobj" and verb.lemma_ == "blame":
            p = _party_of_np(child)
            if p:
                target = target or p
            else:
                deed = deed or child
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "with", "on", "at"):
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    if child.lower_ in ("on", "at"):
                        target = target or _party_of_np(obj)
                    else:
                        deed = deed or obj
    return target, deed


# What one denies having had in a deed: "denied [any responsibility for the blast]".
DENIED_PART = RESPONSIBLE | frozenset("involvement role part hand".split())


# Pronouns a denial's content names its denier by: "Moscow denied [they were responsible]".
_DENIER_PRONOUNS = frozenset("it they we".split())


def _denier(outer, cue_lemma) -> str | None:
    """The side of whoever denies, when the cue (or the verb above the content) is a denial: its
    subject's country ("Moscow denied ...")."""
    if not (outer.lemma_ in DENY or cue_lemma in DENY):
        return None
    subject = next((c for c in outer.children if c.dep_ in _SUBJECTS), None)
    return _party_of_np(subject) if subject is not None else None


def _denied(root, outer, cue_lemma) -> tuple[str, tuple[str, ...]] | None:
    """A denial of the denier's own part in a deed: their side and what the deed harmed, or None.
    The clause is negated by its cue.
    - "Moscow denied [any fault for the dam's explosion]", "the Kremlin rejected [any involvement
      in the attack]": a part in a deed, no doer named;
    - "The Kremlin denied [it was involved in the attack]", "Lima rejected accusations [that it
      was behind the strike]", "denied [that they were responsible]": a responsibility whose
      subject is a pronoun."""
    side = _denier(outer, cue_lemma)
    if side is None:
        return None
    if root.pos_ == "NOUN" and root.lemma_.lower() in DENIED_PART:
        # the deed: "for the blast" on the noun, or beside it on the cue where the parse hangs it
        act = next((o for c in (*root.children, *outer.children) if c.dep_ in ("prep", "dative")
                    and c.lower_ in ("for", "in", "of") and c.i > root.i for o in c.children if o.dep_ == "pobj"),
                   None)
        return side, (_harmed(act) if act is not None and _harm_noun(act) else ())
    clause = root
    if root.lemma_ in REPORT_NOUNS:  # "accusations [that it was behind ...]"
        clause = next((c for c in root.children if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX")),
                      None)
    if clause is None or clause.pos_ not in ("VERB", "AUX") or \
            not any(c.dep_ in _SUBJECTS and c.lower_ in _DENIER_PRONOUNS for c in clause.children):
        return None
    words = {clause.lemma_.lower()} | {c.lemma_.lower() for c in clause.children
                                        if c.dep_ in ("acomp", "attr", "dobj", "oprd") or
                                        c.dep_ == "prep" and c.lower_ == "behind"}
    return (side, ()) if words & DENIED_PART else None


def _responsible(head) -> str | None:
    """ "X bears responsibility", "responsibility lies with X", "X must be held accountable"."""
    words = {head.lemma_.lower()} | {c.lemma_.lower() for c in head.children if c.dep_ in ("dobj", "acomp", "attr",
                                                                                           "nsubj", "oprd")}
    if not words & RESPONSIBLE:
        return None
    holders = [head] + [c for c in head.children if c.lemma_.lower() in RESPONSIBLE]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in ("with", "on", "at"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        p = _party_of_np(obj)
                        if p:
                            return p
    for child in head.children:
        if child.dep_ in _SUBJECTS:
            p = _party_of_np(child)
            if p:
                return p
    return None


# Nouns that report what someone says ("allegations that Russia had destroyed the dam").
REPORT_NOUNS = frozenset("""allegation accusation claim assertion charge report statement suggestion
insistence contention belief suspicion""".split())


def _is_harm(tok) -> bool:
    """Whether a word is an act of harm (HARM), as written or as its lemma."""
    return tok.lemma_.lower() in HARM or tok.lower_ in HARM


def _harm_noun(noun) -> bool:
    """Whether an event noun names a harm (HARM), itself or through "of" ("an act of sabotage")."""
    if _is_harm(noun):
        return True
    return any(obj.dep_ == "pobj" and _is_harm(obj)
               for child in noun.children if child.dep_ == "prep" and child.lower_ == "of" for obj in child.children)


def _harm_verb(verb) -> bool:
    """Whether a verb does harm: a verb of harm ("destroyed", "blew up", not "blew the whistle"), or
    one whose object is a harm ("committed a crime", "carried out an attack")."""
    lemma = verb.lemma_.lower()
    if lemma == "blow":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    if lemma in HARM_VERBS:
        return True
    # doing an act of harm ("the sabotage was committed"), not saying what one is ("may constitute
    # a war crime" is a verdict)
    return lemma in DOING and any(c.dep_ in ("dobj", "nsubjpass") and _harm_noun(c) for c in verb.children)


# Prepositions that name what an act of harm was done to: "the attack on the dam", "the
# destruction of the dam", "fired at the plant", "a strike against the bridge".
_TARGET_PREPOSITIONS = frozenset(("of", "on", "at", "against", "upon"))


def _harmed(act) -> tuple[str, ...]:
    """What an act of harm was done to, as the lemmas of the nouns naming it ("blew up the Kakhovka
    dam" -> ("dam", "kakhovka"); "an attack on the bridge" -> ("bridge",)); empty when the clause
    does not say ("this is sabotage", "the Kremlin blamed Ukraine"). Only the name of the thing
    (`_thing_words`): not a side, an act of harm, a time, nor what a relative clause or an
    apposition says of it."""
    if act is None:
        return ()
    objects = []
    for child in act.children:
        if act.pos_ in ("VERB", "AUX") and child.dep_ in ("dobj", "nsubjpass"):
            objects.append(child)
        elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPOSITIONS:
            # not who ordered it: "on Moscow's orders"
            objects.extend(c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() not in ORDERS)
        elif act.pos_ == "NOUN" and child.i < act.i and (
                child.dep_ == "poss" or child.dep_ == "compound" and child.pos_ == "PROPN"):
            objects.append(child)  # "the dam's destruction", "the Kakhovka destruction"; not "war crime"
    words: set[str] = set()
    for obj in objects:
        if _is_harm(obj) or obj.lemma_.lower() in ("act", "deed") and _harm_noun(obj):
            # "accused of an attack on the dam", "an act of sabotage was committed": what the act hit
            words.update(_harmed(obj))
        else:
            words.update(_thing_words(obj))
    return tuple(sorted(words))


def _thing_words(noun, depth: int = 0) -> set[str]:
    """The lemmas naming a thing: the noun, its compounds, what it is "of" ("part of the
    structure"), and the things coordinated with it ("the plant and the dam")."""
    words: set[str] = set()
    if depth > 4 or noun.pos_ not in ("NOUN", "PROPN"):
        return words
    if noun.ent_type_ not in _TIME_ENTS and not party(noun.text) and not _is_harm(noun):
        words.add(noun.lemma_.lower())
    for child in noun.children:
        if child.dep_ in ("compound", "conj"):
            words |= _thing_words(child, depth + 1)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    words |= _thing_words(obj, depth + 1)
    return words


def _harm_by_verb(verb) -> tuple[str, ...] | None:
    return _harmed(verb) if verb is not None and _harm_verb(verb) else None


def _harm_by_noun(noun) -> tuple[str, ...] | None:
    return _harmed(noun) if noun is not None and _harm_noun(noun) else None


def agent_and_harm(head) -> tuple[str | None, tuple[str, ...] | None]:
    """The side doing what a clause headed by `head` says (see module doc), and, when the clause
    puts a harm on it, what was harmed (`_harmed`; None when it puts no harm): it did an act of harm
    ("blew up the dam", "sabotage by the Ukrainian side", "Kiev's attack"), or is blamed, accused
    or held responsible for one. Such clauses are one proposition about the side whatever their
    words ("the Kremlin blamed Ukraine", "all responsibility lies with the Kyiv regime",
    "deliberate sabotage by the Ukrainian side") when they are about one harm."""
    if head.lemma_ in SPEECH_VERBS or head.lemma_ in REPORT_NOUNS:
        # "Russia said [Ukraine sabotaged the dam]", "allegations [that Russia had destroyed it]":
        # the deed is in the reported clause; who reports it is the source, not the agent
        inner = next((c for c in head.children if c.dep_ in ("ccomp", "acl", "relcl") and c.pos_ in ("VERB", "AUX")),
                     None)
        if inner is not None:
            return agent_and_harm(inner)
    if head.lemma_ == "be":
        # "Ukraine was aware [that Russian troops had mined the dam]", "it is clear that ...":
        # the deed is in the clause the knowing is of
        known = next((c for c in head.children if c.dep_ == "acomp" and c.lemma_.lower() in KNOWING), None)
        inner = next((c for c in known.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None) \
            if known is not None else None
        if inner is not None:
            return agent_and_harm(inner)
    if head.lemma_ in ACCUSE:
        target, deed = _accused(head)
        if target or deed is not None:
            # the one accused did it, never the accuser; a harm when blamed (blame is for a harm:
            # "blamed the collapse on Chile"), when the accusation is bare, or when what they are
            # accused of is one ("accused X of sabotage", not "accused X of lying")
            if target is None:
                return None, None
            if deed is None:
                return target, ()
            harm = _harm_by_verb(deed) if deed.pos_ in ("VERB", "AUX") else _harm_by_noun(deed)
            if harm is None and head.lemma_ == "blame":
                # "blamed the collapse of the bridge on Chile": what collapsed was harmed
                harm = _harmed(deed) if deed.pos_ in ("VERB", "AUX") else tuple(sorted(_thing_words(deed)))
            return target, harm
    p = _responsible(head)
    if p:
        return p, ()  # responsible for the harm the coverage is about: it does not say which
    if head.lemma_ in LABEL:
        for tok in head.subtree:
            if tok.dep_ in ("oprd", "attr", "dobj", "pobj") and tok.pos_ == "NOUN" and tok.i > head.i:
                p = _event_agent(tok)
                if p:
                    if not _harm_noun(tok):
                        return p, None
                    # "described the strike on the dam as an act of sabotage by X": what was
                    # harmed is what the labelled act was done to
                    labelled = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
                    return p, _harmed(labelled if labelled is not None and _harm_noun(labelled) else tok)
        return None, None
    for child in head.children:
        if child.dep_ in ("nsubj", "csubj"):
            p = _party_of_np(child)
            if p:
                return p, _harm_by_verb(head)
            if child.pos_ == "NOUN":
                p = _event_agent(child)
                if p:
                    # "Russia's detonation of the dam is an environmental bomb": what the clause
                    # says is of the deed (a verdict, a consequence), not who did it
                    return p, _harm_by_verb(head)
    p = _by_agent(head)
    if p:
        return p, _harm_by_verb(head)
    # a copula: "this is (a deliberate) sabotage by the Ukrainian side"; "behind" an act
    for child in head.children:
        if child.dep_ == "attr" and (any(c.dep_ == "relcl" for c in child.children)
                                     or any(c.dep_ == "ccomp" for c in head.children)):
            p = _party_of_np(child)  # "it was Russia that blew up the dam"
            if p:
                deed = next((c for c in child.children if c.dep_ == "relcl"),
                            next((c for c in head.children if c.dep_ == "ccomp"), None))
                return p, _harm_by_verb(deed)
        if child.dep_ in ("attr", "dobj", "acomp", "oprd") and child.pos_ in ("NOUN", "PROPN"):
            p = _event_agent(child)
            if p:
                harm = _harm_by_noun(child)
                if harm == ():
                    # "the strike on the dam was an act of sabotage by X": what was harmed is
                    # what the act the clause is about was done to
                    act = next((c for c in head.children if c.dep_ in _SUBJECTS and _harm_noun(c)), None)
                    harm = _harmed(act) if act is not None else harm
                return p, harm
        if child.dep_ == "prep" and child.lower_ == "about":  # "talking about sabotage by X"
            for obj in child.children:
                if obj.dep_ == "pobj":
                    p = _event_agent(obj)
                    if p:
                        return p, _harm_by_noun(obj)
        if child.dep_ == "ccomp":  # "we can state that we are talking about sabotage by X"
            p, harm = agent_and_harm(child)
            if p:
                return p, harm
    if head.pos_ == "NOUN":  # a headline or a nominal: "Ukraine's attack on the dam"
        p = _event_agent(head)
        return p, (_harm_by_noun(head) if p else None)
    return None, None


def _negated(head, cue_lemma: str | None) -> bool:
    if cue_lemma in DENY:
        return True
    if head.lemma_ in DENY:
        return True
    return any(c.dep_ == "neg" for c in head.children)


def _heads(tokens) -> list:
    """Tokens of a piece whose head lies outside it (or is themselves), leftmost first."""
    ids = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in ids or t.head.i == t.i]


def _is_purpose(tok) -> bool:
    """ "(in order) to cut off ..." attached to a verb: an infinitive of purpose. An infinitive right
    after its verb completes it ("allowed to return", "trying to distract") and is no clause of its
    own; one after the verb's object or a comma ("sabotaged the dam to cut off ...") is."""
    if tok.pos_ != "VERB" or tok.head.pos_ not in ("VERB", "AUX", "NOUN") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    if tok.dep_ == "advcl":
        return True
    if tok.dep_ != "xcomp" or tok.head.pos_ == "NOUN":
        return False
    head = tok.head
    if head.lemma_.lower() in DIRECTIVE or head.lemma_.lower() in ("allow", "force", "want", "expect", "help"):
        return False  # "called on the residents [to monitor ...]": what they were asked, no motive
    between = tok.doc[head.i + 1:tok.left_edge.i]
    return any(t.dep_ in ("dobj", "pobj") or t.text == "," for t in between)


def _complete(verb, conj) -> bool:
    """Whether a verb says something before its coordinated verb ("denies [fault], blames Kyiv"),
    not only a verb joined to it by "and" that shares its object ("[has been following] and
    managing the event")."""
    between = verb.doc[verb.i + 1:conj.i]
    return verb.i > conj.i or not all(t.dep_ in ("cc", "punct", "advmod", "neg") for t in between)


def _cut_heads(root) -> list:
    """Tokens under root that start a clause of their own (see module doc)."""
    cuts = []
    for tok in root.subtree:
        if tok is root:
            continue
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and (
                any(c.dep_ in _SUBJECTS for c in tok.children)
                or any(c.dep_ in ("dobj", "ccomp") for c in tok.children) and _complete(tok.head, tok)):
            # a clause with a subject of its own, or a second deed ("denies fault, blames Kyiv");
            # not a verb sharing its object with the one before ("has been following and managing
            # the event": one deed said twice)
            cuts.append(tok)
        elif tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in tok.children):
            cuts.append(tok)  # "only military targets are hit, while civilians are not targeted"
        elif _is_purpose(tok) and tok.head.i in {t.i for t in root.subtree}:
            cuts.append(tok)
            # "to cut off ... and distract ...": each motive on its own
            cuts.extend(c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB")
    return cuts


def _drop(tok) -> bool:
    """Whether a token's subtree says nothing of the proposition: when, asides, quote marks."""
    if tok.dep_ == "npadvmod" and tok.ent_type_ in _TIME_ENTS:
        return True
    if tok.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in _TIME_ENTS for c in tok.children):
        return True
    if tok.dep_ in ("appos", "parataxis"):
        return True
    if tok.dep_ == "relcl" and tok.i > 0 and any(t.text == "," for t in tok.doc[max(0, tok.left_edge.i - 1):tok.left_edge.i]):
        return True  # ", which has been under Russian control since ..."
    if tok.dep_ == "advmod" and tok.lower_ in _ASIDE_ADVERBS:
        return True
    if tok.dep_ == "prep" and tok.lower_ == "according":  # the attribution, not the content
        return True
    if tok.dep_ in ("cc", "punct") and tok.i == tok.head.right_edge.i:
        return True
    return False


# Every side, and every person, is one word in what is compared: who did it is the clause's
# `agent`, who said it its source. So the words and the embedding of "Russia blew up the dam" and
# "Ukraine blew up the dam" are the same, the agents differ, and no side's name weighs differently
# from another's in a statistical model (the embedding has seen "Moscow" and "Kyiv" in different
# company).
SIDE = "Country"
PERSON = "Someone"


def _neutral_word(t) -> str:
    if t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN") and party(t.text):
        return SIDE
    if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and not party(t.text):
        return PERSON
    return t.text


def neutral(tokens) -> str:
    """The tokens as written, each side and each person's name replaced by one word (see SIDE)."""
    out: list[str] = []
    prev = None
    for t in tokens:
        if t.is_space:
            continue
        word = _neutral_word(t)
        if word in (SIDE, PERSON) and prev == word and out:
            out[-1] = word + t.whitespace_  # one word for a name of several ("Volodymyr Zelensky")
        else:
            out.append(word + t.whitespace_)
        prev = word
    return "".join(out).strip()


def _core(tokens, agent: str | None, frame=None) -> str:
    """The clause's words without time, asides and attribution, its side named by its country."""
    keep = set(t.i for t in tokens)
    for t in tokens:
        if t.i in keep and _drop(t):
            keep -= {s.i for s in t.subtree}
    root = next((t for t in tokens if t.head.i == t.i or t.head.i not in {x.i for x in tokens}), None)
    if root is not None and root.lemma_ in SPEECH_VERBS:
        # "We can state unequivocally that [we are talking about sabotage]": the content
        inner = next((c for c in root.children if c.dep_ == "ccomp"), None)
        inside = {s.i for s in inner.subtree} if inner is not None else set()
        if keep & inside:
            keep &= inside
    if frame is not None:
        # "X accused Y of Z": the proposition is "Y Z"
        verb, deed = frame
        keep_frame = {s.i for s in deed.subtree} if deed is not None else set()
        keep = {i for i in keep if i in keep_frame} if keep & keep_frame else keep
    words = []
    for t in tokens:
        if t.i not in keep or t.is_space or t.is_punct and t.text in _QUOTES or t.ent_type_ in _TIME_ENTS:
            continue
        words.append(_neutral_word(t))
    text = " ".join(words)
    if not text.strip(" ,;:-–—"):  # everything was attribution or aside: compare the words as written
        text = " ".join(t.text for t in tokens if not t.is_space)
    if frame is not None and agent and not text.startswith(SIDE):
        text = f"{SIDE} {text}"
    return text.strip(" ,;:-–—")


def _own_line(text: str, sent) -> bool:
    """Whether a sentence is a line of the text on its own (nothing but spaces around it up to the
    line breaks or the text's ends), as a title or a heading is."""
    words = sent.text.strip()
    if not words:
        return False
    start = sent.start_char + sent.text.index(words)
    before = text[:start].rsplit("\n", 1)[-1]
    after = text[start + len(words):].split("\n", 1)[0]
    return not before.strip() and not after.strip()


def clauses(doc, start: int, end: int, min_words: int = 4, cue_lemma: str | None = None,
            content: bool = False) -> list[Clause]:
    """The clauses of the span [start, end) of a parsed article (see module doc).

    `cue_lemma` is the cue of the statement the span is the content of ("deny" makes it negated),
    and `content` says the span is such a content: then it asserts something even without a verb
    ("called [Russia's blowing up of the dam a war crime]"). A content hanging from an accusation
    outside it ("accused Kyiv of [sabotaging the dam]") takes the accused as its agent."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    out: list[Clause] = []
    for sent in doc.sents:
        if sent.end_char <= span.start_char or sent.start_char >= span.end_char:
            continue
        lo, hi = max(sent.start, span.start), min(sent.end, span.end)
        tokens = [doc[i] for i in range(lo, hi)]
        if not tokens:
            continue
        found = []
        # a whole sentence without a verb is a headline ("Explosion Signals From Ukraine Dam") when
        # it is a line of its own; a piece of one without a verb ("at UN headquarters in New
        # York"), or what the sentence splitter cut off a dateline ("/TASS/. International Atomic
        # Energy Agency (IAEA)"), asserts nothing
        headline = content or lo <= sent.start and hi >= sent.end - 1 and _own_line(doc.text, sent)
        heads = _heads(tokens)
        cue = heads[0].head if content and len(heads) > 1 else None
        if cue is not None and cue.i not in {t.i for t in tokens} and all(h.head.i == cue.i for h in heads) and (
                cue.lemma_ in LABEL or not any(_has_subject(h) for h in heads)):
            # a content in pieces that each hang from the cue outside it is one proposition:
            # "described [the strike on the dam as an act of sabotage by X]", "called [the shelling
            # a war crime]" (what is labelled and its label, as "X was Y" is); "reported [weak
            # signals] [from an earlier event] [originating from the dam]" (a noun and what the
            # parse hung beside it), never a clause of its own
            toks = _trim(tokens)
            if toks and _words(toks) >= min_words:
                if cue.lemma_ in LABEL:
                    agent, harm = agent_and_harm(cue)
                else:
                    agent, harm = next((pair for pair in map(agent_and_harm, heads) if pair[0]), (None, None))
                    if agent is None:  # "denied [any fault] [for the blast]"
                        agent, harm = _denied(heads[0], cue, cue_lemma) or (None, None)
                found.append(Clause(toks[0].idx, toks[-1].idx + len(toks[-1].text), _core(toks, agent), agent,
                                    _negated(cue, cue_lemma), neutral(toks), harm is not None,
                                    " ".join(harm or ())))
            heads = []
        for head in heads:
            found.extend(_clauses_under(head, tokens, min_words, cue_lemma, headline))
        if not found and _words(tokens) >= min_words and (headline or any(t.pos_ in ("VERB", "AUX") for t in tokens)):
            # a parse in pieces ("reported four killed and 27 injured"): the piece is one clause
            heads = _heads(tokens)
            toks = _trim(tokens)
            if toks and not _asks(heads[0], tokens):
                found.append(Clause(toks[0].idx, toks[-1].idx + len(toks[-1].text), _core(toks, None), None,
                                    _negated(heads[0], cue_lemma), neutral(toks)))
        out.extend(found)
    return out


def _has_subject(tok) -> bool:
    """A verb with a subject of its own: a clause, not a piece of one."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS or c.dep_ == "expl" for c in tok.children)


def _words(tokens) -> int:
    return sum(1 for t in tokens if t.is_alpha or t.like_num)


def _trim(tokens) -> list:
    """Tokens without the connectives and punctuation at their edges (a closing quote or full stop
    stays)."""
    toks = list(tokens)
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ in ("cc", "mark")
                    or toks[0].lower_ in ("and", "but")):
        toks = toks[1:]
    # (a subordinator left at the end, "are being evacuated, while [authorities say ...]", opens
    # a clause that is not in the piece)
    while toks and (toks[-1].is_punct and toks[-1].text not in ".!?\"”’»)" or toks[-1].dep_ in ("cc", "mark")
                    or toks[-1].is_space or _dangling(toks[-1], toks)):
        toks = toks[:-1]
    return toks


def _dangling(tok, toks) -> bool:
    """A preposition whose object is not in the piece: "... a hole in the dam [in] | what Kyiv said
    was ...", where a statement's content begins; the word belongs with the statement."""
    if tok.pos_ != "ADP" or tok.dep_ not in ("prep", "agent", "dative"):
        return False
    ids = {t.i for t in toks}
    return not any(c.i in ids for c in tok.children)


def _clauses_under(root, piece, min_words: int, cue_lemma: str | None, headline: bool = True) -> list[Clause]:
    """The clauses of the part of a piece that hangs from `root`.

    Each clause is a contiguous stretch of text (so that offsets never overlap): from the first
    token under its head to where the next clause starts. Its words and agent come from the tokens
    it owns (those whose nearest clause head is its own). A clause too short to stand alone stays
    with the one it was cut from."""
    ids = {t.i for t in piece}
    members = sorted((t for t in root.subtree if t.i in ids), key=lambda t: t.i)
    if not members:
        return []
    cuts = {c.i: c for c in _cut_heads(root) if c.i in ids and c.i != root.i}

    def owner(tok):
        """The clause a token belongs to: its nearest ancestor that starts one, else the root's."""
        while tok.i not in cuts and tok.i != root.i and tok.head.i != tok.i:
            tok = tok.head
        return tok.i if tok.i in cuts else root.i

    # too short to stand alone: not a clause of its own
    for i in list(cuts):
        if _words([t for t in cuts[i].subtree if t.i in ids]) < min_words:
            del cuts[i]
    starts = sorted({min(t.i for t in cuts[i].subtree if t.i in ids) for i in cuts})
    head_at = {min(t.i for t in cuts[i].subtree if t.i in ids): cuts[i] for i in cuts}
    bounds = [members[0].i] + [x for x in starts if x > members[0].i]
    segments = []  # (head, tokens of the contiguous stretch)
    for k, lo in enumerate(bounds):
        hi = bounds[k + 1] if k + 1 < len(bounds) else members[-1].i + 1
        stretch = [t for t in members if lo <= t.i < hi]
        segments.append((head_at.get(lo, root) if k else root, stretch))
    # the clause's frame: "X accused Y of Z" inside the piece, or above it when the piece is the
    # content of such a statement
    frame = None
    outer = root.head if root.head.i not in ids else None
    # above the piece, only where an accusation's deed goes: "accused Kyiv of [sabotaging ...]",
    # "blamed [the collapse] on Chile"; not a statement coordinated with one ("accused Russia of
    # shelling and said [two officers were wounded]": what was said is no deed of Russia's)
    above = (outer if root.dep_ not in ("conj", "ccomp", "advcl", "parataxis") else None,
             outer.head if outer.dep_ == "prep" else None) if outer is not None else ()
    for anchor in (root, *above):
        if anchor is not None and anchor.lemma_ in ACCUSE:
            target, deed = _accused(anchor)
            if target or deed is not None:
                frame = (anchor, deed if anchor is root else None)
            break
    root_agent, root_harm = agent_and_harm(frame[0] if frame else root)
    if frame is None and root_agent is None and outer is not None:
        root_agent, root_harm = _denied(root, outer, cue_lemma) or (root_agent, root_harm)
    if frame is None and root_agent is None and outer is not None:
        # "accused Kyiv of destroying the dam, saying [it was a ploy to distract ...]": what is
        # said of "it", the deed, is said of the accused's deed (a motive, a verdict), and puts
        # no harm of its own on them
        accusation = next((t for t in (outer, outer.head) if t.lemma_ in ACCUSE), None)
        if accusation is not None and any(c.dep_ in _SUBJECTS and c.lower_ in ("it", "this", "that")
                                          for c in root.children):
            target, _ = _accused(accusation)
            if target:
                root_agent, root_harm = target, None
    # a stretch too short to stand alone ("six had died" before "and more than 40 were treated")
    # joins the one before it, or the one after
    k = 0
    while len(segments) > 1 and k < len(segments):
        if _words(segments[k][1]) < min_words:
            if k > 0:
                segments[k - 1] = (segments[k - 1][0], segments[k - 1][1] + segments[k][1])
            else:
                segments[1] = (segments[0][0], segments[0][1] + segments[1][1])
            del segments[k]
        else:
            k += 1
    out = []
    for head, stretch in segments:
        toks = _trim(stretch)
        if _words(toks) < min_words:
            continue
        if not (headline and len(segments) == 1) and not any(t.pos_ in ("VERB", "AUX") for t in toks):
            continue  # a piece without a verb ("at UN headquarters in New York") asserts nothing
        if _asks(head, stretch):
            continue
        own = [t for t in toks if owner(t) == head.i] or toks
        agent, harm = agent_and_harm(head) if head is not root else (root_agent, root_harm)
        if agent is None and head is not root:
            agent, harm = root_agent, None  # a motive is the motive of whoever acted, not the act
        if agent is None:
            # "accused Kyiv of [sabotaging the dam]": a harm whose doer the accusation gives
            harm = _harm_by_verb(head) if head.pos_ in ("VERB", "AUX") else _harm_by_noun(head)
        own_frame = frame if head is root and frame else None
        out.append(Clause(toks[0].idx, toks[-1].idx + len(toks[-1].text), _core(own, agent, own_frame), agent,
                          _negated(head, cue_lemma), neutral(toks), harm is not None, " ".join(harm or ())))
    return out


# Words that open an indirect question ("could not say [what caused the blast]", "asked [whether
# the dam was mined]").
_ASKING = frozenset("what who whom whose which why how when where whether if".split())


def _asks(head, toks) -> bool:
    """An indirect question asserts nothing: "the White House could not say [what caused the
    destruction]", "researchers did not specify [who was behind it]", "[how high the water was]".
    Its first word asks, no other verb stands between that word and the clause's head, and that
    head is no speech verb and hangs on no preposition or noun: "[what Kyiv said] was an attempt to
    ..." and "in what Kyiv said was ..." (what was said, however parsed), "[which Kyiv claimed] was
    a ploy", "in [what he called] a breach" and "the dam, which Russia controls" (a relative
    clause) assert, and so do "If X, Y" and "when the dam broke, Y" (clauses of condition and time)."""
    first = next((t for t in toks if not t.is_punct), None)
    if first is None or first.lower_ not in _ASKING:
        return False
    if head.lemma_ in SPEECH_VERBS or LABEL & {head.lemma_, head.head.lemma_} or \
            head.dep_ in ("pcomp", "pobj", "relcl", "acl", "advcl"):
        # "in [what Kyiv said] was an attempt ...", parsed with "said" as the head, "[what he
        # called] a breach" and "called [what happened] an act of barbarism": what is said or
        # named, not asked; a relative clause describes what it hangs on; "[when the dam broke],
        # ..." says when
        return False
    if first.lower_ in ("whether", "if"):
        return first.dep_ == "mark" and first.head.i == head.i
    tok = first
    while tok.i != head.i:
        if tok.head.i == tok.i:
            return False  # the head is not above it
        tok = tok.head
        if tok.i != head.i and tok.pos_ in ("VERB", "AUX"):
            return False
    return True


def accused_side(target: str | None) -> str | None:
    """The side an accusation's target names ("Kyiv", "the Ukrainian military", "Russian forces")."""
    if not target:
        return None
    found = party(target)
    if found:
        return found
    for word in re.findall(r"[^\W\d_]+", target):
        if word[:1].isupper():
            found = party(word)
            if found:
                return found
    return None


def blame(text: str, start: int, end: int, target: str, side: str) -> Clause:
    """The proposition of a short accusation's content ("blamed Russia for [the disaster]"): the
    side is to blame for it."""
    content = text[start:end].strip()
    words = " ".join(SIDE if w[:1].isupper() and party(w) else w for w in content.split())
    core = f"{SIDE} is to blame" + (f" for {words}" if words != SIDE else "")
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    return Clause(start + lead, start + lead + len(content), core, side, False, core, True)


# Page furniture that no claim is made of: photo and video credits ("EPA-EFE/STRINGER HANDOUT
# EDITORIAL USE ONLY", "Photo: Reuters", "(AP Photo/Name)"), links, calls to act on the page and a
# comment form.
_FURNITURE = re.compile(
    r"(?i)(?:\beditorial use only\b|\bhandout\b|\bphoto(?:graph)?\s*(?:by\b|:|credit\b|/)|"
    r"\bimage\s*(?:by\b|:|credit\b)|\bpictured\b|\bgetty images\b|\bshutterstock\b|\bcourtesy of\b|"
    r"\bfile photo\b|\b(?:ap|afp|reuters|epa)\s*(?:photo\b|/)|\ball rights reserved\b|\bsubscribe\b|"
    r"\bsign up\b|\bnewsletter\b|\bclick here\b|\bread more\b|\bfollow us\b|\bshare this\b|"
    r"\bdownload the app\b|\bcookies?\b|https?://|www\.|©|"
    # a comment form's lines ("Your email address will not be published. Required fields are
    # marked *", "Leave a Reply")
    r"\byour email address will not be\b|\brequired fields are marked\b|\bleave a (?:comment|reply)\b|"
    r"\bpost a comment\b)")
# A caption: a picture or a video as the subject ("This handout satellite image shows ...").
_CAPTION_SUBJECTS = frozenset("image photo photograph picture video footage screenshot still grab".split())


def is_furniture_text(text: str) -> bool:
    """Whether a text, unparsed, is page furniture (see _FURNITURE) or a credit line in capitals
    ("EPA-EFE/OLEG PETRASYUK")."""
    if _FURNITURE.search(text):
        return True
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters) and len(letters) > 12


def is_byline(span) -> bool:
    """Whether a parsed stretch of the outlet's own voice is a byline or a dateline: no verb, and
    its words (four in five at least) names of people, dates and times, "by" and "and" ("By Ana
    Ruiz and Tomas Keller", "Sunday, 18 June, 2023, 22:30"). It says who wrote or when, not what
    happened. (A statement's content is never one: "called it an 'ecological bomb'" has no verb.)"""
    words = [t for t in span if t.is_alpha or t.like_num]
    if not words or any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    if words[0].lower_ == "by" and all(t.is_title or t.lower_ == "and" for t in words[1:]):
        return True  # "By Ana Ruiz, Tomas Keller and Pablo Robles": names the recogniser may miss
    named = [t for t in words if t.ent_type_ in ("PERSON", "DATE", "TIME") or t.lower_ in ("by", "and")]
    return len(named) >= 0.8 * len(words)


def is_call_to_reader(span) -> bool:
    """Whether a stretch of the outlet's own voice tells the reader to do something with the
    outlet ("For all the latest headlines follow our Google News channel", "Join us on Telegram",
    "Watch our live coverage"): an imperative of what a reader does with a page (follow, join,
    watch, subscribe, ...; a verb in its base form without subject or auxiliary heads a sentence)
    with "our" or "us" in its sentence, or "our" on one of the outlet's channels (the parse often
    takes "For all the latest headlines follow" for a subject and its verb). A page's call to its readers, not what happened. Only for the outlet's voice:
    in a statement, "protect our children" is what someone said."""
    for sent in span.sents:
        root = sent.root
        if root.tag_ == "VB" and root.lemma_.lower() in _READER_ACTIONS and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl", "mark") for c in root.children) \
                and any(t.lower_ in ("our", "us") for t in sent):
            return True
        if any(t.lower_ == "our" and t.head.lemma_.lower() in _CHANNELS for t in sent):
            return True
    return False


# What an outlet asks its readers to do with it ("Follow us on ..."): not "give us the figures",
# an editorial's demand.
_READER_ACTIONS = frozenset("follow join subscribe download watch listen share like visit read sign stay get".split())
# What an outlet calls its own channels to readers ("follow our Google News channel").
_CHANNELS = frozenset("channel app newsletter podcast feed account page website site".split())


def is_furniture(span) -> bool:
    """Whether a parsed span is page furniture (see _FURNITURE) or a picture's caption."""
    if is_furniture_text(span.text):
        return True
    for tok in span:
        if tok.dep_ == "nsubj" and tok.lemma_.lower() in _CAPTION_SUBJECTS and tok.head.lemma_ in ("show", "depict"):
            return True
    return False
