"""Money given to a party is economic aid (AID, CAMEO 071): "ge"/"gi" with a sum of money as its object (the
trigger entries sv.ge_pengar / nb.gi, `requires_qualifier`), also when the aid noun is an "i"-phrase ("gav 40
miljoner euro i bistånd"); "ge upp", "ge stöd" keep their own codings. Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang,text", [
    ("sv", "Japan gav 20 miljoner dollar till Filippinerna."),
    ("sv", "Japan gav i fjol 20 miljoner dollar i humanitärt bistånd till Filippinerna."),
    ("nb", "Japan ga 20 millioner dollar til Filippinene."),
    ("nb", "Japan har gitt 20 millioner dollar i nødhjelp til Filippinene."),
])
def test_money_given_to_a_country_is_economic_aid(code_sv, lang, text):
    events = code_sv(text, lang=lang)
    got = [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events]
    assert ("AID", ["JPN"], ["PHL"]) in got, got
    assert all(e.event == "AID" for e in events), got


@pytest.mark.parametrize("lang,text,want", [
    ("sv", "Rebellerna gav upp efter striderna.", "RETREAT"),
    ("sv", "Japan ger stöd till Filippinerna.", "SUPPORT"),
    ("nb", "Japan gir støtte til Filippinene.", "SUPPORT"),
])
def test_other_senses_of_give_keep_their_coding(code_sv, lang, text, want):
    assert want in [e.event for e in code_sv(text, lang=lang)]


@pytest.mark.parametrize("lang,text", [
    ("sv", "Japan gav Filippinerna ett löfte."),
    ("nb", "Japan ga Filippinene et løfte."),
])
def test_give_without_money_is_no_aid(code_sv, lang, text):
    assert "AID" not in [e.event for e in code_sv(text, lang=lang)]
