"""The Python API: every CLI verb is one of these functions, usable from a notebook.

Tables come back as pandas DataFrames. `db` is the store's path (default ./corroborate.duckdb or
$CORROBORATE_DB); `settings` a Settings object (default: packaged defaults + ./corroborate.toml).
"""
from __future__ import annotations

import dataclasses
import json

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from . import stages as stage_registry
from .engines.base import corpus_key, run_stages, stage_digest
from .engines.duckdb import DuckDBEngine
from .errors import CorroborateError
from .exporting import export_all as _export_all
from .exporting import export_table
from .ingest import AddReport, add_paths
from .ingest.article import Skip
from .settings import Settings, load_settings
from .store import Store

__all__ = ["add", "list_documents", "show", "table", "export", "export_all", "analyze", "demo",
           "example_corpus", "speakers", "quotes", "report", "serve", "AddReport", "DemoReport"]


def _settings(settings: Settings | None) -> Settings:
    return settings if settings is not None else load_settings()


def add(paths: str | Iterable[str], db: str | Path | None = None, settings: Settings | None = None,
        on_skip: Callable[[Skip], None] | None = None,
        on_file: Callable[[str, int], None] | None = None,
        meta: str | Path | Iterable[str | Path] | None = None, manifests: bool = True,
        on_wait: Callable[[str], None] | None = None) -> AddReport:
    """Read articles from files, folders, globs or '-' (stdin) into the store. While another
    process holds the store, waits up to `ingest.lock_wait_seconds` (`on_wait` is told why).

    `meta`: metadata files (CSV or JSON Lines keyed by file name or URL, with outlet, url,
    published, title, author, language) whose values win over what the articles say. Without it,
    a manifest.csv or metadata.csv beside the files is used unless `manifests` is False. Adding
    stored articles again with new metadata updates them (see `AddReport.metadata_lines`)."""
    if isinstance(paths, (str, Path)):
        paths = [str(paths)]
    if isinstance(meta, (str, Path)):
        meta = [meta]
    s = _settings(settings)
    with Store(db, wait=s.ingest.lock_wait_seconds, on_wait=on_wait) as store:
        return add_paths(store, [str(p) for p in paths], s.ingest,
                         on_skip=on_skip, on_file=on_file, meta=[str(m) for m in meta or ()],
                         manifests=manifests)


def list_documents(db: str | Path | None = None) -> pd.DataFrame:
    """One row per article: doc_id, outlet, published, title, language, n_words, source."""
    with Store(db, read_only=True) as store:
        return store.con.execute(
            """SELECT doc_id, outlet, published, title, language, n_words, source
               FROM documents ORDER BY published NULLS LAST, outlet NULLS LAST, doc_id""").df()


def show(doc_id: str, db: str | Path | None = None) -> dict:
    """One article (doc_id or a unique prefix of it) with its sources and paragraphs."""
    with Store(db, read_only=True) as store:
        doc = store.find_doc(doc_id)
        doc["sources"] = store.con.execute(
            "SELECT source, format, url, outlet, published FROM sources WHERE doc_id = ? ORDER BY source",
            [doc["doc_id"]]).df().to_dict("records")
        doc["paragraphs"] = store.con.execute(
            'SELECT paragraph, start, "end" FROM paragraphs WHERE doc_id = ? ORDER BY paragraph',
            [doc["doc_id"]]).df().to_dict("records")
        doc["passages"] = _passages_of(store, doc["doc_id"])
        share = store.con.execute("SELECT * FROM copied_share WHERE doc_id = ?", [doc["doc_id"]]).df()
        doc["copied_share"] = share.to_dict("records")[0] if len(share) else None
        return doc


def _passages_of(store: Store, doc_id: str) -> list[dict]:
    """The article's copied passages, each with the other articles of its cluster."""
    mine = store.con.execute(
        """SELECT cluster_id, start, "end", n_words, is_origin, origin_tie, kind
           FROM reuse WHERE doc_id = ? ORDER BY start, "end", cluster_id""", [doc_id]).df().to_dict("records")
    for p in mine:
        p["others"] = store.con.execute(
            """SELECT r.doc_id, r.outlet, r.published, r.is_origin, r.n_words, d.title
               FROM reuse r JOIN documents d USING (doc_id)
               WHERE r.cluster_id = ? AND r.doc_id <> ?
               ORDER BY r.published NULLS LAST, r.doc_id""", [p["cluster_id"], doc_id]).df().to_dict("records")
    return mine


