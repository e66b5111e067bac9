"""The actor knowledge base: who is who, and which code an actor carries on a given date.

Konflikt's knowledge about actors is data, not code. The YAML files under
`src/konflikt/data/actors/` (countries, IGOs, armed groups, people, sector words; format in
`docs/actors.md`) are loaded into a `KnowledgeBase`, which answers:

* `kb.get(id)` - an `Entity` (country, igo, group, person or org) by its id;
* `kb.code_for(entity, on_date)` - the CAMEO-style `(code, country, sector)` an entity carries on a
  date: a person's role in force (outside every role: their country only), or an organisation's
  dated claim on a generic code (the GNA claims LBYGOV from 2016-03-30 to 2021-03-15);
* `kb.entity_for_code(code, on_date)` - the reverse: which entity holds a generic code on that date
  ("den libyska regeringen" in 2019 -> the GNA);
* `kb.roll_up(entity, on_date)` - the organisation or state a person acts for, a unit's parent;
* `kb.sector_for(word, lang)` - the sector code of a (possibly inflected or compound) sector word:
  regeringen -> GOV, styrkorna -> MIL, rebels' -> REB.

Dates are half-open ranges: `from` is the first day in force, `to` the first day no longer in force
(the handover day), `null` an open end. `on_date=None` means today.

Files are validated (JSON schema `data/schemas/actors.schema.json` plus cross-file rules) before
loading; `validate_files` returns every problem with its file and line, `load_kb` refuses invalid
files with a `KnowledgeError`, and `check_command` backs the CLI command `konflikt actors check`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from konflikt.datafiles import compose_yaml, load_yaml
from konflikt.language.registry import rules_of, supported

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "schemas" / "actors.schema.json"
KINDS: tuple[str, ...] = ("country", "igo", "group", "person", "org")
LANGS: tuple[str, ...] = supported()  # the language registry (data/languages.yaml)
EXTRA_COUNTRY_CODES: frozenset[str] = frozenset({"XKX"})

__all__ = [
    "Claim", "Entity", "KnowledgeBase", "KnowledgeError", "Role", "ValidationError",
    "check_command", "default_paths", "fold", "load_kb", "validate_files",
]


# --------------------------------------------------------------------------------------------------
# records


class KnowledgeError(Exception):
    """The knowledge base could not be loaded; the message is one line, `.errors` has them all."""

    def __init__(self, message: str, errors: Sequence[ValidationError] = ()) -> None:
        super().__init__(message)
        self.errors = list(errors)


@dataclass(frozen=True)
class ValidationError:
    """One problem in a knowledge file: where it is and what is wrong."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


def _in_range(start: date | None, end: date | None, on: date) -> bool:
    return (start is None or start <= on) and (end is None or on < end)


@dataclass(frozen=True)
class Role:
    """A dated role of a person: YAML `{code, country, sector, title, from, to, entity}`.

    `start`/`end` hold YAML `from`/`to`; the range is half-open ([start, end)), None is open.
    `entity` is the id of the organisation or state the person acts for in this role.
    """

    code: str
    country: str | None
    sector: str | None
    title: str
    start: date | None
    end: date | None
    entity: str

    def active(self, on_date: date) -> bool:
        return _in_range(self.start, self.end, on_date)


@dataclass(frozen=True)
class Claim:
    """An entity's dated claim on a generic code (e.g. the GNA holds LBYGOV 2016-03-30..2021-03-15)."""

    code: str
    start: date | None
    end: date | None

    def active(self, on_date: date) -> bool:
        return _in_range(self.start, self.end, on_date)


def _frozen_langs(d: Mapping[str, Iterable[str]] | None) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in (d or {}).items()})


