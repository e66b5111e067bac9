"""A protest noun that gives the motive of another act ("i protest mot", "in protest at/against") is no
demonstration of its own; a protest that people take part in is. Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang,text,main", [
    ("sv", "Somalia utvisade Etiopiens ambassadör i protest mot hamnavtalet med Somaliland.", "SANCTION"),
    ("sv", "Turkiet kallade hem sin ambassadör från Israel i protest mot kriget i Gaza.", "SANCTION"),
    ("en", "Somalia expelled the Ethiopian ambassador in protest at the port deal with Somaliland.", "SANCTION"),
    ("en", "Turkey recalled its ambassador from Israel in protest against the war in Gaza.", "SANCTION"),
])
def test_a_protest_as_motive_is_absorbed_by_the_act(code_sv, lang, text, main):
    types = [e.event for e in code_sv(text, lang=lang)]
    assert main in types and "PROTEST" not in types, types


@pytest.mark.parametrize("lang,text", [
    ("sv", "Tusentals människor deltog i en protest mot regeringen i Tbilisi."),
    ("en", "Thousands of people took part in a protest against the government in Tbilisi."),
])
def test_a_protest_people_join_stays_a_protest(code_sv, lang, text):
    assert "PROTEST" in [e.event for e in code_sv(text, lang=lang)]
