"""Named places in an article, geocoded, ambiguous names settled by their neighbours.

A name is a place mention when one of these finds it (docs/places.md says more):

1. the dateline ("BAKU –", "ISMAILIA, EGYPT:"), which ingest passes in;
2. a route named after the places it joins ("the Fuzuli-Ahmadbayli-Shusha highway");
3. the parse's GPE, LOC and FAC entities, found in the gazetteer or not ("Nagorno-Karabakh",
   "Hatay Airport" stay places with feature 'place' and how 'not found');
4. a name followed by a word for a kind of place ("the Taghaverd village", "Pazarcik district");
5. the gazetteer and the alias file, for names the small spaCy model calls an organisation, a
   person or a nationality, or misses ("Aghdam", "Kilis", "Erzincan"). These need something to
   vouch for them: being a country or region or in the alias file, a place word after, a
   preposition of place before ("in Lachin"), a list with other places ("Jabrayil, Fuzuli,
   Zangilan and Shusha"), the country they lie in after ("Rotterdam, Netherlands"), or (for names
   the parse did not tag) lying near the article's other towns. A capital letter, a proper-noun tag
   and three letters are the least; part of a longer proper name ("Aston Villa") is not enough.

Names inside an organisation's name or a title ("Ministry of Defense of Azerbaijan", "Beirut
Fire Brigade", "President of Azerbaijan") are not places; a possessive ("Azerbaijan's Ministry of
Defense") is. Nationalities and adjectives ("Azerbaijani", "Armenian") never are, nor a surname of
a person the article names in full ("Erdogan"), nor a country before a currency ("US dollar").

Every occurrence is one PlaceMention; all occurrences of a name in an article get the same place.
An ambiguous name goes to the candidate nearest the article's other places and dateline (same
country counts as near), within limits that keep capitals and big cities from far homonyms; with
none near, to the most prominent candidate (country, capital, city of a million, region, then
population): `gazetteer.prominence`. See `_choose`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import fuzz

from .gazetteer import AliasTable, Gazetteer, Place, fold, km, load_gazetteer, packaged_aliases, prominence
from .gazetteer import read_alias_file


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    name: str | None
    feature: str               # country, region, city, place
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    how: str = "not found"


# -- word lists ------------------------------------------------------------------------------------
# Small closed classes of English, not names: the rules below read them, never article wording.

# Entity labels that are never places, and whose words the gazetteer scan leaves alone.
_NOT_PLACE_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "WORK_OF_ART",
                     "LAW", "LANGUAGE", "PRODUCT"}
# A kind of place, after a name ("Pazarcik district") or before "of" ("the city of Iskenderun").
_PLACE_WORDS = {"region", "regions", "district", "districts", "province", "provinces", "village", "villages",
                "city", "cities", "town", "towns", "county", "counties", "governorate", "governorates",
                "oblast", "oblasts", "rayon", "rayons", "municipality", "municipalities", "prefecture",
                "prefectures", "settlement", "settlements", "state", "states", "island", "islands",
                "neighbourhood", "neighborhood", "suburb", "area", "capital", "port", "borough"}
# The singular kinds of place a name unknown to the gazetteer may be followed by.
_ADMIN_WORDS = {"region", "district", "province", "village", "city", "town", "county", "governorate", "oblast",
                "rayon", "municipality", "prefecture", "settlement"}
_ADMIN_PLURALS = {"regions", "districts", "provinces", "villages", "cities", "towns", "counties", "governorates",
                  "oblasts", "rayons", "municipalities", "prefectures", "settlements"}
# Religions and communities, which name areas and villages too ("the Druze villages").
_COMMUNITIES = {"sunni", "shia", "shiite", "sikh", "druze", "alawite", "christian", "muslim", "jewish", "catholic",
                "orthodox", "hindu", "buddhist", "yazidi", "arab", "bedouin", "tribal", "kurdish", "roma", "gypsy",
                "soviet", "ottoman", "byzantine", "roman", "imperial", "royal", "federal", "national", "islamic",
                "coastal", "mountain", "border", "frontline", "rebel", "government", "old", "new"}
# Words between a name and its place word ("Karabakh economic region").
_PLACE_WORD_MODIFIERS = {"economic", "autonomous", "administrative", "border", "coastal", "southern", "northern",
                         "eastern", "western", "central", "frontline", "occupied", "liberated"}
# Capitalised place words that end a place's own name ("the Karabakh Economic Region").
_NAME_PLACE_WORDS = {"region", "district", "province", "governorate", "oblast", "rayon", "county",
                     "municipality", "prefecture", "territory", "peninsula", "valley", "island", "islands"}
# Kinds of geographic feature and facility that end their own name when capitalised ("Royal Street",
# "Hatay Airport", "Great Bitter Lake"): the whole name is a place, known to the gazetteer or not.
_FEATURE_WORDS = {"street", "avenue", "road", "boulevard", "square", "bridge", "airport", "airbase", "highway",
                  "motorway", "canal", "lake", "river", "sea", "ocean", "bay", "gulf", "strait", "straits",
                  "island", "islands", "mountain", "mountains", "valley", "desert", "peninsula", "coast",
                  "heights", "plateau", "basin", "delta", "beach", "harbour", "harbor", "pass", "gorge",
                  "dam", "reservoir", "forest", "hills", "hill", "crossing", "checkpoint"}
# Words that begin a region's name ("West Bengal", "Upper Karabakh").
_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
            "lower", "greater", "new", "northeast", "northwest", "southeast", "southwest"}
# Prepositions of place: "in Lachin", "from Aghdam", "near Shusha".
_LOCATIVE = {"in", "at", "near", "from", "to", "into", "outside", "inside", "across", "around", "toward", "towards",
             "via", "through", "throughout", "between", "within", "off", "along", "beyond", "onto", "past"}
# A disaster named after its place ("the 1939 Erzincan earthquake", "the Beirut blast"). Not words
# for what people do ("attack", "offensive"): those are named after their actors as often.
_EVENT_WORDS = {"earthquake", "earthquakes", "quake", "quakes", "blast", "blasts", "explosion", "explosions",
                "floods", "flood", "fire", "fires", "wildfire", "wildfires", "tsunami", "eruption", "landslide",
                "landslides", "disaster"}
# Routes named after the places they join ("Fuzuli-Ahmadbayli-Shusha highway").
_ROUTE_WORDS = {"road", "highway", "motorway", "expressway", "freeway", "railway", "railroad", "pipeline",
                "corridor"}
# Heads of organisation names: a place before one is part of the name ("the Azerbaijan Army").
_ORG_HEADS = {"journal", "army", "navy", "ministry", "government", "parliament", "police", "university", "college",
              "airlines", "airways", "bank", "times", "post", "herald", "tribune", "news", "agency", "authority",
              "council", "committee", "commission", "corporation", "company", "institute", "association",
              "party", "guard", "forces", "force", "brigade", "embassy", "consulate", "court", "assembly",
              "senate", "congress", "league", "club", "federation", "foundation", "service", "services",
              "office", "department", "group", "holdings", "chamber", "commerce", "industry", "industries",
              "hospital", "school", "academy", "church", "museum", "hotel", "stadium", "television", "radio",
              "broadcasting", "cross", "crescent", "fc"}
# Titles: a place after "of" is part of the title ("President of Azerbaijan").
_TITLES = {"president", "minister", "king", "queen", "emir", "governor", "mayor", "ambassador", "prince",
           "princess", "sultan", "chancellor", "premier", "patriarch", "archbishop", "bishop", "duke",
           "duchess", "envoy", "secretary", "speaker", "ombudsman", "consul", "commissioner", "representative"}
# The prepositions of place that people and organisations rarely take.
_INSIDE = {"in", "near", "inside", "outside", "across", "throughout", "around", "within"}
_STORMS = {"hurricane", "typhoon", "cyclone", "storm"}
# Verbs of saying: their subject is a person or an organisation (or a metonymic place the parse
# named as such, which the rules below leave alone).
_SAY = {"say", "tell", "add", "claim", "state", "explain", "recall", "write", "ask", "note", "insist", "argue",
        "admit", "deny", "announce", "confirm", "report", "warn", "urge", "accuse", "continue"}
_CURRENCY = {"dollar", "dollars", "pound", "pounds", "euro", "euros", "yuan", "rupee", "rupees", "lira", "liras",
             "dinar", "dinars", "riyal", "riyals", "rial", "rials", "rouble", "roubles", "ruble", "rubles", "yen",
             "franc", "francs", "peso", "pesos", "shekel", "shekels", "manat", "dram", "drams", "won", "rand",
             "hryvnia", "hryvnias", "lari", "taka", "naira", "shilling", "shillings", "dirham", "dirhams"}
# Capitalised words that are towns somewhere but almost never one in news text.
_NEVER = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
          "god", "allah", "christmas", "easter", "ramadan", "eid", "internet", "covid"}
_CONNECTORS = {"of", "the", "de", "del", "da", "do", "dos", "das", "di", "du", "des", "la", "le", "les", "el", "al",
               "and", "upon", "on", "sur", "am", "an", "der", "y", "e", "bin", "ibn"}
_DETERMINERS = {"the", "a", "an"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_HYPHENS = {"-", "–", "‑"}
_PROPER_TAGS = {"NNP", "NNPS"}
_DEMONYM_ENDINGS = ("n", "an", "ian", "ean", "ese", "ish", "i", "ic", "ns", "ans", "ians", "is")


# -- the parser --------------------------------------------------------------------------------------

class Geoparser:
    """Finds and geocodes the places of an article. The gazetteer is loaded on first use; the alias
    file is read at once, so a mistake in it is reported before any work."""

    def __init__(self, aliases: str = "", min_population: int = 1000):
        self.aliases = aliases
        self.min_population = min_population
        self._user, self._digest = read_alias_file(aliases) if aliases else ([], "")

    @property
    def digest(self) -> str:
        """Content hash of the user's alias file ('' without one): first 16 hex of its SHA-256."""
        return self._digest

    @cached_property
    def _index(self) -> "_Index":
        gaz = load_gazetteer(self.min_population)
        user = AliasTable(gaz, self._user, self.aliases) if self._user else None
        return _Index(gaz, user, AliasTable(gaz, packaged_aliases()))

    def options(self, name: str) -> list[tuple[Place, str]]:
        """The places a name may be (the alias files first, then the gazetteer), and how each was
        found ('alias', 'name', 'alternate name')."""
        return self._index.options(name)

    def find(self, doc, dateline: str | None = None) -> list[PlaceMention]:
        """One PlaceMention per occurrence of a place name in doc.text, in text order."""
        finder = _Finder(doc, self._index)
        mentions = finder.run(dateline)
        return [_row(m) for m in mentions]


