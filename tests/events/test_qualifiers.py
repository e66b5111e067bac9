"""Qualified triggers (`requires_qualifier`, `recipient_kinds`), plural pronouns and mis-parsed objects,
on sentences written for these tests."""

from __future__ import annotations

import pytest

from konflikt.events.lexicon import Qualifier, load_lexicon
from konflikt.events.qualifiers import _qualified, _second_subjects, recipient_qualifiers
from konflikt.events.triggers import propose


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


# The module's own functions, on parses of sentences of our own.

def _proposed(sa, lexicon_of, word, lang="sv"):
    return next(c for c in propose(sa.sent, sa, lexicon_of(lang), lang) if c.token.text == word)


def test_a_word_qualifier_from_the_object(parse_sentences, lexicon_of):
    ship, rate = parse_sentences("Iran sänkte ett amerikanskt fartyg. Centralbanken sänkte räntan.")
    sunk = _proposed(ship, lexicon_of, "sänkte")
    assert _qualified(sunk) and sunk.event == "ASSAULT" and "qualifier:['fartyg']" in sunk.notes
    assert not _qualified(_proposed(rate, lexicon_of, "sänkte"))


def test_a_second_subject_after_the_verb_is_a_misparsed_object(parse_sentences):
    (sa,) = parse_sentences("Mali lämnade Ecowas i januari.")
    verb = next(t for t in sa.sent if t.text == "lämnade")
    assert [t.text for t in _second_subjects(verb)] == ["Ecowas"]
    (one,) = parse_sentences("Mali lämnade mötet i januari.")
    assert _second_subjects(next(t for t in one.sent if t.text == "lämnade")) == []


def test_the_kind_of_the_recipient_qualifies_or_the_candidate_is_dropped(parse_sentences, lexicon_of):
    (sa,) = parse_sentences("Mali lämnade Ecowas i januari.")
    left = _proposed(sa, lexicon_of, "lämnade")
    assert not _qualified(left)  # decided only once the recipient is resolved
    assert recipient_qualifiers([left]) == []  # no recipient: "lämna" requires a qualifier
    left.recipients = sa.resolve(next(t for t in sa.sent if t.text == "Ecowas"))
    (kept,) = recipient_qualifiers([left])
    assert kept.event == "SANCTION" and "qualifier:recipient-igo" in kept.notes
