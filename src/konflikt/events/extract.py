"""Find event triggers in a parsed sentence and fill their actor and recipient from the dependency parse.

Language-independent: the trigger words, light verbs, prepositions and modality words come from the
language's trigger lexicon (`konflikt/data/triggers/<lang>.yaml`); only UD relations are assumed.

Roles, in order of evidence:
* verbs: subject -> actor, object / indirect object / oblique with a recipient preposition -> recipient;
  passive: the agent ("av X", "by X") -> actor, the subject -> recipient; `converse` entries swap them;
  a relative pronoun ("som", "which") stands for the noun the clause modifies; conjoined verbs and
  control verbs share their subject;
* nouns: genitive owner, nationality adjective or "från/av X" -> actor; "mot/till X" -> recipient;
  a light verb ("inleda en offensiv", "få stöd") lends its subject as actor (or recipient);
  "tack vare X:s stöd" makes the clause subject the recipient;
* a trigger noun that is the object of a trigger verb ("erbjuda militärstöd") and a trigger verb in the
  complement of a verbal trigger ("lovade att skicka trupper") are absorbed into the outer event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from konflikt.actors.resolver import POSSESSIVE_REFLEXIVE, ResolvedActor, SentenceActors, _case_of
from konflikt.events.modality import Modality, analyse, clause_verb
from konflikt.language.registry import rules_of, words_for
from konflikt.nlp import dictionary as lemma_dict

VERBAL_TYPES = {"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "CONCEDE", "SUPPORT"}
# Verbal reactions whose object can be an event of its own ("fördömde attacken", "protesterade mot gripandet").
REACTION_TYPES = {"ACCUSE", "REJECT", "PROTEST", "REQUEST"}
MATERIAL_CONFLICT = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"}
COOP_TO_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# A promise or offer of these is a threat (PLOVER THREATEN): (mode, CAMEO code) of the threat.
PROMISED_FORCE = {"ASSAULT": ("violence", "138"), "COERCE": ("restrict", "137"), "SANCTION": ("relations", "1312")}
COOPERATIVE = COOP_TO_AGREE | {"AGREE"}
REL_PRONOUNS = {"som", "vilken", "vilket", "vilka", "who", "which", "that", "whom"}
REFLEXIVES = {"sig", "mig", "dig", "oss", "er", "itself", "themselves", "himself", "herself"}
SUBJ_DEPS = {"nsubj", "nsubj:pass", "csubj", "nsubj:outer"}
AGENT_PREPS = {"sv": {"av"}, "en": {"by"}}
# Prepositions of an event noun that tells how a verb's event happened ("dödades i ett flyganfall").
CIRCUMSTANCE_PREPS = {"sv": {"i", "vid", "under", "genom"}, "en": {"in", "during"}}
# English subordinators of a subjectless -ing clause, whose subject is the main clause's ("after accusing X").
GERUND_MARKS = {"after", "before", "while", "by", "since", "upon", "without", "when", "despite", "on", "in"}
DISTRIBUTIVES = {"each", "both"}
CONCESSIVE_PREPS = {"en": {"despite", "in spite of", "notwithstanding"}}


@dataclass
class Candidate:
    """A trigger with its lexicon entry and the arguments found for it."""

    token: Token
    entry: object
    event: str
    mode: str | None
    context: list[str]
    cameo: str | None
    tokens: list[Token]
    actors: list[ResolvedActor] = field(default_factory=list)
    recipients: list[ResolvedActor] = field(default_factory=list)
    absorbed_into: Candidate | None = None
    light_verb: Token | None = None
    light_role: str | None = None
    modality: Modality | None = None
    confidence: float = 0.9
    notes: list[str] = field(default_factory=list)
    dropped: str | None = None
    """Why the rules drop this candidate (set only in `extract(..., generous=True)`)."""


# ---- trigger detection ---------------------------------------------------------------------------------

def _lemmas(tok: Token, lang: str) -> list[str]:
    """Lemma candidates: the pipeline's lemma, simplemma's, the form, and verb stems of participles."""
    return list(_lemma_candidates(tok.lemma_, tok.lower_, lang))


@lru_cache(maxsize=100_000)
def _lemma_candidates(lemma: str, lower: str, lang: str) -> tuple[str, ...]:
    out: list[str] = []
    for cand in (lemma, lemma_dict.lemmatize(lower, lang), lower):
        c = (cand or "").lower()
        if c and c not in out:
            out.append(c)
    if rules_of(lang) == "sv":
        for c in list(out):
            # participles and s-forms the lemmatizers leave alone: godkänd -> godkänna, fördömd -> fördöma
            if c.endswith("nd"):
                out.append(c[:-1] + "na")
            elif c.endswith(("d", "t")) and len(c) > 4:
                out.append(c[:-1] + "a")
            if c.endswith("s") and len(c) > 4:
                out.append(c[:-1])
    return tuple(dict.fromkeys(out))


def _has_particle(tok: Token, particle: str) -> bool:
    words = particle.lower().split()
    for c in tok.children:
        if c.dep_ in {"compound:prt", "prt", "advmod", "obl", "obj", "advmod:prt"} and c.lower_ == words[0]:
            return True
    # fallback: the particle right after the verb or after its subject (V2 order)
    window = tok.doc[tok.i + 1: min(tok.i + 6, tok.sent.end)]
    return any(t.lower_ == words[0] for t in window)


def _reflexive(t: Token) -> bool:
    """A reflexive pronoun: listed, or marked Reflex=Yes by the tagger (any language: nb "seg")."""
    return t.lower_ in REFLEXIVES or (t.pos_ == "PRON" and "Yes" in t.morph.get("Reflex"))


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
        if not _has_particle(tok, entry.particle):
            return False, 0
        score += 3
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


def is_attributive(tok: Token) -> bool:
    """A participle modifying a noun ("den internationellt erkända regeringen"): passive, noun = recipient.

    Not a supine after a perfect auxiliary the parser missed ("Turkiet har erbjudit militärstöd")."""
    if not (tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.pos_ in {"NOUN", "PROPN"}):
        return False
    return not _after_perfect_aux(tok)


def _after_perfect_aux(tok: Token) -> bool:
    i = tok.i - 1
    while i >= tok.sent.start and tok.i - i <= 3:
        t = tok.doc[i]
        if (t.lemma_ or t.lower_).lower() in {"ha", "have"}:
            return True
        if t.pos_ not in {"ADV", "PART"}:
            return False
        i -= 1
    return False


def _apply_qualifiers(cand: Candidate, tok: Token, prefix: str | None, lang: str) -> None:
    quals = getattr(cand.entry, "qualifiers", None) or []
    if not quals:
        return
    words: set[str] = set()
    if prefix:
        words.add(prefix.lower().rstrip("s-"))
        words.add(prefix.lower())
    scope = [tok] + [c for c in tok.children if c.dep_ in {"obj", "nsubj:pass"}] + _second_subjects(tok)
    deps = {"amod", "nmod", "compound", "obj", "obl", "conj", "nsubj:pass", "xcomp"}
    if rules_of(lang) == "en":  # "vowed that Israel would face a reckoning": the content clause's verb and object
        deps.add("ccomp")
        scope += [c for c in tok.children if c.dep_ == "ccomp"]
        if tok.i - 2 >= tok.sent.start and tok.doc[tok.i - 1].text == "-":
            words.update(_lemmas(tok.doc[tok.i - 2], lang))  # a hyphenated prefix: "test-fired"
    for t in scope:
        for c in t.children if t is not tok else list(t.children):
            if c.dep_ == "obl" and _case_of(c) in words_for(CONCESSIVE_PREPS, lang, ()):
                continue  # "has not withdrawn its troops despite demands": the demands do not qualify withdrawing
            if c.dep_ in deps:
                words.update(_lemmas(c, lang))
                for cc in c.children:
                    if cc.dep_ in {"conj", "amod", "compound"}:
                        words.update(_lemmas(cc, lang))
        if t is not tok:
            words.update(_lemmas(t, lang))
    for q in quals:
        qwords = {w.lower() for w in q.words}
        heads = tuple(q for q in qwords if len(q) >= 5) if rules_of(lang) == "sv" else ()
        if qwords and (words & qwords or any(w.startswith(tuple(qwords)) for w in words if len(w) > 3)
                       or any(w.endswith(heads) for w in words if heads)):  # compound head: "lastfartyg"
            _qualify(cand, q, f"qualifier:{sorted(words & qwords) or 'prefix'}")
            return


def _qualify(cand: Candidate, q, note: str) -> None:
    cand.event = q.event or cand.event
    cand.mode = q.mode if q.mode is not None else (cand.mode if q.event is None else None)
    cand.context = list(q.context or cand.context)
    cand.cameo = q.cameo or cand.cameo
    cand.notes.append(note)


def _qualified(cand: Candidate) -> bool:
    return any(n.startswith("qualifier:") for n in cand.notes)


def _direct_object(verb: Token, r: ResolvedActor) -> bool:
    """Whether a recipient is the verb's object (or conjoined with it), not a prepositional phrase."""
    tok = verb.doc[r.head]
    while tok.dep_ in {"conj", "appos", "flat", "flat:name"} and tok.head != tok:
        tok = tok.head
    return tok.head.i == verb.i and (tok.dep_ in {"obj", "nsubj:pass"} or tok in _second_subjects(verb))


