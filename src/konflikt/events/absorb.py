"""Tests that one candidate is part of another (absorption): the object noun of a trigger verb, the
complement of a verbal trigger, a circumstance ("i ett flyganfall") or motive ("i protest mot")."""

from __future__ import annotations

from spacy.tokens import Token

from konflikt.actors.np import _case_of
from konflikt.actors.resolver import SentenceActors
from konflikt.events.candidate import (
    MATERIAL_CONFLICT,
    PROMISED_FORCE,
    REACTION_TYPES,
    VERBAL_TYPES,
    Candidate,
    _is_noun,
)
from konflikt.events.clause import SUBJ_DEPS
from konflikt.events.qualifiers import _qualified
from konflikt.events.roles import _genitive_owner
from konflikt.language.registry import rules_of, words_for

# Prepositions of an event noun that tells how a verb's event happened ("dödades i ett flyganfall").
CIRCUMSTANCE_PREPS = {"sv": {"i", "vid", "under", "genom"}, "en": {"in", "during"}}
# Prepositions of time: "samarbete sedan Putins besök" is no content of the cooperation.
TEMPORAL_PREPS = {"sedan", "efter", "före", "inför", "innan", "under", "since", "after", "before", "during"}


def _accusation_before(tok: Token, verbs: dict[int, Candidate]) -> Candidate | None:
    """An ACCUSE trigger right before the clause's "för att" with only its object between: "anklagar Moskva för
    att ..."."""
    marks = [m for m in tok.children if m.dep_ == "mark" and m.i < tok.i]
    if not marks:
        return None
    i = marks[0].i - 1
    while i >= tok.sent.start and marks[0].i - i <= 6:
        if i in verbs:
            return verbs[i] if verbs[i].event == "ACCUSE" and i != tok.i else None
        if tok.doc[i].pos_ not in {"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM"}:
            return None
        i -= 1
    return None


def _complement_advcl(tok: Token, outer_event: str) -> bool:
    """An infinitive complement the parser made an adverbial clause: "lovade att [advcl] driva ut", and the
    content of an accusation: "anklagar Teheran för att [advcl] ha levererat robotar"."""
    if tok.dep_ != "advcl":
        return False
    marks = [m.lower_ for m in tok.children if m.dep_ == "mark" and m.i < tok.i]
    if marks == ["att"] or marks == ["to"]:
        return True
    return outer_event == "ACCUSE" and marks[:1] in (["för"], ["for"])


def _circumstance_of(n: Candidate, verbs: dict[int, Candidate], lang: str) -> Candidate | None:
    """The trigger verb whose event a nominal event of the same kind tells the manner of: "dödades i ett
    israeliskt flyganfall", "greps vid en razzia" (the PP on the verb, or on a temporal oblique of it: "dödades på
    söndagen i en rysk robotattack")."""
    tok = n.token
    if tok.dep_ not in {"obl", "nmod"} or _case_of(tok) not in words_for(CIRCUMSTANCE_PREPS, lang, ()):
        return None
    h = tok.head
    if h.i not in verbs and h.dep_ in {"obl", "obl:tmod"} and h.head.i in verbs:
        h = h.head
    v = verbs.get(h.i)
    if v is None or v.token.i == tok.i:
        return None
    return v if n.event == v.event or (v.event, n.event) == ("ASSAULT", "COERCE") else None


def _motive_of(n: Candidate, verbs: dict[int, Candidate], lex) -> Candidate | None:
    """The trigger verb a protest noun (with one of the lexicon's `motive_preps`) gives the motive of: "utvisade
    ambassadören i protest mot avtalet",
    "recalled its envoy in protest at the vote", "lämnade mötet som protest" (a stance, not a demonstration)."""
    tok = n.token
    if n.event != "PROTEST" or tok.dep_ not in {"obl", "nmod", "advcl"} or _case_of(tok) not in {
            p.lower() for p in lex.motive_preps} or any(c.dep_ == "det" for c in tok.children):
        return None
    v = verbs.get(tok.head.i)
    return v if v is not None and v.token.i != tok.i else None


def _trigger_noun_above(tok: Token, nouns: dict[int, Candidate]) -> Candidate | None:
    """The event noun whose content this one names: "avtal om samarbete", "krav på vapenvila"."""
    if _case_of(tok) in TEMPORAL_PREPS:
        return None
    cur = tok
    for _ in range(3):
        if cur.dep_ not in {"nmod", "conj"} or cur.head == cur:
            return None
        cur = cur.head
        if cur.i in nouns and cur.i != tok.i:
            return nouns[cur.i]
    return None


