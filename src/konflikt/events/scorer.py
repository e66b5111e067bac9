"""The learned scorer over the rules' proposals: features of a proposal, the model file, the choice.

The rules (`konflikt.events.extract`, `konflikt.events.coder.propose`) propose events generously, each
flagged with why the rules would drop it; this module alone decides which to code. Its seam is `choose`:
proposals of one sentence in, chosen events out, each with `confidence` the model's calibrated probability
that the event is right. The model is a logistic regression over named binary/numeric features, stored as
JSON (`src/konflikt/data/scorer/model.json`, schema `data/schemas/scorer.schema.json`); `konflikt.events.train_scorer`
trains it from the gold sets. No model is loaded unless the scorer is switched on (`Settings.scorer`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from konflikt.actors.resolved import ResolvedActor
from konflikt.actors.sector_phrases import STATE_SECTORS
from konflikt.datafiles import load_schema
from konflikt.events.coder import Proposal, number

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "scorer" / "model.json"
SCHEMA = "konflikt.scorer"
VERSION = 1


class ScorerModelError(ValueError):
    """The scorer's model file is missing or corrupt (message: one line, with the path)."""


# ---- features -------------------------------------------------------------------------------------------

def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _relation(head, trigger) -> str:
    """How an argument's head token hangs from the trigger in the parse."""
    if head.i == trigger.i:
        return "self"
    if head.head.i == trigger.i:
        return "child"
    if head.head.head.i == trigger.i:
        return "grandchild"
    if trigger.head.i == head.i:
        return "parent"
    if head.head.i == trigger.head.i:
        return "sibling"
    if trigger in head.ancestors:
        return "below"
    if head in trigger.ancestors:
        return "above"
    return "apart"


def _case(tok) -> str:
    case = next((ch for ch in tok.children if ch.dep_ == "case"), None)
    return (case.lower_ if case is not None else "-")


def _role_features(f: dict[str, float], role: str, args: list[ResolvedActor], trigger, doc,
                   memo: dict | None = None) -> None:
    """Add the features of one argument role; `memo` keeps them for the same role, trigger and arguments (the
    alternatives of one sentence repeat them)."""
    if memo is None:
        _add_role_features(f, role, args, trigger, doc)
        return
    key = (role, trigger.i, tuple(id(a) for a in args))
    part = memo.get(key)
    if part is None:
        part = memo[key] = {}
        _add_role_features(part, role, args, trigger, doc)
    f.update(part)


def _add_role_features(f: dict[str, float], role: str, args: list[ResolvedActor], trigger, doc) -> None:
    if not args:
        f[f"{role}=none"] = 1.0
        return
    f[f"{role}:n={_bucket(len(args), (1, 2))}"] = 1.0
    a = args[0]
    res = a.actor.resolution or "none"
    f[f"{role}:res={res}"] = 1.0
    f[f"{role}:res0={res.split('-')[0]}"] = 1.0
    kind = a.entity.kind if a.entity is not None else "noentity"
    f[f"{role}:kind={kind}"] = 1.0
    sector = a.actor.sector or ("STATE" if a.actor.code and a.actor.code == a.actor.country else "none")
    f[f"{role}:sector={sector}"] = 1.0
    f[f"{role}:state"] = float(a.actor.sector in STATE_SECTORS or (a.actor.code or "") == (a.actor.country or "-"))
    f[f"{role}:conf"] = float(min(r.confidence for r in args))
    if 0 <= a.head < len(doc):
        head = doc[a.head]
        if head.sent.start == trigger.sent.start:
            f[f"{role}:dep={head.dep_}"] = 1.0
            f[f"{role}:rel={_relation(head, trigger)}"] = 1.0
            f[f"{role}:case={_case(head)}"] = 1.0
            f[f"{role}:side={'left' if head.i < trigger.i else 'right'}"] = 1.0
            f[f"{role}:dist={_bucket(abs(head.i - trigger.i), (1, 3, 6, 10))}"] = 1.0
        else:
            f[f"{role}:rel=other-sentence"] = 1.0
    else:
        f[f"{role}:rel=nohead"] = 1.0


