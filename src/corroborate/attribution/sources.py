"""Who a speaker counts as when independent sources are counted: one source per organisation.

Each entity (a speaker merged across articles, `entities.py`) is given a *source*: itself, the
organisation it speaks for, its country's government, an unnamed kind of source, or nothing
(unresolved). The rules, in the words of news writing:

- **People or data of a named organisation count as it** ("seismologists from the Norwegian Seismic
  Array monitoring group", "data from NORSAR's stations": the organisation).
- **A person speaking for an organisation counts as it.** A spokesperson, minister, envoy,
  ambassador, secretary-general, director-general, chief, head, official or commander of X counts
  as X: the organisation the article gives (`speaker_org`, or one named in the role: "Chief of the
  press service of the Ministry of Defense"), else one the role implies:
  - "<Country> <Domain> Minister" -> "Ministry of <Domain> of <Country>" ("Russian Defence Minister");
  - "<Country>'s UN envoy / ambassador / permanent representative" -> "Permanent Mission of
    <Country> to the UN"; another ambassador -> "Embassy of <Country>"; a UN envoy with no
    country -> the UN;
  - "mayor / governor / head of <Place>" -> "<Place> administration", marked with the country
    that installed it when the role says so ("Moscow-installed mayor of Nova Kakhovka");
  - "head of the <Country> presidential office", "the presidency" -> "Office of the President of <Country>".
  Of all the roles the articles give a person, the most frequent reading wins.
- **A head of state or government speaks as themselves.** A president, prime minister, premier,
  chancellor, king, queen or emir of a country counts as the person. The president of an
  organisation ("President of the European Council") counts as the organisation.
- **A country's name, capital or people used for its government count as the country.** "Moscow",
  "Kyiv", "Russia", "Russian officials", "Ukrainian authorities", "the Ukrainian government",
  "officials in Ukraine" count as the government of that country (type 'government').
  Seats of government ("the Kremlin", "the White House", `countries.METONYMS`) are state bodies of
  their own: the Kremlin, the Ministry of Defence of Russia and Russia are three sources.
- **Unnamed sources count once per kind.** "officials", "local officials", "a source", "experts",
  "witnesses", "reports", "media reports": one unnamed source of that kind ("officials",
  "experts", "reports"), with its country when the phrase gives one that is not a government
  ("Ukrainian prosecutors"), or the country that installed it ("Russian-installed officials").
- **A news outlet quoted as a speaker is typed 'media'** ("according to Reuters news agency"):
  where it relays a source the article names in the same sentence, that source counts.
- **Leftovers are unresolved, never a source.** A pronoun the article never resolves ("he", "it",
  "they"), a determiner ("The"), a common noun left from a phrase ("woman", "organization",
  "evidence"), or a town that is no country's capital typed as a person ("Kherson said" where the
  parse found no one) is *unresolved*: shown as such, counted as no one.

Organisation sources are compared by their content words (`names.org_key`, with document words
such as "statement" left out), and in the whole corpus:
- an acronym is the name whose initials it is, when exactly one name of the corpus has them
  ("UN" = "United Nations", "IAEA" = "International Atomic Energy Agency"), or, failing that, the
  beginnings of its words in order ("NORSAR" = "Norwegian Seismic Array");
- a mission, office or delegation of an organisation with no country is that organisation ("U.N.
  mission" = "UN"), while one with a country is the country's ("Russia's UN mission" = "Permanent
  Mission of Russia to the UN");
- a name without a country joins the one name that adds only a country to it ("Defence Ministry"
  joins "Ministry of Defence of Russia" unless a Ukrainian one is quoted too).

A source's display name is the fullest form the articles use for it (longest, then most quoted,
then alphabetical), or the one a rule made when no article names it. Its id is the id of the
entity that is that source, when there is one, else a hash of its key. Everything is a function
of the set of entities, so the output does not depend on row order, and both sides of a conflict
are read by the same rules: swapping "Russia" and "Ukraine" swaps their sources, nothing else.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from .countries import Country, countries_in, country_named, fold, metonym, towns
from .lexicon import DOCUMENTS, GROUPS, ORGANISATIONS, PERSON_PRONOUNS, PLURAL_PRONOUNS, ROLES, THING_PRONOUNS, \
    FIRST_PERSON, TITLES
from .names import capital_words, initials, org_key

# Roles whose holder leads a country: they speak as themselves.
HEADS = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "sultan",
         "supreme leader", "head of state", "monarch", "crown prince")
# Modifiers that make a role someone else's ("vice president", "deputy prime minister").
_NOT_HEAD = {"vice", "deputy", "former", "ex", "first", "late"}
# Roles whose holder speaks for the organisation they hold the role in.
SPEAKS_FOR = frozenset("""
spokesperson spokesman spokeswoman secretary minister envoy ambassador representative official officer
chief head director chairman chairwoman chair commander president governor mayor coordinator
administrator adviser advisor aide deputy press service leader general manager executive ceo
secretary-general director-general under-secretary-general undersecretary-general high commissioner
""".split())
_LOCAL_HEADS = ("mayor", "governor", "head", "administrator", "leader", "chief", "chairman", "chairwoman")
_UN = {"un", "united nations", "united nation"}
_ENVOYS = ("envoy", "ambassador", "representative")
# Words that name a government when said with a country ("Russian officials", "the Kyiv regime").
GOVERNMENT_WORDS = frozenset("government authorities authority officials official leadership regime side state "
                             "leaders federal national central".split())
# Parts of an organisation that speak for it ("the UN mission", "the Kremlin press service").
_PARTS = frozenset("mission delegation office secretariat headquarters press service spokesperson spokesman "
                   "spokeswoman team".split())
# Words that never tell two organisations apart.
_KEY_STOP = frozenset("permanent affairs".split()) | DOCUMENTS
_DETERMINERS = frozenset("the a an this that these those some any another each every such its their his her "
                         "our my your both all".split())
_NOBODY = frozenset("one someone somebody nobody no-one noone everyone everybody anyone anybody other others "
                    "none people person man woman men women".split())
_PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS | FIRST_PERSON | frozenset("you".split())
_SYNONYMS = {"internal": "interior", "defence": "defense"}


@dataclass(frozen=True)
class Reading:
    """What one entity counts as, before the corpus-wide naming: a key and a proposed name."""
    kind: str            # 'person', 'org', 'country', 'unnamed', 'unresolved'
    key: str             # person: entity id; org: name to key; country: ISO code; unnamed: kind
    name: str            # proposed display name
    type: str            # source type: person, organisation, government, group, document, unknown
    why: str             # how the entity came to count as it
    made: bool = False   # the name was made by a rule, not written by an article


@dataclass
class Source:
    id: str | None
    name: str | None
    type: str
    why: str
    entity_type: str
    org: str | None = None


# -- words -----------------------------------------------------------------------------------------

def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?", text or "")


def _proper(text: str, common: set[str]) -> bool:
    """Whether a name has a proper word: a capitalised word that is not a common word written at the
    start of a sentence ("Experts", "This woman"), or an acronym."""
    for i, w in enumerate(_tokens(text)):
        core = w.strip(".")
        if not core or not core[0].isupper():
            continue
        low = fold(core)
        if core.isupper() and len(core) > 1:
            return True  # an acronym ("US", "IAEA")
        if low in _DETERMINERS or low in _PRONOUNS:
            continue
        if i > 0 and low not in _NOBODY:
            return True  # capitalised inside a name: "World Bank", "Red Cross"
        if low in common or low in GROUPS or low in ROLES or low in ORGANISATIONS or low in DOCUMENTS \
                or low.rstrip("s") in ROLES or low in _NOBODY:
            continue
        return True
    return False


def _content(text: str) -> list[str]:
    """A phrase's words without determiners and pronouns, folded."""
    return [w for w in fold(text).split() if w not in _DETERMINERS and w not in _PRONOUNS]


