"""Network: dyads and camps from events."""

from konflikt.network import Dyad, camps, dyads
from konflikt.records import Actor, Event


def _ev(i, etype, a, r, negated=False, intensity=1.0):
    return Event(id=str(i), doc_id="d", sentence_index=i, event_text="s", sentence_span=(0, 1), span=(0, 1),
                 trigger="t", event=etype, quad_code=1, intensity=intensity, language="sv", confidence=1.0,
                 actor=[Actor(raw_text=a, name=a)], recipient=[Actor(raw_text=r, name=r)], negated=negated)


def test_dyads_count_types_and_skip_negated():
    evs = [_ev(1, "SUPPORT", "A", "B"), _ev(2, "AID", "A", "B"), _ev(3, "ASSAULT", "A", "B", negated=True)]
    nodes, ds = dyads(evs)
    assert set(nodes) == {"A", "B"}
    d = ds[("A", "B")]
    assert d.events == 2 and d.types == {"SUPPORT": 1, "AID": 1} and d.kind == "cooperative"


def test_camps_structural_balance():
    ds = {
        ("R", "L"): Dyad("R", "L", {"AID": 2}, 2),
        ("E", "L"): Dyad("E", "L", {"SUPPORT": 1}, 1),
        ("T", "G"): Dyad("T", "G", {"SUPPORT": 3}, 3),
        ("L", "G"): Dyad("L", "G", {"ASSAULT": 2}, 2),
        ("L", "T"): Dyad("L", "T", {"COERCE": 1}, 1),
    }
    cs = camps(["R", "L", "E", "T", "G"], ds)
    assert sorted(map(sorted, cs)) == [["E", "L", "R"], ["G", "T"]]


def test_camps_empty():
    assert camps([], {}) == []
