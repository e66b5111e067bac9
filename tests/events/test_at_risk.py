"""A threat verb with nothing threatened whose subject is a thing, not an actor ("X:s försök hotar"): the thing is
at risk, nobody threatens (events.verb_args._at_risk, dropped as "subject-at-risk" by events.choose). Sentences
written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture()
def code(coder):
    from konflikt.ingest import doc_id_for
    from konflikt.records import Document

    def run(text: str, lang: str = "sv"):
        doc = Document(id=doc_id_for(text), text=text, source="test", date="2024-01-01", language=lang)
        return [(e.event, [a.code for a in e.actor], [a.code for a in e.recipient]) for e in coder.code_document(doc)]

    return run


def test_an_attempt_at_risk_is_no_threat(code):
    assert not [e for e in code("Därför hotar Egyptens försök att få stopp på smugglingen.") if e[0] == "THREATEN"]


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Ryssland hotar Ukraina.", ["RUS"], ["UKR"]),  # an actor subject, an object
    ("Rysslands regering hotar med sanktioner.", ["RUSGOV"], []),  # an actor noun, a "med" phrase
])
def test_real_threats_stay(code, text, actor, recipient):
    assert ("THREATEN", actor, recipient) in code(text)
