"""Date and time expressions, resolved against the article's publication date.

Spans come from our own patterns (weekdays, month names with days and years, numeric dates, clock
times, 'yesterday', 'the same day' ...) plus the parse's DATE entities for bare years ('the 1939
earthquake'); durations ('44 days', 'six years') are not dates and have no pattern. Weekdays, clock
times and anaphora ('the same day') are composed here; `dateparser.parse` only normalises a DATE
entity that none of the patterns read, on that isolated span, cached.

Resolution rules (docs/facts.md, '## Dates'):
  - a weekday is the most recent such day on or before publication (the same day included); in a
    future-tense clause ('will meet on Friday') the first such day on or after it; 'last Tuesday'
    is the Tuesday of the calendar week before publication, 'this Tuesday' the one of its week;
  - a month and day without a year ('On September 19') is the most recent such day on or before
    publication, or the next one in a future-tense clause;
  - 'yesterday', 'today', 'tomorrow', 'last night', 'two days ago' count from publication;
  - 'the same day', 'the next day' and a bare clock time ('At 4:30 AM') count from the most recent
    expression before it that resolved to a day, else from publication;
  - `resolved` is a day or null, as the gold annotations have it: a bare year, a month, a week, a
    closed range ('9-10 November 2020', 'over the weekend') and an open range that does not start
    on a day ('since 1991') resolve to null, with the kind of expression in `precision`; a closed
    range keeps its last day in `resolved_end`; 'since Tuesday' resolves to that Tuesday.

`find_dates` returns one mention per distinct expression of an article, as the gold lists them:
the first occurrence of each (preposition + date, resolved day) with modifiers ('early', 'late'),
times of day and clock times left out of the comparison, so 'Earlier on Tuesday' and 'at 4:00 AM
on Tuesday' repeat 'on Tuesday', and a bare clock time repeats the date it was anchored to.
`date_occurrences` returns every occurrence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    resolved: date | None
    resolved_end: date | None = None
    time: str | None = None          # 'HH:MM'
    precision: str = "unresolved"    # time, day, week, month, year, range, open range, unresolved
    anchor: str = "absolute"         # absolute, publication, previous date
    range_start: date | None = None  # first day of a range, month, year or open range


# ---------------------------------------------------------------------------------------------
# Patterns

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
_MONTH_NUM = {m: i + 1 for i, m in enumerate(_MONTHS)}
_MONTH_NUM.update({m[:3]: i + 1 for i, m in enumerate(_MONTHS)})
_MONTH_NUM["sept"] = 9
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_NUM = {w: i for i, w in enumerate(_WEEKDAYS)}
for _i, _abbr in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]):
    _WEEKDAY_NUM[_abbr] = _i
_WEEKDAY_NUM.update({"tues": 1, "thur": 3, "thurs": 3})
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}

SP = r"[ \t\u00a0\u202f]+"          # spaces within one line: an expression never spans lines
OSP = r"[ \t\u00a0\u202f]*"


def _names(words: list[str]) -> str:
    """Title-case and upper-case forms: month and weekday names are capitalised in running text."""
    return "|".join(f"{w.title()}|{w.upper()}" for w in words)


_MON_ABBR = ["sept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _mon(name: str) -> str:
    return (rf"(?P<{name}>(?:{_names(_MONTHS)})(?![A-Za-z])|(?:{_names(_MON_ABBR)})(?![A-Za-z])\.?)")


def _wd(name: str, abbreviated: bool = False) -> str:
    full = rf"(?:{_names(_WEEKDAYS)})(?![A-Za-z])"
    if abbreviated:
        abbr = _names(["tues", "thurs", "thur", "mon", "tue", "wed", "thu", "fri", "sat", "sun"])
        return rf"(?P<{name}>{full}|(?:{abbr})\.)"
    return rf"(?P<{name}>{full})"


def _day(name: str, after_dash: bool = False) -> str:
    before = "" if after_dash else r"(?<![\d.,:/])"
    return rf"{before}(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d%]|[.,:]\d)"


def _year(name: str) -> str:
    return rf"(?<![\d.,$£€])(?P<{name}>1\d\d\d|2[01]\d\d)(?![\d%]|[.,]\d)"


_DASH = rf"(?:{OSP}(?:-|–|—|to|and|&){OSP}|/)"
_HDASH = rf"(?:{OSP}(?:-|–|—){OSP}|/)"
_COMMA_YEAR = lambda n: rf"(?:,?{SP}{_year(n)})"  # noqa: E731

# A clock time, with an optional time zone or a second time in brackets ('4.17 a.m. (0117GMT)').
_AMPM = r"(?:[aApP]\.[ ]?[mM]\.|[aApP][mM](?![A-Za-z]))"
_ZONE = (rf"(?:{OSP}\((?:UTC|GMT)[^()\n]{{0,20}}\)|{SP}(?:local{SP}time|(?:GMT|UTC)(?:{OSP}[+\-−]{OSP}\d{{1,2}}(?::?\d\d)?)?"
         r"|[ECMP][SD]T|CET|CEST|EET|EEST|MSK|IST|BST|AST|GST|PKT|WIB)(?![A-Za-z]))")
_CLOCK = (rf"(?:(?<![\d:.,])(?P<h1>[01]?\d|2[0-4]):(?P<m1>[0-5]\d)(?![\d])(?::[0-5]\d)?+(?!:?\d)(?:{OSP}[-–]{OSP}(?:[01]?\d|2[0-4]):[0-5]\d)?(?:{OSP}(?P<ap1>{_AMPM}))?(?!{OSP}(?i:seconds|secs?|minutes|mins?)(?![A-Za-z]))"
          rf"|(?<![\d:.,])(?P<h2>[01]?\d|2[0-3])\.(?P<m2>[0-5]\d){OSP}(?P<ap2>{_AMPM})"
          rf"|(?<![\d:.,\-])(?P<h3>1[0-2]|0?[1-9])(?:{OSP}[-–]{OSP}(?:1[0-2]|0?[1-9]))?{OSP}(?P<ap3>{_AMPM})"
          rf"|(?<![\d:.,])(?P<hm4>[01]\d[0-5]\d|2[0-3][0-5]\d){OSP}(?:(?P<z4>GMT|UTC|hrs(?![A-Za-z]))|(?P<ap4>{_AMPM}))"
          r"|(?<![A-Za-z])(?P<word>(?i:noon|midday|midnight))(?![A-Za-z]))")
_CLOCK_RE = re.compile(_CLOCK)
_TIME_FULL = (rf"(?:{_CLOCK}(?:{_ZONE})?(?:{OSP}\({OSP}(?:\d{{3,4}}{OSP}(?:GMT|UTC|hrs)|\d{{1,2}}[:.]\d\d(?:{OSP}{_AMPM})?"
              rf"(?:{OSP}(?:GMT|UTC|local{SP}time))?){OSP}\))?)")
_TIME_LEAD = (r"(?i:(?:at|around|about|approximately|roughly|shortly(?:[ ]+(?:after|before))?|just(?:[ ]+(?:after|before))?"
              r"|after|before|by|until|till|from)[ \t]+)")
_TIME_RE = re.compile(rf"(?<![A-Za-z])(?:{_TIME_LEAD})*{_TIME_FULL}")

_WORDNUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_POD_WORDS = "morning|afternoon|evening|night|overnight"

# Each core pattern: (kind, regex). Prefixes (preposition, 'early', a clock time) and suffixes
# ('night', a clock time) are added around the chosen cores afterwards.
_CORES: list[tuple[str, str]] = [
    ("wd_mdy", rf"{_wd('wd', True)},?{SP}{_mon('m')}{SP}{_day('d')}{_COMMA_YEAR('y')}?"),
    ("wd_dmy", rf"{_wd('wd', True)},?{SP}(?:the{SP})?{_day('d')}(?:{SP}of)?{SP}{_mon('m')}{_COMMA_YEAR('y')}?"),
    ("range_dmy", rf"{_day('d1')}{_DASH}{_day('d2', True)}{SP}{_mon('m')}{_COMMA_YEAR('y')}?"),
    ("range_mdy", rf"{_mon('m')}{SP}{_day('d1')}{_HDASH}{_day('d2', True)}{_COMMA_YEAR('y')}?"),
    ("range_dmdm", rf"{_day('d1')}{SP}{_mon('m1')}{_HDASH}{_day('d2', True)}{SP}{_mon('m2')}{_COMMA_YEAR('y')}?"),
    ("range_mdmd", rf"{_mon('m1')}{SP}{_day('d1')}{_HDASH}{_mon('m2')}{SP}{_day('d2')}{_COMMA_YEAR('y')}?"),
    ("mdy", rf"{_mon('m')}{SP}{_day('d')}{_COMMA_YEAR('y')}?"),
    ("dmy", rf"(?:the{SP})?{_day('d')}(?:{SP}of)?{SP}{_mon('m')}{_COMMA_YEAR('y')}?"),
    ("dmy", rf"{_day('d')}-{_mon('m')}-{_year('y')}"),
    ("iso", rf"(?<![\d\-.]){_year('y')}(?P<sep>[-./])(?P<mo>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?![\d]|\.\d)"),
    ("numeric", rf"(?<![\d/.\-])(?P<a>[0-3]?\d)(?P<sep>[/.\-])(?P<b>[0-3]?\d)(?P=sep){_year('y')}"),
    ("month_year", rf"{_mon('m')}(?:,|{SP}of)?{SP}{_year('y')}"),
    ("month_rel_year", rf"{_mon('m')}(?:,|{SP}of)?{SP}(?P<rel>(?i:last|this|next)){SP}(?i:year)(?![A-Za-z])"),
    ("season", rf"(?P<rel>(?i:last|this|next)){SP}(?i:spring|summer|autumn|fall|winter)(?![A-Za-z])"),
    ("month", rf"(?P<ctx>(?i:(?:in|since|until|till|during|through|throughout|from|early|late|last|next|this)"
              rf"{SP}|(?:the{SP})?(?:end|beginning|start|middle){SP}of{SP})|(?i:mid|early|late)-)"
              rf"{_mon('m')}(?!\.?{OSP}\d|['’]s)"),
    ("year_range", rf"(?P<ctx>(?i:in|since|from|between|during|by){SP})?{_year('y')}(?:-|–|/)(?:{_year('y2')}|(?P<yy>\d\d))(?![\d\-])"),
    ("decade", rf"(?:(?i:the){SP})?(?:(?i:early|mid|late)(?:{SP}|-))?(?<!\d)(?P<dec>1\d\d0|20\d0)['’]?s(?![A-Za-z])"),
    ("year", rf"(?P<ctx>(?i:in|since|until|till|during|through|throughout|by|before|after|early|late|mid|spring|summer|autumn|fall|winter)"
             rf"{SP}|(?i:mid|early|late)-){_year('y')}(?![\-–/]\d)"),
    ("rel_wd", rf"(?P<rel>(?i:last|this|next|past)){SP}{_wd('wd')}(?!['’]s)"),
    ("weekday", rf"{_wd('wd')}(?P<pos>['’]s)?"),
    ("holiday", r"(?P<hol>Christmas(?:[ ]+(?:Day|Eve))?|New[ ]+Year['’]s(?:[ ]+(?:Day|Eve))?)(?![A-Za-z])"),
    ("relative", rf"(?P<rw>(?i:the{SP}day{SP}before{SP}yesterday|the{SP}day{SP}after{SP}tomorrow|today|tonight|yesterday|tomorrow"
                 rf"|last{SP}night|this{SP}(?:morning|afternoon|evening)))(?![A-Za-z])(?P<pos>['’]s)?"),
    ("ago", rf"(?P<n>(?i:{_WORDNUM})){SP}(?i:days?){SP}(?i:ago)(?![A-Za-z])"),
    ("period", rf"(?P<rel>(?i:(?:earlier|later|early|late){SP})?(?i:last|this|next)){SP}(?P<unit>(?i:week|month|year|weekend))(?![A-Za-z])"),
    ("weekend", rf"(?P<rel>(?i:over|at|during|on)){SP}(?i:the){SP}(?i:weekend)(?![A-Za-z])"),
    ("anaphor", rf"(?P<ana>(?i:(?:the|that){SP}same{SP}(?:day|{_POD_WORDS})|that{SP}(?:day|{_POD_WORDS})"
                rf"|the{SP}(?:next|following|previous){SP}(?:day|{_POD_WORDS})"
                rf"|(?:earlier|later){SP}that{SP}(?:day|{_POD_WORDS})))(?![A-Za-z])"),
    ("anaphor_shift", rf"(?:(?P<n>(?i:{_WORDNUM})){SP}(?i:days?){SP}(?P<dir>(?i:later|earlier))"
                      rf"|(?i:the){SP}(?i:day){SP}(?P<ba>(?i:before|after)))(?=[ \t]*[,.;:)\n]|$)"),
]
_CORE_RES = [(kind, re.compile(rf"(?<![A-Za-z]){p}")) for kind, p in _CORES]

# Affixes, tried around a core until none applies; each at most once.
_PREP_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<w>(?i:on|since|in)){SP}$")
_MOD_BEFORE = re.compile(rf"(?<![A-Za-z])(?i:(?:very{SP})?(?:early|earlier|late|later)){SP}$")
_POD_OF_BEFORE = re.compile(rf"(?<![A-Za-z])(?i:(?:(?:in|on|during){SP})?the{SP}(?:(?:early|small|wee){SP})?"
                            rf"(?:hours|{_POD_WORDS}){SP}of){SP}$")
_TIME_BEFORE = re.compile(rf"(?:{_TIME_LEAD})*{_TIME_FULL}(?:,)?{SP}(?:(?i:on){SP})?$")
_POD_AFTER = re.compile(rf"{SP}(?i:{_POD_WORDS})(?![A-Za-z])")
# A time that leads into another date ('Monday, at 3 a.m. on Tuesday') belongs to that one.
_TIME_AFTER = re.compile(rf",?{SP}(?:{_TIME_LEAD})*{_TIME_FULL}(?!,?{SP}(?i:on){SP})")
_DAY_KINDS = {"wd_mdy", "wd_dmy", "mdy", "dmy", "iso", "numeric", "rel_wd", "weekday", "holiday", "relative",
              "ago", "anaphor", "anaphor_shift", "range_dmy", "range_mdy", "range_dmdm", "range_mdmd"}
_QUOTE = str.maketrans({"’": "'", "‘": "'", "\u00a0": " ", "\u202f": " "})
_NAME_BEFORE_TODAY = re.compile(r"[A-Z][A-Za-z]*[ ]+$")


# ---------------------------------------------------------------------------------------------
# Resolution helpers

def _as_date(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month(text: str) -> int:
    t = text.rstrip(".").lower()
    return _MONTH_NUM.get(t) or _MONTH_NUM[t[:3]]


def _weekday(text: str) -> int:
    t = text.rstrip(".").lower()
    return _WEEKDAY_NUM.get(t, _WEEKDAY_NUM.get(t[:3], 0))


def _weekday_date(pub: date, wd: int, future: bool) -> date:
    if future:
        return pub + timedelta(days=(wd - pub.weekday()) % 7)
    return pub - timedelta(days=(pub.weekday() - wd) % 7)


def _month_day(pub: date, m: int, d: int, future: bool) -> date | None:
    """A month and day without a year: the most recent on or before publication (next if future)."""
    for y in ((pub.year, pub.year + 1) if future else (pub.year, pub.year - 1)):
        day = _safe_date(y, m, d)
        if day is not None and (day >= pub if future else day <= pub):
            return day
    # 29 February in a year without it, or nothing on the wanted side.
    return _safe_date(pub.year, m, d)


def _hhmm(m: re.Match) -> str | None:
    g = m.groupdict()
    if g.get("word"):
        return "00:00" if g["word"].lower() == "midnight" else "12:00"
    if g.get("hm4"):
        h, mi, ap = int(g["hm4"][:2]), int(g["hm4"][2:]), g.get("ap4")
    else:
        for k in "123":
            if g.get("h" + k):
                h, mi, ap = int(g["h" + k]), int(g.get("m" + k) or 0), g.get("ap" + k)
                break
        else:
            return None
    if ap:
        pm = ap.lower().startswith("p")
        if h > 12 or h == 0:
            pm = False  # '13:24 p.m.': the 24-hour clock wins
        elif pm and h != 12:
            h += 12
        elif not pm and h == 12:
            h = 0
    if h == 24 and mi == 0:
        h = 0
    if h > 23:
        return None
    return f"{h:02d}:{mi:02d}"


def _first_time(text: str) -> str | None:
    m = _CLOCK_RE.search(text)
    return _hhmm(m) if m else None


@lru_cache(maxsize=4096)
def _dateparser_day(text: str, base: date | None) -> date | None:
    """dateparser on one isolated span (never on running text), to a day or None."""
    import dateparser

    settings = {"PREFER_DATES_FROM": "current_period", "REQUIRE_PARTS": ["day", "month"],
                "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day, 12)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; an unread span stays unresolved
        return None
    return parsed.date() if parsed else None


_FIXING_VERBS = {"schedule", "reschedule", "postpone", "delay", "slate", "due", "set", "plan", "move", "push"}


def _is_future(doc, start: int, end: int) -> bool:
    """Whether the clause the expression belongs to is in the future tense ('will meet on Friday')."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    prep = tok.head if tok.dep_ == "pobj" else (doc[span.start - 1] if span.start > 0 else None)
    target = prep is not None and prep.lower_ in ("to", "for", "until", "till", "from")
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.head.i == tok.i:
            break
        tok = tok.head
    for _ in range(3):
        children = list(tok.children)
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "'ll", "wo", "’ll") for c in children):
            return True
        if tok.lower_ in ("will", "shall"):
            return True
        # 'postponed to April 28', 'set for Friday', 'a meeting scheduled on May 2': dates fixed
        # ahead of time ('on Friday postponed the games' is when the postponing happened).
        if tok.lemma_ in _FIXING_VERBS and (target or (tok.tag_ == "VBN" and tok.lemma_ not in ("set", "plan"))):
            return True
        present_be = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are", "am", "'s", "'re") for c in children)
        if present_be and tok.lemma_ in ("go", "set", "expect", "plan"):
            return True
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            break  # 'is expected to meet on Friday': the tense is the governing verb's
        tok = tok.head
    return False


