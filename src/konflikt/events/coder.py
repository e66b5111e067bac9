"""Turn extracted trigger candidates into PLOVER `Event` records (type rules, filtering, confidence).

Rules applied here, all from the PLOVER manual:
* cooperative CONSULT/SUPPORT/COOPERATE/AID/CONCEDE/RETREAT actions stated as future, intended or
  hypothetical are AGREE; sanctions and coercion stated so (not negated) are THREATEN;
* an event needs an actor, except an agentless passive with a recipient ("X avsattes");
* types that require a recipient (COOPERATE, AID, SANCTION) are not coded without one;
* an actor is never its own recipient; the same event coded twice in a sentence is kept once.

`propose` gives every event the rules would code as a `Proposal`, and with `generous=True` also those they
would drop, flagged with why (the learned scorer, `konflikt.events.scorer`, chooses among them); `to_events`
keeps the undropped ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from konflikt.actors.resolved import ResolvedActor
from konflikt.actors.resolver import SentenceActors
from konflikt.actors.sector_phrases import STATE_SECTORS
from konflikt.events.candidate import COOP_TO_AGREE, Candidate
from konflikt.events.clause import is_passive
from konflikt.events.ontology import Ontology
from konflikt.events.targets import PLACE_TARGET_TYPES
from konflikt.language.registry import rules_of
from konflikt.records import Actor, Event

FUTURE_LIKE = {"future", "intent", "hypothetical"}
# Non-violent coercive acts announced for the future are threats (PLOVER THREATEN, with its mode).
CONFLICT_TO_THREATEN = {"SANCTION": "relations", "COERCE": "restrict"}


def _actors(ras: list[ResolvedActor]) -> list[Actor]:
    return [ra.actor for ra in ras]


# PLOVER/CAMEO code a refusal to agree or give in as REJECT (CAMEO 12: reject; 120 not specified), not as a
# negated AGREE/CONCEDE.
REFUSAL_OF = {"AGREE": "120", "CONCEDE": "120"}

# "X och Y möttes", "X and Y agreed to cooperate": coordinated actors without a recipient act on each other.
RECIPROCAL_TYPES = {"CONSULT", "COOPERATE"}


def _reciprocal(cands: list[Candidate]) -> list[Candidate]:
    """Candidates with coordinated actors and no recipient, of a reciprocal type or verb ("X och Y enades"),
    become one per ordered pair."""
    from dataclasses import replace

    out: list[Candidate] = []
    for c in cands:
        actor_countries = {a.actor.country for a in c.actors}
        # (a recipient that is only one of the actors' own countries again does not count: "Chinese and Russian
        # warships held joint drills as part of Russia's exercise")
        own = all(r.actor.country in actor_countries and r.actor.code == r.actor.country for r in c.recipients)
        mutual = c.event in RECIPROCAL_TYPES or getattr(c.entry, "reciprocal", False) or "between" in c.notes
        if mutual and own and len(
                c.actors) >= 2:
            for a in c.actors:
                for b in c.actors:
                    if a.key != b.key:
                        out.append(replace(c, actors=[a], recipients=[b], notes=[*c.notes, "reciprocal"]))
        else:
            out.append(c)
    return out


# Types whose actor is often unnamed: an event without an actor is still reported.
ACTORLESS_TYPES = {"PROTEST"}
# Self-directed types: the people they muster are the actor's own, not a party it acts on.
SELF_DIRECTED = {"MOBILIZE"}


def _internal(r: ResolvedActor, actor_countries: set[str], etype: str, non_state_actors: bool = False) -> bool:
    """A recipient that is only the actor's own country again (the country itself, or a sector of it found
    by coreference) - not a separate party, so no dyad. A non-state group of that country found so
    ("Egyptian police dispersed demonstrators") is a party of its own, except to a self-directed type
    ("the junta introduced conscription for young men"). The state, or an organ of it, is a party of its own to
    the country's non-state groups (opposition, rebels, unions)."""
    if not r.actor.country or r.actor.country not in actor_countries:
        return False
    if non_state_actors and r.actor.sector in STATE_SECTORS:
        return False  # "opposition groups in Zimbabwe demand that President Mugabe ...": ZWEOPP -> ZWEGOV
    if (etype not in SELF_DIRECTED and r.actor.sector and r.actor.sector not in STATE_SECTORS
            and r.actor.code != r.actor.country):
        return False
    how = r.actor.resolution or ""
    return (r.entity is not None and r.entity.kind == "country" and r.actor.code == r.actor.country) or how.startswith(
        ("coref", "document", "sentence-country"))


