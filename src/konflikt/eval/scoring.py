"""Score coded PLOVER events against a hand-made gold file (the ``shared/eval/*.gold.json`` format).

The numbers agree with the reference scorer ``shared/eval/score_events.py``; this is an independent
implementation that adds F1, a per-gold-event listing and structured unmatched pairs.

Semantics
---------
*Events.*  An output event is a dict with a PLOVER type under ``event`` (or ``event_type``), its
sentence under the first string-valued key among ``event_text``, ``sentence``, ``text``,
``sentence_text``, and its participants under ``actor`` (else ``source``) and ``recipient`` (else
``target``): a list of actors, one actor, or nothing.  An actor is a dict with ``name`` (or
``entity_name`` / ``canonical`` / ``label``) and/or ``code``, or a bare name string.  An event is
negated when ``negated`` is true or its ``modality`` mentions negation (``"negat"`` anywhere in
its JSON form).

*Entity groups.*  An actor falls in the first gold entity whose ``names`` contain one of its names
(compared case- and accent-folded); failing that, in the first entity whose ``codes`` contain its
upper-cased code or whose ``code_prefix`` starts it; failing that, in an unknown group ``?name``
(or ``?CODE``, ``?unknown``).  A missing actor is ``None``.

*Coded pairs (dyads).*  Every event contributes the cross product of its actors and recipients; an
empty side counts as one ``None``.  A pair matches a gold event when the sentence contains the gold
anchor, the type is among the gold ``types``, the actor group is in the gold ``actor`` list and the
recipient group in its ``recipient`` list (``null`` there accepts a missing participant), and the
negation flags agree.  Matching a required gold event finds it; matching an optional one only keeps
the pair from counting as a false positive.

*Metrics.*  Recall = required gold events found / required gold events; precision = matched pairs /
coded pairs; F1 = 2PR / (P + R).  Precision and recall are rounded to 3 decimals as the reference
prints them; F1 is computed from the unrounded values.

*Relations.*  Every non-negated coded pair between two known groups (matched or not) votes for its
directed dyad: cooperative when the type is AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID or
RETREAT, conflictual otherwise; ties count as cooperative.  A required relation is found when its
dyad has the required kind.  A dyad is a wrong relation when both groups are in camps, the pair is
not exempt, and it is cooperative across camps or conflictual inside one camp.

Known, deliberate divergence: the reference turns a bare string given as the *whole* actor field
into one actor per character; here it is one actor.  For unknown actors with several name keys the
reference's ``?name`` label is arbitrary; here it is the first of name, entity_name, canonical,
label.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from konflikt.records import PLOVER_TYPES

COOPERATIVE_TYPES: frozenset[str] = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
)
NAME_KEYS: tuple[str, ...] = ("name", "entity_name", "canonical", "label")
SENTENCE_KEYS: tuple[str, ...] = ("event_text", "sentence", "text", "sentence_text")

__all__ = [
    "COOPERATIVE_TYPES",
    "CodedPair",
    "GoldEventResult",
    "ScoreReport",
    "Scorer",
    "fold",
    "format_report",
    "score",
]


def fold(text: str | None) -> str:
    """Case- and accent-insensitive form of a name: NFKD, combining marks dropped, casefolded, trimmed."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def _participants(value: Any) -> list[Any]:
    """The participants in an actor/recipient field; an empty field is one missing participant."""
    if value is None:
        return [None]
    if isinstance(value, (dict, str)):
        return [value]
    items = list(value)
    return items if items else [None]


def _sentence(event: dict) -> str:
    for key in SENTENCE_KEYS:
        value = event.get(key)
        if isinstance(value, str):
            return value
    return ""


def _event_type(event: dict) -> str:
    return str(event.get("event") or event.get("event_type") or "").upper()


def _is_negated(event: dict) -> bool:
    if event.get("negated"):
        return True
    modality = event.get("modality", "")
    try:
        rendered = json.dumps(modality)
    except (TypeError, ValueError):
        rendered = str(modality)
    return "negat" in rendered.lower()


def _field(event: dict, key: str, fallback: str) -> Any:
    return event[key] if key in event else event.get(fallback)


