"""The Bokmål trigger lexicon (triggers/nb.yaml): valid under the shared schema, every PLOVER type covered,
and in step with its derivation from sv.yaml (scripts/derive_lexicon.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from konflikt.events.lexicon import load_lexicon, validate_lexicon_file
from konflikt.events.ontology import load_ontology

ROOT = Path(__file__).resolve().parents[2]


def test_nb_lexicon_is_valid():
    assert validate_lexicon_file(ROOT / "src/konflikt/data/triggers/nb.yaml") == []


def test_every_plover_type_has_bokmal_verbs_and_nouns():
    lex = load_lexicon("nb")
    onto = load_ontology()
    for etype in onto.types:
        entries = [t for t in lex.triggers if t.event == etype]
        assert entries, etype
    kinds = {(t.event, t.pos) for t in lex.triggers}
    assert ("ASSAULT", "VERB") in kinds and ("ASSAULT", "NOUN") in kinds
    assert any(t.particle for t in lex.triggers)  # particle verbs: trekke tilbake, rykke fram
    assert {"ikke", "aldri"} <= set(lex.negators)
    assert "dersom" in lex.modality["conditional"] and "ville" in lex.modality["intent"]


def test_bokmal_lookups():
    lex = load_lexicon("nb")
    assert {e.event for e in lex.lookup("angripe", "VERB")} == {"ASSAULT"}
    assert {e.event for e in lex.lookup("støtte", "VERB")} == {"SUPPORT"}
    # a compound event noun through its head, inflected: "flyangrepene" -> fly + angrep
    assert any(e.event == "ASSAULT" for _, e in lex.compound_heads("droneangrepene"))


def test_derivation_is_current():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts/derive_lexicon.py"), "nb", "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
