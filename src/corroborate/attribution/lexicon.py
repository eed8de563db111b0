"""Word lists the attribution rules use, in one place so they can be read and extended.

The cue verbs start from textacy's reporting verbs and the attribution verbs of Krestel et al. and
PARC (Pareti), widened with what news wires use for officials ("underlined", "reiterated",
"clarified", "called on", "informed"). Everything is a lemma, lower case.
"""
from __future__ import annotations

# Verbs that say where someone stands on something, said in public: what they praise, denounce,
# or endorse is what they said (PARC and PolNeAR count these as attributions). Not "oppose",
# "support" or "attack", which are as often positions or deeds as words.
STANCE = frozenset("""
praise denounce decry hail laud applaud endorse question slam lambast lambaste castigate deplore
mock ridicule commend
""".split())

# Verbs that introduce what someone said, with a clause ("said that ...", "..., she added").
SPEECH = frozenset("""
say tell add note state stress underline underscore emphasize emphasise reiterate clarify explain
announce report warn urge claim insist confirm deny acknowledge admit argue assert declare maintain
mention remark reply respond answer comment conclude observe suggest indicate write tweet post inform
brief assure promise pledge vow threaten predict allege accuse complain concede recall reveal disclose
testify demand ask request propose recommend advise caution specify elaborate highlight affirm reaffirm
proclaim protest recount repeat retort speculate contend counter hint imply lament estimate forecast
read quote cite describe dismiss reject criticize criticise condemn announce agree acknowledge
speak talk told says telling
""".split()) | STANCE

# Verbs of belief and expectation: attributions only with a named or nominal agent as subject
# ("Authorities fear that ...", "Experts believe ..."), never from inside a quote.
COGNITION = frozenset("believe think fear hope expect doubt worry suspect know".split())

# Implicative verbs (Karttunen 1971): "went on to say", "managed to say", "hastened to add" entail
# that the saying happened, and their subject is the sayer. Not "wanted", "planned", "refused",
# "declined" or "was asked to say", after which nothing need have been said. "go" implies only
# with "on" ("went on to say"; "is going to say" is the future).
IMPLICATIVE = frozenset("go proceed continue manage hasten hurry rush venture bother dare remember".split())
# ... and adjectives that do the same after "be": "was quick to add", "were careful to note" (not
# "eager", "ready" or "willing", after which nothing need have been said)
IMPLICATIVE_ADJECTIVES = frozenset("quick quicker swift careful".split())

# Verbs whose direct object is the content when there is no clause ("announced a state of
# emergency", "explained the goals of the operation", "had reported at least 70 deaths").
NOMINAL = frozenset("""
announce report confirm deny declare explain reiterate criticize criticise condemn reject acknowledge
admit demand describe reaffirm welcome dismiss cite
""".split()) | STANCE

# Nouns that name a report and take its content as a that-clause ("Kyiv's claim that ...",
# "allegations by the ministry that ..."): attribution nouns after Pareti's PARC list.
CLAIM_NOUNS = frozenset("""
claim allegation accusation assertion contention insistence assurance warning denial charge suggestion
argument statement announcement promise pledge threat prediction admission acknowledgement
acknowledgment report
""".split())

# Verbs by which a study, a data set or researchers report what they found ("the study found that
# ...", "polls showed ...", "seismic data showed ...", "an investigation concluded ...").
FINDINGS = frozenset("""
find show conclude determine establish demonstrate prove detect record register suggest indicate
reveal confirm estimate observe measure
""".split())

# What can find or show something: studies, polls, data and their like ("poll" and "data" also as
# plurals), and the people whose work is finding out.
STUDIES = frozenset("""
study studies poll polls survey surveys research analysis analyses investigation investigations probe
inquiry enquiry review audit assessment test tests data datum record records measurement measurements
reading readings census model simulation examination autopsy report reports findings average averages
""".split())
RESEARCHERS = frozenset("""
researcher scientist seismologist investigator analyst expert engineer inspector geologist hydrologist
pollster economist epidemiologist
""".split())

