"""Give the events of one sentence their date: the nearest date expression, else the publication date.

For each event the candidate expressions of its sentence are ranked: those not separated from the trigger
by a comma (or ; : –) first, then by dependency-path distance from the trigger to the expression's head
token, then by token distance; the nearest one that resolves gives `date`,
`date_precision`, `date_text` and `date_range`. A weekday named definitely beside a week ("förra veckan, på
onsdagen", "on Wednesday last week") is that day of the week, and the week gives way to it. With no
expression, an event told in the simple past takes the reference date of the document's context (the last
date of the paragraph so far, `context.DateContext`); otherwise it keeps the publication date with precision
`publication` (no `date_range`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Span, Token

from konflikt.dates.context import DateContext
from konflikt.dates.find import Expression, find_expressions
from konflikt.dates.lexicon import DateLexicon, load_date_lexicon
from konflikt.dates.resolve import EventDate, resolve, weekday_in_week
from konflikt.dates.tense import clause_tense, narrative_past
from konflikt.records import Event
from konflikt.syntax import crosses_punct, head_token, tree_distance, trigger_token

__all__ = ["annotate", "sentence_dates", "observe_text"]

Found = tuple[Expression, Token, EventDate]


def _in_week(found: list, lex: DateLexicon, ref: EventDate | None) -> list:
    """Definite weekdays ("på onsdagen", "on Wednesday") read inside the week the sentence names ("förra
    veckan"), which then gives way to them; or inside the context's week when the sentence names none."""
    weeks = [f for f in found if f[-1].precision == "week"]
    week = weeks[0][-1] if weeks else (ref if ref is not None and ref.precision == "week" else None)
    if week is None:
        return found
    out, refined = [], False
    for f in found:
        day = weekday_in_week(f[0], lex, week) if f[0].pattern.op == "weekday" else None
        refined |= day is not None
        out.append((*f[:-1], day) if day is not None else f)
    return [f for f in out if not (refined and f[-1].precision == "week")] if refined else found


def sentence_dates(sent: Span, lex: DateLexicon, pub: date | None,
                   ref: EventDate | None = None) -> list[Found]:
    """Every resolvable date expression of a sentence with its head token and resolved date (`ref`: the
    context's reference date, for anchors and weekdays of a week)."""
    out = []
    for expr in find_expressions(sent.text, lex):
        s, e = sent.start_char + expr.start, sent.start_char + expr.end
        head = head_token([t for t in sent if s <= t.idx < e])
        if head is None:
            continue
        got = resolve(expr, lex, pub, clause_tense(sent, s, e, lex.future_markers), ref)
        if got is not None:
            out.append((expr, head, got))
    return _in_week(out, lex, ref)


def observe_text(context: DateContext, text: str, start: int, lang: str, pub: date | str | None) -> None:
    """Let the context see a sentence that is not annotated (no trigger, so not parsed): its date expressions,
    resolved without a parse (no tense: a yearless date is the most recent one). `start`: its document
    offset."""
    try:
        lex = load_date_lexicon(lang)
    except FileNotFoundError:
        return
    pub = _as_date(pub)
    ref = context.reference(start)
    found = [(expr, got) for expr in find_expressions(text, lex)
             if (got := resolve(expr, lex, pub, None, ref)) is not None]
    # without a parse the clause's tense is unknown: only expressions that point back by themselves
    # ("i torsdags", "förra veckan", "i går") may become the reference, not "i april" or "den 10 december"
    context.see([f[-1] for f in _in_week(found, lex, ref) if f[0].pattern.prefer == "past"], start + len(text), pub)


def _usable(trigger: Token, found: Sequence[Found]) -> list[Found]:
    """The expressions that may date an event: an `attach: past` one only the noun it modifies and events told
    in the simple past."""
    return [f for f in found if f[0].pattern.attach != "past" or f[1].head.i == trigger.i
            or narrative_past(trigger)]


def _nearest(trigger: Token, found: Sequence[tuple[Expression, Token, EventDate]]) -> EventDate:
    """The expression nearest the trigger: same comma-delimited stretch first, then tree and token distance."""
    return min(found, key=lambda f: (crosses_punct(trigger, f[1]), tree_distance(trigger, f[1]),
                                     abs(trigger.i - f[1].i)))[2]


def _as_date(pub: date | str | None) -> date | None:
    if pub is None or isinstance(pub, date):
        return pub
    try:
        return date.fromisoformat(str(pub)[:10])
    except ValueError:
        return None


def annotate(events: list[Event], sent: Span, lang: str, pub: date | str | None, offset: int = 0,
             context: DateContext | None = None) -> list[Event]:
    """The events of `sent` with their dates set. `offset` is the document char offset of the parsed piece
    (event spans are document offsets; the sentence's are relative to its piece). `context` (one per
    document, sentences in text order) gives the reference date and is updated with this sentence's."""
    if not events and context is None:
        return events
    try:
        lex = load_date_lexicon(lang)
    except FileNotFoundError:
        return events
    pub = _as_date(pub)
    ref = context.reference(offset + sent.start_char) if context is not None else None
    found = sentence_dates(sent, lex, pub, ref)
    if context is not None:  # the reference is a date of a past clause ("Valet hålls i april" is none)
        context.see([f[2] for f in found if clause_tense(sent, sent.start_char + f[0].start, sent.start_char + f[0].end,
                                                         lex.future_markers) in ("past", None)],
                    offset + sent.end_char, pub)
    out = []
    for ev in events:
        trig = trigger_token(sent, ev.span[0] - offset, ev.span[1] - offset)
        usable = _usable(trig, found)
        d = _nearest(trig, usable) if usable else (
            ref if ref is not None and not found and narrative_past(trig) else None)
        out.append(ev if d is None else ev.model_copy(update={
            "date": d.date, "date_precision": d.precision, "date_text": d.text, "date_range": d.range}))
    return out
