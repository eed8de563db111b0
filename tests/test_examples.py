"""The example corpus against its answer key (examples/README.md) and a golden export.

The golden file holds every document's metadata and doc_id; review its diff when a reader changes
on purpose, and regenerate it with:  CORROBORATE_UPDATE_GOLDEN=1 pytest tests/test_examples.py
"""
import json
import os
from pathlib import Path

import pytest

from corroborate import api
from conftest import EXAMPLES

pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="no example corpus")
GOLDEN = Path(__file__).parent / "golden" / "example_documents.jsonl"
FIELDS = ("doc_id", "outlet", "title", "author", "published", "updated", "language", "dateline", "n_words")

# From the answer key: (source suffix, outlet, author, published, updated, language, dateline)
KEY = [
    ("html/mes_press_release_velmora.html", "Ministry of Emergency Situations of Ostrenia", "Press Service", "2025-03-11", None, "en", None),
    ("txt/opa_velmora_derailment.txt", "OPA", None, "2025-03-11", None, "en", "DRAVIK"),
    ("txt/velmora_courier_train_derails.txt", "Velmora Courier", None, "2025-03-11", None, "en", "VELMORA"),
    ("txt/ostrenia_today_evacuation.txt", "Ostrenia Today", None, "2025-03-11", None, "en", None),
    ("feeds/articles.jsonl#line 1", "Agence Continentale de Presse", "Luc Ferrand", "2025-03-11", None, "fr", None),
    ("txt/meridian_wire_chlorine_blast.txt", "Meridian Wire", "Mira Castell", "2025-03-12", "2025-03-20", "en", "DRAVIK"),
    ("txt/kadria_net_velmorsk_residents.txt", "Kadria.Net", None, "2025-03-12", None, "en", "VELMORSK"),
    ("txt/kadria_net_ru_velmorsk.txt", "Kadria.Net", None, "2025-03-12", None, "ru", "ВЕЛЬМОРСК"),
    ("txt/opa_air_samples_normal.txt", "OPA", None, "2025-03-12", None, "en", "DRAVIK"),
    ("txt/velmora_courier_counts_the_cost.txt", "Velmora Courier", None, "2025-03-12", None, "en", None),
    ("html/open_ostrenia_hospital_toll.html", "Open Ostrenia", "Ada Nerin", "2025-03-12", None, "en", None),
    ("html/ostrenia_today_toll_update.html", "Ostrenia Today", "Karel Brandt", "2025-03-13", None, "en", None),
    ("html/kadria_net_ternava_villages.html", "Kadria.Net", "Dana Korvic", "2025-03-13", None, "en", None),
    ("feeds/articles.jsonl#line 2", "Meridian Wire", "Mira Castell", "2025-03-13", None, "en", None),
    ("feeds/articles.jsonl#line 3", "Ostrenian Press Agency", None, "2025-03-13", None, "en", None),
    ("feeds/articles.csv#row 2", "Velmora Courier", "Hana Lisk", "2025-03-13", None, "en", None),
    ("archive.warc.gz#record 1", "Open Ostrenia", "Petr Salo", "2025-03-13", None, "en", None),
    ("txt/meridian_wire_toll_explainer.txt", "Meridian Wire", "Jonas Fell", "2025-03-14", "2025-03-15", "en", "DRAVIK"),
    ("txt/opa_foreign_experts_rejected.txt", "OPA", None, "2025-03-14", None, "en", "DRAVIK"),
    ("feeds/articles.jsonl#line 4", "Open Ostrenia", "Ada Nerin", "2025-03-14", None, "en", None),
    ("feeds/articles.csv#row 3", "Ostrenia Today", "Karel Brandt", "2025-03-14", None, "en", None),
    ("archive.warc.gz#record 2", "Kadria.Net", "Emir Talo", "2025-03-14", None, "en", None),
]


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    db = tmp_path_factory.mktemp("ex") / "ex.duckdb"
    report = api.add([str(EXAMPLES)], db=db)
    assert report.skips == [] and report.added == 22
    api.analyze(db=db, settings=api.example_settings())  # the invented places: examples/places.toml
    docs = api.table("documents", db=db)
    docs["rel"] = docs["source"].str.split("/corpus/").str[-1]
    return docs, db


