"""Argument finding for a verb trigger: subject -> actor; object, indirect object or an oblique with a
recipient preposition -> recipient; passive: agent -> actor, subject -> recipient; `converse` entries
swap them; participle modifiers, apposition and coordination."""

from __future__ import annotations

from spacy.tokens import Token

from konflikt.actors.np import _case_of
from konflikt.actors.resolved import ResolvedActor
from konflikt.actors.resolver import SentenceActors
from konflikt.events.candidate import REACTION_TYPES, Candidate, _is_noun
from konflikt.events.clause import (
    SUBJ_DEPS,
    TIME_NOUNS,
    _bare_case,
    _ends_time_noun,
    _is_temporal,
    _reflexive,
    _resolve,
    agent_of,
    is_attributive,
    is_passive,
    subject_of,
)
from konflikt.events.qualifiers import _second_subjects
from konflikt.events.roles import (
    _adjacent_genitive,
    _comitative,
    _extend_coordination,
    _genitive_owner,
    _patient_marked,
    _place_not_target,
    _plural_antecedents,
    _recipient_obliques,
)
from konflikt.events.triggers import _finite_form_of, _obl_with_prep
from konflikt.language.registry import rules_of

DISTRIBUTIVES = {"each", "both"}


def _verb_arguments(c: Candidate, sa: SentenceActors, lex, lang: str, nouns: dict[int, Candidate]) -> None:
    tok, entry = c.token, c.entry
    prep = getattr(entry, "prep", None)
    attributive = is_attributive(tok)
    # "enas", "slåss", and the s-form of a reciprocal verb ("X och Y möttes"): active, not passive
    deponent = rules_of(lang) == "sv" and (getattr(entry, "lemma", "").endswith("s") or (tok.lower_.endswith("s") and (
        getattr(entry, "reciprocal", False) or c.event in {"CONSULT", "COOPERATE"})))
    # a past tense the tagger calls an adjective ("Kinesiska fartyg omringade [ADJ] Taiwan") is active
    finite_adj = (tok.pos_ == "ADJ" and not attributive and tok.lower_.endswith("de")
                  and _finite_form_of(tok.lower_, getattr(entry, "lemma", ""), lang)
                  and not any(ch.dep_ in {"aux", "aux:pass", "cop"} for ch in tok.children))
    passive = (is_passive(tok) and tok.pos_ != "NOUN" and not deponent and not finite_adj) or attributive
    if (not passive and not deponent and rules_of(lang) == "sv" and tok.pos_ != "NOUN" and tok.lower_.endswith("s")
            and not any(ch.dep_ == "obj" and ch.pos_ != "ADJ" for ch in tok.children)  # "frös [active] sina bidrag"
            and not getattr(entry, "lemma", "").endswith("s") and tok.lower_ != getattr(entry, "lemma", "")
            and (tok.lemma_.lower() == tok.lower_ or "Voice=Pass" in str(tok.morph)
                 or tok.lower_ in getattr(entry, "variants", ())) and not tok.lower_.endswith("ös")):
        passive = True  # the s-form of a verb that is not deponent is passive, whatever the tagger says ("greps")
        c.notes.append("s-passive")
    misread = _finite_read_as_modifier(tok, sa) if rules_of(lang) == "en" else None
    modifier = _participle_modifier(tok) if rules_of(lang) == "en" and misread is None else None
    if modifier is not None:
        # "US-brokered talks", "Iran-backed militias": the first part acts on the noun; "detained Americans": the
        # noun undergoes it, by the participle's own agent only
        first = modifier[0]
        c.actors = _resolve(sa, first, allow_adjective=True) if first is not None else _resolve(sa, agent_of(tok, lang))
        c.recipients = [ra for ra in _resolve(sa, tok.head, allow_adjective=True)
                        if ra.key not in {a.key for a in c.actors}]
        c.notes.append("attributive-participle")
    elif misread is not None:
        # "In a speech, Hamas leader Yahya Sinwar blamed [amod] Egypt [root] ...": the name before is the subject
        c.actors = [misread]
        c.recipients = [ra for ra in _resolve(sa, tok.head, allow_adjective=True) if ra.key != misread.key]
        c.notes.append("actor:finite-read-as-modifier")
    elif (passive and rules_of(lang) == "en" and c.event == "MOBILIZE" and agent_of(tok, lang) is None
          and not attributive):
        # "North Korean troops have been deployed to Russia's Kursk region": the forces moved are their own
        # country's act, the destination its recipient
        c.actors = _resolve(sa, subject_of(tok), allow_adjective=True)
        keys = {a.key for a in c.actors}
        for o in _recipient_obliques(tok, lex, prep):
            c.recipients = [ra for ra in _resolve(sa, o, allow_adjective=True) if ra.key not in keys]
            if c.recipients:
                break
        c.notes.append("passive-mobilization")
    elif passive:
        c.actors = _resolve(sa, agent_of(tok, lang))
        subj = tok.head if attributive else subject_of(tok)
        if subj is not None and subj.i in nouns and not attributive:
            c.recipients = _noun_owner(subj, sa, lex)  # "Kinas påtryckningar [...] fördömdes": China is condemned
        c.recipients = c.recipients or _resolve(sa, subj, allow_adjective=True)
        if not c.recipients:
            for o in _recipient_obliques(tok, lex, prep):
                c.recipients = _resolve(sa, o, allow_adjective=True)
                if c.recipients:
                    break
    else:
        subj = subject_of(tok)
        c.actors = _plural_antecedents(_resolve(sa, subj), sa)
        if c.event == "THREATEN" and _at_risk(tok, subj, sa, lex, c.actors):
            c.notes.append("subject-at-risk")
        if not c.actors and rules_of(lang) == "en" and "Ger" in tok.morph.get("VerbForm"):
            c.actors = _resolve(sa, agent_of(tok, lang))  # a nominal gerund: "after heavy shelling by the army"
        if not c.actors and rules_of(lang) == "en" and subj is not None and subj.lower_ in DISTRIBUTIVES:
            # "Russia and Ukraine each freed 103 prisoners": the coordination right before the quantifier
            prev = sa.actor_ending_at(subj.i)
            if prev is not None:
                c.actors = _extend_coordination([prev], sa, subj.i)
                c.notes.append("actor:distributive")
        order: list[Token] = []
        order += [x for x in tok.children if x.dep_ == "iobj"]
        if prep and _obl_with_prep(tok, prep) is not None:
            order.append(_obl_with_prep(tok, prep))
        objs = [x for x in tok.children if x.dep_ == "obj" and not _reflexive(x)
                and not _is_temporal(x, lang)] + _second_subjects(tok)  # "demanded Friday that": no object
        # a bare oblique that is a named actor is an object the parser mislabelled ("uppmanade i februari Rwanda")
        objs += [x for x in tok.children if (x.dep_ == "obl" or (x.dep_ == "nmod" and tok.pos_ == "NOUN"))
                 and x.i > tok.i and _bare_case(x, lang)
                 and ((x.pos_ == "PROPN" and sa.mention_at(x) is not None) or x.i in nouns
                      or (_case_of(x) is not None and x.pos_ in {"NOUN", "PROPN"}))  # "i maj [case] fyra diplomater"
                 and not _is_temporal(x, lang)
                 and not any(t.is_punct for t in tok.doc[tok.i + 1: x.i])]  # (not "..., uppger FN")
        # "anklagade dagen innan Israel": the time phrase the parser took for the object; the name after it is
        for x in [x for x in tok.children if x.dep_ == "obj" and x.lower_ in TIME_NOUNS]:
            nxt = tok.doc[x.i + 2] if x.i + 2 < tok.sent.end else None
            if nxt is not None and _ends_time_noun(tok.doc[x.i + 1]) and sa.mention_at(nxt) is not None:
                objs = [nxt] + [o for o in objs if o is not x]
        # the object hung on a time phrase: "utvisade i maj [obl] fyra polska diplomater [nmod of maj]"
        objs += [g for x in tok.children if x.dep_ in {"obl", "obl:tmod"} and x.i > tok.i and _is_temporal(x, lang)
                 for g in x.children if g.dep_ in {"nmod", "obj"} and g.i > x.i and _case_of(g) is None
                 and g.pos_ in {"NOUN", "PROPN"} and not _is_temporal(g, lang)]
        # the object hung on the verb particle: "kallade upp [prt] Rysslands ambassadör [nsubj of upp]"
        objs = [g for p in tok.children if p.dep_ in {"compound:prt", "prt"} for g in p.children
                if g.dep_ in {"nsubj", "obj"} and g.i > p.i] + objs
        particle = (getattr(entry, "particle", None) or "").split()[:1]
        if particle:  # the particle read as a preposition: "bjudit in [case] Tshisekedi [nmod]"
            objs += [x for x in tok.children if x.dep_ in {"obl", "nmod"} and _case_of(x) == particle[0].lower()]
        fronted = any(ch.dep_ in {"obl", "advmod", "obl:tmod"} and ch.i < tok.i for ch in tok.children)
        v2 = rules_of(lang) != "en"  # English has no verb-second inversion: "In a speech, blamed Israel" has no subject
        if v2 and not c.actors and objs and objs[0].i == tok.i + 1 and (len(objs) > 1 or fronted) and not any(
                ch.dep_ in SUBJ_DEPS for ch in tok.children) and (
                sa.mention_at(objs[0]) is not None):
            # verb-second after a fronted adverbial: "I november släppte Hamas hundra gisslan"
            c.actors = _resolve(sa, objs[0])
            if c.actors:
                objs = objs[1:]
                c.notes.append("actor:inverted-subject")
        if v2 and not c.actors and getattr(entry, "particle", None) and objs and objs[0].i > tok.i:
            # verb-second inversion the parser read as an object: "Förra veckan gick trupper ... ombord"
            c.actors = _resolve(sa, objs[0])
            if c.actors:
                objs = objs[1:]
                c.notes.append("actor:inverted-subject")
        for o in objs:
            if o.i in nouns:  # the object is itself an event noun ("militärstöd till X")
                # whose act it is: "rejected Hamas's demand", "welcomed the offer from X"
                order += [x for x in o.children if x.dep_ == "nmod:poss" and not _reflexive(x)]
                order += _recipient_obliques(o, lex, None)
            else:
                order.append(o)
        order += [o for o in _recipient_obliques(tok, lex, None) if o not in order]
        for o in objs:
            if o.i not in nouns:
                order += [x for x in _recipient_obliques(o, lex, None) if x not in order]
        for o in order:
            if _place_not_target(_case_of(o), c, lang):
                continue
            c.recipients = _resolve(sa, o, allow_adjective=True)
            if c.recipients:
                break
        if (rules_of(lang) == "en" and not c.recipients and c.event == "REQUEST" and order and order[0].pos_ == "NOUN"
                and order[0].i not in nouns and (order[0].dep_ in {"obj", "iobj"} or (
                    order[0].dep_ == "obl" and _case_of(order[0]) == "on"))
                and not sa.resolve(order[0], allow_adjective=True)):
            # "urged Western governments to lift sanctions on Venezuela": the one urged is named but unknown;
            # the target inside the demand is not the addressee
            c.notes.append("addressee-unknown")
        if not c.recipients:
            for o in objs:
                if o.i in nouns:  # "avvisade kraven från Kiev": the demand's author is the recipient
                    c.recipients = _noun_owner(o, sa, lex) or _event_antecedent(o, nouns[o.i], sa)
                    if c.recipients:
                        break
        if not c.recipients and c.event == "REQUEST" and lex.actor_preps:
            # what is asked for comes from the one asked: "demanded support from the Assembly", "sought
            # asylum from X" (the first actor preposition; not the passive agent "by")
            src = lex.actor_preps[0].lower()
            for x in [*tok.children, *(g for o in objs for g in o.children)]:
                if x.dep_ in {"obl", "nmod"} and _case_of(x) == src and x.i > tok.i:
                    c.recipients = _resolve(sa, x, allow_adjective=True)
                    if c.recipients:
                        c.notes.append("recipient:request-from")
                        break
        if not c.recipients and any(o.i in nouns for o in objs):
            # the author's phrase the parser hung on the verb: "accepted demands [obj] from Shona rebels [obl]"
            first_actor_prep = (lex.actor_preps or [None])[0]
            for x in tok.children:
                if x.dep_ in {"obl", "nmod"} and first_actor_prep and _case_of(x) == first_actor_prep.lower() \
                        and x.i > min(o.i for o in objs if o.i in nouns):
                    c.recipients = _resolve(sa, x, allow_adjective=True)
                    if c.recipients:
                        break
    if (rules_of(lang) == "en" and not c.recipients and tok.dep_ in {"acl", "acl:relcl"}
            and _summary_apposition(tok.head) and not sa.resolve(tok.head)):
        # "..., a request backed by Poland", "..., a charge Washington rejected": the noun sums up the main
        # clause, so the act is on the main clause's subject
        keys = {a.key for a in c.actors}
        c.recipients = [ra for ra in _resolve(sa, subject_of(tok.sent.root)) if ra.key not in keys]
        if c.recipients:
            c.notes.append("recipient:summary-apposition")
    if c.actors and c.token.i > min(a.head for a in c.actors):
        c.actors = _extend_coordination(c.actors, sa, c.token.i)
    if c.actors and not passive:
        keys = {a.key for a in c.actors}
        for x in tok.children:  # the partners join the actors ("höll en övning tillsammans med Australien")
            if _comitative(x):
                for ra in _resolve(sa, x, allow_adjective=True):
                    if ra.key not in keys:
                        c.actors.append(ra)
                        keys.add(ra.key)
    if getattr(entry, "converse", False):
        c.actors, c.recipients = c.recipients, c.actors
        if passive:
            c.actors = _resolve(sa, agent_of(tok, lang)) or c.actors


