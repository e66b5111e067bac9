"""Tests for distant supervision (konflikt.nlp.distant), the name cues (konflikt.nlp.cues) and the hand-labelled
unknown-name sentences the English NER is scored on. Sentences written for these tests."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from konflikt.datafiles import DataFileErrors
from konflikt.nlp.cues import CUES_FILE, check_name_cues, load_name_cues
from konflikt.nlp.distant import build_lexicon, name_variants, phoenix_people, silver_labels, spans_of, swap_names

UNKNOWN = Path(__file__).resolve().parents[1] / "data" / "en" / "ner_unknown.txt"


@pytest.fixture(scope="module")
def cues():
    return load_name_cues("en")


@pytest.fixture(scope="module")
def lex():
    return build_lexicon([("Vladimir Putin", "PER"), ("Vladimir Zhirinovsky", "PER"), ("Hamas", "ORG"),
                          ("al-Qaeda", "ORG"), ("Aleppo", "LOC"), ("Syria", "LOC"), ("Syrian", "O"),
                          ("Ahmed Yassin", "PER"), ("Ahmed Qurei", "PER")], seed=0)


def _names(words, labels):
    return [(" ".join(words[a:b]), lab) for a, b, lab in spans_of(labels)]


def test_lexicon_first_names_surnames_and_variants(lex):
    assert "Vladimir" in lex.first_names and "Ahmed" in lex.first_names
    assert lex.label(["Putin"]) == "PER" and lex.label(["Aleppo"]) == "LOC"
    assert lex.label(["al", "Qaeda"]) == "ORG"  # "al-Qaeda" is also written as two tokens
    assert name_variants("al-Qaeda") == [("al-Qaeda",), ("al", "Qaeda")]


def test_silver_labels_lexicon_title_first_name_and_heads(lex, cues):
    words = ["President", "Omar", "Bashkir", "met", "Vladimir", "Tomasz", "and", "the", "Free", "Okra", "Brigades",
             "in", "Aleppo", ",", "Syrian", "media", "said"]
    upos = ["PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "CCONJ", "DET", "PROPN", "PROPN", "PROPN", "ADP",
            "PROPN", "PUNCT", "ADJ", "NOUN", "VERB"]
    labels = silver_labels(words, upos, lex, cues)
    assert _names(words, labels) == [("Omar Bashkir", "PER"), ("Vladimir Tomasz", "PER"),
                                     ("Free Okra Brigades", "ORG"), ("Aleppo", "LOC")]
    assert labels[0] == "O"  # the title is no part of the name
    assert labels[14] == "O"


def test_long_organisation_names_over_connectors(lex, cues):
    words = ["Police", "arrested", "members", "of", "the", "Movement", "for", "the", "Liberation", "of", "Okra",
             "in", "Aleppo"]
    upos = ["NOUN", "VERB", "NOUN", "ADP", "DET", "PROPN", "ADP", "DET", "PROPN", "ADP", "PROPN", "ADP", "PROPN"]
    labels = silver_labels(words, upos, lex, cues)
    assert _names(words, labels) == [("Movement for the Liberation of Okra", "ORG"), ("Aleppo", "LOC")]


def test_unexplained_proper_nouns_stay_unannotated(lex, cues):
    words = ["Zorblat", "wrote", "to", "Hamas", "on", "Monday"]
    upos = ["PROPN", "VERB", "ADP", "PROPN", "ADP", "PROPN"]
    labels = silver_labels(words, upos, lex, cues)
    assert labels[0] is None  # missing: neither a name nor outside one
    assert labels[3] == "B-ORG"
    assert labels[5] == "O"  # a weekday is never a name


def test_place_head_and_demonym(lex, cues):
    words = ["Fighting", "spread", "to", "Qandor", "Province", "and", "Syrian", "towns"]
    upos = ["NOUN", "VERB", "ADP", "PROPN", "PROPN", "CCONJ", "PROPN", "NOUN"]
    labels = silver_labels(words, upos, lex, cues)
    assert _names(words, labels) == [("Qandor Province", "LOC")]
    assert labels[6] == "O"  # a demonym the knowledge base knows is no name


def test_swap_names_keeps_labels_and_context(lex, cues):
    words = ["Hamas", "fighters", "entered", "Aleppo"]
    labels = ["B-ORG", "O", "O", "B-LOC"]
    new_w, new_l = swap_names(words, labels, lex, random.Random(1), {"ORG": 1.0, "LOC": 1.0})
    assert new_w[-3:-1] == ["fighters", "entered"] or "fighters" in new_w
    assert [lab for _a, _b, lab in spans_of(new_l)] == ["ORG", "LOC"]
    assert len(new_w) == len(new_l)
    assert swap_names(["no", "names"], ["O", "O"], lex, random.Random(1)) is None
    assert swap_names(words, labels, lex, random.Random(1), {"ORG": 0.0, "LOC": 0.0}) is None


def test_held_out_names_never_enter_the_swap_pool(lex):
    for lab, pool in lex.pools.items():
        assert not set(pool) & lex.held_out, lab


def test_phoenix_people(tmp_path):
    p = tmp_path / "actors.txt"
    p.write_text("VLADIMIR_PUTIN_  # CountryInfo.txt\n\t[RUSGOV >120507]\n+PUTIN_\nARMENIA_\n", encoding="utf-8")
    assert phoenix_people(p) == ["Vladimir Putin"]


def test_cue_file_is_valid_and_a_broken_one_is_refused(tmp_path):
    assert check_name_cues(CUES_FILE) == []
    bad = tmp_path / "cues.yaml"
    bad.write_text("version: 1\nlanguages:\n  en:\n    org_heads: Party\n    colour: [red]\n", encoding="utf-8")
    errors = check_name_cues(bad)
    assert any("unknown field 'colour'" in str(e) for e in errors)
    assert any(":4:" in str(e) for e in errors)  # the line of the bad list
    with pytest.raises(DataFileErrors):
        load_name_cues("en", bad)


def test_unknown_name_sentences_name_nothing_the_dictionaries_know():
    """The hand-labelled generalisation set: well formed, and none of its people or organisations is known to
    the knowledge base (places may be cities of the gazetteer; they are labelled anyway)."""
    from konflikt.actors.kb import fold, load_kb
    from konflikt.nlp.train import read_marked_sentences

    sents = read_marked_sentences(UNKNOWN)
    assert len(sents) >= 40
    kb_names = {fold(n) for e in load_kb() for n in e.all_names("en")}
    found = [(" ".join(w[a:b]), lab) for w, labels in sents for a, b, lab in spans_of(labels)]
    assert len(found) >= 80
    known = [n for n, lab in found if lab in {"PER", "ORG"} and fold(n) in kb_names]
    assert known == ["Wagner"]  # one known name, on purpose: a known organisation in an unknown context


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_scandinavian_unknown_name_sentences_name_nothing_the_dictionaries_know(lang):
    """The Swedish and Bokmål generalisation sets (read in their own tokenization): well formed, at least 80
    names, and no person or organisation among them that the knowledge base knows in that language or English."""
    from konflikt.actors.kb import fold, load_kb
    from konflikt.nlp.train import read_marked_sentences

    sents = read_marked_sentences(UNKNOWN.parents[1] / lang / "ner_unknown.txt", lang)
    assert len(sents) >= 40
    kb_names = {fold(n) for e in load_kb() for lg in (lang, "en") for n in e.all_names(lg)}
    found = [(" ".join(w[a:b]), lab) for w, labels in sents for a, b, lab in spans_of(labels)]
    assert len(found) >= 80 and {lab for _, lab in found} == {"PER", "ORG", "LOC"}
    assert [n for n, lab in found if lab in {"PER", "ORG"} and fold(n) in kb_names] == []
    # a glued genitive stays one token, with its -s: "[Nwankwos|PER] anhängare"
    assert any(n.endswith("s") and " " not in n for n, lab in found if lab == "PER")


def test_swap_keeps_a_glued_genitive(lex):
    """Swedish/Bokmål write the genitive on the name ("Putins anhängare"): a swapped name gets the -s too, none
    after s/x/z, and a name that only ends in s is no genitive."""
    from konflikt.nlp.train import glued_genitive

    genitive = glued_genitive({"Putin", "Aleppo"})
    assert genitive("Putins") and not genitive("Paris") and not genitive("Putin") and not genitive("Hess")
    words, labels = ["Putins", "anhängare", "protesterade"], ["B-PER", "O", "O"]
    for seed in range(30):
        new_w, new_l = swap_names(words, labels, lex, random.Random(seed), genitive=genitive)
        name = new_w[:len(new_w) - 2]
        assert new_w[-2:] == ["anhängare", "protesterade"] and new_l[-2:] == ["O", "O"]
        assert name[-1].endswith("s") and new_l[0] == "B-PER"
    plain = swap_names(["Putin", "talade"], ["B-PER", "O"], lex, random.Random(0), genitive=genitive)
    assert plain is not None and plain[0][-1] == "talade" and not any(w.endswith("s") for w in plain[0][:-1])


def test_phoenix_groups_are_title_cased_organisation_names(tmp_path, cues):
    from konflikt.nlp.distant import phoenix_groups

    f = tmp_path / "groups.txt"
    f.write_text("# comment\nARMED_ISLAMIC_GROUP_ [DZAREB] # kkl\nFRONT_FOR_THE_LIBERATION_OF_THE_ENCLAVE_ [AGOREB]\n"
                 "AL-INTIQAMI_AL-PAKISTANI_ [KKLREB]\nFLNKS_ [NCLREB]\n+SYNONYM_LINE\nlower_case_ [XXXREB]\n",
                 encoding="utf-8")
    assert phoenix_groups(f, cues) == ["Armed Islamic Group", "Front for the Liberation of the Enclave",
                                 "Al-Intiqami Al-Pakistani", "FLNKS"]
