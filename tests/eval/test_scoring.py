"""konflikt.eval.scoring agrees with the reference scorer shared/eval/score_events.py.

Each case writes a synthetic events file, runs the reference scorer on it in a subprocess with
--json, and compares every number and list with our own report.  Skipped when shared/ is absent.
"""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from konflikt.eval.runner import evaluate, score_files
from konflikt.eval.scoring import fold, format_report, score

ROOT = Path(__file__).resolve().parents[2]
SHARED_CANDIDATES = [ROOT.parent / "shared", Path("/work/shared")]
SHARED = next((p for p in SHARED_CANDIDATES if (p / "eval" / "score_events.py").exists()), None)
needs_shared = pytest.mark.skipif(SHARED is None, reason="shared/ (reference scorer) not available")

REFERENCE_KEYS = (
    "required_found", "required", "missed", "coded_dyads", "matched_dyads", "precision", "recall",
    "relations_found", "relations_required", "wrong_relations", "unmatched",
)


def _seed_gold() -> dict:
    return json.loads((SHARED / "eval" / "seed.gold.json").read_text(encoding="utf-8"))


# A small gold of our own with what the seed lacks: negated gold events, null actors, three camps.
SYNTH_GOLD = {
    "about": "synthetic gold for scorer agreement tests",
    "document": "none.txt",
    "language": "sv",
    "publication_date": "2024-03-15",
    "entities": {
        "RUS": {"names": ["Russia", "Vladimir Putin", "Kremlin"], "code_prefix": "RUS"},
        "UKR": {"names": ["Ukraine", "Volodymyr Zelenskyy"], "code_prefix": "UKR"},
        "USA": {"names": ["United States", "Joe Biden"], "code_prefix": "USA"},
        "SWE": {"names": ["Sweden", "Ulf Kristersson"], "codes": ["SWE", "SWEGOV"]},
        "NATO": {"names": ["NATO"], "codes": ["IGONAT"]},
        "HUN": {"names": ["Hungary", "Viktor Orbán"], "code_prefix": "HUN"},
    },
    "events": [
        {"id": "e1", "required": True, "anchor": "Ryssland anföll Charkiv",
         "actor": ["RUS"], "recipient": ["UKR", None], "types": ["ASSAULT"]},
        {"id": "e2", "required": True, "anchor": "USA har inte skickat",
         "actor": ["USA"], "recipient": ["UKR"], "types": ["AID", "COOPERATE"], "negated": True},
        {"id": "e3", "required": True, "anchor": "Sverige blev medlem",
         "actor": ["SWE"], "recipient": ["NATO"], "types": ["COOPERATE", "AGREE", "SUPPORT"]},
        {"id": "e4", "required": True, "anchor": "Ungern godkände",
         "actor": ["HUN"], "recipient": ["SWE"], "types": ["SUPPORT", "AGREE"]},
        {"id": "e10", "required": True, "anchor": "En drönare slog ned",
         "actor": [None, "RUS"], "recipient": ["UKR", None], "types": ["ASSAULT"]},
        {"id": "e11", "required": False, "anchor": "Kreml kritiserade",
         "actor": ["RUS"], "recipient": ["NATO", "SWE"], "types": ["ACCUSE"]},
        {"id": "e12", "required": True, "anchor": "Zelenskyj tackade",
         "actor": ["UKR"], "recipient": ["USA", "SWE"], "types": ["SUPPORT"]},
    ],
    "relations": {
        "required": [
            {"actor": "RUS", "recipient": "UKR", "kind": "conflictual"},
            {"actor": "SWE", "recipient": "NATO", "kind": "cooperative"},
            {"actor": "HUN", "recipient": "SWE", "kind": "cooperative"},
            {"actor": "UKR", "recipient": "USA", "kind": "cooperative"},
        ],
        "camps": [["UKR", "USA", "SWE", "NATO", "HUN"], ["RUS"]],
        "exempt": [["HUN", "RUS"], ["RUS", "HUN"]],
    },
}

S1 = "Ryssland anföll Charkiv under natten med robotar."
S2 = "USA har inte skickat några nya vapen till Ukraina sedan december."
S3 = "Sverige blev medlem i Nato i mars."
S4 = "Ungern godkände till slut Sveriges ansökan."
S10 = "En drönare slog ned i Odessa."
S11 = "Kreml kritiserade Natos utvidgning och Sverige."
S12 = "Zelenskyj tackade USA och Sverige för stödet."


