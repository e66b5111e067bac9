"""Property tests (issue #6): `Coder.code_document` never raises on arbitrary text, its records always
validate, and every event's offsets point into the text at its trigger, inside its sentence."""

from __future__ import annotations

import json
from functools import cache

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from konflikt.ingest import doc_id_for
from konflikt.records import Document, Event, event_json_schema

WORDS = ["Turkiet", "attackerade", "LNA", "Ryssland", "skickade", "vapen", "till", "Egypten", "fördömde", "GNA",
         "bombade", "Hamas", "Israel", "hotade", "stödjer", "Tripoli", "på", "måndagen", "inte", ".", ",", "\n\n",
         "sade", "att", "Qatar", "förhandlade", "med", "i", "går", "Erdoğan"]
JUNK = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
MIXED = st.lists(st.one_of(st.sampled_from(WORDS), JUNK), max_size=60).map(" ".join)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@cache
def _schema_validator():
    schema = event_json_schema()
    return jsonschema.validators.validator_for(schema)(schema)


def _valid(ev: Event) -> None:
    """The record validates as the model and, as printed (JSONL), against the published JSON schema."""
    Event.model_validate(ev.model_dump())
    _schema_validator().validate(json.loads(ev.model_dump_json()))


def _check(coder, text: str, lang: str) -> None:
    doc = Document(id=doc_id_for(text), text=text, source="fuzz", date="2024-03-15", language=lang)
    for ev in coder.code_document(doc):
        _valid(ev)
        s, e = ev.span
        assert 0 <= s < e <= len(text)
        # The trigger is its tokens joined by one space (a particle verb may be discontinuous: 'tog ... över'),
        # the span runs from its first token's start to its last token's end, so its words occur there in order.
        words, covered, pos = ev.trigger.split(" "), text[s:e], 0
        assert covered.startswith(words[0]) and covered.endswith(words[-1]), (covered, ev.trigger)
        for w in words:
            pos = covered.find(w, pos)
            assert pos >= 0, (covered, ev.trigger)
            pos += len(w)
        if len(words) == 1:
            assert covered == ev.trigger
        ss, se = ev.sentence_span
        assert 0 <= ss <= s and e <= se <= len(text)
        assert text[ss:se] == ev.event_text  # the evidence sentence is where its offsets say


@FUZZ
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_unicode_text(coder, text):
    _check(coder, text, "sv")


@FUZZ
@given(text=MIXED, lang=st.sampled_from(["sv", "en"]))
def test_conflict_words_and_junk(coder, text, lang):
    _check(coder, text, lang)


@FUZZ
@given(text=st.text(max_size=200))
def test_auto_language(coder, text):
    """Language detection on junk either picks a supported language or raises UnsupportedLanguage."""
    from konflikt.pipeline import UnsupportedLanguage

    doc = Document(id=doc_id_for(text), text=text, source="fuzz", date="2024-03-15")
    try:
        events = coder.code_document(doc)
    except UnsupportedLanguage:
        return
    for ev in events:
        _valid(ev)
