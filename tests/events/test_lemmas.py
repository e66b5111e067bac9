"""events.lemmas: the lemma readings a token is looked up by in the trigger lexicon (the pipeline's lemma, the
dictionary's, the form, Swedish participle and s-form stems), on words and parses of our own."""

from __future__ import annotations

from konflikt.events.lemmas import _lemma_candidates, _lemmas


def test_swedish_participles_lead_to_the_verb():
    assert "godkänna" in _lemma_candidates("godkänd", "godkänd", "sv")  # -nd -> -nna
    assert "fördöma" in _lemma_candidates("fördömd", "fördömd", "sv")  # -d -> -a


def test_swedish_s_form_drops_its_s_and_nothing_is_repeated():
    got = _lemma_candidates("greps", "greps", "sv")
    assert got[0] == "greps" and "grep" in got
    assert len(got) == len(set(got))


def test_the_pipeline_lemma_comes_first_then_the_form():
    got = _lemma_candidates("attackera", "attackerade", "sv")
    assert got[0] == "attackera" and "attackerade" in got
    # an empty pipeline lemma is skipped, not kept as ""
    assert "" not in _lemma_candidates("", "attackerade", "sv")


def test_english_has_no_swedish_stem_rules():
    got = _lemma_candidates("condemn", "condemned", "en")
    assert got[0] == "condemn" and "condemned" in got
    assert not any(g.endswith("a") for g in got)  # no "condemnea"


def test_lemmas_of_a_parsed_token(parse_sentences):
    (sa,) = parse_sentences("Ambassadören utvisades av Kenya.")
    tok = next(t for t in sa.sent if t.text == "utvisades")
    got = _lemmas(tok, "sv")
    assert got[0] == tok.lemma_.lower() == "utvisa"
    assert "utvisades" in got
