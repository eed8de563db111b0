"""Who a speaker mention refers to, within one article.

The article's people and organisations are read off its parse first:

- people from PERSON entities, titles stripped ("Colonel Anar Eyvazov" -> Anar Eyvazov), with the
  role and organisation their noun phrase or apposition gives ("Chief of the press service of the
  Ministry of Defense, Colonel Anar Eyvazov"; "Hamad Hasan, Lebanon's health minister");
- organisations from ORG entities and from noun phrases headed by an organisation noun with a
  proper name in them ("the Azerbaijani Defense Ministry").

The recogniser's names are repaired first where it cuts or runs on in ways that are common in
news (`repair_entities`, before statements are extracted): a name cut in two ("Oleksandr" +
"Prokudin") is one; an organisation cut before the place it is of ("the Ministry of Foreign
Affairs of" + "Ukraine") is whole; and a spokesperson's name written straight after their
organisation ("the speaker of Operational Command South Vladyslav Nazarov", one ORG to the
recogniser) is a person of that organisation, found as `Registry._trailing_name` finds a name
closing a role phrase (`_name_run`).

A mention at a cue is then resolved, in this order:

1. a name: the person whose name contains it (a surname or a full name; the fullest form the
   article gives is the speaker). A name never seen before stays itself: "Zeynalov" in an Eyvazov
   briefing is not merged into Eyvazov.
   A possessor is whose the speaker is, not the speaker ("Putin's spokesman Dmitry Peskov",
   "Dorin's spokesman" resolves as a role), and so is a name modifying a common noun of the
   mention ("the Trump campaign", "McConnell aides", "Stein spokeswoman Melezia Figueroa" is
   Figueroa) and a name inside a prepositional phrase ("the
   lawyer of John Smith", "the authorities in the part of Kherson"), unless set off by commas
   (", Vladimir Leontiev,") or right after the role ("Governor of the X region Anton Kessar"); a
   capitalised name closing a role phrase is a person even when the recogniser ran it into an
   organisation ("Permanent Representative to the UN Vasily Nebenzya"); a demonym alone
   ("Ukrainian allegations") is the country it names; a layout label in capitals ("OSAMA RABIE:")
   is matched to the person of that name, and a title-case headline's speaker is the label, not
   an entity that ran on past it; a proper noun that is a known person's surname is that person
   only when the names written before it are theirs too ("Marit Kessing" is not Arlo Kessing);
   two people named and joined ("Senator Venn and Senator Brandt") are a group, as written;
2. he/she: the most recent person who spoke or was the subject of a sentence, skipping anyone the
   article gives the other gender (by a title, "Mrs.", or a gendered role, "spokeswoman"); it: the
   most recent organisation (or document) that spoke; they: the most recent group or organisation;
3. a role noun ("the spokesperson", "the minister", "the official", or a role the article itself
   gives someone: "Ombudsman Lia Varga" makes "the ombudsman" one): the person who holds that
   role, before or after (the mention's modifiers, "vice", "health", must fit, a holder whose role
   ranks otherwise, "vice", "deputy", "former", is not it, and a nationality or party the mention
   names must be theirs; a role written short before a name, "Gov.", "Sen.", is that role; the
   nouns news writes for one post in turn are one role: "spokesman" / "press secretary", "envoy" /
   "ambassador" / "representative", so a headline's "Russian envoy to UN" is the "Russian Permanent
   Representative to the UN Vasily Nebenzya" of the lead), else
   the unnamed role-holder last met with it; a place's governor, senator or mayor ("the New Jersey
   governor") is a person who serves there, the holder the article names with that place, else
   the role as written (never the place, nor an organisation named like it); an unnamed spokesperson
   "for" or "of" an organisation, or a definite "the official" with no holder, speaks for that
   organisation or the one that spoke last (an unnamed "source" never: it stays as written); an
   unnamed holder named only by a side ("a Russian envoy") is a person of that side; who appointed
   or backs someone ("a Russian-appointed official") is not whom they speak for; a plural
   ("district health officials") is a group, kept as written;
4. a document ("the statement", "the report"): whoever issued it, named in the phrase ("the
   ministry's statement"), else where the article introduced it ("a report by X", "X released a
   report", "in a statement, X said"; one introduced with no issuer stays the document), else the
   last one who spoke; plural documents ("latest reports") stay as written;
5. an acronym ("SCA said") of an organisation named in the article;
6. an organisation ("the ministry", "the Defense Ministry", "the canal authority"): the most recent
   organisation whose name contains the mention's words, in its fullest form; a country speaking
   ("Bangladesh said") is a place;
7. anything else (witnesses, "latest reports") stays as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import (DOCUMENTS, FIRST_PERSON, GENERIC_ROLES, GROUPS, ORGANISATIONS, PERSON_PRONOUNS,
                      PLURAL_PRONOUNS, ROLES, THING_PRONOUNS, TITLES)
from .names import COUNTRIES, clean_name, fold, initials, is_place_word, org_key, person_key, strip_titles
from .sources import abbreviates

_SPOKES = {"spokesperson", "spokesman", "spokeswoman", "press", "secretary"}
# Role nouns news writes for one post in turn: "the Russian envoy to the UN" in a headline is the
# "Permanent Representative to the UN" or the ambassador the story names.
_ENVOYS = {"envoy", "ambassador", "representative", "emissary"}
# What says a person is a man or a woman, when the article says it: a title before the name, a
# gendered role noun beside it. Nothing is guessed from first names.
_MALE = frozenset("mr mr. sir lord king prince father brother spokesman chairman congressman businessman".split())
_FEMALE = frozenset("""mrs mrs. ms ms. miss madam lady queen princess sister spokeswoman chairwoman congresswoman
businesswoman""".split())
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_PREP_OF = {"of", "for", "at", "from", "with", "in"}


# Titles written short before a name ("Indiana Gov. Mike Pence", "Sen. Rubio"): the role they give.
_SHORT_TITLES = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                 "col": "colonel", "lt": "lieutenant", "sgt": "sergeant", "capt": "captain", "adm": "admiral",
                 "cmdr": "commander", "pres": "president", "sec": "secretary", "atty": "attorney"}


def _role_words(role: str) -> set:
    """The words of a person's role, short titles written out: "Indiana Gov." -> {indiana, governor}."""
    words = fold(role).replace("-", " ").split()
    return {_SHORT_TITLES.get(w.rstrip("."), w) for w in words}


@dataclass
class Speaker:
    name: str
    type: str  # person, organisation, place, group, document, unknown
    role: str = ""
    org: str = ""
    mention: str = ""
    start: int | None = None
    end: int | None = None
    key: str = ""


@dataclass
class Person:
    name: str           # fullest form, titles stripped
    key: str            # lower-case name words
    role: str = ""
    org: str = ""
    positions: list[int] = field(default_factory=list)  # char offsets of its mentions
    gender: str = ""    # "m" or "f" when the article says (a title, a gendered role), else ""


