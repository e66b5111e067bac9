"""konflikt.eval.taxonomy sorts each miss and false pair of a scored gold into its class."""

from __future__ import annotations

import pytest

from konflikt.eval.scoring import score
from konflikt.eval.taxonomy import CAUSES, classify, count, count_labels, format_counts, load_labels

S1 = "Armén anföll rebellerna i staden."
S2 = "Rebellerna svarade med att beskjuta flygplatsen."
S3 = "Regeringen fördömde angreppet."
S4 = "Oljepriset steg kraftigt på måndagen."
S5 = "FN kritiserade Frankrike."
TEXT = " ".join([S1, S2, S3, S4, S5])

GOLD = {
    "document": "none.txt",
    "language": "sv",
    "entities": {
        "GOV": {"names": ["Government"], "codes": ["GOV"]},
        "REB": {"names": ["Rebels"], "codes": ["REB"]},
        "UN": {"names": ["United Nations"], "codes": ["UN"]},
        "FRA": {"names": ["France"], "codes": ["FRA"]},
    },
    "events": [
        {"id": "e1", "required": True, "anchor": "Armén anföll", "actor": ["GOV"], "recipient": ["REB"],
         "types": ["ASSAULT"]},
        {"id": "e2", "required": True, "anchor": "svarade med att beskjuta", "actor": ["REB"],
         "recipient": ["GOV"], "types": ["ASSAULT"]},
        {"id": "e3", "required": True, "anchor": "fördömde angreppet", "actor": ["GOV"], "recipient": ["REB"],
         "types": ["ACCUSE"]},
        {"id": "e5", "required": True, "anchor": "FN kritiserade", "actor": ["UN"], "recipient": ["FRA"],
         "types": ["ACCUSE"]},
    ],
    "relations": {"required": [], "camps": []},
}


def _ev(etype, sentence, actor, recipient):
    return {"event": etype, "event_text": sentence,
            "actor": [{"name": actor, "code": actor}] if actor else [],
            "recipient": [{"name": recipient, "code": recipient}] if recipient else []}


def _classes(events):
    cases = classify(score(GOLD, events), TEXT)
    return {c.ref: c.cls for c in cases if c.kind == "miss"}, [c.cls for c in cases if c.kind == "false"]


def test_each_miss_class():
    misses, false = _classes([
        _ev("ASSAULT", S1, "GOV", "REB"),         # e1 found
        _ev("ASSAULT", S3, "GOV", None),          # e3: REB coded only in an earlier sentence; wrong type too
        _ev("ACCUSE", S5, "UN", None),            # e5: recipient missing, never seen before
        _ev("PROTEST", S4, "GOV", None),          # a false event where the gold has none
    ])
    assert misses["e2"] == "no_event"
    assert misses["e3"] == "other_event"
    assert misses["e5"] == "recipient_missing"
    assert sorted(false) == ["near_miss", "near_miss", "no_gold_event"]


def test_recipient_earlier_is_the_cross_sentence_case():
    misses, _ = _classes([_ev("ASSAULT", S1, "GOV", "REB"), _ev("ACCUSE", S3, "GOV", None)])
    assert misses["e3"] == "recipient_earlier"
    misses, _ = _classes([_ev("ACCUSE", S3, "GOV", None)])
    assert misses["e3"] == "recipient_missing"


def test_type_actor_and_extra():
    misses, false = _classes([
        _ev("ASSAULT", S1, "GOV", "REB"), _ev("THREATEN", S1, "REB", "GOV"),
        _ev("THREATEN", S2, "REB", "GOV"), _ev("ACCUSE", S5, "FRA", "FRA"),
    ])
    assert misses["e2"] == "wrong_type"
    assert misses["e5"] == "actor_wrong"
    assert "extra" in false
    counts = count(classify(score(GOLD, [_ev("ASSAULT", S1, "GOV", "REB")]), TEXT))
    assert counts["miss"]["no_event"] == 3 and sum(counts["false"].values()) == 0
    assert "no_event 3" in format_counts(counts)


def test_hand_labels_are_checked(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("labels:\n  e1: [bad_parse, nested_event]\n  e2: trigger_missing\n", encoding="utf-8")
    counts = count_labels(load_labels(good))
    assert counts["bad_parse"] == 1 and counts["trigger_missing"] == 1 and set(counts) == set(CAUSES)
    bad = tmp_path / "bad.yaml"
    bad.write_text("labels:\n  e1: [parser_was_sad]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="parser_was_sad"):
        load_labels(bad)


def test_every_label_file_loads_and_names_gold_events():
    import json
    from pathlib import Path

    files = sorted(Path(__file__).resolve().parents[1].glob("data/*/*.taxonomy.yaml"))
    assert files, "no taxonomy label files"
    for path in files:
        labels = load_labels(path)
        gold = json.loads(path.with_name(path.name.replace(".taxonomy.yaml", ".gold.json")).read_text("utf-8"))
        ids = {e["id"] for e in gold["events"]}
        misses = [k for k in labels if "->" not in k]
        assert misses and set(misses) <= ids, (path, set(misses) - ids)
        assert sum(count_labels(labels).values()) >= len(labels)
