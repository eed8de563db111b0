"""Tables out of the store as JSON Lines, CSV or Parquet, in the schema's column order."""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from .errors import CorroborateError
from .schema import TABLES
from .store import Store

FORMATS = {"jsonl": "(FORMAT JSON)", "csv": "(FORMAT CSV, HEADER)", "parquet": "(FORMAT PARQUET)"}


def _select(table: str, fmt: str) -> str:
    t = TABLES.get(table)
    if t is None:
        raise CorroborateError(f"no table {table!r}; tables: {', '.join(TABLES)}")
    # Binary columns (the stored parses) go to Parquet only; JSON and CSV would carry them as
    # escaped bytes no reader wants.
    cols = ", ".join(_column(c.name, c.type, fmt) for c in t.columns if fmt == "parquet" or c.type != "BLOB")
    names = {c.name for c in t.columns}
    # Rows that point into an article (statements, figures, places...) come in reading order:
    # an article's rows by their offsets, so a reader of the file (and a scorer pairing equal
    # figures) meets them as the article does. The key breaks ties, so the order stays total.
    lead = [k for k in ("doc_id", "start", "end") if {"doc_id", "start", "end"} <= names]
    order = ", ".join(f'"{k}"' for k in lead + [k for k in t.key if k not in lead])
    return f'SELECT {cols} FROM "{table}" ORDER BY {order}'


# A cell a spreadsheet would run as a formula: it opens with =, +, -, @, a tab or a return.
_FORMULA = r"^[=+\-@\t\r]"


def _column(name: str, type_: str, fmt: str) -> str:
    """A column as selected for `fmt`. In CSV, text a spreadsheet would run as a formula (an
    article title "=HYPERLINK(...)") gets a leading apostrophe, as the report's CSV download
    does: article text is hostile input."""
    if fmt != "csv" or type_ not in ("VARCHAR", "JSON"):
        return f'"{name}"'
    text = f'CAST("{name}" AS VARCHAR)'
    return f"CASE WHEN regexp_matches({text}, '{_FORMULA}') THEN '''' || {text} ELSE {text} END AS \"{name}\""


def export_table(store: Store, table: str, out: str | Path, fmt: str = "jsonl") -> int:
    """Write one table to `out` ('-' for stdout); returns the number of rows."""
    if fmt not in FORMATS:
        raise CorroborateError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    query = _select(table, fmt)
    if str(out) == "-":
        # DuckDB writes to files only, so stdout gets a temporary file's bytes.
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{table}.{fmt}"
            store.con.execute(f"COPY ({query}) TO '{path}' {FORMATS[fmt]}")
            with open(path, "rb") as fh:
                shutil.copyfileobj(fh, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    else:
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        store.con.execute(f"COPY ({query}) TO '{_sql_path(path)}' {FORMATS[fmt]}")
    return store.count(table)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def export_all(store: Store, out_dir: str | Path) -> dict[str, tuple[Path, int]]:
    """Every table as `out_dir/<table>.jsonl`, the layout the evaluation scorer reads."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in TABLES:
        path = out / f"{table}.jsonl"
        written[table] = (path, export_table(store, table, path, "jsonl"))
    return written