def _verb_right_before(tok: Token, verbs: dict[int, Candidate]) -> Candidate | None:
    """A trigger verb right before a noun, with only determiners/adjectives/numerals between."""
    i = tok.i - 1
    while i >= tok.sent.start and tok.i - i <= 4:
        t = tok.doc[i]
        if i in verbs:
            return verbs[i]
        if t.pos_ not in {"DET", "ADJ", "NUM", "ADV"}:
            return None
        i -= 1
    return None


def mark_absorbed(nouns: dict[int, Candidate], verbs: dict[int, Candidate], by_tok: dict[int, Candidate], lex,
                  lang: str) -> None:
    """Set `absorbed_into` of each noun and verb candidate that is part of another candidate's event."""
    for i, n in nouns.items():
        h = n.token.head
        if getattr(verbs.get(h.i, n).entry, "requires_qualifier", False):
            pass  # "lämna stöd till X": a light verb with a trigger object, not the qualified verb "lämna Ecowas"
        elif n.token.dep_ in {"obj", "nsubj:pass"} and h.i in verbs and h.i != i:
            if not (verbs[h.i].event in REACTION_TYPES and n.event in MATERIAL_CONFLICT) and not (
                    verbs[h.i].event == "ACCUSE" and _genitive_owner(n.token) is not None):
                n.absorbed_into = verbs[h.i]  # (condemned pressure, threats, demands of a named actor stay events)
            # else "FN fördömde Rysslands robotattack mot Kiev": the condemned attack is an event too
        elif (n.token.dep_ == "nmod" and h.dep_ == "obj" and h.head.i in verbs and h.i not in nouns
              and verbs[h.head.i].event in VERBAL_TYPES | {"AID"}):
            n.absorbed_into = verbs[h.head.i]  # "pledged 50 billion euros in support for Ukraine"
        elif (n.token.dep_ in {"obj", "obl"} and h.pos_ in {"VERB", "AUX"} and h.i not in by_tok
              and h.dep_ in {"xcomp", "ccomp"} and h.head.i in verbs and verbs[h.head.i].event in VERBAL_TYPES):
            n.absorbed_into = verbs[h.head.i]  # "offered to resume talks with X", "refused to return to talks"
        elif _circumstance_of(n, verbs, lang) is not None:
            n.absorbed_into = _circumstance_of(n, verbs, lang)  # "dödades i ett israeliskt flyganfall": one event
            n.notes.append("circumstance")
        elif _motive_of(n, verbs, lex) is not None:
            n.absorbed_into = _motive_of(n, verbs, lex)  # "utvisade ambassadören i protest mot avtalet"
            n.notes.append("motive")
        elif n.token.dep_ in {"nsubj", "nsubj:pass"} and h.i in verbs and verbs[h.i].event == n.event:
            n.absorbed_into = verbs[h.i]  # "Demonstranter samlades ...": the protesters of the protest verb
        elif n.token.dep_ in {"nmod", "conj"} and _trigger_noun_above(n.token, nouns) is not None:
            n.absorbed_into = _trigger_noun_above(n.token, nouns)  # "avtal om säkerhetssamarbete"
        elif n.token.dep_ not in {"nsubj", "nmod:poss"}:
            v = _verb_right_before(n.token, verbs)
            if v is not None and not any(ch.dep_ == "obj" for ch in v.token.children) and not (
                    rules_of(lang) == "en" and v.token.dep_ == "amod" and v.token.head.i == n.token.i):
                # (not into an English participle modifying the noun: "its long-threatened invasion")
                n.absorbed_into = v  # a mis-parsed object: "har erbjudit militärstöd till X"
    for v in verbs.values():
        tok = v.token
        accuser = _accusation_before(tok, verbs)  # "anklagar Moskva [för att ha attackerat civila]"
        if (rules_of(lang) == "en" and tok.dep_ == "acl" and tok.head.i in nouns and nouns[tok.head.i].event == v.event
                and not any(ch.dep_ in SUBJ_DEPS for ch in tok.children)):
            v.absorbed_into = nouns[tok.head.i]  # "Israeli air strikes [noun] killed [acl] 30 people": one attack
        elif tok.head.i in verbs and verbs[tok.head.i].event in VERBAL_TYPES and tok.head.i != tok.i and (
                tok.dep_ in {"xcomp", "ccomp"} or _complement_advcl(tok, verbs[tok.head.i].event)):
            v.absorbed_into = verbs[tok.head.i]
        elif accuser is not None and _complement_advcl(tok, "ACCUSE"):
            v.absorbed_into = accuser  # the content of the accusation, wherever the parser hung it
        elif _complement_advcl(tok, "") and (tok.head.lemma_ or "").lower() in {"ha", "have"}:
            # "har [ROOT] lovat [obj, NOUN] att driva ut [advcl of har]": the supine the parser made an object
            sup = next((verbs[o.i] for o in tok.head.children if o.dep_ == "obj" and o.i < tok.i and o.i in verbs
                        and verbs[o.i].event in VERBAL_TYPES), None)
            if sup is not None:
                v.absorbed_into = sup
        elif tok.dep_ in {"advcl", "xcomp"} and tok.head.i in verbs and verbs[tok.head.i].event == v.event:
            v.absorbed_into = verbs[tok.head.i]  # "samlades ... för att protestera": one protest, told twice
            v.notes.append("circumstance")  # "dödades ... när jihadister angrep byn": the attackers are the agent


