"""The language registry: which languages Konflikt codes, read from data (`data/languages.yaml`).

Every place that needs the list of languages (the command line, the API, the settings, the lexicon and
date loaders, the knowledge base, language identification) asks this module instead of naming languages
in code, so a new language is an entry in `languages.yaml` plus its data files and trained pipeline
(docs/adding-a-language.md).

`supported()` gives the codes in registry order, `language(code)` one entry, `rules_of(code)` the family
of language-specific rule code paths it follows (`sv` for the Scandinavian languages, `en`), `refused()`
the recognised-but-refused languages with their one-line reasons. `validate_registry(path)` lists every
problem of a registry file (schema, duplicate codes, missing data files) as `file:line: reason`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from konflikt.datafiles import DataFileError, DataFileErrors, load_schema, node_line, read_yaml, schema_errors

__all__ = ["Language", "Refused", "Registry", "DATA_DIR", "REGISTRY_PATH", "load_registry", "registry",
           "supported", "language", "rules_of", "refused", "langid_votes", "validate_registry"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REGISTRY_PATH = DATA_DIR / "languages.yaml"


@dataclass(frozen=True)
class Language:
    """One supported language (fields: docs/adding-a-language.md)."""

    code: str
    name: str
    native: str
    model: str
    rules: str
    dateparser: str
    files: Mapping[str, str]
    langid: tuple[str, ...]
    words: tuple[str, ...]
    repairs: tuple[str, ...] = ()
    """Parse repairs added at the end of its pipeline (spaCy component names, e.g.
    `konflikt_verbless_repair`, `konflikt_particle_repair`, `konflikt_genitive_repair`)."""
    scorer: bool = False
    """The learned scorer chooses among the rules' proposals by default (`Settings.scorer` 'auto')."""

    def path(self, kind: str) -> Path | None:
        """Absolute path of one of its data files (`triggers`, `dates`, `prefilter_forms`), None if unlisted."""
        rel = self.files.get(kind)
        return DATA_DIR / rel if rel else None


@dataclass(frozen=True)
class Refused:
    """A language that is recognised but not coded: its documents are skipped with `reason`."""

    code: str
    name: str
    reason: str
    words: tuple[str, ...] = ()
    like: str | None = None
    """A supported language spelling the knowledge base's names as this one does (their forms are no evidence)."""


@dataclass(frozen=True)
class Registry:
    languages: tuple[Language, ...]
    refused: tuple[Refused, ...] = ()
    by_code: Mapping[str, Language] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: Mapping) -> Registry:
        langs = tuple(
            Language(code=e["code"], name=e["name"], native=e.get("native", e["name"]), model=e["model"],
                     rules=e["rules"], dateparser=e.get("dateparser", e["code"]), files=dict(e["files"]),
                     langid=tuple((e.get("detect") or {}).get("langid") or (e["code"],)),
                     words=tuple((e.get("detect") or {}).get("words") or ()),
                     repairs=tuple(e.get("repairs") or ()), scorer=bool(e.get("scorer", False)))
            for e in data["languages"])
        ref = tuple(Refused(r["code"], r["name"], r["reason"], tuple((r.get("detect") or {}).get("words") or ()),
                            (r.get("detect") or {}).get("like"))
                    for r in data.get("refused") or ())
        return cls(langs, ref, {lg.code: lg for lg in langs})


def validate_registry(path: Path | str = REGISTRY_PATH) -> list[DataFileError]:
    """Every problem of a registry file: YAML, schema, duplicate codes, a language claimed twice by
    py3langid codes, data files that do not exist. [] when valid."""
    file = str(path)
    data, root, errors = read_yaml(path)
    if errors:
        return errors
    errors = schema_errors(data, root, file, load_schema("languages.schema.json"))
    if errors:
        return errors
    seen: dict[str, str] = {}
    votes: dict[str, str] = {}
    for i, e in enumerate(data["languages"]):
        line = node_line(root, ["languages", i])
        if e["code"] in seen:
            errors.append(DataFileError(file, line, f"language '{e['code']}' listed twice"))
        seen[e["code"]] = "supported"
        for v in (e.get("detect") or {}).get("langid") or ():
            if v in votes:
                errors.append(DataFileError(file, line, f"py3langid code '{v}' already votes for '{votes[v]}'"))
            votes[v] = e["code"]
        for kind, rel in e["files"].items():
            if not (Path(path).resolve().parent / rel).is_file():
                errors.append(DataFileError(file, node_line(root, ["languages", i, "files", kind]),
                                            f"{e['code']}: {kind} file {rel} does not exist"))
    for i, r in enumerate(data.get("refused") or ()):
        if r["code"] in seen:
            errors.append(DataFileError(file, node_line(root, ["refused", i]),
                                        f"language '{r['code']}' is both supported and refused"))
        seen[r["code"]] = "refused"
    return errors


def load_registry(path: Path | str = REGISTRY_PATH) -> Registry:
    """A validated registry; raises DataFileErrors (file:line: reason) when the file is invalid."""
    errors = validate_registry(path)
    if errors:
        raise DataFileErrors(errors)
    data, _root, _ = read_yaml(path)
    return Registry.from_data(data)


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The packaged registry, read once per process."""
    return load_registry(REGISTRY_PATH)


def supported() -> tuple[str, ...]:
    """Codes of the supported languages, in registry order."""
    return tuple(lg.code for lg in registry().languages)


def language(code: str) -> Language:
    """The registry entry of a supported language; KeyError for any other code."""
    return registry().by_code[code]


def rules_of(code: str) -> str:
    """The rule family (`sv`, `en`) whose language-specific code paths apply to `code`; the code itself
    for a language the registry does not list."""
    lg = registry().by_code.get(code)
    return lg.rules if lg is not None else code


def refused(code: str) -> Refused | None:
    """The refusal entry of a recognised-but-refused language (Nynorsk), else None."""
    return next((r for r in registry().refused if r.code == code), None)


def langid_votes() -> dict[str, str]:
    """py3langid code -> the registry code it stands for ('no' -> 'nb')."""
    return {v: lg.code for lg in registry().languages for v in lg.langid}


def unsupported_reason(code: str, supported_codes: tuple[str, ...] | None = None) -> str:
    """The one-line reason a document in language `code` is not coded ('und': nothing to judge)."""
    if code == "und":
        return "no language detected (no words to judge)"
    ref = refused(code)
    if ref is not None:
        return ref.reason
    codes = supported_codes or supported()
    return f"detected language '{code}' is not supported (supported: {', '.join(codes)})"


def lang_choices() -> tuple[str, ...]:
    """What --lang and the API's `lang` accept: auto and every supported code."""
    return ("auto", *supported())


def words_for(table: Mapping[str, object], code: str, default=()):
    """A per-language closed word table's entry for `code`, falling back to its rule family's (Bokmål reads
    the Swedish list where it has none of its own), then to `default`."""
    got = table.get(code)
    if got is None:
        got = table.get(rules_of(code))
    return default if got is None else got


def installed() -> tuple[str, ...]:
    """Supported languages whose trained pipeline is installed (`nlp/models/<model>/meta.json`): what a
    run codes by default. A registered language without its pipeline yet is named, not coded."""
    models = DATA_DIR.parent / "nlp" / "models"
    return tuple(lg.code for lg in registry().languages if (models / lg.model / "meta.json").is_file())
