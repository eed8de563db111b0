"""Claim grouping (corroborate.claims.group) on hand-made units: copies, paraphrases, sources."""
from __future__ import annotations

import numpy as np
import pytest

from corroborate.claims.group import Unit, _claim, group


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
    claims = group(units(), fake_embed(VECTORS), threshold=0.8, lexical=0.0)
    top = claims[0]
    assert top.articles == 3 and top.independent == 1 and top.sources == ["Emergency Ministry"]
    assert set(top.why) == {"copied text", "same content in other words"}
    assert top.text == SAID  # the earliest attributed member


def test_own_voice_repeat_of_an_attributed_claim_is_stripped_and_says_if_copied():
    top = group(units(), fake_embed(VECTORS), lexical=0.0)[0]
    assert [(s["doc_id"], s["copied"]) for s in top.stripped_in] == [("b", True)]


def test_unattributed_claim_counts_articles_with_copies_once():
    us = [Unit("a", 0, 10, OTHER, "One", "2025-03-11", clusters=frozenset({"c9"})),
          Unit("b", 0, 10, OTHER, "Two", "2025-03-11", clusters=frozenset({"c9"})),
          Unit("c", 0, 10, OTHER, "Three", "2025-03-12")]
    [claim] = group(us, fake_embed(VECTORS), lexical=0.0)
    assert claim.articles == 3 and claim.independent == 2 and claim.sources == []


def test_different_content_stays_apart_and_ids_are_stable():
    first = group(units(), fake_embed(VECTORS), lexical=0.0)
    again = group(list(reversed(units())), fake_embed(VECTORS), lexical=0.0)
    assert [c.claim_id for c in first] == [c.claim_id for c in again]
    assert len(first) == 2 and first[1].text == OTHER


def test_without_embeddings_words_alone_join():
    claims = group(units(), None)
    assert sorted(c.articles for c in claims) == [1, 3]
    assert [m.text for m in claims[-1].members] == [OTHER]


def test_a_chain_of_neighbours_does_not_join_the_ends():
    a, b, c = "first claim text here", "middle claim text here", "last claim text here"
    vectors = {a: [1, 0, 0], b: [0.8, 0.6, 0], c: [0.28, 0.96, 0]}  # a~b 0.8, b~c 0.8, a~c 0.28
    us = [Unit("x", 0, 5, a), Unit("y", 0, 5, b), Unit("z", 0, 5, c)]
    assert sorted(cl.articles for cl in group(us, fake_embed(vectors), threshold=0.75, lexical=0.0)) == [1, 2]


def test_different_sides_doing_it_are_different_claims_however_close_the_words():
    a, b, c = "Peru blew up the bridge.", "Chile blew up the bridge.", "The Peruvians destroyed the bridge."
    vectors = {a: [1, 0, 0], b: [1, 0, 0], c: [0.9, 0.1, 0]}
    us = [Unit("x", 0, 5, a, agent="PE"), Unit("y", 0, 5, b, agent="CL"), Unit("z", 0, 5, c, agent="PE")]
    claims = group(us, fake_embed(vectors), threshold=0.8, lexical=0.0)
    assert sorted(sorted(m.doc_id for m in cl.members) for cl in claims) == [["x", "z"], ["y"]]
    # a clause that names no side joins one of them, never both
    d = Unit("w", 0, 5, "The bridge was blown up.", agent=None)
    vectors[d.text] = [1, 0, 0]
    claims = group(us + [d], fake_embed(vectors), threshold=0.8, lexical=0.0)
    assert len(claims) == 2 and all(len({m.agent for m in cl.members} - {None}) == 1 for cl in claims)


def test_a_denial_is_not_the_accusation_it_denies():
    a, b = "Peru blew up the bridge.", "Peru did not blow up the bridge."
    us = [Unit("x", 0, 5, a, agent="PE"), Unit("y", 0, 5, b, agent="PE", negated=True)]
    assert len(group(us, fake_embed({a: [1, 0, 0], b: [1, 0, 0]}), threshold=0.5, lexical=0.0)) == 2


def test_same_side_brings_two_groups_closer_by_the_agent_bonus():
    a, b = "Peru blew up the bridge.", "The bridge was destroyed by Peruvian troops."
    vectors = {a: [1, 0, 0], b: [0.7, 0.71414, 0]}  # cosine 0.7
    us = [Unit("x", 0, 5, a, agent="PE"), Unit("y", 0, 5, b, agent="PE")]
    assert len(group(us, fake_embed(vectors), threshold=0.8, lexical=0.0, agent_bonus=0.0)) == 2
    assert len(group(us, fake_embed(vectors), threshold=0.8, lexical=0.0, agent_bonus=0.15)) == 1