@dataclass
class Proposal:
    """One event the rules propose for a sentence, with the candidate it came from.

    `dropped` says why today's rules would not code it (None: they would). `to_events` keeps only the
    undropped proposals; a learned scorer (`konflikt.events.scorer`) may choose among all of them. The fields
    are what the scorer weighs; the `event` record is built only when asked for (most proposals of a generous
    sentence are never coded)."""

    candidate: Candidate
    etype: str
    quad: int
    negated: bool
    labels: list[str]
    confidence: float
    language: str
    dropped: str | None = None
    actors: list[ResolvedActor] | None = None
    """The proposal's own actors where they are not the candidate's (an alternative argument)."""
    recipients: list[ResolvedActor] | None = None
    """The proposal's recipients (None: the candidate's, as the rules filtered them)."""
    build: Callable[[], Event] | None = None
    _event: Event | None = None

    @property
    def event(self) -> Event:
        """The event record (built once, on first use)."""
        if self._event is None:
            if self.build is None:
                raise ValueError("a proposal without a record or a way to build one")
            self._event = self.build()
        return self._event

    @property
    def arguments(self) -> tuple[list[ResolvedActor], list[ResolvedActor]]:
        """(actors, recipients) of the proposal."""
        return (self.candidate.actors if self.actors is None else self.actors,
                self.candidate.recipients if self.recipients is None else self.recipients)


def _build(c: Candidate, sa: SentenceActors, onto: Ontology, etype: str, mode: str | None, cameo: str | None,
           recips: list[ResolvedActor], negated: bool, labels: list[str], *, doc_id: str, sent_index: int,
           sent_text: str, sent_span: tuple[int, int], char_offset: int, lang: str, date: str | None,
           actors: list[ResolvedActor] | None = None, validate: bool = True) -> Event:
    """The event record of one proposal; `validate=False` skips pydantic's checks (a dropped proposal, built
    only for the scorer to weigh, from the same checked parts)."""
    actors = c.actors if actors is None else actors
    mod = c.modality
    if mode and mode not in onto.modes(etype):
        mode = None
    conf = _confidence(c, actors, recips)
    speaker = None
    if mod and mod.speaker is not None:
        sp = sa.resolve(mod.speaker, with_conj=False)
        speaker = sp[0].actor if sp else Actor(raw_text=mod.speaker.text, name=mod.speaker.text)
    toks = sorted(c.tokens, key=lambda t: t.i)
    start = char_offset + toks[0].idx
    end = char_offset + toks[-1].idx + len(toks[-1].text)
    intensity = getattr(c.entry, "intensity", None)
    return (Event if validate else Event.model_construct)(
        id=f"{doc_id}:{sent_index}:0",
        doc_id=doc_id,
        sentence_index=sent_index,
        event_text=sent_text,
        sentence_span=sent_span,
        span=(start, end),
        trigger=" ".join(t.text for t in toks),
        event=etype,
        mode=mode,
        context=list(c.context),
        cameo=cameo,
        quad_code=onto.quad(etype),
        intensity=float(intensity if intensity is not None and etype == c.event else onto.intensity(etype)),
        actor=_actors(actors),
        recipient=_actors(recips),
        negated=negated,
        modality=labels,
        source_speaker=speaker,
        date=date,
        date_precision="publication" if date else None,
        date_text=None,
        language=lang,
        confidence=conf,
        warnings=[],
    )


def _confidence(c: Candidate, actors: list[ResolvedActor], recips: list[ResolvedActor]) -> float:
    """The rules' confidence in an event: the candidate's, times its least certain actor's and recipient's."""
    conf = c.confidence
    for group in (actors, recips):
        if group:
            conf *= min(r.confidence for r in group)
    return round(max(0.05, min(1.0, conf)), 3)


def _drop_reason(c: Candidate, etype: str, recips: list[ResolvedActor], onto: Ontology) -> str | None:
    """Why the rules do not code this candidate with these recipients (None: they do)."""
    passive_verb = (is_passive(c.token) and c.token.pos_ in {"VERB", "AUX"}) or "s-passive" in c.notes
    if not c.actors and not (recips and passive_verb) and etype not in ACTORLESS_TYPES:
        return "no-actor"  # an event needs an actor, except an agentless passive verb ("Gaddafi avsattes") or a
        # protest by people the text does not name ("veckolånga protester i Jerevan")
    if not recips and onto.requires_recipient(etype) and not (
            etype in PLACE_TARGET_TYPES and c.token.pos_ in {"VERB", "AUX"}):
        return "needs-recipient"  # (a verb's place may still give the recipient: konflikt.events.targets)
    if etype == "THREATEN" and not recips and c.actors and all(a.entity is None for a in c.actors):
        return "unknown-threatener"  # "SMHI varnar för åskskurar": an unknown body's warning at nobody is no threat
    if not recips and getattr(c.entry, "needs_recipient", False):
        return "entry-needs-recipient"  # an order to one's own forces ("beordrade en utökning av arsenalen")
    if etype == "CONSULT" and not recips and len(c.actors) < 2:
        return "consult-alone"  # a visit to a factory, a board's own meeting: no interaction with anybody
    return None