@dataclass
class Org:
    name: str
    key: frozenset
    positions: list[int] = field(default_factory=list)
    aliases: set = field(default_factory=set)  # acronyms: "(SCA)" after the name, and its initials


# Kinds of body a name is introduced by ("the charity X", "the company X", "the group X").
_BODIES = (ORGANISATIONS | frozenset("charity ngo nonprofit non-profit".split())) - frozenset(
    "forces force military army police navy government presidency regime kremlin pentagon".split())


def _span_text(doc, tokens) -> str:
    if not tokens:
        return ""
    first = min(t.i for t in tokens)
    last = max(t.i for t in tokens)
    # a Span's text is built from its own tokens; doc.text rebuilds the whole article each time
    return doc[first:last + 1].text


def _role_of(ent) -> tuple[str, str]:
    """The role and organisation given beside a person's name ("Health Minister Hamad Hasan",
    "Hamad Hasan, the health minister", "Chief of the press service ..., Colonel Anar Eyvazov")."""
    doc = ent.doc
    root = ent.root
    role_tokens = []
    # Compounds and modifiers before the name in its own noun phrase: "Health Minister Hamad Hasan".
    for t in root.lefts:
        if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod", "poss") and t.ent_type_ != "PERSON":
            role_tokens.extend(t.subtree)
    # A role in apposition, on either side of the name.
    head_phrase = None
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and root.head.ent_type_ != "PERSON":
        head_phrase = root.head  # "minister ..., Hamad Hasan" / "Chief of ..., Colonel Anar Eyvazov"
        # "the UN's top official in Peru, Ana Ruiz": the parse hangs the name on the place the
        # role is in; the role is the noun that phrase hangs from
        up = head_phrase
        while up.dep_ == "pobj" and up.head.dep_ == "prep" and up.head.head.pos_ in ("NOUN", "PROPN"):
            up = up.head.head
            if fold(up.lemma_) in ROLES:
                head_phrase = up
                break
    else:
        for child in root.children:
            if child.dep_ == "appos" and child.ent_type_ != "PERSON" and not child.like_num:
                head_phrase = child  # "Hamad Hasan, the health minister" (not "Ana Ruiz, 62,": an age)
                break
    clause_tokens = []  # a relative clause on the role: no part of it, but it may say whose it is
    if head_phrase is not None:
        # the phrase on its own side of the name, without a relative clause
        before = head_phrase.i < ent.start
        relative = {x.i for t in head_phrase.subtree if t.dep_ == "relcl" for x in t.subtree}
        role_tokens.extend(t for t in head_phrase.subtree if t.i not in relative
                           and (t.i < ent.start if before else t.i >= ent.end))
        clause_tokens = [doc[i] for i in sorted(relative)]
    if root.dep_ in ("nsubj", "nsubjpass"):
        # "Chief of the press service of the Ministry of Defense, Colonel Anar Eyvazov said": the
        # parser often makes the role a second subject of the same verb.
        for sib in root.head.children:
            # ... or an adverbial noun ("Spokesperson for the Ministry of Defense, Colonel X held ...")
            second = sib.dep_ == root.dep_ or sib.dep_ in ("npadvmod", "dep") and sib.lemma_.lower() in ROLES
            if sib.i != root.i and second and sib.i < ent.start and sib.ent_type_ != "PERSON":
                role_tokens.extend(t for t in sib.subtree if t.i < ent.start)
    if not any(fold(t.lemma_) in ROLES and fold(t.text).rstrip(".") not in TITLES for t in role_tokens) \
            and root.dep_ == "pobj" and root.head.dep_ == "prep" and fold(root.head.head.lemma_) in ROLES \
            and any(t.ent_type_ == "ORG" or _acronym(t) for t in root.lefts if t.i < ent.start):
        # "Permanent Representative to the UN Vasily Nebenzya": the parser hangs the name on the
        # role's organisation, written with no comma before the name; the role is the phrase (not
        # "the spokesman of President Ana Dorin", whose name is whose spokesman it is)
        role_tokens = [t for t in root.head.head.subtree if t.i < ent.start]
    if not any(fold(t.lemma_) in ROLES and fold(t.text).rstrip(".") not in TITLES for t in role_tokens):
        role_tokens = _role_before(ent) or role_tokens
    role_tokens = [t for t in role_tokens if not t.is_punct and t.dep_ != "det"]
    # (an acronym in brackets closing the role is its organisation's other name, not the role's:
    # "head of the unit at the International Committee of the Red Cross (ICRC)")
    role = re.sub(r"\s*\(\s*[A-Z][A-Z.&-]{1,11}\s*\)?$", "", _span_text(doc, role_tokens)).strip(" ,")
    if role.count("(") > role.count(")"):
        role += ")"  # its closing bracket was left out with the punctuation: "minister (acting)"
    # a title right before the name ("Colonel", "Dr.") belongs to the role too
    if ent.start > 0 and fold(doc[ent.start - 1].text).rstrip(".") in TITLES and doc[ent.start - 1] not in role_tokens:
        role = (role + " " + doc[ent.start - 1].text).strip()
    org = ""
    for tokens in (role_tokens, clause_tokens):
        # the role's own organisation first; else one its relative clause names ("an economist
        # who is now president of the American Action Forum")
        for t in tokens:
            if t.ent_type_ in ("ORG", "GPE", "NORP") and (tokens is role_tokens or t.ent_type_ == "ORG"):
                if org and t.i > 1 and doc[t.i - 1].text == "(" and abbreviates(t.text, org):
                    continue  # "the International Committee of the Red Cross (ICRC)": its other name
                span = _entity_at(doc, t.i)  # the entity's first word may be a dropped "the"
                if span is not None and (not org or span.label_ == "ORG" and org != clean_name(span.text)
                                         and not org_key(span.text) <= org_key(org)):
                    org = clean_name(span.text)
        if org:
            break
    return role, org


def _entity_at(doc, i: int):
    """The named entity holding token i, or None: found from the tokens' IOB tags (doc.ents builds
    every entity of the article on each access, too costly for a test made per token)."""
    if not doc[i].ent_type_:
        return None
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if doc[start].ent_type_ == "ORG" and end - start > 1 and doc[end - 1].lower_ in _OF:
        # "the Ministry of Foreign Affairs of" + "Ukraine" (see _entities), or + a name it did not
        # recognise at all ("Estonia")
        whole = end
        if whole < len(doc) and doc[whole].ent_iob_ == "B" and doc[whole].ent_type_ in _OWNERS:
            whole += 1
            while whole < len(doc) and doc[whole].ent_iob_ == "I":
                whole += 1
        else:
            while whole < len(doc) and doc[whole].pos_ == "PROPN" and not doc[whole].ent_type_:
                whole += 1
        if whole > end:
            return doc.char_span(doc[start].idx, doc[whole - 1].idx + len(doc[whole - 1]), label="ORG")
    return doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label=doc[start].ent_type_)


