"""The claim grouping against the embedding step alone, on generated sentences, in one process.

Baseline: embedding every sentence with all-MiniLM-L6-v2 (int8 ONNX), the step grouping cannot do
without. Measured: `corroborate.claims.group.group` on the same sentences, which embeds them and
then joins copies and paraphrases. Their ratio says what the grouping itself adds.

    python benchmarks/claims.py                 # 10,000 sentences
    python benchmarks/claims.py --sentences 2000
"""
from __future__ import annotations

import argparse
import random
import sys
import time

from _report import print_table, verdict  # benchmarks/ is sys.path[0] when run as a script

from corroborate.claims.embed import embedder
from corroborate.claims.group import Unit, group

SUBJECTS = ["The ministry", "The hospital", "The governor", "Rescue teams", "The army", "Residents", "The mayor",
            "Police", "The railway company", "Local officials", "The opposition", "Aid workers"]
VERBS = ["reported", "confirmed", "denied", "announced", "warned", "said", "estimated", "stressed"]
OBJECTS = ["that {n} people were evacuated from the {place} district", "that the bridge at {place} was closed",
           "that {n} homes lost power near {place}", "that water supplies in {place} were safe",
           "that {n} soldiers were wounded at {place}", "that the road to {place} would reopen on Friday",
           "that {n} families received aid in {place}", "that the fire near {place} had been contained"]
PLACES = ["Velmora", "Orlany", "Dravik", "Halvost", "Tarnovo", "Sena", "Portvale", "Marsk", "Kelno", "Ardea"]


def sentences(n: int, seed: int) -> list[Unit]:
    """n sentences over n/10 articles; a quarter repeat an earlier sentence (a copy) and a tenth
    say one in other words, so the grouping has copies and paraphrases to find."""
    rng = random.Random(seed)
    units: list[Unit] = []
    for i in range(n):
        doc = f"d{i // 10:05d}"
        if units and rng.random() < 0.25:
            text = rng.choice(units).text  # copied
        else:
            text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} " + rng.choice(OBJECTS).format(
                n=rng.randint(2, 900), place=rng.choice(PLACES)) + "."
            if rng.random() < 0.1:
                text = "According to officials, " + text[0].lower() + text[1:]
        units.append(Unit(doc, 0, len(text), text, f"outlet{rng.randint(1, 40)}", "2025-03-11"))
    return units


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20251202)
    parser.add_argument("--target", type=float, default=1.5, help="highest acceptable grouping / embedding time")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target fails")
    args = parser.parse_args(argv)

    units = sentences(args.sentences, args.seed)
    emb = embedder()
    emb.embed([u.text for u in units[:64]])  # first-call costs out of the timing

    t0 = time.perf_counter()
    emb.embed([u.text for u in units])
    embed_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    claims = group(units, emb.embed)
    group_s = time.perf_counter() - t0

    ratio = group_s / embed_s
    ok = ratio <= args.target
    shared = sum(1 for c in claims if c.articles > 1)
    rows = [
        ("sentences / articles", f"{len(units):,} / {len({u.doc_id for u in units}):,}", "", "", "info"),
        ("embedding alone (baseline)", f"{len(units) / embed_s:,.0f} sentences/s", f"{embed_s:.1f}s", "", "info"),
        ("grouping (embedding included)", f"{len(units) / group_s:,.0f} sentences/s", f"{group_s:.1f}s", "", "info"),
        ("ratio grouping / embedding", f"{ratio:.2f}x", "", f"<= {args.target:g}x", verdict(ok)),
        ("claims / in more than one article", f"{len(claims):,} / {shared:,}", "", "", "info"),
    ]
    print_table(("measure", "value", "time", "target", "result"), rows)
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
