"""No article prose is lost at ingest, in any script: every line of Kakhovka's and dev's files
that holds prose (eight words or more, after a ` date YYYY-MM-DD ` prefix the scrape put before
it) is in the stored text, word for word. What ingest may drop is named here (_NOT_PROSE): a
wire's credit line, a time stamp, a byline; shorter header lines go too."""
from __future__ import annotations

import re

import pytest

from corroborate import api

from conftest import SHARED

CORPORA = [SHARED / "kakhovka" / "corpus", SHARED / "dev" / "corpus"]
_DATE_PREFIX = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")
# The lines ingest may drop however long they are: a wire's credit line, a time stamp, a byline.
_NOT_PROSE = re.compile(r"^\s*(?:\((?:Reporting|Writing|Editing|Additional reporting)\b.*\)"
                        r"|(?:Published|Updated|Last updated|Posted)\b.*\d.*|By [A-Z][^.]{0,80})\s*$")
_WORD = re.compile(r"\w+")


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.parent.name)
def test_every_line_of_prose_is_stored_in_every_script(corpus, tmp_path):
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is not beside the repository")
    db = tmp_path / "store.duckdb"
    api.add([str(corpus)], db=db, manifests=False)
    docs = api.table("documents", db=db)
    stored = {str(source).rsplit("/", 1)[-1]: set(_WORD.findall(text)) for source, text in zip(docs["source"], docs["text"])}
    lost = {}
    for path in sorted(corpus.iterdir()):
        words = stored.get(path.name)
        assert words is not None, f"{path.name} was not stored"
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = _DATE_PREFIX.sub("", line)
            prose = _WORD.findall(line)
            if len(prose) >= 8 and not _NOT_PROSE.match(line):
                missing = [w for w in prose if w not in words]
                if missing:
                    lost[path.name] = missing[:8]
    assert not lost, lost