def propose(cands: list[Candidate], sa: SentenceActors, onto: Ontology, *, doc_id: str, sent_index: int,
            sent_text: str, sent_span: tuple[int, int], char_offset: int, lang: str,
            date: str | None, generous: bool = False) -> list[Proposal]:
    """The events the rules propose for one sentence's candidates. With `generous`, also what the rules would
    drop, each flagged with why: candidates that `extract` dropped (`Candidate.dropped`), candidates without the
    arguments their type needs, the original type where a rule rewrote it, and the recipients the rules
    filtered out. Without it, exactly the events `to_events` codes."""
    out: list[Proposal] = []
    seen: set[tuple] = set()  # the events the rules keep
    seen_all: set[tuple] = set()  # and those they drop (a dropped one never hides a kept one)
    where = dict(doc_id=doc_id, sent_index=sent_index, sent_text=sent_text, sent_span=sent_span,
                 char_offset=char_offset, lang=lang, date=date)
    pool = _alternative_pool(sa) if generous and cands else []
    for c in _reciprocal(cands):
        mod = c.modality
        labels = list(mod.labels) if mod else []
        etype, mode, cameo = c.event, c.mode, c.cameo
        rewritten = False
        if etype in COOP_TO_AGREE and FUTURE_LIKE & set(labels):
            etype, mode, rewritten = "AGREE", None, True
            c.notes.append(f"{c.event}->AGREE (future/intent)")
        elif etype in CONFLICT_TO_THREATEN and FUTURE_LIKE & set(labels) and not (mod and mod.negated):
            etype, mode, rewritten = "THREATEN", CONFLICT_TO_THREATEN[etype], True
            c.notes.append(f"{c.event}->THREATEN (future/intent)")
        elif (rules_of(lang) == "en" and etype == "ASSAULT" and FUTURE_LIKE & set(labels) and not (mod and mod.negated)
              and c.token.pos_ in {"VERB", "AUX"} and "reported" in labels):
            # "China said it would retaliate", "Iran says it will strike back": an attack announced in reported
            # speech ("would" is its future) is a threat (CAMEO 138)
            etype, mode, rewritten = "THREATEN", "violence", True
            c.notes.append("ASSAULT->THREATEN (announced)")
        negated = bool(mod and mod.negated)
        orig_negated, orig_labels = negated, labels
        if negated and c.if_negated is not None and etype == c.event:
            # "has not ruled out strikes", "utesluter inte militära åtgärder": a threat, not a negated refusal
            etype, mode, cameo = c.if_negated
            negated, rewritten = False, True
            labels = [x for x in labels if x != "negation"]
            c.notes.append(f"negated {c.event}->{etype}")
        elif etype in REFUSAL_OF and negated:  # "kommer aldrig att godta avtalet": a refusal is REJECT
            etype, mode, cameo, negated, rewritten = "REJECT", None, REFUSAL_OF[etype], False, True
            labels = [x for x in labels if x != "negation"]
            c.notes.append(f"negated {c.event}->REJECT")
        actor_keys = {a.key for a in c.actors}
        actor_countries = {a.actor.country for a in c.actors if a.actor.country}
        non_state = bool(c.actors) and all(a.actor.sector and a.actor.sector not in STATE_SECTORS
                                           and a.actor.code != a.actor.country for a in c.actors)
        # an actor is never its own recipient; "the junta ... its own country" is internal, not a dyad
        # a person's own organisation is not a party to their act ("Hamas ledare lovade att rörelsen ska hämnas")
        own_orgs = {sa.kb.roll_up(a.entity, sa.on_date).id for a in c.actors
                    if a.entity is not None and a.entity.kind == "person"}
        # ... nor is a state organ the same organ again under another name (Zelenskiy, UKRGOV -> "Kyiv", UKRGOV)
        state_codes = {a.actor.code for a in c.actors if a.actor.code and a.actor.sector in STATE_SECTORS}
        recips = [r for r in c.recipients
                  if r.key not in actor_keys and not _internal(r, actor_countries, etype, non_state)
                  and not (r.entity is not None and r.entity.kind != "country" and r.entity.id in own_orgs)
                  and not (r.actor.code in state_codes and r.actor.sector in STATE_SECTORS)]
        if not recips and c.unaddressed is not None and etype == c.event:
            # forces sent to no party are deployed ("Indonesien har skickat ytterligare 600 soldater")
            etype, mode, cameo = c.unaddressed
            rewritten = True
            c.notes.append(f"{c.event}->{etype} (forces sent to no party)")
        reason = c.dropped or _drop_reason(c, etype, recips, onto)
        variants: list[tuple[str | None, str, str | None, str | None, list[ResolvedActor], bool, list[str]]] = []
        if reason is None or generous:
            variants.append((reason, etype, mode, cameo, recips, negated, labels))
        if generous:
            filtered = [r for r in c.recipients if r not in recips and r.key not in actor_keys]
            if filtered:
                variants.append((c.dropped or "recipient-filtered", etype, mode, cameo, recips + filtered, negated,
                                 labels))
            if rewritten:
                variants.append((c.dropped or "type-rewritten", c.event, c.mode, c.cameo, recips, orig_negated,
                                 orig_labels))
        alts: list[tuple[str | None, str, str | None, str | None, list[ResolvedActor], bool, list[str],
                         list[ResolvedActor] | None]] = [(*v, None) for v in variants]
        if generous and pool and (c.actors or recips):
            alts.extend((why, etype, mode, cameo, r, negated, labels, a)
                        for why, r, a in _alternatives(c, pool, recips))
        for why, vtype, vmode, vcameo, vrecips, vneg, vlabels, vactors in alts:
            vkeys = actor_keys if vactors is None else {a.key for a in vactors}
            key = (vtype, tuple(sorted(vkeys)), tuple(sorted(r.key for r in vrecips)), vneg)
            if key in (seen_all if why else seen):
                continue  # the same event coded twice in a sentence is kept once
            seen_all.add(key)
            if why is None:
                seen.add(key)
            build = partial(_build, c, sa, onto, vtype, vmode, vcameo, vrecips, vneg, vlabels, actors=vactors,
                            validate=why is None, **where)
            out.append(Proposal(c, vtype, onto.quad(vtype), vneg, vlabels,
                                _confidence(c, c.actors if vactors is None else vactors, vrecips), lang, why,
                                actors=vactors, recipients=vrecips, build=build))
    return out


