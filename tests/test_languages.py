"""Claims across languages (corroborate.claims.languages, step 5 of claims.group, and the sentences
of articles no parser reads): the margin, figures as anchors, sourcing of what is not read, and the
example corpus' Russian article joining the English claims it repeats."""
from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, strategies as st

from corroborate.claims.group import Unit, group
from corroborate.claims.languages import anchors, join_claims
from corroborate.stages.propositions import unread_sentences


# ---- figures as anchors ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("17,000 evacuated", {"17000"}),
    ("17.000 evakuiert", {"17000"}),          # the other convention of thousands
    ("600 km2", {"600"}),
    ("à 02:54 le 6 juin 2023", {"2:54"}),     # a year is no anchor, a single digit neither
    ("klokken 02.35 og 02.54", {"2:35", "2:54"}),
    ("5 morts", set()),
    ("1.5 mètre", {"1.5"}),
    ("не менее 16 тысяч человек", {"16000"}),  # a word of magnitude makes the number ...
    ("16 thousand people", {"16000"}),
    ("1,5 millones de personas", {"1500000"}),
    ("16 убитых", {"16"}),                      # ... and without one it is the number as written
])
def test_anchors(text, expected):
    assert anchors(text) == expected


@given(st.integers(min_value=10, max_value=10_000_000).filter(lambda n: not 1800 <= n <= 2099))
def test_a_figure_anchors_alike_in_either_convention(n):
    english, european = f"{n:,}", f"{n:,}".replace(",", ".")
    assert anchors(f"some {english} people") == anchors(f"quelque {european} personnes") == {str(n)}


def test_a_number_of_thousands_is_no_anchor_for_the_bare_number():
    """"16 тысяч" (16,000 homeless) once anchored a sentence to a claim of 16 dead."""
    assert anchors("16 тысяч человек лишились домов") == anchors("16,000 people lost their homes")
    assert not anchors("16 тысяч человек") & anchors("the toll rose to 16")


# ---- the ratio margin --------------------------------------------------------------------------------

def _unit(*xs):
    v = np.array(xs, dtype=np.float64)
    return v / np.linalg.norm(v)


def _axis(i, width=10):
    v = np.zeros(width)
    v[i] = 1.0
    return v


# Four claims of one event: a shared part (the event) and a part of their own, as a multilingual
# model places them (every cosine in a narrow band). The groups: a translation of claim 0, one
# between claims 0 and 1, and four about other things, as close to every claim alike.
EVENT = _axis(9)
CLAIMS = np.array([_unit(*(0.9 * EVENT + 0.45 * _axis(c))) for c in range(4)])
SIZES = np.ones(4, dtype=np.int64)
GROUPS = np.array([_unit(*(0.9 * EVENT + 0.45 * _axis(0))), _unit(*(0.9 * EVENT + 0.32 * _axis(0) + 0.3 * _axis(1)))]
                  + [_unit(*(0.9 * EVENT + 0.45 * _axis(4 + k))) for k in range(4)])
ANY = lambda g, c: True  # noqa: E731


def test_a_translation_joins_its_claim_and_what_is_close_to_every_claim_alike_joins_none():
    joined, margins = join_claims(GROUPS, np.ones(len(GROUPS)), CLAIMS, SIZES, ANY, margin=1.06)
    assert joined.tolist() == [0, 1, -1, -1, -1, -1] and margins[0] > margins[1] >= 1.06


def test_a_claim_that_does_not_fit_is_passed_over():
    joined, _ = join_claims(GROUPS, np.ones(len(GROUPS)), CLAIMS, SIZES, lambda g, c: c != 0, margin=1.06)
    assert joined[0] == -1


def test_a_shared_figure_anchors_a_group_below_the_margin_but_not_below_its_neighbours():
    def run(anchored):
        return join_claims(GROUPS, np.ones(len(GROUPS)), CLAIMS, SIZES, ANY, margin=1.2,
                           anchored=lambda g: anchored if g == 1 else set())[0][:2].tolist()

    assert run(set()) == [-1, -1]        # no group reaches a margin of 1.2
    assert run({1}) == [-1, 1]           # the group between claims 0 and 1, sharing a figure with 1
    assert run({3}) == [-1, -1]          # a figure shared with a claim it is not close to


