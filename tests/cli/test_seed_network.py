"""The reference article through the store: `konflikt ingest` + `konflikt network` vs the gold camps
and relations of ../shared/eval/seed.gold.json; re-ingesting leaves `konflikt events` unchanged."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from konflikt.actors.kb import fold
from konflikt.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def seed_run(shared_dir, tmp_path_factory):
    gold = json.loads((shared_dir / "eval" / "seed.gold.json").read_text(encoding="utf-8"))
    seed = shared_dir / gold["document"]
    db = tmp_path_factory.mktemp("seed") / "k.duckdb"
    r = runner.invoke(app, ["ingest", str(seed), "--db", str(db), "--date", gold["publication_date"]])
    assert r.exit_code == 0, r.output
    events1 = runner.invoke(app, ["events", "--db", str(db)]).stdout
    again = runner.invoke(app, ["ingest", str(seed), "--db", str(db), "--date", gold["publication_date"]])
    events2 = runner.invoke(app, ["events", "--db", str(db)]).stdout
    net = json.loads(runner.invoke(app, ["network", "--db", str(db), "--format", "json"]).stdout)
    # gold entity group of each node, by name or code
    group = {}
    for node in net["nodes"]:
        for gid, ent in gold["entities"].items():
            names = {fold(n) for n in ent.get("names", [])}
            if fold(node["name"]) in names or node["id"] in ent.get("codes", []) or \
                    (ent.get("code_prefix") and node["id"] == ent["code_prefix"]):
                group[node["id"]] = gid
    return {"gold": gold, "net": net, "group": group, "events": (events1, events2), "again": again}


def test_reingest_leaves_events_unchanged(seed_run):
    e1, e2 = seed_run["events"]
    assert e1 and e1 == e2
    assert seed_run["again"].exit_code == 0 and "1 already stored" in seed_run["again"].stderr


def test_seed_camps(seed_run):
    """The gold camps, ignoring actors the gold puts in no camp (the UN, the EU)."""
    gold_camps = sorted(sorted(c) for c in seed_run["gold"]["relations"]["camps"])
    members = {m for c in gold_camps for m in c}
    group = seed_run["group"]
    got = [sorted(g for m in camp if (g := group.get(m, m)) in members) for camp in seed_run["net"]["camps"]]
    assert sorted(c for c in got if c) == gold_camps


def test_seed_no_wrong_relations(seed_run):
    g = seed_run["group"]
    camp = {m: i for i, c in enumerate(seed_run["gold"]["relations"]["camps"]) for m in c}
    exempt = {tuple(x) for x in seed_run["gold"]["relations"]["exempt"]}
    for e in seed_run["net"]["edges"]:
        a, r = g.get(e["actor"]), g.get(e["recipient"])
        if a in camp and r in camp and (a, r) not in exempt:
            assert (camp[a] == camp[r]) == (e["kind"] == "cooperative"), e


def test_seed_relations(seed_run):
    g = seed_run["group"]
    got = {(g.get(e["actor"]), g.get(e["recipient"])): e["kind"] for e in seed_run["net"]["edges"]}
    for rel in seed_run["gold"]["relations"]["required"]:
        assert got.get((rel["actor"], rel["recipient"])) == rel["kind"], rel