def _at_risk(tok: Token, subj: Token | None, sa: SentenceActors, lex, actors: list[ResolvedActor]) -> bool:
    """'Som ett resultat hotar EU:s försök ...' / 'the EU's effort is threatened': a threat verb with nothing
    threatened (no object, clause or recipient phrase) whose subject is a thing - a common noun that names no
    actor itself, only through its owner - says the thing is at risk, not that anyone threatens."""
    if subj is None or subj.pos_ != "NOUN" or sa.mention_at(subj) is not None:
        return False
    if sa.kb.sector_for(subj.text, sa.lang) or sa.kb.sector_for(subj.lemma_ or "", sa.lang):
        return False  # "regeringen hotar": an actor noun
    if any(a.head == subj.i for a in actors):
        return False
    preps = {p.lower() for p in lex.recipient_preps}
    return not any(ch.dep_ in {"obj", "iobj", "xcomp", "ccomp"} or (
        ch.dep_ in {"obl", "nmod"} and (_case_of(ch) or "") in preps) for ch in tok.children)


def _participle_modifier(tok: Token) -> tuple[Token | None] | None:
    """An English participle modifying the noun after it: ("US" of "US-brokered",) for a hyphenated compound,
    (None,) for a plain one ("the detained Americans"), else None."""
    if any(c.dep_ in SUBJ_DEPS for c in tok.children):
        return None  # a finite verb the parser also gave a subject ("police ... confiscated [amod] weapons")
    if not (tok.dep_ in {"amod", "compound"} and tok.pos_ in {"VERB", "ADJ"} and tok.head.i > tok.i
            and tok.head.pos_ in {"NOUN", "PROPN"} and ("Part" in tok.morph.get("VerbForm") or tok.lower_.endswith(
                ("ed", "led", "run")))):
        return None
    if tok.i - 2 >= tok.sent.start and tok.doc[tok.i - 1].text in {"-", "–"}:
        return (tok.doc[tok.i - 2],)
    if tok.i - 1 >= tok.sent.start and tok.doc[tok.i - 1].pos_ in {"NOUN", "PROPN"} and tok.doc[tok.i - 1].head is tok:
        return (tok.doc[tok.i - 1],)  # "US brokered talks" written without the hyphen
    return (None,)


