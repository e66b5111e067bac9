"""actors.resolved: the key of a `ResolvedActor` and the document memory `DiscourseState` (last person, group,
organisation, IGO; people by name; countries with decay; recent events); on actors of sentences of our own."""

from __future__ import annotations

from konflikt.actors.resolved import COUNTRY_DECAY, DiscourseState, ResolvedActor
from konflikt.records import Actor

TEXT = "Recep Tayyip Erdoğan, Hamas och FN möttes i Kairo."


def _units(parse_sentences, text=TEXT):
    (sa,) = parse_sentences(text)
    return {ra.actor.code: ra for _lo, _hi, ra, _weak in sa.units()}


def test_a_country_narrowed_to_a_sector_has_a_key_of_its_own(parse_sentences):
    (sa,) = parse_sentences("Turkiska rebeller angrep Ankara.")
    rebels = sa.resolve(next(t for t in sa.sent if t.text == "rebeller"))
    assert [r.key for r in rebels] == ["TUR/TURREB"]
    assert ResolvedActor(Actor(raw_text="Turkiet", name="Turkey", entity_id="TUR", country="TUR", code="TUR"),
                         None, 0).key == "TUR"
    assert ResolvedActor(Actor(raw_text="x", name="Unknown Front"), None, 0).key == "Unknown Front"


def test_remember_fills_the_slots_by_kind(parse_sentences, coder):
    got = _units(parse_sentences)
    state = DiscourseState()
    for code in ("TURGOV", "PSEREBHMS", "IGOUNO"):
        state.remember(got[code], coder.kb)
    assert state.last_person is got["TURGOV"] and got["TURGOV"].entity.id in state.people  # Erdoğan
    assert state.last_org is got["PSEREBHMS"] and state.last_igo is got["IGOUNO"]
    assert state.last_group is got["IGOUNO"]  # the last of group, country, IGO
    assert state.countries["TUR"] == 1


def test_a_pronoun_is_no_new_organisation(parse_sentences, coder):
    hamas = _units(parse_sentences)["PSEREBHMS"]
    state = DiscourseState()
    state.remember(ResolvedActor(hamas.actor.model_copy(update={"resolution": "coref-pronoun"}), hamas.entity, 0),
                   coder.kb)
    assert state.last_org is None and state.last_group is not None


def test_countries_decay_and_a_tie_has_no_dominant_country():
    state = DiscourseState()
    state.countries["SRB"] += 1
    state.new_sentence()
    state.countries["HTI"] += 1
    assert state.countries["SRB"] == COUNTRY_DECAY and state.dominant_country() == "HTI"
    state.countries["SRB"] = state.countries["HTI"]
    assert state.dominant_country() is None
    assert DiscourseState().dominant_country() is None


def test_recent_events_by_type_within_two_sentences(parse_sentences):
    hamas = _units(parse_sentences)["PSEREBHMS"]
    state = DiscourseState()
    state.new_sentence()
    state.remember_event("ACCUSE", [hamas])
    assert state.recent_event("ACCUSE") == []  # not from the sentence itself
    state.new_sentence()
    assert state.recent_event("ACCUSE") == [hamas] and state.recent_event("REQUEST") == []
    state.new_sentence()
    state.new_sentence()
    assert state.recent_event("ACCUSE") == []  # three sentences back
    for _ in range(25):
        state.remember_event("ASSAULT", [hamas])
    assert len(state.events) == 20
