"""Figures, dates and places of an article no parser reads: rules that hold in any language.

    rows = figures(doc_id, text, language)             # rows of the `figures` table
    rows = dates(doc_id, text, language, published)    # rows of the `dates` table
    rows = places(doc_id, text, language, geoparser)   # rows of the `places` table
    claim_figures(figure_rows, statement_rows, outlet)  # who claims each figure

English articles get their figures from the parse (facts.figures: what is counted, who claims it).
An article in a language with no parser here still says how many died, fled or were evacuated,
and a reader comparing tolls across coverage needs those numbers too. What holds without a parser:

- **Digits**, read by the article's conventions: a separator followed by groups of exactly three
  digits separates thousands ("16.000", "17,000", "16 000"), otherwise it is the decimal mark
  ("3,2", "13.05"); a multiplier word after it ("16 mil", "40 тысяч", "2 millions") multiplies,
  and a percent sign or word ("32%", "32 Prozent") makes it a percentage. A range ("20-30") gives
  two figures.
- **Number words**: text2num for the languages it knows (French, German, Dutch, Spanish,
  Portuguese, Italian), a short list for Russian, Ukrainian and Norwegian. The words for "one" are
  left out: in most languages they are also the indefinite article ("un", "ein", "een", "один").
- **Not figures**: years, numbers that name a thing ("el frente frío número 11", "Nr. 5", "№ 3"),
  dates (a number beside a month name, or written as a date: "06/06/2023", "22.06.23"), clock
  times ("02:50", "4 h 30", "10 Uhr", and "02.35" after a word for o'clock or another time), and
  numbers glued to letters ("A320", "COVID-19").

Each figure's text is the number and the word after it ("40 тысяч человек"): what it counts, as
far as anything can say without a parser. Its category is 'other' (a percentage 'measure'). Who
claims it (`claim_figures`, with the article's statements from attribution.anylanguage) is the
speaker of the statement it sits in, else the outlet, as for English. Month names come from dateparser's language data (about 200 languages).

Dates, from the same language data (month and weekday names, "today" and "yesterday"; not
dateparser's free-text search, which takes "die" and "mit" for days in German):

- a day and a month, with or without a year ("6 июня", "tirsdag 6. juni", "9 de marzo") or a date in
  digits ("06/06/2023", "22.06.23"), read by dateparser; without a year, the most recent such day
  on or before publication;
- a weekday ("jeudi", "в четверг", "Donnerstagmorgen", "in der Nacht zum Dienstag"): the most
  recent such day on or before publication, as facts.dates reads "on Tuesday";
- "today" and "yesterday" in the language ("сегодня", "heute", "hier"): publication, and the day
  before;
- a month name alone ("octubre") and a year alone ("1956"): no single day (precision month, year).

The date line the corpus files begin with (" date 2023-06-06 ") is metadata, not a date the text
gives. A date is resolved only when the article has a publication date or names its year.

Places: a capitalised word, or two in a row ("Nova Kakhovka"), looked up as written (the
gazetteer's alternate names in the Latin alphabet: "Cherson", "Jersón"), in CLDR's country names
in the article's language (babel: "Украина", "Oekraïne", "روسيا"), and transliterated to the Latin
alphabet (anyascii; Ukrainian by its national system, so that "Київ" is "Kyiv"). Names inflect
("Херсонской", "Херсоні", "Каховки"), so a word that is not found is tried without its last one to
four letters, and with an "a" put back ("Каховк-а"). Without a parser to say a word is a name, a
place must be a country, a region, a place of the alias files, or a town of at least
`PLACE_POPULATION` people; a word the text also writes in lower case ("Mais", "Die"), or one of
the language's stop words (spaCy's lists: "Selon", "Они"), is no place; a word beside another
capitalised word, the two no place, is a person's name ("Vladimir Putin", "Яна Дорук"), no town,
unless either is in capitals only ("Каховской ГЭС") or, in German, where every noun has a capital,
the first is a noun (after an article, or a kind of place: "im Grenzgebiet Cherson", "der Stadt
Gaziantep"); a compound is read by its capitalised parts ("Kachowka-Damms", "Ukraine-Krieg");
and a town is kept only when the article names its country, or another town of the same country,
or it is a capital. An elided article stays outside ("l'Ukraine" gives "Ukraine").
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import regex

# a number (a space separates thousands only before three digits) or a word
_TOKEN = regex.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?!\d)|\d+(?:[.,]\d+|[\u00a0\u202f ]\d{3}(?!\d))*%?|[\p{L}\p{M}][\p{L}\p{M}'’\-]*")
_DATE_FORM = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\d{4}-\d{2}-\d{2}\b")
_GLUED = regex.compile(r"\p{L}-?\d|\d\p{L}")

# Multiplier words (lower case), by the start of the word: "тысяч", "тысячи", "тисяч" ...
_MULTIPLIERS = (
    ("тысяч", 1e3), ("тыс", 1e3), ("тисяч", 1e3), ("тис", 1e3), ("миллион", 1e6), ("млн", 1e6), ("мільйон", 1e6),
    ("миллиард", 1e9), ("млрд", 1e9), ("мільярд", 1e9),
    ("mil", 1e3), ("mille", 1e3), ("tausend", 1e3), ("duizend", 1e3), ("tusen", 1e3), ("thousand", 1e3),
    ("million", 1e6), ("millón", 1e6), ("millones", 1e6), ("milhão", 1e6), ("milhões", 1e6), ("miljoen", 1e6),
    ("miljon", 1e6), ("millionen", 1e6), ("mln", 1e6), ("mio", 1e6),
    ("milliard", 1e9), ("miljard", 1e9), ("mrd", 1e9), ("billion", 1e9),
)
_PERCENT_WORDS = ("prozent", "procent", "prosent", "percent", "per cent", "pour cent", "por ciento",
                  "por cento", "per cento", "процент", "відсот", "отсот")
_HOUR_WORDS = {"uur", "uhr", "h", "heures", "heure", "horas", "hora", "hrs", "hours", "часов", "часа", "ч", "год",
               "годин", "tid"}
_O_CLOCK = {"h", "uhr", "uur", "hs"}  # after an hour: a clock time ("4 h 30", "10 Uhr")
_CLOCK_WORDS = {"klokken", "kl", "um", "à", "a", "at", "las", "om", "alle", "о", "в", "hacia", "vers", "gegen",
                "rundt", "omkring"}

# Number words for the languages text2num does not know (lower case, the forms a count takes).
_WORDS = {
    "ru": {"два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4, "четырёх": 4,
           "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8,
           "девять": 9, "девяти": 9, "десять": 10, "десяти": 10, "двадцать": 20, "тридцать": 30, "сто": 100,
           "сотни": 100},
    "uk": {"два": 2, "дві": 2, "двох": 2, "три": 3, "трьох": 3, "чотири": 4, "чотирьох": 4, "п'ять": 5,
           "п’ять": 5, "п'яти": 5, "п’яти": 5, "шість": 6, "шести": 6, "сім": 7, "семи": 7, "вісім": 8, "восьми": 8,
           "дев'ять": 9, "дев’ять": 9, "десять": 10, "десяти": 10, "двадцять": 20, "тридцять": 30, "сто": 100},
    "no": {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10,
           "tjue": 20, "tretti": 30, "hundre": 100},
}
_WORDS["nb"] = _WORDS["no"]
_TEXT2NUM = {"fr", "de", "nl", "es", "pt", "it"}
# the words for "one", which are also articles
_ONE = {"un", "une", "uno", "una", "um", "uma", "ein", "eine", "einen", "einem", "einer", "een", "en", "ett", "ei"}
_DATEPARSER_CODE = {"no": "nb"}


def month_words(language: str | None) -> frozenset[str]:
    """The month names of a language (every form dateparser knows: "июня", "июнь", "июн"), lower case."""
    return frozenset(_lexicon(language)["months"])


def _value(number: str) -> float | None:
    """A number as written, by its own conventions (see the module doc)."""
    parts = re.split(r"[.,\u00a0\u202f ]", number)
    seps = re.findall(r"[.,\u00a0\u202f ]", number)
    if not seps:
        return float(number)
    if all(len(p) == 3 for p in parts[1:]) and len(set(seps)) == 1 and len(parts[0]) <= 3:
        return float("".join(parts))  # thousands
    if seps[-1] in " \u00a0\u202f":
        return None  # "3 4": two numbers side by side
    whole = "".join(parts[:-1])
    return float(f"{whole}.{parts[-1]}")


def _multiplier(word: str) -> float | None:
    low = word.lower()
    for stem, factor in _MULTIPLIERS:
        if low == stem or (len(stem) >= 4 and low.startswith(stem)):
            return factor
    return None


def _word_value(words: list[str], language: str | None) -> tuple[int, float] | None:
    """(how many words, value) of the longest number phrase at the start of `words`."""
    lang = (language or "").split("-")[0]
    if lang in _TEXT2NUM:
        from text_to_num import text2num

        for n in range(min(4, len(words)), 0, -1):
            phrase = " ".join(words[:n]).lower()
            if n == 1 and phrase in _ONE:
                return None
            try:
                return n, float(text2num(phrase, lang))
            except (ValueError, IndexError):
                continue
        return None
    table = _WORDS.get(lang)
    if table and words[0].lower() in table:
        return 1, float(table[words[0].lower()])
    return None


def _id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{doc_id}:{start}:{end}:figure".encode()).hexdigest()[:16]


# the word for "number" before a number that names a thing rather than counting ("número 11")
_NUMBER_LABELS = frozenset("número numero numéro nummer nr núm num номер номера номеру numer numara nömrə αριθμός "
                           "αριθ رقم".split())


def figures(doc_id: str, text: str, language: str | None) -> list[dict[str, Any]]:
    """Rows of `figures` for an article no parser reads (see the module doc)."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    months = month_words(language)
    dated = [m.span() for m in _DATE_FORM.finditer(text)]  # "06/06/2023", "2023-06-06", "22.06.23"
    found: list[tuple[int, int, str, float, str | None]] = []  # start, end, number as written, value, unit
    times: list[int] = []  # token indexes of clock times
    k = 0
    while k < len(tokens):
        start, end, tok = tokens[k]
        prev_word = tokens[k - 1][2].lower() if k else ""
        next_word = tokens[k + 1][2].lower() if k + 1 < len(tokens) else ""
        if tok[0].isdigit():
            percent = tok.endswith("%")
            number = tok.rstrip("%")
            if _GLUED.search(text[max(0, start - 2):end + 1]) or any(a <= start < b for a, b in dated):
                k += 1
                continue
            if next_word.rstrip(".") in months or prev_word.rstrip(".") in months:
                k += 1
                continue  # a day of a month, or a year after one
            if prev_word.rstrip(".") in _NUMBER_LABELS or text[max(0, start - 2):start] in ("№", "№ ", "# "):
                k += 1
                continue  # a number that names ("el frente frío número 11", "Nr. 5", "№ 3"), counts nothing
            if re.fullmatch(r"(?:1[89]|20)\d\d", number) and not percent:
                k += 1
                continue  # a year
            if re.fullmatch(r"\d{1,2}:\d{2}(?::\d{2})?", number) or (
                    re.fullmatch(r"\d{1,2}\.\d{2}", number) and int(number.split(".")[0]) <= 23
                    and (prev_word in _CLOCK_WORDS or next_word in _HOUR_WORDS or (k >= 2 and k - 2 in times))):
                times.append(k)
                k += 1
                continue
            if next_word in _O_CLOCK and re.fullmatch(r"\d{1,2}", number) and int(number) <= 23:
                # "4 h 30", "um 10 Uhr": a clock time, minutes and all
                k += 3 if k + 2 < len(tokens) and re.fullmatch(r"\d{2}", tokens[k + 2][2]) else 2
                continue
            value = _value(number)
            if value is None:
                k += 1
                continue
            last = end
            unit = "percent" if percent else None
            if k + 1 < len(tokens) and not percent:
                factor = _multiplier(tokens[k + 1][2])
                if factor:
                    value *= factor
                    last = tokens[k + 1][1]
                    k += 1
                elif any(text[tokens[k + 1][0]:tokens[k + 1][0] + len(p)].lower() == p for p in _PERCENT_WORDS):
                    unit = "percent"
            found.append((start, last, number, value, unit))  # a range's second number is the next token
        elif tok.lower() not in _ONE:
            run = []  # the words from here on, up to four, until a number
            for t in tokens[k:k + 4]:
                if not t[2][0].isalpha():
                    break
                run.append(t[2])
            got = _word_value(run, language) if run else None
            if got:
                n, value = got
                last = tokens[k + n - 1][1]
                if k + n < len(tokens):
                    factor = _multiplier(tokens[k + n][2])
                    if factor:
                        value *= factor
                        last = tokens[k + n][1]
                        n += 1
                found.append((start, last, text[start:last], value, None))
                k += n
                continue
        k += 1
    rows = []
    ends = {s: e for s, e, *_ in found}
    for start, end, number, value, unit in found:
        # the figure's text runs to the word after it: what it counts
        nxt = _TOKEN.search(text, end)
        stop = nxt.end() if nxt and nxt.group()[0].isalpha() and text[end:nxt.start()] in (" ", "\u00a0") \
            and nxt.start() not in ends \
            else end
        rows.append({"figure_id": _id(doc_id, start, stop), "doc_id": doc_id, "start": start, "end": stop,
                     "text": text[start:stop], "number": number, "value": value, "low": None, "high": None,
                     "qualifier": None, "unit": unit, "what": None,
                     "category": "measure" if unit == "percent" else "other", "scope": None,
                     "attributed_to": None, "claimant": None, "claimant_type": None, "statement_id": None,
                     "total_id": None, "parts_sum": None, "adds_up": None, "sentence_start": None,
                     "sentence_end": None})
    return rows