@dataclass
class _Index:
    gaz: Gazetteer
    user: AliasTable | None
    packaged: AliasTable
    _demonym_stems: set[str] = field(default_factory=set)

    def options(self, text: str, strip: bool = True) -> list[tuple[Place, str]]:
        """The places a name may be: the user's alias file, then the packaged one, then the
        gazetteer; failing those, the name without generic words ("Republic of", "district")."""
        key = fold(text)
        found = self._options(key)
        if not found and strip:
            core = _strip_generic(key)
            if core != key:
                found = self._options(core)
        return found

    def aliased(self, key: str) -> bool:
        tables = [t for t in (self.user, self.packaged) if t is not None]
        return any(k in t.forms for t in tables for k in (key, _strip_generic(key)))

    def _options(self, key: str) -> list[tuple[Place, str]]:
        for table in (self.user, self.packaged):
            if table is not None and (found := table.get(key)) is not None:
                return [found]
        return self.gaz.lookup(key)

    def is_demonym(self, word: str) -> bool:
        """'Azerbaijani', 'Lebanese', 'Turkish': a country's or region's name (or all but its last
        one or two letters) plus a demonym ending."""
        if not self._demonym_stems:
            self._demonym_stems = _stems(self)
        key = fold(word)
        for cut in range(len(key) - 1, 3, -1):
            if key[:cut] in self._demonym_stems and key[cut:] in _DEMONYM_ENDINGS:
                return True
        return False


def _stems(index: _Index) -> set[str]:
    names = [p.name for p in index.gaz.areas]
    names += [p.name for p in index.packaged.forms.values() if p.feature in ("country", "region")]
    stems = set()
    for name in names:
        key = fold(name).split(" ")[0]
        for cut in (0, 1, 2):
            stem = key[:len(key) - cut]
            if len(stem) >= 4:
                stems.add(stem)
    return stems