def _second_subjects(verb: Token) -> list[Token]:
    """Subjects after the verb when it already has one before it: a mis-parsed object ("Franska trupper
    lämnade [nsubj] Mali")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not any(c.i < verb.i for c in subjects):
        return []
    return [c for c in subjects if c.i > verb.i]


def recipient_qualifiers(cands: list[Candidate]) -> list[Candidate]:
    """Apply qualifiers keyed on the kind of a resolved recipient ("lämna Ecowas": an IGO -> SANCTION,
    "lämna Somalia": a country -> RETREAT) and drop candidates whose entry `requires_qualifier` but got none
    ("sänka räntan" is not "sänka ett fartyg")."""
    out = []
    for c in cands:
        quals = getattr(c.entry, "qualifiers", None) or ()
        if not _qualified(c):
            kinds = {r.entity.kind for r in c.recipients if r.entity is not None and _direct_object(c.token, r)}
            q = next((q for q in quals if set(q.recipient_kinds) & kinds), None)
            if q is not None:
                _qualify(c, q, f"qualifier:recipient-{sorted(set(q.recipient_kinds) & kinds)[0]}")
        if getattr(c.entry, "requires_qualifier", False) and not _qualified(c):
            continue
        out.append(c)
    return out


# ---- grammatical helpers --------------------------------------------------------------------------------

def is_passive(tok: Token) -> bool:
    deps = {c.dep_ for c in tok.children}
    if (tok.lemma_ or "").endswith("s") and not deps & {"aux:pass", "obl:agent"} and rules_of(tok.lang_) == "sv":
        return False  # deponent verbs are active: "förhandlarna möttes", "parterna enades", "de slåss"
    if deps & {"aux:pass", "obl:agent", "csubj:pass"}:
        return True
    if "obj" in deps and "VerbForm=Part" in str(tok.morph):
        return False  # a participle with a direct object and no passive auxiliary is active ("has not attacked X")
    if tok.dep_ == "acl" and tok.sent.root.pos_ in {"NOUN", "PROPN", "NUM"} and tok.head.i < tok.i:
        return False  # the only verb of a sentence the parser hung on its subject: "Thousands of X protested"
    if "nsubj:pass" in deps and "nsubj" not in deps:
        return True
    if "Voice=Pass" in str(tok.morph):
        # a participle with an active subject and no passive auxiliary is not passive ("Germany has not
        # sent ...", "Washington praised X", "Armenian forces pulled out")
        return not ("VerbForm=Part" in str(tok.morph) and "nsubj" in deps)
    return False


def _reported_relative_antecedent(verb: Token) -> Token | None:
    """The antecedent of a relative pronoun that is the subject of a clause reported inside the relative clause:
    "M23 rebels, who the UN says are backed by Rwanda", "Hezbollah, which [nsubj of armed] Israel says is armed
    by Iran" (not when the reported clause has a subject of its own: "who say they were attacked")."""
    rel = verb.head
    if verb.dep_ != "ccomp" or not rel.dep_.startswith("acl") or rel.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    if any(c.dep_ in SUBJ_DEPS and c.lower_ not in REL_PRONOUNS for c in verb.children):
        return None
    pronoun = any(c.lower_ in REL_PRONOUNS and c.i < verb.i for c in verb.children) or any(
        c.lower_ in REL_PRONOUNS and c.dep_ not in SUBJ_DEPS and c.i < verb.i for c in rel.children)
    return rel.head if pronoun else None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb, following conjunction, control and relative clauses."""
    if depth > 4:
        return None
    for c in verb.children:
        if c.dep_ in SUBJ_DEPS:
            if c.lower_ in REL_PRONOUNS and verb.dep_.startswith("acl"):
                if verb.head.pos_ in {"VERB", "AUX"}:
                    # the relative clause hung on the main verb: the noun right before the pronoun is its antecedent
                    i = c.i - 1
                    while i > verb.sent.start and verb.doc[i].is_punct:
                        i -= 1
                    if verb.doc[i].pos_ in {"NOUN", "PROPN"}:
                        return verb.doc[i]
                return verb.head
            return _reported_relative_antecedent(verb) or c
    for c in verb.children:  # the subject hung on the auxiliary: "Lourenço [nsubj<-] har bjudit in"
        if c.dep_ in {"aux", "aux:pass", "cop"}:
            for g in c.children:
                if g.dep_ in SUBJ_DEPS:
                    return g
    if (ante := _reported_relative_antecedent(verb)) is not None:
        return ante
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return subject_of(verb.head, depth + 1)
    if (verb.head.lemma_ or "").lower() in {"ha", "have"} and verb.head.i < verb.i and (
            "VerbForm=Sup" in str(verb.morph) or "VerbForm=Part" in str(verb.morph)):
        return subject_of(verb.head, depth + 1)  # the perfect auxiliary parsed as the main verb
    if verb.dep_ == "xcomp":
        return subject_of(verb.head, depth + 1)
    if verb.dep_ == "ccomp" and "VerbForm=Inf" in str(verb.morph) and any(
            c.dep_ == "mark" and c.lower_ in {"att", "to"} for c in verb.children):
        return subject_of(verb.head, depth + 1)  # "Egypten är berett att skicka": an infinitive has no subject
    if verb.dep_ == "advcl" and any(c.lower_ in {"att", "to"} and c.dep_ == "mark" for c in verb.children):
        up = verb.head  # "efter att ha kritiserat Moskva": the main clause's subject, through mis-attachments
        for _ in range(3):
            if up.pos_ in {"VERB", "AUX"} or up.head == up:
                break
            up = up.head
        return subject_of(up, depth + 1) if up is not verb else None
    if (verb.dep_ == "advcl" and verb.i > verb.head.i and verb.head.pos_ in {"VERB", "AUX"}
            and _present_participle(verb) and not any(c.dep_ in {"mark"} | SUBJ_DEPS for c in verb.children)):
        return subject_of(verb.head, depth + 1)  # "opened fire on protesters, killing two": the main subject
    marks = GERUND_MARKS if verb.dep_ == "advcl" else GERUND_MARKS - {"by", "on", "in"}  # "involvement in killing"
    if (verb.dep_ in {"advcl", "acl"} and _present_participle(verb)
            and any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)
            and not any(c.dep_ in SUBJ_DEPS | {"amod", "det", "nmod:poss"} or (c.dep_ in {"obl", "nmod"} and _case_of(
                c) in AGENT_PREPS["en"]) for c in verb.children)):  # not a nominal one: "after heavy shelling by X"
        # "imposed sanctions after accusing Tehran of ...": the main subject (also when the parser hung the clause
        # on the object: "expelled two diplomats [after accusing ...]")
        up = verb.head
        while up.pos_ not in {"VERB", "AUX"} and up.head != up:
            up = up.head
        return subject_of(up, depth + 1) if up.pos_ in {"VERB", "AUX"} else None
    if ((verb.dep_ == "conj" or (verb.dep_ == "advcl" and "VerbForm=Fin" in str(verb.morph))
         or (verb.dep_ == "parataxis" and verb.i > verb.head.i))
            and verb.head.dep_ in {"ROOT", "root"} and verb.head.pos_ in {"NOUN", "PROPN", "ADJ"}):
        return verb.head  # the parser made the subject the root: "Malis militärjunta, ..., får stöd", "Ursula von
        # der Leyen [root], who arrived in Kyiv, announced [parataxis] ..."
    if (verb.dep_ == "advcl" and verb.head.pos_ in {"VERB", "AUX"} and verb.head.dep_.startswith("acl")
            and "VerbForm=Fin" in str(verb.morph) and not any(c.dep_ in {"mark", "obl"} for c in verb.children
                                                             if c.i < verb.i)):
        # a main verb the parser hung on a relative clause: "Rwanda, som ... har soldater i Kongo, förnekar"
        return subject_of(verb.head, depth + 1)
    if verb.dep_ == "conj" and verb.head.pos_ not in {"VERB", "AUX"}:
        # a verb conjoined to the last noun of the clause before ("anklagade Israel för explosionerna ... och
        # lovade", "har infört sanktioner mot ... Iran Air och anklagar"): the subject of the verb above
        up = verb.head
        for _ in range(4):
            if up.pos_ in {"VERB", "AUX"} or up.head == up:
                break
            up = up.head
        if up.pos_ in {"VERB", "AUX"} and up.i < verb.i:
            return subject_of(up, depth + 1)
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    return None


def _present_participle(tok: Token) -> bool:
    forms = tok.morph.get("VerbForm")
    return "Ger" in forms or ("Part" in forms and "Pres" in tok.morph.get("Tense"))


def agent_of(verb: Token, lang: str) -> Token | None:
    preps = words_for(AGENT_PREPS, lang, set())
    for c in verb.children:
        if c.dep_ == "obl:agent" or (c.dep_ in {"obl", "nmod"} and _case_of(c) in preps):
            return c
    # the agent hung on a temporal oblique of the verb: "fördömdes på fredagen [obl] av G7-länderna [nmod]"
    for c in verb.children:
        if c.dep_ in {"obl", "obl:tmod"} and c.i > verb.i and _is_temporal(c, lang):
            for g in c.children:
                if g.dep_ in {"nmod", "obl"} and _case_of(g) in preps and g.i > c.i:
                    return g
    return None


def _is_temporal(tok: Token, lang: str) -> bool:
    """The token lies in a date expression of the language's date patterns ("Friday", "on Tuesday")."""
    sent = tok.sent
    spans = _date_spans(sent.text, lang)
    rel = tok.idx - sent.start_char
    return any(lo <= rel < hi for lo, hi in spans)


