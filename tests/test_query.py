"""`konflikt.query`: the library layer under the CLI and the web API (filters, actor names, stored network)."""

from __future__ import annotations

from datetime import date

import pytest

from konflikt.actors.kb import load_kb
from konflikt.ingest import doc_id_for
from konflikt.query import QueryError, actor_names, event_filters, event_types, stored_network
from konflikt.records import Actor, Document, Event
from konflikt.store import Store


def _actor(name, entity, country, sector=None):
    return Actor(raw_text=name.lower(), name=name, entity_id=entity, country=country, sector=sector,
                 code=country + (sector or ""))


def _ev(doc, n, etype, actor, recipient, day):
    return Event(id=f"{doc.id}:{n}:0", doc_id=doc.id, sentence_index=n, event_text=doc.text[:20],
                 sentence_span=(0, 20), span=(0, 4), trigger=doc.text[:4], event=etype, quad_code=4,
                 intensity=-5.0, language="sv", confidence=0.8, actor=[actor], recipient=[recipient],
                 date=day, context=["military"], modality=["reported"])


def test_event_types_upper_cases_and_refuses_unknown():
    assert event_types(" assault, aid ") == ("ASSAULT", "AID")
    assert event_types(None) == () and event_types("") == ()
    with pytest.raises(QueryError) as exc:
        event_types("ASSAULT,FIGHT")
    assert exc.value.field == "type" and "FIGHT" in str(exc.value)


def test_event_filters_window():
    f = event_filters(date(2024, 1, 1), date(2024, 2, 1), ("Turkey",), "aid")
    assert (f.date_from, f.date_to, f.actor, f.types) == (date(2024, 1, 1), date(2024, 2, 1), ("Turkey",), ("AID",))
    with pytest.raises(QueryError) as exc:
        event_filters(date(2024, 2, 1), date(2024, 1, 1))
    assert exc.value.field == "window"


def test_actor_names_finds_entities_by_a_name_in_another_language():
    names = actor_names("Turkiet")
    assert names[0] == "Turkiet" and "TUR" in names[1:]
    assert actor_names("Nobody Such", kb=[]) == ("Nobody Such",)


def test_stored_network_counts_a_window(tmp_path):
    text = "Ryssland skickade vapen till LNA. Turkiet attackerade LNA."
    doc = Document(id=doc_id_for(text), text=text, source="test", date="2024-01-01", language="sv")
    rus, tur, lna = _actor("Russia", "RUS", "RUS"), _actor("Turkey", "TUR", "TUR"), _actor("LNA", "LNA", "LBY", "MIL")
    evs = [_ev(doc, 0, "AID", rus, lna, "2024-01-01"), _ev(doc, 1, "ASSAULT", tur, lna, "2024-03-01")]
    kb = load_kb()
    with Store(tmp_path / "k.duckdb") as st:
        st.add_document(doc, evs)
        everything = stored_network(st, kb, count="mentions")
        january = stored_network(st, kb, date(2024, 1, 1), date(2024, 1, 31), count="mentions")
    assert sum(d.events for d in everything.dyads.values()) == 2
    assert sum(d.events for d in january.dyads.values()) == 1
    assert january.window == ("2024-01-01", "2024-01-31")
