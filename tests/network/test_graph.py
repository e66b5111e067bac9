"""Network: roll-up levels, happenings counted once, camps (exact and heuristic), exports."""

from __future__ import annotations

import io
import json
import random
from datetime import date

import pytest

from konflikt.actors.kb import Claim, Entity, KnowledgeBase, Role
from konflikt.network import Dyad, _cost, _exact, _local_search, camps, dyads, node_of, partition
from konflikt.network.export import build, print_table, to_dict, to_networkx, write_graph
from konflikt.records import Actor, Event


@pytest.fixture(scope="module")
def kb():
    ents = [
        Entity("LBY", "Libya", "country", country="LBY", code="LBY"),
        Entity("TUR", "Turkey", "country", country="TUR", code="TUR"),
        Entity("RUS", "Russia", "country", country="RUS", code="RUS"),
        Entity("lna", "Libyan National Army", "group", country="LBY", sector="REB", code="LBYREB"),
        Entity("gna", "Government of National Accord", "org", country="LBY", sector="GOV", code="LBYGOV",
               parent="LBY", claims=(Claim("LBYGOV", date(2016, 3, 30), date(2021, 3, 15)),)),
        Entity("gnu", "Government of National Unity (Libya)", "org", country="LBY", sector="GOV", code="LBYGOV",
               parent="LBY", claims=(Claim("LBYGOV", date(2021, 3, 15), None),)),
        Entity("tbmm", "Grand National Assembly of Turkey", "org", country="TUR", sector="LEG", code="TURLEG",
               parent="TUR", claims=(Claim("TURLEG", None, None),)),
        Entity("haftar", "Khalifa Haftar", "person", country="LBY",
               roles=(Role("LBYREB", "LBY", "REB", "commander", date(2014, 5, 16), None, "lna"),)),
        Entity("erdogan", "Recep Tayyip Erdoğan", "person", country="TUR",
               roles=(Role("TURGOV", "TUR", "GOV", "president", date(2014, 8, 28), None, "TUR"),)),
        Entity("brigade", "Some Brigade", "group", country="LBY", parent="lna"),
    ]
    return KnowledgeBase(ents, {})


def _a(name, entity=None, code=None, country=None):
    return Actor(raw_text=name, name=name, entity_id=entity, code=code, country=country)


def _ev(i, etype, actors, recipients, date="2019-12-27", negated=False, intensity=1.0, conf=1.0):
    return Event(id=f"d:{i}:0", doc_id="d", sentence_index=i, event_text="s", sentence_span=(0, 1), span=(0, 1),
                 trigger="t", event=etype, quad_code=1, intensity=intensity, language="sv", confidence=conf,
                 actor=actors, recipient=recipients, negated=negated, date=date)


def test_node_levels(kb):
    haftar = _a("Haftar", "haftar")
    assert node_of(haftar, kb, "2019-12-27", "entity").id == "haftar"
    assert node_of(haftar, kb, "2019-12-27").id == "lna"              # org: person -> what he acts for
    assert node_of(haftar, kb, "2019-12-27", "state").id == "LBY"
    assert node_of(haftar, kb, "2010-01-01").id == "LBY"              # outside his role: his country
    assert node_of(_a("Erdoğan", "erdogan"), kb, "2019-12-10").id == "TUR"
    assert node_of(_a("brigad", "brigade"), kb, "2019-12-27").id == "lna"  # unit -> parent, transitively


def test_state_organs_and_claims(kb):
    gov = _a("den libyska regeringen", "LBY", "LBYGOV", "LBY")
    assert node_of(gov, kb, "2019-12-27").id == "gna"                 # the holder of LBYGOV on that date
    assert node_of(gov, kb, "2022-01-01").id == "gnu"
    assert node_of(gov, kb, "2010-01-01").id == "LBY"                 # nobody holds it then: the state
    assert node_of(gov, kb, "2019-12-27", "state").id == "LBY"
    assert node_of(_a("GNA", "gna"), kb, "2019-12-27").id == "gna"   # a claimant stays, despite its parent
    parl = _a("det turkiska parlamentet", "TUR", "TURLEG", "TUR")
    assert node_of(parl, kb, "2019-12-27", "entity").id == "tbmm"
    assert node_of(parl, kb, "2019-12-27").id == "TUR"                # state organ -> its state
    assert node_of(_a("Unknown Militia"), kb).id == "Unknown Militia"
    assert node_of(_a("Unknown Militia", country="LBY"), kb, None, "state").id == "LBY"
    with pytest.raises(ValueError):
        node_of(haftar := _a("x"), kb, None, "bogus")
    del haftar