def merge_absorbed(cands: list[Candidate], sa: SentenceActors) -> None:
    """Hand what an absorbed candidate knows (actors, recipients, contexts, a promise of force, an agreed
    sanction) to the candidate it is absorbed into."""
    for c in cands:
        if c.absorbed_into is not None:
            outer = c.absorbed_into
            if not outer.actors and c.actors and _is_noun(c) and c.token.dep_ in {"nsubj", "nsubj:pass"} \
                    and c.token.head.i == outer.token.i:
                outer.actors = list(c.actors)  # "Israeli air strikes killed 30 people": the strikes' author
            direct = c.token.head.i == outer.token.i or (
                c.token.head.dep_ == "obj" and c.token.head.head.i == outer.token.i)  # "agreed a package of sanctions"
            if (outer.event in {"AGREE", "SUPPORT"} and c.event == "SANCTION" and _is_noun(c) and direct
                    and not getattr(outer.entry, "requires_qualifier", False)):
                # "EU ministers agreed/approved a new package of sanctions against Russia": they sanction
                outer.event, outer.mode, outer.cameo = c.event, c.mode, c.cameo
                outer.notes.append("agreed-sanction")
            for ctx in c.context:
                if ctx not in outer.context:
                    outer.context.append(ctx)
            outer_keys = {a.key for a in outer.actors}
            inner_actors = [a for a in c.actors if a.key not in outer_keys and a.actor.resolution != "coref-pronoun"]
            clause = c.token if not _is_noun(c) else c.token.head
            # "demanded that the US match the EU's support for X": a content clause with its own subject
            own_subject = (clause.dep_ == "ccomp" and clause.i != outer.token.i
                           and any(ch.dep_ in SUBJ_DEPS for ch in clause.children))
            own_side = {e.id for a in outer.actors if a.entity is not None
                        for e in (a.entity, sa.kb.roll_up(a.entity, sa.on_date)) if e is not None}
            inner_actors = [a for a in inner_actors if a.entity is None or a.entity.id not in own_side]
            if (not outer.recipients and inner_actors and not _is_noun(c)
                    and (c.token.dep_ == "ccomp" or _complement_advcl(c.token, outer.event))
                    and any(ch.dep_ in {"nsubj", "nsubj:pass"} for ch in c.token.children)):
                outer.recipients = inner_actors  # "kräver att Israel drar tillbaka": the demand is on Israel
            elif not outer.recipients and c.recipients and not own_subject and not (
                    outer.event == "ACCUSE" and c.token.dep_ == "advcl") and (  # (the accused is not the content's
                    "addressee-unknown" not in outer.notes):                    # target)
                outer.recipients = [r for r in c.recipients if r.key not in outer_keys]
            if "circumstance" in c.notes and not outer.actors and inner_actors:
                outer.actors = inner_actors  # the agent of an agentless passive is the attack's author
                outer.recipients = outer.recipients or [r for r in c.recipients if r.key not in outer_keys]
            if (outer.event == "AGREE" and c.event in PROMISED_FORCE and not (c.modality and c.modality.negated)
                    and not _qualified(outer) and not getattr(outer.entry, "reciprocal", False)):
                # "lovade att hämnas", "vowed to drive out the invaders": a promise of force is a threat (PLOVER);
                # an agreement between parties is not ("the forum agreed to cut tariffs", "enades om sanktioner")
                outer.mode, outer.cameo = PROMISED_FORCE[c.event]
                outer.event = "THREATEN"
                outer.notes.append(f"AGREE->THREATEN (promised {c.event})")
