"""Speakers across articles: one entity per person or organisation, however each article names it.

Each statement's speaker is already resolved within its article (the fullest name the article
gives, with a normalised `speaker_key`). Here the speakers of all articles are merged:

- the unit is an *atom*: the speakers sharing type, key and folded name (a surname-only person
  also by the organisation given with it);
- `alias`: the user's alias file first forces the forms it lists into one entity each;
- `name`: people with the same person key ("Colonel Anar Eyvazov" = "Anar Eyvazov"), organisations
  and places with the same key ("Azerbaijan's Ministry of Defense" = "Ministry of Defence of
  Azerbaijan" = "the Azerbaijani Defense Ministry"), and groups, documents and unknown speakers
  with the same folded name;
- `surname+org`: a surname-only person ("Eyvazov") joins the one full-name person with that
  surname who speaks for the same organisation;
- a one-word organisation or unknown speaker that is the surname of exactly one full-name person
  is that person ("Guterres said" tagged as an organisation);
- `surname`: failing that, it joins the full-name person with that surname when there is exactly
  one in the corpus and their organisations, when both are given, do not differ. With two
  full-name people of that surname and no organisation to choose, it stays its own entity;
- `spelling`: people whose full names differ only as transliterations do ("Volodymyr Zelensky",
  "Volodymyr Zelenskiy", "Volodymyr Zelenskyy": the names, words sorted, at least 80% alike;
  surnames 80% alike and first names 65% ("Ihor" / "Igor"), each beginning with the same
  letter; two people whose organisations differ stay apart), and a surname-only person
  whose surname is spelt like the surname of exactly one full-name person ("Zelenskky");
- `org variant`: an organisation key of two or more words joins the one other organisation key
  that holds all its words plus only place or country words ("Defense Ministry" joins "Azerbaijan
  Defense Ministry" unless an "Armenia Defense Ministry" is quoted too). "Ministry" alone never
  joins anything. A word glossed in brackets gives a second key with the gloss in its place
  ("Ukraine's Operational Command Pivden (South)" is also "Ukraine's Operational Command South",
  so the "Operational Command South" another article quotes joins it; an acronym is no gloss).

A first-name + surname key never merges with a different first name, and the alias file's
`separate` lists name forms that no rule may bring together. Everything is a function of the set
of rows, so ids and output do not depend on row order.

Each entity is then given its display name (the fullest form the articles use), its type
('government' for a country, capital or seat of government speaking for a state: "Moscow", "the
Kremlin"), the organisation a person speaks for, and the *source* it counts as when independent
sources are counted (itself, its organisation, its country's government, an unnamed kind, or
unresolved): see `sources.py`.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from rapidfuzz import fuzz

from ..errors import SettingsError
from . import sources
from .countries import is_country_word
from .names import COUNTRIES, fold, org_key, person_key

TYPES = ("person", "organisation", "government", "place", "group", "document", "unknown")
_ORG_LIKE = ("organisation", "place")

# The countries org_key turns demonyms into ("Azerbaijani" -> "azerbaijan"), as single words.
COUNTRY_WORDS = frozenset(w for country in COUNTRIES.values() for w in country.split())


# -- the alias file ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class AliasEntity:
    name: str                 # the canonical name to give the entity
    type: str | None          # restricts key matching to speakers of this type; None: any
    forms: tuple[str, ...]    # the name and its aliases


@dataclass(frozen=True)
class Aliases:
    path: str
    digest: str               # first 16 hex of the SHA-256 of the file's bytes
    entities: tuple[AliasEntity, ...] = ()
    separate: tuple[tuple[str, ...], ...] = ()


def load_aliases(path: str | Path | None) -> Aliases | None:
    """The alias file at `path` (TOML, or CSV with columns name,alias), None for no path.

    Raises SettingsError with a one-line message naming the file and the problem."""
    if not path:
        return None
    p = Path(path)
    if not p.is_file():
        raise SettingsError(f"alias file {p} does not exist (setting entities.aliases)")
    data = p.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SettingsError(f"alias file {p}: not UTF-8 text") from None
    digest = hashlib.sha256(data).hexdigest()[:16]
    suffix = p.suffix.lower()
    if suffix == ".toml":
        entities, separate = _read_toml(text, p)
    elif suffix == ".csv":
        entities, separate = _read_csv(text, p), ()
    else:
        raise SettingsError(f"alias file {p}: name must end in .toml or .csv")
    _check(entities, separate, p)
    return Aliases(str(p), digest, tuple(entities), tuple(separate))


def _fail(path: Path, problem: str) -> SettingsError:
    return SettingsError(f"alias file {path}: " + " ".join(problem.split()))


def _name(value: Any, path: Path, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, f"{where} must be a non-empty string, got {value!r}")
    return " ".join(value.split())


def _names(value: Any, path: Path, where: str) -> list[str]:
    if not isinstance(value, list):
        raise _fail(path, f"{where} must be a list of names, got {value!r}")
    return [_name(v, path, where) for v in value]


def _read_toml(text: str, path: Path) -> tuple[list[AliasEntity], list[tuple[str, ...]]]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"not valid TOML: {exc}") from None
    unknown = set(doc) - {"entity", "separate"}
    if unknown:
        raise _fail(path, f"unknown key {sorted(unknown)[0]!r}; use [[entity]] and [[separate]] tables")
    entities, separate = [], []
    for i, table in enumerate(_tables(doc, "entity", path), 1):
        where = f"[[entity]] number {i}"
        extra = set(table) - {"name", "type", "aliases"}
        if extra:
            raise _fail(path, f"{where} has unknown key {sorted(extra)[0]!r}; keys: name, type, aliases")
        name = _name(table.get("name"), path, f"{where}: name")
        kind = table.get("type")
        if kind is not None and kind not in TYPES:
            raise _fail(path, f"{where} ({name}): type must be one of {', '.join(TYPES)}, got {kind!r}")
        forms = [name] + _names(table.get("aliases", []), path, f"{where} ({name}): aliases")
        entities.append(AliasEntity(name, kind, tuple(dict.fromkeys(forms))))
    for i, table in enumerate(_tables(doc, "separate", path), 1):
        where = f"[[separate]] number {i}"
        extra = set(table) - {"names"}
        if extra:
            raise _fail(path, f"{where} has unknown key {sorted(extra)[0]!r}; its only key is names")
        names = _names(table.get("names"), path, f"{where}: names")
        if len({fold(n) for n in names}) < 2:
            raise _fail(path, f"{where} must list at least two different names")
        separate.append(tuple(dict.fromkeys(names)))
    return entities, separate


def _tables(doc: dict, key: str, path: Path) -> list[dict]:
    tables = doc.get(key, [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise _fail(path, f"{key} must be written as [[{key}]] tables")
    return tables


def _read_csv(text: str, path: Path) -> list[AliasEntity]:
    reader = csv.DictReader(io.StringIO(text))
    header = {(h or "").strip().lower(): h for h in reader.fieldnames or []}
    if "name" not in header or "alias" not in header:
        raise _fail(path, f"a CSV alias file needs the columns name,alias; found {list(header) or 'none'}")
    forms: dict[str, list[str]] = {}
    for line, row in enumerate(reader, 2):
        name = (row.get(header["name"]) or "").strip()
        alias = (row.get(header["alias"]) or "").strip()
        if not name:
            raise _fail(path, f"line {line}: the name is empty")
        forms.setdefault(" ".join(name.split()), [" ".join(name.split())])
        if alias:
            forms[" ".join(name.split())].append(" ".join(alias.split()))
    return [AliasEntity(name, None, tuple(dict.fromkeys(f))) for name, f in forms.items()]


def _check(entities: list[AliasEntity], separate: list[tuple[str, ...]], path: Path) -> None:
    owner: dict[str, int] = {}
    for n, e in enumerate(entities):
        for form in e.forms:
            other = owner.setdefault(fold(form), n)
            if other != n:
                raise _fail(path, f"{form!r} is listed under both {entities[other].name!r} and {e.name!r}")
    for names in separate:
        owners = Counter(owner[fold(name)] for name in names if fold(name) in owner)
        for n, count in owners.items():
            if count > 1:
                raise _fail(path, f"[[separate]] {list(names)} lists names that [[entity]] {entities[n].name!r} merges")


# -- keys -------------------------------------------------------------------------------------------

def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def folded(name: str) -> str:
    return " ".join(fold(name).split())


def _org_words(name: str) -> frozenset[str]:
    # As the statements stage writes speaker_key: org_key's words joined and split again, so a
    # multi-word country ("saudi arabia") is two words whichever form it came from.
    return frozenset(" ".join(org_key(name)).split())


def key_of(kind: str, name: str, given: str = "") -> str:
    """The key speakers of a type are merged on: the stored speaker_key when there is one."""
    if kind == "person":
        return _text(given).lower() or person_key(name) or folded(name)
    if kind in _ORG_LIKE:
        words = frozenset(_text(given).lower().split()) or _org_words(name)
        return " ".join(sorted(words)) or folded(name)
    return folded(name)


class Atom(NamedTuple):
    type: str
    key: str
    name: str   # folded speaker name
    org: str    # sorted org words, for surname-only people only


def _person_org(text: str) -> frozenset[str]:
    """The words of the organisation given for a person; none for a country's people alone
    ("Ukrainian President": the country, not an organisation to tell two people apart by)."""
    words = _org_words(text)
    return frozenset() if all(w in COUNTRY_WORDS or is_country_word(w) for w in words) else words


def _atom(row: dict[str, Any]) -> Atom | None:
    speaker = _text(row.get("speaker"))
    if not speaker:
        return None
    kind = row.get("speaker_type") if row.get("speaker_type") in TYPES else "unknown"
    key = key_of(kind, speaker, row.get("speaker_key") or "")
    org = " ".join(sorted(_person_org(_text(row.get("speaker_org"))))) if kind == "person" and " " not in key else ""
    return Atom(kind, key, folded(speaker), org)


def _same_org(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two organisations given for people: equal word sets, or one holding the other's two or more words."""
    if not a or not b:
        return False
    small, large = sorted((a, b), key=len)
    return small == large or (len(small) >= 2 and small <= large)


