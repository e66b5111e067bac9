"""Negation, modality (future, hypothetical/conditional, intent, historical) and reported speech of a trigger.

Everything is read off the dependency parse around the trigger, with the language's word lists from
the trigger lexicon (`negators`, `modality`, `speech_verbs`), so a new language needs no code here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj", "root", "ROOT", "conj"}
COMPLEMENT_DEPS = {"ccomp", "xcomp", "csubj"}


@dataclass
class Modality:
    """The modality of one trigger's clause."""

    negated: bool = False
    labels: list[str] = field(default_factory=list)
    speaker: Token | None = None

    def add(self, label: str) -> None:
        if label not in self.labels:
            self.labels.append(label)


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def _words(lex, key: str) -> set[str]:
    return {w.lower() for w in (lex.modality.get(key) or [])}


def clause_verb(tok: Token) -> Token:
    """The verb heading the clause a token belongs to (the token itself for verbs)."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in {"VERB", "AUX"} or cur.dep_ in {"ROOT", "root"} or cur.head == cur:
            return cur
        cur = cur.head
    return cur


def _is_negated(tok: Token, negators: set[str]) -> bool:
    for c in tok.children:
        if c.dep_ in {"advmod", "neg", "det", "advmod:neg"} and (c.lower_ in negators or _lemma(c) in negators):
            return True
        if c.dep_ == "advmod" and "Polarity=Neg" in str(c.morph):
            return True
    return False


def _object_negated(tok: Token, negators: set[str]) -> bool:
    """A verb whose object is negated by its determiner: "skickade inga trupper", "received no weapons",
    "Inga vapen levererades" (the passive subject)."""
    return tok.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"obj", "nsubj:pass"} and any(d.dep_ == "det" and (d.lower_ in negators or _lemma(d) in negators)
                                                for d in c.children)
        for c in tok.children)


def analyse(trigger: Token, lex, *, verb: Token | None = None) -> Modality:
    """Negation, modality labels and quoted speaker for a trigger (and its governing verb for nouns)."""
    negators = {w.lower() for w in lex.negators}
    future = _words(lex, "future")
    hypo = _words(lex, "hypothetical")
    cond = _words(lex, "conditional")
    intent = _words(lex, "intent")
    purpose = _words(lex, "purpose")
    speech = {w.lower() for w in lex.speech_verbs}
    out = Modality()
    heads = [trigger] + ([verb] if verb is not None and verb is not trigger else [])
    if any(_is_negated(h, negators) for h in heads) or _object_negated(trigger, negators):
        out.negated = True
        out.add("negation")
    for h in heads:
        for c in h.children:
            if c.dep_ in {"aux", "aux:pass"}:
                lem, low = _lemma(c), c.lower_
                if (lem in future or low in future) and _future_aux(c, h):
                    out.add("future")
                if lem in hypo or low in hypo:
                    out.add("hypothetical")
                if _is_pluperfect(c, h):
                    out.add("historical")
            elif (c.dep_ == "advmod" and (_lemma(c) in hypo or c.lower_ in hypo)) or (
                    c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cond for m in c.children)):
                out.add("hypothetical")
    # walk up the clause chain: "lovade att anfalla", "kommer att anfalla", "om X anfaller", "säger att ..."
    cur = clause_verb(heads[-1])
    for _ in range(6):
        if cur.dep_ in {"ROOT", "root"} or cur.head == cur:
            break
        dep, head = cur.dep_, cur.head
        if dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in cond for m in cur.children):
            out.add("hypothetical")
        if dep in COMPLEMENT_DEPS or dep == "xcomp":
            hl = _lemma(head)
            if hl in future:
                out.add("future")
            elif hl in intent:
                out.add("intent")
            elif hl in hypo:
                out.add("hypothetical")
            if (hl in negators or _is_negated(head, negators)) and dep == "xcomp" and not out.negated:
                out.negated = True
                out.add("negation")
        elif dep == "advcl" and _lemma(head) in intent and head.pos_ == "ADJ" and any(
                m.dep_ == "mark" and m.lower_ in {"att", "to"} for m in cur.children):
            out.add("intent")  # "är redo att underteckna", "is ready to sign": the adjective's infinitive
        if (dep == "advcl" and not out.negated and _is_negated(head, negators)
                and any(m.dep_ in {"mark", "case"} and m.lower_ in purpose for m in cur.children)):
            out.negated = True  # "skickade aldrig trupper för att strida": the purpose is negated with its act
            out.add("negation")
        if (dep in {"ccomp", "parataxis"} or dep.startswith("ccomp")) and _lemma(head) in speech:
            out.add("reported")
            out.speaker = _subject(head)
        if dep == "parataxis" and _lemma(head) in speech:
            pass
        cur = head
    # "..., säger X" attaches the speech verb as parataxis to the reported clause
    for c in clause_verb(heads[-1]).children:
        if c.dep_ == "parataxis" and _lemma(c) in speech and out.speaker is None:
            out.add("reported")
            out.speaker = _subject(c)
    if "reported" not in out.labels:
        _trailing_speech(trigger, speech, out)
    return out


def _trailing_speech(trigger: Token, speech: set[str], out: Modality) -> None:
    """'..., säger X.' / '..., said X.' when the parse did not attach the speech verb to the clause."""
    sent = trigger.sent
    for t in sent:
        if t.i <= trigger.i or t.i == sent.start:
            continue
        prev = t.doc[t.i - 1]
        if prev.text not in {",", "”", '"', "»", "’"} or not ({_lemma(t), t.lower_} & speech):
            continue
        if any(ch.dep_ in {"obj", "ccomp", "xcomp"} for ch in t.children):
            continue  # "..., announced 160 million euros in aid": a clause of its own, no attribution
        out.add("reported")
        out.speaker = _subject(t) or next(
            (x for x in t.doc[t.i + 1: min(t.i + 4, sent.end)] if x.pos_ in {"NOUN", "PROPN"}), None)
        return


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubj:pass"}:
            return c
    return None


def _future_aux(aux: Token, main: Token) -> bool:
    """'kommer att anfalla', 'ska anfalla', 'will attack' - not 'kommer dagen då ... godkände' (a past verb)."""
    if "Tense=Past" in str(main.morph) or "VerbForm=Sup" in str(main.morph):
        return False
    if _lemma(aux) in {"komma"}:  # Swedish "komma" is future only with "att" + infinitive
        between = main.doc[min(aux.i, main.i) + 1: max(aux.i, main.i)]
        return any(t.lower_ == "att" for t in between) and "VerbForm=Fin" not in str(main.morph)
    return True


def _is_pluperfect(aux: Token, main: Token) -> bool:
    """'hade lanserat' / 'had launched': a past-tense perfect auxiliary with a supine or participle."""
    if _lemma(aux) not in {"ha", "have"}:
        return False
    past = "Tense=Past" in str(aux.morph) or aux.tag_ in {"VBD"}
    sup = any(f in str(main.morph) for f in ("VerbForm=Sup", "VerbForm=Part"))
    return past and sup
