"""Recipients across sentences: an event whose sentence names no recipient takes the counterpart of the
dyad coded in the sentence before.

News tells a dyad over several sentences: "Israeli jets struck Gaza overnight. The army said it also
shelled positions near Khan Younis." (the army goes on against the same recipient: continuation) or
"Russia launched drones at Kyiv. Ukraine's air force said it shot down 40 of them." (the recipient of the
first answers the actor: response). For an event of a directed type (`carries_recipient` in the ontology
file) that has an actor but no recipient, the latest dyad of the previous sentence is searched:

* its actor is this event's actor (the same key, or the same organisation after roll-up) -> its recipients;
* its recipient is this event's actor -> its actors.

The carried actor keeps the character offsets of its mention in the earlier sentence (evidence of both
sentences: the event's own `sentence_span` and the recipient's `span`), is marked
`resolution="previous-sentence"`, and costs confidence. The coder's filters (an actor is never its own
recipient, internal recipients) apply to it as to any other.
"""

from __future__ import annotations

from dataclasses import replace

from konflikt.actors.resolved import DiscourseState, ResolvedActor
from konflikt.actors.resolver import SentenceActors
from konflikt.events.candidate import Candidate
from konflikt.events.ontology import Ontology

CARRIED_CONFIDENCE = 0.8
"""Factor on the confidence of a recipient carried from the sentence before."""
WITHIN = 1
"""How many sentences back a dyad is looked for."""


def _ids(ras: list[ResolvedActor], sa: SentenceActors) -> set[str]:
    """The keys of actors and the ids of the organisations they roll up to ("Haftar" -> the LNA)."""
    out = {a.key for a in ras}
    for a in ras:
        if a.entity is not None and a.key == a.entity.id:  # (not a country narrowed to a sector: TURREB)
            out.add(sa.kb.roll_up(a.entity, sa.on_date).id)
    return out


def _carried(ra: ResolvedActor) -> ResolvedActor:
    """A copy of an earlier sentence's actor as this sentence's recipient (no token of this sentence)."""
    return replace(ra, actor=ra.actor.model_copy(update={"resolution": "previous-sentence"}), head=-1,
                   confidence=ra.confidence * CARRIED_CONFIDENCE, antecedent=None)


def _conflictual(onto: Ontology, etype: str) -> bool:
    return onto.quad(etype) in {3, 4}


def _names_its_own_recipient(c: Candidate) -> bool:
    """The trigger has a nominal object the resolver did not know ("asked Western allies to ...", "attacked
    villages"): the sentence names its recipient, so none is carried."""
    return c.token.pos_ in {"VERB", "AUX"} and any(
        ch.dep_ in {"obj", "iobj"} and ch.pos_ in {"NOUN", "PROPN"} for ch in c.token.children)


def _bare_own_country(r: ResolvedActor, actors: list[ResolvedActor]) -> bool:
    """The actor's own country as such (not a sector of it: a domestic dyad needs the rebels or the
    opposition, not "Myanmar")."""
    return bool(r.actor.country) and r.actor.code in {None, r.actor.country} and any(
        a.actor.country == r.actor.country for a in actors)


def carried_recipients(c: Candidate, sa: SentenceActors, onto: Ontology) -> list[ResolvedActor]:
    """The recipients `c` takes from the dyad of the sentence before (of the same side: a hostile act goes on
    a hostile dyad, a cooperative one a cooperative dyad), or []."""
    if (c.recipients or not c.actors or c.dropped is not None or not onto.carries_recipient(c.event)
            or _names_its_own_recipient(c)):
        return []
    mine = _ids(c.actors, sa)
    for etype, actors, recipients in sa.state.recent_dyads(WITHIN):
        if _conflictual(onto, etype) != _conflictual(onto, c.event):
            continue
        if mine & _ids(actors, sa):
            other = [r for r in recipients if not (_ids([r], sa) & mine)]
        elif mine & _ids(recipients, sa):
            other = [a for a in actors if not (_ids([a], sa) & mine)]
        else:
            continue
        other = [r for r in other if not _bare_own_country(r, c.actors)]
        if other:
            return [_carried(r) for r in other]
    return []


def carry_recipients(cands: list[Candidate], sa: SentenceActors, onto: Ontology) -> None:
    """Give each kept candidate without a recipient the one the sentence before implies (in place)."""
    for c in cands:
        got = carried_recipients(c, sa, onto)
        if got:
            c.recipients = got
            c.notes.append("recipient:previous-sentence")


def remember_dyads(cands: list[Candidate], state: DiscourseState) -> None:
    """Remember the dyads of a sentence's kept, affirmed candidates for the sentences after it (a carried
    recipient is not remembered again: a dyad is carried one sentence, not along a whole paragraph)."""
    for c in cands:
        if c.dropped is None and not (c.modality and c.modality.negated) and \
                "recipient:previous-sentence" not in c.notes:
            state.remember_dyad(c.event, list(c.actors), list(c.recipients))
