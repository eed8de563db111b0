"""Who said what in an article no parser reads: quotation marks, speech verbs and "according to".

    rows = statements(doc_id, text, language, sentences)    # rows of the `statements` table

English articles get their statements from the parse (attribution.statements). An article in a
language with no parser here still quotes its ministers, and a reader comparing who said what
across coverage needs those too. Four patterns carry most reported speech in every language of
the corpora, and need no parser:

- **direct**: the words inside quotation marks of any convention (« », „ ", “ ”, " ", ‹ ›, 「 」),
  with a speech verb in the same sentence after the closing mark ("», — заявил Томас Геррин",
  "», a déclaré la colonelle Dara Venn") or before the opening one ("Zelensky a déclaré : «");
- **mixed**: a few quoted words inside the object of a speech verb ('calificó la voladura de
  "crimen de guerra" y "ecocidio"'): the object to the end of its clause, quotation marks kept;
- **according_to**: "selon", "según", "laut", "volgens", "по словам", "за даними", "ifølge",
  "بحسب" ... : the words after it up to the comma are the speaker (a name inside them, or set off
  by commas after them, is the speaker: "Según el portavoz, Carlos Ortega, ..."), the rest of the
  sentence the content ("По данным властей, эвакуированы ..."); German needs no comma ("Nach
  Angaben der Behörden laufen ...": its nouns' capitals end the source);
- **indirect**: a speech verb followed by its "that" ("a déclaré que", "заявил, что", "sagte,
  dass"): the content runs from there to the end of the sentence; a speech verb after the content
  at the end of a sentence ("..., a annoncé le ministère"); or a named speaker, the verb and its
  object ("Путин объявил о начале эвакуации"), or its "that" after whom it was said to ("pidió a
  la comunidad internacional que ..."). A second speech verb joined by "and" ends the first one's
  content and has its speaker ("informó de la destrucción ... e indicó que ..."). In German, a
  sentence in the subjunctive with no cue of its own, right after a report, goes on with it
  (Konjunktiv I: "Das Mauerwerk nehme derweil Schaden"). A clause of "as" after the content reports
  it ("..., wie der Gouverneur mitteilte", "..., comme l'a indiqué le ministère");
- **verb last** (Turkish, Azerbaijani): the subject set off by a comma at the head of the sentence,
  what was said, and the speech verb at its end ("Bakan Yılmaz, ... söyledi"); "according to" after
  its source ("Bakanlığa göre, ...").

The speaker is the run of capitalised words next to the verb (after it when it follows a quote,
before it otherwise: "Микел Абраш напомнил, что"), else the words between the verb and the end of
the sentence or the comma. After the verb it ends at an "and" that begins a second verb of the
speaker's ("sagt Weber und nennt ...") and, outside the Slavic languages (which name whom it was
told first as often: "сообщил ТАСС ... глава района Иван Петров"), at a stop word after a name
(to whom or where: "zei hoogleraar Pieter Smit vrijdag bij het programma Avond Nieuws"); a name
set off after the clause is the person it describes ("..., Oleksandr Prokudin, en un vídeo"), and
a name before the comma holds its particles ("señaló Ricardo de la Vega, director de ..."). Before
the verb, one word after "van", "von" or "de" is the place of a person named before it ("Anna
Dekker van Velmorsk zei"), or with a single given name part of the name ("Joost van Leeuwen",
"Greta von der Heide"); a particle with a capital joins the surname after it ("zegt Van Dijk");
a name opening the sentence with a description set off after it is the subject ("Laura Gómez
Ruiz, coordinadora nacional de ..., informó"); a stop word opening the sentence is no speaker
("Dat zegt Van Dijk"). A verb of speech after a reflexive pronoun says nothing ("le feu s'est
déclaré"). The "that" may follow where it was said ("zei in het overleg dat"). German reports
with a comma after the verb and its companions ("teilte am Abend mit, die Zahl ... sei"), with
its clause of "as" first ("Wie die Feuerwehr mitteilte, brach ..."), and "laut X" inside a
sentence ("Die Flut hatte laut der Feuerwehr einen Pegel von ...": the noun phrase after it is the
source, the sentence what it says; after a verb of speech it is what the words came through). "Selon
X" closing a sentence needs a comma before it or few words after it. A stop word with a capital
inside a sentence opens a name ("ha sottolineato il ministro ..., Nello Ferri": "nello" is "in the"
too), and an organisation's acronym and its country, or a country, before a name leave the name,
after the verb or "по словам" too ("глава МЧС Кадрании Иван Петров", "президент України ..."). A
dash before a verb after the content is a comma ("... - przyznał rzecznik"), and a name in the
clause after the verb is the speaker the words after the comma describe ("Jan Kowal, rzecznik
prasowy Komendanta Głównego"). A sentence opening with "this" and a verb of speech says who said
the sentence before it, in the same paragraph ("Об этом сообщил ...", "Lo ha detto ..."). Single
straight quotes count when their words end with a sentence's mark (an apostrophe inside a word,
"Diyarbakır'da", closes none: "Kaya, 'Köprü açık.' dedi"); a name before a colon that opens a
quote speaks it; Turkish and Azerbaijani titles, capitalised before the name, end with a compound
noun's suffix ("Genel Müdürü Orhan Kaya"); in Arabic, whose verb comes first, the subject between
the verb and its "that" speaks, up to a stop word or a word of when or to whom ("وأضاف الحسيني
خلال مداخلة هاتفية أن"). A dash opening a line quotes the words from there to ", sier X", over up
to four sentences ("– Vi følger vannstanden ... Mannskapene har satt opp sandsekker, sier Per Holm"). In the verb-last
languages, a quote's speaker may stand between it and the verb ("«...», - nazir bildirib"), a
sentence with no comma opens with its speaker's name after any title ("Daxili İşlər
naziri Elvin Quliyev ... deyib"), "Onun sözlərinə görə" is the last speaker's words, and a report
of a report ("Velmora.az bildirir ki, ...") has no subject at its head. Armenian's auxiliary after
the participle is no speaker ("»,-ասել է նախարարը"); a pronoun ("он", "elle", "er") is the
previous statement's speaker, and a description ("un préfet", "der Konzern", "el mandatario") the
one person the article names with that role (of several, the one who spoke last), else, when
bare and definite, the speaker named before it (see `_resolve`); a German title before a name is
its role ("der Präsident Weber", "Bürgermeisterin Anna Keller"). Before
the verb, a name or relative clause set off by commas after the subject gives the subject ("El
jefe de la oficina, Andriy Yermak, ha informado"; "La Kadranie, qui revendique ..., a réclamé"),
a phrase set off before it and an auxiliary are left out ("Mardi matin, la présidence a accusé"),
a place closing an institution's name is not the speaker ("la mairie de Lyon a annoncé",
"Министерство обороны России сообщило"), and in Russian and Ukrainian a place the words are said
"in" is ("в больнице Вельморска говорят"). A Russian or Ukrainian name after a cue that governs
the genitive ("по словам Гутерриша") is put back in the nominative by dropping its ending
("Гутерриш"), as the gold conventions name speakers.

The verb lists are short and closed (the commonest reporting verbs of each language, in the
forms news writes them). A quote with no cue in its sentence is left out (a title, a scare quote),
so a language without a list gets no statements.
"""
from __future__ import annotations

import hashlib
from typing import Any

import regex

from .entities import _alike

