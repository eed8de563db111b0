"""Conflicts: the same thing counted differently, and one claim said both ways.

- Figures: an incident (facts.incidents) whose sources give different killed (or injured) figures
  is a conflict listing every value with its bounds and claimant — the tool shows the spread and
  who stands behind each number; it never picks one.
- Polarity: members of one claim of which some negate their main verb and others do not ("were
  not targeted" / "were targeted").
"""
from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Sequence

import numpy as np

from .group import Claim, _content_words, _overlap

_NEGATION = re.compile(r"\b(?:not|no|never|n[o’']t|neither|nor|none|nobody|nothing|denied|denies|deny)\b", re.I)


def _id(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def figure_conflicts(incidents: Sequence[dict[str, Any]], figures: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One conflict per incident and category whose sources disagree."""
    by_span = {}
    for f in figures:
        by_span.setdefault(f["doc_id"], []).append(f)
    out = []
    for inc in incidents:
        sources = inc["sources"]
        if isinstance(sources, str):
            sources = json.loads(sources)
        for category in ("killed", "injured"):
            if inc[f"{category}_low"] is None or inc[f"{category}_low"] == inc[f"{category}_high"]:
                continue
            sides = []
            for s in sources:
                if s.get(category) is None:
                    continue
                # the figures of that category inside the report's sentence, as written
                written = [f for f in by_span.get(s["doc_id"], [])
                           if s["start"] <= f["start"] < s["end"] and f["category"] == category
                           and f["value"] == s[category]][:1]
                for f in written or [None]:
                    sides.append({"value": f["value"] if f else s[category],
                                  "low": f["low"] if f else None, "high": f["high"] if f else None,
                                  "claimant": (f["claimant"] if f else None) or s.get("claimant") or s.get("outlet"),
                                  "doc_id": s["doc_id"], "outlet": s.get("outlet"),
                                  "start": f["start"] if f else s["start"], "end": f["end"] if f else s["end"],
                                  "text": f["text"] if f else s["text"]})
            if len({x["value"] for x in sides}) < 2:
                continue
            sides.sort(key=lambda x: (x["value"], x["doc_id"], x["start"]))
            about = f"{category} in the {inc['type']} of {str(inc['date'])[:10]}" + \
                (f" at {inc['place']}" if inc.get("place") else "")
            out.append({"conflict_id": _id("figures", inc["incident_id"], category), "kind": "figures",
                        "about": about, "incident_id": inc["incident_id"], "claim_id": None,
                        "sides": json.dumps(sides, ensure_ascii=False)})
    return out


def denial_conflicts(claims: Sequence[Claim]) -> list[dict[str, Any]]:
    """A claim of denials and the claim it denies (group.group, step 4): one conflict, its sides
    the members of both, each marked negated or not."""
    by_id = {c.claim_id: c for c in claims}
    out = []
    for c in claims:
        for other_id in c.opposes:
            other = by_id.get(other_id)
            if other is None:
                continue
            sides = [{"negated": neg, "source": m.source_name or m.speaker or m.outlet, "doc_id": m.doc_id,
                      "start": m.start, "end": m.end, "text": m.text, "claim_id": claim.claim_id}
                     for claim, neg in ((c, True), (other, False)) for m in claim.members]
            out.append({"conflict_id": _id("denial", c.claim_id, other.claim_id), "kind": "polarity",
                        "about": f"{other.text} / denied: {c.text}", "incident_id": None, "claim_id": other.claim_id,
                        "sides": json.dumps(sides, ensure_ascii=False)})
    return out


def polarity_conflicts(claims: Sequence[Claim]) -> list[dict[str, Any]]:
    """Claims whose members disagree on negation (each member's parse says whether it denies its
    verb; a bare "no" elsewhere in the sentence is no denial)."""
    out = []
    for c in claims:
        if c.articles < 2:
            continue
        marks = [(m, bool(m.negated)) for m in c.members]
        if all(neg for _, neg in marks) or not any(neg for _, neg in marks):
            continue
        # Opposite polarity only between members saying the same words otherwise: a claim that
        # joins "civilians are not targeted" with "only military targets are hit" is no conflict.
        # (Words are compared once per distinct text: a claim repeated by thousands of articles
        # is common, and comparing every negated member with every other was quadratic in it.)
        negated = sorted({m.text for m, neg in marks if neg})
        plain = sorted({m.text for m, neg in marks if not neg})
        opposed = _opposed(negated, plain)
        marks = [(m, neg) for m, neg in marks if m.text in opposed]
        if len({neg for _, neg in marks}) < 2:
            continue
        sides = [{"negated": neg, "source": m.source_name or m.speaker or m.outlet, "doc_id": m.doc_id, "start": m.start,
                  "end": m.end, "text": m.text} for m, neg in marks]
        out.append({"conflict_id": _id("polarity", c.claim_id), "kind": "polarity", "about": c.text,
                    "incident_id": None, "claim_id": c.claim_id, "sides": json.dumps(sides, ensure_ascii=False)})
    return out


def _opposed(negated: list[str], plain: list[str]) -> set[str]:
    """The texts of either list that share at least 70% of the shorter one's content words with a
    text of the other (group._overlap >= 0.7). Many pairs are counted in numpy: a claim of
    thousands of distinct texts has millions of pairs."""
    words = {t: _content_words(t) for t in (*negated, *plain)}
    if len(negated) * len(plain) <= 10_000:
        opposed: set[str] = set()
        for a in negated:
            for b in plain:
                if _overlap(words[a], words[b]) >= 0.7:
                    opposed.update((a, b))
        return opposed
    vocabulary = {w: k for k, w in enumerate(sorted(set().union(*words.values())))}

    def matrix(texts: list[str]) -> np.ndarray:
        m = np.zeros((len(texts), len(vocabulary)), dtype=np.float32)
        for r, t in enumerate(texts):
            m[r, [vocabulary[w] for w in words[t]]] = 1.0
        return m

    neg, pla = matrix(negated), matrix(plain)
    shared = neg @ pla.T  # exact: counts of shared words, far below float32's 2**24
    shorter = np.minimum(neg.sum(axis=1)[:, None], pla.sum(axis=1)[None, :])
    # as _overlap computes it, in float64: the share, then the comparison
    hit = (shorter > 0) & (shared.astype(np.float64) / np.maximum(shorter, 1).astype(np.float64) >= 0.7)
    return {negated[i] for i in np.flatnonzero(hit.any(axis=1))} | {plain[j] for j in np.flatnonzero(hit.any(axis=0))}
