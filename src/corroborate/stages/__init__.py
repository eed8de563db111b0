"""The analysis stages, in the order `corroborate analyze` runs them."""
from __future__ import annotations

from typing import Iterable

from ..errors import CorroborateError
from .base import CorpusStage, Stage
from .claims import Claims
from .entities import Entities
from .facts import Facts
from .incidents import Incidents
from .paragraphs import Paragraphs
from .parse import Parse
from .propositions import Propositions
from .reuse import Reuse
from .statements import Statements

STAGES: dict[str, Stage | CorpusStage] = {s.name: s for s in (Paragraphs(), Reuse(), Parse(), Statements(),
                                                                  Entities(), Propositions(), Facts(), Incidents(),
                                                                  Claims())}


def affected_by(columns: Iterable[str]) -> list[Stage | CorpusStage]:
    """The stages whose output for an article depends on these `documents` columns: those that
    read one of them, and every stage after those (whose input they are), in running order."""
    columns = set(columns)
    names = {s.name for s in STAGES.values() if columns & set(s.reads)}
    for stage in STAGES.values():  # running order: a stage comes after every stage it waits for
        if names & set(stage.after):
            names.add(stage.name)
    return [s for s in STAGES.values() if s.name in names]


def select(only: str | None = None, until: str | None = None) -> list[Stage | CorpusStage]:
    """The stages to run: one (`only`), those up to and including `until`, or all."""
    for name in (only, until):
        if name and name not in STAGES:
            raise CorroborateError(f"no stage {name!r}; stages: {', '.join(STAGES)}")
    if only:
        return [STAGES[only]]
    chosen = []
    for name, stage in STAGES.items():
        chosen.append(stage)
        if name == until:
            break
    return chosen