@lru_cache(maxsize=256)
def _date_spans(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    from konflikt.dates.find import find_expressions
    from konflikt.dates.lexicon import load_date_lexicon

    try:
        lex = load_date_lexicon(lang)
    except (FileNotFoundError, ValueError):
        return ()
    return tuple((e.start, e.end) for e in find_expressions(text, lex))


def _resolve(sa: SentenceActors, tok: Token | None, **kw) -> list[ResolvedActor]:
    if tok is None:
        return []
    return sa.resolve(tok, **kw)


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


# ---- argument filling -----------------------------------------------------------------------------------

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


def _place_not_target(prep: str | None, c: Candidate, lang: str) -> bool:
    """English 'at X' of a cooperative event is where it happened, not its target: "signed the treaty at the White
    House", "agreed at talks in Luanda" (but "fired at X", "protested at X"). `prep`: the phrase's preposition."""
    return rules_of(lang) == "en" and c.event in COOPERATIVE and prep == "at"


def _summary_apposition(noun: Token) -> bool:
    """A noun phrase after a comma that sums up the clause before it: "..., a request backed by Poland",
    "..., a move condemned by Beijing" (an indefinite common noun right after the comma, after the main verb)."""
    sent = noun.sent
    start = min([noun.i] + [t.left_edge.i for t in noun.lefts if t.dep_ != "punct"])
    return (noun.pos_ == "NOUN" and start - 1 >= sent.start and noun.doc[start - 1].text == ","
            and noun.i > sent.root.i and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in noun.children))


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