# Evidence, pictures and traces show things only through whoever gathered them ("evidence reviewed
# by X suggests", "imagery from X revealed"); without one, "the evidence suggests" or "satellite
# images show" is the outlet's own reading, not a statement.
EVIDENCE = frozenset("""
evidence sign signs indication proof image images imagery footage photo photos photograph photographs video
videos sample samples signal signals
""".split())

# Verbs taking an addressee and an infinitive ("called on units to lay down their weapons").
DIRECTIVE = frozenset("call urge ask order instruct appeal tell warn advise encourage invite".split())
# verbs whose object is whom they address ("told Reuters", "Long told the Courier"), never what
# was said nor who spoke
ADDRESSED = frozenset("tell inform assure reassure brief remind notify warn advise urge ask thank".split())

# Nouns for documents that "say" things; as speakers they resolve to whoever issued them.
DOCUMENTS = frozenset("""
statement report data datum figure figures study survey message communique communiqué release announcement
bulletin letter document tweet post notice decree website estimate estimates assessment investigation
investigations findings update readout transcript filing record records count tally analysis
""".split())

# Verbs of issuing a document: a cue only when what is issued is a document or a tally ("the
# ministry published a list of 152 casualties", "released figures showing ..."), whose words are
# then the content; "released the prisoners" or "issued a visa" report nothing.
PUBLISH = frozenset("publish release issue circulate".split())
TALLIES = DOCUMENTS | frozenset("list toll number numbers breakdown statistics".split())

# Roles many people hold at once: "the official" or "the source" is whoever was last introduced
# with that role, or speaks for the organisation that spoke last; a unique role ("the health
# minister") without a named holder stays as written.
GENERIC_ROLES = frozenset("""
official spokesperson spokesman spokeswoman source representative officer aide adviser advisor
""".split())

# Nouns for a person by role; "the spokesperson" resolves to the person who holds that role.
ROLES = frozenset("""
spokesperson spokesman spokeswoman minister president official governor mayor chairman chairwoman chair
chief head director secretary commander general colonel officer leader premier chancellor ambassador
envoy representative adviser advisor aide deputy lawmaker senator mp diplomat analyst expert researcher
professor doctor physician resident witness survivor source prosecutor judge lawyer attorney ceo
executive manager captain coordinator administrator inspector king queen prince emir sheikh pope
admiral lieutenant major sergeant founder owner operator engineer scientist seismologist journalist
correspondent reporter activist campaigner negotiator mediator monitor observer rescuer medic nurse
surgeon worker employee member officer-in-charge vice-president vice
""".split())

# Head nouns of organisations ("the ministry", "the Defense Ministry", "the canal authority").
ORGANISATIONS = frozenset("""
ministry government agency authority authorities army police office department service council
committee commission organisation organization company firm group union association institute center
centre foundation bank court parliament presidency cabinet embassy mission forces force command
administration directorate bureau secretariat corporation operator owner network channel broadcaster
newspaper fund programme program alliance coalition party movement society federation league board
body regime municipality prefecture governorate team brigade unit hospital university observatory
watchdog monitor navy military ministry's kremlin pentagon white house state department red cross panel tribunal
crescent un nato
""".split())

# Plural nouns for groups of unnamed people or sources ("officials said", "witnesses told").
GROUPS = frozenset("""
officials authorities sources witnesses residents experts analysts police rescuers activists doctors
medics reports diplomats observers survivors people relatives families investigators officers
soldiers troops workers villagers locals media
""".split())

# Titles and honorifics that are part of how a person is named but not of their name.
TITLES = frozenset("""
mr mrs ms miss dr prof professor col colonel gen general lt lieutenant maj major capt captain adm
admiral sgt sergeant president minister governor mayor senator sen rep judge sheikh sir lord lady king
queen prince princess pope rev reverend father imam ayatollah chairman chief deputy ambassador
secretary commander brig brigadier marshal vice premier chancellor speaker mp dame st saint emir
superintendent inspector constable commissioner detective sheriff corporal trooper supt insp cpl pvt cmdr
""".split())

PERSON_PRONOUNS = frozenset("he she him her his hers".split())
THING_PRONOUNS = frozenset("it its".split())
PLURAL_PRONOUNS = frozenset("they them their".split())
FIRST_PERSON = frozenset("i we me us my our".split())