def reuse_clusters(db: str | Path | None = None, kind: str | None = None) -> pd.DataFrame:
    """One row per cluster of copied passages, largest first: its articles, outlets, first date,
    likely origin(s) and the origin's opening words. kind: 'copy', 'series' or None for both."""
    if kind not in (None, "copy", "series"):
        raise CorroborateError(f"kind must be 'copy' or 'series', not {kind!r}")
    with Store(db, read_only=True) as store:
        return store.con.execute(
            """SELECT cluster_id, any_value(kind) AS kind, count(DISTINCT doc_id) AS articles,
                      string_agg(DISTINCT outlet, ', ' ORDER BY outlet) AS outlets,
                      min(published) AS first_published, max(published) AS last_published,
                      string_agg(DISTINCT CASE WHEN is_origin THEN doc_id END, ', ') AS origin,
                      bool_or(origin_tie) AS origin_tie, max(n_words) AS words,
                      arg_max(text, CASE WHEN is_origin THEN 1 ELSE 0 END * 1000000 + n_words) AS text
               FROM reuse WHERE ? IS NULL OR kind = ?
               GROUP BY cluster_id
               ORDER BY articles DESC, words DESC, cluster_id""", [kind, kind]).df()


def speakers(db: str | Path | None = None, settings: Settings | None = None) -> pd.DataFrame:
    """One row per speaker across articles, most quoted first: name, type, role, org, n_statements,
    n_articles, outlets, forms, entity_id. `df.attrs["stale"]` says why the table may be out of
    date (articles or settings changed since `analyze` built it), "" when it is current."""
    with Store(db, read_only=True) as store:
        df = store.con.execute(
            """SELECT name, type, role, org, n_statements, n_articles, outlets, forms, entity_id
               FROM entities ORDER BY n_statements DESC, n_articles DESC, name, entity_id""").df()
        df.attrs["stale"] = _entities_stale(store, _settings(settings))
    return df


def _entities_stale(store: Store, settings: Settings) -> str:
    """Why the stored speakers may not match the store and settings, or ""."""
    engine = DuckDBEngine(store)
    stage = stage_registry.STAGES["entities"]
    state = engine.corpus_state(stage)
    if state is None:
        return "speakers are not merged across articles yet; run `corroborate analyze`"
    if state[:2] != (stage.version, stage_digest(stage, settings)):
        return "the statement settings (or an upstream stage) changed since speakers were merged; run `corroborate analyze`"
    if state[2] != corpus_key(engine, stage)[0]:
        return "articles (or the statements they hold) changed since speakers were merged; run `corroborate analyze`"
    return ""


def quotes(speaker: str | None = None, db: str | Path | None = None) -> pd.DataFrame:
    """Statements, by date: outlet, published, speaker, entity, kind, cue, text, doc_id. With
    `speaker`, only those whose speaker's canonical name or any of its forms contains it (case
    folded); before speakers are merged, the statement's own speaker name is matched."""
    needle = " ".join((speaker or "").split()).lower()
    with Store(db, read_only=True) as store:
        return store.con.execute(
            """SELECT d.outlet, d.published, s.speaker, e.name AS entity, s.kind, s.cue, s.text, s.doc_id
               FROM statements s
               JOIN documents d USING (doc_id)
               LEFT JOIN speaker_entities se USING (statement_id)
               LEFT JOIN entities e USING (entity_id)
               WHERE ? = '' OR contains(lower(coalesce(e.name, s.speaker, '') || chr(10)
                                              || coalesce(array_to_string(e.forms, chr(10)), '')), ?)
               ORDER BY d.published NULLS LAST, d.outlet NULLS LAST, s.doc_id, s.start, s.statement_id""",
            [needle, needle]).df()