SPEECH_VERBS = {
    "fr": "déclaré dit affirmé annoncé indiqué expliqué ajouté souligné précisé estimé assuré accusé dénoncé averti "
          "confirmé rapporté écrit déclare dit affirme annonce indique explique ajoute souligne précise estime "
          "assure accuse dénonce avertit confirme qualifié déclarent affirment annoncent accusent dénoncent "
          "demandé promis insisté reconnu admis répété rappelé martelé demande promet insiste reconnaît rappelle "
          "déplore déploré réclamé réclame exhorté appelé",
    "es": "dijo declaró afirmó aseguró anunció señaló indicó explicó añadió agregó advirtió denunció acusó informó "
          "manifestó subrayó destacó calificó dice afirma asegura denuncia advierte explica señala indica "
          "dijeron declararon afirmaron aseguraron anunciaron señalaron indicaron denunciaron acusaron informaron "
          "calificaron advirtieron dicho declarado afirmado asegurado anunciado señalado indicado denunciado "
          "acusado informado calificado advertido pidió pidieron pedido exigió exigieron instó instaron "
          "prometió prometieron reconoció admitió insistió reiteró recalcó sostuvo expresó comentó precisó "
          "apuntó aseveró sentenció reconocido reiterado expresado",
    "pt": "disse afirmou declarou anunciou informou explicou acrescentou alertou destacou ressaltou acusou diz "
          "afirma declara disseram afirmaram declararam anunciaram informaram alertaram acusaram pediu pediram "
          "prometeu reconheceu admitiu insistiu reiterou sublinhou salientou garantiu denunciou classificou",
    "de": "sagte erklärte betonte warnte berichtete schrieb behauptete bezeichnete meldete sagt erklärt betont "
          "warnt berichtet schreibt sagten erklärten warnten berichteten gesagt erklärt teilte teilten "
          "forderte forderten versprach kündigte bestätigte bestätigten kritisierte "
          # the separable verbs joined again at the end of a subordinate clause ("wie X mitteilte")
          "mitteilte mitteilten ankündigte ankündigten angab",  # not "angaben": the noun "Angaben" too
    "nl": "zei zegt verklaarde meldde stelde schreef waarschuwde noemde besloot zeiden zeggen meldden "
          "benadrukte bevestigde beloofde eiste vroeg verklaarden stelden",
    "ru": "заявил заявила заявили сказал сказала сказали сообщил сообщила сообщили отметил отметила отметили "
          "подчеркнул подчеркнула добавил добавила пояснил пояснила рассказал рассказала рассказали напомнил "
          "напомнила признал предупредил предупредила написал написала обвинил обвинила обвинили назвал назвала "
          "назвали объявил объявила считает говорит говорят пообещал пообещала пообещали потребовал "
          "потребовала потребовали призвал призвала призвали уточнил уточнила подтвердил подтвердила заверил "
          # the neuter past, for the institutions Russian names with neuter nouns ("министерство сообщило")
          "заявило сообщило отметило подчеркнуло добавило пояснило объявило предупредило признало "
          "потребовало призвало уточнило подтвердило обвинило назвало",
    "uk": "заявив заявила заявили сказав сказала сказали повідомив повідомила повідомили зазначив зазначила "
          "наголосив наголосила додав додала розповів розповіла написав написала назвав назвала назвали "
          "звинуватив вважають каже кажуть пообіцяв пообіцяла пообіцяли закликав закликала закликали "
          "підтвердив підтвердила уточнив уточнила вимагав "
          "заявило повідомило зазначило наголосило додало підтвердило закликало",
    "no": "sa sier uttalte skriver skrev opplyser opplyste forteller fortalte mener advarte bekreftet lovet krevde",
    "ar": "قال قالت أعلن أعلنت أكد أكدت صرح صرحت أضاف أضافت وقال وقالت وأعلن وأعلنت وأكد وأكدت وأضاف وأضافت "
          "أشار وأشار أوضح وأوضح ذكر وذكر أفاد وأفاد",
    "it": "detto dichiarato affermato annunciato spiegato aggiunto sottolineato denunciato accusato riferito "
          "confermato avvertito precisato ribadito assicurato scritto definito chiesto promesso ammesso "
          # (not "conferma", "denuncia", "accusa": nouns as often)
          "dice afferma dichiara annuncia spiega aggiunge sottolinea riferisce "
          "avverte precisa ribadisce assicura scrive disse dichiarò affermò annunciò spiegò aggiunse "
          "sottolineò dicono affermano dichiarano denunciano",
    "pl": "powiedział powiedziała powiedzieli oświadczył oświadczyła oświadczyli przekazał przekazała przekazali "
          "poinformował poinformowała poinformowali stwierdził stwierdziła stwierdzili dodał dodała dodali "
          "podkreślił podkreśliła zaznaczył zaznaczyła ocenił oceniła zapowiedział zapowiedziała ostrzegł "
          "ostrzegła napisał napisała wezwał wezwała zapewnił zapewniła przyznał przyznała oskarżył oskarżyła "
          "oskarżyli mówi mówią twierdzi twierdzą uważa",
    "el": "δήλωσε είπε ανέφερε τόνισε πρόσθεσε σημείωσε υποστήριξε ανακοίνωσε κατηγόρησε έγραψε προειδοποίησε "
          "επιβεβαίωσε δήλωσαν είπαν ανέφεραν ανακοίνωσαν λέει δηλώνει αναφέρει",
    # Turkish and Azerbaijani put the verb last ("Bakan Yılmaz, barajın patladığını söyledi"): see _verb_last
    "tr": "dedi söyledi açıkladı belirtti bildirdi kaydetti vurguladı duyurdu savundu uyardı aktardı yazdı "
          "ekledi iddia suçladı dediler söylediler açıkladılar belirttiler bildirdiler",
    "az": "bildirib deyib vurğulayıb açıqlayıb söyləyib qeyd bəyan bildirdi dedi vurğuladı açıqladı söylədi "
          "bildiriblər deyiblər",
    # Armenian: the participle and "է" ("հայտարարել է, որ"), or the aorist ("հայտարարեց")
    "hy": "հայտարարել հայտարարեց ասել ասաց նշել նշեց տեղեկացրել տեղեկացրեց ընդգծել ընդգծեց ավելացրել "
          "ավելացրեց գրել գրեց պնդել պնդեց մեղադրել մեղադրեց",
}
ACCORDING = {
    "fr": ["selon", "d'après", "d’après"], "es": ["según"], "pt": ["segundo", "de acordo com"],
    "de": ["laut", "nach angaben"], "nl": ["volgens"], "no": ["ifølge"],
    "ru": ["по словам", "по данным", "по сообщениям", "по информации", "как сообщил", "как сообщила",
           "как сообщили"],
    "uk": ["за словами", "за даними", "за інформацією", "як повідомили", "як повідомив", "як повідомила"],
    "ar": ["بحسب", "وبحسب", "حسب", "وفقا ل", "وفقاً ل"],
    "it": ["secondo", "stando a", "a detta di"], "pl": ["według", "zdaniem"], "el": ["σύμφωνα με"],
    "hy": ["ըստ"],
}
# "according to" written after its source, at the head of the sentence ("Bakanlığa göre, ...")
ACCORDING_AFTER = {"tr": ["göre"], "az": ["görə"]}
THAT = {"fr": {"que", "qu'", "qu’"}, "es": {"que"}, "pt": {"que"}, "de": {"dass", "daß"}, "nl": {"dat"},
        "ru": {"что"}, "uk": {"що"}, "no": {"at"}, "ar": {"أن", "إن", "بأن"}, "it": {"che"}, "pl": {"że"},
        "el": {"ότι", "πως"}, "az": {"ki"}, "tr": {"ki"}, "hy": {"որ"}}
PRONOUNS = {"fr": {"il", "elle", "ils", "elles", "lui", "eux"}, "es": {"él", "ella", "ellos"},
            "pt": {"ele", "ela", "eles"}, "de": {"er", "sie", "ihm", "ihr"}, "nl": {"hij", "zij", "ze", "hem", "haar"},
            "ru": {"он", "она", "они", "его", "её", "ее", "их"}, "uk": {"він", "вона", "вони", "його", "її", "їх"},
            "no": {"han", "hun", "de", "ham", "henne"}, "ar": set(), "it": {"lui", "lei", "loro"},
            "pl": {"on", "ona", "oni"}, "el": {"αυτός", "αυτή"}, "tr": {"o"}, "az": {"o"}, "hy": {"նա", "նրանք"}}
# the auxiliary of a compound past between the subject and the participle ("la présidence a accusé")
AUXILIARIES = {"fr": {"a", "ont", "avait", "avaient"}, "es": {"ha", "han", "había", "habían"},
               "pt": {"tem", "têm", "havia", "tinha"}, "de": {"hat", "haben", "hatte", "hatten"},
               "nl": {"heeft", "hebben", "had", "hadden"}, "no": {"har", "hadde"}, "it": {"ha", "hanno", "aveva", "avevano"}}
# Russian and Ukrainian report an institution's words as said "in" it, with an impersonal verb ("в
# Кремле заявили", "в больнице говорят", "у МВС повідомили"): the place is the speaker
LOCATIVE = {"ru": {"в", "во", "на", "у"}, "uk": {"в", "у", "на"}}
# "and" between two speech verbs of one speaker
AND = {"fr": {"et"}, "es": {"y", "e"}, "pt": {"e"}, "de": {"und"}, "nl": {"en"}, "ru": {"и"}, "uk": {"і", "й", "та"},
       "no": {"og"}, "ar": {"و"}, "it": {"e", "ed"}, "pl": {"i", "oraz"}, "el": {"και"}, "tr": {"ve"}, "az": {"və"},
       "hy": {"և", "եւ"}}
# "as" opening a clause of reporting after the content ("..., wie der Gouverneur mitteilte", "...,
# comme l'a indiqué le ministère", "..., zoals de minister meldde")
AS = {"fr": {"comme"}, "es": {"como"}, "pt": {"como"}, "it": {"come"}, "de": {"wie"}, "nl": {"zoals"},
      "el": {"όπως"}, "pl": {"jak"}, "no": {"som"}}
# the auxiliary that follows the participle ("ասել է", "հայտարարել են")
_AFTER_VERB_AUXILIARIES = {"hy": frozenset({"է", "են", "էր", "էին"})}
# "this" opening a sentence that says who said the sentence before ("Об этом сообщил X")
_THIS = {"ru": ("об этом", "это"), "uk": ("про це", "це"), "de": ("das", "dies"), "nl": ("dat", "dit"),
         "it": ("lo",), "es": ("así lo", "lo"), "pl": ("o tym", "to"), "no": ("det",), "pt": ("foi o que",),
         "hy": ("այս մասին",), "az": ("bu barədə",), "tr": ("bu konuda",)}
# a reflexive pronoun (with its auxiliary) before a verb of speech makes another verb of it ("le
# feu s'est déclaré": broke out; "il s'est dit prêt": declared himself)
_REFLEXIVE = {"fr": frozenset({"s'est", "se", "s'était", "s'étaient", "s'", "se sont"}),
              "it": frozenset({"si", "s'è"})}
# the prepositions of where or in what something was said, before the "that"
_WHERE = {"nl": {"in", "op", "bij", "tijdens", "tegen"}, "de": {"in", "im", "auf", "bei", "am", "gegenüber"},
          "fr": {"dans", "lors", "sur", "en", "devant"}, "es": {"en", "durante", "ante"},
          "pt": {"em", "no", "na", "durante"},
          "it": {"in", "nel", "nella", "durante", "a"}, "no": {"i", "på", "til"}}
# the preposition of whom something was said to, before the "that" (Romance languages)
_TO = frozenset({"a", "à", "al", "aux", "ao", "aos", "às"})
# "по его словам": the cue with a pronoun inside
_PRONOUN_CUES = {"ru": ["по его словам", "по её словам", "по ее словам", "по их словам"],
                 "uk": ["за його словами", "за її словами", "за їхніми словами"]}
_GENITIVE_CUES = {"по словам", "по данным", "по сообщениям", "по информации", "за словами", "за даними",
                  "за інформацією"}
_QUOTES = regex.compile(r"«\s*([^«»]{10,}?)\s*»|„([^„“”]{10,}?)[“”]|“([^“”]{10,}?)[”″]|\"([^\"]{10,}?)\"|"
                        r"‹([^‹›]{10,}?)›|「([^「」]{5,}?)」|"
                        # single straight quotes, where an apostrophe inside a word ("Diyarbakır'da")
                        # cannot close them: the words end with a sentence's mark ("Kaya, 'Köprü açık.' dedi")
                        r"(?<![\p{L}\p{M}\d])'((?:[^'\n]|(?<=[\p{L}\p{M}])'(?=[\p{L}\p{M}])){10,}?[.!?…])'"
                        r"(?![\p{L}\p{M}])")
