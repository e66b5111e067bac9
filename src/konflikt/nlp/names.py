"""Can a raw text name someone? The fast path's test for running the NER (`may_name`), without a model.

A name is capitalised: a text can name someone when it has a capitalised word inside a sentence, or one that
opens a sentence (at the start, after ". ", "? ", ": ", a dash or a quote) and is not a function word of the
language (data file `konflikt/data/prefilter/function_words.yaml`, generated from the UD treebanks by
`scripts/build_function_words.py`: pronouns, prepositions, conjunctions, adverbs, verbs — words that are
never part of a name). "Han sade nej." and "Enligt uppgifter..." cannot; "Polisen sade...", "Islamiska
staten tog..." and "Hon mötte Ekdahl." can. Unparsed text is read only for the people it names
(`people_only`).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["function_words", "may_name"]

_WORD = re.compile(r"[^\W\d_]+")
_OPENERS = " \t\n\"'«»“”„‘’–—-(["
_ENDS = ".!?:;"


@lru_cache(maxsize=8)
def function_words(lang: str) -> frozenset[str]:
    """The function words of `lang` (lower case; empty for a language the file does not list)."""
    from konflikt.datafiles import word_list

    return frozenset(w.lower() for w in word_list("prefilter/function_words.yaml", lang))


def may_name(text: str, lang: str, people_only: bool = False) -> bool:
    """Whether `text` has a word that can be (part of) a name (see the module docstring). `people_only`: of a
    person — a word opening a sentence does not count either when the dictionary knows it as a common word
    ("Polisen", "Serben"; simplemma lists names capitalised: "Putin", "Gunnar" still count)."""
    common = function_words(lang)
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[0].isupper():
            continue
        j = m.start() - 1
        while j >= 0 and text[j] in _OPENERS:
            j -= 1
        if j >= 0 and text[j] not in _ENDS:
            return True
        lower = word.lower()
        if lower not in common and not (people_only and common_word(lower, lang)):
            return True
    return False


def common_word(lower: str, lang: str) -> bool:
    """A word of the language's dictionary that is no name there (its lemma is lower-case)."""
    from konflikt.nlp.dictionary import is_known, lemmatize

    return is_known(lower, lang) and lemmatize(lower, lang)[:1].islower()
