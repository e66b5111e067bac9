"""End-to-end throughput of the coding pipeline (issue #8): raw text -> stored events in DuckDB.

    .venv/bin/python bench/throughput.py [--sizes 1,4,16] [--lang sv|en|both] [--workers N] [--base 50]

The corpus is real news-like text the project may use: Swedish, the sentences of the 2012 web-news NER
corpus (../shared/data/ner/sv, one token per line, blank line between sentences); English, the sentences
of UD English-EWT (`# text =` lines). Consecutive sentences are grouped into articles of 20 sentences in
paragraphs of 4; size 1x is `--base` articles. When a size needs more sentences than the source has,
further articles are drawn from a seeded shuffle of the sentences (every article text stays distinct,
so the store does not deduplicate any; individual sentences then recur).

For each language and size it measures, in one run:
  * bare spaCy: `nlp.pipe` over the same paragraphs (one call, the parse floor);
  * 1 worker: `Coder.code_document` + `Store.add_document` in this process, with per-stage timings;
  * N workers: `konflikt.corpus.ingest(..., workers=N)` (the `konflikt ingest --workers N` path: spawned
    worker processes, each loading its own pipelines -- that start-up is included) on the articles
    written as text files;
and prints sentences/s, articles/s, stage shares, the ratio to bare spaCy, peak RSS, and the
linearity time(16x) / (16 * time(1x)). The markdown table goes to stdout and bench/results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from konflikt.config import Settings
from konflikt.corpus import ingest, node_function
from konflikt.ingest import doc_id_for, normalise_text
from konflikt.pipeline import Coder, _pieces
from konflikt.records import Document
from konflikt.store import Store

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
PER_ARTICLE, PER_PARAGRAPH = 20, 4
PUB_DATE = "2012-06-15"
STAGES = ("language", "parse", "actors", "events", "dates_places", "store")
# the targets of issue #8
TARGET_SENT_S = {"sv": 1000, "en": 600}
TARGET_RSS_MB = 1536
TARGET_LINEAR = 1.20
WARMUP = {"sv": "Ryssland attackerade Ukraina i Kiev i tisdags. Turkiet fördömde attacken i Ankara.",
          "en": "Russia attacked Ukraine in Kyiv on Tuesday. Turkey condemned the attack in Ankara."}


def _detok(tokens: list[str]) -> str:
    s = " ".join(tokens)
    s = re.sub(r" ([,.:;!?%)\]»”])", r"\1", s)
    s = re.sub(r"([(\[«“]) ", r"\1", s)
    return s


def swedish_sentences() -> list[str]:
    out: list[str] = []
    for name in ("train_corpus.txt", "test_corpus.txt"):
        toks: list[str] = []
        for line in (DATA / "ner" / "sv" / name).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if not parts:
                if len(toks) >= 3:
                    out.append(_detok(toks))
                toks = []
            else:
                toks.append(parts[0])
        if len(toks) >= 3:
            out.append(_detok(toks))
    return out


def english_sentences() -> list[str]:
    out: list[str] = []
    for name in ("en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"):
        for line in (DATA / "ud" / "en" / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("# text ="):
                text = line[len("# text ="):].strip()
                if len(text.split()) >= 3:
                    out.append(text)
    return out


def articles(sents: list[str], n: int, lang: str) -> tuple[list[Document], int]:
    """`n` distinct articles of PER_ARTICLE sentences; also how many source sentences recur."""
    pool = list(sents)
    rng = random.Random(8)
    while len(pool) < n * PER_ARTICLE:
        extra = list(sents)
        rng.shuffle(extra)
        pool.extend(extra)
    docs, seen = [], set()
    i = 0
    while len(docs) < n:
        chunk = pool[i: i + PER_ARTICLE]
        i += PER_ARTICLE
        if len(chunk) < PER_ARTICLE:  # ran out: top up with another shuffle
            extra = list(sents)
            rng.shuffle(extra)
            pool.extend(extra)
            i -= PER_ARTICLE
            continue
        paras = [" ".join(chunk[j: j + PER_PARAGRAPH]) for j in range(0, PER_ARTICLE, PER_PARAGRAPH)]
        text = normalise_text("\n\n".join(paras) + "\n")
        did = doc_id_for(text)
        if did in seen:
            continue
        seen.add(did)
        docs.append(Document(id=did, text=text, source=f"bench-{lang}-{len(docs):05d}.txt", date=PUB_DATE,
                             language=lang))
    return docs, max(0, n * PER_ARTICLE - len(sents))


def bare_spacy(coder: Coder, lang: str, docs: list[Document]) -> float:
    nlp = coder.resources(lang).nlp
    paras = [d.text[s:e] for d in docs for s, e in _pieces(d.text, coder.settings.max_sentence_chars)]
    t0 = time.perf_counter()
    for _ in nlp.pipe(paras):
        pass
    return time.perf_counter() - t0


def serial(coder: Coder, docs: list[Document], tmp: Path) -> tuple[float, dict[str, float], int]:
    timings: dict[str, float] = {}
    n_events = 0
    node_for = node_function(coder.kb)
    with Store(tmp / "serial.duckdb") as store:
        t0 = time.perf_counter()
        for doc in docs:
            evs = coder.code_document(doc, timings=timings)
            ts = time.perf_counter()
            assert store.add_document(doc, evs, node_for=node_for)
            timings["store"] = timings.get("store", 0.0) + time.perf_counter() - ts
            n_events += len(evs)
        total = time.perf_counter() - t0
    return total, timings, n_events


def parallel(docs: list[Document], lang: str, workers: int, tmp: Path) -> tuple[float, int]:
    src = tmp / "articles"
    src.mkdir()
    for i, d in enumerate(docs):
        (src / f"{i:05d}.txt").write_text(d.text, encoding="utf-8")
    settings = Settings(lang=lang, date=PUB_DATE, workers=workers)
    with Store(tmp / "parallel.duckdb") as store:
        t0 = time.perf_counter()
        report = ingest([str(src)], store, settings, progress=False, workers=workers)
        total = time.perf_counter() - t0
    if report.coded != len(docs):
        print(f"warning: {lang}: {report.coded} of {len(docs)} articles coded ({report.summary()})",
              file=sys.stderr)
    return total, report.events


def rss_mb() -> tuple[float, float]:
    """Peak RSS (MB) of this process and of the largest waited-for child process (Linux: KB units)."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1,4,16", help="corpus sizes, multiples of --base (default 1,4,16)")
    ap.add_argument("--lang", choices=("sv", "en", "both"), default="both")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes for the parallel run")
    ap.add_argument("--base", type=int, default=50, help="articles at size 1x (default 50)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results.md"))
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    langs = ["sv", "en"] if args.lang == "both" else [args.lang]
    rows, stage_rows, linear, rss_rows, notes = [], [], [], [], []
    for lang in langs:
        sents = swedish_sentences() if lang == "sv" else english_sentences()
        coder = Coder(Settings(lang=lang, date=PUB_DATE))
        warm_text = WARMUP[lang] + "\n\n" + " ".join(sents[-PER_ARTICLE:])  # triggers the lazy loads
        warm = Document(id="warmup", text=warm_text, source="warmup", date=PUB_DATE, language=lang)
        coder.code_document(warm)  # load the pipeline, KB, matcher, lexicon outside the timings
        times: dict[int, tuple[float, float | None]] = {}
        for size in sizes:
            docs, recur = articles(sents, args.base * size, lang)
            n_sent = len(docs) * PER_ARTICLE
            if recur:
                notes.append(f"{lang} {size}x: the source has {len(sents)} sentences, so {recur} sentence "
                             "slots are refilled from a shuffle (articles still all distinct)")
            with tempfile.TemporaryDirectory(prefix="konflikt-bench-") as tmpd:
                tmp = Path(tmpd)
                t_bare = bare_spacy(coder, lang, docs)
                t_ser, timings, n_ev = serial(coder, docs, tmp)
                t_par, n_ev_par = parallel(docs, lang, args.workers, tmp) if args.workers > 1 else (None, None)
            times[size] = (t_ser, t_par)
            rows.append((lang, f"{size}x", len(docs), n_sent, n_ev, t_bare, t_ser, t_par))
            tot = sum(timings.get(s, 0.0) for s in STAGES)
            stage_rows.append((lang, f"{size}x", [timings.get(s, 0.0) / tot for s in STAGES]))
            print(f"[{lang} {size}x] {len(docs)} articles, {n_sent} sentences, {n_ev} events: bare spaCy "
                  f"{t_bare:.1f}s, 1 worker {t_ser:.1f}s ({n_sent / t_ser:.0f} sent/s)"
                  + (f", {args.workers} workers {t_par:.1f}s ({n_sent / t_par:.0f} sent/s, {n_ev_par} events)"
                     if t_par else ""), flush=True)
        if 1 in times and max(sizes) > 1:
            big = max(sizes)
            lin_s = times[big][0] / (big * times[1][0])
            lin_p = times[big][1] / (big * times[1][1]) if times[big][1] else None
            linear.append((lang, big, lin_s, lin_p))
        rss_rows.append((lang, *rss_mb()))
        del coder

    w = args.workers
    lines = ["| lang | size | articles | sentences | events | bare spaCy s | 1 worker s | 1w sent/s | 1w art/s "
             f"| {w} workers s | {w}w sent/s | {w}w art/s | 1w / bare spaCy |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for lang, size, n_art, n_sent, n_ev, t_bare, t_ser, t_par in rows:
        par = (f"{t_par:.1f} | {n_sent / t_par:.0f} | {n_art / t_par:.1f}" if t_par else "– | – | –")
        lines.append(f"| {lang} | {size} | {n_art} | {n_sent} | {n_ev} | {t_bare:.1f} | {t_ser:.1f} | "
                     f"{n_sent / t_ser:.0f} | {n_art / t_ser:.1f} | {par} | {t_ser / t_bare:.1f}× |")
    lines += ["", "Share of the 1-worker time per stage:", "",
              "| lang | size | " + " | ".join(STAGES) + " |", "|---|---|" + "---:|" * len(STAGES)]
    for lang, size, shares in stage_rows:
        lines.append(f"| {lang} | {size} | " + " | ".join(f"{x:.0%}" for x in shares) + " |")
    if linear:
        lines += ["", f"Linearity, time({max(sizes)}x) / ({max(sizes)} · time(1x)) (target ≤ {TARGET_LINEAR:.2f}):",
                  "", "| lang | 1 worker | " + f"{w} workers |", "|---|---:|---:|"]
        for lang, _big, lin_s, lin_p in linear:
            lines.append(f"| {lang} | {lin_s:.2f} | " + (f"{lin_p:.2f}" if lin_p else "–") + " |")
    lines += ["", "Peak RSS (MB, cumulative over the run up to the end of that language): this process "
              "(1-worker coder + store + bare spaCy) / the largest single worker process:", ""]
    for lang, own, child in rss_rows:
        lines.append(f"- after {lang}: {own:.0f} MB / {child:.0f} MB")
    for n in notes:
        lines.append(f"- note: {n}")
    table = "\n".join(lines)
    info = (f"Machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}; run {dt.datetime.now():%Y-%m-%d %H:%M}; "
            f"command: `{' '.join(['.venv/bin/python', 'bench/throughput.py', *sys.argv[1:]])}`; "
            f"base {args.base} articles of {PER_ARTICLE} sentences.")
    print()
    print(table)
    print()
    print(info)
    Path(args.out).write_text(f"# Throughput (bench/throughput.py)\n\n{info}\n\n{table}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
