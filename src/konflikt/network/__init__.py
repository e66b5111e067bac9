"""From events to the conflict system: directed dyads between rolled-up actors, and camps.

* `node_of(actor, kb, on_date, level)`: the network node an actor stands for. Levels:
  `entity` — the knowledge-base entity as resolved (a person stays a person), except that a state
  organ written as country + sector ("den libyska regeringen" = LBYGOV) becomes the entity holding
  that code on the date (the GNA in 2019) or else the state;
  `org` (default) — people and units roll up to the organisation or state they act for
  (Erdoğan -> Turkey, Haftar -> Libyan National Army, a brigade -> its movement, a parliament -> its
  state); an entity holding a dated claim on a generic code (a rival government: the GNA) stays;
  `state` — everything rolls up to its country (the GNA and the LNA both become Libya).
  Names the knowledge base does not know stay nodes of their own (at `state` level: their country,
  if known); so does a country's non-state group no entity holds the code of ("protesters" in
  Cameroon = node CMROPP, "Cameroon OPP"), which is not the state.
* `dyads(events, kb, level=..., happenings=...)`: per directed pair, counts by PLOVER type, a
  cooperative/conflictual kind, an intensity-weighted score (sum of intensity x confidence), first
  and last dates, evidence event ids. Negated events do not count. With `happenings` (event id ->
  happening id, from the store's de-duplication) several reports of one happening count once.
* `camps(node_ids, dyads)`: a structural-balance partition of the signed graph (cooperation +,
  conflict -, weighted by event counts), per connected component: exact search when the component
  has at most `max_exact` (14) actors, otherwise a seeded multi-start local search (spectral start,
  greedy flips, perturbation). `partition(...)` gives the same with its frustration (the weight of
  the edges it violates).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date as Date

from konflikt.actors.sector_phrases import STATE_SECTORS
from konflikt.records import Actor, Event

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
LEVELS: tuple[str, ...] = ("entity", "org", "state")

__all__ = ["COOPERATIVE", "LEVELS", "Dyad", "Node", "Partition", "camps", "dyads", "node_of", "partition"]


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
    mentions: int = 0

    @property
    def kind(self) -> str:
        coop = sum(n for t, n in self.types.items() if t in COOPERATIVE)
        return "cooperative" if coop >= self.events - coop else "conflictual"


def _day(on_date) -> Date | None:
    if on_date is None or isinstance(on_date, Date):
        return on_date
    try:
        return Date.fromisoformat(str(on_date)[:10])
    except ValueError:
        return None


def node_of(actor: Actor, kb=None, on_date=None, level: str = "org") -> Node | None:
    """The node an actor stands for (None for actors that resolve to nothing)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
    day = _day(on_date)
    ent = kb.get(actor.entity_id) if (kb is not None and actor.entity_id) else None
    if ent is not None:
        if ent.kind == "country" and actor.code and actor.code != ent.code and level != "state":
            holder = kb.entity_for_code(actor.code, day)
            if holder is not None:
                ent = holder
            elif actor.sector and actor.sector not in STATE_SECTORS and actor.code == f"{ent.id}{actor.sector}":
                # a country's non-state group (its opposition, rebels, protesters) is not the state
                return Node(actor.code, f"{ent.name} {actor.sector}", ent.id, actor.sector)
        if level != "entity":
            for _ in range(6):  # people -> what they act for; units -> their parent
                if level == "org" and not (ent.kind == "person" or (ent.parent and not _dated_claims(ent))):
                    break
                up = kb.roll_up(ent, day)
                if up is ent:
                    break
                ent = up
            if level == "state" and ent.kind != "country" and ent.country and kb.get(ent.country) is not None:
                ent = kb.get(ent.country)
        return Node(ent.id, ent.name, ent.country, ent.sector if ent.kind != "country" else None)
    if level == "state" and actor.country and kb is not None and kb.get(actor.country) is not None:
        c = kb.get(actor.country)
        return Node(c.id, c.name, c.country)
    if actor.name:
        return Node(actor.name, actor.name, actor.country, actor.sector)
    return None


