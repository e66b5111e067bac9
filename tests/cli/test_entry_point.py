"""The bad-input guarantees of issue #6 through the installed `konflikt` command in real processes: the
documented exit status, no traceback on stderr (unless --debug), and bounded memory on a 100 MB file
(its peak resident memory is compared with a run on small files, measured per process with wait4). The
100 MB file comes after more than two chunks of small ones (`konflikt.parallel` reads two chunks ahead),
so that it is read while the models are in memory: a whole-file read then raises the peak, which it would
not if it happened before the models were loaded. These runs use `--workers 1` (the coding in the measured
process).

The command is the console script next to the running Python (`.venv/bin/konflikt`), else
`python -m konflikt`; the package under test is put first on PYTHONPATH so that the child runs the same
sources as this test."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import konflikt
from konflikt.parallel import CHUNK
from konflikt.store import Store

BIG_BYTES = 100 * 2**20
BIG_MAX_DOC_CHARS = 5_000
RSS_MARGIN = 64 * 2**20
"""A 100 MB file read whole would add at least its size (bytes) plus its decoded text; streamed, the run
stays within this of the same command on a few small files."""

GOOD = "Turkiet attackerade LNA på måndagen. Egypten fördömde Turkiet för attacken mot Tripoli.\n"
LATIN1 = "Ryssland skickade vapen till LNA i Benghazi. Sudan fördömde Ryssland för vapnen.\n"
UTF16 = "Qatar stödjer GNA i Tripoli. Förenade Arabemiraten bombade GNA:s styrkor på tisdagen.\n"
PARAGRAPH = ("Turkiet attackerade LNA på måndagen. Egypten fördömde Turkiet för attacken mot Tripoli.\n\n"
             "Ryssland skickade vapen till LNA i Benghazi, uppger källor i staden.\n\n")


def konflikt_cmd() -> list[str]:
    script = Path(sys.executable).with_name("konflikt")
    return [str(script)] if script.exists() else [sys.executable, "-m", "konflikt"]


def child_env() -> dict[str, str]:
    src = str(Path(konflikt.__file__).resolve().parents[1])
    return dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p),
                COLUMNS="200")


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str
    peak_rss: int
    """Peak resident set size of the process, bytes."""

    def err_lines(self) -> list[str]:
        return [ln for ln in self.stderr.splitlines() if ln.strip()]


def run_all(tmp_path: Path, *commands: list[str]) -> list[Done]:
    """Run the commands at the same time (two cores), each to its end; their output and peak memory."""
    started = []
    for i, args in enumerate(commands):
        out, err = tmp_path / f"out{i}", tmp_path / f"err{i}"
        with open(out, "wb") as o, open(err, "wb") as e:
            proc = subprocess.Popen(args, stdout=o, stderr=e, stdin=subprocess.DEVNULL, env=child_env(),
                                    cwd=tmp_path)
        started.append((proc, out, err))
    done = []
    for proc, out, err in started:
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
        done.append(Done(proc.returncode, out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8"),
                         usage.ru_maxrss * scale))
    return done


def no_traceback(d: Done) -> None:
    assert "Traceback" not in d.stderr and "Traceback" not in d.stdout, d.stderr[-3000:]


N_MANY = 2 * CHUNK
"""Small documents read before the 100 MB file."""


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The issue's batch (an empty, a binary, a Latin-1, a UTF-16 and a good UTF-8 file), `N_MANY` small
    documents and a 100 MB file."""
    root = tmp_path_factory.mktemp("inputs")
    many = root / "many"
    many.mkdir()
    for i in range(N_MANY):
        (many / f"n{i:02d}.txt").write_text(GOOD.replace("måndagen", f"dag {i}"), encoding="utf-8")
    batch = root / "batch"
    batch.mkdir()
    (batch / "empty.txt").write_bytes(b"")
    rnd = random.Random(6)
    (batch / "binary.txt").write_bytes(bytes(rnd.randrange(256) for _ in range(8192)) + b"\x00" * 64)
    (batch / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (batch / "utf16.txt").write_bytes(UTF16.encode("utf-16"))
    (batch / "good.txt").write_bytes(GOOD.encode("utf-8"))
    big = root / "big.txt"
    unit = PARAGRAPH.encode("utf-8")
    with open(big, "wb") as f:
        block = unit * (2**20 // len(unit) + 1)
        written = 0
        while written < BIG_BYTES:
            f.write(block)
            written += len(block)
    assert big.stat().st_size >= BIG_BYTES
    return batch, many, big


def _check_batch_stderr(d: Done, batch: Path, summary: bool, extra: bool) -> None:
    """Exit 3; the binary and the empty file named, nothing else but the summary (ingest) and the truncation
    warning of the big file (`extra`)."""
    no_traceback(d)
    assert d.returncode == 3, d.stderr
    err = d.err_lines()
    skipped = sorted(ln for ln in err if ": skipped: " in ln)
    assert skipped == [f"konflikt: {batch / 'binary.txt'}: skipped: binary or undecodable content",
                       f"konflikt: {batch / 'empty.txt'}: skipped: empty document"], err
    assert len(err) == 2 + summary + extra, err


def _check_big_stderr(d: Done, big: Path, base: Done) -> None:
    assert any(ln.startswith(f"konflikt: {big}: warning: document truncated at {BIG_MAX_DOC_CHARS} characters (of ")
               for ln in d.err_lines()), d.stderr
    assert d.peak_rss < base.peak_rss + RSS_MARGIN, ("peak MiB", d.peak_rss // 2**20, base.peak_rss // 2**20)


def test_code_through_the_command(tmp_path, inputs):
    batch, many, big = inputs
    files = [str(d / n) for d in (batch, many) for n in sorted(os.listdir(d))]
    cmd = [*konflikt_cmd(), "code", *files, "--date", "2024-03-15", "--workers", "1"]
    small, large = run_all(tmp_path, cmd, [*cmd, str(big), "--max-doc-chars", str(BIG_MAX_DOC_CHARS)])
    for run in (small, large):
        _check_batch_stderr(run, batch, summary=False, extra=run is large)
    events = [json.loads(ln) for ln in small.stdout.splitlines()]
    assert {"ASSAULT", "AID"} <= {e["event"] for e in events}
    assert len({e["doc_id"] for e in events}) == 3 + N_MANY
    _check_big_stderr(large, big, small)
    known = {e["doc_id"] for e in events}
    events = [json.loads(ln) for ln in large.stdout.splitlines()]
    events = [e for e in events if e["doc_id"] not in known]  # those of the big file
    assert events and all(e["span"][1] <= BIG_MAX_DOC_CHARS for e in events)
    assert all(any(w.startswith(f"document truncated at {BIG_MAX_DOC_CHARS} characters") for w in e["warnings"])
               for e in events)


def test_ingest_through_the_command(tmp_path, inputs):
    batch, many, big = inputs
    cmd = [*konflikt_cmd(), "ingest", str(batch), str(many), "--date", "2024-03-15", "--no-progress",
           "--workers", "1"]
    small, large = run_all(tmp_path, [*cmd, "--db", str(tmp_path / "a.duckdb")],
                           [*cmd, str(big), "--db", str(tmp_path / "b.duckdb"), "--max-doc-chars",
                            str(BIG_MAX_DOC_CHARS)])
    for run in (small, large):
        _check_batch_stderr(run, batch, summary=True, extra=run is large)
    assert small.err_lines()[-1].startswith(f"konflikt: ingest: {3 + N_MANY} document(s) coded")
    assert large.err_lines()[-1].startswith(f"konflikt: ingest: {4 + N_MANY} document(s) coded")
    with Store(tmp_path / "a.duckdb", read_only=True) as st:
        texts = [t for (t,) in st.con.execute("SELECT text FROM documents").fetchall()]
    assert {GOOD, LATIN1, UTF16} <= set(texts) and len(texts) == 3 + N_MANY
    _check_big_stderr(large, big, small)
    with Store(tmp_path / "b.duckdb", read_only=True) as st:
        assert st.check() == []
        n_chars, warnings = st.con.execute("SELECT n_chars, warnings FROM documents WHERE origin = ?",
                                           [str(big)]).fetchone()
        assert n_chars == BIG_MAX_DOC_CHARS
        assert warnings and warnings[0].startswith(f"document truncated at {BIG_MAX_DOC_CHARS} characters (of ")
        assert st.counts()["documents"] == 4 + N_MANY


def test_usage_error_through_the_command(tmp_path):
    d = run_all(tmp_path, [*konflikt_cmd(), "code", "whatever.txt", "--date", "27/12/2019"])[0]
    no_traceback(d)
    assert d.returncode == 2 and d.err_lines() == ["konflikt: --date must be YYYY-MM-DD, got '27/12/2019'"]


FAULT = ("import sys, konflikt.pipeline as p\n"
         "def boom(self, doc):\n"
         "    raise RuntimeError('boom in the coder')\n"
         "p.Coder.plan = boom\n"
         "from konflikt.cli import app\n"
         "sys.argv[0] = 'konflikt'\n"
         "app()\n")


def test_debug_shows_the_traceback(tmp_path, inputs):
    """An unexpected error in the coder (injected): one line and exit 4, or with --debug the traceback."""
    batch, _, _ = inputs
    good = str(batch / "good.txt")
    quiet, loud = run_all(tmp_path, [sys.executable, "-c", FAULT, "code", good],
                          [sys.executable, "-c", FAULT, "code", good, "--debug"])
    no_traceback(quiet)
    assert quiet.returncode == 4
    assert quiet.err_lines() == [f"konflikt: {good}: skipped: internal error (RuntimeError: boom in the coder)"]
    assert loud.returncode == 1
    assert "Traceback" in loud.stderr and "RuntimeError: boom in the coder" in loud.stderr