def is_leftover(name: str) -> bool:
    """A name that is only determiners, pronouns and words such as "woman": no one's name."""
    words = _content(name)
    return not words or all(w in _NOBODY for w in words)


@lru_cache(maxsize=1 << 16)
def org_words(name: str) -> frozenset[str]:
    """An organisation's name as the words sources are compared by (cached: the entities stage asks
    for the same few thousand names a hundred thousand times)."""
    name = re.sub(r"\b((?:[A-Z]\.){2,})", lambda m: m.group(1).replace(".", ""), name or "")  # "U.N." = "UN"
    words = set()
    for w in org_key(name):
        w = _SYNONYMS.get(w, w)
        found = country_named(w) if w not in _KEY_STOP else None
        # a capital or demonym is its country ("Interior Ministry in Kiev" = "Ukraine's interior ministry")
        words.update(fold(found[0].name).split() if found else [w])
    return frozenset(w for w in words if w not in _KEY_STOP)


def _plural(word: str) -> str:
    if word in ("police", "media", "military", "data", "staff", "personnel"):
        return word
    if word.endswith(("s", "x")):
        return word
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


def _unnamed_kind(words: list[str]) -> str | None:
    """The kind of an unnamed source from a phrase's words ("local officials" -> officials)."""
    heads = [w for w in words if w in GROUPS or w in ROLES or w.rstrip("s") in ROLES or w in ("services",)]
    if not heads:
        return None
    head = heads[-1]
    if head in ("authorities", "authority", "government", "official", "officials", "administration") or \
            head in SPEAKS_FOR or head.rstrip("s") in SPEAKS_FOR:
        return "officials"
    if head in ("reports", "media"):
        return head
    return _plural(head)


# -- one entity ------------------------------------------------------------------------------------

def _installer(text: str) -> Country | None:
    """The country that installed an office ("Moscow-installed", "Russian-backed", "pro-Russian")."""
    m = re.search(r"([\w’'.]+)[-\s](?:installed|appointed|backed|imposed|controlled|supported|led)\b|\bpro-(\w+)",
                  text or "", re.IGNORECASE)
    if not m:
        return None
    found = country_named(m.group(1) or m.group(2))
    return found[0] if found else None


