"""Speakers across articles: each merge rule and each non-merge on hand-written statement rows, the
alias file (merge, split, mistakes), stable ids, the stage, and the `speakers` and `quotes` verbs
on a tiny store."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from corroborate import api
from corroborate.attribution.entities import build_entities, load_aliases
from corroborate.attribution.names import org_key, person_key
from corroborate.errors import SettingsError
from corroborate.settings import EntitySettings
from corroborate.stages import STAGES
from corroborate.stages.entities import Entities
from corroborate.store import Store

OUTLETS = {"d1": "Daily One", "d2": "Evening Two", "d3": "Wire Three", "d4": None}


def st(doc: str, speaker: str | None, kind: str = "person", org: str | None = None, role: str | None = None,
       key: str | None = None) -> dict:
    """A statement row as the statements stage writes it, speaker_key included."""
    if key is None and speaker:
        key = person_key(speaker) if kind == "person" else " ".join(sorted(org_key(speaker)))
    st.n += 1
    return {"statement_id": f"s{st.n:03d}", "doc_id": doc, "speaker": speaker, "speaker_type": kind,
            "speaker_key": key, "speaker_org": org, "speaker_role": role, "speaker_mention": speaker}


st.n = 0


def entities(rows: list[dict], aliases=None) -> list[dict]:
    return build_entities(rows, OUTLETS, aliases)[0]


def grouped(rows: list[dict], aliases=None) -> list[list[str]]:
    """The entities as sorted lists of their forms, sorted."""
    return sorted(e["forms"] for e in entities(rows, aliases))


def named(rows: list[dict], name: str, aliases=None) -> dict:
    found = [e for e in entities(rows, aliases) if e["name"] == name]
    assert len(found) == 1, [e["name"] for e in entities(rows, aliases)]
    return found[0]


def alias_file(tmp_path: Path, text: str, name: str = "aliases.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- people ------------------------------------------------------------------------------------------

def test_one_person_key_is_one_entity_across_articles():
    rows = [st("d1", "Anar Eyvazov", role="spokesman"), st("d2", "Colonel Anar Eyvazov", key="anar eyvazov"),
            st("d3", "Anar Eyvazov", role="spokesman"), st("d4", "Anar Eyvazov")]
    [e] = entities(rows)
    assert e["name"] == "Colonel Anar Eyvazov"  # the longest form
    assert e["forms"] == ["Anar Eyvazov", "Colonel Anar Eyvazov"]
    assert (e["n_statements"], e["n_articles"], e["type"], e["role"]) == (4, 4, "person", "spokesman")
    assert e["outlets"] == ["Daily One", "Evening Two", "Wire Three"]  # d4 has no outlet
    assert e["merged_by"] == ["name"]


def test_a_surname_joins_the_full_name_that_shares_its_organisation():
    rows = [st("d1", "Anar Eyvazov", org="Azerbaijani Defence Ministry"),
            st("d2", "Elnur Eyvazov", org="Health Ministry"),
            st("d3", "Eyvazov", org="Ministry of Defense of Azerbaijan")]
    assert grouped(rows) == [["Anar Eyvazov", "Eyvazov"], ["Elnur Eyvazov"]]
    assert named(rows, "Anar Eyvazov")["merged_by"] == ["surname+org"]
    assert named(rows, "Anar Eyvazov")["org"] == "Azerbaijani Defence Ministry"


def test_a_surname_with_two_full_names_and_no_shared_organisation_stays_apart():
    rows = [st("d1", "Anar Eyvazov", org="Defense Ministry"), st("d2", "Elnur Eyvazov"),
            st("d3", "Eyvazov"), st("d4", "Eyvazov", org="Red Cross")]
    assert grouped(rows) == [["Anar Eyvazov"], ["Elnur Eyvazov"], ["Eyvazov"]]
    # "ministry" alone is not a shared organisation
    rows = [st("d1", "Anar Eyvazov", org="Defense Ministry"), st("d2", "Elnur Eyvazov", org="Health Ministry"),
            st("d3", "Eyvazov", org="Ministry")]
    assert ["Eyvazov"] in grouped(rows)


def test_a_surname_joins_the_only_full_name_with_it_unless_their_organisations_differ():
    rows = [st("d1", "Hamad Hasan", org="Health Ministry"), st("d2", "Hasan"), st("d3", "Hasan", org="Lebanese Health Ministry")]
    [e] = entities(rows)
    assert e["forms"] == ["Hamad Hasan", "Hasan"] and e["merged_by"] == ["surname", "surname+org"]
    rows = [st("d1", "Hamad Hasan", org="Health Ministry"), st("d2", "Hasan", org="Red Crescent")]
    assert grouped(rows) == [["Hamad Hasan"], ["Hasan"]]


def test_different_first_names_never_merge():
    rows = [st("d1", "Anar Eyvazov"), st("d2", "Elnur Eyvazov"), st("d3", "Hamad Hasan"), st("d4", "Hassan Hamad"),
            st("d1", "Hamad")]  # a first name is not a surname
    assert grouped(rows) == [["Anar Eyvazov"], ["Elnur Eyvazov"], ["Hamad", "Hassan Hamad"], ["Hamad Hasan"]]


# -- organisations, places, groups ------------------------------------------------------------------

def test_organisation_spellings_word_orders_and_country_forms_are_one_entity():
    forms = ["Azerbaijan's Ministry of Defense", "Ministry of Defence of Azerbaijan", "Azerbaijani Defense Ministry"]
    [e] = entities([st(f"d{i}", f, "organisation") for i, f in enumerate(forms, 1)])
    assert e["forms"] == sorted(forms) and e["merged_by"] == ["name"]
    assert e["name"] == "Ministry of Defence of Azerbaijan"  # longest; ties: most frequent, then alphabetical


def test_an_organisation_without_its_country_joins_the_one_with_it():
    rows = [st("d1", "Defense Ministry", "organisation"), st("d2", "Azerbaijani Defence Ministry", "organisation")]
    [e] = entities(rows)
    assert e["merged_by"] == ["org variant"] and e["name"] == "Azerbaijani Defence Ministry"
    # two countries' ministries: the bare name stays apart
    rows.append(st("d3", "Armenian Defense Ministry", "organisation"))
    assert ["Defense Ministry"] in grouped(rows)


def test_a_word_glossed_in_brackets_is_also_known_by_its_gloss():
    """"Moldova's Operational Command Yug (South": the entity's edge keeps the gloss in the
    mention only; the name with the gloss in the word's place is the "Operational Command South"
    another article quotes. An acronym in brackets is no gloss."""
    glossed = st("d1", "Moldova's Operational Command Yug", "organisation")
    glossed["speaker_mention"] = "Moldova's Operational Command Yug (South"
    [e] = entities([glossed, st("d2", "Operational Command South", "organisation")])
    assert e["merged_by"] == ["org variant"] and len(e["forms"]) == 2
    acronym = st("d1", "Office for Relief Affairs", "organisation")
    acronym["speaker_mention"] = "Office for Relief Affairs (ORA)"
    assert len(entities([acronym, st("d2", "Office for Relief ORA", "organisation")])) == 2


def test_ministry_alone_and_wider_names_that_add_no_place_do_not_merge():
    rows = [st("d1", "ministry", "organisation"), st("d2", "Azerbaijani Defense Ministry", "organisation"),
            st("d3", "Health Ministry", "organisation"), st("d4", "Health Ministry press office", "organisation")]
    assert len(entities(rows)) == 4


def test_a_place_the_corpus_quotes_counts_as_a_place_word():
    rows = [st("d1", "Foreign Ministry", "organisation"), st("d2", "Kadrania's Foreign Ministry", "organisation")]
    assert len(entities(rows)) == 2  # "kadrania" is no known country ...
    rows.append(st("d3", "Kadrania", "place"))
    assert grouped(rows) == [["Foreign Ministry", "Kadrania's Foreign Ministry"], ["Kadrania"]]  # ... until quoted as one


def test_places_merge_by_key_and_groups_documents_unknown_by_folded_name():
    rows = [st("d1", "Azerbaijan", "place"), st("d2", "azerbaijan", "place"),
            st("d1", "Officials", "group"), st("d2", "officials", "group"), st("d3", "health officials", "group"),
            st("d1", "the report", "document"), st("d2", "the  Report", "document"),
            st("d3", "Many here", "unknown"), st("d3", "Azerbaijan", "unknown")]
    assert grouped(rows) == [["Azerbaijan"], ["Azerbaijan", "azerbaijan"], ["Many here"], ["Officials", "officials"],
                             ["health officials"], ["the Report", "the report"]]


def test_statements_without_a_speaker_have_no_entity_and_every_other_one_has_one():
    rows = [st("d1", None), st("d1", "Anar Eyvazov"), st("d2", "", "unknown")]
    ents, links = build_entities(rows, OUTLETS)
    assert [link["statement_id"] for link in links] == [rows[1]["statement_id"]]
    assert links[0]["entity_id"] == ents[0]["entity_id"] and links[0]["doc_id"] == "d1"


def test_ids_and_output_do_not_depend_on_row_order():
    rows = [st("d1", "Anar Eyvazov", org="Defense Ministry"), st("d2", "Eyvazov", org="Defense Ministry"),
            st("d3", "Defense Ministry", "organisation"), st("d1", "Azerbaijani Defense Ministry", "organisation"),
            st("d2", "officials", "group"), st("d4", "Hamad Hasan"), st("d3", "Hasan")]
    first = build_entities(rows, OUTLETS)
    for seed in range(5):
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        assert build_entities(shuffled, OUTLETS) == first
    ids = [e["entity_id"] for e in first[0]]
    assert ids == sorted(ids) and all(len(i) == 16 and int(i, 16) >= 0 for i in ids)
    # an entity keeps its id when another article quotes it by a form it has, or by its surname
    more = build_entities(rows + [st("d4", "Anar Eyvazov"), st("d1", "Hasan", org="Red Crescent")], OUTLETS)
    assert [e["entity_id"] for e in more[0]] == ids
    joined = entities([st("d1", "Anar Eyvazov"), st("d2", "Eyvazov")])
    assert [e["entity_id"] for e in joined] == [e["entity_id"] for e in entities([st("d1", "Anar Eyvazov")])]


# -- the alias file ----------------------------------------------------------------------------------

ALIASES = """
[[entity]]
name = "Ministry of Defense of Azerbaijan"
type = "organisation"
aliases = ["MoD Azerbaijan", "Azerbaijani Defence Ministry"]

