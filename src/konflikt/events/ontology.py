"""The PLOVER 2.0 ontology as data: event types, their modes, quad classes, default intensities, contexts.

The facts live in `konflikt/data/ontology/plover.yaml` (derived from the PLOVER 2.0 manual, CC BY-SA
4.0, Open Event Data Alliance). This module only loads them; `load_ontology()` is cached per process.
It is used by the trigger-lexicon validator (`konflikt.events.lexicon`) and by the event coder to
fill `quad_code` and the default `intensity` of an event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from konflikt.datafiles import load_yaml


@dataclass(frozen=True)
class EventType:
    """One PLOVER event type."""

    name: str
    quad: int
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    intensity: float
    """Default Goldstein-like intensity, -10 .. 10."""
    requires_recipient: bool
    modes: tuple[str, ...]
    gloss: str = ""
    carries_recipient: bool = False
    """Konflikt's own: a directed type whose missing recipient may be the counterpart of the dyad of the
    sentence before (`konflikt.events.discourse`)."""


@dataclass(frozen=True)
class Ontology:
    """PLOVER types (in manual order), their modes, and the contexts."""

    types: tuple[str, ...]
    event_types: dict[str, EventType] = field(repr=False)
    contexts: tuple[str, ...]
    legacy_contexts: dict[str, str] = field(default_factory=dict, repr=False)
    """Pre-2.0 context names -> the 2.0 name to use instead (not valid in data files)."""

    def is_type(self, name: str) -> bool:
        return name in self.event_types

    def modes(self, type_: str) -> tuple[str, ...]:
        """The valid modes of a type (empty for types without modes). KeyError for unknown types."""
        return self.event_types[type_].modes

    def quad(self, type_: str) -> int:
        return self.event_types[type_].quad

    def intensity(self, type_: str) -> float:
        return self.event_types[type_].intensity

    def requires_recipient(self, type_: str) -> bool:
        return self.event_types[type_].requires_recipient

    def carries_recipient(self, type_: str) -> bool:
        return self.event_types[type_].carries_recipient

    def is_context(self, name: str) -> bool:
        return name in self.contexts


def _default_path() -> Path:
    return Path(str(resources.files("konflikt.data").joinpath("ontology/plover.yaml")))


def _parse(data: dict) -> Ontology:
    types: dict[str, EventType] = {}
    for name, spec in data["types"].items():
        types[name] = EventType(
            name=name,
            quad=int(spec["quad"]),
            intensity=float(spec["intensity"]),
            requires_recipient=bool(spec.get("requires_recipient", False)),
            modes=tuple(spec.get("modes") or ()),
            gloss=str(spec.get("gloss", "")),
            carries_recipient=bool(spec.get("carries_recipient", False)),
        )
    return Ontology(
        types=tuple(types),
        event_types=types,
        contexts=tuple(data["contexts"]),
        legacy_contexts=dict(data.get("legacy_contexts") or {}),
    )


@lru_cache(maxsize=1)
def _load_default() -> Ontology:
    return load_ontology_file(_default_path())


def load_ontology_file(path: Path) -> Ontology:
    """Load an ontology YAML file (same layout as the packaged `plover.yaml`)."""
    with open(path, encoding="utf-8") as fh:
        return _parse(load_yaml(fh))


def load_ontology(path: Path | None = None) -> Ontology:
    """The PLOVER ontology: the packaged file by default (cached), or the file at `path`."""
    return _load_default() if path is None else load_ontology_file(Path(path))
