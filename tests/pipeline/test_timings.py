"""The optional stage clock of `Coder.code_document` (used by bench/throughput.py)."""

from __future__ import annotations

from konflikt.ingest import doc_id_for
from konflikt.records import Document

TEXT = ("Ryssland attackerade Ukraina i går.\n\nTurkiet fördömde attacken och hotade med sanktioner.")


def _doc(text: str) -> Document:
    return Document(id=doc_id_for(text), text=text, source="test", date="2024-03-01", language="sv")


def test_timings_do_not_change_the_events(coder):
    doc = _doc(TEXT)
    plain = coder.code_document(doc)
    timings: dict[str, float] = {}
    timed = coder.code_document(doc, timings=timings)
    assert [e.model_dump() for e in timed] == [e.model_dump() for e in plain]
    assert {"language", "parse", "actors", "events", "dates_places"} <= set(timings)
    assert all(v >= 0 for v in timings.values())


def test_timings_accumulate(coder):
    timings: dict[str, float] = {}
    coder.code_document(_doc(TEXT), timings=timings)
    first = dict(timings)
    coder.code_document(_doc(TEXT + "\n\nSverige stödde Ukraina."), timings=timings)
    assert all(timings[k] >= first[k] for k in first)
