"""A negated trigger that codes as another event (the lexicon's `negated_as`): not ruling out strikes or sanctions
is a threat, not a negated refusal. Sentences written for these tests."""

from __future__ import annotations

import pytest


def _coded(events):
    return [(e.event, [a.name for a in e.actor], [a.name for a in e.recipient], e.negated) for e in events]


@pytest.mark.parametrize("lang,text,actor,recipient", [
    ("en", "Israel did not rule out military action against Hezbollah.", "Israel", "Hezbollah"),
    ("en", "The White House has not ruled out sanctions on Iran.", "United States", "Iran"),
    ("sv", "Turkiet uteslöt inte ett nytt anfall mot PKK.", "Turkey", "Kurdistan Workers' Party"),
    ("nb", "Tyrkia utelukker ikke et nytt angrep mot PKK.", "Turkey", "Kurdistan Workers' Party"),
])
def test_not_ruling_out_force_is_a_threat(code_sv, lang, text, actor, recipient):
    got = _coded(code_sv(text, lang=lang))
    assert len(got) == 1 and got[0][0] == "THREATEN" and not got[0][3], got
    assert got[0][1] == [actor] and got[0][2] == [recipient], got


def test_not_ruling_out_talks_stays_a_negated_refusal(code_sv):
    got = _coded(code_sv("Israel did not rule out talks with Hezbollah.", lang="en"))
    assert [(t, neg) for t, _a, _r, neg in got] == [("REJECT", True)], got


def test_ruling_out_force_is_no_threat(code_sv):
    assert "THREATEN" not in [e.event for e in code_sv("Turkiet uteslöt ett nytt anfall mot PKK.", lang="sv")]


def test_a_possibility_of_progress_is_not_ruled_out_as_a_threat(code_sv):
    assert code_sv("Han kan inte utesluta möjligheten till ytterligare framsteg.", lang="sv") == []


def test_the_negated_as_mode_is_validated(tmp_path):
    from konflikt.events.lexicon import default_lexicon_path, validate_lexicon_file

    text = default_lexicon_path("en").read_text(encoding="utf-8")
    bad = tmp_path / "en.yaml"
    bad.write_text(text.replace('event: THREATEN, cameo: "130"}', 'event: THREATEN, mode: dance, cameo: "130"}', 1),
                   encoding="utf-8")
    assert any("negated_as" in str(e) and "dance" in str(e) for e in validate_lexicon_file(bad))