def _id_key(gold_id: str) -> tuple:
    """Sort gold ids naturally: e2 before e10."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", str(gold_id)))


@dataclass
class CodedPair:
    """One actor–recipient pair of one coded event, resolved to gold entity groups."""

    event_index: int
    actor: str | None
    recipient: str | None
    event_type: str
    negated: bool
    sentence: str
    matched: list[str] = field(default_factory=list)
    """Ids of the gold events (required or optional) this pair matches."""

    def label(self) -> str:
        """The reference scorer's one-line form: ``A->R TYPE: sentence[:70]``."""
        return f"{self.actor}->{self.recipient} {self.event_type}: {self.sentence[:70]}"

    def to_dict(self) -> dict:
        return {
            "event_index": self.event_index,
            "actor": self.actor,
            "recipient": self.recipient,
            "event": self.event_type,
            "negated": self.negated,
            "sentence": self.sentence,
            "matched": list(self.matched),
        }


@dataclass
class GoldEventResult:
    """How one gold event fared: found or not, and what was coded in its sentence instead."""

    id: str
    required: bool
    anchor: str
    types: list[str]
    actor: list[str | None]
    recipient: list[str | None]
    negated: bool
    found: bool
    matched_by: list[int] = field(default_factory=list)
    """Indices into ScoreReport.pairs of the pairs that match it."""
    closest: list[dict] = field(default_factory=list)
    """For a gold event not found: coded pairs in its sentence, fewest mismatches first."""

    @property
    def status(self) -> str:
        if self.found:
            return "found"
        return "missed" if self.required else "not coded"

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "required": self.required,
            "status": self.status,
            "anchor": self.anchor,
            "types": list(self.types),
            "actor": list(self.actor),
            "recipient": list(self.recipient),
            "negated": self.negated,
            "closest": list(self.closest),
        }


@dataclass
class ScoreReport:
    """The outcome of scoring one set of coded events against one gold file."""

    required_found: int
    required: int
    missed: list[str]
    coded_dyads: int
    matched_dyads: int
    precision: float
    recall: float
    f1: float
    relations_found: int
    relations_required: int
    relations_missed: list[str]
    wrong_relations: list[str]
    relation_kinds: dict[str, str]
    pairs: list[CodedPair]
    per_event: list[GoldEventResult]

    @property
    def unmatched(self) -> list[str]:
        """Unmatched coded pairs in the reference scorer's string form."""
        return [p.label() for p in self.pairs if not p.matched]

    @property
    def unmatched_pairs(self) -> list[CodedPair]:
        return [p for p in self.pairs if not p.matched]

    def to_dict(self) -> dict:
        """The reference scorer's --json keys, plus f1, per_event and structured detail."""
        return {
            "required_found": self.required_found,
            "required": self.required,
            "missed": list(self.missed),
            "coded_dyads": self.coded_dyads,
            "matched_dyads": self.matched_dyads,
            "precision": self.precision,
            "recall": self.recall,
            "relations_found": self.relations_found,
            "relations_required": self.relations_required,
            "wrong_relations": list(self.wrong_relations),
            "unmatched": self.unmatched,
            "f1": self.f1,
            "relations_missed": list(self.relations_missed),
            "relation_kinds": dict(self.relation_kinds),
            "per_event": [r.to_dict() for r in self.per_event],
            "unmatched_pairs": [p.to_dict() for p in self.unmatched_pairs],
        }

    def summary_line(self) -> str:
        return (
            f"recall {self.recall} ({self.required_found}/{self.required}), "
            f"precision {self.precision} ({self.matched_dyads}/{self.coded_dyads}), "
            f"relations {self.relations_found}/{self.relations_required}, "
            f"wrong relations {len(self.wrong_relations)}, F1 {self.f1}"
        )