def dyads(events: Iterable[Event], kb=None, *, level: str = "org",
          happenings: Mapping[str, str] | None = None) -> tuple[dict[str, Node], dict[tuple[str, str], Dyad]]:
    """Directed dyads between nodes. With `happenings`, events sharing a happening id count once per
    dyad (its strongest mention gives the score); `mentions` still counts every report."""
    nodes: dict[str, Node] = {}
    cache: dict[tuple, Node | None] = {}
    # (pair) -> happening id -> (weight, type, intensity x confidence, date)
    units: dict[tuple[str, str], dict[str, tuple[float, str, float, str | None]]] = {}
    evidence: dict[tuple[str, str], list[str]] = {}
    spans: dict[tuple[str, str], tuple[str, str]] = {}

    def node(a: Actor, d: str | None) -> Node | None:
        key = (a.entity_id, a.name, a.code, a.country, a.sector, (d or "")[:10])
        if key not in cache:
            cache[key] = node_of(a, kb, d, level)
        return cache[key]

    for ev in events:
        if ev.negated:
            continue
        hid = happenings.get(ev.id, ev.id) if happenings is not None else ev.id
        for a in ev.actor:
            na = node(a, ev.date)
            for r in ev.recipient:
                nr = node(r, ev.date)
                if na is None or nr is None or na.id == nr.id:
                    continue
                nodes.setdefault(na.id, na)
                nodes.setdefault(nr.id, nr)
                pair = (na.id, nr.id)
                evidence.setdefault(pair, []).append(ev.id)
                if ev.date:
                    f, last = spans.get(pair, (ev.date, ev.date))
                    spans[pair] = (min(f, ev.date), max(last, ev.date))
                u = units.setdefault(pair, {})
                cand = (ev.confidence, ev.event, ev.intensity * ev.confidence, ev.date)
                prev = u.get(hid)
                if prev is None or cand[0] > prev[0]:
                    u[hid] = cand
    out: dict[tuple[str, str], Dyad] = {}
    for pair, u in units.items():
        d = Dyad(pair[0], pair[1])
        for _conf, etype, score, _date in u.values():
            d.types[etype] = d.types.get(etype, 0) + 1
            d.events += 1
            d.score += score
        dates = spans.get(pair)
        d.first, d.last = dates if dates else (None, None)
        d.evidence = evidence[pair]
        d.mentions = len(d.evidence)
        d.score = round(d.score, 4)
        out[pair] = d
    return nodes, out


# --------------------------------------------------------------------------------------------------
# camps: structural balance


@dataclass
class Partition:
    camps: list[list[str]]
    frustration: float
    """Total weight of violated edges: cooperation across camps plus conflict inside a camp."""
    total: float
    """Total absolute weight of the signed edges."""
    methods: list[str] = field(default_factory=list)
    """Per connected component: 'exact' or 'heuristic'."""


def _signed_weights(node_ids: Iterable[str], ds: Mapping[tuple[str, str], Dyad]) -> dict[tuple[str, str], float]:
    allowed = set(node_ids)
    weight: dict[tuple[str, str], float] = {}
    for (a, r), d in ds.items():
        if a not in allowed or r not in allowed or a == r:
            continue
        sign = 1.0 if d.kind == "cooperative" else -1.0
        key = (a, r) if a < r else (r, a)
        weight[key] = weight.get(key, 0.0) + sign * d.events
    return {k: w for k, w in weight.items() if w != 0}


def _components(members: list[str], weight: Mapping[tuple[str, str], float]) -> list[list[str]]:
    adj: dict[str, set[str]] = {m: set() for m in members}
    for a, b in weight:
        adj[a].add(b)
        adj[b].add(a)
    seen: set[str] = set()
    comps = []
    for m in members:
        if m in seen:
            continue
        stack, comp = [m], []
        seen.add(m)
        while stack:
            x = stack.pop()
            comp.append(x)
            for y in adj[x]:
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        comps.append(sorted(comp))
    return comps


def _cost(side: list[int], edges: list[tuple[int, int, float]]) -> float:
    c = 0.0
    for i, j, w in edges:
        same = side[i] == side[j]
        if w > 0 and not same:
            c += w
        elif w < 0 and same:
            c -= w
    return c


