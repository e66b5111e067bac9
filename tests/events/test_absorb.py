"""events.absorb: which candidate is part of another (`mark_absorbed`: the complement of a verbal trigger, a
circumstance, a motive, not a condemned attack) and what it hands on (`merge_absorbed`: recipients, a
promise of force is a threat); on sentences of our own."""

from __future__ import annotations

from konflikt.events.absorb import mark_absorbed
from konflikt.events.candidate import _is_noun
from konflikt.events.triggers import propose


def _marked(parse_sentences, lexicon_of, text, lang="sv"):
    """The proposed candidates of a sentence after `mark_absorbed`, by trigger word."""
    (sa,) = parse_sentences(text, lang)
    lex = lexicon_of(lang)
    cands = propose(sa.sent, sa, lex, lang)
    by_tok = {c.token.i: c for c in cands}
    nouns = {i: c for i, c in by_tok.items() if _is_noun(c)}
    verbs = {i: c for i, c in by_tok.items() if i not in nouns}
    mark_absorbed(nouns, verbs, by_tok, lex, lang)
    return {c.token.text: c for c in cands}


def _into(c):
    return c.absorbed_into.token.text if c.absorbed_into is not None else None


def test_the_complement_of_a_promise_is_part_of_it(parse_sentences, lexicon_of):
    got = _marked(parse_sentences, lexicon_of, "Egypten lovade att skicka trupper till Sudan.")
    assert _into(got["skicka"]) == "lovade" and _into(got["lovade"]) is None
    got = _marked(parse_sentences, lexicon_of, "Kenya signed the treaty.", "en")
    assert _into(got["treaty"]) == "signed"  # the object noun of a trigger verb


def test_a_condemned_attack_stays_an_event(parse_sentences, lexicon_of):
    got = _marked(parse_sentences, lexicon_of, "FN fördömde Rysslands robotattack mot Kiev.")
    assert _into(got["robotattack"]) is None


def test_circumstance_and_motive(parse_sentences, lexicon_of):
    got = _marked(parse_sentences, lexicon_of, "Tre soldater dödades i ett israeliskt flyganfall.")
    assert _into(got["flyganfall"]) == "dödades" and "circumstance" in got["flyganfall"].notes
    got = _marked(parse_sentences, lexicon_of, "Sverige utvisade Irans ambassadör i protest mot avrättningen.")
    assert _into(got["protest"]) == "utvisade" and "motive" in got["protest"].notes


def test_merged_recipients_and_the_circumstance_gives_the_agent(extract_sentences):
    ((_sa, cands),) = extract_sentences("Egypten lovade att skicka trupper till Sudan.")
    (promise,) = cands  # the absorbed one is gone
    assert promise.token.text == "lovade" and [r.actor.code for r in promise.recipients] == ["SDN"]
    ((_sa, cands),) = extract_sentences("Tre soldater dödades i ett israeliskt flyganfall.")
    killed = next(c for c in cands if c.token.text == "dödades")
    assert [a.actor.code for a in killed.actors] == ["ISR"]  # the attack's author is the agentless passive's


def test_a_promise_of_force_is_a_threat(extract_sentences):
    ((_sa, cands),) = extract_sentences("Iran lovade att angripa Israel.")
    c = next(c for c in cands if c.token.text == "lovade")
    assert (c.event, c.mode, c.cameo) == ("THREATEN", "violence", "138")
    assert [r.actor.code for r in c.recipients] == ["ISR"]
    ((_sa, cands),) = extract_sentences("Iran lovade att skicka trupper till Syrien.")
    assert next(c for c in cands if c.token.text == "lovade").event == "AGREE"
