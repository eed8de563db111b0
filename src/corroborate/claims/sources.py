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

from rapidfuzz import fuzz
from typing import Iterable

from ..attribution.lexicon import DOCUMENTS
from ..attribution.names import is_place_word, org_key, person_key

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
    if speaker_type == "document":
        org = org or org_from_role(speaker)
        if not org:
            return "doc:" + speaker.lower()  # "preliminary data": credited, but to no one named
        speaker = org
    if speaker_type == "person":
        org = org or org_from_role(role)
        if not org:
            return "person:" + person_key(speaker)
        speaker = org
    words = sorted(w for w in org_key(speaker) if w not in DOCUMENTS)
    return "org:" + " ".join(words) if words else "org:" + speaker.lower()


def collapse(keys: Iterable[str]) -> list[str]:
    """Distinct sources: a key whose words are all in a longer key of the same kind is that source;
    an unnamed document ("preliminary data") is a source only when no one is named."""
    keys = set(keys)
    if any(not k.startswith("doc:") for k in keys):
        keys = {k for k in keys if not k.startswith("doc:")}
    keys = sorted(keys, key=lambda k: (-len(k.split()), k))
    kept: list[str] = []
    for k in keys:
        if not any(same_source(k, o) for o in kept):
            kept.append(k)
    return sorted(kept)


def same_source(a: str, b: str) -> bool:
    """Whether two keys name one source: one's words lie in the other's ("Ministry of Defense" and
    "Ministry of Defense of Azerbaijan"), or, for organisations, the two differ by at most one word
    each while sharing two ("Ostrenia's Emergency Ministry" and "Ministry of Emergency
    Situations") — unless those words are two different countries (the Defense Ministries of
    Azerbaijan and of Armenia are two sources); for people, the same name spelt or ordered
    otherwise."""
    kind_a, _, words_a = a.partition(":")
    kind_b, _, words_b = b.partition(":")
    if kind_a != kind_b:
        return False
    wa, wb = set(words_a.split()), set(words_b.split())
    if wa <= wb or wb <= wa:
        return True
    if kind_a == "person":
        # one person spelt two ways or in another order ("George Kettaneh" / "George Kettana",
        # "Hamad Hasan" / "Hassan Hamad"), as outlets transliterate
        return len(wa) > 1 and len(wb) > 1 and fuzz.token_sort_ratio(words_a, words_b) >= 88
    if kind_a != "org" or len(wa & wb) < 2:
        return False
    only_a, only_b = wa - wb, wb - wa
    if len(only_a) > 1 or len(only_b) > 1:
        return False
    return not (any(is_place_word(w) for w in only_a) and any(is_place_word(w) for w in only_b))