def _a(name=None, code=None, key="name"):
    out = {}
    if name is not None:
        out[key] = name
    if code is not None:
        out["code"] = code
    return out


def _ev(etype, sentence, actor, recipient, *, sentence_key="event_text", **extra):
    ev = {"event": etype, sentence_key: sentence, "actor": actor, "recipient": recipient}
    ev.update(extra)
    return ev


def _seed_sentence(anchor: str) -> str:
    text = (SHARED / "seed" / "000_55b182ca055ce355.txt").read_text(encoding="utf-8")
    for sentence in text.replace("\n", " ").split(". "):
        if anchor in sentence:
            return sentence + "."
    return anchor


NAME_OF = {
    "LNA": "Khalifa Haftar", "GNA": "Government of National Accord", "RUS": "Russia",
    "TUR": "Turkey", "ARE": "United Arab Emirates", "EGY": "Egypt", "UN": "United Nations",
    "EU": "European Union", "SYR": "Syria", "IS": "Islamic State", "GADDAFI": "Muammar Gaddafi",
}


def _perfect_seed_events(gold: dict) -> list[dict]:
    events = []
    for g in gold["events"]:
        if not g["required"]:
            continue
        actor = g["actor"][0]
        recipient = g["recipient"][0]
        events.append(
            _ev(
                g["types"][0],
                _seed_sentence(g["anchor"]),
                [_a(NAME_OF[actor])] if actor else [],
                [_a(NAME_OF[recipient])] if recipient else [],
            )
        )
    return events


def _run_reference(gold: dict, events: list[dict], tmp_path: Path) -> dict:
    gold_file = tmp_path / "gold.json"
    events_file = tmp_path / "events.jsonl"
    gold_file.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    events_file.write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), encoding="utf-8"
    )
    proc = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score_events.py"), str(gold_file), str(events_file),
         "--json"],
        capture_output=True, text=True, encoding="utf-8", check=True,
    )
    return json.loads(proc.stdout)


def _assert_agrees(gold: dict, events: list[dict], tmp_path: Path) -> dict:
    reference = _run_reference(gold, events, tmp_path)
    ours = score(copy.deepcopy(gold), copy.deepcopy(events)).to_dict()
    for key in REFERENCE_KEYS:
        assert ours[key] == reference[key], f"{key}: ours {ours[key]!r} != reference {reference[key]!r}"
    # the file-based entry point gives the same numbers
    from_file = score_files(tmp_path / "gold.json", tmp_path / "events.jsonl").to_dict()
    for key in REFERENCE_KEYS:
        assert from_file[key] == reference[key]
    return ours


# ------------------------------------------------------------------------------------ seed gold
@needs_shared
def test_perfect_run_on_seed(tmp_path):
    gold = _seed_gold()
    ours = _assert_agrees(gold, _perfect_seed_events(gold), tmp_path)
    assert ours["recall"] == 1.0 and ours["precision"] == 1.0 and ours["missed"] == []
    assert ours["f1"] == 1.0
    assert ours["relations_found"] == ours["relations_required"]
    assert all(r["status"] == "found" for r in ours["per_event"] if r["required"])


@needs_shared
def test_empty_run(tmp_path):
    gold = _seed_gold()
    ours = _assert_agrees(gold, [], tmp_path)
    assert ours["coded_dyads"] == 0 and ours["precision"] == 0.0 and ours["f1"] == 0.0
    assert len(ours["missed"]) == ours["required"]
    for r in ours["per_event"]:
        if r["required"]:
            assert r["status"] == "missed" and r["closest"] == []


@needs_shared
def test_wrong_types(tmp_path):
    gold = _seed_gold()
    events = _perfect_seed_events(gold)
    for i, ev in enumerate(events):
        if i % 2 == 0:
            ev["event"] = "PROTEST"  # accepted nowhere in the seed
        elif i % 3 == 0:
            ev["event"] = ev["event"].lower()  # lower case is accepted (upper-cased)
    ours = _assert_agrees(gold, events, tmp_path)
    assert 0 < ours["recall"] < 1
    missed = {r["id"]: r for r in ours["per_event"] if r["status"] == "missed"}
    assert missed
    for r in missed.values():
        assert any("type" in c["wrong"] for c in r["closest"])