MAX_ALTERNATIVES = 6  # other actors of a sentence offered as alternative arguments of each candidate


def _alternative_pool(sa: SentenceActors) -> list[ResolvedActor]:
    """The sentence's actors that may stand as another argument of a candidate (text order, at most
    `MAX_ALTERNATIVES`, one per key)."""
    out, seen = [], set()
    for ra in sa.all_actors():
        if ra.key not in seen:
            seen.add(ra.key)
            out.append(ra)
    return out[:MAX_ALTERNATIVES]


def _alternatives(c: Candidate, pool: list[ResolvedActor], recips: list[ResolvedActor]
                  ) -> list[tuple[str, list[ResolvedActor], list[ResolvedActor] | None]]:
    """Alternative arguments for the scorer to weigh against the rules' own (generous proposals only), as
    (why, recipients, actors or None for the candidate's): each other actor of the sentence as the recipient,
    no recipient at all, and each other actor as the actor (with the rules' recipients)."""
    taken = {a.key for a in c.actors} | {r.key for r in recips}
    out: list[tuple[str, list[ResolvedActor], list[ResolvedActor] | None]] = []
    if recips:
        out.append(("alt-no-recipient", [], None))
    for ra in pool:
        if ra.key in taken:
            continue
        if c.actors:
            out.append(("alt-recipient", [ra], None))
        out.append(("alt-actor", [r for r in recips if r.key != ra.key], [ra]))
    return out


def number(events: list[Event], doc_id: str, sent_index: int, start_n: int = 0) -> list[Event]:
    """Give a sentence's events their ids, in order."""
    for n, ev in enumerate(events):
        ev.id = f"{doc_id}:{sent_index}:{start_n + n}"
    return events


def to_events(cands: list[Candidate], sa: SentenceActors, onto: Ontology, *, doc_id: str, sent_index: int,
              sent_text: str, sent_span: tuple[int, int], char_offset: int, lang: str,
              date: str | None, start_n: int = 0) -> list[Event]:
    """Event records for one sentence's candidates: the proposals the rules keep."""
    props = propose(cands, sa, onto, doc_id=doc_id, sent_index=sent_index, sent_text=sent_text,
                    sent_span=sent_span, char_offset=char_offset, lang=lang, date=date)
    return number([p.event for p in props if p.dropped is None], doc_id, sent_index, start_n)
