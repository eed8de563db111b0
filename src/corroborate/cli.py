"""The `corroborate` command: a thin typer layer over `corroborate.api`.

Each command parses its options, calls one API function and prints the result. A mistake the user
can fix is one line on stderr (exit 2); anything unexpected is one line too, with the traceback only
under --debug (exit 1).
"""
from __future__ import annotations

import functools
import traceback
from dataclasses import dataclass, field
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from . import api
from .errors import CorroborateError
from .settings import load_settings
from .store import default_db

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Who said what, who repeated it, and what is independently confirmed.")
# soft_wrap: a message is one line however narrow the terminal, so it can be grepped.
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


@dataclass
class Context:
    db: str = field(default_factory=default_db)
    config: Optional[str] = None
    overrides: list[str] = field(default_factory=list)
    debug: bool = False

    def settings(self):
        return load_settings(self.config, self.overrides)


STATE = Context()


def handled(fn):
    """Turn exceptions into one clear line and an exit status."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except CorroborateError as exc:
            if STATE.debug:
                traceback.print_exc()
            err.print(Text(safe(f"error: {exc}"), style="red"))
            raise typer.Exit(2)
        except KeyboardInterrupt:
            err.print("interrupted; run the same command again to finish")
            raise typer.Exit(130)
        except BrokenPipeError:  # `corroborate list | head`: the reader has gone, nothing to say
            import os
            import sys
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0)
        except Exception as exc:  # the CLI's last line of defence
            if STATE.debug:
                traceback.print_exc()
            err.print(Text(safe(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)"),
                           style="red"))
            raise typer.Exit(1)
    return wrapper


@app.callback()
def main_options(
    db: str = typer.Option(default_db(), "--db", help="The store file (DuckDB).", envvar="CORROBORATE_DB"),
    config: Optional[str] = typer.Option(None, "--config", help="A settings TOML file (default ./corroborate.toml)."),
    set_: List[str] = typer.Option([], "--set", help="Override a setting: section.key=value (repeatable)."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
):
    STATE.db, STATE.config, STATE.overrides, STATE.debug = db, config, list(set_), debug


def _progress() -> Progress:
    return Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True,
                    disable=not err.is_terminal)


# What a terminal would act on rather than show: control characters (ESC opens colour, cursor,
# title and link sequences; BEL ends them) and bidirectional overrides that reorder what follows.
# Article text, titles, outlets and file names are hostile input. Each such character becomes one
# visible U+FFFD, so a sequence is shown, never run, and offsets into the text still hold.
_UNSAFE = {c: "\ufffd" for c in [*range(0x00, 0x20), 0x7f, *range(0x80, 0xa0), *range(0x202a, 0x202f),
                                   *range(0x2066, 0x206a)]}
_ONE_LINE = {**_UNSAFE, ord("\t"): " ", ord("\n"): " ", ord("\r"): " "}
_LINES = {**_UNSAFE, ord("\t"): " ", ord("\n"): "\n"}


def safe(text: str, lines: bool = False) -> str:
    """Text as a terminal shows it, never acts on it (see _UNSAFE): on one line, tabs and line
    breaks made spaces (a row stays a row, a TSV cell one cell), or with its line breaks kept."""
    return text.translate(_LINES if lines else _ONE_LINE)


def _cell(value) -> str:
    """A table cell: empty for missing values (None, NaN, NaT) instead of 'nan'; safe to print."""
    import pandas as pd

    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else safe(str(value))


def _print_wait(why: str) -> None:
    err.print(Text(safe(why), style="yellow"))


def _print_skip(skip) -> None:
    err.print(Text(f"skipped {safe(skip.message())}", style="yellow"))


@app.command()
@handled
def add(paths: List[str] = typer.Argument(..., help="Files, folders (read recursively), globs, or - for stdin."),
        meta: List[str] = typer.Option([], "--meta", metavar="FILE",
                                       help="A CSV or JSON Lines file of the articles' metadata, keyed by file "
                                            "name or URL: outlet, url, published, title, author, language "
                                            "(repeatable). Its values win over what the articles say."),
        no_manifest: bool = typer.Option(False, "--no-manifest",
                                         help="Do not use a manifest.csv / metadata.csv found beside the files.")):
    """Add articles to the store: txt, html, jsonl/json, csv and warc files.

    A manifest.csv or metadata.csv in a folder being added or its parent is used as --meta. Adding stored articles again with new metadata updates them; `analyze` then redoes what reads it."""
    settings = STATE.settings()
    with _progress() as progress:
        task = progress.add_task("reading", total=None)
        report = api.add(paths, db=STATE.db, settings=settings, on_skip=_print_skip,
                         on_file=lambda path, size: progress.advance(task), meta=meta,
                         manifests=not no_manifest, on_wait=_print_wait)
    for warning in report.warnings:
        err.print(Text(safe(warning), style="yellow"))
    for note in report.notes[:20]:
        err.print(Text(safe(note), style="dim"))
    if len(report.notes) > 20:
        err.print(Text(f"... and {len(report.notes) - 20} more notes", style="dim"))
    out.print(Text(f"{STATE.db}: {safe(report.summary())}"))
    for line in report.metadata_lines():
        out.print(Text(safe(line)))
    if not report.read_anything:
        raise typer.Exit(1)


@app.command()
@handled
def status():
    """Where the store stands: articles, each stage up to date or not, articles a stage failed on."""
    st = api.status(db=STATE.db, settings=STATE.settings())
    out.print(Text(safe(f"{st['db']}: {st['articles']} articles from {st['files']} files")))
    table = Table("stage", "up to date", "to run", "waiting", box=None)
    for row in st["stages"]:
        waiting = str(row["waiting"]) if row["kind"] == "article" else ""
        table.add_row(row["stage"], str(row["up_to_date"]), str(row["to_run"]), waiting)
    out.print(table)
    errors, skipped = st["errors"], st["skipped"]
    if not len(errors):
        out.print("no article failed in any stage")
    else:
        out.print(Text(f"{len(errors)} article(s) failed; `analyze` tries them again:", style="yellow"))
        for row in errors.itertuples():
            out.print(Text(f"  {row.stage}  {row.doc_id}  {_cell(row.source)}  {_cell(row.error)[:200]}"))
    if not len(skipped):
        out.print("no input skipped")
        return
    counts = skipped["reason"].value_counts().sort_index()
    out.print(Text(f"{len(skipped)} input(s) skipped: " + ", ".join(f"{n} {_cell(r)}" for r, n in counts.items()),
                   style="yellow"))
    for row in skipped.head(50).itertuples():
        detail = f" ({_cell(row.detail)})" if _cell(row.detail) else ""
        out.print(Text(f"  {_cell(row.source)}: {_cell(row.reason)}{detail}"))
    if len(skipped) > 50:
        out.print(f"  ... and {len(skipped) - 50} more (export the skipped_inputs table for all)")


@app.command("list")
@handled
def list_(limit: int = typer.Option(0, help="Show at most this many (0: all).")):
    """List the stored articles: outlet, date, title, words."""
    df = api.list_documents(db=STATE.db)
    shown = df if limit <= 0 else df.head(limit)
    if not out.is_terminal:
        # Piped output: whole values, tab-separated, for grep and cut.
        for row in shown.itertuples():
            print("\t".join([row.doc_id, _cell(row.outlet), _cell(row.published)[:10], _cell(row.title),
                             _cell(row.language), str(row.n_words)]))
        return
    table = Table("doc_id", "outlet", "published", "title", "lang", "words", box=None)
    for column in table.columns:
        column.no_wrap, column.overflow = True, "ellipsis"
    for row in shown.itertuples():
        table.add_row(row.doc_id, Text(_cell(row.outlet)), _cell(row.published)[:10],
                      Text(_cell(row.title)[:70]), _cell(row.language), str(row.n_words))
    out.print(table)
    out.print(f"{len(df)} articles")


@app.command()
@handled
def show(doc_id: str = typer.Argument(..., help="A doc_id or a unique prefix of one.")):
    """Show one article with its metadata, sources and text."""
    doc = api.show(doc_id, db=STATE.db)
    meta = Table(box=None, show_header=False)
    for key in ("doc_id", "outlet", "title", "author", "published", "updated", "language", "dateline",
                "url", "n_words"):
        value = doc.get(key)
        if value is not None and str(value) not in ("", "NaT", "nan", "None"):
            meta.add_row(key, Text(safe(str(value)[:10] if key in ("published", "updated") else str(value))))
    out.print(meta)
    for src in doc["sources"]:
        out.print(Text(safe(f"source: {src['source']} ({src['format']})"), style="dim"))
    share = doc.get("copied_share")
    if share and share["shared_words"]:
        out.print(Text(f"copied: {share['copied_share']:.0%} of its words appeared earlier in another outlet; "
                       f"{share['shared_share']:.0%} are shared with other outlets"))
    out.print()
    out.print(_marked_text(safe(doc["text"], lines=True), doc["passages"]))  # same length: offsets hold
    for number, p in enumerate(doc["passages"], 1):
        origin = " (likely origin" + (", tied" if p["origin_tie"] else "") + ")" if p["is_origin"] else ""
        what = "copied passage" if p["kind"] == "copy" else "repeated by the same outlet"
        out.print(Text(f"[{number}] characters {p['start']}-{p['end']}, {p['n_words']} words, {what}{origin}, "
                       f"cluster {p['cluster_id']}; also in:", style="bold"))
        for o in p["others"]:
            mark = " (likely origin)" if o["is_origin"] else ""
            out.print(Text(f"    {o['doc_id']}  {_cell(o['outlet'])}  {_cell(o['published'])[:10]}  "
                           f"{_cell(o['title'])[:60]}{mark}"))


# Styles cycled over the passages of one article in `show`.
_PASSAGE_STYLES = ("black on bright_yellow", "black on bright_cyan", "black on bright_green", "black on bright_magenta")


def _marked_text(text: str, passages: list[dict]) -> Text:
    """The article text with each copied passage between ⟦n and n⟧ (visible when piped) and
    highlighted on a terminal. Built with Text(), so article text is never read as markup."""
    marks = []  # (offset, order, marker): ends before starts at one offset, so markers nest
    for number, p in enumerate(passages, 1):
        marks.append((p["start"], 1, f"⟦{number} ", number))
        marks.append((p["end"], 0, f" {number}⟧", number))
    result, cursor, open_at = Text(), 0, {}
    for offset, _, marker, number in sorted(marks, key=lambda m: (m[0], m[1], m[3])):
        result.append(text[cursor:offset])
        cursor = offset
        result.append(marker, style="bold")
        if marker.startswith("⟦"):
            open_at[number] = len(result.plain)
        else:
            style = _PASSAGE_STYLES[(number - 1) % len(_PASSAGE_STYLES)]
            result.stylize(style, open_at.pop(number), len(result.plain) - len(marker))
    result.append(text[cursor:])
    return result


@app.command()
@handled
def reuse(
    kind: Optional[str] = typer.Option(None, "--kind", help="copy (across outlets) or series (one outlet repeating itself); default both."),
    limit: int = typer.Option(50, help="Show at most this many clusters (0: all)."),
):
    """List clusters of copied passages, largest first, with outlets, dates and the likely origin."""
    df = api.reuse_clusters(db=STATE.db, kind=kind)
    shown = df if limit <= 0 else df.head(limit)
    if not out.is_terminal:
        for row in shown.itertuples():
            print("\t".join([row.cluster_id, row.kind, str(row.articles), _cell(row.first_published)[:10],
                             _cell(row.last_published)[:10], _cell(row.origin) + (" (tie)" if row.origin_tie else ""),
                             _cell(row.outlets), str(row.words), " ".join(_cell(row.text).split())[:200]]))
        return
    table = Table("cluster", "kind", "articles", "first", "last", "origin", "outlets", "words", "opening", box=None)
    for row in shown.itertuples():
        table.add_row(row.cluster_id, row.kind, str(row.articles), _cell(row.first_published)[:10],
                      _cell(row.last_published)[:10],
                      Text(_cell(row.origin) + (" (tie)" if row.origin_tie else "")), Text(_cell(row.outlets)),
                      str(row.words), Text(" ".join(_cell(row.text).split())[:80]))
    out.print(table)
    out.print(f"{len(df)} clusters" + (f", {len(shown)} shown" if len(shown) < len(df) else ""))


def _joined(values, sep: str = "; ") -> str:
    """A list cell (outlets, forms) as one string."""
    return "" if values is None or isinstance(values, float) else safe(sep.join(str(v) for v in values))


def _one_line(text) -> str:
    return " ".join(_cell(text).split())


@app.command()
@handled
def speakers(limit: int = typer.Option(50, help="Show at most this many speakers (0: all).")):
    """List who is quoted across articles, most quoted first: how often, in how many articles, by which outlets."""
    df = api.speakers(db=STATE.db, settings=STATE.settings())
    if df.attrs.get("stale"):
        err.print(Text(safe(df.attrs["stale"]), style="yellow"))
    shown = df if limit <= 0 else df.head(limit)
    if not out.is_terminal:
        for row in shown.itertuples():
            print("\t".join([row.entity_id, _cell(row.name), row.type, str(row.n_statements), str(row.n_articles),
                             _joined(row.outlets), _joined(row.forms), _one_line(row.role), _one_line(row.org)]))
        return
    table = Table("statements", "articles", "speaker", "type", "outlets", "also named", box=None)
    for column in table.columns[:2] + table.columns[3:4]:
        column.no_wrap = True  # counts and type stay whole; names and outlets wrap
    for row in shown.itertuples():
        others = [f for f in row.forms if f != row.name]
        table.add_row(str(row.n_statements), str(row.n_articles), Text(_cell(row.name)[:50]), row.type,
                      Text(_joined(row.outlets, ", ")), Text(_joined(others)))
    out.print(table)
    out.print(f"{len(df)} speakers" + (f", {len(shown)} shown" if len(shown) < len(df) else ""))


@app.command()
@handled
def quotes(
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Only this speaker: part of a name or of any form of it, any case."),
    limit: int = typer.Option(0, help="Show at most this many statements (0: all)."),
):
    """List statements by date: outlet, speaker, kind and what was said."""
    df = api.quotes(speaker, db=STATE.db)
    shown = df if limit <= 0 else df.head(limit)
    if not out.is_terminal:
        for row in shown.itertuples():
            print("\t".join([_cell(row.published)[:10], _cell(row.outlet), _cell(row.speaker), _cell(row.entity),
                             row.kind, _one_line(row.cue), _one_line(row.text), row.doc_id]))
        return
    table = Table("published", "outlet", "speaker", "kind", "said", "doc_id", box=None)
    for column in table.columns:
        column.no_wrap, column.overflow = column.header != "said", "ellipsis"
    for row in shown.itertuples():
        table.add_row(_cell(row.published)[:10], Text(_cell(row.outlet)), Text(_cell(row.speaker)), row.kind,
                      Text(_one_line(row.text)[:120]), row.doc_id)
    out.print(table)
    out.print(f"{len(df)} statements" + (f", {len(shown)} shown" if len(shown) < len(df) else "")
              + ("" if len(df) or not speaker else "; `corroborate speakers` lists who is quoted"))


def _number(value) -> str:
    """A figure for display: 1,250 / 7.8 / empty."""
    text = _cell(value)
    if not text:
        return ""
    v = float(value)
    return f"{int(v):,}" if v.is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def _range(low, high) -> str:
    lo, hi = _number(low), _number(high)
    if lo == hi:
        return lo
    return f"{lo or '…'}–{hi or '…'}"


@app.command()
@handled
def figures(
    category: Optional[str] = typer.Option(None, "--category", "-c", help="Only this category: killed, injured, missing, detained, displaced, evacuated, weapons, money, duration, measure, casualties, other."),
    what: Optional[str] = typer.Option(None, "--what", "-w", help="Only figures counting this (part of the counted noun, any case)."),
    limit: int = typer.Option(0, help="Show at most this many figures (0: all)."),
):
    """List figures grouped by what they count, with their bounds and who claims each."""
    df = api.figures(category, what, db=STATE.db)
    shown = df if limit <= 0 else df.head(limit)
    if not out.is_terminal:
        for row in shown.itertuples():
            print("\t".join([row.category, _one_line(row.what), _number(row.value), _number(row.low), _number(row.high),
                             _one_line(row.claimant), row.claimant_type, _one_line(row.outlet), _cell(row.published)[:10],
                             _one_line(row.text), row.doc_id]))
        return
    table = Table("category", "what", "figure", "range", "claimant", "outlet", "as written", box=None)
    for column in table.columns:
        column.overflow = "ellipsis"
    previous = None
    for row in shown.itertuples():
        group = (row.category, _cell(row.what).lower())
        if previous is not None and group != previous:
            table.add_section()
        first = group != previous
        previous = group
        claimant = _cell(row.claimant) + (" (outlet)" if row.claimant_type == "outlet" else "")
        table.add_row(row.category if first else "", Text(_cell(row.what)) if first else "",
                      _number(row.value), _range(row.low, row.high), Text(claimant), Text(_cell(row.outlet)),
                      Text(_one_line(row.text)[:60]))
    out.print(table)
    out.print(f"{len(df)} figures" + (f", {len(shown)} shown" if len(shown) < len(df) else ""))


def _claimants(sources) -> str:
    names = {_one_line(s.get("claimant")) or _one_line(s.get("outlet")) for s in sources}
    return "; ".join(sorted(n for n in names if n))


@app.command()
@handled
def incidents(limit: int = typer.Option(0, help="Show at most this many incidents (0: all).")):
    """List incidents as a timeline: when, what, where, killed and injured (low/best/high), sources."""
    df = api.incidents(db=STATE.db)
    shown = df if limit <= 0 else df.head(limit)
    if not out.is_terminal:
        for row in shown.itertuples():
            claimants = _claimants(row.sources)
            print("\t".join([_cell(row.date)[:10], _cell(row.time), row.type, _one_line(row.place),
                             _number(row.killed_low), _number(row.killed_best), _number(row.killed_high),
                             _number(row.injured_low), _number(row.injured_best), _number(row.injured_high),
                             str(row.n_articles), claimants, row.incident_id]))
        return
    table = Table("date", "time", "type", "place", "killed", "injured", "articles", "claimants", box=None)
    for column in table.columns:
        column.overflow = "ellipsis"
    for row in shown.itertuples():
        claimants = _claimants(row.sources)
        killed = _range(row.killed_low, row.killed_high) + (f" (best {_number(row.killed_best)})"
                                                              if _cell(row.killed_best) and row.killed_low != row.killed_high else "")
        injured = _range(row.injured_low, row.injured_high) + (f" (best {_number(row.injured_best)})"
                                                                 if _cell(row.injured_best) and row.injured_low != row.injured_high else "")
        table.add_row(_cell(row.date)[:10], _cell(row.time), row.type, Text(_cell(row.place)), killed, injured,
                      str(row.n_articles), Text(claimants))
    out.print(table)
    out.print(f"{len(df)} incidents" + (f", {len(shown)} shown" if len(shown) < len(df) else ""))


@app.command("claims")
@handled
def claims_(
    min_articles: int = typer.Option(2, help="Only claims carried by at least this many articles."),
    limit: int = typer.Option(50, help="Show at most this many claims (0: all)."),
):
    """List claims by how many articles carry them, with the number of independent sources beside."""
    df = api.claims(db=STATE.db, min_articles=min_articles)
    shown = df if limit <= 0 else df.head(limit)
    if not out.is_terminal:
        for row in shown.itertuples():
            print("\t".join([str(row.n_articles), str(row.n_independent), str(row.n_outlets),
                             _joined(row.sources), _cell(row.first_seen)[:10],
                             str(row.stripped), _one_line(row.text), row.claim_id]))
        return
    table = Table("articles", "independent", "sources", "stripped", "first seen", "claim", "id", box=None)
    for column in table.columns:
        column.overflow = "ellipsis"
    for row in shown.itertuples():
        table.add_row(str(row.n_articles), str(row.n_independent),
                      Text(_joined(row.sources)),
                      str(row.stripped), _cell(row.first_seen)[:10], Text(_one_line(row.text)[:90]), row.claim_id[:10])
    out.print(table)
    out.print(f"{len(df)} claims in {min_articles}+ articles" + (f", {len(shown)} shown" if len(shown) < len(df) else ""))


def _credit(m: dict) -> str:
    """Who a claim member credits, and the source that counts ("Dmitry Peskov -> Kremlin")."""
    speaker = _one_line(m.get("attributed_to"))
    if not speaker and m.get("read") is False:
        return f"({_one_line(m.get('language')) or 'another language'}: source not matched)"
    if not speaker:
        return "(own voice)"
    if not m.get("source"):
        return f"{speaker} (unresolved)"
    name = _one_line(m.get("source_name"))
    return f"{speaker} -> {name}" if name and name != speaker else speaker


@app.command("claim")
@handled
def claim_(claim_id: str = typer.Argument(..., help="A claim id, or the start of one.")):
    """Show one claim's chain: who said it first, who repeated it, verbatim or not, attributed or not."""
    c = api.claim(claim_id, db=STATE.db)
    # how each member came (first, verbatim, paraphrase: as the report's chain says it), and
    # whether it is stripped (own voice where others credit a source), its text copied
    rows = [(_cell(m["published"])[:10], _one_line(m["outlet"]), _credit(m), m["how"],
             ("stripped, copied" if m["copied"] else "stripped") if m["stripped"] else "", _one_line(m["text"]),
             m["doc_id"]) for m in c["members"]]
    if not out.is_terminal:
        for line in c["explanation"]:
            err.print(Text(safe(line)))  # the rows stay one member a line on stdout
        for r in rows:
            print("\t".join(r))
        return
    out.print(Text(safe(c["text"])))
    out.print(Text(safe(f"{c['n_articles']} articles, {c['n_outlets']} outlets, {c['n_independent']} independent "
                        "source(s): " + ("; ".join(c["sources"]) or "none credited")
                        + (f"; joined by {', '.join(c['why'])}" if c["why"] else ""))))
    for line in c["explanation"]:
        out.print(Text(safe(line)))
    table = Table("published", "outlet", "attributed to", "how", "", "text", "doc_id", box=None)
    for column in table.columns:
        column.overflow = "ellipsis"
    for r in rows:
        table.add_row(r[0], Text(r[1]), Text(r[2]), r[3], r[4], Text(r[5][:80]), r[6])
    out.print(table)


