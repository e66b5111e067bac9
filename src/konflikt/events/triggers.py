"""Candidate proposal: the trigger words of a sentence (verbs, event nouns, particle and reflexive verbs,
obligation requests) as `Candidate`s, with the lexicon entry each matched and its constraints checked."""

from __future__ import annotations

from spacy.tokens import Span, Token

from konflikt.actors.np import _case_of
from konflikt.actors.resolver import SentenceActors
from konflikt.events.candidate import Candidate, _is_noun
from konflikt.events.clause import _reflexive
from konflikt.events.lemmas import _lemmas
from konflikt.events.qualifiers import _apply_qualifiers, _qualified, matching_words, qualifying_words
from konflikt.language.registry import rules_of


def _particle_strength(tok: Token, particle: str) -> int:
    """How surely `tok` has the particle: 3, a dependent of the verb; 2, a word right after the verb or after its
    subject (V2 order; the parse missed it); 1, such a word that heads no particle but the preposition of a
    nominal after it ("gav upp efter striderna" is "ge upp", not "ge efter", when the lexicon has both); 0, none."""
    words = particle.lower().split()
    for c in tok.children:
        if c.dep_ in {"compound:prt", "prt", "advmod", "obl", "obj", "advmod:prt"} and c.lower_ == words[0]:
            return 3
    window = tok.doc[tok.i + 1: min(tok.i + 6, tok.sent.end)]
    hits = [t for t in window if t.lower_ == words[0]]
    if not hits:
        return 0
    return 2 if any(not (t.dep_ == "case" and t.head.i > t.i and t.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON"})
                    for t in hits) else 1


def _has_reflexive(tok: Token) -> bool:
    return any(_reflexive(c) for c in tok.children) or (
        tok.i + 1 < tok.sent.end and _reflexive(tok.doc[tok.i + 1]))


def _obl_with_prep(tok: Token, prep: str) -> Token | None:
    """The oblique introduced by `prep`: a child of the verb, or (PP attachment) of its object/oblique."""
    deps = {"obl", "nmod", "obl:agent", "obj", "advmod"}
    for c in tok.children:
        if c.dep_ in deps and _case_of(c) == prep.lower():
            return c
    for c in tok.children:
        if c.dep_ in {"obl", "obj"}:
            for g in c.children:
                if g.dep_ in {"nmod", "obl"} and _case_of(g) == prep.lower():
                    return g
    # the preposition read as the verb's particle, another one introducing the oblique ("meldte seg ut[prt]
    # av EU" for "melde seg ut"): the first oblique after the particle
    for p in tok.children:
        if p.dep_ == "compound:prt" and p.lower_ == prep.lower():
            return next((c for c in tok.children if c.dep_ == "obl" and c.i > p.i and _case_of(c)), None)
    return None


def _clause_with_prep(tok: Token, prep: str) -> bool:
    """A clause introduced by the preposition: "enades om att förlänga sanktionerna", "agreed on how to"."""
    near = list(tok.children) + [g for c in tok.children if c.dep_ in {"obl", "obj"} for g in c.children]
    return any(c.dep_ in {"advcl", "ccomp", "xcomp", "acl"} and c.i > tok.i and any(
        g.dep_ in {"mark", "case"} and g.lower_ == prep.lower() and g.i < c.i for g in c.children)
        for c in near)  # (or the clause hung on an oblique: "enades på måndagen [om att ...]")


def _constraints_ok(tok: Token, entry) -> tuple[bool, int]:
    score = 0
    if getattr(entry, "particle", None):
        strength = _particle_strength(tok, entry.particle)
        if not strength:
            return False, 0
        score += strength + 1  # (a particle the parse gave the verb outranks a preposition that only follows it)
    if getattr(entry, "reflexive", False):
        if not _has_reflexive(tok):
            return False, 0
        score += 1
    if getattr(entry, "prep", None):
        if _obl_with_prep(tok, entry.prep) is None and not _clause_with_prep(tok, entry.prep):
            return False, 0
        score += 2
    return True, score


def _pick(tok: Token, entries) -> object | None:
    best, best_score = None, -1
    for e in entries:
        ok, score = _constraints_ok(tok, e)
        if ok and score > best_score:
            best, best_score = e, score
    return best


def find_triggers(sent: Span, lex, lang: str) -> list[Candidate]:
    """Every token of the sentence that matches a trigger entry (best entry per token)."""
    out: list[Candidate] = []
    for tok in sent:
        if tok.pos_ in {"VERB", "AUX"} and rules_of(lang) == "en" and _nominal_verb(tok):
            pos = "NOUN"  # "Israeli air [compound] strikes [VERB] killed ...", "government forces [VERB, nsubj]"
        elif tok.pos_ in {"VERB", "AUX"}:
            pos = "VERB"
        elif tok.pos_ in {"NOUN", "PROPN"} or (tok.pos_ == "ADJ" and (any(
                c.dep_ == "det" for c in tok.children) or tok.dep_ in {"nsubj", "obj", "obl", "nsubj:pass"})):
            pos = "NOUN"  # "en offensiv" mis-tagged as an adjective is still the noun
        elif tok.pos_ == "ADJ":
            pos = "VERB"  # participles and supines the tagger calls adjectives ("har erbjudit")
        elif tok.pos_ in {"ADV", "X"} and any(c.dep_ in {"aux", "aux:pass", "nsubj"} for c in tok.children):
            pos = "VERB"  # a supine the tagger calls an adverb: "Juntan har [aux] stängt av internet"
        elif tok.pos_ in {"ADV", "X"} and tok.dep_ in {"obj", "nsubj", "nsubj:pass", "obl", "nmod"}:
            pos = "NOUN"  # a noun the tagger calls an adverb: "lovade hämnd [ADV, obj]", "i en drönarattack [ADV]"
        else:
            continue
        entry, prefix = None, None
        lemmas = _lemmas(tok, lang)
        if tok.pos_ == "ADJ" and pos == "VERB" and not _verbal_dependents(tok):
            # an adjective-tagged participle: only when some lemma candidate is a different word (a verb stem)
            lemmas = [lem for lem in lemmas if lem != tok.lower_]
        for lem in lemmas:
            entry = _pick(tok, lex.lookup(lem, pos))
            if entry is not None:
                break
        if pos == "NOUN":
            # a multiword noun lemma: "martial law", "ethnic cleansing", "tear gas"
            for mod in (c for c in tok.lefts if c.dep_ in {"amod", "compound"} and c.i == tok.i - 1):
                for lem in lemmas:
                    multi = _pick(tok, lex.lookup(f"{mod.lower_} {lem}", "NOUN"))
                    if multi is not None:
                        entry = multi
                        break
            if rules_of(lang) == "en" and tok.i + 2 < sent.end and tok.doc[tok.i + 1].lower_ == "of":
                # "state of emergency": the lexicon's "X of Y" nouns
                for lem in lemmas:
                    multi = _pick(tok, lex.lookup(f"{lem} of {tok.doc[tok.i + 2].lower_}", "NOUN"))
                    if multi is not None:
                        entry = multi
                        break
        if entry is None and pos == "NOUN" and tok.pos_ == "NOUN" and not (rules_of(lang) == "en" and any(
                c.dep_ in {"amod", "compound", "det", "nmod:poss"} and c.i < tok.i for c in tok.children)) and (
                _verbal_dependents(tok) or any(_finite_form_of(tok.lower_, lem, lang) for lem in lemmas)):
            for lem in lemmas:  # a finite verb the tagger calls a noun ("parlamentet godkände ett avtal")
                entry = _pick(tok, [e for e in lex.lookup(lem, "VERB") if lem != tok.lower_ or lem.endswith("a")])
                if entry is not None:
                    break
        if entry is None and pos == "NOUN" and tok.pos_ == "NOUN":
            # an irregular verb form the lexicon lists ("besköt", "drog") is a verb whatever the tagger says
            entry = _pick(tok, [e for e in lex.lookup(tok.lower_, "VERB")
                                if tok.lower_ != e.lemma.lower() and tok.lower_ in getattr(e, "variants", ())
                                and _finite_irregular(tok.lower_, e.lemma.lower())])
        if entry is None and pos == "NOUN":
            for lem in _lemmas(tok, lang):
                for pre, e in lex.compound_heads(lem):
                    if _constraints_ok(tok, e)[0]:
                        entry, prefix = e, pre
                        break
                if entry is not None:
                    break
        if entry is None:
            continue
        cand = _candidate(tok, entry, prefix, lang)
        if _cannot_qualify(cand):
            # "tog emot flyktingar från Syrien": not the arms-receiving entry but another one of the same verb and
            # particle (not a plainer verb: "sköt upp omröstningen" is neither a missile launch nor a shooting)
            other = _pick(tok, [e for lem in lemmas for e in lex.lookup(lem, pos)
                                if e is not entry and not getattr(e, "requires_qualifier", False)
                                and getattr(e, "particle", None) == getattr(entry, "particle", None)])
            cand = _candidate(tok, other, None, lang) if other is not None else cand
        out.append(cand)
    return out


def _candidate(tok: Token, entry, prefix: str | None, lang: str) -> Candidate:
    toks = [tok]
    if getattr(entry, "particle", None):
        toks += [c for c in tok.children if c.lower_ == entry.particle.split()[0].lower()]
    cand = Candidate(tok, entry, entry.event, entry.mode, list(entry.context or []), entry.cameo, toks)
    _apply_qualifiers(cand, tok, prefix, lang)
    return cand


def _cannot_qualify(cand: Candidate) -> bool:
    """An entry that codes only with a qualifier, none of whose word qualifiers applies and none of which depends
    on the recipient (those are decided after resolution, `recipient_qualifiers`)."""
    quals = getattr(cand.entry, "qualifiers", None) or ()
    return (getattr(cand.entry, "requires_qualifier", False) and not _qualified(cand)
            and not any(q.recipient_kinds for q in quals))


def _nominal_verb(tok: Token) -> bool:
    """An English token tagged as a verb that the parse uses as a noun: a determiner, adjective, compound or
    possessor before it and no auxiliary or subject ("Israeli air strikes", "the attacks"), or a subject/object
    position with such modifiers ("government forces clashed")."""
    deps = {c.dep_ for c in tok.children}
    if deps & {"aux", "aux:pass", "nsubj", "nsubj:pass", "mark"}:
        return False
    nominal_mods = any(c.dep_ in {"amod", "compound", "det", "nmod:poss"} and c.i < tok.i and c.lower_ != "to"
                       for c in tok.children)
    return nominal_mods and (tok.dep_ in {"nsubj", "nsubj:pass", "obj", "obl", "compound", "ROOT", "root"})


def _finite_form_of(form: str, lemma: str, lang: str) -> bool:
    """Whether `form` is a regular finite form of the verb `lemma` (sv: anklaga -> anklagar, anklagade)."""
    if rules_of(lang) != "sv" or not lemma.endswith("a") or form == lemma:
        return False
    stem = lemma[:-1]
    return form in {lemma + "r", lemma + "de", stem + "er", stem + "de", stem + "te", lemma + "t"}


def _finite_irregular(form: str, lemma: str) -> bool:
    """A listed variant that is an inflected form of the lemma, not another verb ("besköt" of "beskjuta", not
    "sända" of "skicka"): it shares the lemma's first letters and does not end like an infinitive."""
    return form[:2] == lemma[:2] and not form.endswith("a")


def _verbal_dependents(tok: Token) -> bool:
    """A token the tagger calls an adjective but that heads a clause ("skulle Turkiet stödja ...")."""
    return tok.dep_ in {"ROOT", "root"} or any(
        c.dep_ in {"nsubj", "obj", "aux", "nsubj:pass", "iobj", "aux:pass"} for c in tok.children)


def _deployed(c: Candidate, lex, lang: str) -> bool:
    """Military aid sent to a front or border (the lexicon's `deployment`): "skickade 10 000 soldater till
    gränsen mot Belarus", "sent troops to the front in Donbas" deploy one's own forces."""
    dep = lex.deployment
    places = {w.lower() for w in dep.places} if dep is not None else set()
    if c.event != "AID" or "military" not in c.context or not places:
        return False
    for h in [c.token] + [o for o in c.token.children if o.dep_ == "obj"]:
        for x in h.children:
            if x.dep_ in {"obl", "nmod"} and x.i > c.token.i and _case_of(x) in {p.lower() for p in dep.preps}:
                lemmas = set(_lemmas(x, lang))
                before = x.doc[x.i - 1].lower_ if x.i > x.sent.start else ""
                if lemmas & places or {f"{before} {lem}" for lem in lemmas} & places:
                    return True
    return False


def _sends_forces(c: Candidate, lex, lang: str) -> bool:
    """Aid whose object is forces (the lexicon's `deployment.personnel`: "skickade 600 soldater", "sent a patrol
    to the site"): if it reaches no party, it is a deployment."""
    dep = lex.deployment
    if c.event != "AID" or dep is None or not dep.personnel or c.token.pos_ not in {"VERB", "AUX"}:
        return False
    objects = {w for o in c.token.children if o.dep_ in {"obj", "nsubj:pass"} for w in (*_lemmas(o, lang), o.lower_)}
    return matching_words(dep.personnel, objects, lang) is not None


def _negated_as(c: Candidate, lang: str) -> bool:
    """The entry's `negated_as` words qualify the trigger ("has not ruled out military strikes")."""
    q = getattr(c.entry, "negated_as", None)
    return q is not None and matching_words(q.words, qualifying_words(c.token, None, lang), lang) is not None


def _obligation_requests(sent: Span, lex, taken: set[int]) -> list[Candidate]:
    """'X said Y must Z' is a demand: a speech verb whose complement clause has an obligation modal
    (the lexicon's `modality.obligation` words) becomes a REQUEST, coded like the lexicon's first REQUEST verb."""
    obligation = {w.lower() for w in (lex.modality.get("obligation") or ())}
    speech = {w.lower() for w in lex.speech_verbs}
    if not obligation or not speech:
        return []
    entry = next((e for e in lex.triggers if e.event == "REQUEST" and e.pos == "VERB"), None)
    out: list[Candidate] = []
    if entry is None:
        return out
    seen: set[int] = set(taken)
    for v in sent:
        if not any(a.dep_ == "aux" and (a.lower_ in obligation or a.lemma_.lower() in obligation) for a in v.children):
            continue
        # the speech verb the obligation clause depends on (a mis-attached clause may hang on its object)
        cur = v
        for _ in range(3):
            if cur.dep_ not in {"ccomp", "acl", "advcl", "parataxis", "xcomp", "obj", "obl"} or cur.head == cur:
                break
            cur = cur.head
            if cur.pos_ in {"VERB", "AUX"} and (cur.lemma_ or cur.lower_).lower() in speech:
                if cur.i not in seen:
                    seen.add(cur.i)
                    cand = Candidate(cur, entry, "REQUEST", None, list(entry.context or []), entry.cameo, [cur])
                    cand.notes.append("obligation")
                    out.append(cand)
                break
    return out


def _inside_name(tok: Token, sa: SentenceActors) -> bool:
    """The token is part of a multiword proper name of the knowledge base ("Amnesty International")."""
    m = sa.mention_at(tok)
    return m is not None and m.kind in {"name", "metonym"} and m.end - m.start > 1


def propose(sent: Span, sa: SentenceActors, lex, lang: str) -> list[Candidate]:
    """The candidate events of a sentence, before any argument is found: its triggers (not inside an actor's
    name, not an English event noun modifying a plain noun), its obligation requests, deployments relabelled."""
    cands = [c for c in find_triggers(sent, lex, lang) if not _inside_name(c.token, sa)]
    if rules_of(lang) == "en":
        # an event noun used as a modifier of a plain noun describes it: "aid convoy", "warning shots", "war crimes"
        trig = {c.token.i for c in cands}
        cands = [c for c in cands if not (_is_noun(c) and c.token.dep_ == "compound" and c.token.head.i > c.token.i
                                          and c.token.head.i not in trig)]
    cands += _obligation_requests(sent, lex, {c.token.i for c in cands})
    for c in cands:
        if _deployed(c, lex, lang):  # "skickade trupper till fronten": a deployment, not aid to anyone
            c.event, c.mode, c.cameo = lex.deployment.event, lex.deployment.mode, lex.deployment.cameo
            c.notes.append("deployment")
        elif _sends_forces(c, lex, lang):
            c.unaddressed = (lex.deployment.event, lex.deployment.mode, lex.deployment.cameo)
        if _negated_as(c, lang):
            q = c.entry.negated_as
            c.if_negated = (q.event or c.event, q.mode, q.cameo or c.cameo)
    return cands
