"""Copied passages across a corpus: clusters, origin, series, copied share, incremental runs, the
stage in the store, and the real articles in ../shared."""
from __future__ import annotations

import json
import subprocess
import sys
import zlib
from datetime import date
from pathlib import Path


from corroborate import api
from corroborate.reuse import find_reuse
from corroborate.reuse.clusters import series_map

from conftest import DEV, SEEDS, SHARED, needs_shared
from test_reuse_align import PRESS, filler

SECOND = ("Rescue teams from three provinces reached the flooded villages late on Friday evening, "
          "where about two hundred families had spent the night on rooftops. The governor said that "
          "boats and helicopters would continue to evacuate the elderly and the sick, and that a "
          "field hospital would open at the school in the upper town by Saturday morning.")


def article(doc_id, passage="", outlet=None, published=None, seed=None, url=None):
    seed = seed if seed is not None else zlib.crc32(doc_id.encode())  # distinct filler per article
    text = f"{filler(seed, 60)}\n\n{passage}\n\n{filler(seed + 500, 60)}" if passage else filler(seed, 150)
    return {"doc_id": doc_id, "text": text, "outlet": outlet, "published": published, "url": url}


def clusters_of(result):
    out = {}
    for p in result.passages:
        out.setdefault(p["cluster_id"], set()).add(p["doc_id"])
    return sorted(sorted(c) for c in out.values())


def test_a_press_release_and_its_copies_form_one_cluster_with_the_earliest_as_origin():
    docs = [article("release", PRESS, "Water Authority", date(2024, 5, 1)),
            article("copy1", PRESS.replace("households", "housholds"), "Daily One", date(2024, 5, 2)),
            article("copy2", PRESS, "Evening Two", date(2024, 5, 3)),
            article("other", "", "Daily One", date(2024, 5, 1))]
    result = find_reuse(docs)
    assert clusters_of(result) == [["copy1", "copy2", "release"]]
    origin = {p["doc_id"]: (p["is_origin"], p["origin_tie"]) for p in result.passages}
    assert origin == {"release": (True, False), "copy1": (False, False), "copy2": (False, False)}
    assert {p["kind"] for p in result.passages} == {"copy"}
    for p in result.passages:
        text = next(d["text"] for d in docs if d["doc_id"] == p["doc_id"])
        assert text[p["start"]:p["end"]] == p["text"]


def test_same_day_members_are_a_tie_and_undated_articles_are_never_origin():
    docs = [article("a", PRESS, "One", date(2024, 5, 1)), article("b", PRESS, "Two", date(2024, 5, 1)),
            article("c", PRESS, "Three", None)]
    origin = {p["doc_id"]: (p["is_origin"], p["origin_tie"]) for p in find_reuse(docs).passages}
    assert origin == {"a": (True, True), "b": (True, True), "c": (False, False)}
    undated = [article("a", PRESS, "One"), article("b", PRESS, "Two")]
    assert not any(p["is_origin"] for p in find_reuse(undated).passages)


def test_an_outlet_repeating_its_own_paragraph_is_a_series_not_copying():
    docs = [article("a", SECOND, "Valley Post", date(2024, 5, 1)),
            article("b", SECOND, "VALLEY POST", date(2024, 5, 2)),
            article("c", PRESS, "Valley Post", date(2024, 5, 1)),
            article("d", PRESS, "Hill Times", date(2024, 5, 2))]
    result = find_reuse(docs)
    kinds = {p["doc_id"] + ":" + p["kind"] for p in result.passages}
    assert kinds == {"a:series", "b:series", "c:copy", "d:copy"}
    shares = {s["doc_id"]: s for s in result.shares}
    assert shares["b"]["copied_words"] == 0 and shares["b"]["shared_words"] == 0
    assert shares["d"]["copied_from"] == ["c"] and shares["d"]["copied_words"] == shares["d"]["shared_words"] > 60


def test_outlet_initials_and_url_hosts_name_one_series():
    series = series_map([{"doc_id": "1", "outlet": "OPA"}, {"doc_id": "2", "outlet": "Ostrenian Press Agency"},
                         {"doc_id": "3", "outlet": "AFP"}, {"doc_id": "4", "outlet": "Agence France-Presse"},
                         {"doc_id": "5", "url": "https://www.example.org/a"}, {"doc_id": "6", "url": "http://example.org/b"},
                         {"doc_id": "7"}, {"doc_id": "8"}])
    assert series["1"] == series["2"] and series["3"] == series["4"] and series["5"] == series["6"]
    assert len({series["1"], series["3"], series["5"], series["7"], series["8"]}) == 5


def test_copied_share_counts_only_earlier_articles_of_other_outlets():
    docs = [article("early", PRESS, "One", date(2024, 5, 1)), article("late", PRESS, "Two", date(2024, 5, 3)),
            article("same_day", PRESS, "Three", date(2024, 5, 1))]
    shares = {s["doc_id"]: s for s in find_reuse(docs).shares}
    assert shares["early"]["copied_words"] == 0 and shares["early"]["shared_words"] > 60
    assert shares["same_day"]["copied_words"] == 0
    assert shares["late"]["copied_from"] == ["early", "same_day"]
    assert 0 < shares["late"]["copied_share"] <= 1


def test_results_do_not_depend_on_input_order_and_cluster_ids_are_stable():
    docs = [article(f"d{i}", PRESS if i % 3 == 0 else SECOND if i % 3 == 1 else "", f"Outlet {i}",
                    date(2024, 5, 1 + i)) for i in range(9)]
    one, two = find_reuse(docs), find_reuse(list(reversed(docs)))
    assert one.passages == two.passages and one.pairs == two.pairs and one.shares == two.shares