# ---- step 5 of the grouping ----------------------------------------------------------------------------

SAID = "Four people were killed, the ministry said."
PARA = "The ministry put the toll at four dead."
OTHER = "The bridge reopened to traffic."
FOREIGN = "Le ministère a fait état de quatre morts."
FOREIGN_COPY = "le ministère a fait état de quatre morts"
UNRELATED = "Le pont a rouvert à la circulation hier soir."


def english_embed(texts):
    table = {SAID: [1, 0, 0], PARA: [0.95, 0.05, 0], OTHER: [0, 1, 0]}
    out = np.array([table.get(t, [0, 0, 1]) for t in texts], dtype=np.float32)
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def across(texts):
    """A stand-in for the multilingual model: the French sentences near their English claims."""
    table = {SAID: [1, 0.1, 0], PARA: [1, 0.1, 0], OTHER: [0.1, 1, 0], FOREIGN: [1, 0.12, 0.05],
             FOREIGN_COPY: [1, 0.12, 0.05], UNRELATED: [0, 0, 1]}
    out = np.array([table[" ".join(t.split())] for t in texts], dtype=np.float64)
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def english_units():
    return [Unit("a", 0, 43, SAID, "Wire", "2025-03-11", "the ministry", "Ministry", language="en"),
            Unit("b", 0, 38, PARA, "Paper", "2025-03-12", None, None, language="en"),
            Unit("c", 0, 31, OTHER, "Paper", "2025-03-12", language="en")]


def french_units():
    return [Unit("f", 0, 41, FOREIGN, "Journal", "2025-03-12", language="fr", read=False, clusters=frozenset({"k"})),
            Unit("g", 5, 44, FOREIGN_COPY, "Gazette", "2025-03-13", language="fr", read=False,
                 clusters=frozenset({"k"})),
            Unit("h", 0, 44, UNRELATED, "Gazette", "2025-03-13", language="fr", read=False)]


def _sets(claims, english_only=True):
    return sorted(sorted((u.doc_id, u.start) for u in c.members if u.english or not english_only) for c in claims)


def test_other_languages_join_without_moving_the_english_claims():
    alone = group(english_units(), english_embed, threshold=0.8, lexical=0.0)
    both = group(english_units() + french_units(), english_embed, threshold=0.8, lexical=0.0, across=across,
                 margin=1.06)
    assert [s for s in _sets(both) if s] == _sets(alone)
    toll = next(c for c in both if any(u.doc_id == "a" for u in c.members))
    assert {u.doc_id for u in toll.members} == {"a", "b", "f", "g"}
    assert "same content in another language" in toll.why


def test_a_sentence_its_source_says_joins_the_closest_claim_of_that_source():
    """A source anchors like a shared figure: a sentence the ministry says, no closer to any claim
    than to its usual neighbours by the margin, joins the ministry's claim it is closest to;
    without the source it stays alone."""
    spoken = "Selon le ministère, le bilan reste lourd pour tous."

    def across_spoken(texts):  # the sentence between the toll and the bridge, nearer neither by far
        return np.vstack([_unit(0.6, 0.5, 0.6) if t == spoken else across([t])[0] for t in texts])

    def members(source):
        u = Unit("m", 0, len(spoken), spoken, "Journal", "2025-03-12", "le ministère" if source else None, source,
                 language="fr")
        claims = group(english_units() + french_units() + [u], english_embed, threshold=0.8, lexical=0.0,
                       across=across_spoken, margin=1.5)
        return next(sorted(x.doc_id for x in c.members) for c in claims if any(x.doc_id == "m" for x in c.members))

    assert members(None) == ["m"]
    assert members("Ministry") == ["a", "b", "f", "g", "m"]


