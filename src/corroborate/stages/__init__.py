"""The analysis stages, in the order `corroborate analyze` runs them."""
from __future__ import annotations

from ..errors import CorroborateError
from .base import CorpusStage, Stage
from .claims import Claims
from .entities import Entities
from .facts import Facts
from .incidents import Incidents
from .paragraphs import Paragraphs
from .parse import Parse
from .reuse import Reuse
from .statements import Statements

STAGES: dict[str, Stage | CorpusStage] = {s.name: s for s in (Paragraphs(), Reuse(), Parse(), Statements(),
                                                                  Entities(), Facts(), Incidents(), Claims())}


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
