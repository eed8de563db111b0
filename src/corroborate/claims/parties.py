"""Parties: the country a word stands for when an article names a side as the one who acted.

Coverage names the sides many ways: the country ("Ukraine"), its adjective ("Ukrainian forces",
"the Ukrainian side"), its people ("the Russians"), its capital ("Kyiv", "Kiev", "the Kyiv
regime"), the seat of its government ("the Kremlin"). For claims, "Russia blew up the dam" and
"Ukraine blew up the dam" are two propositions however each side is named, and one proposition
whatever name an outlet uses. `party(word)` maps any of those names to one key, the country's ISO
code. The names are data, for every country alike (attribution.countries: GeoNames countries and
capitals, demonyms, seats of government), so swapping two sides' names swaps their keys.

Counting sources keeps the Kremlin apart from "Russia" (two state bodies); as the side that did
something they are one, so here a seat of government is its country.
"""
from __future__ import annotations

from functools import lru_cache

from ..attribution import countries


@lru_cache(maxsize=65536)
def party(text: str) -> str | None:
    """The country (ISO code) a word or name stands for, or None: "Kyiv", "Kiev", "Ukrainian",
    "Ukrainians" and "Ukraine" give "UA"; "the Kremlin" gives "RU"."""
    found = countries.country_named(text)
    if found is not None:
        return found[0].code
    seat = countries.metonym(text)
    if seat is not None:
        return seat.code
    key = countries.fold(text)
    if key.endswith("s") and len(key) > 4:  # "the Russians": a people for its country
        found = countries.country_named(key[:-1])
        if found is not None and found[1] == "demonym":
            return found[0].code
    return None


def party_name(code: str) -> str:
    """The country's name for a key, to put in its place ("UA" -> "Ukraine")."""
    c = countries.by_code(code)
    return c.name if c else code
