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

`SentenceActors` (here: the name readings and `resolve`) is assembled from the rooms of each construction:
`sector_phrases` (country + sector phrases, titled names), `anaphora` (pronouns, "gruppen", "landet"),
`listing` (all actors of a sentence, in order); its records are in `resolved`, noun-phrase helpers in `np`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from spacy.tokens import Span, Token

from konflikt.actors.anaphora import Anaphora
from konflikt.actors.kb import Entity, KnowledgeBase, fold
from konflikt.actors.listing import SentenceListing
from konflikt.actors.names import Mention, NameMatcher
from konflikt.actors.np import (
    OWNER_PREPS,
    PERSONAL_PLURAL,
    PERSONAL_SINGULAR,
    POSSESSIVE_REFLEXIVE,
    _case_of,
    _is_country,
    _is_date_word,
    _np_bounds,
    _partitive_preps,
    _place_unless_person,
)
from konflikt.actors.resolved import DiscourseState, ResolvedActor
from konflikt.actors.sector_phrases import STATE_SECTORS, SectorPhrases
from konflikt.language.registry import rules_of, words_for
from konflikt.records import Actor

# what other modules and helpers import from here, the module that was once the whole of actor resolution
__all__ = ["POSSESSIVE_REFLEXIVE", "STATE_SECTORS", "DiscourseState", "ResolvedActor", "SentenceActors", "_case_of",
           "build_sentence_actors", "remember_unparsed"]

# Common nouns after which a name is a place, not an actor: "staden Sake", "the town of Sake".
PLACE_NOUNS = {"sv": {"staden", "stad", "byn", "by", "orten", "provinsen", "delstaten", "regionen", "distriktet",
                      "hamnstaden", "gränsstaden", "huvudstaden", "kuststaden", "flygplatsen", "lägret"},
               "en": {"town", "city", "village", "province", "state", "region", "district", "port", "capital",
                      "camp"}}
ORG_SECTORS = {"MIL", "REB", "INS", "GOV", "LEG", "COP", "SPY", "PTY", "OPP"}
# Words that make a demonym an ethnic group of the country it lives in ("ethnic Albanians in Serbia").
ETHNIC_WORDS = {"sv": {"etniska", "etnisk", "etniskt"}, "en": {"ethnic"}}
# Lower-case words inside a name: "Movement for the Actualization of the Sovereign State of Biafra".
NAME_JOINERS = {"of", "for", "and", "the", "de", "al", "du", "la"}
# Prepositions introducing the source of a report ("enligt armén", "according to the army").
SOURCE_PREPS = {"enligt", "according to"}
# Capitalised geographic features whose "of X" names a place, not the actor X ("the Sea of Japan").
GEO_FEATURES = {"en": {"Sea", "Gulf", "Bay", "Strait", "Straits", "Horn", "Cape", "Isle", "Isles", "Coast",
                       "Lake", "Island", "Islands"}}


