"""Bokmål features as Swedish marks them, for the `--tagger-trees` training option (konflikt.nlp.train)."""

from __future__ import annotations

from konflikt.nlp.train import swedish_features

SWEDISH = {"Gender": {"Com", "Neut"}, "Number": {"Sing", "Plur"}, "Definite": {"Def", "Ind"}}


def test_masculine_and_feminine_become_common_gender():
    assert swedish_features({"Gender": "Masc", "Number": "Sing"}, SWEDISH) == {"Gender": "Com", "Number": "Sing"}
    assert swedish_features({"Gender": "Fem"}, SWEDISH) == {"Gender": "Com"}
    assert swedish_features({"Gender": "Neut"}, SWEDISH) == {"Gender": "Neut"}


def test_features_swedish_never_uses_are_dropped():
    assert swedish_features({"Definite": "Def", "Abbr": "Yes", "Number": "Dual"}, SWEDISH) == {"Definite": "Def"}
