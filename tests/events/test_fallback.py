"""events.fallback: arguments the parse did not give - clause chunks, the nearest actor in the clause
(`_linear_fallback`), the subject of a verbal trigger's content clause (`_subtree_fallback`), the antecedent
of a clause pronoun (`_clause_antecedent`); on sentences of our own."""

from __future__ import annotations

from konflikt.events.candidate import Candidate
from konflikt.events.fallback import _prep_before, _subtree_fallback, clause_chunks


def _tok(sa, text):
    return next(t for t in sa.sent if t.text == text)


def test_clause_chunks_split_at_subordinators_and_keep_parentheticals(parse_sentences):
    (sa,) = parse_sentences("Kenya warned that Ethiopia would attack Somalia.", "en")
    chunks = clause_chunks(sa.sent)
    assert chunks[_tok(sa, "Kenya").i] == chunks[_tok(sa, "warned").i]
    assert chunks[_tok(sa, "Ethiopia").i] == chunks[_tok(sa, "Somalia").i] != chunks[_tok(sa, "warned").i]
    (par,) = parse_sentences("Libyens armé, baserad i Tobruk, angrep Tripoli.")
    chunks = clause_chunks(par.sent)
    # a comma stretch without a finite verb is a parenthetical: the verb after it is in the subject's chunk
    assert chunks[_tok(par, "armé").i] == chunks[_tok(par, "Tobruk").i] == chunks[_tok(par, "angrep").i]


def test_the_preposition_before_a_unit(parse_sentences):
    (sa,) = parse_sentences("Kenya protesterade mot den nya regeringen.")
    assert _prep_before(sa.sent, _tok(sa, "regeringen").i) == "mot"  # over the determiner and adjective
    assert _prep_before(sa.sent, _tok(sa, "Kenya").i) is None


def test_the_nearest_actor_after_the_verb_is_the_linear_recipient(extract_sentences):
    ((_sa, cands),) = extract_sentences("Turkiet erbjöd Libyen militärstöd.")
    c = next(c for c in cands if c.token.text == "erbjöd")
    assert [r.actor.code for r in c.recipients] == ["LBY"] and "recipient:linear" in c.notes


def test_the_subject_of_a_content_clause(parse_sentences, lexicon_of):
    (sa,) = parse_sentences("Kenya warned that Ethiopia would attack Somalia.", "en")
    tok = _tok(sa, "warned")
    entry = lexicon_of("en").lookup("warn", "VERB")[0]
    c = Candidate(tok, entry, "THREATEN", None, [], None, [tok], actors=sa.resolve(_tok(sa, "Kenya")))
    assert [r.actor.code for r in _subtree_fallback(c, sa)] == ["ETH"]
    c.event = "ASSAULT"  # not a verbal type: the one actor left in the subtree is Ethiopia, Somalia is another
    assert _subtree_fallback(c, sa) == []


def test_a_clause_pronoun_stands_for_the_clause_before(extract_sentences):
    ((_sa, cands),) = extract_sentences("Ryssland skickade vapen till Syrien, vilket fördömdes av Frankrike.")
    c = next(c for c in cands if c.token.text == "fördömdes")
    assert [a.actor.code for a in c.actors] == ["FRA"] and [r.actor.code for r in c.recipients] == ["RUS"]
    assert "recipient:clause-antecedent" in c.notes and c.recipients[0].actor.resolution == "coref-clause"
