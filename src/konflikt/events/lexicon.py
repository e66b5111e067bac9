"""Trigger lexicons: load, look up and validate the per-language PLOVER trigger files.

A trigger lexicon (`konflikt/data/triggers/<lang>.yaml`, format in docs/data-formats.md, analyst
guide in docs/triggers.md, JSON schema in `konflikt/data/schemas/triggers.schema.json`) lists the
verbs and event nouns that signal a PLOVER 2.0 event, with the event type, mode, contexts and CAMEO
code they code to, plus the closed word lists the event coder needs (negators, modality markers,
speech verbs, the prepositions that carry recipients/actors/beneficiaries, and light verbs).

This module

* parses a lexicon into frozen pydantic models (`Lexicon`, `TriggerEntry`, `Qualifier`, `LightVerb`);
* answers the coder's questions: `Lexicon.lookup(lemma, pos)`, `Lexicon.compound_heads(word)`
  (Swedish-style compounds: "militärstöd" -> "stöd"), `Lexicon.light_verb(lemma)`,
  `TriggerEntry.resolve(modifiers)` (apply qualifiers such as "militärt stöd" -> AID/072);
* validates files (`validate_lexicon_file`): YAML syntax, the JSON schema (missing or unknown
  fields, CAMEO code format, PLOVER type and context names) and the semantic rules the schema can't
  express (the mode must belong to the event type, ids are unique and carry the language prefix,
  `compound` only on nouns). Every error names the file and line. `load_lexicon` refuses an invalid
  file with a one-line `LexiconError`; `check_command` backs `konflikt triggers check`.

Packaged lexicons are cached per process (`load_lexicon("sv")` returns the same object each time).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import jsonschema
import yaml
from pydantic import BaseModel, ConfigDict, PrivateAttr

from konflikt.datafiles import parse_yaml
from konflikt.events.ontology import Ontology, load_ontology
from konflikt.language.registry import supported

__all__ = [
    "LexiconError",
    "Qualifier",
    "LightVerb",
    "TriggerEntry",
    "Lexicon",
    "load_lexicon",
    "validate_lexicon_file",
    "check_command",
    "default_lexicon_path",
    "LANGUAGES",
]

LANGUAGES: tuple[str, ...] = supported()  # the language registry (data/languages.yaml)

_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})

# Inflectional endings tried when a compound is passed as a surface form rather than a lemma
# ("flyganfallen" -> "flyganfall" + "en"). Longest first; "" (the form is the lemma) is always tried.
_COMPOUND_ENDINGS: dict[str, tuple[str, ...]] = {
    "sv": ("ernas", "arnas", "ornas", "erna", "arna", "orna", "ens", "ets", "ers", "ars", "ors",
           "en", "et", "er", "ar", "or", "na", "ns", "n", "t", "s"),
    "en": ("es", "s"),
}
_MIN_COMPOUND_PREFIX = 3


# --------------------------------------------------------------------------------------- errors
class LexiconError(Exception):
    """A problem in a lexicon file: `file`, `line` (1-based, 0 if unknown) and `reason`."""

    def __init__(self, file: str | Path, line: int, reason: str) -> None:
        self.file = str(file)
        self.line = int(line)
        self.reason = reason
        super().__init__(f"{self.file}:{self.line}: {self.reason}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LexiconError) and (self.file, self.line, self.reason) == (
            other.file, other.line, other.reason)

    def __hash__(self) -> int:
        return hash((self.file, self.line, self.reason))


# --------------------------------------------------------------------------------------- models
_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Qualifier(BaseModel):
    """A modifier that changes the coding of a trigger: "militärt stöd" -> AID/military/072.

    `words` are lower-case lemmas (or compound prefixes) of a modifier, an object noun or the first
    part of a compound. `recipient_kinds` are knowledge-base entity kinds: the qualifier also applies when
    a resolved recipient is such an entity ("lämna Ecowas" -> igo). Unset fields (None) inherit from the
    entry.
    """

    model_config = _FROZEN

    words: tuple[str, ...] = ()
    recipient_kinds: tuple[str, ...] = ()
    event: str | None = None
    mode: str | None = None
    context: tuple[str, ...] | None = None
    cameo: str | None = None
    intensity: float | None = None
    note: str = ""

    def matches(self, word: str) -> bool:
        """True if `word` (a modifier lemma/form or compound prefix) is one of `words`.

        Matching is case-insensitive; an inflected form matches when it starts with a listed word of
        at least 4 letters ("militära" ~ "militär", "ekonomiskt" ~ "ekonomisk").
        """
        w = word.lower().strip()
        if not w:
            return False
        for q in self.words:
            q = q.lower()
            if w == q or (len(q) >= 4 and w.startswith(q)):
                return True
        return False


class LightVerb(BaseModel):
    """A verb whose object (or `prep` phrase) is a noun trigger: "inleda en offensiv", "få stöd".

    role: `give` (subject = actor, recipient from a recipient_preps phrase), `receive` (subject =
    recipient, actor from an actor_preps phrase), `do` (subject = actor).
    """

    model_config = _FROZEN

    lemma: str
    role: Literal["give", "receive", "do"]
    particle: str | None = None
    prep: str | None = None
    note: str = ""


class TriggerEntry(BaseModel):
    """One trigger: a verb or event noun and the PLOVER coding it produces (see docs/triggers.md)."""

    model_config = _FROZEN

    id: str
    lemma: str
    variants: tuple[str, ...] = ()
    pos: Literal["VERB", "NOUN"]
    particle: str | None = None
    reflexive: bool = False
    prep: str | None = None
    compound: bool = False
    event: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str
    intensity: float | None = None
    passive_actor_prep: str | None = None
    qualifiers: tuple[Qualifier, ...] = ()
    converse: bool = False
    requires_qualifier: bool = False
    reciprocal: bool = False
    needs_recipient: bool = False
    negated_as: Qualifier | None = None
    """Negated, with an object among its words, the entry codes as this ("has not ruled out strikes": THREATEN)."""
    note: str = ""
    line: int | None = None
    """Line of the entry in its file (set by the loader; not a file field)."""

    @property
    def forms(self) -> tuple[str, ...]:
        """Lower-cased lemma and variants."""
        return tuple(dict.fromkeys(f.lower() for f in (self.lemma, *self.variants)))

    def qualifier_for(self, modifiers: Iterable[str]) -> Qualifier | None:
        """The first qualifier (file order) matched by any of `modifiers`, or None."""
        mods = [m for m in modifiers if m]
        for q in self.qualifiers:
            if any(q.matches(m) for m in mods):
                return q
        return None

    def resolve(self, modifiers: Iterable[str] = ()) -> TriggerEntry:
        """This entry with the first matching qualifier applied (self if none matches).

        `modifiers`: lemmas of adjectives, nouns or compound prefixes attached to the trigger,
        e.g. ["militär"] for "militärt stöd" or ["vapen"] for "vapenstöd".
        """
        q = self.qualifier_for(modifiers)
        if q is None:
            return self
        event = q.event or self.event
        changes: dict[str, Any] = {"event": event}
        # a qualifier that changes the event type does not inherit a mode of the old type
        changes["mode"] = q.mode if (q.mode is not None or event != self.event) else self.mode
        if q.context is not None:
            changes["context"] = q.context
        if q.cameo is not None:
            changes["cameo"] = q.cameo
        if q.intensity is not None or event != self.event:
            changes["intensity"] = q.intensity
        changes["qualifiers"] = ()
        return self.model_copy(update=changes)


class Deployment(BaseModel):
    """What military aid sent to a front or border codes as: `event`/`mode`/`cameo` when the destination (a
    phrase with one of `preps`) is one of `places`."""

    model_config = _FROZEN

    places: tuple[str, ...]
    preps: tuple[str, ...]
    event: str
    mode: str | None = None
    cameo: str | None = None
    personnel: tuple[str, ...] = ()
    """Forces ("trupp", "soldat", "patrull"): military aid of these sent to no party is a deployment too."""


class Lexicon(BaseModel):
    """A language's trigger lexicon and closed word lists, with lookup indexes."""

    model_config = _FROZEN

    language: str
    version: int = 1
    negators: tuple[str, ...] = ()
    modality: dict[str, tuple[str, ...]] = {}
    speech_verbs: tuple[str, ...] = ()
    recipient_preps: tuple[str, ...] = ()
    actor_preps: tuple[str, ...] = ()
    beneficiary_preps: tuple[str, ...] = ()
    deployment: Deployment | None = None
    """Forces or arms sent to a front or border ("till gränsen", "to the front") are deployed, not given."""
    patient_prep: str | None = None
    """The preposition of an action noun's patient that is also the passive agent's ("av": "invasionen av X")."""
    action_noun_endings: tuple[str, ...] = ()
    """Endings of nominalised verbs, whose `patient_prep` phrase is their patient ("dödandet", "bombningen")."""
    motive_preps: tuple[str, ...] = ()
    """Prepositions of a protest noun giving the motive of another act ("i protest mot", "in protest at")."""
    role_marks: tuple[str, ...] = ()
    between_preps: tuple[str, ...] = ()
    """Prepositions naming the parties of a mutual act ("striderna mellan X och Y", "talks between X and Y")."""
    charge_preps: tuple[str, ...] = ()
    """Prepositions of an accusation's charge ("accused the group of ...", "anklagade gruppen för ...")."""
    event_anaphors: tuple[str, ...] = ()
    """Lemmas of nouns that refer back to an act of someone's ("condemned the move", "avvisade beslutet")."""
    both_sides: tuple[str, ...] = ()
    """Phrases that stand for the two parties of the last dyad ("both sides", "båda parter")."""
    """Words giving an oblique a role, not a target ("med Qatar som medlare", "with Qatar as mediator")."""
    compound_endings: tuple[str, ...] = ()
    """Inflectional endings stripped from a compound form before its head is looked up ("flyangrepene");
    a lexicon without them uses the built-in endings of sv/en."""
    light_verbs: tuple[LightVerb, ...] = ()
    triggers: tuple[TriggerEntry, ...] = ()
    path: str | None = None
    """The file the lexicon was loaded from (not a file field)."""

    _by_form: dict[str, list[TriggerEntry]] = PrivateAttr(default_factory=dict)
    _compound_keys: list[tuple[str, TriggerEntry]] = PrivateAttr(default_factory=list)
    _compound_index: dict[str, list[int]] = PrivateAttr(default_factory=dict)
    _compound_memo: dict[str, tuple[tuple[str, TriggerEntry], ...]] = PrivateAttr(default_factory=dict)
    _light: dict[str, LightVerb] = PrivateAttr(default_factory=dict)
    _modality_of: dict[str, tuple[str, ...]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, __context: Any) -> None:
        by_form: dict[str, list[TriggerEntry]] = {}
        compound: list[tuple[str, TriggerEntry]] = []
        for entry in self.triggers:
            keys = list(entry.forms)
            if entry.particle:
                keys += [f"{f} {entry.particle.lower()}" for f in entry.forms]
            for key in dict.fromkeys(keys):
                by_form.setdefault(key, []).append(entry)
            if entry.compound and entry.pos == "NOUN":
                compound += [(f, entry) for f in entry.forms]
        compound.sort(key=lambda kv: -len(kv[0]))
        self._by_form = by_form
        self._compound_keys = compound
        index: dict[str, list[int]] = {}
        for i, (key, _entry) in enumerate(compound):
            index.setdefault(key, []).append(i)
        self._compound_index = index
        self._compound_memo = {}
        self._light = {
            (f"{lv.lemma} {lv.particle}" if lv.particle else lv.lemma).lower(): lv for lv in self.light_verbs
        }
        mod: dict[str, list[str]] = {}
        for kind, words in self.modality.items():
            for w in words:
                mod.setdefault(w.lower(), []).append(kind)
        self._modality_of = {w: tuple(k) for w, k in mod.items()}

    # ---- queries
    def lookup(self, lemma: str, pos: str | None = None) -> list[TriggerEntry]:
        """Entries whose lemma, a variant, or "lemma particle" equals `lemma` (case-insensitive).

        pos: a UD tag of the token; VERB/AUX match VERB entries, NOUN/PROPN match NOUN entries, any
        other tag matches nothing; None matches all. File order is kept.
        """
        entries = self._by_form.get(" ".join(lemma.lower().split()), [])
        if pos is None:
            return list(entries)
        pos = pos.upper()
        if pos in _VERB_POS:
            want = "VERB"
        elif pos in _NOUN_POS:
            want = "NOUN"
        else:
            return []
        return [e for e in entries if e.pos == want]

    def compound_heads(self, word: str) -> list[tuple[str, TriggerEntry]]:
        """(prefix, entry) pairs for `compound: true` nouns that `word` ends with, longest head first.

        `word` is a noun lemma or form: "militärstöd" -> [("militär", stöd)], "drönarattack" ->
        [("drönar", attack)]. Inflected forms are tried with common endings stripped
        ("flyganfallen" -> "flyg" + anfall). The prefix must have at least 3 letters, so a bare
        trigger ("stöd") is not its own compound. Each entry appears at most once.
        """
        w = word.lower().strip()
        if (hit := self._compound_memo.get(w)) is None:
            hit = self._compound_memo[w] = self._compound_heads(w)
        return list(hit)

    def _compound_heads(self, w: str) -> tuple[tuple[str, TriggerEntry], ...]:
        endings = ("", *(self.compound_endings or _COMPOUND_ENDINGS.get(self.language, ())))
        stems = [w] + [w[: -len(e)] for e in endings if e and w.endswith(e) and len(w) > len(e)]
        # the keys each stem ends with, found by its suffixes (not by trying every key), in key order
        index = self._compound_index
        found = sorted({i for stem in stems for cut in range(_MIN_COMPOUND_PREFIX, len(stem))
                        for i in index.get(stem[cut:], ())})
        out: list[tuple[str, TriggerEntry]] = []
        seen: set[str] = set()
        for i in found:
            key, entry = self._compound_keys[i]
            if entry.id in seen:
                continue
            for stem in stems:
                if stem.endswith(key) and len(stem) - len(key) >= _MIN_COMPOUND_PREFIX:
                    prefix = stem[: -len(key)]
                    if not prefix.isalpha() and not prefix.rstrip("-").isalpha():
                        continue
                    out.append((prefix.rstrip("-"), entry))
                    seen.add(entry.id)
                    break
        return tuple(out)

    def light_verb(self, lemma: str, particle: str | None = None) -> LightVerb | None:
        """The light-verb spec of `lemma` (case-insensitive), or None.

        Light verbs that need a particle ("ta emot", "komma med") are found with `particle=` or as
        "lemma particle"; a verb with a particle that has no own entry falls back to the bare lemma.
        """
        key = " ".join(lemma.lower().split())
        if particle:
            found = self._light.get(f"{key} {particle.lower().strip()}")
            if found is not None:
                return found
        return self._light.get(key)

    def is_negator(self, word: str) -> bool:
        return word.lower() in self.negators

    def modality_of(self, word: str) -> tuple[str, ...]:
        """The modality kinds (future, hypothetical, ...) a lower-cased word or lemma marks."""
        return self._modality_of.get(word.lower(), ())

    def by_id(self, entry_id: str) -> TriggerEntry | None:
        for e in self.triggers:
            if e.id == entry_id:
                return e
        return None

    def by_event(self, event: str) -> list[TriggerEntry]:
        return [e for e in self.triggers if e.event == event]