# ---------------------------------------------------------------------------------------------
# Finding

@dataclass
class _Found:
    start: int
    end: int
    kind: str
    m: re.Match | None
    core: tuple[int, int]
    prep: str = ""
    time: str | None = None
    time_before: bool = False   # the clock time came before the date ('at 4:00 AM on Tuesday')


def _cores(text: str, doc, pub: date | None) -> list[_Found]:
    cands: list[tuple[int, int, int, str, re.Match | None]] = []
    for order, (kind, rx) in enumerate(_CORE_RES):
        for m in rx.finditer(text):
            if m.end() > m.start() and _plausible(text, kind, m, doc):
                cands.append((m.start(), m.end(), order, kind, m))
    # Bare years the parse calls DATE ('the 1939 earthquake', '2020 elections'); the parse also
    # calls scores and extensions DATE ('a score of 1270'), hence the narrower range.
    if doc is not None:
        top = pub.year + 30 if pub else 2100
        for ent in doc.ents:
            if ent.label_ != "DATE":
                continue
            for tok in ent:
                if re.fullmatch(r"1[89]\d\d|2[01]\d\d", tok.text) and int(tok.text) <= top \
                        and not _NOT_A_YEAR_BEFORE.search(text[max(0, tok.idx - 12):tok.idx]):
                    cands.append((tok.idx, tok.idx + len(tok.text), len(_CORE_RES), "year_ent", None))
    # The longest expression wins an overlap ('Since Jan. 1, 2007' over 'Since Jan'), then the
    # earlier one, then the pattern listed first.
    cands.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    chosen: list[_Found] = []
    for s, e, _, kind, m in cands:
        if any(s < f.end and f.start < e for f in chosen):
            continue
        chosen.append(_Found(s, e, kind, m, (s, e)))
    chosen.sort(key=lambda f: f.start)
    return chosen