def _role_head(role: str) -> str:
    """The noun a role phrase is headed by: "Ombudsman" -> ombudsman, "Spokesperson for the
    Ministry of Defense" -> spokesperson, "the regional water commissioner" -> commissioner; never
    a title, an organisation or a document word ("" then)."""
    words = [w.strip(".,;:()'\"") for w in fold(role).replace("-", " ").split()]
    words = [w for w in words if w]
    cut = next((k for k, w in enumerate(words) if w in ("of", "for", "at", "to", "in", "with")), len(words))
    head = words[cut - 1] if cut else ""
    if not head.isalpha() or head in TITLES or head in ORGANISATIONS or head in DOCUMENTS or head in GROUPS:
        return ""
    return head


def _gender(ent, role: str) -> str:
    """ "m" or "f" from a title right before a person's name ("Mrs. Rana Adil") or a gendered word
    of their role ("spokeswoman Rana Adil"); "" when the article does not say."""
    doc = ent.doc
    words = [fold(t.text) for t in doc[max(0, ent.start - 2):ent.start]] + fold(role).replace("-", " ").split()
    if any(w in _FEMALE for w in words):
        return "f"
    if any(w in _MALE for w in words):
        return "m"
    return ""


def _role_before(ent) -> list:
    """ "Spokesperson for the Ministry of Defense of Azerbaijan, Colonel Anar Eyvazov held ...": a
    role phrase opening the sentence (or line), then a comma, then the name, however the parser
    hung the phrase (a dateline or header before it often makes it a clause of its own)."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and fold(doc[i].text).rstrip(".") in TITLES:
        i -= 1
    if i < 0 or doc[i].text != ",":
        return []
    j = i - 1
    while j >= 0 and doc[j].text not in (",", ".", ";", ":") and "\n" not in doc[j].text and j > i - 16:
        j -= 1
    phrase = [t for t in doc[j + 1:i] if not t.is_space]
    while phrase and phrase[0].dep_ == "det":
        phrase = phrase[1:]
    if not phrase or fold(phrase[0].lemma_) not in ROLES or not phrase[0].text[:1].isupper():
        return []
    return phrase


def repair_entities(doc) -> None:
    """Set the document's entities to _entities' repairs, so that every rule reading a token's
    entity (its type, _entity_at) sees the names as _entities reads them. Statements are
    extracted from a parse loaded for that stage alone; other stages keep the recogniser's."""
    ents = _entities(doc)
    if [(e.start, e.end, e.label_) for e in ents] != [(e.start, e.end, e.label_) for e in doc.ents]:
        try:
            doc.ents = ents
        except ValueError:  # spans spaCy will not set: the recogniser's entities stay
            pass


_OF = frozenset(("of", "for", "to"))
# the words of a direction, which end an organisation's name ("Operational Command South"), never a person's
_COMPASS = frozenset("north south east west northern southern eastern western central".split())
_OWNERS = frozenset(("GPE", "ORG", "NORP", "LOC"))


def _acronym(tok) -> bool:
    """A word in capitals, two letters or more ("UN", "ICRC"): an organisation's short name."""
    return tok.is_alpha and tok.text.isupper() and len(tok) > 1


def _name_run(tokens) -> list | None:
    """The person's name closing a phrase: its last two to four capitalised words, none of them an
    organisation or role word, a title, a direction, a country or a plural ("Centre for Strategic
    Studies", "Office for Civil Affairs" end in a body's name, not a person's), and not the whole
    phrase; None when there is none."""
    run = []
    for t in reversed(tokens):
        word = fold(t.text)
        if t.pos_ == "PROPN" and t.tag_ != "NNPS" and t.text[:1].isupper() and not t.text.isupper() and t.is_alpha and \
                word not in ORGANISATIONS and word not in ROLES and word not in TITLES and \
                word not in _COMPASS and not is_place_word(word) and t.ent_type_ not in ("GPE", "NORP", "DATE"):
            run.append(t)
        else:
            break
    run.reverse()
    return run if 2 <= len(run) <= 4 and run[0].i != tokens[0].i else None


def _name_after_org(ent) -> int | None:
    """Where a person's name begins inside an organisation's entity: "the speaker of Operational
    Command South Vladyslav Nazarov" is one ORG to the recogniser, a spokesperson's name written
    without a comma after their organisation (common in translated reports). Only for the
    organisation a role is of or to ("spokesman of", "head of", "Permanent Representative to the
    UN Vasily Nebenzya") and when an organisation word or acronym remains before the name ("Command
    South", "UN"): "the head of the Ukrainian Red Cross" keeps its name."""
    doc = ent.doc
    if ent.label_ != "ORG" or ent.start < 2:
        return None
    before = doc[ent.start - 1] if doc[ent.start - 1].lower_ not in ("the", "a", "an") else doc[ent.start - 2]
    if before.lower_ not in ("of", "for", "to") or before.i < 1 or \
            fold(doc[before.i - 1].lemma_) not in ROLES | TITLES:
        return None
    run = _name_run(list(ent))
    if run is None or not any(t.lower_ in ORGANISATIONS or _acronym(t) for t in ent[:run[0].i - ent.start]):
        return None
    return run[0].i


def _surname_before(tok, prev) -> bool:
    """Whether `tok`, right before a person's name, is a surname written first (Chinese, Korean,
    Vietnamese names: "Ng", "Li", "Kim"; read on coverage of a protest in Hong Kong, where the
    recogniser tagged the given name alone): two to four letters, capitalised, a compound of the
    name's last word, not a title, a role, an organisation's word or a place, nor inside the entity
    before."""
    return (tok.pos_ == "PROPN" and tok.dep_ == "compound" and tok.is_alpha and 2 <= len(tok) <= 4
            and tok.text[:1].isupper() and not tok.text.isupper() and tok.whitespace_
            and fold(tok.text) not in TITLES | ROLES | ORGANISATIONS and not is_place_word(fold(tok.text))
            and not tok.ent_type_ and (prev is None or prev.end <= tok.i))


