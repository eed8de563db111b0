"""Normalised names: what two forms of one speaker's name have in common.

A person's key is their name without titles ("Colonel Anar Eyvazov" -> "anar eyvazov"); an
organisation's key is the set of its content words with spelling variants unified and the
country said the same way whichever form the article used, so "Azerbaijan's Ministry of Defense",
"Ministry of Defence of Azerbaijan" and "the Azerbaijani Defense Ministry" share one key.
"""
from __future__ import annotations

import re
import unicodedata

from .lexicon import TITLES

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

# British and American spellings, and abbreviations, that name the same thing.
_SPELLING = {"defence": "defense", "centre": "center", "organisation": "organization", "programme": "program",
             "labour": "labor", "mod": "defense", "mfa": "foreign", "govt": "government"}

# Country adjectives and other names of a country, to the country: "Azerbaijani" and "Azerbaijan"
# give one key. Data, not rules, because stems fail ("French" is not "Franc-", "Dutch").
COUNTRIES = {
    "french": "france", "british": "britain", "english": "england", "dutch": "netherlands",
    "swiss": "switzerland", "greek": "greece", "turkish": "turkey", "türkiye": "turkey", "turkiye": "turkey",
    "danish": "denmark", "swedish": "sweden", "finnish": "finland", "polish": "poland",
    "spanish": "spain", "irish": "ireland", "scottish": "scotland", "welsh": "wales",
    "american": "us", "america": "us", "usa": "us", "u.s.": "us", "u.s": "us",
    "uk": "britain", "emirati": "uae", "saudi": "saudi arabia", "filipino": "philippines",
    "philippine": "philippines", "thai": "thailand", "chinese": "china", "japanese": "japan",
    "vietnamese": "vietnam", "lebanese": "lebanon", "sudanese": "sudan", "pakistani": "pakistan",
    "bangladeshi": "bangladesh", "afghan": "afghanistan", "kazakh": "kazakhstan", "uzbek": "uzbekistan",
    "tajik": "tajikistan", "kyrgyz": "kyrgyzstan", "iraqi": "iraq", "israeli": "israel",
    "kuwaiti": "kuwait", "qatari": "qatar", "yemeni": "yemen", "omani": "oman", "somali": "somalia",
    "ukrainian": "ukraine", "russian": "russia", "syrian": "syria", "egyptian": "egypt",
    "iranian": "iran", "armenian": "armenia", "azerbaijani": "azerbaijan", "azeri": "azerbaijan",
    "georgian": "georgia", "german": "germany", "italian": "italy", "indian": "india",
    "indonesian": "indonesia", "nigerian": "nigeria", "ethiopian": "ethiopia", "kenyan": "kenya",
    "libyan": "libya", "tunisian": "tunisia", "algerian": "algeria", "moroccan": "morocco",
    "jordanian": "jordan", "palestinian": "palestine", "canadian": "canada", "australian": "australia",
    "brazilian": "brazil", "mexican": "mexico", "korean": "korea", "belarusian": "belarus",
    "moldovan": "moldova", "romanian": "romania", "bulgarian": "bulgaria", "serbian": "serbia",
    "croatian": "croatia", "hungarian": "hungary", "czech": "czechia", "slovak": "slovakia",
    "austrian": "austria", "belgian": "belgium", "norwegian": "norway", "estonian": "estonia",
    "latvian": "latvia", "lithuanian": "lithuania", "cypriot": "cyprus", "maltese": "malta",
    "portuguese": "portugal", "nepali": "nepal", "burmese": "myanmar",
    "malaysian": "malaysia", "singaporean": "singapore", "emiratis": "uae",
}

# Words that carry no identity in an organisation's name.
_STOP = frozenset("the of and for on in at to a an 's ’s s".split())


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("’", "'").replace("‘", "'")
    return text.lower()


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(text))]


def _norm_word(w: str) -> str:
    if w.endswith("'s"):
        w = w[:-2]
    w = _SPELLING.get(w, w)
    return COUNTRIES.get(w, w)


_COUNTRY_NAMES = frozenset(COUNTRIES.values())


def is_place_word(word: str) -> bool:
    """A country, its capital or its adjective ("Azerbaijani", "Lebanon", "Yerevan", "Kyiv"), which
    is never a person's name: "he" after "Kyiv said" is not Kyiv."""
    from .countries import is_country_word  # GeoNames, read once on first use

    w = fold(word).strip()
    return w in COUNTRIES or w in _COUNTRY_NAMES or is_country_word(w)


def org_key(name: str) -> frozenset[str]:
    """The content words of an organisation's name, spelling and country form unified."""
    return frozenset(_norm_word(w) for w in words(name) if w not in _STOP and _norm_word(w) not in _STOP)


_GRADES = frozenset("senior junior acting chief deputy assistant principal".split())


def strip_titles(name: str) -> str:
    """A person's name without leading titles and honorifics ("Colonel Anar Eyvazov" -> "Anar
    Eyvazov"), a title written as an acronym among them ("USG Martin Griffiths": capitals, two to
    five letters, before a name of two words or more written in title case)."""
    parts = name.split()
    # (and the grade before a title: "Senior Superintendent", "Acting Inspector")
    while len(parts) > 1 and (fold(parts[0]).rstrip(".") in TITLES or (
            fold(parts[0]) in _GRADES and fold(parts[1]).rstrip(".") in TITLES) or (
            parts[0].isalpha() and parts[0].isupper() and 2 <= len(parts[0]) <= 5 and len(parts) > 2
            and all(p[:1].isupper() and not p.isupper() for p in parts[1:]))):
        parts = parts[1:]
    return " ".join(parts)


def person_key(name: str) -> str:
    return " ".join(w for w in words(strip_titles(name)) if w.rstrip(".") not in TITLES)


def surname(name: str) -> str:
    ws = person_key(name).split()
    return ws[-1] if ws else ""


def clean_name(text: str) -> str:
    """A name as written, without a leading article, a trailing possessive and a trailing age
    ("Lidia Zubova, 67")."""
    text = text.strip(" ,;:.-–—\"“”'’")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"['’]s?$", "", text)
    text = re.sub(r"(?<=[^\d\s,]),\s*\d{1,3}$", "", text)  # an age set off by a comma, not "Resolution 242"
    text = re.sub(r"\s*\([^)]*$", "", text)  # an unclosed "(BSM" cut off by the entity's end
    return text.strip()


def capital_words(name: str) -> list[str]:
    """The capitalised words of a name an acronym is made of, stop words left out."""
    return [w for w in re.findall(r"[A-Z][\w'’-]*", name) if w.lower() not in _STOP]


def initials(name: str) -> str:
    """"Bernhard Schulte Shipmanagement" -> "BSM"; "Suez Canal Authority" -> "SCA"."""
    return "".join(w[0] for w in capital_words(name)).upper()
