"""The report (one self-contained HTML file) and the web app's data.

`data.py` reads each view from the store; `page.py` makes the HTML; `static/app.js` draws every
view in the browser, from the data embedded in the report or fetched from the web app's /api.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from ..store import Store
from .data import ReportData
from .page import MAP, report_page, static_text

__all__ = ["ReportData", "ReportStats", "build_report"]


@dataclass
class ReportStats:
    path: Path
    bytes: int
    articles: int
    seconds: float


def build_report(db: str | Path | None, out: str | Path, title: str = "corroborate report") -> ReportStats:
    """Write the report of the store at `db` to `out` (one HTML file that needs nothing else)."""
    t0 = time.perf_counter()
    with Store(db, read_only=True) as store:
        data = ReportData(store).bundle()
    articles = data["articles"]
    days = sorted(a["published"] for a in articles if a["published"])
    data["meta"] = {"articles": len(articles), "outlets": len({a["outlet"] for a in articles if a["outlet"]}),
                    "first": days[0] if days else None, "last": days[-1] if days else None}
    data["map"] = json.loads(static_text(MAP))
    page = report_page(data, title)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)  # a reader never sees half a report
    return ReportStats(out, out.stat().st_size, len(articles), time.perf_counter() - t0)