def _candidate_features(p: Proposal, n_cands: int, n_props: int) -> dict[str, float]:
    """The features every proposal of one candidate shares (its trigger, entry, notes, sentence)."""
    c = p.candidate
    tok = c.token
    f: dict[str, float] = {"bias": 1.0}
    f[f"lang={p.language}"] = 1.0
    f[f"pos={tok.pos_}"] = 1.0
    f[f"tdep={tok.dep_}"] = 1.0
    f[f"tokens={_bucket(len(c.tokens), (1, 2))}"] = 1.0
    for ctx in c.context:
        f[f"ctx={ctx}"] = 1.0
    for flag in ("requires_qualifier", "reciprocal", "needs_recipient"):
        if getattr(c.entry, flag, False):
            f[f"entry:{flag}"] = 1.0
    for note in c.notes:
        f[f"note={note.split(' (')[0].split(':')[0]}"] = 1.0
    f["rule_conf"] = float(c.confidence)
    f[f"ncands={_bucket(n_cands, (1, 2, 4))}"] = 1.0
    f[f"nprops={_bucket(n_props, (1, 2, 4, 8))}"] = 1.0
    f[f"sentlen={_bucket(len(tok.sent), (15, 30, 50))}"] = 1.0
    return f


def features(p: Proposal, n_cands: int, n_props: int, shared: dict[str, float] | None = None,
             memo: dict | None = None) -> dict[str, float]:
    """The named features of one proposal (binary indicators, a few numbers in [0, 1]); `shared` is its
    candidate's `_candidate_features` when already computed, `memo` the sentence's argument features so far.
    Built from the proposal's fields, not its record."""
    c = p.candidate
    tok = c.token
    doc = tok.doc
    f = dict(shared if shared is not None else _candidate_features(p, n_cands, n_props))
    f[f"type={p.etype}"] = 1.0
    f[f"quad={p.quad}"] = 1.0
    if p.etype != c.event:
        f[f"rule_type={c.event}"] = 1.0
    f[f"dropped={p.dropped or 'kept'}"] = 1.0
    f["kept"] = float(p.dropped is None)
    f[f"type={p.etype}|{'kept' if p.dropped is None else 'dropped'}"] = 1.0
    for label in p.labels:
        f[f"mod={label}"] = 1.0
    f["negated"] = float(p.negated)
    f["conf"] = float(p.confidence)
    actors, recips = p.arguments
    _role_features(f, "actor", actors, tok, doc, memo)
    _role_features(f, "recip", recips, tok, doc, memo)
    actors_c = {a.actor.country for a in actors if a.actor.country}
    recips_c = {a.actor.country for a in recips if a.actor.country}
    if actors_c and recips_c:
        f["same_country"] = float(bool(actors_c & recips_c))
    f[f"type={p.etype}|recip={'none' if not recips else 'some'}"] = 1.0
    f[f"type={p.etype}|actor={'none' if not actors else 'some'}"] = 1.0
    for k in [k for k in f if k.startswith(LANGUAGE_CROSSED)]:
        f[f"{p.language}|{k}"] = f[k]  # the parsers differ: how an argument hangs means more in one language
    return f


# Features crossed with the language (`features`).
LANGUAGE_CROSSED = ("dropped=", "kept", "actor:dep=", "actor:rel=", "actor:case=", "recip:dep=", "recip:rel=",
                    "recip:case=", "recip=none", "actor=none")


def sentence_features(props: list[Proposal]) -> list[dict[str, float]]:
    """The features of each of one sentence's proposals."""
    n_cands = len({id(p.candidate) for p in props})
    shared: dict[int, dict[str, float]] = {}
    memo: dict = {}
    out = []
    for p in props:
        key = id(p.candidate)
        if key not in shared:
            shared[key] = _candidate_features(p, n_cands, len(props))
        out.append(features(p, n_cands, len(props), shared[key], memo))
    return out


