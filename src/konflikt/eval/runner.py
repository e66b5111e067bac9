"""Run a coder over the document(s) a gold file names and score its events.

``evaluate(gold_path, code_fn, paths=None)`` reads the gold file, finds its document(s), calls
``code_fn(text, lang=..., date=..., doc_id=...)`` on each and scores everything it returns with
:func:`konflikt.eval.scoring.score`.  The coder is a parameter so that this module does not depend
on the pipeline.

Where the documents come from, in order:

1. ``paths`` given by the caller (e.g. ``konflikt eval GOLD.json PATH...``) override the gold;
2. the gold's ``documents`` (a list of paths, or of ``{"path", "publication_date", "language"}``);
3. the gold's ``document`` (one path).

A relative path is looked up next to the gold file, then in the directories above it (the seed gold
``shared/eval/seed.gold.json`` names ``seed/000_....txt``, relative to ``shared/``), then in the
current directory.  ``publication_date`` gives the date and ``language`` the language; a document
entry may override either.

Units: by default a whole document is one call to ``code_fn``.  A gold with ``"unit": "paragraph"``
(or ``"sentence"``) is coded one blank-line-separated paragraph at a time, so that a test set with
one sentence per paragraph is scored independently of the coder's sentence splitter.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from konflikt.eval.scoring import ScoreReport, score

__all__ = [
    "CodeFn",
    "GoldDocument",
    "evaluate",
    "gold_documents",
    "load_events",
    "load_gold",
    "resolve_document",
    "score_files",
    "split_paragraphs",
]


class CodeFn(Protocol):
    def __call__(self, text: str, *, lang: str, date: str | None, doc_id: str) -> list[dict]: ...


@dataclass(frozen=True)
class GoldDocument:
    """One document to code for a gold file."""

    path: Path
    language: str
    date: str | None


def load_gold(gold_path: Path | str) -> dict:
    """Parse a gold file; a readable error when it is not one."""
    path = Path(gold_path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON: {exc}") from exc
    if not isinstance(gold, dict) or "events" not in gold or "entities" not in gold:
        raise ValueError(f"{path}: not a gold file (needs 'entities' and 'events')")
    return gold


def load_events(events_path: Path | str) -> list[dict]:
    """Read coded events from a JSONL file (one event per line) or a JSON array."""
    text = Path(events_path).read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("["):
        return list(json.loads(stripped))
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def resolve_document(name: str | Path, gold_path: Path) -> Path:
    """Find a document named in a gold file (see the module docstring for the search order)."""
    candidate = Path(name)
    if candidate.is_absolute():
        if candidate.exists():
            return candidate
        raise FileNotFoundError(f"document {candidate} (named in {gold_path}) does not exist")
    gold_dir = gold_path.resolve().parent
    tried = []
    for base in (gold_dir, *gold_dir.parents[:2], Path.cwd()):
        path = base / candidate
        tried.append(str(path))
        if path.exists():
            return path
    raise FileNotFoundError(f"document {name!s} named in {gold_path} not found; tried: {', '.join(tried)}")


def gold_documents(
    gold: dict, gold_path: Path, paths: Iterable[Path | str] | None = None
) -> list[GoldDocument]:
    """The documents to code for a gold file, with language and date."""
    language = gold.get("language") or "auto"
    date = gold.get("publication_date")
    if paths:
        return [GoldDocument(Path(p), language, date) for p in paths]
    entries: list[Any] = []
    if gold.get("documents"):
        entries = list(gold["documents"])
    elif gold.get("document"):
        entries = [gold["document"]]
    else:
        raise ValueError(f"{gold_path}: names no document; give the document path(s) explicitly")
    out = []
    for entry in entries:
        if isinstance(entry, dict):
            name = entry.get("path") or entry.get("document")
            if not name:
                raise ValueError(f"{gold_path}: a documents entry has no 'path': {entry!r}")
            out.append(
                GoldDocument(
                    resolve_document(name, gold_path),
                    entry.get("language") or language,
                    entry.get("publication_date", date),
                )
            )
        else:
            out.append(GoldDocument(resolve_document(entry, gold_path), language, date))
    return out


def split_paragraphs(text: str) -> list[str]:
    """Blank-line-separated paragraphs, trimmed, empty ones dropped."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _events_as_dicts(events: Iterable[Any]) -> list[dict]:
    out = []
    for event in events or []:
        if isinstance(event, dict):
            out.append(event)
        elif callable(getattr(event, "model_dump", None)):
            out.append(event.model_dump(mode="json"))
        else:
            raise TypeError(f"code_fn returned a {type(event).__name__}, expected event dicts")
    return out


def code_documents(
    gold: dict, documents: list[GoldDocument], code_fn: CodeFn | Callable[..., Any]
) -> list[dict]:
    """Run the coder over each document (or each paragraph, for a paragraph-unit gold)."""
    unit = str(gold.get("unit", "document")).lower()
    events: list[dict] = []
    for doc in documents:
        text = doc.path.read_text(encoding="utf-8")
        doc_id = doc.path.stem
        if unit in ("paragraph", "sentence"):
            for n, paragraph in enumerate(split_paragraphs(text)):
                events += _events_as_dicts(
                    code_fn(paragraph, lang=doc.language, date=doc.date, doc_id=f"{doc_id}#{n}")
                )
        else:
            events += _events_as_dicts(code_fn(text, lang=doc.language, date=doc.date, doc_id=doc_id))
    return events


def evaluate(
    gold_path: Path | str,
    code_fn: CodeFn | Callable[..., Any],
    paths: list[Path] | None = None,
) -> ScoreReport:
    """Code the gold's document(s) (or ``paths``) with ``code_fn`` and score the events."""
    gold_path = Path(gold_path)
    gold = load_gold(gold_path)
    documents = gold_documents(gold, gold_path, paths)
    return score(gold, code_documents(gold, documents, code_fn))


def document_text(gold_path: Path | str, paths: list[Path] | None = None) -> str:
    """The text of the gold's document(s) (or ``paths``), joined by blank lines."""
    gold_path = Path(gold_path)
    documents = gold_documents(load_gold(gold_path), gold_path, paths)
    return "\n\n".join(doc.path.read_text(encoding="utf-8") for doc in documents)


def score_files(gold_path: Path | str, events_path: Path | str) -> ScoreReport:
    """Score an existing events file (JSONL or JSON array) against a gold file."""
    return score(load_gold(gold_path), load_events(events_path))
