"""Qualified triggers (`requires_qualifier`, `recipient_kinds`), plural pronouns and mis-parsed objects,
on sentences written for these tests."""

from __future__ import annotations

import pytest

from konflikt.events.lexicon import Qualifier, load_lexicon


def _dyads(events):
    return {(e.event, frozenset(a.name for a in e.actor), frozenset(r.name for r in e.recipient)) for e in events}


CASES = [
    # sinking a vessel is an attack; the ship's flag is the recipient
    ("sv", "Huthierna sänkte ett brittiskt lastfartyg i Adenviken.", "ASSAULT", {"Houthis"}, {"United Kingdom"}),
    ("en", "Ukrainian drones sank a Russian patrol boat near Crimea.", "ASSAULT", {"Ukraine"}, {"Russia"}),
    # leaving an organisation reduces relations; a plural pronoun stands for the whole coordination
    ("sv", "Niger och Tchad meddelade i går att de lämnar Afrikanska unionen.", "SANCTION", {"Niger", "Chad"},
     {"African Union"}),
    ("sv", "Ryssland har lämnat Europarådet.", "SANCTION", {"Russia"}, {"Council of Europe"}),
    ("en", "Burkina Faso left ECOWAS in January.", "SANCTION", {"Burkina Faso"},
     {"Economic Community of West African States"}),
    # leaving a country is a withdrawal (the parser's second subject is the object)
    ("sv", "Amerikanska soldater lämnade Afghanistan i augusti.", "RETREAT", {"United States"}, {"Afghanistan"}),
]


@pytest.mark.parametrize("lang,text,etype,actors,recipients", CASES, ids=[c[1][:40] for c in CASES])
def test_qualified_trigger_codes(code_sv, lang, text, etype, actors, recipients):
    got = _dyads(code_sv(text, lang=lang))
    assert (etype, frozenset(actors), frozenset(recipients)) in got, got


NOTHING = [
    ("sv", "Centralbanken sänkte styrräntan med en halv procentenhet."),
    ("sv", "Ministern lämnade ett skriftligt svar på frågan."),
    ("sv", "Sverige lämnar ekonomiskt bistånd till Moldavien."),  # the light verb still codes AID, not RETREAT
    ("en", "The central bank sank to a record low."),
]


@pytest.mark.parametrize("lang,text", NOTHING, ids=[c[1][:40] for c in NOTHING])
def test_unqualified_use_codes_no_retreat_or_assault(code_sv, lang, text):
    events = code_sv(text, lang=lang)
    assert not any(e.event in {"RETREAT", "ASSAULT", "SANCTION"} for e in events), _dyads(events)


def test_light_verb_lamna_still_codes_aid(code_sv):
    got = _dyads(code_sv("Sverige lämnar ekonomiskt bistånd till Moldavien."))
    assert any(t in {"AID", "SUPPORT"} and a == {"Sweden"} and r == {"Moldova"} for t, a, r in got), got


def test_qualifier_needs_words_or_kinds():
    assert Qualifier(recipient_kinds=("igo",)).words == ()
    lex = load_lexicon("sv")
    entry = next(t for t in lex.triggers if t.id == "sv.lamna")
    assert entry.requires_qualifier and any("igo" in q.recipient_kinds for q in entry.qualifiers)
