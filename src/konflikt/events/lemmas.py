"""The lemma readings of a token that the trigger lexicon is looked up by: the pipeline's lemma, the
dictionary's lemmas, the lower-cased form."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from konflikt.language.registry import rules_of
from konflikt.nlp import dictionary as lemma_dict


def _lemmas(tok: Token, lang: str) -> list[str]:
    """Lemma candidates: the pipeline's lemma, simplemma's, the form, and verb stems of participles."""
    return list(_lemma_candidates(tok.lemma_, tok.lower_, lang))


@lru_cache(maxsize=100_000)
def _lemma_candidates(lemma: str, lower: str, lang: str) -> tuple[str, ...]:
    out: list[str] = []
    for cand in (lemma, lemma_dict.lemmatize(lower, lang), lower):
        c = (cand or "").lower()
        if c and c not in out:
            out.append(c)
    if rules_of(lang) == "sv":
        for c in list(out):
            # participles and s-forms the lemmatizers leave alone: godkänd -> godkänna, fördömd -> fördöma
            if c.endswith("nd"):
                out.append(c[:-1] + "na")
            elif c.endswith(("d", "t")) and len(c) > 4:
                out.append(c[:-1] + "a")
            if c.endswith("s") and len(c) > 4:
                out.append(c[:-1])
    return tuple(dict.fromkeys(out))
