"""The fast path (issue #8): the raw-text trigger gate, and coding with it equals coding without it.

The gate (`konflikt.events.prefilter`) must be a superset of what the parser-based trigger finder finds,
so on every gold set the events with the prefilter on are identical to those with it off.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from konflikt.config import Settings
from konflikt.eval.gsr import evaluate_gsr
from konflikt.eval.runner import evaluate
from konflikt.events.prefilter import TriggerGate, gate_for, gate_words, load_forms, stem, trie_pattern
from konflikt.pipeline import Coder, gated_units
from konflikt.records import Document

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
GOLD = {
    "sv": ROOT / "tests" / "data" / "sv" / "testset.gold.json",
    "en": ROOT / "tests" / "data" / "en" / "testset.gold.json",
    "seed": SHARED / "eval" / "seed.gold.json",
}
GSR = SHARED / "reference" / "plover" / "PLOVER_GSR_CAMEO.txt"


def test_stem_keeps_the_part_regular_inflections_start_with():
    assert stem("attackera", "sv") == "attacker"
    assert stem("möte", "sv") == "möt"
    assert stem("attack", "en") == "attack"
    assert stem("seize", "en") == "seiz"
    assert stem("ge", "sv") == "ge"


def test_trie_pattern_matches_exactly_its_words():
    import re

    pat = re.compile(rf"^(?:{trie_pattern(['attack', 'attackera', 'ban', 'b.d'])})$")
    assert all(pat.match(w) for w in ("attack", "attackera", "ban", "b.d"))
    assert not any(pat.match(w) for w in ("atta", "attacker", "bad", "b"))


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Ryssland attackerade Ukraina i natt."),
    ("sv", "Drönarattackerna fortsatte."),           # compound head inside a word
    ("sv", "Regeringen tog emot delegationen."),     # irregular form of a particle verb, with its particle
    ("en", "Rebels seized the town."),
    ("en", "Troops fought near the border."),        # irregular form from the forms file
    ("en", "They said Israel must withdraw."),
])
def test_gate_lets_trigger_text_through(lang, text):
    assert gate_for(lang).may_hold_event(text)


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Vädret var fint i Göteborg på lördagen."),
    ("sv", "Han tog bilen hem i går."),               # 'ta' is a trigger only with its particle ('ta emot')
    ("en", "The weather was fine in Boston on Saturday."),
    ("en", "She should be home by six."),            # an obligation word without a speech verb
])
def test_gate_stops_text_without_triggers(lang, text):
    assert not gate_for(lang).may_hold_event(text)


def test_conditional_words_need_their_particle():
    gw = gate_words(_lexicon("sv"))
    assert "ta" not in gw.plain and "emot" in gw.conditional["ta"]


def _lexicon(lang):
    from konflikt.events.lexicon import load_lexicon

    return load_lexicon(lang)


def test_gated_units_parse_runs_of_passing_sentences_and_drop_the_tail():
    text = "Aaa bbb. Ccc ddd. Aaa eee.\n\nFff ggg. Aaa hhh.\n\nIii jjj."
    pieces = [(0, 26), (28, 45), (47, 55)]
    units = gated_units(pieces, text, "en", lambda t: t.startswith("Aaa"))
    assert [(text[u.start:u.end], u.parse) for u in units] == [
        ("Aaa bbb.", True), ("Ccc ddd.", False), ("Aaa eee.", True), ("Fff ggg.", False), ("Aaa hhh.", True)]
    assert units[1].sentences == ((9, 17),)
    whole = gated_units(pieces, text, "en", lambda t: True)  # a paragraph that passes whole is one unit
    assert [(u.start, u.end, u.parse) for u in whole] == [(0, 26, True), (28, 45, True), (47, 55, True)]
    assert gated_units(pieces, text, "en", lambda t: False) == []


def test_a_person_named_in_an_unparsed_sentence_is_the_antecedent_of_a_later_pronoun(coders):
    on, off = coders
    text = ("Vladimir Putin var i Sankt Petersburg på tisdagen. Han hotade Ukraina med nya attacker.")
    plan = on.plan(Document(id="p", text=text, source="t", date="2024-03-15", language="sv"))
    assert [u.parse for u in plan.units] == [False, True]  # the first sentence is not parsed
    for coder in (on, off):
        events = coder.code_document(Document(id="p", text=text, source="t", date="2024-03-15", language="sv"))
        threats = [e for e in events if e.event == "THREATEN"]
        assert threats and threats[0].actor[0].name == "Vladimir Putin", [e.model_dump() for e in events]
        assert threats[0].sentence_index == 1


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Det är inte säkert att han kommer att betala."),  # 'inta' -> int-, 'be' -> be-: only their endings
    ("sv", "Mannen hade en del av hotellets internationella intervjuer."),
    ("en", "The bank's army of statisticians sat at the depot's metal den."),
])
def test_short_word_starts_take_only_their_endings(lang, text):
    assert not gate_for(lang).may_hold_event(text)


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Armén intog staden."), ("sv", "De ber om hjälp."), ("sv", "Polisen grep honom."),
    ("sv", "Mötet hölls i Oslo."), ("en", "Rebels denied it."), ("en", "They banned the party."),
    ("en", "Police arrested him."), ("en", "The army met protesters."),
])
def test_short_word_starts_keep_their_inflections(lang, text):
    assert gate_for(lang).may_hold_event(text)


def test_forms_file_is_up_to_date():
    """Re-run scripts/build_prefilter_forms.py after adding triggers when this fails."""
    if not (SHARED / "data" / "ud").exists():
        pytest.skip("../shared/data/ud is not available")
    import importlib.util

    spec = importlib.util.spec_from_file_location("bpf", ROOT / "scripts" / "build_prefilter_forms.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for lang in ("sv", "en"):
        assert mod.irregular_forms(lang) == load_forms(lang), lang


@pytest.fixture(scope="module")
def coders():
    return Coder(Settings(prefilter=True)), Coder(Settings(prefilter=False))


def _both(coders, seen):
    on, off = coders

    def code_fn(text, *, lang, date, doc_id):
        language = None if lang in {None, "auto"} else lang
        doc = Document(id=doc_id, text=text, source="gold", date=date, language=language)
        a = [e.model_dump(mode="json") for e in on.code_document(doc)]
        b = [e.model_dump(mode="json") for e in off.code_document(doc)]
        seen.append((doc_id, a == b))
        return a

    return code_fn


@pytest.mark.parametrize("name", sorted(GOLD))
def test_prefilter_on_equals_off_on_gold_sets(coders, name):
    if not GOLD[name].exists():
        pytest.skip(f"{GOLD[name]} is not available")
    seen: list = []
    evaluate(GOLD[name], _both(coders, seen))
    assert seen and all(same for _d, same in seen), [d for d, same in seen if not same]


def test_prefilter_on_equals_off_on_the_gsr_sentences(coders):
    if not GSR.exists():
        pytest.skip(f"{GSR} is not available")
    seen: list = []
    evaluate_gsr(GSR, _both(coders, seen))
    assert len(seen) > 300 and all(same for _d, same in seen), [d for d, same in seen if not same]


def test_gate_admits_every_sentence_with_a_trigger(coders):
    """The superset property itself, sentence by sentence over the gold documents."""
    from konflikt.eval.runner import gold_documents, load_gold
    from konflikt.events.triggers import _obligation_requests, find_triggers

    on, _off = coders
    checked = 0
    for name in ("sv", "en", "seed"):
        if not GOLD[name].exists():
            continue
        for gd in gold_documents(load_gold(GOLD[name]), GOLD[name]):
            text = gd.path.read_text(encoding="utf-8")
            lang = gd.language if gd.language in {"sv", "en"} else on.language_of(
                Document(id="x", text=text, source="gold"))
            nlp, lex, gate = on.resources(lang).nlp, on.resources(lang).lexicon, gate_for(lang)
            for sent in nlp(text).sents:
                if find_triggers(sent, lex, lang) or _obligation_requests(sent, lex, set()):
                    checked += 1
                    assert gate.may_hold_event(sent.text), sent.text
    assert checked > 50


def test_a_gate_without_forms_misses_irregular_verbs():
    """The forms file matters: without it 'fought' (fight) is not seen (so this suite can fail)."""
    bare = TriggerGate(_lexicon("en"), "en", forms={})
    assert not bare.may_hold_event("Troops fought near the border.")


def test_code_documents_equals_one_at_a_time_and_keeps_order(coders):
    on, _off = coders
    texts = ["Ryssland attackerade Ukraina i natt. Turkiet fördömde attacken.",
             "Vädret var fint.",
             "Israel launched air strikes on Gaza. Egypt condemned the strikes.",
             "Sverige skickade vapen till Ukraina."]
    docs = [Document(id=f"d{i}", text=t, source="t", date="2024-03-15") for i, t in enumerate(texts)]
    docs.append(Document(id="bad", text="Das Wetter ist heute schön und die Sonne scheint.", source="t",
                         language="de"))
    out = list(on.code_documents(docs, batch=2))
    assert [d.id for d, _e, _x in out] == [d.id for d in docs]
    for doc, events, err in out[:-1]:
        assert err is None
        assert [e.model_dump() for e in events] == [e.model_dump() for e in on.code_document(doc)]
    assert out[-1][1] is None and out[-1][2] is not None
    assert any(events for _d, events, _x in out[:-1])


def test_an_unknown_person_named_in_an_unparsed_sentence_is_still_found(coders):
    text = "Gunnar Ekdahl var i Malmö på tisdagen. Han hotade Ukraina med nya attacker."
    for coder in coders:
        events = coder.code_document(Document(id="u", text=text, source="t", date="2024-03-15", language="sv"))
        assert [(e.event, e.actor[0].name) for e in events] == [("THREATEN", "Gunnar Ekdahl")]


def test_the_ner_runs_only_on_unparsed_units_that_can_name_someone(coders):
    from konflikt.pipeline import _names_only

    nlp = coders[0].resources("sv").nlp
    docs = _names_only(nlp, ["Det blev kallt i går.", "Gunnar Ekdahl frös i går."])
    assert not docs[0].has_annotation("ENT_IOB")
    assert docs[1].has_annotation("ENT_IOB")
    assert [e.text for e in docs[1].ents if e.label_ == "PER"] == ["Gunnar Ekdahl"]


def test_parsed_texts_that_cannot_name_anyone_skip_the_ner_and_keep_their_order(coders):
    from konflikt.pipeline import _parse

    nlp = coders[0].resources("sv").nlp
    texts = ["Han hotade grannen i går.", "Gunnar Ekdahl hotade grannen i går.", "Det blev kallt i natt."]
    docs = _parse(nlp, texts)
    assert [d.text for d in docs] == texts
    assert all(d.has_annotation("DEP") for d in docs)  # every text is parsed
    assert [d.has_annotation("ENT_IOB") for d in docs] == [False, True, False]
    assert [e.text for e in docs[1].ents if e.label_ == "PER"] == ["Gunnar Ekdahl"]


SV_GOLD = [SHARED / "eval" / "seed.gold.json"] + sorted((ROOT / "tests" / "data" / "sv").glob("*.gold.json"))
SV_NEWS = SHARED / "data" / "ner" / "sv" / "test_corpus.txt"


def _web_news_articles(n: int, per: int = 20) -> list[str]:
    """Articles of `per` consecutive sentences of the Swedish 2012 web-news NER corpus (token per line)."""
    sents, toks = [], []
    for line in SV_NEWS.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            toks.append(parts[0])
        elif toks:
            sents.append(" ".join(toks).replace(" ,", ",").replace(" .", "."))
            toks = []
    return [" ".join(sents[i: i + per]) for i in range(0, min(len(sents), n * per), per)]


def test_the_ner_gate_changes_no_event(coders, monkeypatch):
    """Running the NER only where a name can be (`may_name`) gives the events of running it everywhere: on
    the Swedish gold sets and on 60 articles of Swedish web news, where it skips many texts."""
    import konflikt.pipeline as pipeline

    on = coders[0]
    real = pipeline.may_name
    skipped = []

    def counting(text, lang, people_only=False):
        ok = real(text, lang, people_only=people_only)
        skipped.append(not ok)
        return ok

    def run(texts: list[tuple[str, str | None]]) -> list[list]:
        return [[e.model_dump(mode="json") for e in on.code_document(
            Document(id=f"d{i}", text=t, source="t", date=d or "2012-06-15", language="sv"))]
            for i, (t, d) in enumerate(texts)]

    texts: list[tuple[str, str | None]] = []

    def collect(text, *, lang, date, doc_id):
        texts.append((text, date))
        return []

    for path in SV_GOLD:
        if path.exists():
            evaluate(path, collect)
    if SV_NEWS.exists():
        texts += [(t, None) for t in _web_news_articles(60)]
    assert len(texts) >= 60
    monkeypatch.setattr(pipeline, "may_name", counting)
    gated = run(texts)
    monkeypatch.setattr(pipeline, "may_name", lambda text, lang, people_only=False: True)
    everywhere = run(texts)
    assert sum(skipped) > 50, "the gate skipped (almost) nothing: the comparison would prove nothing"
    assert sum(map(len, gated)) > 20 and gated == everywhere
