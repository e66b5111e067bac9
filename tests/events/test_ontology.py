"""The PLOVER ontology data file and its loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from konflikt.events.ontology import load_ontology
from konflikt.records import PLOVER_TYPES

SUMMARY = Path(__file__).resolve().parents[2].parent / "shared/reference/plover/plover_ontology_summary.json"

QUADS = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3, "MATERIAL CONFLICT": 4}


def test_sixteen_types_in_manual_order():
    onto = load_ontology()
    assert onto.types == PLOVER_TYPES
    assert len(onto.types) == 16


def test_37_contexts_unique():
    onto = load_ontology()
    assert len(onto.contexts) == 37
    assert len(set(onto.contexts)) == 37
    assert onto.is_context("military") and onto.is_context("human_security")
    assert not onto.is_context("humanitarian")  # pre-2.0 name: not valid
    assert onto.legacy_contexts["humanitarian"] == "human_security"


def test_modes_quads_intensities():
    onto = load_ontology()
    assert "aerial" in onto.modes("ASSAULT") and "drone" in onto.modes("ASSAULT")
    assert onto.modes("RETREAT") == ("withdraw", "release", "disarm", "ceasefire", "access", "resign")
    assert onto.modes("AGREE") == () and onto.modes("AID") == ()
    assert onto.quad("AGREE") == 1 and onto.quad("AID") == 2 and onto.quad("ACCUSE") == 3
    assert onto.quad("ASSAULT") == 4
    for t in onto.types:
        assert -10 <= onto.intensity(t) <= 10
        # cooperation is positive, conflict negative
        assert (onto.intensity(t) > 0) == (onto.quad(t) in (1, 2)), t
    assert onto.intensity("ASSAULT") < onto.intensity("THREATEN") < onto.intensity("ACCUSE")
    assert onto.requires_recipient("AID") and onto.requires_recipient("SANCTION")
    assert not onto.requires_recipient("ASSAULT")
    with pytest.raises(KeyError):
        onto.modes("FIGHT")


def test_cached():
    assert load_ontology() is load_ontology()


def test_agrees_with_shared_summary():
    if not SUMMARY.exists():
        pytest.skip("../shared is not available")
    summary = json.loads(SUMMARY.read_text(encoding="utf-8"))
    onto = load_ontology()
    assert list(summary["events"]) == list(onto.types)
    assert summary["contexts"] == list(onto.contexts)
    for name, spec in summary["events"].items():
        assert list(onto.modes(name)) == spec["modes"], name
        assert onto.quad(name) == QUADS[spec["quad"]], name
        assert onto.requires_recipient(name) == (spec["requires_recipient"] == "Yes"), name