def test_happenings_count_once(kb):
    evs = [_ev(1, "ASSAULT", [_a("LNA", "lna")], [_a("GNA", "gna")], intensity=-8, conf=0.5),
           _ev(2, "ASSAULT", [_a("Haftar", "haftar")], [_a("GNA", "gna")], intensity=-8, conf=0.9, date="2019-12-28"),
           _ev(3, "ASSAULT", [_a("LNA", "lna")], [_a("GNA", "gna")], intensity=-8)]
    _, plain = dyads(evs, kb)
    assert plain[("lna", "gna")].events == 3
    hap = {"d:1:0": "h1", "d:2:0": "h1", "d:3:0": "h2"}
    _, ds = dyads(evs, kb, happenings=hap)
    d = ds[("lna", "gna")]
    assert (d.events, d.mentions, d.types) == (2, 3, {"ASSAULT": 2})
    assert d.score == pytest.approx(-8 * 0.9 + -8 * 1.0)             # strongest mention per happening
    assert (d.first, d.last) == ("2019-12-27", "2019-12-28")
    assert sorted(d.evidence) == ["d:1:0", "d:2:0", "d:3:0"]


def _seed_like_events():
    a = _a
    return [
        _ev(0, "AID", [a("Russia", "RUS")], [a("Haftar", "haftar")]),
        _ev(1, "SUPPORT", [a("Turkey", "TUR")], [a("regeringen", "LBY", "LBYGOV")]),
        _ev(2, "SUPPORT", [a("UAE", code="ARE"), a("Egypt", code="EGY")], [a("LNA", "lna")]),
        _ev(3, "ASSAULT", [a("Haftar", "haftar")], [a("Tripoli", "LBY", "LBYGOV")], intensity=-9),
        _ev(4, "COERCE", [a("Haftars trupper", "lna")], [a("Turkiet", "TUR")], intensity=-7),
        _ev(5, "AGREE", [a("Erdoğan", "erdogan")], [a("GNA", "gna")]),
        _ev(6, "ASSAULT", [a("Russia", "RUS")], [a("Turkey", "TUR")], negated=True),
    ]


def test_seed_like_camps(kb):
    net = build(_seed_like_events(), kb)
    assert sorted(map(sorted, net.camps)) == [["Egypt", "RUS", "UAE", "lna"], ["TUR", "gna"]]
    assert net.partition.frustration == 0 and net.partition.methods == ["exact"]
    data = to_dict(net)
    kinds = {(e["actor"], e["recipient"]): e["kind"] for e in data["edges"]}
    assert kinds == {("RUS", "lna"): "cooperative", ("TUR", "gna"): "cooperative", ("UAE", "lna"): "cooperative",
                     ("Egypt", "lna"): "cooperative", ("lna", "gna"): "conflictual", ("lna", "TUR"): "conflictual"}
    assert {n["id"] for n in data["nodes"]} == {"RUS", "TUR", "UAE", "Egypt", "lna", "gna"}
    assert set(data["nodes"][0]) == {"id", "name", "country", "sector"}
    json.dumps(data)  # serialisable


def test_state_level_merges_rivals(kb):
    net = build(_seed_like_events(), kb, level="state")
    assert ("LBY", "LBY") not in net.dyads and all("lna" not in k and "gna" not in k for k in net.dyads)


def test_focus(kb):
    net = build(_seed_like_events(), kb)
    f = net.focus(net.find("turkiet", kb) or net.find("Turkey", kb))
    assert set(f.dyads) == {("TUR", "gna"), ("lna", "TUR")}
    assert sorted(map(sorted, f.camps)) == [["TUR", "gna"], ["lna"]]
    assert net.find("Recep Tayyip Erdoğan", kb) == ["TUR"]            # a person found through the KB


