"""The clause around a verb: its subject (through control, coordination, relative clauses, reported
relative clauses), its passive agent ("av X", "by X"), passive and attributive forms, temporal words."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from konflikt.actors.np import _case_of
from konflikt.actors.resolved import ResolvedActor
from konflikt.actors.resolver import SentenceActors
from konflikt.language.registry import rules_of, words_for

REL_PRONOUNS = {"som", "vilken", "vilket", "vilka", "who", "which", "that", "whom"}
REFLEXIVES = {"sig", "mig", "dig", "oss", "er", "itself", "themselves", "himself", "herself"}
SUBJ_DEPS = {"nsubj", "nsubj:pass", "csubj", "nsubj:outer"}
AGENT_PREPS = {"sv": {"av"}, "en": {"by"}}
# English subordinators of a subjectless -ing clause, whose subject is the main clause's ("after accusing X").
GERUND_MARKS = {"after", "before", "while", "by", "since", "upon", "without", "when", "despite", "on", "in"}


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

def _reflexive(t: Token) -> bool:
    """A reflexive pronoun: listed, or marked Reflex=Yes by the tagger (any language: nb "seg")."""
    return t.lower_ in REFLEXIVES or (t.pos_ == "PRON" and "Yes" in t.morph.get("Reflex"))