def test_clauses_putting_a_harm_on_one_side_are_closer_by_the_harm_bonus_averaged_over_the_claim():
    # "Lima blamed Chile", "sabotage by the Chilean side": one accusation in words far apart
    a, b, c = "Lima blamed Chile.", "This was deliberate sabotage by the Chilean side.", "Chile reopened the bridge."
    vectors = {a: [1, 0, 0], b: [0.5, 0.866, 0], c: [0.5, 0.866, 0]}  # cosine 0.5
    harmed = [Unit("x", 0, 5, a, agent="CL", harm=True), Unit("y", 0, 5, b, agent="CL", harm=True)]
    assert len(group(harmed, fake_embed(vectors), threshold=0.8, lexical=0.0, agent_bonus=0.15)) == 2
    assert len(group(harmed, fake_embed(vectors), threshold=0.8, lexical=0.0, agent_bonus=0.15, harm_bonus=0.2)) == 1
    # the same side doing something that is no harm: no pull beyond the agent bonus
    plain = [Unit("x", 0, 5, a, agent="CL", harm=True), Unit("y", 0, 5, c, agent="CL")]
    assert len(group(plain, fake_embed(vectors), threshold=0.8, lexical=0.0, agent_bonus=0.15, harm_bonus=0.2)) == 2
    # a harm put on another side never joins (one side per claim), nor on two sides at once
    other = [Unit("x", 0, 5, a, agent="CL", harm=True), Unit("y", 0, 5, b, agent="PE", harm=True)]
    assert len(group(other, fake_embed(vectors), threshold=0.8, lexical=0.0, harm_bonus=0.5)) == 2
    both = [Unit("x", 0, 5, a, agent="CL+PE", harm=True), Unit("y", 0, 5, b, agent="CL+PE", harm=True)]
    assert len(group(both, fake_embed(vectors), threshold=0.8, lexical=0.0, agent_bonus=0.15, harm_bonus=0.2)) == 2
    # averaged like the words: a third member far from both in words dilutes the pull
    d = "Chilean crews cleared the debris."
    vectors[d] = [0, 0, 1]
    three = harmed + [Unit("z", 0, 5, d, agent="CL", harm=True)]
    found = group(three, fake_embed(vectors), threshold=0.8, lexical=0.0, agent_bonus=0.15, harm_bonus=0.2)
    assert sorted(len(k.members) for k in found) == [1, 2]


def test_a_harm_pulls_only_towards_harms_of_the_same_thing_and_an_unsaid_one_towards_the_commonest():
    a, b, c = "Chile blew up the bridge.", "Chilean sappers destroyed the old bridge.", "Chile mined the harbour."
    d = "Lima blamed Chile."
    vectors = {a: [1, 0, 0], b: [0.5, 0.866, 0], c: [0.5, 0.866, 0], d: [0.5, 0, 0.866]}  # cosine 0.5 to a

    def unit(doc, text, harmed):
        return Unit(doc, 0, 5, text, agent="CL", harm=True, harmed=harmed)

    def joined(us):
        found = group(us, fake_embed(vectors), threshold=0.8, lexical=0.0, agent_bonus=0.15, harm_bonus=0.3)
        return sorted(len(k.members) for k in found)

    # the same thing harmed: one claim; another thing: the pull is gone
    assert joined([unit("x", a, "bridge"), unit("y", b, "bridge old")]) == [2]
    assert joined([unit("x", a, "bridge"), unit("y", c, "harbour")]) == [1, 1]
    # unsaid: what the side's other harms were done to, the commonest most
    assert joined([unit("x", a, "bridge"), unit("w", a, "bridge"), unit("v", c, "harbour"),
                   unit("y", d, "")]) == [1, 3]


def test_one_named_source_brings_two_groups_closer_by_the_source_bonus():
    # a source's statement reaches outlets in other words; "officials" in two articles may be
    # two sets of people, so an unnamed source brings nothing
    a, b = "The bridge is unsafe to cross.", "Crossing the bridge is dangerous now."
    vectors = {a: [1, 0, 0], b: [0.7, 0.71414, 0]}  # cosine 0.7
    for key, joined in (("ministry-of-works", True), ("unnamed:officials", False)):
        us = [Unit("x", 0, 5, a, speaker="the ministry", source_key=key),
              Unit("y", 0, 5, b, speaker="the ministry", source_key=key)]
        assert len(group(us, fake_embed(vectors), threshold=0.8, lexical=0.0, source_bonus=0.0)) == 2
        assert len(group(us, fake_embed(vectors), threshold=0.8, lexical=0.0, source_bonus=0.1)) == (1 if joined else 2)
    other = [Unit("x", 0, 5, a, source_key="ministry-of-works"), Unit("y", 0, 5, b, source_key="army")]
    assert len(group(other, fake_embed(vectors), threshold=0.8, lexical=0.0, source_bonus=0.1)) == 2


