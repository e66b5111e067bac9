"""Bokmål lexicon, third pass (issue #17): more Bokmål counterparts of Swedish entries (signere beside
undertegne, snakke med beside samtale, frigjøre beside løslate/frigi, mekle beside megle) and participles the
dictionary reads as adjectives ("har fordømt" -> fordømt, not fordømme) listed as variants of their verb.
Sentences of our own through the whole coder (`--lang nb`). Needs the nb pipeline."""

from __future__ import annotations

import pytest

from konflikt.language.registry import installed

pytestmark = pytest.mark.skipif("nb" not in installed(), reason="no trained nb pipeline installed")


def assert_coded(events, event, trigger, actor, recipient):
    """Some event of `event` type with `trigger` has an actor (and, unless None, a recipient) of those codes."""
    hits = [e for e in events if e.event == event and e.trigger.startswith(trigger)]  # "pekte ut"
    assert hits, [(e.event, e.trigger) for e in events]
    assert any((a.code or "").startswith(actor) for e in hits for a in e.actor)
    if recipient is not None:
        assert any((r.code or "").startswith(recipient) for e in hits for r in e.recipient)


# (sentence, event, trigger, actor code, recipient code or None)
CASES = [
    ("Ukraina signerte en avtale med Polen.", "SUPPORT", "signerte", "UKR", "POL"),
    ("Putin snakket med Trump i går.", "CONSULT", "snakket", "RUS", "USA"),
    ("Ukraina har fordømt angrepet.", "ACCUSE", "fordømt", "UKR", None),
]


@pytest.mark.parametrize("text,event,trigger,actor,recipient", CASES, ids=[c[0][:40] for c in CASES])
def test_third_pass_entry_codes_the_event(code_nb, text, event, trigger, actor, recipient):
    assert_coded(code_nb(text), event, trigger, actor, recipient)


@pytest.mark.parametrize("form,code", [
    ("juntaen", "GOV"), ("regjeringene", "GOV"), ("myndighetene", "GOV"), ("styrkene", "MIL"),
    ("soldatene", "MIL"), ("troppene", "MIL"), ("opprørerne", "REB"), ("politiet", "COP"),
    ("demonstrantene", "CVL"), ("talsmennene", "GOV"), ("Juntaen", "GOV"),
])
def test_bokmal_inflections_of_sector_words(form, code):
    # the Swedish form generator alone has no Bokmål definite plural -ene or -aen
    from konflikt.actors.kb import load_kb
    assert load_kb().sector_for(form, "nb") == code


def test_an_uprising_is_not_a_rebel():
    from konflikt.actors.kb import load_kb
    assert load_kb().sector_for("opprørene", "nb") is None  # "the uprisings", not opprører + -ene


def test_a_sentence_initial_definite_sector_noun_is_an_actor(code_nb):
    # the tagger calls a sentence-initial "Juntaen" a proper noun, whose lemma is its form
    ev = code_nb("Militæret tok makten i Mali i 2021. Juntaen avviser kravet fra Ecowas.")
    assert any(e.event == "REJECT" and any((a.code or "").startswith("MLI") for a in e.actor) for e in ev)


@pytest.mark.parametrize("text,actor", [
    ("Patrice Talon fordømmer angrepet på Nigeria.", "BEN"),
    ("John Mahama kritiserer Nigeria.", "GHA"),
    ("Støttegruppen for islam og muslimer truer Mali.", "IMGMUSJNI"),
])
def test_west_african_actors_have_bokmal_names(code_nb, text, actor):
    ev = code_nb(text)
    assert any((a.code or "").startswith(actor) for e in ev for a in e.actor), [(e.event, e.actor) for e in ev]


@pytest.mark.parametrize("text,event,trigger,actor,recipient", [
    pytest.param("Nigeria takket Ghana for støtten.", "SUPPORT", "takket", "NGA", "GHA", marks=pytest.mark.xfail(
        strict=True, reason="the NDT-trained parser (2026-12-07) makes Ghana the subject")),
    ("Ghana uttrykte støtte til Nigeria.", "SUPPORT", "støtte", "GHA", "NGA"),
    ("Frankrike fordømte angrepet på Libanon.", "ACCUSE", "fordømte", "FRA", None),
])
def test_a_past_tense_the_tagger_calls_an_adjective_is_the_verb(code_nb, text, event, trigger, actor, recipient):
    # the nb parser reads "Nigeria takket Ghana" as a noun phrase ("the thanked Ghana"): no verb in the sentence
    assert_coded(code_nb(text), event, trigger, actor, recipient)


