"""`konflikt code --engine dask` against a real `distributed.LocalCluster` (scheduler and worker
processes): the partitioned Parquet equals the local run (`konflikt ingest` + `konflikt events --format
parquet`) on the same files (issue #8)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from konflikt.cli import app

distributed = pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

DOCS = {
    "a.txt": "Ryssland skickade vapen till LNA.\n\nTurkiet attackerade LNA på måndagen.\n",
    "b.txt": "Egypten fördömde Turkiet.\n\nQatar stödjer GNA.\n",
    "c.txt": "Israel launched air strikes on Gaza. Egypt condemned the strikes.\n",
    "d.txt": "Vädret var fint i Göteborg.\n",
    "sub/e.txt": "Iran backs Hezbollah, the US said on Monday. Israel bombed Hezbollah positions.\n",
    "empty.txt": "",
}


def _rows(table) -> list[dict]:
    return sorted(table.to_pylist(), key=lambda r: r["Event ID"])


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def test_dask_run_equals_the_local_run(tmp_path, cluster):
    src = tmp_path / "in"
    for name, text in DOCS.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text, encoding="utf-8")
    run = CliRunner().invoke
    out = tmp_path / "out"
    r = run(app, ["code", "--engine", "dask", "--scheduler", cluster.scheduler_address, str(src), "--out", str(out),
                  "--date", "2024-03-15", "--partitions", "3"])
    assert r.exit_code == 3, r.output  # the empty file is skipped and named
    assert "empty.txt: skipped" in r.stderr and "5 document(s) coded" in r.stderr
    parts = sorted(out.glob("part-*.parquet"))
    assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    dask_rows = _rows(pq.read_table(out))

    db, local = tmp_path / "local.duckdb", tmp_path / "local.parquet"
    assert run(app, ["ingest", str(src), "--db", str(db), "--date", "2024-03-15", "--no-progress"]).exit_code == 3
    assert run(app, ["events", "--db", str(db), "--format", "parquet", "--out", str(local)]).exit_code == 0
    local_rows = _rows(pq.read_table(local))
    assert len(dask_rows) >= 6
    assert dask_rows == local_rows


def test_dask_needs_scheduler_and_out(tmp_path):
    r = CliRunner().invoke(app, ["code", "--engine", "dask", str(tmp_path)])
    assert r.exit_code == 2 and "--scheduler" in r.stderr