def test_an_unnamed_source_of_a_country_is_the_named_one_its_article_credits():
    def u(doc, key, name, speaker):
        return Unit(doc, len(speaker), 5, "Seismic signals show a blast at the dam.", speaker=speaker, source_key=key,
                    source_name=name)
    named = u("x", "norsar", "Norwegian Seismic Array", "the Norwegian Seismic Array")
    again = u("x", "unnamed:scientists|NO", "scientists of Norway (unnamed)", "Norwegian scientists")
    claim = _claim([named, again], set())
    assert claim.independent == 1 and claim.sources == ["Norwegian Seismic Array"]
    assert claim.sourcing["sources"][0]["named_as"] == ["Norwegian scientists", "the Norwegian Seismic Array"]
    # in an article that names no one, it is the one source of that country the claim names
    elsewhere = u("y", "unnamed:scientists|NO", "scientists of Norway (unnamed)", "Norwegian scientists")
    assert _claim([named, elsewhere], set()).independent == 1
    # of another country it stays a source
    other = u("x", "unnamed:scientists|SE", "scientists of Sweden (unnamed)", "Swedish scientists")
    assert _claim([named, other], set()).independent == 2
    # two named candidates of that country: which one is not known
    second = u("x", "nora", "Norwegian Radiation Authority", "the Norwegian Radiation Authority")
    assert _claim([named, second, again], set()).independent == 3


def test_a_government_said_as_its_officials_is_the_named_source_of_that_country():
    """"Russian officials" count as Russia's government (the entities stage); in a claim whose one
    named Russian source is the official the wire quotes, they are that official, in this article
    or another. "Moscow" is named and stays; so do officials with two named candidates."""
    def u(doc, key, name, speaker):
        return Unit(doc, len(speaker), 5, "The death toll rose to 29.", speaker=speaker, source_key=key,
                    source_name=name)
    official = u("x", "admin", "Kherson administration (installed by Russia)", "Andrei Alekseyenko")
    officials = [u(d, "russia", "Russia", "Russian officials") for d in ("x", "y")]
    claim = _claim([official] + officials, set())
    assert claim.independent == 1 and claim.sources == ["Kherson administration (installed by Russia)"]
    assert _claim([official, u("y", "russia", "Russia", "Moscow")], set()).independent == 2
    assert _claim([official, u("y", "kremlin", "Kremlin", "Kremlin officials")], set()).independent == 2
    second = u("z", "mod", "Russian Defence Ministry", "the Russian Defence Ministry")
    assert _claim([official, second] + officials, set()).independent == 3


def test_the_core_is_compared_not_the_text():
    a = Unit("x", 0, 5, "Lima accused Santiago of blowing up the bridge.", core="Chile blowing up the bridge")
    b = Unit("y", 0, 5, "Chile blew up the bridge, officials said.", core="Chile blowing up the bridge")
    assert len(group([a, b], None, threshold=0.9)) == 1  # words alone: the cores are the same


def test_words_weighed_by_the_corpus_tell_propositions_apart():
    from corroborate.claims.group import _lexical
    texts = ["the bridge was blown up near Lima", "the bridge was blown up near Cusco",
             "the bridge was mined before the war near Lima", "the bridge was mined before the war near Cusco"]
    v = _lexical(texts)
    assert abs(float(v[0] @ v[0]) - 1.0) < 1e-5
    # "mined ... war" is rarer than "bridge", so it weighs more
    assert float(v[2] @ v[3]) > float(v[0] @ v[2])


def test_units_that_read_alike_share_a_row_that_weighs_as_every_one_of_them():
    from corroborate.claims.group import HARM_DIMENSIONS, _harm_columns, _lexical, _shared_rows
    blew = dict(agent="CL", harm=True, harmed="bridge")
    us = [Unit("a", 0, 5, "Chile blew up the bridge.", **blew), Unit("b", 0, 5, "Chile blew up the bridge.", **blew),
          Unit("c", 0, 5, "Chile blew up the bridge.", agent="CL"),  # the same words, no harm: a row of its own
          Unit("d", 0, 5, "The ministry blamed Chile.", agent="CL", harm=True),  # a harm that says not what
          Unit("e", 0, 5, "Chile mined the bridge before the war.", agent="CL", harm=True, harmed="bridge mine"),
          Unit("f", 0, 5, "The ministry blamed Chile.", agent="CL", harm=True)]
    texts = [u.text for u in us]
    row_of, firsts = _shared_rows(us, texts)
    assert row_of.tolist() == [0, 0, 1, 2, 3, 2] and firsts == [0, 2, 3, 4]
    # the words and the harms of the shared rows are those every unit would have had alone
    counts = np.bincount(row_of)
    assert np.array_equal(_lexical([texts[i] for i in firsts], counts=counts), _lexical(texts)[firsts])
    alone = np.empty((len(us), HARM_DIMENSIONS + 1), dtype=np.float32)
    shared = np.empty((len(firsts), HARM_DIMENSIONS + 1), dtype=np.float32)
    _harm_columns(us, 0.3, alone)
    _harm_columns([us[i] for i in firsts], 0.3, shared, row_of)
    assert np.array_equal(shared, alone[firsts]) and shared[2].any()


