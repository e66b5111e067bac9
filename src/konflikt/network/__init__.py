"""From events to the conflict system: directed dyads between rolled-up actors, and camps.

* `node_of(actor)`: the network node an actor stands for — people roll up to the organisation or state
  they act for, state organs (TURLEG, RUSGOV) to their state, an entity that holds a code (the GNA) stays.
* `dyads(events)`: per directed pair, counts by PLOVER type, a cooperative/conflictual kind, an
  intensity-weighted score, first and last dates, evidence event ids. Negated events do not count.
* `camps(dyads)`: a structural-balance partition of the signed graph (cooperation +, conflict -).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from konflikt.records import Actor, Event

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}


@dataclass
class Node:
    id: str
    name: str
    country: str | None = None
    sector: str | None = None


@dataclass
class Dyad:
    actor: str
    recipient: str
    types: dict[str, int] = field(default_factory=dict)
    events: int = 0
    score: float = 0.0
    first: str | None = None
    last: str | None = None
    evidence: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        coop = sum(n for t, n in self.types.items() if t in COOPERATIVE)
        return "cooperative" if coop >= self.events - coop else "conflictual"


def node_of(actor: Actor, kb=None, on_date=None) -> Node | None:
    """The node an actor stands for (None for actors that resolve to nothing)."""
    ent = kb.get(actor.entity_id) if (kb is not None and actor.entity_id) else None
    if ent is not None:
        if ent.kind == "person":
            up = kb.roll_up(ent, on_date)
            if up is not None and up is not ent:
                ent = up
        return Node(ent.id, ent.name, ent.country, ent.sector if ent.kind != "country" else None)
    if actor.name:
        return Node(actor.name, actor.name, actor.country, actor.sector)
    return None


def dyads(events: Iterable[Event], kb=None) -> tuple[dict[str, Node], dict[tuple[str, str], Dyad]]:
    nodes: dict[str, Node] = {}
    out: dict[tuple[str, str], Dyad] = {}
    for ev in events:
        if ev.negated:
            continue
        for a in ev.actor:
            na = node_of(a, kb)
            for r in ev.recipient:
                nr = node_of(r, kb)
                if na is None or nr is None or na.id == nr.id:
                    continue
                nodes.setdefault(na.id, na)
                nodes.setdefault(nr.id, nr)
                d = out.setdefault((na.id, nr.id), Dyad(na.id, nr.id))
                d.types[ev.event] = d.types.get(ev.event, 0) + 1
                d.events += 1
                d.score += ev.intensity * ev.confidence
                if ev.date:
                    d.first = min(filter(None, [d.first, ev.date]))
                    d.last = max(filter(None, [d.last, ev.date]))
                d.evidence.append(ev.id)
    return nodes, out


def camps(node_ids: list[str], ds: dict[tuple[str, str], Dyad], max_exact: int = 16) -> list[list[str]]:
    """Partition the actors into (at most two) coalitions that best respect the signed edges.

    Exact search for small graphs, greedy local search beyond `max_exact` nodes. Actors without any
    signed edge stay out of the camps.
    """
    weight: dict[frozenset, float] = {}
    for (a, r), d in ds.items():
        sign = 1.0 if d.kind == "cooperative" else -1.0
        key = frozenset((a, r))
        weight[key] = weight.get(key, 0.0) + sign * d.events
    members = sorted({n for k in weight for n in k if n in node_ids})
    if not members:
        return []

    def cost(assign: dict[str, int]) -> float:
        c = 0.0
        for k, w in weight.items():
            x, y = tuple(k)
            same = assign[x] == assign[y]
            c += (w if not same else 0.0) if w > 0 else (-w if same else 0.0)
        return c

    best: dict[str, int] = {m: 0 for m in members}
    if len(members) <= max_exact:
        best_cost = cost(best)
        for bits in itertools.product((0, 1), repeat=len(members) - 1):
            assign = {members[0]: 0, **{m: b for m, b in zip(members[1:], bits, strict=True)}}
            c = cost(assign)
            if c < best_cost:
                best, best_cost = assign, c
    else:
        improved = True
        while improved:
            improved = False
            for m in members:
                before = cost(best)
                best[m] ^= 1
                if cost(best) < before:
                    improved = True
                else:
                    best[m] ^= 1
    groups = [[m for m in members if best[m] == g] for g in (0, 1)]
    return sorted([g for g in groups if g], key=lambda g: (-len(g), g))