class Scorer:
    """Scores events against one parsed gold dict; ``Scorer(gold).score(events)``."""

    def __init__(self, gold: dict) -> None:
        self.gold = gold
        self.entities: dict[str, dict] = gold.get("entities", {}) or {}
        self.gold_events: list[dict] = list(gold.get("events", []) or [])
        relations = gold.get("relations", {}) or {}
        self.required_relations: list[dict] = list(relations.get("required", []) or [])
        self.camp_of: dict[str, int] = {}
        for index, camp in enumerate(relations.get("camps", []) or []):
            for member in camp:
                self.camp_of[member] = index
        self.exempt: set[tuple[str, str]] = {
            (pair[0], pair[1]) for pair in relations.get("exempt", []) or []
        }
        self._folded_names = {
            key: {fold(n) for n in ent.get("names", []) or []} for key, ent in self.entities.items()
        }

    # -- entity groups ---------------------------------------------------------------------------
    def group(self, actor: Any) -> str | None:
        """The gold entity group of one actor (see the module docstring)."""
        if not actor:
            return None
        if isinstance(actor, str):
            actor = {"name": actor}
        if not isinstance(actor, dict):
            return None
        names = [fold(actor[k]) for k in NAME_KEYS if actor.get(k)]
        name_set = set(names)
        for key, folded in self._folded_names.items():
            if name_set & folded:
                return key
        code = str(actor.get("code") or "").upper()
        if code:
            for key, ent in self.entities.items():
                prefix = ent.get("code_prefix")
                if code in (ent.get("codes") or []) or (prefix and code.startswith(prefix)):
                    return key
        if names:
            return "?" + names[0]
        return "?" + (code or "unknown")

    # -- matching ---------------------------------------------------------------------------------
    @staticmethod
    def _mismatches(gold_event: dict, pair: CodedPair) -> list[str]:
        """Which criteria of a gold event a pair in the anchor's sentence fails (empty = match)."""
        reasons = []
        if pair.event_type not in gold_event.get("types", []):
            reasons.append("type")
        if pair.actor not in gold_event.get("actor", []):
            reasons.append("actor")
        if pair.recipient not in gold_event.get("recipient", []):
            reasons.append("recipient")
        if pair.negated != bool(gold_event.get("negated")):
            reasons.append("negation")
        return reasons

    def pairs(self, events: list[dict]) -> list[CodedPair]:
        out: list[CodedPair] = []
        for index, event in enumerate(events):
            etype = _event_type(event)
            sentence = _sentence(event)
            negated = _is_negated(event)
            actors = _participants(_field(event, "actor", "source"))
            recipients = _participants(_field(event, "recipient", "target"))
            for a in actors:
                for r in recipients:
                    out.append(CodedPair(index, self.group(a), self.group(r), etype, negated, sentence))
        return out

    def score(self, events: list[dict]) -> ScoreReport:
        events = [_as_dict(e) for e in events]
        pairs = self.pairs(events)
        anchored: dict[int, list[int]] = {i: [] for i in range(len(self.gold_events))}
        for p_index, pair in enumerate(pairs):
            for g_index, gold_event in enumerate(self.gold_events):
                if gold_event["anchor"] not in pair.sentence:
                    continue
                anchored[g_index].append(p_index)
                if not self._mismatches(gold_event, pair):
                    pair.matched.append(str(gold_event["id"]))

        per_event: list[GoldEventResult] = []
        found: set[str] = set()
        for g_index, gold_event in enumerate(self.gold_events):
            gid = str(gold_event["id"])
            matched_by = [i for i in anchored[g_index] if gid in pairs[i].matched]
            result = GoldEventResult(
                id=gid,
                required=bool(gold_event.get("required")),
                anchor=gold_event["anchor"],
                types=list(gold_event.get("types", [])),
                actor=list(gold_event.get("actor", [])),
                recipient=list(gold_event.get("recipient", [])),
                negated=bool(gold_event.get("negated")),
                found=bool(matched_by),
                matched_by=matched_by,
            )
            if result.found and result.required:
                found.add(gid)
            if not result.found:
                candidates = []
                for i in anchored[g_index]:
                    pair = pairs[i]
                    candidates.append(
                        {
                            "actor": pair.actor,
                            "recipient": pair.recipient,
                            "event": pair.event_type,
                            "negated": pair.negated,
                            "wrong": self._mismatches(gold_event, pair),
                        }
                    )
                candidates.sort(key=lambda c: len(c["wrong"]))
                result.closest = candidates[:5]
            per_event.append(result)

        required_ids = [str(g["id"]) for g in self.gold_events if g.get("required")]
        missed = sorted(set(required_ids) - found, key=_id_key)
        coded = len(pairs)
        matched = sum(1 for p in pairs if p.matched)
        precision_raw = matched / coded if coded else 0.0
        recall_raw = len(found) / len(required_ids) if required_ids else 0.0
        total = precision_raw + recall_raw
        f1_raw = 2 * precision_raw * recall_raw / total if total else 0.0

        votes: dict[tuple[str, str], list[int]] = {}
        for pair in pairs:
            a, r = pair.actor, pair.recipient
            if pair.negated or not a or not r or a.startswith("?") or r.startswith("?"):
                continue
            tally = votes.setdefault((a, r), [0, 0])
            tally[0 if pair.event_type in COOPERATIVE_TYPES else 1] += 1
        kinds = {
            dyad: ("cooperative" if coop >= conflict else "conflictual")
            for dyad, (coop, conflict) in votes.items()
        }
        relations_found = 0
        relations_missed = []
        for need in self.required_relations:
            if kinds.get((need["actor"], need["recipient"])) == need["kind"]:
                relations_found += 1
            else:
                relations_missed.append(f"{need['actor']}->{need['recipient']} {need['kind']}")
        wrong = []
        for (a, r), kind in kinds.items():
            if a not in self.camp_of or r not in self.camp_of or (a, r) in self.exempt:
                continue
            across = self.camp_of[a] != self.camp_of[r]
            if across == (kind == "cooperative"):
                wrong.append(f"{a}->{r} {kind}")

        return ScoreReport(
            required_found=len(found),
            required=len(required_ids),
            missed=missed,
            coded_dyads=coded,
            matched_dyads=matched,
            precision=round(precision_raw, 3),
            recall=round(recall_raw, 3),
            f1=round(f1_raw, 3),
            relations_found=relations_found,
            relations_required=len(self.required_relations),
            relations_missed=relations_missed,
            wrong_relations=wrong,
            relation_kinds={f"{a}->{r}": k for (a, r), k in kinds.items()},
            pairs=pairs,
            per_event=per_event,
        )