def test_figure_pairs_decided_a_slice_at_a_time_are_those_decided_at_once(monkeypatch):
    from corroborate.claims import group as grouping
    rng = np.random.default_rng(2)
    kinds = [frozenset({("killed", 12.0)}), frozenset({("killed", 12.0), ("injured", 30.0)}),
             frozenset({("killed", 4.0)}), frozenset({("killed", 4.0), ("injured", 7.0), ("missing", 2.0)})]
    us = [Unit(f"d{rng.integers(0, 15)}", k, k + 5, "text", source_key=["s:a", "s:b", None][rng.integers(0, 3)],
               figures=kinds[rng.integers(0, 4)]) for k in range(60)]
    whole = grouping._figure_pairs(us)
    assert len(whole) > 50
    monkeypatch.setattr(grouping, "_FIGURE_SLICE", 7)
    assert np.array_equal(grouping._figure_pairs(us), whole)


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


def test_the_numbers_a_sentence_gives():
    from corroborate.claims.group import _numbers

    assert _numbers("an area of about six hundred square kilometres") == {"600"}
    assert _numbers("An estimated 600 km2 of the valley, nearly 70 per cent") == {"600", "70"}  # not km[2]
    assert _numbers("four killed and 1,014 injured; G7 leaders met") == {"4", "1014"}


def test_the_same_area_is_one_claim_in_any_words():
    # the claims stage gives an area figure as (unit, value) as it gives a casualty figure
    a = Unit("x", 0, 5, "About 600 square kilometres of the valley was under water.", source_key="org:ocha")
    b = Unit("y", 0, 5, "Says Red Cross; about 600 sq km of the valley under water", source_key="org:icrc")
    c = Unit("z", 0, 5, "The army retook 100 square kilometres of land.", source_key="org:army")
    for u, v in ((a, 600.0), (b, 600.0), (c, 100.0)):
        u.figures = frozenset({("km2", v)})
    assert sorted(cl.articles for cl in group([a, b, c], None)) == [1, 2]


def test_similar_pairs_are_bounded_per_unit_and_still_join_a_repeated_statement():
    import numpy as np

    from corroborate.claims.group import _similar_pairs

    rng = np.random.default_rng(7)
    base = rng.normal(size=16)
    # 40 articles repeat one statement (nearly the same vector); 10 units say other things
    vecs = [base + rng.normal(scale=0.05, size=16) for _ in range(40)] + [rng.normal(size=16) for _ in range(10)]
    vectors = np.array([v / np.linalg.norm(v) for v in vecs], dtype=np.float32)
    units = [Unit(f"d{k}", 0, 5, "x", "o", None, None, None, frozenset()) for k in range(50)]
    units[1] = Unit("d0", 10, 15, "y", "o", None, None, None, frozenset())  # same article as unit 0
    every = list(zip(*(x.tolist() for x in _similar_pairs(vectors, units, 0.9, neighbours=1000)[:2])))
    brute = [(i, j) for i in range(50) for j in range(i + 1, 50)
             if units[i].doc_id != units[j].doc_id and float(vectors[i] @ vectors[j]) >= 0.9]
    assert every == brute and (0, 1) not in every
    i, j, _ = _similar_pairs(vectors, units, 0.9, neighbours=3)
    assert set(zip(i.tolist(), j.tolist())) <= set(every) and len(i) <= 50 * 3
    root = list(range(50))

    def find(x):
        while root[x] != x:
            x = root[x]
        return x

    for a, b in zip(i.tolist(), j.tolist()):
        root[find(b)] = find(a)
    assert len({find(x) for x in range(40)}) == 1  # still one claim


def test_polarity_conflict_between_members_saying_the_same_words():
    import json

    from corroborate.claims.conflicts import polarity_conflicts
    from corroborate.claims.group import _claim

    members = [Unit("a", 0, 40, "Civilian areas of Velmora were targeted by the strikes", "One", "2025-03-11"),
               Unit("b", 0, 44, "Civilian areas of Velmora were not targeted by the strikes", "Two", "2025-03-12",
                    negated=True),
               Unit("c", 0, 30, "The army hit only military depots near the river", "Three", "2025-03-12")]
    found = polarity_conflicts([_claim(members, {"same content in other words"})])
    assert len(found) == 1 and found[0]["kind"] == "polarity"
    sides = json.loads(found[0]["sides"])
    assert sorted((s["doc_id"], s["negated"]) for s in sides) == [("a", False), ("b", True)]
    assert polarity_conflicts([_claim(members[:1] + members[2:], set())]) == []


