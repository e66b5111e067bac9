"""Recipients from where an event happens, when the parse gave it none.

* "shelled positions in Lebanon", "suspended aid deliveries in Baghdad": when the trigger itself governs a
  place name (a locative preposition or its object: `Location.method` "preposition" or "argument", see
  konflikt.places), the country that place lies in is the recipient - for the event types whose target
  is naturally where they happen (`PLACE_TARGET_TYPES`: attacks, coercion, protests, deployments, aid,
  withdrawals, sanctions, threats). A country, or its state organs, are never their own recipient.
* a protest without a target is directed at the government of the country it happens in (the place of
  the event, else the protesters' own country): "Thousands of Iraqi Kurds demonstrated in Kirkuk" ->
  IRQ -> IRQGOV; so is a demand of a country's non-state group that names no one ("Demonstranter krevde at
  valgresultatet offentliggjøres" -> its government).

The added recipient has `resolution` "location" or "protest-target" and the event a lower confidence.
"""

from __future__ import annotations

from konflikt.actors.kb import KnowledgeBase
from konflikt.actors.sector_phrases import STATE_SECTORS  # a state's organs: no recipient of their own country
from konflikt.events.ontology import Ontology, load_ontology
from konflikt.records import Actor, Event

PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "RETREAT", "SANCTION",
                                "THREATEN"})
PLACE_METHODS = frozenset({"preposition", "argument"})
CONFIDENCE = 0.8


def _country_actor(kb: KnowledgeBase, cc: str, raw: str, how: str, sector: str | None = None) -> Actor | None:
    ent = kb.get(cc)
    if ent is None:
        return None
    code, country, ent_sector = kb.code_for(ent)
    if sector:
        code, ent_sector = f"{cc}{sector}", sector
        holder = kb.entity_for_code(code)
        name, eid = (holder.name, holder.id) if holder is not None else (ent.name, ent.id)
        if holder is None and sector not in STATE_SECTORS:
            name = raw  # protesters placed in Sweden are not named "Sweden" (as in konflikt.actors.resolver)
    else:
        name, eid = ent.name, ent.id
    return Actor(raw_text=raw, name=name, country=country or cc, sector=ent_sector, code=code, entity_id=eid,
                 span=None, resolution=how)


def _placed(side, kb: KnowledgeBase, country: str, wanted) -> tuple[list, bool]:
    """The actors of one side of an event, each one `wanted(actor)` holds for replaced by the same sector of
    `country` (resolution "sector-place"); and whether any was."""
    out, changed = [], False
    for a in side:
        placed = _country_actor(kb, country, a.raw_text, "sector-place", sector=a.sector) if wanted(a) else None
        if placed is not None:
            out.append(placed.model_copy(update={"span": a.span}))
            changed = True
        else:
            out.append(a)
    return out, changed


def _place_actor(ev: Event, kb: KnowledgeBase) -> Event:
    """A sector-only actor ("hundratals demonstranter", "rebels") of an event located in a country is of that
    country: "Demonstranter samlades i Stockholm" -> SWEOPP (as POLECAT codes a protest by its place)."""
    loc = ev.location
    if loc is None or not loc.country or loc.method not in PLACE_METHODS:
        return ev
    actors, changed = _placed(ev.actor, kb, loc.country,
                              lambda a: a.resolution == "sector" and not a.country and bool(a.sector))
    return ev.model_copy(update={"actor": actors}) if changed else ev


# Sectors that are the people of a place rather than of a state's institutions.
POPULATION_SECTORS = frozenset({"CVL", "REF"})


def _placed_population(ev: Event, kb: KnowledgeBase) -> Event:
    """Civilians whose country was only guessed from the sentence ("A Russian bomb hit a building in Kharkiv,
    wounding 40 people": not Russians) are the people of the place the event happened: UKRCVL."""
    loc = ev.location
    if loc is None or not loc.country or loc.method not in PLACE_METHODS:
        return ev
    recips, changed = _placed(ev.recipient, kb, loc.country, lambda r: (
        r.resolution == "sentence-country" and r.sector in POPULATION_SECTORS and r.country != loc.country))
    return ev.model_copy(update={"recipient": recips}) if changed else ev


def place_recipients(events: list[Event], kb: KnowledgeBase) -> list[Event]:
    """The events, with a recipient from their place (or, for protests, the government) where they have none,
    and sector-only actors placed in the event's country."""
    out = []
    onto = load_ontology()
    for ev in events:
        ev = _placed_population(_place_actor(ev, kb), kb)
        out += _with_place_recipient(ev, kb, onto)
    return out


def _with_place_recipient(ev: Event, kb: KnowledgeBase, onto: Ontology) -> list[Event]:
    """[the event with a recipient from its place], [the event] or [] (a required recipient still missing)."""
    loc = ev.location
    actor = None
    if (not ev.recipient and ev.event in PLACE_TARGET_TYPES and loc is not None and loc.country
            and loc.method in PLACE_METHODS
            and not any(a.entity_id == loc.country or a.code == loc.country or (
                a.country == loc.country and a.sector in STATE_SECTORS) for a in ev.actor)):
        actor = _country_actor(kb, loc.country, loc.raw_text or loc.name, "location")
    if actor is None and not ev.recipient and ev.event == "PROTEST":
        cc = (loc.country if loc is not None and loc.method != "document" else None) or next(
            (a.country for a in ev.actor if a.country), None)
        if cc and not any(a.code == f"{cc}GOV" for a in ev.actor):
            actor = _country_actor(kb, cc, loc.raw_text if loc is not None and loc.raw_text else cc,
                                   "protest-target", sector="GOV")
    if actor is None and not ev.recipient and ev.event == "REQUEST" and ev.actor and all(
            a.country and a.sector and a.sector not in STATE_SECTORS for a in ev.actor):
        # a demand of a country's protesters, opposition or unions that names no one is made of its government
        # ("Demonstranter krevde at valgresultatet offentliggjøres")
        cc = ev.actor[0].country
        if all(a.country == cc for a in ev.actor):
            actor = _country_actor(kb, cc, ev.actor[0].raw_text, "protest-target", sector="GOV")
    if actor is None:
        return [] if not ev.recipient and onto.requires_recipient(ev.event) else [ev]
    return [ev.model_copy(update={"recipient": [actor], "confidence": round(ev.confidence * CONFIDENCE, 3)})]
