"""Who the claims' members are credited to, measured without the grouping: each gold member's
source against ours.

For every member of a gold claim (../shared/kakhovka/claims_gold.json, eval/seeds-claims) the
member of ours that overlaps it most (at least half of the shorter span, as score_claims.py
finds members) tells how we read it: credited to one of our sources, to a speaker we left
unresolved, or the outlet's own voice (no statement of ours there, or an assertion). Then:

(a) sources per gold claim: the distinct sources of ours among its members, counted as the
    claims stage counts them (`corroborate.claims.sources.collapse`; with none credited, the
    articles saying it, copies once) against the gold's `sources`: exact, within one, mean
    absolute error. This is the count a perfect grouping would give us.
(b) consistency of the mapping: for each gold canonical source, how many of our sources its
    members map to (1 is right: "Peskov", "the Kremlin" and "Kremlin spokesman" all one), and for
    each of ours how many gold sources (1 is right: the Kremlin and Russia are two); the worst
    ones are listed.
(c) attribution: gold attributed members we read as own voice (missed: partly the statements
    stage's cues), or leave unresolved, and gold own-voice members we credit to someone.

    python benchmarks/sources_eval.py --exports /tmp/run          # /tmp/run/<set>/exports from claims_eval --keep
    python benchmarks/sources_eval.py --json after.json --baseline before.json
    python benchmarks/sources_eval.py --verbose                   # the confusions, member by member
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from _report import chosen_sets, print_table, read_baseline  # benchmarks/ is sys.path[0] when run as a script

from corroborate import api
from corroborate.claims.sources import collapse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "kakhovka": {"corpus": "kakhovka/corpus", "meta": "kakhovka/manifest.csv", "claims": "kakhovka/claims_gold.json"},
    "seeds": {"corpus": "seeds", "claims": "eval/seeds-claims/claims_gold.json"},
}


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def locate(text: str, needle: str) -> tuple[int, int] | None:
    """(start, end) of needle in text, whitespace differences tolerated (as score_claims.py)."""
    i = text.find(needle)
    if i >= 0:
        return i, i + len(needle)
    squashed = " ".join(needle.split())
    flat, index, prev = [], [], False
    for k, ch in enumerate(text):
        if ch.isspace():
            if prev:
                continue
            flat.append(" ")
            prev = True
        else:
            flat.append(ch)
            prev = False
        index.append(k)
    i = "".join(flat).find(squashed)
    if i < 0:
        return None
    return index[i], index[i + len(squashed) - 1] + 1


def overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def export(name: str, work: Path) -> Path:
    """Run the analysis on one set into work/<name>, return its exports folder."""
    spec = SETS[name]
    out = work / name
    out.mkdir(parents=True, exist_ok=True)
    db = out / "corroborate.duckdb"
    if db.exists():
        db.unlink()
    import inspect
    kwargs = {"meta": [str(SHARED / spec["meta"])]} if spec.get("meta") and \
        "meta" in inspect.signature(api.add).parameters else {}
    api.add([str(SHARED / spec["corpus"])], db=db, **kwargs)
    api.analyze(db=db)
    api.export_all(out / "exports", db=db)
    return out / "exports"


def our_reading(exports: Path) -> tuple[dict, dict, dict]:
    """doc_id -> [(start, end, kind, source id, source name, speaker)], docs by file, reuse spans."""
    units = defaultdict(list)
    for c in read_jsonl(exports / "claims.jsonl"):
        members = json.loads(c["members"]) if isinstance(c["members"], str) else c["members"]
        for m in members:
            source = m.get("source")
            kind = "credited" if source else ("unresolved" if m.get("attributed_to") else "own voice")
            units[m["doc_id"]].append((m["start"], m["end"], kind, source, m.get("source_name") or source,
                                       m.get("attributed_to")))
    docs = {Path(str(d.get("source") or "")).name: d for d in read_jsonl(exports / "documents.jsonl")}
    reuse = defaultdict(list)
    for r in read_jsonl(exports / "reuse.jsonl"):
        reuse[r["doc_id"]].append((r["start"], r["end"], r["cluster_id"]))
    return units, docs, reuse


def evaluate(gold_path: Path, exports: Path, lang: str = "en", verbose: bool = False) -> dict:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["claims"]
    units, docs, reuse = our_reading(exports)
    items = []  # (claim id, gold source or None, doc_id, span, our kind, our id, our name, speaker)
    missing = 0
    for g in gold:
        for m in g["members"]:
            if lang != "all" and (m.get("lang") or "en") != lang:
                continue
            d = docs.get(m["file"])
            span = locate(d.get("text") or "", m["text"]) if d else None
            if span is None:
                missing += 1
                continue
            best, best_ov = None, 0
            for u in units.get(d["doc_id"], ()):
                ov = overlap(span, u[:2])
                if ov >= 0.5 * min(span[1] - span[0], u[1] - u[0]) and ov > best_ov:
                    best, best_ov = u, ov
            kind, sid, sname, speaker = best[2:] if best else ("own voice", None, None, None)
            items.append((g["id"], m.get("attributed_to"), d["doc_id"], span, kind, sid, sname, speaker))

    # (a) sources per gold claim, as the claims stage would count its gold members
    exact = within1 = 0
    err = 0.0
    rows = []
    for g in gold:
        mine = [it for it in items if it[0] == g["id"]]
        if not mine:
            continue
        ids = collapse(it[5] for it in mine if it[4] == "credited")
        if ids:
            got = len(ids)
        else:
            origins = set()
            for it in mine:
                clusters = sorted(c for s, e, c in reuse.get(it[2], ()) if overlap((s, e), it[3]) > 0)
                origins.add(clusters[0] if clusters else it[2])
            got = len(origins)
        want = len(g.get("sources") or [])
        exact += got == want
        within1 += abs(got - want) <= 1
        err += abs(got - want)
        names = sorted({it[6] for it in mine if it[4] == "credited" and it[5] in ids})
        rows.append((g["id"], want, got, names))
    n = len(rows)
    out = {"claims": n, "sources.exact": (exact, n), "sources.within1": (within1, n),
           "sources.mae": err / n if n else 0.0}

    # (b) consistency of the mapping, over gold attributed members we credit to someone
    credited = [it for it in items if it[1] and it[4] == "credited"]
    ours_of = defaultdict(Counter)   # gold source -> our ids
    gold_of = defaultdict(Counter)   # our id -> gold sources
    name_of = {}
    for it in credited:
        ours_of[it[1]][it[5]] += 1
        gold_of[it[5]][it[1]] += 1
        name_of[it[5]] = it[6]
    split = [g for g, c in ours_of.items() if len(c) > 1]
    merged = [o for o, c in gold_of.items() if len(c) > 1]
    out["gold sources"] = len(ours_of)
    out["gold→one of ours"] = (len(ours_of) - len(split), len(ours_of))
    out["ours per gold source"] = sum(len(c) for c in ours_of.values()) / len(ours_of) if ours_of else 0.0
    out["ours→one gold"] = (len(gold_of) - len(merged), len(gold_of))
    out["gold per source of ours"] = sum(len(c) for c in gold_of.values()) / len(gold_of) if gold_of else 0.0
    # member-level purity: members whose source of ours holds mostly their gold source
    major = {o: c.most_common(1)[0][0] for o, c in gold_of.items()}
    out["members agreeing"] = (sum(1 for it in credited if major[it[5]] == it[1]), len(credited))

    # (c) attribution
    attributed = [it for it in items if it[1]]
    own = [it for it in items if not it[1]]
    out["attributed: credited"] = (sum(1 for it in attributed if it[4] == "credited"), len(attributed))
    out["attributed: own voice (missed)"] = (sum(1 for it in attributed if it[4] == "own voice"), len(attributed))
    out["attributed: unresolved"] = (sum(1 for it in attributed if it[4] == "unresolved"), len(attributed))
    out["own voice: credited by us"] = (sum(1 for it in own if it[4] != "own voice"), len(own))
    out["gold members not located"] = missing

    out["_split"] = {g: {name_of[o]: n for o, n in ours_of[g].most_common()} for g in sorted(split)}
    out["_merged"] = {name_of[o]: dict(gold_of[o].most_common()) for o in sorted(merged, key=lambda o: name_of[o])}
    out["_claims"] = rows
    if verbose:
        out["_missed"] = [(it[0], it[1], it[2], it[3]) for it in attributed if it[4] != "credited"]
    return out


KEYS = ("claims", "sources.exact", "sources.within1", "sources.mae", "gold sources", "gold→one of ours",
        "ours per gold source", "ours→one gold", "gold per source of ours", "members agreeing",
        "attributed: credited", "attributed: own voice (missed)", "attributed: unresolved",
        "own voice: credited by us", "gold members not located")


def _fmt(v) -> str:
    if isinstance(v, (list, tuple)) and len(v) == 2:
        return f"{v[0] / v[1]:.3f} ({v[0]}/{v[1]})" if v[1] else "-"
    if isinstance(v, float):
        return f"{v:.3f}"
    return "-" if v is None else str(v)


def print_results(results: dict, baseline: dict | None, detail: bool) -> None:
    names = list(results)
    rows = []
    for key in KEYS:
        row = [key]
        for n in names:
            cell = _fmt(results[n].get(key))
            if baseline and n in baseline:
                cell = f"{_fmt(baseline[n].get(key))} -> {cell}"
            row.append(cell)
        rows.append(tuple(row))
    print_table(("measure", *names), rows)
    if not detail:
        return
    for n in names:
        r = results[n]
        print(f"\n{n}: per gold claim (gold sources, ours, our sources)")
        for cid, want, got, src in r["_claims"]:
            print(f"  {cid}  {want:>2} {got:>3}  {'; '.join(src)[:150]}")
        print(f"{n}: gold sources split over several of ours")
        for g, ours in r["_split"].items():
            print(f"  {g}: " + "; ".join(f"{o} ×{k}" for o, k in ours.items()))
        print(f"{n}: sources of ours holding several gold sources")
        for o, golds in r["_merged"].items():
            print(f"  {o}: " + "; ".join(f"{g} ×{k}" for g, k in golds.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="kakhovka,seeds")
    parser.add_argument("--exports", help="read <dir>/<set>/exports (claims_eval.py --keep) instead of running")
    parser.add_argument("--lang", default="en", help="gold members of this language (all: every language)")
    parser.add_argument("--json", help="write the results here")
    parser.add_argument("--baseline", help="results of an earlier run (--json) to print beside")
    parser.add_argument("--detail", action="store_true", help="list the per-claim counts and the confusions")
    args = parser.parse_args(argv)
    names = chosen_sets(args.sets, SETS, SHARED)
    if names is None:
        return 2
    baseline = read_baseline(args.baseline)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in names:
            exports = Path(args.exports) / n / "exports" if args.exports else export(n, Path(tmp))
            if not (exports / "claims.jsonl").exists():
                print(f"{exports}/claims.jsonl is not there", file=sys.stderr)
                return 2
            results[n] = evaluate(SHARED / SETS[n]["claims"], exports, args.lang)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print_results(results, baseline, args.detail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