def test_unresolved_speakers_count_as_no_source_and_unnamed_reports_only_alone():
    from corroborate.claims.group import _claim
    a = Unit("x", 0, 5, "The dam was blown up from inside.", speaker="Kremlin", source_key="k1")
    a.source_name = "Kremlin"
    b = Unit("y", 0, 5, "The dam was blown up from inside, he said.", speaker="he")  # unresolved
    c = Unit("z", 0, 5, "The dam was blown up from inside.", source_key="unnamed:reports", speaker="reports")
    c.source_name = "reports (unnamed)"
    d = Unit("w", 0, 5, "The dam was blown up from inside.")  # own voice: stripped
    claim = _claim([a, b, c, d], set())
    assert claim.independent == 1 and claim.sources == ["Kremlin"]
    assert claim.sourcing["rule"] == "credited"
    assert [x["name"] for x in claim.sourcing["sources"]] == ["Kremlin"]
    assert claim.sourcing["unresolved"] == [{"doc_id": "y", "start": 0, "speaker": "he"}]
    assert claim.sourcing["stripped"] == ["w"]
    # reports alone are a source; "he" alone is none, so the articles count, copies once
    assert _claim([b, c], set()).sources == ["reports (unnamed)"]
    only_he = _claim([b, Unit("v", 0, 5, "Blown up from inside, he said.", speaker="he")], set())
    assert only_he.independent == 2 and only_he.sources == [] and only_he.sourcing["rule"] == "own voice"


def test_nobody_credited_each_outlet_counts_once_and_copies_of_one_text_once():
    # four articles of one news agency say it in their own voice: one voice, not four
    agency = [Unit(f"t{k}", 0, 5, "The plant was shelled at night.", "Agency One") for k in range(4)]
    claim = _claim(agency, set())
    assert claim.independent == 1 and claim.sourcing["rule"] == "own voice"
    assert claim.sourcing["origins"] == [{"origin": "Agency One", "docs": ["t0", "t1", "t2", "t3"]}]
    # another outlet copying the agency's text is the agency's too; an outlet of its own counts;
    # articles of no known outlet each count, never as one outlet together
    copied = Unit("p", 0, 5, "The plant was shelled at night.", "Paper Two", clusters=frozenset({"c9"}))
    agency[0].clusters = frozenset({"c9"})
    own = Unit("q", 0, 5, "The plant was shelled overnight.", "Paper Three")
    unknown = [Unit(f"u{k}", 0, 5, "The plant was shelled.") for k in range(2)]
    claim = _claim(agency + [copied, own] + unknown, set())
    assert claim.independent == 4
    assert sorted(o["docs"] for o in claim.sourcing["origins"]) == [
        ["p", "t0", "t1", "t2", "t3"], ["q"], ["u0"], ["u1"]]


def test_every_own_voice_member_of_a_credited_claim_is_stripped_saying_whether_its_article_credits():
    # the claims gold's rule: an own-voice member of a credited claim is stripped, even in an
    # article that credits the source in another sentence (flagged, and not among the articles
    # that credit no one)
    from corroborate.claims.group import _claim
    credited = Unit("x", 0, 40, "The dam was blown up from inside.", speaker="Kremlin", source_key="k1")
    restated = Unit("x", 90, 130, "The dam was blown up from inside the plant.")
    elsewhere = Unit("w", 0, 40, "The dam was blown up from inside.")
    claim = _claim([credited, restated, elsewhere], set())
    assert [(s["doc_id"], s["start"], s["credited_in_article"]) for s in claim.stripped_in] == [
        ("w", 0, False), ("x", 90, True)]
    assert claim.sourcing["stripped"] == ["w"] and claim.independent == 1


def test_an_own_voice_restatement_joins_the_credited_claim_and_is_stripped():
    a, b = "Only military targets are hit, the ministry said.", "Only military targets of the army are taken out."
    vectors = {a: [1, 0, 0], b: [0.45, 0.893, 0]}  # cosine 0.45: below the threshold, above `attach`
    us = [Unit("x", 0, 5, a, "One", "2025-03-11", "the ministry", "ministry-id"),
          Unit("y", 0, 5, b, "Two", "2025-03-12")]
    assert len(group(us, fake_embed(vectors), threshold=0.5, lexical=0.0, attach=None)) == 2
    [claim] = group(us, fake_embed(vectors), threshold=0.5, lexical=0.0, attach=0.4)
    assert claim.independent == 1 and [s["doc_id"] for s in claim.stripped_in] == ["y"]
    # an own-voice clause of another side does not join
    us[1].agent, us[0].agent = "PE", "CL"
    assert len(group(us, fake_embed(vectors), threshold=0.5, lexical=0.0, attach=0.4)) == 2


def test_an_own_voice_report_of_a_harm_or_a_toll_restates_only_a_claim_that_gives_it():
    # read on a hurricane's coverage: a report of a killing joined a governor's call to stay
    # vigilant, and a toll of at least 14 a sheriff's expecting a large one
    a, b = "Residents of the coastal towns should stay indoors tonight.", "A falling tree killed a driver in the town."
    vectors = {a: [1, 0, 0], b: [0.45, 0.893, 0]}  # below the threshold, above `attach`
    us = [Unit("x", 0, 5, a, "One", "2025-03-11", "the governor", "gov-id"),
          Unit("y", 0, 5, b, "Two", "2025-03-12", harm=True)]
    assert len(group(us, fake_embed(vectors), threshold=0.5, lexical=0.0, attach=0.4)) == 2
    us[1].harm = False  # the same words with no harm in them restate it
    assert len(group(us, fake_embed(vectors), threshold=0.5, lexical=0.0, attach=0.4)) == 1
    c, d = "Many more victims were feared in the county.", "The county's toll rises to at least 14 dead."
    vectors = {c: [1, 0, 0], d: [0.45, 0.893, 0]}
    us = [Unit("x", 0, 5, c, "One", "2025-03-11", "the sheriff", "sheriff-id"),
          Unit("y", 0, 5, d, "Two", "2025-03-12", figures=frozenset({("killed", 14.0)}))]
    assert len(group(us, fake_embed(vectors), threshold=0.5, lexical=0.0, attach=0.4)) == 2
    us[0].figures = frozenset({("killed", 14.0)})  # the claim giving the toll: restated
    assert len(group(us, fake_embed(vectors), threshold=0.5, lexical=0.0, attach=0.4)) == 1


