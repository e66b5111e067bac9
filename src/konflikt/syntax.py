"""Small helpers over a parsed spaCy sentence: head of a token group, the trigger's token, tree distance.

Shared by the stages that attach something in a sentence to an event's trigger (dates, places).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

__all__ = ["head_token", "trigger_token", "tree_distance", "crosses_punct", "tokens_in", "governing_verb"]

_VERBS = frozenset({"VERB", "AUX"})
_MAX_STEPS = 8
_SEPARATORS = frozenset({",", ";", ":", "–", "—", "(", ")"})


def head_token(tokens: Sequence[Token]) -> Token | None:
    """The token of a contiguous group whose head lies outside the group (the first such, or the first token)."""
    if not tokens:
        return None
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])


def tokens_in(sent: Span, start: int, end: int) -> list[Token]:
    """Tokens of a sentence overlapping Doc char offsets [start, end)."""
    doc = sent.doc
    lo, hi = sent.start, sent.end
    while lo < hi:  # the first token ending after `start` (token ends grow with the index)
        mid = (lo + hi) // 2
        t = doc[mid]
        if t.idx + len(t.text) > start:
            hi = mid
        else:
            lo = mid + 1
    out = []
    while lo < sent.end and (t := doc[lo]).idx < end:
        out.append(t)
        lo += 1
    return out


def trigger_token(sent: Span, start: int, end: int) -> Token:
    """The head token of the words at Doc char offsets [start, end) (the sentence root if none overlaps)."""
    return head_token(tokens_in(sent, start, end)) or sent.root


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    depth_a: dict[int, int] = {}
    cur, d = a, 0
    while True:
        depth_a[cur.i] = d
        if cur.head.i == cur.i:
            break
        cur, d = cur.head, d + 1
    cur, d = b, 0
    while cur.i not in depth_a:
        if cur.head.i == cur.i:
            return max(depth_a.values()) + d + 1
        cur, d = cur.head, d + 1
    return depth_a[cur.i] + d


def crosses_punct(a: Token, b: Token) -> bool:
    """Whether a clause-separating punctuation mark (, ; : – — parentheses) stands between two tokens."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text in _SEPARATORS for t in a.doc[lo + 1:hi])


def governing_verb(token: Token) -> Token | None:
    """The nearest VERB/AUX at or above a token (None if there is none within a few steps)."""
    cur = token
    for _ in range(_MAX_STEPS):
        if cur.pos_ in _VERBS:
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None