# -- merging ----------------------------------------------------------------------------------------

class _Names:
    """Lists of name forms (alias entities, separate groups), looked up by an atom: by folded
    name first, else by key (only for the list's type, when it has one)."""

    def __init__(self, lists: Iterable[tuple[tuple[str, ...], str | None]]):
        self.by_name: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.by_key: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for n, (forms, kind) in enumerate(lists):
            for i, form in enumerate(forms):
                self.by_name[folded(form)].append((n, i))
                for t in ([kind] if kind else TYPES):
                    self.by_key[(t, key_of(t, form))].append((n, i))

    def lookup(self, atom: Atom) -> dict[int, set[int]]:
        """{list: forms naming the atom}: the forms with its folded name, else those with its key."""
        named: dict[int, set[int]] = defaultdict(set)
        keyed: dict[int, set[int]] = defaultdict(set)
        for n, i in self.by_name.get(atom.name, []):
            named[n].add(i)
        for n, i in self.by_key.get((atom.type, atom.key), []):
            keyed[n].add(i)
        return {**keyed, **named}


class _Merger:
    """Union-find over atoms that refuses merges the alias file forbids: two entities of the alias
    file, or two names of one `separate` list."""

    def __init__(self, atoms: list[Atom], aliases: Aliases | None):
        self.parent = {a: a for a in atoms}
        self.reasons: dict[Atom, set[str]] = {a: set() for a in atoms}
        self.alias: dict[Atom, set[int]] = {a: set() for a in atoms}        # alias entities held
        self.apart: dict[Atom, dict[int, set[int]]] = {a: {} for a in atoms}  # separate list -> names held
        if aliases:
            entities = _Names((e.forms, e.type) for e in aliases.entities)
            separate = _Names((names, None) for names in aliases.separate)
            for a in atoms:
                named = entities.lookup(a)
                if named:
                    self.alias[a].add(min(named))
                # a key that two names of one list share names neither of them
                self.apart[a] = {g: held for g, held in separate.lookup(a).items() if len(held) == 1}

    def find(self, a: Atom) -> Atom:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def allowed(self, ra: Atom, rb: Atom) -> bool:
        if self.alias[ra] and self.alias[rb] and self.alias[ra] != self.alias[rb]:
            return False
        return all(self.apart[ra][g] == held for g, held in self.apart[rb].items() if g in self.apart[ra])

    def union(self, a: Atom, b: Atom, reason: str, force: bool = False) -> None:
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra == rb or not (force or self.allowed(ra, rb)):
            return
        self.parent[rb] = ra
        self.reasons[ra] |= self.reasons.pop(rb) | {reason}
        self.alias[ra] |= self.alias.pop(rb)
        for g, held in self.apart.pop(rb).items():
            self.apart[ra].setdefault(g, set()).update(held)

    def union_all(self, atoms: list[Atom], reason: str, force: bool = False) -> None:
        for other in atoms[1:]:
            self.union(atoms[0], other, reason, force)

    def groups(self) -> dict[Atom, list[Atom]]:
        out: dict[Atom, list[Atom]] = defaultdict(list)
        for a in sorted(self.parent):
            out[self.find(a)].append(a)
        return out