BOUNDARY_PUNCT = {",", ";", ":", "”", "“", '"', "«", "»", "(", ")", "–", "—", "-"}


def clause_chunks(sent: Span) -> dict[int, int]:
    """A chunk number per token: clauses split at punctuation, subordinators and relative pronouns.

    A comma-delimited stretch without a finite verb ("X, baserad i Tobruk, kämpar ...") is a
    parenthetical: it and the stretch after it belong to the chunk before it.
    """
    cid, out, starts = 0, {}, {}
    for t in sent:
        if (t.text in BOUNDARY_PUNCT or t.pos_ == "SCONJ" or t.lower_ in {"att", "that"}
                or (t.pos_ == "PRON" and t.lower_ in REL_PRONOUNS)):
            cid += 1
            starts[cid] = t
        out[t.i] = cid
    remap: dict[int, int] = {}
    for k in range(1, cid):
        if starts.get(k) is None or starts[k].text != "," or starts.get(k + 1) is None or starts[k + 1].text != ",":
            continue
        members = [t for t in sent if out[t.i] == k]
        if any("VerbForm=Fin" in str(t.morph) for t in members):
            continue
        target = remap.get(k - 1, k - 1)
        remap[k] = remap[k + 1] = target
    return {i: remap.get(c, c) for i, c in out.items()}


