"""Bokmål lexicon, third pass (issue #17): more Bokmål counterparts of Swedish entries (signere beside
undertegne, snakke med beside samtale, frigjøre beside løslate/frigi, mekle beside megle) and participles the
dictionary reads as adjectives ("har fordømt" -> fordømt, not fordømme) listed as variants of their verb.
Sentences of our own through the whole coder (`--lang nb`). Needs the nb pipeline."""

from __future__ import annotations

import pytest

from konflikt.config import Settings
from konflikt.language.registry import installed
from konflikt.pipeline import Coder
from konflikt.records import Document

pytestmark = pytest.mark.skipif("nb" not in installed(), reason="no trained nb pipeline installed")


@pytest.fixture(scope="module")
def code_nb():
    coder = Coder(Settings(lang="nb", date="2019-12-27", prefilter=False))

    def run(text: str):
        return coder.code_document(Document(id="t", text=text, source="t", date="2019-12-27", language="nb"))
    return run


# (sentence, event, trigger, actor code, recipient code or None)
CASES = [
    ("Ukraina signerte en avtale med Polen.", "SUPPORT", "signerte", "UKR", "POL"),
    ("Putin snakket med Trump i går.", "CONSULT", "snakket", "RUS", "USA"),
    ("Ukraina har fordømt angrepet.", "ACCUSE", "fordømt", "UKR", None),
]


@pytest.mark.parametrize("text,event,trigger,actor,recipient", CASES, ids=[c[0][:40] for c in CASES])
def test_third_pass_entry_codes_the_event(code_nb, text, event, trigger, actor, recipient):
    hits = [e for e in code_nb(text) if e.event == event and e.trigger == trigger]
    assert hits, [(e.event, e.trigger) for e in code_nb(text)]
    assert any((a.code or "").startswith(actor) for e in hits for a in e.actor)
    if recipient is not None:
        assert any((r.code or "").startswith(recipient) for e in hits for r in e.recipient)
