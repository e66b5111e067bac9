"""Give the events of one sentence a location, and say how it was chosen (`Location.method`).

For each event, in order:

1. `preposition` — a place governed by a locative/directional preposition ("i Tripoli", "mot Tripoli",
   "utanför Libyens östkust", "near Kharkiv"), or `argument` — for material events (quad class 2 or 4), a
   place that is the trigger's object or passive subject ("erövra Sirte", "Tripoli was shelled"); the one
   nearest the trigger (same comma-delimited stretch first, then dependency distance, then token distance);
   for material conflict (quad class 4) also a place that is the event's recipient ("Ryssland anföll Ukraina"),
   and a place that is the patient of a noun trigger through a `noun_patient` preposition ("beskjutningen av
   Bachmut", "striderna om Sirte", "the shelling of Bakhmut", "the battle for Sirte": `argument`).
   The place must be in the trigger's clause: no other finite verb between them ("Turkiet har erbjudit stöd
   ... är interventionen i Syrien" is not in Syria), and across a comma its stretch must begin with its
   preposition (", nära Charkiv" counts; "armén, baserad i Tobruk," and "Egypten, rivaler i Ankara" do not).
   A place that is the event's actor by metonymy ("Ankara kan utveckla ...") is not its location unless a
   preposition governs it; a recipient by metonymy is ("offensiv mot Tripoli": Tripoli stands for the GNA
   and is where the offensive goes).
   Directional prepositions ("mot", "till", "against", "to", "on") give a location for material events
   (quad class 2, 4) only; `not_location` ones ("av", "från", "by", "from") never. For verbal events the
   place must hang on the trigger, its verb or one of their own dependents ("met Putin in Beijing"), not
   deeper in a noun phrase ("rejected the demand for a ceasefire in Gaza").
2. `sentence-country` — else a country named in the trigger's clause that is not part of the event's actors,
   not a genitive ("Ukrainas president") and not a subject.
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
_SEPARATORS = frozenset({",", ";", ":", "–", "—", "(", ")"})


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


def _in_trigger_clause(trig: Token, trig_verb: Token | None, head: Token) -> bool:
    """No finite verb other than the trigger's own (and its auxiliaries) stands between trigger and place
    ("Turkiet har erbjudit stöd ... är interventionen i Syrien": "är" belongs to another clause)."""
    lo, hi = sorted((trig.i, head.i))
    own = {trig.i} | ({trig_verb.i} | {c.i for c in trig_verb.children if c.dep_.startswith("aux")}
                      if trig_verb is not None else set())
    return not any("Fin" in t.morph.get("VerbForm") and t.i not in own for t in trig.doc[lo + 1:hi])


def _starts_stretch(sent: Span, m: Mention, prep: str | None) -> bool:
    """Across a comma, the place's comma-delimited stretch must begin with its preposition (", nära Charkiv"),
    not with a participle, relative or noun ("armén, baserad i Tobruk,"; "Egypten, två rivaler i Ankara")."""
    if not prep:
        return False
    doc = sent.doc
    j = m.start - 1
    while j > sent.start and doc[j].text not in _SEPARATORS:
        j -= 1
    first = j + 1 if doc[j].text in _SEPARATORS else j
    words = prep.split()
    return [t.lower_ for t in doc[first:first + len(words)]] == words


def _near(head: Token, trig: Token, trig_verb: Token | None) -> bool:
    """For verbal events: the place hangs on the trigger, its verb, or one of their own dependents
    ("met Putin in Beijing", "protesters in Tbilisi demanded"), not deeper in a noun phrase ("rejected the
    demand for a ceasefire in Gaza" did not happen in Gaza)."""
    anchors = [t for t in (trig, trig_verb) if t is not None]
    return min(tree_distance(a, head) for a in anchors) <= 2


def _is_subject(tok: Token) -> bool:
    """A subject, or coordinated with one ("Ryssland och Ukraina utväxlade")."""
    return tok.dep_.startswith("nsubj") or (tok.dep_ == "conj" and tok.head.dep_.startswith("nsubj"))


def _char_span(sent: Span, m: Mention, offset: int) -> tuple[int, int]:
    doc = sent.doc
    return offset + doc[m.start].idx, offset + doc[m.end - 1].idx + len(doc[m.end - 1].text)


def _is_actor(span: tuple[int, int], actors: Sequence[tuple[int, int]]) -> bool:
    """The mention is (nearly exactly) one of the event's actors: a metonym such as "Ankara"."""
    return any(abs(span[0] - a[0]) <= 1 and abs(span[1] - a[1]) <= 2 for a in actors)


def _inside_actor(span: tuple[int, int], actors: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < a[1] and a[0] < span[1] for a in actors)


def _noun_patient(trig: Token, head: Token, att) -> bool:
    """The place is the patient of a noun trigger, through one of the language's `noun_patient` prepositions
    ("beskjutningen av Bachmut", "striderna om Sirte", "the shelling of Bakhmut", "the battle for Sirte")."""
    if trig.pos_ != "NOUN" or head.head.i != trig.i or head.i == trig.i:
        return False
    case = [c for c in head.children if c.dep_ == "case" and c.i < head.i]
    return bool(case) and " ".join(c.lower_ for c in case) in att.noun_patient


def _rank(trigger: Token, head: Token) -> tuple:
    return crosses_punct(trigger, head), tree_distance(trigger, head), abs(trigger.i - head.i)


def choose_place(ev: Event, sent: Span, mentions: Sequence[Mention], doc_places: DocumentPlaces, lang: str,
                 offset: int = 0) -> Location | None:
    """The location of one event (see the module docstring for the order of preference)."""
    trig = trigger_token(sent, ev.span[0] - offset, ev.span[1] - offset)
    trig_verb = governing_verb(trig)
    sources = _actor_spans(ev, recipients=False)
    material = ev.quad_code in (2, 4)
    targets = [r.span for r in ev.recipient if r.span] if ev.quad_code == 4 else []
    actors = _actor_spans(ev)
    att = load_attachment(lang)
    attached: list[tuple[tuple, Mention, str]] = []
    countries: list[tuple[tuple, Mention]] = []
    for m in mentions:
        span = _char_span(sent, m, offset)
        head = head_token(list(sent.doc[m.start:m.end])) or sent.doc[m.start]
        if ev.quad_code == 4 and _noun_patient(trig, head, att):  # "beskjutningen av Bachmut", "battle for Sirte"
            if _in_trigger_clause(trig, trig_verb, head):
                attached.append((_rank(trig, head), m, "argument"))
            continue
        prep = attachment(sent, m, att)
        if prep in att.not_location or (prep in att.directional and not material):
            continue  # "medling av Förenade Arabemiraten"; "varnade för krig mot Libanon"
        if not prep and _is_actor(span, sources):
            continue
        rank = _rank(trig, head)
        if not _in_trigger_clause(trig, trig_verb, head) or (rank[0] and not _starts_stretch(sent, m, prep)):
            continue
        is_arg = (material and head.head.i == trig.i and head.dep_ in _ARGUMENT_DEPS and head.i != trig.i) or (
            _is_actor(span, targets))
        if (prep or is_arg) and (material or _near(head, trig, trig_verb)):
            attached.append((rank, m, "preposition" if prep else "argument"))
        elif m.is_country and not m.genitive and not _is_subject(head) and not _inside_actor(span, actors):
            countries.append((rank, m))  # not "Ukrainas president", not the subject of another verb
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