def test_a_claims_text_is_a_member_that_reads_as_a_sentence_not_a_piece_of_one():
    piece = "the collapse of the bridge on the rebels"  # what "blamed ... on the rebels" leaves
    other = "the destruction of the bridge by the rebels"
    whole = "The rebels blew up the bridge at dawn."

    def text(vectors):
        us = [Unit(d, 0, 5, t, d, "2025-03-11", "the army", "army") for d, t in zip("xyz", (piece, other, whole))]
        [claim] = group(us, fake_embed(vectors), threshold=0.5, lexical=0.0)
        return claim.text

    # the piece is the most central, the sentence as central as the median member: the sentence
    assert text({piece: [0.95, 0.312, 0], whole: [1, 0, 0], other: [0.8, 0.6, 0]}) == whole
    # a sentence that is the claim's outlier is no better a text: the most central member
    assert text({piece: [0.95, 0.312, 0], other: [1, 0, 0], whole: [0.8, 0.6, 0]}) == piece


def test_units_sharing_a_key_only_within_one_article_make_no_pair():
    from corroborate.claims.group import _pairs_sharing

    units = [Unit("d0", 0, 5, "x", "o", None, None, None, frozenset({"c"})),
             Unit("d0", 9, 15, "y", "o", None, None, None, frozenset({"c"}))]
    assert list(_pairs_sharing(units, lambda u: u.clusters)) == []


def test_a_denial_and_what_it_denies_are_two_claims_linked_as_a_conflict():
    import json

    from corroborate.claims.conflicts import denial_conflicts

    a, b = "Peru blew up the bridge.", "Peru did not blow up the bridge."
    us = [Unit("x", 0, 5, a, agent="PE"), Unit("y", 0, 5, a, agent="PE"),
          Unit("z", 0, 5, b, agent="PE", negated=True), Unit("w", 0, 5, b, agent="PE", negated=True)]
    claims = group(us, fake_embed({a: [1, 0, 0], b: [0.95, 0.312, 0]}), threshold=0.8, lexical=0.0)
    assert len(claims) == 2
    [conflict] = denial_conflicts(claims)
    sides = json.loads(conflict["sides"])
    assert sorted((s["doc_id"], s["negated"]) for s in sides) == [("w", True), ("x", False), ("y", False),
                                                                   ("z", True)]
    # a denial about another side is no conflict with it
    for u in us[2:]:
        u.agent = "CL"
    assert denial_conflicts(group(us, fake_embed({a: [1, 0, 0], b: [0.95, 0.312, 0]}), threshold=0.8,
                                  lexical=0.0)) == []


def _naive_linkage(vectors, units, threshold, bonus, source_bonus=0.0):
    """Average linkage as the rule says it, every pair of groups looked at on every step: the
    adjacent, compatible pair with the highest (score, then lowest ids) joins while its score is at
    least the threshold. What claims.group's one-entry-per-group heap must reproduce."""
    n = len(units)
    sims = vectors @ vectors.T
    edge = {(i, j) for i in range(n) for j in range(i + 1, n)
            if units[i].doc_id != units[j].doc_id and sims[i, j] >= threshold - bonus - source_bonus}
    groups = {i: [i] for i in range(n)}

    def agents(g):
        return {units[i].agent for i in g if units[i].agent}

    def sources(g):
        return {units[i].source_key for i in g if units[i].source_key and not units[i].source_key.startswith("unnamed:")}

    while True:
        found = None
        for a in sorted(groups):
            for b in sorted(groups):
                if b <= a:
                    continue
                ga, gb = groups[a], groups[b]
                if not any((min(i, j), max(i, j)) in edge for i in ga for j in gb):
                    continue
                if len(agents(ga) | agents(gb)) > 1 or {units[i].negated for i in ga} != {units[i].negated for i in gb}:
                    continue
                s = round(float(np.mean([sims[i, j] for i in ga for j in gb])), 9)
                if agents(ga) and agents(ga) == agents(gb):
                    s = round(s + bonus, 9)
                if sources(ga) & sources(gb):
                    s = round(s + source_bonus, 9)
                key = (-s, a, b)
                if s >= threshold and (found is None or key < found):
                    found = key
        if found is None:
            return sorted(sorted(g) for g in groups.values())
        _, a, b = found
        groups[a] = groups[a] + groups.pop(b)