@app.command()
@handled
def export(
    table: Optional[str] = typer.Argument(None, help="The table to export (see docs/schema.md)."),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or parquet."),
    out_path: str = typer.Option(..., "--out", "-o", help="File to write, - for stdout; a folder with --all."),
    all_: bool = typer.Option(False, "--all", help="Write every table as OUT/<table>.jsonl."),
):
    """Export a table, or every table with --all."""
    if all_:
        written = api.export_all(out_path, db=STATE.db)
        for name, (path, rows) in written.items():
            err.print(f"{rows:>8} rows  {path}")
        return
    if not table:
        raise CorroborateError("name a table to export, or use --all")
    rows = api.export(table, out_path, format=format, db=STATE.db)
    if out_path != "-":
        err.print(f"{rows} rows written to {out_path}")


@app.command()
@handled
def analyze(
    only: Optional[str] = typer.Option(None, "--only", help="Run only this stage."),
    until: Optional[str] = typer.Option(None, "--until", help="Stop after this stage."),
    force: bool = typer.Option(False, "--force", help="Rerun on every article, not only new or changed ones."),
    engine: str = typer.Option("duckdb", "--engine", help="duckdb (this process) or spark (the per-article "
                               "stages on Apache Spark; needs the spark extra and Java 17+)."),
    master: str = typer.Option("local[2]", "--master", help="The Spark master URL with --engine spark "
                               "(local[N], spark://host:7077, yarn, k8s://...)."),
    spark_work: Optional[str] = typer.Option(None, "--spark-work", help="With --engine spark: the folder for the "
                                             "stages' Parquet files (shared by every executor on a cluster); "
                                             "default beside the store."),
):
    """Run the analysis stages on new or changed articles."""
    with _progress() as progress:
        tasks = {}

        def on_batch(stage, done, total):
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total)
            progress.update(tasks[stage], completed=done)

        df = api.analyze(db=STATE.db, only=only, until=until, force=force, settings=STATE.settings(),
                         on_batch=on_batch, on_wait=_print_wait, engine=engine, master=master,
                         spark_work=spark_work)
    for row in df.itertuples():
        out.print(f"{row.stage} v{row.version}: {row.processed} processed, {row.up_to_date} up to date"
                  + (f" ({row.rows})" if row.processed else ""))
        if row.note:
            out.print(f"  {row.note}")


