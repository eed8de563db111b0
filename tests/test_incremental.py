"""Incremental runs equal one clean run: any sequence of `add`, `analyze --only STAGE`, `analyze`
and a changed setting, followed by one `analyze`, leaves exactly the rows that adding everything at
once and analysing once leaves (issue 16: nothing stale). Hypothesis draws the sequences; a few
examples by default, as each one analyses a store twice."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings, strategies as st

from corroborate import api
from corroborate.settings import load_settings
from corroborate.stages import STAGES

from conftest import exported_rows

ARTICLES = [
    "The mayor of Velmora said on Monday that 12 people were killed when the Sena bridge collapsed.",
    "Governor Ivo Brandt said that the Sena bridge in Velmora collapsed and that 12 people were killed.",
    "The Velmora council said on Tuesday that 14 people were killed when the bridge collapsed.",
    "\"We will rebuild the bridge within a year,\" Governor Ivo Brandt told reporters in Velmora.",
]
TABLES = ("statements", "entities", "speaker_entities", "figures", "claims", "incidents", "reuse", "propositions")
STEPS = st.lists(st.one_of(
    st.tuples(st.just("add"), st.integers(0, len(ARTICLES) - 1)),
    st.tuples(st.just("only"), st.sampled_from(sorted(STAGES))),
    st.tuples(st.just("analyze"), st.just(None)),
    st.tuples(st.just("setting"), st.sampled_from(["0.45", "0.5"])),
), min_size=1, max_size=5)


@settings(max_examples=int(os.environ.get("CORROBORATE_SEQUENCES", "4")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_any_sequence_then_analyze_equals_one_clean_run(tmp_path_factory, steps):
    root = tmp_path_factory.mktemp("seq")
    files = []
    for i, text in enumerate(ARTICLES):
        (root / f"{i}.txt").write_text(text)
        files.append(str(root / f"{i}.txt"))
    inc, clean = root / "inc.duckdb", root / "clean.duckdb"
    threshold = "0.5"
    api.add([files[0]], db=inc)
    added = {0}
    for op, arg in steps:
        s = load_settings(overrides=[f"claims.threshold={threshold}"])
        if op == "add":
            api.add([files[arg]], db=inc, settings=s)
            added.add(arg)
        elif op == "only":
            api.analyze(db=inc, only=arg, settings=s)
        elif op == "analyze":
            api.analyze(db=inc, settings=s)
        else:
            threshold = arg
    final = load_settings(overrides=[f"claims.threshold={threshold}"])
    api.analyze(db=inc, settings=final)
    api.add([files[i] for i in sorted(added)], db=clean, settings=final)
    api.analyze(db=clean, settings=final)
    got, want = exported_rows(inc, root / "inc-out", TABLES), exported_rows(clean, root / "clean-out", TABLES)
    for table in TABLES:
        assert got[table] == want[table], (table, steps)
