"""Claim grouping (corroborate.claims.group) on hand-made units: copies, paraphrases, sources."""
from __future__ import annotations

import numpy as np

from corroborate.claims.group import Unit, group


def fake_embed(vectors: dict[str, list[float]]):
    """Embeddings looked up by text: the grouping rules tested without the model."""
    def embed(texts):
        out = np.array([vectors.get(t, [0.0, 0.0, 1.0]) for t in texts], dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)
    return embed


SAID = "Only military targets are hit; civilians are not targeted."
COPY = "only military targets are hit, civilians are not targeted"
PARA = "The strikes hit military targets only and spare civilians."
OTHER = "The bridge reopened to traffic."
VECTORS = {SAID: [1, 0, 0], COPY: [1, 0, 0], PARA: [0.9, 0.1, 0], OTHER: [0, 1, 0]}


def units():
    return [
        Unit("a", 0, 50, SAID, "Wire One", "2025-03-11", "Colonel Venn", "Emergency Ministry", frozenset({"c1"})),
        Unit("b", 10, 60, COPY, "Daily Two", "2025-03-12", None, None, frozenset({"c1"})),
        Unit("c", 0, 55, PARA, "Paper Three", "2025-03-12", "the ministry", "Emergency Ministry"),
        Unit("d", 0, 30, OTHER, "Paper Three", "2025-03-12"),
    ]


def test_copies_and_paraphrases_form_one_claim_with_one_independent_source():
    claims = group(units(), fake_embed(VECTORS), similarity=0.8)
    top = claims[0]
    assert top.articles == 3 and top.independent == 1 and top.sources == ["Emergency Ministry"]
    assert set(top.why) == {"copied text", "same content in other words"}
    assert top.text == SAID  # the earliest attributed member


def test_own_voice_repeat_of_an_attributed_claim_is_stripped_and_says_if_copied():
    top = group(units(), fake_embed(VECTORS))[0]
    assert [(s["doc_id"], s["copied"]) for s in top.stripped_in] == [("b", True)]


def test_unattributed_claim_counts_articles_with_copies_once():
    us = [Unit("a", 0, 10, OTHER, "One", "2025-03-11", clusters=frozenset({"c9"})),
          Unit("b", 0, 10, OTHER, "Two", "2025-03-11", clusters=frozenset({"c9"})),
          Unit("c", 0, 10, OTHER, "Three", "2025-03-12")]
    [claim] = group(us, fake_embed(VECTORS))
    assert claim.articles == 3 and claim.independent == 2 and claim.sources == []


def test_different_content_stays_apart_and_ids_are_stable():
    first = group(units(), fake_embed(VECTORS))
    again = group(list(reversed(units())), fake_embed(VECTORS))
    assert [c.claim_id for c in first] == [c.claim_id for c in again]
    assert len(first) == 2 and first[1].text == OTHER


def test_without_embeddings_only_copies_join():
    claims = group(units(), None)
    assert sorted(c.articles for c in claims) == [1, 1, 2]


def test_a_spokesperson_counts_as_the_organisation_and_name_variants_collapse():
    from corroborate.claims.sources import collapse, source_key
    venn = source_key("Dara Venn", "person", "Head of the press service of the Ministry of Emergency Situations, Colonel")
    ministry = source_key("Ministry of Emergency Situations of Ostrenia", "organisation")
    said = source_key("Ostrenia's Ministry of Emergency Situations in a statement", "organisation")
    assert collapse([venn, ministry, said]) == [ministry]
    assert source_key("Lena Orlis", "person", "chief physician") == "person:lena orlis"


def test_a_chain_of_neighbours_does_not_join_the_ends():
    a, b, c = "first claim text here", "middle claim text here", "last claim text here"
    vectors = {a: [1, 0, 0], b: [0.8, 0.6, 0], c: [0.28, 0.96, 0]}  # a~b 0.8, b~c 0.8, a~c 0.28
    us = [Unit("x", 0, 5, a), Unit("y", 0, 5, b), Unit("z", 0, 5, c)]
    assert sorted(cl.articles for cl in group(us, fake_embed(vectors), similarity=0.75)) == [1, 2]


def test_sentences_keep_offsets_and_fold_short_pieces():
    from corroborate.claims.group import sentences
    text = 'The bridge is closed. Yes. "Trains will run again on Friday," she said. The end is near now.'
    u = Unit("d", 100, 100 + len(text), text, speaker="Venn", source_key="person:venn")
    parts = sentences(u)
    assert [p.text for p in parts] == ["The bridge is closed. Yes.", '"Trains will run again on Friday," she said.',
                                       "The end is near now."]
    for p in parts:
        assert text[p.start - 100:p.end - 100] == p.text and p.source_key == "person:venn"