def _surname_only(a: Atom) -> bool:
    return a.type == "person" and " " not in a.key


def _merge(atoms: list[Atom], rows_of: dict[Atom, list[dict]], aliases: Aliases | None) -> _Merger:
    m = _Merger(atoms, aliases)
    # 1. the alias file's entities (an atom named in two goes to the first in the file)
    by_alias: dict[int, list[Atom]] = defaultdict(list)
    for a in atoms:
        for n in m.alias[a]:
            by_alias[n].append(a)
    for members in by_alias.values():
        m.union_all(members, "alias", force=True)
    # 2. one key, one entity (surname-only people wait for step 3)
    by_key: dict[tuple[str, str], list[Atom]] = defaultdict(list)
    for a in atoms:
        by_key[(a.type, a.key)].append(a)
    for members in by_key.values():
        if not _surname_only(members[0]):
            m.union_all(members, "name")
    # 3. surname-only people join the one full-name person of that surname who shares their
    # organisation, else the only one there is (unless both give organisations, and they differ);
    # those left with the same surname are one entity
    full = [a for a in atoms if a.type == "person" and not _surname_only(a)]
    orgs: dict[Atom, set[frozenset[str]]] = defaultdict(set)
    by_surname: dict[str, set[Atom]] = defaultdict(set)
    for a in full:
        root = m.find(a)
        by_surname[a.key.split()[-1]].add(root)
        orgs[root] |= {_person_org(_text(r.get("speaker_org"))) for r in rows_of[a]} - {frozenset()}
    for a in filter(_surname_only, atoms):
        candidates = sorted(by_surname.get(a.key, ()))
        mine = frozenset(a.org.split())
        # an "organisation" holding the person's first name is their role and name misread
        # ("Russian Presidential Spokesman Dmitry" Peskov)
        sharing = [c for c in candidates if any(_same_org(mine, o) for o in orgs[c]) or c.key.split()[0] in mine]
        if len(sharing) == 1:
            m.union(a, sharing[0], "surname+org")
        elif len(candidates) == 1 and not (mine and orgs[candidates[0]]):
            m.union(a, candidates[0], "surname")
    with_full = {m.find(a) for a in full}
    for members in by_key.values():
        if _surname_only(members[0]):
            m.union_all([a for a in members if m.find(a) not in with_full], "name")
    # a one-word organisation or unknown speaker that is the surname of exactly one full-name
    # person is that person read as something else ("Guterres said", tagged as an organisation)
    for a in atoms:
        if a.type in ("organisation", "unknown") and " " not in a.key and a.key.isalpha() and \
                a.key not in COUNTRY_WORDS and len(by_surname.get(a.key, ())) == 1 and \
                a.name == a.key and not any(r.get("speaker_role") for r in rows_of[a]):
            m.union(a, next(iter(by_surname[a.key])), "surname")
    # 4. transliterations: "Zelensky" / "Zelenskiy" / "Zelenskyy", as outlets spell them
    _spelling(m, full, rows_of, atoms)
    # 5. organisation variants: a key of 2+ words inside exactly one other key that adds only
    # place or country words
    places = COUNTRY_WORDS | {w for a in atoms if a.type == "place" for w in a.key.split()}
    first: dict[str, Atom] = {}
    for a in atoms:
        if a.type == "organisation":
            first.setdefault(a.key, a)
    # a word glossed in brackets ("Operational Command Pivden (South)": a name and its
    # translation) gives the name a second key with the gloss in the word's place
    for a in atoms:
        if a.type != "organisation":
            continue
        for alt in sorted({_glossed_key(_text(r.get("speaker_mention"))) for r in rows_of[a]} - {None, a.key}):
            if alt in first and m.find(first[alt]) != m.find(a):
                m.union(first[alt], a, "gloss")
            first.setdefault(alt, a)
    holding: dict[str, set[str]] = defaultdict(set)  # word -> the keys holding it
    for key in first:
        for w in key.split():
            holding[w].add(key)
    for key in first:
        mine = frozenset(key.split())
        if len(mine) < 2:
            continue
        wider = set.intersection(*sorted((holding[w] for w in mine), key=len)) - {key}
        wider = [k for k in wider if set(k.split()) - mine <= places]
        if len(wider) == 1:
            m.union(first[key], first[wider[0]], "org variant")
    return m