# --------------------------------------------------------------------------------------- loading
def default_lexicon_path(lang: str) -> Path:
    """The packaged lexicon file of a language."""
    return Path(str(resources.files("konflikt.data").joinpath(f"triggers/{lang}.yaml")))


def _schema_path() -> Path:
    return Path(str(resources.files("konflikt.data").joinpath("schemas/triggers.schema.json")))


@lru_cache(maxsize=1)
def _schema() -> dict:
    with open(_schema_path(), encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=8)
def _load_default(lang: str) -> Lexicon:
    from konflikt.cache import cached

    path = default_lexicon_path(lang)
    return cached(f"lexicon-{lang}", lambda: _load_file(path, lang), sources=[path])


def load_lexicon(lang: str, path: Path | str | None = None) -> Lexicon:
    """The trigger lexicon of `lang` ("sv", "en").

    path: None = the packaged file (cached per process); a file; or a directory holding
    `<lang>.yaml` (e.g. `Settings.data_dir / "triggers"`). Raises LexiconError (one line: the first
    error and how many more) if the file is missing or invalid.
    """
    if path is None:
        return _load_default(lang)
    p = Path(path)
    if p.is_dir():
        p = p / f"{lang}.yaml"
    return _load_file(p, lang)


def _load_file(path: Path, lang: str | None) -> Lexicon:
    errors = validate_lexicon_file(path)
    if errors:
        first = errors[0]
        more = ""
        if len(errors) > 1:
            more = f" (and {len(errors) - 1} more; run `konflikt triggers check {path}`)"
        raise LexiconError(first.file, first.line, first.reason + more)
    data, root = parse_yaml(Path(path).read_text(encoding="utf-8"))
    if lang is not None and data["language"] != lang:
        raise LexiconError(
            path, _line(root, ("language",)), f"language is {data['language']!r}, expected {lang!r}"
        )
    triggers = []
    for i, t in enumerate(data["triggers"]):
        triggers.append({**t, "line": _line(root, ("triggers", i))})
    return Lexicon.model_validate({**data, "triggers": triggers, "path": str(path)})