def test_graph_exports(kb, tmp_path):
    import networkx as nx

    net = build(_seed_like_events(), kb)
    g = to_networkx(net)
    assert g.number_of_nodes() == 6 and g.number_of_edges() == 6
    out = tmp_path / "n.graphml"
    write_graph(net, out, "graphml")
    g2 = nx.read_graphml(out)
    assert g2.edges["lna", "gna"]["kind"] == "conflictual" and g2.edges["lna", "gna"]["sign"] == -1
    assert g2.nodes["lna"]["name"] == "Libyan National Army"
    assert g2.nodes["lna"]["camp"] == g2.nodes["RUS"]["camp"] != g2.nodes["gna"]["camp"]
    buf = io.BytesIO()
    write_graph(net, buf, "gexf")
    g3 = nx.read_gexf(io.BytesIO(buf.getvalue()))
    assert g3.number_of_edges() == 6


def test_table(kb):
    from rich.console import Console

    console = Console(record=True, width=200)
    print_table(build(_seed_like_events(), kb), console)
    text = console.export_text()
    lna_row = next(line for line in text.splitlines() if line.strip("│ ").startswith("Libyan National Army"))
    assert "Russia" in lna_row and "Government of National Accord" in lna_row
    assert "Camp 1:" in text and "Camp 2:" in text


def test_existing_api_still_works():
    ds = {("R", "L"): Dyad("R", "L", {"AID": 2}, 2), ("L", "G"): Dyad("L", "G", {"ASSAULT": 2}, 2)}
    assert sorted(map(sorted, camps(["R", "L", "G"], ds))) == [["G"], ["L", "R"]]


def test_separate_components_are_separate_camps():
    ds = {("A", "B"): Dyad("A", "B", {"AID": 1}, 1), ("C", "D"): Dyad("C", "D", {"ASSAULT": 1}, 1)}
    assert sorted(map(sorted, camps(["A", "B", "C", "D"], ds))) == [["A", "B"], ["C"], ["D"]]


def _random_signed(n, p, rng, planted=None, noise=0.0):
    edges = []
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < p:
                if planted is None:
                    w = rng.choice([-1, 1]) * rng.randint(1, 3)
                else:
                    w = (1 if planted[i] == planted[j] else -1) * rng.randint(1, 3)
                    if rng.random() < noise:
                        w = -w
                edges.append((i, j, float(w)))
    return edges


def test_heuristic_matches_exact_on_small_graphs():
    rng = random.Random(7)
    worse = 0
    for _ in range(25):
        n = rng.randint(6, 12)
        edges = _random_signed(n, 0.5, rng)
        exact = _cost(_exact(n, edges), edges)
        heur = _cost(_local_search(n, edges), edges)
        assert heur >= exact - 1e-9                  # the exact search really is optimal
        worse += heur > exact + 1e-9
    assert worse == 0


def test_heuristic_recovers_planted_partition():
    rng = random.Random(3)
    n = 60
    planted = [rng.randint(0, 1) for _ in range(n)]
    edges = _random_signed(n, 0.2, rng, planted, noise=0.05)
    side = _local_search(n, edges)
    assert _cost(side, edges) <= _cost(planted, edges)
    agree = sum(a == b for a, b in zip(side, planted, strict=True))
    assert max(agree, n - agree) >= n - 2


def test_partition_uses_heuristic_beyond_max_exact():
    rng = random.Random(11)
    planted = [rng.randint(0, 1) for _ in range(20)]
    ids = [f"n{i:02d}" for i in range(20)]
    ds = {}
    for i, j, w in _random_signed(20, 0.4, rng, planted):
        ds[(ids[i], ids[j])] = Dyad(ids[i], ids[j], {"AID" if w > 0 else "ASSAULT": int(abs(w))}, int(abs(w)))
    p = partition(ids, ds, max_exact=14)
    assert "heuristic" in p.methods and p.frustration == 0
    assert sorted(map(sorted, p.camps)) == sorted(sorted(ids[i] for i in range(20) if planted[i] == s) for s in (0, 1))
