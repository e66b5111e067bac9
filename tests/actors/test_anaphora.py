"""actors.anaphora: personal pronouns (the speaker, an earlier name of the sentence, the last person or group),
"rörelsen"/"the group" (the last organisation, for two sentences), "landet" (the speaker's country); on
sentences of our own, through `SentenceActors.resolve`."""

from __future__ import annotations

import pytest


def _resolve(sa, word):
    return [(r.actor.code, r.actor.resolution) for r in sa.resolve(next(t for t in sa.sent if t.text == word))]


def test_a_pronoun_in_a_reported_clause_is_the_speaker(parse_sentences):
    (sa,) = parse_sentences("Iraq said it would attack Kuwait.", "en")
    (it,) = sa.resolve(next(t for t in sa.sent if t.text == "it"))
    assert (it.actor.code, it.actor.resolution) == ("IRQ", "coref-pronoun")
    assert it.antecedent == 0  # found in the sentence: Iraq


def test_a_pronoun_of_a_later_sentence_is_the_last_person(parse_sentences):
    _visit, crit = parse_sentences("Recep Tayyip Erdoğan besökte Kairo. Han kritiserade Israel.")
    (han,) = crit.resolve(crit.sent[0])
    assert (han.actor.code, han.actor.resolution, han.antecedent) == ("TURGOV", "coref-pronoun", None)
    assert han.entity is not None and han.entity.kind == "person"
    (alone,) = parse_sentences("Han kritiserade Israel.")
    assert _resolve(alone, "Han") == []  # nobody named before


def test_the_movement_is_the_last_organisation_for_two_sentences(parse_sentences):
    *_, recent = parse_sentences("Hamas angrep Israel. Rörelsen kräver att Israel lämnar Gaza.")
    assert _resolve(recent, "Rörelsen") == [("PSEREBHMS", "coref-anaphor")]
    *_, stale = parse_sentences("Hamas angrep Israel. Kenya protesterade. Norge protesterade. "
                                "Rörelsen kräver att Israel lämnar Gaza.")
    assert _resolve(stale, "Rörelsen") == []


def test_english_group_anaphors_need_the_definite_article(parse_sentences):
    *_, the = parse_sentences("Hamas attacked Israel. The group also accused Egypt.", "en")
    assert _resolve(the, "group") == [("PSEREBHMS", "coref-anaphor")]
    *_, a = parse_sentences("Hamas attacked Israel. A group also accused Egypt.", "en")
    assert ("PSEREBHMS", "coref-anaphor") not in _resolve(a, "group")


def test_the_country_is_the_speakers(parse_sentences):
    (sa,) = parse_sentences("Kenyas president säger att landet aldrig kommer att godta kraven.")
    assert _resolve(sa, "landet") == [("KEN", "coref-anaphor")]


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("en", "Hamas said it had released two hostages. Israel's government accused the group of psychological warfare.",
     "group"),
    ("sv", "Hamas sade att man hade släppt två gisslan. Israels regering anklagade gruppen för psykologisk "
           "krigföring.", "gruppen"),
])
def test_the_charge_of_an_accusation_does_not_block_the_group_anaphor(parse_sentences, lang, text, word):
    """The parser hangs the charge ("of psychological warfare") on the object; it names no actor, so "the group"
    is still the group named before."""
    sents = parse_sentences(text, lang)
    tok = next(t for t in sents[-1].sent if t.text == word)
    assert [r.actor.name for r in sents[-1].resolve(tok)] == ["Hamas"]


def test_a_modifier_naming_a_place_still_blocks_the_country_anaphor(parse_sentences):
    sents = parse_sentences("Rwanda förnekar anklagelserna. Landet i norr har stängt gränsen.", "sv")
    tok = next(t for t in sents[-1].sent if t.text == "Landet")
    assert sents[-1].resolve(tok) == []