@dataclass(frozen=True, eq=False)
class Entity:
    """One actor of the knowledge base. Equality and hash are by identity (ids are unique)."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    parent: str | None = None
    names: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    adjectives: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    demonyms: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    metonyms: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    metonym_sectors: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    roles: tuple[Role, ...] = ()
    claims: tuple[Claim, ...] = ()
    source: str = ""
    line: int = 0

    def role_on(self, on_date: date | None = None) -> Role | None:
        """The role in force on `on_date` (today if None); the latest-starting one if several."""
        day = on_date or date.today()
        active = [r for r in self.roles if r.active(day)]
        if not active:
            return None
        return max(active, key=lambda r: r.start or date.min)

    def claim_on(self, on_date: date | None = None) -> Claim | None:
        day = on_date or date.today()
        for c in self.claims:
            if c.active(day):
                return c
        return None

    def all_names(self, lang: str | None = None) -> tuple[str, ...]:
        langs = [lang] if lang else list(self.names)
        return tuple(n for lg in langs for n in self.names.get(lg, ()))

    def __repr__(self) -> str:
        return f"Entity({self.id!r}, {self.name!r}, kind={self.kind!r})"


# --------------------------------------------------------------------------------------------------
# text helpers

_FOLD_EXTRA = str.maketrans({"ı": "i", "ø": "o", "æ": "ae", "đ": "d", "ł": "l", "þ": "th", "œ": "oe"})


def fold(text: str) -> str:
    """Case- and diacritic-folded form used for matching names: 'Erdoğan' -> 'erdogan'."""
    text = text.translate(_FOLD_EXTRA)
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().translate(_FOLD_EXTRA)


def _sv_noun_forms(lemma: str) -> set[str]:
    """Regular Swedish inflections of a noun/adjective lemma (over-generating on purpose)."""
    w = lemma
    out = {w, w + "s"}
    if " " in w:
        head, _, last = w.rpartition(" ")
        return out | {head + " " + f for f in _sv_noun_forms(last)}
    if w.endswith("a"):  # styrka, gerilla, flotta
        s = w[:-1]
        out |= {w + "n", w + "ns", s + "or", s + "ors", s + "orna", s + "ornas", s + "arna", s + "arnas",
                s + "ar"}
    elif w.endswith("e"):  # kämpe, ledare, sändebud? (no)
        s = w[:-1]
        out |= {w + "n", w + "ns", s + "ar", s + "arna", s + "arnas", s + "na", s + "nas"}
    elif w.endswith(("é", "i", "o", "u", "y", "ö", "å")):  # armé, parti
        out |= {w + "n", w + "ns", w + "t", w + "ts", w + "er", w + "erna", w + "ernas", w + "na", w + "nas",
                w + "r", w + "rna"}
    else:
        for suf in ("en", "ens", "et", "ets", "er", "erna", "ernas", "ar", "arna", "arnas", "or", "orna",
                    "a", "e", "t", "na", "n", "ns", "ers", "ars"):
            out.add(w + suf)
        if len(w) > 3 and w[-2] == "e" and w[-1] in "lnr":  # minister, flygvapen, general(-)
            s = w[:-2] + w[-1]
            out |= {s + "ar", s + "arna", s + "arnas", s + "et", s + "ets", s + "en", s + "ens", s + "a",
                    w + "n", w + "ns"}
        if w.endswith("man"):
            s = w[:-3]
            out |= {w + "nen", w + "nens", s + "män", s + "männen", s + "männens"}
    return out


def _nb_noun_forms(lemma: str) -> set[str]:
    """Regular Bokmål inflections of a noun lemma, added to the Swedish ones (over-generating on purpose):
    regjeringene, styrkene, juntaen, opprørerne, politiet; the Swedish generator alone has no -ene/-aen."""
    w = lemma
    out = _sv_noun_forms(w)
    if " " in w:
        head, _, last = w.rpartition(" ")
        return out | {head + " " + f for f in _nb_noun_forms(last)}
    if w.endswith("e"):  # styrke: styrken, styrker, styrkene
        out |= {w + "n", w + "ns", w + "r", w + "rs", w + "ne", w + "nes"}
    elif w.endswith("a"):  # junta, gerilja: juntaen, juntaer, juntaene
        out |= {w + "en", w + "ens", w + "er", w + "ers", w + "ene", w + "enes"}
    elif w.endswith(("i", "o", "u", "y", "å", "é")):  # politi: politiet; parti: partiene
        out |= {w + "et", w + "ets", w + "ene", w + "enes", w + "er", w + "en", w + "ens"}
    elif w.endswith("er") and len(w) > 4:  # opprører, leder, minister: opprørere, opprørerne, lederen
        out |= {w + "e", w + "es", w + "en", w + "ens", w + "ne", w + "nes", w + "ene", w + "enes"}
    else:  # soldat, regjering, parlament: soldatene, regjeringa, parlamentet
        out |= {w + "en", w + "ens", w + "et", w + "ets", w + "er", w + "ers", w + "ene", w + "enes",
                w + "a", w + "as"}
        if w.endswith("mann"):  # talsmann: talsmenn, talsmennene
            s = w[:-4] + "menn"
            out |= {s, s + "s", s + "ene", s + "enes"}
    if w.endswith("er") and not w.endswith(("ører", "borger")):  # a listed plural: tropper -> troppene
        # (not an agent noun whose stem is another word: opprører -> "opprørene" are uprisings)
        out |= {w[:-2] + "ene", w[:-2] + "enes"}
    return out


def _en_noun_forms(lemma: str) -> set[str]:
    w = lemma
    if " " in w:
        head, _, last = w.rpartition(" ")
        return {w} | {head + " " + f for f in _en_noun_forms(last)}
    out = {w, w + "s", w + "es"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        out.add(w[:-1] + "ies")
    if w.endswith("man"):
        out.add(w[:-3] + "men")
    return out


_POSSESSIVE = re.compile(r"(?:'s|’s|'|’|:s)$")


# --------------------------------------------------------------------------------------------------
# YAML with line numbers


class _Doc:
    """A parsed YAML file: plain data (dates kept as strings) and the line of every node path."""

    def __init__(self, path: Path, data: Any, lines: dict[tuple, int]) -> None:
        self.path = path
        self.data = data
        self.lines = lines

    def line(self, path: Sequence[Any]) -> int:
        p = tuple(path)
        while p and p not in self.lines:
            p = p[:-1]
        return self.lines.get(p, 1)


def _node_to_data(node: yaml.Node, path: tuple, lines: dict[tuple, int], problems: list[tuple[int, str]]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for knode, vnode in node.value:
            key = _node_to_data(knode, path + ("<key>",), {}, problems)
            if not isinstance(key, str | int):
                problems.append((knode.start_mark.line + 1, "mapping key must be a string"))
                continue
            if key in out:
                problems.append((knode.start_mark.line + 1, f"duplicate key {key!r}"))
            out[key] = _node_to_data(vnode, path + (key,), lines, problems)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_node_to_data(v, path + (i,), lines, problems) for i, v in enumerate(node.value)]
    tag = node.tag
    if tag == "tag:yaml.org,2002:timestamp" or tag == "tag:yaml.org,2002:str":
        return node.value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return node.value.lower() in ("true", "yes", "on")
    if tag == "tag:yaml.org,2002:int":
        try:
            return int(node.value.replace("_", ""), 0)
        except ValueError:
            return node.value
    if tag == "tag:yaml.org,2002:float":
        try:
            return float(node.value)
        except ValueError:
            return node.value
    return node.value


def _parse(path: Path) -> tuple[_Doc | None, list[ValidationError]]:
    name = str(path)
    from konflikt.datafiles import read_utf8, yaml_error

    text, problem = read_utf8(path)
    if text is None:
        return None, [ValidationError(name, *problem)]
    try:
        node = compose_yaml(text)
    except yaml.YAMLError as exc:
        line, problem = yaml_error(exc, text)
        return None, [ValidationError(name, line or 1, f"invalid YAML: {problem}")]
    if node is None:
        return None, [ValidationError(name, 1, "file is empty")]
    lines: dict[tuple, int] = {}
    problems: list[tuple[int, str]] = []
    data = _node_to_data(node, (), lines, problems)
    errs = [ValidationError(name, ln, msg) for ln, msg in problems]
    return _Doc(path, data, lines), errs


# --------------------------------------------------------------------------------------------------
# validation


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def sector_codes() -> tuple[str, ...]:
    """The fixed list of sector codes (from the JSON schema)."""
    return tuple(_schema()["$defs"]["sector_code"]["enum"])


@lru_cache(maxsize=2)
def _validator(which: str):
    import jsonschema

    full = _schema()
    sub = {"$schema": full["$schema"], "$defs": full["$defs"], "$ref": f"#/$defs/{which}"}
    cls = jsonschema.validators.validator_for(sub)
    return cls(sub)


def _leaf_error(err):
    from jsonschema.exceptions import best_match

    while err.context:
        err = best_match(err.context)
    return err


def _schema_message(err) -> str:
    sect = set(sector_codes())
    inst = err.instance
    where = ".".join(str(p) for p in err.absolute_path) or "file"
    if err.validator == "enum" and set(err.validator_value) == sect:
        return f"unknown sector code {inst!r} at {where} (allowed: {', '.join(sorted(sect))})"
    if err.validator == "pattern" and err.validator_value == "^[A-Z]{3}$":
        return f"invalid country code {inst!r} at {where} (need an ISO 3166-1 alpha-3 code)"
    if err.validator == "pattern" and "[0-9]{4}" in str(err.validator_value):
        return f"invalid date {inst!r} at {where} (need YYYY-MM-DD)"
    if err.validator in ("minLength", "pattern") and err.validator_value in (1, "\\S"):
        return f"empty name at {where}"
    if err.validator == "additionalProperties":
        return f"{err.message} at {where}"
    msg = err.message if len(err.message) < 160 else err.message[:157] + "..."
    return f"{msg} at {where}"


def _to_date(value: Any) -> date | None:
    if value is None:
        return None
    return date.fromisoformat(str(value))


def _overlap(a: tuple[date | None, date | None], b: tuple[date | None, date | None]) -> bool:
    a0, a1 = a
    b0, b1 = b
    lo_a = a0 or date.min
    lo_b = b0 or date.min
    hi_a = a1 or date.max
    hi_b = b1 or date.max
    return lo_a < hi_b and lo_b < hi_a


def _country_codes(docs: Sequence[_Doc]) -> set[str]:
    codes: set[str] = set()
    for d in docs:
        if isinstance(d.data, dict) and d.data.get("kind") == "country":
            for e in d.data.get("entities") or []:
                if isinstance(e, dict) and isinstance(e.get("id"), str):
                    codes.add(e["id"])
    return codes


def _semantic_errors(docs: Sequence[_Doc], known_countries: set[str], known_ids: set[str]) -> list[ValidationError]:
    errors: list[ValidationError] = []
    first_id: dict[str, tuple[str, int]] = {}
    ids_here: set[str] = set()
    for d in docs:
        for e in (d.data.get("entities") or []) if isinstance(d.data, dict) else []:
            if isinstance(e, dict) and isinstance(e.get("id"), str):
                ids_here.add(e["id"])
    all_ids = ids_here | known_ids
    alias_owner: dict[tuple[str, str, str], tuple[str, str, int]] = {}
    claims_by_code: dict[str, list[tuple[tuple, str, str, int]]] = {}
    for d in docs:
        f = str(d.path)
        data = d.data
        if not isinstance(data, dict) or "entities" not in data:
            continue
        file_kind = data.get("kind")
        for i, e in enumerate(data.get("entities") or []):
            if not isinstance(e, dict):
                continue
            base = ("entities", i)
            eid = e.get("id")
            if isinstance(eid, str):
                if eid in first_id:
                    pf, pl = first_id[eid]
                    errors.append(ValidationError(f, d.line(base + ("id",)),
                                                  f"duplicate id {eid!r} (first defined at {pf}:{pl})"))
                else:
                    first_id[eid] = (f, d.line(base + ("id",)))
            kind = e.get("kind", file_kind)
            if kind is None:
                errors.append(ValidationError(f, d.line(base),
                                              f"entity {eid!r} has no kind (set it or the file's kind)"))
            if kind == "country" and isinstance(eid, str) and not re.fullmatch(r"[A-Z]{3}", eid):
                errors.append(ValidationError(f, d.line(base + ("id",)),
                                              f"country id {eid!r} must be its alpha-3 code"))
            # country codes
            cc = e.get("country")
            if isinstance(cc, str) and known_countries and cc not in known_countries and kind != "country":
                errors.append(ValidationError(f, d.line(base + ("country",)),
                                              f"invalid country code {cc!r}: not in countries.yaml"))
            for j, r in enumerate(e.get("roles") or []):
                if not isinstance(r, dict):
                    continue
                rc = r.get("country")
                if isinstance(rc, str) and known_countries and rc not in known_countries:
                    errors.append(ValidationError(f, d.line(base + ("roles", j, "country")),
                                                  f"invalid country code {rc!r}: not in countries.yaml"))
                ent = r.get("entity")
                if isinstance(ent, str) and ent not in all_ids:
                    errors.append(ValidationError(f, d.line(base + ("roles", j, "entity")),
                                                  f"unknown entity {ent!r} in role"))
            par = e.get("parent")
            if isinstance(par, str) and par not in all_ids:
                errors.append(ValidationError(f, d.line(base + ("parent",)), f"unknown parent entity {par!r}"))
            if isinstance(par, str) and par == eid:
                errors.append(ValidationError(f, d.line(base + ("parent",)), f"entity {eid!r} is its own parent"))
            # dated ranges
            spans: dict[str, list[tuple[tuple, int]]] = {}
            for key in ("roles", "claims"):
                for j, r in enumerate(e.get(key) or []):
                    if not isinstance(r, dict):
                        continue
                    try:
                        rng = (_to_date(r.get("from")), _to_date(r.get("to")))
                    except ValueError as exc:
                        errors.append(ValidationError(f, d.line(base + (key, j)), f"invalid date in {key}: {exc}"))
                        continue
                    ln = d.line(base + (key, j, "from"))
                    if rng[0] and rng[1] and rng[0] > rng[1]:
                        errors.append(ValidationError(
                            f, ln, f"{key[:-1]} {r.get('code')!r} of {eid!r}: from {rng[0]} is after to {rng[1]}"))
                        continue
                    code = r.get("code")
                    if not isinstance(code, str):
                        continue
                    if key == "roles":
                        for other, oln in spans.get(code, []):
                            if _overlap(rng, other):
                                errors.append(ValidationError(
                                    f, ln, f"overlapping date ranges for {eid!r} and code {code}: "
                                    f"{_fmt(rng)} overlaps {_fmt(other)} (line {oln})"))
                        spans.setdefault(code, []).append((rng, ln))
                    else:
                        claims_by_code.setdefault(code, []).append((rng, str(eid), f, ln))
            # aliases must not be shared between entities
            for field_name in ("names", "adjectives", "demonyms", "metonyms"):
                per_lang = e.get(field_name)
                if not isinstance(per_lang, dict):
                    continue
                for lang, items in per_lang.items():
                    for k, item in enumerate(items or []):
                        text = item.get("name") if isinstance(item, dict) else item
                        if not isinstance(text, str) or not text.strip():
                            continue
                        key = (lang, fold(text), "lex" if field_name in ("adjectives", "demonyms") else "name")
                        owner = alias_owner.get(key)
                        ln = d.line(base + (field_name, lang, k))
                        if owner and owner[0] != eid:
                            errors.append(ValidationError(
                                f, ln, f"{field_name[:-1]} {text!r} ({lang}) of {eid!r} is already used by "
                                f"{owner[0]!r} ({owner[1]}:{owner[2]})"))
                        elif not owner:
                            alias_owner[key] = (str(eid), f, ln)
    for code, lst in claims_by_code.items():
        for a in range(len(lst)):
            for b in range(a + 1, len(lst)):
                if _overlap(lst[a][0], lst[b][0]):
                    errors.append(ValidationError(
                        lst[b][2], lst[b][3], f"overlapping date ranges for claims on {code}: {lst[b][1]!r} "
                        f"{_fmt(lst[b][0])} and {lst[a][1]!r} {_fmt(lst[a][0])} ({lst[a][2]}:{lst[a][3]})"))
    return errors


def _fmt(rng: tuple[date | None, date | None]) -> str:
    return f"[{rng[0] or '...'}, {rng[1] or '...'})"


def _validate_docs(docs: Sequence[_Doc], known_countries: set[str] | None = None,
                   known_ids: set[str] | None = None) -> list[ValidationError]:
    errors: list[ValidationError] = []
    for d in docs:
        which = "sector_file" if isinstance(d.data, dict) and "sectors" in d.data else "entity_file"
        for err in sorted(_validator(which).iter_errors(d.data), key=lambda e: list(map(str, e.absolute_path))):
            leaf = _leaf_error(err)
            path = list(leaf.absolute_path)
            errors.append(ValidationError(str(d.path), d.line(path), _schema_message(leaf)))
    countries = _country_codes(docs) or set(known_countries or ())
    errors += _semantic_errors(docs, countries | EXTRA_COUNTRY_CODES if countries else set(), known_ids or set())
    return errors


def default_paths() -> list[Path]:
    """The knowledge files shipped with the package (all `*.yaml` under data/actors)."""
    return sorted(DATA_DIR.glob("*.yaml"))


def validate_files(paths: Sequence[Path | str] | None = None) -> list[ValidationError]:
    """Check knowledge files; return every error (file, line, reason). Empty list: all good.

    Country codes are checked against the countries file among `paths`, or the packaged one when
    `paths` has none; references (parent, role entity) may point to packaged entities too.
    """
    paths = [Path(p) for p in (paths or default_paths())]
    docs: list[_Doc] = []
    errors: list[ValidationError] = []
    for p in paths:
        doc, errs = _parse(p)
        errors += errs
        if doc is not None:
            docs.append(doc)
    known_c, known_ids = _packaged_context(paths)
    errors += _validate_docs(docs, known_c, known_ids)
    return sorted(set(errors), key=lambda e: (e.file, e.line, e.reason))


def _packaged_context(paths: Sequence[Path]) -> tuple[set[str], set[str]]:
    """Ids and country codes of the packaged files not among `paths` (for partial checks)."""
    given = {p.resolve() for p in paths}
    countries: set[str] = set()
    ids: set[str] = set()
    for p in default_paths():
        if p.resolve() in given:
            continue
        try:
            data = load_yaml(p.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        if not isinstance(data, dict):
            continue
        for e in data.get("entities") or []:
            if isinstance(e, dict) and isinstance(e.get("id"), str):
                ids.add(e["id"])
                if data.get("kind") == "country" or e.get("kind") == "country":
                    countries.add(e["id"])
    return countries, ids


# --------------------------------------------------------------------------------------------------
# the knowledge base


class KnowledgeBase:
    """Entities by id, dated codes, sector words. Build with `load_kb`."""

    def __init__(self, entities: Sequence[Entity], sector_words: Mapping[str, Mapping[str, str]],
                 paths: Sequence[Path] = (), member_words: Mapping[str, Sequence[str]] | None = None,
                 role_words: Mapping[str, Sequence[str]] | None = None) -> None:
        self._entities: dict[str, Entity] = {e.id: e for e in entities}
        self._order: tuple[Entity, ...] = tuple(entities)
        self.paths: tuple[Path, ...] = tuple(paths)
        # sector words: lang -> lemma -> code ; expanded: lang -> form -> code
        self._sector_lemmas = {lg: dict(m) for lg, m in sector_words.items()}
        self._sector_forms: dict[str, dict[str, str]] = {}
        for lg, lemmas in self._sector_lemmas.items():
            forms: dict[str, str] = {}
            gen = _nb_noun_forms if lg == "nb" else _sv_noun_forms if rules_of(lg) == "sv" else _en_noun_forms
            # explicit lemmas first (they win over generated forms of other lemmas)
            for lemma, code in lemmas.items():
                forms.setdefault(lemma, code)
            for lemma, code in lemmas.items():
                for f in gen(lemma):
                    forms.setdefault(f, code)
            self._sector_forms[lg] = forms
        self._member_forms = _inflected(member_words)
        self._role_forms = _inflected(role_words)
        self._claims_by_code: dict[str, list[tuple[Claim, Entity]]] = {}
        self._by_code: dict[str, list[Entity]] = {}
        for e in self._order:
            for c in e.claims:
                self._claims_by_code.setdefault(c.code, []).append((c, e))
            if e.code and e.kind != "person":
                self._by_code.setdefault(e.code, []).append(e)
        self._sector_cache: dict[tuple[str, str], str | None] = {}

    # container protocol
    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._order)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def get(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        if entity_id is None:
            return None
        return self._entities.get(entity_id)

    def entities(self, kind: str | None = None) -> list[Entity]:
        return [e for e in self._order if kind is None or e.kind == kind]

    # dated codes
    def entity_for_code(self, code: str, on_date: date | None = None) -> Entity | None:
        """The entity holding `code` on `on_date` (today if None).

        A dated claim in force wins (LBYGOV -> the GNA in 2019); otherwise an organisation or
        country whose own code is exactly `code` (TUR -> Turkey, IGOUNO -> United Nations), when
        there is exactly one. Generic codes nobody claims on that date give None.
        """
        day = on_date or date.today()
        for claim, ent in self._claims_by_code.get(code, ()):
            if claim.active(day):
                return ent
        # only states and IGOs hold their own code by default; a unit or party coded TURLEG/UKRMIL is
        # not "the Turkish parliament"/"the Ukrainian army" unless it says so with a dated claim
        own = [e for e in self._by_code.get(code, []) if e.kind in {"country", "igo"}]
        if len(own) == 1:
            return own[0]
        return None

    def code_for(self, entity: Entity | str, on_date: date | None = None) -> tuple[str | None, str | None, str | None]:
        """`(code, country, sector)` of an entity on a date (today if None).

        People: the role in force (its code, country, sector); outside every role the code is the
        person's country alone, e.g. ('LBY', 'LBY', None). Others: a claim in force
        (GNA 2019 -> ('LBYGOV', 'LBY', 'GOV')), else the entity's own code, country and sector.
        """
        ent = self._resolve(entity)
        if ent.kind == "person":
            role = ent.role_on(on_date)
            if role is not None:
                return role.code, role.country or ent.country, role.sector
            return ent.country, ent.country, None
        claim = ent.claim_on(on_date)
        if claim is not None:
            sector = claim.code[3:6] if len(claim.code) >= 6 and claim.code[3:6] in sector_codes() else ent.sector
            return claim.code, ent.country, sector
        return ent.code, ent.country, ent.sector

    def roll_up(self, entity: Entity | str, on_date: date | None = None) -> Entity:
        """One step up: a person -> the organisation/state of their role in force (else their
        country); a unit or member -> its parent. Entities with nowhere to go return themselves."""
        ent = self._resolve(entity)
        if ent.kind == "person":
            role = ent.role_on(on_date)
            if role is not None and role.entity in self._entities:
                return self._entities[role.entity]
            if ent.country and ent.country in self._entities:
                return self._entities[ent.country]
            return ent
        if ent.parent and ent.parent in self._entities:
            return self._entities[ent.parent]
        return ent

    def _resolve(self, entity: Entity | str) -> Entity:
        if isinstance(entity, Entity):
            return entity
        ent = self._entities.get(entity)
        if ent is None:
            raise KeyError(f"unknown entity id {entity!r}")
        return ent

    # sector words
    def sector_forms(self, lang: str) -> Mapping[str, str]:
        """All known (inflected) sector-word forms of a language -> code (lower case)."""
        return MappingProxyType(self._sector_forms.get(lang, {}))

    def is_member_word(self, word: str, lang: str) -> bool:
        """Whether `word` (any regular inflection) is a member/supporter word of `lang` ("medlemmar", "supporters")."""
        return " ".join(word.split()).casefold() in self._member_forms.get(lang, frozenset())

    def sector_for(self, word: str, lang: str, compounds: bool = True) -> str | None:
        """Sector code of a sector word in any regular inflection, or None.

        sv: regeringen/regeringens -> GOV, trupperna, styrkorna, styrkarna (sic), armén -> MIL,
        parlamentet -> LEG; en: governments, government's, rebels' -> ... . With `compounds`, a
        Swedish compound is coded by its head: regeringsstyrkorna -> MIL, Haftarstyrkorna -> MIL.
        """
        key = (word, lang if compounds else lang + "!")
        if key in self._sector_cache:
            return self._sector_cache[key]
        result = self._sector_lookup(word, lang, compounds)
        if len(self._sector_cache) < 100_000:
            self._sector_cache[key] = result
        return result

    def _sector_lookup(self, word: str, lang: str, compounds: bool) -> str | None:
        forms = self._sector_forms.get(lang)
        if not forms:
            return None
        w = " ".join(word.replace("’", "'").split()).casefold()
        if not w:
            return None
        for cand in (w, _POSSESSIVE.sub("", w)):
            if cand in forms:
                return forms[cand]
        if rules_of(lang) == "en":
            base = _POSSESSIVE.sub("", w)
            for cand in (base[:-1] if base.endswith("s") else None, base[:-3] + "y" if base.endswith("ies") else None):
                if cand and cand in forms:
                    return forms[cand]
            return None
        if compounds and rules_of(lang) == "sv" and " " not in w:
            w2 = w.replace("-", "")
            roles = self._role_forms.get(lang, frozenset())
            for i in range(3, len(w2) - 3):
                head = w2[i:]
                if head in roles:  # "oppositionskandidat", "rebelledaren": the role has its modifier's sector
                    mod = w2[:i]
                    mod = mod if mod in forms else mod[:-1] if mod.endswith("s") and mod[:-1] in forms else None
                    if mod is not None:
                        return forms[mod]
                if head in forms and len(head) >= 4:
                    return forms[head]
        return None


def _inflected(words_by_lang: Mapping[str, Sequence[str]] | None) -> dict[str, frozenset[str]]:
    """Per language, the words of a closed noun list and their regular inflections (members, roles)."""
    out: dict[str, frozenset[str]] = {}
    for lg, words in (words_by_lang or {}).items():
        gen = _nb_noun_forms if lg == "nb" else _sv_noun_forms if rules_of(lg) == "sv" else _en_noun_forms
        lemmas = [" ".join(w.split()).casefold() for w in words]
        out[lg] = frozenset(lemmas) | frozenset(f for w in lemmas for f in gen(w))
    return out


def _entity_from(raw: dict, file_kind: str | None, source: str, line: int) -> Entity:
    mets: dict[str, list[str]] = {}
    met_sectors: dict[str, str] = {}
    for lang, items in (raw.get("metonyms") or {}).items():
        for it in items or []:
            if isinstance(it, dict):
                mets.setdefault(lang, []).append(it["name"])
                if it.get("sector"):
                    met_sectors[fold(it["name"])] = it["sector"]
            else:
                mets.setdefault(lang, []).append(it)
    roles = tuple(
        Role(code=r["code"], country=r.get("country"), sector=r.get("sector"), title=r.get("title", ""),
             start=_to_date(r.get("from")), end=_to_date(r.get("to")), entity=r["entity"])
        for r in raw.get("roles") or []
    )
    claims = tuple(Claim(code=c["code"], start=_to_date(c.get("from")), end=_to_date(c.get("to")))
                   for c in raw.get("claims") or [])
    kind = raw.get("kind") or file_kind or "org"
    return Entity(
        id=raw["id"], name=raw["name"], kind=kind, country=raw.get("country"), sector=raw.get("sector"),
        code=raw.get("code"), parent=raw.get("parent"), names=_frozen_langs(raw.get("names")),
        adjectives=_frozen_langs(raw.get("adjectives")), demonyms=_frozen_langs(raw.get("demonyms")),
        metonyms=_frozen_langs(mets), metonym_sectors=MappingProxyType(met_sectors), roles=roles, claims=claims,
        source=source, line=line,
    )


def _build(paths: Sequence[Path]) -> KnowledgeBase:
    docs: list[_Doc] = []
    errors: list[ValidationError] = []
    for p in paths:
        doc, errs = _parse(p)
        errors += errs
        if doc is not None:
            docs.append(doc)
    if not errors:
        errors = _validate_docs(docs, None, None)
    if errors:
        errors = sorted(set(errors), key=lambda e: (e.file, e.line, e.reason))
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise KnowledgeError(f"invalid knowledge base: {errors[0]}{more}", errors)
    entities: list[Entity] = []
    sectors: dict[str, dict[str, str]] = {}
    members: dict[str, list[str]] = {}
    roles: dict[str, list[str]] = {}
    for d in docs:
        data = d.data
        for lang, words in (data.get("members") or {}).items():
            members.setdefault(lang, []).extend(words)
        for lang, words in (data.get("roles") or {}).items():
            roles.setdefault(lang, []).extend(words)
        if "sectors" in data:
            for s in data["sectors"]:
                for lang, words in s.items():
                    if lang in ("code", "label"):
                        continue
                    for w in words:
                        sectors.setdefault(lang, {}).setdefault(" ".join(w.split()).casefold(), s["code"])
            continue
        for i, raw in enumerate(data.get("entities") or []):
            entities.append(_entity_from(raw, data.get("kind"), str(d.path), d.line(("entities", i))))
    return KnowledgeBase(entities, sectors, paths, members, roles)


@lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    from konflikt.cache import cached

    paths = default_paths()
    return cached("kb", lambda: _build(paths), sources=paths)


def load_kb(paths: Sequence[Path | str] | None = None) -> KnowledgeBase:
    """Load and validate knowledge files (default: the packaged ones, cached per process).

    Raises `KnowledgeError` (one-line message; `.errors` lists all) when a file is invalid.
    """
    if paths is None:
        return _default_kb()
    return _build([Path(p) for p in paths])


def check_command(paths: Sequence[Path | str] | None = None) -> int:
    """`konflikt actors check [PATHS...]`: print one line per error, return the exit status. A directory
    stands for the `*.yaml` files in it."""
    chosen = [f for p in map(Path, paths) for f in (sorted(p.glob("*.yaml")) if p.is_dir() else [p])] if paths else []
    chosen = chosen or default_paths()
    errors = validate_files(chosen)
    for err in errors:
        print(err)
    if not errors:
        n = sum(1 for _ in chosen)
        print(f"ok: {n} knowledge file(s) valid")
        return 0
    return 1