def test_the_verbless_repair_rewrites_only_a_verbless_sentence():
    from konflikt.nlp import load_pipeline
    nlp = load_pipeline("nb")
    doc = nlp("Frankrike fordømte angrepet på Libanon.")
    verb = doc[1]
    assert (verb.pos_, verb.dep_, verb.lemma_) == ("VERB", "ROOT", "fordømme")
    assert doc[0].dep_ == "nsubj" and doc[0].head.i == 1 and doc[2].head.i == 1
    for text in ("Kraftige angrep mot Kyiv.", "De fordømte angrepene ble kjent i går."):
        before = nlp.get_pipe("konflikt_verbless_repair")
        with nlp.select_pipes(disable=["konflikt_verbless_repair"]):
            plain = nlp(text)
        assert before is not None
        assert [(t.pos_, t.dep_, t.head.i) for t in nlp(text)] == [(t.pos_, t.dep_, t.head.i) for t in plain]


@pytest.mark.parametrize("text,event,trigger,actor,recipient", [
    # strong participles the lemmatizers read as nouns or leave alone (angrepet: 'the attack'; inntatt)
    ("Ukraina har angrepet et russisk oljeraffineri med droner.", "ASSAULT", "angrepet", "UKR", None),
    ("RSF har inntatt byen El Fasher.", "COERCE", "inntatt", "SDNREB", None),
    # light verb nedlegge: "nedlegge veto"
    ("Russland har nedlagt veto mot resolusjonen.", "REJECT", "veto", "RUS", None),
    # Bokmål names of organisations whose nb names were Swedish or missing
    ("USA har trukket seg ut av Verdens helseorganisasjon.", "SANCTION", "trukket", "USA", "IGOUNOHLHWHO"),
    ("Verdensbanken har gitt Ukraina et lån.", "AID", "lån", "IGOUNODEVWBK", "UKR"),
    ("Israel har kritisert Den internasjonale straffedomstolen.", "ACCUSE", "kritisert", "ISR", "IGOJUDICC"),
    ("Tyrkia har bombet De syriske demokratiske styrkene.", "ASSAULT", "bombet", "TUR", "SYRREB"),
])
def test_third_pass_participles_light_verbs_and_names(code_nb, text, event, trigger, actor, recipient):
    hits = [e for e in code_nb(text) if e.event == event and e.trigger.startswith(trigger)]  # "pekte ut"
    assert hits, [(e.event, e.trigger, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in code_nb(text)]
    assert any((a.code or "").startswith(actor) for e in hits for a in e.actor)
    if recipient is not None:
        assert any((r.code or "").startswith(recipient) for e in hits for r in e.recipient)


@pytest.mark.parametrize("text,actor,recipient", [
    # Bokmål adjectives, demonyms and capitals of countries that had only their CLDR name
    ("Meksikanske styrker arresterte en narkobaron.", "MEX", None),
    ("Spanske myndigheter kritiserte Marokko.", "ESP", "MAR"),
    ("Peruanske myndigheter utviste Mexicos ambassadør.", "PER", "MEX"),
])
def test_bokmal_country_adjectives(code_nb, text, actor, recipient):
    ev = code_nb(text)
    assert any((a.code or "").startswith(actor) for e in ev for a in e.actor), [(e.event, e.actor) for e in ev]
    if recipient is not None:
        assert any((r.code or "").startswith(recipient) for e in ev for r in e.recipient)


@pytest.mark.parametrize("form,country", [
    ("thailandske", "THA"), ("kenyanere", "KEN"), ("spanjolene", "ESP"), ("finnene", "FIN"),
    ("argentinerne", "ARG"), ("Lima", "PER"), ("Bangkok", "THA"),
])
def test_bokmal_country_forms_in_the_knowledge_base(form, country):
    import yaml

    from konflikt.actors.kb import DATA_DIR
    ents = {e["id"]: e for e in yaml.safe_load((DATA_DIR / "countries.yaml").read_text(encoding="utf-8"))["entities"]}
    e = ents[country]
    forms = [*e.get("adjectives", {}).get("nb", []), *e.get("demonyms", {}).get("nb", []),
             *[m if isinstance(m, str) else m["name"] for m in e.get("metonyms", {}).get("nb", [])]]
    assert form in forms
