"""Sentence vectors kept in the store (corroborate.claims.vectors and the claims stage's cache)."""
from __future__ import annotations

import hashlib

import numpy as np
import pytest

from corroborate.claims import vectors as cv
from corroborate.engines.base import run_corpus_stage
from corroborate.engines.duckdb import DuckDBEngine
from corroborate.settings import load_settings
from corroborate.stages import claims as claims_stage
from corroborate.store import Store

SAID = {
    "a": ["The bridge over the river was closed on Monday morning.", "Four families left the village by bus."],
    "b": ["The bridge over the river was closed on Monday morning.", "Water  supplies in the town were safe."],
    "c": ["Water supplies in the town were safe.", "Engineers began repairs to the dam at dawn."],
}


def fake_vector(text: str) -> np.ndarray:
    seed = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
    v = np.random.default_rng(seed).normal(size=cv.DIMENSIONS)
    return (v / np.linalg.norm(v)).astype(np.float32)


class Counting:
    """A stand-in embedder that records every text it is asked for."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, texts: list[str], threads: int = 0) -> np.ndarray:
        self.asked += texts
        return np.stack([fake_vector(t) for t in texts]) if texts else np.zeros((0, cv.DIMENSIONS), np.float32)


def add_articles(store: Store, said: dict[str, list[str]]) -> None:
    """Articles whose statements are the given sentences, one per paragraph, each one clause."""
    docs, statements, propositions = [], [], []
    for doc_id, sentences in said.items():
        text = "\n".join(sentences)
        docs.append({"doc_id": doc_id, "text": text, "outlet": f"outlet {doc_id}", "language": "en"})
        at = 0
        for k, s in enumerate(sentences):
            statements.append({"statement_id": f"{doc_id}{k}", "doc_id": doc_id, "start": at, "end": at + len(s),
                               "text": s, "speaker": "Lena Orlis", "speaker_type": "person"})
            propositions.append({"proposition_id": f"p{doc_id}{k}", "doc_id": doc_id, "start": at,
                                 "end": at + len(s), "text": s, "core": s, "neutral": s, "agent": None,
                                 "negated": False, "statement_id": f"{doc_id}{k}"})
            at += len(s) + 1
    with store.transaction():
        store.insert("documents", docs)
        store.insert("statements", statements)
        store.insert("propositions", propositions)


def remove_article(store: Store, doc_id: str) -> None:
    for table in ("documents", "statements", "propositions"):
        store.delete_docs(table, [doc_id])


def run(store: Store, embed: Counting, monkeypatch, settings=None):
    monkeypatch.setattr(claims_stage, "_embed", embed)
    return run_corpus_stage(DuckDBEngine(store), claims_stage.Claims(), settings or load_settings())


def table(store: Store, name: str) -> list[tuple]:
    return store.con.execute(f'SELECT * FROM "{name}" ORDER BY ALL').fetchall()


def test_copies_share_one_vector_and_whitespace_does_not_count():
    texts = ["Water supplies were safe.", "Water  supplies were\nsafe.", "Power was cut."]
    embed = Counting()
    found = cv.sentence_vectors(texts, {}, embed)
    assert embed.asked == ["Water supplies were safe.", "Power was cut."]
    assert found.of.tolist() == [0, 0, 1] and found.embedded == 2
    assert np.array_equal(found.rows()[0], found.rows()[1])


def test_stored_vectors_come_back_as_they_were_used():
    embed = Counting()
    first = cv.sentence_vectors(["One sentence here.", "Another one there."], {}, embed)
    again = cv.sentence_vectors(["Another one there.", "One sentence here."],
                                cv.stored(first.store_rows()), None)
    assert np.array_equal(again.vectors, first.vectors[::-1]) and again.embedded == 0
    with pytest.raises(ValueError):
        cv.sentence_vectors(["never seen"], {}, None)


def test_a_vector_of_another_model_is_not_used():
    rows = cv.sentence_vectors(["One sentence here."], {}, Counting()).store_rows()
    rows[0]["model"] = "another-model"
    assert cv.stored(rows) == {}


def test_float16_keeps_cosines_within_the_tolerance():
    rng = np.random.default_rng(0)
    base = rng.normal(size=(300, cv.DIMENSIONS)).astype(np.float32)
    v = base[rng.integers(0, 300, 1200)] + 0.3 * rng.normal(size=(1200, cv.DIMENSIONS)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    kept = cv.from_bytes(cv.to_bytes(v))
    assert np.abs(kept @ kept.T - v @ v.T).max() < 0.005


def test_a_rerun_embeds_only_sentences_it_has_not_seen(tmp_path, monkeypatch):
    with Store(tmp_path / "s.duckdb") as store:
        add_articles(store, {k: SAID[k] for k in ("a", "b")})
        first = Counting()
        run(store, first, monkeypatch)
        assert sorted(first.asked) == sorted({" ".join(s.split()) for k in "ab" for s in SAID[k]})
        assert store.count("sentence_vectors") == 3
        add_articles(store, {"c": SAID["c"]})
        second = Counting()
        run(store, second, monkeypatch)
        assert second.asked == ["Engineers began repairs to the dam at dawn."]
        assert store.count("sentence_vectors") == 4


def test_kept_vectors_group_as_a_cold_run_does(tmp_path, monkeypatch):
    warm, cold = tmp_path / "warm.duckdb", tmp_path / "cold.duckdb"
    with Store(warm) as store:
        add_articles(store, {k: SAID[k] for k in ("a", "b")})
        run(store, Counting(), monkeypatch)
        add_articles(store, {"c": SAID["c"]})
        run(store, Counting(), monkeypatch)
        warm_rows = table(store, "claims"), table(store, "sentence_vectors")
    with Store(cold) as store:
        add_articles(store, SAID)
        run(store, Counting(), monkeypatch)
        assert (table(store, "claims"), table(store, "sentence_vectors")) == warm_rows


def test_an_interrupted_run_leaves_the_last_finished_run_and_the_rerun_ends_as_a_clean_one(tmp_path, monkeypatch):
    with Store(tmp_path / "s.duckdb") as store:
        add_articles(store, {k: SAID[k] for k in ("a", "b")})
        run(store, Counting(), monkeypatch)
        before = table(store, "claims"), table(store, "sentence_vectors")
        add_articles(store, {"c": SAID["c"]})

        def broken(*args, **kwargs):
            raise KeyboardInterrupt  # stopped after embedding, before the claims are written

        monkeypatch.setattr(claims_stage, "group", broken)
        interrupted = Counting()
        with pytest.raises(KeyboardInterrupt):
            run(store, interrupted, monkeypatch)
        # the claims are the last finished run's; the vector made ahead for the new sentence is
        # kept (a cache keyed by its text: valid whatever happens next), and not made again
        assert interrupted.asked == ["Engineers began repairs to the dam at dawn."]
        assert table(store, "claims") == before[0]
        assert set(table(store, "sentence_vectors")) > set(before[1])
        monkeypatch.undo()
        rerun = Counting()
        run(store, rerun, monkeypatch)
        assert rerun.asked == []
        after = table(store, "claims"), table(store, "sentence_vectors")
    with Store(tmp_path / "clean.duckdb") as store:
        add_articles(store, SAID)
        run(store, Counting(), monkeypatch)
        assert (table(store, "claims"), table(store, "sentence_vectors")) == after


def test_vectors_of_sentences_no_longer_present_are_pruned(tmp_path, monkeypatch):
    with Store(tmp_path / "s.duckdb") as store:
        add_articles(store, SAID)
        run(store, Counting(), monkeypatch)
        assert store.count("sentence_vectors") == 4
        remove_article(store, "c")  # its repairs sentence is said nowhere else; its water one is
        again = Counting()
        run(store, again, monkeypatch)
        assert again.asked == [] and store.count("sentence_vectors") == 3
        keys = {r[1] for r in table(store, "sentence_vectors")}
        assert cv.text_key("Engineers began repairs to the dam at dawn.") not in keys


def test_vectors_are_kept_when_the_grouping_settings_change(tmp_path, monkeypatch):
    import dataclasses

    settings = load_settings()
    stricter = dataclasses.replace(settings, claims=dataclasses.replace(settings.claims, threshold=0.9))
    with Store(tmp_path / "s.duckdb") as store:
        add_articles(store, SAID)
        run(store, Counting(), monkeypatch, settings)
        again = Counting()
        run(store, again, monkeypatch, stricter)  # the stage reruns (new settings), the vectors stay
        assert again.asked == [] and store.count("sentence_vectors") == 4


def test_a_corpus_stage_gets_only_the_columns_it_names_of_a_wide_table(tmp_path):
    # the claims stage reads a few columns of statements: at 10,000 articles the whole rows as
    # Python dicts were a gigabyte; every column it names is there, and nothing else
    with Store(tmp_path / "c.duckdb") as store:
        add_articles(store, {"a": ["Lena Orlis said the bridge at Velmora was closed."]})
        wanted = claims_stage.Claims.use_columns["statements"]
        rows = DuckDBEngine(store).rows("statements", wanted)
        assert len(rows) == 1 and tuple(rows[0]) == wanted
        assert "text" in DuckDBEngine(store).rows("statements")[0]


def test_the_vectors_are_made_ahead_article_by_article_and_grouping_embeds_none(tmp_path, monkeypatch):
    # the claims stage's per-article part (Claims.ahead) embeds exactly the clauses grouping uses,
    # so an engine can run it on its workers: grouping then finds every vector stored
    with Store(tmp_path / "s.duckdb") as store:
        add_articles(store, SAID)
        result = run(store, Counting(), monkeypatch)
        assert "0 of 4 distinct sentences embedded here" in result.note
        assert "4 sentence_vectors rows made ahead" in result.note
        assert store.count("sentence_vectors") == 4


def test_what_is_embedded_ahead_is_what_grouping_reads():
    statements = [{"statement_id": "s1", "kind": "direct", "cue_end": None, "sentence_start": 0},
                  # carried on into a sentence with no cue of its own: its clause is the outlet's voice
                  {"statement_id": "s2", "kind": "indirect", "cue_end": 5, "sentence_start": 40}]
    propositions = [
        {"statement_id": "s1", "text": "Dam shut.", "neutral": "Dam shut."},  # a statement's, however short
        {"statement_id": "s2", "text": "Roads were closed.", "neutral": "Roads were closed."},  # own voice, short
        {"statement_id": None, "text": "The Velmora bridge was closed on Monday.",
         "neutral": "The SIDE bridge was closed on Monday."},  # own voice: the neutral text is embedded
    ]
    article = {"doc_id": "a", "language": "en", "statements": statements, "propositions": propositions}
    assert claims_stage._english_texts(article, 4) == ["Dam shut.", "The SIDE bridge was closed on Monday."]
    assert claims_stage._english_texts({**article, "language": "ru"}, 4) == []  # the multilingual model's
    wanted = claims_stage.SentenceVectors().wanted([article, {**article, "doc_id": "b"}], load_settings().claims)
    assert [w["payload"] for w in wanted] == ["Dam shut.", "The SIDE bridge was closed on Monday."]  # each once
