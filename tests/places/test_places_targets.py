"""Events aimed at a place are located there (issue #18 item 2), on sentences of our own from several
conflicts: the place a trigger governs ("offensiv mot Tripoli", "attack on Goma", "fighting around Khartoum",
"strikes in Gaza"), the patient of a noun trigger ("beskjutningen av Bachmut", "the battle for Sirte"), and
ambiguous names read from the countries of the document (Tripoli in Libya or Lebanon).

Events are built by hand (trigger, actor spans, quad class) so the tests do not depend on event extraction.
"""

from __future__ import annotations

import pytest

from konflikt.places import DocumentPlaces, choose_place, find_mentions, load_attachment, load_gazetteer
from konflikt.records import Actor, Event


def _nlp(coder, lang):
    from konflikt.nlp import PipelineNotFound

    try:
        return coder.resources(lang).nlp
    except PipelineNotFound:
        pytest.skip(f"no trained {lang} pipeline")


def _locate(coder, lang, text, trigger, quad=4, actors=(), countries=None, dominant=None):
    sent = next(_nlp(coder, lang)(text).sents)

    def actor(words: str) -> Actor:
        i = text.index(words)
        return Actor(raw_text=words, name=words, span=(i, i + len(words)))

    i = text.index(trigger)
    ev = Event(id="d:0:0", doc_id="d", sentence_index=0, event_text=text, sentence_span=(0, len(text)),
               span=(i, i + len(trigger)), trigger=trigger, event="ASSAULT", quad_code=quad, intensity=-9.0,
               actor=[actor(a) for a in actors], language=lang, confidence=0.9)
    mentions = find_mentions(sent, load_gazetteer(), load_attachment(lang))
    return choose_place(ev, sent, mentions, DocumentPlaces(countries or {}, dominant), lang)


# text, trigger, actors, place, country, method
SV = [
    ("Ryssland intensifierade beskjutningen av Bachmut.", "beskjutningen", ("Ryssland",), "Bakhmut", "UKR",
     "argument"),
    ("Striderna om Sirte fortsatte i veckor.", "Striderna", (), "Sirte", "LBY", "argument"),
    ("Slaget om Khartoum har pågått i ett år.", "Slaget", (), "Khartoum", "SDN", "argument"),
    ("Belägringen av Mariupol varade i tre månader.", "Belägringen", (), "Mariupol", "UKR", "argument"),
    ("M23-rebellerna inledde en attack mot Goma.", "attack", ("M23-rebellerna",), "Goma", "COD", "preposition"),
    ("Striderna runt Khartoum har tvingat tusentals att fly.", "Striderna", (), "Khartoum", "SDN", "preposition"),
    ("Israel genomförde nya flygangrepp i Gaza.", "flygangrepp", ("Israel",), "Gaza Strip", "PSE", "preposition"),
    ("Rebellerna ryckte fram mot Goma.", "ryckte", ("Rebellerna",), "Goma", "COD", "preposition"),
]

EN = [
    ("Russian forces continued the shelling of Bakhmut.", "shelling", ("Russian forces",), "Bakhmut", "UKR",
     "argument"),
    ("The battle for Sirte lasted for months.", "battle", (), "Sirte", "LBY", "argument"),
    ("The siege of Mariupol ended in May.", "siege", (), "Mariupol", "UKR", "argument"),
    ("M23 rebels launched an attack on Goma.", "attack", ("M23 rebels",), "Goma", "COD", "preposition"),
    ("Fighting around Khartoum has forced thousands to flee.", "Fighting", (), "Khartoum", "SDN", "preposition"),
    ("Israel carried out new strikes in Gaza.", "strikes", ("Israel",), "Gaza Strip", "PSE", "preposition"),
    ("Haftar's forces advanced to Tripoli.", "advanced", ("Haftar's forces",), "Tripoli", "LBY", "preposition"),
]


@pytest.mark.parametrize(("text", "trigger", "actors", "name", "country", "method"), SV)
def test_swedish_targets(coder, text, trigger, actors, name, country, method):
    loc = _locate(coder, "sv", text, trigger, actors=actors)
    assert loc is not None and (loc.name, loc.country, loc.method) == (name, country, method), loc


@pytest.mark.parametrize(("text", "trigger", "actors", "name", "country", "method"), EN)
def test_english_targets(coder, text, trigger, actors, name, country, method):
    loc = _locate(coder, "en", text, trigger, actors=actors)
    assert loc is not None and (loc.name, loc.country, loc.method) == (name, country, method), loc


@pytest.mark.parametrize(("lang", "text", "trigger", "quad", "actors"), [
    # a noun's patient is a place for material conflict only: talks about Gaza were not held in Gaza
    ("en", "The negotiations for Gaza resumed.", "negotiations", 1, ()),
    ("sv", "Förhandlingarna om Gaza återupptogs.", "Förhandlingarna", 1, ()),
    # the place must hang on the trigger noun itself
    ("en", "The rebels' attack killed the mayor of Goma.", "attack", 4, ()),
])
def test_noun_patient_limits(coder, lang, text, trigger, quad, actors):
    assert _locate(coder, lang, text, trigger, quad, actors) is None


@pytest.mark.parametrize(("lang", "text", "trigger"), [
    ("en", "The army launched an offensive against Tripoli.", "offensive"),
    ("sv", "Armén inledde en offensiv mot Tripoli.", "offensiv"),
    ("en", "The shelling of Tripoli went on all night.", "shelling"),
])
def test_ambiguous_names_follow_the_document(coder, lang, text, trigger):
    libya = _locate(coder, lang, text, trigger, countries={"LBY": 4}, dominant="LBY")
    lebanon = _locate(coder, lang, text, trigger, countries={"LBN": 3, "SYR": 1}, dominant="LBN")
    assert (libya.name, libya.country) == ("Tripoli", "LBY") and abs(libya.lat - 32.89) < 0.05
    assert (lebanon.name, lebanon.country) == ("Tripoli", "LBN") and abs(lebanon.lat - 34.43) < 0.05
