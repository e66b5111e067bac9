"""Error taxonomy: sort every missed gold event and every false coded pair of a scored gold file into a class.

The classes say at which stage the coding went wrong, read off the scorer's report alone (so they are
reproducible and need no human): nothing coded in the sentence, another event coded there, a wrong type, a
missing or wrong actor or recipient, a wrong negation; for false pairs, whether the sentence holds any gold
event at all. A recipient that is missing in its sentence but was coded elsewhere in the document earlier is
counted apart (``recipient_earlier``): the cross-sentence case. Why a stage failed (bad parse, nested event,
unknown name, ...) needs a reader: hand labels are kept next to each blind set and summed by
``count_labels``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from konflikt.eval.scoring import ScoreReport

MISS_CLASSES: tuple[str, ...] = (
    "no_event",
    "other_event",
    "wrong_type",
    "negation",
    "actor_missing",
    "actor_wrong",
    "recipient_missing",
    "recipient_earlier",
    "recipient_wrong",
    "actor_and_recipient",
)
"""Classes of a missed required gold event, in pipeline order."""

FALSE_CLASSES: tuple[str, ...] = ("no_gold_event", "near_miss", "extra")
"""Classes of a coded pair that matches no gold event."""

CAUSES: tuple[str, ...] = (
    "trigger_missing",
    "bad_parse",
    "nested_event",
    "actor_unknown",
    "coreference",
    "recipient_implicit",
    "wrong_argument",
    "type_choice",
    "modality",
    "domestic",
    "gold_debatable",
)
"""The hand-label vocabulary of why an error happened (see docs/error-taxonomy.md)."""


@dataclass(frozen=True)
class ErrorCase:
    """One classified error: a missed gold event (``kind='miss'``) or a false pair (``kind='false'``)."""

    kind: str
    cls: str
    ref: str
    """The gold event id (miss) or ``ACTOR->RECIPIENT TYPE`` (false pair)."""
    sentence: str


def _miss_class(closest: list[dict], recipient_seen_earlier: bool) -> str:
    if not closest:
        return "no_event"
    best = closest[0]
    wrong = set(best["wrong"])
    if "type" in wrong and len(wrong) > 1:
        return "other_event"
    if wrong == {"type"}:
        return "wrong_type"
    if wrong == {"negation"} or (wrong - {"negation"}) == set():
        return "negation"
    if wrong == {"actor"} or wrong == {"actor", "negation"}:
        return "actor_missing" if best["actor"] is None else "actor_wrong"
    if wrong == {"recipient"} or wrong == {"recipient", "negation"}:
        if best["recipient"] is None:
            return "recipient_earlier" if recipient_seen_earlier else "recipient_missing"
        return "recipient_wrong"
    return "actor_and_recipient"


def classify(report: ScoreReport, text: str) -> list[ErrorCase]:
    """Classify the misses and the false pairs of one scored document (its full ``text``)."""
    cases: list[ErrorCase] = []
    offsets: dict[str, int] = {}
    for pair in report.pairs:
        offsets.setdefault(pair.sentence, text.find(pair.sentence))
    for result in report.per_event:
        if result.found or not result.required:
            continue
        here = text.find(result.anchor)
        sentence = next((p.sentence for p in report.pairs if result.anchor in p.sentence), result.anchor)
        wanted = {r for r in result.recipient if r}
        earlier = any(
            0 <= offsets[p.sentence] < here and ({p.actor, p.recipient} & wanted) for p in report.pairs
        )
        cases.append(ErrorCase("miss", _miss_class(result.closest, earlier), result.id, sentence))
    anchors_missed = {r.anchor for r in report.per_event if not r.found}
    anchors_all = {r.anchor for r in report.per_event}
    for pair in report.unmatched_pairs:
        held = {a for a in anchors_all if a in pair.sentence}
        if not held:
            cls = "no_gold_event"
        elif held & anchors_missed:
            cls = "near_miss"
        else:
            cls = "extra"
        ref = f"{pair.actor}->{pair.recipient} {pair.event_type}"
        cases.append(ErrorCase("false", cls, ref, pair.sentence))
    return cases


def count(cases: list[ErrorCase]) -> dict[str, Counter]:
    """Counts per kind and class, every class present (zero when absent)."""
    misses = Counter({c: 0 for c in MISS_CLASSES})
    false = Counter({c: 0 for c in FALSE_CLASSES})
    for case in cases:
        (misses if case.kind == "miss" else false)[case.cls] += 1
    return {"miss": misses, "false": false}


def format_counts(counts: dict[str, Counter]) -> str:
    """Two lines: ``misses: cls n, ...`` and ``false pairs: cls n, ...`` (non-zero classes only)."""
    lines = []
    for kind, title in (("miss", "misses"), ("false", "false pairs")):
        parts = [f"{cls} {n}" for cls, n in counts[kind].items() if n]
        lines.append(f"  {title} ({sum(counts[kind].values())}): " + (", ".join(parts) or "none"))
    return "\n".join(lines)


def load_labels(path: Path | str) -> dict[str, list[str]]:
    """Hand labels of one blind set: ``{event id or 'A->R TYPE @ n': [cause, ...]}``; causes are checked."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    labels = data.get("labels", {})
    if not isinstance(labels, dict):
        raise ValueError(f"{path}: 'labels' must be a mapping")
    out: dict[str, list[str]] = {}
    for ref, causes in labels.items():
        causes = [causes] if isinstance(causes, str) else list(causes or [])
        unknown = [c for c in causes if c not in CAUSES]
        if unknown or not causes:
            raise ValueError(f"{path}: {ref}: unknown or missing cause {unknown or causes}; use {', '.join(CAUSES)}")
        out[str(ref)] = causes
    return out


def count_labels(labels: dict[str, list[str]]) -> Counter:
    """How often each cause was given (an error may have several)."""
    counts = Counter({c: 0 for c in CAUSES})
    for causes in labels.values():
        counts.update(causes)
    return counts
