"""Score a coder on the PLOVER gold-standard record file (`PLOVER_GSR_CAMEO.txt`, Open Event Data Alliance).

The GSR file is a JSON array of records, one sentence each: ``text``, ``event`` (a PLOVER type, in the
older labels of PLOVER 0.5), ``source`` and ``target`` (lists of ``{actorText, code, sector}``),
``date`` and ``language``. The first record (``event: DOCUMENT``) documents the file and is skipped.

Each sentence is coded on its own (one paragraph, the record's date and language unless the caller
overrides them) and scored with three numbers:

* **event-type accuracy** - a sentence counts when some coded event in it has the gold type;
* a **confusion table** by type - the row is the gold type, the column what the coder gave: the gold
  type when some event has it, else the type of the first coded event, else ``none``;
* **country-level dyad accuracy** on the sentences whose gold has both a source and a target - a
  sentence counts when some coded event has an actor in the gold source countries and a recipient in
  the gold target countries (``dyad``), and stricter, when that event also has the gold type
  (``typed dyad``). The country of an actor is the first three letters of its CAMEO-style code
  (``RUSGOV`` -> ``RUS``, ``IGOUNO`` -> ``IGO``), else its ``country``.

Old labels are mapped to PLOVER 2.0 (`LEGACY_TYPES`): DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT; legacy CAMEO country codes to ISO 3166 (`LEGACY_CODES`:
JAP -> JPN, ITL -> ITA, VTN -> VNM).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from konflikt.records import PLOVER_TYPES

__all__ = [
    "LEGACY_CODES",
    "LEGACY_TYPES",
    "GsrItem",
    "GsrReport",
    "SentenceResult",
    "evaluate_gsr",
    "format_gsr_report",
    "is_gsr_file",
    "load_gsr",
    "score_gsr",
]

LEGACY_TYPES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
LEGACY_CODES: dict[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
DEFAULT_DATE = "2000-01-01"


@dataclass(frozen=True)
class GsrItem:
    """One gold sentence: its PLOVER 2.0 type and the country-level codes of its source and target."""

    id: str
    text: str
    event: str
    original_event: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    date: str | None
    language: str


def _codes(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    out = []
    for actor in value:
        code = str(actor.get("code") or "").upper().strip() if isinstance(actor, dict) else ""
        if code:
            c = code[:3]
            out.append(LEGACY_CODES.get(c, c))
    return tuple(dict.fromkeys(out))


def is_gsr_file(path: Path | str) -> bool:
    """True when the file is a PLOVER GSR record array (not a Konflikt gold file)."""
    try:
        with open(path, encoding="utf-8") as fh:
            head = fh.read(4096).lstrip()
    except (OSError, UnicodeDecodeError):
        return False
    if not head.startswith("["):
        return False
    return '"eventText"' in head or '"PLOVER-GSR' in head


def load_gsr(path: Path | str) -> list[GsrItem]:
    """The sentences of a GSR file (the DOCUMENT record and records without text are skipped)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON: {exc}") from exc
    if not isinstance(data, list):
        raise ValueError(f"{path}: not a PLOVER GSR file (expected a JSON array of records)")
    items = []
    for rec in data:
        if not isinstance(rec, dict):
            continue
        original = str(rec.get("event") or "").upper()
        text = rec.get("text")
        if original == "DOCUMENT" or not isinstance(text, str) or not text.strip():
            continue
        event = LEGACY_TYPES.get(original, original)
        if event not in PLOVER_TYPES:
            raise ValueError(f"{path}: record {rec.get('id')}: unknown event type {original!r}")
        items.append(GsrItem(str(rec.get("id")), text.strip(), event, original, _codes(rec.get("source")),
                             _codes(rec.get("target")), rec.get("date"), str(rec.get("language") or "en")))
    return items


def _country(actor: Any) -> str | None:
    if not isinstance(actor, dict):
        return None
    code = actor.get("code")
    if isinstance(code, str) and len(code) >= 3:
        return code[:3].upper()
    country = actor.get("country")
    return country.upper() if isinstance(country, str) and country else None


@dataclass
class SentenceResult:
    """How the coder did on one gold sentence."""

    item: GsrItem
    types: list[str]
    dyads: list[tuple[str, tuple[str | None, ...], tuple[str | None, ...]]]
    type_ok: bool
    dyad_ok: bool | None
    typed_dyad_ok: bool | None

    @property
    def predicted(self) -> str:
        if self.type_ok:
            return self.item.event
        return self.types[0] if self.types else "none"

    def to_dict(self) -> dict:
        return {"id": self.item.id, "gold": self.item.event, "predicted": self.predicted, "coded": self.types,
                "type_ok": self.type_ok, "dyad_ok": self.dyad_ok, "typed_dyad_ok": self.typed_dyad_ok,
                "gold_sources": list(self.item.sources), "gold_targets": list(self.item.targets),
                "coded_dyads": [[t, list(a), list(r)] for t, a, r in self.dyads], "text": self.item.text}


