"""Sector phrases: "den libyska regeringen", "trupper från Haftar", "Haftarstyrkorna", "regeringen" ->
country + sector, then the entity that holds that code on the date, the owner's organisation, or the
last actor of that sector in the document; titled names ("president Erdoğan")."""

from __future__ import annotations

from spacy.tokens import Token

from konflikt.actors.np import OWNER_PREPS, _case_of, _is_country, _np_bounds, _place_unless_person
from konflikt.actors.resolved import ResolvedActor
from konflikt.language.registry import rules_of, words_for
from konflikt.records import Actor

SECTOR_MEMORY = 3  # sentences a sector's last actor stays the referent of "regeringen", "armén", "polisen"
DEMONSTRATIVES = {"sv": {"denna", "denne", "detta", "dessa", "samma"}, "en": {"this", "these", "that", "those"}}
NON_STATE_ARMED = {"REB", "INS", "UAF", "CRM"}
# Sectors that stand as actors even without a country ("protesters", "rebels", "workers").
# The state's own organs: a country narrowed to one of these is still the state itself.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
# Sectors that act at home: "polisen" in a sentence about one country is that country's police (a government or
# army named so is often another country's: "Turkiet stöder regeringen").
DOMESTIC_SECTORS = frozenset({"COP", "OPP", "CVL", "LAB", "EDU", "MED", "HLH", "REF", "CRM"})
FOREIGN_WORDS = {"en": {"foreign", "outside", "external"}}
# Weapons among the military sector words: without a named owner they are of no country.
WEAPON_WORDS = {"en": {"missile", "drone", "rocket", "artillery", "aircraft", "bomber", "helicopter", "gunship",
                       "jet", "warplane", "tank", "warship", "gunboat", "frigate", "destroyer", "submarine"}}
SECTOR_ONLY = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "OPP", "LAB", "REB", "INS", "UAF", "CVL", "REF", "EDU",
               "MED", "HRI", "REL", "BUS", "CRM", "AGR"}


class SectorPhrases:
    """Methods of `SentenceActors` (sector phrases); the state is `SentenceActors`'s."""

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
        """An unknown name with a sector title before it: 'Serbian President Vojislav Kostunica' -> SRBGOV,
        "Cameroon's opposition candidate Jean-Paul Mbarga" -> CMROPP, 'Opposition leader Amadou Tchakoua'.
        A title noun without a sector of its own takes its modifier's ("opposition candidate")."""
        for c in self._title_nouns(tok):
            sector = self.multiword_sector(c) or self.kb.sector_for(c.text, self.lang)
            if not sector:
                sector = next((s for g in c.children if g.dep_ in {"compound", "amod"} and g.i < c.i
                               and self.mention_at(g) is None and g.pos_ in {"NOUN", "ADJ"}
                               for s in [self.kb.sector_for(g.text, self.lang)] if s), None)
            if not sector:
                continue
            r = self._sector_np(c, sector, depth + 1)
            if r is not None and (r.actor.resolution or "").startswith(("sector-owner", "sector-adjective")):
                return r
            # the name's own owner or nationality: "Ugandas [-> Moses] oppositionskandidat Moses Kiggundu"
            start, end = _np_bounds(tok)
            for a in tok.children:
                mm = self.mention_at(a)
                if a.i < tok.i and mm is not None and mm.entity_id and mm.kind in {"adjective", "name", "metonym"}:
                    ent = self.kb.get(mm.entity_id)
                    if ent is not None:
                        return self.actor_for_entity(ent, start, end, "sector-adjective", sector=sector, conf=0.85)
            if r is not None:
                return r
        return None

    def _title_nouns(self, tok: Token) -> list[Token]:
        """The common nouns of the title before a name, nearest first, also under the name's first words
        ("Opposition leader [-> Amadou] Amadou Tchakoua")."""
        out: list[Token] = []
        heads = [tok, *(c for c in tok.children if c.i < tok.i and c.pos_ == "PROPN"
                        and c.dep_ in {"compound", "flat", "flat:name"})]
        for h in heads:
            for c in h.children:
                if c.i < tok.i and c.dep_ in {"nmod:desc", "compound", "appos", "nmod", "amod"} and c.pos_ in {
                        "NOUN", "PROPN", "ADJ"} and c not in out and c not in heads:  # (a noun tagged ADJ)
                    out.append(c)
        return sorted(out, key=lambda c: -c.i)

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
