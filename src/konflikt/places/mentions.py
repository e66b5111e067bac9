"""Place mentions in a parsed sentence: capitalised word sequences the gazetteer knows, and how each is attached.

A mention starts at a capitalised token; the longest sequence of up to `max_words` tokens found in the
gazetteer wins, as written or with a genitive ending stripped ("Libyens", "Libya's"). A sentence-initial
word that the NER does not tag as a place (LOC/GPE), or a word tagged as a person name (unless it is the
own name of a city of 100,000 or more: "Tel Aviv"), counts only if it is a curated name (country or
exonym): "Båda", "Ända" never become towns, "Förenade Arabemiraten" stays a country even when the NER calls
it a person. The same holds for names of the knowledge base's groups, people and organisations ("Hamas" is
not Hamm, Germany, by one of its GeoNames alternate names).

`attachment` tells whether a mention is governed by a locative/directional preposition of the language
(data file `prepositions.yaml`), looking left past determiners, adjectives, common nouns, skip words
("i den libyska huvudstaden Tripoli", "till utkanten av Tripoli") and coordinated names ("mot Tripoli och
Misrata").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from konflikt.places.data import Attachment
from konflikt.places.gazetteer import Gazetteer, Place

__all__ = ["Mention", "find_mentions", "attachment"]

_PERSON = frozenset({"PER", "PERSON"})
_PLACE_NER = frozenset({"LOC", "GPE"})
_BIG_CITY = 100_000
_CURATED = frozenset({"exonym", "country"})
_SKIP_POS = frozenset({"DET", "ADJ", "NUM", "CCONJ", "PROPN"})
_MAX_SKIP = 6


@dataclass(frozen=True)
class Mention:
    """A place name in a sentence: Doc token indices [start, end), the words, the candidate places."""

    start: int
    end: int
    text: str
    places: tuple[Place, ...]
    genitive: bool = False

    @property
    def is_country(self) -> bool:
        return bool(self.places) and all(p.kind == "country" for p in self.places)


def _first_word(sent: Span) -> int:
    """Index of the sentence's first token that is not whitespace or punctuation."""
    return next((t.i for t in sent if not (t.is_space or t.is_punct)), sent.start)


def _lookup(text: str, gaz: Gazetteer, att: Attachment) -> tuple[tuple[Place, ...], bool]:
    """Places for the words as written, else without a genitive ending ("Libyens"), else without a region
    suffix ("Donetskregionen" -> Donetsk; the city stands for its region)."""
    places = gaz.lookup(text)
    if places:
        return places, False
    forms = [(text, False)]
    for end in att.genitive:
        if text.endswith(end) and len(text) - len(end) >= 3:
            places = gaz.lookup(text[: -len(end)])
            if places:
                return places, True
            forms.append((text[: -len(end)], True))
    for form, genitive in forms:
        low = form.lower()
        for suffix in att.region_suffixes:
            if low.endswith(suffix) and len(form) - len(suffix) >= 3:
                places = gaz.lookup(form[: -len(suffix)].rstrip("-"))
                if places:
                    return places, genitive
    return (), False


def find_mentions(sent: Span, gaz: Gazetteer, att: Attachment) -> list[Mention]:
    """Place mentions of a sentence, in text order, not overlapping."""
    doc, text = sent.doc, sent.doc.text
    out: list[Mention] = []
    first = _first_word(sent)
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if not tok.text[:1].isupper():
            i += 1
            continue
        found = None
        longest = max(gaz.words_from(tok.text), 1)  # 1: the word itself may be a genitive ("Libyens")
        for n in range(min(longest, sent.end - i), 0, -1):
            last = doc[i + n - 1]
            if last.is_punct:
                continue
            words = text[tok.idx: last.idx + len(last.text)]
            places, genitive = _lookup(words, gaz, att)
            if places:
                found = Mention(i, i + n, words, places, genitive)
                break
        if found is None:
            i += 1
            continue
        initial = i == first and tok.ent_type_ not in _PLACE_NER
        person = tok.ent_type_ in _PERSON and not any(  # the NER misreads "Tel Aviv": a big city's own name wins
            p.source == "city" and p.population >= _BIG_CITY for p in found.places)
        doubtful = initial or person or gaz.is_actor_name(found.text)
        if not doubtful or any(p.source in _CURATED for p in found.places):
            out.append(found)
        i = found.end
    return out


def attachment(sent: Span, m: Mention, att: Attachment) -> str | None:
    """The preposition governing a mention ("i", "mot", "utanför", "south of", or a `not_location` one such as
    "av", "från"), or None."""
    doc = sent.doc
    j, skipped = m.start - 1, 0
    first: str | None = None  # a not-location word that may also be skipped ("utkanten av Tripoli")
    while j >= sent.start and skipped <= _MAX_SKIP:
        t = doc[j]
        for prep in att.ending_with(t.lower_):
            n = len(prep)
            if j - n + 1 >= sent.start and tuple(doc[k].lower_ for k in range(j - n + 1, j + 1)) == prep:
                found = " ".join(prep)
                if found in att.not_location and t.lower_ in att.skip:
                    first = first or found
                    break
                return found
        common_noun = t.pos_ == "NOUN" and t.text[:1].islower()
        if t.lower_ in att.skip or t.pos_ in _SKIP_POS or common_noun or t.text == ",":
            j -= 1
            skipped += 1
            continue
        return first
    return first