[[entity]]
name = "Anar Eyvazov"
aliases = ["Anar Eyvazzov"]

[[separate]]
names = ["Hamad Hasan", "Hasan"]
"""


def test_alias_entities_merge_forms_and_name_the_entity(tmp_path):
    aliases = load_aliases(alias_file(tmp_path, ALIASES))
    rows = [st("d1", "MoD Azerbaijan", "organisation"), st("d2", "the Azerbaijani Defense Ministry", "organisation"),
            st("d3", "Azerbaijan's Ministry of Defence", "organisation"), st("d1", "Anar Eyvazzov"),
            st("d2", "Colonel Anar Eyvazov", key="anar eyvazov"), st("d3", "Elnur Eyvazov")]
    ministry = named(rows, "Ministry of Defense of Azerbaijan", aliases)
    assert len(ministry["forms"]) == 3 and "alias" in ministry["merged_by"] and ministry["type"] == "organisation"
    person = named(rows, "Anar Eyvazov", aliases)
    assert person["forms"] == ["Anar Eyvazzov", "Colonel Anar Eyvazov"] and person["merged_by"] == ["alias"]
    assert ["Elnur Eyvazov"] in grouped(rows, aliases)
    # without the file: the misspelling joins by spelling, MoD (no ministry word) is a different key
    assert len(entities(rows)) == 4
    assert ["Anar Eyvazzov", "Colonel Anar Eyvazov"] in grouped(rows)
    # the alias entity's id follows its name, so it survives new forms
    with_more = entities(rows + [st("d4", "Azerbaijani MoD", "organisation")], aliases)
    assert ministry["entity_id"] in [e["entity_id"] for e in with_more]


def test_separate_names_are_never_merged_and_two_alias_entities_stay_two(tmp_path):
    aliases = load_aliases(alias_file(tmp_path, ALIASES))
    rows = [st("d1", "Hamad Hasan"), st("d2", "Hasan")]
    assert len(entities(rows)) == 1
    assert grouped(rows, aliases) == [["Hamad Hasan"], ["Hasan"]]
    split = load_aliases(alias_file(tmp_path, '[[separate]]\nnames = ["Defense Ministry", "Azerbaijani Defense Ministry"]\n'))
    rows = [st("d1", "Defense Ministry", "organisation"), st("d2", "Azerbaijani Defense Ministry", "organisation")]
    assert len(entities(rows, split)) == 2
    two = load_aliases(alias_file(tmp_path, '[[entity]]\nname = "Defense Ministry"\n'
                                            '[[entity]]\nname = "Azerbaijani Defense Ministry"\n'))
    assert sorted(e["name"] for e in entities(rows, two)) == ["Azerbaijani Defense Ministry", "Defense Ministry"]
    # two spellings of one key kept apart are two entities with two ids
    spellings = load_aliases(alias_file(tmp_path, '[[separate]]\nnames = ["Ministry of Defence", "Ministry of Defense"]\n'))
    rows = [st("d1", "Ministry of Defence", "organisation"), st("d2", "Ministry of Defense", "organisation")]
    assert len(entities(rows)) == 1
    assert len({e["entity_id"] for e in entities(rows, spellings)}) == 2


def test_a_csv_alias_file_lists_one_alias_a_row(tmp_path):
    path = alias_file(tmp_path, "name,alias\nAnar Eyvazov,Anar Eyvazzov\nAnar Eyvazov,A. Eyvazov\nSCA,\n", "a.csv")
    aliases = load_aliases(path)
    assert [(e.name, e.forms) for e in aliases.entities] == [
        ("Anar Eyvazov", ("Anar Eyvazov", "Anar Eyvazzov", "A. Eyvazov")), ("SCA", ("SCA",))]
    assert len(aliases.digest) == 16
    rows = [st("d1", "Anar Eyvazzov"), st("d2", "A. Eyvazov")]
    assert named(rows, "Anar Eyvazov", aliases)["n_statements"] == 2


# What each mistake in an alias file is reported as, and the file that makes it.
BAD_TOML = {
    "not valid TOML": "[[entity]\nname = 'x'",
    "unknown key 'entities'": "[[entities]]\nname = 'x'",
    "name must be a non-empty string": "[[entity]]\naliases = ['x']",
    "aliases must be a list of names": "[[entity]]\nname = 'Anar Eyvazov'\naliases = 'Eyvazov'",
    "type must be one of person": "[[entity]]\nname = 'x'\ntype = 'persons'",
    "unknown key 'alias'": "[[entity]]\nname = 'x'\nalias = ['y']",
    "[[entity]] tables": "entity = 'x'",
    "'eyvazov' is listed under both 'A' and 'B'":
        "[[entity]]\nname = 'A'\naliases = ['Eyvazov']\n[[entity]]\nname = 'B'\naliases = ['eyvazov']",
    "'a' is listed under both 'A' and 'a'": "[[entity]]\nname = 'A'\n[[entity]]\nname = 'a'",
    "at least two different names": "[[separate]]\nnames = ['Hasan', 'HASAN']",
    "that [[entity]] 'A' merges": "[[entity]]\nname = 'A'\naliases = ['B']\n[[separate]]\nnames = ['A', 'B']",
}
BAD_CSV = {"needs the columns name,alias": "name,other\nA,B\n", "line 2: the name is empty": "name,alias\n,B\n"}


@pytest.mark.parametrize("name, text, problem",
                         [("a.toml", text, problem) for problem, text in BAD_TOML.items()]
                         + [("a.csv", text, problem) for problem, text in BAD_CSV.items()]
                         + [("a.txt", "name,alias\n", "must end in .toml or .csv")])
def test_a_bad_alias_file_is_one_line_naming_the_file_and_the_problem(tmp_path, name, text, problem):
    path = alias_file(tmp_path, text, name)
    with pytest.raises(SettingsError) as caught:
        load_aliases(path)
    message = str(caught.value)
    assert message.startswith(f"alias file {path}") and problem in message and "\n" not in message


def test_a_missing_alias_file_is_an_error_and_no_path_is_no_aliases(tmp_path):
    with pytest.raises(SettingsError, match="does not exist"):
        load_aliases(tmp_path / "nope.toml")
    assert load_aliases("") is None


# -- the stage, the API and the CLI -------------------------------------------------------------------

def test_the_stage_is_registered_after_statements_and_notes_the_alias_file(tmp_path):
    names = list(STAGES)
    assert names.index("entities") == names.index("statements") + 1
    stage = Entities()
    rows = [st("d1", "Anar Eyvazov"), st("d2", "Eyvazov")]
    articles = [{"doc_id": d, "outlet": o} for d, o in OUTLETS.items()]
    out = stage.run_corpus(articles, {"statements": rows}, EntitySettings())
    assert len(out.tables["entities"]) == 1 and "no alias file" in out.note
    path = alias_file(tmp_path, ALIASES)
    out = stage.run_corpus(articles, {"statements": rows}, EntitySettings(aliases=str(path)))
    assert load_aliases(path).digest in out.note
    assert stage.inputs_digest(EntitySettings(aliases=str(path))) == load_aliases(path).digest
    assert stage.inputs_digest(EntitySettings()) == ""


def tiny_store(db: Path) -> None:
    """Two articles and their statements, written straight into a store (no parse needed)."""
    st.n = 100
    rows = [st("d1", "Anar Eyvazov", org="Defense Ministry", role="spokesman"), st("d2", "Eyvazov", org="Defense Ministry"),
            st("d2", "Azerbaijani Defense Ministry", "organisation"), st("d1", "Defense Ministry", "organisation"),
            st("d2", "Hamad Hasan")]
    for i, r in enumerate(rows):
        r.update(start=i, end=i + 1, text=f"statement {i}", kind="direct", cue="said")
    with Store(db) as store:
        store.insert("documents", [
            {"doc_id": "d1", "outlet": "Daily One", "published": date(2025, 3, 1), "text": "x", "n_words": 1},
            {"doc_id": "d2", "outlet": "Evening Two", "published": date(2025, 3, 2), "text": "y", "n_words": 1}])
        store.insert("statements", rows)


def test_speakers_and_quotes_from_the_api(tmp_path, settings):
    db = tmp_path / "s.duckdb"
    tiny_store(db)
    assert "not merged" in api.speakers(db=db, settings=settings).attrs["stale"]
    assert len(api.quotes("eyvazov", db=db)) == 2  # before merging: the statement's own speaker name
    api.analyze(db=db, only="entities", settings=settings)
    df = api.speakers(db=db, settings=settings)
    assert df.attrs["stale"] == ""
    assert list(df.columns[:8]) == ["name", "type", "role", "org", "n_statements", "n_articles", "outlets", "forms"]
    assert df["name"].tolist() == ["Anar Eyvazov", "Azerbaijani Defense Ministry", "Hamad Hasan"]
    top = df.iloc[0]
    assert (top.n_statements, top.n_articles, list(top.outlets)) == (2, 2, ["Daily One", "Evening Two"])
    q = api.quotes("EYVAZOV", db=db)  # any form, any case
    assert q["speaker"].tolist() == ["Anar Eyvazov", "Eyvazov"] and q["entity"].unique().tolist() == ["Anar Eyvazov"]
    assert list(q.columns) == ["outlet", "published", "speaker", "entity", "kind", "cue", "text", "doc_id"]
    assert q["published"].is_monotonic_increasing
    assert len(api.quotes("defense ministry", db=db)) == 2 and len(api.quotes(db=db)) == 5
    assert api.quotes("nobody", db=db).empty


def test_speakers_and_quotes_on_the_command_line(tmp_path, settings):
    db = tmp_path / "s.duckdb"
    tiny_store(db)
    api.analyze(db=db, only="entities", settings=settings)

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "corroborate", "--db", str(db), *args],
                              capture_output=True, text=True)
    lines = [line.split("\t") for line in cli("speakers").stdout.splitlines()]
    assert [(l[1], l[3], l[4]) for l in lines] == [("Anar Eyvazov", "2", "2"), ("Azerbaijani Defense Ministry", "2", "2"),
                                                  ("Hamad Hasan", "1", "1")]
    assert lines[0][5] == "Daily One; Evening Two" and lines[0][6] == "Anar Eyvazov; Eyvazov"
    quoted = cli("quotes", "--speaker", "eyvazov").stdout.splitlines()
    assert [q.split("\t")[:3] for q in quoted] == [["2025-03-01", "Daily One", "Anar Eyvazov"],
                                                  ["2025-03-02", "Evening Two", "Eyvazov"]]
    assert cli("quotes", "--speaker", "nobody").stdout == ""
    bad = alias_file(tmp_path, "[[entity]]\nname = 1\n")
    r = cli("--set", f"entities.aliases={bad}", "analyze", "--only", "entities")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and f"alias file {bad}" in r.stderr


def test_an_article_through_the_parse_to_its_speakers(tmp_path, settings):
    pytest.importorskip("spacy")
    text = ("Ministry says evacuation continues\n\n"
            "Colonel Anar Eyvazov, a spokesman for the Azerbaijani Defence Ministry, said the evacuation "
            "of the border villages would continue until Friday. \"Nobody will be left behind,\" Eyvazov said.")
    (tmp_path / "a.txt").write_text(text)
    db = tmp_path / "s.duckdb"
    api.add([str(tmp_path / "a.txt")], db=db, settings=settings)
    result = api.analyze(db=db, settings=settings).set_index("stage")
    assert result.loc["entities", "processed"] == 1
    people = api.speakers(db=db, settings=settings)
    eyvazov = people[people["name"].str.contains("Eyvazov")]
    assert len(eyvazov) == 1 and eyvazov.iloc[0]["n_statements"] >= 1
    assert len(api.quotes("eyvazov", db=db)) == eyvazov.iloc[0]["n_statements"]
    exported = tmp_path / "entities.jsonl"
    api.export("entities", exported, db=db)
    assert any("Eyvazov" in json.loads(line)["name"] for line in exported.read_text().splitlines())
