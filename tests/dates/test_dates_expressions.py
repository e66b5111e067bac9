"""Date expressions resolved on their own (no parse): >= 30 per language, publication date 2019-12-27 (a Friday).

Each case: (text, tense or None, expected date, expected precision). The text may hold more words than the
expression; the first expression found is resolved.
"""

from __future__ import annotations

from datetime import date

import pytest

from konflikt.dates import find_expressions, load_date_lexicon, resolve_text

PUB = date(2019, 12, 27)

SV = [
    ("den 10 december", None, "2019-12-10", "day"),
    ("10 december", None, "2019-12-10", "day"),
    ("den 10:e december", None, "2019-12-10", "day"),
    ("10 december 2019", None, "2019-12-10", "day"),
    ("tisdagen den 10 december", None, "2019-12-10", "day"),
    ("den 3 mars 2018", None, "2018-03-03", "day"),
    ("den 1 januari", None, "2019-01-01", "day"),
    ("den 28 december", "past", "2018-12-28", "day"),
    ("den 28 december", "future", "2019-12-28", "day"),
    ("2019-12-10", None, "2019-12-10", "day"),
    ("i april", "past", "2019-04", "month"),
    ("i april", "future", "2020-04", "month"),
    ("i april", "present", "2020-04", "month"),
    ("i augusti", "present", "2019-08", "month"),
    ("i början av april", None, "2019-04", "month"),
    ("under december", None, "2019-12", "month"),
    ("sedan juni", "present", "2019-06", "month"),
    ("april 2018", None, "2018-04", "month"),
    ("i mars 2011", None, "2011-03", "month"),
    ("revolutionen 2011, då", None, "2011", "year"),
    ("år 2011", None, "2011", "year"),
    ("sedan 2011", None, "2011", "year"),
    ("hösten 2015", None, "2015", "year"),
    ("i år", None, "2019", "year"),
    ("förra året", None, "2018", "year"),
    ("förra veckan", None, "2019-W51", "week"),
    ("i förra veckan", None, "2019-W51", "week"),
    ("den här veckan", None, "2019-W52", "week"),
    ("nästa vecka", None, "2020-W01", "week"),
    ("förra månaden", None, "2019-11", "month"),
    ("nästa månad", None, "2020-01", "month"),
    ("i fredags", None, "2019-12-20", "day"),
    ("i måndags", None, "2019-12-23", "day"),
    ("i söndags", None, "2019-12-22", "day"),
    ("på fredag", None, "2020-01-03", "day"),
    ("på fredagen", None, "2019-12-27", "day"),
    ("på torsdagen", None, "2019-12-26", "day"),
    ("på fredagsförmiddagen", None, "2019-12-27", "day"),
    ("under måndagskvällen", None, "2019-12-23", "day"),
    ("under söndagen", None, "2019-12-22", "day"),
    ("för tre dagar sedan", None, "2019-12-24", "day"),
    ("3 dagar sedan", None, "2019-12-24", "day"),
    ("för två veckor sedan", None, "2019-W50", "week"),
    ("för en månad sedan", None, "2019-11", "month"),
    ("för ett år sedan", None, "2018", "year"),
    ("de senaste tio dagarna", None, "2019-12-17/2019-12-27", "range"),
    ("under de senaste två veckorna", None, "2019-12-13/2019-12-27", "range"),
    ("den senaste veckan", None, "2019-12-20/2019-12-27", "range"),
    ("det senaste året", None, "2018-12-27/2019-12-27", "range"),
    ("i veckan", None, "2019-W52", "week"),
    ("igår", None, "2019-12-26", "day"),
    ("i går", None, "2019-12-26", "day"),
    ("i förrgår", None, "2019-12-25", "day"),
    ("i dag", None, "2019-12-27", "day"),
    ("idag", None, "2019-12-27", "day"),
    ("i morgon", None, "2019-12-28", "day"),
    ("i natt", None, "2019-12-27", "day"),
    ("i helgen", "past", "2019-12-21/2019-12-22", "range"),
    ("i helgen", "future", "2019-12-28/2019-12-29", "range"),
    ("igårkväll", None, "2019-12-26", "day"),
    ("tidigare i veckan", None, "2019-W52", "week"),
]

