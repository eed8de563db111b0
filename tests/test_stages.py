"""The stage shape: pure stages, incremental reruns, version and settings digests."""
from hypothesis import given, strategies as st

from corroborate import api
from corroborate.settings import load_settings
from corroborate.stages import STAGES, select
from corroborate.stages.paragraphs import Paragraphs, split_paragraphs

TEXT = "Headline of the story here\n\n  First paragraph with words.  \nSecond line.\n\n\n Third.\n"


def test_paragraph_offsets_point_at_the_stored_text():
    spans = split_paragraphs(TEXT)
    assert [TEXT[a:b] for a, b in spans] == ["Headline of the story here", "First paragraph with words.",
                                             "Second line.", "Third."]


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_paragraph_offsets_hold_for_any_text(text):
    for start, end in split_paragraphs(text):
        piece = text[start:end]
        assert piece and piece == piece.strip() and "\n" not in piece


def test_stage_is_pure_over_plain_dicts():
    out = Paragraphs().run([{"doc_id": "d1", "text": TEXT}], load_settings().paragraphs)
    assert [r["paragraph"] for r in out["paragraphs"]] == [0, 1, 2, 3]
    assert all(r["text"] == TEXT[r["start"]:r["end"]] for r in out["paragraphs"])


def _add(tmp_path, db, name, text):
    path = tmp_path / name
    path.write_text(text)
    api.add([str(path)], db=db)


def test_analyze_runs_only_on_new_articles_and_after_a_settings_change(tmp_path, db):
    _add(tmp_path, db, "a.txt", "First article about the river crossing.\n\nIt reopened on Monday morning.")
    first = api.analyze(db=db)
    assert first.set_index("stage").loc["paragraphs", "processed"] == 1
    _add(tmp_path, db, "b.txt", "Second article about the bridge works.\n\nThey end on Friday afternoon.")
    second = api.analyze(db=db).set_index("stage").loc["paragraphs"]
    assert (second["processed"], second["up_to_date"]) == (1, 1)
    changed = load_settings(overrides=["paragraphs.min_chars=40"])
    third = api.analyze(db=db, settings=changed).set_index("stage").loc["paragraphs"]
    assert third["processed"] == 2
    paragraphs = api.table("paragraphs", db=db)
    assert len(paragraphs) == 0  # no line is 40 characters long; old rows were replaced, not kept
    forced = api.analyze(db=db, settings=changed, force=True).set_index("stage").loc["paragraphs"]
    assert forced["processed"] == 2


def test_incremental_equals_full_rebuild(tmp_path):
    texts = {f"{i}.txt": f"Article {i} headline words\n\nBody of article {i} with some words in it." for i in range(4)}
    step_db, full_db = tmp_path / "step.duckdb", tmp_path / "full.duckdb"
    for name, text in texts.items():
        _add(tmp_path, step_db, name, text)
        api.analyze(db=step_db)
    api.add([str(tmp_path / n) for n in texts], db=full_db)
    api.analyze(db=full_db)
    assert api.table("paragraphs", db=step_db).equals(api.table("paragraphs", db=full_db))


def test_select_stages():
    assert [s.name for s in select()] == list(STAGES)
    assert [s.name for s in select(only="paragraphs")] == ["paragraphs"]


def test_stages_affected_by_a_column_are_its_readers_and_everything_after_them():
    from corroborate.stages import affected_by
    assert [s.name for s in affected_by({"language"})] == [
        "parse", "statements", "entities", "propositions", "facts", "incidents", "claims"]  # the parse, and all built on it
    assert "parse" not in [s.name for s in affected_by({"outlet"})]
    assert affected_by({"title", "author"}) == []  # no stage reads them


def test_analyze_redoes_what_reads_metadata_that_re_adding_changed(tmp_path, db):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("First article about the river crossing.\n\nIt reopened on Monday morning.")
    (corpus / "b.txt").write_text("Second article about the bridge works.\n\nThey end on Friday afternoon.")
    api.add([str(corpus)], db=db)
    api.analyze(db=db)
    (tmp_path / "manifest.csv").write_text("file,outlet\na.txt,Valley Post\n")
    report = api.add([str(corpus)], db=db)
    assert (report.reread_files, report.updated, dict(report.updated_fields)) == (1, 1, {"outlet": 1})
    again = api.analyze(db=db).set_index("stage")
    processed = again["processed"].to_dict()
    # per-article stages that read the outlet redo the one changed article; the parse does not
    assert (processed["paragraphs"], processed["parse"], processed["statements"], processed["facts"]) == (0, 0, 1, 1)
    # corpus stages that read it, or come after one that does, run again over the corpus
    assert processed["reuse"] == processed["entities"] == processed["claims"] == 2
    # and then everything is current
    assert api.analyze(db=db)["processed"].sum() == 0