def _value(v):
    if v is None or (not isinstance(v, str) and v != v):
        return None
    return str(v)[:10] if hasattr(v, "year") else v  # dates and pandas Timestamps as YYYY-MM-DD


@pytest.mark.parametrize("rel,outlet,author,published,updated,language,dateline", KEY)
def test_answer_key(documents, rel, outlet, author, published, updated, language, dateline):
    docs, _ = documents
    row = docs[docs["rel"] == rel]
    assert len(row) == 1, rel
    got = {k: _value(row.iloc[0][k]) for k in ("outlet", "author", "published", "updated", "language", "dateline")}
    assert got == {"outlet": outlet, "author": author, "published": published, "updated": updated,
                   "language": language, "dateline": dateline}


def test_paragraph_offsets_are_exact(documents):
    docs, db = documents
    texts = dict(zip(docs["doc_id"], docs["text"]))
    paragraphs = api.table("paragraphs", db=db)
    assert len(paragraphs) > 22
    for p in paragraphs.itertuples():
        assert texts[p.doc_id][p.start:p.end] == p.text


def test_golden_documents(documents):
    docs, _ = documents
    rows = [{"source": r["rel"], **{f: _value(r[f]) for f in FIELDS}}
            for r in docs.sort_values("rel").to_dict("records")]
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    if os.environ.get("CORROBORATE_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


GOLDEN_REUSE = Path(__file__).parent / "golden" / "example_reuse.jsonl"


def _clusters(documents):
    docs, db = documents
    rel = dict(zip(docs["doc_id"], docs["rel"]))
    reuse = api.table("reuse", db=db)
    return {cid: {rel[d]: row for d, row in zip(g["doc_id"], g.to_dict("records"))}
            for cid, g in reuse.groupby("cluster_id")}, rel


def _rows(documents, table):
    docs, db = documents
    rel = dict(zip(docs["doc_id"], docs["rel"]))
    rows = api.table(table, db=db)
    rows["rel"] = rows["doc_id"].map(rel)
    return rows, dict(zip(docs["doc_id"], docs["text"]))


def test_reuse_follows_the_answer_key(documents):
    """A02 and A03 copy the release A01, A04 reproduces its paragraph 2, A06 quotes a sentence of
    it: one cross-outlet cluster, all four 2025-03-11 articles tied as origin. A15 and A19 are OPA
    repeating its own line (one as "OPA", one as "Ostrenian Press Agency"): a series."""
    clusters, _ = _clusters(documents)
    release = next(c for c in clusters.values() if "html/mes_press_release_velmora.html" in c)
    assert set(release) == {"html/mes_press_release_velmora.html", "txt/opa_velmora_derailment.txt",
                            "txt/velmora_courier_train_derails.txt", "txt/ostrenia_today_evacuation.txt",
                            "txt/meridian_wire_chlorine_blast.txt"}
    assert {r: m["is_origin"] for r, m in release.items()} == {
        "html/mes_press_release_velmora.html": True, "txt/opa_velmora_derailment.txt": True,
        "txt/velmora_courier_train_derails.txt": True, "txt/ostrenia_today_evacuation.txt": True,
        "txt/meridian_wire_chlorine_blast.txt": False}
    assert release["txt/ostrenia_today_evacuation.txt"]["text"].startswith("As a precaution, the evacuation")
    assert "Eleven of the train" in release["txt/meridian_wire_chlorine_blast.txt"]["text"]
    opa = next(c for c in clusters.values() if "txt/opa_foreign_experts_rejected.txt" in c)
    assert set(opa) == {"txt/opa_foreign_experts_rejected.txt", "feeds/articles.jsonl#line 3"}
    assert {m["kind"] for m in opa.values()} == {"series"}
    assert len(clusters) == 2
    # the French translation (A05) and the Russian article are not textual copies
    assert not any("feeds/articles.jsonl#line 1" in c or "txt/kadria_net_ru_velmorsk.txt" in c for c in clusters.values())


def test_golden_reuse(documents):
    clusters, _ = _clusters(documents)
    rows = sorted(({"source": rel, **{k: _value(m[k]) for k in ("start", "end", "n_words", "is_origin",
                                                                 "origin_tie", "kind", "text")}}
                   for members in clusters.values() for rel, m in members.items()),
                  key=lambda r: (r["source"], r["start"]))
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True, default=bool) + "\n" for r in rows)
    if os.environ.get("CORROBORATE_UPDATE_GOLDEN"):
        GOLDEN_REUSE.write_text(text, encoding="utf-8")
    assert text == GOLDEN_REUSE.read_text(encoding="utf-8")


