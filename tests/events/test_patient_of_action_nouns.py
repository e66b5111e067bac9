"""Swedish "av X" after an action noun is its patient, not its agent, when the noun is a nominalised verb
("dödandet av", "bombningen av") or has an owner ("Rysslands invasion av Ukraina", "den ryska invasionen av
Ukraina"); otherwise it stays the agent ("attacken utfördes av Hamas", "med stöd av USA"). Sentences written
for these tests."""

from __future__ import annotations

import pytest


def _dyads(events):
    return {(e.event, frozenset(a.country for a in e.actor), frozenset(r.country for r in e.recipient))
            for e in events}


@pytest.mark.parametrize("text,expected", [
    ("Rysslands invasion av Ukraina inleddes i februari 2022.", ("ASSAULT", {"RUS"}, {"UKR"})),
    ("Den ryska invasionen av Ukraina fördömdes av EU.", ("ASSAULT", {"RUS"}, {"UKR"})),
    ("Sydafrika kritiserade Israels ockupation av Västbanken.", ("COERCE", {"ISR"}, {"PSE"})),
    ("Sydafrika kritiserade Israels ockupation av Västbanken.", ("ACCUSE", {"ZAF"}, {"ISR"})),
    ("EU fördömde den ryska invasionen av Ukraina.", ("ACCUSE", {None}, {"RUS"})),
    ("Etiopiens ockupation av gränsområdet kritiserades av Eritrea.", ("ACCUSE", {"ERI"}, {"ETH"})),
])
def test_av_after_an_owned_or_nominalised_action_is_its_patient(code_sv, text, expected):
    etype, actors, recipients = expected
    got = _dyads(code_sv(text))
    assert any(t == etype and (a == frozenset(actors) or None in actors) and r == frozenset(recipients)
               for t, a, r in got), got


@pytest.mark.parametrize("text,not_actor", [
    ("FN fördömde dödandet av journalisten i Gaza.", "PSE"),
    ("Bombningen av sjukhuset i Kiev fördömdes av Frankrike.", "UKR"),
])
def test_the_patient_of_a_nominalisation_is_never_its_actor(code_sv, text, not_actor):
    events = code_sv(text)
    assert not any(e.event == "ASSAULT" and any(a.country == not_actor for a in e.actor) for e in events), \
        _dyads(events)


def test_av_without_an_owner_after_a_plain_event_noun_stays_the_agent(code_sv):
    got = _dyads(code_sv("Attacken mot konvojen utfördes av Hamas."))
    assert any(t == "ASSAULT" and a == frozenset({"PSE"}) for t, a, _r in got), got
