"""The tense of the clause a date expression belongs to, from the dependency parse and verb morphology.

The governing verb is found by walking up the heads from the expression to the first VERB/AUX. The clause
is `future` if a future marker of the language (data file `future_markers`: ska, kommer att, will, going
to) is the verb, one of its auxiliaries, or stands right before it; `past` if the verb or an auxiliary has
Tense=Past, or the verb is a supine/past participle (perfect: "har lanserat", "has launched"); `present`
if it has Tense=Pres; None if no verb is found. An infinitive without auxiliaries takes the tense of the
verb it depends on ("planerar att anfalla i januari" -> present).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from konflikt.syntax import governing_verb, head_token

__all__ = ["clause_tense", "narrative_past"]

_VERBS = frozenset({"VERB", "AUX"})


def _has_marker(verb: Token, markers: Sequence[tuple[str, ...]]) -> bool:
    doc = verb.doc
    starts = {verb.i} | {c.i for c in verb.children if c.dep_.startswith("aux")}
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.i < verb.i:
        starts.add(verb.head.i)
    for marker in markers:
        n = len(marker)
        # the marker starts at the verb / an auxiliary / its head, or ends right before the verb
        cands = starts | {verb.i - n - k for k in range(0, 3)}
        for s in cands:
            if s < 0 or s + n > len(doc):
                continue
            words = tuple(doc[i].lower_ for i in range(s, s + n))
            if words == marker and not any(doc[i].is_punct for i in range(s, verb.i)):
                return True
    return False


def _is_past(verb: Token) -> bool:
    for t in [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]:
        if "Past" in t.morph.get("Tense"):
            return True
    forms = verb.morph.get("VerbForm")
    return "Sup" in forms


def clause_tense(sent: Span, start_char: int, end_char: int, future_markers: Sequence[tuple[str, ...]]) -> str | None:
    """'future', 'past', 'present' or None for the clause of the text at [start_char, end_char) (Doc offsets)."""
    tokens = [t for t in sent if start_char <= t.idx < end_char]
    head = head_token(tokens)
    verb = governing_verb(head) if head is not None else None
    if verb is None:
        verb = sent.root if sent.root.pos_ in _VERBS else None
    if verb is None:
        return None
    if _has_marker(verb, future_markers):
        return "future"
    # an infinitive without auxiliaries takes the tense of the verb it depends on ("planerar att anfalla")
    bare_inf = "Inf" in verb.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in verb.children)
    if bare_inf and verb.head.i != verb.i and verb.head.pos_ in _VERBS:
        verb = verb.head
    if _has_marker(verb, future_markers):
        return "future"
    if _is_past(verb):
        return "past"
    if "Pres" in verb.morph.get("Tense"):
        return "present"
    return None


def narrative_past(token: Token) -> bool:
    """Whether the clause of a token tells a past event in the simple past — the tense of a narrative that
    goes on at the time the text gave last ("anföll", "bombades", "attacked", "was shelled"), not a perfect or
    pluperfect (background: "har/hade anfallit", "had attacked"), a modal or future ("skulle", "would",
    "will"), nor a present. An infinitive without auxiliaries takes the verb it depends on."""
    verb = governing_verb(token)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    if "Inf" in verb.morph.get("VerbForm") and not auxes and verb.head.i != verb.i and verb.head.pos_ in _VERBS:
        verb = verb.head
        auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    if any(c.dep_ == "aux" for c in auxes) or "Sup" in verb.morph.get("VerbForm"):
        return False
    passive = [c for c in auxes if c.dep_ == "aux:pass"]
    if passive:
        return any("Past" in c.morph.get("Tense") for c in passive)
    return "Past" in verb.morph.get("Tense") and "Part" not in verb.morph.get("VerbForm")
