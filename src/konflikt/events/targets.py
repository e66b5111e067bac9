"""A recipient from the event's place: "shelled positions in Lebanon", "demonstrated in Algiers" -> the country.

When the parse gives an event no recipient, but the trigger itself governs a place name (a locative
preposition or its object: `Location.method` "preposition" or "argument", see konflikt.places), the
country that place lies in is the recipient - for the event types whose target is naturally where they
happen (`PLACE_TARGET_TYPES`: attacks, coercion, protests, deployments, aid, withdrawals, sanctions). The actor
gets `resolution: "location"` and a lower confidence. A country is never its own recipient.
"""

from __future__ import annotations

from konflikt.actors.kb import KnowledgeBase
from konflikt.records import Actor, Event

PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "RETREAT", "SANCTION"})
PLACE_METHODS = frozenset({"preposition", "argument"})
CONFIDENCE = 0.8


def place_recipients(events: list[Event], kb: KnowledgeBase) -> list[Event]:
    """The events, with the country of a governed place as recipient where they have none."""
    out = []
    for ev in events:
        loc = ev.location
        if (ev.recipient or ev.event not in PLACE_TARGET_TYPES or loc is None or not loc.country
                or loc.method not in PLACE_METHODS):
            out.append(ev)
            continue
        ent = kb.get(loc.country)
        if ent is None or any(a.entity_id == ent.id or (a.code == ent.code and a.code) for a in ev.actor):
            out.append(ev)
            continue
        code, country, sector = kb.code_for(ent)
        actor = Actor(raw_text=loc.raw_text or loc.name, name=ent.name, country=country, sector=sector, code=code,
                      entity_id=ent.id, span=None, resolution="location")
        out.append(ev.model_copy(update={"recipient": [actor],
                                         "confidence": round(ev.confidence * CONFIDENCE, 3)}))
    return out