def _one_country(text: str) -> Country | None:
    found = {c for c, _, _ in countries_in(text)}
    return next(iter(found)) if len(found) == 1 else None


def _has_head_role(role: str) -> bool:
    low = " " + fold(role).replace("-", " ") + " "
    for head in HEADS:
        at = low.find(" " + head + " ")
        if at < 0:
            continue
        before = low[:at].split()
        if not (before and before[-1] in _NOT_HEAD):
            return True
    return False


_ORG_IN_ROLE = re.compile(
    r"\b((?:[A-Z][\w’'-]*\s+)*(?:Ministry|Agency|Service|Office|Army|Forces|Police|Committee|Council|"
    r"Government|Department|Authority|Command|Directorate|Administration|Commission|Bureau|Agency|"
    r"Organi[sz]ation|Institute|Company|Corporation|Court|Parliament|Mission|Guard|Cross|Crescent)"
    r"(?:\s+(?:of|for|to|in)(?:\s+the)?(?:\s+[A-Z][\w’'.-]*)+)*)")


def org_from_role(role: str | None) -> str | None:
    """The organisation a role names ("Chief of the press service of the Ministry of Defense")."""
    if not role:
        return None
    found = _ORG_IN_ROLE.findall(role)
    return found[-1].strip() if found else None


def _acronym_in(text: str) -> str | None:
    """An organisation's acronym in a role ("IAEA chief", "UN Secretary-General"), not a country's."""
    for w in _tokens(text):
        core = w.replace(".", "")
        if core.isupper() and 2 <= len(core) <= 8 and core.isalpha() and not country_named(core) \
                and fold(core) not in TITLES:
            return core
    return None


def _minister_domain(role: str) -> str | None:
    """"Defence" of "Russian Defence Minister", "Foreign Affairs" of "Minister of Foreign Affairs"."""
    m = re.search(r"\bminist(?:er|ry)\s+(?:of|for)\s+(?:the\s+)?([A-Za-z][\w -]*?)(?=\s+(?:of|in|and)\b|[,;(]|$)",
                  role, re.IGNORECASE)
    if m:
        domain = m.group(1).strip()
    else:
        m = re.search(r"((?:[\w’'-]+\s+){0,2}?)minister\b", role, re.IGNORECASE)
        if not m:
            return None
        words = [w for w in m.group(1).split() if not country_named(w) and fold(w) not in _DETERMINERS
                 and fold(w) not in _NOT_HEAD and fold(w) not in TITLES and not w.endswith(("'s", "’s"))]
        domain = " ".join(words)
    domain = domain.strip()
    if not domain or fold(domain) in ("prime", "") or country_named(domain):
        return None
    if fold(domain) == "foreign":
        domain = "Foreign Affairs"
    return " ".join(w[:1].upper() + w[1:] for w in domain.split())


_PLACE = r"((?:[A-Z][\w’'-]*\s*)+)"
_OCCUPIED = r"(?:(?:[\w’'-]+[\s-])?(?:occupied|controlled|held)\s+parts?\s+of\s+(?:the\s+)?)?"
_LOCAL = (
    # "the Russian-installed administration in the Kherson region"
    re.compile(r"\b(?:administration|government|authorities)\s+(?:of|in)\s+(?:the\s+)?" + _OCCUPIED + _PLACE),
    # "mayor of Nova Kakhovka", "head of the occupied part of Kherson"
    re.compile(r"\b(?i:mayor|governor|head|administrator|leader|chief|chairman|chairwoman)\s+(?:of|in)\s+(?:the\s+)?"
               + _OCCUPIED + _PLACE),
    # "Beirut Governor"
    re.compile(_PLACE + r"(?i:mayor|governor)\b"),
)


def _local_place(role: str) -> str | None:
    """The place a mayor, governor or head runs: "mayor of Nova Kakhovka", "Beirut Governor"."""
    for pattern in _LOCAL:
        m = pattern.search(role)
        if m:
            break
    else:
        return None
    words = [w for w in m.group(1).split()
             if not (country_named(w) and country_named(w)[1] == "demonym") and not _installer(w)]
    place = " ".join(words)
    if not place or any(fold(w) in ORGANISATIONS or fold(w) in SPEAKS_FOR for w in words):
        return None
    found = country_named(place)
    if found and found[1] == "country":
        return None  # "governor of Ukraine" is no local office
    return place


def _org_reading(name: str, why: str, made: bool = False) -> Reading:
    return Reading("org", name, name, "organisation", why, made)


def _country_reading(c: Country, why: str) -> Reading:
    return Reading("country", c.code, c.name, "government", why, True)


