"""Bokmål against its neighbours: Swedish, Danish, Nynorsk (our own sentences)."""

from __future__ import annotations

import pytest

from konflikt.language import detect

CASES = [
    ("Tyrkia har tilbudt militær støtte til regjeringen i Tripoli, og Haftars styrker rykker nærmere hovedstaden.",
     "nb"),
    ("Hun sier at regjeringen ikke vil sende soldater før våpenhvilen er på plass.", "nb"),
    ("Politiet opplyser at flere demonstranter ble pågrepet utenfor Stortinget i går kveld.", "nb"),
    ("Turkiet har erbjudit militärt stöd till regeringen i Tripoli och Haftars styrkor närmar sig huvudstaden.", "sv"),
    ("Regeringen siger, at den ikke vil sende soldater, før våbenhvilen er på plads, og at angrebet var ulovligt.",
     "da"),
    ("Regjeringa seier at ho ikkje vil sende soldatar før våpenkvila er på plass, og at åtaket var ulovleg.", "nn"),
    ("Die Regierung sagt, dass sie keine Soldaten schicken wird, bevor die Waffenruhe steht.", "de"),
]


@pytest.mark.parametrize("text, lang", CASES)
def test_bokmal_is_told_from_its_neighbours(text, lang):
    assert detect(text)[0] == lang
