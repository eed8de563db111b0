"""The whole analysis at growing corpus sizes, per engine: time per stage, the driver's peak memory,
and an incremental run.

Run:  python benchmarks/scale.py [--sizes 10000,50000] [--engines duckdb,spark:local[1],spark:local[2]]
                                 [--seed N] [--keep DIR] [--check]

What it does:

1. Generates each corpus with benchmarks/report.py's generator (the same fixed seed, no real
   article text: conflict incidents in real cities, disputed tolls, quotes carried by many outlets,
   press releases copied with edits) and writes it as JSON Lines; 10% more articles (the next ones
   of a corpus 1.1 times the size) are written apart for the incremental run.
2. For every size and engine, in a fresh child process (so that its peak memory is its own): adds
   the corpus to a new store and times each stage (`api.analyze(only=stage)` in running order, which
   is what one `analyze` runs); then adds the 10% and times one `analyze`, the incremental run. The
   child's peak resident memory (`ru_maxrss`) is the driver's: Spark's executors are other processes.
3. Prints, per size and engine, the time of ingest and of each stage, the total, the peak memory
   and the incremental ratio; then the issue's ratios with PASS/FAIL:
     - DuckDB: peak memory at the largest size <= 3 GB, time(largest) / time(smallest) <= 5.5 when
       the largest is five times the smallest;
     - Spark: local[2] at least 1.6x faster than local[1] at the smallest size; driver memory at the
       largest size <= 1.5 GB;
     - incremental (10% more articles) <= 0.2x the full run, on every engine.

The baseline of every ratio is a run of the same process at another size or engine, in this one
invocation. Sizes of 10,000 and more take hours here (the DuckDB engine needs about 47 minutes for
10,000 articles); `--sizes 200,1000` checks the benchmark itself in minutes.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from _report import print_table, verdict  # noqa: E402


def write_corpus(root: Path, n: int, seed: int) -> tuple[Path, Path]:
    """The corpus of n articles and the 10% added later, as two JSON Lines files."""
    from report import make_corpus

    articles, _, _ = make_corpus(n + max(1, n // 10), seed)
    first, more = root / f"corpus-{n}.jsonl", root / f"more-{n}.jsonl"
    with open(first, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in articles[:n])
    with open(more, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in articles[n:])
    return first, more


def child(corpus: str, more: str, db: str, engine: str, work: str) -> dict:
    """One size and engine, in this (child) process: seconds per step, and the peak memory."""
    from corroborate import api
    from corroborate.settings import load_settings
    from corroborate.stages import STAGES

    name, _, master = engine.partition(":")
    options = {"engine": name, "master": master or "local[2]", "spark_work": work} if name == "spark" else {}
    settings = load_settings()
    seconds: dict[str, float] = {}
    t = time.perf_counter()
    api.add([corpus], db=db, settings=settings)
    seconds["ingest"] = time.perf_counter() - t
    for stage in STAGES:  # running order
        t = time.perf_counter()
        api.analyze(db=db, only=stage, settings=settings, **options)
        seconds[stage] = time.perf_counter() - t
    full = sum(seconds.values())
    api.add([more], db=db, settings=settings)
    t = time.perf_counter()
    api.analyze(db=db, settings=settings, **options)
    incremental = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    return {"seconds": seconds, "full": full, "incremental": incremental, "peak_mb": peak}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--engines", default="duckdb,spark:local[1],spark:local[2]")
    parser.add_argument("--seed", type=int, default=20251215)
    parser.add_argument("--keep", metavar="DIR", help="keep corpora and stores here")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    parser.add_argument("--child", nargs=5, metavar=("CORPUS", "MORE", "DB", "ENGINE", "WORK"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    sizes = sorted(int(s) for s in args.sizes.split(","))
    engines = args.engines.split(",")
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="corroborate-scale-"))
    root.mkdir(parents=True, exist_ok=True)
    results: dict[tuple[int, str], dict] = {}
    for n in sizes:
        corpus, more = write_corpus(root, n, args.seed)
        for engine in engines:
            tag = engine.replace(":", "-").replace("[", "").replace("]", "")
            db, work = root / f"{tag}-{n}.duckdb", root / f"{tag}-{n}.work"
            print(f"{n:,} articles, {engine} ...", file=sys.stderr, flush=True)
            done = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(more), str(db), engine,
                                   str(work)], capture_output=True, text=True)
            if done.returncode != 0:
                print(done.stderr[-3000:], file=sys.stderr)
                return 2
            results[(n, engine)] = json.loads(done.stdout.strip().splitlines()[-1])

    stages = list(next(iter(results.values()))["seconds"])
    print_table(("articles", "engine", *stages, "total", "peak MB", "incremental"),
                [(f"{n:,}", e, *(f"{r['seconds'][s]:.1f}s" for s in stages), f"{r['full']:.1f}s",
                  f"{r['peak_mb']:,.0f}", f"{r['incremental'] / r['full']:.2f}x") for (n, e), r in results.items()])

    small, large = sizes[0], sizes[-1]
    checks = []
    if (large, "duckdb") in results:
        r = results[(large, "duckdb")]
        checks.append((f"duckdb peak memory at {large:,}", f"{r['peak_mb'] / 1024:.2f} GB", "<= 3 GB",
                       r["peak_mb"] <= 3 * 1024))
        if small != large and (small, "duckdb") in results:
            ratio = r["full"] / results[(small, "duckdb")]["full"]
            bound = 5.5 * (large / small) / 5  # 5.5 for five times the articles
            checks.append((f"duckdb time({large:,}) / time({small:,})", f"{ratio:.2f}", f"<= {bound:.2f}", ratio <= bound))
    if (small, "spark:local[1]") in results and (small, "spark:local[2]") in results:
        speedup = results[(small, "spark:local[1]")]["full"] / results[(small, "spark:local[2]")]["full"]
        checks.append((f"spark local[2] speed-up over local[1] at {small:,}", f"{speedup:.2f}x", ">= 1.6x",
                       speedup >= 1.6))
    for engine in engines:
        if engine.startswith("spark") and (large, engine) in results:
            mb = results[(large, engine)]["peak_mb"]
            checks.append((f"{engine} driver memory at {large:,}", f"{mb / 1024:.2f} GB", "<= 1.5 GB", mb <= 1.5 * 1024))
    for (n, engine), r in results.items():
        ratio = r["incremental"] / r["full"]
        checks.append((f"{engine} incremental (+10%) at {n:,}", f"{ratio:.2f}x the full run", "<= 0.2x", ratio <= 0.2))
    print()
    print_table(("measure", "value", "target", "result"), [(a, b, c, verdict(ok)) for a, b, c, ok in checks])
    if args.keep:
        print(f"\ncorpora and stores in {root}")
    else:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if args.check and not all(ok for *_, ok in checks) else 0


if __name__ == "__main__":
    raise SystemExit(main())