_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")
_CAPITAL = regex.compile(r"\p{Lu}")
_CASELESS_SCRIPT = regex.compile(r"[\p{Arabic}\p{Hebrew}]")
_CODE = {"nb": "no", "nn": "no"}


def _id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{doc_id}:{start}:{end}:statement".encode()).hexdigest()[:16]


def _language(language: str | None) -> str:
    lang = (language or "").split("-")[0].lower()
    return _CODE.get(lang, lang)


def _nominative(name: str) -> str:
    """A Russian or Ukrainian name in the genitive ("Александра Прокудина") without its ending."""
    out = []
    for w in name.split():
        if regex.fullmatch(r"\p{Lu}\p{Ll}{2,}[бвгджзклмнпрстфхцчшщ][ау]", w):
            w = w[:-1]
        elif regex.fullmatch(r"\p{Lu}\p{Ll}{3,}(?:ова|ева|ина)", w):
            w = w[:-1]
        out.append(w)
    return " ".join(out)


class _Sentence:
    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        self.words = [(m.start() + start, m.end() + start, m.group()) for m in _WORD.finditer(text[start:end])]


def _capital_run(words: list[tuple[int, int, str]], stop: set[str], text: str | None = None) -> tuple[int, int] | None:
    """The last run of capitalised words, not across punctuation when `text` is given ("... el control
    de Velmorsk, Ortega pidió": Ortega)."""
    best = None
    k = len(words) - 1
    while k >= 0:
        if _CAPITAL.match(words[k][2]) and words[k][2].lower() not in stop:
            j = k
            while j - 1 >= 0 and (_CAPITAL.match(words[j - 1][2]) and words[j - 1][2].lower() not in stop) \
                    and (text is None or not text[words[j - 1][1]:words[j][0]].strip()):
                j -= 1
            best = (words[j][0], words[k][1])
            break
        k -= 1
    return best


def _after_acronym(name: list[tuple[int, int, str]], run: tuple[int, int],
                   language: str | None = None) -> tuple[int, int]:
    """An organisation's acronym before a person's name leaves the person ("МИД Кадрании Микел
    Абраш", "глава МЧС Кадрании Иван Петров"): the words after the acronym, without the one after
    it when three or more follow (the country)."""
    acronym = max((k for k, w in enumerate(name[:-1]) if len(w[2]) >= 2 and w[2].isupper()), default=None)
    if acronym is not None and len(name) - acronym - 1 >= 2:
        return name[acronym + 2][0] if len(name) - acronym - 1 >= 3 else name[acronym + 1][0], run[1]
    if language is not None and len(name) >= 3 and _country_word(name[0][2], language):
        return name[1][0], run[1]  # a country before the name ("президент України Іван Коваль")
    return run


def _country_word(word: str, language: str | None) -> bool:
    """A country's name in the language, inflected too ("України"); not a town, whose names are
    given names as often ("Victoria", "Florence")."""
    from ..facts.anylanguage import country_named

    return bool(country_named(word, language))


def _inside(text: str, at: int) -> bool:
    """Whether the word at `at` stands inside a sentence (its capital says it is a name)."""
    before = text[:at].rstrip(" \t\u00a0\"'«»„“”‘’(")
    return bool(before) and before[-1] not in ".!?:;\n—–-" and not before.endswith("...")


def _name_runs(text: str, words: list[tuple[int, int, str]], stop: set[str]) -> list[tuple[int, int]]:
    """The spans of two capitalised words or more in a row, one space apart: names of persons
    ("Oleksandr Prokudin") and of organisations ("Estado Mayor")."""
    runs = []
    k = 0
    while k < len(words):
        w = words[k]
        # a stop word with a capital inside a sentence opens a name ("ha detto il ministro, Nello
        # Ferri": "nello" is "in the" too; "zegt De Jonge")
        if _CAPITAL.match(w[2]) and (w[2].lower() not in stop or _inside(text, w[0])) and k + 1 < len(words) \
                and _CAPITAL.match(words[k + 1][2]) and text[w[1]:words[k + 1][0]] == " " \
                and words[k + 1][2].lower() not in stop:
            j = k + 1
            while j + 1 < len(words) and _CAPITAL.match(words[j + 1][2]) and text[words[j][1]:words[j + 1][0]] == " ":
                j += 1
            runs.append((w[0], words[j][1]))
            k = j + 1
            continue
        k += 1
    return runs


# "of" between a name and the place its holder is of, or inside a name ("Anna Dekker van Velmorsk";
# "Joost van Leeuwen", "Greta von der Heide")
_OF = frozenset("van von de di da du del".split())
_OF_ARTICLE = frozenset("der den de la le".split())
_PARTICLE = regex.compile(r"(?<![\p{L}\p{M}])(?:Van|Von|De|Di|Da|Du|Del|Della|Ten|Ter)"
                          r"(?:\s+(?:der|den|de|la|le))?[ \u00a0]+$")


