"""The parties of a between-phrase (the lexicons' `between_preps`): with no actor of their own, they act on each other
("striderna mellan X och Y" -> X -> Y and Y -> X); with an actor that is none of them, they are its recipients
("Qatar medlade mellan X och Y"). Sentences written for these tests."""

from __future__ import annotations

import pytest


def _pairs(events, etype):
    return {(a.code, r.code) for e in events if e.event == etype for a in e.actor for r in e.recipient}


@pytest.mark.parametrize("lang,text,etype", [
    ("sv", "Striderna mellan Armenien och Azerbajdzjan fortsatte under natten.", "ASSAULT"),
    ("sv", "Samtalen mellan Armenien och Azerbajdzjan återupptogs i Genève.", "CONSULT"),
    ("en", "Fighting between Armenia and Azerbaijan continued overnight.", "ASSAULT"),
    ("en", "Talks between Armenia and Azerbaijan resumed in Geneva.", "CONSULT"),
    ("nb", "Kampene mellom Armenia og Aserbajdsjan fortsatte i natt.", "ASSAULT"),
    ("nb", "Samtalene mellom Armenia og Aserbajdsjan ble gjenopptatt i Genève.", "CONSULT"),
])
def test_the_parties_act_on_each_other(code_sv, lang, text, etype):
    events = code_sv(text, lang=lang)
    assert _pairs(events, etype) == {("ARM", "AZE"), ("AZE", "ARM")}, [
        (e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events]


@pytest.mark.parametrize("lang,text", [
    ("sv", "Qatar medlade mellan Armenien och Azerbajdzjan."),
    ("en", "Qatar has mediated between Armenia and Azerbaijan since March."),
])
def test_a_third_party_acts_on_both(code_sv, lang, text):
    events = code_sv(text, lang=lang)
    got = {(a.code, r.code) for e in events for a in e.actor for r in e.recipient}
    assert {("QAT", "ARM"), ("QAT", "AZE")} <= got, got
    assert not {("ARM", "AZE"), ("AZE", "ARM")} & got, got


@pytest.mark.parametrize("lang,text", [
    ("sv", "Gränsen mellan Armenien och Azerbajdzjan är stängd."),
    ("en", "The border between Armenia and Azerbaijan is closed."),
])
def test_a_between_phrase_without_an_event_codes_nothing(code_sv, lang, text):
    assert not [e for e in code_sv(text, lang=lang) if {"ARM", "AZE"} <= {
        x.code for x in [*e.actor, *e.recipient]}]


def test_an_unresolved_subject_keeps_the_parties_recipients(code_sv):
    """"The emir of Zembla mediated between A and B": whoever the subject is, A and B do not act on each other."""
    events = code_sv("The emir of Zembla mediated between Armenia and Azerbaijan.", lang="en")
    assert not {("ARM", "AZE"), ("AZE", "ARM")} & {
        (a.code, r.code) for e in events for a in e.actor for r in e.recipient}
