"""The claims stage at scale against a bare spaCy parse of the same articles, in one run.

Run:  python benchmarks/claims.py [--articles 10000] [--store DIR] [--check]
      python benchmarks/claims.py --articles 1000          # the quick mode, a few minutes

What it does:

1. Generates the corpus of benchmarks/report.py (its `make_corpus`, same seed: generated news about
   incidents, with quotes shared across articles and press releases copied by other outlets) with
   1% more articles than asked; the last 1% are held back.
2. Analyses the articles up to the claims stage (`api.add`, then `api.analyze(until="incidents")`),
   unless --store DIR already holds that store from an earlier run with the same --articles and
   --seed (it takes most of an hour at 10,000 articles, so keep it with --store).
3. Times, in this process, the baseline: a bare `nlp.pipe` over the same articles' texts with the
   model the parse stage uses (`settings.nlp.model`, loaded before the clock starts).
4. Times the claims stage alone (`api.analyze(only="claims")`) on a copy of the analysed store,
   cold: no sentence vector stored yet. Then adds the held-back 1%, analyses them up to incidents
   (not timed against anything, shown for information) and times the claims stage again, warm:
   only the sentences no earlier run embedded are embedded (the stage's note says how many).
   Each claims run happens in a child process started for it (spawn), so its peak memory is its
   own: the peak resident set size of that process (VmHWM of /proc/self/status; getrusage's
   ru_maxrss where there is no /proc), the interpreter, numpy, onnxruntime and the model included. The time is measured inside the child
   around the stage alone (imports and store opening excluded).

Targets (issue 14): the new grouping takes at most 0.25x the baseline, and the claims process stays
under 2 GB. The stage has two parts, timed apart: its per-article part, the sentence vectors the
store does not hold yet (each distinct sentence embedded once and kept, so a rerun embeds only
new sentences; on Spark it runs on the executors, beside the parse), and the grouping over all
articles, which is what the target reads. The whole cold stage is printed too: embedding every
sentence of a corpus for the first time costs about half a parse on 2 cores with this model.
The exit status is 0 (this is a report); with --check, 1 when a target fails.
"""
from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _report import print_table, verdict  # benchmarks/ is sys.path[0] when run as a script
from report import make_corpus            # the corpus of the report benchmark

RATIO_TARGET = 0.25     # claims stage / bare nlp.pipe
MEMORY_TARGET = 2e9     # bytes of peak resident memory of the claims stage's process
HELD_BACK = 0.01        # share of articles added before the warm run