@dataclass
class GsrReport:
    results: list[SentenceResult] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.results)

    @property
    def type_correct(self) -> int:
        return sum(r.type_ok for r in self.results)

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.n if self.n else 0.0

    def _dyad_results(self) -> list[SentenceResult]:
        return [r for r in self.results if r.dyad_ok is not None]

    @property
    def dyad_n(self) -> int:
        return len(self._dyad_results())

    @property
    def dyad_correct(self) -> int:
        return sum(bool(r.dyad_ok) for r in self._dyad_results())

    @property
    def dyad_accuracy(self) -> float:
        return self.dyad_correct / self.dyad_n if self.dyad_n else 0.0

    @property
    def typed_dyad_correct(self) -> int:
        return sum(bool(r.typed_dyad_ok) for r in self._dyad_results())

    @property
    def typed_dyad_accuracy(self) -> float:
        return self.typed_dyad_correct / self.dyad_n if self.dyad_n else 0.0

    def confusion(self) -> dict[str, Counter]:
        table: dict[str, Counter] = {}
        for r in self.results:
            table.setdefault(r.item.event, Counter())[r.predicted] += 1
        return table

    def per_type(self) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = {}
        for r in self.results:
            cell = out.setdefault(r.item.event, [0, 0])
            cell[0] += r.type_ok
            cell[1] += 1
        return {t: (c, n) for t, (c, n) in out.items()}

    def to_dict(self) -> dict:
        return {
            "sentences": self.n,
            "type_correct": self.type_correct,
            "type_accuracy": round(self.type_accuracy, 4),
            "dyad_sentences": self.dyad_n,
            "dyad_correct": self.dyad_correct,
            "dyad_accuracy": round(self.dyad_accuracy, 4),
            "typed_dyad_correct": self.typed_dyad_correct,
            "typed_dyad_accuracy": round(self.typed_dyad_accuracy, 4),
            "per_type": {t: {"correct": c, "n": n} for t, (c, n) in sorted(self.per_type().items())},
            "confusion": {g: dict(sorted(c.items())) for g, c in sorted(self.confusion().items())},
            "sentences_detail": [r.to_dict() for r in self.results],
        }

    def summary_line(self) -> str:
        return (f"event type accuracy {self.type_accuracy:.3f} ({self.type_correct}/{self.n}), "
                f"country dyad accuracy {self.dyad_accuracy:.3f} ({self.dyad_correct}/{self.dyad_n}), "
                f"typed dyad accuracy {self.typed_dyad_accuracy:.3f} ({self.typed_dyad_correct}/{self.dyad_n})")


def score_sentence(item: GsrItem, events: Iterable[Any]) -> SentenceResult:
    """Score the events coded from one gold sentence."""
    types: list[str] = []
    dyads = []
    for ev in events:
        ev = ev if isinstance(ev, dict) else ev.model_dump(mode="json")
        etype = str(ev.get("event") or "").upper()
        types.append(etype)
        actors = tuple(_country(a) for a in ev.get("actor") or []) or (None,)
        recips = tuple(_country(a) for a in ev.get("recipient") or []) or (None,)
        dyads.append((etype, actors, recips))
    type_ok = item.event in types
    dyad_ok = typed_ok = None
    if item.sources and item.targets:
        src, tgt = set(item.sources), set(item.targets)
        hits = [t for t, a, r in dyads if src & set(a) and tgt & set(r)]
        dyad_ok = bool(hits)
        typed_ok = item.event in hits
    return SentenceResult(item, types, dyads, type_ok, dyad_ok, typed_ok)


def score_gsr(items: Iterable[GsrItem], events_by_id: dict[str, list[Any]]) -> GsrReport:
    """Score already coded events (gold id -> events of that sentence)."""
    return GsrReport([score_sentence(it, events_by_id.get(it.id, [])) for it in items])


def evaluate_gsr(path: Path | str, code_fn: Callable[..., list[Any]], *, date: str | None = None,
                 lang: str | None = None) -> GsrReport:
    """Code every sentence of a GSR file with `code_fn(text, lang=, date=, doc_id=)` and score it.

    date/lang override the records' own (GSR records carry 2000-01-01 and en).
    """
    items = load_gsr(path)
    coded = {}
    for it in items:
        coded[it.id] = code_fn(it.text, lang=lang or it.language, date=date or it.date or DEFAULT_DATE,
                               doc_id=it.id)
    return score_gsr(items, coded)


def format_gsr_report(report: GsrReport, *, misses: bool = False) -> str:
    """Per-type accuracy, the confusion table (gold rows, coded columns), the summary line."""
    lines = []
    if misses:
        for r in report.results:
            if r.type_ok and r.dyad_ok is not False:
                continue
            what = []
            if not r.type_ok:
                what.append(f"type {r.item.event} got {','.join(r.types) or 'nothing'}")
            if r.dyad_ok is False:
                got = "; ".join(f"{t} {'+'.join(str(x) for x in a)}->{'+'.join(str(x) for x in rr)}"
                                for t, a, rr in r.dyads) or "nothing"
                what.append(f"dyad {'+'.join(r.item.sources)}->{'+'.join(r.item.targets)} got {got}")
            lines.append(f"  miss {r.item.id}: {' | '.join(what)}\n      {r.item.text}")
    per = report.per_type()
    conf = report.confusion()
    cols = [t for t in PLOVER_TYPES if any(c.get(t) for c in conf.values())]
    if any(c.get("none") for c in conf.values()):
        cols.append("none")
    abbrev = {t: t[:4] for t in cols}
    lines.append("type       acc    n  | " + " ".join(f"{abbrev[c]:>4}" for c in cols))
    for t in PLOVER_TYPES:
        if t not in per:
            continue
        c, n = per[t]
        row = " ".join(f"{conf[t].get(col, 0) or '.':>4}" for col in cols)
        lines.append(f"{t:<10} {c / n:5.2f} {n:4d}  | {row}")
    lines.append(report.summary_line())
    return "\n".join(lines)
