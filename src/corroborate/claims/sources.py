"""Who a claim's member is attributed to, as one key per source.

A spokesperson or official speaking for an organisation counts as that organisation (Colonel
Eyvazov, "the ministry's spokesperson" and "the ministry said" are one source): the organisation
comes from the statement's `speaker_org`, else from the role ("Chief of the press service of the
Ministry of Defense"). Organisation names compare by their content words (`names.org_key`), with
document words left out ("the Ministry of Defence in a statement" = "the Ministry of Defense"); a
key whose words all lie in another's names the same source less fully ("Ministry of Defense" and
"Ministry of Defense of Azerbaijan"), so `collapse` counts them once.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..attribution.lexicon import DOCUMENTS
from ..attribution.names import org_key, person_key

_ORG_IN_ROLE = re.compile(
    r"\b((?:[A-Z][\w’'-]*\s+)*(?:Ministry|Agency|Service|Office|Army|Forces|Police|Committee|Council|"
    r"Government|Department|Authority|Command|Directorate|Administration|Commission|Bureau)"
    r"(?:\s+(?:of|for)(?:\s+the)?(?:\s+[A-Z][\w’'-]*)+)*)")


def org_from_role(role: str | None) -> str | None:
    """The organisation a role names ("Chief of the press service of the Ministry of Defense")."""
    if not role:
        return None
    found = _ORG_IN_ROLE.findall(role)
    return found[-1] if found else None


def source_key(speaker: str | None, speaker_type: str | None, role: str | None = None,
               org: str | None = None) -> str | None:
    """The key a statement's source is counted by; None for no speaker."""
    if not speaker:
        return None
    if speaker_type == "person":
        org = org or org_from_role(role)
        if not org:
            return "person:" + person_key(speaker)
        speaker = org
    words = sorted(w for w in org_key(speaker) if w not in DOCUMENTS)
    return "org:" + " ".join(words) if words else "org:" + speaker.lower()


def collapse(keys: Iterable[str]) -> list[str]:
    """Distinct sources: a key whose words are all in a longer key of the same kind is that source."""
    keys = sorted(set(keys), key=lambda k: (-len(k.split()), k))
    kept: list[str] = []
    for k in keys:
        kind, _, words = k.partition(":")
        mine = set(words.split())
        if not any(o.partition(":")[0] == kind and mine <= set(o.partition(":")[2].split()) for o in kept):
            kept.append(k)
    return sorted(kept)
