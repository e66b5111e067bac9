"""Give the events of one sentence their date: the nearest date expression, else the publication date.

For each event the candidate expressions of its sentence are ranked: those not separated from the trigger
by a comma (or ; : –) first, then by dependency-path distance from the trigger to the expression's head
token, then by token distance; the nearest one that resolves gives `date`,
`date_precision`, `date_text` and `date_range`. With none, the event keeps the publication date with
precision `publication` (no `date_range`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Span, Token

from konflikt.dates.find import Expression, find_expressions
from konflikt.dates.lexicon import DateLexicon, load_date_lexicon
from konflikt.dates.resolve import EventDate, resolve
from konflikt.dates.tense import clause_tense
from konflikt.records import Event
from konflikt.syntax import crosses_punct, head_token, tree_distance, trigger_token

__all__ = ["annotate", "sentence_dates"]


def sentence_dates(sent: Span, lex: DateLexicon, pub: date | None) -> list[tuple[Expression, Token, EventDate]]:
    """Every resolvable date expression of a sentence with its head token and resolved date."""
    out = []
    for expr in find_expressions(sent.text, lex):
        s, e = sent.start_char + expr.start, sent.start_char + expr.end
        head = head_token([t for t in sent if s <= t.idx < e])
        if head is None:
            continue
        got = resolve(expr, lex, pub, clause_tense(sent, s, e, lex.future_markers))
        if got is not None:
            out.append((expr, head, got))
    return out


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


def annotate(events: list[Event], sent: Span, lang: str, pub: date | str | None, offset: int = 0) -> list[Event]:
    """The events of `sent` with their dates set. `offset` is the document char offset of the parsed piece
    (event spans are document offsets; the sentence's are relative to its piece)."""
    if not events:
        return events
    try:
        lex = load_date_lexicon(lang)
    except FileNotFoundError:
        return events
    found = sentence_dates(sent, lex, _as_date(pub))
    if not found:
        return events
    out = []
    for ev in events:
        trig = trigger_token(sent, ev.span[0] - offset, ev.span[1] - offset)
        d = _nearest(trig, found)
        out.append(ev.model_copy(update={"date": d.date, "date_precision": d.precision, "date_text": d.text,
                                         "date_range": d.range}))
    return out