_FREE_ORDER = frozenset({"ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "bg", "mk"})


def _speaker_scope(words: list[tuple[int, int, str]], after: int, lang: str,
                   stop: set[str]) -> list[tuple[int, int, str]]:
    """The words after a speech verb where its speaker may be named: up to an "and" that follows a
    capitalised word (a second verb of the speaker's begins there: "sagt Weber und nennt die
    Deiche und die Pumpen der Stadt Velmora"), and up to a stop word after a name (to whom, where or
    when it was said: "teilte Ministerin Clara Vogt der Nachrichtenagentur Nordpress Online mit",
    "zei hoogleraar Pieter Smit vrijdag bij het programma Avond Nieuws"); not in the Slavic
    languages, which name whom it was told first as often ("сообщил Велмора-Пресс в четверг глава
    района Иван Петров")."""
    scope = [w for w in words if w[0] >= after]
    seen_capital = seen_name = False
    for k, w in enumerate(scope):
        low = w[2].lower()
        if (seen_capital and low in AND.get(lang, ())) or (seen_name and low in stop and lang not in _FREE_ORDER):
            return scope[:k]
        capital = bool(_CAPITAL.match(w[2])) and low not in stop
        seen_name = seen_name or (capital and seen_capital and k > 0 and bool(_CAPITAL.match(scope[k - 1][2])))
        seen_capital = seen_capital or capital
    return scope


def _particle_names(text: str, words: list[tuple[int, int, str]], stop: set[str]) -> list[tuple[int, int]]:
    """The names of persons among the words that hold a particle ("Ricardo de la Vega", "Greta von
    der Heide"): a capitalised word, particles, a capitalised word, one space apart."""
    out = []
    for k, w in enumerate(words):
        if not (_CAPITAL.match(w[2]) and w[2].lower() not in stop) or k + 2 >= len(words) \
                or words[k + 1][2] not in _OF \
                or (k > 0 and _CAPITAL.match(words[k - 1][2])):  # one given name ("Administración Militar de")
            continue
        j = k + 1
        while j < len(words) and (words[j][2] in _OF or words[j][2] in _OF_ARTICLE) and j - k <= 3:
            j += 1
        if j < len(words) and _CAPITAL.match(words[j][2]) and words[j][2].lower() not in stop \
                and all(text[words[i][1]:words[i + 1][0]] == " " for i in range(k, j)):
            out.append((w[0], words[j][1]))
    return out


def _place_word(word: str, language: str | None) -> bool:
    """A country (its name in the language, inflected too: "России") or a town of 15,000 people
    ("Lyon", "Херсон" read in Latin letters)."""
    from ..facts.anylanguage import country_named, latin
    from .countries import fold, towns

    return bool(country_named(word, language)) or fold(latin(word, language)) in towns()


def _mixed(text: str, verb_end: int, quote: regex.Match, that: set[str]) -> bool:
    """A few quoted words inside the object of the verb before them: words (not only a "that") and no
    colon between the verb and the quote, and the quote short."""
    between = text[verb_end:quote.start()]
    words = [w.lower() for w in _WORD.findall(between)]
    return (":" not in between and bool(words) and not set(words) <= that
            and len(_WORD.findall(quote.group())) <= 6)


def _apposition(text: str, start: int, verb: int, stop: set[str], relative: tuple[str, ...]) -> tuple[int, int] | None:
    """The subject when the comma before the verb closes something set off after it: a name ("El jefe
    de la oficina presidencial, Andriy Yermak, ha informado de ...": the name) or a relative clause
    ("La Kadranie, qui revendique le district, a réclamé ...": the capitalised words before it).
    None when the verb does not follow such a comma (an auxiliary may come between)."""
    head = text[start:verb]
    if not regex.search(r",\s*(?:\p{L}{1,3}\s+)?$", head):
        return None
    last = head.rfind(",")
    previous = head.rfind(",", 0, last)
    if previous < 0 or not _WORD.search(head[:previous]):
        return None
    inside = list(_WORD.finditer(head[previous + 1:last]))
    words = [w.group() for w in inside]
    if 1 <= len(words) <= 4 and all(_CAPITAL.match(w) and w.lower() not in stop for w in words):
        return start + previous + 1 + inside[0].start(), start + previous + 1 + inside[-1].end()
    if words and words[0].lower().startswith(relative):
        before = [(start + m.start(), start + m.end(), m.group()) for m in _WORD.finditer(head[:previous])]
        run = _capital_run(before[-4:], stop)
        if run and run[1] == before[-1][1]:
            return run
    named = list(_WORD.finditer(head[:previous]))
    if words and not _CAPITAL.match(words[0]) and 2 <= len(named) <= 5 and not head[:named[0].start()].strip() \
            and _CAPITAL.match(named[0].group()) and _CAPITAL.match(named[-1].group()) \
            and all((_CAPITAL.match(w.group()) and w.group().lower() not in stop) or w.group() in _OF | _OF_ARTICLE
                    for w in named):
        # a name opening the sentence and what the person is set off after it: "Laura Gómez
        # Ruiz, coordinadora regional de emergencias, informó que ..."
        return start + named[0].start(), start + named[-1].end()
    return None


# relative pronouns opening a clause set off by commas (a prefix for the cases of ru and uk)
RELATIVE = {"fr": ("qui", "dont", "lequel", "laquelle"), "es": ("que", "quien", "quienes"),
            "pt": ("que", "quem"), "de": ("der", "die", "das", "welche"),
            "nl": ("die", "dat", "wie"), "ru": ("котор",), "uk": ("який", "яка", "яке", "які", "якого", "якої"),
            "no": ("som",), "ar": ("الذي", "التي"), "it": ("che", "il quale", "la quale", "cui"),
            "pl": ("który", "która", "które", "którzy"), "el": ("ο οποίος", "η οποία", "που")}


_GERMAN_ACCORDING = regex.compile(r"(?:(?:Nach|Laut)\s+((?:\p{Ll}+\s+){0,2})Angaben|Laut|Nach\s+Aussage|Zufolge)\b")
_GERMAN_ARTICLES = frozenset("der des die den dem von vom".split())
_GERMAN_ADJECTIVE = regex.compile(r"\p{Ll}+(?:en|em|er|es|e)")


def _german_noun_end(words: list[tuple[int, int, str]]) -> int | None:
    """Where the German noun phrase the words begin with ends: at its last capitalised word before
    the first word in lower case after one (articles and adjectives before the noun are part of
    it: "der türkischen Katastrophenschutzbehörde Afad"); None when it holds no noun."""
    end = None
    for w in words:
        if _CAPITAL.match(w[2]):
            end = w[1]
        elif end is not None or not (w[2] in _GERMAN_ARTICLES or _GERMAN_ADJECTIVE.fullmatch(w[2])):
            break
    return end


def _german_according(text: str, sentence: _Sentence) -> tuple | None:
    """German puts the verb second and needs no comma after "laut X" / "nach Angaben X": "Nach
    Angaben der Behörden laufen die Evakuierungen". German writes nouns with a capital, so the source
    runs to the last capitalised word before the first word in lower case after it (an article or
    adjective before the noun is part of it); the content is the rest of the sentence. "Nach
    ukrainischen Angaben sind ..." has no noun after the cue: the source is "ukrainischen Angaben"."""
    m = _GERMAN_ACCORDING.match(text, sentence.words[0][0]) if sentence.words else None
    if m is None:
        return None
    after = [w for w in sentence.words if w[0] >= m.end()]
    source_end = None
    if after and (m.group(1) is None or after[0][2] in _GERMAN_ARTICLES or _CAPITAL.match(after[0][2])):
        # "Angaben" already read ("nach ukrainischen Angaben sind"): a source after it begins with
        # an article or a noun ("nach Angaben der Behörden")
        source_end = _german_noun_end(after)
    if source_end is None:
        if not m.group(1):
            return None
        speaker_start, source_end = m.start(1), m.end()
    else:
        speaker_start = after[0][0]
    speaker = text[speaker_start:source_end].strip()
    words = _WORD.findall(speaker)
    while words and words[0] in _GERMAN_ARTICLES:
        words.pop(0)
    rest = [w for w in sentence.words if w[0] >= source_end]
    if not words or len(rest) < 3 or text.find(",", m.end(), source_end) >= 0:
        return None
    cue = text[m.start():m.end()]
    return (rest[0][0], sentence.end, "according_to", cue, m.start(), _german_plural(" ".join(words)),
            speaker_start, source_end)


def _german_plural(source: str) -> str:
    """A German plural source named as one names it, without the case "nach" and "laut" put it in
    and with its article left out: "nach ukrainischen Angaben" is "ukrainische Angaben", "der
    regionalen Behörden" "regionale Behörden" (an adjective's -en before a plural noun in -en or
    -n; a singular, "des staatlichen Betreibers", is left as written)."""
    words = source.split()
    if len(words) < 2 or not _CAPITAL.match(words[-1]) or not words[-1].endswith("n"):
        return source
    return " ".join(w[:-1] if w.islower() and w.endswith("en") else w for w in words[:-1]) + " " + words[-1]


# Languages that put the verb last, its subject first and set off by a comma ("Bakan Yılmaz, barajın
# patladığını söyledi"), and the words that close what was said before the verb ("diye": "so saying")
_VERB_LAST = frozenset({"tr", "az"})
# ... and the languages that put it first, its subject after it ("وقال المتحدث ... إن ...")
_VERB_FIRST = frozenset({"ar"})
# words after the subject of a verb-first sentence: when, where, to whom ("خلال مداخلة", "لوكالة")
_SUBJECT_ENDS = frozenset("خلال عبر أثناء لوكالة لقناة لصحيفة لموقع اليوم أمس مساء صباح".split())
_QUOTATIVE = frozenset({"diye", "deyə"})
_QUOTATIVE_THAT = frozenset({"ki"})
# titles Azerbaijani writes in lower case before a name ("Daxili İşlər naziri Elvin Quliyev")
_TITLE_WORDS = {"az": frozenset("naziri nazir sədri sədr başçısı rəhbəri prezidenti baş valisi sözçüsü "
                                "müavini katibi direktoru".split()),
                "tr": frozenset("bakanı sözcüsü valisi başkanı müdürü".split())}
# "according to his words" with the pronoun inside ("Onun sözlərinə görə, ...")
_POSSESSIVE_PRONOUNS = {"tr": {"onun": "o", "onların": "o"}, "az": {"onun": "o", "onların": "o"}}


def _head_subject(text: str, sentence: _Sentence, before: int, stop: set[str]) -> tuple[str | None, int | None, int | None]:
    """The subject a verb-last sentence opens with, set off by a comma before `before`: its last
    name (two capitalised words or more) if it holds one, else its words when they are few and one
    is capitalised ("Dışişleri Bakanlığı")."""
    comma = text.find(",", sentence.start, before)
    words = [w for w in sentence.words if w[1] <= comma] if comma > 0 else []
    if not 1 <= len(words) <= 8 or not any(_CAPITAL.match(w[2]) for w in words) \
            or words[-1][2].lower() in _QUOTATIVE_THAT:
        return None, None, None  # ("Velmora.az bildirir ki, ...": a report of a report, no subject)
    runs = _name_runs(text, words, stop)
    a, b = runs[-1] if runs else (words[0][0], words[-1][1])
    return text[a:b], a, b


def _verb_last(text: str, sentence: _Sentence, verbs: set[str], that: set[str], stop: set[str], lang: str) -> list[tuple]:
    """A statement of a verb-last language: a speech verb among the last two words of the sentence
    ("söyledi", "ifade etti" read from "iddia"/"qeyd": "qeyd edib"), the subject set off by a comma
    at its head is the speaker and what lies between them is what was said. A verb followed by
    its "that" ("bildirib ki, ...") is left to the general rule."""
    words = sentence.words
    verb = next((w for w in words[-2:] if w[2].lower() in verbs), None)
    if verb is None or any(w[2].lower() in that for w in words if w[0] > verb[0]):
        return []
    speaker, a, b = _head_subject(text, sentence, verb[0], stop)
    comma = text.find(",", sentence.start, verb[0])
    if speaker is None and comma < 0:
        # no comma: a name of two capitalised words or more opening the sentence ("Elvin Quliyev
        # ölənlərin sayının 8-ə çatdığını deyib")
        # (after a title, in capitals or not: "Daxili İşlər naziri Elvin Quliyev ...",
        # "Ulaştırma Bakanı Dr. Ahmet Kaya ...": the last name among its first eight words)
        runs = [r for r in _name_runs(text, words[:8], stop)
                if any(w[0] > r[1] and not _CAPITAL.match(w[2]) for w in words[:9])]
        if runs and not any(w[2].lower() in verbs for w in words if w[1] <= runs[-1][1]) \
                and not any(not _CAPITAL.match(w[2]) and w[2].lower() not in _TITLE_WORDS.get(lang, ())
                            for w in words if w[1] <= runs[-1][0]):
            speaker, a, b = text[runs[-1][0]:runs[-1][1]], runs[-1][0], runs[-1][1]
            comma = b - 1
    if speaker is None:
        return []
    inside = [w for w in words if comma < w[0] < verb[0]]
    while inside and inside[-1][2].lower() in _QUOTATIVE:
        inside.pop()
    if len(inside) < 2:
        return []
    return [(inside[0][0], inside[-1][1], "indirect", verb[2], verb[0], speaker, a, b)]


_DASH_OPENING = regex.compile(r"[ \t]*[—–-][ \t\u00a0]+")


def _dash_quote(text: str, spans: list[_Sentence], k: int, rows: list[dict[str, Any]]) -> tuple[int, str]:
    """Where the words a sentence closes with "..., sier X" begin, and their kind: a dash opening a
    line's first sentence quotes the words from there on, in Norwegian, Polish, Russian and others
    ("– Vi følger vannstanden hele natten. Mannskapene har satt opp sandsekker, sier Per Holm"), up to
    four sentences of one paragraph that no statement holds; else the sentence, reported."""
    for j in range(k, max(-1, k - 5), -1):
        if j < k and ("\n" in text[spans[j].end:spans[j + 1].start]
                      or any(r["start"] < spans[j + 1].start and r["end"] > spans[j].start for r in rows)):
            break
        opening = _DASH_OPENING.match(text, spans[j].start)
        # (a hyphen quotes only at a line's start or after a sentence's end: not "a - b")
        if opening and (opening.group().strip() in ("—", "–") or j == 0 or j < k
                        or "\n" in text[spans[j - 1].end:spans[j].start + 1]):
            return opening.end(), "direct"
    return spans[k].start, "indirect"


def _clause_end(text: str, after: int, end: int) -> int:
    """Where the clause going on at `after` ends: the next comma, semicolon or dash outside quotation
    marks, else `end`."""
    depth = 0
    for i in range(after, end):
        c = text[i]
        if c in "«„“‹「":
            depth += 1
        elif c in "»”″›」" and depth:
            depth -= 1
        elif c == '"':
            depth = 0 if depth else 1
        elif depth == 0 and (c in ",;" or (c in "—–" and text[i - 1:i] == " ")):
            return i
    return end


def statements(doc_id: str, text: str, language: str | None, sentences: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Rows of `statements` for an article no parser reads (see the module doc); `sentences` are its
    sentence spans."""
    from ..facts.anylanguage import stop_words

    lang = _language(language)
    verbs = set(SPEECH_VERBS.get(lang, "").split())
    according = ACCORDING.get(lang, [])
    that = THAT.get(lang, set())
    pronouns = PRONOUNS.get(lang, set())
    relative = RELATIVE.get(lang, ())
    stop = stop_words(language) | pronouns
    rows: list[dict[str, Any]] = []

    def add(start, end, kind, cue, cue_start, speaker, speaker_start, speaker_end, sentence, quoted=False):
        # a mixed statement keeps the quotation marks of the words it quotes
        while end > start and text[end - 1] in (" ,.;:։—–-،؛" if quoted else " ,.;:։—–-،؛\"'«»“”„"):
            end -= 1
        while start < end and text[start] in " ,;:—–-،؛\"'«»“”„":
            start += 1
        if end - start < 8 or any(r["start"] < end and r["end"] > start for r in rows):
            return
        if speaker and speaker_start is not None and " " not in speaker and speaker == text[speaker_start:speaker_end]:
            # a surname with its particle written with a capital ("zegt Van Dijk", "Di Marco ha
            # detto", "Van der Burg zei"): the particle is part of it
            particle = _PARTICLE.search(text, max(0, speaker_start - 12), speaker_start)
            if particle:
                speaker, speaker_start = text[particle.start():speaker_end], particle.start()
        mention = speaker
        if lang == "hy" and speaker:  # Armenian writes the article on the name: "Փաշինյանը" is Փաշինյան
            speaker = " ".join(w[:-1] if len(w) > 3 and w.endswith("ը") and _CAPITAL.match(w) else w
                               for w in speaker.split())
        role = None
        if lang == "de" and speaker:
            speaker, role = _german_title(text, speaker, speaker_start, verbs)
        if lang in ("tr", "az") and speaker:
            speaker, role = _izafet_title(speaker)
        speaker_type, key = _speaker_kind(speaker, language)
        rows.append({"statement_id": _id(doc_id, start, end), "doc_id": doc_id, "start": start, "end": end,
                     "text": text[start:end], "kind": kind, "cue": cue, "cue_start": cue_start,
                     "cue_end": cue_start + len(cue) if cue_start is not None else None,
                     "speaker": speaker, "speaker_mention": mention, "speaker_start": speaker_start,
                     "speaker_end": speaker_end, "speaker_type": speaker_type, "speaker_role": role, "speaker_org": None,
                     "speaker_key": key, "sentence_start": sentence.start, "sentence_end": sentence.end,
                     "target": None, "target_start": None, "target_end": None})

    def speaker_after(sentence: _Sentence, after: int) -> tuple[str | None, int | None, int | None]:
        """The speaker after a verb: the first capitalised run to the end of the clause, else the
        clause itself (a pronoun, "le ministère ...")."""
        comma = text.find(",", after, sentence.end)
        clause_end = comma if comma >= 0 else sentence.end
        words = [w for w in sentence.words if after <= w[0] < clause_end]
        if len(words) > 1 and words[0][2] in _AFTER_VERB_AUXILIARIES.get(lang, ()):
            after, words = words[1][0], words[1:]  # Armenian "ասել է նախարարը": the auxiliary follows
        if not words:
            return None, None, None
        if words[0][2].lower() in pronouns:
            return words[0][2], words[0][0], words[0][1]
        # a person's name (two capitalised words or more) to the end of the sentence, the last one
        # ("dijo el jefe de la Administración Militar de Jersón, Oleksandr Prokudin"); else the last single capitalised
        # word of the clause ("представитель ... Геррин"); else the clause ("le ministère ...")
        scope = _speaker_scope(sentence.words, after, lang, stop)
        runs = _name_runs(text, scope, stop)
        # a name before the comma is the speaker the words after it describe ("señaló Ricardo de la
        # Vega, director de Protección Civil"), a name with its particles whole
        named = _particle_names(text, [w for w in scope if w in words], stop)
        if named:
            runs = named
        elif any(r[1] <= clause_end for r in runs):
            # a name in the clause, then what the person is ("poinformował ... Jan Kowal,
            # rzecznik prasowy Komendy Miejskiej Straży Pożarnej")
            runs = [r for r in runs if r[1] <= clause_end]
        if comma >= 0:
            # a name set off after the clause is the person its words describe ("dijo el jefe de la
            # Administración Militar de Jersón, Oleksandr Prokudin, en un vídeo")
            set_off = _name_runs(text, [w for w in sentence.words if w[0] > comma][:4], stop)
            if set_off and set_off[0][0] == next(w[0] for w in sentence.words if w[0] > comma):
                runs = set_off[:1]
        if runs:  # the last: a title's organisation comes before the person's name
            run = _after_acronym([w for w in sentence.words if runs[-1][0] <= w[0] < runs[-1][1]], runs[-1], language)
            return text[run[0]:run[1]], run[0], run[1]
        singles = [w for w in words if _CAPITAL.match(w[2]) and w[2].lower() not in stop and w in scope]
        if singles:
            return singles[-1][2], singles[-1][0], singles[-1][1]
        if not any(_CAPITAL.match(w[2]) for w in words) and _CASELESS_SCRIPT.match(words[0][2]):
            return words[0][2], words[0][0], words[0][1]  # a script without capitals: the word after the verb
        return text[words[0][0]:words[-1][1]], words[0][0], words[-1][1]

    def speaker_before(sentence: _Sentence, before: int) -> tuple[str | None, int | None, int | None]:
        set_off = _apposition(text, sentence.start, before, stop, relative)
        if set_off:
            return text[set_off[0]:set_off[1]], set_off[0], set_off[1]
        words = [w for w in sentence.words if w[1] <= before]
        if len(words) >= 2 and (words[-1][2] in AUXILIARIES.get(lang, ()) or (
                len(words[-1][2]) <= 3 and words[-1][2].islower() and _CAPITAL.match(words[-2][2]))):
            words = words[:-1]  # an auxiliary: "Paul Girard a déclaré", "Yermak ha calificado"
        if not words:
            return None, None, None
        if words[-1][2].lower() in pronouns:
            return words[-1][2], words[-1][0], words[-1][1]
        # the clause before the verb, after a phrase set off by a comma ("Mardi matin, la présidence
        # ukrainienne a accusé"), and the place speaking when it is said "in" it ("Однако в
        # региональной больнице Вельморска говорят": the hospital, not the town)
        clause = text.rfind(",", sentence.start, words[-1][0])
        clause_words = [w for w in words if w[0] > clause]
        at = next((k for k, w in enumerate(clause_words[:2]) if w[2].lower() in LOCATIVE.get(lang, ())), None)
        if at is not None and 1 <= len(clause_words) - at - 1 <= 8:
            place = clause_words[at + 1:]
            return text[place[0][0]:place[-1][1]], place[0][0], place[-1][1]
        run = _capital_run(words[-4:], stop, text)
        if run and run[1] == words[-1][1] and 2 <= len(clause_words) <= 6 and run[0] == clause_words[-1][0] \
                and _place_word(clause_words[-1][2], language):
            # a place closing an institution's name is not the speaker: "Министерство обороны
            # России сообщило", "la mairie de Lyon a annoncé" are the ministry and the town hall
            return text[clause_words[0][0]:clause_words[-1][1]], clause_words[0][0], clause_words[-1][1]
        # "von der", "van de": a particle and an article
        of = 3 if len(words) >= 4 and words[-3][2] in _OF and words[-2][2] in _OF_ARTICLE else 2
        if run and run[1] == words[-1][1] and run[0] == words[-1][0] and len(words) >= of + 1 \
                and words[-of][2] in _OF and regex.fullmatch(r"[\s\p{L}]*", text[words[-of - 1][1]:words[-1][0]]):
            # one word after "van", "von", "de": two names or more before it are a person and the
            # place they are of ("Burgemeester Anna Dekker van Velmorsk zei": Anna Dekker), one is a
            # name with its particle ("Joost van Leeuwen zei", "Greta von der Heide sagte")
            before = _capital_run(words[:-of], stop, text)
            if before and before[1] == words[-of - 1][1]:
                if len([w for w in words if before[0] <= w[0] < before[1]]) >= 2 \
                        and not _place_word(words[-1][2], language):
                    return text[before[0]:before[1]], before[0], before[1]
                # (an institution of a country or a town keeps it: "las Fuerzas Armadas de Ucrania")
                return text[before[0]:run[1]], before[0], run[1]
        if run and run[1] == words[-1][1]:
            run = _after_acronym([w for w in words if run[0] <= w[0] < run[1]], run, language)
            return text[run[0]:run[1]], run[0], run[1]
        # the subject: the clause's words before the verb, when few
        if clause_words and len(clause_words) <= 6:
            return text[clause_words[0][0]:clause_words[-1][1]], clause_words[0][0], clause_words[-1][1]
        return None, None, None

    def _subject(sentence: _Sentence, verb: int) -> tuple[str | None, int | None, int | None]:
        """The subject a sentence opens with, when it opens with a capitalised word that is not a
        stop word: that word, the next, and any capitalised words after them ("Світові лідери
        засудили ..."); else the speaker before the verb."""
        words = [w for w in sentence.words if w[1] <= verb]
        if not words or not _CAPITAL.match(words[0][2]) or words[0][2].lower() in stop:
            return speaker_before(sentence, verb)
        n = 1
        while n < min(len(words), 4) and (_CAPITAL.match(words[n][2]) or n == 1):
            n += 1
        return text[words[0][0]:words[n - 1][1]], words[0][0], words[n - 1][1]

    def as_speaker(sentence: _Sentence, between: list, verb: tuple) -> tuple[str | None, int | None, int | None]:
        """The speaker of a clause of "as": in German and Dutch, between "as" and the verb at its
        end (the last name there; else, in German, the noun phrase: "wie die Polizei soeben
        mitteilte"; else the words); elsewhere after the verb."""
        if lang not in ("de", "nl"):
            return speaker_after(sentence, verb[1])
        runs = _name_runs(text, between, stop)
        if runs:
            return text[runs[-1][0]:runs[-1][1]], runs[-1][0], runs[-1][1]
        if not between:
            return None, None, None
        b = _german_noun_end(between) if lang == "de" else None
        b = b if b is not None else between[-1][1]
        return text[between[0][0]:b], between[0][0], b

    spans = [_Sentence(text, s0, s1) for s0, s1 in sentences]
    cued: set[int] = set()  # verbs that already cue a quote

    def sentence_at(i: int) -> _Sentence | None:
        return next((x for x in spans if x.start <= i < x.end), None)

    reflexive = _REFLEXIVE.get(lang, frozenset())

    def verbs_in(sentence: _Sentence) -> list[tuple[int, int, str]]:
        # not after a reflexive pronoun: "le sinistre s'est déclaré vers 4h" broke out, said nothing
        return [w for k, w in enumerate(sentence.words) if w[2].lower() in verbs
                and not (k > 0 and sentence.words[k - 1][2].lower().replace("’", "'") in reflexive)]

    # 1. direct quotes (over sentences: a quote of several sentences is one statement), with a cue
    # in the sentence where the quote ends (after it) or where it begins (before it)
    for m in _QUOTES.finditer(text):
        group = next(g for g in range(1, 8) if m.group(g) is not None)
        q0, q1 = m.start(group), m.end(group)
        if "\n" in m.group(group):
            continue
        short = len(_WORD.findall(m.group(group))) < 3  # a word or two: only inside a mixed statement
        closing, opening = sentence_at(max(m.end() - 1, 0)), sentence_at(m.start())
        after = [v for v in (verbs_in(closing) if closing else []) if v[0] >= m.end() and v[0] - m.end() <= 12]
        before = [v for v in (verbs_in(opening) if opening else []) if v[1] <= m.start() and m.start() - v[1] <= 40]
        if after and not short:
            sentence, v = closing, after[0]
            speaker, a, b = speaker_after(sentence, v[1])
            between = [w for w in sentence.words if m.end() <= w[0] < v[0]]
            inverted = [w for w in between if w[2].lower().split("-")[-1] in pronouns]
            if inverted and (speaker is None or len(between) == 1):  # "», a-t-il dit", "», sagte er"
                speaker, a, b = inverted[0][2].split("-")[-1], inverted[0][0], inverted[0][1]
        elif before:
            sentence, v = opening, before[-1]
            speaker, a, b = speaker_before(sentence, v[0])
            if speaker is None:  # verb first ("وقال ألكسيينكو ...: «"): the name between verb and quote
                speaker, a, b = speaker_after(sentence, v[1])
                if a is not None and a >= m.start():
                    speaker, a, b = None, None, None
            elif _mixed(text, v[1], m, that):
                # the verb's object holds a few quoted words ('calificó la voladura de "crimen de
                # guerra" y "ecocidio"'): one mixed statement, the object to the end of its clause
                end = _clause_end(text, m.end(), sentence.end)
                add(v[1], end, "mixed", v[2], v[0], speaker, a, b, sentence, quoted=True)
                cued.add(v[0])
                continue
            if short:
                continue
        else:
            continue
        if speaker is None and lang in _VERB_LAST and after and not short:
            # the words between the quote and the verb at the end ("«...», - nazir bildirib")
            between = [w for w in sentence.words if m.end() <= w[0] < v[0]]
            if 1 <= len(between) <= 5:
                speaker, a, b = text[between[0][0]:between[-1][1]], between[0][0], between[-1][1]
        if speaker is None and lang in _VERB_LAST:  # "Yılmaz, “...” dedi": the subject before the quote
            speaker, a, b = _head_subject(text, sentence, m.start(), stop)
        if speaker is None and text[:m.start()].rstrip().endswith(":") and opening is not None:
            # the speaker named before a colon that opens the quote ("... Genel Müdürü Orhan Kaya: "...""
            # dedi"; "Paul Girard : « ... », a-t-il écrit")
            colon = text.rindex(":", opening.start, m.start())
            run = _capital_run([w for w in opening.words if w[1] <= colon][-4:], stop, text)
            if run and not text[run[1]:colon].strip():
                speaker, a, b = text[run[0]:run[1]], run[0], run[1]
        add(q0, q1, "direct", v[2], v[0], speaker, a, b, sentence)
        cued.add(v[0])
    for k_sentence, sentence in enumerate(spans):
        s0, s1 = sentence.start, sentence.end
        low = text[s0:s1].lower()
        verb_at = verbs_in(sentence)
        # "Об этом сообщил X", "Про це повідомив X", "Lo ha detto X", "Dat zegt X": what was said is
        # the sentence before, in the same paragraph
        opener = next((o for o in _THIS.get(lang, ()) if regex.match(regex.escape(o) + r"(?![\p{L}\p{M}])", low)), None)
        if opener and verb_at and k_sentence > 0:
            v = verb_at[0]
            before_verb = [w for w in sentence.words if w[1] <= v[0]]
            previous = spans[k_sentence - 1]
            # (when and where may come between: "Այս մասին այսօր Ազգային ժողովում ասել է ...")
            if len(before_verb) <= len(opener.split()) + 4 and "," not in text[s0:v[0]] and v[0] not in cued \
                    and "\n" not in text[previous.end:s0] and previous.end - previous.start > 20:
                speaker, a, b = speaker_after(sentence, v[1])
                if speaker and (_CAPITAL.search(speaker) or speaker.lower() in pronouns):
                    quoted = regex.fullmatch(r"\s*[«„“\"‹].*[»“”\"›][\s.!?…]*", text[previous.start:previous.end],
                                             regex.S)
                    add(previous.start, previous.end, "direct" if quoted else "indirect", v[2], v[0], speaker, a, b,
                        _Sentence(text, previous.start, s1))
                    cued.add(v[0])
        if lang in _VERB_LAST:
            for row in _verb_last(text, sentence, verbs, that, stop, lang):
                if row[4] not in cued:
                    add(*row, sentence)
                    cued.add(row[4])
        # 2. according to
        for phrase in ACCORDING_AFTER.get(lang, []):
            # "Bakanlığın açıklamasına göre, ...": the words before it are the source
            cue = next((w for w in sentence.words[:9] if w[2].lower() == phrase), None)
            if cue is not None and text[cue[1]:cue[1] + 1] == "," and cue[0] > s0:
                source = [w for w in sentence.words if w[1] <= cue[0]]
                pronoun = _POSSESSIVE_PRONOUNS.get(lang, {}).get(source[0][2].lower())
                if pronoun and len(source) == 2:  # "Onun sözlərinə görə": his words, the last speaker's
                    add(cue[1] + 1, s1, "according_to", cue[2], cue[0], pronoun, source[0][0], source[0][1], sentence)
                    continue
                add(cue[1] + 1, s1, "according_to", cue[2], cue[0], text[source[0][0]:source[-1][1]],
                    source[0][0], source[-1][1], sentence)
        for phrase in _PRONOUN_CUES.get(lang, []):
            i = low.find(phrase)
            comma = text.find(",", s0 + i + len(phrase), s1) if i >= 0 else -1
            if 0 <= i <= 3 and comma > 0:
                pronoun = phrase.split()[1]
                add(comma + 1, s1, "according_to", text[s0 + i:s0 + i + len(phrase)], s0 + i, pronoun,
                    s0 + i + 3, s0 + i + 3 + len(pronoun), sentence)
        german = _german_according(text, sentence) if lang == "de" else None
        if german:
            add(*german, sentence)
        for phrase in according:
            i = low.find(phrase)
            if i < 0 or (i > 0 and low[i - 1].isalpha()) or (german and i <= 3) \
                    or low[i + len(phrase):i + len(phrase) + 1].isalpha():  # "как сообщил" in "как сообщили"
                continue
            cue0 = s0 + i
            cue1 = cue0 + len(phrase)
            comma = text.find(",", cue1, s1)
            if i <= 3 and comma > 0:  # "Selon X, content."
                # a name inside the phrase is the source ("по данным главы ... Александра
                # Прокудина на утро 8 июня": Prokudin), or set off after it ("Según el portavoz del
                # ejército, Carlos Ortega, ...")
                runs = _name_runs(text, [w for w in sentence.words if cue1 <= w[0] < comma], stop)
                a, b = _after_acronym([w for w in sentence.words if runs[-1][0] <= w[0] < runs[-1][1]], runs[-1],
                                      language) \
                    if runs else (cue1, comma)
                second = text.find(",", comma + 1, s1)
                named = [w for w in sentence.words if comma < w[0] < second] if second > 0 else []
                if not runs and 1 <= len(named) <= 4 and all(_CAPITAL.match(w[2]) and w[2].lower() not in stop
                                                             for w in named):
                    a, b, comma = named[0][0], named[-1][1], second
                speaker = text[a:b].strip()
                if phrase in _GENITIVE_CUES:
                    speaker = _nominative(speaker)
                add(comma + 1, s1, "according_to", text[cue0:cue1], cue0, speaker, a, b, sentence)
            elif i > 3:  # "content, selon X."
                source = [w for w in sentence.words if w[0] >= cue1]
                set_off = text[s0:cue0].rstrip().endswith((",", "،", "—", "–", "(", "-"))
                if any(v[1] <= cue0 for v in verb_at):
                    continue  # "sagte laut der Agentur Nordpress, ...": the source the speaker's words came through
                if lang == "de" and not set_off:
                    # in the middle of the sentence, no comma needed ("Die Flut hatte laut der
                    # Feuerwehr einen Pegel von vier Metern"): the noun phrase after it is the source,
                    # the sentence what it says
                    b = _german_noun_end(source)
                    named = [w for w in source if w[1] <= b] if b is not None else []
                    while named and named[0][2] in _GERMAN_ARTICLES:
                        named.pop(0)
                    if named and b < s1 - 1:
                        add(s0, s1, "according_to", text[cue0:cue1], cue0,
                            _german_plural(text[named[0][0]:b]), named[0][0], b, sentence)
                    continue
                if not set_off and len(source) > 6:
                    continue  # not the end of the sentence: no source can be told from the words
                speaker = text[cue1:s1].strip(" .")
                if phrase in _GENITIVE_CUES:
                    speaker = _nominative(speaker)
                add(s0, cue0, "according_to", text[cue0:cue1], cue0, speaker, cue1, s1, sentence)
        # 3. indirect: a verb and its "that"; or a verb after the content at the end of the sentence
        for k, v in enumerate(verb_at):
            if v[0] in cued:
                continue
            # a second speech verb joined by "and" ends this one's content and has its speaker
            # ("informó de la destrucción ... e indicó que ...", "засудили ... і назвали ...")
            end = s1
            later = next((w for w in verb_at[k + 1:] if w[0] not in cued), None)
            if later is not None:
                joined = [w for w in sentence.words if w[1] <= later[0]][-1:]
                if joined and joined[0][2].lower() in AND.get(lang, ()):
                    end = joined[0][0]
            previous = [w for w in sentence.words if w[1] <= v[0]][-1:]
            coordinated = bool(previous) and previous[0][2].lower() in AND.get(lang, ())
            following = [w for w in sentence.words if w[0] >= v[1]]
            # its "that" right after it, or after whom it was said to ("pidió a la comunidad
            # internacional que ...", "a demandé aux habitants qu'ils ...")
            # or where ("zei in het kabinetsoverleg dat ..."), not past a comma or a quotation mark
            reach = 6 if following and following[0][2].lower() in _TO else 3
            comp = next((w for w in following[:reach]
                         if w[2].lower() in that or text[w[0]:w[0] + 3].lower() in that), None)
            if comp is None and following and following[0][2].lower() in _WHERE.get(lang, ()):
                comp = next((w for w in following[:6] if w[2].lower() in that
                             and not regex.search(r"[,;:«»„“”\"]", text[v[1]:w[0]])), None)
            if coordinated:
                earlier = [r for r in rows if r["sentence_start"] == s0 and r["end"] <= v[0] and r["speaker"]]
                # no statement before it in the sentence: the subject of the first verb, read as
                # for any verb ("Світові лідери засудили ... і назвали ...")
                who = (earlier[-1]["speaker"], earlier[-1]["speaker_start"], earlier[-1]["speaker_end"]) \
                    if earlier else _subject(sentence, v[0])
            comma = text.rfind(",", s0, v[0])
            lead = [w for w in sentence.words if comma < w[0] < v[0]] if comma - s0 > 15 else []
            opening = [w for w in sentence.words if w[0] < v[0]] if comma < 0 else []
            after_comma = text.find(",", v[1], end)
            if opening and opening[0][2].lower() in AS.get(lang, ()) and len(opening) <= 7 and comp is None \
                    and after_comma > 0 and text[v[1]:after_comma].strip() == "" \
                    and len(_WORD.findall(text[after_comma:end])) >= 4:
                # the clause of "as" first: "Wie die Polizei mitteilte, ereignete sich ...", "Comme l'a
                # indiqué le ministère, ...": what follows the comma is what was said
                speaker, a, b = as_speaker(sentence, opening[1:], v)
                if speaker:
                    add(after_comma + 1, end, "indirect", v[2], v[0], speaker, a, b, sentence)
                continue
            if lead and lead[0][2].lower() in AS.get(lang, ()) and len(lead) <= 7 and comp is None:
                # "..., wie der Gouverneur Jonas Weber mitteilte": the content before
                # the comma; the speaker between "as" and a verb at the end (German, Dutch), else after it
                speaker, a, b = as_speaker(sentence, lead[1:], v)
                if speaker:
                    add(s0, comma, "indirect", v[2], v[0], speaker, a, b, sentence)
                continue
            if comp is None and lang in _VERB_FIRST and not coordinated:
                # the verb first, its subject, then "that" ("وأضاف الحسيني خلال مداخلة هاتفية أن ..."): the
                # speaker is the subject up to the first stop word ("خلال", "during")
                comp = next((w for w in following[:14] if w[2] in that
                             and not regex.search(r"[,،;«»\"“”]", text[v[1]:w[0]])), None)
                subject = [w for w in following if comp is not None and w[0] < comp[0]]
                cut = next((k for k, w in enumerate(subject) if w[2] in stop or w[2] in _SUBJECT_ENDS), len(subject))
                if comp is not None and 1 <= cut <= 10:
                    add(comp[1], end, "indirect", v[2], v[0], text[subject[0][0]:subject[cut - 1][1]],
                        subject[0][0], subject[cut - 1][1], sentence)
                    continue
                comp = None
            if comp is not None:
                speaker, a, b = who if coordinated else speaker_before(sentence, v[0])
                add(comp[1], end, "indirect", v[2], v[0], speaker, a, b, sentence)
            elif coordinated:
                if who[0] and (who[0].lower() in pronouns or _CAPITAL.match(who[0])) and end - v[1] > 15:
                    add(v[1], end, "indirect", v[2], v[0], *who, sentence)
            elif regex.search(r"(?:,|\s[—–-])\s*(?:\p{L}{1,3}\s+)?$", text[s0:v[0]]) and v[0] - s0 > 30 \
                    and not _apposition(text, s0, v[0], stop, relative):
                # "..., a annoncé le ministère", "..., ha dicho el alcalde": an auxiliary may come
                # between; a dash as often as a comma in Polish and Russian ("... - przyznał rzecznik")
                speaker, a, b = speaker_after(sentence, v[1])
                if speaker:
                    close = regex.search(r"(?:,|\s[—–-])\s*(?:\p{L}{1,3}\s+)?$", text[s0:v[0]])
                    begin, kind = _dash_quote(text, spans, k_sentence, rows)
                    add(begin, s0 + close.start(), kind, v[2], v[0], speaker, a, b, sentence)
            else:
                # a named speaker, the verb, and what was said as its object ("Путин объявил о
                # начале эвакуации", "denunciaron la voladura de la presa")
                speaker, a, b = speaker_before(sentence, v[0])
                begin = v[1]
                if lang == "de":
                    # German reports with a comma after the verb and what goes with it (a separable
                    # prefix, whom or where it was said): "teilte am Montagabend mit, dass ...",
                    # "erklärte auf Twitter, ihre Gedanken seien ...": what was said follows the comma
                    comma = text.find(",", v[1], end)
                    if comma > 0 and len(_WORD.findall(text[v[1]:comma])) <= 4 \
                            and len(_WORD.findall(text[comma:end])) >= 4:
                        begin = comma + 1
                        first = _WORD.search(text, begin)
                        if first and first.group().lower() in that:
                            begin = first.end()
                # (a word such as "Dat" or "Das" opening the sentence is what was said, not who said it:
                # "Dat zegt Van Dijk in een reactie")
                if speaker and (speaker.lower() in pronouns
                                or (_CAPITAL.search(speaker) and speaker.lower() not in stop)) \
                        and end - begin > 15:
                    add(begin, end, "indirect", v[2], v[0], speaker, a, b, sentence)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    _resolve(rows, text, language, stop)
    if lang == "de":  # after the speakers are resolved: a report goes on with whom it was resolved to
        _konjunktiv(spans, rows, add)
        rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows


def _izafet_title(speaker: str) -> tuple[str, str | None]:
    """Turkish and Azerbaijani write a title with capitals before the name, its last word with the
    suffix of a compound noun ("Genel Müdürü Orhan Kaya", "İçişleri Bakanı Ali Demir"): the
    name is what follows the last such word that two words or more follow."""
    words = speaker.split()
    title = max((k for k, w in enumerate(words[:-2]) if len(w) >= 5 and w[-1] in "ıiuüə" and _CAPITAL.match(w)),
                default=None)
    if title is None:
        return speaker, None
    return " ".join(words[title + 1:]), " ".join(words[:title + 1])


_GERMAN_ADJECTIVE_END = regex.compile(r"(?:e|en|em|es)$")


def _german_title(text: str, speaker: str, at: int | None, verbs: set[str]) -> tuple[str, str | None]:
    """German writes a title with a capital too: in "der staatliche Betreiber Nordwasser", "der
    Präsident Weber" (after an article or an adjective) and
    "Bürgermeisterin Anna Keller" (a noun before a first name and a surname), the first word is the
    title, not the name. A first word inflected as an adjective ("die Vereinten Nationen", "Deutsche
    Bahn") is part of the name. (speaker, title)"""
    words = speaker.split()
    if len(words) < 2 or not all(_CAPITAL.match(w) for w in words) or _GERMAN_ADJECTIVE_END.search(words[0]):
        return speaker, None
    before = regex.search(r"(\p{Ll}+)\s+$", text[max(0, at - 30):at]) if at is not None else None
    after_article = before is not None and (before.group(1) in _GERMAN_ARTICLES or (
        _GERMAN_ADJECTIVE.fullmatch(before.group(1)) is not None and before.group(1) not in verbs))
    if len(words) >= 3 or after_article:
        return " ".join(words[1:]), words[0]
    return speaker, None


# Articles before a speaker make it a description, not a name ("le gouverneur", "der Konzern"):
# (definite singular, indefinite singular, plural or ambiguous). German and Dutch capitalise or
# not as other languages do, but German writes every noun with a capital, so its articles matter
# most: "teilte der Konzern mit" is a company, not a Mr Konzern.
_ARTICLES = {
    "fr": ({"le", "la", "l'", "l’"}, {"un", "une"}, {"les", "des"}),
    "es": ({"el", "la"}, {"un", "una"}, {"los", "las", "unos", "unas"}),
    "pt": ({"o", "a"}, {"um", "uma"}, {"os", "as"}),
    "it": ({"il", "lo", "la", "l'", "l’"}, {"un", "uno", "una"}, {"i", "gli", "le"}),
    "de": ({"der", "das"}, {"ein", "eine", "einer"}, {"die", "den", "dem", "des"}),
    "nl": ({"het"}, {"een"}, {"de"}),
}
# adjectives Romance languages put before the noun ("un haut responsable", "el nuevo ministro")
_BEFORE_NOUN = frozenset("haut haute nouveau nouvelle ancien ancienne premier première grand grande alto alta nuevo "
                         "nueva antiguo antigua primer primera gran novo nova antigo antiga primeiro primeira "
                         "nuovo nuova alto ex vice".split())


def _description(text: str, row: dict[str, Any], lang: str) -> tuple[int, int, str, bool] | None:
    """(start, start after the article, head noun, bare definite singular) when the row's speaker
    is a description, not a name: an article before it or opening it ("le gouverneur", "der
    Konzern", "jeudi un préfet du département": words in lower case before the article are not part
    of it) and no name after the article (in German, whose nouns are capitalised, one capitalised
    word: the noun)."""
    a, b = row["speaker_start"], row["speaker_end"]
    articles = _ARTICLES.get(lang)
    if a is None or b is None or not articles or not row["speaker"]:
        return None
    definite, indefinite, plural = articles
    every = definite | indefinite | plural
    words = [(a + m.start(), a + m.end(), m.group()) for m in _WORD.finditer(text[a:b])]
    before = regex.search(r"([\p{L}'’]+)\s+$", text[max(0, a - 20):a])
    at = next((k for k, w in enumerate(words[:3]) if w[2].lower() in every), None)
    if at is not None and all(w[2].islower() for w in words[:at]):
        article, start, rest = words[at][2].lower(), words[at][0], words[at + 1:]
    elif before and before.group(1).lower() in every:
        article, start, rest = before.group(1).lower(), max(0, a - 20) + before.start(1), words
    else:
        return None
    capitals = [w for w in rest if _CAPITAL.match(w[2])]
    if not rest or (len(capitals) > 1 if lang in ("de",) else bool(capitals)):
        return None
    if lang in ("de", "nl"):  # the noun comes last
        head = rest[-1][2]
    else:
        head = next((w[2] for w in rest if w[2].lower() not in _BEFORE_NOUN), rest[-1][2])
    # a bare definite description ("el mandatario", "der Konzern") points back to one already named;
    # one that says more ("la présidence kadranienne") names a speaker of its own
    return start, rest[0][0], head.lower(), article in definite and len(rest) == 1


def _holders(text: str, rows: list[dict[str, Any]], head: str, stop: set[str]) -> set[str]:
    """The names the article gives a holder of the role `head`: a speaker whose role is written
    just before the name ("a déclaré le préfet de la région, Paul Girard"), or a name right after
    the role word, after the comma that closes the role ("el jefe de la oficina, Carlos Ortega") or
    after the place it is of ("il sindaco di Velmora Massimo Riva")."""
    found = set()
    pattern = regex.compile(r"(?<![\p{L}\p{M}])" + regex.escape(head) + r"(?![\p{L}\p{M}])", regex.IGNORECASE)
    for r in rows:
        if r["speaker_start"] is None or not r["speaker"] or r["speaker_type"] != "person":
            continue
        window = text[max(r["sentence_start"], r["speaker_start"] - 80):r["speaker_start"]]
        if pattern.search(window) and "." not in window[-3:]:
            found.add(r["speaker"])
    for m in pattern.finditer(text):
        after = text[m.end():m.end() + 80]
        comma = regex.match(r"[^.,;:!?\n]{0,60}?,\s*", after)
        # or after the place the role is of ("il sindaco di Velmora Massimo Riva")
        place = regex.match(r"\s+(?:di|de|del|della|du|des|von|van|of)\s+\p{Lu}[\p{L}\p{M}'’\-]*\s+", after)
        for skip in (regex.match(r"\s+", after), comma, place):
            if not skip:
                continue
            words = [(m.end() + x.start(), m.end() + x.end(), x.group()) for x in _WORD.finditer(after)
                     if x.start() >= skip.end()]
            runs = _name_runs(text, words[:4], stop)
            if runs and runs[0][0] == words[0][0]:
                found.add(text[runs[0][0]:runs[0][1]])
                break
    return found


def _misspelt(name: str, full: list[str]) -> str | None:
    """The one full name whose surname the article misspells in `name` ("Kelelr" for "Anna
    Keller"): spelt alike as the entities stage has it (the same first letter, 85% alike), or the
    same letters in another order."""
    n = name.lower()
    like = {f for f in full if (s := f.split()[-1].lower()) != n and len(n) >= 5
            and (_alike(s, n, 85) or (s[:1] == n[:1] and sorted(s) == sorted(n)))}
    return next(iter(like)) if len(like) == 1 else None


def _resolve(rows: list[dict[str, Any]], text: str, language: str | None, stop: set[str]) -> None:
    """Speakers that are not names, in the order of the text:

    - a pronoun is the person last named as a speaker before it ("Selon elle", "— сказал он"), and
      so is the missing subject of a verb that ends the sentence after a quote ("», ha aggiunto.");
    - a description ("un préfet", "der Konzern", "el mandatario") is the one person the article
      names with that role anywhere, before or after ("le préfet de la région, Paul Girard"), or of
      several, the one who spoke last;
      failing that, a bare definite singular one ("der Konzern", "el mandatario"; not "die
      Behörden", "un expert" nor "la présidence kadranienne", which names itself) is the speaker
      last named before it, as a pronoun would be; else it stays as written, a description (never
      a person's name);
    - a surname the article misspells ("Kelelr") is the one full name it resembles.
    """
    lang = _language(language)
    pronouns = PRONOUNS.get(lang, set())
    full = sorted({r["speaker"] for r in rows if r["speaker_type"] == "person" and len(r["speaker"].split()) >= 2})
    named = None
    for r in sorted(rows, key=lambda r: min(r["start"], r["speaker_start"] or r["start"])):
        speaker = r["speaker"]
        described = _description(text, r, lang) if speaker else None
        if speaker and speaker.lower() in pronouns:
            speaker = named
        elif not speaker and r["kind"] == "direct" and r["cue_end"] is not None \
                and not text[r["cue_end"]:r["sentence_end"]].strip(" .!?…\"'»”"):
            # a quote and a verb with no subject, the sentence's end ("», ha aggiunto.", "—
            # añadió."): the languages that drop the subject mean the one who spoke last
            speaker = named
            if speaker is None:
                continue
        elif described:
            start, noun, head, definite = described
            holders = _holders(text, rows, head, stop) - {speaker}
            r["speaker_mention"], r["speaker_start"] = text[start:r["speaker_end"]], start
            if len(holders) == 1:
                speaker = next(iter(holders))
            elif definite and named in holders:
                speaker = named  # of several ministers, the one who spoke last ("disse o ministro")
            elif definite and named and not holders and not (lang == "de" and r["kind"] == "according_to"):
                speaker = named  # German "nach Angaben der Behörden": "der" is a plural's genitive
            else:  # as written, without its article ("présidence kadranienne", "Behörden")
                written = text[noun:r["speaker_end"]]
                r["speaker"] = _german_plural(written) if lang == "de" else written
                r["speaker_type"], r["speaker_key"] = "unknown", None
                continue
        elif speaker and len(speaker.split()) == 1 and r["speaker_type"] == "person":
            speaker = _misspelt(speaker, full) or speaker
        if speaker != r["speaker"]:
            r["speaker"] = speaker
            r["speaker_type"], r["speaker_key"] = _speaker_kind(speaker, language)
        if r["speaker_type"] == "person":
            named = r["speaker"]


def _speaker_kind(speaker: str | None, language: str | None) -> tuple[str | None, str | None]:
    """A speaker's type and key for the entities stage: one to four capitalised words are a person
    (one: a surname, which the entities stage joins to the one full name it ends),
    keyed by the name in Latin letters ("Олександр Прокудін" as "oleksandr prokudin"), so that the
    entities stage's spelling rule can join them with the English articles' "Oleksandr Prokudin";
    anything else is of unknown type."""
    from ..facts.anylanguage import country_named, latin
    from .names import person_key

    from .countries import is_country_word

    if not speaker:
        return None, None
    if is_country_word(speaker) or is_country_word(latin(speaker, language)) or country_named(speaker, language):
        return "place", None  # "Kiev", "Ucrania": a state speaking, read as its government
    words = speaker.split()
    if 1 <= len(words) <= 4 and all(_CAPITAL.match(w) and not w.isupper() for w in words):
        return "person", person_key(latin(speaker, language)).lower() or None
    return "unknown", None


# German reports speech in the subjunctive (Konjunktiv I, or II where I looks like the indicative):
# a sentence in it, with no cue of its own, right after a report, goes on with that report.
_KONJUNKTIV = frozenset("sei seien habe hätten werde würden könne müsse dürfe solle wolle liege gebe nehme bleibe "
                        "stehe gehe komme lasse".split())


def _konjunktiv(spans: list[_Sentence], rows: list[dict[str, Any]], add) -> None:
    """Sentences in the subjunctive after a report, with no statement of their own: the report goes on
    (the same speaker, kind indirect, the subjunctive verb as cue)."""
    for k, sentence in enumerate(spans):
        if any(r["start"] < sentence.end and r["end"] > sentence.start for r in rows):
            continue
        verb = next((w for w in sentence.words if w[2].lower() in _KONJUNKTIV), None)
        if verb is None:
            continue
        # the report it continues: one ending in this sentence's predecessor or the one before
        before = [r for r in rows if r["end"] <= sentence.start and r["speaker"]
                  and any(x.start <= r["start"] < x.end for x in spans[max(0, k - 2):k])]
        if before:
            last = max(before, key=lambda r: r["end"])
            add(sentence.start, sentence.end, "indirect", verb[2], verb[0], last["speaker"], None, None, sentence)
            rows[-1]["speaker_type"], rows[-1]["speaker_key"] = last["speaker_type"], last["speaker_key"]