def _prep_before(sent: Span, start: int) -> str | None:
    """The preposition introducing a unit: skip determiners, adjectives and numerals leftwards."""
    i = start - 1
    while i >= sent.start and sent.doc[i].pos_ in {"DET", "ADJ", "NUM", "ADV"} and start - i < 5:
        i -= 1
    if i >= sent.start and sent.doc[i].pos_ == "ADP":
        return sent.doc[i].lower_
    return None


def _linear_fallback(c: Candidate, sa: SentenceActors, lex, lang: str, chunks: dict[int, int]) -> None:
    """When the parse gave no actor or recipient, take the nearest actor mentions in the clause."""
    tok, sent = c.token, c.token.sent
    chunk = chunks.get(tok.i)
    units = [u for u in sa.units() if chunks.get(u[0]) == chunk or chunks.get(u[1] - 1) == chunk]
    used = {a.key for a in c.actors} | {r.key for r in c.recipients}
    rec_preps = {p.lower() for p in lex.recipient_preps}
    act_preps = {p.lower() for p in lex.actor_preps} | words_for(AGENT_PREPS, lang, set())
    trig_lo = min(t.i for t in c.tokens)
    trig_hi = max(t.i for t in c.tokens)
    is_noun = _is_noun(c)
    passive = not is_noun and (is_passive(tok) or is_attributive(tok))
    # "a plot to kill X", "a plan to attack Y": the noun's owner is the actor or nobody (not the nearest name)
    noun_infinitive = rules_of(lang) == "en" and not is_noun and tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and any(
        ch.dep_ == "mark" and ch.lower_ == "to" for ch in tok.children)
    if not c.actors and not noun_infinitive:
        pick = None
        if is_noun:
            # a genitive right before the noun ("ryssarnas militära stöd") or "från X" after it
            for _lo, hi, ra, weak in reversed([u for u in units if u[1] <= trig_lo]):
                last = sent.doc[hi - 1]
                english = rules_of(lang) == "en"
                genitive = (hi < sent.end and sent.doc[hi].lower_ in {"'s", "’s", "'", "’"}) if english else (
                    last.lower_.endswith("s"))  # English: "Hamas condemned the shooting" has no genitive
                if not weak and trig_lo - hi <= 3 and (genitive or "Case=Gen" in str(last.morph)):
                    pick = ra
                break
            if pick is None:
                for lo, _hi, ra, weak in units:
                    between = sent.doc[trig_hi + 1: lo]
                    if (lo > trig_hi and not weak and _prep_before(sent, lo) in act_preps
                            and not any(t.pos_ in {"NOUN", "PROPN", "VERB"} for t in between)):
                        pick = ra
                        break
        elif passive:  # the agent, also as a nationality adjective: "besköts av ryskt artilleri"
            for lo, _hi, ra, _weak in units:
                if lo > trig_hi and _prep_before(sent, lo) in words_for(AGENT_PREPS, lang, set()):
                    pick = ra
                    break
        else:
            left = [u for u in units if u[1] <= trig_lo and not u[3] and _prep_before(sent, u[0]) is None]
            if left:
                pick = left[-1][2]
            else:  # verb-second inversion: "Förra veckan gick trupper från X ombord ..."
                for lo, _hi, ra, weak in units:
                    if lo > trig_hi and not weak and _prep_before(sent, lo) is None:
                        pick = ra
                        break
        if pick is not None and pick.key not in used:
            pick.confidence *= 0.7
            c.actors = [pick]
            used.add(pick.key)
            c.notes.append("actor:linear")
    if not c.recipients:
        for lo, _hi, ra, _weak in units:
            if lo <= trig_hi or ra.key in used:
                continue
            prep = _prep_before(sent, lo)
            if (is_noun and prep not in rec_preps) or (not is_noun and prep is not None and prep not in rec_preps):
                continue
            if (prep is not None and _comitative(sent.doc[ra.head])) or _place_not_target(prep, c, lang):
                continue
            if passive and prep in act_preps:
                continue
            ra.confidence *= 0.7
            c.recipients = [ra]
            c.notes.append("recipient:linear")
            break
    opener = next((t for t in sent if chunks.get(t.i) == (chunk or 0) + 1), None)
    if (not c.recipients and not is_noun and c.event in VERBAL_TYPES and chunk is not None and opener is not None
            and opener.pos_ == "SCONJ" and opener.i <= trig_hi + 3 and not any(
                ch.dep_ == "obj" for ch in tok.children)):
        # the content clause right after a verbal trigger: "demanded that the US ...": its first actor
        first = next((t for t in sent if chunks.get(t.i) == chunk + 1 and t.pos_ in {"NOUN", "PROPN", "PRON"}), None)
        first_ras = _resolve(sa, first) if first is not None and c.event == "REJECT" else []
        if first_ras and all(ra.key in used for ra in first_ras):
            return  # "förnekar att landet [the actor] stöder M23": a denial of its own act
        for lo, _hi, ra, weak in sa.units():
            if chunks.get(lo) == chunk + 1 and not weak and _prep_before(sent, lo) is None:
                if ra.key in used:
                    if c.event == "REJECT":
                        break  # "förnekar att landet [the actor itself] stöder M23": its own act, no recipient
                    continue
                ra.confidence *= 0.6
                c.recipients = [ra]
                c.notes.append("recipient:content-clause")
                break


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


