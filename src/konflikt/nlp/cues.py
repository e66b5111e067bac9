"""Name cues, read from the data file `konflikt/data/ner/cues.yaml` (schema `name_cues.schema.json`).

The words around and inside a name that tell what kind of name it is: titles before a person's name, the last
words of organisations' and places' names, capitalised words that are never names, and the sector an
organisation the knowledge base does not know gets from the words of its name. Used to make silver NER
training data (:mod:`konflikt.nlp.distant`) and by the actor resolver; no word of them lives in Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from konflikt.datafiles import SCHEMA_DIR, DataFileErrors, check_files, load_schema, read_yaml, schema_errors

__all__ = ["NameCues", "CUES_FILE", "load_name_cues", "check_name_cues", "check_command"]

CUES_FILE = SCHEMA_DIR.parent / "ner" / "cues.yaml"


@dataclass(frozen=True)
class NameCues:
    """One language's name cues (words as written; multi-word titles as tuples of words)."""

    person_titles: frozenset[tuple[str, ...]] = frozenset()
    org_heads: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()
    unknown_org_sectors: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def longest_title(self) -> int:
        return max((len(t) for t in self.person_titles), default=0)


def check_name_cues(path: Path | str = CUES_FILE) -> list:
    """Every problem of a cue file (file:line: reason), [] when it is valid."""
    data, root, errors = read_yaml(path)
    if errors:
        return errors
    return schema_errors(data, root, str(path), load_schema("name_cues.schema.json"))


@lru_cache(maxsize=8)
def load_name_cues(lang: str, path: Path | str = CUES_FILE) -> NameCues:
    """The cues of `lang` (empty cues for a language the file does not list); DataFileErrors if it is invalid."""
    errors = check_name_cues(path)
    if errors:
        raise DataFileErrors(errors)
    data, _root, _ = read_yaml(path)
    d = (data.get("languages") or {}).get(lang) or {}
    return NameCues(
        person_titles=frozenset(tuple(t.split()) for t in d.get("person_titles", ())),
        org_heads=frozenset(d.get("org_heads", ())),
        place_heads=frozenset(d.get("place_heads", ())),
        not_names=frozenset(d.get("not_names", ())),
        connectors=frozenset(w.lower() for w in d.get("connectors", ())),
        unknown_org_sectors=MappingProxyType(dict(d.get("unknown_org_sectors") or {})),
    )


def check_command(paths: list[Path | str] | None = None) -> int:
    """`konflikt names check`: validate cue files (default: the packaged one); one line per error; exit 0/1."""
    return check_files([Path(p) for p in paths or ()] or [CUES_FILE], check_name_cues, "name-cue")