def figures(category: str | None = None, what: str | None = None,
            db: str | Path | None = None) -> pd.DataFrame:
    """Figures grouped by what they count: category, what, value, low, high, qualifier, unit,
    claimant, claimant_type, outlet, published, text, doc_id, figure_id. With `category` (killed,
    injured, ...) or `what` (part of the counted noun, any case), only those."""
    with Store(db, read_only=True) as store:
        return store.con.execute(
            """SELECT f.category, f.what, f.value, f.low, f.high, f.qualifier, f.unit, f.claimant,
                      f.claimant_type, d.outlet, d.published, f.text, f.doc_id, f.figure_id
               FROM figures f JOIN documents d USING (doc_id)
               WHERE (? = '' OR f.category = ?) AND (? = '' OR contains(lower(coalesce(f.what, '')), ?))
               ORDER BY f.category, lower(coalesce(f.what, '~')), f.value NULLS LAST, d.published NULLS LAST,
                        f.doc_id, f.start""",
            [category or "", category or "", (what or "").lower(), (what or "").lower()]).df()


def incidents(db: str | Path | None = None) -> pd.DataFrame:
    """Incidents across articles as a timeline: date, time, type, place, lat, lon, actors, killed
    and injured low/best/high, n_articles, sources (a list of dicts: doc_id, outlet, claimant,
    killed, injured, text), incident_id."""
    with Store(db, read_only=True) as store:
        df = store.con.execute(
            """SELECT date, time, type, place, lat, lon, actors, killed_low, killed_best, killed_high,
                      injured_low, injured_best, injured_high, n_articles, CAST(sources AS VARCHAR) AS sources,
                      incident_id
               FROM incidents ORDER BY date, time NULLS LAST, type, incident_id""").df()
    df["sources"] = [json.loads(s) if s else [] for s in df["sources"]]
    return df


def claims(db: str | Path | None = None, min_articles: int = 1) -> pd.DataFrame:
    """Claims, most articles first: n_articles, n_independent, n_outlets, sources, first_seen,
    text, stripped (how many articles present it as their own, crediting no one), claim_id."""
    with Store(db, read_only=True) as store:
        df = store.con.execute(
            """SELECT n_articles, n_independent, n_outlets, sources, first_seen, text,
                      coalesce(json_array_length(sourcing, '$.stripped'), 0) AS stripped, claim_id
               FROM claims WHERE n_articles >= ?
               ORDER BY n_articles DESC, n_independent DESC, first_seen, claim_id""", [min_articles]).df()
    return df


def claim(claim_id: str, db: str | Path | None = None) -> dict:
    """One claim (an id prefix is enough) with its chain in order of publication: every member with
    its article's outlet and date, who it credits and the source that counts, how it came (first,
    verbatim, paraphrase), and whether it is stripped and copied. The chain is the report's and the
    app's (`report.data.ReportData.claim`): one reading of a claim for every view."""
    from .report.data import ReportData

    with Store(db, read_only=True) as store:
        found = ReportData(store, with_text=True).claim(claim_id)
    if not found:
        raise CorroborateError(f"no claim {claim_id!r}; `corroborate claims` lists them")
    if len(found) > 1:
        raise CorroborateError(f"{claim_id!r} names {len(found)} claims; give more of the id")
    c = found[0]
    members = [{"doc_id": m["doc"], "start": m["start"], "end": m["end"], "text": m["text"],
                **{k: m[k] for k in ("outlet", "published", "attributed_to", "source", "source_name", "language",
                                     "read", "how", "copied_from", "stripped", "copied")}}
               for m in c["members"]]
    outlet_of = {m["doc_id"]: m["outlet"] for m in members}
    return {"claim_id": c["id"], "text": c["text"], "n_articles": c["articles"], "n_outlets": c["outlets"],
            "n_independent": c["independent"], "sources": c["sources"], "first_seen": c["first_seen"],
            "why": c["why"], "members": members, "sourcing": c["sourcing_all"],
            "explanation": explain(c["sourcing_all"], c["independent"], outlet_of)}


