"""The fast path's gate: can this raw text hold an event at all? Decided without parsing.

Every event starts from a trigger token — a lexicon verb or noun found by one of its lemma candidates
(`konflikt.events.extract._lemmas`: the pipeline's lemma, simplemma's lemma, the lower-cased form,
Swedish participle stems), a `compound: true` noun at the end of a compound, or the first word of a
multiword noun — or from an obligation modal ("must", lexicon `modality.obligation`) under a speech verb.
`TriggerGate` compiles, from the trigger lexicon (data) and the inflected forms file
`konflikt/data/prefilter/<lang>.forms.json` (data: the irregular forms of trigger lemmas, generated from
simplemma's dictionaries by `scripts/build_prefilter_forms.py`), one regular expression over raw text:

* a word starting with the stem of a trigger form (sv: the form minus two letters, en: minus one, at
  least three letters; shorter forms whole) — regular inflections ("attackerade", "seized");
* a word starting with a listed irregular form ("tog", "gick", "fought");
* anywhere inside a word, the stem of a compound trigger ("drönarattacken");
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

__all__ = ["GateWords", "TriggerGate", "gate_for", "gate_words", "load_forms", "stem", "trie_pattern"]

_VOWELS = frozenset("aeiouyåäö")


def stem(form: str, lang: str) -> str:
    """The prefix the regular inflections of `form` start with: the form minus a final vowel (sv
    "attackera" -> "attacker", "möte" -> "möt"; en "seize" -> "seiz", "deny" -> "den"), else the form itself
    ("attack"). Forms of three letters or fewer stay whole. Irregular forms come from the forms file."""
    if len(form) <= 3:
        return form
    cut = form[-1] in _VOWELS if lang != "en" else form[-1] in "ey"
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


def _starts(words, lang: str, forms: dict[str, list[str]]) -> set[str]:
    """Word starts that catch every known inflection of `words`: their stems and irregular forms."""
    out = {stem(w, lang) for w in words}
    for w in words:
        out.update(forms.get(w, ()))
    return out


def _word_start(keys) -> re.Pattern:
    return re.compile(rf"(?<![^\W\d_])(?:{trie_pattern(keys)})")


class TriggerGate:
    """A compiled raw-text test: `gate.may_hold_event(text)` is False only when no trigger can be in `text`."""

    def __init__(self, lex, lang: str, forms: dict[str, list[str]] | None = None) -> None:
        gw = gate_words(lex)
        forms = load_forms(lang) if forms is None else forms
        self.lang = lang
        inside = trie_pattern({stem(h, lang) for h in gw.compound})
        self.pattern = re.compile(rf"(?<![^\W\d_])(?:{trie_pattern(_starts(gw.plain, lang, forms))})|{inside}")
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
