"""Choosing by the rules: which of a sentence's candidates become events, and why the others do not.

The seam between the rules and a scorer: `choose` takes the candidates of one sentence (arguments,
modality and absorption filled in) and returns the kept ones, in order, and the dropped ones with the
reason ("absorbed", "sports", "background-participle", "unqualified"). With `generous` the dropped ones
go on, flagged, to `coder.propose`, where the learned scorer (`scorer.choose`) may pick them instead."""

from __future__ import annotations

from spacy.tokens import Span, Token

from konflikt.actors.np import _case_of
from konflikt.events.candidate import Candidate
from konflikt.events.clause import subject_of
from konflikt.events.qualifiers import recipient_qualifiers

# Subjects that make a clause sports news ("Det svenska herrlandslaget möter Portugal"): no political event.
SPORTS_TEAMS = ("landslag", "landslaget", "landslagets")
SPORTS_WORDS = {"laget", "lagets", "klubben", "team", "squad"}


def _sports_subject(tok: Token) -> bool:
    subj = subject_of(tok) if tok.pos_ in {"VERB", "AUX", "ADJ", "NOUN"} else None
    if subj is None or subj.i > tok.i:
        # the parse lost the subject ("Det svenska herrlandslaget [ROOT] i fotboll möter [nmod] Portugal"): the
        # clause's first noun before the trigger
        subj = next((t for t in tok.sent if t.i < tok.i and t.pos_ == "NOUN"), None)
    return subj is not None and subj.pos_ == "NOUN" and (subj.lower_.endswith(SPORTS_TEAMS)
                                                         or subj.lower_ in SPORTS_WORDS)


def choose(cands: list[Candidate], sent: Span) -> tuple[list[Candidate], list[tuple[Candidate, str]]]:
    """The kept candidates of a sentence, in order, and every other candidate with why it is dropped."""
    # an English participle modifier ("the detained Americans", "Iran-backed militias") is background unless it
    # names both who does it and to whom
    sports = {c.token.i for c in cands if _sports_subject(c.token)}
    out = recipient_qualifiers([c for c in cands if c.absorbed_into is None and c.token.i not in sports and not (
        "attributive-participle" in c.notes and not (c.actors and c.recipients)) and "subject-at-risk" not in c.notes])
    for c in out:
        if c.event in {"COOPERATE", "SUPPORT", "AID"}:  # "gemensamma insatser mot gängen": the target is no partner
            c.recipients = [r for r in c.recipients if _case_of(sent.doc[r.head]) not in {"mot", "against"}]
    kept = {id(c) for c in out}
    dropped = [(c, "absorbed" if c.absorbed_into is not None else "sports" if c.token.i in sports
                else "background-participle" if "attributive-participle" in c.notes
                else "subject-at-risk" if "subject-at-risk" in c.notes else "unqualified")
               for c in cands if id(c) not in kept]
    return out, dropped