def test_what_no_parser_read_counts_as_no_source_and_is_never_stripped():
    claims = group(english_units() + french_units(), english_embed, threshold=0.8, lexical=0.0, across=across,
                   margin=1.06)
    toll = next(c for c in claims if any(u.doc_id == "a" for u in c.members))
    assert toll.independent == 1 and toll.sources == ["Ministry"]
    assert {s["doc_id"] for s in toll.stripped_in} == {"b"}  # the English own voice, not the French
    assert toll.sourcing["not_read"] == ["f", "g"]


def test_a_claim_only_articles_no_parser_read_say_counts_them_copies_once():
    claims = group(french_units()[:2], None, across=None)
    [claim] = claims
    assert claim.articles == 2 and claim.independent == 1 and claim.sourcing["rule"] == "other language"


def test_a_sentence_close_to_nothing_stays_a_claim_of_its_own():
    claims = group(english_units() + french_units(), english_embed, threshold=0.8, lexical=0.0, across=across,
                   margin=1.06)
    alone = next(c for c in claims if any(u.doc_id == "h" for u in c.members))
    assert [u.doc_id for u in alone.members] == ["h"]


# ---- sentences of articles no parser reads -------------------------------------------------------------

def test_sentences_of_an_unread_article_point_at_its_text():
    text = ("«Они считают только тех», — заявил Kadria.Net представитель движения. Второе предложение "
            "здесь уже стоит.\nКоротко.\nФото: EPA-EFE/ИВАН ИВАНОВ HANDOUT\n"
            "これは句読点で区切られた日本語の長い文章の例であり三十文字を超えています。次の文もまた十分に長い日本語の文章であり三十文字を超えています。")
    rows = unread_sentences("d", text, 4)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    # "Kadria.Net" ends no sentence, a short line and a photo credit are no claim, and the full
    # stops of Japanese end sentences
    assert [r["text"].split()[0] if " " in r["text"] else r["text"][:3] for r in rows] == \
        ["«Они", "Второе", "これは", "次の文"]
    assert all(r["core"] is None and r["statement_id"] is None for r in rows)


@given(st.text(max_size=400))
def test_unread_sentences_hold_for_any_text(text):
    for r in unread_sentences("d", text, 4):
        assert text[r["start"]:r["end"]] == r["text"] and r["text"] == r["text"].strip() and r["text"]


# ---- the example corpus: its Russian article ---------------------------------------------------------

@pytest.fixture(scope="module")
def example_claims(tmp_path_factory):
    from pathlib import Path

    from corroborate import api
    db = tmp_path_factory.mktemp("langs") / "c.duckdb"
    api.add([str(Path(__file__).resolve().parents[1] / "examples" / "corpus")], db=db)
    api.analyze(db=db)
    import duckdb
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT text, n_independent, members, sourcing FROM claims").fetchall()
    con.close()
    return [(t, n, json.loads(m), json.loads(s)) for t, n, m, s in rows]


def test_the_russian_article_joins_the_english_claims_it_repeats(example_claims):
    """Written by us in Russian about our fictional event: the ministry's toll, the hospital's,
    the opposition's quote. None of it was looked at when the margin was chosen."""
    def claim_of(russian):
        return next(c for c in example_claims if any(m["text"].startswith(russian) for m in c[2]))

    ministry = claim_of("Министерство по чрезвычайным ситуациям")
    assert any("four people were killed and 27" in m["text"] for m in ministry[2])
    hospital = claim_of("Однако в региональной больнице")
    assert any("40" in m["text"] and m["language"] == "en" for m in hospital[2])
    quote = claim_of("«Они считают только тех")
    assert any(m["text"].startswith("They are counting only the bodies") for m in quote[2])
    for c in (ministry, hospital, quote):
        russian = [m for m in c[2] if m["language"] == "ru"]
        assert russian and all(m["read"] is False for m in russian)
        assert c[3]["rule"] == "credited" and c[3]["not_read"]


