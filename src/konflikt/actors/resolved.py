"""The records of actor resolution: `ResolvedActor` (an actor found at a token span, how, and its
entity) and `DiscourseState` (what a document has mentioned so far: the referents of coreference)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from konflikt.actors.kb import Entity, KnowledgeBase
from konflikt.records import Actor

COUNTRY_DECAY = 0.7  # weight kept by a country mention per following sentence (DiscourseState.dominant_country)


@dataclass
class ResolvedActor:
    """An actor found in a sentence, with the token it is anchored on."""

    actor: Actor
    entity: Entity | None
    head: int
    confidence: float = 1.0
    antecedent: int | None = None
    """For a pronoun resolved within its sentence: the token of the antecedent mention."""
    person: bool = False
    """The mention names a person the knowledge base does not know, resolved by their title or office
    ("Japanese Prime Minister Ryutaro Hashimoto" -> JPNGOV): a later "he"/"his" refers to them."""
    person_name: str | None = None
    """The words of the name of a person the knowledge base does not know ("Jean-Paul Mbarga"), for a later
    mention by one part of it ("Mbarga")."""

    @property
    def key(self) -> str:
        a = self.actor
        if a.entity_id and a.code and a.entity_id == a.country and a.code != a.entity_id:
            return f"{a.entity_id}/{a.code}"  # a country narrowed to a sector: TURREB is not TURGOV
        return a.entity_id or a.code or a.name


@dataclass
class DiscourseState:
    """What the document has mentioned so far, for resolving "regeringen", "han", "de"."""

    by_sector: dict[str, ResolvedActor] = field(default_factory=dict)
    by_sector_at: dict[str, int] = field(default_factory=dict)
    last_person: ResolvedActor | None = None
    last_person_at: int = -1
    last_group: ResolvedActor | None = None
    last_org: ResolvedActor | None = None
    last_org_at: int = -1
    last_igo: ResolvedActor | None = None
    last_igo_at: int = -1
    sentences: int = 0
    """Sentences started so far (`build_sentence_actors` counts them), for the recency of anaphors."""
    countries: Counter = field(default_factory=Counter)
    people: dict[str, ResolvedActor] = field(default_factory=dict)
    """Knowledge-base people named so far (by entity id), for a later mention by one part of the name."""
    unknown_people: dict[str, ResolvedActor] = field(default_factory=dict)
    """People no knowledge base knows, named so far with at least two words (by their name), likewise."""
    events: list = field(default_factory=list)
    """(sentence, PLOVER type, actors) of the events coded so far, for "kritiken", "kraven" (their authors)."""

    dyads: list = field(default_factory=list)
    """(sentence, PLOVER type, actors, recipients) of the events coded so far with both, for a later event's
    implicit recipient (`konflikt.events.discourse`)."""

    def remember_dyad(self, etype: str, actors: list[ResolvedActor], recipients: list[ResolvedActor]) -> None:
        if actors and recipients:
            self.dyads.append((self.sentences, etype, actors, recipients))
            del self.dyads[:-20]

    def recent_dyads(self, within: int = 1) -> list[tuple[str, list[ResolvedActor], list[ResolvedActor]]]:
        """(type, actors, recipients) of the dyads coded in the `within` sentences before this one, latest
        first."""
        return [(t, a, r) for at, t, a, r in reversed(self.dyads) if 0 < self.sentences - at <= within]

    def remember_event(self, etype: str, actors: list[ResolvedActor]) -> None:
        if actors:
            self.events.append((self.sentences, etype, actors))
            del self.events[:-20]

    def recent_events(self, within: int = 2) -> list[tuple[str, list[ResolvedActor]]]:
        """(type, actors) of the events of the `within` sentences before this one, latest first."""
        return [(t, a) for at, t, a in reversed(self.events) if 0 < self.sentences - at <= within]

    def recent_event(self, etype: str, within: int = 2) -> list[ResolvedActor]:
        """The actors of the last event of that type in the `within` sentences before this one."""
        for at, t, actors in reversed(self.events):
            if at >= self.sentences:
                continue
            if self.sentences - at > within:
                break
            if t == etype:
                return actors
        return []

    def remember(self, ra: ResolvedActor, kb: KnowledgeBase) -> None:
        a = ra.actor
        if ra.entity is not None and ra.entity.kind == "person" and a.resolution == "name":
            self.people.pop(ra.entity.id, None)
            self.people[ra.entity.id] = ra
        if ra.entity is None or ra.entity.kind != "person":
            name = ra.person_name or (a.name if (a.resolution or "").startswith("ner-person") else None)
            if name and len(name.split()) >= 2 and not (a.resolution or "").startswith("coref"):
                self.unknown_people.pop(name, None)
                self.unknown_people[name] = ra
        if a.country:
            self.countries[a.country] += 1
        if a.sector:
            self.by_sector[a.sector] = ra
            self.by_sector_at[a.sector] = self.sentences
        kind = ra.entity.kind if ra.entity else None
        if kind == "person" or (a.resolution or "").startswith("ner-person") or ra.person:
            self.last_person, self.last_person_at = ra, self.sentences
        elif kind in {"group", "country", "igo", "org"} or a.sector:
            self.last_group = ra
        if kind in {"group", "org"} and ra.actor.resolution not in {"coref-pronoun", "coref-anaphor"}:
            self.last_org, self.last_org_at = ra, self.sentences
        if kind == "igo" and ra.actor.resolution not in {"coref-pronoun", "coref-anaphor"}:
            self.last_igo, self.last_igo_at = ra, self.sentences

    def new_sentence(self) -> None:
        """Start a sentence: older country mentions weigh less (DECAY per sentence), so a paragraph about Haiti
        after three about Serbia is about Haiti."""
        self.sentences += 1
        for k in self.countries:
            self.countries[k] *= COUNTRY_DECAY

    def dominant_country(self) -> str | None:
        if not self.countries:
            return None
        (code, n), *rest = self.countries.most_common(2)
        if rest and rest[0][1] == n:
            return None
        return code