def _entities(doc) -> list:
    """The document's entities, a name the recogniser cut in two ("Oleksandr" + "Prokudin":
    adjacent person entities, only a space between them, the second a single word that is no
    title) made one. ("Charlotte" + "Mayor Jennifer Roberts" stay apart.) An organisation's name
    cut before the place it belongs to ("the Ministry of Foreign Affairs of" + "Ukraine", or an
    unrecognised "Estonia") is made whole too (_entity_at), and a person's name the recogniser ran
    into the organisation before it is a person (_name_after_org). A person's entity of titles
    alone ("Lt Col") takes the name after it, and a short surname written first that the
    recogniser left out joins the name after it (`_surname_before`)."""
    from spacy.tokens import Span

    out: list = []
    for ent in doc.ents:
        prev = out[-1] if out else None
        if prev is not None and ent.start < prev.end:
            continue  # inside an organisation's name made whole
        name = _name_after_org(ent)
        if name is not None:
            out.extend((Span(doc, ent.start, name, label="ORG"), Span(doc, name, ent.end, label="PERSON")))
        elif ent.label_ == "ORG" and len(ent) > 1 and ent[-1].lower_ in _OF:
            whole = _entity_at(doc, ent.start)
            out.append(whole if whole is not None else ent)
        elif ent.label_ == "PERSON" and all(fold(t.text).rstrip(".") in TITLES for t in ent if not t.is_punct) \
                and ent.end < len(doc) and doc[ent.end].pos_ == "PROPN" and doc[ent.end].text[:1].isupper():
            # titles alone, the name after them left out ("Lt Col" + "Arun Mehra"): the
            # person is the titles and the name (shown without the titles)
            end = ent.end
            while end < len(doc) and end - ent.end < 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                    and not doc[end].ent_type_ and doc[end - 1].whitespace_:
                end += 1
            out.append(Span(doc, ent.start, end, label="PERSON") if end > ent.end else ent)
        elif ent.label_ == "PERSON" and ent.start > 0 and _surname_before(doc[ent.start - 1], prev):
            # a surname written first that the recogniser left out ("Senior Superintendent Ng
            # Chi-wai": "Chi-wai"): short, capitalised, hung on the name, no title or place
            out.append(Span(doc, ent.start - 1, ent.end, label="PERSON"))
        elif prev is not None and ent.label_ == "PERSON" and prev.label_ == "PERSON" and prev.end == ent.start \
                and len(ent) == 1 and doc[prev.end - 1].whitespace_ and not doc[prev.end - 1].is_punct \
                and not {ent[0].lower_.rstrip("."), prev[-1].lower_.rstrip(".")} & (TITLES | ROLES):
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


# Verbs of producing a document, whose subject issued it ("the CBO released a report")
_ISSUING = frozenset("release issue publish produce compile write conduct commission prepare send post "
                     "put unveil present submit file".split())


