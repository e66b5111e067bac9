"""events.triggers: candidate proposal - trigger words with their lexicon entry's constraints (particle,
reflexive), obligation requests, English event nouns as modifiers, deployments; on sentences of our own."""

from __future__ import annotations

from konflikt.events.triggers import _obligation_requests, find_triggers, propose


def _found(sa, lex, lang):
    return {c.token.text: c.event for c in find_triggers(sa.sent, lex, lang)}


def test_a_particle_verb_needs_its_particle(parse_sentences, lexicon_of):
    lex = lexicon_of("sv")
    invited, dined = parse_sentences("Ryssland bjöd in Turkiet till samtal. Ryssland bjöd Turkiet på middag.")
    got = find_triggers(invited.sent, lex, "sv")
    bjod = next(c for c in got if c.token.text == "bjöd")
    assert bjod.event == "AGREE" and bjod.entry.particle == "in"
    assert [t.text for t in bjod.tokens] == ["bjöd", "in"]  # the particle is part of the trigger
    assert "bjöd" not in _found(dined, lex, "sv")


def test_a_reflexive_verb_needs_its_reflexive(parse_sentences, lexicon_of):
    lex = lexicon_of("sv")
    backed, = parse_sentences("Ungern ställde sig bakom Polen.")
    assert _found(backed, lex, "sv").get("ställde") == "SUPPORT"
    chairs, = parse_sentences("Polen ställde fram stolar.")
    assert "ställde" not in _found(chairs, lex, "sv")


def test_said_that_someone_must_is_a_request(parse_sentences, lexicon_of):
    lex = lexicon_of("en")
    (sa,) = parse_sentences("Kenya said Ethiopia must withdraw its troops.", "en")
    req = _obligation_requests(sa.sent, lex, set())
    assert [(c.token.text, c.event, c.notes) for c in req] == [("said", "REQUEST", ["obligation"])]
    said = next(t for t in sa.sent if t.text == "said")
    assert _obligation_requests(sa.sent, lex, {said.i}) == []  # a token already a trigger is not proposed twice
    (plain,) = parse_sentences("Kenya said Ethiopia will withdraw its troops.", "en")
    assert _obligation_requests(plain.sent, lex, set()) == []


def test_an_english_event_noun_modifying_a_plain_noun_is_no_candidate(parse_sentences, lexicon_of):
    lex = lexicon_of("en")
    (sa,) = parse_sentences("The aid convoy reached Gaza.", "en")
    assert "aid" in _found(sa, lex, "en")
    assert "aid" not in {c.token.text for c in propose(sa.sent, sa, lex, "en")}


def test_troops_sent_to_the_border_are_a_deployment(parse_sentences, lexicon_of):
    lex = lexicon_of("sv")
    border, ally = parse_sentences("Polen skickade soldater till gränsen mot Belarus. "
                                   "Polen skickade soldater till Ukraina.")
    dep = next(c for c in propose(border.sent, border, lex, "sv") if c.token.text == "skickade")
    assert (dep.event, dep.cameo) == (lex.deployment.event, lex.deployment.cameo) and "deployment" in dep.notes
    aid = next(c for c in propose(ally.sent, ally, lex, "sv") if c.token.text == "skickade")
    assert aid.event == "AID" and "deployment" not in aid.notes


def test_an_entrys_preposition_may_be_the_particle_before_the_oblique():
    import spacy
    from spacy.tokens import Doc

    from konflikt.events.triggers import _obl_with_prep

    doc = Doc(spacy.blank("nb").vocab, words=["Frankrike", "meldte", "seg", "ut", "av", "avtalen", "."],
              pos=["PROPN", "VERB", "PRON", "ADP", "ADP", "NOUN", "PUNCT"], heads=[1, 1, 1, 1, 5, 1, 1],
              deps=["nsubj", "ROOT", "obj", "compound:prt", "case", "obl", "punct"])
    assert _obl_with_prep(doc[1], "ut").i == 5   # "melde seg ut" + "av avtalen"
    assert _obl_with_prep(doc[1], "av").i == 5   # the oblique's own preposition, as before
    assert _obl_with_prep(doc[1], "inn") is None