@dataclass
class SentenceActors(SectorPhrases, Anaphora, SentenceListing):
    """Actor resolution for one sentence: mentions by token, and NP resolution on demand."""

    sent: Span
    kb: KnowledgeBase
    lang: str
    on_date: Date | None
    state: DiscourseState
    mentions: dict[int, Mention]
    char_offset: int = 0
    _units: list | None = None
    _all_actors: list | None = None

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
        name = entity.name
        if entity.kind == "country" and ent_sector and ent_sector not in STATE_SECTORS:
            name = self._raw(start, end)  # "protesters" in Cameroon are not named "Cameroon" (no canonical name)
        actor = Actor(raw_text=self._raw(start, end), name=name, country=country, sector=ent_sector,
                      code=code, entity_id=entity.id, span=self._span_chars(start, end), resolution=how)
        return ResolvedActor(actor, entity, end - 1, conf)

    def ent_label(self, tok: Token) -> str:
        """The NER label of `tok`'s name, corrected by the language's name cues (data/ner/cues.yaml): a name
        ending in an organisation's head word is ORG ("the Rainbow Alliance"), in a place's LOC ("Qandor
        Province"), whatever the statistical NER said; '' outside any name."""
        label = tok.ent_type_
        if not label:
            return ""
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is None or ent.end - ent.start < 2:
            return label
        from konflikt.nlp.cues import load_name_cues

        cues, last = load_name_cues(self.lang), tok.doc[ent.end - 1].text
        return "ORG" if last in cues.org_heads else "LOC" if last in cues.place_heads else label

    def _unknown(self, tok: Token, start: int, end: int) -> ResolvedActor | None:
        """A named entity the knowledge base does not know: a place stands for its country (or for nothing
        after a place noun, "staden Sake"); anything else is an actor with its surface form as name."""
        raw = self._raw(start, end)
        if start > self.sent.start and self.sent.doc[start - 1].lower_ in words_for(PLACE_NOUNS, self.lang, set()):
            return None
        if end - start == 1 and (tok.pos_ in {"PROPN", "NOUN"}):
            known = self._named_before(tok)  # "Mbarga" after "Jean-Paul Mbarga": the person named before
            if known is not None:
                return known
        elif raw in self.state.unknown_people:
            prev = self.state.unknown_people[raw]
            a = prev.actor.model_copy(update={"raw_text": raw, "span": self._span_chars(start, end),
                                              "resolution": "coref-name"})
            return ResolvedActor(a, prev.entity, end - 1, 0.8, person=True, person_name=raw)
        label = self.ent_label(tok)
        place = _place_unless_person(raw, label)
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
        person = label in {"PER", "PERSON"}
        actor = self._unknown_actor(name, start, end, None if person else unknown_org_sector(name, self.kb, self.lang),
                                    "ner-person" if person else "ner")
        return ResolvedActor(actor, None, tok.i, 0.6)

    def _mention_countries(self, m: Mention) -> set[str]:
        out = set()
        for eid in m.entity_ids or ((m.entity_id,) if m.entity_id else ()):
            ent = self.kb.get(eid)
            if ent is not None and (ent.country or ent.kind == "country"):
                out.add(ent.country or ent.id)
        return out

    def _unknown_actor(self, name: str, start: int, end: int, sector: str | None, how: str) -> Actor:
        """An actor the knowledge base does not know. It belongs to the one country its own name names
        ("Serbian Workers' Union", "Kenya Anti-Corruption Commission"), else to the one country of the places
        (not the countries) the sentence names, as a domestic group or person does in CAMEO/PLOVER coding
        ("... seized a police station in Tedim" -> MMR + the sector of its name). A country named elsewhere in
        the sentence says nothing ("the Rainbow Alliance accused the government of Ghana" may be anyone's)."""
        inside = {id(m): m for m in (self.mentions.get(i) for i in range(start, end)) if m is not None}
        here = {c for m in inside.values() for c in self._mention_countries(m)} or self.sentence_place_countries()
        country = next(iter(here)) if len(here) == 1 else None
        code = (country + (sector or "")) if country else None
        return Actor(raw_text=self._raw(start, end), name=name, span=self._span_chars(start, end), sector=sector,
                     country=country, code=code, resolution=how + ("+sentence-country" if country else ""))

    def _titled_person(self, tok: Token, r: ResolvedActor) -> ResolvedActor:
        """A titled name's actor, remembered by the person's name; named by it unless the title is a state's
        office (an opposition leader is named, not "Cameroon")."""
        span = self._person_name_span(tok)
        words = tok.doc[span[0]:span[1]] if span is not None else []
        r.person = r.person or tok.ent_type_ in {"PER", "PERSON"} or (  # a name the NER missed: "Grace Atuhaire"
            not tok.ent_type_ and len(words) >= 2 and all(w.text.istitle() and w.is_alpha for w in words))
        if r.person and (r.entity is None or r.entity.kind == "country") and span is not None:
            r.person_name = self._raw(*span)
            if r.actor.sector not in STATE_SECTORS:
                r.actor = r.actor.model_copy(update={"name": r.person_name})
        return r

    def _person_name_span(self, tok: Token) -> tuple[int, int] | None:
        """The words of the person's name `tok` is in: its PER entity, else its run of proper nouns."""
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None and ent.label_ in {"PER", "PERSON"}:
            return ent.start, ent.end
        start = end = tok.i
        while start - 1 >= self.sent.start and tok.doc[start - 1].pos_ == "PROPN":
            start -= 1
        while end + 1 < self.sent.end and tok.doc[end + 1].pos_ == "PROPN":
            end += 1
        return (start, end + 1) if end > start else None

    def _named_before(self, tok: Token) -> ResolvedActor | None:
        """'Kim Jong-un besökte ... Kim hotade ...': a capitalised word that is the first or last part of the full
        name of exactly one person the document named before is that person (the surname alone is not always a
        name of the knowledge base: Korean family names come first, "Kim" is many people)."""
        if not (self.state.people or self.state.unknown_people) or not tok.text[:1].isupper():
            return None
        word = fold(tok.text)
        if rules_of(self.lang) == "sv" and word.endswith("s") and tok.morph.get("Case") == ["Gen"]:
            word = word[:-1]
        hits: dict[str, ResolvedActor] = {}
        for ra in self.state.people.values():
            for n in ra.entity.names.get(self.lang, ()) or ():
                if word in _name_ends(n):
                    hits[ra.entity.id] = ra
        for name, ra in self.state.unknown_people.items():  # "Jean-Paul Mbarga ... Mbarga", no dictionary's
            if word in _name_ends(name):
                hits[name] = ra
        if len(hits) != 1:
            return None
        prev = next(iter(hits.values()))
        a = prev.actor.model_copy(update={"raw_text": tok.text, "span": self._span_chars(tok.i, tok.i + 1),
                                          "resolution": "coref-name"})
        return ResolvedActor(a, prev.entity, tok.i, 0.8)

    # ---- NP resolution ---------------------------------------------------------------------------
    def mention_at(self, tok: Token) -> Mention | None:
        return self.mentions.get(tok.i)

    def resolve(self, tok: Token, *, allow_adjective: bool = False, allow_poss: bool = True,
                with_conj: bool = True) -> list[ResolvedActor]:
        """The actors of the noun phrase headed by `tok` (a coordinated phrase gives several)."""
        parties = self._both_sides(tok)
        if parties is not None:
            return parties
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

    def _both_sides(self, tok: Token) -> list[ResolvedActor] | None:
        """'Russia urged both sides to ...', 'uppmanade båda parter att ...': a phrase of the lexicon's
        `both_sides` stands for the two parties of the last dyad coded in the three sentences before (none when
        there is none); None when `tok` heads no such phrase."""
        if tok.pos_ not in {"NOUN", "PRON"}:
            return None
        from konflikt.events.lexicon import load_lexicon

        phrases = set(load_lexicon(self.lang).both_sides)
        start = min((c.i for c in tok.children if c.i < tok.i and c.dep_ in {"det", "amod", "nummod", "det:predet"}),
                    default=tok.i)
        text = self.sent.doc[start:tok.i + 1].text.lower()
        if not phrases or text not in phrases or any(c.dep_ in {"appos", "flat", "flat:name", "conj", "nmod"}
                                                      for c in tok.children if c.i > tok.i):
            return None  # ("Nabolandene Burkina Faso og Niger" names its parties)
        for _etype, actors, recipients in self.state.recent_dyads(within=3):
            a, r = actors[0], recipients[0]
            if a.key != r.key:
                return [ResolvedActor(x.actor.model_copy(update={
                    "raw_text": self._raw(start, tok.i + 1), "span": self._span_chars(start, tok.i + 1),
                    "resolution": "coref-parties"}), x.entity, tok.i, 0.6) for x in (a, r)]
        return []

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

    def _opening_name(self, tok: Token) -> bool:
        """A sentence's first word that the tagger did not call a proper noun but that is a name: capitalised,
        no word of the language's dictionary, and the subject or an adjunct of a verb ("Petro[NOUN] anklagade
        Noboa", "Kiir hotade ..."; a sentence-opening word is capitalised anyway, so only a word the dictionary
        does not know as a common word counts, `nlp.names.common_word`)."""
        from konflikt.nlp.names import common_word

        return (tok.i == self.sent.start and tok.pos_ in {"NOUN", "ADV", "X", "ADJ"} and tok.is_alpha
                and tok.text[:1].isupper() and len(tok.text) > 2 and tok.head.pos_ in {"VERB", "AUX"}
                and tok.dep_ in {"nsubj", "nsubj:pass", "advmod", "obl"} and not common_word(tok.lower_, self.lang))

    def _resolve_one(self, tok: Token, *, allow_adjective: bool, allow_poss: bool,
                     depth: int) -> ResolvedActor | None:
        if depth > 3:
            return None
        kb, lang = self.kb, self.lang
        m = self.mention_at(tok)
        if m is not None and m.kind not in {"adjective", "adjective_compound"}:
            return self._from_mention(m)
        word = tok.text
        if rules_of(lang) == "en" and tok.pos_ == "PROPN" and self.ent_label(tok) == "ORG":
            # "the Zomi Revolutionary Army": a name the NER found that ends in a sector word is an organisation
            # of its own (its sector from its name), not the sector alone; a known adjective in it ("the
            # Sudanese Army") makes it a mention and leaves it to the sector phrases
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and ent.end - ent.start >= 2 and tok.i == ent.end - 1 and not any(
                    i in self.mentions for i in range(ent.start, ent.end)):
                return self._unknown(tok, ent.start, ent.end)
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
        if tok.pos_ == "PROPN" and self.ent_label(tok) in {"PER", "PERSON"}:
            titled = self._titled_name(tok, depth)  # "Ugandas oppositionskandidat Moses Kiggundu": not Uganda
            # (a title that names no owner counts for a non-state sector: "Oppositionsledaren Grace Atuhaire" is the
            # document's opposition, but "den andlige ledaren" is no government's)
            if titled is not None and ((titled.actor.resolution or "").startswith(("sector-owner", "sector-adjective"))
                                       or titled.actor.sector not in STATE_SECTORS):
                return self._titled_person(tok, titled)
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
                return self._titled_person(tok, r)
        opening_name = self._opening_name(tok)
        if tok.pos_ == "PROPN" or opening_name or (
                tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.i > self.sent.start):
            # (whatever the NER made of the word alone: "accused Mbarga [LOC]" after "Jean-Paul Mbarga")
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is None or ent.end - ent.start == 1:
                r = self._named_before(tok)
                if r is not None:
                    return r
        label = self.ent_label(tok)
        unlabelled = label == "" or not tok.doc.has_annotation("ENT_IOB")
        unknown_name: tuple[int, int] | None = None
        english = rules_of(self.lang) == "en"
        if not allow_adjective and depth == 0 and tok.pos_ == "PROPN" and english:
            # an unknown person is known by the office in their apposition ("Kenzo Oshima, the United
            # Nations relief coordinator")
            for c in tok.children:
                if c.dep_ == "appos":
                    r = self._resolve_one(c, allow_adjective=True, allow_poss=True, depth=depth + 1)
                    if r:
                        r.confidence *= 0.8
                        return r
        if label in {"PER", "ORG", "PERSON", "NORP"} and tok.pos_ == "PROPN":
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            # English: a name inside a bigger phrase ("President Reagan's statement") is resolved through the
            # phrase; a name whose own words say who it acts for ("Japanese Prime Minister Ryutaro Hashimoto")
            # through them below, and only when they do not is it an unknown actor
            if ent is not None and not any(i in self.mentions for i in range(ent.start, ent.end)):
                if not english:
                    return self._unknown(tok, ent.start, ent.end)
                if depth == 0 and not (allow_adjective and self._proper_name_span(tok) is None):
                    return self._unknown(tok, ent.start, ent.end)
                if depth > 0 and tok.dep_ not in {"flat", "flat:name", "nmod:poss", "compound", "appos"} and \
                        ent.root == tok:
                    return self._unknown(tok, ent.start, ent.end)  # "members of the Movement for ..."
                if depth == 0:
                    unknown_name = (ent.start, ent.end)
        if not allow_adjective and depth == 0 and (tok.pos_ == "PROPN" or opening_name) and unlabelled:
            # a name no NER labelled (or a pipeline without NER) is known by the capitalised name itself
            span = self._proper_name_span(tok)
            if span is not None:
                name = self._raw(*span)
                actor = self._unknown_actor(name, *span, unknown_org_sector(name, self.kb, self.lang), "name-unknown")
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
        if unknown_name is not None:
            return self._unknown(tok, *unknown_name)
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

    def _from_mention(self, m: Mention) -> ResolvedActor | None:
        ent = self.kb.get(m.entity_id) if m.entity_id else None
        if ent is None:
            return None
        how = m.kind
        sector = m.sector
        if m.kind == "metonym" and ent.kind == "country":
            sector = sector or "GOV"
        return self.actor_for_entity(ent, m.start, m.end, how, sector=sector)


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