_NOT_A_YEAR_BEFORE = re.compile(r"(?:©|\(c\)|(?i:copyright)|(?i:ext|no|tel|fax|ph)\.?|#)\s*$")
_NAME_AFTER_WEEKDAY = re.compile(rf"{SP}(?:Times|Telegraph|Mail|Mirror|Express|Herald|Post|Independent|Star|Tribune|Sport"
                                 rf"|Night{SP}Live|Bloody)(?![A-Za-z])")


def _plausible(text: str, kind: str, m: re.Match, doc) -> bool:
    """Drop readings that are names or counts, not dates."""
    s, e = m.start(), m.end()
    if kind in ("year", "year_range", "decade") and _NOT_A_YEAR_BEFORE.search(text[max(0, s - 12):s]):
        return False
    if kind in ("year", "year_range") and doc is not None and not _year_in_context(doc, m):
        return False
    if kind == "weekday" and _NAME_AFTER_WEEKDAY.match(text, e):
        return False  # 'the Sunday Times'
    if kind == "relative" and m.group("rw") == "Today" and _NAME_BEFORE_TODAY.search(text[max(0, s - 30):s]):
        return False  # 'USA Today', 'India Today': a capitalised 'Today' after a name is a title
    return True


def _year_in_context(doc, m: re.Match) -> bool:
    """A year after 'in'/'since' (or a span of years) unless the parse reads it as a count."""
    span = doc.char_span(m.start("y"), m.end("y"), alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    tok = span[0]
    # 'in 1500 homes': a number before a plural noun counts something, whatever the entity says.
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    while nxt is not None and (nxt.text in ("-", "–", "/") or nxt.like_num):
        nxt = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    if nxt is not None and nxt.tag_ in ("NNS", "NNPS") and nxt.ent_type_ != "DATE":
        return False
    if tok.ent_type_ == "DATE":
        return True
    return tok.ent_type_ not in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT") and tok.dep_ != "nummod"


_POD_KINDS = {"wd_mdy", "wd_dmy", "mdy", "dmy", "iso", "numeric", "rel_wd", "holiday"}
_NO_PREP_KINDS = {"anaphor_shift", "ago", "period", "weekend", "month", "year", "year_range", "decade"}


def _extend(text: str, f: _Found) -> None:
    """Add the preposition, 'early', 'in the early hours of' and clock times around a core."""
    g = f.m.groupdict() if f.m is not None else {}
    if (g.get("ctx") or "").strip().lower() == "since":
        f.prep = "since"
    day_like = f.kind in _DAY_KINDS
    used: set[str] = set()
    changed = True
    while changed:
        changed = False
        window = text[max(0, f.start - 80):f.start]
        for name, rx in (("prep", _PREP_BEFORE), ("mod", _MOD_BEFORE), ("podof", _POD_OF_BEFORE), ("time", _TIME_BEFORE)):
            if name in used or (name in ("time", "podof") and not day_like):
                continue
            if name == "prep" and (f.kind in _NO_PREP_KINDS or f.prep):
                continue
            mm = rx.search(window)
            if not mm:
                continue
            if name == "prep":
                w = mm.group("w").lower()
                if (w == "in" and day_like) or (w == "on" and not day_like):
                    continue
                f.prep = w
            elif name == "time":
                f.time, f.time_before = _first_time(mm.group(0)), True
            f.start -= len(window) - mm.start()
            used.add(name)
            changed = True
            break
    if not day_like:
        return
    rest = text[f.end:f.end + 80]
    pod_ok = (f.kind in _POD_KINDS or (f.kind == "weekday" and not g.get("pos"))
              or (f.kind == "relative" and not g.get("pos") and g["rw"].lower() in ("yesterday", "tomorrow", "today")))
    mm = _POD_AFTER.match(rest) if pod_ok else None
    if mm:
        f.end += mm.end()
        rest = text[f.end:f.end + 80]
    if f.time is None:
        mm = _TIME_AFTER.match(rest)
        if mm and (t := _first_time(mm.group(0))) is not None:
            f.time = t
            f.end += mm.end()


def _key_text(text: str, f: _Found) -> str:
    core = re.sub(r"\s+", " ", text[f.core[0]:f.core[1]]).translate(_QUOTE).lower().strip()
    return core if not f.prep or core.startswith(f.prep + " ") else f"{f.prep} {core}"


def _resolve(text: str, f: _Found, pub: date | None, prev: date | None, doc, numeric_order: str | None = None) -> DateMention:
    """The mention for one extended span; `prev` is the most recent day resolved before it;
    `numeric_order` ('dmy' or 'mdy') is what the article's unambiguous numeric dates use."""
    k, m = f.kind, f.m
    g = m.groupdict() if m is not None else {}
    resolved = end = start = None
    precision, anchor = "unresolved", "absolute"

    def future() -> bool:
        return _is_future(doc, f.start, f.end)

    if k in ("wd_mdy", "wd_dmy", "mdy", "dmy"):
        mo, d = _month(g["m"]), int(g["d"])
        if g.get("y"):
            resolved = _safe_date(int(g["y"]), mo, d)
        else:
            anchor = "publication"
            resolved = _month_day(pub, mo, d, future()) if pub else None
        precision = "day" if resolved else "unresolved"
    elif k in ("range_dmy", "range_mdy", "range_dmdm", "range_mdmd"):
        m1 = _month(g.get("m") or g["m1"])
        m2 = _month(g.get("m") or g["m2"])
        d1, d2 = int(g["d1"]), int(g["d2"])
        if g.get("y"):
            y2 = int(g["y"])
            # "30 December - 2 January 2021" spans a new year; "30-2 November" is no range at all
            y1 = y2 - 1 if m1 > m2 else y2
            a, b = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
        elif pub:
            anchor = "publication"
            b = _month_day(pub, m2, d2, future())
            a = _safe_date(b.year - (1 if m1 > m2 else 0), m1, d1) if b else None
        else:
            anchor, a, b = "publication", None, None
        if a and b and a < b:
            precision, start, end = "range", a, b
        elif a and b and a == b:
            precision, resolved = "day", a
    elif k == "iso":
        resolved = _safe_date(int(g["y"]), int(g["mo"]), int(g["d"]))
        precision = "day" if resolved else "unresolved"
    elif k == "numeric":
        y, a, b = int(g["y"]), int(g["a"]), int(g["b"])
        dmy, mdy = _safe_date(y, b, a), _safe_date(y, a, b)
        options = [x for x in (dmy, mdy) if x]
        if len(set(options)) == 1:
            resolved = options[0]
        elif options and numeric_order:
            resolved = dmy if numeric_order == "dmy" else mdy
        elif options and pub:
            # Day-month or month-day: the reading nearer publication (news dates are recent).
            resolved = min(options, key=lambda x: abs((x - pub).days))
        precision = "day" if resolved else "unresolved"
    elif k == "month_year":
        precision = "month"
    elif k == "month_rel_year":  # 'March last year': the month of the year before publication's
        precision, anchor = "month", "publication"
        if pub:
            start = date(pub.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()], _month(g["m"]), 1)
    elif k == "season":  # 'last fall': a season, no day and no agreed first day
        precision, anchor = "range", "publication"
    elif k == "month":
        precision, anchor = "month", "publication"
    elif k in ("year", "year_ent", "decade"):
        precision = "year"
    elif k == "year_range":
        precision = "range"
    elif k == "weekday":
        anchor = "publication"
        if pub:
            resolved, precision = _weekday_date(pub, _weekday(g["wd"]), future()), "day"
    elif k == "rel_wd":
        anchor = "publication"
        if pub:
            wd, rel = _weekday(g["wd"]), g["rel"].lower()
            monday = pub - timedelta(days=pub.weekday())
            if rel in ("last", "past"):
                resolved = monday - timedelta(days=7 - wd)
            elif rel == "this":
                resolved = monday + timedelta(days=wd)
            else:
                resolved = pub + timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)
            precision = "day"
    elif k == "holiday":
        anchor = "publication"
        h = g["hol"].lower().translate(_QUOTE)
        mo, d = (12, 24) if h.endswith("eve") and h.startswith("christmas") else \
                (12, 31) if h.endswith("eve") else (1, 1) if h.startswith("new") else (12, 25)
        if pub:
            resolved, precision = _month_day(pub, mo, d, future()), "day"
    elif k == "relative":
        anchor = "publication"
        rw = re.sub(r"\s+", " ", g["rw"].lower())
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
                 "the day before yesterday": -2, "the day after tomorrow": 2}.get(rw, 0)
        if pub:
            resolved, precision = pub + timedelta(days=shift), "day"
    elif k == "ago":
        anchor = "publication"
        n = g["n"].lower()
        n = int(n) if n.isdigit() else _NUMBER_WORDS.get(n, 1)
        if pub:
            resolved, precision = pub - timedelta(days=n), "day"
    elif k == "period":
        anchor = "publication"
        unit = g["unit"].lower()
        precision = {"week": "week", "month": "month", "year": "year", "weekend": "range"}[unit]
        if pub and unit == "weekend":
            # This weekend is the one of the publication's calendar week; last and next are a week off.
            rel = g["rel"].lower().split()[-1]
            sat = pub + timedelta(days=5 - pub.weekday()) + timedelta(days={"last": -7, "next": 7}.get(rel, 0))
            start, end = sat, sat + timedelta(days=1)
    elif k == "weekend":
        anchor, precision = "publication", "range"
        if pub:
            sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
            start, end = sat, sat + timedelta(days=1) if sat + timedelta(days=1) <= pub else sat
    elif k in ("anaphor", "anaphor_shift"):
        base = prev if prev is not None else pub
        anchor = "previous date" if prev is not None else "publication"
        shift = 0
        if k == "anaphor":
            a = g["ana"].lower()
            if "next" in a or "following" in a:
                shift = 1
            elif "previous" in a:
                shift = -1
        elif g.get("n"):
            n = g["n"].lower()
            n = int(n) if n.isdigit() else _NUMBER_WORDS.get(n, 1)
            shift = n if g["dir"].lower() == "later" else -n
        else:
            shift = -1 if g["ba"].lower() == "before" else 1
        if base:
            resolved, precision = base + timedelta(days=shift), "day"
    elif k == "fallback":
        span = text[f.core[0]:f.core[1]]
        resolved = _dateparser_day(span, pub)
        if resolved is not None and not re.search(r"\d{4}", span):
            # No year written: the same rule as 'On September 19', not dateparser's current year.
            anchor = "publication"
            resolved = _month_day(pub, resolved.month, resolved.day, future()) if pub else None
        precision = "day" if resolved else "unresolved"

    if start is None and precision in ("month", "year", "range") or f.prep == "since":
        start = start or resolved or _period_start(text[f.start:f.end])
    if f.prep == "since":
        precision, end = "open range", None
    if f.time is not None and resolved is not None and f.prep != "since":
        precision = "time"
    if not pub and anchor == "publication":
        resolved, end, precision, start = None, None, "unresolved", None
    if precision in ("day", "time", "week", "unresolved") and f.prep != "since":
        start = None  # a single day has no range; an unresolved expression none either
    return DateMention(f.start, f.end, resolved, end, f.time, precision, anchor, start)


