"""Argument helpers shared by verb and noun triggers: recipient obliques ("mot X", "against X"), comitatives
("tillsammans med X"), coordination and plural antecedents, genitive owners, places that are not targets."""

from __future__ import annotations

from spacy.tokens import Token

from konflikt.actors.np import POSSESSIVE_REFLEXIVE, _case_of
from konflikt.actors.resolved import ResolvedActor
from konflikt.actors.resolver import SentenceActors
from konflikt.events.candidate import COOPERATIVE, Candidate
from konflikt.events.clause import subject_of
from konflikt.language.registry import rules_of

COMITATIVE_BEFORE = {"tillsammans", "sida", "together", "side"}


def _comitative(tok: Token) -> bool:
    """'tillsammans med X', 'sida vid sida med X', 'together with X', 'alongside X': X acts with the actor."""
    cases = [c for c in tok.children if c.dep_ == "case" and c.i < tok.i]
    if not cases:
        return False
    first = cases[0]
    if first.lower_ in {"alongside", "jämte"}:
        return True
    return first.lower_ in {"med", "with"} and first.i > tok.sent.start and \
        tok.doc[first.i - 1].lower_ in COMITATIVE_BEFORE


def _in_a_role(c: Token, lex) -> bool:
    """An oblique given a role by an apposition with one of the lexicon's `role_marks`: "med Förenade
    Arabemiraten som medlare", "with Qatar as mediator" (a go-between, not the act's target)."""
    marks = {w.lower() for w in lex.role_marks}
    if any(g.dep_ in {"appos", "acl", "nmod", "xcomp"} and g.i > c.i and any(
            m.dep_ in {"mark", "case"} and m.lower_ in marks for m in g.children) for g in c.children):
        return True
    nxt = c.right_edge.i + 1  # the role hung elsewhere: "with Turkey [nmod] as mediator [obl of the verb]"
    return (nxt + 1 < c.sent.end and c.doc[nxt].lower_ in marks and c.doc[nxt].dep_ in {"case", "mark"}
            and c.doc[nxt].head.pos_ == "NOUN" and c.doc[nxt].head.i == nxt + 1)


def _recipient_obliques(tok: Token, lex, prep: str | None) -> list[Token]:
    preps = {p.lower() for p in lex.recipient_preps}
    first, rest = [], []
    for c in tok.children:
        if _comitative(c) or _in_a_role(c, lex):
            continue  # a partner, not a target: "strider sida vid sida med moçambikiska styrkor"
        if c.dep_ in {"obl", "nmod", "obl:arg", "iobj"}:
            case = _case_of(c)
            if prep and case == prep.lower():
                first.append(c)
            elif case in preps:
                rest.append(c)
            elif c.dep_ == "iobj" and case is None:  # "give Tanzania a grant": a bare indirect object
                first.append(c)
    return first + rest


def _place_not_target(prep: str | None, c: Candidate, lang: str) -> bool:
    """English 'at X' of a cooperative event is where it happened, not its target: "signed the treaty at the White
    House", "agreed at talks in Luanda" (but "fired at X", "protested at X"). `prep`: the phrase's preposition."""
    return rules_of(lang) == "en" and c.event in COOPERATIVE and prep == "at"


def _action_nominal(tok: Token, lex) -> bool:
    """A nominalised verb (an ending of the lexicon's `action_noun_endings`: "dödandet", "gripandet",
    "bombningen"), whose `patient_prep` phrase is its patient (also when the tagger took a sentence-initial one
    for a name)."""
    return ((tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.i == tok.sent.start))
            and tok.lower_.endswith(tuple(lex.action_noun_endings)) and len(tok.lower_) > 6)


def _patient_marked(tok: Token, sa: SentenceActors, lex, false_poss: list[Token]) -> bool:
    """Whether the lexicon's `patient_prep` ("av") marks the patient of the noun: a nominalised verb or a noun
    with an owner ("Rysslands invasion av Ukraina")."""
    return bool(lex.patient_prep) and (_action_nominal(tok, lex) or _has_owner(tok, sa, false_poss))


def _adjacent_genitive(tok: Token, sa: SentenceActors) -> Token | None:
    """A genitive name right before a noun (adjectives between), whatever relation the parser gave it:
    "kritiserade Israels [advmod of the verb] ockupation"."""
    i = tok.i - 1
    while i > tok.sent.start and tok.doc[i].pos_ == "ADJ" and sa.mention_at(tok.doc[i]) is None:
        i -= 1
    if i < tok.sent.start:
        return None
    m = sa.mention_at(tok.doc[i])
    return tok.doc[i] if m is not None and m.genitive and m.end == i + 1 else None


def _has_owner(tok: Token, sa: SentenceActors, false_poss: list[Token]) -> bool:
    """A noun with an actor before it as its owner: a genitive ("Rysslands invasion", also one the tagger made an
    adjective or the parser hung elsewhere) or a nationality adjective ("den ryska invasionen")."""
    if _adjacent_genitive(tok, sa) is not None:
        return True
    for ch in tok.children:
        if ch.i > tok.i or ch in false_poss:
            continue
        if ch.dep_ == "nmod:poss" and ch.lower_ not in POSSESSIVE_REFLEXIVE.get(sa.lang, set()):
            return True
        m = sa.mention_at(ch)
        if ch.dep_ in {"amod", "nmod"} and m is not None and (m.genitive or m.kind == "adjective"):
            return True
    return False


def _adjacent_case(tok: Token) -> bool:
    """The noun's preposition directly introduces it (only determiners/adjectives/numerals between)."""
    cases = [c for c in tok.children if c.dep_ == "case" and c.i < tok.i]
    if not cases:
        return False
    between = tok.doc[cases[0].i + 1: tok.i]
    return all(t.pos_ in {"DET", "ADJ", "NUM"} or t.dep_ == "fixed" for t in between)