def explain(sourcing: dict, independent: int, outlet_of: dict[str, str | None] | None = None) -> list[str]:
    """Why a claim counts the independent sources it does, as lines a reader can follow."""
    outlet_of = outlet_of or {}

    def where(docs: list[str]) -> str:
        names = sorted({outlet_of.get(d) or d for d in docs})
        return ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")

    lines = []
    if sourcing.get("rule") == "credited":
        lines.append(f"{independent} independent source{'s' if independent != 1 else ''}: the distinct sources "
                     "the articles credit (a spokesperson counts as the organisation, a capital as its government)")
        for s in sourcing.get("sources", []):
            named = [n for n in s.get("named_as", []) if n != s["name"]]
            line = f"  {s['name']}: credited in {s['articles']} article{'s' if s['articles'] != 1 else ''}"
            if named:
                line += " as " + "; ".join(named[:6]) + (" …" if len(named) > 6 else "")
            if s.get("copies"):
                line += f"; {len(s['copies'])} of them only copy an earlier article's text ({where(s['copies'])})"
            lines.append(line)
        if sourcing.get("stripped"):
            lines.append(f"  not counted: {len(sourcing['stripped'])} article(s) repeat it in their own voice, "
                         f"crediting no one (attribution stripped): {where(sourcing['stripped'])}")
    elif sourcing.get("rule") in ("own voice", "other language"):
        origins = sourcing.get("origins", [])
        lines.append(f"{independent} independent source{'s' if independent != 1 else ''}: nobody is credited, so "
                     "each outlet saying it counts once, copies of one text once")
        for o in origins:
            if len(o["docs"]) > 1:
                lines.append(f"  counted once: {len(o['docs'])} articles of one outlet or copying one text: "
                             f"{where(o['docs'])}")
    not_read = sourcing.get("not_read", [])
    if not_read and sourcing.get("rule") == "credited":
        lines.append(f"  other language: {len(not_read)} article(s) in another language also say it "
                     f"({where(not_read)}); who they credit is not matched to these sources, so they count as none")
    elif not_read:
        lines.append(f"  other language: {len(not_read)} of them in another language ({where(not_read)}): "
                     "who they credit is not matched to sources across languages")
    unresolved = sourcing.get("unresolved", [])
    if unresolved:
        speakers = sorted({u["speaker"] for u in unresolved})
        lines.append(f"  unresolved: {len(unresolved)} member(s) credit a speaker the article never names "
                     f"({'; '.join(speakers[:6])}): counted as no source")
    return lines


def table(name: str, db: str | Path | None = None) -> pd.DataFrame:
    """A whole table of the store."""
    with Store(db, read_only=True) as store:
        return store.frame(name)


def export(table_name: str, out: str | Path, format: str = "jsonl", db: str | Path | None = None) -> int:
    """Write one table to a file ('-' for stdout) as jsonl, csv or parquet; returns its rows."""
    with Store(db, read_only=True) as store:
        return export_table(store, table_name, out, format)


def export_all(out_dir: str | Path, db: str | Path | None = None) -> dict[str, tuple[Path, int]]:
    """Every table as out_dir/<table>.jsonl; returns {table: (path, rows)}."""
    with Store(db, read_only=True) as store:
        return _export_all(store, out_dir)


def status(db: str | Path | None = None, settings: Settings | None = None) -> dict:
    """Where the store stands: articles and files, each stage's state under the current settings
    (articles up to date, to run, waiting for an earlier stage; a corpus stage's last run), the
    articles a stage failed on and the inputs `add` could not read."""
    s = _settings(settings)
    with Store(db, read_only=True) as store:
        engine = DuckDBEngine(store)
        n_docs = store.count("documents")
        stages = []
        for stage in stage_registry.select(None, None):
            digest = stage_digest(stage, s)
            if isinstance(stage, stage_registry.CorpusStage):
                state = engine.corpus_state(stage)
                current = state == (stage.version, digest, corpus_key(engine, stage)[0])
                stages.append({"stage": stage.name, "kind": "corpus", "up_to_date": n_docs if current else 0,
                               "to_run": 0 if current else n_docs, "waiting": 0,
                               "last_run": None if state is None else "current" if current else "out of date"})
                continue
            todo, current = engine.pending(stage, digest)
            stages.append({"stage": stage.name, "kind": "article", "up_to_date": current, "to_run": len(todo),
                           "waiting": n_docs - current - len(todo), "last_run": None})
        errors = store.con.execute(
            """SELECT e.stage, e.doc_id, e.version, e.error, e.failed_at, d.source, d.title
               FROM stage_errors e LEFT JOIN documents d USING (doc_id) ORDER BY e.stage, e.doc_id""").df()
        skipped = store.con.execute("SELECT source, reason, detail, skipped_at FROM skipped_inputs "
                                    "ORDER BY reason, source").df()
        return {"db": str(store.path), "articles": n_docs, "files": store.count("ingested_files"),
                "stages": stages, "errors": errors, "skipped": skipped}