GOLDEN_STATEMENTS = Path(__file__).parent / "golden" / "example_statements.jsonl"
GOLDEN_FACTS = Path(__file__).parent / "golden" / "example_facts.jsonl"


def test_statements_follow_the_answer_key(documents):
    """Section 4 and 5 of examples/README.md: Venn by full title, surname, pronoun and role; the
    split quote; the quote over two paragraphs; "according to the regional hospital"; the
    statement that "read"; the French and Russian articles by the rules of any language."""
    st, _ = _rows(documents, "statements")
    release = st[st["rel"] == "html/mes_press_release_velmora.html"]
    assert set(release[release["kind"] != "according_to"]["speaker"]) == {"Dara Venn"}
    assert {"she", "Venn", "the spokesperson"} <= set(release["speaker_mention"])
    assert "direct" in set(release["kind"])
    orlis = st[(st["rel"] == "html/open_ostrenia_hospital_toll.html") & st["text"].str.contains("first patients")]
    assert list(orlis["speaker"]) == ["Lena Orlis"] and list(orlis["kind"]) == ["direct"]
    hospital = st[(st["rel"] == "txt/meridian_wire_chlorine_blast.txt") & (st["kind"] == "according_to")]
    assert any("hospital" in s for s in hospital["speaker"])
    read = st[(st["rel"] == "html/ostrenia_today_toll_update.html") & st["text"].str.contains("38 people")]
    assert list(read["speaker"]) == ["Ministry of Emergency Situations"]
    # the French and the Russian article: no parser, statements by quotation marks, speech verbs and
    # "according to" (attribution.anylanguage), pronouns resolved to the person named before
    french = st[st["rel"] == "feeds/articles.jsonl#line 1"]
    assert set(french[french["kind"] == "direct"]["speaker"]) == {"Dara Venn"}
    assert "Dara Venn" in set(french[french["text"].str.contains("approvisionnement")]["speaker"])
    russian = st[st["rel"] == "txt/kadria_net_ru_velmorsk.txt"]
    assert list(russian[russian["kind"] == "direct"]["speaker"]) == ["Томас Геррин", "Микел Абраш",
                                                                    "Тернавы Яна Дорук"]
    herrin = st[st["text"].str.contains("counting only the bodies", regex=False)]
    assert list(herrin["speaker"]) == ["Tomas Herrin"]


def test_golden_statements(documents):
    st, _ = _rows(documents, "statements")
    rows = sorted(({"source": r["rel"], **{k: _value(r[k]) for k in ("start", "end", "kind", "cue", "speaker",
                                                                       "speaker_mention", "speaker_type", "text")}}
                   for r in st.to_dict("records")), key=lambda r: (r["source"], r["start"]))
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    if os.environ.get("CORROBORATE_UPDATE_GOLDEN"):
        GOLDEN_STATEMENTS.write_text(text, encoding="utf-8")
    assert text == GOLDEN_STATEMENTS.read_text(encoding="utf-8")


def test_figures_follow_the_answer_key(documents):
    """Sections 2 and 7 of examples/README.md: the disputed tolls with their claimants, the
    total-and-parts sentence, hedges as bounds, numbers in words."""
    fig, _ = _rows(documents, "figures")
    killed = fig[fig["category"] == "killed"]
    assert {4, 6, 7, 12} <= set(killed["value"].dropna())  # the conflict a reader must see
    update = fig[fig["rel"] == "html/ostrenia_today_toll_update.html"]
    total = update[update["value"] == 38].iloc[0]
    assert total["parts_sum"] == 38 and total["adds_up"]
    assert set(update[update["total_id"] == total["figure_id"]]["value"]) == {7, 31}
    venn = fig[(fig["rel"] == "txt/opa_air_samples_normal.txt") & fig["value"].isin([4, 27])]
    assert set(venn["attributed_to"]) == {"Dara Venn"}
    dozen = fig[fig["text"].str.contains("at least a dozen", case=False)]
    assert len(dozen) >= 3 and set(dozen["value"]) == {12} and dozen["high"].isna().all()
    assert all("Herrin" in c or "New Ostrenia" in c for c in dozen["claimant"].dropna())
    assert 10_000 in set(fig[fig["rel"] == "txt/meridian_wire_toll_explainer.txt"]["value"])
    about = fig[fig["text"] == "About 1,200 people"].iloc[0]
    assert (about["value"], about["low"], about["high"]) == (1200, 1080, 1320)
    courier = fig[fig["rel"] == "txt/velmora_courier_counts_the_cost.txt"]
    assert not {51, 24} & set(courier["value"])  # ages
    # the French and the Russian article: no parser, figures by rules of any language
    # (facts.anylanguage): the ministry's toll, the hospital's, the evacuees; not the clock time
    assert set(fig[fig["rel"] == "txt/kadria_net_ru_velmorsk.txt"]["value"]) == {4, 27, 6, 40, 1200}
    assert set(fig[fig["rel"] == "feeds/articles.jsonl#line 1"]["value"]) == {4, 27, 1200, 2}


