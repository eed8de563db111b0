"""Conflicts (corroborate.claims.conflicts): rules that group.py's tests do not pin."""
from __future__ import annotations

import random

from corroborate.claims.conflicts import _opposed
from corroborate.claims.group import _content_words, _overlap

WORDS = "bridge river closed morning families village water supplies town engineers repairs dam".split()


def test_many_texts_are_compared_in_numpy_as_pair_by_pair():
    rng = random.Random(4)
    texts = sorted({" ".join(rng.sample(WORDS, rng.randint(1, 7))) for _ in range(400)})
    negated = ["not " + t for t in texts[:200]]
    plain = texts[200:]
    assert len(negated) * len(plain) > 10_000  # the numpy path
    want = set()
    for a in negated:
        for b in plain:
            if _overlap(_content_words(a), _content_words(b)) >= 0.7:
                want.update((a, b))
    assert want and _opposed(negated, plain) == want