def test_the_linkage_joins_what_looking_at_every_pair_on_every_step_joins():
    # one heap entry per group, stale entries recomputed when they come up: the same joins, in the
    # same order, as the rule applied naively (random sentences, sides, denials)
    from corroborate.claims.group import _Linkage  # noqa: F401 (the mechanism under test)

    rng = np.random.default_rng(11)

    def name(k):  # a text of its own for each unit, without a number ("unit bc" for 12)
        return "".join(chr(ord("a") + int(c)) for c in str(k))

    for trial in range(20):
        n = 36
        centres = rng.normal(size=(5, 12))
        vecs = centres[rng.integers(0, 5, n)] + rng.normal(scale=0.55, size=(n, 12))
        vectors = (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float32)
        units = [Unit(f"d{rng.integers(0, 12)}", k, k + 5, f"unit {name(k)}", "o", None, None,
                      [None, None, "s:a", "s:b", "unnamed:officials"][rng.integers(0, 5)], frozenset(),
                      agent=[None, None, None, "RU", "UA"][rng.integers(0, 5)], negated=bool(rng.random() < 0.15))
                 for k in range(n)]
        index = {(u.doc_id, u.start): k for k, u in enumerate(units)}
        source_bonus = 0.1 if trial % 2 else 0.0
        row = {u.text: k for k, u in enumerate(units)}
        claims = group(units, lambda texts: vectors[[row[t] for t in texts]], threshold=0.5, lexical=0.0,
                       agent_bonus=0.15, attach=None, neighbours=n, source_bonus=source_bonus)
        got = sorted(sorted(index[m.doc_id, m.start] for m in c.members) for c in claims)
        assert got == _naive_linkage(vectors.astype(np.float64), units, 0.5, 0.15, source_bonus), trial


def test_the_linkage_reads_mostly_zero_columns_as_sparse_rows_and_scores_as_a_dense_product_does():
    # the words and harm columns of a unit's row are read from their non-zero entries; a group's
    # score with each neighbour is the dense product's, for single units and grown groups alike
    from corroborate.claims.group import _Cluster, _Linkage

    rng = np.random.default_rng(5)
    n, dense, wide = 40, 6, 30
    rows = np.zeros((n, wide), dtype=np.float32)
    rows[:, :dense] = rng.normal(size=(n, dense))
    for i in range(n):  # a few words each, some units with none
        cols = rng.choice(np.arange(dense, wide), size=rng.integers(0, 5), replace=False)
        rows[i, cols] = rng.normal(size=len(cols))
    units = [Unit(f"d{i}", 0, 5, "a unit") for i in range(n)]
    clusters = {i: _Cluster(i, rows[i], units[i], frozenset()) for i in range(n)}
    for keep, gone in ((0, 1), (0, 2), (3, 4), (5, 6), (5, 7), (5, 8)):  # groups of 3, 2 and 4
        clusters[keep].absorb(clusters.pop(gone))
    linkage = _Linkage(clusters, lambda x: x, lambda a, b: a, rows, threshold=0.5, agent_bonus=0.0, dense=dense)
    dense_linkage = _Linkage(clusters, lambda x: x, lambda a, b: a, rows, threshold=0.5, agent_bonus=0.0)
    others = np.array(sorted(k for k in clusters if k != 0))
    expected = np.array([clusters[0].total @ clusters[k].total / (3 * len(clusters[k].members)) for k in others])
    assert np.allclose(linkage._score_many(0, others), expected, atol=1e-9)
    assert np.allclose(dense_linkage._score_many(0, others), expected, atol=1e-9)
    assert np.allclose(linkage._score_many(9, others[others != 9]), dense_linkage._score_many(9, others[others != 9]))


def test_the_first_k_of_a_row_are_a_stable_sorts_first_k():
    from corroborate.claims.group import _first

    rng = np.random.default_rng(3)
    for _ in range(50):
        row = rng.integers(0, 6, size=rng.integers(1, 30)).astype(np.float64)  # many ties
        assert _first(row, 5) == np.argsort(-row, kind="stable")[:5].tolist()


def test_a_report_carried_on_without_a_cue_is_the_outlets_voice_in_a_claim():
    # "Colonel Venn said that X. Y." -- Y is Venn's by the statements stage (a present-tense report
    # running on), but the sentence credits no one: in a claim it is the outlet's voice, so it is
    # stripped where another article credits the source
    from corroborate.stages.claims import _units

    text = "Colonel Venn said that the river is clean. The wells are safe to drink from."
    said, carried = (23, 41), (43, 77)
    statements = [
        {"statement_id": "s1", "doc_id": "a", "start": said[0], "end": said[1], "kind": "indirect", "cue_end": 17,
         "speaker": "Colonel Venn", "sentence_start": 0, "sentence_end": 42},
        {"statement_id": "s2", "doc_id": "a", "start": carried[0], "end": carried[1], "kind": "indirect",
         "cue_end": 17, "speaker": "Colonel Venn", "sentence_start": 43, "sentence_end": 77},
    ]
    propositions = [
        {"doc_id": "a", "start": s, "end": e, "text": text[s:e], "core": text[s:e], "neutral": text[s:e],
         "agent": None, "negated": False, "statement_id": sid} for sid, (s, e) in (("s1", said), ("s2", carried))]
    got = {u.text: u.speaker for u in _units([{"doc_id": "a", "outlet": "Wire One", "published": None}],
                                             {"statements": statements, "propositions": propositions}, 4)}
    assert got == {"the river is clean": "Colonel Venn", "The wells are safe to drink from.": None}


