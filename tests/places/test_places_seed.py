"""The seed coded end to end: events aimed at Tripoli are located at Tripoli, Libya; the rest have a location."""

from __future__ import annotations


def test_seed_locations(code_sv, shared_dir):
    text = (shared_dir / "seed" / "000_55b182ca055ce355.txt").read_text(encoding="utf-8")
    events = code_sv(text, date="2019-12-27")
    assert events
    at_tripoli = [e for e in events if e.location and e.location.name == "Tripoli"]
    for e in at_tripoli:
        loc = e.location
        assert loc.country == "LBY" and abs(loc.lat - 32.89) < 0.05 and abs(loc.lon - 13.19) < 0.05
        assert loc.method == "preposition" and loc.geonames_id == 2210247
    aimed = [e for e in events if "mot Tripoli" in e.event_text and e.trigger in ("offensiv", "lanserat")]
    assert all(e in at_tripoli for e in aimed)
    assert all(e.location is not None for e in events)      # the article is about Libya: document fallback
    assert {e.location.method for e in events} <= {"preposition", "argument", "sentence-country", "document"}
