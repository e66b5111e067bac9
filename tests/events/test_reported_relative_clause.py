"""A relative clause whose pronoun is the subject of a reported clause ("M23 rebels, who the UN says are backed
by Rwanda", "som FN säger stöds av Rwanda"): the antecedent is that clause's subject, so the passive's patient.
Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang,text,actor,recipient", [
    ("en", "M23 rebels, who the UN says are backed by Rwanda, seized the city of Goma.", "RWA", "CODREB"),
    ("sv", "M23-rebellerna, som FN säger stöds av Rwanda, intog staden Goma.", "RWA", "CODREB"),
    ("en", "Hezbollah, which Israel says is armed by Iran, fired rockets at Haifa.", "IRN", "LBNREB"),
])
def test_the_antecedent_is_the_reported_passive_patient(code_sv, lang, text, actor, recipient):
    got = {(tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient)) for e in code_sv(text, lang=lang)
           if e.event in {"SUPPORT", "AID"}}
    assert ((actor,), (recipient,)) in got, got
