"""Resolve the actors of a parsed sentence: names, nationality words, sector phrases, coreference.

The surface matcher (`names.NameMatcher`) finds knowledge-base names in the token sequence; this module
turns noun phrases of the dependency parse into `Actor` records:

* a KB name, demonym or metonym ("Turkiet", "ryssarna", "Kreml") -> that entity;
* a sector noun with a country or owner ("den libyska regeringen", "trupper från Haftar",
  "Haftarstyrkorna", "det turkiska parlamentet") -> country + sector, then the entity that holds that
  code on the document date (LBYGOV -> Government of National Accord in 2019), or the owner's
  organisation (Haftar -> Libyan National Army);
* a bare or demonstrative sector noun ("regeringen", "denna regering") and personal pronouns -> the
  most recent compatible actor of the document (`DiscourseState`);
* an unknown named entity (NER PER/ORG) -> an actor with the surface form as name and no code.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache

from spacy.tokens import Span, Token

from konflikt.actors.kb import Entity, KnowledgeBase, fold
from konflikt.actors.names import Mention, NameMatcher
from konflikt.datafiles import load_yaml
from konflikt.language.registry import rules_of, words_for
from konflikt.records import Actor

# Dependency relations that stay inside a noun phrase when looking for its actor.
NP_INTERNAL = {"amod", "nmod:poss", "flat", "flat:name", "appos", "compound", "det", "nummod", "nmod"}
# NP-internal prepositions that tie a sector noun to its owner: "trupper från X", "regeringen i X".
OWNER_PREPS = {"sv": {"från", "av", "i", "hos", "inom", "under"}, "en": {"of", "from", "in", "under"}}
PERSONAL_SINGULAR = {"sv": {"han", "hon", "honom", "henne"}, "en": {"he", "she", "him", "her"}}
PERSONAL_PLURAL = {"sv": {"de", "dem"}, "en": {"they", "them", "it"}}  # en "it": a state or organisation
# Definite nouns that refer back to a non-state group or to a country ("rörelsen" = Hamas, "landet" = the
# speaker's country); English forms need "the".
GROUP_ANAPHORS = {"sv": {"rörelsen", "gruppen", "organisationen", "grupperingen", "rörelsens", "gruppens",
                         "organisationens", "grupperingens"},
                  "en": {"movement", "group", "organization", "organisation"}}
# Of these, the ones that may also refer back to an intergovernmental organisation ("Europarådet ...
# organisationens församling").
IGO_ANAPHORS = {"organisationen", "organisationens", "organization", "organisation"}
COUNTRY_ANAPHORS = {"sv": {"landet", "landets"}, "en": {"country", "country's"}}
SECTOR_MEMORY = 3  # sentences a sector's last actor stays the referent of "regeringen", "armén", "polisen"
COUNTRY_DECAY = 0.7  # weight kept by a country mention per following sentence (DiscourseState.dominant_country)
POSSESSIVE_REFLEXIVE = {"sv": {"sin", "sitt", "sina"}, "en": set()}
POSSESSIVE_PLURAL = {"sv": {"deras"}, "en": {"their"}}
POSSESSIVE_SINGULAR = {"sv": {"hans", "hennes"}, "en": {"his", "her"}}
# Common nouns after which a name is a place, not an actor: "staden Sake", "the town of Sake".
PLACE_NOUNS = {"sv": {"staden", "stad", "byn", "by", "orten", "provinsen", "delstaten", "regionen", "distriktet",
                      "hamnstaden", "gränsstaden", "huvudstaden", "kuststaden", "flygplatsen", "lägret"},
               "en": {"town", "city", "village", "province", "state", "region", "district", "port", "capital",
                      "camp"}}
DEMONSTRATIVES = {"sv": {"denna", "denne", "detta", "dessa", "samma"}, "en": {"this", "these", "that", "those"}}
ORG_SECTORS = {"MIL", "REB", "INS", "GOV", "LEG", "COP", "SPY", "PTY", "OPP"}
NON_STATE_ARMED = {"REB", "INS", "UAF", "CRM"}
# Sectors that stand as actors even without a country ("protesters", "rebels", "workers").
# The state's own organs: a country narrowed to one of these is still the state itself.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
# Words that make a demonym an ethnic group of the country it lives in ("ethnic Albanians in Serbia").
ETHNIC_WORDS = {"sv": {"etniska", "etnisk", "etniskt"}, "en": {"ethnic"}}
# Lower-case words inside a name: "Movement for the Actualization of the Sovereign State of Biafra".
NAME_JOINERS = {"of", "for", "and", "the", "de", "al", "du", "la"}
# Prepositions introducing the source of a report ("enligt armén", "according to the army").
SOURCE_PREPS = {"enligt", "according to"}
# Sectors that act at home: "polisen" in a sentence about one country is that country's police (a government or
# army named so is often another country's: "Turkiet stöder regeringen").
DOMESTIC_SECTORS = frozenset({"COP", "OPP", "CVL", "LAB", "EDU", "MED", "HLH", "REF", "CRM"})
FOREIGN_WORDS = {"en": {"foreign", "outside", "external"}}
# Weapons among the military sector words: without a named owner they are of no country.
WEAPON_WORDS = {"en": {"missile", "drone", "rocket", "artillery", "aircraft", "bomber", "helicopter", "gunship",
                       "jet", "warplane", "tank", "warship", "gunboat", "frigate", "destroyer", "submarine"}}
# Capitalised geographic features whose "of X" names a place, not the actor X ("the Sea of Japan").
GEO_FEATURES = {"en": {"Sea", "Gulf", "Bay", "Strait", "Straits", "Horn", "Cape", "Isle", "Isles", "Coast",
                       "Lake", "Island", "Islands"}}
SECTOR_ONLY = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "OPP", "LAB", "REB", "INS", "UAF", "CVL", "REF", "EDU",
               "MED", "HRI", "REL", "BUS", "CRM", "AGR"}


@dataclass
class ResolvedActor:
    """An actor found in a sentence, with the token it is anchored on."""

    actor: Actor
    entity: Entity | None
    head: int
    confidence: float = 1.0
    antecedent: int | None = None
    """For a pronoun resolved within its sentence: the token of the antecedent mention."""

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
    events: list = field(default_factory=list)
    """(sentence, PLOVER type, actors) of the events coded so far, for "kritiken", "kraven" (their authors)."""

    def remember_event(self, etype: str, actors: list[ResolvedActor]) -> None:
        if actors:
            self.events.append((self.sentences, etype, actors))
            del self.events[:-20]

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
        if a.country:
            self.countries[a.country] += 1
        if a.sector:
            self.by_sector[a.sector] = ra
            self.by_sector_at[a.sector] = self.sentences
        kind = ra.entity.kind if ra.entity else None
        if kind == "person" or a.resolution == "ner-person":
            self.last_person = ra
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


@dataclass
class SentenceActors:
    """Actor resolution for one sentence: mentions by token, and NP resolution on demand."""

    sent: Span
    kb: KnowledgeBase
    lang: str
    on_date: Date | None
    state: DiscourseState
    mentions: dict[int, Mention]
    char_offset: int = 0
    _units: list | None = None

    # ---- building blocks -------------------------------------------------------------------------
    def _span_chars(self, start: int, end: int) -> tuple[int, int]:
        doc = self.sent.doc
        return (self.char_offset + doc[start].idx, self.char_offset + doc[end - 1].idx + len(doc[end - 1].text))

    def _raw(self, start: int, end: int) -> str:
        return self.sent.doc[start:end].text

    def actor_for_entity(self, entity: Entity, start: int, end: int, how: str,
                         sector: str | None = None, conf: float = 1.0) -> ResolvedActor:
        """An Actor record for a KB entity, optionally narrowed to a sector (country + sector code)."""
        kb = self.kb
        if sector and entity.kind in {"person", "group", "org"} and sector in ORG_SECTORS:
            entity = kb.roll_up(entity, self.on_date) if entity.kind == "person" else entity
        code, country, ent_sector = kb.code_for(entity, self.on_date)
        if sector and entity.kind == "country":
            code, ent_sector = f"{entity.country}{sector}", sector
            claimed = kb.entity_for_code(code, self.on_date)
            if claimed is not None:
                entity, how = claimed, how + "+claim"
                code, country, ent_sector = kb.code_for(claimed, self.on_date)
        actor = Actor(raw_text=self._raw(start, end), name=entity.name, country=country, sector=ent_sector,
                      code=code, entity_id=entity.id, span=self._span_chars(start, end), resolution=how)
        return ResolvedActor(actor, entity, end - 1, conf)

    def _unknown(self, tok: Token, start: int, end: int) -> ResolvedActor | None:
        """A named entity the knowledge base does not know: a place stands for its country (or for nothing
        after a place noun, "staden Sake"); anything else is an actor with its surface form as name."""
        raw = self._raw(start, end)
        if start > self.sent.start and self.sent.doc[start - 1].lower_ in words_for(PLACE_NOUNS, self.lang, set()):
            return None
        place = _place_unless_person(raw, tok.ent_type_)
        if place is not None:
            ent = self.kb.get(place.country) if place.country else None
            if ent is None:
                return None
            ra = self.actor_for_entity(ent, start, end, "place", conf=0.6)
            ra.head = tok.i
            return ra
        name = self._raw(start, end)
        if rules_of(self.lang) == "sv" and name.endswith("s") and tok.morph.get("Case") == ["Gen"]:
            name = name[:-1]
        actor = Actor(raw_text=self._raw(start, end), name=name, span=self._span_chars(start, end),
                      resolution="ner-person" if tok.ent_type_ in {"PER", "PERSON"} else "ner")
        return ResolvedActor(actor, None, tok.i, 0.6)

    def _named_before(self, tok: Token) -> ResolvedActor | None:
        """'Kim Jong-un besökte ... Kim hotade ...': a capitalised word that is the first or last part of the full
        name of exactly one person the document named before is that person (the surname alone is not always a
        name of the knowledge base: Korean family names come first, "Kim" is many people)."""
        if not self.state.people or not tok.text[:1].isupper():
            return None
        word = fold(tok.text)
        if rules_of(self.lang) == "sv" and word.endswith("s") and tok.morph.get("Case") == ["Gen"]:
            word = word[:-1]
        hits = []
        for ra in self.state.people.values():
            ent = ra.entity
            parts = set()
            for n in ent.names.get(self.lang, ()) or ():
                pieces = [p for p in fold(n).split() if len(p) > 2]
                if len(pieces) >= 2:
                    parts.update({pieces[0], pieces[-1]})
            if word in parts:
                hits.append(ra)
        if len({ra.entity.id for ra in hits}) != 1:
            return None
        prev = hits[0]
        a = prev.actor.model_copy(update={"raw_text": tok.text, "span": self._span_chars(tok.i, tok.i + 1),
                                          "resolution": "coref-name"})
        return ResolvedActor(a, prev.entity, tok.i, 0.8)

    # ---- NP resolution ---------------------------------------------------------------------------
    def mention_at(self, tok: Token) -> Mention | None:
        return self.mentions.get(tok.i)

    def resolve(self, tok: Token, *, allow_adjective: bool = False, allow_poss: bool = True,
                with_conj: bool = True) -> list[ResolvedActor]:
        """The actors of the noun phrase headed by `tok` (a coordinated phrase gives several)."""
        found = self._resolve_one(tok, allow_adjective=allow_adjective, allow_poss=allow_poss, depth=0)
        out = [found] if found else []
        if found is not None and (found.actor.resolution or "").startswith(("adjective", "sector-adjective")):
            out.extend(self._coordinated_adjectives(tok, found))
        if found is not None and (found.actor.resolution or "").startswith("sector-owner"):
            out.extend(self._coordinated_owners(tok, found))
        if with_conj:
            for c in tok.children:
                if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN", "PRON", "X", "ADJ"}:
                    more = self.resolve(c, allow_adjective=allow_adjective, allow_poss=allow_poss)
                    if (found is not None and found.entity is not None and len(more) == 1
                            and self.mention_at(c) is None
                            and not any(g.dep_ in {"amod", "nmod:poss", "nmod", "compound"} for g in c.children)
                            and (more[0].actor.resolution or "").startswith(
                                ("sector", "document", "coref-sector")) and more[0].actor.resolution != "sector-owner"
                            and (found.actor.resolution or "").startswith(("adjective", "sector-adjective"))):
                        continue  # "Kinesiska militärfartyg och stridsflygplan": the adjective covers both nouns
                    out.extend(more)
        seen, uniq = set(), []
        for ra in out:
            if ra.key not in seen:
                seen.add(ra.key)
                uniq.append(ra)
        return uniq

    def _coordinated_owners(self, tok: Token, found: ResolvedActor) -> list[ResolvedActor]:
        """'Armeniens och Azerbajdzjans utrikesministrar': one actor per coordinated genitive owner."""
        out: list[ResolvedActor] = []
        sector = found.actor.sector if found.entity is not None and found.entity.kind == "country" else None
        for c in tok.children:
            if c.dep_ not in {"nmod:poss", "det"}:
                continue
            for cc in c.children:
                if cc.dep_ != "conj":
                    continue
                mm = self.mention_at(cc)
                ent = self.kb.get(mm.entity_id) if mm is not None and mm.entity_id else None
                if ent is not None and ent.id != found.actor.entity_id:
                    out.append(self.actor_for_entity(ent, cc.i, cc.i + 1, "sector-owner", sector=sector,
                                                     conf=found.confidence))
        return out

    def _coordinated_adjectives(self, tok: Token, found: ResolvedActor) -> list[ResolvedActor]:
        """'Saudiska och huthiska förhandlare', 'ryska och iranska styrkor': one actor per coordinated
        nationality adjective of the same noun."""
        out: list[ResolvedActor] = []
        adjs = [c for c in tok.children if c.dep_ == "amod" and self.mention_at(c) is not None]
        for c in adjs:
            for cc in [*c.children, *adjs]:
                mm = self.mention_at(cc)
                # (a conjoined form like "Russian" in "Chinese and Russian warships" may be read as a demonym)
                if cc is not c and cc.dep_ in {"conj", "amod"} and mm is not None and (
                        mm.kind == "adjective" or (mm.kind == "demonym" and cc.dep_ == "conj")) \
                        and mm.entity_id and mm.entity_id != found.actor.entity_id:
                    ent = self.kb.get(mm.entity_id)
                    if ent is not None:
                        # the sector of the phrase, also when it was resolved to a claim ("Chinese [PLA] and Russian
                        # warships")
                        sector = found.actor.sector if found.entity is not None and (
                            found.entity.kind == "country" or "+claim" in (found.actor.resolution or "")) else None
                        out.append(self.actor_for_entity(ent, cc.i, cc.i + 1, "adjective", sector=sector,
                                                         conf=found.confidence))
        return out

    def _resolve_one(self, tok: Token, *, allow_adjective: bool, allow_poss: bool,
                     depth: int) -> ResolvedActor | None:
        if depth > 3:
            return None
        kb, lang = self.kb, self.lang
        m = self.mention_at(tok)
        if m is not None and m.kind not in {"adjective", "adjective_compound"}:
            return self._from_mention(m)
        word = tok.text
        sector = (kb.sector_for(word, lang) or (kb.sector_for(tok.lemma_, lang) if tok.lemma_ else None)
                  or self.multiword_sector(tok))
        if sector and (tok.pos_ in {"NOUN", "PROPN"} or (tok.pos_ == "ADJ" and tok.dep_ != "amod") or (
                tok.pos_ == "VERB" and tok.dep_ in {"nsubj", "nsubj:pass", "obj"})):  # a noun mis-tagged a verb
            return self._sector_np(tok, sector, depth, sector_only=not allow_adjective and depth == 0)
        low = word.lower()
        if tok.pos_ == "PRON" or low in words_for(PERSONAL_SINGULAR, lang, ()) | words_for(PERSONAL_PLURAL, lang, ()):
            return self._pronoun(tok)
        if tok.pos_ == "NOUN":
            r = self._noun_anaphor(tok)
            if r is not None:
                return r
        # a name in an apposition / flat structure, or a genitive owner ("regeringens ställning")
        for c in tok.children:
            if c.dep_ == "appos" and self._reporting_subject(c):
                continue
            if _case_of(c) in SOURCE_PREPS:
                continue  # "..., enligt armén": the source of the report is no part of this noun phrase
            genitive_name = (c.dep_ in {"amod", "det", "nmod"} and c.i < tok.i and getattr(
                self.mention_at(c), "genitive", False) and self.mention_at(c).kind in {"name", "metonym"})
            if c.dep_ in {"appos", "flat", "flat:name"} or (allow_poss and (c.dep_ == "nmod:poss" or genitive_name)):
                # (a genitive name the tagger made an adjective: "vid Israels [amod] sida")
                r = self._resolve_one(c, allow_adjective=False, allow_poss=False, depth=depth + 1)
                if r:
                    r.confidence *= 0.9 if c.dep_ != "nmod:poss" else 0.8
                    return r
        if tok.pos_ == "PROPN":
            r = self._titled_name(tok, depth)
            if r:
                return r
        if tok.pos_ == "PROPN" and tok.ent_type_ in {"PER", "PERSON", ""}:
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is None or ent.end - ent.start == 1:
                r = self._named_before(tok)
                if r is not None:
                    return r
        if tok.ent_type_ in {"PER", "ORG", "PERSON", "NORP"} and tok.pos_ == "PROPN":
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and not any(i in self.mentions for i in range(ent.start, ent.end)):
                return self._unknown(tok, ent.start, ent.end)
        if not allow_adjective and depth == 0 and tok.pos_ == "PROPN" and not tok.doc.has_annotation("ENT_IOB"):
            # a pipeline without NER: an unknown person is known by the office in their apposition ("Kenzo
            # Oshima, the United Nations relief coordinator"), else by the capitalised name itself
            for c in tok.children:
                if c.dep_ == "appos":
                    r = self._resolve_one(c, allow_adjective=True, allow_poss=True, depth=depth + 1)
                    if r:
                        r.confidence *= 0.8
                        return r
            span = self._proper_name_span(tok)
            if span is not None:
                actor = Actor(raw_text=self._raw(*span), name=self._raw(*span), span=self._span_chars(*span),
                              resolution="name-unknown")
                return ResolvedActor(actor, None, tok.i, 0.5)
        if allow_adjective:
            for c in tok.children:
                mm = self.mention_at(c)
                if c.dep_ == "amod" and mm is not None and mm.kind == "adjective" and mm.entity_id:
                    ent = kb.get(mm.entity_id)
                    if ent is not None:
                        return self.actor_for_entity(ent, c.i, c.i + 1, "adjective", conf=0.7)
            # the owner of a thing hit or taken: "bombed Houthi targets", "froze the assets of X"
            for c in tok.children:
                mm = self.mention_at(c)
                if c.dep_ == "compound" and mm is not None and mm.entity_id and mm.kind in {"name", "metonym"}:
                    return self._from_mention(mm)
                if c.dep_ == "nmod" and _case_of(c) in words_for(OWNER_PREPS, lang, set()):
                    r = self._resolve_one(c, allow_adjective=True, allow_poss=True, depth=depth + 1)
                    if r:
                        r.confidence *= 0.8
                        return r
        elif tok.pos_ in {"NOUN", "NUM"} and depth == 0:
            # a quantity or group of people: "thousands of Iraqi Kurds", "members of the Arab League"
            for c in tok.children:
                if c.dep_ == "nmod" and _case_of(c) in _partitive_preps(lang) and c.i > tok.i:
                    r = self._resolve_one(c, allow_adjective=True, allow_poss=True, depth=depth + 1)
                    if r:
                        r.confidence *= 0.8
                        return r
            # people qualified by a nationality: "Palestinian leaders", "ukrainska drönare", also one modifier
            # down: "a Russian [amod of guided] guided bomb"
            mods = [c for c in tok.children if c.dep_ in {"amod", "compound"}]
            for c in mods:  # a sector word before the head names the group: "Ugandan opposition candidates"
                sec = kb.sector_for(c.text, lang) if c.i < tok.i and c.pos_ in {"NOUN", "PROPN"} else None
                if sec and self.mention_at(c) is None and any(
                        g.dep_ in {"amod", "compound"} and g.i < c.i for g in c.children):
                    r = self._sector_np(c, sec, depth + 1)
                    if r is not None:
                        return r
            mods += [g for c in mods if c.i < tok.i for g in c.children if g.dep_ in {"amod", "compound"} and g.i < c.i]
            for c in mods:
                mm = self.mention_at(c)
                if c.dep_ in {"amod", "compound"} and mm is not None and mm.kind == "adjective" and mm.entity_id:
                    ent = kb.get(mm.entity_id)
                    if ent is not None:
                        start, end = _np_bounds(tok)
                        return self.actor_for_entity(ent, start, end, "adjective", conf=0.6)
            # an organisation's name before a common noun: "the Hizbollah group", "the APEC forum"
            for c in tok.children:
                mm = self.mention_at(c)
                if c.dep_ == "compound" and c.i < tok.i and mm is not None and mm.kind == "name" and mm.entity_id:
                    ent = kb.get(mm.entity_id)
                    if ent is not None and ent.kind in {"group", "igo", "org"}:
                        return self._from_mention(mm)
        return None

    def _reporting_subject(self, tok: Token) -> bool:
        """An 'apposition' that is the subject of a reporting verb right after it: "recaptured two villages, the
        defence ministry said" (the ministry is the source, not the villages' owner)."""
        from konflikt.events.lexicon import load_lexicon

        verbs = set(load_lexicon(self.lang).speech_verbs)  # the lexicon's speech verbs (data)
        nxt = tok.right_edge.i + 1
        if not verbs or nxt >= self.sent.end:
            return False
        v = tok.doc[nxt]
        return v.pos_ in {"VERB", "AUX"} and (v.lemma_ or v.lower_).lower() in verbs

    def _proper_name_span(self, tok: Token) -> tuple[int, int] | None:
        """The token range of an unknown capitalised name headed by `tok` ("the Ceasefire Violations
        Committee", "Homeland Union"), for pipelines without NER; None when part of it is a known name, a
        date word or not capitalised."""
        doc, sent = tok.doc, self.sent
        inside = {t.i for t in tok.subtree}

        def namey(t: Token) -> bool:
            return t.i in inside and (t.text[:1].isupper() or t.text[:1].isdigit()) and t.pos_ in {
                "PROPN", "NOUN", "ADJ", "NUM"}

        start = tok.i
        while start - 1 >= sent.start and namey(doc[start - 1]):
            start -= 1
        end = tok.i + 1
        while end < sent.end and (namey(doc[end]) or (
                doc[end].lower_ in NAME_JOINERS and end + 1 < sent.end and namey(doc[end + 1]))):
            end += 1
        while start < tok.i and doc[start].lower_ in NAME_JOINERS | {"a", "an"}:
            start += 1  # "The Northern Farmers Union": the article is not part of the name
        if any(i in self.mentions for i in range(start, end)) or not tok.text[:1].isupper():
            return None
        if any(t.ent_type_ or _is_date_word(t, self.lang) for t in doc[start:end]):
            return None
        if end - start == 1 and not (len(tok.text) > 1 and tok.text.isupper()):
            return None  # one capitalised word ("the North", "Parliament") is too weak; acronyms are names
        return start, end

    def multiword_sector(self, tok: Token) -> str | None:
        """The sector of a multiword sector phrase ending in `tok`: "human rights group", "coast guard"."""
        doc, words = tok.doc, [tok.text]
        for i in range(tok.i - 1, max(self.sent.start, tok.i - 3) - 1, -1):
            if doc[i].head.i != tok.i and doc[i].head.i not in range(i + 1, tok.i + 1):
                break
            words.insert(0, doc[i].text)
            sector = self.kb.sector_for(" ".join(words), self.lang, compounds=False)
            if sector:
                return sector
        return None

    def _titled_name(self, tok: Token, depth: int) -> ResolvedActor | None:
        """An unknown name with a sector title before it: 'Serbian President Vojislav Kostunica' -> SRBGOV."""
        for c in tok.children:
            if c.i > tok.i or c.dep_ not in {"nmod:desc", "compound", "appos", "nmod", "amod"} or c.pos_ not in {
                    "NOUN", "PROPN"}:
                continue
            sector = self.kb.sector_for(c.text, self.lang)
            if not sector:
                continue
            r = self._sector_np(c, sector, depth + 1)
            if r is not None:
                return r
            start, end = _np_bounds(tok)
            for a in tok.children:
                mm = self.mention_at(a)
                if a.i < tok.i and mm is not None and mm.entity_id and mm.kind in {"adjective", "name", "metonym"}:
                    ent = self.kb.get(mm.entity_id)
                    if ent is not None:
                        return self.actor_for_entity(ent, start, end, "sector-adjective", sector=sector, conf=0.85)
        return None

    def _from_mention(self, m: Mention) -> ResolvedActor | None:
        ent = self.kb.get(m.entity_id) if m.entity_id else None
        if ent is None:
            return None
        how = m.kind
        sector = m.sector
        if m.kind == "metonym" and ent.kind == "country":
            sector = sector or "GOV"
        return self.actor_for_entity(ent, m.start, m.end, how, sector=sector)

    def _sector_np(self, tok: Token, sector: str, depth: int, sector_only: bool = False) -> ResolvedActor | None:
        """'den libyska regeringen', 'trupper från Haftar', 'Rysslands armé', 'regeringen i Tripoli'."""
        kb, lang = self.kb, self.lang
        start, end = _np_bounds(tok)
        # a sector word modifying a generic head is the more specific sector: "rebel leader", "police chief"
        # (but "väpnade gäng" stay gangs: a specific head keeps its sector)
        for c in tok.children:
            if sector == "GOV" and c.dep_ in {"compound", "amod"} and c.i < tok.i and self.mention_at(c) is None:
                specific = kb.sector_for(c.text, lang)
                if specific:
                    sector = specific
                    break
        # a name inside the NP wins: "presidenten Recep Tayyip Erdogan", "militärledaren Khalifa Haftar"
        for c in tok.children:
            if c.dep_ in {"appos", "flat", "flat:name"} and not (c.dep_ == "appos" and self._reporting_subject(c)):
                r = self._resolve_one(c, allow_adjective=False, allow_poss=False, depth=depth + 1)
                if r:
                    return r
        # the same, when the parser did not attach the name: "den kurdledda milisen SDF"
        nxt = tok.i + 1
        if nxt < self.sent.end and tok.morph.get("Definite") == ["Def"]:
            m = self.mention_at(tok.doc[nxt])
            if m is not None and m.start == nxt and m.kind in {"name", "compound"}:
                r = self._from_mention(m)
                if r:
                    return r
        owner: ResolvedActor | None = None
        for c in tok.children:
            if c.dep_ == "nmod:poss" or (c.dep_ == "det" and c.pos_ == "PROPN" and c.morph.get("Case") == ["Gen"]):
                owner = self._resolve_one(c, allow_adjective=False, allow_poss=False, depth=depth + 1)
            elif c.dep_ == "nmod" and _case_of(c) in words_for(OWNER_PREPS, lang, set()):
                owner = owner or self._resolve_one(c, allow_adjective=False, allow_poss=False,
                                                   depth=depth + 1)
            if owner:
                break
        if owner is None:
            owner = self._linear_owner(tok, depth)
        adjective = any(c.dep_ in {"amod", "compound"} and getattr(self.mention_at(c), "kind", None) == "adjective"
                        for c in tok.children)
        named_poss = any(c.dep_ == "nmod:poss" and c.pos_ != "PRON" for c in tok.children)
        if owner is not None and adjective and (owner.actor.resolution == "coref-pronoun" or (
                rules_of(lang) == "en" and not named_poss)):
            owner = None  # "his Saudi counterpart", "the French ambassador from Bamako": the adjective says whose
        if owner is not None and owner.entity is not None:
            return self.actor_for_entity(owner.entity, start, end, "sector-owner", sector=sector,
                                         conf=0.9 * owner.confidence)
        mods = [c for c in tok.children if c.dep_ in {"amod", "compound"} or (
            c.dep_ == "nmod" and _case_of(c) in {None} | words_for(OWNER_PREPS, lang, set()))]
        # nested modifiers: "Kosovo police officers", "Chinese coast guard ships", "Vietnamese-led forces"
        mods += [g for c in mods if c.dep_ in {"compound", "amod"} for g in c.children
                 if g.dep_ in {"amod", "compound", "advmod", "npadvmod", "obl"} and g.i < c.i]
        mods.sort(key=lambda c: (getattr(self.mention_at(c), "kind", "") != "adjective", c.i))
        for c in mods:
            mm = self.mention_at(c)
            if mm is not None and mm.entity_id and mm.kind in {"adjective", "name", "metonym"}:
                ent = kb.get(mm.entity_id)
                if ent is not None:
                    return self.actor_for_entity(ent, start, end, "sector-adjective", sector=sector, conf=0.9)
        # a compound like "Haftarstyrkorna" is a mention on the token itself (handled by the caller)
        return self._sector_coref(tok, sector, start, end, sector_only)

    def _linear_owner(self, tok: Token, depth: int) -> ResolvedActor | None:
        """'trupper från Haftar' when the parser attached the PP to the verb: owner preposition right after
        the sector noun, then a name (determiners/adjectives may come between)."""
        doc, lang = tok.doc, self.lang
        j = tok.i + 1
        if j >= self.sent.end or doc[j].lower_ not in words_for(OWNER_PREPS, lang, set()):
            return None
        seat = doc[j].lower_ in {"i", "in"}
        if seat and (self.kb.sector_for(tok.text, lang) or self.kb.sector_for(tok.lemma_ or "", lang)) not in {
                "GOV", "LEG", "JUD"}:
            return None  # "regeringen i Pristina" is Kosovo's, "trupperna i Syrien" need not be Syria's
        j += 1
        while j < self.sent.end and doc[j].pos_ in {"DET", "ADJ"} and j - tok.i <= 4:
            j += 1
        if j >= self.sent.end:
            return None
        m = self.mention_at(doc[j])
        if m is None or m.kind in {"adjective", "adjective_compound"}:
            return None
        if seat and not (m.kind in {"name", "metonym"} and _is_country(self.kb, m.entity_id or "")):
            return None
        return self._from_mention(m)

    def _sector_coref(self, tok: Token, sector: str, start: int, end: int,
                      sector_only: bool = False) -> ResolvedActor | None:
        """A sector noun without owner: definite or demonstrative -> the last actor of that sector.

        sector_only: as a last resort an actor of the sector alone (for actors, not recipients).
        """
        lang = self.lang
        definite = tok.morph.get("Definite") == ["Def"] or any(
            c.dep_ == "det" and c.lower_ in words_for(DEMONSTRATIVES, lang, set()) | {"the"} for c in tok.children)
        if not definite:
            return self._recent_group(tok, sector, start, end) or self._in_sentence_country(
                tok, sector, start, end) or (self._sector_only(tok, sector, start, end) if sector_only else None)
        prev = self.state.by_sector.get(sector)
        age = self.state.sentences - self.state.by_sector_at.get(sector, -99)
        if prev is not None and sector in STATE_SECTORS:
            # "Israelis rallied in Tel Aviv to demand that the government ...", "Demonstranter i Belgrad krävde
            # regeringens avgång": a sentence about one other country speaks of that country's government, not
            # of the last government the text named
            # (Swedish: also the one country of the sentence's places, once the remembered one is two sentences
            # back; "Armén ... förhandlingarna i Jeddah" right after a sentence on Sudan's army is still Sudan's)
            here = self.sentence_countries() or (
                self.sentence_place_countries() if rules_of(lang) != "en" and age > 1 else set())
            if len(here) > 1 and prev.actor.country not in here:
                # several countries, none the remembered one: the main clause subject's ("Israelis rallied ... to
                # demand that the government bring home the hostages held in Gaza")
                subj = next((c for c in self.sent.root.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
                main = self._resolve_one(subj, allow_adjective=True, allow_poss=True, depth=1) if (
                    subj is not None and subj.i != tok.i) else None
                here = {main.actor.country} if main is not None and main.actor.country in here else here
            if len(here) == 1 and prev.actor.country not in here and not self._clause_subject_of(tok, next(iter(here))):
                ent = self.kb.get(next(iter(here)))
                if ent is not None and ent.kind == "country":
                    return self.actor_for_entity(ent, start, end, "sentence-government", sector=sector, conf=0.6)
        here = (self.sentence_countries() or self.sentence_place_countries()) if sector in DOMESTIC_SECTORS else set()
        if prev is not None and (age > SECTOR_MEMORY or (
                age > 1 and len(here) == 1 and prev.actor.country not in here)):
            prev = None  # "Kenyanska poliser ... [two sentences] ... i Tbilisi, och polisen grep": Georgia's police
        if prev is None and len(here) == 1:
            ent = self.kb.get(next(iter(here)))
            if ent is not None:  # "protester i Jerevan, där polisen har gripit": the one country of the sentence
                return self.actor_for_entity(ent, start, end, "sentence-country", sector=sector, conf=0.6)
        if prev is not None and age <= SECTOR_MEMORY:
            a = prev.actor.model_copy(update={"raw_text": self._raw(start, end),
                                              "span": self._span_chars(start, end),
                                              "resolution": "coref-sector"})
            return ResolvedActor(a, prev.entity, tok.i, 0.75)
        country = self.state.dominant_country()
        if country:
            ent = self.kb.get(country)
            if ent is not None:
                return self.actor_for_entity(ent, start, end, "document-country", sector=sector, conf=0.6)
        return self._sector_only(tok, sector, start, end) if sector_only else None

    def _clause_subject_of(self, tok: Token, country: str) -> bool:
        """Whether the subject of the clause `tok` is in (not `tok` itself) is `country` or one of its actors:
        "Turkiet skulle stödja den erkända regeringen" speaks of another country's government than Turkey's
        ("Demonstranter i Belgrad" are not Serbia)."""
        verb = tok.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
        while subj is None and verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head.i != verb.i:
            verb = verb.head  # "Egypten lovade att stödja den erkända regeringen": the subject of "lovade"
            subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
        if subj is None or tok.i in {t.i for t in subj.subtree}:
            return False
        m = self.mention_at(subj)
        ent = self.kb.get(m.entity_id) if m is not None and m.entity_id else None
        return ent is not None and (ent.country or ent.id) == country

    def _recent_group(self, tok: Token, sector: str, start: int, end: int) -> ResolvedActor | None:
        """'TTP angrep en polisstation. Armén dödade elva militanter': fighters of a non-state sector, just
        after a named group of that sector (this or the previous sentence), are that group's."""
        if sector not in NON_STATE_ARMED:
            return None
        prev = self.state.by_sector.get(sector)
        if (prev is None or prev.entity is None or prev.entity.kind not in {"group", "org"}
                or self.state.sentences - self.state.by_sector_at.get(sector, -9) > 1):
            return None
        here = self.sentence_countries() | self.sentence_place_countries()
        if here and prev.actor.country and prev.actor.country not in here:
            return None  # "... islamistiska upprorsmän i Cabo Delgado" after a sentence on ELN: other rebels
        a = prev.actor.model_copy(update={"raw_text": self._raw(start, end), "span": self._span_chars(start, end),
                                          "resolution": "coref-group"})
        return ResolvedActor(a, prev.entity, tok.i, 0.6)

    def _in_sentence_country(self, tok: Token, sector: str, start: int, end: int) -> ResolvedActor | None:
        """'Police dispersed demonstrators in Algiers': a group without a country in a sentence about exactly
        one country is of that country (then the document's dominant country, if the sentence names none)."""
        if sector not in SECTOR_ONLY or self._weapon(tok):
            return None  # an unattributed weapon ("drones attacked Belgorod") has no country from the sentence
        if any(c.dep_ == "amod" and c.lower_ in words_for(FOREIGN_WORDS, self.lang, ()) for c in tok.children):
            return None  # "foreign intelligence services" are not the sentence's country's
        countries = self.sentence_countries() or self.sentence_place_countries()
        if len(countries) > 1:
            return None
        country = next(iter(countries)) if countries else self.state.dominant_country()
        ent = self.kb.get(country) if country else None
        if ent is None:
            return None
        return self.actor_for_entity(ent, start, end, "sentence-country", sector=sector, conf=0.55)

    def _weapon(self, tok: Token) -> bool:
        words = words_for(WEAPON_WORDS, self.lang, ())
        low = tok.lower_
        return bool(words) and ((tok.lemma_ or low).lower() in words or low in words or low.removesuffix("s") in words)

    def sentence_countries(self) -> set[str]:
        """The countries the sentence's knowledge-base mentions belong to."""
        out: set[str] = set()
        for m in {id(m): m for m in self.mentions.values()}.values():
            for eid in m.entity_ids or ((m.entity_id,) if m.entity_id else ()):
                ent = self.kb.get(eid)
                if ent is not None and (ent.country or ent.kind == "country"):
                    out.add(ent.country or ent.id)
        return out

    def sentence_place_countries(self) -> set[str]:
        """The countries of the gazetteer places the sentence names ("attacken mot Odessa" -> UKR)."""
        out: set[str] = set()
        for ent in self.sent.ents:
            if not any(i in self.mentions for i in range(ent.start, ent.end)):
                place = _place_unless_person(ent.text, ent.label_)
                if place is not None and place.country:
                    out.add(place.country)
        return out

    def _sector_only(self, tok: Token, sector: str, start: int, end: int) -> ResolvedActor | None:
        """'Workers', 'opposition supporters': a sector without a country - an actor of that sector only (not a
        weapon: "drones struck a car" does not say whose)."""
        if sector not in SECTOR_ONLY or self._weapon(tok):
            return None
        actor = Actor(raw_text=self._raw(start, end), name=self._raw(start, end), sector=sector,
                      span=self._span_chars(start, end), resolution="sector")
        return ResolvedActor(actor, None, tok.i, 0.5)

    def _pronoun(self, tok: Token) -> ResolvedActor | None:
        low = tok.lower_
        lang = self.lang
        prev: ResolvedActor | None = None
        singular = low in words_for(PERSONAL_SINGULAR, lang, set()) | words_for(POSSESSIVE_SINGULAR, lang, set())
        plural = low in words_for(PERSONAL_PLURAL, lang, set()) | words_for(POSSESSIVE_PLURAL, lang, set())
        in_sentence = False
        if singular or plural:
            prev = self._speaker_antecedent(tok) or self._antecedent_in_sentence(tok, singular)
            in_sentence = prev is not None
        if prev is not None:
            pass
        elif singular:
            prev = self.state.last_person
        elif plural:
            prev = self.state.last_group
        if prev is None:
            return None
        a = prev.actor.model_copy(update={"raw_text": tok.text, "span": self._span_chars(tok.i, tok.i + 1),
                                          "resolution": "coref-pronoun"})
        return ResolvedActor(a, prev.entity, tok.i, 0.7,
                             antecedent=prev.head if in_sentence and prev.head < tok.i else None)

    def _noun_anaphor(self, tok: Token) -> ResolvedActor | None:
        """'rörelsen'/'the group' -> the last non-state group mentioned; 'landet'/'the country' -> the country
        of the speaker ("Somalias president säger att landet aldrig kommer att godta ...") or of the sentence,
        else the document's dominant country."""
        lang, low = self.lang, tok.lower_
        if rules_of(lang) == "en" and not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        if any(c.dep_ in {"amod", "nmod", "nmod:poss", "compound"} for c in tok.children):
            return None  # "det nya landet", "landet i norr": not a bare anaphor
        prev: ResolvedActor | None = None
        if low in words_for(GROUP_ANAPHORS, lang, set()):
            prev, at = self.state.last_org, self.state.last_org_at  # named in this or one of the two sentences before
            if low in IGO_ANAPHORS and self.state.last_igo is not None and self.state.last_igo_at > at:
                prev, at = self.state.last_igo, self.state.last_igo_at
            kinds = {"group", "org", "igo"} if low in IGO_ANAPHORS else {"group", "org"}
            for i in range(tok.i - 1, self.sent.start - 1, -1):  # "ansökan i Europarådet ... organisationens"
                m = self.mentions.get(i)
                ent = self.kb.get(m.entity_id) if m is not None and m.entity_id and m.kind == "name" else None
                if ent is not None and ent.kind in kinds:
                    found = self._from_mention(m)
                    if found is not None:
                        prev, at = found, self.state.sentences
                        break
            if prev is None or self.state.sentences - at > 2:
                return None
        elif low in words_for(COUNTRY_ANAPHORS, lang, set()):
            speaker = self._speaker_antecedent(tok)
            country = speaker.actor.country if speaker is not None else None
            if country is None:
                found = self.sentence_countries()
                country = next(iter(found)) if len(found) == 1 else (
                    self._first_subject_country(tok) if found else None) or self.state.dominant_country()
            ent = self.kb.get(country) if country else None
            if ent is None:
                return None
            return self.actor_for_entity(ent, tok.i, tok.i + 1, "coref-anaphor", conf=0.6)
        else:
            return None
        a = prev.actor.model_copy(update={"raw_text": tok.text, "span": self._span_chars(tok.i, tok.i + 1),
                                          "resolution": "coref-anaphor"})
        return ResolvedActor(a, prev.entity, tok.i, 0.65)

    def _first_subject_country(self, tok: Token) -> str | None:
        """'Guyana har bett ICJ ..., och USA har lovat att stå vid landets sida': in a second clause, "landet" is the
        country the sentence's first clause is about (its subject), not the second clause's own subject."""
        root = self.sent.root
        subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubj:pass"} and c.i < tok.i), None)
        if subj is None or subj.pos_ == "PRON" or getattr(self, "_in_first_subject", False):
            return None
        self._in_first_subject = True
        try:
            return self._first_subject_country_of(tok, root, subj)
        finally:
            self._in_first_subject = False

    def _first_subject_country_of(self, tok: Token, root: Token, subj: Token) -> str | None:
        first = self._resolve_one(subj, allow_adjective=False, allow_poss=True, depth=1)
        if first is None or not first.actor.country:
            return None
        own = tok.head
        for _ in range(5):  # the subject of the anaphor's own clause chain must be another country
            s2 = next((c for c in own.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
            if s2 is not None and s2.i != subj.i:
                other = self._resolve_one(s2, allow_adjective=False, allow_poss=True, depth=1)
                return first.actor.country if other is None or other.actor.country != first.actor.country else None
            if own.head == own or own is root:
                break
            own = own.head
        return None

    def _speaker_antecedent(self, tok: Token) -> ResolvedActor | None:
        """The subject of the clause a pronoun's clause depends on: "Iraq said it would ...", "Palestinian
        leaders said they would boycott ..." (the nearest non-pronoun subject up the clause chain)."""
        clause = tok.head
        for _ in range(4):
            if clause.dep_ not in {"ccomp", "xcomp", "advcl", "parataxis", "conj"} or clause.head == clause:
                return None
            clause = clause.head
            subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubj:pass"} and c.i < tok.i), None)
            if subj is not None and subj.lower_ in {"som", "who", "which", "that"} and clause.dep_.startswith("acl"):
                subj = clause.head  # "Rwanda, som [...], förnekar att landet ...": the relative's antecedent
            if subj is not None and subj.pos_ != "PRON":
                return self._resolve_one(subj, allow_adjective=False, allow_poss=True, depth=1)
        return None

    def _antecedent_in_sentence(self, tok: Token, singular: bool) -> ResolvedActor | None:
        """The nearest earlier name mention of the same sentence that fits the pronoun: a person for
        'han/hon/he/she', an organisation or state for 'de/they' ("Erdogan lovade att han skulle ...")."""
        best: ResolvedActor | None = None
        for i in range(self.sent.start, tok.i):
            m = self.mentions.get(i)
            if m is None or m.start != i or m.kind in {"adjective"}:
                continue
            ent = self.kb.get(m.entity_id) if m.entity_id else None
            if ent is None or (ent.kind == "person") != singular:
                continue
            best = self._from_mention(m)
        return best

    def actor_ending_at(self, i: int) -> ResolvedActor | None:
        """The actor whose mention ends right before token `i` (a bare nationality adjective does not count)."""
        return next((ra for _lo, hi, ra, weak in self.units() if hi == i and not weak), None)

    def units(self) -> list[tuple[int, int, ResolvedActor, bool]]:
        """Actor mentions in text order as (start, end, actor, adjective_only), for linear fallbacks.

        A nationality adjective on a noun that is not itself an actor ("ett turkiskt lastfartyg") is a
        weak unit (adjective_only=True), usable as a recipient but not as an actor.
        """
        if getattr(self, "_units", None) is not None:
            return self._units
        out: list[tuple[int, int, ResolvedActor, bool]] = []
        covered: set[int] = set()
        for ra in self.all_actors():
            lo, hi = _token_range(self.sent, ra, self.char_offset)
            out.append((lo, hi, ra, False))
            covered.update(range(lo, hi))
        for tok in self.sent:
            if tok.i in covered:
                continue
            m = self.mention_at(tok)
            if m is not None and m.kind == "adjective" and m.entity_id and tok.head.i not in covered:
                ent = self.kb.get(m.entity_id)
                if ent is not None:
                    out.append((tok.i, tok.i + 1, self.actor_for_entity(ent, tok.i, tok.i + 1, "adjective",
                                                                        conf=0.6), True))
            elif tok.pos_ == "PRON" and tok.lower_ in words_for(PERSONAL_SINGULAR, self.lang, set()) | words_for(
                    PERSONAL_PLURAL, self.lang, set()):
                ra = self._pronoun(tok)
                if ra is not None:
                    out.append((tok.i, tok.i + 1, ra, False))
            elif tok.ent_type_ in {"PER", "ORG"} and tok.ent_iob_ == "B":
                ent = next((e for e in tok.doc.ents if e.start == tok.i), None)
                known = self._named_before(tok) if ent is not None and ent.end - ent.start == 1 else None
                if known is not None:
                    out.append((tok.i, tok.i + 1, known, False))
                elif ent is not None and not any(i in self.mentions for i in range(ent.start, ent.end)):
                    unk = self._unknown(tok, ent.start, ent.end)
                    if unk is not None:
                        out.append((ent.start, ent.end, unk, False))
        out.sort(key=lambda u: u[0])
        self._units = out
        return out

    def all_actors(self) -> list[ResolvedActor]:
        """Every resolvable actor mention in the sentence, in text order (for discourse memory)."""
        out: list[ResolvedActor] = []
        seen: set[int] = set()
        for tok in self.sent:
            if tok.i in seen:
                continue
            m = self.mention_at(tok)
            if m is not None and m.kind not in {"adjective", "adjective_compound"}:
                ra = self._from_mention(m)
                seen.update(range(m.start, m.end))
            elif tok.pos_ in {"NOUN", "PROPN"} and (self.kb.sector_for(tok.text, self.lang)
                                                   or self.multiword_sector(tok)):
                ra = self._sector_np(tok, self.kb.sector_for(tok.text, self.lang) or self.multiword_sector(tok), 0)
            elif tok.pos_ == "PROPN" and tok.ent_type_ in {"PER", "PERSON"} and tok.ent_iob_ == "B":
                ra = self._resolve_one(tok, allow_adjective=False, allow_poss=False, depth=0)  # unknown people
                ent = next((e for e in tok.doc.ents if e.start == tok.i), None)
                seen.update(range(tok.i, ent.end if ent is not None else tok.i + 1))
            else:
                continue
            if ra is not None:
                out.append(ra)
        return out


    def discourse_order(self) -> list[ResolvedActor]:
        """The sentence's actors for discourse memory: text order, but the main clause's subject last, so that
        "han"/"regeringen" in the next sentence prefer it ("Pål Jonson träffade sin kollega Umerov. Där lovade
        han ..." -> Jonson)."""
        actors = self.all_actors()
        return sorted(actors, key=lambda ra: self._is_main_subject(ra))

    def _is_main_subject(self, ra: ResolvedActor) -> bool:
        tok = self.sent.doc[ra.head]
        for _ in range(4):
            if tok.dep_ in {"nsubj", "nsubj:pass"}:
                return tok.head.dep_ in {"ROOT", "root"}
            if tok.dep_ not in {"flat", "flat:name", "appos", "compound", "nmod:poss"} or tok.head == tok:
                return False
            tok = tok.head
        return False


def _is_date_word(tok: Token, lang: str) -> bool:
    """A month or weekday name of the language's date file ("Friday", "March")."""
    return tok.text in _date_names(lang)


@lru_cache(maxsize=8)
def _date_names(lang: str) -> frozenset[str]:
    from konflikt.dates.lexicon import default_path

    try:
        words = (load_yaml(default_path(lang).read_text(encoding="utf-8")) or {}).get("words") or {}
    except OSError:
        return frozenset()
    return frozenset(str(w) for key in ("month", "month_abbr", "weekday") for w in words.get(key) or ())


def _place_unless_person(name: str, ent_label: str):
    """A gazetteer place for a name, but a name the tagger calls a person only when it is a well-known place
    (an exonym or a city of 250,000+): "Charkiv" is Kharkiv even as PER, "Kim" (Yo-jong) is not Kim, India."""
    place = _known_place(name)
    if place is None or ent_label not in {"PER", "PERSON"}:
        return place
    return place if place.source == "exonym" or (place.population or 0) >= 250_000 else None


def _known_place(name: str):
    """The most populous gazetteer city/region/territory of that name (None for countries and unknowns)."""
    from konflikt.places import load_gazetteer

    places = [p for p in load_gazetteer().lookup(name) if p.kind != "country" and p.country]
    return places[0] if places else None


def _token_range(sent: Span, ra: ResolvedActor, char_offset: int) -> tuple[int, int]:
    """Token range of a resolved actor's mention (from its character span)."""
    if ra.actor.span is None:
        return ra.head, ra.head + 1
    lo_c, hi_c = ra.actor.span
    idx = [t.i for t in sent if lo_c <= char_offset + t.idx < hi_c]
    if not idx:
        return ra.head, ra.head + 1
    return min(idx[0], ra.head), max(idx[-1], ra.head) + 1


@lru_cache(maxsize=8)
def _partitive_preps(lang: str) -> frozenset[str]:
    """Owner prepositions that are not locative ("of", "av"; not "in", "i"): the locative ones are the
    place-attachment prepositions of the places data (data/places/prepositions.yaml)."""
    from konflikt.places.data import load_attachment

    locative = {" ".join(p) for p in load_attachment(lang).prepositions}
    return frozenset(words_for(OWNER_PREPS, lang, set()) - locative)


def _case_of(tok: Token) -> str | None:
    """The preposition of a prepositional phrase ('mot' in 'mot Tripoli'), multiword joined by spaces."""
    cases = [c for c in tok.children if c.dep_ in {"case"} and c.i < tok.i]
    if not cases:
        return None
    first = cases[0]
    fixed = [f.lower_ for f in first.children if f.dep_ == "fixed"]
    return " ".join([first.lower_, *fixed])


def _np_bounds(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase core: determiners and adjectives left, the head, flat names right."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in {"det", "amod", "nmod:poss", "compound", "nummod"}:
            start = min(start, c.left_edge.i)
    end = tok.i + 1
    for c in tok.rights:
        if c.dep_ in {"flat", "flat:name", "appos"}:
            end = max(end, c.right_edge.i + 1)
    return start, end


def build_sentence_actors(sent: Span, kb: KnowledgeBase, matcher: NameMatcher, lang: str,
                          on_date: Date | None, state: DiscourseState, char_offset: int = 0) -> SentenceActors:
    """Run the surface matcher over a sentence and index its mentions by token."""
    state.new_sentence()
    tokens = [t.text for t in sent]
    by_tok: dict[int, Mention] = {}
    for m in matcher.find(tokens):
        gm = _shift(m, sent.start)
        if gm.kind == "demonym" and gm.end - gm.start == 1:
            t = sent.doc[gm.start]  # a demonym form modifying a noun is the adjective: "Rwandan rebels"
            h = t.head  # (also one modifier further: "an Israeli [-> armed] armed drone")
            if t.dep_ in {"amod", "compound"} and h.i > t.i and (h.pos_ in {"NOUN", "PROPN"} or (
                    h.dep_ in {"amod", "compound"} and h.head.pos_ in {"NOUN", "PROPN"} and h.head.i > h.i)):
                from dataclasses import replace

                gm = replace(gm, kind="adjective")
        for i in range(gm.start, gm.end):
            by_tok[i] = gm
    _ethnic_minorities(sent, kb, lang, by_tok)
    _drop_feature_names(sent, lang, by_tok)
    return SentenceActors(sent, kb, lang, on_date, state, by_tok, char_offset)


def remember_unparsed(sent: Span, kb: KnowledgeBase, matcher: NameMatcher, lang: str, on_date: Date | None,
                      state: DiscourseState, char_offset: int = 0) -> list[ResolvedActor]:
    """A sentence the fast path did not parse (it holds no trigger): the knowledge-base names it mentions go
    into the discourse memory, in text order, so a later "han", "regeringen" or "the group" can refer to them.
    Needs only tokens (and named entities, where the pipeline has an NER); sector nouns are not seen here."""
    sa = build_sentence_actors(sent, kb, matcher, lang, on_date, state, char_offset)
    found: list[tuple[int, ResolvedActor | None]] = [
        (m.start, sa._from_mention(m)) for m in {(m.start, m.end): m for m in sa.mentions.values()}.values()
        if m.kind in {"name", "metonym", "compound"}]
    for ent in sent.ents:  # people the knowledge base does not know (pipelines with an NER)
        if ent.label_ in {"PER", "PERSON"} and not any(i in sa.mentions for i in range(ent.start, ent.end)):
            found.append((ent.start, sa._unknown(sent.doc[ent.start], ent.start, ent.end)))
    out = [ra for _i, ra in sorted(found, key=lambda x: x[0]) if ra is not None]
    for ra in out:
        state.remember(ra, kb)
    return out
def _drop_feature_names(sent: Span, lang: str, by_tok: dict[int, Mention]) -> None:
    """'the Sea of Japan', 'the Strait of Hormuz', 'the Gulf of Mexico': a name inside the name of a sea or
    another geographic feature is a place, not an actor."""
    features = GEO_FEATURES.get(lang)
    if not features:
        return
    doc = sent.doc
    for m in list({id(m): m for m in by_tok.values()}.values()):
        if m.kind == "name" and m.start - 2 >= sent.start and doc[m.start - 1].lower_ == "of" \
                and doc[m.start - 2].text in features:
            for i in range(m.start, m.end):
                by_tok.pop(i, None)


def _ethnic_minorities(sent: Span, kb: KnowledgeBase, lang: str, by_tok: dict[int, Mention]) -> None:
    """'ethnic Albanians in Serbia', 'Serb forces killed three ethnic Albanians in southern Serbia': an ethnic
    group is coded by the country it lives in (CAMEO/PLOVER), the nearest other country the sentence names,
    not by the nation of its demonym."""
    from dataclasses import replace

    words = words_for(ETHNIC_WORDS, lang, set())
    doc = sent.doc
    countries = sorted({(m.start, m.entity_id) for m in by_tok.values()
                        if m.kind in {"name", "metonym"} and m.entity_id and _is_country(kb, m.entity_id)})
    for m in list({id(m): m for m in by_tok.values()}.values()):
        if m.kind not in {"demonym", "adjective"} or not m.entity_id or m.start <= sent.start \
                or doc[m.start - 1].lower_ not in words:
            continue
        others = [(abs(i - m.start), cc) for i, cc in countries if cc != m.entity_id]
        if not others:
            continue
        home = min(others)[1]
        new = replace(m, entity_id=home, entity_ids=(home,))
        for i in range(m.start, m.end):
            by_tok[i] = new


def _is_country(kb: KnowledgeBase, eid: str) -> bool:
    ent = kb.get(eid)
    return ent is not None and ent.kind == "country"


def _shift(m: Mention, offset: int) -> Mention:
    from dataclasses import replace

    return replace(m, start=m.start + offset, end=m.end + offset)