def _period_start(span: str) -> date | None:
    """The first day of the month or year a span names ('since August 2022' = 2022-08-01,
    'in 1991' = 1991-01-01), or None."""
    year = re.search(r"\b(1\d{3}|20\d{2})\b", span)
    if not year:
        return None
    month = re.search(r"(?i)\b(" + "|".join(_MONTHS) + r"|" + "|".join(m[:3] for m in _MONTHS) + r")\b", span)
    return _safe_date(int(year.group(1)), _MONTH_NUM[month.group(1).lower()] if month else 1, 1)


def _fallback_spans(doc, taken: list[tuple[int, int]]) -> list[_Found]:
    """DATE entities none of the patterns read that still name a month and a day."""
    out = []
    if doc is None:
        return out
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        s, e = ent.start_char, ent.end_char
        if any(s < te and ts < e for ts, te in taken):
            continue
        t = ent.text
        if "/" not in t and re.search(r"\d", t) and re.search(r"(?i)\b(" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\b", t) \
                and not re.search(r"(?i)\b(days?|weeks?|months?|years?|ago|later|earlier|since|until)\b", t):
            out.append(_Found(s, e, "fallback", None, (s, e)))
    return out


def _bare_times(text: str, taken: list[tuple[int, int]]) -> list[_Found]:
    out = []
    for m in _TIME_RE.finditer(text):
        s, e = m.start(), m.end()
        if any(s < te and ts < e for ts, te in taken):
            continue
        t = _first_time(text[s:e])
        if t is None:
            continue
        out.append(_Found(s, e, "time", m, (s, e), time=t))
    return out


def _numeric_order(found: list[_Found]) -> str | None:
    """'dmy' or 'mdy' when the article's numeric dates that can be read one way only agree."""
    votes = {"dmy": 0, "mdy": 0}
    for f in found:
        a, b = int(f.m.group("a")), int(f.m.group("b"))
        if a > 12 >= b:
            votes["dmy"] += 1
        elif b > 12 >= a:
            votes["mdy"] += 1
    if votes["dmy"] != votes["mdy"]:
        return max(votes, key=votes.get)
    return None


def _occurrences(doc, published: date | None) -> list[tuple[DateMention, str]]:
    """Every date and time expression with the key that says which expression it repeats."""
    text = doc.text if doc is not None else ""
    pub = _as_date(published)
    found = _cores(text, doc, pub)
    for f in found:
        _extend(text, f)
    # Extensions may now overlap a neighbour ('19 Sep. 17:50' read a time another core claimed).
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[_Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            if f.core[0] >= kept[-1].end:
                if f.time_before:
                    f.time = None
                f.start = kept[-1].end
                while f.start < f.core[0] and text[f.start].isspace():
                    f.start += 1
            else:
                continue
        kept.append(f)
    taken = [(f.start, f.end) for f in kept]
    extra = _fallback_spans(doc, taken)
    taken += [(f.start, f.end) for f in extra]
    extra += _bare_times(text, taken)
    allf = sorted(kept + extra, key=lambda f: f.start)
    numeric_order = _numeric_order([f for f in kept if f.kind == "numeric"])

    out: list[tuple[DateMention, str]] = []
    prev: date | None = None
    prev_key = "publication"
    for f in allf:
        if f.kind == "time":
            base = prev if prev is not None else pub
            anchor = "previous date" if prev is not None else "publication"
            dm = DateMention(f.start, f.end, base, None, f.time, "time" if base else "unresolved", anchor)
            key = prev_key if prev is not None else f"publication {base}"
            out.append((dm, key))
            continue
        try:
            dm = _resolve(text, f, pub, prev, doc, numeric_order)
        except OverflowError:  # a day before 1 January 1 or after 9999
            dm = DateMention(f.start, f.end, None, None, f.time, "unresolved", "publication")
        key = f"{_key_text(text, f)} {dm.resolved} {dm.resolved_end}"
        if dm.resolved is not None:
            prev, prev_key = dm.resolved, key
        out.append((dm, key))
    return out


def date_occurrences(doc, published: date | None) -> list[DateMention]:
    """Every occurrence of every date and time expression, in text order (for incidents, which
    need the dates of each sentence and each bare clock time)."""
    return [dm for dm, _ in _occurrences(doc, published)]


def find_dates(doc, published: date | None) -> list[DateMention]:
    """Each distinct date expression of the article once, at its first occurrence: the rows of
    the `dates` table, as the gold annotations list them."""
    seen: set[str] = set()
    out = []
    for dm, key in _occurrences(doc, published):
        if key in seen:
            continue
        seen.add(key)
        out.append(dm)
    return out
