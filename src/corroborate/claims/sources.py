"""Who a claim's member counts as, as one source id per source.

The entities stage decides who each speaker counts as when sources are counted
(`corroborate.attribution.sources`): a spokesperson counts as the organisation, "Moscow" as the
government of Russia, "local officials" as one unnamed source of officials, a pronoun the article
never resolves as no one. It writes that source's id and display name on the entity
(`entities.source_id`, `entities.source_name`); a claim's member carries them, and here they are
counted.

Source ids are opaque: two members share a source exactly when their ids are equal. Unnamed kinds
of source have readable ids ("unnamed:officials", "unnamed:reports"); unnamed reports ("reports",
"media reports", "latest data") count once, and only when no one else is credited, since a claim
someone is named for is not confirmed again by reports of it.
"""
from __future__ import annotations

from typing import Iterable

UNNAMED = "unnamed:"
REPORTS = UNNAMED + "reports"


def collapse(keys: Iterable[str | None]) -> list[str]:
    """Distinct source ids, sorted; unnamed reports only when no other source is there."""
    ids = {k for k in keys if k}
    if any(k != REPORTS for k in ids):
        ids.discard(REPORTS)
    return sorted(ids)


def same_source(a: str | None, b: str | None) -> bool:
    """Whether two members are credited to one source."""
    return bool(a) and a == b
