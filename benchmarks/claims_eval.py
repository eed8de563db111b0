"""The whole analysis on the real corpora, scored by both scorers of ../shared/eval, side by side.

For each set: a fresh store, `add` (with the set's manifest when it has one), `analyze`,
`export --all`, then `score_claims.py` (claims: B-cubed, claim precision/recall, independent-source
counts, stripped attribution, the largest claim) and `score.py` (statements, figures, places, dates,
reuse) on the export. The example corpus is scored against its hand-written claims
(examples/claims.json, pairwise recall/precision, the measure tests/test_examples.py pins).

    python benchmarks/claims_eval.py                          # kakhovka, seeds, dev, example
    python benchmarks/claims_eval.py --sets kakhovka --keep /tmp/eval   # keep stores and exports
    python benchmarks/claims_eval.py --json after.json --baseline before.json   # print before/after

Sets (paths relative to ../shared beside the repository):
    kakhovka   kakhovka/corpus + kakhovka/manifest.csv, claims gold kakhovka/claims_gold.json,
               per-article gold kakhovka/gold (8 English articles)
    seeds      seeds/, claims gold eval/seeds-claims/claims_gold.json, gold eval/seeds-gold
    dev        dev/corpus + dev/manifest.csv, gold dev/gold (no claims gold)
    example    examples/corpus (ours), examples/claims.json
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

from _report import chosen_sets, print_table, read_baseline, run_scorer  # benchmarks/ is sys.path[0] when run as a script

from corroborate import api

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

SETS = {
    "kakhovka": {"corpus": "kakhovka/corpus", "meta": "kakhovka/manifest.csv",
                 "claims": "kakhovka/claims_gold.json", "gold": "kakhovka/gold"},
    "seeds": {"corpus": "seeds", "claims": "eval/seeds-claims/claims_gold.json", "gold": "eval/seeds-gold"},
    "dev": {"corpus": "dev/corpus", "meta": "dev/manifest.csv", "gold": "dev/gold"},
    "example": {},
}
CLAIM_KEYS = ("bcubed", "claim", "sources.exact", "sources.within1", "sources.mae", "stripped", "largest",
              "members.found", "members.found.other")
SCORE_KEYS = ("statements.content", "statements.attributed", "figures.value", "figures.attributed", "places",
              "dates.resolved", "reuse.pairs")


def _add(paths: list[str], db: Path, meta: Path | None) -> None:
    kwargs = {}
    if meta is not None:
        import inspect
        if "meta" in inspect.signature(api.add).parameters:
            kwargs["meta"] = [str(meta)]
    api.add(paths, db=db, **kwargs)


def example_pairwise(db: Path) -> dict:
    """Pairwise recall and precision of the grouping against examples/claims.json."""
    key = json.loads((ROOT / "examples" / "claims.json").read_text(encoding="utf-8"))["claims"]
    corpus = api.example_corpus()
    docs = api.table("documents", db=db)
    rel = {}
    for doc_id, source in zip(docs["doc_id"], docs["source"]):
        s = str(source)
        rel[doc_id] = str(Path(s).relative_to(corpus)) if s.startswith(str(corpus)) else s
    where: dict[str, list[tuple[str, str]]] = {}
    for r in api.table("claims", db=db).to_dict("records"):
        members = json.loads(r["members"]) if isinstance(r["members"], str) else r["members"]
        for m in members:
            where.setdefault(rel.get(m["doc_id"], ""), []).append((m["text"].lower(), r["claim_id"]))

    def find(source, needle):
        return next((cid for text, cid in where.get(source, []) if needle.lower() in text), None)

    hit = pairs = 0
    assigned = []
    for claim in key:
        ids = [find(source, needle) for source, needle in claim["members"]]
        for a, b in itertools.combinations(ids, 2):
            pairs += 1
            hit += a is not None and a == b
        assigned += [(cid, claim["claim"]) for cid in ids if cid]
    together = [(e1 == e2) for (c1, e1), (c2, e2) in itertools.combinations(assigned, 2) if c1 == c2]
    return {"pairwise.recall": hit / pairs if pairs else 0.0,
            "pairwise.precision": sum(together) / len(together) if together else 0.0}


def run_set(name: str, work: Path) -> dict:
    spec = SETS[name]
    out = work / name
    out.mkdir(parents=True, exist_ok=True)
    db = out / "corroborate.duckdb"
    if db.exists():
        db.unlink()
    t0 = time.perf_counter()
    if name == "example":
        settings = api.example_settings()
        api.add([str(api.example_corpus())], db=db, settings=settings)
        api.analyze(db=db, settings=settings)
    else:
        _add([str(SHARED / spec["corpus"])], db, SHARED / spec["meta"] if spec.get("meta") else None)
        api.analyze(db=db)
    seconds = time.perf_counter() - t0
    exports = out / "exports"
    api.export_all(exports, db=db)
    result = {"seconds": seconds, "articles": len(api.table("documents", db=db))}
    if name == "example":
        result.update(example_pairwise(db))
        return result
    if spec.get("claims"):
        result["claims"] = run_scorer("score_claims.py", SHARED / spec["claims"], exports)
    if spec.get("gold"):
        result["score"] = run_scorer("score.py", SHARED / spec["gold"], exports)
    return result


def _fmt(v) -> str:
    """A scorer value: F1 for (P, R, F1), share for (hit, total), the number otherwise."""
    if isinstance(v, dict) and "f1" in v:
        v = [v["precision"], v["recall"], v["f1"]]
    if isinstance(v, list) and len(v) == 3:
        return f"{v[2]:.3f}"
    if isinstance(v, list) and len(v) == 2:
        return f"{v[0] / v[1]:.3f}" if v[1] else "-"
    if isinstance(v, float):
        return f"{v:.3f}"
    return "-" if v is None else str(v)


def _detail(v) -> str:
    if isinstance(v, dict) and "f1" in v:
        v = [v["precision"], v["recall"], v["f1"]]
    if isinstance(v, list) and len(v) == 3:
        return f"P={v[0]:.2f} R={v[1]:.2f}"
    if isinstance(v, list) and len(v) == 2:
        return f"{v[0]}/{v[1]}"
    return ""


def print_results(results: dict, baseline: dict | None) -> None:
    for part, keys in (("claims", CLAIM_KEYS), ("score", SCORE_KEYS)):
        names = [n for n in results if part in results[n]]
        if not names:
            continue
        print(f"\n{'score_claims.py' if part == 'claims' else 'score.py'}")
        rows = []
        for key in keys:
            row = [key]
            for n in names:
                v = results[n][part].get(key)
                cell = f"{_fmt(v)} ({_detail(v)})" if _detail(v) else _fmt(v)
                if baseline and part in baseline.get(n, {}):
                    cell = f"{_fmt(baseline[n][part].get(key))} -> {cell}"
                row.append(cell)
            rows.append(tuple(row))
        print_table(("measure", *names), rows)
    if "example" in results:
        r = results["example"]
        print(f"\nexample corpus: pairwise recall {r['pairwise.recall']:.3f}, precision {r['pairwise.precision']:.3f}")
    print("\n" + "  ".join(f"{n}: {r['articles']} articles in {r['seconds']:.0f} s" for n, r in results.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="kakhovka,seeds,dev,example")
    parser.add_argument("--keep", help="write stores and exports here (default: a temporary folder)")
    parser.add_argument("--json", help="write the results here")
    parser.add_argument("--baseline", help="results of an earlier run (--json) to print beside")
    args = parser.parse_args(argv)
    names = chosen_sets(args.sets, SETS, SHARED)
    if names is None:
        return 2
    baseline = read_baseline(args.baseline)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        results = {n: run_set(n, work) for n in names}
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    print_results(results, baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
