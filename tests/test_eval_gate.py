"""Evaluation gate: ../shared/eval's two scorers on the real corpora, with floors pinned at what was
measured (the closing notes of issues 14 and 15). A floor only ever moves up; a change that drops
below one has made what a reader sees worse on coverage the rules were not written for.

    score_claims.py  claims on Kakhovka (with its manifest) and the seeds
    score.py         statements, figures, places, dates and reuse on the seeds, dev and Kakhovka

Each corpus is added, analysed and exported once per run (a module fixture); `benchmarks/
claims_eval.py` prints the same scores, with a saved earlier run beside them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from corroborate import api

from conftest import SHARED

KAKHOVKA = SHARED / "kakhovka"
SEEDS_GOLD = SHARED / "eval" / "seeds-claims" / "claims_gold.json"

pytestmark = pytest.mark.skipif(not (KAKHOVKA / "claims_gold.json").is_file(),
                                reason="../shared/kakhovka is not beside the repository")

# measured 0.677, 0.745, 16/25, 0.778, 0.386 (largest claim: share of the articles)
KAKHOVKA_CLAIM_FLOORS = {"bcubed": 0.66, "claim": 0.74, "sources.exact": 0.62, "stripped": 0.77}
# The guard against one claim swallowing the coverage (0.68 when claims were first scored): no
# claim larger than the gold's own largest (K01, Russia blew up the dam: 28 of the 70 articles).
KAKHOVKA_LARGEST_AT_MOST = 0.40

SETS = {  # corpus, manifest, per-article gold
    "kakhovka": (KAKHOVKA / "corpus", KAKHOVKA / "manifest.csv", KAKHOVKA / "gold"),
    "seeds": (SHARED / "seeds", None, SHARED / "eval" / "seeds-gold"),
    "dev": (SHARED / "dev" / "corpus", SHARED / "dev" / "manifest.csv", SHARED / "dev" / "gold"),
}
# score.py F1 floors, each just under what was measured (issue 15's closing note has the numbers)
SCORE_FLOORS = {
    "kakhovka": {"statements.content": 0.96, "statements.attributed": 0.96, "figures.value": 0.97,
                 "figures.attributed": 0.91, "places": 0.89, "dates.resolved": 0.83, "reuse.pairs": 0.86},
    "seeds": {"statements.content": 0.95, "statements.attributed": 0.92, "figures.value": 0.96,
              "figures.attributed": 0.96, "places": 0.99, "dates.resolved": 0.92, "reuse.pairs": 0.99},
    "dev": {"statements.content": 0.95, "statements.attributed": 0.92, "figures.value": 0.97,
            "figures.attributed": 0.90, "places": 0.98, "dates.resolved": 0.97, "reuse.pairs": 0.99},
}


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """{set: export directory}, each corpus analysed once, on first use."""
    done = {}

    def get(name: str):
        if name not in done:
            corpus, meta, _ = SETS[name]
            root = tmp_path_factory.mktemp(name)
            db = root / "store.duckdb"
            api.add([str(corpus)], db=db, meta=[str(meta)] if meta and meta.is_file() else None)
            api.analyze(db=db)
            api.export_all(root / "exports", db=db)
            done[name] = root / "exports"
        return done[name]
    return get


def run_scorer(script: str, gold, pred, tmp_path) -> dict:
    result = tmp_path / "score.json"
    subprocess.run([sys.executable, str(SHARED / "eval" / script), "--gold", str(gold), "--pred", str(pred),
                    "--json", str(result)], check=True, capture_output=True)
    return json.loads(result.read_text(encoding="utf-8"))


def value(v) -> float:
    """F1 of a (P, R, F1) or of score.py's {precision, recall, f1}, the share of a (hit, total),
    else the number."""
    if isinstance(v, dict):
        return v["f1"]
    if isinstance(v, list) and len(v) == 3:
        return v[2]
    if isinstance(v, list) and len(v) == 2:
        return v[0] / v[1] if v[1] else 0.0
    return float(v)


def test_kakhovka_claims_stay_above_their_floors(exports, tmp_path):
    got = run_scorer("score_claims.py", KAKHOVKA / "claims_gold.json", exports("kakhovka"), tmp_path)
    for key, floor in KAKHOVKA_CLAIM_FLOORS.items():
        assert value(got[key]) >= floor, (key, got[key])
    assert value(got["largest"]) <= KAKHOVKA_LARGEST_AT_MOST, got["largest"]


def run_scorer_lang(gold, pred, tmp_path, lang: str) -> dict:
    result = tmp_path / f"score-{lang}.json"
    subprocess.run([sys.executable, str(SHARED / "eval" / "score_claims.py"), "--gold", str(gold), "--pred", str(pred),
                    "--lang", lang, "--json", str(result)], check=True, capture_output=True)
    return json.loads(result.read_text(encoding="utf-8"))


# Issue 18: measured 0.481 over all languages against 0.522 over English (the target: within 0.05),
# and 4 of the 25 other-language gold members in a claim with English members of their own gold
# claim (the scorer's members.found.other counts a member alone in a claim as found too).
# Claims v20 (a source and a statement's content as anchors): 6 joined, B-cubed 0.623 against 0.668.
ALL_LANGUAGES_WITHIN = 0.05
JOINED_ACROSS_AT_LEAST = 6


def test_other_languages_join_the_english_claims(exports, tmp_path):
    sys.path.insert(0, str(SHARED / "eval"))
    from score_claims import locate
    pred = exports("kakhovka")
    english = run_scorer_lang(KAKHOVKA / "claims_gold.json", pred, tmp_path, "en")
    every = run_scorer_lang(KAKHOVKA / "claims_gold.json", pred, tmp_path, "all")
    assert value(every["bcubed"]) >= value(english["bcubed"]) - ALL_LANGUAGES_WITHIN, (every["bcubed"], english["bcubed"])
    docs = {json.loads(line)["doc_id"]: json.loads(line) for line in open(pred / "documents.jsonl", encoding="utf-8")}
    by_file = {Path(d["source"]).name: d for d in docs.values()}
    gold_of: dict[tuple[str, int, int], str] = {}
    for claim in json.loads((KAKHOVKA / "claims_gold.json").read_text(encoding="utf-8"))["claims"]:
        for m in claim["members"]:
            d = by_file[m["file"]]
            start, end = locate(d["text"], m["text"])
            gold_of[(d["doc_id"], start, end)] = claim["id"]

    def label(m):
        for (doc, start, end), k in gold_of.items():
            if doc == m["doc_id"] and min(end, m["end"]) - max(start, m["start"]) > 0.5 * min(end - start, m["end"] - m["start"]):
                return k
        return None

    joined = 0
    for line in open(pred / "claims.jsonl", encoding="utf-8"):
        members = json.loads(line)["members"]
        english_labels = {label(m) for m in members if docs[m["doc_id"]]["language"] == "en"} - {None}
        joined += sum(1 for m in members if docs[m["doc_id"]]["language"] != "en" and label(m) in english_labels)
    assert joined >= JOINED_ACROSS_AT_LEAST, joined


def test_the_seeds_claim_is_found_whole_with_its_one_source(exports, tmp_path):
    got = run_scorer("score_claims.py", SEEDS_GOLD, exports("seeds"), tmp_path)
    assert value(got["bcubed"]) == 1.0 and value(got["sources.exact"]) == 1.0 and value(got["stripped"]) == 1.0


@pytest.mark.parametrize("name", sorted(SETS))
def test_per_article_extraction_stays_above_its_floors(name, exports, tmp_path):
    got = run_scorer("score.py", SETS[name][2], exports(name), tmp_path)
    low = {key: (round(value(got[key]), 3), floor) for key, floor in SCORE_FLOORS[name].items()
           if value(got[key]) < floor}
    assert not low, f"{name}: below the floor (measured, floor): {low}"


# Issue 18: the twelve Kakhovka articles in nine other languages (gold-multilingual), whose figures,
# dates and places come from rules of any language (facts.anylanguage), and statements from quotation
# marks, speech verbs and "according to" (attribution.anylanguage), and a figure's claimant from the
# statement it sits in. Measured 0.986, 0.873, 0.818, 0.943 (0.879 before compounds, short names in capitals
# and German nouns beside a name were read); 0.830, 0.830 (speakers: descriptions
# resolved to the role's named holder, "wie X mitteilte", misspelt surnames, German sources named
# without the case of "nach"; were 0.732, 0.817, 0.667).
MULTILINGUAL_FLOORS = {"figures.value": 0.95, "figures.attributed": 0.85, "dates.resolved": 0.80, "places": 0.93,
                       "statements.content": 0.80, "statements.attributed": 0.81}


def test_other_languages_extraction_stays_above_its_floors(exports, tmp_path):
    got = run_scorer("score.py", KAKHOVKA / "gold-multilingual", exports("kakhovka"), tmp_path)
    low = {key: (round(value(got[key]), 3), floor) for key, floor in MULTILINGUAL_FLOORS.items()
           if value(got[key]) < floor}
    assert not low, f"below the floor (measured, floor): {low}"
