"""Noun-phrase helpers of actor resolution: the case preposition of a token, the bounds of its noun
phrase, date words, known places, partitive prepositions, and the word lists they share."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from konflikt.actors.kb import KnowledgeBase
from konflikt.actors.resolved import ResolvedActor
from konflikt.datafiles import load_yaml
from konflikt.language.registry import words_for

# Dependency relations that stay inside a noun phrase when looking for its actor.
NP_INTERNAL = {"amod", "nmod:poss", "flat", "flat:name", "appos", "compound", "det", "nummod", "nmod"}
# NP-internal prepositions that tie a sector noun to its owner: "trupper från X", "regeringen i X".
OWNER_PREPS = {"sv": {"från", "av", "i", "hos", "inom", "under"}, "en": {"of", "from", "in", "under"}}
PARTITIVE_PREPS = {"sv": {"av"}, "en": {"of"}}
PERSONAL_SINGULAR = {"sv": {"han", "hon", "honom", "henne"}, "en": {"he", "she", "him", "her"}}
PERSONAL_PLURAL = {"sv": {"de", "dem"}, "en": {"they", "them", "it"}}  # en "it": a state or organisation
POSSESSIVE_REFLEXIVE = {"sv": {"sin", "sitt", "sina"}, "en": set()}


def _is_date_word(tok: Token, lang: str) -> bool:
    """A month or weekday name of the language's date file ("Friday", "March")."""
    return tok.text in _date_names(lang)


@lru_cache(maxsize=8)
def _date_names(lang: str) -> frozenset[str]:
    from konflikt.dates.lexicon import default_path

    try:
        words = (load_yaml(default_path(lang).read_text(encoding="utf-8")) or {}).get("words") or {}
    except OSError:
        return frozenset()
    return frozenset(str(w) for key in ("month", "month_abbr", "weekday") for w in words.get(key) or ())


def _place_unless_person(name: str, ent_label: str):
    """A gazetteer place for a name, but a name the tagger calls a person only when it is a well-known place
    (an exonym or a city of 250,000+): "Charkiv" is Kharkiv even as PER, "Kim" (Yo-jong) is not Kim, India."""
    place = _known_place(name)
    if place is None or ent_label not in {"PER", "PERSON"}:
        return place
    return place if place.source == "exonym" or (place.population or 0) >= 250_000 else None


def _known_place(name: str):
    """The most populous gazetteer city/region/territory of that name (None for countries and unknowns)."""
    from konflikt.places import load_gazetteer

    places = [p for p in load_gazetteer().lookup(name) if p.kind != "country" and p.country]
    return places[0] if places else None


def _token_range(sent: Span, ra: ResolvedActor, char_offset: int) -> tuple[int, int]:
    """Token range of a resolved actor's mention (from its character span)."""
    if ra.actor.span is None:
        return ra.head, ra.head + 1
    lo_c, hi_c = ra.actor.span
    idx = [t.i for t in sent if lo_c <= char_offset + t.idx < hi_c]
    if not idx:
        return ra.head, ra.head + 1
    return min(idx[0], ra.head), max(idx[-1], ra.head) + 1


@lru_cache(maxsize=8)
def _partitive_preps(lang: str) -> frozenset[str]:
    """Owner prepositions that are not locative ("of", "av"; not "in", "i"): the locative ones are the
    place-attachment prepositions of the places data (data/places/prepositions.yaml)."""
    from konflikt.places.data import load_attachment

    locative = {" ".join(p) for p in load_attachment(lang).prepositions}
    # "av"/"of" also attach places ("väster av", "ut av") but are always partitive after a quantity noun
    # ("hundrevis av demonstranter", "thousands of protesters")
    return frozenset((words_for(OWNER_PREPS, lang, set()) - locative) | words_for(PARTITIVE_PREPS, lang, set()))


def _case_of(tok: Token) -> str | None:
    """The preposition of a prepositional phrase ('mot' in 'mot Tripoli'), multiword joined by spaces."""
    cases = [c for c in tok.children if c.dep_ in {"case"} and c.i < tok.i]
    if not cases:
        return None
    first = cases[0]
    fixed = [f.lower_ for f in first.children if f.dep_ == "fixed"]
    return " ".join([first.lower_, *fixed])


def _np_bounds(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase core: determiners and adjectives left, the head, flat names right."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in {"det", "amod", "nmod:poss", "compound", "nummod"}:
            start = min(start, c.left_edge.i)
    end = tok.i + 1
    for c in tok.rights:
        if c.dep_ in {"flat", "flat:name", "appos"}:
            end = max(end, c.right_edge.i + 1)
    return start, end


def _is_country(kb: KnowledgeBase, eid: str) -> bool:
    ent = kb.get(eid)
    return ent is not None and ent.kind == "country"
