"""The record a proposed event travels in (`Candidate`) and the groups of PLOVER event types the rules test."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from konflikt.actors.resolved import ResolvedActor
from konflikt.events.modality import Modality

VERBAL_TYPES = {"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "CONCEDE", "SUPPORT"}
# Verbal reactions whose object can be an event of its own ("fördömde attacken", "protesterade mot gripandet").
REACTION_TYPES = {"ACCUSE", "REJECT", "PROTEST", "REQUEST"}
MATERIAL_CONFLICT = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"}
COOP_TO_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# A promise or offer of these is a threat (PLOVER THREATEN): (mode, CAMEO code) of the threat.
PROMISED_FORCE = {"ASSAULT": ("violence", "138"), "COERCE": ("restrict", "137"), "SANCTION": ("relations", "1312")}
COOPERATIVE = COOP_TO_AGREE | {"AGREE"}


@dataclass
class Candidate:
    """A trigger with its lexicon entry and the arguments found for it."""

    token: Token
    entry: object
    event: str
    mode: str | None
    context: list[str]
    cameo: str | None
    tokens: list[Token]
    actors: list[ResolvedActor] = field(default_factory=list)
    recipients: list[ResolvedActor] = field(default_factory=list)
    absorbed_into: Candidate | None = None
    light_verb: Token | None = None
    light_role: str | None = None
    modality: Modality | None = None
    confidence: float = 0.9
    notes: list[str] = field(default_factory=list)
    dropped: str | None = None
    """Why the rules drop this candidate (set only in `extract(..., generous=True)`)."""
    unaddressed: tuple[str, str | None, str | None] | None = None
    """(event, mode, cameo) the candidate codes as when it ends with no recipient: forces sent to no party
    are deployed (`konflikt.events.triggers._sends_forces`), not given."""
    if_negated: tuple[str, str | None, str | None] | None = None
    """(event, mode, cameo) the candidate codes as, not negated, when it is negated (the entry's `negated_as`)."""


def _is_noun(c: Candidate) -> bool:
    """Whether a candidate is a nominal event (by its lexicon entry, not the possibly wrong tag)."""
    pos = getattr(c.entry, "pos", None)
    return pos == "NOUN" if pos else c.token.pos_ in {"NOUN", "PROPN"}
