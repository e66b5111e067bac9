"""The document's country context: how often each country is named in the text (names, adjectives, demonyms).

A first pass over the whole text with the knowledge base's country forms (`data/actors/countries.yaml`),
expanded once with inflection and genitive endings ("libyska" <- libysk, "Libyens" <- Libyen, "ryssarnas"
<- ryss): one dictionary lookup per word, multiword names first. The counts disambiguate place names
(Tripoli in a Libya article is Tripoli, Libya) and give the document's dominant country.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from konflikt.actors.kb import fold

__all__ = ["document_countries", "dominant_country", "country_forms"]

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_ENDINGS: tuple[str, ...] = ("arnas", "ernas", "ornas", "arna", "erna", "orna", "ens", "ets", "nas", "na", "er",
                             "ar", "en", "es", "'s", "’s", "a", "e", "t", "s", "n")
_MAX_WORDS = 4


@lru_cache(maxsize=1)
def country_forms() -> tuple[Mapping[str, str], Mapping[str, int]]:
    """Folded country name/adjective/demonym (any language), also inflected: one ending from `_ENDINGS`,
    optionally followed by a genitive s ("libyska", "ryssarnas", "Libyens") -> ISO alpha-3; and, for the first
    word of every multiword form, the most words such a form has. Forms as written win over generated ones."""
    from konflikt.actors.kb import load_kb

    base: dict[str, str] = {}
    for ent in load_kb().entities("country"):
        for table in (ent.names, ent.adjectives, ent.demonyms):
            for words in table.values():
                for w in words:
                    base.setdefault(fold(w), ent.id)
    forms = dict(base)
    for form, iso in base.items():
        if len(form) < 3 or " " in form:
            continue
        for end in _ENDINGS:
            forms.setdefault(form + end, iso)
            forms.setdefault(form + end + "s", iso)
    starts: dict[str, int] = {}  # first word of a multiword form -> its most words
    for form in forms:
        words = form.split()
        if len(words) > 1:
            starts[words[0]] = max(starts.get(words[0], 0), min(len(words), _MAX_WORDS))
    return MappingProxyType(forms), MappingProxyType(starts)


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    return fold(word)


def document_countries(text: str) -> Counter[str]:
    """How many times each country (ISO alpha-3) is named, described or its people mentioned in a text."""
    forms, starts = country_forms()
    words = [_fold(w) for w in _WORD.findall(text)]
    counts: Counter[str] = Counter()
    i = 0
    while i < len(words):
        for n in range(min(starts.get(words[i], 0), len(words) - i), 1, -1):
            iso = forms.get(" ".join(words[i:i + n]))
            if iso:
                counts[iso] += 1
                i += n
                break
        else:
            for part in words[i].split("-"):
                iso = forms.get(part)
                if iso:
                    counts[iso] += 1
            i += 1
    return counts


def dominant_country(counts: Mapping[str, int]) -> str | None:
    """The country named most often, if it is named at least twice and more often than any other."""
    ranked = Counter(counts).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]
