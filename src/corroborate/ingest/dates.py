"""Publication and update dates as metadata lines write them ("May 4, 2024 13:17", "5 Aug 2020")."""
from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = {m: i for i, ms in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in ms}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# The common shapes, tried before dateparser because they cover most real headers and cost
# microseconds instead of milliseconds.
_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<day>\d{1,2})[./](?P<mon>\d{1,2})[./](?P<year>\d{4})"),
]


def _build(m: re.Match) -> date | None:
    g = m.groupdict()
    month = _MONTHS[g["month"].lower()] if g.get("month") else int(g["mon"])
    try:
        return date(int(g["year"]), month, int(g["day"]))
    except ValueError:
        return None


def parse_date(text: str | None) -> date | None:
    """The first full calendar date (day, month and year) in `text`, or None."""
    if not text:
        return None
    text = text.strip()
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if m and (d := _build(m)):
            return d
    if not re.search(r"\d{4}", text):
        return None  # without a year there is no full date to find
    import dateparser  # slow to import; only for the shapes above do not cover

    found = dateparser.parse(text, settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                             "RETURN_AS_TIMEZONE_AWARE": False})
    return found.date() if found else None


def parse_iso(value) -> date | None:
    """A date from an ISO string, datetime or date given in structured input."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return parse_date(text)