def _unnamed_reading(kind: str, countries: Country | list[Country] | None, installer: Country | None,
                     why: str) -> Reading:
    """An unnamed kind of source: "officials", "experts of Ukraine", "officials installed by Russia"."""
    if isinstance(countries, Country):
        countries = [countries]
    countries = sorted(countries or [])
    if installer is not None:
        label, key = f"{kind} installed by {installer.name} (unnamed)", f"{kind}|installed|{installer.code}"
    elif countries:
        label = f"{kind} of {' and '.join(c.name for c in countries)} (unnamed)"
        key = f"{kind}|{'+'.join(c.code for c in countries)}"
    else:
        label, key = f"{kind} (unnamed)", kind
    return Reading("unnamed", key, label, "document" if kind == "reports" else "group", why, True)


def _is_org_text(org: str, role: str) -> bool:
    """Whether speaker_org names an organisation, not a country's people ("Ukrainian") nor a
    fragment of the role ("Defence" of "Defence Minister")."""
    words = [w for w in _tokens(org) if fold(w) not in _DETERMINERS]
    if not words or country_named(org) or metonym(org):
        return bool(metonym(org))
    if len(words) == 1 and not words[0].isupper() and re.search(r"(?:ian|ean|ese|ish)$", words[0]):
        return False  # a people's adjective ("Ostrenian", "European"), not an organisation
    rest = [w for w in words if not country_named(w) and fold(w).rstrip("s") not in ROLES
            and fold(w) not in TITLES]
    if not rest:
        return False
    low = fold(role)
    if len(rest) == 1 and re.search(r"\b" + re.escape(fold(rest[0])) + r"\s+minister\b", low):
        return False  # "Defence" of "Defence Minister"
    # words of the role before its role noun ("Russian Permanent" of "Russian Permanent
    # Representative", "European" of "Foreign and European Integration Minister"): the role's
    # own rules read them
    single = len(words) == 1 and not words[0].isupper()
    if single or len(rest) < len(words):
        at = low.find(fold(org))
        after = low[at + len(fold(org)):].split()[:4] if at >= 0 else []
        if any(w in SPEAKS_FOR or w.rstrip("s") in SPEAKS_FOR for w in after):
            return False
    if any(fold(w) in SPEAKS_FOR for w in words[1:]):
        return False  # "Russian Presidential Spokesman Dmitry": a role read as an organisation
    return any(w[:1].isupper() for w in rest) or any(fold(w) in ORGANISATIONS for w in rest)


