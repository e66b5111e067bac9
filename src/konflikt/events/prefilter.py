"""The fast path's gate: can this raw text hold an event at all? Decided without parsing.

Every event starts from a trigger token — a lexicon verb or noun found by one of its lemma candidates
(`konflikt.events.lemmas._lemmas`: the pipeline's lemma, simplemma's lemma, the lower-cased form,
Swedish participle stems), a `compound: true` noun at the end of a compound, or the first word of a
multiword noun — or from an obligation modal ("must", lexicon `modality.obligation`) under a speech verb.
`TriggerGate` compiles, from the trigger lexicon (data) and the inflected forms file
`konflikt/data/prefilter/<lang>.forms.json` (data: the irregular forms of trigger lemmas, generated from
simplemma's dictionaries by `scripts/build_prefilter_forms.py`), one regular expression over raw text:

* a word starting with the stem of a trigger form (the form minus a final vowel: sv "attackera" ->
  "attacker", en "seize" -> "seiz") — regular inflections ("attackerade", "seized"); a stem of four letters
  or fewer only with an ending of `konflikt/data/prefilter/suffixes.yaml` ("hot" -> "hotade", not "hotell";
  "int" -> "intar", not "inte");
* a word starting with a listed irregular form ("tog", "gick", "fought");
* anywhere inside a word, the stem of a compound trigger ("drönarattacken"; a short one only at the end of
  the word, with its endings: "terrorhotet");
* a word starting with a multiword trigger's first word or an obligation word.

It is a superset by construction for regular morphology and by data for irregular forms: text it rejects
has no token whose lemma candidates are a trigger. `tests/pipeline/test_prefilter.py` checks that on the
gold sets and that coding with and without the gate gives identical events.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from konflikt.language.registry import rules_of

__all__ = ["GateWords", "TriggerGate", "gate_for", "gate_words", "load_forms", "stem", "trie_pattern"]

_VOWELS = frozenset("aeiouyåäö")


def stem(form: str, lang: str) -> str:
    """The prefix the regular inflections of `form` start with: the form minus a final vowel (sv
    "attackera" -> "attacker", "möte" -> "möt"; en "seize" -> "seiz", "deny" -> "den"), else the form itself
    ("attack"). Forms of three letters or fewer stay whole. Irregular forms come from the forms file."""
    if len(form) <= 3:
        return form
    cut = form[-1] in _VOWELS if rules_of(lang) != "en" else form[-1] in "ey"
    return form[:-1] if cut else form


def trie_pattern(words) -> str:
    """A regular expression matching any of `words` (literal strings), as a character trie, so the
    regex engine does not try the alternatives one by one."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return _node_pattern(trie) if trie else "(?!)"


def _node_pattern(node: dict) -> str:
    if "" in node and len(node) == 1:
        return ""
    alts = [re.escape(ch) + _node_pattern(child) for ch, child in sorted(node.items()) if ch]
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True)
class GateWords:
    """What the gate looks for, from a lexicon: `plain` trigger words (any inflection is enough),
    `compound` heads (also inside a word), `conditional` trigger words with the words one of which must
    also be present (the particles/prepositions every entry of that word requires, or the other words of a
    multiword form), and the `obligation` words with the `speech` verbs they need."""

    plain: frozenset[str]
    compound: frozenset[str]
    conditional: dict[str, frozenset[str]]
    obligation: frozenset[str]
    speech: frozenset[str]

    def all_words(self) -> set[str]:
        return set(self.plain) | set(self.compound) | set(self.conditional) | set(self.obligation) | set(self.speech)


def gate_words(lex) -> GateWords:
    """The `GateWords` of a trigger lexicon."""
    plain: set[str] = set()
    compound: set[str] = set()
    needs: dict[str, set[str] | None] = {}  # word -> required words; None: some entry needs nothing
    for entry in lex.triggers:
        required = {w.split()[0].lower() for w in (entry.particle, entry.prep) if w}
        for f in entry.forms:
            words = f.split()
            head = words[-1] if len(words) > 1 else f
            req = set(words[:-1]) if len(words) > 1 else required
            if entry.compound and entry.pos == "NOUN":
                compound.add(head)
            if not req:
                needs[head] = None
            elif needs.get(head, set()) is not None:
                needs[head] = needs.get(head, set()) | req
    for word, req in needs.items():
        if req is None:
            plain.add(word)
    conditional = {w: frozenset(r) for w, r in needs.items() if r is not None}
    return GateWords(frozenset(plain), frozenset(compound), conditional,
                     frozenset(w.lower() for w in (lex.modality.get("obligation") or ())),
                     frozenset(w.lower() for w in lex.speech_verbs))


def load_forms(lang: str) -> dict[str, list[str]]:
    """The irregular inflected forms of trigger lemmas for `lang` ({lemma: [forms]}; empty without a file)."""
    path = resources.files("konflikt.data").joinpath(f"prefilter/{lang}.forms.json")
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


