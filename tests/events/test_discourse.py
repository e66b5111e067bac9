"""Recipients carried from the dyad of the sentence before (`konflikt.events.discourse`). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from konflikt.config import Settings
from konflikt.ingest import doc_id_for
from konflikt.pipeline import Coder
from konflikt.records import Document


def _code(coder: Coder, text: str, lang: str):
    doc = Document(id=doc_id_for(text), text=text, source="test", date="2025-06-02", language=lang)
    return coder.code_document(doc)


def _dyads(events, etype: str) -> set[tuple[str | None, str | None]]:
    return {(a.code, r.code) for e in events if e.event == etype for a in e.actor for r in e.recipient}


@pytest.fixture(scope="module")
def without_carry() -> Coder:
    return Coder(Settings(carry_recipients=False))


CASES = [
    # continuation: the same actor goes on against the same recipient
    ("sv", "Turkiet anklagade Grekland för att ha kränkt luftrummet. Turkiet hotade också med motåtgärder.",
     "THREATEN", ("TUR", "GRC")),
    ("en", "Israel accused Hezbollah of firing rockets at Haifa. On Tuesday it threatened to retaliate.",
     "THREATEN", ("ISR", "LBNREB")),
    # response: the recipient of the sentence before answers its actor
    ("en", "Azerbaijan accused Armenia of shelling its border posts. Armenia warned of a firm response.",
     "THREATEN", ("ARM", "AZE")),
    ("sv", "Serbien anklagade Kosovo för att trakassera serber i norr. Kosovo hotade att stänga gränsen.",
     "THREATEN", ("XKX", "SRB")),
]


@pytest.mark.parametrize("lang,text,etype,dyad", CASES, ids=[c[3][0] + "-" + c[2] for c in CASES])
def test_the_missing_recipient_is_the_counterpart_of_the_dyad_before(coder, without_carry, lang, text, etype,
                                                                       dyad):
    events = _code(coder, text, lang)
    assert dyad in _dyads(events, etype), [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient])
                                           for e in events]
    # without the mechanism the second sentence has no such recipient
    assert dyad not in _dyads(_code(without_carry, text, lang), etype)


def test_the_carried_recipient_points_at_its_mention_in_the_sentence_before(coder):
    text = "Turkiet anklagade Grekland för att ha kränkt luftrummet. Turkiet hotade också med motåtgärder."
    ev = next(e for e in _code(coder, text, "sv") if e.event == "THREATEN")
    (r,) = ev.recipient
    assert r.resolution == "previous-sentence"
    assert r.span is not None and r.span[1] <= ev.sentence_span[0]  # evidence: the earlier sentence
    assert text[r.span[0]:r.span[1]] == "Grekland"
    assert ev.confidence < 1.0


@pytest.mark.parametrize("lang,text,etype", [
    # a third party is nobody's counterpart
    ("sv", "Frankrike kritiserade Ryssland för attackerna. Kina hotade med sanktioner.", "THREATEN"),
    ("en", "France criticised Russia over the attacks. China threatened sanctions.", "THREATEN"),
    # two sentences back is too far
    ("en", "Israel accused Hezbollah of firing rockets at Haifa. The weather was calm in the north. "
           "Israel threatened to retaliate.", "THREATEN"),
])
def test_no_recipient_is_carried_to_a_third_party_or_from_further_back(coder, lang, text, etype):
    events = [e for e in _code(coder, text, lang) if e.event == etype]
    assert events, "the test sentence must still code the event"
    assert all(not e.recipient for e in events), [[r.code for r in e.recipient] for e in events]
