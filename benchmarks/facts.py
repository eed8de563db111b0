"""The facts stage (figures, dates, places, incident reports) against spaCy's own parse of the same
articles, in one process.

Baseline: bare `nlp.pipe` over the article texts, the cost every analysis pays once. Measured: the
facts stage over the stored parses of the same articles (statements included, as the engine feeds
them), with the gazetteer loaded beforehand (its one-time load is printed separately). The ratio
facts / parse says what the stage adds to an analysis run; the target keeps it a small share.

    python benchmarks/facts.py                      # ../shared/dev/corpus and GeoWebNews texts
    python benchmarks/facts.py --check              # exit 1 when the target fails
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from _report import print_table, verdict  # benchmarks/ is sys.path[0] when run as a script

from corroborate.attribution import analyse
from corroborate.facts import analyse_facts
from corroborate.facts.places import Geoparser
from corroborate.nlp import Parser, load_pipeline, to_bytes, from_bytes
from corroborate.settings import load_settings

SHARED = Path(__file__).resolve().parents[2] / "shared"


def texts(limit: int) -> list[str]:
    """Real English news: the development corpus, then GeoWebNews articles."""
    out = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "dev" / "corpus").glob("*.txt"))]
    gwn = SHARED / "data" / "geowebnews" / "GWN.xml"
    if gwn.exists():
        for article in ET.parse(gwn).getroot().findall("article"):
            if len(out) >= limit:
                break
            title, text = article.findtext("title") or "", article.findtext("text") or ""
            out.append(f"{title}\n{text}")
    if not out:
        sys.exit(f"no articles under {SHARED}; put ../shared beside the repository")
    return out[:limit]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=120, help="articles to run on")
    parser.add_argument("--target", type=float, default=0.5, help="highest acceptable facts / parse time")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target fails")
    args = parser.parse_args(argv)

    settings = load_settings()
    nlp = load_pipeline(settings.nlp.model)
    docs_text = texts(args.articles)
    n_words = sum(len(t.split()) for t in docs_text)

    t0 = time.perf_counter()
    geoparser = Geoparser(settings.facts.place_aliases, settings.facts.min_population)
    geoparser.find(nlp("Warm-up in Paris."))
    load_s = time.perf_counter() - t0

    list(nlp.pipe(docs_text[:3]))  # first-call costs out of the timing
    gc.collect()
    t0 = time.perf_counter()
    list(nlp.pipe(docs_text))
    bare_s = time.perf_counter() - t0

    # What the engine stores and feeds: the parse as bytes, the statements as rows.
    parsed = [to_bytes(d) for d in Parser(nlp).parse(docs_text)]
    fed = []
    for i, blob in enumerate(parsed):
        doc = from_bytes(blob)
        fed.append((f"d{i}", blob, analyse(f"d{i}", doc, settings.statements.min_quote_words)["statements"]))
    gc.collect()
    counts = {"figures": 0, "dates": 0, "places": 0, "incident_reports": 0}
    t0 = time.perf_counter()
    for doc_id, blob, statements in fed:
        rows = analyse_facts(doc_id, from_bytes(blob), None, None, statements, geoparser)
        for table, table_rows in rows.items():
            counts[table] += len(table_rows)
    facts_s = time.perf_counter() - t0

    ratio = facts_s / bare_s
    ok = ratio <= args.target
    rows = [
        ("articles / words", f"{len(docs_text):,} / {n_words:,}", "", "", "info"),
        ("gazetteer load (once per process)", "", f"{load_s:.1f}s", "", "info"),
        ("bare nlp.pipe (baseline)", f"{n_words / bare_s:,.0f} words/s", f"{bare_s:.1f}s", "", "info"),
        ("facts stage", f"{n_words / facts_s:,.0f} words/s", f"{facts_s:.1f}s",
         f"{1000 * facts_s / len(docs_text):.1f} ms/article", "info"),
        ("ratio facts / parse", f"{ratio:.2f}x", "", f"<= {args.target:g}x", verdict(ok)),
        ("rows: figures / dates / places / reports",
         " / ".join(f"{counts[k]:,}" for k in ("figures", "dates", "places", "incident_reports")), "", "", "info"),
    ]
    print_table(("measure", "value", "time", "target", "result"), rows)
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
