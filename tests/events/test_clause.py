"""events.clause: passive forms, the subject of a verb through control and relative clauses, the passive agent,
attributive participles and temporal words, on parses of sentences written for these tests."""

from __future__ import annotations

from konflikt.events.clause import _is_temporal, agent_of, is_attributive, is_passive, subject_of


def _tok(sa, text):
    return next(t for t in sa.sent if t.text == text)


def test_passive_by_auxiliary_s_form_and_not_a_deponent(parse_sentences):
    (en,) = parse_sentences("Ethiopia was condemned by Kenya on Monday.", "en")
    assert is_passive(_tok(en, "condemned"))
    (sv,) = parse_sentences("Ambassadören utvisades av Kenya.")
    assert is_passive(_tok(sv, "utvisades"))
    (act,) = parse_sentences("Kenya accused Ethiopia of backing the rebels.", "en")
    assert not is_passive(_tok(act, "accused"))


def test_a_deponent_s_form_is_active(coder):
    """Hand-built parses (the tagger's lemma varies): the s-lemma "slåss" is deponent, the s-form of "slå" passive."""
    from spacy.tokens import Doc

    vocab = coder.resources("sv").nlp.vocab
    words = ["Rebellerna", "slåss", "i", "Khartoum", "."]
    parse = dict(pos=["NOUN", "VERB", "ADP", "PROPN", "PUNCT"], heads=[1, 1, 3, 1, 1],
                 morphs=["", "Voice=Pass|VerbForm=Fin", "", "", ""])
    deponent = Doc(vocab, words=words, lemmas=["rebell", "slåss", "i", "Khartoum", "."],
                   deps=["nsubj", "ROOT", "case", "obl", "punct"], **parse)
    assert not is_passive(deponent[1])
    passive = Doc(vocab, words=words, lemmas=["rebell", "slå", "i", "Khartoum", "."],
                  deps=["nsubj:pass", "ROOT", "case", "obl", "punct"], **parse)
    assert is_passive(passive[1])


def test_agent_of_a_passive_and_through_a_temporal_oblique(parse_sentences):
    (en,) = parse_sentences("Ethiopia was condemned by Kenya on Monday.", "en")
    assert agent_of(_tok(en, "condemned"), "en").text == "Kenya"
    (sv,) = parse_sentences("Den internationellt erkända regeringen fördömdes på fredagen av Frankrike.")
    assert agent_of(_tok(sv, "fördömdes"), "sv").text == "Frankrike"
    (act,) = parse_sentences("Norge anklagade Sverige för spionage.")
    assert agent_of(_tok(act, "anklagade"), "sv") is None


def test_subject_through_control_and_relative_clauses(parse_sentences):
    (sv,) = parse_sentences("Egypten lovade att skicka trupper till Sudan.")
    assert subject_of(_tok(sv, "skicka")).text == "Egypten"  # the infinitive takes the promiser's subject
    (en,) = parse_sentences("Finland, which Norway says is armed by Germany, threatened Russia.", "en")
    assert subject_of(_tok(en, "threatened")).text == "Finland"
    # a relative pronoun reported inside the relative clause stands for its antecedent, not for the reporter
    assert subject_of(_tok(en, "armed")).text == "Finland"
    assert subject_of(_tok(en, "says")).text == "Norway"


def test_attributive_participle_and_temporal_words(parse_sentences):
    (sv,) = parse_sentences("Den internationellt erkända regeringen fördömdes på fredagen av Frankrike.")
    assert is_attributive(_tok(sv, "erkända"))
    assert not is_attributive(_tok(sv, "fördömdes"))
    (en,) = parse_sentences("Ethiopia was condemned by Kenya on Monday.", "en")
    assert _is_temporal(_tok(en, "Monday"), "en")
    assert not _is_temporal(_tok(en, "Kenya"), "en")