def affiliation(role: str | None, org: str | None) -> Reading | None:
    """What one statement's role and organisation say a person counts as; None when they say
    nothing (the person then counts as themselves)."""
    role = " ".join((role or "").split())
    org = " ".join((org or "").split())
    text = f"{role} {org}".strip()
    if not text:
        return None
    low = fold(text).replace("-", " ")
    installer = _installer(text)
    country = _one_country(re.sub(r"[\w’'.]+[-\s](?:installed|appointed|backed|imposed)\b|\bpro-\w+", "", text,
                                  flags=re.IGNORECASE))
    explicit = org if org and _is_org_text(org, role) else org_from_role(role)
    place = _local_place(role) if any(re.search(r"\b" + h + r"\b", low) for h in _LOCAL_HEADS) else None
    if explicit is not None and place is not None and org_words(explicit) <= org_words(place):
        explicit = None  # "Governor of the Tarnovo region" given with "Tarnovo": the place run, no organisation
    if explicit is None:
        m = metonym(next((w for w in re.findall(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?", text) if metonym(w)), ""))
        if m is not None:
            explicit = next(w for w in re.findall(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?", text) if metonym(w))
    if _has_head_role(role) and (explicit is None or country_named(explicit)):
        # a head of state or government speaks as themselves
        return Reading("self", "", "", "person", f"head of state or government ({role})")
    envoy = any(re.search(r"\b" + e + r"\b", low) for e in _ENVOYS)
    un = any(re.search(r"\b" + u + r"\b", low) for u in _UN)
    if envoy and un and country is not None and (explicit is None or org_words(explicit) <= {"un", "united", "nations",
                                                                                          "mission"}):
        return _org_reading(f"Permanent Mission of {country.name} to the UN", f"{role}: envoy to the UN", made=True)
    if explicit is not None:
        return _org_reading(explicit, f"speaks for {explicit} ({role or 'organisation given'})")
    domain = _minister_domain(role) if re.search(r"\bminist(er|ry)\b", low) else None
    if domain:
        name = f"Ministry of {domain}" + (f" of {country.name}" if country else "")
        return _org_reading(name, f"{role}: minister", made=True)
    if re.search(r"\bpresiden(tial office|cy)\b|\bpresident's office\b|\boffice of the president\b", low) and country:
        return _org_reading(f"Office of the President of {country.name}", f"{role}: the presidency", made=True)
    acronym = _acronym_in(role)
    if acronym:
        return _org_reading(acronym, f"speaks for {acronym} ({role})")
    if envoy and un:
        return _org_reading("UN", f"{role}: a UN envoy")
    if envoy and country is not None and re.search(r"\bambassador\b", low):
        return _org_reading(f"Embassy of {country.name}", f"{role}: ambassador", made=True)
    if any(re.search(r"\b" + h + r"\b", low) for h in _LOCAL_HEADS):
        place = _local_place(role)
        if place:
            owner = installer or country
            suffix = f" (installed by {installer.name})" if installer else (f" ({country.name})" if country else "")
            if owner is not None and country_named(place) and country_named(place)[0] == owner:
                suffix = ""
            return _org_reading(f"{place} administration{suffix}", f"{role}: runs {place}", made=True)
    if installer is not None and re.search(r"\bofficials?\b|\bauthorit", low):
        return _unnamed_reading("officials", None, installer, f"{role}: an official installed by {installer.name}")
    return None


@dataclass
class _Entity:
    id: str
    name: str
    type: str
    forms: list[str]
    rows: list[dict[str, Any]]
    n: int


def _best(readings: Iterable[Reading]) -> Reading | None:
    """The most frequent reading, organisations before the person on a tie, then by name."""
    counts = Counter(readings)
    if not counts:
        return None
    return min(counts, key=lambda r: (-counts[r], r.kind == "self", r.made, r.name, r.key))


def read_entity(e: _Entity, common: set[str]) -> Reading:
    """What one entity counts as (its organisation's name not yet matched across the corpus)."""
    name = e.name
    words = _content(name)
    proper = any(_proper(f, common) for f in e.forms)
    # a phrase that is no name ("destruction of the dam", "villager in Hola Prystan") starts lower case
    if e.type in ("unknown", "group", "organisation") and _first_lower(name) and \
            not (words and (words[0] in GROUPS or words[0] in GOVERNMENT_WORDS)):
        proper = False
    readings = [affiliation(r.get("speaker_role"), r.get("speaker_org")) for r in e.rows]
    aff = _best(r for r in readings if r is not None)
    whole = country_named(name)
    seat = metonym(name)
    if seat is not None:
        return Reading("org", name, name, "government", f"{name}: a seat of {seat.name}'s government")
    if whole is not None and whole[1] == "demonym" and aff is not None and aff.kind != "self":
        return aff  # "a Russian-installed official" read as the speaker "Russian"
    if whole is not None and (e.type != "person" or whole[1] != "demonym"):
        return _country_reading(whole[0], f"{name}: the {whole[1]} stands for the government of {whole[0].name}")
    if _bare_town(e) and (aff is None or aff.kind == "self"):
        return Reading("unresolved", "", "", "unknown", f"{name}: a place, not who spoke")
    if e.type == "person" and proper:
        if aff is not None and aff.kind != "self":
            return aff
        why = aff.why if aff is not None else "a person speaking for themselves"
        return Reading("person", e.id, name, "person", why)
    if aff is not None and aff.kind != "self" and (not proper or e.type != "organisation" or aff.made):
        # a named organisation is itself, unless its role makes it part of another
        # ("Russian Permanent" of "Russian Permanent Representative to the UN")
        return aff
    if not proper:
        own = affiliation(name, None)  # "spokesperson of the Operational Command South"
        if own is not None and own.kind != "self" and _proper(own.name, common):
            return own
        return _leftover(e, words)
    # a country's government said in other words: "Russian officials", "the Ukrainian government",
    # "officials in Ukraine", "Kiev's authorities", "the Republic of Moldova"
    installer = _installer(name)
    found = sorted({c for c, _, _ in countries_in(name)})
    place_words = {w for _, phrase, _ in countries_in(name) for w in phrase.split()}
    rest = [w for w in fold(name).replace("-", " ").split()
            if w not in place_words and w not in _DETERMINERS and w not in ("in", "of", "and", "from", "local")]
    if installer is not None and rest and all(w in GOVERNMENT_WORDS or w in GROUPS or w in ("installed", "appointed",
                                                                                     "backed", "pro") for w in rest):
        return _unnamed_reading(_unnamed_kind(rest) or "officials", None, installer, f"{name}: unnamed")
    if len(found) == 1 and rest and (all(w in GOVERNMENT_WORDS or w in _STATE_WORDS for w in rest)
                                     or rest[-1] in GOVERNMENT_HEADS):
        return _country_reading(found[0], f"{name}: the government of {found[0].name}")
    member = _member_of(name, common)
    if member is not None:
        return _org_reading(member, f"{name}: speaks for {member}")
    # ("Norwegian Seismologists" in a title-case headline is "Norwegian seismologists": people by
    # what they do, no name)
    if e.type in ("group", "document") or (rest and all(w in GROUPS or w in DOCUMENTS for w in rest)) or (
            found and len(rest) == 1 and rest[0].endswith("s") and rest[0][:-1] in ROLES):
        kind = _unnamed_kind(rest) if e.type != "document" else None
        if e.type == "document" or (kind is None and any(w in DOCUMENTS for w in rest)):
            owner = re.sub(r"(?:['’]s?)?\s+\w+$", "", name).strip()
            owned = country_named(owner)
            if owned is not None:
                return _country_reading(owned[0], f"{name}: issued by the government of {owned[0].name}")
            if owner and owner != name and _proper(owner, common):
                return _org_reading(owner, f"{name}: issued by {owner}")
            return _unnamed_reading("reports", None, None, f"{name}: unnamed reports")
        if kind is not None and all(w in GROUPS or w in ROLES or w.rstrip("s") in ROLES or w in GOVERNMENT_WORDS
                                    or not _proper(w, common) for w in rest):
            return _unnamed_reading(kind, found, installer, f"{name}: unnamed")
    return _org_reading(name, "itself") if e.type != "unknown" else Reading("org", name, name, "unknown", "itself")


# "Seismologists from the X monitoring group", "Data from X's stations", "experts at X": a common
# noun, a preposition, and the name (its capitalised words, an acronym, a possessive's owner)
_MEMBER_OF = re.compile(r"^(?:the\s+|a\s+|an\s+)?([^\W\d_]+)\s+(?:from|at|of|with)\s+(?:the\s+)?"
                        r"((?:[A-Z][\w&-]*)(?:\s+(?:[A-Z][\w&-]*|of|for|and))*)(?:['’]s?)?(?:\s|$)")


_PEOPLE = re.compile(r"\w{3,}(?:ists|ers|ians|ors|ants|ents)")


def _member_of(name: str, common: set[str]) -> str | None:
    """The organisation a description of its people or its data names: "Seismologists from the
    Norwegian Seismic Array monitoring group" speak for the Norwegian Seismic Array, and "Data from
    NORSAR's regional seismic stations" are NORSAR's, as a spokesperson counts as the organisation.
    The head must be a word for people or data (a group, a document, roles in the plural, or a
    plural that names people by what they do: "-ists", "-ers", "-ians"); never an organisation's
    own word ("Ministry of Defence", "Bank of America") nor one person's title ("Minister of
    Emergency Situations Oren Falk": the role rules read those); a country named there is left
    to the country rules."""
    m = _MEMBER_OF.match(name or "")
    head = fold(m.group(1)) if m else ""
    if m is None or head in ORGANISATIONS or not (
            head in GROUPS or head in DOCUMENTS or head.endswith("s") and head[:-1] in ROLES or _PEOPLE.fullmatch(head)):
        return None
    org = re.sub(r"\s+(?:of|for|and)$", "", m.group(2).strip())
    if country_named(org) is not None or not _proper(org, common):
        return None
    return org


_STATE_WORDS = frozenset("republic kingdom federation union people".split())
# What a country's government is called when a phrase ends in it ("US security officials")
GOVERNMENT_HEADS = frozenset("officials authorities government leadership regime side".split())


def _first_lower(name: str) -> bool:
    """A phrase about something, not a name: lower case up to a preposition before its first
    capitalised word ("destruction of the Kakhovka dam", "villager in Hola Prystan"), while
    "opposition New Ostrenia movement" is a name."""
    words = [w for w in _tokens(name) if fold(w) not in _DETERMINERS and not w[:1].isdigit()]
    if not words or not words[0][:1].islower():
        return False
    before = [w for w in words[:next((i for i, w in enumerate(words) if w[:1].isupper()), len(words))]]
    return any(w in ("of", "in", "from", "at", "on", "by", "near", "for") for w in before)


def _bare_town(e: _Entity) -> bool:
    """A town that is no capital given as a person or place speaking ("Kherson said" read as a person)."""
    if e.type not in ("person", "place", "unknown"):
        return False
    return all(fold(f) in towns() and not country_named(f) for f in e.forms)


def _leftover(e: _Entity, words: list[str]) -> Reading:
    """A name with no proper word: an unnamed kind of source, or unresolved."""
    name = e.name
    if not words or all(w in _NOBODY or w in _DETERMINERS or w in _PRONOUNS for w in words):
        what = "a pronoun the article does not resolve" if any(fold(f) in _PRONOUNS for f in e.forms) \
            else "no name"
        return Reading("unresolved", "", "", "unknown", f"{name}: {what}")
    head = words[-1]
    if head in DOCUMENTS or e.type == "document":
        if head.endswith("s") or head in ("data", "datum", "media") or e.type == "document" and not any(
                w in ("statement", "report", "letter", "release") for w in words):
            return _unnamed_reading("reports", None, None, f"{name}: unnamed reports")
        return Reading("unresolved", "", "", "unknown", f"{name}: a document whose author the article does not give")
    if head in ORGANISATIONS and not head.endswith("s") and head not in ("police", "military"):
        return Reading("unresolved", "", "", "unknown", f"{name}: an organisation the article does not name")
    kind = _unnamed_kind(words)
    if kind is not None:
        return _unnamed_reading(kind, None, None, f"{name}: unnamed")
    return Reading("unresolved", "", "", "unknown", f"{name}: not a name")


# -- the corpus ------------------------------------------------------------------------------------

def _acronyms(names: Iterable[str]) -> dict[str, frozenset[str]]:
    """Acronym (folded) -> the words of the one name of the corpus it abbreviates: by its initials
    ("UN"), or, for an acronym the corpus uses, by the beginnings of its words in order
    ("NORSAR": NORwegian Seismic ARray)."""
    names = list(names)
    found: dict[str, set[frozenset[str]]] = defaultdict(set)
    spelt: list[tuple[list[str], frozenset[str]]] = []
    for name in names:
        letters = initials(name)
        words = org_words(name)
        # "U.N. mission" has the initials UN too, but holds the acronym rather than spelling it out
        if len(letters) >= 2 and len(words) >= 2 and letters.lower() not in words and \
                not name.replace(".", "").isupper():
            found[letters.lower()].add(words)
            spelt.append(([fold(w) for w in capital_words(name)], words))
    out = {a: next(iter(w)) for a, w in found.items() if len(w) == 1}
    for name in names:
        acronym = name.replace(".", "").strip()
        if not (acronym.isalpha() and acronym.isupper() and len(acronym) >= 3) or acronym.lower() in found:
            continue
        matches = {words for beginnings, words in spelt if _spells(acronym.lower(), beginnings)}
        if len(matches) == 1:
            out[acronym.lower()] = next(iter(matches))
    return out


def abbreviates(acronym: str, name: str) -> bool:
    """Whether a one-word name in capitals is an acronym of a name of two words or more: its
    initials ("UN", "IAEA") or the beginnings of its words in order ("NORSAR" for the Norwegian
    Seismic Array)."""
    acronym = acronym.replace(".", "").strip()
    words = capital_words(name)
    if not (acronym.isalpha() and acronym.isupper() and len(acronym) >= 2) or len(words) < 2:
        return False
    return _spells(acronym.lower(), [fold(w) for w in words])  # one letter a word: the initials


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether the acronym is the beginnings of the words, each word giving one or more letters."""
    if not words:
        return not acronym
    first = words[0]
    return any(acronym[:n] == first[:n] and _spells(acronym[n:], words[1:])
               for n in range(1, min(len(first), len(acronym) - len(words) + 1) + 1))


class _Keys:
    """Organisation names to the keys sources are counted by, in the whole corpus."""

    def __init__(self, names: Iterable[str], places: Iterable[str] = ()):
        names = sorted(set(names))
        self.acronyms = _acronyms(names)
        self.raw = {n: self._expand(org_words(n)) for n in names}
        keys = sorted(set(self.raw.values()), key=lambda k: (len(k), sorted(k)))
        # country words, and the words of the places the corpus has speaking ("Ostrenia said")
        self.country_words = {w for k in keys for w in k if country_named(w)} | \
            {w for p in places for w in org_words(p)}
        self.joined: dict[frozenset[str], frozenset[str]] = {}
        for k in keys:
            if len(k) < 2:
                continue
            # a key with no country joins the one key that adds only a country to it
            if not any(w in self.country_words for w in k):
                wider = [o for o in keys if k < o and all(w in self.country_words for w in o - k)]
                if len(wider) == 1:
                    self.joined[k] = wider[0]
                    continue
            # one name said two ways: with its country one way and a fuller name the other
            # ("Ostrenia's Emergency Ministry", "Ministry of Emergency Situations"), when it is the
            # only such key; two places (the defence ministries of two countries) or two other
            # words (the foreign and the defence ministry) are two organisations
            alike = [o for o in keys if o != k and len(k & o) >= 2 and len(k - o) == 1 and len(o - k) == 1
                     and ((k - o) <= self.country_words) != ((o - k) <= self.country_words)]
            if len(alike) == 1 and k not in self.joined.values():
                target = self.joined.get(alike[0], alike[0])
                if target != k:
                    self.joined[k] = target

    def _expand(self, words: frozenset[str]) -> frozenset[str]:
        out = set()
        for w in words:
            out |= self.acronyms.get(w, {w}) if len(words) > 1 or w in self.acronyms else {w}
        has_country = any(country_named(w) for w in out)
        if not has_country and len(out - _PARTS) >= 1 and out & _PARTS:
            out -= _PARTS  # "U.N. mission" is the UN; "Russia's UN mission" is Russia's
        return frozenset(out)

    def key(self, name: str) -> frozenset[str]:
        k = self.raw.get(name)
        if k is None:
            k = self._expand(org_words(name))
        return self.joined.get(k, k)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


_MEDIA_WORDS = frozenset("newspaper broadcaster television tv radio magazine tabloid daily newswire".split())


def is_media(name: str, outlets: Iterable[str] = ()) -> bool:
    """A news outlet speaking ("Reuters news agency", "the Daily Mail"): one of the corpus's outlets,
    or a name with a media word in it. Such a source only relays what it cites."""
    words = org_words(name)
    if not words:
        return False
    if words & _MEDIA_WORDS or {"news", "agency"} <= words:
        return True
    return any(words == org_words(o) for o in outlets if o)


def assign(entities: list[dict[str, Any]], rows_of: dict[str, list[dict[str, Any]]],
           common: set[str], outlets: Iterable[str] = ()) -> dict[str, Source]:
    """entity_id -> its Source, for every entity of the corpus. A news outlet's source type is
    'media': the claims stage counts, for what it relays, the source it cites."""
    outlets = sorted({o for o in outlets if o})
    found = {}
    for e in entities:
        ent = _Entity(e["entity_id"], e["name"], e["type"], e["forms"], rows_of.get(e["entity_id"], []),
                      e["n_statements"])
        found[e["entity_id"]] = (ent, read_entity(ent, common))
    # a "person" named exactly as an organisation of the corpus is that organisation, read as a
    # person by the parser ("Bernhard Schulte Shipmanagement said"); a name `fold` leaves nothing
    # of (another script) is compared by none
    org_named = {fold(r.name): r for _, r in sorted(found.values(), key=lambda x: x[0].id)
                 if r.kind == "org" and not r.made and fold(r.name)}
    for eid, (ent, r) in list(found.items()):
        if r.kind == "person" and fold(ent.name) in org_named and " " in ent.name.strip():
            found[eid] = (ent, org_named[fold(ent.name)])
    keys = _Keys((r.name for _, r in found.values() if r.kind == "org"),
                 (ent.name for ent, _ in found.values() if ent.type == "place"))

    def source_key(r: Reading) -> tuple[str, str]:
        if r.kind == "org":
            k = keys.key(r.name)
            return ("org", " ".join(sorted(k)) or fold(r.name))
        return (r.kind, r.key)

    # display names: the fullest form articles use, else the name a rule made
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    made: dict[tuple[str, str], Counter] = defaultdict(Counter)
    owner: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for eid, (ent, r) in found.items():
        if r.kind == "unresolved":
            continue
        k = source_key(r)
        if r.kind == "org" and not r.made:
            names[k][r.name] += ent.n
            if r.name == ent.name:
                owner[k].append((-ent.n, eid))
                for form in ent.forms:
                    if keys.key(form) == keys.key(r.name):
                        names[k][form] += 0
        elif r.kind in ("person",):
            names[k][ent.name] += ent.n
            owner[k].append((-ent.n, eid))
        else:
            made[k][r.name] += ent.n
            if r.kind == "country" and (country_named(ent.name) or (None, ""))[1] == "country":
                owner[k].append((-ent.n, eid))

    def display(k: tuple[str, str]) -> str:
        pool = names.get(k) or made.get(k)
        if k[0] == "country":
            pool = made[k]
        key = set(k[1].split()) if k[0] == "org" else set()

        def noise(n: str) -> int:
            # words the key leaves out ("in a statement", "office"): not part of the fuller name
            return sum(1 for w in org_key(n) if not org_words(w) or not org_words(w) <= key) if key else 0
        return min(pool, key=lambda n: (noise(n), -len(n), -pool[n], n))

    out = {}
    types = {}
    for eid, (ent, r) in sorted(found.items()):
        if r.kind == "unresolved":
            out[eid] = Source(None, None, "unresolved", r.why, "place" if "a place" in r.why else ent.type)
            continue
        k = source_key(r)
        if k[0] == "unnamed":
            sid = "unnamed:" + k[1]  # readable: the claims stage counts unnamed reports apart
        else:
            sid = min(owner[k])[1] if owner.get(k) else _hash(f"source\n{k[0]}:{k[1]}")
        types.setdefault(k, r.type)
        etype = ent.type
        if r.kind == "country" and ent.type in ("place", "person", "organisation", "unknown") and \
                country_named(ent.name):
            etype = "government"
        elif r.type == "government" and r.kind == "org" and r.name == ent.name:
            etype = "government"
        elif r.kind == "country" and ent.type in ("organisation", "group", "unknown"):
            etype = "government"
        elif ent.type == "person" and r.kind == "org" and r.why == "itself":
            etype = "organisation"  # named as an organisation of the corpus is, read as a person
        org = None
        if ent.type == "person":
            if r.kind in ("org", "country", "unnamed"):
                org = display(k)
            else:
                c = _person_country(ent)
                org = c.name if c else None
        stype = "media" if r.kind == "org" and is_media(display(k), outlets) else r.type
        out[eid] = Source(sid, display(k), stype, r.why, etype, org)
    return out


def _person_country(ent: _Entity) -> Country | None:
    """The country a person's roles give ("Ukrainian President" -> Ukraine), when only one."""
    found = Counter()
    for r in ent.rows:
        c = _one_country(f"{r.get('speaker_role') or ''} {r.get('speaker_org') or ''}")
        if c is not None:
            found[c] += 1
    return min(found, key=lambda c: (-found[c], c.name)) if found else None


def common_words(statements: Iterable[dict[str, Any]]) -> set[str]:
    """Words the corpus writes in lower case: a capitalised one at a speaker's start is a common
    word at the start of a sentence ("Experts said", "Police said"), not a name."""
    out: set[str] = set()
    for r in statements:
        out.update(re.findall(r"(?<![\w’'-])[a-z][a-z’'-]+", r.get("text") or ""))
        out.update(re.findall(r"(?<![\w’'-])[a-z][a-z’'-]+", r.get("speaker_mention") or ""))
    return {fold(w) for w in out}
