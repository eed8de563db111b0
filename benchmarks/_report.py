"""Printing shared by the benchmarks: an aligned table and the PASS/FAIL/info verdict."""
from __future__ import annotations


def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """The first column left-aligned, the others right-aligned, under a rule of dashes."""
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    for line in (header, tuple("-" * w for w in widths), *rows):
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(line, widths))))


def verdict(ok: bool | None) -> str:
    """'info' for a figure without a target, else whether it met its target."""
    return "info" if ok is None else ("PASS" if ok else "FAIL")
