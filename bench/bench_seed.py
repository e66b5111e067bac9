"""Coding speed on the seed article repeated N times (default 20): one Coder, models loaded before timing.

    .venv/bin/python bench/bench_seed.py [--n 20] [--repeat 3]

Prints wall-clock and CPU (process) seconds per run, best of --repeat runs, and sentences/second.
CPU time is the fairer number on a shared machine (other jobs inflate wall-clock time).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from konflikt.config import Settings
from konflikt.ingest import doc_id_for
from konflikt.pipeline import Coder
from konflikt.records import Document

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_55b182ca055ce355.txt"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--path", type=Path, default=SEED)
    args = ap.parse_args()
    text = args.path.read_text(encoding="utf-8")
    coder = Coder(Settings(lang="sv", date="2019-12-27"))
    doc = Document(id=doc_id_for(text), text=text, source=str(args.path), date="2019-12-27", language="sv")
    coder.code_document(doc)  # warm-up: load models and data files
    walls, cpus, n_events = [], [], 0
    for _ in range(args.repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        for _ in range(args.n):
            n_events = len(coder.code_document(doc))
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    print(f"seed x{args.n}: wall {min(walls):.2f}s  cpu {min(cpus):.2f}s  (best of {args.repeat}); "
          f"{n_events} events/doc; {args.n / min(walls):.1f} docs/s")


if __name__ == "__main__":
    main()
