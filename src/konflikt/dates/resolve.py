"""Resolve a date expression to a date with a precision, anchored on the publication date.

The expression (or its pattern's `parse` template, with number and unit words normalised and the
language's `rewrites` applied) is handed to dateparser with RELATIVE_BASE = the publication date,
DATE_ORDER DMY and PREFER_DATES_FROM past or future. dateparser's period (day, week, month, year) is the
precision; a `range` pattern ("de senaste tio dagarna") spans from the parsed date to the publication date.

Normaliser (what dateparser misses and the data files fix, see docs/dates-places.md): number words in
templates ("tre" -> "3"), inflected unit words in the group named `u` ("dagarna" -> "dagar"), rewrites of
phrases dateparser does not know ("den här veckan" -> "denna vecka", "earlier this month" -> "this month"),
"i fredags" -> "fredag" (past) and "på fredag" -> "fredag" (future) through templates, the range operation,
the weekday operation ("on Friday"/"på fredagen" in a Friday paper is that day, not a week away; "last
Friday"/"i fredags" keep dateparser's reading, a week earlier) and the weekend operation ("i helgen", "last
weekend": the Saturday dateparser finds and the Sunday after it, as a range).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from konflikt.dates.find import Expression
from konflikt.dates.lexicon import DateLexicon

__all__ = ["EventDate", "parse_string", "resolve", "format_date", "weekday_in_week", "PRECISIONS"]

PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "range", "publication")
_PERIOD_TO_PRECISION = {"time": "day", "day": "day", "week": "week", "month": "month", "year": "year"}
_FILL_RE = re.compile(r"\{([a-z_]+)\}")
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


@dataclass(frozen=True)
class EventDate:
    """A resolved date: ISO 8601 truncated to its precision, the range it covers and the words it came from."""

    date: str
    precision: str
    text: str
    range: tuple[str, str]
    pattern: str = ""


def parse_string(expr: Expression, lex: DateLexicon, template: str | None = None) -> str:
    """The string handed to dateparser for an expression (or `template` filled from its groups)."""
    groups = dict(expr.groups)

    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "text":
            return expr.text
        value = " ".join(groups.get(name, "").lower().split())
        if value in lex.numbers:
            return str(lex.numbers[value])
        return lex.units.get(value, value) if name == "u" else value

    if template is not None:
        return " ".join(_FILL_RE.sub(fill, template).lower().split())
    out = _FILL_RE.sub(fill, expr.pattern.parse) if expr.pattern.parse else expr.text
    out = " ".join(out.lower().split())
    for phrase, repl in lex.rewrites:
        if phrase in out:
            out = out.replace(phrase, repl)
    return out


@lru_cache(maxsize=16)
def _parser(lang: str, base: date, prefer: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang], settings={
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "PARSERS": ["relative-time", "absolute-time"],  # no timestamps or free formats: a quarter faster
    })


@lru_cache(maxsize=4096)
def _dateparser(text: str, lang: str, base: date, prefer: str) -> tuple[date, str] | None:
    data = _parser(lang, base, prefer).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), _PERIOD_TO_PRECISION.get(data.period or "day", "day")


def _read(text: str, lang: str, base: date, prefer: str, tense: str | None) -> tuple[date, str] | None:
    """dateparser's reading. `prefer: tense` takes the future reading in a future clause, the past one in a
    past (or unknown) clause, and in a present-tense clause the reading nearer the publication date
    ("röstar om avtalet i januari", written in December: next January)."""
    if prefer != "tense":
        return _dateparser(text, lang, base, prefer)
    if tense == "future":
        return _dateparser(text, lang, base, "future")
    past = _dateparser(text, lang, base, "past")
    if tense != "present" or past is None:
        return past
    future = _dateparser(text, lang, base, "future")
    if future is None:
        return past
    past_last = date.fromisoformat(format_date(*past)[1][1])
    future_first = date.fromisoformat(format_date(*future)[1][0])
    return future if (future_first - base).days < (base - past_last).days else past


def format_date(d: date, precision: str) -> tuple[str, tuple[str, str]]:
    """ISO 8601 string truncated to the precision, and the [first, last] day it covers."""
    if precision == "week":
        year, week, weekday = d.isocalendar()
        monday = d - timedelta(days=weekday - 1)
        return f"{year}-W{week:02d}", (monday.isoformat(), (monday + timedelta(days=6)).isoformat())
    if precision == "month":
        last = calendar.monthrange(d.year, d.month)[1]
        return f"{d.year:04d}-{d.month:02d}", (d.replace(day=1).isoformat(), d.replace(day=last).isoformat())
    if precision == "year":
        return f"{d.year:04d}", (date(d.year, 1, 1).isoformat(), date(d.year, 12, 31).isoformat())
    return d.isoformat(), (d.isoformat(), d.isoformat())


def _anchor(expr: Expression, lex: DateLexicon, ref: EventDate | None) -> EventDate | None:
    """An anchor expression ("samma dag", "dagen därpå", "two days later"): the reference day shifted; None
    without a day-precise reference."""
    if ref is None or ref.precision != "day" or not expr.pattern.shift:
        return None
    amount, unit = parse_string(expr, lex, expr.pattern.shift).rsplit(None, 1)
    sign = -1 if amount.startswith("-") else 1
    try:
        n = int(amount.lstrip("+-"))
    except ValueError:
        return None
    per = lex.unit_days.get(lex.units.get(unit, unit))
    if per is None:
        return None
    d = date.fromisoformat(ref.date) + timedelta(days=sign * n * per)
    iso, span = format_date(d, "day")
    return EventDate(iso, "day", expr.text, span, expr.pattern.id)


def weekday_in_week(expr: Expression, lex: DateLexicon, week: EventDate) -> EventDate | None:
    """A weekday expression ("på onsdagen", "on Wednesday") read inside a week given by another expression of
    its sentence or context ("förra veckan", "last week"): that day of the week. None if it names no weekday."""
    name = dict(expr.groups).get("w", "").lower()
    if week.precision != "week" or name not in lex.weekdays:
        return None
    d = date.fromisoformat(week.range[0]) + timedelta(days=lex.weekdays.index(name))
    iso, span = format_date(d, "day")
    return EventDate(iso, "day", f"{week.text} … {expr.text}", span, expr.pattern.id)


def resolve(expr: Expression, lex: DateLexicon, base: date | None, tense: str | None = None,
            ref: EventDate | None = None) -> EventDate | None:
    """The date an expression denotes, or None (unparseable, or relative with no publication date).

    `tense` is the clause's tense ('past', 'present', 'future' or None); it decides yearless dates of
    patterns with `prefer: tense` (future -> the next such date, present -> the nearer of the last and the
    next, past or unknown -> the most recent one). `ref` is the reference date of the context (the last
    date the text gave before this sentence), the base of `anchor` patterns.
    """
    if expr.pattern.op == "anchor":
        return _anchor(expr, lex, ref)
    text = parse_string(expr, lex)
    if base is None:
        if not _HAS_YEAR.search(text):
            return None
        base = date(int(_HAS_YEAR.search(text).group(0)), 12, 31)
    got = _read(text, lex.language, base, expr.pattern.prefer, tense)
    if got is None:
        return None
    d, precision = got
    if expr.pattern.op == "weekday" and d != base and d.weekday() == base.weekday() and abs((d - base).days) == 7:
        d = base  # "on Friday" in Friday's paper is that day (dateparser reads it as a week away)
    if expr.pattern.op == "weekend":  # the Saturday dateparser found, and the Sunday after it
        sunday = d + timedelta(days=1)
        return EventDate(f"{d.isoformat()}/{sunday.isoformat()}", "range", expr.text,
                         (d.isoformat(), sunday.isoformat()), expr.pattern.id)
    if expr.pattern.op == "range":
        if precision in ("month", "year"):  # dateparser gives the 1st of the month: keep the day ("1 år sedan")
            d = d.replace(day=min(base.day, calendar.monthrange(d.year, d.month)[1]))
        start, end = min(d, base), max(d, base)
        return EventDate(f"{start.isoformat()}/{end.isoformat()}", "range", expr.text,
                         (start.isoformat(), end.isoformat()), expr.pattern.id)
    iso, span = format_date(d, precision)
    return EventDate(iso, precision, expr.text, span, expr.pattern.id)
