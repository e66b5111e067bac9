"""actors.np: noun-phrase helpers - the case preposition of a token, noun-phrase bounds, date words, partitive
prepositions, gazetteer places and names the tagger calls people; on parses of sentences of our own."""

from __future__ import annotations

from konflikt.actors.np import (
    _case_of,
    _is_date_word,
    _known_place,
    _np_bounds,
    _partitive_preps,
    _place_unless_person,
    _token_range,
)


def _tok(sa, text):
    return next(t for t in sa.sent if t.text == text)


def test_case_preposition_single_and_multiword(parse_sentences):
    (sv,) = parse_sentences("Kenya protesterade mot den nya regeringen.")
    assert _case_of(_tok(sv, "regeringen")) == "mot"
    assert _case_of(_tok(sv, "Kenya")) is None
    (en,) = parse_sentences("The army attacked the town, according to the government.", "en")
    assert _case_of(_tok(en, "government")) == "according to"  # the fixed second word joins the first


def test_noun_phrase_bounds(parse_sentences):
    (sa,) = parse_sentences("Den libyska regeringen angrep Tripoli.")
    assert _np_bounds(_tok(sa, "regeringen")) == (0, 3)  # determiner and adjective on the left
    assert _np_bounds(_tok(sa, "Tripoli")) == (4, 5)
    (en,) = parse_sentences("Kenya accused Ethiopia of backing the rebels.", "en")
    assert _np_bounds(_tok(en, "rebels")) == (5, 7)


def test_the_token_range_of_a_resolved_mention(parse_sentences):
    (sa,) = parse_sentences("Den libyska regeringen angrep Tripoli.")
    (gov,) = sa.resolve(_tok(sa, "regeringen"))
    assert _token_range(sa.sent, gov, 0) == (0, 3)
    (city,) = sa.resolve(_tok(sa, "Tripoli"))
    assert _token_range(sa.sent, city, 0) == (4, 5)


def test_date_words_and_partitive_prepositions(parse_sentences):
    (sa,) = parse_sentences("Kenya attacked Ethiopia on Friday in March.", "en")
    assert _is_date_word(_tok(sa, "Friday"), "en") and _is_date_word(_tok(sa, "March"), "en")
    assert not _is_date_word(_tok(sa, "Kenya"), "en")
    assert "of" in _partitive_preps("en") and not {"in", "from"} & _partitive_preps("en")
    assert "i" not in _partitive_preps("sv")  # locative: "regeringen i Tripoli" is no part of


def test_places_and_names_the_tagger_calls_people():
    kharkiv = _known_place("Kharkiv")
    assert kharkiv is not None and kharkiv.country == "UKR"
    assert _place_unless_person("Charkiv", "PER") is not None  # an exonym is a place even as PER
    assert _place_unless_person("Kim", "PER") is None  # a small town's name is a person's
    assert _place_unless_person("Kim", "LOC") is not None
    assert _known_place("Sweden") is None  # countries are not gazetteer places here
