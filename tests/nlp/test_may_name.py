"""`konflikt.nlp.names.may_name`: can a raw text name someone (the fast path's test for the NER)?"""

from __future__ import annotations

import pytest

from konflikt.nlp.names import function_words, may_name


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("sv", "Han har varit ordförande sedan 2005.", False),  # a function word opens the sentence
    ("sv", "Det blev kallt. Ingen skadades.", False),
    ("sv", "– Men man kan skada värre än man avsett.", False),  # after a dash
    ("sv", "Enligt uppgifter sköts två personer. ”Vi vet inte”, sade en vakt.", False),
    ("sv", "Löfven sade nej.", True),  # not a function word
    ("sv", "Polisen grep två män.", True),  # an authority opens the sentence: may be a name
    ("sv", "Islamiska staten tog kontroll över staden.", True),  # Swedish capitalises only the first word
    ("sv", "Han sade nej till Ekdahl.", True),  # a capitalised word inside the sentence
    ("sv", "Det var kallt: Ekdahl frös.", True),  # ...also after a colon, not a function word
    ("sv", "det var kallt, sade EU.", True),
    ("en", "He said no. They left on Monday.", True),  # English capitalises days
    ("en", "He said no. They left at noon.", False),
    ("en", "The police said it was over.", False),
])
def test_may_name(lang, text, expected):
    assert may_name(text, lang) is expected


def test_function_words_are_data_and_hold_no_names():
    for lang in ("sv", "en"):
        words = function_words(lang)
        assert len(words) > 300 and all(w == w.lower() and w.isalpha() for w in words)
    assert {"han", "det", "enligt", "men"} <= function_words("sv")
    assert not {"polisen", "regeringen", "sverige", "islamiska"} & function_words("sv")
    assert {"he", "the", "they", "said"} <= function_words("en") and "police" not in function_words("en")
    assert function_words("xx") == frozenset()


@pytest.mark.parametrize(("text", "expected"), [
    ("Polisen grep två män.", False),  # a common noun opens the sentence: no person
    ("– Serben missade matchen.", False),
    ("Löfven sade nej.", True),
    ("Putin sade nej.", True),  # the dictionary lists "Putin" as a name
    ("Polisen grep Ekdahl.", True),
])
def test_may_name_a_person(text, expected):
    assert may_name(text, "sv", people_only=True) is expected
