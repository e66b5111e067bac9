"""Qualified triggers: a verb that is an event only with a qualifying word (`requires_qualifier`) or a
recipient of a given kind (`recipient_qualifiers`), and marking a candidate as qualified."""

from __future__ import annotations

from spacy.tokens import Token

from konflikt.actors.np import _case_of
from konflikt.actors.resolved import ResolvedActor
from konflikt.events.candidate import Candidate
from konflikt.events.lemmas import _lemmas
from konflikt.language.registry import rules_of, words_for

CONCESSIVE_PREPS = {"en": {"despite", "in spite of", "notwithstanding"}}


def _apply_qualifiers(cand: Candidate, tok: Token, prefix: str | None, lang: str) -> None:
    quals = getattr(cand.entry, "qualifiers", None) or []
    if not quals:
        return
    words = qualifying_words(tok, prefix, lang)
    for q in quals:
        hit = matching_words(q.words, words, lang)
        if hit is not None:
            _qualify(cand, q, f"qualifier:{hit or 'prefix'}")
            return


def qualifying_words(tok: Token, prefix: str | None, lang: str) -> set[str]:
    """The lemmas that may qualify a trigger: its compound prefix, its objects, modifiers and obliques (and an
    English content clause's), with their conjuncts, adjectives and compounds."""
    words: set[str] = set()
    if prefix:
        words.add(prefix.lower().rstrip("s-"))
        words.add(prefix.lower())
    scope = [tok] + [c for c in tok.children if c.dep_ in {"obj", "nsubj:pass"}] + _second_subjects(tok)
    deps = {"amod", "nmod", "compound", "obj", "obl", "conj", "nsubj:pass", "xcomp"}
    if rules_of(lang) == "en":  # "vowed that Israel would face a reckoning": the content clause's verb and object
        deps.add("ccomp")
        scope += [c for c in tok.children if c.dep_ == "ccomp"]
        if tok.i - 2 >= tok.sent.start and tok.doc[tok.i - 1].text == "-":
            words.update(_lemmas(tok.doc[tok.i - 2], lang))  # a hyphenated prefix: "test-fired"
    for t in scope:
        for c in t.children if t is not tok else list(t.children):
            if c.dep_ == "obl" and _case_of(c) in words_for(CONCESSIVE_PREPS, lang, ()):
                continue  # "has not withdrawn its troops despite demands": the demands do not qualify withdrawing
            if c.dep_ in deps:
                words.update(_lemmas(c, lang))
                for cc in c.children:
                    if cc.dep_ in {"conj", "amod", "compound"}:
                        words.update(_lemmas(cc, lang))
        if t is not tok:
            words.update(_lemmas(t, lang))
    return words


def matching_words(listed, words: set[str], lang: str) -> list[str] | None:
    """Whether a word list (a qualifier's, the deployment's forces) names one of `words`: the same word, a longer
    form of it ("militära" ~ "militär"), or in Swedish a compound with it as head ("lastfartyg" ~ "fartyg").
    The exact hits (maybe none) when it does, None when not."""
    qwords = {w.lower() for w in listed}
    heads = tuple(q for q in qwords if len(q) >= 5) if rules_of(lang) == "sv" else ()
    if qwords and (words & qwords or any(w.startswith(tuple(qwords)) for w in words if len(w) > 3)
                   or any(w.endswith(heads) for w in words if heads)):
        return sorted(words & qwords)
    return None


def _qualify(cand: Candidate, q, note: str) -> None:
    cand.event = q.event or cand.event
    cand.mode = q.mode if q.mode is not None else (cand.mode if q.event is None else None)
    cand.context = list(q.context or cand.context)
    cand.cameo = q.cameo or cand.cameo
    cand.notes.append(note)


def _qualified(cand: Candidate) -> bool:
    return any(n.startswith("qualifier:") for n in cand.notes)


def _direct_object(verb: Token, r: ResolvedActor) -> bool:
    """Whether a recipient is the verb's object (or conjoined with it), not a prepositional phrase."""
    tok = verb.doc[r.head]
    while tok.dep_ in {"conj", "appos", "flat", "flat:name"} and tok.head != tok:
        tok = tok.head
    return tok.head.i == verb.i and (tok.dep_ in {"obj", "nsubj:pass"} or tok in _second_subjects(verb))


def _second_subjects(verb: Token) -> list[Token]:
    """Subjects after the verb when it already has one before it: a mis-parsed object ("Franska trupper
    lämnade [nsubj] Mali")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not any(c.i < verb.i for c in subjects):
        return []
    return [c for c in subjects if c.i > verb.i]


def recipient_qualifiers(cands: list[Candidate]) -> list[Candidate]:
    """Apply qualifiers keyed on the kind of a resolved recipient ("lämna Ecowas": an IGO -> SANCTION,
    "lämna Somalia": a country -> RETREAT) and drop candidates whose entry `requires_qualifier` but got none
    ("sänka räntan" is not "sänka ett fartyg")."""
    out = []
    for c in cands:
        quals = getattr(c.entry, "qualifiers", None) or ()
        if not _qualified(c):
            kinds = {r.entity.kind for r in c.recipients if r.entity is not None and _direct_object(c.token, r)}
            q = next((q for q in quals if set(q.recipient_kinds) & kinds), None)
            if q is not None:
                _qualify(c, q, f"qualifier:recipient-{sorted(set(q.recipient_kinds) & kinds)[0]}")
        if getattr(c.entry, "requires_qualifier", False) and not _qualified(c):
            continue
        out.append(c)
    return out