class Registry:
    """The people and organisations of one article, and who spoke last."""

    def __init__(self, doc):
        self.doc = doc
        self.text = text = doc.text  # built once: Doc.text joins every token on each access
        self.people: list[Person] = []
        self.orgs: list[Org] = []
        self.history: list[tuple[int, Speaker]] = []  # resolved speakers, in text order
        self.subjects: list[tuple[int, Person]] = []  # people as sentence subjects
        self.org_subjects: list[tuple[int, Org]] = []  # organisations as sentence subjects
        self.role_holders: list[tuple[int, str, set, Speaker]] = []  # role mentions resolved
        self.chunks = list(doc.noun_chunks)  # a generator over the whole parse: walk it once
        self.entities = _entities(doc)
        for ent in self.entities:
            if ent.label_ == "PERSON":
                self._add_person(ent)
            elif ent.label_ in ("ORG",):
                org = self._add_org(clean_name(ent.text), ent.start_char)
                if org is not None and ent.root.dep_ in ("nsubj", "nsubjpass"):
                    self.org_subjects.append((ent.start_char, org))
                # "Suez Canal Authority (SCA)": the acronym in brackets names it too
                after = text[ent.end_char:ent.end_char + 14]
                if org is not None and after.startswith(" (") and ")" in after:
                    acronym = after[2:after.index(")")]
                    if acronym.isupper() and 1 < len(acronym) <= 10:
                        org.aliases.add(acronym)
            role_beside = (ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in ROLES) or any(
                c.dep_ == "appos" and c.lemma_.lower() in ROLES for c in ent.root.children)
            if ent.label_ != "PERSON" and role_beside and len(ent) > 1 and \
                    all(t.pos_ == "PROPN" for t in ent) and \
                    not any(t.lemma_.lower() in ORGANISATIONS for t in ent):
                # "the head of the department, Huseyn Mahmudov,": a name in apposition to a role is
                # a person, whatever the entity recogniser called it
                self._add_person(ent)
        # Organisation nominals with a proper name in them: "the Azerbaijani Defense Ministry".
        for chunk in self.chunks:
            head = chunk.root
            if head.lemma_.lower() in ORGANISATIONS and any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE")
                                                           for t in chunk if t.i != head.i):
                self._add_org(clean_name(chunk.text), chunk.start_char)
        for p in self.people:
            if p.role and not p.org and p.role.split()[0].lower() in ("its", "their"):
                # "Its spokesman, Tomas Herrin,": the organisation the article named last before
                named = self._org_before(p.positions[0])
                p.org = named.name if named is not None else ""
        self.people.sort(key=lambda p: -len(p.key))
        # Roles the article itself gives its people ("Ombudsman Lia Varga", "Lia Varga, the
        # ombudsman"): "the ombudsman" is then a role noun here, whatever the word list knows.
        self.role_words = {w for w in (_role_head(p.role) for p in self.people) if w}

    # -- building ---------------------------------------------------------------------------------
    def _add_person(self, ent) -> None:
        name = clean_name(strip_titles(ent.text))
        key = person_key(name)
        if not key or is_place_word(key):
            return  # "Azerbaijani" tagged as a person
        role, org = _role_of(ent)
        if role and len(role.split()) == 1 and role.islower() and fold(role) in _BODIES:
            # "The charity Aid Velmora", "the company Tarsk Freight": a name after the kind of
            # body it is names the body, whatever the recogniser took it for
            self._add_org(name, ent.start_char)
            return
        if role and not org:
            org = self._org_named_by(role, ent.start_char)
        gender = _gender(ent, role)
        for p in self.people:
            if self._same_person(p.key, key):
                if len(key) > len(p.key):
                    p.name, p.key = name, key
                p.role = p.role or role
                p.org = p.org or org
                p.gender = p.gender or gender
                p.positions.append(ent.start_char)
                break
        else:
            self.people.append(Person(name, key, role, org, [ent.start_char], gender))
        if ent.root.dep_ in ("nsubj", "nsubjpass"):
            self.subjects.append((ent.start_char, self.person_named(key)))

    @staticmethod
    def _same_person(a: str, b: str) -> bool:
        wa, wb = a.split(), b.split()
        if not wa or not wb:
            return False
        if wa[-1] != wb[-1]:
            # "Erdogan" and "Recep Tayyip Erdogan" share the surname; a lone word may also be a
            # first name used alone, which is not merged.
            return False
        short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
        return all(w in long_ for w in short)

    def _add_org(self, name: str, at: int) -> Org | None:
        key = org_key(name)
        if not key or not name:
            return None
        for o in self.orgs:
            if o.key == key:
                if len(name) > len(o.name):
                    o.name = name
                o.positions.append(at)
                return o
        org = Org(name, key, [at])
        if len(initials(name)) > 1:
            org.aliases.add(initials(name))
        self.orgs.append(org)
        return org

    def person_named(self, key: str) -> Person | None:
        for p in self.people:  # longest first
            if self._same_person(p.key, key):
                return p
        return None

    # -- resolving --------------------------------------------------------------------------------
    def remember(self, at: int, speaker: Speaker) -> None:
        self.history.append((at, speaker))

    def _last(self, at: int, types: tuple[str, ...]) -> Speaker | None:
        for pos, sp in reversed(self.history):
            if pos <= at and sp.type in types:
                return sp
        return None

    def _gender_of(self, sp: Speaker) -> str:
        p = self.person_named(sp.key) if sp.key else None
        return p.gender if p is not None else ""

    def _last_person(self, at: int, gender: str = "") -> Speaker | None:
        """The person who spoke or was a sentence's subject last before `at`; with a gender (from
        "he" or "she"), the last one the article does not give the other gender."""
        best_pos, best = -1, None
        for pos, sp in reversed(self.history):
            if pos <= at and sp.type == "person" and not (gender and self._gender_of(sp) not in ("", gender)):
                best_pos, best = pos, sp
                break
        for pos, person in reversed(self.subjects):
            if pos <= at and person is not None and not (gender and person.gender not in ("", gender)):
                if pos > best_pos:
                    best = self._person_speaker(person)
                break
        return best

    def _last_thing(self, at: int) -> Speaker | None:
        """What "it" speaking is: the organisation, place or document that spoke last before `at`,
        or an organisation that is the subject of a sentence since, in the same paragraph ("The
        White House has said it believes ...", "The Security Council condemned the test, which it
        called ...")."""
        best_pos, best = -1, None
        for pos, sp in reversed(self.history):
            if pos <= at and sp.type in ("organisation", "place", "document"):
                best_pos, best = pos, sp
                break
        for pos, org in reversed(self.org_subjects):
            if best_pos < pos <= at and "\n" not in self.text[pos:at]:
                return Speaker(org.name, "organisation", key=" ".join(sorted(org.key)))
            if pos <= at:
                break
        return best

    def _person_speaker(self, p: Person) -> Speaker:
        return Speaker(p.name, "person", p.role, p.org, key=p.key)

    def _org_named_by(self, role: str, at: int) -> str:
        """The organisation a role names by its kind alone ("the head of [the department]", "a
        spokesman for [the ministry]"): the last one of that kind the article named before, by
        its full name ("the Department of International Military Cooperation of the Ministry of
        Defense"); "" when the role names none or the article named no such organisation."""
        m = re.search(r"\b(?:of|for|at)\s+the\s+(\w+)$", role.strip(" ,"), re.I)
        if m is None or fold(m.group(1)) not in ORGANISATIONS:
            return ""
        words = org_key(m.group(1))
        org = self._org_for(words, at) if words else None
        return org.name if org is not None and len(org.key) > len(words) else ""

    def _org_before(self, at: int) -> Org | None:
        """The organisation mentioned last before `at`."""
        best, best_pos = None, -1
        for o in self.orgs:
            pos = max([p for p in o.positions if p < at], default=-1)
            if pos > best_pos:
                best, best_pos = o, pos
        return best

    def _org_for(self, words: frozenset, at: int) -> Org | None:
        """The organisation, mentioned before `at` (else anywhere), whose key holds these words;
        the most recently mentioned one wins."""
        best, best_pos = None, -1
        for o in self.orgs:
            if words and words <= o.key:
                before = [p for p in o.positions if p <= at]
                pos = max(before) if before else -1
                if best is None or pos > best_pos or (pos == best_pos and len(o.name) > len(best.name)):
                    best, best_pos = o, pos
        return best

    def resolve(self, tokens, at: int) -> Speaker:
        """The speaker a mention (its tokens, in order) refers to; `at` is the cue's offset."""
        doc = self.doc
        tokens = [t for t in tokens if not t.is_space]
        if not tokens:
            return Speaker("", "unknown")
        mention = _span_text(doc, tokens).strip(" ,;:")
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        sp = self._resolve(tokens, at)
        sp.mention, sp.start, sp.end = mention, start, end
        if not sp.key:
            sp.key = person_key(sp.name) if sp.type == "person" else " ".join(sorted(org_key(sp.name)))
        return sp

    def resolve_label(self, tokens, at: int) -> Speaker:
        """A speaker named by a layout label ("OSAMA RABIE:", "― Ilse Brandt"): a person of the
        article by that name, else the mention resolved as usual; a label in capitals that names
        no one known is a person's name written in capitals."""
        sp = self.resolve(tokens, at)
        label = sp.mention
        if sp.name != label and len(sp.name) > len(label) and self.text.startswith(sp.name, sp.start or 0):
            # a headline in title case read as one long name ("Kremlin Denies Fault"): the label
            # is the speaker, not the entity that ran on past it
            sp = Speaker(clean_name(label), sp.type, mention=sp.mention, start=sp.start, end=sp.end,
                         key=person_key(label) if sp.type == "person" else " ".join(sorted(org_key(label))))
        if label.isupper():
            name = clean_name(strip_titles(label.title()))
            p = self.person_named(person_key(name))
            if p is not None:
                found = self._person_speaker(p)
            elif sp.type in ("person", "organisation", "group", "place") and sp.name and not sp.name.isupper():
                return sp
            else:
                found = Speaker(name, "person", key=person_key(name))
            found.mention, found.start, found.end = sp.mention, sp.start, sp.end
            return found
        return sp

    def _resolve(self, tokens, at: int) -> Speaker:
        doc = self.doc
        # the syntactic head: the token whose head lies outside the mention
        ids = {t.i for t in tokens}
        heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
        head = heads[0] if heads else tokens[0]
        lower = head.lower_
        text = _span_text(doc, tokens)

        # a demonym alone ("Ukrainian allegations that ...") speaks for its country
        if len(tokens) == 1 and head.ent_type_ == "NORP" and head.pos_ in ("ADJ", "PROPN"):
            country = self.country_of(head.text)
            if country:
                return Speaker(country, "place", key=" ".join(sorted(org_key(country))))

        # a person's name anywhere in the compact phrase (name, appos, compound); a proper noun
        # that is the surname of a person met in the article counts even when the entity
        # recogniser labelled it otherwise ("Mahmudov noted" tagged as an organisation). A
        # possessor is whose the speaker is, not the speaker: "Putin's spokesman Dmitry Peskov".
        def possessor(t) -> bool:
            return t.dep_ == "poss" or (t.head.dep_ == "poss" and t.head.i in ids and t.head.i != t.i)

        last = max(ids)

        def in_phrase(t) -> bool:
            """Whether t hangs from the head through a preposition: "the head of the administration
            of [Novaya Kakhovka], Vladimir Leontiev", "the lawyer of [John Smith]", "the
            authorities in the part of [Kherson]". A name there says whose or where, and is no
            speaker (the entity recogniser often calls such a place a person)."""
            ent = _entity_at(doc, t.i)
            if ent is not None and ent.end - 1 == last and ent.start > 0 and doc[ent.start - 1].i in ids and \
                    doc[ent.start - 1].pos_ in ("NOUN", "PROPN") and doc[ent.start - 1].ent_type_ != "PERSON":
                return False  # "Governor of the Tarnovo region Anton Kessar": a name right after the role
            x = t
            while x.i != head.i and x.head.i in ids and x.head.i != x.i:
                if x.dep_ == "appos" and x.left_edge.i > 0 and doc[x.left_edge.i - 1].text == ",":
                    return False  # ", Vladimir Leontiev": set off by commas, it names the whole phrase
                if x.dep_ in ("pobj", "prep"):
                    return True
                x = x.head
            return False

        def owner(t) -> bool:
            """Whether t's name modifies a common noun of the mention: "the Trump campaign",
            "McConnell aides", "Clinton's team", "Stein spokeswoman Melezia Figueroa". The name
            says whose the speaker is; the speaker is the noun's (the team, the aides, the named
            spokeswoman), not the person it names."""
            def common(h) -> bool:  # a common noun, or a role written in capitals ("Communication Director")
                return h.pos_ == "NOUN" or h.lower_ in ROLES

            x = t
            while x.head.i in ids and x.head.i != x.i and x.head.pos_ == "PROPN" and not common(x.head) \
                    and x.dep_ in ("compound", "flat"):
                x = x.head  # up to the head of the name itself
            return x.dep_ in ("compound", "poss", "nmod", "amod") and x.head.i in ids and x.head.i != x.i \
                and common(x.head)

        # two people named and joined ("Senator Venn and Senator Brandt"): both speak, as a group
        named = [e for e in self.entities if e.label_ == "PERSON" and e.start >= min(ids) and e.end - 1 <= last]
        if any(a.start <= head.i < a.end and b.root.dep_ == "conj" and a.start <= b.root.head.i < a.end and
               any(t.dep_ == "cc" and a.end <= t.i < b.start for t in tokens) for a in named for b in named):
            return Speaker(clean_name(text), "group")

        tokens = sorted(tokens, key=possessor)
        # "Putin's spokesman": the role's holder speaks, not the possessor
        role_of = head.lemma_.lower() in ROLES and head.ent_type_ != "PERSON"
        for t in tokens:
            if role_of and possessor(t) or in_phrase(t) or owner(t):
                continue
            if t.pos_ == "PROPN" and t.ent_type_ != "PERSON":
                p = next((p for p in self.people if p.key.split()[-1] == t.lower_), None)
                # the proper nouns written before it must be that person's too: "Marit Kessing" is
                # not Arlo Kessing, "South Korea" not a person recognised as "N. Korea"
                run = [t]
                while run[0].i - 1 in ids and doc[run[0].i - 1].pos_ == "PROPN":
                    run.insert(0, doc[run[0].i - 1])
                written = person_key(" ".join(x.text for x in run))
                if p is not None and len(written.split()) > 1 and not self._same_person(p.key, written):
                    p = None
                if p is not None:
                    return self._person_speaker(p)
        people = [t for t in tokens if t.ent_type_ == "PERSON" and not is_place_word(t.lower_)
                  and not (role_of and possessor(t)) and not in_phrase(t) and not owner(t)]
        if not people:
            named = self._trailing_name(sorted(tokens, key=lambda t: t.i))
            if named is not None:
                return self._person_speaker(named)
        if people:
            # the name the mention is of: the one holding its head ("Charlotte Mayor Jennifer
            # Roberts", which the recogniser may cut into "Charlotte Mayor" and "Jennifer Roberts")
            named = head if head in people else people[0]
            ent = next((e for e in self.entities if e.label_ == "PERSON" and e.start <= named.i < e.end), None)
            name = clean_name(strip_titles(ent.text if ent is not None else named.text))
            p = self.person_named(person_key(name))
            if p is not None:
                return self._person_speaker(p)
            body = next((o for o in self.orgs if o.key == org_key(name)), None)
            if body is not None:  # "the charity Aid Velmora": a body the article names by its kind
                return Speaker(body.name, "organisation", key=" ".join(sorted(body.key)))
            return Speaker(name, "person", key=person_key(name))

        # pronouns
        if len(tokens) == 1 and lower in PERSON_PRONOUNS:
            return self._copy(self._last_person(at, _PRONOUN_GENDER.get(lower, ""))) or Speaker(head.text, "unknown")
        if len(tokens) == 1 and lower in THING_PRONOUNS:
            return self._copy(self._last_thing(at)) or Speaker(head.text, "unknown")
        if len(tokens) == 1 and lower in PLURAL_PRONOUNS:
            return self._copy(self._last(at, ("group", "organisation", "place"))) or Speaker(head.text, "unknown")
        if len(tokens) == 1 and lower in FIRST_PERSON:
            return self._copy(self._last(at, ("person", "organisation", "place", "group"))) or Speaker(head.text, "unknown")

        lemma = head.lemma_.lower()
        own = [t for t in tokens if t.dep_ != "det"]
        definite = any(t.dep_ == "poss" or (t.dep_ == "det" and t.lower_ in ("the", "this", "that"))
                       for t in head.children)

        # organisation named inside the phrase ("spokesperson for the Lebanese Health Ministry",
        # "the ministry's spokesperson", "Foreign Ministry spokesman")
        inner_org = self._inner_org(tokens, head)

        # role nouns (a plural one is a group, kept as written: "district health officials")
        if (lemma in ROLES or lemma in GROUPS) and head.tag_ in ("NNS", "NNPS") and \
                head.ent_type_ not in ("ORG", "GPE", "NORP"):
            return Speaker(clean_name(text), "group")
        # a role only this article gives someone counts when definite and singular: "the
        # ombudsman", not "critics" or "a tech staffer" (someone new)
        learned = lemma in self.role_words and definite and head.tag_ not in ("NNS", "NNPS")
        if (lemma in ROLES or learned) and head.ent_type_ not in ("ORG", "GPE", "NORP"):
            role = clean_name(text)
            # a bare singular role ("..., says health minister") is as definite as "the minister"
            definite = definite or not any(t.dep_ in ("det", "poss", "nummod") for t in head.children)
            modifiers = {t.lower_ for t in tokens if t.i < head.i and t.dep_ in ("compound", "amod")
                         and t.ent_type_ not in ("ORG", "GPE", "NORP") and t.lemma_.lower() not in ORGANISATIONS}
            sides = org_key(" ".join(t.text for t in tokens if t.i < head.i and t.ent_type_ == "NORP"))
            before = [t for t in tokens if t.i < head.i and t.dep_ != "det"]
            if lemma not in _SPOKES and lemma not in GENERIC_ROLES and \
                    any(t.ent_type_ in ("GPE", "LOC") for t in before) and \
                    not any(t.ent_type_ == "ORG" or t.lemma_.lower() in ORGANISATIONS for t in before):
                # a place's governor, senator or mayor ("the New Jersey governor", "the Vermont
                # senator") is a person who serves there, not the place nor an organisation named
                # like it: the holder of that role if the article names one, else the role as written
                place = org_key(" ".join(t.text for t in before if t.ent_type_ in ("GPE", "LOC")))
                holder = self._role_holder(lemma, modifiers, None, at, definite, sides | place)
                if holder is None:
                    holder = Speaker(role, "person", role=role)
                self.role_holders.append((at, lemma, modifiers, holder))
                return self._copy(holder)
            holder = self._role_holder(lemma, modifiers, inner_org, at, definite, sides)
            if holder is None and inner_org is not None and org_key(inner_org) == sides and lemma not in _SPOKES:
                # only a nationality or party ("the Democratic presidential nominee", "a Russian
                # envoy"): a person of that side, named by the role, not an organisation
                holder = Speaker(role, "person", role=role, org=inner_org)
            if holder is None and inner_org is not None:
                holder = Speaker(inner_org, "organisation", role=role, org=inner_org)
            if holder is None and definite and lemma in GENERIC_ROLES and lemma != "source":
                # (a source is unnamed by choice: "the canal source" stays as written, never the
                # organisation that spoke last)
                # "the official told AFP": an official of the organisation that spoke last
                org = self._last(at, ("organisation", "place"))
                if org is not None:
                    holder = Speaker(org.name, org.type, role=role, org=org.name, key=org.key)
            if holder is None:
                holder = Speaker(role, "person", role=role)
            self.role_holders.append((at, lemma, modifiers, holder))
            return self._copy(holder)

        # documents: a statement or report stands for whoever issued it; plural reports and
        # data stay as written ("latest reports", "preliminary investigations")
        if lemma in DOCUMENTS and head.tag_ not in ("NNS", "NNPS") and lemma not in ("datum", "data"):
            if inner_org is not None:
                return Speaker(inner_org, "organisation")
            if definite:
                earlier = self._document_issuer(lemma, min(ids), at)
                if earlier is not None:
                    return earlier if earlier.type != "document" else Speaker(clean_name(text), "document")
            issuer = self._last(at, ("organisation", "person", "place"))
            if issuer is None:
                # no one has spoken yet: the organisation mentioned last ("The ministry issued a
                # statement. ... read the statement")
                org = self._org_before(at)
                issuer = Speaker(org.name, "organisation", key=" ".join(sorted(org.key))) if org else None
            if definite and issuer is not None:
                return self._copy(issuer)
            return Speaker(clean_name(text), "document")
        if lemma in DOCUMENTS:
            return Speaker(clean_name(text), "document")

        # acronyms: "SCA said", "BSM said on Wednesday"
        if len(tokens) <= 2 and head.text.isupper() and len(head.text) > 1:
            org = next((o for o in self.orgs if head.text in o.aliases), None)
            if org is not None:
                return Speaker(org.name, "organisation", key=" ".join(sorted(org.key)))

        # organisations and places
        ents = [e for e in doc.ents if e.start <= head.i < e.end]
        ent = ents[0] if ents else None
        if ent is not None and ent.label_ == "GPE" and ent.root.i == head.i:
            return Speaker(clean_name(ent.text), "place", key=" ".join(sorted(org_key(ent.text))))
        if head.pos_ == "PROPN" and is_place_word(lower) and any(c.dep_ == "conj" for c in head.children):
            # "Kyiv and most experts attribute it to Russia" (the recogniser took "Kyiv" for a
            # person): a country or capital coordinated with others speaks as itself, as "Ukraine
            # [and its Western allies]" does; the rest is no name of it
            return Speaker(head.text, "place", key=" ".join(sorted(org_key(head.text))))
        # (a name after the kind noun; not an acronym in brackets, "Agency (IAEA)": the full name
        # is the one shown)
        named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > head.i
                      and not c.text.isupper()), None) if lemma in _BODIES else None
        if named is not None:
            # "the group [Clean Sena]": the body's name, not its kind
            own = [t for t in named.subtree if not t.is_punct]
            text = _span_text(doc, own)
        kind = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > head.i
                     and fold(c.lemma_) in _BODIES), None) if head.pos_ == "PROPN" else None
        if kind is not None:
            # "[Bernhard Schulte Shipmanagement], the company that ...": the name, not what it is
            own = [t for t in own if t.i < kind.left_edge.i and not t.is_punct] or own
            text = _span_text(doc, own)
        if lemma in ORGANISATIONS or (ent is not None and ent.label_ in ("ORG", "NORP", "FAC")):
            words = org_key(_span_text(doc, own))
            org = self._org_for(words, at)
            if org is not None and (definite or ent is not None or len(words) > 1 or lemma in ORGANISATIONS):
                return Speaker(org.name, "organisation", key=" ".join(sorted(org.key)))
            return Speaker(clean_name(text), "organisation" if lemma in ORGANISATIONS or ent is not None else "unknown")

        # groups and everything else
        if lemma in GROUPS or head.lower_ in GROUPS:
            return Speaker(clean_name(text), "group")
        # a title and a name the recogniser did not tag ("Senior Superintendent Ng Ka-ming"): a person
        name = clean_name(strip_titles(clean_name(text)))
        if head.pos_ == "PROPN" and name != clean_name(text) and 2 <= len(name.split()) <= 4 \
                and all(w[:1].isupper() and not w.isupper() for w in name.split()):
            p = self.person_named(person_key(name))
            return self._person_speaker(p) if p is not None else Speaker(name, "person", key=person_key(name))
        return Speaker(clean_name(text), "unknown")

    def _document_issuer(self, lemma: str, before: int, at: int) -> Speaker | None:
        """Who issued the document "the report" refers to: the last mention of the same noun before
        it gives its issuer ("a report by the Velmora Budget Institute", "the institute's report",
        "the Pentagon report", "the website Kadria Today", "the ministry released a report", "in a
        statement, the ministry said"). A document the article introduced without one is a document (type
        'document'); None when the article never mentioned it before or names an issuer it does
        not know, and then whoever spoke last issued it (see _resolve)."""
        doc = self.doc
        for i in range(before - 1, -1, -1):
            t = doc[i]
            if t.pos_ != "NOUN" or t.lemma_.lower() != lemma:
                continue
            found = [c for c in t.children if c.dep_ == "poss" or (c.dep_ in ("compound", "appos") and c.ent_type_ in
                                                                   ("ORG", "PERSON", "GPE", "NORP"))]
            found += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                      for g in c.children if g.dep_ == "pobj" and (g.ent_type_ or g.pos_ == "PROPN")]
            verb = t.head
            if t.dep_ == "dobj" and verb.lemma_.lower() in _ISSUING:
                found += [c for c in verb.children if c.dep_ == "nsubj"]
            elif t.dep_ == "nsubjpass" and verb.lemma_.lower() in _ISSUING:
                found += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            elif t.dep_ == "pobj" and verb.lower_ in ("in", "through", "via"):
                # "In a statement, the businessman announced ...": who said it in the statement;
                # the parser may hang it on the subject ("The ministry in a statement said")
                if verb.head.pos_ in ("VERB", "AUX"):
                    found += [c for c in verb.head.children if c.dep_ == "nsubj"]
                elif verb.head.pos_ in ("NOUN", "PROPN"):
                    found.append(verb.head)
            mention = {x.i for x in t.subtree}
            for c in found:
                # an issuer hanging on the document is its words ("the CBO's report"); one the
                # document hangs on ("The ministry in a statement said") is without it
                skip = set() if c.i in mention else mention | {t.head.i}
                words = [x for x in c.subtree if x.dep_ not in ("case", "punct") and x.i not in skip]
                sp = self._resolve(words, at) if words else None
                if sp is not None and sp.type in ("organisation", "person", "place", "group") and sp.name:
                    return sp
            # an issuer written but not known ("the businessman"): whoever spoke last, as for a
            # document never mentioned before; none written: the document itself
            return None if found else Speaker(t.text, "document")
        return None

    def _trailing_name(self, tokens) -> Person | None:
        """A person's name closing a role phrase that the entity recogniser ran into the
        organisation before it ("Permanent Representative to the UN Vasily Nebenzya", "the
        bloc's foreign policy chief Josep Borrell"): a name at the end (_name_run), after a role
        noun or an acronym. The person is added to the article's people, so later mentions find them."""
        run = _name_run(tokens)
        if run is None:
            return None
        before = self.doc[run[0].i - 1]
        of_role = before.lower_ in ("of", "for") and before.i > 0 and fold(self.doc[before.i - 1].lemma_) in ROLES
        if len(run) > 2 and of_role:
            # "Minister of [Emergency Situations Oren Falk]": what the role is of is named first,
            # and the run holds its name too; the person is the last two words
            run = run[-2:]
        elif not (_acronym(before) or fold(before.lemma_) in ROLES
                  or before.tag_ == "NNPS" and before.pos_ == "PROPN"):
            # (or the plural closing a body's name: "Minister of Emergency Situations Oren Falk")
            return None
        name = clean_name(" ".join(t.text for t in run))
        key = person_key(name)
        if not key:
            return None
        p = self.person_named(key)
        if p is None:
            role = _span_text(self.doc, [t for t in tokens if t.i < run[0].i and t.dep_ != "det"]).strip(" ,")
            org = next((clean_name(e.text) for e in self.doc.ents if e.label_ == "ORG" and e.start < run[0].i
                        and e.start >= tokens[0].i), "")
            if org:  # the recogniser's organisation ran on into the name: keep its own words
                org = clean_name(_span_text(self.doc, [t for t in tokens if t.ent_type_ == "ORG" and t.i < run[0].i
                                                       and t.dep_ != "det"]))
            p = Person(name, key, role, org, positions=[run[0].idx])
            self.people.append(p)
            self.people.sort(key=lambda q: -len(q.key))
        return p

    def country_of(self, demonym: str) -> str:
        """The country a demonym names ("Ukrainian" -> "Ukraine"), spelt as the article spells it
        when it names the country, else as the word list has it; "" for an unknown demonym."""
        key = COUNTRIES.get(fold(demonym))
        if key is None:
            return ""
        for ent in self.doc.ents:
            if ent.label_ == "GPE" and org_key(ent.text) == frozenset({key}):
                return clean_name(ent.text)
        return key.upper() if len(key) <= 3 else key.title()

    @staticmethod
    def _copy(sp: Speaker | None) -> Speaker | None:
        if sp is None:
            return None
        return Speaker(sp.name, sp.type, sp.role, sp.org, key=sp.key)

    def _inner_org(self, tokens, head) -> str | None:
        """An organisation named inside a role or document phrase, in its fullest form."""
        doc = self.doc
        ids = {x.i for x in tokens}
        for t in tokens:
            if t.i == head.i or t.dep_ == "det":
                continue  # "The" of "The Azerbaijani Defense Ministry's spokesman" names nothing
            # how t hangs on the phrase: a modifier ("Foreign Ministry spokesman", "the ministry's")
            # or through of/for/at/with; "activists in Velmora" names a place, not an employer
            link = t
            while link.head.i != head.i and link.head.i != link.i and link.head.i in ids:
                link = link.head
            if link.dep_ == "prep" and link.lower_ not in ("of", "for", "at", "with"):
                continue
            if link.dep_ == "pobj" and link.head.lower_ not in ("of", "for", "at", "with"):
                continue
            if link.i != t.i and link.tag_ in ("VBN", "VBG"):
                continue  # "a Russian-appointed official", "Iran-backed militia": a backer, not an employer
            if t.ent_type_ in ("ORG", "GPE", "NORP") or t.lemma_.lower() in ORGANISATIONS:
                # the whole organisation phrase: the noun chunk holding t
                chunk = next((c for c in self.chunks if c.start <= t.i < c.end and not c.start <= head.i < c.end),
                             None)
                phrase = chunk.text if chunk is not None else t.text
                if t.dep_ == "compound" and chunk is None:
                    phrase = _span_text(doc, [x for x in tokens if x.i < head.i and x.dep_ in ("compound", "amod")
                                              and x.ent_type_ != "PERSON"])
                words = org_key(phrase)
                org = self._org_for(words, head.idx)
                if org is not None:
                    return org.name
                name = clean_name(phrase)
                if name and fold(name) not in ORGANISATIONS:
                    return name
        return None

    def _role_holder(self, lemma: str, modifiers: set, inner_org: str | None, at: int,
                     definite: bool, sides: frozenset = frozenset()) -> Speaker | None:
        """The person (or unnamed role-holder met before) whose role matches a role mention:
        same role noun, and every modifier the mention has ("vice president", "health minister");
        a nationality or party the mention gives ("the Republican nominee", "the Russian envoy")
        must be in the person's role or organisation."""
        same = {lemma} | next((kin for kin in (_SPOKES, _ENVOYS) if lemma in kin), set())

        def has_role(p: Person) -> bool:
            if sides and not sides <= org_key(p.role + " " + p.org):
                return False
            # (the mention's organisation may be in the holder's role: "the Russian envoy" is the
            # "Russian Permanent Representative to the UN")
            return bool(_role_words(p.role) & same) and (
                inner_org is None or not p.org or org_key(inner_org) <= org_key(p.org)
                or org_key(p.org) <= org_key(inner_org) or org_key(inner_org) <= org_key(p.role + " " + p.org)
                or any(abbreviates(w, p.org) for w in inner_org.split()))

        def recency(p: Person) -> int:
            return max([x for x in p.positions if x <= at] or [-1])

        candidates = [p for p in self.people if has_role(p) and (min(p.positions) <= at or definite)]
        # the mention's modifiers pick among holders ("vice president" vs "president"); a lone
        # holder of the role is it even when its recorded role lacks a modifier
        def ranks(p: Person) -> set:
            """The words that make a role another one: "vice president" is no president."""
            return _role_words(p.role) & {"vice", "deputy", "former", "acting", "assistant"}
        fitting = [p for p in candidates if modifiers <= _role_words(p.role)
                   and ranks(p) <= modifiers]
        if fitting:
            return self._person_speaker(max(fitting, key=recency))
        if len(candidates) == 1 and not any(m in ("vice", "deputy", "former", "acting") for m in modifiers) \
                and ranks(candidates[0]) <= modifiers:
            return self._person_speaker(candidates[0])
        if definite:
            # an unnamed holder of the role met before ("a health ministry official" -> "the official")
            for pos, role, mods, sp in reversed(self.role_holders):
                if role in same and pos <= at and modifiers <= mods:
                    return sp
        return None
