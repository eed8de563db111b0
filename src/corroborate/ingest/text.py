"""Plain-text articles in the shapes scraped news files come in.

Scraped files carry metadata in their first and last lines. Each rule below is one function that
looks at those lines, takes what it recognises into the article's metadata and, when the line is
metadata only, removes it from the stored text:

- a leading ` date YYYY-MM-DD` (the scraper's publication date), followed on the same line by a
  time stamp (dropped) or by the headline or first sentence (kept);
- `Last update: ...` / `Updated: ...` -> `updated`; `Published: ...` -> `published`;
- bylines `By NAME [DATE]`, `writer: NAME`, `(Reporting by NAME; ...)` -> `author`;
- a last line of its own that names the outlet (`News.Az`) -> `outlet`, when it has the shape of
  an outlet name (`outlets.is_sign_off_name`): page furniture ("Most Popular", "Facebook Comments"),
  labelled bylines ("Editor: Name"), a person's name or a stray caption word stay in the text;
- a dateline opening the body (`BAKU –`, `MOSCOW, September 11./TASS/.`, `ISMAILIA, EGYPT:`) ->
  `dateline` (and a wire tag such as TASS -> `outlet` when nothing else names it). The dateline stays
  in the text: it is part of the first sentence and names a place later stages need;

Outlets found here are the weakest evidence there is: a metadata file, a given field or the
article's URL names the outlet first (`outlets.settle_outlet`).
- the headline: an early short line without a closing full stop -> `title`. It stays in the text,
  because headlines make claims ("..., says health minister") that later stages attribute.

The publication date is the article's own: the ` date` header or the byline date, never a later
update. Rules only look at the head (first lines) and the tail (last lines), so body text that
happens to start with "By" is left alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import compress

from .dates import _MONTHS, parse_date
from .outlets import is_sign_off_name, is_site_name

HEAD_LINES = 15  # metadata rules look this far into the file (non-blank lines)
TAIL_LINES = 4   # ... and this far from its end

_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.I)
_UPDATED = re.compile(r"^(?:last[ \t]+)?(?:updated?|modified)(?:[ \t]+(?:on|at))?[ \t]*[:\-–]?[ \t]*(.*)$", re.I)
_PUBLISHED = re.compile(r"^(?:published|posted|first published)(?:[ \t]+(?:on|at))?[ \t]*[:\-–]?[ \t]*(.*)$", re.I)
_BYLINE = re.compile(r"^(?:By|BY)[ \t:]+(.+)$")
_AUTHOR_LABEL = re.compile(r"^(?:writer|author|authors|reporter|written by|text)[ \t]*[:\-–][ \t]*(.+)$", re.I)
_REPORTING_BY = re.compile(r"^\(?\s*(?:Reporting|Writing|Reported)[ \t]+by[ \t]+([^;)]+)", re.I)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]*|and|de|da|del|der|van|von|bin|al|el|la|le|of|&)$")
_MONTH_WORDS = set(_MONTHS)
_WEEKDAYS = {"mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thursday",
             "fri", "friday", "sat", "saturday", "sun", "sunday"}
_CLOCK_WORDS = {"utc", "gmt", "msk", "cet", "cest", "est", "edt", "pst", "pdt", "bst", "am", "pm", "a.m",
                "p.m", "at", "local", "time"}
_DIGIT = re.compile(r"\d")
_PARENS = re.compile(r"\([^)]*\)")
# Words of any script ("a.m." is one word), so that a text in a script without Latin letters is
# not read as a time stamp for having none.
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*")
_DATE_START = re.compile(r"\b(?:\d{1,4}\b|(?:" + "|".join(_MONTH_WORDS | _WEEKDAYS) + r")\b)", re.I)
_BYLINE_TAIL = re.compile(r"[\s,|–\-·•]+(?:on|published|updated)?[\s,|–\-·•]*$", re.I)
_NAME_SPLIT = re.compile(r"\s+and\s+|,\s*")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# Characters that end a sentence, and a clause. A line ends like a sentence when its last character
# is one of them (what re.search(r"[...]$", line) says: lines never hold a newline, as the text is
# split on them, and looking at the last character spares the regex trying every position).
_SENTENCE_END_CHARS = frozenset(".;:,!?\"”’'»)]")
_CLAUSE_END_CHARS = frozenset(".;:,")
_BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")

# The characters a stripped line must start with for each single-line rule's pattern to match it
# (_UPDATED, _PUBLISHED, _BYLINE, _AUTHOR_LABEL, _REPORTING_BY), so that most lines are passed over
# after one look-up instead of five regex matches. Case-insensitive classes, like the patterns, so
# they agree with them on every character; `_line_rules` caches the answer per first character.
_RULE_STARTS = (re.compile(r"[lum]", re.I), re.compile(r"[pf]", re.I), re.compile(r"B"),
                re.compile(r"[wart]", re.I), re.compile(r"[(\srw]", re.I))
_RULES_BY_START: dict[str, tuple[bool, ...]] = {}

# Capital letters of the Latin, Greek and Cyrillic alphabets (datelines are written in capitals).
_CAPS = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĞĠĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŪŮŰŲŹŻŽΑ-ΩЁЄІЇЎА-Я"
_NOT_CAPS = re.compile("[^" + _CAPS + "]")
_PLACE = "[" + _CAPS + "][" + _CAPS + "'’.\\-]+(?:[ \\-][" + _CAPS + "][" + _CAPS + "'’.\\-]+)*"
_REGION = r"[A-Z][A-Za-z'’.\-]+(?: [A-Z][A-Za-z'’.\-]+){0,2}"
# "September 11" or, as many languages write it, "11 марта" / "12 mars".
_DL_DATE = (r"(?:(?i:" + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True)) + r")\.? \d{1,2}"
            r"|\d{1,2}\.? [^\W\d_]{3,12})")
_DATELINE = re.compile(
    r"^(?P<place>" + _PLACE + r")"
    r"(?:,[ \t]*(?P<region>" + _REGION + r"))??"
    r"(?:,[ \t]*(?P<date>" + _DL_DATE + r"))?\.?[ \t]*"
    r"(?:(?:/[ \t]*(?P<tag>[A-Za-z][\w\-]*)[ \t]*/|\((?P<tag2>[A-Z][\w\- ]{1,20})\))\.?)?[ \t]*"
    r"(?:–|—|--|-|:|(?<=[./)]))[ \t]+(?=\S)")


@dataclass
class TextMeta:
    published: date | None = None
    updated: date | None = None
    author: str | None = None
    outlet: str | None = None
    title: str | None = None
    dateline: str | None = None
    notes: list[str] = field(default_factory=list)


def _words(line: str) -> list[str]:
    return line.split()


def _n_words(line: str, limit: int) -> int:
    """min(len(line.split()), limit + 1), without splitting a long line to the end."""
    return len(line.split(None, limit))


def _line_rules(first: str) -> tuple[bool, ...]:
    """Which single-line rules can match a stripped line starting with `first`."""
    rules = _RULES_BY_START.get(first)
    if rules is None:
        rules = _RULES_BY_START[first] = tuple(bool(p.match(first)) for p in _RULE_STARTS)
    return rules


def is_timestamp(rest: str) -> bool:
    """True for what scrapers put after a date: '19 Sep. 17:50 (UTC+3 MSK)', '12:00', 'Mar 3'."""
    if not rest.strip() or not _DIGIT.search(rest):
        return False
    stripped = _PARENS.sub(" ", rest)
    for token in _LETTER_WORD.findall(stripped):
        if token.lower().rstrip(".") not in _MONTH_WORDS | _WEEKDAYS | _CLOCK_WORDS:
            return False
    return True


def _looks_like_name(text: str) -> bool:
    words = _words(text)
    return 1 <= len(words) <= 8 and len(text) <= 80 and all(_NAME_WORD.match(w) for w in words)


def parse_byline(rest: str) -> tuple[str | None, date | None]:
    """'Ilham Karimli September 19, 2023' -> ('Ilham Karimli', 2023-09-19)."""
    published = parse_date(rest)
    name = rest
    if published:
        # The name is whatever precedes the first token that starts the date.
        m = _DATE_START.search(rest)
        name = rest[: m.start()] if m else rest
    name = _BYLINE_TAIL.sub("", name.strip())
    name = name.strip(" ,|–-·•")
    return (name if name and _looks_like_name(name) else None), published


def parse_text(raw: str) -> tuple[str, TextMeta]:
    """Split a scraped text file into its stored text and the metadata its header lines carry."""
    meta = TextMeta()
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = raw.split("\n")
    keep = [True] * len(lines)
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if not nonblank:
        return "", meta
    head = nonblank[:HEAD_LINES]
    tail = nonblank[-TAIL_LINES:]

    # Rule: the scraper's ' date YYYY-MM-DD' prefix on the first line.
    first = head[0]
    m = _DATE_PREFIX.match(lines[first])
    if m:
        meta.published = parse_date(m.group(1))
        rest = m.group(2).strip()
        if rest and not is_timestamp(rest):
            lines[first] = rest
        else:
            keep[first] = False

    # Rules on single metadata lines at the head or tail of the file.
    for i in dict.fromkeys(head + tail):
        if not keep[i]:
            continue
        line = lines[i].strip()
        updated, published, byline, label, reporting = _line_rules(line[:1])
        if updated and (m := _UPDATED.match(line)) and (d := parse_date(m.group(1))):
            meta.updated = meta.updated or d
            keep[i] = False
        elif published and (m := _PUBLISHED.match(line)) and (d := parse_date(m.group(1))):
            meta.published = meta.published or d
            keep[i] = False
        elif byline and (m := _BYLINE.match(line)) and i in head:
            name, d = parse_byline(m.group(1))
            if name:
                meta.author = meta.author or name
                meta.published = meta.published or d
                keep[i] = False
        elif label and (m := _AUTHOR_LABEL.match(line)) and _looks_like_name(m.group(1).strip()):
            meta.author = meta.author or m.group(1).strip()
            keep[i] = False
        elif reporting and (m := _REPORTING_BY.match(line)) and i in tail:
            names = _NAME_SPLIT.split(m.group(1).strip())
            if all(_looks_like_name(n) for n in names if n):
                meta.author = meta.author or m.group(1).strip()
                keep[i] = False

    remaining = [i for i in nonblank if keep[i]]
    if not remaining:
        return "", meta

    # Rule: a sign-off line naming the outlet, alone in the last paragraph.
    last = remaining[-1]
    sign = lines[last].strip()
    words = sign.split(None, 4)  # all its words when there are at most 4, the only case used
    if (len(remaining) > 1 and last > 0 and not lines[last - 1].strip()
            and 1 <= len(words) <= 4 and len(sign) <= 40 and sign[-1] not in _SENTENCE_END_CHARS
            and all(w[0].isupper() or w[0].isdigit() for w in words) and _LATIN_LETTER.search(sign)
            and lines[remaining[-2]].strip()[-1] in _SENTENCE_END_CHARS
            and is_sign_off_name(sign, meta.author)):
        meta.outlet = sign
        keep[last] = False
        remaining.pop()

    # Rule: the headline is an early short line that does not end like a sentence.
    for i in remaining[:3]:
        line = lines[i].strip()
        n = _n_words(line, 31)  # the word count, or 32 for any count above 31
        if _DATELINE.match(line):
            break
        if 3 <= n <= 30 and line[-1] not in _CLAUSE_END_CHARS and (line[0].isupper() or line[0].isdigit()
                                                                  or line[0] in "\"“'‘«"):
            meta.title = line
            break
        if n > 12:
            break  # the body has started

    # Rule: a dateline opens the first body paragraph (after a headline, subtitle or caption).
    for i in remaining[:6]:
        line = lines[i].strip()
        if line == meta.title or _n_words(line, 8) < 8:
            continue
        if m := _DATELINE.match(line):
            place = m.group("place")
            if len(_NOT_CAPS.sub("", place)) >= 3:
                meta.dateline = place + (f", {m.group('region')}" if m.group("region") else "")
                tag = m.group("tag") or m.group("tag2")
                if tag and not meta.outlet and is_site_name(tag):
                    meta.outlet = tag
                break

    text = "\n".join(compress(lines, keep))
    # Removing header lines can leave runs of blank lines; keep at most one blank line in a row.
    text = _BLANK_RUN.sub("\n\n", text).strip()
    return text, meta
