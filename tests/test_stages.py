"""The stage shape: pure stages, incremental reruns, version and settings digests."""
from hypothesis import given, strategies as st

from corroborate import api
from corroborate.settings import load_settings
from corroborate.stages import STAGES, select
from corroborate.stages.paragraphs import Paragraphs, split_paragraphs

from conftest import exported_rows

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


def test_an_article_a_stage_fails_on_is_recorded_and_the_run_goes_on(tmp_path, db, monkeypatch):
    import corroborate.stages.statements as statements_stage
    from corroborate.store import Store
    texts = {f"{name}.txt": f"The mayor said on Monday that the {name} bridge would reopen after the repairs."
             for name in ("north", "poison", "south")}
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    api.add([str(tmp_path)], db=db)
    real = statements_stage.analyse

    def fragile(doc_id, doc, *args, **kwargs):
        if "poison" in doc.text:
            raise ValueError("a parse this rule cannot read")
        return real(doc_id, doc, *args, **kwargs)

    monkeypatch.setattr(statements_stage, "analyse", fragile)
    rows = api.analyze(db=db, until="propositions").set_index("stage")
    assert rows.loc["statements", "processed"] == 2 and "1 article(s) failed" in rows.loc["statements", "note"]
    st = api.status(db=db)
    failed = st["errors"].to_dict("records")
    assert [(e["stage"], e["error"]) for e in failed] == [("statements", "ValueError: a parse this rule cannot read")]
    assert failed[0]["source"].endswith("poison.txt")
    by_stage = {s["stage"]: s for s in st["stages"]}
    assert by_stage["statements"]["to_run"] == 1 and by_stage["propositions"]["waiting"] == 1
    with Store(db, read_only=True) as store:
        assert store.count("statements") == 2
    monkeypatch.setattr(statements_stage, "analyse", real)  # the rule fixed: the next run does it
    rows = api.analyze(db=db, until="propositions").set_index("stage")
    assert rows.loc["statements", "processed"] == 1 and not rows.loc["statements", "note"]
    assert len(api.status(db=db)["errors"]) == 0
    with Store(db, read_only=True) as store:
        assert store.count("statements") == 3


def test_a_corpus_stage_run_early_with_only_reruns_when_what_it_reads_changes(tmp_path):
    """Add A, analyze; add B; `analyze --only entities` (B's statements do not exist yet); then
    `analyze` must redo entities, claims and incidents: the store ends as one clean run leaves it."""
    texts = {"a/1.txt": "The mayor of Velmora said on Monday that 12 people were killed when the bridge collapsed.",
             "b/2.txt": "Governor Ivo Brandt said that the bridge in Velmora collapsed and 12 people were killed.",
             "b/3.txt": "The Velmora council said on Tuesday that 14 people were killed when the bridge collapsed."}
    for rel, text in texts.items():
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(text)

    inc, clean = tmp_path / "inc.duckdb", tmp_path / "clean.duckdb"
    api.add([str(tmp_path / "a")], db=inc)
    api.analyze(db=inc)
    api.add([str(tmp_path / "b")], db=inc)
    api.analyze(db=inc, only="entities")
    rows = api.analyze(db=inc).set_index("stage")
    assert rows.loc["entities", "processed"] == 3 and rows.loc["claims", "processed"] == 3
    assert api.analyze(db=inc).set_index("stage").loc["entities", "processed"] == 0  # and then it is current
    api.add([str(tmp_path / "a"), str(tmp_path / "b")], db=clean)
    api.analyze(db=clean)
    tables = ("entities", "speaker_entities", "claims", "incidents", "incident_reports")
    assert exported_rows(inc, tmp_path / "inc-out", tables) == exported_rows(clean, tmp_path / "clean-out", tables)


def test_no_algorithm_module_imports_the_store_an_engine_or_a_database():
    """The algorithms (attribution, claims, facts, reuse, nlp, and the readers of ingest) take and
    give plain values, so any engine can run them (issue 17): none imports duckdb, pyspark, the
    store, an engine, or the layers above them. Read from the source, imports inside functions too."""
    import ast
    from pathlib import Path

    import corroborate

    root = Path(corroborate.__file__).parent
    banned = ("duckdb", "pyspark", "corroborate.store", "corroborate.engines", "corroborate.api",
              "corroborate.cli", "corroborate.server", "corroborate.exporting", "corroborate.report",
              "corroborate.stages")
    modules = [p for pkg in ("attribution", "claims", "facts", "reuse", "nlp", "ingest") for p in (root / pkg).rglob("*.py")
               if not (pkg == "ingest" and p.name == "__init__.py")]  # ingest/__init__ writes the store
    assert len(modules) > 30
    found = []
    for path in modules:
        package = ".".join(("corroborate",) + path.relative_to(root).with_suffix("").parts[:-1])
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                names = [module] + [f"{module}.{a.name}" for a in node.names]
            else:
                continue
            found += [f"{path.relative_to(root)}: {n}" for n in names
                      if any(n == b or n.startswith(b + ".") for b in banned)]
    assert not found, found


def test_a_stage_row_with_a_misspelt_or_missing_column_is_an_error_naming_stage_and_column():
    """The stage contract (issue 17): rows are checked against schema.TABLES before any engine
    writes them, instead of a misspelt key becoming NULL."""
    import datetime

    import pytest

    from corroborate.errors import StageContractError
    from corroborate.schema import TABLES, conform

    table = TABLES["paragraphs"]
    good = {c: None for c in table.names}
    with pytest.raises(StageContractError, match=r"stage paragraphs: .*unknown column 'txet'"):
        conform(table, [{**good, "txet": "x"}], "paragraphs")
    without = dict(good)
    del without["end"]
    with pytest.raises(StageContractError, match=r"stage paragraphs: .*no column 'end'"):
        conform(table, [without], "paragraphs")
    # dates given as ISO text are made dates once, for every engine; a bad one is named
    dates = TABLES["dates"]
    row = {c: None for c in dates.names} | {"resolved": "2024-03-14"}
    assert conform(dates, [row], "facts")[0]["resolved"] == datetime.date(2024, 3, 14)
    with pytest.raises(StageContractError, match=r"stage facts: dates.resolved is 'March'"):
        conform(dates, [{**row, "resolved": "March"}], "facts")


def test_every_stage_keeps_the_contract_on_the_example_corpus_and_holds_no_state(tmp_path):
    """Each stage's rows, whatever their path through it (English parse, other languages, corpus
    stages), have exactly their table's columns: analyze checks every row. And after running, no
    stage object holds a model, a gazetteer or an embedder (those are made per process when first
    needed), so an engine can ship stages to its workers as they are."""
    import pickle

    db = tmp_path / "c.duckdb"
    api.add([str(api.example_corpus())], db=db, settings=api.example_settings())
    results = api.analyze(db=db, settings=api.example_settings())
    assert set(results["stage"]) == set(STAGES) and (results["processed"] == 22).all()
    sizes = {name: len(pickle.dumps(stage)) for name, stage in STAGES.items()}
    assert all(size < 1000 for size in sizes.values()), sizes
