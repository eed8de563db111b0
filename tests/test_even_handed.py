"""Even-handed: the two sides of a conflict get the same rules.

The Kakhovka articles are analysed twice: as they are, and with the two sides' names swapped
throughout (Ukraine/Russia, Kyiv/Moscow, Zelensky/Putin, their ministers, seats of government and
peoples). If every rule treats both sides alike, the claims come out the same, only with the sides
swapped: the multiset of the claims' (articles, independent sources) is unchanged. What differs
can only come from the parser's statistical model, which has seen the names in different contexts;
the test prints it, so the closing note can show it.
"""
from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from corroborate import api

from conftest import SHARED

KAKHOVKA = SHARED / "kakhovka" / "corpus"

pytestmark = pytest.mark.skipif(not KAKHOVKA.is_dir(), reason="../shared/kakhovka is not beside the repository")

# Each name and its counterpart on the other side (both directions are swapped at once).
PAIRS = [
    ("Ukraine", "Russia"), ("Ukrainian", "Russian"), ("Ukrainians", "Russians"), ("Kyiv", "Moscow"),
    ("Kiev", "Moskva"), ("Zelensky", "Putin"), ("Zelenskiy", "Vladimir Putin's"), ("Volodymyr", "Vladimir"),
    ("Kuleba", "Lavrov"), ("Dmytro", "Sergei"), ("Bankova", "Kremlin"), ("Ukraine's", "Russia's"),
]


def swap(text: str) -> str:
    table = {}
    for a, b in PAIRS:
        table[a] = b
        table.setdefault(b, a)
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: table[m.group(1)], text)


def test_swap_is_an_involution_on_plain_names():
    text = "Kyiv said Russia blew up the dam; Moscow blamed Ukraine. Zelensky and Putin spoke."
    assert swap(text) == "Moscow said Ukraine blew up the dam; Kyiv blamed Russia. Putin and Zelensky spoke."


def _profile(folder: Path, db: Path) -> Counter:
    api.add([str(folder)], db=db)
    api.analyze(db=db)
    claims = api.table("claims", db=db)
    return Counter(zip(claims["n_articles"], claims["n_independent"]))


@pytest.mark.slow
def test_swapping_the_sides_leaves_the_claims_unchanged(tmp_path):
    original = tmp_path / "original"
    swapped = tmp_path / "swapped"
    original.mkdir()
    swapped.mkdir()
    for f in sorted(KAKHOVKA.glob("*.txt")):
        shutil.copy(f, original / f.name)
        (swapped / f.name).write_text(swap(f.read_text(encoding="utf-8")), encoding="utf-8")
    a = _profile(original, tmp_path / "a.duckdb")
    b = _profile(swapped, tmp_path / "b.duckdb")
    only_a, only_b = a - b, b - a
    shared = sum((a & b).values())
    report = {"claims": sum(a.values()), "same": shared,
              "only_original": sorted(only_a.elements()), "only_swapped": sorted(only_b.elements())}
    print(json.dumps(report, default=int))
    # The rules are symmetric; what differs comes from the parser's model (see the module doc).
    # Claims of more than one article, the ones a reader looks at, must agree exactly.
    big_a = Counter({k: v for k, v in a.items() if k[0] > 1})
    big_b = Counter({k: v for k, v in b.items() if k[0] > 1})
    assert sum(a.values()) and shared / max(sum(a.values()), sum(b.values())) >= 0.95, report
    assert big_a == big_b, report