def claim_figures(figures: list[dict[str, Any]], statements: list[dict[str, Any]], outlet: str | None) -> None:
    """Give each figure its claimant, as the parsed languages do (facts.figures): the speaker of the
    statement it sits in ("по данным X, ... 600 человек"), else the outlet, whose own voice it is
    (`attributed_to` null). Figures are changed in place."""
    spans = sorted((s for s in statements if s.get("speaker")), key=lambda s: (s["start"], s["end"]))
    for f in figures:
        claim = next((s for s in spans if s["start"] <= f["start"] < s["end"]), None)
        if claim is None:
            f["claimant"], f["claimant_type"] = outlet, "outlet"
            continue
        f["attributed_to"] = f["claimant"] = claim["speaker"]
        f["claimant_type"] = "source" if claim["kind"] == "according_to" else "statement"
        f["statement_id"] = claim["statement_id"]


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_DATE_LINE = re.compile(r"\A\s*date \d{4}-\d{2}-\d{2}\s")
_YEAR = re.compile(r"(?<![\d.,/-])(?:1[89]|20)\d\d(?![\d.,/-]?\d)")


@lru_cache(maxsize=64)
def _lexicon(language: str | None) -> dict[str, Any]:
    """Month, weekday and relative-day words of a language (lower case), from dateparser's data."""
    empty = {"months": {}, "weekdays": {}, "relative": {}}
    if not language:
        return empty
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(_DATEPARSER_CODE.get(language, language)).info
    except Exception:
        return empty
    months = {w.lower().rstrip("."): n + 1 for n, m in enumerate(_MONTHS) for w in info.get(m, []) if len(w) >= 3}
    weekdays = {w.lower(): n for n, d in enumerate(_WEEKDAYS) for w in info.get(d, []) if len(w) >= 4}
    relative = {}
    for key, back in (("0 day ago", 0), ("1 day ago", 1)):
        for w in info.get("relative-type", {}).get(key, []):
            if not re.search(r"[\d{}]", w):
                relative[w.lower()] = back
    return {"months": months, "weekdays": weekdays, "relative": relative}