def _genitive_owner(tok: Token) -> Token | None:
    """A genitive before an event noun, also when the parser gave it another relation ("Kinas [nsubj]
    påtryckningar"); not a possessive pronoun."""
    for ch in tok.children:
        if ch.i < tok.i and (ch.dep_ == "nmod:poss" or (ch.pos_ == "PROPN" and ch.morph.get("Case") == ["Gen"])) \
                and ch.pos_ != "PRON":
            return ch
    for ch in tok.children:  # "Kosovos [nsubj, Case=Nom] ansökan": a name in -s right before the noun
        if (ch.i < tok.i and ch.pos_ == "PROPN" and ch.lower_.endswith("s") and rules_of(ch.lang_) == "sv"
                and all(t.pos_ in {"ADJ", "ADV"} for t in tok.doc[ch.i + 1: tok.i])):
            return ch
    return None


COORDINATORS = {"och", "samt", "and", ",", "&"}
PLURAL_PRONOUNS = {"de", "dem", "they", "them"}


def _extend_coordination(actors: list[ResolvedActor], sa: SentenceActors, stop: int) -> list[ResolvedActor]:
    """Add actors coordinated with the first one that the parse split off ("Saudiarabien och Förenade
    Arabemiraten fördömde"): units right after it joined by och/samt/and/comma, before the verb."""
    units = sa.units()
    keys = {a.key for a in actors} | {a.actor.entity_id for a in actors if a.actor.entity_id}
    first = min(actors, key=lambda a: a.head)
    cur_end = next((hi for lo, hi, ra, _w in units if lo <= first.head < hi), first.head + 1)
    doc = sa.sent.doc
    out = list(actors)
    cur_start = next((lo for lo, hi, ra, _w in units if lo <= first.head < hi), first.head)
    while cur_start - 1 > sa.sent.start and doc[cur_start - 1].lower_ in COORDINATORS:
        prv = next((u for u in units if u[1] == cur_start - 1 and not u[3]), None)
        if prv is None:
            break
        if prv[2].key not in keys and prv[2].actor.entity_id not in keys:
            out.append(prv[2])
            keys.add(prv[2].key)
        cur_start = prv[0]
    by_adjective = (first.actor.resolution or "").startswith(("adjective", "sector-adjective"))
    while cur_end < stop and doc[cur_end].lower_ in COORDINATORS:
        nxt = next((u for u in units if u[0] == cur_end + 1 and not u[3]), None)
        if nxt is None or nxt[0] >= stop:
            break
        if by_adjective and (nxt[2].actor.resolution or "") in {"sector", "document-country", "coref-sector"}:
            cur_end = nxt[1]  # "Kinesiska militärfartyg och stridsflygplan": the adjective covers both nouns
            continue
        if nxt[2].key not in keys and nxt[2].actor.entity_id not in keys:
            out.append(nxt[2])
            keys.add(nxt[2].key)
        cur_end = nxt[1]
    return out


def _plural_antecedents(actors: list[ResolvedActor], sa: SentenceActors) -> list[ResolvedActor]:
    """A plural pronoun stands for the whole coordination its antecedent belongs to: "Mali, Burkina Faso och
    Niger meddelade att de lämnar Ecowas" -> all three leave."""
    if len(actors) != 1 or actors[0].antecedent is None:
        return actors
    pron = actors[0]
    doc = sa.sent.doc
    if doc[pron.head].lower_ not in PLURAL_PRONOUNS:
        return actors
    anchor = ResolvedActor(pron.actor, pron.entity, pron.antecedent, pron.confidence)
    return [pron] + _extend_coordination([anchor], sa, pron.head)[1:]


def between_parties(c: Candidate, sa: SentenceActors, lex) -> None:
    """The parties a between-phrase names (the lexicon's `between_preps`): "striderna mellan armén och Arakan
    Army", "clashes broke out between X and Y" (the phrase on the verb whose subject the event noun is), "talks
    between Russia and Ukraine". With no actor of its own, each party acts on the others (the coder makes one
    event per ordered pair, note "between"); with an actor that is none of them ("Qatar medlade mellan Israel och
    Hamas", also when its subject is someone no one resolved), they are its recipients. Fewer than two parties
    found: nothing changes."""
    preps = {p.lower() for p in lex.between_preps}
    if not preps:
        return
    tok = c.token
    hosts = [tok]
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"nsubj", "nsubj:pass"} and tok.head.pos_ in {"VERB", "AUX"}:
        hosts.append(tok.head)
    phrase = next((ch for h in hosts for ch in h.children
                   if ch.dep_ in {"nmod", "obl"} and _case_of(ch) in preps), None)
    if phrase is None:
        return
    parties: list[ResolvedActor] = []
    for r in sa.resolve(phrase):
        if all(r.key != p.key for p in parties):
            parties.append(r)
    if len(parties) < 2:
        return
    keys = {p.key for p in parties}
    doer = c.light_verb if c.light_verb is not None else (tok if tok.pos_ in {"VERB", "AUX"} else None)
    subject = subject_of(doer) if doer is not None else None  # a subject no one resolved is still someone
    if subject is not None and (subject.i == tok.i or subject.pos_ not in {"NOUN", "PROPN", "PRON"}):
        subject = None  # "samtalen återupptogs": the event noun is its light verb's subject
    if (c.actors and not any(a.key in keys for a in c.actors)) or (not c.actors and subject is not None):
        c.recipients = parties
        c.notes.append("recipient:between")
        return
    c.actors, c.recipients = parties, []
    c.notes.append("between")