@needs_shared
def test_negated_events(tmp_path):
    gold = _seed_gold()
    events = _perfect_seed_events(gold)
    for i, ev in enumerate(events):
        if i % 3 == 0:
            ev["negated"] = True
        elif i % 3 == 1:
            ev["modality"] = ["negation", "reported"]
    _assert_agrees(gold, events, tmp_path)


@needs_shared
def test_null_recipients_and_field_variants(tmp_path):
    gold = _seed_gold()
    s6 = _seed_sentence("Haftar hade lanserat en offensiv mot Tripoli")
    s5 = _seed_sentence("Moammar Gaddafi avsattes")
    events = [
        _ev("ASSAULT", s6, [_a("Haftar")], []),  # e6 accepts a null recipient
        _ev("ASSAULT", s6, [_a("Haftar")], None),
        {"event": "MOBILIZE", "sentence": s6, "actor": {"name": "LNA"}},  # one actor object, no recipient
        {"event_type": "ASSAULT", "text": s6, "source": [_a(code="LBYGOV")], "target": []},
        _ev("COERCE", s5, [], [_a("Muammar Gaddafi")]),  # o5: null actor, optional
        _ev("COERCE", s5, None, [_a("Muammar Gaddafi")]),
        _ev("ASSAULT", s6, [_a("Khalifa Haftar"), _a("Russia")], [_a("GNA"), None],
            sentence_key="sentence_text"),
        {"event": "ASSAULT", "actor": [_a("Haftar")], "recipient": []},  # no sentence at all
    ]
    ours = _assert_agrees(gold, events, tmp_path)
    assert "e6" not in ours["missed"]


@needs_shared
def test_unknown_actors_codes_and_folding(tmp_path):
    gold = _seed_gold()
    s1 = _seed_sentence("ryssarnas militära stöd")
    s10 = _seed_sentence("Turkiet har alltid stött denna regering")
    events = [
        _ev("AID", s1, [_a(code="RUSMIL")], [_a("haftar")]),  # code_prefix, case folding
        _ev("AID", s1, [_a("Moskva")], [_a("Khalifa Haftar")]),  # unknown name
        _ev("SUPPORT", s10, [_a("TÜRKIYE")], [_a(code="lbygov")]),  # accents + lower-case code
        _ev("SUPPORT", s10, [_a("Recep Tayyip Erdoğan", key="entity_name")],
            [_a("Fayez al-Serraj", key="label")]),
        _ev("SUPPORT", s10, [_a(code="XYZ")], [_a()]),  # unknown code; empty actor dict -> None
        _ev("SUPPORT", s10, ["Turkey"], ["GNA"]),  # bare strings inside lists
        _ev("AID", s1, [_a("Wagner Group", code="TURMIL")], [_a("LNA")]),  # name wins over code
        _ev("AID", s1, [_a(code="IGOUNO")], [_a(code="?")]),
    ]
    ours = _assert_agrees(gold, events, tmp_path)
    assert any(u.startswith("?moskva->LNA") for u in ours["unmatched"])


@needs_shared
def test_camp_violations_and_exempt_pairs(tmp_path):
    gold = _seed_gold()
    s = "En mening utan ankare."
    events = [
        _ev("AID", s, [_a("Haftar")], [_a("GNA")]),  # cooperative across camps: wrong
        _ev("ASSAULT", s, [_a("Russia")], [_a("Haftar")]),  # conflictual inside a camp: wrong
        _ev("ASSAULT", s, [_a("Russia")], [_a("Turkey")]),  # exempt
        _ev("AGREE", s, [_a("Turkey")], [_a("Russia")]),  # exempt
        _ev("ASSAULT", s, [_a("Egypt")], [_a("United Arab Emirates")]),  # tie with the next: cooperative
        _ev("CONSULT", s, [_a("Egypt")], [_a("United Arab Emirates")]),
        _ev("ASSAULT", s, [_a("Turkey")], [_a("GNA")]),
        _ev("ASSAULT", s, [_a("Turkey")], [_a("GNA")], negated=True),  # negated: no vote
        _ev("NONSENSE", s, [_a("Turkey")], [_a("Turkey")]),  # unknown type counts as conflictual
        _ev("AID", s, [_a("Syria")], [_a("Islamic State")]),  # outside the camps
        _ev("AID", s, [_a("Moskva")], [_a("GNA")]),  # unknown group: no relation
    ]
    ours = _assert_agrees(gold, events, tmp_path)
    assert "LNA->GNA cooperative" in ours["wrong_relations"]
    assert "RUS->LNA conflictual" in ours["wrong_relations"]
    assert not any(w.startswith(("RUS->TUR", "TUR->RUS")) for w in ours["wrong_relations"])


