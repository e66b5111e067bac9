"""Language identification of a document: py3langid combined with lexical evidence from data (offline).

`detect(text, hints=None)` returns `(code, score)` with an ISO 639-1 code. Only languages with a trained
pipeline and data files are *supported* (`Settings.languages`); any other language is still named (so the
caller can skip the document with a clear message) instead of being forced into Swedish or English.

Two sources of evidence are combined:

* py3langid, a character n-gram classifier, restricted to common news languages (`CANDIDATES`); reliable
  on paragraphs, unreliable on a headline ("Russia attacked Ukraine." comes out Swedish on its own);
* *exclusive words*: word forms that belong to exactly one language's word list. The lists are data:
  spaCy's stop-word lists for every candidate language spaCy has, plus, for the supported languages, what
  the `Coder` already loads — the names, demonyms and adjectives of the actor knowledge base ("Russia" /
  "Ryssland", "Ukrainian" / "ukrainsk") and the trigger lexicon's lemmas and variants ("attack",
  "anfalla"). A word listed by two languages ("Hamas", "det", "attack") is no evidence. For the supported
  languages a token also counts through its lemma (simplemma), so "attacked" counts as English "attack".

The score of a language is `w * log(p_langid + 1e-4) + 1.5 * hits`, where the weight `w` of the n-gram
classifier grows with the length of the text (`min(1, words / 40)`, at least 0.15): a short text is
decided by its words, a long one by the classifier, which a handful of shared words cannot overturn.
The returned score is the winner's share of the softmax over these scores.

`build_hints(kb, lexicons)` makes the lexical evidence once (the `Coder` keeps it); without hints only
the stop-word lists are used.
"""

from __future__ import annotations

import importlib.util
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from konflikt.language.registry import langid_votes, supported
from konflikt.language.registry import registry as _registry

__all__ = ["CANDIDATES", "Hints", "build_hints", "detect", "default_hints"]

# Candidate languages: common news languages, so that an unsupported language is named, not forced into sv/en.
CANDIDATES = (
    "sv", "en", "da", "no", "nn", "de", "nl", "fr", "es", "pt", "it", "fi", "pl", "ru", "uk", "tr",
    "ar", "fa", "he", "zh", "ja", "ko", "hi", "ur", "id", "ms", "cs", "sk", "hu", "ro", "bg", "sr", "hr",
    "el", "et", "lv", "lt", "is", "sw", "am", "so", "vi", "th",
)
# spaCy's module name where it differs from py3langid's code.
_SPACY_CODE = {"no": "nb"}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_HIT_WEIGHT = 1.5
_EPS = 1e-4
_MAX_WORDS = 400
_FULL_WEIGHT_WORDS = 40
_MIN_WEIGHT = 0.15


@dataclass(frozen=True)
class Hints:
    """Exclusive word evidence: form -> the one language that lists it; lemma checks for some languages."""

    exclusive: Mapping[str, str] = field(default_factory=dict)
    lemma_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Per supported language, the forms its lemmas are checked against (exclusive to that language)."""

    @classmethod
    def from_words(cls, words: Mapping[str, Iterable[str]], lemma_langs: Iterable[str] = ()) -> Hints:
        """Hints from per-language word lists (any case; multiword entries count word by word)."""
        owners: dict[str, set[str]] = {}
        for lang, items in words.items():
            for item in items:
                for w in _WORD.findall(item or ""):
                    w = w.lower()
                    if len(w) >= 2:
                        owners.setdefault(w, set()).add(lang)
        exclusive = {w: next(iter(ls)) for w, ls in owners.items() if len(ls) == 1}
        lemma_words = {lg: frozenset(w for w, owner in exclusive.items() if owner == lg) for lg in lemma_langs}
        return cls(exclusive, lemma_words)


def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop-word list of a language, read from its `stop_words.py` alone (importing the language
    packages would cost seconds)."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(spec.submodule_search_locations[0]) / "lang" / _SPACY_CODE.get(lang, lang) / "stop_words.py"
    if not path.is_file():
        return frozenset()
    mod_spec = importlib.util.spec_from_file_location(f"_konflikt_stop_words_{lang}", path)
    mod = importlib.util.module_from_spec(mod_spec)
    try:
        mod_spec.loader.exec_module(mod)
    except Exception:  # noqa: BLE001 - a list we cannot read is no evidence
        return frozenset()
    return frozenset(w.lower() for w in getattr(mod, "STOP_WORDS", ()))


@lru_cache(maxsize=1)
def _all_stop_words() -> dict[str, frozenset[str]]:
    """Stop words per reported code (py3langid's 'no' is reported as the registry's 'nb')."""
    votes = langid_votes()
    return {votes.get(lang, lang): sw for lang in CANDIDATES if (sw := _stop_words(lang))}


def _registry_words() -> dict[str, set[str]]:
    """The registry's distinctive words of each supported and refused language (data/languages.yaml)."""
    reg = _registry()
    out = {lg.code: set(lg.words) for lg in reg.languages}
    for r in reg.refused:
        out.setdefault(r.code, set()).update(r.words)
    return out