def _subtree_fallback(c: Candidate, sa: SentenceActors) -> list[ResolvedActor]:
    """One actor left in a subordinate clause of the trigger ("lovade ... om regeringen bad") -> recipient."""
    used = {a.key for a in c.actors}
    found: dict[str, ResolvedActor] = {}
    if c.event in VERBAL_TYPES:
        # the subject of a complement clause: "demanded that the US cancel ...", "warned that X would ..."
        for ch in c.token.children:
            if ch.dep_ == "ccomp":
                subj = next((t for t in ch.children if t.dep_ in {"nsubj", "nsubj:pass"}), None)
                subj_ras = _resolve(sa, subj)
                if c.event == "REJECT" and subj_ras and all(ra.key in used for ra in subj_ras):
                    return []  # "förnekar att landet [the actor] stöder M23": a denial of its own act
                # a pronoun only with its antecedent in this sentence ("vowed that it [Israel] would face ...")
                ras = [ra for ra in subj_ras if ra.key not in used and ra.actor.resolution != "sector"
                       and (ra.actor.resolution != "coref-pronoun" or ra.antecedent is not None)]
                if ras:
                    for ra in ras:
                        ra.confidence *= 0.8
                    return ras
    for ch in c.token.children:
        if ch.dep_ not in {"advcl", "ccomp", "xcomp"}:
            continue
        for t in ch.subtree:
            if t.dep_ in {"nsubj", "obj", "iobj", "nsubj:pass"} and (t.head.pos_ in {"VERB", "AUX"} or t.head is ch):
                for ra in sa.resolve(t, with_conj=True):
                    if ra.key not in used and ra.actor.resolution not in {"coref-pronoun", "sector"}:
                        found[ra.key] = ra
    if len(found) == 1:
        ra = next(iter(found.values()))
        ra.confidence *= 0.6
        return [ra]
    return []


