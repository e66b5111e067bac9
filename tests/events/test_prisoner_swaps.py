"""Swapping prisoners is a mutual release (`sv.byta_fangar`, `sv.byta_ut_fangar`: reciprocal, only with a
prisoner object, also one the parser made a second subject); a go-between named "som medlare"/"as mediator"
is not the act's target. Sentences written for these tests."""

from __future__ import annotations

import pytest


def _dyads(events):
    return {(e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient)) for e in events}


@pytest.mark.parametrize("text,a,b", [
    ("Ukraina och Ryssland bytte på onsdagen ut 95 krigsfångar vardera, med Förenade Arabemiraten som medlare.",
     "UKR", "RUS"),
    ("Armenien och Azerbajdzjan bytte fångar vid gränsen.", "ARM", "AZE"),
])
def test_a_prisoner_swap_is_a_release_both_ways(code_sv, text, a, b):
    got = _dyads(code_sv(text))
    assert {("RETREAT", (a,), (b,)), ("RETREAT", (b,), (a,))} <= got, got
    assert not any("ARE" in r for _t, _a, r in got), got


@pytest.mark.parametrize("text", ["Laget bytte ut två spelare i halvlek.", "Hon bytte jobb förra året."])
def test_swapping_anything_else_codes_nothing(code_sv, text):
    assert not code_sv(text)


def test_a_mediator_is_no_recipient_in_english_either(code_sv):
    got = _dyads(code_sv("Russia and Ukraine held talks in Istanbul, with Turkey as mediator.", lang="en"))
    assert got and not any("TUR" in r for _t, _a, r in got), got
