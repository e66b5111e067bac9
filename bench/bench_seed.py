"""Coding speed on the seed article repeated N times (default 20): one Coder, models loaded before timing.

    .venv/bin/python bench/bench_seed.py [--n 20] [--repeat 3] [--without-timeplace] [--compare]

Prints wall-clock and CPU (process) seconds per run, best of --repeat runs, and documents/second.
CPU time is the fairer number on a shared machine (other jobs inflate wall-clock time).
`--without-timeplace` replaces the date and place stages by no-ops (the "before" number at the same commit);
`--compare` runs both, interleaved, and prints the slowdown the two stages cost; `--cold` clears the stages'
string caches (dateparser results, folded names) before every document, as if every document were new.
"""

from __future__ import annotations

import argparse
import importlib
import time
from pathlib import Path

from konflikt.config import Settings
from konflikt.ingest import doc_id_for
from konflikt.pipeline import Coder
from konflikt.records import Document

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_55b182ca055ce355.txt"


class _NoTimePlace:
    """Context manager: the date and place stages become no-ops (events keep the publication date)."""

    def __enter__(self):
        from konflikt import dates, places

        self.saved = (dates.annotate, places.annotate, places.document_context)
        dates.annotate = lambda events, *a, **k: events
        places.annotate = lambda events, *a, **k: events
        places.document_context = lambda text: None
        return self

    def __exit__(self, *exc):
        from konflikt import dates, places

        dates.annotate, places.annotate, places.document_context = self.saved


def clear_caches() -> None:
    """Forget the per-string caches of the date and place stages (as if every document were new)."""
    resolve = importlib.import_module("konflikt.dates.resolve")  # the module, not the re-exported function
    data = importlib.import_module("konflikt.places.data")
    gazetteer = importlib.import_module("konflikt.places.gazetteer")
    context = importlib.import_module("konflikt.places.context")
    for fn in (resolve._dateparser, data.name_key, gazetteer._places, context._fold):
        fn.cache_clear()


def run(coder: Coder, doc: Document, n: int, cold: bool = False) -> tuple[float, float, int]:
    w0, c0 = time.perf_counter(), time.process_time()
    n_events = 0
    for _ in range(n):
        if cold:
            clear_caches()
        n_events = len(coder.code_document(doc))
    return time.perf_counter() - w0, time.process_time() - c0, n_events


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--path", type=Path, default=SEED)
    ap.add_argument("--without-timeplace", action="store_true")
    ap.add_argument("--compare", action="store_true")
    ap.add_argument("--cold", action="store_true", help="clear the string caches before every document")
    args = ap.parse_args()
    text = args.path.read_text(encoding="utf-8")
    coder = Coder(Settings(lang="sv", date="2019-12-27"))
    doc = Document(id=doc_id_for(text), text=text, source=str(args.path), date="2019-12-27", language="sv")
    coder.code_document(doc)  # warm-up: load models and data files
    modes = ["without", "with"] if args.compare else ["without" if args.without_timeplace else "with"]
    results: dict[str, list[tuple[float, float, int]]] = {m: [] for m in modes}
    for _ in range(args.repeat):
        for mode in modes:
            if mode == "without":
                with _NoTimePlace():
                    results[mode].append(run(coder, doc, args.n))
            else:
                results[mode].append(run(coder, doc, args.n, args.cold))
    for mode in modes:
        wall = min(r[0] for r in results[mode])
        cpu = min(r[1] for r in results[mode])
        print(f"seed x{args.n} {mode} dates/places: wall {wall:.2f}s  cpu {cpu:.2f}s  (best of {args.repeat}); "
              f"{results[mode][-1][2]} events/doc; {args.n / wall:.1f} docs/s")
    if args.compare:
        before = min(r[1] for r in results["without"])
        after = min(r[1] for r in results["with"])
        print(f"slowdown (cpu): {100 * (after / before - 1):+.1f}%")


if __name__ == "__main__":
    main()
