"""When: event dates from Swedish and English date expressions, anchored on the publication date.

A sentence's date expressions ("den 10 december", "i april", "2011", "förra veckan", "i fredags",
"de senaste tio dagarna", "three days ago", "on Thursday") are found with per-language patterns from
`data/dates/<lang>.yaml` (`find`), handed to dateparser with the publication date as the relative base
(`resolve`), read past or future from the clause's verb morphology and future markers (`tense`), and given
to the events of the sentence, each taking the expression nearest its trigger in the dependency tree
(`annotate`). An event's date is ISO 8601 truncated to its precision — day "2019-12-10", week "2019-W51"
(ISO week), month "2019-04", year "2011", range "2019-12-17/2019-12-27" — with `date_range` = [first day,
last day]; without an expression an event told in the simple past takes the paragraph's last date
(`context`), else it is the publication date with precision "publication".
Formats: docs/dates-places.md.
"""

from konflikt.dates.annotate import annotate, observe_text, sentence_dates
from konflikt.dates.context import DateContext
from konflikt.dates.find import Expression, find_expressions
from konflikt.dates.lexicon import DateLexicon, load_date_lexicon, validate_date_file
from konflikt.dates.resolve import PRECISIONS, EventDate, format_date, resolve
from konflikt.dates.tense import clause_tense

__all__ = [
    "annotate", "sentence_dates", "observe_text", "DateContext", "Expression", "find_expressions", "DateLexicon",
    "load_date_lexicon",
    "validate_date_file", "PRECISIONS", "EventDate", "format_date", "resolve", "clause_tense", "resolve_text",
]


def resolve_text(text: str, lang: str, pub, tense: str | None = None) -> EventDate | None:
    """The first date expression in a plain text, resolved (tense given, not parsed): for tests and tools."""
    from datetime import date

    lex = load_date_lexicon(lang)
    base = pub if isinstance(pub, date) or pub is None else date.fromisoformat(str(pub)[:10])
    for expr in find_expressions(text, lex):
        got = resolve(expr, lex, base, tense)
        if got is not None:
            return got
    return None
