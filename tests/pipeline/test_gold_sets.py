"""End-to-end accuracy gates: the seed article and our own test sets, scored like the reference scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from konflikt.eval.runner import evaluate

ROOT = Path(__file__).resolve().parents[2]


def _code_fn(coder):
    from konflikt.records import Document

    def code_fn(text, *, lang, date, doc_id):
        doc = Document(id=doc_id, text=text, source="gold", date=date, language=lang)
        return [e.model_dump() for e in coder.code_document(doc)]

    return code_fn


def test_seed_article_meets_the_bar(default_coder, shared_dir):
    report = evaluate(shared_dir / "eval" / "seed.gold.json", _code_fn(default_coder))
    d = report.to_dict()
    assert d["required_found"] >= 12, d["missed"]
    assert d["precision"] >= 0.85, d["unmatched"]
    assert d["relations_found"] == d["relations_required"] == 6
    assert d["wrong_relations"] == []


# Regression floors: the F1 measured when the gate was last raised, minus a small margin (Swedish 0.856 on
# 2026-12-01, English 0.932 on 2026-12-01); raise the floor whenever the score goes up. The product target is 0.8
# (issues #2 and #3).
FLOOR = {"sv": 0.84, "en": 0.90}
TARGET = 0.8


def _report(coder, lang):
    gold = ROOT / "tests" / "data" / lang / "testset.gold.json"
    if not gold.exists():
        pytest.fail(f"missing test set {gold}")
    return evaluate(gold, _code_fn(coder))


@pytest.mark.parametrize("lang", sorted(FLOOR))
def test_own_test_set_does_not_regress(default_coder, lang):
    report = _report(default_coder, lang)
    assert report.f1 >= FLOOR[lang], report.summary_line()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_own_test_set_reaches_target(default_coder, lang):
    report = _report(default_coder, lang)
    assert report.f1 >= TARGET, report.summary_line()


# The held-out sets (tests/data/*/heldout*.gold.json): written blind, each measured before any tuning on it
# (sv heldout 0.56, heldout2 0.63, heldout3 0.46; en heldout 0.56, heldout2 0.49 when first scored). Some have
# been tuned on since (README, "Accuracy"); these floors sit just under the latest measured F1 so that a change
# which generalises worse shows here.
HELDOUT_FLOOR = {
    ("sv", "heldout"): 0.86, ("sv", "heldout2"): 0.90, ("sv", "heldout3"): 0.54, ("sv", "heldout4"): 0.53,
    # English with the learned scorer (2026-12-07): heldout 0.935 -> 0.894 (in sample), the blind-origin sets gain
    ("en", "heldout"): 0.87, ("en", "heldout2"): 0.66, ("en", "heldout3"): 0.41, ("en", "heldout4"): 0.39,
    ("en", "heldout5"): 0.30, ("en", "heldout6"): 0.35, ("sv", "heldout7"): 0.47, ("nb", "heldout5"): 0.37,
    # Bokmål: the gain of the NDT-trained parser (2026-12-07: 0.349, 0.488, 0.497; 0.241, 0.445, 0.409 before)
    # and the learned scorer on for Bokmål (2026-12-07: heldout 0.484, heldout2 0.312, heldout3 0.587, heldout4 0.582,
    # heldout5 0.387, heldout6 0.488, heldout7 0.368; the rules alone 0.439, 0.349, 0.513, 0.516, 0.420, 0.439, 0.286)
    ("nb", "heldout"): 0.46, ("nb", "heldout2"): 0.30, ("nb", "heldout3"): 0.56, ("nb", "heldout4"): 0.56,
    # first scored 2026-12-07 at 43e2281: sv heldout8 0.451, en heldout7 0.358, nb heldout6 0.427 (0.451, 0.371, 0.439
    # after the forces-sent and not-ruled-out rules, 6e6781c)
    ("sv", "heldout8"): 0.43, ("en", "heldout7"): 0.35, ("nb", "heldout6"): 0.47,
    # first scored 2026-12-07 at 19c6723: sv heldout9 0.481, en heldout8 0.420, en heldout9 0.367, nb heldout7 0.286
    ("sv", "heldout9"): 0.46, ("en", "heldout8"): 0.40, ("en", "heldout9"): 0.35, ("nb", "heldout7"): 0.33,
    # (nb heldout7 0.368 -> 0.342 with the between-phrase parties, 2026-12-08, the scorer; rules 0.286 -> 0.284)
    # first scored 2026-12-08 at 5ade3e7: sv heldout10 0.308, en heldout10 0.379 (rules 0.318), nb heldout8 0.306
    ("sv", "heldout10"): 0.29, ("en", "heldout10"): 0.36, ("nb", "heldout8"): 0.29,
}


@pytest.mark.parametrize(("lang", "name"), sorted(HELDOUT_FLOOR))
def test_held_out_sets_do_not_regress(default_coder, lang, name):
    gold = ROOT / "tests" / "data" / lang / f"{name}.gold.json"
    if not gold.exists():
        pytest.fail(f"missing held-out set {gold}")
    report = evaluate(gold, _code_fn(default_coder))
    assert report.f1 >= HELDOUT_FLOOR[(lang, name)], report.summary_line()
