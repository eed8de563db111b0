"""Incidents (stub: being written)."""
from __future__ import annotations


def find_reports(doc_id, doc, published, dates, places, figures, statements):
    return []


def merge_incidents(reports, outlets, max_days=1, max_km=50.0):
    return []
