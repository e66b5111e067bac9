"""events.candidate: the `Candidate` record and the groups of PLOVER types the rules test, on lexicon entries
and a parse of our own."""

from __future__ import annotations

from konflikt.events.candidate import (
    COOP_TO_AGREE,
    COOPERATIVE,
    MATERIAL_CONFLICT,
    PROMISED_FORCE,
    REACTION_TYPES,
    VERBAL_TYPES,
    Candidate,
    _is_noun,
)


def _cand(tok, entry):
    return Candidate(tok, entry, entry.event, entry.mode, list(entry.context or []), entry.cameo, [tok])


def test_noun_by_the_lexicon_entry_not_by_the_tag(parse_sentences, lexicon_of):
    (sa,) = parse_sentences("Turkiet har erbjudit Libyen militärstöd.")
    lex = lexicon_of("sv")
    erbjudit = next(t for t in sa.sent if t.text == "erbjudit")
    assert erbjudit.pos_ == "NOUN"  # the tagger's mistake: a supine tagged as a noun
    verb_entry = lex.lookup("erbjuda", "VERB")[0]
    assert not _is_noun(_cand(erbjudit, verb_entry))
    noun_entry = lex.lookup("stöd", "NOUN")[0]
    assert _is_noun(_cand(erbjudit, noun_entry))


def test_without_a_part_of_speech_the_tag_decides(parse_sentences):
    (sa,) = parse_sentences("Turkiet har erbjudit Libyen militärstöd.")
    turkiet, har = sa.sent[0], sa.sent[1]
    assert _is_noun(Candidate(turkiet, object(), "AID", None, [], None, [turkiet]))  # PROPN
    assert not _is_noun(Candidate(har, object(), "AID", None, [], None, [har]))  # AUX


def test_candidates_do_not_share_their_lists(parse_sentences, lexicon_of):
    (sa,) = parse_sentences("Norge anklagade Sverige för spionage.")
    entry = lexicon_of("sv").lookup("anklaga", "VERB")[0]
    a, b = _cand(sa.sent[1], entry), _cand(sa.sent[1], entry)
    a.notes.append("x")
    a.actors.append(object())
    assert b.notes == [] and b.actors == [] and b.absorbed_into is None and b.dropped is None


def test_type_groups_are_consistent():
    assert set(PROMISED_FORCE) <= MATERIAL_CONFLICT  # only force can be promised as a threat
    assert COOP_TO_AGREE < COOPERATIVE and "AGREE" in COOPERATIVE - COOP_TO_AGREE
    assert not MATERIAL_CONFLICT & COOPERATIVE
    assert {"ACCUSE", "REJECT", "REQUEST"} <= REACTION_TYPES and "ASSAULT" not in VERBAL_TYPES
    assert PROMISED_FORCE["ASSAULT"] == ("violence", "138")
