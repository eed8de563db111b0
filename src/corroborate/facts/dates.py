"""Date and time expressions, resolved against the article's publication date (stub: being written)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    resolved: date | None
    resolved_end: date | None = None
    time: str | None = None          # 'HH:MM'
    precision: str = "unresolved"    # time, day, week, month, year, range, open range, unresolved
    anchor: str = "absolute"         # absolute, publication, previous date


def find_dates(doc, published: date | None) -> list[DateMention]:
    return []
