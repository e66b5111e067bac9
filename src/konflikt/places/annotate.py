"""Give the events of one sentence a location, and say how it was chosen (`Location.method`).

For each event, in order:

1. `preposition` — a place governed by a locative/directional preposition ("i Tripoli", "mot Tripoli",
   "utanför Libyens östkust", "near Kharkiv"), or `argument` — a place that is the trigger's object or
   passive subject ("erövra Tripoli", "Tripoli was shelled"); the one nearest the trigger (same
   comma-delimited stretch first, then dependency distance, then token distance). The place must be in the
   trigger's clause (its governing verb is the trigger's, or a non-finite verb depending on it: "lovade att
   skicka trupper till Libyen"), not in an apposition across a comma ("Egypten, rivaler i Ankara"). A place
   that is the event's actor by metonymy ("Ankara kan utveckla ...") is not its location unless a preposition
   governs it; a recipient by metonymy is ("offensiv mot Tripoli": Tripoli stands for the GNA and is where
   the offensive goes).
2. `sentence-country` — else a country named in the trigger's clause that is not part of the event's actors.
3. `document` — else the document's dominant country (named most often, at least twice, no tie).
4. Else no location.

Among places of the same name, the one in a country the document names wins, then an exonym-file entry
over a country over a GeoNames city name over an alternate name, then the larger population. Countries
are located at their centroid.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Span, Token

from konflikt.places.data import load_attachment
from konflikt.places.gazetteer import SOURCE_PRIORITY, Gazetteer, Place, load_gazetteer
from konflikt.places.mentions import Mention, attachment, find_mentions
from konflikt.records import Event, Location
from konflikt.syntax import crosses_punct, governing_verb, head_token, tree_distance, trigger_token

__all__ = ["annotate", "choose_place", "best_place", "to_location", "DocumentPlaces"]

_ARGUMENT_DEPS = frozenset({"obj", "nsubj:pass", "nsubjpass", "dobj", "obl", "iobj"})


class DocumentPlaces:
    """What the places stage knows about a document: its country counts and dominant country."""

    __slots__ = ("countries", "dominant")

    def __init__(self, countries: Mapping[str, int], dominant: str | None) -> None:
        self.countries = countries
        self.dominant = dominant


def best_place(places: Sequence[Place], countries: Mapping[str, int]) -> Place:
    """The reading of an ambiguous name: in a country the document names, then source priority, population."""
    return max(places, key=lambda p: (countries.get(p.country or "", 0) > 0, SOURCE_PRIORITY[p.source],
                                      p.population))


def to_location(place: Place, raw_text: str | None, method: str) -> Location:
    return Location(name=place.name, raw_text=raw_text, country=place.country, admin1=place.admin1,
                    lat=place.lat, lon=place.lon, geonames_id=place.geonames_id, method=method)


def _actor_spans(ev: Event, recipients: bool = True) -> list[tuple[int, int]]:
    actors = [*ev.actor, *(ev.recipient if recipients else []), *([ev.source_speaker] if ev.source_speaker else [])]
    return [a.span for a in actors if a.span]


def _same_clause(head: Token, trig_verb: Token | None) -> bool:
    """The place's governing verb is the trigger's, or a non-finite verb depending on it ("lovade att skicka")."""
    verb = governing_verb(head)
    if verb is None or trig_verb is None or verb == trig_verb:
        return True
    forms = set(verb.morph.get("VerbForm"))
    non_finite = bool(forms & {"Inf", "Part", "Sup", "Ger"}) and not verb.morph.get("Tense")
    return verb.head == trig_verb and non_finite


def _char_span(sent: Span, m: Mention, offset: int) -> tuple[int, int]:
    doc = sent.doc
    return offset + doc[m.start].idx, offset + doc[m.end - 1].idx + len(doc[m.end - 1].text)


def _is_actor(span: tuple[int, int], actors: Sequence[tuple[int, int]]) -> bool:
    """The mention is (nearly exactly) one of the event's actors: a metonym such as "Ankara"."""
    return any(abs(span[0] - a[0]) <= 1 and abs(span[1] - a[1]) <= 2 for a in actors)


def _inside_actor(span: tuple[int, int], actors: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < a[1] and a[0] < span[1] for a in actors)


def _rank(trigger: Token, head: Token) -> tuple:
    return crosses_punct(trigger, head), tree_distance(trigger, head), abs(trigger.i - head.i)


def choose_place(ev: Event, sent: Span, mentions: Sequence[Mention], doc_places: DocumentPlaces, lang: str,
                 offset: int = 0) -> Location | None:
    """The location of one event (see the module docstring for the order of preference)."""
    trig = trigger_token(sent, ev.span[0] - offset, ev.span[1] - offset)
    trig_verb = governing_verb(trig)
    sources = _actor_spans(ev, recipients=False)
    actors = _actor_spans(ev)
    att = load_attachment(lang)
    attached: list[tuple[tuple, Mention, str]] = []
    countries: list[tuple[tuple, Mention]] = []
    for m in mentions:
        span = _char_span(sent, m, offset)
        head = head_token(list(sent.doc[m.start:m.end])) or sent.doc[m.start]
        prep = attachment(sent, m, att)
        if not prep and _is_actor(span, sources):
            continue
        rank = _rank(trig, head)
        is_arg = head.head.i == trig.i and head.dep_ in _ARGUMENT_DEPS and head.i != trig.i
        # only a place in the trigger's own clause counts ("interventionen i Syrien" in another clause does not);
        # across a comma, not one in an apposition ("armén, baserad i Tobruk, anföll"; "Egypten, rivaler i Ankara")
        if not _same_clause(head, trig_verb):
            continue
        if (prep or is_arg) and not (rank[0] and head.dep_.startswith("nmod")):
            attached.append((rank, m, "preposition" if prep else "argument"))
        elif m.is_country and not _inside_actor(span, actors):
            countries.append((rank, m))
    if attached:
        _, m, method = min(attached, key=lambda a: a[0])
        return to_location(best_place(m.places, doc_places.countries), m.text, method)
    if countries:
        _, m = min(countries, key=lambda c: c[0])
        return to_location(best_place(m.places, doc_places.countries), m.text, "sentence-country")
    gaz = load_gazetteer()
    dominant = gaz.country(doc_places.dominant)
    if dominant is not None:
        return to_location(dominant, None, "document")
    return None


def annotate(events: list[Event], sent: Span, lang: str, doc_places: DocumentPlaces, offset: int = 0,
             gazetteer: Gazetteer | None = None) -> list[Event]:
    """The events of `sent` with `location` set. `offset` is the document char offset of the parsed piece."""
    if not events:
        return events
    gaz = gazetteer or load_gazetteer()
    mentions = find_mentions(sent, gaz, load_attachment(lang))
    return [ev.model_copy(update={"location": choose_place(ev, sent, mentions, doc_places, lang, offset)})
            for ev in events]