def build_hints(kb=None, lexicons: Mapping[str, object] | None = None,
                languages: Iterable[str] | None = None) -> Hints:
    """Exclusive words from stop-word lists, the actor knowledge base and the trigger lexicons.

    kb: a `KnowledgeBase` (names, demonyms, adjectives and metonyms of each entity per language);
    lexicons: language -> `Lexicon` (trigger lemmas and variants, closed word lists).
    """
    languages = tuple(languages) if languages is not None else supported()
    words: dict[str, set[str]] = {lg: set(sw) for lg, sw in _all_stop_words().items()}
    for lg, extra in _registry_words().items():
        words.setdefault(lg, set()).update(extra)
    for lg in languages:
        words.setdefault(lg, set())
    if kb is not None:
        for ent in kb:
            for field_name in ("names", "demonyms", "adjectives", "metonyms"):
                per_lang = getattr(ent, field_name, {}) or {}
                for lg in languages:
                    words[lg].update(per_lang.get(lg, ()))
                for ref in _registry().refused:
                    if ref.like in languages:
                        words.setdefault(ref.code, set()).update(per_lang.get(ref.like, ()))
    for lg, lex in (lexicons or {}).items():
        if lg not in words:
            continue
        for entry in getattr(lex, "triggers", ()):
            words[lg].update(entry.forms)
        for key in ("negators", "speech_verbs"):
            words[lg].update(getattr(lex, key, ()) or ())
        for items in (getattr(lex, "modality", {}) or {}).values():
            words[lg].update(items)
    return Hints.from_words(words, lemma_langs=languages)


@lru_cache(maxsize=1)
def default_hints() -> Hints:
    """Stop-word evidence only (used when the caller has no knowledge base or lexicons at hand)."""
    words: dict[str, set[str]] = {lg: set(sw) for lg, sw in _all_stop_words().items()}
    for lg, extra in _registry_words().items():
        words.setdefault(lg, set()).update(extra)
    return Hints.from_words(words)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(CANDIDATES))
    return ident


def _lemma(word: str, lang: str) -> str:
    from konflikt.nlp import dictionary

    try:
        return dictionary.lemmatize(word, lang).lower()
    except ValueError:
        return word


def lexical_hits(words: list[str], hints: Hints) -> dict[str, int]:
    """How many of the words are exclusive evidence for each language."""
    hits: dict[str, int] = {}
    for w in words:
        low = w.lower()
        if len(low) < 2:
            continue
        owner = hints.exclusive.get(low)
        if owner is None and len(low) > 3:
            for lang, forms in hints.lemma_words.items():
                lem = _lemma(low, lang)
                if lem != low and lem in forms:
                    owner = lang
                    break
        if owner is not None:
            hits[owner] = hits.get(owner, 0) + 1
    return hits


def detect(text: str, hints: Hints | None = None, sample_chars: int = 5000) -> tuple[str, float]:
    """(language code, score in 0..1) of a text; ('und', 0.0) when there are no letters to judge."""
    sample = text[:sample_chars]
    if sum(ch.isalpha() for ch in sample) < 3:
        return "und", 0.0
    ranked = _identifier().rank(sample)
    probs: dict[str, float] = {}
    votes = langid_votes()
    for lang, p in ranked:
        code = votes.get(lang, lang)
        probs[code] = probs.get(code, 0.0) + float(p)
    words = _WORD.findall(sample)[:_MAX_WORDS]
    hits = lexical_hits(words, hints or default_hints())
    weight = max(_MIN_WEIGHT, min(1.0, len(words) / _FULL_WEIGHT_WORDS))
    scores = {lang: weight * math.log(p + _EPS) + _HIT_WEIGHT * hits.get(lang, 0) for lang, p in probs.items()}
    best = max(scores, key=lambda lg: scores[lg])
    top = scores[best]
    total = sum(math.exp(s - top) for s in scores.values())
    return best, 1.0 / total