SHORT_START = 4
"""Word starts of this many letters or fewer match only whole words (the start plus an ending of
`data/prefilter/suffixes.yaml`); longer ones match any word they begin."""


@lru_cache(maxsize=4)
def load_suffixes(lang: str) -> dict[str, tuple[str, ...]]:
    """The endings allowed after a short word start, by the letter its lemma lost ("" = none)."""
    from konflikt.datafiles import load_yaml

    path = resources.files("konflikt.data").joinpath("prefilter/suffixes.yaml")
    data = (load_yaml(path.read_text(encoding="utf-8")) or {}).get(lang) or {}
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise ValueError(f"{path}: '{lang}' must map a letter to a list of endings")
    return {str(k or ""): tuple(str(x) for x in v) for k, v in data.items()}


def _short_words(start: str, lost: str, suffixes: dict[str, tuple[str, ...]]) -> set[str]:
    out = set()
    for suf in suffixes.get(lost, suffixes.get("", ("",))):
        out.add(start + start[-1] + suf[len("DOUBLE+"):] if suf.startswith("DOUBLE+") else start + suf)
    return out


def _starts(words, lang: str, forms: dict[str, list[str]]) -> tuple[set[str], set[str]]:
    """What catches every known inflection of `words`: (word starts, whole words). A stem or irregular form
    longer than SHORT_START letters is a start; a shorter one gives whole words (it with the endings of
    `suffixes.yaml`, the trigger word itself, and its dictionary forms from the forms file)."""
    suffixes = load_suffixes(lang)
    starts: set[str] = set()
    whole: set[str] = set()
    for w in words:
        st = stem(w, lang)
        lost = w[len(st):]  # the letter the stem dropped ("a" of "inta"), "" when the word is its own stem
        # Swedish verbs in a double consonant drop one before -de/-t/-d ("godkänna" -> godkände, godkänt)
        doubled = rules_of(lang) == "sv" and len(st) > 2 and st[-1] == st[-2] and st[-1] not in _VOWELS
        stems = [st, st[:-1]] if doubled else [st]
        for st in stems:
            if len(st) > SHORT_START:
                starts.add(st)
            else:
                whole.add(w)
                whole.update(_short_words(st, lost, suffixes))
        for f in forms.get(w, ()):
            if len(f) > SHORT_START:
                starts.add(f)
            else:
                whole.update(_short_words(f, "", suffixes))
    return starts, whole


def _alternatives(starts: set[str], whole: set[str]) -> str:
    """One pattern: a word beginning with one of `starts`, or one of `whole` as a whole word (its start is
    anchored by the caller)."""
    parts = [f"(?:{trie_pattern(starts)})"] if starts else []
    if whole:
        parts.append(rf"(?:{trie_pattern(whole)})(?![^\W\d_])")
    return "|".join(parts) or "(?!)"


def _word_start(keys: tuple[set[str], set[str]]) -> re.Pattern:
    return re.compile(rf"(?<![^\W\d_])(?:{_alternatives(*keys)})")


class TriggerGate:
    """A compiled raw-text test: `gate.may_hold_event(text)` is False only when no trigger can be in `text`."""

    def __init__(self, lex, lang: str, forms: dict[str, list[str]] | None = None) -> None:
        gw = gate_words(lex)
        forms = load_forms(lang) if forms is None else forms
        self.lang = lang
        # a compound's head ends the word: a short head only with its endings ("terrorhotet", not "hotellet")
        inside = _alternatives(*_starts(gw.compound, lang, {}))
        self.pattern = re.compile(rf"(?<![^\W\d_])(?:{_alternatives(*_starts(gw.plain, lang, forms))})|{inside}")
        by_req: dict[frozenset[str], set[str]] = {}
        for word, req in gw.conditional.items():
            by_req.setdefault(req, set()).add(word)
        self.conditional = [(req, _word_start(_starts(ws, lang, forms))) for req, ws in sorted(by_req.items(), key=str)]
        self.obligation = (gw.obligation, _word_start(_starts(gw.speech, lang, forms))) if gw.obligation else None

    def may_hold_event(self, text: str) -> bool:
        low = text.lower()
        if self.pattern.search(low) is not None:
            return True
        words: set[str] | None = None
        for req, pat in self.conditional:
            words = words if words is not None else set(_WORD.findall(low))
            if req & words and pat.search(low) is not None:
                return True
        if self.obligation is not None:
            words = words if words is not None else set(_WORD.findall(low))
            if self.obligation[0] & words and self.obligation[1].search(low) is not None:
                return True
        return False


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4)
def gate_for(lang: str) -> TriggerGate:
    """The packaged lexicon's gate for `lang`, built once per process."""
    from konflikt.events.lexicon import load_lexicon

    return TriggerGate(load_lexicon(lang), lang)
