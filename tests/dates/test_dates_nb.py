"""Bokmål date expressions (dates/nb.yaml), resolved against Friday 2019-12-27, on phrases of our own."""

from __future__ import annotations

import pytest

from konflikt.dates import find_expressions, load_date_lexicon, resolve_text
from konflikt.dates.lexicon import default_path, validate_date_file

PUB = "2019-12-27"  # a Friday

NB = [
    ("i går", None, "2019-12-26", "day"),
    ("i dag", None, "2019-12-27", "day"),
    ("i forgårs", None, "2019-12-25", "day"),
    ("forrige uke", None, "2019-W51", "week"),
    ("10. desember", "past", "2019-12-10", "day"),
    ("den 3. mars 2018", None, "2018-03-03", "day"),
    ("i april", "past", "2019-04", "month"),
    ("siden 2011", None, "2011", "year"),
    ("for tre dager siden", None, "2019-12-24", "day"),
    ("på torsdag", "past", "2019-12-26", "day"),
    ("i helgen", "past", "2019-12-21/2019-12-22", "range"),
    ("i fjor", None, "2018", "year"),
    ("neste uke", None, "2020-W01", "week"),
]


def test_the_nb_file_is_valid():
    assert validate_date_file(default_path("nb")) == []


@pytest.mark.parametrize(("text", "tense", "expected", "precision"), NB)
def test_bokmal(text, tense, expected, precision):
    got = resolve_text(text, "nb", PUB, tense)
    assert got is not None, text
    assert (got.date, got.precision) == (expected, precision)


def test_found_inside_a_sentence():
    text = "Den tyrkiske presidenten lovet 10. desember at han ville sende soldater."
    exprs = find_expressions(text, load_date_lexicon("nb"))
    assert [text[e.start:e.end] for e in exprs] == ["10. desember"]


@pytest.mark.parametrize("text", ["Regjeringen sendte ti soldater.", "De tre landene er enige."])
def test_no_date(text):
    assert find_expressions(text, load_date_lexicon("nb")) == []