# --------------------------------------------------------------------------------------- validation
def _node_at(root: yaml.Node | None, path: Sequence[Any]) -> tuple[yaml.Node | None, yaml.Node | None]:
    """(key node, value node) at `path` in a composed YAML tree; the deepest found if the path breaks."""
    node, key_node = root, None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(part):
                    node, key_node = v, k
                    break
            else:
                return key_node, node
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node, key_node = node.value[part], None
        else:
            return key_node, node
    return key_node, node


def _line(root: yaml.Node | None, path: Sequence[Any], key: bool = False) -> int:
    key_node, node = _node_at(root, path)
    target = key_node if (key and key_node is not None) else node
    if target is None:
        return 0
    return target.start_mark.line + 1


def _duplicate_keys(node: yaml.Node, file: str, out: list[LexiconError]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                ln = k.start_mark.line + 1
                if k.value in seen:
                    reason = f"duplicate key '{k.value}' (first at line {seen[k.value]})"
                    out.append(LexiconError(file, ln, reason))
                else:
                    seen[k.value] = ln
            _duplicate_keys(v, file, out)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            _duplicate_keys(v, file, out)


def _describe(path: Sequence[Any], data: Any) -> str:
    """'trigger sv.x' / 'light verb 3' prefix for messages."""
    if len(path) >= 2 and path[0] == "triggers" and isinstance(path[1], int):
        try:
            tid = data["triggers"][path[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            tid = None
        return f"trigger {tid}" if tid else f"trigger #{path[1] + 1}"
    if len(path) >= 2 and path[0] == "light_verbs" and isinstance(path[1], int):
        return f"light verb #{path[1] + 1}"
    return "file"


def _schema_errors(data: Any, root: yaml.Node, file: str, onto: Ontology) -> list[LexiconError]:
    out: list[LexiconError] = []
    validator = jsonschema.Draft202012Validator(_schema())
    for err in validator.iter_errors(data):
        path = list(err.absolute_path)
        where = _describe(path, data)
        field = next((p for p in reversed(path) if isinstance(p, str)), None)
        kind = err.validator
        if kind == "required":
            present = err.instance if isinstance(err.instance, dict) else {}
            missing = [r for r in err.validator_value if r not in present]
            for r in missing:
                out.append(LexiconError(file, _line(root, path), f"{where}: missing required field '{r}'"))
            continue
        if kind == "additionalProperties" and isinstance(err.instance, dict):
            allowed = set(err.schema.get("properties", {}))
            for k in err.instance:
                if k not in allowed:
                    ln = _line(root, [*path, k], key=True)
                    out.append(LexiconError(file, ln, f"{where}: unknown field '{k}'"))
            continue
        ln = _line(root, path)
        value = err.instance
        if field == "cameo":
            if isinstance(value, str):
                reason = f"bad CAMEO code '{value}' (expected root 01-20 plus up to 2 digits, e.g. \"051\")"
            else:
                reason = f"bad CAMEO code {value!r}: write it as a quoted string, e.g. cameo: \"051\""
        elif field == "event" and kind == "enum":
            reason = f"unknown PLOVER type '{value}' (expected one of {', '.join(onto.types)})"
        elif field == "context" and kind == "enum":
            hint = onto.legacy_contexts.get(str(value))
            reason = f"unknown context '{value}'" + (f" (PLOVER 2.0 uses '{hint}')" if hint else "")
        elif kind == "type":
            reason = f"{field or 'value'} must be {err.validator_value}, got {type(value).__name__} {value!r}"
        else:
            reason = f"{field or 'value'}: {err.message}"
        out.append(LexiconError(file, ln, f"{where}: {reason}"))
    return out


def _semantic_errors(data: dict, root: yaml.Node, file: str, onto: Ontology) -> list[LexiconError]:
    out: list[LexiconError] = []
    lang = data.get("language")
    seen_ids: dict[str, int] = {}
    triggers = data.get("triggers")
    if not isinstance(triggers, list):
        return out

    def check_mode(event: Any, mode: Any, path: list[Any], where: str) -> None:
        if mode is None or not isinstance(event, str) or not onto.is_type(event) or not isinstance(mode, str):
            return
        modes = onto.modes(event)
        if mode not in modes:
            valid = f"valid: {', '.join(modes)}" if modes else f"{event} has no modes; use null"
            reason = f"{where}: mode '{mode}' is not a mode of {event} ({valid})"
            out.append(LexiconError(file, _line(root, path), reason))

    dep = data.get("deployment")
    if isinstance(dep, dict):
        check_mode(dep.get("event"), dep.get("mode"), ["deployment", "mode"], "deployment")
    for i, t in enumerate(triggers):
        if not isinstance(t, dict):
            continue
        where = _describe(["triggers", i], data)
        tid = t.get("id")
        if isinstance(tid, str):
            ln = _line(root, ["triggers", i, "id"])
            if tid in seen_ids:
                out.append(LexiconError(file, ln, f"duplicate id '{tid}' (first at line {seen_ids[tid]})"))
            else:
                seen_ids[tid] = ln
            if isinstance(lang, str) and not tid.startswith(lang + "."):
                out.append(LexiconError(file, ln, f"{where}: id must start with '{lang}.'"))
        check_mode(t.get("event"), t.get("mode"), ["triggers", i, "mode"], where)
        if t.get("compound") and t.get("pos") != "NOUN":
            out.append(LexiconError(file, _line(root, ["triggers", i, "compound"]),
                                    f"{where}: compound: true is only allowed on NOUN entries"))
        for j, q in enumerate(t.get("qualifiers") or []):
            if isinstance(q, dict):
                check_mode(q.get("event") or t.get("event"), q.get("mode"),
                           ["triggers", i, "qualifiers", j, "mode"], f"{where} qualifier #{j + 1}")
        neg = t.get("negated_as")
        if isinstance(neg, dict):
            check_mode(neg.get("event") or t.get("event"), neg.get("mode"), ["triggers", i, "negated_as", "mode"],
                       f"{where} negated_as")
    return out


def validate_lexicon_file(path: Path | str) -> list[LexiconError]:
    """All problems in a lexicon file, sorted by line; [] if the file is valid.

    Checks: readable file, YAML syntax, duplicate keys, the JSON schema (missing required fields,
    unknown fields, types, CAMEO code format, unknown PLOVER types and contexts), modes against the
    PLOVER modes of the event type (also in qualifiers), duplicate and mis-prefixed ids, `compound`
    on verbs.
    """
    file = str(path)
    from konflikt.datafiles import read_utf8, yaml_error

    text, problem = read_utf8(path)
    if text is None:
        return [LexiconError(file, *problem)]
    try:
        data, root = parse_yaml(text)
    except yaml.YAMLError as exc:
        line, problem = yaml_error(exc, text)
        return [LexiconError(file, line, f"bad YAML: {problem}")]
    if not isinstance(data, dict) or root is None:
        reason = "bad lexicon: the file must be a YAML mapping with language, version, triggers"
        return [LexiconError(file, 1, reason)]
    onto = load_ontology()
    errors: list[LexiconError] = []
    _duplicate_keys(root, file, errors)
    errors += _schema_errors(data, root, file, onto)
    errors += _semantic_errors(data, root, file, onto)
    return sorted(dict.fromkeys(errors), key=lambda e: (e.line, e.reason))


def check_command(paths: Iterable[Path | str] | None = None) -> int:
    """Validate lexicon files (None or empty: the packaged ones); print one line per error.

    A directory stands for the `*.yaml` files in it. Returns the exit code: 0 if all files are
    valid, 1 otherwise. A last summary line goes to stdout.
    """
    files: list[Path] = []
    for p in [Path(p) for p in paths or ()]:
        files += sorted(p.glob("*.yaml")) if p.is_dir() else [p]
    if not files:
        files = [default_lexicon_path(lang) for lang in LANGUAGES if default_lexicon_path(lang).exists()]
    n_errors = 0
    for f in files:
        for err in validate_lexicon_file(f):
            print(str(err))
            n_errors += 1
    print(f"{len(files)} lexicon file(s) checked, {n_errors} error(s)", file=sys.stdout)
    return 1 if n_errors else 0


@dataclass(frozen=True)
class _Stats:
    """Entry counts per PLOVER type (used by docs and tests)."""

    per_type: dict[str, int]
    total: int


def lexicon_stats(lex: Lexicon) -> _Stats:
    counts = {t: 0 for t in load_ontology().types}
    for e in lex.triggers:
        counts[e.event] = counts.get(e.event, 0) + 1
    return _Stats(per_type=counts, total=len(lex.triggers))