def _finite_read_as_modifier(tok: Token, sa: SentenceActors) -> ResolvedActor | None:
    """A past-tense verb the parser read as a participle modifying the name after it, right after another name:
    "Hamas leader Yahya Sinwar blamed [amod] Egypt". The actor mention ending right before the verb, or None."""
    if not (tok.pos_ == "VERB" and tok.dep_ == "amod" and tok.head.i > tok.i and tok.i > tok.sent.start
            and tok.head.pos_ in {"PROPN", "NOUN"}):
        return None
    prev = tok.doc[tok.i - 1]
    before = sa.actor_ending_at(tok.i)
    if before is not None and prev.pos_ in {"PROPN", "NOUN"}:
        return before
    subj = next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubj:pass"} and c.i < tok.i), None)
    if subj is not None and prev.text == ",":
        # "The M23 rebels [nsubj of positions], who are backed by Rwanda, attacked [amod] army positions"
        found = sa.resolve(subj)
        if found:
            return found[0]
    sector = sa.kb.sector_for(prev.text, sa.lang) if prev.pos_ in {"ADJ", "NOUN"} else None
    if sector and any(c.dep_ in {"nmod:poss", "amod"} for c in prev.doc[max(prev.sent.start, prev.i - 3): prev.i]):
        # "Myanmar's military detained [amod] dozens of protesters": the owner's sector phrase before the verb
        owner = next((sa.mention_at(c) for c in prev.doc[max(prev.sent.start, prev.i - 3): prev.i]
                      if sa.mention_at(c) is not None and sa.mention_at(c).kind in {"name", "adjective"}), None)
        ent = sa.kb.get(owner.entity_id) if owner is not None and owner.entity_id else None
        if ent is not None:
            return sa.actor_for_entity(ent, owner.start, prev.i + 1, "sector-owner", sector=sector, conf=0.7)
    return None