def analyze(db: str | Path | None = None, only: str | None = None, until: str | None = None,
            force: bool = False, settings: Settings | None = None,
            on_batch: Callable[[str, int, int], None] | None = None,
            on_wait: Callable[[str], None] | None = None, engine: str = "duckdb", master: str = "local[2]",
            spark_work: str | Path | None = None) -> pd.DataFrame:
    """Run the analysis stages on new or changed articles; one result row per stage. While another
    process holds the store, waits up to `ingest.lock_wait_seconds` (`on_wait` is told why).
    engine "spark" runs the per-article stages on Apache Spark (`master`, `spark_work`:
    corroborate.engines.spark); the results are the same."""
    if engine not in ("duckdb", "spark"):
        raise CorroborateError(f"unknown engine {engine!r}: use duckdb or spark")
    chosen = stage_registry.select(only, until)
    s = _settings(settings)
    with Store(db, wait=s.ingest.lock_wait_seconds, on_wait=on_wait) as store:
        if engine == "spark":
            from .engines.spark import SparkEngine

            runner = SparkEngine(store, master=master, work=spark_work)
        else:
            runner = DuckDBEngine(store)
        results = run_stages(runner, chosen, s, force=force,
                             batch_size=s.ingest.batch_size, on_batch=on_batch)
    return pd.DataFrame([{"stage": r.stage, "version": r.version, "processed": r.processed,
                          "up_to_date": r.up_to_date,
                          "rows": ", ".join(f"{t}: {n}" for t, n in r.rows.items()),
                          "note": r.note} for r in results])


def example_corpus() -> Path:
    """The bundled example corpus: examples/corpus in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_examples" / "corpus", here.parents[1] / "examples" / "corpus"):
        if candidate.is_dir():
            return candidate
    raise CorroborateError("the example corpus is not installed; run from a source checkout "
                           "(pip install -e .) or pass your own folder to `corroborate add`")


def example_settings(settings: Settings | None = None) -> Settings:
    """Settings for the example corpus: its invented places come from examples/places.toml unless
    a place alias file is already set."""
    settings = _settings(settings)
    places = example_corpus().parent / "places.toml"
    if settings.facts.place_aliases or not places.exists():
        return settings
    return dataclasses.replace(settings, facts=dataclasses.replace(settings.facts, place_aliases=str(places)))


def report(out: str | Path = "report.html", db: str | Path | None = None,
           title: str = "corroborate report"):
    """Write the store's report: one self-contained HTML file (returns a ReportStats)."""
    from .report import build_report

    return build_report(db, out, title=title)


def serve(db: str | Path | None = None, port: int = 8000, title: str = "corroborate") -> None:
    """Serve the web app on 127.0.0.1:port, the store opened read-only, until interrupted."""
    from .server import serve as _serve

    _serve(db, port=port, title=title)


@dataclass
class DemoReport:
    added: AddReport
    stages: pd.DataFrame
    exports: dict[str, tuple[Path, int]]
    db: Path
    report: Path


def demo(out_dir: str | Path = "demo-output", settings: Settings | None = None,
         on_skip: Callable[[Skip], None] | None = None) -> DemoReport:
    """Ingest the example corpus into out_dir/corroborate.duckdb, analyse it, export every table and
    write out_dir/report.html."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    db = out / "corroborate.duckdb"
    settings = example_settings(settings)
    added = add([str(example_corpus())], db=db, settings=settings, on_skip=on_skip)
    stages = analyze(db=db, settings=settings)
    exports = export_all(out / "exports", db=db)
    page = report(out / "report.html", db=db, title="corroborate report: the example corpus").path
    return DemoReport(added, stages, exports, db, page)
