"""Date-expression files (`data/dates/<lang>.yaml`): load, compile and validate.

A file lists the words of a language (months, weekdays, number and unit words, future-tense markers) and
patterns: regular expressions with placeholders ({month}, {month_abbr}, {weekday}, {num}, {unit}, {year},
{intro_year}) that find candidate date expressions, and how each candidate is handed to dateparser
(format: docs/dates-places.md). `load_date_lexicon(lang)` returns the compiled, immutable `DateLexicon`
(cached per process); `validate_date_file(path)` returns every problem with file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from konflikt.datafiles import DataFileError, DataFileErrors, load_schema, node_line, read_yaml, schema_errors
from konflikt.language.registry import supported

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "dates"
LANGUAGES: tuple[str, ...] = supported()  # the language registry (data/languages.yaml)
PLACEHOLDERS: tuple[str, ...] = ("month", "month_abbr", "weekday", "num", "unit", "year", "intro_year")
YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
_PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")
_TEMPLATE_RE = re.compile(r"\{([a-z_]+)\}")

__all__ = ["DateLexicon", "DatePattern", "DateLexiconError", "load_date_lexicon", "validate_date_file",
           "default_path", "check_command", "LANGUAGES"]


class DateLexiconError(DataFileErrors):
    """A date-expression file is invalid; `.errors` lists every problem."""


@dataclass(frozen=True)
class DatePattern:
    """One compiled pattern: what it finds and how its match is handed to dateparser."""

    id: str
    regex: re.Pattern[str]
    parse: str | None
    """Template for the string given to dateparser ({group} names, {text} = the whole match); None = the match."""
    prefer: str
    """past | future | tense: which reading of a yearless date to take."""
    op: str
    """parse (one date) | range (from the parsed date up to the publication date) | weekday | weekend |
    anchor (a day counted from the reference date of the context: "samma dag", "dagen därpå", "two days later")."""
    examples: tuple[str, ...]
    attach: str = "any"
    """any | past: a `past` expression dates only events told in the simple past and the noun it modifies
    ("söndagens attack" dates the attack and "dödade", not "anklagar")."""
    shift: str | None = None
    """anchor: template of the signed shift from the reference day ('+{n} {u}', '-1 dag', '0 dag')."""


@dataclass(frozen=True)
class DateLexicon:
    """The compiled date-expression knowledge of one language."""

    language: str
    version: int
    patterns: tuple[DatePattern, ...]
    numbers: Mapping[str, int]
    units: Mapping[str, str]
    future_markers: tuple[tuple[str, ...], ...]
    """Each marker as a tuple of lower-case words ("kommer att" -> ("kommer", "att"))."""
    rewrites: tuple[tuple[str, str], ...]
    weekdays: tuple[str, ...] = ()
    """The seven weekday names, Monday first, lower case."""
    unit_days: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    """Unit form (after `units`) -> days, for anchor shifts ("dagar" -> 1, "veckor" -> 7)."""


def default_path(lang: str) -> Path:
    return DATA_DIR / f"{lang}.yaml"


def _alternation(words: Iterable[str], case_sensitive: bool = False) -> str:
    """A regex alternation of literal words/phrases, longest first; spaces match any whitespace."""
    alts = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    body = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in alts) or r"(?!x)x"
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def _fragments(data: Mapping[str, Any]) -> dict[str, str]:
    words = data.get("words") or {}
    cs = bool(data.get("case_sensitive_names", False))
    nums = [str(k) for k in (data.get("numbers") or {})]
    return {
        "month": _alternation(words.get("month") or [], cs),
        "month_abbr": _alternation(words.get("month_abbr") or [], cs),
        "weekday": _alternation(words.get("weekday") or [], cs),
        "num": r"(?:\d{1,3}|" + _alternation(nums)[3:],
        "unit": _alternation([str(k) for k in (data.get("units") or {})]),
        "year": YEAR_RE,
        "intro_year": _alternation(words.get("intro_year") or []),
    }


def expand(regex: str, fragments: Mapping[str, str]) -> str:
    """Replace placeholders by their alternations and bound the pattern at word edges."""
    body = _PLACEHOLDER_RE.sub(lambda m: fragments.get(m.group(1), m.group(0)), regex)
    return rf"(?<![\w-])(?:{body})(?!\w)"


def _compile(data: Mapping[str, Any]) -> DateLexicon:
    frags = _fragments(data)
    patterns = tuple(
        DatePattern(
            id=p["id"],
            regex=re.compile(expand(p["regex"], frags), re.IGNORECASE),
            parse=p.get("parse"),
            prefer=p.get("prefer", "past"),
            op=p.get("op", "parse"),
            examples=tuple(p.get("examples") or ()),
            shift=p.get("shift"),
            attach=p.get("attach", "any"),
        )
        for p in data["patterns"]
    )
    return DateLexicon(
        language=data["language"],
        version=int(data["version"]),
        patterns=patterns,
        numbers=MappingProxyType({str(k).lower(): int(v) for k, v in (data.get("numbers") or {}).items()}),
        units=MappingProxyType({str(k).lower(): str(v) for k, v in (data.get("units") or {}).items()}),
        future_markers=tuple(tuple(str(m).lower().split()) for m in data.get("future_markers") or ()),
        rewrites=tuple((str(k).lower(), str(v)) for k, v in (data.get("rewrites") or {}).items()),
        weekdays=tuple(str(w).lower() for w in (data.get("words") or {}).get("weekday") or ()),
        unit_days=MappingProxyType({str(k).lower(): int(v) for k, v in (data.get("unit_days") or {}).items()}),
    )


def _semantic_errors(data: Mapping[str, Any], root: Any, file: str) -> list[DataFileError]:
    out: list[DataFileError] = []
    lang = data.get("language")
    stem = Path(file).stem
    if stem in LANGUAGES and lang != stem:
        out.append(DataFileError(file, node_line(root, ["language"]), f"language '{lang}' but the file is {stem}"))
    frags = _fragments(data)
    seen: set[str] = set()
    for i, p in enumerate(data.get("patterns") or []):
        pid = p.get("id", "?")
        line = node_line(root, ["patterns", i])
        if pid in seen:
            out.append(DataFileError(file, line, f"pattern {pid}: duplicate id"))
        seen.add(pid)
        if lang and not str(pid).startswith(f"{lang}."):
            out.append(DataFileError(file, line, f"pattern {pid}: id must start with '{lang}.'"))
        unknown = [m for m in _PLACEHOLDER_RE.findall(p.get("regex", "")) if m not in PLACEHOLDERS]
        if unknown:
            out.append(DataFileError(file, line, f"pattern {pid}: unknown placeholder(s) {unknown}"))
            continue
        try:
            rx = re.compile(expand(p.get("regex", ""), frags), re.IGNORECASE)
        except re.error as exc:
            out.append(DataFileError(file, node_line(root, ["patterns", i, "regex"]), f"pattern {pid}: {exc}"))
            continue
        groups = set(rx.groupindex) | {"text"}
        for key in ("parse", "shift"):
            missing = [g for g in _TEMPLATE_RE.findall(p.get(key) or "") if g not in groups]
            if missing:
                out.append(DataFileError(file, node_line(root, ["patterns", i, key]),
                                         f"pattern {pid}: {key} template names unknown group(s) {missing}"))
        if (p.get("op") == "anchor") != bool(p.get("shift")):
            out.append(DataFileError(file, line, f"pattern {pid}: an anchor pattern needs a shift, and only it"))
        elif p.get("shift"):
            unit = p["shift"].split()[-1].lower()
            unit = (data.get("units") or {}).get(unit, unit)
            if not unit.startswith("{") and unit not in (data.get("unit_days") or {}):
                out.append(DataFileError(file, node_line(root, ["patterns", i, "shift"]),
                                         f"pattern {pid}: shift unit {unit!r} is not in unit_days"))
        for j, ex in enumerate(p.get("examples") or []):
            if not rx.fullmatch(ex):
                out.append(DataFileError(file, node_line(root, ["patterns", i, "examples", j]),
                                         f"pattern {pid}: does not match its example {ex!r}"))
    return out


def validate_date_file(path: Path | str) -> list[DataFileError]:
    """All problems of a date-expression file (YAML, schema, regexes, examples, ids); [] if valid."""
    file = str(path)
    data, root, errors = read_yaml(path)
    if errors:
        return errors
    if not isinstance(data, dict):
        return [DataFileError(file, 1, "the file must be a YAML mapping with language, version, words, patterns")]
    errors = schema_errors(data, root, file, load_schema("dates.schema.json"))
    if errors:
        return sorted(errors)
    return sorted(_semantic_errors(data, root, file))


def load_date_file(path: Path | str) -> DateLexicon:
    """Validate and compile one file; raises DateLexiconError if it is invalid."""
    errors = validate_date_file(path)
    if errors:
        raise DateLexiconError(errors)
    data, _, _ = read_yaml(path)
    return _compile(data)


@lru_cache(maxsize=4)
def load_date_lexicon(lang: str) -> DateLexicon:
    """The packaged date lexicon of a language (validated once per process)."""
    return load_date_file(default_path(lang))


def check_command(paths: Iterable[Path | str] | None = None) -> int:
    """Validate date files (default: the packaged ones); print one line per error; exit code 0/1."""
    from konflikt.datafiles import check_files

    files = [Path(p) for p in paths or ()] or [default_path(lang) for lang in LANGUAGES]
    return check_files(files, validate_date_file, "date")
