"""events.choose: which candidates of a sentence the rules keep and why the others are dropped (absorbed,
sports, background participle, unqualified), and partners against a target; on sentences of our own (the
candidates of `extract(..., generous=True)`, chosen again)."""

from __future__ import annotations

from konflikt.events.choose import choose


def _reasons(extract_sentences, text, lang="sv"):
    ((sa, cands),) = extract_sentences(text, lang, generous=True)
    kept, dropped = choose(cands, sa.sent)
    return [c.token.text for c in kept], {c.token.text: why for c, why in dropped}


def test_a_national_team_meeting_a_country_is_sports(extract_sentences):
    kept, dropped = _reasons(extract_sentences, "Det svenska herrlandslaget möter Portugal i kväll.")
    assert kept == [] and dropped == {"möter": "sports"}
    kept, dropped = _reasons(extract_sentences, "Sveriges regering möter Portugal i kväll.")
    assert kept == ["möter"] and dropped == {}


def test_absorbed_and_unqualified_candidates_are_dropped(extract_sentences):
    kept, dropped = _reasons(extract_sentences, "Iran lovade att angripa Israel.")
    assert kept == ["lovade"] and dropped == {"angripa": "absorbed"}
    kept, dropped = _reasons(extract_sentences, "Centralbanken sänkte räntan.")  # no ship sunk
    assert kept == [] and dropped == {"sänkte": "unqualified"}


def test_a_background_participle_without_a_recipient(extract_sentences):
    kept, dropped = _reasons(extract_sentences, "Iran-backed militias attacked Iraq.", "en")
    assert kept == ["attacked"] and dropped == {"backed": "background-participle"}


def test_the_target_of_cooperation_is_no_partner(extract_sentences):
    ((sa, cands),) = extract_sentences("Kenya samarbetar mot al-Shabaab.")
    (c,) = cands
    target = sa.resolve(next(t for t in sa.sent if t.text == "al-Shabaab"))
    assert [r.actor.code for r in target] == ["SOMREB"]
    c.recipients = list(target)
    (kept,), _ = choose([c], sa.sent)
    assert kept.recipients == []
    c.event, c.recipients = "ASSAULT", list(target)  # an attack keeps its target
    (kept,), _ = choose([c], sa.sent)
    assert [r.actor.code for r in kept.recipients] == ["SOMREB"]
