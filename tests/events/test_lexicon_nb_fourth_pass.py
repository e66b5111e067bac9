"""Bokmål lexicon, fourth pass (scripts/data/triggers_sv_nb.tsv): a strong past tense the lemmatizer reads as
another word ("frøs": fryse, not the noun frø) is a variant of its entry; "trekke seg ut av X" names X with
its preposition. Sentences written for this test."""

import pytest


@pytest.mark.parametrize("text,actor,recipient", [
    ("EU frøs eiendelene til russiske oligarker.", "IGOEUREEC", "RUS"),
    ("Norge frøs bistanden til Mali.", "NOR", "MLI"),
])
def test_froze_is_a_sanction(code_nb, text, actor, recipient):
    hits = [e for e in code_nb(text) if e.event == "SANCTION" and e.trigger == "frøs"]
    assert hits, [(e.event, e.trigger) for e in code_nb(text)]
    assert any(a.code == actor for e in hits for a in e.actor)
    assert any(r.code == recipient for e in hits for r in e.recipient)


@pytest.mark.parametrize("text,event,recipient", [
    ("Russland trakk seg ut av FNs menneskerettighetsråd.", "SANCTION", "IGOUNO"),
    ("USA trakk seg ut av atomavtalen med Iran.", "REJECT", "IRN"),
])
def test_withdrawing_from_names_what_is_left(code_nb, text, event, recipient):
    # "trekke seg ut av X" (particle "ut", preposition "av"): X, or the partner of the agreement, is the recipient
    hits = [e for e in code_nb(text) if e.event == event]
    assert any(r.code == recipient for e in hits for r in e.recipient), [(e.event, e.recipient) for e in code_nb(text)]