def _summary_apposition(noun: Token) -> bool:
    """A noun phrase after a comma that sums up the clause before it: "..., a request backed by Poland",
    "..., a move condemned by Beijing" (an indefinite common noun right after the comma, after the main verb)."""
    sent = noun.sent
    start = min([noun.i] + [t.left_edge.i for t in noun.lefts if t.dep_ != "punct"])
    return (noun.pos_ == "NOUN" and start - 1 >= sent.start and noun.doc[start - 1].text == ","
            and noun.i > sent.root.i and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in noun.children))


def _event_antecedent(tok: Token, noun: Candidate, sa: SentenceActors) -> list[ResolvedActor]:
    """'G7 fördömde Kina. Kina tillbakavisade kritiken': a definite event noun without an author of its own
    ("kritiken", "anklagelserna", "kraven") refers to the last event of its type in the two sentences before;
    that event's actors are its authors."""
    if tok.morph.get("Definite") != ["Def"] and not any(ch.dep_ == "det" and ch.lower_ in {"the", "this", "these"}
                                                         for ch in tok.children):
        return []
    found = sa.state.recent_event(noun.event, within=2)
    out = []
    for ra in found:
        a = ra.actor.model_copy(update={"resolution": "coref-event"})
        out.append(ResolvedActor(a, ra.entity, tok.i, 0.6 * ra.confidence))
    return out