def dates(doc_id: str, text: str, language: str | None, published: date | None) -> list[dict[str, Any]]:
    """Rows of `dates` for an article no parser reads (see the module doc)."""
    from . import row_id

    lex = _lexicon(language)
    skip = _DATE_LINE.match(text)
    begin = skip.end() if skip else 0
    words = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text) if m.start() >= begin]
    found: list[tuple[int, int, date | None, str, str]] = []  # start, end, resolved, precision, anchor

    def taken(a: int, b: int) -> bool:
        return any(a < e and b > s for s, e, *_ in found)

    # dates in digits, and a day beside a month name
    for m in _DATE_FORM.finditer(text, begin):
        found.append((m.start(), m.end(), _parse(m.group()), "day", "absolute"))
    for k, (a, b, w) in enumerate(words):
        month = lex["months"].get(w.rstrip("."))
        if month is None:
            continue
        start, end, day, year = a, b, None, None
        # the day before the month ("6 июня", "6. juni", "9 de marzo"), or after it ("June 6")
        before = k - 2 if k >= 2 and len(words[k - 1][2]) <= 3 and words[k - 1][2].isalpha() else k - 1
        if before >= 0 and words[before][2].isdigit() and 1 <= int(words[before][2]) <= 31 \
                and a - words[before][1] <= (3 if before == k - 1 else 6):
            start, day = words[before][0], int(words[before][2])
        elif k + 1 < len(words) and words[k + 1][2].isdigit() and 1 <= int(words[k + 1][2]) <= 31 \
                and words[k + 1][0] - b <= 2:
            end, day = words[k + 1][1], int(words[k + 1][2])
        for j in (k + 1, k + 2):
            if j < len(words) and re.fullmatch(r"(?:1[89]|20)\d\d", words[j][2]) and words[j][0] - end <= 3:
                end, year = words[j][1], int(words[j][2])
                break
        if taken(start, end):
            continue
        if day is None:
            if len(w) <= 4:
                continue  # an abbreviation alone ("mar") is as likely another word
            found.append((start, end, None, "month", "absolute"))
            continue
        resolved = _day(year, month, day, published)
        found.append((start, end, resolved, "day", "absolute" if year else "publication"))
    # weekdays (also the first part of a compound: "Donnerstagmorgen") and today / yesterday
    for a, b, w in words:
        if taken(a, b):
            continue
        wd = next((n for name, n in lex["weekdays"].items() if w == name or (len(name) >= 5 and w.startswith(name))),
                  None)
        if wd is not None:
            resolved = published - timedelta(days=(published.weekday() - wd) % 7) if published else None
            found.append((a, b, resolved, "day" if resolved else "unresolved", "publication"))
        elif w in lex["relative"]:
            resolved = published - timedelta(days=lex["relative"][w]) if published else None
            found.append((a, b, resolved, "day" if resolved else "unresolved", "publication"))
    for m in _YEAR.finditer(text, begin):
        if not taken(m.start(), m.end()):
            found.append((m.start(), m.end(), None, "year", "absolute"))
    found.sort()
    # a weekday right before the date it names is one expression: "tirsdag 6. juni"
    merged: list[tuple[int, int, date | None, str, str]] = []
    for f in found:
        if merged and merged[-1][3] in ("day", "unresolved") and merged[-1][4] == "publication" \
                and f[3] == "day" and 0 <= f[0] - merged[-1][1] <= 2 and text[merged[-1][1]:f[0]].strip(" ,") == "":
            merged[-1] = (merged[-1][0], f[1], f[2], f[3], f[4])
        else:
            merged.append(f)
    rows, seen = [], set()
    for start, end, resolved, precision, anchor in merged:
        if text[start:end] in seen:
            continue  # each distinct expression once, as facts.dates lists them
        seen.add(text[start:end])
        rows.append({"date_id": row_id(doc_id, start, end, "date"), "doc_id": doc_id, "start": start, "end": end,
                     "text": text[start:end], "resolved": resolved, "range_start": None, "resolved_end": None,
                     "time": None, "precision": precision if resolved or precision in ("month", "year") else "unresolved",
                     "anchor": anchor})
    return rows


