"""Number expressions in a parsed article: digits and words, with their hedges turned into bounds.

A number expression is a run of tokens that together name one number: "3,385", "two hundred",
"10 thousand", "2.5 million", "$3bn", "a hundred", "dozens". Words become values through text2num
(the number grammar is its job, not ours); digits, separators and multiplier suffixes are read here.

What is *not* a figure, whatever its shape (the gold convention and UCDP's): years, days of the
month, clock times, ordinals, identifiers ("Resolution 1701", "A320", "COVID-19") and ages
("Emil Sarkis, 51,", "aged 24", "a 24-year-old"), which describe a person and count nothing. Durations
("44 days", "for twenty hours", "a two-week state of emergency", and a hedged "more than a year")
and measures ("7.8 magnitude", "20 percent") are figures: they are claims someone makes and others
may contradict. "Two dozen" is 24; "at 17 hours" is a clock time, "for 17 hours" a duration.

Hedges become bounds (`low`, `high`), never a changed value:
    more than / over / above 70       low 71, high open
    at least / no fewer than 43       low 43, high open
    nearly / almost / close to 4,000  low 90 % of it, high 3,999
    fewer than / less than / under 50 high 49
    about / around / some / roughly   +-10 %
    up to / as many as 100            high 100
    between 200,000 and 250,000       both figures get low 200,000 and high 250,000
Vague quantities ("dozens", "hundreds of", "thousands of") have no value, only a range: dozens =
24-99, hundreds = 200-999, tens of thousands = 20,000-99,999 (two of the unit up to the next
order). ACLED would code "dozens" as 12; we keep the range and let the reader decide. They are
figure rows only with the setting facts.vague_quantities (see corroborate.facts.analyse_facts).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from text_to_num import text2num

WORD_NUMBERS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "trillion": 1_000_000_000_000, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000,
               "crores": 10_000_000}
# Suffixes glued to digits: "3bn", "$5m", "10k". Without a currency before it, "400m" is metres.
MONEY_SUFFIXES = {"bn": 1e9, "b": 1e9, "billion": 1e9, "m": 1e6, "mn": 1e6, "mln": 1e6, "k": 1e3,
                  "tn": 1e12, "trn": 1e12}
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₺": "TRY"}
CURRENCY_WORDS = {"us$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD", "euros": "EUR",
                  "euro": "EUR", "eur": "EUR", "pounds": "GBP", "rs": "INR", "rupees": "INR", "inr": "INR",
                  "rubles": "RUB", "roubles": "RUB", "manat": "AZN", "manats": "AZN", "dram": "AMD",
                  "drams": "AMD", "lira": "TRY", "liras": "TRY", "yuan": "CNY", "yen": "JPY", "riyals": "SAR",
                  "dirhams": "AED", "shekels": "ILS", "hryvnias": "UAH", "hryvnia": "UAH"}
VAGUE = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
         "millions": (2_000_000, 999_999_999), "scores": (40, 99), "tens": (20, 99)}
ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                 "tenth", "eleventh", "twelfth", "twentieth", "hundredth", "thousandth", "millionth"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec"}
CLOCK_AFTER = {"am", "a.m.", "pm", "p.m.", "gmt", "utc", "hrs", "hours", "h", "o'clock", "msk", "cet",
               "cest", "bst", "est", "edt", "pst"}
# Units of time: "a" before one of them, after a hedge, is a duration of one ("more than a year").
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
# "one" is a number only where it counts something; these uses are idiom, not quantity.
ONE_IDIOMS = {"day", "time", "point", "way", "side", "hand", "another", "thing", "year", "night",
              "morning", "evening", "moment", "stage", "case", "version", "reason", "source", "official", "count",
              "estimate", "account", "report", "occasion", "instance", "example"}

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_GLUED = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z]+)$", re.I)

# Hedges, longest first, as lowercase word tuples ending right before the number.
_HEDGES: list[tuple[tuple[str, ...], str]] = sorted(
    [(tuple(h.split()), kind) for h, kind in (
        ("more than", "above"), ("over", "above"), ("above", "above"), ("in excess of", "above"),
        ("upwards of", "above"), ("exceeding", "above"), ("surpassing", "above"), ("surpasses", "above"),
        ("at least", "min"), ("no fewer than", "min"), ("no less than", "min"), ("a minimum of", "min"),
        ("nearly", "near"), ("almost", "near"), ("close to", "near"), ("just under", "near"),
        ("just shy of", "near"),
        ("fewer than", "below"), ("less than", "below"), ("under", "below"), ("below", "below"),
        ("about", "approx"), ("around", "approx"), ("approximately", "approx"), ("roughly", "approx"),
        ("some", "approx"), ("an estimated", "approx"), ("estimated", "approx"), ("circa", "approx"),
        ("approx.", "approx"), ("about some", "approx"), ("nearly some", "approx"),
        ("up to", "max"), ("as many as", "max"), ("as much as", "max"), ("a maximum of", "max"),
        ("at most", "max"), ("no more than", "max"),
        ("between", "between"),
    )], key=lambda x: -len(x[0]))


@dataclass
class Number:
    """One number expression: tokens [i, j) of the doc hold the number itself, [q, j) with its hedge."""
    i: int
    j: int
    q: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None = None
    vague: bool = False


def _digits(text: str) -> float | None:
    m = _DIGITS.match(text)
    if not m:
        return None
    whole = float(m.group(1).replace(",", ""))
    return whole + float("0." + m.group(2)) if m.group(2) else whole


def _is_word_number(tok) -> bool:
    low = tok.lower_
    return low in WORD_NUMBERS or low in MULTIPLIERS or (
        "-" in low and all(p in WORD_NUMBERS for p in low.split("-")))


def _is_number_start(tok) -> bool:
    return bool(_digits(tok.text) is not None or _GLUED.match(tok.text) or _is_word_number(tok))


def _run(doc, i: int) -> int:
    """End (exclusive) of the number run starting at token i: "two hundred", "10 thousand",
    "twenty - five", "2.5 million"."""
    j = i + 1
    n = len(doc)
    words = _is_word_number(doc[i])
    while j < n:
        t = doc[j]
        low = t.lower_
        if low in MULTIPLIERS:
            j += 1
        elif words and _is_word_number(t) and doc[j - 1].whitespace_:
            j += 1
        elif words and low == "-" and not doc[j - 1].whitespace_ and j + 1 < n and \
                doc[j + 1].lower_ in WORD_NUMBERS and doc[j - 1].lower_ in WORD_NUMBERS:
            j += 2  # "twenty-five" split by the tokenizer
        elif words and low == "and" and j + 1 < n and _is_word_number(doc[j + 1]) and \
                doc[j - 1].lower_ in MULTIPLIERS:
            j += 2  # "two hundred and fifty"
        else:
            break
    return j


def _value(tokens) -> tuple[float | None, str | None]:
    """The value of a number run, and a unit a glued suffix gives ("3bn" after "$")."""
    first = tokens[0]
    m = _GLUED.match(first.text)
    if m and len(tokens) == 1:
        whole = float(m.group(1).replace(",", ""))
        base = whole + float("0." + m.group(2)) if m.group(2) else whole
        suffix = m.group(3).lower()
        prev = first.nbor(-1).text if first.i > 0 else ""
        if suffix in MONEY_SUFFIXES and prev in CURRENCY_SYMBOLS:
            return base * MONEY_SUFFIXES[suffix], CURRENCY_SYMBOLS[prev]
        after = first.nbor(1) if first.i + 1 < len(first.doc) else None
        if suffix in MONEY_SUFFIXES and suffix != "m" and after is not None and after.tag_ in ("NNS", "NNPS"):
            return base * MONEY_SUFFIXES[suffix], None  # "10k people", "2bn doses"
        if suffix in ("st", "nd", "rd", "th"):
            return None, None  # ordinal
        if suffix in ("km", "m", "kg", "t", "cm", "mm", "mw", "kw", "gw", "ha", "sqkm", "mph", "kph", "ft"):
            return base, {"m": "metres"}.get(suffix, suffix)
        return None, None  # an identifier ("10am", "5g")
    digits = _digits(first.text)
    if digits is not None:
        value = digits
        for t in tokens[1:]:
            value *= MULTIPLIERS.get(t.lower_, 1)
        return value, None
    words = " ".join(t.lower_ for t in tokens if t.lower_ != "-")
    try:
        return float(text2num(words, "en")), None
    except ValueError:
        # text2num rejects some well-formed runs ("hundred thousand", "two hundred thousand"):
        # a number word (or none) and multipliers after it multiply; anything else is no number
        # ("one two three" is a list, not 6).
        words_ = [t.lower_ for t in tokens if t.lower_ != "-"]
        head, rest = (words_[0], words_[1:]) if words_[0] not in MULTIPLIERS else ("one", words_)
        if not rest or any(w not in MULTIPLIERS for w in rest):
            return None, None
        try:
            value = float(text2num(head, "en"))
        except ValueError:
            return None, None
        for w in rest:
            value *= MULTIPLIERS[w]
        return value, None


def _month(tok) -> bool:
    return tok.lower_.rstrip(".") in MONTHS and (tok.is_title or tok.is_upper)


def _not_a_figure(doc, i: int, j: int, value: float) -> bool:
    """Years, days of the month, clock times, ordinals and identifiers."""
    n = len(doc)
    first, last = doc[i], doc[j - 1]
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j] if j < n else None
    text = first.text
    if first.lower_ in ORDINAL_WORDS:
        return True
    # Clock times: "4:00", "10 am", "17.50 MSK".
    if ":" in text or (nxt is not None and nxt.lower_ in CLOCK_AFTER and value < 25
                       and not (nxt.lower_ in ("hours", "hrs", "h") and not (prev is not None and prev.lower_ == "at"))):
        return True  # "10 am", "at 17 hours"; "for twenty hours", "within 48 hours" last that long
    # Days of the month: "September 19", "19 Sep.", "9-10 November".
    if value <= 31 and j - i == 1 and first.like_num and first.text.isascii() and first.text.isdecimal():
        k = j
        while k < n and doc[k].text in ("-", "–", "and", ",", "to") or (k < n and doc[k].text.isascii()
                                                                          and doc[k].text.isdecimal()
                                                                          and int(doc[k].text) <= 31):
            k += 1
            if k - j > 3:
                break
        if (k < n and _month(doc[k])) or (prev is not None and _month(prev)) or \
                (prev is not None and prev.lower_ == "of" and nxt is not None and _month(nxt)):
            return True
        if prev is not None and prev.text in ("-", "–") and i >= 2 and _month(doc[i - 2]):
            return True
    # Years: four digits between 1000 and 2100, unless they plainly count things ("1700 people").
    if j - i == 1 and re.fullmatch(r"1\d{3}|20\d{2}|2100", text):
        head = first.head
        counts = first.dep_ == "nummod" and head.tag_ in ("NNS", "NNPS") and head.i > first.i and \
            not (prev is not None and prev.lower_ in ("in", "since", "until", "by", "from", "of", "to", "during"))
        if not counts:
            return True
    # Identifiers: "Resolution 1701", "Flight 370", "No. 5", "Boeing 737", "#3".
    if prev is not None and (prev.lower_ in ("no", "no.", "number", "#", "nr", "nr.", "art.", "article",
                                             "resolution", "paragraph", "section", "route", "flight",
                                             "gate", "terminal", "room", "unit", "block", "chapter",
                                             "page", "pier", "berth", "highway", "road", "lane",
                                             "phase", "code", "version", "kilometre", "kilometer", "km")
                             or (prev.pos_ == "PROPN" and prev.is_title and not prev.is_sent_start
                                 and first.dep_ in ("appos", "nummod", "npadvmod", "compound")
                                 and first.head.i == prev.i)):
        return True
    if prev is not None and not prev.whitespace_ and prev.text in ("-", "/", ".") and i >= 2 and \
            doc[i - 2].is_alpha and doc[i - 2].is_upper:
        return True  # "F-16", "Su-25" split by the tokenizer
    if nxt is not None and not last.whitespace_ and nxt.text in ("/",):
        return True  # "21/2", "1/5": fractions and photo counters are ambiguous
    # Ages describe a person, they count nothing: "Emil Sarkis, 51, ...", "aged 24", "a 24-year-old".
    if value <= 120 and prev is not None and nxt is not None and prev.text == "," and nxt.text in (",", ")") \
            and i >= 2 and (doc[i - 2].ent_type_ == "PERSON" or doc[i - 2].pos_ == "PROPN"):
        return True
    if prev is not None and prev.lower_ == "aged":
        return True
    if j + 1 < n and doc[j].lower_ in ("years", "year") and doc[j + 1].lower_ == "old":
        return True  # "he is 51 years old"
    if (nxt is not None and not last.whitespace_ and nxt.text in ("^", "**")) or \
            (prev is not None and not prev.whitespace_ and prev.text in ("^", "**")):
        return True  # "10^100": notation, not a count
    if j + 3 <= n and doc[j].text == "-" and doc[j + 1].lower_ == "year" and doc[j + 2].text == "-" \
            and j + 3 < n and doc[j + 3].lower_ in ("old", "olds"):
        return True
    return False


def _one_counts(doc, i: int) -> bool:
    """Whether a lone "one" counts something: "one soldier", "one of its ships", "one critically"."""
    tok = doc[i]
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if prev is not None and prev.lower_ in ("no", "the", "this", "that", "any", "every", "each", "which",
                                            "someone", "anyone", "no-one", "only", "another", "last",
                                            "single", "such", "at", "for", "as") \
            and not (prev.lower_ == "that" and prev.dep_ == "mark"):  # "said that one person died"
        return False
    if nxt is None:
        return False
    if nxt.lower_ in ONE_IDIOMS or nxt.lower_ in ("another", "by", "or", "way"):
        return False
    if nxt.text in ("-", "–") and not tok.whitespace_:
        return False  # "one-off", "one-sided", "one-time"
    if nxt.lower_ == "of":
        # "one of the largest ...", "one of the world's busiest", "one of the top ..." rank, they
        # do not count.
        after = doc[i + 2: min(len(doc), i + 8)]
        ranks = {"top", "leading", "main", "major", "few", "many", "key", "best", "worst", "last", "first"}
        return not any(t.tag_ in ("JJS", "RBS") or t.lower_ in ranks for t in after)
    if nxt.pos_ == "ADV" and nxt.lower_.endswith("ly"):
        return True  # "21 were wounded, one critically"
    return tok.dep_ == "nummod" and tok.head.pos_ == "NOUN" and tok.head.i > i


def _hedge(doc, i: int) -> tuple[int, str | None, str | None]:
    """The hedge right before token i: (first token index, its words, its kind)."""
    for words, kind in _HEDGES:
        k = len(words)
        if i - k < 0:
            continue
        got = tuple(t.lower_ for t in doc[i - k:i])
        if got == words:
            if kind == "approx" and words == ("some",) and i - 2 >= 0 and doc[i - 2].lower_ in ("for", "in"):
                continue
            return i - k, " ".join(doc[x].text for x in range(i - k, i)), kind
    return i, None, None


def _bounds(value: float, kind: str | None) -> tuple[float | None, float | None]:
    whole = float(value).is_integer()
    step = 1.0 if whole else 0.0
    if kind is None:
        return value, value
    if kind == "above":
        return value + step, None
    if kind == "min":
        return value, None
    def r(x: float) -> float:
        return float(round(x)) if whole else round(x, 6)
    if kind == "near":
        return r(value * 0.9), value - step
    if kind == "below":
        return None, value - step
    if kind == "approx":
        return r(value * 0.9), r(value * 1.1)
    if kind == "max":
        return None, value
    return value, value


def find_numbers(doc) -> list[Number]:
    """Every figure-like number expression in the doc, in text order."""
    out: list[Number] = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        low = tok.lower_
        # Vague quantities: "dozens of", "hundreds of thousands of", "tens of thousands".
        if low in VAGUE and i + 1 < n and doc[i + 1].lower_ == "of":
            j = i + 1
            lo, hi = VAGUE[low]
            if j + 1 < n and doc[j + 1].lower_ in ("thousands", "millions"):
                scale = 1_000 if doc[j + 1].lower_ == "thousands" else 1_000_000
                lo, hi, j = lo * scale, (hi + 1) * scale - 1, j + 2
            if low == "tens" and j == i + 1:
                i += 1
                continue  # "tens of" alone is not a quantity
            q, words, kind = _hedge(doc, i)
            out.append(Number(i, j, q, None, lo, hi, "vague" if words is None else f"{words} (vague)",
                              vague=True))
            i = j
            continue
        if low in ("a", "an") and i + 1 < n and doc[i + 1].lower_ in TIME_UNITS and _hedge(doc, i)[2] is not None:
            # "more than a year", "at least a week": a hedged duration of one
            q, words, kind = _hedge(doc, i)
            lo, hi = _bounds(1.0, kind)
            out.append(Number(i, i + 1, q, 1.0, lo, hi, words))
            i += 1
            continue
        if low in ("a", "half") and i + 1 < n and (doc[i + 1].lower_ in ("hundred", "thousand", "million", "billion", "dozen")
                                                   or low == "half" and doc[i + 1].lower_ == "a"):
            # "a hundred", "a hundred thousand", "half a million"
            k = i + 1 if low == "a" else i + 2
            if k >= n or doc[k].lower_ not in MULTIPLIERS and doc[k].lower_ != "dozen":
                i += 1
                continue
            value = 12.0 if doc[k].lower_ == "dozen" else float(MULTIPLIERS[doc[k].lower_])
            j = k + 1
            while j < n and doc[j].lower_ in MULTIPLIERS and value != 12.0:
                value *= MULTIPLIERS[doc[j].lower_]
                j += 1
            if low == "half":
                value /= 2
            q, words, kind = _hedge(doc, i)
            lo, hi = _bounds(value, kind)
            out.append(Number(i, j, q, value, lo, hi, words))
            i = j
            continue
        if not _is_number_start(tok) or (low in MULTIPLIERS and not (i > 0 and doc[i - 1].lower_ == "a")):
            i += 1
            continue
        j = _run(doc, i)
        if low == "one" and j == i + 1 and not _one_counts(doc, i):
            i = j
            continue
        value, unit = _value(doc[i:j])
        if value is not None and j < n and doc[j].lower_ == "dozen":
            value, j = value * 12, j + 1  # "two dozen villages"
        suffix = doc[j].lower_.rstrip(".") if j < n else ""
        if value is not None and suffix in MONEY_SUFFIXES and _digits(doc[j - 1].text) is not None and \
                (not doc[j - 1].whitespace_ or len(suffix) > 1):
            # "1.5m people", "$3 bn" split by the tokenizer: a multiplier, except "m" for metres
            # ("the 400m race") unless a currency comes before, or plural things or a verb after
            # ("1.5m people", "1.5m were displaced").
            currency = i > 0 and doc[i - 1].text in CURRENCY_SYMBOLS
            counted = j + 1 < n and (doc[j + 1].tag_ in ("NNS", "NNPS") or doc[j + 1].pos_ in ("VERB", "AUX"))
            if suffix not in ("m", "b", "k") or currency or counted:
                value *= MONEY_SUFFIXES[suffix]
                j += 1
                if currency:
                    unit = CURRENCY_SYMBOLS[doc[i - 1].text]
        if value is None or not math.isfinite(value) or value > 1e15 or _not_a_figure(doc, i, j, value):
            i = j
            continue
        q, words, kind = _hedge(doc, i)
        if i > 0 and doc[i - 1].text in CURRENCY_SYMBOLS:
            unit = unit or CURRENCY_SYMBOLS[doc[i - 1].text]
            q = min(q, i - 1) if words is None else q
            if words is None:
                q2, words, kind = _hedge(doc, i - 1)
                q = q2
        lo, hi = _bounds(value, kind)
        out.append(Number(i, j, q, value, lo, hi, words, unit))
        i = j
    _between(doc, out)
    return out


def _between(doc, numbers: list[Number]) -> None:
    """ "between 200,000 and 250,000": both ends get the range as their bounds."""
    for a, b in zip(numbers, numbers[1:]):
        if a.qualifier and a.qualifier.lower() == "between" and b.i == a.j + 1 and \
                doc[a.j].lower_ in ("and", "to") and a.value is not None and b.value is not None:
            a.low = b.low = min(a.value, b.value)
            a.high = b.high = max(a.value, b.value)
            b.qualifier = "between"