_GENERIC_PREFIXES = ("republic of ", "the republic of ", "kingdom of ", "state of ", "city of ", "province of ",
                     "islamic republic of ", "federal republic of ", "peoples republic of ", "people s republic of ",
                     "democratic republic of ", "region of ", "district of ", "the ")
_GENERIC_SUFFIXES = (" economic region", " region", " district", " province", " governorate", " oblast", " rayon",
                     " county", " municipality", " village", " city", " town", " state", " area", " prefecture",
                     " territory")


def _strip_generic(key: str) -> str:
    """'republic of azerbaijan' -> 'azerbaijan', 'khojavand district' -> 'khojavand'."""
    for prefix in _GENERIC_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix):]
    for suffix in _GENERIC_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            key = key[: -len(suffix)]
            break
    return key


def _has_alnum(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _acronym(text: str) -> bool:
    """'NATO', 'AFAD', 'MoD', 'UConn': letters in capitals, or short with a capital inside."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and (all(ch.isupper() for ch in letters)
                              or (len(letters) <= 5 and any(ch.isupper() for ch in letters[1:])
                                  and text[:2] not in ("Mc", "Ma")))


def _own_name(key: str, place: Place, how: str) -> bool:
    """The name is the place's own or a spelling of it ("Khan Younis" for Khān Yūnis), not one of
    the other names GeoNames collects, some of them odd ("White House" for Guntersville, Alabama)."""
    return how != "alternate name" or fuzz.ratio(key, fold(place.name)) >= 70


def _row(m: "_Mention") -> PlaceMention:
    p = m.place
    if p is None:
        return PlaceMention(m.start, m.end, None, "place")
    return PlaceMention(m.start, m.end, p.name, p.feature, p.country, p.lat, p.lon, p.geonameid, m.how)


@dataclass
class _Mention:
    i: int                          # first token
    j: int                          # one past the last token
    start: int                      # character offsets of the name as written
    end: int
    options: list[tuple[Place, str]]
    sure: bool                      # the parse or a pattern says it is a place: kept even when not found
    source: str                     # dateline, route, entity, place word, organisation, person, nationality, scan
    cue: bool = False               # a word around it says it is a place
    place: Place | None = None
    how: str = "not found"
    accepted: bool = False
    locative: bool = False          # a preposition of place before it
    speaker: bool = False           # the subject of a verb of saying
    name_key: str = ""              # the folded name: all mentions of one name get one place
    from_alias: bool = False        # an alias file lists the name: someone wrote it down as a place


class _Finder:
    """The place mentions of one Doc."""

    def __init__(self, doc, index: _Index):
        self.doc = doc
        self.text = doc.text
        self.index = index
        self.toks = list(doc)
        self.n = len(self.toks)
        self.used = [False] * self.n       # in a mention already
        self.blocked = [False] * self.n    # inside a name that is not a place's
        self.mentions: list[_Mention] = []
        self.person_words = self._person_words()

    # -- the steps ---------------------------------------------------------------------------------

    def run(self, dateline: str | None) -> list[_Mention]:
        self._dateline(dateline)
        self._line_datelines()
        self._routes()
        self._place_words()
        self._kinds_of()
        self._entities()
        self._scan()
        self._cues()
        self._resolve()
        self._accept()
        return sorted((m for m in self.mentions if m.accepted), key=lambda m: (m.start, m.end))

    # -- helpers -----------------------------------------------------------------------------------

    def _person_words(self) -> set[str]:
        """Words of the people the article names in full ("Recep Tayyip Erdogan"): alone, later,
        such a word is the person ("Erdogan said"), whatever town shares it."""
        words = set()
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            # after a preposition only places take ("the water level in Novaya Kakhovka") the small
            # model's person is a place's name: its words are nobody's surname ("Kakhovka dam")
            # (not a possessive: "in Mary Smith's district" is hers)
            if ent.start > 0 and self.doc[ent.start - 1].lower_ in _INSIDE and not any(
                    t.text in _POSSESSIVE for t in self.doc[ent.start:min(ent.end + 1, len(self.doc))]):
                continue
            run: list = []  # runs of proper nouns: "Stephen Russell's Dave Allen" is two people
            for t in list(ent) + [None]:
                if t is not None and t.tag_ in _PROPER_TAGS:
                    run.append(t)
                    continue
                if len(run) >= 2 and not any(x.lower_ in _ORG_HEADS for x in run):
                    words.update(fold(x.text) for x in run)
                run = []
        # A country's, region's or capital's name is not taken for a surname ("Abuja Chamber of
        # Commerce" is a PERSON to the small model); a big town's may be one ("Chen", "Tyler").
        return {w for w in words if not any(p.feature in ("country", "region") or p.capital
                                            for p, _ in self.index.options(w, strip=False))}

    def _add(self, i: int, j: int, options, sure: bool, source: str) -> _Mention | None:
        """A mention of tokens i..j-1, unless one of them is taken."""
        if i >= j or any(self.used[i:j]):
            return None
        start, end = self.toks[i].idx, self.toks[j - 1].idx + len(self.toks[j - 1].text)
        text = self.text[start:end]
        area = any(p.feature in ("country", "region") for p, _ in options)
        if source != "dateline" and not area:
            # An acronym names an organisation, unless it is a country's ("US", "UAE") or a big
            # town's in capitals that the parse calls a place ("BEIRUT:" opening a text).
            big = source == "entity" and any(how != "alternate name" and (p.capital or p.population >= 100_000)
                                             for p, how in options)
            if _acronym(text) and len(text) <= 6 and not big:
                return None
            if sum(ch.isalpha() for ch in text) < 3 or self._named_storm(i):
                return None
        m = _Mention(i, j, start, end, options, sure, source)
        m.name_key = fold(self.text[start:end])
        m.from_alias = self.index.aliased(m.name_key)
        for k in range(i, j):
            self.used[k] = True
        self.mentions.append(m)
        return m

    def _cap(self, k: int) -> bool:
        t = self.toks[k].text
        return t[:1].isupper() and any(ch.isalpha() for ch in t)

    def _trim(self, i: int, j: int) -> tuple[int, int, bool]:
        """Leave out a leading determiner or punctuation and a trailing possessive; say whether
        there was one."""
        while i < j and (self.toks[i].lower_ in _DETERMINERS or not _has_alnum(self.toks[i].text)):
            i += 1
        possessive = False
        while j > i and (self.toks[j - 1].text in _POSSESSIVE or not _has_alnum(self.toks[j - 1].text)):
            possessive = possessive or self.toks[j - 1].text in _POSSESSIVE
            j -= 1
        return i, j, possessive

    def _span(self, i: int, j: int) -> str:
        return self.text[self.toks[i].idx:self.toks[j - 1].idx + len(self.toks[j - 1].text)]

    def _word(self, k: int) -> str:
        return self.toks[k].lower_ if 0 <= k < self.n else ""

    def _tight_hyphen(self, k: int) -> bool:
        """Token k is a hyphen written without spaces ("Nagorno-Karabakh")."""
        return (0 < k < self.n - 1 and self.toks[k].text in _HYPHENS and not self.toks[k - 1].whitespace_
                and not self.toks[k].whitespace_)

    def _hyphen_parts(self, i: int, j: int) -> list[tuple[int, int]]:
        """Tokens i..j-1 cut at hyphens written without spaces ("Armenia-Azerbaijan")."""
        parts, first = [], i
        for k in range(i, j):
            t = self.toks[k]
            if t.text in _HYPHENS and k > i and not self.toks[k - 1].whitespace_ and not t.whitespace_:
                parts.append((first, k))
                first = k + 1
        parts.append((first, j))
        return [(a, b) for a, b in parts if a < b]

    def _org_follows(self, j: int) -> bool:
        """A capitalised organisation head after the name ("Azerbaijan Army", "Beirut Fire
        Brigade" has one two words on), so the name is part of an organisation's name."""
        for k in range(j, min(j + 3, self.n)):
            t = self.toks[k]
            if not self._cap(k):
                return False
            if t.lower_ in _ORG_HEADS:
                return True
        return False

    def _in_name_before(self, i: int) -> bool:
        """The name ends an organisation's name or a title: "[Ministry of Defense] of Azerbaijan",
        "[President] of Azerbaijan", "[Fund] for Lebanon"."""
        k = i - 1
        if k >= 0 and self.toks[k].lower_ == "the":
            k -= 1
        if k < 1 or self.toks[k].lower_ not in ("of", "for"):
            return False
        prev = self.toks[k - 1]
        if not self._cap(k - 1):
            return False
        return prev.ent_type_ == "ORG" or prev.lower_ in _TITLES or prev.lower_ in _ORG_HEADS

    def _currency_follows(self, j: int) -> bool:
        return self._word(j) in _CURRENCY

    def _named_storm(self, i: int) -> bool:
        """'Hurricane Maria', 'Typhoon Haiyan': a storm's name, whatever town shares it."""
        return self._word(i - 1) in _STORMS and self._cap(i - 1)

    def _in_longer_name(self, i: int, j: int) -> bool:
        """A capitalised proper noun right before or after, outside any mention: the name is part of
        a longer one ("Lombard Odier", "Aston Villa", "Ford Focus")."""
        for k in (i - 1, j):
            if 0 <= k < self.n and not self.used[k] and self._cap(k) and self.toks[k].tag_ in _PROPER_TAGS \
                    and not (k == i - 1 and self.toks[i].is_sent_start) and self._word(k) not in _PLACE_WORDS \
                    and self._word(k) not in _FEATURE_WORDS and "\n" not in self.text[self.toks[min(k, i)].idx:self.toks[max(k, j - 1)].idx]:
                return True
        return False

    # -- 1. the dateline ---------------------------------------------------------------------------

    def _dateline(self, dateline: str | None) -> None:
        """The dateline's places where the text opens with them ("ANTAKYA, Turkey --"). A part the
        gazetteer does not know stays a place when another part is known ("TAGHAVERD, Azerbaijan")
        or the parse names it one: ingest finds datelines by their form, which a capitalised
        heading can share ("ORIGINAL STORY")."""
        if not dateline:
            return
        at = self.text.find(dateline)
        if at < 0:
            return
        parts = []
        for part in dateline.split(","):
            part = part.strip()
            s = self.text.find(part, at) if part else -1
            i = next((k for k, t in enumerate(self.toks) if t.idx == s), None) if s >= 0 else None
            if i is None:
                continue
            j = i
            while j < self.n and self.toks[j].idx < s + len(part):
                j += 1
            parts.append((i, j, self.index.options(part)))
        known = any(options for _, _, options in parts)
        for i, j, options in parts:
            if options or known or any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in self.toks[i:j]):
                m = self._add(i, j, options, True, "dateline")
                if m:
                    m.cue = True

    def _line_datelines(self) -> None:
        """Datelines ingest did not pass in: a line that opens with a known place's name in
        capitals and then a comma, colon, dash or bracket ("BEIRUT: ...", "SAN DIEGO (AP) -")."""
        for i, t in enumerate(self.toks):
            if not (i == 0 or "\n" in self.toks[i - 1].text or "\n" in self.text[self.toks[i - 1].idx:t.idx]):
                continue
            j = i
            while j < self.n and j < i + 3 and self.toks[j].text.isupper() and self.toks[j].text.isalpha():
                j += 1
            if j == i or j >= self.n or self.toks[j].text not in (",", ":", "–", "—", "-", "(", "--"):
                continue
            text = self._span(i, j)
            options = [o for o in self.index.options(text, strip=False) if o[1] != "alternate name"
                       or _own_name(fold(text), o[0], o[1])]
            if sum(ch.isalpha() for ch in text) >= 3 and options:
                m = self._add(i, j, options, True, "dateline")
                if m:
                    m.cue = True

    # -- 2. routes ---------------------------------------------------------------------------------

    def _routes(self) -> None:
        """A hyphenated chain of capitalised names, at least one a known place, then a route word:
        the road is the place, its towns are part of its name."""
        k = 0
        while k < self.n:
            if not (self._cap(k) and self._word(k) not in _DETERMINERS):
                k += 1
                continue
            j, names = k + 1, [(k, k + 1)]
            while (j + 1 < self.n and self.toks[j].text in _HYPHENS and not self.toks[j - 1].whitespace_
                   and not self.toks[j].whitespace_ and self._cap(j + 1)):
                names.append((j + 1, j + 2))
                j += 2
            if len(names) >= 2 and self._word(j) in _ROUTE_WORDS and any(
                    self.index.options(self.toks[a].text, strip=False) for a, _ in names):
                self._add(k, j + 1, [], True, "route")
                k = j + 1
            else:
                k += 1

    # -- 3. entities -------------------------------------------------------------------------------

    def _entities(self) -> None:
        for ent in self.doc.ents:
            label = ent.label_
            i, j, possessive = self._trim(ent.start, ent.end)
            if i >= j or any(self.used[i:j]):
                continue
            if label in _NOT_PLACE_LABELS:
                self._block(ent.start, ent.end)
            elif label in ("GPE", "LOC", "FAC"):
                self._place_entity(i, j)
            elif label == "ORG":
                self._org_entity(ent.start, ent.end, i, j, possessive)
            elif label == "PERSON":
                self._person_entity(i, j)
            elif label == "NORP":
                self._nationality_entity(i, j)
            elif label == "EVENT":
                self._event_entity(i, j)

    def _block(self, i: int, j: int) -> None:
        for k in range(i, j):
            self.blocked[k] = True

    def _place_entity(self, i: int, j: int) -> None:
        """GPE, LOC, FAC: a place, found or not; a happening named after a place gives the place."""
        if self._word(j - 1) in _EVENT_WORDS:
            self._event_entity(i, j)
            return
        if not any(self._cap(k) for k in range(i, j)) or self._in_name_before(i) or self._org_follows(j):
            return
        if self._currency_follows(j):
            return
        if j - i == 1 and fold(self.toks[i].text) in self.person_words:
            options = self.index.options(self.toks[i].text)
            if not any(p.feature in ("country", "region") for p, _ in options):
                return
        if self.index.is_demonym(self._span(i, j)) and not self.index.options(self._span(i, j)):
            return
        self._named(i, j, sure=True, source="entity")

    def _named(self, i: int, j: int, sure: bool, source: str) -> None:
        """A name that may be a place, or a hyphenated pair of them ("Armenia-Azerbaijan"); an
        entity over a comma is two places ("Thruxton, Hampshire")."""
        comma = next((k for k in range(i + 1, j - 1) if self.toks[k].text == ","), None)
        if comma is not None:
            self._named(i, comma, sure, source)
            a, b, _ = self._trim(comma + 1, j)
            if a < b:
                self._named(a, b, sure, source)
            return
        options = self.index.options(self._span(i, j))
        parts = self._hyphen_parts(i, j)
        if not options and len(parts) > 1:
            found = [(a, b, self.index.options(self._span(a, b))) for a, b in parts]
            if all(o for _, _, o in found):
                for a, b, o in found:
                    self._add(a, b, o, False, source)
                return
        self._add(i, j, options, sure, source)

    def _org_entity(self, ent_i: int, ent_j: int, i: int, j: int, possessive: bool) -> None:
        """An ORG entity is a place when the whole name is one ("Nagorno-Karabakh", "Aghdam"),
        or ends in a capitalised place word ("the Karabakh Economic Region"); a name with "'s"
        inside gives the possessor ("Azerbaijan's Ministry of Defense"). Otherwise its words are an
        organisation's name and none of them is a place."""
        text = self._span(i, j)
        if (self._word(j - 1) in _NAME_PLACE_WORDS | _FEATURE_WORDS and self._cap(j - 1) and j - i >= 2
                and not self._org_follows(ent_j)):
            self._named(i, j, sure=True, source="entity")
            return
        if self.index.options(text) or (len(self._hyphen_parts(i, j)) > 1 and all(
                self.index.options(self._span(a, b)) for a, b in self._hyphen_parts(i, j))):
            if not self._org_follows(j) and not self._in_name_before(i) and self._plausible(i, j):
                self._named(i, j, sure=False, source="organisation")
                return
        for k in range(i, j):
            if self.toks[k].text in _POSSESSIVE and k > i:
                a = k
                while a > i and self._cap(a - 1) and self.toks[a - 1].text not in _POSSESSIVE:
                    a -= 1
                if a < k and self.index.options(self._span(a, k)):
                    self._add(a, k, self.index.options(self._span(a, k)), False, "organisation")
        self._block(ent_i, ent_j)

    def _person_entity(self, i: int, j: int) -> None:
        """A PERSON entity that is a known place and no one's name here ("Kilis", "Shusha"), or
        a feature's name ("Royal Street")."""
        text = self._span(i, j)
        if self._word(j - 1) in _FEATURE_WORDS and self._cap(j - 1) and j - i >= 2:
            self._named(i, j, sure=True, source="entity")
            return
        options = self.index.options(text)
        if options and self._plausible(i, j) and not (j - i == 1 and fold(text) in self.person_words):
            self._add(i, j, options, False, "person")
        elif j - i < 4:
            self._block(i, j)  # a long PERSON entity is a misread headline: the scan may look inside

    def _nationality_entity(self, i: int, j: int) -> None:
        """NORP is a nationality, except a known place's name the model took for one ("Erzincan")."""
        text = self._span(i, j)
        options = self.index.options(text, strip=False)
        # The model tags some unknown names as adjectives ("Erzincan/JJ earthquake"); a demonym
        # is told apart by its form, not its tag.
        if (options and self._plausible(i, j, tags=_PROPER_TAGS | {"JJ"}) and not self.index.is_demonym(text)
                and all(self.toks[k].tag_ not in ("NNPS", "NNS") for k in range(i, j))):
            self._add(i, j, options, False, "nationality")
        else:
            self._block(i, j)

    def _event_entity(self, i: int, j: int) -> None:
        """A happening's name: the place it is named after ("the Erzincan earthquake")."""
        k = i
        while k < j and not self._cap(k):
            k += 1
        e = k
        while e < j and self._cap(e) and self._word(e) not in _EVENT_WORDS:
            e += 1
        if self._word(e) not in _EVENT_WORDS:
            return  # not named after a place ("The War on Drugs", "Easter Vigil")
        options = [o for o in self.index.options(self._span(k, e)) if o[1] != "alternate name"]
        if k < e and options and self._plausible(k, e):
            m = self._add(k, e, options, False, "event")
            if m:
                m.cue = True

    def _plausible(self, i: int, j: int, tags=_PROPER_TAGS) -> bool:
        """The least a name needs: capitalised, a proper noun, three letters, not a month."""
        text = self._span(i, j)
        letters = sum(ch.isalpha() for ch in text)
        return (letters >= 3 and self._cap(i) and self._cap(j - 1)
                and any(self.toks[k].tag_ in tags for k in range(i, j))
                and fold(text) not in _NEVER)

    # -- 4. names before a place word --------------------------------------------------------------

    def _place_words(self) -> None:
        """A capitalised proper noun before a kind of place ("the Taghaverd village", "Pazarcik
        district", "Gaziantep, Adana and Kilis provinces" is handled as a list later)."""
        for k in range(self.n):
            w = self._word(k)
            if w not in _PLACE_WORDS or self._cap(k):
                continue
            j = k
            if self._word(j - 1) in _PLACE_WORD_MODIFIERS:
                j -= 1
            i = j
            # The model tags some unknown names as adjectives ("Zelvorak/JJ village"); demonyms
            # and the like are told apart by their form below.
            while i > 0 and i > j - 5 and not self.used[i - 1] and not (i - 1 > 0 and self.toks[i - 1].is_sent_start) \
                    and ((self._cap(i - 1) and self.toks[i - 1].tag_ in _PROPER_TAGS | {"JJ"})
                         or (i < j and self._tight_hyphen(i - 1) and self._cap(i - 2))):
                i -= 1
            if i == j or self.toks[i].is_sent_start and self.toks[i].is_stop:
                continue
            if self.toks[i].ent_type_ == "ORG" and self.toks[i].ent_iob_ == "I" and self._word(i - 1) != "the":
                continue  # the end of an organisation's name ("the Suez Canal Authority area")
            text = self._span(i, j)
            key = fold(text)
            if key in _NEVER or self.index.is_demonym(text) or key in self.person_words or self._in_name_before(i):
                continue
            options = self.index.options(text)
            # Unknown to the gazetteer, it must be one place of an administrative kind ("the
            # Taghaverd village"), not a community's ("the Sikh area", "Alawite villages").
            if not options and (w not in _ADMIN_WORDS or key.split()[-1] in _COMMUNITIES
                                or key.endswith(("ite", "ish", "ese", "ian", "ans"))):
                continue
            m = self._add(i, j, options, True, "place word")
            if m:
                m.cue = True

    def _kinds_of(self) -> None:
        """Names after "the village of", "the districts of" ("the villages of Ashan and
        Sarnaghbyur"): places, in the gazetteer or not."""
        for k in range(self.n - 2):
            if self._word(k) not in _ADMIN_WORDS | _ADMIN_PLURALS or self._cap(k) or self._word(k + 1) != "of":
                continue
            i = k + 2
            while i < self.n:
                j = i
                while j < self.n and j < i + 5 and not self.used[j] and (
                        (self._cap(j) and self.toks[j].tag_ in _PROPER_TAGS | {"JJ"})
                        or (j > i and self._tight_hyphen(j) and self._cap(j + 1))):
                    j += 1
                if j == i:
                    break
                text = self._span(i, j)
                key = fold(text)
                if (key in _NEVER or self.index.is_demonym(text) or key in self.person_words
                        or key.split()[-1] in _COMMUNITIES or self._org_follows(j)):
                    break
                m = self._add(i, j, self.index.options(text), True, "place word")
                if m:
                    m.cue = True
                if self._word(j) == "," and self._word(j + 1) == "and":
                    i = j + 2
                elif self._word(j) in (",", "and"):
                    i = j + 1
                else:
                    break

    # -- 5. the gazetteer scan ---------------------------------------------------------------------

    def _scan(self) -> None:
        """Capitalised word runs the gazetteer or alias file knows, longest first."""
        longest = min(self.index.gaz.max_words * 2, 9)
        k = 0
        while k < self.n:
            if self.used[k] or self.blocked[k] or not self._cap(k) or self._word(k) in _CONNECTORS:
                k += 1
                continue
            for j in range(min(self.n, k + longest), k, -1):
                if not self._scannable(k, j):
                    continue
                text = self._span(k, j)
                options = self.index.options(text, strip=False)
                if options and self._plausible(k, j) and not self._excluded(k, j, text):
                    self._add(k, j, options, False, "scan")
                    k = j - 1
                    break
            k += 1

    def _scannable(self, i: int, j: int) -> bool:
        """Tokens i..j-1 can be one name: free, in one sentence, capitalised at both ends, with only
        capitalised words, connectors ("of", "de") and tight hyphens or dots between."""
        if not self._cap(j - 1):
            return False
        for k in range(i, j):
            t = self.toks[k]
            if self.used[k] or self.blocked[k] or (k > i and t.is_sent_start) or "\n" in t.text:
                return False
            if k in (i, j - 1) or self._cap(k) or t.lower_ in _CONNECTORS:
                continue
            if t.text in _HYPHENS or t.text == ".":
                continue
            return False
        return True

    def _excluded(self, i: int, j: int, text: str) -> bool:
        """What a known name must not be: a sentence-initial common word, a person of the article,
        a nationality, part of an organisation's name or title, a country before a currency."""
        key = fold(text)
        first = self.toks[i]
        if j - i == 1 and (first.is_stop or first.tag_ not in _PROPER_TAGS
                           or key in _TITLES or key in _ORG_HEADS or key in _PLACE_WORDS or key in _FEATURE_WORDS):
            return True
        if key in self.person_words or self.index.is_demonym(text):
            return True
        if text.isupper() and len(text) <= 5 and not any(p.feature == "country" for p, _ in self.index.options(text)):
            return True  # an acronym: a country's ("US", "UK") or nothing
        return self._org_follows(j) or self._in_name_before(i) or self._currency_follows(j)

    # -- cues --------------------------------------------------------------------------------------

    def _cues(self) -> None:
        """Words around a mention that say it is a place. Strong (`cue`): a place word or disaster
        after ("Pazarcik district", "the Erzincan earthquake") or in apposition after ("Bilozerka,
        a town on the Dnipro"), "the city of" or "capital" before, "-based" after. Weaker
        (`locative`): a preposition of place before ("in Lachin"), which people and organisations
        take too ("told Congress", "at Moody's"), so it does not count before a possessive or for
        the subject of a verb of saying ("said Noma")."""
        for m in self.mentions:
            before = m.i - 1
            if self._word(before) == "the":
                before -= 1
            after = m.j
            if self._word(after) in _PLACE_WORD_MODIFIERS:
                after += 1
            if (self._word(after) in _PLACE_WORDS | _EVENT_WORDS or self._apposed_place_word(m.j)
                    or (self._word(before) == "of" and self._word(before - 1) in _PLACE_WORDS)
                    or self._word(before) in ("capital", "city", "town", "village", "port")
                    or (self._word(after) in _HYPHENS and self._word(after + 1) == "based")):
                m.cue = True
            m.speaker = any(t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ in _SAY for t in self.toks[m.i:m.j])
            if (self._word(before) in _LOCATIVE and self.toks[m.j - 1].text not in _POSSESSIVE
                    and self._word(m.j) not in _POSSESSIVE and not m.speaker):
                m.locative = True

    def _apposed_place_word(self, k: int) -> bool:
        """A place word in apposition after a name: "Bilozerka, a town on the Dnipro", "Kherson,
        the regional capital" (a comma, an article, at most two adjectives, a singular kind of
        place)."""
        if self._word(k) != ",":
            return False
        k += 1
        if self._word(k) in ("a", "an", "the"):
            k += 1
        for _ in range(2):
            if k < self.n and self.toks[k].pos_ == "ADJ":
                k += 1
        # ... the head of its phrase, not a modifier ("Tyler, the city manager")
        return self._word(k) in _ADMIN_WORDS | {"capital", "port", "suburb", "neighbourhood", "neighborhood"} \
            and not (k + 1 < self.n and self.toks[k + 1].pos_ in ("NOUN", "PROPN"))

    # -- resolving ---------------------------------------------------------------------------------

    def _resolve(self) -> None:
        """Settle every name: one option is that place; several go to the one nearest the article's
        other places, or else to the most prominent. The other places are first the unambiguous
        ones the text vouches for, then also the first choices for the other ambiguous names that
        are sure enough (a capital, or one near those), so "Tripoli" beside "Beirut", itself the
        name of two places, is Tripoli in Lebanon."""
        by_key: dict[str, list[_Mention]] = {}
        for m in self.mentions:
            by_key.setdefault(m.name_key, []).append(m)
        options = {key: _distinct(ms[0].options) for key, ms in by_key.items()}
        settled = {key: opts[0] for key, opts in options.items() if len(opts) == 1
                   and any(m.sure or m.cue or m.locative or m.from_alias for m in by_key[key])}
        ambiguous = [key for key, opts in options.items() if len(opts) > 1]
        first = {key: _choose(options[key], [p for p, _ in settled.values()], key) for key in ambiguous}
        for key in ambiguous:
            context = [p for p, _ in settled.values()] + [p for k, (p, how) in first.items() if k != key and (
                prominence(p)[0] <= 2 or how.startswith("nearest"))]
            settled[key] = _choose(options[key], context, key)
        for key, ms in by_key.items():
            place, how = settled.get(key) or (options[key][0] if options[key] else (None, "not found"))
            for m in ms:
                m.place, m.how = place, how

    def _accept(self) -> None:
        """Keep what the parse or a pattern names a place, and the other mentions something vouches
        for; then lists, then every mention of an accepted name."""
        anchors = [m.place for m in self.mentions if m.sure and m.place is not None and m.place.feature == "city"]
        for m in self.mentions:
            m.accepted = self._vouched(m, anchors)
        for m in self.mentions:  # "Rotterdam [in the Netherlands]", "Riverdale, New Jersey"
            if not m.accepted and self._contained(m):
                m.accepted = True
        self._lists()
        # A name the article makes say things, where the parse took it for a person or did not tag
        # it, is a person ("Noma said", "said Erdogan"), whatever else a mention of it looks like;
        # not a country's, a region's or a capital's, which speak for their government ("what
        # Kyiv said", the small model's person), as they are no surname (`_person_words`).
        people = {m.name_key for m in self.mentions if m.speaker and m.source in ("person", "scan")}
        for m in self.mentions:
            if m.name_key in people and not (m.place and (m.place.feature in ("country", "region")
                                                          or m.place.capital)):
                m.accepted = False
        accepted = {m.name_key for m in self.mentions if m.accepted}
        for m in self.mentions:
            if m.name_key in accepted and (m.place is not None or m.sure) and not m.speaker:
                m.accepted = True

    def _vouched(self, m: _Mention, anchors: list[Place]) -> bool:
        p = m.place
        if m.source in ("dateline", "route", "place word"):
            return True
        if m.sure:  # an entity of the parse
            if p is not None or m.cue:
                return True
            # Not in the gazetteer: a name of several words with a feature or compass word or a
            # known place in it ("Hatay Airport", "West Bengal"); one word needs a cue or a list.
            words = [self._word(k) for k in range(m.i, m.j) if _has_alnum(self.toks[k].text)]
            return len(words) > 1 and (any(w in _FEATURE_WORDS or w in _COMPASS for w in words)
                                       or any(self.index.options(self.toks[k].text, strip=False)
                                              and self.toks[k].tag_ in _PROPER_TAGS
                                              and any(q.feature in ("country", "region") or q.population >= 100_000
                                                      for q, _ in self.index.options(self.toks[k].text, strip=False))
                                              for k in range(m.i, m.j)))
        if p is None:
            return False
        if m.from_alias or p.feature in ("country", "region"):
            return True
        if self._in_longer_name(m.i, m.j):
            return False
        if m.cue:
            return True
        # A town's own name, not one of the alternate names GeoNames collects (some are odd: "White
        # House" for Guntersville, Alabama), and nobody's name or a word of titles.
        own = _own_name(m.name_key, p, m.how) and not (m.j - m.i == 1 and self._word(m.i) in _TITLES | _ORG_HEADS)
        if m.source in ("organisation", "person", "nationality"):
            # The model called it something else: a preposition that only places take must
            # outweigh that ("in Riverdale", not "to Allen" or "from Congress"), or the name must
            # be a capital or a city of a million that is nobody's name here ("troops entered
            # Kharkiv", which the small model tags as a person).
            if own and not m.speaker and m.source == "person" and (p.capital or p.population >= 1_000_000):
                return True
            return m.locative and own and self._word(m.i - 1) in _INSIDE
        if m.locative:
            return True
        if own and not m.speaker and any(km(p, a) <= 150 for a in anchors):
            return True
        return m.source == "scan" and own and not m.speaker and (p.capital or p.population >= 1_000_000)

    def _contained(self, m: _Mention) -> bool:
        """The mention is followed by a country or region it lies in: "Rotterdam [in the
        Netherlands]", "Riverdale, New Jersey", "Antakya (Turkey)"."""
        if m.place is None:
            return False
        after = next((x for x in self.mentions if x.start >= m.end and x.accepted), None)
        if after is None or after.place is None or after.place.feature not in ("country", "region"):
            return False
        between = self.text[m.end:after.start].strip(" \t,([").lower().split()
        if not all(w in ("in", "the", "of") or w in _COMPASS for w in between):
            return False
        q = after.place
        return m.place.country == q.country and (q.feature == "country" or not q.admin1 or m.place.admin1 == q.admin1)

    def _lists(self) -> None:
        """Mentions joined by commas and "and"/"or" share their fate: one accepted accepts all the
        list's known names ("Gaziantep, Sanliurfa, Diyarbakir ... and Kilis provinces")."""
        ordered = sorted(self.mentions, key=lambda m: m.start)
        groups, current = [], [ordered[0]] if ordered else []
        for a, b in zip(ordered, ordered[1:]):
            between = self.text[a.end:b.start].strip().lower()
            if between in (",", "and", "or", ", and", ", or", "&", "/"):
                current.append(b)
            else:
                groups.append(current)
                current = [b]
        if current:
            groups.append(current)
        for group in groups:
            # Two names and a comma are as often a name and its apposition ("Hope, Africa's tip").
            joined = any(self.text[a.end:b.start].strip().lower().endswith(("and", "or", "&"))
                         for a, b in zip(group, group[1:]))
            if (len(group) > 2 or joined) and any(m.accepted for m in group):
                for m in group:
                    if m.place is not None:
                        m.accepted = True


def _distinct(options: list[tuple[Place, str]]) -> list[tuple[Place, str]]:
    """One option per place (a name may list a place twice); a country's name means the country,
    not a town named after it ("Lebanon", not Lebanon, Pennsylvania)."""
    seen, out = set(), []
    for p, how in options:
        ident = p.geonameid if p.geonameid is not None else (p.name, p.lat, p.lon)
        if ident not in seen:
            seen.add(ident)
            out.append((p, how))
    if any(p.feature == "country" for p, _ in out):
        out = [(p, how) for p, how in out if p.feature != "city"]
    return out


_NEAR_KM = 400.0        # a candidate this near the article's other places is the one meant ...
_MAJOR_NEAR_KM = 100.0  # ... but a country, capital or city of a million yields only to one this
_MAJOR_IN_COUNTRY_KM = 300.0  # near a named town, or this near one in a country the article names
_ALTERNATE_NEAR_KM = 100.0    # a town known by the name only as an alternate must be this near
_TIE_KM = 20.0                # candidates this much farther than the nearest are as near: prominence decides


def _rank(option: tuple[Place, str]) -> tuple:
    """Prominence, a place's own name before an alternate name GeoNames lists for it ("Kent" the
    town before Kentland, whose alternate name it is), then population."""
    p, how = option
    rank, pop, gid = prominence(p)
    return (rank, how == "alternate name", pop, gid)


def _distance(p: Place, context: list[Place], towns_only: bool = False) -> float:
    """How far p lies from the article's other places: 0 inside a country or US state the article
    names (not with towns_only), else kilometres to the nearest named town or region (country points
    are too rough for distances)."""
    best = float("inf")
    for c in context:
        if c is p or (c.geonameid is not None and c.geonameid == p.geonameid):
            continue
        if c.feature == "country":
            if p.country == c.country and p.feature != "country" and not towns_only:
                return 0.0
            continue
        if c.feature == "region" and c.admin1 and p.country == c.country and p.admin1 == c.admin1:
            return 0.0
        best = min(best, km(p, c))
    return best


def _choose(options: list[tuple[Place, str]], context: list[Place], key: str = "") -> tuple[Place, str]:
    """The candidate near the article's other places, else the most prominent. A country, capital
    or city of a million keeps its name against a homonym that is merely in a country the article
    names ("London" in an article about Kentucky is London): only a homonym within 100 km of a town
    the article names, or within 300 km of one in a named country, takes it ("Tripoli" beside Beirut
    and Lebanon is Tripoli, Lebanon)."""
    top = min(options, key=_rank)
    if prominence(top[0])[0] <= 2:
        countries = {c.country for c in context if c.feature == "country"}
        near = []
        for p, how in options:
            d = _distance(p, context, towns_only=True)
            if d <= _MAJOR_NEAR_KM or (d <= _MAJOR_IN_COUNTRY_KM and p.country in countries):
                near.append((d, _rank((p, how)), p))
        if near and min(near)[2] is not top[0]:
            return min(near)[2], f"nearest of {len(options)}"
        return top
    # A town that GeoNames lists under this name as one of its other names ("Martuni" for
    # Khojavend, but also "Kent" for Kentland, Indiana, and "California" for Califon, New Jersey)
    # is meant only when it is right beside the article's places (and nearer than the places whose
    # own name it is), and none of those is prominent (a region, or a town of 100,000).
    own = [p for p, how in options if how != "alternate name"]
    own_wins = any(p.feature in ("country", "region") or p.population >= 100_000 for p in own)
    scored = []
    for p, how in options:
        d = _distance(p, context)
        if own and how == "alternate name" and not _own_name(key, p, how) and (
                own_wins or _distance(p, context, towns_only=True) > _ALTERNATE_NEAR_KM):
            d = float("inf")
        scored.append((d, _rank((p, how)), p, how))
    scored.sort(key=lambda x: (x[0], x[1]))
    d = scored[0][0]
    if d <= _NEAR_KM:
        _, _, place, _ = min((x for x in scored if x[0] <= d + _TIE_KM), key=lambda x: x[1])
        return place, f"nearest of {len(options)}"
    return top
