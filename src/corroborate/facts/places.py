"""Named places in an article, geocoded (stub: being written)."""
from __future__ import annotations

from dataclasses import dataclass


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


class Geoparser:
    def __init__(self, aliases: str = "", min_population: int = 1000):
        self.aliases = aliases
        self.min_population = min_population

    @property
    def digest(self) -> str:
        """Content hash of the user's alias file ('' without one)."""
        return ""

    def find(self, doc, dateline: str | None = None) -> list[PlaceMention]:
        return []