_GLOSS = re.compile(r"(?P<word>[^\W\d_][\w'’-]*)\s*\(\s*(?P<gloss>[A-Z][a-z][\w'’-]*)\s*\)?\s*$")


def _glossed_key(mention: str) -> str | None:
    """The organisation key of a name ending in a word glossed in brackets, the gloss in the
    word's place ("Operational Command Pivden (South" -> the key of "Operational Command South");
    None without one. An acronym in brackets is no gloss (acronyms are matched apart)."""
    found = _GLOSS.search(mention)
    if found is None:
        return None
    return key_of("organisation", mention[:found.start("word")] + found["gloss"])


def _alike(a: str, b: str, least: float = 80) -> bool:
    """Two spellings of one name word: the same first letter and at least `least`% alike
    ("zelensky", "zelenskyy"), or one the other's initial."""
    if a == b:
        return True
    if a[:1] != b[:1]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return fuzz.ratio(a, b) >= least


def _spelling(m: _Merger, full: list[Atom], rows_of: dict[Atom, list[dict]], atoms: list[Atom]) -> None:
    """Join people whose names are one name spelt otherwise (see the module doc)."""
    orgs: dict[Atom, set[frozenset[str]]] = defaultdict(set)
    for a in full:
        orgs[m.find(a)] |= {_person_org(_text(r.get("speaker_org"))) for r in rows_of[a]} - {frozenset()}
    roots = sorted({m.find(a) for a in full})
    # a group's full name, whichever of its atoms is its root (a surname-only one may be)
    name_of: dict[Atom, str] = {}
    for a in full:
        r = m.find(a)
        if r not in name_of or (len(a.key.split()), a.key) > (len(name_of[r].split()), name_of[r]):
            name_of[r] = a.key
    by_initial: dict[str, list[Atom]] = defaultdict(list)
    for r in roots:
        by_initial["".join(sorted(w[:1] for w in name_of[r].split()))].append(r)
    for group in by_initial.values():
        for i, a in enumerate(group):
            wa = name_of[a].split()
            for b in group[i + 1:]:
                wb = name_of[b].split()
                if len(wa) != len(wb) or wa == wb:
                    continue
                # the surname alike, the first names more loosely ("Ihor" / "Igor", "Dmytro" / "Dmitry"),
                # in either order ("Hamad Hasan" / "Hassan Hamad")
                in_order = _alike(wa[-1], wb[-1]) and all(_alike(x, y, 65) for x, y in zip(wa[:-1], wb[:-1]))
                # in either order only between groups named in full throughout: a surname-only root
                # ("Hamad" with "Hassan Hamad") says the word is a surname, not a first name
                either = " " in a.key and " " in b.key and all(_alike(x, y) for x, y in zip(sorted(wa), sorted(wb)))
                if not in_order and not either:
                    continue
                if fuzz.token_sort_ratio(name_of[a], name_of[b]) < 80:
                    continue
                oa, ob = orgs.get(m.find(a), set()), orgs.get(m.find(b), set())
                if oa and ob and not any(_same_org(x, y) for x in oa for y in ob):
                    continue
                m.union(a, b, "spelling")
    # a surname-only person left alone: the one full-name person whose surname is spelt like it
    full_roots = sorted({m.find(a) for a in full})
    for a in filter(_surname_only, atoms):
        if m.find(a) in full_roots or len(a.key) < 5:
            continue
        like = {r for r in full_roots if r.key.split()[-1] != a.key and _alike(r.key.split()[-1], a.key)
                and fuzz.ratio(r.key.split()[-1], a.key) >= 85}
        if len({m.find(r) for r in like}) == 1:
            m.union(a, next(iter(like)), "spelling")


