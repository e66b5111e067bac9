"""The context's reference date: a day carried to the next sentences of a paragraph, anchors counted from it
("samma dag", "the next day", "två dagar senare"), weekdays read inside a week, on sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from konflikt.dates import DateContext, load_date_lexicon
from konflikt.dates.find import find_expressions
from konflikt.dates.lexicon import validate_date_file
from konflikt.dates.resolve import EventDate, resolve

PUB = "2019-12-27"  # a Friday


def _at(events, text, trigger):
    """The event coded at the last occurrence of the trigger word (skip if the extractor codes none there)."""
    i = text.rindex(trigger)
    got = [e for e in events if e.span[0] == i]
    if not got:
        pytest.skip(f"the extractor codes no event at {trigger!r}")
    return got[0]


# text, trigger, expected date, precision (end to end, publication date Friday 2019-12-27)
SV = [
    # a date carried from the previous sentence of the paragraph to a clause in the simple past
    ("I torsdags attackerade rebellerna staden Goma. Armén bombade rebellernas ställningar.", "bombade",
     "2019-12-26", "day"),
    ("Den 10 december anföll milisen flygplatsen i Goma. Flygvapnet bombade hamnen.", "bombade",
     "2019-12-10", "day"),
    # anchors: counted from the reference day
    ("Den 10 december anföll milisen flygplatsen. Samma dag bombade flygvapnet hamnen.", "bombade",
     "2019-12-10", "day"),
    ("Den 10 december anföll milisen flygplatsen. Flygvapnet bombade hamnen två dagar senare.", "bombade",
     "2019-12-12", "day"),
    ("I tisdags anföll milisen flygplatsen. Flygvapnet bombade hamnen dagen därpå.", "bombade",
     "2019-12-25", "day"),
    # a weekday inside the week of its sentence or of the previous one
    ("Förra veckan, på onsdagen, bordade Haftars styrkor ett turkiskt fartyg.", "bordade", "2019-12-18", "day"),
    ("Förra veckan anföll milisen flygplatsen. På onsdagen bombade flygvapnet hamnen.", "bombade",
     "2019-12-18", "day"),
    # day words the patterns did not know
    ("Vid torsdagens attack dödade rebellerna tio soldater.", "dödade", "2019-12-26", "day"),
    ("Under natten till onsdagen bombade flygvapnet hamnen.", "bombade", "2019-12-25", "day"),
    # a genitive weekday dates the noun it modifies and past events, not a present clause around it
    ("Regeringen anklagar rebellerna för torsdagens attack mot en skola.", "anklagar", PUB, "publication"),
    # no carry: a new paragraph, a pluperfect, a present, a future
    ("I torsdags attackerade rebellerna staden.\nArmén bombade rebellernas ställningar.", "bombade",
     PUB, "publication"),
    ("I torsdags attackerade rebellerna staden. Armén hade tidigare bombat byarna.", "bombat", PUB, "publication"),
    ("I torsdags attackerade rebellerna staden. Armén bombar nu deras ställningar.", "bombar", PUB, "publication"),
    ("I torsdags attackerade rebellerna staden. Armén ska bomba deras ställningar.", "bomba", PUB, "publication"),
    # a date of a present or future clause is no reference for the next sentence
    ("Valet hålls i april. Armén anföll staden.", "anföll", PUB, "publication"),
    ("Ministrarna möts på måndag. Armén anföll staden.", "anföll", PUB, "publication"),
    # an anchor without a reference day says nothing
    ("Flygvapnet bombade hamnen två dagar senare.", "bombade", PUB, "publication"),
]

EN = [
    ("Rebels attacked the town of Goma on Thursday. The army shelled rebel positions.", "shelled",
     "2019-12-26", "day"),
    ("On December 10 the militia attacked the airport. The same day the air force bombed the port.", "bombed",
     "2019-12-10", "day"),
    ("Rebels seized Goma on Tuesday. The army attacked the rebels a day later.", "attacked", "2019-12-25", "day"),
    ("On December 10 the militia attacked the airport. Two days later the air force bombed the port.",
     "bombed", "2019-12-12", "day"),
    ("Last week, on Wednesday, Haftar's forces boarded a Turkish ship.", "boarded", "2019-12-18", "day"),
    ("Haftar's forces boarded a Turkish ship on Wednesday last week.", "boarded", "2019-12-18", "day"),
    ("Rebels attacked the town on Thursday. The airport was bombed by the army.", "bombed",
     "2019-12-26", "day"),
    ("Rebels attacked the town on Thursday.\nThe army shelled rebel positions.", "shelled", PUB, "publication"),
    ("Rebels attacked the town on Thursday. The army had earlier shelled villages.", "shelled", PUB,
     "publication"),
    ("Rebels attacked the town on Thursday. The army will shell their positions.", "shell", PUB, "publication"),
    ("The army attacked the rebels a day later.", "attacked", PUB, "publication"),
    ("The election is held in April. The army attacked the town.", "attacked", PUB, "publication"),
]


@pytest.mark.parametrize("text,trigger,want,precision", SV)
def test_context_sv(code_sv, text, trigger, want, precision):
    e = _at(code_sv(text, date=PUB), text, trigger)
    assert (e.date, e.date_precision) == (want, precision), (text, e.date_text)


@pytest.mark.parametrize("text,trigger,want,precision", EN)
def test_context_en(code_sv, text, trigger, want, precision):
    e = _at(code_sv(text, date=PUB, lang="en"), text, trigger)
    assert (e.date, e.date_precision) == (want, precision), (text, e.date_text)


def _expr(text, lang):
    lex = load_date_lexicon(lang)
    (expr,) = find_expressions(text, lex)
    return expr, lex


REF = EventDate("2019-12-10", "day", "den 10 december", ("2019-12-10", "2019-12-10"))


@pytest.mark.parametrize("text,lang,want", [
    ("samma dag", "sv", "2019-12-10"), ("dagen därpå", "sv", "2019-12-11"), ("dagen innan", "sv", "2019-12-09"),
    ("tre dagar senare", "sv", "2019-12-13"), ("en vecka senare", "sv", "2019-12-17"),
    ("två dagar tidigare", "sv", "2019-12-08"),
    ("later that day", "en", "2019-12-10"), ("the following day", "en", "2019-12-11"),
    ("the previous day", "en", "2019-12-09"), ("three days later", "en", "2019-12-13"),
    ("a week later", "en", "2019-12-17"), ("two days earlier", "en", "2019-12-08"),
])
def test_anchor_counts_from_the_reference(text, lang, want):
    expr, lex = _expr(text, lang)
    got = resolve(expr, lex, date(2019, 12, 27), None, REF)
    assert (got.date, got.precision) == (want, "day")
    assert resolve(expr, lex, date(2019, 12, 27), None, None) is None  # no reference: nothing
    week = EventDate("2019-W51", "week", "förra veckan", ("2019-12-16", "2019-12-22"))
    assert resolve(expr, lex, date(2019, 12, 27), None, week) is None  # a week is no day to count from


def test_reference_ends_at_a_line_break_and_skips_future_dates():
    ctx = DateContext("Första. Andra.\nTredje.")
    pub = date(2019, 12, 27)
    future = EventDate("2019-12-30", "day", "på måndag", ("2019-12-30", "2019-12-30"))
    ctx.see([REF, future], 7, pub)
    assert ctx.reference(8) == REF  # the last date not after the publication date
    assert ctx.reference(15) is None  # a new paragraph


def test_validator_wants_a_shift_for_anchors(tmp_path):
    from konflikt.dates.lexicon import default_path

    text = default_path("sv").read_text(encoding="utf-8")
    bad = tmp_path / "sv.yaml"
    bad.write_text(text.replace("    shift: '+1 dag'\n", "", 1), encoding="utf-8")
    assert any("anchor pattern needs a shift" in e.reason for e in validate_date_file(bad))
    unit = tmp_path / "sv2.yaml"
    unit.write_text(text.replace("shift: '0 dag'", "shift: '0 timme'", 1), encoding="utf-8")
    assert any("not in unit_days" in e.reason for e in validate_date_file(unit))
