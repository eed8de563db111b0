"""Shared by the benchmarks: an aligned table, the PASS/FAIL/info verdict, and the real sets the
evaluation benchmarks run on."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """The first column left-aligned, the others right-aligned, under a rule of dashes."""
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    for line in (header, tuple("-" * w for w in widths), *rows):
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(line, widths))))


def verdict(ok: bool | None) -> str:
    """'info' for a figure without a target, else whether it met its target."""
    return "info" if ok is None else ("PASS" if ok else "FAIL")


def chosen_sets(spec: str, known: dict, shared: Path) -> list[str] | None:
    """The set names of a comma-separated `spec`, or None (said on stderr) when ../shared is
    missing or a name is not one of `known`."""
    if not shared.is_dir():
        print(f"{shared} is not there: the real corpora sit in ../shared beside the repository", file=sys.stderr)
        return None
    names = [n.strip() for n in spec.split(",") if n.strip()]
    unknown = [n for n in names if n not in known]
    if unknown:
        print(f"unknown set(s): {', '.join(unknown)}; known: {', '.join(known)}", file=sys.stderr)
        return None
    return names


def read_baseline(path: str | None) -> dict | None:
    """The results of an earlier run (written with --json), when one is given."""
    return json.loads(Path(path).read_text(encoding="utf-8")) if path else None


def run_scorer(script: str, gold: Path, pred: Path) -> dict:
    """One of ../shared/eval's scorers (score.py, score_claims.py) on an export folder, as JSON."""
    with tempfile.NamedTemporaryFile(suffix=".json") as fh:
        subprocess.run([sys.executable, str(SHARED / "eval" / script), "--gold", str(gold), "--pred", str(pred),
                        "--json", fh.name], check=True, capture_output=True, text=True)
        return json.loads(Path(fh.name).read_text(encoding="utf-8") or "{}")

