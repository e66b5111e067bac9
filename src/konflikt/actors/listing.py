"""The actors of a sentence as a whole: every actor with its token range (`units`), in sentence or
discourse order, and the actor ending at a token."""

from __future__ import annotations

from konflikt.actors.np import PERSONAL_PLURAL, PERSONAL_SINGULAR, _token_range
from konflikt.actors.resolved import ResolvedActor
from konflikt.language.registry import rules_of, words_for


class SentenceListing:
    """Methods of `SentenceActors` (listing); the state is `SentenceActors`'s."""

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
                elif ent is not None and not any(i in self.mentions for i in range(ent.start, ent.end)) and not (
                        rules_of(self.lang) == "en" and any(c.dep_ == "appos" for t in ent for c in t.children)):
                    # (English: "Jan Kowalski, the EU envoy" is the office in the apposition, listed above)
                    unk = self._unknown(tok, ent.start, ent.end)
                    if unk is not None:
                        out.append((ent.start, ent.end, unk, False))
        out.sort(key=lambda u: u[0])
        self._units = out
        return out

    def all_actors(self) -> list[ResolvedActor]:
        """Every resolvable actor mention in the sentence, in text order (for discourse memory); worked out once
        per sentence (a new list each call)."""
        if self._all_actors is None:
            self._all_actors = self._list_actors()
        return list(self._all_actors)

    def _list_actors(self) -> list[ResolvedActor]:
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