@needs_shared
@pytest.mark.parametrize("seed", range(6))
def test_random_runs_on_seed(tmp_path, seed):
    gold = _seed_gold()
    rng = random.Random(seed)
    sentences = [_seed_sentence(g["anchor"]) for g in gold["events"]] + ["Vädret var fint."]
    names = list(NAME_OF.values()) + ["Moskva", "LNA", "Erdogan"]
    codes = ["RUSGOV", "TURMIL", "LBYGOV", "IGOUNO", "EGY", "QQQ"]
    types = ["AID", "SUPPORT", "ASSAULT", "COERCE", "AGREE", "THREATEN", "CONSULT", "REJECT"]

    def actor():
        roll = rng.random()
        if roll < 0.6:
            return _a(rng.choice(names))
        if roll < 0.9:
            return _a(code=rng.choice(codes))
        return None

    events = []
    for _ in range(rng.randint(5, 40)):
        events.append(
            _ev(
                rng.choice(types),
                rng.choice(sentences),
                [actor() for _ in range(rng.randint(0, 2))],
                [actor() for _ in range(rng.randint(0, 2))],
                negated=rng.random() < 0.15,
            )
        )
    _assert_agrees(gold, events, tmp_path)


# ------------------------------------------------------------------------------- synthetic gold
def _synth_perfect() -> list[dict]:
    return [
        _ev("ASSAULT", S1, [_a("Russia")], [_a("Ukraine")]),
        _ev("AID", S2, [_a("United States")], [_a("Ukraine")], negated=True),
        _ev("COOPERATE", S3, [_a("Sweden")], [_a("NATO")]),
        _ev("SUPPORT", S4, [_a("Viktor Orbán")], [_a("Sweden")]),
        _ev("ASSAULT", S10, [], [_a("Ukraine")]),
        _ev("SUPPORT", S12, [_a("Volodymyr Zelenskyy")], [_a("United States"), _a("Sweden")]),
    ]


@needs_shared
def test_synthetic_gold_perfect(tmp_path):
    ours = _assert_agrees(SYNTH_GOLD, _synth_perfect(), tmp_path)
    assert ours["recall"] == 1.0 and ours["precision"] == 1.0
    assert ours["relations_found"] == 4 and ours["wrong_relations"] == []


@needs_shared
def test_synthetic_gold_negation_must_agree(tmp_path):
    events = _synth_perfect()
    events[1]["negated"] = False  # gold says negated: this no longer matches e2
    events[0]["modality"] = ["negation"]  # gold says affirmative: no longer matches e1
    events.append(_ev("ACCUSE", S11, [_a("Kremlin")], [_a("NATO"), _a("Sweden")]))  # optional e11
    events.append(_ev("ASSAULT", S1, [_a(code="UKRMIL")], [_a("Russia")]))
    events.append(_ev("AID", S4, [_a("Hungary")], [_a("Russia")]))  # exempt pair
    events.append(_ev("REQUEST", S4, [_a("Sweden")], [_a("NATO")]))
    events.append(_ev("ASSAULT", S3, [_a("Sweden")], [_a("NATO")]))  # SWE->NATO now conflictual
    ours = _assert_agrees(SYNTH_GOLD, events, tmp_path)
    assert ours["missed"] == ["e1", "e2"]
    by_id = {r["id"]: r for r in ours["per_event"]}
    assert by_id["e11"]["status"] == "found" and not by_id["e11"]["required"]
    assert by_id["e1"]["closest"][0]["wrong"] == ["negation"]


