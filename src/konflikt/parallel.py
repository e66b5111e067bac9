"""Coding a stream of documents on all cores, output in input order (`konflikt code`, `konflikt ingest`).

`code_stream(items, settings, workers)` yields `(item, events, error)` for each item in input order: a
`Document` is coded (events, or None and the exception), anything else (an input error to report in its
place) passes through as `(item, None, None)`. With `workers` > 1 the documents go, in chunks, to that many
worker processes (forked from a fork server that has imported the pipeline's modules; spawned where there
is none), each holding one `Coder` (models load once per process); at most two chunks per worker
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

__all__ = ["code_stream", "default_workers", "chunks", "prestart"]

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


PRELOAD = ("konflikt.pipeline",)
"""Modules a fork server imports once, before it forks the worker processes (they start with them loaded)."""


def _context():
    """The start method for worker processes: a fork server that has imported `PRELOAD` where the platform
    has one (workers start in a fraction of a second and share those pages), else spawn. Never a plain fork
    of this process: it may hold threads (the store's, the progress bar's) that a fork would copy mid-work."""
    import multiprocessing as mp

    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(list(PRELOAD))
        return ctx
    return mp.get_context("spawn")


PRESTART_BYTES = 64_000


def prestart(workers: int, paths: Iterable[str]) -> bool:
    """Start the fork server now, so that it imports `PRELOAD` while this process goes on loading and
    reading, when the input will go to worker processes: `workers` > 1 and `paths` (files, directories; not
    standard input) hold at least two chunks of files or `PRESTART_BYTES`. Whether it was started."""
    if workers <= 1 or not _big_enough(paths):
        return False
    ctx = _context()
    if ctx.get_start_method() != "forkserver":
        return False
    from multiprocessing import forkserver

    forkserver.ensure_running()
    return True


def _big_enough(paths: Iterable[str]) -> bool:
    # a rough count by os.walk, not `konflikt.ingest.formats.iter_paths`: importing the readers takes 0.25 s,
    # which is what starting the fork server first is meant to overlap
    files = size = 0
    for p in paths:
        if p == "-" or "://" in p:
            continue
        for root, _dirs, names in os.walk(p) if os.path.isdir(p) else [("", [], [p])]:
            for name in names:
                try:
                    size += os.path.getsize(os.path.join(root, name))
                except OSError:
                    continue
                files += 1
                if files >= 2 * CHUNK or size >= PRESTART_BYTES:
                    return True
    return False


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
    with _context().Pool(workers, _init, (settings,)) as pool:
        pending: deque = deque()
        for part in chain(head, stream):
            pending.append((part, pool.apply_async(_work, ([d for d in part if isinstance(d, Document)],))))
            while len(pending) > 2 * workers:
                done, res = pending.popleft()
                yield from _merge(done, res.get())
        while pending:
            done, res = pending.popleft()
            yield from _merge(done, res.get())
