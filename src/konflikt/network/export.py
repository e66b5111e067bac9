"""The conflict network as data: build it from events, focus it on an actor, export it.

* `build(events, kb, level=..., happenings=..., window=...)` -> `Network` (nodes, dyads, camps);
* `Network.focus(name)` -> the sub-network of one actor's own dyads (camps computed on the whole);
* `to_dict` (the JSON of `konflikt network --format json`), `to_networkx` (a `networkx.DiGraph`),
  `write_graph` (GraphML or GEXF through networkx), `print_table` (per actor: backers, clients,
  enemies; then the camps).

JSON shape::

    {"level": "org", "window": {"from": d, "to": d}, "frustration": x,
     "nodes": [{"id", "name", "country", "sector"}],
     "edges": [{"actor": id, "recipient": id, "kind": "cooperative"|"conflictual", "events": n,
                "mentions": n, "score": x, "types": {TYPE: n}, "first": d, "last": d}],
     "camps": [[id, ...], ...]}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from konflikt.actors.kb import fold
from konflikt.network import Dyad, Node, Partition, dyads, node_of, partition
from konflikt.records import Actor, Event

__all__ = ["Network", "build", "print_table", "to_dict", "to_networkx", "write_graph"]


@dataclass
class Network:
    nodes: dict[str, Node]
    dyads: dict[tuple[str, str], Dyad]
    partition: Partition
    level: str = "org"
    window: tuple[str | None, str | None] = (None, None)
    focus_ids: list[str] = field(default_factory=list)

    @property
    def camps(self) -> list[list[str]]:
        return self.partition.camps

    def camp_of(self, node_id: str) -> int | None:
        for i, camp in enumerate(self.camps):
            if node_id in camp:
                return i
        return None

    def find(self, name: str, kb=None) -> list[str]:
        """Node ids matching a name: a node id or name (case and accents ignored), else a knowledge-base
        entity of that id or name, rolled up to this network's level."""
        key = fold(name.strip())
        hits = [nid for nid, n in self.nodes.items() if fold(nid) == key or fold(n.name) == key]
        if hits or kb is None:
            return hits
        for ent in kb:
            names = {fold(ent.id), fold(ent.name), *(fold(x) for x in ent.all_names())}
            if key in names:
                node = node_of(Actor(raw_text=name, name=ent.name, entity_id=ent.id, code=ent.code),
                               kb, self.window[1], self.level)
                if node is not None and node.id in self.nodes:
                    hits.append(node.id)
        return sorted(set(hits))

    def focus(self, ids: Iterable[str]) -> Network:
        """Only the dyads that involve one of `ids` (and their nodes); camps restricted to those nodes."""
        keep = set(ids)
        ds = {k: d for k, d in self.dyads.items() if k[0] in keep or k[1] in keep}
        nodes = {n for k in ds for n in k} | (keep & set(self.nodes))
        part = replace(self.partition, camps=[c2 for c in self.camps if (c2 := [m for m in c if m in nodes])])
        return Network({k: v for k, v in self.nodes.items() if k in nodes}, ds, part, self.level, self.window,
                       sorted(keep))


def build(events: Iterable[Event], kb=None, *, level: str = "org", happenings: Mapping[str, str] | None = None,
          window: tuple[str | None, str | None] = (None, None), max_exact: int = 14) -> Network:
    nodes, ds = dyads(events, kb, level=level, happenings=happenings)
    return Network(nodes, ds, partition(list(nodes), ds, max_exact), level, window)


def _sorted_dyads(net: Network) -> list[Dyad]:
    return sorted(net.dyads.values(), key=lambda d: (d.actor, d.recipient))


def to_dict(net: Network) -> dict:
    return {
        "level": net.level,
        "window": {"from": net.window[0], "to": net.window[1]},
        "frustration": net.partition.frustration,
        "nodes": [{"id": n.id, "name": n.name, "country": n.country, "sector": n.sector}
                  for n in sorted(net.nodes.values(), key=lambda n: n.id)],
        "edges": [{"actor": d.actor, "recipient": d.recipient, "kind": d.kind, "events": d.events,
                   "mentions": d.mentions, "score": d.score, "types": dict(sorted(d.types.items())),
                   "first": d.first, "last": d.last} for d in _sorted_dyads(net)],
        "camps": net.camps,
    }


def to_networkx(net: Network):
    """A `networkx.DiGraph`: node attributes name, country, sector, camp (-1: none); edge attributes
    kind, sign (+1/-1), events, mentions, score, first, last, types (JSON) and n_<TYPE> counts."""
    import networkx as nx

    g = nx.DiGraph(level=net.level, window_from=net.window[0] or "", window_to=net.window[1] or "")
    for n in sorted(net.nodes.values(), key=lambda n: n.id):
        camp = net.camp_of(n.id)
        g.add_node(n.id, name=n.name, country=n.country or "", sector=n.sector or "",
                   camp=-1 if camp is None else camp)
    for d in _sorted_dyads(net):
        attrs = {"kind": d.kind, "sign": 1 if d.kind == "cooperative" else -1, "events": d.events,
                 "mentions": d.mentions, "score": float(d.score), "first": d.first or "", "last": d.last or "",
                 "types": json.dumps(dict(sorted(d.types.items())))}
        attrs.update({f"n_{t}": n for t, n in d.types.items()})
        g.add_edge(d.actor, d.recipient, **attrs)
    return g


def write_graph(net: Network, out, fmt: str) -> None:
    """GraphML or GEXF to a path or a binary file object."""
    import networkx as nx

    g = to_networkx(net)
    if fmt == "graphml":
        nx.write_graphml(g, out)
    elif fmt == "gexf":
        nx.write_gexf(g, out)
    else:
        raise ValueError(f"unknown graph format {fmt!r}")


def print_table(net: Network, console=None) -> None:
    """Per actor: its camp, who backs it, whom it backs (clients), its enemies; then the camps."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    name = {nid: n.name for nid, n in net.nodes.items()}

    def fmt(items: dict[str, int]) -> str:
        return ", ".join(f"{name[k]} ({v})" for k, v in sorted(items.items(), key=lambda kv: (-kv[1], name[kv[0]])))

    win = " – ".join(x or "…" for x in net.window) if any(net.window) else "all dates"
    t = Table(title=f"Conflict network ({len(net.nodes)} actors, {len(net.dyads)} dyads; {win}; level {net.level})")
    for col in ("actor", "camp", "backed by", "backs (clients)", "enemies"):
        t.add_column(col)
    shown = net.focus_ids or sorted(net.nodes, key=lambda k: (net.camp_of(k) is None, net.camp_of(k) or 0, name[k]))
    for nid in shown:
        if nid not in net.nodes:
            continue
        backers: dict[str, int] = {}
        clients: dict[str, int] = {}
        enemies: dict[str, int] = {}
        for (a, r), d in net.dyads.items():
            if nid not in (a, r):
                continue
            other = r if a == nid else a
            if d.kind == "cooperative":
                (clients if a == nid else backers)[other] = d.events
            else:
                enemies[other] = enemies.get(other, 0) + d.events
        camp = net.camp_of(nid)
        t.add_row(name[nid], "—" if camp is None else str(camp + 1), fmt(backers) or "—", fmt(clients) or "—",
                  fmt(enemies) or "—")
    console.print(t)
    for i, camp in enumerate(net.camps, 1):
        console.print(f"[bold]Camp {i}:[/bold] " + ", ".join(name[m] for m in camp))
    if net.partition.total:
        console.print(f"frustration {net.partition.frustration:g} of {net.partition.total:g} "
                      f"(weight of edges the camps violate)")