def _write(path: Path, articles: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")


def prepare(root: Path, n: int, seed: int) -> Path:
    """root/prepared.duckdb: the n articles analysed up to the claims stage (made once per n and
    seed); root/extra.jsonl: the held-back articles."""
    from corroborate import api

    db, manifest = root / "prepared.duckdb", root / "prepared.json"
    want = {"articles": n, "seed": seed}
    if db.exists() and manifest.exists() and json.loads(manifest.read_text()) == want:
        print(f"reusing the analysed store {db}", file=sys.stderr, flush=True)
        return db
    for stale in (db, manifest, root / "prepared.duckdb.wal"):
        stale.unlink(missing_ok=True)
    articles, _, _ = make_corpus(n + max(1, round(n * HELD_BACK)), seed)
    _write(root / "base.jsonl", articles[:n])
    _write(root / "extra.jsonl", articles[n:])
    print(f"analysing {n:,} articles up to the claims stage (once; kept in {root}) ...", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    api.add([str(root / "base.jsonl")], db=db)
    api.analyze(db=db, until="incidents")
    print(f"  analysed in {time.perf_counter() - t0:.0f}s", file=sys.stderr, flush=True)
    manifest.write_text(json.dumps(want))
    return db


def baseline(root: Path) -> tuple[float, int, int]:
    """Seconds of a bare nlp.pipe over the articles' texts, the articles and their words."""
    from corroborate.nlp import load_pipeline
    from corroborate.settings import load_settings

    settings = load_settings().nlp
    texts = [json.loads(line)["text"] for line in open(root / "base.jsonl", encoding="utf-8")]
    nlp = load_pipeline(settings.model)
    list(nlp.pipe(texts[:20]))  # first-call costs out of the timing
    gc.collect()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    return time.perf_counter() - t0, len(texts), sum(len(t.split()) for t in texts)


def peak_memory() -> int:
    """Bytes of this process's peak resident set: VmHWM of /proc/self/status where there is one
    (Linux's getrusage ru_maxrss would carry over the parent's peak through fork and exec), else
    ru_maxrss."""
    try:
        for line in open("/proc/self/status", encoding="ascii"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


def _claims_child(db: str, out) -> None:
    from corroborate import api

    ahead_done = [0.0]

    def on_batch(step: str, done: int, total: int) -> None:
        if "ahead" in step:  # the per-article part: the sentence vectors not stored yet
            ahead_done[0] = time.perf_counter()

    gc.collect()
    t0 = time.perf_counter()
    frame = api.analyze(db=db, only="claims", on_batch=on_batch)
    seconds = time.perf_counter() - t0
    ahead = max(0.0, ahead_done[0] - t0)
    out.send({"seconds": seconds, "ahead": ahead, "grouping": seconds - ahead,
              "note": str(frame["note"].iloc[0]), "peak": peak_memory()})


def claims_stage(db: Path) -> dict:
    """The claims stage alone in a fresh process: seconds, peak RSS (bytes), the stage's note."""
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_claims_child, args=(str(db), send))
    child.start()
    result = receive.recv()
    child.join()
    if child.exitcode:
        raise SystemExit(f"the claims stage failed (exit {child.exitcode})")
    found = re.search(r"from (\d+) sentences.*?(\d+) of (\d+) distinct sentences embedded", result["note"])
    result["units"], result["embedded"], result["distinct"] = (int(x) for x in found.groups()) if found else (0, 0, 0)
    made = re.search(r"(\d+) sentence_vectors rows made ahead", result["note"])
    result["embedded"] += int(made.group(1)) if made else 0
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the corpus")
    parser.add_argument("--seed", type=int, default=20251215, help="seed of the corpus (benchmarks/report.py's)")
    parser.add_argument("--store", metavar="DIR", help="keep the corpus and the analysed store in DIR, and reuse "
                                                       "them when made with the same --articles and --seed")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    if args.articles < 100:
        parser.error("--articles must be at least 100")
    root = Path(args.store) if args.store else Path(tempfile.mkdtemp(prefix="corroborate-claims-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    work = root / "work.duckdb"
    try:
        prepared = prepare(root, args.articles, args.seed)
        print("baseline: nlp.pipe over the articles ...", file=sys.stderr, flush=True)
        parse_s, n, words = baseline(root)
        for stale in (work, root / "work.duckdb.wal"):
            stale.unlink(missing_ok=True)
        shutil.copyfile(prepared, work)
        print(f"  {parse_s:.0f}s; the claims stage, cold ...", file=sys.stderr, flush=True)
        cold = claims_stage(work)
        print(f"  {cold['seconds']:.0f}s; adding {HELD_BACK:.0%} more articles ...", file=sys.stderr, flush=True)
        from corroborate import api

        t0 = time.perf_counter()
        added = api.add([str(root / "extra.jsonl")], db=work).added
        api.analyze(db=work, until="incidents")
        upstream_s = time.perf_counter() - t0
        print(f"  {upstream_s:.0f}s; the claims stage, warm ...", file=sys.stderr, flush=True)
        warm = claims_stage(work)
    finally:
        if not args.store:
            shutil.rmtree(root, ignore_errors=True)

    ratio, warm_ratio = cold["seconds"] / parse_s, warm["seconds"] / parse_s
    grouping_ratio = cold["grouping"] / parse_s
    ok_time, ok_memory = grouping_ratio <= RATIO_TARGET, max(cold["peak"], warm["peak"]) < MEMORY_TARGET
    rows = [
        ("articles / words", f"{n:,} / {words:,}", "", "", "info"),
        ("bare nlp.pipe (baseline)", f"{words / parse_s:,.0f} words/s", f"{parse_s:.1f}s", "", "info"),
        ("claims stage, cold", f"{cold['embedded']:,} of {cold['distinct']:,} distinct embedded",
         f"{cold['seconds']:.1f}s", f"{cold['units']:,} sentences", "info"),
        ("  of it: sentence vectors", "per article, kept", f"{cold['ahead']:.1f}s",
         f"{cold['ahead'] / parse_s:.3f}x nlp.pipe", "info"),
        ("  of it: grouping", f"{grouping_ratio:.3f}x nlp.pipe", f"{cold['grouping']:.1f}s",
         f"<= {RATIO_TARGET:g}x", verdict(ok_time)),
        ("ratio claims cold / nlp.pipe", f"{ratio:.3f}x", "", "vectors + grouping", "info"),
        ("peak memory, cold", f"{cold['peak'] / 1e9:.2f} GB", "", f"< {MEMORY_TARGET / 1e9:g} GB",
         verdict(cold["peak"] < MEMORY_TARGET)),
        (f"+{added} articles up to incidents", "", f"{upstream_s:.1f}s", "", "info"),
        ("claims stage, warm", f"{warm['embedded']:,} of {warm['distinct']:,} distinct embedded",
         f"{warm['seconds']:.1f}s", f"{warm['units']:,} sentences", "info"),
        ("ratio claims warm / nlp.pipe", f"{warm_ratio:.3f}x", "", "", "info"),
        ("peak memory, warm", f"{warm['peak'] / 1e9:.2f} GB", "", f"< {MEMORY_TARGET / 1e9:g} GB",
         verdict(warm["peak"] < MEMORY_TARGET)),
    ]
    print_table(("measure", "value", "time", "note", "result"), rows)
    ok = ok_time and ok_memory
    print(f"\nverdict: {verdict(ok)}: the claims grouping took {cold['grouping']:.1f}s ({grouping_ratio:.3f}x a bare "
          f"nlp.pipe's {parse_s:.1f}s; target <= {RATIO_TARGET:g}x), the whole stage {cold['seconds']:.1f}s cold "
          f"({ratio:.3f}x, {cold['ahead']:.1f}s of it embedding every sentence) and {warm['seconds']:.1f}s after adding "
          f"{added} articles; peak memory {max(cold['peak'], warm['peak']) / 1e9:.2f} GB (target < 2 GB)")
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
