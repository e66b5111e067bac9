"""Find candidate date expressions in a text with the compiled patterns of a language (no dateparser here)."""

from __future__ import annotations

from dataclasses import dataclass

from konflikt.dates.lexicon import DateLexicon, DatePattern

__all__ = ["Expression", "find_expressions"]


@dataclass(frozen=True)
class Expression:
    """One candidate date expression: where it is in the text, what it says, which pattern found it."""

    start: int
    end: int
    text: str
    pattern: DatePattern
    groups: tuple[tuple[str, str], ...]
    """Named groups that matched, as (name, text) pairs."""


def find_expressions(text: str, lex: DateLexicon) -> list[Expression]:
    """Non-overlapping date expressions in `text`, in text order; of overlapping matches the longest wins
    (ties: the pattern listed first in the data file)."""
    found: list[tuple[int, int, int, Expression]] = []
    for rank, pat in enumerate(lex.patterns):
        for m in pat.regex.finditer(text):
            if m.end() <= m.start():
                continue
            groups = tuple((k, v) for k, v in m.groupdict().items() if v)
            found.append((m.start(), m.end(), rank, Expression(m.start(), m.end(), m.group(0), pat, groups)))
    chosen: list[Expression] = []
    for start, end, _, expr in sorted(found, key=lambda f: (-(f[1] - f[0]), f[2], f[0])):
        if all(end <= c.start or start >= c.end for c in chosen):
            chosen.append(expr)
    return sorted(chosen, key=lambda e: e.start)