@app.command()
@handled
def report(
    out_path: str = typer.Option("report.html", "--out", "-o", help="The HTML file to write."),
    title: str = typer.Option("corroborate report", help="The report's title."),
):
    """Write one self-contained HTML report of the store (opens offline, from disk)."""
    stats = api.report(out_path, db=STATE.db, title=title)
    out.print(Text(f"wrote {stats.path} ({stats.bytes / 1e6:.1f} MB, {stats.articles} articles, "
                   f"{stats.seconds:.1f} s); open it in a browser"))


@app.command()
@handled
def serve(port: int = typer.Option(8000, help="The port on 127.0.0.1 to listen on.")):
    """Serve the views as a local web app on 127.0.0.1, the store opened read-only."""
    out.print(Text(f"serving {STATE.db} at http://127.0.0.1:{port}/ (Ctrl-C stops)"))
    api.serve(db=STATE.db, port=port)


@app.command()
@handled
def demo(out_dir: str = typer.Option("demo-output", "--out", "-o", help="Folder for the store and exports.")):
    """Ingest, analyse and export the bundled example corpus."""
    report = api.demo(out_dir, settings=STATE.settings(), on_skip=_print_skip)
    out.print(f"example corpus: {api.example_corpus()}")
    out.print(f"store: {report.db}: {report.added.summary()}")
    for row in report.stages.itertuples():
        out.print(f"stage {row.stage}: {row.processed} processed, {row.up_to_date} up to date")
    out.print("wrote:")
    for name, (path, rows) in report.exports.items():
        out.print(f"  {path}  ({rows} rows)")
    out.print(f"  {report.report}  (the report: open it in a browser)")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