def _name_ends(name: str) -> set[str]:
    """The first and the last word of a name of two or more words (folded, of three letters or more): the
    parts a later mention uses alone ("Kim", "Mbarga")."""
    pieces = [p for p in fold(name).split() if len(p) > 2]
    return {pieces[0], pieces[-1]} if len(pieces) >= 2 else set()


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


def _shift(m: Mention, offset: int) -> Mention:
    from dataclasses import replace

    return replace(m, start=m.start + offset, end=m.end + offset)


def unknown_org_sector(name: str, kb: KnowledgeBase, lang: str) -> str | None:
    """The sector of an organisation the knowledge base does not know, from the sector words of its name
    (the last one wins: "Arakan Liberation Party" -> PTY, "Kivu Popular Resistance Movement" -> REB), remapped by
    the name cues' `unknown_org_sectors` (a named armed force no dictionary knows is a rebel one: "Arakan
    Army" -> REB). None when its name holds no sector word."""
    from konflikt.nlp.cues import load_name_cues

    forms = kb.sector_forms(lang)
    words = [w for w in fold(name).replace("-", " ").split() if w]
    found = None
    for i in range(len(words)):
        for k in (3, 2, 1):
            code = forms.get(" ".join(words[i:i + k])) if i + k <= len(words) else None
            if code:
                found = code
                break
    if found is None:
        return None
    return load_name_cues(lang).unknown_org_sectors.get(found, found)