def test_two_countries_ministries_are_two_sources_and_variants_one():
    from corroborate.claims.sources import collapse, source_key
    az = source_key("Ministry of Defense of Azerbaijan", "organisation")
    am = source_key("Ministry of Defense of Armenia", "organisation")
    assert len(collapse([az, am])) == 2
    a = source_key("Ostrenia's Emergency Ministry", "organisation")
    b = source_key("Ministry of Emergency Situations", "organisation")
    assert len(collapse([a, b])) == 1
    assert collapse([source_key("preliminary data", "document"), b]) == [b]


def test_different_numbers_are_different_claims_even_in_similar_words():
    a, b = "Four people were killed and 27 injured.", "Seven people were killed and 31 injured."
    us = [Unit("x", 0, 5, a), Unit("y", 0, 5, b)]
    assert len(group(us, fake_embed({a: [1, 0, 0], b: [1, 0, 0]}))) == 2


def test_the_same_figure_is_one_claim_in_any_words_small_ones_only_from_one_source():
    a = Unit("x", 0, 5, "The movement says at least a dozen people died.", source_key="org:movement")
    b = Unit("y", 0, 5, "We counted twelve dead or more, the movement said.", source_key="org:movement")
    c = Unit("z", 0, 5, "The hospital counted a dozen dead.", source_key="org:hospital")
    d = Unit("w", 0, 5, "Three people died in the village.", source_key=None)
    e = Unit("v", 0, 5, "Three were killed, police said.", source_key="org:police")
    for u, f in ((a, 12.0), (b, 12.0), (c, 12.0), (d, 3.0), (e, 3.0)):
        u.figures = frozenset({("killed", f)})
    claims = group([a, b, c, d, e], None)
    assert sorted(cl.articles for cl in claims) == [1, 1, 3]  # a small figure joins only within a source
    assert max(claims, key=lambda cl: cl.articles).independent == 2  # the movement and the hospital
    f = Unit("u", 0, 5, "Police said three were killed there.", source_key="org:police")
    f.figures = frozenset({("killed", 3.0)})
    assert sorted(cl.articles for cl in group([e, f], None)) == [2]


def test_one_person_spelt_two_ways_is_one_source_two_people_are_two():
    from corroborate.claims.sources import collapse
    assert len(collapse(["person:george kettaneh", "person:george kettana"])) == 1
    assert len(collapse(["person:hamad hasan", "person:hassan hamad"])) == 1
    assert len(collapse(["person:lena orlis", "person:lena marsh"])) == 2


def test_similar_pairs_are_bounded_per_unit_and_still_join_a_repeated_statement():
    import numpy as np

    from corroborate.claims.group import _Union, _similar_edges

    rng = np.random.default_rng(7)
    base = rng.normal(size=16)
    # 40 articles repeat one statement (nearly the same vector); 10 units say other things
    vecs = [base + rng.normal(scale=0.05, size=16) for _ in range(40)] + [rng.normal(size=16) for _ in range(10)]
    vectors = np.array([v / np.linalg.norm(v) for v in vecs], dtype=np.float32)
    units = [Unit(f"d{k}", 0, 5, "x", "o", None, None, None, frozenset()) for k in range(50)]
    units[1] = Unit("d0", 10, 15, "y", "o", None, None, None, frozenset())  # same article as unit 0
    every = _similar_edges(vectors, units, 0.9, neighbours=1000)
    brute = [(i, j) for i in range(50) for j in range(i + 1, 50)
             if units[i].doc_id != units[j].doc_id and float(vectors[i] @ vectors[j]) >= 0.9]
    assert every == brute and (0, 1) not in every
    bounded = _similar_edges(vectors, units, 0.9, neighbours=3)
    assert set(bounded) <= set(every) and len(bounded) <= 50 * 3
    union = _Union(50)
    for i, j in bounded:
        union.join(i, j)
    assert len({union.find(i) for i in range(40)}) == 1  # still one claim


def test_polarity_conflict_between_members_saying_the_same_words():
    import json

    from corroborate.claims.conflicts import polarity_conflicts
    from corroborate.claims.group import _claim

    members = [Unit("a", 0, 40, "Civilian areas of Velmora were targeted by the strikes", "One", "2025-03-11"),
               Unit("b", 0, 44, "Civilian areas of Velmora were not targeted by the strikes", "Two", "2025-03-12"),
               Unit("c", 0, 30, "The army hit only military depots near the river", "Three", "2025-03-12")]
    found = polarity_conflicts([_claim(members, {"same content in other words"})])
    assert len(found) == 1 and found[0]["kind"] == "polarity"
    sides = json.loads(found[0]["sides"])
    assert sorted((s["doc_id"], s["negated"]) for s in sides) == [("a", False), ("b", True)]
    assert polarity_conflicts([_claim(members[:1] + members[2:], set())]) == []


def test_units_sharing_a_key_only_within_one_article_make_no_pair():
    from corroborate.claims.group import _pairs_sharing

    units = [Unit("d0", 0, 5, "x", "o", None, None, None, frozenset({"c"})),
             Unit("d0", 9, 15, "y", "o", None, None, None, frozenset({"c"}))]
    assert list(_pairs_sharing(units, lambda u: u.clusters)) == []
