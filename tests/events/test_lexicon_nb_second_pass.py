"""The Bokmål counterparts of the Swedish entries the first derivation left out (issue #17, second pass):
sentences of our own through the whole coder (`--lang nb`), each coded by one of the new entries, and the
derivation script's several-counterparts lines ("enas om" -> "enes om", "bli enige"). Needs the nb pipeline."""

from __future__ import annotations

import pytest

from konflikt.events.lexicon import load_lexicon
from konflikt.language.registry import installed

pytestmark = pytest.mark.skipif("nb" not in installed(), reason="no trained nb pipeline installed")


# (sentence, event, trigger, actor code, recipient code or None)
CASES = [
    ("Russland og Ukraina ble enige om en fangeutveksling.", "AGREE", "ble enige", "RUS", "UKR"),
    ("Tyrkia ble enig med Russland om en våpenhvile.", "AGREE", "ble enig", "TUR", "RUS"),
    ("Egypt stilte seg bak Haftar.", "SUPPORT", "stilte", "EGY", "LBYREB"),
    ("Egypt stilte seg på Haftars side.", "SUPPORT", "stilte", "EGY", "LBYREB"),
    ("USA droppet sanksjonene mot Iran.", "RETREAT", "droppet", "USA", "IRN"),
    ("EU lettet sanksjonene mot Iran.", "RETREAT", "lettet", "IGOEUREEC", "IRN"),
    ("Russland og Ukraina byttet krigsfanger.", "RETREAT", "byttet", "RUS", "UKR"),
    ("Frankrike delte etterretningsinformasjon med Egypt.", "COOPERATE", "delte", "FRA", "EGY"),
    ("Russland allierte seg med Haftar.", "COOPERATE", "allierte", "RUS", "LBYREB"),
    ("Ukraina tok imot stridsvogner fra Tyskland.", "AID", "tok imot", "DEU", "UKR"),
    ("USA lånte ut fly til Ukraina.", "AID", "lånte ut", "USA", "UKR"),
    ("Tyrkia fraktet våpen til Libya.", "AID", "fraktet", "TUR", "LBY"),
    ("Russland avsluttet militærinnsatsen i Syria.", "RETREAT", "avsluttet", "RUS", None),
    ("Frankrike avviklet militærbasen i Mali.", "RETREAT", "avviklet", "FRA", None),
    ("Libya ba Tyrkia om hjelp.", "REQUEST", "ba", "LBY", "TUR"),
    ("Tyrkia beskyldte Russland for å støtte Haftar.", "ACCUSE", "beskyldte", "TUR", "RUS"),
    ("Ukraina saksøkte Russland i Haag.", "ACCUSE", "saksøkte", "UKR", "RUS"),
    ("Tyrkia pekte ut Haftar som ansvarlig.", "ACCUSE", "pekte", "TUR", "LBYREB"),
    ("Haftar sa nei til forslaget fra FN.", "REJECT", "sa nei", "LBYREB", None),
    ("Mali trådte ut av Ecowas.", "SANCTION", "trådte", "MLI", "IGOWAFBUSWAS"),
    ("Storbritannia meldte seg ut av EU.", "SANCTION", "meldte", "GBR", "IGOEUREEC"),
    ("Russland nedgraderte forbindelsene med Norge.", "SANCTION", "nedgraderte", "RUS", "NOR"),
    ("USA reduserte bistanden til Libya.", "SANCTION", "reduserte", "USA", "LBY"),
    ("Russiske tropper marsjerte inn i Ukraina.", "MOBILIZE", "marsjerte", "RUSMIL", "UKR"),
    ("Nord-Korea skjøt opp en ballistisk missil.", "MOBILIZE", "skjøt opp", "PRK", None),
    ("Haftar kriger mot regjeringen i Tripoli.", "ASSAULT", "kriger", "LBYREB", "LBYGOV"),
    ("Russland slo ut strømnettet i Kyiv.", "ASSAULT", "slo ut", "RUS", None),
    ("Haftars styrker skjøt ned en tyrkisk drone.", "ASSAULT", "skjøt ned", "LBYREB", None),
    ("Russland trakk seg ut av avtalen med Ukraina.", "REJECT", "trakk", "RUS", "UKR"),
    ("Haftars styrker trakk seg ut av byen.", "RETREAT", "trakk", "LBYREB", None),
]


# The Bokmål parser trained on the NDT trees (2026-12-07) misreads this one: the sentence-initial name
# "Haftar" as the verb. Strict: when a parser reads it right, the mark must go.
PARSER_MISREADS = {"Haftar kriger mot regjeringen i Tripoli."}
PARAMS = [pytest.param(*c, id=c[0][:40], marks=[pytest.mark.xfail(strict=True, reason="parser misreads it")]
                       if c[0] in PARSER_MISREADS else []) for c in CASES]


@pytest.mark.parametrize("text,event,trigger,actor,recipient", PARAMS)
def test_new_bokmal_entry_codes_the_event(code_nb, text, event, trigger, actor, recipient):
    hits = [e for e in code_nb(text) if e.event == event and e.trigger.startswith(trigger)]  # "pekte ut"
    assert hits, [(e.event, e.trigger) for e in code_nb(text)]
    assert any(a.code == actor for e in hits for a in e.actor)
    if recipient is not None:
        assert any(r.code == recipient for e in hits for r in e.recipient)


def test_qualifiers_decide_the_type_of_the_new_verbs(code_nb):
    # "bytte" codes only prisoners (requires_qualifier), "slippe" bombs is an assault, not a release
    assert not [e for e in code_nb("Russland og Ukraina byttet ambassadører.") if e.trigger == "byttet"]
    assert any(e.event == "ASSAULT" for e in code_nb("Russland slapp bomber over Aleppo."))
    assert any(e.event == "RETREAT" for e in code_nb("Hamas slapp tre gisler."))


def test_a_giver_s_bare_indirect_object_is_the_recipient(code_nb):
    # nb's parser labels the indirect object `obj`, like the given noun: "gir regjeringen [obj] støtte [obj]"
    ev = [e for e in code_nb("Tyrkia gir regjeringen i Tripoli støtte.") if e.trigger == "støtte"]
    assert ev and ev[0].actor[0].code == "TUR" and ev[0].recipient and ev[0].recipient[0].code == "LBYGOV"


def test_one_swedish_entry_with_several_bokmal_counterparts():
    lex = load_lexicon("nb")
    froms = {t.lemma: t.note for t in lex.triggers if t.note in {"from sv.enas_om"}}
    assert {"enes", "bli"} <= set(froms)
    bli = [t for t in lex.lookup("bli", "VERB") if t.event == "AGREE"]
    assert {t.particle for t in bli} == {"enige", "enig"}
