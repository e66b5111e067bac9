"""Fallbacks when the parse gives no argument: the nearest actor in the same clause chunk (linear order),
an actor in the trigger's subordinate clause, and the antecedent of a clause pronoun ("vilket", "which")."""

from __future__ import annotations

from spacy.tokens import Span

from konflikt.actors.resolved import ResolvedActor
from konflikt.actors.resolver import SentenceActors
from konflikt.events.candidate import VERBAL_TYPES, Candidate, _is_noun
from konflikt.events.clause import AGENT_PREPS, REL_PRONOUNS, _resolve, is_attributive, is_passive
from konflikt.events.roles import _comitative, _place_not_target
from konflikt.language.registry import rules_of, words_for

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


CLAUSE_PRONOUNS = {"vilket", "något", "which", "something"}


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


def fill_by_fallbacks(cands: list[Candidate], by_tok: dict[int, Candidate], sent: Span, sa: SentenceActors, lex,
                      lang: str) -> None:
    """The arguments the parse did not give: a clause pronoun's antecedent, a conjoined trigger's subject,
    an actor in the trigger's subordinate clause, then the linear fallback within the clause chunk."""
    # (parties acting on each other, "striderna mellan X och Y", are complete as they are)
    for c in cands:
        if c.absorbed_into is None and not c.recipients and "between" not in c.notes:
            c.recipients = _clause_antecedent(c, cands)
    chunks = clause_chunks(sent)
    for c in cands:
        if c.absorbed_into is not None or "between" in c.notes:
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
