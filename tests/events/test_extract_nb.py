"""Bokmål sentences of our own through the whole coder (`--lang nb`): types, actors, recipients, negation,
modality, dates from the nb data files alone. Needs the nb pipeline (skipped without it)."""

from __future__ import annotations

import pytest

from konflikt.language.registry import installed

pytestmark = pytest.mark.skipif("nb" not in installed(), reason="no trained nb pipeline installed")


def _pairs(events):
    return {(e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient)) for e in events}


def test_accuse_and_a_compound_event_noun(code_nb):
    ev = code_nb("Tyrkia fordømte Russlands flyangrep mot Idlib.")
    assert ("ACCUSE", ("TUR",), ("RUS",)) in _pairs(ev)
    assert any(e.event == "ASSAULT" and e.trigger == "flyangrep" for e in ev)


def test_assault_dated_by_i_gaar(code_nb):
    ev = [e for e in code_nb("Russland angrep Ukraina i går.") if e.event == "ASSAULT"]
    assert ev and ev[0].actor[0].code == "RUS" and ev[0].recipient[0].code == "UKR"
    assert ev[0].date == "2019-12-26"


def test_negation(code_nb):
    ev = code_nb("Egypt har ikke sendt soldater til Libya.")
    assert ev and all(e.negated for e in ev)


def test_conditional_promise(code_nb):
    ev = code_nb("Tyrkia vil sende tropper dersom regjeringen i Tripoli ber om det.")
    sent = [e for e in ev if e.trigger == "sende"]
    assert sent and sent[0].actor[0].code == "TUR" and sent[0].modality


def test_support_received_from(code_nb):
    ev = code_nb("Haftars styrker får støtte fra Egypt.")
    assert ("SUPPORT", ("EGY",), ("LBYREB",)) in _pairs(ev)


def test_reflexive_particle_verb_by_the_taggers_reflex_feature(code_nb):
    # "slutte seg til" (sv "ansluta sig till"): "seg" is found by its Reflex=Yes feature, not a Python list
    ev = code_nb("Russerne sluttet seg til Haftar-styrkene i fjor.")
    assert any(e.trigger == "sluttet" and e.actor and e.actor[0].code == "RUS" for e in ev)
    assert not any(e.trigger == "sluttet" for e in code_nb("Russerne sluttet å skyte i fjor."))
