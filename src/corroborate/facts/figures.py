"""Figures (stub: being written)."""
from __future__ import annotations


def find_figures(doc, statements, outlet):
    return []
