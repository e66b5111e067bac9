"""Store and network at scale, without the NLP: synthetic events straight into a fresh database.

    python bench/bench_store.py [--docs 20000] [--events-per-doc 5] [--db /tmp/bench.duckdb]

Prints seconds for: storing (one transaction per document), `events` JSONL, POLECAT Parquet
export, happenings (dedup), and building the network with camps.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta
from pathlib import Path

from konflikt.actors.kb import load_kb
from konflikt.corpus import node_function
from konflikt.ingest import doc_id_for
from konflikt.network.export import build
from konflikt.records import Actor, Document, Event
from konflikt.store import Store

ACTORS = ["RUS", "TUR", "ARE", "EGY", "QAT", "lna", "gna", "ISR", "USA", "IRN", "hamas", "hezbollah", "ETH",
          "ERI", "tplf", "UKR", "POL", "DEU", "FRA", "GBR", "CHN", "IND", "PAK", "SAU", "YEM", "houthis", "SYR",
          "IRQ", "AFG", "taliban"]
TYPES = ["AID", "SUPPORT", "AGREE", "ASSAULT", "COERCE", "ACCUSE", "THREATEN"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--events-per-doc", type=int, default=5)
    ap.add_argument("--db", type=Path, default=Path("/tmp/konflikt-bench.duckdb"))
    a = ap.parse_args()
    for suffix in ("", ".wal"):
        Path(str(a.db) + suffix).unlink(missing_ok=True)
    kb = load_kb()
    ents = {i: kb.get(i) for i in ACTORS if kb.get(i) is not None}
    ids = list(ents)
    node_for = node_function(kb)
    rng = random.Random(0)
    start = date(2019, 1, 1)
    t0 = time.perf_counter()
    n_events = 0
    with Store(a.db) as st:
        for d in range(a.docs):
            text = f"Synthetic document {d}."
            doc = Document(id=doc_id_for(text), text=text, source=f"bench:{d}", date=None, language="sv")
            day = (start + timedelta(days=rng.randrange(730))).isoformat()
            evs = []
            for k in range(a.events_per_doc):
                x, y = rng.sample(ids, 2)
                et = rng.choice(TYPES)
                evs.append(Event(
                    id=f"{doc.id}:{k}:0", doc_id=doc.id, sentence_index=k, event_text=text, sentence_span=(0, 5),
                    span=(0, 5), trigger="x", event=et, quad_code=1, intensity=rng.uniform(-9, 9), language="sv",
                    confidence=rng.random(), date=day,
                    actor=[Actor(raw_text=ents[x].name, name=ents[x].name, entity_id=x, country=ents[x].country)],
                    recipient=[Actor(raw_text=ents[y].name, name=ents[y].name, entity_id=y,
                                     country=ents[y].country)]))
            st.add_document(doc, evs, outlet=f"outlet{d % 7}", node_for=node_for)
            n_events += len(evs)
        t_store = time.perf_counter() - t0
        t0 = time.perf_counter()
        n = sum(1 for _ in st.event_records())
        t_jsonl = time.perf_counter() - t0
        t0 = time.perf_counter()
        st.copy_to(*st.polecat_query(), "/tmp/konflikt-bench.parquet", "parquet")
        t_parquet = time.perf_counter() - t0
        t0 = time.perf_counter()
        n_h = sum(1 for _ in st.happenings())
        t_hap = time.perf_counter() - t0
        t0 = time.perf_counter()
        pairs = list(st.network_events())
        t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    net = build([e for _h, e in pairs], kb, happenings={e.id: h for h, e in pairs})
    t_net = time.perf_counter() - t0
    print(f"{a.docs} documents, {n_events} events ({n} read back), {n_h} happenings")
    print(f"store {t_store:.1f} s ({a.docs / t_store:.0f} docs/s) | events jsonl {t_jsonl:.1f} s | "
          f"parquet {t_parquet:.1f} s | happenings {t_hap:.1f} s | network load {t_load:.1f} s + build "
          f"{t_net:.1f} s ({len(net.nodes)} nodes, {len(net.dyads)} dyads, methods {net.partition.methods})")


if __name__ == "__main__":
    main()
