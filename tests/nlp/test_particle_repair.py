"""The Bokmål parse repair of verb particles' dependents (konflikt.nlp.components.repair_particle_dependents),
on parses written for these tests."""

import spacy
from spacy.tokens import Doc

from konflikt.nlp.components import repair_particle_dependents

WORDS = ["Frankrike", "meldte", "seg", "ut", "av", "avtalen", "."]
POS = ["PROPN", "VERB", "PRON", "ADP", "ADP", "NOUN", "PUNCT"]


def _doc(heads, deps):
    return Doc(spacy.blank("nb").vocab, words=WORDS, pos=POS, heads=heads, deps=deps)


def test_a_nominal_hung_on_the_particle_becomes_the_verbs_oblique():
    doc = _doc([1, 1, 1, 1, 5, 3, 1], ["nsubj", "ROOT", "obj", "compound:prt", "case", "obl", "punct"])
    repair_particle_dependents(doc)
    assert (doc[5].head.i, doc[5].dep_) == (1, "obl")
    assert (doc[3].head.i, doc[3].dep_) == (1, "compound:prt")  # the rest is kept
    assert [t.is_sent_start for t in doc][1:] == [False] * 6


def test_a_well_formed_particle_verb_is_left_alone():
    heads, deps = [1, 1, 1, 1, 5, 1, 1], ["nsubj", "ROOT", "obj", "compound:prt", "case", "obl", "punct"]
    doc = _doc(heads, deps)
    repair_particle_dependents(doc)
    assert [t.head.i for t in doc] == heads and [t.dep_ for t in doc] == deps
