"""events.roles: recipient obliques, comitatives and go-betweens, genitive owners and action nouns,
coordination and plural antecedents, places that are no target; on parses of sentences of our own."""

from __future__ import annotations

from konflikt.events.candidate import Candidate
from konflikt.events.roles import (
    _action_nominal,
    _comitative,
    _extend_coordination,
    _genitive_owner,
    _has_owner,
    _in_a_role,
    _patient_marked,
    _place_not_target,
    _plural_antecedents,
    _recipient_obliques,
)


def _tok(sa, text):
    return next(t for t in sa.sent if t.text == text)


def test_a_partner_is_no_recipient_but_the_target_is(parse_sentences, lexicon_of):
    (sa,) = parse_sentences("Sverige övade tillsammans med Norge mot Ryssland.")
    assert _comitative(_tok(sa, "Norge")) and not _comitative(_tok(sa, "Ryssland"))
    # "mot Ryssland" hangs on Norge: the partner is skipped, the verb has no recipient oblique of its own
    assert _recipient_obliques(_tok(sa, "övade"), lexicon_of("sv"), None) == []
    (plain,) = parse_sentences("Kenya protesterade mot Etiopien.")
    assert [t.text for t in _recipient_obliques(_tok(plain, "protesterade"), lexicon_of("sv"), None)] == ["Etiopien"]


def test_a_go_between_has_a_role(parse_sentences, lexicon_of):
    (sa,) = parse_sentences("Kenya förhandlade med Etiopien med Qatar som medlare.")
    lex = lexicon_of("sv")
    assert _in_a_role(_tok(sa, "Qatar"), lex)
    assert not _in_a_role(_tok(sa, "Kenya"), lex)


def test_genitive_owner_and_patient_of_an_action_noun(parse_sentences, lexicon_of):
    lex = lexicon_of("sv")
    china, russia, bombing = parse_sentences(
        "Kinas påtryckningar fördömdes av Japan. Rysslands invasion av Ukraina fördömdes av Kanada. "
        "Bombningen av sjukhuset fördömdes av Kanada.")
    assert _genitive_owner(_tok(china, "påtryckningar")).text == "Kinas"
    invasion = _tok(russia, "invasion")
    assert _has_owner(invasion, russia, []) and _patient_marked(invasion, russia, lex, [])
    assert not _action_nominal(invasion, lex)  # no nominalising ending: its "av" marks a patient by the owner
    assert _action_nominal(_tok(bombing, "Bombningen"), lex) and not _has_owner(_tok(bombing, "Bombningen"),
                                                                                 bombing, [])


def test_coordination_and_plural_pronouns_take_the_whole_group(parse_sentences):
    (gulf,) = parse_sentences("Saudiarabien och Förenade Arabemiraten fördömde Iran.")
    uae = gulf.resolve(_tok(gulf, "Arabemiraten"))
    assert [a.actor.code for a in uae] == ["ARE"]
    got = _extend_coordination(uae, gulf, _tok(gulf, "fördömde").i)
    assert sorted(a.actor.code for a in got) == ["ARE", "SAU"]
    (sahel,) = parse_sentences("Mali och Niger meddelade att de lämnar Ecowas.")
    de = sahel.resolve(_tok(sahel, "de"))
    assert [a.actor.code for a in de] == ["MLI"] and de[0].antecedent is not None
    assert [a.actor.code for a in _plural_antecedents(de, sahel)] == ["MLI", "NER"]


def test_at_a_place_is_no_target_of_cooperation_in_english(parse_sentences, lexicon_of):
    (sa,) = parse_sentences("Kenya signed the treaty at the White House.", "en")
    tok = _tok(sa, "signed")
    entry = lexicon_of("en").lookup("sign", "VERB")[0]
    coop = Candidate(tok, entry, "COOPERATE", None, [], None, [tok])
    attack = Candidate(tok, entry, "ASSAULT", None, [], None, [tok])
    assert _place_not_target("at", coop, "en")
    assert not _place_not_target("at", attack, "en") and not _place_not_target("to", coop, "en")
    assert not _place_not_target("at", coop, "sv")