def extract(sent: Span, sa: SentenceActors, lex, lang: str, generous: bool = False) -> list[Candidate]:
    """All events of a sentence as candidates with arguments and modality (absorbed ones removed). With
    `generous`, the candidates the rules drop (absorbed into another, sports, background participles,
    unqualified) follow the kept ones, each with `dropped` saying why."""
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
    by_tok = {c.token.i: c for c in cands}
    nouns = {i: c for i, c in by_tok.items() if _is_noun(c)}
    verbs = {i: c for i, c in by_tok.items() if i not in nouns}
    # absorption: object nouns of trigger verbs; complement verbs of verbal triggers
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
    for c in cands:
        if _is_noun(c):
            _noun_arguments(c, sa, lex, lang)
            c.modality = analyse(c.token, lex, verb=c.light_verb or clause_verb(c.token.head))
            if c.light_verb is None:
                c.modality.negated = c.modality.negated and _noun_negated(c.token, lex)
                if not c.modality.negated and "negation" in c.modality.labels:
                    c.modality.labels.remove("negation")
        else:
            _verb_arguments(c, sa, lex, lang, nouns)
            c.modality = analyse(c.token, lex)
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
    for c in cands:
        if c.absorbed_into is None and not c.recipients:
            c.recipients = _clause_antecedent(c, cands)
    chunks = clause_chunks(sent)
    for c in cands:
        if c.absorbed_into is not None:
            continue
        head = by_tok.get(c.token.head.i)
        if (not c.actors and rules_of(lang) == "en" and c.token.dep_ == "conj" and not _is_noun(c) and head is not None
                and head is not c and not _is_noun(head) and head.actors):
            c.actors = list(head.actors)  # "X blamed Israel ... and vowed ...": the conjoined trigger's subject
            c.notes.append("actor:conjoined-trigger")
        if not c.recipients and c.token.pos_ in {"VERB", "AUX"} and "addressee-unknown" not in c.notes:
            c.recipients = _subtree_fallback(c, sa)
            if c.recipients:
                c.notes.append("recipient:subclause")
        if (not c.actors or not c.recipients) and "attributive-participle" not in c.notes:
            had = list(c.recipients)
            _linear_fallback(c, sa, lex, lang, chunks)
            if "addressee-unknown" in c.notes:
                c.recipients = had
    # an English participle modifier ("the detained Americans", "Iran-backed militias") is background unless it
    # names both who does it and to whom
    sports = {c.token.i for c in cands if _sports_subject(c.token)}
    out = recipient_qualifiers([c for c in cands if c.absorbed_into is None and c.token.i not in sports and not (
        "attributive-participle" in c.notes and not (c.actors and c.recipients))])
    for c in out:
        if c.event in {"COOPERATE", "SUPPORT", "AID"}:  # "gemensamma insatser mot gängen": the target is no partner
            c.recipients = [r for r in c.recipients if _case_of(sent.doc[r.head]) not in {"mot", "against"}]
    for c in out:
        if c.actors and not (c.modality and c.modality.negated):
            sa.state.remember_event(c.event, [a for a in c.actors if a.actor.resolution != "coref-event"])
    if generous:
        kept = {id(c) for c in out}
        for c in cands:
            if id(c) not in kept:
                c.dropped = ("absorbed" if c.absorbed_into is not None else "sports" if c.token.i in sports
                             else "background-participle" if "attributive-participle" in c.notes else "unqualified")
                out.append(c)
    return out


