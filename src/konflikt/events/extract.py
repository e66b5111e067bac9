"""Code the events of one parsed sentence: the stages of the rules, in order.

1. candidate proposal (`triggers.propose`): trigger words of the language's lexicon
   (`konflikt/data/triggers/<lang>.yaml`) -> `Candidate`s;
2. absorption (`absorb.mark_absorbed`): a trigger noun that is the object of a trigger verb
   ("erbjuda militärstöd") or a trigger verb in the complement of a verbal trigger ("lovade att skicka
   trupper") becomes part of the outer event;
3. argument finding: actor and recipient from the dependency parse (`verb_args`, `noun_args`, with the
   clause syntax of `clause` and `roles`), modality (`modality`), then what the absorbed candidates know
   (`absorb.merge_absorbed`) and the fallbacks when the parse gives nothing (`fallback`);
4. choosing (`choose.choose`): which candidates become events.

Language-independent: only UD relations are assumed; the words come from the lexicon.
"""

from __future__ import annotations

from spacy.tokens import Span

from konflikt.actors.resolver import SentenceActors
from konflikt.events.absorb import mark_absorbed, merge_absorbed
from konflikt.events.candidate import COOP_TO_AGREE, Candidate, _is_noun
from konflikt.events.choose import choose
from konflikt.events.clause import _is_temporal, is_passive, subject_of
from konflikt.events.fallback import fill_by_fallbacks
from konflikt.events.modality import analyse, clause_verb
from konflikt.events.noun_args import _noun_arguments, _noun_negated
from konflikt.events.roles import between_parties
from konflikt.events.triggers import _obligation_requests, find_triggers, propose
from konflikt.events.verb_args import _verb_arguments, anaphoric_act_recipients, condemned_event_recipients

# what other modules and helpers import from here, the module that was once the whole of the rules
__all__ = ["COOP_TO_AGREE", "Candidate", "_is_temporal", "_obligation_requests", "extract", "find_triggers",
           "is_passive", "subject_of"]


def extract(sent: Span, sa: SentenceActors, lex, lang: str, generous: bool = False) -> list[Candidate]:
    """All events of a sentence as candidates with arguments and modality (absorbed ones removed). With
    `generous`, the candidates the rules drop (absorbed into another, sports, background participles,
    unqualified) follow the kept ones, each with `dropped` saying why."""
    cands = propose(sent, sa, lex, lang)
    by_tok = {c.token.i: c for c in cands}
    nouns = {i: c for i, c in by_tok.items() if _is_noun(c)}
    verbs = {i: c for i, c in by_tok.items() if i not in nouns}
    mark_absorbed(nouns, verbs, by_tok, lex, lang)
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
        between_parties(c, sa, lex)
    condemned_event_recipients(cands, nouns)
    anaphoric_act_recipients(cands, sa, lex)
    merge_absorbed(cands, sa)
    fill_by_fallbacks(cands, by_tok, sent, sa, lex, lang)
    out, dropped = choose(cands, sent)
    for c in out:
        if c.actors and not (c.modality and c.modality.negated):
            sa.state.remember_event(c.event, [a for a in c.actors if a.actor.resolution != "coref-event"])
    if generous:
        for c, why in dropped:
            c.dropped = why
            out.append(c)
    return out
