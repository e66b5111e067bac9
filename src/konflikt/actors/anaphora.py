"""Anaphora: personal and possessive pronouns, "gruppen", "organisationen", "landet" -> the actor
they stand for, in the sentence (the speaker, the clause subject) or earlier in the document."""

from __future__ import annotations

from spacy.tokens import Token

from konflikt.actors.np import PERSONAL_PLURAL, PERSONAL_SINGULAR, _case_of
from konflikt.actors.resolved import ResolvedActor
from konflikt.language.registry import rules_of, words_for

# Definite nouns that refer back to a non-state group or to a country ("rörelsen" = Hamas, "landet" = the
# speaker's country); English forms need "the".
GROUP_ANAPHORS = {"sv": {"rörelsen", "gruppen", "organisationen", "grupperingen", "rörelsens", "gruppens",
                         "organisationens", "grupperingens"},
                  "en": {"movement", "group", "organization", "organisation"}}
# Of these, the ones that may also refer back to an intergovernmental organisation ("Europarådet ...
# organisationens församling").
IGO_ANAPHORS = {"organisationen", "organisationens", "organization", "organisation"}
COUNTRY_ANAPHORS = {"sv": {"landet", "landets"}, "en": {"country", "country's"}}
POSSESSIVE_PLURAL = {"sv": {"deras"}, "en": {"their"}}
PERSON_MEMORY = 3  # sentences back that a "he"/"han" may reach for its person
POSSESSIVE_SINGULAR = {"sv": {"hans", "hennes"}, "en": {"his", "her"}}


class Anaphora:
    """Methods of `SentenceActors` (anaphora); the state is `SentenceActors`'s."""

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
            # a person named in one of the last PERSON_MEMORY sentences (not one of an earlier story)
            if self.state.sentences - self.state.last_person_at <= PERSON_MEMORY:
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
        from konflikt.events.lexicon import load_lexicon

        charge = {w.lower() for w in load_lexicon(lang).charge_preps}  # "accused the group of ...": the charge
        if any(c.dep_ in {"amod", "nmod:poss", "compound"} or (c.dep_ == "nmod" and (
                c.i < tok.i or _case_of(c) not in charge
                or self._resolve_one(c, allow_adjective=True, allow_poss=True, depth=2) is not None
                or any(self.mention_at(t) is not None for t in c.subtree))) for c in tok.children):
            return None  # "det nya landet", "landet i norr": not a bare anaphor (but "accused the group of
            # psychological warfare" is: a modifier naming no actor and no place is the verb's, misattached)
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