@pytest.mark.parametrize("outlet,publishes", [("Ostrenian Defence Ministry", True),
                                              ("The Defence Post", False), ("Wire One", False)])
def test_an_outlet_publishes_as_the_organisation_it_names_not_as_one_word_of_it(outlet, publishes):
    # a ministry's own site publishes as the ministry (its own voice is the ministry speaking);
    # "The Defence Post" names one word of it, and is an outlet of its own
    from corroborate.stages.claims import _units

    text = "The Ostrenian Defence Ministry said the bridge was destroyed by shelling."
    said = (text.index("the bridge"), len(text) - 1)
    quoted = text[said[0]:said[1]]
    own = "Floodwater covered the lower town on Monday."
    docs = [{"doc_id": "a", "outlet": "Wire One", "published": None},
            {"doc_id": "b", "outlet": outlet, "published": None}]
    statements = [{"statement_id": "s1", "doc_id": "a", "start": said[0], "end": said[1], "kind": "indirect",
                   "cue_end": text.index(" the bridge"), "speaker": "The Ostrenian Defence Ministry",
                   "sentence_start": 0, "sentence_end": len(text)}]
    entities = [{"entity_id": "e1", "name": "Ostrenian Defence Ministry", "source_id": "org:defence",
                 "source_name": "Ostrenian Defence Ministry", "source_type": "organisation"}]
    propositions = [
        {"doc_id": "a", "start": said[0], "end": said[1], "text": quoted, "core": quoted, "neutral": quoted,
         "agent": None, "negated": False, "statement_id": "s1"},
        {"doc_id": "b", "start": 0, "end": len(own), "text": own, "core": own, "neutral": own,
         "agent": None, "negated": False, "statement_id": None}]
    units = _units(docs, {"statements": statements, "propositions": propositions, "entities": entities,
                          "speaker_entities": [{"statement_id": "s1", "entity_id": "e1"}]}, 4)
    [mine] = [u for u in units if u.doc_id == "b"]
    assert (mine.source_key == "org:defence") is publishes


def test_a_unit_carries_its_casualty_and_area_figures_not_its_percentages():
    from corroborate.stages.claims import _units

    text = "About 600 square kilometres were flooded, 70 percent of it farmland, and 12 people died."
    prop = {"doc_id": "a", "start": 0, "end": len(text), "text": text, "core": text, "neutral": text,
            "agent": None, "negated": False, "statement_id": None}
    figures = [{"doc_id": "a", "start": text.index("600"), "value": 600.0, "unit": "km2", "category": "measure"},
               {"doc_id": "a", "start": text.index("70"), "value": 70.0, "unit": "percent", "category": "measure"},
               {"doc_id": "a", "start": text.index("12"), "value": 12.0, "unit": None, "category": "killed"}]
    [u] = _units([{"doc_id": "a", "outlet": "Wire One", "published": None}],
                 {"propositions": [prop], "figures": figures}, 4)
    assert u.figures == {("km2", 600.0), ("killed", 12.0)}


def test_each_groups_best_first_pair_is_the_smallest_key_of_the_pairs_it_is_in():
    # `_best_pairs` against the sort it replaces: every pair once for each of its groups, sorted
    # by (group, -score, lower, higher), the first of each group's
    from corroborate.claims.group import _best_pairs
    rng = np.random.default_rng(7)
    for _ in range(200):
        n, m = int(rng.integers(2, 30)), int(rng.integers(0, 60))
        a, b = rng.integers(0, n, m), rng.integers(0, n, m)
        lo, hi = np.minimum(a, b)[a != b], np.maximum(a, b)[a != b]
        neg = -rng.integers(0, 4, len(lo)) / 4  # many ties, and repeated pairs
        node, other = np.concatenate((lo, hi)), np.concatenate((hi, lo))
        key = (np.concatenate((neg, neg)), np.concatenate((lo, lo)), np.concatenate((hi, hi)))
        order = np.lexsort((key[2], key[1], key[0], node))
        head = order[np.concatenate(([True], node[order][1:] != node[order][:-1]))] if len(order) else order
        x, pair = _best_pairs(lo, hi, neg)
        assert np.array_equal(x, node[head])
        assert np.array_equal(neg[pair], key[0][head]) and np.array_equal(lo[pair], key[1][head])
        assert np.array_equal(hi[pair], key[2][head]) and np.array_equal(np.where(lo[pair] == x, hi[pair], lo[pair]),
                                                                         other[head])
