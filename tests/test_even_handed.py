"""Even-handed: the two sides of a conflict get the same rules.

The Kakhovka articles are analysed twice: as they are, and with the two sides' names swapped
throughout (Ukraine/Russia, Kyiv/Moscow, Zelensky/Putin, their ministers, seats of government and
peoples). If every rule treats both sides alike, the claims come out the same, only with the sides
swapped: the multiset of the claims' (articles, independent sources) is unchanged.

Two tests, because the parser's statistical model is not even-handed (it has seen "Moscow" and
"Kyiv" in different contexts, and parses a sentence differently with one name or the other):

- the rules: the names are swapped in the stored parse itself (same trees, tags and entities, other
  words), and every stage after the parse runs on it: the claims must be exactly the same;
- the whole tool: the names are swapped in the article texts, which are then parsed anew. What
  differs comes from the parser; the test prints it and bounds it (slow).
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


# Single words only, so that a parse keeps its tokens when its words are swapped; and no name an
# article spells several ways ("Zelensky", "Zelenskiy", "Zelenskyy"), whose swap would not be one
# to one (those are swapped in the text test below).
WORD_PAIRS = [("Ukraine", "Russia"), ("Ukrainian", "Russian"), ("Ukrainians", "Russians"), ("Kyiv", "Moscow"),
              ("Kuleba", "Lavrov"), ("Bankova", "Kremlin"), ("Kiev", "Moskva")]


def _swap_parse(data: bytes) -> tuple[bytes, str]:
    """A stored parse with the sides' words swapped, and its new text: trees, tags, entities and
    sentence boundaries stay as the parser made them for the original words."""
    from spacy.attrs import LEMMA, NORM, ORTH
    from spacy.tokens import DocBin

    from corroborate.nlp import _english_vocab

    table = {}
    for a, b in WORD_PAIRS:
        table[a], table[b] = b, a
    bin_ = DocBin().from_bytes(data)
    columns = [bin_.attrs.index(a) for a in (ORTH, LEMMA, NORM) if a in bin_.attrs]
    strings = {}
    for s_ in list(bin_.strings):
        strings[_english_vocab().strings.add(s_)] = s_
    bin_.tokens = [array.copy() for array in bin_.tokens]
    for array in bin_.tokens:
        for row in array:
            for col in columns:
                word = strings.get(int(row[col]))
                if word in table:
                    bin_.strings.add(table[word])
                    row[col] = _english_vocab().strings.add(table[word])
    doc = next(iter(bin_.get_docs(_english_vocab())))
    return bin_.to_bytes(), doc.text


def _english_articles() -> list[str]:
    """The Kakhovka articles in English (manifest.csv): the swap below is of English words in the
    English parse. An article of another language is not parsed, so its text cannot be swapped
    here; the multilingual model reads its side names as written (issue 18's closing note)."""
    import csv

    with open(KAKHOVKA.parent / "manifest.csv", encoding="utf-8") as fh:
        return sorted(str(KAKHOVKA / r["file"]) for r in csv.DictReader(fh) if r["language"] == "en")


def test_the_rules_treat_both_sides_alike(tmp_path):
    """The same parse with the sides' words swapped gives the same claims, sides swapped."""
    import duckdb

    from corroborate.stages import STAGES

    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    api.add(_english_articles(), db=a)
    api.analyze(db=a, until="parse")
    shutil.copy(a, b)
    con = duckdb.connect(str(b))
    for doc_id, data in con.execute("SELECT doc_id, parse FROM parses WHERE parse IS NOT NULL").fetchall():
        swapped, text = _swap_parse(data)
        con.execute("UPDATE parses SET parse = ? WHERE doc_id = ?", [swapped, doc_id])
        con.execute("UPDATE documents SET text = ? WHERE doc_id = ?", [text, doc_id])
    con.close()
    after = list(STAGES)[list(STAGES).index("parse") + 1:]
    profiles = []
    for db in (a, b):
        for name in ["paragraphs", "reuse"] + after:
            api.analyze(db=db, only=name, force=True)
        claims = api.table("claims", db=db)
        profiles.append(Counter(zip(claims["n_articles"], claims["n_independent"])))
    assert profiles[0] == profiles[1], (sorted((profiles[0] - profiles[1]).elements()),
                                        sorted((profiles[1] - profiles[0]).elements()))


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
    # The rules are symmetric (the test above); what differs comes from the parser's model, which
    # cuts and attributes some sentences differently with the other name in them. Measured on
    # Kakhovka: 465 of 479 claims the same; the five largest within one article and one source.
    assert sum(a.values()) and shared / max(sum(a.values()), sum(b.values())) >= 0.95, report
    top_a, top_b = sorted(a.elements(), reverse=True)[:5], sorted(b.elements(), reverse=True)[:5]
    assert all(abs(x[0] - y[0]) <= 2 and abs(x[1] - y[1]) <= 2 for x, y in zip(top_a, top_b)), report