@needs_shared
def test_synthetic_gold_empty_and_unknown(tmp_path):
    _assert_agrees(SYNTH_GOLD, [], tmp_path)
    events = [
        _ev("ASSAULT", S10, [_a("Okänd grupp")], [_a("Ukraine")]),
        _ev("ASSAULT", S10, [_a(code="RUSMIL")], [None]),
        _ev("ASSAULT", S10, [_a(code="RUSMIL")], [_a("Ukraine")], negated=True),
    ]
    _assert_agrees(SYNTH_GOLD, events, tmp_path)


# ------------------------------------------------------------------------------- own additions
def test_fold():
    assert fold("  Recep Tayyip ERDOĞAN ") == "recep tayyip erdogan"
    assert fold(None) == ""


def test_f1_and_format_report():
    report = score(SYNTH_GOLD, _synth_perfect()[:3] + [_ev("AID", "Inget ankare här.", [_a("Sweden")], [])])
    p, r = report.precision, report.recall
    assert report.f1 == round(2 * (3 / 4) * (3 / 6) / (3 / 4 + 3 / 6), 3)
    assert p == 0.75 and r == 0.5
    text = format_report(report)
    last = text.splitlines()[-1]
    assert last == (
        f"recall 0.5 (3/6), precision 0.75 (3/4), relations {report.relations_found}/4, "
        f"wrong relations {len(report.wrong_relations)}, F1 {report.f1}"
    )
    assert "missed e4" in text and "nothing coded in that sentence" in text
    assert "unmatched: SWE->None AID" in text


def test_pydantic_like_events_are_accepted():
    class Fake:
        def model_dump(self, mode="python"):
            return _ev("ASSAULT", S1, [_a("Russia")], [_a("Ukraine")])

    report = score(SYNTH_GOLD, [Fake()])
    assert report.required_found == 1


def test_evaluate_with_a_fake_coder(tmp_path):
    doc = tmp_path / "docs" / "d.txt"
    doc.parent.mkdir()
    doc.write_text(f"{S1}\n\n{S3}\n\n{S4}\n", encoding="utf-8")
    gold = dict(SYNTH_GOLD, document="docs/d.txt")
    (tmp_path / "golds").mkdir()
    gold_path = tmp_path / "golds" / "g.gold.json"  # document is relative to the gold's parent dir
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    calls = []

    def coder(text, *, lang, date, doc_id):
        calls.append((lang, date, doc_id, text))
        out = []
        if "anföll" in text:
            out.append(_ev("ASSAULT", S1, [_a("Russia")], [_a("Ukraine")]))
        if "blev medlem" in text:
            out.append(_ev("COOPERATE", S3, [_a("Sweden")], [_a("NATO")]))
        return out

    report = evaluate(gold_path, coder)
    assert len(calls) == 1 and calls[0][:3] == ("sv", "2024-03-15", "d")
    assert report.required_found == 2

    # one call per paragraph
    gold_path.write_text(json.dumps(dict(gold, unit="paragraph")), encoding="utf-8")
    calls.clear()
    report = evaluate(gold_path, coder)
    assert [c[2] for c in calls] == ["d#0", "d#1", "d#2"] and report.required_found == 2

    # documents list with per-document overrides, and explicit paths overriding the gold
    gold_path.write_text(
        json.dumps(dict(gold, documents=[{"path": "docs/d.txt", "publication_date": "2024-01-01"}])),
        encoding="utf-8",
    )
    calls.clear()
    evaluate(gold_path, coder)
    assert calls[0][1] == "2024-01-01"
    other = tmp_path / "other.txt"
    other.write_text(S1, encoding="utf-8")
    calls.clear()
    assert evaluate(gold_path, coder, paths=[other]).required_found == 1
    assert calls[0][2] == "other"


def test_missing_document_is_a_clear_error(tmp_path):
    gold_path = tmp_path / "g.json"
    gold_path.write_text(json.dumps(dict(SYNTH_GOLD, document="nope.txt")), encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="nope.txt"):
        evaluate(gold_path, lambda text, **kw: [])


@needs_shared
def test_evaluate_resolves_the_seed_document():
    seen = []

    def coder(text, *, lang, date, doc_id):
        seen.append((lang, date, doc_id, len(text)))
        return []

    report = evaluate(SHARED / "eval" / "seed.gold.json", coder)
    assert seen == [("sv", "2019-12-27", "000_55b182ca055ce355", seen[0][3])] and seen[0][3] > 1000
    assert report.recall == 0.0
