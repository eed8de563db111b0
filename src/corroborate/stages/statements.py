"""The statements stage: who said what in each parsed article, and what the outlet says itself.

Reads the stored parse (stage `parse`). An article in a language no parser reads gets its quotes,
"according to" and reported speech by rules of its language's quotation marks and speech verbs
(attribution.anylanguage), and no own-voice assertions.
"""
from __future__ import annotations

from typing import Any

from ..attribution import analyse, anylanguage
from ..nlp import from_bytes, sentences_any_language
from ..settings import StatementSettings
from .base import Stage
from .parse import other_language


class Statements(Stage):
    name = "statements"
    version = "51"  # 51: in other languages (read on Polish, Portuguese and Ukrainian news of other events): a dash before the verb as a comma, a name in the clause after the verb before what the person is, "Об этом сообщил X" saying who said the sentence before, of several holders of a role the one who spoke last, a country before a name; 50: in other languages (read on Italian and Russian news of other events): a stop word with a capital inside a sentence opens a name ("Nello Musumeci"), a verb with no subject after a quote is the last speaker's ("», ha aggiunto."), a role's holder named after the place it is of ("il sindaco di Faenza Massimo Isola"), an acronym and its country before a name after the verb or "по словам", "как сообщил" not inside "как сообщили", a place speaking named at length, short genitive given names ("Ивана"); 49: in other languages, where a source and a speaker end (read on news of other events in German, Dutch, Spanish and French): "laut X" inside a German sentence, a speaker not past "and" or, outside the Slavic languages, past a stop word after a name, particles ("Frans van Houten", "Joris Gaens van Voeren", "Van Dijk"), German content after the comma, "Wie X mitteilte, ..." first, a name set off before its description, no reflexive verb of speech; 48: a plural ends no person's name run ("Centre for Strategic Studies" was the "Centre for" and a person "Strategic Studies"); 47: a mention of several person entities is of the one holding its head ("Charlotte Mayor Jennifer Roberts" cut into "Charlotte Mayor" and "Jennifer Roberts"); 46: a cue and its colon closing a paragraph ("said in a statement:") take the quotation of the next; 45: a sentence that only says someone spoke ("X said in a statement:", its subject before a verb of saying and nothing said) is no own-voice assertion; 44: "envoy", "ambassador" and "representative" are one role, a name after "Representative to the UN" is its holder (the recogniser runs it into the organisation), and a mention's side may be in the holder's role ("Russian envoy"); 43: a report inside another replaces it only when it is the outer speaker's own ("said she believed", its pronoun then the outer speaker) or speech the outer relays or names a source for ("the agency said the minister announced"): "Smith said the union expected ..." is Smith's; a place in capitals taken for an organisation before a dateline's one dash is a dateline ("VELMORSK – Residents said"); 42: an organisation's acronym in a role is read as sources.abbreviates reads it (initials or the beginnings of its words); 41: "point out" is a cue, and an implicative adjective ("was quick to add") makes its infinitive its subject's statement; 40: only an acronym in brackets closes no role, and a bracket left open in a role is closed ("minister (acting)"); 39: an acronym in brackets after a speaker's organisation is neither the role nor the organisation ("(ICRC)"); 38: an implicative verb's infinitive is its subject's statement ("went on to say", ", going on to say"), and a participle set off by a comma before its adverb ("..., instead telling") its verb's; 37: of several subjects of a cue, one inside a quotation before it is none (a word the parser cannot read); 36: a quotation that is what its subject does is the subject's ('Norwegian scientists "observed ..."'); 35: a relaying medium is what sources.is_media says; 34: a name after the kind of body it is names the body ("the charity X"); 33: an age is no role, a relative clause no part of one, "its spokesman" speaks for the organisation named before; 32: a role naming its organisation by kind ("head of the department") holds it in the article's full name; 31: a quote after an agency relaying someone is the one it quotes; 30: "Minister of Emergency Situations Oren Falk" is Oren Falk; 29: a capital coordinated with others speaks as itself ("Kyiv and most experts"); 28: a name in apposition to the place of a role holds the role ("the UN's top official in Peru, X"); 27: what follows a description in apposition is the description's; 26: "a number of [foreign leaders]" spoke, not a number; 25: a description in apposition ("..., a station 620 km from the dam,") is no part of who spoke; 24: "it" is also an organisation the subject of a sentence since the last speaker, in its paragraph; 23: "added to the misery" is no speech; 22: a transcript quoted whole ("\"PENCE: ...") is read as one, its unlabelled paragraphs the last speaker's, stage directions and follow lines no one's; 21: a report in a relative clause inside the content is an aside; a verb the parser hung on an apposition is the sentence's; an organisation cut before its country is whole, a name written after its organisation is a person; 20: a German plural source is named without the case of "nach" ("ukrainische Angaben"); 19: a German title before a name is its role, not part of it; 18: a document's issuer hanging on it ("a report by X", "X's report") is found; 17: "according to X" set off inside a clause sources the whole clause; a quotation closing its sentence is not the words of someone new after it; a speech verb the parse left without a subject takes the name opening the sentence; 16: a document is the one the article introduced, with its issuer; two people named together are a group; a surname after another's first name is not that person; other languages: descriptions resolved, "as" clauses, more languages; 15: a title written as an acronym is no part of a name; 14: a name cut in two by the recogniser is one; an age is no part of a name; 13: a place's governor is a person; "Gov." is governor; 12: a lead the parser hung on its dateline is the content; 11: a dateline is not the speaker; 10: also a role written in capitals ("Communication Director"); 9: a name modifying a common noun of the mention is whose the speaker is; 8: what a statement leaves of its sentence is own voice only when it holds a clause; 7: a past "as" clause closing present or future content is narration; 6: mixed, coordinated, set-off subjects, German "laut"; 5: articles no parser reads; 4: continued reports, names inside phrases, published tallies
    settings_section = "statements"
    reads = ("doc_id", "text", "outlet", "language")
    writes = ("statements", "assertions")
    after = ("parse",)
    uses = ("parses",)

    def run(self, articles: list[dict[str, Any]], settings: StatementSettings) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {"statements": [], "assertions": []}
        for art in articles:
            parse = next((p for p in art.get("parses", []) if p.get("parse")), None)
            if parse is None:
                if other_language(art):
                    # no parser for its language: quotes, speech verbs and "according to"
                    out["statements"].extend(anylanguage.statements(
                        art["doc_id"], art["text"], art.get("language"), sentences_any_language(art["text"])))
                continue
            doc = from_bytes(parse["parse"])
            for table, rows in analyse(art["doc_id"], doc, settings.min_quote_words, art.get("outlet")).items():
                out[table].extend(rows)
        return out
