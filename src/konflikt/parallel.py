"""Coding a stream of documents on all cores, output in input order (`konflikt code`, `konflikt ingest`).

`code_stream(items, settings, workers)` yields `(item, events, error)` for each item in input order: a
`Document` is coded (events, or None and the exception), anything else (an input error to report in its
place) passes through as `(item, None, None)`. With `workers` > 1 the documents go, in chunks, to that many
spawned processes, each holding one `Coder` (models load once per process); at most two chunks per worker
are in flight, so memory stays flat on any corpus. Inputs too small to fill two chunks are coded in this
process (no start-up cost for a single article). `default_workers()` is the number of usable cores.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from konflikt.config import Settings
from konflikt.records import Document

__all__ = ["code_stream", "default_workers", "chunks"]

CHUNK = 16
_CODER = None


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of `size` items (the last may be shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _init(settings: Settings) -> None:
    global _CODER
    from konflikt.pipeline import Coder

    _CODER = Coder(settings)


def _code_chunk(coder, docs: list[Document]) -> list[tuple[list | None, BaseException | None]]:
    return [(events, _portable(exc)) for _doc, events, exc in coder.code_documents(docs, batch=len(docs) or 1)]


def _work(docs: list[Document]):
    return _code_chunk(_CODER, docs)


def _portable(exc: BaseException | None) -> BaseException | None:
    """The exception itself if it survives pickling, else a RuntimeError naming it."""
    if exc is None:
        return None
    from konflikt.pipeline import as_invalid_data_file

    if (invalid := as_invalid_data_file(exc)) is not None:  # a loader's error names its file in one line
        return invalid
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _merge(chunk: list, results: list) -> Iterator[tuple]:
    res = iter(results)
    for item in chunk:
        if isinstance(item, Document):
            events, exc = next(res)
            yield item, events, exc
        else:
            yield item, None, None


def code_stream(items: Iterable, settings: Settings, workers: int = 1, coder=None,
                chunk: int = CHUNK) -> Iterator[tuple]:
    """(item, events | None, error | None) per item, in input order; see the module docstring."""
    stream = chunks(items, chunk)
    head = list(islice(stream, 2))
    if workers <= 1 or len(head) < 2:
        from konflikt.pipeline import Coder

        coder = coder or Coder(settings)
        for part in chain(head, stream):
            yield from _merge(part, _code_chunk(coder, [d for d in part if isinstance(d, Document)]))
        return
    import multiprocessing as mp

    with mp.get_context("spawn").Pool(workers, _init, (settings,)) as pool:
        pending: deque = deque()
        for part in chain(head, stream):
            pending.append((part, pool.apply_async(_work, ([d for d in part if isinstance(d, Document)],))))
            while len(pending) > 2 * workers:
                done, res = pending.popleft()
                yield from _merge(done, res.get())
        while pending:
            done, res = pending.popleft()
            yield from _merge(done, res.get())
