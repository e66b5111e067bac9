"""events.noun_args: actor and recipient of a noun trigger - genitive owner and patient, light verbs that lend
their subject (giving, receiving), the host of a visit, negated nouns, false possessors; on sentences of our
own (through `extract`, which runs `_noun_arguments` on every noun candidate)."""

from __future__ import annotations

from konflikt.events.noun_args import _light_verb_of, _not_genitive, _noun_negated


def _cand(cands, word):
    return next(c for c in cands if c.token.text == word)


def _codes(ras):
    return [r.actor.code for r in ras]


def test_genitive_owner_is_the_actor_and_av_the_patient(extract_sentences):
    ((_sa, cands),) = extract_sentences("Rysslands invasion av Ukraina fördömdes av Kanada.")
    c = _cand(cands, "invasion")
    assert (c.event, _codes(c.actors), _codes(c.recipients)) == ("ASSAULT", ["RUS"], ["UKR"])


def test_a_light_verb_lends_its_subject(extract_sentences):
    ((_sa, cands),) = extract_sentences("Turkiet inledde en offensiv mot Syrien.")
    c = _cand(cands, "offensiv")
    assert c.light_verb is not None and c.light_verb.text == "inledde"
    assert (_codes(c.actors), _codes(c.recipients)) == (["TUR"], ["SYR"])


def test_the_subject_of_a_receiving_light_verb_is_the_recipient(extract_sentences, lexicon_of):
    ((sa, cands),) = extract_sentences("Ukraina fick militärt stöd från Tyskland.")
    c = _cand(cands, "stöd")
    assert c.light_role == "receive" and _light_verb_of(c.light_verb, lexicon_of("sv"), "sv").role == "receive"
    assert (c.event, _codes(c.actors), _codes(c.recipients)) == ("AID", ["DEU"], ["UKR"])


def test_the_place_of_a_visit_is_its_host(extract_sentences):
    ((_sa, cands),) = extract_sentences("Putins besök i Pyongyang kritiserades av Sydkorea.")
    c = _cand(cands, "besök")
    assert c.mode == "visit" and "recipient:visited" in c.notes
    assert [r.actor.country for r in c.recipients] == ["PRK"] and [a.actor.country for a in c.actors] == ["RUS"]


def test_a_negating_determiner_and_a_possessor_not_in_the_genitive(parse_sentences, lexicon_of):
    lex = lexicon_of("sv")
    none, some = parse_sentences("Kenya gav inget stöd till Somalia. Kenya gav stöd till Somalia.")
    assert _noun_negated(next(t for t in none.sent if t.text == "stöd"), lex)
    assert not _noun_negated(next(t for t in some.sent if t.text == "stöd"), lex)
    (sa,) = parse_sentences("Rysslands armé gav regeringen stöd.")
    assert not _not_genitive(sa.sent[0], "sv")  # "Rysslands"
    regeringen = next(t for t in sa.sent if t.text == "regeringen")
    assert _not_genitive(regeringen, "sv") and not _not_genitive(regeringen, "en")
