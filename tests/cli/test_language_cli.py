"""`konflikt code --lang auto` (the default): each document in its own language, unsupported ones skipped."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from konflikt.cli import app

runner = CliRunner()

SV = "Ryssland anföll Ukraina på fredagen.\n\nTurkiet skickade trupper till Libyen.\n"
EN = "Russia attacked Ukraine on Friday.\n\nThe United States sent weapons to Ukraine.\n"
DE = ("Russland hat in der Nacht mehrere Städte im Osten der Ukraine mit Drohnen und Raketen angegriffen, "
      "teilten die ukrainischen Behörden mit. Die Bundesregierung verurteilte den Angriff.\n")


def _events(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _dyads(events, lang):
    return {(e["event"], e["actor"][0]["country"], e["recipient"][0]["country"] if e["recipient"] else None)
            for e in events if e["language"] == lang and e["actor"]}


def test_a_swedish_and_an_english_file_in_one_run(tmp_path):
    sv, en = tmp_path / "sv.txt", tmp_path / "en.txt"
    sv.write_text(SV, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    r = runner.invoke(app, ["code", str(sv), str(en), "--date", "2024-03-15"])
    assert r.exit_code == 0, r.output
    events = _events(r.stdout)
    assert {e["language"] for e in events} == {"sv", "en"}
    assert ("ASSAULT", "RUS", "UKR") in _dyads(events, "sv")
    assert ("MOBILIZE", "TUR", "LBY") in _dyads(events, "sv") or ("AID", "TUR", "LBY") in _dyads(events, "sv")
    assert ("ASSAULT", "RUS", "UKR") in _dyads(events, "en")
    assert ("AID", "USA", "UKR") in _dyads(events, "en")
    # the same documents in the other order code the same events
    r2 = runner.invoke(app, ["code", str(en), str(sv), "--date", "2024-03-15"])
    assert sorted(map(json.dumps, _events(r2.stdout))) == sorted(map(json.dumps, events))


def test_an_unsupported_language_is_skipped_with_a_message(tmp_path):
    en, de = tmp_path / "en.txt", tmp_path / "de.txt"
    en.write_text(EN, encoding="utf-8")
    de.write_text(DE, encoding="utf-8")
    r = runner.invoke(app, ["code", str(en), str(de), "--date", "2024-03-15"])
    assert r.exit_code == 3
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and str(de) in lines[0] and "'de'" in lines[0]
    assert {e["language"] for e in _events(r.stdout)} == {"en"}


def test_only_unsupported_input_codes_nothing(tmp_path):
    de = tmp_path / "de.txt"
    de.write_text(DE, encoding="utf-8")
    r = runner.invoke(app, ["code", str(de)])
    assert r.exit_code == 4
    assert r.stdout.strip() == ""


def test_eval_recognises_the_gsr_format(tmp_path):
    gsr = tmp_path / "gsr.txt"
    gsr.write_text(json.dumps([
        {"id": "G1", "event": "FIGHT", "eventText": "attacked", "language": "en", "date": "2000-01-01",
         "source": [{"actorText": "Russia", "code": "RUS"}], "target": [{"actorText": "Ukraine", "code": "UKR"}],
         "text": "Russia attacked Ukraine on Friday."},
        {"id": "G2", "event": "DEMAND", "eventText": "urged", "language": "en", "date": "2000-01-01",
         "source": [{"actorText": "Ukraine", "code": "UKR"}], "target": [{"actorText": "Germany", "code": "DEU"}],
         "text": "Ukraine urged Germany to send more air defence systems."},
    ]), encoding="utf-8")
    r = runner.invoke(app, ["eval", str(gsr)])
    assert r.exit_code == 0, r.output
    assert "event type accuracy 1.000 (2/2)" in r.stdout
    assert "country dyad accuracy 1.000 (2/2)" in r.stdout
    r = runner.invoke(app, ["eval", str(gsr), "--format", "gsr", "--json"])
    assert json.loads(r.stdout)["type_correct"] == 2


def test_eval_taxonomy_classifies_misses_and_false_pairs(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("Ryssland anföll Ukraina på fredagen.\n\nOljepriset steg kraftigt.\n", encoding="utf-8")
    gold = tmp_path / "doc.gold.json"
    gold.write_text(json.dumps({
        "document": "doc.txt", "language": "sv", "publication_date": "2024-03-15",
        "entities": {"RUS": {"names": ["Russia"], "code_prefix": "RUS"},
                     "UKR": {"names": ["Ukraine"], "code_prefix": "UKR"}},
        "events": [{"id": "e1", "required": True, "anchor": "Ryssland anföll", "actor": ["UKR"],
                    "recipient": ["RUS"], "types": ["ASSAULT"]}],
        "relations": {"required": [], "camps": []},
    }), encoding="utf-8")
    r = runner.invoke(app, ["eval", str(gold), "--taxonomy"])
    assert r.exit_code == 0, r.output
    assert "miss actor_and_recipient: e1" in r.stdout
    assert "misses (1): actor_and_recipient 1" in r.stdout
    assert "false pairs (1): near_miss 1" in r.stdout