def _exact(n: int, edges: list[tuple[int, int, float]]) -> list[int]:
    import numpy as np

    if n == 1:
        return [0]
    rows = np.arange(2 ** (n - 1), dtype=np.int64)
    bits = np.zeros((rows.size, n), dtype=np.int8)
    for k in range(1, n):  # node 0 fixed on side 0
        bits[:, k] = (rows >> (k - 1)) & 1
    cost = np.zeros(rows.size)
    for i, j, w in edges:
        same = bits[:, i] == bits[:, j]
        cost += np.where(same, -w if w < 0 else 0.0, w if w > 0 else 0.0)
    best = int(np.argmin(cost))  # the first optimum in enumeration order: deterministic
    return [int(b) for b in bits[best]]


def _local_search(n: int, edges: list[tuple[int, int, float]], restarts: int = 24, seed: int = 0) -> list[int]:
    """Multi-start greedy flipping with perturbation; the first start is spectral."""
    import numpy as np

    rng = random.Random(seed)
    nbrs: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for i, j, w in edges:
        nbrs[i].append((j, w))
        nbrs[j].append((i, w))

    def gain(side: list[int], v: int) -> float:
        """Cost decrease when v changes side."""
        g = 0.0
        for u, w in nbrs[v]:
            same = side[u] == side[v]
            if w > 0:
                g += w if not same else -w
            else:
                g += -w if same else w
        return g

    def descend(side: list[int]) -> list[int]:
        improved = True
        while improved:
            improved = False
            for v in rng.sample(range(n), n):
                if gain(side, v) > 1e-12:
                    side[v] ^= 1
                    improved = True
        return side

    starts: list[list[int]] = []
    a = np.zeros((n, n))
    for i, j, w in edges:
        a[i, j] += w
        a[j, i] += w
    vals, vecs = np.linalg.eigh(a)
    starts.append([int(x < 0) for x in vecs[:, int(np.argmax(vals))]])
    starts.extend([rng.randint(0, 1) for _ in range(n)] for _ in range(restarts - 1))
    best, best_cost = None, float("inf")
    for s in starts:
        side = descend(list(s))
        cost = _cost(side, edges)
        for _ in range(8):  # perturb: flip a few random nodes and descend again
            trial = list(side)
            for v in rng.sample(range(n), max(1, n // 10)):
                trial[v] ^= 1
            trial = descend(trial)
            tc = _cost(trial, edges)
            if tc < cost - 1e-12:
                side, cost = trial, tc
        if cost < best_cost - 1e-12:
            best, best_cost = side, cost
    assert best is not None
    if best[0] == 1:
        best = [1 - x for x in best]
    return best


def partition(node_ids: list[str], ds: Mapping[tuple[str, str], Dyad], max_exact: int = 14) -> Partition:
    """Camps with their frustration; see `camps`."""
    weight = _signed_weights(node_ids, ds)
    members = sorted({n for k in weight for n in k})
    camps_out: list[list[str]] = []
    frustration = 0.0
    methods = []
    for comp in _components(members, weight):
        index = {m: i for i, m in enumerate(comp)}
        edges = [(index[a], index[b], w) for (a, b), w in weight.items() if a in index]
        if len(comp) <= max_exact:
            side = _exact(len(comp), edges)
            methods.append("exact")
        else:
            side = _local_search(len(comp), edges)
            methods.append("heuristic")
        frustration += _cost(side, edges)
        for g in (0, 1):
            group = [m for m in comp if side[index[m]] == g]
            if group:
                camps_out.append(group)
    camps_out.sort(key=lambda g: (-len(g), g))
    return Partition(camps_out, frustration, sum(abs(w) for w in weight.values()), methods)


def camps(node_ids: list[str], ds: Mapping[tuple[str, str], Dyad], max_exact: int = 14) -> list[list[str]]:
    """Partition the actors into coalitions that best respect the signed edges (structural balance).

    Each connected component of the signed graph is split in at most two camps; actors without any
    signed edge stay out of the camps."""
    return partition(node_ids, ds, max_exact).camps


def _dated_claims(ent) -> bool:
    """A claim with a start date marks a rival or successor government (the GNA); an open claim is a state
    organ holding its own code (the Turkish parliament on TURLEG), which rolls up to its state."""
    return any(c.start is not None for c in getattr(ent, "claims", ()))
