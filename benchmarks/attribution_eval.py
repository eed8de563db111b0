"""Statements on an external attribution corpus: PolNeAR (Newell et al., LREC 2018), scored by
../shared/eval/score.py.

PolNeAR is US political news from 2016 with every attribution annotated as source, cue and
content spans (brat standoff). It has no licence, so nothing of it is in this repository or in
../shared: fetch `networkdynamics/PolNeAR` yourself and point this script at one split. Its
conventions differ from our gold in two ways worth knowing when reading the numbers:

- it annotates attributions far beyond speech (beliefs, intentions, "support", "oppose", what
  polls show) and attributions nested inside quotations, so content recall is low by design;
- its source is the span as written ("he", "the senator"), not resolved: so the score is given
  twice, with corroborate's resolved speaker and with the speaker mention as written.

    python benchmarks/attribution_eval.py --polnear ~/PolNeAR/data/dev
    python benchmarks/attribution_eval.py --polnear ~/PolNeAR/data/train --every 10 --keep /tmp/pn

A split directory holds `text/*.txt` and `attributions/*.ann`; an article annotated twice is
scored against its first annotation. `--every N` takes every N-th article (a sample of train for
development, leaving dev and test for measuring).
"""
from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from pathlib import Path

from _report import run_scorer  # benchmarks/ is sys.path[0] when run as a script

from corroborate import api



def read_ann(path: Path, text: str) -> list[dict]:
    """score.py statements from one brat file: one per Attribution relation with a content."""
    spans, relations = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            kind, where = parts[1].split(" ", 1)
            spans[parts[0]] = [tuple(map(int, piece.split())) for piece in where.split(";")]
        elif parts[0].startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))

    def words(role: str, relation: dict) -> str:
        return " ".join(text[a:b] for a, b in spans.get(relation.get(role, ""), []))

    return [{"speaker": words("Source", r), "cue": words("Cue", r), "kind": "", "text": words("Content", r)}
            for r in relations if words("Content", r).strip()]


def convert(split: Path, out: Path, every: int) -> list[Path]:
    """The split as a corpus directory and a score.py gold directory under out."""
    corpus, gold = out / "corpus", out / "gold"
    corpus.mkdir(parents=True, exist_ok=True)
    gold.mkdir(parents=True, exist_ok=True)
    first: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        first.setdefault(re.sub(r"_[0-9a-f]{4}$", "", ann.stem), ann)
    chosen = sorted(first)[::every]
    for name in chosen:
        text = (split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
        record = {"file": f"{name}.txt", "statements": read_ann(first[name], text), "figures": [], "places": [],
                  "dates": []}
        (gold / f"{name}.txt.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return [corpus / f"{n}.txt" for n in chosen]


def with_mentions(exports: Path, out: Path) -> Path:
    """A copy of the exports whose speaker is the mention as written (PolNeAR's convention)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "documents.jsonl").write_bytes((exports / "documents.jsonl").read_bytes())
    with (exports / "statements.jsonl").open(encoding="utf-8") as src, \
            (out / "statements.jsonl").open("w", encoding="utf-8") as dst:
        for line in src:
            row = json.loads(line)
            row["speaker"] = row.get("speaker_mention") or row.get("speaker")
            dst.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polnear", required=True, type=Path, help="a PolNeAR split: data/dev, data/test, data/train")
    ap.add_argument("--every", type=int, default=1, help="every N-th article only")
    ap.add_argument("--keep", type=Path, help="keep the converted corpus, store and exports here")
    ap.add_argument("--json", type=Path, help="write the scores here")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="polnear-"))
    files = convert(args.polnear, work, args.every)
    db = work / "corroborate.duckdb"
    if db.exists():
        db.unlink()
    t0 = time.perf_counter()
    api.add([str(work / "corpus")], db=db)
    api.analyze(db=db, until="entities")
    seconds = time.perf_counter() - t0
    exports = work / "exports"
    api.export_all(exports, db=db)
    result = {"articles": len(files), "seconds": round(seconds, 1),
              "resolved": run_scorer("score.py", work / "gold", exports),
              "as written": run_scorer("score.py", work / "gold", with_mentions(
                  exports, work / "exports-mentions"))}
    print(f"PolNeAR {args.polnear.name}: {len(files)} articles analysed in {seconds:.0f} s")
    for label in ("resolved", "as written"):
        for key in ("statements.content", "statements.attributed"):
            v = result[label][key]
            if label == "as written" and key == "statements.content":
                continue  # the same as resolved
            print(f"  {key:24} speaker {label:10}  P={v['precision']:.3f} R={v['recall']:.3f} F1={v['f1']:.3f}"
                  f"  ({v['tp']} of {v['gold']} found, {v['pred']} predicted)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