def test_a_speaker_in_another_language_matched_to_an_english_one_is_that_source():
    """The claims stage's units: a sentence of another language whose statement's speaker is an
    entity the English articles name too counts as that entity's source; any other stays unmatched."""
    from corroborate.stages.claims import _units

    articles = [{"doc_id": "en", "outlet": "Wire", "published": "2025-03-11", "language": "en"},
                {"doc_id": "ru", "outlet": "Gazeta", "published": "2025-03-12", "language": "ru"}]
    st = lambda sid, doc, a, b, speaker: {"statement_id": sid, "doc_id": doc, "start": a, "end": b, "kind": "direct",  # noqa: E731
                                        "cue_end": b + 5, "speaker": speaker, "sentence_start": a, "sentence_end": b + 20}
    previous = {
        "statements": [st("s1", "en", 0, 60, "Antonio Guterres"), st("s2", "ru", 0, 50, "Антониу Гутерриш"),
                       st("s3", "ru", 100, 150, "Пётр Семенов")],
        "speaker_entities": [{"statement_id": "s1", "entity_id": "e1"}, {"statement_id": "s2", "entity_id": "e1"},
                             {"statement_id": "s3", "entity_id": "e2"}],
        "entities": [{"entity_id": "e1", "name": "Antonio Guterres", "source_id": "un", "source_name": "United Nations",
                      "source_type": "organisation"},
                     {"entity_id": "e2", "name": "Пётр Семенов", "source_id": "p2", "source_name": "Пётр Семенов",
                      "source_type": "person"}],
        "propositions": [
            {"doc_id": "ru", "start": 0, "end": 50, "text": "Ущерб огромен и помощь нужна всем районам сразу",
             "core": None, "neutral": None, "agent": None, "negated": False, "statement_id": None},
            {"doc_id": "ru", "start": 100, "end": 150, "text": "Вода поднялась на два метра за одну ночь",
             "core": None, "neutral": None, "agent": None, "negated": False, "statement_id": None}],
    }
    units = {u.start: u for u in _units(articles, previous, 4)}
    assert (units[0].read, units[0].source_key, units[0].source_name) == (True, "un", "United Nations")
    assert (units[100].read, units[100].source_key) == (False, None)


def test_a_sentence_of_another_language_is_read_by_what_its_statement_says():
    """A sentence no parser cut into clauses is compared across languages by the content of the
    statement it holds, without its speaker and cue, and counts as that statement's source even
    when the content is less than half the sentence."""
    from corroborate.stages.claims import _units

    sentence = "Глава офиса президента Андрей Ермак назвал подрыв плотины военным преступлением и опубликовал видео."
    content = "подрыв плотины военным преступлением"
    start = sentence.index(content)
    articles = [{"doc_id": "en", "outlet": "Wire", "published": "2025-03-11", "language": "en"},
                {"doc_id": "ru", "outlet": "Gazeta", "published": "2025-03-12", "language": "ru"}]
    previous = {
        "statements": [{"statement_id": "s1", "doc_id": "en", "start": 0, "end": 40, "kind": "direct", "cue_end": 45,
                        "speaker": "Andriy Yermak", "sentence_start": 0, "sentence_end": 60},
                       {"statement_id": "s2", "doc_id": "ru", "start": start, "end": start + len(content),
                        "kind": "indirect", "cue_end": start - 1, "speaker": "Андрей Ермак", "sentence_start": 0,
                        "sentence_end": len(sentence)}],
        "speaker_entities": [{"statement_id": "s1", "entity_id": "e1"}, {"statement_id": "s2", "entity_id": "e1"}],
        "entities": [{"entity_id": "e1", "name": "Andriy Yermak", "source_id": "office",
                      "source_name": "President's Office", "source_type": "person"}],
        "propositions": [{"doc_id": "ru", "start": 0, "end": len(sentence), "text": sentence, "core": None,
                          "neutral": None, "agent": None, "negated": False, "statement_id": None}],
    }
    [unit] = [u for u in _units(articles, previous, 4) if u.doc_id == "ru"]
    assert (unit.neutral, unit.source_key, unit.read) == (content, "office", True)
    assert unit.text == sentence