def _noun_owner(tok: Token, sa: SentenceActors, lex) -> list[ResolvedActor]:
    """The author of an event noun: its genitive possessor or a från/av phrase (not the "av" of its patient:
    "den ryska invasionen av Ukraina")."""
    actor_preps = {p.lower() for p in lex.actor_preps}
    if _patient_marked(tok, sa, lex, []):
        actor_preps.discard(lex.patient_prep)
    gen = _genitive_owner(tok) or (_adjacent_genitive(tok, sa) if lex.patient_prep else None)
    adjective = [ch for ch in tok.children if ch.dep_ == "amod" and ch.i < tok.i
                 and getattr(sa.mention_at(ch), "kind", None) == "adjective"]
    for ch in ([gen] if gen is not None else []) + list(tok.children) + adjective:
        if ch.dep_ == "nmod:poss" or ch is gen or ch in adjective or (
                ch.dep_ in {"nmod", "obl"} and _case_of(ch) in actor_preps):
            found = _resolve(sa, ch)
            if found:
                return found
    return []


def anaphoric_act_recipients(cands: list[Candidate], sa: SentenceActors, lex) -> None:
    """A reaction (condemn, reject, accuse) without a recipient whose object is a definite noun that refers
    back to an act ("Taiwan's parliament passed the law. Beijing condemned the move", "avvisade beslutet") takes
    the actors of the latest event of the two sentences before that another actor coded."""
    words = {w.lower() for w in lex.event_anaphors}
    if not words:
        return
    for c in cands:
        if c.recipients or not c.actors or _is_noun(c) or c.event not in REACTION_TYPES:
            continue
        obj = next((o for o in c.token.children if o.dep_ in {"obj", "nsubj:pass"} and o.pos_ == "NOUN"), None)
        if obj is None or (obj.lemma_ or obj.lower_).lower() not in words or any(
                ch.dep_ in {"nmod:poss", "nmod", "amod", "acl", "acl:relcl"} for ch in obj.children):
            continue
        if obj.morph.get("Definite") != ["Def"] and not any(
                ch.dep_ == "det" and ch.lower_ in {"the", "this", "that", "these", "those"} for ch in obj.children):
            continue
        keys = {a.key for a in c.actors}
        for _etype, actors in sa.state.recent_events(within=2):
            others = [a for a in actors if a.key not in keys]
            if others and len(others) == len(actors):
                c.recipients = [ResolvedActor(a.actor.model_copy(update={"resolution": "coref-act"}), a.entity,
                                              obj.i, 0.6 * a.confidence) for a in others]
                c.notes.append("recipient:anaphoric-act")
                break


def condemned_event_recipients(cands: list[Candidate], nouns: dict[int, Candidate]) -> None:
    """A reaction (condemn, protest) without a recipient takes the actors of the event noun it reacts to:
    "condemned the launch of missiles by North Korea" -> North Korea."""
    for c in cands:
        if c.recipients or _is_noun(c) or c.event not in REACTION_TYPES:
            continue
        for o in c.token.children:  # "condemned the launch of missiles by North Korea": the launcher
            if o.dep_ == "obj" and o.i in nouns and nouns[o.i].actors:
                keys = {a.key for a in c.actors}
                c.recipients = [a for a in nouns[o.i].actors if a.key not in keys]
                if c.recipients:
                    c.notes.append("recipient:condemned-event")
                    break
