"""A generated corpus of 240 documents (bench/make_corpus.py): ingest with a progress bar, then the
exports open in pandas, DuckDB and networkx, and the network recovers the planted coalitions."""

from __future__ import annotations

import importlib.util
import io
import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from konflikt.cli import app
from konflikt.nlp import model_path
from konflikt.store import Store

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _generator():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    gen = _generator()
    tmp = tmp_path_factory.mktemp("corpus")
    langs = ("sv", "en") if (model_path("en") / "config.cfg").exists() else ("sv",)
    manifest = gen.make_corpus(tmp / "src", docs=240, seed=5, langs=langs)
    db = tmp / "k.duckdb"
    t0 = time.perf_counter()
    r = runner.invoke(app, ["ingest", str(tmp / "src"), "--db", str(db), "--date", "2020-01-01", "--progress"])
    seconds = time.perf_counter() - t0
    return {"tmp": tmp, "db": db, "manifest": manifest, "result": r, "seconds": seconds, "langs": langs,
            "gen": gen}


def _cli(*args):
    r = runner.invoke(app, [str(a) for a in args])
    assert r.exit_code == 0, r.output
    return r


def test_ingest_240_documents(corpus):
    r = corpus["result"]
    assert r.exit_code == 0, r.stderr[-2000:]
    assert corpus["manifest"]["documents"] == 240
    assert "240 document(s) coded" in r.stderr and "1 already stored" in r.stderr   # duplicate.txt
    assert "ingest" in r.stderr and "100%" in r.stderr                                # the progress bar
    with Store(corpus["db"], read_only=True) as st:
        assert st.check() == []
        c = st.counts()
        assert c["documents"] == 240
        # most template sentences are coded (filler and tag lines are not events)
        assert c["events"] >= 0.7 * corpus["manifest"]["expected_events"]
        assert c["happenings"] < c["events"]
    print(f"\ningest: 240 documents in {corpus['seconds']:.1f} s ({240 / corpus['seconds']:.1f} docs/s), "
          f"{c['events']} events, {c['happenings']} happenings")


def test_exports_open_in_pandas_duckdb_networkx(corpus):
    import duckdb
    import networkx as nx
    import pandas as pd

    db, tmp = corpus["db"], corpus["tmp"]
    n = _cli("events", "--db", db).stdout.count("\n")
    df = pd.read_csv(io.StringIO(_cli("events", "--db", db, "--format", "csv").stdout))
    assert len(df) == n and df["Event ID"].is_unique
    _cli("events", "--db", db, "--format", "parquet", "--out", tmp / "e.parquet")
    pq = pd.read_parquet(tmp / "e.parquet")
    assert len(pq) == n and list(pq.columns) == list(df.columns)
    con = duckdb.connect()
    by_type = dict(con.execute(f"SELECT \"Event Type\", count(*) FROM read_parquet('{tmp / 'e.parquet'}') "
                               "GROUP BY 1").fetchall())
    assert by_type == df["Event Type"].value_counts().to_dict()
    _cli("events", "--db", db, "--dedup", "--format", "parquet", "--out", tmp / "h.parquet")
    hp = pd.read_parquet(tmp / "h.parquet")
    assert hp["Num Mentions"].sum() == n and (hp["Num Sources"] >= 2).any()

    data = json.loads(_cli("network", "--db", db, "--format", "json").stdout)
    _cli("network", "--db", db, "--format", "graphml", "--out", tmp / "n.graphml")
    g = nx.read_graphml(tmp / "n.graphml")
    assert set(g.nodes) == {x["id"] for x in data["nodes"]}
    assert {(e["actor"], e["recipient"]) for e in data["edges"]} == set(g.edges)
    for e in data["edges"]:
        assert g.edges[e["actor"], e["recipient"]]["kind"] == e["kind"]
        assert g.edges[e["actor"], e["recipient"]]["events"] == e["events"]
    _cli("network", "--db", db, "--format", "gexf", "--out", tmp / "n.gexf")
    assert nx.read_gexf(tmp / "n.gexf").number_of_edges() == len(data["edges"])


def test_network_recovers_planted_coalitions(corpus):
    data = json.loads(_cli("network", "--db", corpus["db"], "--format", "json").stdout)
    side = {}
    for scen, camps in corpus["gen"].SCENARIOS.items():
        for i, camp in enumerate(camps):
            for actor in camp:
                side[actor] = (scen, i)
    judged = [e for e in data["edges"] if e["actor"] in side and e["recipient"] in side]
    assert len(judged) >= 0.8 * len(data["edges"]) and len(judged) >= 20
    right = sum((side[e["actor"]] == side[e["recipient"]]) == (e["kind"] == "cooperative") for e in judged)
    assert right / len(judged) >= 0.9
    # camps: pairs of planted actors put together iff they are planted together
    camp_of = {m: i for i, c in enumerate(data["camps"]) for m in c}
    pairs = [(a, b) for a in camp_of for b in camp_of if a < b and a in side and b in side]
    agree = sum((camp_of[a] == camp_of[b]) == (side[a] == side[b]) for a, b in pairs)
    assert pairs and agree / len(pairs) >= 0.9
