"""End-to-end throughput of the coding pipeline (issue #8): raw text -> stored events in DuckDB.

    .venv/bin/python bench/throughput.py [--sizes 1,4,16] [--lang sv|en|nb|both] [--workers N] [--base 50]

The corpus is real news-like text the project may use: Swedish, the sentences of the 2012 web-news NER
corpus (../shared/data/ner/sv, one token per line, blank line between sentences); English, the sentences
of UD English-EWT (`# text =` lines). Consecutive sentences are grouped into articles of 20 sentences in
paragraphs of 4; size 1x is `--base` articles. When a size needs more sentences than the source has,
further articles are drawn from a seeded shuffle of the sentences (every article text stays distinct,
so the store does not deduplicate any; individual sentences then recur).

For each language and size it measures, in one run:
  * bare spaCy: `nlp.pipe` over all paragraphs of the corpus (one call, every paragraph parsed);
  * 1 worker: `Coder.code_documents` (the fast path: trigger gate, `nlp.pipe` across documents) +
    `Store.add_document` in this process, with per-stage timings (tokenise, parse, actors, events,
    dates_places, store; tokenise is timed apart on the paragraphs the gate lets through); a run under 10 s
    is repeated `--repeat` times, each repeat in a fresh process, and the median taken;
  * 1 worker without the prefilter (`--compare-off`, at the first size only): what the gate saves;
  * N workers: `konflikt ingest DIR --workers N` run as its own process, `--repeat` times (the median is
    reported), on the articles written as text files (read, coded in N worker processes, stored in input
    order), end to end, with the peak RSS of its process tree; its start-up (imports, starting the workers,
    loading their models) is measured apart on a tiny corpus and also reported subtracted ("steady");
and prints sentences/s, articles/s, stage shares, the ratio to bare spaCy, what the gate let through,
peak RSS, and the linearity time(16x) / (16 * time(1x)). The markdown goes to stdout and bench/results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from konflikt.config import SCORER_CHOICES, Settings
from konflikt.corpus import STORE_BATCH, node_function
from konflikt.ingest import doc_id_for, normalise_text
from konflikt.parallel import CHUNK, default_workers
from konflikt.pipeline import Coder, _pieces
from konflikt.records import Document
from konflikt.store import Store

ROOT = Path(__file__).resolve().parent.parent
DATA = next((d for d in (ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data") if d.is_dir()),
            ROOT.parent / "shared" / "data")  # (a git worktree sits one level deeper)
PER_ARTICLE, PER_PARAGRAPH = 20, 4
PUB_DATE = "2012-06-15"
STAGES = ("language", "tokenise", "parse", "actors", "events", "dates_places", "store")
# the targets of issue #8
TARGET_SENT_S = {"sv": 1000, "en": 600, "nb": 1000}
TARGET_RSS_MB = 1536
TARGET_LINEAR = 1.20
WARMUP = {"sv": "Ryssland attackerade Ukraina i Kiev i tisdags. Turkiet fördömde attacken i Ankara.",
          "en": "Russia attacked Ukraine in Kyiv on Tuesday. Turkey condemned the attack in Ankara.",
          "nb": "Russland angrep Ukraina i Kyiv på tirsdag. Tyrkia fordømte angrepet i Ankara."}


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


def bokmal_sentences() -> list[str]:
    """Bokmål news-like sentences: the UD Norwegian-Bokmaal trees' texts (dev + test, as shipped)."""
    out: list[str] = []
    for path in sorted((DATA / "ud" / "nb").glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text ="):
                text = line[len("# text ="):].strip()
                if len(text.split()) >= 3:
                    out.append(text)
    return out


def sentences(lang: str) -> list[str]:
    return {"sv": swedish_sentences, "en": english_sentences, "nb": bokmal_sentences}[lang]()


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
    """Seconds for the trained pipeline alone over every paragraph of `docs`."""
    nlp = coder.resources(lang).nlp
    paras = [d.text[s:e] for d in docs for s, e in _pieces(d.text, coder.settings.max_sentence_chars)]
    t0 = time.perf_counter()
    for _ in nlp.pipe(paras):
        pass
    return time.perf_counter() - t0


def gate_stats(coder: Coder, lang: str, docs: list[Document]) -> tuple[int, int, float]:
    """(characters of the paragraphs, characters the gate sends to the parser, seconds to tokenise those)."""
    nlp = coder.resources(lang).nlp
    plans = [coder.plan(d) for d in docs]
    texts = [t for p in plans for t in p.parse_texts()]
    t0 = time.perf_counter()
    for t in texts:
        nlp.make_doc(t)
    total = sum(e - s for d in docs for s, e in _pieces(d.text, coder.settings.max_sentence_chars))
    return total, sum(len(t) for t in texts), time.perf_counter() - t0


SHORT_RUN = 10.0
"""A 1-worker run shorter than this (seconds) is repeated `--repeat` times and the median taken (the stage
shares are those of the first run). The repeats run in fresh processes: coding the same articles again in
one process would find its per-word memos warm and be faster than a first reading."""


def serial_fresh(lang: str, n_articles: int, scorer: str = "auto") -> float:
    """Seconds of `serial` on the first `n_articles` articles, in a fresh process (models loaded and warmed on
    the warm-up text first, as in this one)."""
    out = subprocess.run([sys.executable, __file__, "--serial-once", lang, str(n_articles), scorer], check=True,
                         capture_output=True, text=True).stdout
    return float(out.split()[-1])


def _serial_once(lang: str, n_articles: int, scorer: str = "auto") -> None:
    sents = sentences(lang)
    coder = _warm_coder(lang, sents, scorer=scorer)
    docs, _ = articles(sents, n_articles, lang)
    bare_spacy(coder, lang, docs)  # as in `main`: the same words already in the vocabulary
    with tempfile.TemporaryDirectory(prefix="konflikt-bench-") as tmpd:
        print(f"{serial(coder, docs, Path(tmpd))[0]:.4f}")


def _warm_coder(lang: str, sents: list[str], **settings) -> Coder:
    """A coder whose models, knowledge base, matcher and lexicon are loaded (outside any timing)."""
    coder = Coder(Settings(lang=lang, date=PUB_DATE, **settings))
    warm_text = WARMUP[lang] + "\n\n" + " ".join(sents[-PER_ARTICLE:])  # triggers the lazy loads
    coder.code_document(Document(id="warmup", text=warm_text, source="warmup", date=PUB_DATE, language=lang))
    return coder


def serial(coder: Coder, docs: list[Document], tmp: Path, name: str = "serial") -> tuple[float, dict, int]:
    """Seconds, stage timings and events for coding and storing `docs` in this process (stored
    `STORE_BATCH` documents per transaction, as `konflikt ingest` does)."""
    timings: dict[str, float] = {}
    n_events = 0
    node_for = node_function(coder.kb)
    pending: list[tuple] = []

    def flush() -> None:
        ts = time.perf_counter()
        assert all(store.add_documents(pending, node_for=node_for))
        timings["store"] = timings.get("store", 0.0) + time.perf_counter() - ts
        pending.clear()

    with Store(tmp / f"{name}.duckdb") as store:
        t0 = time.perf_counter()
        for doc, evs, exc in coder.code_documents(docs, timings=timings):
            if exc is not None:
                raise exc
            pending.append((doc, evs, None))
            n_events += len(evs)
            if len(pending) >= STORE_BATCH:
                flush()
        if pending:
            flush()
        total = time.perf_counter() - t0
    return total, timings, n_events


def _write(docs: list[Document], src: Path) -> Path:
    src.mkdir()
    for i, d in enumerate(docs):
        (src / f"{i:05d}.txt").write_text(d.text, encoding="utf-8")
    return src


def ingest_cli(src: Path, db: Path, lang: str, workers: int, scorer: str = "auto") -> tuple[float, float, float]:
    """Run `konflikt ingest SRC --workers N` as its own process: (seconds, peak RSS MB of the whole process
    tree, peak RSS MB of the largest single process), RSS sampled every 0.2 s."""
    cmd = [sys.executable, "-m", "konflikt.cli", "ingest", str(src), "--db", str(db), "--date", PUB_DATE,
           "--lang", lang, "--workers", str(workers), "--no-progress", "--scorer", scorer]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = peak_one = 0.0
    while proc.poll() is None:
        rss = [_rss_mb(p) for p in _tree(proc.pid)]
        peak_tree, peak_one = max(peak_tree, sum(rss)), max([peak_one, *rss])
        time.sleep(0.2)
    total = time.perf_counter() - t0
    err = proc.stderr.read().decode()
    if proc.returncode != 0:
        print(f"warning: ingest exited {proc.returncode}: {err.strip()[-300:]}", file=sys.stderr)
    return total, peak_tree, peak_one


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except OSError:
            continue
    return out


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def startup(lang: str, workers: int, tmp: Path, repeat: int = 1, scorer: str = "auto") -> float:
    """Median seconds, of `repeat` runs, for `konflikt ingest --workers N` on 33 one-line articles (enough to
    start the worker processes): process start, imports, starting the workers, loading their models."""
    tiny = [Document(id=f"s{i}", text=f"{WARMUP[lang]} ({i})", source="s", date=PUB_DATE, language=lang)
            for i in range(2 * CHUNK + 1)]
    src = _write(tiny, tmp / "startup")
    return statistics.median(ingest_cli(src, tmp / f"startup-{i}.duckdb", lang, workers, scorer)[0]
                             for i in range(repeat))


def parallel(docs: list[Document], lang: str, workers: int, tmp: Path, repeat: int = 1, scorer: str = "auto"
             ) -> tuple[float, int, float, float, list[float]]:
    """`konflikt ingest --workers N` on the articles as text files, `repeat` times into fresh databases: the
    median seconds, events stored, peak RSS MB (process tree, largest process), and every run's seconds."""
    src = _write(docs, tmp / "articles")
    runs, events, tree, one = [], 0, 0.0, 0.0
    for i in range(repeat):
        db = tmp / f"parallel-{i}.duckdb"
        total, t_tree, t_one = ingest_cli(src, db, lang, workers, scorer)
        runs.append(total)
        tree, one = max(tree, t_tree), max(one, t_one)
        with Store(db, read_only=True) as store:
            counts = store.counts()
        if counts["documents"] != len(docs):
            print(f"warning: {lang}: {counts['documents']} of {len(docs)} articles stored", file=sys.stderr)
        events = counts["events"]
    return statistics.median(runs), events, tree, one, runs


def rss_mb() -> tuple[float, float]:
    """Peak RSS (MB) of this process and of the largest waited-for child process (Linux: KB units; a child's
    figure includes the parent pages it had at fork time, so only this process's is reported)."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale)


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover
        return "?"


def main() -> None:
    if sys.argv[1:2] == ["--serial-once"]:  # one cold 1-worker run, for `serial_fresh`
        _serial_once(sys.argv[2], int(sys.argv[3]), *sys.argv[4:5])
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1,4,16", help="corpus sizes, multiples of --base (default 1,4,16)")
    ap.add_argument("--lang", choices=("sv", "en", "nb", "both"), default="both")
    ap.add_argument("--workers", type=int, default=default_workers(), help="processes for the parallel run")
    ap.add_argument("--base", type=int, default=50, help="articles at size 1x (default 50)")
    ap.add_argument("--compare-off", action="store_true", help="also time 1 worker without the prefilter (1st size)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the N-worker ingest per size, and of 1-worker runs "
                    f"under {SHORT_RUN:.0f} s; median reported (default 3; the cores are shared)")
    ap.add_argument("--scorer", choices=SCORER_CHOICES, default="auto",
                    help="the learned scorer (docs/scorer.md)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results.md"))
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    langs = ["sv", "en"] if args.lang == "both" else [args.lang]
    w = args.workers
    rows, stage_rows, linear, rss_rows, notes, gates, starts = [], [], [], [], [], [], {}
    load_start = load_average()
    for lang in langs:
        sents = sentences(lang)
        coder = _warm_coder(lang, sents, scorer=args.scorer)
        off = _warm_coder(lang, sents, prefilter=False) if args.compare_off else None
        peaks = [0.0, 0.0]  # RSS MB: whole `konflikt ingest` process tree, largest process
        with tempfile.TemporaryDirectory(prefix="konflikt-bench-") as tmpd:
            starts[lang] = startup(lang, w, Path(tmpd), args.repeat, args.scorer) if w > 1 else 0.0
        times: dict[int, tuple[float, float | None]] = {}
        for k, size in enumerate(sizes):
            docs, recur = articles(sents, args.base * size, lang)
            n_sent = len(docs) * PER_ARTICLE
            if recur:
                notes.append(f"{lang} {size}x: the source has {len(sents)} sentences, so {recur} sentence "
                             "slots are refilled from a shuffle (articles still all distinct)")
            with tempfile.TemporaryDirectory(prefix="konflikt-bench-") as tmpd:
                tmp = Path(tmpd)
                t_bare = bare_spacy(coder, lang, docs)
                n_par, n_parsed, t_tok = gate_stats(coder, lang, docs)
                t_ser, timings, n_ev = serial(coder, docs, tmp)
                if t_ser < SHORT_RUN and args.repeat > 1:  # a short run is at the mercy of the shared cores
                    ser_runs = [t_ser, *(serial_fresh(lang, args.base * size, args.scorer)
                                         for _ in range(1, args.repeat))]
                    t_ser = statistics.median(ser_runs)
                    notes.append(f"{lang} {size}x: 1 worker, {len(ser_runs)} runs (the later ones each in a fresh "
                                 "process, as cold as the first): " + ", ".join(f"{t:.2f}" for t in ser_runs)
                                 + f" s (median {t_ser:.2f} s)")
                t_off = serial(off, docs, tmp, "off")[0] if off is not None and k == 0 else None
                t_par, n_ev_par, tree, one, runs = (parallel(docs, lang, w, tmp, args.repeat, args.scorer) if w > 1
                                                    else (None, None, 0, 0, []))
                peaks = [max(peaks[0], tree), max(peaks[1], one)]
            if len(runs) > 1:
                notes.append(f"{lang} {size}x: {w} workers, {len(runs)} runs: "
                             + ", ".join(f"{t:.1f}" for t in runs) + f" s (median {t_par:.1f} s, "
                             f"{n_sent / max(runs):.0f}–{n_sent / min(runs):.0f} sent/s)")
            if n_ev_par is not None and n_ev_par != n_ev:
                notes.append(f"{lang} {size}x: {w} workers stored {n_ev_par} events, 1 worker {n_ev}")
            timings["tokenise"] = min(t_tok, timings.get("parse", 0.0))
            timings["parse"] = timings.get("parse", 0.0) - timings["tokenise"]
            times[size] = (t_ser, t_par - starts[lang] if t_par else None)
            rows.append((lang, f"{size}x", len(docs), n_sent, n_ev, t_bare, t_ser, t_off, t_par, starts[lang]))
            gates.append((lang, f"{size}x", n_par, n_parsed))
            tot = sum(timings.get(s, 0.0) for s in STAGES)
            stage_rows.append((lang, f"{size}x", [timings.get(s, 0.0) / tot for s in STAGES]))
            print(f"[{lang} {size}x] {len(docs)} articles, {n_sent} sentences, {n_ev} events: bare spaCy "
                  f"{t_bare:.1f}s, 1 worker {t_ser:.1f}s ({n_sent / t_ser:.0f} sent/s)"
                  + (f", {w} workers {t_par:.1f}s ({n_sent / t_par:.0f} sent/s, {n_ev_par} events)"
                     if t_par else "") + f"; load {load_average()}", flush=True)
        if 1 in times and max(sizes) > 1:
            big = max(sizes)
            lin_s = times[big][0] / (big * times[1][0])
            lin_p = times[big][1] / (big * times[1][1]) if times[big][1] else None
            linear.append((lang, big, lin_s, lin_p))
        rss_rows.append((lang, rss_mb()[0], *peaks))
        del coder, off
    print()
    table = "\n".join(report_lines(rows, stage_rows, linear, rss_rows, notes, gates, w))
    info = (f"Machine: {platform.platform()}, {cpu_name()}, {os.cpu_count()} CPUs, "
            f"{mem_gb():.0f} GB RAM, Python {platform.python_version()}; run {dt.datetime.now():%Y-%m-%d %H:%M}; "
            f"load average (1, 5, 15 min) at start {load_start}, at end {load_average()} (the cores are shared "
            f"with other jobs); command: `{' '.join(['.venv/bin/python', 'bench/throughput.py', *sys.argv[1:]])}`; "
            f"base {args.base} articles of {PER_ARTICLE} sentences.")
    print(table)
    print()
    print(info)
    Path(args.out).write_text(f"# Throughput (bench/throughput.py)\n\n{info}\n\n{table}\n", encoding="utf-8")


def report_lines(rows, stage_rows, linear, rss_rows, notes, gates, w) -> list[str]:
    """The markdown tables."""
    lines = ["| lang | size | articles | sentences | events | bare spaCy s | 1 worker s | 1w sent/s | 1w art/s "
             f"| 1w no prefilter sent/s | {w} workers s | {w}w sent/s | {w}w art/s | {w}w steady sent/s "
             "| 1w / bare spaCy |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for lang, size, n_art, n_sent, n_ev, t_bare, t_ser, t_off, t_par, t_start in rows:
        steady = f"{n_sent / (t_par - t_start):.0f}" if t_par and t_par > t_start else "–"
        par = f"{t_par:.1f} | {n_sent / t_par:.0f} | {n_art / t_par:.1f} | {steady}" if t_par else "– | – | – | –"
        off = f"{n_sent / t_off:.0f}" if t_off else "–"
        lines.append(f"| {lang} | {size} | {n_art} | {n_sent} | {n_ev} | {t_bare:.1f} | {t_ser:.1f} | "
                     f"{n_sent / t_ser:.0f} | {n_art / t_ser:.1f} | {off} | {par} | {t_ser / t_bare:.2f}× |")
    starts = {r[0]: r[9] for r in rows}
    lines += ["", f"{w} workers: end to end, including the start-up of the worker processes (fork server, imports, "
              "models: " + ", ".join(f"{lg} {t:.1f} s" for lg, t in starts.items()) + "); steady = without it.",
              "", "Share of the 1-worker time per stage:", "",
              "| lang | size | " + " | ".join(STAGES) + " |", "|---|---|" + "---:|" * len(STAGES)]
    for lang, size, shares in stage_rows:
        lines.append(f"| {lang} | {size} | " + " | ".join(f"{x:.0%}" for x in shares) + " |")
    lines += ["", "The prefilter (trigger gate, per raw sentence): characters parsed of all characters:", ""]
    lines += [f"- {lang} {size}: {n_parsed:,} of {n_par:,} ({n_parsed / n_par:.0%})"
              for lang, size, n_par, n_parsed in gates]
    if linear:
        big = linear[0][1]
        lines += ["", f"Linearity, time({big}x) / ({big} · time(1x)) (target ≤ {TARGET_LINEAR:.2f}; "
                  f"{w} workers: steady state):", "", f"| lang | 1 worker | {w} workers |", "|---|---:|---:|"]
        for lang, _big, lin_s, lin_p in linear:
            lines.append(f"| {lang} | {lin_s:.2f} | " + (f"{lin_p:.2f}" if lin_p else "–") + " |")
    lines += ["", f"Peak RSS (MB): `konflikt ingest --workers {w}` (sampled every 0.2 s over all sizes: the whole "
              "process tree — main process, which stores, plus the workers — and the largest single process); the "
              "benchmark process itself (1-worker coders with and without the prefilter, store, bare spaCy; "
              "cumulative):", ""]
    for lang, own, tree, one in rss_rows:
        lines.append(f"- {lang}: ingest tree {tree:.0f} MB, largest process {one:.0f} MB; "
                     f"benchmark process {own:.0f} MB")
    for n in notes:
        lines.append(f"- note: {n}")
    lines += targets_lines(rows, linear, rss_rows, w)
    return lines


def targets_lines(rows, linear, rss_rows, w) -> list[str]:
    """Each target of issue #8 with the measured figure and its ratio to the target (>= 1.00 is met; for RSS and
    linearity, lower is better and the ratio is target / measured)."""
    out = ["", f"Targets (issue #8), at the largest size, {w} workers:", "",
           "| lang | measure | measured | target | ratio | met |", "|---|---|---:|---:|---:|---|"]
    for lang in dict.fromkeys(r[0] for r in rows):
        last = [r for r in rows if r[0] == lang][-1]
        _lg, _size, _n_art, n_sent, _n_ev, _bare, t_ser, _off, t_par, t_start = last
        want = TARGET_SENT_S.get(lang)
        figures = [("sent/s end to end", n_sent / t_par if t_par else n_sent / t_ser, want, False)]
        if t_par and t_par > t_start:  # (a corpus under 32 articles is coded in ingest's own process)
            figures.append(("sent/s steady (no start-up)", n_sent / (t_par - t_start), want, False))
        tree = next((r[2] for r in rss_rows if r[0] == lang), 0.0)
        if tree:
            figures.append(("peak RSS MB (ingest tree)", tree, TARGET_RSS_MB, True))
        for lg, _big, lin_s, lin_p in linear:
            if lg == lang:
                figures.append(("linearity 1 worker", lin_s, TARGET_LINEAR, True))
                if lin_p:
                    figures.append((f"linearity {w} workers", lin_p, TARGET_LINEAR, True))
        for name, got, target, lower in figures:
            if target is None:
                continue
            ratio = target / got if lower else got / target
            out.append(f"| {lang} | {name} | {got:,.2f} | {target:,} | {ratio:.2f} | {'yes' if ratio >= 1 else 'no'} |")
    return out


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:  # pragma: no cover
        pass
    return platform.processor() or platform.machine()


def mem_gb() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3
    except (ValueError, OSError):  # pragma: no cover
        return 0.0


if __name__ == "__main__":
    main()
