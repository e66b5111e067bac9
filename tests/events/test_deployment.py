"""Forces or arms sent to a front or border (the lexicon's `deployment_places`) are deployed (MOBILIZE), not
given to the country beyond it (AID); sent to a country they stay aid. Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang,text,actor", [
    ("sv", "Polen har skickat ytterligare 10 000 soldater till gränsen mot Belarus.", "POL"),
    ("sv", "Ryssland skickade trupper till fronten i Donbas.", "RUS"),
    ("en", "Poland sent 10,000 more soldiers to the border with Belarus.", "POL"),
    ("en", "Russia sent troops to the front in Donbas.", "RUS"),
])
def test_forces_sent_to_a_front_are_deployed(code_sv, lang, text, actor):
    events = code_sv(text, lang=lang)
    assert [(e.event, [a.code for a in e.actor]) for e in events] == [("MOBILIZE", [actor])], \
        [(e.event, [a.code for a in e.actor]) for e in events]


@pytest.mark.parametrize("lang,text", [
    ("sv", "Ryssland skickade vapen till Syrien."),
    ("en", "Russia sent weapons to Syria."),
])
def test_arms_sent_to_a_country_stay_aid(code_sv, lang, text):
    assert [e.event for e in code_sv(text, lang=lang)] == ["AID"]


def test_the_deployment_coding_is_validated_against_the_ontology(tmp_path):
    from konflikt.events.lexicon import default_lexicon_path, validate_lexicon_file

    text = default_lexicon_path("en").read_text(encoding="utf-8")
    bad = tmp_path / "en.yaml"
    bad.write_text(text.replace("  mode: troops\n", "  mode: dance\n", 1), encoding="utf-8")
    errors = validate_lexicon_file(bad)
    assert any("deployment: mode 'dance'" in str(e) for e in errors), errors
    assert not validate_lexicon_file(default_lexicon_path("en"))


@pytest.mark.parametrize("lang,text,actor,negated", [
    ("sv", "Etiopien har skickat ytterligare 800 soldater till regionen Amhara.", "ETH", False),
    ("sv", "Armenien skickade i går en patrull till gränsbyn.", "ARM", False),
    ("en", "Ethiopia has sent another 800 soldiers to the Amhara region.", "ETH", False),
    ("en", "Peru has not sent any troops to the province.", "PER", True),
    ("nb", "Etiopia har sendt ytterligere 800 soldater til Amhara-regionen.", "ETH", False),
])
def test_forces_sent_to_no_party_are_deployed(code_sv, lang, text, actor, negated):
    """Aid whose object is forces (`deployment.personnel`) and that reaches no party is a deployment."""
    events = code_sv(text, lang=lang)
    got = [(e.event, e.mode, [a.code for a in e.actor], [a.code for a in e.recipient], e.negated) for e in events]
    assert got == [("MOBILIZE", "troops", [actor], [], negated)], got


@pytest.mark.parametrize("lang,text", [
    ("sv", "Turkiet skickade soldater till Libyen."),
    ("en", "Turkey sent troops to Libya."),
    ("nb", "Tyrkia sendte soldater til Libya."),
])
def test_forces_sent_to_a_country_stay_aid(code_sv, lang, text):
    assert [(e.event, [a.code for a in e.recipient]) for e in code_sv(text, lang=lang)] == [("AID", ["LBY"])]


def test_goods_sent_to_no_party_are_not_deployed(code_sv):
    assert code_sv("Röda korset skickade förbandsmaterial till sjukhuset.", lang="sv") == []
    assert code_sv("The charity sent blankets to the camp.", lang="en") == []