def _as_dict(event: Any) -> dict:
    """Accept dicts and pydantic models (e.g. konflikt.records.Event)."""
    if isinstance(event, dict):
        return event
    dump = getattr(event, "model_dump", None)
    if callable(dump):
        return dump(mode="json")
    raise TypeError(f"cannot score an event of type {type(event).__name__}")


def score(gold: dict, events: list[dict]) -> ScoreReport:
    """Score coded events (dicts or pydantic Events) against a parsed gold file."""
    return Scorer(gold).score(events)


def format_report(report: ScoreReport, *, verbose: bool = True) -> str:
    """Plain-text report; the last line mirrors the reference scorer's summary plus F1."""
    lines: list[str] = []
    if verbose:
        for pair in report.unmatched_pairs:
            lines.append(f"  unmatched: {pair.label()}")
        for result in report.per_event:
            if result.found or not result.required:
                continue
            want = (
                f"{'/'.join(map(str, result.actor))}->{'/'.join(map(str, result.recipient))} "
                f"{'|'.join(result.types)}{' (negated)' if result.negated else ''}"
            )
            lines.append(f"  missed {result.id}: «{result.anchor}» wanted {want}")
            if not result.closest:
                lines.append("      nothing coded in that sentence")
            for c in result.closest:
                neg = " negated" if c["negated"] else ""
                lines.append(
                    f"      got {c['actor']}->{c['recipient']} {c['event']}{neg}"
                    f" (wrong: {', '.join(c['wrong'])})"
                )
        if report.relations_missed:
            lines.append("  relations missing: " + "; ".join(report.relations_missed))
        if report.wrong_relations:
            lines.append("  wrong relations: " + "; ".join(report.wrong_relations))
    lines.append("  missed: " + (" ".join(report.missed) or "none"))
    lines.append(report.summary_line())
    return "\n".join(lines)


def known_types() -> tuple[str, ...]:
    """The PLOVER 2.0 event types a gold file may list."""
    return PLOVER_TYPES