def test_places_follow_the_answer_key(documents):
    """Section 3: both names of the town and of the district resolve to one place each; a street
    and a hospital named after a place are not that place."""
    places, texts = _rows(documents, "places")
    assert set(places[places["text"] == "Velmorsk"]["name"]) == {"Velmora"}
    assert set(places[places["text"] == "Ternava"]["name"]) == {"Tarnovo"}
    for r in places.itertuples():
        assert texts[r.doc_id][r.start:r.end] == r.text
        assert not texts[r.doc_id][r.end:r.end + 7].startswith(" Street")
        assert not texts[r.doc_id][r.end:r.end + 18].startswith(" Regional Hospital")


def test_dates_follow_the_answer_key(documents):
    """Section 6: weekdays back from publication, forward in a future-tense clause; ranges."""
    dates, _ = _rows(documents, "dates")

    def resolved(rel, text):
        got = dates[(dates["rel"] == rel) & (dates["text"] == text)]
        assert len(got) == 1, (rel, text, list(dates[dates["rel"] == rel]["text"]))
        return got.iloc[0]

    assert str(resolved("txt/meridian_wire_chlorine_blast.txt", "on Tuesday")["resolved"])[:10] == "2025-03-11"
    assert str(resolved("txt/opa_foreign_experts_rejected.txt", "on Tuesday")["resolved"])[:10] == "2025-03-18"
    assert str(resolved("txt/kadria_net_velmorsk_residents.txt", "last Friday")["resolved"])[:10] == "2025-03-07"
    span = resolved("feeds/articles.jsonl#line 4", "on 11-12 March 2025")
    assert (str(span["range_start"])[:10], str(span["resolved_end"])[:10]) == ("2025-03-11", "2025-03-12")


def test_incidents_follow_the_answer_key(documents):
    """Sections 2 and 6: one explosion at 4:30 AM on 11 March near Velmora, reported by most
    articles, its death toll kept as the disputed range (4 to a dozen) with every claimant."""
    docs, db = documents
    incidents = api.incidents(db=db)
    main = incidents.iloc[0]
    assert (str(main["date"])[:10], main["time"], main["type"], main["place"]) == ("2025-03-11", "04:30", "explosion", "Velmora")
    assert (main["killed_low"], main["killed_best"], main["killed_high"]) == (4, 4, 12)
    assert (main["injured_low"], main["injured_high"]) == (27, 40)
    assert main["n_articles"] >= 12
    claimants = " ".join(str(s["claimant"]) for s in main["sources"])
    assert "Hospital" in claimants and "New Ostrenia" in claimants and "Ministry" in claimants


