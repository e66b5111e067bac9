"""Crash safety: `konflikt ingest` killed with SIGKILL mid-run leaves a consistent database, and
re-running it completes without duplicates."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time

from konflikt.store import Store

SENTENCES = ["Ryssland skickade vapen till LNA.", "Turkiet attackerade LNA på måndagen.", "Egypten fördömde Turkiet.",
             "Qatar stödjer GNA.", "Israel bombade Hamas.", "Iran skickade vapen till Hizbollah."]


N = 80


def _corpus(d, n=24):
    d.mkdir()
    for i in range(n):
        text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)) + f" Notis nr {i}.\n"
        (d / f"{i:03d}.txt").write_text(text, encoding="utf-8")


def _ingest_cmd(src, db):
    return [sys.executable, "-m", "konflikt.cli", "ingest", str(src), "--db", str(db), "--date", "2020-01-01",
            "--lang", "sv", "-v", "--no-progress"]


def test_kill_9_mid_ingest_then_resume(tmp_path):
    src, db, clean = tmp_path / "src", tmp_path / "k.duckdb", tmp_path / "clean.duckdb"
    _corpus(src, N)  # several store batches after the first, so the kill lands mid-run
    env = dict(os.environ, KONFLIKT_DEBUG_COMMIT_DELAY="0.25")  # long transactions: the kill lands inside one
    proc = subprocess.Popen(_ingest_cmd(src, db), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env)
    stored = 0
    deadline = time.monotonic() + 240
    try:
        while stored < 4 and time.monotonic() < deadline:
            ready, _, _ = select.select([proc.stderr], [], [], 5)
            if not ready:
                assert proc.poll() is None, "ingest ended early"
                continue
            line = proc.stderr.readline().decode()
            assert line, "ingest ended early"
            stored += "konflikt: stored " in line
        time.sleep(0.1)  # inside the next document's transaction (it sleeps 0.25 s before COMMIT)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    # ingest stores documents in batches (one transaction each): count every "stored" line printed before the kill
    stored += sum("konflikt: stored " in line for line in proc.stderr.read().decode().splitlines())
    assert 4 <= stored < N and proc.returncode == -signal.SIGKILL
    assert (tmp_path / "k.duckdb.wal").exists()  # killed with writes not checkpointed

    with Store(db) as st:
        assert st.check() == []
        c = st.counts()
        assert c["documents"] == stored  # exactly the committed documents: what was in flight left nothing
        assert c["events"] == sum(st.document(d)["n_events"] for (d,) in
                                  st.con.execute("SELECT doc_id FROM documents").fetchall())
    # resume: completes, adds nothing twice
    r = subprocess.run(_ingest_cmd(src, db), capture_output=True, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    assert f"{c['documents']} already stored" in r.stderr.decode()
    r2 = subprocess.run(_ingest_cmd(src, clean), capture_output=True, timeout=300)
    assert r2.returncode == 0
    with Store(db, read_only=True) as a, Store(clean, read_only=True) as b:
        assert a.check() == [] and a.counts() == b.counts() and a.counts()["documents"] == N
        assert sorted(a.event_records()) == sorted(b.event_records())