# ---- the model -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ScorerModel:
    """A logistic regression over named features, with acceptance thresholds chosen by cross-validation: one for
    what the rules would drop (`threshold`), one for what they keep (`threshold_kept`)."""

    weights: dict[str, float]
    threshold: float
    threshold_kept: float
    meta: dict
    by_language: dict[str, tuple[float, float]] | None = None
    """Per-language (threshold, threshold_kept); a language not in it uses the two above (in the shipped model
    1.0 / 0.0: the rules' own choice, `train_scorer.RULES_CHOICE`)."""

    def thresholds(self, lang: str | None) -> tuple[float, float]:
        """(threshold, threshold_kept) for a document in `lang`."""
        return (self.by_language or {}).get(lang or "", (self.threshold, self.threshold_kept))

    def probability(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        out = {"schema": SCHEMA, "version": VERSION, "threshold": self.threshold,
               "threshold_kept": self.threshold_kept}
        if self.by_language:
            out["by_language"] = {k: {"threshold": t, "threshold_kept": tk}
                                  for k, (t, tk) in sorted(self.by_language.items())}
        return {**out, "weights": dict(sorted(self.weights.items())), "meta": self.meta}


def parse_model(data: object, where: str = "scorer model") -> ScorerModel:
    """A checked model from its JSON data; `ScorerModelError` (one line) when it is not one."""
    if not isinstance(data, dict):
        raise ScorerModelError(f"{where}: not a JSON object")
    if data.get("schema") != SCHEMA:
        raise ScorerModelError(f"{where}: schema is {data.get('schema')!r}, expected {SCHEMA!r}")
    if data.get("version") != VERSION:
        raise ScorerModelError(f"{where}: version {data.get('version')!r}, this Konflikt reads {VERSION}")
    err = next(iter(jsonschema.Draft202012Validator(load_schema("scorer.schema.json")).iter_errors(data)), None)
    if err is not None:
        at = "/".join(str(p) for p in err.absolute_path) or "(top)"
        raise ScorerModelError(f"{where}: {at}: {err.message}"[:300].replace("\n", " "))
    weights = data["weights"]
    for k, v in weights.items():
        if not math.isfinite(v):
            raise ScorerModelError(f"{where}: weight of {k!r} is not a finite number")
    thr = {name: float(data[name]) for name in ("threshold", "threshold_kept")}
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise ScorerModelError(f"{where}: meta must be an object")
    by_language = {str(k): (float(v["threshold"]), float(v["threshold_kept"]))
                   for k, v in (data.get("by_language") or {}).items()}
    return ScorerModel({str(k): float(v) for k, v in weights.items()}, thr["threshold"], thr["threshold_kept"], meta,
                       by_language or None)


def checked_choice(scorer: str) -> str:
    """A scorer setting ('off', 'on' or 'auto'), with the shipped model loaded once unless 'off': `ValueError`
    for another value, `ScorerModelError` when the model is missing or corrupt (both one line)."""
    from konflikt.config import SCORER_CHOICES

    if scorer not in SCORER_CHOICES:
        raise ValueError(f"--scorer must be {', '.join(SCORER_CHOICES[:-1])} or {SCORER_CHOICES[-1]}, got {scorer!r}")
    if scorer != "off":
        load_model()
    return scorer


def load_model(path: Path | str | None = None) -> ScorerModel:
    """The shipped model (or the one at `path`); `ScorerModelError` when missing or corrupt."""
    path = Path(path) if path else MODEL_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScorerModelError(f"scorer model {path}: missing (train it: python -m konflikt.events.train_scorer)"
                               ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ScorerModelError(f"scorer model {path}: unreadable: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScorerModelError(f"scorer model {path}: not valid JSON: {exc}") from None
    return parse_model(data, f"scorer model {path}")


# ---- the choice ----------------------------------------------------------------------------------------

def proposal_key(p: Proposal) -> tuple:
    """What makes two proposals the same event: type, actors, recipients, negation."""

    def who(args: list[ResolvedActor]) -> tuple:
        return tuple(sorted((a.actor.entity_id or "", a.actor.code or "", a.actor.name) for a in args))

    actors, recips = p.arguments
    return (p.etype, who(actors), who(recips), p.negated)


def select(groups: list, keys: list, probs: list[float], thresholds: list[float]) -> list[int]:
    """Which proposals to code (indices, in order): of each group (a candidate's alternatives) the most
    probable of those that reach their threshold; of proposals with the same key the first chosen."""
    best: dict = {}
    for i, g in enumerate(groups):
        if probs[i] < thresholds[i]:
            continue
        j = best.get(g)
        if j is None or probs[i] > probs[j]:
            best[g] = i
    out, seen = [], set()
    for i in sorted(best.values()):
        if keys[i] not in seen:
            seen.add(keys[i])
            out.append(i)
    return out


def choose(props: list[Proposal], model: ScorerModel, *, doc_id: str, sent_index: int) -> list:
    """The events to code from one sentence's proposals (`select` with the model's probabilities and
    threshold); each event's `confidence` is the model's probability."""
    if not props:
        return []
    probs = [model.probability(f) for f in sentence_features(props)]
    out = []
    t_dropped, t_kept = model.thresholds(props[0].language)
    thresholds = [t_kept if p.dropped is None else t_dropped for p in props]
    for i in select([id(p.candidate) for p in props], [proposal_key(p) for p in props], probs, thresholds):
        ev = props[i].event
        ev.confidence = round(max(0.0, min(1.0, probs[i])), 3)
        out.append(ev)
    return number(out, doc_id, sent_index)