def test_golden_facts(documents):
    """Every figure, date, place and incident of the example corpus; review the diff when a rule
    changes on purpose."""
    docs, db = documents
    lines = []
    for table, keys in (("figures", ("start", "end", "text", "value", "low", "high", "category", "what",
                                     "attributed_to", "claimant_type", "adds_up")),
                        ("dates", ("start", "end", "text", "resolved", "range_start", "resolved_end", "time",
                                   "precision")),
                        ("places", ("start", "end", "text", "name", "feature", "country", "how"))):
        rows, _ = _rows(documents, table)
        recs = sorted(({"table": table, "source": r["rel"], **{k: _value(r[k]) for k in keys}}
                       for r in rows.to_dict("records")), key=lambda r: (r["source"], r["start"], r["end"]))
        lines += recs
    incidents = api.incidents(db=db)
    for r in incidents.to_dict("records"):
        lines.append({"table": "incidents", **{k: _value(r[k]) for k in (
            "date", "time", "type", "place", "killed_low", "killed_best", "killed_high", "injured_low",
            "injured_best", "injured_high", "n_articles")}})
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in lines)
    if os.environ.get("CORROBORATE_UPDATE_GOLDEN"):
        GOLDEN_FACTS.write_text(text, encoding="utf-8")
    assert text == GOLDEN_FACTS.read_text(encoding="utf-8")


def test_claims_and_conflicts_follow_the_answer_key(documents):
    """Section 2 and the copy ground truth: the press release's toll line is one claim with one
    independent source however many outlets carry it; the disputed tolls are conflicts with every
    value and claimant."""
    docs, db = documents
    claims = api.claims(db=db, min_articles=2)
    toll = claims[claims["text"].str.contains("four people were killed and 27")].iloc[0]
    assert toll["n_articles"] >= 4 and toll["n_independent"] == 1
    assert list(toll["sources"]) == ["Ministry of Emergency Situations"]  # Dara Venn and "Ostrenia's Emergency Ministry"
    # The release's paragraph 2, printed by Ostrenia Today as its own (section 1): stripped, copied.
    evacuation = claims[claims["text"].str.contains("evacuation of about 1,200 residents")].iloc[0]
    assert evacuation["n_independent"] == 1 and evacuation["stripped"] >= 1
    members = api.claim(evacuation["claim_id"], db=db)["members"]
    rel = dict(zip(docs["doc_id"], docs["rel"]))
    assert any(rel[m["doc_id"]] == "txt/ostrenia_today_evacuation.txt" and m["stripped"] and m["copied"]
               for m in members)
    chain = api.claim(toll["claim_id"][:8], db=db)
    assert [m["published"] for m in chain["members"]] == sorted(m["published"] for m in chain["members"])
    conflicts = api.table("conflicts", db=db)
    by_about = {r["about"]: json.loads(r["sides"]) if isinstance(r["sides"], str) else r["sides"]
                for r in conflicts.to_dict("records")}
    killed = next(v for k, v in by_about.items() if k.startswith("killed"))
    injured = next(v for k, v in by_about.items() if k.startswith("injured"))
    assert {s["value"] for s in killed} == {4, 6, 7, 12}
    assert {s["value"] for s in injured} == {27, 31, 40}
    claimants = " ".join(str(s["claimant"]) for s in killed)
    assert "Hospital" in claimants and "New Ostrenia" in claimants and "Ministry" in claimants


def test_claim_grouping_against_the_hand_written_claims(documents):
    """examples/claims.json: pairwise recall and precision of the grouping, at least 0.9 each (the
    issue's target; measured 0.90 and 0.92). A sentence holding two expected claims (the
    ministry's and the hospital's toll in one sentence) counts against precision."""
    import itertools

    docs, db = documents
    key = json.loads((EXAMPLES.parent / "claims.json").read_text(encoding="utf-8"))["claims"]
    rel = dict(zip(docs["doc_id"], docs["rel"]))
    where: dict[str, list[tuple[str, str]]] = {}
    for r in api.table("claims", db=db).to_dict("records"):
        for m in json.loads(r["members"]) if isinstance(r["members"], str) else r["members"]:
            where.setdefault(rel[m["doc_id"]], []).append((m["text"].lower(), r["claim_id"]))

    def find(source, needle):
        return next((cid for text, cid in where.get(source, []) if needle.lower() in text), None)

    hit = pairs = 0
    assigned = []
    for claim in key:
        ids = [find(source, needle) for source, needle in claim["members"]]
        for a, b in itertools.combinations(ids, 2):
            pairs += 1
            hit += a is not None and a == b
        assigned += [(cid, claim["claim"]) for cid in ids if cid]
    together = [(e1 == e2) for (c1, e1), (c2, e2) in itertools.combinations(assigned, 2) if c1 == c2]
    recall, precision = hit / pairs, sum(together) / len(together)
    assert recall >= 0.9 and precision >= 0.9, (recall, precision)