def _day(year: int | None, month: int, day: int, published: date | None) -> date | None:
    """A day of a month: in the year given, else the most recent on or before publication."""
    try:
        if year:
            return date(year, month, day)
        if published is None:
            return None
        for y in (published.year, published.year - 1):
            d = date(y, month, day)
            if d <= published:
                return d
    except ValueError:
        return None
    return None


def _parse(expression: str) -> date | None:
    """A date in digits, day first (as every language here writes it; the ISO form year first)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", expression)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        d, mo, y = (int(x) for x in re.split(r"[./-]", expression))
        if y < 100:
            y += 2000
        return date(y, mo, d)
    except ValueError:
        return None


PLACE_POPULATION = 15_000  # a town found without a parser has at least this many people
# Ukrainian's national transliteration (2010), which GeoNames' names follow ("Київ" is "Kyiv")
_UKRAINIAN = dict(zip("абвгґдезиіїйклмнопрстуфхцчшщьюяєжʼ'’",
                      ["a", "b", "v", "h", "g", "d", "e", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o", "p", "r",
                       "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "ie", "zh", "", "", ""]))
_ELIDED = regex.compile(r"^(?:[ldLD]|qu|Qu)['’]")
_NAME = regex.compile(r"[\p{Lu}][\p{L}\p{M}'’\-]*")
_CASELESS = regex.compile(r"[\p{Arabic}\p{Hebrew}][\p{L}\p{M}]*")
# (not the article "ال": a name written without it that the text writes with it is a common noun,
# "السيول", the torrents, no Seoul; names that take it, "العراق", are found whole)
_ARABIC_CLITIC = ("وب", "ول", "و", "ب", "ل", "ف")


def latin(word: str, language: str | None) -> str:
    """A word in Latin letters (anyascii; Ukrainian by its national system, so "Київ" is "Kyiv")."""
    from anyascii import anyascii

    if language == "uk":
        return "".join(_UKRAINIAN.get(ch.lower(), ch) for ch in word)  # lower case: names are folded anyway
    return anyascii(word)


@lru_cache(maxsize=64)
def stop_words(language: str | None) -> frozenset[str]:
    """The language's stop words, as spaCy lists them for some seventy languages (no model needed):
    "Selon", "Они" and "Laut" begin sentences, they name no place."""
    import importlib.util
    from pathlib import Path

    code = _DATEPARSER_CODE.get(language, language)
    spacy = importlib.util.find_spec("spacy")
    if not code or not code.isalpha() or spacy is None or not spacy.submodule_search_locations:
        return frozenset()
    # The list alone, not the language's package: importing spacy.lang.fr builds its tokenizer
    # exceptions, two seconds for a list of words.
    path = Path(next(iter(spacy.submodule_search_locations))) / "lang" / code / "stop_words.py"
    if not path.is_file():
        return frozenset()
    spec = importlib.util.spec_from_file_location(f"_corroborate_stop_words_{code}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception:  # a list that needs its package after all
        return frozenset()
    return frozenset(w.lower() for w in getattr(module, "STOP_WORDS", ()))


@lru_cache(maxsize=64)
def _countries(language: str | None) -> dict[str, str]:
    """{folded country name in the language: its English name} from CLDR (babel)."""
    from babel import Locale, UnknownLocaleError

    from .gazetteer import fold

    try:
        here, english = Locale.parse(_DATEPARSER_CODE.get(language, language) or "en"), Locale.parse("en")
    except (UnknownLocaleError, ValueError, TypeError):
        return {}
    return {fold(name): english.territories[code] for code, name in here.territories.items()
            if len(code) == 2 and code.isalpha() and code in english.territories}


def country_named(name: str, language: str | None) -> str | None:
    """The English name of the country `name` is in the language's CLDR names, also inflected
    ("Ucrania", "России": "Ukraine", "Russia"), else None."""
    from .gazetteer import fold

    countries = _countries(language)
    return next((countries[fold(form)] for form, cut in _forms(name) if cut <= 2 and fold(form) in countries), None)


def _forms(name: str) -> list[tuple[str, int]]:
    """The forms a name may stand for, with how many letters were taken off: as written; in a
    script that inflects names (Cyrillic), its stem without one to five letters, with the
    nominative's "а" or "я" put back, and an adjective's "-ск-" taken out ("Каховской" ->
    "Каховка", "Херсонской" -> "Херсон"); elsewhere only a genitive "s" ("Kiews")."""
    out = [(name, 0)]
    if " " in name:
        return out
    if regex.match(r"\p{Cyrillic}", name):
        for n in range(1, 6):
            stem = name[:-n]
            if len(stem) < 4:
                break
            out += [(stem, n), (stem + "а", n), (stem + "я", n)]
            for adjective in ("ськ", "ск", "цк"):
                if stem.lower().endswith(adjective) and len(stem) - len(adjective) >= 4:
                    base = stem[:-len(adjective)]
                    out += [(base, n + len(adjective)), (base + "ка", n + len(adjective))]
    elif name.endswith("s") and len(name) >= 6:
        out.append((name[:-1], 1))
    return out


def _place_of(name: str, language: str | None, geoparser) -> tuple[Any, str] | None:
    """The place a name (as written, perhaps inflected) is, and how it was found; None when it is
    none that the rules above accept."""
    from .gazetteer import fold, prominence

    countries = _countries(language)
    caseless = bool(_CASELESS.fullmatch(name))
    for form, cut in _forms(name):
        for key, how in ((form, "name"), (latin(form, language), "transliterated")):
            english = countries.get(fold(key))
            options = geoparser.options(english) if english else geoparser.options(key)
            ok = []
            for p, h in options:
                if p.feature == "country":
                    good = cut <= 2  # more taken off is an adjective or a demonym ("Украинские")
                elif caseless and how == "transliterated":
                    good = len(form) >= 4 and (p.capital or p.population >= 100_000)
                else:
                    good = p.feature in ("region", "place") or h == "alias file" or p.population >= PLACE_POPULATION
                if good:
                    ok.append((p, h))
            if ok:
                place, found = min(ok, key=lambda o: prominence(o[0]))
                return place, ("country name" if english else how if how != "name" else found)
    return None


# German writes every noun with a capital, so two capitalised words in a row are no sign of a
# person's name there. What makes the first a noun: an article before it ("im Grenzgebiet
# Cherson", "auf dem Fluss Dnipro"; no given name follows an article), or its being a kind of place
# ("bei der Stadt Gaziantep", "die Hafenstadt Odessa", "das Bundesland Bayern").
_ARTICLES = {"de": frozenset("der die das dem den des ein eine einer einem einen eines im am vom zum zur beim ins ans"
                             .split())}
_PLACE_KINDS = {"de": ("stadt", "dorf", "gebiet", "region", "provinz", "fluss", "ort", "hafen", "bezirk", "kreis",
                       "land", "insel", "tal", "republik", "oblast", "kanton", "staat")}
_ACRONYM = regex.compile(r"\p{Lu}{2,}")
_PART = regex.compile(r"[\p{Lu}][\p{L}\p{M}'’]*")  # a capitalised part of a compound


def _given_name(text: str, first: tuple[int, int, str], second: tuple[int, int, str], language: str | None) -> bool:
    """Whether two capitalised words in a row may be a person's given name and surname: not when
    either is in capitals only (an organisation's or a thing's short name: "Каховской ГЭС"), nor,
    in German, when the first is a noun (see above)."""
    if not _NAME.fullmatch(second[2]) or _ACRONYM.fullmatch(first[2]) or _ACRONYM.fullmatch(second[2]):
        return False
    if language in _ARTICLES:
        if first[2].lower().endswith(_PLACE_KINDS[language]):
            return False
        before = regex.search(r"([\p{L}]+)[\s\u00a0]+$", text[:first[0]])
        if before and before.group(1) in _ARTICLES[language]:
            return False
    return True


def _opens_sentence(text: str, i: int) -> bool:
    """Whether the word at i begins a sentence (its capital says nothing)."""
    before = text[:i].rstrip(" \t\"'«»„“”‘’(—–-")
    return not before or before[-1] in ".!?:;\n"


def places(doc_id: str, text: str, language: str | None, geoparser) -> list[dict[str, Any]]:
    """Rows of `places` for an article no parser reads (see the module doc)."""
    from . import row_id

    lower = {w.lower() for w in regex.findall(r"(?<![\p{L}])[\p{Ll}][\p{L}\p{M}]*", text)} | stop_words(language)
    # Arabic has no capitals, but a word it also writes with the article "ال" is a common noun
    # ("السيول", the torrents: "سيول" is no Seoul), as a word also written in lower case is
    lower |= {m.group(1) for m in regex.finditer(r"(?<![\p{L}])(?:و|ب|ل|ف)?ال(\p{Arabic}{3,})", text)}
    names = [(m.start(), m.end(), m.group()) for m in _NAME.finditer(text)]
    names += [(m.start(), m.end(), m.group()) for m in _CASELESS.finditer(text)]
    names.sort()
    rows, k = [], 0
    while k < len(names):
        start, end, word = names[k]
        elided = _ELIDED.match(word)
        if elided:
            start, word = start + elided.end(), word[elided.end():]
        found = None
        # two names in a row first ("Nova Kakhovka"), then the one
        if k + 1 < len(names) and text[end:names[k + 1][0]] == " " and _NAME.fullmatch(names[k + 1][2]):
            two = text[start:names[k + 1][1]]
            hit = _place_of(two, language, geoparser)
            if hit:
                found, end, step = hit, names[k + 1][1], 2
        # a name beside another capitalised word, the two no place, is a person's ("Vladimir Putin",
        # "Яна Дорук"): not a town
        person = _NAME.fullmatch(word or "") is not None and (
            (k + 1 < len(names) and text[end:names[k + 1][0]] == " " and _given_name(text, names[k], names[k + 1],
                                                                                     language))
            or (k > 0 and text[names[k - 1][1]:start] == " " and _given_name(text, names[k - 1], names[k], language)
                and not any(r["end"] == names[k - 1][1] for r in rows)
                and not _opens_sentence(text, names[k - 1][0]) and names[k - 1][2].lower() not in lower))
        if found is None and len(word) >= 3 and word.lower() not in lower:
            candidates = [word]
            if _CASELESS.fullmatch(word):  # an attached conjunction or preposition stays outside
                candidates += [word[len(c):] for c in _ARABIC_CLITIC if word.startswith(c) and len(word) - len(c) >= 3]
            for c in candidates:
                hit = _place_of(c, language, geoparser)
                if hit and not (person and hit[0].feature == "city"):  # "Vladimir Putin", "Andriy Yermak"
                    found, start, step = hit, end - len(c), 1
                    break
        if found is None and "-" in word.strip("-"):
            # a compound of a name and a word ("Kachowka-Damms", "Ukraine-Krieg", "Kakhovka-demningen"):
            # its capitalised parts, each read as a word of its own
            parts = [(start + m.start(), start + m.end(), m.group()) for m in _PART.finditer(word)
                     if m.start() == 0 or word[m.start() - 1] == "-"]
            if parts and parts != [(start, end, word)]:
                names[k:k + 1] = parts
                continue
        if found is None:
            k += 1
            continue
        (place, how) = found
        rows.append({"place_id": row_id(doc_id, start, end, "place"), "doc_id": doc_id, "start": start, "end": end,
                     "text": text[start:end], "name": place.name, "feature": place.feature,
                     "country": place.country, "lat": place.lat, "lon": place.lon, "geonameid": place.geonameid,
                     "how": how})
        k += step
    # Without a parser, a town is kept only where something else in the article backs it: the
    # article names its country, another town found is in the same country, it is a capital, or an
    # alias file names it. "Wasser" is no town in Wisconsin, nor "По" one in China.
    named = {r["country"] for r in rows if r["feature"] == "country"}
    towns: dict[str, set[int]] = {}
    for r in rows:
        if r["feature"] == "city":
            towns.setdefault(r["country"], set()).add(r["geonameid"])
    # (a capital found by its own name; by another name or a transliteration, a capital of a
    # million people or more, whose other names are known: "Moskau", "كييف"; not "Mare", the sea
    # in Italian and an old name of Malé)
    capitals = {r["geonameid"] for r in rows if any(
        p.capital and (r["how"] == "name" or p.population >= 1_000_000)
        for p, _ in geoparser.options(r["name"]) if p.geonameid == r["geonameid"])}
    return [r for r in rows if r["feature"] != "city" or r["country"] in named or len(towns[r["country"]]) >= 2
            or r["geonameid"] in capitals or r["how"] == "alias file"]
