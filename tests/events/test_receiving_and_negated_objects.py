"""Receiving arms or supplies from someone is their aid to the receiver (`*.receive_materiel`, `sv.ta_emot_materiel`,
`sv.fa_materiel`: converse entries that need a weapon or supply object and a "från"/"from" giver), and a verb whose
object is negated by its determiner is negated ("skickade inga trupper", "sent no troops"). Sentences written
for these tests."""

from __future__ import annotations

import pytest


def _dyads(events):
    return {(e.event, frozenset(a.name for a in e.actor), frozenset(r.name for r in e.recipient), e.negated)
            for e in events}


RECEIVE = [  # (language, text, givers' countries, receivers' countries)
    ("sv", "Ukraina tog emot stridsvagnar från Tyskland och Polen.", {"DEU", "POL"}, {"UKR"}),
    ("sv", "Houthirebellerna fick vapen och ammunition från Iran, enligt FN.", {"IRN"}, {"YEM"}),
    ("sv", "Armenien har erhållit artilleri från Indien.", {"IND"}, {"ARM"}),
    ("sv", "Sudans armé tog emot drönare från Egypten.", {"EGY"}, {"SDN"}),
    ("en", "Ukraine received tanks from Germany and Poland.", {"DEU", "POL"}, {"UKR"}),
    ("en", "Hezbollah obtained rockets from Iran, Israeli officials said.", {"IRN"}, {"LBN"}),
    ("en", "Armenia has acquired artillery from India.", {"IND"}, {"ARM"}),
]


@pytest.mark.parametrize("lang,text,givers,receivers", RECEIVE, ids=[c[1][:40] for c in RECEIVE])
def test_arms_received_from_someone_are_their_aid(code_sv, lang, text, givers, receivers):
    events = code_sv(text, lang=lang)
    got = {(e.event, frozenset(a.country for a in e.actor), frozenset(r.country for r in e.recipient), e.negated)
           for e in events}
    assert ("AID", frozenset(givers), frozenset(receivers), False) in got, got
    assert all(e.context == ["military"] for e in events if e.event == "AID")


@pytest.mark.parametrize("lang,text", [
    ("sv", "Ukraina tog emot den tyska delegationen i Kiev."),
    ("sv", "Kanada tog emot tusentals flyktingar från Syrien."),
    ("sv", "Laget fick en ny tränare från Norge."),
    ("en", "The team received a new coach from Norway."),
    ("en", "Germany received thousands of letters from Ukraine."),
])
def test_receiving_anything_else_is_no_arms_aid(code_sv, lang, text):
    events = code_sv(text, lang=lang)
    assert not any(e.event == "AID" and e.context == ["military"] for e in events), _dyads(events)
    assert not any(e.event == "AID" and {a.name for a in e.actor} & {"Norway", "Ukraine", "Syria"} for e in events)


NEGATED = [
    ("sv", "Ryssland skickade inga trupper till Mali.", "AID"),
    ("sv", "Inga vapen levererades till Ukraina av Ungern.", "AID"),
    ("en", "Russia sent no troops to Mali.", "AID"),
    ("en", "No weapons were delivered to Ukraine by Hungary.", "AID"),
]


@pytest.mark.parametrize("lang,text,etype", NEGATED, ids=[c[1][:40] for c in NEGATED])
def test_a_negated_object_negates_the_act(code_sv, lang, text, etype):
    events = [e for e in code_sv(text, lang=lang) if e.event == etype]
    assert events and all(e.negated for e in events), _dyads(events)


@pytest.mark.parametrize("lang,text", [
    ("sv", "Tyskland skickade stridsvagnar till Ukraina men inga flygplan."),
    ("sv", "Ryssland skickade trupper till Mali."),
    ("en", "Germany sent tanks to Ukraine."),
])
def test_an_object_without_a_negating_determiner_stays_asserted(code_sv, lang, text):
    events = [e for e in code_sv(text, lang=lang) if e.event == "AID"]
    assert events and not any(e.negated for e in events), _dyads(events)