def test_an_incremental_run_aligns_only_new_pairs_and_equals_a_rebuild():
    old = [article(f"o{i}", PRESS if i < 3 else SECOND if i < 5 else "", f"Outlet {i}", date(2024, 5, 1 + i))
           for i in range(8)]
    new = [article("n1", PRESS, "Outlet 9", date(2024, 4, 30)), article("n2", SECOND, "Outlet 10", date(2024, 5, 9))]
    first = find_reuse(old)
    previous = {"candidates": first.candidates, "pairs": first.pairs}
    incremental = find_reuse(old + new, previous=previous)
    rebuild = find_reuse(old + new)
    for part in ("candidates", "pairs", "passages", "shares"):
        assert getattr(incremental, part) == getattr(rebuild, part), part
    assert incremental.aligned == sum(1 for c in rebuild.candidates if {"n1", "n2"} & {c["doc_a"], c["doc_b"]})
    assert incremental.reused == len(rebuild.candidates) - incremental.aligned
    # the new, earlier article became the origin of the first cluster
    assert {p["doc_id"] for p in incremental.passages if p["is_origin"]} == {"n1", "o3"}


def write_corpus(folder: Path, docs: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "feed.jsonl", "a", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps({"id": d["doc_id"], "text": d["text"], "outlet": d["outlet"],
                                 "published": d["published"].isoformat()}) + "\n")


def store_tables(db) -> dict:
    """The reuse tables as their exports read."""
    out = {}
    for t in ("reuse", "reuse_pairs", "reuse_candidates", "copied_share"):
        path = Path(str(db) + f".{t}.jsonl")
        api.export(t, path, db=db)
        out[t] = path.read_text()
    return out


def test_the_stage_in_the_store_is_incremental_and_equals_a_rebuild(tmp_path, settings):
    docs = [article(f"o{i}", PRESS if i < 3 else SECOND if i < 5 else "", f"Outlet {i}", date(2024, 5, 1 + i))
            for i in range(8)]
    more = [article("n1", PRESS, "Outlet 9", date(2024, 4, 30))]
    write_corpus(tmp_path / "a", docs)
    write_corpus(tmp_path / "b", more)
    inc, full = tmp_path / "inc.duckdb", tmp_path / "full.duckdb"
    api.add([str(tmp_path / "a")], db=inc, settings=settings)
    api.analyze(db=inc, settings=settings)
    again = api.analyze(db=inc, settings=settings).set_index("stage")
    assert again.loc["reuse", "processed"] == 0
    api.add([str(tmp_path / "b")], db=inc, settings=settings)
    second = api.analyze(db=inc, settings=settings).set_index("stage")
    assert "(3 aligned now, 4 kept from the last run)" in second.loc["reuse", "note"]
    api.add([str(tmp_path / "a"), str(tmp_path / "b")], db=full, settings=settings)
    api.analyze(db=full, settings=settings)
    assert store_tables(inc) == store_tables(full)
    clusters = api.reuse_clusters(db=inc)
    assert list(clusters["articles"]) == [4, 2]
    # a settings change reruns from scratch
    from corroborate.settings import load_settings
    changed = load_settings(None, ["reuse.min_words=30"])
    rerun = api.analyze(db=inc, settings=changed).set_index("stage")
    assert "(7 aligned now, 0 kept from the last run)" in rerun.loc["reuse", "note"]


def test_cli_reuse_lists_clusters_and_show_marks_passages(tmp_path, settings):
    docs = [article("a", PRESS, "Water Authority", date(2024, 5, 1)),
            article("b", PRESS, "Daily <b>One</b>", date(2024, 5, 2))]
    write_corpus(tmp_path / "c", docs)
    db = str(tmp_path / "s.duckdb")

    def run(*args):
        proc = subprocess.run([sys.executable, "-m", "corroborate", "--db", db, *args],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    run("add", str(tmp_path / "c"))
    run("analyze")
    listing = run("reuse").splitlines()
    assert len(listing) == 1
    cluster_id, kind, n, first, last, origin, outlets = listing[0].split("\t")[:7]
    assert (kind, n, first, last) == ("copy", "2", "2024-05-01", "2024-05-02")
    assert outlets == "Daily <b>One</b>, Water Authority"
    doc_b = next(line.split("\t")[0] for line in run("list").splitlines() if "Daily" in line)
    shown = run("show", doc_b)
    assert "⟦1 " + PRESS + " 1⟧" in shown
    assert "likely origin" in shown and "Water Authority" in shown
    assert "100% are shared" not in shown and "appeared earlier in another outlet" in shown


@needs_shared
def test_seed_and_dev_copies_are_exactly_the_gold_pairs(tmp_path, settings):
    """The issue's acceptance check, through the scorer itself."""
    db = tmp_path / "s.duckdb"
    api.add([str(SEEDS), str(DEV)], db=db, settings=settings)
    api.analyze(db=db, settings=settings)
    api.export_all(tmp_path / "ex", db=db)
    for gold in (SHARED / "eval" / "seeds-gold", SHARED / "dev" / "gold"):
        proc = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold),
                               "--pred", str(tmp_path / "ex"), "--json", str(tmp_path / "s.json")],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        scores = json.loads((tmp_path / "s.json").read_text())
        assert scores["reuse.pairs"]["precision"] == 1.0 and scores["reuse.pairs"]["recall"] == 1.0, gold
