"""The learned scorer (konflikt.events.scorer, train_scorer) and the rules' generous proposals
(konflikt.events.coder.propose, extract(generous=True)). Sentences and data written for these tests."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from konflikt.config import Settings
from konflikt.events import scorer as sc
from konflikt.events import train_scorer as ts
from konflikt.records import Document


@pytest.fixture(scope="module")
def proposer():
    from konflikt.pipeline import Coder

    coder = Coder(Settings(scorer="propose"))
    got: list = []
    coder.proposal_sink = lambda props, feats: got.extend(zip(props, feats, strict=True))

    def run(text: str, lang: str = "en"):
        got.clear()
        events = coder.code_document(Document(id="t", text=text, source="test", language=lang, date="2024-03-01"))
        return events, list(got)

    return run


def _summary(events):
    return [(e.event, [a.name for a in e.actor], [a.name for a in e.recipient]) for e in events]


@pytest.mark.parametrize("lang,text,reason", [
    ("en", "The peace talks were held in a hotel by the lake.", "no-actor"),
    ("en", "The minister met with the farmers.", "consult-alone"),
    ("sv", "Fredssamtalen hölls på ett hotell vid sjön.", "no-actor"),
])
def test_generous_mode_keeps_what_the_rules_drop_with_the_reason(coder, proposer, lang, text, reason):
    default = coder.code_document(Document(id="t", text=text, source="test", language=lang, date="2024-03-01"))
    events, props = proposer(text, lang)
    assert reason in [p.dropped for p, _f in props], [(p.event.event, p.dropped) for p, _f in props]
    kept = [p.event for p, _f in props if p.dropped is None]
    assert _summary(kept) == _summary(default)  # the rules' choice is the undropped proposals
    assert len(events) == len(props) > len(default)


def test_default_settings_code_only_what_the_rules_keep(coder, proposer):
    text = "Norway condemned the drone attack on the port. The minister met with the farmers."
    default = coder.code_document(Document(id="t", text=text, source="test", language="en", date="2024-03-01"))
    _events, props = proposer(text)
    assert any(p.dropped for p, _f in props)
    assert _summary(default) == _summary([p.event for p, _f in props if p.dropped is None])


def test_features_say_how_the_arguments_were_found(proposer):
    _events, props = proposer("Norway attacked Sweden.")
    (p, f), = [(p, f) for p, f in props if p.event.event == "ASSAULT" and p.dropped is None]
    assert f["type=ASSAULT"] == 1 and f["lang=en"] == 1 and f["kept"] == 1.0 and f["dropped=kept"] == 1
    assert f["actor:dep=nsubj"] == 1 and f["actor:rel=child"] == 1 and f["actor:side=left"] == 1
    assert f["recip:dep=obj"] == 1 and f["recip:side=right"] == 1 and f["actor:kind=country"] == 1
    assert f["same_country"] == 0.0 and f["negated"] == 0.0
    assert 0 < f["rule_conf"] <= 1


def test_features_of_a_negated_passive(proposer):
    _events, props = proposer("Sweden was not attacked by Norway.")
    (f,) = [f for p, f in props if p.event.event == "ASSAULT" and p.dropped is None]
    assert f["negated"] == 1.0 and f["mod=negation"] == 1
    assert f["actor:case=by"] == 1 and f["actor:side=right"] == 1


# ---- the model file -----------------------------------------------------------------------------------

def test_the_shipped_model_loads_and_is_calibrated_data():
    model = sc.load_model()
    assert "bias" in model.weights and 0 <= model.threshold <= 1 and 0 <= model.threshold_kept <= 1
    assert model.meta["trained_on"] and not any(
        name.endswith(("sv/heldout7", "en/heldout6", "nb/heldout5")) for name in model.meta["trained_on"])
    assert set(model.by_language) == {"en", "nb", "sv"}  # thresholds chosen per language


@pytest.mark.parametrize("content,needle", [
    (None, "missing"),
    ("{not json", "not valid JSON"),
    ('{"schema": "other", "version": 1}', "schema"),
    ('{"schema": "konflikt.scorer", "version": 99}', "version"),
    ('{"schema": "konflikt.scorer", "version": 1, "threshold": 2, "threshold_kept": 0, "weights": {"bias": 0}}',
     "threshold"),
    ('{"schema": "konflikt.scorer", "version": 1, "threshold": 0.5, "threshold_kept": 0, "weights": {"x": 1}}',
     "bias"),
    ('{"schema": "konflikt.scorer", "version": 1, "threshold": 0.5, "threshold_kept": 0, '
     '"weights": {"bias": "a"}}', "bias"),
])
def test_a_missing_or_corrupt_model_is_one_line_error_at_start(tmp_path, content, needle):
    from konflikt.pipeline import Coder

    path = tmp_path / "model.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(sc.ScorerModelError) as info:
        Coder(Settings(scorer="on", scorer_model=path))  # before any document is read
    msg = str(info.value)
    assert needle in msg and str(path) in msg and "\n" not in msg


def test_the_command_refuses_a_corrupt_model_in_one_line(tmp_path, monkeypatch):
    from konflikt.cli import app

    bad = tmp_path / "model.json"
    bad.write_text("[1, 2", encoding="utf-8")
    monkeypatch.setattr(sc, "MODEL_PATH", bad)
    doc = tmp_path / "a.txt"
    doc.write_text("Norway attacked Sweden.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(doc), "--lang", "en", "--scorer", "on"])
    assert result.exit_code == 2
    assert "not valid JSON" in result.output and "Traceback" not in result.output
    assert '"event"' not in result.output  # nothing was coded


def test_scorer_on_sets_the_confidence_from_the_model(tmp_path):
    from konflikt.pipeline import Coder

    model = sc.ScorerModel({"bias": -5.0, "type=ASSAULT": 7.0}, 0.5, 0.5, {})
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    coder = Coder(Settings(scorer="on", scorer_model=path))
    events = coder.code_document(Document(id="t", text="Norway attacked Sweden. Norway condemned Sweden.",
                                          source="test", language="en", date="2024-03-01"))
    assert [e.event for e in events] == ["ASSAULT"]  # ACCUSE: p = 0.007 < 0.5
    assert events[0].confidence == round(1 / (1 + 2.718281828459045 ** -2.0), 3)


def test_select_takes_the_best_alternative_of_a_candidate_above_its_threshold():
    groups, keys = ["a", "a", "b", "c", "c"], [1, 2, 3, 4, 4]
    assert sc.select(groups, keys, [0.6, 0.8, 0.4, 0.9, 0.7], [0.5, 0.9, 0.5, 0.5, 0.5]) == [0, 3]
    assert sc.select(["a", "b"], ["k", "k"], [0.9, 0.9], [0.5, 0.5]) == [0]  # the same event once


# ---- training -----------------------------------------------------------------------------------------

def _synthetic_set() -> ts.GoldSet:
    """Ten sentences, each with a right proposal the rules keep and a wrong one they drop."""
    gold = {"entities": {"A": {"names": ["Aland"]}, "B": {"names": ["Bland"]}}, "events": []}
    samples = []
    for i in range(10):
        text = f"Aland attacked Bland on day {i}."
        gold["events"].append({"id": f"e{i + 1}", "required": True, "anchor": f"day {i}.", "actor": ["A"],
                               "recipient": ["B"], "types": ["ASSAULT"]})
        for n, (etype, dropped, lab) in enumerate((("ASSAULT", None, 1.0), ("AID", "absorbed", 0.0))):
            ev = {"event": etype, "event_text": text, "actor": [{"name": "Aland"}], "recipient": [{"name": "Bland"}],
                  "negated": False, "confidence": 0.8}
            feats = {"bias": 1.0, f"type={etype}": 1.0, f"dropped={dropped or 'kept'}": 1.0,
                     "kept": float(dropped is None)}
            samples.append(ts.Sample("syn", f"syn/{i}", f"syn/{i}|0|{n}", (etype,), feats, dropped, ev, lab))
    gs = ts.GoldSet("syn", gold=gold)
    gs.samples = samples
    return gs


def test_training_on_a_tiny_synthetic_set_is_reproducible():
    m1, cv1 = ts.train([_synthetic_set()], k=2)
    m2, cv2 = ts.train([_synthetic_set()], k=2)
    assert json.dumps(m1.to_json()) == json.dumps(m2.to_json()) and cv1 == cv2
    assert m1.weights["type=ASSAULT"] > m1.weights["type=AID"]
    assert cv1["sets"]["syn"]["scorer_cv"]["f1"] == 1.0
    assert sc.parse_model(json.loads(json.dumps(m1.to_json()))).weights == m1.weights


def test_training_refuses_a_blind_set(coder):
    with pytest.raises(SystemExit, match="blind"):
        ts.collect_gold(coder, ts.ROOT / "tests/data/sv/heldout7.gold.json")


# ---- alternative arguments, per-language thresholds, the per-language default ----------------------------

def test_generous_proposals_offer_the_other_actors_of_the_sentence_as_arguments(proposer):
    _events, props = proposer("Chad condemned Niger after talks with Libya.")
    accuse = [p for p, _f in props if p.event.event == "ACCUSE"]
    whys = {p.dropped for p in accuse}
    assert None in whys and {"alt-recipient", "alt-actor", "alt-no-recipient"} <= whys
    pairs = {(tuple(a.name for a in p.event.actor), tuple(a.name for a in p.event.recipient)) for p in accuse}
    assert (("Chad",), ("Libya",)) in pairs  # another recipient
    assert (("Chad",), ()) in pairs  # none at all
    assert any(p.event.actor and p.event.actor[0].name != "Chad" for p in accuse)  # another actor


def test_an_alternative_is_described_by_its_own_argument(proposer):
    _events, props = proposer("Chad condemned Niger after talks with Libya.")
    feats = {(p.dropped, tuple(a.name for a in p.event.recipient)): f for p, f in props if p.event.event == "ACCUSE"}
    assert feats[(None, ("Niger",))]["recip:dep=obj"] == 1
    assert feats[("alt-recipient", ("Libya",))].get("recip:dep=obj") is None
    assert feats[("alt-no-recipient", ())]["recip=none"] == 1
    assert feats[("alt-recipient", ("Libya",))]["en|dropped=alt-recipient"] == 1  # crossed with the language


def test_thresholds_per_language_round_trip_and_are_checked(tmp_path):
    model = sc.ScorerModel({"bias": 0.0}, 0.5, 0.2, {}, {"en": (0.4, 0.1), "sv": (0.9, 0.0)})
    back = sc.parse_model(json.loads(json.dumps(model.to_json())))
    assert back.thresholds("en") == (0.4, 0.1) and back.thresholds("sv") == (0.9, 0.0)
    assert back.thresholds("nb") == (0.5, 0.2)  # a language not listed: the top-level ones
    bad = model.to_json()
    bad["by_language"]["en"]["threshold"] = 3
    with pytest.raises(sc.ScorerModelError, match="by_language"):
        sc.parse_model(bad)


def test_auto_uses_the_scorer_where_the_registry_says_so():
    from konflikt.language.registry import registry
    from konflikt.pipeline import Coder

    auto = Coder(Settings())
    assert Settings().scorer == "auto"
    assert {lg.code: auto.uses_scorer(lg.code) for lg in registry().languages} == {
        lg.code: lg.scorer for lg in registry().languages}
    assert auto.uses_scorer("en") and auto.uses_scorer("nb") and not auto.uses_scorer("sv")
    assert not Coder(Settings(scorer="off")).uses_scorer("en") and Coder(Settings(scorer="on")).uses_scorer("sv")


def test_auto_with_a_corrupt_model_is_one_line_error_at_start(tmp_path):
    from konflikt.pipeline import Coder

    path = tmp_path / "model.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(sc.ScorerModelError) as info:
        Coder(Settings(scorer_model=path))  # the default, 'auto', loads the model for English
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_scorer_auto_codes_english_by_the_model_and_swedish_by_the_rules(tmp_path):
    from konflikt.pipeline import Coder

    model = sc.ScorerModel({"bias": -5.0}, 0.5, 0.5, {})  # vetoes everything
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    coder = Coder(Settings(scorer_model=path))
    en = coder.code_document(Document(id="e", text="Norway attacked Sweden.", source="t", language="en",
                                      date="2024-03-01"))
    sv = coder.code_document(Document(id="s", text="Norge angrep Sverige.", source="t", language="sv",
                                      date="2024-03-01"))
    assert en == [] and [e.event for e in sv] == ["ASSAULT"]


def test_only_the_chosen_proposals_become_records(proposer):
    """The scorer weighs a proposal by its fields; its event record is built only if it is coded."""
    from dataclasses import replace

    _events, props = proposer("Russia accused Ukraine of shelling the town, and the European Union condemned "
                              "the attack on the plant.")
    assert len(props) > 3
    built: list[int] = []

    def counting(p, n):
        def build():
            built.append(n)
            return p.build()
        return build

    fresh = [replace(p, build=counting(p, n), _event=None) for n, (p, _f) in enumerate(props)]
    model = sc.load_model()
    chosen = sc.choose(fresh, model, doc_id="t", sent_index=0)
    assert 0 < len(chosen) < len(fresh)
    assert len(built) == len(chosen)  # the others were never built
    feats = sc.sentence_features(fresh)
    assert [f for _p, f in props] == feats  # the same features as from proposals whose records exist
    with pytest.raises(ValueError):
        _ = replace(fresh[0], build=None, _event=None).event