# -- entities -----------------------------------------------------------------------------------------

def _top(values: Iterable[str]) -> str | None:
    """The most frequent value, ties alphabetical."""
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _entity_id(members: list[Atom], alias: AliasEntity | None) -> str:
    """A hash of the alias file's name for the entity, else of its widest keys: those whose words
    no other key of the entity holds, so the id survives a surname or a country-less variant
    joining it."""
    if alias:
        parts = [f"alias:{folded(alias.name)}"]
    else:
        keys = {(a.type, a.key) for a in members}
        parts = sorted(f"{t}:{k}" for t, k in keys
                       if not any(t2 == t and set(k.split()) < set(k2.split()) for t2, k2 in keys))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def build_entities(statements: list[dict[str, Any]], outlets: dict[str, str | None],
                   aliases: Aliases | None = None,
                   foreign: set[str] | frozenset[str] = frozenset()) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for `entities` and `speaker_entities` from every statement row of the corpus and each
    article's outlet. Statements without a speaker belong to no entity. An entity's display name is
    its fullest form in the English articles when it has one there (`foreign`: the doc_ids of
    articles in other languages), so "Antonio Guterres" over "Антониу Гутерриш"."""
    rows_of: dict[Atom, list[dict]] = defaultdict(list)
    for row in statements:
        atom = _atom(row)
        if atom is not None:
            rows_of[atom].append(row)
    m = _merge(sorted(rows_of), rows_of, aliases)
    groups = []
    for root, members in m.groups().items():
        alias = aliases.entities[min(m.alias[root])] if aliases and m.alias[root] else None
        groups.append((root, members, alias, _entity_id(members, alias)))
    # entities the alias file keeps apart on one key are told apart by their atoms
    repeated = Counter(g[3] for g in groups)
    entities, links = [], []
    rows_by_entity: dict[str, list[dict]] = {}
    for root, members, alias, entity_id in groups:
        if repeated[entity_id] > 1:
            entity_id = hashlib.sha256("\n".join([entity_id] + ["|".join(a) for a in members]).encode()).hexdigest()[:16]
        rows = [r for a in members for r in rows_of[a]]
        forms = Counter(_text(r["speaker"]) for r in rows)
        english = {_text(r["speaker"]) for r in rows if r["doc_id"] not in foreign}
        own = {folded(f) for f in forms}
        reasons = set(m.reasons[root])
        if any(len({r["doc_id"] for r in rows_of[a]}) > 1 for a in members):
            reasons.add("name")  # one name in several articles
        docs = {r["doc_id"] for r in rows}
        entities.append({
            "entity_id": entity_id,
            "name": alias.name if alias else min(forms, key=lambda f: (f not in english, -len(f), -forms[f], f)),
            "type": alias.type if alias and alias.type else _top(a.type for a in members for _ in rows_of[a]),
            "role": _top(_text(r.get("speaker_role")) for r in rows),
            "org": _top(o for o in (_text(r.get("speaker_org")) for r in rows) if folded(o) not in own),
            "forms": sorted(forms), "n_statements": len(rows), "n_articles": len(docs),
            "outlets": sorted({outlets[d] for d in docs if outlets.get(d)}),
            "merged_by": sorted(reasons),
        })
        links += [{"statement_id": r["statement_id"], "doc_id": r["doc_id"], "entity_id": entity_id} for r in rows]
        rows_by_entity[entity_id] = rows
    counted = sources.assign(entities, rows_by_entity, sources.common_words(statements), outlets.values())
    for e in entities:
        s = counted[e["entity_id"]]
        if not (e["merged_by"] and "alias" in e["merged_by"] and e["type"]):
            e["type"] = s.entity_type
        if e["type"] == "person":
            e["org"] = s.org
        if s.id and e["role"] and sources.is_leftover(e["name"]):
            e["name"] = e["role"]  # "The" with the role "Azerbaijani Defense Ministry's spokesman"
        e.update({"source_id": s.id, "source_name": s.name, "source_type": s.type, "counts_as": s.why})
    entities.sort(key=lambda e: e["entity_id"])
    links.sort(key=lambda link: (link["doc_id"], link["statement_id"]))
    return entities, links