EN = [
    ("on December 10", None, "2019-12-10", "day"),
    ("December 10, 2019", None, "2019-12-10", "day"),
    ("10 December 2019", None, "2019-12-10", "day"),
    ("on 10 December", None, "2019-12-10", "day"),
    ("Dec. 10", None, "2019-12-10", "day"),
    ("the 10th of December", None, "2019-12-10", "day"),
    ("Tuesday, December 10", None, "2019-12-10", "day"),
    ("September 3rd", None, "2019-09-03", "day"),
    ("on December 30", "future", "2019-12-30", "day"),
    ("2019-12-10", None, "2019-12-10", "day"),
    ("in April", "past", "2019-04", "month"),
    ("in April", "future", "2020-04", "month"),
    ("in early April", None, "2019-04", "month"),
    ("since June", "present", "2019-06", "month"),
    ("April 2018", None, "2018-04", "month"),
    ("in March 2011", None, "2011-03", "month"),
    ("in mid-March 2011", None, "2011-03", "month"),
    ("in 2011", None, "2011", "year"),
    ("the revolution of 2011", None, "2011", "year"),
    ("since 2011", None, "2011", "year"),
    ("last week", None, "2019-W51", "week"),
    ("this week", None, "2019-W52", "week"),
    ("next week", None, "2020-W01", "week"),
    ("last month", None, "2019-11", "month"),
    ("earlier this month", None, "2019-12", "month"),
    ("next month", None, "2020-01", "month"),
    ("last year", None, "2018", "year"),
    ("late last year", None, "2018", "year"),
    ("this year", None, "2019", "year"),
    ("on Thursday", "past", "2019-12-26", "day"),
    ("on Friday", "past", "2019-12-27", "day"),
    ("on Friday", "future", "2019-12-27", "day"),
    ("Saturday", "past", "2019-12-21", "day"),
    ("on Monday", "future", "2019-12-30", "day"),
    ("last Friday", None, "2019-12-20", "day"),
    ("next Friday", None, "2020-01-03", "day"),
    ("three days ago", None, "2019-12-24", "day"),
    ("3 days ago", None, "2019-12-24", "day"),
    ("a couple of days ago", None, "2019-12-25", "day"),
    ("two weeks ago", None, "2019-W50", "week"),
    ("a month ago", None, "2019-11", "month"),
    ("a year ago", None, "2018", "year"),
    ("the past ten days", None, "2019-12-17/2019-12-27", "range"),
    ("over the last two weeks", None, "2019-12-13/2019-12-27", "range"),
    ("over the past week", None, "2019-12-20/2019-12-27", "range"),
    ("the past year", None, "2018-12-27/2019-12-27", "range"),
    ("yesterday", None, "2019-12-26", "day"),
    ("the day before yesterday", None, "2019-12-25", "day"),
    ("today", None, "2019-12-27", "day"),
    ("tomorrow", None, "2019-12-28", "day"),
    ("last night", None, "2019-12-26", "day"),
    ("over the weekend", "past", "2019-12-21/2019-12-22", "range"),
    ("earlier this week", None, "2019-W52", "week"),
]


@pytest.mark.parametrize(("text", "tense", "expected", "precision"), SV)
def test_swedish(text, tense, expected, precision):
    got = resolve_text(text, "sv", PUB, tense)
    assert got is not None, text
    assert (got.date, got.precision) == (expected, precision)


@pytest.mark.parametrize(("text", "tense", "expected", "precision"), EN)
def test_english(text, tense, expected, precision):
    got = resolve_text(text, "en", PUB, tense)
    assert got is not None, text
    assert (got.date, got.precision) == (expected, precision)


def test_counts():
    assert len(SV) >= 30 and len(EN) >= 30


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "2000 soldater skickades"), ("sv", "i 2000 år"), ("sv", "Tillkännagivandet kommer dagen då"),
    ("sv", "Turkiet skulle nyligen stödja regeringen"), ("sv", "i dagarna"), ("sv", "Den 10 soldaterna"),
    ("en", "2000 troops were sent"), ("en", "they may attack"), ("en", "a march on the capital"),
    ("en", "the day after the vote"),
])
def test_no_date(lang, text):
    assert find_expressions(text, load_date_lexicon(lang)) == []


def test_week_range_and_text():
    got = resolve_text("Förra veckan gick trupper ombord", "sv", PUB)
    assert got.range == ("2019-12-16", "2019-12-22")
    assert got.text == "Förra veckan"


def test_ranges_cover_the_precision():
    assert resolve_text("i april", "sv", PUB, "past").range == ("2019-04-01", "2019-04-30")
    assert resolve_text("2011", "sv", PUB).range == ("2011-01-01", "2011-12-31")
    assert resolve_text("den 10 december", "sv", PUB).range == ("2019-12-10", "2019-12-10")
    assert resolve_text("nästa vecka", "sv", PUB).range == ("2019-12-30", "2020-01-05")


def test_no_publication_date():
    assert resolve_text("förra veckan", "sv", None) is None
    assert resolve_text("den 3 mars 2018", "sv", None).date == "2018-03-03"
    assert resolve_text("in 2011", "en", None).date == "2011"


def test_longest_match_wins():
    exprs = find_expressions("Han lovade den 10 december 2019 att ...", load_date_lexicon("sv"))
    assert [e.text for e in exprs] == ["den 10 december 2019"]
