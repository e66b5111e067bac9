"""A sentence's first word that the tagger did not call a proper noun, that no dictionary of the language knows and
that is the subject of a verb is a name (`SentenceActors._opening_name`): "Pashinjan[NOUN] anklagade ..." after
"Nikol Pashinjan" is that person. A word the dictionary knows ("Armén") is not. Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang,text", [
    ("sv", "Armeniens premiärminister Nikol Pashinjan besökte Bryssel i går.\n\n"
           "Pashinjan anklagade Azerbajdzjan för nya provokationer vid gränsen."),
    ("nb", "Armenias statsminister Nikol Pashinjan besøkte Brussel i går.\n\n"
           "Pashinjan anklaget Aserbajdsjan for nye provokasjoner ved grensen."),
])
def test_a_surname_the_tagger_misread_opens_the_sentence_as_its_actor(code_sv, lang, text):
    got = [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in code_sv(text, lang=lang)]
    assert ("ACCUSE", ["ARMGOV"], ["AZE"]) in got, got


def test_only_a_word_no_dictionary_knows_opens_as_a_name():
    from konflikt.actors.kb import load_kb
    from konflikt.actors.names import NameMatcher
    from konflikt.actors.resolved import DiscourseState
    from konflikt.actors.resolver import build_sentence_actors
    from konflikt.nlp import load_pipeline

    nlp, kb = load_pipeline("sv"), load_kb()
    matcher = NameMatcher(kb, "sv")
    for text, want in [("Pashinjan anklagade Azerbajdzjan.", True), ("Armén anklagade rebellerna.", False),
                       ("Regeringen anklagade oppositionen.", False)]:
        sent = next(iter(nlp(text).sents))
        sa = build_sentence_actors(sent, kb, matcher, "sv", None, DiscourseState(), 0)
        assert sa._opening_name(sent[0]) is want, (text, sent[0].pos_, sent[0].dep_)
