"""A reaction to 'the move', 'beslutet', 'vedtaket' (the lexicons' `event_anaphors`) is a reaction to whoever
acted in the sentences before (issue #16 item 4: recipients across sentences). Sentences written for these
tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("lang", "text", "actor", "recipient"), [
    ("en", "Serbia expelled two Croatian diplomats on Tuesday. Croatia condemned the decision.", "HRV", "SRB"),
    ("sv", "Serbiens regering utvisade två kroatiska diplomater i tisdags. Kroatien fördömde beslutet.", "HRV",
     "SRB"),
])
def test_a_reaction_to_an_anaphoric_act_is_directed_at_its_author(code_sv, lang, text, actor, recipient):
    (ev,) = [e for e in code_sv(text, lang=lang) if e.event == "ACCUSE"]
    assert [a.country for a in ev.actor] == [actor]
    assert [a.country for a in ev.recipient] == [recipient]
    assert ev.recipient[0].resolution == "coref-act"


def test_an_indefinite_or_owned_noun_is_no_anaphor(code_sv):
    text = "Serbia expelled two Croatian diplomats on Tuesday. Croatia condemned a decision by the court."
    (ev,) = [e for e in code_sv(text, lang="en") if e.event == "ACCUSE"]
    assert all(a.resolution != "coref-act" for a in ev.recipient)