CLAUSE_PRONOUNS = {"vilket", "något", "which", "something"}
# Subjects that make a clause sports news ("Det svenska herrlandslaget möter Portugal"): no political event.
SPORTS_TEAMS = ("landslag", "landslaget", "landslagets")
SPORTS_WORDS = {"laget", "lagets", "klubben", "team", "squad"}


def _sports_subject(tok: Token) -> bool:
    subj = subject_of(tok) if tok.pos_ in {"VERB", "AUX", "ADJ", "NOUN"} else None
    if subj is None or subj.i > tok.i:
        # the parse lost the subject ("Det svenska herrlandslaget [ROOT] i fotboll möter [nmod] Portugal"): the
        # clause's first noun before the trigger
        subj = next((t for t in tok.sent if t.i < tok.i and t.pos_ == "NOUN"), None)
    return subj is not None and subj.pos_ == "NOUN" and (subj.lower_.endswith(SPORTS_TEAMS)
                                                         or subj.lower_ in SPORTS_WORDS)
VISIT_PREPS = {"i", "till", "in", "to"}
# Prepositions of time: "samarbete sedan Putins besök" is no content of the cooperation.
TEMPORAL_PREPS = {"sedan", "efter", "före", "inför", "innan", "under", "since", "after", "before", "during"}


def _clause_antecedent(c: Candidate, cands: list[Candidate]) -> list[ResolvedActor]:
    """'X skickade vapen till Y, något som Z kallar ett hot' / ', vilket fördömdes av Z': a reaction to the whole
    clause before is directed at the actors of that clause's event."""
    tok = c.token
    pron = next((ch for ch in tok.children if ch.dep_ in {"obj", "nsubj", "nsubj:pass"}
                 and ch.lower_ in CLAUSE_PRONOUNS), None)
    if pron is None and tok.dep_.startswith("acl") and tok.head.lower_ in CLAUSE_PRONOUNS:
        pron = tok.head
    if pron is None:
        return []
    before = [p for p in cands if p.token.i < pron.i and p is not c and p.actors]
    if not before:
        return []
    prev = max(before, key=lambda p: (p.absorbed_into is None, p.token.i))
    prev = prev.absorbed_into or prev
    own = {a.key for a in c.actors}
    out = []
    for ra in prev.actors:
        if ra.key not in own:
            out.append(ResolvedActor(ra.actor.model_copy(update={"resolution": "coref-clause"}), ra.entity, ra.head,
                                     0.6 * ra.confidence))
    if out:
        c.notes.append("recipient:clause-antecedent")
    return out


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


def _bare_case(tok: Token, lang: str) -> bool:
    """An oblique without a preposition, or whose 'preposition' ends a time expression ("anklagade dagen innan
    [case] Israel")."""
    cases = [c for c in tok.children if c.dep_ == "case" and c.i < tok.i]
    return not cases or all(_is_temporal(c, lang) or _ends_time_noun(c) for c in cases)


TIME_NOUNS = {"dag", "dagen", "veckan", "kvällen", "natten", "morgonen", "året", "månaden", "day", "week", "night"}


def _ends_time_noun(case: Token) -> bool:
    """'dagen innan [case] Israel': the adverb closing a time phrase, which the parser took for a preposition."""
    prev = case.doc[case.i - 1] if case.i > case.sent.start else None
    return case.lower_ in {"innan", "efter", "före", "before", "after", "earlier"} and prev is not None and (
        prev.lower_ in TIME_NOUNS)


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


def _is_noun(c: Candidate) -> bool:
    """Whether a candidate is a nominal event (by its lexicon entry, not the possibly wrong tag)."""
    pos = getattr(c.entry, "pos", None)
    return pos == "NOUN" if pos else c.token.pos_ in {"NOUN", "PROPN"}


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


def _adjacent_case(tok: Token) -> bool:
    """The noun's preposition directly introduces it (only determiners/adjectives/numerals between)."""
    cases = [c for c in tok.children if c.dep_ == "case" and c.i < tok.i]
    if not cases:
        return False
    between = tok.doc[cases[0].i + 1: tok.i]
    return all(t.pos_ in {"DET", "ADJ", "NUM"} or t.dep_ == "fixed" for t in between)


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


def _inside_name(tok: Token, sa: SentenceActors) -> bool:
    """The token is part of a multiword proper name of the knowledge base ("Amnesty International")."""
    m = sa.mention_at(tok)
    return m is not None and m.kind in {"name", "metonym"} and m.end - m.start > 1


def _noun_negated(tok: Token, lex) -> bool:
    negators = {w.lower() for w in lex.negators}
    return any(c.dep_ == "det" and c.lower_ in negators for c in tok.children)
