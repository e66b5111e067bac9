"""Corpus ingest: input paths -> documents -> coded events -> the store, in input order.

`ingest(paths, store, settings)` reads every document under `paths` (`konflikt.ingest.formats`),
skips those already stored (same content hash) before coding them, codes the rest (`konflikt.parallel`:
in this process or in `workers` processes), and stores the coded documents with their sentences and
events, `STORE_BATCH` documents per transaction (`konflikt.store`: a document is never stored in part).
Bad items are reported through `on_skip` and never stop the run; every skipped item, with its reason, and
the run's summary are recorded in the store's `ingest_log` at the end. The result is an `IngestReport`.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from konflikt.config import Settings
from konflikt.ingest import InputError, is_truncation_warning
from konflikt.ingest.formats import iter_documents, iter_paths
from konflikt.parallel import chunks, code_stream
from konflikt.pipeline import as_invalid_data_file
from konflikt.records import Actor
from konflikt.store import Store

__all__ = ["IngestReport", "ingest", "node_function"]

STORE_BATCH = 16
"""Coded documents stored per transaction (`Store.add_documents`): a few statements per batch, not per document."""
CHECK_BATCH = 32
"""Input documents whose ids are looked up in the store with one query (`Store.stored_ids`)."""


@dataclass
class IngestReport:
    coded: int = 0
    """Documents coded and stored in this run."""
    duplicates: int = 0
    """Documents whose content was already stored (nothing added)."""
    events: int = 0
    """Events stored in this run."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(item, reason) of every input that could not be ingested."""
    interrupted: bool = False

    @property
    def seen(self) -> int:
        return self.coded + self.duplicates + len(self.skipped)

    def reasons(self) -> Counter:
        return Counter(_reason_class(r) for _w, r in self.skipped)

    def summary(self) -> str:
        parts = [f"{self.coded} document(s) coded, {self.events} event(s) stored",
                 f"{self.duplicates} already stored", f"{len(self.skipped)} skipped"]
        line = "ingest: " + "; ".join(parts)
        if self.skipped:
            line += " (" + ", ".join(f"{n} {r}" for r, n in self.reasons().most_common()) + ")"
        if self.interrupted:
            line += "; interrupted"
        return line


def _reason_class(reason: str) -> str:
    return reason.split(" (", 1)[0]


def node_function(kb, level: str = "org"):
    """(actor, date) -> (node id, node name) at a roll-up level, cached; for the store's dedup keys."""
    from konflikt.network import node_of

    cache: dict[tuple, tuple[str, str] | None] = {}

    def node_for(actor: Actor, on_date: str | None) -> tuple[str, str] | None:
        key = (actor.entity_id, actor.name, actor.code, actor.country, actor.sector, (on_date or "")[:10])
        if key not in cache:
            n = node_of(actor, kb, on_date, level)
            cache[key] = (n.id, n.name) if n else None
        return cache[key]

    return node_for


def _total_bytes(paths: list[str]) -> int | None:
    total = 0
    for p in iter_paths(paths):
        if isinstance(p, InputError):
            continue
        if p == "-":
            return None
        try:
            import os

            total += os.path.getsize(p)
        except OSError:
            continue
    return total


def _reason(exc: BaseException) -> str:
    """The one-line skip reason for a document the coder failed on."""
    from konflikt.nlp import PipelineNotFound
    from konflikt.pipeline import UnsupportedLanguage

    if isinstance(exc, UnsupportedLanguage):
        from konflikt.language.registry import unsupported_reason

        return unsupported_reason(str(exc))
    if isinstance(exc, PipelineNotFound):
        return f"no trained pipeline for this language ({str(exc)[:120]})"
    return f"internal error ({type(exc).__name__}: {str(exc)[:200]})"


def ingest(paths: list[str], store: Store, settings: Settings, *, on_skip: Callable[[str], None] | None = None,
           verbose: bool = False, progress: bool | None = None, debug: bool = False,
           workers: int = 1) -> IngestReport:
    """Ingest `paths` into `store`. `progress=None`: a progress bar when stderr is a terminal;
    `verbose`: one line on stderr per stored document (after its transaction committed);
    `workers` > 1 codes documents in that many processes (`konflikt.parallel`; the store is written by
    this one, in input order)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

    from konflikt.pipeline import Coder

    report = IngestReport()
    run_id = f"{datetime.now(UTC).strftime('%Y%m%dT%H%M%S.%fZ')}-{os.getpid()}"
    coder = Coder(settings)
    node_for = node_function(coder.kb)
    default_lang = None if settings.lang == "auto" else settings.lang
    console = Console(stderr=True)
    show = console.is_terminal if progress is None else progress
    bar = Progress(TextColumn("[bold]ingest"), BarColumn(bar_width=24), TaskProgressColumn(),
                   TextColumn("{task.fields[status]}"), TimeElapsedColumn(), console=console, disable=not show,
                   transient=False)

    def say(msg: str) -> None:
        if show:
            bar.console.print(msg, markup=False, highlight=False)
        else:
            print(msg, file=sys.stderr, flush=True)

    def skip(where: str, reason: str) -> None:
        report.skipped.append((where, reason))
        msg = f"konflikt: {where}: skipped: {reason}"
        (on_skip or say)(msg)

    def status() -> None:
        bar.update(task, status=f"{report.coded} coded · {report.events} events · {report.duplicates} known · "
                                f"{len(report.skipped)} skipped")

    def read():
        for path in paths:
            for item in iter_documents(path, date=settings.date, lang=default_lang,
                                       on_bytes=(lambda n: bar.advance(task, n)) if show else None,
                                       max_chars=settings.max_doc_chars):
                yield path, item

    def new_documents():
        """Documents not stored yet, in input order; input errors are reported on the way. The input is
        read CHECK_BATCH items ahead, to ask the store about a batch of ids at once."""
        for batch in chunks(read(), CHECK_BATCH):
            known = store.stored_ids([item.id for _p, item in batch if not isinstance(item, InputError)])
            for path, item in batch:
                if isinstance(item, InputError):
                    skip(getattr(item, "where", path), str(item))
                    continue
                if item.language:
                    item.language = item.language.strip().lower()[:2] or None
                if item.id in known:
                    report.duplicates += 1
                    status()
                    continue
                for w in item.warnings:
                    if is_truncation_warning(w):
                        say(f"konflikt: {item.origin}: warning: {w}")
                yield item

    pending: list[tuple] = []

    def flush() -> None:
        """Store the coded documents waiting, in one transaction."""
        if not pending:
            return
        stored = store.add_documents([(d, evs, None) for d, evs in pending], node_for=node_for)
        for (d, evs), ok in zip(pending, stored, strict=True):
            if ok:
                report.coded += 1
                report.events += len(evs)
                if verbose:
                    say(f"konflikt: stored {d.id} {d.origin} ({len(evs)} events)")
            else:
                report.duplicates += 1
        pending.clear()
        status()

    total = _total_bytes(paths) if show else None
    with bar:
        task = bar.add_task("ingest", total=total, status="")
        try:
            for doc, events, exc in code_stream(new_documents(), settings, workers, coder=coder):
                if exc is not None:
                    if debug:
                        raise exc
                    if (invalid := as_invalid_data_file(exc)) is not None:
                        raise invalid from None  # every document would fail the same way: stop, in one line
                    skip(doc.origin, _reason(exc))
                    status()
                    continue
                pending.append((doc, events))
                if len(pending) >= STORE_BATCH:
                    flush()
            flush()
        except KeyboardInterrupt:
            report.interrupted = True
            flush()  # the documents already coded
    store.log_ingest(run_id, report.skipped, report.summary())
    return report

