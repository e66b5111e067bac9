"""Argument finding for a noun trigger ("offensiven mot X", "Rysslands attack", "the shelling of X"):
genitive owner, nationality adjective or "från/av X" -> actor; "mot/till X" -> recipient; a light verb
("inleda en offensiv", "få stöd") lends its subject as actor (or recipient)."""

from __future__ import annotations

from spacy.tokens import Token

from konflikt.actors.np import POSSESSIVE_REFLEXIVE, _case_of
from konflikt.actors.resolver import SentenceActors
from konflikt.events.candidate import Candidate
from konflikt.events.clause import AGENT_PREPS, _bare_case, _resolve, agent_of, is_passive, subject_of
from konflikt.events.lemmas import _lemmas
from konflikt.events.modality import clause_verb
from konflikt.events.roles import (
    _adjacent_case,
    _adjacent_genitive,
    _patient_marked,
    _place_not_target,
    _recipient_obliques,
)
from konflikt.language.registry import rules_of, words_for


def _noun_arguments(c: Candidate, sa: SentenceActors, lex, lang: str) -> None:
    tok = c.token
    actor_preps = {p.lower() for p in lex.actor_preps}
    benef = {p.lower() for p in lex.beneficiary_preps}
    # a nationality adjective the tagger made a possessor ("en rysk [nmod:poss] robotattack") is the actor
    adjective_poss = [ch for ch in tok.children if ch.dep_ == "nmod:poss"
                      and getattr(sa.mention_at(ch), "kind", None) == "adjective"]
    false_poss = [ch for ch in tok.children if ch.dep_ == "nmod:poss" and _not_genitive(ch, lang)
                  and ch not in adjective_poss]
    # Swedish "av X" after an action noun is its patient: "dödandet av journalisten", "bombningen av sjukhuset"
    # (a nominalisation in -ande/-ning/-else), and after a noun with an owner: "Rysslands invasion av Ukraina"
    action_nominal = _patient_marked(tok, sa, lex, false_poss)
    actor_from_prep = False
    for ch in tok.children:
        if ch in false_poss or ch in adjective_poss:
            continue  # "gett armén [not genitive] politiskt stöd": an indirect object, not an owner
        if ch.dep_ == "nmod:poss":
            if ch.lower_ in words_for(POSSESSIVE_REFLEXIVE, lang, set()):
                c.actors = _resolve(sa, subject_of(clause_verb(tok)))
            elif rules_of(lang) == "en" and ch.lower_ in {"its", "their"} and tok.dep_ in {"obj", "obl"}:
                # "Russia and Ukraine held their first talks": the clause's subject (all of it), else the pronoun
                c.actors = _resolve(sa, subject_of(clause_verb(tok))) or _resolve(sa, ch)
            else:
                c.actors = _resolve(sa, ch)
        elif (ch.dep_ in {"nmod", "obl"} and _case_of(ch) in actor_preps and not c.actors
              and not (action_nominal and _case_of(ch) == lex.patient_prep)):
            c.actors = _resolve(sa, ch)
            actor_from_prep = bool(c.actors)
        if c.actors:
            break
    if not c.actors and action_nominal and (gen := _adjacent_genitive(tok, sa)) is not None:
        c.actors = _resolve(sa, gen)  # "kritiserade Israels [advmod] ockupation av Västbanken"
    if not c.actors and rules_of(lang) == "en":
        # a noun the parser made the root with a subject, or with its light verb read as a modifier:
        # "The ICC [nsubj] issued [amod] arrest warrants [root] for X"
        predicate = any(ch.dep_ in {"cop", "case"} for ch in tok.children)  # "NATO countries are at war with X"
        for ch in tok.children:
            if ch.dep_ in {"nsubj", "nsubj:pass"} and ch.i < tok.i and not predicate:
                c.actors = _resolve(sa, ch)
            elif (ch.dep_ == "amod" and ch.pos_ == "VERB" and ch.i < tok.i and _light_verb_of(ch, lex, lang)
                  is not None and lex.light_verb(ch.lemma_.lower()) is not None):
                before = sa.actor_ending_at(ch.i)
                if before is not None:
                    c.actors = [before]
            if c.actors:
                break
    if not c.actors and rules_of(lang) == "en":
        # the agent hung on the noun's complement: "the launch of two missiles [by North Korea]"
        for ch in tok.children:
            if ch.dep_ == "nmod" and ch.i > tok.i and not c.actors and _case_of(ch) == "of":
                for g in ch.children:
                    if g.dep_ in {"nmod", "obl"} and _case_of(g) in AGENT_PREPS["en"]:
                        c.actors = _resolve(sa, g)
                        break
    if not c.actors:
        kids = list(tok.children)
        if rules_of(lang) == "en":  # one modifier down: "Israeli [amod of air] air strikes"
            kids += [g for ch in tok.children if ch.dep_ == "compound" and ch.i < tok.i for g in ch.children
                     if g.dep_ in {"amod", "compound"} and g.i < ch.i]
        for ch in kids:
            m = sa.mention_at(ch)
            if (ch.dep_ in {"amod", "compound"} or ch in adjective_poss or (
                    ch.dep_ == "nmod" and _case_of(ch) is None)) and m is not None and m.kind in {"adjective", "name"}:
                ids = list(getattr(m, "entity_ids", ()) or ([m.entity_id] if m.entity_id else []))
                for eid in ids:
                    ent = sa.kb.get(eid)
                    if ent is not None:
                        c.actors.append(sa.actor_for_entity(ent, m.start, m.end, "adjective", conf=0.8))
                if c.actors:
                    break
    if (not c.actors and rules_of(lang) == "en" and c.event in {"COOPERATE", "CONSULT"} and tok.dep_ in {"obl", "nmod"}
            and _case_of(tok) == "in"):
        # "stepped up surveillance in close cooperation with the US": the clause's subject cooperates
        c.actors = _resolve(sa, subject_of(clause_verb(tok.head)))
    patient = lex.patient_prep if (action_nominal or (c.actors and not actor_from_prep)) else None
    patients = [o for o in tok.children if patient and o.dep_ in {"nmod", "obl"} and o.i > tok.i
                and _case_of(o) == patient]
    for o in patients + _recipient_obliques(tok, lex, getattr(c.entry, "prep", None)) + false_poss:
        if o not in patients and ((prep := _case_of(o)) in actor_preps or _place_not_target(prep, c, lang)):
            continue
        c.recipients = _resolve(sa, o, allow_adjective=True)
        if c.recipients:
            break
    if not c.recipients and c.mode == "visit":
        for o in tok.children:  # "Putins besök i Pyongyang": the host is the place visited
            if o.dep_ in {"nmod", "obl"} and _case_of(o) in VISIT_PREPS:
                c.recipients = [r for r in _resolve(sa, o, allow_adjective=True)
                                if r.entity is not None and r.entity.kind == "country"]
                if c.recipients:
                    c.notes.append("recipient:visited")
                    break
    head = tok.head
    if (tok.dep_ == "nmod" and head.dep_ in {"obj", "nsubj:pass"} and head.head.pos_ in {"VERB", "AUX"}
            and head.pos_ in {"NOUN", "NUM"}):
        tok, head = head, head.head  # a measure of the event noun: "gave X 5 million dollars of aid"
    # light verb: "inleda en offensiv mot X", "få stöd från X", "ge stöd till X"
    # (an English object the parser split off as a predicate: "launched its surprise [obj] incursion [xcomp]")
    if (tok.dep_ in {"obj", "nsubj:pass", "obl"} or (rules_of(lang) == "en" and tok.dep_ == "xcomp")) and head.pos_ in {
            "VERB", "AUX"}:
        lv = _light_verb_of(head, lex, lang)
        if lv is not None and tok.dep_ == "obl" and not _bare_case(tok, lang):  # ("antog på måndagen [case] ett
            # sanktionspaket": the time phrase's preposition is none of the object's)
            # "svara med flyganfall" (the light verb's own preposition) - not "stöd till X"/"stöd från X"
            case = _case_of(tok)
            own = (getattr(lv, "prep", None) or "").lower()
            # a sum of money in the event: "announced 50 million dollars [obj] in aid [obl]"
            measure = rules_of(lang) == "en" and case == "in" and any(
                o.dep_ == "obj" and (o.pos_ == "NUM" or any(n.dep_ == "nummod" for n in o.children))
                for o in head.children)
            if not ((own and case == own) or measure or (
                    case not in {p.lower() for p in lex.recipient_preps} | actor_preps and not _adjacent_case(tok))):
                lv = None  # a genuine PP ("får ... i striderna") is not the light verb's object
        if lv is not None:
            c.light_verb, c.light_role = head, lv.role
            if lv.role == "receive":
                c.recipients = c.recipients or _resolve(sa, subject_of(head))
                if not c.actors:
                    for o in head.children:
                        if o.dep_ in {"obl", "nmod", "obl:agent"} and _case_of(o) in actor_preps:
                            c.actors = _resolve(sa, o)
                            if c.actors:
                                break
            else:
                subj = agent_of(head, lang) if is_passive(head) else subject_of(head)
                c.actors = c.actors or _resolve(sa, subj)
                if not c.recipients:
                    for o in _recipient_obliques(head, lex, None):
                        if (prep := _case_of(o)) in actor_preps or _place_not_target(prep, c, lang):
                            continue
                        c.recipients = _resolve(sa, o, allow_adjective=True)
                        if c.recipients:
                            break
                if not c.recipients and lv.role == "give":
                    # a bare nominal before the given noun is the indirect object, however the parser labels it
                    # (nb "ga opprørerne [obj] militær støtte [obj]")
                    for o in head.children:
                        if o.dep_ in {"obj", "iobj"} and o is not tok and o.i < tok.i and _case_of(o) is None:
                            c.recipients = _resolve(sa, o, allow_adjective=True)
                            if c.recipients:
                                break
    if not c.recipients and rules_of(lang) == "en" and c.event in {"AID", "SUPPORT"}:
        # the purpose says who is helped: "160 million euros in aid to repair Ukraine's power grid"
        for ch in [*c.token.children, *(c.light_verb.children if c.light_verb is not None else ())]:
            if ch.dep_ in {"acl", "advcl", "xcomp"} and ch.i > c.token.i and any(
                    m.dep_ == "mark" and m.lower_ == "to" for m in ch.children):
                for o in ch.children:
                    if o.dep_ in {"obj", "iobj"} and not c.recipients:
                        c.recipients = [ra for ra in _resolve(sa, o, allow_adjective=True)
                                        if ra.key not in {a.key for a in c.actors}]
                if c.recipients:
                    c.notes.append("recipient:purpose")
                    break
    # "Y avancerar tack vare X:s stöd": the clause subject benefits
    if tok.dep_ in {"obl", "nmod", "advcl"} and _case_of(tok) in benef:
        c.recipients = c.recipients or _resolve(sa, subject_of(clause_verb(tok.head)))


def _not_genitive(tok: Token, lang: str) -> bool:
    """A Swedish 'possessor' that is not in the genitive (no -s, not a possessive pronoun) is a mis-parse."""
    if rules_of(lang) != "sv" or tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    return not (tok.lower_.endswith(("s", "x", "z")) or tok.morph.get("Case") == ["Gen"])


VISIT_PREPS = {"i", "till", "in", "to"}


def _light_verb_of(head: Token, lex, lang: str):
    """The light-verb entry of a verb: with its particle first ("lägga fram", "ta emot"), else the bare verb."""
    parts = [c.lower_ for c in head.children if c.dep_ in {"compound:prt", "prt", "advmod"}]
    if head.i + 1 < head.sent.end:
        parts.append(head.doc[head.i + 1].lower_)
    lemmas = _lemmas(head, lang)
    for lem in lemmas:
        for p in parts:
            lv = lex.light_verb(f"{lem} {p}")
            if lv is not None:
                return lv
    for lem in lemmas:
        lv = lex.light_verb(lem)
        if lv is not None:
            return lv
    return None


def _noun_negated(tok: Token, lex) -> bool:
    negators = {w.lower() for w in lex.negators}
    return any(c.dep_ == "det" and c.lower_ in negators for c in tok.children)
