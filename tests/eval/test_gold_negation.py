"""Every gold event flagged ``negated`` sits in a sentence that has a negation word.

A gold writer once flagged plain statements ("Gunmen killed at least 14 people") as negated, which made the
coder look wrong for coding them right. This check catches such slips in every gold file under tests/data.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from konflikt.eval.runner import split_paragraphs

DATA = Path(__file__).resolve().parents[1] / "data"
GOLDS = sorted(DATA.glob("*/*.gold.json"))
# Negation and refusal cues of en, sv and nb (whole words or word starts).
NEGATION = re.compile(
    r"\b(not|no|never|n't|nor|without|den(y|ies|ied)|refus|fail|yet to|"
    r"inte|ej|aldrig|ingen|inget|inga|utan|förneka|vägra|"
    r"ikke|aldri|ingen|uten|nekt|avvis)",
    re.IGNORECASE,
)


def _sentence_of(paragraphs: list[str], anchor: str) -> str:
    hits = [p for p in paragraphs if anchor in p]
    assert len(hits) == 1, anchor
    return hits[0]


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_negated_events_have_a_negation_cue(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    paragraphs = split_paragraphs((gold_path.parent / gold["document"]).read_text(encoding="utf-8"))
    unflagged = [
        ev["id"]
        for ev in gold["events"]
        if ev.get("negated") and not NEGATION.search(_sentence_of(paragraphs, ev["anchor"]))
    ]
    assert unflagged == []


def test_the_cue_check_can_fail():
    assert NEGATION.search("Gunmen killed at least 14 people on Sunday.") is None
    assert NEGATION.search("Turkish warplanes have not struck PKK positions.")
    assert NEGATION.search("Ryssland förnekar att landet skickat soldater.")
